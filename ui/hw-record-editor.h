/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* A form for any record, built from its field descriptions (hw-entity.h): an entry row per
 * text, date or number, a switch per yes/no, a combo per choice or reference. Save writes
 * through the store; a refusal is shown in the form, naming the field, and nothing the user
 * typed is lost. */
#define HW_TYPE_RECORD_EDITOR (hw_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (HwRecordEditor, hw_record_editor, HW, RECORD_EDITOR, AdwWindow)

/* @record is copied. @dossier (the case) and @home (a foster home) offer the choices for
 * references; either may be NULL. @fields, when not NULL, lists the only fields shown. */
HwRecordEditor *hw_record_editor_new          (GtkWindow         *parent,
                                               HwStore           *store,
                                               gconstpointer      record,
                                               gboolean           is_new,
                                               const HwDossier   *dossier,
                                               const HwDossier   *home,
                                               const char *const *fields);
void            hw_record_editor_set_heading  (HwRecordEditor *self, const char *title);

G_END_DECLS
