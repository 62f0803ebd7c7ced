-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 4: indexes on optional references leave out the rows without one.
--
-- These indexes exist for the foreign keys' ON DELETE actions (and lookups by the reference),
-- which only ever look for a given value: a row whose reference is NULL is never found through
-- them. Most visits name no person or staff member, so the full indexes held one entry per
-- visit for nothing, and every import paid for keeping them (measured: a third of the visit
-- table's index pages). SQLite uses a partial index for `col = ?`, the foreign-key scans
-- included.

DROP INDEX staff_team_id;
CREATE INDEX staff_team_id ON staff (team_id) WHERE team_id IS NOT NULL;
DROP INDEX home_evidence_case_id;
CREATE INDEX home_evidence_case_id ON home_evidence (case_id) WHERE case_id IS NOT NULL;
DROP INDEX home_evidence_member_id;
CREATE INDEX home_evidence_member_id ON home_evidence (member_id) WHERE member_id IS NOT NULL;
DROP INDEX case_file_caseworker_id;
CREATE INDEX case_file_caseworker_id ON case_file (caseworker_id) WHERE caseworker_id IS NOT NULL;
DROP INDEX case_file_team_id;
CREATE INDEX case_file_team_id ON case_file (team_id) WHERE team_id IS NOT NULL;
DROP INDEX measure_home_id;
CREATE INDEX measure_home_id ON measure (home_id) WHERE home_id IS NOT NULL;
DROP INDEX samvaer_agreement_approved_by;
CREATE INDEX samvaer_agreement_approved_by ON samvaer_agreement (approved_by)
  WHERE approved_by IS NOT NULL;
DROP INDEX visit_measure_id;
CREATE INDEX visit_measure_id ON visit (measure_id) WHERE measure_id IS NOT NULL;
DROP INDEX visit_person_id;
CREATE INDEX visit_person_id ON visit (person_id) WHERE person_id IS NOT NULL;
DROP INDEX visit_staff_id;
CREATE INDEX visit_staff_id ON visit (staff_id) WHERE staff_id IS NOT NULL;
DROP INDEX audit_case_id;
CREATE INDEX audit_case_id ON audit (case_id) WHERE case_id IS NOT NULL;
