/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-plan-template.h"
#include "hw-store.h"
#include "hw-template-editor.h"

G_BEGIN_DECLS

/* The preferences page where a supervisor edits the municipality's activity template (the
 * Omsorgspakke activities, ordinary and reversed): one GListModel of HwTemplateItem per
 * variant, edited in a subpage, saved to the store as a whole. Edits stay in the page until
 * they are saved; a refused save keeps them and says which field is wrong.
 *
 * Actions, in the "template" group (on the page and on its editors): save, discard, reset
 * (asks first), add(s variant: "ordinary" or "reversed"), edit(s key), remove(s key),
 * undo-remove. The window should insert hw_template_page_get_action_group() too, so its toasts'
 * buttons reach them. */
#define HW_TYPE_TEMPLATE_PAGE (hw_template_page_get_type ())
G_DECLARE_FINAL_TYPE (HwTemplatePage, hw_template_page, HW, TEMPLATE_PAGE, AdwPreferencesPage)

/* Loads the store's template (the default when it has none). */
void              hw_template_page_set_store    (HwTemplatePage   *self,
                                                 HwStore          *store);
GActionGroup     *hw_template_page_get_action_group (HwTemplatePage *self);
/* Edited since loaded or saved. */
gboolean          hw_template_page_get_modified (HwTemplatePage   *self);
/* Checks every activity, then stores the template for everyone. When refused, the page keeps
 * the edits and shows the error. */
gboolean          hw_template_page_save         (HwTemplatePage   *self,
                                                 GError          **error);
/* Forgets the unsaved edits. */
void              hw_template_page_discard      (HwTemplatePage   *self);

G_END_DECLS
