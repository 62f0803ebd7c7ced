/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-case-facts.h"
#include "hw-error.h"
#include "hw-store-private.h"
#include "hw-store-migrations.h"
#include "hw-store-resources.h"

G_DEFINE_FINAL_TYPE (HwStore, hw_store, G_TYPE_OBJECT)

#define DEFAULT_CACHE_KIB 32768

/* ---- the process's guard on each database file ----
 *
 * SQLite knows another connection uses the WAL by its POSIX lock on the database file, and
 * POSIX locks belong to the process: any close() of any descriptor of the file in this process
 * (GTK sniffing a file's type for a chooser) drops them all. The next program to close its
 * connection then believes it is the last one, checkpoints and deletes the -wal and -shm, and
 * this process goes on writing into a deleted file. An open-file-description lock belongs to
 * the descriptor, not the process: one descriptor per file and process, held while any store
 * of the process has the file open, holds a read lock on SQLite's SHARED bytes of the database
 * (another program's close cannot take EXCLUSIVE, so it neither checkpoints nor deletes) and on
 * the -shm's DMS byte (another program cannot re-initialise the wal-index we have mapped).
 * OFD locks also conflict with this process's own POSIX locks: they are released before the
 * process's last connection closes (which must checkpoint and remove the WAL as usual), and the
 * descriptors are closed only after it closed (a close drops SQLite's locks). */

#define GUARD_DB_START  0x40000002   /* SQLite's SHARED_FIRST: PENDING_BYTE + 2 */
#define GUARD_DB_LEN    510          /* SHARED_SIZE */
#define GUARD_SHM_START 128          /* the wal-index's "dead man switch" byte */

struct _Guard
{
  dev_t   dev;
  ino_t   ino;
  int     db_fd;
  int     shm_fd;
  FileId  shm_id;
  guint   users;    /* stores attached: the descriptors stay open while any is */
  guint   active;   /* stores whose connection is open: the locks are held while any is */
};

static GMutex guards_lock;
static GSList *guards;

static gboolean
ofd_lock (int fd, short type, off_t start, off_t len)
{
  struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };

  return fd >= 0 && fcntl (fd, F_OFD_SETLK, &fl) == 0;
}

static void
file_id_of (const char *path, FileId *id)
{
  GStatBuf st;

  id->known = g_stat (path, &st) == 0;
  id->dev = id->known ? st.st_dev : 0;
  id->ino = id->known ? st.st_ino : 0;
}

static gboolean
file_id_same (const FileId *a, const FileId *b)
{
  return a->known == b->known && a->dev == b->dev && a->ino == b->ino;
}

/* Takes (or re-takes) the read locks; a program holding a write lock for a moment (its own
 * last close) is waited for a little. Without them the store still notices a lost WAL
 * before each transaction, so a failure here is not fatal. */
static void
guard_lock_files (Guard *g, const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  FileId shm_now;
  gboolean db_ok = FALSE, shm_ok = FALSE;

  /* A -shm recreated since (after it was deleted): guard the one SQLite now uses. */
  file_id_of (shm, &shm_now);
  if (g->shm_fd >= 0 && !file_id_same (&shm_now, &g->shm_id))
    {
      close (g->shm_fd);
      g->shm_fd = -1;
    }
  if (g->shm_fd < 0 && shm_now.known)
    {
      g->shm_fd = g_open (shm, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      g->shm_id = shm_now;
    }
  for (guint attempt = 0; attempt < 100 && !(db_ok && shm_ok); attempt++)
    {
      if (attempt)
        g_usleep (10 * 1000);
      db_ok = db_ok || ofd_lock (g->db_fd, F_RDLCK, GUARD_DB_START, GUARD_DB_LEN);
      shm_ok = shm_ok || g->shm_fd < 0 || ofd_lock (g->shm_fd, F_RDLCK, GUARD_SHM_START, 1);
    }
  if (!db_ok || !shm_ok)
    g_warning ("could not lock %s against other programs' checkpoints: %s", path,
               g_strerror (errno));
}

/* Called with the store's connection open (the -shm exists by then). */
static Guard *
guard_acquire (const char *path)
{
  GStatBuf st;
  Guard *g = NULL;

  if (g_stat (path, &st) != 0)
    return NULL;
  g_mutex_lock (&guards_lock);
  for (GSList *l = guards; l; l = l->next)
    {
      Guard *candidate = l->data;

      if (candidate->dev == st.st_dev && candidate->ino == st.st_ino)
        g = candidate;
    }
  if (g == NULL)
    {
      int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

      if (fd >= 0)
        {
          g = g_new0 (Guard, 1);
          g->dev = st.st_dev;
          g->ino = st.st_ino;
          g->db_fd = fd;
          g->shm_fd = -1;
          guards = g_slist_prepend (guards, g);
        }
    }
  if (g)
    {
      g->users++;
      g->active++;
      guard_lock_files (g, path);
    }
  g_mutex_unlock (&guards_lock);
  return g;
}

/* Before the store's connection closes: the process's last connection must be free to take
 * EXCLUSIVE (checkpoint and remove the WAL). */
static void
guard_deactivate (Guard *g)
{
  g_mutex_lock (&guards_lock);
  if (--g->active == 0)
    {
      ofd_lock (g->db_fd, F_UNLCK, GUARD_DB_START, GUARD_DB_LEN);
      ofd_lock (g->shm_fd, F_UNLCK, GUARD_SHM_START, 1);
    }
  g_mutex_unlock (&guards_lock);
}

/* After it closed. */
static void
guard_release (Guard *g)
{
  g_mutex_lock (&guards_lock);
  if (--g->users == 0)
    {
      guards = g_slist_remove (guards, g);
      close (g->db_fd);
      if (g->shm_fd >= 0)
        close (g->shm_fd);
      g_free (g);
    }
  g_mutex_unlock (&guards_lock);
}

/* Has the database file, its -wal or its -shm been deleted or replaced since the connection
 * started using them? */
static gboolean
files_intact (HwStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  FileId now;

  file_id_of (self->path, &now);
  if (!file_id_same (&now, &self->db_id))
    return FALSE;
  file_id_of (wal, &now);
  if (!file_id_same (&now, &self->wal_id))
    return FALSE;
  file_id_of (shm, &now);
  return file_id_same (&now, &self->shm_id);
}

static void
remember_files (HwStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  file_id_of (self->path, &self->db_id);
  file_id_of (wal, &self->wal_id);
  file_id_of (shm, &self->shm_id);
}

/* Closes the connection (statements first). A connection whose files were deleted or replaced
 * must not checkpoint at close: its WAL holds pages older than what another program may have
 * written to the database since. */
static void
disconnect (HwStore *self)
{
  if (self->statements)
    g_hash_table_remove_all (self->statements);
  memset (self->update_stmt, 0, sizeof self->update_stmt);
  memset (self->insert_stmt, 0, sizeof self->insert_stmt);
  if (self->db == NULL)
    return;
  if (!self->readonly && !files_intact (self))
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (self->guard)
    guard_deactivate (self->guard);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_clear_pointer (&self->guard, guard_release);
}

static void
hw_store_finalize (GObject *object)
{
  HwStore *self = HW_STORE (object);

  disconnect (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  for (guint i = 0; i < HW_N_ENTITIES; i++)
    {
      g_free (self->update_sql[i]);
      g_free (self->insert_sql[i]);
      g_free (self->select_id_sql[i]);
      g_free (self->select_owner_sql[i]);
      g_free (self->select_all_sql[i]);
      g_free (self->stream_sql[i]);
      g_free (self->facts_sql[i]);
      g_free (self->home_facts_sql[i]);
      g_free (self->delete_sql[i]);
      g_free (self->select_row_sql[i]);
    }
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (hw_store_parent_class)->finalize (object);
}

static void
hw_store_class_init (HwStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_store_finalize;
  /* SQLite's memory statistics take one process-wide mutex on every allocation: threads
   * reading the caseload side by side queued on it. Only possible before SQLite starts;
   * if something in the process started it already, the statistics simply stay on. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hw_store_init (HwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->actor = g_strdup (g_get_user_name ());
}

gboolean
hw_store_set_sqlite_error (HwStore *self, int rc, GError **error)
{
  int primary = rc & 0xff;
  HwErrorCode code = HW_ERROR_FAILED;
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                   _("The database is in use by another program (%s); try again"), msg);
      return FALSE;
    }
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = HW_ERROR_CORRUPT;
  else if (primary == SQLITE_CONSTRAINT)
    code = HW_ERROR_CONFLICT;
  g_set_error (error, HW_ERROR, code, _("Database error: %s"), msg);
  return FALSE;
}

gboolean
hw_store_exec (HwStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : hw_store_set_sqlite_error (self, rc, error);
}

sqlite3_stmt *
hw_store_prepare_cached (HwStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Resets a cached statement when the caller is done with it, whatever the outcome. */
void
hw_store_release (sqlite3_stmt *stmt)
{
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}


static void
build_sql (HwStore *self)
{
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autoptr(GString) cols = g_string_new ("id");
      g_autoptr(GString) params = g_string_new ("?1");
      g_autoptr(GString) updates = g_string_new (NULL);
      g_autoptr(GString) facts = g_string_new ("id");
      g_autoptr(GString) read_cols = NULL;
      const char *owner = NULL;
      guint owner_param = 0;
      guint version_param = info->n_fields + 2;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const HwField *f = &info->fields[i];

          g_string_append_printf (cols, ", %s", f->name);
          g_string_append_printf (facts, ", %s", (f->flags & HW_FIELD_PROSE) ? "NULL" : f->name);
          g_string_append_printf (params, ", ?%u", i + 2);
          g_string_append_printf (updates, "%s%s = ?%u", i ? ", " : "", f->name, i + 2);
          if (f->flags & HW_FIELD_OWNER)
            {
              owner = f->name;
              owner_param = i + 2;
            }
        }

      /* What is read of a record carries its row version (migration 6); the facts streams
       * are read-only and leave it out. */
      read_cols = g_string_new (cols->str);
      g_string_append (read_cols, ", row_version");

      /* Saving is an UPDATE by id, then an INSERT when no row had it. Never INSERT OR
       * REPLACE: a replace deletes first and would cascade. Not an upsert either: its DO UPDATE
       * always aborts on a constraint, so SQLite keeps a statement journal for every row,
       * which was half the cost of an import. OR FAIL needs none: a single-row statement checks
       * every constraint before it writes, and any failure rolls back the whole transaction
       * anyway (hw_store_rollback dooms the outermost). */
      /* The UPDATE matches the owner too: a save never moves a record to another case or
       * home (issue 13). It bumps the row version, and a record read from the database
       * (?V > 0) changes the row only at the version it was read at: what another program
       * wrote since is never overwritten. */
      if (owner)
        self->update_sql[e] = g_strdup_printf ("UPDATE OR FAIL %s SET %s, row_version = "
                                               "row_version + 1 WHERE %s = ?%u AND id = ?1 "
                                               "AND (?%u = 0 OR row_version = ?%u)",
                                               info->name, updates->str, owner, owner_param,
                                               version_param, version_param);
      else
        self->update_sql[e] = g_strdup_printf ("UPDATE OR FAIL %s SET %s, row_version = "
                                               "row_version + 1 WHERE id = ?1 AND (?%u = 0 OR "
                                               "row_version = ?%u)", info->name, updates->str,
                                               version_param, version_param);
      if (hw_entity_is_owner_keyed (e))
        {
          /* No index on id alone (migration 5): the primary key (owner, id) finds the row. */
          self->select_id_sql[e] = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?2 AND "
                                                    "id = ?1", read_cols->str, info->name, owner);
          self->delete_sql[e] = g_strdup_printf ("DELETE FROM %s WHERE %s = ?2 AND id = ?1",
                                                 info->name, owner);
          self->select_row_sql[e] = g_strdup_printf ("SELECT %s, row_version FROM %s WHERE "
                                                     "%s = ?2 AND id = ?1", owner, info->name,
                                                     owner);
        }
      else
        {
          self->select_id_sql[e] = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                                    read_cols->str, info->name);
          self->delete_sql[e] = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", info->name);
          self->select_row_sql[e] = g_strdup_printf ("SELECT %s, row_version FROM %s WHERE "
                                                     "id = ?1", owner ? owner : "NULL",
                                                     info->name);
        }
      self->insert_sql[e] = g_strdup_printf ("INSERT OR FAIL INTO %s (%s) VALUES (%s)",
                                             info->name, cols->str, params->str);
      self->select_all_sql[e] = g_strdup_printf ("SELECT %s FROM %s", read_cols->str,
                                                 info->name);
      if (e == HW_ENTITY_FOSTER_HOME || info->owner == HW_ENTITY_FOSTER_HOME)
        self->home_facts_sql[e] = g_strdup_printf ("SELECT %s FROM %s WHERE %s >= ?1 AND %s < ?2",
                                                   facts->str, info->name,
                                                   e == HW_ENTITY_FOSTER_HOME ? "id" : "home_id",
                                                   e == HW_ENTITY_FOSTER_HOME ? "id" : "home_id");
      if (e == HW_ENTITY_CASE)
        {
          self->stream_sql[e] = g_strdup_printf ("SELECT %s FROM case_file ORDER BY id",
                                                 read_cols->str);
          self->facts_sql[e] = g_strdup_printf ("SELECT %s FROM case_file WHERE id >= ?1 "
                                                "AND id < ?2 ORDER BY id", facts->str);
        }
      if (owner)
        {
          self->select_owner_sql[e] = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1",
                                                       read_cols->str, info->name, owner);
          /* Tables are clustered on (case_id, id): in case order, this is a sequential scan. */
          if (info->owner == HW_ENTITY_CASE)
            {
              self->stream_sql[e] = g_strdup_printf ("SELECT %s FROM %s ORDER BY case_id, id",
                                                     read_cols->str, info->name);
              self->facts_sql[e] = g_strdup_printf ("SELECT %s FROM %s WHERE case_id >= ?1 "
                                                    "AND case_id < ?2 ORDER BY case_id, id",
                                                    facts->str, info->name);
            }
        }
    }
}

static gboolean
migrate (HwStore *self, GError **error)
{
  sqlite3_stmt *stmt;
  int version;

  stmt = hw_store_prepare_cached (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_step (stmt);
  version = sqlite3_column_int (stmt, 0);
  hw_store_release (stmt);

  if (version > HW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_VERSION,
                   _("This database was made by a newer version of Homeward (schema %d; this "
                     "version knows up to %d). Update Homeward to open it."),
                   version, HW_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* user_version counts the applied migrations: 0 is an empty file. */
  for (int i = version; i < (int) G_N_ELEMENTS (hw_store_migrations); i++)
    {
      /* Looked up in our own bundle: a static library may drop the auto-registration. */
      g_autoptr(GBytes) sql = g_resource_lookup_data (hw_store_get_resource (),
                                                      hw_store_migrations[i], 0, error);
      g_autofree char *text = NULL;
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (sql == NULL)
        return FALSE;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      g_debug ("applying migration %d", i + 1);
      if (!hw_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Two programs opening a new file at once: the other may have applied it while we
       * waited for the lock. */
      sqlite3_step (stmt);
      version = sqlite3_column_int (stmt, 0);
      hw_store_release (stmt);
      if (version > i)
        {
          if (!hw_store_exec (self, "COMMIT", error))
            return FALSE;
          continue;
        }
      if (!hw_store_exec (self, text, error) || !hw_store_exec (self, bump, error))
        {
          hw_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!hw_store_exec (self, "COMMIT", error))
        return FALSE;
    }
  self->schema_version = G_N_ELEMENTS (hw_store_migrations);
  return TRUE;
}

char *
hw_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "homeward", "homeward.db", NULL);
}

/* The database holds the most sensitive data a municipality has: owner-only from the first
 * byte (the -wal and -shm files SQLite creates inherit the database file's mode). */
static gboolean
prepare_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* Only a new file is created (and closed) here: closing a descriptor of a database this
   * process already has open would drop every lock SQLite holds on it. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return TRUE;
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Switching a new file to WAL takes an exclusive lock, and when two programs open the same new
 * file at once SQLite reports the would-be deadlock at once instead of waiting: retry within
 * the busy timeout. */
static gboolean
set_wal (HwStore *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL))
         != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return hw_store_set_sqlite_error (self, rc, error);
      g_usleep (10 * 1000);
    }
  return TRUE;
}

/* hw_is_placement(category): the one definition (hw-case-facts.h), for the caseload rows. */
static void
sql_is_placement (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_int (ctx, hw_category_is_placement ((const char *) sqlite3_value_text (argv[0])));
}

/* Opens the SQLite connection of @self (again, after its files were lost). */
static gboolean
connect (HwStore *self, gboolean create, GError **error)
{
  int flags = self->readonly ? SQLITE_OPEN_READONLY
                             : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return hw_store_set_sqlite_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);
  rc = sqlite3_create_function_v2 (self->db, "hw_is_placement", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                   sql_is_placement, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return hw_store_set_sqlite_error (self, rc, error);
  /* Another writer (the app and an import) holds the lock for a while at most: wait for it. */
  sqlite3_busy_timeout (self->db, 10000);

  /* A national caseload is hundreds of MB: a 32 MB page cache keeps index pages of bulk
   * writes and of the streaming reads in memory instead of re-reading them from disk.
   * temp_store MEMORY keeps each statement's undo journal in memory: on disk it costs a write
   * per page of every upsert and makes a bulk import two to three times slower (and would put
   * copies of records in temporary files). secure_delete overwrites what a delete frees, so a
   * deleted record does not linger in the file; Debian builds SQLite with it on, but that is
   * the distribution's choice and this is ours. */
  if (!hw_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !hw_store_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (DEFAULT_CACHE_KIB), error) ||
      !hw_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !hw_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  /* A quick read of the header: a file that is not a database fails here, not later. */
  if (!hw_store_exec (self, "SELECT count(*) FROM sqlite_schema", error))
    return FALSE;

  if (!self->readonly)
    {
      /* FULL: a commit the user saw is on disk, even through a power cut. */
      if (!set_wal (self, error) ||
          !hw_store_exec (self, "PRAGMA synchronous = FULL", error) ||
          !migrate (self, error))
        return FALSE;
      /* In WAL mode now, with the -wal and -shm open: guard them, then note which they are. */
      self->guard = guard_acquire (self->path);
      remember_files (self);
      if (self->cache_mib)
        hw_store_set_cache_size (self, self->cache_mib);
    }
  else
    {
      sqlite3_stmt *stmt = hw_store_prepare_cached (self, "PRAGMA user_version", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_step (stmt);
      self->schema_version = sqlite3_column_int (stmt, 0);
      hw_store_release (stmt);
      if (self->schema_version > HW_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_VERSION,
                       _("This database was made by a newer version of Homeward"));
          return FALSE;
        }
    }
  return TRUE;
}

static HwStore *
open_internal (const char *path, gboolean readonly, gboolean create, GError **error)
{
  g_autoptr(HwStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Only the app's first run, demo, import and restore make a database: a mistyped path
   * anywhere else must not become an empty caseload that reports nothing due. */
  if ((readonly || !create) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No database at %s"), path);
      return NULL;
    }
  if (!readonly && create && !prepare_private_file (path, error))
    return NULL;

  self = g_object_new (HW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->readonly = readonly;
  if (!connect (self, create, error))
    return NULL;
  build_sql (self);
  return g_steal_pointer (&self);
}

/* The database file, its -wal or -shm was deleted or replaced under the connection (another
 * program, or a person): a fresh connection sees the file as it is now. */
static gboolean
reconnect (HwStore *self, GError **error)
{
  g_warning ("%s: the database file or its journal was removed or replaced by another "
             "program; reopening it", self->path);
  disconnect (self);
  hw_store_audit_reset_head (self);
  return connect (self, FALSE, error);
}

HwStore *
hw_store_open (const char *path, GError **error)
{
  return open_internal (path, FALSE, TRUE, error);
}

HwStore *
hw_store_open_existing (const char *path, GError **error)
{
  return open_internal (path, FALSE, FALSE, error);
}

HwStore *
hw_store_open_readonly (const char *path, GError **error)
{
  return open_internal (path, TRUE, FALSE, error);
}

const char *
hw_store_get_path (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->path;
}

/* Owner-only? The file (and its -wal/-shm when present) must be the user's and closed to
 * group and others; the folder must not let others replace it. */
gboolean
hw_store_is_private (HwStore *self)
{
  const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);

      if (g_stat (file, &st) != 0)
        {
          if (i == 0)
            return FALSE;
          continue;
        }
      if ((st.st_mode & 0077) != 0 || st.st_uid != getuid ())
        return FALSE;
    }
  dir = g_path_get_dirname (self->path);
  return g_stat (dir, &st) == 0 && (st.st_mode & 0022) == 0;
}

int
hw_store_get_schema_version (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), 0);
  return self->schema_version;
}

sqlite3 *
hw_store_get_handle (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->db;
}

void
hw_store_set_actor (HwStore *self, const char *actor)
{
  g_return_if_fail (HW_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor && *actor ? actor : g_get_user_name ());
}

const char *
hw_store_get_actor (HwStore *self)
{
  return self->actor;
}

gint64
hw_store_get_data_version (HwStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;

  g_return_val_if_fail (HW_IS_STORE (self), 0);
  stmt = hw_store_prepare_cached (self, "PRAGMA data_version", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  hw_store_release (stmt);
  return version;
}

gboolean
hw_store_in_transaction (HwStore *self)
{
  return self->tx_depth > 0;
}

gboolean
hw_store_begin (HwStore *self, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      /* A WAL deleted under us would take this transaction with it: start on the file as
       * it is now. */
      if (!self->readonly && !files_intact (self) && !reconnect (self, error))
        return FALSE;
      /* Another process may have appended to the audit chain since our last transaction. */
      hw_store_audit_reset_head (self);
      /* IMMEDIATE takes the write lock now, so a busy database is reported before any work. */
      if (!hw_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_failed = FALSE;
    }
  self->tx_depth++;
  return TRUE;
}


gboolean
hw_store_commit (HwStore *self, GError **error)
{
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;
  if (self->tx_failed)
    {
      hw_store_exec (self, "ROLLBACK", NULL);
      hw_store_audit_reset_head (self);
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED,
                   _("The change was undone because part of it failed"));
      return FALSE;
    }
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      /* Foreign keys are deferred: a broken reference fails the COMMIT, and the transaction
       * stays open. Only then is the (whole-database) check worth running, to name it. */
      if ((rc & 0xff) != SQLITE_CONSTRAINT || hw_store_check_foreign_keys (self, error))
        hw_store_set_sqlite_error (self, rc, error);
      hw_store_exec (self, "ROLLBACK", NULL);
      hw_store_audit_reset_head (self);
      return FALSE;
    }
  /* Committed into a WAL that was deleted or replaced meanwhile: nobody will ever read it.
   * Say so, so no one is told it was saved (the next transaction reconnects). */
  if (!files_intact (self))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED,
                   _("The change could not be saved: the database file was replaced or its "
                     "journal removed by another program"));
      return FALSE;
    }
  hw_store_audit_committed (self);
  return TRUE;
}

void
hw_store_rollback (HwStore *self)
{
  g_return_if_fail (HW_IS_STORE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (--self->tx_depth > 0)
    {
      self->tx_failed = TRUE;
      return;
    }
  hw_store_exec (self, "ROLLBACK", NULL);
  hw_store_audit_reset_head (self);
}

guint
hw_store_set_cache_size (HwStore *self, guint mib)
{
  guint previous;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), 0);
  previous = self->cache_mib ? self->cache_mib : DEFAULT_CACHE_KIB / 1024;
  sql = g_strdup_printf ("PRAGMA cache_size = -%u", MAX (mib, 1) * 1024);
  if (hw_store_exec (self, sql, NULL))
    self->cache_mib = MAX (mib, 1);
  return previous;
}

/* How long this connection waits for another's lock before a statement fails with
 * HW_ERROR_BUSY (10 s as opened). The app's window waits only a moment on its main thread. */
void
hw_store_set_busy_timeout (HwStore *self, guint ms)
{
  g_return_if_fail (HW_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) MIN (ms, (guint) G_MAXINT));
}
