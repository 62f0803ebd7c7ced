/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a record with what depends on it, and the undo: one store operation each, in one
 * transaction, all or nothing (app/store/hw-store-delete.c). */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-store-audit.h"
#include "hw-store-audit-private.h"
#include "hw-store-delete.h"
#include "hw-store-private.h"
#include "hw-test-support.h"

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

/* Every row of every table, and the audit trail's length and head. @with_versions FALSE leaves
 * the row_version column out. */
static char *
dump_database_full (HwStore *s, gboolean with_versions)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = hw_store_get_handle (s);

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id",
                                              hw_entity_info (e)->name);
      sqlite3_stmt *stmt = NULL;

      ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (out, "%s:", hw_entity_info (e)->name);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (with_versions || strcmp (sqlite3_column_name (stmt, c), "row_version") != 0)
              g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static char *
dump_with_audit (HwStore *s)
{
  g_autofree char *rows = dump_database_full (s, TRUE);
  sqlite3_stmt *stmt = NULL;
  char *out;

  sqlite3_prepare_v2 (hw_store_get_handle (s), "SELECT count(*), max(hash) FROM audit", -1,
                      &stmt, NULL);
  sqlite3_step (stmt);
  out = g_strdup_printf ("%saudit %d %s", rows, sqlite3_column_int (stmt, 0),
                         sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return out;
}

static gint64
row_version (const char *table, const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  ck_assert_int_eq (sqlite3_prepare_v2 (hw_store_get_handle (store), sql, -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static int
count_audit (const char *action, const char *entity)
{
  g_autoptr(GPtrArray) entries = hw_store_audit_list (store, NULL, NULL);
  int n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      HwAuditEntry *a = entries->pdata[i];

      if (g_strcmp0 (a->action, action) == 0 && g_strcmp0 (a->entity, entity) == 0)
        n++;
    }
  return n;
}

static int commits;

static int
count_commit_cb (void *data)
{
  commits++;
  return 0;
}

/* A case with a placement that has a visit frequency and two visits. */
typedef struct {
  char *case_id, *measure_id, *frequency_id, *visit1, *visit2, *other_visit;
} Placement;

static void
placement_clear (Placement *p)
{
  g_free (p->case_id);
  g_free (p->measure_id);
  g_free (p->frequency_id);
  g_free (p->visit1);
  g_free (p->visit2);
  g_free (p->other_visit);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Placement, placement_clear)

static HwVisit *
new_visit (const char *case_id, const char *measure_id, HwDate date)
{
  HwVisit *v = hw_record_new (HW_ENTITY_VISIT);

  v->case_id = g_strdup (case_id);
  v->measure_id = g_strdup (measure_id);
  v->date = date;
  v->notes = g_strdup ("Samtale med barnet");
  return v;
}

static void
make_placement (Placement *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2024-0042");
  const char *case_id = ((HwRecord *) d->root)->id;
  HwMeasure *m = hw_test_new_measure (case_id, "2.1", hw_date_new (2021, 2, 1));
  HwFrequency *f = hw_record_new (HW_ENTITY_FREQUENCY);
  HwVisit *v1 = new_visit (case_id, m->rec.id, hw_date_new (2022, 3, 1));
  HwVisit *v2 = new_visit (case_id, m->rec.id, hw_date_new (2022, 9, 1));
  HwVisit *v3 = new_visit (case_id, NULL, hw_date_new (2023, 1, 5));

  f->case_id = g_strdup (case_id);
  f->measure_id = g_strdup (m->rec.id);
  f->per_year = 4;
  f->start_date = m->start_date;
  p->case_id = g_strdup (case_id);
  p->measure_id = g_strdup (m->rec.id);
  p->frequency_id = g_strdup (f->rec.id);
  p->visit1 = g_strdup (v1->rec.id);
  p->visit2 = g_strdup (v2->rec.id);
  p->other_visit = g_strdup (v3->rec.id);
  hw_dossier_add (d, m);
  hw_dossier_add (d, f);
  hw_dossier_add (d, v1);
  hw_dossier_add (d, v2);
  hw_dossier_add (d, v3);
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert_no_error (error);
  /* A second write, so the rows are not all at version 1. */
  {
    HwMeasure *again = hw_store_load (store, HW_ENTITY_MEASURE, p->measure_id, &error);

    ck_assert (hw_store_save (store, again, &error));
    hw_record_free (again);
  }
}

/* Deleting a placement takes its visit frequency (a required reference) and clears the
 * placement of its visits (an optional one), in one transaction; the undo puts every row back
 * as it was, with versions that move on. */
START_TEST (test_delete_placement_with_dependents_and_undo)
{
  g_autoptr(GError) error = NULL;
  g_auto(Placement) p = { 0 };
  g_autoptr(HwRemoval) removal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_rows = NULL;
  g_autofree char *after_rows = NULL;
  HwVisit *stale, *visit;
  gint64 measure_v, frequency_v, visit_v, other_v;

  make_placement (&p);
  before = dump_with_audit (store);
  before_rows = dump_database_full (store, FALSE);
  measure_v = row_version ("measure", p.measure_id);
  frequency_v = row_version ("frequency", p.frequency_id);
  visit_v = row_version ("visit", p.visit1);
  other_v = row_version ("visit", p.other_visit);
  ck_assert_int_eq (measure_v, 2);
  /* A copy read before the delete, as an editor left open would hold it. */
  stale = hw_store_load_owned (store, HW_ENTITY_VISIT, p.case_id, p.visit1, &error);

  commits = 0;
  sqlite3_commit_hook (hw_store_get_handle (store), count_commit_cb, NULL);
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_MEASURE, p.case_id, p.measure_id,
                                             &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (removal);
  ck_assert_int_eq (commits, 1);
  ck_assert_str_eq (hw_removal_get_case_id (removal), p.case_id);

  /* What went: the placement first, then its frequency; what stays: both visits, cleared. */
  ck_assert_uint_eq (removal->removed->len, 2);
  ck_assert_str_eq (((HwRecord *) removal->removed->pdata[0])->id, p.measure_id);
  ck_assert_str_eq (((HwRecord *) removal->removed->pdata[1])->id, p.frequency_id);
  ck_assert_uint_eq (removal->cleared->len, 2);
  ck_assert_int_eq (row_version ("measure", p.measure_id), -1);
  ck_assert_int_eq (row_version ("frequency", p.frequency_id), -1);
  ck_assert_int_eq (row_version ("visit", p.visit1), visit_v + 1);
  ck_assert_int_eq (row_version ("visit", p.other_visit), other_v);
  visit = hw_store_load_owned (store, HW_ENTITY_VISIT, p.case_id, p.visit1, &error);
  ck_assert_ptr_null (visit->measure_id);
  ck_assert_str_eq (visit->notes, "Samtale med barnet");
  hw_record_free (visit);
  ck_assert_int_eq (count_audit ("delete", "measure"), 1);
  ck_assert_int_eq (count_audit ("delete", "frequency"), 1);
  ck_assert_int_eq (count_audit ("update", "visit"), 2);

  /* Undo: one transaction again. */
  commits = 0;
  ck_assert (hw_store_restore_removed (store, removal, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (commits, 1);
  sqlite3_commit_hook (hw_store_get_handle (store), NULL, NULL);

  /* Every column byte-identical, the owner included… */
  after_rows = dump_database_full (store, FALSE);
  ck_assert_str_eq (before_rows, after_rows);
  /* …and no version number issued twice: removed rows come back one further, cleared ones
   * two (cleared, then set again). */
  ck_assert_int_eq (row_version ("measure", p.measure_id), measure_v + 1);
  ck_assert_int_eq (row_version ("frequency", p.frequency_id), frequency_v + 1);
  ck_assert_int_eq (row_version ("visit", p.visit1), visit_v + 2);
  ck_assert_int_eq (row_version ("visit", p.other_visit), other_v);
  ck_assert_int_eq (count_audit ("restore", "measure"), 1);
  ck_assert_int_eq (count_audit ("restore", "frequency"), 1);
  ck_assert_int_eq (count_audit ("restore", "visit"), 2);
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));

  /* The copy read before the delete cannot overwrite the restored visit unnoticed. */
  g_free (stale->notes);
  stale->notes = g_strdup ("Gammel kopi");
  ck_assert (!hw_store_save (store, stale, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  hw_record_free (stale);
}
END_TEST

/* A refusal half-way (here a trigger standing for any failing statement) leaves nothing done:
 * not the cleared visits, not the deleted frequency, not an audit entry. */
START_TEST (test_delete_refused_midway_changes_nothing)
{
  g_autoptr(GError) error = NULL;
  g_auto(Placement) p = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwRemoval *removal;

  make_placement (&p);
  before = dump_with_audit (store);
  /* The frequency is deleted after the visits were cleared and before the placement. */
  ck_assert_int_eq (sqlite3_exec (hw_store_get_handle (store),
                                  "CREATE TEMP TRIGGER refuse BEFORE DELETE ON frequency "
                                  "BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL, NULL, NULL),
                    SQLITE_OK);
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_MEASURE, p.case_id, p.measure_id,
                                             &error);
  ck_assert_ptr_null (removal);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "refused") != NULL, "%s", error->message);
  ck_assert (!hw_store_in_transaction (store));
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);
  ck_assert (hw_store_audit_verify (store, NULL, NULL, NULL));
}
END_TEST

static void
crash_now (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  _exit (42);
}

/* The process dies half-way through the delete: the database is as before. */
START_TEST (test_delete_crash_midway_changes_nothing)
{
  g_autoptr(GError) error = NULL;
  g_auto(Placement) p = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  pid_t pid;
  int status = 0;

  make_placement (&p);
  before = dump_with_audit (store);
  path = g_strdup (hw_store_get_path (store));
  g_clear_object (&store);

  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      HwStore *s = hw_store_open_existing (path, NULL);
      sqlite3 *db = s ? hw_store_get_handle (s) : NULL;

      if (db == NULL ||
          sqlite3_create_function (db, "crash_now", 0, SQLITE_UTF8, NULL, crash_now, NULL,
                                   NULL) != SQLITE_OK ||
          sqlite3_exec (db, "CREATE TEMP TRIGGER crash BEFORE DELETE ON measure "
                            "BEGIN SELECT crash_now (); END", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      hw_store_delete_with_dependents (s, HW_ENTITY_MEASURE, p.case_id, p.measure_id, NULL);
      _exit (2);   /* not reached: the trigger ends the process */
    }
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFEXITED (status));
  ck_assert_int_eq (WEXITSTATUS (status), 42);

  store = hw_store_open_existing (path, &error);
  ck_assert_no_error (error);
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);
  ck_assert (hw_store_audit_verify (store, NULL, NULL, &error));
  ck_assert_no_error (error);
}
END_TEST

/* The undo is refused, changing nothing, when a visit whose placement was cleared has been
 * changed since, or a deleted record was saved again: it names the record. */
START_TEST (test_restore_refused_changes_nothing)
{
  g_autoptr(GError) error = NULL;
  g_auto(Placement) p = { 0 };
  g_autoptr(HwRemoval) removal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwVisit *visit;

  make_placement (&p);
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_MEASURE, p.case_id, p.measure_id,
                                             &error);
  ck_assert_no_error (error);
  visit = hw_store_load_owned (store, HW_ENTITY_VISIT, p.case_id, p.visit2, &error);
  g_free (visit->notes);
  visit->notes = g_strdup ("Endret etter slettingen");
  ck_assert (hw_store_save (store, visit, &error));
  hw_record_free (visit);

  before = dump_with_audit (store);
  ck_assert (!hw_store_restore_removed (store, removal, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  ck_assert_msg (strstr (error->message, p.visit2) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "Visit") != NULL, "%s", error->message);
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);
  g_clear_error (&error);

  /* A deleted record saved again (an editor left open): not replaced. */
  {
    HwFrequency *f = hw_record_copy (removal->removed->pdata[1]);
    HwMeasure *m = hw_record_copy (removal->removed->pdata[0]);

    ck_assert (hw_store_save (store, m, &error));
    ck_assert (hw_store_save (store, f, &error));
    ck_assert_no_error (error);
    hw_record_free (f);
    hw_record_free (m);
  }
  g_free (before);
  before = dump_with_audit (store);
  ck_assert (!hw_store_restore_removed (store, removal, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, p.measure_id) != NULL, "%s", error->message);
  g_free (after);
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);
}
END_TEST

/* Several levels: a parent takes her samvær agreement and its sessions (required references),
 * and clears herself from a visit (optional). The removed list is in dependency order. */
START_TEST (test_delete_person_cascades_through_levels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2024-0050");
  const char *case_id = ((HwRecord *) d->root)->id;
  HwPerson *mother = hw_record_new (HW_ENTITY_PERSON);
  HwSamvaerAgreement *a = hw_record_new (HW_ENTITY_SAMVAER_AGREEMENT);
  HwSamvaerSession *s = hw_record_new (HW_ENTITY_SAMVAER_SESSION);
  HwVisit *v = new_visit (case_id, NULL, hw_date_new (2023, 4, 4));
  g_autoptr(HwRemoval) removal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mother_id = g_strdup (mother->rec.id);

  mother->case_id = g_strdup (case_id);
  mother->name = g_strdup ("Mor Testesen");
  mother->relation = HW_RELATION_MOTHER;
  a->case_id = g_strdup (case_id);
  a->person_id = g_strdup (mother->rec.id);
  a->rrule = g_strdup ("FREQ=MONTHLY");
  a->valid_from = hw_date_new (2022, 1, 1);
  s->case_id = g_strdup (case_id);
  s->agreement_id = g_strdup (a->rec.id);
  s->date = hw_date_new (2022, 2, 1);
  v->person_id = g_strdup (mother->rec.id);
  hw_dossier_add (d, s);   /* added out of order: the store sorts */
  hw_dossier_add (d, a);
  hw_dossier_add (d, mother);
  hw_dossier_add (d, v);
  ck_assert_msg (hw_store_save_dossier (store, d, &error), "%s", error ? error->message : "");
  before = dump_database_full (store, FALSE);

  removal = hw_store_delete_with_dependents (store, HW_ENTITY_PERSON, case_id, mother_id,
                                             &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (removal->removed->len, 3);
  ck_assert_int_eq (((HwRecord *) removal->removed->pdata[0])->entity, HW_ENTITY_PERSON);
  ck_assert_int_eq (((HwRecord *) removal->removed->pdata[1])->entity,
                    HW_ENTITY_SAMVAER_AGREEMENT);
  ck_assert_int_eq (((HwRecord *) removal->removed->pdata[2])->entity, HW_ENTITY_SAMVAER_SESSION);
  ck_assert_uint_eq (removal->cleared->len, 1);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_SAMVAER_SESSION, NULL), 0);
  ck_assert (hw_store_restore_removed (store, removal, &error));
  ck_assert_no_error (error);
  after = dump_database_full (store, FALSE);
  ck_assert_str_eq (before, after);
}
END_TEST

/* A whole case, with the foster home's approval for that child (another owner), and back. A
 * home where a child was placed is kept; one without placements goes with its members. */
START_TEST (test_delete_case_and_home)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = hw_test_make_case ("2024-0060");
  const char *case_id = ((HwRecord *) d->root)->id;
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);
  HwHomeMember *member = hw_record_new (HW_ENTITY_HOME_MEMBER);
  HwHomeEvidence *approval = hw_record_new (HW_ENTITY_HOME_EVIDENCE);
  HwMeasure *m = hw_test_new_measure (case_id, "2.1", hw_date_new (2021, 2, 1));
  g_autoptr(HwRemoval) removal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *home_id = g_strdup (home->rec.id);
  g_autofree char *case_copy = g_strdup (case_id);

  home->name = g_strdup ("Familien Lie");
  ck_assert (hw_store_save (store, home, &error));
  member->home_id = g_strdup (home_id);
  member->name = g_strdup ("Anne Lie");
  ck_assert (hw_store_save (store, member, &error));
  approval->home_id = g_strdup (home_id);
  approval->case_id = g_strdup (case_id);
  approval->date = hw_date_new (2021, 1, 20);
  m->home_id = g_strdup (home_id);
  hw_dossier_add (d, m);
  ck_assert (hw_store_save_dossier (store, d, &error));
  ck_assert (hw_store_save (store, approval, &error));
  ck_assert_no_error (error);

  /* The home where the child lived: refused, nothing changed. */
  before = dump_with_audit (store);
  ck_assert_ptr_null (hw_store_delete_with_dependents (store, HW_ENTITY_FOSTER_HOME, NULL,
                                                       home_id, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "Familien Lie") != NULL, "%s", error->message);
  g_clear_error (&error);
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);

  g_free (before);
  before = dump_database_full (store, FALSE);
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_CASE, NULL, case_copy, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (hw_removal_get_case_id (removal), case_copy);
  ck_assert_uint_eq (removal->removed->len, 4);   /* case, child, measure, approval */
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_HOME_EVIDENCE, NULL), 0);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
  ck_assert (hw_store_restore_removed (store, removal, &error));
  ck_assert_no_error (error);
  g_free (after);
  after = dump_database_full (store, FALSE);
  ck_assert_str_eq (before, after);
  g_clear_pointer (&removal, hw_removal_free);

  /* Without its placement the home can go, with its member and the approval. */
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_MEASURE, case_copy, m->rec.id,
                                             &error);
  ck_assert_no_error (error);
  g_clear_pointer (&removal, hw_removal_free);
  g_free (before);
  before = dump_database_full (store, FALSE);
  removal = hw_store_delete_with_dependents (store, HW_ENTITY_FOSTER_HOME, NULL, home_id, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (removal->removed->len, 3);
  ck_assert_ptr_null (hw_removal_get_case_id (removal));
  ck_assert (hw_store_restore_removed (store, removal, &error));
  g_free (after);
  after = dump_database_full (store, FALSE);
  ck_assert_str_eq (before, after);
  hw_record_free (home);
  hw_record_free (member);
  hw_record_free (approval);
}
END_TEST

/* The store derives what goes with a record from the descriptions' references and does what
 * the schema's foreign key would: every reference field has exactly one foreign key, to its
 * entity's table, that cascades (owner and required references always do) or clears it; and
 * the schema has no foreign key the descriptions do not know. */
START_TEST (test_descriptions_agree_with_foreign_keys)
{
  sqlite3 *db = hw_store_get_handle (store);

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      g_autofree char *sql = g_strdup_printf ("SELECT \"from\", \"table\", on_delete FROM "
                                              "pragma_foreign_key_list ('%s')", info->name);
      sqlite3_stmt *stmt = NULL;
      guint n_refs = 0, n_keys = 0;

      for (guint f = 0; f < info->n_fields; f++)
        n_refs += info->fields[f].type == HW_FIELD_REF;
      ck_assert_int_eq (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *from = (const char *) sqlite3_column_text (stmt, 0);
          const char *table = (const char *) sqlite3_column_text (stmt, 1);
          const char *action = (const char *) sqlite3_column_text (stmt, 2);
          const HwField *field = hw_entity_find_field (info, from);

          n_keys++;
          ck_assert_msg (field && field->type == HW_FIELD_REF, "%s.%s: not a reference",
                         info->name, from);
          ck_assert_str_eq (table, hw_entity_info (field->ref_entity)->name);
          ck_assert_msg (g_str_equal (action, "CASCADE") || g_str_equal (action, "SET NULL"),
                         "%s.%s: %s", info->name, from, action);
          if (field->flags & (HW_FIELD_OWNER | HW_FIELD_REQUIRED))
            ck_assert_msg (g_str_equal (action, "CASCADE"), "%s.%s", info->name, from);
        }
      sqlite3_finalize (stmt);
      ck_assert_uint_eq (n_keys, n_refs);
    }
}
END_TEST

/* Several records saved together (the team overview's reassign): all in one commit, or none
 * when one of them was changed since it was read; the records keep their versions then. */
START_TEST (test_save_all_is_all_or_none)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) a = hw_test_make_case ("2024-0070");
  g_autoptr(HwDossier) b = hw_test_make_case ("2024-0071");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (hw_record_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwCase *behind;

  ck_assert (hw_store_save_dossier (store, a, &error));
  ck_assert (hw_store_save_dossier (store, b, &error));
  g_ptr_array_add (cases, hw_store_load (store, HW_ENTITY_CASE, ((HwRecord *) a->root)->id,
                                         &error));
  g_ptr_array_add (cases, hw_store_load (store, HW_ENTITY_CASE, ((HwRecord *) b->root)->id,
                                         &error));
  for (guint i = 0; i < cases->len; i++)
    ((HwCase *) cases->pdata[i])->closed = TRUE;
  /* Another program changes the second case meanwhile. */
  behind = hw_store_load (store, HW_ENTITY_CASE, ((HwRecord *) b->root)->id, &error);
  g_free (behind->summary);
  behind->summary = g_strdup ("Endret av en annen");
  ck_assert (hw_store_save (store, behind, &error));
  hw_record_free (behind);

  before = dump_with_audit (store);
  ck_assert (!hw_store_save_all (store, cases, &error));
  ck_assert (g_error_matches (error, HW_ERROR, HW_ERROR_CHANGED));
  g_clear_error (&error);
  after = dump_with_audit (store);
  ck_assert_str_eq (before, after);
  ck_assert_int_eq (((HwRecord *) cases->pdata[0])->version, 1);

  /* Read again, both go in one commit. */
  g_ptr_array_remove_index (cases, 1);
  g_ptr_array_add (cases, hw_store_load (store, HW_ENTITY_CASE, ((HwRecord *) b->root)->id,
                                         &error));
  ((HwCase *) cases->pdata[1])->closed = TRUE;
  commits = 0;
  sqlite3_commit_hook (hw_store_get_handle (store), count_commit_cb, NULL);
  ck_assert (hw_store_save_all (store, cases, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (commits, 1);
  sqlite3_commit_hook (hw_store_get_handle (store), NULL, NULL);
  ck_assert_int_eq (((HwRecord *) cases->pdata[0])->version, 2);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("store-delete");
  TCase *tc = tcase_create ("delete");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_delete_placement_with_dependents_and_undo);
  tcase_add_test (tc, test_delete_refused_midway_changes_nothing);
  tcase_add_test (tc, test_delete_crash_midway_changes_nothing);
  tcase_add_test (tc, test_restore_refused_changes_nothing);
  tcase_add_test (tc, test_delete_person_cascades_through_levels);
  tcase_add_test (tc, test_delete_case_and_home);
  tcase_add_test (tc, test_descriptions_agree_with_foreign_keys);
  tcase_add_test (tc, test_save_all_is_all_or_none);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
