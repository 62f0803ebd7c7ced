/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-record-editor.c beyond its public API (hw-record-editor.h): the application
 * does not call these. */

#include "hw-record-editor.h"

G_BEGIN_DECLS

/* The message the form shows, or NULL. */
const char     *hw_record_editor_get_error    (HwRecordEditor *self);
gconstpointer   hw_record_editor_get_record   (HwRecordEditor *self);
/* The row of a field, by its name in hw-entity.c. */
GtkWidget      *hw_record_editor_get_row      (HwRecordEditor *self, const char *field_name);
/* Reads the form and saves; FALSE when refused (the form then says why). */
gboolean        hw_record_editor_save         (HwRecordEditor *self);

G_END_DECLS
