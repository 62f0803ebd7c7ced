/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-labels.h"
#include "hw-legal.h"

char *
hw_labels_dup_basis (const HwLegalBasis *basis)
{
  g_autoptr(GString) s = NULL;

  if (basis == NULL || basis->section == NULL || *basis->section == '\0')
    return NULL;
  s = g_string_new (NULL);
  g_string_append_printf (s, "§ %s-%s", basis->chapter ? basis->chapter : "", basis->section);
  if (basis->ledd && *basis->ledd)
    /* Translators: a subsection (ledd) of a section of an act */
    g_string_append_printf (s, _(" (%s. ledd)"), basis->ledd);
  if (hw_law_is_cwa_2021 (basis->law))
    g_string_append_printf (s, " %s", _("of the 2021 act"));
  else if (hw_law_is_cwa_1992 (basis->law))
    g_string_append_printf (s, " %s", _("of the 1992 act"));
  else if (basis->law && *basis->law)
    g_string_append_printf (s, " %s", basis->law);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
hw_labels_dup_date (HwDate date)
{
  if (date == HW_DATE_NONE)
    return g_strdup ("—");
  return hw_date_dup_display (date);
}

char *
hw_labels_dup_age (HwDate birth, HwDate today)
{
  int age;

  if (birth == HW_DATE_NONE)
    return g_strdup ("");
  age = hw_date_age_on (birth, today);
  /* Translators: a child's age */
  return g_strdup_printf (ngettext ("%d year", "%d years", age), age);
}

/* The name of an enumeration's value, "" for one out of range (never NULL for a format). */
static const char *
value_label (const HwRecord *rec, const char *field, int value)
{
  const char *label = hw_entity_get_value_label (rec->entity, field, value);

  return label ? label : "";
}

static const char *
plan_name (int plan_type)
{
  const char *name = hw_code_get_label_int (HW_CODES_PLAN_TYPE, plan_type);

  return name ? name : _("Plan");
}

static const char *
person_name (const HwDossier *dossier, const char *person_id)
{
  HwPerson *p = dossier ? hw_dossier_find (dossier, HW_ENTITY_PERSON, person_id) : NULL;

  return p && p->name ? p->name : NULL;
}

HwDate
hw_labels_record_date (gconstpointer record)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == HW_FIELD_DATE &&
        !g_str_equal (info->fields[i].name, "birth_date"))
      return (HwDate) hw_field_get_int (record, &info->fields[i]);
  return HW_DATE_NONE;
}

static char *
join_nonempty (const char *sep, ...)
{
  g_autoptr(GString) s = g_string_new (NULL);
  va_list ap;
  const char *part;

  va_start (ap, sep);
  while ((part = va_arg (ap, const char *)) != (const char *) -1)
    {
      if (part == NULL || *part == '\0')
        continue;
      if (s->len)
        g_string_append (s, sep);
      g_string_append (s, part);
    }
  va_end (ap);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
#define END ((const char *) -1)

void
hw_labels_describe_record (gconstpointer record, const HwDossier *dossier, char **title,
                           char **subtitle)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  g_autofree char *date = NULL;
  char *t = NULL, *s = NULL;

  date = hw_date_dup_display (hw_labels_record_date (record));

  switch (rec->entity)
    {
    case HW_ENTITY_VISIT:
      {
        const HwVisit *v = record;
        t = g_strdup (value_label (rec, "kind", v->kind));
        s = join_nonempty (" · ", date, v->in_person ? _("in person") : _("not in person"),
                           v->child_alone ? _("child spoke alone") : NULL, v->notes, END);
      }
      break;
    case HW_ENTITY_PERSON:
      {
        const HwPerson *p = record;
        t = g_strdup (p->name);
        s = join_nonempty (" · ", value_label (rec, "relation", p->relation),
                           p->parental_responsibility ? _("parental responsibility") : NULL,
                           p->protected_address ? _("protected address") : NULL, p->phone, END);
      }
      break;
    case HW_ENTITY_DECISION:
      {
        const HwDecision *d = record;
        g_autofree char *basis = hw_labels_dup_basis (&d->basis);
        t = g_strdup_printf ("%s %s", _("Decision"), basis ? basis : "");
        s = join_nonempty (" · ", date,
                           value_label (rec, "decided_by", d->decided_by),
                           d->min_samvaer, END);
      }
      break;
    case HW_ENTITY_MEASURE:
      {
        const HwMeasure *m = record;
        g_autofree char *cat = hw_code_dup_label (HW_CODES_CATEGORY, m->category);
        g_autofree char *end = m->end_date ? hw_date_dup_display (m->end_date) : NULL;
        g_autofree char *range = end ? g_strdup_printf ("%s – %s", date, end)
                                     : g_strdup_printf (_("since %s"), date);
        t = g_steal_pointer (&cat);
        s = join_nonempty (" · ", range,
                           m->end_reason ? hw_code_get_label_int (HW_CODES_END_REASON,
                                                                  m->end_reason) : NULL,
                           m->purpose, END);
      }
      break;
    case HW_ENTITY_PLAN:
      {
        const HwPlan *p = record;
        t = g_strdup (plan_name (p->plan_type));
        s = join_nonempty (" · ", date, p->note, END);
      }
      break;
    case HW_ENTITY_PLAN_EVALUATION:
      {
        const HwPlanEvaluation *e = record;
        const HwPlan *p = dossier ? hw_dossier_find (dossier, HW_ENTITY_PLAN, e->plan_id) : NULL;
        /* Translators: %s is a plan's name, like "Care plan" */
        t = g_strdup_printf (_("Evaluation of the %s"),
                             p ? plan_name (p->plan_type) : _("plan"));
        s = join_nonempty (" · ", date, e->note, END);
      }
      break;
    case HW_ENTITY_SAMVAER_AGREEMENT:
      {
        const HwSamvaerAgreement *a = record;
        const char *who = person_name (dossier, a->person_id);
        /* Translators: %s is a person's name */
        t = who ? g_strdup_printf (_("Contact with %s"), who) : g_strdup (_(info->label));
        s = join_nonempty (" · ", date, a->supervised ? _("supervised") : NULL, a->place,
                           a->approved_date ? _("approved") : _("not approved"), END);
      }
      break;
    case HW_ENTITY_SAMVAER_SESSION:
      {
        const HwSamvaerSession *x = record;
        t = g_strdup (value_label (rec, "status", x->status));
        s = join_nonempty (" · ", date, x->reason, x->report, END);
      }
      break;
    case HW_ENTITY_PARENT_FOLLOWUP:
      {
        const HwParentFollowup *f = record;
        t = g_strdup (value_label (rec, "kind", f->kind));
        s = join_nonempty (" · ", date, person_name (dossier, f->person_id),
                           f->guidance_offered ? _("guidance offered") : NULL, f->provider,
                           f->notes, END);
      }
      break;
    case HW_ENTITY_REUNIFICATION:
      {
        const HwReunification *r = record;
        t = g_strdup_printf ("%s: %s", _("Reunification assessment"),
                             value_label (rec, "goal", r->goal));
        s = join_nonempty (" · ", date, r->grounds, END);
      }
      break;
    case HW_ENTITY_RETURN:
      {
        const HwReturn *r = record;
        t = g_strdup (r->planned ? _("Planned return home") : _("Unplanned return home"));
        s = join_nonempty (" · ", date, r->support, END);
      }
      break;
    case HW_ENTITY_MOVE:
      {
        const HwMove *m = record;
        t = g_strdup (m->planned ? _("Planned move") : _("Unplanned move"));
        s = join_nonempty (" · ", date, hw_code_get_label (HW_CODES_MOVE_REASON, m->reason_code),
                           m->reason_note, hw_code_get_label (HW_CODES_MOVED_TO, m->to_code),
                           m->to_note, END);
      }
      break;
    case HW_ENTITY_HOME_MEMBER:
      {
        const HwHomeMember *m = record;
        t = g_strdup (m->name);
        s = join_nonempty (" · ", value_label (rec, "role", m->role), END);
      }
      break;
    case HW_ENTITY_HOME_EVIDENCE:
      {
        const HwHomeEvidence *e = record;
        const HwHomeMember *m = dossier ? hw_dossier_find (dossier, HW_ENTITY_HOME_MEMBER,
                                                          e->member_id) : NULL;
        t = g_strdup (value_label (rec, "kind", e->kind));
        s = join_nonempty (" · ", date, m ? m->name : NULL, e->note, END);
      }
      break;
    default:
      {
        t = g_strdup (_(info->label));
        for (guint i = 0; i < info->n_fields && s == NULL; i++)
          if (info->fields[i].type == HW_FIELD_TEXT &&
              hw_field_get_text (record, &info->fields[i]) != NULL &&
              !(info->fields[i].flags & HW_FIELD_OWNER))
            s = join_nonempty (" · ", date, hw_field_get_text (record, &info->fields[i]), END);
        if (s == NULL)
          s = g_strdup (date);
      }
      break;
    }

  *title = t ? t : g_strdup (_(info->label));
  *subtitle = s ? s : g_strdup ("");
}

char *
hw_labels_dup_truncated (const char *text, guint max_chars)
{
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;
  const char *p;

  if (text == NULL)
    return NULL;
  /* Imported or old data may hold anything; labels take only UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  p = text;
  for (guint i = 0; i < max_chars && *p; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (text);
  cut = g_strndup (text, p - text);
  return g_strconcat (cut, "…", NULL);
}
