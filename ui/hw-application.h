/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_APPLICATION_ID "no.homeward.Homeward"

#define HW_TYPE_APPLICATION (hw_application_get_type ())
G_DECLARE_FINAL_TYPE (HwApplication, hw_application, HW, APPLICATION, AdwApplication)

HwApplication *hw_application_new           (void);
/* The application's settings, or NULL when the schema is not installed (then nothing is
 * remembered between runs). */
GSettings     *hw_application_get_settings  (HwApplication *self);
/* "Today" for duties: the calendar date, or $HOMEWARD_TODAY (YYYY-MM-DD) for tests and demos. */
HwDate         hw_application_get_today     (void);
/* setlocale() and the message catalogue: installed, or the build folder's when run from it. */
void           hw_application_setup_i18n    (void);

G_END_DECLS
