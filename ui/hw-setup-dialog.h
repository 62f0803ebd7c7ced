/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* First run (issue 17): the municipality (kommunenummer, name, organisation number checked
 * as typed, bydel where the city reports per district) and its teams and staff, added and
 * renamed. Saved in one transaction by hw_service_save_setup(): a refusal names the field and
 * writes nothing. */
#define HW_TYPE_SETUP_DIALOG (hw_setup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwSetupDialog, hw_setup_dialog, HW, SETUP_DIALOG, AdwWindow)

HwSetupDialog *hw_setup_dialog_new  (GtkWindow *parent,
                                     HwStore   *store);

G_END_DECLS
