/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-application.c beyond its public API (hw-application.h): the application
 * does not call these. */

#include "hw-application.h"

G_BEGIN_DECLS

/* Opens the database and a window on it; on failure, a window that says why. */
GtkWindow     *hw_application_open_window   (HwApplication *self);
void           hw_application_set_db_path   (HwApplication *self, const char *path);

G_END_DECLS
