/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-shortcuts.c beyond its public API (hw-shortcuts.h): the application
 * does not call these. */

#include "hw-shortcuts.h"

G_BEGIN_DECLS


const HwShortcut *hw_shortcuts_get        (guint *n_shortcuts);

G_END_DECLS
