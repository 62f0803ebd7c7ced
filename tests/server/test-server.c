/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The team server (issue 16) with real roles: run through tests/server/with-cluster.sh, which
 * starts a throwaway cluster. Four roles in two teams (Nord: caseworker cw_nord and team leader
 * tl_nord; Sør: caseworker cw_sor; and a head of service) and two cases, one per team. */
#include "config.h"

#include <check.h>
#include <poll.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hw-entity.h"
#include "hw-error.h"
#include "hw-server.h"
#include "hw-server-private.h"
#include "hw-store.h"
#include "hw-store-private.h"
#include "hw-test-support.h"

#define CASE_A  "aaaaaaaa-0000-4000-8000-000000000001"
#define CHILD_A "aaaaaaaa-0000-4000-8000-000000000011"
#define PERSON_A "aaaaaaaa-0000-4000-8000-000000000012"
#define VISIT_A "aaaaaaaa-0000-4000-8000-000000000013"
#define HOME_H  "dddddddd-0000-4000-8000-000000000004"
#define CASE_B  "bbbbbbbb-0000-4000-8000-000000000002"
#define CHILD_B "bbbbbbbb-0000-4000-8000-000000000021"

static PGconn *
connect_as (const char *role)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (role == NULL)
    conninfo = g_strdup (g_getenv ("HW_TEST_PG_CONNINFO"));
  else
    conninfo = g_strdup_printf ("host=%s dbname=%s user=%s", g_getenv ("HW_TEST_PGHOST"),
                                g_getenv ("HW_TEST_PGDATABASE"), role);
  conn = hw_server_connect (conninfo, &error);
  ck_assert_msg (conn != NULL, "connect as %s: %s", role ? role : "owner",
                 error ? error->message : "");
  return conn;
}

/* Runs @sql, which must succeed; the result (NULL for a command), for PQclear. */
static PGresult *
run (PGconn *conn, const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  ck_assert_msg (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK, "%s: %s", sql,
                 PQresultErrorMessage (result));
  if (status == PGRES_COMMAND_OK)
    {
      PQclear (result);
      return NULL;
    }
  return result;
}

/* The first value of @sql's first row, as a new string (NULL for SQL NULL). */
static char *
value (PGconn *conn, const char *sql)
{
  g_autoptr(PGresult) result = run (conn, sql);

  ck_assert_msg (result && PQntuples (result) == 1, "%s: expected one row", sql);
  return PQgetisnull (result, 0, 0) ? NULL : g_strdup (PQgetvalue (result, 0, 0));
}

static int
count (PGconn *conn, const char *sql)
{
  g_autofree char *text = value (conn, sql);
  return atoi (text);
}

/* @sql must fail: its SQLSTATE. */
static char *
refused (PGconn *conn, const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  ck_assert_msg (status == PGRES_FATAL_ERROR, "%s: succeeded but must be refused", sql);
  return g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
}

#define ck_assert_refused(conn, sql, state) \
  do { g_autofree char *_s = refused ((conn), (sql)); ck_assert_str_eq (_s, (state)); } while (0)

/* ---- The schema is the entity descriptions ---- */

START_TEST (test_schema_from_descriptions)
{
  g_autoptr(PGconn) owner = connect_as (NULL);

  for (HwEntity e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autofree char *sql = g_strdup_printf ("SELECT string_agg (column_name, ',' ORDER BY "
                                              "ordinal_position) FROM information_schema.columns "
                                              "WHERE table_schema = 'homeward' AND "
                                              "table_name = '%s'", info->name);
      g_autofree char *columns = value (owner, sql);
      g_autoptr(GString) expected = g_string_new ("id");

      for (guint i = 0; i < info->n_fields; i++)
        g_string_append_printf (expected, ",%s", info->fields[i].name);
      g_string_append (expected, ",row_version,changed_by,changed_at");
      ck_assert_str_eq (columns, expected->str);
    }
}
END_TEST

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Both backends hold the same records: a column the SQLite schema requires, the server
 * requires too, and the reverse (the server's row stamp aside). */
START_TEST (test_schema_agrees_with_sqlite)
{
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  sqlite3 *db = hw_store_get_handle (store);

  for (HwEntity e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info (%s)", info->name);
      g_autofree char *sql = g_strdup_printf ("SELECT string_agg (column_name || ':' || "
                                              "CASE is_nullable WHEN 'NO' THEN '1' ELSE '0' END, "
                                              "',' ORDER BY column_name COLLATE \"C\") FROM "
                                              "information_schema.columns WHERE table_schema = "
                                              "'homeward' AND table_name = '%s' AND column_name "
                                              "NOT IN ('changed_by', 'changed_at')", info->name);
      g_autofree char *server = value (owner, sql);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *local = NULL;
      sqlite3_stmt *stmt;

      ck_assert_int_eq (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup_printf ("%s:%d", sqlite3_column_text (stmt, 1),
                                                   sqlite3_column_int (stmt, 3)));
      sqlite3_finalize (stmt);
      g_ptr_array_sort (columns, compare_strings);
      g_ptr_array_add (columns, NULL);
      local = g_strjoinv (",", (char **) columns->pdata);
      ck_assert_str_eq (server, local);
    }
  hw_test_remove_tree (dir);
}
END_TEST

START_TEST (test_conninfo)
{
  ck_assert (hw_server_is_conninfo ("postgresql://db.kommune.no/homeward"));
  ck_assert (hw_server_is_conninfo ("postgres://localhost/homeward"));
  ck_assert (hw_server_is_conninfo ("service=homeward"));
  ck_assert (hw_server_is_conninfo ("host=/run/postgresql dbname=homeward"));
  ck_assert (!hw_server_is_conninfo ("/home/kari/homeward.db"));
  ck_assert (!hw_server_is_conninfo ("homeward.db"));
  ck_assert (!hw_server_is_conninfo ("./a=b.db"));
  ck_assert (!hw_server_is_conninfo (NULL));
}
END_TEST

START_TEST (test_init_again_and_newer)
{
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autoptr(GError) error = NULL;
  int applied = -1;

  ck_assert (hw_server_init (owner, &applied, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (applied, 0);
  ck_assert_int_eq (hw_server_get_schema_version (owner, NULL), HW_SERVER_SCHEMA_VERSION);

  /* A server a newer Homeward set up is refused, and left as it was. */
  PQclear (run (owner, "INSERT INTO homeward.schema_migration (version) VALUES (99)"));
  ck_assert (!hw_server_init (owner, &applied, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_VERSION));
  ck_assert_int_eq (count (owner, "SELECT max (version) FROM homeward.schema_migration"), 99);
  PQclear (run (owner, "DELETE FROM homeward.schema_migration WHERE version = 99"));
}
END_TEST

/* ---- Who sees what ---- */

START_TEST (test_team_visibility)
{
  g_autoptr(PGconn) cw_nord = connect_as ("cw_nord");
  g_autoptr(PGconn) tl_nord = connect_as ("tl_nord");
  g_autoptr(PGconn) cw_sor = connect_as ("cw_sor");
  g_autoptr(PGconn) head = connect_as ("head");
  g_autofree char *a = NULL, *b = NULL;

  /* The case list: their teams' cases; a head all. */
  a = value (cw_nord, "SELECT string_agg (journal_no, ',' ORDER BY journal_no) FROM homeward.case_file");
  ck_assert_str_eq (a, "A-1");
  g_free (a);
  a = value (tl_nord, "SELECT string_agg (journal_no, ',' ORDER BY journal_no) FROM homeward.case_file");
  ck_assert_str_eq (a, "A-1");
  b = value (cw_sor, "SELECT string_agg (journal_no, ',' ORDER BY journal_no) FROM homeward.case_file");
  ck_assert_str_eq (b, "B-1");
  g_free (b);
  b = value (head, "SELECT string_agg (journal_no, ',' ORDER BY journal_no) FROM homeward.case_file");
  ck_assert_str_eq (b, "A-1,B-1");

  /* A child's records only after the read is logged. */
  ck_assert_int_eq (count (cw_nord, "SELECT count (*) FROM homeward.child"), 0);
  ck_assert_int_eq (count (cw_nord, "SELECT homeward.open_caseload ()"), 1);
  ck_assert_int_eq (count (cw_nord, "SELECT count (*) FROM homeward.child"), 1);
  ck_assert_int_eq (count (cw_nord, "SELECT count (*) FROM homeward.child WHERE case_id = '"
                                    CASE_B "'"), 0);
  ck_assert_int_eq (count (head, "SELECT homeward.open_caseload ()"), 2);
  ck_assert_int_eq (count (head, "SELECT count (*) FROM homeward.child"), 2);
  ck_assert_int_eq (count (cw_nord, "SELECT count (*) FROM homeward.audit WHERE action = 'read' "
                                    "AND actor = 'cw_nord' AND detail = '{\"cases\" : 1}'"), 1);

  /* No writing into another team's caseload. */
  ck_assert_refused (cw_nord, "INSERT INTO homeward.case_file (id, journal_no, start_date, team_id) "
                              "SELECT 'cccccccc-0000-4000-8000-000000000003', 'C-1', '2024-01-01', "
                              "id FROM homeward.team WHERE name = 'Sør'", "42501");
  /* Moving a case to another team: the team leader of its team, not a caseworker. */
  ck_assert_refused (cw_nord, "UPDATE homeward.case_file SET team_id = (SELECT id FROM "
                              "homeward.team WHERE name = 'Sør') WHERE id = '" CASE_A "'",
                     "42501");
  ck_assert_refused (cw_nord, "UPDATE homeward.case_file SET team_id = NULL WHERE id = '"
                              CASE_A "'", "42501");
  PQclear (run (tl_nord, "UPDATE homeward.case_file SET team_id = (SELECT id FROM "
                        "homeward.team WHERE name = 'Sør') WHERE id = '" CASE_A "'"));
  ck_assert_int_eq (count (tl_nord, "SELECT count (*) FROM homeward.case_file"), 0);
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM homeward.case_file"), 2);
  PQclear (run (head, "UPDATE homeward.case_file SET team_id = (SELECT id FROM "
                     "homeward.team WHERE name = 'Nord') WHERE id = '" CASE_A "'"));
  ck_assert_int_eq (count (tl_nord, "SELECT count (*) FROM homeward.case_file"), 1);
  ck_assert_int_eq (count (cw_nord, "WITH u AS (UPDATE homeward.child SET school = 'x' "
                                    "WHERE case_id = '" CASE_B "' RETURNING 1) "
                                    "SELECT count (*) FROM u"), 0);
}
END_TEST

START_TEST (test_protected_address)
{
  g_autoptr(PGconn) cw_nord = connect_as ("cw_nord");
  g_autoptr(PGconn) head = connect_as ("head");
  g_autoptr(PGconn) cw_sor = connect_as ("cw_sor");
  g_autofree char *own = NULL, *from_head = NULL, *open_b = NULL;
  g_autofree char *home_own = NULL, *home_other = NULL;

  /* The column itself is nobody's: only the view, which decides per row. */
  ck_assert_refused (cw_nord, "SELECT address FROM homeward.child", "42501");
  ck_assert_refused (cw_nord, "SELECT * FROM homeward.person", "42501");
  PQclear (run (cw_nord, "SELECT homeward.open_case ('" CASE_A "')"));
  PQclear (run (head, "SELECT homeward.open_caseload ()"));
  own = value (cw_nord, "SELECT address FROM homeward.child_address WHERE id = '" CHILD_A "'");
  ck_assert_str_eq (own, "Hemmelig vei 1");
  /* A head sees the case, not its protected address; an address that is not protected, yes. */
  from_head = value (head, "SELECT address FROM homeward.child_address WHERE id = '" CHILD_A "'");
  ck_assert_ptr_null (from_head);
  open_b = value (head, "SELECT address FROM homeward.child_address WHERE id = '" CHILD_B "'");
  ck_assert_str_eq (open_b, "Åpen gate 2");
  /* A foster home's protected address: to the teams with a child placed there. */
  ck_assert_refused (cw_sor, "SELECT address FROM homeward.foster_home", "42501");
  home_own = value (cw_nord, "SELECT address FROM homeward.foster_home_address WHERE id = '"
                             HOME_H "'");
  ck_assert_str_eq (home_own, "Skjult tun 3");
  home_other = value (cw_sor, "SELECT coalesce (address, '(hidden)') FROM "
                              "homeward.foster_home_address WHERE id = '" HOME_H "'");
  ck_assert_str_eq (home_other, "(hidden)");
  /* Nor does the audit trail show it to her. */
  ck_assert_int_eq (count (head, "SELECT count (*) FROM homeward.audit WHERE detail LIKE "
                                 "'%Hemmelig%' OR detail LIKE '%Skjult%'"), 0);
}
END_TEST

/* ---- The audit trail is out of the clients' reach ---- */

START_TEST (test_audit_untouchable)
{
  g_autoptr(PGconn) cw = connect_as ("cw_nord");
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autofree char *before = value (owner, "SELECT hash FROM homeward.audit_head");
  g_autofree char *after = NULL;

  ck_assert_refused (cw, "UPDATE homeward.audit SET actor = 'someone' WHERE actor = 'cw_nord'",
                     "42501");
  ck_assert_refused (cw, "DELETE FROM homeward.audit", "42501");
  ck_assert_refused (cw, "TRUNCATE homeward.audit", "42501");
  ck_assert_refused (cw, "INSERT INTO homeward.audit SELECT * FROM homeward.audit LIMIT 1",
                     "42501");
  ck_assert_refused (cw, "UPDATE homeward.audit_head SET seq = 0", "42501");
  ck_assert_refused (cw, "SELECT homeward.audit_append ('update', 'child', 'x', 'x', 'forged')",
                     "42501");
  ck_assert_refused (cw, "DROP TRIGGER row_audit_update ON homeward.child", "42501");
  ck_assert_refused (cw, "ALTER TABLE homeward.child DISABLE TRIGGER row_audit_insert", "42501");
  ck_assert_refused (cw, "ALTER TABLE homeward.child DISABLE ROW LEVEL SECURITY", "42501");
  ck_assert_refused (cw, "DROP POLICY see ON homeward.child", "42501");
  ck_assert_refused (cw, "TRUNCATE homeward.child", "42501");
  ck_assert_refused (cw, "ALTER TABLE homeward.child DISABLE TRIGGER USER", "42501");
  ck_assert_refused (cw, "CREATE OR REPLACE FUNCTION homeward.row_audit () RETURNS trigger "
                         "LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'", "42501");
  ck_assert_refused (cw, "CREATE FUNCTION homeward.x () RETURNS int LANGUAGE sql AS 'SELECT 1'",
                     "42501");
  /* The owner's own slip is refused too (only disabling the trigger gets past). */
  ck_assert_refused (owner, "DELETE FROM homeward.audit", "42501");
  ck_assert_refused (owner, "TRUNCATE homeward.audit", "42501");

  after = value (owner, "SELECT hash FROM homeward.audit_head");
  ck_assert_str_eq (after, before);
  ck_assert_int_eq (count (cw, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);
}
END_TEST

START_TEST (test_audit_records_changes)
{
  g_autoptr(PGconn) cw = connect_as ("cw_nord");
  g_autofree char *detail = NULL, *gone = NULL, *many = NULL;

  PQclear (run (cw, "SELECT homeward.open_case ('" CASE_A "')"));
  PQclear (run (cw, "INSERT INTO homeward.visit (id, case_id, date, notes) VALUES "
                   "('aaaaaaaa-0000-4000-8000-0000000000f1', '" CASE_A "', '2024-03-01', 'før')"));
  PQclear (run (cw, "UPDATE homeward.visit SET notes = 'etter', in_person = true "
                   "WHERE id = 'aaaaaaaa-0000-4000-8000-0000000000f1'"));
  detail = value (cw, "SELECT detail::jsonb -> 'changes' FROM homeward.audit WHERE action = "
                      "'update' AND record_id = 'aaaaaaaa-0000-4000-8000-0000000000f1'");
  /* Before and after of exactly the changed fields. */
  ck_assert_str_eq (detail, "{\"notes\": [\"før\", \"etter\"], \"in_person\": [false, true]}");
  /* An insert keeps what it set. */
  g_free (detail);
  detail = value (cw, "SELECT detail::jsonb -> 'new' ->> 'notes' FROM homeward.audit WHERE "
                      "action = 'insert' AND record_id = 'aaaaaaaa-0000-4000-8000-0000000000f1'");
  ck_assert_str_eq (detail, "før");
  PQclear (run (cw, "DELETE FROM homeward.visit WHERE id = 'aaaaaaaa-0000-4000-8000-0000000000f1'"));
  /* A deletion keeps what was deleted, under its case. */
  gone = value (cw, "SELECT (detail::jsonb -> 'old' ->> 'notes') || ' ' || case_id "
                    "FROM homeward.audit WHERE action = 'delete' AND "
                    "record_id = 'aaaaaaaa-0000-4000-8000-0000000000f1'");
  ck_assert_str_eq (gone, "etter " CASE_A);
  ck_assert_int_eq (count (cw, "SELECT count (DISTINCT txid) FROM homeward.audit WHERE "
                               "record_id = 'aaaaaaaa-0000-4000-8000-0000000000f1'"), 3);

  /* One statement, many rows: an entry per row, each with its own before and after. */
  PQclear (run (cw, "INSERT INTO homeward.visit (id, case_id, date, notes) SELECT "
                   "'aaaaaaaa-0000-4000-8000-0000000001' || i, '" CASE_A "', '2024-04-01', "
                   "'n' || i FROM generate_series (10, 12) i"));
  PQclear (run (cw, "UPDATE homeward.visit SET notes = notes || '!' WHERE id LIKE "
                   "'aaaaaaaa-0000-4000-8000-00000000011_'"));
  g_free (many);
  many = value (cw, "SELECT string_agg (record_id || '=' || (detail::jsonb -> 'changes' ->> "
                    "'notes'), ' ' ORDER BY record_id) FROM homeward.audit WHERE action = "
                    "'update' AND record_id LIKE 'aaaaaaaa-0000-4000-8000-00000000011_'");
  ck_assert_str_eq (many, "aaaaaaaa-0000-4000-8000-000000000110=[\"n10\", \"n10!\"] "
                          "aaaaaaaa-0000-4000-8000-000000000111=[\"n11\", \"n11!\"] "
                          "aaaaaaaa-0000-4000-8000-000000000112=[\"n12\", \"n12!\"]");
  ck_assert_int_eq (count (cw, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);
}
END_TEST

/* The hash chain is the SQLite audit's: the same fields, the same separators, the same hash. */
static char *
sqlite_style_hash (PGresult *r, int row)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  /* prev_hash, seq, at, actor, action, entity, record_id, case_id, detail */
  const int columns[] = { 9, 0, 1, 2, 3, 4, 5, 6, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *text = PQgetisnull (r, row, columns[i]) ? "" : PQgetvalue (r, row, columns[i]);
      g_checksum_update (sum, (const guchar *) text, -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

START_TEST (test_audit_chain)
{
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autoptr(PGresult) rows = run (owner, "SELECT seq, at, actor, action, entity, record_id, "
                                         "case_id, detail, txid, prev_hash, hash "
                                         "FROM homeward.audit ORDER BY seq");
  g_autofree char *problem = NULL, *detail = NULL;

  ck_assert_int_gt (PQntuples (rows), 5);
  for (int i = 0; i < PQntuples (rows); i++)
    {
      g_autofree char *hash = sqlite_style_hash (rows, i);
      ck_assert_str_eq (hash, PQgetvalue (rows, i, 10));
      if (i > 0)
        ck_assert_str_eq (PQgetvalue (rows, i, 9), PQgetvalue (rows, i - 1, 10));
    }
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);

  /* Only the owner, by disabling the trigger, can change an entry: verify names it. */
  detail = value (owner, "SELECT detail FROM homeward.audit WHERE seq = 2");
  PQclear (run (owner, "ALTER TABLE homeward.audit DISABLE TRIGGER audit_no_change;"
                      "UPDATE homeward.audit SET detail = 'nothing happened' WHERE seq = 2"));
  problem = value (owner, "SELECT first_bad || ': ' || problem FROM homeward.audit_verify () "
                          "WHERE NOT ok");
  ck_assert_str_eq (problem, "2: entry 2 was changed after it was written");
  {
    PGresult *r;
    const char *params[1] = { detail };

    r = PQexecParams (owner, "UPDATE homeward.audit SET detail = $1 WHERE seq = 2", 1, NULL,
                      params, NULL, NULL, 0);
    ck_assert_int_eq (PQresultStatus (r), PGRES_COMMAND_OK);
    PQclear (r);
  }
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);

  /* The newest entry removed: the head, moved at each commit, shows it. */
  PQclear (run (owner, "CREATE TEMPORARY TABLE newest AS SELECT * FROM homeward.audit "
                      "ORDER BY seq DESC LIMIT 1;"
                      "DELETE FROM homeward.audit WHERE seq = (SELECT seq FROM newest)"));
  g_free (problem);
  problem = value (owner, "SELECT problem FROM homeward.audit_verify () WHERE NOT ok");
  ck_assert_ptr_nonnull (strstr (problem, "the newest entries were removed"));
  PQclear (run (owner, "INSERT INTO homeward.audit SELECT * FROM newest"));
  PQclear (run (owner, "ALTER TABLE homeward.audit ENABLE TRIGGER audit_no_change"));
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);
}
END_TEST

/* Two writers at once: the second waits for the first's commit, then chains after it. */
START_TEST (test_audit_concurrent_writers)
{
  g_autoptr(PGconn) first = connect_as ("cw_nord");
  g_autoptr(PGconn) second = connect_as ("cw_sor");
  g_autoptr(PGconn) owner = connect_as (NULL);
  PGresult *r;
  struct pollfd pfd;
  int before;

  PQclear (run (first, "SELECT homeward.open_case ('" CASE_A "')"));
  PQclear (run (second, "SELECT homeward.open_case ('" CASE_B "')"));
  before = count (owner, "SELECT count (*) FROM homeward.audit");
  PQclear (run (first, "BEGIN"));
  PQclear (run (first, "UPDATE homeward.child SET school = 'Nordskolen' WHERE id = '"
                       CHILD_A "'"));
  ck_assert (PQsendQuery (second, "UPDATE homeward.child SET school = 'Sørskolen' WHERE id = '"
                                  CHILD_B "'"));
  pfd.fd = PQsocket (second);
  pfd.events = POLLIN;
  ck_assert_int_eq (poll (&pfd, 1, 300), 0);  /* waits for the chain's head */
  PQclear (run (first, "UPDATE homeward.visit SET notes = 'samme transaksjon' WHERE id = '"
                       VISIT_A "'"));
  PQclear (run (first, "COMMIT"));
  r = PQgetResult (second);
  ck_assert_int_eq (PQresultStatus (r), PGRES_COMMAND_OK);
  PQclear (r);
  while ((r = PQgetResult (second)) != NULL)
    PQclear (r);

  /* Three entries, the first's two then the second's, in one unbroken chain. */
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM homeward.audit"), before + 3);
  {
    g_autofree char *order = value (owner, "SELECT string_agg (actor || ':' || entity, ' ' "
                                           "ORDER BY seq) FROM (SELECT * FROM homeward.audit "
                                           "ORDER BY seq DESC LIMIT 3) t");
    ck_assert_str_eq (order, "cw_nord:child cw_nord:visit cw_sor:child");
  }
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM homeward.audit_verify () WHERE ok"), 1);
}
END_TEST

/* ---- Break the glass ---- */

START_TEST (test_break_glass)
{
  g_autoptr(PGconn) cw_sor = connect_as ("cw_sor");
  g_autoptr(PGconn) tl_nord = connect_as ("tl_nord");
  g_autoptr(PGconn) cw_nord = connect_as ("cw_nord");
  g_autoptr(PGconn) later = NULL;
  g_autofree char *reason = NULL, *address = NULL;

  ck_assert_refused (cw_sor, "SELECT homeward.open_case ('" CASE_A "')", "HWG01");
  ck_assert_refused (cw_sor, "SELECT homeward.open_case ('" CASE_A "', '   ')", "HWG01");
  ck_assert_refused (cw_sor, "SELECT homeward.break_glass ('" CASE_A "', '')", "HWG01");
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM homeward.child WHERE case_id = '"
                                   CASE_A "'"), 0);
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM homeward.audit WHERE action = "
                                   "'break-glass'"), 0);

  PQclear (run (cw_sor, "SELECT homeward.break_glass ('" CASE_A "', 'Akutt: barnet er meldt "
                       "savnet, vakthavende')"));
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM homeward.case_file WHERE id = '"
                                   CASE_A "'"), 1);
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM homeward.child WHERE case_id = '"
                                   CASE_A "'"), 1);
  /* Not the protected address: that is the own team's. */
  address = value (cw_sor, "SELECT coalesce (address, '(hidden)') FROM homeward.child_address "
                           "WHERE id = '" CHILD_A "'");
  ck_assert_str_eq (address, "(hidden)");

  /* The case's team leader sees who, why and the read; a caseworker of that team does not
   * see another's entries. */
  reason = value (tl_nord, "SELECT actor || ': ' || (detail::json ->> 'reason') FROM "
                           "homeward.audit WHERE action = 'break-glass' AND case_id = '"
                           CASE_A "'");
  ck_assert_str_eq (reason, "cw_sor: Akutt: barnet er meldt savnet, vakthavende");
  ck_assert_int_ge (count (tl_nord, "SELECT count (*) FROM homeward.audit WHERE action = 'read' "
                                    "AND actor = 'cw_sor' AND case_id = '" CASE_A "'"), 1);
  ck_assert_int_eq (count (cw_nord, "SELECT count (*) FROM homeward.audit WHERE action = "
                                    "'break-glass'"), 0);

  /* The glass is broken for that session only (the session is the backend and its own
   * temporary table, not the pid, which a later connection may get again). */
  ck_assert_int_eq (count (cw_sor, "SELECT count (*) FROM (SELECT homeward.session_key ()) k (k) "
                                   "WHERE k ~ '^[0-9]+@[0-9]+$'"), 1);
  later = connect_as ("cw_sor");
  ck_assert_int_eq (count (later, "SELECT count (*) FROM homeward.case_file WHERE id = '"
                                  CASE_A "'"), 0);
}
END_TEST

/* ---- No lost update ---- */

START_TEST (test_version_conflict)
{
  g_autoptr(PGconn) first = connect_as ("cw_nord");
  g_autoptr(PGconn) second = connect_as ("tl_nord");
  g_autoptr(PGresult) refusal = NULL;
  g_auto(HwServerConflict) conflict = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL, *phone = NULL;
  struct pollfd pfd;

  PQclear (run (first, "SELECT homeward.open_case ('" CASE_A "')"));
  PQclear (run (second, "SELECT homeward.open_case ('" CASE_A "')"));
  /* Both read the record at the same version. */
  version = value (first, "SELECT row_version FROM homeward.person WHERE id = '" PERSON_A "'");

  /* The first saves in a transaction still open while the second's save waits for it. */
  PQclear (run (first, "BEGIN"));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE homeward.person SET phone = '11111111', "
                                            "row_version = %s WHERE id = '" PERSON_A "'",
                                            version);
    PQclear (run (first, sql));
  }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE homeward.person SET phone = '22222222', "
                                            "row_version = %s WHERE id = '" PERSON_A "'",
                                            version);
    ck_assert (PQsendQuery (second, sql));
  }
  pfd.fd = PQsocket (second);
  pfd.events = POLLIN;
  ck_assert_int_eq (poll (&pfd, 1, 300), 0);  /* blocked on the first's row lock */
  PQclear (run (first, "COMMIT"));

  refusal = PQgetResult (second);
  while (PQgetResult (second) != NULL)
    ;
  ck_assert (hw_server_result_get_conflict (refusal, &conflict));
  ck_assert_str_eq (conflict.changed_by, "cw_nord");
  ck_assert_str_eq (conflict.table, "person");
  ck_assert_str_eq (conflict.id, PERSON_A);
  ck_assert_int_eq (conflict.row_version, atoi (version) + 1);
  ck_assert_int_eq (conflict.read_version, atoi (version));
  ck_assert_int_eq (strlen (conflict.changed_at), 20);
  ck_assert (!hw_server_check (second, refusal, PGRES_COMMAND_OK, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  ck_assert_ptr_nonnull (strstr (error->message, "cw_nord"));

  /* The first's save stands. */
  phone = value (second, "SELECT phone FROM homeward.person WHERE id = '" PERSON_A "'");
  ck_assert_str_eq (phone, "11111111");
}
END_TEST

/* ---- Change notices ---- */

START_TEST (test_listen)
{
  g_autoptr(PGconn) writer = connect_as ("cw_nord");
  g_autoptr(PGconn) listener = connect_as ("tl_nord");
  PGnotify *notify = NULL;
  gint64 start, elapsed;

  PQclear (run (listener, "LISTEN " HW_SERVER_CHANNEL));
  PQclear (run (writer, "SELECT homeward.open_case ('" CASE_A "')"));
  start = g_get_monotonic_time ();
  PQclear (run (writer, "UPDATE homeward.visit SET notes = 'endret' WHERE id = '" VISIT_A "'"));
  while (notify == NULL && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      struct pollfd pfd = { PQsocket (listener), POLLIN, 0 };

      poll (&pfd, 1, 100);
      ck_assert (PQconsumeInput (listener));
      notify = PQnotifies (listener);
    }
  elapsed = g_get_monotonic_time () - start;
  ck_assert_msg (notify != NULL, "no notice within 5 s");
  ck_assert_str_eq (notify->relname, HW_SERVER_CHANNEL);
  ck_assert_str_eq (notify->extra, CASE_A);
  g_printerr ("# change to notice: %.1f ms\n", elapsed / 1000.0);
  PQfreemem (notify);
}
END_TEST

/* ---- The actor is who connected ---- */

START_TEST (test_actor_is_login_role)
{
  g_autoptr(PGconn) cw = connect_as ("cw_nord");
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autofree char *actor = NULL, *changed_by = NULL;

  /* Nothing a client says about itself is read. */
  PQclear (run (cw, "SET application_name = 'head'"));
  PQclear (run (cw, "SELECT set_config ('homeward.actor', 'head', false)"));
  PQclear (run (cw, "SET ROLE homeward_caseworker"));
  ck_assert_refused (cw, "SET ROLE head", "42501");
  ck_assert_refused (cw, "SET SESSION AUTHORIZATION head", "42501");
  PQclear (run (cw, "SELECT homeward.open_case ('" CASE_A "')"));
  PQclear (run (cw, "UPDATE homeward.visit SET notes = 'som en annen', changed_by = 'head' "
                   "WHERE id = '" VISIT_A "'"));
  actor = value (owner, "SELECT actor FROM homeward.audit WHERE action = 'update' AND "
                        "record_id = '" VISIT_A "' ORDER BY seq DESC LIMIT 1");
  ck_assert_str_eq (actor, "cw_nord");
  changed_by = value (owner, "SELECT changed_by FROM homeward.visit WHERE id = '" VISIT_A "'");
  ck_assert_str_eq (changed_by, "cw_nord");
}
END_TEST

/* ---- Setting up ---- */

/* First: what the others work on (Check runs each test in a process of its own). */
START_TEST (test_set_up)
{
  g_autoptr(PGconn) owner = connect_as (NULL);
  g_autoptr(GError) error = NULL;
  const char *nord[] = { "Nord", NULL };
  const char *sor[] = { "Sør", NULL };
  int applied = 0;

  ck_assert_msg (hw_server_init (owner, &applied, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (applied, HW_SERVER_SCHEMA_VERSION);
  g_free (hw_server_add_team (owner, "Nord", NULL, &error));
  g_free (hw_server_add_team (owner, "Sør", NULL, &error));
  ck_assert_no_error (error);
  ck_assert (hw_server_add_user (owner, "cw_nord", HW_SERVER_ROLE_CASEWORKER, nord, &error));
  ck_assert (hw_server_add_user (owner, "tl_nord", HW_SERVER_ROLE_TEAM_LEADER, nord, &error));
  ck_assert (hw_server_add_user (owner, "cw_sor", HW_SERVER_ROLE_CASEWORKER, sor, &error));
  ck_assert (hw_server_add_user (owner, "head", HW_SERVER_ROLE_HEAD, NULL, &error));
  ck_assert_no_error (error);
  /* A refused add-user changes nothing. */
  ck_assert (!hw_server_add_user (owner, "nobody_yet", HW_SERVER_ROLE_CASEWORKER,
                                  (const char *[]) { "Vest", NULL }, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_INVALID));
  ck_assert_ptr_nonnull (strstr (error->message, "--team"));
  ck_assert_int_eq (count (owner, "SELECT count (*) FROM pg_roles WHERE rolname = 'nobody_yet'"),
                    0);

  PQclear (run (owner,
    "INSERT INTO homeward.case_file (id, journal_no, start_date, team_id) "
    "SELECT '" CASE_A "', 'A-1', '2024-01-01', id FROM homeward.team WHERE name = 'Nord';"
    "INSERT INTO homeward.child (id, case_id, given_name, fnr, birth_date, protected_address, "
    " address) VALUES ('" CHILD_A "', '" CASE_A "', 'Ada', '01011250000', '2012-01-01', true, "
    " 'Hemmelig vei 1');"
    "INSERT INTO homeward.person (id, case_id, name, phone) VALUES ('" PERSON_A "', '" CASE_A
    "', 'Mor A', '1');"
    "INSERT INTO homeward.visit (id, case_id, date) VALUES ('" VISIT_A "', '" CASE_A
    "', '2024-02-01');"
    "INSERT INTO homeward.foster_home (id, name, protected_address, address) VALUES ('" HOME_H
    "', 'Fosterhjem H', true, 'Skjult tun 3');"
    "INSERT INTO homeward.measure (id, case_id, law, chapter, section, category, start_date, "
    " home_id) VALUES ('aaaaaaaa-0000-4000-8000-000000000014', '" CASE_A "', 'BVL2021', '5', "
    " '5-1', '1.1', '2024-01-01', '" HOME_H "');"
    "INSERT INTO homeward.case_file (id, journal_no, start_date, team_id) "
    "SELECT '" CASE_B "', 'B-1', '2024-01-01', id FROM homeward.team WHERE name = 'Sør';"
    "INSERT INTO homeward.child (id, case_id, given_name, fnr, birth_date, address) VALUES "
    " ('" CHILD_B "', '" CASE_B "', 'Bo', '01011350000', '2013-01-01', 'Åpen gate 2')"));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("server");
  TCase *tc = tcase_create ("server");

  if (g_getenv ("HW_TEST_PG_CONNINFO") == NULL)
    {
      g_printerr ("test-server: run through tests/server/with-cluster.sh\n");
      return 1;
    }
  /* In order: later tests find what earlier ones wrote (the audit trail grows). */
  tcase_add_test (tc, test_set_up);
  tcase_add_test (tc, test_conninfo);
  tcase_add_test (tc, test_schema_from_descriptions);
  tcase_add_test (tc, test_schema_agrees_with_sqlite);
  tcase_add_test (tc, test_init_again_and_newer);
  tcase_add_test (tc, test_team_visibility);
  tcase_add_test (tc, test_protected_address);
  tcase_add_test (tc, test_audit_untouchable);
  tcase_add_test (tc, test_audit_records_changes);
  tcase_add_test (tc, test_audit_concurrent_writers);
  tcase_add_test (tc, test_break_glass);
  tcase_add_test (tc, test_version_conflict);
  tcase_add_test (tc, test_listen);
  tcase_add_test (tc, test_actor_is_login_role);
  tcase_add_test (tc, test_audit_chain);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
