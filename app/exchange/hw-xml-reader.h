/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* A guarded, streaming reader for the exchange formats, over libxml2's xmlTextReader.
 *
 * Files are read record by record: the root element's attributes first, then each child of the
 * root expanded on its own (one Sak, one case, one team) and freed when the next one is read, so
 * memory stays at one record whatever the file's size. Nothing is ever fetched from the network
 * or the disk besides the file itself: a document type declaration (and with it every entity
 * declaration, the external ones and the "billion laughs") is refused before libxml2 sees it,
 * only UTF-8 (or another ASCII-compatible encoding) is read, and nesting, attribute sizes and
 * the size of one record are bounded. Every error names the file and the line. */

typedef struct _HwXmlReader HwXmlReader;

typedef struct {
  guint max_depth;            /* elements below the root; 0 = 16 */
  gsize max_value_length;     /* bytes in one attribute value or text; 0 = 64 KiB */
  guint max_attributes;       /* on one element; 0 = 64 */
  guint max_record_nodes;     /* elements in one record (child of the root); 0 = 200,000 */
  gsize max_record_bytes;     /* bytes of the file in one record; 0 = 64 MiB */
} HwXmlLimits;

HwXmlReader *hw_xml_reader_new_for_file   (const char         *path,
                                           const char         *display_name,
                                           const HwXmlLimits  *limits,
                                           GError            **error);
/* Reads @fd from where it stands; the reader works on its own duplicate of @fd. */
HwXmlReader *hw_xml_reader_new_for_fd     (int                 fd,
                                           const char         *display_name,
                                           const HwXmlLimits  *limits,
                                           GError            **error);
/* @data must stay alive as long as the reader. */
HwXmlReader *hw_xml_reader_new_for_memory (const char         *data,
                                           gsize               length,
                                           const char         *display_name,
                                           const HwXmlLimits  *limits,
                                           GError            **error);
void         hw_xml_reader_free           (HwXmlReader *self);
/* Changes the limits for the records still to be read (once the format is known). */
void         hw_xml_reader_set_limits     (HwXmlReader *self, const HwXmlLimits *limits);

/* Validates the whole document against @schema as it is read (libxml2 validates while it
 * parses, so only before hw_xml_reader_read_root). Reading goes on past a violation, so that
 * the caller's own checks, which name the problem more plainly, come first; at the end of the
 * document hw_xml_reader_check_schema reports the first violation. @schema must outlive the
 * reader. */
gboolean     hw_xml_reader_set_schema     (HwXmlReader *self, xmlSchema *schema);

/* FALSE with "FILE:LINE: not valid …" when the document read so far broke the schema. */
gboolean     hw_xml_reader_check_schema   (HwXmlReader *self, GError **error);

/* Moves to the root element: its local name and attributes become readable. */
gboolean     hw_xml_reader_read_root      (HwXmlReader *self, GError **error);
const char  *hw_xml_reader_get_root_name  (HwXmlReader *self);
xmlNode     *hw_xml_reader_get_root       (HwXmlReader *self);
int          hw_xml_reader_get_root_line  (HwXmlReader *self);

/* Expands the next element child of the root, or returns NULL with no error at the end of a
 * well-formed document. The subtree lives until the next call. Text between records is
 * refused, comments and processing instructions are skipped. */
xmlNode     *hw_xml_reader_next_record    (HwXmlReader *self, GError **error);

/* The line an element starts on, exact beyond libxml2's 65,535 (see the .c). */
int          hw_xml_reader_get_line       (HwXmlReader *self, const xmlNode *node);

/* The value of @node's attribute @name (no namespace), borrowed until the next record, or
 * NULL. Over-long values were refused when the record was read. */
const char  *hw_xml_reader_get_attribute  (HwXmlReader *self, const xmlNode *node,
                                           const char *name);
/* The value of one attribute node, borrowed until the next record. */
const char  *hw_xml_reader_attribute_value (HwXmlReader *self, const xmlAttr *attr);
/* The text content of a leaf element, trimmed, borrowed until the next record. */
const char  *hw_xml_reader_get_text       (HwXmlReader *self, const xmlNode *node);

guint64      hw_xml_reader_get_bytes_read (HwXmlReader *self);
guint64      hw_xml_reader_get_size       (HwXmlReader *self);   /* 0 when unknown */

/* Sets @error to "FILE:LINE: message" (HW_ERROR_PARSE unless @code says otherwise). */
void         hw_xml_reader_set_error      (HwXmlReader *self, GError **error, int code,
                                           int line, const char *format, ...)
                                           G_GNUC_PRINTF (5, 6);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwXmlReader, hw_xml_reader_free)

G_END_DECLS
