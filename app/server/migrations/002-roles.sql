-- SPDX-License-Identifier: GPL-3.0-or-later
-- Server migration 2: who is who. Identity is the PostgreSQL login role (session_user); what
-- it may do follows from the group roles it is a member of and the teams it belongs to.
--
-- The group roles are the cluster's (roles are not per database); they own nothing and log in
-- never. homeward_app holds every privilege the three share, so a grant is written once.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['homeward_app', 'homeward_caseworker', 'homeward_team_leader',
                           'homeward_head']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;
GRANT homeward_app TO homeward_caseworker, homeward_team_leader, homeward_head;

REVOKE ALL ON SCHEMA homeward FROM PUBLIC;
GRANT USAGE ON SCHEMA homeward TO homeward_app;

-- The teams a login role works in (server add-user --team). A team leader's and a
-- caseworker's view of the caseload is their teams' cases.
CREATE TABLE homeward.team_member (
  role_name text NOT NULL,
  team_id text NOT NULL REFERENCES homeward.team (id) ON DELETE CASCADE,
  PRIMARY KEY (role_name, team_id)
);
CREATE INDEX team_member_team_id ON homeward.team_member (team_id);

-- One row per case (or, with case_id NULL, per caseload) a session has opened through
-- homeward.open_case / open_caseload, which log the read: the records of a case are readable
-- only while such a row exists for this very session (role, backend and its start), so a
-- client cannot read a child's records without the read being in the audit trail. A row with
-- glass = true is a case outside the role's teams, opened with a reason ("break the glass").
CREATE TABLE homeward.case_open (
  role_name text NOT NULL,
  session text NOT NULL,
  case_id text,
  glass boolean NOT NULL DEFAULT false,
  opened_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX case_open_key ON homeward.case_open (role_name, session, coalesce (case_id, ''));

-- Which session this is. The backend's pid alone is reused by later connections, and its
-- start time (pg_stat_activity) is hidden from the owner's functions, so the first open of a
-- session makes a temporary table: it lives as long as the session, its OID is new, and a
-- later session with the same pid has none (and so no opens) until it logs a read itself.
CREATE FUNCTION homeward.session_begin () RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
BEGIN
  IF to_regclass ('pg_temp.homeward_session') IS NULL THEN
    CREATE TEMPORARY TABLE homeward_session ();
  END IF;
END
$$;

-- NULL before session_begin: then nothing is open.
CREATE FUNCTION homeward.session_key () RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$
  SELECT pg_backend_pid ()::text || '@' || to_regclass ('pg_temp.homeward_session')::oid::text
$$;

CREATE FUNCTION homeward.is_head () RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog
AS $$ SELECT pg_has_role (session_user, 'homeward_head', 'MEMBER') $$;

CREATE FUNCTION homeward.is_team_leader () RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog
AS $$ SELECT pg_has_role (session_user, 'homeward_team_leader', 'MEMBER') $$;

CREATE FUNCTION homeward.my_teams () RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
AS $$ SELECT team_id FROM homeward.team_member WHERE role_name = session_user $$;

-- Functions are callable by PUBLIC unless revoked: every migration ends with only what it grants.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA homeward FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward.is_head (), homeward.is_team_leader (), homeward.my_teams ()
  TO homeward_app;
GRANT SELECT ON homeward.team_member TO homeward_app;
