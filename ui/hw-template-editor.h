/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-template-item.h"

G_BEGIN_DECLS

/* One activity of the template, as a subpage of the preferences window: its rows are bound to
 * the item's properties, so every edit lands in the item at once. Saving and removing go
 * through the template page's "template.*" actions. */
#define HW_TYPE_TEMPLATE_EDITOR (hw_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (HwTemplateEditor, hw_template_editor, HW, TEMPLATE_EDITOR, GtkBox)

HwTemplateEditor *hw_template_editor_new      (HwTemplateItem   *item);
HwTemplateItem   *hw_template_editor_get_item (HwTemplateEditor *self);
/* Takes over what is typed in a number field but not yet entered (before saving). */
void              hw_template_editor_commit   (HwTemplateEditor *self);
/* Puts the keyboard focus in the title (a newly added activity). */
void              hw_template_editor_focus_title (HwTemplateEditor *self);

G_END_DECLS
