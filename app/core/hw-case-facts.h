/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-date.h"
#include "hw-entity.h"

G_BEGIN_DECLS

/* Questions about a case that every screen, the printed plan and the store's caseload rows
 * ask, answered once (issue 14 §1). They need no law: what a legal basis means is
 * app/rules' (hw-legal.h), and so is the active care order. */

/* A placement outside the home: SSB Kategori 1.x (institution) or 2.x (foster home). */
gboolean          hw_category_is_placement     (const char *category);

/* The child's placement on @today: the active placement that began last; of two that began
 * the same day, the one with the greater id (so that the store's SQL can say the same).
 * NULL when the child is not placed. */
const HwMeasure  *hw_dossier_current_placement (const HwDossier *dossier, HwDate today);
/* The current placement, else the placement that began last before @today (ended); never
 * one that has not begun. NULL when none. */
const HwMeasure  *hw_dossier_last_placement    (const HwDossier *dossier, HwDate today);

/* The decision in force on @today that was made last (ties: the greater id), or NULL. */
const HwDecision *hw_dossier_latest_decision   (const HwDossier *dossier, HwDate today);

/* Samvær sessions of the last 12 months: from the day after the same date a year ago to
 * @today, both included (what the child page and the printed plan both show). */
typedef struct {
  guint held;
  guint cancelled;                     /* by anyone */
  guint by_status[HW_SESSION_CANCELLED_FOSTER_HOME + 1];
  guint planned_ahead;                 /* planned, dated today or later */
} HwSamvaerCount;

HwDate            hw_last_12_months_start      (HwDate today);
/* Of the agreement @agreement_id, or of every agreement when NULL. */
void              hw_dossier_count_samvaer     (const HwDossier *dossier,
                                                const char      *agreement_id,
                                                HwDate           today,
                                                HwSamvaerCount  *count);

/* Orders two records of the same kind by start date, then id: > 0 when @a is the later. */
int               hw_start_compare             (HwDate a_start, const char *a_id,
                                                HwDate b_start, const char *b_id);

G_END_DECLS
