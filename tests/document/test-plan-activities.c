/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 18: the Omsorgspakke's activities follow the template, whoever writes the placement —
 * the window's forms (hw_service_save_record), `import` and `demo`
 * (hw_service_follow_template_all), and stores made before (hw_service_upgrade_activities,
 * once) — and the printed plan shows each activity's status as it is now. */

#include "config.h"

#include <check.h>
#include <string.h>

#include "hw-activity.h"
#include "hw-case-facts.h"
#include "hw-service-demo.h"
#include "hw-legal.h"
#include "hw-service-plan.h"
#include "hw-service-plan-private.h"
#include "hw-service-print.h"
#include "hw-lang.h"
#include "hw-test-support.h"

#define TODAY hw_date_new (2026, 11, 23)

static void
free_record (gpointer p)
{
  hw_record_free (*(gpointer *) p);
}
/* A record freed when it goes out of scope. */
#define AUTO_RECORD __attribute__ ((cleanup (free_record)))

static gpointer
copy_record (gconstpointer record, gpointer unused)
{
  return hw_record_copy (record);
}

typedef struct {
  char      *dir;
  HwStore   *store;
  char      *case_id;
  char      *journal_no;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2026-00018");
  HwPerson *mother = hw_record_new (HW_ENTITY_PERSON);

  fx.store = hw_test_open_store (&fx.dir);
  fx.case_id = g_strdup (hw_dossier_case (d)->rec.id);
  fx.journal_no = g_strdup ("2026-00018");
  mother->case_id = g_strdup (fx.case_id);
  mother->name = g_strdup ("Mora Testesen");
  mother->relation = HW_RELATION_MOTHER;
  mother->parental_responsibility = TRUE;
  hw_dossier_add (d, mother);
  ck_assert_msg (hw_store_save_dossier (fx.store, d, &error), "%s",
                 error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_object (&fx.store);
  hw_test_remove_tree (fx.dir);
  g_clear_pointer (&fx.dir, g_free);
  g_clear_pointer (&fx.case_id, g_free);
  g_clear_pointer (&fx.journal_no, g_free);
}

static GPtrArray *
stored_activities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_store_load_case (fx.store, fx.case_id, &error);
  GPtrArray *all;

  ck_assert_msg (d != NULL, "%s", error ? error->message : "");
  all = hw_dossier_get (d, HW_ENTITY_ACTIVITY);
  return g_ptr_array_copy (all, copy_record, NULL);
}

static guint
count_prefix (GPtrArray *activities, const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < activities->len; i++)
    {
      const HwActivity *a = activities->pdata[i];

      if (a->template_key && g_str_has_prefix (a->template_key, prefix))
        n++;
    }
  return n;
}

static HwActivity *
find_key (GPtrArray *activities, const char *key)
{
  for (guint i = 0; i < activities->len; i++)
    {
      HwActivity *a = activities->pdata[i];

      if (g_strcmp0 (a->template_key, key) == 0)
        return a;
    }
  return NULL;
}

/* A placement in a foster home saved from the form brings the ordinary package's activities,
 * once: saving it again (an edit) adds none. */
START_TEST (test_placement_brings_activities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = stored_activities ();
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  HwDate start = hw_date_add_days (hw_date_today (), -10);
  AUTO_RECORD HwMeasure *m = hw_test_new_measure (fx.case_id, "2.1", start);
  const HwActivity *followup;

  ck_assert_uint_eq (before->len, 0);
  ck_assert_msg (hw_service_save_record (fx.store, m, &error), "%s",
                 error ? error->message : "");
  after = stored_activities ();
  ck_assert_uint_gt (after->len, 10);
  ck_assert_uint_eq (count_prefix (after, "rev-"), 0);
  followup = find_key (after, "child-followup-visit");
  ck_assert (followup != NULL);
  ck_assert_int_eq (followup->due, hw_date_add_days (start, 7));
  ck_assert_int_eq (followup->part, HW_PART_CHILD);
  /* Per parent: one for the mother (the only parent with parental responsibility). */
  ck_assert_uint_eq (count_prefix (after, "parents-followup-talk@"), 1);
  /* Ten days in, nothing is long past: all still to do (or overdue), none dropped. */
  for (guint i = 0; i < after->len; i++)
    ck_assert_ptr_null (((HwActivity *) after->pdata[i])->dropped_reason);

  /* An edit of the placement is saved the same way and adds nothing. */
  {
    AUTO_RECORD HwMeasure *stored = hw_store_load (fx.store, HW_ENTITY_MEASURE, m->rec.id, &error);

    ck_assert (stored != NULL);
    g_free (stored->purpose);
    stored->purpose = g_strdup ("Trygg omsorg");
    ck_assert_msg (hw_service_save_record (fx.store, stored, &error), "%s",
                   error ? error->message : "");
  }
  again = stored_activities ();
  ck_assert_uint_eq (again->len, after->len);
}
END_TEST

/* Not a foster home (an institution, 1.x): no Omsorgspakke. */
START_TEST (test_institution_brings_none)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  AUTO_RECORD HwMeasure *m = hw_test_new_measure (fx.case_id, "1.1",
                                                hw_date_add_days (hw_date_today (), -10));

  ck_assert (hw_service_save_record (fx.store, m, &error));
  after = stored_activities ();
  ck_assert_uint_eq (after->len, 0);
}
END_TEST

/* A return home planned in a reunification assessment brings the reversed package. */
START_TEST (test_planned_return_brings_reversed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  AUTO_RECORD HwReunification *r = hw_record_new (HW_ENTITY_REUNIFICATION);
  HwDate today = hw_date_today ();

  r->case_id = g_strdup (fx.case_id);
  r->date = today;
  r->goal = HW_GOAL_RETURN_IN_PREPARATION;
  r->planned_return = hw_date_add_days (today, 60);
  ck_assert_msg (hw_service_save_record (fx.store, r, &error), "%s",
                 error ? error->message : "");
  after = stored_activities ();
  ck_assert_uint_gt (after->len, 5);
  ck_assert_uint_eq (count_prefix (after, "rev-"), after->len);
  ck_assert (find_key (after, "rev-child-return-plan") != NULL);
  ck_assert_int_eq (find_key (after, "rev-child-return-plan")->due,
                    hw_date_add_days (r->planned_return, -21));
}
END_TEST

/* A placement written before (hw_store_save, as older versions did) gets its activities from
 * the one-time upgrade: the long-past ones as not applicable, the rest to do; the upgrade is
 * recorded and does not run again (an activity dropped by hand since stays dropped: it is
 * not made again). */
START_TEST (test_upgrade_once)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *marker = NULL;
  AUTO_RECORD HwMeasure *m = hw_test_new_measure (fx.case_id, "2.1", hw_date_new (2026, 6, 1));
  guint dropped = 0, open = 0;
  HwActivity *a;

  ck_assert (hw_store_save (fx.store, m, &error));
  ck_assert_uint_eq (stored_activities ()->len, 0);
  ck_assert_msg (hw_service_upgrade_activities (fx.store, TODAY, &error), "%s",
                 error ? error->message : "");
  marker = hw_store_dup_setting (fx.store, HW_PLAN_ACTIVITIES_SETTING);
  ck_assert_str_eq (marker, "2026-11-23");
  after = stored_activities ();
  ck_assert_uint_gt (after->len, 10);
  for (guint i = 0; i < after->len; i++)
    {
      const HwActivity *x = after->pdata[i];
      HwActivityStatus status = hw_activity_get_status (x, TODAY);

      if (hw_date_add_days (x->due, HW_PLAN_LONG_PASSED_DAYS) <= TODAY)
        {
          ck_assert_int_eq (status, HW_ACTIVITY_DROPPED);
          dropped++;
        }
      else
        {
          ck_assert_int_ne (status, HW_ACTIVITY_DROPPED);
          open++;
        }
    }
  /* Moved in 1 June: the move-in steps are long past, the 12-month review is not. */
  ck_assert_uint_gt (dropped, 0);
  ck_assert_uint_gt (open, 0);
  a = find_key (after, "child-move-in-plan");
  ck_assert (a != NULL && a->dropped_reason != NULL);
  a = find_key (after, "foster-contract-review");
  ck_assert (a != NULL && a->dropped_reason == NULL);
  ck_assert_int_eq (hw_activity_get_status (a, TODAY), HW_ACTIVITY_PLANNED);

  /* Once: a second run (even a year later) writes nothing. */
  ck_assert (hw_store_delete_owned (fx.store, HW_ENTITY_ACTIVITY, fx.case_id, a->rec.id, &error));
  ck_assert (hw_service_upgrade_activities (fx.store, hw_date_new (2027, 11, 23), &error));
  again = stored_activities ();
  ck_assert_uint_eq (again->len, after->len - 1);
}
END_TEST

/* The demo, as `homeward-cli demo` writes it: every child with an active foster-home placement
 * has activities. */
START_TEST (test_demo_every_foster_child)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  HwDemoOptions options = { 120, 7, TODAY };
  g_autoptr(GPtrArray) cases = NULL;
  guint placed = 0, added = 0;

  ck_assert (hw_service_write_demo (store, &options, NULL, NULL, &error));
  ck_assert_msg (hw_service_follow_template_all (store, TODAY, &added, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_gt (added, 0);
  cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  for (guint i = 0; i < cases->len; i++)
    {
      const HwCase *c = cases->pdata[i];
      g_autoptr(HwDossier) d = hw_store_load_case (store, c->rec.id, &error);
      const HwMeasure *m = hw_dossier_current_placement (d, TODAY);
      GPtrArray *activities = hw_dossier_get (d, HW_ENTITY_ACTIVITY);

      if (m == NULL || !hw_measure_is_foster_home (m))
        continue;
      placed++;
      ck_assert_msg (activities->len > 0, "%s: in a foster home, no activities",
                     c->journal_no);
    }
  ck_assert_uint_gt (placed, 10);
  /* Running it again adds nothing. */
  added = 0;
  ck_assert (hw_service_follow_template_all (store, TODAY, &added, &error));
  ck_assert_uint_eq (added, 0);
  hw_test_remove_tree (dir);
}
END_TEST

static char *
plan_text (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) service = hw_service_new (fx.store, &error);
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", path, "-", NULL };
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *out = NULL;
  int status = 0;

  ck_assert (service != NULL);
  doc = hw_service_print_plan (fx.store, service, fx.journal_no, TODAY, HW_RECIPIENT_INTERNAL,
                               NULL, "Test", &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  ck_assert_msg (hw_document_write_pdf (doc, path, &error), "%s", error ? error->message : "");
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  ck_assert_msg (error == NULL && g_spawn_check_wait_status (status, NULL), "pdftotext");
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The plan prints the activities in the three parts; marking one done shows in the next
 * printout. */
START_TEST (test_done_changes_printout)
{
  g_autoptr(GError) error = NULL;
  AUTO_RECORD HwMeasure *m = hw_test_new_measure (fx.case_id, "2.1", hw_date_new (2026, 11, 1));
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwActivity *a;

  ck_assert (hw_service_save_record (fx.store, m, &error));
  /* The service's save uses the real today; count from the fixed TODAY here. */
  ck_assert (hw_service_follow_template (fx.store, NULL, fx.case_id, TODAY, NULL, &error));
  before = plan_text ("before.pdf");
  ck_assert_msg (strstr (before, "No activities recorded") == NULL, "%s", before);
  activities = stored_activities ();
  /* A title of each part is printed. */
  for (guint part = HW_PART_CHILD; part <= HW_PART_FOSTER_FAMILY; part++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < activities->len && !found; i++)
        {
          const HwActivity *x = activities->pdata[i];

          found = x->part == part && strstr (before, x->title) != NULL;
        }
      ck_assert_msg (found, "no activity of part %u printed", part);
    }
  ck_assert_uint_eq (count (before, "Done 20.11.2026"), 0);

  a = find_key (activities, "child-followup-visit");
  ck_assert (a != NULL);
  hw_activity_mark_done (a, hw_date_new (2026, 11, 20));
  ck_assert (hw_store_save (fx.store, a, &error));
  after = plan_text ("after.pdf");
  ck_assert_uint_eq (count (after, "Done 20.11.2026"), 1);
}
END_TEST


/* Activities made in English (`demo` from a C locale) print in nynorsk for a nynorsk reader;
 * a title the caseworker rewrote prints as written. */
START_TEST (test_printed_in_readers_language)
{
  g_autoptr(GError) error = NULL;
  AUTO_RECORD HwMeasure *m = hw_test_new_measure (fx.case_id, "2.1", hw_date_new (2026, 11, 1));
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(HwPlanTemplate) template = hw_plan_template_load_default (&error);
  g_autofree char *english = NULL;
  g_autofree char *nynorsk = NULL;
  HwActivity *a, *own;

  ck_assert (template != NULL);
  ck_assert (hw_service_save_record (fx.store, m, &error));
  ck_assert (hw_service_follow_template (fx.store, NULL, fx.case_id, TODAY, NULL, &error));
  activities = stored_activities ();
  a = find_key (activities, "child-followup-visit");
  own = find_key (activities, "child-tilsyn-visit");
  ck_assert (a != NULL && own != NULL);
  english = g_strdup (a->title);
  g_free (own->title);
  own->title = g_strdup ("Tilsyn etter eget opplegg");
  ck_assert (hw_store_save (fx.store, own, &error));

  hw_lang_set (HW_LANG_NN);
  hw_plan_template_localize_activity (template, a);
  nynorsk = g_strdup (a->title);
  hw_lang_set (HW_LANG_EN);
  ck_assert_str_ne (nynorsk, english);

  hw_lang_set (HW_LANG_NN);
  {
    g_autofree char *text = plan_text ("nn.pdf");

    hw_lang_set (HW_LANG_EN);
    ck_assert_msg (strstr (text, nynorsk) != NULL, "%s not in %s", nynorsk, text);
    ck_assert (strstr (text, english) == NULL);
    ck_assert (strstr (text, "Tilsyn etter eget opplegg") != NULL);
  }
}
END_TEST

static Suite *
activities_suite (void)
{
  Suite *s = suite_create ("plan-activities");
  TCase *tc = tcase_create ("follow-template");

  tcase_set_timeout (tc, 240);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_placement_brings_activities);
  tcase_add_test (tc, test_institution_brings_none);
  tcase_add_test (tc, test_planned_return_brings_reversed);
  tcase_add_test (tc, test_upgrade_once);
  tcase_add_test (tc, test_demo_every_foster_child);
  tcase_add_test (tc, test_done_changes_printout);
  tcase_add_test (tc, test_printed_in_readers_language);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  return hw_test_run_suite (activities_suite ());
}
