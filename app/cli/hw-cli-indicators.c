/* SPDX-License-Identifier: GPL-3.0-or-later */
/* homeward-cli indicators: the yearly account per rule (issue 19) — of the duties due in a
 * year, how many were met, met on time, not met, and not yet due — for the municipal council
 * and the County Governor. Counted from the same evaluation as check (app/check), so the two
 * always agree for the same day. Counts only: no case or person is named. */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "hw-cli.h"
#include "hw-caseload-check.h"
#include "hw-error.h"

typedef struct {
  guint total;
  guint met;
  guint on_time;    /* met by evidence dated on or before the due date */
  guint not_met;    /* overdue, or a missed period */
  guint pending;    /* not met, not yet due */
} Counts;

typedef struct {
  const HwCatalogue *catalogue;
  int                year;
  GHashTable        *by_rule;   /* rule id (the catalogue's) → Counts */
} Indicators;

static void
on_case_findings (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Indicators *ind = user_data;

  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwDate due = hw_finding_get_due (f);
      HwFindingState state = hw_finding_get_state (f);
      HwDate evidence = hw_finding_get_evidence_date (f);
      Counts *c;

      if (due == HW_DATE_NONE || hw_date_get_year (due) != ind->year)
        continue;
      c = g_hash_table_lookup (ind->by_rule, hw_finding_get_rule_id (f));
      if (c == NULL)
        continue;
      c->total++;
      if (hw_finding_is_met (f))
        {
          c->met++;
          c->on_time += evidence != HW_DATE_NONE && evidence <= due;
        }
      else if (state == HW_FINDING_OVERDUE || state == HW_FINDING_MISSED)
        c->not_met++;
      else
        c->pending++;
    }
}

static void
print_tsv (Indicators *ind)
{
  printf ("rule\ttotal\tmet\ton_time\tnot_met\tpending\n");
  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const char *id = hw_rule_get_id (hw_catalogue_get_rule (ind->catalogue, i));
      const Counts *c = g_hash_table_lookup (ind->by_rule, id);

      printf ("%s\t%u\t%u\t%u\t%u\t%u\n", id, c->total, c->met, c->on_time, c->not_met,
              c->pending);
    }
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
print_json (Indicators *ind, HwDate today, HwLang lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char iso[11];

  hw_date_to_iso (today, iso);
  json_builder_begin_object (b);
  add_uint (b, "year", ind->year);
  json_builder_set_member_name (b, "today");
  json_builder_add_string_value (b, iso);
  add_uint (b, "catalogue_version", hw_catalogue_get_version (ind->catalogue));
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (ind->catalogue, i);
      const Counts *c = g_hash_table_lookup (ind->by_rule, hw_rule_get_id (rule));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, hw_rule_get_id (rule));
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, hw_rule_get_title (rule, lang));
      json_builder_set_member_name (b, "class");
      json_builder_add_string_value (b, hw_rule_class_to_string (hw_rule_get_class (rule)));
      add_uint (b, "total", c->total);
      add_uint (b, "met", c->met);
      add_uint (b, "on_time", c->on_time);
      add_uint (b, "not_met", c->not_met);
      add_uint (b, "pending", c->pending);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

int
hw_cli_indicators (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwCatalogue) catalogue = NULL;
  g_autoptr(GHashTable) by_rule = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *today_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *team = NULL;
  g_autofree char *lang_text = NULL;
  g_auto(HwCliWorklist) worklist = { 0 };
  HwCheckOptions options = { 0 };
  Indicators ind = { 0 };
  HwLang lang = HW_LANG_NB;
  gboolean json;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year whose due dates are counted"), "YYYY" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only the cases of this team (name or id)"), "NAME|ID" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Only the cases of this caseworker (name, user name or id)"), "NAME|ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv or json"), "FORMAT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute the states as of this date"), "YYYY-MM-DD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text, N_("Language of the rule titles (json): nb, nn or en"), "LANG" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Counts, per rule, the duties due in a year: "
                                           "total, met, met on time, not met (overdue or "
                                           "missed) and pending (not met, not yet due), as "
                                           "of --today (default today)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("indicators", _("unexpected argument"));
  if (year < 1900 || year > 9999)
    return hw_cli_usage_error ("indicators", _("--year YYYY is required (1900–9999)"));
  if (format == NULL || g_str_equal (format, "tsv"))
    json = FALSE;
  else if (g_str_equal (format, "json"))
    json = TRUE;
  else
    return hw_cli_usage_error ("indicators", _("--format must be tsv or json"));
  if (lang_text && (lang = hw_lang_from_string (lang_text)) == (HwLang) -1)
    return hw_cli_usage_error ("indicators", _("--lang must be nb, nn or en"));
  if (!hw_cli_parse_today (today_text, &options.today, &error))
    return hw_cli_fail (error);

  catalogue = hw_catalogue_load_default (&error);
  if (catalogue == NULL)
    return hw_cli_fail (error);
  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (!hw_cli_worklist_resolve (store, staff, team, &worklist, &error))
    return error->domain == HW_ERROR && (error->code == HW_ERROR_NOT_FOUND ||
                                         error->code == HW_ERROR_CONFLICT)
             ? hw_cli_usage_error ("indicators", error->message) : hw_cli_fail (error);
  options.caseworker_id = worklist.caseworker_id;
  options.team_id = worklist.team_id;

  ind.catalogue = catalogue;
  ind.year = year;
  ind.by_rule = by_rule;
  /* Every rule has a row, zeros included: a council reads a missing row as "not counted". */
  for (guint i = 0; i < hw_catalogue_get_n_rules (catalogue); i++)
    g_hash_table_insert (by_rule, (gpointer) hw_rule_get_id (hw_catalogue_get_rule (catalogue, i)),
                         g_new0 (Counts, 1));
  if (!hw_check_caseload (store, catalogue, &options, on_case_findings, &ind, &error))
    return hw_cli_fail (error);
  if (json)
    print_json (&ind, options.today, lang);
  else
    print_tsv (&ind);
  return 0;
}
