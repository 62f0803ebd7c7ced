/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <sqlite3.h>
#include <string.h>

#include "hw-bench-ops.h"
#include "hw-entity.h"
#include "hw-caseload-check.h"
#include "hw-import.h"
#include "hw-service-print.h"
#include "hw-ssb-export.h"
#include "hw-ssb-export-private.h"
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
  g_autoptr(HwService) service = NULL;
  HwCheckOptions options = { hw_date_new (2026, 11, 23), NULL, threads };
  guint findings = 0;

  if (store == NULL)
    return FALSE;
  service = hw_service_new (store, error);
  if (service == NULL ||
      !hw_check_caseload (service, &options, count_findings, &findings, error))
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

/* ---- exchange ---- */

static char *
ssb_file (HwBenchContext *ctx)
{
  g_autofree char *name = g_strdup_printf ("barnevern-%u.xml", ctx->n);

  return g_build_filename (ctx->workdir, name, NULL);
}

typedef struct {
  HwSsbWriter *writer;
  guint        cases;
} ExportRun;

static gboolean
export_one (HwDossier *dossier, gpointer user_data, GError **error)
{
  ExportRun *run = user_data;

  run->cases++;
  return hw_ssb_writer_add_case (run->writer, dossier, error);
}

/* Every case as Barnevern v4, into one file (the import benchmarks read it). */
static gboolean
op_export (HwBenchContext *ctx, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (ctx->db, error);
  g_autofree char *path = ssb_file (ctx);
  HwSsbExportOptions options = { "974760673", "5001", "Trondheim" };
  ExportRun run = { NULL, 0 };

  if (store == NULL)
    return FALSE;
  run.writer = hw_ssb_writer_new (path, &options, error);
  if (run.writer == NULL)
    return FALSE;
  if (!hw_store_foreach_case (store, export_one, &run, error))
    {
      hw_ssb_writer_free (run.writer);
      return FALSE;
    }
  ctx->items = run.cases;
  return hw_ssb_writer_finish (run.writer, error);
}

/* The import's floor: one bare xmlTextReader pass over the file, and a bare insert of every
 * element that has an Id into one plain table, in one transaction. */
static gboolean
op_import_floor (HwBenchContext *ctx, GError **error)
{
  g_autofree char *path = ssb_file (ctx);
  g_autofree char *db_path = g_build_filename (ctx->workdir, "floor.db", NULL);
  xmlTextReaderPtr reader;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;

  g_unlink (db_path);
  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    return FALSE;
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                "CREATE TABLE t (id TEXT PRIMARY KEY, kind TEXT, data TEXT); BEGIN",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?1, ?2, ?3)", -1, &stmt, NULL);
  reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET);
  if (reader == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no %s", path);
      sqlite3_close (db);
      return FALSE;
    }
  while (xmlTextReaderRead (reader) == 1)
    {
      xmlChar *id;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      id = xmlTextReaderGetAttribute (reader, (const xmlChar *) "Id");
      if (id)
        {
          sqlite3_bind_text (stmt, 1, (const char *) id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, (const char *) xmlTextReaderConstLocalName (reader), -1,
                             SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, (const char *) xmlTextReaderConstValue (reader), -1,
                             SQLITE_TRANSIENT);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
          rows++;
          xmlFree (id);
        }
    }
  xmlFreeTextReader (reader);
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  g_unlink (db_path);
  ctx->items = rows;
  return rows > 0;
}

/* `homeward-cli import` of that file into an empty database. */
static gboolean
op_import (HwBenchContext *ctx, GError **error)
{
  g_autofree char *path = ssb_file (ctx);
  g_autofree char *db_path = g_build_filename (ctx->workdir, "import.db", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autoptr(HwStore) store = NULL;
  const char *paths[] = { path, NULL };
  HwImportOptions options = { 0 };
  HwImportSummary summary = { 0 };

  g_unlink (db_path);
  g_unlink (wal);
  store = hw_store_open (db_path, error);
  if (store == NULL || !hw_import_paths (store, paths, &options, &summary, error))
    return FALSE;
  ctx->items = summary.records;
  return TRUE;
}

/* One child's plan, built from the store and the rules and written as PDF. */
static gboolean
op_plan_pdf (HwBenchContext *ctx, GError **error)
{
  static HwStore *store;
  static HwService *service;     /* built once, as the window's caseload has it */
  static char *journal;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *pdf = g_build_filename (ctx->workdir, "plan.pdf", NULL);

  /* Opening the database is the first-screen's business: time the plan alone. */
  if (store == NULL)
    {
      g_autoptr(GPtrArray) rows = NULL;

      store = hw_store_open (ctx->db, error);
      if (store == NULL)
        return FALSE;
      service = hw_service_new (store, error);
      if (service == NULL)
        return FALSE;
      rows = hw_store_list_case_rows_page (store, hw_date_new (2026, 11, 23), 0, 1, error);
      if (rows == NULL || rows->len == 0)
        return FALSE;
      journal = g_strdup (((HwCaseRow *) rows->pdata[0])->journal_no);
      if (ctx->run == 0)
        {
          /* Warm the catalogue and template once, as a running app has. */
          g_autoptr(HwDocument) warm = hw_service_print_plan (store, service, journal,
                                                              hw_date_new (2026, 11, 23),
                                                              HW_RECIPIENT_INTERNAL, NULL,
                                                              "bench", error);
          if (warm == NULL)
            return FALSE;
        }
    }
  {
    gint64 t0 = g_get_monotonic_time ();

    doc = hw_service_print_plan (store, service, journal, hw_date_new (2026, 11, 23),
                                 HW_RECIPIENT_INTERNAL, NULL, "bench", error);
    if (doc == NULL || !hw_document_write_pdf (doc, pdf, error))
      return FALSE;
    ctx->result_ms = (g_get_monotonic_time () - t0) / 1000.0;
  }
  ctx->items = hw_document_get_n_pages (doc);
  return TRUE;
}

const HwBenchOp hw_bench_ops[] = {
  { "first-screen", op_first_screen, NULL, TRUE, "rows", "≤ 300 ms from process start" },
  { "full-caseload", op_full_caseload, NULL, FALSE, "rows", "(background)" },
  { "filter-keystroke", op_filter_keystroke, NULL, FALSE, "rows", "≤ 16 ms" },
  { "rules-floor", op_rules_floor, "check", FALSE, "rows", NULL },
  { "load-dossiers", op_load_dossiers, NULL, FALSE, "rec", "(part of check)" },
  { "check-1-thread", op_check_one_thread, NULL, FALSE, "cases", "" },
  { "check", op_check, NULL, FALSE, "cases", "≤ 1 s and ≤ 3× floor" },
  { "export-ssb", op_export, NULL, FALSE, "cases", "" },
  { "import-floor", op_import_floor, "import-ssb", FALSE, "rows", NULL },
  { "import-ssb", op_import, NULL, FALSE, "rec", "≤ 2× floor, ≤ 150 MB" },
  { "plan-pdf", op_plan_pdf, NULL, FALSE, "pages", "≤ 150 ms" },
  { NULL }
};
