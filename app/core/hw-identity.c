/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-identity.h"
#include "hw-error.h"

static const int k1_weights[9] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
static const int k2_weights[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

/* Returns the check digit over @n digits, or -1 when the remainder makes it impossible. */
static int
check_digit (const int *digits, const int *weights, int n)
{
  int sum = 0, k;

  for (int i = 0; i < n; i++)
    sum += digits[i] * weights[i];
  k = 11 - sum % 11;
  if (k == 11)
    return 0;
  if (k == 10)
    return -1;
  return k;
}

static int
century_for (int individual, int yy)
{
  if (individual <= 499)
    return 1900;
  if (individual <= 749 && yy >= 54)
    return 1800;
  if (yy <= 39)
    return 2000;
  if (individual >= 900)
    return 1900;
  return -1;
}

gboolean
hw_identity_validate (const char      *number,
                      HwIdentityKind  *kind,
                      HwDate          *birth_date,
                      GError         **error)
{
  int digits[11];
  int dd, mm, yy, individual, century;
  HwIdentityKind found = HW_IDENTITY_FNR;
  const char *tail;
  HwDate birth;

  if (number == NULL || strlen (number) != 11)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("An identity number has exactly 11 digits"));
      return FALSE;
    }
  for (int i = 0; i < 11; i++)
    {
      if (!g_ascii_isdigit (number[i]))
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       _("An identity number has only digits (position %d is not)"), i + 1);
          return FALSE;
        }
      digits[i] = number[i] - '0';
    }

  dd = digits[0] * 10 + digits[1];
  mm = digits[2] * 10 + digits[3];
  yy = digits[4] * 10 + digits[5];
  individual = digits[6] * 100 + digits[7] * 10 + digits[8];
  tail = number + 6;

  if (g_str_equal (tail, "00100") || g_str_equal (tail, "00200") ||
      g_str_equal (tail, "55555") || g_str_equal (tail, "99999"))
    found = HW_IDENTITY_SSB_UNKNOWN;
  else if (dd > 40)
    found = HW_IDENTITY_DNR;
  else if (mm > 80)
    found = HW_IDENTITY_SYNTHETIC;

  if (found == HW_IDENTITY_DNR)
    dd -= 40;
  if (mm > 80)
    mm -= 80;

  if (found == HW_IDENTITY_SSB_UNKNOWN)
    century = yy <= (hw_date_get_year (hw_date_today ()) % 100) ? 2000 : 1900;
  else
    century = century_for (individual, yy);

  birth = century < 0 ? HW_DATE_NONE : hw_date_new (century + yy, mm, dd);
  if (birth == HW_DATE_NONE)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("The first six digits of an identity number must be a valid date (DDMMYY)"));
      return FALSE;
    }

  if (found != HW_IDENTITY_SSB_UNKNOWN)
    {
      int k1 = check_digit (digits, k1_weights, 9);
      int k2 = k1 < 0 ? -1 : check_digit (digits, k2_weights, 10);

      if (k1 < 0 || k1 != digits[9] || k2 < 0 || k2 != digits[10])
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       _("The check digits of the identity number are wrong"));
          return FALSE;
        }
    }

  if (kind)
    *kind = found;
  if (birth_date)
    *birth_date = birth;
  return TRUE;
}

char *
hw_identity_make_synthetic (HwDate birth_date,
                            guint  sequence)
{
  return hw_identity_make_synthetic_for_sex (birth_date, 0, sequence);
}

char *
hw_identity_make_synthetic_for_sex (HwDate birth_date,
                                    int    sex,
                                    guint  sequence)
{
  int y, m, d;

  g_return_val_if_fail (birth_date != HW_DATE_NONE, NULL);
  hw_date_get_ymd (birth_date, &y, &m, &d);

  /* Walk the individual numbers of the right century from @sequence until both check digits
   * exist; about one in five numbers fails, so this ends quickly. */
  for (guint step = 0; step < 1000; step++)
    {
      int base = y >= 2000 ? 500 : 0;
      int individual = base + (int) ((sequence + step) % 500u);
      int digits[11] = { d / 10, d % 10, (m + 80) / 10, (m + 80) % 10, (y % 100) / 10, y % 10,
                         individual / 100, (individual / 10) % 10, individual % 10, 0, 0 };
      int k1 = check_digit (digits, k1_weights, 9), k2;

      if (k1 < 0 || (sex == 1 && individual % 2 == 0) || (sex == 2 && individual % 2 == 1))
        continue;
      digits[9] = k1;
      k2 = check_digit (digits, k2_weights, 10);
      if (k2 < 0)
        continue;
      digits[10] = k2;
      return g_strdup_printf ("%d%d%d%d%d%d%d%d%d%d%d", digits[0], digits[1], digits[2],
                              digits[3], digits[4], digits[5], digits[6], digits[7],
                              digits[8], digits[9], digits[10]);
    }
  return NULL;
}

char *
hw_identity_dup_masked (const char *number)
{
  if (number == NULL || strlen (number) < 6)
    return g_strdup ("***********");
  return g_strdup_printf ("%.6s*****", number);
}
