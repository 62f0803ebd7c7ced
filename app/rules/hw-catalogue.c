/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-rules-private.h"
#include "hw-catalogue-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

typedef struct {
  char *text[HW_N_LANGS];
} HwTerm;

struct _HwCatalogue {
  gatomicrefcount ref_count;
  char           *path;
  int             version;
  GPtrArray      *acts;           /* HwAct */
  GPtrArray      *basis_sets;     /* HwBasisSet */
  GPtrArray      *category_sets;  /* HwCategorySet */
  HwSettingInfo  *settings;
  guint           n_settings;
  GHashTable     *terms;          /* key → HwTerm */
  GPtrArray      *rules;          /* HwRule */
  GHashTable     *rules_by_id;
  HwDefinitions   defs;
};

static const char *const class_names[] = { "law", "guidance", "local", NULL };
static const char *const unit_names[] = { "days", "weeks", "months", "years", NULL };
static const char *const kind_names[] = { "deadline", "recurring", "yearly-count", NULL };
static const char *const subject_type_names[] = {
  "care-order", "ended-care-order", "parent", "voluntary-placement", "foster-placement",
  "foster-parent", "household-member", "placement-year", "samvaer-agreement",
  "abandoned-goal", "planned-return", "emergency-decision", "latest-plan", "case-adult",
  "case-minor", "institution-placement", "care-order-year", "samvaer-agreement-minimum",
  "samvaer-agreement-open", NULL
};
static const char *const evidence_type_names[] = {
  "plan", "plan-evaluation", "parent-contact", "reunification-goal",
  "reunification-assessment", "goal-grounds", "samvaer-evaluation", "return-offer",
  "home-evidence", "police-certificate", "household-assessment", "network-assessment",
  "visit", "petition", "aftercare", "samvaer-sessions", "samvaer-recurrence",
  "agreement-approval", NULL
};
static const char *const anchor_names[] = { "trigger", "latest", "year-end", NULL };
static const char *const about_names[] = {
  "child", "parent", "foster-home", "foster-home-member", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (about_names) == HW_N_ABOUTS + 1);

G_STATIC_ASSERT (G_N_ELEMENTS (subject_type_names) == HW_N_SUBJECT_TYPES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (evidence_type_names) == HW_N_EVIDENCE_TYPES + 1);

/* Words the engine and the check command look up; a catalogue without them is refused. */
static const char *const required_terms[] = {
  "class.law", "class.guidance", "class.local",
  "state.ok", "state.due-soon", "state.overdue", "state.missed",
  "unit.days.one", "unit.days.other", "unit.weeks.one", "unit.weeks.other",
  "unit.months.one", "unit.months.other", "unit.years.one", "unit.years.other",
  "due.after", "due.before", "due.on", "due.year-end", "due.period-end", "met.late",
  "cli.heading", "cli.case", "cli.source", "cli.sources", "cli.settings", "cli.none",
  "cli.summary",
};

/* ---- small helpers ---- */

static int
name_index (const char *const *names, const char *text)
{
  for (int i = 0; text && names[i]; i++)
    if (g_str_equal (names[i], text))
      return i;
  return -1;
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
child_element (xmlNode *parent, const char *name)
{
  for (xmlNode *c = parent->children; c; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static char *
dup_prop (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Element text with runs of whitespace collapsed, so the XML can be wrapped freely. */
static char *
dup_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = (const char *) raw; p && *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, *p);
    }
  xmlFree (raw);
  return g_string_free (s, FALSE);
}

static void
read_text (xmlNode *node, char *out[HW_N_LANGS])
{
  for (int l = 0; l < HW_N_LANGS; l++)
    {
      xmlNode *c = node ? child_element (node, hw_lang_to_string (l)) : NULL;

      out[l] = c ? dup_text (c) : NULL;
    }
}

static void
free_text (char *text[HW_N_LANGS])
{
  for (int l = 0; l < HW_N_LANGS; l++)
    g_clear_pointer (&text[l], g_free);
}

static gboolean
fail_at (GError **error, const char *path, long line, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (GError **error, const char *path, long line, const char *format, ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_strchomp (reason);
  /* Translators: a broken rule catalogue: FILE:LINE: reason. */
  g_set_error (error, HW_ERROR, HW_ERROR_PARSE, _("%s:%ld: %s"), path, line, reason);
  return FALSE;
}

/* ---- data folder ---- */

char *
hw_rules_dup_datadir (void)
{
  const char *env = g_getenv ("HOMEWARD_DATADIR");

  /* Never the source tree because it exists: an installed program would read whatever the
   * build folder's source holds now. Running uninstalled sets the variable (meson devenv). */
  if (env && *env)
    return g_strdup (env);
  return g_strdup (PKGDATADIR);
}

char *
hw_catalogue_dup_default_path (void)
{
  g_autofree char *dir = hw_rules_dup_datadir ();

  return g_build_filename (dir, "rules", "catalogue.xml", NULL);
}

static char *
dup_default_schema_path (void)
{
  g_autofree char *dir = hw_rules_dup_datadir ();

  return g_build_filename (dir, "rules", "catalogue.xsd", NULL);
}

/* ---- definitions ---- */

static void
basis_set_free (HwBasisSet *set)
{
  for (guint i = 0; i < set->n_items; i++)
    g_free (set->items[i].law);
  g_free (set->items);
  g_free (set->id);
  g_free (set);
}

static void
category_set_free (HwCategorySet *set)
{
  g_strfreev (set->codes);
  g_free (set->prefix);
  g_free (set->id);
  g_free (set);
}

static void
act_free (HwAct *act)
{
  g_free (act->id);
  free_text (act->name);
  g_free (act);
}

static HwBasisSet *
parse_basis_set (xmlNode *node)
{
  HwBasisSet *set = g_new0 (HwBasisSet, 1);
  g_autofree char *text = dup_text (node);
  g_auto(GStrv) tokens = g_strsplit (text, " ", -1);

  set->id = dup_prop (node, "id");
  set->items = g_new0 (HwBasisPattern, g_strv_length (tokens));
  for (guint i = 0; tokens[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tokens[i], ":", 4);
      HwBasisPattern *p;

      if (g_strv_length (parts) < 3)
        continue;  /* the schema's pattern makes this unreachable */
      p = &set->items[set->n_items++];
      p->law = g_strdup (parts[0]);
      p->chapter = atoi (parts[1]);
      p->section = atoi (parts[2]);
      p->ledd = parts[3] ? atoi (parts[3]) : 0;
    }
  return set;
}

static HwCategorySet *
parse_category_set (xmlNode *node)
{
  HwCategorySet *set = g_new0 (HwCategorySet, 1);
  g_autofree char *text = dup_text (node);

  set->id = dup_prop (node, "id");
  set->codes = g_strsplit (text, " ", -1);
  set->n_codes = g_strv_length (set->codes);
  set->prefix = g_new0 (gboolean, set->n_codes);
  for (guint i = 0; i < set->n_codes; i++)
    if (g_str_has_suffix (set->codes[i], ".*"))
      {
        set->codes[i][strlen (set->codes[i]) - 1] = '\0';   /* "2.*" → "2." */
        set->prefix[i] = TRUE;
      }
  return set;
}

/* A whole number with surrounding blanks, or -1. */
static int
parse_number (const char *text, const char *end)
{
  int v = 0, digits = 0;

  while (text < end && g_ascii_isspace (*text))
    text++;
  while (text < end && g_ascii_isdigit (*text) && digits < 6)
    {
      v = v * 10 + (*text++ - '0');
      digits++;
    }
  while (text < end && g_ascii_isspace (*text))
    text++;
  return digits && text == end ? v : -1;
}

void
hw_basis_key_init (HwBasisKey *key, const HwLegalBasis *basis)
{
  const char *section = basis->section;
  const char *dash = section ? strchr (section, '-') : NULL;

  key->law = basis->law;
  key->ledd = basis->ledd;
  key->chapter = basis->chapter ? parse_number (basis->chapter,
                                                basis->chapter + strlen (basis->chapter)) : -1;
  key->section = section ? parse_number (section, section + strlen (section)) : -1;
  /* Some systems write the section as "5-1", with or without the chapter. */
  if (dash)
    {
      key->chapter = parse_number (section, dash);
      key->section = parse_number (dash + 1, dash + 1 + strlen (dash + 1));
    }
}

static gboolean
law_equal (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  /* SSB calls the 1992 act "BVL"; documentation sometimes writes "BVL1992". */
  return (g_ascii_strcasecmp (a, "BVL") == 0 && g_ascii_strcasecmp (b, "BVL1992") == 0) ||
         (g_ascii_strcasecmp (b, "BVL") == 0 && g_ascii_strcasecmp (a, "BVL1992") == 0);
}

gboolean
hw_basis_key_equal (const HwBasisKey *a, const HwBasisKey *b)
{
  return a->chapter >= 0 && a->section >= 0 && a->chapter == b->chapter &&
         a->section == b->section && law_equal (a->law, b->law);
}

static gboolean
ledd_matches (int pattern, const char *ledd)
{
  const char *p = ledd;

  if (pattern == 0)
    return TRUE;
  /* The record's ledd may be a list: "2", "2,3", "2 3". */
  while (p && *p)
    {
      const char *end = p + strcspn (p, ",; ");

      if (parse_number (p, end) == pattern)
        return TRUE;
      p = *end ? end + 1 : end;
    }
  return FALSE;
}

gboolean
hw_basis_set_matches (const HwBasisSet *set, const HwBasisKey *key)
{
  if (set == NULL || key->chapter < 0 || key->section < 0)
    return FALSE;
  for (guint i = 0; i < set->n_items; i++)
    {
      const HwBasisPattern *p = &set->items[i];

      if (p->chapter == key->chapter && p->section == key->section &&
          law_equal (p->law, key->law) && ledd_matches (p->ledd, key->ledd))
        return TRUE;
    }
  return FALSE;
}

gboolean
hw_category_set_matches (const HwCategorySet *set, const char *category)
{
  if (set == NULL || category == NULL)
    return FALSE;
  for (guint i = 0; i < set->n_codes; i++)
    if (set->prefix[i] ? g_str_has_prefix (category, set->codes[i])
                       : g_str_equal (category, set->codes[i]))
      return TRUE;
  return FALSE;
}

gboolean
hw_plan_types_contain (const HwPlanTypes *types, int plan_type)
{
  for (int i = 0; i < types->n; i++)
    if (types->types[i] == plan_type)
      return TRUE;
  return FALSE;
}

/* ---- rules ---- */

static void
offset_clear (HwOffset *o)
{
  free_text (o->note);
}

static void
rule_free (HwRule *rule)
{
  g_free (rule->id);
  offset_clear (&rule->due);
  offset_clear (&rule->grace);
  offset_clear (&rule->reduced);
  offset_clear (&rule->variant);
  for (guint i = 0; i < rule->n_sources; i++)
    free_text (rule->sources[i].text);
  g_free (rule->sources);
  free_text (rule->title);
  free_text (rule->class_label);
  free_text (rule->explanation);
  free_text (rule->trigger_name);
  free_text (rule->evidence_name);
  free_text (rule->missing);
  free_text (rule->met);
  free_text (rule->clears);
  g_free (rule);
}

typedef struct {
  HwCatalogue *cat;
  const char  *path;
} Loader;

static gboolean
parse_date_prop (Loader *ld, xmlNode *node, const char *name, HwDate *out, GError **error)
{
  g_autofree char *text = dup_prop (node, name);

  *out = HW_DATE_NONE;
  if (text == NULL)
    return TRUE;
  *out = hw_date_parse_iso (text);
  if (*out == HW_DATE_NONE)
    return fail_at (error, ld->path, xmlGetLineNo (node), _("“%s” is not a date"), text);
  return TRUE;
}

static gboolean
parse_int_prop (xmlNode *node, const char *name, int fallback, int *out)
{
  g_autofree char *text = dup_prop (node, name);
  char *end = NULL;
  long v;

  *out = fallback;
  if (text == NULL)
    return FALSE;
  v = strtol (text, &end, 10);
  if (end == text || v < G_MININT32 || v > G_MAXINT32)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_bool_prop (xmlNode *node, const char *name)
{
  g_autofree char *text = dup_prop (node, name);

  return text && (g_str_equal (text, "true") || g_str_equal (text, "1"));
}

static void
parse_plan_types (xmlNode *node, const char *name, HwPlanTypes *out)
{
  g_autofree char *text = dup_prop (node, name);
  g_auto(GStrv) tokens = NULL;

  out->n = 0;
  if (text == NULL)
    return;
  tokens = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; tokens[i] && out->n < HW_MAX_PLAN_TYPES; i++)
    if (*tokens[i])
      out->types[out->n++] = atoi (tokens[i]);
}

static int
find_setting_index (HwCatalogue *cat, const char *key)
{
  for (guint i = 0; key && i < cat->n_settings; i++)
    if (g_str_equal (cat->settings[i].key, key))
      return (int) i;
  return -1;
}

static const HwBasisSet *
find_basis_set (HwCatalogue *cat, const char *id)
{
  for (guint i = 0; id && i < cat->basis_sets->len; i++)
    {
      const HwBasisSet *set = cat->basis_sets->pdata[i];

      if (g_str_equal (set->id, id))
        return set;
    }
  return NULL;
}

static const HwCategorySet *
find_category_set (HwCatalogue *cat, const char *id)
{
  for (guint i = 0; i < cat->category_sets->len; i++)
    {
      const HwCategorySet *set = cat->category_sets->pdata[i];

      if (g_str_equal (set->id, id))
        return set;
    }
  return NULL;
}

static const HwAct *
find_act (HwCatalogue *cat, const char *id)
{
  for (guint i = 0; id && i < cat->acts->len; i++)
    {
      const HwAct *act = cat->acts->pdata[i];

      if (g_str_equal (act->id, id))
        return act;
    }
  return NULL;
}

/* An offset: exactly one of amount and setting, and a unit (the schema cannot say so). */
static gboolean
parse_offset (Loader *ld, xmlNode *node, HwOffset *o, gboolean with_note, GError **error)
{
  g_autofree char *setting = dup_prop (node, "setting");
  g_autofree char *unit = dup_prop (node, "unit");
  g_autofree char *direction = dup_prop (node, "direction");
  g_autofree char *klass = dup_prop (node, "class");
  gboolean has_amount = parse_int_prop (node, "amount", 0, &o->amount);
  long line = xmlGetLineNo (node);

  o->present = TRUE;
  o->setting = -1;
  o->sign = direction && g_str_equal (direction, "before") ? -1 : 1;
  if (has_amount == (setting != NULL))
    return fail_at (error, ld->path, line,
                    _("<%s> needs exactly one of the attributes amount and setting"),
                    (const char *) node->name);
  if (setting)
    {
      o->setting = find_setting_index (ld->cat, setting);
      if (o->setting < 0)
        return fail_at (error, ld->path, line, _("unknown setting “%s”"), setting);
    }
  if (unit == NULL)
    return fail_at (error, ld->path, line, _("<%s> needs a unit"), (const char *) node->name);
  o->unit = name_index (unit_names, unit);
  if (klass)
    {
      o->rule_class = name_index (class_names, klass);
      o->has_class = TRUE;
    }
  if (with_note)
    read_text (child_element (node, "note"), o->note);
  return TRUE;
}

static gboolean
parse_due (Loader *ld, HwRule *rule, xmlNode *node, GError **error)
{
  g_autofree char *anchor = dup_prop (node, "anchor");
  xmlNode *c;

  rule->anchor = name_index (anchor_names, anchor);
  if (rule->anchor != HW_ANCHOR_YEAR_END && !parse_offset (ld, node, &rule->due, FALSE, error))
    return FALSE;
  if ((c = child_element (node, "grace")) && !parse_offset (ld, c, &rule->grace, TRUE, error))
    return FALSE;
  if ((c = child_element (node, "reduced")) &&
      !parse_offset (ld, c, &rule->reduced, TRUE, error))
    return FALSE;
  if ((c = child_element (node, "variant")))
    {
      g_autofree char *set = dup_prop (c, "basis-set");

      if (!parse_offset (ld, c, &rule->variant, TRUE, error))
        return FALSE;
      rule->variant.basis_set = find_basis_set (ld->cat, set);
      if (rule->variant.basis_set == NULL)
        return fail_at (error, ld->path, xmlGetLineNo (c),
                        _("<variant> needs the id of a basis-set"));
    }
  return TRUE;
}

/* What the schema cannot check: the parts of a rule that must fit together. */
static gboolean
check_rule (Loader *ld, HwRule *rule, xmlNode *node, GError **error)
{
  const char *path = ld->path;
  long line = xmlGetLineNo (node);
  HwSubjectType s = rule->subject;
  gboolean placement = s == HW_ST_FOSTER_PLACEMENT;
  gboolean member = s == HW_ST_FOSTER_PARENT || s == HW_ST_HOUSEHOLD_MEMBER;

  switch (rule->kind)
    {
    case HW_KIND_DEADLINE:
      if (rule->anchor != HW_ANCHOR_TRIGGER)
        return fail_at (error, path, line, _("rule %s: a deadline is counted from the trigger"),
                        rule->id);
      break;
    case HW_KIND_RECURRING:
      if (rule->anchor != HW_ANCHOR_LATEST)
        return fail_at (error, path, line,
                        _("rule %s: a recurring rule is counted from the latest evidence"),
                        rule->id);
      if (rule->evidence_name[0] == NULL)
        return fail_at (error, path, line, _("rule %s: a recurring rule needs <evidence-name>"),
                        rule->id);
      break;
    case HW_KIND_YEARLY_COUNT:
      if (rule->anchor != HW_ANCHOR_YEAR_END ||
          !((s == HW_ST_PLACEMENT_YEAR && rule->evidence == HW_EV_VISIT && rule->has_frequency) ||
            (s == HW_ST_CARE_ORDER_YEAR && rule->evidence == HW_EV_SAMVAER_SESSIONS)))
        return fail_at (error, path, line,
                        _("rule %s: a yearly count needs the anchor year-end and either the "
                          "subject placement-year with visits as evidence and a <frequency>, "
                          "or the subject care-order-year with samvaer-sessions"), rule->id);
      break;
    }
  if (rule->anchor == HW_ANCHOR_YEAR_END && rule->kind != HW_KIND_YEARLY_COUNT)
    return fail_at (error, path, line, _("rule %s: the anchor year-end is for yearly counts"),
                    rule->id);
  if (rule->grace.present && !placement && !member)
    return fail_at (error, path, line, _("rule %s: a grace period needs a placement subject"),
                    rule->id);
  if (rule->reduced.present && !rule->has_frequency)
    return fail_at (error, path, line, _("rule %s: <reduced> needs a <frequency>"), rule->id);
  if (rule->variant.present && s != HW_ST_EMERGENCY_DECISION && s != HW_ST_CARE_ORDER)
    return fail_at (error, path, line, _("rule %s: <variant> needs a decision subject"),
                    rule->id);
  if (s == HW_ST_LATEST_PLAN && rule->subject_plan_types.n == 0)
    return fail_at (error, path, line, _("rule %s: latest-plan needs plan-types"), rule->id);
  if (s == HW_ST_HOUSEHOLD_MEMBER && rule->min_age_setting < 0)
    return fail_at (error, path, line, _("rule %s: household-member needs min-age-setting"),
                    rule->id);

  switch (rule->evidence)
    {
    case HW_EV_PLAN:
      if (rule->evidence_plan_types.n == 0)
        return fail_at (error, path, line, _("rule %s: plan evidence needs plan-types"),
                        rule->id);
      break;
    case HW_EV_PLAN_EVALUATION:
      if (rule->of_subject_plan ? s != HW_ST_LATEST_PLAN : rule->evidence_plan_types.n == 0)
        return fail_at (error, path, line,
                        _("rule %s: plan-evaluation needs plan-types, or of=\"subject-plan\" "
                          "with a latest-plan subject"), rule->id);
      break;
    case HW_EV_PARENT_CONTACT:
      if (s != HW_ST_PARENT)
        return fail_at (error, path, line, _("rule %s: parent-contact needs a parent subject"),
                        rule->id);
      break;
    case HW_EV_GOAL_GROUNDS:
      if (s != HW_ST_ABANDONED_GOAL)
        return fail_at (error, path, line,
                        _("rule %s: goal-grounds needs an abandoned-goal subject"), rule->id);
      break;
    case HW_EV_SAMVAER_EVALUATION:
      if (s != HW_ST_SAMVAER_AGREEMENT)
        return fail_at (error, path, line,
                        _("rule %s: samvaer-evaluation needs a samvaer-agreement subject"),
                        rule->id);
      break;
    case HW_EV_RETURN_OFFER:
      if (s != HW_ST_ENDED_CARE_ORDER)
        return fail_at (error, path, line,
                        _("rule %s: return-offer needs an ended-care-order subject"), rule->id);
      break;
    case HW_EV_HOME_EVIDENCE:
      if (!placement || (int) rule->home_evidence < 0 || (int) rule->scope < 0)
        return fail_at (error, path, line,
                        _("rule %s: home-evidence needs a foster-placement subject, the "
                          "attribute home-evidence and a scope"), rule->id);
      break;
    case HW_EV_POLICE_CERTIFICATE:
      if (!member)
        return fail_at (error, path, line,
                        _("rule %s: police-certificate needs a home-member subject"), rule->id);
      break;
    case HW_EV_HOUSEHOLD_ASSESSMENT:
      if (s != HW_ST_HOUSEHOLD_MEMBER)
        return fail_at (error, path, line,
                        _("rule %s: household-assessment needs a household-member subject"),
                        rule->id);
      break;
    case HW_EV_NETWORK_ASSESSMENT:
      if (!placement)
        return fail_at (error, path, line,
                        _("rule %s: network-assessment needs a foster-placement subject"),
                        rule->id);
      break;
    case HW_EV_SAMVAER_SESSIONS:
      if (s != HW_ST_CARE_ORDER_YEAR)
        return fail_at (error, path, line,
                        _("rule %s: samvaer-sessions needs a care-order-year subject"), rule->id);
      break;
    case HW_EV_SAMVAER_RECURRENCE:
      if (s != HW_ST_SAMVAER_AGREEMENT_MINIMUM)
        return fail_at (error, path, line,
                        _("rule %s: samvaer-recurrence needs a samvaer-agreement-minimum "
                          "subject"), rule->id);
      break;
    case HW_EV_AGREEMENT_APPROVAL:
      if (s != HW_ST_SAMVAER_AGREEMENT && s != HW_ST_SAMVAER_AGREEMENT_OPEN &&
          s != HW_ST_SAMVAER_AGREEMENT_MINIMUM)
        return fail_at (error, path, line,
                        _("rule %s: agreement-approval needs a samvær agreement subject"),
                        rule->id);
      break;
    case HW_EV_VISIT:
      if ((!placement && s != HW_ST_PLACEMENT_YEAR && s != HW_ST_INSTITUTION_PLACEMENT) ||
          (int) rule->visit_kind < 0)
        return fail_at (error, path, line,
                        _("rule %s: visit evidence needs a placement subject and visit-kind"),
                        rule->id);
      break;
    case HW_EV_REUNIFICATION_GOAL:
    case HW_EV_REUNIFICATION_ASSESSMENT:
    case HW_EV_PETITION:
    case HW_EV_AFTERCARE:
    case HW_N_EVIDENCE_TYPES:
      break;
    }
  return TRUE;
}

static HwRule *
parse_rule (Loader *ld, xmlNode *node, GError **error)
{
  HwRule *rule = g_new0 (HwRule, 1);
  g_autofree char *kind = dup_prop (node, "kind");
  g_autofree char *klass = dup_prop (node, "class");
  g_autofree char *about = dup_prop (node, "about");
  xmlNode *applies = child_element (node, "applies");
  xmlNode *evidence = child_element (node, "evidence");
  xmlNode *frequency = child_element (node, "frequency");
  xmlNode *sources = child_element (node, "sources");
  xmlNode *c;

  rule->catalogue = ld->cat;
  rule->id = dup_prop (node, "id");
  rule->kind = name_index (kind_names, kind);
  rule->rule_class = name_index (class_names, klass);
  rule->about = name_index (about_names, about);
  rule->min_age_setting = -1;
  rule->during = -1;

  /* applicability */
  {
    g_autofree char *subject = dup_prop (applies, "subject");
    g_autofree char *during = dup_prop (applies, "during");
    g_autofree char *age = dup_prop (applies, "min-age-setting");

    rule->subject = name_index (subject_type_names, subject);
    /* A rule whose subject is a person is about that person: a printout's recipient filter
     * must not be told otherwise. */
    {
      int person = rule->subject == HW_ST_PARENT ? HW_ABOUT_PARENT
                   : rule->subject == HW_ST_FOSTER_PARENT ||
                     rule->subject == HW_ST_HOUSEHOLD_MEMBER ? HW_ABOUT_FOSTER_HOME_MEMBER
                   : -1;

      if (person >= 0 && (int) rule->about != person)
        {
          fail_at (error, ld->path, xmlGetLineNo (node),
                   _("rule %s: the subject “%s” is a person: about must be “%s”"),
                   rule->id, subject, about_names[person]);
          goto fail;
        }
    }
    if (!parse_date_prop (ld, applies, "from", &rule->from, error) ||
        !parse_date_prop (ld, applies, "to", &rule->to, error))
      goto fail;
    if (rule->from && rule->to && rule->from > rule->to)
      {
        fail_at (error, ld->path, xmlGetLineNo (applies), _("the period ends before it starts"));
        goto fail;
      }
    parse_plan_types (applies, "requires-plan-types", &rule->requires_plan_types);
    parse_plan_types (applies, "plan-types", &rule->subject_plan_types);
    if (during)
      rule->during = name_index (subject_type_names, during);
    parse_int_prop (applies, "end-reason", 0, &rule->end_reason);
    rule->until_18 = parse_bool_prop (applies, "until-18");
    if (age)
      {
        rule->min_age_setting = find_setting_index (ld->cat, age);
        if (rule->min_age_setting < 0)
          {
            fail_at (error, ld->path, xmlGetLineNo (applies), _("unknown setting “%s”"), age);
            goto fail;
          }
      }
  }

  /* evidence */
  {
    g_autofree char *type = dup_prop (evidence, "type");
    g_autofree char *not_before = dup_prop (evidence, "not-before");
    g_autofree char *of = dup_prop (evidence, "of");
    g_autofree char *visit_kind = dup_prop (evidence, "visit-kind");
    g_autofree char *home = dup_prop (evidence, "home-evidence");
    g_autofree char *scope = dup_prop (evidence, "scope");
    static const char *const home_names[] = { "approval", "contract", "training", NULL };
    static const HwEvidenceKind home_kinds[] = {
      HW_EVIDENCE_APPROVAL, HW_EVIDENCE_CONTRACT, HW_EVIDENCE_TRAINING
    };
    static const char *const scope_names[] = { "child", "child-or-home", "home", NULL };
    int h;

    rule->evidence = name_index (evidence_type_names, type);
    parse_plan_types (evidence, "plan-types", &rule->evidence_plan_types);
    rule->not_before_trigger = not_before != NULL;
    parse_int_prop (evidence, "offset-days", 0, &rule->offset_days);
    rule->include_plans = parse_bool_prop (evidence, "include-plans");
    rule->of_subject_plan = of != NULL;
    rule->visit_kind = visit_kind ? (g_str_equal (visit_kind, "tilsyn") ? HW_VISIT_TILSYN
                                                                        : HW_VISIT_FOLLOWUP)
                                  : (HwVisitKind) -1;
    h = name_index (home_names, home);
    rule->home_evidence = h >= 0 ? home_kinds[h] : (HwEvidenceKind) -1;
    rule->scope = scope ? (HwEvidenceScope) name_index (scope_names, scope) : (HwEvidenceScope) -1;
  }

  /* due date and frequency */
  if (!parse_due (ld, rule, child_element (node, "due"), error))
    goto fail;
  if (frequency)
    {
      g_autofree char *fkind = dup_prop (frequency, "kind");

      rule->has_frequency = TRUE;
      rule->frequency_kind = g_strcmp0 (fkind, "tilsyn") == 0 ? HW_FREQUENCY_TILSYN
                                                               : HW_FREQUENCY_FOLLOWUP;
      parse_int_prop (frequency, "standard", 4, &rule->standard_per_year);
      parse_int_prop (frequency, "reduced", 2, &rule->reduced_per_year);
    }

  /* sources */
  for (c = sources->children; c; c = c->next)
    if (is_element (c, "source"))
      rule->n_sources++;
  rule->sources = g_new0 (HwSource, rule->n_sources);
  rule->n_sources = 0;
  for (c = sources->children; c; c = c->next)
    if (is_element (c, "source"))
      {
        g_autofree char *act = dup_prop (c, "act");
        HwSource *src = &rule->sources[rule->n_sources++];

        src->act = find_act (ld->cat, act);
        if (src->act == NULL)
          {
            fail_at (error, ld->path, xmlGetLineNo (c), _("unknown act “%s”"), act);
            goto fail;
          }
        read_text (c, src->text);
      }

  read_text (child_element (node, "title"), rule->title);
  read_text (child_element (node, "class-label"), rule->class_label);
  read_text (child_element (node, "explanation"), rule->explanation);
  read_text (child_element (node, "trigger"), rule->trigger_name);
  read_text (child_element (node, "evidence-name"), rule->evidence_name);
  read_text (child_element (node, "missing"), rule->missing);
  read_text (child_element (node, "met"), rule->met);
  read_text (child_element (node, "clears"), rule->clears);

  if (!check_rule (ld, rule, node, error))
    goto fail;
  return rule;

fail:
  rule_free (rule);
  return NULL;
}

/* ---- the document ---- */

static void
term_free (HwTerm *term)
{
  free_text (term->text);
  g_free (term);
}

static void
catalogue_free (HwCatalogue *cat)
{
  g_free (cat->path);
  g_clear_pointer (&cat->acts, g_ptr_array_unref);
  g_clear_pointer (&cat->basis_sets, g_ptr_array_unref);
  g_clear_pointer (&cat->category_sets, g_ptr_array_unref);
  for (guint i = 0; i < cat->n_settings; i++)
    {
      HwSettingInfo *s = &cat->settings[i];

      g_free ((char *) s->key);
      for (int l = 0; l < HW_N_LANGS; l++)
        {
          g_free ((char *) s->label[l]);
          g_free ((char *) s->description[l]);
        }
    }
  g_free (cat->settings);
  g_clear_pointer (&cat->terms, g_hash_table_unref);
  g_clear_pointer (&cat->rules_by_id, g_hash_table_unref);
  g_clear_pointer (&cat->rules, g_ptr_array_unref);
  g_free (cat);
}

static gboolean
parse_settings (Loader *ld, xmlNode *node, GError **error)
{
  HwCatalogue *cat = ld->cat;
  guint n = 0;

  for (xmlNode *c = node->children; c; c = c->next)
    n += is_element (c, "setting");
  cat->settings = g_new0 (HwSettingInfo, n);
  for (xmlNode *c = node->children; c; c = c->next)
    {
      HwSettingInfo *s;
      g_autofree char *unit = NULL;
      g_autofree char *klass = NULL;
      char *text[HW_N_LANGS];

      if (!is_element (c, "setting"))
        continue;
      s = &cat->settings[cat->n_settings++];
      s->key = dup_prop (c, "key");
      unit = dup_prop (c, "unit");
      klass = dup_prop (c, "class");
      s->unit = name_index (unit_names, unit);
      s->rule_class = name_index (class_names, klass);
      parse_int_prop (c, "default", 0, &s->default_value);
      parse_int_prop (c, "min", 0, &s->min_value);
      parse_int_prop (c, "max", 0, &s->max_value);
      read_text (child_element (c, "label"), text);
      for (int l = 0; l < HW_N_LANGS; l++)
        s->label[l] = text[l];
      read_text (child_element (c, "description"), text);
      for (int l = 0; l < HW_N_LANGS; l++)
        s->description[l] = text[l];
      if (s->min_value > s->max_value || s->default_value < s->min_value ||
          s->default_value > s->max_value)
        return fail_at (error, ld->path, xmlGetLineNo (c),
                        _("setting %s: the default %d is outside %d–%d"), s->key,
                        s->default_value, s->min_value, s->max_value);
    }
  cat->defs.due_soon_setting = find_setting_index (cat, "due_soon_days");
  if (cat->defs.due_soon_setting < 0)
    return fail_at (error, ld->path, xmlGetLineNo (node),
                    _("the setting due_soon_days is missing"));
  return TRUE;
}

static gboolean
parse_document (Loader *ld, xmlNode *root, GError **error)
{
  HwCatalogue *cat = ld->cat;
  xmlNode *acts = child_element (root, "acts");
  xmlNode *defs = child_element (root, "definitions");
  xmlNode *vocab = child_element (root, "vocabulary");
  xmlNode *rules = child_element (root, "rules");
  static const char *const basis_ids[] = { "care-order", "voluntary-placement", "emergency" };
  static const char *const category_ids[] = { "foster-home", "kinship-or-emergency" };

  parse_int_prop (root, "version", 1, &cat->version);

  for (xmlNode *c = acts->children; c; c = c->next)
    if (is_element (c, "act"))
      {
        HwAct *act = g_new0 (HwAct, 1);

        g_ptr_array_add (cat->acts, act);
        act->id = dup_prop (c, "id");
        read_text (child_element (c, "name"), act->name);
        if (!parse_date_prop (ld, c, "from", &act->from, error) ||
            !parse_date_prop (ld, c, "to", &act->to, error))
          return FALSE;
      }

  for (xmlNode *c = defs->children; c; c = c->next)
    if (is_element (c, "basis-set"))
      g_ptr_array_add (cat->basis_sets, parse_basis_set (c));
    else if (is_element (c, "category-set"))
      g_ptr_array_add (cat->category_sets, parse_category_set (c));
  for (guint i = 0; i < G_N_ELEMENTS (basis_ids); i++)
    if (find_basis_set (cat, basis_ids[i]) == NULL)
      return fail_at (error, ld->path, xmlGetLineNo (defs),
                      _("the basis-set “%s” is missing"), basis_ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (category_ids); i++)
    if (find_category_set (cat, category_ids[i]) == NULL)
      return fail_at (error, ld->path, xmlGetLineNo (defs),
                      _("the category-set “%s” is missing"), category_ids[i]);
  cat->defs.care_order = find_basis_set (cat, "care-order");
  cat->defs.voluntary_placement = find_basis_set (cat, "voluntary-placement");
  cat->defs.emergency = find_basis_set (cat, "emergency");
  cat->defs.behaviour_placement = find_basis_set (cat, "behaviour-placement");
  cat->defs.foster_home = find_category_set (cat, "foster-home");
  cat->defs.kinship_or_emergency = find_category_set (cat, "kinship-or-emergency");
  cat->defs.institution = find_category_set (cat, "institution");

  if (!parse_settings (ld, child_element (root, "settings"), error))
    return FALSE;

  for (xmlNode *c = vocab->children; c; c = c->next)
    if (is_element (c, "term"))
      {
        HwTerm *term = g_new0 (HwTerm, 1);

        read_text (c, term->text);
        g_hash_table_replace (cat->terms, dup_prop (c, "key"), term);
      }
  for (guint i = 0; i < G_N_ELEMENTS (required_terms); i++)
    if (!g_hash_table_contains (cat->terms, required_terms[i]))
      return fail_at (error, ld->path, xmlGetLineNo (vocab), _("the term “%s” is missing"),
                      required_terms[i]);
  for (int t = 0; t < HW_N_SUBJECT_TYPES; t++)
    {
      g_autofree char *key = g_strconcat ("subject.", subject_type_names[t], NULL);

      if (!g_hash_table_contains (cat->terms, key))
        return fail_at (error, ld->path, xmlGetLineNo (vocab), _("the term “%s” is missing"),
                        key);
    }

  for (xmlNode *c = rules->children; c; c = c->next)
    if (is_element (c, "rule"))
      {
        HwRule *rule = parse_rule (ld, c, error);

        if (rule == NULL)
          return FALSE;
        rule->index = cat->rules->len;
        g_ptr_array_add (cat->rules, rule);
        g_hash_table_insert (cat->rules_by_id, rule->id, rule);
      }
  return TRUE;
}

typedef struct {
  char *message;
  char *file;
  long  line;
} FirstError;

static void
on_structured_error_cb (void *user_data, xmlErrorPtr e)
{
  FirstError *first = user_data;

  if (first->message || e == NULL || e->level < XML_ERR_ERROR)
    return;
  first->message = g_strdup (e->message ? e->message : "error");
  first->file = g_strdup (e->file);
  first->line = e->line;
}

static gboolean
validate (xmlDoc *doc, const char *path, const char *schema_path, GError **error)
{
  g_autoptr(xmlSchemaParserCtxt) pctxt = NULL;
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlSchemaValidCtxt) vctxt = NULL;
  FirstError first = { NULL, NULL, 0 };
  gboolean ok;

  pctxt = xmlSchemaNewParserCtxt (schema_path);
  if (pctxt == NULL)
    return fail_at (error, schema_path, 0, _("cannot read the schema"));
  xmlSchemaSetParserStructuredErrors (pctxt, on_structured_error_cb, &first);
  schema = xmlSchemaParse (pctxt);
  if (schema == NULL)
    {
      ok = fail_at (error, first.file ? first.file : schema_path, first.line, "%s",
                    first.message ? first.message : _("the schema is invalid"));
      g_free (first.message);
      g_free (first.file);
      return ok;
    }
  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, on_structured_error_cb, &first);
  if (xmlSchemaValidateDoc (vctxt, doc) == 0)
    return TRUE;
  ok = fail_at (error, path, first.line, "%s",
                first.message ? first.message : _("the catalogue does not match its schema"));
  g_free (first.message);
  g_free (first.file);
  return ok;
}

HwCatalogue *
hw_catalogue_load_with_schema (const char *path, const char *schema_path, GError **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  FirstError first = { NULL, NULL, 0 };
  HwCatalogue *cat;
  Loader ld;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schema_path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("%s: the rule catalogue does not exist"), path);
      return NULL;
    }
  ctxt = xmlNewParserCtxt ();
  /* The parser goes on after an error and xmlCtxtGetLastError() keeps the last one; the
   * first is the one to show. The handler is per thread. */
  xmlSetStructuredErrorFunc (&first, on_structured_error_cb);
  /* No network, no entity expansion, no DTD: the catalogue is plain data. */
  doc = xmlCtxtReadFile (ctxt, path, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlErrorPtr e = xmlCtxtGetLastError (ctxt);

      if (first.message)
        fail_at (error, path, first.line, "%s", first.message);
      else
        fail_at (error, path, e ? e->line : 0, "%s",
                 e && e->message ? e->message : _("not well-formed XML"));
      g_free (first.message);
      g_free (first.file);
      return NULL;
    }
  g_clear_pointer (&first.message, g_free);
  g_clear_pointer (&first.file, g_free);
  if (!validate (doc, path, schema_path, error))
    return NULL;

  cat = g_new0 (HwCatalogue, 1);
  g_atomic_ref_count_init (&cat->ref_count);
  cat->path = g_strdup (path);
  cat->acts = g_ptr_array_new_with_free_func ((GDestroyNotify) act_free);
  cat->basis_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) basis_set_free);
  cat->category_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) category_set_free);
  cat->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) term_free);
  cat->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  cat->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  ld.cat = cat;
  ld.path = path;
  if (!parse_document (&ld, xmlDocGetRootElement (doc), error))
    {
      catalogue_free (cat);
      return NULL;
    }
  g_debug ("loaded %u rules and %u settings from %s", cat->rules->len, cat->n_settings, path);
  return cat;
}

HwCatalogue *
hw_catalogue_load (const char *path, GError **error)
{
  g_autofree char *schema = dup_default_schema_path ();

  return hw_catalogue_load_with_schema (path, schema, error);
}

G_LOCK_DEFINE_STATIC (default_catalogue);
static HwCatalogue *default_catalogue;

HwCatalogue *
hw_catalogue_load_default (GError **error)
{
  HwCatalogue *cat;

  G_LOCK (default_catalogue);
  if (default_catalogue == NULL)
    {
      g_autofree char *path = hw_catalogue_dup_default_path ();

      default_catalogue = hw_catalogue_load (path, error);
    }
  cat = default_catalogue ? hw_catalogue_ref (default_catalogue) : NULL;
  G_UNLOCK (default_catalogue);
  return cat;
}

HwCatalogue *
hw_catalogue_ref (HwCatalogue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hw_catalogue_unref (HwCatalogue *self)
{
  if (self && g_atomic_ref_count_dec (&self->ref_count))
    catalogue_free (self);
}

/* ---- accessors ---- */

const char *
hw_catalogue_get_path (const HwCatalogue *self)
{
  return self->path;
}

int
hw_catalogue_get_version (const HwCatalogue *self)
{
  return self->version;
}

guint
hw_catalogue_get_n_rules (const HwCatalogue *self)
{
  return self->rules->len;
}

const HwRule *
hw_catalogue_get_rule (const HwCatalogue *self, guint index)
{
  g_return_val_if_fail (index < self->rules->len, NULL);
  return self->rules->pdata[index];
}

const HwRule *
hw_catalogue_find_rule (const HwCatalogue *self, const char *id)
{
  return id ? g_hash_table_lookup (self->rules_by_id, id) : NULL;
}

guint
hw_catalogue_get_n_settings (const HwCatalogue *self)
{
  return self->n_settings;
}

const HwSettingInfo *
hw_catalogue_get_setting (const HwCatalogue *self, guint index)
{
  g_return_val_if_fail (index < self->n_settings, NULL);
  return &self->settings[index];
}

const HwSettingInfo *
hw_catalogue_find_setting (const HwCatalogue *self, const char *key, guint *index)
{
  int i = find_setting_index ((HwCatalogue *) self, key);

  if (i < 0)
    return NULL;
  if (index)
    *index = (guint) i;
  return &self->settings[i];
}

const char *
hw_catalogue_get_term (const HwCatalogue *self, const char *key, HwLang lang)
{
  HwTerm *term = g_hash_table_lookup (self->terms, key);

  g_return_val_if_fail ((int) lang >= 0 && lang < HW_N_LANGS, NULL);
  return term ? term->text[lang] : NULL;
}

const char *
hw_catalogue_get_class_label (const HwCatalogue *self, HwRuleClass rule_class, HwLang lang)
{
  static const char *const keys[] = { "class.law", "class.guidance", "class.local" };

  return hw_catalogue_get_term (self, keys[rule_class], lang);
}

const char *
hw_catalogue_get_unit_label (const HwCatalogue *self, HwUnit unit, int amount, HwLang lang)
{
  static const char *const keys[][2] = {
    { "unit.days.one", "unit.days.other" },
    { "unit.weeks.one", "unit.weeks.other" },
    { "unit.months.one", "unit.months.other" },
    { "unit.years.one", "unit.years.other" },
  };

  return hw_catalogue_get_term (self, keys[unit][amount == 1 ? 0 : 1], lang);
}

const HwDefinitions *
hw_catalogue_get_definitions (const HwCatalogue *self)
{
  return &self->defs;
}

const char *
hw_catalogue_subject_type_name (HwSubjectType type)
{
  return subject_type_names[type];
}

const char *
hw_rule_get_id (const HwRule *rule)
{
  return rule->id;
}

const char *
hw_rule_get_kind (const HwRule *rule)
{
  return kind_names[rule->kind];
}

HwRuleClass
hw_rule_get_class (const HwRule *rule)
{
  return rule->rule_class;
}

HwRuleAbout
hw_rule_get_about (const HwRule *rule)
{
  return rule->about;
}

const char *
hw_rule_about_to_string (HwRuleAbout about)
{
  return (guint) about < HW_N_ABOUTS ? about_names[about] : NULL;
}

const char *
hw_rule_get_class_label (const HwRule *rule, HwLang lang)
{
  if (rule->class_label[lang])
    return rule->class_label[lang];
  return hw_catalogue_get_class_label (rule->catalogue, rule->rule_class, lang);
}

const char *
hw_rule_get_title (const HwRule *rule, HwLang lang)
{
  return rule->title[lang];
}

const char *
hw_rule_get_explanation (const HwRule *rule, HwLang lang)
{
  return rule->explanation[lang];
}

HwDate
hw_rule_get_valid_from (const HwRule *rule)
{
  return rule->from;
}

HwDate
hw_rule_get_valid_to (const HwRule *rule)
{
  return rule->to;
}

static gboolean
act_in_force (const HwAct *act, HwDate date)
{
  return (act->from == HW_DATE_NONE || date >= act->from) &&
         (act->to == HW_DATE_NONE || date <= act->to);
}

static void
append_source (GString *out, const HwSource *src, HwLang lang)
{
  if (out->len)
    g_string_append (out, "; ");
  g_string_append (out, src->act->name[lang]);
  if (src->text[lang])
    {
      g_string_append_c (out, ' ');
      g_string_append (out, src->text[lang]);
    }
}

char *
hw_rule_dup_sources (const HwRule *rule, HwLang lang, HwDate trigger)
{
  GString *out = g_string_new (NULL);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rule->n_sources; i++)
      {
        gboolean in_force = trigger == HW_DATE_NONE ||
                            act_in_force (rule->sources[i].act, trigger);

        if ((pass == 0) == in_force)
          append_source (out, &rule->sources[i], lang);
      }
  return g_string_free (out, FALSE);
}

char *
hw_rule_dup_source_in_force (const HwRule *rule, HwLang lang, HwDate trigger)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rule->n_sources; i++)
    if (trigger == HW_DATE_NONE || act_in_force (rule->sources[i].act, trigger))
      append_source (out, &rule->sources[i], lang);
  if (out->len == 0)
    for (guint i = 0; i < rule->n_sources; i++)
      append_source (out, &rule->sources[i], lang);
  return g_string_free (out, FALSE);
}

const char *
hw_rule_class_to_string (HwRuleClass rule_class)
{
  g_return_val_if_fail ((guint) rule_class < 3, NULL);
  return class_names[rule_class];
}

void
hw_rules_expand (GString *out, const char *template_text, const char *const *keys,
                 const char *const *values, guint n)
{
  const char *p = template_text;

  while (p && *p)
    {
      const char *open = strchr (p, '{');
      const char *close;
      gboolean done = FALSE;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      close = strchr (open, '}');
      if (close == NULL)
        {
          g_string_append (out, open);
          break;
        }
      for (guint i = 0; i < n; i++)
        if (strlen (keys[i]) == (gsize) (close - open - 1) &&
            strncmp (open + 1, keys[i], close - open - 1) == 0)
          {
            g_string_append (out, values[i] ? values[i] : "");
            done = TRUE;
            break;
          }
      if (!done)
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
}
