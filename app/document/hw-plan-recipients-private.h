/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-plan-recipients.c beyond its public API (hw-plan-recipients.h): the application
 * does not call these. */

#include "hw-plan-recipients.h"

G_BEGIN_DECLS

/* Parses and validates a table; an error names the line. */
gboolean hw_recipient_table_parse        (const char        *xml,
                                          gssize             length,
                                          HwRecipientTable  *table,
                                          GError           **error);

G_END_DECLS
