/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the XML importers (app/exchange): any bytes, as a file a case system
 * or another Homeward exported, must be refused or imported without a crash, a leak, undefined
 * behaviour or a change to the database. Built twice: FUZZ_ROOT "Barnevern" (SSB Barnevern v4)
 * and "homeward" (Homeward XML); inputs of the other format are skipped, so each run explores
 * one importer. Every import is a dry run (everything checked and written, then undone), and
 * afterwards the store must be out of its transaction and still empty. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hw-import.h"
#include "hw-import-private.h"
#include "hw-store-private.h"
#include "hw-store.h"

#ifndef FUZZ_ROOT
#error "define FUZZ_ROOT"
#endif

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static HwStore *store;
static char *store_dir;

static void
remove_store (void)
{
  const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  for (guint i = 0; store_dir && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (store_dir, "/fuzz.db", suffixes[i], NULL);
      g_unlink (file);
    }
  if (store_dir)
    g_rmdir (store_dir);
}

static void
discard_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  store_dir = g_dir_make_tmp ("homeward-fuzz-XXXXXX", &error);
  if (store_dir == NULL)
    g_error ("%s", error->message);
  atexit (remove_store);
  path = g_build_filename (store_dir, "fuzz.db", NULL);
  store = hw_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* Speed, not durability: nothing here is ever committed. */
  sqlite3_exec (hw_store_get_handle (store), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  g_log_set_default_handler (discard_log, NULL);
  return 0;
}

static void
on_warning (const HwImportWarning *warning, gpointer user_data)
{
  /* Touch every field: a dangling pointer shows up here under ASan. */
  volatile size_t n = 0;

  n += warning->file ? strlen (warning->file) : 0;
  n += warning->control ? strlen (warning->control) : 0;
  n += warning->severity ? strlen (warning->severity) : 0;
  n += warning->message ? strlen (warning->message) : 0;
  (void) n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  HwImportOptions options = { 0 };
  HwImportSummary summary = { 0 };
  gboolean ok;

  if (size > 1 << 20 || memmem (data, size, "<" FUZZ_ROOT, strlen ("<" FUZZ_ROOT)) == NULL)
    return -1;   /* not for this importer: keep out of the corpus */

  options.dry_run = TRUE;
  options.max_errors = 5;
  options.warning = on_warning;
  ok = hw_import_memory (store, "fuzz.xml", (const char *) data, size, &options, &summary,
                         &error);
  /* Failure has a reason; success has none. */
  if (ok == (error != NULL))
    abort ();
  if (error && (error->message == NULL || error->message[0] == '\0'))
    abort ();
  /* All or nothing, and nothing after a dry run. */
  if (hw_store_in_transaction (store) || hw_store_count (store, HW_ENTITY_CASE, NULL) != 0 ||
      hw_store_count (store, HW_ENTITY_FOSTER_HOME, NULL) != 0)
    abort ();
  return 0;
}
