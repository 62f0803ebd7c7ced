-- SPDX-License-Identifier: GPL-3.0-or-later
-- Server migration 5: the fields the entity descriptions gained this session: for Barnevern v4
-- (issue 20) MigrertId on the records SSB gives one, Personalia's DUFnummer, every supervising
-- municipality; a staff member's "inactive" (issue 17, SQLite migration 7). A server initialised after
-- the fields were added has them from migration 1 (generated from the descriptions).
ALTER TABLE homeward.case_file ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.decision ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.measure ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.move ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.plan ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.petition ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.aftercare ADD COLUMN IF NOT EXISTS migrated_id text;
ALTER TABLE homeward.child ADD COLUMN IF NOT EXISTS duf text;
ALTER TABLE homeward.measure ADD COLUMN IF NOT EXISTS tilsyn_responsible text;
ALTER TABLE homeward.staff ADD COLUMN IF NOT EXISTS inactive boolean NOT NULL DEFAULT false;
