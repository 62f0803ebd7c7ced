/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-print-dialogs.c beyond its public API (hw-print-dialogs.h): the application
 * does not call these. */

#include "hw-print-dialogs.h"

G_BEGIN_DECLS

/* Tests: export to @pdf_path instead of opening GTK's print dialog (NULL: the dialog). */
void hw_print_plan_set_export_for_tests (const char *pdf_path);

G_END_DECLS
