/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-date"

#include "hw-date.h"
#include "hw-date-private.h"

#include <stdio.h>
#include <string.h>

static int
days_in_month (int year, int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

static gboolean
hw_date_is_valid_ymd (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month (year, month);
}

/* Days from 0001-01-01 (day 1, as GDate counts) by Hinnant's days-from-civil: plain integer
 * arithmetic, since loading a caseload parses millions of dates. */
HwDate
hw_date_new (int year, int month, int day)
{
  int y, era, yoe, doy, doe;

  if (!hw_date_is_valid_ymd (year, month, day))
    return HW_DATE_NONE;
  y = year - (month <= 2);
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  /* era * 146097 + doe counts from 0000-03-01; 0001-01-01 is day 306 of that count. */
  return (HwDate) (era * 146097 + doe - 305);
}

static gboolean
parse_digits (const char *s, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

HwDate
hw_date_parse_iso (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return HW_DATE_NONE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return HW_DATE_NONE;
  return hw_date_new (y, m, d);
}

/* One to @max digits, the count in *@n_digits; the end of them, or NULL when there are none. */
static const char *
take_number (const char *p, int max, int *out, int *n_digits)
{
  int v = 0, n = 0;

  while (*p >= '0' && *p <= '9' && n < max)
    {
      v = v * 10 + (*p++ - '0');
      n++;
    }
  if (n == 0 || (*p >= '0' && *p <= '9'))
    return NULL;
  *out = v;
  *n_digits = n;
  return p;
}

HwDate
hw_date_parse_display_on (const char *text, HwDate today)
{
  int y, m, d, n, year_digits;
  const char *p = text;

  if (text == NULL)
    return HW_DATE_NONE;
  while (g_ascii_isspace (*p))
    p++;
  /* d.m.yy or dd.mm.yyyy, as people write dates here ("7.12.26"); else ISO. */
  if ((p = take_number (p, 2, &d, &n)) && *p == '.' &&
      (p = take_number (p + 1, 2, &m, &n)) && *p == '.' &&
      (p = take_number (p + 1, 4, &y, &year_digits)) &&
      (year_digits == 2 || year_digits == 4))
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return HW_DATE_NONE;
      if (year_digits == 2)
        {
          /* This century, unless that is more than 20 years ahead: "3.4.85" is 1985. */
          int now = hw_date_get_year (today != HW_DATE_NONE ? today : hw_date_today ());

          y += now / 100 * 100;
          if (y > now + 20)
            y -= 100;
        }
      return hw_date_new (y, m, d);
    }
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  return hw_date_parse_iso (p);
}

HwDate
hw_date_parse_display (const char *text)
{
  return hw_date_parse_display_on (text, HW_DATE_NONE);
}

void
hw_date_get_ymd (HwDate date, int *year, int *month, int *day)
{
  GDate d;

  g_return_if_fail (date != HW_DATE_NONE);
  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  if (year)
    *year = g_date_get_year (&d);
  if (month)
    *month = g_date_get_month (&d);
  if (day)
    *day = g_date_get_day (&d);
}

int
hw_date_get_year (HwDate date)
{
  int y = 0;

  if (date != HW_DATE_NONE)
    hw_date_get_ymd (date, &y, NULL, NULL);
  return y;
}

gboolean
hw_date_to_iso (HwDate date, char buf[11])
{
  int y, m, d;

  if (date == HW_DATE_NONE)
    {
      buf[0] = '\0';
      return FALSE;
    }
  hw_date_get_ymd (date, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      g_snprintf (buf, 11, "%04d-%02d-%02d", y, m, d);
      return TRUE;
    }
  /* By hand: an import formats a date for every record, and printf showed in its profile. */
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
  return TRUE;
}

char *
hw_date_dup_iso (HwDate date)
{
  char buf[11];

  return hw_date_to_iso (date, buf) ? g_strdup (buf) : NULL;
}

char *
hw_date_dup_display (HwDate date)
{
  int y, m, d;

  if (date == HW_DATE_NONE)
    return g_strdup ("");
  hw_date_get_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}

HwDate
hw_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return hw_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                      g_date_time_get_day_of_month (now));
}

HwDate
hw_date_add_days (HwDate date, int days)
{
  if (date == HW_DATE_NONE)
    return HW_DATE_NONE;
  if (days < 0 && (guint32) -days >= date)
    return HW_DATE_NONE;
  return (HwDate) ((gint64) date + days);
}

HwDate
hw_date_add_months (HwDate date, int months)
{
  int y, m, d, total, dim;

  if (date == HW_DATE_NONE)
    return HW_DATE_NONE;
  hw_date_get_ymd (date, &y, &m, &d);
  total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  if (y < 1 || y > 9999)
    return HW_DATE_NONE;
  dim = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  return hw_date_new (y, m, MIN (d, dim));
}

HwDate
hw_date_add_years (HwDate date, int years)
{
  return hw_date_add_months (date, years * 12);
}

int
hw_date_days_in_year (int year)
{
  return g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
}

int
hw_date_age_on (HwDate birth, HwDate on)
{
  int by, bm, bd, y, m, d, age;

  if (birth == HW_DATE_NONE || on == HW_DATE_NONE || on < birth)
    return 0;
  hw_date_get_ymd (birth, &by, &bm, &bd);
  hw_date_get_ymd (on, &y, &m, &d);
  age = y - by;
  if (m < bm || (m == bm && d < bd))
    age--;
  return age;
}

HwDate
hw_date_birthday (HwDate birth, int age)
{
  /* Someone born 29 Feb has their birthday on 28 Feb in common years (Norwegian practice
   * counts them of age on 1 Mar; we take the earlier day so no duty is shown late). */
  return hw_date_add_years (birth, age);
}

char *
hw_timestamp_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
