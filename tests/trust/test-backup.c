/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups and restores: a backup restores to the same contents; a damaged, foreign or tampered
 * file is refused and the database is left exactly as it was (same bytes); automatic backups
 * are daily at most and thinned to a bounded set; a restore killed half-way leaves the old
 * database or the new, never a mix. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-backup.h"
#include "hw-store-backup-private.h"
#include "hw-store-private.h"
#include "trust-support.h"
#include "hw-store-audit-private.h"

static const char *writer_path;
static char *tmpdir;
static char *live;
static char *backup;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fnrs = NULL;
  HwBackupInfo info = { 0 };

  tmpdir = hw_test_make_tmpdir ();
  live = g_build_filename (tmpdir, "data", "homeward.db", NULL);
  backup = g_build_filename (tmpdir, "backup.db", NULL);
  fnrs = trust_populate (live, 6, "BAK");
  ck_assert (hw_store_backup_file (live, backup, &info, &error));
  ck_assert_no_error (error);
  ck_assert (info.audit_intact);
  ck_assert_uint_eq (info.audit_entries, 8);
  ck_assert_str_eq (info.path, backup);
  hw_backup_info_clear (&info);
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&live, g_free);
  g_clear_pointer (&backup, g_free);
}

static void
add_cases (const char *path, guint n, const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);

  ck_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *journal = g_strdup_printf ("%s-%u", prefix, i);
      g_autoptr(HwDossier) d = hw_test_make_case (journal);

      ck_assert (hw_store_save_dossier (store, d, &error));
    }
  ck_assert_no_error (error);
}

static guint
count_cases (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);

  ck_assert_no_error (error);
  return hw_store_count (store, HW_ENTITY_CASE, NULL);
}

START_TEST (test_backup_restore_same_contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = trust_dump (live, FALSE);
  g_autofree char *audit_before = trust_dump (live, TRUE);
  g_autofree char *in_backup = trust_dump (backup, TRUE);
  g_autofree char *after = NULL;
  g_autofree char *kept_dump = NULL;
  HwBackupInfo info = { 0 };

  /* The backup holds exactly what the database held, audit trail included. */
  ck_assert_str_eq (audit_before, in_backup);

  /* Work goes on after the backup; then the backup is restored. */
  add_cases (live, 3, "LATER");
  ck_assert_uint_eq (count_cases (live), 9);
  ck_assert (hw_store_restore (live, backup, "restorer", &info, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (info.audit_entries, 8);
  ck_assert_ptr_nonnull (info.path);

  after = trust_dump (live, FALSE);
  ck_assert_str_eq (before, after);
  ck_assert_uint_eq (count_cases (live), 6);

  /* The replaced database was kept, with the later cases. */
  ck_assert_uint_eq (count_cases (info.path), 9);
  ck_assert_int_eq (trust_file_mode (info.path), 0600);
  kept_dump = trust_dump (info.path, FALSE);
  ck_assert (trust_contains (kept_dump, "LATER-2"));

  /* The restored trail is the backup's, the three saves made after it, the restore, and
   * verifies. */
  {
    g_autoptr(HwStore) store = hw_store_open_readonly (live, &error);
    g_autoptr(GPtrArray) entries = hw_store_audit_list (store, NULL, &error);
    HwAuditEntry *last;

    ck_assert_no_error (error);
    ck_assert_uint_eq (entries->len, 12);
    last = entries->pdata[11];
    ck_assert_str_eq (last->action, "restore");
    ck_assert_str_eq (last->actor, "restorer");
    ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
  }
  hw_backup_info_clear (&info);
}
END_TEST

/* Every entry of @path's trail, one line each, hashes included: what must never disappear. */
static GPtrArray *
audit_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  ck_assert_no_error (error);
  entries = hw_store_audit_list (store, NULL, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      HwAuditEntry *e = entries->pdata[i];

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s", e->at, e->actor,
                                               e->action, e->entity, e->record_id, e->case_id,
                                               e->detail));
    }
  return lines;
}

/* Reads of every case, as opening each child's record in the app would log them. */
static void
read_every_case (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  g_autoptr(GPtrArray) cases = NULL;

  ck_assert_no_error (error);
  hw_store_set_actor (store, "reader");
  cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    ck_assert (hw_store_log_read (store, ((HwRecord *) cases->pdata[i])->id, &error));
  ck_assert_no_error (error);
}

static void
assert_trail_holds (const char *path, GPtrArray *earlier, const char *when)
{
  g_autoptr(GPtrArray) now = audit_lines (path);

  ck_assert_msg (now->len > earlier->len, "%s: %u entries, had %u", when, now->len,
                 earlier->len);
  for (guint i = 0; i < earlier->len; i++)
    ck_assert_msg (g_str_equal (now->pdata[i], earlier->pdata[i]),
                   "%s: entry %u lost: %s, now %s", when, i + 1, (char *) earlier->pdata[i],
                   (char *) now->pdata[i]);
}

START_TEST (test_restore_keeps_audit_history)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autofree char *second = g_build_filename (tmpdir, "second.db", NULL);

  /* Backup (setup), reads, restore, reads, restore again, restore an older backup: every
   * entry ever written stays in the trail, in order, and the trail verifies. */
  for (int round = 0; round < 4; round++)
    {
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(HwStore) store = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      g_autofree char *when = g_strdup_printf ("restore %d", round + 1);
      HwAuditEntry *last;

      read_every_case (live);
      before = audit_lines (live);
      if (round == 1)
        ck_assert (hw_store_backup_file (live, second, NULL, &error));
      ck_assert (hw_store_restore (live, round == 2 ? second : backup, "restorer", NULL,
                                   &error));
      ck_assert_no_error (error);
      assert_trail_holds (live, before, when);
      store = hw_store_open_readonly (live, &error);
      ck_assert_msg (hw_store_audit_verify (store, NULL, NULL, &error), "%s: %s", when,
                     error ? error->message : "");
      entries = hw_store_audit_list (store, NULL, &error);
      ck_assert_uint_eq (entries->len, before->len + 1);
      last = g_ptr_array_index (entries, entries->len - 1);
      ck_assert_str_eq (last->action, "restore");
      ck_assert_str_eq (last->actor, "restorer");
    }
  ck_assert_uint_eq (count_cases (live), 6);
  /* The copies kept before each restore are thinned; the trail does not depend on them. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint safety = 0;

    while ((name = g_dir_read_name (d)))
      safety += trust_contains (name, "before-restore");
    ck_assert_uint_eq (safety, HW_BACKUP_KEEP_SAFETY);
  }
}
END_TEST

START_TEST (test_restore_of_foreign_backup_carries_trail)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (tmpdir, "other", "homeward.db", NULL);
  g_autofree char *other_backup = g_build_filename (tmpdir, "other-backup.db", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) backup_lines = NULL;
  g_autoptr(GPtrArray) fnrs = trust_populate (other, 3, "OTH");
  g_autofree char *old_head_hash = NULL;

  /* A backup of another database: its trail shares nothing with this one. Both trails are in
   * the result, the backup's first, this database's entries after it, chained anew. */
  ck_assert (hw_store_backup_file (other, other_backup, NULL, &error));
  read_every_case (live);
  before = audit_lines (live);
  {
    g_autoptr(HwStore) store = hw_store_open_readonly (live, &error);
    HwAuditReport report;

    ck_assert (hw_store_audit_check (store, &report, &error));
    old_head_hash = g_strdup (report.head_hash);
  }
  backup_lines = audit_lines (other_backup);
  ck_assert (hw_store_restore (live, other_backup, "restorer", NULL, &error));
  ck_assert_no_error (error);
  after = audit_lines (live);
  ck_assert_uint_eq (after->len, backup_lines->len + before->len + 1);
  for (guint i = 0; i < backup_lines->len; i++)
    ck_assert_str_eq (after->pdata[i], backup_lines->pdata[i]);
  for (guint i = 0; i < before->len; i++)
    ck_assert_str_eq (after->pdata[backup_lines->len + i], before->pdata[i]);
  ck_assert (trust_contains (after->pdata[after->len - 1], "replaced-head="));
  {
    g_autoptr(HwStore) store = hw_store_open_readonly (live, &error);
    HwAuditReport report;
    gboolean found = FALSE;

    ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
    ck_assert_no_error (error);
    /* The copy of the head outside the file follows the restore… */
    ck_assert (hw_store_audit_check_outside (store, &report, &found, &error));
    ck_assert_no_error (error);
    ck_assert (found);
    /* … and had the restore been killed before it wrote it, the old head it still holds is
     * named by the restore entry: not mistaken for a rewritten trail. */
    {
      g_autofree char *head_path = hw_store_dup_audit_head_path (live);
      g_autofree char *old_head = g_strdup_printf ("%u %s\n", before->len, old_head_hash);

      ck_assert (g_file_set_contents (head_path, old_head, -1, NULL));
      ck_assert_msg (hw_store_audit_check_outside (store, &report, &found, &error), "%s",
                     error ? error->message : "");
      ck_assert (found);
    }
  }
  ck_assert_uint_eq (count_cases (live), 3);
}
END_TEST

START_TEST (test_restore_over_broken_trail_keeps_evidence)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autoptr(GPtrArray) lines = NULL;
  HwBackupInfo info = { 0 };

  /* Someone removed an entry from the database's trail; the backup is restored. The copy kept
   * of the tampered database is evidence and is never thinned away; the restore entry says
   * where the trail broke; the restored trail verifies. */
  read_every_case (live);
  trust_tamper_data (live, "DELETE FROM audit WHERE seq = 3");
  ck_assert (hw_store_restore (live, backup, "restorer", &info, &error));
  ck_assert_no_error (error);
  ck_assert_msg (trust_contains (info.path, "broken-trail"), "%s", info.path);
  lines = audit_lines (live);
  ck_assert (trust_contains (lines->pdata[lines->len - 1], "failed its check at entry 3"));
  for (int i = 0; i < HW_BACKUP_KEEP_SAFETY + 1; i++)
    ck_assert (hw_store_restore (live, backup, "restorer", NULL, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_test (info.path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(HwStore) store = hw_store_open_readonly (live, &error);
    ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
    ck_assert_no_error (error);
  }
  hw_backup_info_clear (&info);
}
END_TEST

START_TEST (test_backup_of_open_store_is_consistent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) reader = hw_store_open (live, &error);
  g_autoptr(HwStore) writer = hw_store_open (live, &error);
  g_autoptr(HwDossier) d = hw_test_make_case ("UNCOMMITTED");
  g_autofree char *copy = g_build_filename (tmpdir, "during.db", NULL);
  HwBackupInfo info = { 0 };

  /* Another connection is half-way through a transaction: the backup has what was
   * committed, not the half. */
  ck_assert (hw_store_begin (writer, &error));
  ck_assert (hw_store_save_dossier (writer, d, &error));
  ck_assert (hw_store_backup (reader, copy, &info, &error));
  ck_assert_no_error (error);
  ck_assert (hw_store_commit (writer, &error));
  ck_assert_uint_eq (count_cases (copy), 6);
  ck_assert_uint_eq (count_cases (live), 7);
  ck_assert (info.audit_intact);
  hw_backup_info_clear (&info);
}
END_TEST

START_TEST (test_backup_files_are_private)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autofree char *nested = g_build_filename (tmpdir, "new-folder", "copy.db", NULL);
  g_autofree char *nested_dir = g_path_get_dirname (nested);
  HwBackupInfo info = { 0 };
  mode_t old = umask (0);

  /* Even with a permissive umask. */
  ck_assert (hw_store_backup_auto (live, NULL, FALSE, &info, &error));
  ck_assert (hw_store_backup_file (live, nested, NULL, &error));
  umask (old);
  ck_assert_no_error (error);
  ck_assert_int_eq (trust_file_mode (dir), 0700);
  ck_assert_int_eq (trust_file_mode (info.path), 0600);
  ck_assert_int_eq (trust_file_mode (backup), 0600);
  ck_assert_int_eq (trust_file_mode (nested), 0600);
  ck_assert_int_eq (trust_file_mode (nested_dir), 0700);
  hw_backup_info_clear (&info);

  /* A backup folder someone opened up is closed again. */
  ck_assert_int_eq (g_chmod (dir, 0755), 0);
  ck_assert (hw_store_backup_auto (live, NULL, TRUE, &info, &error));
  ck_assert_int_eq (trust_file_mode (dir), 0700);
  hw_backup_info_clear (&info);
}
END_TEST

START_TEST (test_backup_auto_once_a_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 8, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 11, 23, 22, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 11, 24, 7, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  HwBackupInfo info = { 0 };

  ck_assert (hw_store_backup_auto (live, monday, FALSE, &info, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (info.path);
  ck_assert (g_str_has_suffix (info.path, "homeward.db-2026-11-23.db"));
  hw_backup_info_clear (&info);

  /* The same day: nothing to do. */
  ck_assert (hw_store_backup_auto (live, evening, FALSE, &info, &error));
  ck_assert_ptr_null (info.path);

  ck_assert (hw_store_backup_auto (live, tuesday, FALSE, &info, &error));
  ck_assert (g_str_has_suffix (info.path, "homeward.db-2026-11-24.db"));
  hw_backup_info_clear (&info);

  /* Clock set back: a backup of a later day exists, none is due. */
  ck_assert (hw_store_backup_auto (live, monday, FALSE, &info, &error));
  ck_assert_ptr_null (info.path);

  list = hw_store_backup_list (live);
  ck_assert_uint_eq (list->len, 2);
  ck_assert (g_str_has_suffix (list->pdata[0], "2026-11-24.db"));
}
END_TEST

START_TEST (test_backup_retention_is_bounded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 1, 1, 9, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other_db = g_build_filename (dir, "other-2026-01-01.db", NULL);
  const char *expected[] = {
    /* the newest 7 days … */
    "2026-03-01", "2026-02-28", "2026-02-27", "2026-02-26", "2026-02-25", "2026-02-24",
    "2026-02-23",
    /* … then the newest of each of the 4 weeks before (weeks start on Monday) */
    "2026-02-22", "2026-02-15", "2026-02-08", "2026-02-01",
  };

  ck_assert (g_mkdir_with_parents (dir, 0700) == 0);
  ck_assert (g_file_set_contents (other, "not ours", -1, NULL));
  ck_assert (g_file_set_contents (other_db, "not ours either", -1, NULL));
  /* Sixty days of opening the program every day. */
  for (int day = 0; day < 60; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);
      HwBackupInfo info = { 0 };

      ck_assert (hw_store_backup_auto (live, now, FALSE, &info, &error));
      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (info.path);
      hw_backup_info_clear (&info);
    }
  list = hw_store_backup_list (live);
  ck_assert_uint_eq (list->len, G_N_ELEMENTS (expected));
  ck_assert_uint_eq (list->len, HW_BACKUP_KEEP_DAILY + HW_BACKUP_KEEP_WEEKLY);
  for (guint i = 0; i < list->len; i++)
    ck_assert_msg (trust_contains (list->pdata[i], expected[i]), "%u: %s, expected %s", i,
                   (char *) list->pdata[i], expected[i]);
  /* Files that are not our backups are left alone. */
  ck_assert (g_file_test (other, G_FILE_TEST_EXISTS));
  ck_assert (g_file_test (other_db, G_FILE_TEST_EXISTS));
}
END_TEST

static void copy_file (const char *from, const char *to);

START_TEST (test_backup_names_after_whole_file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 1, 1, 9, 0, 0);
  g_autofree char *data_dir = g_path_get_dirname (live);
  g_autofree char *sibling = g_build_filename (data_dir, "homeward.sqlite", NULL);
  g_autoptr(GPtrArray) fnrs = trust_populate (sibling, 2, "SIB");
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;

  /* Two databases with the same stem in one folder: each gets its own daily backup, and
   * thinning one's never removes the other's. */
  for (int day = 0; day < 20; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);
      HwBackupInfo info = { 0 };

      ck_assert (hw_store_backup_auto (live, now, FALSE, &info, &error));
      ck_assert_msg (info.path != NULL, "day %d: no backup of homeward.db", day);
      hw_backup_info_clear (&info);
      ck_assert (hw_store_backup_auto (sibling, now, FALSE, &info, &error));
      ck_assert_msg (info.path != NULL, "day %d: no backup of homeward.sqlite", day);
      hw_backup_info_clear (&info);
    }
  ck_assert_no_error (error);
  mine = hw_store_backup_list (live);
  theirs = hw_store_backup_list (sibling);
  ck_assert_uint_eq (mine->len, theirs->len);
  ck_assert_uint_ge (mine->len, HW_BACKUP_KEEP_DAILY);
  for (guint i = 0; i < mine->len; i++)
    {
      ck_assert_uint_eq (count_cases (mine->pdata[i]), 6);
      ck_assert_uint_eq (count_cases (theirs->pdata[i]), 2);
      ck_assert_str_ne (mine->pdata[i], theirs->pdata[i]);
    }
}
END_TEST

START_TEST (test_backup_old_names_still_rotate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autofree char *data_dir = g_path_get_dirname (live);
  g_autoptr(GDateTime) march = g_date_time_new_local (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) april = g_date_time_new_local (2026, 4, 1, 9, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  HwBackupInfo info = { 0 };
  guint old_named = 0;

  /* Backups named the old way, after the stem, for 20 days of February: still this
   * database's, renamed to the new names and thinned with the rest. */
  ck_assert (g_mkdir_with_parents (dir, 0700) == 0);
  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("homeward-2026-02-%02d.db", day);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      copy_file (backup, path);
    }
  ck_assert (hw_store_backup_auto (live, march, FALSE, &info, &error));
  ck_assert_no_error (error);
  hw_backup_info_clear (&info);
  list = hw_store_backup_list (live);
  /* 1 March and 15–20 February, then 8 and 1 February for the weeks before (the week of
   * 9–15 February already has one). */
  ck_assert_uint_eq (list->len, 9);
  ck_assert (g_str_has_suffix (list->pdata[0], "homeward.db-2026-03-01.db"));
  ck_assert (g_str_has_suffix (list->pdata[8], "homeward.db-2026-02-01.db"));
  ck_assert (g_str_has_suffix (list->pdata[1], "homeward.db-2026-02-20.db"));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)))
      ck_assert_msg (!g_str_has_prefix (name, "homeward-2026"), "not renamed: %s", name);
  }

  /* Once another database with the same stem is there, old names are nobody's for sure:
   * neither database lists or thins them. */
  {
    g_autofree char *sibling = g_build_filename (data_dir, "homeward.sqlite", NULL);
    g_autoptr(GPtrArray) fnrs = trust_populate (sibling, 1, "SIB");

    for (int day = 1; day <= 12; day++)
      {
        g_autofree char *name = g_strdup_printf ("homeward-2025-12-%02d.db", day);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        copy_file (backup, path);
      }
    ck_assert (hw_store_backup_auto (live, april, FALSE, &info, &error));
    hw_backup_info_clear (&info);
    ck_assert (hw_store_backup_auto (sibling, april, FALSE, &info, &error));
    ck_assert_no_error (error);
    hw_backup_info_clear (&info);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = hw_store_backup_list (sibling);
    ck_assert_uint_eq (list->len, 1);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)))
      old_named += g_str_has_prefix (name, "homeward-2025-12-");
    ck_assert_uint_eq (old_named, 12);
  }
}
END_TEST

/* ---- refusals ---- */

typedef void (*MakeBad) (const char *path);

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  ck_assert (g_file_get_contents (from, &data, &len, NULL));
  ck_assert (g_file_set_contents (to, data, (gssize) len, NULL));
}

static void
bad_garbage (const char *path)
{
  ck_assert (g_file_set_contents (path, "This is not a database, only some text that a user "
                                  "saved with the wrong name. It is long enough to fill a "
                                  "header.", -1, NULL));
}

static void
bad_empty (const char *path)
{
  ck_assert (g_file_set_contents (path, "", 0, NULL));
}

static void
bad_truncated (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  ck_assert (g_file_get_contents (backup, &data, &len, NULL));
  ck_assert (g_file_set_contents (path, data, (gssize) (len / 2), NULL));
}

static void
bad_flipped_page (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  /* A data page in the middle overwritten: the kind of damage a bad disk does. */
  ck_assert (g_file_get_contents (backup, &data, &len, NULL));
  for (gsize page = 2; page * 4096 < len; page += 3)
    for (gsize i = 8; i < 4096; i += 7)
      data[page * 4096 + i] ^= 0x5a;
  ck_assert (g_file_set_contents (path, data, (gssize) len, NULL));
}

static void
bad_index_page (const char *path)
{
  g_autofree char *data = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize len;
  int root;

  /* Quieter damage: one index page's keys changed, every table still readable. Only the
   * integrity check notices. */
  ck_assert_int_eq (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = "
                                        "'audit_case_id'", -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  ck_assert (g_file_get_contents (backup, &data, &len, NULL));
  for (gsize i = (gsize) root * 4096 - 400; i < (gsize) root * 4096 - 8; i++)
    if (g_ascii_isxdigit (data[i]))
      data[i] = data[i] == 'a' ? 'b' : 'a';
  ck_assert (g_file_set_contents (path, data, (gssize) len, NULL));
}

static void
bad_header (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  ck_assert (g_file_get_contents (backup, &data, &len, NULL));
  memset (data, 'X', 16);
  ck_assert (g_file_set_contents (path, data, (gssize) len, NULL));
}

static void
bad_foreign (const char *path)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); "
                                  "INSERT INTO recipes VALUES ('lapskaus')", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
}

static void
bad_newer (const char *path)
{
  copy_file (backup, path);
  trust_tamper (path, "PRAGMA user_version = 99");
}

static void
bad_no_triggers (const char *path)
{
  /* Right data, but an audit table that no longer refuses changes. */
  copy_file (backup, path);
  trust_tamper (path, "SELECT 1");
}

static void
bad_extra_trigger (const char *path)
{
  copy_file (backup, path);
  trust_tamper (path, "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
                      "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
                      "CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head "
                      "WHEN NEW.id IS NOT OLD.id OR NEW.seq <= OLD.seq "
                      "BEGIN SELECT RAISE (ABORT, 'the audit head only moves forward'); END;"
                      "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
                      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
                      "CREATE TRIGGER wipe AFTER INSERT ON audit BEGIN DELETE FROM child; END;");
}

static void
bad_audit_edited (const char *path)
{
  copy_file (backup, path);
  trust_tamper_data (path, "UPDATE audit SET actor = 'someone else' WHERE seq = 2");
}

static void
bad_audit_truncated (const char *path)
{
  copy_file (backup, path);
  trust_tamper_data (path, "DELETE FROM audit WHERE seq > 6");
}

static void
bad_dangling_reference (const char *path)
{
  copy_file (backup, path);
  trust_tamper_data (path, "PRAGMA foreign_keys = OFF; DELETE FROM case_file WHERE "
                           "journal_no = 'BAK-0003'");
}

static void
bad_schema_1 (const char *path)
{
  /* A file as Homeward's first version made it: records, no audit trail. */
  hw_test_write_old_schema (path, 1, "INSERT INTO case_file (id, journal_no, start_date) "
                            "VALUES ('6f1c1d5e-2b7a-4d3c-9e8f-0a1b2c3d4e5f', 'OLD-1', "
                            "'2019-05-01')");
}

static void
bad_missing (const char *path)
{
  g_unlink (path);
}

static void
bad_directory (const char *path)
{
  ck_assert_int_eq (g_mkdir (path, 0700), 0);
}

static void
bad_itself (const char *path)
{
  ck_assert_int_eq (link (live, path), 0);
}

static const struct {
  const char *name;
  MakeBad     make;
  int         code;
  const char *says;
} bad_inputs[] = {
  { "missing file", bad_missing, HW_ERROR_NOT_FOUND, "No backup" },
  { "a folder", bad_directory, HW_ERROR_NOT_FOUND, "No backup" },
  { "empty file", bad_empty, HW_ERROR_CORRUPT, "not one made by Homeward" },
  { "text, not a database", bad_garbage, HW_ERROR_CORRUPT, "not a database" },
  { "header overwritten", bad_header, HW_ERROR_CORRUPT, "not a database" },
  { "cut off half-way", bad_truncated, HW_ERROR_CORRUPT, NULL },
  { "pages damaged", bad_flipped_page, HW_ERROR_CORRUPT, NULL },
  { "an index page damaged", bad_index_page, HW_ERROR_CORRUPT, "integrity check" },
  { "another program's database", bad_foreign, HW_ERROR_CORRUPT, "not one made by Homeward" },
  { "made by a newer Homeward", bad_newer, HW_ERROR_VERSION, "newer version" },
  { "audit triggers removed", bad_no_triggers, HW_ERROR_CORRUPT, "not those Homeward makes" },
  { "a trigger added", bad_extra_trigger, HW_ERROR_CORRUPT, "not those Homeward makes" },
  { "audit entry edited", bad_audit_edited, HW_ERROR_CORRUPT, "entry 2" },
  { "newest audit entries removed", bad_audit_truncated, HW_ERROR_CORRUPT, "entry 7" },
  { "a reference to a removed record", bad_dangling_reference, HW_ERROR_CORRUPT, "refers to" },
  { "schema 1, no audit trail", bad_schema_1, HW_ERROR_CORRUPT, "no audit trail" },
  { "the database itself", bad_itself, HW_ERROR_INVALID, "database itself" },
};

START_TEST (test_restore_refuses_bad_input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_strdup_printf ("%s/bad-%d.db", tmpdir, _i);
  g_autofree char *digest_before = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *digest_after = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  HwBackupInfo info = { 0 };
  guint files_before = 0, files_after = 0;
  const char *name;

  /* Settle the live database (WAL folded in) so its bytes can be compared. */
  {
    g_autoptr(HwStore) store = hw_store_open (live, &error);
    ck_assert_no_error (error);
    sqlite3_wal_checkpoint_v2 (hw_store_get_handle (store), NULL, SQLITE_CHECKPOINT_TRUNCATE,
                               NULL, NULL);
  }
  bad_inputs[_i].make (bad);
  digest_before = trust_file_digest (live);
  dump_before = trust_dump (live, TRUE);
  g_mkdir_with_parents (dir, 0700);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (d)))
      files_before++;
  }

  ck_assert_msg (!hw_store_restore (live, bad, "tester", &info, &error), "%s: restored",
                 bad_inputs[_i].name);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->domain == HW_ERROR && error->code == bad_inputs[_i].code,
                 "%s: code %d: %s", bad_inputs[_i].name, error->code, error->message);
  if (bad_inputs[_i].says)
    ck_assert_msg (trust_contains (error->message, bad_inputs[_i].says), "%s: “%s”",
                   bad_inputs[_i].name, error->message);

  /* Nothing changed: the same bytes, the same rows, no file left behind. */
  digest_after = trust_file_digest (live);
  dump_after = trust_dump (live, TRUE);
  ck_assert_str_eq (digest_before, digest_after);
  ck_assert_str_eq (dump_before, dump_after);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (d)))
      if (!g_str_equal (name, ".lock"))
        files_after++;
  }
  ck_assert_uint_le (files_after, files_before);
  printf ("refused, nothing changed: %s — %s\n", bad_inputs[_i].name, error->message);

  /* And the check alone says the same. */
  g_clear_error (&error);
  if (bad_inputs[_i].make != bad_itself)
    ck_assert (!hw_store_backup_check (bad, NULL, &error));
}
END_TEST

START_TEST (test_restore_from_raw_copy_with_wal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = g_build_filename (tmpdir, "raw.db", NULL);
  g_autofree char *raw_wal = g_strconcat (raw, "-wal", NULL);
  g_autofree char *live_wal = g_strconcat (live, "-wal", NULL);
  g_autofree char *target = g_build_filename (tmpdir, "target", "homeward.db", NULL);
  g_autoptr(HwStore) holder = hw_store_open (live, &error);

  /* A plain file copy of a database in use, its WAL beside it: accepted, WAL and all. */
  add_cases (live, 2, "INWAL");
  sqlite3_exec (hw_store_get_handle (holder), "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
  copy_file (live, raw);
  if (g_file_test (live_wal, G_FILE_TEST_EXISTS))
    copy_file (live_wal, raw_wal);
  ck_assert (hw_store_backup_check (raw, NULL, &error));
  ck_assert_no_error (error);
  /* Into a place with no database yet. */
  ck_assert (hw_store_restore (target, raw, "tester", NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_cases (target), 8);
  ck_assert_int_eq (trust_file_mode (target), 0600);
}
END_TEST

START_TEST (test_restore_over_damaged_database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autofree char *wal = g_strconcat (live, "-wal", NULL);
  g_autofree char *shm = g_strconcat (live, "-shm", NULL);
  HwBackupInfo info = { 0 };

  g_autofree char *head_path = hw_store_dup_audit_head_path (live);
  g_autofree char *outside_before = NULL;

  /* The reason to restore: the database itself is ruined. Its bytes are kept aside. It had
   * more entries than the backup: the copy of its head outside is further on than the
   * restored trail will be. */
  read_every_case (live);
  read_every_case (live);
  ck_assert (g_file_get_contents (head_path, &outside_before, NULL, NULL));
  g_unlink (wal);
  g_unlink (shm);
  bad_garbage (live);
  ck_assert (hw_store_restore (live, backup, "tester", &info, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_cases (live), 6);
  ck_assert_ptr_nonnull (info.path);
  ck_assert (trust_contains (info.path, "-damaged-"));
  ck_assert (trust_contains (info.path, dir));
  ck_assert_int_eq (trust_file_mode (info.path), 0600);
  ck_assert_int_eq (trust_file_mode (live), 0600);
  {
    g_autofree char *kept = NULL;
    ck_assert (g_file_get_contents (info.path, &kept, NULL, NULL));
    ck_assert (g_str_has_prefix (kept, "This is not a database"));
  }
  {
    g_autoptr(HwStore) store = hw_store_open (live, &error);
    HwAuditReport report;
    gboolean found = FALSE;

    ck_assert_no_error (error);
    ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
    /* The outside copy now follows the restored trail, not the lost one… */
    ck_assert_msg (hw_store_audit_check_outside (store, &report, &found, &error), "%s",
                   error ? error->message : "");
    ck_assert (found);
    /* … and had the restore been killed before rewriting it, the restore entry names what
     * it said: no false alarm either. */
    ck_assert (g_file_set_contents (head_path, outside_before, -1, NULL));
    ck_assert_msg (hw_store_audit_check_outside (store, &report, &found, &error), "%s",
                   error ? error->message : "");
  }
  hw_backup_info_clear (&info);
}
END_TEST

START_TEST (test_restore_seen_by_open_store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) app = hw_store_open (live, &error);

  /* The application has the database open while a restore runs from the command line: it
   * sees the restored contents and goes on writing to the same, verified trail. */
  add_cases (live, 4, "GONE");
  ck_assert_uint_eq (hw_store_count (app, HW_ENTITY_CASE, NULL), 10);
  ck_assert (hw_store_restore (live, backup, "tester", NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (app, HW_ENTITY_CASE, NULL), 6);
  ck_assert (hw_store_set_setting (app, "review_months", "3", &error));
  ck_assert (hw_store_audit_verify (app, NULL, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_restore_keeps_few_safety_copies)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint safety = 0;

  for (int i = 0; i < HW_BACKUP_KEEP_SAFETY + 3; i++)
    ck_assert (hw_store_restore (live, backup, "tester", NULL, &error));
  ck_assert_no_error (error);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      ck_assert_msg (!g_str_has_prefix (name, ".hw-tmp-"), "left behind: %s", name);
      if (trust_contains (name, "before-restore"))
        {
          safety++;
          ck_assert_int_eq (trust_file_mode (path), 0600);
        }
    }
  ck_assert_uint_eq (safety, HW_BACKUP_KEEP_SAFETY);
}
END_TEST

START_TEST (test_restore_killed_is_all_or_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autofree char *pristine = g_build_filename (tmpdir, "pristine.db", NULL);
  g_autofree char *old_dump = NULL;
  g_autofree char *new_dump = trust_dump (backup, FALSE);
  g_autoptr(GPtrArray) old_lines = NULL;
  guint rounds = 40, old_seen = 0, new_seen = 0;
  gint64 duration;

  /* The database to be replaced differs from the backup: more cases. */
  add_cases (live, 5, "OLD");
  ck_assert (hw_store_backup_file (live, pristine, NULL, &error));
  old_dump = trust_dump (pristine, FALSE);
  old_lines = audit_lines (pristine);

  /* How long a whole restore takes here, at most (sanitizers and a loaded machine make it
   * slower): kills land in it, and some after it, so both outcomes are seen. The restore is
   * installed near its end, after the trail is carried forward. */
  duration = 0;
  for (int i = 0; i < 3; i++)
    {
      const char *argv[] = { writer_path, "restore", live, backup, NULL };
      g_autofree char *out = NULL;
      g_autofree char *wal = g_strconcat (live, "-wal", NULL);
      g_autofree char *shm = g_strconcat (live, "-shm", NULL);
      gint64 start;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (pristine, live);
      start = g_get_monotonic_time ();
      ck_assert_int_eq (trust_run (argv, NULL, &out, NULL), 0);
      duration = MAX (duration, (g_get_monotonic_time () - start) / 1000);
    }

  for (guint round = 0; round < rounds; round++)
    {
      const char *argv[] = { writer_path, "restore", live, backup, NULL };
      g_autofree char *dump = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *wal = g_strconcat (live, "-wal", NULL);
      g_autofree char *shm = g_strconcat (live, "-shm", NULL);
      GPid pid;
      int status;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (pristine, live);
      ck_assert (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                NULL, &pid, &error));
      g_usleep (g_rand_int_range (rand, 0, (gint32) (duration * 3 / 2) + 1) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      integrity = trust_integrity (live);
      ck_assert_msg (g_str_equal (integrity, "ok"), "round %u: %s", round, integrity);
      dump = trust_dump (live, FALSE);
      if (g_str_equal (dump, old_dump))
        old_seen++;
      else if (g_str_equal (dump, new_dump))
        {
          g_autoptr(GPtrArray) lines = audit_lines (live);

          /* Restored: the old database's whole trail and the restore entry came with it. */
          new_seen++;
          ck_assert_msg (lines->len == old_lines->len + 1, "round %u: %u entries, not %u",
                         round, lines->len, old_lines->len + 1);
          for (guint i = 0; i < old_lines->len; i++)
            ck_assert_str_eq (lines->pdata[i], old_lines->pdata[i]);
          ck_assert_msg (trust_contains (lines->pdata[lines->len - 1], "|restore|"),
                         "round %u: restored without its entry", round);
        }
      else
        ck_abort_msg ("round %u: neither the old database nor the backup", round);
      {
        g_autoptr(HwStore) store = hw_store_open_readonly (live, &error);
        ck_assert_no_error (error);
        /* Killed between the copy and the "restore" entry: the backup's own trail, intact. */
        ck_assert_msg (hw_store_audit_verify (store, NULL, NULL, &error), "round %u: %s", round,
                       error ? error->message : "");
      }
    }
  printf ("restore killed %u times (a restore takes %" G_GINT64_FORMAT " ms): old database %u, "
          "restored %u, never a mix\n", rounds, duration, old_seen, new_seen);
  ck_assert_uint_gt (old_seen, 0);
  ck_assert_uint_gt (new_seen, 0);
}
END_TEST

/* Names in @dir starting with @prefix. */
static guint
count_prefixed (const char *dir, const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += g_str_has_prefix (name, prefix);
  return n;
}

START_TEST (test_check_killed_leaves_no_copy_outside)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1212);
  g_autofree char *shared_tmp = g_build_filename (tmpdir, "shared-tmp", NULL);
  g_autofree char *dir = hw_store_dup_backup_dir (live);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TMPDIR", shared_tmp, TRUE);
  const char *argv[] = { writer_path, "check", live, backup, NULL };
  guint rounds = 30, left = 0;
  gint64 duration;

  /* `restore --check` killed at random points: no copy of the database ever lands in the
   * shared temporary folder; copies left in the database's private backup folder go at the
   * next start. */
  ck_assert_int_eq (g_mkdir (shared_tmp, 0700), 0);
  {
    gint64 start = g_get_monotonic_time ();
    g_autofree char *out = NULL;

    ck_assert_int_eq (trust_run (argv, (const char *const *) envp, &out, NULL), 0);
    duration = (g_get_monotonic_time () - start) / 1000;
  }
  for (guint round = 0; round < rounds; round++)
    {
      GPid pid;
      int status;

      ck_assert (g_spawn_async (NULL, (char **) argv, envp,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                NULL, &pid, &error));
      g_usleep (g_rand_int_range (rand, 0, (gint32) duration + 1) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      ck_assert_msg (count_prefixed (shared_tmp, "") == 0, "round %u: a copy in TMPDIR",
                     round);
      left += count_prefixed (dir, ".hw-tmp-check-") > 0;
      /* The next check starts by removing what the killed one left. */
    }
  ck_assert (hw_store_backup_check_for (live, backup, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_prefixed (dir, ".hw-tmp-"), 0);
  ck_assert_int_eq (trust_file_mode (dir), 0700);
  printf ("check killed %u times (a check takes %" G_GINT64_FORMAT " ms): a copy left in the "
          "private folder after %u, removed at the next start; none in TMPDIR\n", rounds,
          duration, left);
}
END_TEST

START_TEST (test_backup_check_changes_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = trust_file_digest (backup);
  g_autofree char *after = NULL;
  HwBackupInfo info = { 0 };

  ck_assert (hw_store_backup_check (backup, &info, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (info.audit_entries, 8);
  ck_assert_int_eq (info.schema_version, HW_STORE_SCHEMA_VERSION);
  after = trust_file_digest (backup);
  ck_assert_str_eq (before, after);
  hw_backup_info_clear (&info);
}
END_TEST

START_TEST (test_backup_of_broken_trail_is_kept_but_not_restored)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (tmpdir, "broken.db", NULL);
  HwBackupInfo info = { 0 };

  /* Evidence is worth keeping: the backup is written and says the trail is broken… */
  trust_tamper_data (live, "DELETE FROM audit WHERE seq = 3");
  ck_assert (hw_store_backup_file (live, copy, &info, &error));
  ck_assert_no_error (error);
  ck_assert (!info.audit_intact);
  hw_backup_info_clear (&info);
  /* … but it is no source for a restore. */
  ck_assert (!hw_store_restore (live, copy, "tester", NULL, &error));
  ck_assert (trust_contains (error->message, "entry 3"));
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s = suite_create ("backup");
  TCase *tc = tcase_create ("backup");

  if (argc < 2)
    {
      fprintf (stderr, "usage: test-backup TRUST-WRITER\n");
      return 2;
    }
  writer_path = argv[1];

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_backup_restore_same_contents);
  tcase_add_test (tc, test_restore_keeps_audit_history);
  tcase_add_test (tc, test_restore_of_foreign_backup_carries_trail);
  tcase_add_test (tc, test_restore_over_broken_trail_keeps_evidence);
  tcase_add_test (tc, test_backup_of_open_store_is_consistent);
  tcase_add_test (tc, test_backup_files_are_private);
  tcase_add_test (tc, test_backup_auto_once_a_day);
  tcase_add_test (tc, test_backup_retention_is_bounded);
  tcase_add_test (tc, test_backup_names_after_whole_file_name);
  tcase_add_test (tc, test_backup_old_names_still_rotate);
  tcase_add_loop_test (tc, test_restore_refuses_bad_input, 0, G_N_ELEMENTS (bad_inputs));
  tcase_add_test (tc, test_restore_from_raw_copy_with_wal);
  tcase_add_test (tc, test_restore_over_damaged_database);
  tcase_add_test (tc, test_restore_seen_by_open_store);
  tcase_add_test (tc, test_restore_keeps_few_safety_copies);
  tcase_add_test (tc, test_restore_killed_is_all_or_nothing);
  tcase_add_test (tc, test_backup_check_changes_nothing);
  tcase_add_test (tc, test_check_killed_leaves_no_copy_outside);
  tcase_add_test (tc, test_backup_of_broken_trail_is_kept_but_not_restored);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
