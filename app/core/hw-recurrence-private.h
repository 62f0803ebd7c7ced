/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-recurrence.c beyond its public API (hw-recurrence.h): the application
 * does not call these. */

#include "hw-recurrence.h"

G_BEGIN_DECLS

/* The dates the rule gives from @start (the first occurrence) within [@from, @to]. */
GArray  *hw_recurrence_expand   (const char *rrule, HwDate start, HwDate from, HwDate to,
                                 GError **error);
gboolean hw_recurrence_validate (const char *rrule, GError **error);

G_END_DECLS
