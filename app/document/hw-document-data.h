/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* Where app/document finds its data files (data/plan/…): hw_rules_dup_datadir(), that is
 * $HOMEWARD_DATADIR when running uninstalled, else the installed package data folder.
 * Returns the path of @first_element/…/NULL under that folder (whether or not it exists). */
char *hw_document_dup_data_path (const char *first_element, ...) G_GNUC_NULL_TERMINATED;

/* The XML schema data/plan/@file, parsed once per process and kept (NULL when it cannot be
 * read or parsed; the caller names the file in its message). Thread-safe. */
xmlSchemaPtr hw_document_get_plan_schema (const char *file);

G_END_DECLS
