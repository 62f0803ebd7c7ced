/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <gtk/gtk.h>

#include "hw-application.h"

G_BEGIN_DECLS

/* What every UI test program needs: running the main loop until something holds, finding
 * widgets, and screenshots of them as PNG test artifacts. */

typedef gboolean (*HwUiCondition) (gpointer data);

/* Iterates the main loop until @cond holds; FALSE after @timeout_ms. */
gboolean   hw_ui_test_wait_for        (HwUiCondition cond, gpointer data, guint timeout_ms);
/* Iterates the main loop for @ms milliseconds. */
void       hw_ui_test_spin            (guint ms);
/* An HwUiCondition: the widget @data is mapped. */
gboolean   hw_ui_test_window_mapped   (gpointer data);
/* The first descendant of @root of @type (and widget name @name, unless NULL), depth first. */
GtkWidget *hw_ui_test_find_descendant (GtkWidget *root, GType type, const char *name);
/* Where screenshots go (the build folder's tests/artifacts). */
void       hw_ui_test_set_artifacts_dir (const char *dir);
/* The built homeward-cli (argv[2] of the program), to act as another program; NULL if not given. */
const char *hw_ui_test_get_cli        (void);
/* Saves what @widget shows as ARTIFACTS/@name.png, once the last frames are drawn. */
void       hw_ui_test_screenshot      (GtkWidget *widget, const char *name);

/* A UI test program's main(): artifacts folder from argv[1], i18n, GTK and libadwaita, the
 * application registered in *@app (which tests use), then @make_suite run in this process
 * (GTK and the X connection do not survive fork()). The exit status. */
int        hw_ui_test_main            (int argc, char **argv, HwApplication **app,
                                       Suite *(*make_suite) (void));

G_END_DECLS
