/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmark: speed and memory targets of issue 8, measured, never asserted in tests.
 *
 *   hw-bench [--sizes 1000,10000,50000] [--runs 5] [--workdir DIR] [--only OP,OP]
 *
 * Each operation runs in a child process of its own (this program, re-executed with --op), so
 * its peak resident memory is its own and "from process start" means what it says. Databases
 * are generated once per size into the work folder (the demo generator, seed 1) and reused. */
#define G_LOG_DOMAIN "hw-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw-bench-ops.h"
#include "hw-service-demo.h"

static const HwBenchOp *
find_op (const char *name)
{
  for (const HwBenchOp *op = hw_bench_ops; op->name; op++)
    if (g_str_equal (op->name, name))
      return op;
  return NULL;
}

/* Child side: run one operation @runs times, print each wall time in ms on stdout. */
static int
run_op (const char *name, const char *db, const char *workdir, guint n, guint runs,
        gint64 spawned_at)
{
  const HwBenchOp *op = find_op (name);
  HwBenchContext ctx = { db, workdir, n, 0, 0, 0, spawned_at };

  if (op == NULL)
    {
      fprintf (stderr, "hw-bench: unknown operation %s\n", name);
      return 2;
    }
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      ctx.run = r;
      if (!op->func (&ctx, &error))
        {
          fprintf (stderr, "hw-bench: %s: %s\n", name, error ? error->message : "failed");
          return 1;
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      /* Operations that time themselves (per keystroke) report through ctx.result_ms. */
      printf ("%.3f %.1f\n", ctx.result_ms > 0 ? ctx.result_ms : ms, ctx.items);
      fflush (stdout);
      ctx.result_ms = 0;
    }
  return 0;
}

typedef struct {
  double median_ms;
  double items;       /* records or bytes processed, for rates */
  long   peak_kb;
  gboolean ok;
} Measure;

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Parent side: spawn the child, collect its times and its peak RSS. */
/* Spawns the child for @runs runs (or @runs children of one run each for operations timed from
 * process start) and collects its times and peak RSS. */
static Measure
measure (const char *self, const HwBenchOp *op, const char *db, const char *workdir, guint n,
         guint runs)
{
  Measure m = { 0 };
  g_autofree char *n_text = g_strdup_printf ("%u", n);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint processes = op->per_process ? runs : 1;

  m.ok = TRUE;
  for (guint p = 0; p < processes && m.ok; p++)
    {
      g_autofree char *runs_text = g_strdup_printf ("%u", op->per_process ? 1 : runs);
      g_autofree char *at_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      const char *argv[] = { self, "--op", op->name, "--db", db, "--workdir", workdir,
                             "--n", n_text, "--runs", runs_text, "--spawned-at", at_text, NULL };
      int out_fd, status;
      GPid pid;
      struct rusage usage;
      g_autoptr(GError) error = NULL;
      FILE *out;
      double t, items;
      guint before = times->len;

      if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                     NULL, &pid, NULL, &out_fd, NULL, &error))
        {
          fprintf (stderr, "hw-bench: %s\n", error->message);
          m.ok = FALSE;
          break;
        }
      out = fdopen (out_fd, "r");
      while (fscanf (out, "%lf %lf", &t, &items) == 2)
        {
          g_array_append_val (times, t);
          m.items = items;
        }
      fclose (out);
      wait4 (pid, &status, 0, &usage);
      m.ok = WIFEXITED (status) && WEXITSTATUS (status) == 0 && times->len > before;
      m.peak_kb = MAX (m.peak_kb, usage.ru_maxrss);
    }
  if (times->len)
    {
      g_array_sort (times, compare_double);
      m.median_ms = g_array_index (times, double, times->len / 2);
    }
  return m;
}

static void
on_demo_progress (guint done, guint total, gpointer user_data)
{
  fprintf (stderr, "\r  generating %u children: %u", total, done);
  if (done == total)
    fputc ('\n', stderr);
}

static gboolean
ensure_database (const char *path, guint n, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autoptr(HwStore) store = NULL;
  HwDemoOptions options = { n, 1, hw_date_new (2026, 11, 23) };

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_unlink (tmp);
  store = hw_store_open (tmp, error);
  if (store == NULL || !hw_service_write_demo (store, &options, on_demo_progress, NULL, error))
    return FALSE;
  g_clear_object (&store);
  return g_rename (tmp, path) == 0;
}

int
main (int argc, char **argv)
{
  g_autofree char *op = NULL, *db = NULL, *workdir = NULL, *sizes_text = NULL, *only_text = NULL;
  int n = 0, runs = 5;
  gint64 spawned_at = 0;
  GOptionEntry entries[] = {
    { "op", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &op, "run one operation", NULL },
    { "db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &db, "database", NULL },
    { "n", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &n, "size", NULL },
    { "spawned-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &spawned_at, "spawn time", NULL },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "caseload sizes (default 1000,10000,50000)", "N,N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs per operation; the median is shown (default 5)", "R" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_text, "only these operations (their floors are run too)", "OP,OP" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "where databases and files are kept (default ./bench-data)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  g_auto(GStrv) only = NULL;
  g_autofree char *self = NULL;

  /* A program of the build folder runs uninstalled: the source tree's data unless told. */
  g_setenv ("HOMEWARD_DATADIR", HW_TEST_DATADIR, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "hw-bench: %s\n", error->message);
      return 2;
    }
  if (workdir == NULL)
    workdir = g_strdup ("bench-data");
  if (op)
    return run_op (op, db, workdir, (guint) n, (guint) MAX (1, runs), spawned_at);

  self = g_file_read_link ("/proc/self/exe", NULL);
  g_mkdir_with_parents (workdir, 0700);
  sizes = g_strsplit (sizes_text ? sizes_text : "1000,10000,50000", ",", -1);
  only = only_text ? g_strsplit (only_text, ",", -1) : NULL;

  printf ("# Homeward benchmark: median of %d runs, %u cores\n", runs, g_get_num_processors ());
  printf ("%-8s %-22s %12s %14s %10s %8s %s\n", "N", "operation", "median ms", "rate",
          "peak MB", "floor×", "target");
  for (guint s = 0; sizes[s]; s++)
    {
      guint size = (guint) g_ascii_strtoull (sizes[s], NULL, 10);
      g_autofree char *name = g_strdup_printf ("homeward-%u.db", size);
      g_autofree char *path = g_build_filename (workdir, name, NULL);
      GHashTable *floors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

      if (!ensure_database (path, size, &error))
        {
          fprintf (stderr, "hw-bench: %s\n", error->message);
          return 1;
        }
      for (const HwBenchOp *o = hw_bench_ops; o->name; o++)
        {
          Measure m;
          double *floor_ms;
          g_autofree char *rate = NULL;
          g_autofree char *ratio = NULL;

          if (only && !g_strv_contains ((const char *const *) only, o->name) &&
              !(o->floor_of && g_strv_contains ((const char *const *) only, o->floor_of)))
            continue;
          m = measure (self, o, path, workdir, size, (guint) runs);
          if (!m.ok)
            {
              printf ("%-8u %-22s %12s\n", size, o->name, "failed");
              continue;
            }
          floor_ms = g_new (double, 1);
          *floor_ms = m.median_ms;
          g_hash_table_insert (floors, (gpointer) o->name, floor_ms);
          rate = m.items > 0 ? g_strdup_printf ("%.0f %s/s", m.items / (m.median_ms / 1000.0),
                                                o->unit ? o->unit : "rec")
                             : g_strdup ("");
          if (o->floor_of == NULL)
            {
              double *f = NULL;

              for (const HwBenchOp *p = hw_bench_ops; p->name; p++)
                if (p->floor_of && g_str_equal (p->floor_of, o->name))
                  f = g_hash_table_lookup (floors, p->name);
              ratio = f && *f > 0 ? g_strdup_printf ("%.2f", m.median_ms / *f) : g_strdup ("");
            }
          else
            ratio = g_strdup ("(floor)");
          printf ("%-8u %-22s %12.2f %14s %10.1f %8s %s\n", size, o->name, m.median_ms, rate,
                  m.peak_kb / 1024.0, ratio, o->target ? o->target : "");
          fflush (stdout);
        }
      g_hash_table_unref (floors);
    }
  return 0;
}
