/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-homeward-xml"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "hw-error.h"
#include "hw-homeward-xml.h"
#include "hw-import-private.h"
#include "hw-xml-output.h"

/* Dates a Homeward file may hold: a grandparent's birth, a plan's review years ahead. */
#define MIN_YEAR 1900
#define MAX_YEAR 2199

/* ==== writing ==== */

typedef struct {
  xmlTextWriterPtr writer;
  HwOutputFile    *out;
  gboolean         failed;
  GString         *scratch;
} Writer;

/* XML 1.0 cannot carry most control characters: replace them (and broken UTF-8) so the file
 * stays well-formed. */
static const char *
xml_safe (Writer *w, const char *text)
{
  gboolean clean = g_utf8_validate (text, -1, NULL);

  for (const char *p = text; clean && *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      clean = FALSE;
  if (clean)
    return text;
  {
    g_autofree char *valid = g_utf8_make_valid (text, -1);

    g_string_truncate (w->scratch, 0);
    for (const char *p = valid; *p; p++)
      {
        if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
          g_string_append (w->scratch, "\xef\xbf\xbd");
        else
          g_string_append_c (w->scratch, *p);
      }
  }
  return w->scratch->str;
}

static void
start (Writer *w, const char *name)
{
  if (xmlTextWriterStartElement (w->writer, BAD_CAST name) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (xmlTextWriterEndElement (w->writer) < 0)
    w->failed = TRUE;
}

static void
put (Writer *w, const char *name, const char *value)
{
  if (value && xmlTextWriterWriteAttribute (w->writer, BAD_CAST name,
                                            BAD_CAST xml_safe (w, value)) < 0)
    w->failed = TRUE;
}

/* One record: its entity's element, "id" and one attribute per field. The owner reference is
 * left out of nested records: the enclosing element says it. */
static void
write_fields (Writer *w, gconstpointer record, gboolean nested)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);

  start (w, info->name);
  put (w, "id", rec->id);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      g_autofree char *value = NULL;

      if (nested && (f->flags & HW_FIELD_OWNER))
        continue;
      value = hw_field_dup_string (record, f);
      if (value && *value)
        put (w, f->name, value);
    }
}

static void
write_dossier (Writer *w, const HwDossier *dossier)
{
  write_fields (w, dossier->root, FALSE);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = dossier->records[e];

      for (guint i = 0; a && i < a->len; i++)
        {
          write_fields (w, a->pdata[i], TRUE);
          end (w);
        }
    }
  end (w);
}

static gboolean
write_case (HwDossier *dossier, gpointer user_data, GError **error)
{
  Writer *w = user_data;

  write_dossier (w, dossier);
  if (w->failed || !hw_output_file_check (w->out, NULL))
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_FAILED, _("cannot write the file"));
      return FALSE;
    }
  return TRUE;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The keys of @table, borrowed, sorted. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static gboolean
write_everything (Writer *w, HwStore *store, GDateTime *exported, GError **error)
{
  g_autoptr(GHashTable) settings = hw_store_dup_settings (store);
  g_autoptr(GHashTable) homes = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *when = NULL;
  g_autofree char *format = g_strdup_printf ("%d", HW_HOMEWARD_FORMAT_VERSION);
  HwEntity roots[] = { HW_ENTITY_TEAM, HW_ENTITY_STAFF };

  when = g_date_time_format (exported, "%Y-%m-%dT%H:%M:%SZ");
  if (xmlTextWriterStartDocument (w->writer, "1.0", "UTF-8", NULL) < 0)
    w->failed = TRUE;
  start (w, "homeward");
  put (w, "format", format);
  put (w, "exported", when);
  put (w, "generator", "Homeward " PACKAGE_VERSION);

  keys = sorted_keys (settings);
  for (guint i = 0; i < keys->len; i++)
    {
      start (w, "setting");
      put (w, "key", keys->pdata[i]);
      put (w, "value", g_hash_table_lookup (settings, keys->pdata[i]));
      end (w);
    }

  for (guint r = 0; r < G_N_ELEMENTS (roots); r++)
    {
      g_autoptr(GPtrArray) all = hw_store_list (store, roots[r], error);

      if (all == NULL)
        return FALSE;
      for (guint i = 0; i < all->len; i++)
        {
          write_fields (w, all->pdata[i], FALSE);
          end (w);
        }
    }

  homes = hw_store_load_homes (store, error);
  if (homes == NULL)
    return FALSE;
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = sorted_keys (homes);
  for (guint i = 0; i < keys->len; i++)
    write_dossier (w, g_hash_table_lookup (homes, keys->pdata[i]));

  if (!hw_store_foreach_case (store, write_case, w, error))
    return FALSE;
  end (w);
  if (xmlTextWriterEndDocument (w->writer) < 0)
    w->failed = TRUE;
  if (w->failed || !hw_output_file_check (w->out, NULL))
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_FAILED, _("cannot write the file"));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_homeward_export (HwStore *store, const char *path, GDateTime *exported, GError **error)
{
  g_autoptr(HwOutputFile) out = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local = NULL;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out = hw_output_file_open (path, error);
  if (out == NULL)
    return FALSE;
  w.out = out;
  w.writer = hw_xml_output_new_writer (out);
  if (w.writer == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: cannot write the file"), path);
      return FALSE;
    }
  w.scratch = g_string_new (NULL);
  xmlTextWriterSetIndent (w.writer, 1);
  xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ");
  now = exported ? g_date_time_to_utc (exported) : g_date_time_new_now_utc ();

  ok = write_everything (&w, store, now, &local);
  /* Freeing the writer flushes its last buffer into the file. */
  xmlFreeTextWriter (w.writer);
  g_string_free (w.scratch, TRUE);
  if (!ok)
    {
      /* A failed write says why (the disk is full…) and names the file itself. */
      if (!hw_output_file_check (out, error))
        return FALSE;
      g_set_error (error, HW_ERROR, local ? local->code : HW_ERROR_FAILED, "%s: %s", path,
                   local ? local->message : _("cannot write the file"));
      return FALSE;
    }
  return hw_output_file_commit (g_steal_pointer (&out), error);
}

/* ==== reading ==== */

typedef struct {
  HwImportContext *ctx;
  HwXmlReader     *reader;
  gboolean         bad;          /* the current record failed */
  HwDate           min_date;
  HwDate           max_date;
  GHashTable      *roots_seen;   /* ids of teams, staff and homes in this file */
} Doc;

static void
fail (Doc *doc, const xmlNode *node, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (Doc *doc, const xmlNode *node, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hw_import_error (doc->ctx, hw_xml_reader_get_line (doc->reader, node), "%s", message);
  doc->bad = TRUE;
}

static const char *
name_of (const xmlNode *node)
{
  return (const char *) node->name;
}

/* A record from an element: "id" and one attribute per field of the entity, nothing else. */
static gpointer
read_record (Doc *doc, const xmlNode *node, const HwEntityInfo *info, const char *owner_id)
{
  HwRecord *rec = g_malloc0 (info->size);
  const HwField *owner = NULL;

  rec->entity = info->entity;
  for (guint i = 0; i < info->n_fields; i++)
    if ((info->fields[i].flags & HW_FIELD_OWNER) && info->entity != info->owner)
      owner = &info->fields[i];

  for (const xmlAttr *a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;
      const char *value = hw_xml_reader_attribute_value (doc->reader, a);
      const HwField *f;
      g_autoptr(GError) error = NULL;
      g_autofree char *lower = NULL;

      if (a->ns != NULL)
        continue;   /* xsi:schemaLocation and the like */
      if (strcmp (name, "id") == 0)
        {
          if (!hw_uuid_is_valid (value))
            fail (doc, node, _("id of <%s>: “%s” is not a valid UUID"), name_of (node), value);
          else
            rec->id = g_ascii_strdown (value, -1);
          continue;
        }
      f = hw_entity_find_field (info, name);
      if (f == NULL)
        {
          fail (doc, node, _("<%s> has no attribute %s"), name_of (node), name);
          continue;
        }
      if (f->type == HW_FIELD_REF && value)
        value = lower = g_ascii_strdown (value, -1);
      if (f == owner && owner_id && g_strcmp0 (value, owner_id) != 0)
        {
          fail (doc, node, _("%s of <%s> is %s, but the record stands in %s"), name,
                name_of (node), value, owner_id);
          continue;
        }
      if (!hw_field_parse_string (rec, f, value, &error))
        {
          fail (doc, node, "<%s>: %s", name_of (node), error->message);
          continue;
        }
      if (f->type == HW_FIELD_DATE && value && *value)
        {
          HwDate d = (HwDate) hw_field_get_int (rec, f);

          if (d < doc->min_date || d > doc->max_date)
            fail (doc, node, _("%s of <%s> (%s) is outside %d–%d"), name, name_of (node), value,
                  MIN_YEAR, MAX_YEAR);
        }
    }
  if (rec->id == NULL && !doc->bad)
    fail (doc, node, _("<%s> lacks the required attribute id"), name_of (node));
  if (owner && owner_id)
    hw_field_set_text (rec, owner, owner_id);
  return rec;
}

/* Every reference of @record: to a team, staff member, foster home or case anywhere (checked
 * now, or at the end of the import); to a record of the same case or home, in the dossier or
 * stored under it. */
static void
check_refs (Doc *doc, const xmlNode *node, gconstpointer record, const HwDossier *dossier,
            GHashTable **ids)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);
  int line = hw_xml_reader_get_line (doc->reader, node);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      const HwEntityInfo *target;
      const char *id;
      HwRecord *stored;

      if (f->type != HW_FIELD_REF || (f->flags & HW_FIELD_OWNER))
        continue;
      id = hw_field_get_text (record, f);
      if (id == NULL)
        continue;
      target = hw_entity_info (f->ref_entity);
      if (target->owner == target->entity)
        {
          hw_import_check_root_ref (doc->ctx, line, _(f->label), f->ref_entity, id);
          continue;
        }
      if (dossier && ids[f->ref_entity] && g_hash_table_contains (ids[f->ref_entity], id))
        continue;
      stored = dossier ? hw_store_load (doc->ctx->store, f->ref_entity, id, NULL) : NULL;
      if (stored == NULL ||
          g_strcmp0 (hw_record_get_owner_id (stored), ((HwRecord *) dossier->root)->id) != 0)
        fail (doc, node, _("%s of <%s> refers to %s %s, which is not in the same %s"),
              f->name, name_of (node), _(target->label), id,
              dossier ? _(hw_entity_info (((HwRecord *) dossier->root)->entity)->label) : "");
      hw_record_free (stored);
    }
}

static void
read_setting (Doc *doc, const xmlNode *node)
{
  const char *key = NULL, *value = NULL;

  for (const xmlAttr *a = node->properties; a; a = a->next)
    {
      if (a->ns)
        continue;
      if (strcmp ((const char *) a->name, "key") == 0)
        key = hw_xml_reader_attribute_value (doc->reader, a);
      else if (strcmp ((const char *) a->name, "value") == 0)
        value = hw_xml_reader_attribute_value (doc->reader, a);
      else
        fail (doc, node, _("<setting> has no attribute %s"), (const char *) a->name);
    }
  if (node->children && xmlFirstElementChild ((xmlNode *) node))
    fail (doc, node, "%s", _("<setting> holds no elements"));
  if (key == NULL || *key == '\0')
    fail (doc, node, "%s", _("<setting> lacks the required attribute key"));
  if (!doc->bad && !hw_import_failed (doc->ctx))
    hw_import_set_setting (doc->ctx, hw_xml_reader_get_line (doc->reader, node), key, value);
}

static void
validate (Doc *doc, const xmlNode *node, gconstpointer record, HwDate birth)
{
  g_autoptr(GError) error = NULL;

  if (((const HwRecord *) record)->id == NULL)
    return;
  if (!hw_record_validate (record, birth, &error))
    fail (doc, node, "<%s>: %s", hw_entity_info (((const HwRecord *) record)->entity)->name,
          error->message);
}

static void
read_single (Doc *doc, const xmlNode *node, const HwEntityInfo *info)
{
  HwRecord *rec = read_record (doc, node, info, NULL);
  g_autoptr(GError) error = NULL;

  if (xmlFirstElementChild ((xmlNode *) node))
    fail (doc, node, _("<%s> holds no elements"), name_of (node));
  validate (doc, node, rec, HW_DATE_NONE);
  if (rec->id && g_hash_table_contains (doc->roots_seen, rec->id))
    fail (doc, node, _("a second <%s> with the id %s"), name_of (node), rec->id);
  check_refs (doc, node, rec, NULL, NULL);
  if (!doc->bad && !hw_import_failed (doc->ctx))
    {
      if (!hw_import_writes (doc->ctx) || hw_store_save (doc->ctx->store, rec, &error))
        {
          hw_import_note_root (doc->ctx, rec->entity, rec->id);
          g_hash_table_add (doc->roots_seen, g_strdup (rec->id));
          doc->ctx->summary->records++;
          if (rec->entity == HW_ENTITY_TEAM)
            doc->ctx->summary->teams++;
          else
            doc->ctx->summary->staff++;
        }
      else
        hw_import_take_error (doc->ctx, hw_xml_reader_get_line (doc->reader, node),
                              g_steal_pointer (&error));
    }
  hw_record_free (rec);
}

static void
read_dossier (Doc *doc, const xmlNode *node, const HwEntityInfo *info)
{
  g_autoptr(HwDossier) dossier = NULL;
  g_autoptr(GHashTable) nodes = g_hash_table_new (NULL, NULL);   /* record → element */
  GHashTable *ids[HW_N_ENTITIES] = { NULL };
  g_autoptr(GError) error = NULL;
  HwRecord *root = read_record (doc, node, info, NULL);
  HwChild *child;
  HwDate birth;
  gboolean existed = FALSE;

  dossier = hw_dossier_new (root);
  g_hash_table_insert (nodes, root, (gpointer) node);
  for (xmlNode *c = node->children; c && !doc->ctx->stop; c = c->next)
    {
      const HwEntityInfo *ci;
      HwRecord *rec;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      ci = hw_entity_info_by_name (name_of (c));
      if (ci == NULL || ci->owner != info->entity || ci->entity == info->entity)
        {
          fail (doc, c, _("<%s> does not belong in <%s>"), name_of (c), name_of (node));
          continue;
        }
      rec = read_record (doc, c, ci, root->id);
      if (rec->id == NULL)
        {
          hw_record_free (rec);
          continue;
        }
      if (ids[ci->entity] == NULL)
        ids[ci->entity] = g_hash_table_new (g_str_hash, g_str_equal);
      if (g_hash_table_contains (ids[ci->entity], rec->id))
        {
          fail (doc, c, _("a second <%s> with the id %s"), name_of (c), rec->id);
          hw_record_free (rec);
          continue;
        }
      g_hash_table_add (ids[ci->entity], rec->id);
      g_hash_table_insert (nodes, rec, c);
      hw_dossier_add (dossier, rec);
    }

  /* Validate and check references with each record's own line. */
  child = root->entity == HW_ENTITY_CASE ? hw_dossier_child (dossier) : NULL;
  birth = child ? child->birth_date : HW_DATE_NONE;
  validate (doc, node, root, HW_DATE_NONE);
  if (root->id && root->entity == HW_ENTITY_FOSTER_HOME &&
      g_hash_table_contains (doc->roots_seen, root->id))
    fail (doc, node, _("a second <%s> with the id %s"), name_of (node), root->id);
  check_refs (doc, node, root, NULL, NULL);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = dossier->records[e];

      for (guint i = 0; a && i < a->len; i++)
        {
          const xmlNode *n = g_hash_table_lookup (nodes, a->pdata[i]);

          validate (doc, n, a->pdata[i], e == HW_ENTITY_CHILD ? HW_DATE_NONE : birth);
          check_refs (doc, n, a->pdata[i], dossier, ids);
        }
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    g_clear_pointer (&ids[e], g_hash_table_unref);

  if (root->id == NULL)
    return;
  if (root->entity == HW_ENTITY_CASE)
    {
      const char *journal = ((HwCase *) root)->journal_no;
      GPtrArray *children = dossier->records[HW_ENTITY_CHILD];

      /* A case is one child's: a second <child> would be a second record of it, and the
       * second case element with the same id would silently merge into the first. */
      if (children && children->len > 1)
        fail (doc, g_hash_table_lookup (nodes, children->pdata[1]),
              _("case %s (%s) has a second <child>: a case is one child's"),
              journal ? journal : "", root->id);
      existed = hw_import_root_exists (doc->ctx, HW_ENTITY_CASE, root->id);
      if (!hw_import_note_case (doc->ctx, hw_xml_reader_get_line (doc->reader, node), root->id,
                                journal))
        doc->bad = TRUE;
    }
  /* A record of another case (or home) is never moved into this one. */
  for (guint e = 0; e < HW_N_ENTITIES && !doc->bad; e++)
    {
      GPtrArray *a = dossier->records[e];

      for (guint i = 0; a && i < a->len; i++)
        if (!hw_import_check_owner (doc->ctx,
                                    hw_xml_reader_get_line (doc->reader,
                                                            g_hash_table_lookup (nodes,
                                                                                 a->pdata[i])),
                                    a->pdata[i], root->id,
                                    root->entity == HW_ENTITY_CASE
                                      ? ((HwCase *) root)->journal_no
                                      : ((HwFosterHome *) root)->name))
          doc->bad = TRUE;
    }

  if (doc->bad || hw_import_failed (doc->ctx))
    return;
  if (root->entity != HW_ENTITY_CASE)
    existed = hw_import_root_exists (doc->ctx, root->entity, root->id);
  if (hw_import_writes (doc->ctx) && !hw_store_save_dossier (doc->ctx->store, dossier, &error))
    {
      hw_import_take_error (doc->ctx, hw_xml_reader_get_line (doc->reader, node),
                            g_steal_pointer (&error));
      return;
    }
  hw_import_note_root (doc->ctx, root->entity, root->id);
  doc->ctx->summary->records += hw_dossier_count (dossier);
  if (root->entity == HW_ENTITY_FOSTER_HOME)
    {
      g_hash_table_add (doc->roots_seen, g_strdup (root->id));
      doc->ctx->summary->homes++;
    }
  else
    {
      doc->ctx->cases_in_file++;
      if (existed)
        doc->ctx->summary->cases_updated++;
      else
        doc->ctx->summary->cases_new++;
    }
}

static gboolean
read_root (Doc *doc)
{
  xmlNode *root = hw_xml_reader_get_root (doc->reader);
  const char *format = NULL;
  gint64 version = 0;

  for (const xmlAttr *a = root->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (a->ns)
        continue;
      if (strcmp (name, "format") == 0)
        format = hw_xml_reader_attribute_value (doc->reader, a);
      else if (strcmp (name, "exported") != 0 && strcmp (name, "generator") != 0)
        fail (doc, root, _("<homeward> has no attribute %s"), name);
    }
  if (format == NULL || !g_ascii_string_to_signed (format, 10, 1, G_MAXINT, &version, NULL))
    {
      fail (doc, root, "%s", _("<homeward> needs format=\"1\""));
      return FALSE;
    }
  if (version > HW_HOMEWARD_FORMAT_VERSION)
    {
      fail (doc, root, _("the file is in format %lld, made by a newer Homeward; "
                         "this version reads format %d"), (long long) version,
            HW_HOMEWARD_FORMAT_VERSION);
      return FALSE;
    }
  return !doc->bad;
}

gboolean
hw_homeward_import_document (HwImportContext *ctx)
{
  Doc doc = { 0 };
  GError *error = NULL;
  HwXmlLimits limits = { 0 };
  xmlNode *node;

  doc.ctx = ctx;
  doc.reader = ctx->reader;
  doc.min_date = hw_date_new (MIN_YEAR, 1, 1);
  doc.max_date = hw_date_new (MAX_YEAR, 12, 31);
  doc.roots_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Notes and reports may be long; records nest one level. */
  limits.max_depth = 4;
  limits.max_value_length = 1024 * 1024;
  hw_xml_reader_set_limits (doc.reader, &limits);

  if (!read_root (&doc))
    {
      g_hash_table_unref (doc.roots_seen);
      return FALSE;
    }
  while (!ctx->stop && (node = hw_xml_reader_next_record (doc.reader, &error)))
    {
      const HwEntityInfo *info = hw_entity_info_by_name (name_of (node));

      doc.bad = FALSE;
      if (strcmp (name_of (node), "setting") == 0)
        read_setting (&doc, node);
      else if (info == NULL || info->owner != info->entity)
        fail (&doc, node, _("<%s> does not belong in <homeward>"), name_of (node));
      else if (info->entity == HW_ENTITY_TEAM || info->entity == HW_ENTITY_STAFF)
        read_single (&doc, node, info);
      else
        read_dossier (&doc, node, info);
      hw_import_progress (ctx, FALSE);
    }
  if (error)
    hw_import_take_error (ctx, 0, error);
  g_hash_table_unref (doc.roots_seen);
  return !hw_import_failed (ctx);
}
