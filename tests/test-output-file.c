/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HwOutputFile, the one way exports and PDFs reach the disk: private whatever the umask,
 * never through a planted link, and on a full disk an error, no file under the final name and
 * any earlier file kept. A full disk is simulated without root: RLIMIT_FSIZE makes write()
 * fail with EFBIG (SIGXFSZ ignored), as ENOSPC would. Check runs each test in its own
 * process, so the limit and the umask end with it. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-output-file.h"
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

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  while (d && (entry = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  ck_assert_int_eq (g_lstat (path, &st), 0);
  return st.st_mode & 07777;
}

static void
limit_file_size (rlim_t bytes)
{
  struct rlimit rl = { bytes, bytes };

  signal (SIGXFSZ, SIG_IGN);
  ck_assert_int_eq (setrlimit (RLIMIT_FSIZE, &rl), 0);
}

START_TEST (test_output_writes_privately_under_umask_0)
{
  g_autofree char *path = g_build_filename (tmpdir, "out.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  HwOutputFile *out;

  umask (0);
  out = hw_output_file_open (path, &error);
  ck_assert_no_error (error);
  ck_assert (hw_output_file_write (out, "<a/>", 4, &error));
  /* Nothing under the final name until it is complete. */
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert (hw_output_file_commit (out, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, "<a/>");
  ck_assert_int_eq (file_mode (path), 0600);
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "out.xml");
}
END_TEST

/* The old writer used "NAME.part": a link planted there (or at NAME) sent the export into any
 * file the user could write. */
START_TEST (test_output_does_not_follow_links)
{
  g_autofree char *path = g_build_filename (tmpdir, "out.xml", NULL);
  g_autofree char *part = g_build_filename (tmpdir, "out.xml.part", NULL);
  g_autofree char *victim = g_build_filename (tmpdir, "victim", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  HwOutputFile *out;

  ck_assert (g_file_set_contents (victim, "precious", -1, NULL));
  ck_assert_int_eq (symlink (victim, part), 0);
  ck_assert_int_eq (symlink (victim, path), 0);
  out = hw_output_file_open (path, &error);
  ck_assert_no_error (error);
  ck_assert (hw_output_file_write (out, "export", 6, &error));
  ck_assert (hw_output_file_commit (out, &error));
  ck_assert (g_file_get_contents (victim, &contents, NULL, NULL));
  ck_assert_str_eq (contents, "precious");
  /* The link at the final name was replaced by the file, not written through. */
  ck_assert_int_eq (g_lstat (path, &st), 0);
  ck_assert (S_ISREG (st.st_mode));
  g_clear_pointer (&contents, g_free);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, "export");
}
END_TEST

/* A '%' is a character of the name, nothing else (libxml2 took "a%41.xml" for "aA.xml"). */
START_TEST (test_output_name_is_taken_literally)
{
  g_autofree char *path = g_build_filename (tmpdir, "a%41%s%n.xml", NULL);
  g_autofree char *names = NULL;
  HwOutputFile *out = hw_output_file_open (path, NULL);

  ck_assert_ptr_nonnull (out);
  ck_assert (hw_output_file_write (out, "x", 1, NULL));
  ck_assert (hw_output_file_commit (out, NULL));
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "a%41%s%n.xml");
}
END_TEST

START_TEST (test_output_full_disk_keeps_the_earlier_file)
{
  g_autofree char *path = g_build_filename (tmpdir, "plan.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autofree char *block = g_strnfill (4096, 'x');
  g_autoptr(GError) error = NULL;
  HwOutputFile *out;
  gboolean ok = TRUE;

  ck_assert (g_file_set_contents (path, "the earlier plan", -1, NULL));
  limit_file_size (64 * 1024);
  out = hw_output_file_open (path, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < 32 && ok; i++)
    ok = hw_output_file_write (out, block, 4096, &error);
  ck_assert (!ok);
  ck_assert_int_eq (error->code, HW_ERROR_FAILED);
  ck_assert_msg (strstr (error->message, path) && strstr (error->message, g_strerror (EFBIG)),
                 "%s", error->message);
  g_clear_error (&error);
  /* Later writes fail too, and commit refuses with the first error. */
  ck_assert (!hw_output_file_write (out, "x", 1, NULL));
  ck_assert (!hw_output_file_commit (out, &error));
  ck_assert (strstr (error->message, path) != NULL);

  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, "the earlier plan");
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "plan.pdf");
}
END_TEST

START_TEST (test_output_abort_and_missing_folder)
{
  g_autofree char *path = g_build_filename (tmpdir, "out.xml", NULL);
  g_autofree char *nowhere = g_build_filename (tmpdir, "no", "such", "out.xml", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  HwOutputFile *out = hw_output_file_open (path, NULL);

  ck_assert (hw_output_file_write (out, "half", 4, NULL));
  hw_output_file_abort (out);
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "");

  ck_assert_ptr_null (hw_output_file_open (nowhere, &error));
  ck_assert (strstr (error->message, nowhere) != NULL);
}
END_TEST

/* Files of one export appear together, or none does. */
START_TEST (test_output_batch_all_or_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  HwOutputBatch *batch = hw_output_batch_new ();

  umask (0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.xml", i);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      HwOutputFile *out = hw_output_file_open (path, &error);

      ck_assert (hw_output_file_write (out, name, strlen (name), &error));
      ck_assert (hw_output_batch_add (batch, out, &error));
      ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
    }
  ck_assert_uint_eq (hw_output_batch_get_n_files (batch), 3);
  ck_assert (hw_output_batch_commit (batch, &error));
  ck_assert_no_error (error);
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "case-0.xml case-1.xml case-2.xml");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.xml", i);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autofree char *contents = NULL;

      ck_assert_int_eq (file_mode (path), 0600);
      ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
      ck_assert_str_eq (contents, name);
    }

  /* Abandoned half-way: nothing new appears, nothing earlier changes. */
  batch = hw_output_batch_new ();
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.xml", i + 1);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      HwOutputFile *out = hw_output_file_open (path, &error);

      ck_assert (hw_output_file_write (out, "new", 3, &error));
      ck_assert (hw_output_batch_add (batch, out, &error));
    }
  hw_output_batch_abort (batch);
  g_clear_pointer (&names, g_free);
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "case-0.xml case-1.xml case-2.xml");
}
END_TEST

/* A file whose write failed is refused by the batch with that error. */
START_TEST (test_output_batch_refuses_a_failed_file)
{
  g_autofree char *path = g_build_filename (tmpdir, "big.xml", NULL);
  g_autofree char *block = g_strnfill (4096, 'x');
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwOutputBatch) batch = hw_output_batch_new ();
  HwOutputFile *out;
  gboolean ok = TRUE;

  limit_file_size (64 * 1024);
  out = hw_output_file_open (path, &error);
  for (guint i = 0; i < 32 && ok; i++)
    ok = hw_output_file_write (out, block, 4096, NULL);
  ck_assert (!ok);
  ck_assert (!hw_output_batch_add (batch, out, &error));
  ck_assert (strstr (error->message, path) != NULL);
  ck_assert_uint_eq (hw_output_batch_get_n_files (batch), 0);
  names = list_dir (tmpdir);
  ck_assert_str_eq (names, "");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("output-file");
  TCase *tc = tcase_create ("output-file");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_output_writes_privately_under_umask_0);
  tcase_add_test (tc, test_output_does_not_follow_links);
  tcase_add_test (tc, test_output_name_is_taken_literally);
  tcase_add_test (tc, test_output_full_disk_keeps_the_earlier_file);
  tcase_add_test (tc, test_output_abort_and_missing_folder);
  tcase_add_test (tc, test_output_batch_all_or_nothing);
  tcase_add_test (tc, test_output_batch_refuses_a_failed_file);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
