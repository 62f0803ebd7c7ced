/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Mine frister" (app/model/hw-duties.c) without a display: a caseworker's open duties are
 * exactly the engine's open findings for her cases, never a missed period, grouped by when
 * they fall due, filtered by rule and by child; and "since last time" reports each duty that
 * fell due while the app was closed once. */
#include "config.h"

#include "hw-caseload-check.h"
#include "hw-service-demo.h"
#include "hw-duties.h"
#include "hw-test-support.h"
#include "hw-duties-private.h"
#include "hw-caseload-check-private.h"

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

START_TEST (test_groups)
{
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_OVERDUE, hw_date_add_days (TODAY, -1), TODAY),
                    HW_DUTY_GROUP_OVERDUE);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_DUE_SOON, TODAY, TODAY),
                    HW_DUTY_GROUP_THIS_WEEK);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_DUE_SOON, hw_date_add_days (TODAY, 6), TODAY),
                    HW_DUTY_GROUP_THIS_WEEK);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_OK, hw_date_add_days (TODAY, 7), TODAY),
                    HW_DUTY_GROUP_NEXT_30);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_OK, hw_date_add_days (TODAY, 30), TODAY),
                    HW_DUTY_GROUP_NEXT_30);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_OK, hw_date_add_days (TODAY, 31), TODAY),
                    HW_DUTY_GROUP_LATER);
  ck_assert_int_eq (hw_duty_group_for (HW_UI_FINDING_OK, HW_DATE_NONE, TODAY),
                    HW_DUTY_GROUP_LATER);
}
END_TEST

static char *
key_of (const char *case_id, const char *rule_id, HwDate due)
{
  return g_strdup_printf ("%s|%s|%d", case_id, rule_id, (int) due);
}

static void
count_key (GHashTable *keys, char *key)
{
  g_hash_table_insert (keys, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (keys, key)) + 1));
}

/* Every caseworker of the demo: her duties are the open findings `check --staff` gives. */
START_TEST (test_collect_matches_engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = hw_store_list (store, HW_ENTITY_STAFF, &error);
  g_autoptr(HwService) service = hw_service_new (store, &error);
  guint n_total = 0, n_groups_seen = 0;
  gboolean seen[HW_N_DUTY_GROUPS] = { FALSE };

  ck_assert_ptr_nonnull (service);
  for (guint s = 0; s < staff->len; s++)
    {
      const HwStaff *worker = staff->pdata[s];
      HwCheckOptions options = { .today = TODAY, .caseworker_id = worker->rec.id };
      g_autoptr(GPtrArray) findings = hw_check_collect (service, &options, TRUE, &error);
      g_autoptr(GPtrArray) items = hw_duties_collect (service, worker->rec.id, NULL, TODAY, NULL, &error);
      g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) got = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      int last_group = -1;
      GHashTableIter iter;
      gpointer key, value;

      ck_assert_msg (findings && items, "%s", error ? error->message : "");
      for (guint i = 0; i < findings->len; i++)
        {
          const HwFinding *f = findings->pdata[i];

          if (hw_finding_is_met (f) || hw_finding_get_state (f) == HW_FINDING_MISSED)
            continue;
          count_key (want, key_of (hw_finding_get_case_id (f), hw_finding_get_rule_id (f),
                                   hw_finding_get_due (f)));
        }
      for (guint i = 0; i < items->len; i++)
        {
          HwDutyItem *item = items->pdata[i];
          const HwUiFinding *f = hw_duty_item_get_finding (item);

          ck_assert_int_ne (f->state, HW_UI_FINDING_MISSED);
          ck_assert (!f->met);
          ck_assert_ptr_nonnull (f->source);
          ck_assert_ptr_nonnull (f->legal_class);
          ck_assert_ptr_nonnull (hw_duty_item_get_child_name (item));
          /* In group order. */
          ck_assert_int_ge ((int) hw_duty_item_get_group (item), last_group);
          last_group = hw_duty_item_get_group (item);
          seen[last_group] = TRUE;
          ck_assert_int_eq (hw_duty_item_get_group (item),
                            hw_duty_group_for (f->state, f->due, TODAY));
          count_key (got, key_of (hw_duty_item_get_case_id (item), f->rule_id, f->due));
        }
      ck_assert_uint_eq (g_hash_table_size (got), g_hash_table_size (want));
      g_hash_table_iter_init (&iter, want);
      while (g_hash_table_iter_next (&iter, &key, &value))
        ck_assert_msg (g_hash_table_lookup (got, key) == value, "%s for %s",
                       (const char *) key, worker->name);

      /* Read by id, her cases as the caseload's rows list them (and a case deleted since,
       * and another worker's, which are not hers): the same duties in the same order. */
      {
        g_autoptr(GPtrArray) rows = hw_store_list_case_rows (store, TODAY, &error);
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();
        g_autoptr(GPtrArray) by_id = NULL;

        ck_assert_ptr_nonnull (rows);
        g_ptr_array_add (ids, (gpointer) "00000000-0000-4000-8000-000000000000");
        for (guint i = 0; i < rows->len; i++)
          {
            const HwCaseRow *row = rows->pdata[i];

            if (g_strcmp0 (row->caseworker_id, worker->rec.id) == 0 || i == 0)
              g_ptr_array_add (ids, row->case_id);
          }
        g_ptr_array_add (ids, NULL);
        by_id = hw_duties_collect (service, worker->rec.id, (const char *const *) ids->pdata,
                                   TODAY, NULL, &error);
        ck_assert_msg (by_id, "%s", error ? error->message : "");
        ck_assert_uint_eq (by_id->len, items->len);
        for (guint i = 0; i < items->len; i++)
          {
            ck_assert_str_eq (hw_duty_item_get_case_id (by_id->pdata[i]),
                              hw_duty_item_get_case_id (items->pdata[i]));
            ck_assert_str_eq (hw_duty_item_get_finding (by_id->pdata[i])->rule_id,
                              hw_duty_item_get_finding (items->pdata[i])->rule_id);
            ck_assert_int_eq (hw_duty_item_get_finding (by_id->pdata[i])->due,
                              hw_duty_item_get_finding (items->pdata[i])->due);
          }
      }
      n_total += items->len;
    }
  for (guint g = 0; g < HW_N_DUTY_GROUPS; g++)
    n_groups_seen += seen[g];
  ck_assert_uint_gt (n_total, 0);
  /* The demo has overdue and future duties: the test sees more than one group. */
  ck_assert_uint_ge (n_groups_seen, 3);
}
END_TEST

/* The filters keep exactly the duties of one rule / one child, and headings move with them. */
START_TEST (test_filters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = hw_store_list (store, HW_ENTITY_STAFF, &error);
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(HwDuties) duties = hw_duties_new ();
  const HwStaff *worker = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListModel *model = G_LIST_MODEL (duties);
  const char *rule_id, *case_id;
  guint n_rule = 0, n_case = 0, n_both = 0;

  /* The caseworker with the most duties. */
  for (guint s = 0; s < staff->len; s++)
    {
      g_autoptr(GPtrArray) mine = hw_duties_collect (service, ((HwStaff *) staff->pdata[s])->rec.id,
                                                     NULL, TODAY, NULL, &error);
      if (items == NULL || mine->len > items->len)
        {
          g_clear_pointer (&items, g_ptr_array_unref);
          items = g_steal_pointer (&mine);
          worker = staff->pdata[s];
        }
    }
  ck_assert_ptr_nonnull (worker);
  ck_assert_uint_gt (items->len, 2);
  hw_duties_set_items (duties, items);
  ck_assert_uint_eq (g_list_model_get_n_items (model), items->len);
  rule_id = hw_duty_item_get_finding (items->pdata[items->len - 1])->rule_id;
  case_id = hw_duty_item_get_case_id (items->pdata[0]);
  for (guint i = 0; i < items->len; i++)
    {
      gboolean r = g_strcmp0 (hw_duty_item_get_finding (items->pdata[i])->rule_id, rule_id) == 0;
      gboolean c = g_strcmp0 (hw_duty_item_get_case_id (items->pdata[i]), case_id) == 0;

      n_rule += r;
      n_case += c;
      n_both += r && c;
    }

  hw_duties_set_rule_filter (duties, rule_id);
  ck_assert_uint_eq (g_list_model_get_n_items (model), n_rule);
  for (guint i = 0; i < n_rule; i++)
    {
      g_autoptr(HwDutyItem) item = g_list_model_get_item (model, i);
      g_autoptr(HwDutyItem) before = i ? g_list_model_get_item (model, i - 1) : NULL;

      ck_assert_str_eq (hw_duty_item_get_finding (item)->rule_id, rule_id);
      /* A heading above the first row of each group, and only there. */
      ck_assert (hw_duty_item_get_first_in_group (item) ==
                 (before == NULL || hw_duty_item_get_group (before) != hw_duty_item_get_group (item)));
    }
  hw_duties_set_case_filter (duties, case_id);
  ck_assert_uint_eq (g_list_model_get_n_items (model), n_both);
  hw_duties_set_rule_filter (duties, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (model), n_case);
  for (guint i = 0; i < n_case; i++)
    {
      g_autoptr(HwDutyItem) item = g_list_model_get_item (model, i);

      ck_assert_str_eq (hw_duty_item_get_case_id (item), case_id);
    }
  ck_assert_int_eq (hw_duties_find (duties, case_id, NULL), 0);
  hw_duties_set_case_filter (duties, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (model), items->len);
}
END_TEST

static HwDutyItem *
duty (const char *case_id, HwUiFindingState state, int due_in_days)
{
  HwUiFinding *f = g_new0 (HwUiFinding, 1);

  f->rule_id = "test-rule";
  f->title = "Test duty";
  f->state = state;
  f->due = hw_date_add_days (TODAY, due_in_days);
  return hw_duty_item_new (case_id, "Child", "1", f, TODAY);
}

/* Closed from five days ago until today: what fell due in between is reported, once. */
START_TEST (test_since_last_time)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  HwDate last_seen = hw_date_add_days (TODAY, -5);
  g_autoptr(GPtrArray) fell = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) first_run = NULL;
  g_autoptr(GPtrArray) soon = NULL;

  g_ptr_array_add (items, duty ("old", HW_UI_FINDING_OVERDUE, -40));     /* reported before */
  g_ptr_array_add (items, duty ("edge", HW_UI_FINDING_OVERDUE, -5));     /* due the day last seen */
  g_ptr_array_add (items, duty ("new", HW_UI_FINDING_OVERDUE, -1));
  g_ptr_array_add (items, duty ("missed", HW_UI_FINDING_MISSED, -2));    /* history: quiet */
  g_ptr_array_add (items, duty ("today", HW_UI_FINDING_DUE_SOON, 0));    /* not overdue yet */
  g_ptr_array_add (items, duty ("soon", HW_UI_FINDING_DUE_SOON, 10));
  g_ptr_array_add (items, duty ("later", HW_UI_FINDING_OK, 60));

  fell = hw_duties_since_last_time (items, last_seen, TODAY);
  ck_assert_uint_eq (fell->len, 2);
  ck_assert_str_eq (hw_duty_item_get_case_id (fell->pdata[0]), "edge");
  ck_assert_str_eq (hw_duty_item_get_case_id (fell->pdata[1]), "new");
  /* Opened again the same day: nothing new. */
  again = hw_duties_since_last_time (items, TODAY, TODAY);
  ck_assert_uint_eq (again->len, 0);
  /* The first run reports nothing: everything would be "new". */
  first_run = hw_duties_since_last_time (items, HW_DATE_NONE, TODAY);
  ck_assert_uint_eq (first_run->len, 0);
  /* With a 16-day window, "soon" (due in 10) was already within reach 5 days ago… */
  soon = hw_duties_newly_due_soon (items, last_seen, 16);
  ck_assert_uint_eq (soon->len, 0);
  g_clear_pointer (&soon, g_ptr_array_unref);
  /* …with a 7-day window it came within reach while the app was closed; "today" did not. */
  soon = hw_duties_newly_due_soon (items, last_seen, 7);
  ck_assert_uint_eq (soon->len, 1);
  ck_assert_str_eq (hw_duty_item_get_case_id (soon->pdata[0]), "soon");
}
END_TEST

static Suite *
duties_suite (void)
{
  Suite *s = suite_create ("duties");
  TCase *tc = tcase_create ("mine");

  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_groups);
  tcase_add_test (tc, test_since_last_time);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_collect_matches_engine);
  tcase_add_test (tc, test_filters);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (duties_suite ());
}
