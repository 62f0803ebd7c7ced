/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-preferences-window.c beyond its public API (hw-preferences-window.h): the application
 * does not call these. */

#include "hw-preferences-window.h"

G_BEGIN_DECLS

/* The "Activity Template" page. */
HwTemplatePage      *hw_preferences_window_get_template_page (HwPreferencesWindow *self);
/* Sets a rule setting as the row does; NULL or the default removes the override. */
gboolean             hw_preferences_window_set_rule    (HwPreferencesWindow *self,
                                                        const char          *key,
                                                        const char          *value,
                                                        GError             **error);
/* Chooses the staff member the user is (tests, and the "I am" row). */
void                 hw_preferences_window_set_staff   (HwPreferencesWindow *self,
                                                        const char          *staff_id);

G_END_DECLS
