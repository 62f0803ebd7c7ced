/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-store-private.h"

/* The service's settings: key-value pairs in the database, audited like records. */

char *
hw_store_dup_setting (HwStore *self, const char *key)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT value FROM setting WHERE key = ?1",
                                                NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  hw_store_release (stmt);
  return value;
}

GHashTable *
hw_store_dup_settings (HwStore *self)
{
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT key, value FROM setting", NULL);

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (all, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  hw_store_release (stmt);
  return all;
}

gboolean
hw_store_set_setting (HwStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  if (!hw_store_begin (self, error))
    return FALSE;
  stmt = hw_store_prepare_cached (self, value ?
                                  "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value" :
                                  "DELETE FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (value)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      hw_store_release (stmt);
      if (rc != SQLITE_DONE)
        ok = hw_store_set_sqlite_error (self, rc, error);
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%s = %s", key, value ? value : "(default)");
      ok = hw_store_audit_append (self, "setting", "setting", NULL, NULL, detail, error);
    }
  return hw_store_finish (self, ok, error);
}
