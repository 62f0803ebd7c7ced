/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user and an administrator meet: `homeward-cli audit verify|show`, `backup`,
 * `restore`; files readable by the owner only, a warning when they are not; and no identity
 * number in any log line, even with every debug message switched on. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
                                              "10 cases to %s\n", copy);
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

/* ---- output: disclosures audited, files private and safe, full disks, TSV cells ---- */

typedef struct {
  rlim_t   fsize;         /* 0: no limit */
  gboolean stdout_full;   /* standard output is /dev/full */
} ChildLimits;

/* In the child before exec: the most permissive umask, and optionally a file-size limit that
 * makes write() fail with EFBIG as a full disk fails with ENOSPC (SIGXFSZ ignored: it would
 * kill instead). No root needed. */
static void
limit_child (gpointer user_data)
{
  const ChildLimits *limits = user_data;

  umask (0);
  if (limits->stdout_full)
    {
      int fd = open ("/dev/full", O_WRONLY);

      dup2 (fd, STDOUT_FILENO);
      close (fd);
    }
  if (limits->fsize)
    {
      struct rlimit rl = { limits->fsize, limits->fsize };

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &rl);
    }
}

/* Like cli(), under umask 0 and, when @fsize is set, a file-size limit of @fsize bytes; with
 * @out NULL, standard output is /dev/full. */
static int
cli_limited (rlim_t fsize, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ChildLimits limits = { fsize, out == NULL };
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, limit_child,
                               &limits, out, err, &status, &error), "spawn: %s",
                 error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

/* The lines of `audit show` whose action is "disclose". */
static GPtrArray *
disclosures (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  ck_assert_int_eq (cli (&out, &err, "audit", "show", NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (trust_contains (lines[i], "\tdisclose\t"))
      g_ptr_array_add (found, g_strdup (lines[i]));
  return found;
}

/* How many different values the @column-th tab-separated cell takes in @text's lines after
 * the first @skip. */
static guint
distinct_cells (const char *text, guint column, guint skip)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = skip; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (cells) > column)
        g_hash_table_add (seen, g_strdup (cells[column]));
    }
  return g_hash_table_size (seen);
}

/* Asserts that the command just run left exactly one new disclosure entry: @what, by
 * "tester", "N case(s) to DESTINATION". */
static void
assert_one_disclosure (guint *n_before, const char *what, guint n_cases, const char *where)
{
  g_autoptr(GPtrArray) now = disclosures ();
  g_autofree char *tail = g_strdup_printf ("\tdisclose\t%s\t-\t-\t%u %s to %s", what, n_cases,
                                           n_cases == 1 ? "case" : "cases", where);
  const char *last;

  ck_assert_msg (now->len == *n_before + 1, "%s: %u disclosure entries, expected %u", what,
                 now->len, *n_before + 1);
  last = now->pdata[now->len - 1];
  ck_assert_msg (g_str_has_suffix (last, tail), "“%s” does not end in “%s”", last, tail);
  ck_assert (trust_contains (last, "\tadmin\tdisclose\t"));
  *n_before = now->len;
}

START_TEST (test_cli_disclosures_are_audited)
{
  g_autofree char *xml = g_build_filename (tmpdir, "all.xml", NULL);
  g_autofree char *ssb = g_build_filename (tmpdir, "ssb", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "overdue.pdf", NULL);
  g_autofree char *plan = g_build_filename (tmpdir, "plan.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *demo_db = g_build_filename (tmpdir, "demo", "homeward.db", NULL);
  g_autofree char *journal = NULL;
  g_autoptr(GPtrArray) none = NULL;
  guint n, n_files;

  /* A demo caseload: findings to check, placements to export. */
  g_free (db);
  db = g_strdup (demo_db);
  ck_assert_int_eq (cli (&out, &err, "demo", "--children", "12", "--seed", "8", NULL), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "list", NULL), 0);
  journal = g_strndup (out, strcspn (out, "\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  none = disclosures ();
  n = none->len;
  ck_assert_uint_eq (n, 0);

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "export", "--format", "homeward",
                         "-o", xml, NULL), 0);
  assert_one_disclosure (&n, "export homeward", 12, xml);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "export", "--format", "barnevern-v4",
                         "--org-number", "974760673", "--municipality-name", "Oslo", "-o", ssb,
                         NULL), 0);
  {
    g_autoptr(GDir) dir = g_dir_open (ssb, 0, NULL);

    for (n_files = 0; g_dir_read_name (dir); n_files++)
      ;
  }
  ck_assert_uint_gt (n_files, 0);
  assert_one_disclosure (&n, "export barnevern-v4", n_files, ssb);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A search: no search text in the trail (it may be an identity number). */
  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "list", "--search", "-0000", NULL), 0);
  ck_assert_uint_gt (distinct_cells (out, 0, 0), 1);
  assert_one_disclosure (&n, "list --search", distinct_cells (out, 0, 0), "standard output");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Listing the caseload is what the app's first screen shows: not a disclosure. */
  ck_assert_int_eq (cli (&out, &err, "list", NULL), 0);
  {
    g_autoptr(GPtrArray) again = disclosures ();

    ck_assert_uint_eq (again->len, n);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "check", "--all", "--format", "tsv",
                         NULL), 0);
  ck_assert_uint_gt (distinct_cells (out, 0, 1), 0);
  assert_one_disclosure (&n, "check --format tsv", distinct_cells (out, 0, 1),
                         "standard output");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    g_autofree char *tsv = NULL;
    guint n_cases;

    ck_assert_int_eq (cli (&tsv, &err, "check", "--all", "--format", "tsv", NULL), 0);
    n_cases = distinct_cells (tsv, 0, 1);
    g_clear_pointer (&err, g_free);
    n++;   /* that one too */
    ck_assert_int_eq (cli (&out, &err, "--user", "admin", "check", "--all", "--format", "json",
                           NULL), 0);
    ck_assert (g_str_has_prefix (out, "{\"today\""));
    assert_one_disclosure (&n, "check --format json", n_cases, "standard output");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "check", "--format", "pdf", "-o", pdf,
                         NULL), 0);
  {
    g_autoptr(GPtrArray) now = disclosures ();
    const char *last = now->pdata[now->len - 1];

    ck_assert_uint_eq (now->len, n + 1);
    ck_assert (trust_contains (last, "\tadmin\tdisclose\tcheck --format pdf\t-\t-\t"));
    ck_assert (g_str_has_suffix (last, pdf));
    n = now->len;
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "--user", "admin", "plan", journal, "-o", plan, NULL),
                    0);
  assert_one_disclosure (&n, "plan -o", 1, plan);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli (&out, &err, "audit", "verify", NULL), 0);
  ck_assert (g_str_has_prefix (out, "intact\t"));
}
END_TEST

/* Names in @dir starting with '.': the exporters' temporaries. */
static guint
count_hidden (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += name[0] == '.';
  return n;
}

START_TEST (test_cli_outputs_private_and_safe)
{
  g_autofree char *folder = g_build_filename (tmpdir, "out", NULL);
  g_autofree char *xml = g_build_filename (folder, "a%41.xml", NULL);
  g_autofree char *unescaped = g_build_filename (folder, "aA.xml", NULL);
  g_autofree char *unescaped_part = g_build_filename (folder, "aA.xml.part", NULL);
  g_autofree char *part = g_build_filename (folder, "a%41.xml.part", NULL);
  g_autofree char *victim = g_build_filename (tmpdir, "victim", NULL);
  g_autofree char *ssb = g_build_filename (folder, "ssb", NULL);
  g_autofree char *pdf = g_build_filename (folder, "overdue.pdf", NULL);
  g_autofree char *plan = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  /* Links planted at the names the old writers used, into a file of the user's. */
  ck_assert (g_file_set_contents (victim, "precious", -1, NULL));
  ck_assert_int_eq (symlink (victim, part), 0);
  ck_assert_int_eq (symlink (victim, unescaped_part), 0);

  ck_assert_int_eq (cli_limited (0, &out, &err, "export", "--format", "homeward", "-o", xml,
                                 NULL), 0);
  ck_assert (g_file_get_contents (victim, &contents, NULL, NULL));
  ck_assert_str_eq (contents, "precious");
  ck_assert_int_eq (trust_file_mode (xml), 0600);
  ck_assert_int_eq (trust_file_mode (unescaped), -1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli_limited (0, &out, &err, "export", "--format", "barnevern-v4",
                                 "--org-number", "974760673", "--municipality", "0301",
                                 "--municipality-name", "Oslo", "-o", ssb, NULL), 0);
  {
    g_autoptr(GDir) dir = g_dir_open (ssb, 0, NULL);
    const char *name;
    guint n = 0;

    ck_assert_int_eq (trust_file_mode (ssb), 0700);
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (ssb, name, NULL);

        ck_assert_msg (trust_file_mode (file) == 0600, "%s is %o", name,
                       trust_file_mode (file));
        n++;
      }
    ck_assert_uint_gt (n, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_int_eq (cli_limited (0, &out, &err, "check", "--format", "pdf", "-o", pdf, NULL), 0);
  ck_assert_int_eq (trust_file_mode (pdf), 0600);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli_limited (0, &out, &err, "plan", "CLI-0001", "-o", plan, NULL), 0);
  ck_assert_int_eq (trust_file_mode (plan), 0600);
  ck_assert_uint_eq (count_hidden (folder), 0);
  ck_assert_uint_eq (count_hidden (ssb), 0);
}
END_TEST

/* A full disk: an error naming the file, exit status 1, nothing printed as written, no
 * temporary left, no disclosure recorded, and the earlier file intact when there was one, no
 * file at all when there was none (the old plan writer left a truncated one there). */
static void
assert_full_disk_refused (rlim_t limit, const char *path, const char *const *args,
                          gboolean earlier)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GPtrArray) before = disclosures ();
  g_autoptr(GPtrArray) after = NULL;
  int status;

  g_unlink (path);
  if (earlier)
    ck_assert (g_file_set_contents (path, "the earlier file", -1, NULL));
  status = cli_limited (limit, &out, &err, args[0], args[1], args[2], args[3], args[4],
                        args[5], NULL);
  ck_assert_msg (status == 1, "%s: exit status %d, stdout %s", args[0], status, out);
  ck_assert_msg (trust_contains (err, path) && trust_contains (err, g_strerror (EFBIG)), "%s",
                 err);
  ck_assert_msg (!trust_contains (out, "Wrote") && !trust_contains (out, "page"), "%s", out);
  if (earlier)
    {
      ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
      ck_assert_str_eq (contents, "the earlier file");
    }
  else
    ck_assert_msg (!g_file_test (path, G_FILE_TEST_EXISTS), "%s left %s", args[0], path);
  ck_assert_uint_eq (count_hidden (folder), 0);
  after = disclosures ();
  ck_assert_uint_eq (after->len, before->len);
}

START_TEST (test_cli_full_disk_fails_and_keeps_the_earlier_file)
{
  g_autofree char *demo_db = g_build_filename (tmpdir, "demo", "homeward.db", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "out", NULL);
  g_autofree char *xml = g_build_filename (folder, "all.xml", NULL);
  g_autofree char *plan = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *journal = NULL;
  /* Above SQLite's 32 KiB shared-memory file, below the export and the plan. */
  const rlim_t limit = 40 * 1024;

  g_free (db);
  db = g_strdup (demo_db);
  ck_assert_int_eq (cli (&out, &err, "demo", "--children", "20", "--seed", "4", NULL), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "list", NULL), 0);
  journal = g_strndup (out, strcspn (out, "\t"));
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);

  {
    const char *args[] = { "export", "--format", "homeward", "-o", xml, NULL };
    assert_full_disk_refused (limit, xml, args, FALSE);
    assert_full_disk_refused (limit, xml, args, TRUE);
  }
  {
    const char *args[] = { "plan", journal, "-o", plan, NULL, NULL };
    assert_full_disk_refused (limit, plan, args, FALSE);
    assert_full_disk_refused (limit, plan, args, TRUE);
  }
  /* And with room, both succeed: the limit was what failed them. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli_limited (0, &out, &err, "plan", journal, "-o", plan, NULL), 0);
  ck_assert_msg (trust_file_mode (plan) == 0600, "%o", trust_file_mode (plan));
  {
    GStatBuf st;

    ck_assert_int_eq (g_stat (plan, &st), 0);
    ck_assert_msg (st.st_size > (goffset) limit, "plan is only %ld bytes", (long) st.st_size);
  }
}
END_TEST

/* A cell holding a tab or a line break (a database written by an older version, or with the
 * sqlite3 tool) must not shift the columns of `list` or `check --format tsv`. */
START_TEST (test_cli_tsv_cells_stay_in_columns)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  trust_tamper_data (db, "UPDATE case_file SET journal_no = 'CLI' || char(9) || '0001' || "
                         "char(10) || 'x' WHERE journal_no = 'CLI-0001'");
  ck_assert_int_eq (cli (&out, &err, "list", NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 10 + 1);
  for (guint i = 0; i < 10; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      ck_assert_msg (g_strv_length (cells) == 6, "line %u: %s", i, lines[i]);
    }
  ck_assert (trust_contains (out, "CLI 0001 x\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);

  ck_assert_int_eq (cli (&out, &err, "check", "--all", "--format", "tsv", NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      ck_assert_msg (g_strv_length (cells) == 5, "line %u: %s", i, lines[i]);
    }
}
END_TEST

/* `list --search _` once matched every case: LIKE's wildcard. */
START_TEST (test_cli_search_is_literal)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (cli (&out, &err, "list", "--search", "_", NULL), 0);
  ck_assert_str_eq (out, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cli (&out, &err, "list", "--search", "CLI%1", NULL), 0);
  ck_assert_str_eq (out, "");
}
END_TEST

/* A Homeward XML file of one case with one child. */
static char *
homeward_case_xml (const char *journal_no, const char *given_name)
{
  g_autofree char *fnr = hw_identity_make_synthetic (hw_date_new (2015, 3, 14), 7);

  return g_strdup_printf ("<homeward format=\"1\">\n"
                          "<case_file id=\"6f1c1f7e-3c55-4f43-9f0e-9a8f0b2f4e11\" "
                          "journal_no=\"%s\" start_date=\"2020-01-01\">\n"
                          "<child id=\"0b8e2c8e-7f2f-4a4b-9f6b-0c4c2f3f9a10\" given_name=\"%s\" "
                          "fnr=\"%s\" birth_date=\"2015-03-14\"/>\n"
                          "</case_file>\n</homeward>\n", journal_no, given_name, fnr);
}

/* What a caseworker types into the store from the command line's side: an import with a
 * journal number holding a line break, or a name of a megabyte, is refused naming the field,
 * the database unchanged. */
START_TEST (test_cli_import_refuses_bad_text)
{
  g_autofree char *file = g_build_filename (tmpdir, "bad.xml", NULL);
  g_autofree char *big = g_build_filename (tmpdir, "big.xml", NULL);
  g_autofree char *before = trust_file_digest (db);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *name = g_strnfill (300, 'N');
  g_autofree char *xml = NULL;

  xml = homeward_case_xml ("2026-1&#10;x", "Kari");
  ck_assert (g_file_set_contents (file, xml, -1, NULL));
  ck_assert_int_eq (cli (&out, &err, "import", file, NULL), 1);
  ck_assert_msg (trust_contains (err, "Journal number must be one line"), "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&xml, g_free);

  xml = homeward_case_xml ("2026-2", name);
  ck_assert (g_file_set_contents (big, xml, -1, NULL));
  ck_assert_int_eq (cli (&out, &err, "import", big, NULL), 1);
  ck_assert_msg (trust_contains (err, "Given name is too long (300 characters; at most 200)"),
                 "%s", err);
  after = trust_file_digest (db);
  ck_assert_str_eq (before, after);
}
END_TEST

/* Standard output on a full disk: exit status 1 and a message, never a silent success. */
START_TEST (test_cli_full_stdout_fails)
{
  const char *commands[][4] = {
    { "list", NULL },
    { "check", "--all", "--format", "tsv" },
    { "audit", "show", NULL },
    { "settings", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;
      int status = cli_limited (0, NULL, &err, commands[i][0], commands[i][1], commands[i][2],
                                commands[i][3], NULL);

      ck_assert_msg (status == 1, "%s: exit status %d", commands[i][0], status);
      ck_assert_msg (trust_contains (err, "standard output"), "%s: %s", commands[i][0], err);
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
  tcase_add_test (tc, test_cli_disclosures_are_audited);
  tcase_add_test (tc, test_cli_outputs_private_and_safe);
  tcase_add_test (tc, test_cli_full_disk_fails_and_keeps_the_earlier_file);
  tcase_add_test (tc, test_cli_tsv_cells_stay_in_columns);
  tcase_add_test (tc, test_cli_search_is_literal);
  tcase_add_test (tc, test_cli_import_refuses_bad_text);
  tcase_add_test (tc, test_cli_full_stdout_fails);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
