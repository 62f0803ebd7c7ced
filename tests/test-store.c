/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hw-case-facts.h"
#include "hw-case-facts-private.h"
#include "hw-error.h"
#include "hw-identity.h"
#include "hw-ssb-codes.h"
#include "hw-store-audit.h"
#include "hw-store-audit-private.h"
#include "hw-store-private.h"
#include "hw-test-support.h"
#include "hw-codes-private.h"
#include "hw-entity-private.h"

static char *tmpdir;
static HwStore *store;

static void
setup (void)
{
  store = hw_test_open_store (&tmpdir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  hw_test_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/* Fills every field of a record with a value of its type, so CRUD covers every column. */
static void
fill_record (gpointer record, const char *case_id, const char *home_id, GHashTable *refs)
{
  const HwEntityInfo *info = hw_entity_info (((HwRecord *) record)->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];

      if (f->codes != HW_CODES_NONE)
        {
          guint n;
          const HwCode *codes = hw_code_list_get (f->codes, &n);

          /* A code of the field's list: the store takes nothing else. */
          ck_assert (hw_field_parse_string (record, f, codes[n - 1].code, NULL));
          continue;
        }
      switch (f->type)
        {
        case HW_FIELD_TEXT:
          if (f->flags & HW_FIELD_IDENTITY)
            {
              g_autofree char *fnr = hw_identity_make_synthetic (hw_date_new (2015, 3, 14), 5);
              hw_field_set_text (record, f, fnr);
            }
          else
            hw_field_set_text (record, f, "Tekst med æøå");
          break;
        case HW_FIELD_REF:
          if (f->ref_entity == HW_ENTITY_CASE)
            hw_field_set_text (record, f, case_id);
          else if (f->ref_entity == HW_ENTITY_FOSTER_HOME)
            hw_field_set_text (record, f, home_id);
          else
            hw_field_set_text (record, f, g_hash_table_lookup (refs, GINT_TO_POINTER (f->ref_entity)));
          break;
        case HW_FIELD_DATE:
          hw_field_set_int (record, f, (int) hw_date_new (2021, 6, 1 + (int) i));
          break;
        case HW_FIELD_INT:
          hw_field_set_int (record, f, 4);
          break;
        case HW_FIELD_BOOL:
          hw_field_set_int (record, f, 1);
          break;
        case HW_FIELD_ENUM:
          hw_field_set_int (record, f, 1);
          break;
        default:
          ck_abort ();
        }
    }
}

/* Saves one record of every entity, in dependency order, and checks each reads back equal,
 * updates in place, and deletes. */
START_TEST (test_store_crud_every_entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) refs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(HwDossier) dossier = hw_test_make_case ("2021-0001");
  const char *case_id = ((HwRecord *) dossier->root)->id;
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);

  home->name = g_strdup ("Familien Berg");
  ck_assert (hw_store_save (store, home, &error));
  ck_assert_no_error (error);
  ck_assert (hw_store_save_dossier (store, dossier, &error));
  ck_assert_no_error (error);
  g_hash_table_insert (refs, GINT_TO_POINTER (HW_ENTITY_CHILD),
                       g_strdup (((HwRecord *) hw_dossier_child (dossier))->id));

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      gpointer rec, back;

      if (e == HW_ENTITY_CASE || e == HW_ENTITY_FOSTER_HOME || e == HW_ENTITY_CHILD)
        continue;
      rec = hw_record_new (e);
      fill_record (rec, case_id, home->rec.id, refs);
      if (e == HW_ENTITY_SAMVAER_AGREEMENT)
        hw_field_set_text (rec, hw_entity_find_field (hw_entity_info (e), "rrule"),
                           "FREQ=MONTHLY");
      ck_assert_msg (hw_store_save (store, rec, &error), "%s: %s", hw_entity_info (e)->name,
                     error ? error->message : "");
      g_hash_table_insert (refs, GINT_TO_POINTER (e), g_strdup (((HwRecord *) rec)->id));

      back = hw_store_load_owned (store, e, hw_record_get_owner_id (rec), ((HwRecord *) rec)->id,
                                 &error);
      ck_assert_no_error (error);
      ck_assert_msg (hw_record_equal (rec, back), "%s did not read back equal",
                     hw_entity_info (e)->name);
      hw_record_free (back);

      /* Update in place: same id, one changed field. */
      {
        const HwEntityInfo *info = hw_entity_info (e);

        for (guint i = 0; i < info->n_fields; i++)
          if (info->fields[i].type == HW_FIELD_TEXT &&
              !(info->fields[i].flags & HW_FIELD_IDENTITY) &&
              info->fields[i].codes == HW_CODES_NONE)
            {
              hw_field_set_text (rec, &info->fields[i], "Endret");
              break;
            }
        ck_assert (hw_store_save (store, rec, &error));
        back = hw_store_load_owned (store, e, hw_record_get_owner_id (rec), ((HwRecord *) rec)->id,
                                 &error);
        ck_assert (hw_record_equal (rec, back));
        hw_record_free (back);
      }
      hw_record_free (rec);
    }

  /* The case dossier now holds one record of each case-owned entity. */
  {
    g_autoptr(HwDossier) loaded = hw_store_load_case (store, case_id, &error);

    ck_assert_no_error (error);
    for (guint e = 0; e < HW_N_ENTITIES; e++)
      if (e != HW_ENTITY_CASE && hw_entity_info (e)->owner == HW_ENTITY_CASE)
        ck_assert_msg (hw_dossier_get (loaded, e)->len >= 1, "%s missing",
                       hw_entity_info (e)->name);
  }

  /* Deleting the case removes everything it owns. */
  ck_assert (hw_store_delete (store, HW_ENTITY_CASE, case_id, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_VISIT, NULL), 0);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_PLAN_EVALUATION, NULL), 0);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_FOSTER_HOME, NULL), 1);
  hw_record_free (home);
}
END_TEST

static char *
dump_database (void)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = hw_store_get_handle (store);

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id",
                                              hw_entity_info (e)->name);
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c));
      sqlite3_finalize (stmt);
    }
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "SELECT count(*), max(hash) FROM audit", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_string_append_printf (out, "audit %d %s", sqlite3_column_int (stmt, 0),
                            sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
  }
  return g_string_free (out, FALSE);
}

static void
assert_refused_unchanged (gconstpointer record, HwErrorCode code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_database ();
  g_autofree char *after = NULL;

  ck_assert (!hw_store_save (store, record, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->code == (int) code, "code %d, message %s", error->code, error->message);
  ck_assert_msg (strstr (error->message, needle) != NULL, "“%s” does not name “%s”",
                 error->message, needle);
  after = dump_database ();
  ck_assert_str_eq (before, after);
}

START_TEST (test_store_refusals_name_field_and_change_nothing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) dossier = hw_test_make_case ("2021-0002");
  HwChild *child = hw_dossier_child (dossier);
  const char *case_id = ((HwRecord *) dossier->root)->id;
  HwMeasure *m;
  HwVisit *v = hw_record_new (HW_ENTITY_VISIT);
  HwChild *bad_child;
  HwCase *dup;

  ck_assert (hw_store_save_dossier (store, dossier, &error));

  /* A wrong identity number. */
  bad_child = hw_record_copy (child);
  g_free (bad_child->fnr);
  bad_child->fnr = g_strdup (child->fnr);
  bad_child->fnr[10] = bad_child->fnr[10] == '0' ? '1' : '0';
  assert_refused_unchanged (bad_child, HW_ERROR_INVALID, "Identity number");

  /* A required field left empty. */
  g_clear_pointer (&bad_child->given_name, g_free);
  g_free (bad_child->fnr);
  bad_child->fnr = g_strdup (child->fnr);
  assert_refused_unchanged (bad_child, HW_ERROR_REQUIRED, "Given name");

  /* An end date before the start date. */
  m = hw_test_new_measure (case_id, "2.2", hw_date_new (2021, 3, 1));
  m->end_date = hw_date_new (2021, 2, 1);
  assert_refused_unchanged (m, HW_ERROR_RANGE, "End date");

  /* A record dated before the child was born. */
  v->case_id = g_strdup (case_id);
  v->date = hw_date_new (2014, 1, 1);
  assert_refused_unchanged (v, HW_ERROR_RANGE, "birth");

  /* A reference to a record that does not exist. */
  v->date = hw_date_new (2022, 1, 1);
  v->measure_id = g_uuid_string_random ();
  assert_refused_unchanged (v, HW_ERROR_CONFLICT, "does not exist");

  /* A journal number taken by another case. */
  dup = hw_record_new (HW_ENTITY_CASE);
  dup->journal_no = g_strdup ("2021-0002");
  dup->start_date = hw_date_new (2021, 1, 1);
  assert_refused_unchanged (dup, HW_ERROR_CONFLICT, "2021-0002");

  hw_record_free (bad_child);
  hw_record_free (m);
  hw_record_free (v);
  hw_record_free (dup);
}
END_TEST

START_TEST (test_store_rollback_leaves_no_trace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) first = hw_test_make_case ("2021-0003");
  g_autoptr(HwDossier) second = hw_test_make_case ("2021-0004");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ck_assert (hw_store_save_dossier (store, first, &error));
  before = dump_database ();

  /* A nested transaction that fails halfway: the whole outer one is undone. */
  ck_assert (hw_store_begin (store, &error));
  ck_assert (hw_store_save_dossier (store, second, &error));
  ck_assert (hw_store_set_setting (store, "care_plan_days", "30", &error));
  ck_assert (hw_store_begin (store, &error));
  hw_store_rollback (store);
  ck_assert (!hw_store_commit (store, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);

  after = dump_database ();
  ck_assert_str_eq (before, after);
  ck_assert_ptr_null (hw_store_dup_setting (store, "care_plan_days"));

  /* The store stays usable and the audit chain intact afterwards. */
  ck_assert (hw_store_save_dossier (store, second, &error));
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_store_migrates_empty_and_v1)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "v1.db", NULL);
  g_autoptr(HwStore) upgraded = NULL;
  HwVisit *visit;

  /* From an empty file: the full schema. */
  ck_assert_int_eq (hw_store_get_schema_version (store), HW_STORE_SCHEMA_VERSION);

  /* From version 1 (records only, a case with a visit already in it): the later migrations
   * add settings and audit, and rebuild the visit table (5), keeping the data. */
  hw_test_write_old_schema (path, 1,
                            "INSERT INTO case_file (id, journal_no, start_date) VALUES "
                            "('6f1c1d5e-2b7a-4d3c-9e8f-0a1b2c3d4e5f', 'OLD-1', '2019-05-01');"
                            "INSERT INTO visit (id, case_id, date, notes) VALUES "
                            "('0b5e7f3a-9c1d-4e2f-8a6b-3c4d5e6f7a8b', "
                            "'6f1c1d5e-2b7a-4d3c-9e8f-0a1b2c3d4e5f', '2019-06-01', 'Første')");

  upgraded = hw_store_open (path, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (hw_store_get_schema_version (upgraded), HW_STORE_SCHEMA_VERSION);
  ck_assert_uint_eq (hw_store_count (upgraded, HW_ENTITY_CASE, NULL), 1);
  visit = hw_store_load_owned (upgraded, HW_ENTITY_VISIT, "6f1c1d5e-2b7a-4d3c-9e8f-0a1b2c3d4e5f",
                               "0b5e7f3a-9c1d-4e2f-8a6b-3c4d5e6f7a8b", &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (visit->notes, "Første");
  ck_assert_date_eq (visit->date, "2019-06-01");
  hw_record_free (visit);
  ck_assert (hw_store_set_setting (upgraded, "review_months", "6", &error));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_store_refuses_newer_database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "future.db", NULL);
  g_autoptr(HwStore) opened = NULL;
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  opened = hw_store_open (path, &error);
  ck_assert_ptr_null (opened);
  ck_assert_int_eq (error->code, HW_ERROR_VERSION);
  ck_assert_ptr_nonnull (strstr (error->message, "newer version"));
}
END_TEST

START_TEST (test_store_refuses_non_database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "text.db", NULL);
  g_autoptr(HwStore) opened = NULL;

  ck_assert (g_file_set_contents (path, "this is not a database, just text that is long enough "
                                  "to fill a header page of an sqlite file..........", -1, NULL));
  opened = hw_store_open (path, &error);
  ck_assert_ptr_null (opened);
  ck_assert_int_eq (error->code, HW_ERROR_CORRUPT);
}
END_TEST

START_TEST (test_store_file_is_private)
{
  GStatBuf st;
  g_autofree char *path = g_build_filename (tmpdir, "sub", "private.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(HwStore) opened = hw_store_open (path, NULL);

  ck_assert_ptr_nonnull (opened);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_stat (dir, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0700);
}
END_TEST

typedef struct {
  GPtrArray *journals;
  guint      records;
} Seen;

static gboolean
collect_journal (HwDossier *dossier, gpointer user_data, GError **error)
{
  Seen *seen = user_data;

  g_ptr_array_add (seen->journals, g_strdup (hw_dossier_case (dossier)->journal_no));
  seen->records += hw_dossier_count (dossier);
  return TRUE;
}

static int
compare_strings (const char **a, const char **b)
{
  return strcmp (*a, *b);
}

START_TEST (test_store_foreach_streams_whole_dossiers)
{
  g_autoptr(GError) error = NULL;
  const char *journals[] = { "B-2", "A-1", "C-3" };
  Seen seen = { g_ptr_array_new_with_free_func (g_free), 0 };
  guint expected_records = 0;

  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_autoptr(HwDossier) d = hw_test_make_case (journals[i]);
      HwVisit *v = hw_record_new (HW_ENTITY_VISIT);

      v->case_id = g_strdup (((HwRecord *) d->root)->id);
      v->date = hw_date_new (2022, 1, 1 + (int) i);
      hw_dossier_add (d, v);
      expected_records += hw_dossier_count (d);
      ck_assert (hw_store_save_dossier (store, d, &error));
    }
  ck_assert (hw_store_foreach_case (store, collect_journal, &seen, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (seen.journals->len, 3);
  /* Streamed in case-id order; each case once. */
  g_ptr_array_sort (seen.journals, (GCompareFunc) compare_strings);
  ck_assert_str_eq (seen.journals->pdata[0], "A-1");
  ck_assert_str_eq (seen.journals->pdata[1], "B-2");
  ck_assert_str_eq (seen.journals->pdata[2], "C-3");
  ck_assert_uint_eq (seen.records, expected_records);
  g_ptr_array_unref (seen.journals);

  /* Facts in ranges: every case exactly once over the split, prose left out. */
  {
    g_auto(GStrv) bounds = hw_store_split_case_ids (3);
    Seen part = { g_ptr_array_new_with_free_func (g_free), 0 };

    ck_assert_uint_eq (g_strv_length (bounds), 4);
    for (guint i = 0; bounds[i + 1]; i++)
      ck_assert (hw_store_foreach_case_facts (store, HW_FACT_ENTITIES, bounds[i], bounds[i + 1],
                                              collect_journal, &part, &error));
    ck_assert_uint_eq (part.journals->len, 3);
    ck_assert_uint_eq (part.records, expected_records);
    g_ptr_array_unref (part.journals);
  }
}
END_TEST

/* The facts stream hands out the stored records without their prose, each read-only and in
 * one allocation; a copy is an ordinary record again. */
static gboolean
keep_first_visit (HwDossier *dossier, gpointer user_data, GError **error)
{
  GPtrArray *visits = hw_dossier_get (dossier, HW_ENTITY_VISIT);

  if (visits->len > 0 && *(gpointer *) user_data == NULL)
    *(gpointer *) user_data = hw_record_copy (visits->pdata[0]);
  ck_assert (visits->len == 0 || ((HwRecord *) visits->pdata[0])->packed);
  return TRUE;
}

START_TEST (test_store_facts_are_records_without_prose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("F-1");
  HwVisit *v = hw_record_new (HW_ENTITY_VISIT);
  HwVisit *stored, *fact = NULL;

  v->case_id = g_strdup (((HwRecord *) d->root)->id);
  v->date = hw_date_new (2023, 5, 17);
  v->in_person = TRUE;
  v->kind = HW_VISIT_TILSYN;
  v->notes = g_strdup ("Samtale med barnet alene på rommet.");
  hw_dossier_add (d, v);
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert_no_error (error);

  ck_assert (hw_store_foreach_case_facts (store, HW_FACT_ENTITIES, NULL, NULL, keep_first_visit,
                                          &fact, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (fact);
  ck_assert (!fact->rec.packed);
  ck_assert_ptr_null (fact->notes);
  /* Apart from the notes, the fact is the stored record. */
  stored = hw_store_load_owned (store, HW_ENTITY_VISIT, v->case_id, v->rec.id, &error);
  ck_assert_no_error (error);
  g_clear_pointer (&stored->notes, g_free);
  ck_assert (hw_record_equal (stored, fact));
  /* The copy can be changed like any record. */
  hw_field_set_text (fact, hw_entity_find_field (hw_entity_info (HW_ENTITY_VISIT), "notes"),
                     "Endret");
  ck_assert_str_eq (fact->notes, "Endret");
  hw_record_free (stored);
  hw_record_free (fact);
}
END_TEST

/* Deleting a foster home where a child has been placed would leave the placement without its
 * home: the store refuses, names the home and changes nothing. */
START_TEST (test_store_keeps_a_home_with_placements)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("H-1");
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);
  HwMeasure *m;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  home->name = g_strdup ("Familien Lie");
  ck_assert (hw_store_save (store, home, &error));
  m = hw_test_new_measure (((HwRecord *) d->root)->id, "2.1", hw_date_new (2021, 2, 1));
  m->home_id = g_strdup (home->rec.id);
  hw_dossier_add (d, m);
  ck_assert_msg (hw_store_save_dossier (store, d, &error), "%s", error->message);

  before = dump_database ();
  ck_assert (!hw_store_delete (store, HW_ENTITY_FOSTER_HOME, home->rec.id, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "Familien Lie") != NULL, "%s", error->message);
  after = dump_database ();
  ck_assert_str_eq (before, after);
  g_clear_error (&error);

  /* Without the placement, the home can go. */
  ck_assert (hw_store_delete (store, HW_ENTITY_MEASURE, m->rec.id, &error));
  ck_assert (hw_store_delete (store, HW_ENTITY_FOSTER_HOME, home->rec.id, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_FOSTER_HOME, NULL), 0);
  hw_record_free (home);
}
END_TEST

/* Records nothing refers to have no index on id alone (migration 5); every other table keeps
 * one, which its foreign keys need. The schema must agree with hw_entity_is_owner_keyed. */
START_TEST (test_store_schema_agrees_with_owner_keys)
{
  sqlite3 *db = hw_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT count (*) FROM pragma_index_list (?1) AS il "
                                        "WHERE il.\"unique\" AND (SELECT group_concat (name) "
                                        "FROM pragma_index_info (il.name)) = 'id'", -1, &stmt,
                                        NULL), SQLITE_OK);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      sqlite3_bind_text (stmt, 1, hw_entity_info (e)->name, -1, SQLITE_STATIC);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      ck_assert_msg ((sqlite3_column_int (stmt, 0) > 0) == !hw_entity_is_owner_keyed (e),
                     "%s: %d unique indexes on id", hw_entity_info (e)->name,
                     sqlite3_column_int (stmt, 0));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  ck_assert (hw_entity_is_owner_keyed (HW_ENTITY_VISIT));
  ck_assert (!hw_entity_is_owner_keyed (HW_ENTITY_MEASURE));   /* visits refer to it */
  ck_assert (!hw_entity_is_owner_keyed (HW_ENTITY_CASE));
}
END_TEST

/* A record is found, changed and deleted under its own case, never through another's. */
START_TEST (test_store_owned_records_stay_with_their_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) a = hw_test_make_case ("OWN-A");
  g_autoptr(HwDossier) b = hw_test_make_case ("OWN-B");
  const char *a_id = ((HwRecord *) a->root)->id, *b_id = ((HwRecord *) b->root)->id;
  HwVisit *visit = hw_record_new (HW_ENTITY_VISIT);
  HwMeasure *measure;
  HwVisit *back;
  HwMeasure *placement;

  ck_assert (hw_store_save_dossier (store, b, &error));
  measure = hw_test_new_measure (a_id, "2.1", hw_date_new (2021, 2, 1));
  hw_dossier_add (a, measure);
  visit->case_id = g_strdup (a_id);
  visit->date = hw_date_new (2021, 3, 1);
  visit->notes = g_strdup ("Første besøk");
  hw_dossier_add (a, visit);
  ck_assert (hw_store_save_dossier (store, a, &error));
  ck_assert_no_error (error);

  /* Under another case: not found, not deleted. */
  ck_assert_ptr_null (hw_store_load_owned (store, HW_ENTITY_VISIT, b_id, visit->rec.id, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert (!hw_store_delete_owned (store, HW_ENTITY_VISIT, b_id, visit->rec.id, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert_ptr_null (hw_store_load_owned (store, HW_ENTITY_MEASURE, b_id, measure->rec.id,
                                           &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_VISIT, NULL), 1);

  /* Saved again: changed in place, not a second row. */
  g_free (visit->notes);
  visit->notes = g_strdup ("Endret");
  ck_assert (hw_store_save (store, visit, &error));
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_VISIT, NULL), 1);
  back = hw_store_load_owned (store, HW_ENTITY_VISIT, a_id, visit->rec.id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (back->notes, "Endret");
  hw_record_free (back);
  /* A record others refer to is still found by its id alone. */
  placement = hw_store_load (store, HW_ENTITY_MEASURE, measure->rec.id, &error);
  ck_assert_no_error (error);
  hw_record_free (placement);

  ck_assert (hw_store_delete_owned (store, HW_ENTITY_VISIT, a_id, visit->rec.id, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_VISIT, NULL), 0);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_MEASURE, NULL), 1);
}
END_TEST

START_TEST (test_store_case_rows_and_search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2022-0042");
  g_autoptr(GPtrArray) rows = NULL;
  HwMeasure *m;
  HwCaseRow *row;

  m = hw_test_new_measure (((HwRecord *) d->root)->id, "2.1", hw_date_new (2023, 4, 1));
  hw_dossier_add (d, m);
  ck_assert (hw_store_save_dossier (store, d, &error));

  rows = hw_store_list_case_rows (store, hw_date_new (2024, 1, 1), &error);
  ck_assert_uint_eq (rows->len, 1);
  row = rows->pdata[0];
  ck_assert_str_eq (row->child_name, "Testa Testesen");
  ck_assert_str_eq (row->category, "2.1");
  ck_assert_date_eq (row->placed_since, "2023-04-01");
  ck_assert (hw_case_row_matches (row, "testes"));
  ck_assert (hw_case_row_matches (row, "0042"));
  ck_assert (hw_case_row_matches (row, ""));
  ck_assert (!hw_case_row_matches (row, "berg"));
  g_ptr_array_unref (g_steal_pointer (&rows));

  rows = hw_store_search_case_rows (store, "testes", hw_date_new (2024, 1, 1), 10, &error);
  ck_assert_uint_eq (rows->len, 1);
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = hw_store_search_case_rows (store, "0042", hw_date_new (2024, 1, 1), 10, &error);
  ck_assert_uint_eq (rows->len, 1);
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = hw_store_search_case_rows (store, "nobody", hw_date_new (2024, 1, 1), 10, &error);
  ck_assert_uint_eq (rows->len, 0);
  g_ptr_array_unref (g_steal_pointer (&rows));

  /* Pages: the first screenful, then nothing past the end. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *journal = g_strdup_printf ("2022-1%03u", i);
      g_autoptr(HwDossier) more = hw_test_make_case (journal);
      ck_assert (hw_store_save_dossier (store, more, &error));
    }
  rows = hw_store_list_case_rows_page (store, hw_date_new (2024, 1, 1), 2, 3, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (rows->len, 3);
  ck_assert_str_eq (((HwCaseRow *) rows->pdata[0])->journal_no, "2022-1001");
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = hw_store_list_case_rows_page (store, hw_date_new (2024, 1, 1), 6, 10, &error);
  ck_assert_uint_eq (rows->len, 0);
}
END_TEST

/* The current placement is one definition (hw-case-facts.h) that the caseload rows' SQL, the
 * child page, the caseload's homes and the plan all use (issue 14 §1). The old ones
 * disagreed: the child page took the first of two placements begun the same day where the
 * SQL took either, counted a placement without a start date and category "10" as placements,
 * and the plan printed a placement not yet begun as the current one. */
static HwMeasure *
add_measure (HwDossier *d, const char *id, const char *category, HwDate start, HwDate end)
{
  HwMeasure *m = hw_test_new_measure (((HwRecord *) d->root)->id, category, start);

  g_free (m->rec.id);
  m->rec.id = g_strdup (id);
  m->end_date = end;
  hw_dossier_add (d, m);
  return m;
}

static const char *
row_category (const char *journal_no, HwDate today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hw_store_list_case_rows (store, today, &error);
  static char category[16];

  ck_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      HwCaseRow *row = rows->pdata[i];

      if (g_strcmp0 (row->journal_no, journal_no) == 0)
        {
          if (row->category == NULL)
            return NULL;
          g_strlcpy (category, row->category, sizeof category);
          return category;
        }
    }
  ck_abort_msg ("no row for %s", journal_no);
  return NULL;
}

START_TEST (test_store_current_placement_is_one_definition)
{
  g_autoptr(GError) error = NULL;
  HwDate today = hw_date_new (2025, 6, 1), may = hw_date_new (2025, 5, 1);
  g_autoptr(HwDossier) tie = hw_test_make_case ("2025-0001");
  g_autoptr(HwDossier) other = hw_test_make_case ("2025-0002");
  g_autoptr(HwDossier) ended = hw_test_make_case ("2025-0003");
  g_autoptr(HwDossier) loaded = NULL;
  const HwMeasure *m;

  /* Two placements begun the same day: the greater id, whatever order they were added in. */
  add_measure (tie, "00000000-0000-4000-8000-00000000000b", "1.1", may, HW_DATE_NONE);
  add_measure (tie, "00000000-0000-4000-8000-00000000000a", "2.1", may, HW_DATE_NONE);
  /* A measure that is not a placement (3.x, 4.x) is never one. (Category "10", which a
   * prefix test took for 1.x, is no code: the store refuses it.) */
  add_measure (other, "00000000-0000-4000-8000-000000000010", "3.1", may, HW_DATE_NONE);
  add_measure (other, "00000000-0000-4000-8000-000000000011", "4.1", may, HW_DATE_NONE);
  /* Ended last month, and one that begins next month. */
  add_measure (ended, "00000000-0000-4000-8000-000000000020", "2.2", hw_date_new (2024, 1, 1),
               may);
  add_measure (ended, "00000000-0000-4000-8000-000000000021", "2.3", hw_date_new (2025, 7, 1),
               HW_DATE_NONE);
  ck_assert (hw_store_save_dossier (store, tie, &error));
  ck_assert (hw_store_save_dossier (store, other, &error));
  ck_assert (hw_store_save_dossier (store, ended, &error));
  ck_assert_no_error (error);

  loaded = hw_store_load_case (store, ((HwRecord *) tie->root)->id, &error);
  ck_assert_no_error (error);
  m = hw_dossier_current_placement (loaded, today);
  ck_assert_str_eq (m->category, "1.1");
  ck_assert_str_eq (row_category ("2025-0001", today), "1.1");
  ck_assert_ptr_eq (hw_dossier_last_placement (loaded, today), m);

  ck_assert_ptr_null (hw_dossier_current_placement (other, today));
  ck_assert_ptr_null (hw_dossier_last_placement (other, today));
  ck_assert_ptr_null (row_category ("2025-0002", today));
  ck_assert (!hw_category_is_placement ("10"));
  ck_assert (!hw_category_is_placement ("2"));
  ck_assert (hw_category_is_placement ("1.99"));

  ck_assert_ptr_null (hw_dossier_current_placement (ended, today));
  ck_assert_ptr_null (row_category ("2025-0003", today));
  /* The plan shows the last placement: the ended one, not the one not yet begun. */
  ck_assert_str_eq (hw_dossier_last_placement (ended, today)->category, "2.2");
  ck_assert_str_eq (row_category ("2025-0003", hw_date_new (2025, 7, 1)), "2.3");
  ck_assert_str_eq (hw_dossier_current_placement (ended, hw_date_new (2025, 7, 1))->category,
                    "2.3");

  /* No start date: not begun, for the store and the page alike. */
  {
    HwMeasure undated = { 0 };

    undated.category = (char *) "2.1";
    ck_assert (!hw_measure_is_active (&undated, today));
  }
}
END_TEST

/* The decision the child page's header names: in force today, made last. */
START_TEST (test_store_latest_decision)
{
  g_autoptr(HwDossier) d = hw_test_make_case ("2025-0009");
  HwDecision *a = hw_record_new (HW_ENTITY_DECISION);
  HwDecision *b = hw_record_new (HW_ENTITY_DECISION);
  HwDecision *future = hw_record_new (HW_ENTITY_DECISION);
  HwDate today = hw_date_new (2025, 6, 1);

  a->start_date = hw_date_new (2025, 1, 1);
  b->start_date = hw_date_new (2025, 3, 1);
  b->end_date = hw_date_new (2025, 5, 31);
  future->start_date = hw_date_new (2025, 7, 1);
  hw_dossier_add (d, a);
  hw_dossier_add (d, b);
  hw_dossier_add (d, future);
  ck_assert_ptr_eq (hw_dossier_latest_decision (d, today), a);
  ck_assert_ptr_eq (hw_dossier_latest_decision (d, hw_date_new (2025, 5, 31)), b);
  ck_assert_ptr_eq (hw_dossier_latest_decision (d, hw_date_new (2025, 7, 1)), future);
}
END_TEST

/* "The last 12 months" of samvær, one window for the child page and the plan: the child page
 * counted from the same date a year ago (a day more than the plan), so the two showed
 * different counts for the same case. */
START_TEST (test_samvaer_last_12_months)
{
  g_autoptr(HwDossier) d = hw_test_make_case ("2025-0010");
  HwDate today = hw_date_new (2025, 6, 1);
  static const struct { int y, m, day; HwSessionStatus status; const char *agreement; } s[] = {
    { 2024, 6, 1, HW_SESSION_HELD, "a" },              /* a year ago today: outside */
    { 2024, 6, 2, HW_SESSION_HELD, "a" },              /* the first day inside */
    { 2025, 6, 1, HW_SESSION_HELD, "b" },              /* today */
    { 2025, 1, 5, HW_SESSION_CANCELLED_PARENT, "a" },
    { 2025, 6, 2, HW_SESSION_HELD, "a" },              /* tomorrow: not yet known */
    { 2025, 6, 20, HW_SESSION_PLANNED, "a" },
  };
  HwSamvaerCount count;

  for (guint i = 0; i < G_N_ELEMENTS (s); i++)
    {
      HwSamvaerSession *session = hw_record_new (HW_ENTITY_SAMVAER_SESSION);

      session->date = hw_date_new (s[i].y, s[i].m, s[i].day);
      session->status = s[i].status;
      session->agreement_id = g_strdup (s[i].agreement);
      hw_dossier_add (d, session);
    }
  ck_assert_int_eq (hw_last_12_months_start (today), hw_date_new (2024, 6, 2));
  hw_dossier_count_samvaer (d, NULL, today, &count);
  ck_assert_uint_eq (count.held, 2);
  ck_assert_uint_eq (count.cancelled, 1);
  ck_assert_uint_eq (count.by_status[HW_SESSION_CANCELLED_PARENT], 1);
  ck_assert_uint_eq (count.planned_ahead, 1);
  hw_dossier_count_samvaer (d, "a", today, &count);
  ck_assert_uint_eq (count.held, 1);
  hw_dossier_count_samvaer (d, "b", today, &count);
  ck_assert_uint_eq (count.held, 1);
  ck_assert_uint_eq (count.planned_ahead, 0);
}
END_TEST

START_TEST (test_store_audit_records_writes_and_reads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2022-0100");
  const char *case_id = ((HwRecord *) d->root)->id;
  g_autoptr(GPtrArray) entries = NULL;
  HwAuditEntry *last;

  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert (hw_store_log_read (store, case_id, &error));
  ck_assert (hw_store_delete_owned (store, HW_ENTITY_CHILD, case_id,
                                    ((HwRecord *) hw_dossier_child (d))->id, &error));
  entries = hw_store_audit_list (store, case_id, &error);
  ck_assert_uint_eq (entries->len, 3);
  ck_assert_str_eq (((HwAuditEntry *) entries->pdata[0])->action, "save");
  ck_assert_str_eq (((HwAuditEntry *) entries->pdata[1])->action, "read");
  last = entries->pdata[2];
  ck_assert_str_eq (last->action, "delete");
  ck_assert_str_eq (last->entity, "child");
  ck_assert_str_eq (last->actor, "tester");
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
}
END_TEST

/* What was typed is found literally: LIKE's wildcards in it match only themselves. */
START_TEST (test_store_search_is_literal)
{
  const char *journals[] = { "A_1", "AB1", "C%2", "CD2", "E\\3" };
  const struct { const char *needle; guint n; } searches[] = {
    { "_", 1 }, { "A_", 1 }, { "%", 1 }, { "C%", 1 }, { "\\", 1 }, { "B", 1 }, { "CD", 1 },
    { "__", 0 }, { "%%", 0 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (journals); i++)
    {
      g_autoptr(HwDossier) d = hw_test_make_case (journals[i]);

      ck_assert (hw_store_save_dossier (store, d, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) rows = hw_store_search_case_rows (store, searches[i].needle,
                                                             hw_date_new (2024, 1, 1), 0,
                                                             &error);
      ck_assert_no_error (error);
      ck_assert_msg (rows->len == searches[i].n, "“%s” found %u cases, not %u",
                     searches[i].needle, rows->len, searches[i].n);
    }
}
END_TEST

START_TEST (test_store_refuses_bad_text_unchanged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) dossier = hw_test_make_case ("2021-0003");
  HwChild *child;
  HwCase *kase;

  ck_assert (hw_store_save_dossier (store, dossier, &error));
  kase = hw_record_copy (dossier->root);
  g_free (kase->journal_no);
  kase->journal_no = g_strdup ("2021-0003\nX");
  assert_refused_unchanged (kase, HW_ERROR_INVALID, "Journal number");

  child = hw_record_copy (hw_dossier_child (dossier));
  g_free (child->given_name);
  child->given_name = g_strdup ("  \u00a0 ");
  assert_refused_unchanged (child, HW_ERROR_REQUIRED, "Given name");
  g_free (child->given_name);
  child->given_name = g_strnfill (1 << 20, 'A');
  assert_refused_unchanged (child, HW_ERROR_INVALID, "Given name is too long");
  hw_record_free (kase);
  hw_record_free (child);
}
END_TEST

/* A code not in its field's list is refused whoever writes it (issue 17): "fosterhjem" as a
 * category used to be stored, then yielded no duties and was dropped from the SSB export. */
START_TEST (test_store_refuses_unknown_codes_unchanged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) dossier = hw_test_make_case ("2021-0004");
  const char *case_id = ((HwRecord *) dossier->root)->id;
  HwMeasure *m;
  HwPlan *plan = hw_record_new (HW_ENTITY_PLAN);
  HwMove *move = hw_record_new (HW_ENTITY_MOVE);

  ck_assert (hw_store_save_dossier (store, dossier, &error));
  m = hw_test_new_measure (case_id, "fosterhjem", hw_date_new (2021, 3, 1));
  assert_refused_unchanged (m, HW_ERROR_INVALID, "Measure: Category: “fosterhjem”");
  /* An existing measure's category changed to a code SSB does not have. */
  g_free (m->category);
  m->category = g_strdup ("2.2");
  ck_assert (hw_store_save (store, m, &error));
  g_free (m->category);
  m->category = g_strdup ("2.7");
  assert_refused_unchanged (m, HW_ERROR_INVALID, "Measure: Category");
  m->category[2] = '1';
  m->end_reason = 9;
  assert_refused_unchanged (m, HW_ERROR_INVALID, "Measure: End reason: 9");

  plan->case_id = g_strdup (case_id);
  plan->plan_type = 9;
  plan->start_date = hw_date_new (2021, 4, 1);
  assert_refused_unchanged (plan, HW_ERROR_INVALID, "Plan: Plan type: 9");
  plan->plan_type = 101;  /* Homeward's own: a plan for the return home */
  ck_assert (hw_store_save (store, plan, &error));
  ck_assert_no_error (error);

  /* An act SSB does not know. */
  g_free (m->basis.law);
  m->basis.law = g_strdup ("BVL2022");
  m->end_reason = 0;
  assert_refused_unchanged (m, HW_ERROR_INVALID, "Measure: Act: “BVL2022”");

  move->case_id = g_strdup (case_id);
  move->date = hw_date_new (2022, 5, 1);
  move->reason_code = g_strdup ("1.1");
  move->to_code = g_strdup ("1");
  assert_refused_unchanged (move, HW_ERROR_INVALID, "Move: Reason: “1.1”");
  g_free (move->reason_code);
  move->reason_code = g_strdup ("1.1.2");
  g_free (move->to_code);
  move->to_code = g_strdup ("10");
  assert_refused_unchanged (move, HW_ERROR_INVALID, "Move: Moved to: “10”");

  hw_record_free (m);
  hw_record_free (plan);
  hw_record_free (move);
}
END_TEST

/* Every code has a name, and the names say the same everywhere: the kinship category (2.1)
 * is worded as SSB words it, in the window, the plan and the CLI alike. */
START_TEST (test_codes_have_names)
{
  for (guint l = HW_CODES_NONE + 1; l < HW_N_CODE_LISTS; l++)
    {
      guint n;
      const HwCode *codes = hw_code_list_get (l, &n);

      ck_assert_uint_gt (n, 0);
      for (guint i = 0; i < n; i++)
        ck_assert_msg (codes[i].label && *codes[i].label, "list %u: %s has no name", l,
                       codes[i].code);
    }
  /* The names are SSB's lists, whole: a code SSB adds needs a name before the store takes it,
   * and Homeward's own codes (plan types 101 and 102, 0 for "not yet") are the only others. */
  for (guint l = HW_CODES_NONE + 1; l < HW_N_CODE_LISTS; l++)
    {
      int ssb = hw_code_list_get_ssb (l);
      const HwSsbCodeList *sl = &hw_ssb_code_lists[ssb];
      guint n;
      const HwCode *codes = hw_code_list_get (l, &n);

      ck_assert_int_ge (ssb, 0);
      for (guint i = 0; i < sl->n_codes; i++)
        ck_assert_msg (hw_code_lookup (l, sl->codes[i].code) != NULL, "SSB's %s %s has no name",
                       sl->path, sl->codes[i].code);
      for (guint i = 0; i < n; i++)
        ck_assert_msg (hw_ssb_code_lookup (ssb, codes[i].code) != NULL ||
                       g_str_equal (codes[i].code, "0") || atoi (codes[i].code) > 100,
                       "%s is not in SSB's %s", codes[i].code, sl->path);
    }
  ck_assert_str_eq (hw_code_get_label (HW_CODES_CATEGORY, "2.1"),
                    "Foster home in the family or close network");
  ck_assert_str_eq (hw_entity_get_value_label (HW_ENTITY_FOSTER_HOME, "kind", HW_HOME_KINSHIP),
                    hw_code_get_label (HW_CODES_CATEGORY, "2.1"));
  ck_assert_str_eq (hw_code_get_label_int (HW_CODES_PLAN_TYPE, 1), "Measures plan (§ 8-1)");
  ck_assert_ptr_null (hw_code_get_label (HW_CODES_CATEGORY, "fosterhjem"));
  /* The acts' names follow SSB's codes, which hw-codes.c takes by position. */
  ck_assert_str_eq (hw_code_get_label (HW_CODES_ACT, "BVL"), "Child Welfare Act (1992)");
  ck_assert_str_eq (hw_code_get_label (HW_CODES_ACT, "BVL2021"), "Child Welfare Act (2021)");
  ck_assert_str_eq (hw_code_get_label (HW_CODES_ACT, "BL1981"), "Children Act (1981)");
}
END_TEST

/* A bulk disclosure reads well in the trail and keeps the chain intact. */
START_TEST (test_store_log_disclosure)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  HwAuditEntry *e;

  ck_assert (hw_store_log_disclosure (store, "export homeward", 3, "/tmp/x.xml", &error));
  ck_assert (hw_store_log_disclosure (store, "list --search", 1, "standard output", &error));
  entries = hw_store_audit_list (store, NULL, &error);
  ck_assert_uint_eq (entries->len, 2);
  e = entries->pdata[0];
  ck_assert_str_eq (e->action, "disclose");
  ck_assert_str_eq (e->entity, "export homeward");
  ck_assert_str_eq (e->actor, "tester");
  ck_assert_str_eq (e->detail, "3 cases to /tmp/x.xml");
  ck_assert_ptr_null (e->case_id);
  e = entries->pdata[1];
  ck_assert_str_eq (e->detail, "1 case to standard output");
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
}
END_TEST

/* Every row of the records' tables, in a stable order: "nothing written" means equal. */
static char *
dump_records (HwStore *db_store)
{
  GString *out = g_string_new (NULL);

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) all = hw_store_list (db_store, e, NULL);

      for (guint i = 0; all && i < all->len; i++)
        {
          const HwEntityInfo *info = hw_entity_info (e);

          g_string_append_printf (out, "%s %s v%" G_GINT64_FORMAT ":", info->name,
                                  ((HwRecord *) all->pdata[i])->id,
                                  ((HwRecord *) all->pdata[i])->version);
          for (guint f = 0; f < info->n_fields; f++)
            {
              g_autofree char *v = hw_field_dup_string (all->pdata[i], &info->fields[f]);
              g_string_append_printf (out, " %s", v ? v : "-");
            }
          g_string_append_c (out, '\n');
        }
      if (all)
        g_ptr_array_set_free_func (all, hw_record_free);
    }
  return g_string_free (out, FALSE);
}

/* Issue 13: a measure whose id is stored under another case was updated in place and moved to
 * the case being saved; the other child lost its placement. A save never changes an owner. */
START_TEST (test_store_save_never_moves_a_record_to_another_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) a = hw_test_make_case ("2021-00015");
  g_autoptr(HwDossier) b = hw_test_make_case ("2024-00001");
  const char *a_id = ((HwRecord *) a->root)->id, *b_id = ((HwRecord *) b->root)->id;
  HwMeasure *measure = hw_test_new_measure (a_id, "2.1", hw_date_new (2021, 2, 1));
  HwMeasure *taken;
  HwMeasure *stored;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hw_dossier_add (a, measure);
  ck_assert (hw_store_save_dossier (store, a, &error));
  ck_assert_no_error (error);

  /* The same measure id under another (new) case, as an import file would bring it. */
  taken = hw_record_copy (measure);
  taken->rec.version = 0;
  g_free (taken->case_id);
  taken->case_id = g_strdup (b_id);
  hw_dossier_add (b, taken);
  before = dump_records (store);
  ck_assert (!hw_store_save_dossier (store, b, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "2021-00015") && strstr (error->message, "2024-00001"),
                 "both cases named: %s", error->message);
  g_clear_error (&error);
  after = dump_records (store);
  ck_assert_str_eq (before, after);

  /* Nor one record on its own, read from the database or not. */
  stored = hw_store_load (store, HW_ENTITY_MEASURE, measure->rec.id, &error);
  ck_assert_no_error (error);
  ck_assert (hw_store_save (store, b->root, &error));
  g_free (stored->case_id);
  stored->case_id = g_strdup (b_id);
  ck_assert (!hw_store_save (store, stored, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  g_clear_error (&error);
  taken->rec.version = 0;
  ck_assert (!hw_store_save (store, taken, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  g_clear_error (&error);
  hw_record_free (stored);
  stored = hw_store_load_owned (store, HW_ENTITY_MEASURE, a_id, measure->rec.id, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (stored->case_id, a_id);
  hw_record_free (stored);
}
END_TEST

/* Issue 13: the app holds a child's record, an import (another connection, another program)
 * renames the child, and a save of an unrelated field in the app wrote the old name back. */
START_TEST (test_store_refuses_a_lost_update)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "test.db", NULL);
  g_autoptr(HwStore) other = hw_store_open_existing (path, &error);
  g_autoptr(HwDossier) d = hw_test_make_case ("2025-00010");
  g_autoptr(HwDossier) in_app = NULL;
  g_autoptr(HwDossier) imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwChild *theirs, *mine, *back;
  gint64 read_at;

  ck_assert_no_error (error);
  ck_assert (hw_store_save_dossier (store, d, &error));
  in_app = hw_store_load_case (store, ((HwRecord *) d->root)->id, &error);
  mine = hw_dossier_child (in_app);
  read_at = mine->rec.version;
  ck_assert_int_gt (read_at, 0);

  /* The other program renames the child. */
  theirs = hw_store_load_owned (other, HW_ENTITY_CHILD, mine->case_id, mine->rec.id, &error);
  ck_assert_no_error (error);
  g_free (theirs->given_name);
  theirs->given_name = g_strdup ("Nyttnavn");
  ck_assert (hw_store_save (other, theirs, &error));
  hw_record_free (theirs);

  /* The app saves another field: refused, naming the record, and nothing written. */
  before = dump_records (store);
  g_free (mine->school);
  mine->school = g_strdup ("Bakkeby skole");
  ck_assert (!hw_store_save (store, mine, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  ck_assert_msg (strstr (error->message, "Child"), "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (mine->rec.version, read_at);
  after = dump_records (store);
  ck_assert_str_eq (before, after);
  back = hw_store_load_owned (store, HW_ENTITY_CHILD, mine->case_id, mine->rec.id, &error);
  ck_assert_str_eq (back->given_name, "Nyttnavn");
  ck_assert_ptr_null (back->school);

  /* Reloaded, the same edit saves; and saves again from the same copy. */
  g_free (back->school);
  back->school = g_strdup ("Bakkeby skole");
  ck_assert (hw_store_save (store, back, &error));
  ck_assert_no_error (error);
  g_free (back->school);
  back->school = g_strdup ("Dalen skole");
  ck_assert (hw_store_save (store, back, &error));
  ck_assert_no_error (error);

  /* A whole dossier from a file (an import) still replaces it, and bumps the version. */
  imported = hw_store_load_case (other, mine->case_id, &error);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    for (guint i = 0; imported->records[e] && i < imported->records[e]->len; i++)
      ((HwRecord *) imported->records[e]->pdata[i])->version = 0;
  ((HwRecord *) imported->root)->version = 0;
  g_free (hw_dossier_child (imported)->given_name);
  hw_dossier_child (imported)->given_name = g_strdup ("Fra fil");
  ck_assert (hw_store_save_dossier (other, imported, &error));
  ck_assert_no_error (error);
  g_free (back->school);
  back->school = g_strdup ("Gammel kopi");
  ck_assert (!hw_store_save (store, back, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  hw_record_free (back);
  back = hw_store_load_owned (store, HW_ENTITY_CHILD, mine->case_id, mine->rec.id, NULL);
  ck_assert_str_eq (back->given_name, "Fra fil");
  ck_assert_str_eq (back->school, "Dalen skole");
  hw_record_free (back);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("store");
  TCase *tc = tcase_create ("store");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_store_crud_every_entity);
  tcase_add_test (tc, test_store_refusals_name_field_and_change_nothing);
  tcase_add_test (tc, test_store_rollback_leaves_no_trace);
  tcase_add_test (tc, test_store_migrates_empty_and_v1);
  tcase_add_test (tc, test_store_refuses_newer_database);
  tcase_add_test (tc, test_store_refuses_non_database);
  tcase_add_test (tc, test_store_file_is_private);
  tcase_add_test (tc, test_store_foreach_streams_whole_dossiers);
  tcase_add_test (tc, test_store_facts_are_records_without_prose);
  tcase_add_test (tc, test_store_keeps_a_home_with_placements);
  tcase_add_test (tc, test_store_schema_agrees_with_owner_keys);
  tcase_add_test (tc, test_store_owned_records_stay_with_their_case);
  tcase_add_test (tc, test_store_case_rows_and_search);
  tcase_add_test (tc, test_store_audit_records_writes_and_reads);
  tcase_add_test (tc, test_store_search_is_literal);
  tcase_add_test (tc, test_store_refuses_bad_text_unchanged);
  tcase_add_test (tc, test_store_refuses_unknown_codes_unchanged);
  tcase_add_test (tc, test_codes_have_names);
  tcase_add_test (tc, test_store_log_disclosure);
  tcase_add_test (tc, test_store_save_never_moves_a_record_to_another_case);
  tcase_add_test (tc, test_store_refuses_a_lost_update);
  tcase_add_test (tc, test_store_current_placement_is_one_definition);
  tcase_add_test (tc, test_store_latest_decision);
  tcase_add_test (tc, test_samvaer_last_12_months);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
