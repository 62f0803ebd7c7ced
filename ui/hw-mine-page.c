/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-mine-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-labels.h"
#include "hw-mine-page.h"
#include "hw-window.h"
#include "hw-mine-page-private.h"

static void        hw_mine_page_activate    (HwMinePage *self,
                                      guint       position);

struct _HwMinePage
{
  GtkWidget           parent_instance;

  HwCaseload         *caseload;
  HwDuties           *duties;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GPtrArray          *rule_ids;    /* the rule drop-down's ids, NULL first (all) */
  GPtrArray          *case_ids;    /* the child drop-down's */
  gboolean            loaded;
  gboolean            updating;    /* the drop-downs are being refilled */

  GtkDropDown        *rule_dropdown;
  GtkDropDown        *child_dropdown;
  GtkLabel           *count_label;
  GtkStack           *content_stack;
  GtkListView        *list_view;
  AdwStatusPage      *status_page;
};

G_DEFINE_FINAL_TYPE (HwMinePage, hw_mine_page, GTK_TYPE_WIDGET)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

static HwWindow *
get_window (HwMinePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return HW_IS_WINDOW (root) ? HW_WINDOW (root) : NULL;
}

/* ---- rows ---- */

static GtkWidget *
row_label (GtkWidget *box, int width_chars, gboolean expand, const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
  gtk_widget_set_hexpand (label, expand);
  if (css)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 3);
  gtk_widget_set_margin_bottom (outer, 3);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (outer), heading);
  row_label (row, 22, FALSE, "heading");   /* child */
  row_label (row, 30, TRUE, NULL);         /* duty */
  row_label (row, 10, FALSE, NULL);        /* due */
  row_label (row, 24, FALSE, "dim-label"); /* legal source */
  row_label (row, 18, FALSE, "dim-label"); /* class */
  gtk_box_append (GTK_BOX (outer), row);
  gtk_list_item_set_child (list_item, outer);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  HwDutyItem *item = gtk_list_item_get_item (list_item);
  const HwUiFinding *f = hw_duty_item_get_finding (item);
  GtkWidget *outer = gtk_list_item_get_child (list_item);
  GtkWidget *heading = gtk_widget_get_first_child (outer);
  GtkWidget *label = gtk_widget_get_first_child (gtk_widget_get_next_sibling (heading));
  g_autofree char *child = hw_labels_dup_truncated (hw_duty_item_get_child_name (item),
                                                    HW_LABELS_NAME_CHARS);
  g_autofree char *duty = f->subject ? g_strdup_printf ("%s — %s", f->title, f->subject)
                                     : g_strdup (f->title);
  g_autofree char *due = f->due != HW_DATE_NONE ? hw_date_dup_display (f->due)
                                                : g_strdup (_("no date yet"));
  HwDutyGroup group = hw_duty_item_get_group (item);

  gtk_widget_set_visible (heading, hw_duty_item_get_first_in_group (item));
  gtk_label_set_label (GTK_LABEL (heading), hw_duty_group_get_label (group));
  gtk_label_set_label (GTK_LABEL (label), child);
  label = gtk_widget_get_next_sibling (label);
  gtk_label_set_label (GTK_LABEL (label), duty);
  gtk_widget_set_tooltip_text (label, f->explanation);
  label = gtk_widget_get_next_sibling (label);
  gtk_label_set_label (GTK_LABEL (label), due);
  if (group == HW_DUTY_GROUP_OVERDUE)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  label = gtk_widget_get_next_sibling (label);
  gtk_label_set_label (GTK_LABEL (label), f->source ? f->source : "");
  gtk_widget_set_tooltip_text (label, f->source);
  label = gtk_widget_get_next_sibling (label);
  gtk_label_set_label (GTK_LABEL (label), f->legal_class ? f->legal_class : "");
}

/* ---- state ---- */

static void
update_state (HwMinePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->duties));
  HwWindow *window = get_window (self);
  g_autofree char *me = window ? hw_window_dup_user_staff_id (window) : NULL;
  g_autofree char *count = NULL;

  if (n > 0)
    {
      count = g_strdup_printf (ngettext ("%u duty, %u overdue", "%u duties, %u overdue", n), n,
                               hw_duties_count_group (self->duties, HW_DUTY_GROUP_OVERDUE));
      gtk_stack_set_visible_child_name (self->content_stack, "list");
    }
  else
    {
      if (me == NULL)
        {
          adw_status_page_set_title (self->status_page, _("Who Are You?"));
          adw_status_page_set_description (self->status_page,
                                           _("Choose who you are in Preferences to see the duties of your cases"));
        }
      else if (!self->loaded)
        {
          adw_status_page_set_title (self->status_page, _("Checking Your Cases…"));
          adw_status_page_set_description (self->status_page, NULL);
        }
      else
        {
          adw_status_page_set_title (self->status_page, _("No Open Duties"));
          adw_status_page_set_description (self->status_page, NULL);
        }
      gtk_stack_set_visible_child_name (self->content_stack, "status");
    }
  gtk_label_set_label (self->count_label, count ? count : "");
}

static guint
index_of (GPtrArray *ids, const char *id)
{
  for (guint i = 1; id && ids && i < ids->len; i++)
    if (g_strcmp0 (ids->pdata[i], id) == 0)
      return i;
  return 0;
}

/* The drop-downs list the rules and the children among all the user's duties. */
static void
fill_dropdowns (HwMinePage *self)
{
  GPtrArray *all = hw_duties_get_all (self->duties);
  g_autofree char *rule = NULL, *kase = NULL;
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) children = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint selected;

  if (self->rule_ids)
    rule = g_strdup (self->rule_ids->pdata[gtk_drop_down_get_selected (self->rule_dropdown)]);
  if (self->case_ids)
    kase = g_strdup (self->case_ids->pdata[gtk_drop_down_get_selected (self->child_dropdown)]);
  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&self->case_ids, g_ptr_array_unref);
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  self->case_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (rules, _("All Duties"));
  g_ptr_array_add (self->rule_ids, NULL);
  gtk_string_list_append (children, _("All Children"));
  g_ptr_array_add (self->case_ids, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      HwDutyItem *item = all->pdata[i];
      const HwUiFinding *f = hw_duty_item_get_finding (item);
      const char *case_id = hw_duty_item_get_case_id (item);

      if (g_hash_table_add (seen, (gpointer) f->rule_id))
        {
          gtk_string_list_append (rules, f->title);
          g_ptr_array_add (self->rule_ids, g_strdup (f->rule_id));
        }
      if (g_hash_table_add (seen, (gpointer) case_id))
        {
          g_autofree char *name = hw_labels_dup_truncated (hw_duty_item_get_child_name (item),
                                                           HW_LABELS_NAME_CHARS);

          gtk_string_list_append (children, name);
          g_ptr_array_add (self->case_ids, g_strdup (case_id));
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->rule_dropdown, G_LIST_MODEL (rules));
  selected = index_of (self->rule_ids, rule);
  gtk_drop_down_set_selected (self->rule_dropdown, selected);
  gtk_drop_down_set_model (self->child_dropdown, G_LIST_MODEL (children));
  gtk_drop_down_set_selected (self->child_dropdown, index_of (self->case_ids, kase));
  self->updating = FALSE;
  hw_duties_set_rule_filter (self->duties, self->rule_ids->pdata[selected]);
  hw_duties_set_case_filter (self->duties,
                             self->case_ids->pdata[gtk_drop_down_get_selected (self->child_dropdown)]);
}

static void
on_filter_changed_cb (HwMinePage *self)
{
  if (self->updating || self->rule_ids == NULL)
    return;
  hw_duties_set_rule_filter (self->duties,
                             self->rule_ids->pdata[gtk_drop_down_get_selected (self->rule_dropdown)]);
  hw_duties_set_case_filter (self->duties,
                             self->case_ids->pdata[gtk_drop_down_get_selected (self->child_dropdown)]);
  update_state (self);
}

void
hw_mine_page_filter (HwMinePage *self, const char *rule_id, const char *case_id)
{
  g_return_if_fail (HW_IS_MINE_PAGE (self));
  if (self->rule_ids == NULL)
    return;
  gtk_drop_down_set_selected (self->rule_dropdown, index_of (self->rule_ids, rule_id));
  gtk_drop_down_set_selected (self->child_dropdown, index_of (self->case_ids, case_id));
}

/* ---- loading ---- */

typedef struct {
  HwService *service;
  char      *staff_id;
  GStrv      case_ids;
  HwDate     today;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->service);
  g_free (load->staff_id);
  g_strfreev (load->case_ids);
  g_free (load);
}

/* The user's cases as the caseload's rows say: only they are read, not the whole caseload. */
static GStrv
dup_case_ids (HwCaseload *caseload, const char *staff_id)
{
  GListModel *model = hw_caseload_get_model (caseload);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hw_case_item_get_row (item)->caseworker_id, staff_id) == 0)
        g_strv_builder_add (ids, hw_case_item_get_case_id (item));
    }
  return g_strv_builder_end (ids);
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Load *load = data;
  GError *error = NULL;
  GPtrArray *items = hw_duties_collect (load->service, load->staff_id,
                                        (const char *const *) load->case_ids, load->today,
                                        cancellable, &error);

  if (items)
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  HwMinePage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = HW_MINE_PAGE (source);
  self->loaded = TRUE;
  if (error)
    hw_window_toast_error_from (GTK_WIDGET (self), error);
  hw_duties_set_items (self->duties, items);
  fill_dropdowns (self);
  update_state (self);
  g_signal_emit (self, signals[LOADED], 0);
}

void
hw_mine_page_reload (HwMinePage *self)
{
  HwWindow *window = get_window (self);
  g_autofree char *me = window ? hw_window_dup_user_staff_id (window) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  HwService *service;
  Load *load;

  g_return_if_fail (HW_IS_MINE_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loaded = FALSE;
  if (self->caseload == NULL || me == NULL ||
      (service = hw_caseload_get_service (self->caseload, &error)) == NULL)
    {
      /* Nothing to wait for: the page says why it is empty. */
      if (error)
        hw_window_toast_error_from (GTK_WIDGET (self), error);
      hw_duties_set_items (self->duties, NULL);
      self->loaded = TRUE;
      update_state (self);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  self->cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->service = g_object_ref (service);
  /* Before the rows are all read, a pass over the whole caseload finds the user's cases. */
  if (hw_caseload_get_rows_loaded (self->caseload))
    load->case_ids = dup_case_ids (self->caseload, me);
  load->staff_id = g_steal_pointer (&me);
  load->today = hw_caseload_get_today (self->caseload);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
  update_state (self);
}

static void
on_findings_changed_cb (HwMinePage *self)
{
  if (hw_caseload_get_findings_loaded (self->caseload))
    hw_mine_page_reload (self);
}

void
hw_mine_page_bind (HwMinePage *self, HwCaseload *caseload)
{
  g_return_if_fail (HW_IS_MINE_PAGE (self));
  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_set_object (&self->caseload, caseload);
  g_signal_connect_object (caseload, "findings-changed", G_CALLBACK (on_findings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hw_duties_set_items (self->duties, NULL);
  self->loaded = FALSE;
  update_state (self);
}

HwDuties *
hw_mine_page_get_duties (HwMinePage *self)
{
  g_return_val_if_fail (HW_IS_MINE_PAGE (self), NULL);
  return self->duties;
}

gboolean
hw_mine_page_get_loaded (HwMinePage *self)
{
  g_return_val_if_fail (HW_IS_MINE_PAGE (self), FALSE);
  return self->loaded;
}

static void
hw_mine_page_activate (HwMinePage *self, guint position)
{
  g_autoptr(HwDutyItem) item = g_list_model_get_item (G_LIST_MODEL (self->duties), position);

  if (item)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "s",
                                hw_duty_item_get_case_id (item));
}

static void
on_activate_cb (HwMinePage *self, guint position)
{
  hw_mine_page_activate (self, position);
}

/* ---- life cycle ---- */

static void
hw_mine_page_dispose (GObject *object)
{
  HwMinePage *self = HW_MINE_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_clear_object (&self->caseload);
  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  /* GTK 4.8's gtk_widget_dispose_template() unparents only the children bound to a field. */
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MINE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->duties);
  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&self->case_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_mine_page_parent_class)->dispose (object);
}

static void
hw_mine_page_class_init (HwMinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_mine_page_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-mine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, child_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HwMinePage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
hw_mine_page_init (HwMinePage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->duties = hw_duties_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->duties)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_state (self);
}
