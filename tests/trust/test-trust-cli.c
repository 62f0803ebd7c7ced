/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user and an administrator meet: `homeward-cli audit verify|show`, `backup`,
 * `restore`; files readable by the owner only, a warning when they are not; and no identity
 * number in any log line, even with every debug message switched on. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "trust-support.h"

static const char *cli_path;
static const char *writer_path;
static const char *fixtures;     /* tests/exchange/fixtures */
static char *tmpdir;
static char *db;
static GPtrArray *fnrs;

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
  db = g_build_filename (tmpdir, "data", "homeward.db", NULL);
  fnrs = trust_populate (db, 10, "CLI");
}

static void
teardown (void)
{
  g_clear_pointer (&fnrs, g_ptr_array_unref);
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db, g_free);
}

static gboolean debug_on;

/* Runs homeward-cli --db DB ARGS… (with every debug message on when debug_on). */
static int
cli (char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "G_MESSAGES_DEBUG",
                                         debug_on ? "all" : "", TRUE);
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) cli_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = trust_run ((const char *const *) argv->pdata, (const char *const *) envp, out, err);
  return status;
}

/* Every identity number in the database at @path (children, persons, home members). */
static GPtrArray *
all_identity_numbers (const char *path)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (handle, "SELECT fnr FROM child UNION SELECT fnr FROM "
                                        "person UNION SELECT fnr FROM home_member", -1, &stmt,
                                        NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0))
      g_ptr_array_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return found;
}

static void
assert_no_identity_number (const char *text, GPtrArray *numbers, const char *what)
{
  for (guint i = 0; i < numbers->len; i++)
    ck_assert_msg (!trust_contains (text, numbers->pdata[i]),
                   "%s shows identity number %u", what, i);
}

START_TEST (test_cli_audit_verify_intact_and_broken)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  ck_assert_str_eq (out, "intact\t12\n");

  /* Each kind of tampering: exit status 4, the entry named on stderr and on stdout. */
  trust_tamper (db, "UPDATE audit SET detail = 'x' WHERE seq = 5");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 4);
  ck_assert_str_eq (out, "broken\t5\tedited\t4\n");
  ck_assert_msg (trust_contains (err, "entry 5"), "%s", err);
}
END_TEST

START_TEST (test_cli_audit_verify_names_tail_and_reorder)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  trust_tamper (db, "DELETE FROM audit WHERE seq > 10");
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 4);
  ck_assert_str_eq (out, "broken\t11\ttruncated\t10\n");
  ck_assert (trust_contains (err, "entry 11"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  trust_tamper (db, "UPDATE audit SET seq = -2 WHERE seq = 2;"
                    "UPDATE audit SET seq = 2 WHERE seq = 3;"
                    "UPDATE audit SET seq = 3 WHERE seq = -2");
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 4);
  ck_assert_str_eq (out, "broken\t2\treordered\t1\n");
}
END_TEST

START_TEST (test_cli_audit_verify_compares_head_outside)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* The newest entries removed and the head moved back with them, the triggers put back:
   * consistent inside the file. The copy of the head beside the backups still says 12. */
  trust_tamper_data (db, "DELETE FROM audit WHERE seq > 10;"
                         "UPDATE audit_head SET seq = 10, hash = (SELECT hash FROM audit "
                         "WHERE seq = 10)");
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 4);
  ck_assert_str_eq (out, "broken\t11\trewritten\t10\n");
  ck_assert_msg (trust_contains (err, "outside the database"), "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without the copy there is nothing to compare with, and verify says so. */
  {
    g_autofree char *dir = g_path_get_dirname (db);
    g_autofree char *head = g_build_filename (dir, "backups", "homeward.db.audit-head", NULL);

    ck_assert_int_eq (g_unlink (head), 0);
  }
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  ck_assert_str_eq (out, "intact\t10\n");
  ck_assert_msg (trust_contains (err, "no copy"), "%s", err);
}
END_TEST

START_TEST (test_cli_audit_show)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  ck_assert_int_eq (cli (&out, &err, "audit", "show", NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 12 + 1);
  for (guint i = 0; i < 12; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *seq = g_strdup_printf ("%u", i + 1);

      ck_assert_uint_eq (g_strv_length (fields), 8);
      ck_assert_str_eq (fields[0], seq);
      ck_assert_str_eq (fields[2], "tester");
    }
  ck_assert (g_str_has_prefix (lines[0], "1\t"));
  ck_assert (trust_contains (lines[0], "\tsave\tcase_file\t"));
  ck_assert (trust_contains (lines[0], "\tCLI-0001\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* One case: its save and its read. */
  ck_assert_int_eq (cli (&out, &err, "audit", "show", "--case", "CLI-0001", NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 2 + 1);
  ck_assert (trust_contains (lines[1], "\tread\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "audit", "show", "--case", "NO-SUCH", NULL), 1);
  ck_assert (trust_contains (err, "NO-SUCH"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "audit", "frobnicate", NULL), 2);
}
END_TEST

START_TEST (test_cli_audit_does_not_create_a_database)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (tmpdir, "nowhere.db", NULL);

  g_free (db);
  db = g_strdup (missing);
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 1);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_cli_backup_and_restore)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *copy = g_build_filename (tmpdir, "copy.db", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert_int_eq (cli (&out, &err, "backup", "-o", copy, NULL), 0);
  ck_assert (trust_contains (out, copy));
  ck_assert (trust_contains (out, "12 audit entries"));
  ck_assert_int_eq (trust_file_mode (copy), 0600);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An existing file is not overwritten by accident. */
  ck_assert_int_eq (cli (&out, &err, "backup", "-o", copy, NULL), 1);
  ck_assert (trust_contains (err, "--force"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "--user", "saksbehandler", "backup", "-o", copy, "--force",
                        NULL), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A backup where the user chose is a disclosure of every case: recorded, who and where. */
  ck_assert_int_eq (cli (&out, &err, "audit", "show", NULL), 0);
  {
    g_autofree char *entry = g_strdup_printf ("\tsaksbehandler\tdisclose\tbackup\t-\t-\t"
                                              "cases=10 to=%s\n", copy);
    ck_assert_msg (trust_contains (out, entry), "no disclosure entry in:\n%s", out);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without -o: today's backup in the backups folder. */
  ck_assert_int_eq (cli (&out, &err, "backup", NULL), 0);
  ck_assert (trust_contains (out, "backups"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert (g_file_set_contents (garbage, "no database here, only words and more words "
                                  "until the header would have ended", -1, NULL));
  before = trust_file_digest (db);
  ck_assert_int_eq (cli (&out, &err, "restore", garbage, NULL), 1);
  ck_assert (trust_contains (err, "nothing was changed"));
  after = trust_file_digest (db);
  ck_assert_str_eq (before, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "restore", "--check", garbage, NULL), 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "restore", "--check", copy, NULL), 0);
  ck_assert (trust_contains (out, "passed every check"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "restore", copy, NULL), 0);
  ck_assert (trust_contains (out, "Restored"));
  ck_assert (trust_contains (out, "kept as"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "audit", "show", NULL), 0);
  ck_assert (trust_contains (out, "\tadmin\trestore\tdatabase\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  /* The copy's 13 entries, the second disclosure (carried forward), the restore. */
  ck_assert_str_eq (out, "intact\t15\n");
}
END_TEST

START_TEST (test_files_are_private)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "fresh", "deeper", "homeward.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HwStore) store = NULL;
  mode_t old = umask (0);

  /* A permissive umask changes nothing: the owner only, from the first byte. */
  store = hw_store_open (path, &error);
  ck_assert_no_error (error);
  ck_assert (hw_store_set_setting (store, "review_months", "6", &error));
  umask (old);
  ck_assert_int_eq (trust_file_mode (path), 0600);
  ck_assert_int_eq (trust_file_mode (wal), 0600);
  ck_assert_int_eq (trust_file_mode (shm), 0600);
  ck_assert_int_eq (trust_file_mode (dir), 0700);
  ck_assert (hw_store_is_private (store));

  ck_assert_int_eq (g_chmod (path, 0644), 0);
  ck_assert (!hw_store_is_private (store));
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  ck_assert_int_eq (g_chmod (wal, 0640), 0);
  ck_assert (!hw_store_is_private (store));
  ck_assert_int_eq (g_chmod (wal, 0600), 0);
  ck_assert_int_eq (g_chmod (dir, 0777), 0);
  ck_assert (!hw_store_is_private (store));
  ck_assert_int_eq (g_chmod (dir, 0700), 0);
  ck_assert (hw_store_is_private (store));
}
END_TEST

START_TEST (test_cli_warns_about_readable_database)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (g_chmod (db, 0644), 0);
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  ck_assert_msg (trust_contains (err, "warning") && trust_contains (err, "chmod 600"), "%s",
                 err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* SQLite gives the -wal and -shm it creates the database file's mode: those too. */
  {
    const char *const suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);
        g_chmod (file, 0600);
      }
  }
  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  ck_assert_msg (!trust_contains (err, "warning"), "%s", err);
}
END_TEST

START_TEST (test_no_identity_number_in_logs)
{
  g_autofree char *demo_db = g_build_filename (tmpdir, "demo", "homeward.db", NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "demo-copy.db", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.db", NULL);
  g_autofree char *exported = g_build_filename (tmpdir, "export.xml", NULL);
  g_autofree char *ssb = g_build_filename (fixtures, "ssb-complete.xml", NULL);
  g_autofree char *homeward = g_build_filename (fixtures, "homeward-complete.xml", NULL);
  g_autofree char *bad_fnr = g_build_filename (fixtures, "refuse-fnr.xml", NULL);
  g_autoptr(GString) logs = g_string_new (NULL);
  g_autoptr(GPtrArray) numbers = NULL;
  const char *commands[][6] = {
    { "demo", "--children", "30", "--seed", "9", NULL },
    { "import", ssb, NULL },
    { "import", homeward, NULL },
    { "import", bad_fnr, NULL },        /* refused: a wrong identity number, not repeated */
    { "list", NULL },
    { "check", "--all", NULL },
    { "export", "--format", "homeward", "--output", exported },
    { "audit", "verify", NULL },
    { "audit", "show", NULL },
    { "backup", "-o", copy, NULL },
    { "backup", NULL },
    { "restore", "--check", copy, NULL },
    { "restore", copy, NULL },
    { "restore", garbage, NULL },
  };
  guint runs = 0;

  ck_assert (g_file_set_contents (garbage, "garbage", -1, NULL));
  g_free (db);
  db = g_strdup (demo_db);
  debug_on = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      cli (&out, &err, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
           commands[i][4], NULL);
      g_string_append_printf (logs, "== %s\n%s", commands[i][0], err);
      /* The audit and backup commands print nothing personal on stdout either; for the others,
       * the log lines GLib writes to stdout (debug and info go there by default). */
      if (g_str_equal (commands[i][0], "audit") || g_str_equal (commands[i][0], "backup") ||
          g_str_equal (commands[i][0], "restore"))
        g_string_append (logs, out);
      else
        {
          g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

          for (guint k = 0; lines[k]; k++)
            if (lines[k][0] == '(' && (trust_contains (lines[k], "-DEBUG") ||
                                       trust_contains (lines[k], "-INFO") ||
                                       trust_contains (lines[k], "-Message")))
              g_string_append_printf (logs, "%s\n", lines[k]);
        }
      runs++;
    }
  debug_on = FALSE;

  /* A writer process working through the store, debug messages on: its stdout is only its
   * report lines and GLib's log lines. */
  {
    const char *argv[] = { writer_path, "run", demo_db, "5", "LOG", "40", NULL };
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "G_MESSAGES_DEBUG", "all", TRUE);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    ck_assert_int_eq (trust_run (argv, (const char *const *) envp, &out, &err), 0);
    g_string_append (logs, err);
    g_string_append (logs, out);
    runs++;
  }

  numbers = all_identity_numbers (demo_db);
  ck_assert_uint_gt (numbers->len, 30);
  /* The refused file's number too ("Personalia kontroll 12"). */
  g_ptr_array_add (numbers, g_strdup ("17851250116"));
  assert_no_identity_number (logs->str, numbers, "a log");
  ck_assert (trust_contains (logs->str, "-DEBUG"));   /* debug messages did come */
  printf ("logs: %u command runs with G_MESSAGES_DEBUG=all, %u bytes of log output, none of %u "
          "identity numbers\n", runs, (guint) logs->len, numbers->len);
}
END_TEST

START_TEST (test_refusals_mask_identity_numbers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (db, &error);
  g_autoptr(HwDossier) d = hw_test_make_case ("MASK-1");
  HwChild *child = hw_dossier_child (d);
  const char *bad_numbers[] = { "14031512345", "14031512346", "31021500000", "99999999999" };

  /* A wrong identity number is refused, and the message does not repeat it whole. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_clear_error (&error);
      g_free (child->fnr);
      child->fnr = g_strdup (bad_numbers[i]);
      ck_assert (!hw_store_save_dossier (store, d, &error));
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (!trust_contains (error->message, bad_numbers[i]), "%s", error->message);
    }
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s = suite_create ("trust-cli");
  TCase *tc = tcase_create ("cli");

  if (argc < 4)
    {
      fprintf (stderr, "usage: test-trust-cli HOMEWARD-CLI TRUST-WRITER EXCHANGE-FIXTURES\n");
      return 2;
    }
  cli_path = argv[1];
  writer_path = argv[2];
  fixtures = argv[3];

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_cli_audit_verify_intact_and_broken);
  tcase_add_test (tc, test_cli_audit_verify_names_tail_and_reorder);
  tcase_add_test (tc, test_cli_audit_verify_compares_head_outside);
  tcase_add_test (tc, test_cli_audit_show);
  tcase_add_test (tc, test_cli_audit_does_not_create_a_database);
  tcase_add_test (tc, test_cli_backup_and_restore);
  tcase_add_test (tc, test_files_are_private);
  tcase_add_test (tc, test_cli_warns_about_readable_database);
  tcase_add_test (tc, test_no_identity_number_in_logs);
  tcase_add_test (tc, test_refusals_mask_identity_numbers);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
