/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_APPLICATION_ID "no.homeward.Homeward"

#define HW_TYPE_APPLICATION (hw_application_get_type ())
G_DECLARE_FINAL_TYPE (HwApplication, hw_application, HW, APPLICATION, AdwApplication)

HwApplication *hw_application_new           (void);
void           hw_application_set_db_path   (HwApplication *self, const char *path);
/* The application's settings, or NULL when the schema is not installed (then nothing is
 * remembered between runs). */
GSettings     *hw_application_get_settings  (HwApplication *self);
/* "Today" for duties: the calendar date, or $HOMEWARD_TODAY (YYYY-MM-DD) for tests and demos. */
HwDate         hw_application_get_today     (void);
/* Opens the database and a window on it; on failure, a window that says why. */
GtkWindow     *hw_application_open_window   (HwApplication *self);
/* setlocale() and the message catalogue: installed, or the build folder's when run from it. */
void           hw_application_setup_i18n    (void);

G_END_DECLS
