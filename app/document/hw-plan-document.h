/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-document.h"
#include "hw-entity.h"
#include "hw-plan-recipients.h"
#include "hw-plan-template.h"

G_BEGIN_DECLS

/* The printed "Oppfølgingsplan – Omsorgspakke" for one child (plan-document.md): ten sections
 * built from the case's dossier, its foster home(s), the staff, and the rule engine's findings,
 * filtered for the recipient it is printed for. */

typedef enum {
  HW_PLAN_FINDING_OK,
  HW_PLAN_FINDING_DUE_SOON,
  HW_PLAN_FINDING_OVERDUE,
  HW_PLAN_FINDING_MISSING,       /* no due date can be given: evidence missing */
  HW_PLAN_FINDING_MISSED,        /* a completed period not met: history (rules.md v2) */
} HwPlanFindingState;

/* Whom a finding is about, for the recipient filter: the rule's "about" in the catalogue
 * (hw_rule_get_about()). */
typedef enum {
  HW_PLAN_ABOUT_CASE,
  HW_PLAN_ABOUT_PARENT,          /* left out for the foster parents */
  HW_PLAN_ABOUT_HOME_MEMBER,     /* a foster parent or household member: left out for parents */
} HwPlanFindingAbout;

/* One duty from the rule engine, as the plan prints it (all strings translated). */
typedef struct {
  char              *rule_id;
  HwPlanFindingAbout about;
  char              *subject_id;   /* the record it is about (a parent's person id…), or NULL */
  char              *title;        /* what is owed */
  char              *subject;      /* whom or what it is about, or NULL */
  char              *explanation;  /* why, and what would clear it */
  char              *source;       /* the legal source */
  char              *legal_class;  /* law / guidance / local */
  HwDate             due;
  HwDate             evidence;     /* what it counts from or what met it, or HW_DATE_NONE */
  HwPlanFindingState state;
  gboolean           met;          /* its evidence exists (the calendar leaves it out) */
  /* Its subject names the foster home or one of its members: where the child lives must
   * not be told, the plan prints these instead, made from the rule with a neutral name. */
  gboolean           reveals_location;
  char              *subject_withheld;
  char              *explanation_withheld;
} HwPlanFinding;

void           hw_plan_finding_free (HwPlanFinding *finding);

/* Everything a plan is built from. Only @dossier is required. */
typedef struct {
  const HwDossier *dossier;       /* the case, with every record it owns */
  GHashTable      *homes;         /* foster-home id → HwDossier (members, evidence), or NULL */
  GPtrArray       *staff;         /* HwStaff, for names; or NULL */
  GPtrArray       *teams;         /* HwTeam; or NULL */
  GPtrArray       *findings;      /* HwPlanFinding of this case; NULL: rules were not run */
  HwPlanTemplate  *template;      /* tells reversed-package activities apart; or NULL */
  HwDate           today;         /* status, calendar and the printed date; 0 = today */
  HwRecipient      recipient;
  const char      *recipient_person_id;  /* HW_RECIPIENT_PARENT: whose copy */
  const HwRecipientTable *recipients;    /* what each may see; NULL: the installed table */
  const char      *printed_by;    /* the name in the footer */
} HwPlanInput;

HwDocument *hw_plan_document_new          (const HwPlanInput *input);

/* "A.B.": the child's initials for running headers. */
char       *hw_plan_dup_initials          (const HwChild *child);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwPlanFinding, hw_plan_finding_free)

G_END_DECLS
