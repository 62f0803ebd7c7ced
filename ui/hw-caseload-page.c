/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-caseload-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-caseload-page.h"
#include "hw-caseload-page-private.h"
#include "hw-case-columns.h"
#include "hw-labels.h"
#include "hw-setup-dialog.h"
#include "hw-window.h"

struct _HwCaseloadPage
{
  GtkWidget           parent_instance;

  HwCaseload         *caseload;
  GSettings          *settings;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkColumnViewColumn *due_column;

  char               *needle;
  HwScope             scope;
  gboolean            overdue_only;
  gboolean            sorted_once;
  char               *user_staff_id;
  char               *user_team_id;

  GtkSearchEntry     *search_entry;
  GtkToggleButton    *mine_button;
  GtkToggleButton    *team_button;
  GtkToggleButton    *all_button;
  GtkToggleButton    *overdue_button;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (HwCaseloadPage, hw_caseload_page, GTK_TYPE_WIDGET)

static void
add_column (HwCaseloadPage *self, HwCaseColumn kind, const char *title, gboolean expand,
            int fixed_width)
{
  GtkColumnViewColumn *column = hw_case_columns_add (self->column_view, kind, title, expand,
                                                     fixed_width);

  if (kind == HW_CASE_COLUMN_NEXT)
    self->due_column = column;
}

/* ---- filtering ---- */

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  HwCaseloadPage *self = user_data;
  HwCaseItem *item = object;
  const HwCaseRow *row = hw_case_item_get_row (item);

  if (self->overdue_only && hw_case_item_get_n_overdue (item) == 0)
    return FALSE;
  if (self->scope == HW_SCOPE_MINE &&
      (self->user_staff_id == NULL || g_strcmp0 (row->caseworker_id, self->user_staff_id) != 0))
    return FALSE;
  if (self->scope == HW_SCOPE_TEAM &&
      (self->user_team_id == NULL || g_strcmp0 (row->team_id, self->user_team_id) != 0))
    return FALSE;
  return hw_case_row_matches (row, self->needle);
}

static void
update_state (HwCaseloadPage *self)
{
  guint n_all = self->caseload ? g_list_model_get_n_items (hw_caseload_get_model (self->caseload))
                               : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *status = NULL;
  const char *state;

  if (n_all == 0)
    state = "empty";
  else if (n_shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    state = "no-match";
  else
    state = "list";
  gtk_stack_set_visible_child_name (self->content_stack, state);

  if (n_shown == n_all)
    /* Translators: the number of cases in the caseload */
    status = g_strdup_printf (ngettext ("%u case", "%u cases", n_all), n_all);
  else
    /* Translators: "12 of 300 cases" */
    status = g_strdup_printf (ngettext ("%u of %u case", "%u of %u cases", n_all), n_shown,
                              n_all);
  if (self->caseload && !hw_caseload_get_findings_loaded (self->caseload))
    {
      g_autofree char *tmp = g_steal_pointer (&status);
      /* Translators: shown after the number of cases while duties are computed */
      status = g_strdup_printf ("%s · %s", tmp, _("working out duties…"));
    }
  gtk_label_set_label (self->status_label, status);
}

static void
on_items_changed_cb (HwCaseloadPage *self)
{
  update_state (self);
}

void
hw_caseload_page_refilter (HwCaseloadPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (HW_IS_CASELOAD_PAGE (self));
  g_clear_pointer (&self->user_staff_id, g_free);
  g_clear_pointer (&self->user_team_id, g_free);
  if (HW_IS_WINDOW (root))
    {
      self->user_staff_id = hw_window_dup_user_staff_id (HW_WINDOW (root));
      self->user_team_id = hw_window_dup_user_team_id (HW_WINDOW (root));
    }
  else if (self->settings)
    {
      self->user_staff_id = g_settings_get_string (self->settings, "user-staff-id");
      self->user_team_id = g_settings_get_string (self->settings, "user-team-id");
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_findings_changed_cb (HwCaseloadPage *self)
{
  /* After a whole pass every row may move. Re-sorted under the live view, the list's rows are
   * all rebuilt in place, and the window kept about 25 MB more for good (measured at 50,000
   * children, GL renderer); without its model for that moment, the view only builds the rows
   * it shows. The order changes throughout anyway, so the view starts again at the top. */
  gboolean detach = self->caseload && self->selection &&
                    hw_caseload_get_all_changed (self->caseload);

  if (detach)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->due_column)
    gtk_sorter_changed (gtk_column_view_column_get_sorter (self->due_column),
                        GTK_SORTER_CHANGE_DIFFERENT);
  if (detach)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  if (self->overdue_only)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* ---- signals ---- */

/* What the filter compares for the entry's text now: NULL for none. */
static char *
dup_needle (HwCaseloadPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped ? g_utf8_casefold (stripped, -1) : NULL;
}

static void
on_search_changed_cb (HwCaseloadPage *self)
{
  char *needle = dup_needle (self);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (self->needle && needle && strstr (needle, self->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle && (needle == NULL || strstr (self->needle, needle)))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = needle;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
on_stop_search_cb (HwCaseloadPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
activate_position (HwCaseloadPage *self, guint position)
{
  g_autoptr(HwCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (item)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s",
                                hw_case_item_get_case_id (item));
}

/* The item the list will show first once its filter is done: the filter works through a long
 * list in batches from idle, and Enter must not wait for it nor act on a half-filtered list.
 * Ties keep the caseload's order, as the sorted list does. */
static HwCaseItem *
dup_first_match (HwCaseloadPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sort_model);
  HwCaseItem *best = NULL;
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (all, i);

      if (!filter_func (item, self))
        continue;
      if (best == NULL ||
          (sorter && gtk_sorter_compare (sorter, best, item) == GTK_ORDERING_LARGER))
        g_set_object (&best, item);
    }
  return best;
}

static void
on_search_activate_cb (HwCaseloadPage *self)
{
  g_autofree char *needle = NULL;
  g_autoptr(HwCaseItem) item = NULL;

  if (self->filter_model == NULL)
    return;
  /* The entry reports a change only after its search delay: typed quickly, Enter comes
   * first. The filter must hold exactly what was typed. */
  needle = dup_needle (self);
  if (g_strcmp0 (needle, self->needle) != 0)
    on_search_changed_cb (self);
  /* Enter opens the only, or the first, match; nothing when nothing matches. */
  if (gtk_filter_list_model_get_pending (self->filter_model) > 0)
    item = dup_first_match (self);
  else
    item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), 0);
  if (item)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s",
                                hw_case_item_get_case_id (item));
}

static void
on_column_view_activate_cb (HwCaseloadPage *self, guint position)
{
  activate_position (self, position);
}

static void
on_scope_toggled_cb (HwCaseloadPage *self, GtkToggleButton *button)
{
  HwScope scope;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->mine_button)
    scope = HW_SCOPE_MINE;
  else if (button == self->team_button)
    scope = HW_SCOPE_TEAM;
  else
    scope = HW_SCOPE_ALL;
  if (scope == self->scope)
    return;
  self->scope = scope;
  if (self->settings)
    g_settings_set_enum (self->settings, "caseload-scope", scope);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
on_overdue_toggled_cb (HwCaseloadPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->overdue_button);

  if (active == self->overdue_only)
    return;
  self->overdue_only = active;
  if (self->settings)
    g_settings_set_boolean (self->settings, "overdue-only", active);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      active ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_state (self);
}

/* ---- life cycle ---- */

static void
hw_caseload_page_dispose (GObject *object)
{
  HwCaseloadPage *self = HW_CASELOAD_PAGE (object);
  GtkWidget *child;

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  /* The models outlive their widgets for a moment; their last signals must not reach us. */
  if (self->sort_model)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->filter_model)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  /* A bin-layout widget must unparent its template children itself. GTK 4.8's
   * gtk_widget_dispose_template() unparents only the children bound to a field. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_CASELOAD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->caseload);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hw_caseload_page_parent_class)->dispose (object);
}

static void
hw_caseload_page_finalize (GObject *object)
{
  HwCaseloadPage *self = HW_CASELOAD_PAGE (object);

  g_free (self->needle);
  g_free (self->user_staff_id);
  g_free (self->user_team_id);
  G_OBJECT_CLASS (hw_caseload_page_parent_class)->finalize (object);
}

/* The empty state's first step (issue 17): the municipality, its teams and staff. */
static void
setup_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  HwCaseloadPage *self = HW_CASELOAD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->caseload == NULL)
    return;
  gtk_window_present (GTK_WINDOW (hw_setup_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                              : NULL,
                                                       hw_caseload_get_store (self->caseload))));
}

static void
hw_caseload_page_class_init (HwCaseloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_caseload_page_dispose;
  object_class->finalize = hw_caseload_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "caseload.setup", NULL, setup_action);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, team_button);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HwCaseloadPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_toggled_cb);
}

static void
hw_caseload_page_init (HwCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scope = HW_SCOPE_ALL;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  add_column (self, HW_CASE_COLUMN_NAME, _("Child"), TRUE, -1);
  add_column (self, HW_CASE_COLUMN_AGE, _("Age"), FALSE, 60);
  add_column (self, HW_CASE_COLUMN_JOURNAL, _("Journal No."), FALSE, 120);
  add_column (self, HW_CASE_COLUMN_PLACEMENT, _("Placement"), TRUE, -1);
  add_column (self, HW_CASE_COLUMN_SINCE, _("Since"), FALSE, 110);
  add_column (self, HW_CASE_COLUMN_CASEWORKER, _("Kontaktperson"), TRUE, -1);
  add_column (self, HW_CASE_COLUMN_NEXT, _("Next Due"), TRUE, -1);
  add_column (self, HW_CASE_COLUMN_OVERDUE, _("Overdue"), FALSE, 90);
}

void
hw_caseload_page_bind (HwCaseloadPage *self, HwCaseload *caseload, GSettings *settings)
{
  g_return_if_fail (HW_IS_CASELOAD_PAGE (self));

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_set_object (&self->caseload, caseload);
  g_set_object (&self->settings, settings);

  if (settings)
    {
      self->scope = g_settings_get_enum (settings, "caseload-scope");
      self->overdue_only = g_settings_get_boolean (settings, "overdue-only");
      gtk_toggle_button_set_active (self->scope == HW_SCOPE_MINE ? self->mine_button :
                                    self->scope == HW_SCOPE_TEAM ? self->team_button :
                                    self->all_button, TRUE);
      gtk_toggle_button_set_active (self->overdue_button, self->overdue_only);
    }

  self->filter_model = gtk_filter_list_model_new (
    g_object_ref (hw_caseload_get_model (caseload)), g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->sort_model = gtk_sort_list_model_new (
    G_LIST_MODEL (self->filter_model),
    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  if (!self->sorted_once)
    {
      /* The caseworker's question first: what is due soonest. */
      gtk_column_view_sort_by_column (self->column_view, self->due_column, GTK_SORT_ASCENDING);
      self->sorted_once = TRUE;
    }

  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (caseload, "findings-changed", G_CALLBACK (on_findings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (caseload, "rows-loaded", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hw_caseload_page_refilter (self);
}

void
hw_caseload_page_focus_search (HwCaseloadPage *self)
{
  g_return_if_fail (HW_IS_CASELOAD_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
hw_caseload_page_set_search_text (HwCaseloadPage *self, const char *text)
{
  g_return_if_fail (HW_IS_CASELOAD_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* The entry waits a moment before it says the text changed; a caller that sets the text
   * wants the list to follow now. */
  on_search_changed_cb (self);
}

void
hw_caseload_page_set_scope (HwCaseloadPage *self, HwScope scope)
{
  g_return_if_fail (HW_IS_CASELOAD_PAGE (self));
  gtk_toggle_button_set_active (scope == HW_SCOPE_MINE ? self->mine_button :
                                scope == HW_SCOPE_TEAM ? self->team_button :
                                self->all_button, TRUE);
}

GListModel *
hw_caseload_page_get_visible_model (HwCaseloadPage *self)
{
  g_return_val_if_fail (HW_IS_CASELOAD_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

char *
hw_caseload_page_dup_selected_case_id (HwCaseloadPage *self)
{
  HwCaseItem *item;

  g_return_val_if_fail (HW_IS_CASELOAD_PAGE (self), NULL);
  if (self->selection == NULL)
    return NULL;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item ? g_strdup (hw_case_item_get_case_id (item)) : NULL;
}

const char *
hw_caseload_page_get_state (HwCaseloadPage *self)
{
  g_return_val_if_fail (HW_IS_CASELOAD_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}
