/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-findings.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* One case of the caseload as the list shows it: the store's HwCaseRow plus what the rule
 * engine says about it once the background pass has reached it. */
#define HW_TYPE_CASE_ITEM (hw_case_item_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseItem, hw_case_item, HW, CASE_ITEM, GObject)

HwCaseItem      *hw_case_item_new              (HwCaseRow *row, HwDate today); /* takes @row */
const HwCaseRow *hw_case_item_get_row          (HwCaseItem *self);
const char      *hw_case_item_get_case_id      (HwCaseItem *self);
const char      *hw_case_item_get_child_name   (HwCaseItem *self);
const char      *hw_case_item_get_journal_no   (HwCaseItem *self);
const char      *hw_case_item_get_caseworker   (HwCaseItem *self);

/* Findings summary; before it is known, has-findings is FALSE. */
gboolean         hw_case_item_get_has_findings (HwCaseItem *self);
HwDate           hw_case_item_get_next_due     (HwCaseItem *self);
const char      *hw_case_item_get_next_duty    (HwCaseItem *self);
guint            hw_case_item_get_n_overdue    (HwCaseItem *self);
guint            hw_case_item_get_n_due_soon   (HwCaseItem *self);
/* The case's findings in brief, NULL before the background pass reached it. */
const HwUiBriefs *hw_case_item_get_briefs      (HwCaseItem *self);
/* Takes @briefs and sums them up (next due, overdue, due soon). */
void             hw_case_item_set_briefs       (HwCaseItem *self,
                                                HwUiBriefs *briefs);
/* After a reassignment. */
void             hw_case_item_set_caseworker   (HwCaseItem *self,
                                                const char *staff_id,
                                                const char *name,
                                                const char *team_id);

G_END_DECLS
