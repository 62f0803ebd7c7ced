/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-case-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-application.h"
#include "hw-case-columns.h"
#include "hw-case-item.h"
#include "hw-findings.h"

static GtkExpression *
item_property (const char *property)
{
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");

  return gtk_property_expression_new (HW_TYPE_CASE_ITEM, item, property);
}

static char *
format_date_cb (GtkListItem *list_item, guint date)
{
  if (date == 0 || date == G_MAXUINT32)
    return g_strdup ("");
  return hw_date_dup_display (date);
}

static char *
format_age_cb (GtkListItem *list_item, int age)
{
  return g_strdup_printf ("%d", age);
}

static char *
format_next_cb (GtkListItem *list_item, HwCaseItem *item, guint next_due, guint n_overdue)
{
  g_autofree char *date = NULL;

  if (item == NULL || !hw_findings_available ())
    return g_strdup ("—");
  if (!hw_case_item_get_has_findings (item))
    return g_strdup ("…");
  if (hw_case_item_get_next_due (item) == HW_DATE_NONE)
    return g_strdup (_("Nothing due"));
  date = hw_date_dup_display (hw_case_item_get_next_due (item));
  /* Translators: a due date and what is due, like "12.03.2026 · Care plan" */
  return g_strdup_printf (_("%s · %s"), date,
                          hw_case_item_get_next_duty (item) ? hw_case_item_get_next_duty (item)
                                                             : "");
}

static GStrv
next_classes_cb (GtkListItem *list_item, HwCaseItem *item, guint next_due, guint n_overdue)
{
  const char *state = "due-later";
  HwDate due;
  HwDate today = hw_application_get_today ();

  if (item && hw_case_item_get_has_findings (item))
    {
      due = hw_case_item_get_next_due (item);
      if (due != HW_DATE_NONE && due < today)
        state = "due-overdue";
      else if (hw_case_item_get_n_due_soon (item) > 0 || hw_case_item_get_n_overdue (item) > 0)
        state = "due-soon";
    }
  return g_strdupv ((char *[]) { (char *) state, NULL });
}

static char *
format_overdue_cb (GtkListItem *list_item, guint n_overdue)
{
  return n_overdue ? g_strdup_printf ("%u", n_overdue) : g_strdup ("");
}

static gboolean
is_positive_cb (GtkListItem *list_item, guint n)
{
  return n > 0;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  HwCaseColumn kind = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *expr = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  switch (kind)
    {
    case HW_CASE_COLUMN_NAME:
      gtk_widget_add_css_class (label, "heading");
      expr = item_property ("child-name");
      break;
    case HW_CASE_COLUMN_AGE:
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                          (GtkExpression *[]) { item_property ("age") },
                                          G_CALLBACK (format_age_cb), NULL, NULL);
      break;
    case HW_CASE_COLUMN_JOURNAL:
      gtk_widget_add_css_class (label, "numeric");
      expr = item_property ("journal-no");
      break;
    case HW_CASE_COLUMN_PLACEMENT:
      expr = item_property ("placement");
      break;
    case HW_CASE_COLUMN_SINCE:
      gtk_widget_add_css_class (label, "numeric");
      expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                          (GtkExpression *[]) { item_property ("placed-since") },
                                          G_CALLBACK (format_date_cb), NULL, NULL);
      break;
    case HW_CASE_COLUMN_CASEWORKER:
      expr = item_property ("caseworker");
      break;
    case HW_CASE_COLUMN_NEXT:
      {
        GtkExpression *params[] = {
          gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
          item_property ("next-due"),
          item_property ("n-overdue"),
        };
        GtkExpression *classes;

        for (guint i = 0; i < 3; i++)
          gtk_expression_ref (params[i]);
        classes = gtk_cclosure_expression_new (G_TYPE_STRV, NULL, 3, params,
                                               G_CALLBACK (next_classes_cb), NULL, NULL);
        gtk_expression_bind (classes, label, "css-classes", list_item);
        expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 3, params,
                                            G_CALLBACK (format_next_cb), NULL, NULL);
      }
      break;
    case HW_CASE_COLUMN_DUE_SOON:
      {
        GtkExpression *n = item_property ("n-due-soon");

        gtk_label_set_xalign (GTK_LABEL (label), 0.5);
        gtk_widget_add_css_class (label, "numeric");
        expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &n,
                                            G_CALLBACK (format_overdue_cb), NULL, NULL);
      }
      break;
    case HW_CASE_COLUMN_OVERDUE:
      {
        GtkExpression *n = item_property ("n-overdue");
        GtkExpression *visible;

        gtk_expression_ref (n);
        gtk_label_set_xalign (GTK_LABEL (label), 0.5);
        gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (label, "overdue-badge");
        visible = gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, &n,
                                               G_CALLBACK (is_positive_cb), NULL, NULL);
        gtk_expression_bind (visible, label, "visible", list_item);
        expr = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &n,
                                            G_CALLBACK (format_overdue_cb), NULL, NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_expression_bind (expr, label, "label", list_item);
  gtk_list_item_set_child (list_item, label);
}

static const char *const sort_properties[] = {
  [HW_CASE_COLUMN_NAME] = "child-name",
  [HW_CASE_COLUMN_AGE] = "age",
  [HW_CASE_COLUMN_JOURNAL] = "journal-no",
  [HW_CASE_COLUMN_PLACEMENT] = "placement",
  [HW_CASE_COLUMN_SINCE] = "placed-since",
  [HW_CASE_COLUMN_CASEWORKER] = "caseworker",
  [HW_CASE_COLUMN_NEXT] = "next-due",
  [HW_CASE_COLUMN_OVERDUE] = "n-overdue",
  [HW_CASE_COLUMN_DUE_SOON] = "n-due-soon",
};

GtkColumnViewColumn *
hw_case_columns_add (GtkColumnView *view, HwCaseColumn kind, const char *title, gboolean expand,
                     int fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkExpression *expr;
  GtkSorter *sorter;
  gboolean numeric = kind == HW_CASE_COLUMN_AGE || kind == HW_CASE_COLUMN_SINCE ||
                     kind == HW_CASE_COLUMN_NEXT || kind == HW_CASE_COLUMN_OVERDUE ||
                     kind == HW_CASE_COLUMN_DUE_SOON;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  expr = gtk_property_expression_new (HW_TYPE_CASE_ITEM, NULL, sort_properties[kind]);
  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expr));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expr));
  if (kind == HW_CASE_COLUMN_OVERDUE || kind == HW_CASE_COLUMN_DUE_SOON)
    gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (view, column);
  return column;
}
