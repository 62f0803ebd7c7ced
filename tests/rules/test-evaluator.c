/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every rule of rules.md on fixed dates: not applicable, ok (met), due soon, overdue and met
 * late, with every due date asserted to the day; the law-version boundary, the 2026 start of
 * the post-return offer, reduced visit frequency, the kinship/emergency grace, leap years and
 * month-end clamping. Fixtures are plain dossiers: no store. */
#include "config.h"

#include <string.h>

#include "rules-fixture.h"
#include "hw-finding-private.h"
#include "hw-legal-private.h"
#include "hw-settings-private.h"

#define EVAL(f, d, homes, today)                  \
  G_STMT_START {                                  \
    g_clear_pointer (&(f), g_ptr_array_unref);    \
    (f) = fx_eval ((d), (homes), (today));        \
  } G_STMT_END

#define EVAL_WITH(f, d, homes, settings, today)             \
  G_STMT_START {                                            \
    g_clear_pointer (&(f), g_ptr_array_unref);              \
    (f) = fx_eval_with ((d), (homes), (settings), (today)); \
  } G_STMT_END

static void
assert_text (char *owned, const char *expected)
{
  ck_assert_str_eq (owned, expected);
  g_free (owned);
}

static void
assert_contains (char *owned, const char *needle)
{
  ck_assert_msg (strstr (owned, needle) != NULL, "“%s” not in “%s”", needle, owned);
  g_free (owned);
}

/* ======== Plans ======== */

START_TEST (test_care_plan)
{
  g_autoptr(HwDossier) d = fx_case ("CP-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  const HwFinding *x;

  /* Care order 03.02.2025 (2021 act): due 42 days later, 17.03.2025. */
  fx_care_order (d, "BVL2021:5:1", "2025-02-03", NULL, 0);
  EVAL (f, d, NULL, "2025-02-05");
  fx_assert (fx_one (f, "CARE_PLAN", NULL), "ok", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-01");
  x = fx_one (f, "CARE_PLAN", NULL);
  fx_assert (x, "due-soon", "2025-03-17", FALSE, FALSE);
  assert_text (hw_finding_dup_explanation (x),
               "Ingen omsorgsplan registrert. Frist 42 dager etter vedtak 03.02.2025 (lokal "
               "rutine, barnevernsloven § 8-3 fjerde ledd). Registrer omsorgsplanen (plantype "
               "4), datert på eller etter vedtaket.");
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "omsorgsovertakelse 03.02.2025");
  assert_text (hw_finding_dup_settings_text (x), "care_plan_days=42, due_soon_days=30");
  ck_assert_int_eq (hw_finding_get_class (x), HW_RULE_CLASS_LOCAL);
  ck_assert_int_eq (hw_finding_get_subject_kind (x), HW_SUBJECT_CARE_ORDER);
  EVAL (f, d, NULL, "2025-03-17");
  fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-18");
  fx_assert (fx_one (f, "CARE_PLAN", NULL), "overdue", "2025-03-17", FALSE, FALSE);

  /* Neither a plan dated before the decision nor a preliminary plan meets it. */
  fx_plan (d, HW_PLAN_CARE, "2025-01-20");
  fx_plan (d, HW_PLAN_CARE_PRELIMINARY, "2025-03-01");
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "CARE_PLAN", NULL), "overdue", "2025-03-17", FALSE, FALSE);

  /* Met late. */
  fx_plan (d, HW_PLAN_CARE, "2025-03-20");
  EVAL (f, d, NULL, "2025-04-01");
  x = fx_one (f, "CARE_PLAN", NULL);
  fx_assert (x, "ok", "2025-03-17", TRUE, TRUE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2025-03-20");
  assert_contains (hw_finding_dup_explanation (x),
                   "Omsorgsplan registrert 20.03.2025. Registrert etter fristen.");

  /* Met on time: the earliest plan counts. */
  fx_plan (d, HW_PLAN_CARE, "2025-03-17");
  EVAL (f, d, NULL, "2025-04-01");
  x = fx_one (f, "CARE_PLAN", NULL);
  fx_assert (x, "ok", "2025-03-17", TRUE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2025-03-17");
  ck_assert_uint_eq (hw_finding_get_n_settings (x), 1);

  /* A plan dated after today is not known yet. */
  {
    g_autoptr(HwDossier) e = fx_case ("CP-2", "2015-03-14");

    fx_care_order (e, "BVL2021:5:1", "2025-02-03", NULL, 0);
    fx_plan (e, HW_PLAN_CARE, "2025-03-10");
    EVAL (f, e, NULL, "2025-03-05");
    fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2025-03-17", FALSE, FALSE);
  }
  /* Not applicable: no care order; an ended one. */
  {
    g_autoptr(HwDossier) none = fx_case ("CP-3", "2015-03-14");
    g_autoptr(HwDossier) ended = fx_case ("CP-4", "2015-03-14");

    EVAL (f, none, NULL, "2025-04-01");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
    fx_care_order (ended, "BVL2021:5:1", "2025-02-03", "2025-03-01", 1);
    EVAL (f, ended, NULL, "2025-03-01");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 1);
    EVAL (f, ended, NULL, "2025-03-02");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
  }
}
END_TEST

START_TEST (test_law_version_boundary)
{
  g_autoptr(HwDossier) old_act = fx_case ("LV-1", "2012-05-05");
  g_autoptr(HwDossier) new_act = fx_case ("LV-2", "2012-05-05");
  g_autoptr(GPtrArray) f = NULL;
  HwPerson *p;

  /* Decided 31.12.2022: the 1992 act's two plans, none of the 2021 act's. */
  fx_care_order (old_act, "BVL:4:12", "2022-12-31", NULL, 0);
  p = fx_person (old_act, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  (void) p;
  EVAL (f, old_act, NULL, "2023-01-20");
  ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
  ck_assert_uint_eq (fx_count (f, "SAMVAER_PLAN"), 0);
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "due-soon", "2023-02-11", FALSE, FALSE);
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "ok", "2024-12-31", FALSE, FALSE);
  assert_text (hw_finding_dup_source (fx_one (f, "PARENT_FIRST_CONTACT", NULL), HW_LANG_NB),
               "barnevernloven (1992) § 4-16");
  assert_text (hw_finding_dup_sources (fx_one (f, "PARENT_FIRST_CONTACT", NULL), HW_LANG_NB),
               "barnevernloven (1992) § 4-16; barnevernsloven § 8-3 andre ledd");

  /* Decided 01.01.2023: the 2021 act. */
  fx_care_order (new_act, "BVL2021:5:1", "2023-01-01", NULL, 0);
  fx_person (new_act, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  EVAL (f, new_act, NULL, "2023-01-20");
  ck_assert_uint_eq (fx_count (f, "CARE_PLAN_INTERIM_1992"), 0);
  ck_assert_uint_eq (fx_count (f, "CARE_PLAN_FINAL_1992"), 0);
  fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2023-02-12", FALSE, FALSE);
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "due-soon", "2023-02-12", FALSE, FALSE);
  assert_text (hw_finding_dup_source (fx_one (f, "PARENT_FIRST_CONTACT", NULL), HW_LANG_NB),
               "barnevernsloven § 8-3 andre ledd");
}
END_TEST

START_TEST (test_care_plan_interim_1992)
{
  g_autoptr(HwDossier) d = fx_case ("CI-1", "2012-05-05");
  g_autoptr(GPtrArray) f = NULL;

  fx_care_order (d, "BVL:4:12", "2022-12-31", NULL, 0);
  EVAL (f, d, NULL, "2023-01-01");
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "ok", "2023-02-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2023-01-20");
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "due-soon", "2023-02-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2023-03-01");
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "overdue", "2023-02-11", FALSE, FALSE);
  fx_plan (d, HW_PLAN_CARE, "2023-02-20");           /* a final plan also meets it: late */
  EVAL (f, d, NULL, "2023-03-01");
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "ok", "2023-02-11", TRUE, TRUE);
  fx_plan (d, HW_PLAN_CARE_PRELIMINARY, "2023-01-20");
  EVAL (f, d, NULL, "2023-03-01");
  fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "ok", "2023-02-11", TRUE, FALSE);

  /* 1992 § 4-8 2nd ledd counts as a care order; 1st ledd does not. */
  {
    g_autoptr(HwDossier) ledd2 = fx_case ("CI-2", "2012-05-05");
    g_autoptr(HwDossier) ledd1 = fx_case ("CI-3", "2012-05-05");

    fx_care_order (ledd2, "BVL:4:8:2", "2021-06-01", NULL, 0);
    fx_care_order (ledd1, "BVL:4:8:1", "2021-06-01", NULL, 0);
    EVAL (f, ledd2, NULL, "2021-06-20");
    fx_assert (fx_one (f, "CARE_PLAN_INTERIM_1992", NULL), "due-soon", "2021-07-13", FALSE,
               FALSE);
    EVAL (f, ledd1, NULL, "2021-06-10");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN_INTERIM_1992"), 0);
  }
}
END_TEST

START_TEST (test_care_plan_final_1992)
{
  g_autoptr(HwDossier) d = fx_case ("CF-1", "2012-05-05");
  g_autoptr(GPtrArray) f = NULL;

  fx_care_order (d, "BVL:4:12", "2022-12-31", NULL, 0);
  fx_plan (d, HW_PLAN_CARE_PRELIMINARY, "2023-01-10");   /* does not meet the final plan */
  EVAL (f, d, NULL, "2024-11-01");
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "ok", "2024-12-31", FALSE, FALSE);
  EVAL (f, d, NULL, "2024-12-10");
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "due-soon", "2024-12-31", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-01-10");
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "overdue", "2024-12-31", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (fx_one (f, "CARE_PLAN_FINAL_1992", NULL)),
                   "Frist 2 år etter fylkesnemndas vedtak 31.12.2022 (lovkrav, barnevernloven "
                   "(1992) § 4-15 tredje ledd)");
  fx_plan (d, HW_PLAN_CARE, "2025-01-05");
  EVAL (f, d, NULL, "2025-02-01");
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "ok", "2024-12-31", TRUE, TRUE);
  fx_plan (d, HW_PLAN_CARE, "2023-05-01");
  EVAL (f, d, NULL, "2025-02-01");
  fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "ok", "2024-12-31", TRUE, FALSE);

  /* Leap day: decided 29.02.2020, two years later is 28.02.2022. */
  {
    g_autoptr(HwDossier) leap = fx_case ("CF-2", "2012-05-05");

    fx_care_order (leap, "BVL:4:12", "2020-02-29", NULL, 0);
    EVAL (f, leap, NULL, "2022-02-01");
    fx_assert (fx_one (f, "CARE_PLAN_FINAL_1992", NULL), "due-soon", "2022-02-28", FALSE, FALSE);
  }
  /* Not applicable once the care order has ended ("still active"). */
  {
    g_autoptr(HwDossier) ended = fx_case ("CF-3", "2012-05-05");

    fx_care_order (ended, "BVL:4:12", "2022-12-31", "2023-06-30", 1);
    EVAL (f, ended, NULL, "2024-12-10");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN_FINAL_1992"), 0);
  }
}
END_TEST

START_TEST (test_care_plan_review)
{
  g_autoptr(HwDossier) d = fx_case ("CR-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  const HwFinding *x;
  HwPlan *plan;

  fx_care_order (d, "BVL2021:5:1", "2024-01-15", NULL, 0);
  EVAL (f, d, NULL, "2024-02-01");
  ck_assert_uint_eq (fx_count (f, "CARE_PLAN_REVIEW"), 0);     /* no care plan yet */

  /* Plan 10.02.2024: reviewed 12 months later. */
  plan = fx_plan (d, HW_PLAN_CARE, "2024-02-10");
  EVAL (f, d, NULL, "2024-06-01");
  fx_assert (fx_one (f, "CARE_PLAN_REVIEW", NULL), "ok", "2025-02-10", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-01-20");
  x = fx_one (f, "CARE_PLAN_REVIEW", NULL);
  fx_assert (x, "due-soon", "2025-02-10", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 12 måneder etter siste plan eller evaluering 10.02.2024");
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "CARE_PLAN_REVIEW", NULL), "overdue", "2025-02-10", FALSE, FALSE);

  /* An evaluation after the due date restarts the clock from its own date. */
  fx_plan_evaluation (d, plan, "2025-03-15");
  EVAL (f, d, NULL, "2025-04-01");
  x = fx_one (f, "CARE_PLAN_REVIEW", NULL);
  fx_assert (x, "ok", "2026-03-15", FALSE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2025-03-15");

  /* A newer care plan counts too. */
  fx_plan (d, HW_PLAN_CARE, "2025-05-31");
  EVAL (f, d, NULL, "2026-05-10");
  fx_assert (fx_one (f, "CARE_PLAN_REVIEW", NULL), "due-soon", "2026-05-31", FALSE, FALSE);

  /* Not applicable after the care order ended. */
  {
    g_autoptr(HwDossier) ended = fx_case ("CR-2", "2015-03-14");

    fx_care_order (ended, "BVL2021:5:1", "2024-01-15", "2024-12-31", 1);
    fx_plan (ended, HW_PLAN_CARE, "2024-02-10");
    EVAL (f, ended, NULL, "2025-03-01");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN_REVIEW"), 0);
  }
}
END_TEST

START_TEST (test_samvaer_plan)
{
  g_autoptr(HwDossier) d = fx_case ("SP-1", "2015-03-14");
  g_autoptr(HwDossier) old_act = fx_case ("SP-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;

  fx_care_order (d, "BVL2021:5:1", "2025-02-03", NULL, 0);
  EVAL (f, d, NULL, "2025-02-03");
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "ok", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-02-20");
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "due-soon", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-05-01");
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "overdue", "2025-03-17", FALSE, FALSE);
  fx_plan (d, HW_PLAN_SAMVAER, "2025-04-02");
  EVAL (f, d, NULL, "2025-05-01");
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "ok", "2025-03-17", TRUE, TRUE);
  fx_plan (d, HW_PLAN_SAMVAER, "2025-02-03");
  EVAL (f, d, NULL, "2025-05-01");
  fx_assert (fx_one (f, "SAMVAER_PLAN", NULL), "ok", "2025-03-17", TRUE, FALSE);

  fx_care_order (old_act, "BVL:4:12", "2022-12-31", NULL, 0);
  EVAL (f, old_act, NULL, "2023-01-20");
  ck_assert_uint_eq (fx_count (f, "SAMVAER_PLAN"), 0);
}
END_TEST

START_TEST (test_measure_plan)
{
  g_autoptr(HwDossier) d = fx_case ("MP-1", "2012-05-05");
  g_autoptr(GPtrArray) f = NULL;

  /* Voluntary placement 10.03.2025: due 14 days later; a plan from 30 days before counts. */
  fx_measure (d, "BVL2021:3:2", "1.1", "2025-03-10", NULL, 0);
  fx_plan (d, HW_PLAN_MEASURES, "2025-02-07");           /* 31 days before: too early */
  EVAL (f, d, NULL, "2025-03-10");
  fx_assert (fx_one (f, "MEASURE_PLAN", NULL), "due-soon", "2025-03-24", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-25");
  fx_assert (fx_one (f, "MEASURE_PLAN", NULL), "overdue", "2025-03-24", FALSE, FALSE);
  assert_text (hw_finding_dup_settings_text (fx_one (f, "MEASURE_PLAN", NULL)),
               "measure_plan_days=14, due_soon_days=30");
  fx_plan (d, HW_PLAN_MEASURES, "2025-03-30");
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "MEASURE_PLAN", NULL), "ok", "2025-03-24", TRUE, TRUE);
  fx_plan (d, HW_PLAN_MEASURES, "2025-02-08");           /* exactly 30 days before */
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "MEASURE_PLAN", NULL), "ok", "2025-03-24", TRUE, FALSE);
  ck_assert_int_eq (hw_finding_get_class (fx_one (f, "MEASURE_PLAN", NULL)),
                    HW_RULE_CLASS_GUIDANCE);

  /* The 1992 act's § 4-4; not a care order; not after the placement ended. */
  {
    g_autoptr(HwDossier) old_act = fx_case ("MP-2", "2012-05-05");
    g_autoptr(HwDossier) care = fx_case ("MP-3", "2012-05-05");
    g_autoptr(HwDossier) ended = fx_case ("MP-4", "2012-05-05");

    fx_measure (old_act, "BVL:4:4:6", "2.2", "2022-06-01", NULL, 0);
    EVAL (f, old_act, NULL, "2022-06-05");
    fx_assert (fx_one (f, "MEASURE_PLAN", NULL), "due-soon", "2022-06-15", FALSE, FALSE);
    fx_care_order (care, "BVL2021:5:1", "2025-03-10", NULL, 0);
    EVAL (f, care, NULL, "2025-03-12");
    ck_assert_uint_eq (fx_count (f, "MEASURE_PLAN"), 0);
    fx_measure (ended, "BVL2021:3:2", "1.1", "2025-03-10", "2025-03-20", 4);
    EVAL (f, ended, NULL, "2025-03-21");
    ck_assert_uint_eq (fx_count (f, "MEASURE_PLAN"), 0);
  }
}
END_TEST

START_TEST (test_measure_plan_eval)
{
  g_autoptr(HwDossier) d = fx_case ("ME-1", "2012-05-05");
  g_autoptr(GPtrArray) f = NULL;
  const HwFinding *x;
  HwPlan *old_plan, *plan;

  fx_measure (d, "BVL2021:3:2", "2.2", "2024-05-01", NULL, 0);
  EVAL (f, d, NULL, "2024-06-01");
  ck_assert_uint_eq (fx_count (f, "MEASURE_PLAN_EVAL"), 0);     /* no plan: not applicable */

  /* The latest plan, 30.11.2024: evaluated 3 months later, clamped to 28.02.2025. An
   * evaluation of the older plan does not count. */
  old_plan = fx_plan (d, HW_PLAN_MEASURES, "2024-05-01");
  fx_plan_evaluation (d, old_plan, "2024-12-15");
  plan = fx_plan (d, HW_PLAN_MEASURES, "2024-11-30");
  EVAL (f, d, NULL, "2024-12-20");
  x = fx_one (f, "MEASURE_PLAN_EVAL", NULL);
  fx_assert (x, "ok", "2025-02-28", FALSE, FALSE);
  ck_assert_str_eq (hw_finding_get_subject_id (x), plan->rec.id);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "tiltaksplan 30.11.2024");
  EVAL (f, d, NULL, "2025-02-10");
  fx_assert (fx_one (f, "MEASURE_PLAN_EVAL", NULL), "due-soon", "2025-02-28", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-05");
  fx_assert (fx_one (f, "MEASURE_PLAN_EVAL", NULL), "overdue", "2025-02-28", FALSE, FALSE);
  fx_plan_evaluation (d, plan, "2025-03-10");             /* late: the clock restarts */
  EVAL (f, d, NULL, "2025-03-15");
  x = fx_one (f, "MEASURE_PLAN_EVAL", NULL);
  fx_assert (x, "ok", "2025-06-10", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "Siste evaluering 10.03.2025. Frist 3 måneder etter siste evaluering "
                   "10.03.2025 (veiledende frist, barnevernsloven § 8-1).");

  /* Leap year: 30.11.2023 + 3 months = 29.02.2024. */
  {
    g_autoptr(HwDossier) leap = fx_case ("ME-2", "2012-05-05");

    fx_measure (leap, "BVL2021:3:2", "2.2", "2023-11-01", NULL, 0);
    fx_plan (leap, HW_PLAN_MEASURES, "2023-11-30");
    EVAL (f, leap, NULL, "2024-02-01");
    fx_assert (fx_one (f, "MEASURE_PLAN_EVAL", NULL), "due-soon", "2024-02-29", FALSE, FALSE);
  }
  /* Not applicable without an active voluntary placement. */
  {
    g_autoptr(HwDossier) ended = fx_case ("ME-3", "2012-05-05");

    fx_measure (ended, "BVL2021:3:2", "2.2", "2024-05-01", "2024-12-31", 4);
    fx_plan (ended, HW_PLAN_MEASURES, "2024-11-30");
    EVAL (f, ended, NULL, "2025-03-05");
    ck_assert_uint_eq (fx_count (f, "MEASURE_PLAN_EVAL"), 0);
  }
}
END_TEST

START_TEST (test_aftercare_plan)
{
  g_autoptr(HwDossier) d = fx_case ("AP-1", "2007-05-20");
  g_autoptr(GPtrArray) f = NULL;
  const HwFinding *x;

  /* 18 on 20.05.2025: the plan is due 42 days later, 01.07.2025. */
  fx_measure (d, "BVL2021:3:1", "4.1", "2024-01-01", NULL, 0);
  EVAL (f, d, NULL, "2025-05-19");
  ck_assert_uint_eq (fx_count (f, "AFTERCARE_PLAN"), 0);       /* not 18 yet */
  EVAL (f, d, NULL, "2025-05-20");
  x = fx_one (f, "AFTERCARE_PLAN", NULL);
  fx_assert (x, "ok", "2025-07-01", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "Testa Testesen");
  ck_assert_int_eq (hw_finding_get_subject_kind (x), HW_SUBJECT_CASE);
  EVAL (f, d, NULL, "2025-06-15");
  fx_assert (fx_one (f, "AFTERCARE_PLAN", NULL), "due-soon", "2025-07-01", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-07-02");
  fx_assert (fx_one (f, "AFTERCARE_PLAN", NULL), "overdue", "2025-07-01", FALSE, FALSE);
  fx_plan (d, HW_PLAN_AFTERCARE, "2025-07-10");
  EVAL (f, d, NULL, "2025-08-01");
  fx_assert (fx_one (f, "AFTERCARE_PLAN", NULL), "ok", "2025-07-01", TRUE, TRUE);
  fx_plan (d, HW_PLAN_AFTERCARE, "2025-05-01");
  EVAL (f, d, NULL, "2025-08-01");
  fx_assert (fx_one (f, "AFTERCARE_PLAN", NULL), "ok", "2025-07-01", TRUE, FALSE);

  /* Born on a leap day: 18 on 28.02.2026, plan due 11.04.2026. */
  {
    g_autoptr(HwDossier) leap = fx_case ("AP-2", "2008-02-29");

    fx_measure (leap, "BVL2021:3:1", "4.1", "2024-01-01", NULL, 0);
    EVAL (f, leap, NULL, "2026-03-20");
    fx_assert (fx_one (f, "AFTERCARE_PLAN", NULL), "due-soon", "2026-04-11", FALSE, FALSE);
  }
  /* Not applicable without an active measure. */
  {
    g_autoptr(HwDossier) none = fx_case ("AP-3", "2007-05-20");

    fx_measure (none, "BVL2021:3:1", "4.1", "2024-01-01", "2025-05-19", 4);
    EVAL (f, none, NULL, "2025-06-15");
    ck_assert_uint_eq (fx_count (f, "AFTERCARE_PLAN"), 0);
  }
}
END_TEST

START_TEST (test_foster_family_plan)
{
  g_autoptr(GHashTable) homes = fx_homes_new ();
  g_autoptr(HwDossier) d = fx_case ("FF-1", "2015-03-14");
  g_autoptr(HwDossier) before = fx_case ("FF-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwDossier *home = fx_home (homes, "Familien Berg", HW_HOME_ORDINARY);

  fx_placement (d, home, "BVL2021:5:1", "2.2", "2024-03-01", NULL);
  EVAL (f, d, homes, "2024-03-01");
  fx_assert (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), "ok", "2024-04-12", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), HW_LANG_NB),
               "Familien Berg");
  EVAL (f, d, homes, "2024-04-01");
  fx_assert (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), "due-soon", "2024-04-12", FALSE, FALSE);
  EVAL (f, d, homes, "2024-05-01");
  fx_assert (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), "overdue", "2024-04-12", FALSE, FALSE);
  fx_plan (d, HW_PLAN_FOSTER_FAMILY, "2024-04-20");
  EVAL (f, d, homes, "2024-05-01");
  fx_assert (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), "ok", "2024-04-12", TRUE, TRUE);
  fx_plan (d, HW_PLAN_FOSTER_FAMILY, "2024-03-20");
  EVAL (f, d, homes, "2024-05-01");
  fx_assert (fx_one (f, "FOSTER_FAMILY_PLAN", NULL), "ok", "2024-04-12", TRUE, FALSE);

  /* Placements from before 2024 are judged by the 2003 regulation: no such duty. */
  fx_placement (before, home, "BVL2021:5:1", "2.2", "2023-12-31", NULL);
  EVAL (f, before, homes, "2024-02-01");
  ck_assert_uint_eq (fx_count (f, "FOSTER_FAMILY_PLAN"), 0);
}
END_TEST

/* ======== Parents and reunification ======== */

START_TEST (test_parent_first_contact)
{
  g_autoptr(HwDossier) d = fx_case ("PC-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwPerson *mother, *father;
  const HwFinding *x;

  fx_care_order (d, "BVL2021:5:1", "2025-02-03", NULL, 0);
  mother = fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  father = fx_person (d, "Ola Nordmann", HW_RELATION_FATHER, FALSE);
  fx_followup (d, father, HW_FOLLOWUP_FIRST_CONTACT, "2025-02-05", TRUE);
  fx_followup (d, mother, HW_FOLLOWUP_FIRST_CONTACT, "2025-01-30", TRUE);  /* before: no */
  fx_followup (d, mother, HW_FOLLOWUP_CONTACT, "2025-02-06", FALSE);       /* no guidance */

  EVAL (f, d, NULL, "2025-02-03");
  ck_assert_uint_eq (fx_count (f, "PARENT_FIRST_CONTACT"), 1);  /* the father has no
                                                                 * parental responsibility */
  x = fx_one (f, "PARENT_FIRST_CONTACT", "Kari Nordmann");
  fx_assert (x, "due-soon", "2025-02-17", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "Kari Nordmann");
  assert_contains (hw_finding_dup_explanation (x),
                   "Ingen kontakt med tilbud om veiledning registrert for Kari Nordmann. Frist "
                   "14 dager etter vedtak 03.02.2025 (veiledende frist, barnevernsloven § 8-3 "
                   "andre ledd).");
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "PARENT_FIRST_CONTACT", NULL), "overdue", "2025-02-17", FALSE, FALSE);
  fx_followup (d, mother, HW_FOLLOWUP_CONTACT, "2025-02-20", TRUE);
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "PARENT_FIRST_CONTACT", NULL), "ok", "2025-02-17", TRUE, TRUE);
  fx_followup (d, mother, HW_FOLLOWUP_FIRST_CONTACT, "2025-02-10", TRUE);
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "PARENT_FIRST_CONTACT", NULL), "ok", "2025-02-17", TRUE, FALSE);
  EVAL (f, d, NULL, "2025-02-03");   /* the contacts are later than today: not known yet */
  ck_assert_uint_eq (fx_count (f, "PARENT_FIRST_CONTACT"), 1);
  ck_assert_int_eq (hw_finding_is_met (fx_one (f, "PARENT_FIRST_CONTACT", NULL)), FALSE);
}
END_TEST

START_TEST (test_reunification_goal)
{
  g_autoptr(HwDossier) d = fx_case ("RG-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;

  fx_care_order (d, "BVL2021:5:1", "2025-02-03", NULL, 0);
  fx_reunification (d, "2025-02-20", HW_GOAL_NONE, "Vurdert", NULL);   /* sets no goal */
  EVAL (f, d, NULL, "2025-02-04");
  fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "ok", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "due-soon", "2025-03-17", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-18");
  fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "overdue", "2025-03-17", FALSE, FALSE);
  fx_reunification (d, "2025-04-01", HW_GOAL_LONG_TERM, "Langvarig", NULL);
  EVAL (f, d, NULL, "2025-04-02");
  fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "ok", "2025-03-17", TRUE, TRUE);
  fx_reunification (d, "2025-03-01", HW_GOAL_RETURN_HOME, "Hjem", NULL);
  EVAL (f, d, NULL, "2025-04-02");
  fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "ok", "2025-03-17", TRUE, FALSE);

  /* Settings change the figure, and the finding says which it used. */
  {
    g_autoptr(HwSettings) s = fx_settings ();
    g_autoptr(HwDossier) e = fx_case ("RG-2", "2015-03-14");

    ck_assert (hw_settings_set (s, "care_plan_days", 30, NULL));
    fx_care_order (e, "BVL2021:5:1", "2025-02-03", NULL, 0);
    EVAL_WITH (f, e, NULL, s, "2025-03-01");
    fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "due-soon", "2025-03-05", FALSE, FALSE);
    fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2025-03-05", FALSE, FALSE);
    assert_text (hw_finding_dup_settings_text (fx_one (f, "REUNIFICATION_GOAL", NULL)),
                 "care_plan_days=30, due_soon_days=30");
    /* The window is a setting too: with 10 days, 17.03 is not yet due soon on 01.03. */
    ck_assert (hw_settings_set (s, "care_plan_days", 42, NULL));
    ck_assert (hw_settings_set (s, "due_soon_days", 10, NULL));
    EVAL_WITH (f, e, NULL, s, "2025-03-01");
    fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "ok", "2025-03-17", FALSE, FALSE);
    EVAL_WITH (f, e, NULL, s, "2025-03-07");
    fx_assert (fx_one (f, "REUNIFICATION_GOAL", NULL), "due-soon", "2025-03-17", FALSE, FALSE);
  }
  /* Not applicable once the care order has ended, nor without one. */
  {
    g_autoptr(HwDossier) ended = fx_case ("RG-3", "2015-03-14");
    g_autoptr(HwDossier) voluntary = fx_case ("RG-4", "2015-03-14");

    fx_care_order (ended, "BVL2021:5:1", "2025-02-03", "2025-03-10", 1);
    EVAL (f, ended, NULL, "2025-03-11");
    ck_assert_uint_eq (fx_count (f, "REUNIFICATION_GOAL"), 0);
    fx_measure (voluntary, "BVL2021:3:2", "2.2", "2025-02-03", NULL, 0);
    EVAL (f, voluntary, NULL, "2025-03-11");
    ck_assert_uint_eq (fx_count (f, "REUNIFICATION_GOAL"), 0);
  }
}
END_TEST

START_TEST (test_reunification_review)
{
  g_autoptr(HwDossier) d = fx_case ("RR-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;

  /* Decided 29.02.2024: 12 months later is 28.02.2025. */
  fx_care_order (d, "BVL2021:5:1", "2024-02-29", NULL, 0);
  EVAL (f, d, NULL, "2024-03-01");
  fx_assert (fx_one (f, "REUNIFICATION_REVIEW", NULL), "ok", "2025-02-28", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-02-01");
  fx_assert (fx_one (f, "REUNIFICATION_REVIEW", NULL), "due-soon", "2025-02-28", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-10");
  fx_assert (fx_one (f, "REUNIFICATION_REVIEW", NULL), "overdue", "2025-02-28", FALSE, FALSE);
  fx_reunification (d, "2025-04-01", HW_GOAL_NONE, "Vurdert", NULL);    /* late */
  EVAL (f, d, NULL, "2025-04-02");
  fx_assert (fx_one (f, "REUNIFICATION_REVIEW", NULL), "ok", "2026-04-01", FALSE, FALSE);
  EVAL (f, d, NULL, "2026-03-15");
  fx_assert (fx_one (f, "REUNIFICATION_REVIEW", NULL), "due-soon", "2026-04-01", FALSE, FALSE);

  /* The 18th birthday ends the care order, and with it the duty. */
  {
    g_autoptr(HwDossier) adult = fx_case ("RR-2", "2007-05-20");

    fx_care_order (adult, "BVL2021:5:1", "2024-02-29", NULL, 0);
    EVAL (f, adult, NULL, "2025-05-19");
    ck_assert_uint_eq (fx_count (f, "REUNIFICATION_REVIEW"), 1);
    EVAL (f, adult, NULL, "2025-05-20");
    ck_assert_uint_eq (fx_count (f, "REUNIFICATION_REVIEW"), 0);
  }
}
END_TEST

START_TEST (test_goal_abandoned_grounds)
{
  g_autoptr(HwDossier) d = fx_case ("GA-1", "2015-03-14");
  g_autoptr(HwDossier) none = fx_case ("GA-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwReunification *r;

  fx_care_order (d, "BVL2021:5:1", "2024-01-10", NULL, 0);
  r = fx_reunification (d, "2025-05-05", HW_GOAL_ABANDONED, "  ", NULL);
  EVAL (f, d, NULL, "2025-05-04");
  ck_assert_uint_eq (fx_count (f, "GOAL_ABANDONED_GROUNDS"), 0);   /* not yet assessed */
  EVAL (f, d, NULL, "2025-05-05");
  fx_assert (fx_one (f, "GOAL_ABANDONED_GROUNDS", NULL), "due-soon", "2025-05-05", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-06-01");
  fx_assert (fx_one (f, "GOAL_ABANDONED_GROUNDS", NULL), "overdue", "2025-05-05", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (fx_one (f, "GOAL_ABANDONED_GROUNDS", NULL), HW_LANG_NB),
               "mål endret 05.05.2025");
  /* Written grounds meet it on the day of the assessment: it cannot be met late, the grounds
   * being part of the assessment itself. */
  g_free (r->grounds);
  r->grounds = g_strdup ("Barnet har sterk tilknytning til fosterhjemmet.");
  EVAL (f, d, NULL, "2025-06-01");
  fx_assert (fx_one (f, "GOAL_ABANDONED_GROUNDS", NULL), "ok", "2025-05-05", TRUE, FALSE);

  EVAL (f, none, NULL, "2025-06-01");
  ck_assert_uint_eq (fx_count (f, "GOAL_ABANDONED_GROUNDS"), 0);
}
END_TEST

/* A workflow duty from the engine like every other (issue 14 §2): the caseload used to list
 * agreements awaiting a team leader's approval by a rule of its own. Due
 * samvaer_approval_days (14) after the agreement's start; also for one not yet begun. */
START_TEST (test_samvaer_agreement_approval)
{
  g_autoptr(HwDossier) d = fx_case ("SA-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwPerson *mother = fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  HwSamvaerAgreement *a = fx_agreement (d, mother, "2025-03-01", NULL);
  const HwFinding *x;

  /* Not yet begun, due in 30 days or less: due soon (the caseload listed it as pending). */
  EVAL (f, d, NULL, "2025-02-20");
  x = fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL);
  fx_assert (x, "due-soon", "2025-03-15", FALSE, FALSE);
  ck_assert_int_eq (hw_rule_get_class (hw_finding_get_rule (x)), HW_RULE_CLASS_LOCAL);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "samvær med Kari Nordmann");
  EVAL (f, d, NULL, "2025-01-10");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "ok", "2025-03-15", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-16");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "overdue", "2025-03-15", FALSE,
             FALSE);
  /* An approval dated after today is not yet known. */
  a->approved_date = D ("2025-03-20");
  EVAL (f, d, NULL, "2025-03-16");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "overdue", "2025-03-15", FALSE,
             FALSE);
  /* Met, late. */
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "ok", "2025-03-15", TRUE, TRUE);
  /* Met in time. */
  a->approved_date = D ("2025-02-25");
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "ok", "2025-03-15", TRUE, FALSE);

  /* Not applicable: an agreement that has ended, or no agreement at all. */
  {
    g_autoptr(HwDossier) ended = fx_case ("SA-2", "2015-03-14");
    HwPerson *p = fx_person (ended, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);

    EVAL (f, ended, NULL, "2025-03-10");
    ck_assert_uint_eq (fx_count (f, "SAMVAER_AGREEMENT_APPROVAL"), 0);
    fx_agreement (ended, p, "2024-02-01", "2025-01-31");
    EVAL (f, ended, NULL, "2025-03-10");
    ck_assert_uint_eq (fx_count (f, "SAMVAER_AGREEMENT_APPROVAL"), 0);
    /* …but on its last day it is still owed. */
    EVAL (f, ended, NULL, "2025-01-31");
    ck_assert_uint_eq (fx_count (f, "SAMVAER_AGREEMENT_APPROVAL"), 1);
  }

  /* The setting is the municipality's. */
  {
    g_autoptr(HwSettings) settings = fx_settings ();
    g_autoptr(GError) error = NULL;

    a->approved_date = HW_DATE_NONE;
    ck_assert (hw_settings_set (settings, "samvaer_approval_days", 0, &error));
    EVAL_WITH (f, d, NULL, settings, "2025-03-02");
    fx_assert (fx_one (f, "SAMVAER_AGREEMENT_APPROVAL", NULL), "overdue", "2025-03-01", FALSE,
               FALSE);
  }
}
END_TEST

START_TEST (test_samvaer_evaluation)
{
  g_autoptr(HwDossier) d = fx_case ("SE-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwPerson *mother;
  HwSamvaerAgreement *a;
  const HwFinding *x;

  fx_care_order (d, "BVL2021:5:1", "2024-01-10", NULL, 0);
  mother = fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  /* From 29.02.2024: first evaluation due 28.02.2025. */
  a = fx_agreement (d, mother, "2024-02-29", NULL);
  EVAL (f, d, NULL, "2024-06-01");
  x = fx_one (f, "SAMVAER_EVALUATION", NULL);
  fx_assert (x, "ok", "2025-02-28", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "samvær med Kari Nordmann");
  EVAL (f, d, NULL, "2025-02-10");
  fx_assert (fx_one (f, "SAMVAER_EVALUATION", NULL), "due-soon", "2025-02-28", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-10");
  fx_assert (fx_one (f, "SAMVAER_EVALUATION", NULL), "overdue", "2025-02-28", FALSE, FALSE);
  fx_samvaer_evaluation (d, a, "2025-03-20");
  EVAL (f, d, NULL, "2025-04-01");
  fx_assert (fx_one (f, "SAMVAER_EVALUATION", NULL), "ok", "2026-03-20", FALSE, FALSE);

  /* Not applicable once the agreement has ended; a plan of type 6 is not an agreement. */
  {
    g_autoptr(HwDossier) ended = fx_case ("SE-2", "2015-03-14");
    HwPerson *p = fx_person (ended, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);

    fx_agreement (ended, p, "2024-02-01", "2025-01-31");
    fx_plan (ended, HW_PLAN_SAMVAER, "2024-02-01");
    EVAL (f, ended, NULL, "2025-03-10");
    ck_assert_uint_eq (fx_count (f, "SAMVAER_EVALUATION"), 0);
  }
}
END_TEST

START_TEST (test_return_plan)
{
  g_autoptr(HwDossier) d = fx_case ("RP-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwReunification *goal;

  fx_care_order (d, "BVL2021:5:1", "2024-01-10", NULL, 0);
  fx_reunification (d, "2024-12-01", HW_GOAL_RETURN_IN_PREPARATION, "Snart", NULL);  /* no date */
  EVAL (f, d, NULL, "2025-01-01");
  ck_assert_uint_eq (fx_count (f, "RETURN_PLAN"), 0);

  goal = fx_reunification (d, "2025-01-10", HW_GOAL_RETURN_IN_PREPARATION, "Forberedes",
                           "2025-04-01");
  EVAL (f, d, NULL, "2025-02-01");
  fx_assert (fx_one (f, "RETURN_PLAN", NULL), "ok", "2025-04-01", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (fx_one (f, "RETURN_PLAN", NULL), HW_LANG_NB),
               "tilbakeføring 01.04.2025");
  EVAL (f, d, NULL, "2025-03-15");
  fx_assert (fx_one (f, "RETURN_PLAN", NULL), "due-soon", "2025-04-01", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-04-05");
  fx_assert (fx_one (f, "RETURN_PLAN", NULL), "overdue", "2025-04-01", FALSE, FALSE);
  fx_plan (d, HW_PLAN_RETURN, "2025-04-03");
  EVAL (f, d, NULL, "2025-04-10");
  fx_assert (fx_one (f, "RETURN_PLAN", NULL), "ok", "2025-04-01", TRUE, TRUE);
  fx_plan (d, HW_PLAN_RETURN, "2025-03-01");
  EVAL (f, d, NULL, "2025-04-10");
  fx_assert (fx_one (f, "RETURN_PLAN", NULL), "ok", "2025-04-01", TRUE, FALSE);
  ck_assert_str_eq (hw_finding_get_subject_id (fx_one (f, "RETURN_PLAN", NULL)), goal->rec.id);

  /* An actual return recorded before the planned date becomes the due date. */
  {
    g_autoptr(HwDossier) early = fx_case ("RP-2", "2015-03-14");

    fx_care_order (early, "BVL2021:5:1", "2024-01-10", NULL, 0);
    fx_reunification (early, "2025-01-10", HW_GOAL_RETURN_IN_PREPARATION, "x", "2025-04-01");
    fx_return (early, "2025-03-20", NULL);
    EVAL (f, early, NULL, "2025-03-25");
    fx_assert (fx_one (f, "RETURN_PLAN", NULL), "overdue", "2025-03-20", FALSE, FALSE);
  }
  /* A revocation seen only as an ended measure does not trigger it. */
  {
    g_autoptr(HwDossier) ended = fx_case ("RP-3", "2015-03-14");

    fx_care_order (ended, "BVL2021:5:1", "2024-01-10", "2025-03-01", 1);
    EVAL (f, ended, NULL, "2025-03-25");
    ck_assert_uint_eq (fx_count (f, "RETURN_PLAN"), 0);
  }
}
END_TEST

START_TEST (test_post_return_offer)
{
  g_autoptr(HwDossier) d = fx_case ("PR-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwReturn *ret;
  const HwFinding *x;

  /* Returned home 02.02.2026 (Opphevelse 1): offer due 14 days later. */
  fx_care_order (d, "BVL2021:5:1", "2024-01-10", "2026-02-02", 1);
  EVAL (f, d, NULL, "2026-02-02");
  ck_assert_uint_eq (fx_count (f, "POST_RETURN_OFFER"), 0);    /* not ended before today */
  EVAL (f, d, NULL, "2026-02-05");
  x = fx_one (f, "POST_RETURN_OFFER", NULL);
  fx_assert (x, "due-soon", "2026-02-16", FALSE, FALSE);
  ck_assert_str_eq (hw_finding_get_class_label (x, HW_LANG_NB),
                    "lovkrav (tilbudet) / lokal rutine (fristen)");
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 14 dager etter tilbakeføringen 02.02.2026 (lovkrav (tilbudet) / lokal "
                   "rutine (fristen), endringer i barnevernsloven fra 1.1.2026 (paragraf ikke "
                   "verifisert)).");
  EVAL (f, d, NULL, "2026-03-01");
  fx_assert (fx_one (f, "POST_RETURN_OFFER", NULL), "overdue", "2026-02-16", FALSE, FALSE);
  ret = fx_return (d, "2026-02-02", "2026-02-20");
  EVAL (f, d, NULL, "2026-03-01");
  fx_assert (fx_one (f, "POST_RETURN_OFFER", NULL), "ok", "2026-02-16", TRUE, TRUE);
  ret->offer_date = D ("2026-02-10");
  EVAL (f, d, NULL, "2026-03-01");
  fx_assert (fx_one (f, "POST_RETURN_OFFER", NULL), "ok", "2026-02-16", TRUE, FALSE);

  /* Starts 1 January 2026: a return on 31.12.2025 is not covered, one on 01.01.2026 is. */
  {
    g_autoptr(HwDossier) before = fx_case ("PR-2", "2015-03-14");
    g_autoptr(HwDossier) first = fx_case ("PR-3", "2015-03-14");
    g_autoptr(HwDossier) other = fx_case ("PR-4", "2015-03-14");

    fx_care_order (before, "BVL2021:5:1", "2024-01-10", "2025-12-31", 1);
    EVAL (f, before, NULL, "2026-01-10");
    ck_assert_uint_eq (fx_count (f, "POST_RETURN_OFFER"), 0);
    fx_care_order (first, "BVL2021:5:1", "2024-01-10", "2026-01-01", 1);
    EVAL (f, first, NULL, "2026-01-10");
    fx_assert (fx_one (f, "POST_RETURN_OFFER", NULL), "due-soon", "2026-01-15", FALSE, FALSE);
    /* Ended for another reason (4 = other). */
    fx_care_order (other, "BVL2021:5:1", "2024-01-10", "2026-02-02", 4);
    EVAL (f, other, NULL, "2026-02-05");
    ck_assert_uint_eq (fx_count (f, "POST_RETURN_OFFER"), 0);
  }
}
END_TEST

/* ======== Foster homes ======== */

typedef struct {
  GHashTable   *homes;
  HwDossier    *home;
  HwHomeMember *mother;
  HwHomeMember *father;
  HwHomeMember *teen;      /* 16 at move-in */
  HwHomeMember *child;     /* 14 at move-in */
} Home;

static void
make_home (Home *h, HwHomeKind kind)
{
  h->homes = fx_homes_new ();
  h->home = fx_home (h->homes, "Familien Berg", kind);
  h->mother = fx_member (h->home, "Anne Berg", HW_MEMBER_FOSTER_PARENT, "1980-01-01");
  h->father = fx_member (h->home, "Per Berg", HW_MEMBER_FOSTER_PARENT, "1979-01-01");
  h->teen = fx_member (h->home, "Siri Berg", HW_MEMBER_HOUSEHOLD, "2008-06-01");
  h->child = fx_member (h->home, "Lars Berg", HW_MEMBER_HOUSEHOLD, "2011-01-01");
}

static void
clear_home (Home *h)
{
  g_clear_pointer (&h->homes, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Home, clear_home)

START_TEST (test_foster_home_approval)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("FA-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwHomeEvidence *approval;

  make_home (&h, HW_HOME_ORDINARY);
  fx_placement (d, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
  /* A general approval and a preliminary one do not approve the home for this child. */
  fx_evidence (h.home, NULL, NULL, HW_EVIDENCE_APPROVAL, "2024-06-01", FALSE);
  fx_evidence (h.home, d, NULL, HW_EVIDENCE_APPROVAL_PRELIMINARY, "2025-02-20", FALSE);
  EVAL (f, d, h.homes, "2025-03-01");
  fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "due-soon", "2025-03-01", FALSE, FALSE);
  ck_assert_int_eq (hw_finding_get_class (fx_one (f, "FOSTER_HOME_APPROVAL", NULL)),
                    HW_RULE_CLASS_LAW);
  EVAL (f, d, h.homes, "2025-03-02");
  fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "overdue", "2025-03-01", FALSE, FALSE);
  approval = fx_evidence (h.home, d, NULL, HW_EVIDENCE_APPROVAL, "2025-03-15", FALSE);
  EVAL (f, d, h.homes, "2025-04-01");
  fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "ok", "2025-03-01", TRUE, TRUE);
  approval->date = D ("2025-02-20");
  EVAL (f, d, h.homes, "2025-04-01");
  fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "ok", "2025-03-01", TRUE, FALSE);

  /* Not applicable: an institution; a placement that ended. */
  {
    g_autoptr(HwDossier) inst = fx_case ("FA-2", "2015-03-14");
    g_autoptr(HwDossier) ended = fx_case ("FA-3", "2015-03-14");

    fx_measure (inst, "BVL2021:5:1", "1.1", "2025-03-01", NULL, 0);
    EVAL (f, inst, h.homes, "2025-04-01");
    ck_assert_uint_eq (fx_count (f, "FOSTER_HOME_APPROVAL"), 0);
    fx_placement (ended, h.home, "BVL2021:5:1", "2.2", "2025-03-01", "2025-03-20");
    EVAL (f, ended, h.homes, "2025-04-01");
    ck_assert_uint_eq (fx_count (f, "FOSTER_HOME_APPROVAL"), 0);
  }
}
END_TEST

/* Kinship (2.1), emergency (2.5), temporary kinship (2.6), or any placement under an
 * emergency decision: approval, certificates and contract 42 days after move-in, training
 * 90 days. */
START_TEST (test_kinship_emergency_grace)
{
  static const char *const grace_categories[] = { "2.1", "2.5", "2.6" };
  g_autoptr(GPtrArray) f = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (grace_categories); i++)
    {
      g_auto(Home) h = { 0 };
      g_autoptr(HwDossier) d = fx_case ("GR-1", "2015-03-14");
      const HwFinding *x;

      make_home (&h, HW_HOME_KINSHIP);
      fx_placement (d, h.home, "BVL2021:5:1", grace_categories[i], "2025-03-01", NULL);
      EVAL (f, d, h.homes, "2025-03-01");
      x = fx_one (f, "FOSTER_HOME_APPROVAL", NULL);
      fx_assert (x, "ok", "2025-04-12", FALSE, FALSE);
      ck_assert_int_eq (hw_finding_get_class (x), HW_RULE_CLASS_LOCAL);
      fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "ok", "2025-04-12", FALSE, FALSE);
      ck_assert_int_eq (hw_finding_get_class (fx_one (f, "FOSTER_CONTRACT", NULL)),
                        HW_RULE_CLASS_LAW);
      fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "ok", "2025-05-30", FALSE, FALSE);
      ck_assert_int_eq (hw_finding_get_class (fx_one (f, "FOSTER_TRAINING", NULL)),
                        HW_RULE_CLASS_LOCAL);
      fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Anne Berg"), "ok", "2025-04-12",
                 FALSE, FALSE);
      fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "ok", "2025-04-12", FALSE,
                 FALSE);
      /* The network assessment has no grace: it is what chose the kinship home. */
      fx_assert (fx_one (f, "NETWORK_ASSESSED", NULL), "due-soon", "2025-03-01", FALSE, FALSE);

      EVAL (f, d, h.homes, "2025-03-20");
      x = fx_one (f, "FOSTER_HOME_APPROVAL", NULL);
      fx_assert (x, "due-soon", "2025-04-12", FALSE, FALSE);
      assert_text (hw_finding_dup_explanation (x),
                   "Fosterhjemmet er ikke registrert som godkjent for barnet. Frist 42 dager "
                   "etter innflytting 01.03.2025 (lokal rutine, barnevernsloven §§ 9-3 og 9-5; "
                   "forskrift om fosterhjem (2023) § 5). "
                   "Fosterhjem i familie og nettverk eller akuttplassering: utsatt frist. "
                   "Registrer den endelige godkjenningen av fosterhjemmet for dette barnet.");
      assert_text (hw_finding_dup_settings_text (x), "late_approval_days=42, due_soon_days=30");
      EVAL (f, d, h.homes, "2025-04-13");
      fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "overdue", "2025-04-12", FALSE, FALSE);
      fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "ok", "2025-05-30", FALSE, FALSE);
      EVAL (f, d, h.homes, "2025-05-31");
      fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "overdue", "2025-05-30", FALSE, FALSE);
      fx_evidence (h.home, d, NULL, HW_EVIDENCE_APPROVAL, "2025-04-20", FALSE);
      EVAL (f, d, h.homes, "2025-05-31");
      fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "ok", "2025-04-12", TRUE, TRUE);
    }

  /* An ordinary category placed under an emergency decision: by Relasjon, or by its own
   * emergency basis. */
  {
    g_auto(Home) h = { 0 };
    g_autoptr(HwDossier) linked = fx_case ("GR-2", "2015-03-14");
    g_autoptr(HwDossier) basis = fx_case ("GR-3", "2015-03-14");
    HwDecision *dec;
    HwMeasure *m;

    make_home (&h, HW_HOME_ORDINARY);
    dec = fx_decision (linked, "BVL2021:4:2", "2025-03-01", 1);
    m = fx_placement (linked, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
    fx_relation (linked, dec, m);
    EVAL (f, linked, h.homes, "2025-03-02");
    fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "ok", "2025-04-12", FALSE, FALSE);
    fx_placement (basis, h.home, "BVL2021:4:2", "2.2", "2025-03-01", NULL);
    EVAL (f, basis, h.homes, "2025-03-02");
    fx_assert (fx_one (f, "FOSTER_HOME_APPROVAL", NULL), "ok", "2025-04-12", FALSE, FALSE);
  }
  /* No grace for an ordinary home. */
  {
    g_auto(Home) h = { 0 };
    g_autoptr(HwDossier) d = fx_case ("GR-4", "2015-03-14");

    make_home (&h, HW_HOME_ORDINARY);
    fx_placement (d, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
    EVAL (f, d, h.homes, "2025-03-02");
    fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "overdue", "2025-03-01", FALSE, FALSE);
    fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "overdue", "2025-03-01", FALSE, FALSE);
  }
}
END_TEST

START_TEST (test_police_cert_foster_parent)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("PF-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwHomeMember *former;

  make_home (&h, HW_HOME_ORDINARY);
  former = fx_member (h.home, "Tidligere Berg", HW_MEMBER_FOSTER_PARENT, "1970-01-01");
  former->moved_out = D ("2025-01-01");
  fx_placement (d, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
  fx_evidence (h.home, NULL, h.mother, HW_EVIDENCE_POLICE_CERTIFICATE, "2025-01-10", FALSE);
  EVAL (f, d, h.homes, "2025-03-01");
  ck_assert_uint_eq (fx_count (f, "POLICE_CERT_FOSTER_PARENT"), 2);  /* not the one who left,
                                                                      * nor the household */
  fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Anne Berg"), "ok", "2025-03-01", TRUE,
             FALSE);
  fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Per Berg"), "due-soon", "2025-03-01",
             FALSE, FALSE);
  ck_assert_int_eq (hw_finding_get_subject_kind (fx_one (f, "POLICE_CERT_FOSTER_PARENT",
                                                         "Per Berg")), HW_SUBJECT_HOME_MEMBER);
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Per Berg"), "overdue", "2025-03-01",
             FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (fx_one (f, "POLICE_CERT_FOSTER_PARENT",
                                                       "Per Berg")),
                   "Politiattest for Per Berg er ikke registrert. Frist ved innflytting "
                   "01.03.2025 (lovkrav, barnevernsloven § 12-11).");
  fx_evidence (h.home, NULL, h.father, HW_EVIDENCE_POLICE_CERTIFICATE, "2025-03-05", FALSE);
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Per Berg"), "ok", "2025-03-01", TRUE,
             TRUE);

  /* A foster parent who moves in later is due on their own move-in. */
  {
    HwHomeMember *later = fx_member (h.home, "Ny Berg", HW_MEMBER_FOSTER_PARENT, "1985-01-01");

    later->moved_in = D ("2025-06-01");
    EVAL (f, d, h.homes, "2025-05-31");
    ck_assert_uint_eq (fx_count (f, "POLICE_CERT_FOSTER_PARENT"), 2);
    EVAL (f, d, h.homes, "2025-06-02");
    fx_assert (fx_one (f, "POLICE_CERT_FOSTER_PARENT", "Ny Berg"), "overdue", "2025-06-01",
               FALSE, FALSE);
  }
  /* No home known: nothing to enumerate. */
  {
    g_autoptr(HwDossier) unknown = fx_case ("PF-2", "2015-03-14");

    fx_placement (unknown, NULL, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
    EVAL (f, unknown, h.homes, "2025-03-10");
    ck_assert_uint_eq (fx_count (f, "POLICE_CERT_FOSTER_PARENT"), 0);
    ck_assert_uint_eq (fx_count (f, "FOSTER_HOME_APPROVAL"), 1);
  }
}
END_TEST

START_TEST (test_police_cert_household)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("PH-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwHomeEvidence *assessment;
  HwHomeMember *fifteen;

  make_home (&h, HW_HOME_ORDINARY);
  /* 15 exactly on the move-in day: included. */
  fifteen = fx_member (h.home, "Ida Berg", HW_MEMBER_HOUSEHOLD, "2010-03-01");
  fx_placement (d, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
  EVAL (f, d, h.homes, "2025-03-01");
  ck_assert_uint_eq (fx_count (f, "POLICE_CERT_HOUSEHOLD"), 2);   /* Siri (16) and Ida (15) */
  ck_assert_ptr_nonnull (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Ida Berg"));
  fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "due-soon", "2025-03-01", FALSE,
             FALSE);
  assert_text (hw_finding_dup_settings_text (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg")),
               "household_check_min_age=15, due_soon_days=30");
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "overdue", "2025-03-01", FALSE,
             FALSE);

  /* Assessed: a certificate is needed, and none is seen yet. */
  assessment = fx_evidence (h.home, NULL, h.teen, HW_EVIDENCE_HOUSEHOLD_ASSESSMENT,
                            "2025-02-20", TRUE);
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "overdue", "2025-03-01", FALSE,
             FALSE);
  fx_evidence (h.home, NULL, h.teen, HW_EVIDENCE_POLICE_CERTIFICATE, "2025-03-05", FALSE);
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "ok", "2025-03-01", TRUE, TRUE);
  ck_assert_date_eq (hw_finding_get_evidence_date (fx_one (f, "POLICE_CERT_HOUSEHOLD",
                                                           "Siri Berg")), "2025-03-05");
  /* Assessed as not needed, before move-in: met on time. */
  assessment->needed = FALSE;
  EVAL (f, d, h.homes, "2025-03-10");
  fx_assert (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Siri Berg"), "ok", "2025-03-01", TRUE, FALSE);
  (void) fifteen;

  /* The minimum age is a setting. */
  {
    g_autoptr(HwSettings) s = fx_settings ();

    ck_assert (hw_settings_set (s, "household_check_min_age", 14, NULL));
    EVAL_WITH (f, d, h.homes, s, "2025-03-10");
    ck_assert_uint_eq (fx_count (f, "POLICE_CERT_HOUSEHOLD"), 3);
    ck_assert_ptr_nonnull (fx_one (f, "POLICE_CERT_HOUSEHOLD", "Lars Berg"));
  }
}
END_TEST

START_TEST (test_foster_contract)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("FC-1", "2015-03-14");
  g_autoptr(HwDossier) other = fx_case ("FC-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwHomeEvidence *contract;

  make_home (&h, HW_HOME_ORDINARY);
  fx_placement (d, h.home, "BVL2021:5:1", "2.2", "2025-03-01", NULL);
  fx_evidence (h.home, other, NULL, HW_EVIDENCE_CONTRACT, "2025-01-01", FALSE);  /* another
                                                                                 * child's */
  EVAL (f, d, h.homes, "2025-03-01");
  fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "due-soon", "2025-03-01", FALSE, FALSE);
  EVAL (f, d, h.homes, "2025-03-05");
  fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "overdue", "2025-03-01", FALSE, FALSE);
  contract = fx_evidence (h.home, d, NULL, HW_EVIDENCE_CONTRACT, "2025-03-04", FALSE);
  EVAL (f, d, h.homes, "2025-03-05");
  fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "ok", "2025-03-01", TRUE, TRUE);
  contract->date = D ("2025-02-25");
  EVAL (f, d, h.homes, "2025-03-05");
  fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "ok", "2025-03-01", TRUE, FALSE);
  /* A contract for the home in general also counts. */
  g_free (contract->case_id);
  contract->case_id = NULL;
  EVAL (f, d, h.homes, "2025-03-05");
  fx_assert (fx_one (f, "FOSTER_CONTRACT", NULL), "ok", "2025-03-01", TRUE, FALSE);
  /* Not applicable to institutions. */
  fx_measure (other, "BVL2021:5:1", "1.1", "2025-03-01", NULL, 0);
  EVAL (f, other, h.homes, "2025-03-05");
  ck_assert_uint_eq (fx_count (f, "FOSTER_CONTRACT"), 0);
}
END_TEST

START_TEST (test_foster_training)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("FT-1", "2015-03-14");
  g_autoptr(HwDossier) before = fx_case ("FT-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;

  make_home (&h, HW_HOME_ORDINARY);
  /* From 1 January 2022. */
  fx_placement (before, h.home, "BVL:4:12", "2.2", "2021-12-31", NULL);
  EVAL (f, before, h.homes, "2022-01-10");
  ck_assert_uint_eq (fx_count (f, "FOSTER_TRAINING"), 0);

  fx_placement (d, h.home, "BVL:4:12", "2.2", "2022-01-01", NULL);
  EVAL (f, d, h.homes, "2022-01-01");
  fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "due-soon", "2022-01-01", FALSE, FALSE);
  EVAL (f, d, h.homes, "2022-01-02");
  fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "overdue", "2022-01-01", FALSE, FALSE);
  fx_evidence (h.home, NULL, NULL, HW_EVIDENCE_TRAINING, "2022-02-01", FALSE);
  EVAL (f, d, h.homes, "2022-03-01");
  fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "ok", "2022-01-01", TRUE, TRUE);
  fx_evidence (h.home, NULL, NULL, HW_EVIDENCE_TRAINING, "2021-10-01", FALSE);
  EVAL (f, d, h.homes, "2022-03-01");
  fx_assert (fx_one (f, "FOSTER_TRAINING", NULL), "ok", "2022-01-01", TRUE, FALSE);
}
END_TEST

START_TEST (test_network_assessed)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("NA-1", "2015-03-14");
  g_autoptr(HwDossier) inst = fx_case ("NA-2", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m;

  make_home (&h, HW_HOME_KINSHIP);
  m = fx_placement (d, h.home, "BVL2021:5:1", "2.1", "2024-01-01", NULL);
  EVAL (f, d, h.homes, "2024-01-01");
  fx_assert (fx_one (f, "NETWORK_ASSESSED", NULL), "due-soon", "2024-01-01", FALSE, FALSE);
  assert_text (hw_finding_dup_source (fx_one (f, "NETWORK_ASSESSED", NULL), HW_LANG_NB),
               "forskrift om fosterhjem (2023) (paragraf ikke verifisert)");
  EVAL (f, d, h.homes, "2024-01-02");
  fx_assert (fx_one (f, "NETWORK_ASSESSED", NULL), "overdue", "2024-01-01", FALSE, FALSE);
  m->network_assessed = D ("2024-01-05");
  EVAL (f, d, h.homes, "2024-02-01");
  fx_assert (fx_one (f, "NETWORK_ASSESSED", NULL), "ok", "2024-01-01", TRUE, TRUE);
  m->network_assessed = D ("2023-12-15");
  EVAL (f, d, h.homes, "2024-02-01");
  fx_assert (fx_one (f, "NETWORK_ASSESSED", NULL), "ok", "2024-01-01", TRUE, FALSE);
  /* A move-in on 31.12.2023 is judged by the 2003 regulation. */
  m->start_date = D ("2023-12-31");
  EVAL (f, d, h.homes, "2024-02-01");
  assert_text (hw_finding_dup_source (fx_one (f, "NETWORK_ASSESSED", NULL), HW_LANG_NB),
               "forskrift om fosterhjem (2003) § 4 andre ledd");

  fx_measure (inst, "BVL2021:5:1", "1.1", "2024-01-01", NULL, 0);
  EVAL (f, inst, h.homes, "2024-02-01");
  ck_assert_uint_eq (fx_count (f, "NETWORK_ASSESSED"), 0);
}
END_TEST

/* ======== Follow-up of the child in a foster home ======== */

START_TEST (test_followup_visit)
{
  g_autoptr(HwDossier) d = fx_case ("FV-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m, *other;
  const HwFinding *x;

  /* Moved in 10.01.2025: first visit due 91 days later, 11.04.2025. */
  m = fx_measure (d, "BVL2021:5:1", "2.2", "2025-01-10", NULL, 0);
  other = fx_measure (d, "BVL2021:3:1", "4.1", "2024-01-01", NULL, 0);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-02-01", FALSE);    /* not in person */
  fx_visit (d, m, HW_VISIT_TILSYN, "2025-02-02", TRUE);       /* supervision, not follow-up */
  fx_visit (d, other, HW_VISIT_FOLLOWUP, "2025-02-03", TRUE); /* another measure */
  EVAL (f, d, NULL, "2025-02-10");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "ok", "2025-04-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-20");
  x = fx_one (f, "FOLLOWUP_VISIT", NULL);
  fx_assert (x, "due-soon", "2025-04-11", FALSE, FALSE);
  assert_text (hw_finding_dup_explanation (x),
               "Ingen stedlige oppfølgingsbesøk registrert. Frist 91 dager etter innflytting "
               "10.01.2025 (lovkrav (4 per år) / lokal rutine (avstand mellom besøk), forskrift "
               "om fosterhjem (2023) § 10). Registrer neste stedlige oppfølgingsbesøk i "
               "fosterhjemmet.");
  EVAL (f, d, NULL, "2025-04-12");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "overdue", "2025-04-11", FALSE, FALSE);

  /* A visit on 01.03.2025: next due 31.05.2025. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-03-01", TRUE);
  EVAL (f, d, NULL, "2025-04-01");
  x = fx_one (f, "FOLLOWUP_VISIT", NULL);
  fx_assert (x, "ok", "2025-05-31", FALSE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2025-03-01");
  assert_contains (hw_finding_dup_explanation (x),
                   "Siste stedlige oppfølgingsbesøk 01.03.2025. Frist 91 dager etter siste "
                   "besøk 01.03.2025");
  /* Late, on 10.06.2025: counted from it. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-06-10", TRUE);
  EVAL (f, d, NULL, "2025-06-11");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "ok", "2025-09-09", FALSE, FALSE);
  /* A visit that names no measure counts when it falls within the placement. */
  fx_visit (d, NULL, HW_VISIT_FOLLOWUP, "2025-08-01", TRUE);
  EVAL (f, d, NULL, "2025-08-02");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "ok", "2025-10-31", FALSE, FALSE);

  /* Not applicable after the placement ended. */
  m->end_date = D ("2025-09-01");
  m->end_reason = 1;
  EVAL (f, d, NULL, "2025-09-02");
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISIT"), 0);
}
END_TEST

START_TEST (test_reduced_frequency)
{
  g_autoptr(HwDossier) d = fx_case ("RF-1", "2012-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m;
  const HwFinding *x;

  /* 4 a year from move-in; 2 a year from 01.02.2027 (after two years in the home). */
  m = fx_measure (d, "BVL2021:5:1", "2.2", "2025-01-10", NULL, 0);
  fx_frequency (d, m, HW_FREQUENCY_FOLLOWUP, 4, "2025-01-10", "2027-01-31");
  fx_frequency (d, m, HW_FREQUENCY_FOLLOWUP, 2, "2027-02-01", NULL);
  fx_frequency (d, m, HW_FREQUENCY_TILSYN, 4, "2025-01-10", NULL);

  /* The frequency in force on the last visit decides the spacing. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2027-01-15", TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2027-03-01", TRUE);
  EVAL (f, d, NULL, "2027-02-20");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "ok", "2027-04-16", FALSE, FALSE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2027-03-01", TRUE);
  EVAL (f, d, NULL, "2027-08-01");
  x = fx_one (f, "FOLLOWUP_VISIT", NULL);
  fx_assert (x, "due-soon", "2027-08-30", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 182 dager etter siste besøk 01.03.2027");
  assert_contains (hw_finding_dup_explanation (x), "Redusert hyppighet (2 per år) etter vedtak.");
  /* Supervision is not reduced. */
  fx_assert (fx_one (f, "TILSYN_VISIT", NULL), "overdue", "2027-05-31", FALSE, FALSE);
  EVAL (f, d, NULL, "2027-08-31");
  fx_assert (fx_one (f, "FOLLOWUP_VISIT", NULL), "overdue", "2027-08-30", FALSE, FALSE);

  /* The year count: in 2027 the frequency on 1 January was 4; in 2028 it is 2. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2027-06-01", TRUE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2028-03-01", TRUE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2028-09-01", TRUE);
  EVAL (f, d, NULL, "2029-01-10");
  x = fx_year (f, "FOLLOWUP_VISITS_YEAR", 2027);
  fx_assert (x, "missed", "2027-12-31", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "3 av 4 påkrevde stedlige oppfølgingsbesøk i 2027 (4 per år, 365 dager");
  x = fx_year (f, "FOLLOWUP_VISITS_YEAR", 2028);
  fx_assert (x, "ok", "2028-12-31", TRUE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2028-09-01");
  assert_contains (hw_finding_dup_explanation (x),
                   "2 av 2 påkrevde stedlige oppfølgingsbesøk i 2028; nådd 01.09.2028.");
}
END_TEST

START_TEST (test_followup_visits_year)
{
  g_autoptr(HwDossier) d = fx_case ("FY-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m;
  HwVisit *third;
  const HwFinding *x;

  /* From 01.07.2024 (a leap year): 184 days of 366, so ceil(4 × 184 / 366) = 3 visits. */
  m = fx_measure (d, "BVL2021:5:1", "2.2", "2024-07-01", NULL, 0);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2024-08-01", TRUE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2024-10-01", TRUE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2024-11-01", FALSE);    /* not in person */
  EVAL (f, d, NULL, "2024-12-31");
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISITS_YEAR"), 0);   /* 2024 not completed */
  EVAL (f, d, NULL, "2025-01-01");
  x = fx_year (f, "FOLLOWUP_VISITS_YEAR", 2024);
  /* rules.md v2: a completed year not met is missed, never overdue. */
  fx_assert (x, "missed", "2024-12-31", FALSE, FALSE);
  assert_text (hw_finding_dup_explanation (x),
               "2 av 3 påkrevde stedlige oppfølgingsbesøk i 2024 (4 per år, 184 dager i "
               "fosterhjemmet). Frist ved utgangen av 2024 (lovkrav, forskrift om fosterhjem "
               "(2023) § 10). Besøk som er gjort men ikke ført, registreres med riktig dato.");
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "2024");
  ck_assert_int_eq (hw_finding_get_subject_kind (x), HW_SUBJECT_YEAR);
  third = fx_visit (d, m, HW_VISIT_FOLLOWUP, "2024-12-01", TRUE);
  EVAL (f, d, NULL, "2025-01-01");
  x = fx_year (f, "FOLLOWUP_VISITS_YEAR", 2024);
  fx_assert (x, "ok", "2024-12-31", TRUE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2024-12-01");
  (void) third;

  /* The placement ends 15.03.2025: 74 days, ceil(4 × 74 / 365) = 1, due on the last day. A
   * year rule still applies after the placement ended (history). */
  m->end_date = D ("2025-03-15");
  m->end_reason = 1;
  EVAL (f, d, NULL, "2025-03-15");
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISITS_YEAR"), 1);   /* 2025 not completed yet */
  EVAL (f, d, NULL, "2025-03-20");
  x = fx_year (f, "FOLLOWUP_VISITS_YEAR", 2025);
  fx_assert (x, "missed", "2025-03-15", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "0 av 1 påkrevde stedlige oppfølgingsbesøk i 2025 (4 per år, 74 dager i "
                   "fosterhjemmet). Frist 15.03.2025, siste dag av perioden i 2025");
  /* A visit recorded for the placement after it ended, still in 2025: met late. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-03-18", TRUE);
  EVAL (f, d, NULL, "2026-06-01");
  fx_assert (fx_year (f, "FOLLOWUP_VISITS_YEAR", 2025), "ok", "2025-03-15", TRUE, TRUE);
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISIT"), 0);
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISITS_YEAR"), 2);

  /* A full common year needs four. */
  {
    g_autoptr(HwDossier) full = fx_case ("FY-2", "2015-03-14");
    HwMeasure *fm = fx_measure (full, "BVL2021:5:1", "2.2", "2024-12-20", NULL, 0);

    fx_visit (full, fm, HW_VISIT_FOLLOWUP, "2025-03-01", TRUE);
    fx_visit (full, fm, HW_VISIT_FOLLOWUP, "2025-06-01", TRUE);
    fx_visit (full, fm, HW_VISIT_FOLLOWUP, "2025-09-01", TRUE);
    EVAL (f, full, NULL, "2026-01-05");
    /* 2024: 12 days, ceil(48 / 366) = 1, none made. */
    fx_assert (fx_year (f, "FOLLOWUP_VISITS_YEAR", 2024), "missed", "2024-12-31", FALSE, FALSE);
    fx_assert (fx_year (f, "FOLLOWUP_VISITS_YEAR", 2025), "missed", "2025-12-31", FALSE, FALSE);
    fx_visit (full, fm, HW_VISIT_FOLLOWUP, "2025-12-01", TRUE);
    EVAL (f, full, NULL, "2026-01-05");
    fx_assert (fx_year (f, "FOLLOWUP_VISITS_YEAR", 2025), "ok", "2025-12-31", TRUE, FALSE);
  }
}
END_TEST

START_TEST (test_tilsyn_visit)
{
  g_autoptr(HwDossier) d = fx_case ("TV-1", "2007-05-20");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m;

  m = fx_measure (d, "BVL2021:5:1", "2.2", "2025-01-10", NULL, 0);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-02-01", TRUE);       /* follow-up, not tilsyn */
  EVAL (f, d, NULL, "2025-02-10");
  fx_assert (fx_one (f, "TILSYN_VISIT", NULL), "ok", "2025-04-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-20");
  fx_assert (fx_one (f, "TILSYN_VISIT", NULL), "due-soon", "2025-04-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-04-12");
  fx_assert (fx_one (f, "TILSYN_VISIT", NULL), "overdue", "2025-04-11", FALSE, FALSE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2025-04-15", TRUE);         /* late */
  EVAL (f, d, NULL, "2025-04-16");
  fx_assert (fx_one (f, "TILSYN_VISIT", NULL), "ok", "2025-07-15", FALSE, FALSE);
  /* Supervision ends on the 18th birthday, 20.05.2025. */
  EVAL (f, d, NULL, "2025-05-19");
  ck_assert_uint_eq (fx_count (f, "TILSYN_VISIT"), 1);
  EVAL (f, d, NULL, "2025-05-20");
  ck_assert_uint_eq (fx_count (f, "TILSYN_VISIT"), 0);
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISIT"), 1);
}
END_TEST

START_TEST (test_tilsyn_visits_year)
{
  g_autoptr(HwDossier) d = fx_case ("TY-1", "2007-05-20");
  g_autoptr(GPtrArray) f = NULL;
  HwMeasure *m;
  const HwFinding *x;

  /* In the home from 01.01.2024; 18 on 20.05.2025. */
  m = fx_measure (d, "BVL2021:5:1", "2.2", "2024-01-01", NULL, 0);
  fx_visit (d, m, HW_VISIT_TILSYN, "2024-03-01", TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2024-06-01", TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2024-09-01", TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2024-12-01", TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2025-03-01", TRUE);
  EVAL (f, d, NULL, "2024-12-31");
  ck_assert_uint_eq (fx_count (f, "TILSYN_VISITS_YEAR"), 0);
  EVAL (f, d, NULL, "2025-05-19");
  fx_assert (fx_year (f, "TILSYN_VISITS_YEAR", 2024), "ok", "2024-12-31", TRUE, FALSE);
  ck_assert_uint_eq (fx_count (f, "TILSYN_VISITS_YEAR"), 1);     /* 2025 still running */
  /* 2025: days stop the day before the birthday: 139 days, ceil(4 × 139 / 365) = 2. */
  EVAL (f, d, NULL, "2025-05-20");
  x = fx_year (f, "TILSYN_VISITS_YEAR", 2025);
  fx_assert (x, "missed", "2025-05-19", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "1 av 2 påkrevde stedlige tilsynsbesøk i 2025 (4 per år, 139 dager i "
                   "fosterhjemmet).");
  /* A visit after the last day (the birthday) still falls in 2025: met late. */
  fx_visit (d, m, HW_VISIT_TILSYN, "2025-06-01", TRUE);
  EVAL (f, d, NULL, "2026-02-01");
  fx_assert (fx_year (f, "TILSYN_VISITS_YEAR", 2025), "ok", "2025-05-19", TRUE, TRUE);
  fx_visit (d, m, HW_VISIT_TILSYN, "2025-05-01", TRUE);
  EVAL (f, d, NULL, "2026-02-01");
  fx_assert (fx_year (f, "TILSYN_VISITS_YEAR", 2025), "ok", "2025-05-19", TRUE, FALSE);
  ck_assert_uint_eq (fx_count (f, "TILSYN_VISITS_YEAR"), 2);     /* nothing after 18 */
  /* Follow-up visits keep counting past 18: 2025 needs four. */
  fx_assert (fx_year (f, "FOLLOWUP_VISITS_YEAR", 2025), "missed", "2025-12-31", FALSE, FALSE);

  /* Placed after the 18th birthday: no supervision at all. */
  {
    g_autoptr(HwDossier) adult = fx_case ("TY-2", "2007-05-20");

    fx_measure (adult, "BVL2021:3:2", "2.2", "2025-06-01", NULL, 0);
    EVAL (f, adult, NULL, "2027-01-10");
    ck_assert_uint_eq (fx_count (f, "TILSYN_VISITS_YEAR"), 0);
    ck_assert_uint_eq (fx_count (f, "TILSYN_VISIT"), 0);
    ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISITS_YEAR"), 2);
  }
}
END_TEST

/* ======== Emergencies and aftercare ======== */

START_TEST (test_emergency_petition)
{
  g_autoptr(HwDossier) d = fx_case ("EP-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwPetition *petition;
  const HwFinding *x;

  /* Emergency placement 03.03.2025: petition due 6 weeks later, 14.04.2025. */
  fx_decision (d, "BVL2021:4:2", "2025-03-03", 1);
  fx_measure (d, "BVL2021:4:2", "2.5", "2025-03-03", NULL, 0);
  fx_petition (d, "2025-02-01");                               /* before: does not count */
  EVAL (f, d, NULL, "2025-03-03");
  fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "ok", "2025-04-14", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-20");
  x = fx_one (f, "EMERGENCY_PETITION", NULL);
  fx_assert (x, "due-soon", "2025-04-14", FALSE, FALSE);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "akuttvedtak 03.03.2025");
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 6 uker etter akuttvedtak 03.03.2025 (lovkrav, barnevernsloven § 4-2 (fristens paragraf ikke verifisert))");
  EVAL (f, d, NULL, "2025-04-15");
  fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "overdue", "2025-04-14", FALSE, FALSE);
  petition = fx_petition (d, "2025-04-20");
  EVAL (f, d, NULL, "2025-04-21");
  fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "ok", "2025-04-14", TRUE, TRUE);
  petition->date = D ("2025-03-20");
  EVAL (f, d, NULL, "2025-04-21");
  fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "ok", "2025-04-14", TRUE, FALSE);

  /* Met by a decision in status 2 (petition sent), or by a later care order. */
  {
    g_autoptr(HwDossier) status = fx_case ("EP-2", "2015-03-14");
    g_autoptr(HwDossier) care = fx_case ("EP-3", "2015-03-14");
    HwDecision *sent;

    fx_decision (status, "BVL2021:4:2", "2025-03-03", 1);
    sent = fx_decision (status, "BVL2021:5:1", "2025-04-01", 0);
    fx_status (status, sent, 2, "2025-04-01");
    EVAL (f, status, NULL, "2025-04-02");
    fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "ok", "2025-04-14", TRUE, FALSE);
    fx_decision (care, "BVL2021:4:2", "2025-03-03", 1);
    fx_decision (care, "BVL2021:5:1", "2025-04-10", 1);
    EVAL (f, care, NULL, "2025-04-11");
    fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "ok", "2025-04-14", TRUE, FALSE);
  }
  /* Behaviour cases: two weeks. */
  {
    g_autoptr(HwDossier) behaviour = fx_case ("EP-4", "2010-03-14");

    fx_decision (behaviour, "BVL2021:4:4", "2025-03-03", 1);
    EVAL (f, behaviour, NULL, "2025-03-10");
    x = fx_one (f, "EMERGENCY_PETITION", NULL);
    fx_assert (x, "due-soon", "2025-03-17", FALSE, FALSE);
    assert_contains (hw_finding_dup_explanation (x), "Atferdssak");
  }
  /* The 1992 act: § 4-6 2nd ledd six weeks, § 4-25 2nd ledd two weeks; 1st ledd is not. */
  {
    g_autoptr(HwDossier) old_act = fx_case ("EP-5", "2010-03-14");
    g_autoptr(HwDossier) old_behaviour = fx_case ("EP-6", "2010-03-14");
    g_autoptr(HwDossier) first_ledd = fx_case ("EP-7", "2010-03-14");

    fx_decision (old_act, "BVL:4:6:2", "2022-06-01", 1);
    EVAL (f, old_act, NULL, "2022-06-20");
    fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "due-soon", "2022-07-13", FALSE, FALSE);
    assert_text (hw_finding_dup_source (fx_one (f, "EMERGENCY_PETITION", NULL), HW_LANG_NB),
                 "barnevernloven (1992) § 4-6");
    fx_decision (old_behaviour, "BVL:4:25:2", "2022-06-01", 1);
    EVAL (f, old_behaviour, NULL, "2022-06-10");
    fx_assert (fx_one (f, "EMERGENCY_PETITION", NULL), "due-soon", "2022-06-15", FALSE, FALSE);
    fx_decision (first_ledd, "BVL:4:6:1", "2022-06-01", 1);
    EVAL (f, first_ledd, NULL, "2022-06-10");
    ck_assert_uint_eq (fx_count (f, "EMERGENCY_PETITION"), 0);
  }
  /* Not applicable: a lapsed decision (status 3). */
  {
    g_autoptr(HwDossier) lapsed = fx_case ("EP-8", "2015-03-14");
    HwDecision *dec = fx_decision (lapsed, "BVL2021:4:2", "2025-03-03", 1);

    fx_status (lapsed, dec, 3, "2025-04-15");
    EVAL (f, lapsed, NULL, "2025-04-14");
    ck_assert_uint_eq (fx_count (f, "EMERGENCY_PETITION"), 1);
    EVAL (f, lapsed, NULL, "2025-04-16");
    ck_assert_uint_eq (fx_count (f, "EMERGENCY_PETITION"), 0);
  }
}
END_TEST

START_TEST (test_aftercare_assessment)
{
  g_autoptr(HwDossier) d = fx_case ("AA-1", "2008-08-31");
  g_autoptr(GPtrArray) f = NULL;
  HwAftercare *a;
  const HwFinding *x;

  /* 18 on 31.08.2026; six months before is 28.02.2026 (31 February clamped). */
  fx_measure (d, "BVL2021:3:2", "2.2", "2020-01-01", NULL, 0);
  EVAL (f, d, NULL, "2025-01-01");
  x = fx_one (f, "AFTERCARE_ASSESSMENT", NULL);
  fx_assert (x, "ok", "2026-02-28", FALSE, FALSE);
  EVAL (f, d, NULL, "2026-02-10");
  x = fx_one (f, "AFTERCARE_ASSESSMENT", NULL);
  fx_assert (x, "due-soon", "2026-02-28", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 6 måneder før 18-årsdagen 31.08.2026 (lokal rutine, barnevernsloven "
                   "§ 3-6)");
  EVAL (f, d, NULL, "2026-03-01");
  fx_assert (fx_one (f, "AFTERCARE_ASSESSMENT", NULL), "overdue", "2026-02-28", FALSE, FALSE);
  a = fx_aftercare (d, HW_AFTERCARE_ASSESSMENT, "2026-03-15");
  EVAL (f, d, NULL, "2026-04-01");
  fx_assert (fx_one (f, "AFTERCARE_ASSESSMENT", NULL), "ok", "2026-02-28", TRUE, TRUE);
  a->kind = HW_AFTERCARE_OFFER;
  a->date = D ("2026-01-15");
  EVAL (f, d, NULL, "2026-04-01");
  fx_assert (fx_one (f, "AFTERCARE_ASSESSMENT", NULL), "ok", "2026-02-28", TRUE, FALSE);
  /* From the birthday on it no longer applies (AFTERCARE_PLAN takes over). */
  EVAL (f, d, NULL, "2026-08-31");
  ck_assert_uint_eq (fx_count (f, "AFTERCARE_ASSESSMENT"), 0);
  ck_assert_uint_eq (fx_count (f, "AFTERCARE_PLAN"), 1);

  /* Not applicable without an active measure. */
  {
    g_autoptr(HwDossier) none = fx_case ("AA-2", "2008-08-31");

    EVAL (f, none, NULL, "2026-02-10");
    ck_assert_uint_eq (fx_count (f, "AFTERCARE_ASSESSMENT"), 0);
  }
}
END_TEST

/* ======== Common semantics ======== */

/* One classification for every caller (issue 14 §2): the catalogue's basis sets decide what
 * kind of decision a basis makes. The printed plan had its own list (2021 § 4-1, § 4-3 and
 * § 4-5, 1992 § 4-6 first ledd were "emergency decisions" there but not for the rules), and
 * the care-order test in C knew neither "BVL1992" nor a section written "5-1". */
START_TEST (test_decision_kind_from_catalogue)
{
  g_autoptr(HwDossier) d = fx_case ("DK-1", "2015-03-14");
  static const struct { const char *basis; HwDecisionKind kind; } bases[] = {
    { "BVL2021:5:1", HW_DECISION_KIND_CARE_ORDER },
    { "BVL1992:4:12", HW_DECISION_KIND_CARE_ORDER },
    { "BVL:4:8:3", HW_DECISION_KIND_CARE_ORDER },
    { "BVL:4:8:1", HW_DECISION_KIND_OTHER },
    { "BVL2021:3:2", HW_DECISION_KIND_VOLUNTARY_PLACEMENT },
    { "BVL:4:4:6", HW_DECISION_KIND_VOLUNTARY_PLACEMENT },
    { "BVL2021:4:2", HW_DECISION_KIND_EMERGENCY },
    { "BVL2021:4:4", HW_DECISION_KIND_EMERGENCY },
    { "BVL:4:6:2", HW_DECISION_KIND_EMERGENCY },
    { "BVL:4:25:2", HW_DECISION_KIND_EMERGENCY },
    { "BVL2021:4:1", HW_DECISION_KIND_OTHER },
    { "BVL2021:4:3", HW_DECISION_KIND_OTHER },
    { "BVL:4:6:1", HW_DECISION_KIND_OTHER },
    { "BVL2021:6:2", HW_DECISION_KIND_BEHAVIOUR_PLACEMENT },
    { "BVL:4:24", HW_DECISION_KIND_BEHAVIOUR_PLACEMENT },
    { "BL1981:5:1", HW_DECISION_KIND_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      HwDecision *dec = fx_decision (d, bases[i].basis, "2025-02-03", 0);

      ck_assert_msg (hw_catalogue_classify_basis (fx_catalogue (), &dec->basis) ==
                     bases[i].kind, "%s", bases[i].basis);
      ck_assert_msg (hw_legal_basis_get_kind (&dec->basis) == bases[i].kind, "%s",
                     bases[i].basis);
      ck_assert_msg (hw_legal_basis_is_care_order (&dec->basis) ==
                     (bases[i].kind == HW_DECISION_KIND_CARE_ORDER), "%s", bases[i].basis);
    }
  /* A foster-home placement by the catalogue's category-set (the activity template counted
   * any category starting with '2', "20" too). */
  {
    static const struct { const char *category; gboolean foster; } measures[] = {
      { "2.1", TRUE }, { "2.99", TRUE }, { "1.1", FALSE }, { "20", FALSE }, { "3.1", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
      {
        HwMeasure *m = fx_measure (d, "BVL2021:5:1", measures[i].category, "2025-02-03", NULL,
                                   0);

        ck_assert_msg (hw_measure_is_foster_home (m) == measures[i].foster, "%s",
                       measures[i].category);
      }
  }
  /* "5-1" in the section field, as some systems write it. */
  {
    HwDecision *dec = fx_decision (d, "BVL2021::5-1", "2025-02-03", 0);

    ck_assert (hw_legal_basis_is_care_order (&dec->basis));
  }
}
END_TEST

/* The care order, asked once (issue 14 §1): approved, a care-order basis by the catalogue,
 * made on or before the day. The plan took the latest approved one by its statuses of any
 * date and even one decided after the print date. */
START_TEST (test_care_order_of_case)
{
  g_autoptr(HwDossier) d = fx_case ("CO-1", "2015-03-14");
  HwDate today = hw_date_new (2025, 6, 1);
  HwDecision *old = fx_decision (d, "BVL:4:12", "2020-02-03", 1);
  HwDecision *now = fx_decision (d, "BVL2021:5:1", "2024-02-03", 0);

  fx_decision (d, "BVL2021:5:1", "2025-07-01", 1);   /* not yet decided */
  fx_decision (d, "BVL2021:4:2", "2025-05-01", 1);   /* an emergency decision */
  old->end_date = hw_date_new (2024, 2, 2);
  ck_assert_ptr_eq (hw_dossier_latest_care_order (d, today), now);
  ck_assert_ptr_eq (hw_dossier_active_care_order (d, today), now);
  /* Closed after today: still approved today. */
  fx_status (d, now, 4, "2025-09-01");
  ck_assert_ptr_eq (hw_dossier_active_care_order (d, today), now);
  /* Closed before today: the earlier one is the latest, and none is in force. */
  fx_status (d, now, 4, "2025-05-01");
  ck_assert_ptr_eq (hw_dossier_latest_care_order (d, today), old);
  ck_assert_ptr_null (hw_dossier_active_care_order (d, today));
}
END_TEST

/* The demo's bases come from app/rules and mean what they are said to mean, under the act
 * in force on the date. */
START_TEST (test_typical_basis)
{
  static const HwDecisionKind kinds[] = {
    HW_DECISION_KIND_CARE_ORDER, HW_DECISION_KIND_VOLUNTARY_PLACEMENT,
    HW_DECISION_KIND_EMERGENCY, HW_DECISION_KIND_BEHAVIOUR_PLACEMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint old = 0; old < 2; old++)
      {
        HwLegalBasis b = { 0 };
        HwDate date = old ? hw_date_new (2022, 12, 31) : hw_date_new (2023, 1, 1);

        hw_legal_basis_set_typical (&b, kinds[i], date);
        ck_assert (old ? hw_law_is_cwa_1992 (b.law) : hw_law_is_cwa_2021 (b.law));
        ck_assert_int_eq (hw_catalogue_classify_basis (fx_catalogue (), &b), kinds[i]);
        hw_legal_basis_set_typical (&b, HW_DECISION_KIND_OTHER, date);
        ck_assert_ptr_null (b.law);
        ck_assert_ptr_null (b.section);
      }
}
END_TEST

/* What the printed plan asks of a decision: whether its basis is a care order, and whether
 * its latest recorded status is "approved". */
START_TEST (test_decision_facts)
{
  g_autoptr(HwDossier) d = fx_case ("DF-1", "2015-03-14");
  static const struct { const char *basis; gboolean care_order; } bases[] = {
    { "BVL2021:5:1", TRUE }, { "BVL:4:12", TRUE }, { "BVL:4:8:2", TRUE }, { "BVL:4:8:3", TRUE },
    { "BVL:4:8:1", FALSE }, { "BVL2021:4:2", FALSE }, { "BVL2021:3:2", FALSE },
    { "BVL:4:4", FALSE },
  };
  HwDecision *none, *approved, *closed, *pending;

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      HwDecision *dec = fx_decision (d, bases[i].basis, "2025-02-03", 0);

      ck_assert_msg (hw_legal_basis_is_care_order (&dec->basis) == bases[i].care_order,
                     "%s", bases[i].basis);
    }
  none = fx_decision (d, "BVL2021:5:1", "2025-02-03", 0);
  approved = fx_decision (d, "BVL2021:5:1", "2025-02-03", 1);
  closed = fx_decision (d, "BVL2021:5:1", "2025-02-03", 1);
  fx_status (d, closed, 4, "2025-06-01");
  pending = fx_decision (d, "BVL2021:5:1", "2025-02-03", 2);
  ck_assert (hw_decision_is_approved (d, none));
  ck_assert (hw_decision_is_approved (d, approved));
  ck_assert (!hw_decision_is_approved (d, closed));
  ck_assert (!hw_decision_is_approved (d, pending));
}
END_TEST

START_TEST (test_decision_status)
{
  g_autoptr(GPtrArray) f = NULL;

  /* Refused or closed (4) does not count; a later status counts only once known. */
  {
    g_autoptr(HwDossier) d = fx_case ("DS-1", "2015-03-14");
    HwDecision *dec = fx_decision (d, "BVL2021:5:1", "2025-02-03", 1);

    fx_measure (d, "BVL2021:5:1", "1.1", "2025-02-03", NULL, 0);
    fx_status (d, dec, 4, "2025-03-01");
    EVAL (f, d, NULL, "2025-02-20");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 1);
    EVAL (f, d, NULL, "2025-03-01");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
  }
  /* A pending petition (2) is not yet a care order; nor is a decision with no status. The
   * measure belongs to the decision, so it is not a care order on its own either. */
  {
    g_autoptr(HwDossier) pending = fx_case ("DS-2", "2015-03-14");
    g_autoptr(HwDossier) no_status = fx_case ("DS-3", "2015-03-14");

    fx_decision (pending, "BVL2021:5:1", "2025-02-03", 2);
    fx_measure (pending, "BVL2021:5:1", "1.1", "2025-02-03", NULL, 0);
    EVAL (f, pending, NULL, "2025-02-20");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
    fx_decision (no_status, "BVL2021:5:1", "2025-02-03", 0);
    EVAL (f, no_status, NULL, "2025-02-20");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
  }
  /* Only the measure known: the care order dates from the measure's start. */
  {
    g_autoptr(HwDossier) measure_only = fx_case ("DS-4", "2015-03-14");

    fx_measure (measure_only, "BVL2021:5:1", "2.2", "2025-02-10", NULL, 0);
    EVAL (f, measure_only, NULL, "2025-03-01");
    fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2025-03-24", FALSE, FALSE);
  }
  /* Relasjon: a care order decided while the child is already placed in an emergency home
   * ends with that placement. */
  {
    g_autoptr(HwDossier) linked = fx_case ("DS-5", "2015-03-14");
    HwDecision *care;
    HwMeasure *m;

    fx_decision (linked, "BVL2021:4:2", "2025-03-03", 1);
    m = fx_measure (linked, "BVL2021:4:2", "2.5", "2025-03-03", "2025-09-01", 1);
    care = fx_decision (linked, "BVL2021:5:1", "2025-04-10", 1);
    fx_relation (linked, care, m);
    EVAL (f, linked, NULL, "2025-05-01");
    fx_assert (fx_one (f, "CARE_PLAN", NULL), "due-soon", "2025-05-22", FALSE, FALSE);
    ck_assert_str_eq (hw_finding_get_subject_id (fx_one (f, "CARE_PLAN", NULL)), care->rec.id);
    EVAL (f, linked, NULL, "2025-09-02");
    ck_assert_uint_eq (fx_count (f, "CARE_PLAN"), 0);
    ck_assert_uint_eq (fx_count (f, "EMERGENCY_PETITION"), 0);
    /* The return home (Opphevelse 1) ended a care order, but before 2026. */
    ck_assert_uint_eq (fx_count (f, "POST_RETURN_OFFER"), 0);
  }
}
END_TEST

/* The evaluation is a pure function: the same facts give the same findings, and reading a
 * dossier does not change it. */
START_TEST (test_pure_and_sorted)
{
  g_auto(Home) h = { 0 };
  g_autoptr(HwDossier) d = fx_case ("PU-1", "2012-05-05");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
  g_autoptr(HwSettings) s = fx_settings ();
  guint empty_before = 0, empty_after = 0;

  make_home (&h, HW_HOME_KINSHIP);
  fx_care_order (d, "BVL2021:5:1", "2024-01-10", NULL, 0);
  fx_placement (d, h.home, "BVL2021:5:1", "2.1", "2024-01-10", NULL);
  fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    empty_before += d->records[e] == NULL;

  a = fx_eval (d, h.homes, "2025-06-01");
  b = fx_eval (d, h.homes, "2025-06-01");
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    empty_after += d->records[e] == NULL;
  ck_assert_uint_eq (empty_before, empty_after);
  ck_assert_uint_gt (a->len, 10);
  ck_assert_uint_eq (a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *ea = hw_finding_dup_explanation (a->pdata[i]);
      g_autofree char *eb = hw_finding_dup_explanation (b->pdata[i]);

      ck_assert_str_eq (ea, eb);
      ck_assert_str_eq (hw_finding_get_journal_no (a->pdata[i]), "PU-1");
      if (i > 0)
        ck_assert_int_le (hw_finding_compare (a->pdata[i - 1], a->pdata[i]), 0);
      for (int l = 0; l < HW_N_LANGS; l++)
        {
          g_autofree char *text = hw_finding_dup_explanation_lang (a->pdata[i], l);
          g_autofree char *subject = hw_finding_dup_subject (a->pdata[i], l);

          ck_assert (strlen (text) > 20 && strstr (text, "{") == NULL);
          ck_assert (strlen (subject) > 0 && strstr (subject, "{") == NULL);
        }
    }
  /* One rule only. */
  ck_assert_uint_eq (hw_evaluate_case_append (fx_catalogue (), s, d, h.homes, D ("2025-06-01"),
                                              "CARE_PLAN", one), 1);
  ck_assert_str_eq (hw_finding_get_rule_id (one->pdata[0]), "CARE_PLAN");
  /* Findings outlive the facts they came from. */
  g_clear_pointer (&d, hw_dossier_free);
  g_clear_pointer (&h.homes, g_hash_table_unref);
  ck_assert_str_eq (hw_finding_get_journal_no (a->pdata[0]), "PU-1");
  g_free (hw_finding_dup_explanation (a->pdata[a->len - 1]));
}
END_TEST

START_TEST (test_languages)
{
  g_autoptr(HwDossier) d = fx_case ("LA-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  const HwFinding *x;

  fx_care_order (d, "BVL2021:5:1", "2025-02-03", NULL, 0);
  EVAL (f, d, NULL, "2025-03-01");
  x = fx_one (f, "CARE_PLAN", NULL);
  assert_text (hw_finding_dup_due_formula (x, HW_LANG_NN),
               "Frist 42 dagar etter vedtak 03.02.2025");
  assert_text (hw_finding_dup_due_formula (x, HW_LANG_EN),
               "Due 42 days after the decision (03.02.2025)");
  assert_contains (hw_finding_dup_explanation_lang (x, HW_LANG_EN),
                   "No care plan recorded. Due 42 days after the decision (03.02.2025) (local "
                   "routine, Child Welfare Act 2021 section 8-3 (4th paragraph)).");
  assert_contains (hw_finding_dup_explanation_lang (x, HW_LANG_NN),
                   "Inga omsorgsplan registrert.");
}
END_TEST

/* ---- rules.md v2 ---- */

START_TEST (test_institution_visit)
{
  g_autoptr(HwDossier) d = fx_case ("IV-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  g_autoptr(HwSettings) settings = fx_settings ();
  g_autoptr(GError) error = NULL;
  HwMeasure *m;
  const HwFinding *x;

  fx_decision (d, "BVL2021:5:1", "2025-01-10", 1);
  m = fx_measure (d, "BVL2021:5:1", "1.1", "2025-01-10", NULL, 0);
  /* Due 91 days after the placement: 11.04.2025. */
  EVAL (f, d, NULL, "2025-03-01");
  fx_assert (fx_one (f, "INSTITUTION_VISIT", NULL), "ok", "2025-04-11", FALSE, FALSE);
  EVAL (f, d, NULL, "2025-03-20");
  x = fx_one (f, "INSTITUTION_VISIT", NULL);
  fx_assert (x, "due-soon", "2025-04-11", FALSE, FALSE);
  ck_assert_int_eq (hw_finding_get_class (x), HW_RULE_CLASS_LOCAL);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "institusjon fra 10.01.2025");
  assert_contains (hw_finding_dup_explanation (x),
                   "Frist 91 dager etter plasseringen 10.01.2025 (lokal rutine, "
                   "barnevernsloven § 8-3 første ledd).");
  EVAL (f, d, NULL, "2025-04-12");
  fx_assert (fx_one (f, "INSTITUTION_VISIT", NULL), "overdue", "2025-04-11", FALSE, FALSE);
  /* A visit not in person does not count; one in person does. */
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-04-01", FALSE);
  EVAL (f, d, NULL, "2025-04-12");
  fx_assert (fx_one (f, "INSTITUTION_VISIT", NULL), "overdue", "2025-04-11", FALSE, FALSE);
  fx_visit (d, m, HW_VISIT_FOLLOWUP, "2025-04-02", TRUE);
  EVAL (f, d, NULL, "2025-04-12");
  x = fx_one (f, "INSTITUTION_VISIT", NULL);
  fx_assert (x, "ok", "2025-07-02", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x), "Frist 91 dager etter siste besøk 02.04.2025");
  /* The municipal setting. */
  ck_assert (hw_settings_set (settings, "institution_visit_days", 60, &error));
  EVAL_WITH (f, d, NULL, settings, "2025-04-12");
  fx_assert (fx_one (f, "INSTITUTION_VISIT", NULL), "ok", "2025-06-01", FALSE, FALSE);
  /* Not a foster-home rule, and no foster-home rule for an institution. */
  ck_assert_uint_eq (fx_count (f, "FOLLOWUP_VISIT"), 0);

  /* Not applicable: a foster home, an ended placement, a child of 18. */
  {
    g_autoptr(HwDossier) foster = fx_case ("IV-2", "2015-03-14");
    g_autoptr(HwDossier) ended = fx_case ("IV-3", "2015-03-14");
    g_autoptr(HwDossier) adult = fx_case ("IV-4", "2007-01-01");

    fx_measure (foster, "BVL2021:5:1", "2.2", "2025-01-10", NULL, 0);
    EVAL (f, foster, NULL, "2025-04-12");
    ck_assert_uint_eq (fx_count (f, "INSTITUTION_VISIT"), 0);
    fx_measure (ended, "BVL2021:5:1", "1.2", "2025-01-10", "2025-03-01", 1);
    EVAL (f, ended, NULL, "2025-04-12");
    ck_assert_uint_eq (fx_count (f, "INSTITUTION_VISIT"), 0);
    fx_measure (adult, "BVL2021:3:2", "1.99", "2024-06-01", NULL, 0);
    EVAL (f, adult, NULL, "2024-12-31");
    ck_assert_uint_eq (fx_count (f, "INSTITUTION_VISIT"), 1);
    EVAL (f, adult, NULL, "2025-01-01");
    ck_assert_uint_eq (fx_count (f, "INSTITUTION_VISIT"), 0);
  }
}
END_TEST

START_TEST (test_samvaer_minimum_year)
{
  g_autoptr(HwDossier) d = fx_case ("SM-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwDecision *dec;
  HwMeasure *m;
  HwPerson *mother;
  HwSamvaerAgreement *a;
  const HwFinding *x;

  dec = fx_decision (d, "BVL2021:5:1", "2024-07-01", 1);
  dec->min_samvaer_per_year = 6;
  m = fx_measure (d, "BVL2021:5:1", "2.2", "2024-07-01", NULL, 0);
  mother = fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  a = fx_agreement (d, mother, "2024-07-01", NULL);
  fx_session (d, a, "2024-08-01", HW_SESSION_HELD);
  fx_session (d, a, "2024-09-01", HW_SESSION_HELD);
  fx_session (d, a, "2024-10-01", HW_SESSION_HELD);
  fx_session (d, a, "2024-11-01", HW_SESSION_CANCELLED_PARENT);
  fx_session (d, a, "2024-12-01", HW_SESSION_PLANNED);

  /* 2024 is not completed before 1 January. */
  EVAL (f, d, NULL, "2024-12-31");
  ck_assert_uint_eq (fx_count (f, "SAMVAER_MINIMUM_YEAR"), 0);
  /* 184 of 366 days: ceil(6 × 184 / 366) = 4 sessions; 3 were held. Missed, never overdue. */
  EVAL (f, d, NULL, "2025-01-05");
  x = fx_year (f, "SAMVAER_MINIMUM_YEAR", 2024);
  fx_assert (x, "missed", "2024-12-31", FALSE, FALSE);
  ck_assert_int_eq (hw_finding_get_subject_kind (x), HW_SUBJECT_YEAR);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "2024");
  assert_contains (hw_finding_dup_explanation (x),
                   "3 av 4 samvær gjennomført i 2024 (nemndas minimum 6 per år, 184 dager med "
                   "omsorgsovertakelse). Frist ved utgangen av 2024 (lovkrav, barnevernsloven "
                   "§ 7-2 (paragraf ikke verifisert)).");
  /* A fourth session held, in another agreement: met. */
  {
    HwPerson *father = fx_person (d, "Ola Nordmann", HW_RELATION_FATHER, TRUE);
    HwSamvaerAgreement *b = fx_agreement (d, father, "2024-11-01", NULL);

    fx_session (d, b, "2024-11-15", HW_SESSION_HELD);
  }
  EVAL (f, d, NULL, "2025-01-05");
  x = fx_year (f, "SAMVAER_MINIMUM_YEAR", 2024);
  fx_assert (x, "ok", "2024-12-31", TRUE, FALSE);
  ck_assert_date_eq (hw_finding_get_evidence_date (x), "2024-11-15");

  /* The care order ends 31.03.2025: 90 days, ceil(6 × 90 / 365) = 2, due on the last day. */
  m->end_date = D ("2025-03-31");
  m->end_reason = 1;
  EVAL (f, d, NULL, "2025-04-02");
  fx_assert (fx_year (f, "SAMVAER_MINIMUM_YEAR", 2025), "missed", "2025-03-31", FALSE, FALSE);

  /* Not applicable: no minimum set by the tribunal. */
  dec->min_samvaer_per_year = 0;
  EVAL (f, d, NULL, "2025-04-02");
  ck_assert_uint_eq (fx_count (f, "SAMVAER_MINIMUM_YEAR"), 0);
}
END_TEST

START_TEST (test_samvaer_agreement_below_minimum)
{
  g_autoptr(HwDossier) d = fx_case ("SB-1", "2015-03-14");
  g_autoptr(GPtrArray) f = NULL;
  HwDecision *dec;
  HwPerson *mother;
  HwSamvaerAgreement *a;
  const HwFinding *x;

  dec = fx_decision (d, "BVL2021:5:1", "2024-07-01", 1);
  dec->min_samvaer_per_year = 6;
  fx_measure (d, "BVL2021:5:1", "2.2", "2024-07-01", NULL, 0);
  mother = fx_person (d, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);
  a = fx_agreement (d, mother, "2024-08-01", NULL);

  /* Monthly: 12 in the first year. */
  EVAL (f, d, NULL, "2024-09-01");
  x = fx_one (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM", NULL);
  fx_assert (x, "ok", "2024-08-01", TRUE, FALSE);
  assert_text (hw_finding_dup_subject (x, HW_LANG_NB), "samvær med Kari Nordmann");
  assert_contains (hw_finding_dup_explanation (x),
                   "Avtalen gir 12 samvær i året fra start; nemndas minimum er 6.");
  /* Every third month: 4 of 6. Due at the start: overdue the day after. */
  g_free (a->rrule);
  a->rrule = g_strdup ("FREQ=MONTHLY;INTERVAL=3");
  EVAL (f, d, NULL, "2024-09-01");
  x = fx_one (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM", NULL);
  fx_assert (x, "overdue", "2024-08-01", FALSE, FALSE);
  assert_contains (hw_finding_dup_explanation (x),
                   "Avtalen gir 4 samvær i året fra start; nemndas minimum er 6.");
  /* On its first day it is due (soon). */
  EVAL (f, d, NULL, "2024-08-01");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM", NULL), "due-soon", "2024-08-01",
             FALSE, FALSE);
  /* No schedule: no sessions. */
  g_clear_pointer (&a->rrule, g_free);
  EVAL (f, d, NULL, "2024-09-01");
  fx_assert (fx_one (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM", NULL), "overdue", "2024-08-01",
             FALSE, FALSE);

  /* Not applicable: an ended agreement; no minimum. */
  a->valid_to = D ("2024-08-31");
  EVAL (f, d, NULL, "2024-09-01");
  ck_assert_uint_eq (fx_count (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM"), 0);
  a->valid_to = HW_DATE_NONE;
  dec->min_samvaer_per_year = 0;
  EVAL (f, d, NULL, "2024-09-01");
  ck_assert_uint_eq (fx_count (f, "SAMVAER_AGREEMENT_BELOW_MINIMUM"), 0);
}
END_TEST

static Suite *
evaluator_suite (void)
{
  Suite *s = suite_create ("evaluator");
  TCase *plans = tcase_create ("plans");
  TCase *parents = tcase_create ("parents");
  TCase *homes = tcase_create ("foster-homes");
  TCase *visits = tcase_create ("visits");
  TCase *other = tcase_create ("emergency-aftercare");
  TCase *common = tcase_create ("common");
  TCase *v2 = tcase_create ("rules-v2");

  tcase_add_test (plans, test_care_plan);
  tcase_add_test (plans, test_law_version_boundary);
  tcase_add_test (plans, test_care_plan_interim_1992);
  tcase_add_test (plans, test_care_plan_final_1992);
  tcase_add_test (plans, test_care_plan_review);
  tcase_add_test (plans, test_samvaer_plan);
  tcase_add_test (plans, test_measure_plan);
  tcase_add_test (plans, test_measure_plan_eval);
  tcase_add_test (plans, test_aftercare_plan);
  tcase_add_test (plans, test_foster_family_plan);
  suite_add_tcase (s, plans);

  tcase_add_test (parents, test_parent_first_contact);
  tcase_add_test (parents, test_reunification_goal);
  tcase_add_test (parents, test_reunification_review);
  tcase_add_test (parents, test_goal_abandoned_grounds);
  tcase_add_test (parents, test_samvaer_evaluation);
  tcase_add_test (parents, test_samvaer_agreement_approval);
  tcase_add_test (parents, test_return_plan);
  tcase_add_test (parents, test_post_return_offer);
  suite_add_tcase (s, parents);

  tcase_add_test (homes, test_foster_home_approval);
  tcase_add_test (homes, test_kinship_emergency_grace);
  tcase_add_test (homes, test_police_cert_foster_parent);
  tcase_add_test (homes, test_police_cert_household);
  tcase_add_test (homes, test_foster_contract);
  tcase_add_test (homes, test_foster_training);
  tcase_add_test (homes, test_network_assessed);
  suite_add_tcase (s, homes);

  tcase_add_test (visits, test_followup_visit);
  tcase_add_test (visits, test_reduced_frequency);
  tcase_add_test (visits, test_followup_visits_year);
  tcase_add_test (visits, test_tilsyn_visit);
  tcase_add_test (visits, test_tilsyn_visits_year);
  suite_add_tcase (s, visits);

  tcase_add_test (other, test_emergency_petition);
  tcase_add_test (other, test_aftercare_assessment);
  suite_add_tcase (s, other);

  tcase_add_test (v2, test_institution_visit);
  tcase_add_test (v2, test_samvaer_minimum_year);
  tcase_add_test (v2, test_samvaer_agreement_below_minimum);
  suite_add_tcase (s, v2);

  tcase_add_test (common, test_decision_status);
  tcase_add_test (common, test_decision_facts);
  tcase_add_test (common, test_decision_kind_from_catalogue);
  tcase_add_test (common, test_typical_basis);
  tcase_add_test (common, test_care_order_of_case);
  tcase_add_test (common, test_pure_and_sorted);
  tcase_add_test (common, test_languages);
  suite_add_tcase (s, common);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (evaluator_suite ());
}
