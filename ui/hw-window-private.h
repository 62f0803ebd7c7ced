/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What only this folder's tests use: not part of the API the app calls. */
#include "hw-window.h"

G_BEGIN_DECLS

/* "caseload", "mine", "team", "homes", "child", "error": the names of win.show-view's parameter. */
const char *hw_view_get_name           (HwView view);

/* What Ctrl+P prints outside a child's record: the overdue list of the team shown in the team
 * overview, elsewhere of the user's team. */
HwDocument *hw_window_build_overdue_list (HwWindow *self, GError **error);

/* Openings of records whose audit entries wait for another program's lock. */
guint       hw_window_get_n_reads_pending (HwWindow *self);

/* The page widgets, by the view names above (NULL when unknown). */
GtkWidget  *hw_window_get_page         (HwWindow *self, const char *name);

HwView      hw_window_get_view         (HwWindow *self);

GtkWidget  *hw_window_get_view_page    (HwWindow *self, HwView view);

/* The same by name. */
const char *hw_window_get_visible_view (HwWindow *self);

/* What fell due since the user last had the app open (GSettings duties-last-seen), as
 * notifications and a toast; done once when the user's duties are first known. @result (or
 * NULL) gets what was reported (hw_reminders_clear() it). */
void        hw_window_remind           (HwWindow *self, HwReminders *result);

void        hw_window_show_view        (HwWindow *self, const char *name);

G_END_DECLS
