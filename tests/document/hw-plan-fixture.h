/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-plan-document.h"

G_BEGIN_DECLS

/* A fictional child with every section of the plan populated: a care order, an ordinary foster
 * home with a protected address, two parents (the father with a protected address), samvær
 * with sessions, visits, parent follow-up, reunification assessments, the template's activities
 * (some done, one dropped, some overdue) and rule findings (three overdue, one due soon). */

#define FIXTURE_TODAY            hw_date_new (2026, 11, 23)
#define FIXTURE_JOURNAL          "2024-00042"
#define FIXTURE_HOME_ADDRESS     "Skjulestien 3, 7010 Trondheim"
#define FIXTURE_FATHER_ADDRESS   "Gjemmestedet 12, 7500 Stjørdal"
#define FIXTURE_MOTHER_ADDRESS   "Storgata 5, 7011 Trondheim"

typedef struct {
  HwDossier      *dossier;
  HwDossier      *home;
  GHashTable     *homes;
  GPtrArray      *staff;
  GPtrArray      *teams;
  GPtrArray      *findings;
  HwPlanTemplate *template;
} HwPlanFixture;

HwPlanFixture *hw_plan_fixture_new   (void);
void           hw_plan_fixture_free  (HwPlanFixture *fixture);
/* An input for @recipient, borrowing from @fixture. */
HwPlanInput    hw_plan_fixture_input (HwPlanFixture *fixture, HwRecipient recipient);
/* Makes the case very long: @n extra activities, a long summary and long free texts. */
void           hw_plan_fixture_make_long (HwPlanFixture *fixture, guint n);

/* Runs pdftotext on @path (with "-bbox" when @bbox); the text, or NULL with a test failure. */
char          *hw_test_pdftotext     (const char *path, gboolean bbox);
/* pdfinfo's "Pages:" and "Page size:" lines. */
int            hw_test_pdf_pages     (const char *path, char **page_size);
/* Fails the test if a word of the PDF lies (partly) off its page or overlaps another word;
 * returns the number of pages. */
int            hw_test_check_pdf_geometry (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwPlanFixture, hw_plan_fixture_free)

G_END_DECLS
