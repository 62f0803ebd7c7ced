/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule catalogue as data: every rule of rules.md is there with its texts and sources,
 * the settings have rules.md's defaults, and a broken or invalid catalogue is refused with
 * the file, the line and the reason. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hw-error.h"
#include "rules-fixture.h"
#include "hw-catalogue-private.h"
#include "hw-settings-private.h"

/* rules.md, version 2: every rule ID. */
static const char *const rule_ids[] = {
  "CARE_PLAN", "CARE_PLAN_INTERIM_1992", "CARE_PLAN_FINAL_1992", "CARE_PLAN_REVIEW",
  "SAMVAER_PLAN", "MEASURE_PLAN", "MEASURE_PLAN_EVAL", "AFTERCARE_PLAN", "FOSTER_FAMILY_PLAN",
  "PARENT_FIRST_CONTACT", "REUNIFICATION_GOAL", "REUNIFICATION_REVIEW",
  "GOAL_ABANDONED_GROUNDS", "SAMVAER_EVALUATION", "RETURN_PLAN", "POST_RETURN_OFFER",
  "FOSTER_HOME_APPROVAL", "POLICE_CERT_FOSTER_PARENT", "POLICE_CERT_HOUSEHOLD",
  "FOSTER_CONTRACT", "FOSTER_TRAINING", "NETWORK_ASSESSED", "FOLLOWUP_VISIT",
  "FOLLOWUP_VISITS_YEAR", "TILSYN_VISIT", "TILSYN_VISITS_YEAR", "EMERGENCY_PETITION",
  "AFTERCARE_ASSESSMENT", "INSTITUTION_VISIT", "SAMVAER_MINIMUM_YEAR",
  "SAMVAER_AGREEMENT_BELOW_MINIMUM", "SAMVAER_AGREEMENT_APPROVAL",
};

/* rules.md "Settings (defaults)". */
static const struct { const char *key; int value; } defaults[] = {
  { "due_soon_days", 30 }, { "care_plan_days", 42 }, { "samvaer_plan_days", 42 },
  { "aftercare_plan_days", 42 }, { "parent_contact_days", 14 }, { "review_months", 12 },
  { "measure_plan_days", 14 }, { "measure_eval_months", 3 }, { "late_approval_days", 42 },
  { "late_training_days", 90 }, { "foster_family_plan_days", 42 },
  { "household_check_min_age", 15 }, { "post_return_offer_days", 14 },
  { "aftercare_lead_months", 6 }, { "institution_visit_days", 91 },
  { "samvaer_approval_days", 14 },
};

/* rules.md: the class of each rule (the first one named for mixed classes). */
static const struct { const char *id; HwRuleClass klass; } classes[] = {
  { "CARE_PLAN", HW_RULE_CLASS_LOCAL }, { "CARE_PLAN_INTERIM_1992", HW_RULE_CLASS_LOCAL },
  { "CARE_PLAN_FINAL_1992", HW_RULE_CLASS_LAW }, { "CARE_PLAN_REVIEW", HW_RULE_CLASS_LOCAL },
  { "SAMVAER_PLAN", HW_RULE_CLASS_LOCAL }, { "MEASURE_PLAN", HW_RULE_CLASS_GUIDANCE },
  { "MEASURE_PLAN_EVAL", HW_RULE_CLASS_GUIDANCE }, { "AFTERCARE_PLAN", HW_RULE_CLASS_LOCAL },
  { "FOSTER_FAMILY_PLAN", HW_RULE_CLASS_LOCAL },
  { "PARENT_FIRST_CONTACT", HW_RULE_CLASS_GUIDANCE },
  { "REUNIFICATION_GOAL", HW_RULE_CLASS_LOCAL }, { "REUNIFICATION_REVIEW", HW_RULE_CLASS_LOCAL },
  { "GOAL_ABANDONED_GROUNDS", HW_RULE_CLASS_LAW }, { "SAMVAER_EVALUATION", HW_RULE_CLASS_LOCAL },
  { "RETURN_PLAN", HW_RULE_CLASS_GUIDANCE }, { "POST_RETURN_OFFER", HW_RULE_CLASS_LAW },
  { "FOSTER_HOME_APPROVAL", HW_RULE_CLASS_LAW },
  { "POLICE_CERT_FOSTER_PARENT", HW_RULE_CLASS_LAW },
  { "POLICE_CERT_HOUSEHOLD", HW_RULE_CLASS_LAW }, { "FOSTER_CONTRACT", HW_RULE_CLASS_LAW },
  { "FOSTER_TRAINING", HW_RULE_CLASS_LAW }, { "NETWORK_ASSESSED", HW_RULE_CLASS_LAW },
  { "FOLLOWUP_VISIT", HW_RULE_CLASS_LAW }, { "FOLLOWUP_VISITS_YEAR", HW_RULE_CLASS_LAW },
  { "TILSYN_VISIT", HW_RULE_CLASS_LAW }, { "TILSYN_VISITS_YEAR", HW_RULE_CLASS_LAW },
  { "EMERGENCY_PETITION", HW_RULE_CLASS_LAW }, { "AFTERCARE_ASSESSMENT", HW_RULE_CLASS_LOCAL },
  { "INSTITUTION_VISIT", HW_RULE_CLASS_LOCAL }, { "SAMVAER_MINIMUM_YEAR", HW_RULE_CLASS_LAW },
  { "SAMVAER_AGREEMENT_BELOW_MINIMUM", HW_RULE_CLASS_LAW },
};

static char *tmpdir;

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static char *
default_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = hw_catalogue_dup_default_path ();
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  ck_assert_no_error (error);
  return text;
}

static char *
write_tmp (const char *name, const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  ck_assert_no_error (error);
  return path;
}

/* The 1-based line of the first occurrence of @needle in @text. Not inlined: GCC 12 at -O3
 * mistakes the caller's g_autofree cleanup for a use of the freed text (-Wdangling-pointer). */
static G_GNUC_NO_INLINE int
line_of (const char *text, const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  ck_assert_ptr_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

static G_GNUC_NO_INLINE char *
replace_once (const char *text, const char *old, const char *new_text)
{
  const char *at = strstr (text, old);

  ck_assert_ptr_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new_text, at + strlen (old));
}

static void
assert_refused_at (const char *text, const char *file, int line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_tmp (file, text);
  g_autoptr(HwCatalogue) cat = hw_catalogue_load (path, &error);
  g_autofree char *expected = g_strdup_printf ("%s:%d: ", path, line);

  ck_assert_ptr_null (cat);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, HW_ERROR, HW_ERROR_PARSE), "%s", error->message);
  ck_assert_msg (g_str_has_prefix (error->message, expected),
                 "“%s” does not start with “%s”",
                 error->message, expected);
  ck_assert_msg (strlen (error->message) > strlen (expected) + 3, "no reason: %s",
                 error->message);
}

START_TEST (test_every_rule_present)
{
  HwCatalogue *cat = fx_catalogue ();

  ck_assert_uint_eq (hw_catalogue_get_n_rules (cat), G_N_ELEMENTS (rule_ids));
  for (guint i = 0; i < G_N_ELEMENTS (rule_ids); i++)
    {
      const HwRule *rule = hw_catalogue_find_rule (cat, rule_ids[i]);

      ck_assert_msg (rule != NULL, "missing %s", rule_ids[i]);
      for (int l = 0; l < HW_N_LANGS; l++)
        {
          g_autofree char *sources = hw_rule_dup_sources (rule, l, HW_DATE_NONE);

          ck_assert (strlen (hw_rule_get_title (rule, l)) > 3);
          ck_assert (strlen (hw_rule_get_explanation (rule, l)) > 20);
          ck_assert (strlen (sources) > 3);
          ck_assert_ptr_nonnull (hw_rule_get_class_label (rule, l));
        }
    }
}
END_TEST

START_TEST (test_classes)
{
  HwCatalogue *cat = fx_catalogue ();

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    ck_assert_msg (hw_rule_get_class (hw_catalogue_find_rule (cat, classes[i].id)) ==
                   classes[i].klass, "class of %s", classes[i].id);
  ck_assert_str_eq (hw_catalogue_get_class_label (cat, HW_RULE_CLASS_LOCAL, HW_LANG_NB),
                    "lokal rutine");
  ck_assert_str_eq (hw_rule_get_class_label (hw_catalogue_find_rule (cat, "POST_RETURN_OFFER"),
                                             HW_LANG_NB),
                    "lovkrav (tilbudet) / lokal rutine (fristen)");
}
END_TEST

START_TEST (test_periods_and_sources)
{
  HwCatalogue *cat = fx_catalogue ();
  const HwRule *care = hw_catalogue_find_rule (cat, "CARE_PLAN");
  const HwRule *interim = hw_catalogue_find_rule (cat, "CARE_PLAN_INTERIM_1992");
  const HwRule *measure = hw_catalogue_find_rule (cat, "MEASURE_PLAN");
  const HwRule *visit = hw_catalogue_find_rule (cat, "FOLLOWUP_VISIT");
  g_autofree char *old_act = hw_rule_dup_source_in_force (measure, HW_LANG_NB, D ("2022-12-31"));
  g_autofree char *new_act = hw_rule_dup_source_in_force (measure, HW_LANG_NB, D ("2023-01-01"));
  g_autofree char *both = hw_rule_dup_sources (measure, HW_LANG_NB, D ("2022-12-31"));
  g_autofree char *ff03 = hw_rule_dup_source_in_force (visit, HW_LANG_NB, D ("2023-12-31"));
  g_autofree char *ff23 = hw_rule_dup_source_in_force (visit, HW_LANG_NB, D ("2024-01-01"));

  ck_assert_date_eq (hw_rule_get_valid_from (care), "2023-01-01");
  ck_assert_uint_eq (hw_rule_get_valid_to (care), HW_DATE_NONE);
  ck_assert_date_eq (hw_rule_get_valid_to (interim), "2022-12-31");
  ck_assert_date_eq (hw_rule_get_valid_from (hw_catalogue_find_rule (cat, "POST_RETURN_OFFER")),
                     "2026-01-01");
  ck_assert_str_eq (old_act, "barnevernloven (1992) § 4-5");
  ck_assert_str_eq (new_act, "barnevernsloven § 8-1");
  ck_assert_str_eq (both, "barnevernloven (1992) § 4-5; barnevernsloven § 8-1");
  ck_assert_str_eq (ff03, "forskrift om fosterhjem (2003) § 7");
  ck_assert_str_eq (ff23, "forskrift om fosterhjem (2023) § 10");
  ck_assert_str_eq (hw_rule_get_kind (visit), "recurring");
}
END_TEST

/* rules.md v2 "Sources": every finding cites the act in force on its trigger date with a
 * section, never a bare act name; an unverified section says so, in the source and in the
 * rule's explanation. */
START_TEST (test_sources_in_force_with_sections)
{
  HwCatalogue *cat = fx_catalogue ();
  static const char *const days[] = { "2019-06-01", "2022-12-31", "2023-01-01", "2023-06-01",
                                      "2024-01-01", "2026-06-01" };

  for (guint i = 0; i < hw_catalogue_get_n_rules (cat); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (cat, i);
      const char *id = hw_rule_get_id (rule);
      g_autofree char *all = hw_rule_dup_sources (rule, HW_LANG_NB, HW_DATE_NONE);
      g_auto(GStrv) each = g_strsplit (all, "; ", -1);
      gboolean unverified = FALSE;

      ck_assert_msg (*all, "%s has no source", id);
      for (guint k = 0; each[k]; k++)
        {
          /* A workflow duty cites the service's routine and says it is not law. */
          ck_assert_msg (strstr (each[k], "§") || strstr (each[k], "ikke verifisert") ||
                         strstr (each[k], "ikke lovkrav"),
                         "%s: the source “%s” names no section", id, each[k]);
          unverified |= strstr (each[k], "ikke verifisert") != NULL;
        }
      if (unverified)
        ck_assert_msg (strstr (hw_rule_get_explanation (rule, HW_LANG_NB),
                               "Paragraf ikke verifisert"),
                       "%s: the explanation does not say a section is not verified", id);

      for (guint k = 0; k < G_N_ELEMENTS (days); k++)
        {
          HwDate day = D (days[k]);
          g_autofree char *cited = NULL;
          gboolean old_act = day < D ("2023-01-01"), old_reg = day < D ("2024-01-01");

          if ((hw_rule_get_valid_from (rule) && day < hw_rule_get_valid_from (rule)) ||
              (hw_rule_get_valid_to (rule) && day > hw_rule_get_valid_to (rule)))
            continue;
          cited = hw_rule_dup_source_in_force (rule, HW_LANG_NB, day);
          /* Only the acts in force that day (the fallback to every source would show both). */
          ck_assert_msg (old_act ? strstr (cited, "barnevernsloven") == NULL
                                 : strstr (cited, "barnevernloven (1992)") == NULL,
                         "%s on %s cites “%s”", id, days[k], cited);
          ck_assert_msg (old_reg ? strstr (cited, "fosterhjem (2023)") == NULL
                                 : strstr (cited, "fosterhjem (2003)") == NULL,
                         "%s on %s cites “%s”", id, days[k], cited);
        }
    }
  /* A 2019 care order's reunification goal cites the 1992 act (issue 15, point 4). */
  {
    g_autofree char *goal = hw_rule_dup_source_in_force (
      hw_catalogue_find_rule (cat, "REUNIFICATION_GOAL"), HW_LANG_NB, D ("2019-03-01"));

    ck_assert_str_eq (goal, "barnevernloven (1992) § 4-16");
  }
}
END_TEST

START_TEST (test_setting_defaults)
{
  HwCatalogue *cat = fx_catalogue ();
  g_autoptr(HwSettings) s = fx_settings ();

  ck_assert_uint_eq (hw_catalogue_get_n_settings (cat), G_N_ELEMENTS (defaults));
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      const HwSettingInfo *info = hw_catalogue_find_setting (cat, defaults[i].key, NULL);

      ck_assert_msg (info != NULL, "missing setting %s", defaults[i].key);
      ck_assert_int_eq (info->default_value, defaults[i].value);
      ck_assert_int_eq (hw_settings_get (s, defaults[i].key), defaults[i].value);
      ck_assert (hw_settings_is_default (s, defaults[i].key));
      for (int l = 0; l < HW_N_LANGS; l++)
        ck_assert (info->label[l] && info->description[l]);
    }
  ck_assert_int_eq (hw_settings_get (s, "no_such_setting"), -1);
}
END_TEST

START_TEST (test_settings_from_store_table)
{
  HwCatalogue *cat = fx_catalogue ();
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwSettings) s = NULL;
  g_autoptr(HwSettings) bad = NULL;
  int v = 0;

  g_hash_table_insert (table, "care_plan_days", "30");
  g_hash_table_insert (table, "ui.window-width", "1200");   /* someone else's: ignored */
  s = hw_settings_new (cat, table, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (hw_settings_get (s, "care_plan_days"), 30);
  ck_assert (!hw_settings_is_default (s, "care_plan_days"));
  ck_assert_int_eq (hw_settings_get (s, "samvaer_plan_days"), 42);

  g_hash_table_insert (table, "review_months", "a year");
  bad = hw_settings_new (cat, table, &error);
  ck_assert_ptr_null (bad);
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_INVALID));
  ck_assert_ptr_nonnull (strstr (error->message, "review_months"));
  g_clear_error (&error);

  g_hash_table_insert (table, "review_months", "0");
  bad = hw_settings_new (cat, table, &error);
  ck_assert_ptr_null (bad);
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_RANGE));
  g_clear_error (&error);

  ck_assert (hw_settings_parse_value (cat, "late_approval_days", " 60 ", &v, NULL));
  ck_assert_int_eq (v, 60);
  ck_assert (!hw_settings_parse_value (cat, "late_approval_days", "-1", NULL, NULL));
  ck_assert (!hw_settings_parse_value (cat, "late_approval_days", "6 weeks", NULL, NULL));
  ck_assert (!hw_settings_parse_value (cat, "nonsense", "6", NULL, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert (!hw_settings_set (s, "household_check_min_age", 19, &error));
  g_clear_error (&error);
  ck_assert (hw_settings_set (s, "household_check_min_age", 18, &error));
  ck_assert_int_eq (hw_settings_get (s, "household_check_min_age"), 18);
}
END_TEST

START_TEST (test_malformed_refused)
{
  g_autofree char *text = default_text ();
  int line = line_of (text, "<rule id=\"SAMVAER_PLAN\"");
  /* An unclosed attribute value on that line. */
  g_autofree char *broken = replace_once (text, "<rule id=\"SAMVAER_PLAN\"",
                                          "<rule id=\"SAMVAER_PLAN");

  assert_refused_at (broken, "malformed.xml", line);
}
END_TEST

START_TEST (test_mismatched_tag_refused)
{
  g_autofree char *text = default_text ();
  g_autofree char *broken = replace_once (text, "</acts>", "</act>");

  assert_refused_at (broken, "mismatched.xml", line_of (text, "</acts>"));
}
END_TEST

START_TEST (test_schema_invalid_refused)
{
  g_autofree char *text = default_text ();
  const char *needle = "<rule id=\"MEASURE_PLAN\" kind=\"deadline\" class=\"guidance\" "
                       "about=\"child\">";
  int line = line_of (text, needle);
  g_autofree char *invalid = replace_once (text, needle,
                                           "<rule id=\"MEASURE_PLAN\" kind=\"deadline\" "
                                           "class=\"statutory\" about=\"child\">");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  assert_refused_at (invalid, "invalid-class.xml", line);

  /* An unknown subject type: the schema names what the C code implements. */
  {
    g_autofree char *unknown = replace_once (text, "<applies subject=\"voluntary-placement\"/>",
                                             "<applies subject=\"voluntary-stay\"/>");

    assert_refused_at (unknown, "invalid-subject.xml",
                       line_of (text, "<applies subject=\"voluntary-placement\"/>"));
  }
  /* A reference to a setting that does not exist (xs:keyref). */
  {
    g_autofree char *dangling = replace_once (text, "setting=\"measure_plan_days\"",
                                              "setting=\"measure_plan_dayz\"");

    assert_refused_at (dangling, "invalid-setting.xml",
                       line_of (text, "setting=\"measure_plan_days\""));
  }
  /* A missing nynorsk text. */
  {
    g_autofree char *no_nn = replace_once (text, "<nn>Samværsplan</nn>", "");

    assert_refused_at (no_nn, "invalid-text.xml", line_of (text, "<nn>Samværsplan</nn>"));
  }
  /* A duplicate rule id (xs:key). */
  {
    g_autofree char *dup = replace_once (text, "<rule id=\"SAMVAER_PLAN\"",
                                         "<rule id=\"CARE_PLAN\"");

    path = write_tmp ("dup.xml", dup);
    ck_assert_ptr_null (hw_catalogue_load (path, &error));
    ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_PARSE));
    ck_assert_ptr_nonnull (strstr (error->message, "CARE_PLAN"));
  }
}
END_TEST

START_TEST (test_semantic_error_refused)
{
  g_autofree char *text = default_text ();
  const char *needle = "<due anchor=\"trigger\" setting=\"samvaer_plan_days\" unit=\"days\"/>";
  g_autofree char *both = replace_once (text, needle,
                                        "<due anchor=\"trigger\" amount=\"3\" "
                                        "setting=\"samvaer_plan_days\" unit=\"days\"/>");
  g_autofree char *anchor = replace_once (text, needle,
                                          "<due anchor=\"latest\" setting=\"samvaer_plan_days\" "
                                          "unit=\"days\"/>");

  assert_refused_at (both, "semantic-offset.xml", line_of (text, needle));
  /* A deadline counted from the latest evidence: reported on the rule's own line. */
  assert_refused_at (anchor, "semantic-anchor.xml", line_of (text, "<rule id=\"SAMVAER_PLAN\""));
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "nope.xml", NULL);

  ck_assert_ptr_null (hw_catalogue_load (path, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
}
END_TEST

/* Whom each rule is about is the catalogue's (issue 14 §2): printouts filter by it, not by
 * the rule's id. A person subject cannot be said to be about someone else. */
START_TEST (test_rule_about)
{
  g_autofree char *text = default_text ();
  const char *needle = "<rule id=\"PARENT_FIRST_CONTACT\" kind=\"deadline\" "
                       "class=\"guidance\" about=\"parent\">";
  int line = line_of (text, needle);
  static const struct { const char *id; HwRuleAbout about; } expected[] = {
    { "PARENT_FIRST_CONTACT", HW_ABOUT_PARENT },
    { "POLICE_CERT_FOSTER_PARENT", HW_ABOUT_FOSTER_HOME_MEMBER },
    { "POLICE_CERT_HOUSEHOLD", HW_ABOUT_FOSTER_HOME_MEMBER },
    { "FOSTER_HOME_APPROVAL", HW_ABOUT_FOSTER_HOME },
    { "CARE_PLAN", HW_ABOUT_CHILD },
    { "SAMVAER_MINIMUM_YEAR", HW_ABOUT_CHILD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const HwRule *rule = hw_catalogue_find_rule (fx_catalogue (), expected[i].id);

      ck_assert_ptr_nonnull (rule);
      ck_assert_msg (hw_rule_get_about (rule) == expected[i].about, "%s", expected[i].id);
    }
  ck_assert_str_eq (hw_rule_about_to_string (HW_ABOUT_FOSTER_HOME_MEMBER),
                    "foster-home-member");

  /* A parent's duty said to be about the child would reach the foster parents: refused. */
  {
    g_autofree char *wrong = replace_once (text, needle,
                                           "<rule id=\"PARENT_FIRST_CONTACT\" kind=\"deadline\" "
                                           "class=\"guidance\" about=\"child\">");
    g_autofree char *path = write_tmp ("about-wrong.xml", wrong);
    g_autoptr(GError) error = NULL;
    g_autoptr(HwCatalogue) cat = hw_catalogue_load (path, &error);

    ck_assert_ptr_null (cat);
    assert_refused_at (wrong, "about-wrong.xml", line);
  }
  /* Every rule must say: a missing attribute is refused at its line. */
  {
    g_autofree char *missing = replace_once (text, needle,
                                             "<rule id=\"PARENT_FIRST_CONTACT\" "
                                             "kind=\"deadline\" class=\"guidance\">");

    assert_refused_at (missing, "about-missing.xml", line);
  }
}
END_TEST

/* Changing a period is an edit of the XML, not of C. */
START_TEST (test_period_is_data)
{
  g_autofree char *text = default_text ();
  g_autofree char *edited = replace_once (text,
                                          "<applies subject=\"care-order\" from=\"2023-01-01\"/>\n"
                                          "      <evidence type=\"plan\" plan-types=\"4\"",
                                          "<applies subject=\"care-order\" from=\"2024-01-01\"/>\n"
                                          "      <evidence type=\"plan\" plan-types=\"4\"");
  g_autofree char *path = write_tmp ("edited.xml", edited);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCatalogue) cat = hw_catalogue_load (path, &error);
  g_autoptr(HwSettings) settings = NULL;
  g_autoptr(HwDossier) d = fx_case ("P-1", "2015-03-14");
  g_autoptr(GPtrArray) edited_findings = NULL;
  g_autoptr(GPtrArray) default_findings = NULL;

  ck_assert_no_error (error);
  settings = hw_settings_new_default (cat);
  fx_care_order (d, "BVL2021:5:1", "2023-06-01", NULL, 0);
  edited_findings = hw_evaluate_case (cat, settings, d, NULL, D ("2023-09-01"));
  default_findings = fx_eval (d, NULL, "2023-09-01");
  ck_assert_uint_eq (fx_count (edited_findings, "CARE_PLAN"), 0);
  ck_assert_uint_eq (fx_count (default_findings, "CARE_PLAN"), 1);
}
END_TEST

START_TEST (test_default_is_shared)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCatalogue) a = hw_catalogue_load_default (&error);
  g_autoptr(HwCatalogue) b = hw_catalogue_load_default (&error);

  ck_assert_no_error (error);
  ck_assert_ptr_eq (a, b);
  ck_assert_int_eq (hw_catalogue_get_version (a), 2);
  ck_assert_str_eq (hw_catalogue_get_term (a, "state.overdue", HW_LANG_NB), "forfalt");
  ck_assert_str_eq (hw_catalogue_get_unit_label (a, HW_UNIT_DAYS, 1, HW_LANG_NN), "dag");
  ck_assert_str_eq (hw_catalogue_get_unit_label (a, HW_UNIT_MONTHS, 3, HW_LANG_EN), "months");
  ck_assert_int_eq (hw_lang_from_string ("nb_NO.UTF-8"), HW_LANG_NB);
  ck_assert_int_eq (hw_lang_from_string ("nn"), HW_LANG_NN);
  ck_assert_int_eq (hw_lang_from_string ("de"), -1);
}
END_TEST

static Suite *
catalogue_suite (void)
{
  Suite *s = suite_create ("catalogue");
  TCase *tc = tcase_create ("catalogue");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_every_rule_present);
  tcase_add_test (tc, test_classes);
  tcase_add_test (tc, test_periods_and_sources);
  tcase_add_test (tc, test_sources_in_force_with_sections);
  tcase_add_test (tc, test_setting_defaults);
  tcase_add_test (tc, test_settings_from_store_table);
  tcase_add_test (tc, test_malformed_refused);
  tcase_add_test (tc, test_mismatched_tag_refused);
  tcase_add_test (tc, test_schema_invalid_refused);
  tcase_add_test (tc, test_semantic_error_refused);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_period_is_data);
  tcase_add_test (tc, test_rule_about);
  tcase_add_test (tc, test_default_is_shared);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (catalogue_suite ());
}
