/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-team-page.c beyond its public API (hw-team-page.h): the application
 * does not call these. */

#include "hw-team-page.h"

G_BEGIN_DECLS

/* Approves a samvær agreement in the name of the user. */
gboolean    hw_team_page_approve_agreement (HwTeamPage *self,
                                            const char *agreement_id,
                                            GError    **error);
/* Whether only cases with overdue or due-soon duties are listed. */
void        hw_team_page_set_only_due  (HwTeamPage *self, gboolean only_due);

G_END_DECLS
