/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"
#include "hw-date.h"

G_BEGIN_DECLS

/* Printing a child's plan: first whom the copy is for (internal use, each parent by name, the
 * foster parents, the tribunal, the child; the last choice for the case is the default), then
 * GTK's print dialog. */
void hw_print_plan_ask_recipient (GtkWindow  *parent,
                                  HwCaseload *caseload,
                                  const char *journal_no,
                                  HwDate      today);

G_END_DECLS
