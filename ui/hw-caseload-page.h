/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"

G_BEGIN_DECLS

#define HW_TYPE_CASELOAD_PAGE (hw_caseload_page_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseloadPage, hw_caseload_page, HW, CASELOAD_PAGE, GtkWidget)

typedef enum {
  HW_SCOPE_MINE,
  HW_SCOPE_TEAM,
  HW_SCOPE_ALL,
} HwScope;

void        hw_caseload_page_bind            (HwCaseloadPage *self,
                                              HwCaseload     *caseload,
                                              GSettings      *settings);
void        hw_caseload_page_focus_search    (HwCaseloadPage *self);
/* Filters again after the user's identity or the findings changed. */
void        hw_caseload_page_refilter        (HwCaseloadPage *self);
char       *hw_caseload_page_dup_selected_case_id (HwCaseloadPage *self);

G_END_DECLS
