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

#include "hw-error.h"
#include "hw-store-private.h"
#include "hw-store-migrations.h"
#include "hw-store-resources.h"

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
static void
release (sqlite3_stmt *stmt)
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
  release (stmt);

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
      release (stmt);
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
      release (stmt);
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
  release (stmt);
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

static gboolean check_foreign_keys (HwStore *self, GError **error);

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
      if ((rc & 0xff) != SQLITE_CONSTRAINT || check_foreign_keys (self, error))
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

/* ---- binding and reading records ---- */

static void
bind_record (sqlite3_stmt *stmt, gconstpointer record)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);

  sqlite3_bind_text (stmt, 1, rec->id, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      int col = (int) i + 2;

      switch (f->type)
        {
        case HW_FIELD_TEXT:
        case HW_FIELD_REF:
          {
            const char *v = hw_field_get_text (record, f);

            if (v)
              sqlite3_bind_text (stmt, col, v, -1, SQLITE_STATIC);
            else
              sqlite3_bind_null (stmt, col);
          }
          break;
        case HW_FIELD_DATE:
          {
            char buf[11];

            if (hw_date_to_iso ((HwDate) hw_field_get_int (record, f), buf))
              sqlite3_bind_text (stmt, col, buf, -1, SQLITE_TRANSIENT);
            else
              sqlite3_bind_null (stmt, col);
          }
          break;
        case HW_FIELD_INT:
        case HW_FIELD_BOOL:
          sqlite3_bind_int (stmt, col, hw_field_get_int (record, f));
          break;
        case HW_FIELD_ENUM:
          sqlite3_bind_text (stmt, col,
                             hw_enum_to_string (f->enum_names, hw_field_get_int (record, f)),
                             -1, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* One row as a record. @packed gives a read-only record in a single allocation (the facts
 * stream: a national caseload is a million records, and per-string malloc was its largest cost). */
static gpointer
read_record_full (sqlite3_stmt *stmt, HwEntity entity, gboolean packed, HwArena *arena)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  const char *texts[64] = { NULL };
  HwRecord *rec;

  if (packed)
    {
      for (guint i = 0; i < info->n_fields && i < G_N_ELEMENTS (texts); i++)
        if (info->fields[i].type == HW_FIELD_TEXT || info->fields[i].type == HW_FIELD_REF)
          texts[i] = (const char *) sqlite3_column_text (stmt, (int) i + 1);
      rec = hw_record_new_packed (entity, (const char *) sqlite3_column_text (stmt, 0), texts,
                                  arena);
    }
  else
    {
      rec = g_malloc0 (info->size);
      rec->entity = entity;
      rec->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  /* The row version follows the fields where the query read it (not in the facts). */
  if (sqlite3_column_count (stmt) > (int) info->n_fields + 1)
    rec->version = sqlite3_column_int64 (stmt, (int) info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      int col = (int) i + 1;
      const char *text;

      switch (f->type)
        {
        case HW_FIELD_TEXT:
        case HW_FIELD_REF:
          if (!packed)
            {
              text = (const char *) sqlite3_column_text (stmt, col);
              *(char **) ((guint8 *) rec + f->offset) = g_strdup (text);
            }
          break;
        case HW_FIELD_DATE:
          text = (const char *) sqlite3_column_text (stmt, col);
          hw_field_set_int (rec, f, (int) hw_date_parse_iso (text));
          break;
        case HW_FIELD_INT:
        case HW_FIELD_BOOL:
          hw_field_set_int (rec, f, sqlite3_column_int (stmt, col));
          break;
        case HW_FIELD_ENUM:
          text = (const char *) sqlite3_column_text (stmt, col);
          hw_field_set_int (rec, f, MAX (0, hw_enum_from_string (f->enum_names, text)));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return rec;
}

static gpointer
read_record (sqlite3_stmt *stmt, HwEntity entity)
{
  return read_record_full (stmt, entity, FALSE, NULL);
}

static HwDate
lookup_birth_date (HwStore *self, const char *case_id)
{
  sqlite3_stmt *stmt;
  HwDate birth = HW_DATE_NONE;

  if (case_id == NULL)
    return HW_DATE_NONE;
  stmt = hw_store_prepare_cached (self, "SELECT min(birth_date) FROM child WHERE case_id = ?1",
                                  NULL);
  if (stmt == NULL)
    return HW_DATE_NONE;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    birth = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
  release (stmt);
  return birth;
}

/* Inserts or updates one record inside the open transaction; @audit FALSE when the caller
 * writes one audit entry for a whole dossier. */
/* A cached statement of @sql[entity], remembered in @cache[entity]. */
static sqlite3_stmt *
statement_for (HwStore *self, sqlite3_stmt **cache, char **sql, HwEntity entity, GError **error)
{
  if (cache[entity] == NULL)
    cache[entity] = hw_store_prepare_cached (self, sql[entity], error);
  return cache[entity];
}

/* How a case or foster home is named in a message: its journal number or name, else its id. */
static char *
dup_owner_label (HwStore *self, HwEntity owner_entity, const char *owner_id)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  stmt = hw_store_prepare_cached (self, owner_entity == HW_ENTITY_FOSTER_HOME
                                        ? "SELECT name FROM foster_home WHERE id = ?1"
                                        : "SELECT journal_no FROM case_file WHERE id = ?1", NULL);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
        label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      release (stmt);
    }
  return label ? label : g_strdup (owner_id);
}

/* A save changed no row: is the record stored under another owner, at another version, or
 * not at all (deleted meanwhile, or a deleted record put back by undo)? Sets @error and
 * returns FALSE for the first two; TRUE when the record is simply not there. */
static gboolean
explain_unchanged (HwStore *self, const HwRecord *rec, GError **error)
{
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  const char *owner = hw_record_get_owner_id (rec);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, self->select_row_sql[rec->entity], error);
  g_autofree char *stored_owner = NULL;
  gint64 stored_version = 0;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rec->id, -1, SQLITE_STATIC);
  if (hw_entity_is_owner_keyed (rec->entity))
    sqlite3_bind_text (stmt, 2, owner, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      stored_owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored_version = sqlite3_column_int64 (stmt, 1);
    }
  release (stmt);
  if (!found)
    return TRUE;

  if (g_strcmp0 (stored_owner, owner) != 0)
    {
      HwEntity owner_entity = info->owner;
      g_autofree char *theirs = dup_owner_label (self, owner_entity, stored_owner);
      g_autofree char *ours = dup_owner_label (self, owner_entity, owner);

      /* A record never changes owner through a save: the other case would lose it. */
      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   owner_entity == HW_ENTITY_FOSTER_HOME
                   /* Translators: "Home member 1b2c…: belongs to foster home “Berg”, not to “Dal”;
                    * nothing was saved" */
                   ? _("%s %s: belongs to foster home “%s”, not to “%s”; nothing was saved")
                   /* Translators: "Measure 1b2c…: belongs to case 2021-00015, not to case
                    * 2024-00001; nothing was saved" */
                   : _("%s %s: belongs to case %s, not to case %s; nothing was saved"),
                   _(info->label), rec->id, theirs, ours);
      return FALSE;
    }
  g_set_error (error, HW_ERROR, HW_ERROR_CHANGED,
               /* Translators: %s is a kind of record, like "Child" */
               _("%s: changed by another program since it was opened; nothing was saved. "
                 "Reload it to see the change."), _(info->label));
  g_debug ("%s %s: read at version %" G_GINT64_FORMAT ", stored at %" G_GINT64_FORMAT,
           info->name, rec->id, rec->version, stored_version);
  return FALSE;
}

static int
step_write (HwStore *self, sqlite3_stmt *stmt, gconstpointer record, gint64 version)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);
  int rc;

  bind_record (stmt, record);
  if (version >= 0)
    sqlite3_bind_int64 (stmt, (int) info->n_fields + 2, version);
  rc = sqlite3_step (stmt);
  release (stmt);
  return rc;
}

/* Inserts or updates one record inside the open transaction; @audit FALSE when the caller
 * writes one audit entry for a whole dossier. The record's version is brought up to date (the
 * caller's copy stays current for its next save). */
static gboolean
upsert (HwStore *self, gconstpointer record, HwDate birth_date, gboolean audit, GError **error)
{
  HwRecord *rec = (HwRecord *) record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  sqlite3_stmt *insert, *update;
  gboolean existed = FALSE, done = FALSE;
  gint64 version = 0;
  int rc = SQLITE_DONE;

  if (!hw_record_validate (record, birth_date, error))
    return FALSE;
  insert = statement_for (self, self->insert_stmt, self->insert_sql, rec->entity, error);
  update = insert ? statement_for (self, self->update_stmt, self->update_sql, rec->entity, error)
                  : NULL;
  if (update == NULL)
    return FALSE;

  /* A record from a file or a new one: insert, else update in place when the id is stored
   * under the same owner. New records are the many (an import writes nothing else), and a
   * single-row INSERT OR FAIL checks every constraint before it writes, so a refused one left
   * nothing behind. A record read from the database is updated at the version it was read. */
  if (rec->version == 0)
    {
      rc = step_write (self, insert, record, -1);
      done = rc == SQLITE_DONE;
      version = 1;
    }
  if (!done && (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT))
    {
      rc = step_write (self, update, record, rec->version);
      existed = done = rc == SQLITE_DONE && sqlite3_changes (self->db) > 0;
      version = rec->version ? rec->version + 1 : 0;
      if (rc == SQLITE_DONE && !done)
        {
          if (!explain_unchanged (self, rec, error))
            return FALSE;
          /* Not stored at all: insert (again, for SQLite's reason if it was refused). */
          rc = step_write (self, insert, record, -1);
          done = rc == SQLITE_DONE;
          version = 1;
        }
    }
  if (!done)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT && rec->entity == HW_ENTITY_CASE)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                       _("Journal number: another case already has “%s”"),
                       ((const HwCase *) record)->journal_no);
          return FALSE;
        }
      return hw_store_set_sqlite_error (self, rc, error);
    }
  rec->version = version;

  if (audit)
    {
      const char *case_id = info->owner == HW_ENTITY_CASE ?
                            (rec->entity == HW_ENTITY_CASE ? rec->id
                                                           : hw_record_get_owner_id (record))
                            : NULL;

      return hw_store_audit_append (self, existed ? "update" : "insert", info->name, rec->id,
                                    case_id, NULL, error);
    }
  return TRUE;
}

/* Deferred foreign keys are checked at COMMIT; name the broken reference instead of SQLite's
 * bare "FOREIGN KEY constraint failed". */
static gboolean
check_foreign_keys (HwStore *self, GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "PRAGMA foreign_key_check", error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const HwEntityInfo *from = hw_entity_info_by_name ((const char *) sqlite3_column_text (stmt, 0));
      const HwEntityInfo *to = hw_entity_info_by_name ((const char *) sqlite3_column_text (stmt, 2));

      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   /* Translators: "A Visit refers to a Measure that does not exist" */
                   _("A record (%s) refers to a %s that does not exist"),
                   from ? _(from->label) : "?", to ? _(to->label) : "?");
      ok = FALSE;
    }
  release (stmt);
  return ok;
}

static gboolean
finish (HwStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      hw_store_rollback (self);
      return FALSE;
    }
  return hw_store_commit (self, error);
}

gboolean
hw_store_save (HwStore *self, gconstpointer record, GError **error)
{
  const HwRecord *rec = record;
  HwDate birth = HW_DATE_NONE;
  gint64 version;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  version = rec->version;

  if (!hw_store_begin (self, error))
    return FALSE;
  if (hw_entity_info (rec->entity)->owner == HW_ENTITY_CASE && rec->entity != HW_ENTITY_CASE)
    birth = lookup_birth_date (self, hw_record_get_owner_id (record));
  ok = upsert (self, record, birth, TRUE, error);
  if (!finish (self, ok, error))
    {
      /* Nothing was written: the record is still at the version it was read. */
      ((HwRecord *) record)->version = version;
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_store_save_dossier (HwStore *self, const HwDossier *dossier, GError **error)
{
  const HwRecord *root = dossier->root;
  const HwEntityInfo *info = hw_entity_info (root->entity);
  HwChild *child = root->entity == HW_ENTITY_CASE ? hw_dossier_child (dossier) : NULL;
  HwDate birth = child ? child->birth_date : HW_DATE_NONE;
  gboolean ok;
  g_autofree char *detail = g_strdup_printf ("%u records", hw_dossier_count (dossier));

  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  g_array_append_val (versions, root->version);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    for (guint i = 0; dossier->records[e] && i < dossier->records[e]->len; i++)
      g_array_append_val (versions, ((HwRecord *) dossier->records[e]->pdata[i])->version);
  if (!hw_store_begin (self, error))
    return FALSE;
  ok = upsert (self, root, HW_DATE_NONE, FALSE, error);
  for (guint e = 0; ok && e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = dossier->records[e];

      for (guint i = 0; ok && a && i < a->len; i++)
        ok = upsert (self, a->pdata[i], e == HW_ENTITY_CHILD ? HW_DATE_NONE : birth, FALSE,
                     error);
    }
  if (ok)
    ok = hw_store_audit_append (self, "save", info->name, root->id,
                                root->entity == HW_ENTITY_CASE ? root->id : NULL, detail,
                                error);
  if (!finish (self, ok, error))
    {
      /* Nothing was written: every record is still at the version it was read. */
      guint n = 0;

      ((HwRecord *) root)->version = g_array_index (versions, gint64, n++);
      for (guint e = 0; e < HW_N_ENTITIES; e++)
        for (guint i = 0; dossier->records[e] && i < dossier->records[e]->len; i++)
          ((HwRecord *) dossier->records[e]->pdata[i])->version =
            g_array_index (versions, gint64, n++);
      return FALSE;
    }
  return TRUE;
}

static gboolean
home_has_placements (HwStore *self, const char *home_id)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT 1 FROM measure WHERE home_id = ?1 "
                                                      "LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return TRUE;  /* when in doubt, keep the home */
  sqlite3_bind_text (stmt, 1, home_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  release (stmt);
  return found;
}

gboolean
hw_store_delete (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  return hw_store_delete_owned (self, entity, NULL, id, error);
}

gboolean
hw_store_delete_owned (HwStore *self, HwEntity entity, const char *owner_id, const char *id,
                       GError **error)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  HwRecord *rec;
  const char *case_id = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  rec = hw_store_load_owned (self, entity, owner_id, id, error);
  if (rec == NULL)
    return FALSE;
  if (info->owner == HW_ENTITY_CASE)
    case_id = entity == HW_ENTITY_CASE ? rec->id : hw_record_get_owner_id (rec);

  if (!hw_store_begin (self, error))
    {
      hw_record_free (rec);
      return FALSE;
    }
  /* A placement keeps its home when the home is deleted (SET NULL), but the child's record
   * would no longer say where the child lived: a home once used is kept. */
  if (entity == HW_ENTITY_FOSTER_HOME && home_has_placements (self, id))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   /* Translators: %s is the name of a foster home */
                   _("“%s” was not deleted: children have been placed there"),
                   ((HwFosterHome *) rec)->name);
      hw_record_free (rec);
      return finish (self, FALSE, error);
    }
  stmt = hw_store_prepare_cached (self, self->delete_sql[entity], error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (hw_entity_is_owner_keyed (entity))
        sqlite3_bind_text (stmt, 2, hw_record_get_owner_id (rec), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      release (stmt);
      if (rc != SQLITE_DONE)
        ok = hw_store_set_sqlite_error (self, rc, error);
    }
  if (ok)
    ok = hw_store_audit_append (self, "delete", info->name, id, case_id, NULL, error);
  hw_record_free (rec);
  return finish (self, ok, error);
}

gpointer
hw_store_load (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  return hw_store_load_owned (self, entity, NULL, id, error);
}

gpointer
hw_store_load_owned (HwStore *self, HwEntity entity, const char *owner_id, const char *id,
                     GError **error)
{
  gboolean keyed = hw_entity_is_owner_keyed (entity);
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (owner_id != NULL || !keyed, NULL);

  stmt = hw_store_prepare_cached (self, self->select_id_sql[entity], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (keyed)
    sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_record (stmt, entity);
  else if (rc != SQLITE_DONE)
    hw_store_set_sqlite_error (self, rc, error);
  release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;
  /* An owned record found by its id alone must still belong to @owner_id. */
  if (record && owner_id && !keyed && hw_entity_info (entity)->owner != entity &&
      g_strcmp0 (hw_record_get_owner_id (record), owner_id) != 0)
    g_clear_pointer (&record, hw_record_free);
  if (record == NULL)
    g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No %s with id %s"),
                 _(hw_entity_info (entity)->label), id);
  return record;
}

static gboolean
collect_full (HwStore *self, const char *sql, const char *param, const char *param2,
              HwEntity entity, gboolean packed, GPtrArray *into, GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (param2)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (into, read_record_full (stmt, entity, packed, NULL));
  release (stmt);
  return rc == SQLITE_DONE ? TRUE : hw_store_set_sqlite_error (self, rc, error);
}

static gboolean
collect (HwStore *self, const char *sql, const char *param, HwEntity entity, GPtrArray *into,
         GError **error)
{
  return collect_full (self, sql, param, NULL, entity, FALSE, into, error);
}

GPtrArray *
hw_store_list (HwStore *self, HwEntity entity, GError **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (hw_record_free);

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  if (!collect (self, self->select_all_sql[entity], NULL, entity, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

guint
hw_store_count (HwStore *self, HwEntity entity, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                          hw_entity_info (entity)->name);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  release (stmt);
  return n;
}

static HwDossier *
load_dossier (HwStore *self, HwEntity root_entity, const char *id, GError **error)
{
  g_autoptr(HwDossier) dossier = NULL;
  gpointer root = hw_store_load (self, root_entity, id, error);

  if (root == NULL)
    return NULL;
  dossier = hw_dossier_new (root);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      if (e == root_entity || hw_entity_info (e)->owner != root_entity)
        continue;
      if (!collect (self, self->select_owner_sql[e], id, e, hw_dossier_get (dossier, e), error))
        return NULL;
    }
  return g_steal_pointer (&dossier);
}

HwDossier *
hw_store_load_case (HwStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_dossier (self, HW_ENTITY_CASE, case_id, error);
}

HwDossier *
hw_store_load_home (HwStore *self, const char *home_id, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_dossier (self, HW_ENTITY_FOSTER_HOME, home_id, error);
}

HwDossier *
hw_store_load_case_by_journal (HwStore *self, const char *journal_no, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  stmt = hw_store_prepare_cached (self, "SELECT id FROM case_file WHERE journal_no = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, journal_no, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  release (stmt);
  if (id == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No case with journal number “%s”"),
                   journal_no);
      return NULL;
    }
  return hw_store_load_case (self, id, error);
}

static int
owner_column (const HwEntityInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      return (int) i + 1;
  g_return_val_if_reached (-1);
}

/* One cursor per table, all in case-id order: the streaming merge behind
 * hw_store_foreach_case. Its own statements, so callers may use the store meanwhile. */
typedef struct {
  sqlite3_stmt *stmt;
  int           rc;        /* last step result */
  int           key_col;   /* the case_id column */
} Cursor;

/* Every UUID sorts between these (lower-case hex digits and dashes). */
#define FIRST_ID ""
#define PAST_LAST_ID "~"

static gboolean
stream_cases (HwStore *self, guint64 entities, gboolean facts_only, const char *from_id,
              const char *to_id, HwDossierFunc func, gpointer user_data, GError **error)
{
  char **sql = facts_only ? self->facts_sql : self->stream_sql;
  g_autoptr(HwArena) arena = facts_only ? hw_arena_new () : NULL;
  Cursor cursors[HW_N_ENTITIES] = { { 0 } };
  sqlite3_stmt *cases = NULL;
  gboolean ok = TRUE;
  int rc;

  /* A read transaction: every table is read from the same snapshot. */
  if (self->tx_depth == 0 && !hw_store_exec (self, "BEGIN", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, sql[HW_ENTITY_CASE], -1, &cases, NULL);
  if (rc != SQLITE_OK)
    {
      ok = hw_store_set_sqlite_error (self, rc, error);
      goto out;
    }
  if (facts_only)
    {
      sqlite3_bind_text (cases, 1, from_id ? from_id : FIRST_ID, -1, SQLITE_STATIC);
      sqlite3_bind_text (cases, 2, to_id ? to_id : PAST_LAST_ID, -1, SQLITE_STATIC);
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      if (sql[e] == NULL || e == HW_ENTITY_CASE || !(entities & HW_ENTITY_BIT (e)))
        continue;
      rc = sqlite3_prepare_v2 (self->db, sql[e], -1, &cursors[e].stmt, NULL);
      if (rc != SQLITE_OK)
        {
          ok = hw_store_set_sqlite_error (self, rc, error);
          goto out;
        }
      cursors[e].key_col = owner_column (hw_entity_info (e));
      if (facts_only)
        {
          sqlite3_bind_text (cursors[e].stmt, 1, from_id ? from_id : FIRST_ID, -1, SQLITE_STATIC);
          sqlite3_bind_text (cursors[e].stmt, 2, to_id ? to_id : PAST_LAST_ID, -1, SQLITE_STATIC);
        }
      cursors[e].rc = sqlite3_step (cursors[e].stmt);
    }

  while (ok && (rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      HwDossier *dossier = hw_dossier_new (read_record_full (cases, HW_ENTITY_CASE, facts_only,
                                                             arena));
      const char *case_id = ((HwRecord *) dossier->root)->id;

      for (guint e = 0; e < HW_N_ENTITIES; e++)
        {
          Cursor *c = &cursors[e];

          while (c->stmt && c->rc == SQLITE_ROW &&
                 g_strcmp0 ((const char *) sqlite3_column_text (c->stmt, c->key_col),
                            case_id) == 0)
            {
              hw_dossier_add (dossier, read_record_full (c->stmt, e, facts_only, arena));
              c->rc = sqlite3_step (c->stmt);
            }
        }
      ok = func (dossier, user_data, error);
      hw_dossier_free (dossier);
      /* Facts die with their case: the next case reuses their memory. */
      if (arena)
        hw_arena_rewind (arena);
    }
  if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW)
    ok = hw_store_set_sqlite_error (self, rc, error);

out:
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    sqlite3_finalize (cursors[e].stmt);
  sqlite3_finalize (cases);
  if (self->tx_depth == 0)
    hw_store_exec (self, "COMMIT", NULL);
  return ok;
}

gboolean
hw_store_foreach_case (HwStore *self, HwDossierFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return stream_cases (self, G_MAXUINT64, FALSE, NULL, NULL, func, user_data, error);
}

gboolean
hw_store_foreach_case_facts (HwStore *self, guint64 entities, const char *from_id,
                             const char *to_id, HwDossierFunc func, gpointer user_data,
                             GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return stream_cases (self, entities, TRUE, from_id, to_id, func, user_data, error);
}

char **
hw_store_split_case_ids (guint parts)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **bounds;

  /* Case ids are random UUIDs: splitting the first hex digit splits the caseload evenly. */
  parts = CLAMP (parts, 1, 16);
  g_strv_builder_add (builder, FIRST_ID);
  for (guint i = 1; i < parts; i++)
    {
      char digit[2] = { "0123456789abcdef"[i * 16 / parts], 0 };
      g_strv_builder_add (builder, digit);
    }
  g_strv_builder_add (builder, PAST_LAST_ID);
  bounds = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return bounds;
}

/* Every foster home with what it owns, by id; @facts: without prose, as packed records, and
 * only the homes whose id is in [@from_id, @to_id). */
static GHashTable *
load_homes (HwStore *self, gboolean facts, const char *from_id, const char *to_id,
            GError **error)
{
  g_autoptr(GHashTable) homes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) hw_dossier_free);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  char **sql = facts ? self->home_facts_sql : self->select_all_sql;

  /* Hand the roots over to their dossiers, then attach members and documents by owner. */
  if (facts)
    {
      from_id = from_id ? from_id : FIRST_ID;
      to_id = to_id ? to_id : PAST_LAST_ID;
    }
  if (!collect_full (self, sql[HW_ENTITY_FOSTER_HOME], from_id, to_id, HW_ENTITY_FOSTER_HOME,
                     facts, roots, error))
    return NULL;
  for (guint i = 0; i < roots->len; i++)
    {
      HwRecord *root = roots->pdata[i];
      g_hash_table_insert (homes, root->id, hw_dossier_new (root));
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) all = NULL;

      if (e == HW_ENTITY_FOSTER_HOME || hw_entity_info (e)->owner != HW_ENTITY_FOSTER_HOME)
        continue;
      all = g_ptr_array_new_with_free_func (hw_record_free);
      if (!collect_full (self, sql[e], from_id, to_id, e, facts, all, error))
        return NULL;
      g_ptr_array_set_free_func (all, NULL);
      for (guint i = 0; i < all->len; i++)
        {
          HwDossier *home = g_hash_table_lookup (homes, hw_record_get_owner_id (all->pdata[i]));

          if (home)
            hw_dossier_add (home, all->pdata[i]);
          else
            hw_record_free (all->pdata[i]);
        }
    }
  return g_steal_pointer (&homes);
}

GHashTable *
hw_store_load_homes (HwStore *self, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_homes (self, FALSE, NULL, NULL, error);
}

GHashTable *
hw_store_load_home_facts (HwStore *self, const char *from_id, const char *to_id,
                          GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_homes (self, TRUE, from_id, to_id, error);
}

/* ---- settings ---- */

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
  release (stmt);
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
  release (stmt);
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
      release (stmt);
      if (rc != SQLITE_DONE)
        ok = hw_store_set_sqlite_error (self, rc, error);
    }
  if (ok)
    {
      g_autofree char *detail = g_strdup_printf ("%s = %s", key, value ? value : "(default)");
      ok = hw_store_audit_append (self, "setting", "setting", NULL, NULL, detail, error);
    }
  return finish (self, ok, error);
}

/* ---- the caseload ---- */

void
hw_case_row_free (HwCaseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_id);
  g_free (row->journal_no);
  g_free (row->child_name);
  g_free (row->fnr);
  g_free (row->caseworker_id);
  g_free (row->caseworker_name);
  g_free (row->team_id);
  g_free (row->category);
  g_free (row->search_key);
  g_free (row);
}

#define CASE_ROW_SQL \
  "SELECT c.id, c.journal_no, trim(coalesce(ch.given_name, '') || ' ' || " \
  "       coalesce(ch.family_name, '')), ch.fnr, ch.birth_date, c.caseworker_id, s.name, " \
  "       c.team_id, m.category, m.start_date, c.closed " \
  "FROM case_file c " \
  "LEFT JOIN child ch ON ch.case_id = c.id AND ch.id = (SELECT id FROM child " \
  "      WHERE case_id = c.id ORDER BY start_date DESC LIMIT 1) " \
  "LEFT JOIN staff s ON s.id = c.caseworker_id " \
  "LEFT JOIN measure m ON m.case_id = c.id AND m.id = (SELECT id FROM measure WHERE case_id = c.id " \
  "      AND start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) " \
  "      AND (category LIKE '1.%' OR category LIKE '2.%') ORDER BY start_date DESC LIMIT 1) "

static GPtrArray *
query_case_rows (HwStore *self, const char *sql, HwDate today, const char *needle, guint limit,
                 guint offset, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_case_row_free);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  char day[11];
  int rc;

  if (stmt == NULL)
    return NULL;
  hw_date_to_iso (today, day);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (needle)
    {
      /* What was typed is matched literally: its LIKE wildcards are escaped (ESCAPE '\\'). */
      g_autoptr(GString) pattern = g_string_new ("%");

      for (const char *p = needle; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":needle"), pattern->str,
                         -1, SQLITE_TRANSIENT);
    }
  if (limit)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HwCaseRow *row = g_new0 (HwCaseRow, 1);

      row->case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->journal_no = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->child_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->fnr = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->birth_date = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 4));
      row->caseworker_id = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->caseworker_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->team_id = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      row->category = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      row->placed_since = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 9));
      row->closed = sqlite3_column_int (stmt, 10) != 0;
      {
        g_autofree char *key = g_strdup_printf ("%s %s %s", row->child_name ? row->child_name : "",
                                                row->journal_no ? row->journal_no : "",
                                                row->fnr ? row->fnr : "");
        g_autofree char *folded = g_utf8_casefold (key, -1);

        /* g_utf8_casefold leaves a 128-byte buffer for a 40-byte key: 4 MB at 50,000 rows. */
        row->search_key = g_strdup (folded);
      }
      g_ptr_array_add (rows, row);
    }
  release (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
hw_case_row_matches (const HwCaseRow *row, const char *needle)
{
  return needle == NULL || *needle == '\0' || strstr (row->search_key, needle) != NULL;
}

GPtrArray *
hw_store_list_case_rows (HwStore *self, HwDate today, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL "ORDER BY c.journal_no", today, NULL, 0, 0, error);
}

GPtrArray *
hw_store_list_case_rows_page (HwStore *self, HwDate today, guint offset, guint limit,
                              GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL "ORDER BY c.journal_no LIMIT :limit OFFSET :offset",
                          today, NULL, limit, offset, error);
}

GPtrArray *
hw_store_search_case_rows (HwStore *self, const char *needle, HwDate today, guint limit,
                           GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return query_case_rows (self, CASE_ROW_SQL
                          "WHERE c.journal_no LIKE :needle ESCAPE '\\' "
                          "   OR ch.fnr LIKE :needle ESCAPE '\\' "
                          "   OR (coalesce(ch.given_name, '') || ' ' || "
                          "       coalesce(ch.family_name, '')) LIKE :needle ESCAPE '\\' "
                          "ORDER BY c.journal_no LIMIT :limit OFFSET :offset",
                          today, needle, limit ? limit : G_MAXINT, 0, error);
}

gboolean
hw_store_log_read (HwStore *self, const char *case_id, GError **error)
{
  gboolean ok;

  if (!hw_store_begin (self, error))
    return FALSE;
  ok = hw_store_audit_append (self, "read", "case_file", case_id, case_id, NULL, error);
  return finish (self, ok, error);
}

/* One look-up by id in the entity's id index (the table's UNIQUE (id)): the import refuses
 * records that would change owner, before it writes anything. */
char *
hw_store_lookup_owner (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  g_autofree char *sql = NULL;
  const char *column = NULL;
  sqlite3_stmt *stmt;
  char *owner = NULL;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (info->owner == entity || hw_entity_is_owner_keyed (entity))
    return NULL;
  for (guint i = 0; i < info->n_fields && column == NULL; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      column = info->fields[i].name;
  g_return_val_if_fail (column != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, info->name);
  stmt = hw_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    hw_store_set_sqlite_error (self, rc, error);
  release (stmt);
  return owner;
}

/* How long this connection waits for another's lock before a statement fails with
 * HW_ERROR_BUSY (10 s as opened). The app's window waits only a moment on its main thread. */
void
hw_store_set_busy_timeout (HwStore *self, guint ms)
{
  g_return_if_fail (HW_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) MIN (ms, (guint) G_MAXINT));
}
