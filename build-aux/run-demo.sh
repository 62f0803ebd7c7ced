#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Homeward needs (Debian 12), builds it, writes a fictional demo caseload (once)
# and starts the app on it.
set -eu
cd "$(dirname "$0")/.."

if [ "${HOMEWARD_SKIP_DEPS:-}" != "1" ]; then
  sh build-aux/install-deps.sh
fi

[ -d _build/meson-info ] || meson setup _build
meson compile -C _build

# Uninstalled: the programs read data/ and the build's catalogues and schema only when told
# (as `meson devenv -C _build` tells them).
export HOMEWARD_DATADIR="$PWD/data" HOMEWARD_LOCALEDIR="$PWD/_build/po"
DB="${HOMEWARD_DEMO_DB:-$PWD/_build/demo.db}"
if [ ! -f "$DB" ]; then
  ./_build/app/cli/homeward-cli --db "$DB" demo --children 300 --seed 1
fi
echo "Demo database: $DB"
# The interface speaks Norwegian bokmål; a machine without that locale still gets it.
export LANGUAGE="${LANGUAGE:-nb}"
case "${LC_ALL:-${LANG:-C}}" in C|POSIX) export LC_ALL=C.UTF-8 ;; esac
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec ./_build/ui/homeward --db "$DB"
