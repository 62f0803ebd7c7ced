#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# homeward-cli's server commands against a throwaway cluster (run by with-cluster.sh).
set -u
CLI=$1
DB=$HW_TEST_PG_CONNINFO
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

check () {  # NAME EXPECTED-STATUS PATTERN COMMAND…
  name=$1 want=$2 pattern=$3
  shift 3
  "$@" >"$t/out" 2>&1
  got=$?
  if [ "$got" -ne "$want" ] || ! grep -q -- "$pattern" "$t/out"; then
    echo "FAIL $name: exit $got (want $want), output:"; sed 's/^/  /' "$t/out"
    fail=1
  else
    echo "ok $name"
  fi
}

psql_owner () { psql -X -q -t -A -h "$HW_TEST_PGHOST" -U hw_admin -d homeward -c "$1"; }

check "add-team before init" 1 "server init" "$CLI" --db "$DB" server add-team Nord
check "init" 0 "Applied 5 server migrations" "$CLI" --db "$DB" server init
check "init again" 0 "up to date" "$CLI" --db "$DB" server init
check "add-team" 0 "Added team “Nord”" "$CLI" --db "$DB" server add-team Nord
check "add-team again" 0 "exists already" "$CLI" --db "$DB" server add-team Nord
check "add-team Sør" 0 "Added team" "$CLI" --db "$DB" server add-team "Sør"
check "add-user, no team" 0 "per is a caseworker (in no team yet" \
  "$CLI" --db "$DB" server add-user per --role caseworker
check "add-user, head" 0 "hanne is a head of service (sees every" \
  "$CLI" --db "$DB" server add-user hanne --role head
check "add-user" 0 "kari is a caseworker in Nord, Sør" \
  "$CLI" --db "$DB" server add-user kari --role caseworker --team Nord --team "Sør"
check "add-user, bad role" 2 "--role: “boss”" "$CLI" --db "$DB" server add-user ola --role boss
check "add-user, no role" 2 "--role is required" "$CLI" --db "$DB" server add-user ola
check "add-user, unknown team" 1 "--team: no team named “Vest”" \
  "$CLI" --db "$DB" server add-user ola --role head --team Vest
[ "$(psql_owner "SELECT count(*) FROM pg_roles WHERE rolname = 'ola'")" = 0 ] \
  || { echo "FAIL a refused add-user created its role"; fail=1; }
check "promote" 0 "kari is a team leader of Nord, Sør" "$CLI" --db "$DB" server add-user kari --role team-leader
[ "$(psql_owner "SELECT pg_has_role('kari','homeward_team_leader','MEMBER')::text || pg_has_role('kari','homeward_caseworker','MEMBER')::text")" = truefalse ] \
  || { echo "FAIL kari should be a team leader only"; fail=1; }
[ "$(psql_owner "SELECT count(*) FROM homeward.team_member WHERE role_name = 'kari'")" = 2 ] \
  || { echo "FAIL kari should still be in two teams"; fail=1; }

# Other commands on a server: a clear refusal, nothing pretended.
check "list on a server" 1 "server backend is not yet available" "$CLI" --db "$DB" list
check "check on a URI" 1 "server backend is not yet available" \
  "$CLI" --db "postgresql://localhost/homeward" check
check "server on a file" 1 "need a server" "$CLI" --db "$t/x.db" server init
[ ! -e "$t/x.db" ] || { echo "FAIL server init on a file created it"; fail=1; }
check "unknown server command" 2 "unknown command “drop”" "$CLI" --db "$DB" server drop
check "unreachable server" 1 "Cannot connect to the server" \
  "$CLI" --db "host=$t dbname=none user=none" server init
exit $fail
