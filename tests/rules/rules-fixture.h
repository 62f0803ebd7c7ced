/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-evaluator.h"
#include "hw-test-support.h"

G_BEGIN_DECLS

/* Builders for rule-engine fixtures: plain dossiers in memory, no store. Dates are ISO
 * strings so a test reads like the calendar it checks. Every builder returns the record,
 * owned by its dossier. */

#define D(iso) hw_date_parse_iso (iso)

/* The catalogue and default settings, loaded once per test program. */
HwCatalogue        *fx_catalogue        (void);
HwSettings         *fx_settings         (void);   /* a fresh copy of the defaults */

/* A case whose child was born on @birth (ISO). */
HwDossier          *fx_case             (const char *journal_no, const char *birth);
/* Decisions: @basis as "BVL2021:5:1" or "BVL:4:6:2"; @status 0 = no status record. */
HwDecision         *fx_decision         (HwDossier *d, const char *basis, const char *start,
                                         int status);
HwDecisionStatus   *fx_status           (HwDossier *d, HwDecision *dec, int code,
                                         const char *date);
HwMeasure          *fx_measure          (HwDossier *d, const char *basis, const char *category,
                                         const char *start, const char *end, int end_reason);
HwRelation         *fx_relation         (HwDossier *d, HwDecision *dec, HwMeasure *m);
/* A care order: a tribunal decision (status 1) and its placement (2.2) on @date. */
HwMeasure          *fx_care_order       (HwDossier *d, const char *basis, const char *date,
                                         const char *end, int end_reason);
HwPlan             *fx_plan             (HwDossier *d, int type, const char *date);
HwPlanEvaluation   *fx_plan_evaluation  (HwDossier *d, HwPlan *plan, const char *date);
HwPerson           *fx_person           (HwDossier *d, const char *name, HwRelationKind kind,
                                         gboolean responsibility);
HwParentFollowup   *fx_followup         (HwDossier *d, HwPerson *p, HwFollowupKind kind,
                                         const char *date, gboolean guidance);
HwReunification    *fx_reunification    (HwDossier *d, const char *date, HwGoal goal,
                                         const char *grounds, const char *planned_return);
HwSamvaerAgreement *fx_agreement        (HwDossier *d, HwPerson *with, const char *from,
                                         const char *to);
HwSamvaerEvaluation *fx_samvaer_evaluation (HwDossier *d, HwSamvaerAgreement *a,
                                            const char *date);
HwSamvaerSession   *fx_session          (HwDossier *d, HwSamvaerAgreement *a, const char *date,
                                         HwSessionStatus status);
HwVisit            *fx_visit            (HwDossier *d, HwMeasure *m, HwVisitKind kind,
                                         const char *date, gboolean in_person);
HwFrequency        *fx_frequency        (HwDossier *d, HwMeasure *m, HwFrequencyKind kind,
                                         int per_year, const char *start, const char *end);
HwPetition         *fx_petition         (HwDossier *d, const char *date);
HwAftercare        *fx_aftercare        (HwDossier *d, HwAftercareKind kind, const char *date);
HwReturn           *fx_return           (HwDossier *d, const char *date, const char *offer);

/* Foster homes live in @homes (id → dossier), created on first use. */
GHashTable         *fx_homes_new        (void);
HwDossier          *fx_home             (GHashTable *homes, const char *name, HwHomeKind kind);
HwHomeMember       *fx_member           (HwDossier *home, const char *name, HwMemberRole role,
                                         const char *birth);
HwHomeEvidence     *fx_evidence         (HwDossier *home, HwDossier *kase, HwHomeMember *m,
                                         HwEvidenceKind kind, const char *date,
                                         gboolean needed);
/* A foster-home placement (measure) of @kase in @home. */
HwMeasure          *fx_placement        (HwDossier *kase, HwDossier *home, const char *basis,
                                         const char *category, const char *start,
                                         const char *end);

/* Evaluation with the default settings (or @settings) at @today. */
GPtrArray          *fx_eval             (HwDossier *d, GHashTable *homes, const char *today);
GPtrArray          *fx_eval_with        (HwDossier *d, GHashTable *homes, HwSettings *settings,
                                         const char *today);
/* The findings of @rule_id (whose subject name is @name, when not NULL). */
guint               fx_count            (GPtrArray *findings, const char *rule_id);
/* Exactly one finding of @rule_id (and @name); fails the test otherwise. */
const HwFinding    *fx_one              (GPtrArray *findings, const char *rule_id,
                                         const char *name);
const HwFinding    *fx_year             (GPtrArray *findings, const char *rule_id, int year);

/* Asserts state, due date (ISO), met and late of a finding. */
#define fx_assert(f, st, due_iso, is_met, is_late)                                       \
  do {                                                                                  \
    const HwFinding *_f = (f);                                                          \
    ck_assert_msg (_f != NULL, "no finding");                                           \
    ck_assert_str_eq (hw_finding_state_to_string (hw_finding_get_state (_f)), (st));    \
    ck_assert_date_eq (hw_finding_get_due (_f), (due_iso));                             \
    ck_assert_int_eq (hw_finding_is_met (_f), (is_met));                                \
    ck_assert_int_eq (hw_finding_is_late (_f), (is_late));                              \
  } while (0)

G_END_DECLS
