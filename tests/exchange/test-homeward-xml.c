/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Homeward XML: the schema covers every field, exports validate against it, round trips keep
 * everything, and bad files are refused with nothing changed. */
#include "config.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <string.h>

#include "hw-service-demo.h"
#include "hw-error.h"
#include "hw-exchange-test.h"
#include "hw-homeward-xml.h"
#include "hw-import-private.h"

static HwStore *store;
static char *dir;

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

static char *
export (HwStore *from, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (hw_homeward_export (from, path, NULL, &error), "%s",
                 error ? error->message : "");
  return path;
}

static GHashTable *
xpath_names (xmlXPathContextPtr ctx, const char *expr)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlXPathObjectPtr res = xmlXPathEvalExpression (BAD_CAST expr, ctx);

  ck_assert_ptr_nonnull (res);
  for (int i = 0; res->nodesetval && i < res->nodesetval->nodeNr; i++)
    {
      xmlChar *v = xmlNodeGetContent (res->nodesetval->nodeTab[i]);

      g_hash_table_add (names, g_strdup ((const char *) v));
      xmlFree (v);
    }
  xmlXPathFreeObject (res);
  return names;
}

/* data/exchange/homeward.xsd declares every entity with every field, and nothing else. */
START_TEST (test_schema_covers_entities)
{
  g_autofree char *xsd = hw_xtest_homeward_xsd ();
  xmlDocPtr doc = xmlReadFile (xsd, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;

  ck_assert_ptr_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autofree char *expr = g_strdup_printf ("/xs:schema/xs:complexType[@name='%s']"
                                               "/xs:attribute/@name", info->name);
      g_autofree char *doc_expr = g_strdup_printf ("/xs:schema/xs:complexType[@name='%s']"
                                                   "/xs:attribute[not(xs:annotation/"
                                                   "xs:documentation)]/@name", info->name);
      g_autofree char *where = NULL;
      g_autoptr(GHashTable) attrs = xpath_names (ctx, expr);
      g_autoptr(GHashTable) undocumented = xpath_names (ctx, doc_expr);

      ck_assert_msg (g_hash_table_contains (attrs, "id"), "%s lacks id", info->name);
      for (guint i = 0; i < info->n_fields; i++)
        ck_assert_msg (g_hash_table_contains (attrs, info->fields[i].name),
                       "homeward.xsd: <%s> lacks the attribute %s", info->name,
                       info->fields[i].name);
      ck_assert_msg (g_hash_table_size (attrs) == info->n_fields + 1,
                     "homeward.xsd: <%s> has attributes the entity does not", info->name);
      ck_assert_msg (g_hash_table_size (undocumented) == 0,
                     "homeward.xsd: <%s> has undocumented attributes", info->name);

      /* Where the element may stand */
      if (info->owner == e)
        where = g_strdup ("/xs:schema/xs:element[@name='homeward']//xs:element/@name");
      else
        where = g_strdup_printf ("/xs:schema/xs:complexType[@name='%s']//xs:element/@name",
                                 hw_entity_info (info->owner)->name);
      {
        g_autoptr(GHashTable) places = xpath_names (ctx, where);

        ck_assert_msg (g_hash_table_contains (places, info->name),
                       "homeward.xsd: <%s> has no place", info->name);
      }
    }
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_complete_fixture)
{
  g_autofree char *xsd = hw_xtest_homeward_xsd ();
  g_autofree char *fixture = hw_xtest_fixture ("homeward-complete.xml");
  g_autoptr(HwStore) second = hw_test_open_store_in (dir, "second.db");
  g_autofree char *out = NULL;
  g_autoptr(HwDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  HwImportSummary s;
  HwCase *c;
  HwChild *child;

  hw_xtest_assert_valid (xsd, fixture);
  s = hw_xtest_import_ok (store, fixture, NULL);
  ck_assert_uint_eq (s.cases_new, 1);
  ck_assert_uint_eq (s.homes, 1);
  ck_assert_uint_eq (s.teams, 1);
  ck_assert_uint_eq (s.staff, 2);
  ck_assert_uint_eq (s.settings, 2);
  ck_assert_uint_eq (s.warnings, 0);

  d = hw_store_load_case (store, "c0000000-0000-4000-8000-000000000001", &error);
  ck_assert_ptr_nonnull (d);
  for (guint e = HW_ENTITY_CHILD; e < HW_N_ENTITIES; e++)
    ck_assert_msg (hw_dossier_get (d, e)->len > 0, "the fixture has no %s",
                   hw_entity_info (e)->name);
  c = hw_dossier_case (d);
  ck_assert_str_eq (c->summary, "Trenger stabil omsorg og tett oppfølging på skolen.\n"
                                "Samvær er viktig.");
  ck_assert_str_eq (c->child_views, "Vil bo hos mormor & gå på samme skole");
  ck_assert_str_eq (c->caseworker_id, "5f000000-0000-4000-8000-000000000001");
  child = hw_dossier_child (d);
  ck_assert_str_eq (child->family_name, "Ørnes");
  ck_assert (child->protected_address);
  ck_assert_int_eq (child->sex, HW_SEX_FEMALE);
  setting = hw_store_dup_setting (store, "due_soon_days");
  ck_assert_str_eq (setting, "4");

  /* Export: valid, and everything comes back */
  out = export (store, "export.xml");
  hw_xtest_assert_valid (xsd, out);
  hw_xtest_import_ok (second, out, NULL);
  hw_xtest_assert_same_stores (store, second, TRUE);
}
END_TEST

START_TEST (test_demo_round_trip)
{
  g_autofree char *xsd = hw_xtest_homeward_xsd ();
  g_autoptr(HwStore) second = hw_test_open_store_in (dir, "second.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  HwDemoOptions demo = { 150, 13, 0 };
  HwImportSummary s;

  demo.today = hw_date_new (2026, 11, 23);
  ck_assert (hw_service_write_demo (store, &demo, NULL, NULL, &error));
  ck_assert (hw_store_set_setting (store, "due_soon_days", "6", &error));
  out = export (store, "demo.xml");
  hw_xtest_assert_valid (xsd, out);
  s = hw_xtest_import_ok (second, out, NULL);
  ck_assert_uint_eq (s.cases_new, 150);
  hw_xtest_assert_same_stores (store, second, TRUE);

  /* The same file again: updates, nothing doubled */
  s = hw_xtest_import_ok (second, out, NULL);
  ck_assert_uint_eq (s.cases_new, 0);
  ck_assert_uint_eq (s.cases_updated, 150);
  hw_xtest_assert_same_stores (store, second, TRUE);
}
END_TEST

typedef struct {
  const char *name;
  const char *body;      /* inside <homeward format="1">, after the case below */
  const char *marker;    /* the line the error names */
  const char *reason;
} Bad;

#define CASE \
  "<case_file id=\"c0000000-0000-4000-8000-0000000000aa\" journal_no=\"B-1\" " \
  "start_date=\"2024-01-01\">\n" \
  "  <child id=\"c1000000-0000-4000-8000-0000000000aa\" given_name=\"Ella\" " \
  "fnr=\"01871451016\" birth_date=\"2014-07-01\"/>\n"

static const Bad bads[] = {
  { "unknown element", CASE "  <note id=\"c1000000-0000-4000-8000-0000000000ab\"/>\n</case_file>\n",
    "<note", "<note> does not belong in <case_file>" },
  { "unknown attribute", CASE "  <person id=\"c2000000-0000-4000-8000-0000000000aa\" name=\"K\" "
    "nickname=\"x\"/>\n</case_file>\n", "nickname", "no attribute nickname" },
  { "bad enum", CASE "  <person id=\"c2000000-0000-4000-8000-0000000000aa\" name=\"K\" "
    "relation=\"aunt\"/>\n</case_file>\n", "aunt", "unknown value “aunt”" },
  { "bad date", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" plan_type=\"4\" "
    "start_date=\"2024-02-30\"/>\n</case_file>\n", "2024-02-30", "is not a date" },
  { "date out of range", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" "
    "plan_type=\"4\" start_date=\"2024-02-01\" end_date=\"2300-01-01\"/>\n</case_file>\n",
    "2300-01-01", "outside 1900–2199" },
  { "invalid uuid", CASE "  <plan id=\"c9000000-0000-4000-8000\" plan_type=\"4\" "
    "start_date=\"2024-02-01\"/>\n</case_file>\n", "c9000000-0000-4000-8000\"",
    "not a valid UUID" },
  { "missing id", CASE "  <plan plan_type=\"4\" start_date=\"2024-02-01\"/>\n</case_file>\n",
    "<plan", "lacks the required attribute id" },
  { "missing required field", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" "
    "plan_type=\"4\"/>\n</case_file>\n", "<plan", "is required" },
  { "dangling reference", CASE "</case_file>\n<staff id=\"5f000000-0000-4000-8000-0000000000aa\" "
    "name=\"S\" team_id=\"7a000000-0000-4000-8000-0000000000ff\"/>\n", "<staff",
    "neither in the imported files nor in the database" },
  { "reference into another case", CASE "  <visit id=\"d0000000-0000-4000-8000-0000000000aa\" "
    "measure_id=\"c5000000-0000-4000-8000-000000000001\" date=\"2024-03-01\"/>\n</case_file>\n",
    "<visit", "not in the same Case" },
  { "second record with an id", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" "
    "plan_type=\"4\" start_date=\"2024-02-01\"/>\n"
    "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" plan_type=\"1\" "
    "start_date=\"2024-02-01\"/>\n</case_file>\n", "plan_type=\"1\"", "a second <plan>" },
  { "owner that disagrees", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" "
    "case_id=\"c0000000-0000-4000-8000-000000000001\" plan_type=\"4\" start_date=\"2024-02-01\"/>"
    "\n</case_file>\n", "<plan", "stands in" },
  { "record in the wrong place", "<child id=\"c1000000-0000-4000-8000-0000000000aa\" "
    "given_name=\"E\" fnr=\"01871451016\" birth_date=\"2014-07-01\"/>\n", "<child",
    "<child> does not belong in <homeward>" },
  { "identity number", CASE "  <person id=\"c2000000-0000-4000-8000-0000000000aa\" name=\"K\" "
    "fnr=\"01871451017\"/>\n</case_file>\n", "01871451017", "check digits" },
  { "text between records", "some text\n" CASE "</case_file>\n", "some text",
    "unexpected text" },
  { "journal number taken", "<case_file id=\"c0000000-0000-4000-8000-0000000000bb\" "
    "journal_no=\"2024-00017\" start_date=\"2024-01-01\"/>\n", "2024-00017",
    "another case already has" },
  /* Issue 13: a record never changes owner through an import; a case is one child's and
   * appears once; settings are checked like `settings --set`. */
  { "measure of another case", CASE "  <measure id=\"c5000000-0000-4000-8000-000000000001\" "
    "law=\"BVL2021\" chapter=\"5\" section=\"1\" category=\"2.1\" start_date=\"2024-02-05\"/>\n"
    "</case_file>\n", "<measure",
    "Measure c5000000-0000-4000-8000-000000000001 belongs to case 2024-00017 "
    "(c0000000-0000-4000-8000-000000000001), not to case B-1 "
    "(c0000000-0000-4000-8000-0000000000aa)" },
  { "plan of another case", CASE "  <plan id=\"c9000000-0000-4000-8000-000000000001\" "
    "plan_type=\"4\" start_date=\"2024-03-01\"/>\n</case_file>\n", "<plan",
    "belongs to case 2024-00017 (c0000000-0000-4000-8000-000000000001), not to case B-1" },
  { "second child", CASE "  <child id=\"c1000000-0000-4000-8000-0000000000ab\" "
    "given_name=\"Per\" fnr=\"17851250115\" birth_date=\"2012-05-17\"/>\n</case_file>\n",
    "c1000000-0000-4000-8000-0000000000ab", "has a second <child>" },
  { "case twice in one file", CASE "</case_file>\n<case_file "
    "id=\"c0000000-0000-4000-8000-0000000000aa\" journal_no=\"B-1\" start_date=\"2024-01-02\"/>\n",
    "2024-01-02", "case B-1 (c0000000-0000-4000-8000-0000000000aa) is in this import twice: "
    "also at bad.xml:3" },
  /* Issue 17: a code must be one of its field's list, as the store requires. */
  { "unknown category", CASE "  <measure id=\"c5000000-0000-4000-8000-0000000000aa\" "
    "law=\"BVL2021\" chapter=\"5\" section=\"1\" category=\"fosterhjem\" "
    "start_date=\"2024-02-05\"/>\n</case_file>\n", "fosterhjem",
    "Measure: Category: “fosterhjem” is not in the list of codes" },
  { "unknown plan type", CASE "  <plan id=\"c9000000-0000-4000-8000-0000000000aa\" "
    "plan_type=\"9\" start_date=\"2024-02-01\"/>\n</case_file>\n", "plan_type=\"9\"",
    "Plan: Plan type: 9 is not in the list of codes" },
  { "unknown move reason", CASE "  <move id=\"ca000000-0000-4000-8000-0000000000aa\" "
    "date=\"2024-02-01\" reason_code=\"3.1\" to_code=\"1\"/>\n</case_file>\n", "3.1",
    "Move: Reason: “3.1” is not in the list of codes" },
  { "negative setting", "<setting key=\"review_months\" value=\"-5\"/>\n", "-5",
    "review_months: -5 is outside the allowed range 1–60" },
  { "setting not a number", "<setting key=\"review_months\" value=\"abc\"/>\n", "abc",
    "review_months: “abc” is not a whole number" },
  { "unknown setting", "<setting key=\"reveiw_months\" value=\"6\"/>\n", "reveiw",
    "There is no setting “reveiw_months”" },
  { "bad service setting", "<setting key=\"service-municipality\" value=\"50\"/>\n",
    "service-municipality", "setting service-municipality: “50” is not a valid value" },
};

START_TEST (test_refusal)
{
  const Bad *bad = &bads[_i];
  g_autofree char *fixture = hw_xtest_fixture ("homeward-complete.xml");
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<homeward format=\"1\">\n"
                                           "%s</homeward>\n", bad->body);
  g_autofree char *before = NULL, *after = NULL, *prefix = NULL;
  g_autoptr(GError) error = NULL;
  const char *hit = strstr (text, bad->marker);
  int line = 1;

  ck_assert_ptr_nonnull (hit);
  for (const char *p = text; p < hit; p++)
    line += *p == '\n';
  hw_xtest_import_ok (store, fixture, NULL);
  before = hw_xtest_fingerprint (store);
  ck_assert_msg (!hw_import_memory (store, "bad.xml", text, strlen (text), NULL, NULL, &error),
                 "%s: accepted", bad->name);
  prefix = g_strdup_printf ("bad.xml:%d: ", line);
  ck_assert_msg (g_str_has_prefix (error->message, prefix) && strstr (error->message, bad->reason),
                 "%s: expected “%s…%s”, got “%s”", bad->name, prefix, bad->reason,
                 error->message);
  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_root_refusals)
{
  static const char *const docs[][2] = {
    { "<homeward format=\"2\"/>", "newer Homeward" },
    { "<homeward/>", "format=\"1\"" },
    { "<homeward format=\"1\" colour=\"red\"/>", "no attribute colour" },
    { "<!DOCTYPE homeward [<!ENTITY x \"y\">]><homeward format=\"1\"/>", "DOCTYPE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!hw_import_memory (store, "root.xml", docs[i][0], strlen (docs[i][0]), NULL,
                                    NULL, &error));
      ck_assert_msg (g_str_has_prefix (error->message, "root.xml:1: ") &&
                     strstr (error->message, docs[i][1]), "got “%s”", error->message);
    }
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
}
END_TEST

/* A partial file may add to what the database holds: a visit to a stored placement. */
START_TEST (test_partial_update)
{
  g_autofree char *fixture = hw_xtest_fixture ("homeward-complete.xml");
  static const char *doc =
    "<homeward format=\"1\">\n"
    "<case_file id=\"c0000000-0000-4000-8000-000000000001\" journal_no=\"2024-00017\" "
    "start_date=\"2024-01-08\">\n"
    "  <visit id=\"d0000000-0000-4000-8000-0000000000ff\" "
    "measure_id=\"C5000000-0000-4000-8000-000000000001\" kind=\"tilsyn\" date=\"2024-05-02\" "
    "in_person=\"1\" staff_id=\"5f000000-0000-4000-8000-000000000002\"/>\n"
    "</case_file>\n</homeward>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = NULL;
  HwImportSummary s;
  HwVisit *v;

  hw_xtest_import_ok (store, fixture, NULL);
  ck_assert_msg (hw_import_memory (store, "more.xml", doc, strlen (doc), NULL, &s, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (s.cases_updated, 1);
  d = hw_store_load_case (store, "c0000000-0000-4000-8000-000000000001", &error);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_VISIT)->len, 2);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_PERSON)->len, 2);   /* kept */
  v = hw_dossier_find (d, HW_ENTITY_VISIT, "d0000000-0000-4000-8000-0000000000ff");
  ck_assert_str_eq (v->measure_id, "c5000000-0000-4000-8000-000000000001");
  ck_assert (v->in_person);
  /* The partial case element replaced the case's own fields */
  ck_assert_ptr_null (hw_dossier_case (d)->summary);
}
END_TEST

static Suite *
homeward_suite (void)
{
  Suite *s = suite_create ("homeward-xml");
  TCase *tc = tcase_create ("homeward-xml");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_schema_covers_entities);
  tcase_add_test (tc, test_complete_fixture);
  tcase_add_test (tc, test_demo_round_trip);
  tcase_add_loop_test (tc, test_refusal, 0, G_N_ELEMENTS (bads));
  tcase_add_test (tc, test_root_refusals);
  tcase_add_test (tc, test_partial_update);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (homeward_suite ());
}
