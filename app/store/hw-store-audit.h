/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64 seq;
  char  *at;          /* UTC ISO 8601 */
  char  *actor;
  char  *action;      /* insert, update, delete, read, import, restore… */
  char  *entity;
  char  *record_id;
  char  *case_id;
  char  *detail;
} HwAuditEntry;

void       hw_audit_entry_free      (HwAuditEntry *entry);
/* Entries in order; only those of @case_id when it is set. */
GPtrArray *hw_store_audit_list      (HwStore *self, const char *case_id, GError **error);

/* Recomputes the chain. On a break, returns FALSE with @error saying which row (by sequence
 * number) was edited, removed or moved, and sets @bad_seq to it. */
gboolean   hw_store_audit_verify    (HwStore *self, gint64 *bad_seq, guint64 *n_checked,
                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwAuditEntry, hw_audit_entry_free)

G_END_DECLS
