/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* The only code in Homeward that speaks SQL. One SQLite file in WAL mode, foreign keys on,
 * schema created and upgraded by numbered migrations when opened. Every write validates the
 * record, runs in a transaction (the caller's, or its own) and appends to the audit chain. */

#include "hw-store-schema.h"   /* HW_STORE_SCHEMA_VERSION: generated from migrations/ */

#define HW_TYPE_STORE (hw_store_get_type ())
G_DECLARE_FINAL_TYPE (HwStore, hw_store, HW, STORE, GObject)

/* $XDG_DATA_HOME/homeward/homeward.db */
char       *hw_store_dup_default_path (void);

/* Opens @path, creating the file (and its folders) when missing: only for the app's first
 * run, demo, import and restore. Everything else uses hw_store_open_existing(). */
HwStore    *hw_store_open            (const char *path, GError **error);
/* The same for a database that must exist: a missing file is HW_ERROR_NOT_FOUND naming the
 * path, and nothing is created. */
HwStore    *hw_store_open_existing   (const char *path, GError **error);
/* Opens for reading only: no migration, no writes (backups, restore checks). */
HwStore    *hw_store_open_readonly   (const char *path, GError **error);
const char *hw_store_get_path        (HwStore *self);
/* FALSE when the database file (or its -wal/-shm) is readable by group or others, or not the
 * user's, or its folder is writable by others: the UI and the CLI then warn. */
gboolean    hw_store_is_private      (HwStore *self);

/* Who the audit log names for the writes and reads that follow (a user name). */
void        hw_store_set_actor       (HwStore *self, const char *actor);
const char *hw_store_get_actor       (HwStore *self);

/* Transactions nest: only the outermost begin/commit reaches SQLite. A rollback at any depth
 * undoes the whole outermost transaction; the later commits then fail. */
gboolean    hw_store_begin           (HwStore *self, GError **error);
gboolean    hw_store_commit          (HwStore *self, GError **error);
void        hw_store_rollback        (HwStore *self);
gboolean    hw_store_in_transaction  (HwStore *self);
/* The page cache, in MiB (32 by default); the previous size. A bulk import raises it: its
 * inserts land at random places in every index, and each page evicted is read back later. */
guint       hw_store_set_cache_size  (HwStore *self, guint mib);

/* Validates and inserts or replaces one record, matched by id (and owner, for owner-keyed
 * entities). */
gboolean    hw_store_save            (HwStore *self, gconstpointer record, GError **error);
/* The root and every record of a dossier, in one transaction. Records of the stored dossier
 * that are not in @dossier are kept (use hw_store_delete to remove). */
gboolean    hw_store_save_dossier    (HwStore *self, const HwDossier *dossier, GError **error);
/* Deletes one record; a case or foster home with everything it owns. A foster home where
 * children have been placed is kept (HW_ERROR_CONFLICT). */
gboolean    hw_store_delete          (HwStore *self, HwEntity entity, const char *id,
                                      GError **error);
gpointer    hw_store_load            (HwStore *self, HwEntity entity, const char *id,
                                      GError **error);
/* The same for a record of the case or foster home @owner_id: required for owner-keyed
 * entities (hw_entity_is_owner_keyed), whose ids are found only under their owner; for the
 * others, a record of another owner is not found either. */
gboolean    hw_store_delete_owned    (HwStore *self, HwEntity entity, const char *owner_id,
                                      const char *id, GError **error);
gpointer    hw_store_load_owned      (HwStore *self, HwEntity entity, const char *owner_id,
                                      const char *id, GError **error);
/* All records of one entity (teams, staff, homes…), in insertion order. */
GPtrArray  *hw_store_list            (HwStore *self, HwEntity entity, GError **error);
guint       hw_store_count           (HwStore *self, HwEntity entity, GError **error);

HwDossier  *hw_store_load_case       (HwStore *self, const char *case_id, GError **error);
HwDossier  *hw_store_load_case_by_journal (HwStore *self, const char *journal_no,
                                           GError **error);
HwDossier  *hw_store_load_home       (HwStore *self, const char *home_id, GError **error);

/* Streams every case as a full dossier, in case-id order, with one sequential scan per table
 * (records are stored clustered by case): memory stays at one dossier. Return FALSE from @func to stop (with
 * @error set to fail). */
typedef gboolean (*HwDossierFunc) (HwDossier *dossier, gpointer user_data, GError **error);
gboolean    hw_store_foreach_case    (HwStore *self, HwDossierFunc func, gpointer user_data,
                                      GError **error);
/* The same, for evaluating rules over a whole caseload: only the entities in @entities
 * (HW_ENTITY_BIT mask; HW_FACT_ENTITIES is what the rules read), without prose fields
 * (HW_FIELD_PROSE, left NULL), and only cases with @from_id <= id < @to_id (NULL: open).
 * Ranges from hw_store_split_case_ids() let threads, each with its own HwStore, share the
 * work. */
gboolean    hw_store_foreach_case_facts (HwStore *self, guint64 entities, const char *from_id,
                                         const char *to_id, HwDossierFunc func,
                                         gpointer user_data, GError **error);
/* @parts + 1 ascending bounds covering every case id, for hw_store_foreach_case_facts(). */
char      **hw_store_split_case_ids  (guint parts);
/* Every foster home dossier, by id: what the rule engine needs beside each case. */
GHashTable *hw_store_load_homes      (HwStore *self, GError **error);
/* The same without prose, read-only (packed records): what the rules read, for a whole
 * caseload's evaluation; only homes with ids in [@from_id, @to_id) (NULL: unbounded), so
 * threads can share the work (hw_store_split_case_ids() splits any UUIDs). */
GHashTable *hw_store_load_home_facts (HwStore *self, const char *from_id, const char *to_id,
                                      GError **error);

/* Municipal settings (rules.md): key → value; NULL when unset (the default applies). */
char       *hw_store_dup_setting     (HwStore *self, const char *key);
GHashTable *hw_store_dup_settings    (HwStore *self);
gboolean    hw_store_set_setting     (HwStore *self, const char *key, const char *value,
                                      GError **error);

/* One row of the caseload: what the list shows without loading the case. */
typedef struct {
  char  *case_id;
  char  *journal_no;
  char  *child_name;
  char  *fnr;
  HwDate birth_date;
  char  *caseworker_id;
  char  *caseworker_name;
  char  *team_id;
  char  *category;           /* current placement's SSB category, NULL if none */
  HwDate placed_since;
  gboolean closed;
  char  *search_key;         /* casefolded "name journal fnr", for hw_case_row_matches() */
} HwCaseRow;

void        hw_case_row_free         (HwCaseRow *row);
/* The filter-as-you-type test the caseload uses: @needle already g_utf8_casefold()ed, matched
 * against name, journal number and identity number. In memory, no SQL: ≤ 16 ms per keystroke
 * over 50,000 rows. */
gboolean    hw_case_row_matches      (const HwCaseRow *row, const char *needle);
/* Every case's row, ordered by journal number. */
GPtrArray  *hw_store_list_case_rows  (HwStore *self, HwDate today, GError **error);
/* One page of the same list: what the window shows first, before the rest arrives. */
GPtrArray  *hw_store_list_case_rows_page (HwStore *self, HwDate today, guint offset,
                                          guint limit, GError **error);
/* Rows matching @needle in name, journal number or identity number (case-insensitive). */
GPtrArray  *hw_store_search_case_rows (HwStore *self, const char *needle, HwDate today,
                                       guint limit, GError **error);

/* A number that changes when another connection (another program) commits: poll it to notice
 * changes made elsewhere (PRAGMA data_version; cheap, no disk access). 0 on failure. */
gint64      hw_store_get_data_version (HwStore *self);

/* Audit: appends who/when/what for a read of a child's record. */
gboolean    hw_store_log_read        (HwStore *self, const char *case_id, GError **error);

/* The id of the case or foster home a record is stored under, or NULL when there is no such
 * record (or @entity is owner-keyed: its ids exist only under an owner, and never move). */
char       *hw_store_lookup_owner    (HwStore *self, HwEntity entity, const char *id,
                                      GError **error);

/* How long a statement waits for another program's lock before it fails with HW_ERROR_BUSY
 * (10 s as opened; 0: not at all). */
void        hw_store_set_busy_timeout (HwStore *self, guint ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwCaseRow, hw_case_row_free)

G_END_DECLS
