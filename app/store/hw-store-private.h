/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "hw-arena.h"
#include "hw-store.h"
#include "hw-store-audit.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The connection, shared by the store's files (hw-store.c: connection, migrations and
 * transactions; -records, -stream, -caseload, -settings). */
typedef struct _Guard Guard;

/* Where a file was when the connection started using it: a file at the same path with
 * another identity (or none) means it was deleted or replaced under the connection. */
typedef struct {
  dev_t    dev;
  ino_t    ino;
  gboolean known;
} FileId;

struct _HwStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  Guard      *guard;
  FileId      db_id, wal_id, shm_id;
  char       *actor;
  gboolean    readonly;
  int         schema_version;
  guint       tx_depth;
  gboolean    tx_failed;     /* a nested rollback doomed the outer transaction */
  guint       cache_mib;
  GHashTable *statements;    /* SQL text → sqlite3_stmt */

  /* SQL generated once from the entity descriptions. */
  char       *update_sql[HW_N_ENTITIES];
  char       *insert_sql[HW_N_ENTITIES];
  /* Borrowed from statements: an import saves a million rows, and hashing the SQL showed. */
  sqlite3_stmt *update_stmt[HW_N_ENTITIES];
  sqlite3_stmt *insert_stmt[HW_N_ENTITIES];
  char       *select_id_sql[HW_N_ENTITIES];
  char       *select_owner_sql[HW_N_ENTITIES];
  char       *select_all_sql[HW_N_ENTITIES];
  char       *stream_sql[HW_N_ENTITIES];
  char       *facts_sql[HW_N_ENTITIES];   /* the same without prose (NULL in its place) */
  char       *home_facts_sql[HW_N_ENTITIES];  /* foster homes and what they own, no prose */
  char       *delete_sql[HW_N_ENTITIES];
  char       *select_row_sql[HW_N_ENTITIES];  /* owner and row version of a stored id */
};

/* Resets a cached statement when the caller is done with it, whatever the outcome. */
void          hw_store_release          (sqlite3_stmt *stmt);
/* Ends what hw_store_begin began: commits when @ok, else rolls back; returns @ok. */
gboolean      hw_store_finish           (HwStore *self, gboolean ok, GError **error);
/* After a constraint failure at commit: names the record whose reference points nowhere. */
gboolean      hw_store_check_foreign_keys (HwStore *self, GError **error);
/* A record from the current row of @stmt (packed into @arena when @packed). */
gpointer      hw_store_read_record_full (sqlite3_stmt *stmt, HwEntity entity, gboolean packed,
                                         HwArena *arena);
/* Appends a record per row of @sql (bound to @param, @param2 when not NULL) to @into. */
gboolean      hw_store_collect_full     (HwStore *self, const char *sql, const char *param,
                                         const char *param2, HwEntity entity, gboolean packed,
                                         GPtrArray *into, GError **error);

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

/* Used by the tests only (not by the application). */
int         hw_store_get_schema_version (HwStore *self);

/* Binds ?1 the record's id and ?2… its fields, in the order of its description. */
void          hw_store_bind_record      (sqlite3_stmt *stmt, gconstpointer record);

G_END_DECLS
