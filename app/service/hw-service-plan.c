/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-activity.h"
#include "hw-case-facts.h"
#include "hw-error.h"
#include "hw-service-template.h"
#include "hw-legal.h"
#include "hw-service-plan.h"
#include "hw-service-plan-private.h"

static gboolean
in_foster_home (const HwDossier *dossier, HwDate today)
{
  const HwMeasure *m = hw_dossier_current_placement (dossier, today);

  return m != NULL && hw_measure_is_foster_home (m);
}

/* The variants whose activities @dossier's case should have on @today. */
static guint
variants_for (const HwDossier *dossier, HwDate today, HwTemplateVariant *variants)
{
  HwTemplateAnchors anchors;
  guint n = 0;

  hw_template_anchors_from_dossier (dossier, &anchors);
  if (in_foster_home (dossier, today))
    variants[n++] = HW_TEMPLATE_ORDINARY;
  if (anchors.return_date != HW_DATE_NONE)
    variants[n++] = HW_TEMPLATE_REVERSED;
  return n;
}

static gboolean
follow_dossier (HwStore *store, HwPlanTemplate *template, HwDossier *dossier, HwDate today,
                guint *n_added, GError **error)
{
  HwTemplateVariant variants[HW_TEMPLATE_N_VARIANTS];
  guint n = variants_for (dossier, today, variants);

  for (guint v = 0; v < n; v++)
    {
      g_autoptr(GPtrArray) made = hw_plan_template_instantiate (template, variants[v], dossier,
                                                                NULL);

      for (guint i = 0; i < made->len; i++)
        {
          HwActivity *a = made->pdata[i];

          if (a->due != HW_DATE_NONE &&
              hw_date_add_days (a->due, HW_PLAN_LONG_PASSED_DAYS) <= today)
            hw_activity_drop (a, hw_plan_not_applicable_reason ());
          if (!hw_store_save (store, a, error))
            return FALSE;
        }
      if (n_added)
        *n_added += made->len;
      /* The reversed variant must see the ordinary one's keys: they never overlap, but a
       * template may reuse a key in both. */
      while (made->len)
        hw_dossier_add (dossier, g_ptr_array_steal_index (made, 0));
    }
  return TRUE;
}

gboolean
hw_service_follow_template (HwStore *store, HwPlanTemplate *template, const char *case_id,
                            HwDate today, guint *n_added, GError **error)
{
  g_autoptr(HwPlanTemplate) own = NULL;
  g_autoptr(HwDossier) dossier = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);

  if (template == NULL)
    {
      template = own = hw_service_load_plan_template (store, error);
      if (template == NULL)
        return FALSE;
    }
  dossier = hw_store_load_case (store, case_id, error);
  if (dossier == NULL)
    return FALSE;
  if (!hw_store_begin (store, error))
    return FALSE;
  if (!follow_dossier (store, template, dossier, today, n_added, error))
    {
      hw_store_rollback (store);
      return FALSE;
    }
  return hw_store_commit (store, error);
}

typedef struct {
  HwDate     today;
  GPtrArray *case_ids;
} Candidates;

static gboolean
collect_candidate (HwDossier *dossier, gpointer user_data, GError **error)
{
  Candidates *c = user_data;
  HwTemplateVariant variants[HW_TEMPLATE_N_VARIANTS];

  (void) error;
  if (variants_for (dossier, c->today, variants) > 0)
    g_ptr_array_add (c->case_ids, g_strdup (hw_dossier_case (dossier)->rec.id));
  return TRUE;
}

static gboolean
mark_applied (HwStore *store, HwDate today, GError **error)
{
  g_autofree char *done = hw_store_dup_setting (store, HW_PLAN_ACTIVITIES_SETTING);
  char date[11];

  if (done != NULL)
    return TRUE;
  if (!hw_date_to_iso (today, date))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID, "today: not a date");
      return FALSE;
    }
  return hw_store_set_setting (store, HW_PLAN_ACTIVITIES_SETTING, date, error);
}

gboolean
hw_service_follow_template_all (HwStore *store, HwDate today, guint *n_added, GError **error)
{
  g_autoptr(HwPlanTemplate) template = NULL;
  g_autoptr(GPtrArray) case_ids = g_ptr_array_new_with_free_func (g_free);
  Candidates c = { today, case_ids };
  guint64 facts = HW_ENTITY_BIT (HW_ENTITY_DECISION) | HW_ENTITY_BIT (HW_ENTITY_MEASURE) |
                  HW_ENTITY_BIT (HW_ENTITY_RETURN) | HW_ENTITY_BIT (HW_ENTITY_REUNIFICATION);

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  template = hw_service_load_plan_template (store, error);
  if (template == NULL)
    return FALSE;
  /* Which cases first (a light pass over the facts), then each of them whole: the store is
   * not written while it is being read. */
  if (!hw_store_foreach_case_facts (store, facts, NULL, NULL, collect_candidate, &c, error))
    return FALSE;
  if (!hw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < case_ids->len; i++)
    {
      g_autoptr(HwDossier) dossier = hw_store_load_case (store, case_ids->pdata[i], error);

      if (dossier == NULL ||
          !follow_dossier (store, template, dossier, today, n_added, error))
        {
          hw_store_rollback (store);
          return FALSE;
        }
    }
  /* Every case has its activities now: the one-time upgrade has nothing left to do. */
  if (!mark_applied (store, today, error))
    {
      hw_store_rollback (store);
      return FALSE;
    }
  return hw_store_commit (store, error);
}

gboolean
hw_service_upgrade_activities (HwStore *store, HwDate today, GError **error)
{
  g_autofree char *done = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  done = hw_store_dup_setting (store, HW_PLAN_ACTIVITIES_SETTING);
  if (done != NULL)
    return TRUE;
  return hw_service_follow_template_all (store, today, NULL, error);
}

static const char *
case_of (gconstpointer record)
{
  switch (((const HwRecord *) record)->entity)
    {
    case HW_ENTITY_MEASURE:
      return ((const HwMeasure *) record)->case_id;
    case HW_ENTITY_RETURN:
      return ((const HwReturn *) record)->case_id;
    case HW_ENTITY_REUNIFICATION:
      return ((const HwReunification *) record)->case_id;
    default:
      return NULL;
    }
}

gboolean
hw_service_save_record (HwStore *store, gconstpointer record, GError **error)
{
  const char *case_id;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  case_id = case_of (record);
  if (case_id == NULL)
    return hw_store_save (store, record, error);
  if (!hw_store_begin (store, error))
    return FALSE;
  if (!hw_store_save (store, record, error) ||
      !hw_service_follow_template (store, NULL, case_id, hw_date_today (), NULL, error))
    {
      hw_store_rollback (store);
      return FALSE;
    }
  return hw_store_commit (store, error);
}
