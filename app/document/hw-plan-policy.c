/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-plan-document"

/* The recipient policy of the follow-up plan: which copy shows what (recipients.xml), the
 * findings and addresses as a recipient may read them, and the statement of what a copy
 * leaves out. hw-plan-document.c builds the sections with these. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-plan-document-private.h"

/* Findings about third parties the recipient has no claim to. */
gboolean
hw_plan_finding_visible (const Plan *p, const HwPlanFinding *f)
{
  HwPlanFindingAbout about = f->about;   /* the rule's, from the catalogue */

  if (about == HW_PLAN_ABOUT_HOME_MEMBER)
    return SHOWS (p, HOME_DOCUMENTS) && (!p->hide_location || !f->reveals_location);
  if (about == HW_PLAN_ABOUT_PARENT)
    return SHOWS (p, PARENT_FOLLOWUP) ||
           (SHOWS (p, OWN_FOLLOWUP) && p->person_id && g_strcmp0 (f->subject_id,
                                                                  p->person_id) == 0);
  return TRUE;
}

/* A parent's own follow-up (measures, referrals, their activities) for this recipient. */
gboolean
hw_plan_followup_visible (const Plan *p, const char *person_id)
{
  if (SHOWS (p, PARENT_FOLLOWUP))
    return TRUE;
  return SHOWS (p, OWN_FOLLOWUP) && p->person_id && g_strcmp0 (person_id, p->person_id) == 0;
}

/* A finding's subject and explanation as this recipient may read them. */
const char *
hw_plan_finding_subject (const Plan *p, const HwPlanFinding *f)
{
  return p->hide_location && f->reveals_location ? f->subject_withheld : f->subject;
}

const char *
hw_plan_finding_explanation (const Plan *p, const HwPlanFinding *f)
{
  return p->hide_location && f->reveals_location ? f->explanation_withheld : f->explanation;
}

/* An address as this recipient may see it, or NULL to leave the line out. */
char *
hw_plan_shown_address (const Plan *p, const char *address, gboolean is_protected,
                       gboolean own_child)
{
  if (address == NULL || *address == '\0')
    return NULL;
  if (is_protected && SHOWS (p, PROTECTED_LOCATION))
    /* Translators: an address printed only on internal printouts */
    return g_strdup_printf (_("%s (PROTECTED ADDRESS – do not disclose)"), address);
  /* Where the child lives is left out, saying so; someone else's protected address is left
   * out without a word, since even that there is one can tell too much. */
  if (own_child && (is_protected || p->hide_location || !SHOWS (p, CHILD_ADDRESS)))
    return g_strdup (_("Left out of this printout"));
  if (is_protected)
    return NULL;
  if (!own_child && !SHOWS (p, CONTACT_DETAILS))
    return NULL;
  return g_strdup (address);
}

static const char *
person_relation_label (const HwPerson *person)
{
  const char *label = hw_entity_get_value_label (HW_ENTITY_PERSON, "relation", person->relation);

  return label ? label : "";
}

/* "Marit Sæther (mother)", "the foster parents": whom this copy is for. */
char *
hw_plan_recipient_name (const Plan *p)
{
  const HwPerson *person = p->person_id ? hw_dossier_find (p->in->dossier, HW_ENTITY_PERSON,
                                                           p->person_id)
                                        : NULL;

  if (p->in->recipient == HW_RECIPIENT_PARENT && person)
    return g_strdup_printf ("%s (%s)", or_dash (person->name), person_relation_label (person));
  if (p->in->recipient == HW_RECIPIENT_CHILD && p->child)
    {
      g_autofree char *name = hw_plan_dup_child_name (p->child);

      /* Translators: for whom a plan was printed: "the child, Ola Nordmann" */
      return g_strdup_printf (_("the child, %s"), name);
    }
  return g_strdup (hw_recipient_to_label (p->in->recipient));
}

/* What this copy leaves out, from the recipient table. */
char *
hw_plan_recipient_statement (const Plan *p)
{
  static const struct { HwPlanField field; const char *label; } fields[] = {
    { HW_PLAN_FIELD_CONTACT_DETAILS, N_("other people’s contact details") },
    { HW_PLAN_FIELD_FOSTER_HOME, N_("the foster home’s name and address") },
    { HW_PLAN_FIELD_FOSTER_PARENTS, N_("the foster parents’ names") },
    { HW_PLAN_FIELD_HOUSEHOLD, N_("the foster household’s other members") },
    { HW_PLAN_FIELD_HOME_DOCUMENTS, N_("the foster home’s documents") },
    { HW_PLAN_FIELD_ASSESSMENT_GROUNDS, N_("the grounds of reunification assessments") },
    { HW_PLAN_FIELD_CHILD_VIEWS, N_("the child’s views") },
  };
  g_autofree char *name = hw_plan_recipient_name (p);
  g_autoptr(GString) left_out = g_string_new (NULL);

  if (SHOWS (p, PROTECTED_LOCATION))
    return g_markup_printf_escaped (_("<b>Printed for: %s.</b> %s"), name,
                                    _("Contains protected information: not to be handed out."));
  if (p->location_secret)
    g_string_append (left_out, _("anything that could tell where the child lives"));
  if (!SHOWS (p, PARENT_FOLLOWUP))
    g_string_append_printf (left_out, "%s%s", left_out->len ? ", " : "",
                            SHOWS (p, OWN_FOLLOWUP) ? _("the other parent’s own follow-up")
                                                    : _("the parents’ own follow-up"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!hw_recipient_policy_shows (&p->policy, fields[i].field))
      g_string_append_printf (left_out, "%s%s", left_out->len ? ", " : "", _(fields[i].label));
  if (left_out->len == 0)
    return g_markup_printf_escaped (_("<b>Printed for: %s.</b>"), name);
  /* Translators: the framed statement on the first page: "Printed for: Kari Hansen (mother).
   * Left out: …" */
  return g_markup_printf_escaped (_("<b>Printed for: %s.</b> Left out: %s."), name,
                                  left_out->str);
}

HwRecipientPolicy
hw_plan_choose_policy (const HwPlanInput *input)
{
  HwRecipientPolicy policy;

  if (input->recipients)
    policy = input->recipients->policy[input->recipient];
  else
    {
      HwRecipientTable table;
      g_autoptr(GError) error = NULL;

      if (hw_recipient_table_load_default (&table, &error))
        policy = table.policy[input->recipient];
      else
        {
          /* Fail closed: without the table a copy for anyone else shows no section. */
          g_warning ("%s", error->message);
          policy = (HwRecipientPolicy) { 0, 0 };
          if (input->recipient == HW_RECIPIENT_INTERNAL)
            policy = (HwRecipientPolicy) { (1u << HW_N_PLAN_SECTIONS) - 1,
                                           (1u << HW_N_PLAN_FIELDS) - 1 };
        }
    }
  return policy;
}
