/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-bench"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hw-bench-ops.h"
#include "hw-entity.h"
#include "hw-caseload-check.h"
#include "hw-store.h"

/* ---- the caseload window's code path ---- */

/* Opening the database and the first screenful of rows, timed from the moment the parent
 * spawned this process (exec and dynamic linking included; GTK's own start-up is not). */
static gboolean
op_first_screen (HwBenchContext *ctx, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (ctx->db, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (store == NULL)
    return FALSE;
  rows = hw_store_list_case_rows_page (store, hw_date_new (2026, 11, 23), 0, 60, error);
  if (rows == NULL)
    return FALSE;
  ctx->result_ms = (g_get_monotonic_time () - ctx->spawned_at) / 1000.0;
  ctx->items = rows->len;
  return TRUE;
}

/* The whole list, as the window loads it in the background after the first screenful. */
static gboolean
op_full_caseload (HwBenchContext *ctx, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (ctx->db, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (store == NULL)
    return FALSE;
  rows = hw_store_list_case_rows (store, hw_date_new (2026, 11, 23), error);
  if (rows == NULL)
    return FALSE;
  ctx->items = rows->len;
  return TRUE;
}

/* One keystroke of filter-as-you-type over every row in memory: the mean over a typed word. */
static gboolean
op_filter_keystroke (HwBenchContext *ctx, GError **error)
{
  static const char *const typed[] = { "s", "so", "sol", "solb", "solbe", "solber" };
  static GPtrArray *rows;
  double total = 0;
  guint matched = 0;

  if (rows == NULL)
    {
      g_autoptr(HwStore) store = hw_store_open (ctx->db, error);

      if (store == NULL)
        return FALSE;
      rows = hw_store_list_case_rows (store, hw_date_new (2026, 11, 23), error);
      if (rows == NULL)
        return FALSE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *needle = g_utf8_casefold (typed[k], -1);

      matched = 0;
      for (guint i = 0; i < rows->len; i++)
        matched += hw_case_row_matches (rows->pdata[i], needle);
      total += (g_get_monotonic_time () - t0) / 1000.0;
    }
  ctx->result_ms = total / G_N_ELEMENTS (typed);
  ctx->items = rows->len;
  return matched > 0 || rows->len == 0;
}

/* ---- floors ---- */

/* The bare SQLite reads of exactly the facts the rule engine needs: the columns it reads
 * (HW_FACT_ENTITIES, prose left out) stepped through in case order, nothing built from them. */
static gboolean
op_rules_floor (HwBenchContext *ctx, GError **error)
{
  sqlite3 *db = NULL;
  gsize bytes = 0;
  guint rows = 0;

  if (sqlite3_open_v2 (ctx->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_exec (db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autoptr(GString) sql = g_string_new ("SELECT id");
      sqlite3_stmt *stmt = NULL;

      if (!(HW_FACT_ENTITIES & HW_ENTITY_BIT (e)) ||
          (info->owner != HW_ENTITY_CASE && info->owner != HW_ENTITY_FOSTER_HOME))
        continue;
      for (guint i = 0; i < info->n_fields; i++)
        if (!(info->fields[i].flags & HW_FIELD_PROSE))
          g_string_append_printf (sql, ", %s", info->fields[i].name);
      g_string_append_printf (sql, " FROM %s", info->name);
      sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              sqlite3_column_text (stmt, c);
              bytes += sqlite3_column_bytes (stmt, c);
            }
          rows++;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  ctx->items = rows;
  return bytes > 0;
}

/* Loading every case as a dossier through the store: what the rule engine is fed. */
static gboolean
count_dossier (HwDossier *dossier, gpointer user_data, GError **error)
{
  *(guint *) user_data += hw_dossier_count (dossier);
  return TRUE;
}

static gboolean
op_load_dossiers (HwBenchContext *ctx, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (ctx->db, error);
  g_autoptr(GHashTable) homes = NULL;
  guint records = 0;

  if (store == NULL)
    return FALSE;
  homes = hw_store_load_homes (store, error);
  if (homes == NULL ||
      !hw_store_foreach_case_facts (store, HW_FACT_ENTITIES, NULL, NULL, count_dossier, &records,
                                    error))
    return FALSE;
  ctx->items = records;
  return TRUE;
}

/* Every rule for every case, nothing printed: `homeward-cli check`'s work. */
static void
count_findings (const HwDossier *case_dossier, GPtrArray *findings, gpointer user_data)
{
  *(guint *) user_data += findings->len;
}

static gboolean
check_with_threads (HwBenchContext *ctx, guint threads, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (ctx->db, error);
  g_autoptr(HwCatalogue) catalogue = NULL;
  HwCheckOptions options = { hw_date_new (2026, 11, 23), NULL, threads };
  guint findings = 0;

  if (store == NULL)
    return FALSE;
  catalogue = hw_catalogue_load_default (error);
  if (catalogue == NULL ||
      !hw_check_caseload (store, catalogue, &options, count_findings, &findings, error))
    return FALSE;
  ctx->items = ctx->n;
  return findings > 0;
}

static gboolean
op_check (HwBenchContext *ctx, GError **error)
{
  return check_with_threads (ctx, 0, error);
}

static gboolean
op_check_one_thread (HwBenchContext *ctx, GError **error)
{
  return check_with_threads (ctx, 1, error);
}

const HwBenchOp hw_bench_ops[] = {
  { "first-screen", op_first_screen, NULL, TRUE, "rows", "≤ 300 ms from process start" },
  { "full-caseload", op_full_caseload, NULL, FALSE, "rows", "(background)" },
  { "filter-keystroke", op_filter_keystroke, NULL, FALSE, "rows", "≤ 16 ms" },
  { "rules-floor", op_rules_floor, "check", FALSE, "rows", NULL },
  { "load-dossiers", op_load_dossiers, NULL, FALSE, "rec", "(part of check)" },
  { "check-1-thread", op_check_one_thread, NULL, FALSE, "cases", "" },
  { "check", op_check, NULL, FALSE, "cases", "≤ 1 s and ≤ 3× floor" },
  { NULL }
};
