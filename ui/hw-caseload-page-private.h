/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-caseload-page.c beyond its public API (hw-caseload-page.h): the application
 * does not call these. */

#include "hw-caseload-page.h"

G_BEGIN_DECLS

/* Whether the list or an empty state is shown: "list", "empty", "no-match". */
const char *hw_caseload_page_get_state       (HwCaseloadPage *self);
/* What the list shows, filtered and sorted (HwCaseItem). */
GListModel *hw_caseload_page_get_visible_model (HwCaseloadPage *self);
void        hw_caseload_page_set_scope       (HwCaseloadPage *self, HwScope scope);
void        hw_caseload_page_set_search_text (HwCaseloadPage *self, const char *text);

G_END_DECLS
