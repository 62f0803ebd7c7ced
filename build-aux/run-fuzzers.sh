#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzz harnesses (tests/fuzz) with clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for SECONDS (default 60) from its seed corpus
# (tests/fuzz/seeds, the saved reproducers in tests/fuzz/regressions, and the test fixtures).
# The corpus grows in _fuzz/corpus/HARNESS; anything that crashes, leaks, hangs or runs out of
# memory is written to _fuzz/crashes/HARNESS/ and makes the script fail. Copy a reproducer to
# tests/fuzz/regressions/HARNESS/ once it is fixed: every build replays those.
#
#   build-aux/run-fuzzers.sh [SECONDS] [HARNESS…]
#
# HARNESS: import-ssb, import-homeward, catalogue (default: all three).
#
# HOMEWARD_FUZZ_BUILD (default _fuzz) names the build folder, HOMEWARD_FUZZ_JOBS (default 1)
# how many processes each harness runs in parallel.
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-import-ssb import-homeward catalogue}
build=${HOMEWARD_FUZZ_BUILD:-_fuzz}
jobs=${HOMEWARD_FUZZ_JOBS:-1}

if ! grep -q "subdir('fuzz')" tests/meson.build; then
  echo "run-fuzzers: tests/meson.build does not include tests/fuzz yet" >&2
  exit 2
fi
if [ ! -d "$build/meson-info" ]; then
  # -Werror stays with the gcc builds: a clang-only warning in one module must not stop the
  # fuzzing of all of them (the warnings are still printed).
  CC=clang meson setup "$build" -Dfuzzing=true -Dui=false -Dwerror=false \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
targets=
for h in $harnesses; do targets="$targets tests/fuzz/fuzz-$h"; done
# shellcheck disable=SC2086
ninja -C "$build" $targets >/dev/null

export HOMEWARD_DATADIR="$PWD/data"
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
# The harnesses write a scratch database or file per process: keep that in memory.
[ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm

status=0
for h in $harnesses; do
  corpus="$build/corpus/$h"
  crashes="$build/crashes/$h"
  mkdir -p "$corpus" "$crashes"
  case "$h" in
    import-*) fixtures=tests/exchange/fixtures ;;
    catalogue) fixtures=data/rules ;;
    *) fixtures= ;;
  esac
  dict=
  [ -f "tests/fuzz/$h.dict" ] && dict="-dict=tests/fuzz/$h.dict"
  parallel=
  [ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
  echo "== $h: ${seconds}s"
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz-$h" "$corpus" "tests/fuzz/seeds/$h" "tests/fuzz/regressions/$h" \
    $fixtures $dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 $parallel \
    > "$build/$h.log" 2>&1 || true
  pattern='^(#[0-9]+.*(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb'
  pattern="$pattern|.*ERROR: |SUMMARY: )"
  grep -E "$pattern" "$build/$h.log" || true
  if ls "$crashes" | grep -qE '^(crash|leak|timeout|oom|slow-unit)-'; then
    echo "!! $h: found something; reproducers in $crashes" >&2
    status=1
  fi
done
exit $status
