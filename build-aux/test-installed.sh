#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed programs find their data in the installed prefix: installs a copy of the tree
# into a temporary prefix, moves the copy's source tree away, and runs the installed
# homeward-cli with none of the uninstalled-mode variables set (demo, check, the printed plan,
# the Norwegian messages). `check` must print what the same program prints on the source data.
set -eu
cd "$(dirname "$0")/.."
SRC_ROOT=$PWD
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# A copy of the tracked files as they are now (uncommitted edits included).
mkdir "$TMP/src"
git ls-files -z | xargs -0 cp --parents -t "$TMP/src"
meson setup "$TMP/build" "$TMP/src" --prefix="$TMP/prefix" -Dui=false -Dtests=false \
  ${HOMEWARD_INSTALL_WERROR:+-Dwerror=true} > "$TMP/setup.log"
meson install -C "$TMP/build" --quiet > "$TMP/install.log"
mv "$TMP/src" "$TMP/src-moved"
rm -rf "$TMP/build"

CLI="$TMP/prefix/bin/homeward-cli"
run () { (cd /; env -u HOMEWARD_DATADIR -u HOMEWARD_LOCALEDIR -u GSETTINGS_SCHEMA_DIR \
          LC_ALL=C.UTF-8 TZ=Europe/Oslo "$CLI" --db "$TMP/demo.db" "$@"); }

run demo --children 30 --seed 1 --today 2026-11-23 > /dev/null
run check --today 2026-11-23 --format tsv > "$TMP/check-installed.tsv"
HOMEWARD_DATADIR="$TMP/src-moved/data" LC_ALL=C.UTF-8 TZ=Europe/Oslo \
  "$CLI" --db "$TMP/demo.db" check --today 2026-11-23 --format tsv > "$TMP/check-source.tsv"
[ -s "$TMP/check-installed.tsv" ] || { echo "FAIL: check printed nothing"; exit 1; }
cmp "$TMP/check-installed.tsv" "$TMP/check-source.tsv" \
  || { echo "FAIL: the installed catalogue gives other findings than the source's"; exit 1; }

journal=$(run list --today 2026-11-23 | head -1 | cut -f1)
run plan "$journal" --today 2026-11-23 -o "$TMP/plan.pdf" > /dev/null
[ "$(head -c 5 "$TMP/plan.pdf")" = "%PDF-" ] || { echo "FAIL: the installed plan is no PDF"; exit 1; }

# The installed message catalogue (LOCALEDIR).
(cd /; env -u HOMEWARD_LOCALEDIR LC_ALL=C.UTF-8 LANGUAGE=en "$CLI" --help) > "$TMP/help-en"
(cd /; env -u HOMEWARD_LOCALEDIR LC_ALL=C.UTF-8 LANGUAGE=nb "$CLI" --help) > "$TMP/help-nb"
cmp -s "$TMP/help-en" "$TMP/help-nb" && { echo "FAIL: no Norwegian from $TMP/prefix/share/locale"; exit 1; }

echo "ok: the installed homeward-cli ran on $TMP/prefix alone ($(wc -l < "$TMP/check-installed.tsv") findings, a plan, nb messages)"
