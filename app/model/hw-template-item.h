/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-plan-template.h"

G_BEGIN_DECLS

/* One activity of the template being edited in the preferences: a copy of its HwTemplateRow,
 * with every field a property so the editor's rows bind to it. Texts are edited in one
 * language (hw_template_item_get_edit_language); the row's other translations stay as they
 * are. What the user types is kept even when it is not valid (an empty title), so a refused
 * save loses nothing; hw_template_item_check() says which field is wrong. */
#define HW_TYPE_TEMPLATE_ITEM (hw_template_item_get_type ())
G_DECLARE_FINAL_TYPE (HwTemplateItem, hw_template_item, HW, TEMPLATE_ITEM, GObject)

HwTemplateItem      *hw_template_item_new          (HwTemplateRow     *row,      /* takes it */
                                                    HwTemplateVariant  variant);
const HwTemplateRow *hw_template_item_get_row      (HwTemplateItem *self);
const char          *hw_template_item_get_key      (HwTemplateItem *self);
HwTemplateVariant    hw_template_item_get_variant  (HwTemplateItem *self);
/* As typed: may be empty while the user edits. */
const char          *hw_template_item_get_title    (HwTemplateItem *self);
/* FALSE, naming the activity and the field, while a text cannot be saved. */
gboolean             hw_template_item_check        (HwTemplateItem *self,
                                                    GError        **error);

/* The language texts are edited in: "nb", "nn" or "en", after the user's languages. */
const char          *hw_template_item_get_edit_language (void);

G_END_DECLS
