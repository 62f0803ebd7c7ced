/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-team-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-case-columns.h"
#include "hw-error.h"
#include "hw-labels.h"
#include "hw-team-page.h"
#include "hw-team-page-private.h"
#include "hw-store-delete.h"
#include "hw-window.h"

static void        hw_team_page_drill         (HwTeamPage *self,
                                        const char *worker_id,
                                        const char *rule_id,
                                        int         state,
                                        const char *title);

/* Reassigns the selected cases to @staff_id (and the staff member's team); the number moved. */
static guint hw_team_page_reassign_selected (HwTeamPage *self, const char *staff_id, GError **error);

struct _HwTeamPage
{
  GtkWidget            parent_instance;

  HwCaseload          *caseload;
  GPtrArray           *team_ids;     /* index in the drop-down → team id (NULL = all) */
  GtkCustomFilter     *filter;
  GtkCustomSorter     *sorter;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  GPtrArray           *summary_rows; /* rows in the three groups */
  gboolean             only_due;
  /* What a count in the summaries opened (issue 19): exactly those cases, until cleared. A
   * kontaktperson ("" none) and/or a rule in a state (-1: any state). */
  char                *drill_worker;
  char                *drill_rule;
  int                  drill_state;
  char                *drill_title;
  GMenu               *reassign_menu;
  /* "overdue:RULE", "due-soon:RULE", "cases:STAFF"… → that count's widget (not a widget name:
   * GTK interns every name, and a national caseload has many kontaktpersoner). */
  GHashTable          *counts;

  GtkDropDown         *team_dropdown;
  GtkToggleButton     *only_due_button;
  GtkLabel            *count_label;
  GtkBox              *drill_bar;
  GtkLabel            *drill_label;
  GtkStack            *content_stack;
  GtkMenuButton       *reassign_button;
  GtkColumnView       *column_view;
  AdwPreferencesGroup *people_group;
  AdwPreferencesGroup *rules_group;
  AdwPreferencesGroup *approval_group;
};

G_DEFINE_FINAL_TYPE (HwTeamPage, hw_team_page, GTK_TYPE_WIDGET)

static HwWindow *
get_window (HwTeamPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return HW_IS_WINDOW (root) ? HW_WINDOW (root) : NULL;
}

static const char *
selected_team (HwTeamPage *self)
{
  guint i = gtk_drop_down_get_selected (self->team_dropdown);

  return self->team_ids && i < self->team_ids->len ? self->team_ids->pdata[i] : NULL;
}

const char *
hw_team_page_get_team_id (HwTeamPage *self)
{
  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), NULL);
  return selected_team (self);
}

/* ---- which cases, in which order ---- */

static gboolean
in_team (HwTeamPage *self, HwCaseItem *item)
{
  const char *team = selected_team (self);

  return team == NULL || g_strcmp0 (hw_case_item_get_row (item)->team_id, team) == 0;
}

/* Whether the case is one of those the opened count counted. */
static gboolean
drill_keeps (HwTeamPage *self, HwCaseItem *item)
{
  const HwUiBriefs *briefs;

  if (self->drill_worker &&
      g_strcmp0 (self->drill_worker, hw_case_item_get_row (item)->caseworker_id ?
                                     hw_case_item_get_row (item)->caseworker_id : "") != 0)
    return FALSE;
  if (self->drill_rule == NULL && self->drill_state < 0)
    return TRUE;
  briefs = hw_case_item_get_briefs (item);
  for (guint i = 0; briefs && i < briefs->n_briefs; i++)
    {
      const HwUiBrief *b = &briefs->briefs[i];

      if ((self->drill_rule == NULL ||
           g_strcmp0 (hw_ui_rule_get_id (b->rule), self->drill_rule) == 0) &&
          (self->drill_state < 0 ? b->state != HW_UI_FINDING_OK : b->state == self->drill_state))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  HwTeamPage *self = user_data;
  HwCaseItem *item = object;

  if (hw_case_item_get_row (item)->closed || !in_team (self, item))
    return FALSE;
  if (self->drill_title)
    return drill_keeps (self, item);
  if (self->only_due && hw_findings_available ())
    return hw_case_item_get_n_overdue (item) + hw_case_item_get_n_due_soon (item) > 0;
  return TRUE;
}

/* Overdue reassessments of whether the child can go home come first (issue: "overdue
 * reunification reassessments first"). */
static gboolean
has_overdue_reunification (HwTeamPage *self, HwCaseItem *item)
{
  const HwUiBriefs *briefs = hw_case_item_get_briefs (item);

  for (guint i = 0; briefs && i < briefs->n_briefs; i++)
    {
      const HwUiBrief *b = &briefs->briefs[i];
      const char *rule_id;

      if (b->state != HW_UI_FINDING_OVERDUE)
        continue;
      rule_id = hw_ui_rule_get_id (b->rule);
      if (rule_id && g_str_has_prefix (rule_id, "REUNIFICATION"))
        return TRUE;
    }
  return FALSE;
}

static int
sort_func (gconstpointer a, gconstpointer b, gpointer user_data)
{
  HwTeamPage *self = user_data;
  HwCaseItem *ia = (HwCaseItem *) a, *ib = (HwCaseItem *) b;
  gboolean ra = has_overdue_reunification (self, ia), rb = has_overdue_reunification (self, ib);
  guint oa = hw_case_item_get_n_overdue (ia), ob = hw_case_item_get_n_overdue (ib);
  HwDate da = hw_case_item_get_next_due (ia), db = hw_case_item_get_next_due (ib);

  if (ra != rb)
    return ra ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (oa != ob)
    return oa > ob ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (da != db)
    return (da ? da : G_MAXUINT32) < (db ? db : G_MAXUINT32) ? GTK_ORDERING_SMALLER
                                                             : GTK_ORDERING_LARGER;
  return gtk_ordering_from_cmpfunc (g_strcmp0 (hw_case_item_get_journal_no (ia),
                                               hw_case_item_get_journal_no (ib)));
}

/* ---- the summaries on the left ---- */

typedef struct {
  char *key;      /* the kontaktperson's id ("" none) or the rule id */
  char *title;
  guint n_cases;
  guint n_overdue;
  guint n_due_soon;
} Tally;

static void
tally_free (Tally *t)
{
  g_free (t->key);
  g_free (t->title);
  g_free (t);
}

static Tally *
tally_get (GHashTable *table, const char *key, const char *title)
{
  Tally *t = g_hash_table_lookup (table, key);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      t->key = g_strdup (key);
      t->title = g_strdup (title);
      g_hash_table_insert (table, g_strdup (key), t);
    }
  return t;
}

static int
compare_tallies (gconstpointer a, gconstpointer b)
{
  const Tally *ta = *(const Tally **) a, *tb = *(const Tally **) b;

  if (ta->n_overdue != tb->n_overdue)
    return ta->n_overdue > tb->n_overdue ? -1 : 1;
  if (ta->n_due_soon != tb->n_due_soon)
    return ta->n_due_soon > tb->n_due_soon ? -1 : 1;
  return g_utf8_collate (ta->title, tb->title);
}

static void
add_summary_row (HwTeamPage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
on_count_clicked_cb (GtkWidget *button, HwTeamPage *self)
{
  hw_team_page_drill (self, g_object_get_data (G_OBJECT (button), "worker"),
                      g_object_get_data (G_OBJECT (button), "rule"),
                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "state")),
                      g_object_get_data (G_OBJECT (button), "title"));
}

/* A count that opens the list of what it counts, kept in self->counts as "overdue:RULE",
 * "due-soon:RULE", "overdue:STAFF"… */
static GtkWidget *
count_button (HwTeamPage *self, const char *label, const char *kind, const char *worker,
              const char *rule, int state, const char *title)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  g_autofree char *name = g_strdup_printf ("%s:%s", kind, rule ? rule : worker);
  g_autofree char *what = NULL;

  g_hash_table_insert (self->counts, g_steal_pointer (&name), button);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: what a count shows when clicked: "Kari Nordmann: 3 overdue" */
  what = g_strdup_printf (_("%s: %s"), title, label);
  gtk_widget_set_tooltip_text (button, _("Show these cases"));
  g_object_set_data_full (G_OBJECT (button), "worker", g_strdup (worker), g_free);
  g_object_set_data_full (G_OBJECT (button), "rule", g_strdup (rule), g_free);
  g_object_set_data (G_OBJECT (button), "state", GINT_TO_POINTER (state));
  g_object_set_data_full (G_OBJECT (button), "title", g_steal_pointer (&what), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_count_clicked_cb), self, 0);
  return button;
}

static void
add_tally_rows (HwTeamPage *self, AdwPreferencesGroup *group, GHashTable *table,
                gboolean with_cases)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_ptr_array_sort (list, compare_tallies);
  for (guint i = 0; i < list->len; i++)
    {
      const Tally *t = list->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *counts = NULL;
      g_autofree char *cases = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->title);
      /* Each count is a button that lists exactly what it counts (issue 19). */
      if (with_cases)
        {
          g_autofree char *name = g_strdup_printf ("cases:%s", t->key);

          /* The row itself opens the kontaktperson's cases. */
          cases = g_strdup_printf (ngettext ("%u case", "%u cases", t->n_cases), t->n_cases);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cases);
          g_hash_table_insert (self->counts, g_steal_pointer (&name), row);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "worker", g_strdup (t->key), g_free);
          g_object_set_data (G_OBJECT (row), "state", GINT_TO_POINTER (-1));
          g_object_set_data_full (G_OBJECT (row), "title", g_strdup (t->title), g_free);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_count_clicked_cb), self, 0);
        }
      if (hw_findings_available ())
        {
          const char *worker = with_cases ? t->key : NULL;
          const char *rule = with_cases ? NULL : t->key;
          GtkWidget *button;

          /* Translators: a count of duties, like "3 overdue" */
          counts = g_strdup_printf (_("%u overdue"), t->n_overdue);
          button = count_button (self, counts, "overdue", worker, rule, HW_UI_FINDING_OVERDUE,
                                 t->title);
          gtk_widget_add_css_class (button, t->n_overdue ? "due-overdue" : "dim-label");
          gtk_widget_set_sensitive (button, t->n_overdue > 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_free (counts);
          /* Translators: a count of duties, like "2 due soon" */
          counts = g_strdup_printf (_("%u due soon"), t->n_due_soon);
          button = count_button (self, counts, "due-soon", worker, rule, HW_UI_FINDING_DUE_SOON,
                                 t->title);
          gtk_widget_add_css_class (button, "dim-label");
          gtk_widget_set_sensitive (button, t->n_due_soon > 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      add_summary_row (self, group, row);
    }
  if (list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None"));
      add_summary_row (self, group, row);
    }
}

static void
on_approve_clicked_cb (GtkButton *button, HwTeamPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (button), "agreement-id");
  HwWindow *window = get_window (self);

  if (!hw_team_page_approve_agreement (self, id, &error))
    {
      if (window)
        hw_window_toast_error (window, error);
      return;
    }
  if (window)
    hw_window_add_toast (window, hw_toast_new (_("Samvær plan approved")));
}

#define MAX_APPROVAL_ROWS 25

static int
compare_valid_from (gconstpointer a, gconstpointer b)
{
  const HwSamvaerAgreement *x = *(const HwSamvaerAgreement *const *) a;
  const HwSamvaerAgreement *y = *(const HwSamvaerAgreement *const *) b;

  return x->valid_from < y->valid_from ? -1 : x->valid_from > y->valid_from;
}

static void
build_summaries (HwTeamPage *self)
{
  GListModel *model;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) rules = NULL;
  GPtrArray *pending;
  g_autoptr(GPtrArray) waiting = NULL;
  guint n_pending = 0;

  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *row = self->summary_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
  g_hash_table_remove_all (self->counts);
  if (self->caseload == NULL)
    return;

  people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) tally_free);
  rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) tally_free);
  model = hw_caseload_get_model (self->caseload);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);
      const char *worker = hw_case_item_get_caseworker (item);
      const char *worker_id = hw_case_item_get_row (item)->caseworker_id;
      const HwUiBriefs *briefs;
      Tally *t;

      if (hw_case_item_get_row (item)->closed || !in_team (self, item))
        continue;
      t = tally_get (people, worker_id ? worker_id : "", worker ? worker : _("No kontaktperson"));
      t->n_cases++;
      t->n_overdue += hw_case_item_get_n_overdue (item);
      t->n_due_soon += hw_case_item_get_n_due_soon (item);

      briefs = hw_case_item_get_briefs (item);
      for (guint k = 0; briefs && k < briefs->n_briefs; k++)
        {
          const HwUiBrief *b = &briefs->briefs[k];
          const char *rule_id = hw_ui_rule_get_id (b->rule);
          const char *title = hw_ui_rule_get_title (b->rule);
          Tally *r;

          if (b->state == HW_UI_FINDING_OK)
            continue;
          r = tally_get (rules, rule_id ? rule_id : title, title);
          if (b->state == HW_UI_FINDING_OVERDUE)
            r->n_overdue++;
          else
            r->n_due_soon++;
        }
    }
  add_tally_rows (self, self->people_group, people, TRUE);
  if (hw_findings_available ())
    add_tally_rows (self, self->rules_group, rules, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_group), hw_findings_available ());

  /* The longest waiting first, and only so many rows: a whole country's list would be
   * thousands of widgets (and hundreds of megabytes). */
  pending = hw_caseload_get_pending_agreements (self->caseload);
  waiting = g_ptr_array_new ();
  for (guint i = 0; pending && i < pending->len; i++)
    {
      const HwSamvaerAgreement *a = pending->pdata[i];
      HwCaseItem *item = hw_caseload_find (self->caseload, a->case_id);

      if (item && in_team (self, item))
        g_ptr_array_add (waiting, (gpointer) a);
    }
  g_ptr_array_sort (waiting, compare_valid_from);
  for (guint i = 0; i < MIN (waiting->len, MAX_APPROVAL_ROWS); i++)
    {
      const HwSamvaerAgreement *a = waiting->pdata[i];
      HwCaseItem *item = hw_caseload_find (self->caseload, a->case_id);
      GtkWidget *row, *button;
      g_autofree char *from = NULL;
      g_autofree char *sub = NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hw_case_item_get_child_name (item));
      from = hw_date_dup_display (a->valid_from);
      /* Translators: "valid from 01.02.2026 · supervised" */
      sub = g_strdup_printf (_("valid from %s%s"), from,
                             a->supervised ? _(" · supervised") : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      button = gtk_button_new_with_mnemonic (_("_Approve"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "agreement-id", g_strdup (a->rec.id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_approve_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_summary_row (self, self->approval_group, row);
      n_pending++;
    }
  if (n_pending == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None waiting"));
      add_summary_row (self, self->approval_group, row);
    }
  else if (waiting->len > n_pending)
    {
      GtkWidget *row = adw_action_row_new ();
      guint more = waiting->len - n_pending;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more waiting", "%u more waiting",
                                                         more), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Approve these first, or choose a team"));
      add_summary_row (self, self->approval_group, row);
    }
}

static void
update_count (HwTeamPage *self)
{
  guint n = self->sort_model ? g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u case", "%u cases", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n ? "list" : "empty");
}

static void
hw_team_page_drill (HwTeamPage *self, const char *worker_id, const char *rule_id, int state,
                    const char *title)
{
  g_return_if_fail (HW_IS_TEAM_PAGE (self));
  g_clear_pointer (&self->drill_worker, g_free);
  g_clear_pointer (&self->drill_rule, g_free);
  g_clear_pointer (&self->drill_title, g_free);
  self->drill_worker = g_strdup (worker_id);
  self->drill_rule = g_strdup (rule_id);
  self->drill_state = state;
  self->drill_title = g_strdup (title);
  gtk_label_set_label (self->drill_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->drill_bar), title != NULL);
  if (self->selection)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (self->caseload)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_count (self);
    }
}

static void
clear_drill_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  hw_team_page_drill (HW_TEAM_PAGE (widget), NULL, NULL, -1, NULL);
}

void
hw_team_page_refresh (HwTeamPage *self)
{
  g_return_if_fail (HW_IS_TEAM_PAGE (self));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  build_summaries (self);
  update_count (self);
}

static void build_reassign_menu (HwTeamPage *self);

static void
on_team_changed_cb (HwTeamPage *self)
{
  /* The counts opened were the other team's. */
  if (self->drill_title)
    hw_team_page_drill (self, NULL, NULL, -1, NULL);
  if (self->caseload)
    {
      build_reassign_menu (self);
      hw_team_page_refresh (self);
    }
}

static void
on_only_due_toggled_cb (HwTeamPage *self)
{
  self->only_due = gtk_toggle_button_get_active (self->only_due_button);
  if (self->caseload)
    hw_team_page_refresh (self);
}

static void
on_activate_cb (HwTeamPage *self, guint position)
{
  g_autoptr(HwCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s",
                                hw_case_item_get_case_id (item));
}

static void
load_teams (HwTeamPage *self)
{
  g_autoptr(GPtrArray) teams = hw_store_list (hw_caseload_get_store (self->caseload),
                                              HW_ENTITY_TEAM, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HwWindow *window = get_window (self);
  g_autofree char *mine = window ? hw_window_dup_user_team_id (window) : NULL;
  guint selected = 0;

  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("All Teams"));
  g_ptr_array_add (self->team_ids, NULL);
  for (guint i = 0; teams && i < teams->len; i++)
    {
      const HwTeam *t = teams->pdata[i];
      g_autofree char *name = hw_labels_dup_truncated (t->name, HW_LABELS_NAME_CHARS);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->team_ids, g_strdup (t->rec.id));
      if (g_strcmp0 (t->rec.id, mine) == 0)
        selected = self->team_ids->len - 1;
    }
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown, selected);
}

/* ---- reassigning ---- */

static void
on_reassign_response_cb (AdwMessageDialog *dialog, const char *response, HwTeamPage *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "staff-dropdown");
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "staff-ids");
  g_autoptr(GError) error = NULL;
  HwWindow *window = get_window (self);
  guint sel, n;
  g_autofree char *msg = NULL;

  if (g_strcmp0 (response, "reassign") != 0)
    return;
  sel = gtk_drop_down_get_selected (dropdown);
  if (sel >= ids->len)
    return;
  n = hw_team_page_reassign_selected (self, ids->pdata[sel], &error);
  if (error)
    {
      if (window)
        hw_window_toast_error (window, error);
      return;
    }
  /* Translators: the number of cases given another kontaktperson, and to whom */
  msg = g_strdup_printf (ngettext ("%u case reassigned to %s", "%u cases reassigned to %s", n),
                         n, gtk_string_object_get_string (
                           gtk_drop_down_get_selected_item (dropdown)));
  if (window)
    hw_window_add_toast (window, hw_toast_new (msg));
}

static void
reassign_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwTeamPage *self = HW_TEAM_PAGE (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  GtkStringList *names;
  GPtrArray *ids;
  GtkWidget *dialog, *dropdown;
  HwWindow *window = get_window (self);
  guint n;

  if (self->selection == NULL)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = gtk_bitset_get_size (selected);
  if (n == 0)
    {
      if (window)
        hw_window_add_toast (window, hw_toast_new (_("Select the cases to reassign first")));
      return;
    }
  staff = hw_store_list (hw_caseload_get_store (self->caseload), HW_ENTITY_STAFF, NULL);
  names = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; staff && i < staff->len; i++)
    {
      const HwStaff *s = staff->pdata[i];
      g_autofree char *name = hw_labels_dup_truncated (s->name, HW_LABELS_NAME_CHARS);

      gtk_string_list_append (names, name);
      g_ptr_array_add (ids, g_strdup (s->rec.id));
    }

  dialog = adw_message_dialog_new (window ? GTK_WINDOW (window) : NULL,
                                   ngettext ("Reassign the Selected Case", "Reassign the "
                                             "Selected Cases", n), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("Choose the new kontaktperson for %u case.",
                                            "Choose the new kontaktperson for %u cases.", n), n);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New kontaktperson"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reassign", _("_Reassign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reassign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reassign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "staff-dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "staff-ids", ids,
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reassign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One click from the selection to the new kontaktperson: the team's staff in the Reassign
 * menu (the dialog, for anyone else, stays one item away). */
static void
reassign_to_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwTeamPage *self = HW_TEAM_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *staff_id = g_variant_get_string (param, NULL);
  HwWindow *window = get_window (self);
  HwStaff *staff;
  guint n;
  g_autofree char *msg = NULL;

  n = hw_team_page_reassign_selected (self, staff_id, &error);
  if (error)
    {
      if (window)
        hw_window_toast_error (window, error);
      return;
    }
  if (n == 0 || (staff = hw_store_load (hw_caseload_get_store (self->caseload),
                                        HW_ENTITY_STAFF, staff_id, NULL)) == NULL)
    return;
  msg = g_strdup_printf (ngettext ("%u case reassigned to %s", "%u cases reassigned to %s", n),
                         n, staff->name);
  hw_record_free (staff);
  if (window)
    hw_window_add_toast (window, hw_toast_new (msg));
}

static void
build_reassign_menu (HwTeamPage *self)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GMenu) people = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  const char *team = selected_team (self);
  guint n = 0;

  g_menu_remove_all (self->reassign_menu);
  if (self->caseload)
    staff = hw_store_list (hw_caseload_get_store (self->caseload), HW_ENTITY_STAFF, NULL);
  for (guint i = 0; staff && i < staff->len && n < 30; i++)
    {
      const HwStaff *s = staff->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *action = NULL;

      if (team && g_strcmp0 (s->team_id, team) != 0)
        continue;
      name = hw_labels_dup_truncated (s->name, HW_LABELS_NAME_CHARS);
      action = g_action_print_detailed_name ("team.reassign-to", g_variant_new_string (s->rec.id));
      g_menu_append (people, name, action);
      n++;
    }
  g_menu_append_section (self->reassign_menu, NULL, G_MENU_MODEL (people));
  g_menu_append (other, _("Someone Else…"), "team.reassign");
  g_menu_append_section (self->reassign_menu, NULL, G_MENU_MODEL (other));
}

GtkWidget *
hw_team_page_get_count (HwTeamPage *self, const char *what)
{
  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), NULL);
  return g_hash_table_lookup (self->counts, what);
}

GMenuModel *
hw_team_page_get_reassign_menu (HwTeamPage *self)
{
  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), NULL);
  return G_MENU_MODEL (self->reassign_menu);
}

static guint
hw_team_page_reassign_selected (HwTeamPage *self, const char *staff_id, GError **error)
{
  HwStore *store;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (hw_record_free);
  HwStaff *staff;
  GtkBitsetIter iter;
  guint pos;
  gboolean ok;

  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), 0);
  store = hw_caseload_get_store (self->caseload);
  staff = hw_store_load (store, HW_ENTITY_STAFF, staff_id, error);
  if (staff == NULL)
    return 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &pos); more;
       more = gtk_bitset_iter_next (&iter, &pos))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->sort_model), pos));

  /* Every case or none: one store operation. */
  for (guint i = 0; i < items->len; i++)
    {
      HwCase *c = hw_store_load (store, HW_ENTITY_CASE,
                                 hw_case_item_get_case_id (items->pdata[i]), error);

      if (c == NULL)
        break;
      g_free (c->caseworker_id);
      c->caseworker_id = g_strdup (staff->rec.id);
      if (staff->team_id)
        {
          g_free (c->team_id);
          c->team_id = g_strdup (staff->team_id);
        }
      g_ptr_array_add (cases, c);
    }
  ok = cases->len == items->len && hw_store_save_all (store, cases, error);
  if (!ok)
    {
      hw_record_free (staff);
      return 0;
    }

  for (guint i = 0; i < items->len; i++)
    {
      HwCaseItem *item = items->pdata[i];

      hw_case_item_set_caseworker (item, staff->rec.id, staff->name,
                                   staff->team_id ? staff->team_id
                                                  : hw_case_item_get_row (item)->team_id);
    }
  hw_record_free (staff);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  hw_team_page_refresh (self);
  return items->len;
}

gboolean
hw_team_page_approve_agreement (HwTeamPage *self, const char *agreement_id, GError **error)
{
  HwStore *store = hw_caseload_get_store (self->caseload);
  HwWindow *window = get_window (self);
  g_autofree char *me = window ? hw_window_dup_user_staff_id (window) : NULL;
  HwSamvaerAgreement *a;
  g_autoptr(HwDossier) dossier = NULL;
  gboolean ok;

  if (me == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED,
                   _("Choose who you are in Preferences before you approve a plan"));
      return FALSE;
    }
  a = hw_store_load (store, HW_ENTITY_SAMVAER_AGREEMENT, agreement_id, error);
  if (a == NULL)
    return FALSE;
  g_free (a->approved_by);
  a->approved_by = g_strdup (me);
  a->approved_date = hw_caseload_get_today (self->caseload);
  ok = hw_store_save (store, a, error);
  if (ok && (dossier = hw_store_load_case (store, a->case_id, NULL)) && window)
    hw_window_case_changed (window, dossier);
  hw_record_free (a);
  if (ok)
    build_summaries (self);
  return ok;
}

/* ---- life cycle ---- */

static void
on_selection_changed_cb (HwTeamPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.reassign",
                                 !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.reassign-to",
                                 !gtk_bitset_is_empty (selected));
}

static void
on_findings_changed_cb (HwTeamPage *self)
{
  hw_team_page_refresh (self);
}

/* GTK 4.8's column view keeps up to 200 rows of widgets for any long model, shown or not: the
 * list gets its model only while the page is on screen (at 50,000 children, about 10 MB). */
static void
hw_team_page_map (GtkWidget *widget)
{
  HwTeamPage *self = HW_TEAM_PAGE (widget);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  GTK_WIDGET_CLASS (hw_team_page_parent_class)->map (widget);
}

static void
hw_team_page_unmap (GtkWidget *widget)
{
  HwTeamPage *self = HW_TEAM_PAGE (widget);

  GTK_WIDGET_CLASS (hw_team_page_parent_class)->unmap (widget);
  gtk_column_view_set_model (self->column_view, NULL);
}

static void
hw_team_page_dispose (GObject *object)
{
  HwTeamPage *self = HW_TEAM_PAGE (object);
  GtkWidget *child;

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  /* A bin-layout widget must unparent its template children itself. GTK 4.8's
   * gtk_widget_dispose_template() unparents only the children bound to a field. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_TEAM_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->caseload);
  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->drill_worker, g_free);
  g_clear_pointer (&self->drill_rule, g_free);
  g_clear_pointer (&self->drill_title, g_free);
  g_clear_object (&self->reassign_menu);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  G_OBJECT_CLASS (hw_team_page_parent_class)->dispose (object);
}

static void
hw_team_page_class_init (HwTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_team_page_dispose;
  widget_class->map = hw_team_page_map;
  widget_class->unmap = hw_team_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, only_due_button);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, drill_bar);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, drill_label);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, reassign_button);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, people_group);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, HwTeamPage, approval_group);
  gtk_widget_class_bind_template_callback (widget_class, on_team_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_only_due_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);

  gtk_widget_class_install_action (widget_class, "team.reassign", NULL, reassign_action);
  gtk_widget_class_install_action (widget_class, "team.reassign-to", "s", reassign_to_action);
  gtk_widget_class_install_action (widget_class, "team.clear-drill", NULL, clear_drill_action);
}

static void
hw_team_page_init (HwTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->summary_rows = g_ptr_array_new ();
  self->only_due = TRUE;
  self->drill_state = -1;
  self->reassign_menu = g_menu_new ();
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_menu_button_set_menu_model (self->reassign_button, G_MENU_MODEL (self->reassign_menu));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);

  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_NAME, _("Child"), TRUE, -1);
  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_JOURNAL, _("Journal No."), FALSE, 120);
  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_CASEWORKER, _("Kontaktperson"), TRUE,
                       -1);
  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_OVERDUE, _("Overdue"), FALSE, 90);
  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_DUE_SOON, _("Due Soon"), FALSE, 90);
  hw_case_columns_add (self->column_view, HW_CASE_COLUMN_NEXT, _("Most Urgent"), TRUE, -1);
}

void
hw_team_page_bind (HwTeamPage *self, HwCaseload *caseload)
{
  GtkFilterListModel *filtered;
  GtkSorter *column_sorter;
  GtkMultiSorter *sorter;

  g_return_if_fail (HW_IS_TEAM_PAGE (self));
  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_set_object (&self->caseload, caseload);
  load_teams (self);
  build_reassign_menu (self);

  filtered = gtk_filter_list_model_new (g_object_ref (hw_caseload_get_model (caseload)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  /* The priority order, unless the user sorts by a column. */
  column_sorter = gtk_column_view_get_sorter (self->column_view);
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (column_sorter));
  gtk_multi_sorter_append (sorter, g_object_ref (GTK_SORTER (self->sorter)));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (sorter));
  g_clear_object (&self->selection);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  on_selection_changed_cb (self);

  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (caseload, "findings-changed", G_CALLBACK (on_findings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (caseload, "rows-loaded", G_CALLBACK (on_findings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  hw_team_page_refresh (self);
}

GListModel *
hw_team_page_get_model (HwTeamPage *self)
{
  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

GtkSelectionModel *
hw_team_page_get_selection (HwTeamPage *self)
{
  g_return_val_if_fail (HW_IS_TEAM_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

void
hw_team_page_set_only_due (HwTeamPage *self, gboolean only_due)
{
  g_return_if_fail (HW_IS_TEAM_PAGE (self));
  gtk_toggle_button_set_active (self->only_due_button, only_due);
}
