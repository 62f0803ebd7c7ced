/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-document.h"

#include "hw-application.h"
#include "hw-caseload.h"
#include "hw-reminders.h"
#include "hw-undo.h"

G_BEGIN_DECLS

#define HW_TYPE_WINDOW (hw_window_get_type ())
G_DECLARE_FINAL_TYPE (HwWindow, hw_window, HW, WINDOW, AdwApplicationWindow)

HwWindow   *hw_window_new              (HwApplication *app, HwStore *store);
/* A window that only says why the database could not be opened. */
HwWindow   *hw_window_new_error        (HwApplication *app, const char *title, const char *body);

HwCaseload *hw_window_get_caseload     (HwWindow *self);
/* Who the user is (Preferences; else the staff member whose username is the store's actor,
 * and that one's team): a staff id and a team id, or NULL. */
char       *hw_window_dup_user_staff_id (HwWindow *self);
char       *hw_window_dup_user_team_id  (HwWindow *self);

/* What the window shows: a page of the view stack, a child's record, or why the database could
 * not be opened. */
typedef enum {
  HW_VIEW_CASELOAD,
  HW_VIEW_MINE,
  HW_VIEW_TEAM,
  HW_VIEW_HOMES,
  HW_VIEW_CHILD,
  HW_VIEW_ERROR,
  HW_N_VIEWS
} HwView;

HwView      hw_view_from_name          (const char *name);  /* HW_N_VIEWS when unknown */

/* The child's view only once a record was opened; the error view never. */
void        hw_window_set_view         (HwWindow *self, HwView view);
/* What win.open-case (parameter: the case id) does; every page opens cases through it. */
void        hw_window_open_case        (HwWindow *self, const char *case_id);

/* A toast showing @text as it is (escaped for the toast's markup): every toast is made here. */
AdwToast   *hw_toast_new               (const char *text);
/* What to tell the user about @error: for a busy database, that the change is not saved yet
 * and to try again; otherwise the error's message. */
const char *hw_window_describe_error   (const GError *error);
void        hw_window_add_toast        (HwWindow *self, AdwToast *toast);  /* takes @toast */
void        hw_window_toast_error      (HwWindow *self, const GError *error);
/* The same from a widget inside the window (plain text, shown as it is); outside a window the
 * error is logged. */
void        hw_window_toast_from       (GtkWidget *inside, const char *message);
void        hw_window_toast_error_from (GtkWidget *inside, const GError *error);
void        hw_window_show_preferences (HwWindow *self);
/* The record of @case_id was shown: its audit entry, written without waiting for the lock. */
void        hw_window_log_read         (HwWindow *self, const char *case_id);
/* The window's one pending undo (hw-undo.h): what the last delete removed. */
HwUndo     *hw_window_get_undo         (HwWindow *self);
/* The case's findings changed (a save, a delete): every view refreshes. */
void        hw_window_case_changed     (HwWindow *self, const HwDossier *dossier);

G_END_DECLS
