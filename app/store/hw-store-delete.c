/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-error.h"
#include "hw-store-delete.h"
#include "hw-store-private.h"

/* Deleting a record with what depends on it, and putting it all back: one store operation
 * each, one transaction each. The pages used to walk the references themselves and save the
 * records back one by one in a transaction of their own; the rules for which record goes with
 * which now live here, derived from the entity descriptions. */

void
hw_removal_free (HwRemoval *removal)
{
  if (removal == NULL)
    return;
  g_free (removal->owner_id);
  g_free (removal->id);
  g_clear_pointer (&removal->removed, g_ptr_array_unref);
  g_clear_pointer (&removal->cleared, g_ptr_array_unref);
  g_free (removal);
}

const char *
hw_removal_get_case_id (const HwRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, NULL);
  if (removal->entity == HW_ENTITY_CASE)
    return removal->id;
  if (hw_entity_info (removal->entity)->owner == HW_ENTITY_CASE)
    return removal->owner_id;
  return NULL;
}

/* ---- what depends on what ---- */

static const HwField *
owner_field (const HwEntityInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      return &info->fields[i];
  return NULL;
}

/* An entity's place in an order where every entity comes after those it refers to: records
 * sorted by it can be inserted in that order, and deleted in the reverse. */
static guint
entity_rank (HwEntity entity, guint depth)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  guint rank = 0;

  g_return_val_if_fail (depth <= HW_N_ENTITIES, 0);   /* the descriptions have no cycle */
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == HW_FIELD_REF && info->fields[i].ref_entity != entity)
      rank = MAX (rank, entity_rank (info->fields[i].ref_entity, depth + 1) + 1);
  return rank;
}

/* Does the schema delete a record whose @field refers to a deleted one (ON DELETE CASCADE), or
 * clear the reference (SET NULL)? The store does the same itself, row by row, so that it knows
 * what went and every row changed gets a new version. */
static gboolean
reference_cascades (HwStore *self, const HwEntityInfo *info, const HwField *field,
                    gboolean *cascades, GError **error)
{
  sqlite3_stmt *stmt;
  const char *action = NULL;
  gboolean found = FALSE;
  int rc;

  stmt = hw_store_prepare_cached (self, "SELECT on_delete FROM pragma_foreign_key_list (?1) "
                                        "WHERE \"from\" = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field->name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      action = (const char *) sqlite3_column_text (stmt, 0);
      found = TRUE;
      *cascades = g_strcmp0 (action, "CASCADE") == 0;
      if (!*cascades && g_strcmp0 (action, "SET NULL") != 0)
        found = FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return hw_store_set_sqlite_error (self, rc, error);
  if (!found)
    {
      /* The descriptions and the schema disagree: delete nothing rather than guess. */
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED,
                   /* Translators: "visit.measure_id: the schema has no foreign key…" */
                   _("%s.%s: the schema has no foreign key that cascades or clears it; "
                     "nothing was deleted"),
                   info->name, field->name);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  HwStore    *store;
  GHashTable *removed_keys;   /* "entity/owner/id" of each record in removed */
  GHashTable *cleared_keys;   /* the same → index in cleared */
  GPtrArray  *removed;
  GPtrArray  *cleared;
} Collector;

static char *
record_key (HwEntity entity, const char *owner_id, const char *id)
{
  return g_strdup_printf ("%u/%s/%s", entity, owner_id ? owner_id : "", id);
}

typedef struct {
  char *id;
  char *owner;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->owner);
  g_free (row);
}

/* The rows of @info whose @field holds @id. */
static GPtrArray *
find_referring (HwStore *self, const HwEntityInfo *info, const HwField *field, const char *id,
                GError **error)
{
  const HwField *owner = owner_field (info);
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s = ?1",
                                          owner ? owner->name : "NULL", info->name, field->name);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->owner = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Adds to @c every record that refers to @target through a reference field of the entity
 * descriptions, then what refers to those it removes, and so on. */
static gboolean
collect_dependents (Collector *c, const HwRecord *target, GError **error)
{
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);

      for (guint f = 0; f < info->n_fields; f++)
        {
          const HwField *field = &info->fields[f];
          g_autoptr(GPtrArray) rows = NULL;
          gboolean cascades = FALSE;

          if (field->type != HW_FIELD_REF || field->ref_entity != target->entity)
            continue;
          rows = find_referring (c->store, info, field, target->id, error);
          if (rows == NULL || (rows->len > 0 && !reference_cascades (c->store, info, field,
                                                                     &cascades, error)))
            return FALSE;
          for (guint i = 0; i < rows->len; i++)
            {
              Row *row = rows->pdata[i];
              g_autofree char *key = record_key (e, row->owner, row->id);
              HwRecord *rec;

              if (g_hash_table_contains (c->removed_keys, key) ||
                  (!cascades && g_hash_table_contains (c->cleared_keys, key)))
                continue;
              rec = hw_store_load_owned (c->store, e, row->owner, row->id, error);
              if (rec == NULL)
                return FALSE;
              if (!cascades)
                {
                  g_hash_table_insert (c->cleared_keys, g_steal_pointer (&key),
                                       GUINT_TO_POINTER (c->cleared->len));
                  g_ptr_array_add (c->cleared, rec);
                  continue;
                }
              /* Deleted after all (another of its references cascades): not merely cleared. */
              if (g_hash_table_contains (c->cleared_keys, key))
                {
                  guint at = GPOINTER_TO_UINT (g_hash_table_lookup (c->cleared_keys, key));

                  g_clear_pointer (&c->cleared->pdata[at], hw_record_free);
                  g_hash_table_remove (c->cleared_keys, key);
                }
              g_hash_table_add (c->removed_keys, g_steal_pointer (&key));
              g_ptr_array_add (c->removed, rec);
              if (!collect_dependents (c, rec, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const guint *rank = user_data;
  const HwRecord *ra = *(HwRecord *const *) a;
  const HwRecord *rb = *(HwRecord *const *) b;

  return (int) rank[ra->entity] - (int) rank[rb->entity];
}

/* ---- writing rows as they were ---- */

/* "case_id = ?N AND id = ?1", or "id = ?1" for a root: every row is addressed under its owner. */
static char *
dup_where (const HwEntityInfo *info)
{
  const HwField *owner = owner_field (info);
  guint n = 0;

  if (owner == NULL)
    return g_strdup ("id = ?1");
  for (; &info->fields[n] != owner; n++)
    ;
  return g_strdup_printf ("%s = ?%u AND id = ?1", owner->name, n + 2);
}

static const char *
audit_case_id (const HwRecord *rec)
{
  if (rec->entity == HW_ENTITY_CASE)
    return rec->id;
  if (hw_entity_info (rec->entity)->owner == HW_ENTITY_CASE)
    return hw_record_get_owner_id (rec);
  return NULL;
}

/* Runs @sql (?1 id, ?2… fields, ?V the version) for @record; the number of rows changed, or -1
 * with @error set. */
static int
run_for_record (HwStore *self, const char *sql, gconstpointer record, gint64 version,
                GError **error)
{
  const HwEntityInfo *info = hw_entity_info (((const HwRecord *) record)->entity);
  sqlite3_stmt *stmt = hw_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  hw_store_bind_record (stmt, record);
  if (sqlite3_bind_parameter_count (stmt) >= (int) info->n_fields + 2)
    sqlite3_bind_int64 (stmt, (int) info->n_fields + 2, version);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return sqlite3_changes (hw_store_get_handle (self));
}

/* UPDATE of every field and the version, where the row is at @from_version. */
static char *
dup_update_sql (const HwEntityInfo *info, const char *version_expr)
{
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autofree char *where = dup_where (info);

  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sets, "%s = ?%u, ", info->fields[i].name, i + 2);
  return g_strdup_printf ("UPDATE %s SET %srow_version = %s WHERE %s AND row_version = ?%u",
                          info->name, sets->str, version_expr, where, info->n_fields + 2);
}

static void
set_changed_error (const HwRecord *rec, GError **error)
{
  g_set_error (error, HW_ERROR, HW_ERROR_CHANGED,
               /* Translators: "Visit 1b2c…: changed by another program since it was deleted…" */
               _("%s %s: changed by another program since the delete; nothing was restored"),
               _(hw_entity_info (rec->entity)->label), rec->id);
}

/* ---- the two operations ---- */

static HwRemoval *
delete_in_transaction (HwStore *self, HwEntity entity, const char *owner_id, const char *id,
                       GError **error)
{
  g_autoptr(HwRemoval) removal = g_new0 (HwRemoval, 1);
  g_autoptr(GHashTable) removed_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr(GHashTable) cleared_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  Collector c = { self, removed_keys, cleared_keys, NULL, NULL };
  guint rank[HW_N_ENTITIES];
  HwRecord *root;

  root = hw_store_load_owned (self, entity, owner_id, id, error);
  if (root == NULL)
    return NULL;
  removal->entity = entity;
  removal->id = g_strdup (id);
  removal->owner_id = g_strdup (hw_record_get_owner_id (root));
  removal->removed = c.removed = g_ptr_array_new_with_free_func (hw_record_free);
  removal->cleared = c.cleared = g_ptr_array_new_with_free_func (hw_record_free);
  g_hash_table_add (removed_keys, record_key (entity, removal->owner_id, id));
  g_ptr_array_add (c.removed, root);
  if (!collect_dependents (&c, root, error))
    return NULL;
  /* Slots of records that turned out to be deleted, not cleared. */
  for (guint i = c.cleared->len; i-- > 0;)
    if (c.cleared->pdata[i] == NULL)
      g_ptr_array_remove_index (c.cleared, i);

  /* A placement keeps its home when the home is deleted (SET NULL), but the child's record
   * would no longer say where the child lived: a home once used is kept. */
  for (guint i = 0; entity == HW_ENTITY_FOSTER_HOME && i < c.cleared->len; i++)
    if (((HwRecord *) c.cleared->pdata[i])->entity == HW_ENTITY_MEASURE)
      {
        g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                     /* Translators: %s is the name of a foster home */
                     _("“%s” was not deleted: children have been placed there"),
                     ((HwFosterHome *) root)->name);
        return NULL;
      }

  /* The deleted record stays first; the rest in dependency order. */
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    rank[e] = entity_rank (e, 0);
  if (c.removed->len > 2)
    g_qsort_with_data (c.removed->pdata + 1, (gint) c.removed->len - 1, sizeof (gpointer),
                       compare_rank, rank);

  for (guint i = 0; i < c.cleared->len; i++)
    {
      const HwRecord *before = c.cleared->pdata[i];
      const HwEntityInfo *info = hw_entity_info (before->entity);
      hw_autorecord gpointer after = hw_record_copy (before);
      g_autofree char *sql = dup_update_sql (info, "row_version + 1");
      g_autoptr(GString) fields = g_string_new (NULL);

      for (guint f = 0; f < info->n_fields; f++)
        {
          const HwField *field = &info->fields[f];
          const char *ref = field->type == HW_FIELD_REF ? hw_field_get_text (after, field)
                                                        : NULL;
          gboolean gone = FALSE;

          /* A referenced record is never owner-keyed: its id alone names it. */
          for (guint r = 0; ref && !gone && r < c.removed->len; r++)
            gone = ((HwRecord *) c.removed->pdata[r])->entity == field->ref_entity &&
                   g_strcmp0 (((HwRecord *) c.removed->pdata[r])->id, ref) == 0;
          if (gone && !(field->flags & HW_FIELD_OWNER))
            {
              hw_field_set_text (after, field, NULL);
              g_string_append_printf (fields, "%s%s", fields->len ? "," : "", field->name);
            }
        }
      switch (run_for_record (self, sql, after, before->version, error))
        {
        case 1:
          break;
        case 0:
          /* Read under the same write lock: only a bug elsewhere gets here. */
          g_set_error (error, HW_ERROR, HW_ERROR_CHANGED,
                       /* Translators: "Visit 1b2c…: changed meanwhile; nothing was deleted" */
                       _("%s %s: changed meanwhile; nothing was deleted"), _(info->label),
                       before->id);
          return NULL;
        default:
          return NULL;
        }
      if (!hw_store_audit_append (self, "update", info->name, before->id, audit_case_id (before),
                                  fields->str, error))
        return NULL;
    }

  /* What refers to others first. */
  for (guint i = c.removed->len; i-- > 0;)
    {
      const HwRecord *rec = c.removed->pdata[i];
      const HwEntityInfo *info = hw_entity_info (rec->entity);
      g_autofree char *where = dup_where (info);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", info->name, where);
      g_autofree char *detail = i == 0 ? NULL
                                       : g_strdup_printf ("with %s %s",
                                                          hw_entity_info (entity)->name, id);
      int changed = run_for_record (self, sql, rec, 0, error);

      if (changed < 0)
        return NULL;
      if (changed != 1)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No %s with id %s"),
                       _(info->label), rec->id);
          return NULL;
        }
      if (!hw_store_audit_append (self, "delete", info->name, rec->id, audit_case_id (rec),
                                  detail, error))
        return NULL;
    }
  return g_steal_pointer (&removal);
}

HwRemoval *
hw_store_delete_with_dependents (HwStore *self, HwEntity entity, const char *owner_id,
                                 const char *id, GError **error)
{
  HwRemoval *removal;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < HW_N_ENTITIES, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Read and written under the write lock: nothing can change in between. */
  if (!hw_store_begin (self, error))
    return NULL;
  removal = delete_in_transaction (self, entity, owner_id, id, error);
  if (removal == NULL)
    {
      hw_store_rollback (self);
      return NULL;
    }
  if (!hw_store_commit (self, error))
    {
      hw_removal_free (removal);
      return NULL;
    }
  return removal;
}

static gboolean
restore_in_transaction (HwStore *self, const HwRemoval *removal, GError **error)
{
  for (guint i = 0; i < removal->removed->len; i++)
    {
      const HwRecord *rec = removal->removed->pdata[i];
      const HwEntityInfo *info = hw_entity_info (rec->entity);
      g_autoptr(GString) cols = g_string_new ("id");
      g_autoptr(GString) params = g_string_new ("?1");
      g_autofree char *sql = NULL;
      g_autofree char *exists_sql = NULL;
      g_autofree char *where = dup_where (info);
      sqlite3_stmt *stmt;
      gboolean exists;

      /* Saved again meanwhile (an editor left open, an import): it is not ours to replace. */
      exists_sql = hw_entity_is_owner_keyed (rec->entity)
                   ? g_strdup_printf ("SELECT 1 FROM %s WHERE %s", info->name, where)
                   : g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", info->name);
      stmt = hw_store_prepare_cached (self, exists_sql, error);
      if (stmt == NULL)
        return FALSE;
      hw_store_bind_record (stmt, rec);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (exists)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                       /* Translators: "Visit 1b2c…: saved again since it was deleted…" */
                       _("%s %s: saved again since it was deleted; nothing was restored"),
                       _(info->label), rec->id);
          return FALSE;
        }
      for (guint f = 0; f < info->n_fields; f++)
        {
          g_string_append_printf (cols, ", %s", info->fields[f].name);
          g_string_append_printf (params, ", ?%u", f + 2);
        }
      sql = g_strdup_printf ("INSERT INTO %s (%s, row_version) VALUES (%s, ?%u)", info->name,
                             cols->str, params->str, info->n_fields + 2);
      if (run_for_record (self, sql, rec, rec->version + 1, error) != 1)
        return FALSE;
      if (!hw_store_audit_append (self, "restore", info->name, rec->id, audit_case_id (rec),
                                  NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < removal->cleared->len; i++)
    {
      const HwRecord *rec = removal->cleared->pdata[i];
      const HwEntityInfo *info = hw_entity_info (rec->entity);
      /* The delete left it at version + 1 with the reference cleared; only from there. */
      g_autofree char *sql = dup_update_sql (info, "row_version + 1");
      int changed = run_for_record (self, sql, rec, rec->version + 1, error);

      if (changed < 0)
        return FALSE;
      if (changed == 0)
        {
          set_changed_error (rec, error);
          return FALSE;
        }
      if (!hw_store_audit_append (self, "restore", info->name, rec->id, audit_case_id (rec),
                                  "reference", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hw_store_restore_removed (HwStore *self, const HwRemoval *removal, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (removal != NULL, FALSE);

  if (!hw_store_begin (self, error))
    return FALSE;
  if (!restore_in_transaction (self, removal, error))
    {
      hw_store_rollback (self);
      return FALSE;
    }
  return hw_store_commit (self, error);
}

gboolean
hw_store_save_all (HwStore *self, GPtrArray *records, GError **error)
{
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  for (guint i = 0; i < records->len; i++)
    g_array_append_val (versions, ((HwRecord *) records->pdata[i])->version);
  if (!hw_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < records->len; i++)
    ok = hw_store_save (self, records->pdata[i], error);
  if (ok)
    ok = hw_store_commit (self, error);
  else
    hw_store_rollback (self);
  if (!ok)
    /* Nothing was written: every record is still at the version it was read. */
    for (guint i = 0; i < records->len; i++)
      ((HwRecord *) records->pdata[i])->version = g_array_index (versions, gint64, i);
  return ok;
}
