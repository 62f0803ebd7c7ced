/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-homes-page.c beyond its public API (hw-homes-page.h): the application
 * does not call these. */

#include "hw-homes-page.h"

G_BEGIN_DECLS

/* The homes shown (HwHomeItem). */
GListModel *hw_homes_page_get_model (HwHomesPage *self);

G_END_DECLS
