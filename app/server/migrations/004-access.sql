-- SPDX-License-Identifier: GPL-3.0-or-later
-- Server migration 4: access by team, logged reads, row versions, change notices.
--
-- Every record table is wired here from homeward.record_table (which migration 1 fills from
-- the entity descriptions), so a new record type gets the same protection without a line of
-- SQL. The application roles own nothing: they cannot drop, disable or replace a trigger or a
-- policy, and row-level security applies to them.

-- ---- Which cases a session sees ----

-- The cases of the role's teams (a head: every case). Not yet readable beyond case_file:
-- see opened_cases.
CREATE FUNCTION homeward.team_cases () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
  SELECT c.id FROM homeward.case_file c
  WHERE homeward.is_head () OR c.team_id IN (SELECT homeward.my_teams ())
$$;

-- The cases of the role's own teams only (a head's too): who may see a protected address
-- and a case's audit entries as its team leader.
CREATE FUNCTION homeward.own_team_cases () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
  SELECT c.id FROM homeward.case_file c WHERE c.team_id IN (SELECT homeward.my_teams ())
$$;

-- Team cases, and the cases this session opened by breaking the glass.
CREATE FUNCTION homeward.visible_cases () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
  SELECT homeward.team_cases ()
  UNION
  SELECT o.case_id FROM homeward.case_open o
  WHERE o.glass AND o.role_name = session_user AND o.session = homeward.session_key ()
$$;

-- The cases whose records this session may read: visible, and opened (the read logged).
CREATE FUNCTION homeward.opened_cases () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
  WITH mine AS (SELECT o.case_id, o.glass FROM homeward.case_open o
                WHERE o.role_name = session_user AND o.session = homeward.session_key ())
  SELECT t.id FROM homeward.team_cases () AS t (id)
  WHERE EXISTS (SELECT 1 FROM mine WHERE mine.case_id IS NULL)
     OR t.id IN (SELECT mine.case_id FROM mine)
  UNION
  SELECT mine.case_id FROM mine WHERE mine.glass
$$;

-- Opens one case for reading in this session and logs the read. A case outside the role's
-- teams opens only with a reason ("break the glass"): the reason is logged with the read,
-- where the case's team leader sees it.
CREATE FUNCTION homeward.open_case (p_case_id text, p_reason text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  c_team text;
  in_team boolean;
BEGIN
  SELECT c.team_id INTO c_team FROM homeward.case_file c WHERE c.id = p_case_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no case with id %', p_case_id USING ERRCODE = 'no_data_found';
  END IF;
  in_team := homeward.is_head () OR coalesce (c_team IN (SELECT homeward.my_teams ()), false);
  IF NOT in_team THEN
    IF p_reason IS NULL OR btrim (p_reason) = '' THEN
      RAISE EXCEPTION 'case % is not one of your teams'' cases: opening it needs a reason',
                      p_case_id
        USING ERRCODE = 'HWG01',
              HINT = 'Give the reason you must open it (break the glass); it is logged and shown to the team leader.';
    END IF;
    PERFORM homeward.audit_append ('break-glass', 'case_file', p_case_id, p_case_id,
                                   json_build_object ('reason', btrim (p_reason),
                                                      'team_id', c_team)::text);
  END IF;
  PERFORM homeward.session_begin ();
  INSERT INTO homeward.case_open (role_name, session, case_id, glass)
  VALUES (session_user, homeward.session_key (), p_case_id, NOT in_team)
  ON CONFLICT (role_name, session, coalesce (case_id, '')) DO UPDATE SET glass = EXCLUDED.glass
    OR homeward.case_open.glass;
  PERFORM homeward.audit_append ('read', 'case_file', p_case_id, p_case_id, NULL);
END
$$;

-- "Break the glass" by its name: the same, but a reason is always required.
CREATE FUNCTION homeward.break_glass (p_case_id text, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
BEGIN
  IF p_reason IS NULL OR btrim (p_reason) = '' THEN
    RAISE EXCEPTION 'breaking the glass needs a reason' USING ERRCODE = 'HWG01';
  END IF;
  PERFORM homeward.open_case (p_case_id, p_reason);
END
$$;

-- Opens every case of the role's teams (a head: all) for this session, with one logged
-- read: what the caseload list and `check` need.
CREATE FUNCTION homeward.open_caseload () RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  n bigint;
BEGIN
  SELECT count (*) INTO n FROM homeward.team_cases ();
  PERFORM homeward.session_begin ();
  INSERT INTO homeward.case_open (role_name, session, case_id)
  VALUES (session_user, homeward.session_key (), NULL)
  ON CONFLICT (role_name, session, coalesce (case_id, '')) DO NOTHING;
  PERFORM homeward.audit_append ('read', 'case_file', NULL, NULL,
                                 json_build_object ('cases', n)::text);
  RETURN n;
END
$$;

-- ---- Row versions: no lost update ----

-- A record's version goes up by one on every write, with who wrote it and when. An UPDATE
-- that sets row_version sets the version it read; if the row moved on since, it is refused
-- with SQLSTATE HW409 and a DETAIL in JSON naming the version, who changed it and when
-- (hw_server_error_get_conflict parses it). An UPDATE that leaves row_version alone is a blind
-- write, as with version 0 on SQLite.
CREATE FUNCTION homeward.row_stamp () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.row_version IS DISTINCT FROM OLD.row_version THEN
      RAISE EXCEPTION '% % changed since it was read: % changed it at % (version %)',
                      TG_TABLE_NAME, OLD.id, OLD.changed_by,
                      to_char (OLD.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                      OLD.row_version
        USING ERRCODE = 'HW409',
              DETAIL = json_build_object (
                'table', TG_TABLE_NAME, 'id', OLD.id, 'row_version', OLD.row_version,
                'read_version', NEW.row_version, 'changed_by', OLD.changed_by,
                'changed_at', to_char (OLD.changed_at AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text;
    END IF;
    -- A record never changes its id nor moves to another case or home (TG_ARGV[0]: the
    -- owner's column): the audit pairs an update's rows by them.
    IF NEW.id IS DISTINCT FROM OLD.id
       OR (TG_ARGV[0] <> ''
           AND to_jsonb (NEW) -> TG_ARGV[0] IS DISTINCT FROM to_jsonb (OLD) -> TG_ARGV[0]) THEN
      RAISE EXCEPTION '% %: a record''s id and owner never change', TG_TABLE_NAME, OLD.id
        USING ERRCODE = 'check_violation';
    END IF;
    NEW.row_version := OLD.row_version + 1;
  ELSE
    NEW.row_version := 1;
  END IF;
  NEW.changed_by := session_user;
  NEW.changed_at := clock_timestamp ();
  RETURN NEW;
END
$$;

-- ---- The audit of every write, and the change notice ----

-- A record as the audit keeps it: its fields without the empty ones and the row stamp, and a
-- protected address's value replaced.
CREATE FUNCTION homeward.audit_image (r jsonb, masked text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE WHEN coalesce ((r OPERATOR (pg_catalog.->>) 'protected_address')::boolean, false)
              THEN pg_catalog.jsonb_strip_nulls (r) OPERATOR (pg_catalog.-) masked
                   OPERATOR (pg_catalog.||)
                   coalesce ((SELECT pg_catalog.jsonb_object_agg (m, '(protected address)'::text)
                              FROM pg_catalog.unnest (masked) AS m
                              WHERE r OPERATOR (pg_catalog.->>) m IS NOT NULL), '{}')
              ELSE pg_catalog.jsonb_strip_nulls (r) END
         OPERATOR (pg_catalog.-) '{row_version,changed_by,changed_at}'::text[]
$$;

-- The changed fields of an update, each [before, after].
CREATE FUNCTION homeward.audit_changes (o jsonb, n jsonb, masked text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$
  SELECT coalesce (pg_catalog.jsonb_object_agg (
           k, CASE WHEN k OPERATOR (pg_catalog.=) ANY (masked)
                        AND (coalesce ((o OPERATOR (pg_catalog.->>) 'protected_address')::boolean,
                                       false)
                             OR coalesce ((n OPERATOR (pg_catalog.->>) 'protected_address')::boolean,
                                          false))
                   THEN '"(protected address)"'::jsonb
                   ELSE pg_catalog.jsonb_build_array (o OPERATOR (pg_catalog.->) k,
                                                      n OPERATOR (pg_catalog.->) k) END), '{}')
  FROM pg_catalog.jsonb_object_keys (n) AS k
  WHERE k OPERATOR (pg_catalog.<>) ALL ('{row_version,changed_by,changed_at}'::text[])
    AND o OPERATOR (pg_catalog.->) k IS DISTINCT FROM n OPERATOR (pg_catalog.->) k
$$;

-- One trigger per statement and operation (transition tables), so a statement writing 50,000
-- rows audits them with one call, not 50,000 (a row trigger cost 250 µs a row). TG_ARGV[0]:
-- the column holding the case id ('' for none); TG_ARGV[1]: the columns of a protected
-- address, comma-separated, whose values are not copied into the trail when the address is
-- protected (the trail is read by people outside the case's team: a head).
CREATE FUNCTION homeward.row_audit () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
  masked text[] := coalesce (string_to_array (nullif (TG_ARGV[1], ''), ','), '{}');
  case_col text := TG_ARGV[0];
  ids text[];
  cases text[];
  details text[];
  pairs jsonb[];
BEGIN
  -- Each pair: the row before ("o", absent for an insert) and after ("n", absent for a
  -- delete). id and the owner never change (row_stamp), so they pair an update's rows. (No
  -- temporary table: a client could make one of that name first, with triggers of its own.)
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg (jsonb_build_object ('n', to_jsonb (r))) INTO pairs FROM new_rows r;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg (jsonb_build_object ('o', to_jsonb (r))) INTO pairs FROM old_rows r;
  ELSE
    SELECT array_agg (jsonb_build_object ('o', o.j, 'n', n.j)) INTO pairs
    FROM (SELECT to_jsonb (r) AS j FROM old_rows r) o
    JOIN (SELECT to_jsonb (r) AS j FROM new_rows r) n
      ON o.j -> 'id' = n.j -> 'id'
     AND (case_col = '' OR o.j -> case_col = n.j -> case_col);
  END IF;

  SELECT array_agg (x.id ORDER BY x.id, x.case_id), array_agg (x.case_id ORDER BY x.id, x.case_id),
         array_agg (x.detail ORDER BY x.id, x.case_id)
    INTO ids, cases, details
  FROM (
    SELECT coalesce (p.n, p.o) ->> 'id' AS id,
           CASE WHEN case_col <> '' THEN coalesce (p.n, p.o) ->> case_col END AS case_id,
           CASE
             -- An insert: the fields it set; a delete: the fields it removed; an update: the
             -- changed fields, before and after.
             WHEN p.o IS NULL THEN jsonb_build_object ('txid', txid_current (), 'version', 1,
                                                       'new', homeward.audit_image (p.n, masked))
             WHEN p.n IS NULL THEN jsonb_build_object ('txid', txid_current (),
                                                       'version', p.o -> 'row_version',
                                                       'old', homeward.audit_image (p.o, masked))
             ELSE jsonb_build_object ('txid', txid_current (), 'version', p.n -> 'row_version',
                                      'changes', homeward.audit_changes (p.o, p.n, masked))
           END::text AS detail
    FROM (SELECT u -> 'o' AS o, u -> 'n' AS n FROM unnest (pairs) AS u) p) x;
  PERFORM homeward.audit_append_rows (lower (TG_OP), TG_TABLE_NAME, ids, cases, details);

  -- Delivered at commit, once per case and transaction: LISTEN homeward_change.
  PERFORM pg_notify ('homeward_change', c)
  FROM (SELECT DISTINCT coalesce (u.c, TG_TABLE_NAME || ':' || u.id) AS c
        FROM unnest (ids, cases) AS u (id, c)) d;
  RETURN NULL;
END
$$;

-- ---- Wiring every record table ----

DO $$
DECLARE
  t record;
  cols text;
  case_col text;
  visible text;
BEGIN
  FOR t IN SELECT * FROM homeward.record_table LOOP
    case_col := CASE WHEN t.owner = 'case' THEN t.owner_column
                     WHEN t.name = 'case_file' THEN 'id'
                     ELSE '' END;
    EXECUTE format ('CREATE TRIGGER row_stamp BEFORE INSERT OR UPDATE ON homeward.%I '
                    'FOR EACH ROW EXECUTE FUNCTION homeward.row_stamp (%L)', t.name,
                    coalesce (t.owner_column, ''));
    EXECUTE format ('CREATE TRIGGER row_audit_insert AFTER INSERT ON homeward.%I '
                    'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                    'EXECUTE FUNCTION homeward.row_audit (%L, %L)', t.name,
                    case_col, array_to_string (t.protected_columns, ','));
    EXECUTE format ('CREATE TRIGGER row_audit_update AFTER UPDATE ON homeward.%I '
                    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT '
                    'EXECUTE FUNCTION homeward.row_audit (%L, %L)', t.name,
                    case_col, array_to_string (t.protected_columns, ','));
    EXECUTE format ('CREATE TRIGGER row_audit_delete AFTER DELETE ON homeward.%I '
                    'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT '
                    'EXECUTE FUNCTION homeward.row_audit (%L, %L)', t.name,
                    case_col, array_to_string (t.protected_columns, ','));

    -- Every column but a protected address's (read through <table>_address).
    SELECT string_agg (quote_ident (a.attname), ', ' ORDER BY a.attnum) INTO cols
    FROM pg_attribute a
    WHERE a.attrelid = format ('homeward.%I', t.name)::regclass AND a.attnum > 0
      AND NOT a.attisdropped AND a.attname <> ALL (t.protected_columns);
    EXECUTE format ('GRANT SELECT (%s) ON homeward.%I TO homeward_app', cols, t.name);
    IF t.name = 'team' THEN
      NULL;  -- teams are made by `server add-team`
    ELSIF t.name = 'staff' THEN
      EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON homeward.%I TO homeward_team_leader, '
                      'homeward_head', t.name);
    ELSE
      EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON homeward.%I TO homeward_app', t.name);
    END IF;

    IF t.owner = 'case' OR t.name = 'case_file' THEN
      EXECUTE format ('ALTER TABLE homeward.%I ENABLE ROW LEVEL SECURITY', t.name);
      IF t.name = 'case_file' THEN
        -- The case list itself (journal number, dates, team) needs no open; moving a case to
        -- another team is for team leaders and heads.
        EXECUTE 'CREATE POLICY see ON homeward.case_file FOR SELECT '
                'USING (id IN (SELECT homeward.visible_cases ()))';
        EXECUTE 'CREATE POLICY add ON homeward.case_file FOR INSERT WITH CHECK '
                '(homeward.is_head () OR team_id IN (SELECT homeward.my_teams ()))';
        -- Who may move a case to another team is case_file_move's to say.
        EXECUTE 'CREATE POLICY change ON homeward.case_file FOR UPDATE '
                'USING (id IN (SELECT homeward.visible_cases ())) WITH CHECK (true)';
        EXECUTE 'CREATE POLICY remove ON homeward.case_file FOR DELETE '
                'USING (homeward.is_head () OR (homeward.is_team_leader () '
                '       AND team_id IN (SELECT homeward.my_teams ())))';
      ELSE
        visible := format ('%I IN (SELECT homeward.opened_cases ())', t.owner_column);
        EXECUTE format ('CREATE POLICY see ON homeward.%I FOR SELECT USING (%s)', t.name,
                        visible);
        EXECUTE format ('CREATE POLICY add ON homeward.%I FOR INSERT WITH CHECK '
                        '(%I IN (SELECT homeward.visible_cases ()))', t.name, t.owner_column);
        EXECUTE format ('CREATE POLICY change ON homeward.%I FOR UPDATE USING (%s) WITH CHECK '
                        '(%I IN (SELECT homeward.visible_cases ()))', t.name, visible,
                        t.owner_column);
        EXECUTE format ('CREATE POLICY remove ON homeward.%I FOR DELETE USING (%s)', t.name,
                        visible);
      END IF;
    END IF;

    -- A protected address (sperret adresse) is shown to the case's own team only: not to a
    -- head of service, nor to someone who broke the glass.
    IF cardinality (t.protected_columns) > 0 AND t.owner = 'case' THEN
      SELECT string_agg (format ('CASE WHEN NOT r.protected_address OR r.%1$I IN '
                                 '(SELECT homeward.own_team_cases ()) THEN r.%2$I END AS %2$I',
                                 t.owner_column, c), ', ')
        INTO cols FROM unnest (t.protected_columns) AS c;
      EXECUTE format ('CREATE VIEW homeward.%1$I WITH (security_barrier) AS '
                      'SELECT r.id, r.%2$I, r.protected_address, %3$s FROM homeward.%4$I r '
                      'WHERE r.%2$I IN (SELECT homeward.opened_cases ())',
                      t.name || '_address', t.owner_column, cols, t.name);
      EXECUTE format ('GRANT SELECT ON homeward.%I TO homeward_app', t.name || '_address');
    END IF;
  END LOOP;
END
$$;

-- Moving a case to another team (or out of every team) is for a head and for the team leader
-- of the team it leaves; a caseworker, or someone who broke the glass, edits it where it is.
CREATE FUNCTION homeward.case_file_move () RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF NEW.team_id IS DISTINCT FROM OLD.team_id
     AND NOT homeward.is_head ()
     AND NOT (homeward.is_team_leader ()
              AND coalesce (OLD.team_id IN (SELECT homeward.my_teams ()), false)) THEN
    RAISE EXCEPTION 'case %: only a head of service or the team leader of its team moves it to another team',
                    OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER case_file_move BEFORE UPDATE OF team_id ON homeward.case_file
  FOR EACH ROW EXECUTE FUNCTION homeward.case_file_move ();

-- A foster home's protected address: to the teams with a child placed there.
CREATE VIEW homeward.foster_home_address WITH (security_barrier) AS
  SELECT h.id, h.protected_address,
         CASE WHEN NOT h.protected_address
                OR h.id IN (SELECT m.home_id FROM homeward.measure m
                            WHERE m.case_id IN (SELECT homeward.own_team_cases ()))
              THEN h.address END AS address
  FROM homeward.foster_home h;
GRANT SELECT ON homeward.foster_home_address TO homeward_app;

CREATE UNIQUE INDEX case_file_journal_no ON homeward.case_file (journal_no);
CREATE UNIQUE INDEX team_name ON homeward.team (name);

-- ---- Who reads the audit trail ----
-- Everyone their own entries; a team leader the entries of the own teams' cases (a broken
-- glass among them); a head everything.
ALTER TABLE homeward.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON homeward.audit FOR SELECT USING (
  actor = session_user OR homeward.is_head ()
  OR (homeward.is_team_leader () AND case_id IN (SELECT homeward.own_team_cases ())));
GRANT SELECT ON homeward.audit TO homeward_app;

-- ---- Setting up (run by the database owner: `homeward-cli server add-team / add-user`) ----

CREATE FUNCTION homeward.add_team (p_name text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
DECLARE
  team text;
BEGIN
  IF p_name IS NULL OR btrim (p_name) = '' THEN
    RAISE EXCEPTION 'a team needs a name' USING ERRCODE = 'HWV01';
  END IF;
  SELECT id INTO team FROM homeward.team WHERE name = btrim (p_name);
  IF NOT FOUND THEN
    INSERT INTO homeward.team (id, name) VALUES (gen_random_uuid ()::text, btrim (p_name))
    RETURNING id INTO team;
  END IF;
  RETURN team;
END
$$;

CREATE FUNCTION homeward.add_user (p_role_name text, p_kind text, p_teams text[])
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
DECLARE
  grp text;
  other text;
  t text;
  team text;
BEGIN
  grp := CASE p_kind WHEN 'caseworker' THEN 'homeward_caseworker'
                     WHEN 'team-leader' THEN 'homeward_team_leader'
                     WHEN 'head' THEN 'homeward_head' END;
  IF grp IS NULL THEN
    RAISE EXCEPTION '--role: “%” is not caseworker, team-leader or head', p_kind
      USING ERRCODE = 'HWV01';
  END IF;
  IF p_role_name IS NULL OR p_role_name = '' OR p_role_name LIKE 'homeward\_%'
     OR p_role_name LIKE 'pg\_%' THEN
    RAISE EXCEPTION 'ROLE: “%” cannot be a Homeward user', p_role_name USING ERRCODE = 'HWV01';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role_name AND rolsuper) THEN
    -- A superuser passes every policy: it would see and change everything, unseen by RLS.
    RAISE EXCEPTION 'ROLE: % is a superuser, and row-level security does not apply to it',
                    p_role_name USING ERRCODE = 'HWV01';
  END IF;
  FOREACH t IN ARRAY coalesce (p_teams, '{}') LOOP
    IF NOT EXISTS (SELECT 1 FROM homeward.team WHERE name = t) THEN
      RAISE EXCEPTION '--team: no team named “%” (add it with “server add-team”)', t
        USING ERRCODE = 'HWV01';
    END IF;
  END LOOP;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role_name) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN', p_role_name);
  END IF;
  -- One Homeward role per person: a new one replaces the old.
  FOREACH other IN ARRAY ARRAY['homeward_caseworker', 'homeward_team_leader', 'homeward_head']
  LOOP
    IF other <> grp AND pg_has_role (p_role_name, other, 'MEMBER') THEN
      EXECUTE format ('REVOKE %I FROM %I', other, p_role_name);
    END IF;
  END LOOP;
  EXECUTE format ('GRANT %I TO %I', grp, p_role_name);
  FOREACH t IN ARRAY coalesce (p_teams, '{}') LOOP
    SELECT id INTO team FROM homeward.team WHERE name = t;
    INSERT INTO homeward.team_member (role_name, team_id) VALUES (p_role_name, team)
    ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM homeward.audit_append ('add-user', 'role', p_role_name, NULL,
                                 json_build_object ('role', p_kind, 'teams',
                                                    coalesce (p_teams, '{}'))::text);
END
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA homeward FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward.is_head (), homeward.is_team_leader (), homeward.my_teams (),
  homeward.audit_verify (), homeward.audit_hash (text, bigint, text, text, text, text, text,
                                                   text, text),
  homeward.team_cases (), homeward.own_team_cases (), homeward.visible_cases (),
  homeward.opened_cases (), homeward.session_key (), homeward.open_case (text, text),
  homeward.break_glass (text, text), homeward.open_caseload ()
  TO homeward_app;
