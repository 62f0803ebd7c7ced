/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-catalogue.h"
#include "hw-import.h"
#include "hw-xml-reader.h"

G_BEGIN_DECLS

/* What the format readers share while one import runs (hw-import.c drives them). */
typedef struct {
  HwStore          *store;
  HwImportOptions   options;
  HwImportSummary  *summary;

  /* Two passes over the same input: the first checks everything and writes nothing, without
   * the database's write lock (a slow or stalled input holds nobody up); the second, inside
   * one transaction, checks again and writes. */
  gboolean          writing;      /* the second pass */
  const char *const *file_names;  /* every input's name, by file_index */

  HwXmlReader      *reader;       /* the file being read */
  const char       *file;         /* its name in messages */
  guint             file_index;
  guint             n_files;
  guint             cases_in_file;
  guint64           progress_at;  /* bytes read at the last progress report */

  GString          *errors;       /* "FILE:LINE: reason\n"… */
  guint             n_errors;
  gboolean          stop;         /* too many errors: read no further */

  GHashTable       *known;        /* "entity:id" of teams, staff, homes and cases that exist */
  GArray           *pending;      /* references to records that may come later in the file */
  GStringChunk     *strings;      /* the pending references' strings */
  GHashTable       *settings;     /* key → value as stored, for settings written by files */
  GHashTable       *cases;        /* case id → where it stands in this import */
  HwCatalogue      *catalogue;    /* the rule settings, loaded for the first setting */
} HwImportContext;

void     hw_import_error        (HwImportContext *ctx, int line, const char *format, ...)
                                 G_GNUC_PRINTF (3, 4);
/* Records @error (already "FILE:LINE: …" or a store error to prefix with @line) and frees it. */
void     hw_import_take_error   (HwImportContext *ctx, int line, GError *error);
void     hw_import_warn         (HwImportContext *ctx, int line, const char *control,
                                 const char *severity, const char *format, ...)
                                 G_GNUC_PRINTF (5, 6);
void     hw_import_progress     (HwImportContext *ctx, gboolean force);
/* Something failed: later records are still checked, but no longer written. */
gboolean hw_import_failed       (HwImportContext *ctx);
/* Whether records are to be written now: the second pass, and nothing failed. The first pass
 * counts what it would write, so that a dry run's summary is the import's. */
gboolean hw_import_writes       (HwImportContext *ctx);

/* Notes that the case @id (@label: how the user knows it, e.g. its journal number) stands at
 * @line of the current file. A case appears once in one import: a second time is an error
 * naming both places (FALSE). */
gboolean hw_import_note_case    (HwImportContext *ctx, int line, const char *id,
                                 const char *label);
/* A record that exists under another case or foster home than @owner_id would be moved there
 * by writing it: an error naming both owners (FALSE). Records that only exist under their
 * owner (hw_entity_is_owner_keyed) cannot be moved and are not looked up. */
gboolean hw_import_check_owner  (HwImportContext *ctx, int line, gconstpointer record,
                                 const char *owner_id, const char *owner_label);

/* Whether a root record (team, staff, foster home, case) exists in the store or was written
 * by this import; records written by this import are added with hw_import_note_root. */
gboolean hw_import_root_exists  (HwImportContext *ctx, HwEntity entity, const char *id);
void     hw_import_note_root    (HwImportContext *ctx, HwEntity entity, const char *id);
/* Checks a reference to a root record now, or at the end of the import when the record may
 * still come; the error names @line. */
void     hw_import_check_root_ref (HwImportContext *ctx, int line, const char *what,
                                   HwEntity entity, const char *id);

/* Checks a setting like `homeward-cli settings --set` does (the rule settings) or like the
 * Barnevern v4 import does (the service's identity), then writes it when it differs from the
 * stored value. Unknown keys are refused. */
gboolean hw_import_set_setting  (HwImportContext *ctx, int line, const char *key,
                                 const char *value);

/* The format readers: the root element has been read. FALSE when they stopped early. */
gboolean hw_ssb_import_document      (HwImportContext *ctx);
gboolean hw_homeward_import_document (HwImportContext *ctx);

/* Used by the tests only (not by the application). */
/* The format of one file, from its root element. */
HwExchangeFormat hw_exchange_detect_format (const char *path, GError **error);
/* The same for one document in memory (@name is used in messages). */
gboolean hw_import_memory (HwStore                *store,
                           const char             *name,
                           const char             *data,
                           gsize                   length,
                           const HwImportOptions  *options,
                           HwImportSummary        *summary,
                           GError                **error);

G_END_DECLS
