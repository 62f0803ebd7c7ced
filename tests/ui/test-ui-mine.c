/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 19 in the window, under Xvfb, on a demo database: "Mine frister" (the user's open
 * duties), the Team page you can act on, and the reminders. A program of its own: the main
 * window's other tests already use most of GLib's 2,048 quarks (tests/ui/meson.build). */
#define G_LOG_DOMAIN "test-ui-mine"

#include "config.h"

#include <check.h>
#include <glib/gi18n.h>

#include "hw-application.h"
#include "hw-child-page.h"
#include "hw-service-demo.h"
#include "hw-duties.h"
#include "hw-mine-page.h"
#include "hw-preferences-window.h"
#include "hw-caseload-check.h"
#include "hw-shortcuts.h"
#include "hw-team-page.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"
#include "hw-mine-page-private.h"
#include "hw-shortcuts-private.h"
#include "hw-team-page-private.h"
#include "hw-window-private.h"

static HwApplication *app;

typedef struct {
  char     *dir;
  HwStore  *store;
  HwWindow *window;
  char     *worker;      /* the demo caseworker with the most open duties */
  char     *leader;      /* her team leader (setup_leader) */
  char     *team;
} Fixture;

static Fixture fx;

static gboolean
caseload_ready (gpointer data)
{
  HwCaseload *caseload = hw_window_get_caseload (fx.window);

  return hw_caseload_get_rows_loaded (caseload) && hw_caseload_get_findings_loaded (caseload);
}

static HwMinePage *
mine_page (void)
{
  return HW_MINE_PAGE (hw_window_get_view_page (fx.window, HW_VIEW_MINE));
}

static gboolean
mine_loaded (gpointer data)
{
  return hw_mine_page_get_loaded (mine_page ());
}

/* What the engine says the caseworker owes, straight from app/model. */
static GPtrArray *
expected_duties (const char *staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwService) service = hw_service_new (fx.store, &error);
  GPtrArray *items;

  ck_assert_msg (service, "%s", error ? error->message : "");
  items = hw_duties_collect (service, staff_id, NULL, hw_application_get_today (), NULL, &error);
  ck_assert_msg (items, "%s", error ? error->message : "");
  return items;
}

static void
count_team (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  const char *team = hw_dossier_case (dossier)->team_id;

  if (findings->len > 0 && team)
    g_hash_table_insert (user_data, g_strdup (team),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (user_data, team)) + 1));
}

/* The user: the caseworker with the most duties, or the leader of the team with the most
 * overdue reunification reassessments. */
static void
setup_as (gboolean leader)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  HwDemoOptions options = { 200, 3, hw_application_get_today () };
  GSettings *settings = hw_application_get_settings (app);
  guint best = 0;

  fx.dir = hw_test_make_tmpdir ();
  {
    g_autofree char *path = g_build_filename (fx.dir, "demo.db", NULL);

    fx.store = hw_store_open (path, &error);
  }
  ck_assert_no_error (error);
  ck_assert (hw_service_write_demo (fx.store, &options, NULL, NULL, &error));
  ck_assert_no_error (error);
  staff = hw_store_list (fx.store, HW_ENTITY_STAFF, &error);
  for (guint i = 0; i < staff->len; i++)
    {
      const HwStaff *s = staff->pdata[i];
      g_autoptr(GPtrArray) items = NULL;

      if (s->role != HW_ROLE_CASEWORKER)
        continue;
      items = expected_duties (s->rec.id);
      if (fx.worker == NULL || items->len > best)
        {
          g_free (fx.worker);
          fx.worker = g_strdup (s->rec.id);
          best = items->len;
        }
    }
  ck_assert_ptr_nonnull (fx.worker);
  g_settings_set_string (settings, "user-staff-id", fx.worker);
  if (leader)
    {
      /* The team with the most overdue reunification reassessments, and its leader. */
      g_autoptr(HwService) service = hw_service_new (fx.store, &error);
      g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      HwCheckOptions check = {
        .today = hw_application_get_today (),
        .rule_id = "REUNIFICATION_REVIEW",
        .states = HW_CHECK_STATE_BIT (HW_FINDING_OVERDUE),
      };
      GHashTableIter iter;
      gpointer team, n;
      guint most = 0;

      ck_assert (hw_check_caseload (service, &check, count_team, teams, &error));
      g_hash_table_iter_init (&iter, teams);
      while (g_hash_table_iter_next (&iter, &team, &n))
        if (GPOINTER_TO_UINT (n) > most)
          {
            most = GPOINTER_TO_UINT (n);
            g_free (fx.team);
            fx.team = g_strdup (team);
          }
      ck_assert_msg (fx.team, "the demo has no overdue reunification reassessment");
      for (guint i = 0; i < staff->len; i++)
        {
          const HwStaff *s = staff->pdata[i];

          if (s->role == HW_ROLE_TEAM_LEADER && g_strcmp0 (s->team_id, fx.team) == 0)
            {
              g_settings_set_string (settings, "user-staff-id", s->rec.id);
              fx.leader = g_strdup (s->rec.id);
            }
        }
    }
  ck_assert (!leader || fx.leader);
  g_settings_reset (settings, "user-team-id");
  g_settings_reset (settings, "duties-last-seen");

  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));
  ck_assert_msg (hw_ui_test_wait_for (caseload_ready, NULL, 60000), "the caseload did not load");
  ck_assert_msg (hw_ui_test_wait_for (mine_loaded, NULL, 60000), "my duties did not load");
  hw_ui_test_spin (100);
}

static void
setup (void)
{
  setup_as (FALSE);
}

static void
setup_leader (void)
{
  setup_as (TRUE);
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
  g_clear_pointer (&fx.worker, g_free);
  g_clear_pointer (&fx.leader, g_free);
  g_clear_pointer (&fx.team, g_free);
  g_settings_reset (hw_application_get_settings (app), "user-staff-id");
  g_settings_reset (hw_application_get_settings (app), "duties-last-seen");
}

/* Alt+N shows "Mine frister": exactly the user's open duties as the engine finds them, never a
 * missed period, in group order with a heading per group; the filters narrow it; Enter opens
 * the child's record. */
START_TEST (test_mine_page)
{
  g_autoptr(GPtrArray) want = expected_duties (fx.worker);
  HwDuties *duties = hw_mine_page_get_duties (mine_page ());
  GListModel *model = G_LIST_MODEL (duties);
  guint n, shortcut_found = 0, n_shortcuts;
  const HwShortcut *table = hw_shortcuts_get (&n_shortcuts);
  g_autofree char *case_id = NULL;
  g_autofree char *rule_id = NULL;
  GtkWidget *list;

  for (guint i = 0; i < n_shortcuts; i++)
    if (g_str_equal (table[i].action, "win.show-view('mine')"))
      shortcut_found = g_str_equal (table[i].accels[0], "<Alt>n");
  ck_assert (shortcut_found);
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "mine");
  hw_ui_test_spin (200);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_MINE);

  n = g_list_model_get_n_items (model);
  ck_assert_uint_gt (n, 3);
  ck_assert_uint_eq (n, want->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwDutyItem) got = g_list_model_get_item (model, i);
      HwDutyItem *expected = want->pdata[i];

      ck_assert_str_eq (hw_duty_item_get_case_id (got), hw_duty_item_get_case_id (expected));
      ck_assert_str_eq (hw_duty_item_get_finding (got)->rule_id,
                        hw_duty_item_get_finding (expected)->rule_id);
      ck_assert_int_ne (hw_duty_item_get_finding (got)->state, HW_UI_FINDING_MISSED);
    }
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "mine");

  /* By child, then also by rule. */
  {
    g_autoptr(HwDutyItem) first = g_list_model_get_item (model, 0);

    case_id = g_strdup (hw_duty_item_get_case_id (first));
    rule_id = g_strdup (hw_duty_item_get_finding (first)->rule_id);
  }
  hw_mine_page_filter (mine_page (), NULL, case_id);
  ck_assert_uint_gt (g_list_model_get_n_items (model), 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HwDutyItem) item = g_list_model_get_item (model, i);

      ck_assert_str_eq (hw_duty_item_get_case_id (item), case_id);
    }
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "mine-one-child");
  hw_mine_page_filter (mine_page (), rule_id, case_id);
  ck_assert_uint_gt (g_list_model_get_n_items (model), 0);
  hw_mine_page_filter (mine_page (), NULL, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (model), n);

  /* Enter on the focused first row opens its child's record. */
  list = hw_ui_test_find_descendant (GTK_WIDGET (mine_page ()), GTK_TYPE_LIST_VIEW, "duties-list");
  ck_assert_ptr_nonnull (list);
  g_signal_emit_by_name (list, "activate", 0);
  hw_ui_test_spin (300);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  ck_assert_str_eq (hw_child_page_get_case_id (
                      HW_CHILD_PAGE (hw_window_get_view_page (fx.window, HW_VIEW_CHILD))),
                    case_id);
}
END_TEST

/* Without a choice in Preferences the user is the staff member whose username the store
 * records as the actor; without either, the page lists nothing and says how to choose. */
START_TEST (test_mine_page_actor)
{
  g_autoptr(GError) error = NULL;
  HwStaff *staff = hw_store_load (fx.store, HW_ENTITY_STAFF, fx.worker, &error);
  g_autoptr(GPtrArray) want = expected_duties (fx.worker);
  GListModel *model = G_LIST_MODEL (hw_mine_page_get_duties (mine_page ()));

  ck_assert_ptr_nonnull (staff);
  ck_assert_ptr_nonnull (staff->username);
  g_settings_reset (hw_application_get_settings (app), "user-staff-id");
  hw_store_set_actor (fx.store, "nobody-here");
  hw_mine_page_reload (mine_page ());
  ck_assert (hw_ui_test_wait_for (mine_loaded, NULL, 60000));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 0);

  hw_store_set_actor (fx.store, staff->username);
  hw_mine_page_reload (mine_page ());
  ck_assert (hw_ui_test_wait_for (mine_loaded, NULL, 60000));
  ck_assert_uint_eq (g_list_model_get_n_items (model), want->len);
  hw_record_free (staff);
}
END_TEST

static void
add_case_id (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  if (findings->len > 0)
    g_hash_table_add (user_data, g_strdup (hw_dossier_case (dossier)->rec.id));
}

static gboolean
team_listed (gpointer data)
{
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_view_page (fx.window, HW_VIEW_TEAM));

  return g_list_model_get_n_items (hw_team_page_get_model (team)) == GPOINTER_TO_UINT (data);
}

/* The done-when of issue 19: "every child in my team whose reunification reassessment is
 * overdue, and reassign one" in at most four actions from the Team page, which opens on the
 * leader's team: (1) click the duty's overdue count, (2) select a child, (3) open Reassign,
 * (4) choose the new kontaktperson. */
START_TEST (test_team_overdue_reassessments_reassign)
{
  g_autoptr(GError) error = NULL;
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_view_page (fx.window, HW_VIEW_TEAM));
  GListModel *model = hw_team_page_get_model (team);
  g_autoptr(HwService) service = hw_service_new (fx.store, &error);
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HwCheckOptions options = {
    .today = hw_application_get_today (),
    .team_id = fx.team,
    .rule_id = "REUNIFICATION_REVIEW",
    .states = HW_CHECK_STATE_BIT (HW_FINDING_OVERDUE),
  };
  GtkWidget *count, *reassign;
  GMenuModel *menu, *people;
  g_autofree char *target = NULL;
  g_autofree char *case_id = NULL;
  HwCase *moved;

  ck_assert (hw_check_caseload (service, &options, add_case_id, want, &error));
  ck_assert_uint_gt (g_hash_table_size (want), 0);
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "team");
  hw_ui_test_spin (200);
  /* The leader's own team, without choosing it. */
  ck_assert_str_eq (hw_team_page_get_team_id (team), fx.team);

  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "team-leader");
  /* 1. The count "N overdue" beside "Vurdering av tilbakeføring". */
  count = hw_team_page_get_count (team, "overdue:REUNIFICATION_REVIEW");
  ck_assert_ptr_nonnull (count);
  ck_assert (gtk_widget_is_ancestor (count, GTK_WIDGET (team)) && gtk_widget_is_drawable (count));
  {
    g_autofree char *label = g_strdup_printf ("%u", g_hash_table_size (want));

    ck_assert_msg (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (count)), label),
                   "the count says %s, the engine %s",
                   gtk_button_get_label (GTK_BUTTON (count)), label);
  }
  g_signal_emit_by_name (count, "clicked");
  ck_assert (hw_ui_test_wait_for (team_listed, GUINT_TO_POINTER (g_hash_table_size (want)), 5000));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);

      ck_assert_msg (g_hash_table_contains (want, hw_case_item_get_case_id (item)),
                     "%s is listed without an overdue reassessment",
                     hw_case_item_get_child_name (item));
    }
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "team-overdue-reassessments");

  /* 2. Select the first child. */
  ck_assert (gtk_selection_model_select_item (hw_team_page_get_selection (team), 0, TRUE));
  {
    g_autoptr(HwCaseItem) item = g_list_model_get_item (model, 0);

    case_id = g_strdup (hw_case_item_get_case_id (item));
  }

  /* 3. Open Reassign: the team's staff. */
  reassign = hw_ui_test_find_descendant (GTK_WIDGET (team), GTK_TYPE_MENU_BUTTON, NULL);
  ck_assert_ptr_nonnull (reassign);
  gtk_menu_button_popup (GTK_MENU_BUTTON (reassign));
  hw_ui_test_spin (300);
  hw_ui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (reassign))),
                         "team-reassign-menu");
  menu = hw_team_page_get_reassign_menu (team);
  people = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  ck_assert_uint_gt (g_menu_model_get_n_items (people), 1);
  /* 4. Choose a caseworker other than the child's. */
  for (int i = 0; i < g_menu_model_get_n_items (people) && target == NULL; i++)
    {
      g_autoptr(GVariant) t = g_menu_model_get_item_attribute_value (people, i, G_MENU_ATTRIBUTE_TARGET,
                                                                     G_VARIANT_TYPE_STRING);
      HwCase *c = hw_store_load (fx.store, HW_ENTITY_CASE, case_id, NULL);

      if (g_strcmp0 (g_variant_get_string (t, NULL), c->caseworker_id) != 0)
        target = g_variant_dup_string (t, NULL);
      hw_record_free (c);
    }
  g_object_unref (people);
  ck_assert_ptr_nonnull (target);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (reassign));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (team), "team.reassign-to", "s", target));
  hw_ui_test_spin (200);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "team-reassigned");

  moved = hw_store_load (fx.store, HW_ENTITY_CASE, case_id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (moved->caseworker_id, target);
  hw_record_free (moved);
  /* Still the list of overdue reassessments, the moved child among them. */
  ck_assert_uint_eq (g_list_model_get_n_items (model), g_hash_table_size (want));
  /* Show All Cases returns to the team's list. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (team), "team.clear-drill", NULL));
  ck_assert_uint_ge (g_list_model_get_n_items (model), g_hash_table_size (want));
}
END_TEST

/* Opened again 60 days after last time: what fell due in between is reported once (a
 * notification that opens the case, and a toast), then not again; each kind can be turned off;
 * a first run reports nothing. */
START_TEST (test_since_last_time)
{
  GSettings *settings = hw_application_get_settings (app);
  GPtrArray *items = hw_duties_get_all (hw_mine_page_get_duties (mine_page ()));
  HwDate today = hw_application_get_today ();
  g_autofree char *before = hw_date_dup_iso (hw_date_add_days (today, -60));
  g_autofree char *today_iso = hw_date_dup_iso (today);
  g_autoptr(GPtrArray) fell = hw_duties_since_last_time (items, hw_date_add_days (today, -60),
                                                         today);
  g_autofree char *seen = NULL;
  HwReminders r = { 0 };

  /* The window's first load was a first run: nothing reported, today noted. */
  seen = g_settings_get_string (settings, "duties-last-seen");
  ck_assert_str_eq (seen, today_iso);
  ck_assert_uint_gt (fell->len, 0);

  g_settings_set_string (settings, "duties-last-seen", before);
  g_settings_set_boolean (settings, "remind-due-soon", FALSE);
  hw_window_remind (fx.window, &r);
  ck_assert_uint_eq (r.n_fell_due, fell->len);
  ck_assert_uint_eq (r.n_due_soon, 0);
  if (fell->len <= 3)
    {
      ck_assert_uint_eq (r.notification_ids->len, fell->len);
      for (guint i = 0; i < fell->len; i++)
        {
          g_autofree char *id = g_strdup_printf ("duty-%s-%s",
                                                 hw_duty_item_get_case_id (fell->pdata[i]),
                                                 hw_duty_item_get_finding (fell->pdata[i])->rule_id);

          ck_assert_str_eq (r.notification_ids->pdata[i], id);
        }
    }
  else
    {
      ck_assert_uint_eq (r.notification_ids->len, 1);
      ck_assert_str_eq (r.notification_ids->pdata[0], "duties-overdue");
    }
  hw_ui_test_spin (200);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "since-last-time");
  hw_reminders_clear (&r);
  g_free (seen);
  seen = g_settings_get_string (settings, "duties-last-seen");
  ck_assert_str_eq (seen, today_iso);

  /* Once only. */
  hw_window_remind (fx.window, &r);
  ck_assert_uint_eq (r.n_fell_due, 0);
  ck_assert_uint_eq (r.notification_ids->len, 0);
  hw_reminders_clear (&r);

  /* Turned off, with the switch in Preferences. */
  g_settings_set_string (settings, "duties-last-seen", before);
  {
    HwPreferencesWindow *prefs = hw_preferences_window_new (GTK_WINDOW (fx.window), fx.store,
                                                            settings);
    GtkWidget *sw;

    gtk_window_present (GTK_WINDOW (prefs));
    hw_ui_test_spin (200);
    sw = hw_ui_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, NULL);
    ck_assert_ptr_nonnull (sw);
    ck_assert (gtk_switch_get_active (GTK_SWITCH (sw)));
    hw_ui_test_screenshot (GTK_WIDGET (prefs), "preferences-reminders");
    gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
    ck_assert (!g_settings_get_boolean (settings, "remind-overdue"));
    gtk_window_destroy (GTK_WINDOW (prefs));
  }
  hw_window_remind (fx.window, &r);
  ck_assert_uint_eq (r.n_fell_due, 0);
  ck_assert_uint_eq (r.notification_ids->len, 0);
  hw_reminders_clear (&r);
  g_settings_reset (settings, "remind-overdue");
  g_settings_reset (settings, "remind-due-soon");

  /* The notification's action opens the case. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case",
                                  g_variant_new_string (hw_duty_item_get_case_id (fell->pdata[0])));
  hw_ui_test_spin (300);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  ck_assert_str_eq (hw_child_page_get_case_id (
                      HW_CHILD_PAGE (hw_window_get_view_page (fx.window, HW_VIEW_CHILD))),
                    hw_duty_item_get_case_id (fell->pdata[0]));
}
END_TEST

static Suite *
mine_suite (void)
{
  Suite *s = suite_create ("ui-mine");
  TCase *tc;

  /* One tag per process (tests/ui/meson.build): GLib's quark table. */
  tc = tcase_create ("mine");
  tcase_set_tags (tc, "mine");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_mine_page);
  tcase_add_test (tc, test_mine_page_actor);
  suite_add_tcase (s, tc);

  tc = tcase_create ("reminders");
  tcase_set_tags (tc, "reminders");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_since_last_time);
  suite_add_tcase (s, tc);

  tc = tcase_create ("team");
  tcase_set_tags (tc, "team");
  tcase_add_checked_fixture (tc, setup_leader, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_team_overdue_reassessments_reassign);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, mine_suite);
}
