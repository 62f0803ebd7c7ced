/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-document"

#include "config.h"

#include <stdarg.h>

#include "hw-catalogue.h"
#include "hw-document-data.h"

char *
hw_document_dup_data_path (const char *first_element, ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *root = hw_rules_dup_datadir ();   /* one data folder for every layer */
  va_list args;

  g_ptr_array_add (parts, root);
  va_start (args, first_element);
  for (const char *e = first_element; e; e = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) e);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

xmlSchemaPtr
hw_document_get_plan_schema (const char *file)
{
  static GHashTable *schemas;   /* file name → xmlSchemaPtr; never freed, like any cache */
  G_LOCK_DEFINE_STATIC (schemas);
  xmlSchemaPtr schema;

  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, file);
  if (schema == NULL)
    {
      g_autofree char *path = hw_document_dup_data_path ("plan", file, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        {
          xmlSchemaParserCtxtPtr pctx = xmlSchemaNewMemParserCtxt (contents, (int) length);

          schema = xmlSchemaParse (pctx);
          xmlSchemaFreeParserCtxt (pctx);
        }
      if (schema)
        g_hash_table_insert (schemas, g_strdup (file), schema);
    }
  G_UNLOCK (schemas);
  return schema;
}
