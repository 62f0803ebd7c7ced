/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The layout engine: pagination, splitting, running header and footer, PDF output. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hw-document.h"
#include "hw-document-private.h"
#include "hw-plan-fixture.h"
#include "hw-test-support.h"

static char *tmpdir;

static void
setup (void)
{
  tmpdir = hw_test_make_tmpdir ();
}

static void
teardown (void)
{
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static char *
write_doc (HwDocument *doc, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  ck_assert_msg (hw_document_write_pdf (doc, path, &error), "%s", error ? error->message : "");
  return path;
}

static HwDocument *
new_doc (void)
{
  HwDocument *doc = hw_document_new ();

  hw_document_set_header (doc, "Taushetsbelagt", "Æ.Ø. · Sak 1", "For: test");
  hw_document_set_footer (doc, "Skrevet ut 01.01.2026", "Versjon 1");
  return doc;
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

START_TEST (test_empty)
{
  g_autoptr(HwDocument) doc = new_doc ();
  g_autofree char *path = write_doc (doc, "empty.pdf");
  g_autofree char *size = NULL;

  ck_assert_int_eq (hw_document_get_n_pages (doc), 1);
  ck_assert_int_eq (hw_test_pdf_pages (path, &size), 1);
  ck_assert (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
}
END_TEST

START_TEST (test_long_paragraph)
{
  g_autoptr(HwDocument) doc = new_doc ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int pages;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "ord%04u blåbærsyltetøy ", i);
  hw_document_add_heading (doc, "Lang tekst");
  hw_document_add_text (doc, text->str);
  path = write_doc (doc, "paragraph.pdf");
  pages = hw_document_get_n_pages (doc);
  ck_assert_int_ge (pages, 3);
  out = hw_test_pdftotext (path, FALSE);
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *word = g_strdup_printf ("ord%04u", i);

      ck_assert_msg (strstr (out, word), "lost %s", word);
    }
  ck_assert_uint_eq (count (out, "Taushetsbelagt"), (guint) pages);
  ck_assert_int_eq (hw_test_check_pdf_geometry (path), pages);
}
END_TEST

START_TEST (test_table_rows_split)
{
  g_autoptr(HwDocument) doc = new_doc ();
  static const double widths[] = { 20, 50, 30 };
  const char *headers[] = { "Kolonne A", "Kolonne B", "Kolonne C" };
  HwDocTable *t;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  int n_pages;

  hw_document_add_heading (doc, "Tabell");
  t = hw_document_add_table (doc, HW_TABLE_GRID, 3, widths, headers);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *a = g_strdup_printf ("rad%03u", i);

      hw_doc_table_add_row (t, (const char *[]) { a, "Noe tekst i midten som kan gå over "
                                                     "flere linjer når kolonnen er smal", NULL });
    }
  /* One row far taller than a page: it must split between its lines. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (huge, "linje%03u ", i);
  hw_doc_table_add_row (t, (const char *[]) { "kjempe", huge->str, "høyre" });
  /* A word longer than its column wraps inside it. */
  hw_doc_table_add_row (t, (const char *[]) { "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                              "https://www.bufdir.no/fagstotte/produkter/"
                                              "barn_som_flytter_i_fosterhjem___samhandlingsforlop/",
                                              "" });
  ck_assert_uint_eq (hw_doc_table_get_n_rows (t), 122);

  path = write_doc (doc, "table.pdf");
  n_pages = hw_document_get_n_pages (doc);
  ck_assert_int_ge (n_pages, 4);
  out = hw_test_pdftotext (path, FALSE);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *word = g_strdup_printf ("linje%03u", i);

      ck_assert_msg (strstr (out, word), "lost %s", word);
    }
  /* The header row on every page the table runs over, with a "(continued)" caption. */
  pages = g_strsplit (out, "\f", -1);
  for (int i = 0; i < n_pages; i++)
    {
      ck_assert_msg (strstr (pages[i], "Kolonne A"), "page %d lacks the header row", i + 1);
      if (i > 0)
        ck_assert_msg (strstr (pages[i], "Tabell (continued)"), "page %d: no caption", i + 1);
    }
  ck_assert_int_eq (hw_test_check_pdf_geometry (path), n_pages);
}
END_TEST

START_TEST (test_heading_kept_with_next)
{
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  guint fit = 0;

  /* As many one-line paragraphs as fill the first page… */
  for (guint k = 30; k < 200 && fit == 0; k++)
    {
      g_autoptr(HwDocument) probe = new_doc ();

      for (guint i = 0; i <= k; i++)
        hw_document_add_text (probe, "Et avsnitt på én linje.");
      if (hw_document_get_n_pages (probe) > 1)
        fit = k;
    }
  ck_assert_uint_gt (fit, 0);
  /* …then a heading: it must move to page 2 with the text under it. */
  doc = new_doc ();
  for (guint i = 0; i < fit; i++)
    hw_document_add_text (doc, "Et avsnitt på én linje.");
  hw_document_add_heading (doc, "Overskrift som ikke skal stå alene");
  hw_document_add_text (doc, "Teksten under overskriften.");
  path = write_doc (doc, "heading.pdf");
  out = hw_test_pdftotext (path, FALSE);
  pages = g_strsplit (out, "\f", -1);
  ck_assert_int_eq (hw_document_get_n_pages (doc), 2);
  ck_assert (strstr (pages[0], "Overskrift") == NULL);
  ck_assert (strstr (pages[1], "Overskrift") != NULL);
  ck_assert (strstr (pages[1], "Teksten under") != NULL);
}
END_TEST

START_TEST (test_other_paper)
{
  g_autoptr(HwDocument) doc = new_doc ();
  cairo_surface_t *surface;
  cairo_t *cr;
  int a4_pages, letter_pages;
  g_autofree char *path = g_build_filename (tmpdir, "scaled.pdf", NULL);

  for (guint i = 0; i < 200; i++)
    hw_document_add_text (doc, "Linje med litt tekst, æøå ÆØÅ.");
  a4_pages = hw_document_get_n_pages (doc);

  /* Drawn on another paper the A4 pages are scaled to fit. */
  surface = cairo_pdf_surface_create (path, 612, 792);
  cr = cairo_create (surface);
  for (int i = 0; i < a4_pages; i++)
    {
      hw_document_draw_page (doc, cr, i, 612, 792);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  ck_assert_int_eq (hw_test_pdf_pages (path, NULL), a4_pages);
  hw_test_check_pdf_geometry (path);

  /* Or laid out for it. */
  hw_document_set_page_size (doc, 612, 792);
  letter_pages = hw_document_get_n_pages (doc);
  ck_assert_int_ge (letter_pages, a4_pages);
  {
    g_autofree char *letter = write_doc (doc, "letter.pdf");
    g_autofree char *size = NULL;

    ck_assert_int_eq (hw_test_pdf_pages (letter, &size), letter_pages);
    ck_assert_msg (g_str_has_prefix (size, "612 x 792"), "%s", size);
  }
}
END_TEST

START_TEST (test_write_errors)
{
  g_autoptr(HwDocument) doc = new_doc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (tmpdir, "no", "such", "folder", "x.pdf", NULL);
  g_autofree char *existing = g_build_filename (tmpdir, "keep.pdf", NULL);
  g_autofree char *contents = NULL;

  hw_document_add_text (doc, "Hei");
  ck_assert (!hw_document_write_pdf (doc, missing, &error));
  ck_assert (error != NULL);

  /* Written owner-only. */
  ck_assert (hw_document_write_pdf (doc, existing, NULL));
  {
    GStatBuf st;

    ck_assert_int_eq (g_stat (existing, &st), 0);
    ck_assert_int_eq (st.st_mode & 0077, 0);
  }
  ck_assert (g_file_get_contents (existing, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "%PDF-"));
}
END_TEST

START_TEST (test_markup_and_notice)
{
  g_autoptr(HwDocument) doc = new_doc ();
  static const double widths[] = { 1, 1 };
  HwDocTable *t;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  hw_document_add_title (doc, "Tittel", "Undertittel");
  hw_document_add_notice (doc, "<b>Utskrift for:</b> foreldrene &amp; andre");
  hw_document_add_subheading (doc, "Underoverskrift");
  hw_document_add_note (doc, "Merknad <ikke markup>");
  t = hw_document_add_table (doc, HW_TABLE_FIELDS, 2, widths, NULL);
  hw_doc_table_add_field (t, "Navn", "<Ola & Kari>");
  t = hw_document_add_table (doc, HW_TABLE_SIGNATURES, 2, widths, (const char *[]) { "", "Dato" });
  hw_doc_table_add_row (t, (const char *[]) { "Kontaktperson", "" });
  path = write_doc (doc, "markup.pdf");
  out = hw_test_pdftotext (path, FALSE);
  ck_assert (strstr (out, "Utskrift for: foreldrene & andre"));
  ck_assert (strstr (out, "Merknad <ikke markup>"));
  ck_assert (strstr (out, "<Ola & Kari>"));
  ck_assert (strstr (out, "Page 1 of 1"));
}
END_TEST

static Suite *
document_suite (void)
{
  Suite *s = suite_create ("document");
  TCase *tc = tcase_create ("layout");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_empty);
  tcase_add_test (tc, test_long_paragraph);
  tcase_add_test (tc, test_table_rows_split);
  tcase_add_test (tc, test_heading_kept_with_next);
  tcase_add_test (tc, test_other_paper);
  tcase_add_test (tc, test_write_errors);
  tcase_add_test (tc, test_markup_and_notice);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (document_suite ());
}
