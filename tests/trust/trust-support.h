/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store-audit.h"
#include "hw-test-support.h"

G_BEGIN_DECLS

/* A database at @path with @n_cases small cases (one audit entry each), a setting and a read:
 * n_cases + 2 audit entries. Returns the identity numbers of the children written. */
GPtrArray *trust_populate        (const char *path, guint n_cases, const char *prefix);
/* Runs @sql on the file directly after dropping every protective trigger: what someone with
 * the file and the sqlite3 tool could do. */
void       trust_tamper          (const char *path, const char *sql);
/* The same, then puts the triggers back exactly as they were: the schema is Homeward's again,
 * only the data was changed. */
void       trust_tamper_data     (const char *path, const char *sql);
/* Opens @path read-only and asserts the audit check finds @kind at @seq. */
void       trust_assert_break    (const char *path, HwAuditBreak kind, gint64 seq);
/* Every row of every table except the audit trail's bookkeeping, in a stable order. */
char      *trust_dump            (const char *path, gboolean with_audit);
/* SHA-256 of the file's bytes (and of its -wal, when present). */
char      *trust_file_digest     (const char *path);
/* PRAGMA integrity_check's first row. */
char      *trust_integrity       (const char *path);
/* The file's permission bits, or -1 when it does not exist. */
int        trust_file_mode       (const char *path);
/* Runs @argv; stdout and stderr captured, the exit status returned. */
int        trust_run             (const char *const *argv, const char *const *envp,
                                  char **out, char **err);
/* TRUE when @haystack contains @needle. */
gboolean   trust_contains        (const char *haystack, const char *needle);

G_END_DECLS
