/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Omsorgspakke activity template: loading, validation, instantiation, status. */
#include "config.h"

#include <string.h>

#include "hw-activity.h"
#include "hw-activity-private.h"
#include "hw-plan-fixture.h"
#include "hw-service-template.h"
#include "hw-test-support.h"

#define D(y, m, d) hw_date_new ((y), (m), (d))

static HwActivity *
find_activity (GPtrArray *activities, const char *key)
{
  for (guint i = 0; i < activities->len; i++)
    {
      HwActivity *a = activities->pdata[i];

      if (g_strcmp0 (a->template_key, key) == 0)
        return a;
    }
  return NULL;
}

static guint
count_prefix (GPtrArray *activities, const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < activities->len; i++)
    {
      const char *key = ((HwActivity *) activities->pdata[i])->template_key;

      if (key && g_str_has_prefix (key, prefix))
        n++;
    }
  return n;
}

START_TEST (test_default_template)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPlanTemplate) tpl = hw_plan_template_load_default (&error);
  gboolean parts[3] = { FALSE, FALSE, FALSE };

  ck_assert_no_error (error);
  ck_assert (tpl != NULL);
  ck_assert_uint_ge (hw_plan_template_get_rows (tpl, HW_TEMPLATE_ORDINARY)->len, 20);
  ck_assert_uint_ge (hw_plan_template_get_rows (tpl, HW_TEMPLATE_REVERSED)->len, 8);
  ck_assert (hw_plan_template_get_description (tpl) != NULL);
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      GPtrArray *rows = hw_plan_template_get_rows (tpl, v);

      for (guint i = 0; i < rows->len; i++)
        {
          const HwTemplateRow *row = rows->pdata[i];
          gboolean nb = FALSE, en = FALSE;

          parts[row->part] = TRUE;
          ck_assert (row->basis == 'L' || row->basis == 'V' || row->basis == 'K');
          for (guint t = 0; t < row->titles->len; t++)
            {
              const HwLocalizedText *text = row->titles->pdata[t];

              nb = nb || g_str_equal (text->lang, "nb");
              en = en || g_str_equal (text->lang, "en");
            }
          ck_assert_msg (nb && en, "row %s needs nb and en titles", row->key);
          ck_assert_msg (row->source != NULL, "row %s has no source", row->key);
        }
    }
  ck_assert (parts[HW_PART_CHILD] && parts[HW_PART_PARENTS] && parts[HW_PART_FOSTER_FAMILY]);
  /* C locale: English. */
  ck_assert_str_eq (hw_template_row_get_title (hw_plan_template_find_row (tpl,
                                                                          "foster-contract",
                                                                          NULL)),
                    "Foster-home contract (national template) signed");
}
END_TEST

START_TEST (test_instantiate_ordinary)
{
  g_autoptr(HwPlanFixture) fx = hw_plan_fixture_new ();
  g_autoptr(HwDossier) fresh = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) again = NULL;
  HwTemplateAnchors anchors;
  HwActivity *a;
  GPtrArray *existing = hw_dossier_get (fx->dossier, HW_ENTITY_ACTIVITY);

  hw_template_anchors_from_dossier (fx->dossier, &anchors);
  ck_assert_date_eq (anchors.care_order, "2024-03-12");
  ck_assert_date_eq (anchors.move_in, "2024-03-20");
  ck_assert_uint_eq (anchors.return_date, HW_DATE_NONE);

  /* The fixture was made from the template: nothing new to add. */
  again = hw_plan_template_instantiate (fx->template, HW_TEMPLATE_ORDINARY, fx->dossier, NULL);
  ck_assert_uint_eq (again->len, 0);

  /* Due dates, repeats, per-parent rows. */
  a = find_activity (existing, "child-move-in-plan");
  ck_assert (a != NULL);
  ck_assert_date_eq (a->due, "2024-03-13");
  ck_assert_str_eq (a->basis, "V");
  ck_assert_int_eq (a->part, HW_PART_CHILD);
  ck_assert_uint_eq (count_prefix (existing, "child-followup-visit"), 4);
  a = find_activity (existing, "child-followup-visit/4");
  ck_assert (a != NULL);
  ck_assert_date_eq (a->due, "2024-12-27");
  a = find_activity (existing, "child-plan-evaluation");
  ck_assert_date_eq (a->due, "2024-06-20");
  a = find_activity (existing, "parents-samvaer-evaluation");
  ck_assert_date_eq (a->due, "2025-03-12");
  ck_assert_uint_eq (count_prefix (existing, "parents-first-conversation@"), 2);
  ck_assert_uint_eq (count_prefix (existing, "parents-followup-talk"), 6);
  for (guint i = 0; i < existing->len; i++)
    {
      a = existing->pdata[i];
      if (g_str_has_prefix (a->template_key ? a->template_key : "", "parents-first-conversation@"))
        ck_assert (strstr (a->participants, "Hanne Bråten") ||
                   strstr (a->participants, "Stian Ødegaard"));
    }
  ck_assert_uint_eq (count_prefix (existing, "rev-"), 0);

  /* Without a care order, its rows are left out. */
  fresh = hw_dossier_new (hw_record_copy (fx->dossier->root));
  {
    HwMeasure *m = hw_record_copy (hw_dossier_get (fx->dossier, HW_ENTITY_MEASURE)->pdata[0]);

    g_clear_pointer (&m->basis.chapter, g_free);
    m->basis.chapter = g_strdup ("3");
    g_free (m->basis.section);
    m->basis.section = g_strdup ("2");
    hw_dossier_add (fresh, m);
  }
  activities = hw_plan_template_instantiate (fx->template, HW_TEMPLATE_ORDINARY, fresh, NULL);
  ck_assert_uint_gt (activities->len, 10);
  ck_assert (find_activity (activities, "child-care-plan") == NULL);
  ck_assert (find_activity (activities, "parents-samvaer-evaluation") == NULL);
  ck_assert (find_activity (activities, "foster-contract") != NULL);
  /* No parents with parental responsibility: one joint activity. */
  ck_assert (find_activity (activities, "parents-followup-talk") != NULL);
}
END_TEST

START_TEST (test_instantiate_reversed)
{
  g_autoptr(HwPlanFixture) fx = hw_plan_fixture_new ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) reversed = NULL;
  HwReunification *r = hw_record_new (HW_ENTITY_REUNIFICATION);
  HwTemplateAnchors anchors;
  HwActivity *a;

  none = hw_plan_template_instantiate (fx->template, HW_TEMPLATE_REVERSED, fx->dossier, NULL);
  ck_assert_uint_eq (none->len, 0);

  /* A return home decided in an assessment. */
  r->case_id = g_strdup (((HwRecord *) fx->dossier->root)->id);
  r->date = D (2026, 11, 1);
  r->goal = HW_GOAL_RETURN_IN_PREPARATION;
  r->planned_return = D (2027, 1, 15);
  hw_dossier_add (fx->dossier, r);
  hw_template_anchors_from_dossier (fx->dossier, &anchors);
  ck_assert_date_eq (anchors.return_date, "2027-01-15");

  reversed = hw_plan_template_instantiate (fx->template, HW_TEMPLATE_REVERSED, fx->dossier,
                                           NULL);
  ck_assert_uint_gt (reversed->len, 10);
  a = find_activity (reversed, "rev-parents-expectations");
  ck_assert (a != NULL);
  ck_assert_date_eq (a->due, "2026-12-16");
  ck_assert_int_eq (a->part, HW_PART_PARENTS);
  ck_assert_uint_eq (count_prefix (reversed, "rev-child-followup-visit"), 6);
  ck_assert_uint_eq (count_prefix (reversed, "rev-parents-guidance-needs@"), 2);
  for (guint i = 0; i < reversed->len; i++)
    ck_assert (g_str_has_prefix (((HwActivity *) reversed->pdata[i])->template_key, "rev-"));
}
END_TEST

START_TEST (test_status)
{
  HwActivity *a = hw_activity_new_manual ("x", HW_PART_CHILD, "Noe", D (2026, 5, 1));
  g_autofree char *done = NULL;
  g_autofree char *dropped = NULL;

  ck_assert_int_eq (hw_activity_get_status (a, D (2026, 5, 1)), HW_ACTIVITY_PLANNED);
  ck_assert_int_eq (hw_activity_get_status (a, D (2026, 5, 2)), HW_ACTIVITY_OVERDUE);
  hw_activity_move (a, D (2026, 6, 1));
  ck_assert_int_eq (hw_activity_get_status (a, D (2026, 5, 2)), HW_ACTIVITY_PLANNED);
  hw_activity_drop (a, "Ikke aktuelt");
  ck_assert_int_eq (hw_activity_get_status (a, D (2026, 7, 2)), HW_ACTIVITY_DROPPED);
  dropped = hw_activity_dup_status_text (a, D (2026, 7, 2));
  ck_assert_str_eq (dropped, "Dropped: Ikke aktuelt");
  hw_activity_mark_done (a, D (2026, 6, 3));
  ck_assert_int_eq (hw_activity_get_status (a, D (2027, 1, 1)), HW_ACTIVITY_DONE);
  ck_assert (a->dropped_reason == NULL);
  done = hw_activity_dup_status_text (a, D (2027, 1, 1));
  ck_assert_str_eq (done, "Done 03.06.2026");
  hw_record_free (a);

  ck_assert_str_eq (hw_basis_to_label ("L"), "Law");
  ck_assert (hw_basis_to_label ("X") == NULL);
}
END_TEST

START_TEST (test_invalid_templates)
{
  static const char *const bad[] = {
    /* Not XML. */
    "<plan-template",
    /* Unknown part. */
    "<plan-template xmlns=\"https://homeward.no/ns/plan-template/1\" version=\"1\">\n"
    "<variant name=\"ordinary\">\n"
    "<row key=\"a\" part=\"cousins\" anchor=\"move-in\" responsible=\"caseworker\" basis=\"L\">"
    "<title lang=\"nb\">A</title></row></variant></plan-template>",
    /* A key used twice. */
    "<plan-template xmlns=\"https://homeward.no/ns/plan-template/1\" version=\"1\">\n"
    "<variant name=\"ordinary\">\n"
    "<row key=\"a\" part=\"child\" anchor=\"move-in\" responsible=\"caseworker\" basis=\"L\">"
    "<title lang=\"nb\">A</title></row>\n"
    "<row key=\"a\" part=\"child\" anchor=\"move-in\" responsible=\"caseworker\" basis=\"L\">"
    "<title lang=\"nb\">B</title></row></variant></plan-template>",
    /* No title. */
    "<plan-template xmlns=\"https://homeward.no/ns/plan-template/1\" version=\"1\">\n"
    "<variant name=\"ordinary\">\n"
    "<row key=\"a\" part=\"child\" anchor=\"move-in\" responsible=\"caseworker\" basis=\"L\"/>"
    "</variant></plan-template>",
    /* An external entity is not fetched. */
    "<!DOCTYPE plan-template [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<plan-template xmlns=\"https://homeward.no/ns/plan-template/1\" version=\"1\">&x;"
    "<variant name=\"ordinary\"/></plan-template>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwPlanTemplate) tpl = hw_plan_template_new_from_data (bad[i], -1, &error);

      ck_assert_msg (tpl == NULL, "template %u was accepted", i);
      ck_assert (error != NULL);
      ck_assert_msg (strstr (error->message, "line"), "no line in: %s", error->message);
    }
}
END_TEST

START_TEST (test_edit_and_store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPlanTemplate) tpl = hw_plan_template_load_default (&error);
  g_autoptr(HwPlanTemplate) loaded = NULL;
  g_autoptr(HwPlanTemplate) back = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  g_autofree char *xml = NULL;
  GPtrArray *rows = hw_plan_template_get_rows (tpl, HW_TEMPLATE_ORDINARY);
  guint n = rows->len;
  HwTemplateRow *row = hw_template_row_new ("child-extra-visit", HW_PART_CHILD);
  const HwTemplateRow *found;
  HwTemplateVariant variant;

  /* A municipality adds a row of its own and edits another. */
  row->offset_days = 3;
  row->basis = 'K';
  hw_template_row_set_title (row, "nb", "Besøk første uke & «velkomst»");
  hw_template_row_set_title (row, "en", "Visit in the first week");
  row->source = g_strdup ("Kommunal rutine <2026>");
  g_ptr_array_add (rows, row);
  hw_template_row_set_title (rows->pdata[0], "en", NULL);
  ck_assert (hw_plan_template_validate (tpl, &error));
  ck_assert (hw_service_save_plan_template (tpl, store, &error));

  loaded = hw_service_load_plan_template (store, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_plan_template_get_rows (loaded, HW_TEMPLATE_ORDINARY)->len, n + 1);
  found = hw_plan_template_find_row (loaded, "child-extra-visit", &variant);
  ck_assert (found != NULL);
  ck_assert_int_eq (variant, HW_TEMPLATE_ORDINARY);
  ck_assert_int_eq (found->offset_days, 3);
  ck_assert_str_eq (found->source, "Kommunal rutine <2026>");
  /* English gone from the first row: the C locale falls back to another language. */
  ck_assert_str_eq (hw_template_row_get_title (hw_plan_template_get_rows (loaded, 0)->pdata[0]),
                    "Plan for innflyttingen, laget sammen med barnet, foreldrene og "
                    "fosterhjemmet");
  xml = hw_plan_template_to_xml (loaded);
  ck_assert (strstr (xml, "Besøk første uke &amp; «velkomst»") != NULL);

  /* An invalid edit is refused and the stored template stays. */
  row = hw_template_row_new ("Not A Valid Key", HW_PART_CHILD);
  hw_template_row_set_title (row, "nb", "X");
  g_ptr_array_add (hw_plan_template_get_rows (loaded, HW_TEMPLATE_ORDINARY), row);
  ck_assert (!hw_service_save_plan_template (loaded, store, &error));
  ck_assert (error != NULL);
  g_clear_error (&error);

  /* Back to the default. */
  ck_assert (hw_service_save_plan_template (NULL, store, &error));
  back = hw_service_load_plan_template (store, &error);
  ck_assert_uint_eq (hw_plan_template_get_rows (back, HW_TEMPLATE_ORDINARY)->len, n);
  hw_test_remove_tree (dir);
}
END_TEST

START_TEST (test_keys)
{
  g_autofree char *a = hw_template_key_dup_row_key ("child-followup-visit/3@abc");
  g_autofree char *b = hw_template_key_dup_row_key ("parents-referrals@abc");
  g_autofree char *c = hw_template_key_dup_row_key ("foster-contract");

  ck_assert_str_eq (a, "child-followup-visit");
  ck_assert_str_eq (b, "parents-referrals");
  ck_assert_str_eq (c, "foster-contract");
  ck_assert (hw_template_key_dup_row_key (NULL) == NULL);
}
END_TEST

static Suite *
template_suite (void)
{
  Suite *s = suite_create ("plan-template");
  TCase *tc = tcase_create ("template");

  tcase_add_test (tc, test_default_template);
  tcase_add_test (tc, test_instantiate_ordinary);
  tcase_add_test (tc, test_instantiate_reversed);
  tcase_add_test (tc, test_status);
  tcase_add_test (tc, test_invalid_templates);
  tcase_add_test (tc, test_edit_and_store);
  tcase_add_test (tc, test_keys);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (template_suite ());
}
