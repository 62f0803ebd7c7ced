/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-store-private.h"

/* The store's records: binding and reading them, saving with row versions, deleting with
 * what hangs on them, loading one or a list or a dossier (hw-store.c has the connection). */

void
hw_store_bind_record (sqlite3_stmt *stmt, gconstpointer record)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);

  sqlite3_bind_text (stmt, 1, rec->id, -1, SQLITE_STATIC);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      int col = (int) i + 2;

      switch (f->type)
        {
        case HW_FIELD_TEXT:
        case HW_FIELD_REF:
          {
            const char *v = hw_field_get_text (record, f);

            if (v)
              sqlite3_bind_text (stmt, col, v, -1, SQLITE_STATIC);
            else
              sqlite3_bind_null (stmt, col);
          }
          break;
        case HW_FIELD_DATE:
          {
            char buf[11];

            if (hw_date_to_iso ((HwDate) hw_field_get_int (record, f), buf))
              sqlite3_bind_text (stmt, col, buf, -1, SQLITE_TRANSIENT);
            else
              sqlite3_bind_null (stmt, col);
          }
          break;
        case HW_FIELD_INT:
        case HW_FIELD_BOOL:
          sqlite3_bind_int (stmt, col, hw_field_get_int (record, f));
          break;
        case HW_FIELD_ENUM:
          sqlite3_bind_text (stmt, col,
                             hw_enum_to_string (f->enum_names, hw_field_get_int (record, f)),
                             -1, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* One row as a record. @packed gives a read-only record in a single allocation (the facts
 * stream: a national caseload is a million records, and per-string malloc was its largest cost). */
gpointer
hw_store_read_record_full (sqlite3_stmt *stmt, HwEntity entity, gboolean packed, HwArena *arena)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  const char *texts[64] = { NULL };
  HwRecord *rec;

  if (packed)
    {
      for (guint i = 0; i < info->n_fields && i < G_N_ELEMENTS (texts); i++)
        if (info->fields[i].type == HW_FIELD_TEXT || info->fields[i].type == HW_FIELD_REF)
          texts[i] = (const char *) sqlite3_column_text (stmt, (int) i + 1);
      rec = hw_record_new_packed (entity, (const char *) sqlite3_column_text (stmt, 0), texts,
                                  arena);
    }
  else
    {
      rec = g_malloc0 (info->size);
      rec->entity = entity;
      rec->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  /* The row version follows the fields where the query read it (not in the facts). */
  if (sqlite3_column_count (stmt) > (int) info->n_fields + 1)
    rec->version = sqlite3_column_int64 (stmt, (int) info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const HwField *f = &info->fields[i];
      int col = (int) i + 1;
      const char *text;

      switch (f->type)
        {
        case HW_FIELD_TEXT:
        case HW_FIELD_REF:
          if (!packed)
            {
              text = (const char *) sqlite3_column_text (stmt, col);
              *(char **) ((guint8 *) rec + f->offset) = g_strdup (text);
            }
          break;
        case HW_FIELD_DATE:
          text = (const char *) sqlite3_column_text (stmt, col);
          hw_field_set_int (rec, f, (int) hw_date_parse_iso (text));
          break;
        case HW_FIELD_INT:
        case HW_FIELD_BOOL:
          hw_field_set_int (rec, f, sqlite3_column_int (stmt, col));
          break;
        case HW_FIELD_ENUM:
          text = (const char *) sqlite3_column_text (stmt, col);
          hw_field_set_int (rec, f, MAX (0, hw_enum_from_string (f->enum_names, text)));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return rec;
}

static gpointer
read_record (sqlite3_stmt *stmt, HwEntity entity)
{
  return hw_store_read_record_full (stmt, entity, FALSE, NULL);
}

static HwDate
lookup_birth_date (HwStore *self, const char *case_id)
{
  sqlite3_stmt *stmt;
  HwDate birth = HW_DATE_NONE;

  if (case_id == NULL)
    return HW_DATE_NONE;
  stmt = hw_store_prepare_cached (self, "SELECT min(birth_date) FROM child WHERE case_id = ?1",
                                  NULL);
  if (stmt == NULL)
    return HW_DATE_NONE;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    birth = hw_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0));
  hw_store_release (stmt);
  return birth;
}

/* Inserts or updates one record inside the open transaction; @audit FALSE when the caller
 * writes one audit entry for a whole dossier. */
/* A cached statement of @sql[entity], remembered in @cache[entity]. */
static sqlite3_stmt *
statement_for (HwStore *self, sqlite3_stmt **cache, char **sql, HwEntity entity, GError **error)
{
  if (cache[entity] == NULL)
    cache[entity] = hw_store_prepare_cached (self, sql[entity], error);
  return cache[entity];
}

/* How a case or foster home is named in a message: its journal number or name, else its id. */
static char *
dup_owner_label (HwStore *self, HwEntity owner_entity, const char *owner_id)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  stmt = hw_store_prepare_cached (self, owner_entity == HW_ENTITY_FOSTER_HOME
                                        ? "SELECT name FROM foster_home WHERE id = ?1"
                                        : "SELECT journal_no FROM case_file WHERE id = ?1", NULL);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
        label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hw_store_release (stmt);
    }
  return label ? label : g_strdup (owner_id);
}

/* A save changed no row: is the record stored under another owner, at another version, or
 * not at all (deleted meanwhile, or a deleted record put back by undo)? Sets @error and
 * returns FALSE for the first two; TRUE when the record is simply not there. */
static gboolean
explain_unchanged (HwStore *self, const HwRecord *rec, GError **error)
{
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  const char *owner = hw_record_get_owner_id (rec);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, self->select_row_sql[rec->entity], error);
  g_autofree char *stored_owner = NULL;
  gint64 stored_version = 0;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rec->id, -1, SQLITE_STATIC);
  if (hw_entity_is_owner_keyed (rec->entity))
    sqlite3_bind_text (stmt, 2, owner, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      stored_owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      stored_version = sqlite3_column_int64 (stmt, 1);
    }
  hw_store_release (stmt);
  if (!found)
    return TRUE;

  if (g_strcmp0 (stored_owner, owner) != 0)
    {
      HwEntity owner_entity = info->owner;
      g_autofree char *theirs = dup_owner_label (self, owner_entity, stored_owner);
      g_autofree char *ours = dup_owner_label (self, owner_entity, owner);

      /* A record never changes owner through a save: the other case would lose it. */
      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   owner_entity == HW_ENTITY_FOSTER_HOME
                   /* Translators: "Home member 1b2c…: belongs to foster home “Berg”, not to “Dal”;
                    * nothing was saved" */
                   ? _("%s %s: belongs to foster home “%s”, not to “%s”; nothing was saved")
                   /* Translators: "Measure 1b2c…: belongs to case 2021-00015, not to case
                    * 2024-00001; nothing was saved" */
                   : _("%s %s: belongs to case %s, not to case %s; nothing was saved"),
                   _(info->label), rec->id, theirs, ours);
      return FALSE;
    }
  g_set_error (error, HW_ERROR, HW_ERROR_CHANGED,
               /* Translators: %s is a kind of record, like "Child" */
               _("%s: changed by another program since it was opened; nothing was saved. "
                 "Reload it to see the change."), _(info->label));
  g_debug ("%s %s: read at version %" G_GINT64_FORMAT ", stored at %" G_GINT64_FORMAT,
           info->name, rec->id, rec->version, stored_version);
  return FALSE;
}

static int
step_write (HwStore *self, sqlite3_stmt *stmt, gconstpointer record, gint64 version)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);
  int rc;

  hw_store_bind_record (stmt, record);
  if (version >= 0)
    sqlite3_bind_int64 (stmt, (int) info->n_fields + 2, version);
  rc = sqlite3_step (stmt);
  hw_store_release (stmt);
  return rc;
}

/* Inserts or updates one record inside the open transaction; @audit FALSE when the caller
 * writes one audit entry for a whole dossier. The record's version is brought up to date (the
 * caller's copy stays current for its next save). */
static gboolean
upsert (HwStore *self, gconstpointer record, HwDate birth_date, gboolean audit, GError **error)
{
  HwRecord *rec = (HwRecord *) record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);
  sqlite3_stmt *insert, *update;
  gboolean existed = FALSE, done = FALSE;
  gint64 version = 0;
  int rc = SQLITE_DONE;

  if (!hw_record_validate (record, birth_date, error))
    return FALSE;
  insert = statement_for (self, self->insert_stmt, self->insert_sql, rec->entity, error);
  update = insert ? statement_for (self, self->update_stmt, self->update_sql, rec->entity, error)
                  : NULL;
  if (update == NULL)
    return FALSE;

  /* A record from a file or a new one: insert, else update in place when the id is stored
   * under the same owner. New records are the many (an import writes nothing else), and a
   * single-row INSERT OR FAIL checks every constraint before it writes, so a refused one left
   * nothing behind. A record read from the database is updated at the version it was read. */
  if (rec->version == 0)
    {
      rc = step_write (self, insert, record, -1);
      done = rc == SQLITE_DONE;
      version = 1;
    }
  if (!done && (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT))
    {
      rc = step_write (self, update, record, rec->version);
      existed = done = rc == SQLITE_DONE && sqlite3_changes (self->db) > 0;
      version = rec->version ? rec->version + 1 : 0;
      if (rc == SQLITE_DONE && !done)
        {
          if (!explain_unchanged (self, rec, error))
            return FALSE;
          /* Not stored at all: insert (again, for SQLite's reason if it was refused). */
          rc = step_write (self, insert, record, -1);
          done = rc == SQLITE_DONE;
          version = 1;
        }
    }
  if (!done)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT && rec->entity == HW_ENTITY_CASE)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                       _("Journal number: another case already has “%s”"),
                       ((const HwCase *) record)->journal_no);
          return FALSE;
        }
      return hw_store_set_sqlite_error (self, rc, error);
    }
  rec->version = version;

  if (audit)
    {
      const char *case_id = info->owner == HW_ENTITY_CASE ?
                            (rec->entity == HW_ENTITY_CASE ? rec->id
                                                           : hw_record_get_owner_id (record))
                            : NULL;

      return hw_store_audit_append (self, existed ? "update" : "insert", info->name, rec->id,
                                    case_id, NULL, error);
    }
  return TRUE;
}

/* Deferred foreign keys are checked at COMMIT; name the broken reference instead of SQLite's
 * bare "FOREIGN KEY constraint failed". */
gboolean
hw_store_check_foreign_keys (HwStore *self, GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "PRAGMA foreign_key_check", error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const HwEntityInfo *from = hw_entity_info_by_name ((const char *) sqlite3_column_text (stmt, 0));
      const HwEntityInfo *to = hw_entity_info_by_name ((const char *) sqlite3_column_text (stmt, 2));

      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   /* Translators: "A Visit refers to a Measure that does not exist" */
                   _("A record (%s) refers to a %s that does not exist"),
                   from ? _(from->label) : "?", to ? _(to->label) : "?");
      ok = FALSE;
    }
  hw_store_release (stmt);
  return ok;
}

gboolean
hw_store_finish (HwStore *self, gboolean ok, GError **error)
{
  if (!ok)
    {
      hw_store_rollback (self);
      return FALSE;
    }
  return hw_store_commit (self, error);
}

gboolean
hw_store_save (HwStore *self, gconstpointer record, GError **error)
{
  const HwRecord *rec = record;
  HwDate birth = HW_DATE_NONE;
  gint64 version;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  version = rec->version;

  if (!hw_store_begin (self, error))
    return FALSE;
  if (hw_entity_info (rec->entity)->owner == HW_ENTITY_CASE && rec->entity != HW_ENTITY_CASE)
    birth = lookup_birth_date (self, hw_record_get_owner_id (record));
  ok = upsert (self, record, birth, TRUE, error);
  if (!hw_store_finish (self, ok, error))
    {
      /* Nothing was written: the record is still at the version it was read. */
      ((HwRecord *) record)->version = version;
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_store_save_dossier (HwStore *self, const HwDossier *dossier, GError **error)
{
  const HwRecord *root = dossier->root;
  const HwEntityInfo *info = hw_entity_info (root->entity);
  HwChild *child = root->entity == HW_ENTITY_CASE ? hw_dossier_child (dossier) : NULL;
  HwDate birth = child ? child->birth_date : HW_DATE_NONE;
  gboolean ok;
  g_autofree char *detail = g_strdup_printf ("%u records", hw_dossier_count (dossier));

  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  g_array_append_val (versions, root->version);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    for (guint i = 0; dossier->records[e] && i < dossier->records[e]->len; i++)
      g_array_append_val (versions, ((HwRecord *) dossier->records[e]->pdata[i])->version);
  if (!hw_store_begin (self, error))
    return FALSE;
  ok = upsert (self, root, HW_DATE_NONE, FALSE, error);
  for (guint e = 0; ok && e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = dossier->records[e];

      for (guint i = 0; ok && a && i < a->len; i++)
        ok = upsert (self, a->pdata[i], e == HW_ENTITY_CHILD ? HW_DATE_NONE : birth, FALSE,
                     error);
    }
  if (ok)
    ok = hw_store_audit_append (self, "save", info->name, root->id,
                                root->entity == HW_ENTITY_CASE ? root->id : NULL, detail,
                                error);
  if (!hw_store_finish (self, ok, error))
    {
      /* Nothing was written: every record is still at the version it was read. */
      guint n = 0;

      ((HwRecord *) root)->version = g_array_index (versions, gint64, n++);
      for (guint e = 0; e < HW_N_ENTITIES; e++)
        for (guint i = 0; dossier->records[e] && i < dossier->records[e]->len; i++)
          ((HwRecord *) dossier->records[e]->pdata[i])->version =
            g_array_index (versions, gint64, n++);
      return FALSE;
    }
  return TRUE;
}

static gboolean
home_has_placements (HwStore *self, const char *home_id)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, "SELECT 1 FROM measure WHERE home_id = ?1 "
                                                      "LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return TRUE;  /* when in doubt, keep the home */
  sqlite3_bind_text (stmt, 1, home_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  hw_store_release (stmt);
  return found;
}

gboolean
hw_store_delete (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  return hw_store_delete_owned (self, entity, NULL, id, error);
}

gboolean
hw_store_delete_owned (HwStore *self, HwEntity entity, const char *owner_id, const char *id,
                       GError **error)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  HwRecord *rec;
  const char *case_id = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  rec = hw_store_load_owned (self, entity, owner_id, id, error);
  if (rec == NULL)
    return FALSE;
  if (info->owner == HW_ENTITY_CASE)
    case_id = entity == HW_ENTITY_CASE ? rec->id : hw_record_get_owner_id (rec);

  if (!hw_store_begin (self, error))
    {
      hw_record_free (rec);
      return FALSE;
    }
  /* A placement keeps its home when the home is deleted (SET NULL), but the child's record
   * would no longer say where the child lived: a home once used is kept. */
  if (entity == HW_ENTITY_FOSTER_HOME && home_has_placements (self, id))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                   /* Translators: %s is the name of a foster home */
                   _("“%s” was not deleted: children have been placed there"),
                   ((HwFosterHome *) rec)->name);
      hw_record_free (rec);
      return hw_store_finish (self, FALSE, error);
    }
  stmt = hw_store_prepare_cached (self, self->delete_sql[entity], error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (hw_entity_is_owner_keyed (entity))
        sqlite3_bind_text (stmt, 2, hw_record_get_owner_id (rec), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      hw_store_release (stmt);
      if (rc != SQLITE_DONE)
        ok = hw_store_set_sqlite_error (self, rc, error);
    }
  if (ok)
    ok = hw_store_audit_append (self, "delete", info->name, id, case_id, NULL, error);
  hw_record_free (rec);
  return hw_store_finish (self, ok, error);
}

gpointer
hw_store_load (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  return hw_store_load_owned (self, entity, NULL, id, error);
}

gpointer
hw_store_load_owned (HwStore *self, HwEntity entity, const char *owner_id, const char *id,
                     GError **error)
{
  gboolean keyed = hw_entity_is_owner_keyed (entity);
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (owner_id != NULL || !keyed, NULL);

  stmt = hw_store_prepare_cached (self, self->select_id_sql[entity], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (keyed)
    sqlite3_bind_text (stmt, 2, owner_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_record (stmt, entity);
  else if (rc != SQLITE_DONE)
    hw_store_set_sqlite_error (self, rc, error);
  hw_store_release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;
  /* An owned record found by its id alone must still belong to @owner_id. */
  if (record && owner_id && !keyed && hw_entity_info (entity)->owner != entity &&
      g_strcmp0 (hw_record_get_owner_id (record), owner_id) != 0)
    g_clear_pointer (&record, hw_record_free);
  if (record == NULL)
    g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No %s with id %s"),
                 _(hw_entity_info (entity)->label), id);
  return record;
}

gboolean
hw_store_collect_full (HwStore *self, const char *sql, const char *param, const char *param2,
              HwEntity entity, gboolean packed, GPtrArray *into, GError **error)
{
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (param)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (param2)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (into, hw_store_read_record_full (stmt, entity, packed, NULL));
  hw_store_release (stmt);
  return rc == SQLITE_DONE ? TRUE : hw_store_set_sqlite_error (self, rc, error);
}

static gboolean
collect (HwStore *self, const char *sql, const char *param, HwEntity entity, GPtrArray *into,
         GError **error)
{
  return hw_store_collect_full (self, sql, param, NULL, entity, FALSE, into, error);
}

GPtrArray *
hw_store_list (HwStore *self, HwEntity entity, GError **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (hw_record_free);

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  if (!collect (self, self->select_all_sql[entity], NULL, entity, all, error))
    return NULL;
  return g_steal_pointer (&all);
}

guint
hw_store_count (HwStore *self, HwEntity entity, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                          hw_entity_info (entity)->name);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  hw_store_release (stmt);
  return n;
}

static HwDossier *
load_dossier (HwStore *self, HwEntity root_entity, const char *id, GError **error)
{
  g_autoptr(HwDossier) dossier = NULL;
  gpointer root = hw_store_load (self, root_entity, id, error);

  if (root == NULL)
    return NULL;
  dossier = hw_dossier_new (root);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      if (e == root_entity || hw_entity_info (e)->owner != root_entity)
        continue;
      if (!collect (self, self->select_owner_sql[e], id, e, hw_dossier_get (dossier, e), error))
        return NULL;
    }
  return g_steal_pointer (&dossier);
}

HwDossier *
hw_store_load_case (HwStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_dossier (self, HW_ENTITY_CASE, case_id, error);
}

HwDossier *
hw_store_load_home (HwStore *self, const char *home_id, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_dossier (self, HW_ENTITY_FOSTER_HOME, home_id, error);
}

HwDossier *
hw_store_load_case_by_journal (HwStore *self, const char *journal_no, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  stmt = hw_store_prepare_cached (self, "SELECT id FROM case_file WHERE journal_no = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, journal_no, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  hw_store_release (stmt);
  if (id == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No case with journal number “%s”"),
                   journal_no);
      return NULL;
    }
  return hw_store_load_case (self, id, error);
}


/* One look-up by id in the entity's id index (the table's UNIQUE (id)): the import refuses
 * records that would change owner, before it writes anything. */
char *
hw_store_lookup_owner (HwStore *self, HwEntity entity, const char *id, GError **error)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  g_autofree char *sql = NULL;
  const char *column = NULL;
  sqlite3_stmt *stmt;
  char *owner = NULL;
  int rc;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (info->owner == entity || hw_entity_is_owner_keyed (entity))
    return NULL;
  for (guint i = 0; i < info->n_fields && column == NULL; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      column = info->fields[i].name;
  g_return_val_if_fail (column != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, info->name);
  stmt = hw_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    hw_store_set_sqlite_error (self, rc, error);
  hw_store_release (stmt);
  return owner;
}
