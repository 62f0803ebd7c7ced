/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-document.c beyond its public API (hw-document.h): the application
 * does not call these. */

#include "hw-document.h"

G_BEGIN_DECLS

guint       hw_doc_table_get_n_rows    (HwDocTable *table);
/* A4 portrait unless set. Pagination is redone at the next call that needs it. */
void        hw_document_set_page_size  (HwDocument *self, double width_pt, double height_pt);

G_END_DECLS
