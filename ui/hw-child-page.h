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
/* Opens the quick visit form; returns it (for tests). */
GtkWindow       *hw_child_page_log_visit        (HwChildPage *self);
void             hw_child_page_refresh_findings (HwChildPage *self);

G_END_DECLS
