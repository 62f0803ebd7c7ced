/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-date.h"

G_BEGIN_DECLS

/* Norwegian identity numbers: 11 digits, DDMMYY + individual number (3) + check digits (2). */
typedef enum {
  HW_IDENTITY_FNR,          /* fødselsnummer */
  HW_IDENTITY_DNR,          /* D-number: day + 40 */
  HW_IDENTITY_SYNTHETIC,    /* Skatteetaten/Tenor synthetic test number: month + 80 */
  HW_IDENTITY_SSB_UNKNOWN,  /* SSB's DDMMYY + 00100 / 00200 / 55555 / 99999 stand-ins */
} HwIdentityKind;

gboolean hw_identity_validate      (const char      *number,
                                    HwIdentityKind  *kind,
                                    HwDate          *birth_date,
                                    GError         **error);
/* A synthetic (month + 80) number for @birth_date: never a real person's number. */
char    *hw_identity_make_synthetic (HwDate birth_date,
                                     guint  sequence);
/* The same for a given sex (1 male, 2 female, 0 either): the individual number's last digit
 * is odd for men and even for women. */
char    *hw_identity_make_synthetic_for_sex (HwDate birth_date,
                                             int    sex,
                                             guint  sequence);
/* "DDMMYY*****": what logs and error messages may show of a number. */
char    *hw_identity_dup_masked    (const char *number);

G_END_DECLS
