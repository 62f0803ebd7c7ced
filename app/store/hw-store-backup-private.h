/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-store-backup.c beyond its public API (hw-store-backup.h): the application
 * does not call these. */

#include "hw-store-backup.h"

G_BEGIN_DECLS

/* Copies the store's database to @dest, replacing it only once the copy is complete and
 * checked. Not inside a transaction of @self. */
gboolean  hw_store_backup           (HwStore       *self,
                                     const char    *dest,
                                     HwBackupInfo  *info,
                                     GError       **error);
/* Checks @path as restore would, without changing it or the database. The private copy it
 * checks is a temporary file beside @path. */
gboolean  hw_store_backup_check     (const char    *path,
                                     HwBackupInfo  *info,
                                     GError       **error);
/* The automatic backups of @db_path, newest first (full paths). */
GPtrArray *hw_store_backup_list     (const char    *db_path);

G_END_DECLS
