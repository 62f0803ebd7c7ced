/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-import.h"
#include "hw-xml-reader.h"

G_BEGIN_DECLS

/* What the format readers share while one import runs (hw-import.c drives them). */
typedef struct {
  HwStore          *store;
  HwImportOptions   options;
  HwImportSummary  *summary;

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

/* Whether a root record (team, staff, foster home, case) exists in the store or was written
 * by this import; records written by this import are added with hw_import_note_root. */
gboolean hw_import_root_exists  (HwImportContext *ctx, HwEntity entity, const char *id);
void     hw_import_note_root    (HwImportContext *ctx, HwEntity entity, const char *id);
/* Checks a reference to a root record now, or at the end of the import when the record may
 * still come; the error names @line. */
void     hw_import_check_root_ref (HwImportContext *ctx, int line, const char *what,
                                   HwEntity entity, const char *id);

/* Writes a setting when it differs from the stored value. */
gboolean hw_import_set_setting  (HwImportContext *ctx, int line, const char *key,
                                 const char *value);

/* The format readers: the root element has been read. FALSE when they stopped early. */
gboolean hw_ssb_import_document      (HwImportContext *ctx);
gboolean hw_homeward_import_document (HwImportContext *ctx);

G_END_DECLS
