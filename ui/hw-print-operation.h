/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hw-document.h"

G_BEGIN_DECLS

/* Prints (or, from the dialog, previews and saves as PDF) a laid-out HwDocument: the same
 * pages `homeward-cli plan` writes, drawn by the same code. */
#define HW_TYPE_PRINT_OPERATION (hw_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (HwPrintOperation, hw_print_operation, HW, PRINT_OPERATION,
                      GtkPrintOperation)

#include "hw-caseload.h"
#include "hw-plan-document.h"

HwPrintOperation *hw_print_operation_new          (HwDocument *document, const char *job_name);
/* A child's plan, built when printing starts for the recipient chosen in the dialog's
 * "Recipient" tab (internal, each parent, the foster parents, the tribunal, the child),
 * with the findings of @caseload's rule context. */
HwPrintOperation *hw_print_operation_new_for_plan (HwCaseload *caseload,
                                                   const char *journal_no,
                                                   HwDate      today,
                                                   const char *job_name);
/* @person_id: the parent, for HW_RECIPIENT_PARENT. */
void              hw_print_operation_set_recipient (HwPrintOperation *self,
                                                    HwRecipient       recipient,
                                                    const char       *person_id);

G_END_DECLS
