/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "hw-error.h"
#include "hw-identity.h"

#include "trust-support.h"

GPtrArray *
trust_populate (const char *path, guint n_cases, const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  GPtrArray *fnrs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_id = NULL;

  ck_assert_no_error (error);
  hw_store_set_actor (store, "tester");
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *journal = g_strdup_printf ("%s-%04u", prefix, i + 1);
      g_autoptr(HwDossier) d = hw_test_make_case (journal);
      HwChild *child = hw_dossier_child (d);

      /* A different (synthetic) number per child, so each can be looked for. */
      g_free (child->fnr);
      child->fnr = hw_identity_make_synthetic (child->birth_date, 100 + i);
      g_ptr_array_add (fnrs, g_strdup (child->fnr));
      if (first_id == NULL)
        first_id = g_strdup (((HwRecord *) d->root)->id);
      ck_assert_msg (hw_store_save_dossier (store, d, &error), "%s", error ? error->message : "");
    }
  ck_assert (hw_store_set_setting (store, "care_plan_days", "42", &error));
  if (first_id)
    ck_assert (hw_store_log_read (store, first_id, &error));
  else
    ck_assert (hw_store_set_setting (store, "review_months", "6", &error));
  ck_assert_no_error (error);
  return fnrs;
}

void
trust_tamper (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  rc = sqlite3_exec (db,
                     "DROP TRIGGER IF EXISTS audit_no_update;"
                     "DROP TRIGGER IF EXISTS audit_no_delete;"
                     "DROP TRIGGER IF EXISTS audit_head_forward;"
                     "DROP TRIGGER IF EXISTS audit_head_no_delete;", NULL, NULL, &message);
  ck_assert_msg (rc == SQLITE_OK, "dropping triggers: %s", message);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  ck_assert_msg (rc == SQLITE_OK, "tampering: %s", message);
  sqlite3_close (db);
}

void
trust_tamper_data (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  char *message = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = "
                                        "'trigger'", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  trust_tamper (path, sql);

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  for (guint i = 0; i < triggers->len; i++)
    {
      char *drop = NULL;
      const char *text = triggers->pdata[i];
      /* "CREATE TRIGGER name …": drop what the tampering left, then create it as it was. */
      g_auto(GStrv) words = g_strsplit_set (text, " \n", 4);

      drop = sqlite3_mprintf ("DROP TRIGGER IF EXISTS \"%w\"", words[2]);
      ck_assert_int_eq (sqlite3_exec (db, drop, NULL, NULL, NULL), SQLITE_OK);
      sqlite3_free (drop);
      ck_assert_msg (sqlite3_exec (db, text, NULL, NULL, &message) == SQLITE_OK, "%s", message);
    }
  sqlite3_close (db);
}

void
trust_assert_break (const char *path, HwAuditBreak kind, gint64 seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  HwAuditReport report;
  g_autofree char *needle = g_strdup_printf ("entry %" G_GINT64_FORMAT, seq);

  ck_assert_no_error (error);
  ck_assert_msg (!hw_store_audit_check (store, &report, &error), "tampering not detected");
  ck_assert_ptr_nonnull (error);
  ck_assert_int_eq (error->code, HW_ERROR_CORRUPT);
  ck_assert_msg (report.kind == kind && report.seq == seq,
                 "expected %s at %" G_GINT64_FORMAT ", found %s at %" G_GINT64_FORMAT " (%s)",
                 hw_audit_break_to_string (kind), seq, hw_audit_break_to_string (report.kind),
                 report.seq, error->message);
  /* The message names the entry for the person reading it. */
  ck_assert_msg (strstr (error->message, needle) != NULL, "message: %s", error->message);
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
dump_table (sqlite3 *db, const char *table, GString *out)
{
  char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_free (sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (table);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "|%s", v ? v : "<null>");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) rows->pdata[i]);
}

char *
trust_dump (const char *path, gboolean with_audit)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  ck_assert_int_eq (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "ORDER BY name", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *t = tables->pdata[i];

      if (!with_audit && (g_str_equal (t, "audit") || g_str_equal (t, "audit_head")))
        continue;
      dump_table (db, t, out);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

char *
trust_file_digest (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      if (g_file_get_contents (file, &data, &len, NULL))
        g_checksum_update (sum, (const guchar *) data, (gssize) len);
      g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

char *
trust_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return g_strdup ("cannot open");
    }
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

int
trust_file_mode (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return (int) (st.st_mode & 07777);
}

int
trust_run (const char *const *argv, const char *const *envp, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error), "spawn: %s",
                 error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

gboolean
trust_contains (const char *haystack, const char *needle)
{
  return haystack && needle && strstr (haystack, needle) != NULL;
}
