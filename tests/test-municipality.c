/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The municipality's identity as settings (issue 17): the organisation number's check digit,
 * the district the four cities need, refusals that change nothing, and a Barnevern v4 export
 * that needs no flags once the municipality is set up. */
#include "config.h"

#include <string.h>

#include "hw-error.h"
#include "hw-municipality.h"
#include "hw-service.h"
#include "hw-ssb-export.h"
#include "hw-store-audit.h"
#include "hw-test-support.h"

static char *dir;
static HwStore *store;

static void
setup (void)
{
  store = hw_test_open_store (&dir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  hw_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
}

START_TEST (test_org_number_check_digit)
{
  /* Real organisation numbers: Oslo, Bergen, Trondheim kommune, and SSB's test files'. */
  static const char *const good[] = { "958935420", "964338531", "942110464", "974760673",
                                      "944496394", "999999999" };
  /* One digit changed, two neighbours swapped, a remainder of 1 (no check digit exists),
   * too short, too long, not digits. */
  static const char *const bad[] = { "958935421", "959835420", "964338513", "400000000",
                                     "95893542", "9589354200", "95893542O", "", " 958935420" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    ck_assert_msg (hw_org_number_is_valid (good[i]), "%s", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    ck_assert_msg (!hw_org_number_is_valid (bad[i]), "%s", bad[i]);
  ck_assert (!hw_org_number_is_valid (NULL));
}
END_TEST

START_TEST (test_district_cities)
{
  ck_assert_str_eq (hw_municipality_district_city ("0301"), "Oslo");
  ck_assert_str_eq (hw_municipality_district_city ("4601"), "Bergen");
  ck_assert_str_eq (hw_municipality_district_city ("5001"), "Trondheim");
  ck_assert_str_eq (hw_municipality_district_city ("1103"), "Stavanger");
  ck_assert_ptr_null (hw_municipality_district_city ("3201"));
  ck_assert_ptr_null (hw_municipality_district_city (NULL));
}
END_TEST

static gboolean
change (const char *const *pairs, GError **error)
{
  guint n = g_strv_length ((char **) pairs) / 2;
  g_autofree const char **keys = g_new0 (const char *, n + 1);
  g_autofree const char **values = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      keys[i] = pairs[2 * i];
      values[i] = *pairs[2 * i + 1] ? pairs[2 * i + 1] : NULL;   /* "": back to unset */
    }
  return hw_service_change_settings (store, keys, values, n, error);
}

static guint
n_audit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = hw_store_audit_list (store, NULL, &error);

  ck_assert_no_error (error);
  return all->len;
}

/* A refusal names the field and leaves the settings and the audit trail as they were. */
static void
assert_refused (const char *const *pairs, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = hw_store_dup_settings (store);
  g_autoptr(GHashTable) after = NULL;
  guint audited = n_audit ();
  GHashTableIter iter;
  gpointer key, value;

  ck_assert (!change (pairs, &error));
  ck_assert (error != NULL);
  ck_assert_msg (strstr (error->message, field), "“%s” does not name %s", error->message,
                 field);
  after = hw_store_dup_settings (store);
  ck_assert_uint_eq (g_hash_table_size (after), g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ck_assert_str_eq (g_hash_table_lookup (after, key), value);
  ck_assert_uint_eq (n_audit (), audited);
}

START_TEST (test_refusals_change_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;

  ck_assert (change ((const char *[]) { HW_SETTING_MUNICIPALITY, "3201",
                                        HW_SETTING_MUNICIPALITY_NAME, "Bærum",
                                        HW_SETTING_ORG_NUMBER, "974760673", NULL }, &error));
  ck_assert_no_error (error);

  /* The check digit, with the other (valid) changes of the same call not written either */
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY_NAME, "Asker",
                                     HW_SETTING_ORG_NUMBER, "974760674", NULL },
                  HW_SETTING_ORG_NUMBER);
  assert_refused ((const char *[]) { HW_SETTING_ORG_NUMBER, "97476067", NULL },
                  HW_SETTING_ORG_NUMBER);
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY, "301", NULL },
                  HW_SETTING_MUNICIPALITY);
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY, "0012", NULL },
                  HW_SETTING_MUNICIPALITY);
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY_NAME, "  ", NULL },
                  HW_SETTING_MUNICIPALITY_NAME);
  /* A number without its name */
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY_NAME, "", NULL },
                  HW_SETTING_MUNICIPALITY_NAME);
  /* Oslo without a district, then with a number but no name */
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY, "0301",
                                     HW_SETTING_MUNICIPALITY_NAME, "Oslo", NULL },
                  HW_SETTING_DISTRICT);
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY, "0301",
                                     HW_SETTING_MUNICIPALITY_NAME, "Oslo",
                                     HW_SETTING_DISTRICT, "01", NULL },
                  HW_SETTING_DISTRICT_NAME);
  assert_refused ((const char *[]) { HW_SETTING_DISTRICT, "1", NULL }, HW_SETTING_DISTRICT);
  /* A rule setting in the same call is refused with them */
  assert_refused ((const char *[]) { HW_SETTING_MUNICIPALITY, "0301",
                                     "no-such-rule-setting", "3", NULL },
                  "no-such-rule-setting");

  org = hw_store_dup_setting (store, HW_SETTING_ORG_NUMBER);
  ck_assert_str_eq (org, "974760673");
}
END_TEST

START_TEST (test_oslo_with_district)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL;

  /* Stored stripped: what the list shows is what the export writes */
  ck_assert (change ((const char *[]) { HW_SETTING_MUNICIPALITY, " 0301 ",
                                        HW_SETTING_MUNICIPALITY_NAME, "Oslo",
                                        HW_SETTING_ORG_NUMBER, "958935420",
                                        HW_SETTING_DISTRICT, "01",
                                        HW_SETTING_DISTRICT_NAME, "Gamle Oslo", NULL },
                     &error));
  ck_assert_no_error (error);
  district = hw_store_dup_setting (store, HW_SETTING_DISTRICT);
  ck_assert_str_eq (district, "01");
  g_free (district);
  district = hw_store_dup_setting (store, HW_SETTING_MUNICIPALITY);
  ck_assert_str_eq (district, "0301");

  /* Oslo cannot lose its district; moving to Bærum may drop it */
  assert_refused ((const char *[]) { HW_SETTING_DISTRICT, "", HW_SETTING_DISTRICT_NAME, "",
                                     NULL }, HW_SETTING_DISTRICT);
  ck_assert (change ((const char *[]) { HW_SETTING_MUNICIPALITY, "3201",
                                        HW_SETTING_MUNICIPALITY_NAME, "Bærum",
                                        HW_SETTING_ORG_NUMBER, "974760673",
                                        HW_SETTING_DISTRICT, "",
                                        HW_SETTING_DISTRICT_NAME, "", NULL }, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_null (hw_store_dup_setting (store, HW_SETTING_DISTRICT));
}
END_TEST

/* The first run's set-up: settings, a team and staff in one transaction. A staff member the
 * store refuses (no name) takes the valid settings and team with it. */
START_TEST (test_setup_all_or_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (hw_record_free);
  const char *keys[] = { HW_SETTING_MUNICIPALITY, HW_SETTING_MUNICIPALITY_NAME,
                         HW_SETTING_ORG_NUMBER };
  const char *values[] = { "3201", "Bærum", "974760673" };
  HwTeam *team = hw_record_new (HW_ENTITY_TEAM);
  HwStaff *nameless = hw_record_new (HW_ENTITY_STAFF);
  guint audited = n_audit ();

  team->name = g_strdup ("Team Vest");
  g_ptr_array_add (records, team);
  g_ptr_array_add (records, nameless);
  ck_assert (!hw_service_save_setup (store, keys, values, 3, records, &error));
  ck_assert (error != NULL);
  ck_assert_ptr_null (hw_store_dup_setting (store, HW_SETTING_MUNICIPALITY));
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_TEAM, NULL), 0);
  ck_assert_uint_eq (n_audit (), audited);
  g_clear_error (&error);

  nameless->name = g_strdup ("Kari Nordmann");
  nameless->team_id = g_strdup (team->rec.id);
  ck_assert (hw_service_save_setup (store, keys, values, 3, records, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_STAFF, NULL), 1);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_TEAM, NULL), 1);
}
END_TEST

static char *
read_only_file (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name = d ? g_dir_read_name (d) : NULL;
  g_autofree char *file = NULL;
  char *text = NULL;

  ck_assert_ptr_nonnull (name);
  ck_assert_ptr_null (g_dir_read_name (d));
  file = g_build_filename (path, name, NULL);
  ck_assert (g_file_get_contents (file, &text, NULL, NULL));
  return text;
}

/* Set up once, exported without flags; a flag still overrides the setting. */
START_TEST (test_export_uses_settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("X-1");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *out2 = g_build_filename (dir, "out2", NULL);
  g_autofree char *xml = NULL;
  HwSsbExportOptions options = { 0 };

  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert (!hw_ssb_export_dir (store, out, NULL, NULL, &error));
  ck_assert (strstr (error->message, HW_SETTING_ORG_NUMBER));
  g_clear_error (&error);

  ck_assert (change ((const char *[]) { HW_SETTING_MUNICIPALITY, "0301",
                                        HW_SETTING_MUNICIPALITY_NAME, "Oslo",
                                        HW_SETTING_ORG_NUMBER, "958935420",
                                        HW_SETTING_DISTRICT, "01",
                                        HW_SETTING_DISTRICT_NAME, "Gamle Oslo", NULL },
                     &error));
  ck_assert (hw_ssb_export_dir (store, out, NULL, NULL, &error));
  ck_assert_no_error (error);
  xml = read_only_file (out);
  ck_assert (strstr (xml, "Organisasjonsnummer=\"958935420\""));
  ck_assert (strstr (xml, "Kommunenummer=\"0301\""));
  ck_assert (strstr (xml, "Kommunenavn=\"Oslo\""));
  ck_assert (strstr (xml, "Bydelsnummer=\"01\""));
  ck_assert (strstr (xml, "Bydelsnavn=\"Gamle Oslo\""));
  g_clear_pointer (&xml, g_free);

  options.org_number = "964338531";
  ck_assert (hw_ssb_export_dir (store, out2, &options, NULL, &error));
  xml = read_only_file (out2);
  ck_assert (strstr (xml, "Organisasjonsnummer=\"964338531\""));
  ck_assert (strstr (xml, "Kommunenavn=\"Oslo\""));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("municipality");
  TCase *tc = tcase_create ("identity");

  tcase_add_test (tc, test_org_number_check_digit);
  tcase_add_test (tc, test_district_cities);
  suite_add_tcase (s, tc);
  tc = tcase_create ("settings");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_refusals_change_nothing);
  tcase_add_test (tc, test_oslo_with_district);
  tcase_add_test (tc, test_export_uses_settings);
  tcase_add_test (tc, test_setup_all_or_nothing);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
