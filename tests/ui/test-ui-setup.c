/* SPDX-License-Identifier: GPL-3.0-or-later */
/* First run (issue 17), under Xvfb: on an empty database the caseload offers to set up the
 * municipality; the dialog checks the organisation number as typed, asks for Oslo's district,
 * refuses (naming the field, writing nothing) until it has it, and saves the municipality, a
 * team and two staff; opened again it renames one, then deactivates the other. Its own program: the main window's test
 * programs are near GLib's 2,048-quark limit. */
#define G_LOG_DOMAIN "test-ui-setup"

#include "config.h"

#include <check.h>
#include <string.h>

#include "hw-application.h"
#include "hw-caseload-page.h"
#include "hw-caseload-page-private.h"
#include "hw-municipality.h"
#include "hw-setup-dialog.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"
#include "hw-setup-dialog-private.h"

static HwApplication *app;

typedef struct {
  char     *dir;
  HwStore  *store;
  HwWindow *window;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  fx.store = hw_test_open_store (&fx.dir);
  hw_store_set_actor (fx.store, "ui-test");
  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));
  hw_ui_test_spin (200);
}

static void
teardown (void)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (l->data != fx.window)
      gtk_window_destroy (l->data);
  g_list_free (windows);
  gtk_window_destroy (GTK_WINDOW (fx.window));
  hw_ui_test_spin (50);
  g_clear_object (&fx.store);
  hw_test_remove_tree (fx.dir);
  g_clear_pointer (&fx.dir, g_free);
  memset (&fx, 0, sizeof fx);
}

static HwSetupDialog *
find_dialog (void)
{
  GList *windows = gtk_window_list_toplevels ();
  HwSetupDialog *found = NULL;

  for (GList *l = windows; l; l = l->next)
    if (HW_IS_SETUP_DIALOG (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
named (GtkWidget *root, const char *name)
{
  GtkWidget *w = hw_ui_test_find_descendant (root, GTK_TYPE_WIDGET, name);

  ck_assert_msg (w != NULL, "no widget named %s", name);
  return w;
}

static void
type_into (GtkWidget *root, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (root, name)), text);
  hw_ui_test_spin (20);
}

static void
click (GtkWidget *root, const char *name)
{
  g_signal_emit_by_name (named (root, name), "clicked");
  hw_ui_test_spin (50);
}

static HwSetupDialog *
open_from_empty_state (void)
{
  HwCaseloadPage *page = HW_CASELOAD_PAGE (hw_ui_test_find_descendant (GTK_WIDGET (fx.window),
                                                                        HW_TYPE_CASELOAD_PAGE,
                                                                        NULL));
  GtkWidget *button;

  ck_assert_str_eq (hw_caseload_page_get_state (page), "empty");
  button = named (GTK_WIDGET (page), "caseload-setup");
  ck_assert (gtk_widget_is_drawable (button));
  gtk_widget_activate (button);
  ck_assert (hw_ui_test_wait_for (dialog_open, NULL, 5000));
  hw_ui_test_spin (100);
  return find_dialog ();
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
staff_names (void)
{
  g_autoptr(GPtrArray) staff = hw_store_list (fx.store, HW_ENTITY_STAFF, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < staff->len; i++)
    g_ptr_array_add (names, ((HwStaff *) staff->pdata[i])->name);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

START_TEST (test_first_run)
{
  HwSetupDialog *dialog;
  GtkWidget *d;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *names = NULL;
  g_autofree char *value = NULL;

  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "first-run-empty");
  dialog = open_from_empty_state ();
  d = GTK_WIDGET (dialog);
  gtk_window_set_default_size (GTK_WINDOW (d), 560, 900);

  /* Oslo: the district rows appear; a swapped pair of digits is flagged as typed */
  ck_assert (!gtk_widget_get_visible (named (d, "setup-district")));
  type_into (d, "setup-number", "0301");
  type_into (d, "setup-name", "Oslo");
  ck_assert (gtk_widget_get_visible (named (d, "setup-district")));
  ck_assert (gtk_widget_get_visible (named (d, "setup-district-name")));
  type_into (d, "setup-org", "959835420");
  ck_assert (gtk_widget_has_css_class (named (d, "setup-org"), "error"));
  click (d, "setup-add-team");
  type_into (d, "setup-team-0", "Team Vest");
  click (d, "setup-add-staff");
  type_into (d, "setup-staff-0", "Kari Nordmann");
  click (d, "setup-add-staff");
  type_into (d, "setup-staff-1", "Ola Hansen");
  hw_ui_test_screenshot (d, "first-run-setup-bad-org");

  /* Refused, naming the field; nothing written, not even the team */
  click (d, "setup-save");
  ck_assert_ptr_nonnull (hw_setup_dialog_get_error (dialog));
  ck_assert_msg (strstr (hw_setup_dialog_get_error (dialog), HW_SETTING_ORG_NUMBER), "%s",
                 hw_setup_dialog_get_error (dialog));
  ck_assert_ptr_null (hw_store_dup_setting (fx.store, HW_SETTING_MUNICIPALITY));
  ck_assert_uint_eq (hw_store_count (fx.store, HW_ENTITY_TEAM, NULL), 0);

  type_into (d, "setup-org", "958935420");
  ck_assert (!gtk_widget_has_css_class (named (d, "setup-org"), "error"));
  click (d, "setup-save");
  ck_assert_msg (strstr (hw_setup_dialog_get_error (dialog), HW_SETTING_DISTRICT), "%s",
                 hw_setup_dialog_get_error (dialog));
  ck_assert_uint_eq (hw_store_count (fx.store, HW_ENTITY_STAFF, NULL), 0);

  type_into (d, "setup-district", "01");
  type_into (d, "setup-district-name", "Gamle Oslo");
  hw_ui_test_screenshot (d, "first-run-setup");
  click (d, "setup-save");
  ck_assert (hw_ui_test_wait_for (dialog_closed, NULL, 5000));

  value = hw_store_dup_setting (fx.store, HW_SETTING_ORG_NUMBER);
  ck_assert_str_eq (value, "958935420");
  g_free (value);
  value = hw_store_dup_setting (fx.store, HW_SETTING_DISTRICT_NAME);
  ck_assert_str_eq (value, "Gamle Oslo");
  teams = hw_store_list (fx.store, HW_ENTITY_TEAM, NULL);
  ck_assert_uint_eq (teams->len, 1);
  ck_assert_str_eq (((HwTeam *) teams->pdata[0])->name, "Team Vest");
  staff = hw_store_list (fx.store, HW_ENTITY_STAFF, NULL);
  ck_assert_uint_eq (staff->len, 2);
  for (guint i = 0; i < staff->len; i++)
    ck_assert_str_eq (((HwStaff *) staff->pdata[i])->team_id,
                      ((HwTeam *) teams->pdata[0])->rec.id);
  names = staff_names ();
  ck_assert_str_eq (names, "Kari Nordmann, Ola Hansen");
  g_free (names);

  /* Opened again: what was saved is shown, by name; a rename keeps the person (same id) */
  dialog = open_from_empty_state ();
  d = GTK_WIDGET (dialog);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (named (d, "setup-district-name"))),
                    "Gamle Oslo");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (named (d, "setup-staff-1"))),
                    "Ola Hansen");
  type_into (d, "setup-staff-1", "Ola Hansen-Berg");
  click (d, "setup-save");
  ck_assert (hw_ui_test_wait_for (dialog_closed, NULL, 5000));
  names = staff_names ();
  ck_assert_str_eq (names, "Kari Nordmann, Ola Hansen-Berg");
  ck_assert_uint_eq (hw_store_count (fx.store, HW_ENTITY_STAFF, NULL), 2);

  /* Kari leaves: deactivated, not deleted; shown switched off when opened again */
  dialog = open_from_empty_state ();
  d = GTK_WIDGET (dialog);
  ck_assert (gtk_switch_get_active (GTK_SWITCH (named (d, "setup-staff-0-active"))));
  gtk_switch_set_active (GTK_SWITCH (named (d, "setup-staff-0-active")), FALSE);
  click (d, "setup-save");
  ck_assert (hw_ui_test_wait_for (dialog_closed, NULL, 5000));
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = hw_store_list (fx.store, HW_ENTITY_STAFF, NULL);
  ck_assert_uint_eq (staff->len, 2);
  for (guint i = 0; i < staff->len; i++)
    {
      HwStaff *member = staff->pdata[i];

      ck_assert_int_eq (member->inactive, g_str_equal (member->name, "Kari Nordmann"));
    }
  dialog = open_from_empty_state ();
  d = GTK_WIDGET (dialog);
  hw_ui_test_screenshot (d, "first-run-setup-again");
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (named (d, "setup-staff-0-active"))));
  ck_assert (gtk_switch_get_active (GTK_SWITCH (named (d, "setup-staff-1-active"))));
}
END_TEST

static Suite *
setup_suite (void)
{
  Suite *s = suite_create ("ui-setup");
  TCase *tc = tcase_create ("first-run");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_first_run);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, setup_suite);
}
