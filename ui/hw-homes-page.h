/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-caseload.h"

G_BEGIN_DECLS

/* The foster homes, each with its documentation matrix and the children who live there. */
#define HW_TYPE_HOMES_PAGE (hw_homes_page_get_type ())
G_DECLARE_FINAL_TYPE (HwHomesPage, hw_homes_page, HW, HOMES_PAGE, GtkWidget)

void        hw_homes_page_bind      (HwHomesPage *self, HwCaseload *caseload);

G_END_DECLS
