/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-document.h"
#include "hw-evaluator.h"
#include "hw-store.h"

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
  const char *printed_by;        /* NULL: the store's actor */
  guint      *n_cases;           /* optional, set when built: how many cases the list names */
} HwOverdueListOptions;

/* Builds the list from findings the caller already has (the check command). */
typedef struct _HwOverdueList HwOverdueList;

HwOverdueList *hw_overdue_list_new       (HwStore *store, const HwOverdueListOptions *options);
void           hw_overdue_list_free      (HwOverdueList *list);
/* Adds the findings of one case (HwFinding, as hw_evaluate_case() returns them); those not
 * overdue (or due soon, when asked), of another team or another rule are skipped. */
void           hw_overdue_list_add_case  (HwOverdueList   *list,
                                          const HwDossier *dossier,
                                          GPtrArray       *findings);
HwDocument    *hw_overdue_list_build     (HwOverdueList *list);

/* Or all in one: evaluates every case of @store (one pass, facts only) and builds the list. */
HwDocument    *hw_overdue_list_document_new (HwStore                    *store,
                                             const HwOverdueListOptions *options,
                                             GError                    **error);
gboolean       hw_overdue_list_write_pdf    (HwStore                    *store,
                                             const HwOverdueListOptions *options,
                                             const char                 *path,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwOverdueList, hw_overdue_list_free)

G_END_DECLS
