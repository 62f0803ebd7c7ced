/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-catalogue.h"

G_BEGIN_DECLS

/* A finding: one rule applied to one subject of one case at one date. Findings are derived,
 * never stored. "Not applicable" is never a finding: where a rule does not apply there is
 * none. A finding points into the catalogue that produced it (keep a reference). */

typedef enum {
  HW_FINDING_OK,          /* met, or not due within the window */
  HW_FINDING_DUE_SOON,    /* not met, today <= due <= today + due_soon_days */
  HW_FINDING_OVERDUE,     /* not met, due < today */
  HW_FINDING_MISSED,      /* a period rule's completed period, not met: history, not a duty
                           * (rules.md v2 "Missed periods") */
} HwFindingState;

/* Whether a finding is something the caseworker can still act on (due soon or overdue);
 * missed periods are history and never count as overdue. */
#define HW_FINDING_STATE_IS_ACTIONABLE(s) ((s) == HW_FINDING_DUE_SOON || (s) == HW_FINDING_OVERDUE)

/* What a finding is about; the subject id is that record's id. */
typedef enum {
  HW_SUBJECT_CASE,              /* the case (its child): aftercare */
  HW_SUBJECT_CARE_ORDER,        /* a care order: its decision's id, or its measure's */
  HW_SUBJECT_DECISION,          /* an emergency decision */
  HW_SUBJECT_PLACEMENT,         /* a measure */
  HW_SUBJECT_PARENT,            /* a person with parental responsibility */
  HW_SUBJECT_HOME_MEMBER,       /* a foster parent or household member */
  HW_SUBJECT_YEAR,              /* a calendar year of a placement (id: the measure's) */
  HW_SUBJECT_SAMVAER_AGREEMENT,
  HW_SUBJECT_GOAL,              /* a reunification assessment */
  HW_SUBJECT_PLAN,
} HwSubjectKind;

typedef struct _HwFinding HwFinding;

void            hw_finding_free              (HwFinding *finding);

const HwRule   *hw_finding_get_rule          (const HwFinding *finding);
const char     *hw_finding_get_rule_id       (const HwFinding *finding);
const char     *hw_finding_get_case_id       (const HwFinding *finding);
const char     *hw_finding_get_journal_no    (const HwFinding *finding);

HwFindingState  hw_finding_get_state         (const HwFinding *finding);
HwDate          hw_finding_get_due           (const HwFinding *finding);
/* The triggering event (care-order date, move-in…): chooses the law version. */
HwDate          hw_finding_get_trigger_date  (const HwFinding *finding);
/* Once rules: whether the evidence exists. Recurring rules are never met for good. */
gboolean        hw_finding_is_met            (const HwFinding *finding);
/* Met, but by evidence dated after the due date. */
gboolean        hw_finding_is_late           (const HwFinding *finding);
/* The evidence date: the earliest that met a once rule, the latest for a recurring rule,
 * the visit that reached the count for a year rule; HW_DATE_NONE when there is none. */
HwDate          hw_finding_get_evidence_date (const HwFinding *finding);
/* The version of the catalogue that made this finding (rules.md v2: 2). */
int             hw_finding_get_catalogue_version (const HwFinding *finding);
/* The class of this finding: the rule's, or its grace period's when that applied. */
HwRuleClass     hw_finding_get_class         (const HwFinding *finding);
const char     *hw_finding_get_class_label   (const HwFinding *finding, HwLang lang);

HwSubjectKind   hw_finding_get_subject_kind  (const HwFinding *finding);
const char     *hw_finding_get_subject_id    (const HwFinding *finding);
/* A person's or a foster home's name, or NULL. */
const char     *hw_finding_get_subject_name  (const HwFinding *finding);
/* The year of a year rule, else 0. */
int             hw_finding_get_subject_year  (const HwFinding *finding);
/* The short subject: a name, a year, "omsorgsovertakelse 03.02.2025". */
char           *hw_finding_dup_subject       (const HwFinding *finding, HwLang lang);
/* The same with another name in place of the subject's ("the foster home"), for printouts
 * that must not name it; NULL: the unnamed wording. */
char           *hw_finding_dup_subject_as    (const HwFinding *finding, HwLang lang,
                                              const char *name);

/* Why it fired or what met it, how the due date was computed, the class and the source,
 * and what would clear it, in @lang: "Ingen omsorgsplan registrert. Frist 42 dager etter
 * vedtak 03.02.2025 (lokal rutine, barnevernsloven § 8-3 fjerde ledd). Registrer …" */
char           *hw_finding_dup_explanation_lang (const HwFinding *finding, HwLang lang);
char           *hw_finding_dup_explanation_as   (const HwFinding *finding, HwLang lang,
                                                 const char *name);
/* Only the formula: "Frist 42 dager etter vedtak 03.02.2025". */
char           *hw_finding_dup_due_formula      (const HwFinding *finding, HwLang lang);
/* The sources in force on the trigger date / every source, in force first. */
char           *hw_finding_dup_source           (const HwFinding *finding, HwLang lang);
char           *hw_finding_dup_sources          (const HwFinding *finding, HwLang lang);

/* The settings the finding used, as key and value. */
guint           hw_finding_get_n_settings    (const HwFinding *finding);
const char     *hw_finding_get_setting       (const HwFinding *finding, guint index, int *value);
/* "care_plan_days=42, due_soon_days=30", or "" when none. */
char           *hw_finding_dup_settings_text (const HwFinding *finding);

/* Orders by due date, then journal number, then rule id, then subject. */
int             hw_finding_compare           (const HwFinding *a, const HwFinding *b);
/* For g_ptr_array_sort(): the arguments are HwFinding **. */
int             hw_finding_compare_ptr       (gconstpointer a, gconstpointer b);

const char     *hw_finding_state_to_string   (HwFindingState state);  /* "ok", "due-soon", "overdue", "missed" */
const char     *hw_subject_kind_to_string    (HwSubjectKind kind);    /* "care-order"… */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwFinding, hw_finding_free)

G_END_DECLS
