/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-child-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hw-activity.h"
#include "hw-case-facts.h"
#include "hw-child-page.h"
#include "hw-child-page-private.h"
#include "hw-service-template.h"
#include "hw-labels.h"
#include "hw-legal.h"
#include "hw-plan-template.h"
#include "hw-record-editor.h"
#include "hw-undo.h"
#include "hw-window.h"

/* Deletes a record of the case as the delete button does (with an undo toast). */
static gboolean hw_child_page_delete_record (HwChildPage *self, HwEntity entity, const char *id);

struct _HwChildPage
{
  GtkWidget      parent_instance;

  HwCaseload    *caseload;
  HwDossier     *dossier;
  HwDossier     *home;          /* the current placement's foster home, or NULL */
  const HwMeasure *placement;   /* borrowed from dossier */
  char          *case_id;
  char          *title;
  char          *facts;
  GPtrArray     *finding_titles;
  GPtrArray     *finding_rows;  /* widgets in findings_group */
  GPtrArray     *finding_rules; /* the rule id of each finding shown */
  GPtrArray     *deviation_rules; /* the rule id of each missed period shown */
  GPtrArray     *findings;      /* HwUiFinding: the last evaluation, for the samvær verdict */
  const char    *samvaer_below_rule; /* the rule behind the samvær warning, or NULL */

  AdwWindowTitle      *window_title;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *facts_label;
  GtkLabel            *placement_label;
  AdwPreferencesGroup *findings_group;
  AdwViewStack        *tab_stack;
  GtkScrolledWindow   *scroller;
  GtkBox              *overview_box;
  GtkBox              *parents_box;
  GtkBox              *placement_box;
  GtkBox              *samvaer_box;
  GtkBox              *plans_box;
  GtkBox              *reunification_box;
  GtkBox              *visits_box;
  GtkBox              *package_box;
  HwActivity          *activity_before; /* what the last activity change replaced (undo) */
};

G_DEFINE_FINAL_TYPE (HwChildPage, hw_child_page, GTK_TYPE_WIDGET)

/* The most of a name a title or a message quotes. */
#define TITLE_CHARS 80
#define HEADER_TITLE_CHARS 40
/* The most of any user text a label is given: Pango measures in 32-bit units, and a line of a
 * few hundred thousand characters overflows them (the label then neither wraps nor ellipsizes,
 * and widens the page). The whole text is in the record's form. */
#define LABEL_CHARS 300
#define PROSE_CHARS 20000

static void rebuild (HwChildPage *self);
static void build_package (HwChildPage *self);

static HwWindow *
get_window (HwChildPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return HW_IS_WINDOW (root) ? HW_WINDOW (root) : NULL;
}

static HwStore *
get_store (HwChildPage *self)
{
  return self->caseload ? hw_caseload_get_store (self->caseload) : NULL;
}

static HwDate
get_today (HwChildPage *self)
{
  return self->caseload ? hw_caseload_get_today (self->caseload) : hw_date_today ();
}


static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* Every row that shows user text: as it is (rows are markup by default) and cut to
 * @max_chars. A NULL leaves that part as it was. */
static void
set_row_text (GtkWidget *row, const char *title, const char *subtitle, guint max_chars)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (title)
    {
      g_autofree char *cut = hw_labels_dup_truncated (title, max_chars);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cut);
    }
  if (subtitle)
    {
      g_autofree char *cut = hw_labels_dup_truncated (subtitle, max_chars);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cut);
    }
}

/* ---- the current state of the case, as the header shows it ---- */

static char *
dup_staff_name (HwChildPage *self, const char *staff_id)
{
  HwStaff *staff;
  char *name;

  if (staff_id == NULL)
    return NULL;
  staff = hw_store_load (get_store (self), HW_ENTITY_STAFF, staff_id, NULL);
  if (staff == NULL)
    return NULL;
  name = hw_labels_dup_truncated (staff->name, TITLE_CHARS);
  hw_record_free (staff);
  return name;
}

static void
build_header (HwChildPage *self)
{
  HwCase *c = hw_dossier_case (self->dossier);
  HwChild *child = hw_dossier_child (self->dossier);
  const HwDecision *decision = hw_dossier_latest_decision (self->dossier, get_today (self));
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *worker = dup_staff_name (self, c->caseworker_id);
  g_autofree char *home_name = NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autoptr(GString) placement = g_string_new (NULL);

  if (child)
    name = g_strstrip (g_strdup_printf ("%s %s", child->given_name ? child->given_name : "",
                                        child->family_name ? child->family_name : ""));
  else
    name = g_strdup (_("Unnamed child"));
  /* Titles and messages quote the name cut short: they cannot wrap, and a name from an import
   * or an older version may be any length. The header's label wraps to two lines at most. */
  g_free (self->title);
  self->title = hw_labels_dup_truncated (name, TITLE_CHARS);
  {
    /* The header bar centres its title, so the title's natural width counts twice against
     * the buttons beside it: shorter there (real names are well under 40 characters). */
    g_autofree char *header = hw_labels_dup_truncated (name, HEADER_TITLE_CHARS);

    adw_window_title_set_title (self->window_title, header);
  }
  {
    g_autofree char *journal = hw_labels_dup_truncated (c->journal_no, TITLE_CHARS);

    adw_window_title_set_subtitle (self->window_title, journal);
  }
  {
    g_autofree char *shown = hw_labels_dup_truncated (name, LABEL_CHARS);

    gtk_label_set_label (self->name_label, shown);
  }
  adw_avatar_set_text (self->avatar, name);

  if (child && child->birth_date)
    {
      g_autofree char *born = hw_date_dup_display (child->birth_date);

      age = hw_labels_dup_age (child->birth_date, get_today (self));
      /* Translators: "9 years (born 14.03.2015)" */
      g_string_append_printf (facts, _("%s (born %s)"), age, born);
    }
  if (decision && (basis = hw_labels_dup_basis (&decision->basis)))
    g_string_append_printf (facts, "%s%s", facts->len ? " · " : "", basis);
  /* Translators: the responsible caseworker */
  g_string_append_printf (facts, "%s%s: %s", facts->len ? " · " : "", _("Kontaktperson"),
                          worker ? worker : _("none"));
  if (c->closed)
    g_string_append_printf (facts, " · %s", _("case closed"));
  g_free (self->facts);
  self->facts = g_strdup (facts->str);
  gtk_label_set_label (self->facts_label, facts->str);

  if (self->placement)
    {
      g_autofree char *cat = hw_code_dup_label (HW_CODES_CATEGORY, self->placement->category);
      g_autofree char *since = hw_date_dup_display (self->placement->start_date);

      /* Translators: "Kinship foster home since 01.02.2024" */
      g_string_append_printf (placement, _("%s since %s"), cat, since);
      if (self->home)
        {
          home_name = hw_labels_dup_truncated (((HwFosterHome *) self->home->root)->name,
                                               TITLE_CHARS);
          g_string_append_printf (placement, " · %s", home_name ? home_name : "");
        }
    }
  else
    g_string_append (placement, _("Not placed outside the home today"));
  gtk_label_set_label (self->placement_label, placement->str);
}

/* ---- findings ---- */

static GtkWidget *
make_finding_row (const HwUiFinding *f)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean missed = f->state == HW_UI_FINDING_MISSED;
  GtkWidget *icon = gtk_image_new_from_icon_name (f->state == HW_UI_FINDING_OVERDUE
                                                  ? "dialog-warning-symbolic"
                                                  : missed ? "document-open-recent-symbolic"
                                                  : "alarm-symbolic");
  g_autofree char *date = hw_date_dup_display (f->due);
  g_autofree char *due = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) sub = g_string_new (NULL);
  GtkWidget *due_label;

  title = f->subject ? g_strdup_printf ("%s — %s", f->title, f->subject) : g_strdup (f->title);
  set_row_text (row, title, NULL, LABEL_CHARS);
  if (f->explanation)
    g_string_append (sub, f->explanation);
  /* The engine's explanation usually names the source already. */
  if (f->source && !(f->explanation && strstr (f->explanation, f->source)))
    {
      g_string_append_printf (sub, "%s%s", sub->len ? "\n" : "", f->source);
      if (f->legal_class)
        g_string_append_printf (sub, " (%s)", f->legal_class);
    }
  if (f->source)
    gtk_widget_set_tooltip_text (row, f->source);
  set_row_text (row, NULL, sub->str, PROSE_CHARS);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_add_css_class (icon, f->state == HW_UI_FINDING_OVERDUE ? "error"
                                  : missed ? "dim-label" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  due = f->state == HW_UI_FINDING_OVERDUE
        /* Translators: %s is a date */
        ? g_strdup_printf (_("Overdue since %s"), date)
        : missed
        /* Translators: a completed period not met (history); %s is its last day */
        ? g_strdup_printf (_("Not met, period ended %s"), date)
        : g_strdup_printf (_("Due %s"), date);
  due_label = gtk_label_new (due);
  gtk_widget_add_css_class (due_label, f->state == HW_UI_FINDING_OVERDUE ? "due-overdue"
                                       : missed ? "dim-label" : "due-soon");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);
  gtk_widget_add_css_class (row, "finding");
  return row;
}

#define FINDINGS_SHOWN 4

static void
add_finding_row (HwChildPage *self, GtkWidget *row)
{
  adw_preferences_group_add (self->findings_group, row);
  g_ptr_array_add (self->finding_rows, row);
}

/* Deviations ("Avvik"): completed periods not met (rules.md v2). History, so after the
 * duties and folded: nothing in it can be done any more. */
static void
add_deviations (HwChildPage *self, GPtrArray *findings, guint n_missed)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;

  /* Translators: a heading in the child's record: completed periods whose duty was not met */
  title = g_strdup_printf (ngettext ("Deviations: %u period not met",
                                     "Deviations: %u periods not met", n_missed), n_missed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("History: not counted as overdue"));
  gtk_widget_add_css_class (expander, "deviations");
  for (guint i = 0; i < findings->len; i++)
    {
      const HwUiFinding *f = findings->pdata[i];

      if (f->state == HW_UI_FINDING_MISSED)
        {
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), make_finding_row (f));
          g_ptr_array_add (self->deviation_rules, g_strdup (f->rule_id));
        }
    }
  add_finding_row (self, expander);
}

static void
build_findings (HwChildPage *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *more = NULL;
  guint shown = 0, total = 0, n_missed = 0;

  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, self->finding_rows->pdata[i]);
  g_ptr_array_set_size (self->finding_rows, 0);
  g_ptr_array_set_size (self->finding_titles, 0);
  g_ptr_array_set_size (self->finding_rules, 0);
  g_ptr_array_set_size (self->deviation_rules, 0);

  if (self->caseload && hw_findings_available ())
    findings = hw_caseload_evaluate_case (self->caseload, self->dossier, get_today (self));
  if (findings == NULL)
    {
      adw_preferences_group_set_description (self->findings_group,
                                             _("Duties appear here when the rule catalogue is "
                                               "installed."));
      return;
    }
  adw_preferences_group_set_description (self->findings_group, NULL);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_ref (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      HwUiFindingState state = ((const HwUiFinding *) findings->pdata[i])->state;

      if (state == HW_UI_FINDING_MISSED)
        n_missed++;
      else if (state != HW_UI_FINDING_OK)
        total++;
    }
  for (guint i = 0; i < findings->len; i++)
    {
      const HwUiFinding *f = findings->pdata[i];

      if (f->state == HW_UI_FINDING_OK || f->state == HW_UI_FINDING_MISSED)
        continue;
      /* The most urgent in view; the rest one click away, so the record stays in sight. */
      if (shown < FINDINGS_SHOWN || total == FINDINGS_SHOWN + 1)
        add_finding_row (self, make_finding_row (f));
      else
        {
          if (more == NULL)
            {
              g_autofree char *title = NULL;

              more = adw_expander_row_new ();
              /* Translators: the number of further overdue or due-soon duties */
              title = g_strdup_printf (ngettext ("%u more duty", "%u more duties",
                                                 total - shown), total - shown);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
              add_finding_row (self, more);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (more), make_finding_row (f));
        }
      g_ptr_array_add (self->finding_titles, g_strdup (f->title));
      g_ptr_array_add (self->finding_rules, g_strdup (f->rule_id));
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing is overdue or due soon"));
      add_finding_row (self, row);
    }
  if (n_missed)
    add_deviations (self, findings, n_missed);
}

/* ---- records ---- */

static gpointer
find_record (HwChildPage *self, HwEntity entity, const char *id)
{
  gpointer r = hw_dossier_find (self->dossier, entity, id);

  if (r == NULL && self->home)
    r = hw_dossier_find (self->home, entity, id);
  return r;
}

static gboolean
is_home_entity (HwEntity entity)
{
  return entity == HW_ENTITY_HOME_MEMBER || entity == HW_ENTITY_HOME_EVIDENCE ||
         entity == HW_ENTITY_FOSTER_HOME;
}

static void
after_write (HwChildPage *self, gboolean home_changed)
{
  g_autoptr(GError) error = NULL;
  HwWindow *window = get_window (self);
  g_autofree char *id = g_strdup (self->case_id);

  if (!hw_child_page_load (self, id, &error))
    {
      hw_window_toast_error_from (GTK_WIDGET (self), error);
      return;
    }
  if (home_changed && self->caseload)
    {
      /* Other children of the same home owe the same documents: the rule context reads the
       * home again, for this child and for the caseload. */
      hw_caseload_refresh_findings (self->caseload);
      build_findings (self);
    }
  if (window)
    hw_window_case_changed (window, self->dossier);
}

static void
on_editor_saved_cb (HwRecordEditor *editor, gconstpointer record, HwChildPage *self)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);
  g_autofree char *msg = NULL;

  after_write (self, is_home_entity (((const HwRecord *) record)->entity));
  /* Translators: %s is a kind of record, like "Visit" */
  msg = g_strdup_printf (_("%s saved"), _(info->label));
  hw_window_toast_from (GTK_WIDGET (self), msg);
}

static HwRecordEditor *
open_editor (HwChildPage *self, gconstpointer record, gboolean is_new, const char *const *fields)
{
  HwWindow *window = get_window (self);
  HwRecordEditor *editor;

  editor = hw_record_editor_new (window ? GTK_WINDOW (window) : NULL, get_store (self), record,
                                 is_new, self->dossier, self->home, fields);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static gpointer
new_record (HwChildPage *self, HwEntity entity)
{
  gpointer record = hw_record_new (entity);
  const HwEntityInfo *info = hw_entity_info (entity);
  g_autofree char *staff = NULL;
  HwWindow *window = get_window (self);
  gboolean dated = FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];

      if (f->flags & HW_FIELD_OWNER)
        hw_field_set_text (record, f, is_home_entity (entity) && self->home
                                      ? ((HwRecord *) self->home->root)->id : self->case_id);
      else if (f->type == HW_FIELD_DATE && !dated && !g_str_equal (f->name, "birth_date"))
        {
          hw_field_set_int (record, f, (int) get_today (self));
          dated = TRUE;
        }
    }
  if (entity == HW_ENTITY_VISIT)
    {
      HwVisit *v = record;

      v->in_person = TRUE;
      if (self->placement)
        v->measure_id = g_strdup (self->placement->rec.id);
      if (window && (staff = hw_window_dup_user_staff_id (window)))
        v->staff_id = g_steal_pointer (&staff);
    }
  return record;
}

static void
on_add_clicked_cb (GtkButton *button, HwChildPage *self)
{
  HwEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity"));
  hw_autorecord gpointer record = new_record (self, entity);

  open_editor (self, record, TRUE, NULL);
}

static void
on_row_activated_cb (AdwActionRow *row, HwChildPage *self)
{
  HwEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entity"));
  const char *id = g_object_get_data (G_OBJECT (row), "record-id");
  gpointer record = find_record (self, entity, id);

  if (record)
    open_editor (self, record, FALSE, NULL);
}

static void
on_delete_clicked_cb (GtkButton *button, HwChildPage *self)
{
  HwEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "entity"));
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "record-id"));

  hw_child_page_delete_record (self, entity, id);
}

static GtkWidget *
make_record_row (HwChildPage *self, gconstpointer record, const HwDossier *dossier)
{
  const HwRecord *rec = record;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  hw_labels_describe_record (record, dossier, &title, &subtitle);
  set_row_text (row, title, subtitle, LABEL_CHARS);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "entity", GINT_TO_POINTER (rec->entity));
  g_object_set_data_full (G_OBJECT (row), "record-id", g_strdup (rec->id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete"), -1);
  g_object_set_data (G_OBJECT (delete), "entity", GINT_TO_POINTER (rec->entity));
  g_object_set_data_full (G_OBJECT (delete), "record-id", g_strdup (rec->id), g_free);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static gint
compare_by_date_desc (gconstpointer a, gconstpointer b)
{
  HwDate da = hw_labels_record_date (*(gconstpointer *) a);
  HwDate db = hw_labels_record_date (*(gconstpointer *) b);

  return da < db ? 1 : da > db ? -1 : 0;
}

static AdwPreferencesGroup *
add_group (HwChildPage *self, GtkBox *box, const char *title, const char *description,
           HwEntity entity, const HwDossier *dossier)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GPtrArray *records = dossier ? hw_dossier_get (dossier, entity) : NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *add_label = NULL;

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  /* Translators: an "Add" button's accessible name, %s is a kind of record */
  add_label = g_strdup_printf (_("Add %s"), _(hw_entity_info (entity)->label));
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  add_label, -1);
  g_object_set_data (G_OBJECT (add), "entity", GINT_TO_POINTER (entity));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (group, add);
  gtk_widget_set_name (GTK_WIDGET (group), hw_entity_info (entity)->name);

  for (guint i = 0; records && i < records->len; i++)
    g_ptr_array_add (sorted, records->pdata[i]);
  g_ptr_array_sort (sorted, compare_by_date_desc);
  for (guint i = 0; i < sorted->len; i++)
    adw_preferences_group_add (group, make_record_row (self, sorted->pdata[i], dossier));
  if (sorted->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (group, row);
    }
  gtk_box_append (box, GTK_WIDGET (group));
  return group;
}

/* ---- tabs ---- */

static const char *
timeline_icon (HwEntity entity)
{
  switch (entity)
    {
    case HW_ENTITY_DECISION: return "emblem-documents-symbolic";
    case HW_ENTITY_MEASURE: return "go-home-symbolic";
    case HW_ENTITY_MOVE: return "mail-send-symbolic";
    case HW_ENTITY_PLAN:
    case HW_ENTITY_PLAN_EVALUATION: return "x-office-document-symbolic";
    case HW_ENTITY_VISIT: return "document-edit-symbolic";
    case HW_ENTITY_REUNIFICATION:
    case HW_ENTITY_RETURN: return "mail-reply-sender-symbolic";
    case HW_ENTITY_SAMVAER_SESSION:
    case HW_ENTITY_SAMVAER_AGREEMENT: return "emblem-shared-symbolic";
    case HW_ENTITY_PARENT_FOLLOWUP: return "system-users-symbolic";
    default: return "x-office-calendar-symbolic";
    }
}

static void
build_overview (HwChildPage *self)
{
  static const HwEntity dated[] = {
    HW_ENTITY_DECISION, HW_ENTITY_MEASURE, HW_ENTITY_MOVE, HW_ENTITY_PLAN,
    HW_ENTITY_PLAN_EVALUATION, HW_ENTITY_VISIT, HW_ENTITY_REUNIFICATION, HW_ENTITY_RETURN,
    HW_ENTITY_SAMVAER_AGREEMENT, HW_ENTITY_SAMVAER_SESSION, HW_ENTITY_PARENT_FOLLOWUP,
    HW_ENTITY_PETITION, HW_ENTITY_AFTERCARE,
  };
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  HwCase *c = hw_dossier_case (self->dossier);

  clear_box (self->overview_box);
  if (c->summary || c->child_views)
    {
      AdwPreferencesGroup *about = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      struct { const char *title; const char *text; } parts[] = {
        { _("Summary"), c->summary },
        { _("The child’s views"), c->child_views },
      };

      adw_preferences_group_set_title (about, _("About the Case"));
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          GtkWidget *row;

          if (parts[i].text == NULL)
            continue;
          row = adw_action_row_new ();
          set_row_text (row, parts[i].title, parts[i].text, PROSE_CHARS);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          adw_preferences_group_add (about, row);
        }
      gtk_box_append (self->overview_box, GTK_WIDGET (about));
    }

  adw_preferences_group_set_title (group, _("Timeline"));
  adw_preferences_group_set_description (group, _("Decisions, moves, plans, visits and "
                                                  "assessments, the latest first"));
  for (guint e = 0; e < G_N_ELEMENTS (dated); e++)
    {
      GPtrArray *records = hw_dossier_get (self->dossier, dated[e]);

      for (guint i = 0; i < records->len; i++)
        if (hw_labels_record_date (records->pdata[i]) != HW_DATE_NONE)
          g_ptr_array_add (all, records->pdata[i]);
    }
  g_ptr_array_sort (all, compare_by_date_desc);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *row = make_record_row (self, all->pdata[i], self->dossier);
      g_autofree char *date = hw_date_dup_display (hw_labels_record_date (all->pdata[i]));
      GtkWidget *date_label = gtk_label_new (date);
      GtkWidget *icon = gtk_image_new_from_icon_name (
        timeline_icon (((HwRecord *) all->pdata[i])->entity));

      gtk_widget_add_css_class (date_label, "numeric");
      gtk_widget_add_css_class (date_label, "timeline-date");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), date_label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (group, row);
    }
  if (all->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded yet"));
      adw_preferences_group_add (group, row);
    }
  gtk_box_append (self->overview_box, GTK_WIDGET (group));
}

/* The rule engine's samvær verdict: an agreement below the tribunal's minimum, or else the
 * latest completed year with fewer sessions held than the minimum; NULL when neither. */
static const HwUiFinding *
samvaer_minimum_finding (HwChildPage *self)
{
  const HwUiFinding *year = NULL;

  self->samvaer_below_rule = NULL;
  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const HwUiFinding *f = self->findings->pdata[i];

      if (g_strcmp0 (f->rule_id, "SAMVAER_AGREEMENT_BELOW_MINIMUM") == 0 &&
          f->state != HW_UI_FINDING_OK)
        return f;
      if (g_strcmp0 (f->rule_id, "SAMVAER_MINIMUM_YEAR") == 0 &&
          (year == NULL || f->due > year->due))
        year = f;
    }
  return year && year->state == HW_UI_FINDING_MISSED ? year : NULL;
}

static void
build_samvaer_summary (HwChildPage *self)
{
  HwDate today = get_today (self);
  /* The minimum the rules count against: the care order in force (hw-legal.h). */
  const HwDecision *with_minimum = hw_dossier_active_care_order (self->dossier, today);
  const HwUiFinding *below;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  HwSamvaerCount count;
  guint held, cancelled, planned;

  hw_dossier_count_samvaer (self->dossier, NULL, today, &count);
  held = count.held;
  cancelled = count.cancelled;
  planned = count.planned_ahead;
  if (with_minimum && with_minimum->min_samvaer_per_year <= 0 && !with_minimum->min_samvaer)
    with_minimum = NULL;

  adw_preferences_group_set_title (group, _("The Last 12 Months"));
  /* Translators: contact sessions held and cancelled in the last 12 months */
  title = g_strdup_printf (ngettext ("%u session held, %u cancelled",
                                     "%u sessions held, %u cancelled", held), held, cancelled);
  if (with_minimum && with_minimum->min_samvaer_per_year > 0)
    /* Translators: the county tribunal's minimum number of contact sessions a year */
    subtitle = g_strdup_printf (_("The tribunal’s minimum: %d a year (%s) · %u planned ahead"),
                                with_minimum->min_samvaer_per_year,
                                with_minimum->min_samvaer ? with_minimum->min_samvaer : "",
                                planned);
  else if (with_minimum)
    subtitle = g_strdup_printf (_("The tribunal’s minimum: %s · %u planned ahead"),
                                with_minimum->min_samvaer, planned);
  else
    subtitle = g_strdup_printf (_("No minimum set by the tribunal · %u planned ahead"), planned);
  set_row_text (row, title, subtitle, LABEL_CHARS);
  /* The verdict is the rule engine's (SAMVAER_MINIMUM_YEAR, SAMVAER_AGREEMENT_BELOW_MINIMUM),
   * not a count of its own: the latest completed year not met, or a schedule below it. */
  if ((below = samvaer_minimum_finding (self)))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, below->explanation);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      self->samvaer_below_rule = below->rule_id;
    }
  adw_preferences_group_add (group, row);
  gtk_box_append (self->samvaer_box, GTK_WIDGET (group));
}

static void
build_tabs (HwChildPage *self)
{
  clear_box (self->parents_box);
  add_group (self, self->parents_box, _("People Around the Child"),
             _("Parents, siblings and others; who has parental responsibility"),
             HW_ENTITY_PERSON, self->dossier);
  add_group (self, self->parents_box, _("Follow-up of the Parents"),
             _("First contact, measures offered, referrals and the parents’ own views"),
             HW_ENTITY_PARENT_FOLLOWUP, self->dossier);

  clear_box (self->placement_box);
  add_group (self, self->placement_box, _("Decisions"), NULL, HW_ENTITY_DECISION,
             self->dossier);
  add_group (self, self->placement_box, _("Decision Status"), NULL,
             HW_ENTITY_DECISION_STATUS, self->dossier);
  add_group (self, self->placement_box, _("Measures and Placements"), NULL, HW_ENTITY_MEASURE,
             self->dossier);
  add_group (self, self->placement_box, _("Visit Frequency"),
             _("Follow-up and supervision visits a year"), HW_ENTITY_FREQUENCY, self->dossier);
  add_group (self, self->placement_box, _("Moves"), NULL, HW_ENTITY_MOVE, self->dossier);
  if (self->home)
    {
      const HwFosterHome *h = self->home->root;
      /* Group titles are always markup (libadwaita 1.2); the home's name is what users typed. */
      g_autofree char *cut = hw_labels_dup_truncated (h->name ? h->name : "", TITLE_CHARS);
      g_autofree char *name = g_markup_escape_text (cut, -1);
      g_autofree char *members = NULL;
      g_autofree char *docs = NULL;

      /* Translators: %s is a foster home's name */
      members = g_strdup_printf (_("Members of %s"), name);
      docs = g_strdup_printf (_("Documents of %s"), name);
      add_group (self, self->placement_box, members,
                 _("Foster parents and other household members"), HW_ENTITY_HOME_MEMBER,
                 self->home);
      add_group (self, self->placement_box, docs,
                 _("Approval, training, contract, police certificates and household "
                   "assessments"), HW_ENTITY_HOME_EVIDENCE, self->home);
    }

  clear_box (self->samvaer_box);
  build_samvaer_summary (self);
  add_group (self, self->samvaer_box, _("Agreements"), NULL, HW_ENTITY_SAMVAER_AGREEMENT,
             self->dossier);
  add_group (self, self->samvaer_box, _("Sessions"), _("Planned, held and cancelled"),
             HW_ENTITY_SAMVAER_SESSION, self->dossier);
  add_group (self, self->samvaer_box, _("Evaluations"), NULL, HW_ENTITY_SAMVAER_EVALUATION,
             self->dossier);

  clear_box (self->plans_box);
  add_group (self, self->plans_box, _("Plans"), NULL, HW_ENTITY_PLAN, self->dossier);
  add_group (self, self->plans_box, _("Plan Evaluations"), NULL, HW_ENTITY_PLAN_EVALUATION,
             self->dossier);
  add_group (self, self->plans_box, _("Activities"), NULL, HW_ENTITY_ACTIVITY, self->dossier);

  clear_box (self->reunification_box);
  add_group (self, self->reunification_box, _("Goal and Assessments"),
             _("The reunification goal and each dated assessment"), HW_ENTITY_REUNIFICATION,
             self->dossier);
  add_group (self, self->reunification_box, _("Return Home"), NULL, HW_ENTITY_RETURN,
             self->dossier);
  add_group (self, self->reunification_box, _("Aftercare"), NULL, HW_ENTITY_AFTERCARE,
             self->dossier);
  add_group (self, self->reunification_box, _("Petitions to the Tribunal"), NULL,
             HW_ENTITY_PETITION, self->dossier);

  clear_box (self->visits_box);
  add_group (self, self->visits_box, _("Visit Log"),
             _("Follow-up and supervision visits, conversations and meetings"), HW_ENTITY_VISIT,
             self->dossier);
}

static void
rebuild (HwChildPage *self)
{
  build_header (self);
  build_findings (self);
  build_overview (self);
  build_tabs (self);
  build_package (self);
}

/* ---- Omsorgspakken (issue 18): the plan's activities, by part ---- */

/* The row of one activity: due, responsible and status; done/not done at the front; move,
 * drop and delete behind. */
static void on_activity_done_toggled_cb (GtkCheckButton *check, HwChildPage *self);
static void on_activity_move_clicked_cb (GtkButton *button, HwChildPage *self);
static void on_activity_drop_clicked_cb (GtkButton *button, HwChildPage *self);

static GtkWidget *
activity_button (HwChildPage *self, const HwActivity *a, const char *icon, const char *label,
                 GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (button), "record-id", g_strdup (a->rec.id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
make_activity_row (HwChildPage *self, const HwActivity *a)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *due = hw_labels_dup_date (a->due);
  g_autofree char *status = hw_activity_dup_status_text (a, get_today (self));
  g_autofree char *subtitle = NULL;
  HwActivityStatus s = hw_activity_get_status (a, get_today (self));

  /* Translators: an activity's line in the Omsorgspakken tab: due date · who · status */
  subtitle = g_strdup_printf (_("Due %s · %s · %s"), due && *due ? due : _("no date"),
                              a->responsible ? a->responsible : _("no one named"), status);
  set_row_text (row, a->title ? a->title : "", subtitle, LABEL_CHARS);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "entity", GINT_TO_POINTER (HW_ENTITY_ACTIVITY));
  g_object_set_data_full (G_OBJECT (row), "record-id", g_strdup (a->rec.id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
  if (s == HW_ACTIVITY_OVERDUE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_activity_status_label (s), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  else if (s == HW_ACTIVITY_DROPPED)
    gtk_widget_add_css_class (row, "dim-label");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), a->done_date != HW_DATE_NONE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Done"), -1);
  gtk_widget_set_name (check, a->rec.id);
  gtk_widget_set_sensitive (check, a->dropped_reason == NULL);
  g_object_set_data_full (G_OBJECT (check), "record-id", g_strdup (a->rec.id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_activity_done_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             activity_button (self, a, "x-office-calendar-symbolic",
                                              _("Move to another date"),
                                              G_CALLBACK (on_activity_move_clicked_cb)));
  if (a->dropped_reason == NULL && a->done_date == HW_DATE_NONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               activity_button (self, a, "action-unavailable-symbolic",
                                                _("Drop (not needed for this child)"),
                                                G_CALLBACK (on_activity_drop_clicked_cb)));
  /* One added by hand can be deleted (with undo); one of the template is dropped instead,
   * or the template would make it again on the next save of the placement. */
  if (a->template_key == NULL)
    {
      GtkWidget *delete = activity_button (self, a, "user-trash-symbolic", _("Delete"),
                                           G_CALLBACK (on_delete_clicked_cb));

      g_object_set_data (G_OBJECT (delete), "entity", GINT_TO_POINTER (HW_ENTITY_ACTIVITY));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
    }
  return row;
}

static void
on_add_activity_clicked_cb (GtkButton *button, HwChildPage *self)
{
  hw_autorecord HwActivity *a = new_record (self, HW_ENTITY_ACTIVITY);
  static const char *const fields[] = { "part", "title", "due", "responsible", "participants",
                                        NULL };

  a->part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "part"));
  a->basis = g_strdup ("K");
  open_editor (self, a, TRUE, fields);
}

static void
build_package (HwChildPage *self)
{
  g_autoptr(HwPlanTemplate) template = NULL;
  GPtrArray *all;

  clear_box (self->package_box);
  if (self->dossier == NULL)
    return;
  all = hw_dossier_get (self->dossier, HW_ENTITY_ACTIVITY);
  /* In the user's language, whatever language the template's activities were made in. */
  template = get_store (self) ? hw_service_load_plan_template (get_store (self), NULL) : NULL;
  for (guint i = 0; template && i < all->len; i++)
    hw_plan_template_localize_activity (template, all->pdata[i]);
  for (int part = HW_PART_CHILD; part <= HW_PART_FOSTER_FAMILY; part++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      g_autofree char *add_label = NULL;

      adw_preferences_group_set_title (group, hw_part_to_label (part));
      if (part == HW_PART_CHILD)
        adw_preferences_group_set_description (
          group, _("Planned activities from the municipality’s template, not duties under "
                   "the law; the Duties list shows those"));
      gtk_widget_add_css_class (add, "flat");
      /* Translators: %s is a part of the plan, like "The child" */
      add_label = g_strdup_printf (_("Add an activity for %s"), hw_part_to_label (part));
      gtk_widget_set_tooltip_text (add, add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      add_label, -1);
      g_object_set_data (G_OBJECT (add), "part", GINT_TO_POINTER (part));
      g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_activity_clicked_cb), self, 0);
      adw_preferences_group_set_header_suffix (group, add);

      for (guint i = 0; i < all->len; i++)
        if (((HwActivity *) all->pdata[i])->part == (HwPart) part)
          g_ptr_array_add (mine, all->pdata[i]);
      g_ptr_array_sort (mine, hw_activity_compare_due);
      for (guint i = 0; i < mine->len; i++)
        adw_preferences_group_add (group, make_activity_row (self, mine->pdata[i]));
      if (mine->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No activities"));
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (group, row);
        }
      gtk_box_append (self->package_box, GTK_WIDGET (group));
    }
}

/* What the last change to an activity replaced, for its toast's Undo. */
static void
remember_activity (HwChildPage *self, const HwActivity *before)
{
  g_clear_pointer (&self->activity_before, hw_record_free);
  self->activity_before = before ? hw_record_copy (before) : NULL;
}

static void
on_undo_activity_cb (AdwToast *toast, HwChildPage *self)
{
  hw_child_page_undo_activity (self);
}

static void
toast_with_undo (HwChildPage *self, const char *message)
{
  HwWindow *window = get_window (self);
  AdwToast *toast;

  if (window == NULL)
    return;
  toast = hw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_activity_cb), self, 0);
  hw_window_add_toast (window, toast);
}

/* Omsorgspakken: marks the activity @id done today (or not done), as its check button does,
 * with an undo toast; FALSE when it already was or the store refused. */
static gboolean
hw_child_page_set_activity_done (HwChildPage *self, const char *id, gboolean done)
{
  g_autoptr(GError) error = NULL;
  const HwActivity *stored;
  hw_autorecord HwActivity *a = NULL;

  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), FALSE);
  stored = self->dossier ? hw_dossier_find (self->dossier, HW_ENTITY_ACTIVITY, id) : NULL;
  if (stored == NULL || (stored->done_date != HW_DATE_NONE) == done)
    return FALSE;
  a = hw_record_copy (stored);
  if (done)
    hw_activity_mark_done (a, get_today (self));
  else
    a->done_date = HW_DATE_NONE;
  if (!hw_store_save (get_store (self), a, &error))
    {
      hw_window_toast_error_from (GTK_WIDGET (self), error);
      after_write (self, FALSE);
      return FALSE;
    }
  remember_activity (self, stored);
  after_write (self, FALSE);
  toast_with_undo (self, done ? _("Marked done") : _("Marked not done"));
  return TRUE;
}

gboolean
hw_child_page_undo_activity (HwChildPage *self)
{
  g_autoptr(GError) error = NULL;
  const HwActivity *now;
  hw_autorecord HwActivity *a = NULL;
  HwActivity *before;

  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), FALSE);
  before = self->activity_before;
  if (before == NULL || self->dossier == NULL)
    return FALSE;
  now = hw_dossier_find (self->dossier, HW_ENTITY_ACTIVITY, before->rec.id);
  if (now == NULL)
    return FALSE;
  /* What was before, over the row as it is now (its version), so a change made elsewhere
   * since is refused rather than overwritten. */
  a = hw_record_copy (before);
  a->rec.version = now->rec.version;
  if (!hw_store_save (get_store (self), a, &error))
    {
      hw_window_toast_error_from (GTK_WIDGET (self), error);
      return FALSE;
    }
  g_clear_pointer (&self->activity_before, hw_record_free);
  after_write (self, FALSE);
  hw_window_toast_from (GTK_WIDGET (self), _("Restored"));
  return TRUE;
}

static void
on_activity_done_toggled_cb (GtkCheckButton *check, HwChildPage *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (check), "record-id"));

  hw_child_page_set_activity_done (self, id, gtk_check_button_get_active (check));
}

static void
on_activity_edited_cb (HwRecordEditor *editor, gconstpointer record, HwChildPage *self)
{
  toast_with_undo (self, _("Activity changed"));
}

/* Move or drop: the activity's form with only that field, its save undoable. */
static void
edit_activity_field (HwChildPage *self, GtkButton *button, const char *const *fields)
{
  const char *id = g_object_get_data (G_OBJECT (button), "record-id");
  const HwActivity *a = hw_dossier_find (self->dossier, HW_ENTITY_ACTIVITY, id);
  HwRecordEditor *editor;

  if (a == NULL)
    return;
  remember_activity (self, a);
  editor = open_editor (self, a, FALSE, fields);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_activity_edited_cb), self,
                           G_CONNECT_AFTER);
}

static void
on_activity_move_clicked_cb (GtkButton *button, HwChildPage *self)
{
  static const char *const fields[] = { "due", NULL };

  edit_activity_field (self, button, fields);
}

static void
on_activity_drop_clicked_cb (GtkButton *button, HwChildPage *self)
{
  static const char *const fields[] = { "dropped_reason", NULL };

  edit_activity_field (self, button, fields);
}

/* ---- deleting, and undoing it ---- */

/* The undo put records of this page back (hw-undo.c): show them. */
static void
on_records_restored (GtkWidget *page, const HwRemoval *removal)
{
  HwChildPage *self = HW_CHILD_PAGE (page);
  const char *case_id = hw_removal_get_case_id (removal);

  if (self->case_id && (case_id == NULL || g_strcmp0 (case_id, self->case_id) == 0))
    after_write (self, is_home_entity (removal->entity));
  else if (case_id && get_window (self))
    {
      g_autoptr(HwDossier) again = hw_store_load_case (get_store (self), case_id, NULL);

      if (again)
        hw_window_case_changed (get_window (self), again);
    }
  hw_window_toast_from (page, _("Restored"));
}

static gboolean
hw_child_page_delete_record (HwChildPage *self, HwEntity entity, const char *id)
{
  gpointer record = find_record (self, entity, id);
  g_autofree char *msg = NULL;

  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), FALSE);
  if (record == NULL)
    return FALSE;

  /* Translators: %s is a kind of record, like "Visit" */
  msg = g_strdup_printf (_("%s deleted"), _(hw_entity_info (entity)->label));
  /* The store takes what depends on the record with it (a placement's visit frequencies, a
   * parent's samvær agreements) and clears optional references to it, in one operation. */
  if (!hw_undo_delete (GTK_WIDGET (self), get_store (self), entity,
                       hw_record_get_owner_id (record), id, msg, on_records_restored))
    return FALSE;
  after_write (self, is_home_entity (entity));
  return TRUE;
}

static void
on_case_restored (GtkWidget *page, const HwRemoval *removal)
{
  HwChildPage *self = HW_CHILD_PAGE (page);
  HwWindow *window = get_window (self);
  g_autoptr(HwDossier) again = NULL;

  if (window == NULL)
    return;
  again = hw_store_load_case (get_store (self), removal->id, NULL);
  if (again)
    hw_window_case_changed (window, again);
  hw_window_open_case (window, removal->id);
  hw_window_toast_from (page, _("Case restored"));
}

static void
on_delete_case_response_cb (AdwMessageDialog *dialog, const char *response, HwChildPage *self)
{
  HwWindow *window = get_window (self);
  g_autofree char *id = NULL;
  g_autofree char *msg = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->dossier == NULL)
    return;
  id = g_strdup (self->case_id);
  /* Translators: %s is a child's name */
  msg = g_strdup_printf (_("The case of %s was deleted"), self->title);
  if (!hw_undo_delete (GTK_WIDGET (self), get_store (self), HW_ENTITY_CASE, NULL, id, msg,
                       on_case_restored))
    return;
  if (self->caseload)
    hw_caseload_remove_case (self->caseload, id);
  if (window)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
}

static void
delete_case_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwChildPage *self = HW_CHILD_PAGE (widget);
  HwWindow *window = get_window (self);
  GtkWidget *dialog;

  if (self->dossier == NULL)
    return;
  dialog = adw_message_dialog_new (window ? GTK_WINDOW (window) : NULL,
                                   _("Delete This Case?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Every record of %s’s case will be deleted. You can undo "
                                    "this for a few seconds."), self->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_case_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_child_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwChildPage *self = HW_CHILD_PAGE (widget);
  HwChild *child;

  if (self->dossier == NULL)
    return;
  child = hw_dossier_child (self->dossier);
  if (child)
    open_editor (self, child, FALSE, NULL);
  else
    {
      hw_autorecord gpointer record = new_record (self, HW_ENTITY_CHILD);
      open_editor (self, record, TRUE, NULL);
    }
}

static void
edit_case_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwChildPage *self = HW_CHILD_PAGE (widget);

  if (self->dossier)
    open_editor (self, self->dossier->root, FALSE, NULL);
}

/* ---- life cycle ---- */

static void
hw_child_page_dispose (GObject *object)
{
  HwChildPage *self = HW_CHILD_PAGE (object);
  GtkWidget *child;

  /* A bin-layout widget must unparent its template children itself. GTK 4.8's
   * gtk_widget_dispose_template() unparents only the children bound to a field. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_CHILD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->caseload);
  G_OBJECT_CLASS (hw_child_page_parent_class)->dispose (object);
}

static void
hw_child_page_finalize (GObject *object)
{
  HwChildPage *self = HW_CHILD_PAGE (object);

  g_clear_pointer (&self->dossier, hw_dossier_free);
  g_clear_pointer (&self->home, hw_dossier_free);
  g_clear_pointer (&self->activity_before, hw_record_free);
  g_free (self->case_id);
  g_free (self->title);
  g_free (self->facts);
  g_ptr_array_unref (self->finding_titles);
  g_ptr_array_unref (self->finding_rows);
  g_ptr_array_unref (self->finding_rules);
  g_ptr_array_unref (self->deviation_rules);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_child_page_parent_class)->finalize (object);
}

static void
hw_child_page_class_init (HwChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_child_page_dispose;
  object_class->finalize = hw_child_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, placement_label);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, tab_stack);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, parents_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, placement_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, samvaer_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, plans_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, reunification_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, visits_box);
  gtk_widget_class_bind_template_child (widget_class, HwChildPage, package_box);

  gtk_widget_class_install_action (widget_class, "child.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "child.edit-child", NULL, edit_child_action);
  gtk_widget_class_install_action (widget_class, "child.edit-case", NULL, edit_case_action);
}

static void
hw_child_page_init (HwChildPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->finding_titles = g_ptr_array_new_with_free_func (g_free);
  self->finding_rows = g_ptr_array_new ();
  self->finding_rules = g_ptr_array_new_with_free_func (g_free);
  self->deviation_rules = g_ptr_array_new_with_free_func (g_free);
}

void
hw_child_page_bind (HwChildPage *self, HwCaseload *caseload)
{
  g_return_if_fail (HW_IS_CHILD_PAGE (self));
  g_set_object (&self->caseload, caseload);
}

gboolean
hw_child_page_load (HwChildPage *self, const char *case_id, GError **error)
{
  HwStore *store = get_store (self);
  g_autoptr(HwDossier) dossier = NULL;
  gboolean same;

  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  dossier = hw_store_load_case (store, case_id, error);
  if (dossier == NULL)
    return FALSE;
  same = g_strcmp0 (self->case_id, case_id) == 0;
  /* Outside a window (no one to write it later) the opening is logged before it is shown. */
  if (!same && get_window (self) == NULL && !hw_store_log_read (store, case_id, error))
    return FALSE;

  g_clear_pointer (&self->dossier, hw_dossier_free);
  g_clear_pointer (&self->home, hw_dossier_free);
  self->dossier = g_steal_pointer (&dossier);
  if (!same)
    {
      g_free (self->case_id);
      self->case_id = g_strdup (case_id);
    }
  self->placement = hw_dossier_current_placement (self->dossier, get_today (self));
  if (self->placement && self->placement->home_id)
    self->home = hw_store_load_home (store, self->placement->home_id, NULL);

  rebuild (self);
  if (!same)
    {
      adw_view_stack_set_visible_child_name (self->tab_stack, "overview");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      /* Shown: now the audit entry, which never makes the window wait for another
       * program's write lock. */
      if (get_window (self))
        hw_window_log_read (get_window (self), case_id);
    }
  return TRUE;
}

const char *
hw_child_page_get_case_id (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return self->case_id;
}

const HwDossier *
hw_child_page_get_dossier (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return self->dossier;
}

GtkWindow *
hw_child_page_log_visit (HwChildPage *self)
{
  static const char *const fields[] = { "kind", "date", "in_person", "child_alone", "notes",
                                        NULL };
  hw_autorecord gpointer record = NULL;
  HwRecordEditor *editor;

  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  if (self->dossier == NULL)
    return NULL;
  record = new_record (self, HW_ENTITY_VISIT);
  editor = open_editor (self, record, TRUE, fields);
  {
    /* Translators: %s is a child's name */
    g_autofree char *heading = g_strdup_printf (_("Log a Visit — %s"), self->title);
    hw_record_editor_set_heading (editor, heading);
  }
  gtk_window_set_default_size (GTK_WINDOW (editor), 520, 480);
  return GTK_WINDOW (editor);
}

void
hw_child_page_refresh_findings (HwChildPage *self)
{
  g_return_if_fail (HW_IS_CHILD_PAGE (self));
  if (self->dossier)
    build_findings (self);
}

void
hw_child_page_show_tab (HwChildPage *self, const char *name)
{
  g_return_if_fail (HW_IS_CHILD_PAGE (self));
  adw_view_stack_set_visible_child_name (self->tab_stack, name);
}

const char *
hw_child_page_get_title (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return gtk_label_get_label (self->name_label);
}

const char *
hw_child_page_get_facts (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return gtk_label_get_label (self->facts_label);
}

static GStrv
dup_strv (GPtrArray *array)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; i < array->len; i++)
    g_strv_builder_add (builder, array->pdata[i] ? array->pdata[i] : "");
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

GStrv
hw_child_page_dup_finding_rules (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return dup_strv (self->finding_rules);
}

GStrv
hw_child_page_dup_deviation_rules (HwChildPage *self)
{
  g_return_val_if_fail (HW_IS_CHILD_PAGE (self), NULL);
  return dup_strv (self->deviation_rules);
}
