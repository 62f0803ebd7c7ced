/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-template-page.c beyond its public API (hw-template-page.h): the application
 * does not call these. */

#include "hw-template-page.h"

G_BEGIN_DECLS

/* The inline message after a refused save, or NULL. */
const char       *hw_template_page_get_message  (HwTemplatePage   *self);
/* HwTemplateItem, in the template's order. */
GListModel       *hw_template_page_get_model    (HwTemplatePage   *self,
                                                 HwTemplateVariant variant);

G_END_DECLS
