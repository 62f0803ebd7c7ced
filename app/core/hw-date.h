/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A legal (calendar) date as a GDate Julian day number: 1 = 0001-01-01, 0 = no date.
 * Plain integers make the rule engine's arithmetic cheap and comparisons trivial. */
typedef guint32 HwDate;

#define HW_DATE_NONE ((HwDate) 0)

HwDate   hw_date_new            (int year, int month, int day);
HwDate   hw_date_parse_iso      (const char *text);           /* "YYYY-MM-DD", else 0 */
gboolean hw_date_to_iso         (HwDate date, char buf[11]);  /* "YYYY-MM-DD" */
char    *hw_date_dup_iso        (HwDate date);                /* NULL for HW_DATE_NONE */
char    *hw_date_dup_display    (HwDate date);                /* "dd.mm.yyyy", "" for none */
/* "07.12.2026", "7.12.26" or ISO, a two-digit year read against today; HW_DATE_NONE for
 * anything else. */
HwDate   hw_date_parse_display  (const char *text);
HwDate   hw_date_today          (void);                       /* local calendar date */
void     hw_date_get_ymd        (HwDate date, int *year, int *month, int *day);
int      hw_date_get_year       (HwDate date);
HwDate   hw_date_add_days       (HwDate date, int days);
HwDate   hw_date_add_months     (HwDate date, int months);    /* day clamped to month end */
HwDate   hw_date_add_years      (HwDate date, int years);     /* 29 Feb → 28 Feb */
int      hw_date_days_in_year   (int year);
int      hw_date_age_on         (HwDate birth, HwDate on);    /* whole years */
HwDate   hw_date_birthday       (HwDate birth, int age);      /* the day of the age-th birthday */

/* Timestamps (audit, record metadata) are UTC ISO 8601 strings: "2026-11-23T14:26:19Z". */
char    *hw_timestamp_now_utc   (void);

G_END_DECLS
