/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One error domain for libhomeward's user-facing failures. Messages are translated: the UI
 * and the CLI show them as they are. */
#define HW_ERROR (hw_error_quark ())

typedef enum {
  HW_ERROR_FAILED,
  HW_ERROR_INVALID,     /* a value is malformed (identity number, date, code) */
  HW_ERROR_REQUIRED,    /* a required field is empty */
  HW_ERROR_RANGE,       /* a date out of order: end before start, before birth */
  HW_ERROR_NOT_FOUND,
  HW_ERROR_CONFLICT,    /* unique value taken, reference to a missing record */
  HW_ERROR_VERSION,     /* database or file made by a newer version */
  HW_ERROR_BUSY,        /* another process holds the database */
  HW_ERROR_CORRUPT,     /* integrity check or audit chain failed */
  HW_ERROR_PARSE,       /* a file could not be read */
  HW_ERROR_CHANGED,     /* the record changed in the database since it was read: reload */
} HwErrorCode;

GQuark hw_error_quark (void);

G_END_DECLS
