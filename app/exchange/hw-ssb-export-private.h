/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-ssb-export.c beyond its public API (hw-ssb-export.h): the application
 * does not call these. */

#include "hw-ssb-export.h"

G_BEGIN_DECLS

gboolean     hw_ssb_writer_add_case (HwSsbWriter               *self,
                                     const HwDossier           *dossier,
                                     GError                   **error);
/* Ends the document and moves it into place; frees @self either way. */
gboolean     hw_ssb_writer_finish   (HwSsbWriter               *self,
                                     GError                   **error);
/* Starts a document at @path (written beside it, moved into place by finish). The options'
 * organisation number, municipality number and name must be set. */
HwSsbWriter *hw_ssb_writer_new      (const char                *path,
                                     const HwSsbExportOptions  *options,
                                     GError                   **error);

G_END_DECLS
