/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-plan-template.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* The municipality's activity template from @store's settings (HW_PLAN_TEMPLATE_SETTING), or
 * the default when it has none. */
HwPlanTemplate *hw_service_load_plan_template (HwStore *store, GError **error);
/* Validates, then stores it as the municipality's template (NULL @template: back to the
 * default). */
gboolean        hw_service_save_plan_template (HwPlanTemplate *template, HwStore *store,
                                               GError **error);

G_END_DECLS
