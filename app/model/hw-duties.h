/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hw-findings.h"
#include "hw-service.h"

G_BEGIN_DECLS

/* "Mine frister" (issue 19): every open duty of one caseworker's cases, as the rule engine
 * finds it, grouped by when it falls due. A missed period is history and never listed. */

typedef enum {
  HW_DUTY_GROUP_OVERDUE,
  HW_DUTY_GROUP_THIS_WEEK,   /* due today or in the next 6 days */
  HW_DUTY_GROUP_NEXT_30,     /* due in 7 to 30 days */
  HW_DUTY_GROUP_LATER,       /* later, or no due date yet */
  HW_N_DUTY_GROUPS
} HwDutyGroup;

/* Translated: "Overdue", "This week", "Next 30 days", "Later". */
const char  *hw_duty_group_get_label (HwDutyGroup group);

#define HW_TYPE_DUTY_ITEM (hw_duty_item_get_type ())
G_DECLARE_FINAL_TYPE (HwDutyItem, hw_duty_item, HW, DUTY_ITEM, GObject)

const char        *hw_duty_item_get_case_id    (HwDutyItem *self);
const char        *hw_duty_item_get_child_name (HwDutyItem *self);
const HwUiFinding *hw_duty_item_get_finding    (HwDutyItem *self);
HwDutyGroup        hw_duty_item_get_group      (HwDutyItem *self);
/* Whether this row opens its group in the list as it is filtered now (the list shows the
 * group's heading above it). */
gboolean           hw_duty_item_get_first_in_group (HwDutyItem *self);

/* Every open duty (HwDutyItem) of the cases of @caseworker_id as of @today, in group order,
 * each group by due date, then child: the rule engine through @service over only those cases.
 * With @case_ids (her cases, as the caseload's rows say), only those are read, by id; NULL:
 * a pass over the whole caseload finds them. May run on any thread (connections of its own);
 * a cancelled pass fails with G_IO_ERROR_CANCELLED. */
GPtrArray         *hw_duties_collect           (HwService   *service,
                                                const char  *caseworker_id,
                                                const char *const *case_ids,
                                                HwDate       today,
                                                GCancellable *cancellable,
                                                GError     **error);

/* Of @items (HwDutyItem), those that fell due while the app was closed: overdue today and due
 * on or after @last_seen (the day the user last had the app open), so each is reported once.
 * Already-overdue duties before @last_seen were reported then; missed periods never are.
 * HW_DATE_NONE @last_seen (first run): none. Returns a new array of references. */
GPtrArray         *hw_duties_since_last_time   (GPtrArray *items,
                                                HwDate     last_seen,
                                                HwDate     today);
/* Of @items, those due soon (not yet overdue) whose due date was not yet within reach
 * when last seen: due more than @window_days after @last_seen. */
GPtrArray         *hw_duties_newly_due_soon    (GPtrArray *items,
                                                HwDate     last_seen,
                                                int        window_days);

/* A GListModel of HwDutyItem: the collected duties, filtered by rule and by child. */
#define HW_TYPE_DUTIES (hw_duties_get_type ())
G_DECLARE_FINAL_TYPE (HwDuties, hw_duties, HW, DUTIES, GObject)

HwDuties          *hw_duties_new               (void);
/* Replaces every duty (a reference is taken on @items' elements). */
void               hw_duties_set_items         (HwDuties  *self,
                                                GPtrArray *items);
/* All duties before filtering. */
GPtrArray         *hw_duties_get_all           (HwDuties *self);
/* NULL: every rule / every child. */
void               hw_duties_set_rule_filter   (HwDuties   *self,
                                                const char *rule_id);
void               hw_duties_set_case_filter   (HwDuties   *self,
                                                const char *case_id);
/* How many of the shown duties are in @group. */
guint              hw_duties_count_group       (HwDuties   *self,
                                                HwDutyGroup group);

G_END_DECLS
