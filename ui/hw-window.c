/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-caseload-page.h"
#include "hw-child-page.h"
#include "hw-error.h"
#include "hw-homes-page.h"
#include "hw-labels.h"
#include "hw-mine-page.h"
#include "hw-service-print.h"
#include "hw-plan-document.h"
#include "hw-print-dialogs.h"
#include "hw-print-operation.h"
#include "hw-preferences-window.h"
#include "hw-read-log.h"
#include "hw-reminders.h"
#include "hw-shortcuts.h"
#include "hw-team-page.h"
#include "hw-window.h"
#include "hw-window-private.h"

struct _HwWindow
{
  AdwApplicationWindow parent_instance;

  HwStore             *store;
  HwCaseload          *caseload;
  GSettings           *settings;
  HwReadLog           *read_log;
  HwUndo              *undo;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *root_stack;
  AdwLeaflet          *leaflet;
  AdwViewStack        *view_stack;
  AdwStatusPage       *error_page;
  HwCaseloadPage      *caseload_page;
  HwMinePage          *mine_page;
  HwChildPage         *child_page;
  HwTeamPage          *team_page;
  HwHomesPage         *homes_page;

  gboolean             reminded;       /* the "since last time" reminders were given */
  guint                watch_id;       /* polls for commits by other programs */
  gint64               data_version;
};

G_DEFINE_FINAL_TYPE (HwWindow, hw_window, ADW_TYPE_APPLICATION_WINDOW)

/* How long the window's writes wait for another program's write lock (an import holds it for
 * as long as it writes): a moment, then the user is told the change is not saved yet. */
#define BUSY_WAIT_MS 300

static void
on_caseload_failed_cb (HwWindow *self, const char *message)
{
  AdwToast *toast = hw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  hw_window_add_toast (self, toast);
}

/* The user's duties are known for the first time since the window opened: what fell due
 * while the app was closed. */
static void
on_mine_loaded_cb (HwWindow *self)
{
  g_autofree char *me = hw_window_dup_user_staff_id (self);

  if (self->reminded || me == NULL)
    return;
  self->reminded = TRUE;
  hw_window_remind (self, NULL);
}

static void
set_caseload (HwWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_clear_object (&self->caseload);
  self->caseload = hw_caseload_new (self->store, hw_application_get_today ());
  g_signal_connect_object (self->caseload, "load-failed", G_CALLBACK (on_caseload_failed_cb),
                           self, G_CONNECT_SWAPPED);
  hw_caseload_page_bind (self->caseload_page, self->caseload, self->settings);
  hw_mine_page_bind (self->mine_page, self->caseload);
  g_signal_handlers_disconnect_by_func (self->mine_page, on_mine_loaded_cb, self);
  g_signal_connect_object (self->mine_page, "loaded", G_CALLBACK (on_mine_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  hw_team_page_bind (self->team_page, self->caseload);
  hw_homes_page_bind (self->homes_page, self->caseload);
  hw_child_page_bind (self->child_page, self->caseload);
  if (!hw_caseload_load (self->caseload, &error))
    hw_window_toast_error (self, error);
}

static void
save_window_state (HwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
hw_window_close_request (GtkWindow *window)
{
  save_window_state (HW_WINDOW (window));
  return GTK_WINDOW_CLASS (hw_window_parent_class)->close_request (window);
}

static void
hw_window_dispose (GObject *object)
{
  HwWindow *self = HW_WINDOW (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_object (&self->undo);
  if (self->caseload)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_WINDOW);
  g_clear_object (&self->caseload);
  /* Writes the openings still waiting for the lock, waiting for it now. */
  g_clear_object (&self->read_log);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hw_window_parent_class)->dispose (object);
}

/* Every page opens a case the same way, with the case id: win.open-case. */
static void
open_case_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  hw_window_open_case (HW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
on_leaflet_visible_child_cb (HwWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 hw_window_get_view (self) == HW_VIEW_CHILD);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwWindow *self = HW_WINDOW (widget);

  if (self->store == NULL)
    return;
  hw_window_set_view (self, HW_VIEW_CASELOAD);
  hw_caseload_page_focus_search (self->caseload_page);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwWindow *self = HW_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
}

static void
show_view_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwView view = hw_view_from_name (g_variant_get_string (param, NULL));

  if (view < HW_N_VIEWS)
    hw_window_set_view (HW_WINDOW (widget), view);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwWindow *self = HW_WINDOW (widget);

  if (self->store == NULL)
    return;
  set_caseload (self);
  if (hw_child_page_get_case_id (self->child_page))
    {
      g_autofree char *id = g_strdup (hw_child_page_get_case_id (self->child_page));
      g_autoptr(GError) error = NULL;

      if (!hw_child_page_load (self->child_page, id, &error))
        hw_window_toast_error (self, error);
    }
}

/* Another program (an import, the CLI) committed: show what is in the database now. The
 * child's page has no edits of its own (editors are separate windows, which keep theirs and
 * offer a reload when their save is refused). */
static gboolean
watch_database_cb (gpointer user_data)
{
  HwWindow *self = HW_WINDOW (user_data);
  gint64 version;

  if (self->store == NULL || hw_store_in_transaction (self->store))
    return G_SOURCE_CONTINUE;
  version = hw_store_get_data_version (self->store);
  if (version != self->data_version)
    {
      g_debug ("the database was changed by another program: reloading");
      self->data_version = version;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
    }
  return G_SOURCE_CONTINUE;
}

static void
log_visit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwWindow *self = HW_WINDOW (widget);
  g_autofree char *case_id = NULL;

  if (self->store == NULL)
    return;
  if (hw_window_get_view (self) == HW_VIEW_CHILD)
    {
      hw_child_page_log_visit (self->child_page);
      return;
    }
  case_id = hw_caseload_page_dup_selected_case_id (self->caseload_page);
  if (case_id == NULL || hw_window_get_view (self) != HW_VIEW_CASELOAD)
    {
      hw_window_add_toast (self, hw_toast_new (_("Open a child’s record to log a visit")));
      return;
    }
  hw_window_open_case (self, case_id);
  if (g_strcmp0 (hw_child_page_get_case_id (self->child_page), case_id) == 0)
    hw_child_page_log_visit (self->child_page);
}

/* The overdue list Ctrl+P prints outside a child's record: the team overview prints the team it
 * shows, elsewhere the user's own team (every team when the user has none). */
HwDocument *
hw_window_build_overdue_list (HwWindow *self, GError **error)
{
  g_autofree char *user_team = NULL;
  HwOverdueListOptions options = { hw_application_get_today (), NULL, NULL, TRUE, NULL };
  HwService *service;

  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  /* The same rule context and pass as the caseload's findings and `check`. */
  service = hw_caseload_get_service (self->caseload, error);
  if (service == NULL)
    return NULL;
  if (hw_window_get_view (self) == HW_VIEW_TEAM)
    options.team_id = hw_team_page_get_team_id (self->team_page);
  else
    options.team_id = user_team = hw_window_dup_user_team_id (self);
  return hw_service_print_overdue_list (service, &options, error);
}

static void
print_overdue_list (HwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPrintOperation) operation = NULL;
  HwDocument *document = hw_window_build_overdue_list (self, &error);

  if (document == NULL)
    {
      hw_window_toast_error (self, error);
      return;
    }
  operation = hw_print_operation_new (document, _("Overdue duties"));
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    hw_window_toast_error (self, error);
}

/* The child's plan for the case @case_id: whom for first, then GTK's dialog. */
static void
print_plan (HwWindow *self, const char *case_id)
{
  g_autoptr(GError) error = NULL;
  HwCase *kase = hw_store_load (self->store, HW_ENTITY_CASE, case_id, &error);

  if (kase == NULL)
    {
      hw_window_toast_error (self, error);
      return;
    }
  hw_print_plan_ask_recipient (GTK_WINDOW (self), self->caseload, kase->journal_no,
                               hw_application_get_today ());
  hw_record_free (kase);
}

static void
on_print_what_cb (AdwMessageDialog *dialog, const char *response, HwWindow *self)
{
  g_autofree char *case_id = hw_caseload_page_dup_selected_case_id (self->caseload_page);

  if (g_strcmp0 (response, "overdue") == 0)
    print_overdue_list (self);
  else if (g_strcmp0 (response, "plan") == 0 && case_id)
    print_plan (self, case_id);
}

/* Ctrl+P and the Print button: in a child's record the child's plan; elsewhere it asks what
 * to print rather than guess. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  HwWindow *self = HW_WINDOW (widget);
  g_autofree char *case_id = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  if (hw_window_get_view (self) == HW_VIEW_CHILD &&
      hw_child_page_get_case_id (self->child_page))
    {
      print_plan (self, hw_child_page_get_case_id (self->child_page));
      return;
    }
  if (hw_window_get_view (self) == HW_VIEW_CASELOAD)
    case_id = hw_caseload_page_dup_selected_case_id (self->caseload_page);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Do You Want to Print?"),
                                   case_id ? _("The overdue duties of the team, or the "
                                               "follow-up plan of the selected child.")
                                           : _("The overdue duties of the team. To print a "
                                               "child’s follow-up plan, open or select the "
                                               "child first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "overdue", _("_Overdue List…"), NULL);
  if (case_id)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "plan",
                                     _("_Child’s Plan…"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_print_what_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  hw_undo_restore (HW_WINDOW (widget)->undo);
}

static void
hw_window_class_init (HwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hw_window_dispose;
  window_class->close_request = hw_window_close_request;

  g_type_ensure (HW_TYPE_CASELOAD_PAGE);
  g_type_ensure (HW_TYPE_CHILD_PAGE);
  g_type_ensure (HW_TYPE_MINE_PAGE);
  g_type_ensure (HW_TYPE_TEAM_PAGE);
  g_type_ensure (HW_TYPE_HOMES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/homeward/Homeward/hw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, root_stack);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, caseload_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, child_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, mine_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, HwWindow, homes_page);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.open-case", "s", open_case_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.log-visit", NULL, log_visit_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  /* The same keys inside the window, for when the application's accelerators are not set
   * (tests that build a window without running the application). */
  hw_shortcuts_add_bindings (widget_class);
}

static void
hw_window_init (HwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = hw_undo_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
}

static void
restore_window_state (HwWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1200, 780);
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

HwWindow *
hw_window_new (HwApplication *app, HwStore *store)
{
  HwWindow *self;
  GSettings *settings;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  self = g_object_new (HW_TYPE_WINDOW, "application", app, NULL);
  self->store = g_object_ref (store);
  /* The main thread never waits long for the database: an import holds its lock for as long
   * as it writes, minutes for a large one. */
  hw_store_set_busy_timeout (store, BUSY_WAIT_MS);
  self->read_log = hw_read_log_new (store, BUSY_WAIT_MS);
  settings = app ? hw_application_get_settings (app) : NULL;
  self->settings = settings ? g_object_ref (settings) : NULL;
  restore_window_state (self);
  gtk_stack_set_visible_child_name (self->root_stack, "main");
  set_caseload (self);
  self->data_version = hw_store_get_data_version (store);
  self->watch_id = g_timeout_add_seconds (1, watch_database_cb, self);
  return self;
}

HwWindow *
hw_window_new_error (HwApplication *app, const char *title, const char *body)
{
  HwWindow *self = g_object_new (HW_TYPE_WINDOW, "application", app, NULL);
  GSettings *settings = app ? hw_application_get_settings (app) : NULL;
  /* The description is markup, and quotes a file name and an error message. */
  g_autofree char *escaped = g_markup_escape_text (body ? body : "", -1);

  self->settings = settings ? g_object_ref (settings) : NULL;
  restore_window_state (self);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->root_stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-visit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  return self;
}


HwCaseload *
hw_window_get_caseload (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return self->caseload;
}


static char *
dup_setting (HwWindow *self, const char *key)
{
  char *value;

  if (self->settings == NULL)
    return NULL;
  value = g_settings_get_string (self->settings, key);
  if (value && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* Without a choice in Preferences, the user is the staff member whose username (or name) the
 * store records as the actor: who logged in is who the audit trail names. @field: 0 the
 * staff id, 1 the team id. */
static char *
dup_actor_staff (HwWindow *self, int field)
{
  const char *actor = self->store ? hw_store_get_actor (self->store) : NULL;
  g_autoptr(GPtrArray) staff = NULL;

  if (actor == NULL || *actor == '\0' ||
      (staff = hw_store_list (self->store, HW_ENTITY_STAFF, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      const HwStaff *s = staff->pdata[i];

      if (g_strcmp0 (s->username, actor) == 0 || g_strcmp0 (s->name, actor) == 0)
        return g_strdup (field == 0 ? s->rec.id : s->team_id);
    }
  return NULL;
}

char *
hw_window_dup_user_staff_id (HwWindow *self)
{
  char *id = dup_setting (self, "user-staff-id");

  return id ? id : dup_actor_staff (self, 0);
}

char *
hw_window_dup_user_team_id (HwWindow *self)
{
  char *id = dup_setting (self, "user-team-id");
  g_autofree char *staff_id = NULL;
  HwStaff *staff;

  if (id)
    return id;
  /* Else the team of the user's staff record. */
  if ((staff_id = dup_setting (self, "user-staff-id")) == NULL)
    return dup_actor_staff (self, 1);
  if (self->store == NULL ||
      (staff = hw_store_load (self->store, HW_ENTITY_STAFF, staff_id, NULL)) == NULL)
    return NULL;
  id = g_strdup (staff->team_id);
  hw_record_free (staff);
  return id;
}

/* The views by the names the view stack's pages and win.show-view use: one table. */
static const char *const view_names[HW_N_VIEWS] = {
  [HW_VIEW_CASELOAD] = "caseload",
  [HW_VIEW_MINE] = "mine",
  [HW_VIEW_TEAM] = "team",
  [HW_VIEW_HOMES] = "homes",
  [HW_VIEW_CHILD] = "child",
  [HW_VIEW_ERROR] = "error",
};

const char *
hw_view_get_name (HwView view)
{
  g_return_val_if_fail (view < HW_N_VIEWS, NULL);
  return view_names[view];
}

HwView
hw_view_from_name (const char *name)
{
  for (HwView view = 0; view < HW_N_VIEWS; view++)
    if (g_strcmp0 (name, view_names[view]) == 0)
      return view;
  return HW_N_VIEWS;
}

static GtkWidget *
view_widget (HwWindow *self, HwView view)
{
  switch (view)
    {
    case HW_VIEW_CASELOAD:
      return GTK_WIDGET (self->caseload_page);
    case HW_VIEW_MINE:
      return GTK_WIDGET (self->mine_page);
    case HW_VIEW_TEAM:
      return GTK_WIDGET (self->team_page);
    case HW_VIEW_HOMES:
      return GTK_WIDGET (self->homes_page);
    case HW_VIEW_CHILD:
      return GTK_WIDGET (self->child_page);
    case HW_VIEW_ERROR:
      return GTK_WIDGET (self->error_page);
    case HW_N_VIEWS:
    default:
      return NULL;
    }
}

HwView
hw_window_get_view (HwWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (HW_IS_WINDOW (self), HW_VIEW_ERROR);
  if (gtk_stack_get_visible_child (self->root_stack) != GTK_WIDGET (self->leaflet))
    return HW_VIEW_ERROR;
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->child_page))
    return HW_VIEW_CHILD;
  page = adw_view_stack_get_visible_child (self->view_stack);
  for (HwView view = 0; view < HW_VIEW_CHILD; view++)
    if (view_widget (self, view) == page)
      return view;
  return HW_VIEW_CASELOAD;
}

void
hw_window_set_view (HwWindow *self, HwView view)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  g_return_if_fail (view < HW_N_VIEWS);
  if (self->store == NULL || view == HW_VIEW_ERROR)
    return;
  if (view == HW_VIEW_CHILD)
    {
      /* Only a child whose record was opened. */
      if (hw_child_page_get_case_id (self->child_page))
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->child_page));
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_view_stack_set_visible_child (self->view_stack, view_widget (self, view));
}

GtkWidget *
hw_window_get_view_page (HwWindow *self, HwView view)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return view_widget (self, view);
}

const char *
hw_window_get_visible_view (HwWindow *self)
{
  return hw_view_get_name (hw_window_get_view (self));
}

void
hw_window_show_view (HwWindow *self, const char *name)
{
  HwView view = hw_view_from_name (name);

  g_return_if_fail (view < HW_N_VIEWS);
  hw_window_set_view (self, view);
}

GtkWidget *
hw_window_get_page (HwWindow *self, const char *name)
{
  return hw_window_get_view_page (self, hw_view_from_name (name));
}

void
hw_window_open_case (HwWindow *self, const char *case_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HW_IS_WINDOW (self));
  if (!hw_child_page_load (self->child_page, case_id, &error))
    {
      hw_window_toast_error (self, error);
      return;
    }
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->child_page));
}

void
hw_window_add_toast (HwWindow *self, AdwToast *toast)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Toast titles are Pango markup in libadwaita 1.2, and messages quote what users typed (a
 * child's name, a setting's value): unescaped, an "&" or a "<" leaves the toast blank. */
AdwToast *
hw_toast_new (const char *text)
{
  /* One line, and a quoted name may be any length: cut, the toast ellipsizes the rest. */
  g_autofree char *cut = hw_labels_dup_truncated (text ? text : "", 300);
  g_autofree char *escaped = g_markup_escape_text (cut, -1);

  return adw_toast_new (escaped);
}

const char *
hw_window_describe_error (const GError *error)
{
  if (error == NULL)
    return _("Something went wrong");
  /* Saves wait only a moment for another program's write lock (an import holds it for as
   * long as it writes): say that nothing was lost and what to do. */
  if (g_error_matches (error, HW_ERROR, HW_ERROR_BUSY))
    return _("The database is busy with another program (e.g. an import); your change is not "
             "saved yet — try again");
  return error->message;
}

void
hw_window_toast_error (HwWindow *self, const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (HW_IS_WINDOW (self));
  toast = hw_toast_new (hw_window_describe_error (error));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  hw_window_add_toast (self, toast);
}

static HwWindow *
window_of (GtkWidget *inside)
{
  GtkRoot *root = gtk_widget_get_root (inside);

  return HW_IS_WINDOW (root) ? HW_WINDOW (root) : NULL;
}

void
hw_window_toast_from (GtkWidget *inside, const char *message)
{
  HwWindow *window = window_of (inside);

  if (window)
    hw_window_add_toast (window, hw_toast_new (message));
}

void
hw_window_toast_error_from (GtkWidget *inside, const GError *error)
{
  HwWindow *window = window_of (inside);

  if (window)
    hw_window_toast_error (window, error);
  else
    g_warning ("%s", error->message);
}

static void
on_preferences_user_changed_cb (HwWindow *self)
{
  hw_caseload_page_refilter (self->caseload_page);
  hw_mine_page_reload (self->mine_page);
  hw_team_page_refresh (self->team_page);
}

static void
on_preferences_rules_changed_cb (HwWindow *self)
{
  hw_caseload_refresh_findings (self->caseload);
  hw_child_page_refresh_findings (self->child_page);
}

void
hw_window_show_preferences (HwWindow *self)
{
  HwPreferencesWindow *prefs;

  g_return_if_fail (HW_IS_WINDOW (self));
  if (self->store == NULL)
    return;
  prefs = hw_preferences_window_new (GTK_WINDOW (self), self->store, self->settings);
  g_signal_connect_object (prefs, "user-changed", G_CALLBACK (on_preferences_user_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (prefs, "rules-changed", G_CALLBACK (on_preferences_rules_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (prefs));
}

void
hw_window_log_read (HwWindow *self, const char *case_id)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  g_return_if_fail (self->read_log != NULL);
  hw_read_log_add (self->read_log, case_id);
}

guint
hw_window_get_n_reads_pending (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), 0);
  return self->read_log ? hw_read_log_get_n_pending (self->read_log) : 0;
}

HwUndo *
hw_window_get_undo (HwWindow *self)
{
  g_return_val_if_fail (HW_IS_WINDOW (self), NULL);
  return self->undo;
}

void
hw_window_case_changed (HwWindow *self, const HwDossier *dossier)
{
  g_return_if_fail (HW_IS_WINDOW (self));
  /* A write just went through: the lock is free for openings still waiting. */
  if (self->read_log)
    hw_read_log_retry (self->read_log);
  hw_caseload_update_case (self->caseload, dossier);
  hw_caseload_page_refilter (self->caseload_page);
}

void
hw_window_remind (HwWindow *self, HwReminders *result)
{
  HwReminders r = { 0 };
  HwService *service;
  GtkApplication *app;
  int days = 30;
  g_autofree char *text = NULL;

  g_return_if_fail (HW_IS_WINDOW (self));
  if (self->caseload == NULL)
    return;
  service = hw_caseload_get_service (self->caseload, NULL);
  if (service)
    days = hw_settings_get (hw_service_get_settings (service), "due_soon_days");
  app = gtk_window_get_application (GTK_WINDOW (self));
  hw_reminders_run (app ? G_APPLICATION (app) : NULL, self->settings,
                    hw_duties_get_all (hw_mine_page_get_duties (self->mine_page)),
                    hw_caseload_get_today (self->caseload), days, &r);
  /* The summary in the window too: notifications may be off or unseen. */
  if (r.n_fell_due > 0 && r.n_due_soon > 0)
    /* Translators: the first %u is overdue duties, the second due soon */
    text = g_strdup_printf (_("Since last time: %u of your duties fell due, %u are due soon"),
                            r.n_fell_due, r.n_due_soon);
  else if (r.n_fell_due > 0)
    text = g_strdup_printf (ngettext ("Since last time: %u of your duties fell due",
                                      "Since last time: %u of your duties fell due",
                                      r.n_fell_due), r.n_fell_due);
  else if (r.n_due_soon > 0)
    text = g_strdup_printf (ngettext ("Since last time: %u of your duties is due soon",
                                      "Since last time: %u of your duties are due soon",
                                      r.n_due_soon), r.n_due_soon);
  if (text)
    {
      AdwToast *toast = hw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-view");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("mine"));
      hw_window_add_toast (self, toast);
    }
  if (result)
    *result = r;
  else
    hw_reminders_clear (&r);
}
