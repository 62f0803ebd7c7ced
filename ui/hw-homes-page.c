/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-homes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-error.h"
#include "hw-home-item.h"
#include "hw-homes-page.h"
#include "hw-homes-page-private.h"
#include "hw-labels.h"
#include "hw-record-editor.h"
#include "hw-window.h"

static void hw_homes_page_reload (HwHomesPage *self);

struct _HwHomesPage
{
  GtkWidget           parent_instance;

  HwCaseload         *caseload;
  GListStore         *homes;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *needle;

  gboolean            loaded;     /* the homes were read since the last bind */

  GtkSearchEntry     *search_entry;
  GtkToggleButton    *missing_button;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (HwHomesPage, hw_homes_page, GTK_TYPE_WIDGET)

#define COLUMN_NAME     -1
#define COLUMN_KIND     -2
#define COLUMN_CHILDREN -3

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_NAME)
    gtk_widget_add_css_class (label, "heading");
  if (column == COLUMN_CHILDREN)
    {
      GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
      GtkExpression *children = gtk_property_expression_new (HW_TYPE_HOME_ITEM, item,
                                                              "children");
      gtk_expression_bind (children, label, "label", list_item);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  int column = GPOINTER_TO_INT (data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  HwHomeItem *item = gtk_list_item_get_item (list_item);

  if (column >= 0)
    {
      const char *state = hw_home_item_get_doc_ok (item, column) ? "doc-ok"
                          : hw_home_item_get_doc_partial (item, column) ? "doc-partial"
                          : "doc-missing";

      gtk_label_set_label (label, hw_home_item_get_doc_text (item, column));
      gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { state, NULL });
    }
  else if (column == COLUMN_NAME)
    {
      /* A name from an import may be any length; a label overflows on a few hundred
       * thousand characters, and the column would push the others out of the window. */
      g_autofree char *name = hw_labels_dup_truncated (hw_home_item_get_name (item),
                                                       HW_LABELS_NAME_CHARS);

      gtk_label_set_label (label, name);
    }
  else if (column == COLUMN_KIND)
    {
      g_autofree char *kind = NULL;

      g_object_get (item, "kind", &kind, NULL);
      gtk_label_set_label (label, kind);
    }
}

static void
add_column (HwHomesPage *self, int column, const char *title, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (column == COLUMN_NAME)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (HW_TYPE_HOME_ITEM, NULL, "name")));
      gtk_column_view_column_set_sorter (col, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, col);
}

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  HwHomesPage *self = user_data;
  HwHomeItem *item = object;

  if (gtk_toggle_button_get_active (self->missing_button))
    {
      gboolean missing = FALSE;

      for (guint i = 0; i < HW_HOME_N_DOCS; i++)
        missing |= !hw_home_item_get_doc_ok (item, i);
      if (!missing)
        return FALSE;
    }
  if (self->needle)
    {
      g_autofree char *name = g_utf8_casefold (hw_home_item_get_name (item), -1);
      return strstr (name, self->needle) != NULL;
    }
  return TRUE;
}

static void
update_state (HwHomesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->homes));
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->content_stack, all ? "list" : "empty");
  text = g_strdup_printf (ngettext ("%u of %u foster home", "%u of %u foster homes", all), n,
                          all);
  gtk_label_set_label (self->status_label, text);
}

static void
on_search_changed_cb (HwHomesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->needle);
  self->needle = *text ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
set_children (HwHomesPage *self)
{
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->homes)); i < n; i++)
    {
      g_autoptr(HwHomeItem) item = g_list_model_get_item (G_LIST_MODEL (self->homes), i);
      GPtrArray *cases = hw_caseload_get_home_cases (self->caseload, hw_home_item_get_id (item));
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; cases && k < cases->len; k++)
        {
          HwCaseItem *c = hw_caseload_find (self->caseload, cases->pdata[k]);

          if (c)
            g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                                    hw_case_item_get_child_name (c));
        }
      hw_home_item_set_children (item, names->str);
    }
}

static void
on_activate_cb (HwHomesPage *self, guint position)
{
  g_autoptr(HwHomeItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  GPtrArray *cases = item ? hw_caseload_get_home_cases (self->caseload,
                                                        hw_home_item_get_id (item)) : NULL;

  /* The home's members and documents are edited from a child's placement page. */
  if (cases && cases->len)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s",
                                (const char *) cases->pdata[0]);
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (HW_IS_WINDOW (root))
        hw_window_add_toast (HW_WINDOW (root),
                             hw_toast_new (_("No child lives in this foster home now")));
    }
}

/* ---- the home's own record: new, edit, delete, undo ---- */

static HwStore *
get_store (HwHomesPage *self)
{
  return self->caseload ? hw_caseload_get_store (self->caseload) : NULL;
}


static HwHomeItem *
get_selected (HwHomesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (HwHomesPage *self)
{
  gboolean selected = get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "homes.new", self->caseload != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "homes.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "homes.delete", selected);
}

static gboolean
contains_home (GListModel *model, const char *id, guint *position)
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(HwHomeItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hw_home_item_get_id (item), id) == 0)
        {
          if (position)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Selects the home @id; a search or filter that hides it is cleared, so that what was just
 * saved or restored is in sight. */
static void
select_home (HwHomesPage *self, const char *id)
{
  guint position;

  if (!contains_home (G_LIST_MODEL (self->sort_model), id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->missing_button, FALSE);
      on_search_changed_cb (self);
      if (!contains_home (G_LIST_MODEL (self->sort_model), id, &position))
        return;
    }
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_editor_saved_cb (HwRecordEditor *editor, gconstpointer record, HwHomesPage *self)
{
  g_autofree char *id = g_strdup (((const HwRecord *) record)->id);
  gboolean is_new = !contains_home (G_LIST_MODEL (self->homes), id, NULL);
  g_autofree char *msg = NULL;

  hw_homes_page_reload (self);
  select_home (self, id);
  /* The rules read the kind of home of every child placed there. */
  if (!is_new && self->caseload)
    hw_caseload_refresh_findings (self->caseload);
  /* Translators: %s is a kind of record, like "Visit" */
  msg = g_strdup_printf (_("%s saved"), _(hw_entity_info (HW_ENTITY_FOSTER_HOME)->label));
  hw_window_toast_from (GTK_WIDGET (self), msg);
}

static void
open_editor (HwHomesPage *self, gconstpointer record, gboolean is_new)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HwRecordEditor *editor;

  editor = hw_record_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 get_store (self), record, is_new, NULL, NULL, NULL);
  hw_record_editor_set_heading (editor, is_new ? _("New Foster Home") : _("Edit Foster Home"));
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 440);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwHomesPage *self = HW_HOMES_PAGE (widget);
  hw_autorecord gpointer record = NULL;

  if (get_store (self) == NULL)
    return;
  record = hw_record_new (HW_ENTITY_FOSTER_HOME);
  open_editor (self, record, TRUE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwHomesPage *self = HW_HOMES_PAGE (widget);
  HwHomeItem *item = get_selected (self);

  hw_autorecord gpointer home = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL || get_store (self) == NULL)
    return;
  /* The list holds the homes without their free text: edit the stored record in full. */
  home = hw_store_load (get_store (self), HW_ENTITY_FOSTER_HOME, hw_home_item_get_id (item),
                        &error);
  if (home == NULL)
    hw_window_toast_error_from (GTK_WIDGET (self), error);
  else
    open_editor (self, home, FALSE);
}

/* The undo put the home back (hw-undo.c): show it, selected. */
static void
on_home_restored (GtkWidget *page, const HwRemoval *removal)
{
  HwHomesPage *self = HW_HOMES_PAGE (page);

  hw_homes_page_reload (self);
  select_home (self, removal->id);
  update_actions (self);
  hw_window_toast_from (page, _("Restored"));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwHomesPage *self = HW_HOMES_PAGE (widget);
  HwHomeItem *item = get_selected (self);
  HwStore *store = get_store (self);
  g_autofree char *msg = NULL;

  if (item == NULL || store == NULL)
    return;
  /* Translators: %s is the name of a foster home */
  msg = g_strdup_printf (_("“%s” deleted"), hw_home_item_get_name (item));
  /* Everything the home owns goes with it; the store refuses a home where children have been
   * placed, and says so. */
  if (!hw_undo_delete (GTK_WIDGET (self), store, HW_ENTITY_FOSTER_HOME, NULL,
                       hw_home_item_get_id (item), msg, on_home_restored))
    return;
  /* Nothing is selected afterwards: a second Delete does not take the next home too. */
  hw_homes_page_reload (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

static void
on_selection_changed_cb (HwHomesPage *self)
{
  update_actions (self);
}

static void
hw_homes_page_reload (HwHomesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) homes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected = NULL;
  GHashTableIter iter;
  gpointer value;
  guint position;

  g_return_if_fail (HW_IS_HOMES_PAGE (self));
  g_return_if_fail (self->caseload != NULL);
  self->loaded = TRUE;
  /* What the matrix shows needs no free text: the facts, packed (41,000 homes nationally). */
  homes = hw_store_load_home_facts (hw_caseload_get_store (self->caseload), NULL, NULL, &error);
  if (homes == NULL)
    {
      g_warning ("Cannot load the foster homes: %s", error->message);
      return;
    }
  g_hash_table_iter_init (&iter, homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (items, hw_home_item_new (value, hw_caseload_get_today (self->caseload)));
    }
  if (get_selected (self))
    selected = g_strdup (hw_home_item_get_id (get_selected (self)));
  g_list_store_splice (self->homes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->homes)),
                       items->pdata, items->len);
  set_children (self);
  update_state (self);
  /* The same home stays selected across a reload. */
  if (selected && contains_home (G_LIST_MODEL (self->sort_model), selected, &position))
    gtk_single_selection_set_selected (self->selection, position);
  update_actions (self);
}

static void
on_findings_changed_cb (HwHomesPage *self)
{
  set_children (self);
}

static void hw_homes_page_map (GtkWidget *widget);

static void
hw_homes_page_dispose (GObject *object)
{
  HwHomesPage *self = HW_HOMES_PAGE (object);
  GtkWidget *child;

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  /* A bin-layout widget must unparent its template children itself. GTK 4.8's
   * gtk_widget_dispose_template() unparents only the children bound to a field. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_HOMES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->caseload);
  g_clear_object (&self->homes);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (hw_homes_page_parent_class)->dispose (object);
}

static void
hw_homes_page_class_init (HwHomesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_homes_page_dispose;
  widget_class->map = hw_homes_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-homes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwHomesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HwHomesPage, missing_button);
  gtk_widget_class_bind_template_child (widget_class, HwHomesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HwHomesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HwHomesPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);

  gtk_widget_class_install_action (widget_class, "homes.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "homes.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "homes.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "homes.new",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "homes.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "homes.edit",
                                       NULL);
  /* Delete is bound in the list only (hw-homes-page.ui): elsewhere it edits text. */
}

static void
hw_homes_page_init (HwHomesPage *self)
{
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->homes = g_list_store_new (HW_TYPE_HOME_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->homes)),
                                        g_object_ref (GTK_FILTER (self->filter)));

  add_column (self, COLUMN_NAME, _("Foster Home"), TRUE);
  add_column (self, COLUMN_KIND, _("Kind"), TRUE);
  add_column (self, HW_HOME_DOC_APPROVAL, _("Approval"), FALSE);
  add_column (self, HW_HOME_DOC_CONTRACT, _("Contract"), FALSE);
  add_column (self, HW_HOME_DOC_TRAINING, _("Training"), FALSE);
  add_column (self, HW_HOME_DOC_POLICE, _("Police Certificates"), FALSE);
  add_column (self, HW_HOME_DOC_HOUSEHOLD, _("Household Assessed"), FALSE);
  add_column (self, COLUMN_CHILDREN, _("Children"), TRUE);

  self->sort_model = gtk_sort_list_model_new (
    G_LIST_MODEL (filtered), g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GtkColumnViewColumn) first = NULL;

    first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }
  update_actions (self);
}

void
hw_homes_page_bind (HwHomesPage *self, HwCaseload *caseload)
{
  g_return_if_fail (HW_IS_HOMES_PAGE (self));
  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_set_object (&self->caseload, caseload);
  g_signal_connect_object (caseload, "findings-changed", G_CALLBACK (on_findings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Read when first shown: most sessions never open the register of homes. */
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hw_homes_page_reload (self);
}

static void
hw_homes_page_map (GtkWidget *widget)
{
  HwHomesPage *self = HW_HOMES_PAGE (widget);

  GTK_WIDGET_CLASS (hw_homes_page_parent_class)->map (widget);
  if (!self->loaded && self->caseload)
    hw_homes_page_reload (self);
}

GListModel *
hw_homes_page_get_model (HwHomesPage *self)
{
  g_return_val_if_fail (HW_IS_HOMES_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}
