/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-demo"

#include "config.h"


#include "hw-demo.h"
#include "hw-demo-private.h"
#include "hw-identity.h"
#include "hw-legal.h"

/* The records' free text is Norwegian, as a caseworker would write it: it is data, not user
 * interface, so it is not translated.
 *
 * The proportions below follow the seeds (Eide et al., seed 000): police certificates missing
 * in most kinship homes, approval reports rarely documented, a reunification goal recorded in
 * about a quarter of care orders, follow-up visits missing in a third.
 *
 * Those proportions describe how cases are documented when they start, and the history they
 * leave; a functioning service catches up. Most cases are "kept": what the seeds leave missing
 * is recorded late, recent visits and reviews are made, and the samvær schedule reaches the
 * tribunal's minimum. A few caseworkers keep up less well (WORKER_KEEPS), so the current backlog
 * is a visible minority, concentrated in some caseloads, while past years keep their misses. */

static const char *const girl_names[] = {
  "Emma", "Nora", "Ella", "Sofie", "Olivia", "Ingrid", "Maja", "Sara", "Leah", "Frida",
  "Astrid", "Selma", "Tiril", "Hedda", "Aurora", "Mathilde", "Linnea", "Iben", "Amalie", "Vilde",
};
static const char *const boy_names[] = {
  "Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Liam", "Henrik", "Oskar",
  "Aksel", "Isak", "Magnus", "Sander", "Tobias", "Elias", "Mats", "Johannes", "Even", "Ludvig",
};
static const char *const adult_names[] = {
  "Kari", "Anne", "Hilde", "Marit", "Siri", "Tone", "Lene", "Camilla", "Ida", "Trine",
  "Ola", "Per", "Lars", "Knut", "Geir", "Rune", "Espen", "Thomas", "Morten", "Bjørn",
};
static const char *const family_names[] = {
  "Berg", "Dahl", "Fjeld", "Haugen", "Lunde", "Moen", "Nilsen", "Ødegård", "Rønning", "Solberg",
  "Strand", "Sæther", "Tangen", "Vik", "Aas", "Bakke", "Eide", "Gran", "Holm", "Kvam",
  "Lie", "Myhre", "Nygård", "Røed", "Sande", "Tveit", "Ulvestad", "Vold", "Ås", "Ørnes",
};
static const char *const team_names[] = { "Team Nord", "Team Sør", "Team Ungdom" };

#define N_CASEWORKERS_PER_TEAM 4
#define MUNICIPALITY "5001"

typedef struct {
  GRand  *rand;
  HwDate  today;
  char   *team_ids[G_N_ELEMENTS (team_names)];
  char   *leader_ids[G_N_ELEMENTS (team_names)];
  char   *worker_ids[G_N_ELEMENTS (team_names)][N_CASEWORKERS_PER_TEAM];
  guint   sequence;
  gboolean kept;          /* this case's caseworker keeps its documentation up to date */
  int      min_samvaer;   /* the care order's minimum sessions a year, 0 = none */
  HwDate   until;         /* the case's placement ended, or today: no evaluations after it */
} Gen;

/* How likely each caseworker is to keep a case up to date: most do, two struggle (their
 * caseloads hold most of what is overdue), one is in between. */
static const double worker_keeps[3][N_CASEWORKERS_PER_TEAM] = {
  { 0.95, 0.92, 0.96, 0.45 },
  { 0.93, 0.7, 0.95, 0.94 },
  { 0.96, 0.4, 0.93, 0.95 },
};

static char *
make_uuid (Gen *g)
{
  guint32 a = g_rand_int (g->rand), b = g_rand_int (g->rand);
  guint32 c = g_rand_int (g->rand), d = g_rand_int (g->rand);

  /* Version 4 layout, drawn from the seeded generator so a seed gives the same ids. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", a, b >> 16, b & 0xfff,
                          (c >> 16 & 0x3fff) | 0x8000, c & 0xffff, d);
}

static gpointer
new_record (Gen *g, HwEntity entity, const char *case_id)
{
  HwRecord *rec = hw_record_new (entity);
  const HwEntityInfo *info = hw_entity_info (entity);

  g_free (rec->id);
  rec->id = make_uuid (g);
  if (case_id && info->owner == HW_ENTITY_CASE && entity != HW_ENTITY_CASE)
    for (guint i = 0; i < info->n_fields; i++)
      if (info->fields[i].flags & HW_FIELD_OWNER)
        hw_field_set_text (rec, &info->fields[i], case_id);
  return rec;
}

/* Functions, not MIN(): the arguments draw random numbers and must be evaluated once. */
static HwDate
earliest (HwDate a, HwDate b)
{
  return a < b ? a : b;
}

static HwDate
not_after_today (Gen *g, HwDate date)
{
  return earliest (g->today, date);
}

static gboolean
chance (Gen *g, double p)
{
  return g_rand_double (g->rand) < p;
}

static int
between (Gen *g, int lo, int hi)
{
  return hi <= lo ? lo : g_rand_int_range (g->rand, lo, hi + 1);
}

#define PICK(g, array) ((array)[g_rand_int_range ((g)->rand, 0, G_N_ELEMENTS (array))])

/* The basis a case system would record: app/rules knows which act applies on @date. */
static void
basis_for (HwLegalBasis *b, HwDate date, const char *kind)
{
  if (g_str_equal (kind, "care"))
    hw_legal_basis_set_typical (b, HW_DECISION_KIND_CARE_ORDER, date);
  else if (g_str_equal (kind, "voluntary"))
    hw_legal_basis_set_typical (b, HW_DECISION_KIND_VOLUNTARY_PLACEMENT, date);
  else if (g_str_equal (kind, "emergency"))
    hw_legal_basis_set_typical (b, HW_DECISION_KIND_EMERGENCY, date);
  else
    hw_legal_basis_set_typical (b, HW_DECISION_KIND_BEHAVIOUR_PLACEMENT, date);
}

static char *
adult_name (Gen *g, const char *family)
{
  return g_strdup_printf ("%s %s", PICK (g, adult_names), family);
}

static void
add_status (Gen *g, HwDossier *d, HwDecision *decision, int code, HwDate date)
{
  HwDecisionStatus *s = new_record (g, HW_ENTITY_DECISION_STATUS, decision->case_id);

  s->decision_id = g_strdup (decision->rec.id);
  s->code = code;
  s->date = date;
  hw_dossier_add (d, s);
}

static HwDecision *
add_decision (Gen *g, HwDossier *d, const char *kind, HwDate date, HwDecider by)
{
  HwDecision *dec = new_record (g, HW_ENTITY_DECISION, ((HwRecord *) d->root)->id);

  dec->decided_by = by;
  basis_for (&dec->basis, date, kind);
  dec->start_date = date;
  if (g_str_equal (kind, "care"))
    {
      /* Tribunals mostly set a few sessions a year; monthly now and then. */
      int per_year = PICK (g, ((const int[]) { 4, 6, 6, 12 }));

      dec->min_samvaer_per_year = per_year;
      dec->min_samvaer = g_strdup_printf ("%d samvær i året, 2 timer hver gang", per_year);
      if (date >= hw_date_new (2026, 1, 1))
        dec->expected_duration = g_strdup ("Langvarig, vurderes årlig");
    }
  hw_dossier_add (d, dec);
  add_status (g, d, dec, 1, date);
  return dec;
}

/* Relasjon from a decision to the measure that carries it out: SSB's Tiltak kontroll 20 wants
 * one for every measure, and the rules read it (rules.md: a decision and its measure). */
static void
link_decision (Gen *g, HwDossier *d, const HwDecision *decision, const HwMeasure *measure)
{
  HwRelation *r = new_record (g, HW_ENTITY_RELATION, measure->case_id);

  r->from_id = g_strdup (decision->rec.id);
  r->from_type = g_strdup ("Vedtak");
  r->to_id = g_strdup (measure->rec.id);
  r->to_type = g_strdup ("Tiltak");
  hw_dossier_add (d, r);
}

/* A closed case leaves nothing running (SSB's Sak kontroll 23): decisions, measures and plans
 * still open end with it. */
static void
end_open_records (HwDossier *d, HwDate end)
{
  static const HwEntity kinds[] = { HW_ENTITY_DECISION, HW_ENTITY_MEASURE, HW_ENTITY_PLAN };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const HwEntityInfo *info = hw_entity_info (kinds[k]);
      const HwField *start = hw_entity_find_field (info, "start_date");
      const HwField *stop = hw_entity_find_field (info, "end_date");
      GPtrArray *records = hw_dossier_get (d, kinds[k]);

      for (guint i = 0; i < records->len; i++)
        if (hw_field_get_int (records->pdata[i], stop) == HW_DATE_NONE &&
            (HwDate) hw_field_get_int (records->pdata[i], start) <= end)
          hw_field_set_int (records->pdata[i], stop, end);
    }
}

static void
add_visits (Gen *g, HwDossier *d, HwMeasure *m, HwVisitKind kind, double p_each, HwDate end)
{
  HwDate recent = hw_date_add_days (g->today, -180);

  /* About one visit a quarter, each one done with probability @p_each, a few weeks late or
   * early: the gaps the seeds describe. A kept case has had its recent visits. */
  for (HwDate due = hw_date_add_days (m->start_date, between (g, 20, 60)); due <= end;
       due = hw_date_add_days (due, between (g, 70, 84)))
    {
      HwVisit *v;

      if (!chance (g, g->kept && due >= recent ? 0.99 : p_each))
        continue;
      v = new_record (g, HW_ENTITY_VISIT, m->case_id);
      v->measure_id = g_strdup (m->rec.id);
      v->kind = kind;
      v->date = earliest (end, hw_date_add_days (due, g->kept && due >= recent ? between (g, -10, 0)
                                                                            : between (g, -10, 20)));
      v->in_person = chance (g, g->kept && due >= recent ? 1.0 : 0.93);
      v->child_alone = kind == HW_VISIT_FOLLOWUP && chance (g, 0.6);
      v->notes = g_strdup (kind == HW_VISIT_FOLLOWUP ?
                           "Oppfølgingsbesøk i fosterhjemmet. Barnet finner seg godt til rette." :
                           "Tilsynsbesøk. Samtale med barnet.");
      hw_dossier_add (d, v);
    }
}

/* A name no one else in the household has, nor anyone in the child's case (the child, the
 * parents: a foster parent who shares a parent's name is implausible, and a printout for the
 * parents names them while it must name no foster-home member). */
static char *
unique_name (Gen *g, GPtrArray *taken, gboolean adult, const char *family)
{
  char *name = NULL;

  for (int tries = 0; tries < 50; tries++)
    {
      g_free (name);
      name = adult ? adult_name (g, family)
                   : g_strdup_printf ("%s %s", chance (g, 0.5) ? PICK (g, girl_names)
                                                               : PICK (g, boy_names), family);
      if (!g_ptr_array_find_with_equal_func (taken, name, g_str_equal, NULL))
        break;
    }
  g_ptr_array_add (taken, g_strdup (name));
  return name;
}

static HwDossier *
make_home (Gen *g, HwHomeKind kind, const char *family, HwDate since,
           const GPtrArray *case_names)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  HwFosterHome *home = new_record (g, HW_ENTITY_FOSTER_HOME, NULL);
  HwDossier *d = hw_dossier_new (home);
  int n_parents = chance (g, 0.8) ? 2 : 1;
  int n_household = chance (g, 0.45) ? between (g, 1, 2) : 0;

  home->name = g_strdup_printf ("Familien %s", family);
  home->kind = kind;
  home->municipality = g_strdup (chance (g, 0.8) ? MUNICIPALITY : "5006");
  home->address = g_strdup_printf ("%s %d", PICK (g, ((const char *const[]) {
                                     "Fjordveien", "Skogstien", "Kirkegata", "Elvebakken",
                                     "Lillevegen" })), between (g, 1, 80));
  home->protected_address = chance (g, 0.03);

  for (int i = 0; i < n_parents + n_household; i++)
    {
      HwHomeMember *m = new_record (g, HW_ENTITY_HOME_MEMBER, NULL);
      gboolean parent = i < n_parents;
      int age = parent ? between (g, 30, 62) : between (g, 8, 24);

      m->home_id = g_strdup (home->rec.id);
      m->role = parent ? HW_MEMBER_FOSTER_PARENT : HW_MEMBER_HOUSEHOLD;
      if (i == 0)
        for (guint k = 0; k < case_names->len; k++)
          g_ptr_array_add (taken, g_strdup (case_names->pdata[k]));
      m->name = unique_name (g, taken, parent, family);
      m->birth_date = hw_date_add_days (hw_date_add_years (g->today, -age), -between (g, 0, 360));
      m->fnr = hw_identity_make_synthetic (m->birth_date, g->sequence++);
      hw_dossier_add (d, m);
    }
  (void) since;
  return d;
}

static HwHomeEvidence *
add_evidence (Gen *g, HwDossier *home, const char *case_id, HwEvidenceKind kind,
              const char *member_id, HwDate date)
{
  HwHomeEvidence *e = new_record (g, HW_ENTITY_HOME_EVIDENCE, NULL);

  e->home_id = g_strdup (((HwRecord *) home->root)->id);
  e->case_id = g_strdup (case_id);
  e->member_id = g_strdup (member_id);
  e->kind = kind;
  e->date = date;
  e->municipality = g_strdup (MUNICIPALITY);
  if (kind == HW_EVIDENCE_HOUSEHOLD_ASSESSMENT)
    e->needed = chance (g, 0.5);
  hw_dossier_add (home, e);
  return e;
}

/* What the seeds leave undocumented, recorded late in a kept case. */
static HwDate
caught_up (Gen *g, HwDate move_in)
{
  return not_after_today (g, hw_date_add_days (move_in, between (g, 20, 150)));
}

/* Documentation of a foster home for one placement, in the proportions of seed 000. */
static void
document_home (Gen *g, HwDossier *home, const char *case_id, HwDate move_in, gboolean kinship)
{
  GPtrArray *members = hw_dossier_get (home, HW_ENTITY_HOME_MEMBER);
  double p_cert = kinship ? 0.31 : 0.9;
  double p_approval = kinship ? 0.35 : 0.92;
  int lateness = kinship ? between (g, 0, 120) : between (g, -40, 0);

  if (chance (g, p_approval))
    add_evidence (g, home, case_id, HW_EVIDENCE_APPROVAL, NULL,
                  not_after_today (g, hw_date_add_days (move_in, lateness)));
  else
    {
      if (kinship && chance (g, 0.4))
        add_evidence (g, home, case_id, HW_EVIDENCE_APPROVAL_PRELIMINARY, NULL, move_in);
      if (g->kept)
        add_evidence (g, home, case_id, HW_EVIDENCE_APPROVAL, NULL, caught_up (g, move_in));
    }
  if (chance (g, kinship ? 0.6 : 0.88))
    add_evidence (g, home, case_id, HW_EVIDENCE_CONTRACT, NULL,
                  not_after_today (g, hw_date_add_days (move_in, between (g, -20, 60))));
  else if (g->kept)
    add_evidence (g, home, case_id, HW_EVIDENCE_CONTRACT, NULL, caught_up (g, move_in));
  if (chance (g, kinship ? 0.45 : 0.85))
    add_evidence (g, home, NULL, HW_EVIDENCE_TRAINING, NULL,
                  not_after_today (g, hw_date_add_days (move_in, kinship ? between (g, 10, 200)
                                                                     : between (g, -300, -10))));
  else if (g->kept)
    add_evidence (g, home, NULL, HW_EVIDENCE_TRAINING, NULL, caught_up (g, move_in));
  for (guint i = 0; i < members->len; i++)
    {
      HwHomeMember *m = members->pdata[i];

      if (m->role == HW_MEMBER_FOSTER_PARENT)
        {
          if (chance (g, p_cert))
            add_evidence (g, home, NULL, HW_EVIDENCE_POLICE_CERTIFICATE, m->rec.id,
                          not_after_today (g, hw_date_add_days (move_in, between (g, -60, 30))));
          else if (g->kept)
            add_evidence (g, home, NULL, HW_EVIDENCE_POLICE_CERTIFICATE, m->rec.id,
                          caught_up (g, move_in));
        }
      else if (m->role == HW_MEMBER_HOUSEHOLD && hw_date_age_on (m->birth_date, move_in) >= 15)
        {
          HwHomeEvidence *e = NULL;

          if (chance (g, kinship ? 0.3 : 0.7))
            e = add_evidence (g, home, NULL, HW_EVIDENCE_HOUSEHOLD_ASSESSMENT, m->rec.id,
                              not_after_today (g, hw_date_add_days (move_in,
                                                                    between (g, -30, 30))));
          else if (g->kept)
            e = add_evidence (g, home, NULL, HW_EVIDENCE_HOUSEHOLD_ASSESSMENT, m->rec.id,
                              caught_up (g, move_in));
          /* A kept case has the certificate the assessment asked for. */
          if (e && e->needed && g->kept)
            add_evidence (g, home, NULL, HW_EVIDENCE_POLICE_CERTIFICATE, m->rec.id,
                          not_after_today (g, hw_date_add_days (e->date, between (g, 5, 30))));
        }
    }
}

static void
add_plan (Gen *g, HwDossier *d, int type, HwDate date, int n_evaluations, int eval_months)
{
  HwPlan *plan = new_record (g, HW_ENTITY_PLAN, ((HwRecord *) d->root)->id);
  HwDate e = date;

  plan->plan_type = type;
  plan->start_date = not_after_today (g, date);
  plan->version = 1;
  hw_dossier_add (d, plan);
  /* A kept case goes on evaluating the plan, on time. */
  if (g->kept && eval_months > 0)
    n_evaluations = G_MAXINT;
  for (int i = 0; i < n_evaluations; i++)
    {
      HwPlanEvaluation *ev;

      e = hw_date_add_days (hw_date_add_months (e, eval_months),
                            g->kept ? between (g, -20, -1) : between (g, -15, 40));
      if (e > g->until)
        break;
      ev = new_record (g, HW_ENTITY_PLAN_EVALUATION, plan->case_id);
      ev->plan_id = g_strdup (plan->rec.id);
      ev->date = e;
      hw_dossier_add (d, ev);
    }
}

static void
add_samvaer (Gen *g, HwDossier *d, HwPerson *parent, HwDate from, HwDate to)
{
  HwSamvaerAgreement *a = new_record (g, HW_ENTITY_SAMVAER_AGREEMENT, parent->case_id);
  static const char *const rules[] = { "FREQ=MONTHLY;INTERVAL=1", "FREQ=WEEKLY;INTERVAL=2",
                                       "FREQ=MONTHLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=3" };
  HwDate last_eval = HW_DATE_NONE;
  /* Every session since the agreement began: the yearly minimum is counted per year. */
  HwDate session_from = from;
  HwDate next = from;
  int step = 30;

  a->person_id = g_strdup (parent->rec.id);
  /* A kept case's schedule leaves room above the tribunal's minimum for cancellations. */
  if (g->kept && g->min_samvaer > 0)
    a->rrule = g_strdup (g->min_samvaer <= 4 ? rules[2] : g->min_samvaer <= 6 ? rules[0]
                         : g->min_samvaer <= 12 ? rules[1] : "FREQ=WEEKLY;INTERVAL=1");
  else
    a->rrule = g_strdup (PICK (g, rules));
  if (g_str_equal (a->rrule, "FREQ=WEEKLY;INTERVAL=1"))
    step = 7;
  else if (g_str_has_prefix (a->rrule, "FREQ=WEEKLY"))
    step = 14;
  else if (g_str_has_suffix (a->rrule, "2"))
    step = 61;
  else if (g_str_has_suffix (a->rrule, "3"))
    step = 91;
  a->duration_minutes = PICK (g, ((const int[]) { 60, 120, 180 }));
  a->place = g_strdup (chance (g, 0.5) ? "Tjenestens samværsrom" : "Hjemme hos forelderen");
  a->supervised = chance (g, 0.6);
  if (a->supervised)
    a->supervisor = g_strdup ("Tilsynsfører fra tjenesten");
  a->valid_from = from;
  a->valid_to = to;
  if (chance (g, 0.7))
    {
      HwDate approved = hw_date_add_days (from, between (g, 0, 20));

      /* An approval still to come is not recorded yet. */
      if (approved <= g->today)
        {
          a->approved_by = g_strdup (g->leader_ids[0]);
          a->approved_date = approved;
        }
    }
  /* The team leader approved the older agreements long ago: only those of the last two
   * months wait (SAMVAER_AGREEMENT_APPROVAL). No random draw here, so the rest of the
   * caseload stays the same. */
  else if (from < hw_date_add_days (g->today, -60))
    {
      a->approved_by = g_strdup (g->leader_ids[0]);
      a->approved_date = hw_date_add_days (from, 7);
    }
  hw_dossier_add (d, a);

  /* Sessions: most held, some cancelled. */
  for (next = from; next <= not_after_today (g, to ? to : g->today); next = hw_date_add_days (next, step))
    {
      HwSamvaerSession *s;

      if (next < session_from)
        continue;
      s = new_record (g, HW_ENTITY_SAMVAER_SESSION, parent->case_id);
      s->agreement_id = g_strdup (a->rec.id);
      s->date = next;
      if (chance (g, g->kept ? 0.86 : 0.78))
        s->status = HW_SESSION_HELD;
      else
        s->status = PICK (g, ((const int[]) { HW_SESSION_CANCELLED_PARENT,
                                              HW_SESSION_CANCELLED_PARENT,
                                              HW_SESSION_CANCELLED_CHILD,
                                              HW_SESSION_CANCELLED_SERVICE }));
      if (s->status == HW_SESSION_HELD && a->supervised)
        s->report = g_strdup ("Samværet gikk fint; god kontakt mellom forelder og barn.");
      hw_dossier_add (d, s);
    }
  for (HwDate e = hw_date_add_months (from, 12); e <= g->today; e = hw_date_add_months (e, 12))
    if (chance (g, g->kept ? 0.99 : 0.55))
      {
        HwSamvaerEvaluation *ev = new_record (g, HW_ENTITY_SAMVAER_EVALUATION, parent->case_id);

        ev->agreement_id = g_strdup (a->rec.id);
        ev->date = hw_date_add_days (e, g->kept ? between (g, -30, -1) : between (g, -20, 30));
        e = ev->date;
        ev->date = MIN (ev->date, g->today);
        last_eval = ev->date;
        hw_dossier_add (d, ev);
      }
  (void) last_eval;
}

typedef struct {
  HwDemoSink home_sink;
  HwDemoSink case_sink;
  gpointer   user_data;
} Sinks;

static gboolean
make_child (Gen *g, guint index, const Sinks *sinks, GError **error)
{
  HwCase *c = new_record (g, HW_ENTITY_CASE, NULL);
  g_autoptr(HwDossier) d = hw_dossier_new (c);
  g_autoptr(HwDossier) home = NULL;
  HwChild *child = new_record (g, HW_ENTITY_CHILD, c->rec.id);
  HwPerson *mother, *father = NULL;
  const char *family = PICK (g, family_names);
  guint team = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (team_names));
  gboolean girl = chance (g, 0.5);
  int age_days, roll;
  const char *kind, *category;
  HwDate placed, ended = HW_DATE_NONE, care_date = HW_DATE_NONE;
  HwMeasure *m;
  HwDecision *dec, *emergency = NULL;
  gboolean foster, kinship;
  int worker;

  /* Ages 0–17, with extra weight on teenagers and some who just turned 18 (aftercare). */
  age_days = chance (g, 0.12) ? between (g, 16 * 365, 18 * 365 + 200) : between (g, 60, 17 * 365);
  child->birth_date = hw_date_add_days (g->today, -age_days);
  child->given_name = g_strdup (girl ? PICK (g, girl_names) : PICK (g, boy_names));
  child->family_name = g_strdup (family);
  child->sex = girl ? HW_SEX_FEMALE : HW_SEX_MALE;
  child->fnr = hw_identity_make_synthetic_for_sex (child->birth_date, girl ? 2 : 1,
                                                   g->sequence++);
  child->school = g_strdup (age_days > 6 * 365 ? "Solbakken skole" : "Tusenfryd barnehage");
  child->protected_address = chance (g, 0.04);

  placed = hw_date_add_days (g->today, -between (g, 20, MIN (age_days - 10, 7 * 365)));
  placed = MAX (placed, hw_date_add_days (child->birth_date, 45));
  c->journal_no = g_strdup_printf ("%d-%05u", hw_date_get_year (placed), index + 1);
  c->start_date = hw_date_add_days (placed, -between (g, 10, 200));
  c->start_date = MAX (c->start_date, child->birth_date);
  c->team_id = g_strdup (g->team_ids[team]);
  worker = g_rand_int_range (g->rand, 0, N_CASEWORKERS_PER_TEAM);
  c->caseworker_id = g_strdup (g->worker_ids[team][worker]);
  g->kept = chance (g, worker_keeps[team][worker]);
  g->min_samvaer = 0;
  g->until = g->today;
  c->municipality = g_strdup (MUNICIPALITY);
  c->summary = g_strdup ("Barnet trenger stabil omsorg og tett oppfølging på skolen. Kontakten "
                         "med foreldrene er viktig for barnet.");
  child->start_date = c->start_date;
  hw_dossier_add (d, child);

  mother = new_record (g, HW_ENTITY_PERSON, c->rec.id);
  mother->name = adult_name (g, family);
  mother->relation = HW_RELATION_MOTHER;
  mother->parental_responsibility = chance (g, 0.92);
  mother->birth_date = hw_date_add_years (child->birth_date, -between (g, 18, 40));
  mother->fnr = hw_identity_make_synthetic_for_sex (mother->birth_date, 2, g->sequence++);
  mother->protected_address = chance (g, 0.05);
  mother->address = g_strdup_printf ("Storgata %d", between (g, 1, 120));
  mother->phone = g_strdup_printf ("4%07d", between (g, 0, 9999999));
  hw_dossier_add (d, mother);
  if (chance (g, 0.7))
    {
      father = new_record (g, HW_ENTITY_PERSON, c->rec.id);
      father->name = g_strdup_printf ("%s %s", PICK (g, adult_names), PICK (g, family_names));
      father->relation = HW_RELATION_FATHER;
      father->parental_responsibility = chance (g, 0.55);
      father->birth_date = hw_date_add_years (child->birth_date, -between (g, 19, 45));
      hw_dossier_add (d, father);
    }
  if (chance (g, 0.3))
    {
      HwPerson *gp = new_record (g, HW_ENTITY_PERSON, c->rec.id);

      gp->name = adult_name (g, family);
      gp->relation = HW_RELATION_GRANDPARENT;
      hw_dossier_add (d, gp);
    }

  /* Legal basis: care orders, voluntary placements, emergencies. */
  roll = between (g, 0, 99);
  kind = roll < 55 ? "care" : roll < 85 ? "voluntary" : roll < 95 ? "emergency" : "behaviour";
  roll = between (g, 0, 99);
  category = roll < 35 ? "2.1" : roll < 68 ? "2.2" : roll < 78 ? "2.5" : roll < 92 ? "1.1" : "2.6";
  if (g_str_equal (kind, "behaviour"))
    category = "1.1";
  if (g_str_equal (kind, "emergency"))
    category = chance (g, 0.7) ? "2.5" : "2.1";
  foster = category[0] == '2';
  kinship = g_str_equal (category, "2.1") || g_str_equal (category, "2.6");

  if (g_str_equal (kind, "emergency"))
    {
      emergency = add_decision (g, d, "emergency", placed, HW_DECIDER_SERVICE);
      /* Most emergencies go on to the tribunal: a petition, then perhaps a care order. */
      if (chance (g, 0.8))
        {
          HwPetition *p = new_record (g, HW_ENTITY_PETITION, c->rec.id);
          HwDate sent = hw_date_add_days (placed, between (g, 10, 50));

          if (sent <= g->today)
            {
              p->date = sent;
              basis_for (&p->basis, sent, "care");
              hw_dossier_add (d, p);
            }
          else
            hw_record_free (p);
        }
    }

  m = new_record (g, HW_ENTITY_MEASURE, c->rec.id);
  basis_for (&m->basis, placed, g_str_equal (kind, "emergency") ? "emergency" : kind);
  m->category = g_strdup (category);
  m->start_date = placed;
  m->purpose = g_strdup ("Trygg omsorg mens foreldrene får hjelp");
  if (foster)
    {
      g_autoptr(GPtrArray) case_names = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *people = hw_dossier_get (d, HW_ENTITY_PERSON);

      g_ptr_array_add (case_names, g_strdup_printf ("%s %s", child->given_name,
                                                    child->family_name));
      for (guint k = 0; k < people->len; k++)
        g_ptr_array_add (case_names, g_strdup (((HwPerson *) people->pdata[k])->name));
      home = make_home (g, kinship ? HW_HOME_KINSHIP
                           : g_str_equal (category, "2.5") ? HW_HOME_EMERGENCY : HW_HOME_ORDINARY,
                        kinship ? family : PICK (g, family_names), placed, case_names);
      m->home_id = g_strdup (((HwRecord *) home->root)->id);
      m->tilsyn_municipality = g_strdup (((HwFosterHome *) home->root)->municipality);
      if (chance (g, 0.7) || g->kept)
        m->network_assessed = hw_date_add_days (placed, -between (g, 0, 30));
    }
  hw_dossier_add (d, m);
  if (emergency)
    link_decision (g, d, emergency, m);

  if (g_str_equal (kind, "care") || (g_str_equal (kind, "emergency") && chance (g, 0.5)))
    {
      care_date = g_str_equal (kind, "care") ? placed
                                             : hw_date_add_days (placed, between (g, 40, 120));
      if (care_date <= g->today)
        {
          /* An emergency placement that goes on under the care order: linked to both. */
          dec = add_decision (g, d, "care", care_date, HW_DECIDER_TRIBUNAL);
          link_decision (g, d, dec, m);
          g->min_samvaer = dec->min_samvaer_per_year;
        }
      else
        care_date = HW_DATE_NONE;
    }
  else if (g_str_equal (kind, "voluntary") || g_str_equal (kind, "behaviour"))
    link_decision (g, d, add_decision (g, d, kind, placed,
                                       g_str_equal (kind, "voluntary") ? HW_DECIDER_SERVICE
                                                                       : HW_DECIDER_TRIBUNAL), m);

  /* Some placements have ended: returned home (end reason 1), or turned 18 (2). */
  if (chance (g, 0.12) && hw_date_add_days (placed, 200) < g->today)
    {
      ended = hw_date_add_days (g->today, -between (g, 5, MIN (700, (int) (g->today - placed) - 100)));
      m->end_date = ended;
      m->end_reason = 1;
      {
        HwReturn *ret = new_record (g, HW_ENTITY_RETURN, c->rec.id);

        ret->date = ended;
        ret->planned = chance (g, 0.38);
        if (chance (g, 0.6) || g->kept)
          ret->offer_date = not_after_today (g, hw_date_add_days (ended, between (g, 0, 30)));
        ret->support = g_strdup ("Foreldreveiledning og ukentlige hjemmebesøk");
        hw_dossier_add (d, ret);
        if (ret->planned)
          add_plan (g, d, HW_PLAN_RETURN, hw_date_add_days (ended, -between (g, 20, 90)), 0, 0);
      }
      c->closed = chance (g, 0.3);
      if (c->closed)
        c->end_date = hw_date_add_days (ended, between (g, 0, 5));
    }
  /* A care order ends when the child turns 18; some voluntary placements go on. */
  else if (hw_date_age_on (child->birth_date, g->today) >= 18 &&
           (care_date != HW_DATE_NONE || chance (g, 0.4)))
    {
      ended = hw_date_birthday (child->birth_date, 18);
      if (ended > placed)
        {
          m->end_date = ended;
          m->end_reason = 2;
        }
    }

  g->until = ended ? ended : g->today;

  /* Frequencies and visits for foster homes. */
  if (foster)
    {
      HwDate until = ended ? ended : g->today;
      HwFrequency *fq = new_record (g, HW_ENTITY_FREQUENCY, c->rec.id);

      fq->measure_id = g_strdup (m->rec.id);
      fq->kind = HW_FREQUENCY_FOLLOWUP;
      fq->per_year = 4;
      fq->start_date = placed;
      hw_dossier_add (d, fq);
      if (hw_date_add_years (placed, 2) < until && chance (g, 0.15))
        {
          HwFrequency *red = new_record (g, HW_ENTITY_FREQUENCY, c->rec.id);

          fq->end_date = hw_date_add_days (hw_date_add_years (placed, 2), 29);
          red->measure_id = g_strdup (m->rec.id);
          red->kind = HW_FREQUENCY_FOLLOWUP;
          red->per_year = 2;
          red->start_date = hw_date_add_days (hw_date_add_years (placed, 2), 30);
          hw_dossier_add (d, red);
        }
      fq = new_record (g, HW_ENTITY_FREQUENCY, c->rec.id);
      fq->measure_id = g_strdup (m->rec.id);
      fq->kind = HW_FREQUENCY_TILSYN;
      fq->per_year = 4;
      fq->start_date = placed;
      hw_dossier_add (d, fq);

      add_visits (g, d, m, HW_VISIT_FOLLOWUP, 0.88, until);
      add_visits (g, d, m, HW_VISIT_TILSYN, 0.85, until);
      document_home (g, home, c->rec.id, placed, kinship || g_str_equal (category, "2.5"));
      if (placed >= hw_date_new (2024, 1, 1) && (chance (g, 0.5) || g->kept))
        add_plan (g, d, HW_PLAN_FOSTER_FAMILY, hw_date_add_days (placed, between (g, 5, 80)), 0, 0);
    }
  else
    /* The care municipality's visits to a child in an institution (INSTITUTION_VISIT). */
    add_visits (g, d, m, HW_VISIT_FOLLOWUP, 0.8, ended ? ended : g->today);

  /* Plans: care plans for care orders (some late, some missing), measure plans. */
  if (care_date)
    {
      gboolean old_act = care_date < hw_date_new (2023, 1, 1);

      if (chance (g, 0.72) || g->kept)
        {
          HwDate made = hw_date_add_days (care_date, between (g, 5, 90));

          /* The preliminary care plan is the 1992 act's: a plan code SSB closed in 2023. */
          add_plan (g, d, made < hw_date_new (2023, 1, 1) && chance (g, 0.5)
                          ? HW_PLAN_CARE_PRELIMINARY : HW_PLAN_CARE,
                    made, between (g, 0, 4), 12);
        }
      if (old_act && (chance (g, 0.5) || g->kept))
        add_plan (g, d, HW_PLAN_CARE, hw_date_add_days (care_date, between (g, 300, 800)), 1, 12);
      if (!old_act && (chance (g, 0.55) || g->kept))
        add_plan (g, d, HW_PLAN_SAMVAER, hw_date_add_days (care_date, between (g, 10, 70)), 0, 0);
    }
  if (g_str_equal (kind, "voluntary") && (chance (g, 0.75) || g->kept))
    add_plan (g, d, HW_PLAN_MEASURES, hw_date_add_days (placed, between (g, -10, 30)),
              between (g, 0, 8), 3);
  if (hw_date_age_on (child->birth_date, g->today) >= 18 && (chance (g, 0.5) || g->kept))
    add_plan (g, d, HW_PLAN_AFTERCARE,
              hw_date_add_days (hw_date_birthday (child->birth_date, 18), between (g, -60, 60)),
              0, 0);
  if (hw_date_age_on (child->birth_date, g->today) >= 17 && (chance (g, 0.35) || g->kept))
    {
      HwAftercare *a = new_record (g, HW_ENTITY_AFTERCARE, c->rec.id);

      a->kind = chance (g, 0.5) ? HW_AFTERCARE_OFFER : HW_AFTERCARE_ASSESSMENT;
      a->date = not_after_today (g, hw_date_add_days (hw_date_birthday (child->birth_date, 18),
                                                 -between (g, 30, 200)));
      if (a->kind == HW_AFTERCARE_OFFER && chance (g, 0.6))
        {
          a->conclusion = 1;
          a->conclusion_date = not_after_today (g, hw_date_add_days (a->date, between (g, 5, 40)));
        }
      hw_dossier_add (d, a);
    }

  /* Parents: first contact, measures, referrals, samvær. */
  if (care_date)
    {
      HwPerson *parents[2] = { mother, father };

      for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
        {
          HwPerson *p = parents[i];

          if (p == NULL || !p->parental_responsibility)
            continue;
          if (chance (g, 0.62) || g->kept)
            {
              HwParentFollowup *f = new_record (g, HW_ENTITY_PARENT_FOLLOWUP, c->rec.id);

              f->person_id = g_strdup (p->rec.id);
              f->kind = HW_FOLLOWUP_FIRST_CONTACT;
              f->date = not_after_today (g, hw_date_add_days (care_date, between (g, 2, 40)));
              f->guidance_offered = TRUE;
              f->notes = g_strdup ("Første samtale etter omsorgsovertakelsen; tilbudt veiledning.");
              hw_dossier_add (d, f);
            }
          if (chance (g, 0.35))
            {
              HwParentFollowup *f = new_record (g, HW_ENTITY_PARENT_FOLLOWUP, c->rec.id);

              f->person_id = g_strdup (p->rec.id);
              f->kind = HW_FOLLOWUP_REFERRAL;
              f->date = not_after_today (g, hw_date_add_days (care_date, between (g, 20, 200)));
              f->provider = g_strdup (PICK (g, ((const char *const[]) {
                                         "NAV", "DPS", "Familievernkontoret", "TSB" })));
              f->consent = TRUE;
              f->accepted = chance (g, 0.7);
              hw_dossier_add (d, f);
            }
        }
      {
        HwDate from = hw_date_add_days (care_date, between (g, 5, 30));

        if (chance (g, 0.8) && from <= g->today && (ended == HW_DATE_NONE || from < ended))
          add_samvaer (g, d, mother, from, ended);
      }
      /* Reunification: a goal recorded in about a quarter; assessments now and then. */
      /* A kept case records the goal within the care plan's time and reassesses it yearly. */
      if (chance (g, 0.27) || g->kept)
        {
          HwDate a = hw_date_add_days (care_date, g->kept ? between (g, 10, 40)
                                                          : between (g, 20, 120));
          gboolean first = TRUE;

          for (; a <= g->until;
               a = hw_date_add_days (hw_date_add_months (a, 12),
                                     g->kept ? between (g, -40, -1) : between (g, -30, 90)))
            {
              HwReunification *r = new_record (g, HW_ENTITY_REUNIFICATION, c->rec.id);

              r->date = a;
              r->goal = first ? (chance (g, 0.6) ? HW_GOAL_RETURN_HOME : HW_GOAL_LONG_TERM)
                              : HW_GOAL_NONE;
              r->grounds = g_strdup ("Foreldrene følger veiledningsprogrammet; samværene går bra.");
              r->child_views = g_strdup ("Barnet ønsker mer tid med mor.");
              hw_dossier_add (d, r);
              first = FALSE;
            }
          /* Now and then the latest assessment changes the goal: a return in preparation
           * (with or without a return plan), or the goal given up (grounds not always
           * written: the gap the Supreme Court has criticised). */
          if (ended == HW_DATE_NONE && chance (g, 0.25))
            {
              HwReunification *r = new_record (g, HW_ENTITY_REUNIFICATION, c->rec.id);

              r->date = hw_date_add_days (g->today, -between (g, 10, 120));
              r->date = r->date < care_date ? care_date : r->date;
              if (chance (g, 0.5))
                {
                  r->goal = HW_GOAL_RETURN_IN_PREPARATION;
                  r->planned_return = hw_date_add_days (r->date, between (g, 30, 150));
                  r->prerequisites = g_strdup ("Stabil bolig og fortsatt rusbehandling for mor.");
                  if (chance (g, 0.4) || g->kept)
                    add_plan (g, d, HW_PLAN_RETURN, hw_date_add_days (r->date, between (g, 5, 30)),
                              0, 0);
                }
              else
                {
                  r->goal = HW_GOAL_ABANDONED;
                  if (chance (g, 0.6) || g->kept)
                    r->grounds = g_strdup ("Barnet har fått sterk tilknytning til fosterhjemmet; "
                                           "foreldrene har ikke klart å endre situasjonen.");
                }
              hw_dossier_add (d, r);
            }
        }
    }

  if (c->closed)
    end_open_records (d, c->end_date);
  if (home && !sinks->home_sink (home, sinks->user_data, error))
    return FALSE;
  return sinks->case_sink (d, sinks->user_data, error);
}

static void
gen_init (Gen *g, const HwDemoOptions *options)
{
  g->rand = g_rand_new_with_seed (options->seed);
  g->today = options->today ? options->today : hw_date_today ();
  for (guint t = 0; t < G_N_ELEMENTS (team_names); t++)
    {
      g->team_ids[t] = make_uuid (g);
      g->leader_ids[t] = make_uuid (g);
      for (guint w = 0; w < N_CASEWORKERS_PER_TEAM; w++)
        g->worker_ids[t][w] = make_uuid (g);
    }
}

static void
gen_clear (Gen *g)
{
  for (guint t = 0; t < G_N_ELEMENTS (team_names); t++)
    {
      g_free (g->team_ids[t]);
      g_free (g->leader_ids[t]);
      for (guint w = 0; w < N_CASEWORKERS_PER_TEAM; w++)
        g_free (g->worker_ids[t][w]);
    }
  g_rand_free (g->rand);
}

static gboolean
run (Gen *g, const HwDemoOptions *options, const Sinks *sinks, HwDemoProgress progress,
     gpointer user_data, GError **error)
{
  for (guint i = 0; i < options->n_children; i++)
    {
      if (!make_child (g, i, sinks, error))
        return FALSE;
      if (progress && ((i + 1) % 500 == 0 || i + 1 == options->n_children))
        progress (i + 1, options->n_children, user_data);
    }
  return TRUE;
}

gboolean
hw_demo_generate (const HwDemoOptions *options,
                  HwDemoSink           home_sink,
                  HwDemoSink           case_sink,
                  HwDemoProgress       progress,
                  gpointer             user_data,
                  GError             **error)
{
  Gen g = { 0 };
  Sinks sinks = { home_sink, case_sink, user_data };
  gboolean ok;

  gen_init (&g, options);
  ok = run (&g, options, &sinks, progress, user_data, error);
  gen_clear (&g);
  return ok;
}

typedef struct {
  const HwDemoWriter *writer;
  gpointer            data;
} Writer;

static gboolean
writer_sink (HwDossier *dossier, gpointer user_data, GError **error)
{
  Writer *w = user_data;

  return w->writer->save_dossier (w->data, dossier, error);
}

static gboolean
write_staff (Gen *g, const Writer *out, GError **error)
{
  static const char *const workers[] = {
    "Hanne Kristiansen", "Jonas Eriksen", "Marte Lie", "Ali Hassan", "Silje Johansen",
    "Petter Holm", "Nina Andersen", "Ravi Singh", "Tuva Berge", "Kristoffer Moe",
    "Ingvild Sørensen", "Sofia Lund",
  };
  static const char *const leaders[] = { "Berit Nordby", "Stian Hauge", "Liv Aasen" };

  for (guint t = 0; t < G_N_ELEMENTS (team_names); t++)
    {
      HwTeam *team = hw_record_new (HW_ENTITY_TEAM);
      HwStaff *leader = hw_record_new (HW_ENTITY_STAFF);
      gboolean ok;

      g_free (team->rec.id);
      team->rec.id = g_strdup (g->team_ids[t]);
      team->name = g_strdup (team_names[t]);
      g_free (leader->rec.id);
      leader->rec.id = g_strdup (g->leader_ids[t]);
      leader->name = g_strdup (leaders[t]);
      leader->username = g_ascii_strdown (leaders[t], 4);
      leader->role = HW_ROLE_TEAM_LEADER;
      leader->team_id = g_strdup (g->team_ids[t]);
      ok = out->writer->save_record (out->data, team, error) &&
           out->writer->save_record (out->data, leader, error);
      hw_record_free (team);
      hw_record_free (leader);
      if (!ok)
        return FALSE;
      for (guint w = 0; w < N_CASEWORKERS_PER_TEAM; w++)
        {
          HwStaff *s = hw_record_new (HW_ENTITY_STAFF);
          const char *name = workers[t * N_CASEWORKERS_PER_TEAM + w];

          g_free (s->rec.id);
          s->rec.id = g_strdup (g->worker_ids[t][w]);
          s->name = g_strdup (name);
          s->username = g_ascii_strdown (name, 4);
          s->role = HW_ROLE_CASEWORKER;
          s->team_id = g_strdup (g->team_ids[t]);
          ok = out->writer->save_record (out->data, s, error);
          hw_record_free (s);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
hw_demo_write (const HwDemoWriter  *writer,
               gpointer             writer_data,
               const HwDemoOptions *options,
               HwDemoProgress       progress,
               gpointer             user_data,
               GError             **error)
{
  Gen g = { 0 };
  Writer w = { writer, writer_data };
  Sinks sinks = { writer_sink, writer_sink, &w };
  gboolean ok;
  const guint batch = 1000;

  gen_init (&g, options);
  /* One transaction per batch of children: a crash loses at most the batch in progress, and
   * the file is not locked for the whole run. */
  ok = writer->begin (writer_data, error);
  ok = ok && write_staff (&g, &w, error);
  for (guint i = 0; ok && i < options->n_children; i++)
    {
      ok = make_child (&g, i, &sinks, error);
      if (ok && (i + 1) % batch == 0)
        ok = writer->commit (writer_data, error) && writer->begin (writer_data, error);
      if (ok && progress && ((i + 1) % batch == 0 || i + 1 == options->n_children))
        progress (i + 1, options->n_children, user_data);
    }
  if (ok)
    ok = writer->commit (writer_data, error);
  else
    writer->rollback (writer_data);
  gen_clear (&g);
  return ok;
}
