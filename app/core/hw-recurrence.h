/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-date.h"

G_BEGIN_DECLS

/* Samvær schedules are RFC 5545 recurrence rules ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"),
 * parsed and expanded by libical. */

/* How many occurrences fall within [@from, @to]; -1 on a bad rule. */
int      hw_recurrence_count    (const char *rrule, HwDate start, HwDate from, HwDate to);
/* "every 2 weeks", in the user's language. */
char    *hw_recurrence_describe (const char *rrule);

G_END_DECLS
