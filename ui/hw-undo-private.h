/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-undo.c beyond its public API (hw-undo.h): the application
 * does not call these. */

#include "hw-undo.h"

G_BEGIN_DECLS

gboolean  hw_undo_is_pending (HwUndo *self);

G_END_DECLS
