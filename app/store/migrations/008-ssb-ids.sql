-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 7: what Barnevern v4 carries beside a record's own Id (issue 20, a round trip
-- that loses nothing): MigrertId, the id a record had in the case system it was migrated from
-- (SSB's controls treat such a record's ERRORs as WARNINGs), and Personalia's DUFnummer. An
-- import dropped both and an export could not give them back. A column added at the end
-- without a default rewrites nothing: ALTER TABLE only edits the schema.
ALTER TABLE case_file ADD COLUMN migrated_id TEXT;
ALTER TABLE decision ADD COLUMN migrated_id TEXT;
ALTER TABLE measure ADD COLUMN migrated_id TEXT;
ALTER TABLE move ADD COLUMN migrated_id TEXT;
ALTER TABLE plan ADD COLUMN migrated_id TEXT;
ALTER TABLE petition ADD COLUMN migrated_id TEXT;
ALTER TABLE aftercare ADD COLUMN migrated_id TEXT;
ALTER TABLE child ADD COLUMN duf TEXT;
-- Every Tilsyn/Ansvarlig of a placement, not only the latest municipality (paired with the
-- first StartDato and a new Id on export, which was wrong data, not just lost data).
ALTER TABLE measure ADD COLUMN tilsyn_responsible TEXT;
