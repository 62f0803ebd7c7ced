/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store-audit"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-audit.h"
#include "hw-store-audit-private.h"
#include "hw-store-backup.h"
#include "hw-store-private.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Where the next entry chains on, read once per transaction (hw_store_begin resets it: another
 * process may have appended meanwhile) and carried in memory while the transaction lasts. */
typedef struct {
  gint64   seq;
  char     hash[65];
  gboolean appended;   /* this transaction added entries: the outside copy follows at commit */
} Head;

/* Not G_DEFINE_QUARK: that defines a public function, and this one is the file's own. */
static GQuark
head_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("hw-store-audit-head");
  return quark;
}

void
hw_store_audit_reset_head (HwStore *self)
{
  g_object_set_qdata (G_OBJECT (self), head_quark (), NULL);
}

static char *
compute_hash (const char *prev, gint64 seq, const char *at, const char *actor,
              const char *action, const char *entity, const char *record_id,
              const char *case_id, const char *detail)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  const char *parts[] = { prev, seq_text, at, actor, action, entity, record_id, case_id, detail };

  /* Unit separators keep ("ab","c") and ("a","bc") apart. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (sum, (const guchar *) (parts[i] ? parts[i] : ""), -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
copy_hash (char dest[65], const char *hash)
{
  g_strlcpy (dest, hash ? hash : "", 65);
}

/* Reads seq and hash of one row of @sql; FALSE with @found unset when there is none. */
static gboolean
read_seq_hash (HwStore *self, const char *sql, gboolean *found, gint64 *seq, char hash[65],
               GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      *seq = sqlite3_column_int64 (stmt, 0);
      copy_hash (hash, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return hw_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The head is the source of truth for where the chain continues: after the newest entries
 * were removed, new entries still follow the head and the gap stays visible. When the head is
 * missing or behind the last row (both only by tampering), continue after the last row: the
 * head's absence stays visible to verify, and writes go on. */
static Head *
load_head (HwStore *self, GError **error)
{
  Head *head = g_object_get_qdata (G_OBJECT (self), head_quark ());
  gboolean have_head, have_last;
  gint64 head_seq = 0, last_seq = 0;
  char head_hash[65], last_hash[65];

  if (head != NULL)
    return head;
  if (!read_seq_hash (self, "SELECT seq, hash FROM audit_head WHERE id = 1", &have_head,
                      &head_seq, head_hash, error) ||
      !read_seq_hash (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &have_last,
                      &last_seq, last_hash, error))
    return NULL;

  head = g_new0 (Head, 1);
  if (have_head && (!have_last || head_seq >= last_seq))
    {
      head->seq = head_seq;
      copy_hash (head->hash, head_hash);
    }
  else if (have_last)
    {
      g_debug ("audit head missing or behind; continuing after entry %" G_GINT64_FORMAT,
               last_seq);
      head->seq = last_seq;
      copy_hash (head->hash, last_hash);
    }
  else
    {
      head->seq = 0;
      copy_hash (head->hash, GENESIS);
    }
  g_object_set_qdata_full (G_OBJECT (self), head_quark (), head, g_free);
  return head;
}

gboolean
hw_store_audit_append (HwStore    *self,
                       const char *action,
                       const char *entity,
                       const char *record_id,
                       const char *case_id,
                       const char *detail,
                       GError    **error)
{
  g_autofree char *at = hw_timestamp_now_utc ();
  g_autofree char *hash = NULL;
  const char *actor = hw_store_get_actor (self);
  sqlite3_stmt *stmt;
  Head *head;
  gint64 seq;
  int rc;

  g_return_val_if_fail (hw_store_in_transaction (self), FALSE);

  head = load_head (self, error);
  if (head == NULL)
    return FALSE;
  seq = head->seq + 1;
  hash = compute_hash (head->hash, seq, at, actor, action, entity, record_id, case_id, detail);

  stmt = hw_store_prepare_cached (self,
                                  "INSERT INTO audit (seq, at, actor, action, entity, record_id, "
                                  "case_id, detail, prev_hash, hash) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, head->hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_audit_reset_head (self);
      return hw_store_set_sqlite_error (self, rc, error);
    }
  head->seq = seq;
  copy_hash (head->hash, hash);
  head->appended = TRUE;
  return TRUE;
}

/* ---- the head kept outside the database ---- */

char *
hw_store_dup_audit_head_path (const char *db_path)
{
  g_autofree char *dir = hw_store_dup_backup_dir (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *name = g_strconcat (base, ".audit-head", NULL);

  return g_build_filename (dir, name, NULL);
}

/* "SEQ HASH"; FALSE when there is no readable copy. */
static gboolean
read_outside_head (const char *db_path, gint64 *seq, char hash[65])
{
  g_autofree char *path = hw_store_dup_audit_head_path (db_path);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  char *end = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  parts = g_strsplit (g_strstrip (text), " ", 2);
  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 64)
    return FALSE;
  *seq = g_ascii_strtoll (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0' || *seq <= 0)
    return FALSE;
  copy_hash (hash, parts[1]);
  return TRUE;
}

/* Only forward (another program may have committed a later entry and written it first),
 * unless @force: a restore may leave a shorter trail than the one it replaced (its entries
 * could not all be read), and its entry names the copy it overwrites. */
static void
write_outside_head (const char *db_path, gint64 seq, const char *hash, gboolean force)
{
  g_autofree char *path = hw_store_dup_audit_head_path (db_path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", seq, hash);
  char old_hash[65];
  gint64 old_seq = 0;

  if (!force && read_outside_head (db_path, &old_seq, old_hash) && old_seq >= seq)
    return;
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("no folder for the outside copy of the audit head: %s", g_strerror (errno));
      return;
    }
  /* The commit is done whatever happens here; a copy that lags only vouches for less. A new
   * file renamed over the old: a reader sees one whole line or the other. Not fsynced (that
   * doubled the time of a small commit): after a power cut the copy may be older or empty,
   * which verify takes as an older head or as none, never as tampering. The temporary name is
   * the backup folder's, so one left by a kill goes with the next backup's clean-up. */
  {
    g_autofree char *tmp = g_build_filename (dir, ".hw-tmp-head-XXXXXX", NULL);
    int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
    gsize len = strlen (text);
    gboolean ok;

    if (fd < 0)
      {
        g_debug ("the outside copy of the audit head was not written: %s", g_strerror (errno));
        return;
      }
    ok = write (fd, text, len) == (gssize) len;
    ok = close (fd) == 0 && ok;
    if (!ok || g_rename (tmp, path) != 0)
      {
        g_debug ("the outside copy of the audit head was not written: %s", g_strerror (errno));
        g_unlink (tmp);
      }
  }
}

void
hw_store_audit_committed (HwStore *self)
{
  Head *head = g_object_get_qdata (G_OBJECT (self), head_quark ());

  if (head == NULL || !head->appended)
    return;
  head->appended = FALSE;
  write_outside_head (hw_store_get_path (self), head->seq, head->hash, FALSE);
}

void
hw_store_audit_save_outside_head (HwStore *self, const HwAuditReport *report)
{
  if (report->head_seq > 0)
    write_outside_head (hw_store_get_path (self), report->head_seq, report->head_hash, TRUE);
}

gboolean
hw_store_log_disclosure (HwStore    *self,
                         const char *what,
                         guint       n_cases,
                         const char *destination,
                         GError    **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  /* English and untranslated like the other entries (the trail is evidence, read by tools as
   * well); no search text, which may be an identity number. */
  detail = g_strdup_printf ("%u %s to %s", n_cases, n_cases == 1 ? "case" : "cases",
                            destination ? destination : "-");
  if (!hw_store_begin (self, error))
    return FALSE;
  ok = hw_store_audit_append (self, "disclose", what, NULL, NULL, detail, error);
  if (!ok)
    {
      hw_store_rollback (self);
      return FALSE;
    }
  return hw_store_commit (self, error);
}

void
hw_audit_entry_free (HwAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->record_id);
  g_free (entry->case_id);
  g_free (entry->detail);
  g_free (entry);
}

#define COL(i) g_strdup ((const char *) sqlite3_column_text (stmt, i))

GPtrArray *
hw_store_audit_list (HwStore *self, const char *case_id, GError **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_audit_entry_free);
  stmt = hw_store_prepare_cached (self, case_id ?
                                  "SELECT seq, at, actor, action, entity, record_id, case_id, "
                                  "detail FROM audit WHERE case_id = ?1 ORDER BY seq" :
                                  "SELECT seq, at, actor, action, entity, record_id, case_id, "
                                  "detail FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  if (case_id)
    sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HwAuditEntry *e = g_new0 (HwAuditEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = COL (1);
      e->actor = COL (2);
      e->action = COL (3);
      e->entity = COL (4);
      e->record_id = COL (5);
      e->case_id = COL (6);
      e->detail = COL (7);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

const char *
hw_audit_break_to_string (HwAuditBreak kind)
{
  switch (kind)
    {
    case HW_AUDIT_INTACT: return "intact";
    case HW_AUDIT_EDITED: return "edited";
    case HW_AUDIT_MISSING: return "missing";
    case HW_AUDIT_REORDERED: return "reordered";
    case HW_AUDIT_TRUNCATED: return "truncated";
    case HW_AUDIT_ADDED: return "added";
    case HW_AUDIT_HEAD: return "head";
    case HW_AUDIT_UNPROTECTED: return "unprotected";
    case HW_AUDIT_REWRITTEN: return "rewritten";
    default: return "unknown";
    }
}

static gboolean
table_exists (HwStore *self, const char *name, gboolean *exists, GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT 1 FROM sqlite_schema "
                                                "WHERE type = 'table' AND name = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  *exists = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return hw_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The entry whose hash is @hash, or 0. Only on the failure path: a full scan is fine. */
static gint64
find_by_hash (HwStore *self, const char *hash)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  if (hash == NULL)
    return 0;
  stmt = hw_store_prepare_cached (self, "SELECT seq FROM audit WHERE hash = ?1 LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return seq;
}

/* long long, not gint64: G_GINT64_FORMAT inside a message cuts it short for xgettext. */
static void
set_break (HwAuditReport *report, HwAuditBreak kind, long long seq, long long until,
           GError **error)
{
  report->kind = kind;
  report->seq = seq;
  switch (kind)
    {
    case HW_AUDIT_EDITED:
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("Audit trail broken at entry %lld: the entry was edited"),
                   seq);
      break;
    case HW_AUDIT_MISSING:
      if (until > seq)
        g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                     _("Audit trail broken at entry %lld: entries %lld–%lld were removed"),
                     seq, seq, until);
      else
        g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                     _("Audit trail broken at entry %lld: the entry was removed"), seq);
      break;
    case HW_AUDIT_REORDERED:
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("Audit trail broken at entry %lld: entries were reordered "
                     "(this one belongs after entry %lld)"), seq, until);
      break;
    case HW_AUDIT_TRUNCATED:
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("Audit trail broken at entry %lld: the newest entries, %lld–%lld, "
                     "were removed"),
                   seq, seq, until);
      break;
    case HW_AUDIT_ADDED:
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("Audit trail broken at entry %lld: entries from here on "
                     "were added outside Homeward"), seq);
      break;
    case HW_AUDIT_HEAD:
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("Audit trail broken at entry %lld: the record of the "
                     "newest entry was removed or altered"), seq);
      break;
    case HW_AUDIT_UNPROTECTED:
    case HW_AUDIT_REWRITTEN:
    case HW_AUDIT_INTACT:
    default:
      g_assert_not_reached ();
    }
}

/* Classifies a row whose prev_hash does not continue the chain. */
static void
classify_misplaced (HwStore *self, gint64 seq, const char *stored_prev, const char *stored,
                    const char *self_consistent_hash, HwAuditReport *report, GError **error)
{
  gint64 predecessor = find_by_hash (self, stored_prev);

  if (predecessor >= seq)
    /* The row was chained after a row that now stands later: rows were moved. */
    set_break (report, HW_AUDIT_REORDERED, seq, predecessor, error);
  else if (predecessor > 0 && predecessor < seq - 1)
    /* Chained after an earlier row: the rows between were removed and the rest renumbered. */
    set_break (report, HW_AUDIT_MISSING, predecessor + 1, seq - 1, error);
  else if (g_strcmp0 (self_consistent_hash, stored) == 0 && seq > 1)
    /* The row is as written, but what it was chained to is gone: the row before it was
     * rewritten (hash and all), or removed with the rest renumbered. */
    set_break (report, HW_AUDIT_EDITED, seq - 1, 0, error);
  else
    set_break (report, HW_AUDIT_EDITED, seq, 0, error);
}

static gboolean
walk_chain (HwStore *self, HwAuditReport *report, char last_hash[65], GError **error)
{
  sqlite3_stmt *stmt;
  char prev[65];
  gint64 expected_seq = 1;
  gboolean ok = TRUE;
  int rc;

  copy_hash (prev, GENESIS);
  stmt = hw_store_prepare_cached (self,
                                  "SELECT seq, at, actor, action, entity, record_id, case_id, "
                                  "detail, prev_hash, hash FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 8);
      const char *stored = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;
      g_autofree char *self_consistent = NULL;

#define ROW_HASH(p) compute_hash ((p), seq, (const char *) sqlite3_column_text (stmt, 1), \
                                  (const char *) sqlite3_column_text (stmt, 2), \
                                  (const char *) sqlite3_column_text (stmt, 3), \
                                  (const char *) sqlite3_column_text (stmt, 4), \
                                  (const char *) sqlite3_column_text (stmt, 5), \
                                  (const char *) sqlite3_column_text (stmt, 6), \
                                  (const char *) sqlite3_column_text (stmt, 7))
      if (seq > expected_seq)
        {
          set_break (report, HW_AUDIT_MISSING, expected_seq, seq - 1, error);
          ok = FALSE;
          break;
        }
      if (seq < expected_seq)
        {
          /* Only a row numbered 0 or below can get here (seq is the primary key). */
          set_break (report, HW_AUDIT_ADDED, seq, 0, error);
          ok = FALSE;
          break;
        }
      computed = ROW_HASH (prev);
      if (g_strcmp0 (stored_prev, prev) != 0)
        {
          g_autofree char *prev_copy = g_strdup (stored_prev);
          g_autofree char *stored_copy = g_strdup (stored);

          self_consistent = ROW_HASH (stored_prev);
          sqlite3_reset (stmt);
          classify_misplaced (self, seq, prev_copy, stored_copy, self_consistent, report, error);
          ok = FALSE;
          break;
        }
#undef ROW_HASH
      if (g_strcmp0 (stored, computed) != 0)
        {
          set_break (report, HW_AUDIT_EDITED, seq, 0, error);
          ok = FALSE;
          break;
        }
      copy_hash (prev, stored);
      expected_seq++;
      report->n_checked++;
    }
  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    return hw_store_set_sqlite_error (self, rc, error);
  copy_hash (last_hash, prev);
  return ok;
}

static gboolean
check_head (HwStore *self, HwAuditReport *report, const char *last_hash, GError **error)
{
  gint64 last_seq = (gint64) report->n_checked;
  gboolean have_table, have_head;
  gint64 head_seq = 0;
  char head_hash[65];

  if (!table_exists (self, "audit_head", &have_table, error))
    return FALSE;
  if (!have_table)
    return TRUE;   /* schema 2: a chain without a head, checked as far as it goes */
  if (!read_seq_hash (self, "SELECT seq, hash FROM audit_head WHERE id = 1", &have_head,
                      &head_seq, head_hash, error))
    return FALSE;
  if (!have_head)
    {
      set_break (report, HW_AUDIT_HEAD, MAX (last_seq, 1), 0, error);
      return FALSE;
    }
  report->head_seq = head_seq;
  copy_hash (report->head_hash, head_hash);
  if (head_seq > last_seq)
    {
      set_break (report, HW_AUDIT_TRUNCATED, last_seq + 1, head_seq, error);
      return FALSE;
    }
  if (head_seq < last_seq)
    {
      set_break (report, HW_AUDIT_ADDED, head_seq + 1, 0, error);
      return FALSE;
    }
  if (g_strcmp0 (head_hash, last_hash) != 0)
    {
      /* The last row was rewritten with a hash that fits its new content. */
      set_break (report, last_seq > 0 ? HW_AUDIT_EDITED : HW_AUDIT_HEAD, MAX (last_seq, 1), 0,
                 error);
      return FALSE;
    }
  return TRUE;
}

/* The name (second field) of a schema dump line. */
static char *
dup_object_name (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\x1f", 3);

  return g_strdup (g_strv_length (fields) >= 2 ? fields[1] : line);
}

/* The trail's protection is part of the schema: the triggers that refuse changes, the head
 * table and the trigger that moves it. A file whose schema is not exactly what Homeward's
 * migrations make at its version (a trigger dropped, changed or added, the head table
 * removed) was changed outside Homeward: that is a break, not an old file. */
static gboolean
check_protection (HwStore *self, HwAuditReport *report, GError **error)
{
  sqlite3 *db = hw_store_get_handle (self);
  sqlite3_stmt *stmt;
  g_autofree char *live = NULL;
  g_autofree char *reference = NULL;
  g_auto(GStrv) live_lines = NULL;
  g_auto(GStrv) reference_lines = NULL;
  g_autofree char *name = NULL;
  gboolean added = FALSE;
  int version;

  stmt = hw_store_prepare_cached (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_step (stmt);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (version > HW_STORE_SCHEMA_VERSION)
    return TRUE;   /* a newer schema: nothing to compare with, open refuses it anyway */

  live = hw_store_dump_schema (db, error);
  if (live == NULL)
    return FALSE;
  reference = version > 0 ? hw_store_reference_schema (version, error) : g_strdup ("");
  if (reference == NULL)
    return FALSE;
  if (g_str_equal (live, reference))
    return TRUE;

  live_lines = g_strsplit (live, "\n", -1);
  reference_lines = g_strsplit (reference, "\n", -1);
  for (guint i = 0; name == NULL && reference_lines[i]; i++)
    if (*reference_lines[i] && !g_strv_contains ((const char *const *) live_lines,
                                                 reference_lines[i]))
      name = dup_object_name (reference_lines[i]);
  for (guint i = 0; name == NULL && live_lines[i]; i++)
    if (*live_lines[i] && !g_strv_contains ((const char *const *) reference_lines,
                                            live_lines[i]))
      {
        name = dup_object_name (live_lines[i]);
        added = TRUE;
      }
  if (name == NULL)
    name = g_strdup ("?");

  report->seq = MAX ((gint64) report->n_checked, 1);
  if (g_str_equal (name, "audit_head") && !added)
    {
      set_break (report, HW_AUDIT_HEAD, report->seq, 0, error);
      return FALSE;
    }
  report->kind = HW_AUDIT_UNPROTECTED;
  if (added)
    g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                 _("Audit trail unprotected at entry %lld: “%s” was added to the database "
                   "outside Homeward"), (long long) report->seq, name);
  else
    g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                 _("Audit trail unprotected at entry %lld: “%s” was removed or altered "
                   "outside Homeward"), (long long) report->seq, name);
  return FALSE;
}

gboolean
hw_store_audit_check (HwStore *self, HwAuditReport *report, GError **error)
{
  HwAuditReport local = { 0 };
  gboolean own_tx, have_audit = FALSE;
  gboolean ok;
  char last_hash[65];

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (report == NULL)
    report = &local;
  memset (report, 0, sizeof *report);
  report->head_seq = -1;

  /* One snapshot: a writer in another process must not slip in between chain and head. */
  own_tx = !hw_store_in_transaction (self);
  if (own_tx && !hw_store_exec (self, "BEGIN", error))
    return FALSE;

  ok = table_exists (self, "audit", &have_audit, error);
  if (ok && !have_audit)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                   _("This database has no audit trail"));
      report->kind = HW_AUDIT_HEAD;
      ok = FALSE;
    }
  if (ok)
    ok = walk_chain (self, report, last_hash, error);
  /* What was done to the entries first (it names them), then what protects them. */
  if (ok)
    ok = check_head (self, report, last_hash, error);
  if (ok)
    ok = check_protection (self, report, error);

  if (own_tx)
    hw_store_exec (self, "COMMIT", NULL);
  if (ok)
    {
      report->kind = HW_AUDIT_INTACT;
      report->seq = 0;
    }
  else
    g_debug ("audit check: %s at entry %" G_GINT64_FORMAT,
             hw_audit_break_to_string (report->kind), report->seq);
  return ok;
}

/* Was @seq:@hash the head of the trail the newest entry, a restore, replaced? Then the copy
 * outside the database only missed its last update: the restore was killed before it wrote
 * the copy. Only the newest entry: any commit after the restore would have moved the copy
 * on, so an older restore entry cannot excuse a copy that disagrees. */
static gboolean
replaced_by_restore (HwStore *self, gint64 seq, const char *hash)
{
  g_autofree char *needle = g_strdup_printf ("%%-head=%" G_GINT64_FORMAT ":%s%%", seq, hash);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT 1 FROM (SELECT action, detail "
                                                "FROM audit ORDER BY seq DESC LIMIT 1) WHERE "
                                                "action = 'restore' AND detail LIKE ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

gboolean
hw_store_audit_check_outside (HwStore *self, HwAuditReport *report, gboolean *found,
                              GError **error)
{
  g_autofree char *path = NULL;
  char outside_hash[65], hash[65];
  gint64 outside_seq = 0, last = 0;
  gboolean have, ok = TRUE;
  gboolean own_tx;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  have = read_outside_head (hw_store_get_path (self), &outside_seq, outside_hash);
  if (found)
    *found = have;
  if (!have)
    return TRUE;

  own_tx = !hw_store_in_transaction (self);
  if (own_tx && !hw_store_exec (self, "BEGIN", error))
    return FALSE;
  if (!read_seq_hash (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", &have,
                      &last, hash, error))
    ok = FALSE;
  else if (outside_seq > last)
    {
      if (!replaced_by_restore (self, outside_seq, outside_hash))
        {
          g_autofree char *head_path = hw_store_dup_audit_head_path (hw_store_get_path (self));
          g_autofree char *where = g_path_get_basename (head_path);

          report->kind = HW_AUDIT_REWRITTEN;
          report->seq = last + 1;
          if (outside_seq == last + 1)
            g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                         _("Audit trail broken at entry %lld: the entry, recorded outside the "
                           "database (%s), is gone"), (long long) outside_seq, where);
          else
            g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                         _("Audit trail broken at entry %lld: entries %lld–%lld, recorded "
                           "outside the database (%s), are gone"),
                         (long long) last + 1, (long long) last + 1, (long long) outside_seq,
                         where);
          ok = FALSE;
        }
    }
  else
    {
      sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT hash FROM audit WHERE seq = ?1",
                                                    error);
      gboolean same = FALSE;

      if (stmt == NULL)
        ok = FALSE;
      else
        {
          sqlite3_bind_int64 (stmt, 1, outside_seq);
          same = sqlite3_step (stmt) == SQLITE_ROW &&
                 g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), outside_hash) == 0;
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
      if (ok && !same && !replaced_by_restore (self, outside_seq, outside_hash))
        {
          g_autofree char *head_path = hw_store_dup_audit_head_path (hw_store_get_path (self));
          g_autofree char *where = g_path_get_basename (head_path);

          report->kind = HW_AUDIT_REWRITTEN;
          report->seq = outside_seq;
          g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                       _("Audit trail broken at entry %lld: it is not the entry recorded "
                         "outside the database (%s); the trail was rewritten"),
                       (long long) outside_seq, where);
          ok = FALSE;
        }
    }
  if (own_tx)
    hw_store_exec (self, "COMMIT", NULL);
  return ok;
}

gboolean
hw_store_audit_verify (HwStore *self, gint64 *bad_seq, guint64 *n_checked, GError **error)
{
  HwAuditReport report;
  gboolean ok = hw_store_audit_check (self, &report, error);

  if (bad_seq)
    *bad_seq = ok ? 0 : report.seq;
  if (n_checked)
    *n_checked = report.n_checked;
  return ok;
}

/* ---- carrying a trail forward across a restore ---- */

static gboolean
raw_fail (sqlite3 *db, int rc, GError **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, HW_ERROR, HW_ERROR_BUSY,
                 _("The database is in use by another program (%s); try again"),
                 sqlite3_errmsg (db));
  else
    g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec_raw_tx (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : raw_fail (db, rc, error);
}

/* The hash of entry @seq, or FALSE (no error) when there is none. */
static gboolean
raw_hash_at (sqlite3 *db, gint64 seq, char hash[65])
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  hash[0] = '\0';
  if (sqlite3_prepare_v2 (db, "SELECT hash FROM audit WHERE seq = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  copy_hash (hash, (const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
raw_insert (sqlite3 *db, sqlite3_stmt *ins, gint64 seq, const char *const fields[7],
            const char *prev, const char *hash, GError **error)
{
  int rc;

  sqlite3_bind_int64 (ins, 1, seq);
  for (int i = 0; i < 7; i++)
    sqlite3_bind_text (ins, 2 + i, fields[i], -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 9, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 10, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (ins);
  sqlite3_reset (ins);
  sqlite3_clear_bindings (ins);
  return rc == SQLITE_DONE ? TRUE : raw_fail (db, rc, error);
}

/* Appends to @into (a restored copy, not yet installed, whose trail is the backup's, intact)
 * every entry of the replaced database's trail (@from; NULL when it could not be read) that the
 * backup does not hold, then the "restore" entry, in one transaction. Entries after the part
 * both trails share keep their number and hash when the backup's trail is exactly that shared
 * part (a backup of this database: the usual case); otherwise they are chained anew after the
 * backup's entries, content unchanged, and the restore entry names the replaced trail's head.
 * Only entries of @from that verify are carried: a break is named, never laundered. */
gboolean
hw_store_audit_carry_forward (HwStore    *from,
                              const char *db_path,
                              sqlite3    *into,
                              const char *actor,
                              const char *detail,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) ins = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(GString) text = g_string_new (detail);
  g_autoptr(GError) broken = NULL;
  g_autofree char *at = hw_timestamp_now_utc ();
  g_autofree char *restore_hash = NULL;
  HwAuditReport report = { 0 };
  sqlite3 *src = from ? hw_store_get_handle (from) : NULL;
  char last_hash[65], from_head[65] = "";
  gint64 b = 0, n = 0, k = 0, seq;
  gboolean have_last, verbatim;
  int rc;

  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();
  if (from && !hw_store_audit_check (from, &report, &broken) && report.seq == 0)
    {
      /* No verdict: the trail could not be read (rather than found broken). Restoring now
       * would drop its entries from the database; refuse instead. A database without any
       * trail (not Homeward's, or from its first version) has nothing to carry. */
      if (report.kind != HW_AUDIT_HEAD)
        {
          g_propagate_error (error, g_steal_pointer (&broken));
          return FALSE;
        }
      g_debug ("the replaced database has no audit trail: %s", broken->message);
    }
  if (from)
    n = (gint64) report.n_checked;

  if (!exec_raw_tx (into, "BEGIN IMMEDIATE", error))
    return FALSE;
  have_last = FALSE;
  {
    g_autoptr(sqlite3_stmt) last = NULL;

    rc = sqlite3_prepare_v2 (into, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", -1,
                             &last, NULL);
    if (rc != SQLITE_OK)
      goto fail;
    rc = sqlite3_step (last);
    if (rc == SQLITE_ROW)
      {
        have_last = TRUE;
        b = sqlite3_column_int64 (last, 0);
        copy_hash (last_hash, (const char *) sqlite3_column_text (last, 1));
      }
    else if (rc != SQLITE_DONE)
      goto fail;
  }
  if (!have_last)
    copy_hash (last_hash, GENESIS);

  /* The longest shared beginning: in a hash chain, equal hashes at an entry mean equal trails
   * up to it, so a binary search over the entry numbers finds it. */
  {
    gint64 lo = 0, hi = MIN (b, n);

    while (lo < hi)
      {
        gint64 mid = lo + (hi - lo + 1) / 2;
        char a[65], c[65];

        if (raw_hash_at (src, mid, a) && raw_hash_at (into, mid, c) && g_str_equal (a, c))
          lo = mid;
        else
          hi = mid - 1;
      }
    k = lo;
  }
  if (n > 0)
    raw_hash_at (src, n, from_head);
  verbatim = k == b;

  rc = sqlite3_prepare_v2 (into, "INSERT INTO audit (seq, at, actor, action, entity, record_id, "
                           "case_id, detail, prev_hash, hash) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1, &ins, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  seq = b;
  if (n > k)
    {
      rc = sqlite3_prepare_v2 (src, "SELECT seq, at, actor, action, entity, record_id, case_id, "
                               "detail, hash FROM audit WHERE seq > ?1 AND seq <= ?2 "
                               "ORDER BY seq", -1, &rows, NULL);
      if (rc != SQLITE_OK)
        {
          rc = raw_fail (src, rc, error);
          sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      sqlite3_bind_int64 (rows, 1, k);
      sqlite3_bind_int64 (rows, 2, n);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          const char *fields[7];
          g_autofree char *hash = NULL;

          for (int i = 0; i < 7; i++)
            fields[i] = (const char *) sqlite3_column_text (rows, 1 + i);
          seq++;
          hash = verbatim ? g_strdup ((const char *) sqlite3_column_text (rows, 8))
                          : compute_hash (last_hash, seq, fields[0], fields[1], fields[2],
                                          fields[3], fields[4], fields[5], fields[6]);
          if (!raw_insert (into, ins, seq, fields, last_hash, hash, error))
            {
              sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
              return FALSE;
            }
          copy_hash (last_hash, hash);
        }
      if (rc != SQLITE_DONE)
        {
          raw_fail (src, rc, error);
          sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      /* Machine-readable and untranslated, like every detail in the trail. */
      if (verbatim)
        g_string_append_printf (text, "; carried entries %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                " of the replaced trail", k + 1, n);
      else
        g_string_append_printf (text, "; carried entries %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                " of the replaced trail as %" G_GINT64_FORMAT "-%"
                                G_GINT64_FORMAT, k + 1, n, b + 1, seq);
    }
  if (from && n > 0)
    g_string_append_printf (text, "; replaced-head=%" G_GINT64_FORMAT ":%s", n, from_head);
  {
    /* What the copy outside said until now: if the restore is killed before it rewrites the
     * copy, verify finds the copy named here rather than taking it for tampering. */
    gint64 outside_seq;
    char outside_hash[65];

    if (read_outside_head (db_path, &outside_seq, outside_hash) &&
        !(outside_seq == n && g_str_equal (outside_hash, from_head)))
      g_string_append_printf (text, "; outside-head=%" G_GINT64_FORMAT ":%s", outside_seq,
                              outside_hash);
  }
  if (from && broken && report.seq > 0)
    g_string_append_printf (text, "; the replaced trail failed its check at entry %"
                            G_GINT64_FORMAT " (%s)", report.seq,
                            hw_audit_break_to_string (report.kind));
  else if (from == NULL || broken)
    g_string_append (text, "; the replaced trail could not be read");

  {
    const char *fields[7] = { at, actor, "restore", "database", NULL, NULL, text->str };

    seq++;
    restore_hash = compute_hash (last_hash, seq, fields[0], fields[1], fields[2], fields[3],
                                 fields[4], fields[5], fields[6]);
    if (!raw_insert (into, ins, seq, fields, last_hash, restore_hash, error))
      {
        sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  g_clear_pointer (&ins, sqlite3_finalize);
  g_clear_pointer (&rows, sqlite3_finalize);
  if (!exec_raw_tx (into, "COMMIT", error))
    {
      sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_debug ("restore: %" G_GINT64_FORMAT " entries carried forward", n > k ? n - k : 0);
  return TRUE;

fail:
  raw_fail (into, rc, error);
  sqlite3_exec (into, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
