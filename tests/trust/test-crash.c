/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a writer process (trust-writer) importing, editing, deleting, checkpointing and
 * backing up is killed with SIGKILL at random points, again and again on the same database.
 * After every kill the database must pass PRAGMA integrity_check, its audit trail must verify,
 * and every transaction the writer reported committed must be there (and every batch written
 * whole or not at all). Two writers at once must not corrupt it either, and the one that waits
 * for the other must say so.
 *
 * HOMEWARD_TRUST_KILLS sets the number of kills (default 210); HOMEWARD_TRUST_SEED the seed. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-backup.h"
#include "hw-store-backup-private.h"
#include "trust-support.h"
#include "hw-store-audit-private.h"
#include "hw-store-private.h"

static const char *writer_path;

/* Where the kills landed, by the writer's last whole line. */
static struct {
  guint in_transaction;   /* "b"/"d": between begin and the commit being reported */
  guint in_checkpoint;
  guint in_backup;
  guint before_open;      /* no line yet: starting, opening, migrating */
  guint between;          /* right after a reported commit */
} landed;

static void
note_landing (const char *output)
{
  const char *end = output + strlen (output);
  const char *line;

  /* The last complete line. */
  while (end > output && end[-1] != '\n')
    end--;
  if (end == output)
    {
      landed.before_open++;
      return;
    }
  line = end - 1;
  while (line > output && line[-1] != '\n')
    line--;
  switch (line[0])
    {
    case 'b': case 'd': landed.in_transaction++; break;
    case 'c': landed.in_checkpoint++; break;
    case 'k': landed.in_backup++; break;
    case 'o': landed.before_open++; break;
    default: landed.between++; break;
    }
}
static char *tmpdir;
static char *db_path;

typedef struct {
  GHashTable *imported;       /* journal → batch size, reported committed */
  GHashTable *maybe_deleted;  /* journal, delete started */
  GHashTable *deleted;        /* journal, delete reported committed */
  GHashTable *edits;          /* journal → highest n reported (as gint64 *) */
  gint64      setting_max;
  gboolean    check_setting;
  guint       transactions;   /* lines reporting a commit */
} Model;

static void
model_init (Model *m)
{
  m->imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->maybe_deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->setting_max = 0;
  m->check_setting = TRUE;
  m->transactions = 0;
}

static void
model_clear (Model *m)
{
  g_clear_pointer (&m->imported, g_hash_table_unref);
  g_clear_pointer (&m->maybe_deleted, g_hash_table_unref);
  g_clear_pointer (&m->deleted, g_hash_table_unref);
  g_clear_pointer (&m->edits, g_hash_table_unref);
}

static void
model_feed (Model *m, const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);

      if (f[0] == NULL || lines[i][0] == '\0')
        continue;
      /* Only whole lines count: a line cut by the kill was never finished (write(2) of a
       * short line into a pipe is atomic, but be strict). */
      if (lines[i + 1] == NULL)
        break;
      if (g_str_equal (f[0], "I"))
        for (guint k = 1; f[k]; k++)
          g_hash_table_insert (m->imported, g_strdup (f[k]), GINT_TO_POINTER (1));
      else if (g_str_equal (f[0], "E") && f[1] && f[2])
        {
          gint64 *n = g_hash_table_lookup (m->edits, f[1]);
          gint64 v = g_ascii_strtoll (f[2], NULL, 10);

          if (n == NULL)
            g_hash_table_insert (m->edits, g_strdup (f[1]), g_memdup2 (&v, sizeof v));
          else
            *n = MAX (*n, v);
        }
      else if (g_str_equal (f[0], "d") && f[1])
        g_hash_table_add (m->maybe_deleted, g_strdup (f[1]));
      else if (g_str_equal (f[0], "D") && f[1])
        g_hash_table_add (m->deleted, g_strdup (f[1]));
      else if (g_str_equal (f[0], "S") && f[1])
        m->setting_max = MAX (m->setting_max, g_ascii_strtoll (f[1], NULL, 10));
      if (strchr ("IEDSR", f[0][0]) && f[0][1] == '\0')
        m->transactions++;
    }
}

/* "<prefix>-B<b>-<k>of<size>" → "<prefix>-B<b>", k, size. */
static gboolean
parse_journal (const char *journal, char **batch, guint *k, guint *size)
{
  const char *dash = strrchr (journal, '-');

  if (dash == NULL || sscanf (dash + 1, "%uof%u", k, size) != 2)
    return FALSE;
  *batch = g_strndup (journal, dash - journal);
  return TRUE;
}

static void
check_database (const char *path, Model *m, const char *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) child_count = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) batches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *integrity = NULL;
  GHashTableIter iter;
  gpointer key, value;
  HwAuditReport report;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Killed before it created the file. */
      ck_assert_msg (g_hash_table_size (m->imported) == 0, "%s: database gone", when);
      return;
    }
  integrity = trust_integrity (path);
  ck_assert_msg (g_str_equal (integrity, "ok"), "%s: integrity_check: %s", when, integrity);

  store = hw_store_open_readonly (path, &error);
  ck_assert_msg (store != NULL, "%s: open: %s", when, error ? error->message : "");
  if (hw_store_get_schema_version (store) < HW_STORE_SCHEMA_VERSION)
    {
      /* Killed before the first open finished: nothing can have been reported. */
      ck_assert_msg (g_hash_table_size (m->imported) == 0, "%s: schema lost", when);
      return;
    }
  ck_assert_msg (hw_store_audit_check (store, &report, &error), "%s: audit: %s", when,
                 error ? error->message : "");

  cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  children = hw_store_list (store, HW_ENTITY_CHILD, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < children->len; i++)
    {
      HwChild *c = children->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (child_count, c->case_id));

      g_hash_table_insert (child_count, c->case_id, GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < cases->len; i++)
    {
      HwCase *c = cases->pdata[i];
      g_autofree char *batch = NULL;
      guint k, size;

      g_hash_table_insert (present, c->journal_no, c);
      /* Each dossier whole: its child came with it. */
      ck_assert_msg (GPOINTER_TO_UINT (g_hash_table_lookup (child_count, c->rec.id)) == 1,
                     "%s: case %s has %u children", when, c->journal_no,
                     GPOINTER_TO_UINT (g_hash_table_lookup (child_count, c->rec.id)));
      if (parse_journal (c->journal_no, &batch, &k, &size))
        g_hash_table_insert (batches, g_steal_pointer (&batch), GUINT_TO_POINTER (size));
    }

  /* Every reported import is there, unless its deletion started; every reported deletion
   * holds. */
  g_hash_table_iter_init (&iter, m->imported);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (m->deleted, key))
        ck_assert_msg (!g_hash_table_contains (present, key), "%s: %s deleted, back again",
                       when, (char *) key);
      else if (!g_hash_table_contains (m->maybe_deleted, key))
        ck_assert_msg (g_hash_table_contains (present, key), "%s: committed import %s lost",
                       when, (char *) key);
    }

  /* Batches, reported or not, are whole: all their cases, less those deleted since. */
  g_hash_table_iter_init (&iter, batches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint size = GPOINTER_TO_UINT (value);

      for (guint k = 1; k <= size; k++)
        {
          g_autofree char *journal = g_strdup_printf ("%s-%uof%u", (char *) key, k, size);

          ck_assert_msg (g_hash_table_contains (present, journal) ||
                         g_hash_table_contains (m->maybe_deleted, journal),
                         "%s: batch %s written in part: %s missing", when, (char *) key,
                         journal);
        }
    }

  /* Edits only grow. */
  g_hash_table_iter_init (&iter, m->edits);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HwCase *c = g_hash_table_lookup (present, key);

      ck_assert_msg (c != NULL, "%s: edited case %s lost", when, (char *) key);
      ck_assert_msg (c->summary && c->summary[0] == 'v' &&
                     g_ascii_strtoll (c->summary + 1, NULL, 10) >= *(gint64 *) value,
                     "%s: edit of %s to %" G_GINT64_FORMAT " lost (has %s)", when, (char *) key,
                     *(gint64 *) value, c->summary);
    }

  if (m->check_setting && m->setting_max > 0)
    {
      g_autofree char *stored = hw_store_dup_setting (store, "trust.counter");

      ck_assert_msg (stored && g_ascii_strtoll (stored, NULL, 10) >= m->setting_max,
                     "%s: setting %" G_GINT64_FORMAT " lost (has %s)", when, m->setting_max,
                     stored);
    }
}

typedef struct {
  GPid     pid;
  int      out;
  GString *buffer;
  guint    lines;
} Child;

static void
child_start (Child *c, const char *const *argv)
{
  g_autoptr(GError) error = NULL;

  memset (c, 0, sizeof *c);
  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &c->pid, NULL,
                                           &c->out, NULL, &error),
                 "spawn: %s", error ? error->message : "");
  c->buffer = g_string_new (NULL);
}

/* Reads what is there, waiting up to @timeout_ms; FALSE at end of file. */
static gboolean
child_read (Child *c, int timeout_ms)
{
  struct pollfd pfd = { c->out, POLLIN, 0 };
  char buf[4096];
  ssize_t n;

  if (poll (&pfd, 1, timeout_ms) <= 0)
    return TRUE;
  n = read (c->out, buf, sizeof buf);
  if (n < 0 && errno == EINTR)
    return TRUE;
  if (n <= 0)
    return FALSE;
  g_string_append_len (c->buffer, buf, n);
  for (ssize_t i = 0; i < n; i++)
    if (buf[i] == '\n')
      c->lines++;
  return TRUE;
}

/* Kills (when @sig), reaps, drains the pipe: what was written before the kill is kept. */
static int
child_finish (Child *c, int sig)
{
  int status = 0;

  if (sig)
    kill (c->pid, sig);
  while (child_read (c, 1000))
    ;
  ck_assert_int_eq (waitpid (c->pid, &status, 0), c->pid);
  close (c->out);
  g_spawn_close_pid (c->pid);
  return status;
}

static guint
env_uint (const char *name, guint fallback)
{
  const char *v = g_getenv (name);

  return v && *v ? (guint) g_ascii_strtoull (v, NULL, 10) : fallback;
}

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
  db_path = g_build_filename (tmpdir, "crash", "homeward.db", NULL);
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db_path, g_free);
}

/* How long a writer takes to start and open the database (ms): longer under sanitizers or
 * valgrind. The kill windows are measured from there, so the writers get work done. */
static gint64
calibrate_startup (void)
{
  g_autofree char *calib = g_build_filename (tmpdir, "calibrate", "homeward.db", NULL);
  const char *argv[] = { writer_path, "run", calib, "1", "CAL", "0", NULL };
  g_autofree char *out = NULL;
  gint64 best = G_MAXINT64;

  for (int i = 0; i < 3; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ck_assert_int_eq (trust_run (argv, NULL, &out, NULL), 0);
      g_clear_pointer (&out, g_free);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000);
    }
  return best;
}

/* Runs a crash writer from now until a random point, then kills it. */
static void
kill_round (GRand *rand, guint round, gint64 startup, const char *prefix, Model *m)
{
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (rand));
  g_autofree char *full_prefix = g_strdup_printf ("%s%u", prefix, round);
  g_autofree char *base = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (round + 1) * 1000000);
  const char *argv[] = { writer_path, "crash", db_path, seed, full_prefix, base, NULL };
  gint64 deadline;
  guint kill_after_lines = 0;
  Child c;

  /* Early rounds kill early (opening, the first migrations); a quarter die right after a
   * commit was reported; the rest anywhere in the first 150 ms of work. */
  if (round % 10 == 0)
    deadline = g_rand_int_range (rand, 0, (gint32) startup + 25);
  else
    deadline = startup + g_rand_int_range (rand, 5, 150);
  if (round % 4 == 1)
    kill_after_lines = g_rand_int_range (rand, 1, 12);
  deadline = g_get_monotonic_time () + deadline * 1000;

  child_start (&c, argv);
  while (g_get_monotonic_time () < deadline &&
         (kill_after_lines == 0 || c.lines < kill_after_lines + 1))
    if (!child_read (&c, 1))
      break;
  child_finish (&c, SIGKILL);
  note_landing (c.buffer->str);
  model_feed (m, c.buffer->str);
  g_string_free (c.buffer, TRUE);
}

START_TEST (test_crash_sigkill_rounds)
{
  guint kills = env_uint ("HOMEWARD_TRUST_KILLS", 210);
  g_autoptr(GRand) rand = g_rand_new_with_seed (env_uint ("HOMEWARD_TRUST_SEED", 20261123));
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 startup = calibrate_startup ();
  guint checked = 0;
  Model m;

  model_init (&m);
  for (guint round = 0; round < kills; round++)
    {
      g_autofree char *when = g_strdup_printf ("after kill %u", round + 1);

      /* The kill window follows the writer's start-up time; on a shared machine that changes
       * while the test runs (under ASan and a parallel load, a start-up measured once at the
       * beginning once left every writer killed before its first commit). */
      if (round > 0 && round % 10 == 0)
        startup = calibrate_startup ();
      kill_round (rand, round, startup, "K", &m);
      check_database (db_path, &m, when);
    }

  /* Backups taken by writers that were killed are whole or absent, never a torn file under a
   * backup's name. */
  backups = hw_store_backup_list (db_path);
  for (guint i = 0; i < backups->len; i++)
    {
      HwBackupInfo info = { 0 };

      ck_assert_msg (hw_store_backup_check (backups->pdata[i], &info, &error), "%s: %s",
                     (char *) backups->pdata[i], error ? error->message : "");
      hw_backup_info_clear (&info);
      checked++;
    }
  /* A writer killed between writing a backup and thinning the folder leaves one too many;
   * the next backup thins it again. */
  ck_assert_uint_le (backups->len, HW_BACKUP_KEEP_DAILY + HW_BACKUP_KEEP_WEEKLY + 1);

  printf ("crash: %u SIGKILLs survived, %u committed transactions reported and found, "
          "%u cases imported, %u backups intact, %.1f s (writer start-up %" G_GINT64_FORMAT
          " ms)\n", kills, m.transactions, g_hash_table_size (m.imported), checked,
          (g_get_monotonic_time () - start) / 1e6, startup);
  printf ("crash: kills landed inside a transaction %u times, in a checkpoint %u, in a backup "
          "%u, while starting or opening %u, right after a commit %u\n", landed.in_transaction,
          landed.in_checkpoint, landed.in_backup, landed.before_open, landed.between);
  ck_assert_uint_gt (m.transactions, kills);   /* the writers did get work done */
  model_clear (&m);
}
END_TEST

START_TEST (test_crash_two_writers_at_once)
{
  const char *a[] = { writer_path, "run", db_path, "11", "A", "120", NULL };
  const char *b[] = { writer_path, "run", db_path, "22", "B", "120", NULL };
  Child ca, cb;
  int sa, sb;
  Model m;

  /* Both start on a database neither has created yet: the migration races too. */
  model_init (&m);
  m.check_setting = FALSE;   /* both count from zero */
  child_start (&ca, a);
  child_start (&cb, b);
  while (child_read (&ca, 5) | child_read (&cb, 5))
    ;
  sa = child_finish (&ca, 0);
  sb = child_finish (&cb, 0);
  ck_assert_msg (WIFEXITED (sa) && WEXITSTATUS (sa) == 0, "writer A failed (%d)", sa);
  ck_assert_msg (WIFEXITED (sb) && WEXITSTATUS (sb) == 0, "writer B failed (%d)", sb);
  model_feed (&m, ca.buffer->str);
  model_feed (&m, cb.buffer->str);
  check_database (db_path, &m, "after two writers");
  printf ("concurrent: 2 writers, %u transactions, no corruption\n", m.transactions);
  g_string_free (ca.buffer, TRUE);
  g_string_free (cb.buffer, TRUE);
  model_clear (&m);
}
END_TEST

START_TEST (test_crash_kill_one_of_two)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (env_uint ("HOMEWARD_TRUST_SEED", 7));
  guint rounds = MAX (env_uint ("HOMEWARD_TRUST_KILLS", 210) / 10, 10);
  gint64 startup = calibrate_startup ();
  Model m;

  model_init (&m);
  m.check_setting = FALSE;
  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *seed_a = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *seed_b = g_strdup_printf ("%u", g_rand_int (rand));
      g_autofree char *pa = g_strdup_printf ("PA%u", round);
      g_autofree char *pb = g_strdup_printf ("PB%u", round);
      g_autofree char *base = g_strdup_printf ("%u", (round + 1) * 1000000);
      g_autofree char *when = g_strdup_printf ("after double kill %u", round + 1);
      const char *a[] = { writer_path, "crash", db_path, seed_a, pa, base, NULL };
      const char *b[] = { writer_path, "crash", db_path, seed_b, pb, base, NULL };
      gint64 kill_a = g_get_monotonic_time () +
                      (startup + g_rand_int_range (rand, 10, 120)) * 1000;
      gint64 kill_b = kill_a + g_rand_int_range (rand, 0, 80) * 1000;
      Child ca, cb;

      child_start (&ca, a);
      child_start (&cb, b);
      while (g_get_monotonic_time () < kill_a)
        {
          child_read (&ca, 1);
          child_read (&cb, 1);
        }
      child_finish (&ca, SIGKILL);
      while (g_get_monotonic_time () < kill_b)
        child_read (&cb, 1);
      child_finish (&cb, SIGKILL);
      model_feed (&m, ca.buffer->str);
      model_feed (&m, cb.buffer->str);
      g_string_free (ca.buffer, TRUE);
      g_string_free (cb.buffer, TRUE);
      check_database (db_path, &m, when);
    }
  printf ("concurrent kills: %u rounds of two writers, %u SIGKILLs survived, %u transactions\n",
          rounds, rounds * 2, m.transactions);
  model_clear (&m);
}
END_TEST

START_TEST (test_crash_waiter_says_so)
{
  const char *holder[] = { writer_path, "hold", db_path, "2500", NULL };
  const char *impatient[] = { writer_path, "try", db_path, "300", NULL };
  const char *patient[] = { writer_path, "try", db_path, "10000", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  Child ch;
  gint64 waited;
  int status;

  /* Create the database first, so the holder is quick to take the lock. */
  g_clear_object (&store);
  store = hw_store_open (db_path, &error);
  ck_assert_no_error (error);
  g_clear_object (&store);

  child_start (&ch, holder);
  while (!trust_contains (ch.buffer->str, "held\n"))
    ck_assert (child_read (&ch, 100));

  /* A short wait: gives up with HW_ERROR_BUSY and says why. */
  status = trust_run (impatient, NULL, &out, &err);
  ck_assert_msg (status == 3, "status %d, stdout %s, stderr %s", status, out, err);
  ck_assert_msg (g_str_has_prefix (out, "busy "), "%s", out);
  ck_assert_int_ge (g_ascii_strtoll (out + 5, NULL, 10), 250);
  ck_assert_msg (trust_contains (err, "in use by another program"), "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The default wait: succeeds once the holder commits. */
  status = trust_run (patient, NULL, &out, &err);
  ck_assert_msg (status == 0, "status %d, stderr %s", status, err);
  ck_assert_msg (g_str_has_prefix (out, "ok "), "%s", out);
  waited = g_ascii_strtoll (out + 3, NULL, 10);
  ck_assert_msg (waited >= 1000, "waited only %" G_GINT64_FORMAT " ms", waited);

  status = child_finish (&ch, 0);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  ck_assert (trust_contains (ch.buffer->str, "committed\n"));
  g_string_free (ch.buffer, TRUE);

  store = hw_store_open_readonly (db_path, &error);
  ck_assert_no_error (error);
  {
    g_autofree char *holder_value = hw_store_dup_setting (store, "trust.holder");
    g_autofree char *waiter_value = hw_store_dup_setting (store, "trust.waiter");

    ck_assert_str_eq (holder_value, "1");
    ck_assert_str_eq (waiter_value, "1");
  }
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
  printf ("busy: the impatient writer failed with “busy” after its timeout; the patient one "
          "waited %" G_GINT64_FORMAT " ms and succeeded\n", waited);
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s = suite_create ("crash");
  TCase *tc = tcase_create ("sigkill");

  if (argc < 2)
    {
      fprintf (stderr, "usage: test-crash TRUST-WRITER\n");
      return 2;
    }
  writer_path = argv[1];
  /* A dead writer's pipe must not kill us. */
  signal (SIGPIPE, SIG_IGN);

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_crash_sigkill_rounds);
  tcase_add_test (tc, test_crash_two_writers_at_once);
  tcase_add_test (tc, test_crash_kill_one_of_two);
  tcase_add_test (tc, test_crash_waiter_says_so);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
