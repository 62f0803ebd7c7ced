/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-service.h"

G_BEGIN_DECLS

/* Where the store and the rule engine meet: every case of a database evaluated in one pass,
 * on several threads (each with its own read-only connection, each reading a range of case
 * ids), with one read of the foster homes shared by all, or each case's homes read when it
 * needs them (the service's HW_SERVICE_HOMES_ON_DEMAND); or one case. Neither app/store nor
 * app/rules includes the other; this module joins them, in the context of one HwService,
 * for the CLI, the window, printing and the benchmark. */

/* Called once per case with its findings (which the callee may steal from @findings).
 * Calls are serialised, from worker threads: do not touch GTK here. */
typedef void (*HwCaseFindingsFunc) (const HwDossier *case_dossier,
                                    GPtrArray       *findings,
                                    gpointer         user_data);

typedef struct {
  HwDate      today;
  const char *rule_id;     /* only this rule, or NULL */
  guint       n_threads;   /* 0: one per processor, at most 8 */
  GCancellable *cancellable;  /* or NULL; a cancelled pass fails with G_IO_ERROR_CANCELLED */
  /* A worklist (issue 19): only the cases of this caseworker (HwStaff id) and/or this team
   * (HwTeam id), NULL: any; other cases are not even evaluated. */
  const char *caseworker_id;
  const char *team_id;
  /* Only findings in these states (HW_CHECK_STATE_BIT), 0: every state. */
  guint       states;
} HwCheckOptions;

#define HW_CHECK_STATE_BIT(s) (1u << (s))

/* Evaluates every case of @service's database with its catalogue and settings, on worker
 * threads with connections of their own (@service's store is not used: this may run on any
 * thread while the store's own thread goes on). */
gboolean   hw_check_caseload        (HwService            *service,
                                     const HwCheckOptions *options,
                                     HwCaseFindingsFunc    func,
                                     gpointer              user_data,
                                     GError              **error);

/* The same for only the cases @case_ids (NULL-terminated), read by id on this thread with a
 * connection of its own (any thread): a caseworker's few hundred cases without reading the
 * whole caseload ("Mine frister"). A case deleted meanwhile is skipped. */
gboolean   hw_check_cases           (HwService            *service,
                                     const char *const    *case_ids,
                                     const HwCheckOptions *options,
                                     HwCaseFindingsFunc    func,
                                     gpointer              user_data,
                                     GError              **error);

/* The findings of one case, sorted (the child record, the printed plan, `check --case`); its
 * foster homes are read through @service's cache, on @service's store: call it on the
 * store's thread. hw_check_case_filtered() evaluates it as hw_check_caseload() would with
 * @options (today, rule, case and state filters): an empty array for a case they do not
 * keep. */
GPtrArray *hw_check_case            (HwService         *service,
                                     const HwDossier   *case_dossier,
                                     HwDate             today,
                                     GError           **error);
GPtrArray *hw_check_case_filtered   (HwService            *service,
                                     const HwDossier      *case_dossier,
                                     const HwCheckOptions *options,
                                     GError              **error);


G_END_DECLS
