/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, under Xvfb, on a fixture database: driven through its actions and widgets,
 * asserted on what the widgets show. Screenshots of the main views go to the folder given as
 * the first argument (the build folder's tests/artifacts). */
#define G_LOG_DOMAIN "test-ui"

#include "config.h"

#include <check.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hw-application.h"
#include "hw-application-private.h"
#include "hw-case-item.h"
#include "hw-case-item-private.h"
#include "hw-caseload-page.h"
#include "hw-caseload-page-private.h"
#include "hw-child-page.h"
#include "hw-child-page-private.h"
#include "hw-service-demo.h"
#include "hw-print-dialogs.h"
#include "hw-print-dialogs-private.h"
#include "hw-error.h"
#include "hw-findings.h"
#include "hw-home-item.h"
#include "hw-homes-page.h"
#include "hw-homes-page-private.h"
#include "hw-identity.h"
#include "hw-store-audit.h"
#include "hw-store-private.h"
#include "hw-preferences-window.h"
#include "hw-preferences-window-private.h"
#include "hw-record-editor.h"
#include "hw-record-editor-private.h"
#include "hw-shortcuts.h"
#include "hw-shortcuts-private.h"
#include "hw-team-page.h"
#include "hw-team-page-private.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"
#include "hw-service-print.h"
#include "hw-print-operation.h"
#include "hw-caseload-private.h"
#include "hw-undo-private.h"
#include "hw-window-private.h"

static HwApplication *app;

/* ---- fixture ---- */

typedef struct {
  char      *dir;
  char      *path;
  HwStore   *store;
  HwWindow  *window;
  char      *team_north;
  char      *team_south;
  char      *kari;        /* caseworker, north */
  char      *per;         /* team leader, north */
  char      *lise;        /* caseworker, south */
  char      *home_id;
  char      *case_testa;  /* placed in the foster home, Kari's */
  char      *case_nils;
  char      *case_sara;
  char      *case_jonas;
} Fixture;

static Fixture fx;

static char *
add_named (HwStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;
  char *id = g_strdup (((HwRecord *) record)->id);

  hw_store_save (store, record, &error);
  ck_assert_no_error (error);
  hw_record_free (record);
  return id;
}

static char *
add_team (const char *name)
{
  HwTeam *t = hw_record_new (HW_ENTITY_TEAM);

  t->name = g_strdup (name);
  return add_named (fx.store, t);
}

static char *
add_staff (const char *name, HwStaffRole role, const char *team)
{
  HwStaff *s = hw_record_new (HW_ENTITY_STAFF);

  s->name = g_strdup (name);
  s->role = role;
  s->team_id = g_strdup (team);
  return add_named (fx.store, s);
}

static char *
add_case (const char *journal, const char *given, const char *family, const char *worker,
          const char *team, HwDate birth, int serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case (journal);
  HwCase *c = hw_dossier_case (d);
  HwChild *child = hw_dossier_child (d);

  g_free (child->given_name);
  child->given_name = g_strdup (given);
  g_free (child->family_name);
  child->family_name = g_strdup (family);
  if (birth)
    {
      child->birth_date = birth;
      g_free (child->fnr);
      child->fnr = hw_identity_make_synthetic (birth, serial);
    }
  c->caseworker_id = g_strdup (worker);
  c->team_id = g_strdup (team);
  hw_store_save_dossier (fx.store, d, &error);
  ck_assert_no_error (error);
  return g_strdup (c->rec.id);
}

static void
save (gpointer record)
{
  g_autoptr(GError) error = NULL;

  hw_store_save (fx.store, record, &error);
  ck_assert_no_error (error);
  hw_record_free (record);
}

static void
build_database (void)
{
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);
  HwHomeMember *anne = hw_record_new (HW_ENTITY_HOME_MEMBER);
  HwHomeMember *ola = hw_record_new (HW_ENTITY_HOME_MEMBER);
  HwHomeMember *sverre = hw_record_new (HW_ENTITY_HOME_MEMBER);
  HwHomeEvidence *cert = hw_record_new (HW_ENTITY_HOME_EVIDENCE);
  HwHomeEvidence *approval = hw_record_new (HW_ENTITY_HOME_EVIDENCE);
  HwDecision *order = hw_record_new (HW_ENTITY_DECISION);
  HwMeasure *placement = hw_record_new (HW_ENTITY_MEASURE);
  HwPerson *mother = hw_record_new (HW_ENTITY_PERSON);
  HwVisit *visit = hw_record_new (HW_ENTITY_VISIT);
  HwSamvaerAgreement *agreement = hw_record_new (HW_ENTITY_SAMVAER_AGREEMENT);
  char *anne_id = g_strdup (anne->rec.id);

  fx.team_north = add_team ("Team Nord");
  fx.team_south = add_team ("Team Sør");
  fx.kari = add_staff ("Kari Saksbehandler", HW_ROLE_CASEWORKER, fx.team_north);
  fx.per = add_staff ("Per Leder", HW_ROLE_TEAM_LEADER, fx.team_north);
  fx.lise = add_staff ("Lise Annen", HW_ROLE_CASEWORKER, fx.team_south);

  home->name = g_strdup ("Familien Berg");
  home->kind = HW_HOME_KINSHIP;
  home->municipality = g_strdup ("5001");
  fx.home_id = add_named (fx.store, home);
  anne->home_id = g_strdup (fx.home_id);
  anne->name = g_strdup ("Anne Berg");
  anne->role = HW_MEMBER_FOSTER_PARENT;
  save (anne);
  ola->home_id = g_strdup (fx.home_id);
  ola->name = g_strdup ("Ola Berg");
  ola->role = HW_MEMBER_FOSTER_PARENT;
  save (ola);
  sverre->home_id = g_strdup (fx.home_id);
  sverre->name = g_strdup ("Sverre Berg");
  sverre->role = HW_MEMBER_HOUSEHOLD;
  sverre->birth_date = hw_date_new (2005, 6, 1);
  save (sverre);
  cert->home_id = g_strdup (fx.home_id);
  cert->member_id = anne_id;
  cert->kind = HW_EVIDENCE_POLICE_CERTIFICATE;
  cert->date = hw_date_new (2024, 1, 10);
  save (cert);
  approval->home_id = g_strdup (fx.home_id);
  approval->kind = HW_EVIDENCE_APPROVAL_PRELIMINARY;
  approval->date = hw_date_new (2024, 1, 18);
  save (approval);

  fx.case_testa = add_case ("2024-00001", "Testa", "Testesen", fx.kari, fx.team_north, 0, 0);
  fx.case_nils = add_case ("2024-00002", "Nils", "Nordmann", fx.kari, fx.team_north,
                           hw_date_new (2012, 5, 2), 23);
  fx.case_sara = add_case ("2023-00003", "Sara", "Sørby", fx.lise, fx.team_south,
                           hw_date_new (2010, 9, 30), 31);
  fx.case_jonas = add_case ("2022-00004", "Jonas", "Fjell", fx.per, fx.team_north,
                            hw_date_new (2016, 1, 11), 47);

  order->case_id = g_strdup (fx.case_testa);
  order->decided_by = HW_DECIDER_TRIBUNAL;
  order->basis.law = g_strdup ("BVL2021");
  order->basis.chapter = g_strdup ("5");
  order->basis.section = g_strdup ("1");
  order->start_date = hw_date_new (2024, 1, 15);
  order->min_samvaer = g_strdup ("fire ganger i året");
  order->min_samvaer_per_year = 4;
  save (order);
  placement->case_id = g_strdup (fx.case_testa);
  placement->basis.law = g_strdup ("BVL2021");
  placement->basis.chapter = g_strdup ("5");
  placement->basis.section = g_strdup ("1");
  placement->category = g_strdup ("2.1");
  placement->start_date = hw_date_new (2024, 1, 20);
  placement->home_id = g_strdup (fx.home_id);
  save (placement);
  mother->case_id = g_strdup (fx.case_testa);
  mother->name = g_strdup ("Mona Testesen");
  mother->relation = HW_RELATION_MOTHER;
  mother->parental_responsibility = TRUE;
  agreement->person_id = g_strdup (mother->rec.id);
  save (mother);
  visit->case_id = g_strdup (fx.case_testa);
  visit->kind = HW_VISIT_FOLLOWUP;
  visit->date = hw_date_new (2024, 2, 1);
  visit->in_person = TRUE;
  visit->notes = g_strdup ("Første besøk");
  save (visit);
  agreement->case_id = g_strdup (fx.case_testa);
  agreement->rrule = g_strdup ("FREQ=MONTHLY;INTERVAL=3");
  agreement->valid_from = hw_date_new (2024, 2, 1);
  agreement->supervised = TRUE;
  save (agreement);
}

/* ---- driving the main loop ---- */




static gboolean
caseload_ready (gpointer data)
{
  HwCaseload *caseload = hw_window_get_caseload (fx.window);

  return hw_caseload_get_rows_loaded (caseload) && hw_caseload_get_findings_loaded (caseload);
}


static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  fx.dir = hw_test_make_tmpdir ();
  fx.path = g_build_filename (fx.dir, "ui.db", NULL);
  fx.store = hw_store_open (fx.path, &error);
  ck_assert_no_error (error);
  hw_store_set_actor (fx.store, "ui-test");
  build_database ();

  g_settings_reset (hw_application_get_settings (app), "user-staff-id");
  g_settings_reset (hw_application_get_settings (app), "user-team-id");
  g_settings_reset (hw_application_get_settings (app), "caseload-scope");
  g_settings_reset (hw_application_get_settings (app), "overdue-only");

  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));
  ck_assert_msg (hw_ui_test_wait_for (caseload_ready, NULL, 20000), "the caseload did not load");
  hw_ui_test_spin (100);
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
  g_clear_pointer (&fx.path, g_free);
  g_free (fx.team_north);
  g_free (fx.team_south);
  g_free (fx.kari);
  g_free (fx.per);
  g_free (fx.lise);
  g_free (fx.home_id);
  g_free (fx.case_testa);
  g_free (fx.case_nils);
  g_free (fx.case_sara);
  g_free (fx.case_jonas);
  memset (&fx, 0, sizeof fx);
}

/* ---- screenshots ---- */


/* ---- helpers to read what widgets show ---- */

static HwCaseloadPage *
caseload_page (void)
{
  return HW_CASELOAD_PAGE (hw_window_get_page (fx.window, "caseload"));
}

static HwChildPage *
child_page (void)
{
  return HW_CHILD_PAGE (hw_window_get_page (fx.window, "child"));
}

static guint
n_visible_cases (void)
{
  return g_list_model_get_n_items (hw_caseload_page_get_visible_model (caseload_page ()));
}

static const char *
visible_case_name (guint i)
{
  g_autoptr(HwCaseItem) item = g_list_model_get_item (
    hw_caseload_page_get_visible_model (caseload_page ()), i);

  return item ? hw_case_item_get_child_name (item) : NULL;
}

static gboolean
n_visible_is (gpointer data)
{
  return n_visible_cases () == GPOINTER_TO_UINT (data);
}

static gboolean
state_is (gpointer data)
{
  return g_strcmp0 (hw_caseload_page_get_state (caseload_page ()), data) == 0;
}


/* The record rows of a group in the child page (named after the entity's table). */
static guint
count_rows_in_group (const char *group_name)
{
  GtkWidget *group = hw_ui_test_find_descendant (GTK_WIDGET (child_page ()), ADW_TYPE_PREFERENCES_GROUP,
                                      group_name);
  guint n = 0;
  GtkWidget *list;

  ck_assert_msg (group != NULL, "no group %s", group_name);
  list = hw_ui_test_find_descendant (group, GTK_TYPE_LIST_BOX, NULL);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) && g_object_get_data (G_OBJECT (c), "record-id"))
      n++;
  return n;
}

static void
open_case_by_search (const char *text)
{
  GtkWidget *entry = hw_ui_test_find_descendant (GTK_WIDGET (caseload_page ()), GTK_TYPE_SEARCH_ENTRY,
                                      NULL);

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.search", NULL);
  hw_caseload_page_set_search_text (caseload_page (), text);
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
  /* Enter in the search field opens the first match. */
  g_signal_emit_by_name (entry, "activate");
  hw_ui_test_spin (100);
}

static HwRecordEditor *
find_editor (void)
{
  HwRecordEditor *editor = NULL;
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (HW_IS_RECORD_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      editor = l->data;
  g_list_free (windows);
  return editor;
}

static void
type_into (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Enter in a text row: the inner GtkText activates the form's default button. */
static void
press_enter_in (GtkWidget *row)
{
  GtkEditable *editable = GTK_EDITABLE (row);
  GtkWidget *text;

  while (gtk_editable_get_delegate (editable))
    editable = gtk_editable_get_delegate (editable);
  text = GTK_WIDGET (editable);

  ck_assert_ptr_nonnull (text);
  /* What GtkText's Enter key binding emits. */
  g_signal_emit_by_name (text, "activate");
  hw_ui_test_spin (100);
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

/* ---- tests ---- */

START_TEST (test_caseload_search)
{
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (4), 5000));
  ck_assert_str_eq (hw_caseload_page_get_state (caseload_page ()), "list");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "caseload");

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.search", NULL);
  hw_caseload_page_set_search_text (caseload_page (), "nordmann");
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
  ck_assert_str_eq (visible_case_name (0), "Nils Nordmann");

  hw_caseload_page_set_search_text (caseload_page (), "2023-00003");
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
  ck_assert_str_eq (visible_case_name (0), "Sara Sørby");

  {
    g_autofree char *fnr = hw_identity_make_synthetic (hw_date_new (2016, 1, 11), 47);
    hw_caseload_page_set_search_text (caseload_page (), fnr);
    ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
    ck_assert_str_eq (visible_case_name (0), "Jonas Fjell");
  }

  hw_caseload_page_set_search_text (caseload_page (), "zzzz");
  ck_assert (hw_ui_test_wait_for (state_is, "no-match", 5000));
  ck_assert_uint_eq (n_visible_cases (), 0);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "caseload-no-match");

  hw_caseload_page_set_search_text (caseload_page (), "");
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (4), 5000));
}
END_TEST

START_TEST (test_caseload_scope)
{
  GSettings *settings = hw_application_get_settings (app);

  g_settings_set_string (settings, "user-staff-id", fx.kari);
  g_settings_set_string (settings, "user-team-id", fx.team_north);
  hw_caseload_page_refilter (caseload_page ());

  hw_caseload_page_set_scope (caseload_page (), HW_SCOPE_MINE);
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (2), 5000));
  hw_caseload_page_set_scope (caseload_page (), HW_SCOPE_TEAM);
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (3), 5000));
  hw_caseload_page_set_scope (caseload_page (), HW_SCOPE_ALL);
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (4), 5000));
  /* The filter is remembered. */
  hw_caseload_page_set_scope (caseload_page (), HW_SCOPE_TEAM);
  ck_assert_int_eq (g_settings_get_enum (settings, "caseload-scope"), HW_SCOPE_TEAM);
}
END_TEST

START_TEST (test_open_child)
{
  g_autofree char *facts = NULL;

  open_case_by_search ("Testesen");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_testa);
  ck_assert_str_eq (hw_child_page_get_title (child_page ()), "Testa Testesen");
  facts = g_strdup (hw_child_page_get_facts (child_page ()));
  ck_assert_msg (strstr (facts, "Kari Saksbehandler") != NULL, "facts: %s", facts);
  ck_assert_msg (strstr (facts, "§ 5-1") != NULL, "facts: %s", facts);
  ck_assert_msg (strstr (facts, "born 14.03.2015") != NULL, "facts: %s", facts);
  ck_assert_uint_eq (count_rows_in_group ("visit"), 1);
  ck_assert_uint_eq (count_rows_in_group ("person"), 1);
  ck_assert_uint_eq (count_rows_in_group ("home_member"), 3);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "child-overview");
  hw_child_page_show_tab (child_page (), "placement");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "child-placement");
  hw_child_page_show_tab (child_page (), "samvaer");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "child-samvaer");

  /* Back to the caseload with the back action (Alt+←). */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.back", NULL);
  hw_ui_test_spin (50);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
}
END_TEST

static gboolean
has_visit_today (gpointer data)
{
  const HwDossier *d = hw_child_page_get_dossier (child_page ());
  GPtrArray *visits = hw_dossier_get (d, HW_ENTITY_VISIT);

  for (guint i = 0; i < visits->len; i++)
    if (((HwVisit *) visits->pdata[i])->date == hw_application_get_today ())
      return TRUE;
  return FALSE;
}

START_TEST (test_log_visit)
{
  HwRecordEditor *editor;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(HwDossier) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *date_row;
  g_autofree char *today = hw_date_dup_display (hw_application_get_today ());
  guint overdue_before;

  open_case_by_search ("Testesen");
  before = hw_child_page_dup_finding_rules (child_page ());
  overdue_before = hw_case_item_get_n_overdue (hw_caseload_find (hw_window_get_caseload (fx.window),
                                                                 fx.case_testa));
  if (hw_findings_available ())
    /* The last follow-up visit was on 01.02.2024: the next one is long overdue. */
    {
      g_auto(GStrv) deviations = hw_child_page_dup_deviation_rules (child_page ());

      ck_assert_msg (g_strv_contains ((const char *const *) before, "FOLLOWUP_VISIT"),
                     "no FOLLOWUP_VISIT finding before the visit");
      /* rules.md v2: the years without enough visits are deviations (history), not duties. */
      ck_assert (g_strv_contains ((const char *const *) deviations, "FOLLOWUP_VISITS_YEAR"));
      ck_assert (!g_strv_contains ((const char *const *) before, "FOLLOWUP_VISITS_YEAR"));
    }

  /* Ctrl+L from the child's record. */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.log-visit", NULL);
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  date_row = hw_record_editor_get_row (editor, "date");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (date_row)), today);
  ck_assert_ptr_nonnull (hw_record_editor_get_row (editor, "child_alone"));
  ck_assert_ptr_null (hw_record_editor_get_row (editor, "staff_id"));
  type_into (hw_record_editor_get_row (editor, "notes"), "Snakket med Testa alene");
  gtk_switch_set_active (GTK_SWITCH (hw_ui_test_find_descendant (hw_record_editor_get_row (editor,
                                                                                 "child_alone"),
                                                      GTK_TYPE_SWITCH, NULL)), TRUE);
  hw_ui_test_screenshot (GTK_WIDGET (editor), "log-visit");
  press_enter_in (hw_record_editor_get_row (editor, "notes"));

  ck_assert_msg (hw_ui_test_wait_for (editor_gone, NULL, 5000), "the form stayed open: %s",
                 hw_record_editor_get_error (editor));
  ck_assert (hw_ui_test_wait_for (has_visit_today, NULL, 5000));
  ck_assert_uint_eq (count_rows_in_group ("visit"), 2);

  stored = hw_store_load_case (fx.store, fx.case_testa, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_VISIT)->len, 2);

  /* What the visit clears disappears at once: the child's findings were evaluated again. */
  after = hw_child_page_dup_finding_rules (child_page ());
  ck_assert_uint_lt (g_strv_length (after), g_strv_length (before) + (hw_findings_available () ? 0 : 1));
  ck_assert (!g_strv_contains ((const char *const *) after, "FOLLOWUP_VISIT"));
  /* …and in the caseload's overdue count. */
  if (hw_findings_available ())
    ck_assert_uint_lt (hw_case_item_get_n_overdue (hw_caseload_find (
                         hw_window_get_caseload (fx.window), fx.case_testa)), overdue_before);
  hw_child_page_show_tab (child_page (), "visits");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "child-visits");
}
END_TEST

START_TEST (test_refused_save_keeps_input)
{
  HwRecordEditor *editor;
  GtkWidget *date_row, *notes_row;

  open_case_by_search ("Testesen");
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.log-visit", NULL);
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  date_row = hw_record_editor_get_row (editor, "date");
  notes_row = hw_record_editor_get_row (editor, "notes");
  type_into (notes_row, "Viktig notat");

  /* Not a date: the form says so, names the field, and keeps everything. */
  type_into (date_row, "31.02.2026");
  press_enter_in (notes_row);
  ck_assert_ptr_eq (find_editor (), editor);
  ck_assert_ptr_nonnull (hw_record_editor_get_error (editor));
  ck_assert_msg (g_str_has_prefix (hw_record_editor_get_error (editor), "Date"), "%s",
                 hw_record_editor_get_error (editor));
  ck_assert (gtk_widget_has_css_class (date_row, "error"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (notes_row)), "Viktig notat");

  /* Before the child was born: the store refuses, the form names the field. */
  type_into (date_row, "01.01.2010");
  press_enter_in (notes_row);
  ck_assert_ptr_eq (find_editor (), editor);
  ck_assert_msg (strstr (hw_record_editor_get_error (editor), "birth") != NULL, "%s",
                 hw_record_editor_get_error (editor));
  ck_assert (gtk_widget_has_css_class (date_row, "error"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (notes_row)), "Viktig notat");
  hw_ui_test_screenshot (GTK_WIDGET (editor), "log-visit-refused");

  /* Fixed, it saves. */
  type_into (date_row, "02.03.2024");
  press_enter_in (notes_row);
  ck_assert (hw_ui_test_wait_for (editor_gone, NULL, 5000));
  ck_assert_uint_eq (count_rows_in_group ("visit"), 2);
}
END_TEST

static GtkWidget *
first_delete_button (const char *group_name)
{
  GtkWidget *group = hw_ui_test_find_descendant (GTK_WIDGET (child_page ()), ADW_TYPE_PREFERENCES_GROUP,
                                      group_name);
  GtkWidget *list = hw_ui_test_find_descendant (group, GTK_TYPE_LIST_BOX, NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) && g_object_get_data (G_OBJECT (c), "record-id"))
      {
        GtkWidget *b = hw_ui_test_find_descendant (c, GTK_TYPE_BUTTON, NULL);
        if (b)
          return b;
      }
  return NULL;
}

START_TEST (test_delete_undo)
{
  GtkWidget *button;
  g_autoptr(HwDossier) stored = NULL;

  open_case_by_search ("Testesen");
  hw_child_page_show_tab (child_page (), "parents");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("person"), 1);
  button = first_delete_button ("person");
  ck_assert_ptr_nonnull (button);
  /* The mother has a samvær agreement: deleting her takes it with her (cascade). */
  g_signal_emit_by_name (button, "clicked");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("person"), 0);
  ck_assert_uint_eq (count_rows_in_group ("samvaer_agreement"), 0);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "undo-toast");

  /* The toast's Undo button. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo-delete", NULL));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("person"), 1);
  ck_assert_uint_eq (count_rows_in_group ("samvaer_agreement"), 1);
  stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_PERSON)->len, 1);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_SAMVAER_AGREEMENT)->len, 1);
  ck_assert_str_eq (((HwSamvaerAgreement *)
                     hw_dossier_get (stored, HW_ENTITY_SAMVAER_AGREEMENT)->pdata[0])->person_id,
                    ((HwPerson *) hw_dossier_get (stored, HW_ENTITY_PERSON)->pdata[0])->rec.id);
}
END_TEST

/* A visit is found only under its case (it has no index on its id alone): deleting it from the
 * child's record, and the undo, go through the case. */
START_TEST (test_delete_visit_undo)
{
  GtkWidget *button;
  g_autoptr(HwDossier) stored = NULL;
  guint before;

  open_case_by_search ("Testesen");
  hw_child_page_show_tab (child_page (), "visits");
  hw_ui_test_spin (100);
  before = count_rows_in_group ("visit");
  ck_assert_uint_ge (before, 1);
  button = first_delete_button ("visit");
  ck_assert_ptr_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("visit"), before - 1);
  stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_VISIT)->len, before - 1);
  g_clear_pointer (&stored, hw_dossier_free);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo-delete", NULL));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("visit"), before);
  stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_VISIT)->len, before);
}
END_TEST

static gint64
stored_row_version (const char *table, const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  ck_assert_int_eq (sqlite3_prepare_v2 (hw_store_get_handle (fx.store), sql, -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* Deleting a placement from the child's record is one store operation: its visit frequency
 * goes with it, a visit that names it keeps its row without it; the toast's Undo (the
 * window's one undo helper) puts all of it back in one operation, with row versions that move
 * on and "restore" in the audit trail. */
START_TEST (test_delete_placement_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  HwMeasure *placement = hw_dossier_get (stored, HW_ENTITY_MEASURE)->pdata[0];
  g_autofree char *placement_id = g_strdup (placement->rec.id);
  HwFrequency *f = hw_record_new (HW_ENTITY_FREQUENCY);
  HwVisit *v = hw_record_new (HW_ENTITY_VISIT);
  g_autofree char *visit_id = g_strdup (v->rec.id);
  g_autoptr(GPtrArray) audit = NULL;
  GtkWidget *button;
  gint64 placement_v, visit_v;
  guint restores = 0;

  f->case_id = g_strdup (fx.case_testa);
  f->measure_id = g_strdup (placement_id);
  f->per_year = 4;
  f->start_date = hw_date_new (2024, 1, 20);
  save (f);
  v->case_id = g_strdup (fx.case_testa);
  v->measure_id = g_strdup (placement_id);
  v->date = hw_date_new (2024, 3, 1);
  v->notes = g_strdup ("Besøk i fosterhjemmet");
  save (v);
  placement_v = stored_row_version ("measure", placement_id);
  visit_v = stored_row_version ("visit", visit_id);

  open_case_by_search ("Testesen");
  hw_child_page_show_tab (child_page (), "placement");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("measure"), 1);
  ck_assert_uint_eq (count_rows_in_group ("frequency"), 1);
  button = first_delete_button ("measure");
  ck_assert_ptr_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("measure"), 0);
  ck_assert_uint_eq (count_rows_in_group ("frequency"), 0);
  g_clear_pointer (&stored, hw_dossier_free);
  stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_VISIT)->len, 2);
  ck_assert_ptr_null (((HwVisit *) hw_dossier_find (stored, HW_ENTITY_VISIT,
                                                    visit_id))->measure_id);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo-delete", NULL));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (count_rows_in_group ("measure"), 1);
  ck_assert_uint_eq (count_rows_in_group ("frequency"), 1);
  g_clear_pointer (&stored, hw_dossier_free);
  stored = hw_store_load_case (fx.store, fx.case_testa, NULL);
  ck_assert_str_eq (((HwVisit *) hw_dossier_find (stored, HW_ENTITY_VISIT,
                                                  visit_id))->measure_id, placement_id);
  /* No version number is issued twice: a copy of the placement read before the delete cannot
   * overwrite the restored one unnoticed. */
  ck_assert_int_eq (stored_row_version ("measure", placement_id), placement_v + 1);
  ck_assert_int_eq (stored_row_version ("visit", visit_id), visit_v + 2);
  audit = hw_store_audit_list (fx.store, fx.case_testa, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    restores += g_strcmp0 (((HwAuditEntry *) audit->pdata[i])->action, "restore") == 0;
  ck_assert_uint_eq (restores, 3);   /* the placement, its frequency, the visit's reference */
  /* Nothing left to undo. */
  ck_assert (!hw_undo_is_pending (hw_window_get_undo (fx.window)));
}
END_TEST

static gboolean
team_lists (gpointer data)
{
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_page (fx.window, "team"));

  return g_list_model_get_n_items (hw_team_page_get_model (team)) == GPOINTER_TO_UINT (data);
}

START_TEST (test_team_reassign)
{
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_page (fx.window, "team"));
  GListModel *model = hw_team_page_get_model (team);
  g_autoptr(GError) error = NULL;
  guint n;
  HwCase *c;

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "team");
  hw_team_page_set_only_due (team, FALSE);
  ck_assert (hw_ui_test_wait_for (team_lists, GUINT_TO_POINTER (4), 5000));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "team");

  /* Select Kari's two cases and give them to Lise. */
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hw_case_item_get_row (item)->caseworker_id, fx.kari) == 0)
        gtk_selection_model_select_item (hw_team_page_get_selection (team), i, FALSE);
    }
  /* The Reassign… button opens a dialog with the staff; choose Lise and confirm. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (team), "team.reassign", NULL));
  hw_ui_test_spin (100);
  {
    GList *windows = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;
    GtkDropDown *dropdown;
    GListModel *names;

    for (GList *l = windows; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_list_free (windows);
    ck_assert_ptr_nonnull (dialog);
    hw_ui_test_screenshot (GTK_WIDGET (dialog), "team-reassign");
    dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
    names = gtk_drop_down_get_model (dropdown);
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

        if (g_str_equal (gtk_string_object_get_string (name), "Lise Annen"))
          gtk_drop_down_set_selected (dropdown, i);
      }
    adw_message_dialog_response (dialog, "reassign");
    hw_ui_test_spin (100);
  }

  c = hw_store_load (fx.store, HW_ENTITY_CASE, fx.case_nils, &error);
  ck_assert_str_eq (c->caseworker_id, fx.lise);
  ck_assert_str_eq (c->team_id, fx.team_south);
  hw_record_free (c);
  ck_assert_str_eq (hw_case_item_get_caseworker (hw_caseload_find (
                      hw_window_get_caseload (fx.window), fx.case_testa)), "Lise Annen");
}
END_TEST

START_TEST (test_team_approve_samvaer)
{
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_page (fx.window, "team"));
  GPtrArray *pending = hw_caseload_get_pending_agreements (hw_window_get_caseload (fx.window));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HwSamvaerAgreement *a;

  ck_assert_uint_eq (pending->len, 1);
  id = g_strdup (((HwSamvaerAgreement *) pending->pdata[0])->rec.id);
  /* Without knowing who the user is, approving is refused with a reason. */
  ck_assert (!hw_team_page_approve_agreement (team, id, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);

  g_settings_set_string (hw_application_get_settings (app), "user-staff-id", fx.per);
  ck_assert (hw_team_page_approve_agreement (team, id, &error));
  ck_assert_no_error (error);
  a = hw_store_load (fx.store, HW_ENTITY_SAMVAER_AGREEMENT, id, &error);
  ck_assert_str_eq (a->approved_by, fx.per);
  ck_assert_uint_eq (a->approved_date, hw_application_get_today ());
  hw_record_free (a);
  ck_assert_uint_eq (hw_caseload_get_pending_agreements (hw_window_get_caseload (fx.window))->len,
                     0);
}
END_TEST

START_TEST (test_homes_matrix)
{
  HwHomesPage *homes = HW_HOMES_PAGE (hw_window_get_page (fx.window, "homes"));
  GListModel *model = hw_homes_page_get_model (homes);
  g_autoptr(HwHomeItem) item = NULL;
  g_autofree char *children = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "homes");
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  item = g_list_model_get_item (model, 0);
  ck_assert_str_eq (hw_home_item_get_name (item), "Familien Berg");
  ck_assert_str_eq (hw_home_item_get_doc_text (item, HW_HOME_DOC_APPROVAL),
                    "18.01.2024 (preliminary)");
  ck_assert_str_eq (hw_home_item_get_doc_text (item, HW_HOME_DOC_CONTRACT), "Missing");
  ck_assert (!hw_home_item_get_doc_ok (item, HW_HOME_DOC_CONTRACT));
  ck_assert_str_eq (hw_home_item_get_doc_text (item, HW_HOME_DOC_POLICE), "1 of 2");
  ck_assert_str_eq (hw_home_item_get_doc_text (item, HW_HOME_DOC_HOUSEHOLD), "0 of 1");
  g_object_get (item, "children", &children, NULL);
  ck_assert_str_eq (children, "Testa Testesen");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "foster-homes");
}
END_TEST

/* ---- the foster home's own record ---- */

static HwHomesPage *
homes_page (void)
{
  return HW_HOMES_PAGE (hw_window_get_page (fx.window, "homes"));
}

static GtkWidget *
find_action_button (GtkWidget *root, const char *action_name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action_name) == 0)
        return c;
      if ((found = find_action_button (c, action_name)))
        return found;
    }
  return NULL;
}

/* A button by its label, like the toast's "_Undo". */
static GtkWidget *
find_labelled_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_labelled_button (c, label)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_containing (GtkWidget *root, const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) &&
          strstr (gtk_label_get_text (GTK_LABEL (c)), text) != NULL)
        return c;
      if ((found = find_label_containing (c, text)))
        return found;
    }
  return NULL;
}

static GtkSingleSelection *
homes_selection (void)
{
  GtkWidget *view = hw_ui_test_find_descendant (GTK_WIDGET (homes_page ()), GTK_TYPE_COLUMN_VIEW, NULL);

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
}

/* The position of the home called @name in the list, or -1. */
static int
home_position (const char *name)
{
  GListModel *model = hw_homes_page_get_model (homes_page ());

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HwHomeItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hw_home_item_get_name (item), name) == 0)
        return (int) i;
    }
  return -1;
}

static const char *
selected_home_name (void)
{
  HwHomeItem *item = gtk_single_selection_get_selected_item (homes_selection ());

  return item ? hw_home_item_get_name (item) : NULL;
}

static HwFosterHome *
stored_home_named (const char *name)
{
  g_autoptr(GPtrArray) homes = hw_store_list (fx.store, HW_ENTITY_FOSTER_HOME, NULL);

  for (guint i = 0; homes && i < homes->len; i++)
    if (g_strcmp0 (((HwFosterHome *) homes->pdata[i])->name, name) == 0)
      return hw_record_copy (homes->pdata[i]);
  return NULL;
}

/* What the Delete key in the list of homes does: its shortcut's action, from the list. */
static void
press_delete_in_homes_list (void)
{
  GtkWidget *view = hw_ui_test_find_descendant (GTK_WIDGET (homes_page ()), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Delete|KP_Delete"))
            {
              ck_assert (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                                       NULL));
              pressed = TRUE;
            }
        }
    }
  ck_assert_msg (pressed, "no Delete shortcut in the list of homes");
}

static gboolean
undo_button_shown (gpointer data)
{
  return find_labelled_button (GTK_WIDGET (fx.window), "_Undo") != NULL;
}

START_TEST (test_homes_edit)
{
  HwHomesPage *page = homes_page ();
  GListModel *model = hw_homes_page_get_model (page);
  HwRecordEditor *editor;
  GtkWidget *name_row;
  HwFosterHome *stored;
  g_autofree char *id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "homes");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  /* Nothing selected: nothing to edit or delete yet. */
  ck_assert (!gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page), "homes.edit")));
  ck_assert (!gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page), "homes.delete")));

  /* New Foster Home opens the record editor for a foster home. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (page), "homes.new"), "clicked");
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  name_row = hw_record_editor_get_row (editor, "name");
  ck_assert_ptr_nonnull (name_row);
  ck_assert_ptr_nonnull (hw_record_editor_get_row (editor, "kind"));
  ck_assert_ptr_nonnull (hw_record_editor_get_row (editor, "municipality"));
  ck_assert_ptr_nonnull (hw_record_editor_get_row (editor, "address"));
  ck_assert_ptr_nonnull (hw_record_editor_get_row (editor, "protected_address"));

  /* Without a name: refused, the form names the field and keeps what was typed. */
  type_into (hw_record_editor_get_row (editor, "municipality"), "0301");
  press_enter_in (hw_record_editor_get_row (editor, "municipality"));
  ck_assert_ptr_eq (find_editor (), editor);
  ck_assert_msg (g_str_has_prefix (hw_record_editor_get_error (editor), "Name"), "%s",
                 hw_record_editor_get_error (editor));
  ck_assert (gtk_widget_has_css_class (name_row, "error"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (
                      hw_record_editor_get_row (editor, "municipality"))), "0301");
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  hw_ui_test_screenshot (GTK_WIDGET (editor), "foster-home-new-refused");

  /* Named, it saves: the list shows it at once, selected. */
  type_into (name_row, "Familien Dahl");
  adw_combo_row_set_selected (ADW_COMBO_ROW (hw_record_editor_get_row (editor, "kind")),
                              HW_HOME_EMERGENCY);
  press_enter_in (name_row);
  ck_assert_msg (hw_ui_test_wait_for (editor_gone, NULL, 5000), "the form stayed open: %s",
                 hw_record_editor_get_error (editor));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 2);
  ck_assert_int_ge (home_position ("Familien Dahl"), 0);
  ck_assert_str_eq (selected_home_name (), "Familien Dahl");
  stored = stored_home_named ("Familien Dahl");
  ck_assert_ptr_nonnull (stored);
  ck_assert_int_eq (stored->kind, HW_HOME_EMERGENCY);
  ck_assert_str_eq (stored->municipality, "0301");
  id = g_strdup (stored->rec.id);
  hw_record_free (stored);
  ck_assert (gtk_widget_get_sensitive (find_action_button (GTK_WIDGET (page), "homes.edit")));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "foster-homes-new");

  /* Edit: a new name shows in the list as soon as it is saved. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "homes.edit", NULL));
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  name_row = hw_record_editor_get_row (editor, "name");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Familien Dahl");
  type_into (name_row, "Familien Dahl & Hansen");
  hw_ui_test_screenshot (GTK_WIDGET (editor), "foster-home-edit");
  press_enter_in (name_row);
  ck_assert (hw_ui_test_wait_for (editor_gone, NULL, 5000));
  ck_assert_uint_eq (g_list_model_get_n_items (model), 2);
  ck_assert_int_eq (home_position ("Familien Dahl"), -1);
  ck_assert_int_ge (home_position ("Familien Dahl & Hansen"), 0);
  ck_assert_str_eq (selected_home_name (), "Familien Dahl & Hansen");
  stored = hw_store_load (fx.store, HW_ENTITY_FOSTER_HOME, id, NULL);
  ck_assert_str_eq (stored->name, "Familien Dahl & Hansen");
  ck_assert_int_eq (stored->kind, HW_HOME_EMERGENCY);
  hw_record_free (stored);

  /* Delete, then the toast's Undo. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "homes.delete", NULL));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 1);
  ck_assert_int_eq (home_position ("Familien Dahl & Hansen"), -1);
  ck_assert_ptr_null (selected_home_name ());
  {
    g_autoptr(GError) error = NULL;

    ck_assert_ptr_null (hw_store_load (fx.store, HW_ENTITY_FOSTER_HOME, id, &error));
    ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
  }
  ck_assert (hw_ui_test_wait_for (undo_button_shown, NULL, 5000));
  /* The name is shown as typed, not read as markup. */
  ck_assert_ptr_nonnull (find_label_containing (GTK_WIDGET (fx.window),
                                                "“Familien Dahl & Hansen” deleted"));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "foster-homes-undo");
  g_signal_emit_by_name (find_labelled_button (GTK_WIDGET (fx.window), "_Undo"), "clicked");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 2);
  ck_assert_str_eq (selected_home_name (), "Familien Dahl & Hansen");
  stored = hw_store_load (fx.store, HW_ENTITY_FOSTER_HOME, id, NULL);
  ck_assert_ptr_nonnull (stored);
  ck_assert_str_eq (stored->name, "Familien Dahl & Hansen");
  hw_record_free (stored);

  /* A home children have lived in is not deleted: a toast says why, nothing changes. This
   * time with the Delete key of the list. */
  gtk_single_selection_set_selected (homes_selection (), home_position ("Familien Berg"));
  press_delete_in_homes_list ();
  hw_ui_test_spin (100);
  ck_assert_uint_eq (g_list_model_get_n_items (model), 2);
  ck_assert_str_eq (selected_home_name (), "Familien Berg");
  ck_assert_ptr_nonnull (find_label_containing (GTK_WIDGET (fx.window), "was not deleted"));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "foster-homes-refused");
  {
    g_autoptr(HwDossier) home = hw_store_load_home (fx.store, fx.home_id, NULL);
    g_autoptr(HwDossier) testa = hw_store_load_case (fx.store, fx.case_testa, NULL);
    GPtrArray *measures = hw_dossier_get (testa, HW_ENTITY_MEASURE);

    ck_assert_ptr_nonnull (home);
    ck_assert_uint_eq (hw_dossier_get (home, HW_ENTITY_HOME_MEMBER)->len, 3);
    ck_assert_uint_eq (measures->len, 1);
    ck_assert_str_eq (((HwMeasure *) measures->pdata[0])->home_id, fx.home_id);
  }
}
END_TEST

START_TEST (test_preferences)
{
  HwPreferencesWindow *prefs;
  GSettings *settings = hw_application_get_settings (app);
  g_autofree char *name = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "app.preferences", NULL);
  hw_window_show_preferences (fx.window);
  hw_ui_test_spin (100);
  {
    GList *windows = gtk_window_list_toplevels ();
    prefs = NULL;
    for (GList *l = windows; l; l = l->next)
      if (HW_IS_PREFERENCES_WINDOW (l->data))
        prefs = l->data;
    g_list_free (windows);
  }
  ck_assert_ptr_nonnull (prefs);
  hw_preferences_window_set_staff (prefs, fx.per);
  hw_ui_test_spin (50);
  name = g_settings_get_string (settings, "user-name");
  ck_assert_str_eq (name, "Per Leder");
  ck_assert_int_eq (g_settings_get_enum (settings, "user-role"), HW_ROLE_TEAM_LEADER);
  {
    g_autofree char *team = g_settings_get_string (settings, "user-team-id");
    ck_assert_str_eq (team, fx.team_north);
  }
  ck_assert_str_eq (hw_store_get_actor (fx.store), "Per Leder");
  hw_ui_test_screenshot (GTK_WIDGET (prefs), "preferences");

  /* The municipal rule settings: stored in the database, checked by the rule engine. */
  if (hw_findings_available ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      GtkWidget *page = NULL;

      ck_assert (hw_preferences_window_set_rule (prefs, "due_soon_days", "45", &error));
      ck_assert_no_error (error);
      stored = hw_store_dup_setting (fx.store, "due_soon_days");
      ck_assert_str_eq (stored, "45");
      ck_assert (!hw_preferences_window_set_rule (prefs, "due_soon_days", "-3", &error));
      ck_assert_ptr_nonnull (error);
      g_clear_error (&error);
      /* Back to the default: the override is removed. */
      ck_assert (hw_preferences_window_set_rule (prefs, "due_soon_days", "30", &error));
      g_clear_pointer (&stored, g_free);
      stored = hw_store_dup_setting (fx.store, "due_soon_days");
      ck_assert_ptr_null (stored);

      for (GtkWidget *w = hw_ui_test_find_descendant (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE, NULL);
           w; w = gtk_widget_get_next_sibling (w))
        if (ADW_IS_PREFERENCES_PAGE (w) &&
            g_strcmp0 (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (w)), "Rules") == 0)
          page = w;
      ck_assert_ptr_nonnull (page);
      ck_assert_ptr_nonnull (hw_ui_test_find_descendant (page, ADW_TYPE_ACTION_ROW, "care_plan_days"));
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                               ADW_PREFERENCES_PAGE (page));
      hw_ui_test_screenshot (GTK_WIDGET (prefs), "preferences-rules");
    }

  /* "My cases" now means Per's. */
  hw_caseload_page_set_scope (caseload_page (), HW_SCOPE_MINE);
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
  ck_assert_str_eq (visible_case_name (0), "Jonas Fjell");
  gtk_window_destroy (GTK_WINDOW (prefs));
}
END_TEST

/* The accelerator the shortcuts window gives for @title, or NULL. */
static char *
dup_shortcut_accelerator (GtkWidget *root, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      char *found = NULL;

      if (GTK_IS_SHORTCUTS_SHORTCUT (c))
        {
          g_autofree char *shown = NULL;

          g_object_get (c, "title", &shown, NULL);
          if (g_strcmp0 (shown, title) == 0)
            {
              g_object_get (c, "accelerator", &found, NULL);
              return found;
            }
        }
      if ((found = dup_shortcut_accelerator (c, title)))
        return found;
    }
  return NULL;
}

/* Every GtkShortcutsShortcut under @root, in order. */
static void
collect_shortcuts (GtkWidget *root, GPtrArray *into)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (c))
        g_ptr_array_add (into, c);
      collect_shortcuts (c, into);
    }
}

/* The keys are defined once (hw-shortcuts.c): the application's accelerators are that table,
 * and the help overlay lists every one of them, showing the table's keys, and no action the
 * table does not know. */
START_TEST (test_shortcuts_table_is_the_help_overlay)
{
  GtkShortcutsWindow *overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fx.window));
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  const HwShortcut *table;
  guint n;

  ck_assert_ptr_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), listed);
  table = hw_shortcuts_get (&n);
  ck_assert_uint_gt (n, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    table[i].action);
      g_autofree char *joined = g_strjoinv (" ", (char **) table[i].accels);
      gboolean found = FALSE;

      ck_assert_msg (g_strv_equal ((const char *const *) accels, table[i].accels),
                     "%s: the application's accelerators are not the table's", table[i].action);
      for (guint k = 0; k < listed->len && !found; k++)
        {
          g_autofree char *action = NULL;
          g_autofree char *shown = NULL;

          g_object_get (listed->pdata[k], "action-name", &action, "accelerator", &shown, NULL);
          if (g_strcmp0 (action, table[i].action) != 0)
            continue;
          found = TRUE;
          ck_assert_msg (g_strcmp0 (shown, joined) == 0, "%s: the help overlay shows “%s”, "
                         "not “%s”", table[i].action, shown, joined);
        }
      ck_assert_msg (found, "%s (%s) is not in the help overlay", table[i].action, joined);
    }
  for (guint k = 0; k < listed->len; k++)
    {
      g_autofree char *action = NULL;
      gboolean known = FALSE;

      g_object_get (listed->pdata[k], "action-name", &action, NULL);
      for (guint i = 0; action && i < n && !known; i++)
        known = g_str_equal (action, table[i].action);
      ck_assert_msg (action == NULL || known, "the help overlay lists %s, which has no keys "
                     "in the table", action);
    }
}
END_TEST

/* Every page opens a case through one window action with the case id (no signal per page). */
START_TEST (test_open_case_action)
{
  GtkWidget *team = hw_window_get_view_page (fx.window, HW_VIEW_TEAM);

  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CASELOAD);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
  /* Nothing opened yet: the child's view is not offered. */
  hw_window_set_view (fx.window, HW_VIEW_CHILD);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CASELOAD);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.open-case", "s",
                                         fx.case_nils));
  hw_ui_test_spin (100);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_nils);
  ck_assert_str_eq (hw_child_page_get_title (child_page ()), "Nils Nordmann");
  ck_assert (gtk_widget_is_sensitive (GTK_WIDGET (fx.window)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.back", NULL));
  hw_ui_test_spin (100);

  /* From inside a page, as the team overview's list does on activation. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "team"));
  hw_ui_test_spin (50);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_TEAM);
  ck_assert_ptr_eq (hw_window_get_page (fx.window, "team"), team);
  ck_assert (gtk_widget_activate_action (team, "win.open-case", "s", fx.case_sara));
  hw_ui_test_spin (100);
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_sara);

  /* A case that does not exist: a toast, the record shown stays. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.open-case", "s",
                                         "00000000-0000-4000-8000-000000000000"));
  hw_ui_test_spin (100);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_sara);

  /* Unknown view names change nothing. */
  ck_assert_int_eq (hw_view_from_name ("nowhere"), HW_N_VIEWS);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s",
                                         "nowhere"));
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  for (HwView v = 0; v < HW_N_VIEWS; v++)
    ck_assert_int_eq (hw_view_from_name (hw_view_get_name (v)), v);
}
END_TEST

START_TEST (test_shortcuts_window)
{
  GtkShortcutsWindow *overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fx.window));

  ck_assert_ptr_nonnull (overlay);
  ck_assert (g_action_group_has_action (G_ACTION_GROUP (fx.window), "show-help-overlay"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.log-visit");
    ck_assert_str_eq (accels[0], "<Control>l");
  }
  /* The keys the foster homes page and the activity template bind themselves are listed. */
  {
    static const struct { const char *title, *accelerator; } listed[] = {
      { "New foster home", "<Control>n" },
      { "Edit the selected foster home", "F2 <Alt>Return" },
      { "Delete the selected foster home", "Delete" },
      { "Save the template", "<Control>s" },
      { "Back from an activity to the template", "Escape" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
      {
        g_autofree char *accelerator = dup_shortcut_accelerator (GTK_WIDGET (overlay),
                                                                 listed[i].title);

        ck_assert_msg (accelerator != NULL, "“%s” is not in the shortcuts window",
                       listed[i].title);
        ck_assert_str_eq (accelerator, listed[i].accelerator);
      }
  }
  gtk_window_present (GTK_WINDOW (overlay));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, overlay, 10000));
  hw_ui_test_screenshot (GTK_WIDGET (overlay), "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}
END_TEST

START_TEST (test_newer_database_refused)
{
  g_autofree char *dir = hw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  sqlite3 *db = NULL;
  GtkWindow *window;
  AdwStatusPage *page;
  struct stat before, after;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  ck_assert_int_eq (g_stat (path, &before), 0);

  hw_application_set_db_path (app, path);
  window = hw_application_open_window (app);
  ck_assert (HW_IS_WINDOW (window));
  ck_assert_str_eq (hw_window_get_visible_view (HW_WINDOW (window)), "error");
  page = ADW_STATUS_PAGE (hw_window_get_page (HW_WINDOW (window), "error"));
  ck_assert_str_eq (adw_status_page_get_title (page), "Made by a Newer Homeward");
  ck_assert (strstr (adw_status_page_get_description (page), "newer version") != NULL);
  gtk_window_present (window);
  hw_ui_test_spin (100);
  hw_ui_test_screenshot (GTK_WIDGET (window), "newer-database");
  gtk_window_destroy (window);
  ck_assert_int_eq (g_stat (path, &after), 0);
  ck_assert_int_eq (before.st_size, after.st_size);
  hw_test_remove_tree (dir);
}
END_TEST

START_TEST (test_dark_style)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* Follows the system unless told otherwise. */
  ck_assert_int_eq (adw_style_manager_get_color_scheme (style), ADW_COLOR_SCHEME_DEFAULT);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hw_ui_test_spin (100);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "caseload-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}
END_TEST

/* Run with LANGUAGE=nb: the whole window speaks Norwegian bokmål. */
START_TEST (test_norwegian)
{
  GtkWidget *view = hw_ui_test_find_descendant (GTK_WIDGET (caseload_page ()), GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) next = g_list_model_get_item (columns, 6);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (caseload_page ())));

  ck_assert_str_eq (gtk_column_view_column_get_title (first), "Barn");
  ck_assert_str_eq (gtk_column_view_column_get_title (next), "Neste frist");
  while (stack && !ADW_IS_VIEW_STACK (stack))
    stack = (AdwViewStack *) gtk_widget_get_parent (GTK_WIDGET (stack));
  ck_assert_ptr_nonnull (stack);
  ck_assert_str_eq (adw_view_stack_page_get_title (
                      adw_view_stack_get_page (stack, GTK_WIDGET (caseload_page ()))),
                    "Saksliste");
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (4), 5000));

  open_case_by_search ("Testesen");
  ck_assert_msg (strstr (hw_child_page_get_facts (child_page ()), "11 år (født 14.03.2015)") ||
                 strstr (hw_child_page_get_facts (child_page ()), "år (født 14.03.2015)"),
                 "%s", hw_child_page_get_facts (child_page ()));
  ck_assert (strstr (hw_child_page_get_facts (child_page ()), "barnevernsloven 2021") != NULL);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "child-overview-nb");
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.back", NULL);
  /* Back on the list, the search still applies once the rows are reloaded. */
  ck_assert (hw_ui_test_wait_for (n_visible_is, GUINT_TO_POINTER (1), 5000));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "caseload-nb");

  /* The foster homes with their controls, and the home's own form. */
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "homes");
  gtk_single_selection_set_selected (homes_selection (), 0);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "foster-homes-nb");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (homes_page ()), "homes.edit", NULL));
  hw_ui_test_spin (100);
  ck_assert_ptr_nonnull (find_editor ());
  hw_ui_test_screenshot (GTK_WIDGET (find_editor ()), "foster-home-edit-nb");
}
END_TEST

/* The print operation draws the same pages as the PDF: exported through GTK, the plan of the
 * child has as many pages as the document and says whose plan it is. */
START_TEST (test_print_plan)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx.dir, "printed.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *cmd = NULL;
  HwCase *kase = hw_store_load (fx.store, HW_ENTITY_CASE, fx.case_testa, &error);
  HwCaseload *caseload = hw_window_get_caseload (fx.window);
  HwDocument *doc = hw_service_print_plan (fx.store, hw_caseload_get_service (caseload, NULL),
                                           kase->journal_no, hw_application_get_today (),
                                           HW_RECIPIENT_INTERNAL, NULL, "tester", &error);
  int n_pages;
  g_autoptr(HwPrintOperation) op = NULL;

  ck_assert_no_error (error);
  n_pages = hw_document_get_n_pages (doc);
  op = hw_print_operation_new (doc, "plan");
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (op), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), pdf);
  ck_assert_int_eq (gtk_print_operation_run (GTK_PRINT_OPERATION (op),
                                             GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                    GTK_PRINT_OPERATION_RESULT_APPLY);
  ck_assert_no_error (error);
  cmd = g_strdup_printf ("pdftotext '%s' -", pdf);
  ck_assert (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (out, kase->journal_no));
  {
    g_autofree char *last = g_strdup_printf ("%d", n_pages);
    ck_assert_ptr_nonnull (strstr (out, last));
  }

  /* The dialog's recipient choice rebuilds the plan for that recipient when printing starts. */
  {
    g_autoptr(HwPrintOperation) for_parents =
      hw_print_operation_new_for_plan (caseload, kase->journal_no, hw_application_get_today (),
                                       "plan-parents");
    g_autofree char *parents_out = NULL;

    g_autofree char *printed_for = g_strdup_printf ("Printed for: %s",
                                                    hw_recipient_to_label (HW_RECIPIENT_FOSTER_PARENTS));

    hw_print_operation_set_recipient (for_parents, HW_RECIPIENT_FOSTER_PARENTS, NULL);
    gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (for_parents), FALSE);
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (for_parents), pdf);
    ck_assert_int_eq (gtk_print_operation_run (GTK_PRINT_OPERATION (for_parents),
                                               GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                      GTK_PRINT_OPERATION_RESULT_APPLY);
    ck_assert (g_spawn_command_line_sync (cmd, &parents_out, NULL, NULL, NULL));
    ck_assert_ptr_nonnull (strstr (parents_out, printed_for));
    ck_assert_ptr_null (strstr (out, printed_for));
  }
  hw_record_free (kase);
}
END_TEST

/* ---- what Ctrl+P prints outside a child's record ---- */

/* The text of the overdue list Ctrl+P would print now, through a PDF and pdftotext. */
static char *
dup_overdue_list_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = hw_window_build_overdue_list (fx.window, &error);
  g_autofree char *pdf = g_build_filename (fx.dir, "overdue.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-", NULL };
  int status = 0;

  ck_assert_msg (doc != NULL, "no overdue list: %s", error ? error->message : "");
  ck_assert_msg (hw_document_write_pdf (doc, pdf, &error), "%s", error ? error->message : "");
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  ck_assert_msg (error == NULL, "pdftotext: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdftotext failed: %s", err);
  return g_steal_pointer (&out);
}

/* Whether the overdue list's @text names @needle as @expected; when not, the text goes to stderr
 * (too long for a check message) and the message names the list by its subtitle. */
static void
check_overdue_list (const char *text, const char *needle, gboolean expected)
{
  const char *line = strstr (text, " · as of ");
  g_autofree char *subtitle = NULL;

  if ((strstr (text, needle) != NULL) == expected)
    return;
  while (line && line > text && line[-1] != '\n')
    line--;
  subtitle = line ? g_strndup (line, strcspn (line, "\n")) : g_strdup ("no subtitle");
  g_printerr ("%s\n", text);
  ck_abort_msg ("the overdue list “%s” %s “%s”", g_strstrip (subtitle),
                expected ? "lacks" : "has", needle);
}

/* Chooses @team_name in the team overview's drop-down. */
static void
choose_team_in_overview (const char *team_name)
{
  GtkWidget *team = hw_window_get_page (fx.window, "team");
  GtkDropDown *dropdown = GTK_DROP_DOWN (hw_ui_test_find_descendant (team, GTK_TYPE_DROP_DOWN, NULL));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (name), team_name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          hw_ui_test_spin (50);
          return;
        }
    }
  ck_abort_msg ("no team “%s” in the team overview", team_name);
}

/* Sara (Team Sør) placed in care too, so that both teams have overdue duties: no visits are
 * recorded, the follow-up of the placement is long overdue. */
static void
place_sara (void)
{
  HwDecision *order = hw_record_new (HW_ENTITY_DECISION);
  HwMeasure *placement = hw_record_new (HW_ENTITY_MEASURE);

  order->case_id = g_strdup (fx.case_sara);
  order->decided_by = HW_DECIDER_TRIBUNAL;
  order->basis.law = g_strdup ("BVL2021");
  order->basis.chapter = g_strdup ("5");
  order->basis.section = g_strdup ("1");
  order->start_date = hw_date_new (2025, 3, 3);
  save (order);
  placement->case_id = g_strdup (fx.case_sara);
  placement->basis.law = g_strdup ("BVL2021");
  placement->basis.chapter = g_strdup ("5");
  placement->basis.section = g_strdup ("1");
  placement->category = g_strdup ("2.1");
  placement->start_date = hw_date_new (2025, 3, 10);
  save (placement);
}

/* Ctrl+P outside a child's record prints the overdue list of the team the team overview shows,
 * elsewhere of the user's own team, or of every team when the user has none. Children are named
 * by initials and case number there, so the cases are told apart by their journal numbers:
 * 2024-00001 is Testa's (Team Nord), 2023-00003 Sara's (Team Sør). */
START_TEST (test_print_overdue_list)
{
  GSettings *settings = hw_application_get_settings (app);
  HwTeamPage *team = HW_TEAM_PAGE (hw_window_get_page (fx.window, "team"));
  g_autofree char *text = NULL;

  /* Without the rule catalogue there is no overdue list to print. */
  if (!hw_findings_available ())
    return;
  place_sara ();

  /* A user without a team, in the caseload: every team, and both teams have overdue duties. */
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
  text = dup_overdue_list_text ();
  check_overdue_list (text, "All teams ·", TRUE);
  check_overdue_list (text, "2024-00001", TRUE);
  check_overdue_list (text, "2023-00003", TRUE);
  g_clear_pointer (&text, g_free);

  /* The user is in Team Nord, the overview shows Team Sør: the overview's team is printed. */
  g_settings_set_string (settings, "user-team-id", fx.team_north);
  hw_window_show_view (fx.window, "team");
  hw_ui_test_spin (50);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "team");
  choose_team_in_overview ("Team Sør");
  ck_assert_str_eq (hw_team_page_get_team_id (team), fx.team_south);
  text = dup_overdue_list_text ();
  check_overdue_list (text, "Team Sør ·", TRUE);
  check_overdue_list (text, "2023-00003", TRUE);
  check_overdue_list (text, "2024-00001", FALSE);
  g_clear_pointer (&text, g_free);

  /* The overview showing every team prints every team, not the user's. */
  choose_team_in_overview ("All Teams");
  ck_assert_ptr_null (hw_team_page_get_team_id (team));
  text = dup_overdue_list_text ();
  check_overdue_list (text, "All teams ·", TRUE);
  check_overdue_list (text, "2024-00001", TRUE);
  check_overdue_list (text, "2023-00003", TRUE);
  g_clear_pointer (&text, g_free);

  /* Back in the caseload: the user's own team, whatever the overview shows. */
  choose_team_in_overview ("Team Sør");
  hw_window_show_view (fx.window, "caseload");
  hw_ui_test_spin (50);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
  text = dup_overdue_list_text ();
  check_overdue_list (text, "Team Nord ·", TRUE);
  check_overdue_list (text, "2024-00001", TRUE);
  check_overdue_list (text, "2023-00003", FALSE);
}
END_TEST

/* What the caseload keeps of each case (issue #8, memory at 50,000 children): the findings in
 * brief, and the row's texts packed or shared. */
static HwUiFinding *
ui_finding (const char *rule_id, HwUiFindingState state, HwDate due)
{
  HwUiFinding *f = g_new0 (HwUiFinding, 1);
  g_autofree char *title = g_strdup_printf ("Title %s", rule_id);

  f->rule_id = hw_ui_intern (rule_id);
  f->title = hw_ui_intern (title);
  f->state = state;
  f->due = due;
  return f;
}

START_TEST (test_case_item_briefs)
{
  HwDate today = hw_date_new (2026, 11, 23);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (
    (GDestroyNotify) hw_ui_finding_free);
  g_autoptr(GPtrArray) only_ok = g_ptr_array_new_with_free_func (
    (GDestroyNotify) hw_ui_finding_free);
  g_autoptr(HwCaseItem) item = NULL;
  HwCaseRow *row = g_new0 (HwCaseRow, 1);
  const HwUiBriefs *briefs;

  g_ptr_array_add (findings, ui_finding ("TEST_OK_LATER", HW_UI_FINDING_OK,
                                         hw_date_new (2027, 3, 1)));
  g_ptr_array_add (findings, ui_finding ("TEST_DUE_SOON", HW_UI_FINDING_DUE_SOON,
                                         hw_date_new (2026, 12, 1)));
  g_ptr_array_add (findings, ui_finding ("TEST_OK_NEXT", HW_UI_FINDING_OK,
                                         hw_date_new (2027, 1, 15)));
  g_ptr_array_add (findings, ui_finding ("TEST_OK_PAST", HW_UI_FINDING_OK,
                                         hw_date_new (2026, 10, 1)));
  g_ptr_array_add (findings, ui_finding ("TEST_OVERDUE", HW_UI_FINDING_OVERDUE,
                                         hw_date_new (2026, 1, 10)));
  /* rules.md v2: a missed period is history: not counted, never the next duty. */
  g_ptr_array_add (findings, ui_finding ("TEST_MISSED", HW_UI_FINDING_MISSED,
                                         hw_date_new (2025, 12, 31)));
  /* A duty already done keeps its due date, but is not the next one. */
  {
    HwUiFinding *done = ui_finding ("TEST_OK_DONE", HW_UI_FINDING_OK, hw_date_new (2026, 12, 20));

    done->met = TRUE;
    g_ptr_array_add (findings, done);
  }

  row->case_id = g_strdup ("00000000-0000-4000-8000-000000000001");
  row->journal_no = g_strdup ("2026-00001");
  row->child_name = g_strdup ("Test Testesen");
  row->caseworker_id = g_strdup ("staff-1");
  row->caseworker_name = g_strdup ("Kari Saksbehandler");
  row->team_id = g_strdup ("team-1");
  row->search_key = g_strdup ("test testesen 2026-00001");
  item = hw_case_item_new (row, today);
  ck_assert_str_eq (hw_case_item_get_case_id (item), "00000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (hw_case_item_get_journal_no (item), "2026-00001");
  ck_assert_ptr_null (hw_case_item_get_row (item)->fnr);
  ck_assert (hw_case_row_matches (hw_case_item_get_row (item), "testesen"));
  /* Texts that many cases repeat are one shared copy. */
  ck_assert_ptr_eq (hw_case_item_get_caseworker (item), hw_ui_intern ("Kari Saksbehandler"));
  ck_assert_ptr_eq (hw_case_item_get_row (item)->team_id, hw_ui_intern ("team-1"));
  ck_assert (!hw_case_item_get_has_findings (item));
  ck_assert_ptr_null (hw_case_item_get_briefs (item));

  /* Kept: what is overdue or due soon, and of the rest only the one due next. */
  hw_case_item_set_briefs (item, hw_ui_briefs_new_from_ui (findings, today));
  briefs = hw_case_item_get_briefs (item);
  ck_assert_uint_eq (briefs->n_briefs, 3);
  ck_assert_uint_eq (briefs->briefs[0].state, HW_UI_FINDING_OVERDUE);
  ck_assert_str_eq (hw_ui_rule_get_id (briefs->briefs[0].rule), "TEST_OVERDUE");
  ck_assert_str_eq (hw_ui_rule_get_title (briefs->briefs[0].rule), "Title TEST_OVERDUE");
  ck_assert_str_eq (hw_ui_rule_get_id (briefs->briefs[1].rule), "TEST_DUE_SOON");
  ck_assert_str_eq (hw_ui_rule_get_id (briefs->briefs[2].rule), "TEST_OK_NEXT");
  ck_assert (hw_case_item_get_has_findings (item));
  ck_assert_uint_eq (hw_case_item_get_n_overdue (item), 1);
  ck_assert_uint_eq (hw_case_item_get_n_due_soon (item), 1);
  ck_assert_uint_eq (hw_case_item_get_next_due (item), hw_date_new (2026, 1, 10));
  ck_assert_str_eq (hw_case_item_get_next_duty (item), "Title TEST_OVERDUE");

  /* Nothing owed: the next due is the next one that is not yet (and not done already). */
  g_ptr_array_add (only_ok, ui_finding ("TEST_OK_LATER", HW_UI_FINDING_OK,
                                        hw_date_new (2027, 3, 1)));
  {
    HwUiFinding *done = ui_finding ("TEST_OK_DONE", HW_UI_FINDING_OK, hw_date_new (2026, 12, 20));

    done->met = TRUE;
    g_ptr_array_add (only_ok, done);
  }
  g_ptr_array_add (only_ok, ui_finding ("TEST_OK_NEXT", HW_UI_FINDING_OK,
                                        hw_date_new (2027, 1, 15)));
  hw_case_item_set_briefs (item, hw_ui_briefs_new_from_ui (only_ok, today));
  ck_assert_uint_eq (hw_case_item_get_briefs (item)->n_briefs, 1);
  ck_assert_uint_eq (hw_case_item_get_n_overdue (item), 0);
  ck_assert_uint_eq (hw_case_item_get_next_due (item), hw_date_new (2027, 1, 15));
  ck_assert_str_eq (hw_case_item_get_next_duty (item), "Title TEST_OK_NEXT");

  hw_case_item_set_caseworker (item, "staff-2", "Ola Saksbehandler", "team-2");
  ck_assert_ptr_eq (hw_case_item_get_caseworker (item), hw_ui_intern ("Ola Saksbehandler"));
  ck_assert_str_eq (hw_case_item_get_row (item)->caseworker_id, "staff-2");
}
END_TEST

/* ---- the demo caseload (issue 15: README screenshots) ---- */

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;
  HwDemoOptions options = { 300, 1, hw_application_get_today () };

  fx.dir = hw_test_make_tmpdir ();
  fx.path = g_build_filename (fx.dir, "demo.db", NULL);
  fx.store = hw_store_open (fx.path, &error);
  ck_assert_no_error (error);
  ck_assert (hw_service_write_demo (fx.store, &options, NULL, NULL, &error));
  ck_assert_no_error (error);
  g_settings_reset (hw_application_get_settings (app), "user-staff-id");
  g_settings_reset (hw_application_get_settings (app), "user-team-id");
  g_settings_reset (hw_application_get_settings (app), "caseload-scope");
  g_settings_reset (hw_application_get_settings (app), "overdue-only");
  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));
  ck_assert_msg (hw_ui_test_wait_for (caseload_ready, NULL, 60000), "the caseload did not load");
  hw_ui_test_spin (200);
}

/* Whether @data (a widget) has drawn something: a caseload of 300 takes a while under ASan. */
static gboolean
widget_drawn (gpointer data)
{
  GtkWidget *widget = data;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  gsk_render_node_unref (node);
  return TRUE;
}

static void
demo_screenshot (const char *name)
{
  ck_assert_msg (hw_ui_test_wait_for (widget_drawn, fx.window, 30000), "%s: nothing drawn", name);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), name);
}

/* rules.md v2 on a caseload like a municipality's: missed periods are not counted as overdue
 * and never the next duty, so the lists show what can still be done; the child's record shows
 * them as deviations. Screenshots: demo-caseload, demo-team, demo-child. */
START_TEST (test_demo_missed_not_overdue)
{
  GListModel *model = hw_caseload_get_model (hw_window_get_caseload (fx.window));
  guint n = g_list_model_get_n_items (model), with_overdue = 0;
  HwDate today = hw_application_get_today ();
  gboolean shown = FALSE;

  ck_assert_uint_eq (n, 300);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);
      HwDate next = hw_case_item_get_next_due (item);

      with_overdue += hw_case_item_get_n_overdue (item) > 0;
      /* The next duty is overdue only when something overdue is counted. */
      if (next != HW_DATE_NONE && next < today)
        ck_assert_uint_gt (hw_case_item_get_n_overdue (item), 0);
    }
  ck_assert_msg (with_overdue * 4 < n, "%u of %u cases have an overdue duty", with_overdue, n);
  demo_screenshot ("demo-caseload");
  {
    /* Where the overdue end: the next duty of the rest is a date still to come. */
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (hw_ui_test_find_descendant (
      GTK_WIDGET (caseload_page ()), GTK_TYPE_SCROLLED_WINDOW, NULL));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) * (with_overdue - 8) / n);
    hw_ui_test_spin (300);
    demo_screenshot ("demo-caseload-scrolled");
    gtk_adjustment_set_value (adj, 0);
  }

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "team");
  hw_ui_test_spin (300);
  demo_screenshot ("demo-team");

  /* A case placed years ago with nothing overdue: its missed years are deviations. */
  for (guint i = 0; i < n && !shown; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);
      g_auto(GStrv) deviations = NULL;

      if (hw_case_item_get_n_overdue (item) > 0 || hw_case_item_get_n_due_soon (item) > 0 ||
          !g_str_has_prefix (hw_case_item_get_journal_no (item), "202") ||
          hw_case_item_get_placed_since (item) == HW_DATE_NONE)
        continue;
      hw_window_open_case (fx.window, hw_case_item_get_case_id (item));
      hw_ui_test_spin (300);
      deviations = hw_child_page_dup_deviation_rules (child_page ());
      if (deviations[0] == NULL)
        continue;
      ck_assert (g_strv_contains ((const char *const *) deviations, "FOLLOWUP_VISITS_YEAR") ||
                 g_strv_contains ((const char *const *) deviations, "TILSYN_VISITS_YEAR") ||
                 g_strv_contains ((const char *const *) deviations, "SAMVAER_MINIMUM_YEAR"));
      /* Unfolded: the one expander of a record with nothing due. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (hw_ui_test_find_descendant (
                                       GTK_WIDGET (child_page ()), ADW_TYPE_EXPANDER_ROW, NULL)),
                                     TRUE);
      hw_ui_test_spin (300);
      demo_screenshot ("demo-child");
      shown = TRUE;
    }
  ck_assert_msg (shown, "no kept case with deviations in the demo");
}
END_TEST

/* ---- issue 13: another program's commits ---- */

static gboolean
child_title_is (gpointer data)
{
  return g_strcmp0 (hw_child_page_get_title (child_page ()), data) == 0;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  AdwMessageDialog *dialog = NULL;
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (windows);
  return dialog;
}

/* Deleting a whole case from the child's record, and the toast's Undo: everything comes back,
 * including what another owner holds about the child (the foster home's approval for this
 * child, which the case's foreign key deletes with it). The old undo saved the case dossier
 * back, which does not hold the home's records: the approval was lost for good. */
START_TEST (test_delete_case_undo_keeps_home_approval)
{
  HwHomeEvidence *approval = hw_record_new (HW_ENTITY_HOME_EVIDENCE);
  g_autofree char *approval_id = g_strdup (approval->rec.id);
  g_autoptr(HwDossier) home = NULL;
  AdwMessageDialog *dialog;
  guint n_cases;

  approval->home_id = g_strdup (fx.home_id);
  approval->case_id = g_strdup (fx.case_testa);
  approval->kind = HW_EVIDENCE_APPROVAL;
  approval->date = hw_date_new (2024, 2, 10);
  save (approval);
  n_cases = hw_store_count (fx.store, HW_ENTITY_CASE, NULL);

  open_case_by_search ("Testesen");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (child_page ()), "child.delete-case", NULL));
  hw_ui_test_spin (100);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (hw_store_count (fx.store, HW_ENTITY_CASE, NULL), n_cases - 1);
  ck_assert_ptr_null (hw_caseload_find (hw_window_get_caseload (fx.window), fx.case_testa));
  ck_assert_int_ne (hw_window_get_view (fx.window), HW_VIEW_CHILD);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.undo-delete", NULL));
  hw_ui_test_spin (100);
  ck_assert_uint_eq (hw_store_count (fx.store, HW_ENTITY_CASE, NULL), n_cases);
  ck_assert_ptr_nonnull (hw_caseload_find (hw_window_get_caseload (fx.window), fx.case_testa));
  ck_assert_int_eq (hw_window_get_view (fx.window), HW_VIEW_CHILD);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_testa);
  home = hw_store_load_home (fx.store, fx.home_id, NULL);
  ck_assert_msg (hw_dossier_find (home, HW_ENTITY_HOME_EVIDENCE, approval_id) != NULL,
                 "the foster home's approval for the child was not restored");
}
END_TEST

/* An import renames the child while the record is open in the app: the app shows the new name
 * within a second or two, and a save from a form opened before refuses to write the old name
 * back, keeps what was typed, and offers to reload. */
START_TEST (test_other_program_changes_are_shown_never_overwritten)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = hw_store_open_existing (fx.path, &error);
  const HwDossier *d;
  HwChild *theirs;
  HwChild *stored;
  HwRecordEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *school, *given;

  ck_assert_no_error (error);
  open_case_by_search ("Testesen");
  d = hw_child_page_get_dossier (child_page ());
  editor = hw_record_editor_new (GTK_WINDOW (fx.window), fx.store, hw_dossier_child (d), FALSE,
                                 d, NULL, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  hw_ui_test_spin (50);

  /* The other program: a second connection, as the CLI's import would be. */
  theirs = hw_store_load_owned (other, HW_ENTITY_CHILD, fx.case_testa,
                                ((HwRecord *) hw_dossier_child (d))->id, &error);
  ck_assert_no_error (error);
  g_free (theirs->given_name);
  theirs->given_name = g_strdup ("Tesla");
  ck_assert (hw_store_save (other, theirs, &error));
  hw_record_free (theirs);
  ck_assert_msg (hw_ui_test_wait_for (child_title_is, (gpointer) "Tesla Testesen", 5000),
                 "the app still shows %s", hw_child_page_get_title (child_page ()));

  /* The form opened before: its save is refused, and keeps what was typed. */
  school = hw_record_editor_get_row (editor, "school");
  given = hw_record_editor_get_row (editor, "given_name");
  type_into (school, "Bakkeby skole");
  ck_assert (!hw_record_editor_save (editor));
  ck_assert_msg (strstr (hw_record_editor_get_error (editor), "another program") != NULL, "%s",
                 hw_record_editor_get_error (editor));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (school)), "Bakkeby skole");
  stored = hw_store_load_owned (other, HW_ENTITY_CHILD, fx.case_testa,
                                ((HwRecord *) hw_record_editor_get_record (editor))->id, &error);
  ck_assert_str_eq (stored->given_name, "Tesla");
  ck_assert_ptr_null (stored->school);
  hw_record_free (stored);

  /* Reload, offered: the form shows what is saved now, and then saves. */
  hw_ui_test_spin (50);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  hw_ui_test_screenshot (GTK_WIDGET (dialog), "changed-by-another-program");
  adw_message_dialog_response (dialog, "reload");
  hw_ui_test_spin (50);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (given)), "Tesla");
  type_into (school, "Bakkeby skole");
  ck_assert_msg (hw_record_editor_save (editor), "%s", hw_record_editor_get_error (editor));
  stored = hw_store_load_owned (other, HW_ENTITY_CHILD, fx.case_testa,
                                ((HwRecord *) hw_record_editor_get_record (editor))->id, &error);
  ck_assert_str_eq (stored->given_name, "Tesla");
  ck_assert_str_eq (stored->school, "Bakkeby skole");
  hw_record_free (stored);
}
END_TEST

/* Issue 17: every coded field of a form is a choice among names, never a raw code, and no
 * choice holds a code the store would refuse. The placement's category shows SSB's name as
 * the child's overview and the plan do; a date may be typed as 2.3.24. */
START_TEST (test_placement_form_choices)
{
  g_autoptr(GError) error = NULL;
  const HwDossier *d;
  const HwMeasure *placement;
  HwRecordEditor *editor;
  GtkWidget *category, *start, *end_reason;
  GListModel *names;
  guint n_codes, emergency = GTK_INVALID_LIST_POSITION;
  const HwCode *codes = hw_code_list_get (HW_CODES_CATEGORY, &n_codes);
  HwMeasure *stored;

  open_case_by_search ("Testesen");
  d = hw_child_page_get_dossier (child_page ());
  placement = hw_dossier_get (d, HW_ENTITY_MEASURE)->pdata[0];
  editor = hw_record_editor_new (GTK_WINDOW (fx.window), fx.store, placement, FALSE, d, NULL,
                                 NULL);
  gtk_window_present (GTK_WINDOW (editor));
  hw_ui_test_spin (100);

  category = hw_record_editor_get_row (editor, "category");
  ck_assert (ADW_IS_COMBO_ROW (category));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (category));
  /* Required: every code of SSB's list, by name, and nothing else. */
  ck_assert_uint_eq (g_list_model_get_n_items (names), n_codes);
  for (guint i = 0; i < n_codes; i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      ck_assert_str_eq (name, _(codes[i].label));
      ck_assert_msg (!g_str_has_prefix (name, codes[i].code), "a raw code: %s", name);
      if (g_str_equal (codes[i].code, "2.5"))
        emergency = i;
    }
  ck_assert_str_eq (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                                adw_combo_row_get_selected (
                                                  ADW_COMBO_ROW (category))),
                    "Foster home in the family or close network");
  end_reason = hw_record_editor_get_row (editor, "end_reason");
  ck_assert (ADW_IS_COMBO_ROW (end_reason));
  ck_assert_str_eq (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (
                      ADW_COMBO_ROW (end_reason))), adw_combo_row_get_selected (
                      ADW_COMBO_ROW (end_reason))), "Not ended");
  hw_ui_test_screenshot (GTK_WIDGET (editor), "placement-form");

  /* A date picked from the row's calendar is written as typed dates are. */
  start = hw_record_editor_get_row (editor, "start_date");
  {
    GtkWidget *button = hw_ui_test_find_descendant (start, GTK_TYPE_MENU_BUTTON, NULL);
    GtkPopover *popover;
    g_autoptr(GDateTime) day = g_date_time_new_local (2024, 3, 5, 12, 0, 0);

    ck_assert_ptr_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    hw_ui_test_spin (50);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    ck_assert (gtk_widget_get_visible (GTK_WIDGET (popover)));
    gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (popover)), day);
    hw_ui_test_spin (50);
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (start)), "05.03.2024");
    ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  }

  /* Chosen by name, stored as SSB's code; the date as typed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (category), emergency);
  type_into (start, "2.3.24");
  ck_assert_msg (hw_record_editor_save (editor), "%s", hw_record_editor_get_error (editor));
  stored = hw_store_load_owned (fx.store, HW_ENTITY_MEASURE, fx.case_testa,
                                ((HwRecord *) placement)->id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (stored->category, "2.5");
  ck_assert_int_eq (stored->start_date, hw_date_new (2024, 3, 2));
  hw_record_free (stored);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A code from before the store checked them is shown as it is, and refused on saving with
   * the field named: the form neither hides nor silently changes it. */
  {
    HwMeasure *old = hw_record_copy (placement);
    GtkWidget *row;

    g_free (old->category);
    old->category = g_strdup ("fosterhjem");
    editor = hw_record_editor_new (GTK_WINDOW (fx.window), fx.store, old, FALSE, d, NULL, NULL);
    hw_record_free (old);
    gtk_window_present (GTK_WINDOW (editor));
    hw_ui_test_spin (50);
    row = hw_record_editor_get_row (editor, "category");
    ck_assert_str_eq (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (
                        ADW_COMBO_ROW (row))), adw_combo_row_get_selected (ADW_COMBO_ROW (row))),
                      "“fosterhjem” (not in the list)");
    ck_assert (!hw_record_editor_save (editor));
    ck_assert_msg (strstr (hw_record_editor_get_error (editor), "Category: “fosterhjem”"), "%s",
                   hw_record_editor_get_error (editor));
    ck_assert (gtk_widget_has_css_class (row, "error"));
    hw_ui_test_screenshot (GTK_WIDGET (editor), "placement-form-unlisted-code");
    gtk_window_destroy (GTK_WINDOW (editor));
  }
}
END_TEST

/* Issue 13: a database path given to the app that does not exist is not a new empty caseload
 * (only the first run creates one, at the default place). */
START_TEST (test_missing_database_refused)
{
  g_autofree char *dir = hw_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "typo", "missing.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  GtkWindow *window;
  AdwStatusPage *page;

  hw_application_set_db_path (app, path);
  window = hw_application_open_window (app);
  ck_assert (HW_IS_WINDOW (window));
  ck_assert_str_eq (hw_window_get_visible_view (HW_WINDOW (window)), "error");
  page = ADW_STATUS_PAGE (hw_window_get_page (HW_WINDOW (window), "error"));
  ck_assert_msg (strstr (adw_status_page_get_description (page), path) != NULL, "%s",
                 adw_status_page_get_description (page));
  gtk_window_destroy (window);
  ck_assert (!g_file_test (folder, G_FILE_TEST_EXISTS));
  hw_test_remove_tree (dir);
}
END_TEST

/* Issue 13, reproduction 1, in the window: GIO sniffs the database and its -shm for a file
 * chooser (an open and a close in this process, which drop every POSIX lock SQLite holds on the
 * file), another program lists the cases, and a visit logged afterwards must reach the file
 * that other programs read; before the fix, the list deleted -wal and -shm and the visit went
 * into the deleted WAL, "saved" yet gone. */
static char *
run_cli (const char *arg, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  va_list ap;

  ck_assert_ptr_nonnull (hw_ui_test_get_cli ());
  g_ptr_array_add (argv, (char *) hw_ui_test_get_cli ());
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fx.path);
  va_start (ap, arg);
  for (const char *a = arg; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  ck_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                           &err, &status, &error));
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "homeward-cli %s: %s", arg, err);
  return out;
}

START_TEST (test_visit_reaches_file_after_stray_close)
{
  g_autofree char *shm = g_strconcat (fx.path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (fx.path, "-wal", NULL);
  g_autofree char *export = g_build_filename (fx.dir, "after.xml", NULL);
  g_autofree char *list = NULL;
  g_autofree char *written = NULL;
  g_autofree char *contents = NULL;
  HwRecordEditor *editor;
  const char *sniffed[] = { fx.path, shm };

  for (guint i = 0; i < G_N_ELEMENTS (sniffed); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (sniffed[i]);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *bytes = NULL;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, &error);
      ck_assert_no_error (error);
      ck_assert (g_file_get_contents (sniffed[i], &bytes, NULL, &error));
    }
  list = run_cli ("list", NULL);
  ck_assert_msg (strstr (list, "Testesen") != NULL, "%s", list);
  ck_assert_msg (g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_test (shm, G_FILE_TEST_EXISTS),
                 "another program deleted the WAL the app uses");

  open_case_by_search ("Testesen");
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.log-visit", NULL);
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  type_into (hw_record_editor_get_row (editor, "notes"), "Etter filvelgeren");
  press_enter_in (hw_record_editor_get_row (editor, "notes"));
  ck_assert_msg (hw_ui_test_wait_for (editor_gone, NULL, 5000), "the form stayed open: %s",
                 hw_record_editor_get_error (editor));

  /* Another program reads the file: the visit the app said it saved is there. */
  written = run_cli ("export", "--format", "homeward", "-o", export, NULL);
  ck_assert (g_file_get_contents (export, &contents, NULL, NULL));
  ck_assert_msg (strstr (contents, "Etter filvelgeren") != NULL,
                 "the app reported the visit saved, but it is not in the file");
}
END_TEST

/* Issue 18: the child's header has a Print button; whom the copy is for is asked first, in a
 * dialog that offers each parent by name and defaults to the last choice for the case; Ctrl+P
 * outside a record asks what to print instead of printing the overdue list unasked. */
START_TEST (test_print_asks_recipient_first)
{
  GtkWidget *button;
  AdwMessageDialog *dialog;
  GtkDropDown *choice;
  GListModel *names;
  guint tribunal = G_MAXUINT;
  g_autofree char *pdf = g_build_filename (fx.dir, "printed-for.pdf", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;

  open_case_by_search ("Testesen");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  button = find_action_button (GTK_WIDGET (child_page ()), "win.print");
  ck_assert_ptr_nonnull (button);
  ck_assert (gtk_widget_get_visible (button));

  g_signal_emit_by_name (button, "clicked");
  hw_ui_test_spin (100);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  hw_ui_test_screenshot (GTK_WIDGET (dialog), "print-recipient");
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  names = gtk_drop_down_get_model (choice);
  ck_assert_uint_ge (g_list_model_get_n_items (names), 4);
  ck_assert_uint_eq (gtk_drop_down_get_selected (choice), 0);   /* internal use at first */
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (name), _("The county tribunal")))
        tribunal = i;
    }
  ck_assert_uint_ne (tribunal, G_MAXUINT);
  gtk_drop_down_set_selected (choice, tribunal);
  /* GTK's own print dialog would follow: export instead, and read what was printed. */
  hw_print_plan_set_export_for_tests (pdf);
  /* As the dialog's buttons do: respond, then close. */
  adw_message_dialog_response (dialog, "print");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hw_print_plan_set_export_for_tests (NULL);
  hw_ui_test_spin (100);
  cmd = g_strdup_printf ("pdftotext '%s' -", pdf);
  ck_assert (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
  {
    g_autofree char *printed_for = g_strdup_printf (_("Printed for: %s"),
                                                    hw_recipient_to_label (HW_RECIPIENT_TRIBUNAL));

    ck_assert_ptr_nonnull (strstr (out, printed_for));
  }

  /* Again: the tribunal is now the default for this case. */
  g_signal_emit_by_name (button, "clicked");
  hw_ui_test_spin (100);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  ck_assert_uint_eq (gtk_drop_down_get_selected (choice), tribunal);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hw_ui_test_spin (100);

  /* Outside a record Ctrl+P asks what to print. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.back", NULL));
  hw_ui_test_spin (200);
  ck_assert_str_ne (hw_window_get_visible_view (fx.window), "child");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.print", NULL));
  hw_ui_test_spin (100);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), _("What Do You Want to Print?"));
  ck_assert (adw_message_dialog_has_response (dialog, "overdue"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hw_ui_test_spin (100);
}
END_TEST

static Suite *
ui_suite (void)
{
  Suite *s = suite_create ("ui");
  TCase *tc;

  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "nb"))
    {
      /* The Norwegian run: the other tests assert the English source strings. */
      tc = tcase_create ("norwegian");
      tcase_add_checked_fixture (tc, setup, teardown);
      tcase_set_timeout (tc, 120);
      tcase_add_test (tc, test_norwegian);
      suite_add_tcase (s, tc);
      tc = tcase_create ("demo");
      tcase_add_checked_fixture (tc, setup_demo, teardown);
      tcase_set_timeout (tc, 240);
      tcase_add_test (tc, test_demo_missed_not_overdue);
      suite_add_tcase (s, tc);
      return s;
    }

  tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_caseload_search);
  tcase_add_test (tc, test_print_plan);
  tcase_add_test (tc, test_print_asks_recipient_first);
  tcase_add_test (tc, test_print_overdue_list);
  tcase_add_test (tc, test_caseload_scope);
  tcase_add_test (tc, test_open_child);
  tcase_add_test (tc, test_log_visit);
  tcase_add_test (tc, test_refused_save_keeps_input);
  tcase_add_test (tc, test_placement_form_choices);
  tcase_add_test (tc, test_delete_undo);
  tcase_add_test (tc, test_delete_visit_undo);
  tcase_add_test (tc, test_delete_placement_undo);
  tcase_add_test (tc, test_open_case_action);
  tcase_add_test (tc, test_delete_case_undo_keeps_home_approval);
  suite_add_tcase (s, tc);

  /* Run in a process of its own (tests/ui/meson.build): GLib never frees the block its quark
   * table grows out of at 2,048 names, and all of the window's tests together intern more
   * than that, which LeakSanitizer would report (a stack it cannot follow past g_malloc). */
  tc = tcase_create ("window-more");
  tcase_set_tags (tc, "window-more");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_team_reassign);
  tcase_add_test (tc, test_team_approve_samvaer);
  tcase_add_test (tc, test_homes_matrix);
  tcase_add_test (tc, test_homes_edit);
  tcase_add_test (tc, test_preferences);
  tcase_add_test (tc, test_shortcuts_window);
  tcase_add_test (tc, test_shortcuts_table_is_the_help_overlay);
  tcase_add_test (tc, test_dark_style);
  tcase_add_test (tc, test_other_program_changes_are_shown_never_overwritten);
  tcase_add_test (tc, test_visit_reaches_file_after_stray_close);
  suite_add_tcase (s, tc);

  tc = tcase_create ("demo");
  tcase_add_checked_fixture (tc, setup_demo, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_demo_missed_not_overdue);
  suite_add_tcase (s, tc);

  tc = tcase_create ("open");
  tcase_add_test (tc, test_newer_database_refused);
  tcase_add_test (tc, test_missing_database_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("items");
  tcase_add_test (tc, test_case_item_briefs);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, ui_suite);
}
