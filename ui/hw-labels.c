/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-labels.h"
#include "hw-legal.h"

/* One enumeration of hw-entity.c, recognised by its first two stored names. */
typedef struct {
  const char *first;
  const char *second;
  const char *labels[8];
} EnumFamily;

static const EnumFamily families[] = {
  { "caseworker", "team-leader", { N_("Caseworker"), N_("Team leader"), N_("Supervisor") } },
  { "kinship", "ordinary", { N_("Kinship or network home"), N_("Ordinary foster home"),
                             N_("Emergency home"), N_("Specialised foster home") } },
  { "foster-parent", "household", { N_("Foster parent"), N_("Other household member") } },
  { "approval", "approval-preliminary", { N_("Approval"), N_("Preliminary approval"),
                                          N_("Training"), N_("Foster home contract"),
                                          N_("Police certificate"),
                                          N_("Household assessment") } },
  { "unknown", "male", { N_("Unknown"), N_("Boy"), N_("Girl") } },
  { "mother", "father", { N_("Mother"), N_("Father"), N_("Other with parental responsibility"),
                          N_("Sibling"), N_("Grandparent"), N_("Other relative"),
                          N_("Other") } },
  { "service", "tribunal", { N_("The service"), N_("The county tribunal"), N_("The court") } },
  { "followup", "tilsyn", { N_("Follow-up visits"), N_("Supervision visits") } },
  { "offer", "assessment", { N_("Offer"), N_("Assessment") } },
  { "planned", "held", { N_("Planned"), N_("Held"), N_("Cancelled by the parent"),
                         N_("Cancelled by the child"), N_("Cancelled by the service"),
                         N_("Cancelled by the foster home") } },
  { "first-contact", "contact", { N_("First contact"), N_("Contact"), N_("Measure offered"),
                                  N_("Referral"), N_("The parent's views") } },
  { "none", "return-home", { N_("Keeps the current goal"), N_("Return home"),
                             N_("Return in preparation"), N_("Long-term placement"),
                             N_("Return abandoned") } },
  { "child", "parents", { N_("The child"), N_("The parents"), N_("The foster family") } },
};

static const char *const visit_labels[] = {
  N_("Follow-up visit"), N_("Supervision visit"), N_("Conversation with the child"),
  N_("Meeting with parents"), N_("Responsibility group meeting"), N_("Case review"),
};

const char *
hw_labels_visit_kind (HwVisitKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (visit_labels))
    return _(visit_labels[kind]);
  return "";
}

const char *
hw_labels_role (HwStaffRole role)
{
  if ((guint) role < 3)
    return _(families[0].labels[role]);
  return "";
}

const char *
hw_labels_enum_value (const HwField *field, int value)
{
  const char *const *names = field->enum_names;
  guint n = 0;

  if (names == NULL)
    return "";
  while (names[n])
    n++;
  if (value < 0 || (guint) value >= n)
    return "";
  /* Visit kinds share their first names with the visit frequencies. */
  if (n > 2 && g_str_equal (names[0], "followup") && g_str_equal (names[2], "child-conversation"))
    return hw_labels_visit_kind (value);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (n > 1 && g_str_equal (names[0], families[i].first) &&
        g_str_equal (names[1], families[i].second) && value < 8 &&
        families[i].labels[value] != NULL)
      return _(families[i].labels[value]);
  return names[value];
}

/* ---- integer codes ---- */

static const int plan_codes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 101, 102 };
static const char *const plan_labels[] = {
  N_("Measures plan"), N_("Measures plan (§ 8-4)"), N_("Preliminary care plan"),
  N_("Care plan"), N_("Aftercare plan"), N_("Contact plan"), N_("Investigation plan"),
  N_("Investigation plan after an emergency decision"), N_("Return plan"),
  N_("Foster family follow-up plan"),
};
static const int end_reason_codes[] = { 0, 1, 2, 3, 4 };
static const char *const end_reason_labels[] = {
  N_("Not ended"), N_("Returned home"), N_("Turned 18"), N_("Adoption"), N_("Other reason"),
};
static const int status_codes[] = { 1, 2, 3, 4 };
static const char *const status_labels[] = {
  N_("Approved"), N_("Petition sent to the tribunal"), N_("Lapsed"), N_("Refused or closed"),
};
static const int conclusion_codes[] = { 0, 1, 2, 3 };
static const char *const conclusion_labels[] = {
  N_("Not concluded"), N_("Accepted"), N_("Declined"), N_("No answer"),
};

gboolean
hw_labels_int_choices (HwEntity entity, const HwField *field, const int **codes,
                       const char *const **labels, guint *n_choices)
{
  if (field->type != HW_FIELD_INT)
    return FALSE;
#define CHOICES(c, l) \
  G_STMT_START { *codes = c; *labels = l; *n_choices = G_N_ELEMENTS (c); return TRUE; } G_STMT_END
  if (entity == HW_ENTITY_PLAN && g_str_equal (field->name, "plan_type"))
    CHOICES (plan_codes, plan_labels);
  if (entity == HW_ENTITY_MEASURE && g_str_equal (field->name, "end_reason"))
    CHOICES (end_reason_codes, end_reason_labels);
  if (entity == HW_ENTITY_DECISION_STATUS && g_str_equal (field->name, "code"))
    CHOICES (status_codes, status_labels);
  if (entity == HW_ENTITY_AFTERCARE && g_str_equal (field->name, "conclusion"))
    CHOICES (conclusion_codes, conclusion_labels);
#undef CHOICES
  return FALSE;
}

const char *
hw_labels_int_value (HwEntity entity, const HwField *field, int value)
{
  const int *codes;
  const char *const *labels;
  guint n;

  if (!hw_labels_int_choices (entity, field, &codes, &labels, &n))
    return NULL;
  for (guint i = 0; i < n; i++)
    if (codes[i] == value)
      return _(labels[i]);
  return NULL;
}

const char *
hw_labels_plan_type (int plan_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_codes); i++)
    if (plan_codes[i] == plan_type)
      return _(plan_labels[i]);
  return _("Plan");
}

static const struct {
  const char *code;
  const char *label;
} categories[] = {
  { "1.1", N_("Institution") },
  { "1.2", N_("Institution under another act") },
  { "1.99", N_("Other institution") },
  { "2.1", N_("Kinship foster home") },
  { "2.2", N_("Foster home") },
  { "2.3", N_("Specialised foster home") },
  { "2.4", N_("Foster home (§ 6-3)") },
  { "2.5", N_("Emergency home") },
  { "2.6", N_("Temporary kinship home") },
  { "2.99", N_("Other foster home") },
  { "3.8", N_("Centre for parents and children") },
  { "3.9", N_("Advice and guidance") },
  { "5.3", N_("Supervised contact") },
};

char *
hw_labels_dup_category (const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].code, code))
      return g_strdup (_(categories[i].label));
  /* Translators: %s is an SSB measure category code, like "3.2" */
  return g_strdup_printf (_("Measure %s"), code);
}

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
        t = g_strdup (hw_labels_visit_kind (v->kind));
        s = join_nonempty (" · ", date, v->in_person ? _("in person") : _("not in person"),
                           v->child_alone ? _("child spoke alone") : NULL, v->notes, END);
      }
      break;
    case HW_ENTITY_PERSON:
      {
        const HwPerson *p = record;
        t = g_strdup (p->name);
        s = join_nonempty (" · ", hw_labels_enum_value (hw_entity_find_field (info, "relation"),
                                                        p->relation),
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
                           hw_labels_enum_value (hw_entity_find_field (info, "decided_by"),
                                                 d->decided_by),
                           d->min_samvaer, END);
      }
      break;
    case HW_ENTITY_MEASURE:
      {
        const HwMeasure *m = record;
        g_autofree char *cat = hw_labels_dup_category (m->category);
        g_autofree char *end = m->end_date ? hw_date_dup_display (m->end_date) : NULL;
        g_autofree char *range = end ? g_strdup_printf ("%s – %s", date, end)
                                     : g_strdup_printf (_("since %s"), date);
        t = g_steal_pointer (&cat);
        s = join_nonempty (" · ", range, m->end_reason ? hw_labels_int_value (
                             rec->entity, hw_entity_find_field (info, "end_reason"),
                             m->end_reason) : NULL, m->purpose, END);
      }
      break;
    case HW_ENTITY_PLAN:
      {
        const HwPlan *p = record;
        t = g_strdup (hw_labels_plan_type (p->plan_type));
        s = join_nonempty (" · ", date, p->note, END);
      }
      break;
    case HW_ENTITY_PLAN_EVALUATION:
      {
        const HwPlanEvaluation *e = record;
        const HwPlan *p = dossier ? hw_dossier_find (dossier, HW_ENTITY_PLAN, e->plan_id) : NULL;
        /* Translators: %s is a plan's name, like "Care plan" */
        t = g_strdup_printf (_("Evaluation of the %s"),
                             p ? hw_labels_plan_type (p->plan_type) : _("plan"));
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
        t = g_strdup (hw_labels_enum_value (hw_entity_find_field (info, "status"), x->status));
        s = join_nonempty (" · ", date, x->reason, x->report, END);
      }
      break;
    case HW_ENTITY_PARENT_FOLLOWUP:
      {
        const HwParentFollowup *f = record;
        t = g_strdup (hw_labels_enum_value (hw_entity_find_field (info, "kind"), f->kind));
        s = join_nonempty (" · ", date, person_name (dossier, f->person_id),
                           f->guidance_offered ? _("guidance offered") : NULL, f->provider,
                           f->notes, END);
      }
      break;
    case HW_ENTITY_REUNIFICATION:
      {
        const HwReunification *r = record;
        t = g_strdup_printf ("%s: %s", _("Reunification assessment"),
                             hw_labels_enum_value (hw_entity_find_field (info, "goal"), r->goal));
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
        s = join_nonempty (" · ", date, m->reason_note, m->to_note, END);
      }
      break;
    case HW_ENTITY_HOME_MEMBER:
      {
        const HwHomeMember *m = record;
        t = g_strdup (m->name);
        s = join_nonempty (" · ", hw_labels_enum_value (hw_entity_find_field (info, "role"),
                                                        m->role), END);
      }
      break;
    case HW_ENTITY_HOME_EVIDENCE:
      {
        const HwHomeEvidence *e = record;
        const HwHomeMember *m = dossier ? hw_dossier_find (dossier, HW_ENTITY_HOME_MEMBER,
                                                          e->member_id) : NULL;
        t = g_strdup (hw_labels_enum_value (hw_entity_find_field (info, "kind"), e->kind));
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
