/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The guarded reader under both importers: records, exact lines, and what it refuses. */
#include "config.h"

#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
/* AddressSanitizer's own count (sanitizer/allocator_interface.h, which gcc does not ship). */
size_t __sanitizer_get_current_allocated_bytes (void);
#endif
#include <stdio.h>
#include <string.h>

#include "hw-error.h"
#include "hw-exchange-test.h"
#include "hw-xml-reader.h"

static HwXmlReader *
open_text (const char *text, const HwXmlLimits *limits)
{
  g_autoptr(GError) error = NULL;
  HwXmlReader *r = hw_xml_reader_new_for_memory (text, strlen (text), "doc.xml", limits, &error);

  ck_assert_no_error (error);
  return r;
}

/* Reads to the end; the error, if any. */
static GError *
read_all (HwXmlReader *r, guint *n_records)
{
  GError *error = NULL;
  guint n = 0;

  if (!hw_xml_reader_read_root (r, &error))
    return error;
  while (hw_xml_reader_next_record (r, &error))
    n++;
  if (n_records)
    *n_records = n;
  return error;
}

static void
assert_refused (const char *text, const HwXmlLimits *limits, int line, const char *reason)
{
  g_autoptr(HwXmlReader) r = open_text (text, limits);
  g_autoptr(GError) error = read_all (r, NULL);
  g_autofree char *prefix = g_strdup_printf ("doc.xml:%d: ", line);

  ck_assert_msg (error != NULL, "accepted: %s", text);
  ck_assert_msg (g_str_has_prefix (error->message, prefix), "expected “%s…”, got “%s”", prefix,
                 error->message);
  ck_assert_msg (strstr (error->message, reason), "“%s” lacks “%s”", error->message, reason);
}

START_TEST (test_records)
{
  const char *text = "\xef\xbb\xbf<?xml version=\"1.0\"?>\n"
                     "<!-- a comment before the root -->\n"
                     "<?some-instruction?>\n"
                     "<root a=\"1\">\n"
                     "  <one x=\"&amp;&#65;&lt;\"/>\n"
                     "  <!-- between records -->\n"
                     "  <two>\n"
                     "    <leaf>  text  </leaf>\n"
                     "  </two>\n"
                     "</root>\n";
  g_autoptr(HwXmlReader) r = open_text (text, NULL);
  g_autoptr(GError) error = NULL;
  xmlNode *node;

  ck_assert (hw_xml_reader_read_root (r, &error));
  ck_assert_str_eq (hw_xml_reader_get_root_name (r), "root");
  ck_assert_int_eq (hw_xml_reader_get_root_line (r), 4);
  ck_assert_str_eq (hw_xml_reader_get_attribute (r, hw_xml_reader_get_root (r), "a"), "1");

  node = hw_xml_reader_next_record (r, &error);
  ck_assert_ptr_nonnull (node);
  ck_assert_str_eq ((const char *) node->name, "one");
  ck_assert_int_eq (hw_xml_reader_get_line (r, node), 5);
  ck_assert_str_eq (hw_xml_reader_get_attribute (r, node, "x"), "&A<");
  ck_assert_ptr_null (hw_xml_reader_get_attribute (r, node, "y"));

  node = hw_xml_reader_next_record (r, &error);
  ck_assert_str_eq ((const char *) node->name, "two");
  ck_assert_int_eq (hw_xml_reader_get_line (r, node), 7);
  ck_assert_int_eq (hw_xml_reader_get_line (r, xmlFirstElementChild (node)), 8);
  ck_assert_str_eq (hw_xml_reader_get_text (r, xmlFirstElementChild (node)), "text");

  ck_assert_ptr_null (hw_xml_reader_next_record (r, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_xml_reader_get_bytes_read (r), strlen (text));
}
END_TEST

/* libxml2 keeps lines in 16 bits; the reader's are exact far beyond. */
START_TEST (test_lines_past_65535)
{
  g_autoptr(GString) doc = g_string_new ("<root>\n");
  g_autoptr(HwXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  xmlNode *node;
  guint n = 0;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (doc, "  <rec n=\"%u\">\n    <child/>\n  </rec>\n", i);
  g_string_append (doc, "</root>\n");
  r = open_text (doc->str, NULL);
  ck_assert (hw_xml_reader_read_root (r, &error));
  while ((node = hw_xml_reader_next_record (r, &error)))
    {
      int expected = 2 + 3 * (int) n;

      ck_assert_int_eq (hw_xml_reader_get_line (r, node), expected);
      ck_assert_int_eq (hw_xml_reader_get_line (r, xmlFirstElementChild (node)), expected + 1);
      n++;
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (n, 40000);
}
END_TEST

START_TEST (test_doctype_refused)
{
  /* Refused before libxml2 sees it: the entity is never defined, let alone expanded. */
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY e SYSTEM "
                  "\"file:///etc/passwd\">\n]>\n<r>&e;</r>\n", NULL, 2, "DOCTYPE");
  assert_refused ("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>", NULL, 1, "DOCTYPE");
  assert_refused ("<?xml version=\"1.0\"?>\n<!-- c -->\n<!ENTITY x \"y\">\n<r/>", NULL, 3,
                  "DOCTYPE");
  /* Without a declaration an entity reference is simply undefined */
  assert_refused ("<r>\n<a x=\"&undefined;\"/>\n</r>", NULL, 2, "malformed XML");
}
END_TEST

START_TEST (test_billion_laughs)
{
  g_autofree char *path = hw_xtest_fixture ("refuse-billion-laughs.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(HwXmlReader) r = hw_xml_reader_new_for_file (path, "laughs.xml", NULL, &error);
  gint64 start = g_get_monotonic_time ();
  GError *read_error;

  ck_assert_no_error (error);
  read_error = read_all (r, NULL);
  ck_assert_ptr_nonnull (read_error);
  ck_assert (g_str_has_prefix (read_error->message, "laughs.xml:2: "));
  ck_assert_uint_lt (hw_xml_reader_get_bytes_read (r), 8192);   /* stopped at once */
  ck_assert_int_lt (g_get_monotonic_time () - start, G_USEC_PER_SEC);
  g_error_free (read_error);
}
END_TEST

START_TEST (test_encodings)
{
  static const char utf16[] = "\xff\xfe<\0r\0/\0>\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(HwXmlReader) r = hw_xml_reader_new_for_memory (utf16, sizeof utf16 - 1, "doc.xml",
                                                            NULL, &error);
  GError *read_error = read_all (r, NULL);

  ck_assert_ptr_nonnull (read_error);
  ck_assert (strstr (read_error->message, "not UTF-8"));
  g_error_free (read_error);
  /* An ASCII-compatible declared encoding is fine */
  {
    g_autoptr(HwXmlReader) latin = open_text ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                                              "<r><a v=\"\xe6\xf8\xe5\"/></r>", NULL);
    g_autoptr(GError) e = NULL;
    xmlNode *node;

    ck_assert (hw_xml_reader_read_root (latin, &e));
    node = hw_xml_reader_next_record (latin, &e);
    ck_assert_str_eq (hw_xml_reader_get_attribute (latin, node, "v"), "æøå");
  }
}
END_TEST

START_TEST (test_malformed)
{
  assert_refused ("<r>\n<a>\n</b>\n</r>", NULL, 3, "malformed XML");
  assert_refused ("<r>\n<a/>\n", NULL, 2, "malformed XML");          /* truncated */
  assert_refused ("<r>\n<a x=\"1\" x=\"2\"/>\n</r>", NULL, 2, "malformed XML");
  assert_refused ("<r>\n  text\n  <a/>\n</r>", NULL, 2, "unexpected text");
  assert_refused ("<r/>\n<s/>", NULL, 2, "malformed XML");            /* two roots */
  {
    g_autoptr(HwXmlReader) r = open_text ("", NULL);
    g_autoptr(GError) error = read_all (r, NULL);

    ck_assert_ptr_nonnull (error);
    ck_assert (g_str_has_prefix (error->message, "doc.xml"));
  }
}
END_TEST

START_TEST (test_limits)
{
  HwXmlLimits limits = { 0 };
  g_autoptr(GString) doc = NULL;

  limits.max_depth = 3;
  assert_refused ("<r>\n<a><b><c><d/></c></b></a>\n</r>", &limits, 2, "nested");
  memset (&limits, 0, sizeof limits);
  limits.max_attributes = 2;
  assert_refused ("<r>\n<a x=\"1\" y=\"2\" z=\"3\"/>\n</r>", &limits, 2, "attributes");
  memset (&limits, 0, sizeof limits);
  limits.max_value_length = 4;
  assert_refused ("<r>\n<a x=\"12345\"/>\n</r>", &limits, 2, "longer than 4 bytes");
  assert_refused ("<r>\n<a>12345</a>\n</r>", &limits, 2, "longer than 4 bytes");
  memset (&limits, 0, sizeof limits);
  limits.max_record_nodes = 10;
  assert_refused ("<r>\n<a><b/><b/><b/><b/><b/><b/><b/><b/><b/><b/></a>\n</r>", &limits, 2,
                  "more than 10 elements");

  /* One record larger than the limit stops while it is being read */
  memset (&limits, 0, sizeof limits);
  limits.max_record_bytes = 64 * 1024;
  doc = g_string_new ("<r>\n<a>\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (doc, "<b/>\n");
  g_string_append (doc, "</a>\n</r>\n");
  assert_refused (doc->str, &limits, 2, "larger than");
}
END_TEST

static gsize
heap_in_use (void)
{
#if defined(__SANITIZE_ADDRESS__)
  /* The heap is AddressSanitizer's there: mallinfo2 knows nothing of it. */
  return __sanitizer_get_current_allocated_bytes ();
#else
  struct mallinfo2 mi = mallinfo2 ();

  return mi.uordblks;
#endif
}

/* Memory stays at one record: reading 100,000 records costs what reading 10,000 does. */
/* The attribute guard counts only attributes: not '=' in values, comments, CDATA or
 * processing instructions, and it starts again at each tag. */
START_TEST (test_attribute_guard)
{
  HwXmlLimits limits = { 0 };
  g_autoptr(GString) ok = g_string_new ("<?xml version=\"1.0\"?>\n<?pi a=1 b=2 c=3 d=4?>\n"
                                        "<root>\n<!-- ");
  g_autoptr(GString) bad = g_string_new ("<?xml version=\"1.0\"?>\n<root>\n  <ok a=\"1\"/>\n"
                                         "  <many\n");
  g_autoptr(HwXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  limits.max_attributes = 4;
  for (int i = 0; i < 20; i++)
    g_string_append (ok, "<x a=1 b=2> ");
  g_string_append (ok, "-->\n<r a=\"x=y>z\" b='p=q\"' c=\"\" d=\"=\"><![CDATA[ <y a=1 b=2 c=3 d=4 "
                       "e=5> ]]></r>\n<s a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>\n</root>\n");
  r = open_text (ok->str, &limits);
  error = read_all (r, &n);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 2);

  g_string_append (bad, "    a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\"/>\n</root>\n");
  assert_refused (bad->str, &limits, 4, "element <many> has more than 4 attributes");
}
END_TEST

START_TEST (test_constant_memory)
{
  g_autoptr(GString) doc = g_string_new ("<root>\n");
  g_autoptr(HwXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  gsize at_10k = 0, peak = 0;
  guint n = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (doc, "  <Sak Id=\"%u\"><Tiltak a=\"1\"><Kategori Kode=\"2.1\"/>"
                                 "</Tiltak></Sak>\n", i);
  g_string_append (doc, "</root>\n");
  r = open_text (doc->str, NULL);
  ck_assert (hw_xml_reader_read_root (r, &error));
  while (hw_xml_reader_next_record (r, &error))
    {
      n++;
      if (n == 10000)
        at_10k = heap_in_use ();
      if (n > 10000)
        peak = MAX (peak, heap_in_use ());
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (n, 100000);
  ck_assert_msg (peak < at_10k + 256 * 1024, "heap grew from %zu to %zu bytes", at_10k, peak);
}
END_TEST

static Suite *
reader_suite (void)
{
  Suite *s = suite_create ("xml-reader");
  TCase *tc = tcase_create ("xml-reader");

  tcase_add_test (tc, test_records);
  tcase_add_test (tc, test_lines_past_65535);
  tcase_add_test (tc, test_doctype_refused);
  tcase_add_test (tc, test_billion_laughs);
  tcase_add_test (tc, test_encodings);
  tcase_add_test (tc, test_malformed);
  tcase_add_test (tc, test_limits);
  tcase_add_test (tc, test_constant_memory);
  tcase_add_test (tc, test_attribute_guard);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (reader_suite ());
}
