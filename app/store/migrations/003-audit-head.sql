-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: the audit trail's head.
--
-- The chain alone shows an edited, removed or reordered row by the rows after it, but nothing
-- follows the last row: deleting the newest entries leaves a shorter, valid chain. The head
-- records the newest entry's sequence number and hash in the same transaction as the entry
-- (the trigger below), only ever moves forward, and cannot be deleted; verify compares it with
-- the chain's end. New entries continue from the head, so a truncated tail stays a visible gap.

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

INSERT INTO audit_head (id, seq, hash)
VALUES (1,
        coalesce ((SELECT seq FROM audit ORDER BY seq DESC LIMIT 1), 0),
        coalesce ((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1),
                  '0000000000000000000000000000000000000000000000000000000000000000'));

CREATE TRIGGER audit_head_follow AFTER INSERT ON audit
BEGIN
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END;

CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
WHEN NEW.id IS NOT OLD.id OR NEW.seq <= OLD.seq
BEGIN
  SELECT RAISE (ABORT, 'the audit head only moves forward');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
  SELECT RAISE (ABORT, 'the audit trail is append-only');
END;
