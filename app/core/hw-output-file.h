/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one way Homeward writes a file for someone to take away (exports, PDFs): the bytes go
 * to a new temporary file beside the target, created exclusively (a link planted under any
 * name is never followed) and readable by the owner only (0600, whatever the umask), and
 * become the target only when every write, the fsync and the close succeeded. On any failure
 * the temporary is removed and an earlier file of that name is left as it was: a full disk
 * never leaves a truncated or empty file under the final name. */
typedef struct _HwOutputFile HwOutputFile;

/* Starts writing @path (its folder must exist). FALSE and @error naming @path if the
 * temporary cannot be created. */
HwOutputFile *hw_output_file_open     (const char    *path,
                                       GError       **error);
/* Appends @size bytes. After the first failure (disk full, file too large…) every later
 * write fails too and commit refuses; @error names the target. */
gboolean      hw_output_file_write    (HwOutputFile  *self,
                                       const void    *data,
                                       gsize          size,
                                       GError       **error);
/* FALSE with the first write error, if a write failed (for writers that only learn of a
 * failure later, like libxml2's buffered output). */
gboolean      hw_output_file_check    (HwOutputFile  *self,
                                       GError       **error);
/* Flushes the bytes to disk, closes and moves the file into place (then syncs the folder).
 * Frees @self whatever the outcome; on failure the temporary is gone and @path untouched. */
gboolean      hw_output_file_commit   (HwOutputFile  *self,
                                       GError       **error);
/* Removes the temporary and frees @self; @path is untouched. NULL does nothing. */
void          hw_output_file_abort    (HwOutputFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwOutputFile, hw_output_file_abort)

/* Many files that become visible together (an export of one file per case): an fsync per
 * file would cost a journal commit each (≈ 1 ms: 50 s at 50,000 cases), so each file is
 * closed when written and kept as its temporary, and the commit makes them durable with one
 * syncfs() per folder before any is renamed into place. All or nothing: on a failure before
 * the renames, every temporary is removed and no final name is touched. */
typedef struct _HwOutputBatch HwOutputBatch;

HwOutputBatch *hw_output_batch_new    (void);
/* Closes @file and adds it to @batch; frees @file whatever the outcome (on failure, with
 * the error of its first failed write or of the close, its temporary removed). */
gboolean       hw_output_batch_add    (HwOutputBatch  *batch,
                                       HwOutputFile   *file,
                                       GError        **error);
guint          hw_output_batch_get_n_files (HwOutputBatch *batch);
/* Syncs, then moves every file into place and syncs the folders. Frees @batch. */
gboolean       hw_output_batch_commit (HwOutputBatch  *batch,
                                       GError        **error);
/* Removes every temporary; frees @batch. NULL does nothing. */
void           hw_output_batch_abort  (HwOutputBatch  *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwOutputBatch, hw_output_batch_abort)

G_END_DECLS
