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
/* Whether only cases with overdue or due-soon duties are listed. */
void        hw_team_page_set_only_due  (HwTeamPage *self, gboolean only_due);



G_END_DECLS
