#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# homeward-cli plan: a PDF for a demo case, for each recipient; usage errors.
set -eu
cli="$1"
dir=$(mktemp -d "${TMPDIR:-/tmp}/homeward-plan-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db="$dir/test.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

"$cli" --db "$db" --user tester demo --children 12 --seed 3 --today 2026-11-23 >/dev/null
journal=$("$cli" --db "$db" list | head -n 1 | cut -f 1)
[ -n "$journal" ] || fail "no case in the demo caseload"

for who in internal parents foster-parents tribunal; do
  out="$dir/plan-$who.pdf"
  "$cli" --db "$db" --user tester plan "$journal" -o "$out" --today 2026-11-23 \
    --recipient "$who" >"$dir/stdout" || fail "plan --recipient $who"
  grep -q "pages\?$" "$dir/stdout" || fail "no page count printed: $(cat "$dir/stdout")"
  pdfinfo "$out" | grep -q "595.276 x 841.89 pts (A4)" || fail "$who: not A4"
  pdftotext "$out" - | grep -q "10. Signatures" || fail "$who: no signatures section"
  pdftotext "$out" - | grep -q "Printed 23.11.2026 by tester" || fail "$who: footer"
done
pdftotext "$dir/plan-parents.pdf" - | grep -q "Printed for: the parents" ||
  fail "the parents' printout does not say for whom it is"

# Usage errors exit 2; an unknown case exits 1 and writes nothing.
set +e
"$cli" --db "$db" plan "$journal" 2>/dev/null; [ $? -eq 2 ] || fail "missing -o"
"$cli" --db "$db" plan -o "$dir/x.pdf" 2>/dev/null; [ $? -eq 2 ] || fail "missing journal"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --recipient neighbours 2>/dev/null
[ $? -eq 2 ] || fail "bad recipient"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --today 2026-13-01 2>/dev/null
[ $? -eq 2 ] || fail "bad date"
"$cli" --db "$db" plan 1999-99999 -o "$dir/x.pdf" 2>/dev/null; [ $? -eq 1 ] || fail "unknown case"
set -e
[ ! -e "$dir/x.pdf" ] || fail "a PDF was written for a failed command"
echo "ok"
