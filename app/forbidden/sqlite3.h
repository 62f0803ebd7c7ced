/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Found before the system's sqlite3.h by every library but app/store's (issue 14): only the
 * store speaks SQL. Callers use hw-store.h; the raw handle stays inside app/store. */
#error "sqlite3.h outside app/store: only app/store speaks SQL (use hw-store.h)"
