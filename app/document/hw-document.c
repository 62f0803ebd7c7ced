/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hw-document.h"
#include "hw-document-private.h"
#include "hw-error.h"
#include "hw-output-file.h"

/* Geometry, in points. ~18 mm side margins as the plan's layout proposes. */
#define MARGIN_X        51.0
#define MARGIN_TOP      34.0
#define MARGIN_BOTTOM   30.0
#define HEADER_GAP      12.0   /* between the running header's rule and the body */
#define FOOTER_GAP      12.0
#define EPS             0.01

#define FAMILY          "DejaVu Sans,Sans"
#define FAMILY_NARROW   "DejaVu Sans,Sans Condensed"

typedef enum {
  KIND_TITLE,
  KIND_SUBTITLE,
  KIND_HEADING,
  KIND_SUBHEADING,
  KIND_TEXT,
  KIND_NOTE,
  KIND_NOTICE,
  KIND_TABLE,
} BlockKind;

typedef struct {
  char        *text;
  gboolean     markup;
  /* After layout: one allocation of 4 × n_lines doubles, in points relative to the layout. */
  PangoLayout *layout;
  guint        n_lines;
  double      *top;
  double      *bottom;
  double      *baseline;
  double      *origin_x;
} Cell;

typedef struct {
  Cell    *cells;
  gboolean header;
} Row;

struct _HwDocTable {
  HwDocument  *doc;
  BlockKind    kind;
  HwTableFlags flags;
  guint        n_columns;
  double      *fractions;
  Row         *header;
  GPtrArray   *rows;          /* Row */
  char        *caption;       /* the heading it belongs to, for "(continued)" */
  /* After layout */
  double      *col_x;         /* relative to the left margin */
  double      *col_w;
  double       pad_x;
  double       pad_y;
  double       min_row_height;
  PangoLayout *caption_layout;
  double       caption_height;
};

typedef enum { ITEM_ROW, ITEM_CAPTION } ItemKind;

typedef struct {
  ItemKind    kind;
  HwDocTable *block;
  Row        *row;
  guint      *slice;          /* 2 × n_columns: first and end line per cell */
  double      y;
  double      height;
} Item;

typedef struct {
  GPtrArray *items;           /* Item */
} Page;

struct _HwDocument {
  GObject     parent_instance;

  char       *title;
  char       *author;
  char       *header_left;
  char       *header_right;
  char       *header_note;
  char       *footer_left;
  char       *footer_center;
  double      page_width;
  double      page_height;

  GPtrArray  *blocks;         /* HwDocTable */
  char       *last_heading;

  /* Pagination, NULL until needed. */
  PangoContext *context;
  GPtrArray    *pages;        /* Page */
  PangoLayout  *header_left_layout;
  PangoLayout  *header_right_layout;
  PangoLayout  *header_note_layout;
  PangoLayout  *footer_left_layout;
  PangoLayout  *footer_center_layout;
  double        header_height;
  double        footer_height;
  double        content_top;
  double        content_bottom;
};

G_DEFINE_FINAL_TYPE (HwDocument, hw_document, G_TYPE_OBJECT)

/* ---- Styles ---- */

typedef struct {
  const char *font;
  double      space_before;
  double      space_after;
  gboolean    keep_with_next;
  gboolean    flow;           /* splits between lines wherever the page ends */
} Style;

static const Style styles[] = {
  [KIND_TITLE]      = { FAMILY " Bold 17", 0, 3, TRUE, FALSE },
  [KIND_SUBTITLE]   = { FAMILY " 10.5", 0, 10, TRUE, TRUE },
  [KIND_HEADING]    = { FAMILY " Bold 12.5", 16, 6, TRUE, FALSE },
  [KIND_SUBHEADING] = { FAMILY " Bold 10", 9, 3, TRUE, FALSE },
  [KIND_TEXT]       = { FAMILY " 9.5", 0, 6, FALSE, TRUE },
  [KIND_NOTE]       = { FAMILY " Italic 8.5", 0, 6, FALSE, TRUE },
  [KIND_NOTICE]     = { FAMILY " 9.5", 2, 10, FALSE, TRUE },
  [KIND_TABLE]      = { FAMILY_NARROW " 8.5", 2, 8, FALSE, FALSE },
};

#define FONT_FIELDS  FAMILY " 9.5"
#define FONT_SMALL   FAMILY_NARROW " 8"
#define FONT_CAPTION FAMILY " Italic 8"
#define FONT_HEADER  FAMILY " 8"
#define FONT_FOOTER  FAMILY " 7.5"

/* ---- Building ---- */

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->text, g_free);
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->top, g_free);
  cell->bottom = cell->baseline = cell->origin_x = NULL;
  cell->n_lines = 0;
}

/* Only the row: its cells are freed by table_free(), which knows how many there are. */
static void
row_free (gpointer data)
{
  g_free (data);
}

static void
table_free (gpointer data)
{
  HwDocTable *t = data;

  for (guint r = 0; r <= t->rows->len; r++)
    {
      Row *row = r < t->rows->len ? t->rows->pdata[r] : t->header;

      if (row == NULL)
        continue;
      for (guint c = 0; c < t->n_columns; c++)
        cell_clear (&row->cells[c]);
      g_free (row->cells);
    }
  g_ptr_array_free (t->rows, TRUE);
  row_free (t->header);
  g_free (t->fractions);
  g_free (t->caption);
  g_free (t->col_x);
  g_free (t->col_w);
  g_clear_object (&t->caption_layout);
  g_free (t);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_free (page->items, TRUE);
  g_free (page);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->slice);
  g_free (item);
}

static void
invalidate (HwDocument *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static HwDocTable *
add_block (HwDocument *self, BlockKind kind, HwTableFlags flags, guint n_columns,
           const double *widths)
{
  HwDocTable *t = g_new0 (HwDocTable, 1);

  t->doc = self;
  t->kind = kind;
  t->flags = flags;
  t->n_columns = n_columns;
  t->fractions = g_new (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    t->fractions[c] = widths && widths[c] > 0 ? widths[c] : 1.0;
  t->rows = g_ptr_array_new_with_free_func (row_free);
  t->caption = g_strdup (self->last_heading);
  g_ptr_array_add (self->blocks, t);
  invalidate (self);
  return t;
}

static Row *
make_row (HwDocTable *t, const char *const *cells, gboolean markup)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (Cell, t->n_columns);
  for (guint c = 0; c < t->n_columns; c++)
    {
      row->cells[c].text = g_strdup (cells && cells[c] ? cells[c] : "");
      row->cells[c].markup = markup;
    }
  return row;
}

static void
add_single (HwDocument *self, BlockKind kind, const char *text, gboolean markup)
{
  HwDocTable *t = add_block (self, kind, 0, 1, NULL);
  const char *cells[] = { text };

  g_ptr_array_add (t->rows, make_row (t, cells, markup));
}

HwDocument *
hw_document_new (void)
{
  return g_object_new (HW_TYPE_DOCUMENT, NULL);
}

void
hw_document_set_title (HwDocument *self, const char *title)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

void
hw_document_set_author (HwDocument *self, const char *author)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

void
hw_document_set_header (HwDocument *self, const char *left, const char *right, const char *note)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->header_note);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
  self->header_note = g_strdup (note);
  invalidate (self);
}

void
hw_document_set_footer (HwDocument *self, const char *left, const char *center)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_free (self->footer_left);
  g_free (self->footer_center);
  self->footer_left = g_strdup (left);
  self->footer_center = g_strdup (center);
  invalidate (self);
}

void
hw_document_set_page_size (HwDocument *self, double width_pt, double height_pt)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (width_pt > 2 * MARGIN_X + 72 && height_pt > 288);
  if (fabs (self->page_width - width_pt) < EPS && fabs (self->page_height - height_pt) < EPS)
    return;
  self->page_width = width_pt;
  self->page_height = height_pt;
  invalidate (self);
}

void
hw_document_add_title (HwDocument *self, const char *title, const char *subtitle)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_single (self, KIND_TITLE, title, FALSE);
  if (subtitle && *subtitle)
    add_single (self, KIND_SUBTITLE, subtitle, FALSE);
}

void
hw_document_add_heading (HwDocument *self, const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_free (self->last_heading);
  self->last_heading = g_strdup (text);
  add_single (self, KIND_HEADING, text, FALSE);
}

void
hw_document_add_subheading (HwDocument *self, const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_single (self, KIND_SUBHEADING, text, FALSE);
}

void
hw_document_add_text (HwDocument *self, const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_single (self, KIND_TEXT, text, FALSE);
}

void
hw_document_add_note (HwDocument *self, const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_single (self, KIND_NOTE, text, FALSE);
}

void
hw_document_add_notice (HwDocument *self, const char *markup)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_single (self, KIND_NOTICE, markup, TRUE);
}

HwDocTable *
hw_document_add_table (HwDocument *self, HwTableFlags flags, guint n_columns,
                       const double *widths, const char *const *headers)
{
  HwDocTable *t;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);
  t = add_block (self, KIND_TABLE, flags, n_columns, widths);
  if (headers)
    {
      t->header = make_row (t, headers, FALSE);
      t->header->header = TRUE;
    }
  return t;
}

void
hw_doc_table_add_row (HwDocTable *table, const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->rows, make_row (table, cells, FALSE));
  invalidate (table->doc);
}

void
hw_doc_table_add_row_markup (HwDocTable *table, const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->rows, make_row (table, cells, TRUE));
  invalidate (table->doc);
}

void
hw_doc_table_add_field (HwDocTable *table, const char *label, const char *value)
{
  const char *cells[2] = { label, value };

  g_return_if_fail (table != NULL && table->n_columns == 2);
  hw_doc_table_add_row (table, cells);
}

guint
hw_doc_table_get_n_rows (HwDocTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const char *
hw_document_get_confidentiality_marking (void)
{
  /* Translators: the confidentiality marking on every printed page ("Taushetsbelagt –
   * unntatt offentlighet, offl. § 13, jf. bvl. § 13-1") */
  return _("Confidential – exempt from public access (offl. § 13, bvl. § 13-1)");
}

/* "Side 3 av 7" as translated; shared with builders that say the same elsewhere. */
static char *
hw_document_dup_page_label (int page, int n_pages)
{
  /* Translators: the page number in every printed page's footer, "Side 1 av 4" */
  return g_strdup_printf (_("Page %d of %d"), page, n_pages);
}

/* ---- Layout ---- */

static PangoContext *
make_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Device-independent metrics: the same line breaks on paper, in PDF and in the preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("nb"));
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
make_layout (PangoContext *context, const char *font, const char *text, gboolean markup,
             double width, PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (markup)
    pango_layout_set_markup (layout, text ? text : "", -1);
  else
    pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

static void
measure_cell (Cell *cell)
{
  PangoLayoutIter *iter;
  guint i = 0;

  cell->n_lines = pango_layout_get_line_count (cell->layout);
  cell->top = g_new (double, 4 * MAX (cell->n_lines, 1));
  cell->bottom = cell->top + cell->n_lines;
  cell->baseline = cell->bottom + cell->n_lines;
  cell->origin_x = cell->baseline + cell->n_lines;

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical, line_logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

      if (i >= cell->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (line, NULL, &line_logical);
      cell->top[i] = pango_units_to_double (logical.y);
      cell->bottom[i] = pango_units_to_double (logical.y + logical.height);
      cell->baseline[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      cell->origin_x[i] = pango_units_to_double (logical.x - line_logical.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cell->n_lines = i;
}

static const char *
cell_font (const HwDocTable *t, guint column, gboolean header)
{
  if (t->kind != KIND_TABLE)
    return styles[t->kind].font;
  if (t->flags & HW_TABLE_FIELDS)
    return column == 0 ? FAMILY " Bold 9.5" : FONT_FIELDS;
  if (t->flags & HW_TABLE_SMALL)
    return header ? FAMILY_NARROW " Bold 8" : FONT_SMALL;
  if (t->flags & HW_TABLE_SIGNATURES)
    return header ? FAMILY " Bold 8.5" : FAMILY " 9";
  return header ? FAMILY_NARROW " Bold 8.5" : styles[KIND_TABLE].font;
}

static void
layout_row (HwDocument *self, HwDocTable *t, Row *row)
{
  for (guint c = 0; c < t->n_columns; c++)
    {
      Cell *cell = &row->cells[c];
      const char *font = cell_font (t, c, row->header);

      g_clear_object (&cell->layout);
      g_clear_pointer (&cell->top, g_free);
      cell->layout = make_layout (self->context, font, cell->text, cell->markup,
                                  t->col_w[c] - 2 * t->pad_x, PANGO_ALIGN_LEFT);
      measure_cell (cell);
    }
}

static void
layout_block (HwDocument *self, HwDocTable *t)
{
  double content_width = self->page_width - 2 * MARGIN_X;
  double total = 0, x;

  switch (t->kind)
    {
    case KIND_TABLE:
      if (t->flags & HW_TABLE_FIELDS)
        t->pad_x = 2.0, t->pad_y = 1.5;
      else if (t->flags & HW_TABLE_SIGNATURES)
        t->pad_x = 4.0, t->pad_y = 4.0, t->min_row_height = 34.0;
      else
        t->pad_x = 3.0, t->pad_y = 2.5;
      break;
    case KIND_NOTICE:
      t->pad_x = 7.0, t->pad_y = 5.0;
      break;
    case KIND_HEADING:
      t->pad_x = 0, t->pad_y = 0;
      break;
    default:
      t->pad_x = 0, t->pad_y = 0;
      break;
    }

  g_free (t->col_x);
  g_free (t->col_w);
  t->col_x = g_new (double, t->n_columns);
  t->col_w = g_new (double, t->n_columns);
  for (guint c = 0; c < t->n_columns; c++)
    total += t->fractions[c];
  x = 0;
  for (guint c = 0; c < t->n_columns; c++)
    {
      t->col_x[c] = x;
      t->col_w[c] = content_width * t->fractions[c] / total;
      x += t->col_w[c];
    }

  if (t->header)
    layout_row (self, t, t->header);
  for (guint r = 0; r < t->rows->len; r++)
    layout_row (self, t, t->rows->pdata[r]);

  g_clear_object (&t->caption_layout);
  t->caption_height = 0;
  if (t->header && t->caption)
    {
      /* Translators: above a table's repeated header row on the next page; %s is the section */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), t->caption);

      t->caption_layout = make_layout (self->context, FONT_CAPTION, text, FALSE, content_width,
                                       PANGO_ALIGN_LEFT);
      t->caption_height = layout_height (t->caption_layout) + 3.0;
    }
}

/* The height of the lines [first[c], end[c]) of every cell, with padding. */
static double
slice_height (const HwDocTable *t, const Row *row, const guint *first, const guint *end)
{
  double h = 0;
  gboolean any = FALSE;

  for (guint c = 0; c < t->n_columns; c++)
    {
      const Cell *cell = &row->cells[c];
      guint s = first ? first[c] : 0;
      guint e = end ? end[c] : cell->n_lines;

      if (e > s)
        {
          h = MAX (h, cell->bottom[e - 1] - cell->top[s]);
          any = TRUE;
        }
    }
  if (!any)
    return 0;
  h += 2 * t->pad_y;
  if (first == NULL && end == NULL)
    h = MAX (h, t->min_row_height);
  return h;
}

static double
row_height (const HwDocTable *t, const Row *row)
{
  if (row == NULL)
    return 0;
  if (row->header)
    {
      /* A header row is never taller than its text. */
      g_autofree guint *first = g_new0 (guint, t->n_columns);

      return slice_height (t, row, first, NULL);
    }
  return slice_height (t, row, NULL, NULL);
}

static double
header_height (const HwDocTable *t)
{
  return row_height (t, t->header);
}

static double
total_height (const HwDocTable *t)
{
  double total = header_height (t);

  for (guint r = 0; r < t->rows->len; r++)
    total += row_height (t, t->rows->pdata[r]);
  return total;
}

/* Small label/value groups read as one: they move to the next page whole. */
static gboolean
keeps_together (const HwDocTable *t)
{
  return (t->flags & HW_TABLE_KEEP_TOGETHER) ||
         ((t->flags & HW_TABLE_FIELDS) && t->rows->len <= 6);
}

/* What must fit under a heading for the heading to stay on its page: the next block's start,
 * or all of it when it keeps together, and through a run of headings. */
static double
lead_height (GPtrArray *blocks, guint index, guint depth)
{
  const HwDocTable *t;
  const Row *first;
  double h;

  if (index >= blocks->len || depth > 4)
    return 0;
  t = blocks->pdata[index];
  h = styles[t->kind].space_before;
  if (styles[t->kind].keep_with_next)
    return h + total_height (t) + styles[t->kind].space_after +
           lead_height (blocks, index + 1, depth + 1);
  if (keeps_together (t))
    return h + total_height (t);
  if (t->rows->len == 0)
    return h + header_height (t);
  first = t->rows->pdata[0];
  {
    g_autofree guint *end = g_new (guint, t->n_columns);

    for (guint c = 0; c < t->n_columns; c++)
      end[c] = MIN (first->cells[c].n_lines, 2);
    return h + header_height (t) + slice_height (t, first, NULL, end);
  }
}

typedef struct {
  HwDocument *doc;
  double      y;
  Page       *page;
} Flow;

static void
flow_new_page (Flow *f)
{
  f->page = g_new0 (Page, 1);
  f->page->items = g_ptr_array_new_with_free_func (item_free);
  g_ptr_array_add (f->doc->pages, f->page);
  f->y = f->doc->content_top;
}

static void
flow_place (Flow *f, ItemKind kind, HwDocTable *t, Row *row, const guint *first,
            const guint *end, double height)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->block = t;
  item->row = row;
  item->y = f->y;
  item->height = height;
  if (row)
    {
      item->slice = g_new (guint, 2 * t->n_columns);
      for (guint c = 0; c < t->n_columns; c++)
        {
          item->slice[2 * c] = first ? first[c] : 0;
          item->slice[2 * c + 1] = end ? end[c] : row->cells[c].n_lines;
        }
    }
  g_ptr_array_add (f->page->items, item);
  f->y += height;
}

/* Lines of each cell that fit in @avail points (padding included). FALSE if none fits. */
static gboolean
fit_lines (const HwDocTable *t, const Row *row, const guint *first, guint *end, double avail,
           gboolean single_flow)
{
  double inner = avail - 2 * t->pad_y;
  gboolean progress = FALSE;

  for (guint c = 0; c < t->n_columns; c++)
    {
      const Cell *cell = &row->cells[c];
      guint e = first[c];

      while (e < cell->n_lines && cell->bottom[e] - cell->top[first[c]] <= inner + EPS)
        e++;
      if (single_flow && e < cell->n_lines)
        {
          guint taken = e - first[c], left = cell->n_lines - e;

          /* No single line alone at the foot of a page or the head of the next. */
          if (taken < 2 && cell->n_lines - first[c] >= 2)
            e = first[c];
          else if (left < 2 && taken > 2)
            e--;
        }
      end[c] = e;
      progress = progress || e > first[c];
    }
  return progress;
}

static void
place_block (Flow *f, guint index)
{
  HwDocTable *t = f->doc->blocks->pdata[index];
  HwDocument *self = f->doc;
  const Style *st = &styles[t->kind];
  double page_h = self->content_bottom - self->content_top;
  double head_h = header_height (t);
  double before = f->y > self->content_top + EPS ? st->space_before : 0;
  gboolean single_flow = st->flow && t->n_columns == 1;
  gboolean continued = FALSE, placed = FALSE;
  g_autofree guint *first = g_new0 (guint, t->n_columns);
  g_autofree guint *end = g_new0 (guint, t->n_columns);

  if (st->keep_with_next || keeps_together (t))
    {
      double total = total_height (t);

      if (st->keep_with_next)
        total += st->space_after + lead_height (self->blocks, index + 1, 0);
      if (f->y + before + total > self->content_bottom + EPS && f->y > self->content_top + EPS &&
          total <= page_h)
        {
          flow_new_page (f);
          before = 0;
        }
    }
  f->y += before;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = t->rows->pdata[r];

      memset (first, 0, sizeof (guint) * t->n_columns);
      for (;;)
        {
          gboolean need_header = t->header && (r == 0 || f->y <= self->content_top + EPS);
          double caption_h = need_header && continued ? t->caption_height : 0;
          double lead = need_header ? head_h + caption_h : 0;
          double avail = self->content_bottom - f->y;
          double fresh = page_h - (t->header ? head_h + t->caption_height : 0);
          gboolean at_top = f->y <= self->content_top + EPS;
          gboolean fresh_row = TRUE;
          double rest;

          for (guint c = 0; c < t->n_columns; c++)
            fresh_row = fresh_row && first[c] == 0;
          /* A whole row keeps its minimum height; the rest of a split one does not. */
          rest = slice_height (t, row, fresh_row ? NULL : first, NULL);

          if (lead + rest <= avail + EPS || (at_top && rest <= EPS))
            {
              if (caption_h > 0)
                flow_place (f, ITEM_CAPTION, t, NULL, NULL, NULL, caption_h);
              if (need_header)
                flow_place (f, ITEM_ROW, t, t->header, NULL, NULL, head_h);
              flow_place (f, ITEM_ROW, t, row, first, NULL, rest);
              placed = TRUE;
              break;
            }
          if (st->flow || rest > fresh + EPS || at_top)
            {
              gboolean progress = fit_lines (t, row, first, end, avail - lead, single_flow);

              if (!progress && at_top)
                {
                  /* Not even one line fits an empty page: give each cell one line anyway
                   * rather than loop for ever. */
                  for (guint c = 0; c < t->n_columns; c++)
                    end[c] = MIN (first[c] + 1, row->cells[c].n_lines);
                  progress = TRUE;
                }
              if (progress)
                {
                  if (caption_h > 0)
                    flow_place (f, ITEM_CAPTION, t, NULL, NULL, NULL, caption_h);
                  if (need_header)
                    flow_place (f, ITEM_ROW, t, t->header, NULL, NULL, head_h);
                  flow_place (f, ITEM_ROW, t, row, first, end, slice_height (t, row, first, end));
                  placed = TRUE;
                  memcpy (first, end, sizeof (guint) * t->n_columns);
                  if (slice_height (t, row, first, NULL) <= EPS)
                    break;
                }
            }
          flow_new_page (f);
          /* "(continued)" only over a table that began on an earlier page. */
          continued = placed;
        }
    }
  if (t->rows->len == 0 && t->header)
    {
      if (f->y + head_h > self->content_bottom + EPS)
        flow_new_page (f);
      flow_place (f, ITEM_ROW, t, t->header, NULL, NULL, head_h);
    }
  f->y += st->space_after;
}

static void
layout_running (HwDocument *self)
{
  double width = self->page_width - 2 * MARGIN_X;
  g_autofree char *sample = hw_document_dup_page_label (888, 888);
  g_autoptr(PangoLayout) page_layout = NULL;

  g_clear_object (&self->header_left_layout);
  g_clear_object (&self->header_right_layout);
  g_clear_object (&self->header_note_layout);
  g_clear_object (&self->footer_left_layout);
  g_clear_object (&self->footer_center_layout);

  self->header_left_layout = make_layout (self->context, FAMILY " Bold 8", self->header_left,
                                          FALSE, width * 0.58, PANGO_ALIGN_LEFT);
  self->header_right_layout = make_layout (self->context, FONT_HEADER, self->header_right, FALSE,
                                           width * 0.40, PANGO_ALIGN_RIGHT);
  self->header_height = MAX (layout_height (self->header_left_layout),
                             layout_height (self->header_right_layout));
  if (self->header_note && *self->header_note)
    {
      self->header_note_layout = make_layout (self->context, FAMILY " Italic 8",
                                              self->header_note, FALSE, width, PANGO_ALIGN_LEFT);
      self->header_height += 1.5 + layout_height (self->header_note_layout);
    }

  self->footer_left_layout = make_layout (self->context, FONT_FOOTER, self->footer_left, FALSE,
                                          width * 0.45, PANGO_ALIGN_LEFT);
  self->footer_center_layout = make_layout (self->context, FONT_FOOTER, self->footer_center,
                                            FALSE, width * 0.30, PANGO_ALIGN_CENTER);
  page_layout = make_layout (self->context, FONT_FOOTER, sample, FALSE, width * 0.23,
                             PANGO_ALIGN_RIGHT);
  self->footer_height = MAX (layout_height (self->footer_left_layout),
                             MAX (layout_height (self->footer_center_layout),
                                  layout_height (page_layout)));

  self->content_top = MARGIN_TOP + self->header_height + HEADER_GAP;
  self->content_bottom = self->page_height - MARGIN_BOTTOM - self->footer_height - FOOTER_GAP;
}

static void
paginate (HwDocument *self)
{
  Flow flow = { self, 0, NULL };

  if (self->pages)
    return;
  if (self->context == NULL)
    self->context = make_context ();
  self->pages = g_ptr_array_new_with_free_func (page_free);
  layout_running (self);
  for (guint i = 0; i < self->blocks->len; i++)
    layout_block (self, self->blocks->pdata[i]);

  flow_new_page (&flow);
  for (guint i = 0; i < self->blocks->len; i++)
    place_block (&flow, i);
  /* A page left empty by a break just before the end. */
  if (self->pages->len > 1 && flow.page->items->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

int
hw_document_get_n_pages (HwDocument *self)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (self), 0);
  paginate (self);
  return (int) self->pages->len;
}

/* ---- Drawing ---- */

static void
show_layout_at (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cell_lines (cairo_t *cr, const Cell *cell, guint first, guint end, double x, double y)
{
  for (guint i = first; i < end && i < cell->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (cell->layout, (int) i);

      cairo_move_to (cr, x + cell->origin_x[i], y + cell->baseline[i] - cell->top[first]);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_item (HwDocument *self, cairo_t *cr, const Item *item)
{
  HwDocTable *t = item->block;
  double width = self->page_width - 2 * MARGIN_X;
  double x0 = MARGIN_X;

  if (item->kind == ITEM_CAPTION)
    {
      show_layout_at (cr, t->caption_layout, x0, item->y);
      return;
    }

  cairo_save (cr);
  if (t->kind == KIND_TABLE && (t->flags & HW_TABLE_GRID))
    {
      if (item->row->header)
        {
          cairo_rectangle (cr, x0, item->y, width, item->height);
          cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x0, item->y, width, item->height);
      for (guint c = 1; c < t->n_columns; c++)
        {
          cairo_move_to (cr, x0 + t->col_x[c], item->y);
          cairo_line_to (cr, x0 + t->col_x[c], item->y + item->height);
        }
      cairo_stroke (cr);
    }
  else if (t->kind == KIND_TABLE && (t->flags & HW_TABLE_SIGNATURES) && !item->row->header)
    {
      cairo_set_line_width (cr, 0.6);
      for (guint c = 1; c < t->n_columns; c++)
        {
          if (item->row->cells[c].text[0] != '\0')
            continue;
          cairo_move_to (cr, x0 + t->col_x[c] + t->pad_x, item->y + item->height - 3);
          cairo_line_to (cr, x0 + t->col_x[c] + t->col_w[c] - t->pad_x,
                         item->y + item->height - 3);
        }
      cairo_stroke (cr);
    }
  else if (t->kind == KIND_NOTICE)
    {
      cairo_set_line_width (cr, 0.9);
      cairo_rectangle (cr, x0 + 0.45, item->y + 0.45, width - 0.9, item->height - 0.9);
      cairo_stroke (cr);
    }
  else if (t->kind == KIND_HEADING)
    {
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, x0, item->y + item->height + 1.5);
      cairo_line_to (cr, x0 + width, item->y + item->height + 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  for (guint c = 0; c < t->n_columns; c++)
    {
      const Cell *cell = &item->row->cells[c];
      guint first = item->slice[2 * c], end = item->slice[2 * c + 1];
      double y = item->y + t->pad_y;

      /* On a signature row the text stands on the line, as on a paper form. */
      if ((t->flags & HW_TABLE_SIGNATURES) && !item->row->header && end > first)
        y = item->y + item->height - 5.0 - (cell->bottom[end - 1] - cell->top[first]);
      draw_cell_lines (cr, cell, first, end, x0 + t->col_x[c] + t->pad_x, y);
    }
}

static void
draw_running (HwDocument *self, cairo_t *cr, int page)
{
  double width = self->page_width - 2 * MARGIN_X;
  double y = MARGIN_TOP, rule_y, foot_y;
  g_autofree char *label = hw_document_dup_page_label (page + 1, (int) self->pages->len);
  g_autoptr(PangoLayout) page_layout = make_layout (self->context, FONT_FOOTER, label, FALSE,
                                                    width * 0.23, PANGO_ALIGN_RIGHT);

  show_layout_at (cr, self->header_left_layout, MARGIN_X, y);
  show_layout_at (cr, self->header_right_layout, MARGIN_X + width * 0.60, y);
  if (self->header_note_layout)
    show_layout_at (cr, self->header_note_layout, MARGIN_X,
                    y + MAX (layout_height (self->header_left_layout),
                             layout_height (self->header_right_layout)) + 1.5);
  rule_y = MARGIN_TOP + self->header_height + 3.5;
  foot_y = self->page_height - MARGIN_BOTTOM - self->footer_height;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_X, rule_y);
  cairo_line_to (cr, MARGIN_X + width, rule_y);
  cairo_move_to (cr, MARGIN_X, foot_y - 4.0);
  cairo_line_to (cr, MARGIN_X + width, foot_y - 4.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  show_layout_at (cr, self->footer_left_layout, MARGIN_X, foot_y);
  show_layout_at (cr, self->footer_center_layout, MARGIN_X + width * 0.46, foot_y);
  show_layout_at (cr, page_layout, MARGIN_X + width * 0.77, foot_y);
}

void
hw_document_draw_page (HwDocument *self, cairo_t *cr, int page, double width_pt,
                       double height_pt)
{
  Page *p;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  paginate (self);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);
  p = self->pages->pdata[page];

  cairo_save (cr);
  if (width_pt > 0 && height_pt > 0 &&
      (fabs (width_pt - self->page_width) > 0.5 || fabs (height_pt - self->page_height) > 0.5))
    {
      double scale = MIN (width_pt / self->page_width, height_pt / self->page_height);

      cairo_translate (cr, (width_pt - self->page_width * scale) / 2,
                       (height_pt - self->page_height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_running (self, cr, page);
  for (guint i = 0; i < p->items->len; i++)
    draw_item (self, cr, p->items->pdata[i]);
  cairo_restore (cr);
}

typedef struct {
  GOutputStream *stream;
  HwOutputFile  *file;       /* instead of @stream */
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  WriteClosure *wc = closure;

  if (wc->error)
    return CAIRO_STATUS_WRITE_ERROR;
  if (wc->file)
    return hw_output_file_write (wc->file, data, length, &wc->error) ? CAIRO_STATUS_SUCCESS
                                                                    : CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (wc->stream, data, length, NULL, wc->cancellable, &wc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_pdf (HwDocument *self, WriteClosure *wc, GError **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  n_pages = hw_document_get_n_pages (self);
  surface = cairo_pdf_surface_create_for_stream (write_cb, wc, self->page_width,
                                                 self->page_height);
  if (self->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Homeward " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (int i = 0; i < n_pages && wc->error == NULL; i++)
    {
      hw_document_draw_page (self, cr, i, self->page_width, self->page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (wc->error)
    {
      g_propagate_error (error, g_steal_pointer (&wc->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_document_write_pdf (HwDocument *self, const char *path, GError **error)
{
  g_autoptr(HwOutputFile) file = NULL;
  WriteClosure wc = { NULL, NULL, NULL, NULL };

  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Owner-only, and in place only when complete: a full disk leaves any earlier file. */
  file = hw_output_file_open (path, error);
  if (file == NULL)
    return FALSE;
  wc.file = file;
  if (!write_pdf (self, &wc, error))
    return FALSE;
  return hw_output_file_commit (g_steal_pointer (&file), error);
}

/* ---- GObject ---- */

static void
hw_document_finalize (GObject *object)
{
  HwDocument *self = HW_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->header_left_layout);
  g_clear_object (&self->header_right_layout);
  g_clear_object (&self->header_note_layout);
  g_clear_object (&self->footer_left_layout);
  g_clear_object (&self->footer_center_layout);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->author);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->header_note);
  g_free (self->footer_left);
  g_free (self->footer_center);
  g_free (self->last_heading);

  G_OBJECT_CLASS (hw_document_parent_class)->finalize (object);
}

static void
hw_document_class_init (HwDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_document_finalize;
}

static void
hw_document_init (HwDocument *self)
{
  self->page_width = HW_A4_WIDTH_PT;
  self->page_height = HW_A4_HEIGHT_PT;
  self->blocks = g_ptr_array_new_with_free_func (table_free);
}
