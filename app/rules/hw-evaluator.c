/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-rules"

#include "config.h"

#include <string.h>

#include "hw-evaluator.h"
#include "hw-recurrence.h"
#include "hw-rules-private.h"

/* The rule kinds. A catalogue rule names a subject type (what the duty is about), an
 * evidence type (what meets it) and a due-date formula; this file knows how to find each
 * subject and each kind of evidence in a case's facts, and how each kind of rule turns them
 * into a due date and a state:
 *
 *   deadline      due = trigger ± offset; met by the earliest qualifying evidence
 *   recurring     due = max(trigger, latest evidence) + interval; never met for good
 *   yearly-count  per completed calendar year: enough visits for the days placed
 *
 * One pass per case: the decisions, measures and care orders are worked out once, then
 * each rule walks its subjects. Nothing here allocates per record except the findings. */

enum {
  BASIS_CARE      = 1 << 0,
  BASIS_VOLUNTARY = 1 << 1,
  BASIS_EMERGENCY = 1 << 2,
  IS_FOSTER       = 1 << 3,   /* SSB category 2.x */
  IS_KINSHIP_OR_EMERGENCY = 1 << 4,   /* 2.1, 2.5, 2.6, or under an emergency decision */
  IS_INSTITUTION  = 1 << 5,   /* SSB category 1.1, 1.2, 1.99 (rules.md v2) */
};

typedef struct {
  const HwDecision *decision;
  HwBasisKey        basis;
  int               status;      /* latest status code known on today, 0 = none */
  guint             flags;
  gboolean          has_links;   /* a Relasjon links it to some measure */
  HwDate            start;
  HwDate            end;         /* 0 = open */
  int               end_reason;
} DecisionInfo;

typedef struct {
  const HwMeasure *measure;
  HwBasisKey       basis;
  guint            flags;
  const HwDossier *home;
  const char      *home_name;
} MeasureInfo;

typedef struct {
  const char         *id;
  const DecisionInfo *decision;  /* NULL: known only from its measure */
  HwDate              date;
  HwDate              end;       /* 0 = open */
  int                 end_reason;
} CareOrder;

typedef struct {
  const HwCatalogue   *cat;
  const HwDefinitions *defs;
  const HwSettings    *settings;
  const HwDossier     *d;
  GHashTable          *homes;
  HwDate               today;
  const HwCase        *kase;
  const HwChild       *child;
  HwDate               bday18;   /* 0 when the birth date is unknown */
  int                  window;
  gsize                case_id_len;
  gsize                journal_no_len;
  DecisionInfo        *decisions;
  guint                n_decisions;
  MeasureInfo         *measures;
  guint                n_measures;
  CareOrder           *care_orders;
  guint                n_care_orders;
  GPtrArray           *out;
  guint                n_out;
} Ctx;

typedef struct {
  HwSubjectType             type;
  const char               *id;
  const char               *name;
  const char               *name2;
  HwDate                    date;
  HwDate                    trigger;
  const CareOrder          *care_order;
  const DecisionInfo       *decision;
  const MeasureInfo        *placement;
  const HwPerson           *person;
  const HwHomeMember       *member;
  const HwSamvaerAgreement *agreement;
  const HwReunification    *goal;
  const HwPlan             *plan;
  gboolean                  grace;
  gboolean                  used_min_age;
} Subject;

/* ---- reading the dossier ---- */

static inline guint
n_records (const HwDossier *d, HwEntity entity)
{
  /* Not hw_dossier_get(): it would add empty arrays to a dossier we only read. */
  return d->records[entity] ? d->records[entity]->len : 0;
}

static inline gpointer
record_at (const HwDossier *d, HwEntity entity, guint i)
{
  return d->records[entity]->pdata[i];
}

/* Walks one entity's records as const Type *var. The body is the inner of two loops: use
 * continue or return in it, never break. */
#define FOREACH_RECORD(Type, var, dossier, entity)                                      \
  for (guint var##_i = 0, var##_n = n_records ((dossier), (entity)); var##_i < var##_n;  \
       var##_i++)                                                                         \
    for (const Type *var = record_at ((dossier), (entity), var##_i); var; var = NULL)

static inline gboolean
str_eq (const char *a, const char *b)
{
  return a && b && strcmp (a, b) == 0;
}

static inline gboolean
active_on (HwDate start, HwDate end, HwDate day)
{
  return start != HW_DATE_NONE && start <= day && (end == HW_DATE_NONE || day <= end);
}

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
linked (const Ctx *ctx, const char *a, const char *b)
{
  FOREACH_RECORD (HwRelation, r, ctx->d, HW_ENTITY_RELATION)
    if ((str_eq (r->from_id, a) && str_eq (r->to_id, b)) ||
        (str_eq (r->from_id, b) && str_eq (r->to_id, a)))
      return TRUE;
  return FALSE;
}

static gboolean
linked_to_any_measure (const Ctx *ctx, const char *decision_id)
{
  FOREACH_RECORD (HwRelation, r, ctx->d, HW_ENTITY_RELATION)
    {
      const char *other = str_eq (r->from_id, decision_id) ? r->to_id
                        : str_eq (r->to_id, decision_id) ? r->from_id : NULL;

      if (other && hw_dossier_find (ctx->d, HW_ENTITY_MEASURE, other))
        return TRUE;
    }
  return FALSE;
}

/* rules.md: a decision and a measure belong together when Relasjon links them, or else
 * when they have the same legal basis. */
static gboolean
belongs (const Ctx *ctx, const DecisionInfo *di, const MeasureInfo *mi)
{
  if (di->has_links)
    return linked (ctx, di->decision->rec.id, mi->measure->rec.id);
  return hw_basis_key_equal (&di->basis, &mi->basis);
}

static HwDate
cap_at_18 (const Ctx *ctx, HwDate end, int *reason)
{
  if (ctx->bday18 && (end == HW_DATE_NONE || end >= ctx->bday18))
    {
      *reason = 2;   /* SSB Opphevelse 2: the child turned 18 */
      return ctx->bday18 - 1;
    }
  return end;
}

static void
build_decisions (Ctx *ctx)
{
  const HwDefinitions *defs = ctx->defs;

  FOREACH_RECORD (HwDecision, dec, ctx->d, HW_ENTITY_DECISION)
    {
      DecisionInfo di = { dec, { 0 }, 0, 0, FALSE, dec->start_date, HW_DATE_NONE, 0 };
      HwDate status_date = 0;

      if (dec->start_date == HW_DATE_NONE || dec->start_date > ctx->today)
        continue;   /* not yet known */
      FOREACH_RECORD (HwDecisionStatus, s, ctx->d, HW_ENTITY_DECISION_STATUS)
        if (str_eq (s->decision_id, dec->rec.id) && s->date <= ctx->today &&
            (di.status == 0 || s->date >= status_date))
          {
            di.status = s->code;
            status_date = s->date;
          }
      hw_basis_key_init (&di.basis, &dec->basis);
      if (hw_basis_set_matches (defs->care_order, &di.basis))
        di.flags |= BASIS_CARE;
      if (hw_basis_set_matches (defs->voluntary_placement, &di.basis))
        di.flags |= BASIS_VOLUNTARY;
      if (hw_basis_set_matches (defs->emergency, &di.basis))
        di.flags |= BASIS_EMERGENCY;
      di.has_links = linked_to_any_measure (ctx, dec->rec.id);
      ctx->decisions[ctx->n_decisions++] = di;
    }
}

static void
build_measures (Ctx *ctx)
{
  const HwDefinitions *defs = ctx->defs;

  FOREACH_RECORD (HwMeasure, m, ctx->d, HW_ENTITY_MEASURE)
    {
      MeasureInfo mi = { m, { 0 }, 0, NULL, NULL };

      if (m->start_date == HW_DATE_NONE || m->start_date > ctx->today)
        continue;
      hw_basis_key_init (&mi.basis, &m->basis);
      if (hw_basis_set_matches (defs->care_order, &mi.basis))
        mi.flags |= BASIS_CARE;
      if (hw_basis_set_matches (defs->voluntary_placement, &mi.basis))
        mi.flags |= BASIS_VOLUNTARY;
      if (hw_basis_set_matches (defs->emergency, &mi.basis))
        mi.flags |= BASIS_EMERGENCY;
      if (hw_category_set_matches (defs->foster_home, m->category))
        mi.flags |= IS_FOSTER;
      if (defs->institution && hw_category_set_matches (defs->institution, m->category))
        mi.flags |= IS_INSTITUTION;
      if (hw_category_set_matches (defs->kinship_or_emergency, m->category) ||
          (mi.flags & BASIS_EMERGENCY))
        mi.flags |= IS_KINSHIP_OR_EMERGENCY;
      else
        for (guint i = 0; i < ctx->n_decisions; i++)
          {
            const DecisionInfo *di = &ctx->decisions[i];

            if ((di->flags & BASIS_EMERGENCY) && linked (ctx, di->decision->rec.id, m->rec.id))
              {
                mi.flags |= IS_KINSHIP_OR_EMERGENCY;
                break;
              }
          }
      if (m->home_id && ctx->homes)
        {
          mi.home = g_hash_table_lookup (ctx->homes, m->home_id);
          if (mi.home && mi.home->root)
            mi.home_name = ((const HwFosterHome *) mi.home->root)->name;
        }
      ctx->measures[ctx->n_measures++] = mi;
    }
}

/* A decision lasts until the latest of its measures ends (open while one is open), or with
 * no measure until its own end date; never past the day before the 18th birthday. */
static void
build_spans (Ctx *ctx)
{
  for (guint i = 0; i < ctx->n_decisions; i++)
    {
      DecisionInfo *di = &ctx->decisions[i];
      gboolean any = FALSE, open = FALSE;
      HwDate end = HW_DATE_NONE;
      int reason = 0;

      for (guint j = 0; j < ctx->n_measures; j++)
        {
          const HwMeasure *m = ctx->measures[j].measure;

          if (!belongs (ctx, di, &ctx->measures[j]) || (m->end_date && m->end_date < di->start))
            continue;
          any = TRUE;
          if (m->end_date == HW_DATE_NONE)
            open = TRUE;
          else if (m->end_date > end)
            {
              end = m->end_date;
              reason = m->end_reason;
            }
        }
      if (!any)
        {
          end = di->decision->end_date;
          reason = 0;
        }
      else if (open)
        {
          end = HW_DATE_NONE;
          reason = 0;
        }
      di->end = cap_at_18 (ctx, end, &reason);
      di->end_reason = reason;
    }
}

static void
build_care_orders (Ctx *ctx)
{
  for (guint i = 0; i < ctx->n_decisions; i++)
    {
      const DecisionInfo *di = &ctx->decisions[i];
      CareOrder co;

      if (!(di->flags & BASIS_CARE) || di->status != 1)
        continue;
      co.id = di->decision->rec.id;
      co.decision = di;
      co.date = di->start;
      co.end = di->end;
      co.end_reason = di->end_reason;
      ctx->care_orders[ctx->n_care_orders++] = co;
    }
  /* "If only the measure is known": a care-order measure no care-order decision claims. */
  for (guint j = 0; j < ctx->n_measures; j++)
    {
      const HwMeasure *m = ctx->measures[j].measure;
      gboolean claimed = FALSE;
      CareOrder co;

      if (!(ctx->measures[j].flags & BASIS_CARE))
        continue;
      for (guint i = 0; i < ctx->n_decisions && !claimed; i++)
        {
          const DecisionInfo *di = &ctx->decisions[i];

          claimed = (di->flags & BASIS_CARE) && belongs (ctx, di, &ctx->measures[j]);
        }
      if (claimed)
        continue;
      co.id = m->rec.id;
      co.decision = NULL;
      co.date = m->start_date;
      co.end_reason = m->end_date ? m->end_reason : 0;
      co.end = cap_at_18 (ctx, m->end_date, &co.end_reason);
      ctx->care_orders[ctx->n_care_orders++] = co;
    }
}

/* ---- evidence ---- */

typedef struct {
  gboolean latest;
  HwDate   lower;
  HwDate   upper;
  HwDate   best;
} Pick;

static inline void
consider (Pick *p, HwDate date)
{
  if (date == HW_DATE_NONE || date > p->upper || date < p->lower)
    return;
  if (p->best == HW_DATE_NONE || (p->latest ? date > p->best : date < p->best))
    p->best = date;
}

static gboolean
visit_belongs (const HwVisit *v, const HwMeasure *m)
{
  if (v->measure_id)
    return str_eq (v->measure_id, m->rec.id);
  return active_on (m->start_date, m->end_date, v->date);
}

static HwDate
household_evidence (const Ctx *ctx, const Subject *s, const Pick *bounds)
{
  const HwDossier *home = s->placement->home;
  const HwHomeEvidence *latest = NULL;
  Pick first = *bounds, cert = *bounds;

  first.latest = FALSE;
  cert.latest = FALSE;
  FOREACH_RECORD (HwHomeEvidence, e, home, HW_ENTITY_HOME_EVIDENCE)
    {
      if (!str_eq (e->member_id, s->member->rec.id) || e->date == HW_DATE_NONE ||
          e->date > bounds->upper || e->date < bounds->lower)
        continue;
      if (e->kind == HW_EVIDENCE_HOUSEHOLD_ASSESSMENT)
        {
          consider (&first, e->date);
          if (latest == NULL || e->date >= latest->date)
            latest = e;
        }
      else if (e->kind == HW_EVIDENCE_POLICE_CERTIFICATE)
        consider (&cert, e->date);
    }
  if (latest == NULL)
    return HW_DATE_NONE;
  /* The latest assessment decides whether a certificate is needed; when it is, the rule is
   * met once both the assessment and the certificate are there. */
  if (!latest->needed)
    return first.best;
  if (cert.best == HW_DATE_NONE)
    return HW_DATE_NONE;
  return MAX (first.best, cert.best);
}

static HwDate
find_evidence (const Ctx *ctx, const HwRule *rule, const Subject *s, gboolean latest)
{
  const HwDossier *d = ctx->d;
  Pick p = { latest, HW_DATE_NONE, ctx->today, HW_DATE_NONE };

  if (rule->not_before_trigger)
    p.lower = hw_date_add_days (s->trigger, rule->offset_days);

  switch (rule->evidence)
    {
    case HW_EV_PLAN:
      FOREACH_RECORD (HwPlan, plan, d, HW_ENTITY_PLAN)
        if (hw_plan_types_contain (&rule->evidence_plan_types, plan->plan_type))
          consider (&p, plan->start_date);
      break;

    case HW_EV_PLAN_EVALUATION:
      FOREACH_RECORD (HwPlanEvaluation, ev, d, HW_ENTITY_PLAN_EVALUATION)
        {
          if (rule->of_subject_plan)
            {
              if (str_eq (ev->plan_id, s->plan->rec.id))
                consider (&p, ev->date);
            }
          else
            {
              const HwPlan *plan = hw_dossier_find (d, HW_ENTITY_PLAN, ev->plan_id);

              if (plan && hw_plan_types_contain (&rule->evidence_plan_types, plan->plan_type))
                consider (&p, ev->date);
            }
        }
      if (rule->include_plans)
        FOREACH_RECORD (HwPlan, plan, d, HW_ENTITY_PLAN)
          if (hw_plan_types_contain (&rule->evidence_plan_types, plan->plan_type))
            consider (&p, plan->start_date);
      break;

    case HW_EV_PARENT_CONTACT:
      FOREACH_RECORD (HwParentFollowup, f, d, HW_ENTITY_PARENT_FOLLOWUP)
        if (str_eq (f->person_id, s->person->rec.id) && f->guidance_offered &&
            (f->kind == HW_FOLLOWUP_FIRST_CONTACT || f->kind == HW_FOLLOWUP_CONTACT))
          consider (&p, f->date);
      break;

    case HW_EV_REUNIFICATION_GOAL:
      FOREACH_RECORD (HwReunification, r, d, HW_ENTITY_REUNIFICATION)
        if (r->goal != HW_GOAL_NONE)
          consider (&p, r->date);
      break;

    case HW_EV_REUNIFICATION_ASSESSMENT:
      FOREACH_RECORD (HwReunification, r, d, HW_ENTITY_REUNIFICATION)
        consider (&p, r->date);
      break;

    case HW_EV_GOAL_GROUNDS:
      if (!is_blank (s->goal->grounds))
        consider (&p, s->goal->date);
      break;

    case HW_EV_SAMVAER_EVALUATION:
      FOREACH_RECORD (HwSamvaerEvaluation, ev, d, HW_ENTITY_SAMVAER_EVALUATION)
        if (str_eq (ev->agreement_id, s->agreement->rec.id))
          consider (&p, ev->date);
      break;

    case HW_EV_RETURN_OFFER:
      FOREACH_RECORD (HwReturn, r, d, HW_ENTITY_RETURN)
        if (r->date == HW_DATE_NONE || r->date >= s->care_order->date)
          consider (&p, r->offer_date);
      break;

    case HW_EV_HOME_EVIDENCE:
      if (s->placement->home)
        FOREACH_RECORD (HwHomeEvidence, e, s->placement->home, HW_ENTITY_HOME_EVIDENCE)
          {
            gboolean scope_ok;

            if (e->kind != rule->home_evidence)
              continue;
            switch (rule->scope)
              {
              case HW_SCOPE_CHILD:
                scope_ok = str_eq (e->case_id, ctx->kase->rec.id);
                break;
              case HW_SCOPE_CHILD_OR_HOME:
                scope_ok = e->case_id == NULL || str_eq (e->case_id, ctx->kase->rec.id);
                break;
              case HW_SCOPE_HOME:
              default:
                scope_ok = TRUE;
                break;
              }
            if (scope_ok)
              consider (&p, e->date);
          }
      break;

    case HW_EV_POLICE_CERTIFICATE:
      FOREACH_RECORD (HwHomeEvidence, e, s->placement->home, HW_ENTITY_HOME_EVIDENCE)
        if (e->kind == HW_EVIDENCE_POLICE_CERTIFICATE && str_eq (e->member_id, s->member->rec.id))
          consider (&p, e->date);
      break;

    case HW_EV_HOUSEHOLD_ASSESSMENT:
      return household_evidence (ctx, s, &p);

    case HW_EV_NETWORK_ASSESSMENT:
      consider (&p, s->placement->measure->network_assessed);
      break;

    case HW_EV_VISIT:
      FOREACH_RECORD (HwVisit, v, d, HW_ENTITY_VISIT)
        if (v->kind == rule->visit_kind && v->in_person &&
            visit_belongs (v, s->placement->measure))
          consider (&p, v->date);
      break;

    case HW_EV_PETITION:
      /* A petition, a decision in status 2 (petition sent), or a later care order. */
      FOREACH_RECORD (HwPetition, pet, d, HW_ENTITY_PETITION)
        consider (&p, pet->date);
      FOREACH_RECORD (HwDecisionStatus, st, d, HW_ENTITY_DECISION_STATUS)
        if (st->code == 2)
          consider (&p, st->date);
      for (guint i = 0; i < ctx->n_care_orders; i++)
        consider (&p, ctx->care_orders[i].date);
      break;

    case HW_EV_AFTERCARE:
      FOREACH_RECORD (HwAftercare, a, d, HW_ENTITY_AFTERCARE)
        consider (&p, a->date);
      break;

    case HW_EV_AGREEMENT_APPROVAL:
      consider (&p, s->agreement->approved_date);
      break;

    case HW_EV_SAMVAER_SESSIONS:     /* counted in care_order_year_subjects() */
    case HW_EV_SAMVAER_RECURRENCE:   /* counted in agreement_minimum_subjects() */

    case HW_N_EVIDENCE_TYPES:
    default:
      g_assert_not_reached ();
    }
  return p.best;
}

/* The Hyppighet in force on @day for the placement: reduced when its per_year is the
 * catalogue's reduced figure (rules.md: "a reduction (Kode 2) is honoured as recorded"). */
static gboolean
frequency_reduced (const Ctx *ctx, const HwRule *rule, const MeasureInfo *mi, HwDate day)
{
  const HwFrequency *best = NULL;

  FOREACH_RECORD (HwFrequency, f, ctx->d, HW_ENTITY_FREQUENCY)
    {
      if (f->kind != rule->frequency_kind || (f->measure_id && !str_eq (f->measure_id,
                                                                        mi->measure->rec.id)))
        continue;
      if (f->start_date > day || f->start_date > ctx->today ||
          (f->end_date && f->end_date < day))
        continue;
      if (best == NULL || f->start_date >= best->start_date)
        best = f;
    }
  return best && best->per_year == rule->reduced_per_year;
}

/* ---- findings ---- */

static HwDate
apply_offset (HwDate date, int amount, HwUnit unit, int sign)
{
  switch (unit)
    {
    case HW_UNIT_DAYS:
      return hw_date_add_days (date, sign * amount);
    case HW_UNIT_WEEKS:
      return hw_date_add_days (date, sign * 7 * amount);
    case HW_UNIT_MONTHS:
      return hw_date_add_months (date, sign * amount);
    case HW_UNIT_YEARS:
    default:
      return hw_date_add_months (date, sign * 12 * amount);
    }
}

static void
use_setting (HwFindingInit *fi, int index, int value)
{
  if (index < 0 || fi->n_settings >= G_N_ELEMENTS (fi->setting_index))
    return;
  for (guint i = 0; i < fi->n_settings; i++)
    if (fi->setting_index[i] == index)
      return;
  fi->setting_index[fi->n_settings] = index;
  fi->setting_value[fi->n_settings] = value;
  fi->n_settings++;
}

static HwDate
due_from (const Ctx *ctx, HwFindingInit *fi, const HwOffset *o, HwDate anchor)
{
  int amount = o->amount;

  if (o->setting >= 0)
    {
      amount = hw_settings_get_at (ctx->settings, o->setting);
      use_setting (fi, o->setting, amount);
    }
  fi->anchor_date = anchor;
  fi->amount = amount;
  fi->unit = o->unit;
  fi->sign = o->sign;
  return apply_offset (anchor, amount, o->unit, o->sign);
}

static void
init_finding (const Ctx *ctx, const HwRule *rule, const Subject *s, HwFindingInit *fi)
{
  memset (fi, 0, sizeof *fi);
  fi->rule = rule;
  fi->case_id = ctx->kase->rec.id;
  fi->journal_no = ctx->kase->journal_no;
  fi->case_id_len = ctx->case_id_len;
  fi->journal_no_len = ctx->journal_no_len;
  fi->rule_class = rule->rule_class;
  fi->anchor = rule->anchor;
  fi->subject_type = s->type;
  fi->subject_id = s->id;
  fi->subject_name = s->name;
  fi->subject_name2 = s->name2;
  fi->subject_date = s->date;
  fi->trigger = s->trigger;
}

static void
finish_finding (Ctx *ctx, HwFindingInit *fi)
{
  if (fi->met)
    fi->state = HW_FINDING_OK;
  else if (fi->rule->kind == HW_KIND_YEARLY_COUNT)
    /* Period rules are evaluated only for completed periods: one not met cannot be
     * fulfilled any more (rules.md v2 "Missed periods"). */
    fi->state = HW_FINDING_MISSED;
  else
    {
      use_setting (fi, ctx->defs->due_soon_setting, ctx->window);
      if (fi->due < ctx->today)
        fi->state = HW_FINDING_OVERDUE;
      else if (fi->due <= hw_date_add_days (ctx->today, ctx->window))
        fi->state = HW_FINDING_DUE_SOON;
      else
        fi->state = HW_FINDING_OK;
    }
  g_ptr_array_add (ctx->out, hw_finding_new_internal (fi));
  ctx->n_out++;
}

static gboolean
in_period (const HwRule *rule, HwDate trigger)
{
  return (rule->from == HW_DATE_NONE || trigger >= rule->from) &&
         (rule->to == HW_DATE_NONE || trigger <= rule->to);
}

static void
evaluate_subject (Ctx *ctx, const HwRule *rule, const Subject *s)
{
  HwFindingInit fi;
  const HwOffset *o = &rule->due;
  HwDate evidence;

  if (s->trigger == HW_DATE_NONE || !in_period (rule, s->trigger))
    return;
  init_finding (ctx, rule, s, &fi);
  if (s->used_min_age)
    use_setting (&fi, rule->min_age_setting,
                 hw_settings_get_at (ctx->settings, rule->min_age_setting));
  if (rule->grace.present && s->grace)
    {
      o = &rule->grace;
      fi.variant = HW_DUE_GRACE;
      if (o->has_class)
        fi.rule_class = o->rule_class;
    }
  if (rule->variant.present && s->decision &&
      hw_basis_set_matches (rule->variant.basis_set, &s->decision->basis))
    {
      o = &rule->variant;
      fi.variant = HW_DUE_VARIANT;
    }

  if (rule->kind == HW_KIND_RECURRING)
    {
      HwDate anchor;

      evidence = find_evidence (ctx, rule, s, TRUE);
      anchor = MAX (s->trigger, evidence);
      fi.anchor_is_evidence = evidence > s->trigger;
      if (rule->reduced.present && s->placement &&
          frequency_reduced (ctx, rule, s->placement, anchor))
        {
          o = &rule->reduced;
          fi.variant = HW_DUE_REDUCED;
        }
      fi.due = due_from (ctx, &fi, o, anchor);
      fi.evidence = evidence;
      fi.met = FALSE;
    }
  else
    {
      evidence = find_evidence (ctx, rule, s, FALSE);
      fi.due = due_from (ctx, &fi, o, s->trigger);
      fi.evidence = evidence;
      fi.met = evidence != HW_DATE_NONE;
      fi.late = fi.met && evidence > fi.due;
    }
  finish_finding (ctx, &fi);
}

/* ---- subjects ---- */

static gboolean
any_measure_active (const Ctx *ctx)
{
  for (guint i = 0; i < ctx->n_measures; i++)
    {
      const HwMeasure *m = ctx->measures[i].measure;

      if (active_on (m->start_date, m->end_date, ctx->today))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_active (const Ctx *ctx, guint flags)
{
  for (guint i = 0; i < ctx->n_measures; i++)
    {
      const MeasureInfo *mi = &ctx->measures[i];

      if ((mi->flags & flags) && active_on (mi->measure->start_date, mi->measure->end_date,
                                            ctx->today))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_care_order_active (const Ctx *ctx)
{
  for (guint i = 0; i < ctx->n_care_orders; i++)
    {
      const CareOrder *co = &ctx->care_orders[i];

      if (active_on (co->date, co->end, ctx->today))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_plan (const Ctx *ctx, const HwPlanTypes *types)
{
  FOREACH_RECORD (HwPlan, plan, ctx->d, HW_ENTITY_PLAN)
    if (hw_plan_types_contain (types, plan->plan_type) && plan->start_date &&
        plan->start_date <= ctx->today)
      return TRUE;
  return FALSE;
}

static void
care_order_subjects (Ctx *ctx, const HwRule *rule)
{
  for (guint i = 0; i < ctx->n_care_orders; i++)
    {
      const CareOrder *co = &ctx->care_orders[i];
      Subject s = { 0 };

      s.care_order = co;
      s.decision = co->decision;
      s.id = co->id;
      if (rule->subject == HW_ST_ENDED_CARE_ORDER)
        {
          if (co->end == HW_DATE_NONE || co->end >= ctx->today ||
              (rule->end_reason && co->end_reason != rule->end_reason))
            continue;
          s.type = HW_ST_ENDED_CARE_ORDER;
          s.date = s.trigger = co->end;
          evaluate_subject (ctx, rule, &s);
          continue;
        }
      if (!active_on (co->date, co->end, ctx->today))
        continue;
      s.date = s.trigger = co->date;
      if (rule->subject == HW_ST_PARENT)
        {
          s.type = HW_ST_PARENT;
          FOREACH_RECORD (HwPerson, person, ctx->d, HW_ENTITY_PERSON)
            if (person->parental_responsibility)
              {
                s.person = person;
                s.id = person->rec.id;
                s.name = person->name;
                evaluate_subject (ctx, rule, &s);
              }
          continue;
        }
      if (rule->requires_plan_types.n && !has_plan (ctx, &rule->requires_plan_types))
        continue;
      s.type = HW_ST_CARE_ORDER;
      evaluate_subject (ctx, rule, &s);
    }
}

static void
placement_subjects (Ctx *ctx, const HwRule *rule)
{
  for (guint i = 0; i < ctx->n_measures; i++)
    {
      const MeasureInfo *mi = &ctx->measures[i];
      const HwMeasure *m = mi->measure;
      Subject s = { 0 };

      if (!active_on (m->start_date, m->end_date, ctx->today))
        continue;
      s.placement = mi;
      s.grace = (mi->flags & IS_KINSHIP_OR_EMERGENCY) != 0;
      if (rule->subject == HW_ST_VOLUNTARY_PLACEMENT)
        {
          if (!(mi->flags & BASIS_VOLUNTARY))
            continue;
        }
      else if (rule->subject == HW_ST_INSTITUTION_PLACEMENT)
        {
          if (!(mi->flags & IS_INSTITUTION))
            continue;
        }
      else if (!(mi->flags & IS_FOSTER))
        continue;
      if (rule->until_18 && ctx->bday18 && ctx->today >= ctx->bday18)
        continue;

      if (rule->subject == HW_ST_VOLUNTARY_PLACEMENT || rule->subject == HW_ST_FOSTER_PLACEMENT ||
          rule->subject == HW_ST_INSTITUTION_PLACEMENT)
        {
          s.type = rule->subject;
          s.id = m->rec.id;
          s.name = mi->home_name;
          s.date = s.trigger = m->start_date;
          evaluate_subject (ctx, rule, &s);
          continue;
        }

      /* The members of the placement's home who lived there during the placement. */
      if (mi->home == NULL)
        continue;
      FOREACH_RECORD (HwHomeMember, member, mi->home, HW_ENTITY_HOME_MEMBER)
        {
          gboolean parent = member->role == HW_MEMBER_FOSTER_PARENT;

          if (parent != (rule->subject == HW_ST_FOSTER_PARENT))
            continue;
          if ((member->moved_out && member->moved_out < m->start_date) ||
              (member->moved_in && member->moved_in > ctx->today))
            continue;
          s.type = rule->subject;
          s.member = member;
          s.id = member->rec.id;
          s.name = member->name;
          s.date = s.trigger = MAX (m->start_date, member->moved_in);
          s.used_min_age = FALSE;
          if (rule->subject == HW_ST_HOUSEHOLD_MEMBER)
            {
              int min_age = hw_settings_get_at (ctx->settings, rule->min_age_setting);

              s.used_min_age = TRUE;
              if (member->birth_date && hw_date_age_on (member->birth_date, s.trigger) < min_age)
                continue;
            }
          evaluate_subject (ctx, rule, &s);
        }
    }
}

/* The in-person visits of @kind to the placement known today, sorted; into @buf when they
 * fit, else into a new array the caller frees. */
static HwDate *
collect_visits (const Ctx *ctx, const HwMeasure *m, HwVisitKind kind, HwDate *buf, guint size,
                guint *n_out)
{
  HwDate *dates = buf;
  guint n = 0, capacity = size;

  FOREACH_RECORD (HwVisit, v, ctx->d, HW_ENTITY_VISIT)
    {
      guint k;

      if (v->kind != kind || !v->in_person || v->date == HW_DATE_NONE || v->date > ctx->today ||
          !visit_belongs (v, m))
        continue;
      if (n == capacity)
        {
          HwDate *bigger = g_new (HwDate, capacity * 2);

          memcpy (bigger, dates, sizeof (HwDate) * n);
          if (dates != buf)
            g_free (dates);
          dates = bigger;
          capacity *= 2;
        }
      /* Insertion sort: a placement has a few dozen visits at most. */
      for (k = n; k > 0 && dates[k - 1] > v->date; k--)
        dates[k] = dates[k - 1];
      dates[k] = v->date;
      n++;
    }
  *n_out = n;
  return dates;
}

static void
year_subjects (Ctx *ctx, const HwRule *rule)
{
  for (guint i = 0; i < ctx->n_measures; i++)
    {
      const MeasureInfo *mi = &ctx->measures[i];
      const HwMeasure *m = mi->measure;
      HwDate start = m->start_date, end = m->end_date;
      HwDate buf[64];
      HwDate *visits;
      guint n_visits;
      int first_year, last_year;
      guint next = 0;

      if (!(mi->flags & IS_FOSTER))
        continue;
      if (rule->until_18 && ctx->bday18)
        {
          /* Supervision: days placed stop the day before the 18th birthday. */
          HwDate cap = ctx->bday18 - 1;

          if (start > cap)
            continue;
          if (end == HW_DATE_NONE || end > cap)
            end = cap;
        }

      visits = collect_visits (ctx, m, rule->visit_kind, buf, G_N_ELEMENTS (buf), &n_visits);

      first_year = hw_date_get_year (start);
      last_year = hw_date_get_year (end && end < ctx->today ? end : ctx->today);
      for (int y = first_year; y <= last_year; y++)
        {
          HwDate jan1 = hw_date_new (y, 1, 1), dec31 = hw_date_new (y, 12, 31);
          HwDate ys = MAX (start, jan1);
          HwDate ye = end ? MIN (end, dec31) : dec31;
          int diy = hw_date_days_in_year (y);
          Subject s = { 0 };
          HwFindingInit fi;
          int count = 0;
          HwDate reached = HW_DATE_NONE;

          /* A completed year: it ended before today, or the placement ended in it before
           * today. */
          if (ye < ys || ye >= ctx->today)
            continue;
          s.type = HW_ST_PLACEMENT_YEAR;
          s.id = m->rec.id;
          s.name = mi->home_name;
          s.date = ys;
          s.trigger = ys;
          s.placement = mi;
          if (!in_period (rule, ys))
            continue;

          init_finding (ctx, rule, &s, &fi);
          fi.year = y;
          fi.days = (int) (ye - ys) + 1;
          fi.per_year = frequency_reduced (ctx, rule, mi, ys) ? rule->reduced_per_year
                                                              : rule->standard_per_year;
          fi.variant = fi.per_year == rule->reduced_per_year ? HW_DUE_REDUCED : HW_DUE_STANDARD;
          fi.required = (fi.per_year * fi.days + diy - 1) / diy;
          while (next < n_visits && visits[next] < jan1)
            next++;
          for (guint k = next; k < n_visits && visits[k] <= dec31; k++)
            if (++count == fi.required)
              reached = visits[k];
          fi.count = count;
          fi.met = count >= fi.required;
          fi.evidence = fi.met ? reached : HW_DATE_NONE;
          fi.due = ye;
          fi.anchor_date = ye;
          fi.period_end = ye != dec31;
          fi.late = fi.met && fi.evidence > fi.due;
          finish_finding (ctx, &fi);
        }
      if (visits != buf)
        g_free (visits);
    }
}

static int
compare_dates (gconstpointer a, gconstpointer b)
{
  HwDate x = *(const HwDate *) a, y = *(const HwDate *) b;

  return x < y ? -1 : x > y;
}

/* The care order whose decision sets a minimum samvær a year (rules.md v2), active on @day;
 * the latest when several are. */
static const CareOrder *
care_order_with_minimum (const Ctx *ctx, HwDate day)
{
  const CareOrder *best = NULL;

  for (guint i = 0; i < ctx->n_care_orders; i++)
    {
      const CareOrder *co = &ctx->care_orders[i];

      if (co->decision == NULL || co->decision->decision->min_samvaer_per_year <= 0 ||
          !active_on (co->date, co->end, day))
        continue;
      if (best == NULL || co->date >= best->date)
        best = co;
    }
  return best;
}

/* SAMVAER_MINIMUM_YEAR: each completed calendar year of a care order whose decision sets a
 * minimum; the sessions held that year (all the case's agreements) against the minimum for
 * the days the care order was active. A year not met is missed (finish_finding()). */
static void
care_order_year_subjects (Ctx *ctx, const HwRule *rule)
{
  for (guint i = 0; i < ctx->n_care_orders; i++)
    {
      const CareOrder *co = &ctx->care_orders[i];
      int minimum;
      HwDate end = co->end;

      if (co->decision == NULL || co->decision->decision->min_samvaer_per_year <= 0)
        continue;
      minimum = co->decision->decision->min_samvaer_per_year;
      for (int y = hw_date_get_year (co->date);
           y <= hw_date_get_year (end && end < ctx->today ? end : ctx->today); y++)
        {
          HwDate jan1 = hw_date_new (y, 1, 1), dec31 = hw_date_new (y, 12, 31);
          HwDate ys = MAX (co->date, jan1);
          HwDate ye = end ? MIN (end, dec31) : dec31;
          int diy = hw_date_days_in_year (y);
          Subject s = { 0 };
          HwFindingInit fi;
          g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (HwDate));

          if (ye < ys || ye >= ctx->today || !in_period (rule, ys))
            continue;
          s.type = HW_ST_CARE_ORDER_YEAR;
          s.id = co->id;
          s.date = s.trigger = ys;
          s.care_order = co;
          s.decision = co->decision;
          init_finding (ctx, rule, &s, &fi);
          fi.year = y;
          fi.days = (int) (ye - ys) + 1;
          fi.per_year = minimum;
          fi.required = (minimum * fi.days + diy - 1) / diy;
          FOREACH_RECORD (HwSamvaerSession, ss, ctx->d, HW_ENTITY_SAMVAER_SESSION)
            if (ss->status == HW_SESSION_HELD && ss->date >= jan1 && ss->date <= dec31 &&
                ss->date <= ctx->today)
              g_array_append_val (held, ss->date);
          g_array_sort (held, compare_dates);
          fi.count = (int) held->len;
          fi.met = fi.count >= fi.required;
          fi.evidence = fi.met && fi.required > 0
                        ? g_array_index (held, HwDate, fi.required - 1) : HW_DATE_NONE;
          fi.due = ye;
          fi.anchor_date = ye;
          fi.period_end = ye != dec31;
          fi.late = fi.met && fi.evidence > fi.due;
          finish_finding (ctx, &fi);
        }
    }
}

/* SAMVAER_AGREEMENT_BELOW_MINIMUM: an active agreement under an active care order with a
 * minimum: does its recurrence give at least the minimum in the year from its start (or from
 * the care order's date, if later)? */
static void
agreement_minimum_subjects (Ctx *ctx, const HwRule *rule)
{
  const CareOrder *co = care_order_with_minimum (ctx, ctx->today);

  if (co == NULL)
    return;
  FOREACH_RECORD (HwSamvaerAgreement, a, ctx->d, HW_ENTITY_SAMVAER_AGREEMENT)
    {
      const HwPerson *with;
      Subject s = { 0 };
      HwFindingInit fi;
      HwDate from, to;
      int n;

      if (!active_on (a->valid_from, a->valid_to, ctx->today) || !in_period (rule, a->valid_from))
        continue;
      with = hw_dossier_find (ctx->d, HW_ENTITY_PERSON, a->person_id);
      s.type = HW_ST_SAMVAER_AGREEMENT_MINIMUM;
      s.agreement = a;
      s.care_order = co;
      s.decision = co->decision;
      s.id = a->rec.id;
      s.name = with ? with->name : NULL;
      s.date = s.trigger = a->valid_from;
      init_finding (ctx, rule, &s, &fi);
      from = MAX (a->valid_from, co->date);
      to = hw_date_add_days (hw_date_add_months (from, 12), -1);
      /* No schedule, or one that cannot be read, gives no sessions. */
      n = a->rrule ? hw_recurrence_count (a->rrule, a->valid_from, from, to) : 0;
      fi.count = MAX (n, 0);
      fi.required = co->decision->decision->min_samvaer_per_year;
      fi.per_year = fi.required;
      fi.met = fi.count >= fi.required;
      fi.evidence = fi.met ? a->valid_from : HW_DATE_NONE;
      fi.due = due_from (ctx, &fi, &rule->due, s.trigger);
      finish_finding (ctx, &fi);
    }
}

static void
other_subjects (Ctx *ctx, const HwRule *rule)
{
  Subject s = { 0 };

  s.type = rule->subject;
  switch (rule->subject)
    {
    case HW_ST_SAMVAER_AGREEMENT:
    case HW_ST_SAMVAER_AGREEMENT_OPEN:
      FOREACH_RECORD (HwSamvaerAgreement, a, ctx->d, HW_ENTITY_SAMVAER_AGREEMENT)
        {
          const HwPerson *with;

          /* Open: not ended. A workflow duty (approval) is owed before the agreement
           * begins, so one not yet begun is a subject as well. */
          if (rule->subject == HW_ST_SAMVAER_AGREEMENT_OPEN
                ? a->valid_from == HW_DATE_NONE ||
                  (a->valid_to != HW_DATE_NONE && a->valid_to < ctx->today)
                : !active_on (a->valid_from, a->valid_to, ctx->today))
            continue;
          with = hw_dossier_find (ctx->d, HW_ENTITY_PERSON, a->person_id);
          s.agreement = a;
          s.id = a->rec.id;
          s.name = with ? with->name : NULL;
          s.date = s.trigger = a->valid_from;
          evaluate_subject (ctx, rule, &s);
        }
      break;

    case HW_ST_ABANDONED_GOAL:
      FOREACH_RECORD (HwReunification, r, ctx->d, HW_ENTITY_REUNIFICATION)
        if (r->goal == HW_GOAL_ABANDONED && r->date && r->date <= ctx->today)
          {
            s.goal = r;
            s.id = r->rec.id;
            s.date = s.trigger = r->date;
            evaluate_subject (ctx, rule, &s);
          }
      break;

    case HW_ST_PLANNED_RETURN:
      if (!any_care_order_active (ctx))
        break;
      FOREACH_RECORD (HwReunification, r, ctx->d, HW_ENTITY_REUNIFICATION)
        {
          HwDate actual = HW_DATE_NONE;

          if (r->goal != HW_GOAL_RETURN_IN_PREPARATION || r->planned_return == HW_DATE_NONE ||
              r->date == HW_DATE_NONE || r->date > ctx->today)
            continue;
          FOREACH_RECORD (HwReturn, ret, ctx->d, HW_ENTITY_RETURN)
            if (ret->date && ret->date >= r->date && ret->date <= ctx->today &&
                (actual == HW_DATE_NONE || ret->date < actual))
              actual = ret->date;
          s.goal = r;
          s.id = r->rec.id;
          s.date = s.trigger = actual ? actual : r->planned_return;
          evaluate_subject (ctx, rule, &s);
        }
      break;

    case HW_ST_EMERGENCY_DECISION:
      for (guint i = 0; i < ctx->n_decisions; i++)
        {
          const DecisionInfo *di = &ctx->decisions[i];

          if (!(di->flags & BASIS_EMERGENCY) || di->status != 1 ||
              !active_on (di->start, di->end, ctx->today))
            continue;
          s.decision = di;
          s.id = di->decision->rec.id;
          s.date = s.trigger = di->start;
          evaluate_subject (ctx, rule, &s);
        }
      break;

    case HW_ST_LATEST_PLAN:
      {
        const HwPlan *best = NULL;

        if (rule->during == HW_ST_VOLUNTARY_PLACEMENT && !any_active (ctx, BASIS_VOLUNTARY))
          break;
        if (rule->during == HW_ST_CARE_ORDER && !any_care_order_active (ctx))
          break;
        FOREACH_RECORD (HwPlan, plan, ctx->d, HW_ENTITY_PLAN)
          if (hw_plan_types_contain (&rule->subject_plan_types, plan->plan_type) &&
              plan->start_date && plan->start_date <= ctx->today &&
              (best == NULL || plan->start_date >= best->start_date))
            best = plan;
        if (best == NULL)
          break;
        s.plan = best;
        s.id = best->rec.id;
        s.date = s.trigger = best->start_date;
        evaluate_subject (ctx, rule, &s);
      }
      break;

    case HW_ST_CASE_ADULT:
    case HW_ST_CASE_MINOR:
      if (ctx->bday18 == HW_DATE_NONE ||
          (rule->subject == HW_ST_CASE_ADULT) != (ctx->today >= ctx->bday18) ||
          !any_measure_active (ctx))
        break;
      s.id = ctx->kase->rec.id;
      s.name = ctx->child->given_name;
      s.name2 = ctx->child->family_name;
      s.date = s.trigger = ctx->bday18;
      evaluate_subject (ctx, rule, &s);
      break;

    case HW_ST_CARE_ORDER:
    case HW_ST_ENDED_CARE_ORDER:
    case HW_ST_PARENT:
    case HW_ST_VOLUNTARY_PLACEMENT:
    case HW_ST_FOSTER_PLACEMENT:
    case HW_ST_FOSTER_PARENT:
    case HW_ST_HOUSEHOLD_MEMBER:
    case HW_ST_PLACEMENT_YEAR:
    case HW_ST_INSTITUTION_PLACEMENT:
    case HW_ST_CARE_ORDER_YEAR:
    case HW_ST_SAMVAER_AGREEMENT_MINIMUM:
    case HW_N_SUBJECT_TYPES:
    default:
      g_assert_not_reached ();
    }
}

static void
run_rule (Ctx *ctx, const HwRule *rule)
{
  switch (rule->subject)
    {
    case HW_ST_CARE_ORDER:
    case HW_ST_ENDED_CARE_ORDER:
    case HW_ST_PARENT:
      care_order_subjects (ctx, rule);
      break;
    case HW_ST_VOLUNTARY_PLACEMENT:
    case HW_ST_FOSTER_PLACEMENT:
    case HW_ST_FOSTER_PARENT:
    case HW_ST_HOUSEHOLD_MEMBER:
    case HW_ST_INSTITUTION_PLACEMENT:
      placement_subjects (ctx, rule);
      break;
    case HW_ST_CARE_ORDER_YEAR:
      care_order_year_subjects (ctx, rule);
      break;
    case HW_ST_SAMVAER_AGREEMENT_MINIMUM:
      agreement_minimum_subjects (ctx, rule);
      break;
    case HW_ST_PLACEMENT_YEAR:
      year_subjects (ctx, rule);
      break;
    case HW_ST_SAMVAER_AGREEMENT:
    case HW_ST_SAMVAER_AGREEMENT_OPEN:
    case HW_ST_ABANDONED_GOAL:
    case HW_ST_PLANNED_RETURN:
    case HW_ST_EMERGENCY_DECISION:
    case HW_ST_LATEST_PLAN:
    case HW_ST_CASE_ADULT:
    case HW_ST_CASE_MINOR:
      other_subjects (ctx, rule);
      break;
    case HW_N_SUBJECT_TYPES:
    default:
      g_assert_not_reached ();
    }
}

/* ---- public ---- */

guint
hw_evaluate_case_append (const HwCatalogue *catalogue,
                         const HwSettings  *settings,
                         const HwDossier   *case_dossier,
                         GHashTable        *homes,
                         HwDate             today,
                         const char        *rule_id,
                         GPtrArray         *findings)
{
  static const HwChild no_child;
  DecisionInfo decisions[16];
  MeasureInfo measures[16];
  CareOrder care_orders[32];
  Ctx ctx = { 0 };
  guint n_decisions = n_records (case_dossier, HW_ENTITY_DECISION);
  guint n_measures = n_records (case_dossier, HW_ENTITY_MEASURE);

  g_return_val_if_fail (catalogue != NULL, 0);
  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (hw_settings_get_catalogue (settings) == catalogue, 0);
  g_return_val_if_fail (case_dossier != NULL && case_dossier->root != NULL, 0);
  g_return_val_if_fail (((HwRecord *) case_dossier->root)->entity == HW_ENTITY_CASE, 0);
  g_return_val_if_fail (today != HW_DATE_NONE, 0);
  g_return_val_if_fail (findings != NULL, 0);

  ctx.cat = catalogue;
  ctx.defs = hw_catalogue_get_definitions (catalogue);
  ctx.settings = settings;
  ctx.d = case_dossier;
  ctx.homes = homes;
  ctx.today = today;
  ctx.kase = case_dossier->root;
  ctx.child = hw_dossier_child (case_dossier);
  if (ctx.child == NULL)
    ctx.child = &no_child;
  ctx.bday18 = ctx.child->birth_date ? hw_date_birthday (ctx.child->birth_date, 18)
                                     : HW_DATE_NONE;
  ctx.window = hw_settings_get_at (settings, ctx.defs->due_soon_setting);
  ctx.out = findings;

  /* Most cases have a handful of decisions and measures: keep them on the stack. */
  ctx.decisions = n_decisions <= G_N_ELEMENTS (decisions) ? decisions
                                                          : g_new (DecisionInfo, n_decisions);
  ctx.measures = n_measures <= G_N_ELEMENTS (measures) ? measures
                                                       : g_new (MeasureInfo, n_measures);
  ctx.care_orders = n_decisions + n_measures <= G_N_ELEMENTS (care_orders)
                    ? care_orders : g_new (CareOrder, n_decisions + n_measures);
  ctx.case_id_len = strlen (ctx.kase->rec.id);
  ctx.journal_no_len = ctx.kase->journal_no ? strlen (ctx.kase->journal_no) : 0;

  build_decisions (&ctx);
  build_measures (&ctx);
  build_spans (&ctx);
  build_care_orders (&ctx);

  for (guint i = 0; i < hw_catalogue_get_n_rules (catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (catalogue, i);

      if (rule_id == NULL || g_str_equal (rule->id, rule_id))
        run_rule (&ctx, rule);
    }

  if (ctx.decisions != decisions)
    g_free (ctx.decisions);
  if (ctx.measures != measures)
    g_free (ctx.measures);
  if (ctx.care_orders != care_orders)
    g_free (ctx.care_orders);
  return ctx.n_out;
}

GPtrArray *
hw_evaluate_case (const HwCatalogue *catalogue,
                  const HwSettings  *settings,
                  const HwDossier   *case_dossier,
                  GHashTable        *homes,
                  HwDate             today)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);

  hw_evaluate_case_append (catalogue, settings, case_dossier, homes, today, NULL, findings);
  g_ptr_array_sort (findings, hw_finding_compare_ptr);
  return findings;
}

gboolean
hw_decision_is_approved (const HwDossier *dossier, const HwDecision *decision)
{
  GPtrArray *statuses = hw_dossier_get (dossier, HW_ENTITY_DECISION_STATUS);
  const HwDecisionStatus *latest = NULL;

  for (guint i = 0; i < statuses->len; i++)
    {
      const HwDecisionStatus *s = statuses->pdata[i];

      if (g_strcmp0 (s->decision_id, decision->rec.id) == 0 &&
          (latest == NULL || s->date >= latest->date))
        latest = s;
    }
  return latest == NULL || latest->code == 1;
}
