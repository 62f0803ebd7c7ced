/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-child-page.c beyond its public API (hw-child-page.h): the application
 * does not call these. */

#include "hw-child-page.h"

G_BEGIN_DECLS

/* The rule ids of the deviations shown (missed periods, rules.md v2), in order. */
GStrv            hw_child_page_dup_deviation_rules (HwChildPage *self);
/* The rule ids of the overdue and due-soon findings shown, in order. */
GStrv            hw_child_page_dup_finding_rules  (HwChildPage *self);
const HwDossier *hw_child_page_get_dossier      (HwChildPage *self);
const char      *hw_child_page_get_facts        (HwChildPage *self);
/* What the header shows (for tests): the child's name, the facts line, the findings. */
const char      *hw_child_page_get_title        (HwChildPage *self);
/* "overview", "parents", "placement", "samvaer", "plans", "reunification", "visits". */
void             hw_child_page_show_tab         (HwChildPage *self, const char *name);
/* What the toast's Undo does: the last activity change taken back. */
gboolean         hw_child_page_undo_activity    (HwChildPage *self);

G_END_DECLS
