/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-document.h"
#include "hw-evaluator.h"

G_BEGIN_DECLS

/* The team's overdue list: every overdue duty (and, when asked, every duty due soon) of a
 * team's cases, most overdue first, with a count per caseworker. For supervisors; printed
 * from the team overview and by `homeward-cli check --format pdf -o FILE`.
 * Children are named by initials and case number only. */

typedef struct {
  HwDate      today;             /* 0 = today */
  const char *team_id;           /* NULL: every team */
  const char *rule_id;           /* NULL: every rule */
  gboolean    include_due_soon;
  const char *printed_by;        /* the name in the footer (app/service: the store's actor) */
  guint      *n_cases;           /* optional, set when built: how many cases the list names */
} HwOverdueListOptions;

/* Builds the list from the findings of each case: app/service evaluates the caseload
 * (hw_service_print_overdue_list(), the same pass as `check`), this file only lays it out.
 * @staff (HwStaff) and @teams (HwTeam) name the caseworkers and the team; either may be
 * NULL. */
typedef struct _HwOverdueList HwOverdueList;

HwOverdueList *hw_overdue_list_new       (const HwOverdueListOptions *options,
                                          GPtrArray                  *staff,
                                          GPtrArray                  *teams);
void           hw_overdue_list_free      (HwOverdueList *list);
/* Adds the findings of one case (HwFinding, as hw_evaluate_case() returns them); those not
 * overdue (or due soon, when asked), of another team or another rule are skipped. */
void           hw_overdue_list_add_case  (HwOverdueList   *list,
                                          const HwDossier *dossier,
                                          GPtrArray       *findings);
HwDocument    *hw_overdue_list_build     (HwOverdueList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwOverdueList, hw_overdue_list_free)

G_END_DECLS
