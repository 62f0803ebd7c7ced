/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-catalogue.c beyond its public API (hw-catalogue.h): the application
 * does not call these. */

#include "hw-catalogue.h"

G_BEGIN_DECLS

/* DATADIR/rules/catalogue.xml */
char         *hw_catalogue_dup_default_path   (void);
const char   *hw_catalogue_get_path           (const HwCatalogue *self);
/* Loads and validates @path against the installed schema (DATADIR/rules/catalogue.xsd).
 * A malformed or invalid file fails with HW_ERROR_PARSE and "FILE:LINE: reason". */
HwCatalogue  *hw_catalogue_load               (const char *path, GError **error);
HwCatalogue  *hw_catalogue_load_with_schema   (const char *path, const char *schema_path,
                                               GError **error);
const char   *hw_rule_about_to_string         (HwRuleAbout about);        /* "parent"… */
const char   *hw_rule_get_explanation         (const HwRule *rule, HwLang lang);
/* "deadline", "recurring" or "yearly-count". */
const char   *hw_rule_get_kind                (const HwRule *rule);
/* The effective period on the triggering event; HW_DATE_NONE = open. */
HwDate        hw_rule_get_valid_from          (const HwRule *rule);
HwDate        hw_rule_get_valid_to            (const HwRule *rule);

G_END_DECLS
