/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-plan-template.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Issue 18: the Omsorgspakke's activities follow the municipality's template. Every writer
 * of a placement, a return home or a reunification assessment passes through here (see
 * DESIGN.md): the window's forms through hw_service_save_record(), `import` and `demo` through
 * hw_service_follow_template_all(), and a store that had placements before this existed
 * through hw_service_upgrade_activities(), once. */

/* Set (to the date it ran) once every case of the store has had its activities made. */
#define HW_PLAN_ACTIVITIES_SETTING "plan.activities-applied"

/* An activity due this many days or more before the day it is made is recorded as not
 * applicable (dropped, with a reason) rather than overdue: a visit due in 2021 cannot be made
 * up in 2026, and a plan full of old "overdue" lines hides the real ones. */
#define HW_PLAN_LONG_PASSED_DAYS 90

/* Makes the activities the template gives each case that it does not have yet (the ordinary
 * variant's while the child lives in a foster home, the reversed variant's once a return home
 * is done or planned), for every case in one transaction; records HW_PLAN_ACTIVITIES_SETTING. */
gboolean hw_service_follow_template_all (HwStore   *store,
                                         HwDate     today,
                                         guint     *n_added,
                                         GError   **error);
/* hw_service_follow_template_all() once per store, recorded in HW_PLAN_ACTIVITIES_SETTING:
 * for the placements written before activities followed the template. */
gboolean hw_service_upgrade_activities  (HwStore   *store,
                                         HwDate     today,
                                         GError   **error);
/* hw_store_save() and, in the same transaction, the case's activities when @record is a
 * measure, a return home or a reunification assessment: what the window's forms save with. */
gboolean hw_service_save_record         (HwStore      *store,
                                         gconstpointer record,
                                         GError      **error);

G_END_DECLS
