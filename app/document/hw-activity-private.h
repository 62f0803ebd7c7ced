/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-activity.c beyond its public API (hw-activity.h): the application
 * does not call these. */

#include "hw-activity.h"

G_BEGIN_DECLS

void             hw_activity_move          (HwActivity *activity, HwDate due);
/* An activity added by hand (no template row). */
HwActivity      *hw_activity_new_manual    (const char *case_id, HwPart part, const char *title,
                                            HwDate due);

G_END_DECLS
