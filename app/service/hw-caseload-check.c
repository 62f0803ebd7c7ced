/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-caseload-check.h"
#include "hw-error.h"
#include "hw-caseload-check-private.h"
#include "hw-service-private.h"

#define WORKER_CACHE_MIB 4

typedef struct {
  const char         *path;
  const HwCatalogue  *catalogue;
  const HwSettings   *settings;
  GHashTable         *homes;       /* up front: read-only once loaded, safe to share */
  gboolean            homes_on_demand;
  guint               home_cache_size;
  const HwCheckOptions *options;
  HwCaseFindingsFunc  func;
  gpointer            user_data;
  GMutex              lock;        /* serialises calls to func */
  GMutex              error_lock;
  GError             *error;       /* the first failure */
  /* The foster homes are loaded in parts, one per worker; the cases wait for all of them. */
  GMutex              homes_lock;
  GCond               homes_loaded;
  guint               homes_pending;
} Shared;

typedef struct {
  Shared     *shared;
  const char *from_id;
  const char *to_id;
  HwStore    *store;               /* its own connection, while it streams its cases */
  /* Up front: this worker's part of the foster homes until it is shared (keyed by the home's
   * own id). On demand: the homes this worker has read, by id (hw_service_cache_case_homes). */
  GHashTable *homes;
} Worker;

static void
fail (Shared *shared, GError **error)
{
  g_mutex_lock (&shared->error_lock);
  if (shared->error == NULL)
    shared->error = g_steal_pointer (error);
  g_mutex_unlock (&shared->error_lock);
}

/* Adds this worker's homes to the shared table, then waits until every worker has. */
static void
share_homes (Worker *worker)
{
  Shared *shared = worker->shared;
  GHashTableIter iter;
  gpointer key, home;

  g_mutex_lock (&shared->homes_lock);
  if (worker->homes)
    {
      g_hash_table_iter_init (&iter, worker->homes);
      while (g_hash_table_iter_next (&iter, &key, &home))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (shared->homes, key, home);
        }
    }
  if (--shared->homes_pending == 0)
    g_cond_broadcast (&shared->homes_loaded);
  while (shared->homes_pending > 0)
    g_cond_wait (&shared->homes_loaded, &shared->homes_lock);
  g_mutex_unlock (&shared->homes_lock);
}

/* Whether @options keep the case of @case_dossier (its caseworker and team). */
static gboolean
hw_check_options_keep_case (const HwCheckOptions *options, const HwDossier *case_dossier)
{
  const HwCase *kase = hw_dossier_case (case_dossier);

  if (options->caseworker_id && g_strcmp0 (kase->caseworker_id, options->caseworker_id) != 0)
    return FALSE;
  if (options->team_id && g_strcmp0 (kase->team_id, options->team_id) != 0)
    return FALSE;
  return TRUE;
}

/* Removes from @findings (HwFinding *) those @options do not keep (their state). */
static void
hw_check_options_filter (const HwCheckOptions *options, GPtrArray *findings)
{
  if (options->states == 0)
    return;
  /* Keeps the order (the findings are sorted); a case has tens of findings at most. */
  for (guint i = findings->len; i-- > 0;)
    if (!(options->states & HW_CHECK_STATE_BIT (hw_finding_get_state (findings->pdata[i]))))
      g_ptr_array_remove_index (findings, i);
}

static gboolean
on_case (HwDossier *dossier, gpointer user_data, GError **error)
{
  Worker *worker = user_data;
  Shared *shared = worker->shared;
  GHashTable *homes = shared->homes;
  g_autoptr(GPtrArray) findings = NULL;

  if (g_cancellable_set_error_if_cancelled (shared->options->cancellable, error))
    return FALSE;
  /* Another worker's or team's case: not evaluated, its homes not read. */
  if (!hw_check_options_keep_case (shared->options, dossier))
    return TRUE;
  if (shared->homes_on_demand)
    {
      if (!hw_service_cache_case_homes (worker->store, worker->homes, shared->home_cache_size,
                                        dossier, error))
        return FALSE;
      homes = worker->homes;
    }
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);

  hw_evaluate_case_append (shared->catalogue, shared->settings, dossier, homes,
                           shared->options->today, shared->options->rule_id, findings);
  g_ptr_array_sort (findings, hw_finding_compare_ptr);
  hw_check_options_filter (shared->options, findings);
  g_mutex_lock (&shared->lock);
  shared->func (dossier, findings, shared->user_data);
  g_mutex_unlock (&shared->lock);
  return TRUE;
}

static gpointer
run_worker (gpointer data)
{
  Worker *worker = data;
  Shared *shared = worker->shared;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (shared->path, &error);

  /* Each table is read once, in order (on demand, each home's rows are read where they
   * lie): a large page cache would only hold memory. */
  if (store)
    hw_store_set_cache_size (store, WORKER_CACHE_MIB);
  if (shared->homes_on_demand)
    {
      if (store == NULL)
        {
          fail (shared, &error);
          return NULL;
        }
      worker->homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) hw_dossier_free);
    }
  else
    {
      /* Every worker reaches share_homes(), failed or not: the others wait for it there. */
      if (store)
        worker->homes = hw_store_load_home_facts (store, worker->from_id, worker->to_id,
                                                  &error);
      if (worker->homes == NULL)
        fail (shared, &error);
      share_homes (worker);
      g_clear_pointer (&worker->homes, g_hash_table_unref);
      if (store == NULL || shared->error != NULL)
        return NULL;
    }

  worker->store = store;
  if (!hw_store_foreach_case_facts (store, HW_FACT_ENTITIES, worker->from_id, worker->to_id,
                                    on_case, worker, &error))
    fail (shared, &error);
  /* No finding points into the homes: the last case is through, they can go. */
  g_clear_pointer (&worker->homes, g_hash_table_unref);
  worker->store = NULL;
  return NULL;
}

gboolean
hw_check_caseload (HwService            *service,
                   const HwCheckOptions *options,
                   HwCaseFindingsFunc    func,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(GHashTable) homes = NULL;
  g_auto(GStrv) bounds = NULL;
  guint n = options->n_threads ? options->n_threads : CLAMP (g_get_num_processors (), 1, 8);
  Shared shared = { 0 };
  GThread *threads[16];
  Worker workers[16];
  guint n_ranges;

  g_return_val_if_fail (HW_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  homes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) hw_dossier_free);

  shared.path = hw_service_get_path (service);
  shared.catalogue = hw_service_get_catalogue (service);
  shared.settings = hw_service_get_settings (service);
  shared.homes = homes;
  shared.homes_on_demand = hw_service_get_homes (service) == HW_SERVICE_HOMES_ON_DEMAND;
  shared.home_cache_size = hw_service_get_home_cache_size (service);
  shared.options = options;
  shared.func = func;
  shared.user_data = user_data;
  g_mutex_init (&shared.lock);
  g_mutex_init (&shared.error_lock);
  g_mutex_init (&shared.homes_lock);
  g_cond_init (&shared.homes_loaded);

  /* Case ids and foster-home ids are both random UUIDs: the same bounds split either. */
  bounds = hw_store_split_case_ids (MIN (n, G_N_ELEMENTS (threads)));
  n_ranges = g_strv_length (bounds) - 1;
  shared.homes_pending = n_ranges;
  for (guint i = 0; i < n_ranges; i++)
    {
      workers[i] = (Worker) { &shared, bounds[i], bounds[i + 1], NULL, NULL };
      /* The last range runs here: one thread fewer to start. */
      threads[i] = i + 1 < n_ranges ? g_thread_new ("hw-check", run_worker, &workers[i]) : NULL;
    }
  run_worker (&workers[n_ranges - 1]);
  for (guint i = 0; i + 1 < n_ranges; i++)
    g_thread_join (threads[i]);

  g_mutex_clear (&shared.lock);
  g_mutex_clear (&shared.error_lock);
  g_mutex_clear (&shared.homes_lock);
  g_cond_clear (&shared.homes_loaded);
  if (shared.error)
    {
      g_propagate_error (error, shared.error);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  GPtrArray *all;
  gboolean   include_ok;
} Collector;

static void
collect (const HwDossier *case_dossier, GPtrArray *findings, gpointer user_data)
{
  Collector *c = user_data;

  for (guint i = 0; i < findings->len; i++)
    if (c->include_ok || hw_finding_get_state (findings->pdata[i]) != HW_FINDING_OK)
      g_ptr_array_add (c->all, g_steal_pointer (&findings->pdata[i]));
}

GPtrArray *
hw_check_collect (HwService            *service,
                  const HwCheckOptions *options,
                  gboolean              include_ok,
                  GError              **error)
{
  Collector c = { g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free),
                  include_ok };

  if (!hw_check_caseload (service, options, collect, &c, error))
    {
      g_ptr_array_unref (c.all);
      return NULL;
    }
  g_ptr_array_sort (c.all, hw_finding_compare_ptr);
  return c.all;
}

GPtrArray *
hw_check_case (HwService       *service,
               const HwDossier *case_dossier,
               HwDate           today,
               GError         **error)
{
  return hw_service_evaluate_case (service, case_dossier, today, NULL, error);
}

GPtrArray *
hw_check_case_filtered (HwService            *service,
                        const HwDossier      *case_dossier,
                        const HwCheckOptions *options,
                        GError              **error)
{
  GPtrArray *findings;

  if (!hw_check_options_keep_case (options, case_dossier))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
  findings = hw_check_case (service, case_dossier, options->today, error);
  if (findings == NULL)
    return NULL;
  if (options->rule_id)
    for (guint i = findings->len; i-- > 0;)
      if (!g_str_equal (hw_finding_get_rule_id (findings->pdata[i]), options->rule_id))
        g_ptr_array_remove_index (findings, i);
  hw_check_options_filter (options, findings);
  return findings;
}

gboolean
hw_check_cases (HwService            *service,
                const char *const    *case_ids,
                const HwCheckOptions *options,
                HwCaseFindingsFunc    func,
                gpointer              user_data,
                GError              **error)
{
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GHashTable) homes = NULL;
  guint cache_size;

  g_return_val_if_fail (HW_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  store = hw_store_open_readonly (hw_service_get_path (service), error);
  if (store == NULL)
    return FALSE;
  hw_store_set_cache_size (store, WORKER_CACHE_MIB);
  homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) hw_dossier_free);
  cache_size = hw_service_get_home_cache_size (service);
  for (guint i = 0; case_ids && case_ids[i]; i++)
    {
      g_autoptr(HwDossier) dossier = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) load_error = NULL;

      if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
        return FALSE;
      dossier = hw_store_load_case (store, case_ids[i], &load_error);
      /* Deleted since the list was made: nothing to say about it. */
      if (dossier == NULL && g_error_matches (load_error, HW_ERROR, HW_ERROR_NOT_FOUND))
        continue;
      if (dossier == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return FALSE;
        }
      if (!hw_check_options_keep_case (options, dossier))
        continue;
      if (!hw_service_cache_case_homes (store, homes, cache_size, dossier, error))
        return FALSE;
      findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
      hw_evaluate_case_append (hw_service_get_catalogue (service),
                               hw_service_get_settings (service), dossier, homes,
                               options->today, options->rule_id, findings);
      g_ptr_array_sort (findings, hw_finding_compare_ptr);
      hw_check_options_filter (options, findings);
      func (dossier, findings, user_data);
    }
  return TRUE;
}
