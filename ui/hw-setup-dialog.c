/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-setup-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hw-error.h"
#include "hw-municipality.h"
#include "hw-service.h"
#include "hw-setup-dialog.h"
#include "hw-setup-dialog-private.h"

struct _HwSetupDialog
{
  AdwWindow  parent_instance;

  HwStore   *store;
  AdwEntryRow *number;
  AdwEntryRow *name;
  AdwEntryRow *org;
  AdwEntryRow *district;
  AdwEntryRow *district_name;
  GtkLabel  *org_hint;
  GtkLabel  *error_label;
  AdwPreferencesGroup *teams;
  AdwPreferencesGroup *staff;
  /* The rows of each group: an existing record's row carries it as "record". */
  GPtrArray *team_rows;
  GPtrArray *staff_rows;
  char      *error;
};

G_DEFINE_FINAL_TYPE (HwSetupDialog, hw_setup_dialog, ADW_TYPE_WINDOW)

static void
hw_setup_dialog_finalize (GObject *object)
{
  HwSetupDialog *self = HW_SETUP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (hw_setup_dialog_parent_class)->finalize (object);
}

static void
hw_setup_dialog_class_init (HwSetupDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_setup_dialog_finalize;
}

static void
hw_setup_dialog_init (HwSetupDialog *self)
{
  self->team_rows = g_ptr_array_new ();
  self->staff_rows = g_ptr_array_new ();
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (HwSetupDialog *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* As typed: the check digit once nine digits are in; the district rows when the city has them. */
static void
on_changed_cb (HwSetupDialog *self)
{
  const char *org = text_of (self->org);
  gboolean bad = strlen (org) >= 9 && !hw_org_number_is_valid (org);
  gboolean districts = hw_municipality_district_city (text_of (self->number)) != NULL;

  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->org), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->org), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->org_hint), bad);
  gtk_widget_set_visible (GTK_WIDGET (self->district), districts);
  gtk_widget_set_visible (GTK_WIDGET (self->district_name), districts);
  /* A refusal is about what was there when Save was pressed. */
  if (self->error_label)
    show_error (self, NULL);
}

static AdwEntryRow *
add_entry (AdwPreferencesGroup *group, const char *title, const char *value)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static AdwEntryRow *
add_record_row (HwSetupDialog *self, AdwPreferencesGroup *group, GPtrArray *rows,
                const char *title, gpointer record, const char *name)
{
  AdwEntryRow *row = add_entry (group, title, name);
  g_autofree char *id = g_strdup_printf ("setup-%s-%u",
                                         group == self->teams ? "team" : "staff", rows->len);

  /* Names for tests: setup-team-0, setup-staff-1… */
  gtk_widget_set_name (GTK_WIDGET (row), id);
  if (group == self->staff)
    {
      /* Deactivate, never delete: the audit trail and the records name them. */
      GtkWidget *active = gtk_switch_new ();
      g_autofree char *switch_id = g_strdup_printf ("%s-active", id);

      gtk_widget_set_name (active, switch_id);
      gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (active, _("Active (switch off when someone leaves)"));
      gtk_switch_set_active (GTK_SWITCH (active),
                             record == NULL || !((HwStaff *) record)->inactive);
      adw_entry_row_add_suffix (row, active);
      g_object_set_data (G_OBJECT (row), "active", active);
    }
  if (record)
    g_object_set_data_full (G_OBJECT (row), "record", record, hw_record_free);
  g_ptr_array_add (rows, row);
  return row;
}

static void
on_add_team_cb (HwSetupDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (add_record_row (self, self->teams, self->team_rows,
                                                     _("New team"), NULL, NULL)));
}

static void
on_add_staff_cb (HwSetupDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (add_record_row (self, self->staff, self->staff_rows,
                                                     _("New staff member"), NULL, NULL)));
}

/* The records of @rows that are new or renamed, added to @out; an empty new row is skipped,
 * an emptied old one refused (a name is how people find the record; nothing is deleted). A
 * new staff member joins @team_id. Returns the id of the first team listed (for new staff). */
static gboolean
collect_rows (GPtrArray *rows, HwEntity entity, const char *team_id, GPtrArray *out,
              char **first_id, GError **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (text_of (rows->pdata[i])));
      HwTeam *old = g_object_get_data (rows->pdata[i], "record");
      HwTeam *record;
      GtkSwitch *active;
      gboolean inactive;

      if (old == NULL && *name == '\0')
        continue;
      if (*name == '\0')
        {
          g_set_error_literal (error, HW_ERROR, HW_ERROR_REQUIRED,
                               entity == HW_ENTITY_TEAM ? _("Team: the name is empty")
                                                        : _("Staff member: the name is empty"));
          return FALSE;
        }
      if (first_id && *first_id == NULL && old)
        *first_id = g_strdup (old->rec.id);
      active = g_object_get_data (rows->pdata[i], "active");
      inactive = active && !gtk_switch_get_active (active);
      if (old && g_strcmp0 (old->name, name) == 0 &&
          (entity != HW_ENTITY_STAFF || ((HwStaff *) old)->inactive == inactive))
        continue;
      /* HwTeam and HwStaff both begin with the record and the name (fill_records). */
      record = old ? hw_record_copy (old) : hw_record_new (entity);
      g_free (record->name);
      record->name = g_steal_pointer (&name);
      if (entity == HW_ENTITY_STAFF && old == NULL)
        ((HwStaff *) record)->team_id = g_strdup (team_id);
      if (entity == HW_ENTITY_STAFF)
        ((HwStaff *) record)->inactive = inactive;
      if (first_id && *first_id == NULL)
        *first_id = g_strdup (record->rec.id);
      g_ptr_array_add (out, record);
    }
  return TRUE;
}

static gboolean
save_all (HwSetupDialog *self, GError **error)
{
  const char *keys[] = { HW_SETTING_MUNICIPALITY, HW_SETTING_MUNICIPALITY_NAME,
                         HW_SETTING_ORG_NUMBER, HW_SETTING_DISTRICT, HW_SETTING_DISTRICT_NAME };
  const char *values[G_N_ELEMENTS (keys)];
  gboolean districts = hw_municipality_district_city (text_of (self->number)) != NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (hw_record_free);
  g_autofree char *team_id = NULL;

  values[0] = text_of (self->number);
  values[1] = text_of (self->name);
  values[2] = text_of (self->org);
  /* Hidden rows are not kept: a municipality without districts has none. */
  values[3] = districts && *text_of (self->district) ? text_of (self->district) : NULL;
  values[4] = districts && *text_of (self->district_name) ? text_of (self->district_name) : NULL;

  /* New staff join the first team listed (the record editor moves them). */
  return collect_rows (self->team_rows, HW_ENTITY_TEAM, NULL, records, &team_id, error) &&
         collect_rows (self->staff_rows, HW_ENTITY_STAFF, team_id, records, NULL, error) &&
         hw_service_save_setup (self->store, keys, values, G_N_ELEMENTS (keys), records, error);
}

static void
on_save_cb (HwSetupDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_all (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Teams and staff share the layout: the record, then its name. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  const HwTeam *x = *(HwTeam *const *) a;
  const HwTeam *y = *(HwTeam *const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* By name: the store keeps them in id order, which means nothing to a person. */
static void
fill_records (HwSetupDialog *self)
{
  g_autoptr(GPtrArray) teams = hw_store_list (self->store, HW_ENTITY_TEAM, NULL);
  g_autoptr(GPtrArray) staff = hw_store_list (self->store, HW_ENTITY_STAFF, NULL);

  G_STATIC_ASSERT (G_STRUCT_OFFSET (HwTeam, name) == G_STRUCT_OFFSET (HwStaff, name));
  if (teams)
    g_ptr_array_sort (teams, compare_names);
  if (staff)
    g_ptr_array_sort (staff, compare_names);

  for (guint i = 0; teams && i < teams->len; i++)
    {
      HwTeam *team = hw_record_copy (teams->pdata[i]);

      add_record_row (self, self->teams, self->team_rows, _("Team"), team, team->name);
    }
  for (guint i = 0; staff && i < staff->len; i++)
    {
      HwStaff *member = hw_record_copy (staff->pdata[i]);

      add_record_row (self, self->staff, self->staff_rows, _("Staff member"), member,
                      member->name);
    }
}

static GtkWidget *
add_button (AdwPreferencesGroup *group, const char *label, const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

HwSetupDialog *
hw_setup_dialog_new (GtkWindow *parent, HwStore *store)
{
  HwSetupDialog *self = g_object_new (HW_TYPE_SETUP_DIALOG,
                                      "title", _("Set Up the Municipality"),
                                      "modal", TRUE, "transient-for", parent,
                                      "default-width", 560, "default-height", 720, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *muni = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *number = NULL, *name = NULL, *org = NULL, *district = NULL;
  g_autofree char *district_name = NULL;

  self->store = g_object_ref (store);
  number = hw_store_dup_setting (store, HW_SETTING_MUNICIPALITY);
  name = hw_store_dup_setting (store, HW_SETTING_MUNICIPALITY_NAME);
  org = hw_store_dup_setting (store, HW_SETTING_ORG_NUMBER);
  district = hw_store_dup_setting (store, HW_SETTING_DISTRICT);
  district_name = hw_store_dup_setting (store, HW_SETTING_DISTRICT_NAME);

  gtk_widget_set_name (save, "setup-save");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (muni, _("Municipality"));
  adw_preferences_group_set_description (muni, _("Who reports to SSB: the Barnevern v4 export "
                                                 "uses these. Homeward has no list of "
                                                 "municipalities: give the name with the "
                                                 "number."));
  self->number = add_entry (muni, _("Municipality number"), number);
  self->name = add_entry (muni, _("Municipality name"), name);
  self->org = add_entry (muni, _("Organisation number"), org);
  self->district = add_entry (muni, _("District number (bydel)"), district);
  self->district_name = add_entry (muni, _("District name"), district_name);
  gtk_widget_set_name (GTK_WIDGET (self->number), "setup-number");
  gtk_widget_set_name (GTK_WIDGET (self->name), "setup-name");
  gtk_widget_set_name (GTK_WIDGET (self->org), "setup-org");
  gtk_widget_set_name (GTK_WIDGET (self->district), "setup-district");
  gtk_widget_set_name (GTK_WIDGET (self->district_name), "setup-district-name");
  self->org_hint = GTK_LABEL (gtk_label_new (_("This organisation number fails its check "
                                               "digit: a digit is wrong or two are swapped.")));
  gtk_label_set_wrap (self->org_hint, TRUE);
  gtk_label_set_xalign (self->org_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->org_hint), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->org_hint), 6);
  adw_preferences_group_add (muni, GTK_WIDGET (self->org_hint));
  for (AdwEntryRow **r = &self->number; r <= &self->district_name; r++)
    g_signal_connect_swapped (*r, "changed", G_CALLBACK (on_changed_cb), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), muni);

  self->teams = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->teams, _("Teams"));
  g_signal_connect_swapped (add_button (self->teams, _("Add _Team"), "setup-add-team"),
                            "clicked", G_CALLBACK (on_add_team_cb), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->teams);
  self->staff = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->staff, _("Staff"));
  adw_preferences_group_set_description (self->staff, _("Rename someone by editing the name; "
                                                        "switch someone who leaves off. People "
                                                        "are never deleted: the audit trail "
                                                        "names them."));
  g_signal_connect_swapped (add_button (self->staff, _("Add _Staff Member"), "setup-add-staff"),
                            "clicked", G_CALLBACK (on_add_staff_cb), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->staff);
  fill_records (self);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "setup-error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  on_changed_cb (self);
  show_error (self, NULL);
  return self;
}

const char *
hw_setup_dialog_get_error (HwSetupDialog *self)
{
  g_return_val_if_fail (HW_IS_SETUP_DIALOG (self), NULL);
  return self->error;
}
