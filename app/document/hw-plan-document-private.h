/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the plan's files share (issue 14 §5): hw-plan-document.c builds the sections,
 * hw-plan-policy.c decides what a recipient's copy may show. Not for use outside
 * app/document. */

#include "hw-plan-document.h"

G_BEGIN_DECLS

/* One printout being built: the input, the recipient's policy and what the case says. */
typedef struct {
  const HwPlanInput *in;
  HwDocument        *doc;
  HwRecipientPolicy  policy;         /* from the recipient table (recipients.xml) */
  const char        *person_id;      /* the parent whose copy this is, or NULL */
  HwDate             today;
  const HwCase      *c;
  const HwChild     *child;
  const HwMeasure   *placement;      /* current (or latest) placement, or NULL */
  const HwDossier   *home;           /* its foster home, or NULL */
  const HwDecision  *care_order;     /* latest counting care order, or NULL */
  const HwReunification *goal;       /* the assessment that set the current goal, or NULL */
  gboolean           location_secret;/* the child's or the home's address is protected */
  gboolean           hide_location;  /* … and this recipient may not see where the child lives */
  GPtrArray         *calendar;       /* CalendarItem */
} Plan;

#define SHOWS(p, field) hw_recipient_policy_shows (&(p)->policy, HW_PLAN_FIELD_##field)

/* "—" for a missing text. */
static inline const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* hw-plan-document.c */
/* "Given Family", or "" without a child. */
char        *hw_plan_dup_child_name      (const HwChild *child);

/* hw-plan-policy.c */
/* The recipient's row of @input's recipient table, or of the installed one; fails closed. */
HwRecipientPolicy hw_plan_choose_policy  (const HwPlanInput *input);
/* Findings about third parties the recipient has no claim to are not visible. */
gboolean     hw_plan_finding_visible     (const Plan *p, const HwPlanFinding *f);
/* A parent's own follow-up (measures, referrals, their activities) for this recipient. */
gboolean     hw_plan_followup_visible    (const Plan *p, const char *person_id);
/* A finding's subject and explanation as this recipient may read them. */
const char  *hw_plan_finding_subject     (const Plan *p, const HwPlanFinding *f);
const char  *hw_plan_finding_explanation (const Plan *p, const HwPlanFinding *f);
/* An address as this recipient may see it, or NULL to leave the line out. */
char        *hw_plan_shown_address       (const Plan *p, const char *address,
                                          gboolean is_protected, gboolean own_child);
/* "Marit Sæther (mother)", "the foster parents": whom this copy is for. */
char        *hw_plan_recipient_name      (const Plan *p);
/* The framed statement: for whom, and what this copy leaves out (markup). */
char        *hw_plan_recipient_statement (const Plan *p);

HwPlanFinding *hw_plan_finding_new  (const char *rule_id, HwPlanFindingState state, HwDate due);

G_END_DECLS
