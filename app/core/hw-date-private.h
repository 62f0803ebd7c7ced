/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-date.c beyond its public API (hw-date.h): the application
 * does not call these. */

#include "hw-date.h"

G_BEGIN_DECLS

/* "07.12.2026", "7.12.26" (a two-digit year is this century's unless more than 20 years after
 * @today's, then the last's) or ISO; HW_DATE_NONE for anything else. Today when @today is
 * HW_DATE_NONE. */
HwDate   hw_date_parse_display_on (const char *text, HwDate today);

G_END_DECLS
