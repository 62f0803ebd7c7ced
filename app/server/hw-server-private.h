/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests use of hw-server.c beyond its public API (hw-server.h): the application
 * does not call these. */

#include "hw-server.h"

G_BEGIN_DECLS

/* TRUE when @result (NULL: out of memory) has @status; else FALSE with @error:
 * HW_ERROR_CHANGED for a changed row version (the message names who and when),
 * HW_ERROR_INVALID for a refused argument, HW_ERROR_FAILED otherwise. */
gboolean     hw_server_check        (PGconn *conn, const PGresult *result, ExecStatusType status,
                                     GError **error);
/* The number of server migrations applied (0: not initialised), or -1 with @error. */
int          hw_server_get_schema_version (PGconn *conn, GError **error);
/* TRUE and @conflict filled when @result is a refusal for a changed row version. */
gboolean     hw_server_result_get_conflict (const PGresult *result, HwServerConflict *conflict);

G_END_DECLS
