/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-caseload-check.h"
#include "hw-service-print.h"

/* homeward-cli check: every duty with its due date and state (rules.md "What the check
 * command prints"). The text format is for people, in the catalogue's words; tsv and json
 * are for programs. */

typedef enum { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON } Format;

/* The text format prints case by case, in journal order, after the workers are done. */
typedef struct {
  char      *journal_no;
  char      *child_name;
  GPtrArray *findings;
} CaseGroup;

static void
case_group_free (CaseGroup *group)
{
  g_free (group->journal_no);
  g_free (group->child_name);
  g_ptr_array_unref (group->findings);
  g_free (group);
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const CaseGroup *x = *(CaseGroup **) a, *y = *(CaseGroup **) b;

  return g_strcmp0 (x->journal_no, y->journal_no);
}

typedef struct {
  HwCatalogue *catalogue;
  HwDate       today;
  Format       format;
  HwLang       lang;
  gboolean     all;
  guint        states;      /* --state: exactly these are shown (0: not given) */
  GPtrArray   *kept;        /* tsv/json: every finding to print, sorted at the end */
  GPtrArray   *groups;      /* text: CaseGroup per case with something to print */
  guint        n_cases;
  guint        counts[4];   /* by state (HwFindingState), shown or not */
  gboolean     heading_done;
} Check;

static char *
dup_date (HwDate date)
{
  return hw_date_dup_display (date);
}

/* The catalogue's {placeholders}, filled without going through printf. */
static char *
fill (const char *template_text, const char *const *keys, const char *const *values, guint n)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template_text; *p; p++)
    {
      gboolean done = FALSE;

      for (guint k = 0; *p == '{' && k < n && !done; k++)
        {
          gsize len = strlen (keys[k]);

          if (strncmp (p + 1, keys[k], len) == 0 && p[len + 1] == '}')
            {
              g_string_append (out, values[k]);
              p += len + 1;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
expand (const char *template_text, const char *key, const char *value)
{
  return fill (template_text, &key, &value, 1);
}

static const char *
term (Check *check, const char *key)
{
  const char *t = hw_catalogue_get_term (check->catalogue, key, check->lang);

  return t ? t : key;
}

static const char *
state_label (Check *check, HwFindingState state)
{
  static const char *const keys[] = { "state.ok", "state.due-soon", "state.overdue",
                                      "state.missed" };

  return term (check, keys[state]);
}

/* Printed before the first output, so a failure before any leaves stdout empty. */
static void
print_heading (Check *check)
{
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  const char *keys[] = { "date", "version" };
  char version[12];
  const char *values[] = { NULL, version };

  if (check->heading_done)
    return;
  check->heading_done = TRUE;
  date = dup_date (check->today);
  values[0] = date;
  /* The catalogue version names which rules made every finding below. */
  g_snprintf (version, sizeof version, "%d", hw_catalogue_get_version (check->catalogue));
  heading = fill (term (check, "cli.heading"), keys, values, G_N_ELEMENTS (keys));
  printf ("%s\n", heading);
}

static void
print_case_text (Check *check, const CaseGroup *group)
{
  g_autofree char *heading = expand (term (check, "cli.case"), "journal", group->journal_no);

  print_heading (check);
  printf ("\n%s", heading);
  if (group->child_name && *group->child_name)
    printf (" – %s", group->child_name);
  printf ("\n");
  for (guint i = 0; i < group->findings->len; i++)
    {
      const HwFinding *f = group->findings->pdata[i];
      const HwRule *rule = hw_finding_get_rule (f);
      g_autofree char *due = dup_date (hw_finding_get_due (f));
      g_autofree char *subject = hw_finding_dup_subject (f, check->lang);
      g_autofree char *why = hw_finding_dup_explanation_lang (f, check->lang);
      g_autofree char *sources = hw_finding_dup_sources (f, check->lang);
      g_autofree char *settings = hw_finding_dup_settings_text (f);

      printf ("  %-16s %s  %s  %s – %s\n", state_label (check, hw_finding_get_state (f)), due,
              hw_rule_get_id (rule), hw_rule_get_title (rule, check->lang), subject);
      printf ("      %s\n", why);
      printf ("      %s: %s\n", term (check, "cli.sources"), sources);
      if (*settings)
        printf ("      %s: %s\n", term (check, "cli.settings"), settings);
    }
}

/* Called for each case from the evaluation's worker threads, one call at a time. */
static void
on_case_findings (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Check *check = user_data;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);

  check->n_cases++;
  /* Drop what is not shown before anything is kept: a national caseload has millions of
   * findings in order. */
  for (guint i = 0; i < findings->len; i++)
    {
      HwFinding *f = findings->pdata[i];
      HwFindingState state = hw_finding_get_state (f);

      /* --rule, --staff, --team and --state were applied where the cases were evaluated. */
      check->counts[state]++;
      if (state != HW_FINDING_OK || check->all || check->states)
        g_ptr_array_add (shown, g_steal_pointer (&findings->pdata[i]));
    }
  if (shown->len == 0)
    return;

  if (check->format == FORMAT_TEXT)
    {
      const HwChild *child = hw_dossier_child (dossier);
      CaseGroup *group = g_new0 (CaseGroup, 1);

      group->journal_no = g_strdup (hw_dossier_case (dossier)->journal_no);
      group->child_name = child ? g_strjoin (" ", child->given_name ? child->given_name : "",
                                             child->family_name ? child->family_name : "",
                                             NULL)
                                : NULL;
      if (group->child_name)
        g_strstrip (group->child_name);
      group->findings = g_steal_pointer (&shown);
      g_ptr_array_add (check->groups, group);
    }
  else
    {
      for (guint i = 0; i < shown->len; i++)
        g_ptr_array_add (check->kept, g_steal_pointer (&shown->pdata[i]));
    }
}

static void
print_tsv (Check *check)
{
  printf ("case\trule\tstate\tdue\tsubject\n");
  for (guint i = 0; i < check->kept->len; i++)
    {
      const HwFinding *f = check->kept->pdata[i];
      g_autofree char *subject = hw_finding_dup_subject (f, check->lang);
      char due[11];

      hw_date_to_iso (hw_finding_get_due (f), due);
      hw_cli_tsv_cell (stdout, hw_finding_get_journal_no (f), FALSE);
      hw_cli_tsv_cell (stdout, hw_finding_get_rule_id (f), FALSE);
      hw_cli_tsv_cell (stdout, hw_finding_state_to_string (hw_finding_get_state (f)), FALSE);
      hw_cli_tsv_cell (stdout, due, FALSE);
      hw_cli_tsv_cell (stdout, subject, TRUE);
    }
}

/* How many cases the printed findings name. */
static guint
count_cases (Check *check)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < check->kept->len; i++)
    g_hash_table_add (seen, (gpointer) hw_finding_get_case_id (check->kept->pdata[i]));
  return g_hash_table_size (seen);
}

static void
add_date (JsonBuilder *b, const char *name, HwDate date)
{
  char iso[11];

  json_builder_set_member_name (b, name);
  if (hw_date_to_iso (date, iso))
    json_builder_add_string_value (b, iso);
  else
    json_builder_add_null_value (b);
}

static JsonNode *
finding_to_json (Check *check, const HwFinding *f)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const HwRule *rule = hw_finding_get_rule (f);
  g_autofree char *subject = hw_finding_dup_subject (f, check->lang);
  g_autofree char *why = hw_finding_dup_explanation_lang (f, check->lang);
  g_autofree char *formula = hw_finding_dup_due_formula (f, check->lang);
  g_autofree char *source = hw_finding_dup_source (f, check->lang);
  g_autofree char *sources = hw_finding_dup_sources (f, check->lang);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "case");
  json_builder_add_string_value (b, hw_finding_get_journal_no (f));
  json_builder_set_member_name (b, "case_id");
  json_builder_add_string_value (b, hw_finding_get_case_id (f));
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, hw_rule_get_id (rule));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, hw_rule_get_title (rule, check->lang));
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, hw_finding_state_to_string (hw_finding_get_state (f)));
  json_builder_set_member_name (b, "catalogue_version");
  json_builder_add_int_value (b, hw_finding_get_catalogue_version (f));
  add_date (b, "due", hw_finding_get_due (f));
  json_builder_set_member_name (b, "subject");
  json_builder_add_string_value (b, subject);
  json_builder_set_member_name (b, "subject_kind");
  json_builder_add_string_value (b, hw_subject_kind_to_string (hw_finding_get_subject_kind (f)));
  json_builder_set_member_name (b, "subject_id");
  json_builder_add_string_value (b, hw_finding_get_subject_id (f));
  json_builder_set_member_name (b, "met");
  json_builder_add_boolean_value (b, hw_finding_is_met (f));
  json_builder_set_member_name (b, "late");
  json_builder_add_boolean_value (b, hw_finding_is_late (f));
  add_date (b, "evidence_date", hw_finding_get_evidence_date (f));
  add_date (b, "trigger_date", hw_finding_get_trigger_date (f));
  json_builder_set_member_name (b, "class");
  json_builder_add_string_value (b, hw_rule_class_to_string (hw_finding_get_class (f)));
  json_builder_set_member_name (b, "class_label");
  json_builder_add_string_value (b, hw_finding_get_class_label (f, check->lang));
  json_builder_set_member_name (b, "due_formula");
  json_builder_add_string_value (b, formula);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, source);
  json_builder_set_member_name (b, "sources");
  json_builder_add_string_value (b, sources);
  json_builder_set_member_name (b, "explanation");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "settings");
  json_builder_begin_object (b);
  for (guint i = 0; i < hw_finding_get_n_settings (f); i++)
    {
      int value;
      const char *key = hw_finding_get_setting (f, i, &value);

      json_builder_set_member_name (b, key);
      json_builder_add_int_value (b, value);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_json (Check *check)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  char today[11];

  hw_date_to_iso (check->today, today);
  /* Streamed one finding at a time: the whole document never sits in memory as a tree. */
  printf ("{\"today\":\"%s\",\"catalogue_version\":%d,\"findings\":[", today,
          hw_catalogue_get_version (check->catalogue));
  for (guint i = 0; i < check->kept->len; i++)
    {
      g_autoptr(JsonNode) node = finding_to_json (check, check->kept->pdata[i]);
      g_autofree char *text = NULL;

      json_generator_set_root (gen, node);
      text = json_generator_to_data (gen, NULL);
      printf ("%s\n%s", i ? "," : "", text);
    }
  printf ("\n]}\n");
}

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->catalogue, hw_catalogue_unref);
  g_clear_pointer (&check->kept, g_ptr_array_unref);
  g_clear_pointer (&check->groups, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

int
hw_cli_check (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwService) service = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *case_no = NULL;
  g_autofree char *rule_id = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *team = NULL;
  g_autofree char *state = NULL;
  g_auto(HwCliWorklist) worklist = { 0 };
  g_auto(Check) check = { 0 };
  HwCheckOptions filter = { 0 };
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute the states as of this date"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, tsv or json"), "FORMAT" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also show duties that are in order"), NULL },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_no, N_("Only the case with this journal number"), "JOURNALNR" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_id, N_("Only this rule"), "ID" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Only the cases of this caseworker (name, user name or id)"), "NAME|ID" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only the cases of this team (name or id)"), "NAME|ID" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only duties in these states: overdue, due-soon, missed, ok (comma-separated)"), "STATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the texts: nb, nn or en"), "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("With --format pdf: the file to write (the team’s overdue list)"), "FILE" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Shows every duty the rule catalogue derives from "
                                           "the cases: the rule, its state (ok, due-soon, "
                                           "overdue, or missed for a completed period not "
                                           "met), the due date and the subject. Duties in "
                                           "order are shown only with --all."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("check", _("unexpected argument"));
  /* Before anything is written: the printed list speaks --lang too (issue 18). */
  if (!hw_cli_parse_lang (lang, &check.lang, &error))
    return hw_cli_usage_error ("check", error->message);

  if (format == NULL || g_str_equal (format, "text"))
    check.format = FORMAT_TEXT;
  else if (g_str_equal (format, "tsv"))
    check.format = FORMAT_TSV;
  else if (g_str_equal (format, "json"))
    check.format = FORMAT_JSON;
  else if (g_str_equal (format, "pdf"))
    {
      HwOverdueListOptions options = { 0 };
      guint n_cases = 0;

      /* The printed list has no worklist filters yet, and a list that silently ignored them
       * would be the wrong list. */
      if (staff || team || state)
        return hw_cli_usage_error ("check", _("--staff, --team and --state cannot be used "
                                              "with --format pdf"));

      /* The printed overdue list: overdue and due-soon duties, most overdue first. */
      if (output == NULL)
        return hw_cli_usage_error ("check", _("--format pdf needs -o FILE"));
      if (case_no)
        return hw_cli_usage_error ("check", _("--format pdf lists every case; use "
                                              "“homeward-cli plan” for one child"));
      if (!hw_cli_parse_today (today_text, &options.today, &error))
        return hw_cli_fail (error);
      options.rule_id = rule_id;
      options.include_due_soon = TRUE;
      options.n_cases = &n_cases;
      store = hw_cli_open_store (ctx, &error);
      if (store)
        service = hw_service_new (store, &error);
      if (service == NULL || !hw_service_write_overdue_list_pdf (service, &options, output,
                                                                 &error))
        return hw_cli_fail (error);
      if (!hw_cli_log_disclosure (store, "check --format pdf", n_cases, output, &error))
        return hw_cli_fail (error);
      printf (_("Wrote the overdue list to %s\n"), output);
      return 0;
    }
  else
    return hw_cli_usage_error ("check", _("--format must be text, tsv, json or pdf"));
  if (!hw_cli_parse_today (today_text, &check.today, &error))
    return hw_cli_fail (error);
  check.all = all;
  if (!hw_cli_parse_states (state, &check.states, &error))
    return hw_cli_usage_error ("check", error->message);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  service = hw_service_new (store, &error);
  if (service == NULL)
    return hw_cli_fail (error);
  check.catalogue = hw_catalogue_ref (hw_service_get_catalogue (service));
  if (rule_id && hw_catalogue_find_rule (check.catalogue, rule_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("--rule: no rule “%s” in the catalogue"),
                                                  rule_id);
      return hw_cli_usage_error ("check", message);
    }
  if (!hw_cli_worklist_resolve (store, staff, team, &worklist, &error))
    return error->domain == HW_ERROR && (error->code == HW_ERROR_NOT_FOUND ||
                                         error->code == HW_ERROR_CONFLICT)
             ? hw_cli_usage_error ("check", error->message) : hw_cli_fail (error);
  filter.today = check.today;
  filter.rule_id = rule_id;
  filter.caseworker_id = worklist.caseworker_id;
  filter.team_id = worklist.team_id;
  filter.states = check.states;
  check.kept = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
  check.groups = g_ptr_array_new_with_free_func ((GDestroyNotify) case_group_free);

  if (case_no)
    {
      g_autoptr(HwDossier) dossier = hw_store_load_case_by_journal (store, case_no, &error);
      g_autoptr(GPtrArray) findings = NULL;

      if (dossier)
        findings = hw_check_case_filtered (service, dossier, &filter, &error);
      if (findings == NULL)
        return hw_cli_fail (error);
      on_case_findings (dossier, findings, &check);
    }
  else
    {
      if (!hw_check_caseload (service, &filter, on_case_findings, &check, &error))
        return hw_cli_fail (error);
    }

  switch (check.format)
    {
    case FORMAT_TEXT:
      {
        char overdue[12], soon[12], ok[12], missed[12];

        g_ptr_array_sort (check.groups, compare_groups);
        for (guint i = 0; i < check.groups->len; i++)
          print_case_text (&check, check.groups->pdata[i]);
        const char *keys[] = { "overdue", "soon", "ok", "missed" };
        const char *values[] = { overdue, soon, ok, missed };
        g_autofree char *summary = NULL;

        g_snprintf (overdue, sizeof overdue, "%u", check.counts[HW_FINDING_OVERDUE]);
        g_snprintf (soon, sizeof soon, "%u", check.counts[HW_FINDING_DUE_SOON]);
        g_snprintf (ok, sizeof ok, "%u", check.counts[HW_FINDING_OK]);
        g_snprintf (missed, sizeof missed, "%u", check.counts[HW_FINDING_MISSED]);
        print_heading (&check);
        if (check.counts[HW_FINDING_OVERDUE] + check.counts[HW_FINDING_DUE_SOON] +
            check.counts[HW_FINDING_MISSED] == 0 && !check.all)
          printf ("\n%s\n", term (&check, "cli.none"));
        summary = fill (term (&check, "cli.summary"), keys, values, G_N_ELEMENTS (keys));
        printf ("\n%s\n", summary);
      }
      break;
    case FORMAT_TSV:
    case FORMAT_JSON:
      /* For other programs, in bulk: recorded before anything is printed. */
      if (!hw_cli_log_disclosure (store, check.format == FORMAT_TSV ? "check --format tsv"
                                                                    : "check --format json",
                                  count_cases (&check), NULL, &error))
        return hw_cli_fail (error);
      g_ptr_array_sort (check.kept, hw_finding_compare_ptr);
      if (check.format == FORMAT_TSV)
        print_tsv (&check);
      else
        print_json (&check);
      break;
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
