/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-read-log"

#include "config.h"

#include "hw-error.h"
#include "hw-read-log.h"

/* Writes what waits, waiting up to @timeout_ms for the lock; FALSE with @error when entries
 * are still left (they stay queued). */
static gboolean hw_read_log_flush (HwReadLog *self, guint timeout_ms, GError **error);

/* How often a waiting entry tries the lock again, without waiting for it. */
#define RETRY_MS 250
/* At the end, how long the last entries wait for an import to finish. */
#define FINAL_WAIT_MS 60000

struct _HwReadLog
{
  GObject   parent_instance;

  HwStore  *store;
  guint     busy_ms;
  GQueue    pending;      /* case ids, oldest first */
  guint     retry_id;
  gboolean  warned;       /* about a failure other than a busy database, since the last write */
};

G_DEFINE_FINAL_TYPE (HwReadLog, hw_read_log, G_TYPE_OBJECT)

static void
hw_read_log_dispose (GObject *object)
{
  HwReadLog *self = HW_READ_LOG (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->pending.length > 0)
    {
      g_autoptr(GError) error = NULL;

      /* The window is going (the app quits): the entries must not be lost, so wait now. */
      if (!hw_read_log_flush (self, FINAL_WAIT_MS, &error))
        g_critical ("%u openings of a record could not be written to the audit trail: %s",
                    self->pending.length, error->message);
    }
  g_queue_clear_full (&self->pending, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_read_log_parent_class)->dispose (object);
}

static void
hw_read_log_class_init (HwReadLogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hw_read_log_dispose;
}

static void
hw_read_log_init (HwReadLog *self)
{
  g_queue_init (&self->pending);
}

HwReadLog *
hw_read_log_new (HwStore *store, guint busy_ms)
{
  HwReadLog *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  self = g_object_new (HW_TYPE_READ_LOG, NULL);
  self->store = g_object_ref (store);
  self->busy_ms = busy_ms;
  return self;
}

/* Writes the waiting entries in order, each waiting up to @wait_ms for the lock; stops at the
 * first that fails, which stays first in the queue. */
static gboolean
write_pending (HwReadLog *self, guint wait_ms, GError **error)
{
  gboolean ok = TRUE;

  hw_store_set_busy_timeout (self->store, wait_ms);
  while (ok && self->pending.length > 0)
    {
      ok = hw_store_log_read (self->store, g_queue_peek_head (&self->pending), error);
      if (ok)
        g_free (g_queue_pop_head (&self->pending));
    }
  hw_store_set_busy_timeout (self->store, self->busy_ms);
  return ok;
}

/* One attempt that does not wait: TRUE when nothing is left. */
static gboolean
attempt (HwReadLog *self)
{
  g_autoptr(GError) error = NULL;

  if (write_pending (self, 0, &error))
    {
      self->warned = FALSE;
      return TRUE;
    }
  /* Busy: another program still writes, the usual case. Anything else (a full disk) is said
   * once, and the entry kept: it must not be lost. */
  if (!g_error_matches (error, HW_ERROR, HW_ERROR_BUSY) && !self->warned)
    {
      g_warning ("An opening of a record waits for the audit trail: %s", error->message);
      self->warned = TRUE;
    }
  return FALSE;
}

static gboolean
retry_cb (gpointer data)
{
  HwReadLog *self = data;

  if (!attempt (self))
    return G_SOURCE_CONTINUE;
  self->retry_id = 0;
  return G_SOURCE_REMOVE;
}

static void
try_now (HwReadLog *self)
{
  if (attempt (self))
    g_clear_handle_id (&self->retry_id, g_source_remove);
  else if (self->retry_id == 0)
    self->retry_id = g_timeout_add (RETRY_MS, retry_cb, self);
}

void
hw_read_log_add (HwReadLog *self, const char *case_id)
{
  g_return_if_fail (HW_IS_READ_LOG (self));
  g_return_if_fail (case_id != NULL);

  g_queue_push_tail (&self->pending, g_strdup (case_id));
  /* Never waits: with the lock taken, a write transaction fails at once and is tried again. */
  try_now (self);
}

void
hw_read_log_retry (HwReadLog *self)
{
  g_return_if_fail (HW_IS_READ_LOG (self));
  if (self->pending.length > 0)
    try_now (self);
}

static gboolean
hw_read_log_flush (HwReadLog *self, guint timeout_ms, GError **error)
{
  g_return_val_if_fail (HW_IS_READ_LOG (self), FALSE);
  if (self->pending.length == 0)
    return TRUE;
  if (!write_pending (self, timeout_ms, error))
    return FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  return TRUE;
}

guint
hw_read_log_get_n_pending (HwReadLog *self)
{
  g_return_val_if_fail (HW_IS_READ_LOG (self), 0);
  return self->pending.length;
}
