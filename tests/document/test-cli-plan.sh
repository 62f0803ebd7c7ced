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

# The copies, as TSV with a header line; a parent's copy names its parent.
"$cli" --db "$db" plan "$journal" --list-recipients >"$dir/recipients.tsv" ||
  fail "plan --list-recipients"
[ "$(head -n 1 "$dir/recipients.tsv")" = "$(printf 'recipient\tperson_id\tname')" ] ||
  fail "--list-recipients header: $(head -n 1 "$dir/recipients.tsv")"
parent_id=$(awk -F '\t' '$1 == "parent" { print $2; exit }' "$dir/recipients.tsv")
parent_name=$(awk -F '\t' '$1 == "parent" { print $3; exit }' "$dir/recipients.tsv")
[ -n "$parent_id" ] || fail "no parent among the recipients"
for kind in internal foster-parents tribunal child; do
  grep -q "^$kind	" "$dir/recipients.tsv" || fail "--list-recipients lacks $kind"
done

for who in internal parents foster-parents tribunal child; do
  out="$dir/plan-$who.pdf"
  if [ "$who" = parents ]; then
    set -- --recipient parent --person "$parent_id"
  else
    set -- --recipient "$who"
  fi
  "$cli" --db "$db" --user tester plan "$journal" -o "$out" --today 2026-11-23 \
    "$@" >"$dir/stdout" || fail "plan --recipient $who"
  grep -q "pages\?$" "$dir/stdout" || fail "no page count printed: $(cat "$dir/stdout")"
  pdfinfo "$out" | grep -q "595.276 x 841.89 pts (A4)" || fail "$who: not A4"
  pdftotext "$out" - | grep -q "10. Signatures" || fail "$who: no signatures section"
  pdftotext "$out" - | grep -q "Printed 23.11.2026 by tester" || fail "$who: footer"
done
pdftotext "$dir/plan-parents.pdf" - | grep -q "Printed for: $parent_name (" ||
  fail "the parent's printout does not say for whom it is"

# --lang is the language of the whole printout, the rules' texts included; the printed overdue
# list (check --format pdf) heeds it too, where it used to follow the locale whatever --lang
# said (issue 18). Nynorsk: "forskrift om fosterheim", "påkravde".
"$cli" --db "$db" --user tester plan "$journal" -o "$dir/plan-nn.pdf" --today 2026-11-23 \
  --lang nn >/dev/null || fail "plan --lang nn"
pdftotext "$dir/plan-nn.pdf" - | grep -q "påkravde" || fail "plan --lang nn: rules not in nynorsk"
pdftotext "$dir/plan-internal.pdf" - | grep -q "påkravde" && fail "the default plan is nynorsk"
"$cli" --db "$db" check --today 2026-11-23 --format pdf --lang nn -o "$dir/overdue-nn.pdf" \
  >/dev/null || fail "check --format pdf --lang nn"
pdftotext "$dir/overdue-nn.pdf" - | grep -q "forskrift om fosterheim" ||
  fail "check --format pdf --lang nn: rules not in nynorsk"

# Usage errors exit 2; an unknown case exits 1 and writes nothing.
# Issue 18: `demo` leaves every child in a foster home (SSB 2.x) with the template's
# activities, and the plan lists them.
placed=0
for j in $("$cli" --db "$db" list | awk -F '\t' '$5 ~ /^2\./ { print $1 }'); do
  "$cli" --db "$db" plan "$j" --today 2026-11-23 -o "$dir/act.pdf" >/dev/null 2>&1 ||
    fail "plan $j"
  pdftotext -enc UTF-8 "$dir/act.pdf" - | tr -s ' \n' ' ' |
    grep -q "Follow-up visit in the foster home" ||
    fail "$j is in a foster home, and its plan lists no template activity"
  placed=$((placed + 1))
done
[ "$placed" -gt 0 ] || fail "no child of the demo is in a foster home"

set +e
"$cli" --db "$db" plan "$journal" 2>/dev/null; [ $? -eq 2 ] || fail "missing -o"
"$cli" --db "$db" plan -o "$dir/x.pdf" 2>/dev/null; [ $? -eq 2 ] || fail "missing journal"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --recipient neighbours 2>/dev/null
[ $? -eq 2 ] || fail "bad recipient"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --recipient parent 2>/dev/null
[ $? -eq 2 ] || fail "parent without --person"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --recipient parent --person nobody 2>/dev/null
[ $? -eq 1 ] || fail "--person not a parent"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --today 2026-13-01 2>/dev/null
[ $? -eq 2 ] || fail "bad date"
"$cli" --db "$db" plan "$journal" -o "$dir/x.pdf" --lang de 2>/dev/null
[ $? -eq 2 ] || fail "bad --lang"
"$cli" --db "$db" plan 1999-99999 -o "$dir/x.pdf" 2>/dev/null; [ $? -eq 1 ] || fail "unknown case"
set -e
[ ! -e "$dir/x.pdf" ] || fail "a PDF was written for a failed command"
echo "ok"
