/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-case-item.c beyond its public API (hw-case-item.h): the application
 * does not call these. */

#include "hw-case-item.h"

G_BEGIN_DECLS

HwDate           hw_case_item_get_placed_since (HwCaseItem *self);

G_END_DECLS
