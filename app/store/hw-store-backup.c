/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-audit.h"
#include "hw-store-backup.h"
#include "hw-store-backup-private.h"
#include "hw-store-private.h"
#include "hw-store-resources.h"

#define TEMP_PREFIX      ".hw-tmp-"
#define LOCK_NAME        ".lock"
#define BUSY_TIMEOUT_MS  10000
#define MIGRATIONS_DIR   "/no/homeward/store/migrations/"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

void
hw_backup_info_clear (HwBackupInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->path, g_free);
  info->audit_entries = 0;
  info->audit_intact = FALSE;
  info->schema_version = 0;
}

/* ---- files ---- */

static gboolean
set_errno_error (GError **error, int saved, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* "@format: strerror (@saved)" in G_FILE_ERROR. */
static gboolean
set_errno_error (GError **error, int saved, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", what,
               g_strerror (saved));
  return FALSE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Our own folder: created owner-only, and tightened if someone loosened it. */
static gboolean
ensure_private_dir (const char *dir, GError **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Could not create the folder %s"), dir);
  if (g_stat (dir, &st) == 0 && (st.st_mode & 0077) != 0 && g_chmod (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Could not make the folder %s private"), dir);
  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
sync_file (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int saved;

  if (fd < 0)
    return set_errno_error (error, errno, _("Could not open %s"), path);
  if (fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      return set_errno_error (error, saved, _("Could not write %s"), path);
    }
  close (fd);
  return TRUE;
}

/* A new, empty, owner-only file in @dir named after @purpose. */
static char *
make_temp (const char *dir, const char *purpose, GError **error)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/" TEMP_PREFIX "%s-XXXXXX", dir, purpose);
  int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create a file in %s"), dir);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

/* A database file and what SQLite may have left beside it. */
static void
remove_db_files (const char *path)
{
  const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  if (path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
copy_bytes (const char *from, const char *to, GError **error)
{
  g_autofree char *buf = g_malloc (1 << 16);
  int in = open (from, O_RDONLY | O_CLOEXEC);
  int out;
  gboolean ok = TRUE;

  if (in < 0)
    return set_errno_error (error, errno, _("Could not open %s"), from);
  out = open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved = errno;
      close (in);
      return set_errno_error (error, saved, _("Could not create %s"), to);
    }
  for (;;)
    {
      ssize_t n = read (in, buf, 1 << 16);
      ssize_t done = 0;

      if (n == 0)
        break;
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          ok = set_errno_error (error, errno, _("Could not read %s"), from);
          break;
        }
      while (ok && done < n)
        {
          ssize_t w = write (out, buf + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            ok = set_errno_error (error, errno, _("Could not write %s"), to);
          else
            done += w;
        }
      if (!ok)
        break;
    }
  if (ok && fsync (out) != 0)
    ok = set_errno_error (error, errno, _("Could not write %s"), to);
  close (in);
  close (out);
  return ok;
}

/* An exclusive lock on the backup folder: automatic backups, their thinning and restores
 * never run twice at once. Returns the descriptor, or -1 (with @error) when it is busy. */
static int
lock_dir (const char *dir, gboolean wait, GError **error)
{
  g_autofree char *path = g_build_filename (dir, LOCK_NAME, NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  gint64 deadline = g_get_monotonic_time () + (gint64) BUSY_TIMEOUT_MS * 1000;

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not open %s"), path);
      return -1;
    }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if ((errno != EWOULDBLOCK && errno != EINTR) || !wait ||
          g_get_monotonic_time () > deadline)
        {
          close (fd);
          g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                       _("Another Homeward program is making or restoring a backup; try again"));
          return -1;
        }
      g_usleep (20 * 1000);
    }
  return fd;
}

static void
unlock_dir (int fd)
{
  if (fd >= 0)
    close (fd);   /* releases the flock */
}

/* Temporary files a killed backup or restore left behind; only under the folder's lock. */
static void
remove_stale_temps (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, TEMP_PREFIX))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_debug ("removing a leftover temporary file");
        g_unlink (path);
      }
}

/* ---- SQLite on connections of our own ---- */

static gboolean
raw_error (sqlite3 *db, int rc, GError **error)
{
  int primary = rc & 0xff;
  const char *msg = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                 _("The database is in use by another program (%s); try again"), msg);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                 _("The file is damaged or is not a database (%s)"), msg);
  else
    g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("Database error: %s"), msg);
  return FALSE;
}

static sqlite3 *
open_raw (const char *path, int flags, GError **error)
{
  g_autoptr(sqlite3) db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      raw_error (db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return g_steal_pointer (&db);
}

/* A file that may have been made by anyone: no schema code runs, no memory mapping, every
 * cell checked as it is read. */
static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0", NULL, NULL, NULL);
}

static gboolean
exec_raw (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : raw_error (db, rc, error);
}

static gboolean
query_int (sqlite3 *db, const char *sql, int *value, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return raw_error (db, rc, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return raw_error (db, rc, error);
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Copies the main database of @src into the (empty or not) database at @dest through the
 * backup API: one read snapshot of @src, one write transaction on @dest. */
static gboolean
copy_database (sqlite3 *src, sqlite3 *dst, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dst, "main", src, "main");
  gint64 deadline = g_get_monotonic_time () + (gint64) BUSY_TIMEOUT_MS * 1000;
  int rc;

  if (backup == NULL)
    return raw_error (dst, sqlite3_errcode (dst), error);
  for (;;)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < deadline)
        {
          g_usleep (20 * 1000);
          continue;
        }
      break;
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      /* The error is on whichever side failed; the code says which kind. */
      int primary = rc & 0xff;

      if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                     _("The database is in use by another program; try again"));
      else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                     _("The database could not be copied: %s"), sqlite3_errstr (rc));
      else
        g_set_error (error, HW_ERROR, HW_ERROR_FAILED,
                     _("The database could not be copied: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* ---- checking a copy ---- */

/* The migration resources in order: what Homeward's own schema is made of. */
static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = g_resource_enumerate_children (hw_store_get_resource (), MIGRATIONS_DIR,
                                                       0, error);
  GPtrArray *paths;

  if (names == NULL)
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (paths, g_strconcat (MIGRATIONS_DIR, names[i], NULL));
  g_ptr_array_sort (paths, compare_strings);
  return paths;
}

char *
hw_store_dump_schema (sqlite3 *db, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, coalesce (sql, '') "
                               "FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' "
                               "ORDER BY type, name", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      raw_error (db, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      g_string_append_printf (out, "%s%c", (const char *) sqlite3_column_text (stmt, i),
                              i == 3 ? '\n' : '\x1f');
  if (rc != SQLITE_DONE)
    {
      raw_error (db, rc, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *reference_cache[HW_STORE_SCHEMA_VERSION + 1];
G_LOCK_DEFINE_STATIC (reference_cache);

static char *build_reference_schema (int version, GError **error);

/* The schema Homeward makes at @version, from the same migrations. Built once per version
 * (tens of ms: every migration run on a database in memory), since every audit check
 * compares with it. */
char *
hw_store_reference_schema (int version, GError **error)
{
  char *schema;

  if (version < 0 || version > HW_STORE_SCHEMA_VERSION)
    return build_reference_schema (version, error);
  G_LOCK (reference_cache);
  if (reference_cache[version] == NULL)
    reference_cache[version] = build_reference_schema (version, error);
  schema = g_strdup (reference_cache[version]);
  G_UNLOCK (reference_cache);
  return schema;
}

static char *
build_reference_schema (int version, GError **error)
{
  g_autoptr(GPtrArray) paths = list_migrations (error);
  g_autoptr(sqlite3) db = NULL;

  if (paths == NULL)
    return NULL;
  if (version > (int) paths->len)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_VERSION, "no migration %d", version);
      return NULL;
    }
  db = open_raw (":memory:", SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;
  for (int i = 0; i < version; i++)
    {
      g_autoptr(GBytes) sql = g_resource_lookup_data (hw_store_get_resource (), paths->pdata[i],
                                                      0, error);
      g_autofree char *text = NULL;

      if (sql == NULL)
        return NULL;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      if (!exec_raw (db, text, error))
        return NULL;
    }
  return hw_store_dump_schema (db, error);
}

static gboolean
refuse (GError **error, GError *cause, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Sets @error to "@format: cause" as a corruption, taking @cause. */
static gboolean
refuse (GError **error, GError *cause, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (cause)
    {
      g_set_error (error, HW_ERROR,
                   cause->domain == HW_ERROR && cause->code == HW_ERROR_BUSY ? HW_ERROR_BUSY
                                                                             : HW_ERROR_CORRUPT,
                   "%s: %s", what, cause->message);
      g_error_free (cause);
    }
  else
    g_set_error_literal (error, HW_ERROR, HW_ERROR_CORRUPT, what);
  return FALSE;
}

/* Brings the private copy at @path into rollback-journal mode with @page_size (0 = as it is)
 * and checks it. @strict: every check must pass (restore); otherwise only the physical
 * integrity (a backup of a database whose audit trail is broken is still worth keeping). */
static gboolean
check_copy (const char *path, int page_size, gboolean strict, HwBackupInfo *info,
            GError **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *reference = NULL;
  HwAuditReport report;
  int version = 0, current_page = 0;
  int rc;

  db = open_raw (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return FALSE;
  harden (db);
  /* Folds a WAL file that came with the copy into it and reads the header: a file that is not
   * a database fails here (HW_ERROR_CORRUPT, saying so). */
  if (!exec_raw (db, "PRAGMA journal_mode = DELETE", error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &version, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (5)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return refuse (error, (raw_error (db, rc, &local), g_steal_pointer (&local)),
                   _("The database failed its integrity check"));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return refuse (error, (raw_error (db, rc, &local), g_steal_pointer (&local)),
                   _("The database failed its integrity check"));
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    return refuse (error, NULL, _("The database failed its integrity check: %s"),
                   (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!query_int (db, "PRAGMA user_version", &version, &local))
    return refuse (error, g_steal_pointer (&local), _("The file is not a readable database"));
  info->schema_version = version;
  if (version <= 0)
    return refuse (error, NULL, _("The file is a database, but not one made by Homeward"));
  if (version > HW_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_VERSION,
                   _("The backup was made by a newer version of Homeward (schema %d; this "
                     "version knows up to %d)"), version, HW_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (strict)
    {
      /* The schema is code (triggers, defaults, constraints): it must be exactly ours, so a
       * crafted file cannot bring, say, an audit table without its append-only triggers. */
      schema = hw_store_dump_schema (db, &local);
      if (schema == NULL)
        return refuse (error, g_steal_pointer (&local), _("The file is not a readable database"));
      reference = hw_store_reference_schema (version, &local);
      if (reference == NULL)
        return refuse (error, g_steal_pointer (&local), "reference schema");
      if (!g_str_equal (schema, reference))
        return refuse (error, NULL, _("The database's tables or triggers are not those Homeward "
                                      "makes (schema %d)"), version);

      rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return refuse (error, (raw_error (db, rc, &local), g_steal_pointer (&local)),
                       _("The database's references could not be checked"));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return refuse (error, NULL, _("A record in the database (%s) refers to one that does "
                                      "not exist"), (const char *) sqlite3_column_text (stmt, 0));
      if (rc != SQLITE_DONE)
        return refuse (error, (raw_error (db, rc, &local), g_steal_pointer (&local)),
                       _("The database's references could not be checked"));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (page_size > 0 && query_int (db, "PRAGMA page_size", &current_page, NULL) &&
      current_page != page_size)
    {
      /* The backup API cannot copy into a WAL database of another page size. */
      g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = %d; VACUUM", page_size);

      if (!exec_raw (db, sql, &local))
        return refuse (error, g_steal_pointer (&local), _("The backup could not be prepared"));
    }
  g_clear_pointer (&db, sqlite3_close);

  store = hw_store_open_readonly (path, &local);
  if (store == NULL)
    return refuse (error, g_steal_pointer (&local), _("The backup could not be opened"));
  /* The chain is read once, in order: a cache would only hold memory (25 MB at 50,000). */
  hw_store_set_cache_size (store, 1);
  info->audit_intact = hw_store_audit_check (store, &report, &local);
  info->audit_entries = report.n_checked;
  if (!info->audit_intact)
    {
      if (strict)
        return refuse (error, g_steal_pointer (&local), _("The backup's audit trail is broken"));
      g_debug ("copied a database whose audit trail is broken (%s at entry %" G_GINT64_FORMAT ")",
               hw_audit_break_to_string (report.kind), report.seq);
    }
  return TRUE;
}

/* ---- backup ---- */

/* Writes @src to @dest through a checked temporary file beside it. */
static gboolean
backup_from (sqlite3 *src, const char *dest, HwBackupInfo *info, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *tmp = NULL;
  g_autoptr(sqlite3) dst = NULL;
  HwBackupInfo local_info = { 0 };
  gboolean ok;

  if (info == NULL)
    info = &local_info;
  hw_backup_info_clear (info);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && !ensure_private_dir (dir, error))
    return FALSE;
  tmp = make_temp (dir, "backup", error);
  if (tmp == NULL)
    return FALSE;

  dst = open_raw (tmp, SQLITE_OPEN_READWRITE, error);
  ok = dst != NULL;
  ok = ok && copy_database (src, dst, error);
  /* A backup is one self-contained file: no WAL beside it. */
  ok = ok && exec_raw (dst, "PRAGMA journal_mode = DELETE", error);
  g_clear_pointer (&dst, sqlite3_close);
  ok = ok && check_copy (tmp, 0, FALSE, info, error);
  ok = ok && sync_file (tmp, error);
  if (ok && g_rename (tmp, dest) != 0)
    ok = set_errno_error (error, errno, _("Could not write %s"), dest);
  if (!ok)
    {
      remove_db_files (tmp);
      hw_backup_info_clear (info);
      return FALSE;
    }
  remove_db_files (tmp);   /* the journal, if any; the file itself was renamed */
  sync_dir (dir);
  info->path = g_strdup (dest);
  hw_backup_info_clear (&local_info);
  g_debug ("backup written: %" G_GUINT64_FORMAT " audit entries", info->audit_entries);
  return TRUE;
}

gboolean
hw_store_backup (HwStore *self, const char *dest, HwBackupInfo *info, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  /* The backup API would copy the uncommitted changes of our own connection. */
  g_return_val_if_fail (!hw_store_in_transaction (self), FALSE);

  return backup_from (hw_store_get_handle (self), dest, info, error);
}

gboolean
hw_store_backup_file (const char *db_path, const char *dest, HwBackupInfo *info,
                      GError **error)
{
  g_autoptr(sqlite3) src = NULL;

  g_return_val_if_fail (db_path != NULL && dest != NULL, FALSE);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No database at %s"), db_path);
      return FALSE;
    }
  src = open_raw (db_path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return FALSE;
  return backup_from (src, dest, info, error);
}

char *
hw_store_dup_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* What a database's backups are named after: its whole file name ("case.db" gives
 * "case.db-YYYY-MM-DD.db"), so "case.db" and "case.sqlite" in one folder never share, or thin
 * away, each other's backups. */
static char *
dup_prefix (const char *db_path)
{
  return g_path_get_basename (db_path);
}

static gboolean
is_sqlite_file (const char *path)
{
  char header[16];
  gboolean yes = FALSE;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

  if (fd < 0)
    return FALSE;
  yes = read (fd, header, sizeof header) == sizeof header &&
        memcmp (header, "SQLite format 3", 16) == 0;
  close (fd);
  return yes;
}

/* Backups used to be named after the file name without its extension ("case-…" for case.db).
 * Those are still this database's when no other database in its folder has that stem; when
 * one has, nobody can tell whose they are, and they are left alone (never thinned). NULL when
 * there are none to consider. */
static char *
dup_legacy_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *own_files = g_strconcat (base, "-", NULL);
  char *dot = strrchr (base, '.');
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dot == NULL || dot == base)
    return NULL;   /* no extension: the old name was the whole name already */
  *dot = '\0';
  d = g_dir_open (folder, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      const char *other_dot = strrchr (name, '.');
      /* "case.sqlite", or "case" itself (whose backups were always "case-…"). */
      gboolean same_stem = g_str_equal (name, base) ||
                           (other_dot && other_dot != name &&
                            (size_t) (other_dot - name) == strlen (base) &&
                            strncmp (name, base, strlen (base)) == 0);

      if (!same_stem || g_str_has_prefix (name, own_files))
        continue;
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autofree char *own = g_path_get_basename (db_path);

        if (!g_str_equal (name, own) && is_sqlite_file (path))
          return NULL;   /* another database with the same stem */
      }
    }
  return g_strdup (base);
}

/* The day of an automatic backup's name, or 0 when @name is not one of @stem's. */
static guint32
parse_backup_day (const char *name, const char *stem)
{
  size_t len = strlen (stem);
  int y, m, d;
  char tail[4];

  if (strncmp (name, stem, len) != 0 || name[len] != '-' || strlen (name + len) != 14)
    return 0;
  for (guint i = 1; i <= 10; i++)
    if (i == 5 || i == 8 ? name[len + i] != '-' : !g_ascii_isdigit (name[len + i]))
      return 0;
  if (sscanf (name + len + 1, "%4d-%2d-%2d%3s", &y, &m, &d, tail) != 4 ||
      !g_str_equal (tail, ".db") || !g_date_valid_dmy (d, m, y))
    return 0;
  return (guint32) (y * 10000 + m * 100 + d);
}

typedef struct {
  guint32 day;     /* YYYYMMDD */
  char   *path;
} Found;

static void
found_free (gpointer data)
{
  Found *f = data;
  g_free (f->path);
  g_free (f);
}

static int
found_newest_first (gconstpointer a, gconstpointer b)
{
  const Found *fa = *(Found *const *) a, *fb = *(Found *const *) b;

  return fa->day < fb->day ? 1 : fa->day > fb->day ? -1 : 0;
}

/* The automatic backups of @db_path, newest first. */
static GPtrArray *
find_backups (const char *db_path)
{
  g_autofree char *dir = hw_store_dup_backup_dir (db_path);
  g_autofree char *prefix = dup_prefix (db_path);
  g_autofree char *legacy = dup_legacy_stem (db_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (found_free);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      guint32 day = parse_backup_day (name, prefix);

      if (day == 0 && legacy)
        day = parse_backup_day (name, legacy);

      if (day)
        {
          Found *f = g_new0 (Found, 1);
          f->day = day;
          f->path = g_build_filename (dir, name, NULL);
          g_ptr_array_add (found, f);
        }
    }
  g_ptr_array_sort (found, found_newest_first);
  return found;
}

GPtrArray *
hw_store_backup_list (const char *db_path)
{
  g_autoptr(GPtrArray) found = find_backups (db_path);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_strdup (((Found *) found->pdata[i])->path));
  return paths;
}

/* Monday of the day's ISO week, as a Julian day: one key per week. */
static guint32
week_key (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
  return g_date_get_julian (&date) - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* Keeps the newest HW_BACKUP_KEEP_DAILY backups, then the newest backup of each of the
 * HW_BACKUP_KEEP_WEEKLY weeks before them; removes the rest. Also keeps only the newest
 * HW_BACKUP_KEEP_SAFETY copies taken before restores. */
static void
prune (const char *db_path)
{
  g_autoptr(GPtrArray) found = find_backups (db_path);
  g_autoptr(GHashTable) weeks = g_hash_table_new (NULL, NULL);
  guint weekly = 0;

  for (guint i = 0; i < found->len; i++)
    {
      Found *f = found->pdata[i];
      guint32 week = week_key (f->day);
      gboolean keep = FALSE;

      if (i < HW_BACKUP_KEEP_DAILY)
        keep = TRUE;
      else if (!g_hash_table_contains (weeks, GUINT_TO_POINTER (week)) &&
               weekly < HW_BACKUP_KEEP_WEEKLY)
        {
          keep = TRUE;
          weekly++;
        }
      g_hash_table_add (weeks, GUINT_TO_POINTER (week));
      if (!keep)
        {
          g_debug ("removing an old backup");
          g_unlink (f->path);
        }
    }

  /* Safety copies: "<name>-before-restore-YYYYMMDD-HHMMSS.db": sorted by what follows the
   * prefix, which is by time. */
  {
    g_autofree char *dir = hw_store_dup_backup_dir (db_path);
    g_autofree char *own = dup_prefix (db_path);
    g_autofree char *legacy = dup_legacy_stem (db_path);
    g_autofree char *prefix = g_strconcat (own, "-before-restore-", NULL);
    g_autofree char *legacy_prefix = legacy ? g_strconcat (legacy, "-before-restore-", NULL)
                                            : NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        const char *rest = NULL;

        if (g_str_has_prefix (name, prefix))
          rest = name + strlen (prefix);
        else if (legacy_prefix && g_str_has_prefix (name, legacy_prefix))
          rest = name + strlen (legacy_prefix);
        /* "<time>\x1f<name>": sorts by time, keeps the name. */
        if (rest && g_str_has_suffix (name, ".db"))
          g_ptr_array_add (names, g_strconcat (rest, "\x1f", name, NULL));
      }
    g_ptr_array_sort (names, compare_strings);
    for (guint i = 0; i + HW_BACKUP_KEEP_SAFETY < names->len; i++)
      {
        g_autofree char *path = g_build_filename (dir, strchr (names->pdata[i], '\x1f') + 1,
                                                  NULL);
        g_unlink (path);
      }
  }
}

/* Renames this database's backups named after its stem to the names after its whole file
 * name, when they are unambiguously its own. Under the folder's lock. */
static void
migrate_legacy_names (const char *db_path)
{
  g_autofree char *dir = hw_store_dup_backup_dir (db_path);
  g_autofree char *own = dup_prefix (db_path);
  g_autofree char *legacy = dup_legacy_stem (db_path);
  g_autofree char *legacy_dash = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (legacy == NULL)
    return;
  legacy_dash = g_strconcat (legacy, "-", NULL);
  d = g_dir_open (dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      const char *rest = name + strlen (legacy_dash);

      if (!g_str_has_prefix (name, legacy_dash) || !g_str_has_suffix (name, ".db"))
        continue;
      if (parse_backup_day (name, legacy) != 0 || g_str_has_prefix (rest, "before-restore-") ||
          g_str_has_prefix (rest, "damaged-"))
        {
          g_autofree char *from = g_build_filename (dir, name, NULL);
          g_autofree char *to_name = g_strconcat (own, "-", rest, NULL);
          g_autofree char *to = g_build_filename (dir, to_name, NULL);

          if (!g_file_test (to, G_FILE_TEST_EXISTS) && g_rename (from, to) == 0)
            g_debug ("renamed an old backup after the whole database name");
        }
    }
}

gboolean
hw_store_backup_auto (const char *db_path, GDateTime *now, gboolean force, HwBackupInfo *info,
                      GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) lock_error = NULL;
  HwBackupInfo local_info = { 0 };
  guint32 today;
  gboolean ok = TRUE;
  int y, m, d;
  int lock;

  g_return_val_if_fail (db_path != NULL, FALSE);
  if (info == NULL)
    info = &local_info;
  hw_backup_info_clear (info);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No database at %s"), db_path);
      return FALSE;
    }
  dir = hw_store_dup_backup_dir (db_path);
  if (!ensure_private_dir (dir, error))
    return FALSE;
  lock = lock_dir (dir, force, &lock_error);
  if (lock < 0)
    {
      if (force)
        {
          g_propagate_error (error, g_steal_pointer (&lock_error));
          return FALSE;
        }
      return TRUE;   /* another program is taking today's backup */
    }

  remove_stale_temps (dir);
  migrate_legacy_names (db_path);
  local_now = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_date_time_get_ymd (local_now, &y, &m, &d);
  today = (guint32) (y * 10000 + m * 100 + d);
  found = find_backups (db_path);

  /* At most one a day: none if today's (or, clock set back, a later day's) exists. */
  if (force || found->len == 0 || ((Found *) found->pdata[0])->day < today)
    {
      stem = dup_prefix (db_path);
      name = g_strdup_printf ("%s-%04d-%02d-%02d.db", stem, y, m, d);
      dest = g_build_filename (dir, name, NULL);
      ok = hw_store_backup_file (db_path, dest, info, error);
    }
  if (ok)
    prune (db_path);
  unlock_dir (lock);
  hw_backup_info_clear (&local_info);
  return ok;
}

/* ---- restore ---- */

/* Checks @path on a private copy in @dir: the file itself is never opened by SQLite, so never
 * changed. The copy is a temporary file like a restore's, so a check that is killed leaves it
 * where the next backup, restore or check removes it, never in a shared /tmp. */
static gboolean
check_in (const char *dir, const char *path, HwBackupInfo *info, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No backup at %s"), path);
      return FALSE;
    }
  tmp = make_temp (dir, "check", error);
  if (tmp == NULL)
    return FALSE;
  wal = g_strconcat (path, "-wal", NULL);
  ok = copy_bytes (path, tmp, error);
  if (ok && g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
      ok = copy_bytes (wal, tmp_wal, error);
    }
  ok = ok && check_copy (tmp, 0, TRUE, info, error);
  remove_db_files (tmp);
  return ok;
}

gboolean
hw_store_backup_check (const char *path, HwBackupInfo *info, GError **error)
{
  g_autofree char *dir = NULL;
  HwBackupInfo local_info = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  if (info == NULL)
    info = &local_info;
  hw_backup_info_clear (info);

  dir = g_path_get_dirname (path);
  ok = check_in (dir, path, info, error);
  hw_backup_info_clear (&local_info);
  return ok;
}

gboolean
hw_store_backup_check_for (const char *db_path, const char *path, HwBackupInfo *info,
                           GError **error)
{
  g_autofree char *dir = NULL;
  HwBackupInfo local_info = { 0 };
  gboolean ok;
  int lock;

  g_return_val_if_fail (db_path != NULL && path != NULL, FALSE);
  if (info == NULL)
    info = &local_info;
  hw_backup_info_clear (info);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No backup at %s"), path);
      return FALSE;
    }
  dir = hw_store_dup_backup_dir (db_path);
  if (!ensure_private_dir (dir, error))
    return FALSE;
  lock = lock_dir (dir, TRUE, error);
  if (lock < 0)
    return FALSE;
  remove_stale_temps (dir);
  ok = check_in (dir, path, info, error);
  unlock_dir (lock);
  hw_backup_info_clear (&local_info);
  return ok;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static char *
dup_timestamp_name (const char *db_path, const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stem = dup_prefix (db_path);
  g_autofree char *dir = hw_store_dup_backup_dir (db_path);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.db", stem, what, stamp);
  char *path = g_build_filename (dir, name, NULL);

  /* Two restores in one second: keep both. */
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      g_free (name);
      name = g_strdup_printf ("%s-%s-%s-%u.db", stem, what, stamp, i);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}

/* Keeps what is at @db_path before it is replaced. A readable database goes through the backup
 * API (with its WAL); a damaged one is copied byte for byte, WAL and all. */
static gboolean
keep_current (const char *db_path, char **kept, gboolean *damaged, GError **error)
{
  g_autoptr(sqlite3) src = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *wal = NULL;
  HwBackupInfo info = { 0 };
  GStatBuf st;
  int n;

  *kept = NULL;
  *damaged = FALSE;
  if (g_stat (db_path, &st) != 0 || st.st_size == 0)
    return TRUE;

  dest = dup_timestamp_name (db_path, "before-restore");
  src = open_raw (db_path, SQLITE_OPEN_READONLY, &local);
  if (src && query_int (src, "SELECT count(*) FROM sqlite_schema", &n, &local) &&
      backup_from (src, dest, &info, &local))
    {
      /* A broken trail is evidence: not one of the few safety copies that are thinned. */
      if (!info.audit_intact)
        {
          g_autofree char *evidence = dup_timestamp_name (db_path, "broken-trail");

          if (g_rename (dest, evidence) == 0)
            {
              g_free (dest);
              dest = g_steal_pointer (&evidence);
            }
        }
      hw_backup_info_clear (&info);
      *kept = g_steal_pointer (&dest);
      return TRUE;
    }
  g_clear_pointer (&src, sqlite3_close);
  g_debug ("the current database could not be read (%s); keeping its bytes",
           local ? local->message : "?");
  *damaged = TRUE;
  g_free (dest);
  dest = dup_timestamp_name (db_path, "damaged");
  if (!copy_bytes (db_path, dest, error))
    return FALSE;
  wal = g_strconcat (db_path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *dest_wal = g_strconcat (dest, "-wal", NULL);
      if (!copy_bytes (wal, dest_wal, error))
        return FALSE;
    }
  *kept = g_steal_pointer (&dest);
  return TRUE;
}

/* The restore entry's detail (untranslated: the trail is read by tools too). */
static char *
restore_detail (const HwBackupInfo *info, const char *kept, gboolean damaged)
{
  g_autofree char *kept_name = kept ? g_path_get_basename (kept) : NULL;

  return g_strdup_printf ("restored a verified backup: %" G_GUINT64_FORMAT " audit entries, "
                          "schema %d%s%s", info->audit_entries, info->schema_version,
                          kept_name ? (damaged ? "; the unreadable database was kept as "
                                               : "; the replaced database was kept as ")
                                    : "",
                          kept_name ? kept_name : "");
}

/* Puts the checked copy at @tmp in place of the database at @db_path. The copy receives the
 * replaced database's audit entries it lacks and the "restore" entry before it goes in, in the
 * same transaction that installs it: no entry is ever lost, and no restore goes unrecorded,
 * wherever the process is killed. */
static gboolean
install (const char *db_path, const char *tmp, gboolean damaged, const char *actor,
         const char *detail, GError **error)
{
  g_autoptr(sqlite3) live = NULL;
  g_autoptr(sqlite3) src = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = g_path_get_dirname (db_path);
  gboolean recorded = FALSE;
  int n;

  src = open_raw (tmp, SQLITE_OPEN_READWRITE, error);
  if (src == NULL)
    return FALSE;
  if (!damaged && g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      /* Through SQLite, under its locks, in one transaction: a program that has the database
       * open sees the old contents or the new; a crash leaves one or the other. */
      live = open_raw (db_path, SQLITE_OPEN_READWRITE, &local);
      /* WAL (as the store always leaves it, but a file copied in may not be): the trail is
       * read below while the write lock is held, which only WAL lets a reader do. */
      if (live && query_int (live, "SELECT count(*) FROM sqlite_schema", &n, &local) &&
          exec_raw (live, "PRAGMA journal_mode = WAL", &local))
        {
          sqlite3_backup *backup = sqlite3_backup_init (live, "main", src, "main");
          gint64 deadline = g_get_monotonic_time () + (gint64) BUSY_TIMEOUT_MS * 1000;
          int rc;

          if (backup == NULL)
            return raw_error (live, sqlite3_errcode (live), error);
          /* A step of no pages takes the database's write lock and keeps it until the copy
           * is done: from here on nobody can append to the trail being carried forward. */
          while (((rc = sqlite3_backup_step (backup, 0)) & 0xff) == SQLITE_BUSY &&
                 g_get_monotonic_time () < deadline)
            g_usleep (20 * 1000);
          if (rc == SQLITE_OK || rc == SQLITE_DONE)
            {
              /* Read on a connection of its own: the lock-holding one is the backup's. */
              g_autoptr(HwStore) from = hw_store_open_readonly (db_path, error);

              if (from)
                hw_store_set_cache_size (from, 1);
              if (from == NULL ||
                  !hw_store_audit_carry_forward (from, db_path, src, actor, detail, error))
                {
                  g_clear_object (&from);
                  sqlite3_backup_finish (backup);
                  return FALSE;
                }
              g_clear_object (&from);
              recorded = TRUE;
              while (((rc = sqlite3_backup_step (backup, -1)) & 0xff) == SQLITE_BUSY &&
                     g_get_monotonic_time () < deadline)
                g_usleep (20 * 1000);
            }
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            return TRUE;
          if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            {
              g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                           _("The database is in use by another program; try again"));
              return FALSE;
            }
          g_set_error (&local, HW_ERROR, HW_ERROR_FAILED,
                       _("The database could not be copied: %s"), sqlite3_errstr (rc));
        }
      if (local->domain == HW_ERROR && local->code == HW_ERROR_BUSY)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_debug ("the current database cannot take the copy (%s); replacing the file",
               local->message);
      g_clear_pointer (&live, sqlite3_close);
    }

  /* Nothing usable there (or nothing at all): the file itself is replaced, its restore entry
   * written first. Its WAL must go first, or SQLite would replay the old file's changes onto
   * the new one. Only reached when the database could not be read, so no program is working
   * with it. */
  if (!recorded && !hw_store_audit_carry_forward (NULL, db_path, src, actor, detail, error))
    return FALSE;
  g_clear_pointer (&src, sqlite3_close);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && !ensure_private_dir (dir, error))
    return FALSE;
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (journal);
  }
  if (!sync_file (tmp, error))
    return FALSE;
  if (g_rename (tmp, db_path) != 0)
    return set_errno_error (error, errno, _("Could not replace %s"), db_path);
  sync_dir (dir);
  return TRUE;
}

/* The restored database (its restore entry already in) must pass the checks again. */
static gboolean
check_restored (const char *db_path, GError **error)
{
  g_autoptr(HwStore) store = hw_store_open (db_path, error);
  HwAuditReport report;
  sqlite3 *db;
  int ok_int = 0;

  if (store == NULL)
    return FALSE;
  db = hw_store_get_handle (store);
  if (!query_int (db, "SELECT quick_check = 'ok' FROM pragma_quick_check", &ok_int, error))
    return FALSE;
  if (!ok_int)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("The restored database failed its integrity check"));
      return FALSE;
    }
  if (!hw_store_audit_check (store, &report, error))
    return FALSE;
  /* The trail now ends in the restore entry: the copy kept outside follows. */
  hw_store_audit_save_outside_head (store, &report);
  return TRUE;
}

gboolean
hw_store_restore (const char *db_path, const char *backup_path, const char *actor,
                  HwBackupInfo *info, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *kept = NULL;
  HwBackupInfo local_info = { 0 };
  gboolean damaged = FALSE;
  gboolean ok = TRUE;
  int page_size = 4096;
  int lock;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);
  if (info == NULL)
    info = &local_info;
  hw_backup_info_clear (info);

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No backup at %s"), backup_path);
      return FALSE;
    }
  if (same_file (db_path, backup_path))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s is the database itself, not a backup of it"), backup_path);
      return FALSE;
    }

  dir = hw_store_dup_backup_dir (db_path);
  if (!ensure_private_dir (dir, error))
    return FALSE;
  lock = lock_dir (dir, TRUE, error);
  if (lock < 0)
    return FALSE;
  remove_stale_temps (dir);
  migrate_legacy_names (db_path);

  /* What is checked is what is installed: a private copy, out of anyone else's reach. */
  tmp = make_temp (dir, "restore", error);
  ok = tmp != NULL && copy_bytes (backup_path, tmp, error);
  wal = g_strconcat (backup_path, "-wal", NULL);
  if (ok && g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *tmp_wal = g_strconcat (tmp, "-wal", NULL);
      ok = copy_bytes (wal, tmp_wal, error);
    }
  if (ok && g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(sqlite3) live = open_raw (db_path, SQLITE_OPEN_READONLY, NULL);
      int size;

      if (live && query_int (live, "PRAGMA page_size", &size, NULL) && size > 0)
        page_size = size;
    }
  ok = ok && check_copy (tmp, page_size, TRUE, info, error);
  ok = ok && keep_current (db_path, &kept, &damaged, error);
  if (ok)
    {
      g_autofree char *detail = restore_detail (info, kept, damaged);

      ok = install (db_path, tmp, damaged, actor, detail, error);
    }
  if (tmp)
    remove_db_files (tmp);
  if (ok)
    {
      info->path = g_steal_pointer (&kept);
      ok = check_restored (db_path, error);
    }
  else if (kept && !damaged)
    g_unlink (kept);   /* nothing was replaced: the copy is not needed */
  if (ok)
    prune (db_path);
  unlock_dir (lock);
  hw_backup_info_clear (&local_info);
  return ok;
}
