/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* Whom a printed plan is for, and what each may see: the table in data/plan/recipients.xml
 * (schema recipients.xsd), not code. */
typedef enum {
  HW_RECIPIENT_INTERNAL,
  HW_RECIPIENT_PARENT,           /* one copy per parent: needs the person */
  HW_RECIPIENT_FOSTER_PARENTS,
  HW_RECIPIENT_TRIBUNAL,
  HW_RECIPIENT_CHILD,
  HW_N_RECIPIENTS
} HwRecipient;

/* "internal", "parent", "foster-parents", "tribunal", "child"; FALSE for anything else. */
gboolean    hw_recipient_from_string (const char *text, HwRecipient *recipient);
const char *hw_recipient_to_string   (HwRecipient recipient);
/* "a parent", translated. */
const char *hw_recipient_to_label    (HwRecipient recipient);

/* The plan's sections, in order. */
typedef enum {
  HW_PLAN_SECTION_HEADER,
  HW_PLAN_SECTION_SUMMARY,
  HW_PLAN_SECTION_CHILD,
  HW_PLAN_SECTION_PARENTS,
  HW_PLAN_SECTION_FOSTER_FAMILY,
  HW_PLAN_SECTION_SAMVAER,
  HW_PLAN_SECTION_REUNIFICATION,
  HW_PLAN_SECTION_FINDINGS,
  HW_PLAN_SECTION_CALENDAR,
  HW_PLAN_SECTION_SIGNATURES,
  HW_N_PLAN_SECTIONS
} HwPlanSection;

/* What may appear inside the sections (see recipients.xml for each). */
typedef enum {
  HW_PLAN_FIELD_PROTECTED_LOCATION,
  HW_PLAN_FIELD_CHILD_ADDRESS,
  HW_PLAN_FIELD_SCHOOL,
  HW_PLAN_FIELD_FOSTER_HOME,
  HW_PLAN_FIELD_FOSTER_PARENTS,
  HW_PLAN_FIELD_HOUSEHOLD,
  HW_PLAN_FIELD_HOME_DOCUMENTS,
  HW_PLAN_FIELD_CONTACT_DETAILS,
  HW_PLAN_FIELD_PARENT_FOLLOWUP,
  HW_PLAN_FIELD_OWN_FOLLOWUP,
  HW_PLAN_FIELD_ASSESSMENT_GROUNDS,
  HW_PLAN_FIELD_CHILD_VIEWS,
  HW_N_PLAN_FIELDS
} HwPlanField;

typedef struct {
  guint sections;   /* 1 << HwPlanSection */
  guint fields;     /* 1 << HwPlanField */
} HwRecipientPolicy;

typedef struct {
  HwRecipientPolicy policy[HW_N_RECIPIENTS];
} HwRecipientTable;

/* The installed table (data/plan/recipients.xml). */
gboolean hw_recipient_table_load_default (HwRecipientTable  *table,
                                          GError           **error);

static inline gboolean
hw_recipient_policy_shows (const HwRecipientPolicy *policy, HwPlanField field)
{
  return (policy->fields & (1u << field)) != 0;
}

static inline gboolean
hw_recipient_policy_has_section (const HwRecipientPolicy *policy, HwPlanSection section)
{
  return (policy->sections & (1u << section)) != 0;
}

/* One copy a plan can be printed as. */
typedef struct {
  HwRecipient kind;
  char       *person_id;   /* the parent's person id; NULL for the others */
  char       *name;        /* the person's name, or the kind's label */
} HwPlanRecipient;

void       hw_plan_recipient_free  (HwPlanRecipient *recipient);

/* Every copy case @dossier's plan can be printed as: internal, one per parent (each person
 * with parental responsibility or a samvær agreement), the foster parents, the tribunal, the
 * child. */
GPtrArray *hw_plan_list_recipients (const HwDossier *dossier);

/* Whether @person_id is one of the case's parents a copy can be printed for. */
gboolean   hw_plan_is_recipient_parent (const HwDossier *dossier, const char *person_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwPlanRecipient, hw_plan_recipient_free)

G_END_DECLS
