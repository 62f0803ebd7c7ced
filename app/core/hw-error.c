/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-error.h"

G_DEFINE_QUARK (hw-error-quark, hw_error)
