/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 19 on the command line, on a demo caseload: check --staff/--team/--state (each the
 * exact subset of check --all), calendar (RFC 5545 parsed back with libical, private, stable
 * UIDs, no child's name or identity number) and indicators (the same counts as check --all's
 * findings). The program under test is argv[1]. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "hw-test-support.h"

#define TODAY "2026-11-23"

static const char *cli_path;
static char *tmpdir;
static char *db_path;
/* Journal number → HwCaseRow of the demo caseload. */
static GHashTable *rows;
static char *first_journal;   /* the first case in journal order */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run *r, va_list ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db_path);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  run_clear (r);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &r->out,
                &r->err, &wait_status, &error);
  ck_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Runs the CLI with --db and the NULL-terminated arguments. */
static void
run (Run *r, ...)
{
  va_list ap;

  va_start (ap, r);
  run_argv (r, ap);
  va_end (ap);
}

static void
setup (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  tmpdir = hw_test_make_tmpdir ();
  db_path = g_build_filename (tmpdir, "demo.db", NULL);
  run (&r, "demo", "--children", "60", "--seed", "5", "--today", TODAY, NULL);
  ck_assert_msg (r.status == 0, "demo: %s", r.err);
  store = hw_store_open_existing (db_path, &error);
  ck_assert_no_error (error);
  list = hw_store_list_case_rows (store, hw_date_parse_iso (TODAY), &error);
  ck_assert_no_error (error);
  rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) hw_case_row_free);
  first_journal = g_strdup (((HwCaseRow *) list->pdata[0])->journal_no);
  for (guint i = 0; i < list->len; i++)
    {
      HwCaseRow *row = list->pdata[i];

      list->pdata[i] = NULL;
      g_hash_table_insert (rows, row->journal_no, row);
    }
}

static void
teardown (void)
{
  g_clear_pointer (&rows, g_hash_table_unref);
  g_clear_pointer (&first_journal, g_free);
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db_path, g_free);
}

typedef gboolean (*RowFilter) (const HwCaseRow *row, char **cols, gconstpointer data);

/* The header and the rows of a check --format tsv output that @keep keeps, in order. */
static char *
subset (const char *tsv, RowFilter keep, gconstpointer data)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", lines[0]);
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      const HwCaseRow *row = g_hash_table_lookup (rows, cols[0]);

      ck_assert_ptr_nonnull (row);
      if (keep (row, cols, data))
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static gboolean
of_caseworker (const HwCaseRow *row, char **cols, gconstpointer id)
{
  return g_strcmp0 (row->caseworker_id, id) == 0;
}

typedef struct {
  const char *team_id;
  const char *rule;
  const char *const *states;
} TeamFilter;

static gboolean
of_team (const HwCaseRow *row, char **cols, gconstpointer data)
{
  const TeamFilter *f = data;

  return g_strcmp0 (row->team_id, f->team_id) == 0 &&
         (f->rule == NULL || g_str_equal (cols[1], f->rule)) &&
         (f->states == NULL || g_strv_contains (f->states, cols[2]));
}

static HwStaff *
find_staff (GPtrArray *staff, const char *id)
{
  for (guint i = 0; i < staff->len; i++)
    if (g_str_equal (((HwRecord *) staff->pdata[i])->id, id))
      return staff->pdata[i];
  return NULL;
}

/* --staff by name, by user name and by id: exactly that caseworker's rows of --all. */
START_TEST (test_check_staff)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) r = { 0 };
  g_autoptr(HwStore) store = hw_store_open_existing (db_path, NULL);
  g_autoptr(GPtrArray) staff = hw_store_list (store, HW_ENTITY_STAFF, NULL);
  const HwCaseRow *first = g_hash_table_lookup (rows, first_journal);
  const HwStaff *worker = find_staff (staff, first->caseworker_id);
  g_autofree char *expected = NULL;
  g_autofree char *upper = NULL;

  ck_assert_ptr_nonnull (worker);
  run (&all, "check", "--today", TODAY, "--all", "--format", "tsv", NULL);
  ck_assert_msg (all.status == 0, "%s", all.err);
  expected = subset (all.out, of_caseworker, worker->rec.id);
  ck_assert_uint_gt (count_lines (expected), 1);
  ck_assert_uint_lt (count_lines (expected), count_lines (all.out));

  upper = g_utf8_strup (worker->name, -1);
  run (&r, "check", "--today", TODAY, "--all", "--format", "tsv", "--staff", upper, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_str_eq (r.out, expected);
  run (&r, "check", "--today", TODAY, "--all", "--format", "tsv", "--staff", worker->rec.id,
       NULL);
  ck_assert_str_eq (r.out, expected);
  run (&r, "check", "--today", TODAY, "--all", "--format", "tsv", "--staff", worker->username,
       NULL);
  ck_assert_str_eq (r.out, expected);

  /* With --case: the case if it is hers, nothing if it is not. */
  run (&r, "check", "--today", TODAY, "--all", "--format", "tsv", "--staff", worker->rec.id,
       "--case", first->journal_no, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_uint_gt (count_lines (r.out), 1);
  for (guint i = 0; i < staff->len; i++)
    {
      const HwStaff *other = staff->pdata[i];

      if (g_str_equal (other->rec.id, worker->rec.id))
        continue;
      run (&r, "check", "--today", TODAY, "--all", "--format", "tsv", "--staff",
           other->rec.id, "--case", first->journal_no, NULL);
      ck_assert_msg (r.status == 0, "%s", r.err);
      ck_assert_str_eq (r.out, "case\trule\tstate\tdue\tsubject\n");
      break;
    }
}
END_TEST

/* --team with --state and --rule: the rows of --all in that team, state and rule. */
START_TEST (test_check_team_state_rule)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) r = { 0 };
  g_autoptr(HwStore) store = hw_store_open_existing (db_path, NULL);
  g_autoptr(GPtrArray) teams = hw_store_list (store, HW_ENTITY_TEAM, NULL);
  const HwTeam *team = teams->pdata[0];
  const char *const overdue_soon[] = { "overdue", "due-soon", NULL };
  const char *const missed[] = { "missed", NULL };
  const char *const ok[] = { "ok", NULL };
  TeamFilter f = { team->rec.id, NULL, overdue_soon };
  g_autofree char *expected = NULL;
  g_autofree char *expected_missed = NULL;
  g_autofree char *expected_rule = NULL;
  g_autofree char *expected_ok = NULL;
  g_autofree char *expected_team = NULL;

  run (&all, "check", "--today", TODAY, "--all", "--format", "tsv", NULL);
  ck_assert_msg (all.status == 0, "%s", all.err);

  expected = subset (all.out, of_team, &f);
  ck_assert_uint_gt (count_lines (expected), 1);
  /* Without --state, as without --all: overdue and due soon (and missed). */
  run (&r, "check", "--today", TODAY, "--format", "tsv", "--team", team->name, "--state",
       "overdue,due-soon", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_str_eq (r.out, expected);

  f.states = missed;
  expected_missed = subset (all.out, of_team, &f);
  ck_assert_uint_gt (count_lines (expected_missed), 1);
  run (&r, "check", "--today", TODAY, "--format", "tsv", "--team", team->rec.id, "--state",
       "missed", NULL);
  ck_assert_str_eq (r.out, expected_missed);

  /* --state ok shows duties in order without --all. */
  f.states = ok;
  expected_ok = subset (all.out, of_team, &f);
  ck_assert_uint_gt (count_lines (expected_ok), 1);
  run (&r, "check", "--today", TODAY, "--format", "tsv", "--team", team->name, "--state", "ok",
       NULL);
  ck_assert_str_eq (r.out, expected_ok);

  f.states = overdue_soon;
  f.rule = "FOLLOWUP_VISIT";
  expected_rule = subset (all.out, of_team, &f);
  run (&r, "check", "--today", TODAY, "--format", "tsv", "--team", team->name, "--state",
       "overdue,due-soon", "--rule", "FOLLOWUP_VISIT", NULL);
  ck_assert_str_eq (r.out, expected_rule);

  f.states = NULL;
  f.rule = NULL;
  expected_team = subset (all.out, of_team, &f);
  run (&r, "check", "--today", TODAY, "--format", "tsv", "--all", "--team", team->name, NULL);
  ck_assert_str_eq (r.out, expected_team);
}
END_TEST

/* A name matching no one, or several, is refused naming it (exit 2), and nothing printed. */
START_TEST (test_check_refusals)
{
  g_auto(Run) r = { 0 };
  g_autoptr(GError) error = NULL;

  run (&r, "check", "--today", TODAY, "--format", "tsv", "--staff", "Nobody Atall", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_str_eq (r.out, "");
  ck_assert_ptr_nonnull (strstr (r.err, "--staff"));
  ck_assert_ptr_nonnull (strstr (r.err, "Nobody Atall"));
  run (&r, "check", "--today", TODAY, "--team", "Team Vest", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_str_eq (r.out, "");
  ck_assert_ptr_nonnull (strstr (r.err, "Team Vest"));
  run (&r, "check", "--today", TODAY, "--state", "late", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "late"));
  run (&r, "check", "--today", TODAY, "--format", "pdf", "-o", "x.pdf", "--team", "Team Nord",
       NULL);
  ck_assert_int_eq (r.status, 2);

  {
    g_autoptr(HwStore) store = hw_store_open_existing (db_path, &error);
    HwStaff *a = hw_record_new (HW_ENTITY_STAFF);
    HwStaff *b = hw_record_new (HW_ENTITY_STAFF);

    ck_assert_no_error (error);
    a->name = g_strdup ("Kari Dobbel");
    a->username = g_strdup ("karid");
    b->name = g_strdup ("Kari Dobbel");
    b->username = g_strdup ("kdobbel");
    hw_store_save (store, a, &error);
    ck_assert_no_error (error);
    hw_store_save (store, b, &error);
    ck_assert_no_error (error);
    run (&r, "check", "--today", TODAY, "--staff", "kari dobbel", NULL);
    ck_assert_int_eq (r.status, 2);
    ck_assert_str_eq (r.out, "");
    ck_assert_ptr_nonnull (strstr (r.err, "kari dobbel"));
    ck_assert_ptr_nonnull (strstr (r.err, a->rec.id));
    ck_assert_ptr_nonnull (strstr (r.err, b->rec.id));
    /* The user name still tells them apart. */
    run (&r, "check", "--today", TODAY, "--staff", "kdobbel", NULL);
    ck_assert_msg (r.status == 0, "%s", r.err);
    hw_record_free (a);
    hw_record_free (b);
  }
}
END_TEST

static Suite *
worklists_suite (void)
{
  Suite *s = suite_create ("worklists-cli");
  TCase *tc = tcase_create ("check");

  tcase_add_unchecked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_check_staff);
  tcase_add_test (tc, test_check_team_state_rule);
  tcase_add_test (tc, test_check_refusals);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s HOMEWARD-CLI\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  return hw_test_run_suite (worklists_suite ());
}
