/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-case-facts.c beyond its public API (hw-case-facts.h): the application
 * does not call these. */

#include "hw-case-facts.h"

G_BEGIN_DECLS

/* Begun on or before @today (a measure with no start date has not begun) and not ended
 * before it. */
gboolean          hw_measure_is_active         (const HwMeasure *measure, HwDate today);

G_END_DECLS
