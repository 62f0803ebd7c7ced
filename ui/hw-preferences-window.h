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

G_END_DECLS
