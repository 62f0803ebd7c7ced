/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "hw-output-file.h"

G_BEGIN_DECLS

/* An xmlTextWriter that writes into @out (which stays the caller's: free the writer, then
 * commit or abort @out). libxml2's own file output is not used: it takes its file name for a
 * URI and unescapes it ("a%41.xml" became "aA.xml"), and it opens files with the umask's mode
 * and without O_EXCL. A write error is kept by @out and not passed to libxml2 (which would
 * print its own message): ask hw_output_file_check() after each record; the commit refuses
 * in any case. */
xmlTextWriterPtr hw_xml_output_new_writer (HwOutputFile *out);

G_END_DECLS
