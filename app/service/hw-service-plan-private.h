/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-service-plan.c beyond its public API (hw-service-plan.h): the application
 * does not call these. */

#include "hw-service-plan.h"

G_BEGIN_DECLS

/* Makes the activities the template gives @case_id that it does not have yet: the ordinary
 * variant's while the child lives in a foster home, the reversed variant's once a return home
 * is done or planned. Saves them (one transaction) and adds their number to @n_added (may be
 * NULL). @template NULL: the store's own. Running it again adds nothing. */
gboolean hw_service_follow_template     (HwStore         *store,
                                         HwPlanTemplate  *template,
                                         const char      *case_id,
                                         HwDate           today,
                                         guint           *n_added,
                                         GError         **error);

G_END_DECLS
