/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hw-case-facts.h"
#include "hw-case-facts-private.h"

gboolean
hw_category_is_placement (const char *category)
{
  /* The same test as the store's SQL function hw_is_placement(). */
  return category && (category[0] == '1' || category[0] == '2') && category[1] == '.';
}

static gboolean
hw_measure_is_placement (const HwMeasure *measure)
{
  g_return_val_if_fail (measure != NULL, FALSE);
  return hw_category_is_placement (measure->category);
}

gboolean
hw_measure_is_active (const HwMeasure *measure, HwDate today)
{
  g_return_val_if_fail (measure != NULL, FALSE);
  return measure->start_date != HW_DATE_NONE && measure->start_date <= today &&
         (measure->end_date == HW_DATE_NONE || measure->end_date >= today);
}

int
hw_start_compare (HwDate a_start, const char *a_id, HwDate b_start, const char *b_id)
{
  if (a_start != b_start)
    return a_start > b_start ? 1 : -1;
  /* strcmp orders UTF-8 as SQLite's BINARY collation does. */
  return g_strcmp0 (a_id, b_id);
}

static gboolean
later (const HwMeasure *m, const HwMeasure *than)
{
  return than == NULL ||
         hw_start_compare (m->start_date, m->rec.id, than->start_date, than->rec.id) > 0;
}

const HwMeasure *
hw_dossier_current_placement (const HwDossier *dossier, HwDate today)
{
  GPtrArray *measures;
  const HwMeasure *best = NULL;

  g_return_val_if_fail (dossier != NULL, NULL);
  measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];

      if (hw_measure_is_placement (m) && hw_measure_is_active (m, today) && later (m, best))
        best = m;
    }
  return best;
}

const HwMeasure *
hw_dossier_last_placement (const HwDossier *dossier, HwDate today)
{
  GPtrArray *measures;
  const HwMeasure *best;

  g_return_val_if_fail (dossier != NULL, NULL);
  best = hw_dossier_current_placement (dossier, today);
  if (best)
    return best;
  measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];

      if (hw_measure_is_placement (m) && m->start_date != HW_DATE_NONE &&
          m->start_date <= today && later (m, best))
        best = m;
    }
  return best;
}

const HwDecision *
hw_dossier_latest_decision (const HwDossier *dossier, HwDate today)
{
  GPtrArray *decisions;
  const HwDecision *best = NULL;

  g_return_val_if_fail (dossier != NULL, NULL);
  decisions = hw_dossier_get (dossier, HW_ENTITY_DECISION);
  for (guint i = 0; i < decisions->len; i++)
    {
      const HwDecision *d = decisions->pdata[i];

      if (d->start_date == HW_DATE_NONE || d->start_date > today ||
          (d->end_date != HW_DATE_NONE && d->end_date < today))
        continue;
      if (best == NULL ||
          hw_start_compare (d->start_date, d->rec.id, best->start_date, best->rec.id) > 0)
        best = d;
    }
  return best;
}

HwDate
hw_last_12_months_start (HwDate today)
{
  return hw_date_add_days (hw_date_add_months (today, -12), 1);
}

void
hw_dossier_count_samvaer (const HwDossier *dossier, const char *agreement_id, HwDate today,
                          HwSamvaerCount *count)
{
  GPtrArray *sessions;
  HwDate from = hw_last_12_months_start (today);

  g_return_if_fail (dossier != NULL && count != NULL);
  memset (count, 0, sizeof *count);
  sessions = hw_dossier_get (dossier, HW_ENTITY_SAMVAER_SESSION);
  for (guint i = 0; i < sessions->len; i++)
    {
      const HwSamvaerSession *s = sessions->pdata[i];

      if (agreement_id && g_strcmp0 (s->agreement_id, agreement_id) != 0)
        continue;
      if (s->status == HW_SESSION_PLANNED && s->date >= today)
        count->planned_ahead++;
      if (s->date < from || s->date > today)
        continue;
      if ((guint) s->status < G_N_ELEMENTS (count->by_status))
        count->by_status[s->status]++;
      if (s->status == HW_SESSION_HELD)
        count->held++;
      else if (s->status != HW_SESSION_PLANNED)
        count->cancelled++;
    }
}
