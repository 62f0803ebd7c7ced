/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's caseload model (app/model) without GTK and without a display: the rows of a
 * demo caseload, each case's overdue count and next due duty as `check` finds them, and a
 * caseworker's worklist as `check --staff` gives it. */
#include "config.h"

#include <string.h>

#include "hw-caseload-check.h"
#include "hw-caseload.h"
#include "hw-caseload-private.h"
#include "hw-service-demo.h"
#include "hw-test-support.h"

#define TODAY hw_date_new (2026, 11, 23)

static char *dir;
static HwStore *store;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  HwDemoOptions options = { 60, 7, TODAY };

  store = hw_test_open_store (&dir);
  ck_assert_msg (hw_service_write_demo (store, &options, NULL, NULL, &error), "%s",
                 error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_object (&store);
  hw_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
}

static HwCaseload *
load_caseload (void)
{
  g_autoptr(GError) error = NULL;
  HwCaseload *caseload = hw_caseload_new (store, TODAY);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  ck_assert_msg (hw_caseload_load (caseload, &error), "%s", error ? error->message : "");
  /* The rows and then the findings arrive from worker threads through the main context. */
  while (!hw_caseload_get_findings_loaded (caseload) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (hw_caseload_get_rows_loaded (caseload));
  ck_assert (hw_caseload_get_findings_loaded (caseload));
  return caseload;
}

/* What the list shows of one case, worked out from `check --all`'s findings. */
typedef struct {
  guint       n_overdue;
  guint       n_due_soon;
  HwDate      next_due;
  GPtrArray  *next_titles;   /* the titles due on next_due (one of them is shown) */
} Expected;

static void
expected_free (Expected *e)
{
  g_ptr_array_unref (e->next_titles);
  g_free (e);
}

static gboolean
is_open (const HwFinding *f)
{
  HwFindingState s = hw_finding_get_state (f);

  return s == HW_FINDING_OVERDUE || s == HW_FINDING_DUE_SOON;
}

static Expected *
expect (GPtrArray *findings)
{
  Expected *e = g_new0 (Expected, 1);
  gboolean any_open = FALSE;

  e->next_titles = g_ptr_array_new ();
  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];

      if (hw_finding_get_state (f) == HW_FINDING_OVERDUE)
        e->n_overdue++;
      else if (hw_finding_get_state (f) == HW_FINDING_DUE_SOON)
        e->n_due_soon++;
      any_open |= is_open (f) && hw_finding_get_due (f) != HW_DATE_NONE;
    }
  /* The next duty: the earliest overdue or due soon; else the earliest still to do. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < findings->len; i++)
      {
        const HwFinding *f = findings->pdata[i];
        HwDate due = hw_finding_get_due (f);
        gboolean candidate = any_open ? is_open (f)
                                      : hw_finding_get_state (f) == HW_FINDING_OK &&
                                        !hw_finding_is_met (f) && due >= TODAY;

        if (!candidate || due == HW_DATE_NONE)
          continue;
        if (pass == 0 && (e->next_due == HW_DATE_NONE || due < e->next_due))
          e->next_due = due;
        else if (pass == 1 && due == e->next_due)
          g_ptr_array_add (e->next_titles,
                           (gpointer) hw_rule_get_title (hw_finding_get_rule (f), HW_LANG_EN));
      }
  return e;
}

static void
expect_case (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  g_hash_table_insert (user_data, g_strdup (hw_dossier_case (dossier)->rec.id),
                       expect (findings));
}

START_TEST (test_rows_and_next_due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCaseload) caseload = load_caseload ();
  GListModel *model = hw_caseload_get_model (caseload);
  g_autoptr(GPtrArray) cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) expected_free);
  HwCheckOptions options = { .today = TODAY };
  guint n = g_list_model_get_n_items (model), n_overdue_cases = 0;
  g_autofree char *previous = NULL;

  ck_assert_ptr_nonnull (service);
  ck_assert (hw_check_caseload (service, &options, expect_case, expected, &error));
  ck_assert_uint_eq (n, cases->len);
  ck_assert_uint_eq (n, 60);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);
      const Expected *e = g_hash_table_lookup (expected, hw_case_item_get_case_id (item));
      const char *title = hw_case_item_get_next_duty (item);

      ck_assert_ptr_nonnull (e);
      /* In journal-number order. */
      if (previous)
        ck_assert_int_lt (strcmp (previous, hw_case_item_get_journal_no (item)), 0);
      g_free (previous);
      previous = g_strdup (hw_case_item_get_journal_no (item));

      ck_assert (hw_case_item_get_has_findings (item));
      ck_assert_uint_eq (hw_case_item_get_n_overdue (item), e->n_overdue);
      ck_assert_uint_eq (hw_case_item_get_n_due_soon (item), e->n_due_soon);
      ck_assert_int_eq (hw_case_item_get_next_due (item), e->next_due);
      if (e->next_due != HW_DATE_NONE)
        ck_assert_msg (title && g_ptr_array_find_with_equal_func (e->next_titles, title,
                                                                  g_str_equal, NULL),
                       "%s: next duty “%s”", hw_case_item_get_journal_no (item),
                       title ? title : "(none)");
      n_overdue_cases += e->n_overdue > 0;
    }
  /* The demo has overdue duties, and cases without: the comparison above means something. */
  ck_assert_uint_gt (n_overdue_cases, 0);
  ck_assert_uint_lt (n_overdue_cases, n);
}
END_TEST

static void
add_case_id (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  if (findings->len > 0)
    g_hash_table_add (user_data, g_strdup (hw_dossier_case (dossier)->rec.id));
}

/* The caseload page's "my cases" filter keeps the rows of one caseworker: with an overdue
 * duty, they are the cases `check --staff NAME --state overdue` lists. */
START_TEST (test_caseworker_filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCaseload) caseload = load_caseload ();
  GListModel *model = hw_caseload_get_model (caseload);
  g_autoptr(GPtrArray) staff = hw_store_list (store, HW_ENTITY_STAFF, &error);
  g_autoptr(HwService) service = hw_service_new (store, &error);
  guint n_checked = 0;

  ck_assert_ptr_nonnull (service);
  ck_assert_uint_gt (staff->len, 1);
  for (guint s = 0; s < staff->len; s++)
    {
      const HwStaff *worker = staff->pdata[s];
      g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);
      HwCheckOptions options = {
        .today = TODAY,
        .caseworker_id = worker->rec.id,
        .states = HW_CHECK_STATE_BIT (HW_FINDING_OVERDUE),
      };
      GHashTableIter iter;
      gpointer id;

      ck_assert (hw_check_caseload (service, &options, add_case_id, want, &error));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(HwCaseItem) item = g_list_model_get_item (model, i);

          if (g_strcmp0 (hw_case_item_get_caseworker (item), worker->name) == 0 &&
              hw_case_item_get_n_overdue (item) > 0)
            g_hash_table_add (got, (gpointer) hw_case_item_get_case_id (item));
        }
      ck_assert_uint_eq (g_hash_table_size (got), g_hash_table_size (want));
      g_hash_table_iter_init (&iter, want);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        ck_assert_msg (g_hash_table_contains (got, id), "case %s missing for %s",
                       (const char *) id, worker->name);
      n_checked += g_hash_table_size (want);
    }
  ck_assert_uint_gt (n_checked, 0);
}
END_TEST

/* A case changed after the scan is evaluated again through the same rule context. */
START_TEST (test_update_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCaseload) caseload = load_caseload ();
  g_autoptr(HwCaseItem) first = g_list_model_get_item (hw_caseload_get_model (caseload), 0);
  g_autoptr(HwDossier) dossier = hw_store_load_case (store, hw_case_item_get_case_id (first),
                                                     &error);
  g_autoptr(GPtrArray) ui = NULL;
  HwCaseItem *again;

  ck_assert_ptr_nonnull (dossier);
  ui = hw_caseload_evaluate_case (caseload, dossier, TODAY);
  ck_assert_ptr_nonnull (ui);
  hw_caseload_update_case (caseload, dossier);
  again = hw_caseload_find (caseload, hw_case_item_get_case_id (first));
  ck_assert_ptr_nonnull (again);
  ck_assert_uint_eq (hw_case_item_get_n_overdue (again), hw_case_item_get_n_overdue (first));
  ck_assert_int_eq (hw_case_item_get_next_due (again), hw_case_item_get_next_due (first));
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *s = suite_create ("caseload-model");
  TCase *tc = tcase_create ("caseload-model");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_rows_and_next_due);
  tcase_add_test (tc, test_caseworker_filter);
  tcase_add_test (tc, test_update_case);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (model_suite ());
}
