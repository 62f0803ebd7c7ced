/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "hw-error.h"
#include "hw-recurrence.h"
#include "hw-recurrence-private.h"

static gboolean
parse_rule (const char *rrule, struct icalrecurrencetype *out, GError **error)
{
  if (rrule == NULL || *rrule == '\0')
    {
      g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED, _("How often is required"));
      return FALSE;
    }
  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (rrule);
  if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("How often: “%s” is not a recurrence rule (RFC 5545), e.g. "
                     "FREQ=WEEKLY;INTERVAL=2"), rrule);
      return FALSE;
    }
  /* Visits are counted by day: finer frequencies would expand to millions of instances. */
  if (out->freq < ICAL_DAILY_RECURRENCE)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("How often: contact sessions repeat daily at most"));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_recurrence_validate (const char *rrule, GError **error)
{
  struct icalrecurrencetype r;

  return parse_rule (rrule, &r, error);
}

static struct icaltimetype
to_ical (HwDate date)
{
  char buf[9];
  int y, m, d;

  /* Through the string form: a hand-filled icaltimetype misses fields libical relies on. */
  hw_date_get_ymd (date, &y, &m, &d);
  g_snprintf (buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return icaltime_from_string (buf);
}

GArray *
hw_recurrence_expand (const char *rrule, HwDate start, HwDate from, HwDate to, GError **error)
{
  struct icalrecurrencetype r;
  icalrecur_iterator *it;
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (HwDate));
  struct icaltimetype t;

  if (!parse_rule (rrule, &r, error))
    return NULL;
  if (start == HW_DATE_NONE || to < from)
    return g_steal_pointer (&dates);

  it = icalrecur_iterator_new (r, to_ical (start));
  if (it == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("How often: “%s” cannot be expanded"), rrule);
      return NULL;
    }
  /* No icalrecur_iterator_set_start(): libical 3.0 loses the INTERVAL phase with it. Walking
   * from the first session is cheap at daily granularity at most. */
  for (t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
       t = icalrecur_iterator_next (it))
    {
      HwDate d = hw_date_new (t.year, t.month, t.day);

      if (d == HW_DATE_NONE || d > to)
        break;
      if (d >= from)
        g_array_append_val (dates, d);
    }
  icalrecur_iterator_free (it);
  return g_steal_pointer (&dates);
}

int
hw_recurrence_count (const char *rrule, HwDate start, HwDate from, HwDate to)
{
  g_autoptr(GArray) dates = hw_recurrence_expand (rrule, start, from, to, NULL);

  return dates ? (int) dates->len : -1;
}

char *
hw_recurrence_describe (const char *rrule)
{
  struct icalrecurrencetype r;
  int n;

  if (!parse_rule (rrule, &r, NULL))
    return g_strdup (rrule ? rrule : "");
  n = MAX (1, r.interval);
  switch (r.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      return g_strdup_printf (ngettext ("every day", "every %d days", n), n);
    case ICAL_WEEKLY_RECURRENCE:
      return g_strdup_printf (ngettext ("every week", "every %d weeks", n), n);
    case ICAL_MONTHLY_RECURRENCE:
      return g_strdup_printf (ngettext ("every month", "every %d months", n), n);
    case ICAL_YEARLY_RECURRENCE:
      return g_strdup_printf (ngettext ("every year", "every %d years", n), n);
    default:
      return g_strdup (rrule);
    }
}
