/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-ssb-controls"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-identity.h"
#include "hw-ssb-private.h"

/* SSB's validation rules (Kravspesifikasjon.md) for the parts of a Sak that Homeward keeps.
 * Each finding is a warning named like SSB's rule, with SSB's severity; the data is imported
 * all the same, so that what SSB would reject is visible instead of silently kept or dropped.
 * Rules about Melding and Undersøkelse are left out: Homeward does not keep those. The rules
 * the store itself enforces (an end before its start, an invalid identity number) refuse the
 * import instead (hw-ssb-import.c). */

#define CHANGE_OF_ACT hw_date_new (2023, 1, 1)

typedef struct {
  HwSsbSak *sak;
  HwCase   *kase;
  HwChild  *child;
  HwDate    birth;
  GHashTable *relations;   /* "FromType:from-id>ToType:to-id" */
} Check;

static void
report (Check *k, gconstpointer record, const char *control, const char *severity,
        const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Kravspesifikasjon: data reported before through KOSTRA, which carries a MigrertId, has
 * every ERROR as a WARNING. The record's own MigrertId, or for records SSB gives none
 * (Personalia, Status, Evaluering, the Sak's own rules) the Sak's. */
static gboolean
is_migrated (Check *k, gconstpointer record)
{
  const HwRecord *rec = record;
  const HwField *field = NULL;
  g_autofree char *value = NULL;

  if (rec)
    field = hw_entity_find_field (hw_entity_info (rec->entity), "migrated_id");
  if (field == NULL)
    return k->kase->migrated_id != NULL;
  value = hw_field_dup_string (rec, field);
  return value != NULL && *value != '\0';
}

static void
report (Check *k, gconstpointer record, const char *control, const char *severity,
        const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (g_strcmp0 (severity, "ERROR") == 0 && is_migrated (k, record))
    severity = "WARNING";
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hw_import_warn (k->sak->ctx, record ? hw_ssb_sak_line (k->sak, record) : k->sak->line,
                  control, severity, "%s", message);
}

static GPtrArray *
get (Check *k, HwEntity entity)
{
  return hw_dossier_get (k->sak->dossier, entity);
}

static char *
iso (HwDate date)
{
  return hw_ssb_dup_date (date);
}

static gboolean
has_relation (Check *k, const char *from_type, const char *from_id, const char *to_type,
              const char *to_id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s>%s:%s", from_type, from_id ? from_id : "*",
                                          to_type, to_id ? to_id : "*");

  return g_hash_table_contains (k->relations, key);
}

static void
index_relations (Check *k)
{
  GPtrArray *a = get (k, HW_ENTITY_RELATION);

  for (guint i = 0; i < a->len; i++)
    {
      HwRelation *r = a->pdata[i];

      g_hash_table_add (k->relations, g_strdup_printf ("%s:%s>%s:%s", r->from_type, r->from_id,
                                                        r->to_type, r->to_id));
      /* Any relation of the kind, whichever records it joins. */
      g_hash_table_add (k->relations, g_strdup_printf ("%s:*>%s:%s", r->from_type, r->to_type,
                                                        r->to_id));
      g_hash_table_add (k->relations, g_strdup_printf ("%s:%s>%s:*", r->from_type, r->from_id,
                                                        r->to_type));
    }
}

/* The age the rules look at: on the day the record ends, or on the extract date if later. */
static int
age_on (Check *k, HwDate date)
{
  if (k->birth == HW_DATE_NONE)
    return -1;
  if (date == HW_DATE_NONE || date > k->sak->extract)
    date = k->sak->extract;
  return hw_date_age_on (k->birth, date);
}

/* ---- dates against the case's (the "2c/2e/2f" rules) ---- */

static void
check_within_case (Check *k, gconstpointer record, const char *element, const char *prefix,
                   HwDate start, HwDate end)
{
  g_autofree char *control = NULL;

  /* The store takes dates up to nine months before the birth (Personalia kontroll 16: a case
   * may start before the child is born); one before the birth is still worth a look. */
  if (start && k->birth && start < k->birth)
    {
      g_autofree char *a = iso (start), *b = iso (k->birth);

      report (k, record, NULL, "WARNING", _("%s starts (%s) before the child's birth date (%s)"),
              element, a, b);
    }
  if (end && k->kase->end_date && end > k->kase->end_date)
    {
      g_autofree char *a = iso (end), *b = iso (k->kase->end_date);

      control = g_strdup_printf ("%s kontroll 2c", prefix);
      report (k, record, control, "ERROR", _("%s ends (%s) after the case ends (%s)"), element,
              a, b);
    }
  if (start && k->kase->start_date && start < k->kase->start_date)
    {
      g_autofree char *a = iso (start), *b = iso (k->kase->start_date);

      g_free (control);
      control = g_strdup_printf ("%s kontroll 2e", prefix);
      report (k, record, control, "ERROR", _("%s starts (%s) before the case starts (%s)"),
              element, a, b);
    }
}

static void
check_act (Check *k, gconstpointer record, const char *control, HwDate date,
           const HwLegalBasis *basis)
{
  if (date == HW_DATE_NONE || basis->law == NULL)
    return;
  if (date < CHANGE_OF_ACT && g_str_equal (basis->law, "BVL2021"))
    report (k, record, control, "ERROR",
            _("a legal basis from before 1 January 2023 must cite the 1992 act (BVL), not "
              "BVL2021"));
  else if (date >= CHANGE_OF_ACT && g_str_equal (basis->law, "BVL"))
    report (k, record, control, "ERROR",
            _("a legal basis from 1 January 2023 on must cite the 2021 act (BVL2021), not BVL"));
}

/* Tiltak kontroll 14: no part of a legal basis may be 0. */
static gboolean
list_has_zero (const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return FALSE;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    if (strspn (items[i], "0") == strlen (items[i]) && *items[i])
      return TRUE;
  return FALSE;
}

/* Kontroll 19: records of one kind with the same content under different Ids. */
static void
check_duplicates (Check *k, HwEntity entity, const char *control, const char *severity,
                  const char *element)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  g_autoptr(GHashTable) contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *a = get (k, entity);

  if (a->len < 2)
    return;
  for (guint i = 0; i < a->len; i++)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      HwRecord *other;

      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *v = NULL;

          /* An id from another system is not content. */
          if (info->fields[f].flags & (HW_FIELD_OWNER | HW_FIELD_PROSE) ||
              g_str_equal (info->fields[f].name, "migrated_id"))
            continue;
          v = hw_field_dup_string (a->pdata[i], &info->fields[f]);
          g_string_append (key, v ? v : "");
          g_string_append_c (key, '\x1f');
        }
      other = g_hash_table_lookup (contents, key->str);
      if (other)
        report (k, a->pdata[i], control, severity,
                _("%s %s has the same content as %s, under another Id"), element,
                ((HwRecord *) a->pdata[i])->id, other->id);
      else
        g_hash_table_insert (contents, g_string_free (g_steal_pointer (&key), FALSE),
                             a->pdata[i]);
    }
}

/* ---- Sak and Personalia ---- */

static gboolean
is_open (Check *k, gboolean with_decisions)
{
  GPtrArray *a;

  a = get (k, HW_ENTITY_MEASURE);
  for (guint i = 0; i < a->len; i++)
    if (((HwMeasure *) a->pdata[i])->end_date == HW_DATE_NONE)
      return TRUE;
  a = get (k, HW_ENTITY_PLAN);
  for (guint i = 0; i < a->len; i++)
    if (((HwPlan *) a->pdata[i])->end_date == HW_DATE_NONE)
      return TRUE;
  a = get (k, HW_ENTITY_AFTERCARE);
  for (guint i = 0; i < a->len; i++)
    if (((HwAftercare *) a->pdata[i])->conclusion_date == HW_DATE_NONE)
      return TRUE;
  if (with_decisions)
    {
      a = get (k, HW_ENTITY_DECISION);
      for (guint i = 0; i < a->len; i++)
        if (((HwDecision *) a->pdata[i])->end_date == HW_DATE_NONE)
          return TRUE;
    }
  return FALSE;
}

static void
check_sak (Check *k)
{
  HwCase *c = k->kase;
  gboolean open = c->end_date == HW_DATE_NONE || is_open (k, FALSE);
  int age = k->birth ? hw_date_age_on (k->birth, k->sak->extract) : -1;

  if (age >= 25 && open)
    report (k, NULL, "Sak kontroll 7", "WARNING",
            _("the client is %d and should no longer be a client of the service"), age);
  if (age >= 18 && get (k, HW_ENTITY_MEASURE)->len == 0 && open)
    report (k, NULL, "Sak kontroll 8", "ERROR",
            _("the client is %d and must then have a measure (Tiltak)"), age);
  if (c->end_date == HW_DATE_NONE && k->sak->n_melding == 0 && k->sak->n_undersokelse == 0 &&
      get (k, HW_ENTITY_DECISION)->len == 0 && get (k, HW_ENTITY_MEASURE)->len == 0 &&
      get (k, HW_ENTITY_PLAN)->len == 0 && get (k, HW_ENTITY_AFTERCARE)->len == 0 &&
      get (k, HW_ENTITY_PETITION)->len == 0)
    report (k, NULL, "Sak kontroll 21", "ERROR",
            _("the open case has no report, investigation, decision, measure, plan, aftercare "
              "or petition: it should be closed"));
  if (c->end_date != HW_DATE_NONE && is_open (k, TRUE))
    report (k, NULL, "Sak kontroll 23", "INFO",
            _("the case is closed, but some of its decisions, measures, plans or aftercare "
              "have no end date"));
  if (get (k, HW_ENTITY_CHILD)->len == 0)
    report (k, NULL, "Personalia kontroll 11", "ERROR",
            _("the case has no Personalia: the child is unknown"));
}

static void
check_personalia (Check *k, HwChild *child)
{
  const char *fnr = child->fnr;
  const char *tail = fnr + 6;
  HwIdentityKind kind = HW_IDENTITY_FNR;

  hw_identity_validate (fnr, &kind, NULL, NULL);

  if (k->kase->end_date && child->start_date > k->kase->end_date)
    {
      g_autofree char *a = iso (child->start_date), *b = iso (k->kase->end_date);

      report (k, child, "Personalia kontroll 2f", "ERROR",
              _("Personalia starts (%s) after the case ends (%s)"), a, b);
    }
  /* The ninth digit is odd for boys, even for girls (SSB's stand-ins follow it: 00100 a boy,
   * 00200 a girl); 99999 is an unborn child's. */
  if (!g_str_equal (tail, "99999"))
    {
      HwSex from_number = (fnr[8] - '0') % 2 ? HW_SEX_MALE : HW_SEX_FEMALE;

      if (child->sex != from_number)
        report (k, child, "Personalia kontroll 14", "ERROR",
                _("the identity number and Kjonn point to different sexes"));
    }
  else if (child->start_date && child->birth_date && child->start_date > child->birth_date)
    report (k, child, "Personalia kontroll 15", "ERROR",
            _("the child is born, but the identity number is still the unborn child's (99999)"));
  if (child->start_date && child->birth_date &&
      child->start_date < hw_date_add_months (child->birth_date, -9))
    {
      g_autofree char *a = iso (child->start_date), *b = iso (child->birth_date);

      report (k, child, "Personalia kontroll 16", "ERROR",
              _("Personalia starts (%s) more than 9 months before the birth date (%s)"), a, b);
    }
  if (g_str_equal (tail, "00100") || g_str_equal (tail, "00200") ||
      g_str_equal (tail, "99999"))
    report (k, child, "Personalia kontroll 18", "INFO",
            _("an incomplete identity number must be replaced by the fødselsnummer, DUF or "
              "D-number from the population register (case %s)"), k->kase->journal_no);
  else if (kind == HW_IDENTITY_DNR)
    report (k, child, "Personalia kontroll 18", "INFO",
            _("use the DUF or fødselsnummer instead of the D-number if the population register "
              "has one (case %s)"), k->kase->journal_no);
}

/* ---- Vedtak ---- */

static void
check_vedtak (Check *k, HwDecision *d)
{
  GPtrArray *statuses = get (k, HW_ENTITY_DECISION_STATUS);
  gboolean lapsed = FALSE, refused = FALSE, petitioned = FALSE;

  check_within_case (k, d, "Vedtak", "Vedtak", d->start_date, d->end_date);
  for (guint i = 0; i < statuses->len; i++)
    {
      HwDecisionStatus *st = statuses->pdata[i];

      if (g_strcmp0 (st->decision_id, d->rec.id) != 0)
        continue;
      lapsed |= st->code == 3;
      refused |= st->code == 4;
      petitioned |= st->code == 2;
      if (d->end_date && st->date > d->end_date)
        {
          g_autofree char *a = iso (st->date), *b = iso (d->end_date);

          report (k, st, "Vedtak kontroll 2i", "INFO",
                  _("the status changed (%s) after the decision ended (%s)"), a, b);
        }
      if (d->start_date && st->date && st->date < d->start_date)
        {
          g_autofree char *a = iso (st->date), *b = iso (d->start_date);

          report (k, st, "Vedtak kontroll 2j", "INFO",
                  _("the status changed (%s) before the decision was made (%s)"), a, b);
        }
    }
  if (d->end_date == HW_DATE_NONE && lapsed)
    report (k, d, "Vedtak kontroll 3", "ERROR",
            _("a decision with status 3 (lapsed) needs an end date (Konklusjon/SluttDato)"));
  if (d->end_date == HW_DATE_NONE && refused)
    report (k, d, "Vedtak kontroll 3", "ERROR",
            _("a decision with status 4 (refused/closed) needs an end date "
              "(Konklusjon/SluttDato)"));
  check_act (k, d, "Vedtak kontroll 5", d->start_date, &d->basis);
  if (petitioned)
    {
      gboolean related = FALSE, found = FALSE;
      GPtrArray *rels = get (k, HW_ENTITY_RELATION);

      for (guint i = 0; i < rels->len; i++)
        {
          HwRelation *r = rels->pdata[i];
          const char *other = NULL;

          if (g_strcmp0 (r->from_type, "Vedtak") == 0 && g_strcmp0 (r->from_id, d->rec.id) == 0 &&
              g_strcmp0 (r->to_type, "OversendelseFylkesnemnd") == 0)
            other = r->to_id;
          else if (g_strcmp0 (r->to_type, "Vedtak") == 0 && g_strcmp0 (r->to_id, d->rec.id) == 0 &&
                   g_strcmp0 (r->from_type, "OversendelseFylkesnemnd") == 0)
            other = r->from_id;
          if (other)
            {
              related = TRUE;
              found |= hw_dossier_find (k->sak->dossier, HW_ENTITY_PETITION, other) != NULL;
            }
        }
      if (!related)
        report (k, d, "Vedtak kontroll 20", "WARNING",
                _("a decision with status 2 (petition sent to the tribunal) needs a Relasjon to "
                  "its OversendelseFylkesnemnd"));
      else if (!found)
        report (k, d, "Vedtak kontroll 20", "WARNING",
                _("the OversendelseFylkesnemnd related to this decision with status 2 is "
                  "missing"));
    }
}

/* ---- Tiltak ---- */

static HwDate
period_end (Check *k, const HwMeasure *m)
{
  return m->end_date ? m->end_date : k->sak->extract;
}

static void
check_overlaps (Check *k)
{
  GPtrArray *a = get (k, HW_ENTITY_MEASURE);
  g_autoptr(GPtrArray) placements = g_ptr_array_new ();

  for (guint i = 0; i < a->len; i++)
    if (hw_ssb_is_placement (((HwMeasure *) a->pdata[i])->category))
      g_ptr_array_add (placements, a->pdata[i]);
  /* Placements are few per case; a pathological Sak is bounded by the reader's limits. */
  for (guint i = 0; i < placements->len && i < 2000; i++)
    for (guint j = i + 1; j < placements->len && j < 2000; j++)
      {
        HwMeasure *x = placements->pdata[i], *y = placements->pdata[j];
        HwDate from = MAX (x->start_date, y->start_date);
        HwDate to = MIN (period_end (k, x), period_end (k, y));

        if (to > from && to - from > 90)
          {
            g_autofree char *a1 = iso (from), *a2 = iso (to);

            report (k, y, "Tiltak kontroll 9", "WARNING",
                    _("placements overlap from %s to %s (%u days, more than 90) with Tiltak %s"),
                    a1, a2, (guint) (to - from), x->rec.id);
          }
      }
}

static void
check_tiltak (Check *k, HwMeasure *m)
{
  const HwLegalBasis *b = &m->basis;
  gboolean care = hw_ssb_is_care_order (b);
  gboolean placement = hw_ssb_is_placement (m->category);
  int age = age_on (k, m->end_date);

  check_within_case (k, m, "Tiltak", "Tiltak", m->start_date, m->end_date);
  if (age > 7 && g_strcmp0 (m->category, "4.1") == 0)
    report (k, m, "Tiltak kontroll 5", "WARNING",
            _("the child is over 7 (%d) and in kindergarten"), age);
  if (age > 11 && g_strcmp0 (m->category, "4.2") == 0)
    report (k, m, "Tiltak kontroll 6", "WARNING",
            _("the child is over 11 (%d) and in after-school care (SFO)"), age);
  if (care && placement && m->end_date && m->end_reason == 0)
    report (k, m, "Tiltak kontroll 12", "ERROR",
            _("a care order placement with an end date needs the reason it ended "
              "(Opphevelse)"));
  if (care && m->end_date == HW_DATE_NONE && k->birth &&
      hw_date_age_on (k->birth, k->sak->extract) >= 18)
    report (k, m, "Tiltak kontroll 13", "ERROR",
            _("the client is %d and can no longer be under a care order"),
            hw_date_age_on (k->birth, k->sak->extract));
  if (g_strcmp0 (b->chapter, "0") == 0 || g_strcmp0 (b->section, "0") == 0 ||
      list_has_zero (b->ledd) || list_has_zero (b->punktum))
    report (k, m, "Tiltak kontroll 14", "ERROR",
            _("no chapter, section, subsection or sentence of a legal basis may be 0"));

  if (!has_relation (k, "Vedtak", NULL, "Tiltak", m->rec.id))
    report (k, m, "Tiltak kontroll 20", "ERROR",
            _("a measure needs a Relasjon from the decision (Vedtak) it carries out"));
  else
    {
      GPtrArray *rels = get (k, HW_ENTITY_RELATION);

      for (guint i = 0; i < rels->len; i++)
        {
          HwRelation *r = rels->pdata[i];
          HwDecision *d;

          if (g_strcmp0 (r->from_type, "Vedtak") != 0 || g_strcmp0 (r->to_type, "Tiltak") != 0 ||
              g_strcmp0 (r->to_id, m->rec.id) != 0)
            continue;
          d = hw_dossier_find (k->sak->dossier, HW_ENTITY_DECISION, r->from_id);
          if (d && (g_strcmp0 (d->basis.law, b->law) != 0 ||
                    g_strcmp0 (d->basis.chapter, b->chapter) != 0 ||
                    g_strcmp0 (d->basis.section, b->section) != 0))
            report (k, m, "Tiltak kontroll 21", "ERROR",
                    _("the measure's legal basis (%s § %s-%s) differs from its decision's "
                      "(%s § %s-%s)"), b->law, b->chapter, b->section, d->basis.law,
                    d->basis.chapter, d->basis.section);
        }
    }
  if (k->sak->extract >= CHANGE_OF_ACT && g_strcmp0 (m->category, "1.99") == 0)
    report (k, m, "Tiltak kontroll 22", "WARNING",
            _("only placements (institutions) may have category 1.99; an administrative "
              "decision with 1.99 should be deleted"));
  if (k->sak->extract >= CHANGE_OF_ACT && g_strcmp0 (m->category, "2.99") == 0)
    report (k, m, "Tiltak kontroll 23", "WARNING",
            _("only placements (foster homes) may have category 2.99; an administrative "
              "decision with 2.99 should be deleted"));
}

/* ---- Plan, Ettervern, Flytting, OversendelseFylkesnemnd ---- */

static void
check_plan (Check *k, HwPlan *p)
{
  GPtrArray *evals = get (k, HW_ENTITY_PLAN_EVALUATION);

  check_within_case (k, p, "Plan", "Plan", p->start_date, p->end_date);
  for (guint i = 0; i < evals->len; i++)
    {
      HwPlanEvaluation *ev = evals->pdata[i];

      if (g_strcmp0 (ev->plan_id, p->rec.id) != 0)
        continue;
      if (p->end_date && k->kase->end_date && ev->date > k->kase->end_date)
        {
          g_autofree char *a = iso (ev->date), *b = iso (k->kase->end_date);

          report (k, ev, "Plan kontroll 2f", "ERROR",
                  _("the evaluation (%s) is after the case ends (%s)"), a, b);
        }
      if (k->kase->start_date && ev->date < k->kase->start_date)
        {
          g_autofree char *a = iso (ev->date), *b = iso (k->kase->start_date);

          report (k, ev, "Plan kontroll 2g", "ERROR",
                  _("the evaluation (%s) is before the case starts (%s)"), a, b);
        }
    }
}

static void
check_rest (Check *k)
{
  GPtrArray *a;

  a = get (k, HW_ENTITY_AFTERCARE);
  for (guint i = 0; i < a->len; i++)
    {
      HwAftercare *x = a->pdata[i];

      if (x->kind == HW_AFTERCARE_OFFER)
        check_within_case (k, x, "Ettervern", "Ettervern", x->date, x->conclusion_date);
    }
  a = get (k, HW_ENTITY_MOVE);
  for (guint i = 0; i < a->len; i++)
    {
      HwMove *mv = a->pdata[i];

      if (k->kase->end_date && mv->date > k->kase->end_date)
        {
          g_autofree char *x = iso (mv->date), *y = iso (k->kase->end_date);

          report (k, mv, "Flytting kontroll 2c", "ERROR",
                  _("the move (%s) is after the case ends (%s)"), x, y);
        }
      if (k->kase->start_date && mv->date < k->kase->start_date)
        {
          g_autofree char *x = iso (mv->date), *y = iso (k->kase->start_date);

          report (k, mv, "Flytting kontroll 2f", "ERROR",
                  _("the move (%s) is before the case starts (%s)"), x, y);
        }
    }
  a = get (k, HW_ENTITY_PETITION);
  for (guint i = 0; i < a->len; i++)
    {
      HwPetition *p = a->pdata[i];

      if (k->kase->start_date && p->date < k->kase->start_date)
        {
          g_autofree char *x = iso (p->date), *y = iso (k->kase->start_date);

          report (k, p, "Oversendelse til fylkesnemnd kontroll 2e", "ERROR",
                  _("the petition (%s) was sent before the case starts (%s)"), x, y);
        }
      if (k->kase->end_date && p->date > k->kase->end_date)
        {
          g_autofree char *x = iso (p->date), *y = iso (k->kase->end_date);

          report (k, p, "Oversendelse til fylkesnemnd kontroll 2f", "ERROR",
                  _("the petition (%s) was sent after the case ends (%s)"), x, y);
        }
      check_act (k, p, "Oversendelse til fylkesnemnd kontroll 5", p->date, &p->basis);
    }
}

void
hw_ssb_check_sak (HwSsbSak *sak)
{
  Check k = { 0 };
  GPtrArray *a;

  k.sak = sak;
  k.kase = hw_dossier_case (sak->dossier);
  k.child = hw_dossier_child (sak->dossier);
  k.birth = k.child ? k.child->birth_date : HW_DATE_NONE;
  k.relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_relations (&k);

  check_sak (&k);
  a = get (&k, HW_ENTITY_CHILD);
  for (guint i = 0; i < a->len; i++)
    check_personalia (&k, a->pdata[i]);
  a = get (&k, HW_ENTITY_DECISION);
  for (guint i = 0; i < a->len; i++)
    check_vedtak (&k, a->pdata[i]);
  a = get (&k, HW_ENTITY_MEASURE);
  for (guint i = 0; i < a->len; i++)
    check_tiltak (&k, a->pdata[i]);
  check_overlaps (&k);
  a = get (&k, HW_ENTITY_PLAN);
  for (guint i = 0; i < a->len; i++)
    check_plan (&k, a->pdata[i]);
  check_rest (&k);
  check_duplicates (&k, HW_ENTITY_DECISION, "Vedtak kontroll 19", "INFO", "Vedtak");
  check_duplicates (&k, HW_ENTITY_MEASURE, "Tiltak kontroll 19", "WARNING", "Tiltak");
  check_duplicates (&k, HW_ENTITY_PLAN, "Plan kontroll 19", "INFO", "Plan");

  g_hash_table_unref (k.relations);
}
