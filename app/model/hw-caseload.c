/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-caseload"

#include "config.h"

#include <stdlib.h>  /* defines __GLIBC__ where it applies */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hw-case-facts.h"
#include "hw-caseload.h"
#include "hw-caseload-private.h"

#include "hw-caseload-check.h"

#define FIRST_PAGE 80
#define READ_ONCE_CACHE_MIB 4

struct _HwCaseload
{
  GObject            parent_instance;

  HwStore           *store;
  HwDate             today;
  GListStore        *items;
  GHashTable        *by_id;        /* case id → HwCaseItem (borrowed from items) */
  GHashTable        *home_cases;   /* home id → GPtrArray of case ids */
  GPtrArray         *pending;      /* HwSamvaerAgreement awaiting approval */
  HwService         *service;      /* NULL until asked for, or after the settings changed */
  GCancellable      *cancellable;
  gint64             started;      /* for the debug log's timings */
  guint              rows_loaded : 1;
  guint              findings_loaded : 1;
  guint              scan_again : 1;
  guint              scanning : 1;
  guint              all_changed : 1;
};

G_DEFINE_FINAL_TYPE (HwCaseload, hw_caseload, G_TYPE_OBJECT)

enum {
  ROWS_LOADED,
  FINDINGS_CHANGED,
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_scan (HwCaseload *self);

static void
hw_caseload_dispose (GObject *object)
{
  HwCaseload *self = HW_CASELOAD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->home_cases, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_caseload_parent_class)->dispose (object);
}

static void
hw_caseload_class_init (HwCaseloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hw_caseload_dispose;

  signals[ROWS_LOADED] = g_signal_new ("rows-loaded", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINDINGS_CHANGED] = g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_STRING);
}

static void
hw_caseload_init (HwCaseload *self)
{
  self->items = g_list_store_new (HW_TYPE_CASE_ITEM);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->home_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (hw_record_free);
}

HwCaseload *
hw_caseload_new (HwStore *store, HwDate today)
{
  HwCaseload *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  self = g_object_new (HW_TYPE_CASELOAD, NULL);
  self->store = g_object_ref (store);
  self->today = today;
  return self;
}

HwStore *
hw_caseload_get_store (HwCaseload *self)
{
  return self->store;
}

HwDate
hw_caseload_get_today (HwCaseload *self)
{
  return self->today;
}

GListModel *
hw_caseload_get_model (HwCaseload *self)
{
  return G_LIST_MODEL (self->items);
}

HwCaseItem *
hw_caseload_find (HwCaseload *self, const char *case_id)
{
  return case_id ? g_hash_table_lookup (self->by_id, case_id) : NULL;
}

gboolean
hw_caseload_get_rows_loaded (HwCaseload *self)
{
  return self->rows_loaded;
}

gboolean
hw_caseload_get_findings_loaded (HwCaseload *self)
{
  return self->findings_loaded;
}

gboolean
hw_caseload_get_all_changed (HwCaseload *self)
{
  return self->all_changed;
}

GPtrArray *
hw_caseload_get_home_cases (HwCaseload *self, const char *home_id)
{
  return home_id ? g_hash_table_lookup (self->home_cases, home_id) : NULL;
}

GPtrArray *
hw_caseload_get_pending_agreements (HwCaseload *self)
{
  return self->pending;
}

HwService *
hw_caseload_get_service (HwCaseload *self, GError **error)
{
  g_return_val_if_fail (HW_IS_CASELOAD (self), NULL);
  if (self->service == NULL)
    {
      self->service = hw_service_new (self->store, error);
      /* The window holds the caseload already: the scan must not add every home to it. */
      if (self->service)
        hw_service_set_homes (self->service, HW_SERVICE_HOMES_ON_DEMAND, 0);
    }
  return self->service;
}

GPtrArray *
hw_caseload_evaluate_case (HwCaseload *self, const HwDossier *dossier, HwDate today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  HwService *service;

  g_return_val_if_fail (HW_IS_CASELOAD (self), NULL);
  service = hw_caseload_get_service (self, &error);
  if (service == NULL)
    {
      g_warning ("Cannot load the rule engine: %s", error->message);
      return NULL;
    }
  findings = hw_check_case (service, dossier, today, &error);
  if (findings == NULL)
    {
      /* The record is still shown; its duties say nothing rather than something wrong. */
      g_warning ("Cannot evaluate the case: %s", error->message);
      return NULL;
    }
  return hw_ui_findings_new (findings, today);
}

static void
append_rows (HwCaseload *self, GPtrArray *rows, guint from)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = from; i < rows->len; i++)
    {
      HwCaseRow *row = g_steal_pointer (&rows->pdata[i]);
      HwCaseItem *item;

      if (g_hash_table_contains (self->by_id, row->case_id))
        {
          hw_case_row_free (row);
          continue;
        }
      item = hw_case_item_new (row, self->today);
      g_hash_table_insert (self->by_id, (char *) hw_case_item_get_case_id (item), item);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                       items->pdata, items->len);
}

/* ---- the rest of the rows, in a thread ---- */

static void
load_rows_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open_readonly (path, &error);
  GPtrArray *rows;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* One pass over the tables, each page read once: a large page cache would only add to the
   * window's peak memory. */
  hw_store_set_cache_size (store, READ_ONCE_CACHE_MIB);
  rows = hw_store_list_case_rows (store, HW_CASELOAD (source)->today, &error);
  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_rows_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HwCaseload *self = HW_CASELOAD (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      g_signal_emit (self, signals[LOAD_FAILED], 0, error->message);
      return;
    }
  append_rows (self, rows, 0);
#ifdef __GLIBC__
  /* The rows were copied into this thread's arena (hw_case_item_new()): give back what the
   * loading thread's arena held before the scan needs memory of its own. */
  malloc_trim (0);
#endif
  self->rows_loaded = TRUE;
  g_debug ("%u rows after %.0f ms", g_list_model_get_n_items (G_LIST_MODEL (self->items)),
           (g_get_monotonic_time () - self->started) / 1000.0);
  g_signal_emit (self, signals[ROWS_LOADED], 0);
  start_scan (self);
}

gboolean
hw_caseload_load (HwCaseload *self, GError **error)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (HW_IS_CASELOAD (self), FALSE);
  self->started = g_get_monotonic_time ();
  first = hw_store_list_case_rows_page (self->store, self->today, 0, FIRST_PAGE, error);
  if (first == NULL)
    return FALSE;
  append_rows (self, first, 0);
  g_debug ("first %u rows after %.0f ms", first->len,
           (g_get_monotonic_time () - self->started) / 1000.0);

  task = g_task_new (self, self->cancellable, on_rows_loaded, NULL);
  g_task_set_source_tag (task, hw_caseload_load);
  g_task_set_task_data (task, g_strdup (hw_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, load_rows_thread);
  return TRUE;
}

/* ---- findings, in a thread ---- */

typedef struct {
  char       *path;
  HwService  *service;             /* NULL: no rules, the rows learn their homes only */
  HwDate      today;
  GHashTable *briefs;              /* case id → HwUiBriefs */
  GHashTable *home_cases;
  GPtrArray  *pending;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->path);
  g_clear_object (&scan->service);
  g_clear_pointer (&scan->briefs, g_hash_table_unref);
  g_clear_pointer (&scan->home_cases, g_hash_table_unref);
  g_clear_pointer (&scan->pending, g_ptr_array_unref);
  g_free (scan);
}

/* The home each child lives in today: its current placement's (hw-case-facts.h). */
static void
note_homes (GHashTable *home_cases, const HwDossier *dossier, HwDate today)
{
  const HwMeasure *m = hw_dossier_current_placement (dossier, today);
  const char *case_id = ((HwRecord *) dossier->root)->id;
  GPtrArray *cases;

  if (m == NULL || m->home_id == NULL)
    return;
  cases = g_hash_table_lookup (home_cases, m->home_id);
  if (cases == NULL)
    {
      cases = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (home_cases, g_strdup (m->home_id), cases);
    }
  if (!g_ptr_array_find_with_equal_func (cases, case_id, g_str_equal, NULL))
    g_ptr_array_add (cases, g_strdup (case_id));
}

/* Samvær agreements awaiting a team leader's approval: the engine's open duties of the
 * workflow rule SAMVAER_AGREEMENT_APPROVAL (catalogue.xml), not a test of the UI's own. */
#define APPROVAL_RULE "SAMVAER_AGREEMENT_APPROVAL"

static void
note_pending (GPtrArray *pending, const HwDossier *dossier, const char *agreement_id)
{
  const HwSamvaerAgreement *a = hw_dossier_find (dossier, HW_ENTITY_SAMVAER_AGREEMENT,
                                                 agreement_id);

  if (a)
    g_ptr_array_add (pending, hw_record_copy (a));
}

/* Called for each case from app/check's worker threads, one call at a time. */
static void
on_case_checked (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Scan *scan = user_data;

  g_hash_table_insert (scan->briefs, g_strdup (((HwRecord *) dossier->root)->id),
                       hw_ui_briefs_new (findings, scan->today));
  note_homes (scan->home_cases, dossier, scan->today);
  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];

      if (!hw_finding_is_met (f) && g_str_equal (hw_finding_get_rule_id (f), APPROVAL_RULE))
        note_pending (scan->pending, dossier, hw_finding_get_subject_id (f));
    }
}

static gboolean
note_case_only (HwDossier *dossier, gpointer user_data, GError **error)
{
  Scan *scan = user_data;

  note_homes (scan->home_cases, dossier, scan->today);
  return TRUE;
}

/* The whole caseload through the rules on every core (app/service), keeping of each case
 * only what the lists show. */
static void
scan_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Scan *scan = task_data;
  g_autoptr(GError) error = NULL;
  HwCheckOptions options = { .today = scan->today, .cancellable = cancellable };
  g_autoptr(HwStore) store = NULL;

  if (scan->service)
    {
      /* The service is immutable but for its single-case cache, which a pass never uses. */
      if (!hw_check_caseload (scan->service, &options, on_case_checked, scan, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  /* Without the catalogue the rows still learn their homes (pending approvals are
   * duties of the catalogue: none without it). */
  store = hw_store_open_readonly (scan->path, &error);
  if (store)
    hw_store_set_cache_size (store, READ_ONCE_CACHE_MIB);
  if (store == NULL || !hw_store_foreach_case_facts (store, HW_FACT_ENTITIES, NULL, NULL,
                                                     note_case_only, scan, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GHashTable *
copy_home_cases (GHashTable *home_cases)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, home_cases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *cases = value;
      GPtrArray *cases_copy = g_ptr_array_new_full (cases->len, g_free);

      for (guint i = 0; i < cases->len; i++)
        g_ptr_array_add (cases_copy, g_strdup (cases->pdata[i]));
      g_hash_table_insert (copy, g_strdup (key), cases_copy);
    }
  return copy;
}

static GPtrArray *
copy_records (GPtrArray *records)
{
  GPtrArray *copy = g_ptr_array_new_full (records->len, hw_record_free);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, hw_record_copy (records->pdata[i]));
  return copy;
}

static void
on_scan_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  HwCaseload *self = HW_CASELOAD (source);
  g_autoptr(GError) error = NULL;
  Scan *scan = g_task_get_task_data (G_TASK (result));
  GHashTableIter iter;
  gpointer key, value;
  guint n_cases;

  /* Released here, on the store's thread: the task (and its data) may be freed last by the
   * worker, and the service holds the window's store. */
  g_clear_object (&scan->service);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->scanning = FALSE;
          g_signal_emit (self, signals[LOAD_FAILED], 0, error->message);
        }
      return;
    }
  self->scanning = FALSE;

  /* What stays is copied here and the workers' own freed with the scan: kept in this thread's
   * malloc arena, so that the workers' arenas can be given back whole. */
  g_hash_table_unref (self->home_cases);
  self->home_cases = copy_home_cases (scan->home_cases);
  g_clear_pointer (&scan->home_cases, g_hash_table_unref);
  g_ptr_array_unref (self->pending);
  self->pending = copy_records (scan->pending);
  g_clear_pointer (&scan->pending, g_ptr_array_unref);

  g_hash_table_iter_init (&iter, scan->briefs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HwCaseItem *item = g_hash_table_lookup (self->by_id, key);

      if (item)
        hw_case_item_set_briefs (item, hw_ui_briefs_copy (value));
    }
  n_cases = g_hash_table_size (scan->briefs);
  g_clear_pointer (&scan->briefs, g_hash_table_unref);
  self->findings_loaded = TRUE;
  g_debug ("findings for %u cases after %.0f ms", n_cases,
           (g_get_monotonic_time () - self->started) / 1000.0);
#ifdef __GLIBC__
  /* The pass ran on every core, and each worker thread left a malloc arena full of freed
   * dossiers behind: give those pages back (measured: 125 MB at 50,000 children). */
  malloc_trim (0);
#endif
  self->all_changed = TRUE;
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
  self->all_changed = FALSE;

  if (self->scan_again)
    {
      self->scan_again = FALSE;
      start_scan (self);
    }
}

static void
start_scan (HwCaseload *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Scan *scan;

  if (self->scanning)
    {
      self->scan_again = TRUE;
      return;
    }
  self->scanning = TRUE;
  scan = g_new0 (Scan, 1);
  scan->path = g_strdup (hw_store_get_path (self->store));
  scan->service = hw_caseload_get_service (self, &error);
  if (scan->service)
    g_object_ref (scan->service);
  else
    g_warning ("No findings: %s", error->message);
  scan->today = self->today;
  scan->briefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->home_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  scan->pending = g_ptr_array_new_with_free_func (hw_record_free);
  task = g_task_new (self, self->cancellable, on_scan_done, NULL);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_thread);
}

void
hw_caseload_refresh_findings (HwCaseload *self)
{
  g_return_if_fail (HW_IS_CASELOAD (self));
  /* Built again when next needed: the settings or a foster home may have changed. */
  g_clear_object (&self->service);
  if (self->rows_loaded)
    start_scan (self);
}

/* ---- one case at a time ---- */

static HwCaseRow *
load_row (HwCaseload *self, const HwCase *c)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = hw_store_search_case_rows (self->store, c->journal_no, self->today, 0, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read the case's row: %s", error->message);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      HwCaseRow *row = rows->pdata[i];

      if (g_str_equal (row->case_id, c->rec.id))
        return g_steal_pointer (&rows->pdata[i]);
    }
  return NULL;
}

static guint
item_position (HwCaseload *self, HwCaseItem *item)
{
  guint pos = G_MAXUINT;

  g_list_store_find (self->items, item, &pos);
  return pos;
}

void
hw_caseload_update_case (HwCaseload *self, const HwDossier *dossier)
{
  const HwCase *c = hw_dossier_case (dossier);
  HwCaseRow *row = load_row (self, c);
  HwCaseItem *old = hw_caseload_find (self, c->rec.id);
  g_autoptr(HwCaseItem) item = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  if (row == NULL)
    return;
  /* A pass that read the database before this write would bring old findings back. */
  if (self->scanning)
    self->scan_again = TRUE;
  item = hw_case_item_new (row, self->today);
  findings = hw_caseload_evaluate_case (self, dossier, self->today);
  if (findings)
    hw_case_item_set_briefs (item, hw_ui_briefs_new_from_ui (findings, self->today));
  note_homes (self->home_cases, dossier, self->today);
  for (guint i = self->pending->len; i > 0; i--)
    if (g_strcmp0 (((HwSamvaerAgreement *) self->pending->pdata[i - 1])->case_id,
                   c->rec.id) == 0)
      g_ptr_array_remove_index (self->pending, i - 1);
  for (guint i = 0; findings && i < findings->len; i++)
    {
      const HwUiFinding *f = findings->pdata[i];

      if (!f->met && g_strcmp0 (f->rule_id, APPROVAL_RULE) == 0)
        note_pending (self->pending, dossier, f->subject_id);
    }

  if (old)
    {
      guint pos = item_position (self, old);

      g_hash_table_remove (self->by_id, c->rec.id);
      g_hash_table_insert (self->by_id, (char *) hw_case_item_get_case_id (item), item);
      g_list_store_splice (self->items, pos, 1, (gpointer *) &item, 1);
    }
  else
    {
      g_hash_table_insert (self->by_id, (char *) hw_case_item_get_case_id (item), item);
      g_list_store_append (self->items, item);
    }
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

void
hw_caseload_remove_case (HwCaseload *self, const char *case_id)
{
  HwCaseItem *item = hw_caseload_find (self, case_id);
  guint pos;

  if (item == NULL)
    return;
  pos = item_position (self, item);
  g_hash_table_remove (self->by_id, case_id);
  if (pos != G_MAXUINT)
    g_list_store_remove (self->items, pos);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}
