/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app/check on a small store: a whole caseload gives the same findings with the foster homes
 * read up front and read on demand, whatever the size of the home cache and the number of
 * workers: homes shared by several cases, a case placed in two homes one after the other (more
 * homes than a cache of one holds), evidence that makes a duty met, a placement without a
 * registered home. */
#include "config.h"

#include <string.h>

#include "hw-caseload-check.h"
#include "hw-caseload-check-private.h"
#include "rules-fixture.h"
#include "hw-service-private.h"

static char *tmpdir;
static HwStore *store;

static void
save (HwDossier *d)
{
  g_autoptr(GError) error = NULL;

  hw_store_save_dossier (store, d, &error);
  ck_assert_no_error (error);
}

/* A care order with its placement in @home (NULL: none known), from @start to @end. */
static HwDossier *
placed_case (const char *journal_no, HwDossier *home, const char *start, const char *end)
{
  HwDossier *d = fx_case (journal_no, "2015-03-14");
  HwDecision *dec = fx_decision (d, "BVL2021:5:1", start, 1);

  fx_relation (d, dec, fx_placement (d, home, "BVL2021:5:1", "2.2", start, end));
  return d;
}

/* Three homes, six cases: two in Berg, one in Dahl and then in Lie, one each in Dahl and
 * Lie, one in a foster home that is not registered. */
static void
setup (void)
{
  g_autoptr(GHashTable) homes = fx_homes_new ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_dossier_free);
  HwDossier *berg, *dahl, *lie, *moved;
  HwHomeMember *anne;
  GHashTableIter iter;
  gpointer value;

  store = hw_test_open_store (&tmpdir);

  berg = fx_home (homes, "Familien Berg", HW_HOME_ORDINARY);
  anne = fx_member (berg, "Anne Berg", HW_MEMBER_FOSTER_PARENT, "1980-01-01");
  fx_member (berg, "Per Berg", HW_MEMBER_FOSTER_PARENT, "1979-01-01");
  fx_evidence (berg, NULL, anne, HW_EVIDENCE_POLICE_CERTIFICATE, "2025-01-10", FALSE);
  dahl = fx_home (homes, "Familien Dahl", HW_HOME_ORDINARY);
  fx_member (dahl, "Ola Dahl", HW_MEMBER_FOSTER_PARENT, "1975-05-05");
  lie = fx_home (homes, "Familien Lie", HW_HOME_ORDINARY);
  fx_member (lie, "Kari Lie", HW_MEMBER_FOSTER_PARENT, "1982-02-02");

  g_ptr_array_add (cases, placed_case ("LC-1", berg, "2025-02-01", NULL));
  g_ptr_array_add (cases, placed_case ("LC-2", berg, "2025-02-15", NULL));
  moved = placed_case ("LC-3", dahl, "2025-01-06", "2025-02-27");
  fx_relation (moved, fx_decision (moved, "BVL2021:5:1", "2025-02-28", 1),
               fx_placement (moved, lie, "BVL2021:5:1", "2.2", "2025-02-28", NULL));
  g_ptr_array_add (cases, moved);
  g_ptr_array_add (cases, placed_case ("LC-4", dahl, "2025-03-03", NULL));
  g_ptr_array_add (cases, placed_case ("LC-5", lie, "2025-01-20", NULL));
  g_ptr_array_add (cases, placed_case ("LC-6", NULL, "2025-02-10", NULL));

  g_hash_table_iter_init (&iter, homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    save (value);
  for (guint i = 0; i < cases->len; i++)
    save (cases->pdata[i]);
}

static void
teardown (void)
{
  g_clear_object (&store);
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Every finding of the caseload (ok ones too) as sorted lines that say everything a home
 * decides: subject, state, due date, evidence. */
static char *
run_check (gboolean on_demand, guint cache_size, guint n_threads)
{
  HwCheckOptions options = {
    .today = D ("2025-03-20"),
    .n_threads = n_threads,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  ck_assert_msg (service != NULL, "%s", error ? error->message : "");
  hw_service_set_homes (service, on_demand ? HW_SERVICE_HOMES_ON_DEMAND
                                           : HW_SERVICE_HOMES_UP_FRONT, cache_size);
  findings = hw_check_collect (service, &options, TRUE, &error);

  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      char due[11], evidence[11];

      hw_date_to_iso (hw_finding_get_due (f), due);
      hw_date_to_iso (hw_finding_get_evidence_date (f), evidence);
      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%s\t%d%d\t%s",
                                               hw_finding_get_journal_no (f),
                                               hw_finding_get_rule_id (f),
                                               or_empty (hw_finding_get_subject_name (f)),
                                               hw_finding_get_subject_id (f),
                                               hw_finding_state_to_string (
                                                 hw_finding_get_state (f)),
                                               due, hw_finding_is_met (f),
                                               hw_finding_is_late (f), evidence));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static gboolean
has_line (const char *all, const char *prefix)
{
  g_autofree char *needle = g_strconcat ("\n", prefix, NULL);

  return g_str_has_prefix (all, prefix) || strstr (all, needle) != NULL;
}

/* The first line where @a and @b differ (NULL past the end of one): check's messages are
 * short. */
static void
first_difference (const char *a, const char *b, char **line_a, char **line_b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  guint i = 0;

  while (lines_a[i] && lines_b[i] && g_str_equal (lines_a[i], lines_b[i]))
    i++;
  *line_a = g_strdup (lines_a[i]);
  *line_b = g_strdup (lines_b[i]);
}

START_TEST (test_homes_read_up_front)
{
  g_autofree char *all = run_check (FALSE, 0, 1);

  /* The homes reached the rules: their names, their members and the evidence of one. */
  ck_assert (has_line (all, "LC-1\tFOSTER_HOME_APPROVAL\tFamilien Berg\t"));
  ck_assert (has_line (all, "LC-2\tFOSTER_HOME_APPROVAL\tFamilien Berg\t"));
  ck_assert (has_line (all, "LC-3\tFOLLOWUP_VISITS_YEAR\tFamilien Dahl\t"));
  ck_assert (has_line (all, "LC-3\tFOSTER_HOME_APPROVAL\tFamilien Lie\t"));
  ck_assert (has_line (all, "LC-3\tPOLICE_CERT_FOSTER_PARENT\tKari Lie\t"));
  ck_assert (has_line (all, "LC-4\tPOLICE_CERT_FOSTER_PARENT\tOla Dahl\t"));
  ck_assert (has_line (all, "LC-5\tPOLICE_CERT_FOSTER_PARENT\tKari Lie\t"));
  ck_assert_msg (strstr (all, "LC-1\tPOLICE_CERT_FOSTER_PARENT\tAnne Berg\t") &&
                 strstr (strstr (all, "LC-1\tPOLICE_CERT_FOSTER_PARENT\tAnne Berg\t"),
                         "\tok\t2025-02-01\t10\t2025-01-10\n"),
                 "Anne Berg's certificate is not seen:\n%s", all);
  ck_assert_ptr_nonnull (strstr (all, "LC-2\tPOLICE_CERT_FOSTER_PARENT\tPer Berg\t"));
  ck_assert (!has_line (all, "LC-6\tPOLICE_CERT_FOSTER_PARENT\t"));

  /* The same split over two workers. */
  g_autofree char *two = run_check (FALSE, 0, 2);
  ck_assert_str_eq (two, all);
}
END_TEST

START_TEST (test_homes_on_demand)
{
  g_autofree char *expected = run_check (FALSE, 0, 1);
  /* A cache of one home: every other case evicts, and LC-3 needs two homes at once. */
  const guint cache_sizes[] = { 1, 2, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cache_sizes); i++)
    for (guint n_threads = 1; n_threads <= 2; n_threads++)
      {
        g_autofree char *all = run_check (TRUE, cache_sizes[i], n_threads);

        g_autofree char *got = NULL;
        g_autofree char *wanted = NULL;

        if (!g_str_equal (all, expected))
          first_difference (all, expected, &got, &wanted);
        ck_assert_msg (got == NULL && wanted == NULL,
                       "cache %u, %u threads: “%s” where “%s” was expected", cache_sizes[i],
                       n_threads, got ? got : "(end)", wanted ? wanted : "(end)");
      }
}
END_TEST

START_TEST (test_homes_on_demand_cancelled)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HwCheckOptions options = {
    .today = D ("2025-03-20"),
    .cancellable = cancellable,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(GPtrArray) findings = NULL;

  hw_service_set_homes (service, HW_SERVICE_HOMES_ON_DEMAND, 1);
  g_cancellable_cancel (cancellable);
  findings = hw_check_collect (service, &options, TRUE, &error);
  ck_assert_ptr_null (findings);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

static char *
describe (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      char due[11];

      hw_date_to_iso (hw_finding_get_due (f), due);
      g_string_append_printf (out, "%s\t%s\t%s\t%s\n", hw_finding_get_rule_id (f),
                              or_empty (hw_finding_get_subject_id (f)), due,
                              hw_finding_state_to_string (hw_finding_get_state (f)));
    }
  return g_string_free (out, FALSE);
}

static void
describe_case (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  g_hash_table_insert (user_data, g_strdup (hw_dossier_case (dossier)->rec.id),
                       describe (findings));
}

/* One case in the service's context (the child's record, the plan, check --case) gives what
 * the whole pass gives it, even with a home cache of one (LC-3 needs two homes). */
START_TEST (test_single_case_as_pass)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(GHashTable) pass = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  HwCheckOptions options = { .today = D ("2025-03-20") };

  ck_assert_ptr_nonnull (service);
  ck_assert (hw_check_caseload (service, &options, describe_case, pass, &error));
  ck_assert_uint_eq (g_hash_table_size (pass), 6);
  hw_service_set_homes (service, HW_SERVICE_HOMES_ON_DEMAND, 1);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < cases->len; i++)
      {
        const HwCase *c = cases->pdata[i];
        g_autoptr(HwDossier) d = hw_store_load_case (store, c->rec.id, &error);
        g_autoptr(GPtrArray) findings = hw_check_case (service, d, options.today, &error);
        g_autofree char *one = NULL;

        ck_assert_no_error (error);
        ck_assert_ptr_nonnull (findings);
        one = describe (findings);
        ck_assert_str_eq (one, g_hash_table_lookup (pass, c->rec.id));
        /* Forgetting a home reads it again; the findings stay the same. */
        if (round == 0)
          {
            GPtrArray *measures = hw_dossier_get (d, HW_ENTITY_MEASURE);

            for (guint m = 0; m < measures->len; m++)
              hw_service_forget_home (service, ((HwMeasure *) measures->pdata[m])->home_id);
          }
      }
}
END_TEST

/* Settings change in one place: every value is checked before any is written, a refusal names
 * the setting and leaves the store as it was, and a service sees the settings it was built
 * with. */
START_TEST (test_change_settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) before = hw_service_new (store, &error);
  g_autoptr(HwService) after = NULL;
  const char *keys[] = { "due_soon_days", "review_months" };
  const char *bad[] = { "21", "-4" };
  const char *good[] = { " 021 ", NULL };
  g_autofree char *stored = NULL;
  int default_due_soon;

  ck_assert_ptr_nonnull (before);
  default_due_soon = hw_settings_get (hw_service_get_settings (before), "due_soon_days");
  ck_assert_int_ne (default_due_soon, 21);
  ck_assert (!hw_service_change_settings (store, keys, bad, 2, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "review_months"));
  g_clear_error (&error);
  stored = hw_store_dup_setting (store, "due_soon_days");
  ck_assert_ptr_null (stored);

  ck_assert (hw_service_change_settings (store, keys, good, 2, &error));
  ck_assert_no_error (error);
  stored = hw_store_dup_setting (store, "due_soon_days");
  ck_assert_str_eq (stored, "21");
  after = hw_service_new (store, &error);
  ck_assert_ptr_nonnull (after);
  ck_assert_int_eq (hw_settings_get (hw_service_get_settings (after), "due_soon_days"), 21);
  ck_assert_int_eq (hw_settings_get (hw_service_get_settings (before), "due_soon_days"),
                    default_due_soon);
}
END_TEST

static Suite *
caseload_check_suite (void)
{
  Suite *s = suite_create ("caseload-check");
  TCase *tc = tcase_create ("caseload-check");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_homes_read_up_front);
  tcase_add_test (tc, test_homes_on_demand);
  tcase_add_test (tc, test_homes_on_demand_cancelled);
  tcase_add_test (tc, test_single_case_as_pass);
  tcase_add_test (tc, test_change_settings);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (caseload_check_suite ());
}
