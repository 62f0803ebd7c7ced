/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-catalogue.h"
#include "hw-entity.h"
#include "hw-finding.h"
#include "hw-legal.h"
#include "hw-settings.h"

G_BEGIN_DECLS

/* The rule engine: a pure function of (catalogue, settings, one case's facts, the foster
 * homes, today). No I/O, no SQL, no global state: the same arguments always give the same
 * findings, and several threads may evaluate different cases at once.
 *
 * @case_dossier: a case dossier as the store loads it (hw_store_load_case(),
 *   hw_store_foreach_case()). It is only read.
 * @homes: foster-home id → HwDossier (hw_store_load_homes()), or NULL when none is known.
 * @today: the date the states are computed for; facts dated after it are not yet known.
 *
 * Findings never point into the dossier or the homes: free those whenever you like. They
 * do point into @catalogue. */

/* Every applicable finding of the case, sorted by due date, then rule, then subject. Free
 * with g_ptr_array_unref(). */
GPtrArray *hw_evaluate_case        (const HwCatalogue *catalogue,
                                    const HwSettings  *settings,
                                    const HwDossier   *case_dossier,
                                    GHashTable        *homes,
                                    HwDate             today);

/* The same, appended (unsorted) to @findings, whose free function must be
 * hw_finding_free; only the rule @rule_id when not NULL. Returns the number appended. */
guint      hw_evaluate_case_append (const HwCatalogue *catalogue,
                                    const HwSettings  *settings,
                                    const HwDossier   *case_dossier,
                                    GHashTable        *homes,
                                    HwDate             today,
                                    const char        *rule_id,
                                    GPtrArray         *findings);

/* Facts about decisions that the printed plan needs as well as the rules (what kind of
 * decision a basis makes: hw-legal.h). */
/* The latest status recorded for @decision is "approved" (SSB status 1), or none is. */
gboolean   hw_decision_is_approved      (const HwDossier  *dossier,
                                         const HwDecision *decision);

G_END_DECLS
