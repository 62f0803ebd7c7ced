/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-findings.h"
#include "hw-labels.h"
#include "hw-preferences-window.h"
#include "hw-preferences-window-private.h"
#include "hw-service.h"
#include "hw-template-page.h"
#include "hw-window.h"

struct _HwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  HwStore             *store;
  GSettings           *settings;
  GPtrArray           *staff;      /* HwStaff, in the staff row's order after "none" */
  GPtrArray           *team_ids;   /* the team row's ids, NULL first */
  gboolean             updating;

  AdwComboRow         *staff_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  AdwComboRow         *team_row;
  GtkSwitch           *remind_overdue_switch;
  GtkSwitch           *remind_due_soon_switch;
  AdwPreferencesGroup *rules_group;
  HwTemplatePage      *template_page;
};

G_DEFINE_FINAL_TYPE (HwPreferencesWindow, hw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  USER_CHANGED,
  RULES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
role_label (HwStaffRole role)
{
  const char *label = hw_entity_get_value_label (HW_ENTITY_STAFF, "role", role);

  return label ? label : "";
}

static void
select_team (HwPreferencesWindow *self, const char *team_id)
{
  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_strcmp0 (self->team_ids->pdata[i], team_id) == 0)
      {
        adw_combo_row_set_selected (self->team_row, i);
        return;
      }
  adw_combo_row_set_selected (self->team_row, 0);
}

static void
on_staff_selected_cb (HwPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->staff_row);
  const HwStaff *s;

  if (self->updating || self->settings == NULL)
    return;
  if (i == 0 || i > self->staff->len)
    {
      g_settings_set_string (self->settings, "user-staff-id", "");
      g_signal_emit (self, signals[USER_CHANGED], 0);
      return;
    }
  s = self->staff->pdata[i - 1];
  self->updating = TRUE;
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "user-staff-id", s->rec.id);
  g_settings_set_string (self->settings, "user-name", s->name ? s->name : "");
  g_settings_set_enum (self->settings, "user-role", s->role);
  g_settings_set_string (self->settings, "user-team-id", s->team_id ? s->team_id : "");
  g_settings_apply (self->settings);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), s->name ? s->name : "");
  adw_combo_row_set_selected (self->role_row, s->role);
  select_team (self, s->team_id);
  self->updating = FALSE;
  if (s->name)
    hw_store_set_actor (self->store, s->name);
  g_signal_emit (self, signals[USER_CHANGED], 0);
}

static void
on_name_apply_cb (HwPreferencesWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->updating || self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "user-name", name);
  if (*name)
    hw_store_set_actor (self->store, name);
  g_signal_emit (self, signals[USER_CHANGED], 0);
}

static void
on_role_selected_cb (HwPreferencesWindow *self)
{
  if (self->updating || self->settings == NULL)
    return;
  g_settings_set_enum (self->settings, "user-role", adw_combo_row_get_selected (self->role_row));
  g_signal_emit (self, signals[USER_CHANGED], 0);
}

static void
on_team_selected_cb (HwPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->team_row);

  if (self->updating || self->settings == NULL || i >= self->team_ids->len)
    return;
  g_settings_set_string (self->settings, "user-team-id",
                         self->team_ids->pdata[i] ? self->team_ids->pdata[i] : "");
  g_signal_emit (self, signals[USER_CHANGED], 0);
}

static void
load_user (HwPreferencesWindow *self)
{
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) team_list = hw_store_list (self->store, HW_ENTITY_TEAM, NULL);
  g_autofree char *staff_id = NULL;
  g_autofree char *team_id = NULL;
  g_autofree char *name = NULL;
  guint selected = 0;

  self->updating = TRUE;
  self->staff = hw_store_list (self->store, HW_ENTITY_STAFF, NULL);
  if (self->staff == NULL)
    self->staff = g_ptr_array_new_with_free_func (hw_record_free);
  if (self->settings)
    {
      staff_id = g_settings_get_string (self->settings, "user-staff-id");
      team_id = g_settings_get_string (self->settings, "user-team-id");
      name = g_settings_get_string (self->settings, "user-name");
    }

  gtk_string_list_append (staff_names, _("Not chosen"));
  for (guint i = 0; i < self->staff->len; i++)
    {
      const HwStaff *s = self->staff->pdata[i];
      g_autofree char *cut = hw_labels_dup_truncated (s->name, HW_LABELS_NAME_CHARS);
      g_autofree char *label = g_strdup_printf ("%s (%s)", cut, role_label (s->role));

      gtk_string_list_append (staff_names, label);
      if (g_strcmp0 (s->rec.id, staff_id) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (staff_names));
  adw_combo_row_set_selected (self->staff_row, selected);

  for (int r = HW_ROLE_CASEWORKER; r <= HW_ROLE_SUPERVISOR; r++)
    gtk_string_list_append (roles, role_label (r));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  if (self->settings)
    adw_combo_row_set_selected (self->role_row, g_settings_get_enum (self->settings,
                                                                     "user-role"));

  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (teams, _("No team"));
  g_ptr_array_add (self->team_ids, NULL);
  for (guint i = 0; team_list && i < team_list->len; i++)
    {
      const HwTeam *t = team_list->pdata[i];
      g_autofree char *cut = hw_labels_dup_truncated (t->name, HW_LABELS_NAME_CHARS);

      gtk_string_list_append (teams, cut);
      g_ptr_array_add (self->team_ids, g_strdup (t->rec.id));
    }
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (teams));
  select_team (self, team_id);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");

  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->team_row), FALSE);
    }
  self->updating = FALSE;
}

/* ---- rule settings ---- */

static void
on_rule_value_changed_cb (GtkSpinButton *spin, HwPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "key");
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!hw_preferences_window_set_rule (self, key, value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      hw_toast_new (hw_window_describe_error (error)));
}

static void
on_rule_reset_cb (GtkButton *button, HwPreferencesWindow *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (button), "spin");
  const char *def = g_object_get_data (G_OBJECT (button), "default");

  gtk_spin_button_set_value (spin, g_ascii_strtod (def, NULL));
}

static void
load_rules (HwPreferencesWindow *self)
{
  guint n = 0;
  const HwUiSetting *settings = hw_findings_list_settings (&n);

  if (settings == NULL || n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The rule catalogue is not installed"));
      adw_preferences_group_add (self->rules_group, row);
      return;
    }
  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const HwUiSetting *s = &settings[i];
      g_autofree char *current = hw_store_dup_setting (self->store, s->key);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (s->min_value,
                                                        MAX (s->max_value, s->min_value), 1);
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->label);
      /* Translators: "Default 42 days · local routine · care_plan_days" */
      subtitle = g_strdup_printf (_("Default %s %s · %s · %s"), s->default_value,
                                  s->unit ? s->unit : "", s->legal_class ? s->legal_class : "",
                                  s->key);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 g_ascii_strtod (current ? current : s->default_value, NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      s->label, -1);
      g_object_set_data (G_OBJECT (spin), "key", (gpointer) s->key);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_rule_value_changed_cb),
                               self, 0);
      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, _("Reset to the default"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reset to the default"), -1);
      g_object_set_data (G_OBJECT (reset), "spin", spin);
      g_object_set_data (G_OBJECT (reset), "default", (gpointer) s->default_value);
      g_signal_connect_object (reset, "clicked", G_CALLBACK (on_rule_reset_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      gtk_widget_set_name (row, s->key);
      adw_preferences_group_add (self->rules_group, row);
    }
  self->updating = FALSE;
}

gboolean
hw_preferences_window_set_rule (HwPreferencesWindow *self, const char *key, const char *value,
                                GError **error)
{
  guint n = 0;
  const HwUiSetting *settings = hw_findings_list_settings (&n);
  const char *stored = value;

  g_return_val_if_fail (HW_IS_PREFERENCES_WINDOW (self), FALSE);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (settings[i].key, key) && g_strcmp0 (settings[i].default_value, value) == 0)
      stored = NULL;
  /* Checked against the catalogue and stored as `homeward-cli settings --set` stores it. */
  if (!hw_service_change_settings (self->store, &key, &stored, 1, error))
    return FALSE;
  g_signal_emit (self, signals[RULES_CHANGED], 0);
  return TRUE;
}

void
hw_preferences_window_set_staff (HwPreferencesWindow *self, const char *staff_id)
{
  g_return_if_fail (HW_IS_PREFERENCES_WINDOW (self));
  for (guint i = 0; i < self->staff->len; i++)
    if (g_strcmp0 (((HwStaff *) self->staff->pdata[i])->rec.id, staff_id) == 0)
      {
        adw_combo_row_set_selected (self->staff_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->staff_row, 0);
}

/* ---- the activity template ---- */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response_cb (AdwMessageDialog *dialog, const char *response, HwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "discard"))
    hw_template_page_discard (self->template_page);
  else if (g_str_equal (response, "save") &&
           !hw_template_page_save (self->template_page, &error))
    {
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                               ADW_PREFERENCES_PAGE (self->template_page));
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        hw_toast_new (hw_window_describe_error (error)));
      return;
    }
  /* Not from inside the dialog's response: the dialog is transient for this window. */
  if (!hw_template_page_get_modified (self->template_page))
    g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Unsaved template edits are the municipality's work: ask before closing over them. */
static gboolean
hw_preferences_window_close_request (GtkWindow *window)
{
  HwPreferencesWindow *self = HW_PREFERENCES_WINDOW (window);
  GtkWidget *dialog;

  if (self->template_page == NULL || !hw_template_page_get_modified (self->template_page))
    return GTK_WINDOW_CLASS (hw_preferences_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Activity Template?"),
                                   _("The changes to the activity template are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

HwTemplatePage *
hw_preferences_window_get_template_page (HwPreferencesWindow *self)
{
  g_return_val_if_fail (HW_IS_PREFERENCES_WINDOW (self), NULL);
  return self->template_page;
}

static void
hw_preferences_window_dispose (GObject *object)
{
  HwPreferencesWindow *self = HW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_preferences_window_parent_class)->dispose (object);
}

static void
hw_preferences_window_class_init (HwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hw_preferences_window_dispose;
  window_class->close_request = hw_preferences_window_close_request;

  signals[USER_CHANGED] = g_signal_new ("user-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RULES_CHANGED] = g_signal_new ("rules-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, team_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, remind_overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, remind_due_soon_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, template_page);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_team_selected_cb);
}

static void
hw_preferences_window_init (HwPreferencesWindow *self)
{
  g_type_ensure (HW_TYPE_TEMPLATE_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

HwPreferencesWindow *
hw_preferences_window_new (GtkWindow *parent, HwStore *store, GSettings *settings)
{
  HwPreferencesWindow *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  self = g_object_new (HW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;
  load_user (self);
  load_rules (self);
  if (settings)
    {
      g_settings_bind (settings, "remind-overdue", self->remind_overdue_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "remind-due-soon", self->remind_due_soon_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  hw_template_page_set_store (self->template_page, store);
  /* The toasts live outside the page: their Undo must reach its actions. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "template",
                                  hw_template_page_get_action_group (self->template_page));
  return self;
}
