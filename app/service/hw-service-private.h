/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-service.h"

G_BEGIN_DECLS

/* Shared by the single-case path (hw-service.c) and the caseload pass's workers. */

/* Reads every foster home @dossier's measures name into @homes (home id, owned → HwDossier)
 * from @store, by primary key. A full cache (@cache_size homes) is emptied first, all but
 * this case's homes: no finding points into a home (findings copy the names they show). */
gboolean   hw_service_cache_case_homes (HwStore         *store,
                                        GHashTable      *homes,
                                        guint            cache_size,
                                        const HwDossier *dossier,
                                        GError         **error);

/* The findings of one case (only @rule_id's, unless NULL), sorted; its homes read through
 * the service's cache. */
GPtrArray *hw_service_evaluate_case    (HwService       *self,
                                        const HwDossier *case_dossier,
                                        HwDate           today,
                                        const char      *rule_id,
                                        GError         **error);

/* Used by the tests only (not by the application). */
/* After a foster home was edited: the next evaluation reads it again. */
void               hw_service_forget_home        (HwService  *self,
                                                  const char *home_id);

G_END_DECLS
