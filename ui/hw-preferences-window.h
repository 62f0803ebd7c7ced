/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store.h"
#include "hw-template-page.h"

G_BEGIN_DECLS

/* Who the user is (kept in GSettings on this computer), the municipality's rule settings and
 * its activity template (kept in the database, shared by everyone who uses it). */
#define HW_TYPE_PREFERENCES_WINDOW (hw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HwPreferencesWindow, hw_preferences_window, HW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

HwPreferencesWindow *hw_preferences_window_new (GtkWindow *parent,
                                                HwStore   *store,
                                                GSettings *settings);
/* Chooses the staff member the user is (tests, and the "I am" row). */
void                 hw_preferences_window_set_staff   (HwPreferencesWindow *self,
                                                        const char          *staff_id);
/* Sets a rule setting as the row does; NULL or the default removes the override. */
gboolean             hw_preferences_window_set_rule    (HwPreferencesWindow *self,
                                                        const char          *key,
                                                        const char          *value,
                                                        GError             **error);
/* The "Activity Template" page. */
HwTemplatePage      *hw_preferences_window_get_template_page (HwPreferencesWindow *self);

G_END_DECLS
