#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test program against a throwaway PostgreSQL cluster:
#   with-cluster.sh PROGRAM [ARGS…]
# The cluster lives in a fresh temporary folder, listens only on a unix socket there (no TCP),
# trusts local connections (so a test can connect as any of the roles it creates) and is
# stopped and removed however the program ends. Run as root (CI), it runs as "nobody":
# PostgreSQL refuses to run as root. The program gets:
#   HW_TEST_PGHOST      the socket folder
#   HW_TEST_PGDATABASE  an empty database "homeward" owned by "hw_admin", who may create roles
#                       but is no superuser (what `server init` asks of a municipality's DBA)
#   HW_TEST_PG_CONNINFO a connection string for hw_admin to that database
set -eu

if [ $# -lt 1 ]; then
  echo "usage: with-cluster.sh PROGRAM [ARGS…]" >&2
  exit 2
fi

pgbin=${HW_PG_BINDIR:-}
if [ -z "$pgbin" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$d/initdb" ]; then pgbin=$d; break; fi
  done
fi
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "with-cluster.sh: PostgreSQL's initdb not found (install postgresql-15; see build-aux/install-deps.sh)" >&2
  exit 1
fi

base=${TMPDIR:-/tmp}
# A unix socket's path has at most 107 bytes, and as root the server (nobody) must reach it.
if [ ${#base} -gt 60 ] || { [ "$(id -u)" -eq 0 ] && ! runuser -u nobody -- test -x "$base"; }; then
  base=/tmp
fi
dir=$(mktemp -d "$base/hw-pg.XXXXXX")
as=
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as="runuser -u nobody --"
fi

cleanup () {
  status=$?
  if [ -f "$dir/data/postmaster.pid" ]; then
    $as "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit $status
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# -N: no fsync while creating; the cluster is thrown away after the test.
$as "$pgbin/initdb" -D "$dir/data" -U hw_owner --auth=trust -N -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
$as "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses= -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40 -c shared_buffers=32MB" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$pgbin/psql" -X -q -h "$dir" -U hw_owner -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE hw_admin LOGIN CREATEROLE" -c "CREATE DATABASE homeward OWNER hw_admin" >/dev/null

HW_TEST_PGHOST=$dir
HW_TEST_PGDATABASE=homeward
HW_TEST_PG_CONNINFO="host=$dir user=hw_admin dbname=homeward"
export HW_TEST_PGHOST HW_TEST_PGDATABASE HW_TEST_PG_CONNINFO

set +e
"$@"
status=$?
set -e
if [ $status -ne 0 ] && [ -n "${HW_TEST_SHOW_SERVER_LOG:-}" ]; then
  tail -n 50 "$dir/server.log" >&2
fi
exit $status
