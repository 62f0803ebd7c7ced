/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What only this folder's tests use: not part of the API the app calls. */
#include "hw-duties.h"

G_BEGIN_DECLS

/* The first shown duty of @case_id for @rule_id (either NULL: any), or -1. */
int                hw_duties_find              (HwDuties   *self,
                                                const char *case_id,
                                                const char *rule_id);

/* The group of an open duty in @state due on @due, as of @today. */
HwDutyGroup  hw_duty_group_for     (HwUiFindingState state,
                                    HwDate           due,
                                    HwDate           today);

/* Takes @finding. */
HwDutyItem        *hw_duty_item_new            (const char  *case_id,
                                                const char  *child_name,
                                                const char  *journal_no,
                                                HwUiFinding *finding,
                                                HwDate       today);

G_END_DECLS
