/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What only this folder's tests use: not part of the API the app calls. */
#include "hw-mine-page.h"

G_BEGIN_DECLS

/* The filters as the drop-downs set them (NULL: all). */
void        hw_mine_page_filter      (HwMinePage *self,
                                      const char *rule_id,
                                      const char *case_id);

gboolean    hw_mine_page_get_loaded  (HwMinePage *self);

G_END_DECLS
