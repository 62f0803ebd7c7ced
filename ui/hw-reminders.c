/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-reminders.h"

/* More than this and one notification sums them up: a desktop full of them helps no one. */
#define MAX_SINGLE 3

void
hw_reminders_clear (HwReminders *reminders)
{
  g_clear_pointer (&reminders->notification_ids, g_ptr_array_unref);
  reminders->n_fell_due = reminders->n_due_soon = 0;
}

static void
send (GApplication *app, HwReminders *result, const char *id, GNotification *notification)
{
  g_ptr_array_add (result->notification_ids, g_strdup (id));
  /* Without a session bus nothing could show it (and GLib would only complain). */
  if (app && g_application_get_is_registered (app) && g_application_get_dbus_connection (app))
    g_application_send_notification (app, id, notification);
}

static void
notify_duties (GApplication *app, HwReminders *result, GPtrArray *duties, gboolean overdue)
{
  if (duties->len == 0)
    return;
  if (duties->len > MAX_SINGLE)
    {
      g_autoptr(GNotification) n = NULL;
      g_autofree char *title = overdue
        ? g_strdup_printf (ngettext ("%u duty fell due since you last opened Homeward",
                                     "%u duties fell due since you last opened Homeward",
                                     duties->len), duties->len)
        : g_strdup_printf (ngettext ("%u duty is due soon", "%u duties are due soon",
                                     duties->len), duties->len);

      n = g_notification_new (title);
      g_notification_set_body (n, _("See My Duties"));
      g_notification_set_default_action (n, "app.show-duties");
      send (app, result, overdue ? "duties-overdue" : "duties-due-soon", n);
      return;
    }
  for (guint i = 0; i < duties->len; i++)
    {
      HwDutyItem *item = duties->pdata[i];
      const HwUiFinding *f = hw_duty_item_get_finding (item);
      g_autofree char *due = hw_date_dup_display (f->due);
      /* Translators: a notification's title: "Overdue: Next follow-up visit" */
      g_autofree char *title = g_strdup_printf (overdue ? _("Overdue: %s") : _("Due soon: %s"),
                                                f->title);
      /* Translators: "Astrid Moen — due 19.09.2026" */
      g_autofree char *body = g_strdup_printf (_("%s — due %s"),
                                               hw_duty_item_get_child_name (item), due);
      g_autofree char *id = g_strdup_printf ("duty-%s-%s", hw_duty_item_get_case_id (item),
                                             f->rule_id);
      g_autoptr(GNotification) n = g_notification_new (title);

      g_notification_set_body (n, body);
      g_notification_set_default_action_and_target (n, "app.open-case", "s",
                                                    hw_duty_item_get_case_id (item));
      send (app, result, id, n);
    }
}

void
hw_reminders_run (GApplication *app, GSettings *settings, GPtrArray *items, HwDate today,
                  int due_soon_days, HwReminders *result)
{
  g_autofree char *seen_text = NULL;
  HwDate last_seen;
  char iso[11];

  hw_reminders_clear (result);
  result->notification_ids = g_ptr_array_new_with_free_func (g_free);
  if (settings == NULL)
    return;
  seen_text = g_settings_get_string (settings, "duties-last-seen");
  last_seen = hw_date_parse_iso (seen_text);
  /* A clock set back: nothing fell due "since". */
  if (last_seen != HW_DATE_NONE && last_seen <= today)
    {
      if (g_settings_get_boolean (settings, "remind-overdue"))
        {
          g_autoptr(GPtrArray) fell = hw_duties_since_last_time (items, last_seen, today);

          result->n_fell_due = fell->len;
          notify_duties (app, result, fell, TRUE);
        }
      if (g_settings_get_boolean (settings, "remind-due-soon"))
        {
          g_autoptr(GPtrArray) soon = hw_duties_newly_due_soon (items, last_seen, due_soon_days);

          result->n_due_soon = soon->len;
          notify_duties (app, result, soon, FALSE);
        }
    }
  if (hw_date_to_iso (today, iso) && (last_seen == HW_DATE_NONE || today > last_seen))
    g_settings_set_string (settings, "duties-last-seen", iso);
}
