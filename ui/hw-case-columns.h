/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns a list of HwCaseItems can show (the caseload, the team overview). */
typedef enum {
  HW_CASE_COLUMN_NAME,
  HW_CASE_COLUMN_AGE,
  HW_CASE_COLUMN_JOURNAL,
  HW_CASE_COLUMN_PLACEMENT,
  HW_CASE_COLUMN_SINCE,
  HW_CASE_COLUMN_CASEWORKER,
  HW_CASE_COLUMN_NEXT,
  HW_CASE_COLUMN_OVERDUE,
  HW_CASE_COLUMN_DUE_SOON,
} HwCaseColumn;

/* Appends a column (cells bound to the item's properties, with a sorter); borrowed. */
GtkColumnViewColumn *hw_case_columns_add (GtkColumnView *view,
                                          HwCaseColumn   kind,
                                          const char    *title,
                                          gboolean       expand,
                                          int            fixed_width);

G_END_DECLS
