/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-template-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-error.h"
#include "hw-service-template.h"
#include "hw-template-item.h"
#include "hw-template-page.h"
#include "hw-template-page-private.h"
#include "hw-window.h"

/* Back to the shipped template, in the store and in the page (the "reset" action asks first). */
static gboolean hw_template_page_reset (HwTemplatePage *self, GError **error);

/* Opens an activity in the preferences window's subpage; NULL when there is no such key. */
static HwTemplateEditor *hw_template_page_edit (HwTemplatePage *self, const char *key);

struct _HwTemplatePage
{
  AdwPreferencesPage  parent_instance;

  HwStore            *store;
  /* As loaded: keeps the template's description; its rows are rewritten from the models when
   * saving. */
  HwPlanTemplate     *template;
  GListStore         *rows[HW_TEMPLATE_N_VARIANTS];   /* HwTemplateItem */
  GSimpleActionGroup *actions;
  gboolean            modified;
  gboolean            custom;      /* the store has a template of its own */
  gboolean            usable;      /* some template could be loaded */
  HwTemplateEditor   *editor;      /* weak: the activity open in the subpage */
  HwTemplateItem     *removed;     /* the last removed activity, for undo */
  guint               removed_position;
  AdwToast           *undo_toast;
  AdwToast           *toast;       /* the last one shown */

  AdwActionRow       *origin_row;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkListBox         *ordinary_list;
  GtkListBox         *reversed_list;
};

G_DEFINE_FINAL_TYPE (HwTemplatePage, hw_template_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- state shown in the page ---- */

static AdwPreferencesWindow *
get_window (HwTemplatePage *self)
{
  return (AdwPreferencesWindow *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                           ADW_TYPE_PREFERENCES_WINDOW);
}

/* A new toast replaces the page's last one at once. Never with a high priority: libadwaita 1.2
 * aborts when a high-priority toast that postponed another is dismissed too soon. */
static void
add_toast (HwTemplatePage *self, AdwToast *toast)
{
  AdwPreferencesWindow *window = get_window (self);

  if (self->toast)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  if (window)
    adw_preferences_window_add_toast (window, toast);
  else
    g_object_unref (toast);
}

static void
show_message (HwTemplatePage *self, const char *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
toast_error (HwTemplatePage *self, const GError *error)
{
  AdwToast *toast = hw_toast_new (hw_window_describe_error (error));

  adw_toast_set_timeout (toast, 10);
  add_toast (self, toast);
}

static void
set_enabled (HwTemplatePage *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (HwTemplatePage *self)
{
  set_enabled (self, "save", self->usable && self->modified);
  set_enabled (self, "discard", self->usable && self->modified);
  set_enabled (self, "reset", self->usable && (self->custom || self->modified));
  set_enabled (self, "add", self->usable);
  set_enabled (self, "undo-remove", self->removed != NULL);
}

static void
set_modified (HwTemplatePage *self, gboolean modified)
{
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_actions (self);
}

static void
update_origin (HwTemplatePage *self)
{
  const char *description = self->template ? hw_plan_template_get_description (self->template)
                                            : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->origin_row),
                                 self->custom ? _("The Municipality’s Own Template")
                                              : _("The Default Template from Homeward"));
  adw_action_row_set_subtitle (self->origin_row, description ? description : "");
}

static void
clear_undo (HwTemplatePage *self)
{
  g_clear_object (&self->removed);
  if (self->undo_toast)
    {
      adw_toast_dismiss (self->undo_toast);
      g_clear_object (&self->undo_toast);
    }
}

static void
close_editor (HwTemplatePage *self)
{
  AdwPreferencesWindow *window = get_window (self);

  if (self->editor && window)
    adw_preferences_window_close_subpage (window);
  g_clear_weak_pointer (&self->editor);
}

static HwTemplateItem *
find_item (HwTemplatePage *self, const char *key, HwTemplateVariant *variant, guint *position)
{
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      GListModel *model = G_LIST_MODEL (self->rows[v]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(HwTemplateItem) item = g_list_model_get_item (model, i);

          if (g_strcmp0 (hw_template_item_get_key (item), key) == 0)
            {
              if (variant)
                *variant = v;
              if (position)
                *position = i;
              return item;   /* the model keeps it */
            }
        }
    }
  return NULL;
}

/* ---- loading ---- */

static void
on_item_changed_cb (HwTemplatePage *self)
{
  set_modified (self, TRUE);
}

static HwTemplateItem *
watch_item (HwTemplatePage *self, HwTemplateItem *item)
{
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return item;
}

/* Shows @template (taken) as the unmodified state. */
static void
show_template (HwTemplatePage *self, HwPlanTemplate *template)
{
  close_editor (self);
  clear_undo (self);
  g_clear_object (&self->template);
  self->template = template;
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      GPtrArray *rows = hw_plan_template_get_rows (template, v);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < rows->len; i++)
        {
          HwTemplateRow *row = hw_template_row_copy (rows->pdata[i]);

          g_ptr_array_add (items, watch_item (self, hw_template_item_new (row, v)));
        }
      g_list_store_splice (self->rows[v], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->rows[v])),
                           items->pdata, items->len);
    }
  update_origin (self);
  set_modified (self, FALSE);
}

static gboolean
store_has_own_template (HwStore *store)
{
  g_autofree char *xml = hw_store_dup_setting (store, HW_PLAN_TEMPLATE_SETTING);

  return xml != NULL && *xml != '\0';
}

static void
load (HwTemplatePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPlanTemplate) template = NULL;
  gboolean broken = FALSE;

  show_message (self, NULL);
  self->custom = store_has_own_template (self->store);
  template = hw_service_load_plan_template (self->store, &error);
  if (template == NULL && self->custom)
    {
      /* The stored copy cannot be read: show the default, saying why; saving replaces it. */
      show_message (self, error->message);
      g_clear_error (&error);
      template = hw_plan_template_load_default (&error);
      broken = TRUE;
    }
  self->usable = template != NULL;
  if (template == NULL)
    {
      show_message (self, error->message);
      template = hw_plan_template_new ();
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->ordinary_list), self->usable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reversed_list), self->usable);
  show_template (self, g_steal_pointer (&template));
  if (broken && self->usable)
    set_modified (self, TRUE);
}

/* ---- the lists ---- */

static GtkWidget *
create_row_cb (gpointer object, gpointer user_data)
{
  HwTemplateItem *item = object;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "display-title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "summary", row, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_widget_set_name (warning, "warning");
  gtk_widget_add_css_class (warning, "error");
  gtk_widget_set_tooltip_text (warning, _("This activity cannot be saved as it is"));
  g_object_bind_property (item, "valid", warning, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "template.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", hw_template_item_get_key (item));
  gtk_widget_set_name (row, hw_template_item_get_key (item));
  return row;
}

static void
bind_list (HwTemplatePage *self, GtkListBox *list, HwTemplateVariant variant)
{
  GtkWidget *placeholder = gtk_label_new (_("No activities"));

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (list, placeholder);
  gtk_list_box_bind_model (list, G_LIST_MODEL (self->rows[variant]), create_row_cb, self, NULL);
}

/* ---- actions ---- */

static void
save_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HwTemplatePage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (hw_template_page_save (self, &error))
    add_toast (self, hw_toast_new (_("Activity template saved")));
  else
    toast_error (self, error);
}

static void
discard_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  hw_template_page_discard (user_data);
}

static void
on_reset_response_cb (AdwMessageDialog *dialog, const char *response, HwTemplatePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reset"))
    return;
  if (hw_template_page_reset (self, &error))
    add_toast (self, hw_toast_new (_("The activity template is back to the default")));
  else
    toast_error (self, error);
}

static void
reset_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HwTemplatePage *self = user_data;
  AdwPreferencesWindow *window = get_window (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Reset the Activity Template?"),
                                   _("The activities and timings are replaced by the template "
                                     "that comes with Homeward, for everyone who uses this "
                                     "database. Activities that cases already have stay as "
                                     "they are."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A key no activity has (nor the one waiting for undo): "local-1", "local-2" … */
static char *
dup_new_key (HwTemplatePage *self)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *key = g_strdup_printf ("local-%u", n);

      if (find_item (self, key, NULL, NULL) == NULL &&
          (self->removed == NULL ||
           g_strcmp0 (hw_template_item_get_key (self->removed), key) != 0))
        return g_steal_pointer (&key);
    }
}

static void
add_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HwTemplatePage *self = user_data;
  HwTemplateVariant variant = g_str_equal (g_variant_get_string (param, NULL), "reversed")
                              ? HW_TEMPLATE_REVERSED : HW_TEMPLATE_ORDINARY;
  g_autofree char *key = dup_new_key (self);
  HwTemplateRow *row = hw_template_row_new (key, HW_PART_CHILD);
  g_autoptr(HwTemplateItem) item = NULL;
  HwTemplateEditor *editor;

  row->anchor = variant == HW_TEMPLATE_REVERSED ? HW_ANCHOR_RETURN : HW_ANCHOR_MOVE_IN;
  hw_template_row_set_title (row, hw_template_item_get_edit_language (), _("New activity"));
  item = watch_item (self, hw_template_item_new (row, variant));
  g_list_store_append (self->rows[variant], item);
  set_modified (self, TRUE);
  editor = hw_template_page_edit (self, key);
  if (editor)
    hw_template_editor_focus_title (editor);
}

static void
edit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  hw_template_page_edit (user_data, g_variant_get_string (param, NULL));
}

static void
on_undo_dismissed_cb (AdwToast *toast, HwTemplatePage *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
remove_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HwTemplatePage *self = user_data;
  HwTemplateVariant variant;
  guint position;
  HwTemplateItem *item = find_item (self, g_variant_get_string (param, NULL), &variant,
                                    &position);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (item == NULL)
    return;
  clear_undo (self);
  self->removed = g_object_ref (item);
  self->removed_position = position;
  if (self->editor && hw_template_editor_get_item (self->editor) == item)
    close_editor (self);
  g_list_store_remove (self->rows[variant], position);
  set_modified (self, TRUE);

  /* Translators: %s is the title of the activity taken out of the template */
  message = g_strdup_printf (_("“%s” removed"), hw_template_item_get_title (item));
  toast = hw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "template.undo-remove");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_dismissed_cb), self, 0);
  self->undo_toast = g_object_ref (toast);
  add_toast (self, toast);
}

static void
undo_remove_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HwTemplatePage *self = user_data;
  g_autoptr(HwTemplateItem) item = g_steal_pointer (&self->removed);

  if (item == NULL)
    return;
  g_list_store_insert (self->rows[hw_template_item_get_variant (item)],
                       MIN (self->removed_position,
                            g_list_model_get_n_items (G_LIST_MODEL (
                              self->rows[hw_template_item_get_variant (item)]))),
                       item);
  clear_undo (self);
  set_modified (self, TRUE);
}

static const GActionEntry action_entries[] = {
  { "save", save_activated, NULL, NULL, NULL, { 0 } },
  { "discard", discard_activated, NULL, NULL, NULL, { 0 } },
  { "reset", reset_activated, NULL, NULL, NULL, { 0 } },
  { "add", add_activated, "s", NULL, NULL, { 0 } },
  { "edit", edit_activated, "s", NULL, NULL, { 0 } },
  { "remove", remove_activated, "s", NULL, NULL, { 0 } },
  { "undo-remove", undo_remove_activated, NULL, NULL, NULL, { 0 } },
};

/* ---- public ---- */

void
hw_template_page_set_store (HwTemplatePage *self, HwStore *store)
{
  g_return_if_fail (HW_IS_TEMPLATE_PAGE (self));
  g_return_if_fail (HW_IS_STORE (store));
  g_set_object (&self->store, store);
  load (self);
}

GActionGroup *
hw_template_page_get_action_group (HwTemplatePage *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GListModel *
hw_template_page_get_model (HwTemplatePage *self, HwTemplateVariant variant)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), NULL);
  g_return_val_if_fail (variant < HW_TEMPLATE_N_VARIANTS, NULL);
  return G_LIST_MODEL (self->rows[variant]);
}

gboolean
hw_template_page_get_modified (HwTemplatePage *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), FALSE);
  return self->modified;
}

const char *
hw_template_page_get_message (HwTemplatePage *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

gboolean
hw_template_page_save (HwTemplatePage *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL || !self->usable)
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_FAILED,
                           _("There is no activity template to save"));
      return FALSE;
    }
  if (self->editor)
    hw_template_editor_commit (self->editor);
  /* The page's own checks first: they name the activity and the field, where the schema
   * would only name a line of XML. */
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      GListModel *model = G_LIST_MODEL (self->rows[v]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(HwTemplateItem) item = g_list_model_get_item (model, i);

          if (!hw_template_item_check (item, &local_error))
            {
              show_message (self, local_error->message);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      GListModel *model = G_LIST_MODEL (self->rows[v]);
      GPtrArray *rows = hw_plan_template_get_rows (self->template, v);

      g_ptr_array_remove_range (rows, 0, rows->len);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(HwTemplateItem) item = g_list_model_get_item (model, i);

          g_ptr_array_add (rows, hw_template_row_copy (hw_template_item_get_row (item)));
        }
    }
  if (!hw_service_save_plan_template (self->template, self->store, &local_error))
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_debug ("activity template saved");
  show_message (self, NULL);
  self->custom = TRUE;
  update_origin (self);
  set_modified (self, FALSE);
  return TRUE;
}

static gboolean
hw_template_page_reset (HwTemplatePage *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HwPlanTemplate) template = NULL;

  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  /* The default first: the municipality's copy stays when there is nothing to go back to. */
  template = hw_plan_template_load_default (&local_error);
  if (template == NULL ||
      !hw_service_save_plan_template (NULL, self->store, &local_error))
    {
      show_message (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_message (self, NULL);
  self->custom = FALSE;
  self->usable = TRUE;
  show_template (self, g_steal_pointer (&template));
  return TRUE;
}

void
hw_template_page_discard (HwTemplatePage *self)
{
  g_return_if_fail (HW_IS_TEMPLATE_PAGE (self));
  if (self->store)
    load (self);
}

static HwTemplateEditor *
hw_template_page_edit (HwTemplatePage *self, const char *key)
{
  AdwPreferencesWindow *window;
  HwTemplateItem *item;
  HwTemplateEditor *editor;

  g_return_val_if_fail (HW_IS_TEMPLATE_PAGE (self), NULL);
  item = find_item (self, key, NULL, NULL);
  window = get_window (self);
  if (item == NULL || window == NULL)
    return NULL;
  editor = hw_template_editor_new (item);
  gtk_widget_insert_action_group (GTK_WIDGET (editor), "template",
                                  G_ACTION_GROUP (self->actions));
  g_set_weak_pointer (&self->editor, editor);
  adw_preferences_window_present_subpage (window, GTK_WIDGET (editor));
  return editor;
}

/* ---- GObject ---- */

static void
hw_template_page_dispose (GObject *object)
{
  HwTemplatePage *self = HW_TEMPLATE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_TEMPLATE_PAGE);
  g_clear_weak_pointer (&self->editor);
  clear_undo (self);
  g_clear_object (&self->toast);
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    g_clear_object (&self->rows[v]);
  g_clear_object (&self->template);
  g_clear_object (&self->actions);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_template_page_parent_class)->dispose (object);
}

static void
hw_template_page_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  HwTemplatePage *self = HW_TEMPLATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_template_page_class_init (HwTemplatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_template_page_dispose;
  object_class->get_property = hw_template_page_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-template-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwTemplatePage, origin_row);
  gtk_widget_class_bind_template_child (widget_class, HwTemplatePage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, HwTemplatePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, HwTemplatePage, ordinary_list);
  gtk_widget_class_bind_template_child (widget_class, HwTemplatePage, reversed_list);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "template.save", NULL);
}

static void
hw_template_page_init (HwTemplatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    self->rows[v] = g_list_store_new (HW_TYPE_TEMPLATE_ITEM);
  bind_list (self, self->ordinary_list, HW_TEMPLATE_ORDINARY);
  bind_list (self, self->reversed_list, HW_TEMPLATE_REVERSED);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "template", G_ACTION_GROUP (self->actions));
  update_actions (self);
}
