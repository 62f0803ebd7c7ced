/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's WAL against the rest of the machine (issue 13, defect 1). GTK opens and closes
 * files it shows (a file chooser sniffing the database's content type): any close() of the
 * database file in the app's process drops every POSIX lock SQLite holds on it, and the next
 * `homeward-cli` to finish then believed it was the last connection, checkpointed and deleted
 * the -wal and -shm while the app went on "saving" into the deleted WAL. Here the same, without
 * a GUI: a store held open, a stray open/read/close in this process, the built CLI run as a
 * child process. And when the WAL is deleted anyway (by hand), no save is reported that did
 * not reach the file. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-private.h"
#include "trust-support.h"

static const char *cli_path;
static char *tmpdir;
static char *db;

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
  db = g_build_filename (tmpdir, "x.db", NULL);
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db, g_free);
}

/* `homeward-cli --db DB list` in another process: its stdout. */
static char *
cli_list (void)
{
  const char *argv[] = { cli_path, "--db", db, "list", NULL };
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = trust_run (argv, NULL, &out, &err);

  ck_assert_msg (status == 0, "list failed (%d): %s", status, err);
  return out;
}

/* What a file chooser does to every file it lists: open, read a little, close. */
static void
stray_open_close (const char *path)
{
  char buf[512];
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  ck_assert_int_ge (fd, 0);
  ck_assert_int_ge (read (fd, buf, sizeof buf), 0);
  close (fd);
}

static gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
save_case (HwStore *store, const char *journal_no)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case (journal_no);

  ck_assert_msg (hw_store_save_dossier (store, d, &error), "%s",
                 error ? error->message : "");
}

/* Visible from a fresh connection in this process too (after the store is gone). */
static gboolean
on_disk (const char *journal_no)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) fresh = hw_store_open_readonly (db, &error);
  g_autoptr(HwDossier) d = NULL;

  ck_assert_msg (fresh != NULL, "%s", error ? error->message : "");
  d = hw_store_load_case_by_journal (fresh, journal_no, NULL);
  return d != NULL;
}

START_TEST (test_stray_close_keeps_the_wal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *out = NULL;
  HwStore *store = hw_store_open (db, &error);

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  save_case (store, "2026-00001");
  stray_open_close (db);
  stray_open_close (shm);

  out = cli_list ();
  ck_assert_msg (trust_contains (out, "2026-00001"), "the CLI sees the first save: %s", out);
  ck_assert_msg (exists (wal), "the app's WAL was deleted by another program");
  ck_assert_msg (exists (shm), "the app's -shm was deleted by another program");

  /* The app goes on saving: the CLI sees it at once, and it is there after the app exits. */
  save_case (store, "2026-00002");
  g_free (out);
  out = cli_list ();
  ck_assert_msg (trust_contains (out, "2026-00002"), "a save the CLI cannot see: %s", out);
  /* The CLI again, while the app still runs: nothing deleted this time either. */
  ck_assert (exists (wal));
  g_object_unref (store);
  ck_assert_msg (!exists (wal), "the last connection left its WAL behind");
  ck_assert (on_disk ("2026-00001"));
  ck_assert (on_disk ("2026-00002"));
}
END_TEST

/* The lock is held even when the app has several connections and closes some of them. */
START_TEST (test_second_connection_closing_keeps_the_guard)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *out = NULL;
  HwStore *store = hw_store_open (db, &error);
  HwStore *reader;

  ck_assert (store != NULL);
  reader = hw_store_open_readonly (db, &error);
  ck_assert_msg (reader != NULL, "%s", error ? error->message : "");
  g_object_unref (reader);
  stray_open_close (db);
  out = cli_list ();
  ck_assert (exists (wal));
  save_case (store, "2026-00003");
  g_free (out);
  out = cli_list ();
  ck_assert_msg (trust_contains (out, "2026-00003"), "%s", out);
  g_object_unref (store);
  /* The last connection gone, the WAL is folded into the file and removed as usual. */
  ck_assert_msg (!exists (wal), "the last connection left its WAL behind");
  ck_assert (on_disk ("2026-00003"));
}
END_TEST

/* Someone deletes the -wal and -shm by hand. The next save lands in the file (the store
 * noticed and reopened) or fails: never "saved" yet missing. */
START_TEST (test_deleted_wal_is_noticed_before_a_save)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *out = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2026-00005");
  HwStore *store = hw_store_open (db, &error);
  gboolean saved;

  ck_assert (store != NULL);
  save_case (store, "2026-00004");
  ck_assert_int_eq (sqlite3_wal_checkpoint_v2 (hw_store_get_handle (store), NULL,
                                               SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL),
                    SQLITE_OK);
  ck_assert_int_eq (g_unlink (wal), 0);
  ck_assert_int_eq (g_unlink (shm), 0);

  saved = hw_store_save_dossier (store, d, &error);
  out = cli_list ();
  if (saved)
    ck_assert_msg (trust_contains (out, "2026-00005"), "reported saved, not in the file: %s",
                   out);
  else
    ck_assert (error != NULL);
  g_object_unref (store);
  ck_assert_int_eq (on_disk ("2026-00005"), saved);
  ck_assert (on_disk ("2026-00004"));
}
END_TEST

/* Deleted while a transaction is open: the commit cannot be trusted, and says so. */
START_TEST (test_wal_deleted_during_a_transaction_fails_the_commit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(HwDossier) d = hw_test_make_case ("2026-00007");
  HwStore *store = hw_store_open (db, &error);
  gboolean saved;

  ck_assert (store != NULL);
  save_case (store, "2026-00006");
  ck_assert_int_eq (sqlite3_wal_checkpoint_v2 (hw_store_get_handle (store), NULL,
                                               SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL),
                    SQLITE_OK);
  ck_assert (hw_store_begin (store, &error));
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert_int_eq (g_unlink (wal), 0);
  ck_assert_int_eq (g_unlink (shm), 0);
  saved = hw_store_commit (store, &error);
  if (!saved)
    ck_assert_msg (trust_contains (error->message, "could not be saved"), "%s", error->message);
  else
    {
      g_autofree char *out = cli_list ();

      ck_assert_msg (trust_contains (out, "2026-00007"), "reported saved, not in the file: %s",
                     out);
    }
  g_clear_error (&error);

  /* The store recovers: the next save lands in the file. */
  save_case (store, "2026-00008");
  g_object_unref (store);
  ck_assert_int_eq (on_disk ("2026-00007"), saved);
  ck_assert (on_disk ("2026-00008"));
  ck_assert (on_disk ("2026-00006"));
}
END_TEST

/* This process's POSIX read lock on SQLite's SHARED bytes of @path, as /proc/locks shows it. */
static gboolean
holds_shared_lock (const char *path)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *inode = NULL;
  g_autofree char *pid = g_strdup_printf (" %d ", (int) getpid ());
  GStatBuf st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  inode = g_strdup_printf (":%lu 1073741826 1073742335", (unsigned long) st.st_ino);
  ck_assert (g_file_get_contents ("/proc/locks", &locks, NULL, NULL));
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "POSIX") && strstr (lines[i], pid) && g_str_has_suffix (lines[i], inode))
      return TRUE;
  return FALSE;
}

/* Opening the same database a second time in the process (the app's caseload threads, a
 * second window) must not itself be the stray close that drops the first one's locks. */
START_TEST (test_second_open_keeps_the_locks)
{
  g_autoptr(GError) error = NULL;
  HwStore *first = hw_store_open (db, &error);
  HwStore *second;

  ck_assert (first != NULL);
  save_case (first, "2026-00009");
  ck_assert_msg (holds_shared_lock (db), "no SHARED lock after the first open");
  second = hw_store_open (db, &error);
  ck_assert_msg (second != NULL, "%s", error ? error->message : "");
  ck_assert_msg (holds_shared_lock (db), "the second open dropped the first one's locks");
  g_object_unref (second);
  g_object_unref (first);
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s = suite_create ("wal-guard");
  TCase *tc = tcase_create ("wal-guard");

  if (argc < 2)
    {
      g_printerr ("usage: test-wal-guard HOMEWARD-CLI\n");
      return 2;
    }
  cli_path = argv[1];
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_stray_close_keeps_the_wal);
  tcase_add_test (tc, test_second_connection_closing_keeps_the_guard);
  tcase_add_test (tc, test_deleted_wal_is_noticed_before_a_save);
  tcase_add_test (tc, test_wal_deleted_during_a_transaction_fails_the_commit);
  tcase_add_test (tc, test_second_open_keeps_the_locks);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
