/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The child's "Omsorgspakken" tab (issue 18), under Xvfb: a foster-home placement saved as the
 * form saves it brings the template's activities; the tab lists them by part; the check
 * button marks one done in the store, and the toast's Undo takes it back. Its own program (and
 * tag group): the main window's test programs are near GLib's 2,048-quark limit. */
#define G_LOG_DOMAIN "test-ui-package"

#include "config.h"

#include <check.h>
#include <string.h>

#include "hw-activity.h"
#include "hw-application.h"
#include "hw-child-page.h"
#include "hw-child-page-private.h"
#include "hw-service-plan.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"
#include "hw-window-private.h"

static HwApplication *app;

typedef struct {
  char     *dir;
  HwStore  *store;
  HwWindow *window;
  char     *case_id;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2026-00018");
  HwPerson *mother = hw_record_new (HW_ENTITY_PERSON);
  HwMeasure *m;

  fx.store = hw_test_open_store (&fx.dir);
  hw_store_set_actor (fx.store, "ui-test");
  fx.case_id = g_strdup (hw_dossier_case (d)->rec.id);
  mother->case_id = g_strdup (fx.case_id);
  mother->name = g_strdup ("Mora Testesen");
  mother->relation = HW_RELATION_MOTHER;
  mother->parental_responsibility = TRUE;
  hw_dossier_add (d, mother);
  ck_assert (hw_store_save_dossier (fx.store, d, &error));
  m = hw_test_new_measure (fx.case_id, "2.1", hw_date_add_days (hw_date_today (), -10));
  ck_assert_msg (hw_service_save_record (fx.store, m, &error), "%s",
                 error ? error->message : "");
  hw_record_free (m);

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
  g_clear_pointer (&fx.case_id, g_free);
  memset (&fx, 0, sizeof fx);
}

static HwChildPage *
child_page (void)
{
  return HW_CHILD_PAGE (hw_window_get_page (fx.window, "child"));
}

/* The stored activity with @key. */
static HwActivity *
load_activity (const char *key)
{
  g_autoptr(HwDossier) d = hw_store_load_case (fx.store, fx.case_id, NULL);
  GPtrArray *all = hw_dossier_get (d, HW_ENTITY_ACTIVITY);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((HwActivity *) all->pdata[i])->template_key, key) == 0)
      return hw_record_copy (all->pdata[i]);
  return NULL;
}

START_TEST (test_mark_done_and_undo)
{
  HwActivity *a = load_activity ("child-followup-visit");
  GtkWidget *check;
  GtkWidget *row;

  ck_assert_ptr_nonnull (a);
  ck_assert_int_eq (a->done_date, HW_DATE_NONE);
  hw_window_open_case (fx.window, fx.case_id);
  hw_ui_test_spin (300);
  hw_child_page_show_tab (child_page (), "package");
  hw_ui_test_spin (200);

  /* The tab lists the activity, with its due date and who is responsible. */
  check = hw_ui_test_find_descendant (GTK_WIDGET (child_page ()), GTK_TYPE_CHECK_BUTTON,
                                      a->rec.id);
  ck_assert_ptr_nonnull (check);
  ck_assert (gtk_widget_is_drawable (check));
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), a->title);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "omsorgspakken");

  /* Done: the check button, as the user clicks it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  hw_ui_test_spin (200);
  {
    HwActivity *done = load_activity ("child-followup-visit");

    ck_assert_int_eq (done->done_date, hw_date_today ());
    ck_assert_int_eq (hw_activity_get_status (done, hw_date_today ()), HW_ACTIVITY_DONE);
    hw_record_free (done);
  }
  check = hw_ui_test_find_descendant (GTK_WIDGET (child_page ()), GTK_TYPE_CHECK_BUTTON,
                                      a->rec.id);
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "omsorgspakken-done");

  /* Undo: not done again, in the store and on screen. */
  ck_assert (hw_child_page_undo_activity (child_page ()));
  hw_ui_test_spin (200);
  {
    HwActivity *undone = load_activity ("child-followup-visit");

    ck_assert_int_eq (undone->done_date, HW_DATE_NONE);
    hw_record_free (undone);
  }
  check = hw_ui_test_find_descendant (GTK_WIDGET (child_page ()), GTK_TYPE_CHECK_BUTTON,
                                      a->rec.id);
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* Nothing more to undo. */
  ck_assert (!hw_child_page_undo_activity (child_page ()));
  hw_record_free (a);
}
END_TEST

static Suite *
package_suite (void)
{
  Suite *s = suite_create ("ui-package");
  TCase *tc = tcase_create ("omsorgspakken");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_mark_done_and_undo);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, package_suite);
}
