/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-model.h"

G_BEGIN_DECLS

/* A plan activity's status is derived, never stored: done (with its date), dropped (with a
 * reason), overdue (due before @today and not done), else planned. */
typedef enum {
  HW_ACTIVITY_PLANNED,
  HW_ACTIVITY_DONE,
  HW_ACTIVITY_OVERDUE,
  HW_ACTIVITY_DROPPED,
} HwActivityStatus;

HwActivityStatus hw_activity_get_status    (const HwActivity *activity, HwDate today);
const char      *hw_activity_status_label  (HwActivityStatus status);   /* translated */
/* "Done 12.03.2026", "Overdue", "Dropped: reason" …, translated. */
char            *hw_activity_dup_status_text (const HwActivity *activity, HwDate today);
const char      *hw_part_to_label          (HwPart part);               /* translated */
/* "L", "V", "K" → "Law", "Guidance", "Local", translated; NULL for anything else. */
const char      *hw_basis_to_label         (const char *basis);

/* The edits a caseworker makes; the caller saves the record. */
void             hw_activity_mark_done     (HwActivity *activity, HwDate date);
void             hw_activity_drop          (HwActivity *activity, const char *reason);
/* Orders by due date (none last), then title: for g_ptr_array_sort. */
int              hw_activity_compare_due   (gconstpointer a, gconstpointer b);

G_END_DECLS
