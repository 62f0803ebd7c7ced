/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-rules"

#include "config.h"

#include <string.h>

#include "hw-rules-private.h"
#include "hw-finding-private.h"

/* One allocation per finding: the struct, then its strings. The texts are composed only
 * when asked for (hw_finding_dup_explanation()), from the catalogue and the numbers kept
 * here, so evaluating a national caseload allocates little. */
struct _HwFinding {
  const HwRule *rule;
  const char   *case_id;
  const char   *journal_no;
  const char   *subject_id;
  const char   *subject_name;
  HwDate        due;
  HwDate        evidence;
  HwDate        trigger;
  HwDate        subject_date;
  HwDate        anchor_date;
  int           year;
  int           amount;
  int           count;
  int           required;
  int           per_year;
  int           days;
  int           setting_value[3];
  gint16        setting_index[3];
  guint8        state;
  guint8        rule_class;
  guint8        subject_type;
  guint8        anchor;
  guint8        unit;
  guint8        variant;
  guint8        n_settings;
  gint8         sign;
  guint         met : 1;
  guint         late : 1;
  guint         anchor_is_evidence : 1;
  guint         period_end : 1;
  char          data[];
};

static const HwSubjectKind subject_kinds[HW_N_SUBJECT_TYPES] = {
  [HW_ST_CARE_ORDER] = HW_SUBJECT_CARE_ORDER,
  [HW_ST_ENDED_CARE_ORDER] = HW_SUBJECT_CARE_ORDER,
  [HW_ST_PARENT] = HW_SUBJECT_PARENT,
  [HW_ST_VOLUNTARY_PLACEMENT] = HW_SUBJECT_PLACEMENT,
  [HW_ST_FOSTER_PLACEMENT] = HW_SUBJECT_PLACEMENT,
  [HW_ST_FOSTER_PARENT] = HW_SUBJECT_HOME_MEMBER,
  [HW_ST_HOUSEHOLD_MEMBER] = HW_SUBJECT_HOME_MEMBER,
  [HW_ST_PLACEMENT_YEAR] = HW_SUBJECT_YEAR,
  [HW_ST_SAMVAER_AGREEMENT] = HW_SUBJECT_SAMVAER_AGREEMENT,
  [HW_ST_ABANDONED_GOAL] = HW_SUBJECT_GOAL,
  [HW_ST_PLANNED_RETURN] = HW_SUBJECT_GOAL,
  [HW_ST_EMERGENCY_DECISION] = HW_SUBJECT_DECISION,
  [HW_ST_LATEST_PLAN] = HW_SUBJECT_PLAN,
  [HW_ST_CASE_ADULT] = HW_SUBJECT_CASE,
  [HW_ST_CASE_MINOR] = HW_SUBJECT_CASE,
  [HW_ST_INSTITUTION_PLACEMENT] = HW_SUBJECT_PLACEMENT,
  [HW_ST_CARE_ORDER_YEAR] = HW_SUBJECT_YEAR,
  [HW_ST_SAMVAER_AGREEMENT_MINIMUM] = HW_SUBJECT_SAMVAER_AGREEMENT,
  [HW_ST_SAMVAER_AGREEMENT_OPEN] = HW_SUBJECT_SAMVAER_AGREEMENT,
};

static char *
pack_len (char **cursor, const char *a, gsize la, const char *b, gsize lb)
{
  char *start = *cursor;

  if (a == NULL && b == NULL)
    return NULL;
  if (la)
    memcpy (*cursor, a, la);
  *cursor += la;
  if (la && lb)
    *(*cursor)++ = ' ';
  if (lb)
    memcpy (*cursor, b, lb);
  *cursor += lb;
  *(*cursor)++ = '\0';
  return start;
}

static char *
pack (char **cursor, const char *a, const char *b)
{
  return pack_len (cursor, a, a ? strlen (a) : 0, b, b ? strlen (b) : 0);
}

HwFinding *
hw_finding_new_internal (const HwFindingInit *init)
{
  /* The evaluator passes the case's lengths, computed once per case. */
  gsize case_len = init->case_id_len || !init->case_id ? init->case_id_len
                                                        : strlen (init->case_id);
  gsize journal_len = init->journal_no_len || !init->journal_no ? init->journal_no_len
                                                                 : strlen (init->journal_no);
  gsize n_case = init->case_id ? case_len + 1 : 0;
  gsize n_journal = init->journal_no ? journal_len + 1 : 0;
  gsize n_subject = init->subject_id ? strlen (init->subject_id) + 1 : 0;
  gsize n_name = (init->subject_name ? strlen (init->subject_name) : 0) +
                 (init->subject_name2 ? strlen (init->subject_name2) : 0) + 2;
  HwFinding *f = g_malloc (sizeof (HwFinding) + n_case + n_journal + n_subject + n_name);
  char *cursor = f->data;

  f->rule = init->rule;
  f->case_id = pack_len (&cursor, init->case_id, case_len, NULL, 0);
  f->journal_no = pack_len (&cursor, init->journal_no, journal_len, NULL, 0);
  f->subject_id = pack (&cursor, init->subject_id, NULL);
  f->subject_name = pack (&cursor, init->subject_name, init->subject_name2);
  f->due = init->due;
  f->evidence = init->evidence;
  f->trigger = init->trigger;
  f->subject_date = init->subject_date;
  f->anchor_date = init->anchor_date;
  f->year = init->year;
  f->amount = init->amount;
  f->count = init->count;
  f->required = init->required;
  f->per_year = init->per_year;
  f->days = init->days;
  f->n_settings = MIN (init->n_settings, 3);
  for (guint i = 0; i < f->n_settings; i++)
    {
      f->setting_index[i] = (gint16) init->setting_index[i];
      f->setting_value[i] = init->setting_value[i];
    }
  f->state = init->state;
  f->rule_class = init->rule_class;
  f->subject_type = init->subject_type;
  f->anchor = init->anchor;
  f->unit = init->unit;
  f->variant = init->variant;
  f->sign = (gint8) init->sign;
  f->met = init->met;
  f->late = init->late;
  f->anchor_is_evidence = init->anchor_is_evidence;
  f->period_end = init->period_end;
  return f;
}

void
hw_finding_free (HwFinding *finding)
{
  g_free (finding);
}

const HwRule *
hw_finding_get_rule (const HwFinding *f)
{
  return f->rule;
}

const char *
hw_finding_get_rule_id (const HwFinding *f)
{
  return f->rule->id;
}

const char *
hw_finding_get_case_id (const HwFinding *f)
{
  return f->case_id;
}

const char *
hw_finding_get_journal_no (const HwFinding *f)
{
  return f->journal_no;
}

HwFindingState
hw_finding_get_state (const HwFinding *f)
{
  return f->state;
}

HwDate
hw_finding_get_due (const HwFinding *f)
{
  return f->due;
}

HwDate
hw_finding_get_trigger_date (const HwFinding *f)
{
  return f->trigger;
}

gboolean
hw_finding_is_met (const HwFinding *f)
{
  return f->met;
}

gboolean
hw_finding_is_late (const HwFinding *f)
{
  return f->late;
}

HwDate
hw_finding_get_evidence_date (const HwFinding *f)
{
  return f->evidence;
}

int
hw_finding_get_catalogue_version (const HwFinding *f)
{
  return hw_catalogue_get_version (f->rule->catalogue);
}

HwRuleClass
hw_finding_get_class (const HwFinding *f)
{
  return f->rule_class;
}

const char *
hw_finding_get_class_label (const HwFinding *f, HwLang lang)
{
  /* A grace period that changes the class names it plainly; otherwise the rule's wording. */
  if (f->variant == HW_DUE_GRACE && f->rule->grace.has_class &&
      f->rule->grace.rule_class != f->rule->rule_class)
    return hw_catalogue_get_class_label (f->rule->catalogue, f->rule_class, lang);
  return hw_rule_get_class_label (f->rule, lang);
}

HwSubjectKind
hw_finding_get_subject_kind (const HwFinding *f)
{
  return subject_kinds[f->subject_type];
}

const char *
hw_finding_get_subject_id (const HwFinding *f)
{
  return f->subject_id;
}

const char *
hw_finding_get_subject_name (const HwFinding *f)
{
  return f->subject_name;
}

int
hw_finding_get_subject_year (const HwFinding *f)
{
  return f->year;
}

static void
format_date (HwDate date, char buf[11])
{
  int y, m, d;

  if (date == HW_DATE_NONE)
    {
      buf[0] = '\0';
      return;
    }
  hw_date_get_ymd (date, &y, &m, &d);
  g_snprintf (buf, 11, "%02d.%02d.%04d", d, m, y);
}

char *
hw_finding_dup_subject (const HwFinding *f, HwLang lang)
{
  return hw_finding_dup_subject_as (f, lang, f->subject_name);
}

char *
hw_finding_dup_subject_as (const HwFinding *f, HwLang lang, const char *name)
{
  const HwCatalogue *cat = f->rule->catalogue;
  const char *type = hw_catalogue_subject_type_name (f->subject_type);
  g_autofree char *key = g_strconcat ("subject.", type, NULL);
  const char *template_text = hw_catalogue_get_term (cat, key, lang);
  char date[11], year[12];
  const char *keys[] = { "name", "date", "year" };
  const char *values[] = { name, date, year };
  GString *out = g_string_new (NULL);

  if (name == NULL && strstr (template_text, "{name}"))
    {
      g_autofree char *unnamed = g_strconcat (key, ".unnamed", NULL);
      const char *alt = hw_catalogue_get_term (cat, unnamed, lang);

      if (alt)
        template_text = alt;
    }
  format_date (f->subject_date, date);
  g_snprintf (year, sizeof year, "%d", f->year);
  hw_rules_expand (out, template_text, keys, values, G_N_ELEMENTS (keys));
  return g_string_free (out, FALSE);
}

static void
append_due_formula (GString *out, const HwFinding *f, HwLang lang)
{
  const HwCatalogue *cat = f->rule->catalogue;
  char date[11], year[12], amount[12];
  const char *keys[] = { "amount", "unit", "anchor", "date", "year" };
  const char *values[5];
  const char *template_text;

  g_snprintf (year, sizeof year, "%d", f->year);
  g_snprintf (amount, sizeof amount, "%d", f->amount);
  if (f->anchor == HW_ANCHOR_YEAR_END)
    {
      format_date (f->due, date);
      template_text = hw_catalogue_get_term (cat, f->period_end ? "due.period-end"
                                                                : "due.year-end", lang);
    }
  else
    {
      format_date (f->anchor_date, date);
      template_text = hw_catalogue_get_term (cat, f->amount == 0 ? "due.on"
                                                  : f->sign < 0 ? "due.before" : "due.after",
                                             lang);
    }
  values[0] = amount;
  values[1] = hw_catalogue_get_unit_label (cat, f->unit, f->amount, lang);
  values[2] = f->anchor_is_evidence ? f->rule->evidence_name[lang] : f->rule->trigger_name[lang];
  values[3] = date;
  values[4] = year;
  hw_rules_expand (out, template_text, keys, values, G_N_ELEMENTS (keys));
}

char *
hw_finding_dup_due_formula (const HwFinding *f, HwLang lang)
{
  GString *out = g_string_new (NULL);

  append_due_formula (out, f, lang);
  return g_string_free (out, FALSE);
}

char *
hw_finding_dup_source (const HwFinding *f, HwLang lang)
{
  return hw_rule_dup_source_in_force (f->rule, lang, f->trigger);
}

char *
hw_finding_dup_sources (const HwFinding *f, HwLang lang)
{
  return hw_rule_dup_sources (f->rule, lang, f->trigger);
}

static const HwOffset *
variant_offset (const HwFinding *f)
{
  switch (f->variant)
    {
    case HW_DUE_GRACE:
      return &f->rule->grace;
    case HW_DUE_REDUCED:
      return &f->rule->reduced;
    case HW_DUE_VARIANT:
      return &f->rule->variant;
    case HW_DUE_STANDARD:
    default:
      return NULL;
    }
}

char *
hw_finding_dup_explanation_lang (const HwFinding *f, HwLang lang)
{
  return hw_finding_dup_explanation_as (f, lang, f->subject_name);
}

char *
hw_finding_dup_explanation_as (const HwFinding *f, HwLang lang, const char *name)
{
  const HwRule *rule = f->rule;
  const HwCatalogue *cat = rule->catalogue;
  gboolean has_evidence = f->evidence != HW_DATE_NONE;
  gboolean recurring = rule->kind == HW_KIND_RECURRING;
  gboolean show_met = recurring ? has_evidence : f->met;
  gboolean show_clears = recurring ? f->state != HW_FINDING_OK : !f->met;
  const HwOffset *variant = variant_offset (f);
  char evidence[11], count[12], required[12], year[12], per_year[12], days[12];
  const char *keys[] = { "evidence", "name", "count", "required", "year", "per_year", "days" };
  const char *values[] = { evidence, name, count, required, year, per_year, days };
  g_autofree char *source = hw_finding_dup_source (f, lang);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail ((guint) lang < HW_N_LANGS, NULL);

  format_date (f->evidence, evidence);
  g_snprintf (count, sizeof count, "%d", f->count);
  g_snprintf (required, sizeof required, "%d", f->required);
  g_snprintf (year, sizeof year, "%d", f->year);
  g_snprintf (per_year, sizeof per_year, "%d", f->per_year);
  g_snprintf (days, sizeof days, "%d", f->days);

  hw_rules_expand (out, show_met ? rule->met[lang] : rule->missing[lang], keys, values,
                   G_N_ELEMENTS (keys));
  if (f->met && f->late)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, hw_catalogue_get_term (cat, "met.late", lang));
    }
  g_string_append_c (out, ' ');
  append_due_formula (out, f, lang);
  g_string_append_printf (out, " (%s, %s).", hw_finding_get_class_label (f, lang), source);
  if (variant && variant->note[lang])
    {
      g_string_append_c (out, ' ');
      g_string_append (out, variant->note[lang]);
    }
  if (show_clears)
    {
      g_string_append_c (out, ' ');
      hw_rules_expand (out, rule->clears[lang], keys, values, G_N_ELEMENTS (keys));
    }
  return g_string_free (out, FALSE);
}

char *
hw_finding_dup_explanation (const HwFinding *f)
{
  return hw_finding_dup_explanation_lang (f, HW_LANG_NB);
}

guint
hw_finding_get_n_settings (const HwFinding *f)
{
  return f->n_settings;
}

const char *
hw_finding_get_setting (const HwFinding *f, guint index, int *value)
{
  g_return_val_if_fail (index < f->n_settings, NULL);
  if (value)
    *value = f->setting_value[index];
  return hw_catalogue_get_setting (f->rule->catalogue, f->setting_index[index])->key;
}

char *
hw_finding_dup_settings_text (const HwFinding *f)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < f->n_settings; i++)
    {
      int value;
      const char *key = hw_finding_get_setting (f, i, &value);

      g_string_append_printf (out, "%s%s=%d", i ? ", " : "", key, value);
    }
  return g_string_free (out, FALSE);
}

int
hw_finding_compare (const HwFinding *a, const HwFinding *b)
{
  int c;

  if (a->due != b->due)
    return a->due < b->due ? -1 : 1;
  if ((c = g_strcmp0 (a->journal_no, b->journal_no)) != 0)
    return c;
  if ((c = strcmp (a->rule->id, b->rule->id)) != 0)
    return c;
  if ((c = g_strcmp0 (a->subject_name, b->subject_name)) != 0)
    return c;
  if ((c = g_strcmp0 (a->subject_id, b->subject_id)) != 0)
    return c;
  if (a->subject_date != b->subject_date)
    return a->subject_date < b->subject_date ? -1 : 1;
  return a->year - b->year;
}

int
hw_finding_compare_ptr (gconstpointer a, gconstpointer b)
{
  return hw_finding_compare (*(HwFinding *const *) a, *(HwFinding *const *) b);
}

const char *
hw_finding_state_to_string (HwFindingState state)
{
  static const char *const names[] = { "ok", "due-soon", "overdue", "missed" };

  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

const char *
hw_subject_kind_to_string (HwSubjectKind kind)
{
  static const char *const names[] = {
    "case", "care-order", "decision", "placement", "parent", "home-member", "year",
    "samvaer-agreement", "goal", "plan",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}
