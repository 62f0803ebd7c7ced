/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* What one delete took away, to put it back (undo). Copies of the rows as they were stored,
 * row versions included. */
typedef struct {
  HwEntity   entity;     /* the record the user deleted */
  char      *owner_id;   /* its case or foster home; NULL for a root (team, staff, case, home) */
  char      *id;
  /* The deleted record first, then every record deleted with it: each after the records it
   * refers to (dependency order), so they can be inserted back in this order. */
  GPtrArray *removed;
  /* Records that stay but referred to a removed one through an optional reference, which was
   * cleared: as they were before. */
  GPtrArray *cleared;
} HwRemoval;

void        hw_removal_free                  (HwRemoval *removal);
/* The case the removal concerns (the deleted case, or the owner of a case's record), else
 * NULL. */
const char *hw_removal_get_case_id           (const HwRemoval *removal);

/* Deletes a record and everything that depends on it, in one transaction, and returns what
 * was removed. Which records depend on which is derived from the entity descriptions (every
 * reference field) and what the schema's foreign key does: a record whose reference cascades
 * is deleted with it (and what depends on it, in turn); one whose reference is optional keeps
 * its row, with the reference cleared. Every row changed gets a new row version and an audit
 * entry. @owner_id is required for owner-keyed entities (as for hw_store_delete_owned). A
 * foster home where children have been placed is kept (HW_ERROR_CONFLICT). On any failure
 * nothing is changed. */
HwRemoval  *hw_store_delete_with_dependents  (HwStore *self, HwEntity entity,
                                              const char *owner_id, const char *id,
                                              GError **error);
/* Undoes hw_store_delete_with_dependents(), in one transaction: every removed row comes back
 * with the same values, every cleared reference is set again, each with an audit entry
 * ("restore"). Row versions move on, never back (a removed row returns at the version it had
 * plus one): a copy read before the delete cannot overwrite the restored row unnoticed, as it
 * could if a version number were issued twice. Refused, changing nothing, when a removed
 * record exists again (HW_ERROR_CONFLICT) or a record whose reference was cleared has been
 * changed or deleted since (HW_ERROR_CHANGED); both name the record. */
gboolean    hw_store_restore_removed         (HwStore *self, const HwRemoval *removal,
                                              GError **error);

/* Saves every record of @records (as hw_store_save does each), all or none, in one
 * transaction: a change to several records at once (reassigning cases) without the caller
 * opening a transaction. Versions as for hw_store_save; on failure every record keeps the
 * version it had. */
gboolean    hw_store_save_all                (HwStore *self, GPtrArray *records,
                                              GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwRemoval, hw_removal_free)

G_END_DECLS
