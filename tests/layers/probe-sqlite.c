/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQLite: only app/store speaks SQL (elsewhere app/forbidden/sqlite3.h is found first). */
#include <sqlite3.h>

int
hw_probe (void)
{
  return SQLITE_VERSION_NUMBER;
}
