/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-caseload-check.c beyond its public API (hw-caseload-check.h): the application
 * does not call these. */

#include "hw-caseload-check.h"

G_BEGIN_DECLS


/* Every finding of the caseload (only those not ok unless @include_ok), sorted as
 * hw_finding_compare() orders them. */
GPtrArray *hw_check_collect         (HwService            *service,
                                     const HwCheckOptions *options,
                                     gboolean              include_ok,
                                     GError              **error);

G_END_DECLS
