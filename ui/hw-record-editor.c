/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-record-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-labels.h"
#include "hw-record-editor.h"
#include "hw-record-editor-private.h"
#include "hw-service-plan.h"
#include "hw-window.h"

typedef struct {
  const HwField *field;
  GtkWidget     *row;
  GtkWidget     *control;   /* the switch of a yes/no row */
  GPtrArray     *ids;       /* references and coded text: what each choice stores (NULL = none) */
  GArray        *codes;     /* coded numbers: the int each choice stores */
} FieldRow;

struct _HwRecordEditor
{
  AdwWindow            parent_instance;

  HwStore             *store;
  gpointer             record;
  gboolean             is_new;
  GArray              *rows;     /* FieldRow */
  char                *error;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (HwRecordEditor, hw_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_row_clear (gpointer data)
{
  FieldRow *fr = data;

  g_clear_pointer (&fr->ids, g_ptr_array_unref);
  g_clear_pointer (&fr->codes, g_array_unref);
}

static void
hw_record_editor_finalize (GObject *object)
{
  HwRecordEditor *self = HW_RECORD_EDITOR (object);

  g_clear_pointer (&self->record, hw_record_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_record_editor_parent_class)->finalize (object);
}

static void
hw_record_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HW_TYPE_RECORD_EDITOR);
  G_OBJECT_CLASS (hw_record_editor_parent_class)->dispose (object);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwRecordEditor *self = HW_RECORD_EDITOR (widget);

  if (hw_record_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
hw_record_editor_class_init (HwRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hw_record_editor_finalize;
  object_class->dispose = hw_record_editor_dispose;

  /* The record as saved; borrowed during the emission. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HwRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HwRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HwRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HwRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwRecordEditor, group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_record_editor_init (HwRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
  g_array_set_clear_func (self->rows, field_row_clear);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* ---- building the form ---- */

static gboolean
field_wanted (const HwField *field, const char *const *only)
{
  if (field->flags & HW_FIELD_OWNER)
    return FALSE;
  if (only == NULL)
    return TRUE;
  return g_strv_contains (only, field->name);
}

static GPtrArray *
records_for (HwStore *store, const HwDossier *dossier, const HwDossier *home, HwEntity entity,
             GPtrArray **owned)
{
  switch (entity)
    {
    case HW_ENTITY_STAFF:
    case HW_ENTITY_TEAM:
    case HW_ENTITY_FOSTER_HOME:
      *owned = hw_store_list (store, entity, NULL);
      return *owned;
    case HW_ENTITY_HOME_MEMBER:
      return home ? hw_dossier_get (home, entity) : NULL;
    default:
      return dossier ? hw_dossier_get (dossier, entity) : NULL;
    }
}

static char *
describe_reference (gconstpointer record, const HwDossier *dossier)
{
  const HwRecord *rec = record;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  switch (rec->entity)
    {
    case HW_ENTITY_STAFF:
      return g_strdup (((const HwStaff *) record)->name);
    case HW_ENTITY_TEAM:
      return g_strdup (((const HwTeam *) record)->name);
    case HW_ENTITY_FOSTER_HOME:
      return g_strdup (((const HwFosterHome *) record)->name);
    case HW_ENTITY_CASE:
      return g_strdup (((const HwCase *) record)->journal_no);
    default:
      hw_labels_describe_record (record, dossier, &title, &subtitle);
      if (subtitle && *subtitle)
        {
          /* The date or the first detail is enough to tell records apart. */
          char *cut = strstr (subtitle, " · ");
          if (cut)
            *cut = '\0';
          return g_strdup_printf ("%s (%s)", title, subtitle);
        }
      return g_steal_pointer (&title);
    }
}

/* A choice's label, cut short: a name from an import may be any length. */
static char *
reference_label (gconstpointer record, const HwDossier *dossier)
{
  g_autofree char *label = describe_reference (record, dossier);

  return hw_labels_dup_truncated (label, HW_LABELS_NAME_CHARS);
}

/* Enter in any text row saves the form. */
static void
on_entry_activated_cb (HwRecordEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static GtkWidget *
add_combo (HwRecordEditor *self, FieldRow *fr, GtkStringList *labels, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_unref (labels);
  return row;
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar, GtkWidget *row)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (picked, "%d.%m.%Y");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

/* When the calendar opens, it shows the date typed so far (today when none). */
static void
on_calendar_shown_cb (GtkWidget *popover, GtkWidget *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  HwDate date = hw_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date == HW_DATE_NONE)
    return;
  hw_date_get_ymd (date, &y, &m, &d);
  when = g_date_time_new_local (y, m, d, 12, 0, 0);
  g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, when);
  g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, row);
}

/* A date row: typed (7.12.26 or 07.12.2026), or picked from a calendar. */
static void
add_calendar (GtkWidget *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose from a calendar"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_shown_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                           row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
}

/* A coded field (hw-codes.h) as a choice among the names of its codes, never the codes: the
 * form offers only what the store accepts. A value the list lacks (from a database older than
 * the check) is shown as it is, so that it is not changed unseen; the store refuses to save
 * it. */
static GtkWidget *
add_code_choice (HwRecordEditor *self, FieldRow *fr)
{
  const HwField *field = fr->field;
  GtkStringList *list = gtk_string_list_new (NULL);
  gboolean is_text = field->type == HW_FIELD_TEXT;
  g_autofree char *current = hw_field_dup_string (self->record, field);
  guint n_codes, selected = GTK_INVALID_LIST_POSITION;
  const HwCode *codes = hw_code_list_get (field->codes, &n_codes);
  GtkWidget *row;

  if (is_text)
    fr->ids = g_ptr_array_new_with_free_func (g_free);
  else
    fr->codes = g_array_new (FALSE, FALSE, sizeof (int));
  if (is_text && !(field->flags & HW_FIELD_REQUIRED))
    {
      gtk_string_list_append (list, _("None"));
      g_ptr_array_add (fr->ids, NULL);
    }
  for (guint i = 0; i < n_codes; i++)
    {
      gtk_string_list_append (list, _(codes[i].label));
      if (is_text)
        g_ptr_array_add (fr->ids, g_strdup (codes[i].code));
      else
        {
          int v = atoi (codes[i].code);
          g_array_append_val (fr->codes, v);
        }
      if (g_strcmp0 (codes[i].code, current) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }
  if (selected == GTK_INVALID_LIST_POSITION && is_text && current == NULL)
    selected = 0;
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *unlisted = NULL;

      /* Translators: a stored code that is not in the field's list, like "“fosterhjem” (not
       * in the list)" */
      unlisted = g_strdup_printf (_("“%s” (not in the list)"), current ? current : "");
      gtk_string_list_append (list, unlisted);
      if (is_text)
        g_ptr_array_add (fr->ids, g_strdup (current));
      else
        {
          int v = hw_field_get_int (self->record, field);
          g_array_append_val (fr->codes, v);
        }
      selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }
  row = add_combo (self, fr, list, selected);
  /* SSB's names are long ("Foster home outside the family and close network"): shown whole
   * under the field's name, not cut short beside it. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  return row;
}

static void
build_row (HwRecordEditor *self, const HwField *field, const HwDossier *dossier,
           const HwDossier *home)
{
  FieldRow fr = { field, NULL, NULL, NULL, NULL };
  const char *label = _(field->label);

  if (field->codes != HW_CODES_NONE)
    fr.row = add_code_choice (self, &fr);
  else switch (field->type)
    {
    case HW_FIELD_TEXT:
      fr.row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (fr.row),
                             hw_field_get_text (self->record, field)
                               ? hw_field_get_text (self->record, field) : "");
      break;

    case HW_FIELD_DATE:
      {
        g_autofree char *text = hw_date_dup_display ((HwDate) hw_field_get_int (self->record,
                                                                                  field));
        g_autofree char *title = NULL;

        fr.row = adw_entry_row_new ();
        /* Translators: a date field's title, like "Date (dd.mm.yyyy)" */
        title = g_strdup_printf (_("%s (dd.mm.yyyy)"), label);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr.row), title);
        gtk_editable_set_text (GTK_EDITABLE (fr.row), text ? text : "");
        add_calendar (fr.row);
        label = NULL;
      }
      break;

    case HW_FIELD_INT:
      {
        g_autofree char *text = g_strdup_printf ("%d", hw_field_get_int (self->record, field));

        fr.row = adw_entry_row_new ();
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (fr.row), GTK_INPUT_PURPOSE_DIGITS);
        gtk_editable_set_text (GTK_EDITABLE (fr.row), text);
      }
      break;

    case HW_FIELD_BOOL:
      fr.row = adw_action_row_new ();
      fr.control = gtk_switch_new ();
      gtk_widget_set_valign (fr.control, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (fr.control), hw_field_get_int (self->record, field));
      adw_action_row_add_suffix (ADW_ACTION_ROW (fr.row), fr.control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fr.row), fr.control);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fr.control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      break;

    case HW_FIELD_ENUM:
      {
        GtkStringList *list = gtk_string_list_new (NULL);

        for (guint i = 0; field->enum_names[i]; i++)
          gtk_string_list_append (list, hw_field_get_value_label (field, i));
        fr.row = add_combo (self, &fr, list, hw_field_get_int (self->record, field));
      }
      break;

    case HW_FIELD_REF:
      {
        GtkStringList *list = gtk_string_list_new (NULL);
        g_autoptr(GPtrArray) owned = NULL;
        GPtrArray *records = records_for (self->store, dossier, home, field->ref_entity, &owned);
        const char *current = hw_field_get_text (self->record, field);
        guint selected = 0;

        fr.ids = g_ptr_array_new_with_free_func (g_free);
        if (!(field->flags & HW_FIELD_REQUIRED) || current == NULL)
          {
            gtk_string_list_append (list, _("None"));
            g_ptr_array_add (fr.ids, NULL);
          }
        if (field->ref_entity == HW_ENTITY_CASE && dossier)
          {
            g_autofree char *l = reference_label (dossier->root, dossier);
            gtk_string_list_append (list, l);
            g_ptr_array_add (fr.ids, g_strdup (((HwRecord *) dossier->root)->id));
          }
        for (guint i = 0; records && i < records->len; i++)
          {
            const HwRecord *r = records->pdata[i];
            g_autofree char *l = reference_label (r, dossier);

            gtk_string_list_append (list, l ? l : "");
            g_ptr_array_add (fr.ids, g_strdup (r->id));
          }
        for (guint i = 0; i < fr.ids->len; i++)
          if (g_strcmp0 (fr.ids->pdata[i], current) == 0)
            selected = i;
        if (current && selected == 0 && g_strcmp0 (fr.ids->pdata[0], current) != 0)
          {
            /* A reference the choices do not hold: keep it rather than lose it. */
            gtk_string_list_append (list, _("(Another record)"));
            g_ptr_array_add (fr.ids, g_strdup (current));
            selected = fr.ids->len - 1;
          }
        fr.row = add_combo (self, &fr, list, selected);
      }
      break;

    default:
      g_return_if_reached ();
    }

  if (label)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr.row), label);
  if (ADW_IS_ENTRY_ROW (fr.row))
    g_signal_connect_object (fr.row, "entry-activated", G_CALLBACK (on_entry_activated_cb),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (fr.row, field->name);
  adw_preferences_group_add (self->group, fr.row);
  g_array_append_val (self->rows, fr);
}

HwRecordEditor *
hw_record_editor_new (GtkWindow *parent, HwStore *store, gconstpointer record, gboolean is_new,
                      const HwDossier *dossier, const HwDossier *home,
                      const char *const *fields)
{
  HwRecordEditor *self;
  const HwEntityInfo *info;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (HW_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->record = hw_record_copy (record);
  self->is_new = is_new;
  info = hw_entity_info (((HwRecord *) record)->entity);

  /* Translators: %s is a kind of record, like "Visit" */
  title = g_strdup_printf (is_new ? _("New %s") : _("Edit %s"), _(info->label));
  hw_record_editor_set_heading (self, title);

  for (guint i = 0; i < info->n_fields; i++)
    if (field_wanted (&info->fields[i], fields))
      build_row (self, &info->fields[i], dossier, home);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);

      if (ADW_IS_ENTRY_ROW (fr->row))
        {
          gtk_window_set_focus (GTK_WINDOW (self), fr->row);
          break;
        }
    }
  return self;
}

void
hw_record_editor_set_heading (HwRecordEditor *self, const char *title)
{
  g_return_if_fail (HW_IS_RECORD_EDITOR (self));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* ---- saving ---- */

static void
show_error (HwRecordEditor *self, const char *message, GtkWidget *row)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_errors (HwRecordEditor *self)
{
  g_clear_pointer (&self->error, g_free);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_remove_css_class (g_array_index (self->rows, FieldRow, i).row, "error");
}

/* The row a store message is about: messages start with the field's label. */
static GtkWidget *
row_for_message (HwRecordEditor *self, const char *message)
{
  GtkWidget *best = NULL;
  gsize best_len = 0;
  const char *record = _(hw_entity_info (((HwRecord *) self->record)->entity)->label);

  /* A refused code names the record first: "Measure: Category: …". */
  if (g_str_has_prefix (message, record) && g_str_has_prefix (message + strlen (record), ": "))
    message += strlen (record) + 2;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      const char *label = _(fr->field->label);
      gsize len = strlen (label);

      if (g_str_has_prefix (message, label) && len > best_len)
        {
          best = fr->row;
          best_len = len;
        }
    }
  return best;
}

static gboolean
read_form (HwRecordEditor *self, gpointer record)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      const HwField *f = fr->field;

      switch (f->type)
        {
        case HW_FIELD_TEXT:
          if (fr->ids)
            {
              guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (fr->row));

              hw_field_set_text (record, f, sel < fr->ids->len ? fr->ids->pdata[sel] : NULL);
              break;
            }
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                              GTK_EDITABLE (fr->row))));
            hw_field_set_text (record, f, text);
          }
          break;
        case HW_FIELD_DATE:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                              GTK_EDITABLE (fr->row))));
            HwDate d = *text ? hw_date_parse_display (text) : HW_DATE_NONE;

            if (*text && d == HW_DATE_NONE)
              {
                g_autofree char *msg = NULL;

                /* Translators: "Date: “31.02.2026” is not a date (dd.mm.yyyy)" */
                msg = g_strdup_printf (_("%s: “%s” is not a date (dd.mm.yyyy)"),
                                       _(f->label), text);
                show_error (self, msg, fr->row);
                return FALSE;
              }
            hw_field_set_int (record, f, (int) d);
          }
          break;
        case HW_FIELD_INT:
          if (fr->codes)
            {
              guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (fr->row));

              if (sel < fr->codes->len)
                hw_field_set_int (record, f, g_array_index (fr->codes, int, sel));
            }
          else
            {
              g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                                GTK_EDITABLE (fr->row))));
              gint64 v = 0;

              if (*text && !g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &v,
                                                      NULL))
                {
                  g_autofree char *msg = NULL;

                  msg = g_strdup_printf (_("%s: “%s” is not a whole number"), _(f->label), text);
                  show_error (self, msg, fr->row);
                  return FALSE;
                }
              hw_field_set_int (record, f, (int) v);
            }
          break;
        case HW_FIELD_BOOL:
          hw_field_set_int (record, f, gtk_switch_get_active (GTK_SWITCH (fr->control)));
          break;
        case HW_FIELD_ENUM:
          hw_field_set_int (record, f, adw_combo_row_get_selected (ADW_COMBO_ROW (fr->row)));
          break;
        case HW_FIELD_REF:
          {
            guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (fr->row));

            hw_field_set_text (record, f, sel < fr->ids->len ? fr->ids->pdata[sel] : NULL);
          }
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/* Puts @record's values into the form's rows (after a reload). */
static void
fill_form (HwRecordEditor *self, gconstpointer record)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      const HwField *f = fr->field;

      if (fr->control)
        gtk_switch_set_active (GTK_SWITCH (fr->control), hw_field_get_int (record, f));
      else if (ADW_IS_COMBO_ROW (fr->row) && fr->ids)
        {
          const char *current = hw_field_get_text (record, f);
          guint selected = GTK_INVALID_LIST_POSITION;

          for (guint j = 0; j < fr->ids->len; j++)
            if (g_strcmp0 (fr->ids->pdata[j], current) == 0)
              selected = j;
          if (selected == GTK_INVALID_LIST_POSITION)
            {
              /* A reference the choices do not hold: keep it rather than lose it. */
              gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model
                                                         (ADW_COMBO_ROW (fr->row))),
                                      _("(Another record)"));
              g_ptr_array_add (fr->ids, g_strdup (current));
              selected = fr->ids->len - 1;
            }
          adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), selected);
        }
      else if (ADW_IS_COMBO_ROW (fr->row) && fr->codes)
        {
          guint n = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (fr->row)));

          for (guint j = 0; j < n && j < fr->codes->len; j++)
            if (g_array_index (fr->codes, int, j) == hw_field_get_int (record, f))
              adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), j);
        }
      else if (ADW_IS_COMBO_ROW (fr->row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), hw_field_get_int (record, f));
      else if (f->type == HW_FIELD_DATE)
        {
          g_autofree char *text = hw_date_dup_display ((HwDate) hw_field_get_int (record, f));

          gtk_editable_set_text (GTK_EDITABLE (fr->row), text ? text : "");
        }
      else if (f->type == HW_FIELD_INT)
        {
          g_autofree char *text = g_strdup_printf ("%d", hw_field_get_int (record, f));

          gtk_editable_set_text (GTK_EDITABLE (fr->row), text);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (fr->row), hw_field_get_text (record, f)
                                                       ? hw_field_get_text (record, f) : "");
    }
}

/* Replaces the form's values by the record as saved now (after another program changed it);
 * what the user typed is dropped. The editor offers this itself when a save is refused. */
static gboolean
hw_record_editor_reload (HwRecordEditor *self, GError **error)
{
  const HwRecord *rec;
  gpointer fresh;

  g_return_val_if_fail (HW_IS_RECORD_EDITOR (self), FALSE);
  rec = self->record;
  fresh = hw_store_load_owned (self->store, rec->entity, hw_record_get_owner_id (rec), rec->id,
                               error);
  if (fresh == NULL)
    return FALSE;
  clear_errors (self);
  hw_record_free (self->record);
  self->record = fresh;
  fill_form (self, fresh);
  return TRUE;
}

static void
on_reload_response_cb (AdwMessageDialog *dialog, const char *response, HwRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reload") == 0 && !hw_record_editor_reload (self, &error))
    show_error (self, error->message, NULL);
}

static void
offer_reload (HwRecordEditor *self, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Changed by Another Program"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep My Changes"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
hw_record_editor_save (HwRecordEditor *self)
{
  gpointer record;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HW_IS_RECORD_EDITOR (self), FALSE);
  clear_errors (self);
  /* Work on a copy: a refused save leaves the form, and what it holds, as it was. */
  record = hw_record_copy (self->record);
  if (!read_form (self, record))
    {
      hw_record_free (record);
      return FALSE;
    }
  /* Through the service: a placement or a return home brings its plan activities. */
  if (!hw_service_save_record (self->store, record, &error))
    {
      show_error (self, hw_window_describe_error (error), row_for_message (self, error->message));
      hw_record_free (record);
      /* Another program changed the record since it was opened: the form keeps what the user
       * typed until they choose to reload what is saved now. */
      if (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED))
        offer_reload (self, error->message);
      return FALSE;
    }
  hw_record_free (self->record);
  self->record = record;
  g_signal_emit (self, signals[SAVED], 0, self->record);
  return TRUE;
}

const char *
hw_record_editor_get_error (HwRecordEditor *self)
{
  g_return_val_if_fail (HW_IS_RECORD_EDITOR (self), NULL);
  return self->error;
}

GtkWidget *
hw_record_editor_get_row (HwRecordEditor *self, const char *field_name)
{
  g_return_val_if_fail (HW_IS_RECORD_EDITOR (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);

      if (g_str_equal (fr->field->name, field_name))
        return fr->row;
    }
  return NULL;
}

gconstpointer
hw_record_editor_get_record (HwRecordEditor *self)
{
  g_return_val_if_fail (HW_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}
