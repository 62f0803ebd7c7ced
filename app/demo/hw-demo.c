/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-demo.h"
gboolean hw_demo_write (HwStore *store, const HwDemoOptions *options, HwDemoProgress progress,
                        gpointer user_data, GError **error) { return TRUE; }
