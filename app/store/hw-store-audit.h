/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* The audit trail: one row per write and per opening of a child's record, append-only
 * (triggers refuse UPDATE and DELETE), each row's SHA-256 hash covering its fields and the
 * previous row's hash. A separate head row (migration 3) holds the newest entry's number and
 * hash, written by a trigger in the same transaction, so removing the newest entries is as
 * visible as removing any other. */

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

/* What hw_store_audit_check() found. */
typedef enum {
  HW_AUDIT_INTACT,
  HW_AUDIT_EDITED,      /* the entry's content no longer matches its hash */
  HW_AUDIT_MISSING,     /* the entry (and maybe more after it) was removed */
  HW_AUDIT_REORDERED,   /* the entry stands where another was: rows were moved */
  HW_AUDIT_TRUNCATED,   /* the newest entries, from this one on, were removed */
  HW_AUDIT_ADDED,       /* the entry was added outside Homeward, after the head */
  HW_AUDIT_HEAD,        /* the head record is missing or altered */
  HW_AUDIT_UNPROTECTED, /* a protective trigger (or other schema object) was dropped, changed
                         * or added outside Homeward */
  HW_AUDIT_REWRITTEN,   /* the chain disagrees with the copy of its head kept outside the file */
} HwAuditBreak;

typedef struct {
  HwAuditBreak kind;
  gint64       seq;          /* the first entry affected; 0 when intact */
  guint64      n_checked;    /* entries verified before the break (all of them when intact) */
  gint64       head_seq;     /* the head's entry number, -1 if the schema has no head */
  char         head_hash[65];
} HwAuditReport;

void        hw_audit_entry_free      (HwAuditEntry *entry);
/* Entries in order; only those of @case_id when it is set. */
GPtrArray  *hw_store_audit_list      (HwStore *self, const char *case_id, GError **error);

/* Recomputes the chain and compares its end with the head, in one read snapshot. On a break,
 * returns FALSE with @error (HW_ERROR_CORRUPT) naming the entry and what happened to it, and
 * fills @report (optional) the same way. */
gboolean    hw_store_audit_check     (HwStore *self, HwAuditReport *report, GError **error);

/* After hw_store_audit_check() passed: compares the chain with the head kept outside the
 * database. A chain that no longer holds that entry, with that hash, was rewritten (or cut
 * short) and rehashed inside the file: FALSE with HW_ERROR_CORRUPT and @report filled as for a
 * break (HW_AUDIT_REWRITTEN). @found (optional) says whether there was a copy to compare
 * with: without one nothing outside the file vouches for the chain. */
gboolean    hw_store_audit_check_outside (HwStore *self, HwAuditReport *report, gboolean *found,
                                          GError **error);

/* A short English name for @kind ("edited", "missing"…), for pipe-friendly output. */
const char *hw_audit_break_to_string (HwAuditBreak kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwAuditEntry, hw_audit_entry_free)

/* Records that personal data left the program in bulk (an export, a search, a check in a
 * machine-readable format, a printed document): by whom (the actor), @what (a short English
 * name, e.g. "export homeward"), how many cases and where to (a path, or "standard output").
 * `audit show` prints it as action "disclose", table @what, detail "N cases to DESTINATION".
 * Its own transaction. */
gboolean    hw_store_log_disclosure  (HwStore    *self,
                                      const char *what,
                                      guint       n_cases,
                                      const char *destination,
                                      GError    **error);

G_END_DECLS
