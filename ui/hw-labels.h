/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* What users read for the store's codes and enumerations: translated labels, no law. */

/* The translated label of an enumeration value of @field, or its stored name. */
const char *hw_labels_enum_value     (const HwField *field, int value);
/* Integer fields whose values are codes (plan type, end reason, status): NULL-terminated
 * arrays of codes and labels, or FALSE when @field is a plain number. */
gboolean    hw_labels_int_choices    (HwEntity entity, const HwField *field,
                                      const int **codes, const char *const **labels,
                                      guint *n_choices);
const char *hw_labels_int_value      (HwEntity entity, const HwField *field, int value);
/* An SSB measure category ("2.1") as words ("Kinship foster home"). */
char       *hw_labels_dup_category   (const char *code);
const char *hw_labels_plan_type      (int plan_type);
const char *hw_labels_role           (HwStaffRole role);
const char *hw_labels_visit_kind     (HwVisitKind kind);
/* "§ 5-1 (2021 act)" for a legal basis, NULL when empty. */
char       *hw_labels_dup_basis      (const HwLegalBasis *basis);
/* A one-line title and a subtitle for a record in lists and the timeline. */
void        hw_labels_describe_record (gconstpointer     record,
                                       const HwDossier  *dossier,
                                       char            **title,
                                       char            **subtitle);
/* The record's main date, for ordering the timeline (HW_DATE_NONE if it has none). */
HwDate      hw_labels_record_date    (gconstpointer record);
/* "dd.mm.yyyy" or an em dash for none; the string is owned by the caller. */
char       *hw_labels_dup_date       (HwDate date);
/* "9 years" */
char       *hw_labels_dup_age        (HwDate birth, HwDate today);
/* The most of a name a list or a choice shows. */
#define HW_LABELS_NAME_CHARS 200
/* @text cut after @max_chars characters, an ellipsis marking the cut: for user text in places
 * that cannot ellipsize themselves (window titles, messages that quote a name), so that no
 * name, however long, widens or lengthens them. NULL stays NULL. */
char       *hw_labels_dup_truncated  (const char *text, guint max_chars);

G_END_DECLS
