/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"

G_BEGIN_DECLS

/* The team leader's week: what is overdue and due soon across the team, by kontaktperson and
 * by rule; the team's cases with the overdue reunification reassessments first, several of
 * which can be reassigned at once; samvær agreements waiting for approval. */
#define HW_TYPE_TEAM_PAGE (hw_team_page_get_type ())
G_DECLARE_FINAL_TYPE (HwTeamPage, hw_team_page, HW, TEAM_PAGE, GtkWidget)

void        hw_team_page_bind          (HwTeamPage *self, HwCaseload *caseload);
void        hw_team_page_refresh       (HwTeamPage *self);
/* The team chosen in the drop-down; NULL for every team. */
const char *hw_team_page_get_team_id   (HwTeamPage *self);
/* Lists exactly the cases a count counted (issue 19): of @worker_id ("" none), and/or with
 * a finding of @rule_id in @state (-1: overdue or due soon); @title says what in the bar
 * above the list. All NULL: every case again. */
void        hw_team_page_drill         (HwTeamPage *self,
                                        const char *worker_id,
                                        const char *rule_id,
                                        int         state,
                                        const char *title);
/* The widget of a count shown: "overdue:RULE" / "due-soon:RULE" (a button), "cases:STAFF"
 * (the kontaktperson's row), "overdue:STAFF" / "due-soon:STAFF"; NULL when not shown. */
GtkWidget  *hw_team_page_get_count     (HwTeamPage *self, const char *what);
/* The Reassign menu: the team's staff (team.reassign-to), then "Someone Else…". */
GMenuModel *hw_team_page_get_reassign_menu (HwTeamPage *self);
/* Whether only cases with overdue or due-soon duties are listed. */
void        hw_team_page_set_only_due  (HwTeamPage *self, gboolean only_due);

/* The cases listed (HwCaseItem), in their order, and the selection over them. */
GListModel *hw_team_page_get_model     (HwTeamPage *self);

GtkSelectionModel *hw_team_page_get_selection (HwTeamPage *self);

G_END_DECLS
