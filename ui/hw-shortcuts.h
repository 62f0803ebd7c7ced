/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The application's keyboard shortcuts, defined once: the application's accelerators are set
 * from this table, the main window binds the same keys (for a window without the running
 * application, as in tests), and the help overlay (ui/gtk/help-overlay.ui) lists each action,
 * which a test checks. Keys that only a page or a form knows (Return, Delete, Escape…) live in
 * that page's .ui and are listed in the help overlay by their accelerator. */
typedef struct {
  const char *action;        /* detailed: "win.show-view('team')" */
  const char *accels[3];     /* NULL-terminated */
} HwShortcut;

/* gtk_application_set_accels_for_action() for every entry. */
void              hw_shortcuts_set_accels (GtkApplication *app);
/* Binds the keys of the "win." entries in @widget_class (the main window's). */
void              hw_shortcuts_add_bindings (GtkWidgetClass *widget_class);


G_END_DECLS
