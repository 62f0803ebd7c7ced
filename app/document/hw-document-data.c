/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-document"

#include "config.h"

#include <stdarg.h>

#include "hw-document-data.h"

static const char *
data_root (void)
{
  const char *env = g_getenv ("HOMEWARD_DATADIR");

  if (env && *env)
    return env;
  if (g_file_test (SOURCE_DATADIR, G_FILE_TEST_IS_DIR))
    return SOURCE_DATADIR;
  return PKGDATADIR;
}

char *
hw_document_dup_data_path (const char *first_element, ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) data_root ());
  va_start (args, first_element);
  for (const char *e = first_element; e; e = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) e);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}
