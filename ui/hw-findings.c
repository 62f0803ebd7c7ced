/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-findings"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-findings.h"

#include "hw-evaluator.h"

struct _HwFindingsContext
{
  HwCatalogue *catalogue;
  HwSettings  *settings;
  GHashTable  *homes;       /* home id → HwDossier, read as cases need them */
  HwStore     *store;
};

void
hw_ui_finding_free (HwUiFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->subject);
  g_free (finding->explanation);
  g_free (finding->source);
  g_free (finding->legal_class);
  g_free (finding);
}

HwUiFinding *
hw_ui_finding_copy (const HwUiFinding *f)
{
  HwUiFinding *copy = g_new0 (HwUiFinding, 1);

  copy->rule_id = f->rule_id;
  copy->title = f->title;
  copy->subject = g_strdup (f->subject);
  copy->explanation = g_strdup (f->explanation);
  copy->source = g_strdup (f->source);
  copy->legal_class = g_strdup (f->legal_class);
  copy->due = f->due;
  copy->state = f->state;
  return copy;
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const HwUiFinding *fa = *(const HwUiFinding **) a;
  const HwUiFinding *fb = *(const HwUiFinding **) b;

  /* The overdue first, then what is due soon, then the rest; each by due date. */
  if (fa->state != fb->state)
    return fa->state > fb->state ? -1 : 1;
  if (fa->due != fb->due)
    return fa->due < fb->due ? -1 : 1;
  return g_strcmp0 (fa->rule_id, fb->rule_id);
}

/* The catalogue speaks nb, nn and en: the one the user's messages are in. */
static HwLang
ui_lang (void)
{
  static int lang = -1;

  if (lang < 0)
    {
      /* What the message catalogue actually answers in: its own language name. */
      const char *probe = g_dgettext (GETTEXT_PACKAGE, "translator-credits");
      const char *const *names = g_get_language_names ();

      lang = HW_LANG_EN;
      if (g_strcmp0 (probe, "translator-credits") != 0)
        for (guint i = 0; names[i]; i++)
          {
            int l = hw_lang_from_string (names[i]);

            if (l >= 0)
              {
                lang = l;
                break;
              }
          }
    }
  return (HwLang) lang;
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

HwFindingsContext *
hw_findings_context_new (HwStore *store, GError **error)
{
  g_autoptr(GHashTable) stored = NULL;
  HwFindingsContext *ctx;
  HwCatalogue *catalogue;

  catalogue = hw_catalogue_load_default (error);
  if (catalogue == NULL)
    return NULL;
  ctx = g_new0 (HwFindingsContext, 1);
  ctx->catalogue = catalogue;
  stored = hw_store_dup_settings (store);
  ctx->settings = hw_settings_new (catalogue, stored, error);
  if (ctx->settings == NULL)
    {
      hw_findings_context_free (ctx);
      return NULL;
    }
  /* One child's record needs only its own foster homes: read them when asked. */
  ctx->store = g_object_ref (store);
  ctx->homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) hw_dossier_free);
  return ctx;
}

static void
load_case_homes (HwFindingsContext *ctx, const HwDossier *dossier)
{
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);

  for (guint i = 0; i < measures->len; i++)
    {
      const char *home_id = ((HwMeasure *) measures->pdata[i])->home_id;
      HwDossier *home;

      if (home_id == NULL || g_hash_table_contains (ctx->homes, home_id))
        continue;
      home = hw_store_load_home (ctx->store, home_id, NULL);
      if (home)
        g_hash_table_insert (ctx->homes, g_strdup (home_id), home);
    }
}

void
hw_findings_context_free (HwFindingsContext *ctx)
{
  if (ctx == NULL)
    return;
  g_clear_pointer (&ctx->homes, g_hash_table_unref);
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->settings, hw_settings_free);
  g_clear_pointer (&ctx->catalogue, hw_catalogue_unref);
  g_free (ctx);
}

void
hw_findings_context_set_home (HwFindingsContext *ctx, HwDossier *home)
{
  if (ctx == NULL || home == NULL || ctx->homes == NULL)
    {
      hw_dossier_free (home);
      return;
    }
  g_hash_table_replace (ctx->homes, g_strdup (((HwRecord *) home->root)->id), home);
}

/* Rule ids and titles are a few dozen strings repeated half a million times: one copy each,
 * kept for the life of the process (reachable, unlike g_intern_string's grown-out blocks). */
static const char *
pooled (const char *text)
{
  static GMutex lock;
  static GHashTable *pool;
  const char *copy;

  if (text == NULL)
    return NULL;
  g_mutex_lock (&lock);
  if (pool == NULL)
    pool = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  copy = g_hash_table_lookup (pool, text);
  if (copy == NULL)
    {
      copy = g_strdup (text);
      g_hash_table_add (pool, (gpointer) copy);
    }
  g_mutex_unlock (&lock);
  return copy;
}

/* In @overview, the one finding in order that falls due next: the caseload's "next due". */
static const HwFinding *
next_in_order (GPtrArray *findings, HwDate today)
{
  const HwFinding *next = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwDate due = hw_finding_get_due (f);

      if (hw_finding_get_state (f) == HW_FINDING_OK && due != HW_DATE_NONE && due >= today &&
          (next == NULL || due < hw_finding_get_due (next)))
        next = f;
    }
  return next;
}

GPtrArray *
hw_ui_findings_new (GPtrArray *findings, HwDate today, gboolean overview)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_ui_finding_free);
  const HwFinding *next = overview && findings ? next_in_order (findings, today) : NULL;
  HwLang lang = ui_lang ();

  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwUiFinding *u;

      if (overview && hw_finding_get_state (f) == HW_FINDING_OK && f != next)
        continue;
      u = g_new0 (HwUiFinding, 1);
      u->rule_id = pooled (hw_finding_get_rule_id (f));
      u->title = pooled (hw_rule_get_title (hw_finding_get_rule (f), lang));
      u->due = hw_finding_get_due (f);
      switch (hw_finding_get_state (f))
        {
        case HW_FINDING_OVERDUE:
          u->state = HW_UI_FINDING_OVERDUE;
          break;
        case HW_FINDING_DUE_SOON:
          u->state = HW_UI_FINDING_DUE_SOON;
          break;
        case HW_FINDING_OK:
        default:
          u->state = HW_UI_FINDING_OK;
          break;
        }
      g_ptr_array_add (result, u);
      if (overview)
        continue;
      u->subject = hw_finding_dup_subject (f, lang);
      if (u->subject && *u->subject == '\0')
        g_clear_pointer (&u->subject, g_free);
      u->explanation = hw_finding_dup_explanation_lang (f, lang);
      u->source = hw_finding_dup_source (f, lang);
      u->legal_class = g_strdup (hw_finding_get_class_label (f, lang));
    }
  g_ptr_array_sort (result, compare_findings);
  return result;
}

GPtrArray *
hw_findings_context_evaluate (HwFindingsContext *ctx, const HwDossier *dossier, HwDate today)
{
  g_autoptr(GPtrArray) findings = NULL;

  if (ctx == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hw_ui_finding_free);
  load_case_homes (ctx, dossier);
  findings = hw_evaluate_case (ctx->catalogue, ctx->settings, dossier, ctx->homes, today);
  return hw_ui_findings_new (findings, today, FALSE);
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

gboolean
hw_findings_check_setting (const char *key, const char *text, GError **error)
{
  g_autoptr(HwCatalogue) catalogue = hw_catalogue_load_default (error);

  if (catalogue == NULL)
    return FALSE;
  return hw_settings_parse_value (catalogue, key, text, NULL, error);
}
