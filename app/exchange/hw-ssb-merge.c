/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-ssb-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-ssb-import-private.h"

/* Barnevern v4 → Homeward, after the elements of a Sak are read (hw-ssb-import.c): deletions,
 * derived fields, the checks the store would make, and writing. */

void
hw_ssb_deletion_free (gpointer data)
{
  HwSsbDeletion *del = data;

  g_free (del->id);
  g_free (del);
}

/* Takes a record out of the dossier, with the records of the Sak that hang on it. */
static void
drop_record (HwSsbSakImport *s, HwRecord *rec)
{
  g_autofree char *id = g_strdup (rec->id);
  HwEntity entity = rec->entity;

  if (s->seen[entity])
    g_hash_table_remove (s->seen[entity], id);
  g_hash_table_remove (s->base.lines, rec);
  g_ptr_array_remove (hw_dossier_get (s->base.dossier, entity), rec);

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      GPtrArray *a = s->base.dossier->records[e];

      for (guint i = 0; a && i < info->n_fields; i++)
        {
          const HwField *f = &info->fields[i];

          if (f->type != HW_FIELD_REF || f->ref_entity != entity || (f->flags & HW_FIELD_OWNER))
            continue;
          for (guint j = a->len; j > 0; j--)
            if (j <= a->len && g_strcmp0 (hw_field_get_text (a->pdata[j - 1], f), id) == 0)
              drop_record (s, a->pdata[j - 1]);
        }
    }
}

/* Applies Slettet and ErSlettet: the records leave the dossier, and the store (after the
 * dossier is written) when they were stored. Returns the stored ones to delete. */
GPtrArray *
hw_ssb_sak_apply_deletions (HwSsbSakImport *s)
{
  GPtrArray *from_store = g_ptr_array_new ();

  for (guint i = 0; i < s->base.deleted->len; i++)
    {
      HwSsbDeletion *del = s->base.deleted->pdata[i];
      HwRecord *here;
      gboolean stored;

      if (del->entity == HW_N_ENTITIES)
        continue;   /* Melding and Undersokelse are not kept */
      here = s->seen[del->entity] ? g_hash_table_lookup (s->seen[del->entity], del->id) : NULL;
      stored = s->old[del->entity] && g_hash_table_contains (s->old[del->entity], del->id);
      if (here)
        drop_record (s, here);
      if (stored)
        g_ptr_array_add (from_store, del);
      else if (here == NULL && del->slettet)
        hw_import_warn (s->doc->ctx, del->line, "Sak kontroll 22", "WARNING",
                        _("<Slettet> points to a %s (%s) that is neither in the file nor in the "
                          "database"), hw_ssb_type_for_entity (del->entity), del->id);
    }
  return from_store;
}

static gint
compare_frequencies (gconstpointer a, gconstpointer b)
{
  const HwFrequency *fa = *(HwFrequency *const *) a, *fb = *(HwFrequency *const *) b;
  int c = g_strcmp0 (fa->measure_id, fb->measure_id);

  if (c == 0)
    c = (int) fa->kind - (int) fb->kind;
  if (c == 0)
    c = fa->start_date < fb->start_date ? -1 : fa->start_date > fb->start_date;
  return c;
}

/* A Hyppighet holds until the next one of the same kind starts. */
void
hw_ssb_sak_derive_frequency_ends (HwSsbSakImport *s)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *all = hw_dossier_get (s->base.dossier, HW_ENTITY_FREQUENCY);

  for (guint i = 0; i < all->len; i++)
    if (s->seen[HW_ENTITY_FREQUENCY] &&
        g_hash_table_contains (s->seen[HW_ENTITY_FREQUENCY], ((HwRecord *) all->pdata[i])->id))
      g_ptr_array_add (sorted, all->pdata[i]);
  g_ptr_array_sort (sorted, compare_frequencies);
  for (guint i = 0; i < sorted->len; i++)
    {
      HwFrequency *f = sorted->pdata[i];
      HwFrequency *next = i + 1 < sorted->len ? sorted->pdata[i + 1] : NULL;

      f->end_date = HW_DATE_NONE;
      if (next && g_strcmp0 (next->measure_id, f->measure_id) == 0 && next->kind == f->kind &&
          next->start_date > f->start_date)
        f->end_date = hw_date_add_days (next->start_date, -1);
    }
}

/* The store would refuse what hw_record_validate refuses: say so with the record's line. */
static void
validate_records (HwSsbSakImport *s)
{
  HwChild *child = hw_dossier_child (s->base.dossier);
  HwDate birth = child ? child->birth_date : HW_DATE_NONE;
  g_autoptr(GError) error = NULL;

  if (!hw_record_validate (s->kase, HW_DATE_NONE, &error))
    {
      hw_import_error (s->doc->ctx, s->base.line, "Sak: %s", error->message);
      s->bad = TRUE;
      g_clear_error (&error);
    }
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = s->base.dossier->records[e];

      for (guint i = 0; a && i < a->len; i++)
        if (!hw_record_validate (a->pdata[i], e == HW_ENTITY_CHILD ? HW_DATE_NONE : birth,
                                 &error))
          {
            hw_import_error (s->doc->ctx, hw_ssb_sak_line (&s->base, a->pdata[i]), "%s: %s",
                             hw_ssb_type_for_entity (e) ? hw_ssb_type_for_entity (e)
                                                        : _(hw_entity_info (e)->label),
                             error->message);
            s->bad = TRUE;
            g_clear_error (&error);
          }
    }
}

void
hw_ssb_sak_write (HwSsbSakImport *s, GPtrArray *deletions, gboolean is_update)
{
  HwImportContext *ctx = s->doc->ctx;
  GError *error = NULL;

  if (s->bad)
    return;
  /* The first pass, or once something failed: nothing is written, every Sak is checked. */
  if (!hw_import_writes (ctx))
    {
      validate_records (s);
      if (s->bad || hw_import_failed (ctx))
        return;
      ctx->summary->records += hw_dossier_count (s->base.dossier);
      if (is_update)
        ctx->summary->cases_updated++;
      else
        ctx->summary->cases_new++;
      ctx->summary->records_deleted += deletions->len;
      return;
    }
  /* The first pass validated every record with its line, and the store validates what it
   * writes: only when it refuses one (the file changed in between, a journal number taken)
   * do we look for which. */
  if (!hw_store_save_dossier (ctx->store, s->base.dossier, &error))
    {
      validate_records (s);
      if (s->bad)
        g_error_free (error);
      else
        hw_import_take_error (ctx, s->base.line, error);
      return;
    }
  ctx->summary->records += hw_dossier_count (s->base.dossier);
  if (is_update)
    ctx->summary->cases_updated++;
  else
    ctx->summary->cases_new++;

  for (guint i = 0; i < deletions->len; i++)
    {
      HwSsbDeletion *del = deletions->pdata[i];

      if (!hw_store_delete_owned (ctx->store, del->entity, ((HwRecord *) s->base.dossier->root)->id,
                                  del->id, &error))
        {
          hw_import_take_error (ctx, del->line, error);
          return;
        }
      ctx->summary->records_deleted++;
    }
}

void
hw_ssb_sak_clear (HwSsbSakImport *s)
{
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      g_clear_pointer (&s->old[e], g_hash_table_unref);
      g_clear_pointer (&s->seen[e], g_hash_table_unref);
    }
  g_clear_pointer (&s->existing, hw_dossier_free);
  g_clear_pointer (&s->base.dossier, hw_dossier_free);
  g_clear_pointer (&s->base.lines, g_hash_table_unref);
  g_clear_pointer (&s->base.deleted, g_ptr_array_unref);
}

void
hw_ssb_sak_index_existing (HwSsbSakImport *s)
{
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      GPtrArray *a = s->existing->records[e];

      for (guint i = 0; a && i < a->len; i++)
        {
          HwRecord *rec = a->pdata[i];

          if (s->old[e] == NULL)
            s->old[e] = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (s->old[e], rec->id, rec);
        }
    }
}
