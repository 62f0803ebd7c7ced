/* SPDX-License-Identifier: GPL-3.0-or-later */
/* homeward-cli check and settings on a small store: the exact TSV of rules.md "What the
 * check command prints", the filters, JSON, the text format, and settings that change a due
 * date. The program under test is argv[1]. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "rules-fixture.h"

static const char *cli_path;
static char *tmpdir;
static char *db_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with --db and @args (NULL-terminated). */
static void
run (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db_path);
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  run_clear (r);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &r->out,
                &r->err, &wait_status, &error);
  ck_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
save (HwStore *store, HwDossier *d)
{
  g_autoptr(GError) error = NULL;

  hw_store_save_dossier (store, d, &error);
  ck_assert_no_error (error);
}

/* Two cases on 20.03.2025: a care order in an institution, and an emergency placement in a
 * foster home. */
static void
setup (void)
{
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GHashTable) homes = fx_homes_new ();
  g_autoptr(HwDossier) care = fx_case ("2025-0001", "2015-03-14");
  g_autoptr(HwDossier) emergency = fx_case ("2025-0002", "2015-03-14");
  HwDossier *home;
  GHashTableIter iter;
  gpointer value;

  store = hw_test_open_store (&tmpdir);
  db_path = g_strdup (hw_store_get_path (store));

  home = fx_home (homes, "Familien Berg", HW_HOME_EMERGENCY);
  fx_member (home, "Anne Berg", HW_MEMBER_FOSTER_PARENT, "1980-01-01");

  fx_care_order (care, "BVL2021:5:1", "2025-02-03", NULL, 0);
  fx_person (care, "Kari Nordmann", HW_RELATION_MOTHER, TRUE);

  fx_decision (emergency, "BVL2021:4:2", "2025-03-03", 1);
  fx_placement (emergency, home, "BVL2021:4:2", "2.5", "2025-03-03", NULL);

  g_hash_table_iter_init (&iter, homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    save (store, value);
  save (store, care);
  save (store, emergency);
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&db_path, g_free);
}

static const char expected_tsv[] =
  "case\trule\tstate\tdue\tsubject\n"
  "2025-0001\tPARENT_FIRST_CONTACT\toverdue\t2025-02-17\tKari Nordmann\n"
  "2025-0002\tNETWORK_ASSESSED\toverdue\t2025-03-03\tFamilien Berg\n"
  "2025-0001\tCARE_PLAN\toverdue\t2025-03-17\tomsorgsovertakelse 03.02.2025\n"
  "2025-0001\tREUNIFICATION_GOAL\toverdue\t2025-03-17\tomsorgsovertakelse 03.02.2025\n"
  "2025-0001\tSAMVAER_PLAN\toverdue\t2025-03-17\tomsorgsovertakelse 03.02.2025\n"
  "2025-0002\tEMERGENCY_PETITION\tdue-soon\t2025-04-14\takuttvedtak 03.03.2025\n"
  "2025-0002\tFOSTER_CONTRACT\tdue-soon\t2025-04-14\tFamilien Berg\n"
  "2025-0002\tFOSTER_FAMILY_PLAN\tdue-soon\t2025-04-14\tFamilien Berg\n"
  "2025-0002\tFOSTER_HOME_APPROVAL\tdue-soon\t2025-04-14\tFamilien Berg\n"
  "2025-0002\tPOLICE_CERT_FOSTER_PARENT\tdue-soon\t2025-04-14\tAnne Berg\n";

START_TEST (test_check_tsv)
{
  g_auto(Run) r = { 0 };

  run (&r, "check", "--today", "2025-03-20", "--format", "tsv", NULL);
  ck_assert_msg (r.status == 0, "exit %d: %s", r.status, r.err);
  ck_assert_str_eq (r.out, expected_tsv);
  ck_assert_str_eq (r.err, "");
}
END_TEST

START_TEST (test_check_all_and_filters)
{
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *previous_due = g_strdup ("");
  guint n_ok = 0;

  run (&r, "check", "--today", "2025-03-20", "--format", "tsv", "--all", NULL);
  ck_assert_int_eq (r.status, 0);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      ck_assert_uint_eq (g_strv_length (cols), 5);
      n_ok += g_str_equal (cols[2], "ok");
      ck_assert_int_le (strcmp (previous_due, cols[3]), 0);   /* sorted by due date */
      g_free (previous_due);
      previous_due = g_strdup (cols[3]);
    }
  /* REUNIFICATION_REVIEW, 2 × AFTERCARE_ASSESSMENT, FOSTER_TRAINING, FOLLOWUP_VISIT,
   * TILSYN_VISIT, and INSTITUTION_VISIT for the care order's institution (1.1). */
  ck_assert_uint_eq (n_ok, 7);
  ck_assert_ptr_nonnull (strstr (r.out, "\n2025-0001\tINSTITUTION_VISIT\tok\t2025-05-05\t"
                                        "institusjon fra 03.02.2025\n"));

  run (&r, "check", "--today", "2025-03-20", "--format", "tsv", "--case", "2025-0001", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out,
                    "case\trule\tstate\tdue\tsubject\n"
                    "2025-0001\tPARENT_FIRST_CONTACT\toverdue\t2025-02-17\tKari Nordmann\n"
                    "2025-0001\tCARE_PLAN\toverdue\t2025-03-17\tomsorgsovertakelse 03.02.2025\n"
                    "2025-0001\tREUNIFICATION_GOAL\toverdue\t2025-03-17\tomsorgsovertakelse "
                    "03.02.2025\n"
                    "2025-0001\tSAMVAER_PLAN\toverdue\t2025-03-17\tomsorgsovertakelse "
                    "03.02.2025\n");

  run (&r, "check", "--today", "2025-03-20", "--format", "tsv", "--rule", "CARE_PLAN", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "case\trule\tstate\tdue\tsubject\n"
                           "2025-0001\tCARE_PLAN\toverdue\t2025-03-17\tomsorgsovertakelse "
                           "03.02.2025\n");

  run (&r, "check", "--today", "2025-03-20", "--rule", "NO_SUCH_RULE", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "NO_SUCH_RULE"));
  run (&r, "check", "--format", "xml", NULL);
  ck_assert_int_eq (r.status, 2);
  run (&r, "check", "--today", "2025-02-30", NULL);
  ck_assert_int_ne (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "--today"));
  run (&r, "check", "--case", "1999-9999", NULL);
  ck_assert_int_ne (r.status, 0);
  ck_assert_str_eq (r.out, "");
  ck_assert_ptr_nonnull (strstr (r.err, "1999-9999"));
}
END_TEST

START_TEST (test_check_json)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *first;
  JsonArray *findings;

  run (&r, "check", "--today", "2025-03-20", "--format", "json", NULL);
  ck_assert_int_eq (r.status, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  ck_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_str_eq (json_object_get_string_member (root, "today"), "2025-03-20");
  findings = json_object_get_array_member (root, "findings");
  ck_assert_uint_eq (json_array_get_length (findings), 10);
  first = json_array_get_object_element (findings, 0);
  ck_assert_str_eq (json_object_get_string_member (first, "case"), "2025-0001");
  ck_assert_str_eq (json_object_get_string_member (first, "rule"), "PARENT_FIRST_CONTACT");
  ck_assert_str_eq (json_object_get_string_member (first, "state"), "overdue");
  ck_assert_str_eq (json_object_get_string_member (first, "due"), "2025-02-17");
  ck_assert_str_eq (json_object_get_string_member (first, "class"), "guidance");
  ck_assert_str_eq (json_object_get_string_member (first, "subject_kind"), "parent");
  ck_assert_str_eq (json_object_get_string_member (first, "source"),
                    "barnevernsloven § 8-3 andre ledd");
  ck_assert (json_object_get_null_member (first, "evidence_date"));
  ck_assert_int_eq (json_object_get_int_member (json_object_get_object_member (first, "settings"),
                                                "parent_contact_days"), 14);
  ck_assert_ptr_nonnull (strstr (json_object_get_string_member (first, "explanation"),
                                 "Frist 14 dager etter vedtak 03.02.2025"));
}
END_TEST

START_TEST (test_check_text)
{
  g_auto(Run) r = { 0 };

  run (&r, "check", "--today", "2025-03-20", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "Frister per 20.03.2025 (regelkatalog versjon 2)\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "\nSak 2025-0001 – Testa Testesen\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "  forfalt          17.03.2025  CARE_PLAN  "
                                        "Omsorgsplan – "
                                        "omsorgsovertakelse 03.02.2025\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "      Ingen omsorgsplan registrert. Frist 42 dager etter "
                                        "vedtak 03.02.2025 (lokal rutine, barnevernsloven § 8-3 "
                                        "fjerde ledd)."));
  ck_assert_ptr_nonnull (strstr (r.out, "      Innstillinger: care_plan_days=42, "
                                        "due_soon_days=30\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "Forfalt: 5. Forfaller snart: 5. I orden: 7. "
                                        "Ikke oppfylte perioder (historikk): 0.\n"));
  /* Cases come in journal order, the first case before the second. */
  ck_assert (strstr (r.out, "Sak 2025-0001") < strstr (r.out, "Sak 2025-0002"));

  run (&r, "check", "--today", "2025-03-20", "--lang", "en", "--rule", "CARE_PLAN", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "No care plan recorded. Due 42 days after the decision"));
}
END_TEST

/* rules.md v2: a completed year not met is `missed` in every format, printed without --all,
 * and every finding names the catalogue version that made it. */
START_TEST (test_check_missed)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  /* The emergency placement from 03.03.2025 had no visits in 2025. */
  run (&r, "check", "--today", "2026-02-01", "--format", "tsv", "--case", "2025-0002",
       "--rule", "FOLLOWUP_VISITS_YEAR", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_str_eq (r.out, "case\trule\tstate\tdue\tsubject\n"
                           "2025-0002\tFOLLOWUP_VISITS_YEAR\tmissed\t2025-12-31\t2025\n");

  run (&r, "check", "--today", "2026-02-01", "--format", "json", "--rule", "TILSYN_VISITS_YEAR",
       NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  json_parser_load_from_data (parser, r.out, -1, &error);
  ck_assert_no_error (error);
  first = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "findings"), 0);
  ck_assert_str_eq (json_object_get_string_member (first, "state"), "missed");
  ck_assert_str_eq (json_object_get_string_member (first, "due"), "2025-12-31");
  ck_assert_int_eq (json_object_get_int_member (first, "catalogue_version"), 2);

  run (&r, "check", "--today", "2026-02-01", "--case", "2025-0002", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.out, "  ikke oppfylt     31.12.2025  FOLLOWUP_VISITS_YEAR  "));
  ck_assert_ptr_nonnull (strstr (r.out, "Ikke oppfylte perioder (historikk): 2.\n"));
}
END_TEST

START_TEST (test_settings_cli)
{
  g_auto(Run) r = { 0 };

  run (&r, "settings", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "nøkkel\tverdi\tstandard\tenhet\tklasse\tbeskrivelse\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "\ncare_plan_days\t42\t42\tdager\tlokal rutine\t"));
  ck_assert_ptr_nonnull (strstr (r.out,
                                 "\nparent_contact_days\t14\t14\tdager\tveiledende frist\t"));

  run (&r, "settings", "--set", "care_plan_days=30", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_str_eq (r.out, "care_plan_days = 30\n");
  run (&r, "settings", "--list", NULL);
  ck_assert_ptr_nonnull (strstr (r.out, "\ncare_plan_days\t30*\t42\t"));
  run (&r, "check", "--today", "2025-03-20", "--format", "tsv", "--rule", "CARE_PLAN", NULL);
  ck_assert_str_eq (r.out, "case\trule\tstate\tdue\tsubject\n"
                           "2025-0001\tCARE_PLAN\toverdue\t2025-03-05\tomsorgsovertakelse "
                           "03.02.2025\n");

  /* Refused: not a number, out of range, unknown key, malformed; nothing is written. */
  run (&r, "settings", "--set", "care_plan_days=six weeks", NULL);
  ck_assert_int_ne (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "care_plan_days"));
  run (&r, "settings", "--set", "review_months=0", NULL);
  ck_assert_int_ne (r.status, 0);
  run (&r, "settings", "--set", "late_approval_days=60", "--set", "nonsense=3", NULL);
  ck_assert_int_ne (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "nonsense"));
  run (&r, "settings", "--set", "care_plan_days", NULL);
  ck_assert_int_eq (r.status, 2);
  run (&r, "settings", NULL);
  ck_assert_ptr_nonnull (strstr (r.out, "\nlate_approval_days\t42\t42\t"));

  run (&r, "settings", "--reset", "care_plan_days", NULL);
  ck_assert_int_eq (r.status, 0);
  run (&r, "settings", "--lang", "en", NULL);
  ck_assert (g_str_has_prefix (r.out, "key\tvalue\tdefault\tunit\tclass\tdescription\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "\ncare_plan_days\t42\t42\tdays\tlocal routine\t"));
}
END_TEST

static Suite *
check_cli_suite (void)
{
  Suite *s = suite_create ("check-cli");
  TCase *tc = tcase_create ("check-cli");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_check_tsv);
  tcase_add_test (tc, test_check_all_and_filters);
  tcase_add_test (tc, test_check_json);
  tcase_add_test (tc, test_check_text);
  tcase_add_test (tc, test_check_missed);
  tcase_add_test (tc, test_settings_cli);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s HOMEWARD-CLI\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  return hw_test_run_suite (check_cli_suite ());
}
