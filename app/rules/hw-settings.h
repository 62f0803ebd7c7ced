/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-catalogue.h"

G_BEGIN_DECLS

/* The municipal settings in force: the catalogue's defaults (rules.md), overridden by the
 * values the municipality stored (the store's setting table). Values are whole numbers in
 * the setting's unit, checked against the catalogue's min and max. */

typedef struct _HwSettings HwSettings;

/* Defaults merged with @store_settings (key → text, as hw_store_dup_settings() returns; may
 * be NULL). Keys the catalogue does not know are ignored (other parts of Homeward keep their
 * own settings in the same table). A known key with an invalid value fails with
 * HW_ERROR_INVALID naming the key. */
HwSettings   *hw_settings_new                (const HwCatalogue *catalogue,
                                              GHashTable        *store_settings,
                                              GError           **error);
void          hw_settings_free               (HwSettings *self);

const HwCatalogue *hw_settings_get_catalogue (const HwSettings *self);

/* The value of @key; -1 when the catalogue has no such setting. */
int           hw_settings_get                (const HwSettings *self, const char *key);
/* By the setting's index in the catalogue (hw_catalogue_get_setting()). */
int           hw_settings_get_at             (const HwSettings *self, guint index);

/* Checks a value typed by a user: a whole number within the setting's range. On success
 * @value (may be NULL) receives it. Fails with HW_ERROR_NOT_FOUND for an unknown key and
 * HW_ERROR_INVALID / HW_ERROR_RANGE for a bad value, with a translated message. */
gboolean      hw_settings_parse_value        (const HwCatalogue *catalogue,
                                              const char        *key,
                                              const char        *text,
                                              int               *value,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwSettings, hw_settings_free)

G_END_DECLS
