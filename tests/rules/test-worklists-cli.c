/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 19 on the command line, on a demo caseload: check --staff/--team/--state (each the
 * exact subset of check --all), calendar (RFC 5545 parsed back with libical, private, stable
 * UIDs, no child's name or identity number) and indicators (the same counts as check --all's
 * findings). The program under test is argv[1]. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <stdlib.h>
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


/* ---- calendar ---- */

/* The file's text with RFC 5545 line folding undone: a name split over two lines is found. */
static char *
read_unfolded (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);

  g_file_get_contents (path, &text, NULL, &error);
  ck_assert_no_error (error);
  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

/* Parses @path with libical; the UIDs of its @kind components (VTODO or VEVENT) in file
 * order. Fails unless it is one valid VCALENDAR with nothing but those, each with a UID, a
 * DATE-valued DUE (to-dos) or DTSTART no earlier than TODAY (events), and a SUMMARY. */
static GPtrArray *
parse_calendar_of (const char *path, icalcomponent_kind kind)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *root;

  g_file_get_contents (path, &text, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  root = icalparser_parse_string (text);
  ck_assert_ptr_nonnull (root);
  ck_assert_int_eq (icalcomponent_isa (root), ICAL_VCALENDAR_COMPONENT);
  ck_assert_int_eq (icalcomponent_count_errors (root), 0);
  ck_assert_ptr_nonnull (icalcomponent_get_first_property (root, ICAL_PRODID_PROPERTY));
  ck_assert_ptr_nonnull (icalcomponent_get_first_property (root, ICAL_VERSION_PROPERTY));
  ck_assert_int_eq (icalcomponent_count_components (root, ICAL_ANY_COMPONENT),
                    icalcomponent_count_components (root, kind));
  for (icalcomponent *c = icalcomponent_get_first_component (root, kind); c;
       c = icalcomponent_get_next_component (root, kind))
    {
      ck_assert_ptr_nonnull (icalcomponent_get_uid (c));
      ck_assert (g_str_has_suffix (icalcomponent_get_uid (c), "@homeward"));
      if (kind == ICAL_VTODO_COMPONENT)
        {
          icalproperty *due = icalcomponent_get_first_property (c, ICAL_DUE_PROPERTY);

          ck_assert_ptr_nonnull (due);
          ck_assert (icalproperty_get_due (due).is_date);
        }
      else
        {
          struct icaltimetype start = icalcomponent_get_dtstart (c);

          ck_assert (start.is_date);
          ck_assert_int_ge (icaltime_compare (start, icaltime_from_string ("20261123")), 0);
        }
      ck_assert_ptr_nonnull (icalcomponent_get_summary (c));
      ck_assert_ptr_nonnull (icalcomponent_get_first_property (c, ICAL_DTSTAMP_PROPERTY));
      ck_assert_ptr_nonnull (strstr (icalcomponent_get_description (c), "Kilde: "));
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (c)));
    }
  icalcomponent_free (root);
  return uids;
}

static GPtrArray *
parse_calendar (const char *path)
{
  return parse_calendar_of (path, ICAL_VTODO_COMPONENT);
}

/* The open duties of check --all --format json: not met, not missed, overdue or due soon or
 * due after today. */
static guint
count_open (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;
  guint n = 0;

  json_parser_load_from_data (parser, json, -1, &error);
  ck_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *state = json_object_get_string_member (f, "state");
      const char *due = json_object_get_string_member (f, "due");

      if (due == NULL || json_object_get_boolean_member (f, "met"))
        continue;
      n += g_str_equal (state, "overdue") || g_str_equal (state, "due-soon") ||
           (g_str_equal (state, "ok") && strcmp (due, TODAY) > 0);
    }
  return n;
}

START_TEST (test_calendar)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) all = { 0 };
  g_autofree char *path1 = g_build_filename (tmpdir, "duties.ics", NULL);
  g_autofree char *path2 = g_build_filename (tmpdir, "again.ics", NULL);
  g_autofree char *path3 = g_build_filename (tmpdir, "named.ics", NULL);
  g_autofree char *unfolded = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GPtrArray) uids1 = NULL;
  g_autoptr(GPtrArray) uids2 = NULL;
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  struct stat st;
  guint n_named = 0;
  guint n_journals = 0;

  run (&all, "check", "--today", TODAY, "--all", "--format", "json", NULL);
  ck_assert_msg (all.status == 0, "%s", all.err);

  run (&r, "calendar", "--today", TODAY, "-o", path1, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_str_eq (r.err, "");
  ck_assert_int_eq (stat (path1, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  uids1 = parse_calendar (path1);
  ck_assert_uint_gt (uids1->len, 100);
  ck_assert_uint_eq (uids1->len, count_open (all.out));
  for (guint i = 0; i < uids1->len; i++)
    g_hash_table_add (distinct, uids1->pdata[i]);
  ck_assert_uint_eq (g_hash_table_size (distinct), uids1->len);

  /* No child's name or identity number without --names. */
  unfolded = read_unfolded (path1);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const HwCaseRow *row = value;

      ck_assert_msg (strstr (unfolded, row->child_name) == NULL, "%s in the file",
                     row->child_name);
      if (row->fnr)
        ck_assert_msg (strstr (unfolded, row->fnr) == NULL, "an identity number in the file");
      n_journals += strstr (unfolded, row->journal_no) != NULL;
    }

  /* Only the journal number says which case a duty is of. */
  ck_assert_uint_gt (n_journals, 30);

  /* Exported again (a second later, from a fresh process): the same UIDs in the same order. */
  run (&r, "calendar", "--today", TODAY, "-o", path2, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  uids2 = parse_calendar (path2);
  ck_assert_uint_eq (uids2->len, uids1->len);
  for (guint i = 0; i < uids1->len; i++)
    ck_assert_str_eq (uids1->pdata[i], uids2->pdata[i]);

  /* --names: the children's names, and a warning. */
  run (&r, "calendar", "--today", TODAY, "-o", path3, "--names", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.err, "warning"));
  named = read_unfolded (path3);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n_named += strstr (named, ((const HwCaseRow *) value)->child_name) != NULL;
  ck_assert_uint_gt (n_named, 10);
  g_ptr_array_unref (parse_calendar (path3));

  /* Each file is in the audit trail: who, how many cases, where to, with or without names. */
  run (&r, "audit", "show", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.out, "\tdisclose\tcalendar\t-\t-\t"));
  ck_assert_ptr_nonnull (strstr (r.out, "\tdisclose\tcalendar --names\t-\t-\t"));
  ck_assert_ptr_nonnull (strstr (r.out, path3));
}
END_TEST

/* --events (Outlook imports no VTODO): the same duties as all-day events, none in the past,
 * with UIDs of their own that are as stable. */
START_TEST (test_calendar_events)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) all = { 0 };
  g_autofree char *todos_path = g_build_filename (tmpdir, "t.ics", NULL);
  g_autofree char *path1 = g_build_filename (tmpdir, "e1.ics", NULL);
  g_autofree char *path2 = g_build_filename (tmpdir, "e2.ics", NULL);
  g_autoptr(GPtrArray) todos = NULL;
  g_autoptr(GPtrArray) events1 = NULL;
  g_autoptr(GPtrArray) events2 = NULL;

  run (&all, "check", "--today", TODAY, "--all", "--format", "json", NULL);
  run (&r, "calendar", "--today", TODAY, "-o", todos_path, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run (&r, "calendar", "--today", TODAY, "-o", path1, "--events", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run (&r, "calendar", "--today", TODAY, "-o", path2, "--events", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  todos = parse_calendar (todos_path);
  events1 = parse_calendar_of (path1, ICAL_VEVENT_COMPONENT);
  events2 = parse_calendar_of (path2, ICAL_VEVENT_COMPONENT);
  ck_assert_uint_eq (events1->len, count_open (all.out));
  ck_assert_uint_eq (events1->len, todos->len);
  ck_assert_uint_eq (events2->len, events1->len);
  for (guint i = 0; i < events1->len; i++)
    {
      ck_assert_str_eq (events1->pdata[i], events2->pdata[i]);
      ck_assert_str_ne (events1->pdata[i], todos->pdata[i]);
    }
}
END_TEST

START_TEST (test_calendar_team_and_refusals)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) all = { 0 };
  g_autoptr(HwStore) store = hw_store_open_existing (db_path, NULL);
  g_autoptr(GPtrArray) teams = hw_store_list (store, HW_ENTITY_TEAM, NULL);
  const HwTeam *team = teams->pdata[1];
  g_autofree char *path = g_build_filename (tmpdir, "team.ics", NULL);
  g_autofree char *never = g_build_filename (tmpdir, "never.ics", NULL);
  g_autoptr(GPtrArray) uids = NULL;

  run (&all, "check", "--today", TODAY, "--all", "--format", "json", "--team", team->rec.id,
       NULL);
  ck_assert_msg (all.status == 0, "%s", all.err);
  run (&r, "calendar", "--today", TODAY, "-o", path, "--team", team->name, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  uids = parse_calendar (path);
  ck_assert_uint_gt (uids->len, 10);
  ck_assert_uint_eq (uids->len, count_open (all.out));

  run (&r, "calendar", "--help", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "--names"));
  run (&r, "calendar", "--today", TODAY, NULL);
  ck_assert_int_eq (r.status, 2);
  run (&r, "calendar", "--today", TODAY, "-o", never, "--team", "Team Vest", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "Team Vest"));
  ck_assert (!g_file_test (never, G_FILE_TEST_EXISTS));
}
END_TEST

/* ---- indicators ---- */

/* The indicators' TSV computed from check --all --format json's findings: the definition
 * of issue 19, applied to the rule engine's own output. Rows in the order of @order. */
static char *
indicators_from_findings (const char *json, int year, char **order)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *out = g_string_new ("rule\ttotal\tmet\ton_time\tnot_met\tpending\n");
  char prefix[6];
  JsonArray *findings;

  g_snprintf (prefix, sizeof prefix, "%d-", year);
  json_parser_load_from_data (parser, json, -1, &error);
  ck_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *rule = json_object_get_string_member (f, "rule");
      const char *state = json_object_get_string_member (f, "state");
      const char *due = json_object_get_string_member (f, "due");
      const char *evidence = json_object_get_string_member (f, "evidence_date");
      guint *c;

      if (due == NULL || !g_str_has_prefix (due, prefix))
        continue;
      if ((c = g_hash_table_lookup (counts, rule)) == NULL)
        g_hash_table_insert (counts, g_strdup (rule), c = g_new0 (guint, 5));
      c[0]++;
      if (json_object_get_boolean_member (f, "met"))
        {
          c[1]++;
          c[2] += evidence && strcmp (evidence, due) <= 0;
        }
      else if (g_str_equal (state, "overdue") || g_str_equal (state, "missed"))
        c[3]++;
      else
        c[4]++;
    }
  for (guint i = 0; order[i]; i++)
    {
      static const guint zero[5];
      const guint *c = g_hash_table_lookup (counts, order[i]);

      if (c == NULL)
        c = zero;
      g_string_append_printf (out, "%s\t%u\t%u\t%u\t%u\t%u\n", order[i], c[0], c[1], c[2], c[3],
                              c[4]);
      g_hash_table_remove (counts, order[i]);
    }
  /* No finding of a rule the indicators do not list. */
  ck_assert_uint_eq (g_hash_table_size (counts), 0);
  return g_string_free (out, FALSE);
}

/* The first column of a TSV after its header. */
static char **
rule_order (const char *tsv)
{
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", 2);

      g_ptr_array_add (ids, g_strdup (cols[0]));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

static void
assert_indicators_agree (const char *year, const char *team)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) ind = { 0 };
  g_auto(GStrv) order = NULL;
  g_autofree char *expected = NULL;

  if (team)
    {
      run (&all, "check", "--today", TODAY, "--all", "--format", "json", "--team", team, NULL);
      run (&ind, "indicators", "--today", TODAY, "--year", year, "--team", team, NULL);
    }
  else
    {
      run (&all, "check", "--today", TODAY, "--all", "--format", "json", NULL);
      run (&ind, "indicators", "--today", TODAY, "--year", year, "--format", "tsv", NULL);
    }
  ck_assert_msg (all.status == 0, "%s", all.err);
  ck_assert_msg (ind.status == 0, "%s", ind.err);
  ck_assert (g_str_has_prefix (ind.out, "rule\ttotal\tmet\ton_time\tnot_met\tpending\n"));
  order = rule_order (ind.out);
  ck_assert_uint_ge (g_strv_length (order), 30);   /* every rule of catalogue v2 */
  expected = indicators_from_findings (all.out, atoi (year), order);
  ck_assert_str_eq (ind.out, expected);
}

START_TEST (test_indicators_agree_with_check)
{
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  guint sums[5] = { 0 };

  assert_indicators_agree ("2026", NULL);
  assert_indicators_agree ("2025", NULL);
  assert_indicators_agree ("2024", "Team Nord");

  /* Not vacuous: on this demo, 2026 has duties in every column, and totals add up. */
  run (&r, "indicators", "--today", TODAY, "--year", "2026", NULL);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      ck_assert_uint_eq (g_strv_length (cols), 6);
      for (guint k = 0; k < 5; k++)
        sums[k] += atoi (cols[k + 1]);
      ck_assert_int_eq (atoi (cols[1]), atoi (cols[2]) + atoi (cols[4]) + atoi (cols[5]));
      ck_assert_int_le (atoi (cols[3]), atoi (cols[2]));
    }
  for (guint k = 0; k < 5; k++)
    ck_assert_uint_gt (sums[k], 0);
  ck_assert_uint_lt (sums[2], sums[1]);   /* some met late */
}
END_TEST

START_TEST (test_indicators_json_and_refusals)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) tsv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rebuilt = g_string_new ("rule\ttotal\tmet\ton_time\tnot_met\tpending\n");
  JsonObject *root;
  JsonArray *rules_array;

  run (&tsv, "indicators", "--today", TODAY, "--year", "2026", "--staff", "Sofia Lund", NULL);
  ck_assert_msg (tsv.status == 0, "%s", tsv.err);
  run (&r, "indicators", "--today", TODAY, "--year", "2026", "--staff", "Sofia Lund",
       "--format", "json", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  json_parser_load_from_data (parser, r.out, -1, &error);
  ck_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_int_eq (json_object_get_int_member (root, "year"), 2026);
  ck_assert_str_eq (json_object_get_string_member (root, "today"), TODAY);
  rules_array = json_object_get_array_member (root, "rules");
  for (guint i = 0; i < json_array_get_length (rules_array); i++)
    {
      JsonObject *o = json_array_get_object_element (rules_array, i);

      ck_assert_ptr_nonnull (json_object_get_string_member (o, "title"));
      g_string_append_printf (rebuilt, "%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%"
                              G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
                              json_object_get_string_member (o, "rule"),
                              json_object_get_int_member (o, "total"),
                              json_object_get_int_member (o, "met"),
                              json_object_get_int_member (o, "on_time"),
                              json_object_get_int_member (o, "not_met"),
                              json_object_get_int_member (o, "pending"));
    }
  ck_assert_str_eq (rebuilt->str, tsv.out);

  run (&r, "indicators", "--help", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "--year"));
  run (&r, "indicators", "--today", TODAY, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "--year"));
  run (&r, "indicators", "--year", "2026", "--format", "xml", NULL);
  ck_assert_int_eq (r.status, 2);
  run (&r, "indicators", "--year", "2026", "--team", "Team Vest", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_str_eq (r.out, "");
  ck_assert_ptr_nonnull (strstr (r.err, "Team Vest"));
}
END_TEST

/* The PDF: two A4 pages (the bars, the trend and the table), private, with the figures. */
START_TEST (test_indicators_pdf)
{
  g_auto(Run) r = { 0 };
  g_autofree char *path = g_build_filename (tmpdir, "indicators.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *head = NULL;
  struct stat st;

  run (&r, "indicators", "--today", TODAY, "--year", "2026", "--format", "pdf", "-o", path,
       "--team", "Team Nord", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  g_file_get_contents (path, &head, NULL, NULL);
  ck_assert (g_str_has_prefix (head, "%PDF-"));
  if (pdftotext)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { pdftotext, "-layout", path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                    NULL, NULL, &error);
      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (strstr (text, "Team Nord"));
      ck_assert_ptr_nonnull (strstr (text, "2026"));
      ck_assert_ptr_nonnull (strstr (text, "Omsorgsplan"));
      ck_assert_ptr_nonnull (strstr (text, "2022"));   /* the trend's first year */
      ck_assert_ptr_nonnull (strstr (text, "\f"));     /* more than one page */
    }

  run (&r, "indicators", "--year", "2026", "--format", "pdf", NULL);
  ck_assert_int_eq (r.status, 2);
  run (&r, "indicators", "--year", "2026", "-o", path, NULL);
  ck_assert_int_eq (r.status, 2);
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
  tcase_add_test (tc, test_calendar);
  tcase_add_test (tc, test_calendar_team_and_refusals);
  tcase_add_test (tc, test_calendar_events);
  tcase_add_test (tc, test_indicators_agree_with_check);
  tcase_add_test (tc, test_indicators_json_and_refusals);
  tcase_add_test (tc, test_indicators_pdf);
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
