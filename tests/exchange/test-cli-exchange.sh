#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# homeward-cli import and export as a user meets them: exit codes, FILE:LINE errors on stderr,
# the summary on stdout, a progress line for large files, nothing written on failure.
set -u
CLI="$1"
FIX="$2"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

check () {
  if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}

"$CLI" --db "$TMP/a.db" import "$FIX/ssb-complete.xml" > "$TMP/out" 2> "$TMP/err"
check "import succeeds" '[ $? -eq 0 ]'
check "the summary is on stdout" 'grep -q "1 case new" "$TMP/out" && grep -q "0 warnings" "$TMP/out"'
check "nothing on stderr" '[ ! -s "$TMP/err" ]'
"$CLI" --db "$TMP/a.db" list > "$TMP/list"
check "the case is there" 'grep -q "2019-0042" "$TMP/list"'

"$CLI" --db "$TMP/a.db" check --today 2025-07-01 > "$TMP/check" 2> "$TMP/err"
check "the rule engine works on the imported case" \
  '[ $? -eq 0 ] && grep -q "2019-0042" "$TMP/check" || grep -q "not available yet" "$TMP/err"'

"$CLI" --db "$TMP/a.db" import "$FIX/ssb-complete.xml" > "$TMP/out" 2> "$TMP/err"
check "a re-import updates" '[ $? -eq 0 ] && grep -q "0 cases new, 1 updated" "$TMP/out"'

"$CLI" --db "$TMP/w.db" import "$FIX/ssb-controls.xml" > "$TMP/out" 2> "$TMP/err"
check "warnings do not fail the import" '[ $? -eq 0 ]'
check "warnings name file, line and SSB control" \
  'grep -q "ssb-controls.xml:[0-9]*: warning: .*\[Tiltak kontroll 9, WARNING\]" "$TMP/err"'
"$CLI" --db "$TMP/q.db" import --quiet "$FIX/ssb-controls.xml" > "$TMP/out" 2> "$TMP/err"
check "--quiet keeps warnings off stderr but counts them" \
  '[ ! -s "$TMP/err" ] && grep -q "[1-9][0-9]* warnings" "$TMP/out"'

"$CLI" --db "$TMP/a.db" list > "$TMP/before"
"$CLI" --db "$TMP/a.db" import "$FIX/ssb-minimal.xml" "$FIX/refuse-code.xml" > "$TMP/out" 2> "$TMP/err"
check "a refused file fails the import" '[ $? -eq 1 ]'
check "the error names file and line" 'grep -q "refuse-code.xml:12: .*unknown code" "$TMP/err"'
check "and says nothing was imported" 'grep -q "nothing was imported" "$TMP/err"'
check "no summary on stdout" '[ ! -s "$TMP/out" ]'
"$CLI" --db "$TMP/a.db" list > "$TMP/after"
check "the database is unchanged" 'cmp -s "$TMP/before" "$TMP/after"'

"$CLI" --db "$TMP/a.db" import "$FIX/refuse-billion-laughs.xml" > "$TMP/out" 2> "$TMP/err"
check "billion laughs is refused" '[ $? -eq 1 ] && grep -q "DOCTYPE" "$TMP/err"'

"$CLI" --db "$TMP/a.db" import > "$TMP/out" 2> "$TMP/err"
check "import without files is a usage error" '[ $? -eq 2 ]'
"$CLI" --db "$TMP/a.db" import "$TMP/nothing-here.xml" > "$TMP/out" 2> "$TMP/err"
check "a missing file fails" '[ $? -eq 1 ] && grep -q "nothing-here.xml" "$TMP/err"'

"$CLI" --db "$TMP/d.db" import --dry-run "$FIX/ssb-complete.xml" > "$TMP/out" 2> "$TMP/err"
check "--dry-run checks" '[ $? -eq 0 ] && grep -q "nothing was written" "$TMP/out"'
"$CLI" --db "$TMP/d.db" list > "$TMP/list"
check "--dry-run writes nothing" '[ ! -s "$TMP/list" ]'

# Export
"$CLI" --db "$TMP/a.db" export --format barnevern-v4 -o "$TMP/ssb" > "$TMP/out" 2> "$TMP/err"
check "export barnevern-v4 succeeds" '[ $? -eq 0 ] && grep -q "Wrote 1 Barnevern v4 file" "$TMP/out"'
check "one file per case" '[ "$(ls "$TMP/ssb" | wc -l)" -eq 1 ]'
"$CLI" --db "$TMP/a.db" export --format homeward -o "$TMP/all.xml" > "$TMP/out" 2> "$TMP/err"
check "export homeward succeeds" '[ $? -eq 0 ] && grep -q "<homeward format=\"1\"" "$TMP/all.xml"'
"$CLI" --db "$TMP/b.db" import "$TMP/all.xml" "$TMP/ssb" > "$TMP/out" 2> "$TMP/err"
check "one case in two files of one import is refused, naming both" \
  '[ $? -eq 1 ] && grep -q "ssb/.*\.xml:[0-9]*: case 2019-0042 (.*) is in this import twice: also at .*all\.xml:[0-9]*" "$TMP/err"'
"$CLI" --db "$TMP/b.db" list > "$TMP/list"
check "and nothing was written" '[ ! -s "$TMP/list" ]'
"$CLI" --db "$TMP/b.db" import "$TMP/all.xml" > "$TMP/out" 2> "$TMP/err" &&
  "$CLI" --db "$TMP/b.db" import "$TMP/ssb" >> "$TMP/out" 2>> "$TMP/err"
check "both exports import again" \
  '[ $? -eq 0 ] && grep -q "1 case new, 0 updated" "$TMP/out" && grep -q "0 cases new, 1 updated" "$TMP/out"'

# Settings are checked before anything is written, the plan template too
printf '<homeward format="1">\n  <setting key="review_months" value="-5"/>\n</homeward>\n' > "$TMP/set.xml"
"$CLI" --db "$TMP/set.db" import "$TMP/set.xml" > "$TMP/out" 2> "$TMP/err"
check "a setting out of range is refused" \
  '[ $? -eq 1 ] && grep -q "set.xml:2: review_months: -5 is outside the allowed range" "$TMP/err"'
"$CLI" --db "$TMP/set.db" settings > "$TMP/out" 2> "$TMP/err"
check "and settings still work" '[ $? -eq 0 ] && grep -q "^review_months	12	" "$TMP/out"'
printf '<homeward format="1">\n  <setting key="plan.template" value="&lt;nonsense/&gt;"/>\n</homeward>\n' > "$TMP/tpl.xml"
"$CLI" --db "$TMP/set.db" import "$TMP/tpl.xml" > "$TMP/out" 2> "$TMP/err"
check "a plan template that is not one is refused" \
  '[ $? -eq 1 ] && grep -q "tpl.xml:2: setting plan.template: " "$TMP/err"'

# A pipe is read whole before the import takes the database's write lock.
mkfifo "$TMP/fifo"
cat "$FIX/ssb-minimal.xml" > "$TMP/fifo" &
"$CLI" --db "$TMP/p.db" import "$TMP/fifo" > "$TMP/out" 2> "$TMP/err"
check "a named pipe imports" '[ $? -eq 0 ] && grep -q "1 case new" "$TMP/out"'
"$CLI" --db "$TMP/s.db" import - < "$FIX/ssb-minimal.xml" > "$TMP/out" 2> "$TMP/err"
check "standard input imports (-)" '[ $? -eq 0 ] && grep -q "1 case new" "$TMP/out"'
check "the spooled copy is gone" '[ -z "$(ls -A "$TMP" | grep import-)" ]'
"$CLI" --db "$TMP/a.db" export -o "$TMP/x" > "$TMP/out" 2> "$TMP/err"
check "export without --format is a usage error" '[ $? -eq 2 ]'
"$CLI" --db "$TMP/a.db" export --format csv -o "$TMP/x" > "$TMP/out" 2> "$TMP/err"
check "an unknown format is a usage error" '[ $? -eq 2 ]'
"$CLI" --db "$TMP/e.db" demo --children 5 > /dev/null 2>&1
"$CLI" --db "$TMP/e.db" export --format barnevern-v4 -o "$TMP/ssb2" > "$TMP/out" 2> "$TMP/err"
check "barnevern-v4 needs the service's identity" '[ $? -eq 1 ] && grep -q -- "--org-number" "$TMP/err"'

# The export's pre-flight reports what an import of its files will: the same findings, by
# SSB's control and severity (issue 20: it said "0 warnings" over hundreds of ERRORs).
"$CLI" --db "$TMP/e.db" export --format barnevern-v4 -o "$TMP/ssb3" --org-number 942110464 \
  --municipality-name Trondheim > "$TMP/out" 2> "$TMP/err"
check "the demo exports" '[ $? -eq 0 ] && grep -q "Wrote 5 Barnevern v4 files" "$TMP/out"'
sed -n 's/^[^:]*:[0-9]*: warning: .*\[\(.*\)\]$/\1/p' "$TMP/err" | sort > "$TMP/export-findings"
exported=$(sed -n 's/^Checked as an import reads them: \([0-9]*\) warning.*/\1/p' "$TMP/out")
"$CLI" --db "$TMP/e2.db" import "$TMP/ssb3" > "$TMP/out" 2> "$TMP/err"
check "the exported demo imports" '[ $? -eq 0 ]'
sed -n 's/^[^:]*:[0-9]*: warning: .*\[\(.*\)\]$/\1/p' "$TMP/err" | sort > "$TMP/import-findings"
imported=$(sed -n 's/^\([0-9]*\) warnings*$/\1/p' "$TMP/out")
check "the export counts the import's warnings ($exported, $imported)" \
  '[ -n "$exported" ] && [ "$exported" = "$imported" ] && [ "$imported" -gt 0 ]'
check "control by control, severity by severity" \
  'cmp -s "$TMP/export-findings" "$TMP/import-findings"'
check "Trondheim without a district is SSB's Avgiver kontroll 1" \
  'grep -q "Avgiver kontroll 1, ERROR" "$TMP/export-findings"'

# A large file gets a progress line on stderr
"$CLI" --db "$TMP/big.db" demo --children 700 --seed 2 --today 2026-11-23 > /dev/null 2>&1
"$CLI" --db "$TMP/big.db" export --format homeward -o "$TMP/big.xml" > /dev/null 2>&1
"$CLI" --db "$TMP/big2.db" import "$TMP/big.xml" > "$TMP/out" 2> "$TMP/err"
check "a large file imports" '[ $? -eq 0 ] && grep -q "700 cases new" "$TMP/out"'
check "with progress on stderr" 'grep -q "Importing .*big.xml.*100%" "$TMP/err"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
