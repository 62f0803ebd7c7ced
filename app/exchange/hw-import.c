/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-import-private.h"

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
  guint64 done;

  if (ctx->options.progress == NULL || ctx->reader == NULL)
    return;
  done = hw_xml_reader_get_bytes_read (ctx->reader);
  if (!force && done - ctx->progress_at < PROGRESS_BYTES)
    return;
  ctx->progress_at = done;
  ctx->options.progress (ctx->file, ctx->file_index, ctx->n_files, done,
                         hw_xml_reader_get_size (ctx->reader), ctx->cases_in_file,
                         ctx->options.user_data);
}

gboolean
hw_import_failed (HwImportContext *ctx)
{
  return ctx->n_errors > 0;
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

gboolean
hw_import_set_setting (HwImportContext *ctx, int line, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;
  gpointer stored = NULL;
  gboolean known;

  known = g_hash_table_lookup_extended (ctx->settings, key, NULL, &stored);
  if (!known)
    {
      stored = hw_store_dup_setting (ctx->store, key);
      g_hash_table_insert (ctx->settings, g_strdup (key), stored);
    }
  if (g_strcmp0 (stored, value) == 0)
    return TRUE;
  if (hw_import_failed (ctx))
    return FALSE;
  if (!hw_store_set_setting (ctx->store, key, value, &error))
    {
      hw_import_take_error (ctx, line, g_steal_pointer (&error));
      return FALSE;
    }
  g_hash_table_insert (ctx->settings, g_strdup (key), g_strdup (value));
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
        hw_ssb_import_document (ctx);
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
}

static void
context_clear (HwImportContext *ctx)
{
  g_string_free (ctx->errors, TRUE);
  g_hash_table_unref (ctx->known);
  g_array_unref (ctx->pending);
  g_string_chunk_free (ctx->strings);
  g_hash_table_unref (ctx->settings);
}

/* Ends the transaction: commits when nothing failed (and this is not a dry run). */
static gboolean
finish (HwImportContext *ctx, GError **error)
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

  if (hw_import_failed (ctx))
    {
      if (ctx->errors->len > 0 && ctx->errors->str[ctx->errors->len - 1] == '\n')
        g_string_truncate (ctx->errors, ctx->errors->len - 1);
      if (ctx->stop)
        g_string_append_printf (ctx->errors, "\n%s",
                                _("(too many errors: the rest was not read)"));
      g_set_error_literal (error, HW_ERROR, HW_ERROR_INVALID, ctx->errors->str);
      return FALSE;
    }
  return TRUE;
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
  HwImportContext ctx;
  guint cache_before;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);
  files = expand_paths (paths, error);
  if (files == NULL)
    return FALSE;
  if (!hw_store_begin (store, error))
    return FALSE;
  /* A file of a whole country's cases: a larger cache keeps its random index inserts from
   * re-reading pages (measured 50k children: see README, Performance). */
  cache_before = hw_store_set_cache_size (store, IMPORT_CACHE_MIB);

  context_init (&ctx, store, options, summary);
  ctx.n_files = files->len;
  for (guint i = 0; i < files->len && !ctx.stop; i++)
    {
      GError *local = NULL;
      g_autoptr(HwXmlReader) reader = NULL;

      ctx.file = files->pdata[i];
      ctx.file_index = i;
      reader = hw_xml_reader_new_for_file (files->pdata[i], NULL, NULL, &local);
      if (reader == NULL)
        hw_import_take_error (&ctx, 0, local);
      else
        import_reader (&ctx, reader);
    }
  ok = finish (&ctx, error);
  context_clear (&ctx);
  hw_store_set_cache_size (store, cache_before);
  return ok;
}

gboolean
hw_import_memory (HwStore *store, const char *name, const char *data, gsize length,
                  const HwImportOptions *options, HwImportSummary *summary, GError **error)
{
  HwImportSummary local_summary;
  g_autoptr(HwXmlReader) reader = NULL;
  HwImportContext ctx;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (summary == NULL)
    summary = &local_summary;
  if (!hw_store_begin (store, error))
    return FALSE;
  context_init (&ctx, store, options, summary);
  ctx.file = name ? name : "-";
  ctx.n_files = 1;
  reader = hw_xml_reader_new_for_memory (data, length, ctx.file, NULL, &local);
  if (reader == NULL)
    hw_import_take_error (&ctx, 0, local);
  else
    import_reader (&ctx, reader);
  ok = finish (&ctx, error);
  context_clear (&ctx);
  return ok;
}
