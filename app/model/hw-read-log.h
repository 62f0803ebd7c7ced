/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* The audit trail's "read" entries for the records the window shows, written without ever
 * making the window wait for the database's write lock. An entry is written at once when the
 * lock is free; while another program (an import) holds it, the entry waits in order and is
 * retried every moment without waiting; at the end hw_read_log_flush() writes what is left,
 * waiting then. An entry is only ever added for a record that was shown. */
#define HW_TYPE_READ_LOG (hw_read_log_get_type ())
G_DECLARE_FINAL_TYPE (HwReadLog, hw_read_log, HW, READ_LOG, GObject)

/* @busy_ms: how long @store's other writes wait for the lock (restored after each attempt). */
HwReadLog *hw_read_log_new           (HwStore *store, guint busy_ms);
/* The record of @case_id was shown. */
void       hw_read_log_add           (HwReadLog *self, const char *case_id);
/* Tries now, without waiting, to write what waits (after another write found the lock free). */
void       hw_read_log_retry         (HwReadLog *self);
guint      hw_read_log_get_n_pending (HwReadLog *self);

G_END_DECLS
