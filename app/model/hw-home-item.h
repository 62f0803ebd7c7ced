/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* One foster home in the documentation matrix: what is on file for the home and its members.
 * It only counts documents; whether one is owed is the rule engine's business. */
#define HW_TYPE_HOME_ITEM (hw_home_item_get_type ())
G_DECLARE_FINAL_TYPE (HwHomeItem, hw_home_item, HW, HOME_ITEM, GObject)

typedef enum {
  HW_HOME_DOC_APPROVAL,
  HW_HOME_DOC_CONTRACT,
  HW_HOME_DOC_TRAINING,
  HW_HOME_DOC_POLICE,       /* per foster parent */
  HW_HOME_DOC_HOUSEHOLD,    /* per other household member */
  HW_HOME_N_DOCS
} HwHomeDoc;

/* Takes @home. */
HwHomeItem      *hw_home_item_new          (HwDossier *home, HwDate today);
const char      *hw_home_item_get_id       (HwHomeItem *self);
const char      *hw_home_item_get_name     (HwHomeItem *self);
/* The cell text: a date, "3 of 4", or "Missing"; and whether it is complete. */
const char      *hw_home_item_get_doc_text (HwHomeItem *self, HwHomeDoc doc);
gboolean         hw_home_item_get_doc_ok   (HwHomeItem *self, HwHomeDoc doc);
/* On file, but only in a preliminary form. */
gboolean         hw_home_item_get_doc_partial (HwHomeItem *self, HwHomeDoc doc);
void             hw_home_item_set_children (HwHomeItem *self, const char *children);

G_END_DECLS
