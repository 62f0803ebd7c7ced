#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a user meets it: help, exit codes, errors on stderr, pipe-friendly output.
set -u
CLI="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

check () {
  if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}

"$CLI" --help > "$TMP/help" 2>&1
check "--help lists the commands" 'grep -q "demo" "$TMP/help" && grep -q "check" "$TMP/help"'
for verb in demo list check import export plan settings audit backup restore; do
  "$CLI" "$verb" --help > "$TMP/vhelp" 2>&1
  check "$verb --help exits 0" '[ $? -eq 0 ] || grep -q "not available yet" "$TMP/vhelp"'
done

"$CLI" frobnicate > "$TMP/out" 2> "$TMP/err"
check "unknown command exits 2" '[ $? -eq 2 ]'
check "unknown command named on stderr" 'grep -q frobnicate "$TMP/err" && [ ! -s "$TMP/out" ]'

"$CLI" --db "$TMP/a.db" demo --children 40 --seed 5 --today 2026-11-23 > "$TMP/out" 2> "$TMP/err"
check "demo succeeds" '[ $? -eq 0 ] && grep -q "40" "$TMP/out"'
"$CLI" list --db "$TMP/a.db" --today 2026-11-23 > "$TMP/list1"
check "list prints one line per case (--db after the verb)" '[ "$(wc -l < "$TMP/list1")" -eq 40 ]'
check "list is tab-separated" '[ "$(head -1 "$TMP/list1" | awk -F"\t" "{print NF}")" -ge 6 ]'

"$CLI" --db "$TMP/b.db" demo --children 40 --seed 5 --today 2026-11-23 > /dev/null 2>&1
"$CLI" --db "$TMP/b.db" list --today 2026-11-23 > "$TMP/list2"
check "demo is deterministic for a seed" 'cmp -s "$TMP/list1" "$TMP/list2"'

"$CLI" --db "$TMP/a.db" demo --children 5 > "$TMP/out" 2> "$TMP/err"
check "demo refuses a database with cases" '[ $? -ne 0 ] && grep -q "already holds cases" "$TMP/err"'

"$CLI" --db "$TMP/a.db" list --today 2026-13-45 > "$TMP/out" 2> "$TMP/err"
check "a bad --today is refused naming the option" '[ $? -ne 0 ] && grep -q -- "--today" "$TMP/err"'

"$CLI" --db "$TMP/a.db" demo --children 0 > "$TMP/out" 2> "$TMP/err"
check "demo --children 0 is a usage error" '[ $? -eq 2 ]'

printf 'not a database at all, only some text that fills the header of the file.......' > "$TMP/bad.db"
"$CLI" --db "$TMP/bad.db" list > "$TMP/out" 2> "$TMP/err"
check "a file that is not a database is refused" '[ $? -ne 0 ] && [ -s "$TMP/err" ]'

"$CLI" --db "$TMP/a.db" list --search "$(head -1 "$TMP/list1" | cut -f1)" > "$TMP/out"
check "list --search finds a journal number" '[ "$(wc -l < "$TMP/out")" -eq 1 ]'

if command -v pdfinfo >/dev/null; then
  "$CLI" --db "$TMP/a.db" check --today 2026-11-23 --format pdf -o "$TMP/overdue.pdf" > /dev/null 2>&1
  check "check --format pdf writes an A4 overdue list" 'pdfinfo "$TMP/overdue.pdf" | grep -q "595.* x 841"'
  "$CLI" --db "$TMP/a.db" check --format pdf > /dev/null 2> "$TMP/err"
  check "check --format pdf without -o is a usage error" '[ $? -eq 2 ] && grep -q -- "-o FILE" "$TMP/err"'
fi

# A mistyped --db is refused, never created: an empty file would report "no duties" (issue 13).
for cmd in "list" "check" "export --format homeward -o $TMP/missing-export.xml" \
           "settings" "plan 2026-00001 -o $TMP/missing.pdf"; do
  # shellcheck disable=SC2086
  "$CLI" --db "$TMP/typo/missing.db" $cmd > "$TMP/out" 2> "$TMP/err"
  status=$?
  check "$cmd refuses a missing database, naming it" \
    '[ $status -ne 0 ] && grep -q "$TMP/typo/missing.db" "$TMP/err"'
  check "$cmd creates neither the database nor its folder" '[ ! -e "$TMP/typo" ]'
done
"$CLI" --db "$TMP/new/created.db" demo --children 2 --seed 1 > /dev/null 2>&1
check "demo still creates a database and its folder" '[ $? -eq 0 ] && [ -s "$TMP/new/created.db" ]'

# Issue 17: the municipality is set up once; Barnevern v4 export then needs no flags.
M="$TMP/muni.db"
"$CLI" --db "$M" demo --children 3 --seed 2 --today 2026-11-23 > /dev/null 2>&1
"$CLI" --db "$M" export --format barnevern-v4 -o "$TMP/ssb0" > "$TMP/out" 2> "$TMP/err"
check "export without a set-up says how to set it up" \
  '[ $? -eq 1 ] && grep -q "service-org-number" "$TMP/err"'
"$CLI" --db "$M" settings --set service-municipality=0301 --set service-municipality-name=Oslo \
  --set service-org-number=958935420 > "$TMP/out" 2> "$TMP/err"
check "Oslo without a district is refused, naming service-district" \
  '[ $? -eq 1 ] && grep -q "service-district" "$TMP/err"'
"$CLI" --db "$M" settings > "$TMP/list"
check "a refused set-up writes nothing" 'grep -q "^service-municipality	-" "$TMP/list"'
"$CLI" --db "$M" settings --set service-org-number=958935421 > "$TMP/out" 2> "$TMP/err"
check "a wrong check digit is refused, naming the field" \
  '[ $? -eq 1 ] && grep -q "service-org-number" "$TMP/err" && grep -q "check digit" "$TMP/err"'
"$CLI" --db "$M" settings --set service-municipality=0301 --set service-municipality-name=Oslo \
  --set service-org-number=958935420 --set service-district=01 \
  --set "service-district-name=Gamle Oslo" > "$TMP/out" 2> "$TMP/err"
check "a complete set-up is accepted" '[ $? -eq 0 ] && grep -q "service-district = 01" "$TMP/out"'
"$CLI" --db "$M" settings > "$TMP/list"
check "settings lists the municipality" \
  'grep -q "^service-org-number	958935420" "$TMP/list" && grep -q "Gamle Oslo" "$TMP/list"'
# The demo's cases are Trondheim's (5001): set up Trondheim.
"$CLI" --db "$M" settings --set service-municipality=5001 --set service-municipality-name=Trondheim \
  --set service-org-number=942110464 --set service-district=01 \
  --set "service-district-name=Midtbyen" > /dev/null 2> "$TMP/err"
"$CLI" --db "$M" export --format barnevern-v4 -o "$TMP/ssb1" > "$TMP/out" 2> "$TMP/err"
check "export uses the set-up without flags" \
  '[ $? -eq 0 ] && grep -q "Organisasjonsnummer=\"942110464\"" "$TMP"/ssb1/* &&
   grep -q "Kommunenavn=\"Trondheim\"" "$TMP"/ssb1/* && grep -q "Bydelsnavn=\"Midtbyen\"" "$TMP"/ssb1/*'
"$CLI" --db "$M" export --format barnevern-v4 -o "$TMP/ssb2" --org-number 964338531 \
  > "$TMP/out" 2> "$TMP/err"
check "a flag still overrides the set-up" \
  '[ $? -eq 0 ] && grep -q "Organisasjonsnummer=\"964338531\"" "$TMP"/ssb2/*'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
