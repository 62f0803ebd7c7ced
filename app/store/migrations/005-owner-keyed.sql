-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 5: records nothing refers to are found under their owner, without an index on id.
--
-- A visit, a contact session, a plan evaluation… is stored clustered by its owner, keyed
-- (case_id, id) or (home_id, id), and no foreign key names it. Its separate UNIQUE (id) index
-- served only lookups by id alone, yet every insert paid for it with a step into a B-tree of
-- random UUIDs: at 50,000 children that index alone made an import a third slower and grow
-- ×13 from 5,000 children instead of ×10 (measured with hw-bench). The store now finds these
-- records by owner and id (hw_entity_is_owner_keyed says which, from the same foreign-key
-- graph); tests/test-store.c checks that this schema agrees with it.
--
-- SQLite drops a constraint only by rebuilding the table: copy, drop, rename, and recreate the
-- table's own indexes. No other table refers to these, so dropping them changes nothing else.
--
-- The dropped pages hold copies of rows that live on in the new tables: overwriting them
-- (secure_delete, which the store keeps on) would only make the statement journal as large as
-- the biggest table, in memory (measured at 50,000 children: a peak of 358 MB, not 177 MB).
PRAGMA secure_delete = FAST;


CREATE TABLE home_evidence_new (
  id TEXT NOT NULL,
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
INSERT INTO home_evidence_new SELECT * FROM home_evidence;
DROP TABLE home_evidence;
ALTER TABLE home_evidence_new RENAME TO home_evidence;
CREATE INDEX home_evidence_case_id ON home_evidence (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX home_evidence_member_id ON home_evidence (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE child_new (
  id TEXT NOT NULL,
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
INSERT INTO child_new SELECT * FROM child;
DROP TABLE child;
ALTER TABLE child_new RENAME TO child;
CREATE INDEX child_fnr ON child (fnr);

CREATE TABLE decision_status_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  decision_id TEXT NOT NULL REFERENCES decision (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  code INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO decision_status_new SELECT * FROM decision_status;
DROP TABLE decision_status;
ALTER TABLE decision_status_new RENAME TO decision_status;
CREATE INDEX decision_status_decision_id ON decision_status (decision_id);

CREATE TABLE frequency_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  measure_id TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'followup',
  per_year INTEGER NOT NULL DEFAULT 0,
  start_date TEXT NOT NULL,
  end_date TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO frequency_new SELECT * FROM frequency;
DROP TABLE frequency;
ALTER TABLE frequency_new RENAME TO frequency;
CREATE INDEX frequency_measure_id ON frequency (measure_id);

CREATE TABLE move_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason_note TEXT,
  to_code TEXT NOT NULL,
  to_note TEXT,
  planned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO move_new SELECT * FROM move;
DROP TABLE move;
ALTER TABLE move_new RENAME TO move;

CREATE TABLE relation_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  from_id TEXT NOT NULL,
  from_type TEXT NOT NULL,
  to_id TEXT NOT NULL,
  to_type TEXT NOT NULL,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO relation_new SELECT * FROM relation;
DROP TABLE relation;
ALTER TABLE relation_new RENAME TO relation;

CREATE TABLE plan_evaluation_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  plan_id TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO plan_evaluation_new SELECT * FROM plan_evaluation;
DROP TABLE plan_evaluation;
ALTER TABLE plan_evaluation_new RENAME TO plan_evaluation;
CREATE INDEX plan_evaluation_plan_id ON plan_evaluation (plan_id);

CREATE TABLE petition_new (
  id TEXT NOT NULL,
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
INSERT INTO petition_new SELECT * FROM petition;
DROP TABLE petition;
ALTER TABLE petition_new RENAME TO petition;

CREATE TABLE aftercare_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'offer',
  date TEXT NOT NULL,
  conclusion INTEGER NOT NULL DEFAULT 0,
  conclusion_date TEXT,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO aftercare_new SELECT * FROM aftercare;
DROP TABLE aftercare;
ALTER TABLE aftercare_new RENAME TO aftercare;

CREATE TABLE samvaer_evaluation_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  agreement_id TEXT NOT NULL REFERENCES samvaer_agreement (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO samvaer_evaluation_new SELECT * FROM samvaer_evaluation;
DROP TABLE samvaer_evaluation;
ALTER TABLE samvaer_evaluation_new RENAME TO samvaer_evaluation;
CREATE INDEX samvaer_evaluation_agreement_id ON samvaer_evaluation (agreement_id);

CREATE TABLE samvaer_session_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  agreement_id TEXT NOT NULL REFERENCES samvaer_agreement (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned',
  reason TEXT,
  report TEXT,
  child_reaction TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO samvaer_session_new SELECT * FROM samvaer_session;
DROP TABLE samvaer_session;
ALTER TABLE samvaer_session_new RENAME TO samvaer_session;
CREATE INDEX samvaer_session_agreement_id ON samvaer_session (agreement_id);

CREATE TABLE visit_new (
  id TEXT NOT NULL,
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
INSERT INTO visit_new SELECT * FROM visit;
DROP TABLE visit;
ALTER TABLE visit_new RENAME TO visit;
CREATE INDEX visit_measure_id ON visit (measure_id) WHERE measure_id IS NOT NULL;
CREATE INDEX visit_person_id ON visit (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX visit_staff_id ON visit (staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE parent_followup_new (
  id TEXT NOT NULL,
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
INSERT INTO parent_followup_new SELECT * FROM parent_followup;
DROP TABLE parent_followup;
ALTER TABLE parent_followup_new RENAME TO parent_followup;
CREATE INDEX parent_followup_person_id ON parent_followup (person_id);

CREATE TABLE reunification_new (
  id TEXT NOT NULL,
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
INSERT INTO reunification_new SELECT * FROM reunification;
DROP TABLE reunification;
ALTER TABLE reunification_new RENAME TO reunification;

CREATE TABLE return_home_new (
  id TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  planned INTEGER NOT NULL DEFAULT 0,
  offer_date TEXT,
  support TEXT,
  reentry_date TEXT,
  notes TEXT,
  PRIMARY KEY (case_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO return_home_new SELECT * FROM return_home;
DROP TABLE return_home;
ALTER TABLE return_home_new RENAME TO return_home;

CREATE TABLE activity_new (
  id TEXT NOT NULL,
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
INSERT INTO activity_new SELECT * FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;

PRAGMA secure_delete = ON;
