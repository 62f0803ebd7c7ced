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
gboolean    hw_mine_page_get_loaded  (HwMinePage *self);
/* The filters as the drop-downs set them (NULL: all). */
void        hw_mine_page_filter      (HwMinePage *self,
                                      const char *rule_id,
                                      const char *case_id);
/* Opens the record of the duty at @position, as Enter does. */
void        hw_mine_page_activate    (HwMinePage *self,
                                      guint       position);

G_END_DECLS
