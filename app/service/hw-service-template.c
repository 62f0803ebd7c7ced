/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity template (app/document) kept in the store's settings: the document layer lays
 * it out and instantiates it, and does not see the store. */
#include "config.h"

#include "hw-service-template.h"

HwPlanTemplate *
hw_service_load_plan_template (HwStore *store, GError **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  xml = hw_store_dup_setting (store, HW_PLAN_TEMPLATE_SETTING);
  if (xml == NULL || *xml == '\0')
    return hw_plan_template_load_default (error);
  return hw_plan_template_new_from_data (xml, -1, error);
}

gboolean
hw_service_save_plan_template (HwPlanTemplate *template, HwStore *store, GError **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (template == NULL || HW_IS_PLAN_TEMPLATE (template), FALSE);
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  if (template && !hw_plan_template_validate (template, error))
    return FALSE;
  xml = template ? hw_plan_template_to_xml (template) : NULL;
  return hw_store_set_setting (store, HW_PLAN_TEMPLATE_SETTING, xml, error);
}
