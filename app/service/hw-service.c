/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-error.h"
#include "hw-municipality.h"
#include "hw-service-private.h"
#include "hw-service-plan.h"

/* Homes kept per worker, and for single cases, when they are read on demand. Cases stream in
 * id order, so the cases of one home are spread over the whole pass: a larger cache would
 * hit little more often. */
#define DEFAULT_HOME_CACHE 2048

struct _HwService
{
  GObject         parent_instance;

  HwStore        *store;
  char           *path;
  HwCatalogue    *catalogue;
  HwSettings     *settings;
  HwServiceHomes  homes_policy;
  guint           home_cache_size;
  /* Single cases (hw_check_case()): home id → HwDossier, read as cases name them. */
  GMutex          homes_lock;
  GHashTable     *homes;
};

G_DEFINE_FINAL_TYPE (HwService, hw_service, G_TYPE_OBJECT)

static void
hw_service_finalize (GObject *object)
{
  HwService *self = HW_SERVICE (object);

  g_clear_pointer (&self->homes, g_hash_table_unref);
  g_mutex_clear (&self->homes_lock);
  g_clear_pointer (&self->settings, hw_settings_free);
  g_clear_pointer (&self->catalogue, hw_catalogue_unref);
  g_free (self->path);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_service_parent_class)->finalize (object);
}

static void
hw_service_class_init (HwServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_service_finalize;
}

static void
hw_service_init (HwService *self)
{
  g_mutex_init (&self->homes_lock);
  self->homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) hw_dossier_free);
  self->home_cache_size = DEFAULT_HOME_CACHE;
}

HwService *
hw_service_new (HwStore *store, GError **error)
{
  g_autoptr(HwService) self = NULL;
  g_autoptr(GHashTable) stored = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self = g_object_new (HW_TYPE_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (hw_store_get_path (store));
  /* The one place where the catalogue and the store's settings are merged. */
  self->catalogue = hw_catalogue_load_default (error);
  if (self->catalogue == NULL)
    return NULL;
  stored = hw_store_dup_settings (store);
  self->settings = hw_settings_new (self->catalogue, stored, error);
  if (self->settings == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

HwStore *
hw_service_get_store (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), NULL);
  return self->store;
}

const char *
hw_service_get_path (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), NULL);
  return self->path;
}

HwCatalogue *
hw_service_get_catalogue (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), NULL);
  return self->catalogue;
}

const HwSettings *
hw_service_get_settings (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), NULL);
  return self->settings;
}

void
hw_service_set_homes (HwService *self, HwServiceHomes homes, guint cache_size)
{
  g_return_if_fail (HW_IS_SERVICE (self));
  self->homes_policy = homes;
  self->home_cache_size = cache_size ? cache_size : DEFAULT_HOME_CACHE;
}

HwServiceHomes
hw_service_get_homes (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), HW_SERVICE_HOMES_UP_FRONT);
  return self->homes_policy;
}

guint
hw_service_get_home_cache_size (HwService *self)
{
  g_return_val_if_fail (HW_IS_SERVICE (self), DEFAULT_HOME_CACHE);
  return self->home_cache_size;
}

void
hw_service_forget_home (HwService *self, const char *home_id)
{
  g_return_if_fail (HW_IS_SERVICE (self));
  if (home_id == NULL)
    return;
  g_mutex_lock (&self->homes_lock);
  g_hash_table_remove (self->homes, home_id);
  g_mutex_unlock (&self->homes_lock);
}

static gboolean
is_home_of (const char *home_id, GPtrArray *measures)
{
  for (guint i = 0; i < measures->len; i++)
    if (g_strcmp0 (((HwMeasure *) measures->pdata[i])->home_id, home_id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hw_service_cache_case_homes (HwStore         *store,
                             GHashTable      *homes,
                             guint            cache_size,
                             const HwDossier *dossier,
                             GError         **error)
{
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);

  for (guint i = 0; i < measures->len; i++)
    {
      const char *home_id = ((HwMeasure *) measures->pdata[i])->home_id;
      g_autoptr(GHashTable) found = NULL;
      g_autofree char *past_id = NULL;
      GHashTableIter iter;
      gpointer key, home;

      if (home_id == NULL || g_hash_table_contains (homes, home_id))
        continue;
      if (g_hash_table_size (homes) >= cache_size)
        {
          g_hash_table_iter_init (&iter, homes);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (!is_home_of (key, measures))
              g_hash_table_iter_remove (&iter);
        }
      /* [id, id + "\x01") holds this id alone: a primary-key search in each home table. */
      past_id = g_strconcat (home_id, "\x01", NULL);
      found = hw_store_load_home_facts (store, home_id, past_id, error);
      if (found == NULL)
        return FALSE;
      /* A home that is not stored stays unknown, as when all are read up front. */
      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &key, &home))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_replace (homes, g_strdup (key), home);
        }
    }
  return TRUE;
}

GPtrArray *
hw_service_evaluate_case (HwService       *self,
                          const HwDossier *case_dossier,
                          HwDate           today,
                          const char      *rule_id,
                          GError         **error)
{
  GPtrArray *findings;

  g_return_val_if_fail (HW_IS_SERVICE (self), NULL);
  g_return_val_if_fail (case_dossier != NULL, NULL);

  g_mutex_lock (&self->homes_lock);
  /* Only the homes this child has lived in, not the whole register. */
  if (!hw_service_cache_case_homes (self->store, self->homes, self->home_cache_size,
                                    case_dossier, error))
    {
      g_mutex_unlock (&self->homes_lock);
      return NULL;
    }
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
  hw_evaluate_case_append (self->catalogue, self->settings, case_dossier, self->homes, today,
                           rule_id, findings);
  g_mutex_unlock (&self->homes_lock);
  g_ptr_array_sort (findings, hw_finding_compare_ptr);
  return findings;
}

gboolean
hw_service_change_settings (HwStore           *store,
                            const char *const *keys,
                            const char *const *values,
                            guint              n,
                            GError           **error)
{
  g_autoptr(HwCatalogue) catalogue = NULL;
  g_autofree int *numbers = NULL;
  gboolean identity_changed = FALSE;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (n == 0 || (keys != NULL && values != NULL), FALSE);

  catalogue = hw_catalogue_load_default (error);
  if (catalogue == NULL)
    return FALSE;
  /* Every change is checked before any is written. */
  numbers = g_new0 (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (hw_municipality_is_setting (keys[i]))
        {
          if (values[i] && !hw_municipality_check_value (keys[i], values[i], error))
            return FALSE;
          identity_changed = TRUE;
        }
      else if (values[i])
        {
          if (!hw_settings_parse_value (catalogue, keys[i], values[i], &numbers[i], error))
            return FALSE;
        }
      else if (hw_catalogue_find_setting (catalogue, keys[i], NULL) == NULL)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("There is no setting “%s”"),
                       keys[i]);
          return FALSE;
        }
    }
  /* The identity is checked as it would be after the change: Oslo's number needs a district. */
  if (identity_changed)
    {
      g_autoptr(GHashTable) after = hw_store_dup_settings (store);

      for (guint i = 0; i < n; i++)
        if (hw_municipality_is_setting (keys[i]))
          {
            if (values[i])
              g_hash_table_insert (after, g_strdup (keys[i]), g_strstrip (g_strdup (values[i])));
            else
              g_hash_table_remove (after, keys[i]);
          }
      if (!hw_municipality_check (after, error))
        return FALSE;
    }
  if (n == 0)
    return TRUE;
  if (!hw_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      /* Stored normalised, so that what a list shows is what is kept. */
      g_autofree char *normal = values[i] == NULL ? NULL
        : hw_municipality_is_setting (keys[i]) ? g_strstrip (g_strdup (values[i]))
        : g_strdup_printf ("%d", numbers[i]);

      if (!hw_store_set_setting (store, keys[i], normal, error))
        {
          hw_store_rollback (store);
          return FALSE;
        }
    }
  if (!hw_store_commit (store, error))
    {
      if (hw_store_in_transaction (store))
        hw_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_service_save_setup (HwStore           *store,
                       const char *const *keys,
                       const char *const *values,
                       guint              n,
                       GPtrArray         *records,
                       GError           **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!hw_store_begin (store, error))
    return FALSE;
  if (!hw_service_change_settings (store, keys, values, n, error))
    goto fail;
  for (guint i = 0; records && i < records->len; i++)
    if (!hw_service_save_record (store, records->pdata[i], error))
      goto fail;
  if (hw_store_commit (store, error))
    return TRUE;
fail:
  if (hw_store_in_transaction (store))
    hw_store_rollback (store);
  return FALSE;
}
