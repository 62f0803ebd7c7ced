/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-date.h"

G_BEGIN_DECLS

/* Homeward's domain records.
 *
 * Every record is a plain C struct that starts with an HwRecord header and is described by an
 * HwEntityInfo table (hw-entity.c): one description drives the SQL columns, validation, the
 * Homeward XML format and freeing. Plain structs instead of one GObject per row keep a national
 * caseload (millions of rows) cheap to load and evaluate; the UI wraps what it lists in GObjects.
 *
 * Strings are UTF-8, owned by the record (NULL = empty). Dates are HwDate (0 = none).
 * Enumerations are stored by name (see the *_names tables in hw-entity.c). */

typedef enum {
  HW_ENTITY_TEAM,
  HW_ENTITY_STAFF,
  HW_ENTITY_FOSTER_HOME,
  HW_ENTITY_HOME_MEMBER,
  HW_ENTITY_HOME_EVIDENCE,
  HW_ENTITY_CASE,
  HW_ENTITY_CHILD,
  HW_ENTITY_PERSON,
  HW_ENTITY_DECISION,
  HW_ENTITY_DECISION_STATUS,
  HW_ENTITY_MEASURE,
  HW_ENTITY_FREQUENCY,
  HW_ENTITY_MOVE,
  HW_ENTITY_RELATION,
  HW_ENTITY_PLAN,
  HW_ENTITY_PLAN_EVALUATION,
  HW_ENTITY_PETITION,
  HW_ENTITY_AFTERCARE,
  HW_ENTITY_SAMVAER_AGREEMENT,
  HW_ENTITY_SAMVAER_EVALUATION,
  HW_ENTITY_SAMVAER_SESSION,
  HW_ENTITY_VISIT,
  HW_ENTITY_PARENT_FOLLOWUP,
  HW_ENTITY_REUNIFICATION,
  HW_ENTITY_RETURN,
  HW_ENTITY_ACTIVITY,
  HW_N_ENTITIES
} HwEntity;

/* The first member of every record. */
typedef struct {
  HwEntity entity;
  guint    packed;      /* read-only, struct and strings in one block: HW_RECORD_PACKED_* */
  char    *id;          /* UUID, lower case */
  gint64   version;     /* the row version it was read at (the store bumps it on each write);
                         * 0: not read from the database (new, or from a file) */
} HwRecord;

/* SSB LovhjemmelType (the act codes and what a basis means: app/rules/hw-legal.h); lists are
 * comma-separated. */
typedef struct {
  char *law;
  char *chapter;
  char *section;
  char *ledd;
  char *bokstav;
  char *punktum;
  char *jmfr;           /* JmfrLovhjemmel, each "LAW:KAP:PAR:LEDD:BOKSTAV:PUNKTUM", ';'-joined */
} HwLegalBasis;

/* ---- Organisation ---- */

typedef struct {
  HwRecord rec;
  char    *name;
} HwTeam;

typedef enum { HW_ROLE_CASEWORKER, HW_ROLE_TEAM_LEADER, HW_ROLE_SUPERVISOR } HwStaffRole;

typedef struct {
  HwRecord    rec;
  char       *name;
  char       *username;
  HwStaffRole role;
  char       *team_id;
  gboolean    inactive;       /* deactivated: kept for the records that name them */
} HwStaff;

/* ---- Foster homes (shared by the children placed there) ---- */

typedef enum {
  HW_HOME_KINSHIP,      /* familie og nære nettverk */
  HW_HOME_ORDINARY,
  HW_HOME_EMERGENCY,    /* beredskapshjem */
  HW_HOME_SPECIALISED,
} HwHomeKind;

typedef struct {
  HwRecord   rec;
  char      *name;
  HwHomeKind kind;
  char      *municipality;   /* kommunenummer, 4 digits */
  char      *address;
  gboolean   protected_address;
} HwFosterHome;

typedef enum { HW_MEMBER_FOSTER_PARENT, HW_MEMBER_HOUSEHOLD } HwMemberRole;

typedef struct {
  HwRecord     rec;
  char        *home_id;
  char        *name;
  char        *fnr;
  HwDate       birth_date;
  HwMemberRole role;
  HwDate       moved_in;
  HwDate       moved_out;
} HwHomeMember;

typedef enum {
  HW_EVIDENCE_APPROVAL,               /* final approval (general, or for the case's child) */
  HW_EVIDENCE_APPROVAL_PRELIMINARY,
  HW_EVIDENCE_TRAINING,
  HW_EVIDENCE_CONTRACT,
  HW_EVIDENCE_POLICE_CERTIFICATE,     /* "uttømmende og utvidet", seen by the service */
  HW_EVIDENCE_HOUSEHOLD_ASSESSMENT,   /* is a certificate needed for this household member? */
} HwEvidenceKind;

typedef struct {
  HwRecord       rec;
  char          *home_id;
  char          *case_id;      /* approval/contract for one child; NULL = the home in general */
  char          *member_id;    /* police certificate / household assessment */
  HwEvidenceKind kind;
  HwDate         date;
  gboolean       needed;       /* household assessment: a certificate is needed */
  char          *municipality; /* approving municipality */
  char          *note;
} HwHomeEvidence;

/* ---- The case ---- */

typedef struct {
  HwRecord rec;
  char    *journal_no;
  HwDate   start_date;
  HwDate   end_date;
  gboolean closed;            /* SSB Sak/@Avsluttet */
  char    *caseworker_id;     /* kontaktperson (HwStaff) */
  char    *team_id;
  char    *municipality;      /* kommunenummer of the responsible service */
  char    *summary;           /* the plan's summary: needs, how met, time perspective */
  char    *child_views;
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwCase;

typedef enum { HW_SEX_UNKNOWN, HW_SEX_MALE, HW_SEX_FEMALE } HwSex;

typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *given_name;
  char    *family_name;
  char    *fnr;               /* fødselsnummer, D-number or SSB stand-in */
  HwDate   birth_date;
  HwSex    sex;
  HwDate   start_date;        /* SSB Personalia/@StartDato */
  gboolean protected_address;
  char    *address;
  char    *school;
  char    *duf;               /* SSB Personalia/@DUFnummer: the UDI number, 12 digits */
} HwChild;

typedef enum {
  HW_RELATION_MOTHER,
  HW_RELATION_FATHER,
  HW_RELATION_OTHER_PARENT,   /* other with parental responsibility */
  HW_RELATION_SIBLING,
  HW_RELATION_GRANDPARENT,
  HW_RELATION_RELATIVE,
  HW_RELATION_OTHER,
} HwRelationKind;

typedef struct {
  HwRecord       rec;
  char          *case_id;
  char          *name;
  char          *fnr;
  HwDate         birth_date;
  HwRelationKind relation;
  gboolean       parental_responsibility;
  gboolean       protected_address;
  char          *address;
  char          *phone;
} HwPerson;

typedef enum { HW_DECIDER_SERVICE, HW_DECIDER_TRIBUNAL, HW_DECIDER_COURT } HwDecider;

typedef struct {
  HwRecord     rec;
  char        *case_id;
  HwDecider    decided_by;
  HwLegalBasis basis;
  HwDate       start_date;            /* decided */
  HwDate       end_date;              /* SSB Konklusjon/@SluttDato */
  char        *min_samvaer;           /* the tribunal's minimum contact, as written */
  int          min_samvaer_per_year;  /* the same as a count, 0 = not set */
  char        *expected_duration;     /* from 2026 */
  char        *support_needs;         /* from 2026 */
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwDecision;

/* SSB Vedtak/Status: 1 approved, 2 petition sent to the tribunal, 3 lapsed, 4 refused/closed. */
typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *decision_id;
  HwDate   date;
  int      code;
} HwDecisionStatus;

typedef struct {
  HwRecord     rec;
  char        *case_id;
  HwLegalBasis basis;
  char        *category;             /* SSB Kategori/@Kode, e.g. "2.1" */
  char        *category_note;        /* Presisering */
  HwDate       start_date;
  HwDate       end_date;             /* SSB Konklusjon/@SluttDato */
  int          end_reason;           /* SSB Opphevelse/@Kode 1–4, 0 = none */
  char        *end_reason_note;
  char        *home_id;              /* the foster home, for category 2.x */
  char        *tilsyn_municipality;  /* Tilsyn/Ansvarlig/@Kommunenummer */
  /* Every Tilsyn/Ansvarlig as SSB gave it, "Id,StartDato,Kommunenummer;…" in the file's
   * order (tilsyn_municipality is the latest): exported again as they were. */
  char        *tilsyn_responsible;
  char        *purpose;
  char        *planned_duration;
  HwDate       network_assessed;     /* documented: can family or network be the home? */
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwMeasure;

typedef enum { HW_FREQUENCY_FOLLOWUP, HW_FREQUENCY_TILSYN } HwFrequencyKind;

/* SSB Oppfolging/Hyppighet and Tilsyn/Hyppighet: visits a year (4 standard, 2 reduced). */
typedef struct {
  HwRecord        rec;
  char           *case_id;
  char           *measure_id;
  HwFrequencyKind kind;
  int             per_year;
  HwDate          start_date;
  HwDate          end_date;
} HwFrequency;

typedef struct {
  HwRecord rec;
  char    *case_id;
  HwDate   date;                /* SSB Flytting/@SluttDato */
  char    *reason_code;         /* ArsakFra/@Kode */
  char    *reason_note;
  char    *to_code;             /* FlyttingTil/@Kode */
  char    *to_note;
  gboolean planned;
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwMove;

/* SSB Relasjon: links between records of a case (decision ↔ measure, …). */
typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *from_id;
  char    *from_type;           /* SSB BegrepsType: "Vedtak", "Tiltak", "Plan", … */
  char    *to_id;
  char    *to_type;
} HwRelation;

/* SSB Plantype 1–8, and Homeward's own plans from 100 up. */
enum {
  HW_PLAN_MEASURES = 1,          /* tiltaksplan § 8-1 / § 4-5 */
  HW_PLAN_MEASURES_8_4 = 2,
  HW_PLAN_CARE_PRELIMINARY = 3,  /* foreløpig omsorgsplan, 1992 act */
  HW_PLAN_CARE = 4,
  HW_PLAN_AFTERCARE = 5,
  HW_PLAN_SAMVAER = 6,
  HW_PLAN_INVESTIGATION = 7,
  HW_PLAN_INVESTIGATION_EMERGENCY = 8,
  HW_PLAN_RETURN = 101,
  HW_PLAN_FOSTER_FAMILY = 102,
};

typedef struct {
  HwRecord rec;
  char    *case_id;
  int      plan_type;
  HwDate   start_date;         /* made */
  HwDate   end_date;           /* SSB Konklusjon/@SluttDato */
  int      version;
  char    *approved_by;
  char    *note;
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwPlan;

typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *plan_id;
  HwDate   date;               /* SSB Evaluering/@UtfortDato */
  char    *note;
} HwPlanEvaluation;

/* SSB OversendelseFylkesnemnd: a petition sent to the tribunal. */
typedef struct {
  HwRecord     rec;
  char        *case_id;
  HwDate       date;
  HwLegalBasis basis;
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwPetition;

typedef enum { HW_AFTERCARE_OFFER, HW_AFTERCARE_ASSESSMENT } HwAftercareKind;

/* SSB Ettervern (an offer) or Homeward's own aftercare assessment. */
typedef struct {
  HwRecord        rec;
  char           *case_id;
  HwAftercareKind kind;
  HwDate          date;              /* TilbudSendtDato */
  int             conclusion;        /* Konklusjon/@Kode 1–3, 0 = none */
  HwDate          conclusion_date;
  char           *note;
  char    *migrated_id;       /* SSB @MigrertId: the id in the system it came from */
} HwAftercare;

typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *person_id;          /* with whom */
  char    *rrule;              /* RFC 5545 recurrence, e.g. "FREQ=MONTHLY;INTERVAL=1" */
  int      duration_minutes;
  char    *place;
  gboolean supervised;
  char    *supervisor;
  char    *tribunal_minimum;
  HwDate   valid_from;
  HwDate   valid_to;
  char    *approved_by;        /* team leader (HwStaff id) */
  HwDate   approved_date;
} HwSamvaerAgreement;

typedef struct {
  HwRecord rec;
  char    *case_id;
  char    *agreement_id;
  HwDate   date;
  char    *note;
} HwSamvaerEvaluation;

typedef enum {
  HW_SESSION_PLANNED,
  HW_SESSION_HELD,
  HW_SESSION_CANCELLED_PARENT,
  HW_SESSION_CANCELLED_CHILD,
  HW_SESSION_CANCELLED_SERVICE,
  HW_SESSION_CANCELLED_FOSTER_HOME,
} HwSessionStatus;

typedef struct {
  HwRecord        rec;
  char           *case_id;
  char           *agreement_id;
  HwDate          date;
  HwSessionStatus status;
  char           *reason;
  char           *report;
  char           *child_reaction;
} HwSamvaerSession;

typedef enum {
  HW_VISIT_FOLLOWUP,            /* oppfølgingsbesøk in the foster home (care municipality) */
  HW_VISIT_TILSYN,              /* supervision visit (foster-home municipality) */
  HW_VISIT_CHILD_CONVERSATION,
  HW_VISIT_PARENT_MEETING,
  HW_VISIT_RESPONSIBILITY_GROUP,
  HW_VISIT_CASE_REVIEW,
} HwVisitKind;

typedef struct {
  HwRecord    rec;
  char       *case_id;
  char       *measure_id;
  HwVisitKind kind;
  HwDate      date;
  gboolean    in_person;
  gboolean    child_alone;
  char       *person_id;
  char       *staff_id;
  char       *notes;
} HwVisit;

typedef enum {
  HW_FOLLOWUP_FIRST_CONTACT,    /* first conversation after the care order, offering guidance */
  HW_FOLLOWUP_CONTACT,
  HW_FOLLOWUP_MEASURE,          /* a measure offered (and perhaps accepted) */
  HW_FOLLOWUP_REFERRAL,         /* to NAV, mental health, addiction care, family counselling */
  HW_FOLLOWUP_VIEWS,            /* the parent's own views */
} HwFollowupKind;

typedef struct {
  HwRecord       rec;
  char          *case_id;
  char          *person_id;
  HwFollowupKind kind;
  HwDate         date;
  gboolean       guidance_offered;
  gboolean       accepted;
  gboolean       consent;
  gboolean       formal_decision;
  char          *provider;
  char          *notes;
} HwParentFollowup;

typedef enum {
  HW_GOAL_NONE,                 /* an assessment that keeps the current goal */
  HW_GOAL_RETURN_HOME,
  HW_GOAL_RETURN_IN_PREPARATION,
  HW_GOAL_LONG_TERM,
  HW_GOAL_ABANDONED,
} HwGoal;

/* A dated reunification assessment; one with a goal sets (or changes) the goal. */
typedef struct {
  HwRecord rec;
  char    *case_id;
  HwDate   date;
  HwGoal   goal;
  char    *grounds;
  char    *prerequisites;       /* what must be in place */
  char    *child_views;
  char    *parent_views;
  HwDate   planned_return;
  char    *assessed_by;
} HwReunification;

typedef struct {
  HwRecord rec;
  char    *case_id;
  HwDate   date;
  gboolean planned;
  HwDate   offer_date;          /* follow-up offered to child and parents after the return */
  char    *support;
  HwDate   reentry_date;
  char    *notes;
} HwReturn;

typedef enum { HW_PART_CHILD, HW_PART_PARENTS, HW_PART_FOSTER_FAMILY } HwPart;

/* One activity of the Omsorgspakke plan, instantiated from the municipal template. */
typedef struct {
  HwRecord rec;
  char    *case_id;
  HwPart   part;
  char    *title;
  HwDate   due;
  HwDate   done_date;
  char    *dropped_reason;
  char    *responsible;
  char    *participants;
  char    *basis;               /* "L", "V" or "K" */
  char    *template_key;
} HwActivity;

G_END_DECLS
