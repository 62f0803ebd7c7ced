/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-activity.h"
#include "hw-activity-private.h"
#include "hw-entity.h"

HwActivityStatus
hw_activity_get_status (const HwActivity *activity, HwDate today)
{
  g_return_val_if_fail (activity != NULL, HW_ACTIVITY_PLANNED);
  if (activity->done_date != HW_DATE_NONE)
    return HW_ACTIVITY_DONE;
  if (activity->dropped_reason && *activity->dropped_reason)
    return HW_ACTIVITY_DROPPED;
  if (activity->due != HW_DATE_NONE && activity->due < today)
    return HW_ACTIVITY_OVERDUE;
  return HW_ACTIVITY_PLANNED;
}

const char *
hw_activity_status_label (HwActivityStatus status)
{
  switch (status)
    {
    case HW_ACTIVITY_PLANNED:
      /* Translators: an activity's status in the printed plan */
      return _("Planned");
    case HW_ACTIVITY_DONE:
      return _("Done");
    case HW_ACTIVITY_OVERDUE:
      return _("Overdue");
    case HW_ACTIVITY_DROPPED:
      return _("Dropped");
    default:
      return "";
    }
}

char *
hw_activity_dup_status_text (const HwActivity *activity, HwDate today)
{
  HwActivityStatus status = hw_activity_get_status (activity, today);
  g_autofree char *date = NULL;

  switch (status)
    {
    case HW_ACTIVITY_DONE:
      date = hw_date_dup_display (activity->done_date);
      /* Translators: an activity's status: done, and the date it was done */
      return g_strdup_printf (_("Done %s"), date);
    case HW_ACTIVITY_DROPPED:
      /* Translators: an activity's status: dropped, with the reason given */
      return g_strdup_printf (_("Dropped: %s"), activity->dropped_reason);
    case HW_ACTIVITY_PLANNED:
    case HW_ACTIVITY_OVERDUE:
    default:
      return g_strdup (hw_activity_status_label (status));
    }
}

const char *
hw_part_to_label (HwPart part)
{
  /* The names are the activity record's (hw-entity.c): one wording everywhere. */
  const char *label = hw_entity_get_value_label (HW_ENTITY_ACTIVITY, "part", part);

  return label ? label : "";
}

const char *
hw_basis_to_label (const char *basis)
{
  if (basis == NULL)
    return NULL;
  if (g_str_equal (basis, "L"))
    /* Translators: an activity's basis L: the law or a regulation */
    return _("Law");
  if (g_str_equal (basis, "V"))
    /* Translators: an activity's basis V: official guidance (veileder) */
    return _("Guidance");
  if (g_str_equal (basis, "K"))
    /* Translators: an activity's basis K: a local, municipal choice */
    return _("Local");
  return NULL;
}

void
hw_activity_mark_done (HwActivity *activity, HwDate date)
{
  g_return_if_fail (activity != NULL);
  activity->done_date = date;
  if (date != HW_DATE_NONE)
    g_clear_pointer (&activity->dropped_reason, g_free);
}

void
hw_activity_move (HwActivity *activity, HwDate due)
{
  g_return_if_fail (activity != NULL);
  activity->due = due;
}

void
hw_activity_drop (HwActivity *activity, const char *reason)
{
  g_return_if_fail (activity != NULL);
  g_free (activity->dropped_reason);
  activity->dropped_reason = reason && *reason ? g_strdup (reason) : NULL;
}

HwActivity *
hw_activity_new_manual (const char *case_id, HwPart part, const char *title, HwDate due)
{
  HwActivity *a = hw_record_new (HW_ENTITY_ACTIVITY);

  a->case_id = g_strdup (case_id);
  a->part = part;
  a->title = g_strdup (title);
  a->due = due;
  a->basis = g_strdup ("K");
  return a;
}

int
hw_activity_compare_due (gconstpointer a, gconstpointer b)
{
  const HwActivity *x = *(const HwActivity *const *) a;
  const HwActivity *y = *(const HwActivity *const *) b;
  HwDate dx = x->due ? x->due : G_MAXUINT32, dy = y->due ? y->due : G_MAXUINT32;

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return g_strcmp0 (x->title, y->title);
}
