/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The team's overdue list as PDF. */
#include "config.h"

#include <string.h>

#include "hw-service-demo.h"
#include "hw-service-print.h"
#include "hw-plan-fixture.h"
#include "hw-test-support.h"
#include "hw-settings-private.h"

#define TODAY hw_date_new (2026, 11, 23)

static char *dir;
static HwStore *store;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  HwDemoOptions options = { 60, 11, TODAY };

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

typedef struct {
  const char *team_id;
  guint       overdue;
  guint       due_soon;
  guint       missed;
  HwCatalogue *catalogue;
  HwSettings  *settings;
  GHashTable  *homes;
} Count;

static gboolean
count_case (HwDossier *dossier, gpointer user_data, GError **error)
{
  Count *count = user_data;
  g_autoptr(GPtrArray) findings = NULL;

  if (count->team_id && g_strcmp0 (hw_dossier_case (dossier)->team_id, count->team_id) != 0)
    return TRUE;
  findings = hw_evaluate_case (count->catalogue, count->settings, dossier, count->homes, TODAY);
  for (guint i = 0; i < findings->len; i++)
    {
      HwFindingState state = hw_finding_get_state (findings->pdata[i]);

      count->overdue += state == HW_FINDING_OVERDUE;
      count->due_soon += state == HW_FINDING_DUE_SOON;
      count->missed += state == HW_FINDING_MISSED;
    }
  return TRUE;
}

/* What the engine finds, counted independently of the list. */
static Count
count_findings (const char *team_id)
{
  g_autoptr(GError) error = NULL;
  Count count = { team_id, 0, 0, 0, NULL, NULL, NULL };

  count.catalogue = hw_catalogue_load_default (&error);
  ck_assert_no_error (error);
  count.settings = hw_settings_new_default (count.catalogue);
  count.homes = hw_store_load_homes (store, &error);
  ck_assert (hw_store_foreach_case (store, count_case, &count, &error));
  hw_settings_free (count.settings);
  hw_catalogue_unref (count.catalogue);
  g_hash_table_unref (count.homes);
  return count;
}

START_TEST (test_all_teams)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "overdue.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *history = NULL;
  HwOverdueListOptions options = { TODAY, NULL, NULL, FALSE, "Bjørn Ødegård" };
  Count count = count_findings (NULL);
  g_autoptr(HwService) service = hw_service_new (store, &error);
  int pages;

  ck_assert_uint_gt (count.overdue, 20);
  ck_assert_msg (service && hw_service_write_overdue_list_pdf (service, &options, path, &error),
                 "%s",
                 error ? error->message : "");
  text = hw_test_pdftotext (path, FALSE);
  pages = hw_test_pdf_pages (path, &size);
  ck_assert (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  ck_assert (strstr (text, "Overdue duties"));
  ck_assert (strstr (text, "By caseworker"));
  ck_assert (strstr (text, "All teams"));
  ck_assert (strstr (text, "Printed 23.11.2026 by Bjørn Ødegård"));
  ck_assert (strstr (text, "due soon") == NULL);
  footer = g_strdup_printf ("%u overdue duties", count.overdue);
  ck_assert_msg (strstr (text, footer), "the list lacks “%s”", footer);
  /* rules.md v2: missed periods are in the history part, never counted as overdue. */
  ck_assert_uint_gt (count.missed, 0);
  history = g_strdup_printf ("History: %u periods not met", count.missed);
  ck_assert_msg (strstr (text, history), "the list lacks “%s”", history);
  ck_assert (strstr (text, "History:") > strstr (text, "Duties, the most overdue first"));
  for (int i = 1; i <= pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i, pages);

      ck_assert (strstr (text, label));
    }
  ck_assert_int_eq (hw_test_check_pdf_geometry (path), pages);
  if (g_getenv ("HW_TEST_KEEP_PDF"))
    {
      g_autofree char *copy = g_build_filename (g_getenv ("HW_TEST_KEEP_PDF"), "overdue.pdf",
                                                NULL);

      ck_assert (hw_service_write_overdue_list_pdf (service, &options, copy, NULL));
    }
}
END_TEST

START_TEST (test_one_team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = hw_store_list (store, HW_ENTITY_TEAM, &error);
  const HwTeam *team = teams->pdata[0];
  HwOverdueListOptions options = { TODAY, team->rec.id, NULL, TRUE, NULL };
  g_autoptr(HwService) service = hw_service_new (store, &error);
  g_autoptr(HwDocument) doc = hw_service_print_overdue_list (service, &options, &error);
  g_autofree char *path = g_build_filename (dir, "team.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  Count count = count_findings (team->rec.id);

  ck_assert (doc != NULL);
  ck_assert (hw_document_write_pdf (doc, path, &error));
  text = hw_test_pdftotext (path, FALSE);
  ck_assert (strstr (text, "Overdue and due-soon duties"));
  subtitle = g_strdup_printf ("%s · as of 23.11.2026 · %u overdue, %u due soon", team->name,
                              count.overdue, count.due_soon);
  ck_assert_msg (strstr (text, subtitle), "the list lacks “%s”", subtitle);
  hw_test_check_pdf_geometry (path);
}
END_TEST

START_TEST (test_builder)
{
  g_autoptr(HwPlanFixture) fx = hw_plan_fixture_new ();
  HwOverdueListOptions options = { TODAY, NULL, NULL, FALSE, "Tester" };
  g_autoptr(HwOverdueList) list = hw_overdue_list_new (&options, NULL, NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;

  /* No findings at all: the list says so. */
  hw_overdue_list_add_case (list, fx->dossier, none);
  doc = hw_overdue_list_build (list);
  ck_assert (hw_document_write_pdf (doc, path, NULL));
  text = hw_test_pdftotext (path, FALSE);
  ck_assert (strstr (text, "Nothing is overdue."));
  ck_assert (strstr (text, "0 overdue duties"));
}
END_TEST

static Suite *
overdue_suite (void)
{
  Suite *s = suite_create ("overdue-list");
  TCase *tc = tcase_create ("list");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_all_teams);
  tcase_add_test (tc, test_one_team);
  tcase_add_test (tc, test_builder);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (overdue_suite ());
}
