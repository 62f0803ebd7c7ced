/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "hw-test-support.h"

/* Numbers are built with the check-digit algorithm (mod 11), then altered. */

START_TEST (test_identity_synthetic_valid)
{
  HwDate birth = hw_date_new (2012, 7, 9);

  for (guint seq = 0; seq < 200; seq++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = hw_identity_make_synthetic (birth, seq);
      HwIdentityKind kind;
      HwDate parsed;

      ck_assert_ptr_nonnull (number);
      ck_assert_msg (hw_identity_validate (number, &kind, &parsed, &error), "%s: %s", number,
                     error ? error->message : "");
      ck_assert_int_eq (kind, HW_IDENTITY_SYNTHETIC);
      ck_assert_uint_eq (parsed, birth);
      ck_assert_int_eq (number[2] - '0', 8);   /* month + 80 */
    }
}
END_TEST

START_TEST (test_identity_synthetic_sex)
{
  for (guint seq = 0; seq < 50; seq++)
    {
      g_autofree char *man = hw_identity_make_synthetic_for_sex (hw_date_new (1990, 5, 6), 1, seq);
      g_autofree char *woman = hw_identity_make_synthetic_for_sex (hw_date_new (2011, 5, 6), 2, seq);

      ck_assert ((man[8] - '0') % 2 == 1);
      ck_assert ((woman[8] - '0') % 2 == 0);
      ck_assert (hw_identity_validate (man, NULL, NULL, NULL));
      ck_assert (hw_identity_validate (woman, NULL, NULL, NULL));
    }
}
END_TEST

START_TEST (test_identity_wrong_check_digit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = hw_identity_make_synthetic (hw_date_new (2010, 1, 2), 3);

  number[10] = number[10] == '9' ? '0' : number[10] + 1;
  ck_assert (!hw_identity_validate (number, NULL, NULL, &error));
  ck_assert_int_eq (error->code, HW_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "check"));
}
END_TEST

/* Appends both check digits to a 9-digit prefix (FALSE when the prefix has none). */
static gboolean
complete_number (const char *prefix, char out[12])
{
  static const int w1[9] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
  static const int w2[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
  int s = 0, k1, k2;

  for (int i = 0; i < 9; i++)
    s += (prefix[i] - '0') * w1[i];
  k1 = (11 - s % 11) % 11;
  s = 0;
  for (int i = 0; i < 9; i++)
    s += (prefix[i] - '0') * w2[i];
  s += k1 * w2[9];
  k2 = (11 - s % 11) % 11;
  if (k1 == 10 || k2 == 10)
    return FALSE;
  g_snprintf (out, 12, "%s%d%d", prefix, k1, k2);
  return TRUE;
}

START_TEST (test_identity_fnr_and_dnumber)
{
  char number[12];
  HwIdentityKind kind;
  HwDate birth;

  /* Individual number 014 → born in the 1900s; 512 with year 15 → 2000s. */
  ck_assert (complete_number ("010107014", number));
  ck_assert (hw_identity_validate (number, &kind, &birth, NULL));
  ck_assert_int_eq (kind, HW_IDENTITY_FNR);
  ck_assert_date_eq (birth, "1907-01-01");

  ck_assert (complete_number ("230615512", number) || complete_number ("230615513", number));
  ck_assert (hw_identity_validate (number, &kind, &birth, NULL));
  ck_assert_date_eq (birth, "2015-06-23");

  /* The same birth as a D-number: day + 40. */
  ck_assert (complete_number ("630615512", number) || complete_number ("630615513", number));
  ck_assert (hw_identity_validate (number, &kind, &birth, NULL));
  ck_assert_int_eq (kind, HW_IDENTITY_DNR);
  ck_assert_date_eq (birth, "2015-06-23");
}
END_TEST

START_TEST (test_identity_refusals)
{
  const char *bad[] = { "", "123", "0101071234567", "01010a01411", "32010701411", "01130701411" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!hw_identity_validate (bad[i], NULL, NULL, &error), "accepted %s", bad[i]);
      ck_assert_int_eq (error->code, HW_ERROR_INVALID);
    }
}
END_TEST

START_TEST (test_identity_ssb_standins)
{
  HwIdentityKind kind;
  HwDate birth;

  ck_assert (hw_identity_validate ("12051555555", &kind, &birth, NULL));
  ck_assert_int_eq (kind, HW_IDENTITY_SSB_UNKNOWN);
  ck_assert_date_eq (birth, "2015-05-12");
  ck_assert (hw_identity_validate ("12051500100", &kind, NULL, NULL));
  ck_assert (hw_identity_validate ("12051500200", &kind, NULL, NULL));
  ck_assert (hw_identity_validate ("12051599999", &kind, NULL, NULL));
  ck_assert (!hw_identity_validate ("31021599999", &kind, NULL, NULL));
}
END_TEST

START_TEST (test_identity_masked)
{
  g_autofree char *m = hw_identity_dup_masked ("12051555555");

  ck_assert_str_eq (m, "120515*****");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("identity");
  TCase *tc = tcase_create ("identity");

  tcase_add_test (tc, test_identity_synthetic_valid);
  tcase_add_test (tc, test_identity_synthetic_sex);
  tcase_add_test (tc, test_identity_wrong_check_digit);
  tcase_add_test (tc, test_identity_fnr_and_dnumber);
  tcase_add_test (tc, test_identity_refusals);
  tcase_add_test (tc, test_identity_ssb_standins);
  tcase_add_test (tc, test_identity_masked);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
