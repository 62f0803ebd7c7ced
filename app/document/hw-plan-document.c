/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-plan-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "hw-activity.h"
#include "hw-case-facts.h"
#include "hw-error.h"
#include "hw-evaluator.h"
#include "hw-plan-document-private.h"
#include "hw-recurrence.h"

typedef struct {
  HwDate   date;
  char    *what;
  char    *section;
  char    *responsible;
  char    *source;
} CalendarItem;

/* ---- Small helpers ---- */

#define DATE(d) hw_date_dup_display (d)

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static const HwStaff *
find_staff (const Plan *p, const char *id)
{
  for (guint i = 0; id && p->in->staff && i < p->in->staff->len; i++)
    {
      const HwStaff *s = p->in->staff->pdata[i];

      if (g_strcmp0 (s->rec.id, id) == 0)
        return s;
    }
  return NULL;
}

static const char *
staff_name (const Plan *p, const char *id)
{
  const HwStaff *s = find_staff (p, id);

  return s ? s->name : NULL;
}

static const HwStaff *
team_leader (const Plan *p)
{
  for (guint i = 0; p->c->team_id && p->in->staff && i < p->in->staff->len; i++)
    {
      const HwStaff *s = p->in->staff->pdata[i];

      if (s->role == HW_ROLE_TEAM_LEADER && g_strcmp0 (s->team_id, p->c->team_id) == 0)
        return s;
    }
  return NULL;
}

static const char *
team_name (const Plan *p)
{
  for (guint i = 0; p->c->team_id && p->in->teams && i < p->in->teams->len; i++)
    {
      const HwTeam *t = p->in->teams->pdata[i];

      if (g_strcmp0 (t->rec.id, p->c->team_id) == 0)
        return t->name;
    }
  return NULL;
}

static const HwPerson *
find_person (const Plan *p, const char *id)
{
  return id ? hw_dossier_find (p->in->dossier, HW_ENTITY_PERSON, id) : NULL;
}

char *
hw_plan_dup_child_name (const HwChild *child)
{
  if (child == NULL)
    return g_strdup ("");
  return g_strstrip (g_strdup_printf ("%s %s", child->given_name ? child->given_name : "",
                                      child->family_name ? child->family_name : ""));
}

char *
hw_plan_dup_initials (const HwChild *child)
{
  g_autofree char *name = hw_plan_dup_child_name (child);
  g_auto(GStrv) words = g_strsplit_set (name, " -", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        gunichar ch = g_unichar_toupper (g_utf8_get_char (words[i]));

        g_string_append_unichar (out, ch);
        g_string_append_c (out, '.');
      }
  return g_string_free (out, FALSE);
}

/* The names of codes and enumerations are core's (hw-entity.c, hw-codes.c): one wording for
 * the plan, the window, the CLI and the exchange. */
static const char *
value_label (HwEntity entity, const char *field, int value)
{
  const char *label = hw_entity_get_value_label (entity, field, value);

  return label ? label : "";
}

static const char *
relation_label (HwRelationKind relation)
{
  return value_label (HW_ENTITY_PERSON, "relation", relation);
}

static gboolean
is_parent (const HwPerson *person)
{
  return person->relation == HW_RELATION_MOTHER || person->relation == HW_RELATION_FATHER ||
         person->relation == HW_RELATION_OTHER_PARENT;
}

static const char *
home_kind_label (HwHomeKind kind)
{
  return value_label (HW_ENTITY_FOSTER_HOME, "kind", kind);
}

static const char *
category_label (const char *category)
{
  const char *label = hw_code_get_label (HW_CODES_CATEGORY, category);

  return label ? label : category;
}

static const char *
plan_type_label (int type)
{
  const char *label = hw_code_get_label_int (HW_CODES_PLAN_TYPE, type);

  return label ? label : _("Plan");
}

static const char *
goal_label (HwGoal goal)
{
  return value_label (HW_ENTITY_REUNIFICATION, "goal", goal);
}

static const char *
evidence_label (HwEvidenceKind kind)
{
  return value_label (HW_ENTITY_HOME_EVIDENCE, "kind", kind);
}

static const char *
followup_label (HwFollowupKind kind)
{
  return value_label (HW_ENTITY_PARENT_FOLLOWUP, "kind", kind);
}

static const char *
decider_label (HwDecider decider)
{
  return value_label (HW_ENTITY_DECISION, "decided_by", decider);
}

/* The kind is the catalogue's (its basis sets), as the rules count it. */
static const char *
decision_kind_label (const HwLegalBasis *b)
{
  switch (hw_legal_basis_get_kind (b))
    {
    case HW_DECISION_KIND_CARE_ORDER:
      return _("Care order");
    case HW_DECISION_KIND_VOLUNTARY_PLACEMENT:
      return _("Voluntary placement");
    case HW_DECISION_KIND_EMERGENCY:
      return _("Emergency decision");
    case HW_DECISION_KIND_BEHAVIOUR_PLACEMENT:
      return _("Placement for serious behavioural problems");
    case HW_DECISION_KIND_OTHER:
    default:
      return _("Decision");
    }
}

static char *
format_basis (const HwLegalBasis *b)
{
  const char *act;
  GString *out = g_string_new (NULL);

  if (b->law == NULL || b->chapter == NULL || b->section == NULL)
    return g_string_free (out, FALSE);
  if (hw_law_is_cwa_2021 (b->law))
    act = _("Child Welfare Act (2021)");
  else if (hw_law_is_cwa_1992 (b->law))
    act = _("Child Welfare Act (1992)");
  else if (g_str_equal (b->law, HW_LAW_CHILDREN_1981))
    act = _("Children Act (1981)");
  else
    act = b->law;
  g_string_append_printf (out, "%s § %s-%s", act, b->chapter, b->section);
  if (b->ledd && *b->ledd)
    /* Translators: a subsection (ledd) of a section of law: ", 2. ledd" */
    g_string_append_printf (out, _(", subsection %s"), b->ledd);
  if (b->bokstav && *b->bokstav)
    /* Translators: a letter of a section of law: ", bokstav a" */
    g_string_append_printf (out, _(", letter %s"), b->bokstav);
  return g_string_free (out, FALSE);
}

static void
calendar_item_free (gpointer data)
{
  CalendarItem *item = data;

  g_free (item->what);
  g_free (item->section);
  g_free (item->responsible);
  g_free (item->source);
  g_free (item);
}

/* The calendar holds what falls due from the print date to twelve months after it; anything
 * already overdue is listed as overdue where it belongs (section 8), not here. */
static void
calendar_add (Plan *p, HwDate date, const char *what, const char *section,
              const char *responsible, const char *source)
{
  CalendarItem *item;

  if (date == HW_DATE_NONE || date < p->today || date > hw_date_add_months (p->today, 12))
    return;
  item = g_new0 (CalendarItem, 1);
  item->date = date;
  item->what = g_strdup (what);
  item->section = g_strdup (section);
  item->responsible = g_strdup (responsible);
  item->source = g_strdup (source);
  g_ptr_array_add (p->calendar, item);
}

/* The latest (by due date) finding of @rule_id. */
static const HwPlanFinding *
find_latest_finding (const Plan *p, const char *rule_id)
{
  const HwPlanFinding *latest = NULL;

  for (guint i = 0; p->in->findings && i < p->in->findings->len; i++)
    {
      const HwPlanFinding *f = p->in->findings->pdata[i];

      if (g_strcmp0 (f->rule_id, rule_id) == 0 && (latest == NULL || f->due > latest->due))
        latest = f;
    }
  return latest;
}

/* @subject_id NULL: the rule's first finding. */
static const HwPlanFinding *
find_finding (const Plan *p, const char *rule_id, const char *subject_id)
{
  for (guint i = 0; p->in->findings && i < p->in->findings->len; i++)
    {
      const HwPlanFinding *f = p->in->findings->pdata[i];

      if (g_strcmp0 (f->rule_id, rule_id) == 0 &&
          (subject_id == NULL || g_strcmp0 (f->subject_id, subject_id) == 0))
        return f;
    }
  return NULL;
}

/* ---- Working out the case ---- */

static void
study_case (Plan *p)
{
  const HwDossier *d = p->in->dossier;
  GPtrArray *assessments = hw_dossier_get (d, HW_ENTITY_REUNIFICATION);

  /* The placement today, else the last one (the plan tells when it ended). */
  p->placement = hw_dossier_last_placement (d, p->today);
  if (p->placement && p->placement->home_id && p->in->homes)
    p->home = g_hash_table_lookup (p->in->homes, p->placement->home_id);

  p->care_order = hw_dossier_latest_care_order (d, p->today);

  for (guint i = 0; i < assessments->len; i++)
    {
      const HwReunification *r = assessments->pdata[i];

      if (r->goal != HW_GOAL_NONE && (p->goal == NULL || r->date >= p->goal->date))
        p->goal = r;
    }

  p->location_secret = (p->child && p->child->protected_address) ||
                       (p->home && ((HwFosterHome *) p->home->root)->protected_address);
  p->hide_location = p->location_secret && !SHOWS (p, PROTECTED_LOCATION);
}

static const HwPlan *
current_plan (const Plan *p)
{
  GPtrArray *plans = hw_dossier_get (p->in->dossier, HW_ENTITY_PLAN);
  const HwPlan *best = NULL;

  for (guint pass = 0; pass < 2 && best == NULL; pass++)
    for (guint i = 0; i < plans->len; i++)
      {
        const HwPlan *plan = plans->pdata[i];
        gboolean main_plan = plan->plan_type == HW_PLAN_CARE ||
                             plan->plan_type == HW_PLAN_CARE_PRELIMINARY ||
                             plan->plan_type == HW_PLAN_MEASURES ||
                             plan->plan_type == HW_PLAN_MEASURES_8_4;

        if ((pass == 0 && !main_plan) || plan->start_date > p->today)
          continue;
        if (best == NULL || plan->start_date > best->start_date ||
            (plan->start_date == best->start_date && plan->version > best->version))
          best = plan;
      }
  return best;
}

static HwTemplateVariant
package_variant (const Plan *p)
{
  if (hw_dossier_get (p->in->dossier, HW_ENTITY_RETURN)->len > 0 ||
      (p->goal && p->goal->goal == HW_GOAL_RETURN_IN_PREPARATION))
    return HW_TEMPLATE_REVERSED;
  return HW_TEMPLATE_ORDINARY;
}

static gboolean
activity_is_reversed (const Plan *p, const HwActivity *a)
{
  g_autofree char *key = hw_template_key_dup_row_key (a->template_key);
  HwTemplateVariant variant = HW_TEMPLATE_ORDINARY;

  if (key == NULL)
    return FALSE;
  if (p->in->template && hw_plan_template_find_row (p->in->template, key, &variant))
    return variant == HW_TEMPLATE_REVERSED;
  return g_str_has_prefix (key, "rev-");
}

/* The parent an activity was made for ("…@person-id"), or NULL for joint ones. */
static const char *
activity_person_id (const HwActivity *a)
{
  const char *at = a->template_key ? strchr (a->template_key, '@') : NULL;

  return at ? at + 1 : NULL;
}

/* ---- Sections ---- */

/* FALSE when the recipient table leaves section @number out: its heading stays, so the
 * numbering is the same in every copy, and says so. */
static gboolean
add_section (Plan *p, guint number, const char *title)
{
  g_autofree char *text = g_strdup_printf ("%u. %s", number, title);

  hw_document_add_heading (p->doc, text);
  if (!hw_recipient_policy_has_section (&p->policy, (HwPlanSection) (number - 1)))
    {
      hw_document_add_note (p->doc, _("Left out of this printout."));
      return FALSE;
    }
  return TRUE;
}

static void
add_activity_table (Plan *p, GPtrArray *activities, const char *section)
{
  static const double widths[] = { 33, 10.5, 14, 16.5, 14.5, 7 };
  const char *headers[] = { _("Activity"), _("Due"), _("Responsible"), _("Participants"),
                            _("Status"), _("Basis") };
  HwDocTable *t;

  if (activities->len == 0)
    {
      hw_document_add_note (p->doc, _("No activities recorded."));
      return;
    }
  g_ptr_array_sort (activities, hw_activity_compare_due);
  t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < activities->len; i++)
    {
      const HwActivity *a = activities->pdata[i];
      HwActivityStatus status = hw_activity_get_status (a, p->today);
      g_autofree char *status_text = hw_activity_dup_status_text (a, p->today);
      g_autofree char *due = DATE (a->due);
      g_autofree char *title = esc (a->title);
      g_autofree char *due_m = esc (due);
      g_autofree char *resp = esc (a->responsible);
      g_autofree char *part = esc (a->participants);
      g_autofree char *basis = esc (a->basis);
      g_autofree char *status_m = NULL;

      if (status == HW_ACTIVITY_OVERDUE)
        status_m = g_strdup_printf ("<b>⚠ %s</b>", status_text);
      else
        status_m = esc (status_text);
      hw_doc_table_add_row_markup (t, (const char *[]) { title, due_m, resp, part, status_m,
                                                         basis });
      if (status == HW_ACTIVITY_PLANNED || status == HW_ACTIVITY_OVERDUE)
        calendar_add (p, a->due, a->title, section, a->responsible, a->basis);
    }
}

static GPtrArray *
activities_where (const Plan *p, HwPart part, const char *person_id, gboolean any_person,
                  gboolean reversed_only)
{
  GPtrArray *all = hw_dossier_get (p->in->dossier, HW_ENTITY_ACTIVITY);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      HwActivity *a = all->pdata[i];
      const char *pid = activity_person_id (a);

      if (reversed_only)
        {
          if (activity_is_reversed (p, a))
            g_ptr_array_add (out, a);
          continue;
        }
      if (a->part != part)
        continue;
      if (!any_person && g_strcmp0 (pid, person_id) != 0)
        continue;
      g_ptr_array_add (out, a);
    }
  return out;
}

static void
section_header_block (Plan *p)
{
  static const double widths[] = { 31, 69 };
  HwDocTable *t;
  g_autofree char *name = hw_plan_dup_child_name (p->child);
  g_autofree char *born = p->child ? DATE (p->child->birth_date) : NULL;
  g_autofree char *address = NULL;
  g_autofree char *service = NULL;
  g_autoptr(GString) basis = g_string_new (NULL);
  GPtrArray *decisions = hw_dossier_get (p->in->dossier, HW_ENTITY_DECISION);
  const HwStaff *leader = team_leader (p);
  const HwPlan *plan = current_plan (p);

  if (!add_section (p, 1, _("The child, the decision and the placement")))
    return;

  t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);
  hw_doc_table_add_field (t, _("Child"), name);
  hw_doc_table_add_field (t, _("Born"), born);
  hw_doc_table_add_field (t, _("Case number"), p->c->journal_no);
  if (p->child)
    {
      address = hw_plan_shown_address (p, p->child->address, p->child->protected_address, TRUE);
      if (address)
        hw_doc_table_add_field (t, _("Address"), address);
      if (p->child->school && *p->child->school)
        hw_doc_table_add_field (t, _(hw_entity_find_field (hw_entity_info (HW_ENTITY_CHILD),
                                                           "school")->label),
                                p->hide_location || !SHOWS (p, SCHOOL)
                                  ? _("Left out of this printout")
                                  : p->child->school);
    }

  if (p->c->municipality)
    /* Translators: the responsible service; %s is a municipality number */
    service = g_strdup_printf (_("The child welfare service, municipality %s"),
                               p->c->municipality);
  else
    service = g_strdup (_("The child welfare service"));
  if (team_name (p))
    {
      g_autofree char *tmp = g_steal_pointer (&service);

      service = g_strdup_printf ("%s · %s", tmp, team_name (p));
    }
  hw_doc_table_add_field (t, _("Responsible service"), service);
  hw_doc_table_add_field (t, _("Caseworker (kontaktperson)"),
                          or_dash (staff_name (p, p->c->caseworker_id)));
  hw_doc_table_add_field (t, _("Team leader"), or_dash (leader ? leader->name : NULL));

  for (guint i = 0; i < decisions->len; i++)
    {
      const HwDecision *dec = decisions->pdata[i];
      g_autofree char *law = format_basis (&dec->basis);
      g_autofree char *date = DATE (dec->start_date);
      g_autofree char *end = DATE (dec->end_date);

      if (!hw_decision_is_approved (p->in->dossier, dec))
        continue;
      if (basis->len)
        g_string_append_c (basis, '\n');
      /* Translators: "Care order, Child Welfare Act (2021) § 5-1 – The county tribunal,
       * decided 12.03.2024"; the third is who decided, as in the decision's form */
      g_string_append_printf (basis, _("%s, %s – %s, decided %s"),
                              decision_kind_label (&dec->basis), law,
                              decider_label (dec->decided_by), date);
      if (dec->end_date)
        /* Translators: appended to a decision that has ended */
        g_string_append_printf (basis, _(" (ended %s)"), end);
    }
  hw_doc_table_add_field (t, _("Legal basis"), basis->len ? basis->str : "—");

  if (p->placement)
    {
      const HwMeasure *m = p->placement;
      g_autofree char *since = DATE (m->start_date);
      g_autofree char *ended = DATE (m->end_date);
      g_autofree char *text = NULL;

      if (m->end_date && m->end_date < p->today)
        /* Translators: a placement: its kind, when it began and when it ended */
        text = g_strdup_printf (_("%s, from %s to %s"), or_dash (category_label (m->category)),
                                since, ended);
      else
        /* Translators: a placement: its kind and since when */
        text = g_strdup_printf (_("%s, since %s"), or_dash (category_label (m->category)), since);
      hw_doc_table_add_field (t, _("Placement"), text);
    }
  else
    hw_doc_table_add_field (t, _("Placement"), _("None recorded"));

  if (p->home)
    {
      const HwFosterHome *home = p->home->root;
      GPtrArray *evidence = hw_dossier_get (p->home, HW_ENTITY_HOME_EVIDENCE);
      HwDate approval = HW_DATE_NONE, contract = HW_DATE_NONE;
      g_autofree char *home_text = NULL;
      g_autofree char *approval_text = NULL;
      g_autofree char *contract_text = NULL;
      const char *case_id = p->c->rec.id;

      for (guint i = 0; i < evidence->len; i++)
        {
          const HwHomeEvidence *e = evidence->pdata[i];
          gboolean ours = e->case_id == NULL || g_strcmp0 (e->case_id, case_id) == 0;

          if (e->kind == HW_EVIDENCE_APPROVAL && ours && e->date > approval)
            approval = e->date;
          if (e->kind == HW_EVIDENCE_CONTRACT && ours && e->date > contract)
            contract = e->date;
        }
      if (p->hide_location || !SHOWS (p, FOSTER_HOME))
        home_text = g_strdup_printf ("%s (%s)", home_kind_label (home->kind),
                                     _("name and place left out of this printout"));
      else
        home_text = g_strdup_printf ("%s (%s)", or_dash (home->name),
                                     home_kind_label (home->kind));
      hw_doc_table_add_field (t, _("Foster home"), home_text);
      approval_text = approval ? DATE (approval) : g_strdup (_("Not recorded"));
      contract_text = contract ? DATE (contract) : g_strdup (_("Not recorded"));
      hw_doc_table_add_field (t, _("Approved for the child"), approval_text);
      hw_doc_table_add_field (t, _("Contract signed"), contract_text);
    }
  if (p->placement && p->placement->tilsyn_municipality)
    {
      g_autofree char *tilsyn = NULL;

      if (p->hide_location || !SHOWS (p, FOSTER_HOME))
        tilsyn = g_strdup (_("The foster home’s municipality"));
      else
        tilsyn = g_strdup_printf (_("Municipality %s"), p->placement->tilsyn_municipality);
      hw_doc_table_add_field (t, _("Supervision arranged by"), tilsyn);
    }

  if (plan)
    {
      g_autofree char *date = DATE (plan->start_date);
      /* Translators: the plan's kind, version and date: "Care plan (§ 8-3), version 2 of
       * 14.03.2024" */
      g_autofree char *text = g_strdup_printf (_("%s, version %d of %s"),
                                               plan_type_label (plan->plan_type), plan->version,
                                               date);

      hw_doc_table_add_field (t, _("Plan"), text);
    }
  else
    hw_doc_table_add_field (t, _("Plan"), _("No plan recorded"));
  hw_doc_table_add_field (t, _("Package variant"),
                          hw_template_variant_to_label (package_variant (p)));
}

static void
section_summary (Plan *p)
{
  static const double widths[] = { 31, 69 };
  const HwDecision *dec = p->care_order;
  HwDocTable *t;
  g_autofree char *grow_up = NULL;
  const char *duration = NULL;

  if (!add_section (p, 2, _("Summary")))
    return;

  if (p->c->summary && *p->c->summary)
    hw_document_add_text (p->doc, p->c->summary);
  else
    hw_document_add_note (p->doc, _("No summary recorded."));

  t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);
  if (p->placement && p->placement->purpose)
    hw_doc_table_add_field (t, _("Purpose of the placement"), p->placement->purpose);
  if (dec && dec->support_needs)
    hw_doc_table_add_field (t, _("Support needs"), dec->support_needs);
  if (p->placement && p->placement->planned_duration)
    duration = p->placement->planned_duration;
  else if (dec && dec->expected_duration)
    duration = dec->expected_duration;
  hw_doc_table_add_field (t, _("Time perspective"), duration ? duration : _("Not stated"));

  if (p->goal == NULL)
    grow_up = g_strdup (_("Not yet assessed"));
  else
    switch (p->goal->goal)
      {
      case HW_GOAL_RETURN_HOME:
        grow_up = g_strdup (_("With the parents: the goal is reunification"));
        break;
      case HW_GOAL_RETURN_IN_PREPARATION:
        {
          g_autofree char *date = DATE (p->goal->planned_return);

          grow_up = p->goal->planned_return
                      ? g_strdup_printf (_("With the parents: a return home is being prepared "
                                           "(planned for %s)"), date)
                      : g_strdup (_("With the parents: a return home is being prepared"));
        }
        break;
      case HW_GOAL_LONG_TERM:
        grow_up = g_strdup (_("In the foster home, long term"));
        break;
      case HW_GOAL_ABANDONED:
        grow_up = g_strdup (_("In the foster home: reunification has been abandoned"));
        break;
      case HW_GOAL_NONE:
      default:
        grow_up = g_strdup (_("Not yet assessed"));
        break;
      }
  hw_doc_table_add_field (t, _("Where the child is to grow up"), grow_up);
}

static void
section_child (Plan *p)
{
  g_autoptr(GPtrArray) activities = activities_where (p, HW_PART_CHILD, NULL, TRUE, FALSE);
  GPtrArray *visits = hw_dossier_get (p->in->dossier, HW_ENTITY_VISIT);
  GPtrArray *assessments = hw_dossier_get (p->in->dossier, HW_ENTITY_REUNIFICATION);
  HwDate from = hw_date_add_months (p->today, -12);
  guint followup = 0, alone = 0, tilsyn = 0;
  const HwReunification *latest_views = NULL;
  const char *description;
  const char *section = _("Part 1: The child");

  if (!add_section (p, 3, section))
    return;

  add_activity_table (p, activities, section);
  description = p->in->template ? hw_plan_template_get_description (p->in->template) : NULL;
  {
    g_autofree char *legend = NULL;

    /* Translators: the legend of the activity tables' Basis column */
    legend = g_strdup_printf (_("Basis: L = law or regulation, V = official guidance, "
                                "K = local routine.%s%s"),
                              description ? " " : "", description ? description : "");
    hw_document_add_note (p->doc, legend);
  }

  for (guint i = 0; i < visits->len; i++)
    {
      const HwVisit *v = visits->pdata[i];

      if (v->date <= from || v->date > p->today || !v->in_person)
        continue;
      if (v->kind == HW_VISIT_FOLLOWUP)
        {
          followup++;
          alone += v->child_alone ? 1 : 0;
        }
      else if (v->kind == HW_VISIT_TILSYN)
        tilsyn++;
    }
  {
    /* Translators: visits counted over the last 12 months */
    g_autofree char *text = g_strdup_printf (_("In the last 12 months: %u follow-up visits "
                                               "(%u with a conversation alone with the child) "
                                               "and %u supervision visits."),
                                             followup, alone, tilsyn);
    hw_document_add_text (p->doc, text);
  }

  hw_document_add_subheading (p->doc, _("The child’s views and how they were weighed"));
  if (!SHOWS (p, CHILD_VIEWS))
    {
      hw_document_add_note (p->doc, _("Left out of this printout."));
      return;
    }
  if (p->c->child_views && *p->c->child_views)
    hw_document_add_text (p->doc, p->c->child_views);
  for (guint i = 0; i < assessments->len; i++)
    {
      const HwReunification *r = assessments->pdata[i];

      if (r->child_views && *r->child_views &&
          (latest_views == NULL || r->date > latest_views->date))
        latest_views = r;
    }
  if (latest_views)
    {
      g_autofree char *date = DATE (latest_views->date);
      /* Translators: the child's views as recorded in an assessment of a date */
      g_autofree char *text = g_strdup_printf (_("In the reunification assessment of %s: %s"),
                                               date, latest_views->child_views);

      hw_document_add_text (p->doc, text);
    }
  if ((p->c->child_views == NULL || *p->c->child_views == '\0') && latest_views == NULL)
    hw_document_add_note (p->doc, _("The child’s views have not been recorded."));
}

static void
section_parents (Plan *p)
{
  GPtrArray *persons = hw_dossier_get (p->in->dossier, HW_ENTITY_PERSON);
  GPtrArray *followups = hw_dossier_get (p->in->dossier, HW_ENTITY_PARENT_FOLLOWUP);
  g_autoptr(GPtrArray) joint = g_ptr_array_new ();
  GPtrArray *all = hw_dossier_get (p->in->dossier, HW_ENTITY_ACTIVITY);
  const char *section = _("Part 2: The parents");
  guint n_parents = 0;

  if (!add_section (p, 4, section))
    return;


  for (guint i = 0; i < persons->len; i++)
    {
      const HwPerson *person = persons->pdata[i];
      static const double widths[] = { 31, 69 };
      g_autoptr(GPtrArray) own = NULL;
      g_autofree char *title = NULL;
      g_autofree char *address = NULL;
      HwDocTable *t;

      if (!is_parent (person))
        continue;
      n_parents++;
      title = g_strdup_printf ("%s (%s)", or_dash (person->name),
                               relation_label (person->relation));
      hw_document_add_subheading (p->doc, title);
      t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);
      hw_doc_table_add_field (t, _("Parental responsibility"),
                              person->parental_responsibility ? _("Yes") : _("No"));
      address = hw_plan_shown_address (p, person->address, person->protected_address, FALSE);
      if (address)
        hw_doc_table_add_field (t, _("Address"), address);
      if (person->phone && *person->phone && SHOWS (p, CONTACT_DETAILS) &&
          (!person->protected_address || SHOWS (p, PROTECTED_LOCATION)))
        hw_doc_table_add_field (t, _("Phone"), person->phone);

      if (!hw_plan_followup_visible (p, person->rec.id))
        continue;
      own = activities_where (p, HW_PART_PARENTS, person->rec.id, FALSE, FALSE);
      if (own->len)
        add_activity_table (p, own, section);
    }
  if (n_parents == 0)
    hw_document_add_note (p->doc, _("No parents recorded."));

  for (guint i = 0; i < all->len; i++)
    {
      HwActivity *a = all->pdata[i];
      const char *pid = activity_person_id (a);

      if (a->part != HW_PART_PARENTS)
        continue;
      /* A parent-specific activity for a person no longer in the case is still shown. */
      if (pid && find_person (p, pid) && is_parent (find_person (p, pid)))
        continue;
      if (pid && !hw_plan_followup_visible (p, pid))
        continue;
      g_ptr_array_add (joint, a);
    }
  hw_document_add_subheading (p->doc, _("Activities with both parents"));
  add_activity_table (p, joint, section);

  hw_document_add_subheading (p->doc, _("Measures offered and accepted; referrals"));
  if (!SHOWS (p, PARENT_FOLLOWUP) && !SHOWS (p, OWN_FOLLOWUP))
    {
      hw_document_add_note (p->doc, _("Left out of this printout: the parents’ own follow-up."));
      return;
    }
  if (!SHOWS (p, PARENT_FOLLOWUP))
    hw_document_add_note (p->doc, _("Only the follow-up of the parent this copy is for."));
  {
    static const double widths[] = { 11, 18, 22, 30, 19 };
    const char *headers[] = { _("Date"), _("Parent"), _("What"), _("Provider and notes"),
                              _("Offered / accepted") };
    HwDocTable *t = NULL;

    for (guint i = 0; i < followups->len; i++)
      {
        const HwParentFollowup *f = followups->pdata[i];
        const HwPerson *person = find_person (p, f->person_id);
        g_autofree char *date = DATE (f->date);
        g_autofree char *notes = NULL;
        g_autoptr(GString) state = g_string_new (NULL);

        if (!hw_plan_followup_visible (p, f->person_id))
          continue;
        if (t == NULL)
          t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths), widths,
                                     headers);
        if (f->provider && f->notes)
          notes = g_strdup_printf ("%s: %s", f->provider, f->notes);
        else
          notes = g_strdup (f->provider ? f->provider : f->notes);
        if (f->guidance_offered)
          g_string_append (state, _("guidance offered"));
        if (f->kind == HW_FOLLOWUP_MEASURE || f->kind == HW_FOLLOWUP_REFERRAL)
          g_string_append_printf (state, "%s%s", state->len ? "; " : "",
                                  f->accepted ? _("accepted") : _("not accepted"));
        if (f->consent)
          g_string_append_printf (state, "%s%s", state->len ? "; " : "", _("with consent"));
        hw_doc_table_add_row (t, (const char *[]) { date, person ? person->name : NULL,
                                                    followup_label (f->kind), notes,
                                                    state->str });
      }
    if (t == NULL)
      hw_document_add_note (p->doc, _("Nothing recorded."));
  }
}

static void
section_foster_family (Plan *p)
{
  g_autoptr(GPtrArray) activities = activities_where (p, HW_PART_FOSTER_FAMILY, NULL, TRUE,
                                                      FALSE);
  GPtrArray *all = hw_dossier_get (p->in->dossier, HW_ENTITY_ACTIVITY);
  const char *section = _("Part 3: The foster family");
  const HwActivity *needs = NULL;

  if (!add_section (p, 5, section))
    return;

  if (p->home)
    {
      static const double widths[] = { 31, 69 };
      const HwFosterHome *home = p->home->root;
      GPtrArray *members = hw_dossier_get (p->home, HW_ENTITY_HOME_MEMBER);
      HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);
      g_autoptr(GString) parents = g_string_new (NULL);
      g_autoptr(GString) household = g_string_new (NULL);
      g_autofree char *address = p->hide_location || !SHOWS (p, FOSTER_HOME) ? NULL
        : hw_plan_shown_address (p, home->address, home->protected_address, FALSE);

      if (!p->hide_location && SHOWS (p, FOSTER_HOME))
        {
          hw_doc_table_add_field (t, _("Foster home"), or_dash (home->name));
          if (home->municipality)
            hw_doc_table_add_field (t, _("Municipality"), home->municipality);
        }
      hw_doc_table_add_field (t, _("Kind"), home_kind_label (home->kind));
      if (address)
        hw_doc_table_add_field (t, _("Address"), address);
      for (guint i = 0; i < members->len; i++)
        {
          const HwHomeMember *m = members->pdata[i];
          GString *into = m->role == HW_MEMBER_FOSTER_PARENT ? parents : household;

          if (m->moved_out && m->moved_out < p->today)
            continue;
          g_string_append_printf (into, "%s%s", into->len ? ", " : "", or_dash (m->name));
        }
      if (parents->len && !p->hide_location && SHOWS (p, FOSTER_PARENTS))
        hw_doc_table_add_field (t, _("Foster parents"), parents->str);
      if (household->len && !p->hide_location && SHOWS (p, HOUSEHOLD))
        hw_doc_table_add_field (t, _("Others in the household"), household->str);
    }
  else
    hw_document_add_note (p->doc, _("No foster home recorded for the current placement."));

  add_activity_table (p, activities, section);

  for (guint i = 0; i < all->len; i++)
    {
      const HwActivity *a = all->pdata[i];
      g_autofree char *key = hw_template_key_dup_row_key (a->template_key);

      if (g_strcmp0 (key, "foster-guidance-needs") == 0 && a->done_date &&
          (needs == NULL || a->done_date > needs->done_date))
        needs = a;
    }
  {
    g_autofree char *date = needs ? DATE (needs->done_date) : NULL;
    g_autofree char *text = needs
      ? g_strdup_printf (_("Guidance needs assessed: %s."), date)
      : g_strdup (_("Guidance needs assessed: not recorded."));

    hw_document_add_text (p->doc, text);
  }

  if (p->home && !p->hide_location && SHOWS (p, HOME_DOCUMENTS))
    {
      static const double widths[] = { 30, 28, 14, 28 };
      const char *headers[] = { _("Document"), _("Person"), _("Date"), _("Note") };
      GPtrArray *evidence = hw_dossier_get (p->home, HW_ENTITY_HOME_EVIDENCE);
      HwDocTable *t = NULL;

      hw_document_add_subheading (p->doc, _("The foster home’s documents"));
      for (guint i = 0; i < evidence->len; i++)
        {
          const HwHomeEvidence *e = evidence->pdata[i];
          const HwHomeMember *m = e->member_id
            ? hw_dossier_find (p->home, HW_ENTITY_HOME_MEMBER, e->member_id) : NULL;
          g_autofree char *date = DATE (e->date);
          const char *note = e->note;

          if (e->case_id && g_strcmp0 (e->case_id, p->c->rec.id) != 0)
            continue;
          if (e->kind == HW_EVIDENCE_HOUSEHOLD_ASSESSMENT && note == NULL)
            note = e->needed ? _("certificate needed") : _("certificate not needed");
          if (t == NULL)
            t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths), widths,
                                       headers);
          hw_doc_table_add_row (t, (const char *[]) { evidence_label (e->kind),
                                                      m ? m->name : NULL, date, note });
        }
      if (t == NULL)
        hw_document_add_note (p->doc, _("No documents recorded."));
    }
}

static void
section_samvaer (Plan *p)
{
  GPtrArray *agreements = hw_dossier_get (p->in->dossier, HW_ENTITY_SAMVAER_AGREEMENT);
  static const double widths[] = { 16, 17, 13, 14, 18, 22 };
  const char *headers[] = { _("With whom"), _("How often, how long"), _("Where"),
                            _("Supervision"), _("The tribunal’s minimum"),
                            _("Last 12 months") };
  HwDate from = hw_last_12_months_start (p->today);
  /* The minimum the rules count against: the care order in force. */
  const HwDecision *care_order = hw_dossier_active_care_order (p->in->dossier, p->today);
  const char *section = _("Contact (samvær)");
  const HwPlanFinding *year;
  HwDocTable *t = NULL;
  g_autoptr(GString) next = g_string_new (NULL);

  if (!add_section (p, 6, section))
    return;

  for (guint i = 0; i < agreements->len; i++)
    {
      const HwSamvaerAgreement *a = agreements->pdata[i];
      const HwPerson *person = find_person (p, a->person_id);
      g_autofree char *who = NULL;
      g_autofree char *how = NULL;
      g_autofree char *often = a->rrule ? hw_recurrence_describe (a->rrule) : NULL;
      g_autofree char *supervision = NULL;
      g_autoptr(GString) minimum = g_string_new (NULL);
      g_autoptr(GString) happened = g_string_new (NULL);
      HwSamvaerCount count;
      HwDate window_to = a->valid_to && a->valid_to < p->today ? a->valid_to : p->today;
      HwDate window_from = MAX (from, a->valid_from);
      int planned = -1;
      int per_year = care_order ? care_order->min_samvaer_per_year : 0;
      const HwPlanFinding *below;
      /* The rule engine's finding for this agreement, when it made one. */
      const HwPlanFinding *eval_finding = find_finding (p, "SAMVAER_EVALUATION", a->rec.id);

      if (a->valid_to && a->valid_to < from)
        continue;   /* ended over a year ago */
      if (t == NULL)
        t = hw_document_add_table (p->doc, HW_TABLE_GRID | HW_TABLE_SMALL, G_N_ELEMENTS (widths),
                                   widths, headers);
      who = person ? g_strdup_printf ("%s (%s)", or_dash (person->name),
                                      relation_label (person->relation))
                   : g_strdup ("—");
      if (a->duration_minutes > 0)
        /* Translators: how often and how long: "every 2 weeks, 120 minutes" */
        how = g_strdup_printf (ngettext ("%s, %d minute", "%s, %d minutes", a->duration_minutes),
                               or_dash (often), a->duration_minutes);
      else
        how = g_strdup (or_dash (often));
      if (a->supervised)
        supervision = a->supervisor && *a->supervisor
                        ? g_strdup_printf (_("Yes: %s"), a->supervisor) : g_strdup (_("Yes"));
      else
        supervision = g_strdup (_("No"));

      if (a->tribunal_minimum && *a->tribunal_minimum)
        g_string_append (minimum, a->tribunal_minimum);
      else if (care_order && care_order->min_samvaer)
        g_string_append (minimum, care_order->min_samvaer);
      if (per_year > 0)
        {
          if (minimum->len)
            g_string_append_c (minimum, '\n');
          /* Translators: the tribunal's minimum as a yearly count */
          g_string_append_printf (minimum, ngettext ("at least %d a year", "at least %d a year",
                                                     per_year), per_year);
        }

      hw_dossier_count_samvaer (p->in->dossier, a->rec.id, p->today, &count);
      if (a->rrule && a->valid_from && window_from <= window_to)
        planned = hw_recurrence_count (a->rrule, a->valid_from, window_from, window_to);
      if (planned >= 0)
        /* Translators: samvær sessions held, of those the schedule gives, last 12 months */
        g_string_append_printf (happened, _("%u held of %d by the schedule"), count.held,
                                planned);
      else
        g_string_append_printf (happened, _("%u held"), count.held);
      if (count.by_status[HW_SESSION_CANCELLED_PARENT])
        g_string_append_printf (happened, _("; cancelled by the parent: %u"),
                                count.by_status[HW_SESSION_CANCELLED_PARENT]);
      if (count.by_status[HW_SESSION_CANCELLED_CHILD])
        g_string_append_printf (happened, _("; cancelled by the child: %u"),
                                count.by_status[HW_SESSION_CANCELLED_CHILD]);
      if (count.by_status[HW_SESSION_CANCELLED_SERVICE])
        g_string_append_printf (happened, _("; cancelled by the service: %u"),
                                count.by_status[HW_SESSION_CANCELLED_SERVICE]);
      if (count.by_status[HW_SESSION_CANCELLED_FOSTER_HOME])
        g_string_append_printf (happened, _("; cancelled by the foster home: %u"),
                                count.by_status[HW_SESSION_CANCELLED_FOSTER_HOME]);
      /* The rule engine's verdict on the schedule (SAMVAER_AGREEMENT_BELOW_MINIMUM), not a
       * count of the plan's own. */
      below = find_finding (p, "SAMVAER_AGREEMENT_BELOW_MINIMUM", a->rec.id);
      if (below && below->state != HW_PLAN_FINDING_OK)
        g_string_append_printf (happened, "\n%s", _("The schedule is below the tribunal’s "
                                                     "minimum"));

      hw_doc_table_add_row (t, (const char *[]) { who, how, or_dash (a->place), supervision,
                                                  minimum->len ? minimum->str : "—",
                                                  happened->str });

      /* The next evaluation is the rule engine's date (SAMVAER_EVALUATION), or none. */
      if (eval_finding && eval_finding->due &&
          (a->valid_to == HW_DATE_NONE || a->valid_to >= p->today))
        {
          HwDate due = eval_finding->due;
          g_autofree char *date = DATE (due);
          g_autofree char *what = g_strdup_printf (_("Evaluation of contact with %s"),
                                                   person && person->name ? person->name : "—");

          if (due < p->today)
            /* Translators: a next evaluation already passed: "Evaluation of contact with
             * Kari: 24.09.2024 (overdue)" */
            g_string_append_printf (next, _("%s%s: %s (overdue)"), next->len ? "\n" : "", what,
                                    date);
          else
            g_string_append_printf (next, "%s%s: %s", next->len ? "\n" : "", what, date);
          /* The finding is in the calendar already (section 8's duties). */
        }
    }
  if (t == NULL)
    {
      hw_document_add_note (p->doc, _("No contact (samvær) agreement recorded."));
      return;
    }
  /* The last completed year against the tribunal's minimum, as the rule engine counts it
   * (SAMVAER_MINIMUM_YEAR: sessions held under all agreements, for the days of the care
   * order). */
  if ((year = find_latest_finding (p, "SAMVAER_MINIMUM_YEAR")) && year->explanation)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", year->state == HW_PLAN_FINDING_OK
                                                           ? _("The tribunal’s minimum, met")
                                                           : _("The tribunal’s minimum, not met"),
                                               year->explanation);
      hw_document_add_text (p->doc, text);
    }
  if (next->len)
    {
      hw_document_add_subheading (p->doc, _("Next evaluation"));
      hw_document_add_text (p->doc, next->str);
    }
}

static void
section_reunification (Plan *p)
{
  GPtrArray *assessments = hw_dossier_get (p->in->dossier, HW_ENTITY_REUNIFICATION);
  GPtrArray *returns = hw_dossier_get (p->in->dossier, HW_ENTITY_RETURN);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *section = _("Reunification");
  const HwPlanFinding *review = find_finding (p, "REUNIFICATION_REVIEW", NULL);

  if (!add_section (p, 7, section))
    return;

  {
    static const double widths[] = { 31, 69 };
    HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);

    if (p->goal)
      {
        g_autofree char *date = DATE (p->goal->date);
        /* Translators: the current reunification goal and the date it was set */
        g_autofree char *text = g_strdup_printf (_("%s (since %s)"), goal_label (p->goal->goal),
                                                 date);

        hw_doc_table_add_field (t, _("Current goal"), text);
        if (SHOWS (p, ASSESSMENT_GROUNDS))
          {
            hw_doc_table_add_field (t, _("Grounds"), or_dash (p->goal->grounds));
            if (p->goal->prerequisites)
              hw_doc_table_add_field (t, _("What must be in place"), p->goal->prerequisites);
          }
        if (p->goal->planned_return)
          {
            g_autofree char *planned = DATE (p->goal->planned_return);

            hw_doc_table_add_field (t, _("Planned return"), planned);
            calendar_add (p, p->goal->planned_return, _("Planned return home"), section,
                          _("Caseworker"), NULL);
          }
      }
    else
      hw_doc_table_add_field (t, _("Current goal"), _("No goal recorded"));
  }

  hw_document_add_subheading (p->doc, _("Assessments"));
  for (guint i = 0; i < assessments->len; i++)
    g_ptr_array_add (sorted, assessments->pdata[i]);
  if (sorted->len == 0)
    hw_document_add_note (p->doc, _("No reunification assessment recorded."));
  else
    {
      static const double widths[] = { 12, 20, 54, 14 };
      const char *headers[] = { _("Date"), _("Assessed by"), _("Conclusion"), _("Next due") };
      HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths),
                                             widths, headers);

      for (guint i = 0; i < sorted->len; i++)
        for (guint j = i + 1; j < sorted->len; j++)
          if (((HwReunification *) sorted->pdata[j])->date <
              ((HwReunification *) sorted->pdata[i])->date)
            {
              gpointer tmp = sorted->pdata[i];

              sorted->pdata[i] = sorted->pdata[j];
              sorted->pdata[j] = tmp;
            }
      for (guint i = 0; i < sorted->len; i++)
        {
          const HwReunification *r = sorted->pdata[i];
          g_autofree char *date = DATE (r->date);
          /* The engine's next date for the assessment it counts from; none for the
           * superseded ones. */
          g_autofree char *next_due = review && review->due && review->evidence == r->date
                                        ? DATE (review->due) : g_strdup ("—");
          g_autofree char *conclusion = NULL;
          const char *by = staff_name (p, r->assessed_by);

          if (SHOWS (p, ASSESSMENT_GROUNDS) && r->grounds && *r->grounds)
            conclusion = g_strdup_printf ("%s. %s", goal_label (r->goal), r->grounds);
          else
            conclusion = g_strdup (goal_label (r->goal));
          hw_doc_table_add_row (t, (const char *[]) { date, or_dash (by ? by : r->assessed_by),
                                                      conclusion, next_due });
        }
    }
  /* The next assessment is the rule engine's (REUNIFICATION_REVIEW): no date of the plan's
   * own, and none when the rule does not apply. It is in the calendar as a duty. */
  if (review && review->due)
    {
      HwDate due = review->due;
      g_autofree char *date = DATE (due);
      g_autofree char *text = due < p->today
        /* Translators: a reunification assessment whose due date has passed */
        ? g_strdup_printf (_("Next assessment was due %s: overdue."), date)
        : g_strdup_printf (_("Next assessment due: %s."), date);

      hw_document_add_text (p->doc, text);
    }

  if (returns->len > 0 || (p->goal && p->goal->goal == HW_GOAL_RETURN_IN_PREPARATION))
    {
      g_autoptr(GPtrArray) steps = activities_where (p, HW_PART_CHILD, NULL, TRUE, TRUE);

      hw_document_add_subheading (p->doc, _("Return home"));
      for (guint i = 0; i < returns->len; i++)
        {
          static const double widths[] = { 31, 69 };
          const HwReturn *r = returns->pdata[i];
          HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_FIELDS, 2, widths, NULL);
          g_autofree char *date = DATE (r->date);
          g_autofree char *offer = r->offer_date ? DATE (r->offer_date)
                                                 : g_strdup (_("Not recorded"));

          hw_doc_table_add_field (t, _("Returned home"), date);
          hw_doc_table_add_field (t, _("Planned return"), r->planned ? _("Yes") : _("No"));
          hw_doc_table_add_field (t, _("Follow-up offered"), offer);
          if (r->support)
            hw_doc_table_add_field (t, _("Follow-up after the return"), r->support);
          if (r->reentry_date)
            {
              g_autofree char *reentry = DATE (r->reentry_date);

              hw_doc_table_add_field (t, _("Placed again"), reentry);
            }
        }
      hw_document_add_text (p->doc, _("The reversed package: the parents now get the "
                                       "follow-up the foster parents got at the move, and the "
                                       "foster family the follow-up the parents got."));
      if (steps->len)
        {
          static const double widths[] = { 13, 45, 12, 30 };
          const char *headers[] = { _("Part"), _("Step"), _("Due"), _("Status") };
          HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths),
                                                 widths, headers);

          g_ptr_array_sort (steps, hw_activity_compare_due);
          for (guint i = 0; i < steps->len; i++)
            {
              const HwActivity *a = steps->pdata[i];
              g_autofree char *due = DATE (a->due);
              g_autofree char *status = hw_activity_dup_status_text (a, p->today);

              if (activity_person_id (a) && !hw_plan_followup_visible (p, activity_person_id (a)))
                continue;
              hw_doc_table_add_row (t, (const char *[]) { hw_part_to_label (a->part), a->title,
                                                          due, status });
            }
        }
      else
        hw_document_add_note (p->doc, _("The reversed package’s activities have not been "
                                        "created yet."));
    }
  else
    hw_document_add_note (p->doc, _("No return home has been decided."));
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const HwPlanFinding *x = *(const HwPlanFinding *const *) a;
  const HwPlanFinding *y = *(const HwPlanFinding *const *) b;
  int rank_x = x->state == HW_PLAN_FINDING_OVERDUE || x->state == HW_PLAN_FINDING_MISSING ? 0 : 1;
  int rank_y = y->state == HW_PLAN_FINDING_OVERDUE || y->state == HW_PLAN_FINDING_MISSING ? 0 : 1;

  if (rank_x != rank_y)
    return rank_x - rank_y;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return g_strcmp0 (x->rule_id, y->rule_id);
}

/* Deviations: completed periods not met (rules.md v2 "Missed periods"), after the duties. */
static void
add_missed_findings (Plan *p, GPtrArray *missed)
{
  static const double widths[] = { 59, 11, 30 };
  const char *headers[] = { _("Period not met"), _("Period ended"), _("Legal source") };
  HwDocTable *t;

  g_ptr_array_sort (missed, compare_findings);
  hw_document_add_heading (p->doc, _("Deviations: periods not met"));
  hw_document_add_note (p->doc, _("These periods are over; they are documented here as "
                                  "history and are not duties that can still be done."));
  t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < missed->len; i++)
    {
      const HwPlanFinding *f = missed->pdata[i];
      g_autofree char *due = DATE (f->due);
      g_autofree char *due_m = esc (due);
      g_autofree char *title = esc (f->title ? f->title : f->rule_id);
      g_autofree char *subject = esc (f->subject);
      g_autofree char *why = esc (f->explanation);
      g_autofree char *source = esc (f->source);
      g_autofree char *klass = esc (f->legal_class);
      g_autofree char *what = g_strdup_printf ("<b>%s</b>%s%s%s%s", title, *subject ? " – " : "",
                                               subject, *why ? "\n" : "", why);
      g_autofree char *src = g_strdup_printf ("%s%s%s%s", source, *klass ? " (" : "", klass,
                                              *klass ? ")" : "");

      hw_doc_table_add_row_markup (t, (const char *[]) { what, due_m, src });
    }
}

static void
section_findings (Plan *p)
{
  const char *section = _("Missing or overdue documentation");
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) missed = g_ptr_array_new ();
  GPtrArray *activities = hw_dossier_get (p->in->dossier, HW_ENTITY_ACTIVITY);
  guint overdue_activities = 0;

  if (!add_section (p, 8, section))
    return;

  if (p->in->findings == NULL)
    hw_document_add_note (p->doc, _("The rule engine was not available when this plan was "
                                    "printed: missing documentation was not checked."));
  else
    {
      for (guint i = 0; i < p->in->findings->len; i++)
        {
          HwPlanFinding *f = p->in->findings->pdata[i];

          if (!hw_plan_finding_visible (p, f))
            continue;
          /* A missed period is history: not a date in the calendar, not a duty. */
          if (f->state == HW_PLAN_FINDING_MISSED)
            {
              g_ptr_array_add (missed, f);
              continue;
            }
          if (!f->met && f->state != HW_PLAN_FINDING_OVERDUE &&
              f->state != HW_PLAN_FINDING_MISSING)
            {
              const char *subject = hw_plan_finding_subject (p, f);
              g_autofree char *what = subject && *subject
                ? g_strdup_printf ("%s – %s", f->title ? f->title : f->rule_id, subject)
                : g_strdup (f->title ? f->title : f->rule_id);

              /* Translators: the calendar's "Part of the plan" for a duty of the law */
              calendar_add (p, f->due, what, _("Legal duties"), NULL, f->source);
            }
          if (f->state != HW_PLAN_FINDING_OK)
            g_ptr_array_add (shown, f);
        }
      g_ptr_array_sort (shown, compare_findings);
      if (shown->len == 0)
        hw_document_add_text (p->doc, _("Nothing is missing or overdue."));
      else
        {
          static const double widths[] = { 12, 47, 11, 30 };
          const char *headers[] = { _("State"), _("What is missing"), _("Due"),
                                    _("Legal source") };
          HwDocTable *t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths),
                                                 widths, headers);

          for (guint i = 0; i < shown->len; i++)
            {
              const HwPlanFinding *f = shown->pdata[i];
              g_autofree char *due = DATE (f->due);
              g_autofree char *due_m = esc (due);
              g_autofree char *title = esc (f->title ? f->title : f->rule_id);
              g_autofree char *subject = esc (hw_plan_finding_subject (p, f));
              g_autofree char *why = esc (hw_plan_finding_explanation (p, f));
              g_autofree char *source = esc (f->source);
              g_autofree char *klass = esc (f->legal_class);
              g_autofree char *state = NULL;
              g_autofree char *what = NULL;
              g_autofree char *src = NULL;

              switch (f->state)
                {
                case HW_PLAN_FINDING_OVERDUE:
                  state = g_strdup_printf ("<b>⚠ %s</b>", _("Overdue"));
                  break;
                case HW_PLAN_FINDING_MISSING:
                  state = g_strdup_printf ("<b>⚠ %s</b>", _("Missing"));
                  break;
                case HW_PLAN_FINDING_DUE_SOON:
                case HW_PLAN_FINDING_OK:
                default:
                  state = g_strdup (_("Due soon"));
                  break;
                }
              what = g_strdup_printf ("<b>%s</b>%s%s%s%s", title, *subject ? " – " : "", subject,
                                      *why ? "\n" : "", why);
              src = g_strdup_printf ("%s%s%s%s", source, *klass ? " (" : "", klass,
                                     *klass ? ")" : "");
              hw_doc_table_add_row_markup (t, (const char *[]) { state, what, due_m, src });
            }
        }
      if (missed->len)
        add_missed_findings (p, missed);
    }

  for (guint i = 0; i < activities->len; i++)
    if (hw_activity_get_status (activities->pdata[i], p->today) == HW_ACTIVITY_OVERDUE &&
        (activity_person_id (activities->pdata[i]) == NULL ||
         hw_plan_followup_visible (p, activity_person_id (activities->pdata[i]))))
      overdue_activities++;
  if (overdue_activities)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("In addition, %u activity of the plan "
                                                         "is overdue (parts 1–3).",
                                                         "In addition, %u activities of the "
                                                         "plan are overdue (parts 1–3).",
                                                         overdue_activities),
                                               overdue_activities);
      hw_document_add_text (p->doc, text);
    }
}

static int
compare_calendar (gconstpointer a, gconstpointer b)
{
  const CalendarItem *x = *(const CalendarItem *const *) a;
  const CalendarItem *y = *(const CalendarItem *const *) b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return g_strcmp0 (x->what, y->what);
}

static void
section_calendar (Plan *p)
{
  static const double widths[] = { 12, 38, 17, 14, 19 };
  /* "Part of the plan": the section the item comes from; never a legal section (§) */
  const char *headers[] = { _("Date"), _("What"), _("Part of the plan"), _("Responsible"),
                            _("Legal source") };
  HwDocTable *t;

  if (!add_section (p, 9, _("Calendar for the next 12 months")))
    return;

  {
    g_autofree char *from = DATE (p->today);
    g_autofree char *to = DATE (hw_date_add_months (p->today, 12));
    /* Translators: under the calendar's heading; what is overdue is in section 8 */
    g_autofree char *text = g_strdup_printf (_("From %s to %s. What is already overdue is "
                                               "listed in section 8."), from, to);

    hw_document_add_note (p->doc, text);
  }
  if (p->calendar->len == 0)
    {
      hw_document_add_note (p->doc, _("Nothing falls due in the next 12 months."));
      return;
    }
  g_ptr_array_sort (p->calendar, compare_calendar);
  t = hw_document_add_table (p->doc, HW_TABLE_GRID, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < p->calendar->len; i++)
    {
      const CalendarItem *item = p->calendar->pdata[i];
      g_autofree char *date = DATE (item->date);

      hw_doc_table_add_row (t, (const char *[]) { date, item->what, item->section,
                                                  item->responsible, item->source });
    }
}

static void
section_signatures (Plan *p)
{
  static const double widths[] = { 28, 28, 28, 16 };
  const char *headers[] = { "", _("Name"), _("Signature"), _("Date") };
  const HwStaff *leader = team_leader (p);
  HwDocTable *t;

  if (!add_section (p, 10, _("Signatures")))
    return;

  t = hw_document_add_table (p->doc, HW_TABLE_SIGNATURES | HW_TABLE_KEEP_TOGETHER,
                             G_N_ELEMENTS (widths), widths, headers);
  hw_doc_table_add_row (t, (const char *[]) { _("Caseworker (kontaktperson)"),
                                              staff_name (p, p->c->caseworker_id), "", "" });
  hw_doc_table_add_row (t, (const char *[]) { _("Approved by the team leader"),
                                              leader ? leader->name : "", "", "" });

  hw_document_add_subheading (p->doc, _("The plan was reviewed with"));
  t = hw_document_add_table (p->doc, HW_TABLE_SIGNATURES | HW_TABLE_KEEP_TOGETHER,
                             G_N_ELEMENTS (widths), widths, headers);
  hw_doc_table_add_row (t, (const char *[]) { _("The child"), "", "", "" });
  hw_doc_table_add_row (t, (const char *[]) { _("The parents"), "", "", "" });
  hw_doc_table_add_row (t, (const char *[]) { _("The foster parents"), "", "", "" });
  hw_document_add_note (p->doc, _("This plan is not an individual decision (enkeltvedtak) and "
                                  "cannot be appealed."));
}

HwDocument *
hw_plan_document_new (const HwPlanInput *input)
{
  Plan plan = { 0 };
  Plan *p = &plan;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *born = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *header_right = NULL;
  g_autofree char *header_note = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *footer_left = NULL;
  g_autofree char *footer_center = NULL;
  g_autofree char *statement = NULL;
  const HwPlan *current;

  g_return_val_if_fail (input != NULL && input->dossier != NULL, NULL);
  g_return_val_if_fail ((guint) input->recipient < HW_N_RECIPIENTS, NULL);

  doc = hw_document_new ();
  p->in = input;
  p->doc = doc;
  p->policy = hw_plan_choose_policy (input);
  /* Only a parent's copy is one person's; own-followup means nothing in the others. */
  p->person_id = input->recipient == HW_RECIPIENT_PARENT ? input->recipient_person_id : NULL;
  p->today = input->today ? input->today : hw_date_today ();
  p->c = hw_dossier_case (input->dossier);
  p->child = hw_dossier_child (input->dossier);
  p->calendar = g_ptr_array_new_with_free_func (calendar_item_free);
  study_case (p);

  name = hw_plan_dup_child_name (p->child);
  born = p->child ? DATE (p->child->birth_date) : g_strdup ("");
  initials = hw_plan_dup_initials (p->child);
  /* Translators: the running header's right side: the child's initials and the case number */
  header_right = g_strdup_printf (_("%s · Case %s"), initials, or_dash (p->c->journal_no));
  /* Translators: on every page, under the confidentiality marking */
  {
    g_autofree char *for_whom = hw_plan_recipient_name (p);

    header_note = g_strdup_printf (_("Printed for: %s"), for_whom);
  }
  hw_document_set_header (doc, hw_document_get_confidentiality_marking (), header_right,
                          header_note);
  printed = DATE (p->today);
  /* Translators: footer: "Skrevet ut 23.11.2026 av Kari Nordmann" */
  footer_left = g_strdup_printf (_("Printed %s by %s"), printed,
                                 or_dash (input->printed_by));
  current = current_plan (p);
  if (current)
    /* Translators: footer: the version of the plan printed */
    footer_center = g_strdup_printf (_("Plan version %d"), current->version);
  else
    footer_center = g_strdup (_("Plan version: none recorded"));
  hw_document_set_footer (doc, footer_left, footer_center);
  hw_document_set_title (doc, _("Follow-up plan – care package"));
  hw_document_set_author (doc, input->printed_by);

  /* Translators: under the plan's title: the child's name, birth date and case number */
  subtitle = g_strdup_printf (_("%s, born %s · case %s"), name, born, or_dash (p->c->journal_no));
  hw_document_add_title (doc, _("Follow-up plan – care package"), subtitle);
  statement = hw_plan_recipient_statement (p);
  hw_document_add_notice (doc, statement);

  section_header_block (p);
  section_summary (p);
  section_child (p);
  section_parents (p);
  section_foster_family (p);
  section_samvaer (p);
  section_reunification (p);
  section_findings (p);
  section_calendar (p);
  section_signatures (p);

  g_ptr_array_unref (p->calendar);
  return g_steal_pointer (&doc);
}
