/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Backups are consistent copies made with SQLite's online backup API while the database stays
 * in use, written owner-only (0600, in a 0700 folder) to a temporary name, checked, and only
 * then renamed into place. Automatic backups live in "backups/" beside the database, at most
 * one a day, and are thinned to the newest HW_BACKUP_KEEP_DAILY plus one for each of the
 * HW_BACKUP_KEEP_WEEKLY weeks before them.
 *
 * A restore installs a copy only after it passed every check: SQLite's integrity check, the
 * schema Homeward itself would have made at that version, every reference resolving, and an
 * intact audit trail. The database being replaced is kept as a backup first, and the copy goes
 * in through the backup API in one transaction, so other programs using the database see the
 * old contents or the new, never a mix, and a crash leaves one or the other. */

#define HW_BACKUP_KEEP_DAILY       7
#define HW_BACKUP_KEEP_WEEKLY      4
#define HW_BACKUP_KEEP_SAFETY      3   /* copies taken before a restore */

typedef struct {
  char    *path;            /* the backup written; (restore) the copy of the database replaced */
  guint64  audit_entries;   /* entries in the copy's audit trail */
  gboolean audit_intact;    /* FALSE: the trail was already broken in the database copied */
  int      schema_version;
} HwBackupInfo;

void      hw_backup_info_clear      (HwBackupInfo *info);

/* "backups" in the database's folder. */
char     *hw_store_dup_backup_dir   (const char *db_path);

/* Copies the database file at @db_path to @dest, replacing it only once the copy is complete
 * and checked, on a connection of its own: safe to call from a worker thread while the
 * application keeps using its store. */
gboolean  hw_store_backup_file      (const char    *db_path,
                                     const char    *dest,
                                     HwBackupInfo  *info,
                                     GError       **error);

/* The automatic backup: writes "<name>-YYYY-MM-DD.db" into the backup folder when none was
 * made on @now's day (or always, with @force), then thins the folder. @info->path stays NULL
 * when nothing was due. @now NULL means now, local time. Runs on its own connection. */
gboolean  hw_store_backup_auto      (const char    *db_path,
                                     GDateTime     *now,
                                     gboolean       force,
                                     HwBackupInfo  *info,
                                     GError       **error);

/* Checks @path as restore into @db_path would, without changing it or the database: the
 * private copy goes into @db_path's backup folder (0700), where a copy left by a killed check
 * is removed at the next backup, restore or check. */
gboolean  hw_store_backup_check_for (const char    *db_path,
                                     const char    *path,
                                     HwBackupInfo  *info,
                                     GError       **error);

/* Replaces the database at @db_path with the backup at @backup_path, if it passes every check;
 * otherwise changes nothing. @actor is named in the "restore" audit entry. @info->path is the
 * copy kept of the database that was replaced (NULL when there was none). */
gboolean  hw_store_restore          (const char    *db_path,
                                     const char    *backup_path,
                                     const char    *actor,
                                     HwBackupInfo  *info,
                                     GError       **error);

G_END_DECLS
