/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Homeward's own XML (data/exchange/homeward.xsd, data/exchange/README.md): everything the
 * store holds, for backups, moving a caseload between municipalities, and test fixtures. It is
 * written from the entity descriptions (hw-entity.h), so a new field appears in the format by
 * itself: one element per record, named by its entity, one attribute per field. Records owned
 * by a case or a foster home are nested in it. Imports go through hw_import_paths(). */

#define HW_HOMEWARD_FORMAT_VERSION 1

/* Writes settings, teams, staff, foster homes and every case to @path (atomically: a finished
 * file or none). @exported (NULL = now) is recorded in the root element. */
gboolean hw_homeward_export (HwStore     *store,
                             const char  *path,
                             GDateTime   *exported,
                             GError     **error);

G_END_DECLS
