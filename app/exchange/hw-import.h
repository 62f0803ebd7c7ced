/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Importing exchange files into the store: SSB's Barnevern v4 (what case systems report to
 * Statistics Norway) and Homeward's own XML (data/exchange/README.md). The format is detected
 * from the root element. An import is all or nothing: every file is first read and checked
 * without the database's write lock, then read again and written inside one store
 * transaction; every problem is reported as "FILE:LINE: reason", and on any error the
 * database is left exactly as it was. Re-importing updates records by their UUIDs; a record
 * never moves to another case, and a case appears once per import. */

typedef enum {
  HW_EXCHANGE_FORMAT_UNKNOWN,
  HW_EXCHANGE_FORMAT_BARNEVERN_V4,   /* root element <Barnevern> */
  HW_EXCHANGE_FORMAT_HOMEWARD,       /* root element <homeward> */
} HwExchangeFormat;

typedef struct {
  guint   files;
  guint64 bytes;
  guint   cases_new;
  guint   cases_updated;
  guint   cases_deleted;      /* Sak with ErSlettet="true" */
  guint   records;            /* records written, cases included */
  guint   records_deleted;    /* Slettet and ErSlettet */
  guint   homes;              /* foster homes written */
  guint   teams;
  guint   staff;
  guint   settings;
  guint   warnings;
  guint   not_imported;       /* SSB elements Homeward has no place for (Melding, …) */
} HwImportSummary;

/* A data-quality finding: the data was imported, but SSB's validation rules (or Homeward's)
 * say something is wrong with it. */
typedef struct {
  const char *file;
  int         line;
  const char *control;    /* SSB's name for the rule, e.g. "Tiltak kontroll 9", or NULL */
  const char *severity;   /* SSB's rating: "ERROR", "WARNING" or "INFO", or NULL */
  const char *message;    /* translated */
} HwImportWarning;

typedef void (*HwImportWarningFunc)  (const HwImportWarning *warning, gpointer user_data);
/* Called as a file is read (about every 256 KiB) and when it ends. Each file is read twice,
 * checked and then written: @bytes_total is twice its size, and the second reading counts on
 * from the first. */
typedef void (*HwImportProgressFunc) (const char *file,
                                      guint       file_index,
                                      guint       n_files,
                                      guint64     bytes_done,
                                      guint64     bytes_total,
                                      guint       cases_done,
                                      gpointer    user_data);

/* Checks the value of a setting another part of Homeward owns (the plan template of
 * app/document) before an import stores it. */
typedef gboolean (*HwImportSettingFunc) (const char *key, const char *value, GError **error);

typedef struct {
  gboolean             dry_run;      /* check everything, then undo */
  guint                max_errors;   /* stop reading after this many; 0 = 20 */
  HwImportWarningFunc  warning;
  HwImportProgressFunc progress;
  gpointer             user_data;
  HwImportSettingFunc  check_setting;  /* NULL: such settings are stored as they are */
} HwImportOptions;

/* Imports files, and the *.xml files of folders (sorted by name), in one transaction. "-" is
 * standard input; it and other files that are not regular (pipes) are first copied whole to a
 * private, already unlinked file beside the database. On failure @error holds every problem
 * found, one "FILE:LINE: reason" per line. @summary (optional) is filled either way. */
gboolean hw_import_paths  (HwStore                *store,
                           const char *const      *paths,
                           const HwImportOptions  *options,
                           HwImportSummary        *summary,
                           GError                **error);
/* What importing the document would report (its errors, and its warnings through @options),
 * without writing anything or taking the database's write lock: the first of the import's
 * two passes. An export checks each file with it before keeping it. */
gboolean hw_import_check_memory (HwStore               *store,
                                 const char            *name,
                                 const char            *data,
                                 gsize                  length,
                                 const HwImportOptions *options,
                                 HwImportSummary       *summary,
                                 GError               **error);

G_END_DECLS
