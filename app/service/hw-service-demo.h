/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-demo.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Writes the fictional caseload of @options into @store (hw_demo_write() through the store). */
gboolean hw_service_write_demo (HwStore             *store,
                                const HwDemoOptions *options,
                                HwDemoProgress       progress,
                                gpointer             user_data,
                                GError             **error);

G_END_DECLS
