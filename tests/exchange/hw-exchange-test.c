/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hw-exchange-test.h"
#include "hw-homeward-xml.h"
#include "hw-store-audit.h"
#include "hw-store-audit-private.h"
#include "hw-entity-private.h"

char *
hw_xtest_fixture (const char *name)
{
  return g_build_filename (EXCHANGE_FIXTURES, name, NULL);
}

int
hw_xtest_line_of (const char *path, const char *needle)
{
  g_autofree char *text = NULL;
  const char *hit;
  int line = 1;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  hit = strstr (text, needle);
  if (hit == NULL)
    return 0;
  for (const char *p = text; p < hit; p++)
    if (*p == '\n')
      line++;
  return line;
}

char *
hw_xtest_ssb_xsd (void)
{
  return g_build_filename (hw_test_datadir (), "exchange", "ssb", "Barnevern_v4.xsd", NULL);
}

char *
hw_xtest_homeward_xsd (void)
{
  return g_build_filename (hw_test_datadir (), "exchange", "homeward.xsd", NULL);
}

static void
collect_schema_error (void *user_data, xmlErrorPtr error)
{
  GString *out = user_data;

  if (out->len < 4000)
    g_string_append_printf (out, "%s:%d: %s", error->file ? error->file : "", error->line,
                            error->message ? error->message : "");
}

gboolean
hw_xtest_validate (const char *xsd, const char *xml, char **errors)
{
  g_autoptr(GString) out = g_string_new (NULL);
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctx;
  int rc;

  xmlSchemaSetParserStructuredErrors (pctx, collect_schema_error, out);
  schema = xmlSchemaParse (pctx);
  xmlSchemaFreeParserCtxt (pctx);
  if (schema == NULL)
    {
      *errors = g_strdup_printf ("the schema %s does not load: %s", xsd, out->str);
      return FALSE;
    }
  vctx = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctx, collect_schema_error, out);
  rc = xmlSchemaValidateFile (vctx, xml, 0);
  xmlSchemaFreeValidCtxt (vctx);
  xmlSchemaFree (schema);
  if (rc != 0)
    {
      *errors = g_strdup (out->str);
      return FALSE;
    }
  return TRUE;
}

char *
hw_xtest_fingerprint (HwStore *store)
{
  g_autofree char *dir = hw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fingerprint.xml", NULL);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 n_audit = 0;
  gint64 bad = 0;

  ck_assert_msg (hw_homeward_export (store, path, when, &error), "export: %s",
                 error ? error->message : "");
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_msg (hw_store_audit_verify (store, &bad, &n_audit, &error), "audit: %s",
                 error ? error->message : "");
  hw_test_remove_tree (dir);
  return g_strdup_printf ("%s\naudit entries: %" G_GUINT64_FORMAT "\n", text, n_audit);
}

void
hw_xtest_collect_warning (const HwImportWarning *warning, gpointer user_data)
{
  GPtrArray *all = user_data;

  g_ptr_array_add (all, g_strdup_printf ("%d|%s|%s|%s", warning->line,
                                         warning->control ? warning->control : "",
                                         warning->severity ? warning->severity : "",
                                         warning->message));
}

gboolean
hw_xtest_has_warning (GPtrArray *warnings, int line, const char *control)
{
  g_autofree char *prefix = g_strdup_printf ("%d|%s|", line, control);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (warnings->pdata[i], prefix))
      return TRUE;
  return FALSE;
}

guint
hw_xtest_count_control (GPtrArray *warnings, const char *control)
{
  g_autofree char *needle = g_strdup_printf ("|%s|", control);
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], needle))
      n++;
  return n;
}

static void
assert_same_record (gconstpointer a, gconstpointer b)
{
  const HwRecord *ra = a;
  const HwEntityInfo *info = hw_entity_info (ra->entity);

  ck_assert_ptr_nonnull (b);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *va = hw_field_dup_string (a, &info->fields[i]);
      g_autofree char *vb = hw_field_dup_string (b, &info->fields[i]);

      ck_assert_msg (g_strcmp0 (va, vb) == 0, "%s %s: %s is “%s” in one store, “%s” in the other",
                     info->name, ra->id, info->fields[i].name, va ? va : "", vb ? vb : "");
    }
  ck_assert (hw_record_equal (a, b));
}

static void
assert_same_dossier (const HwDossier *a, const HwDossier *b)
{
  assert_same_record (a->root, b->root);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      GPtrArray *ra = hw_dossier_get (a, e), *rb = hw_dossier_get (b, e);

      ck_assert_msg (ra->len == rb->len, "%s %s: %u %s records in one store, %u in the other",
                     hw_entity_info (((HwRecord *) a->root)->entity)->name,
                     ((HwRecord *) a->root)->id, ra->len, hw_entity_info (e)->name, rb->len);
      for (guint i = 0; i < ra->len; i++)
        assert_same_record (ra->pdata[i],
                            hw_dossier_find (b, e, ((HwRecord *) ra->pdata[i])->id));
    }
}

typedef struct {
  HwStore *other;
  guint    n;
} Compare;

static gboolean
compare_case (HwDossier *dossier, gpointer user_data, GError **error)
{
  Compare *c = user_data;
  g_autoptr(HwDossier) other = hw_store_load_case (c->other, ((HwRecord *) dossier->root)->id,
                                                   error);

  ck_assert_msg (other != NULL, "case %s is missing: %s", hw_dossier_case (dossier)->journal_no,
                 *error ? (*error)->message : "");
  assert_same_dossier (dossier, other);
  c->n++;
  return TRUE;
}

static void
assert_same_list (HwStore *a, HwStore *b, HwEntity entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) la = hw_store_list (a, entity, &error);
  g_autoptr(GPtrArray) lb = hw_store_list (b, entity, &error);

  ck_assert_ptr_nonnull (la);
  ck_assert_ptr_nonnull (lb);
  ck_assert_uint_eq (la->len, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      g_autoptr(GError) local = NULL;
      gpointer other = hw_store_load_owned (b, entity, hw_record_get_owner_id (la->pdata[i]),
                                            ((HwRecord *) la->pdata[i])->id, &local);

      assert_same_record (la->pdata[i], other);
      hw_record_free (other);
    }
}

void
hw_xtest_assert_same_stores (HwStore *a, HwStore *b, gboolean settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) homes_a = hw_store_load_homes (a, &error);
  g_autoptr(GHashTable) homes_b = hw_store_load_homes (b, &error);
  Compare c = { b, 0 };
  GHashTableIter iter;
  gpointer key, value;

  ck_assert_uint_eq (hw_store_count (a, HW_ENTITY_CASE, NULL),
                     hw_store_count (b, HW_ENTITY_CASE, NULL));
  ck_assert_msg (hw_store_foreach_case (a, compare_case, &c, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (c.n, hw_store_count (a, HW_ENTITY_CASE, NULL));

  ck_assert_uint_eq (g_hash_table_size (homes_a), g_hash_table_size (homes_b));
  g_hash_table_iter_init (&iter, homes_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HwDossier *other = g_hash_table_lookup (homes_b, key);

      ck_assert_msg (other != NULL, "foster home %s is missing", (const char *) key);
      assert_same_dossier (value, other);
    }
  assert_same_list (a, b, HW_ENTITY_TEAM);
  assert_same_list (a, b, HW_ENTITY_STAFF);

  if (settings)
    {
      g_autoptr(GHashTable) sa = hw_store_dup_settings (a);
      g_autoptr(GHashTable) sb = hw_store_dup_settings (b);

      ck_assert_uint_eq (g_hash_table_size (sa), g_hash_table_size (sb));
      g_hash_table_iter_init (&iter, sa);
      while (g_hash_table_iter_next (&iter, &key, &value))
        ck_assert_str_eq (value, g_hash_table_lookup (sb, key) ? g_hash_table_lookup (sb, key)
                                                               : "(unset)");
    }
}

HwImportSummary
hw_xtest_import_ok (HwStore *store, const char *first, ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  HwImportSummary summary;
  va_list args;

  va_start (args, first);
  for (const char *p = first; p; p = va_arg (args, const char *))
    g_ptr_array_add (paths, (gpointer) p);
  va_end (args);
  g_ptr_array_add (paths, NULL);
  ck_assert_msg (hw_import_paths (store, (const char *const *) paths->pdata, NULL, &summary,
                                  &error),
                 "import failed: %s", error ? error->message : "");
  return summary;
}
