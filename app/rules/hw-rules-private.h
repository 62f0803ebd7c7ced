/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to app/rules: the parsed catalogue as the evaluator and the findings read it. */

#include "hw-catalogue.h"
#include "hw-finding.h"
#include "hw-model.h"
#include "hw-settings.h"

G_BEGIN_DECLS

typedef enum {
  HW_KIND_DEADLINE,
  HW_KIND_RECURRING,
  HW_KIND_YEARLY_COUNT,
} HwRuleKind;

/* Keep in the order of subject_type_names[] (hw-catalogue.c) and catalogue.xsd. */
typedef enum {
  HW_ST_CARE_ORDER,
  HW_ST_ENDED_CARE_ORDER,
  HW_ST_PARENT,
  HW_ST_VOLUNTARY_PLACEMENT,
  HW_ST_FOSTER_PLACEMENT,
  HW_ST_FOSTER_PARENT,
  HW_ST_HOUSEHOLD_MEMBER,
  HW_ST_PLACEMENT_YEAR,
  HW_ST_SAMVAER_AGREEMENT,
  HW_ST_ABANDONED_GOAL,
  HW_ST_PLANNED_RETURN,
  HW_ST_EMERGENCY_DECISION,
  HW_ST_LATEST_PLAN,
  HW_ST_CASE_ADULT,
  HW_ST_CASE_MINOR,
  HW_ST_INSTITUTION_PLACEMENT,   /* v2: an active institution measure (SSB 1.1, 1.2, 1.99) */
  HW_ST_CARE_ORDER_YEAR,         /* v2: a completed year of a care order with a minimum samvær */
  HW_ST_SAMVAER_AGREEMENT_MINIMUM, /* v2: an active agreement under a care order with a minimum */
  HW_ST_SAMVAER_AGREEMENT_OPEN,  /* an agreement not ended, begun or not (workflow duties) */
  HW_N_SUBJECT_TYPES
} HwSubjectType;

typedef enum {
  HW_EV_PLAN,
  HW_EV_PLAN_EVALUATION,
  HW_EV_PARENT_CONTACT,
  HW_EV_REUNIFICATION_GOAL,
  HW_EV_REUNIFICATION_ASSESSMENT,
  HW_EV_GOAL_GROUNDS,
  HW_EV_SAMVAER_EVALUATION,
  HW_EV_RETURN_OFFER,
  HW_EV_HOME_EVIDENCE,
  HW_EV_POLICE_CERTIFICATE,
  HW_EV_HOUSEHOLD_ASSESSMENT,
  HW_EV_NETWORK_ASSESSMENT,
  HW_EV_VISIT,
  HW_EV_PETITION,
  HW_EV_AFTERCARE,
  HW_EV_SAMVAER_SESSIONS,        /* v2: samvær sessions held in the year */
  HW_EV_SAMVAER_RECURRENCE,      /* v2: what the agreement's recurrence yields in a year */
  HW_EV_AGREEMENT_APPROVAL,      /* the team leader's approval of a samvær agreement */
  HW_N_EVIDENCE_TYPES
} HwEvidenceType;

typedef enum { HW_ANCHOR_TRIGGER, HW_ANCHOR_LATEST, HW_ANCHOR_YEAR_END } HwAnchor;
typedef enum { HW_SCOPE_CHILD, HW_SCOPE_CHILD_OR_HOME, HW_SCOPE_HOME } HwEvidenceScope;

/* Which due-date alternative a finding used. */
typedef enum {
  HW_DUE_STANDARD,
  HW_DUE_GRACE,
  HW_DUE_REDUCED,
  HW_DUE_VARIANT,
} HwDueVariant;

#define HW_MAX_PLAN_TYPES 8

typedef struct {
  int    n;
  int    types[HW_MAX_PLAN_TYPES];
} HwPlanTypes;

/* LAW:CHAPTER:SECTION[:LEDD] */
typedef struct {
  char *law;
  int   chapter;
  int   section;
  int   ledd;      /* 0: any */
} HwBasisPattern;

/* A record's legal basis with its numbers parsed once, for matching against many sets. */
typedef struct {
  const char *law;
  int         chapter;   /* -1: none */
  int         section;
  const char *ledd;      /* the record's ledd list, e.g. "2" or "2,3" */
} HwBasisKey;

typedef struct {
  char           *id;
  HwBasisPattern *items;
  guint           n_items;
} HwBasisSet;

typedef struct {
  char   *id;
  char  **codes;    /* "2.1", or "2." for the prefix pattern "2.*" */
  gboolean *prefix;
  guint   n_codes;
} HwCategorySet;

typedef struct {
  gboolean    present;
  int         amount;
  int         setting;      /* catalogue setting index, or -1 for the fixed amount */
  HwUnit      unit;
  int         sign;         /* +1 after, -1 before */
  HwRuleClass rule_class;   /* grace only */
  gboolean    has_class;
  const HwBasisSet *basis_set;   /* variant only */
  char       *note[HW_N_LANGS];
} HwOffset;

typedef struct {
  char   *id;
  HwDate  from;
  HwDate  to;
  char   *name[HW_N_LANGS];
} HwAct;

typedef struct {
  const HwAct *act;
  char        *text[HW_N_LANGS];   /* NULL: the act alone */
} HwSource;

struct _HwRule {
  HwCatalogue    *catalogue;       /* back pointer, not a reference */
  char           *id;
  guint           index;
  HwRuleKind      kind;
  HwRuleClass     rule_class;
  HwRuleAbout     about;

  /* applicability */
  HwSubjectType   subject;
  HwDate          from;
  HwDate          to;
  HwPlanTypes     requires_plan_types;
  HwPlanTypes     subject_plan_types;
  int             during;          /* HW_ST_VOLUNTARY_PLACEMENT, HW_ST_CARE_ORDER, or -1 */
  int             end_reason;      /* 0: any */
  gboolean        until_18;
  int             min_age_setting; /* -1: none */

  /* evidence */
  HwEvidenceType  evidence;
  HwPlanTypes     evidence_plan_types;
  gboolean        not_before_trigger;
  int             offset_days;
  gboolean        include_plans;
  gboolean        of_subject_plan;
  HwVisitKind     visit_kind;
  HwEvidenceKind  home_evidence;
  HwEvidenceScope scope;

  /* due date */
  HwAnchor        anchor;
  HwOffset        due;
  HwOffset        grace;
  HwOffset        reduced;
  HwOffset        variant;

  /* visit frequency (recurring visits, year counts) */
  gboolean        has_frequency;
  HwFrequencyKind frequency_kind;
  int             standard_per_year;
  int             reduced_per_year;

  HwSource       *sources;
  guint           n_sources;

  char           *title[HW_N_LANGS];
  char           *class_label[HW_N_LANGS];   /* NULL: the class's own label */
  char           *explanation[HW_N_LANGS];
  char           *trigger_name[HW_N_LANGS];
  char           *evidence_name[HW_N_LANGS]; /* NULL: not a recurring rule */
  char           *missing[HW_N_LANGS];
  char           *met[HW_N_LANGS];
  char           *clears[HW_N_LANGS];
};

/* Named definitions the evaluator needs; checked present at load. */
typedef struct {
  const HwBasisSet    *care_order;
  const HwBasisSet    *voluntary_placement;
  const HwBasisSet    *emergency;
  const HwBasisSet    *behaviour_placement;  /* NULL: the catalogue has none */
  const HwCategorySet *foster_home;
  const HwCategorySet *kinship_or_emergency;
  const HwCategorySet *institution;          /* v2; NULL: no institution rules apply */
  int                  due_soon_setting;     /* index of due_soon_days */
} HwDefinitions;

const HwDefinitions *hw_catalogue_get_definitions (const HwCatalogue *self);
const char          *hw_catalogue_subject_type_name (HwSubjectType type);

void     hw_basis_key_init       (HwBasisKey *key, const HwLegalBasis *basis);
gboolean hw_basis_key_equal      (const HwBasisKey *a, const HwBasisKey *b);
gboolean hw_basis_set_matches    (const HwBasisSet *set, const HwBasisKey *key);
gboolean hw_category_set_matches (const HwCategorySet *set, const char *category);
gboolean hw_plan_types_contain   (const HwPlanTypes *types, int plan_type);

/* Everything a finding records, filled by the evaluator. Strings are copied. */
typedef struct {
  const HwRule   *rule;
  const char     *case_id;
  const char     *journal_no;
  gsize           case_id_len;        /* strlen of the two above, computed once per case */
  gsize           journal_no_len;
  HwFindingState  state;
  HwRuleClass     rule_class;
  gboolean        met;
  gboolean        late;
  HwDate          due;
  HwDate          evidence;
  HwDate          trigger;

  HwSubjectType   subject_type;
  const char     *subject_id;
  const char     *subject_name;       /* first part of the name, or NULL */
  const char     *subject_name2;      /* joined to the first with a space, or NULL */
  HwDate          subject_date;
  int             year;

  /* how the due date was computed */
  HwAnchor        anchor;
  gboolean        anchor_is_evidence; /* recurring: counted from the latest evidence */
  HwDate          anchor_date;
  int             amount;
  HwUnit          unit;
  int             sign;
  HwDueVariant    variant;
  gboolean        period_end;         /* year rules: due at the end of the placement */

  /* year rules */
  int             count;
  int             required;
  int             per_year;
  int             days;

  guint           n_settings;
  int             setting_index[3];
  int             setting_value[3];
} HwFindingInit;

HwFinding *hw_finding_new_internal (const HwFindingInit *init);

/* "{key}" placeholders replaced from @keys/@values (n pairs); unknown ones kept. */
void       hw_rules_expand         (GString *out, const char *template_text,
                                    const char *const *keys, const char *const *values,
                                    guint n);

G_END_DECLS
