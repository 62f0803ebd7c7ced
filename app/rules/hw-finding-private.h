/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-finding.c beyond its public API (hw-finding.h): the application
 * does not call these. */

#include "hw-finding.h"

G_BEGIN_DECLS

/* Why it fired or what met it, how the due date was computed, the class and the source,
 * and what would clear it: "Ingen omsorgsplan registrert. Frist 42 dager etter vedtak
 * 03.02.2025 (lokal rutine, barnevernsloven § 8-3 fjerde ledd). Registrer …" */
char           *hw_finding_dup_explanation      (const HwFinding *finding);

G_END_DECLS
