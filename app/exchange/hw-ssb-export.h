/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-import.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Writing SSB's Barnevern v4. The schema holds one Sak per document, so an export writes one
 * file per case; what Homeward keeps beyond the format (names, foster homes, samvær, parents'
 * follow-up, reunification assessments, …) stays out. data/exchange/README.md has the mapping.
 *
 * A writer may also take several cases into one file: not what SSB's schema allows, but what
 * a national extract looks like to Homeward's importer (the import benchmark uses it). */

/* Something the format could not carry: the record is left out of the file, with a reason. */
typedef void (*HwExportWarningFunc) (const char *case_ref,   /* journal number */
                                     const char *message,    /* translated */
                                     gpointer    user_data);

typedef struct {
  /* The reporting service (Avgiver). NULL: the case's municipality, then the settings an SSB
   * import stored ("service-org-number", "service-municipality", …). */
  const char          *org_number;          /* 9 digits */
  const char          *municipality;        /* 4 digits */
  const char          *municipality_name;
  const char          *district;            /* 2 digits, Oslo, Bergen and Trondheim */
  const char          *district_name;
  GDateTime           *extract_time;        /* DatoUttrekk; NULL = now */
  HwExportWarningFunc  warning;
  /* The pre-flight of hw_ssb_export_dir: each file written is checked
   * as an import would check it (SSB's schema, then SSB's controls) before it is kept; a file
   * the import would refuse is not kept (the case is reported through @warning), and each
   * control's finding comes here, naming the file by its final path. */
  HwImportWarningFunc  finding;
  gpointer             user_data;
} HwSsbExportOptions;

typedef struct _HwSsbWriter HwSsbWriter;

/* Abandons an unfinished document. */
void         hw_ssb_writer_free     (HwSsbWriter               *self);

/* Every case of @store as @dir/<case id>.xml; @n_files (optional) counts them. All or
 * nothing: the files appear together once every case is written and on disk; on a failure
 * none does (and @n_files is 0). */
gboolean     hw_ssb_export_dir      (HwStore                   *store,
                                     const char                *dir,
                                     const HwSsbExportOptions  *options,
                                     guint                     *n_files,
                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwSsbWriter, hw_ssb_writer_free)

G_END_DECLS
