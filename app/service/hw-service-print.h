/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-overdue-list.h"
#include "hw-plan-document.h"
#include "hw-service.h"

G_BEGIN_DECLS

/* The printouts that need both the store and the rules: this seam reads and evaluates,
 * app/document lays out what it is given. */

/* The team's overdue list (hw-overdue-list.h), evaluated by hw_check_caseload(): Ctrl+P and
 * `check --format pdf` see the same findings as `check`. @options->printed_by NULL: the
 * store's actor, by staff name when the user name is known. */
HwDocument *hw_service_print_overdue_list     (HwService                  *service,
                                               const HwOverdueListOptions *options,
                                               GError                    **error);
gboolean    hw_service_write_overdue_list_pdf (HwService                  *service,
                                               const HwOverdueListOptions *options,
                                               const char                 *path,
                                               GError                    **error);

/* A child's plan for @recipient (hw_plan_source_load() for the arguments), its findings
 * from hw_check_case(). @service NULL: printed without the rule engine (its catalogue or a
 * stored setting could not be loaded); the plan then says missing documentation was not
 * checked. @service, when given, is @store's. */
HwDocument *hw_service_print_plan             (HwStore     *store,
                                               HwService   *service,
                                               const char  *journal_no,
                                               HwDate       today,
                                               HwRecipient  recipient,
                                               const char  *person_id,
                                               const char  *printed_by,
                                               GError     **error);

G_END_DECLS
