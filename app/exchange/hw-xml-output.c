/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-xml-output"

#include "config.h"

#include "hw-xml-output.h"

/* A failed write is kept by the HwOutputFile and not reported to libxml2, which would print
 * "I/O error" on stderr by itself; the callers ask hw_output_file_check() after each record
 * and stop there, and the commit refuses. */
static int
write_cb (void *context, const char *buffer, int len)
{
  if (len > 0)
    hw_output_file_write (context, buffer, (gsize) len, NULL);
  return len;
}

static int
close_cb (void *context)
{
  (void) context;
  return 0;
}

xmlTextWriterPtr
hw_xml_output_new_writer (HwOutputFile *out)
{
  xmlOutputBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (out != NULL, NULL);

  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, out, NULL);
  if (buffer == NULL)
    return NULL;
  /* The writer owns @buffer once made; libxml2 2.9 leaves it to us when it fails. */
  writer = xmlNewTextWriter (buffer);
  if (writer == NULL)
    xmlOutputBufferClose (buffer);
  return writer;
}
