/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences' "Activity Template" page, under Xvfb, on a fresh database: driven through
 * its actions and the editor's rows, asserted on what the store then holds. Screenshots go to
 * the folder given as the first argument (the build folder's tests/artifacts). */
#define G_LOG_DOMAIN "test-ui-template"

#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "hw-application.h"
#include "hw-error.h"
#include "hw-preferences-window.h"
#include "hw-preferences-window-private.h"
#include "hw-template-editor.h"
#include "hw-service-template.h"
#include "hw-template-item.h"
#include "hw-template-page.h"
#include "hw-template-page-private.h"
#include "hw-test-support.h"
#include "hw-ui-test.h"
#include "hw-window.h"

static HwApplication *app;

#define MOVE_IN_PLAN "child-move-in-plan"

/* ---- fixture ---- */

typedef struct {
  char                *dir;
  HwStore             *store;
  HwWindow            *window;
  HwPreferencesWindow *prefs;
  HwTemplatePage      *page;
  guint                n_ordinary;
  guint                n_reversed;
} Fixture;

static Fixture fx;




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

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPlanTemplate) shipped = hw_plan_template_load_default (&error);
  HwTeam *team = hw_record_new (HW_ENTITY_TEAM);
  HwStaff *staff = hw_record_new (HW_ENTITY_STAFF);

  ck_assert_no_error (error);
  fx.n_ordinary = hw_plan_template_get_rows (shipped, HW_TEMPLATE_ORDINARY)->len;
  fx.n_reversed = hw_plan_template_get_rows (shipped, HW_TEMPLATE_REVERSED)->len;

  fx.store = hw_test_open_store (&fx.dir);
  hw_store_set_actor (fx.store, "ui-test");
  team->name = g_strdup ("Team Nord");
  staff->name = g_strdup ("Per Leder");
  staff->role = HW_ROLE_SUPERVISOR;
  staff->team_id = g_strdup (team->rec.id);
  ck_assert (hw_store_save (fx.store, team, &error));
  ck_assert (hw_store_save (fx.store, staff, &error));
  hw_record_free (team);
  hw_record_free (staff);

  fx.window = hw_window_new (app, fx.store);
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fx.window));
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.window, 10000));

  hw_window_show_preferences (fx.window);
  fx.prefs = find_toplevel (HW_TYPE_PREFERENCES_WINDOW);
  ck_assert_ptr_nonnull (fx.prefs);
  ck_assert (hw_ui_test_wait_for (hw_ui_test_window_mapped, fx.prefs, 10000));
  fx.page = hw_preferences_window_get_template_page (fx.prefs);
  ck_assert_ptr_nonnull (fx.page);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fx.prefs), "template");
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
  memset (&fx, 0, sizeof fx);
}

/* ---- helpers ---- */



/* The activity's row in the page's list. */
static AdwActionRow *
list_row (const char *key)
{
  GtkWidget *row = hw_ui_test_find_descendant (GTK_WIDGET (fx.page), ADW_TYPE_ACTION_ROW, key);

  ck_assert_msg (row != NULL, "no row for %s", key);
  return ADW_ACTION_ROW (row);
}

/* Opens an activity the way a click on its row does: through the row's action. */
static HwTemplateEditor *
open_editor (const char *key)
{
  GtkWidget *editor;

  ck_assert (gtk_widget_activate (GTK_WIDGET (list_row (key))));
  hw_ui_test_spin (300);
  editor = hw_ui_test_find_descendant (GTK_WIDGET (fx.prefs), HW_TYPE_TEMPLATE_EDITOR, NULL);
  ck_assert_ptr_nonnull (editor);
  ck_assert_str_eq (hw_template_item_get_key (
                      hw_template_editor_get_item (HW_TEMPLATE_EDITOR (editor))), key);
  return HW_TEMPLATE_EDITOR (editor);
}

static GtkWidget *
editor_field (HwTemplateEditor *editor, GType type, const char *name)
{
  GtkWidget *w = hw_ui_test_find_descendant (GTK_WIDGET (editor), type, name);

  ck_assert_msg (w != NULL, "the editor has no %s", name);
  return w;
}

static void
type_title (HwTemplateEditor *editor, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_field (editor, ADW_TYPE_ENTRY_ROW, "title")), text);
  hw_ui_test_spin (50);
}

static void
activate (GtkWidget *widget, const char *action, GVariant *target)
{
  ck_assert_msg (gtk_widget_activate_action_variant (widget, action, target),
                 "%s did not activate", action);
  hw_ui_test_spin (100);
}

static HwPlanTemplate *
stored_template (void)
{
  g_autoptr(GError) error = NULL;
  HwPlanTemplate *tpl = hw_service_load_plan_template (fx.store, &error);

  ck_assert_no_error (error);
  return tpl;
}

static char *
stored_xml (void)
{
  return hw_store_dup_setting (fx.store, HW_PLAN_TEMPLATE_SETTING);
}

static const char *
exact_title (const HwTemplateRow *row, const char *lang)
{
  for (guint i = 0; i < row->titles->len; i++)
    {
      const HwLocalizedText *t = row->titles->pdata[i];

      if (g_str_equal (t->lang, lang))
        return t->text;
    }
  return NULL;
}

/* A button bound to @action anywhere in @root: a toast's, say. */
static GtkWidget *
find_action_button (GtkWidget *root, const char *action)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action) == 0)
        return c;
      if ((found = find_action_button (c, action)))
        return found;
    }
  return NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* ---- tests ---- */

START_TEST (test_template_shown)
{
  GListModel *ordinary = hw_template_page_get_model (fx.page, HW_TEMPLATE_ORDINARY);
  GListModel *reversed = hw_template_page_get_model (fx.page, HW_TEMPLATE_REVERSED);
  AdwActionRow *row;

  ck_assert_str_eq (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (fx.page)),
                    "Activity Template");
  ck_assert_uint_eq (g_list_model_get_n_items (ordinary), fx.n_ordinary);
  ck_assert_uint_eq (g_list_model_get_n_items (reversed), fx.n_reversed);
  ck_assert (!hw_template_page_get_modified (fx.page));
  ck_assert_ptr_null (hw_template_page_get_message (fx.page));

  row = list_row (MOVE_IN_PLAN);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                    "Plan for moving in, made with the child, the parents and the foster home");
  ck_assert_str_eq (adw_action_row_get_subtitle (row),
                    "The child · Move-in − 7 days · Caseworker · Guidance");
  ck_assert_str_eq (adw_action_row_get_subtitle (list_row ("child-followup-visit")),
                    "The child · Move-in + 7 days · every 3 months for 12 months · Caseworker"
                    " · Law");
  ck_assert_ptr_nonnull (list_row ("rev-child-return-plan"));
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template");

  /* The longest title still fits the window. */
  open_editor ("child-pp-service");
  ck_assert_int_le (gtk_widget_get_width (GTK_WIDGET (fx.prefs)), 640);
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-editor-long");
}
END_TEST

START_TEST (test_template_edit_save)
{
  HwTemplateEditor *editor = open_editor (MOVE_IN_PLAN);
  g_autoptr(HwPlanTemplate) stored = NULL;
  const HwTemplateRow *row;
  HwTemplateVariant variant;

  type_title (editor, "Plan for moving in, agreed with the school");
  /* Typed into the number field, not yet entered: saving takes it over. */
  gtk_editable_set_text (GTK_EDITABLE (editor_field (editor, GTK_TYPE_SPIN_BUTTON,
                                                     "offset-days")), "-10");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_field (editor, ADW_TYPE_COMBO_ROW,
                                                           "responsible")),
                              HW_RESPONSIBLE_TEAM_LEADER);
  gtk_editable_set_text (GTK_EDITABLE (editor_field (editor, ADW_TYPE_ENTRY_ROW,
                                                     "participants")),
                         "The child, the parents");
  hw_ui_test_spin (50);
  ck_assert (hw_template_page_get_modified (fx.page));
  /* The list follows the editor. */
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (MOVE_IN_PLAN))),
                    "Plan for moving in, agreed with the school");
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-editor");

  /* Ctrl+S's action, from the editor. */
  activate (GTK_WIDGET (editor), "template.save", NULL);
  ck_assert_ptr_null (hw_template_page_get_message (fx.page));
  ck_assert (!hw_template_page_get_modified (fx.page));

  stored = stored_template ();
  row = hw_plan_template_find_row (stored, MOVE_IN_PLAN, &variant);
  ck_assert_ptr_nonnull (row);
  ck_assert_int_eq (variant, HW_TEMPLATE_ORDINARY);
  ck_assert_str_eq (hw_template_row_get_title (row), "Plan for moving in, agreed with the school");
  ck_assert_str_eq (hw_template_row_get_participants (row), "The child, the parents");
  ck_assert_int_eq (row->offset_days, -10);
  ck_assert_int_eq (row->responsible, HW_RESPONSIBLE_TEAM_LEADER);
  ck_assert_str_eq (adw_action_row_get_subtitle (list_row (MOVE_IN_PLAN)),
                    "The child · Move-in − 10 days · Team leader · Guidance");
  /* Only the language edited in changed. */
  ck_assert_str_eq (exact_title (row, "nb"),
                    "Plan for innflyttingen, laget sammen med barnet, foreldrene og "
                    "fosterhjemmet");
  ck_assert_uint_eq (hw_plan_template_get_rows (stored, HW_TEMPLATE_ORDINARY)->len,
                     fx.n_ordinary);
  ck_assert_uint_eq (hw_plan_template_get_rows (stored, HW_TEMPLATE_REVERSED)->len,
                     fx.n_reversed);
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                      hw_ui_test_find_descendant (GTK_WIDGET (fx.page), ADW_TYPE_ACTION_ROW, NULL))),
                    "The Municipality’s Own Template");
}
END_TEST

START_TEST (test_template_invalid_refused)
{
  HwTemplateEditor *editor = open_editor (MOVE_IN_PLAN);
  GtkWidget *title = editor_field (editor, ADW_TYPE_ENTRY_ROW, "title");
  g_autoptr(HwPlanTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  const char *message;

  /* A change that is fine, and an empty title. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_field (editor, GTK_TYPE_SPIN_BUTTON,
                                                            "offset-days")), -21);
  type_title (editor, "   ");
  ck_assert (gtk_widget_has_css_class (title, "error"));
  activate (GTK_WIDGET (editor), "template.save", NULL);

  /* Refused, saying which field of which activity. */
  message = hw_template_page_get_message (fx.page);
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (g_str_has_prefix (message, "The title cannot be empty") &&
                 strstr (message, "Plan for moving in"), "%s", message);
  xml = stored_xml ();
  ck_assert_ptr_null (xml);
  stored = stored_template ();
  ck_assert_int_eq (hw_plan_template_find_row (stored, MOVE_IN_PLAN, NULL)->offset_days, -7);
  /* Nothing typed is lost. */
  ck_assert (hw_template_page_get_modified (fx.page));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (title)), "   ");
  ck_assert_int_eq (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                      editor_field (editor, GTK_TYPE_SPIN_BUTTON, "offset-days"))), -21);

  /* The same from the API, for the other messages. */
  ck_assert (!hw_template_page_save (fx.page, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_REQUIRED));
  g_clear_error (&error);

  activate (GTK_WIDGET (editor), "editor.back", NULL);
  hw_ui_test_spin (400);
  ck_assert (gtk_widget_get_visible (hw_ui_test_find_descendant (GTK_WIDGET (list_row (MOVE_IN_PLAN)),
                                                      GTK_TYPE_IMAGE, "warning")));
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (MOVE_IN_PLAN))),
                    "Untitled Activity");
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-refused");

  /* Fixed, it saves. */
  editor = open_editor (MOVE_IN_PLAN);
  type_title (editor, "Plan for moving in");
  activate (GTK_WIDGET (editor), "template.save", NULL);
  ck_assert_ptr_null (hw_template_page_get_message (fx.page));
  g_clear_object (&stored);
  stored = stored_template ();
  ck_assert_int_eq (hw_plan_template_find_row (stored, MOVE_IN_PLAN, NULL)->offset_days, -21);
  ck_assert_str_eq (hw_template_row_get_title (hw_plan_template_find_row (stored, MOVE_IN_PLAN,
                                                                          NULL)),
                    "Plan for moving in");
}
END_TEST

START_TEST (test_template_add_remove)
{
  GListModel *reversed = hw_template_page_get_model (fx.page, HW_TEMPLATE_REVERSED);
  HwTemplateEditor *editor;
  g_autoptr(HwPlanTemplate) stored = NULL;
  const HwTemplateRow *row;
  HwTemplateVariant variant;
  GtkWidget *for_months;
  GtkWidget *undo;

  activate (GTK_WIDGET (fx.page), "template.add", g_variant_new_string ("reversed"));
  ck_assert_uint_eq (g_list_model_get_n_items (reversed), fx.n_reversed + 1);
  editor = HW_TEMPLATE_EDITOR (hw_ui_test_find_descendant (GTK_WIDGET (fx.prefs), HW_TYPE_TEMPLATE_EDITOR,
                                                NULL));
  ck_assert_ptr_nonnull (editor);
  ck_assert_str_eq (hw_template_item_get_key (hw_template_editor_get_item (editor)), "local-1");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (editor_field (editor, ADW_TYPE_ENTRY_ROW,
                                                                       "title"))),
                    "New activity");
  type_title (editor, "Home visit in the first week & <after>");
  for_months = gtk_widget_get_ancestor (editor_field (editor, GTK_TYPE_SPIN_BUTTON, "for-months"),
                                        ADW_TYPE_ACTION_ROW);
  ck_assert (!gtk_widget_get_sensitive (for_months));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_field (editor, GTK_TYPE_SPIN_BUTTON,
                                                            "repeat-days")), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_field (editor, GTK_TYPE_SPIN_BUTTON,
                                                            "for-months")), 1);
  ck_assert (gtk_widget_get_sensitive (for_months));
  gtk_switch_set_active (GTK_SWITCH (editor_field (editor, GTK_TYPE_SWITCH, "per-parent")), TRUE);
  activate (GTK_WIDGET (editor), "template.save", NULL);
  ck_assert_ptr_null (hw_template_page_get_message (fx.page));

  stored = stored_template ();
  row = hw_plan_template_find_row (stored, "local-1", &variant);
  ck_assert_ptr_nonnull (row);
  ck_assert_int_eq (variant, HW_TEMPLATE_REVERSED);
  ck_assert_str_eq (hw_template_row_get_title (row), "Home visit in the first week & <after>");
  ck_assert_int_eq (row->anchor, HW_ANCHOR_RETURN);
  ck_assert_int_eq (row->repeat_days, 7);
  ck_assert_int_eq (row->for_months, 1);
  ck_assert (row->per_parent);
  ck_assert_int_eq (row->basis, 'K');

  /* Removed from the editor, undone from the toast, removed again and saved. */
  activate (GTK_WIDGET (editor), "template.remove", g_variant_new_string ("local-1"));
  hw_ui_test_spin (400);
  ck_assert_uint_eq (g_list_model_get_n_items (reversed), fx.n_reversed);
  ck_assert_ptr_null (hw_ui_test_find_descendant (GTK_WIDGET (fx.prefs), HW_TYPE_TEMPLATE_EDITOR, NULL));
  /* The toast's Undo button. */
  undo = find_action_button (GTK_WIDGET (fx.prefs), "template.undo-remove");
  ck_assert_ptr_nonnull (undo);
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-removed");
  g_signal_emit_by_name (undo, "clicked");
  hw_ui_test_spin (100);
  ck_assert_uint_eq (g_list_model_get_n_items (reversed), fx.n_reversed + 1);
  ck_assert_ptr_nonnull (list_row ("local-1"));
  /* A second new activity gets a key of its own. */
  activate (GTK_WIDGET (fx.page), "template.add", g_variant_new_string ("ordinary"));
  editor = HW_TEMPLATE_EDITOR (hw_ui_test_find_descendant (GTK_WIDGET (fx.prefs), HW_TYPE_TEMPLATE_EDITOR,
                                                NULL));
  ck_assert_str_eq (hw_template_item_get_key (hw_template_editor_get_item (editor)), "local-2");
  activate (GTK_WIDGET (editor), "template.remove", g_variant_new_string ("local-2"));
  activate (GTK_WIDGET (fx.page), "template.remove", g_variant_new_string ("local-1"));
  activate (GTK_WIDGET (fx.page), "template.save", NULL);
  g_clear_object (&stored);
  stored = stored_template ();
  ck_assert_ptr_null (hw_plan_template_find_row (stored, "local-1", NULL));
  ck_assert_uint_eq (hw_plan_template_get_rows (stored, HW_TEMPLATE_REVERSED)->len,
                     fx.n_reversed);
  ck_assert_uint_eq (hw_plan_template_get_rows (stored, HW_TEMPLATE_ORDINARY)->len,
                     fx.n_ordinary);
}
END_TEST

START_TEST (test_template_reset)
{
  HwTemplateEditor *editor = open_editor (MOVE_IN_PLAN);
  AdwMessageDialog *dialog;
  g_autoptr(HwPlanTemplate) stored = NULL;
  g_autofree char *xml = NULL;

  type_title (editor, "Our own plan for moving in");
  activate (GTK_WIDGET (editor), "template.save", NULL);
  xml = stored_xml ();
  ck_assert_ptr_nonnull (xml);
  g_clear_pointer (&xml, g_free);
  activate (GTK_WIDGET (editor), "editor.back", NULL);

  /* Asks first; cancelling keeps the municipality's template. */
  activate (GTK_WIDGET (fx.page), "template.reset", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  hw_ui_test_screenshot (GTK_WIDGET (dialog), "preferences-template-reset");
  adw_message_dialog_response (dialog, "cancel");
  hw_ui_test_spin (100);
  xml = stored_xml ();
  ck_assert_ptr_nonnull (xml);
  g_clear_pointer (&xml, g_free);

  activate (GTK_WIDGET (fx.page), "template.reset", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "reset");
  hw_ui_test_spin (100);
  xml = stored_xml ();
  ck_assert_ptr_null (xml);
  stored = stored_template ();
  ck_assert_str_eq (hw_template_row_get_title (hw_plan_template_find_row (stored, MOVE_IN_PLAN,
                                                                          NULL)),
                    "Plan for moving in, made with the child, the parents and the foster home");
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (MOVE_IN_PLAN))),
                    "Plan for moving in, made with the child, the parents and the foster home");
  ck_assert (!hw_template_page_get_modified (fx.page));
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                      hw_ui_test_find_descendant (GTK_WIDGET (fx.page), ADW_TYPE_ACTION_ROW, NULL))),
                    "The Default Template from Homeward");
}
END_TEST

/* Closing the preferences over unsaved edits asks; "Discard" forgets them. */
START_TEST (test_template_close_unsaved)
{
  HwTemplateEditor *editor = open_editor (MOVE_IN_PLAN);
  AdwMessageDialog *dialog;
  g_autofree char *xml = NULL;

  type_title (editor, "Not to be kept");
  gtk_window_close (GTK_WINDOW (fx.prefs));
  hw_ui_test_spin (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (fx.prefs)));
  adw_message_dialog_response (dialog, "cancel");
  hw_ui_test_spin (100);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (fx.prefs)));
  ck_assert (hw_template_page_get_modified (fx.page));

  gtk_window_close (GTK_WINDOW (fx.prefs));
  hw_ui_test_spin (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  ck_assert (hw_ui_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (HW_TYPE_PREFERENCES_WINDOW), 5000));
  xml = stored_xml ();
  ck_assert_ptr_null (xml);
}
END_TEST

/* A stored copy that cannot be read: the page says why, shows the default, and saving it
 * replaces the broken copy. */
START_TEST (test_template_unreadable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPlanTemplate) stored = NULL;
  const char *message;

  ck_assert (hw_store_set_setting (fx.store, HW_PLAN_TEMPLATE_SETTING, "<plan-template", &error));
  hw_template_page_set_store (fx.page, fx.store);
  message = hw_template_page_get_message (fx.page);
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (strstr (message, "could not be read"), "%s", message);
  ck_assert_uint_eq (g_list_model_get_n_items (hw_template_page_get_model (
                                                 fx.page, HW_TEMPLATE_ORDINARY)),
                     fx.n_ordinary);
  ck_assert (hw_template_page_get_modified (fx.page));
  activate (GTK_WIDGET (fx.page), "template.save", NULL);
  ck_assert_ptr_null (hw_template_page_get_message (fx.page));
  stored = stored_template ();
  ck_assert_uint_eq (hw_plan_template_get_rows (stored, HW_TEMPLATE_ORDINARY)->len,
                     fx.n_ordinary);
}
END_TEST

/* Run with LANGUAGE=nb: the template's own texts in bokmål, and edits go into bokmål. */
START_TEST (test_template_norwegian)
{
  HwTemplateEditor *editor;
  g_autoptr(HwPlanTemplate) stored = NULL;
  const HwTemplateRow *row;

  ck_assert_str_eq (hw_template_item_get_edit_language (), "nb");
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row (MOVE_IN_PLAN))),
                    "Plan for innflyttingen, laget sammen med barnet, foreldrene og "
                    "fosterhjemmet");
  ck_assert_ptr_nonnull (strstr (adw_action_row_get_subtitle (list_row (MOVE_IN_PLAN)),
                                 "Barnet · Innflytting"));
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-nb");

  editor = open_editor (MOVE_IN_PLAN);
  type_title (editor, "Plan for innflyttingen, avtalt med skolen");
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-editor-nb");
  activate (GTK_WIDGET (editor), "template.save", NULL);
  stored = stored_template ();
  row = hw_plan_template_find_row (stored, MOVE_IN_PLAN, NULL);
  ck_assert_str_eq (exact_title (row, "nb"), "Plan for innflyttingen, avtalt med skolen");
  ck_assert_str_eq (exact_title (row, "en"),
                    "Plan for moving in, made with the child, the parents and the foster home");

  type_title (editor, "");
  activate (GTK_WIDGET (editor), "template.save", NULL);
  ck_assert_ptr_nonnull (hw_template_page_get_message (fx.page));
  activate (GTK_WIDGET (editor), "editor.back", NULL);
  hw_ui_test_screenshot (GTK_WIDGET (fx.prefs), "preferences-template-refused-nb");
}
END_TEST

static Suite *
template_suite (void)
{
  Suite *s = suite_create ("ui-template");
  TCase *tc = tcase_create ("template-page");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "nb"))
    {
      /* The Norwegian run: the other tests assert the English source strings. */
      tcase_add_test (tc, test_template_norwegian);
      suite_add_tcase (s, tc);
      return s;
    }
  tcase_add_test (tc, test_template_shown);
  tcase_add_test (tc, test_template_edit_save);
  tcase_add_test (tc, test_template_invalid_refused);
  tcase_add_test (tc, test_template_add_remove);
  tcase_add_test (tc, test_template_reset);
  tcase_add_test (tc, test_template_close_unsaved);
  tcase_add_test (tc, test_template_unreadable);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char *argv[])
{
  return hw_ui_test_main (argc, argv, &app, template_suite);
}
