#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Homeward needs (Debian 12), builds it twice — normally and with AddressSanitizer
# and UndefinedBehaviorSanitizer — and runs the whole test suite in both builds.
set -eu
cd "$(dirname "$0")/.."

if [ "${HOMEWARD_SKIP_DEPS:-}" != "1" ]; then
  sh build-aux/install-deps.sh
fi

export LC_ALL=C.UTF-8

# Plain build: -Wall -Wextra and the flags of meson.build, and here every warning is an error
# (werror is not a default option: a developer's newer compiler must not stop their build).
[ -d _build/meson-info ] || meson setup _build
meson configure _build -Dwerror=true
meson compile -C _build
meson test -C _build --print-errorlogs --num-processes 2
# Installed into a temporary prefix, with the source tree moved away: the data comes from there.
HOMEWARD_INSTALL_WERROR=1 sh build-aux/test-installed.sh

# Sanitizer build: the same tests under ASan and UBSan.
[ -d _build-asan/meson-info ] || meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false
meson configure _build-asan -Dwerror=true
meson compile -C _build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions="$PWD/build-aux/lsan.supp" \
  meson test -C _build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3

# The fuzz harnesses (libFuzzer, clang, ASan + UBSan) for a short while each; the full runs
# are `build-aux/run-fuzzers.sh 300`.
sh build-aux/run-fuzzers.sh "${HOMEWARD_FUZZ_SECONDS:-20}"

echo "All tests passed in both builds, and the fuzzers found nothing."
