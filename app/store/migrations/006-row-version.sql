-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 6: every record carries a row version (issue 13, lost updates).
--
-- The app shows a record, another program (an import, the CLI, a second window) changes it,
-- and a save of an unrelated field in the app wrote the old values back. Each save of a record
-- that was read from the database now names the version it read and changes the row only if
-- it is still that version (hw_store_save: UPDATE … WHERE row_version = ?); every write bumps
-- it. Rows written before this migration start at 1, like new ones. A column added at the end
-- with a constant default rewrites nothing: ALTER TABLE only edits the schema.
ALTER TABLE team ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE foster_home ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE home_member ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE home_evidence ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE case_file ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE child ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE person ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decision ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decision_status ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE measure ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE frequency ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE move ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE relation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_evaluation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE petition ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE aftercare ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE samvaer_agreement ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE samvaer_evaluation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE samvaer_session ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visit ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE parent_followup ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reunification ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE return_home ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE activity ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
