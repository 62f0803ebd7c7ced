/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-error.h"
#include "hw-recurrence.h"
#include "hw-recurrence-private.h"
#include "hw-test-support.h"

START_TEST (test_recurrence_every_other_week)
{
  g_autoptr(GError) error = NULL;
  /* Saturdays every second week from Sat 2024-01-06. */
  g_autoptr(GArray) dates = hw_recurrence_expand ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
                                                  hw_date_new (2024, 1, 6),
                                                  hw_date_new (2024, 1, 1),
                                                  hw_date_new (2024, 3, 2), &error);

  ck_assert_no_error (error);
  ck_assert_uint_eq (dates->len, 5);
  ck_assert_date_eq (g_array_index (dates, HwDate, 0), "2024-01-06");
  ck_assert_date_eq (g_array_index (dates, HwDate, 1), "2024-01-20");
  ck_assert_date_eq (g_array_index (dates, HwDate, 4), "2024-03-02");
}
END_TEST

START_TEST (test_recurrence_monthly_window)
{
  /* Monthly on the 15th from 2023-01-15, counted within 2023: twelve sessions. */
  int n = hw_recurrence_count ("FREQ=MONTHLY;BYMONTHDAY=15", hw_date_new (2023, 1, 15),
                               hw_date_new (2023, 1, 1), hw_date_new (2023, 12, 31));

  ck_assert_int_eq (n, 12);
  ck_assert_int_eq (hw_recurrence_count ("FREQ=MONTHLY;INTERVAL=3", hw_date_new (2022, 2, 1),
                                         hw_date_new (2024, 1, 1), hw_date_new (2024, 12, 31)),
                    4);
}
END_TEST

START_TEST (test_recurrence_refuses_garbage)
{
  g_autoptr(GError) error = NULL;

  ck_assert (!hw_recurrence_validate ("every tuesday", &error));
  ck_assert_int_eq (error->code, HW_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!hw_recurrence_validate ("FREQ=SECONDLY", &error));
  g_clear_error (&error);
  ck_assert (!hw_recurrence_validate ("", &error));
  ck_assert_int_eq (error->code, HW_ERROR_REQUIRED);
  ck_assert_int_eq (hw_recurrence_count ("nonsense", hw_date_new (2024, 1, 1),
                                         hw_date_new (2024, 1, 1), hw_date_new (2024, 2, 1)), -1);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("recurrence");
  TCase *tc = tcase_create ("recurrence");

  tcase_add_test (tc, test_recurrence_every_other_week);
  tcase_add_test (tc, test_recurrence_monthly_window);
  tcase_add_test (tc, test_recurrence_refuses_garbage);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
