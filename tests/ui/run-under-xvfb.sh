#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a UI test program on a virtual X display of its own (xvfb-run), so the tests need no
# desktop; with HOMEWARD_TEST_DISPLAY=1 and a DISPLAY set, on that display instead.
set -eu
if [ "${HOMEWARD_TEST_DISPLAY:-}" = "1" ] && [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "xvfb-run is missing (Debian package xvfb)" >&2
  exit 1
fi
# No desktop session here: keep GTK off the accessibility bus and the session's settings.
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export GTK_A11Y=none
exec xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp" "$@"
