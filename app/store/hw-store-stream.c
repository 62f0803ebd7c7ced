/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-store-private.h"

/* Streaming the caseload: whole dossiers or the rules' facts, case by case with one cursor
 * per table, and the foster homes up front or by range. */

static int
owner_column (const HwEntityInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      return (int) i + 1;
  g_return_val_if_reached (-1);
}

/* One cursor per table, all in case-id order: the streaming merge behind
 * hw_store_foreach_case. Its own statements, so callers may use the store meanwhile. */
typedef struct {
  sqlite3_stmt *stmt;
  int           rc;        /* last step result */
  int           key_col;   /* the case_id column */
} Cursor;

/* Every UUID sorts between these (lower-case hex digits and dashes). */
#define FIRST_ID ""
#define PAST_LAST_ID "~"

static gboolean
stream_cases (HwStore *self, guint64 entities, gboolean facts_only, const char *from_id,
              const char *to_id, HwDossierFunc func, gpointer user_data, GError **error)
{
  char **sql = facts_only ? self->facts_sql : self->stream_sql;
  g_autoptr(HwArena) arena = facts_only ? hw_arena_new () : NULL;
  Cursor cursors[HW_N_ENTITIES] = { { 0 } };
  sqlite3_stmt *cases = NULL;
  gboolean ok = TRUE;
  int rc;

  /* A read transaction: every table is read from the same snapshot. */
  if (self->tx_depth == 0 && !hw_store_exec (self, "BEGIN", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, sql[HW_ENTITY_CASE], -1, &cases, NULL);
  if (rc != SQLITE_OK)
    {
      ok = hw_store_set_sqlite_error (self, rc, error);
      goto out;
    }
  if (facts_only)
    {
      sqlite3_bind_text (cases, 1, from_id ? from_id : FIRST_ID, -1, SQLITE_STATIC);
      sqlite3_bind_text (cases, 2, to_id ? to_id : PAST_LAST_ID, -1, SQLITE_STATIC);
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      if (sql[e] == NULL || e == HW_ENTITY_CASE || !(entities & HW_ENTITY_BIT (e)))
        continue;
      rc = sqlite3_prepare_v2 (self->db, sql[e], -1, &cursors[e].stmt, NULL);
      if (rc != SQLITE_OK)
        {
          ok = hw_store_set_sqlite_error (self, rc, error);
          goto out;
        }
      cursors[e].key_col = owner_column (hw_entity_info (e));
      if (facts_only)
        {
          sqlite3_bind_text (cursors[e].stmt, 1, from_id ? from_id : FIRST_ID, -1, SQLITE_STATIC);
          sqlite3_bind_text (cursors[e].stmt, 2, to_id ? to_id : PAST_LAST_ID, -1, SQLITE_STATIC);
        }
      cursors[e].rc = sqlite3_step (cursors[e].stmt);
    }

  while (ok && (rc = sqlite3_step (cases)) == SQLITE_ROW)
    {
      HwDossier *dossier = hw_dossier_new (hw_store_read_record_full (cases, HW_ENTITY_CASE, facts_only,
                                                             arena));
      const char *case_id = ((HwRecord *) dossier->root)->id;

      for (guint e = 0; e < HW_N_ENTITIES; e++)
        {
          Cursor *c = &cursors[e];

          while (c->stmt && c->rc == SQLITE_ROW &&
                 g_strcmp0 ((const char *) sqlite3_column_text (c->stmt, c->key_col),
                            case_id) == 0)
            {
              hw_dossier_add (dossier, hw_store_read_record_full (c->stmt, e, facts_only, arena));
              c->rc = sqlite3_step (c->stmt);
            }
        }
      ok = func (dossier, user_data, error);
      hw_dossier_free (dossier);
      /* Facts die with their case: the next case reuses their memory. */
      if (arena)
        hw_arena_rewind (arena);
    }
  if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW)
    ok = hw_store_set_sqlite_error (self, rc, error);

out:
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    sqlite3_finalize (cursors[e].stmt);
  sqlite3_finalize (cases);
  if (self->tx_depth == 0)
    hw_store_exec (self, "COMMIT", NULL);
  return ok;
}

gboolean
hw_store_foreach_case (HwStore *self, HwDossierFunc func, gpointer user_data, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return stream_cases (self, G_MAXUINT64, FALSE, NULL, NULL, func, user_data, error);
}

gboolean
hw_store_foreach_case_facts (HwStore *self, guint64 entities, const char *from_id,
                             const char *to_id, HwDossierFunc func, gpointer user_data,
                             GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return stream_cases (self, entities, TRUE, from_id, to_id, func, user_data, error);
}

char **
hw_store_split_case_ids (guint parts)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **bounds;

  /* Case ids are random UUIDs: splitting the first hex digit splits the caseload evenly. */
  parts = CLAMP (parts, 1, 16);
  g_strv_builder_add (builder, FIRST_ID);
  for (guint i = 1; i < parts; i++)
    {
      char digit[2] = { "0123456789abcdef"[i * 16 / parts], 0 };
      g_strv_builder_add (builder, digit);
    }
  g_strv_builder_add (builder, PAST_LAST_ID);
  bounds = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return bounds;
}

/* Every foster home with what it owns, by id; @facts: without prose, as packed records, and
 * only the homes whose id is in [@from_id, @to_id). */
static GHashTable *
load_homes (HwStore *self, gboolean facts, const char *from_id, const char *to_id,
            GError **error)
{
  g_autoptr(GHashTable) homes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) hw_dossier_free);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  char **sql = facts ? self->home_facts_sql : self->select_all_sql;

  /* Hand the roots over to their dossiers, then attach members and documents by owner. */
  if (facts)
    {
      from_id = from_id ? from_id : FIRST_ID;
      to_id = to_id ? to_id : PAST_LAST_ID;
    }
  if (!hw_store_collect_full (self, sql[HW_ENTITY_FOSTER_HOME], from_id, to_id, HW_ENTITY_FOSTER_HOME,
                     facts, roots, error))
    return NULL;
  for (guint i = 0; i < roots->len; i++)
    {
      HwRecord *root = roots->pdata[i];
      g_hash_table_insert (homes, root->id, hw_dossier_new (root));
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) all = NULL;

      if (e == HW_ENTITY_FOSTER_HOME || hw_entity_info (e)->owner != HW_ENTITY_FOSTER_HOME)
        continue;
      all = g_ptr_array_new_with_free_func (hw_record_free);
      if (!hw_store_collect_full (self, sql[e], from_id, to_id, e, facts, all, error))
        return NULL;
      g_ptr_array_set_free_func (all, NULL);
      for (guint i = 0; i < all->len; i++)
        {
          HwDossier *home = g_hash_table_lookup (homes, hw_record_get_owner_id (all->pdata[i]));

          if (home)
            hw_dossier_add (home, all->pdata[i]);
          else
            hw_record_free (all->pdata[i]);
        }
    }
  return g_steal_pointer (&homes);
}

GHashTable *
hw_store_load_homes (HwStore *self, GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_homes (self, FALSE, NULL, NULL, error);
}

GHashTable *
hw_store_load_home_facts (HwStore *self, const char *from_id, const char *to_id,
                          GError **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return load_homes (self, TRUE, from_id, to_id, error);
}
