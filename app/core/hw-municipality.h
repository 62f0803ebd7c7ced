/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The municipality's identity: who reports (Barnevern v4's Avgiver). Kept as settings in the
 * store; the Barnevern v4 import fills them in, `homeward-cli settings` and the app's set-up
 * dialog change them (through hw_service_change_settings()), the export reads them. */
#define HW_SETTING_ORG_NUMBER        "service-org-number"
#define HW_SETTING_MUNICIPALITY      "service-municipality"
#define HW_SETTING_MUNICIPALITY_NAME "service-municipality-name"
#define HW_SETTING_DISTRICT          "service-district"
#define HW_SETTING_DISTRICT_NAME     "service-district-name"

/* Whether @key is one of the settings above. */
gboolean     hw_municipality_is_setting      (const char *key);
/* The keys above, in the order a list shows them (NULL-terminated). */
const char *const *hw_municipality_get_keys  (void);
/* A key's label for people ("Organisation number"), translated. */
const char  *hw_municipality_get_label       (const char *key);

/* Brønnøysund's organisation number: 9 digits, the last a mod-11 check digit over the first
 * eight with the weights 3 2 7 6 5 4 3 2. */
gboolean     hw_org_number_is_valid          (const char *number);
/* The city's name when @municipality (4 digits) reports per district (bydel), else NULL. */
const char  *hw_municipality_district_city   (const char *municipality);

/* Checks one value (surrounding space ignored; an empty value is refused: unset a setting
 * instead). The message names the field. */
gboolean     hw_municipality_check_value     (const char  *key,
                                              const char  *value,
                                              GError     **error);
/* Checks the identity as a whole: @settings (key → value) as it would be after a change.
 * A district where one is required, a district's name with its number, a name with the
 * number. The message names the missing field. */
gboolean     hw_municipality_check           (GHashTable  *settings,
                                              GError     **error);

G_END_DECLS
