/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hw-entity.h"
#include "hw-entity-private.h"
#include "hw-error.h"
#include "hw-identity.h"

#define TEXT(S, m, fl, lbl) \
  { #m, HW_FIELD_TEXT, fl, offsetof (S, m), NULL, 0, lbl, NULL, HW_CODES_NONE }
#define REF(S, m, e, fl, lbl) \
  { #m, HW_FIELD_REF, fl, offsetof (S, m), NULL, e, lbl, NULL, HW_CODES_NONE }
#define DATE(S, m, fl, lbl) \
  { #m, HW_FIELD_DATE, fl, offsetof (S, m), NULL, 0, lbl, NULL, HW_CODES_NONE }
#define INT(S, m, fl, lbl) \
  { #m, HW_FIELD_INT, fl, offsetof (S, m), NULL, 0, lbl, NULL, HW_CODES_NONE }
#define BOOL(S, m, fl, lbl) \
  { #m, HW_FIELD_BOOL, fl, offsetof (S, m), NULL, 0, lbl, NULL, HW_CODES_NONE }
/* @n names the pair n_names (stored) and n_labels (N_(), what users read). */
#define ENUM(S, m, n, fl, lbl) \
  { #m, HW_FIELD_ENUM, fl, offsetof (S, m), n##_names, 0, lbl, n##_labels, HW_CODES_NONE }
/* A code of a value list (hw-codes.h), as text or as a number. */
#define CODE(S, m, l, fl, lbl) \
  { #m, HW_FIELD_TEXT, fl, offsetof (S, m), NULL, 0, lbl, NULL, l }
#define INT_CODE(S, m, l, fl, lbl) \
  { #m, HW_FIELD_INT, fl, offsetof (S, m), NULL, 0, lbl, NULL, l }
#define CASE_REF(S) REF (S, case_id, HW_ENTITY_CASE, HW_FIELD_REQUIRED | HW_FIELD_OWNER, N_("Case"))
#define BASIS_PART(S, n, m, fl, lbl) \
  { n, HW_FIELD_TEXT, fl, offsetof (S, basis.m), NULL, 0, lbl, NULL, HW_CODES_NONE }
#define BASIS(S, fl) \
  { "law", HW_FIELD_TEXT, fl, offsetof (S, basis.law), NULL, 0, N_("Act"), NULL, HW_CODES_ACT }, \
  BASIS_PART (S, "chapter", chapter, fl, N_("Chapter")), \
  BASIS_PART (S, "section", section, fl, N_("Section")), \
  BASIS_PART (S, "ledd", ledd, 0, N_("Subsection")), \
  BASIS_PART (S, "bokstav", bokstav, 0, N_("Letter")), \
  BASIS_PART (S, "punktum", punktum, 0, N_("Sentence")), \
  BASIS_PART (S, "jmfr", jmfr, 0, N_("Related legal basis"))

#define REQ HW_FIELD_REQUIRED
#define PERS HW_FIELD_PERSONAL
#define PROSE HW_FIELD_PROSE
/* Free text no rule reads, line breaks allowed. */
#define NOTE (HW_FIELD_PROSE | HW_FIELD_MULTILINE)
#define MULTI HW_FIELD_MULTILINE

/* Each enumeration: the names stored (never change one: they are in databases and files) and,
 * in the same order, what users read. */
static const char *const role_names[] = { "caseworker", "team-leader", "supervisor", NULL };
static const char *const role_labels[] = { N_("Caseworker"), N_("Team leader"),
                                           N_("Supervisor") };
static const char *const home_kind_names[] = { "kinship", "ordinary", "emergency", "specialised",
                                               NULL };
/* As SSB's measure categories 2.1, 2.2, 2.5 and 2.3 (hw-codes.c). */
static const char *const home_kind_labels[] = {
  N_("Foster home in the family or close network"),
  N_("Foster home outside the family and close network"), N_("Emergency foster home"),
  N_("Specialised foster home") };
static const char *const member_role_names[] = { "foster-parent", "household", NULL };
static const char *const member_role_labels[] = { N_("Foster parent"),
                                                  N_("Other household member") };
static const char *const evidence_names[] = { "approval", "approval-preliminary", "training",
                                              "contract", "police-certificate",
                                              "household-assessment", NULL };
static const char *const evidence_labels[] = { N_("Approval"), N_("Preliminary approval"),
                                               N_("Training completed"),
                                               N_("Foster home contract"),
                                               N_("Police certificate"),
                                               N_("Assessment: police certificate needed?") };
static const char *const sex_names[] = { "unknown", "male", "female", NULL };
static const char *const sex_labels[] = { N_("Unknown"), N_("Boy"), N_("Girl") };
static const char *const relation_names[] = { "mother", "father", "other-parent", "sibling",
                                              "grandparent", "relative", "other", NULL };
static const char *const relation_labels[] = { N_("Mother"), N_("Father"),
                                               N_("Other person with parental responsibility"),
                                               N_("Sibling"), N_("Grandparent"),
                                               N_("Other relative"), N_("Other") };
static const char *const decider_names[] = { "service", "tribunal", "court", NULL };
static const char *const decider_labels[] = { N_("The child welfare service"),
                                              N_("The county tribunal"), N_("The court") };
static const char *const frequency_names[] = { "followup", "tilsyn", NULL };
static const char *const frequency_labels[] = { N_("Follow-up visits"),
                                                N_("Supervision visits") };
static const char *const aftercare_names[] = { "offer", "assessment", NULL };
static const char *const aftercare_labels[] = { N_("Offer"), N_("Assessment") };
static const char *const session_names[] = { "planned", "held", "cancelled-parent",
                                             "cancelled-child", "cancelled-service",
                                             "cancelled-foster-home", NULL };
static const char *const session_labels[] = { N_("Planned"), N_("Held"),
                                              N_("Cancelled by the parent"),
                                              N_("Cancelled by the child"),
                                              N_("Cancelled by the service"),
                                              N_("Cancelled by the foster home") };
static const char *const visit_names[] = { "followup", "tilsyn", "child-conversation",
                                           "parent-meeting", "responsibility-group",
                                           "case-review", NULL };
static const char *const visit_labels[] = { N_("Follow-up visit"), N_("Supervision visit"),
                                            N_("Conversation with the child"),
                                            N_("Meeting with parents"),
                                            N_("Responsibility group meeting"),
                                            N_("Case review") };
static const char *const followup_names[] = { "first-contact", "contact", "measure", "referral",
                                              "views", NULL };
static const char *const followup_labels[] = { N_("First conversation after the care order"),
                                               N_("Conversation"), N_("Measure offered"),
                                               N_("Referral"), N_("The parent’s own views") };
static const char *const goal_names[] = { "none", "return-home", "return-in-preparation",
                                          "long-term", "abandoned", NULL };
static const char *const goal_labels[] = { N_("Goal kept"), N_("Return home"),
                                           N_("Return home being prepared"),
                                           N_("Long-term placement"),
                                           N_("Reunification abandoned") };
static const char *const part_names[] = { "child", "parents", "foster-family", NULL };
static const char *const part_labels[] = { N_("The child"), N_("The parents"),
                                           N_("The foster family") };

static const HwField team_fields[] = {
  TEXT (HwTeam, name, REQ, N_("Name")),
};

static const HwField staff_fields[] = {
  TEXT (HwStaff, name, REQ, N_("Name")),
  TEXT (HwStaff, username, 0, N_("User name")),
  ENUM (HwStaff, role, role, 0, N_("Role")),
  REF (HwStaff, team_id, HW_ENTITY_TEAM, 0, N_("Team")),
  BOOL (HwStaff, inactive, 0, N_("Deactivated")),
};

static const HwField home_fields[] = {
  TEXT (HwFosterHome, name, REQ | PERS, N_("Name")),
  ENUM (HwFosterHome, kind, home_kind, 0, N_("Kind of home")),
  TEXT (HwFosterHome, municipality, 0, N_("Municipality")),
  TEXT (HwFosterHome, address, PERS | NOTE, N_("Address")),
  BOOL (HwFosterHome, protected_address, 0, N_("Protected address")),
};

static const HwField member_fields[] = {
  REF (HwHomeMember, home_id, HW_ENTITY_FOSTER_HOME, REQ | HW_FIELD_OWNER, N_("Foster home")),
  TEXT (HwHomeMember, name, REQ | PERS, N_("Name")),
  TEXT (HwHomeMember, fnr, PERS | HW_FIELD_IDENTITY, N_("Identity number")),
  DATE (HwHomeMember, birth_date, 0, N_("Birth date")),
  ENUM (HwHomeMember, role, member_role, 0, N_("Role in the home")),
  DATE (HwHomeMember, moved_in, HW_FIELD_START, N_("Moved in")),
  DATE (HwHomeMember, moved_out, HW_FIELD_END, N_("Moved out")),
};

static const HwField evidence_fields[] = {
  REF (HwHomeEvidence, home_id, HW_ENTITY_FOSTER_HOME, REQ | HW_FIELD_OWNER, N_("Foster home")),
  REF (HwHomeEvidence, case_id, HW_ENTITY_CASE, 0, N_("Case")),
  REF (HwHomeEvidence, member_id, HW_ENTITY_HOME_MEMBER, 0, N_("Member")),
  ENUM (HwHomeEvidence, kind, evidence, 0, N_("Document")),
  DATE (HwHomeEvidence, date, REQ, N_("Date")),
  BOOL (HwHomeEvidence, needed, 0, N_("Certificate needed")),
  TEXT (HwHomeEvidence, municipality, 0, N_("Municipality")),
  TEXT (HwHomeEvidence, note, NOTE, N_("Note")),
};

static const HwField case_fields[] = {
  TEXT (HwCase, journal_no, REQ, N_("Journal number")),
  DATE (HwCase, start_date, REQ | HW_FIELD_START, N_("Start date")),
  DATE (HwCase, end_date, HW_FIELD_END, N_("End date")),
  BOOL (HwCase, closed, 0, N_("Closed")),
  REF (HwCase, caseworker_id, HW_ENTITY_STAFF, 0, N_("Kontaktperson")),
  REF (HwCase, team_id, HW_ENTITY_TEAM, 0, N_("Team")),
  TEXT (HwCase, municipality, 0, N_("Municipality")),
  TEXT (HwCase, summary, NOTE, N_("Summary")),
  TEXT (HwCase, child_views, NOTE, N_("The child's views")),
  TEXT (HwCase, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField child_fields[] = {
  CASE_REF (HwChild),
  TEXT (HwChild, given_name, REQ | PERS, N_("Given name")),
  TEXT (HwChild, family_name, PERS, N_("Family name")),
  TEXT (HwChild, fnr, REQ | PERS | HW_FIELD_IDENTITY, N_("Identity number")),
  DATE (HwChild, birth_date, REQ, N_("Birth date")),
  ENUM (HwChild, sex, sex, 0, N_("Sex")),
  DATE (HwChild, start_date, 0, N_("Registered from")),
  BOOL (HwChild, protected_address, 0, N_("Protected address")),
  TEXT (HwChild, address, PERS | NOTE, N_("Address")),
  TEXT (HwChild, school, PROSE, N_("Kindergarten or school")),
  TEXT (HwChild, duf, PERS, N_("DUF number")),
};

static const HwField person_fields[] = {
  CASE_REF (HwPerson),
  TEXT (HwPerson, name, REQ | PERS, N_("Name")),
  TEXT (HwPerson, fnr, PERS | HW_FIELD_IDENTITY, N_("Identity number")),
  DATE (HwPerson, birth_date, 0, N_("Birth date")),
  ENUM (HwPerson, relation, relation, 0, N_("Relation")),
  BOOL (HwPerson, parental_responsibility, 0, N_("Parental responsibility")),
  BOOL (HwPerson, protected_address, 0, N_("Protected address")),
  TEXT (HwPerson, address, PERS | NOTE, N_("Address")),
  TEXT (HwPerson, phone, PERS | PROSE, N_("Phone")),
};

static const HwField decision_fields[] = {
  CASE_REF (HwDecision),
  ENUM (HwDecision, decided_by, decider, 0, N_("Decided by")),
  BASIS (HwDecision, REQ),
  DATE (HwDecision, start_date, REQ | HW_FIELD_START, N_("Decision date")),
  DATE (HwDecision, end_date, HW_FIELD_END, N_("End date")),
  TEXT (HwDecision, min_samvaer, NOTE, N_("Minimum contact")),
  INT (HwDecision, min_samvaer_per_year, 0, N_("Minimum contact sessions a year")),
  TEXT (HwDecision, expected_duration, NOTE, N_("Expected duration")),
  TEXT (HwDecision, support_needs, NOTE, N_("The parents' support needs")),
  TEXT (HwDecision, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField status_fields[] = {
  CASE_REF (HwDecisionStatus),
  REF (HwDecisionStatus, decision_id, HW_ENTITY_DECISION, REQ, N_("Decision")),
  DATE (HwDecisionStatus, date, REQ, N_("Status date")),
  INT_CODE (HwDecisionStatus, code, HW_CODES_DECISION_STATUS, REQ, N_("Status")),
};

static const HwField measure_fields[] = {
  CASE_REF (HwMeasure),
  BASIS (HwMeasure, REQ),
  CODE (HwMeasure, category, HW_CODES_CATEGORY, REQ, N_("Category")),
  TEXT (HwMeasure, category_note, NOTE, N_("Category note")),
  DATE (HwMeasure, start_date, REQ | HW_FIELD_START, N_("Start date")),
  DATE (HwMeasure, end_date, HW_FIELD_END, N_("End date")),
  INT_CODE (HwMeasure, end_reason, HW_CODES_END_REASON, 0, N_("End reason")),
  TEXT (HwMeasure, end_reason_note, NOTE, N_("End reason note")),
  REF (HwMeasure, home_id, HW_ENTITY_FOSTER_HOME, 0, N_("Foster home")),
  TEXT (HwMeasure, tilsyn_municipality, 0, N_("Supervising municipality")),
  TEXT (HwMeasure, tilsyn_responsible, 0, N_("Supervising municipalities (SSB)")),
  TEXT (HwMeasure, purpose, NOTE, N_("Purpose")),
  TEXT (HwMeasure, planned_duration, NOTE, N_("Planned duration")),
  DATE (HwMeasure, network_assessed, 0, N_("Network assessed")),
  TEXT (HwMeasure, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField frequency_fields[] = {
  CASE_REF (HwFrequency),
  REF (HwFrequency, measure_id, HW_ENTITY_MEASURE, REQ, N_("Measure")),
  ENUM (HwFrequency, kind, frequency, 0, N_("Kind")),
  INT (HwFrequency, per_year, REQ, N_("Visits a year")),
  DATE (HwFrequency, start_date, REQ | HW_FIELD_START, N_("Start date")),
  DATE (HwFrequency, end_date, HW_FIELD_END, N_("End date")),
};

static const HwField move_fields[] = {
  CASE_REF (HwMove),
  DATE (HwMove, date, REQ, N_("Date")),
  CODE (HwMove, reason_code, HW_CODES_MOVE_REASON, REQ, N_("Reason")),
  TEXT (HwMove, reason_note, NOTE, N_("Reason note")),
  CODE (HwMove, to_code, HW_CODES_MOVED_TO, REQ, N_("Moved to")),
  TEXT (HwMove, to_note, NOTE, N_("Moved to, note")),
  BOOL (HwMove, planned, 0, N_("Planned")),
  TEXT (HwMove, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField relation_fields[] = {
  CASE_REF (HwRelation),
  TEXT (HwRelation, from_id, REQ, N_("From")),
  CODE (HwRelation, from_type, HW_CODES_CONCEPT, REQ, N_("From type")),
  TEXT (HwRelation, to_id, REQ, N_("To")),
  CODE (HwRelation, to_type, HW_CODES_CONCEPT, REQ, N_("To type")),
};

static const HwField plan_fields[] = {
  CASE_REF (HwPlan),
  INT_CODE (HwPlan, plan_type, HW_CODES_PLAN_TYPE, REQ, N_("Plan type")),
  DATE (HwPlan, start_date, REQ | HW_FIELD_START, N_("Date made")),
  DATE (HwPlan, end_date, HW_FIELD_END, N_("End date")),
  INT (HwPlan, version, 0, N_("Version")),
  TEXT (HwPlan, approved_by, 0, N_("Approved by")),
  TEXT (HwPlan, note, NOTE, N_("Note")),
  TEXT (HwPlan, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField evaluation_fields[] = {
  CASE_REF (HwPlanEvaluation),
  REF (HwPlanEvaluation, plan_id, HW_ENTITY_PLAN, REQ, N_("Plan")),
  DATE (HwPlanEvaluation, date, REQ, N_("Evaluated")),
  TEXT (HwPlanEvaluation, note, NOTE, N_("Note")),
};

static const HwField petition_fields[] = {
  CASE_REF (HwPetition),
  DATE (HwPetition, date, REQ, N_("Sent")),
  BASIS (HwPetition, REQ),
  TEXT (HwPetition, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField aftercare_fields[] = {
  CASE_REF (HwAftercare),
  ENUM (HwAftercare, kind, aftercare, 0, N_("Kind")),
  DATE (HwAftercare, date, REQ | HW_FIELD_START, N_("Date")),
  INT_CODE (HwAftercare, conclusion, HW_CODES_AFTERCARE_CONCLUSION, 0,
            N_("Conclusion")),
  DATE (HwAftercare, conclusion_date, HW_FIELD_END, N_("Concluded")),
  TEXT (HwAftercare, note, NOTE, N_("Note")),
  TEXT (HwAftercare, migrated_id, 0, N_("Migrated id (SSB)")),
};

static const HwField agreement_fields[] = {
  CASE_REF (HwSamvaerAgreement),
  REF (HwSamvaerAgreement, person_id, HW_ENTITY_PERSON, REQ, N_("With")),
  TEXT (HwSamvaerAgreement, rrule, REQ, N_("How often")),
  INT (HwSamvaerAgreement, duration_minutes, 0, N_("Duration (minutes)")),
  TEXT (HwSamvaerAgreement, place, NOTE, N_("Place")),
  BOOL (HwSamvaerAgreement, supervised, 0, N_("Supervised")),
  TEXT (HwSamvaerAgreement, supervisor, PROSE, N_("Supervisor")),
  TEXT (HwSamvaerAgreement, tribunal_minimum, NOTE, N_("Tribunal's minimum")),
  DATE (HwSamvaerAgreement, valid_from, REQ | HW_FIELD_START, N_("Valid from")),
  DATE (HwSamvaerAgreement, valid_to, HW_FIELD_END, N_("Valid to")),
  REF (HwSamvaerAgreement, approved_by, HW_ENTITY_STAFF, 0, N_("Approved by")),
  DATE (HwSamvaerAgreement, approved_date, 0, N_("Approved")),
};

static const HwField samvaer_eval_fields[] = {
  CASE_REF (HwSamvaerEvaluation),
  REF (HwSamvaerEvaluation, agreement_id, HW_ENTITY_SAMVAER_AGREEMENT, REQ, N_("Agreement")),
  DATE (HwSamvaerEvaluation, date, REQ, N_("Evaluated")),
  TEXT (HwSamvaerEvaluation, note, NOTE, N_("Note")),
};

static const HwField session_fields[] = {
  CASE_REF (HwSamvaerSession),
  REF (HwSamvaerSession, agreement_id, HW_ENTITY_SAMVAER_AGREEMENT, REQ, N_("Agreement")),
  DATE (HwSamvaerSession, date, REQ, N_("Date")),
  ENUM (HwSamvaerSession, status, session, 0, N_("Status")),
  TEXT (HwSamvaerSession, reason, NOTE, N_("Reason")),
  TEXT (HwSamvaerSession, report, NOTE, N_("Supervisor's report")),
  TEXT (HwSamvaerSession, child_reaction, NOTE, N_("The child's reactions")),
};

static const HwField visit_fields[] = {
  CASE_REF (HwVisit),
  REF (HwVisit, measure_id, HW_ENTITY_MEASURE, 0, N_("Placement")),
  ENUM (HwVisit, kind, visit, 0, N_("Kind")),
  DATE (HwVisit, date, REQ, N_("Date")),
  BOOL (HwVisit, in_person, 0, N_("In person")),
  BOOL (HwVisit, child_alone, 0, N_("Child spoke alone")),
  REF (HwVisit, person_id, HW_ENTITY_PERSON, 0, N_("Person")),
  REF (HwVisit, staff_id, HW_ENTITY_STAFF, 0, N_("By")),
  TEXT (HwVisit, notes, NOTE, N_("Notes")),
};

static const HwField followup_fields[] = {
  CASE_REF (HwParentFollowup),
  REF (HwParentFollowup, person_id, HW_ENTITY_PERSON, REQ, N_("Parent")),
  ENUM (HwParentFollowup, kind, followup, 0, N_("Kind")),
  DATE (HwParentFollowup, date, REQ, N_("Date")),
  BOOL (HwParentFollowup, guidance_offered, 0, N_("Guidance offered")),
  BOOL (HwParentFollowup, accepted, 0, N_("Accepted")),
  BOOL (HwParentFollowup, consent, 0, N_("Consent")),
  BOOL (HwParentFollowup, formal_decision, 0, N_("Formal decision")),
  TEXT (HwParentFollowup, provider, NOTE, N_("Provider")),
  TEXT (HwParentFollowup, notes, NOTE, N_("Notes")),
};

static const HwField reunification_fields[] = {
  CASE_REF (HwReunification),
  DATE (HwReunification, date, REQ, N_("Assessed")),
  ENUM (HwReunification, goal, goal, 0, N_("Goal")),
  TEXT (HwReunification, grounds, MULTI, N_("Grounds")),
  TEXT (HwReunification, prerequisites, NOTE, N_("What must be in place")),
  TEXT (HwReunification, child_views, NOTE, N_("The child's views")),
  TEXT (HwReunification, parent_views, NOTE, N_("The parents' views")),
  DATE (HwReunification, planned_return, 0, N_("Planned return")),
  TEXT (HwReunification, assessed_by, PROSE, N_("Assessed by")),
};

static const HwField return_fields[] = {
  CASE_REF (HwReturn),
  DATE (HwReturn, date, REQ | HW_FIELD_START, N_("Return date")),
  BOOL (HwReturn, planned, 0, N_("Planned")),
  DATE (HwReturn, offer_date, 0, N_("Follow-up offered")),
  TEXT (HwReturn, support, NOTE, N_("Support after return")),
  DATE (HwReturn, reentry_date, HW_FIELD_END, N_("Placed again")),
  TEXT (HwReturn, notes, NOTE, N_("Notes")),
};

static const HwField activity_fields[] = {
  CASE_REF (HwActivity),
  ENUM (HwActivity, part, part, 0, N_("Part")),
  TEXT (HwActivity, title, REQ | MULTI, N_("Activity")),
  DATE (HwActivity, due, 0, N_("Due")),
  DATE (HwActivity, done_date, 0, N_("Done")),
  TEXT (HwActivity, dropped_reason, MULTI, N_("Dropped because")),
  TEXT (HwActivity, responsible, 0, N_("Responsible")),
  TEXT (HwActivity, participants, MULTI, N_("Participants")),
  TEXT (HwActivity, basis, 0, N_("Basis")),
  TEXT (HwActivity, template_key, 0, N_("Template row")),
};

#define ENTITY(e, n, lbl, S, own, f) \
  [e] = { e, n, lbl, sizeof (S), own, f, G_N_ELEMENTS (f) }

static const HwEntityInfo entities[HW_N_ENTITIES] = {
  ENTITY (HW_ENTITY_TEAM, "team", N_("Team"), HwTeam, HW_ENTITY_TEAM, team_fields),
  ENTITY (HW_ENTITY_STAFF, "staff", N_("Staff member"), HwStaff, HW_ENTITY_STAFF, staff_fields),
  ENTITY (HW_ENTITY_FOSTER_HOME, "foster_home", N_("Foster home"), HwFosterHome,
          HW_ENTITY_FOSTER_HOME, home_fields),
  ENTITY (HW_ENTITY_HOME_MEMBER, "home_member", N_("Foster home member"), HwHomeMember,
          HW_ENTITY_FOSTER_HOME, member_fields),
  ENTITY (HW_ENTITY_HOME_EVIDENCE, "home_evidence", N_("Foster home document"), HwHomeEvidence,
          HW_ENTITY_FOSTER_HOME, evidence_fields),
  ENTITY (HW_ENTITY_CASE, "case_file", N_("Case"), HwCase, HW_ENTITY_CASE, case_fields),
  ENTITY (HW_ENTITY_CHILD, "child", N_("Child"), HwChild, HW_ENTITY_CASE, child_fields),
  ENTITY (HW_ENTITY_PERSON, "person", N_("Person"), HwPerson, HW_ENTITY_CASE, person_fields),
  ENTITY (HW_ENTITY_DECISION, "decision", N_("Decision"), HwDecision, HW_ENTITY_CASE,
          decision_fields),
  ENTITY (HW_ENTITY_DECISION_STATUS, "decision_status", N_("Decision status"),
          HwDecisionStatus, HW_ENTITY_CASE, status_fields),
  ENTITY (HW_ENTITY_MEASURE, "measure", N_("Measure"), HwMeasure, HW_ENTITY_CASE,
          measure_fields),
  ENTITY (HW_ENTITY_FREQUENCY, "frequency", N_("Visit frequency"), HwFrequency, HW_ENTITY_CASE,
          frequency_fields),
  ENTITY (HW_ENTITY_MOVE, "move", N_("Move"), HwMove, HW_ENTITY_CASE, move_fields),
  ENTITY (HW_ENTITY_RELATION, "relation", N_("Link"), HwRelation, HW_ENTITY_CASE,
          relation_fields),
  ENTITY (HW_ENTITY_PLAN, "plan", N_("Plan"), HwPlan, HW_ENTITY_CASE, plan_fields),
  ENTITY (HW_ENTITY_PLAN_EVALUATION, "plan_evaluation", N_("Plan evaluation"),
          HwPlanEvaluation, HW_ENTITY_CASE, evaluation_fields),
  ENTITY (HW_ENTITY_PETITION, "petition", N_("Petition to the tribunal"), HwPetition,
          HW_ENTITY_CASE, petition_fields),
  ENTITY (HW_ENTITY_AFTERCARE, "aftercare", N_("Aftercare"), HwAftercare, HW_ENTITY_CASE,
          aftercare_fields),
  ENTITY (HW_ENTITY_SAMVAER_AGREEMENT, "samvaer_agreement", N_("Contact agreement"),
          HwSamvaerAgreement, HW_ENTITY_CASE, agreement_fields),
  ENTITY (HW_ENTITY_SAMVAER_EVALUATION, "samvaer_evaluation", N_("Contact evaluation"),
          HwSamvaerEvaluation, HW_ENTITY_CASE, samvaer_eval_fields),
  ENTITY (HW_ENTITY_SAMVAER_SESSION, "samvaer_session", N_("Contact session"),
          HwSamvaerSession, HW_ENTITY_CASE, session_fields),
  ENTITY (HW_ENTITY_VISIT, "visit", N_("Visit"), HwVisit, HW_ENTITY_CASE, visit_fields),
  ENTITY (HW_ENTITY_PARENT_FOLLOWUP, "parent_followup", N_("Parent follow-up"),
          HwParentFollowup, HW_ENTITY_CASE, followup_fields),
  ENTITY (HW_ENTITY_REUNIFICATION, "reunification", N_("Reunification assessment"),
          HwReunification, HW_ENTITY_CASE, reunification_fields),
  ENTITY (HW_ENTITY_RETURN, "return_home", N_("Return home"), HwReturn, HW_ENTITY_CASE,
          return_fields),
  ENTITY (HW_ENTITY_ACTIVITY, "activity", N_("Activity"), HwActivity, HW_ENTITY_CASE,
          activity_fields),
};

const HwEntityInfo *
hw_entity_info (HwEntity entity)
{
  g_return_val_if_fail (entity < HW_N_ENTITIES, NULL);
  return &entities[entity];
}

const HwEntityInfo *
hw_entity_info_by_name (const char *name)
{
  for (guint i = 0; i < HW_N_ENTITIES; i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return &entities[i];
  return NULL;
}

const HwField *
hw_entity_find_field (const HwEntityInfo *info, const char *name)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].name, name))
      return &info->fields[i];
  return NULL;
}

const char *
hw_record_get_owner_id (gconstpointer record)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      return hw_field_get_text (record, &info->fields[i]);
  return NULL;
}

gboolean
hw_entity_is_owner_keyed (HwEntity entity)
{
  g_return_val_if_fail (entity < HW_N_ENTITIES, FALSE);
  if (entities[entity].owner == entity)
    return FALSE;
  /* A foreign key needs a unique index on the id it names. */
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    for (guint i = 0; i < entities[e].n_fields; i++)
      if (entities[e].fields[i].type == HW_FIELD_REF && entities[e].fields[i].ref_entity == entity)
        return FALSE;
  return TRUE;
}

#define FIELD_PTR(rec, f) ((guint8 *) (rec) + (f)->offset)

static gboolean
field_is_text (const HwField *field)
{
  return field->type == HW_FIELD_TEXT || field->type == HW_FIELD_REF;
}

const char *
hw_field_get_text (gconstpointer record, const HwField *field)
{
  g_return_val_if_fail (field_is_text (field), NULL);
  return *(char **) FIELD_PTR (record, field);
}

void
hw_field_set_text (gpointer record, const HwField *field, const char *value)
{
  char **slot = (char **) FIELD_PTR (record, field);

  g_return_if_fail (field_is_text (field));
  g_return_if_fail (!((HwRecord *) record)->packed);
  if (*slot == value)
    return;
  g_free (*slot);
  *slot = (value && *value) ? g_strdup (value) : NULL;
}

int
hw_field_get_int (gconstpointer record, const HwField *field)
{
  switch (field->type)
    {
    case HW_FIELD_DATE:
      return (int) *(HwDate *) FIELD_PTR (record, field);
    case HW_FIELD_INT:
    case HW_FIELD_ENUM:
      return *(int *) FIELD_PTR (record, field);
    case HW_FIELD_BOOL:
      return *(gboolean *) FIELD_PTR (record, field) ? 1 : 0;
    case HW_FIELD_TEXT:
    case HW_FIELD_REF:
    default:
      g_return_val_if_reached (0);
    }
}

void
hw_field_set_int (gpointer record, const HwField *field, int value)
{
  switch (field->type)
    {
    case HW_FIELD_DATE:
      *(HwDate *) FIELD_PTR (record, field) = (HwDate) value;
      break;
    case HW_FIELD_INT:
    case HW_FIELD_ENUM:
      *(int *) FIELD_PTR (record, field) = value;
      break;
    case HW_FIELD_BOOL:
      *(gboolean *) FIELD_PTR (record, field) = value != 0;
      break;
    case HW_FIELD_TEXT:
    case HW_FIELD_REF:
    default:
      g_return_if_reached ();
    }
}

const char *
hw_field_get_value_label (const HwField *field, int value)
{
  if (field->type == HW_FIELD_ENUM && field->enum_labels &&
      hw_enum_to_string (field->enum_names, value) != NULL)
    return _(field->enum_labels[value]);
  if (field->type == HW_FIELD_INT && field->codes != HW_CODES_NONE)
    return hw_code_get_label_int (field->codes, value);
  return NULL;
}

const char *
hw_entity_get_value_label (HwEntity entity, const char *field_name, int value)
{
  const HwField *field = hw_entity_find_field (hw_entity_info (entity), field_name);

  g_return_val_if_fail (field != NULL, NULL);
  return hw_field_get_value_label (field, value);
}

const char *
hw_enum_to_string (const char *const *names, int value)
{
  for (int i = 0; names[i]; i++)
    if (i == value)
      return names[i];
  return NULL;
}

int
hw_enum_from_string (const char *const *names, const char *text)
{
  for (int i = 0; names[i]; i++)
    if (g_strcmp0 (names[i], text) == 0)
      return i;
  return -1;
}

char *
hw_field_dup_string (gconstpointer record, const HwField *field)
{
  switch (field->type)
    {
    case HW_FIELD_TEXT:
    case HW_FIELD_REF:
      return g_strdup (hw_field_get_text (record, field));
    case HW_FIELD_DATE:
      return hw_date_dup_iso ((HwDate) hw_field_get_int (record, field));
    case HW_FIELD_INT:
      return g_strdup_printf ("%d", hw_field_get_int (record, field));
    case HW_FIELD_BOOL:
      return g_strdup (hw_field_get_int (record, field) ? "true" : "false");
    case HW_FIELD_ENUM:
      return g_strdup (hw_enum_to_string (field->enum_names, hw_field_get_int (record, field)));
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
hw_field_parse_string (gpointer record, const HwField *field, const char *text, GError **error)
{
  switch (field->type)
    {
    case HW_FIELD_TEXT:
    case HW_FIELD_REF:
      hw_field_set_text (record, field, text);
      return TRUE;

    case HW_FIELD_DATE:
      {
        HwDate d = (text && *text) ? hw_date_parse_iso (text) : HW_DATE_NONE;

        if (text && *text && d == HW_DATE_NONE)
          {
            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         /* Translators: %s is a field name, like "Start date" */
                         _("%s: “%s” is not a date (YYYY-MM-DD)"), _(field->label), text);
            return FALSE;
          }
        hw_field_set_int (record, field, (int) d);
        return TRUE;
      }

    case HW_FIELD_INT:
      {
        gint64 v = 0;

        if (text && *text && !g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &v, NULL))
          {
            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         _("%s: “%s” is not a whole number"), _(field->label), text);
            return FALSE;
          }
        hw_field_set_int (record, field, (int) v);
        return TRUE;
      }

    case HW_FIELD_BOOL:
      if (text == NULL || *text == '\0' || g_str_equal (text, "false") || g_str_equal (text, "0"))
        hw_field_set_int (record, field, 0);
      else if (g_str_equal (text, "true") || g_str_equal (text, "1"))
        hw_field_set_int (record, field, 1);
      else
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       _("%s: “%s” is neither true nor false"), _(field->label), text);
          return FALSE;
        }
      return TRUE;

    case HW_FIELD_ENUM:
      {
        int v = (text && *text) ? hw_enum_from_string (field->enum_names, text) : 0;

        if (v < 0)
          {
            g_autofree char *allowed = g_strjoinv (", ", (char **) field->enum_names);

            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         _("%s: unknown value “%s” (allowed: %s)"), _(field->label), text,
                         allowed);
            return FALSE;
          }
        hw_field_set_int (record, field, v);
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

gpointer
hw_record_new (HwEntity entity)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  HwRecord *rec;

  g_return_val_if_fail (info != NULL, NULL);
  rec = g_malloc0 (info->size);
  rec->entity = entity;
  rec->id = g_uuid_string_random ();
  return rec;
}

gpointer
hw_record_copy (gconstpointer record)
{
  const HwRecord *src = record;
  const HwEntityInfo *info = hw_entity_info (src->entity);
  HwRecord *dst = g_memdup2 (src, info->size);

  dst->packed = FALSE;
  dst->id = g_strdup (src->id);
  for (guint i = 0; i < info->n_fields; i++)
    if (field_is_text (&info->fields[i]))
      {
        char **slot = (char **) FIELD_PTR (dst, &info->fields[i]);
        *slot = g_strdup (*slot);
      }
  return dst;
}

void
hw_record_free (gpointer record)
{
  HwRecord *rec = record;
  const HwEntityInfo *info;

  if (rec == NULL || rec->packed == HW_RECORD_PACKED_ARENA)
    return;
  if (!rec->packed)
    {
      info = hw_entity_info (rec->entity);
      for (guint i = 0; i < info->n_fields; i++)
        if (field_is_text (&info->fields[i]))
          g_free (*(char **) FIELD_PTR (rec, &info->fields[i]));
      g_free (rec->id);
    }
  g_free (rec);
}

gpointer
hw_record_new_packed (HwEntity entity, const char *id, const char *const *texts,
                      HwArena *arena)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  gsize lengths[64];
  gsize total = info->size + strlen (id) + 1;
  HwRecord *rec;
  char *next;

  g_return_val_if_fail (info->n_fields <= G_N_ELEMENTS (lengths), NULL);
  for (guint i = 0; i < info->n_fields; i++)
    {
      lengths[i] = field_is_text (&info->fields[i]) && texts[i] && *texts[i]
                   ? strlen (texts[i]) + 1 : 0;
      total += lengths[i];
    }
  if (arena)
    rec = hw_arena_alloc0 (arena, total);
  else
    {
      rec = g_malloc (total);
      memset (rec, 0, info->size);
    }
  rec->entity = entity;
  rec->packed = arena ? HW_RECORD_PACKED_ARENA : HW_RECORD_PACKED_HEAP;
  next = (char *) rec + info->size;
  rec->id = memcpy (next, id, strlen (id) + 1);
  next += strlen (id) + 1;
  for (guint i = 0; i < info->n_fields; i++)
    if (lengths[i])
      {
        *(char **) FIELD_PTR (rec, &info->fields[i]) = memcpy (next, texts[i], lengths[i]);
        next += lengths[i];
      }
  return rec;
}

void
hw_record_autofree (gpointer pointer_to_record)
{
  hw_record_free (*(gpointer *) pointer_to_record);
}

gboolean
hw_record_equal (gconstpointer a, gconstpointer b)
{
  const HwRecord *ra = a, *rb = b;
  const HwEntityInfo *info;

  if (ra->entity != rb->entity || g_strcmp0 (ra->id, rb->id) != 0)
    return FALSE;
  info = hw_entity_info (ra->entity);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];

      if (field_is_text (f) ? g_strcmp0 (hw_field_get_text (a, f), hw_field_get_text (b, f)) != 0
                            : hw_field_get_int (a, f) != hw_field_get_int (b, f))
        return FALSE;
    }
  return TRUE;
}

gboolean
hw_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The one check of what a text field may hold (HW_FIELD_MULTILINE in hw-entity.h). The value
 * is never repeated: it may be an identity number or a name. */
static gboolean
check_text (const HwField *f, const char *v, GError **error)
{
  gboolean multiline = (f->flags & HW_FIELD_MULTILINE) != 0;
  glong max = multiline ? HW_TEXT_MAX_CHARS : HW_LINE_MAX_CHARS;
  glong n = 0;

  if (!g_utf8_validate (v, -1, NULL))
    {
      /* Translators: %s is a field name, like "Given name" */
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID, _("%s is not valid text (UTF-8)"),
                   _(f->label));
      return FALSE;
    }
  for (const char *p = v; *p; p = g_utf8_next_char (p), n++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
        {
          if (multiline)
            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         /* Translators: %s is a field name, like "Notes" */
                         _("%s contains a control character"), _(f->label));
          else
            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         /* Translators: %s is a field name, like "Journal number" */
                         _("%s must be one line, without tabs or control characters"),
                         _(f->label));
          return FALSE;
        }
    }
  if (n > max)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   /* Translators: "Given name is too long (1000 characters; at most 200)" */
                   _("%s is too long (%ld characters; at most %ld)"), _(f->label), n, max);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_record_validate (gconstpointer record, HwDate birth_date, GError **error)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  const HwField *start = NULL;

  if (!hw_uuid_is_valid (rec->id))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s: “%s” is not a valid UUID"), _(info->label), rec->id ? rec->id : "");
      return FALSE;
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];

      if (f->flags & HW_FIELD_START)
        start = f;

      if (field_is_text (f))
        {
          const char *v = hw_field_get_text (record, f);

          if (v && !check_text (f, v, error))
            return FALSE;
          if ((f->flags & HW_FIELD_REQUIRED) && (v == NULL || is_blank (v)))
            {
              g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED,
                           /* Translators: %s is a field name, like "Given name" */
                           _("%s is required"), _(f->label));
              return FALSE;
            }
          if (v && f->type == HW_FIELD_REF && !hw_uuid_is_valid (v))
            {
              g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                           _("%s: “%s” is not a valid UUID"), _(f->label), v);
              return FALSE;
            }
          if (v && f->codes != HW_CODES_NONE && hw_code_lookup (f->codes, v) == NULL)
            {
              g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                           /* Translators: "Measure: Category: “fosterhjem” is not in the list
                            * of codes" */
                           _("%s: %s: “%s” is not in the list of codes"), _(info->label),
                           _(f->label), v);
              return FALSE;
            }
          if (v && (f->flags & HW_FIELD_IDENTITY))
            {
              g_autoptr(GError) local = NULL;

              if (!hw_identity_validate (v, NULL, NULL, &local))
                {
                  g_set_error (error, HW_ERROR, HW_ERROR_INVALID, "%s: %s", _(f->label),
                               local->message);
                  return FALSE;
                }
            }
        }
      else if (f->type == HW_FIELD_DATE)
        {
          HwDate d = (HwDate) hw_field_get_int (record, f);

          if ((f->flags & HW_FIELD_REQUIRED) && d == HW_DATE_NONE)
            {
              g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED, _("%s is required"), _(f->label));
              return FALSE;
            }
          if (d != HW_DATE_NONE && (f->flags & HW_FIELD_END) && start != NULL)
            {
              HwDate s = (HwDate) hw_field_get_int (record, start);

              if (s != HW_DATE_NONE && d < s)
                {
                  g_autofree char *ds = hw_date_dup_display (d);
                  g_autofree char *ss = hw_date_dup_display (s);

                  g_set_error (error, HW_ERROR, HW_ERROR_RANGE,
                               /* Translators: "End date (01.01.2020) is before Start date (…)" */
                               _("%s (%s) is before %s (%s)"), _(f->label), ds,
                               _(start->label), ss);
                  return FALSE;
                }
            }
          /* Birth dates of people other than the child may predate the child's; a case may
           * begin in the pregnancy (SSB allows nine months: Personalia kontroll 16). */
          if (d != HW_DATE_NONE && birth_date != HW_DATE_NONE &&
              d < hw_date_add_months (birth_date, -9) &&
              info->owner == HW_ENTITY_CASE && rec->entity != HW_ENTITY_PERSON &&
              rec->entity != HW_ENTITY_CHILD)
            {
              g_autofree char *ds = hw_date_dup_display (d);
              g_autofree char *bs = hw_date_dup_display (birth_date);

              g_set_error (error, HW_ERROR, HW_ERROR_RANGE,
                           _("%s (%s) is more than nine months before the child's birth date "
                             "(%s)"), _(f->label), ds, bs);
              return FALSE;
            }
        }
      else if (f->type == HW_FIELD_INT && f->codes != HW_CODES_NONE &&
               hw_code_lookup_int (f->codes, hw_field_get_int (record, f)) == NULL)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       /* Translators: "Plan: Plan type: 9 is not in the list of codes" */
                       _("%s: %s: %d is not in the list of codes"), _(info->label), _(f->label),
                       hw_field_get_int (record, f));
          return FALSE;
        }
      else if (f->type == HW_FIELD_ENUM)
        {
          if (hw_enum_to_string (f->enum_names, hw_field_get_int (record, f)) == NULL)
            {
              g_set_error (error, HW_ERROR, HW_ERROR_INVALID, _("%s has an unknown value"),
                           _(f->label));
              return FALSE;
            }
        }
    }

  /* A child's identity number and birth date must agree. */
  if (rec->entity == HW_ENTITY_CHILD)
    {
      const HwChild *child = record;
      HwDate from_number = HW_DATE_NONE;
      HwIdentityKind kind;

      if (hw_identity_validate (child->fnr, &kind, &from_number, NULL) &&
          kind != HW_IDENTITY_SSB_UNKNOWN && from_number != child->birth_date)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       _("Birth date does not agree with the identity number"));
          return FALSE;
        }
    }

  return TRUE;
}

HwDossier *
hw_dossier_new (gpointer root)
{
  HwDossier *d = g_new0 (HwDossier, 1);

  d->root = root;
  return d;
}

void
hw_dossier_free (HwDossier *dossier)
{
  if (dossier == NULL)
    return;
  for (guint i = 0; i < HW_N_ENTITIES; i++)
    g_clear_pointer (&dossier->records[i], g_ptr_array_unref);
  hw_record_free (dossier->root);
  g_free (dossier);
}

void
hw_dossier_add (HwDossier *dossier, gpointer record)
{
  HwEntity e = ((HwRecord *) record)->entity;

  if (dossier->records[e] == NULL)
    dossier->records[e] = g_ptr_array_new_with_free_func (hw_record_free);
  g_ptr_array_add (dossier->records[e], record);
}

GPtrArray *
hw_dossier_get (const HwDossier *dossier, HwEntity entity)
{
  HwDossier *d = (HwDossier *) dossier;

  if (d->records[entity] == NULL)
    d->records[entity] = g_ptr_array_new_with_free_func (hw_record_free);
  return d->records[entity];
}

gpointer
hw_dossier_find (const HwDossier *dossier, HwEntity entity, const char *id)
{
  GPtrArray *a = dossier->records[entity];

  if (id == NULL)
    return NULL;
  if (dossier->root && ((HwRecord *) dossier->root)->entity == entity &&
      g_strcmp0 (((HwRecord *) dossier->root)->id, id) == 0)
    return dossier->root;
  for (guint i = 0; a && i < a->len; i++)
    if (g_strcmp0 (((HwRecord *) a->pdata[i])->id, id) == 0)
      return a->pdata[i];
  return NULL;
}

guint
hw_dossier_count (const HwDossier *dossier)
{
  guint n = dossier->root ? 1 : 0;

  for (guint i = 0; i < HW_N_ENTITIES; i++)
    n += dossier->records[i] ? dossier->records[i]->len : 0;
  return n;
}

HwChild *
hw_dossier_child (const HwDossier *dossier)
{
  GPtrArray *a = dossier->records[HW_ENTITY_CHILD];
  HwChild *best = NULL;

  for (guint i = 0; a && i < a->len; i++)
    {
      HwChild *c = a->pdata[i];

      if (best == NULL || c->start_date > best->start_date)
        best = c;
    }
  return best;
}
