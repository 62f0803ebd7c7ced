/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"
#include "hw-duties.h"

G_BEGIN_DECLS

/* "Mine frister" (issue 19): every open duty of the user's cases, grouped Overdue / This week /
 * Next 30 days / Later, filtered by rule and by child; Enter opens the child's record. */
#define HW_TYPE_MINE_PAGE (hw_mine_page_get_type ())
G_DECLARE_FINAL_TYPE (HwMinePage, hw_mine_page, HW, MINE_PAGE, GtkWidget)

void        hw_mine_page_bind        (HwMinePage *self, HwCaseload *caseload);
/* Collects the user's duties again (in the background; "loaded" when done). */
void        hw_mine_page_reload      (HwMinePage *self);
/* The duties shown (HwDuties, a GListModel of HwDutyItem). */
HwDuties   *hw_mine_page_get_duties  (HwMinePage *self);

G_END_DECLS
