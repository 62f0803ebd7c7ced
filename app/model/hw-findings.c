/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-findings"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "hw-findings.h"

#include "hw-evaluator.h"

void
hw_ui_finding_free (HwUiFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->subject);
  g_free (finding->subject_id);
  g_free (finding->explanation);
  g_free (finding->source);
  g_free (finding->legal_class);
  g_free (finding);
}

static int
state_rank (HwUiFindingState state)
{
  switch (state)
    {
    case HW_UI_FINDING_OVERDUE:
      return 0;
    case HW_UI_FINDING_DUE_SOON:
      return 1;
    case HW_UI_FINDING_OK:
      return 2;
    case HW_UI_FINDING_MISSED:
    default:
      return 3;
    }
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const HwUiFinding *fa = *(const HwUiFinding **) a;
  const HwUiFinding *fb = *(const HwUiFinding **) b;

  /* The overdue first, then what is due soon, then the rest, then the missed periods (history);
   * each by due date. */
  if (fa->state != fb->state)
    return state_rank (fa->state) < state_rank (fb->state) ? -1 : 1;
  if (fa->due != fb->due)
    return fa->due < fb->due ? -1 : 1;
  return g_strcmp0 (fa->rule_id, fb->rule_id);
}

/* The catalogue speaks nb, nn and en: the one the user's messages are in. */
static HwLang
ui_lang (void)
{
  return hw_lang_get ();
}

gboolean
hw_findings_available (void)
{
  static int available = -1;

  if (available < 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwCatalogue) catalogue = hw_catalogue_load_default (&error);

      available = catalogue != NULL;
      if (!available)
        g_warning ("The rule catalogue cannot be loaded: %s", error->message);
    }
  return available;
}

/* ---- shared texts and rules ---- */

static GMutex pool_lock;

static const char *
intern_locked (const char *text)
{
  static GHashTable *pool;
  const char *copy;

  if (text == NULL)
    return NULL;
  if (pool == NULL)
    pool = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  copy = g_hash_table_lookup (pool, text);
  if (copy == NULL)
    {
      copy = g_strdup (text);
      g_hash_table_add (pool, (gpointer) copy);
    }
  return copy;
}

/* Reachable to the end, unlike g_intern_string's grown-out blocks: leak checkers stay quiet. */
const char *
hw_ui_intern (const char *text)
{
  const char *copy;

  g_mutex_lock (&pool_lock);
  copy = intern_locked (text);
  g_mutex_unlock (&pool_lock);
  return copy;
}

typedef struct {
  const char *id;
  const char *title;
  guint       index;
} Rule;

static GPtrArray  *rules;       /* index → Rule */
static GHashTable *rule_set;    /* Rule, by id and title */

static guint
rule_hash (gconstpointer p)
{
  const Rule *r = p;

  return g_str_hash (r->id ? r->id : "") * 31 + g_str_hash (r->title ? r->title : "");
}

static gboolean
rule_equal (gconstpointer a, gconstpointer b)
{
  const Rule *ra = a, *rb = b;

  return g_strcmp0 (ra->id, rb->id) == 0 && g_strcmp0 (ra->title, rb->title) == 0;
}

/* A few dozen rules, each repeated in half the cases: the briefs name them by number. */
static guint16
rule_index (const char *id, const char *title)
{
  Rule key = { id, title, 0 };
  Rule *rule;

  g_mutex_lock (&pool_lock);
  if (rules == NULL)
    {
      rules = g_ptr_array_new_with_free_func (g_free);
      rule_set = g_hash_table_new (rule_hash, rule_equal);
    }
  rule = g_hash_table_lookup (rule_set, &key);
  if (rule == NULL && rules->len <= G_MAXUINT16)
    {
      rule = g_new (Rule, 1);
      rule->id = intern_locked (id);
      rule->title = intern_locked (title);
      rule->index = rules->len;
      g_ptr_array_add (rules, rule);
      g_hash_table_add (rule_set, rule);
    }
  g_mutex_unlock (&pool_lock);
  return rule ? rule->index : 0;
}

static const Rule *
get_rule (guint index)
{
  const Rule *rule = NULL;

  g_mutex_lock (&pool_lock);
  if (rules && index < rules->len)
    rule = rules->pdata[index];
  g_mutex_unlock (&pool_lock);
  return rule;
}

const char *
hw_ui_rule_get_id (guint rule)
{
  const Rule *r = get_rule (rule);

  return r ? r->id : NULL;
}

const char *
hw_ui_rule_get_title (guint rule)
{
  const Rule *r = get_rule (rule);

  return r ? r->title : NULL;
}

/* ---- findings for the UI ---- */

static HwUiFindingState
ui_state (const HwFinding *f)
{
  switch (hw_finding_get_state (f))
    {
    case HW_FINDING_OVERDUE:
      return HW_UI_FINDING_OVERDUE;
    case HW_FINDING_DUE_SOON:
      return HW_UI_FINDING_DUE_SOON;
    case HW_FINDING_MISSED:
      return HW_UI_FINDING_MISSED;
    case HW_FINDING_OK:
    default:
      return HW_UI_FINDING_OK;
    }
}

GPtrArray *
hw_ui_findings_new (GPtrArray *findings, HwDate today)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_ui_finding_free);
  HwLang lang = ui_lang ();

  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwUiFinding *u = g_new0 (HwUiFinding, 1);

      u->rule_id = hw_ui_intern (hw_finding_get_rule_id (f));
      u->title = hw_ui_intern (hw_rule_get_title (hw_finding_get_rule (f), lang));
      u->due = hw_finding_get_due (f);
      u->state = ui_state (f);
      u->met = hw_finding_is_met (f);
      u->subject = hw_finding_dup_subject (f, lang);
      if (u->subject && *u->subject == '\0')
        g_clear_pointer (&u->subject, g_free);
      u->subject_id = g_strdup (hw_finding_get_subject_id (f));
      u->explanation = hw_finding_dup_explanation_lang (f, lang);
      u->source = hw_finding_dup_source (f, lang);
      u->legal_class = g_strdup (hw_finding_get_class_label (f, lang));
      g_ptr_array_add (result, u);
    }
  g_ptr_array_sort (result, compare_findings);
  return result;
}

/* ---- in brief ---- */

/* Which findings a brief keeps: those due soon or overdue, and of the OK ones only the next
 * due that is still to be done. */
static gboolean
kept_in_brief (HwUiFindingState state, gboolean met, HwDate due, HwDate today, HwDate *next)
{
  /* A missed period is history: it counts as nothing and is never the next duty. */
  if (state == HW_UI_FINDING_MISSED)
    return FALSE;
  if (state != HW_UI_FINDING_OK)
    return TRUE;
  /* Neither is a duty already done (a met once rule keeps its due date). */
  if (met || due == HW_DATE_NONE || due < today || (*next != HW_DATE_NONE && due >= *next))
    return FALSE;
  *next = due;
  return TRUE;
}

static int
compare_briefs (gconstpointer a, gconstpointer b)
{
  const HwUiBrief *ba = a, *bb = b;

  /* As compare_findings(): the overdue first, then what is due soon; each by due date. */
  if (ba->state != bb->state)
    return ba->state > bb->state ? -1 : 1;
  if (ba->due != bb->due)
    return ba->due < bb->due ? -1 : 1;
  return ba->rule < bb->rule ? -1 : ba->rule > bb->rule;
}

/* @briefs holds @n candidates, the OK ones among them possibly superseded: keeps the one OK
 * finding due next, in a block of the right size. */
static HwUiBriefs *
finish_briefs (HwUiBrief *briefs, guint n, HwDate next)
{
  HwUiBriefs *result;
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    if (briefs[i].state != HW_UI_FINDING_OK || briefs[i].due == next)
      {
        briefs[kept++] = briefs[i];
        /* Only one OK finding, even when two fall due the same day. */
        if (briefs[i].state == HW_UI_FINDING_OK)
          next = HW_DATE_NONE;
      }
  qsort (briefs, kept, sizeof *briefs, compare_briefs);
  result = g_malloc (sizeof *result + kept * sizeof *briefs);
  result->n_briefs = kept;
  memcpy (result->briefs, briefs, kept * sizeof *briefs);
  return result;
}

HwUiBriefs *
hw_ui_briefs_new (GPtrArray *findings, HwDate today)
{
  guint n = findings ? findings->len : 0;
  g_autofree HwUiBrief *briefs = g_new (HwUiBrief, MAX (n, 1));
  HwLang lang = ui_lang ();
  HwDate next = HW_DATE_NONE;
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwUiFindingState state = ui_state (f);
      HwDate due = hw_finding_get_due (f);

      if (!kept_in_brief (state, hw_finding_is_met (f), due, today, &next))
        continue;
      briefs[kept++] = (HwUiBrief) {
        rule_index (hw_finding_get_rule_id (f), hw_rule_get_title (hw_finding_get_rule (f),
                                                                   lang)),
        state, due };
    }
  return finish_briefs (briefs, kept, next);
}

HwUiBriefs *
hw_ui_briefs_new_from_ui (GPtrArray *ui_findings, HwDate today)
{
  guint n = ui_findings ? ui_findings->len : 0;
  g_autofree HwUiBrief *briefs = g_new (HwUiBrief, MAX (n, 1));
  HwDate next = HW_DATE_NONE;
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      const HwUiFinding *f = ui_findings->pdata[i];

      if (kept_in_brief (f->state, f->met, f->due, today, &next))
        briefs[kept++] = (HwUiBrief) { rule_index (f->rule_id, f->title), f->state, f->due };
    }
  return finish_briefs (briefs, kept, next);
}

HwUiBriefs *
hw_ui_briefs_copy (const HwUiBriefs *briefs)
{
  if (briefs == NULL)
    return NULL;
  return g_memdup2 (briefs, sizeof *briefs + briefs->n_briefs * sizeof briefs->briefs[0]);
}

const HwUiSetting *
hw_findings_list_settings (guint *n_settings)
{
  static HwUiSetting *list;
  static guint n;

  if (list == NULL)
    {
      g_autoptr(GError) error = NULL;
      /* Kept for the process: the texts below point into it. */
      HwCatalogue *catalogue = hw_catalogue_load_default (&error);
      HwLang lang = ui_lang ();

      if (catalogue == NULL)
        {
          *n_settings = 0;
          return NULL;
        }
      n = hw_catalogue_get_n_settings (catalogue);
      list = g_new0 (HwUiSetting, n + 1);
      for (guint i = 0; i < n; i++)
        {
          const HwSettingInfo *s = hw_catalogue_get_setting (catalogue, i);

          list[i].key = s->key;
          list[i].label = s->label[lang] ? s->label[lang] : s->key;
          list[i].default_value = g_strdup_printf ("%d", s->default_value);
          list[i].legal_class = hw_catalogue_get_class_label (catalogue, s->rule_class, lang);
          list[i].unit = hw_catalogue_get_unit_label (catalogue, s->unit, s->default_value, lang);
          list[i].min_value = s->min_value;
          list[i].max_value = s->max_value;
        }
    }
  *n_settings = n;
  return list;
}
