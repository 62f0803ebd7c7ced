/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SSB's own schema test suite (statisticsnorway/barn-barnevern-xsd, MIT), extracted by
 * build-aux/extract-ssb-xsd-tests.py into ssb-xsd-suite/: every file SSB's schema accepts is
 * imported (warnings allowed), every file it rejects is refused with FILE:LINE and leaves the
 * database as it was. Cases listed in KNOWN-DISAGREEMENTS must still disagree, so the list can
 * only shrink: a fix that closes one fails here until its line is removed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw-exchange-test.h"

typedef struct {
  char *file;
  gboolean valid;      /* SSB's verdict */
  char *origin;        /* SSB's spec and line */
  char *what;          /* SSB's name for the case */
} SuiteCase;

static void
suite_case_free (gpointer data)
{
  SuiteCase *c = data;

  g_free (c->file);
  g_free (c->origin);
  g_free (c->what);
  g_free (c);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *path = g_build_filename (SSB_XSD_SUITE, "MANIFEST", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (suite_case_free);

  ck_assert_msg (g_file_get_contents (path, &text, NULL, &error), "%s",
                 error ? error->message : "");
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      SuiteCase *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", 5);
      ck_assert_msg (g_strv_length (f) >= 4, "MANIFEST line %u: %s", i + 1, lines[i]);
      ck_assert (g_str_equal (f[1], "valid") || g_str_equal (f[1], "invalid"));
      c = g_new0 (SuiteCase, 1);
      c->file = g_strdup (f[0]);
      c->valid = g_str_equal (f[1], "valid");
      c->origin = g_strdup (f[2]);
      c->what = g_strdup (f[3]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

/* file name → why Homeward disagrees with SSB today */
static GHashTable *
read_known (void)
{
  g_autofree char *path = g_build_filename (SSB_XSD_SUITE, "KNOWN-DISAGREEMENTS", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return known;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", 2);
      g_hash_table_insert (known, g_strdup (f[0]), g_strdup (f[1] ? f[1] : ""));
    }
  return known;
}

/* Runs one case in a scratch database; TRUE when Homeward's verdict is SSB's. A refusal must
 * name the file and a line and change nothing; *why says how it went. */
static gboolean
run_case (const SuiteCase *c, char **why)
{
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  g_autofree char *path = g_build_filename (SSB_XSD_SUITE, c->file, NULL);
  const char *paths[] = { path, NULL };
  g_autofree char *before = hw_xtest_fingerprint (store);
  g_autofree char *after = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:", path);
  g_autoptr(GError) error = NULL;
  HwImportSummary summary;
  gboolean imported;
  gboolean agree;

  imported = hw_import_paths (store, paths, NULL, &summary, &error);
  after = hw_xtest_fingerprint (store);
  if (imported)
    {
      agree = c->valid;
      *why = g_strdup ("imported");
    }
  else
    {
      const char *msg = error ? error->message : "";
      const char *line = g_str_has_prefix (msg, prefix) ? msg + strlen (prefix) : NULL;

      /* A refusal names FILE:LINE and leaves the database as it was. */
      ck_assert_msg (line && g_ascii_isdigit (line[0]) && atoi (line) > 0,
                     "%s: refusal without FILE:LINE: %s", c->file, msg);
      ck_assert_msg (g_str_equal (before, after), "%s: refused but the database changed",
                     c->file);
      agree = !c->valid;
      *why = g_strdup_printf ("refused: %s", msg + strlen (prefix));
    }
  g_clear_object (&store);
  hw_test_remove_tree (dir);
  return agree;
}

START_TEST (test_ssb_schema_suite)
{
  g_autoptr(GPtrArray) cases = read_manifest ();
  g_autoptr(GHashTable) known = read_known ();
  g_autoptr(GString) wrong = g_string_new (NULL);
  guint agree = 0, valid = 0, n_wrong = 0;

  ck_assert_uint_gt (cases->len, 300);
  for (guint i = 0; i < cases->len; i++)
    {
      const SuiteCase *c = cases->pdata[i];
      g_autofree char *why = NULL;
      gboolean ok = run_case (c, &why);
      gboolean listed = g_hash_table_contains (known, c->file);

      valid += c->valid;
      agree += ok;
      if (!ok)
        printf ("DISAGREE\t%s\tSSB %s\t%s (%s)\t%s\n", c->file, c->valid ? "valid" : "invalid",
                c->what, c->origin, why);
      fflush (stdout);   /* Check forks; keep the lines whole */
                fflush (stdout);
      /* Check's messages are bounded: name the first few, the log has the rest. */
      if (ok == listed && ++n_wrong <= 10)
        g_string_append_printf (wrong, "\n  %s (%s, SSB: %s): %s, %s", c->file, c->what,
                                c->valid ? "valid" : "invalid", why,
                                listed ? "now agrees: remove it from KNOWN-DISAGREEMENTS"
                                       : "a new disagreement");
      g_hash_table_remove (known, c->file);
    }
  printf ("SSB schema suite: %u of %u agree (%u valid, %u invalid files)\n", agree, cases->len,
          valid, cases->len - valid);
  ck_assert_msg (g_hash_table_size (known) == 0, "KNOWN-DISAGREEMENTS names %u file(s) not in "
                 "MANIFEST", g_hash_table_size (known));
  ck_assert_msg (n_wrong == 0, "%u verdict(s) differ from the expected set:%s", n_wrong,
                 wrong->str);
}
END_TEST

static Suite *
ssb_xsd_suite (void)
{
  Suite *s = suite_create ("ssb-xsd-suite");
  TCase *tc = tcase_create ("ssb-xsd-suite");

  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_ssb_schema_suite);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (ssb_xsd_suite ());
}
