/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the commands share for their output: one TSV cell writer, and the audit entry for
 * personal data that leaves the program. */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"
#include "hw-store-audit.h"

void
hw_cli_tsv_cell (FILE *out, const char *value, gboolean last)
{
  /* A tab or a line break inside a cell would shift the columns or start a new row: every
   * control character becomes a space, so a row is always one line of the same cells. */
  for (const char *p = value; p && *p; p++)
    fputc ((guchar) *p < 0x20 || *p == 0x7f ? ' ' : *p, out);
  fputc (last ? '\n' : '\t', out);
}

gboolean
hw_cli_log_disclosure (HwStore *store, const char *what, guint n_cases, const char *path,
                       GError **error)
{
  g_autofree char *where = NULL;

  /* Where to, so that the entry still says it when read elsewhere: an absolute path. */
  where = path ? g_canonicalize_filename (path, NULL) : g_strdup ("standard output");
  return hw_store_log_disclosure (store, what, n_cases, where, error);
}
