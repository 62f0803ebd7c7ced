/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-caseload.c beyond its public API (hw-caseload.h): the application
 * does not call these. */

#include "hw-caseload.h"

G_BEGIN_DECLS


G_END_DECLS
