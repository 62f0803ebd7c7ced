/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-import.h"
#include "hw-test-support.h"

G_BEGIN_DECLS

/* What the exchange tests share: fixtures, schema validation, warnings, and comparing stores. */

/* tests/exchange/fixtures/@name */
char      *hw_xtest_fixture          (const char *name);
/* The 1-based line of the first occurrence of @needle in the file, or 0. */
int        hw_xtest_line_of          (const char *path, const char *needle);
/* SSB's schema, vendored in data/exchange/ssb. */
char      *hw_xtest_ssb_xsd          (void);
char      *hw_xtest_homeward_xsd     (void);
/* Validates @xml against @xsd with libxml2; on failure FALSE and the messages in @errors. */
gboolean   hw_xtest_validate         (const char *xsd, const char *xml, char **errors);
#define hw_xtest_assert_valid(xsd, xml) \
  do { g_autofree char *_e = NULL; \
       ck_assert_msg (hw_xtest_validate ((xsd), (xml), &_e), "%s does not validate: %s", \
                      (xml), _e); } while (0)

/* Everything in the store as text (Homeward XML at a fixed time, and the audit chain's
 * length): equal fingerprints mean nothing changed. */
char      *hw_xtest_fingerprint      (HwStore *store);

/* Warnings as "LINE|CONTROL|SEVERITY|MESSAGE" strings, for HwImportOptions.warning. */
void       hw_xtest_collect_warning  (const HwImportWarning *warning, gpointer user_data);
gboolean   hw_xtest_has_warning      (GPtrArray *warnings, int line, const char *control);
guint      hw_xtest_count_control    (GPtrArray *warnings, const char *control);

/* Asserts both stores hold the same records, field by field: cases with everything in them,
 * foster homes with theirs, teams, staff; settings too when @settings. */
void       hw_xtest_assert_same_stores (HwStore *a, HwStore *b, gboolean settings);

/* Imports @paths (NULL-terminated) and asserts success; returns the summary. */
HwImportSummary hw_xtest_import_ok   (HwStore    *store,
                                      const char *first,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
