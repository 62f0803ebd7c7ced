/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-entity.c beyond its public API (hw-entity.h): the application
 * does not call these. */

#include "hw-entity.h"

G_BEGIN_DECLS

gboolean  hw_record_equal      (gconstpointer a, gconstpointer b);

G_END_DECLS
