/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-duties.h"

G_BEGIN_DECLS

/* Reminders (issue 19): on opening, what fell due while the app was closed, as a desktop
 * notification per duty (clicking opens its case: app.open-case) or one summing them up, and
 * what came within the due-soon window since; each kind on or off in Preferences
 * (remind-overdue, remind-due-soon). Missed periods are history: never reminded of. */
typedef struct {
  guint      n_fell_due;      /* overdue since last time (reported when remind-overdue) */
  guint      n_due_soon;      /* newly due soon (reported when remind-due-soon) */
  GPtrArray *notification_ids; /* what was sent (or would be, without a session bus) */
} HwReminders;

void          hw_reminders_clear (HwReminders *reminders);

/* Compares @items (HwDutyItem: all the user's open duties) with @settings' duties-last-seen,
 * notifies through @app (may be NULL: nothing sent), and stores @today as last seen. */
void          hw_reminders_run   (GApplication *app,
                                  GSettings    *settings,
                                  GPtrArray    *items,
                                  HwDate        today,
                                  int           due_soon_days,
                                  HwReminders  *result);

G_END_DECLS
