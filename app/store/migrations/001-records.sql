-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the domain records (see app/core/hw-entity.c for what each column means).
-- Records are clustered by the case (or foster home) that owns them: WITHOUT ROWID tables
-- keyed (owner, id), so reading every case in one pass is a sequential scan of each table.

CREATE TABLE team (
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (id)
) STRICT, WITHOUT ROWID;

CREATE TABLE staff (
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  username TEXT,
  role TEXT NOT NULL DEFAULT 'caseworker',
  team_id TEXT REFERENCES team (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (id)
) STRICT, WITHOUT ROWID;
CREATE INDEX staff_team_id ON staff (team_id);

CREATE TABLE foster_home (
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'kinship',
  municipality TEXT,
  address TEXT,
  protected_address INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) STRICT, WITHOUT ROWID;

CREATE TABLE home_member (
  id TEXT NOT NULL UNIQUE,
  home_id TEXT NOT NULL REFERENCES foster_home (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  fnr TEXT,
  birth_date TEXT,
  role TEXT NOT NULL DEFAULT 'foster-parent',
  moved_in TEXT,
  moved_out TEXT,
  PRIMARY KEY (home_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE home_evidence (
  id TEXT NOT NULL UNIQUE,
  home_id TEXT NOT NULL REFERENCES foster_home (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  case_id TEXT REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  member_id TEXT REFERENCES home_member (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'approval',
  date TEXT NOT NULL,
  needed INTEGER NOT NULL DEFAULT 0,
  municipality TEXT,
  note TEXT,
  PRIMARY KEY (home_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX home_evidence_case_id ON home_evidence (case_id);
CREATE INDEX home_evidence_member_id ON home_evidence (member_id);

CREATE TABLE case_file (
  id TEXT NOT NULL,
  journal_no TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  closed INTEGER NOT NULL DEFAULT 0,
  caseworker_id TEXT REFERENCES staff (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  team_id TEXT REFERENCES team (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  municipality TEXT,
  summary TEXT,
  child_views TEXT,
  PRIMARY KEY (id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_file_caseworker_id ON case_file (caseworker_id);
CREATE INDEX case_file_team_id ON case_file (team_id);

CREATE TABLE child (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  given_name TEXT NOT NULL,
  family_name TEXT,
  fnr TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL DEFAULT 'unknown',
  start_date TEXT,
  protected_address INTEGER NOT NULL DEFAULT 0,
  address TEXT,
  school TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE person (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  fnr TEXT,
  birth_date TEXT,
  relation TEXT NOT NULL DEFAULT 'mother',
  parental_responsibility INTEGER NOT NULL DEFAULT 0,
  protected_address INTEGER NOT NULL DEFAULT 0,
  address TEXT,
  phone TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE decision (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  decided_by TEXT NOT NULL DEFAULT 'service',
  law TEXT NOT NULL,
  chapter TEXT NOT NULL,
  section TEXT NOT NULL,
  ledd TEXT,
  bokstav TEXT,
  punktum TEXT,
  jmfr TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  min_samvaer TEXT,
  min_samvaer_per_year INTEGER NOT NULL DEFAULT 0,
  expected_duration TEXT,
  support_needs TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE decision_status (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  decision_id TEXT NOT NULL REFERENCES decision (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  code INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_status_decision_id ON decision_status (decision_id);

CREATE TABLE measure (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  law TEXT NOT NULL,
  chapter TEXT NOT NULL,
  section TEXT NOT NULL,
  ledd TEXT,
  bokstav TEXT,
  punktum TEXT,
  jmfr TEXT,
  category TEXT NOT NULL,
  category_note TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  end_reason INTEGER NOT NULL DEFAULT 0,
  end_reason_note TEXT,
  home_id TEXT REFERENCES foster_home (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  tilsyn_municipality TEXT,
  purpose TEXT,
  planned_duration TEXT,
  network_assessed TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX measure_home_id ON measure (home_id);

CREATE TABLE frequency (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'followup',
  per_year INTEGER NOT NULL DEFAULT 0,
  start_date TEXT NOT NULL,
  end_date TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX frequency_measure_id ON frequency (measure_id);

CREATE TABLE move (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason_note TEXT,
  to_code TEXT NOT NULL,
  to_note TEXT,
  planned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE relation (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  from_id TEXT NOT NULL,
  from_type TEXT NOT NULL,
  to_id TEXT NOT NULL,
  to_type TEXT NOT NULL,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  plan_type INTEGER NOT NULL DEFAULT 0,
  start_date TEXT NOT NULL,
  end_date TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  approved_by TEXT,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_evaluation (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  plan_id TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_evaluation_plan_id ON plan_evaluation (plan_id);

CREATE TABLE petition (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  law TEXT NOT NULL,
  chapter TEXT NOT NULL,
  section TEXT NOT NULL,
  ledd TEXT,
  bokstav TEXT,
  punktum TEXT,
  jmfr TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE aftercare (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'offer',
  date TEXT NOT NULL,
  conclusion INTEGER NOT NULL DEFAULT 0,
  conclusion_date TEXT,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE samvaer_agreement (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  rrule TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 0,
  place TEXT,
  supervised INTEGER NOT NULL DEFAULT 0,
  supervisor TEXT,
  tribunal_minimum TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  approved_by TEXT REFERENCES staff (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  approved_date TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX samvaer_agreement_person_id ON samvaer_agreement (person_id);
CREATE INDEX samvaer_agreement_approved_by ON samvaer_agreement (approved_by);

CREATE TABLE samvaer_evaluation (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  agreement_id TEXT NOT NULL REFERENCES samvaer_agreement (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX samvaer_evaluation_agreement_id ON samvaer_evaluation (agreement_id);

CREATE TABLE samvaer_session (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  agreement_id TEXT NOT NULL REFERENCES samvaer_agreement (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned',
  reason TEXT,
  report TEXT,
  child_reaction TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX samvaer_session_agreement_id ON samvaer_session (agreement_id);

CREATE TABLE visit (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  measure_id TEXT REFERENCES measure (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'followup',
  date TEXT NOT NULL,
  in_person INTEGER NOT NULL DEFAULT 0,
  child_alone INTEGER NOT NULL DEFAULT 0,
  person_id TEXT REFERENCES person (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  staff_id TEXT REFERENCES staff (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  notes TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_measure_id ON visit (measure_id);
CREATE INDEX visit_person_id ON visit (person_id);
CREATE INDEX visit_staff_id ON visit (staff_id);

CREATE TABLE parent_followup (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'first-contact',
  date TEXT NOT NULL,
  guidance_offered INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  consent INTEGER NOT NULL DEFAULT 0,
  formal_decision INTEGER NOT NULL DEFAULT 0,
  provider TEXT,
  notes TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX parent_followup_person_id ON parent_followup (person_id);

CREATE TABLE reunification (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  goal TEXT NOT NULL DEFAULT 'none',
  grounds TEXT,
  prerequisites TEXT,
  child_views TEXT,
  parent_views TEXT,
  planned_return TEXT,
  assessed_by TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE return_home (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  planned INTEGER NOT NULL DEFAULT 0,
  offer_date TEXT,
  support TEXT,
  reentry_date TEXT,
  notes TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE activity (
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  part TEXT NOT NULL DEFAULT 'child',
  title TEXT NOT NULL,
  due TEXT,
  done_date TEXT,
  dropped_reason TEXT,
  responsible TEXT,
  participants TEXT,
  basis TEXT,
  template_key TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX case_file_journal_no ON case_file (journal_no);
CREATE INDEX child_fnr ON child (fnr);
