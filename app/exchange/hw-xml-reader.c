/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-xml-reader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-xml-reader.h"

/* What the prolog guard has seen of the bytes before the root element. */
typedef enum {
  PROLOG_START,        /* nothing yet: the byte-order mark and encoding are checked here */
  PROLOG_TEXT,
  PROLOG_LT,           /* after '<' */
  PROLOG_PI,           /* inside <? … ?> */
  PROLOG_BANG,         /* after "<!" */
  PROLOG_BANG_DASH,    /* after "<!-" */
  PROLOG_COMMENT,      /* inside <!-- … --> */
  PROLOG_DONE,         /* the root element has started: no declaration can follow */
  PROLOG_REFUSED,
} PrologState;

/* Where the tag guard stands in the markup streaming past. */
typedef enum {
  TAG_TEXT,            /* content: looking for '<' */
  TAG_LT,              /* after '<' */
  TAG_NAME,            /* in a start tag's name */
  TAG_IN,              /* in a start tag, outside quotes: each '=' is an attribute */
  TAG_QUOTE,           /* in an attribute value */
  TAG_OTHER,           /* in an end tag or a declaration, until '>' */
  TAG_BANG,            /* after "<!" */
  TAG_BANG_DASH,       /* after "<!-" */
  TAG_COMMENT,         /* inside <!-- … --> */
  TAG_CDATA,           /* inside <![CDATA[ … ]]> */
  TAG_PI,              /* inside <? … ?> */
} TagState;

struct _HwXmlReader {
  xmlTextReaderPtr reader;
  char            *name;         /* for messages */
  HwXmlLimits      limits;

  /* input */
  FILE            *file;
  const char      *data;
  gsize            length;
  gsize            offset;
  guint64          bytes_read;
  guint64          size;
  guint64          record_start;   /* bytes_read when the current record began */
  gboolean         in_record;      /* expanding a record: its size is bounded */

  /* the prolog guard */
  PrologState      prolog;
  guint            prolog_bytes;
  char             prolog_prev[2];
  int              prolog_line;
  char            *refusal;      /* why the guard stopped the input */
  int              refusal_line;
  int              record_line;
  int              io_errno;

  /* the tag guard */
  TagState         tag;
  char             tag_quote;
  char             tag_prev[2];
  guint            tag_attrs;
  int              tag_line;
  char             tag_name[48];
  guint            tag_name_len;
  int              lines;          /* line breaks seen + 1 */

  /* the first error libxml2 reported */
  char            *xml_error;
  int              xml_error_line;
  char            *schema_error;    /* the first schema violation */
  int              schema_error_line;

  xmlNode         *root;
  int              root_line;
  xmlNode         *record;         /* the record read last */
  int              last_text_line; /* the line of the last whitespace between records */
  gboolean         skip_pending;   /* the current record's subtree is still to be skipped */
  gboolean         done;           /* at the end of the document, or stopped by an error */
  GPtrArray       *scratch;        /* strings handed out for the current record */
};

static void
limits_init (HwXmlLimits *limits, const HwXmlLimits *given)
{
  if (given)
    *limits = *given;
  else
    memset (limits, 0, sizeof *limits);
  if (limits->max_depth == 0)
    limits->max_depth = 16;
  if (limits->max_value_length == 0)
    limits->max_value_length = 64 * 1024;
  if (limits->max_attributes == 0)
    limits->max_attributes = 64;
  if (limits->max_record_nodes == 0)
    limits->max_record_nodes = 200000;
  if (limits->max_record_bytes == 0)
    limits->max_record_bytes = 64 * 1024 * 1024;
}

void
hw_xml_reader_set_limits (HwXmlReader *self, const HwXmlLimits *limits)
{
  limits_init (&self->limits, limits);
}

static void
refuse (HwXmlReader *self, const char *why)
{
  self->prolog = PROLOG_REFUSED;
  if (self->refusal == NULL)
    {
      self->refusal = g_strdup (why);
      self->refusal_line = self->prolog_line;
    }
}

/* Looks at the bytes before the root element as they stream past. A document type declaration
 * is refused here, before libxml2 parses it: no entity of any kind (external, parameter, or
 * the exponential "billion laughs") can then exist. Encodings that are not ASCII-compatible
 * (UTF-16, UTF-32, EBCDIC) are refused too, since the guard could not read them. */
static gboolean
guard_prolog (HwXmlReader *self, const guint8 *buf, gsize len)
{
  for (gsize i = 0; i < len && self->prolog != PROLOG_DONE; i++)
    {
      guint8 c = buf[i];

      if (self->prolog == PROLOG_START)
        {
          if (c == 0x00 || c == 0xFE || c == 0xFF || c == 0x4C)
            {
              refuse (self, _("the file is not UTF-8 (UTF-16, UTF-32 and EBCDIC are not read)"));
              return FALSE;
            }
          self->prolog = PROLOG_TEXT;
          if (c == 0xEF)   /* the UTF-8 byte-order mark */
            continue;
        }
      if (c == '\n')
        self->prolog_line++;

      switch (self->prolog)
        {
        case PROLOG_START:
        case PROLOG_TEXT:
          if (c == '<')
            self->prolog = PROLOG_LT;
          break;
        case PROLOG_LT:
          if (c == '?')
            self->prolog = PROLOG_PI;
          else if (c == '!')
            self->prolog = PROLOG_BANG;
          else
            self->prolog = PROLOG_DONE;
          break;
        case PROLOG_PI:
          if (c == '>' && self->prolog_prev[1] == '?')
            self->prolog = PROLOG_TEXT;
          break;
        case PROLOG_BANG:
          if (c != '-')
            {
              refuse (self, _("document type declarations (DOCTYPE) and entities are not "
                              "allowed"));
              return FALSE;
            }
          self->prolog = PROLOG_BANG_DASH;
          break;
        case PROLOG_BANG_DASH:
          if (c != '-')
            {
              refuse (self, _("document type declarations (DOCTYPE) and entities are not "
                              "allowed"));
              return FALSE;
            }
          self->prolog = PROLOG_COMMENT;
          self->prolog_prev[0] = self->prolog_prev[1] = 0;
          continue;
        case PROLOG_COMMENT:
          if (c == '>' && self->prolog_prev[0] == '-' && self->prolog_prev[1] == '-')
            self->prolog = PROLOG_TEXT;
          break;
        case PROLOG_DONE:
        case PROLOG_REFUSED:
        default:
          break;
        }
      self->prolog_prev[0] = self->prolog_prev[1];
      self->prolog_prev[1] = (char) c;
      /* A prolog of comments that never ends is not a document. */
      if (++self->prolog_bytes > 1024 * 1024 && self->prolog != PROLOG_DONE)
        {
          refuse (self, _("no root element in the first megabyte"));
          return FALSE;
        }
    }
  return TRUE;
}

static int
count_lines (const char *p, const char *end)
{
  int n = 0;

  while (p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

static void
refuse_tag (HwXmlReader *self)
{
  self->tag_name[self->tag_name_len] = '\0';
  self->prolog = PROLOG_REFUSED;
  if (self->refusal == NULL)
    {
      self->refusal = g_strdup_printf (_("element <%s> has more than %u attributes"),
                                       self->tag_name, self->limits.max_attributes);
      self->refusal_line = self->tag_line;
    }
}

/* Counts each start tag's attributes as its bytes stream past, before libxml2 parses the tag:
 * libxml2 2.9 compares every attribute with all the earlier ones of its element, so a tag
 * with 100,000 of them takes minutes, long before the expanded record could be counted. */
static gboolean
guard_tags (HwXmlReader *self, const char *buf, gsize len)
{
  const char *p = buf, *end = buf + len;

  while (p < end)
    {
      const char *stop;
      char c;

      /* Text and attribute values are most of a file: skip them whole. */
      if (self->tag == TAG_TEXT || self->tag == TAG_QUOTE)
        {
          stop = memchr (p, self->tag == TAG_TEXT ? '<' : self->tag_quote, (gsize) (end - p));
          self->lines += count_lines (p, stop ? stop : end);
          if (stop == NULL)
            return TRUE;
          p = stop + 1;
          if (self->tag == TAG_TEXT)
            {
              self->tag = TAG_LT;
              self->tag_line = self->lines;
            }
          else
            self->tag = TAG_IN;
          continue;
        }

      c = *p++;
      if (c == '\n')
        self->lines++;
      switch (self->tag)
        {
        case TAG_LT:
          self->tag_attrs = 0;
          self->tag_name_len = 0;
          self->tag_prev[0] = self->tag_prev[1] = 0;
          if (c == '/')
            self->tag = TAG_OTHER;
          else if (c == '!')
            self->tag = TAG_BANG;
          else if (c == '?')
            self->tag = TAG_PI;
          else
            {
              self->tag = TAG_NAME;
              self->tag_name[self->tag_name_len++] = c;
            }
          continue;
        case TAG_NAME:
          if (!g_ascii_isspace (c) && c != '>' && c != '/' && c != '=')
            {
              if (self->tag_name_len < sizeof self->tag_name - 1)
                self->tag_name[self->tag_name_len++] = c;
              break;
            }
          self->tag = TAG_IN;
          G_GNUC_FALLTHROUGH;
        case TAG_IN:
          if (c == '"' || c == '\'')
            {
              self->tag_quote = c;
              self->tag = TAG_QUOTE;
            }
          else if (c == '=' && ++self->tag_attrs > self->limits.max_attributes)
            {
              refuse_tag (self);
              return FALSE;
            }
          else if (c == '>')
            self->tag = TAG_TEXT;
          break;
        case TAG_OTHER:
          if (c == '>')
            self->tag = TAG_TEXT;
          break;
        case TAG_BANG:
          self->tag = c == '-' ? TAG_BANG_DASH : c == '[' ? TAG_CDATA : TAG_OTHER;
          break;
        case TAG_BANG_DASH:
          self->tag = c == '-' ? TAG_COMMENT : TAG_OTHER;
          self->tag_prev[0] = self->tag_prev[1] = 0;   /* "<!-->" ends nothing */
          continue;
        case TAG_COMMENT:
          if (c == '>' && self->tag_prev[0] == '-' && self->tag_prev[1] == '-')
            self->tag = TAG_TEXT;
          break;
        case TAG_CDATA:
          if (c == '>' && self->tag_prev[0] == ']' && self->tag_prev[1] == ']')
            self->tag = TAG_TEXT;
          break;
        case TAG_PI:
          if (c == '>' && self->tag_prev[1] == '?')
            self->tag = TAG_TEXT;
          break;
        case TAG_TEXT:
        case TAG_QUOTE:
        default:
          break;
        }
      self->tag_prev[0] = self->tag_prev[1];
      self->tag_prev[1] = c;
    }
  return TRUE;
}

static int
on_read (void *context, char *buffer, int len)
{
  HwXmlReader *self = context;
  gsize n;

  if (self->prolog == PROLOG_REFUSED || len <= 0)
    return -1;

  if (self->file)
    {
      n = fread (buffer, 1, (gsize) len, self->file);
      if (n == 0 && ferror (self->file))
        {
          self->io_errno = errno ? errno : EIO;
          return -1;
        }
    }
  else
    {
      n = MIN ((gsize) len, self->length - self->offset);
      memcpy (buffer, self->data + self->offset, n);
      self->offset += n;
    }

  if (self->prolog != PROLOG_DONE && !guard_prolog (self, (const guint8 *) buffer, n))
    return -1;
  if (!guard_tags (self, buffer, n))
    return -1;
  self->bytes_read += n;
  /* Expanding one record reads until its end tag: stop a record that would fill memory. */
  if (self->in_record && self->bytes_read - self->record_start > self->limits.max_record_bytes)
    {
      g_autofree char *size = g_format_size (self->limits.max_record_bytes);
      g_autofree char *why = g_strdup_printf (_("one record is larger than %s"), size);

      self->prolog = PROLOG_REFUSED;
      self->refusal = g_steal_pointer (&why);
      self->refusal_line = self->record_line;
      return -1;
    }
  return (int) n;
}

static int
on_close (void *context)
{
  return 0;
}

/* libxml2 reports some errors (encoding conversion, I/O) outside the parser context, to the
 * thread's global handler, which prints them. While the reader works, they come here too. */
typedef struct {
  xmlStructuredErrorFunc func;
  void                  *data;
} SavedHandler;

static void on_xml_error (void *user_data, xmlErrorPtr error);

static SavedHandler
catch_errors (HwXmlReader *self)
{
  SavedHandler saved = { xmlStructuredError, xmlStructuredErrorContext };

  xmlSetStructuredErrorFunc (self, on_xml_error);
  return saved;
}

static void
release_errors (SavedHandler saved)
{
  xmlSetStructuredErrorFunc (saved.data, saved.func);
}

static void
on_xml_error (void *user_data, xmlErrorPtr error)
{
  HwXmlReader *self = user_data;

  if (error == NULL || error->level == XML_ERR_WARNING || self->xml_error != NULL)
    return;
  if (error->domain == XML_FROM_SCHEMASV)
    {
      if (self->schema_error == NULL)
        {
          self->schema_error = g_strstrip (g_strdup (error->message ? error->message : "?"));
          self->schema_error_line = error->line;
        }
      return;
    }
  self->xml_error = g_strstrip (g_strdup (error->message ? error->message : "?"));
  self->xml_error_line = error->line;
}

void
hw_xml_reader_set_error (HwXmlReader *self, GError **error, int code, int line,
                         const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, HW_ERROR, code, "%s:%d: %s", self->name, line, message);
  else
    g_set_error (error, HW_ERROR, code, "%s: %s", self->name, message);
}

/* Turns whatever stopped libxml2 into one error with a line. */
static void
set_read_error (HwXmlReader *self, GError **error)
{
  if (self->refusal)
    hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, self->refusal_line, "%s",
                             self->refusal);
  else if (self->io_errno)
    hw_xml_reader_set_error (self, error, HW_ERROR_FAILED, 0, _("could not read the file: %s"),
                             g_strerror (self->io_errno));
  else if (self->xml_error)
    hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, self->xml_error_line,
                             _("malformed XML: %s"), self->xml_error);
  else
    hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                             xmlTextReaderGetParserLineNumber (self->reader),
                             _("malformed XML"));
}

static HwXmlReader *
reader_new (const char *display_name, const HwXmlLimits *limits)
{
  HwXmlReader *self = g_new0 (HwXmlReader, 1);

  self->name = g_strdup (display_name);
  self->prolog_line = 1;
  self->lines = 1;
  self->scratch = g_ptr_array_new_with_free_func (g_free);
  limits_init (&self->limits, limits);
  return self;
}

static gboolean
reader_open (HwXmlReader *self, GError **error)
{
  /* No XML_PARSE_NOENT (entities stay unexpanded), DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or
   * HUGE (libxml2's own size limits stay on). BIG_LINES keeps exact lines past 65,535. */
  int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
                XML_PARSE_NOWARNING;

  self->reader = xmlReaderForIO (on_read, on_close, self, NULL, NULL, options);
  if (self->reader == NULL)
    {
      set_read_error (self, error);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, on_xml_error, self);
  return TRUE;
}

HwXmlReader *
hw_xml_reader_new_for_file (const char *path, const char *display_name,
                            const HwXmlLimits *limits, GError **error)
{
  g_autoptr(HwXmlReader) self = reader_new (display_name ? display_name : path, limits);
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self->file = g_fopen (path, "rb");
  if (self->file == NULL)
    {
      int saved = errno;

      g_set_error (error, HW_ERROR, saved == ENOENT ? HW_ERROR_NOT_FOUND : HW_ERROR_FAILED,
                   "%s: %s", self->name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fileno (self->file), &st) == 0)
    self->size = (guint64) st.st_size;
  if (!reader_open (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

HwXmlReader *
hw_xml_reader_new_for_fd (int fd, const char *display_name, const HwXmlLimits *limits,
                          GError **error)
{
  g_autoptr(HwXmlReader) self = reader_new (display_name ? display_name : "-", limits);
  GStatBuf st;
  int copy = dup (fd);

  if (copy < 0 || (self->file = fdopen (copy, "rb")) == NULL)
    {
      int saved = errno;

      if (copy >= 0)
        close (copy);
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", self->name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fileno (self->file), &st) == 0 && S_ISREG (st.st_mode))
    self->size = (guint64) st.st_size;
  if (!reader_open (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

HwXmlReader *
hw_xml_reader_new_for_memory (const char *data, gsize length, const char *display_name,
                              const HwXmlLimits *limits, GError **error)
{
  g_autoptr(HwXmlReader) self = reader_new (display_name ? display_name : "-", limits);

  self->data = data;
  self->length = length;
  self->size = length;
  if (!reader_open (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
hw_xml_reader_free (HwXmlReader *self)
{
  if (self == NULL)
    return;
  if (self->reader)
    xmlFreeTextReader (self->reader);
  if (self->file)
    fclose (self->file);
  g_ptr_array_unref (self->scratch);
  g_free (self->refusal);
  g_free (self->xml_error);
  g_free (self->schema_error);
  g_free (self->name);
  g_free (self);
}

guint64
hw_xml_reader_get_bytes_read (HwXmlReader *self)
{
  return self->bytes_read;
}

guint64
hw_xml_reader_get_size (HwXmlReader *self)
{
  return self->size;
}

/* libxml2 keeps an element's line in 16 bits. With XML_PARSE_BIG_LINES a text node keeps the
 * full number in its psvi field; the whitespace before an element ends where the element
 * starts, so its line is the element's. */
static int
text_node_line (const xmlNode *node)
{
  if (node->line == 65535 && node->psvi != NULL)
    return (int) (gintptr) node->psvi;
  return node->line;
}

/* The line where a text node's first non-blank character stands: it ends on the line of the
 * next '<', less the line breaks after that character. */
static int
text_start_line (const xmlNode *node)
{
  const char *text = (const char *) node->content;
  int line = text_node_line (node);

  if (text == NULL)
    return line;
  while (*text && g_ascii_isspace (*text))
    text++;
  for (; *text; text++)
    if (*text == '\n')
      line--;
  return line;
}

/* An element's line in libxml2 is where its start tag ends, and only in 16 bits. The blank
 * text before an element ends exactly where the element starts, and keeps its full line
 * number (XML_PARSE_BIG_LINES): use that when there is one. */
int
hw_xml_reader_get_line (HwXmlReader *self, const xmlNode *node)
{
  if (node == NULL)
    return 0;
  if (node == self->record)
    return self->record_line;
  if (node->prev && node->prev->type == XML_TEXT_NODE)
    return text_node_line (node->prev);
  if (node->line < 65535)
    return node->line;
  if (node->parent && node->parent->type == XML_ELEMENT_NODE)
    return hw_xml_reader_get_line (self, node->parent);
  return self->last_text_line > 0 ? self->last_text_line : node->line;
}

static int
reader_line (HwXmlReader *self)
{
  xmlNode *node = xmlTextReaderCurrentNode (self->reader);

  if (node && node->line < 65535)
    return node->line;
  return xmlTextReaderGetParserLineNumber (self->reader);
}

gboolean
hw_xml_reader_set_schema (HwXmlReader *self, xmlSchema *schema)
{
  g_return_val_if_fail (self->root == NULL, FALSE);
  return xmlTextReaderSetSchema (self->reader, schema) == 0;
}

gboolean
hw_xml_reader_check_schema (HwXmlReader *self, GError **error)
{
  if (self->schema_error == NULL)
    return TRUE;
  hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, self->schema_error_line,
                           _("not valid according to SSB's schema: %s"), self->schema_error);
  return FALSE;
}

static gboolean
read_root (HwXmlReader *self, GError **error)
{
  int ret;

  g_return_val_if_fail (self->root == NULL, FALSE);

  while ((ret = xmlTextReaderRead (self->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (self->reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          self->root = xmlTextReaderCurrentNode (self->reader);
          self->root_line = reader_line (self);
          return TRUE;
        }
      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY ||
          type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, reader_line (self), "%s",
                                   _("document type declarations (DOCTYPE) and entities are "
                                     "not allowed"));
          return FALSE;
        }
    }
  if (ret < 0 || self->refusal || self->xml_error)
    set_read_error (self, error);
  else
    hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, 0, "%s",
                             _("the file is empty: no root element"));
  return FALSE;
}

const char *
hw_xml_reader_get_root_name (HwXmlReader *self)
{
  return self->root ? (const char *) self->root->name : NULL;
}

xmlNode *
hw_xml_reader_get_root (HwXmlReader *self)
{
  return self->root;
}

int
hw_xml_reader_get_root_line (HwXmlReader *self)
{
  return self->root_line;
}

static const char *
keep (HwXmlReader *self, char *owned)
{
  g_ptr_array_add (self->scratch, owned);
  return owned;
}

const char *
hw_xml_reader_attribute_value (HwXmlReader *self, const xmlAttr *attr)
{
  const xmlNode *c = attr->children;

  if (c == NULL)
    return "";
  if (c->type == XML_TEXT_NODE && c->next == NULL)
    return (const char *) c->content;
  return keep (self, (char *) xmlNodeListGetString (attr->doc, c, 1));
}

const char *
hw_xml_reader_get_attribute (HwXmlReader *self, const xmlNode *node, const char *name)
{
  for (const xmlAttr *a = node->properties; a; a = a->next)
    if (a->ns == NULL && strcmp ((const char *) a->name, name) == 0)
      return hw_xml_reader_attribute_value (self, a);
  return NULL;
}

const char *
hw_xml_reader_get_text (HwXmlReader *self, const xmlNode *node)
{
  const xmlNode *c = node->children;
  const char *text;
  gsize len;

  if (c == NULL)
    return "";
  if (c->type == XML_TEXT_NODE && c->next == NULL)
    text = (const char *) c->content;
  else
    text = keep (self, (char *) xmlNodeGetContent (node));
  if (text == NULL)
    return "";
  len = strlen (text);
  if (len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1])))
    return keep (self, g_strstrip (g_strdup (text)));
  return text;
}

/* Walks one expanded record: depth, element count, attribute count and sizes, text sizes. */
static gboolean
check_record (HwXmlReader *self, xmlNode *node, guint depth, guint *count, GError **error)
{
  guint n_attrs = 0;

  if (depth > self->limits.max_depth)
    {
      hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, hw_xml_reader_get_line (self, node),
                               _("elements are nested more than %u deep"),
                               self->limits.max_depth);
      return FALSE;
    }
  if (++*count > self->limits.max_record_nodes)
    {
      hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, hw_xml_reader_get_line (self, node),
                               _("one record holds more than %u elements"),
                               self->limits.max_record_nodes);
      return FALSE;
    }
  for (xmlAttr *a = node->properties; a; a = a->next)
    {
      const char *v = hw_xml_reader_attribute_value (self, a);

      if (++n_attrs > self->limits.max_attributes)
        {
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                                   hw_xml_reader_get_line (self, node),
                                   _("element <%s> has more than %u attributes"),
                                   (const char *) node->name, self->limits.max_attributes);
          return FALSE;
        }
      if (v && strlen (v) > self->limits.max_value_length)
        {
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                                   hw_xml_reader_get_line (self, node),
                                   _("attribute %s of <%s> is longer than %zu bytes"),
                                   (const char *) a->name, (const char *) node->name,
                                   self->limits.max_value_length);
          return FALSE;
        }
    }
  for (xmlNode *c = node->children; c; c = c->next)
    {
      switch (c->type)
        {
        case XML_ELEMENT_NODE:
          if (!check_record (self, c, depth + 1, count, error))
            return FALSE;
          break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (c->content && strlen ((const char *) c->content) > self->limits.max_value_length)
            {
              hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                                       hw_xml_reader_get_line (self, node),
                                       _("the text in <%s> is longer than %zu bytes"),
                                       (const char *) node->name,
                                       self->limits.max_value_length);
              return FALSE;
            }
          break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        default:
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                                   hw_xml_reader_get_line (self, node), "%s",
                                   _("entities are not allowed"));
          return FALSE;
        }
    }
  return TRUE;
}

static xmlNode *
next_record (HwXmlReader *self, GError **error)
{
  g_return_val_if_fail (self->root != NULL, NULL);

  g_ptr_array_set_size (self->scratch, 0);
  self->record = NULL;
  while (!self->done)
    {
      int ret = self->skip_pending ? xmlTextReaderNext (self->reader)
                                   : xmlTextReaderRead (self->reader);
      int type;
      xmlNode *node;

      self->skip_pending = FALSE;
      if (ret < 0 || self->refusal || self->xml_error)
        {
          self->done = TRUE;
          set_read_error (self, error);
          return NULL;
        }
      if (ret == 0)
        break;

      type = xmlTextReaderNodeType (self->reader);
      node = xmlTextReaderCurrentNode (self->reader);
      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (xmlTextReaderDepth (self->reader) == 1)
            {
              guint count = 0;

              /* Blank text just before the record ends where the record starts. */
              self->record_line = self->last_text_line > 0 ? self->last_text_line
                                  : node && node->line < 65535 ? node->line
                                  : xmlTextReaderGetParserLineNumber (self->reader);
              self->record_start = self->bytes_read;
              self->in_record = TRUE;
              node = xmlTextReaderExpand (self->reader);
              self->in_record = FALSE;
              if (node == NULL || self->xml_error || self->refusal)
                {
                  self->done = TRUE;
                  set_read_error (self, error);
                  return NULL;
                }
              self->skip_pending = TRUE;
              self->record = node;
              self->last_text_line = 0;
              if (!check_record (self, node, 1, &count, error))
                return NULL;
              return node;
            }
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, reader_line (self), "%s",
                                   _("a second root element"));
          return NULL;

        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (node)
            self->last_text_line = text_node_line (node);
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE,
                                   node ? text_start_line (node) : reader_line (self),
                                   _("unexpected text in <%s>"),
                                   hw_xml_reader_get_root_name (self));
          return NULL;

        case XML_READER_TYPE_END_ELEMENT:
        case XML_READER_TYPE_COMMENT:
        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
        case XML_READER_TYPE_XML_DECLARATION:
          self->last_text_line = 0;
          break;

        default:
          hw_xml_reader_set_error (self, error, HW_ERROR_PARSE, reader_line (self), "%s",
                                   _("document type declarations (DOCTYPE) and entities are "
                                     "not allowed"));
          return NULL;
        }
    }
  self->done = TRUE;
  return NULL;
}

gboolean
hw_xml_reader_read_root (HwXmlReader *self, GError **error)
{
  SavedHandler saved = catch_errors (self);
  gboolean ok = read_root (self, error);

  release_errors (saved);
  return ok;
}

xmlNode *
hw_xml_reader_next_record (HwXmlReader *self, GError **error)
{
  SavedHandler saved = catch_errors (self);
  xmlNode *node = next_record (self, error);

  release_errors (saved);
  return node;
}
