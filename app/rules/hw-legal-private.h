/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-legal.c beyond its public API (hw-legal.h): the application
 * does not call these. */

#include "hw-legal.h"

G_BEGIN_DECLS

/* The kind of a decision or measure with @basis; a basis in several sets takes the first
 * of the order above. */
HwDecisionKind hw_catalogue_classify_basis (const HwCatalogue  *catalogue,
                                            const HwLegalBasis *basis);

G_END_DECLS
