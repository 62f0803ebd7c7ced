/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"

G_BEGIN_DECLS

/* One child's record: a header with the child's duties, and pages for the timeline, the
 * parents, the placement and foster home, samvær, plans, reunification and the visit log. */
#define HW_TYPE_CHILD_PAGE (hw_child_page_get_type ())
G_DECLARE_FINAL_TYPE (HwChildPage, hw_child_page, HW, CHILD_PAGE, GtkWidget)

void             hw_child_page_bind             (HwChildPage *self, HwCaseload *caseload);
/* Loads the case (and notes the read in the audit trail). */
gboolean         hw_child_page_load             (HwChildPage *self,
                                                 const char  *case_id,
                                                 GError     **error);
const char      *hw_child_page_get_case_id      (HwChildPage *self);
const HwDossier *hw_child_page_get_dossier      (HwChildPage *self);
/* Opens the quick visit form; returns it (for tests). */
GtkWindow       *hw_child_page_log_visit        (HwChildPage *self);
void             hw_child_page_refresh_findings (HwChildPage *self);
/* "overview", "parents", "placement", "samvaer", "plans", "reunification", "visits". */
void             hw_child_page_show_tab         (HwChildPage *self, const char *name);
/* What the header shows (for tests): the child's name, the facts line, the findings. */
const char      *hw_child_page_get_title        (HwChildPage *self);
const char      *hw_child_page_get_facts        (HwChildPage *self);
/* The rule ids of the overdue and due-soon findings shown, in order. */
GStrv            hw_child_page_dup_finding_rules  (HwChildPage *self);
/* The rule ids of the deviations shown (missed periods, rules.md v2), in order. */
GStrv            hw_child_page_dup_deviation_rules (HwChildPage *self);
/* What the toast's Undo does: the last activity change taken back. */
gboolean         hw_child_page_undo_activity    (HwChildPage *self);

G_END_DECLS
