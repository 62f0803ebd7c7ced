/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-evaluator.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* The one context in which the rules are evaluated against a store: the rule catalogue, the
 * store's municipal settings merged into it, and how foster homes are read and cached. It is
 * built once per store (and again after the settings change) and used for one case
 * (hw_check_case()) or the whole caseload (hw_check_caseload()) by every caller: the CLI,
 * the window, the child's record, the printed plan and overdue list, the benchmark.
 *
 * The catalogue and the settings never change once built, so a caseload pass may run on
 * other threads while this thread evaluates single cases; the single-case home cache is
 * guarded. */
#define HW_TYPE_SERVICE (hw_service_get_type ())
G_DECLARE_FINAL_TYPE (HwService, hw_service, HW, SERVICE, GObject)

/* How foster homes are read for a pass over the whole caseload. */
typedef enum {
  /* Every home is read first, shared by all workers: fastest, the whole register is held
   * until the end (the CLI, the benchmark). */
  HW_SERVICE_HOMES_UP_FRONT,
  /* Each worker reads a case's homes by primary key when the case needs them, into a small
   * cache (the window, which holds the caseload already). The findings are the same. */
  HW_SERVICE_HOMES_ON_DEMAND,
} HwServiceHomes;

/* Loads the default catalogue and merges @store's settings into it. Fails (@error names the
 * setting) when a stored setting is invalid or the catalogue cannot be loaded. */
HwService         *hw_service_new                (HwStore   *store,
                                                  GError   **error);
HwStore           *hw_service_get_store          (HwService *self);
/* The database file, for the pass's own read-only connections. */
const char        *hw_service_get_path           (HwService *self);
HwCatalogue       *hw_service_get_catalogue      (HwService *self);
const HwSettings  *hw_service_get_settings       (HwService *self);

/* @cache_size: homes kept per worker (and for single cases); 0: 2,048. */
void               hw_service_set_homes          (HwService      *self,
                                                  HwServiceHomes  homes,
                                                  guint           cache_size);
HwServiceHomes     hw_service_get_homes          (HwService *self);
guint              hw_service_get_home_cache_size (HwService *self);

/* Validates every @keys[i] = @values[i] (NULL: back to the default) against the catalogue,
 * then writes them all to @store in one transaction, normalised ("042 " → "42"). The
 * municipality's identity (hw-municipality.h) is checked by its own rules, and as a whole as
 * it would be after the change (Oslo needs a district). A refused value names its setting
 * and nothing is written. A service built before must be built
 * again to see the change. */
gboolean           hw_service_change_settings    (HwStore           *store,
                                                  const char *const *keys,
                                                  const char *const *values,
                                                  guint              n,
                                                  GError           **error);

/* The first run's set-up (issue 17): hw_service_change_settings() and hw_service_save_record()
 * of each of @records (teams, staff) in one transaction: all or nothing. */
gboolean           hw_service_save_setup         (HwStore           *store,
                                                  const char *const *keys,
                                                  const char *const *values,
                                                  guint              n,
                                                  GPtrArray         *records,
                                                  GError           **error);

G_END_DECLS
