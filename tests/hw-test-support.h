/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <glib.h>

#include "hw-entity.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder (removed at exit by hw_test_cleanup_dir). */
char      *hw_test_make_tmpdir   (void);
void       hw_test_remove_tree   (const char *path);
/* A new database in a fresh temporary folder. */
HwStore   *hw_test_open_store    (char **out_dir);
/* Another database @name in the folder @dir (a second store for round trips). */
HwStore   *hw_test_open_store_in (const char *dir, const char *name);
/* A database file at @path as Homeward's first @version migrations left it (an older version
 * of Homeward), with @sql (may be NULL) run after them. */
void       hw_test_write_old_schema (const char *path, int version, const char *sql);
/* A placement under a care order (BVL2021 § 5-1) in @category from @start, for @case_id. */
HwMeasure *hw_test_new_measure   (const char *case_id, const char *category, HwDate start);
/* A small, valid case: child born 2015-03-14 with a synthetic identity number. */
HwDossier *hw_test_make_case     (const char *journal_no);
/* Runs a suite with CK_NORMAL output; the process exit status. */
int        hw_test_run_suite     (Suite *suite);
/* $HOMEWARD_DATADIR, else the data/ folder of the source tree. */
const char *hw_test_datadir      (void);

#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

#define ck_assert_date_eq(a, iso) \
  do { char _b[11]; hw_date_to_iso ((a), _b); ck_assert_str_eq (_b, (iso)); } while (0)

G_END_DECLS
