/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-evaluator.h"
#include "hw-plan-document.h"

G_BEGIN_DECLS

/* Joins the rule engine (app/rules) to the documents: its findings, in the words and the
 * language the printout uses. */


/* One of the engine's findings as the plan prints it. */
HwPlanFinding *hw_plan_finding_new_from_rules (const HwFinding *finding, HwLang lang);

G_END_DECLS
