/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* How the window shows records. The names of codes and enumerations are core's
 * (hw_field_get_value_label, hw_code_get_label: one vocabulary for window, plan, CLI and
 * exchange); these are what only the window needs. */

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
