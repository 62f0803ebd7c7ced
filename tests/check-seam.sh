#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 14: app/service is the one place where the store and the rules meet. Fails naming
# every other file in app/ and ui/ that includes both a store header and a rules header.
set -u
top=${1:-$(dirname "$0")/..}
store='hw-store\.h|hw-store-[a-z-]*\.h'
rules='hw-catalogue(-private)?\.h|hw-evaluator\.h|hw-finding(-private)?\.h|hw-settings(-private)?\.h|hw-rules-private\.h'
status=0
for f in $(find "$top/app" "$top/ui" -name '*.[ch]' ! -path "$top/app/service/*" \
             ! -path "$top/app/store/*" ! -path "$top/app/rules/*" | sort); do
  if grep -Eq "^#include \"($store)\"" "$f" && grep -Eq "^#include \"($rules)\"" "$f"; then
    echo "${f#$top/}: includes a store header and a rules header (use app/service)"
    status=1
  fi
done
exit $status
