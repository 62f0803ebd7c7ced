/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>  /* defines __GLIBC__ where it applies */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hw-application.h"
#include "hw-application-private.h"
#include "hw-store-backup.h"
#include "hw-error.h"
#include "hw-preferences-window.h"
#include "hw-service-plan.h"
#include "hw-window.h"
#include "hw-shortcuts.h"
#include "homeward-resources.h"

struct _HwApplication
{
  AdwApplication parent_instance;

  char          *db_path;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (HwApplication, hw_application, ADW_TYPE_APPLICATION)

static GSettings *
make_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, HW_APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; nothing is remembered",
                 HW_APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
hw_application_finalize (GObject *object)
{
  HwApplication *self = HW_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hw_application_parent_class)->finalize (object);
}

static int
hw_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  HwApplication *self = HW_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("homeward %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autofree char *abs = g_canonicalize_filename (db, NULL);
      hw_application_set_db_path (self, abs);
    }
  return -1;
}

static void
hw_application_activate (GApplication *app)
{
  HwApplication *self = HW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = hw_application_open_window (self);
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing the windows lets them save their size. */
  while (windows)
    {
      GtkWindow *w = windows->data;
      windows = windows->next;
      gtk_window_close (w);
    }
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (HW_IS_WINDOW (window))
    hw_window_show_preferences (HW_WINDOW (window));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Homeward developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Homeward"),
                         "application-icon", HW_APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Homeward developers"),
                         "developers", developers,
                         "comments", _("Follow up children placed outside the home, and "
                                       "their way back"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* A reminder was clicked (hw-reminders.c): its case, in the window. */
static void
open_case_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (HW_IS_WINDOW (window))
    {
      gtk_window_present (window);
      hw_window_open_case (HW_WINDOW (window), g_variant_get_string (param, NULL));
    }
}

static void
show_duties_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (HW_IS_WINDOW (window))
    {
      gtk_window_present (window);
      hw_window_set_view (HW_WINDOW (window), HW_VIEW_MINE);
    }
}

static const GActionEntry app_entries[] = {
  { "open-case", open_case_activated, "s", NULL, NULL, { 0 } },
  { "show-duties", show_duties_activated, NULL, NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
hw_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (hw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  hw_shortcuts_set_accels (GTK_APPLICATION (app));
  gtk_window_set_default_icon_name (HW_APPLICATION_ID);
}

static void
hw_application_class_init (HwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hw_application_finalize;
  app_class->handle_local_options = hw_application_handle_local_options;
  app_class->activate = hw_application_activate;
  app_class->startup = hw_application_startup;

  /* Keeps the bundle (and its constructor that registers it) in the static library's link. */
  g_assert (homeward_ui_get_resource () != NULL);
}

static void
hw_application_init (HwApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file to open"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->settings = make_settings ();
}

HwApplication *
hw_application_new (void)
{
  return g_object_new (HW_TYPE_APPLICATION,
                       "application-id", HW_APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/no/homeward/Homeward",
                       NULL);
}

/* The database to open; set by --db, else the default path. */
static const char *
hw_application_get_db_path (HwApplication *self)
{
  g_return_val_if_fail (HW_IS_APPLICATION (self), NULL);
  if (self->db_path == NULL)
    self->db_path = hw_store_dup_default_path ();
  return self->db_path;
}

void
hw_application_set_db_path (HwApplication *self, const char *path)
{
  g_return_if_fail (HW_IS_APPLICATION (self));
  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

GSettings *
hw_application_get_settings (HwApplication *self)
{
  g_return_val_if_fail (HW_IS_APPLICATION (self), NULL);
  return self->settings;
}

HwDate
hw_application_get_today (void)
{
  const char *env = g_getenv ("HOMEWARD_TODAY");
  HwDate pinned = env ? hw_date_parse_iso (env) : HW_DATE_NONE;

  return pinned ? pinned : hw_date_today ();
}

static const char *
actor_name (HwApplication *self)
{
  static char *name;

  if (self->settings)
    {
      g_free (name);
      name = g_settings_get_string (self->settings, "user-name");
      if (name && *name)
        return name;
    }
  return g_get_user_name ();
}

/* The daily backup runs on its own connection in a worker thread: opening the window never
 * waits for it. */
static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  HwBackupInfo info = { 0 };
  GError *error = NULL;

  if (hw_store_backup_auto (task_data, NULL, FALSE, &info, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  hw_backup_info_clear (&info);
}

static void
on_backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(HwWindow) window = user_data;
  g_autoptr(GError) error = NULL;

#ifdef __GLIBC__
  /* The copy and its check went through page caches on the backup thread: give back the
   * pages its malloc arena kept. */
  malloc_trim (0);
#endif
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                             _("The daily backup failed: %s"), error->message);
      hw_window_toast_error (window, shown);
    }
}

static void
start_daily_backup (HwWindow *window, const char *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_backup_done, g_object_ref (window));

  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

static void on_caseload_failed_cb (HwCaseload *caseload, const char *message, gpointer user_data);

static void
on_caseload_ready_cb (HwCaseload *caseload, gpointer user_data)
{
  HwWindow *window = HW_WINDOW (user_data);

  g_signal_handlers_disconnect_by_func (caseload, on_caseload_ready_cb, window);
  g_signal_handlers_disconnect_by_func (caseload, on_caseload_failed_cb, window);
  start_daily_backup (window, hw_store_get_path (hw_caseload_get_store (caseload)));
}

static void
on_caseload_failed_cb (HwCaseload *caseload, const char *message, gpointer user_data)
{
  on_caseload_ready_cb (caseload, user_data);
}

/* The backup waits for the window's first pass over the caseload: run side by side, the two
 * hold their page caches and buffers at the same time (at 50,000 children, the peak). */
static void
schedule_daily_backup (HwWindow *window, const char *path)
{
  HwCaseload *caseload = hw_window_get_caseload (window);

  if (caseload == NULL || hw_caseload_get_findings_loaded (caseload))
    {
      start_daily_backup (window, path);
      return;
    }
  g_signal_connect_object (caseload, "findings-changed", G_CALLBACK (on_caseload_ready_cb),
                           window, 0);
  g_signal_connect_object (caseload, "load-failed", G_CALLBACK (on_caseload_failed_cb),
                           window, 0);
}

GtkWindow *
hw_application_open_window (HwApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  const char *path = hw_application_get_db_path (self);

  g_autofree char *default_path = hw_store_dup_default_path ();

  /* Only the first run makes a database, at the default place: a path given on the command
   * line that does not exist is a mistake, not a new empty caseload. */
  if (g_str_equal (path, default_path))
    store = hw_store_open (path, &error);
  else
    store = hw_store_open_existing (path, &error);
  if (store == NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, HW_ERROR, HW_ERROR_VERSION))
        {
          title = g_strdup (_("Made by a Newer Homeward"));
          /* Translators: the first %s is a file name, the second says why */
          body = g_strdup_printf (_("Nothing in “%s” was changed.\n\n%s"), path,
                                  error->message);
        }
      else
        {
          title = g_strdup (_("Cannot Open the Database"));
          body = g_strdup_printf ("%s\n\n%s", path, error->message);
        }
      return GTK_WINDOW (hw_window_new_error (self, title, body));
    }
  hw_store_set_actor (store, actor_name (self));
  /* Placements written before activities followed the template get theirs, once. */
  if (!hw_service_upgrade_activities (store, hw_date_today (), &error))
    g_warning ("Plan activities: %s", error->message);
  {
    HwWindow *window = hw_window_new (self, store);

    if (!hw_store_is_private (store))
      {
        AdwToast *toast = hw_toast_new (_("Other users on this computer can read the "
                                           "database. Ask your administrator to make it "
                                           "private."));

        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
        adw_toast_set_timeout (toast, 0);
        hw_window_add_toast (window, toast);
      }
    if (g_getenv ("HOMEWARD_NO_AUTO_BACKUP") == NULL)
      schedule_daily_backup (window, path);
    return GTK_WINDOW (window);
  }
}

void
hw_application_setup_i18n (void)
{
  /* The build folder's catalogues only when asked (meson devenv, the tests): never because
   * they happen to exist. */
  const char *env = g_getenv ("HOMEWARD_LOCALEDIR");
  const char *dir = env && *env ? env : LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
