/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-store-audit.c beyond its public API (hw-store-audit.h): the application
 * does not call these. */

#include "hw-store-audit.h"

G_BEGIN_DECLS

/* hw_store_audit_check(), reduced to the entry's number (@bad_seq) and the count verified (@n_checked). */
gboolean    hw_store_audit_verify    (HwStore *self, gint64 *bad_seq, guint64 *n_checked,
                                      GError **error);
/* The copy of the chain's head kept outside the database: "<backups>/<file name>.audit-head"
 * (0600, beside the backups), rewritten after every commit that appended to the trail and by
 * every restore. */
char       *hw_store_dup_audit_head_path (const char *db_path);

G_END_DECLS
