/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rules-fixture.h"
#include "hw-settings-private.h"

static HwCatalogue *catalogue;

HwCatalogue *
fx_catalogue (void)
{
  if (catalogue == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalogue = hw_catalogue_load_default (&error);
      ck_assert_no_error (error);
    }
  return catalogue;
}

HwSettings *
fx_settings (void)
{
  return hw_settings_new_default (fx_catalogue ());
}

static HwDate
date_or_none (const char *iso)
{
  HwDate d;

  if (iso == NULL || *iso == '\0')
    return HW_DATE_NONE;
  d = hw_date_parse_iso (iso);
  ck_assert_msg (d != HW_DATE_NONE, "bad fixture date %s", iso);
  return d;
}

static gpointer
add (HwDossier *d, HwEntity entity)
{
  HwRecord *rec = hw_record_new (entity);
  const HwEntityInfo *info = hw_entity_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      hw_field_set_text (rec, &info->fields[i], ((HwRecord *) d->root)->id);
  hw_dossier_add (d, rec);
  return rec;
}

static void
set_basis (HwLegalBasis *b, const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);

  b->law = g_strdup (parts[0]);
  b->chapter = g_strdup (parts[1]);
  b->section = g_strdup (parts[2]);
  b->ledd = g_strdup (parts[3]);
}

HwDossier *
fx_case (const char *journal_no, const char *birth)
{
  HwDossier *d = hw_test_make_case (journal_no);
  HwChild *child = hw_dossier_child (d);

  child->birth_date = date_or_none (birth);
  return d;
}

HwDecisionStatus *
fx_status (HwDossier *d, HwDecision *dec, int code, const char *date)
{
  HwDecisionStatus *s = add (d, HW_ENTITY_DECISION_STATUS);

  s->decision_id = g_strdup (dec->rec.id);
  s->code = code;
  s->date = date_or_none (date);
  return s;
}

HwDecision *
fx_decision (HwDossier *d, const char *basis, const char *start, int status)
{
  HwDecision *dec = add (d, HW_ENTITY_DECISION);

  set_basis (&dec->basis, basis);
  dec->start_date = date_or_none (start);
  dec->decided_by = HW_DECIDER_TRIBUNAL;
  if (status)
    fx_status (d, dec, status, start);
  return dec;
}

HwMeasure *
fx_measure (HwDossier *d, const char *basis, const char *category, const char *start,
            const char *end, int end_reason)
{
  HwMeasure *m = add (d, HW_ENTITY_MEASURE);

  set_basis (&m->basis, basis);
  m->category = g_strdup (category);
  m->start_date = date_or_none (start);
  m->end_date = date_or_none (end);
  m->end_reason = end_reason;
  return m;
}

HwRelation *
fx_relation (HwDossier *d, HwDecision *dec, HwMeasure *m)
{
  HwRelation *r = add (d, HW_ENTITY_RELATION);

  r->from_id = g_strdup (dec->rec.id);
  r->from_type = g_strdup ("Vedtak");
  r->to_id = g_strdup (m->rec.id);
  r->to_type = g_strdup ("Tiltak");
  return r;
}

HwMeasure *
fx_care_order (HwDossier *d, const char *basis, const char *date, const char *end,
               int end_reason)
{
  fx_decision (d, basis, date, 1);
  return fx_measure (d, basis, "1.1", date, end, end_reason);
}

HwPlan *
fx_plan (HwDossier *d, int type, const char *date)
{
  HwPlan *p = add (d, HW_ENTITY_PLAN);

  p->plan_type = type;
  p->start_date = date_or_none (date);
  return p;
}

HwPlanEvaluation *
fx_plan_evaluation (HwDossier *d, HwPlan *plan, const char *date)
{
  HwPlanEvaluation *e = add (d, HW_ENTITY_PLAN_EVALUATION);

  e->plan_id = g_strdup (plan->rec.id);
  e->date = date_or_none (date);
  return e;
}

HwPerson *
fx_person (HwDossier *d, const char *name, HwRelationKind kind, gboolean responsibility)
{
  HwPerson *p = add (d, HW_ENTITY_PERSON);

  p->name = g_strdup (name);
  p->relation = kind;
  p->parental_responsibility = responsibility;
  return p;
}

HwParentFollowup *
fx_followup (HwDossier *d, HwPerson *p, HwFollowupKind kind, const char *date,
             gboolean guidance)
{
  HwParentFollowup *f = add (d, HW_ENTITY_PARENT_FOLLOWUP);

  f->person_id = g_strdup (p->rec.id);
  f->kind = kind;
  f->date = date_or_none (date);
  f->guidance_offered = guidance;
  return f;
}

HwReunification *
fx_reunification (HwDossier *d, const char *date, HwGoal goal, const char *grounds,
                  const char *planned_return)
{
  HwReunification *r = add (d, HW_ENTITY_REUNIFICATION);

  r->date = date_or_none (date);
  r->goal = goal;
  r->grounds = g_strdup (grounds);
  r->planned_return = date_or_none (planned_return);
  return r;
}

HwSamvaerAgreement *
fx_agreement (HwDossier *d, HwPerson *with, const char *from, const char *to)
{
  HwSamvaerAgreement *a = add (d, HW_ENTITY_SAMVAER_AGREEMENT);

  a->person_id = g_strdup (with->rec.id);
  a->rrule = g_strdup ("FREQ=MONTHLY;INTERVAL=1");
  a->valid_from = date_or_none (from);
  a->valid_to = date_or_none (to);
  return a;
}

HwSamvaerSession *
fx_session (HwDossier *d, HwSamvaerAgreement *a, const char *date, HwSessionStatus status)
{
  HwSamvaerSession *ss = add (d, HW_ENTITY_SAMVAER_SESSION);

  ss->agreement_id = g_strdup (a->rec.id);
  ss->date = date_or_none (date);
  ss->status = status;
  return ss;
}

HwSamvaerEvaluation *
fx_samvaer_evaluation (HwDossier *d, HwSamvaerAgreement *a, const char *date)
{
  HwSamvaerEvaluation *e = add (d, HW_ENTITY_SAMVAER_EVALUATION);

  e->agreement_id = g_strdup (a->rec.id);
  e->date = date_or_none (date);
  return e;
}

HwVisit *
fx_visit (HwDossier *d, HwMeasure *m, HwVisitKind kind, const char *date, gboolean in_person)
{
  HwVisit *v = add (d, HW_ENTITY_VISIT);

  v->measure_id = m ? g_strdup (m->rec.id) : NULL;
  v->kind = kind;
  v->date = date_or_none (date);
  v->in_person = in_person;
  return v;
}

HwFrequency *
fx_frequency (HwDossier *d, HwMeasure *m, HwFrequencyKind kind, int per_year,
              const char *start, const char *end)
{
  HwFrequency *f = add (d, HW_ENTITY_FREQUENCY);

  f->measure_id = g_strdup (m->rec.id);
  f->kind = kind;
  f->per_year = per_year;
  f->start_date = date_or_none (start);
  f->end_date = date_or_none (end);
  return f;
}

HwPetition *
fx_petition (HwDossier *d, const char *date)
{
  HwPetition *p = add (d, HW_ENTITY_PETITION);

  p->date = date_or_none (date);
  set_basis (&p->basis, "BVL2021:5:1");
  return p;
}

HwAftercare *
fx_aftercare (HwDossier *d, HwAftercareKind kind, const char *date)
{
  HwAftercare *a = add (d, HW_ENTITY_AFTERCARE);

  a->kind = kind;
  a->date = date_or_none (date);
  return a;
}

HwReturn *
fx_return (HwDossier *d, const char *date, const char *offer)
{
  HwReturn *r = add (d, HW_ENTITY_RETURN);

  r->date = date_or_none (date);
  r->offer_date = date_or_none (offer);
  return r;
}

GHashTable *
fx_homes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) hw_dossier_free);
}

HwDossier *
fx_home (GHashTable *homes, const char *name, HwHomeKind kind)
{
  HwFosterHome *h = hw_record_new (HW_ENTITY_FOSTER_HOME);
  HwDossier *d = hw_dossier_new (h);

  h->name = g_strdup (name);
  h->kind = kind;
  h->municipality = g_strdup ("5001");
  g_hash_table_insert (homes, h->rec.id, d);
  return d;
}

HwHomeMember *
fx_member (HwDossier *home, const char *name, HwMemberRole role, const char *birth)
{
  HwHomeMember *m = add (home, HW_ENTITY_HOME_MEMBER);

  m->name = g_strdup (name);
  m->role = role;
  m->birth_date = date_or_none (birth);
  return m;
}

HwHomeEvidence *
fx_evidence (HwDossier *home, HwDossier *kase, HwHomeMember *m, HwEvidenceKind kind,
             const char *date, gboolean needed)
{
  HwHomeEvidence *e = add (home, HW_ENTITY_HOME_EVIDENCE);

  e->case_id = kase ? g_strdup (((HwRecord *) kase->root)->id) : NULL;
  e->member_id = m ? g_strdup (m->rec.id) : NULL;
  e->kind = kind;
  e->date = date_or_none (date);
  e->needed = needed;
  return e;
}

HwMeasure *
fx_placement (HwDossier *kase, HwDossier *home, const char *basis, const char *category,
              const char *start, const char *end)
{
  HwMeasure *m = fx_measure (kase, basis, category, start, end, end ? 4 : 0);

  m->home_id = home ? g_strdup (((HwRecord *) home->root)->id) : NULL;
  return m;
}

GPtrArray *
fx_eval_with (HwDossier *d, GHashTable *homes, HwSettings *settings, const char *today)
{
  return hw_evaluate_case (fx_catalogue (), settings, d, homes, D (today));
}

GPtrArray *
fx_eval (HwDossier *d, GHashTable *homes, const char *today)
{
  g_autoptr(HwSettings) settings = fx_settings ();

  return fx_eval_with (d, homes, settings, today);
}

static gboolean
matches (const HwFinding *f, const char *rule_id, const char *name)
{
  return g_str_equal (hw_finding_get_rule_id (f), rule_id) &&
         (name == NULL || g_strcmp0 (hw_finding_get_subject_name (f), name) == 0);
}

guint
fx_count (GPtrArray *findings, const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += matches (findings->pdata[i], rule_id, NULL);
  return n;
}

const HwFinding *
fx_one (GPtrArray *findings, const char *rule_id, const char *name)
{
  const HwFinding *found = NULL;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (matches (findings->pdata[i], rule_id, name))
      {
        found = findings->pdata[i];
        n++;
      }
  ck_assert_msg (n == 1, "expected one %s finding%s%s, got %u", rule_id,
                 name ? " for " : "", name ? name : "", n);
  return found;
}

const HwFinding *
fx_year (GPtrArray *findings, const char *rule_id, int year)
{
  const HwFinding *found = NULL;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (matches (findings->pdata[i], rule_id, NULL) &&
        hw_finding_get_subject_year (findings->pdata[i]) == year)
      {
        found = findings->pdata[i];
        n++;
      }
  ck_assert_msg (n == 1, "expected one %s finding for %d, got %u", rule_id, year, n);
  return found;
}
