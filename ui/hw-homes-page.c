/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-homes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-home-item.h"
#include "hw-homes-page.h"
#include "hw-window.h"

struct _HwHomesPage
{
  GtkWidget         parent_instance;

  HwCaseload       *caseload;
  GListStore       *homes;
  GtkCustomFilter  *filter;
  GtkSortListModel *sort_model;
  char             *needle;

  GtkSearchEntry   *search_entry;
  GtkToggleButton  *missing_button;
  GtkStack         *content_stack;
  GtkColumnView    *column_view;
  GtkLabel         *status_label;
};

G_DEFINE_FINAL_TYPE (HwHomesPage, hw_homes_page, GTK_TYPE_WIDGET)

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
    gtk_label_set_label (label, hw_home_item_get_name (item));
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
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, cases->pdata[0]);
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (HW_IS_WINDOW (root))
        hw_window_add_toast (HW_WINDOW (root),
                             adw_toast_new (_("No child lives in this foster home now")));
    }
}

void
hw_homes_page_reload (HwHomesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) homes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (HW_IS_HOMES_PAGE (self));
  homes = hw_store_load_homes (hw_caseload_get_store (self->caseload), &error);
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
  g_list_store_splice (self->homes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->homes)),
                       items->pdata, items->len);
  set_children (self);
  update_state (self);
}

static void
on_findings_changed_cb (HwHomesPage *self)
{
  set_children (self);
}

static void
hw_homes_page_dispose (GObject *object)
{
  HwHomesPage *self = HW_HOMES_PAGE (object);

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  /* A bin-layout widget must unparent its template children itself. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_HOMES_PAGE);
  g_clear_object (&self->caseload);
  g_clear_object (&self->homes);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (hw_homes_page_parent_class)->dispose (object);
}

static void
hw_homes_page_class_init (HwHomesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_homes_page_dispose;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

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
  {
    GtkSingleSelection *sel = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (
                                                          self->sort_model)));
    g_autoptr(GtkColumnViewColumn) first = NULL;

    gtk_single_selection_set_autoselect (sel, FALSE);
    gtk_single_selection_set_can_unselect (sel, TRUE);
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (sel));
    g_object_unref (sel);
    first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }
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
  hw_homes_page_reload (self);
}

GListModel *
hw_homes_page_get_model (HwHomesPage *self)
{
  g_return_val_if_fail (HW_IS_HOMES_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}
