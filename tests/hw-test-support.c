/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "hw-identity.h"
#include "hw-test-support.h"

char *
hw_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("homeward-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
hw_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hw_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

HwStore *
hw_test_open_store_in (const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  HwStore *store = hw_store_open (path, &error);

  ck_assert_no_error (error);
  return store;
}

HwStore *
hw_test_open_store (char **out_dir)
{
  char *dir = hw_test_make_tmpdir ();
  HwStore *store = hw_test_open_store_in (dir, "test.db");

  hw_store_set_actor (store, "tester");
  *out_dir = dir;
  return store;
}

extern GResource *hw_store_get_resource (void);

static int
compare_names (const void *a, const void *b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

void
hw_test_write_old_schema (const char *path, int version, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resource_enumerate_children (hw_store_get_resource (),
                                                       "/no/homeward/store/migrations/", 0,
                                                       &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;
  char *message = NULL;
  int applied = 0;

  ck_assert_no_error (error);
  /* Their names sort in the order they apply: 001-…, 002-… */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  g_unlink (path);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  for (guint i = 0; names[i] && applied < version; i++, applied++)
    {
      g_autofree char *name = g_strconcat ("/no/homeward/store/migrations/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (hw_store_get_resource (), name, 0, &error);
      g_autofree char *text = NULL;

      ck_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      ck_assert_msg (sqlite3_exec (db, text, NULL, NULL, &message) == SQLITE_OK, "%s: %s", name,
                     message);
    }
  ck_assert_int_eq (applied, version);
  ck_assert_int_eq (sqlite3_exec (db, bump, NULL, NULL, NULL), SQLITE_OK);
  if (sql)
    ck_assert_msg (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK, "%s", message);
  sqlite3_close (db);
}

HwMeasure *
hw_test_new_measure (const char *case_id, const char *category, HwDate start)
{
  HwMeasure *m = hw_record_new (HW_ENTITY_MEASURE);

  m->case_id = g_strdup (case_id);
  m->basis.law = g_strdup ("BVL2021");
  m->basis.chapter = g_strdup ("5");
  m->basis.section = g_strdup ("1");
  m->category = g_strdup (category);
  m->start_date = start;
  return m;
}

HwDossier *
hw_test_make_case (const char *journal_no)
{
  HwCase *c = hw_record_new (HW_ENTITY_CASE);
  HwDossier *d = hw_dossier_new (c);
  HwChild *child = hw_record_new (HW_ENTITY_CHILD);

  c->journal_no = g_strdup (journal_no);
  c->start_date = hw_date_new (2020, 1, 10);
  child->case_id = g_strdup (c->rec.id);
  child->given_name = g_strdup ("Testa");
  child->family_name = g_strdup ("Testesen");
  child->birth_date = hw_date_new (2015, 3, 14);
  child->fnr = hw_identity_make_synthetic (child->birth_date, 17);
  child->sex = HW_SEX_FEMALE;
  child->start_date = c->start_date;
  hw_dossier_add (d, child);
  return d;
}

int
hw_test_run_suite (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  /* Run by hand too (./_build/tests/test-store), a test runs uninstalled, as meson runs it. */
  g_setenv ("HOMEWARD_DATADIR", HW_TEST_DATADIR, FALSE);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

const char *
hw_test_datadir (void)
{
  const char *env = g_getenv ("HOMEWARD_DATADIR");

  return env ? env : HW_TEST_DATADIR;
}
