#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Homeward needs to build, run and test on Debian 12.
set -eu
SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential clang libclang-rt-14-dev meson ninja-build pkg-config gettext \
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev \
  libsqlite3-dev libxml2-dev libxml2-utils libical-dev libjson-glib-dev \
  libcairo2-dev libpango1.0-dev check \
  desktop-file-utils appstream poppler-utils \
  xvfb xauth dbus-x11 at-spi2-core adwaita-icon-theme fonts-dejavu-core fonts-cantarell \
  sqlite3 imagemagick \
  postgresql-15 postgresql-contrib libpq-dev
