/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-settings.c beyond its public API (hw-settings.h): the application
 * does not call these. */

#include "hw-settings.h"

G_BEGIN_DECLS

gboolean      hw_settings_is_default         (const HwSettings *self, const char *key);
HwSettings   *hw_settings_new_default        (const HwCatalogue *catalogue);
/* Changes one value in memory (tests, previews); validated like a stored value. */
gboolean      hw_settings_set                (HwSettings *self, const char *key, int value,
                                              GError **error);

G_END_DECLS
