/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writer the crash and concurrency tests start, kill and race. It works through the store
 * as the application and an import do, and writes one line to stdout *after* each commit
 * returned, with write(2) so the line is in the pipe before the next instruction:
 *
 *   I <journal>…        an import of a batch of cases, one transaction
 *   E <journal> <n>     the case's summary set to "v<n>" (n only grows)
 *   d <journal>         about to delete the case (it may be gone after a kill)
 *   D <journal>         the case was deleted
 *   S <n>               setting trust.counter = n (n only grows)
 *   R / C / B           a read logged / a WAL checkpoint / an automatic backup
 *   b / c / k           about to begin a transaction / a checkpoint / a backup
 *
 * Journal numbers are "<prefix>-B<batch>-<k>of<size>", so the checker can tell whether a batch
 * it never heard about was written whole or not at all.
 *
 * Usage:
 *   trust-writer crash DB SEED PREFIX BASE     work until killed (BASE: where counters start)
 *   trust-writer run   DB SEED PREFIX N        N transactions, then exit 0
 *   trust-writer hold  DB MS                   take the write lock, say "held", hold it MS ms
 *   trust-writer try   DB TIMEOUT_MS           one write with that busy timeout: "ok MS" or
 *                                              "busy MS" (exit 3), the error on stderr
 *   trust-writer restore DB BACKUP             restore, then say "restored"
 *   trust-writer check DB BACKUP               check BACKUP for a restore into DB, then say
 *                                              "checked"
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "hw-store-backup.h"
#include "hw-store-private.h"
#include "hw-store.h"

static void
say (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format, ...)
{
  g_autofree char *line = NULL;
  va_list args;
  size_t len, done = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, len - done);
      if (n <= 0)
        exit (1);
      done += (size_t) n;
    }
}

static G_GNUC_NORETURN void
die (const char *what, const GError *error)
{
  fprintf (stderr, "trust-writer: %s: %s\n", what, error ? error->message : "?");
  exit (error && error->domain == HW_ERROR && error->code == HW_ERROR_BUSY ? 3 : 1);
}

typedef struct {
  HwStore   *store;
  char      *path;
  GRand     *rand;
  char      *prefix;
  gint64     counter;
  guint      batch;
  GPtrArray *editable;    /* case ids (borrowed from the journals table) */
  GPtrArray *deletable;   /* journal numbers of cases this writer may delete */
  GHashTable *ids;        /* journal → case id */
  guint      sequence;    /* for synthetic identity numbers */
} Writer;

static HwDossier *
make_case (Writer *w, const char *journal)
{
  HwCase *c = hw_record_new (HW_ENTITY_CASE);
  HwDossier *d = hw_dossier_new (c);
  HwChild *child = hw_record_new (HW_ENTITY_CHILD);
  guint persons = g_rand_int_range (w->rand, 0, 3);

  c->journal_no = g_strdup (journal);
  c->start_date = hw_date_new (2020, 1, 10);
  c->summary = g_strdup ("v0");
  child->case_id = g_strdup (c->rec.id);
  child->given_name = g_strdup ("Kari");
  child->family_name = g_strdup ("Nordmann");
  child->birth_date = hw_date_new (2012 + (int) (w->sequence % 8), 1 + w->sequence % 12, 3);
  child->fnr = hw_identity_make_synthetic (child->birth_date, w->sequence++ % 900);
  child->sex = HW_SEX_FEMALE;
  child->start_date = c->start_date;
  hw_dossier_add (d, child);
  for (guint i = 0; i < persons; i++)
    {
      HwPerson *p = hw_record_new (HW_ENTITY_PERSON);

      p->case_id = g_strdup (c->rec.id);
      p->name = g_strdup (i ? "Ola Nordmann" : "Eva Nordmann");
      p->relation = i ? HW_RELATION_FATHER : HW_RELATION_MOTHER;
      hw_dossier_add (d, p);
    }
  return d;
}

static void
do_import (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new ("I");
  g_autoptr(GPtrArray) journals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint size = g_rand_int_range (w->rand, 1, 5);
  guint batch = ++w->batch;

  say ("b\n");
  if (!hw_store_begin (w->store, &error))
    die ("begin", error);
  for (guint k = 1; k <= size; k++)
    {
      g_autofree char *journal = g_strdup_printf ("%s-B%u-%uof%u", w->prefix, batch, k, size);
      g_autoptr(HwDossier) d = make_case (w, journal);

      if (!hw_store_save_dossier (w->store, d, &error))
        die ("save", error);
      g_ptr_array_add (journals, g_steal_pointer (&journal));
      g_ptr_array_add (ids, g_strdup (((HwRecord *) d->root)->id));
    }
  if (!hw_store_commit (w->store, &error))
    die ("commit", error);
  for (guint k = 0; k < journals->len; k++)
    g_string_append_printf (line, " %s", (const char *) journals->pdata[k]);
  say ("%s\n", line->str);

  /* The first case of a batch may later be deleted; the others only edited. */
  for (guint k = 0; k < journals->len; k++)
    {
      char *journal = g_strdup (journals->pdata[k]);

      g_hash_table_insert (w->ids, journal, g_strdup (ids->pdata[k]));
      g_ptr_array_add (k == 0 ? w->deletable : w->editable, journal);
    }
}

static void
do_edit (Writer *w)
{
  g_autoptr(GError) error = NULL;
  const char *journal;
  HwCase *c;
  gint64 n;

  if (w->editable->len == 0)
    return;
  journal = w->editable->pdata[g_rand_int_range (w->rand, 0, (gint32) w->editable->len)];
  say ("b\n");
  c = hw_store_load (w->store, HW_ENTITY_CASE, g_hash_table_lookup (w->ids, journal), &error);
  if (c == NULL)
    die ("load", error);
  n = ++w->counter;
  g_free (c->summary);
  c->summary = g_strdup_printf ("v%" G_GINT64_FORMAT, n);
  if (!hw_store_save (w->store, c, &error))
    die ("edit", error);
  hw_record_free (c);
  say ("E %s %" G_GINT64_FORMAT "\n", journal, n);
}

static void
do_delete (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  if (w->deletable->len == 0)
    return;
  journal = g_strdup (g_ptr_array_steal_index (w->deletable,
                                               g_rand_int_range (w->rand, 0,
                                                                 (gint32) w->deletable->len)));
  say ("d %s\n", journal);
  if (!hw_store_delete (w->store, HW_ENTITY_CASE, g_hash_table_lookup (w->ids, journal), &error))
    die ("delete", error);
  say ("D %s\n", journal);
}

static void
do_setting (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, ++w->counter);

  say ("b\n");
  if (!hw_store_set_setting (w->store, "trust.counter", value, &error))
    die ("setting", error);
  say ("S %s\n", value);
}

static void
do_read (Writer *w)
{
  g_autoptr(GError) error = NULL;
  const char *journal;

  if (w->editable->len == 0)
    return;
  journal = w->editable->pdata[g_rand_int_range (w->rand, 0, (gint32) w->editable->len)];
  say ("b\n");
  if (!hw_store_log_read (w->store, g_hash_table_lookup (w->ids, journal), &error))
    die ("read", error);
  say ("R\n");
}

static void
do_checkpoint (Writer *w)
{
  int rc;

  say ("c\n");
  rc = sqlite3_wal_checkpoint_v2 (hw_store_get_handle (w->store), NULL,
                                  SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc == SQLITE_OK)
    say ("C\n");
}

static void
do_backup (Writer *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) base = g_date_time_new_local (2030, 1, 1, 12, 0, 0);
  /* A new "day" each time, so the backup is due and the thinning runs. */
  g_autoptr(GDateTime) now = g_date_time_add_days (base, (int) (w->counter / 1000 +
                                                                w->counter % 1000));
  HwBackupInfo info = { 0 };

  w->counter++;
  say ("k\n");
  if (!hw_store_backup_auto (w->path, now, FALSE, &info, &error))
    die ("backup", error);
  hw_backup_info_clear (&info);
  say ("B\n");
}

static void
step (Writer *w)
{
  guint r = g_rand_int_range (w->rand, 0, 100);

  if (r < 45)
    do_import (w);
  else if (r < 70)
    do_edit (w);
  else if (r < 80)
    do_delete (w);
  else if (r < 90)
    do_setting (w);
  else if (r < 95)
    do_read (w);
  else if (r < 98)
    do_checkpoint (w);
  else
    do_backup (w);
}

static Writer *
writer_new (const char *path, guint32 seed, const char *prefix, gint64 base)
{
  g_autoptr(GError) error = NULL;
  Writer *w = g_new0 (Writer, 1);

  w->path = g_strdup (path);
  w->store = hw_store_open (path, &error);
  if (w->store == NULL)
    die ("open", error);
  hw_store_set_actor (w->store, "writer");
  /* Checkpoints often, so kills land in them too. */
  sqlite3_exec (hw_store_get_handle (w->store), "PRAGMA wal_autocheckpoint = 64", NULL, NULL,
                NULL);
  w->rand = g_rand_new_with_seed (seed);
  w->prefix = g_strdup (prefix);
  w->counter = base;
  w->editable = g_ptr_array_new ();
  w->deletable = g_ptr_array_new ();
  w->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->sequence = seed % 1000;
  return w;
}

static void
writer_free (Writer *w)
{
  g_object_unref (w->store);
  g_free (w->path);
  g_rand_free (w->rand);
  g_free (w->prefix);
  g_ptr_array_unref (w->editable);
  g_ptr_array_unref (w->deletable);
  g_hash_table_unref (w->ids);
  g_free (w);
}

static int
hold (const char *path, guint ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);

  if (store == NULL)
    die ("open", error);
  if (!hw_store_begin (store, &error) ||
      !hw_store_set_setting (store, "trust.holder", "1", &error))
    die ("hold", error);
  say ("held\n");
  g_usleep ((gulong) ms * 1000);
  if (!hw_store_commit (store, &error))
    die ("commit", error);
  say ("committed\n");
  return 0;
}

static int
try_write (const char *path, guint timeout_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  gint64 start;
  gboolean ok;

  if (store == NULL)
    die ("open", error);
  sqlite3_busy_timeout (hw_store_get_handle (store), (int) timeout_ms);
  start = g_get_monotonic_time ();
  ok = hw_store_set_setting (store, "trust.waiter", "1", &error);
  say ("%s %" G_GINT64_FORMAT "\n", ok ? "ok" : "busy",
       (g_get_monotonic_time () - start) / 1000);
  if (!ok)
    die ("write", error);
  return 0;
}

static int
restore (const char *path, const char *backup)
{
  g_autoptr(GError) error = NULL;
  HwBackupInfo info = { 0 };

  say ("start\n");
  if (!hw_store_restore (path, backup, "writer", &info, &error))
    die ("restore", error);
  hw_backup_info_clear (&info);
  say ("restored\n");
  return 0;
}

static int
check (const char *path, const char *backup)
{
  g_autoptr(GError) error = NULL;

  say ("start\n");
  if (!hw_store_backup_check_for (path, backup, NULL, &error))
    die ("check", error);
  say ("checked\n");
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 4 && g_str_equal (argv[1], "hold"))
    return hold (argv[2], (guint) atoi (argv[3]));
  if (argc >= 4 && g_str_equal (argv[1], "restore"))
    return restore (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "check"))
    return check (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "try"))
    return try_write (argv[2], (guint) atoi (argv[3]));
  if (argc >= 6 && (g_str_equal (argv[1], "crash") || g_str_equal (argv[1], "run")))
    {
      Writer *w = writer_new (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10), argv[4],
                              g_ascii_strtoll (argv[5], NULL, 10));
      guint n = g_str_equal (argv[1], "run") ? (guint) atoi (argv[5]) : G_MAXUINT;

      if (g_str_equal (argv[1], "run"))
        w->counter = 0;
      say ("open\n");
      for (guint i = 0; i < n; i++)
        step (w);
      writer_free (w);
      return 0;
    }
  fprintf (stderr, "usage: trust-writer crash|run|hold|try …\n");
  return 2;
}
