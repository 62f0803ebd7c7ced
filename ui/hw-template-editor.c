/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-activity.h"
#include "hw-template-editor.h"

struct _HwTemplateEditor
{
  GtkBox               parent_instance;

  HwTemplateItem      *item;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *text_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *participants_row;
  AdwComboRow         *part_row;
  AdwComboRow         *responsible_row;
  GtkSwitch           *per_parent_switch;
  AdwComboRow         *anchor_row;
  GtkSpinButton       *offset_months_spin;
  GtkSpinButton       *offset_days_spin;
  GtkSpinButton       *repeat_months_spin;
  GtkSpinButton       *repeat_days_spin;
  GtkSpinButton       *for_months_spin;
  AdwActionRow        *for_months_row;
  AdwComboRow         *basis_row;
  AdwEntryRow         *source_row;
  GtkButton           *remove_button;
};

G_DEFINE_FINAL_TYPE (HwTemplateEditor, hw_template_editor, GTK_TYPE_BOX)

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

  if (window)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
}

static void
hw_template_editor_dispose (GObject *object)
{
  HwTemplateEditor *self = HW_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (hw_template_editor_parent_class)->dispose (object);
}

static void
hw_template_editor_class_init (HwTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_template_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, text_group);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, participants_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, part_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, per_parent_switch);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, anchor_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, offset_months_spin);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, offset_days_spin);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, repeat_months_spin);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, repeat_days_spin);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, for_months_spin);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, for_months_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, basis_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplateEditor, remove_button);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "template.save", NULL);
}

static void
hw_template_editor_init (HwTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- binding the rows to the item ---- */

static void
set_labels (AdwComboRow *row, const char *const *labels, guint n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
fill_choices (HwTemplateEditor *self)
{
  const char *parts[] = {
    hw_part_to_label (HW_PART_CHILD),
    hw_part_to_label (HW_PART_PARENTS),
    hw_part_to_label (HW_PART_FOSTER_FAMILY),
  };
  const char *responsible[] = {
    hw_responsible_to_label (HW_RESPONSIBLE_CASEWORKER),
    hw_responsible_to_label (HW_RESPONSIBLE_TEAM_LEADER),
    hw_responsible_to_label (HW_RESPONSIBLE_TILSYN),
    hw_responsible_to_label (HW_RESPONSIBLE_FOSTER_PARENTS),
    hw_responsible_to_label (HW_RESPONSIBLE_PARENTS),
    hw_responsible_to_label (HW_RESPONSIBLE_SERVICE),
  };
  const char *anchors[] = {
    hw_template_anchor_to_label (HW_ANCHOR_CARE_ORDER),
    hw_template_anchor_to_label (HW_ANCHOR_MOVE_IN),
    hw_template_anchor_to_label (HW_ANCHOR_RETURN),
    hw_template_anchor_to_label (HW_ANCHOR_PREVIOUS),
  };
  /* The order of the item's "basis" property. */
  const char *basis[] = {
    hw_basis_to_label ("L"),
    hw_basis_to_label ("V"),
    hw_basis_to_label ("K"),
  };

  set_labels (self->part_row, parts, G_N_ELEMENTS (parts));
  set_labels (self->responsible_row, responsible, G_N_ELEMENTS (responsible));
  set_labels (self->anchor_row, anchors, G_N_ELEMENTS (anchors));
  set_labels (self->basis_row, basis, G_N_ELEMENTS (basis));
}

static const char *
language_name (const char *lang)
{
  if (g_str_equal (lang, "nb"))
    return _("Norwegian Bokmål");
  if (g_str_equal (lang, "nn"))
    return _("Norwegian Nynorsk");
  return _("English");
}

static void
on_item_valid_cb (HwTemplateEditor *self)
{
  gboolean valid;

  g_object_get (self->item, "valid", &valid, NULL);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
bind (HwTemplateEditor *self, const char *property, gpointer widget, const char *target)
{
  g_object_bind_property (self->item, property, widget, target,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
bind_item (HwTemplateEditor *self)
{
  g_autofree char *description = NULL;

  fill_choices (self);
  bind (self, "title", self->title_row, "text");
  bind (self, "participants", self->participants_row, "text");
  bind (self, "source", self->source_row, "text");
  bind (self, "part", self->part_row, "selected");
  bind (self, "responsible", self->responsible_row, "selected");
  bind (self, "per-parent", self->per_parent_switch, "active");
  bind (self, "anchor", self->anchor_row, "selected");
  bind (self, "offset-months", self->offset_months_spin, "value");
  bind (self, "offset-days", self->offset_days_spin, "value");
  bind (self, "repeat-months", self->repeat_months_spin, "value");
  bind (self, "repeat-days", self->repeat_days_spin, "value");
  bind (self, "for-months", self->for_months_spin, "value");
  bind (self, "basis", self->basis_row, "selected");
  g_object_bind_property (self->item, "repeats", self->for_months_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item, "display-title", self->window_title, "title",
                          G_BINDING_SYNC_CREATE);
  adw_window_title_set_subtitle (self->window_title,
                                 hw_template_item_get_variant (self->item) == HW_TEMPLATE_REVERSED
                                 ? _("When a Child Returns Home") : _("When a Placement Starts"));
  g_signal_connect_object (self->item, "notify::valid", G_CALLBACK (on_item_valid_cb), self,
                           G_CONNECT_SWAPPED);
  on_item_valid_cb (self);

  /* Translators: %s is a language, "Norwegian Bokmål" */
  description = g_strdup_printf (_("Texts are edited in %s; their other translations stay as "
                                   "they are."),
                                 language_name (hw_template_item_get_edit_language ()));
  adw_preferences_group_set_description (self->text_group, description);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s",
                                    hw_template_item_get_key (self->item));
}

HwTemplateEditor *
hw_template_editor_new (HwTemplateItem *item)
{
  HwTemplateEditor *self;

  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (item), NULL);
  self = g_object_new (HW_TYPE_TEMPLATE_EDITOR, NULL);
  self->item = g_object_ref (item);
  bind_item (self);
  return self;
}

HwTemplateItem *
hw_template_editor_get_item (HwTemplateEditor *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_EDITOR (self), NULL);
  return self->item;
}

void
hw_template_editor_focus_title (HwTemplateEditor *self)
{
  g_return_if_fail (HW_IS_TEMPLATE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
hw_template_editor_commit (HwTemplateEditor *self)
{
  GtkSpinButton *spins[] = {
    self->offset_months_spin, self->offset_days_spin, self->repeat_months_spin,
    self->repeat_days_spin, self->for_months_spin,
  };

  g_return_if_fail (HW_IS_TEMPLATE_EDITOR (self));
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    gtk_spin_button_update (spins[i]);
}
