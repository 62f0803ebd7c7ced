/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-case-item.h"
#include "hw-findings.h"
#include "hw-service.h"

G_BEGIN_DECLS

/* Every case of the database as HwCaseItems, and the rule engine's findings for each. The
 * first screenful is read at once; the rest of the rows, and then the findings (one pass over
 * every case on a connection of its own), arrive from worker threads. The caseload, the team
 * overview and the foster homes all read from this one object. */
#define HW_TYPE_CASELOAD (hw_caseload_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseload, hw_caseload, HW, CASELOAD, GObject)

HwCaseload        *hw_caseload_new                  (HwStore *store, HwDate today);
HwStore           *hw_caseload_get_store            (HwCaseload *self);
HwDate             hw_caseload_get_today            (HwCaseload *self);
/* A GListModel of HwCaseItem, in journal-number order. */
GListModel        *hw_caseload_get_model            (HwCaseload *self);
HwCaseItem        *hw_caseload_find                 (HwCaseload *self, const char *case_id);
/* Reads the first rows now and starts the background work. */
gboolean           hw_caseload_load                 (HwCaseload *self, GError **error);
gboolean           hw_caseload_get_findings_loaded  (HwCaseload *self);
/* While "findings-changed" is emitted: whether it follows a pass over the whole caseload
 * (every case may have changed) rather than one case. */
gboolean           hw_caseload_get_all_changed      (HwCaseload *self);
/* The ids of the cases placed in @home_id today; NULL when none or not yet known. */
GPtrArray         *hw_caseload_get_home_cases       (HwCaseload *self, const char *home_id);
/* Samvær agreements in force that no team leader has approved (HwSamvaerAgreement). */
GPtrArray         *hw_caseload_get_pending_agreements (HwCaseload *self);
/* The one rule context of the window (app/service: the catalogue and the store's settings,
 * each case's foster homes read when it needs them), built when first asked for and again
 * after hw_caseload_refresh_findings(). NULL (@error set) when the rules cannot be loaded. */
HwService         *hw_caseload_get_service          (HwCaseload *self,
                                                     GError    **error);
/* Every finding of @dossier (HwUiFinding, as hw_ui_findings_new() orders them) as of
 * @today, for the child's record; NULL when the rules cannot be loaded. */
GPtrArray         *hw_caseload_evaluate_case        (HwCaseload      *self,
                                                     const HwDossier *dossier,
                                                     HwDate           today);
/* After a write: evaluates @dossier again and refreshes its row. */
void               hw_caseload_update_case          (HwCaseload *self, const HwDossier *dossier);
/* After a case was deleted or restored. */
void               hw_caseload_remove_case          (HwCaseload *self, const char *case_id);
/* After a foster home or a setting was edited: builds the rule context again and evaluates
 * every case again in the background. */
void               hw_caseload_refresh_findings     (HwCaseload *self);

gboolean           hw_caseload_get_rows_loaded      (HwCaseload *self);

G_END_DECLS
