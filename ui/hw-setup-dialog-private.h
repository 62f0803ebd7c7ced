/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What only this folder's tests use: not part of the API the app calls. */
#include "hw-setup-dialog.h"

G_BEGIN_DECLS

/* For tests: the message last shown, or NULL. */
const char    *hw_setup_dialog_get_error (HwSetupDialog *self);

G_END_DECLS
