/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail against someone who has the file and the sqlite3 tool: every edit, removal
 * (in the middle or at the end) and reordering is found, and the report names the entry. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "trust-support.h"
#include "hw-store-audit-private.h"
#include "hw-store-private.h"

#define N_CASES   10
#define N_ENTRIES (N_CASES + 2)

static char *tmpdir;
static char *path;
static GPtrArray *fnrs;

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "audit.db", NULL);
  fnrs = trust_populate (path, N_CASES, "AUD");
}

static void
teardown (void)
{
  g_clear_pointer (&fnrs, g_ptr_array_unref);
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&path, g_free);
}

/* The hash of a row as the store computes it, for an attacker who knows the scheme. */
static char *
row_hash (sqlite3 *db, gint64 seq, const char *prev)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT at, actor, action, entity, record_id, "
                                        "case_id, detail FROM audit WHERE seq = ?1", -1, &stmt,
                                        NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  g_checksum_update (sum, (const guchar *) prev, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  g_checksum_update (sum, (const guchar *) seq_text, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  for (int i = 0; i < 7; i++)
    {
      const char *v = (const char *) sqlite3_column_text (stmt, i);
      g_checksum_update (sum, (const guchar *) (v ? v : ""), -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

START_TEST (test_audit_intact_counts_every_entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  HwAuditReport report;
  gint64 bad = -1;
  guint64 n = 0;

  ck_assert_no_error (error);
  ck_assert (hw_store_audit_check (store, &report, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (report.kind, HW_AUDIT_INTACT);
  ck_assert_uint_eq (report.n_checked, N_ENTRIES);
  ck_assert_int_eq (report.head_seq, N_ENTRIES);
  ck_assert (hw_store_audit_verify (store, &bad, &n, &error));
  ck_assert_int_eq (bad, 0);
  ck_assert_uint_eq (n, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_triggers_refuse_changes)
{
  sqlite3 *db = NULL;
  const char *attempts[] = {
    "UPDATE audit SET detail = 'x' WHERE seq = 3",
    "DELETE FROM audit WHERE seq = 3",
    "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
    "UPDATE audit_head SET seq = seq - 1",
    "DELETE FROM audit_head",
    "INSERT INTO audit_head (id, seq, hash) VALUES (2, 99, 'x')",
  };

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    ck_assert_msg (sqlite3_exec (db, attempts[i], NULL, NULL, NULL) != SQLITE_OK,
                   "allowed: %s", attempts[i]);
  sqlite3_close (db);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);

    ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
    ck_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_audit_detects_edit)
{
  trust_tamper (path, "UPDATE audit SET detail = 'nothing to see' WHERE seq = 5");
  trust_assert_break (path, HW_AUDIT_EDITED, 5);
}
END_TEST

START_TEST (test_audit_detects_edit_of_first_and_last)
{
  trust_tamper (path, "UPDATE audit SET actor = 'someone else' WHERE seq = 1");
  trust_assert_break (path, HW_AUDIT_EDITED, 1);
  trust_tamper (path, "UPDATE audit SET actor = 'tester' WHERE seq = 1;"
                      "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = "
                      G_STRINGIFY (N_ENTRIES));
  trust_assert_break (path, HW_AUDIT_EDITED, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_rehashed_edit)
{
  sqlite3 *db = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  char *sql;

  /* Edited and given a matching hash: the entry after it no longer follows it. */
  trust_tamper (path, "UPDATE audit SET action = 'read' WHERE seq = 5");
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE seq = 4", -1, &stmt,
                                          NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    prev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  hash = row_hash (db, 5, prev);
  sql = sqlite3_mprintf ("UPDATE audit SET hash = %Q WHERE seq = 5", hash);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);
  trust_assert_break (path, HW_AUDIT_EDITED, 5);
}
END_TEST

START_TEST (test_audit_detects_rehashed_last_entry)
{
  sqlite3 *db = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  char *sql;

  /* The newest entry rewritten with a fitting hash: no entry follows, the head does. */
  trust_tamper (path, "UPDATE audit SET actor = 'nobody' WHERE seq = " G_STRINGIFY (N_ENTRIES));
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT prev_hash FROM audit WHERE seq = "
                                          G_STRINGIFY (N_ENTRIES), -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    prev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  hash = row_hash (db, N_ENTRIES, prev);
  sql = sqlite3_mprintf ("UPDATE audit SET hash = %Q WHERE seq = %d", hash, N_ENTRIES);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);
  trust_assert_break (path, HW_AUDIT_EDITED, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_removed_middle)
{
  trust_tamper (path, "DELETE FROM audit WHERE seq = 6");
  trust_assert_break (path, HW_AUDIT_MISSING, 6);
}
END_TEST

START_TEST (test_audit_detects_removed_range)
{
  trust_tamper (path, "DELETE FROM audit WHERE seq BETWEEN 4 AND 7");
  trust_assert_break (path, HW_AUDIT_MISSING, 4);
}
END_TEST

START_TEST (test_audit_detects_removed_first)
{
  trust_tamper (path, "DELETE FROM audit WHERE seq = 1");
  trust_assert_break (path, HW_AUDIT_MISSING, 1);
}
END_TEST

START_TEST (test_audit_detects_removed_and_renumbered)
{
  /* Entry 6 removed and the later ones moved down to close the gap. */
  trust_tamper (path, "DELETE FROM audit WHERE seq = 6;"
                      "UPDATE audit SET seq = -seq WHERE seq > 6;"
                      "UPDATE audit SET seq = -seq - 1 WHERE seq < 0;"
                      "UPDATE audit_head SET seq = seq - 1");
  trust_assert_break (path, HW_AUDIT_EDITED, 6);
}
END_TEST

START_TEST (test_audit_detects_removed_tail)
{
  /* The newest entry: the chain that is left is valid; only the head shows it. */
  trust_tamper (path, "DELETE FROM audit WHERE seq = " G_STRINGIFY (N_ENTRIES));
  trust_assert_break (path, HW_AUDIT_TRUNCATED, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_removed_tail_range)
{
  trust_tamper (path, "DELETE FROM audit WHERE seq > 8");
  trust_assert_break (path, HW_AUDIT_TRUNCATED, 9);
}
END_TEST

START_TEST (test_audit_detects_everything_removed)
{
  trust_tamper (path, "DELETE FROM audit");
  trust_assert_break (path, HW_AUDIT_TRUNCATED, 1);
}
END_TEST

START_TEST (test_audit_detects_swapped_neighbours)
{
  trust_tamper (path, "UPDATE audit SET seq = -5 WHERE seq = 5;"
                      "UPDATE audit SET seq = 5 WHERE seq = 6;"
                      "UPDATE audit SET seq = 6 WHERE seq = -5");
  trust_assert_break (path, HW_AUDIT_REORDERED, 5);
}
END_TEST

START_TEST (test_audit_detects_moved_entry)
{
  /* Entries 3 and 9 change places. */
  trust_tamper (path, "UPDATE audit SET seq = -3 WHERE seq = 3;"
                      "UPDATE audit SET seq = 3 WHERE seq = 9;"
                      "UPDATE audit SET seq = 9 WHERE seq = -3");
  trust_assert_break (path, HW_AUDIT_REORDERED, 3);
}
END_TEST

START_TEST (test_audit_detects_swapped_contents)
{
  /* The numbers stay, the contents of 4 and 5 are exchanged. */
  trust_tamper (path,
                "CREATE TEMP TABLE a4 AS SELECT * FROM audit WHERE seq = 4;"
                "CREATE TEMP TABLE a5 AS SELECT * FROM audit WHERE seq = 5;"
                "DELETE FROM audit WHERE seq IN (4, 5);"
                "INSERT INTO audit SELECT 4, at, actor, action, entity, record_id, case_id, "
                "  detail, prev_hash, hash FROM a5;"
                "INSERT INTO audit SELECT 5, at, actor, action, entity, record_id, case_id, "
                "  detail, prev_hash, hash FROM a4;");
  /* The trigger moved the head to 5 on the last insert: put it back as it was. */
  trust_tamper (path, "UPDATE audit_head SET seq = " G_STRINGIFY (N_ENTRIES) ", hash = "
                      "(SELECT hash FROM audit WHERE seq = " G_STRINGIFY (N_ENTRIES) ")");
  trust_assert_break (path, HW_AUDIT_REORDERED, 4);
}
END_TEST

START_TEST (test_audit_detects_head_removed)
{
  trust_tamper (path, "DELETE FROM audit_head");
  trust_assert_break (path, HW_AUDIT_HEAD, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_forged_entry)
{
  sqlite3 *db = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  char *sql;

  /* Appended by hand, with a correct hash, but without the head's trigger. */
  trust_tamper (path, "DROP TRIGGER audit_head_follow;"
                      "INSERT INTO audit SELECT seq + 1, at, actor, action, entity, record_id, "
                      "  case_id, 'forged', hash, '' FROM audit WHERE seq = "
                      G_STRINGIFY (N_ENTRIES));
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE seq = "
                                          G_STRINGIFY (N_ENTRIES), -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    prev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  hash = row_hash (db, N_ENTRIES + 1, prev);
  sql = sqlite3_mprintf ("UPDATE audit SET hash = %Q WHERE seq = %d", hash, N_ENTRIES + 1);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);
  trust_assert_break (path, HW_AUDIT_ADDED, N_ENTRIES + 1);
}
END_TEST

START_TEST (test_audit_gap_survives_new_writes)
{
  g_autoptr(GError) error = NULL;

  /* The newest entries removed, then the program goes on working: the new entries continue
   * after the head, so the removal stays visible as a gap. */
  trust_tamper (path, "DELETE FROM audit WHERE seq > 9");
  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    ck_assert_no_error (error);
    ck_assert (hw_store_set_setting (store, "review_months", "3", &error));
    ck_assert (hw_store_set_setting (store, "review_months", "4", &error));
    ck_assert_no_error (error);
  }
  trust_assert_break (path, HW_AUDIT_MISSING, 10);

  /* Also with the head gone: writes continue after the last row, the head stays missing. */
  trust_tamper (path, "DELETE FROM audit_head");
  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    ck_assert_no_error (error);
    ck_assert (hw_store_set_setting (store, "review_months", "5", &error));
    ck_assert_no_error (error);
  }
  trust_assert_break (path, HW_AUDIT_MISSING, 10);
}
END_TEST

/* The chain hash of one entry, as the store computes it. */
static char *
chain_hash (const char *prev, gint64 seq, const char *const fields[7])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  g_checksum_update (sum, (const guchar *) prev, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  g_checksum_update (sum, (const guchar *) seq_text, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  for (int i = 0; i < 7; i++)
    {
      g_checksum_update (sum, (const guchar *) (fields[i] ? fields[i] : ""), -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

START_TEST (test_audit_upgrade_from_schema_2)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  g_autofree char *prev = g_strdup (GENESIS);

  /* A database as Homeward made it before the head (schema 2), with a chain of its own:
   * intact, and migration 3 starts the head at the newest entry. */
  hw_test_write_old_schema (path, 2, NULL);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  for (gint64 seq = 1; seq <= N_ENTRIES; seq++)
    {
      g_autofree char *detail = g_strdup_printf ("key=k%" G_GINT64_FORMAT, seq);
      const char *fields[7] = { "2025-01-01T10:00:00Z", "old", "setting", "setting", NULL,
                                NULL, detail };
      g_autofree char *hash = chain_hash (prev, seq, fields);
      char *sql = sqlite3_mprintf ("INSERT INTO audit VALUES (%lld, %Q, %Q, %Q, %Q, NULL, NULL, "
                                   "%Q, %Q, %Q)", (long long) seq, fields[0], fields[1],
                                   fields[2], fields[3], detail, prev, hash);

      ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
      sqlite3_free (sql);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_close (db);
  {
    g_autoptr(HwStore) old = hw_store_open_readonly (path, &error);
    HwAuditReport report;

    ck_assert_no_error (error);
    ck_assert_msg (hw_store_audit_check (old, &report, &error), "%s", error->message);
    ck_assert_int_eq (report.head_seq, -1);
    ck_assert_uint_eq (report.n_checked, N_ENTRIES);
  }
  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    HwAuditReport report;

    ck_assert_no_error (error);
    ck_assert_int_eq (hw_store_get_schema_version (store), HW_STORE_SCHEMA_VERSION);
    ck_assert (hw_store_audit_check (store, &report, &error));
    ck_assert_int_eq (report.head_seq, N_ENTRIES);
    ck_assert (hw_store_set_setting (store, "review_months", "3", &error));
    ck_assert (hw_store_audit_check (store, &report, &error));
    ck_assert_int_eq (report.head_seq, N_ENTRIES + 1);
  }
}
END_TEST

START_TEST (test_audit_detects_dropped_triggers)
{
  /* Only the triggers that refuse changes dropped, every entry as it was: the trail can now
   * be edited at will, and that is a break, not an old schema. */
  trust_tamper (path, "SELECT 1");
  trust_assert_break (path, HW_AUDIT_UNPROTECTED, N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_dropped_head_table)
{
  /* The head and its trigger gone, the schema version left as it is: used to pass as a
   * schema-2 file without a head, so the newest entries could then be removed unseen. */
  trust_tamper (path, "DROP TRIGGER audit_head_follow; DROP TABLE audit_head;"
                      "DELETE FROM audit WHERE seq > 9");
  trust_assert_break (path, HW_AUDIT_HEAD, 9);
}
END_TEST

START_TEST (test_audit_detects_downgrade_to_schema_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  HwAuditReport report;

  /* The same, with the version set back to 2 to pass as an old file: the rest of the schema
   * is not schema 2's. */
  trust_tamper (path, "DROP TRIGGER audit_head_follow; DROP TABLE audit_head;"
                      "DELETE FROM audit WHERE seq > 9; PRAGMA user_version = 2");
  store = hw_store_open_readonly (path, &error);
  ck_assert_no_error (error);
  ck_assert (!hw_store_audit_check (store, &report, &error));
  ck_assert_int_eq (error->code, HW_ERROR_CORRUPT);
  ck_assert_int_eq (report.kind, HW_AUDIT_UNPROTECTED);
  ck_assert (trust_contains (error->message, "outside Homeward"));
}
END_TEST

/* What someone with the file, the sqlite3 tool and this source can do: change the entries
 * with @sql, then recompute every hash and the head so the chain inside the file is
 * consistent again, and put the triggers back. */
static void
rewrite_chain (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  gint64 last = 0;
  char *update;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = "
                                        "'trigger'", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  trust_tamper (path, sql);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT seq FROM audit ORDER BY seq", -1, &stmt,
                                        NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = row_hash (db, seq, prev);

      update = sqlite3_mprintf ("UPDATE audit SET prev_hash = %Q, hash = %Q WHERE seq = %lld",
                                prev, hash, (long long) seq);
      ck_assert_int_eq (sqlite3_exec (db, update, NULL, NULL, NULL), SQLITE_OK);
      sqlite3_free (update);
      g_free (prev);
      prev = g_steal_pointer (&hash);
      last = seq;
    }
  sqlite3_finalize (stmt);
  update = sqlite3_mprintf ("UPDATE audit_head SET seq = %lld, hash = %Q", (long long) last,
                            prev);
  ck_assert_int_eq (sqlite3_exec (db, update, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_free (update);
  /* The triggers back, exactly as they were: the schema is Homeward's again. */
  for (guint i = 0; i < triggers->len; i += 2)
    {
      char *drop = sqlite3_mprintf ("DROP TRIGGER IF EXISTS \"%w\"",
                                    (char *) triggers->pdata[i]);

      ck_assert_int_eq (sqlite3_exec (db, drop, NULL, NULL, NULL), SQLITE_OK);
      sqlite3_free (drop);
      ck_assert_int_eq (sqlite3_exec (db, triggers->pdata[i + 1], NULL, NULL, NULL), SQLITE_OK);
    }
  sqlite3_close (db);
}

static void
assert_rewritten (gint64 seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  HwAuditReport report;
  gboolean found = FALSE;

  ck_assert_no_error (error);
  /* Inside the file, nothing shows: the honest limit of a chain in the file it protects. */
  ck_assert_msg (hw_store_audit_check (store, &report, &error), "%s", error->message);
  /* The copy of the head kept outside the file does. */
  ck_assert (!hw_store_audit_check_outside (store, &report, &found, &error));
  ck_assert (found);
  ck_assert_int_eq (error->code, HW_ERROR_CORRUPT);
  ck_assert_int_eq (report.kind, HW_AUDIT_REWRITTEN);
  ck_assert_msg (report.seq == seq, "at %" G_GINT64_FORMAT ": %s", report.seq, error->message);
  printf ("rewritten chain: %s\n", error->message);
}

START_TEST (test_audit_outside_head_follows_commits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head_path = hw_store_dup_audit_head_path (path);
  g_autofree char *text = NULL;
  HwAuditReport report;
  gboolean found = FALSE;

  g_autofree char *first = g_strdup_printf ("%d ", N_ENTRIES);
  g_autofree char *second = g_strdup_printf ("%d ", N_ENTRIES + 1);

  ck_assert (g_file_get_contents (head_path, &text, NULL, NULL));
  ck_assert_int_eq (trust_file_mode (head_path), 0600);
  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);

    ck_assert (hw_store_audit_check (store, &report, &error));
    ck_assert (g_str_has_prefix (text, first));
    ck_assert (trust_contains (text, report.head_hash));
    ck_assert (hw_store_set_setting (store, "review_months", "3", &error));
    ck_assert (hw_store_audit_check (store, &report, &error));
    ck_assert (hw_store_audit_check_outside (store, &report, &found, &error));
    ck_assert (found);
  }
  g_free (text);
  ck_assert (g_file_get_contents (head_path, &text, NULL, NULL));
  ck_assert_msg (g_str_has_prefix (text, second) && trust_contains (text, report.head_hash),
                 "%s", text);

  /* No copy: nothing to compare with, said so, not a break. */
  ck_assert_int_eq (g_unlink (head_path), 0);
  {
    g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);

    ck_assert (hw_store_audit_check_outside (store, &report, &found, &error));
    ck_assert (!found);
  }
}
END_TEST

START_TEST (test_audit_detects_rewritten_chain)
{
  /* An entry removed, the rest renumbered, every hash and the head recomputed. */
  rewrite_chain ("DELETE FROM audit WHERE seq = 5; UPDATE audit SET seq = seq - 1 WHERE seq > 5");
  assert_rewritten (N_ENTRIES);
}
END_TEST

START_TEST (test_audit_detects_rewritten_entry)
{
  /* Same length, one entry's content changed, everything after it rehashed. */
  rewrite_chain ("UPDATE audit SET actor = 'someone else' WHERE seq = 3");
  assert_rewritten (N_ENTRIES);
}
END_TEST

START_TEST (test_audit_rollback_leaves_chain_and_head)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  g_autoptr(HwDossier) d = hw_test_make_case ("AUD-RB");
  HwAuditReport report;

  ck_assert_no_error (error);
  ck_assert (hw_store_begin (store, &error));
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert (hw_store_set_setting (store, "review_months", "3", &error));
  hw_store_rollback (store);
  ck_assert (hw_store_audit_check (store, &report, &error));
  ck_assert_uint_eq (report.n_checked, N_ENTRIES);
  ck_assert_int_eq (report.head_seq, N_ENTRIES);
  /* And the next write chains on the head, not on the entries rolled back. */
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert (hw_store_audit_check (store, &report, &error));
  ck_assert_uint_eq (report.n_checked, N_ENTRIES + 1);
}
END_TEST

START_TEST (test_audit_two_connections_interleave)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) a = hw_store_open (path, &error);
  g_autoptr(HwStore) b = hw_store_open (path, &error);
  HwAuditReport report;

  ck_assert_no_error (error);
  hw_store_set_actor (a, "anne");
  hw_store_set_actor (b, "bjørn");
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", i);

      ck_assert (hw_store_set_setting (i % 3 ? a : b, "review_months", value, &error));
      ck_assert_no_error (error);
    }
  ck_assert (hw_store_audit_check (a, &report, &error));
  ck_assert_uint_eq (report.n_checked, N_ENTRIES + 20);
}
END_TEST

START_TEST (test_audit_holds_no_personal_data)
{
  g_autofree char *dump = trust_dump (path, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  g_autoptr(GPtrArray) entries = hw_store_audit_list (store, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  ck_assert_no_error (error);
  ck_assert_uint_eq (entries->len, N_ENTRIES);
  for (guint i = 0; i < entries->len; i++)
    {
      HwAuditEntry *e = entries->pdata[i];
      g_string_append_printf (text, "%s %s %s %s %s %s\n", e->actor, e->action, e->entity,
                              e->record_id, e->case_id ? e->case_id : "",
                              e->detail ? e->detail : "");
    }
  /* The numbers are in the database (the child table) but not in its audit trail. */
  for (guint i = 0; i < fnrs->len; i++)
    {
      ck_assert (trust_contains (dump, fnrs->pdata[i]));
      ck_assert_msg (!trust_contains (text->str, fnrs->pdata[i]), "identity number in audit");
    }
  ck_assert (!trust_contains (text->str, "Testa"));
  ck_assert (!trust_contains (text->str, "Testesen"));
}
END_TEST

START_TEST (test_audit_list_by_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  g_autoptr(HwDossier) d = hw_store_load_case_by_journal (store, "AUD-0001", &error);
  g_autoptr(GPtrArray) entries = NULL;

  ck_assert_no_error (error);
  entries = hw_store_audit_list (store, ((HwRecord *) d->root)->id, &error);
  ck_assert_no_error (error);
  /* Saved, then read. */
  ck_assert_uint_eq (entries->len, 2);
  ck_assert_str_eq (((HwAuditEntry *) entries->pdata[0])->action, "save");
  ck_assert_str_eq (((HwAuditEntry *) entries->pdata[1])->action, "read");
  ck_assert_str_eq (((HwAuditEntry *) entries->pdata[1])->actor, "tester");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("audit-chain");
  TCase *tc = tcase_create ("tamper");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_audit_intact_counts_every_entry);
  tcase_add_test (tc, test_audit_triggers_refuse_changes);
  tcase_add_test (tc, test_audit_detects_edit);
  tcase_add_test (tc, test_audit_detects_edit_of_first_and_last);
  tcase_add_test (tc, test_audit_detects_rehashed_edit);
  tcase_add_test (tc, test_audit_detects_rehashed_last_entry);
  tcase_add_test (tc, test_audit_detects_removed_middle);
  tcase_add_test (tc, test_audit_detects_removed_range);
  tcase_add_test (tc, test_audit_detects_removed_first);
  tcase_add_test (tc, test_audit_detects_removed_and_renumbered);
  tcase_add_test (tc, test_audit_detects_removed_tail);
  tcase_add_test (tc, test_audit_detects_removed_tail_range);
  tcase_add_test (tc, test_audit_detects_everything_removed);
  tcase_add_test (tc, test_audit_detects_swapped_neighbours);
  tcase_add_test (tc, test_audit_detects_moved_entry);
  tcase_add_test (tc, test_audit_detects_swapped_contents);
  tcase_add_test (tc, test_audit_detects_head_removed);
  tcase_add_test (tc, test_audit_detects_forged_entry);
  tcase_add_test (tc, test_audit_gap_survives_new_writes);
  tcase_add_test (tc, test_audit_upgrade_from_schema_2);
  tcase_add_test (tc, test_audit_detects_dropped_triggers);
  tcase_add_test (tc, test_audit_detects_dropped_head_table);
  tcase_add_test (tc, test_audit_detects_downgrade_to_schema_2);
  tcase_add_test (tc, test_audit_outside_head_follows_commits);
  tcase_add_test (tc, test_audit_detects_rewritten_chain);
  tcase_add_test (tc, test_audit_detects_rewritten_entry);
  tcase_add_test (tc, test_audit_rollback_leaves_chain_and_head);
  tcase_add_test (tc, test_audit_two_connections_interleave);
  tcase_add_test (tc, test_audit_holds_no_personal_data);
  tcase_add_test (tc, test_audit_list_by_case);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
