/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, under Xvfb, against what a hostile or unlucky day brings: Enter typed before
 * the search filter ran, names with markup characters and of absurd length, and another
 * program holding the database's write lock. Screenshots go to the folder given as the first
 * argument (the build folder's tests/artifacts). */
#define G_LOG_DOMAIN "test-ui-robust"

#include "config.h"

#include <check.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hw-application.h"
#include "hw-case-item.h"
#include "hw-caseload-page.h"
#include "hw-caseload-page-private.h"
#include "hw-child-page.h"
#include "hw-child-page-private.h"
#include "hw-error.h"
#include "hw-record-editor.h"
#include "hw-record-editor-private.h"
#include "hw-store-audit.h"
#include "hw-store-audit-private.h"
#include "hw-store-private.h"
#include "hw-team-page.h"
#include "hw-team-page-private.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"
#include "hw-caseload-private.h"
#include "hw-window-private.h"

static HwApplication *app;

/* The name that must come out literally wherever it is shown. */
#define MARKUP_GIVEN "A & B <i>"
#define MARKUP_NAME MARKUP_GIVEN " Testesen"
/* The width a normal window keeps; a page that user text widened measures many times this. */
#define NORMAL_WIDTH 1400
#define HUGE_NAME_CHARS 100000
/* Cases enough that the incremental filter works through them in more than one batch. */
#define MANY_CASES 1500

/* ---- fixture ---- */

typedef struct {
  char     *dir;
  char     *path;
  HwStore  *store;
  HwWindow *window;
  char     *staff;
  char     *home_id;
  char     *case_first;    /* 2000-00001: the first row before any filter runs */
  char     *case_15;       /* 2021-00015 */
  char     *case_16;       /* 2021-00016 */
  char     *case_markup;   /* 2022-00001, named MARKUP_NAME, placed in a home with markup */
  sqlite3  *locker;        /* a second connection, "another program" */
} Fixture;

static Fixture fx;

static char *
save_named (gpointer record)
{
  g_autoptr(GError) error = NULL;
  char *id = g_strdup (((HwRecord *) record)->id);

  hw_store_save (fx.store, record, &error);
  ck_assert_no_error (error);
  hw_record_free (record);
  return id;
}

/* Writes @value into @column of the record @id behind the store's back: what an older version
 * (before text limits) or a hand-edited file may hold, which the store now refuses. */
static void
store_unchecked (HwEntity entity, const char *column, const char *id, const char *value)
{
  sqlite3 *db = hw_store_get_handle (fx.store);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                          hw_entity_info (entity)->name, column);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
  ck_assert_int_eq (sqlite3_changes (db), 1);
  sqlite3_finalize (stmt);
}

static char *
add_case (const char *journal, const char *given, const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case (journal);
  HwChild *child = hw_dossier_child (d);
  HwCase *c = hw_dossier_case (d);

  g_free (child->given_name);
  child->given_name = g_strdup (given);
  g_free (child->family_name);
  child->family_name = g_strdup (family);
  c->caseworker_id = g_strdup (fx.staff);
  hw_store_save_dossier (fx.store, d, &error);
  ck_assert_no_error (error);
  return g_strdup (c->rec.id);
}

static gboolean
caseload_ready (gpointer data)
{
  HwCaseload *caseload = hw_window_get_caseload (fx.window);

  return hw_caseload_get_rows_loaded (caseload) && hw_caseload_get_findings_loaded (caseload);
}

static void
open_window (void)
{
  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));
  ck_assert_msg (hw_ui_test_wait_for (caseload_ready, NULL, 30000), "the caseload did not load");
  hw_ui_test_spin (100);
}

static void
make_database (guint n_more)
{
  g_autoptr(GError) error = NULL;
  HwStaff *staff = hw_record_new (HW_ENTITY_STAFF);
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);
  HwHomeMember *member = hw_record_new (HW_ENTITY_HOME_MEMBER);
  HwMeasure *placement;

  fx.dir = hw_test_make_tmpdir ();
  fx.path = g_build_filename (fx.dir, "robust.db", NULL);
  fx.store = hw_store_open (fx.path, &error);
  ck_assert_no_error (error);
  hw_store_set_actor (fx.store, "ui-test");

  staff->name = g_strdup ("Kari <b>Saks</b> & co");
  staff->role = HW_ROLE_CASEWORKER;
  fx.staff = save_named (staff);
  home->name = g_strdup ("Berg & Sønn <b>");
  home->kind = HW_HOME_KINSHIP;
  home->municipality = g_strdup ("5001");
  fx.home_id = save_named (home);
  member->home_id = g_strdup (fx.home_id);
  member->name = g_strdup ("Anne <Berg> & Ola");
  member->role = HW_MEMBER_FOSTER_PARENT;
  g_free (save_named (member));

  ck_assert (hw_store_begin (fx.store, &error));
  fx.case_first = add_case ("2000-00001", "Først", "Førstesen");
  fx.case_15 = add_case ("2021-00015", "Femten", "Femtensen");
  fx.case_16 = add_case ("2021-00016", "Seksten", "Sekstensen");
  fx.case_markup = add_case ("2022-00001", MARKUP_GIVEN, "Testesen");
  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *journal = g_strdup_printf ("2010-%05u", i + 1);
      g_free (add_case (journal, "Mange", "Mangesen"));
    }
  ck_assert (hw_store_commit (fx.store, &error));

  placement = hw_test_new_measure (fx.case_markup, "2.1", hw_date_new (2024, 1, 20));
  placement->home_id = g_strdup (fx.home_id);
  g_free (save_named (placement));

  g_settings_reset (hw_application_get_settings (app), "user-staff-id");
  g_settings_reset (hw_application_get_settings (app), "user-team-id");
  g_settings_reset (hw_application_get_settings (app), "caseload-scope");
  g_settings_reset (hw_application_get_settings (app), "overdue-only");
}

static void
setup (void)
{
  make_database (0);
  open_window ();
}

static void
setup_many (void)
{
  make_database (MANY_CASES);
  open_window ();
}

static void
release_lock (void)
{
  if (fx.locker)
    {
      sqlite3_exec (fx.locker, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (fx.locker);
      fx.locker = NULL;
    }
}

/* Another program (an import) takes the write lock and keeps it. */
static void
hold_lock (void)
{
  ck_assert_int_eq (sqlite3_open (fx.path, &fx.locker), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (fx.locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
}

static void
teardown (void)
{
  GList *windows = gtk_window_list_toplevels ();

  release_lock ();
  for (GList *l = windows; l; l = l->next)
    if (l->data != fx.window)
      gtk_window_destroy (l->data);
  g_list_free (windows);
  gtk_window_destroy (GTK_WINDOW (fx.window));
  hw_ui_test_spin (50);
  g_clear_object (&fx.store);
  hw_test_remove_tree (fx.dir);
  g_free (fx.dir);
  g_free (fx.path);
  g_free (fx.staff);
  g_free (fx.home_id);
  g_free (fx.case_first);
  g_free (fx.case_15);
  g_free (fx.case_16);
  g_free (fx.case_markup);
  memset (&fx, 0, sizeof fx);
}

/* ---- helpers ---- */

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

static GtkWidget *
search_entry (void)
{
  return hw_ui_test_find_descendant (GTK_WIDGET (caseload_page ()), GTK_TYPE_SEARCH_ENTRY, NULL);
}

/* The case ids of the audit trail's "read" entries, in order. */
static GPtrArray *
read_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = hw_store_audit_list (fx.store, NULL, &error);
  GPtrArray *reads = g_ptr_array_new_with_free_func (g_free);

  ck_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const HwAuditEntry *e = entries->pdata[i];

      if (g_strcmp0 (e->action, "read") == 0)
        g_ptr_array_add (reads, g_strdup (e->case_id));
    }
  return reads;
}

static guint
n_reads_of (const char *case_id)
{
  g_autoptr(GPtrArray) reads = read_entries ();
  guint n = 0;

  for (guint i = 0; i < reads->len; i++)
    n += g_strcmp0 (reads->pdata[i], case_id) == 0;
  return n;
}

/* What a user does who types fast: the text and Enter in the same main-loop turn, before the
 * entry's search delay or the list's incremental filter have run. */
static void
type_and_enter (const char *text)
{
  GtkWidget *entry = search_entry ();

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
filter_settled (gpointer data)
{
  GListModel *model = hw_caseload_page_get_visible_model (caseload_page ());
  g_autoptr(HwCaseItem) first = g_list_model_get_item (model, 0);
  GtkWidget *entry = search_entry ();
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  guint n = g_list_model_get_n_items (model);

  /* Every row shown matches, and the count no longer changes between two looks. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);

      if (!hw_case_row_matches (hw_case_item_get_row (item), needle))
        return FALSE;
    }
  return GPOINTER_TO_UINT (data) == n;
}

static void
back_to_caseload (void)
{
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.back", NULL);
  hw_ui_test_spin (50);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
}

/* ---- 11: Enter in the search acts on what was typed ---- */

START_TEST (test_search_enter_opens_typed)
{
  GListModel *model = hw_caseload_page_get_visible_model (caseload_page ());
  g_autoptr(GPtrArray) reads = NULL;
  g_autofree char *expected_first = NULL;

  ck_assert (hw_ui_test_wait_for (filter_settled, GUINT_TO_POINTER (MANY_CASES + 4), 10000));
  reads = read_entries ();
  ck_assert_uint_eq (reads->len, 0);
  g_clear_pointer (&reads, g_ptr_array_unref);

  /* From the unfiltered list: the first row is another child. */
  type_and_enter ("2021-00015");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_15);
  back_to_caseload ();

  /* From one filter to another that is not narrower. */
  type_and_enter ("2021-00016");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_16);
  back_to_caseload ();

  /* Wider again: the first of what the finished filter shows. */
  type_and_enter ("mange");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert (hw_ui_test_wait_for (filter_settled, GUINT_TO_POINTER (MANY_CASES), 5000));
  {
    g_autoptr(HwCaseItem) first = g_list_model_get_item (model, 0);

    expected_first = g_strdup (hw_case_item_get_case_id (first));
  }
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), expected_first);
  back_to_caseload ();

  /* Nothing matches: nothing opens, nothing is logged. */
  type_and_enter ("2021-99999");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");
  hw_ui_test_spin (300);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "caseload");

  /* Exactly the three children opened were read, nobody else. */
  reads = read_entries ();
  ck_assert_uint_eq (reads->len, 3);
  ck_assert_str_eq (reads->pdata[0], fx.case_15);
  ck_assert_str_eq (reads->pdata[1], fx.case_16);
  ck_assert_str_eq (reads->pdata[2], expected_first);
  ck_assert_uint_eq (n_reads_of (fx.case_first), 0);
}
END_TEST

START_TEST (test_search_enter_opens_typed_few)
{
  /* The same with a list short enough for one filter batch: the entry's delay alone. */
  type_and_enter ("2021-00015");
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_15);
  ck_assert_uint_eq (n_reads_of (fx.case_first), 0);
  ck_assert_uint_eq (n_reads_of (fx.case_15), 1);
}
END_TEST

/* ---- 16: user text is shown as it is, and never widens a page ---- */

static gboolean
label_shows_in (GtkWidget *root, const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return TRUE;
      if (label_shows_in (c, text))
        return TRUE;
    }
  return FALSE;
}

/* An HwUiCondition: some label in the main window shows exactly @data. */
static gboolean
window_shows (gpointer data)
{
  return label_shows_in (GTK_WIDGET (fx.window), data);
}

static gpointer
find_toplevel (GType type)
{
  GList *windows = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = windows; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

START_TEST (test_markup_shown_literally)
{
  g_autofree char *members = g_strdup_printf (_("Members of %s"), "Berg & Sønn <b>");
  g_autofree char *deleted = g_strdup_printf (_("The case of %s was deleted"), MARKUP_NAME);
  AdwMessageDialog *dialog;

  hw_window_open_case (fx.window, fx.case_markup);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_title (child_page ()), MARKUP_NAME);
  ck_assert (window_shows (MARKUP_NAME));

  /* The foster home's name in the placement tab's group titles (always markup). */
  hw_child_page_show_tab (child_page (), "placement");
  hw_ui_test_spin (100);
  ck_assert_msg (window_shows (members), "no label shows “%s”", members);
  ck_assert (window_shows ("Anne <Berg> & Ola"));
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-markup-placement");

  /* Every toast from inside the window goes through the one helper. */
  hw_window_toast_from (GTK_WIDGET (caseload_page ()), "Setting “<x> & y” saved");
  ck_assert (hw_ui_test_wait_for (window_shows, "Setting “<x> & y” saved", 3000));

  /* A toast quoting the name. */
  gtk_widget_activate_action (GTK_WIDGET (child_page ()), "child.delete-case", NULL);
  hw_ui_test_spin (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  ck_assert_msg (hw_ui_test_wait_for (window_shows, deleted, 3000),
                 "the toast does not show “%s”", deleted);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-markup-toast");
  ck_assert (hw_ui_test_wait_for (filter_settled, GUINT_TO_POINTER (3), 3000));
}
END_TEST

static void
report_wide (GtkWidget *w, int depth)
{
  int min = 0, nat = 0;

  if (!gtk_widget_get_visible (w))
    return;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (nat <= NORMAL_WIDTH && min <= NORMAL_WIDTH)
    return;
  g_message ("%*s%s %s min %d nat %d", depth, "", G_OBJECT_TYPE_NAME (w),
             gtk_widget_get_name (w), min, nat);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    report_wide (c, depth + 1);
}

/* A label that cannot fit its text in its allocation (Pango's 32-bit units overflow on a line
 * of a few hundred thousand characters) draws it across the page, and a list column that
 * takes a whole name's width pushes the others out of the window: every mapped label's text
 * must lie within the label, and the label within the window. */
static void
assert_labels_fit_in (GtkWidget *parent, GtkWidget *window, const char *what)
{
  for (GtkWidget *c = gtk_widget_get_first_child (parent); c; c = gtk_widget_get_next_sibling (c))
    {
      /* (An entry's placeholder is a label of its own sizing.) */
      if (!gtk_widget_get_mapped (c) || GTK_IS_TEXT (c))
        continue;
      if (GTK_IS_LABEL (c) && *gtk_label_get_text (GTK_LABEL (c)))
        {
          int width = 0;
          graphene_rect_t bounds;

          pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (c)), &width, NULL);
          ck_assert_msg (width >= 0 && width <= gtk_widget_get_width (c) + 1,
                         "%s: a label %d px wide draws %d px of text: “%.40s…”", what,
                         gtk_widget_get_width (c), width, gtk_label_get_text (GTK_LABEL (c)));
          ck_assert (gtk_widget_compute_bounds (c, window, &bounds));
          ck_assert_msg (bounds.origin.x + MIN (width, bounds.size.width)
                         <= gtk_widget_get_width (window) + 1,
                         "%s: a label's text reaches %.0f px, past the window's %d px: “%.40s…”",
                         what, bounds.origin.x + MIN (width, bounds.size.width),
                         gtk_widget_get_width (window), gtk_label_get_text (GTK_LABEL (c)));
        }
      assert_labels_fit_in (c, window, what);
    }
}

/* The same test without asserting, to wait for a page to settle: the child page fills in
 * its duties after it is shown, and on a loaded machine that takes more than a few frames. */
static gboolean
labels_fit_in (GtkWidget *parent, GtkWidget *window)
{
  for (GtkWidget *c = gtk_widget_get_first_child (parent); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c) || GTK_IS_TEXT (c))
        continue;
      if (GTK_IS_LABEL (c) && *gtk_label_get_text (GTK_LABEL (c)))
        {
          int width = 0;
          graphene_rect_t bounds;

          pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (c)), &width, NULL);
          if (width < 0 || width > gtk_widget_get_width (c) + 1 ||
              !gtk_widget_compute_bounds (c, window, &bounds) ||
              bounds.origin.x + MIN (width, bounds.size.width) > gtk_widget_get_width (window) + 1)
            return FALSE;
        }
      if (!labels_fit_in (c, window))
        return FALSE;
    }
  return TRUE;
}

static gboolean
window_labels_fit (gpointer window)
{
  return labels_fit_in (window, window);
}

static void
assert_labels_fit (GtkWidget *window, const char *what)
{
  assert_labels_fit_in (window, window, what);
}

static void
assert_normal_width (GtkWidget *widget, const char *what)
{
  if (g_getenv ("HW_DEBUG_WIDTH"))
    report_wide (widget, 0);

  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_message ("%s: minimum width %d, natural width %d", what, min, nat);
  ck_assert_msg (min <= NORMAL_WIDTH && nat <= NORMAL_WIDTH,
                 "%s: %d px minimum, %d px natural (normal: %d)", what, min, nat, NORMAL_WIDTH);
  assert_labels_fit (widget, what);
}

static char *
huge_name (guint n_chars)
{
  GString *s = g_string_sized_new (n_chars);

  for (guint i = 0; i < n_chars; i++)
    g_string_append_c (s, "Wilhelmina"[i % 10]);
  return g_string_free (s, FALSE);
}

START_TEST (test_huge_name_keeps_width)
{
  g_autofree char *name = huge_name (HUGE_NAME_CHARS);
  /* The issue's own: a megabyte. */
  g_autofree char *home_name = huge_name (1000000);
  g_autofree char *case_id = NULL;
  g_autofree char *visit_id = NULL;
  g_autofree char *home_id = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const tabs[] = { "overview", "package", "parents", "placement", "samvaer",
                                      "plans", "reunification", "visits" };
  GtkWindow *editor;
  HwVisit *visit = hw_record_new (HW_ENTITY_VISIT);
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);

  /* As an import or an older version may have stored it: no length limit on the way in. */
  case_id = add_case ("2023-00001", "Lang", "Langesen");
  {
    g_autoptr(HwDossier) stored = hw_store_load_case (fx.store, case_id, &error);
    const char *child_id;

    ck_assert_no_error (error);
    child_id = ((HwRecord *) hw_dossier_child (stored))->id;
    store_unchecked (HW_ENTITY_CHILD, "given_name", child_id, name);
    store_unchecked (HW_ENTITY_CHILD, "family_name", child_id, name);
  }
  visit->case_id = g_strdup (case_id);
  visit->kind = HW_VISIT_FOLLOWUP;
  visit->date = hw_date_new (2024, 2, 1);
  visit->notes = g_strdup ("-");
  visit_id = save_named (visit);
  store_unchecked (HW_ENTITY_VISIT, "notes", visit_id, name);
  home->name = g_strdup ("Hjem");
  home->kind = HW_HOME_ORDINARY;
  home->municipality = g_strdup ("5001");
  home_id = save_named (home);
  store_unchecked (HW_ENTITY_FOSTER_HOME, "name", home_id, home_name);
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.reload", NULL);
  ck_assert (hw_ui_test_wait_for (caseload_ready, NULL, 20000));
  hw_ui_test_spin (500);
  assert_normal_width (GTK_WIDGET (fx.window), "caseload");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-huge-caseload");

  hw_window_open_case (fx.window, case_id);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), case_id);
  hw_ui_test_spin (200);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *what = g_strdup_printf ("child page, %s", tabs[i]);

      hw_child_page_show_tab (child_page (), tabs[i]);
      hw_ui_test_spin (50);
      hw_ui_test_wait_for (window_labels_fit, fx.window, 3000);
      assert_normal_width (GTK_WIDGET (fx.window), what);
    }
  hw_child_page_show_tab (child_page (), "overview");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-huge-child");
  ck_assert_int_le (gtk_widget_get_width (GTK_WIDGET (fx.window)), NORMAL_WIDTH);

  editor = hw_child_page_log_visit (child_page ());
  ck_assert_ptr_nonnull (editor);
  hw_ui_test_spin (200);
  assert_normal_width (GTK_WIDGET (editor), "visit form");
  hw_ui_test_screenshot (GTK_WIDGET (editor), "robust-huge-visit-form");
  gtk_window_destroy (editor);

  gtk_widget_activate_action (GTK_WIDGET (child_page ()), "child.edit-child", NULL);
  hw_ui_test_spin (200);
  editor = find_toplevel (HW_TYPE_RECORD_EDITOR);
  ck_assert_ptr_nonnull (editor);
  assert_normal_width (GTK_WIDGET (editor), "child form");
  gtk_window_destroy (editor);

  back_to_caseload ();
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "team");
  hw_team_page_set_only_due (HW_TEAM_PAGE (hw_window_get_page (fx.window, "team")), FALSE);
  /* Past the record page's sliding out. */
  hw_ui_test_spin (800);
  assert_normal_width (GTK_WIDGET (fx.window), "team");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-huge-team");

  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.show-view", "s", "homes");
  hw_ui_test_spin (1000);
  assert_normal_width (GTK_WIDGET (fx.window), "foster homes");
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-huge-homes");
}
END_TEST

/* ---- 14: another program holds the write lock ---- */

START_TEST (test_open_while_locked)
{
  gint64 start, took;

  hold_lock ();
  start = g_get_monotonic_time ();
  hw_window_open_case (fx.window, fx.case_15);
  took = g_get_monotonic_time () - start;
  g_message ("opened a record under another program's write lock in %.0f ms", took / 1000.0);
  /* Shown at once; the busy timeout is ten seconds. */
  ck_assert_msg (took < 2 * G_USEC_PER_SEC, "opening took %.1f s", took / 1e6);
  ck_assert_str_eq (hw_window_get_visible_view (fx.window), "child");
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_15);
  hw_ui_test_screenshot (GTK_WIDGET (fx.window), "robust-open-locked");
  /* The entry waits for the lock, the window does not. */
  hw_ui_test_spin (500);
  ck_assert_uint_eq (n_reads_of (fx.case_15), 0);
  ck_assert_uint_eq (hw_window_get_n_reads_pending (fx.window), 1);

  release_lock ();
  start = g_get_monotonic_time ();
  ck_assert_msg (hw_ui_test_wait_for ((HwUiCondition) n_reads_of, fx.case_15, 5000),
                 "the read was not written after the lock was released");
  g_message ("the opening's audit entry written %.0f ms after the lock was released",
             (g_get_monotonic_time () - start) / 1000.0);
  ck_assert_uint_eq (n_reads_of (fx.case_15), 1);
  ck_assert_uint_eq (hw_window_get_n_reads_pending (fx.window), 0);
  {
    gint64 bad = 0;
    guint64 n = 0;
    g_autoptr(GError) error = NULL;

    ck_assert (hw_store_audit_verify (fx.store, &bad, &n, &error));
    ck_assert_no_error (error);
  }
}
END_TEST

static gpointer
release_later_thread (gpointer data)
{
  g_usleep (GPOINTER_TO_UINT (data) * 1000);
  release_lock ();
  return NULL;
}

START_TEST (test_pending_read_written_at_close)
{
  g_autoptr(GThread) releaser = NULL;

  hold_lock ();
  hw_window_open_case (fx.window, fx.case_16);
  ck_assert_str_eq (hw_child_page_get_case_id (child_page ()), fx.case_16);
  ck_assert_uint_eq (n_reads_of (fx.case_16), 0);

  /* The app quits while the import still writes: closing waits for the lock, then writes. */
  releaser = g_thread_new ("releaser", release_later_thread, GUINT_TO_POINTER (700));
  gtk_window_destroy (GTK_WINDOW (fx.window));
  g_thread_join (g_steal_pointer (&releaser));
  ck_assert_uint_eq (n_reads_of (fx.case_16), 1);
  /* teardown() destroys the window again: a fresh one stands in. */
  fx.window = hw_window_new (app, fx.store);
}
END_TEST

static HwRecordEditor *
find_editor (void)
{
  return find_toplevel (HW_TYPE_RECORD_EDITOR);
}

static void
press_enter_in (GtkWidget *row)
{
  GtkEditable *editable = GTK_EDITABLE (row);

  while (gtk_editable_get_delegate (editable))
    editable = gtk_editable_get_delegate (editable);
  g_signal_emit_by_name (editable, "activate");
}

START_TEST (test_save_while_locked)
{
  HwRecordEditor *editor;
  GtkWidget *notes;
  gint64 start, took;
  g_autoptr(HwDossier) stored = NULL;
  const char *message;

  hw_window_open_case (fx.window, fx.case_15);
  gtk_widget_activate_action (GTK_WIDGET (fx.window), "win.log-visit", NULL);
  hw_ui_test_spin (100);
  editor = find_editor ();
  ck_assert_ptr_nonnull (editor);
  notes = hw_record_editor_get_row (editor, "notes");
  gtk_editable_set_text (GTK_EDITABLE (notes), "Besøk mens importen skriver");

  hold_lock ();
  start = g_get_monotonic_time ();
  press_enter_in (notes);
  took = g_get_monotonic_time () - start;
  g_message ("a save refused under another program's write lock after %.0f ms", took / 1000.0);
  ck_assert_msg (took < 2 * G_USEC_PER_SEC, "the save froze the window %.1f s", took / 1e6);
  /* The form stays, with what was typed and why it is not saved. */
  ck_assert_ptr_eq (find_editor (), editor);
  message = hw_record_editor_get_error (editor);
  ck_assert_ptr_nonnull (message);
  ck_assert_str_eq (message, _("The database is busy with another program (e.g. an import); "
                               "your change is not saved yet — try again"));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (notes)), "Besøk mens importen skriver");
  hw_ui_test_screenshot (GTK_WIDGET (editor), "robust-save-locked");

  release_lock ();
  press_enter_in (notes);
  ck_assert_ptr_null (find_editor ());
  stored = hw_store_load_case (fx.store, fx.case_15, NULL);
  ck_assert_uint_eq (hw_dossier_get (stored, HW_ENTITY_VISIT)->len, 1);
}
END_TEST

static Suite *
robust_suite (void)
{
  Suite *s = suite_create ("ui-robust");
  TCase *tc;

  tc = tcase_create ("search");
  tcase_add_checked_fixture (tc, setup_many, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_search_enter_opens_typed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("window");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_search_enter_opens_typed_few);
  tcase_add_test (tc, test_markup_shown_literally);
  tcase_add_test (tc, test_huge_name_keeps_width);
  tcase_add_test (tc, test_open_while_locked);
  tcase_add_test (tc, test_pending_read_written_at_close);
  tcase_add_test (tc, test_save_while_locked);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, robust_suite);
}
