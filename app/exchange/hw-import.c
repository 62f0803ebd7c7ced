/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-catalogue.h"
#include "hw-error.h"
#include "hw-import-private.h"
#include "hw-settings.h"
#include "hw-ssb-private.h"

#define DEFAULT_MAX_ERRORS 20
#define PROGRESS_BYTES     (256 * 1024)
#define IMPORT_CACHE_MIB   96    /* peak memory stays under the 150 MB target */

typedef struct {
  const char *file;
  int         line;
  const char *what;
  HwEntity    entity;
  const char *id;
} PendingRef;

/* Where a case stands in this import. */
typedef struct {
  guint  file_index;
  int    line;
  char  *label;
} CaseSeen;

/* One input, read twice: a file, a spooled copy of a pipe (unlinked, kept open), or memory. */
typedef struct {
  char       *name;       /* in messages */
  char       *path;       /* a regular file */
  int         fd;         /* the spool, or -1 */
  gboolean    memory;
  const char *data;
  gsize       length;
} Input;

void
hw_import_error (HwImportContext *ctx, int line, const char *format, ...)
{
  va_list args;

  if (ctx->n_errors >= ctx->options.max_errors)
    return;
  if (line > 0)
    g_string_append_printf (ctx->errors, "%s:%d: ", ctx->file, line);
  else
    g_string_append_printf (ctx->errors, "%s: ", ctx->file);
  va_start (args, format);
  g_string_append_vprintf (ctx->errors, format, args);
  va_end (args);
  g_string_append_c (ctx->errors, '\n');
  if (++ctx->n_errors >= ctx->options.max_errors)
    ctx->stop = TRUE;
}

void
hw_import_take_error (HwImportContext *ctx, int line, GError *error)
{
  if (error == NULL)
    return;
  /* The reader's messages already start with the file name. */
  if (g_str_has_prefix (error->message, ctx->file) &&
      error->message[strlen (ctx->file)] == ':')
    {
      if (ctx->n_errors < ctx->options.max_errors)
        {
          g_string_append (ctx->errors, error->message);
          g_string_append_c (ctx->errors, '\n');
          if (++ctx->n_errors >= ctx->options.max_errors)
            ctx->stop = TRUE;
        }
    }
  else
    hw_import_error (ctx, line, "%s", error->message);
  g_error_free (error);
}

void
hw_import_warn (HwImportContext *ctx, int line, const char *control, const char *severity,
                const char *format, ...)
{
  g_autofree char *message = NULL;
  HwImportWarning warning;
  va_list args;

  /* The first pass reported them. */
  if (ctx->writing)
    return;
  ctx->summary->warnings++;
  if (ctx->options.warning == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  warning.file = ctx->file;
  warning.line = line;
  warning.control = control;
  warning.severity = severity;
  warning.message = message;
  ctx->options.warning (&warning, ctx->options.user_data);
}

void
hw_import_progress (HwImportContext *ctx, gboolean force)
{
  guint64 done, size;

  if (ctx->options.progress == NULL || ctx->reader == NULL)
    return;
  done = hw_xml_reader_get_bytes_read (ctx->reader);
  if (!force && done - ctx->progress_at < PROGRESS_BYTES)
    return;
  ctx->progress_at = done;
  /* Each file is read twice (checked, then written): the first pass is the first half. */
  size = hw_xml_reader_get_size (ctx->reader);
  ctx->options.progress (ctx->file, ctx->file_index, ctx->n_files,
                         MIN (done, size) + (ctx->writing ? size : 0), 2 * size,
                         ctx->cases_in_file, ctx->options.user_data);
}

gboolean
hw_import_failed (HwImportContext *ctx)
{
  return ctx->n_errors > 0;
}

gboolean
hw_import_writes (HwImportContext *ctx)
{
  return ctx->writing && !hw_import_failed (ctx);
}

static void
case_seen_free (gpointer data)
{
  CaseSeen *seen = data;

  g_free (seen->label);
  g_free (seen);
}

gboolean
hw_import_note_case (HwImportContext *ctx, int line, const char *id, const char *label)
{
  CaseSeen *seen = g_hash_table_lookup (ctx->cases, id);

  if (seen)
    {
      hw_import_error (ctx, line,
                       /* Translators: "case M-1 (5a…) is in this import twice: also at x.xml:8" */
                       _("case %s (%s) is in this import twice: also at %s:%d; a case may "
                         "appear once"),
                       label ? label : seen->label ? seen->label : "", id,
                       ctx->file_names[seen->file_index], seen->line);
      return FALSE;
    }
  seen = g_new0 (CaseSeen, 1);
  seen->file_index = ctx->file_index;
  seen->line = line;
  seen->label = g_strdup (label);
  g_hash_table_insert (ctx->cases, g_strdup (id), seen);
  return TRUE;
}

/* How the user knows a case or foster home: its journal number or name, and its id. */
static char *
dup_owner_label (HwImportContext *ctx, HwEntity entity, const char *id)
{
  g_autoptr(GError) error = NULL;
  gpointer rec = hw_store_load (ctx->store, entity, id, &error);
  const char *label = NULL;
  char *text;

  if (rec && entity == HW_ENTITY_CASE)
    label = ((HwCase *) rec)->journal_no;
  else if (rec && entity == HW_ENTITY_FOSTER_HOME)
    label = ((HwFosterHome *) rec)->name;
  text = label ? g_strdup_printf ("%s (%s)", label, id) : g_strdup (id);
  hw_record_free (rec);
  return text;
}

gboolean
hw_import_check_owner (HwImportContext *ctx, int line, gconstpointer record,
                       const char *owner_id, const char *owner_label)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *other = NULL;
  g_autofree char *here = NULL;

  if (rec->id == NULL || owner_id == NULL)
    return TRUE;
  stored = hw_store_lookup_owner (ctx->store, rec->entity, rec->id, &error);
  if (error)
    {
      hw_import_take_error (ctx, line, g_steal_pointer (&error));
      return FALSE;
    }
  if (stored == NULL || strcmp (stored, owner_id) == 0)
    return TRUE;
  other = dup_owner_label (ctx, info->owner, stored);
  here = owner_label ? g_strdup_printf ("%s (%s)", owner_label, owner_id)
                     : g_strdup (owner_id);
  if (info->owner == HW_ENTITY_CASE)
    hw_import_error (ctx, line,
                     /* Translators: "Measure c5… belongs to case 2024-00017 (c0…), not to
                      * case 2024-00018 (c0…): …" */
                     _("%s %s belongs to case %s, not to case %s: an import never moves a "
                       "record to another case"), _(info->label), rec->id, other, here);
  else
    hw_import_error (ctx, line,
                     _("%s %s belongs to foster home %s, not to foster home %s: an import "
                       "never moves a record to another foster home"), _(info->label),
                     rec->id, other, here);
  return FALSE;
}

static char *
root_key (HwEntity entity, const char *id)
{
  return g_strdup_printf ("%d:%s", (int) entity, id);
}

gboolean
hw_import_root_exists (HwImportContext *ctx, HwEntity entity, const char *id)
{
  g_autofree char *key = root_key (entity, id);
  gpointer record;

  if (g_hash_table_contains (ctx->known, key))
    return TRUE;
  if (entity == HW_ENTITY_CASE && g_hash_table_contains (ctx->cases, id))
    return TRUE;
  record = hw_store_load (ctx->store, entity, id, NULL);
  if (record == NULL)
    return FALSE;
  hw_record_free (record);
  /* Cases are many: remember only the few teams, staff members and homes. */
  if (entity != HW_ENTITY_CASE)
    g_hash_table_add (ctx->known, g_steal_pointer (&key));
  return TRUE;
}

void
hw_import_note_root (HwImportContext *ctx, HwEntity entity, const char *id)
{
  if (entity != HW_ENTITY_CASE)
    g_hash_table_add (ctx->known, root_key (entity, id));
}

void
hw_import_check_root_ref (HwImportContext *ctx, int line, const char *what, HwEntity entity,
                          const char *id)
{
  PendingRef ref;

  if (id == NULL || hw_import_root_exists (ctx, entity, id))
    return;
  ref.file = g_string_chunk_insert_const (ctx->strings, ctx->file);
  ref.line = line;
  ref.what = what;
  ref.entity = entity;
  ref.id = g_string_chunk_insert_const (ctx->strings, id);
  g_array_append_val (ctx->pending, ref);
}

static void
check_pending_refs (HwImportContext *ctx)
{
  const char *saved = ctx->file;

  for (guint i = 0; i < ctx->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (ctx->pending, PendingRef, i);

      if (hw_import_root_exists (ctx, ref->entity, ref->id))
        continue;
      ctx->file = ref->file;
      hw_import_error (ctx, ref->line,
                       /* Translators: "Case refers to Staff member 1234…, which is …" */
                       _("%s refers to %s %s, which is neither in the imported files nor in "
                         "the database"),
                       ref->what, _(hw_entity_info (ref->entity)->label), ref->id);
    }
  ctx->file = saved;
}

/* The settings Homeward keeps besides the rule settings (other parts own them). */
typedef enum { KEEP_DIGITS, KEEP_NAME, KEEP_TEXT } KeepKind;

static const struct {
  const char *key;
  KeepKind    kind;
  guint       n;            /* digits, or the longest name */
} other_settings[] = {
  /* The service's identity: the Barnevern v4 import stores Avgiver, its export writes it. */
  { "service-org-number", KEEP_DIGITS, 9 },
  { "service-municipality", KEEP_DIGITS, 4 },
  { "service-municipality-name", KEEP_NAME, 250 },
  { "service-district", KEEP_DIGITS, 2 },
  { "service-district-name", KEEP_NAME, 250 },
  /* The plan template: app/document checks it (HwImportOptions.check_setting). */
  { "plan.template", KEEP_TEXT, 0 },
  /* When the store's plan activities were first made (app/service/hw-service-plan.h). */
  { "plan.activities-applied", KEEP_TEXT, 0 },
};

/* A setting's value as it is to be stored (@normal, "042 " → "42" as `settings --set` stores
 * it), or FALSE with a message naming the key. A NULL value returns a setting to its
 * default. */
static gboolean
check_setting (HwImportContext *ctx, const char *key, const char *value, char **normal,
               GError **error)
{
  int number;

  *normal = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (other_settings); i++)
    {
      if (strcmp (key, other_settings[i].key) != 0)
        continue;
      if (value == NULL)
        return TRUE;
      if ((other_settings[i].kind == KEEP_DIGITS &&
           !hw_ssb_digits_are_valid (value, other_settings[i].n)) ||
          (other_settings[i].kind == KEEP_NAME &&
           (*value == '\0' || g_utf8_strlen (value, -1) > (glong) other_settings[i].n)))
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       /* Translators: the setting's key and value */
                       _("setting %s: “%s” is not a valid value"), key, value);
          return FALSE;
        }
      if (other_settings[i].kind == KEEP_TEXT && ctx->options.check_setting &&
          !ctx->options.check_setting (key, value, error))
        {
          g_prefix_error (error, _("setting %s: "), key);
          return FALSE;
        }
      *normal = g_strdup (value);
      return TRUE;
    }

  /* The rule settings: exactly the check `homeward-cli settings --set` makes. */
  if (ctx->catalogue == NULL && (ctx->catalogue = hw_catalogue_load_default (error)) == NULL)
    return FALSE;
  if (value == NULL)
    {
      if (hw_catalogue_find_setting (ctx->catalogue, key, NULL) != NULL)
        return TRUE;
      value = "";   /* fails below with "There is no setting" */
    }
  if (!hw_settings_parse_value (ctx->catalogue, key, value, &number, error))
    return FALSE;
  *normal = g_strdup_printf ("%d", number);
  return TRUE;
}

gboolean
hw_import_set_setting (HwImportContext *ctx, int line, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  gpointer stored = NULL;
  gboolean known;

  if (!check_setting (ctx, key, value, &normal, &error))
    {
      hw_import_take_error (ctx, line, g_steal_pointer (&error));
      return FALSE;
    }
  known = g_hash_table_lookup_extended (ctx->settings, key, NULL, &stored);
  if (!known)
    {
      stored = hw_store_dup_setting (ctx->store, key);
      g_hash_table_insert (ctx->settings, g_strdup (key), stored);
    }
  if (g_strcmp0 (stored, normal) == 0)
    return TRUE;
  if (hw_import_failed (ctx))
    return FALSE;
  if (hw_import_writes (ctx) && !hw_store_set_setting (ctx->store, key, normal, &error))
    {
      hw_import_take_error (ctx, line, g_steal_pointer (&error));
      return FALSE;
    }
  g_hash_table_insert (ctx->settings, g_strdup (key), g_steal_pointer (&normal));
  ctx->summary->settings++;
  return TRUE;
}

static void
import_reader (HwImportContext *ctx, HwXmlReader *reader)
{
  GError *error = NULL;
  const char *root;

  ctx->reader = reader;
  ctx->cases_in_file = 0;
  ctx->progress_at = 0;
  hw_import_progress (ctx, TRUE);

  if (!hw_xml_reader_read_root (reader, &error))
    hw_import_take_error (ctx, 0, error);
  else
    {
      root = hw_xml_reader_get_root_name (reader);
      if (g_strcmp0 (root, "Barnevern") == 0)
        {
          guint errors_before = ctx->n_errors;

          /* SSB's schema has the last word on a file Homeward's own checks let through. */
          hw_ssb_import_document (ctx);
          if (ctx->n_errors == errors_before && !ctx->stop &&
              !hw_xml_reader_check_schema (reader, &error))
            hw_import_take_error (ctx, 0, error);
        }
      else if (g_strcmp0 (root, "homeward") == 0)
        hw_homeward_import_document (ctx);
      else
        hw_import_error (ctx, hw_xml_reader_get_root_line (reader),
                         _("the root element is <%s>: a Barnevern v4 file starts with "
                           "<Barnevern>, a Homeward file with <homeward>"), root);
    }

  ctx->summary->files++;
  ctx->summary->bytes += hw_xml_reader_get_bytes_read (reader);
  hw_import_progress (ctx, TRUE);
  ctx->reader = NULL;
}

static void
context_init (HwImportContext *ctx, HwStore *store, const HwImportOptions *options,
              HwImportSummary *summary)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  if (options)
    ctx->options = *options;
  if (ctx->options.max_errors == 0)
    ctx->options.max_errors = DEFAULT_MAX_ERRORS;
  ctx->summary = summary;
  memset (summary, 0, sizeof *summary);
  ctx->errors = g_string_new (NULL);
  ctx->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  ctx->strings = g_string_chunk_new (4096);
  ctx->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, case_seen_free);
}

/* Forgets what the first pass noted, which it did not write; keeps its warnings' count. */
static void
context_rewind (HwImportContext *ctx)
{
  guint warnings = ctx->summary->warnings;

  memset (ctx->summary, 0, sizeof *ctx->summary);
  ctx->summary->warnings = warnings;
  g_hash_table_remove_all (ctx->known);
  g_array_set_size (ctx->pending, 0);
  g_string_chunk_clear (ctx->strings);
  g_hash_table_remove_all (ctx->settings);
  g_hash_table_remove_all (ctx->cases);
}

static void
context_clear (HwImportContext *ctx)
{
  g_string_free (ctx->errors, TRUE);
  g_hash_table_unref (ctx->known);
  g_array_unref (ctx->pending);
  g_string_chunk_free (ctx->strings);
  g_hash_table_unref (ctx->settings);
  g_hash_table_unref (ctx->cases);
  g_clear_pointer (&ctx->catalogue, hw_catalogue_unref);
}

/* The errors collected, as one GError. */
static gboolean
report (HwImportContext *ctx, GError **error)
{
  if (!hw_import_failed (ctx))
    return TRUE;
  if (ctx->errors->len > 0 && ctx->errors->str[ctx->errors->len - 1] == '\n')
    g_string_truncate (ctx->errors, ctx->errors->len - 1);
  if (ctx->stop)
    g_string_append_printf (ctx->errors, "\n%s", _("(too many errors: the rest was not read)"));
  g_set_error_literal (error, HW_ERROR, HW_ERROR_INVALID, ctx->errors->str);
  return FALSE;
}

/* Ends the writing pass's transaction: commits when nothing failed (and this is not a dry
 * run). */
static void
finish (HwImportContext *ctx)
{
  g_autoptr(GError) local = NULL;

  if (!hw_import_failed (ctx))
    check_pending_refs (ctx);

  if (hw_import_failed (ctx) || ctx->options.dry_run)
    hw_store_rollback (ctx->store);
  else if (!hw_store_commit (ctx->store, &local))
    {
      ctx->file = _("database");
      hw_import_error (ctx, 0, "%s", local->message);
    }
}

static void
input_free (gpointer data)
{
  Input *in = data;

  if (in->fd >= 0)
    close (in->fd);
  g_free (in->name);
  g_free (in->path);
  g_free (in);
}

static HwXmlReader *
input_open (Input *in, GError **error)
{
  if (in->memory)
    return hw_xml_reader_new_for_memory (in->data, in->length, in->name, NULL, error);
  if (in->fd >= 0)
    {
      if (lseek (in->fd, 0, SEEK_SET) != 0)
        {
          int saved = errno;

          g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", in->name, g_strerror (saved));
          return NULL;
        }
      return hw_xml_reader_new_for_fd (in->fd, in->name, NULL, error);
    }
  return hw_xml_reader_new_for_file (in->path, in->name, NULL, error);
}

/* A Barnevern v4 file is read with SSB's schema: a file SSB would reject is refused. libxml2
 * validates as it parses, from the first byte, so the file is opened again once its root
 * element says what it is. */
static HwXmlReader *
input_open_for_import (Input *in, GError **error)
{
  g_autoptr(HwXmlReader) probe = input_open (in, error);
  HwXmlReader *reader;
  xmlSchema *schema;

  if (probe == NULL)
    return NULL;
  if (!hw_xml_reader_read_root (probe, NULL) ||
      g_strcmp0 (hw_xml_reader_get_root_name (probe), "Barnevern") != 0)
    return input_open (in, error);   /* import_reader reports what is wrong */
  schema = hw_ssb_schema (error);
  if (schema == NULL)
    return NULL;
  reader = input_open (in, error);
  if (reader && !hw_xml_reader_set_schema (reader, schema))
    {
      hw_xml_reader_free (reader);
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", in->name,
                   _("cannot validate against SSB's schema"));
      return NULL;
    }
  return reader;
}

/* A pipe (or a terminal, a socket) can be read once, and may be slow or stall: it is copied
 * first into a private file beside the database, unlinked at once so that nothing is left
 * behind, and read from there twice. */
static int
spool (HwStore *store, const char *source, const char *name, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (hw_store_get_path (store));
  g_autofree char *base = g_path_get_basename (hw_store_get_path (store));
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.import-XXXXXX", dir, base);
  char buf[64 * 1024];
  int in, out, saved = 0;
  gssize n;

  in = strcmp (source, "-") == 0 ? dup (STDIN_FILENO) : g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      saved = errno;
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", name, g_strerror (saved));
      return -1;
    }
  out = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      saved = errno;
      close (in);
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", tmp, g_strerror (saved));
      return -1;
    }
  g_unlink (tmp);
  while ((n = read (in, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          break;
        }
      for (gssize done = 0, w; done < n; done += w)
        if ((w = write (out, buf + done, (gsize) (n - done))) < 0)
          {
            if (errno == EINTR)
              {
                w = 0;
                continue;
              }
            saved = errno;
            break;
          }
      if (saved)
        break;
    }
  close (in);
  if (saved)
    {
      close (out);
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: could not read it: %s"), name,
                   g_strerror (saved));
      return -1;
    }
  return out;
}

static void
run_pass (HwImportContext *ctx, GPtrArray *inputs)
{
  for (guint i = 0; i < inputs->len && !ctx->stop; i++)
    {
      Input *in = inputs->pdata[i];
      GError *local = NULL;
      g_autoptr(HwXmlReader) reader = NULL;

      ctx->file = in->name;
      ctx->file_index = i;
      reader = input_open_for_import (in, &local);
      if (reader == NULL)
        hw_import_take_error (ctx, 0, local);
      else
        import_reader (ctx, reader);
    }
  /* References to records later in the files, now that all were read. */
  if (!hw_import_failed (ctx) && !ctx->writing)
    check_pending_refs (ctx);
}

/* Checks every input without the write lock, then (unless @check_only) writes it all in one
 * transaction. */
static gboolean
import_inputs (HwStore *store, GPtrArray *inputs, const HwImportOptions *options,
               gboolean check_only, HwImportSummary *summary, GError **error)
{
  g_autofree const char **names = g_new0 (const char *, inputs->len + 1);
  HwImportContext ctx;
  guint cache_before;
  gboolean ok = FALSE;
  gint64 start;

  for (guint i = 0; i < inputs->len; i++)
    names[i] = ((Input *) inputs->pdata[i])->name;
  /* A file of a whole country's cases: a larger cache keeps its random index inserts from
   * re-reading pages (measured 50k children: see README, Performance). */
  cache_before = hw_store_set_cache_size (store, IMPORT_CACHE_MIB);
  context_init (&ctx, store, options, summary);
  ctx.n_files = inputs->len;
  ctx.file_names = names;

  start = g_get_monotonic_time ();
  run_pass (&ctx, inputs);
  g_debug ("checked in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  if (!hw_import_failed (&ctx) && !check_only)
    {
      context_rewind (&ctx);
      ctx.writing = TRUE;
      start = g_get_monotonic_time ();
      if (!hw_store_begin (store, error))
        goto out;
      run_pass (&ctx, inputs);
      finish (&ctx);
      g_debug ("written in %.3f s (the write lock held)", (g_get_monotonic_time () - start) / 1e6);
    }
  ok = report (&ctx, error);
out:
  context_clear (&ctx);
  hw_store_set_cache_size (store, cache_before);
  return ok;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The files to read: each file as given, each folder's *.xml files sorted by name. */
static GPtrArray *
expand_paths (const char *const *paths, GError **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (strcmp (paths[i], "-") == 0)   /* standard input */
        {
          g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }
      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("%s: no such file or folder"),
                       paths[i]);
          return NULL;
        }
      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }
      dir = g_dir_open (paths[i], 0, error);
      if (dir == NULL)
        return NULL;
      found = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (paths[i], name, NULL);
          g_autofree char *lower = g_ascii_strdown (name, -1);

          if (g_str_has_suffix (lower, ".xml") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (found, g_steal_pointer (&path));
        }
      g_ptr_array_sort (found, compare_names);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (files, g_strdup (found->pdata[j]));
    }
  if (files->len == 0)
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("no files to import"));
      return NULL;
    }
  return g_steal_pointer (&files);
}

HwExchangeFormat
hw_exchange_detect_format (const char *path, GError **error)
{
  g_autoptr(HwXmlReader) reader = hw_xml_reader_new_for_file (path, NULL, NULL, error);
  const char *root;

  if (reader == NULL || !hw_xml_reader_read_root (reader, error))
    return HW_EXCHANGE_FORMAT_UNKNOWN;
  root = hw_xml_reader_get_root_name (reader);
  if (g_strcmp0 (root, "Barnevern") == 0)
    return HW_EXCHANGE_FORMAT_BARNEVERN_V4;
  if (g_strcmp0 (root, "homeward") == 0)
    return HW_EXCHANGE_FORMAT_HOMEWARD;
  hw_xml_reader_set_error (reader, error, HW_ERROR_PARSE, hw_xml_reader_get_root_line (reader),
                           _("the root element is <%s>: a Barnevern v4 file starts with "
                             "<Barnevern>, a Homeward file with <homeward>"), root);
  return HW_EXCHANGE_FORMAT_UNKNOWN;
}

gboolean
hw_import_paths (HwStore *store, const char *const *paths, const HwImportOptions *options,
                 HwImportSummary *summary, GError **error)
{
  HwImportSummary local_summary;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);
  files = expand_paths (paths, error);
  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      Input *in = g_new0 (Input, 1);
      GStatBuf st;

      g_ptr_array_add (inputs, in);
      in->fd = -1;
      in->name = g_strdup (file);
      if (strcmp (file, "-") != 0 && g_stat (file, &st) == 0 && S_ISREG (st.st_mode))
        in->path = g_strdup (file);
      else if ((in->fd = spool (store, file, in->name, error)) < 0)
        return FALSE;
    }
  return import_inputs (store, inputs, options, FALSE, summary, error);
}

static gboolean
import_memory (HwStore *store, const char *name, const char *data, gsize length,
               const HwImportOptions *options, gboolean check_only, HwImportSummary *summary,
               GError **error)
{
  HwImportSummary local_summary;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  Input *in = g_new0 (Input, 1);

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (summary == NULL)
    summary = &local_summary;
  in->fd = -1;
  in->name = g_strdup (name ? name : "-");
  in->memory = TRUE;
  in->data = data;
  in->length = length;
  g_ptr_array_add (inputs, in);
  return import_inputs (store, inputs, options, check_only, summary, error);
}

gboolean
hw_import_memory (HwStore *store, const char *name, const char *data, gsize length,
                  const HwImportOptions *options, HwImportSummary *summary, GError **error)
{
  return import_memory (store, name, data, length, options, FALSE, summary, error);
}

gboolean
hw_import_check_memory (HwStore *store, const char *name, const char *data, gsize length,
                        const HwImportOptions *options, HwImportSummary *summary,
                        GError **error)
{
  return import_memory (store, name, data, length, options, TRUE, summary, error);
}
