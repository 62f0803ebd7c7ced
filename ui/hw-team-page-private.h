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

/* The widget of a count shown: "overdue:RULE" / "due-soon:RULE" (a button), "cases:STAFF"
 * (the kontaktperson's row), "overdue:STAFF" / "due-soon:STAFF"; NULL when not shown. */
GtkWidget  *hw_team_page_get_count     (HwTeamPage *self, const char *what);

/* The cases listed (HwCaseItem), in their order, and the selection over them. */
GListModel *hw_team_page_get_model     (HwTeamPage *self);

/* The Reassign menu: the team's staff (team.reassign-to), then "Someone Else…". */
GMenuModel *hw_team_page_get_reassign_menu (HwTeamPage *self);

GtkSelectionModel *hw_team_page_get_selection (HwTeamPage *self);

G_END_DECLS
