#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Measures the desktop app on a large caseload (issue #8: peak memory ≤ 300 MB at 50,000
# children): time to the first mapped window, time until the background scan has evaluated
# every case, peak (VmHWM) and final resident memory. Each run opens a fresh scratch copy of
# the database on a virtual display of its own, waits until the scan is done and the process
# idle (daily backup included), takes a screenshot and ends the app; medians come last.
#
#   build-aux/measure-app.sh [DB [RUNS]]
#
# DB (default /tmp/bench/homeward-50000.db) is never opened itself; a missing one is written
# with `homeward-cli demo --children $CHILDREN --seed 1 --today $TODAY`. RUNS defaults to 3.
# Environment: BUILD (default _app, a meson build with the UI), CHILDREN (50000), TODAY
# (2026-11-23, also the app's pinned today), SHOT (/tmp/app-50k.png), TIMEOUT (600 s a run);
# anything else goes through to the app (e.g. GSK_RENDERER=cairo; the default is GL, which on
# Xvfb is Mesa's llvmpipe: 75–110 MB more than cairo).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${MEASURE_APP_DISPLAY:-}" ]; then
  MEASURE_APP_DISPLAY=1 exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" "$@"
fi

db=${1:-/tmp/bench/homeward-50000.db}
runs=${2:-3}
build=${BUILD:-_app}
today=${TODAY:-2026-11-23}
shot=${SHOT:-/tmp/app-50k.png}
timeout=${TIMEOUT:-600}
for tool in xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
if [ ! -f "$db" ]; then
  echo "Writing $db (${CHILDREN:-50000} children)…" >&2
  HOMEWARD_DATADIR="$PWD/data" "$build/app/cli/homeward-cli" --db "$db" demo --children "${CHILDREN:-50000}" --seed 1 \
    --today "$today" >/dev/null
fi

export LC_ALL=C.UTF-8 LANGUAGE=en TZ=Europe/Oslo GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
  NO_AT_BRIDGE=1 GTK_A11Y=none HOMEWARD_DATADIR="$PWD/data" HOMEWARD_TODAY="$today" \
  GSETTINGS_SCHEMA_DIR="$build/data" \
  G_MESSAGES_DEBUG=hw-caseload

now () { echo "${EPOCHREALTIME/./}"; }                          # µs
secs () { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1e6 }'; }
median () { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cpu_ticks () { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
status_mb () { awk -v k="$2:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

declare -a W S I P E
pid='' scratch=''
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$scratch"' EXIT
for run in $(seq "$runs"); do
  scratch=$(mktemp -d /tmp/measure-app.XXXXXX)
  cp "$db" "$scratch/homeward.db"
  [ -f "$db-wal" ] && cp "$db-wal" "$scratch/homeward.db-wal"
  t0=$(now)
  "$build/ui/homeward" --db "$scratch/homeward.db" >"$scratch/log" 2>&1 &
  pid=$!
  win='' scan='' idle=0 last=-1
  while :; do
    sleep 0.1
    t=$(( $(now) - t0 ))
    if ! kill -0 "$pid" 2>/dev/null || grep -q '^State:.*zombie' "/proc/$pid/status"; then
      echo "run $run: the app ended early:" >&2; cat "$scratch/log" >&2; exit 1
    fi
    cpu=$(cpu_ticks "$pid")
    if [ -z "$win" ] && xdotool search --onlyvisible --name '^Homeward$' >/dev/null 2>&1; then
      win=$t
    fi
    if [ -z "$scan" ] && grep -q 'findings for .* cases after' "$scratch/log"; then scan=$t; fi
    if [ -n "$scan" ]; then
      if [ "$cpu" = "$last" ]; then idle=$((idle + 1)); else idle=0; fi
      [ "$idle" -ge 10 ] && break                                # 1 s without CPU time
    fi
    last=$cpu
    [ "$t" -gt $((timeout * 1000000)) ] && { echo "run $run: timed out" >&2; break; }
  done
  done_at=$(( t - 1000000 ))
  import -window root "$shot"
  peak=$(status_mb "$pid" VmHWM) rss=$(status_mb "$pid" VmRSS)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $run: window $(secs "${win:-0}") s, scan done $(secs "$scan") s" \
    "($(grep -o 'findings for .*' "$scratch/log" | tail -1)), idle $(secs "$done_at") s," \
    "peak RSS $peak MB, RSS at end $rss MB"
  W+=("$(secs "${win:-0}")") S+=("$(secs "$scan")") I+=("$(secs "$done_at")") P+=("$peak") E+=("$rss")
  rm -rf "$scratch"; pid='' scratch=''
done
echo "median of $runs: window $(median "${W[@]}") s, scan done $(median "${S[@]}") s," \
  "idle $(median "${I[@]}") s, peak RSS $(median "${P[@]}") MB, RSS at end $(median "${E[@]}") MB"
echo "screenshot of the last run: $shot"
