/* SPDX-License-Identifier: GPL-3.0-or-later */
/* homeward-cli indicators: the yearly account per rule (issue 19) — of the duties due in a
 * year, how many were met, met on time, not met, and not yet due — for the municipal council
 * and the County Governor. Counted from the same evaluation as check (app/check), so the two
 * always agree for the same day. Counts only: no case or person is named. */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "hw-cli.h"
#include "hw-caseload-check.h"
#include "hw-error.h"
#include "hw-output-file.h"

/* The year asked for and the four before it: the PDF's trend. */
#define N_YEARS 5

typedef struct {
  guint total;
  guint met;
  guint on_time;    /* met by evidence dated on or before the due date */
  guint not_met;    /* overdue, or a missed period */
  guint pending;    /* not met, not yet due */
} Counts;

typedef struct {
  const HwCatalogue *catalogue;
  int                year;
  GHashTable        *by_rule;   /* rule id (the catalogue's) → Counts[N_YEARS], the last
                                 * for @year */
} Indicators;

static void
on_case_findings (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Indicators *ind = user_data;

  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwDate due = hw_finding_get_due (f);
      HwFindingState state = hw_finding_get_state (f);
      HwDate evidence = hw_finding_get_evidence_date (f);
      Counts *c;
      int back;

      if (due == HW_DATE_NONE)
        continue;
      back = ind->year - hw_date_get_year (due);
      if (back < 0 || back >= N_YEARS)
        continue;
      c = g_hash_table_lookup (ind->by_rule, hw_finding_get_rule_id (f));
      if (c == NULL)
        continue;
      c += N_YEARS - 1 - back;
      c->total++;
      if (hw_finding_is_met (f))
        {
          c->met++;
          c->on_time += evidence != HW_DATE_NONE && evidence <= due;
        }
      else if (state == HW_FINDING_OVERDUE || state == HW_FINDING_MISSED)
        c->not_met++;
      else
        c->pending++;
    }
}

static void
print_tsv (Indicators *ind)
{
  printf ("rule\ttotal\tmet\ton_time\tnot_met\tpending\n");
  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const char *id = hw_rule_get_id (hw_catalogue_get_rule (ind->catalogue, i));
      const Counts *c = (Counts *) g_hash_table_lookup (ind->by_rule, id) + N_YEARS - 1;

      printf ("%s\t%u\t%u\t%u\t%u\t%u\n", id, c->total, c->met, c->on_time, c->not_met,
              c->pending);
    }
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
print_json (Indicators *ind, HwDate today, HwLang lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char iso[11];

  hw_date_to_iso (today, iso);
  json_builder_begin_object (b);
  add_uint (b, "year", ind->year);
  json_builder_set_member_name (b, "today");
  json_builder_add_string_value (b, iso);
  add_uint (b, "catalogue_version", hw_catalogue_get_version (ind->catalogue));
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (ind->catalogue, i);
      const Counts *c = (Counts *) g_hash_table_lookup (ind->by_rule, hw_rule_get_id (rule)) +
                        N_YEARS - 1;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, hw_rule_get_id (rule));
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, hw_rule_get_title (rule, lang));
      json_builder_set_member_name (b, "class");
      json_builder_add_string_value (b, hw_rule_class_to_string (hw_rule_get_class (rule)));
      add_uint (b, "total", c->total);
      add_uint (b, "met", c->met);
      add_uint (b, "on_time", c->on_time);
      add_uint (b, "not_met", c->not_met);
      add_uint (b, "pending", c->pending);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

/* ---- The PDF: what a leader pastes into the yearly report ---- */

#define PAGE_W (210.0 / 25.4 * 72.0)
#define PAGE_H (297.0 / 25.4 * 72.0)
#define MARGIN 50.0

/* The rules whose five-year line is drawn: once and period duties, whose met share says how
 * the service did (a recurring rule's finding is only ever its next date). */
static const char *const trend_rules[] = {
  "CARE_PLAN", "PARENT_FIRST_CONTACT", "FOSTER_HOME_APPROVAL", "FOLLOWUP_VISITS_YEAR",
  "TILSYN_VISITS_YEAR",
};
static const double trend_colours[][3] = {
  { 0.13, 0.40, 0.67 }, { 0.80, 0.40, 0.00 }, { 0.40, 0.60, 0.20 }, { 0.55, 0.25, 0.60 },
  { 0.60, 0.20, 0.20 },
};
/* On time, met late, not met, pending. */
static const double part_colours[][3] = {
  { 0.18, 0.49, 0.20 }, { 0.65, 0.84, 0.65 }, { 0.78, 0.16, 0.16 }, { 0.74, 0.74, 0.74 },
};

typedef struct {
  HwOutputFile *file;
  GError       *error;
} PdfSink;

static cairo_status_t
pdf_write (void *closure, const unsigned char *data, unsigned int length)
{
  PdfSink *sink = closure;

  if (sink->error == NULL && !hw_output_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return sink->error ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
make_layout (cairo_t *cr, const char *font, double width, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text in @font at (@x, @y) on one line within @width (ellipsized); its height. */
static double
draw_text (cairo_t *cr, const char *font, double x, double y, double width,
           PangoAlignment align, const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, width, text);
  int w, h;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

/* The same, wrapped over as many lines as it needs. */
static double
draw_paragraph (cairo_t *cr, const char *font, double x, double y, double width,
                const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, width, text);
  int w, h;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

static double
text_width (cairo_t *cr, const char *font, const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, -1, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
set_colour (cairo_t *cr, const double rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
draw_footer (cairo_t *cr, const char *left, int page, int n_pages)
{
  g_autofree char *label = g_strdup_printf (_("Page %d of %d"), page, n_pages);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_text (cr, "Sans 7", MARGIN, PAGE_H - MARGIN + 14, (PAGE_W - 2 * MARGIN) / 2,
             PANGO_ALIGN_LEFT, left);
  draw_text (cr, "Sans 7", PAGE_W / 2, PAGE_H - MARGIN + 14, (PAGE_W - 2 * MARGIN) / 2,
             PANGO_ALIGN_RIGHT, label);
}

static double
draw_legend (cairo_t *cr, double y, const char *const *labels, const double (*colours)[3],
             guint n)
{
  double x = MARGIN;

  for (guint i = 0; i < n; i++)
    {
      set_colour (cr, colours[i]);
      cairo_rectangle (cr, x, y + 2, 8, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, "Sans 8", x + 11, y, PAGE_W - MARGIN - x - 11, PANGO_ALIGN_LEFT,
                 labels[i]);
      x += 11 + 12 + text_width (cr, "Sans 8", labels[i]);
    }
  return y + 16;
}

static int
percent (guint part, guint whole)
{
  return whole ? (int) (100.0 * part / whole + 0.5) : 0;
}

/* Page 1: a bar per rule with duties due in the year, split into on time, met late, not
 * met and pending, with the on-time share beside it. */
static void
draw_bars_page (cairo_t *cr, Indicators *ind, HwLang lang, const char *subtitle)
{
  g_autofree char *title = g_strdup_printf (_("Duties due in %d"), ind->year);
  const char *legend[] = { _("on time"), _("met late"), _("not met"), _("pending") };
  const double label_w = 200, bar_x = MARGIN + label_w + 8, bar_w = 210, row_h = 15;
  double y = MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, "Sans Bold 16", MARGIN, y, PAGE_W - 2 * MARGIN, PANGO_ALIGN_LEFT, title);
  y += draw_text (cr, "Sans 9", MARGIN, y + 2, PAGE_W - 2 * MARGIN, PANGO_ALIGN_LEFT,
                  subtitle) + 10;
  y = draw_legend (cr, y, legend, part_colours, G_N_ELEMENTS (legend)) + 6;
  draw_text (cr, "Sans Bold 8", bar_x + bar_w + 6, y - 14, PAGE_W - MARGIN - bar_x - bar_w - 6,
             PANGO_ALIGN_RIGHT, _("on time"));

  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (ind->catalogue, i);
      const Counts *c = (Counts *) g_hash_table_lookup (ind->by_rule, hw_rule_get_id (rule)) +
                        N_YEARS - 1;
      const guint parts[] = { c->on_time, c->met - c->on_time, c->not_met, c->pending };
      g_autofree char *share = NULL;
      double x = bar_x;

      if (c->total == 0)
        continue;
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, "Sans 8", MARGIN, y + 1, label_w, PANGO_ALIGN_LEFT,
                 hw_rule_get_title (rule, lang));
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          double w = bar_w * parts[k] / c->total;

          set_colour (cr, part_colours[k]);
          cairo_rectangle (cr, x, y + 2, w, row_h - 5);
          cairo_fill (cr);
          x += w;
        }
      share = g_strdup_printf ("%d %% (%u)", percent (c->on_time, c->total), c->total);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, "Sans 8", bar_x + bar_w + 6, y + 1, PAGE_W - MARGIN - bar_x - bar_w - 6,
                 PANGO_ALIGN_RIGHT, share);
      y += row_h;
    }
  y += 8;
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_paragraph (cr, "Sans Italic 8", MARGIN, y, PAGE_W - 2 * MARGIN,
                  _("Each bar is the duties of one rule due in the year (their number in brackets). "
               "On time: met by a record dated on or before the due date. Not met: overdue, "
               "or a period that ended unmet. Pending: not met and not yet due."));
}

/* Page 2: the on-time share of the key rules over five years, and the table. */
static void
draw_trend_page (cairo_t *cr, Indicators *ind, HwLang lang)
{
  g_autofree char *title = g_strdup_printf (_("On time, %d–%d"), ind->year - N_YEARS + 1,
                                            ind->year);
  const char *names[G_N_ELEMENTS (trend_rules)];
  const double chart_x = MARGIN + 30, chart_w = PAGE_W - 2 * MARGIN - 40, chart_h = 170;
  const char *headers[] = { _("Rule"), _("total"), _("met"), _("on time"), _("not met"),
                            _("pending") };
  const double col_x[] = { MARGIN, 280, 330, 380, 430, 480 };
  double y = MARGIN, chart_y;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, "Sans Bold 13", MARGIN, y, PAGE_W - 2 * MARGIN, PANGO_ALIGN_LEFT, title)
       + 6;
  for (guint r = 0; r < G_N_ELEMENTS (trend_rules); r++)
    {
      const HwRule *rule = hw_catalogue_find_rule (ind->catalogue, trend_rules[r]);

      names[r] = rule ? hw_rule_get_title (rule, lang) : trend_rules[r];
    }
  /* Five names do not fit one line: two legend rows. */
  y = draw_legend (cr, y, names, trend_colours, 2);
  y = draw_legend (cr, y, names + 2, trend_colours + 2, G_N_ELEMENTS (trend_rules) - 2) + 6;

  chart_y = y;
  cairo_set_line_width (cr, 0.5);
  for (int pct = 0; pct <= 100; pct += 25)
    {
      double gy = chart_y + chart_h * (1 - pct / 100.0);
      g_autofree char *label = g_strdup_printf ("%d %%", pct);

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_move_to (cr, chart_x, gy);
      cairo_line_to (cr, chart_x + chart_w, gy);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (cr, "Sans 7", MARGIN - 10, gy - 5, 36, PANGO_ALIGN_RIGHT, label);
    }
  for (int k = 0; k < N_YEARS; k++)
    {
      g_autofree char *year = g_strdup_printf ("%d", ind->year - N_YEARS + 1 + k);

      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (cr, "Sans 7", chart_x + chart_w * k / (N_YEARS - 1) - 20, chart_y + chart_h + 3,
                 40, PANGO_ALIGN_CENTER, year);
    }
  cairo_set_line_width (cr, 1.5);
  for (guint r = 0; r < G_N_ELEMENTS (trend_rules); r++)
    {
      const Counts *c = g_hash_table_lookup (ind->by_rule, trend_rules[r]);
      gboolean drawing = FALSE;

      if (c == NULL)
        continue;
      set_colour (cr, trend_colours[r]);
      /* A year without such duties is a gap, not a zero. */
      for (int k = 0; k < N_YEARS; k++)
        {
          double px = chart_x + chart_w * k / (N_YEARS - 1);
          double py = chart_y + chart_h * (1 - (c[k].total ? (double) c[k].on_time / c[k].total
                                                           : 0));

          if (c[k].total == 0)
            {
              if (drawing)
                cairo_stroke (cr);
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          drawing = TRUE;
        }
      if (drawing)
        cairo_stroke (cr);
      for (int k = 0; k < N_YEARS; k++)
        if (c[k].total)
          {
            cairo_arc (cr, chart_x + chart_w * k / (N_YEARS - 1),
                       chart_y + chart_h * (1 - (double) c[k].on_time / c[k].total), 2.2, 0,
                       2 * G_PI);
            cairo_fill (cr);
          }
    }
  y = chart_y + chart_h + 24;

  /* The table: every rule, as the tsv. */
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, MARGIN, y, PAGE_W - 2 * MARGIN, 12);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint k = 0; k < G_N_ELEMENTS (headers); k++)
    draw_text (cr, "Sans Bold 7", col_x[k], y + 1, k ? 45 : 240,
               k ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, headers[k]);
  y += 13;
  for (guint i = 0; i < hw_catalogue_get_n_rules (ind->catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (ind->catalogue, i);
      const Counts *c = (Counts *) g_hash_table_lookup (ind->by_rule, hw_rule_get_id (rule)) +
                        N_YEARS - 1;
      const guint values[] = { c->total, c->met, c->on_time, c->not_met, c->pending };

      draw_text (cr, "Sans 7", col_x[0], y, 240, PANGO_ALIGN_LEFT,
                 hw_rule_get_title (rule, lang));
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          char cell[12];

          g_snprintf (cell, sizeof cell, "%u", values[k]);
          draw_text (cr, "Sans 7", col_x[k + 1], y, 45, PANGO_ALIGN_RIGHT, cell);
        }
      y += 11;
    }
}

static gboolean
write_pdf (Indicators *ind, HwDate today, HwLang lang, const char *scope, const char *path,
           GError **error)
{
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *date = hw_date_dup_display (today);
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;

  subtitle = g_strdup_printf (_("%s. As of %s; rule catalogue version %d."), scope, date,
                              hw_catalogue_get_version (ind->catalogue));
  footer = g_strdup_printf ("Homeward – %s – %s", scope, date);
  sink.file = hw_output_file_open (path, error);
  if (sink.file == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Homeward");
  cr = cairo_create (surface);
  draw_bars_page (cr, ind, lang, subtitle);
  draw_footer (cr, footer, 1, 2);
  cairo_show_page (cr);
  draw_trend_page (cr, ind, lang);
  draw_footer (cr, footer, 2, 2);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error)
    {
      g_propagate_error (error, sink.error);
      hw_output_file_abort (sink.file);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: %s"), path,
                   cairo_status_to_string (status));
      hw_output_file_abort (sink.file);
      return FALSE;
    }
  return hw_output_file_commit (sink.file, error);
}

int
hw_cli_indicators (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwService) service = NULL;
  HwCatalogue *catalogue;
  g_autoptr(GHashTable) by_rule = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *today_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *team = NULL;
  g_autofree char *lang_text = NULL;
  g_auto(HwCliWorklist) worklist = { 0 };
  HwCheckOptions options = { 0 };
  Indicators ind = { 0 };
  HwLang lang = HW_LANG_NB;
  gboolean json = FALSE;
  gboolean pdf = FALSE;
  g_autofree char *output = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year whose due dates are counted"), "YYYY" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only the cases of this team (name or id)"), "NAME|ID" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Only the cases of this caseworker (name, user name or id)"), "NAME|ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv, json or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("With --format pdf: the file to write"), "FILE" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute the states as of this date"), "YYYY-MM-DD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text, N_("Language of the rule titles (json): nb, nn or en"), "LANG" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Counts, per rule, the duties due in a year: "
                                           "total, met, met on time, not met (overdue or "
                                           "missed) and pending (not met, not yet due), as "
                                           "of --today (default today)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("indicators", _("unexpected argument"));
  if (year < 1900 || year > 9999)
    return hw_cli_usage_error ("indicators", _("--year YYYY is required (1900–9999)"));
  if (format && g_str_equal (format, "json"))
    json = TRUE;
  else if (format && g_str_equal (format, "pdf"))
    pdf = TRUE;
  else if (format && !g_str_equal (format, "tsv"))
    return hw_cli_usage_error ("indicators", _("--format must be tsv, json or pdf"));
  if (pdf != (output != NULL))
    return hw_cli_usage_error ("indicators", _("-o FILE goes with --format pdf, and only "
                                               "with it"));
  if (!hw_cli_parse_lang (lang_text, &lang, &error))
    return hw_cli_usage_error ("indicators", error->message);
  if (!hw_cli_parse_today (today_text, &options.today, &error))
    return hw_cli_fail (error);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  service = hw_service_new (store, &error);
  if (service == NULL)
    return hw_cli_fail (error);
  catalogue = hw_service_get_catalogue (service);
  if (!hw_cli_worklist_resolve (store, staff, team, &worklist, &error))
    return error->domain == HW_ERROR && (error->code == HW_ERROR_NOT_FOUND ||
                                         error->code == HW_ERROR_CONFLICT)
             ? hw_cli_usage_error ("indicators", error->message) : hw_cli_fail (error);
  options.caseworker_id = worklist.caseworker_id;
  options.team_id = worklist.team_id;

  ind.catalogue = catalogue;
  ind.year = year;
  ind.by_rule = by_rule;
  /* Every rule has a row, zeros included: a council reads a missing row as "not counted". */
  for (guint i = 0; i < hw_catalogue_get_n_rules (catalogue); i++)
    g_hash_table_insert (by_rule, (gpointer) hw_rule_get_id (hw_catalogue_get_rule (catalogue, i)),
                         g_new0 (Counts, N_YEARS));
  if (!hw_check_caseload (service, &options, on_case_findings, &ind, &error))
    return hw_cli_fail (error);
  if (pdf)
    {
      g_autofree char *scope = NULL;

      if (worklist.team_id || worklist.caseworker_id)
        scope = g_strdup_printf ("%s%s%s", team ? team : "", team && staff ? ", " : "",
                                 staff ? staff : "");
      else
        scope = g_strdup (_("The whole service"));
      if (!write_pdf (&ind, options.today, lang, scope, output, &error))
        return hw_cli_fail (error);
      printf (_("Wrote the indicators for %d to %s\n"), year, output);
    }
  else if (json)
    print_json (&ind, options.today, lang);
  else
    print_tsv (&ind);
  return 0;
}
