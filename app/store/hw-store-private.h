/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "hw-store.h"
#include "hw-store-audit.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The underlying handle, for the store's own helpers (audit, backup) and white-box tests:
 * outside app/store, sqlite3.h is not found (issue 14). */
sqlite3      *hw_store_get_handle       (HwStore *self);
/* Sets @error from the connection's last error; returns FALSE. */
gboolean      hw_store_set_sqlite_error (HwStore *self, int rc, GError **error);
/* A prepared statement kept for the connection's life; reset and unbound before returning. */
sqlite3_stmt *hw_store_prepare_cached   (HwStore *self, const char *sql, GError **error);
gboolean      hw_store_exec             (HwStore *self, const char *sql, GError **error);

/* Appends one entry to the hash-chained audit trail (inside the caller's transaction). */
gboolean      hw_store_audit_append     (HwStore    *self,
                                         const char *action,
                                         const char *entity,
                                         const char *record_id,
                                         const char *case_id,
                                         const char *detail,
                                         GError    **error);
/* Forget the cached chain head (after a rollback the last appended rows are gone). */
void          hw_store_audit_reset_head (HwStore *self);

/* After a COMMIT that succeeded: the copy of the audit head outside the database follows the
 * entries this transaction appended (hw-store-audit.c). */
void          hw_store_audit_committed  (HwStore *self);

/* Writes the head @report found (an intact chain's end) as the outside copy, even if the
 * copy was further on: after a restore, whose entry names what the copy said before. */
void          hw_store_audit_save_outside_head (HwStore *self, const HwAuditReport *report);

/* Every object of @db's schema, one line each ("type\x1fname\x1ftable\x1fsql"), sorted; and
 * the same for the schema Homeward's migrations make at @version (hw-store-backup.c). */
char         *hw_store_dump_schema      (sqlite3 *db, GError **error);
char         *hw_store_reference_schema (int version, GError **error);

/* Restore: appends to @into the entries of @from's trail the backup lacks, then the "restore"
 * entry with @detail, in one transaction (hw-store-audit.c). @from may be NULL; @db_path is
 * the database being replaced, whose outside head copy the entry names. */
gboolean      hw_store_audit_carry_forward (HwStore    *from,
                                            const char *db_path,
                                            sqlite3    *into,
                                            const char *actor,
                                            const char *detail,
                                            GError    **error);

G_END_DECLS
