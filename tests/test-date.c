/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-date.h"
#include "hw-date-private.h"
#include "hw-test-support.h"

START_TEST (test_date_iso_round_trip)
{
  HwDate d = hw_date_parse_iso ("2024-02-29");
  g_autofree char *iso = hw_date_dup_iso (d);
  g_autofree char *shown = hw_date_dup_display (d);

  ck_assert_uint_ne (d, HW_DATE_NONE);
  ck_assert_str_eq (iso, "2024-02-29");
  ck_assert_str_eq (shown, "29.02.2024");
  ck_assert_uint_eq (hw_date_parse_display ("29.02.2024"), d);
}
END_TEST

START_TEST (test_date_rejects_impossible)
{
  ck_assert_uint_eq (hw_date_parse_iso ("2023-02-29"), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_iso ("2023-13-01"), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_iso ("2023-1-01"), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_iso ("abcd-ef-gh"), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_iso (""), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display ("31.04.2024"), HW_DATE_NONE);
}
END_TEST

/* Dates as caseworkers type them (issue 17): 7.12.26 and 07.12.2026 alike. */
START_TEST (test_date_parse_as_typed)
{
  HwDate today = hw_date_new (2026, 12, 7);

  ck_assert_date_eq (hw_date_parse_display_on ("7.12.26", today), "2026-12-07");
  ck_assert_date_eq (hw_date_parse_display_on ("07.12.2026", today), "2026-12-07");
  ck_assert_date_eq (hw_date_parse_display_on (" 1.2.2024 ", today), "2024-02-01");
  ck_assert_date_eq (hw_date_parse_display_on ("3.4.85", today), "1985-04-03");
  ck_assert_date_eq (hw_date_parse_display_on ("1.1.46", today), "2046-01-01");
  ck_assert_date_eq (hw_date_parse_display_on ("1.1.47", today), "1947-01-01");
  ck_assert_date_eq (hw_date_parse_display_on ("2026-12-07", today), "2026-12-07");
  ck_assert_uint_eq (hw_date_parse_display_on ("29.2.25", today), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display_on ("7.12.026", today), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display_on ("7.12.", today), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display_on ("7.12.26x", today), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display_on ("123.1.2026", today), HW_DATE_NONE);
  ck_assert_uint_eq (hw_date_parse_display_on ("7122026", today), HW_DATE_NONE);
  ck_assert_uint_ne (hw_date_parse_display ("7.12.26"), HW_DATE_NONE);
}
END_TEST

START_TEST (test_date_add_months_clamps)
{
  ck_assert_date_eq (hw_date_add_months (hw_date_new (2024, 1, 31), 1), "2024-02-29");
  ck_assert_date_eq (hw_date_add_months (hw_date_new (2023, 1, 31), 1), "2023-02-28");
  ck_assert_date_eq (hw_date_add_months (hw_date_new (2023, 8, 31), 3), "2023-11-30");
  ck_assert_date_eq (hw_date_add_months (hw_date_new (2023, 12, 15), 12), "2024-12-15");
  ck_assert_date_eq (hw_date_add_months (hw_date_new (2024, 3, 31), -1), "2024-02-29");
  ck_assert_date_eq (hw_date_add_years (hw_date_new (2024, 2, 29), 1), "2025-02-28");
}
END_TEST

START_TEST (test_date_add_days_crosses_years)
{
  ck_assert_date_eq (hw_date_add_days (hw_date_new (2024, 12, 20), 42), "2025-01-31");
  ck_assert_date_eq (hw_date_add_days (hw_date_new (2024, 2, 28), 1), "2024-02-29");
  ck_assert_date_eq (hw_date_add_days (hw_date_new (2023, 2, 28), 1), "2023-03-01");
  ck_assert_uint_eq (hw_date_add_days (HW_DATE_NONE, 5), HW_DATE_NONE);
}
END_TEST

START_TEST (test_date_age)
{
  HwDate birth = hw_date_new (2008, 6, 15);

  ck_assert_int_eq (hw_date_age_on (birth, hw_date_new (2026, 6, 14)), 17);
  ck_assert_int_eq (hw_date_age_on (birth, hw_date_new (2026, 6, 15)), 18);
  ck_assert_date_eq (hw_date_birthday (birth, 18), "2026-06-15");
  ck_assert_int_eq (hw_date_days_in_year (2024), 366);
  ck_assert_int_eq (hw_date_days_in_year (2100), 365);
}
END_TEST

START_TEST (test_date_agrees_with_gdate)
{
  /* The arithmetic day numbers are GDate's Julian days, across leap centuries. */
  for (int y = 1; y <= 2400; y += 7)
    for (int m = 1; m <= 12; m++)
      {
        GDate g;
        int d = m == 2 ? 28 + g_date_is_leap_year (y) : 1 + (y + m) % 28;

        g_date_clear (&g, 1);
        g_date_set_dmy (&g, d, m, y);
        ck_assert_uint_eq (hw_date_new (y, m, d), g_date_get_julian (&g));
      }
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("date");
  TCase *tc = tcase_create ("date");

  tcase_add_test (tc, test_date_iso_round_trip);
  tcase_add_test (tc, test_date_rejects_impossible);
  tcase_add_test (tc, test_date_parse_as_typed);
  tcase_add_test (tc, test_date_add_months_clamps);
  tcase_add_test (tc, test_date_add_days_crosses_years);
  tcase_add_test (tc, test_date_age);
  tcase_add_test (tc, test_date_agrees_with_gdate);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
