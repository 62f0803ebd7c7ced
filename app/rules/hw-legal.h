/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-catalogue.h"
#include "hw-date.h"
#include "hw-entity.h"

G_BEGIN_DECLS

/* What a legal basis means, answered once, from the catalogue's basis sets
 * (data/rules/catalogue.xml <definitions>): every screen, printout and example asks here
 * instead of comparing paragraph numbers of its own. */

/* SSB LovhjemmelType codes of the acts Homeward knows (format codes, not law). */
#define HW_LAW_CWA_2021      "BVL2021"   /* barnevernsloven (2021), in force from 2023 */
#define HW_LAW_CWA_1992      "BVL"       /* barnevernloven (1992) */
#define HW_LAW_CHILDREN_1981 "BL1981"    /* barneloven */

typedef enum {
  HW_DECISION_KIND_OTHER,
  HW_DECISION_KIND_CARE_ORDER,           /* basis-set "care-order" */
  HW_DECISION_KIND_VOLUNTARY_PLACEMENT,  /* basis-set "voluntary-placement" */
  HW_DECISION_KIND_EMERGENCY,            /* basis-set "emergency" */
  HW_DECISION_KIND_BEHAVIOUR_PLACEMENT,  /* basis-set "behaviour-placement" (optional) */
} HwDecisionKind;

/* The kind of a decision or measure with @basis, by the default catalogue
 * (hw_catalogue_load_default()); a basis in several sets takes the first of the order above;
 * OTHER when the catalogue cannot be loaded. */
HwDecisionKind hw_legal_basis_get_kind     (const HwLegalBasis *basis);
/* hw_legal_basis_get_kind() == HW_DECISION_KIND_CARE_ORDER */
gboolean       hw_legal_basis_is_care_order (const HwLegalBasis *basis);

/* @measure is a foster-home placement: its category is in the catalogue's category-set
 * "foster-home" (default catalogue; FALSE when it cannot be loaded). */
gboolean          hw_measure_is_foster_home    (const HwMeasure *measure);

/* The care order of the case on @today: the latest approved decision (its latest status
 * dated on or before @today is "approved", or it has none) with a care-order basis, made on
 * or before @today; ties go to the greater id. In force or ended: see
 * hw_dossier_active_care_order() for one in force. NULL when none. */
const HwDecision *hw_dossier_latest_care_order (const HwDossier *dossier, HwDate today);
/* The same, only when it has not ended before @today. */
const HwDecision *hw_dossier_active_care_order (const HwDossier *dossier, HwDate today);

/* @law is the 2021 act / the 1992 act (SSB "BVL2021" / "BVL", also "BVL1992"). */
gboolean       hw_law_is_cwa_2021          (const char *law);
gboolean       hw_law_is_cwa_1992          (const char *law);

/* The basis a case system records for a decision of @kind made on @date (the 1992 act
 * before 2023, the 2021 act from then on), for examples such as the demo caseload. Replaces
 * @out's strings. */
void           hw_legal_basis_set_typical  (HwLegalBasis   *out,
                                            HwDecisionKind  kind,
                                            HwDate          date);

G_END_DECLS
