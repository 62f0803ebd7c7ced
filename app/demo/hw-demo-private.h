/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-demo.c beyond its public API (hw-demo.h): the application
 * does not call these. */

#include "hw-demo.h"

G_BEGIN_DECLS

gboolean hw_demo_generate (const HwDemoOptions *options,
                           HwDemoSink           home_sink,   /* foster homes first */
                           HwDemoSink           case_sink,
                           HwDemoProgress       progress,
                           gpointer             user_data,
                           GError             **error);

G_END_DECLS
