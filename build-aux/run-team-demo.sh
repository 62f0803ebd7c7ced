#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A local team server to try Homeward's multi-user set-up (issue 16):
#   build-aux/run-team-demo.sh [FOLDER]     start (or restart) it; FOLDER defaults to
#                                           _build/team-demo
#   build-aux/run-team-demo.sh --stop [FOLDER]
# PostgreSQL 15 runs from FOLDER as you (as "nobody" when run as root), listening only on a
# unix socket in FOLDER, with password (SCRAM) authentication. It sets up the database with
# `homeward-cli server init`, three teams and five users, and prints how to connect as each.
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD

stop=0
if [ "${1:-}" = "--stop" ]; then stop=1; shift; fi
DIR=${1:-$ROOT/_build/team-demo}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

pgbin=
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
  if [ -x "$d/initdb" ]; then pgbin=$d; break; fi
done
if [ -z "$pgbin" ]; then
  echo "PostgreSQL is not installed: run build-aux/install-deps.sh (postgresql-15)" >&2
  exit 1
fi
as=
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$DIR"
  as="runuser -u nobody --"
fi

if [ $stop -eq 1 ]; then
  $as "$pgbin/pg_ctl" -D "$DIR/data" -w stop
  exit 0
fi

[ -d _build/meson-info ] || meson setup _build
meson compile -C _build homeward-cli >/dev/null
CLI=$ROOT/_build/app/cli/homeward-cli

ADMIN_PW=demo-admin
if [ ! -d "$DIR/data" ]; then
  printf '%s\n' "$ADMIN_PW" >"$DIR/pw"
  chmod 600 "$DIR/pw"
  [ -z "$as" ] || chown nobody "$DIR/pw"
  # The cluster's superuser is "postgres"; Homeward's tables are owned by homeward_admin, who
  # may create roles and is no superuser (row-level security does not bind superusers).
  $as "$pgbin/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pw" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
  rm -f "$DIR/pw"
fi
if ! $as "$pgbin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  $as "$pgbin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-c listen_addresses= -c unix_socket_directories=$DIR" start >/dev/null
fi

export PGPASSWORD=$ADMIN_PW
psql_super () { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -U postgres -d "$1" -c "$2"; }
if [ -z "$("$pgbin/psql" -X -tA -h "$DIR" -U postgres -d postgres \
          -c "SELECT 1 FROM pg_roles WHERE rolname = 'homeward_admin'")" ]; then
  psql_super postgres "CREATE ROLE homeward_admin LOGIN CREATEROLE PASSWORD '$ADMIN_PW'"
  psql_super postgres "CREATE DATABASE homeward OWNER homeward_admin"
fi

ADMIN="host=$DIR dbname=homeward user=homeward_admin"
"$CLI" --db "$ADMIN" server init
for team in Nord Sør Vest; do
  "$CLI" --db "$ADMIN" server add-team "$team"
done
"$CLI" --db "$ADMIN" server add-user kari --role caseworker --team Nord
"$CLI" --db "$ADMIN" server add-user ola --role team-leader --team Nord
"$CLI" --db "$ADMIN" server add-user siri --role caseworker --team Sør --team Vest
"$CLI" --db "$ADMIN" server add-user per --role team-leader --team Sør --team Vest
"$CLI" --db "$ADMIN" server add-user hanne --role head
for user in kari ola siri per hanne; do
  psql_super homeward "ALTER ROLE $user PASSWORD 'demo-$user'"
done
unset PGPASSWORD

cat <<MSG

Team server running in $DIR (unix socket only; log: $DIR/server.log).
Teams: Nord, Sør, Vest. Users (password demo-NAME):
  kari   caseworker in Nord           ola    team leader of Nord
  siri   caseworker in Sør and Vest   per    team leader of Sør and Vest
  hanne  head of service (all teams)

Connect as one of them, e.g. kari:
  psql "host=$DIR dbname=homeward user=kari"                  (password demo-kari)
  $CLI --db "host=$DIR dbname=homeward user=kari" …
  (or put "$DIR:*:homeward:kari:demo-kari" in ~/.pgpass, mode 0600)

Not yet: the demo caseload and the app on the server need the store's server backend (the
next step of issue 16); until then homeward-cli's other commands refuse a server and say so,
and the app does not open one. The schema, roles, policies and audit are all in place: try
  SELECT homeward.open_caseload ();  SELECT * FROM homeward.audit_verify ();

Stop it with: $0 --stop $DIR
MSG
