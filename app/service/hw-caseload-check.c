/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-caseload-check.h"

#define WORKER_CACHE_MIB 4
/* Homes a worker keeps when it reads them on demand. Cases stream in id order, so the cases
 * of one home are spread over the whole pass: a larger cache would hit little more often. */
#define DEFAULT_HOME_CACHE 2048

typedef struct {
  const char         *path;
  const HwCatalogue  *catalogue;
  const HwSettings   *settings;
  GHashTable         *homes;       /* up front: read-only once loaded, safe to share */
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
  /* Up front: this worker's part of the foster homes until it is shared. On demand: the
   * homes this worker has read, by id (the key is the home's own id). */
  GHashTable *homes;
  guint       home_cache_size;
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

static gboolean
is_home_of (const char *home_id, GPtrArray *measures)
{
  for (guint i = 0; i < measures->len; i++)
    if (g_strcmp0 (((HwMeasure *) measures->pdata[i])->home_id, home_id) == 0)
      return TRUE;
  return FALSE;
}

/* Reads every foster home @dossier's measures name into the worker's cache (the rules look
 * homes up by a measure's home_id, nothing else). A full cache is emptied first, all but this
 * case's homes: a home lives at least until its case is evaluated, and no finding points into
 * it afterwards (findings copy the names they show). */
static gboolean
ensure_case_homes (Worker *worker, const HwDossier *dossier, GError **error)
{
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);

  for (guint i = 0; i < measures->len; i++)
    {
      const char *home_id = ((HwMeasure *) measures->pdata[i])->home_id;
      g_autoptr(GHashTable) found = NULL;
      g_autofree char *past_id = NULL;
      GHashTableIter iter;
      gpointer key, home;

      if (home_id == NULL || g_hash_table_contains (worker->homes, home_id))
        continue;
      if (g_hash_table_size (worker->homes) >= worker->home_cache_size)
        {
          g_hash_table_iter_init (&iter, worker->homes);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            if (!is_home_of (key, measures))
              g_hash_table_iter_remove (&iter);
        }
      /* [id, id + "\x01") holds this id alone: a primary-key search in each home table. */
      past_id = g_strconcat (home_id, "\x01", NULL);
      found = hw_store_load_home_facts (worker->store, home_id, past_id, error);
      if (found == NULL)
        return FALSE;
      /* A home that is not stored stays unknown, as when all are read up front. */
      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &key, &home))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (worker->homes, key, home);
        }
    }
  return TRUE;
}

gboolean
hw_check_options_keep_case (const HwCheckOptions *options, const HwDossier *case_dossier)
{
  const HwCase *kase = hw_dossier_case (case_dossier);

  if (options->caseworker_id && g_strcmp0 (kase->caseworker_id, options->caseworker_id) != 0)
    return FALSE;
  if (options->team_id && g_strcmp0 (kase->team_id, options->team_id) != 0)
    return FALSE;
  return TRUE;
}

void
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
  if (shared->options->homes_on_demand)
    {
      if (!ensure_case_homes (worker, dossier, error))
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
  if (shared->options->homes_on_demand)
    {
      if (store == NULL)
        {
          fail (shared, &error);
          return NULL;
        }
      worker->homes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
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
hw_check_caseload (HwStore              *store,
                   const HwCatalogue    *catalogue,
                   const HwCheckOptions *options,
                   HwCaseFindingsFunc    func,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(HwSettings) settings = NULL;
  g_autoptr(GHashTable) homes = NULL;
  g_auto(GStrv) bounds = NULL;
  guint n = options->n_threads ? options->n_threads : CLAMP (g_get_num_processors (), 1, 8);
  Shared shared = { 0 };
  GThread *threads[16];
  Worker workers[16];
  guint n_ranges;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  stored = hw_store_dup_settings (store);
  settings = hw_settings_new (catalogue, stored, error);
  if (settings == NULL)
    return FALSE;
  homes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) hw_dossier_free);

  shared.path = hw_store_get_path (store);
  shared.catalogue = catalogue;
  shared.settings = settings;
  shared.homes = homes;
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
      workers[i] = (Worker) { &shared, bounds[i], bounds[i + 1], NULL, NULL,
                              options->home_cache_size ? options->home_cache_size
                                                       : DEFAULT_HOME_CACHE };
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
hw_check_collect (HwStore              *store,
                  const HwCatalogue    *catalogue,
                  const HwCheckOptions *options,
                  gboolean              include_ok,
                  GError              **error)
{
  Collector c = { g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free),
                  include_ok };

  if (!hw_check_caseload (store, catalogue, options, collect, &c, error))
    {
      g_ptr_array_unref (c.all);
      return NULL;
    }
  g_ptr_array_sort (c.all, hw_finding_compare_ptr);
  return c.all;
}

GPtrArray *
hw_check_case (HwStore           *store,
               const HwCatalogue *catalogue,
               const HwDossier   *case_dossier,
               HwDate             today,
               GError           **error)
{
  g_autoptr(GHashTable) stored = hw_store_dup_settings (store);
  g_autoptr(HwSettings) settings = hw_settings_new (catalogue, stored, error);
  g_autoptr(GHashTable) homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) hw_dossier_free);
  GPtrArray *measures = hw_dossier_get (case_dossier, HW_ENTITY_MEASURE);

  if (settings == NULL)
    return NULL;
  /* Only the homes this child has lived in, not the whole register. */
  for (guint i = 0; i < measures->len; i++)
    {
      const char *home_id = ((HwMeasure *) measures->pdata[i])->home_id;
      HwDossier *home;

      if (home_id == NULL || g_hash_table_contains (homes, home_id))
        continue;
      home = hw_store_load_home (store, home_id, error);
      if (home == NULL)
        return NULL;
      g_hash_table_insert (homes, g_strdup (home_id), home);
    }
  return hw_evaluate_case (catalogue, settings, case_dossier, homes, today);
}

GPtrArray *
hw_check_case_filtered (HwStore              *store,
                        const HwCatalogue    *catalogue,
                        const HwDossier      *case_dossier,
                        const HwCheckOptions *options,
                        GError              **error)
{
  GPtrArray *findings;

  if (!hw_check_options_keep_case (options, case_dossier))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hw_finding_free);
  findings = hw_check_case (store, catalogue, case_dossier, options->today, error);
  if (findings == NULL)
    return NULL;
  if (options->rule_id)
    for (guint i = findings->len; i-- > 0;)
      if (!g_str_equal (hw_finding_get_rule_id (findings->pdata[i]), options->rule_id))
        g_ptr_array_remove_index (findings, i);
  g_ptr_array_sort (findings, hw_finding_compare_ptr);
  hw_check_options_filter (options, findings);
  return findings;
}
