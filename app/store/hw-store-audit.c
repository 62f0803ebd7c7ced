/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-error.h"
#include "hw-store-audit.h"
#include "hw-store-private.h"

/* The chain head is read once per transaction and then carried in memory. */
static char   *head_hash;
static gint64  head_seq = -1;
static HwStore *head_store;

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

void
hw_store_audit_reset_head (HwStore *self)
{
  if (head_store == self)
    {
      g_clear_pointer (&head_hash, g_free);
      head_seq = -1;
      head_store = NULL;
    }
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

static gboolean
load_head (HwStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  if (head_store == self && head_hash != NULL)
    return TRUE;
  hw_store_audit_reset_head (head_store ? head_store : self);
  stmt = hw_store_prepare_cached (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      head_seq = sqlite3_column_int64 (stmt, 0);
      head_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else
    {
      head_seq = 0;
      head_hash = g_strdup (GENESIS);
    }
  sqlite3_reset (stmt);
  head_store = self;
  return TRUE;
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
  gint64 seq;
  int rc;

  g_return_val_if_fail (hw_store_in_transaction (self), FALSE);

  if (!load_head (self, error))
    return FALSE;
  seq = head_seq + 1;
  hash = compute_hash (head_hash, seq, at, actor, action, entity, record_id, case_id, detail);

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
  sqlite3_bind_text (stmt, 9, head_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_audit_reset_head (self);
      return hw_store_set_sqlite_error (self, rc, error);
    }
  head_seq = seq;
  g_free (head_hash);
  head_hash = g_steal_pointer (&hash);
  return TRUE;
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

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

gboolean
hw_store_audit_verify (HwStore *self, gint64 *bad_seq, guint64 *n_checked, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev = g_strdup (GENESIS);
  gint64 expected_seq = 1;
  guint64 n = 0;
  gboolean ok = TRUE;
  int rc;

  stmt = hw_store_prepare_cached (self,
                                  "SELECT seq, at, actor, action, entity, record_id, case_id, "
                                  "detail, prev_hash, hash FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 8);
      const char *stored = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      if (seq != expected_seq)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                       _("Audit trail broken: entry %" G_GINT64_FORMAT " is missing"),
                       expected_seq);
          if (bad_seq)
            *bad_seq = expected_seq;
          ok = FALSE;
          break;
        }
      computed = compute_hash (prev, seq, (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5),
                               (const char *) sqlite3_column_text (stmt, 6),
                               (const char *) sqlite3_column_text (stmt, 7));
      if (g_strcmp0 (stored_prev, prev) != 0 || g_strcmp0 (stored, computed) != 0)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_CORRUPT,
                       _("Audit trail broken at entry %" G_GINT64_FORMAT
                         ": it was edited, or entries before it were removed or reordered"),
                       seq);
          if (bad_seq)
            *bad_seq = seq;
          ok = FALSE;
          break;
        }
      g_free (prev);
      prev = g_strdup (stored);
      expected_seq++;
      n++;
    }
  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    ok = hw_store_set_sqlite_error (self, rc, error);
  if (n_checked)
    *n_checked = n;
  return ok;
}
