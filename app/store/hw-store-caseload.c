/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-store-private.h"

/* The caseload's rows (what the list shows of each case, one query) and reading a case. */

void
hw_case_row_free (HwCaseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_id);
  g_free (row->journal_no);
  g_free (row->child_name);
  g_free (row->fnr);
  g_free (row->caseworker_id);
  g_free (row->caseworker_name);
  g_free (row->team_id);
  g_free (row->category);
  g_free (row->search_key);
  g_free (row);
}

#define CASE_ROW_SQL \
  "SELECT c.id, c.journal_no, trim(coalesce(ch.given_name, '') || ' ' || " \
  "       coalesce(ch.family_name, '')), ch.fnr, ch.birth_date, c.caseworker_id, s.name, " \
  "       c.team_id, m.category, m.start_date, c.closed " \
  "FROM case_file c " \
  "LEFT JOIN child ch ON ch.case_id = c.id AND ch.id = (SELECT id FROM child " \
  "      WHERE case_id = c.id ORDER BY start_date DESC LIMIT 1) " \
  "LEFT JOIN staff s ON s.id = c.caseworker_id " \
  "LEFT JOIN measure m ON m.case_id = c.id AND m.id = (SELECT id FROM measure WHERE case_id = c.id " \
  "      AND start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) " \
  "      AND hw_is_placement(category) ORDER BY start_date DESC, id DESC LIMIT 1) "

static GPtrArray *
query_case_rows (HwStore *self, const char *sql, HwDate today, const char *needle, guint limit,
                 guint offset, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_case_row_free);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  char day[11];
  int rc;

  if (stmt == NULL)
    return NULL;
  hw_date_to_iso (today, day);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (needle)
    {
      /* What was typed is matched literally: its LIKE wildcards are escaped (ESCAPE '\\'). */
      g_autoptr(GString) pattern = g_string_new ("%");

      for (const char *p = needle; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":needle"), pattern->str,
                         -1, SQLITE_TRANSIENT);
    }
  if (limit)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HwCaseRow *row = g_new0 (HwCaseRow, 1);

      row->case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->journal_no = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->child_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->fnr = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->birth_date = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 4));
      row->caseworker_id = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->caseworker_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->team_id = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      row->category = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      row->placed_since = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 9));
      row->closed = sqlite3_column_int (stmt, 10) != 0;
      {
        g_autofree char *key = g_strdup_printf ("%s %s %s", row->child_name ? row->child_name : "",
                                                row->journal_no ? row->journal_no : "",
                                                row->fnr ? row->fnr : "");
        g_autofree char *folded = g_utf8_casefold (key, -1);

        /* g_utf8_casefold leaves a 128-byte buffer for a 40-byte key: 4 MB at 50,000 rows. */
        row->search_key = g_strdup (folded);
      }
      g_ptr_array_add (rows, row);
    }
  hw_store_release (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
hw_case_row_matches (const HwCaseRow *row, const char *needle)
{
  return needle == NULL || *needle == '\0' || strstr (row->search_key, needle) != NULL;
}

GPtrArray *
hw_store_list_case_rows (HwStore *self, HwDate today, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL "ORDER BY c.journal_no", today, NULL, 0, 0, error);
}

GPtrArray *
hw_store_list_case_rows_page (HwStore *self, HwDate today, guint offset, guint limit,
                              GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL "ORDER BY c.journal_no LIMIT :limit OFFSET :offset",
                          today, NULL, limit, offset, error);
}

GPtrArray *
hw_store_search_case_rows (HwStore *self, const char *needle, HwDate today, guint limit,
                           GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL
                          "WHERE c.journal_no LIKE :needle ESCAPE '\\' "
                          "   OR ch.fnr LIKE :needle ESCAPE '\\' "
                          "   OR (coalesce(ch.given_name, '') || ' ' || "
                          "       coalesce(ch.family_name, '')) LIKE :needle ESCAPE '\\' "
                          "ORDER BY c.journal_no LIMIT :limit OFFSET :offset",
                          today, needle, limit ? limit : G_MAXINT, 0, error);
}

gboolean
hw_store_log_read (HwStore *self, const char *case_id, GError **error)
{
  gboolean ok;

  if (!hw_store_begin (self, error))
    return FALSE;
  ok = hw_store_audit_append (self, "read", "case_file", case_id, case_id, NULL, error);
  return hw_store_finish (self, ok, error);
}
