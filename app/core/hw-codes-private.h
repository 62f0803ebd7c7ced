/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-codes.c beyond its public API (hw-codes.h): the application
 * does not call these. */

#include "hw-codes.h"

G_BEGIN_DECLS

/* The SSB list (an HwSsbList) whose codes @list names, or -1. */
int           hw_code_list_get_ssb    (HwCodeList list);

G_END_DECLS
