/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-rules"

#include "config.h"

#include "hw-case-facts.h"
#include "hw-legal.h"
#include "hw-legal-private.h"
#include "hw-rules-private.h"

HwDecisionKind
hw_catalogue_classify_basis (const HwCatalogue *catalogue, const HwLegalBasis *basis)
{
  const HwDefinitions *defs;
  HwBasisKey key;

  g_return_val_if_fail (catalogue != NULL, HW_DECISION_KIND_OTHER);
  g_return_val_if_fail (basis != NULL, HW_DECISION_KIND_OTHER);
  defs = hw_catalogue_get_definitions (catalogue);
  hw_basis_key_init (&key, basis);
  /* The evaluator's order: a care order is never also counted as anything else. */
  if (hw_basis_set_matches (defs->care_order, &key))
    return HW_DECISION_KIND_CARE_ORDER;
  if (hw_basis_set_matches (defs->voluntary_placement, &key))
    return HW_DECISION_KIND_VOLUNTARY_PLACEMENT;
  if (hw_basis_set_matches (defs->emergency, &key))
    return HW_DECISION_KIND_EMERGENCY;
  if (defs->behaviour_placement && hw_basis_set_matches (defs->behaviour_placement, &key))
    return HW_DECISION_KIND_BEHAVIOUR_PLACEMENT;
  return HW_DECISION_KIND_OTHER;
}

HwDecisionKind
hw_legal_basis_get_kind (const HwLegalBasis *basis)
{
  g_autoptr(HwCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (basis != NULL, HW_DECISION_KIND_OTHER);
  catalogue = hw_catalogue_load_default (&error);
  if (catalogue == NULL)
    {
      g_warning ("%s", error->message);
      return HW_DECISION_KIND_OTHER;
    }
  return hw_catalogue_classify_basis (catalogue, basis);
}

gboolean
hw_legal_basis_is_care_order (const HwLegalBasis *basis)
{
  return hw_legal_basis_get_kind (basis) == HW_DECISION_KIND_CARE_ORDER;
}

gboolean
hw_measure_is_foster_home (const HwMeasure *measure)
{
  g_autoptr(HwCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (measure != NULL, FALSE);
  catalogue = hw_catalogue_load_default (&error);
  if (catalogue == NULL)
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return hw_category_set_matches (hw_catalogue_get_definitions (catalogue)->foster_home,
                                  measure->category);
}

static gboolean
approved_on (const HwDossier *dossier, const HwDecision *decision, HwDate today)
{
  GPtrArray *statuses = hw_dossier_get (dossier, HW_ENTITY_DECISION_STATUS);
  const HwDecisionStatus *latest = NULL;

  /* As the evaluator reads it: a status dated after today is not yet known. */
  for (guint i = 0; i < statuses->len; i++)
    {
      const HwDecisionStatus *s = statuses->pdata[i];

      if (g_strcmp0 (s->decision_id, decision->rec.id) == 0 && s->date <= today &&
          (latest == NULL || s->date >= latest->date))
        latest = s;
    }
  return latest == NULL || latest->code == 1;
}

static const HwDecision *
find_care_order (const HwDossier *dossier, HwDate today, gboolean in_force)
{
  g_autoptr(HwCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;
  const HwDecision *best = NULL;

  g_return_val_if_fail (dossier != NULL, NULL);
  catalogue = hw_catalogue_load_default (&error);
  if (catalogue == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }
  decisions = hw_dossier_get (dossier, HW_ENTITY_DECISION);
  for (guint i = 0; i < decisions->len; i++)
    {
      const HwDecision *d = decisions->pdata[i];

      if (d->start_date == HW_DATE_NONE || d->start_date > today ||
          (in_force && d->end_date != HW_DATE_NONE && d->end_date < today) ||
          hw_catalogue_classify_basis (catalogue, &d->basis) != HW_DECISION_KIND_CARE_ORDER ||
          !approved_on (dossier, d, today))
        continue;
      if (best == NULL ||
          hw_start_compare (d->start_date, d->rec.id, best->start_date, best->rec.id) > 0)
        best = d;
    }
  return best;
}

const HwDecision *
hw_dossier_latest_care_order (const HwDossier *dossier, HwDate today)
{
  return find_care_order (dossier, today, FALSE);
}

const HwDecision *
hw_dossier_active_care_order (const HwDossier *dossier, HwDate today)
{
  return find_care_order (dossier, today, TRUE);
}

gboolean
hw_law_is_cwa_2021 (const char *law)
{
  return law && g_ascii_strcasecmp (law, HW_LAW_CWA_2021) == 0;
}

gboolean
hw_law_is_cwa_1992 (const char *law)
{
  /* SSB writes "BVL"; documents sometimes write "BVL1992" (the catalogue accepts both). */
  return law && (g_ascii_strcasecmp (law, HW_LAW_CWA_1992) == 0 ||
                 g_ascii_strcasecmp (law, "BVL1992") == 0);
}

static void
set_basis (HwLegalBasis *b, const char *law, const char *chapter, const char *section,
           const char *ledd)
{
  g_free (b->law);
  g_free (b->chapter);
  g_free (b->section);
  g_free (b->ledd);
  b->law = g_strdup (law);
  b->chapter = g_strdup (chapter);
  b->section = g_strdup (section);
  b->ledd = g_strdup (ledd);
}

void
hw_legal_basis_set_typical (HwLegalBasis *out, HwDecisionKind kind, HwDate date)
{
  /* The 2021 act applies to decisions from 1 January 2023 (barnevernsloven § 17-1). */
  gboolean new_act = date >= hw_date_new (2023, 1, 1);

  g_return_if_fail (out != NULL);
  switch (kind)
    {
    case HW_DECISION_KIND_CARE_ORDER:
      new_act ? set_basis (out, HW_LAW_CWA_2021, "5", "1", NULL)
              : set_basis (out, HW_LAW_CWA_1992, "4", "12", NULL);
      break;
    case HW_DECISION_KIND_VOLUNTARY_PLACEMENT:
      new_act ? set_basis (out, HW_LAW_CWA_2021, "3", "2", NULL)
              : set_basis (out, HW_LAW_CWA_1992, "4", "4", "6");
      break;
    case HW_DECISION_KIND_EMERGENCY:
      new_act ? set_basis (out, HW_LAW_CWA_2021, "4", "2", NULL)
              : set_basis (out, HW_LAW_CWA_1992, "4", "6", "2");
      break;
    case HW_DECISION_KIND_BEHAVIOUR_PLACEMENT:
      new_act ? set_basis (out, HW_LAW_CWA_2021, "6", "2", NULL)
              : set_basis (out, HW_LAW_CWA_1992, "4", "24", NULL);
      break;
    case HW_DECISION_KIND_OTHER:
    default:
      set_basis (out, NULL, NULL, NULL, NULL);
      break;
    }
}
