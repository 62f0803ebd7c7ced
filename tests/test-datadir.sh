#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The programs read their data from the installed prefix, never from the source tree because it
# exists: the built homeward-cli, with HOMEWARD_DATADIR unset, looks in PKGDATADIR (where
# nothing is installed from this build) although the source tree's data/ is right there.
#   test-datadir.sh HOMEWARD-CLI PKGDATADIR SOURCE-DATADIR
set -u
CLI="$1"
PKGDATADIR="$2"
SOURCE_DATADIR="$3"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

fail () { echo "FAIL: $1"; failed=1; }

[ -f "$SOURCE_DATADIR/rules/catalogue.xml" ] || fail "the source tree's catalogue is not at $SOURCE_DATADIR"
"$CLI" --db "$TMP/a.db" demo --children 3 --seed 1 > /dev/null 2>&1 || fail "demo"

# Explicitly uninstalled: the source tree's data.
HOMEWARD_DATADIR="$SOURCE_DATADIR" "$CLI" --db "$TMP/a.db" check --today 2026-11-23 > "$TMP/out" 2> "$TMP/err" \
  || fail "check with HOMEWARD_DATADIR=$SOURCE_DATADIR: $(cat "$TMP/err")"

# Not: the installed data, whatever exists in the source tree.
(unset HOMEWARD_DATADIR; cd /; "$CLI" --db "$TMP/a.db" check --today 2026-11-23) > "$TMP/out" 2> "$TMP/err"
rc=$?
if [ -f "$PKGDATADIR/rules/catalogue.xml" ]; then
  # Installed on this machine: then that copy is read, and it works.
  [ $rc -eq 0 ] || fail "check with the installed data in $PKGDATADIR: $(cat "$TMP/err")"
else
  [ $rc -ne 0 ] || fail "check without HOMEWARD_DATADIR succeeded: it read data from outside $PKGDATADIR"
  grep -qF "$PKGDATADIR/rules/catalogue.xml" "$TMP/err" \
    || fail "check without HOMEWARD_DATADIR did not look in $PKGDATADIR: $(cat "$TMP/err")"
fi

[ $failed -eq 0 ] && echo "ok: the data comes from HOMEWARD_DATADIR or $PKGDATADIR only"
exit $failed
