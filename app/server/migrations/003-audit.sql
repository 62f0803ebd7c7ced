-- SPDX-License-Identifier: GPL-3.0-or-later
-- Server migration 3: the audit trail no client can rewrite.
--
-- Entries are written only by this schema's SECURITY DEFINER functions and triggers (the
-- application roles own no table and hold no INSERT, UPDATE, DELETE or TRUNCATE on these), with
-- the actor the server knows: session_user, the role that logged in. SET ROLE changes
-- current_user, never session_user; nothing a client sets (a setting, an application_name)
-- is read. Rows are hash-chained exactly as in the SQLite audit (app/store/hw-store-audit.c):
-- SHA-256 over prev_hash, seq, at, actor, action, entity, record_id, case_id and detail, each
-- followed by a unit separator (U+001F), NULL as empty; so one verifier serves both.

CREATE TABLE homeward.audit (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  record_id text,
  case_id text,
  detail text,
  txid bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_case_id ON homeward.audit (case_id) WHERE case_id IS NOT NULL;

-- The newest entry: what follows the last row (see the SQLite migration 3). Locking it also
-- serialises writers, so seq has no gaps and the chain no forks.
CREATE TABLE homeward.audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO homeward.audit_head VALUES
  (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION homeward.audit_refuse () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
-- Even the owner's accidental UPDATE or DELETE is refused; only disabling the trigger, which
-- needs ownership, gets past, and verify shows what it did.
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON homeward.audit
  FOR EACH ROW EXECUTE FUNCTION homeward.audit_refuse ();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON homeward.audit
  FOR EACH STATEMENT EXECUTE FUNCTION homeward.audit_refuse ();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON homeward.audit_head
  FOR EACH ROW EXECUTE FUNCTION homeward.audit_refuse ();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON homeward.audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION homeward.audit_refuse ();

-- No SET clause, every name qualified: so the planner inlines it (with "SET search_path" each
-- call cost 100 µs, the better part of an entry's cost).
CREATE FUNCTION homeward.audit_hash (prev text, seq bigint, at text, actor text, action text,
                                     entity text, record_id text, case_id text, detail text)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT pg_catalog.encode (pg_catalog.sha256 (pg_catalog.convert_to (pg_catalog.concat (
    prev, E'\x1f', seq, E'\x1f', at, E'\x1f', actor, E'\x1f', action, E'\x1f', entity, E'\x1f',
    record_id, E'\x1f', case_id, E'\x1f', detail, E'\x1f'), 'UTF8')), 'hex')
$$;

-- At commit the head follows the newest entry, once per transaction: the first entry of a
-- transaction marks it here, and the marker's deferred trigger moves the head and removes the
-- marker. (A deferred trigger per entry cost 40 µs an entry at commit.) Deferred, so a
-- client's SET CONSTRAINTS can only make it earlier (the next entry marks again), never skip it.
CREATE TABLE homeward.audit_pending (
  txid bigint PRIMARY KEY
);

CREATE FUNCTION homeward.audit_head_follow () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
BEGIN
  UPDATE homeward.audit_head h SET seq = l.seq, hash = l.hash
  FROM (SELECT a.seq, a.hash FROM homeward.audit a ORDER BY a.seq DESC LIMIT 1) l
  WHERE h.id = 1 AND h.seq < l.seq;
  DELETE FROM homeward.audit_pending WHERE txid = NEW.txid;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER audit_head_follow AFTER INSERT ON homeward.audit_pending
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION homeward.audit_head_follow ();

-- The one way in. Not executable by the application roles: they reach it only through the
-- triggers and the functions below, which decide action, entity and detail themselves.
--
-- The chain continues from the newest entry, or from the head when the head is ahead (the
-- newest entries were removed: the gap stays visible, as on SQLite). The head row is locked
-- for the rest of the transaction (writers queue; locking it again is free) but moved only
-- once, at commit (audit_head_follow, above): updating one row per entry made a transaction's n-th
-- entry walk n-1 versions of it, and an import of 50,000 visits took 208 s instead of seconds.
CREATE FUNCTION homeward.audit_append (p_action text, p_entity text, p_record_id text,
                                       p_case_id text, p_detail text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  last_seq bigint;
  last_hash text;
  new_seq bigint;
  new_at text;
  new_hash text;
BEGIN
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM homeward.audit_head h WHERE h.id = 1
    FOR UPDATE;
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM homeward.audit a ORDER BY a.seq DESC
    LIMIT 1;
  IF last_seq IS NOT NULL AND last_seq >= head_seq THEN
    head_seq := last_seq;
    head_hash := last_hash;
  END IF;
  new_seq := head_seq + 1;
  new_at := to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  new_hash := homeward.audit_hash (head_hash, new_seq, new_at, session_user::text, p_action,
                                   p_entity, p_record_id, p_case_id, p_detail);
  INSERT INTO homeward.audit_pending VALUES (txid_current ()) ON CONFLICT DO NOTHING;
  INSERT INTO homeward.audit (seq, at, actor, action, entity, record_id, case_id, detail, txid,
                              prev_hash, hash)
  VALUES (new_seq, new_at, session_user, p_action, p_entity, p_record_id, p_case_id, p_detail,
          txid_current (), head_hash, new_hash);
  RETURN new_seq;
END
$$;

-- Many entries at once, chained in the order given: what a statement's audit trigger writes
-- (one lock, one look at the newest entry, one INSERT for the lot).
CREATE FUNCTION homeward.audit_append_rows (p_action text, p_entity text, p_record_ids text[],
                                            p_case_ids text[], p_details text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  last_seq bigint;
  last_hash text;
  n integer := coalesce (array_length (p_record_ids, 1), 0);
  ats text[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  new_at text;
  actor text := session_user;
  r record;
  k integer := 0;
BEGIN
  IF n = 0 THEN
    RETURN;
  END IF;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM homeward.audit_head h WHERE h.id = 1
    FOR UPDATE;
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM homeward.audit a ORDER BY a.seq DESC
    LIMIT 1;
  IF last_seq IS NOT NULL AND last_seq >= head_seq THEN
    head_seq := last_seq;
    head_hash := last_hash;
  END IF;
  new_at := to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  -- Walked in order, never by subscript: reading element i of a text array walks the i - 1
  -- before it, and 50,000 entries took 13 s.
  FOR r IN SELECT u.rid, u.cid, u.det FROM unnest (p_record_ids, p_case_ids, p_details)
                    WITH ORDINALITY AS u (rid, cid, det, i) ORDER BY u.i LOOP
    k := k + 1;
    prevs[k] := head_hash;
    head_hash := homeward.audit_hash (head_hash, head_seq + k, new_at, actor, p_action,
                                      p_entity, r.rid, r.cid, r.det);
    hashes[k] := head_hash;
  END LOOP;
  INSERT INTO homeward.audit_pending VALUES (txid_current ()) ON CONFLICT DO NOTHING;
  INSERT INTO homeward.audit (seq, at, actor, action, entity, record_id, case_id, detail, txid,
                              prev_hash, hash)
  SELECT head_seq + u.i, new_at, actor, p_action, p_entity, u.r, u.c, u.d, txid_current (),
         u.p, u.h
  FROM unnest (p_record_ids, p_case_ids, p_details, prevs, hashes)
         WITH ORDINALITY AS u (r, c, d, p, h, i);
END
$$;


CREATE FUNCTION homeward.audit_head_forward () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.seq <= OLD.seq THEN
    RAISE EXCEPTION 'the audit head only moves forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON homeward.audit_head
  FOR EACH ROW EXECUTE FUNCTION homeward.audit_head_forward ();

-- The chain from the first entry to the head: one row, ok or the first problem found (the
-- same classes as `homeward-cli audit verify` on SQLite: a changed entry, a missing or
-- reordered one, a removed tail). SECURITY DEFINER: it reads every entry whoever asks, and
-- tells only whether and where the chain breaks.
CREATE FUNCTION homeward.audit_verify ()
RETURNS TABLE (ok boolean, entries bigint, head_seq bigint, first_bad bigint, problem text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  r record;
  prev text := '0000000000000000000000000000000000000000000000000000000000000000';
  expect bigint := 1;
  n bigint := 0;
  h record;
BEGIN
  FOR r IN SELECT * FROM homeward.audit ORDER BY seq LOOP
    n := n + 1;
    IF r.seq <> expect OR r.prev_hash <> prev THEN
      RETURN QUERY SELECT false, n, NULL::bigint, r.seq,
        format ('entry %s does not follow entry %s: an entry was removed, inserted or moved',
                r.seq, expect - 1);
      RETURN;
    END IF;
    IF homeward.audit_hash (r.prev_hash, r.seq, r.at, r.actor, r.action, r.entity, r.record_id,
                            r.case_id, r.detail) <> r.hash THEN
      RETURN QUERY SELECT false, n, NULL::bigint, r.seq,
        format ('entry %s was changed after it was written', r.seq);
      RETURN;
    END IF;
    prev := r.hash;
    expect := r.seq + 1;
  END LOOP;
  SELECT * INTO h FROM homeward.audit_head WHERE id = 1;
  IF h IS NULL OR h.seq <> expect - 1 OR h.hash <> prev THEN
    RETURN QUERY SELECT false, n, h.seq, expect,
      format ('the trail ends at entry %s but its head is at entry %s: the newest entries were removed',
              expect - 1, coalesce (h.seq::text, '(none)'));
    RETURN;
  END IF;
  RETURN QUERY SELECT true, n, h.seq, NULL::bigint, NULL::text;
END
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA homeward FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward.is_head (), homeward.is_team_leader (), homeward.my_teams (),
  homeward.audit_verify (), homeward.audit_hash (text, bigint, text, text, text, text, text,
                                                   text, text)
  TO homeward_app;
