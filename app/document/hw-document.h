/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A printable document: a flow of headings, paragraphs and tables, laid out with Pango on
 * pages of a fixed size, with a running header and footer on every page.
 *
 * Builders (the plan, the overdue list) add blocks; the document paginates them on demand.
 * Tables split between rows, and a row or paragraph taller than what is left of a page splits
 * between lines, so nothing is ever cut off; a table continued on a new page repeats its header
 * row under a "(continued)" caption. Headings are kept with what follows them.
 *
 * Layout is done once, in points, on a device-independent Pango context (72 dpi, no hinting),
 * so the PDF written here, the GTK print preview and the printed pages break at exactly the
 * same places. The same hw_document_draw_page() serves a cairo PDF surface and the cairo
 * context of a GtkPrintOperation's draw-page signal:
 *
 *   begin-print:  gtk_print_operation_set_n_pages (op, hw_document_get_n_pages (doc));
 *   draw-page:    hw_document_draw_page (doc, gtk_print_context_get_cairo_context (ctx), page,
 *                                        gtk_print_context_get_width (ctx),
 *                                        gtk_print_context_get_height (ctx));
 *
 * with gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and
 * gtk_print_operation_set_use_full_page (op, TRUE). */

#define HW_A4_WIDTH_PT  (210.0 / 25.4 * 72.0)   /* 595.28 */
#define HW_A4_HEIGHT_PT (297.0 / 25.4 * 72.0)   /* 841.89 */

#define HW_TYPE_DOCUMENT (hw_document_get_type ())
G_DECLARE_FINAL_TYPE (HwDocument, hw_document, HW, DOCUMENT, GObject)

typedef enum {
  HW_TABLE_PLAIN         = 0,
  HW_TABLE_GRID          = 1 << 0,  /* ruled cells and a shaded header row */
  HW_TABLE_FIELDS        = 1 << 1,  /* label/value pairs: first column bold, no rules */
  HW_TABLE_SIGNATURES    = 1 << 2,  /* tall rows with a line to write on in every other column */
  HW_TABLE_KEEP_TOGETHER = 1 << 3,  /* start on a new page rather than split, when it fits one */
  HW_TABLE_SMALL         = 1 << 4,  /* the small table font */
} HwTableFlags;

/* A table being filled; owned by its document. */
typedef struct _HwDocTable HwDocTable;

HwDocument *hw_document_new            (void);

/* PDF metadata. */
void        hw_document_set_title      (HwDocument *self, const char *title);
void        hw_document_set_author     (HwDocument *self, const char *author);

/* The running header: @left in bold (the confidentiality marking), @right (who the document is
 * about); @note, when set, a second line under them (for whom it was printed). */
void        hw_document_set_header     (HwDocument *self, const char *left, const char *right,
                                        const char *note);
/* The running footer: @left and @center; the right side is always "Page x of y". */
void        hw_document_set_footer     (HwDocument *self, const char *left, const char *center);

/* Blocks, in reading order. Text is plain UTF-8 unless the function says markup. */
void        hw_document_add_title      (HwDocument *self, const char *title,
                                        const char *subtitle);
void        hw_document_add_heading    (HwDocument *self, const char *text);
void        hw_document_add_subheading (HwDocument *self, const char *text);
void        hw_document_add_text       (HwDocument *self, const char *text);
/* Smaller, italic: explanations, "nothing recorded". */
void        hw_document_add_note       (HwDocument *self, const char *text);
/* A framed statement (for whom the document was made, what was left out). */
void        hw_document_add_notice     (HwDocument *self, const char *markup);

/* @widths: @n_columns relative widths (any positive numbers); @headers: @n_columns titles or
 * NULL for a table without a header row. */
HwDocTable *hw_document_add_table      (HwDocument          *self,
                                        HwTableFlags         flags,
                                        guint                n_columns,
                                        const double        *widths,
                                        const char *const   *headers);
/* One row of @n_columns cells (NULL = empty). */
void        hw_doc_table_add_row       (HwDocTable *table, const char *const *cells);
void        hw_doc_table_add_row_markup (HwDocTable *table, const char *const *cells);
/* Label/value convenience for HW_TABLE_FIELDS tables (two columns). */
void        hw_doc_table_add_field     (HwDocTable *table, const char *label, const char *value);

/* Pagination and drawing. */
int         hw_document_get_n_pages    (HwDocument *self);
/* Draws page @page (0-based) with the page's top-left corner at the origin of @cr, in points.
 * When @width_pt × @height_pt differ from the document's page size, the page is scaled to fit
 * and centred (a different paper chosen in the print dialog). */
void        hw_document_draw_page      (HwDocument *self, cairo_t *cr, int page,
                                        double width_pt, double height_pt);
gboolean    hw_document_write_pdf      (HwDocument *self, const char *path, GError **error);

/* The marking every printed page carries in its header, translated ("Taushetsbelagt – …"). */
const char *hw_document_get_confidentiality_marking (void);

G_END_DECLS
