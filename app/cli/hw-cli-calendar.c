/* SPDX-License-Identifier: GPL-3.0-or-later */
/* homeward-cli calendar: every open duty as an RFC 5545 VTODO (issue 19), for the calendar
 * people work from. Calendars sync to cloud services: by default the file names no child and
 * no other person, only the journal number; --names adds them, with a warning. */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "hw-cli.h"
#include "hw-caseload-check.h"
#include "hw-error.h"
#include "hw-output-file.h"

typedef struct {
  HwFinding *finding;
  char      *child_name;   /* only with --names */
} Todo;

static void
todo_free (Todo *todo)
{
  hw_finding_free (todo->finding);
  g_free (todo->child_name);
  g_free (todo);
}

static int
compare_todos (gconstpointer a, gconstpointer b)
{
  return hw_finding_compare ((*(Todo **) a)->finding, (*(Todo **) b)->finding);
}

typedef struct {
  HwDate     today;
  gboolean   names;
  GPtrArray *todos;
} Calendar;

/* An open duty: one that can still be done and is not done. Met duties are not; missed
 * periods are history (rules.md v2); an `ok` duty is open only while its due date lies ahead
 * (a recurring rule's next date, a plan not yet due). */
static gboolean
is_open (const HwFinding *f, HwDate today)
{
  HwFindingState state = hw_finding_get_state (f);

  if (hw_finding_get_due (f) == HW_DATE_NONE || hw_finding_is_met (f))
    return FALSE;
  if (HW_FINDING_STATE_IS_ACTIONABLE (state))
    return TRUE;
  return state == HW_FINDING_OK && hw_finding_get_due (f) > today;
}

static void
on_case_findings (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Calendar *cal = user_data;
  const HwChild *child = hw_dossier_child (dossier);

  for (guint i = 0; i < findings->len; i++)
    {
      Todo *todo;

      if (!is_open (findings->pdata[i], cal->today))
        continue;
      todo = g_new0 (Todo, 1);
      todo->finding = g_steal_pointer (&findings->pdata[i]);
      if (cal->names && child)
        {
          todo->child_name = g_strjoin (" ", child->given_name ? child->given_name : "",
                                        child->family_name ? child->family_name : "", NULL);
          g_strstrip (todo->child_name);
        }
      g_ptr_array_add (cal->todos, todo);
    }
}

/* The same duty gets the same UID in every export, whatever its state or due date (a
 * recurring rule's due date moves when it is done): a re-import updates it instead of adding
 * a copy. A name-based UUID (RFC 4122 version 5 layout over SHA-1) of what identifies the
 * duty: case, rule, subject, year and triggering event. */
static char *
dup_uid (const HwFinding *f, gboolean event)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  char trigger[11] = "";
  char year[12];
  /* An event and a to-do for the same duty are different components: different UIDs. */
  const char *parts[] = { event ? "homeward-duty-event" : "homeward-duty",
                          hw_finding_get_case_id (f),
                          hw_finding_get_rule_id (f),
                          hw_subject_kind_to_string (hw_finding_get_subject_kind (f)),
                          hw_finding_get_subject_id (f), year, trigger };

  hw_date_to_iso (hw_finding_get_trigger_date (f), trigger);
  g_snprintf (year, sizeof year, "%d", hw_finding_get_subject_year (f));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* The terminating NUL separates the parts: "a" + "bc" never hashes as "ab" + "c". */
      const char *part = parts[i] ? parts[i] : "";

      g_checksum_update (sha, (const guchar *) part, strlen (part) + 1);
    }
  g_checksum_get_digest (sha, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x@homeward",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static const char *
term (const HwCatalogue *catalogue, const char *key, HwLang lang)
{
  const char *t = hw_catalogue_get_term (catalogue, key, lang);

  return t ? t : key;
}

static icalcomponent *
todo_to_ical (const HwCatalogue *catalogue, const Todo *todo, HwLang lang,
              struct icaltimetype stamp, gboolean event, HwDate today)
{
  const HwFinding *f = todo->finding;
  const HwRule *rule = hw_finding_get_rule (f);
  HwFindingState state = hw_finding_get_state (f);
  static const char *const state_keys[] = { "state.ok", "state.due-soon", "state.overdue",
                                            "state.missed" };
  icalcomponent *vtodo = event ? icalcomponent_new_vevent () : icalcomponent_new_vtodo ();
  g_autofree char *uid = dup_uid (f, event);
  g_autofree char *source = hw_finding_dup_source (f, lang);
  g_autofree char *subject = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *case_line = NULL;
  char due[9], next[9];
  /* An overdue duty's event is on the day of the export: in the past nobody would see it. */
  HwDate day = event ? MAX (hw_finding_get_due (f), today) : hw_finding_get_due (f);
  int y, m, d;

  hw_date_get_ymd (day, &y, &m, &d);
  g_snprintf (due, sizeof due, "%04d%02d%02d", y, m, d);
  hw_date_get_ymd (hw_date_add_days (day, 1), &y, &m, &d);
  g_snprintf (next, sizeof next, "%04d%02d%02d", y, m, d);

  /* A subject that is a person's or a home's name (a parent, a foster parent) identifies
   * the child as well as the child's own name does: only with --names. */
  if (hw_finding_get_subject_name (f) == NULL || todo->child_name)
    subject = hw_finding_dup_subject (f, lang);
  summary = todo->child_name && *todo->child_name
              ? g_strdup_printf ("%s – %s", hw_rule_get_title (rule, lang), todo->child_name)
              : g_strdup (hw_rule_get_title (rule, lang));

  case_line = g_strdup (term (catalogue, "cli.case", lang));
  {
    /* "Sak {journal}" */
    const char *at = strstr (case_line, "{journal}");

    if (at)
      g_string_append_printf (description, "%.*s%s%s", (int) (at - case_line), case_line,
                              hw_finding_get_journal_no (f), at + strlen ("{journal}"));
    else
      g_string_append (description, hw_finding_get_journal_no (f));
  }
  if (todo->child_name && *todo->child_name)
    g_string_append_printf (description, " – %s", todo->child_name);
  if (subject && *subject)
    g_string_append_printf (description, "\n%s", subject);
  g_string_append_printf (description, "\n%s: %s (%s)", term (catalogue, "cli.source", lang),
                          source, hw_finding_get_class_label (f, lang));
  g_string_append_printf (description, "\n%s", term (catalogue, state_keys[state], lang));
  if (event)
    {
      g_autofree char *date = hw_date_dup_display (hw_finding_get_due (f));

      g_string_append_printf (description, "\n");
      g_string_append_printf (description, _("Due %s"), date);
    }

  icalcomponent_add_property (vtodo, icalproperty_new_uid (uid));
  icalcomponent_add_property (vtodo, icalproperty_new_dtstamp (stamp));
  if (event)
    {
      /* An all-day event on the due date that does not block the day. */
      icalcomponent_add_property (vtodo, icalproperty_new_dtstart (icaltime_from_string (due)));
      icalcomponent_add_property (vtodo, icalproperty_new_dtend (icaltime_from_string (next)));
      icalcomponent_add_property (vtodo, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    icalcomponent_add_property (vtodo, icalproperty_new_due (icaltime_from_string (due)));
  icalcomponent_add_property (vtodo, icalproperty_new_summary (summary));
  icalcomponent_add_property (vtodo, icalproperty_new_description (description->str));
  if (!event)
    icalcomponent_add_property (vtodo, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
  /* Tells a shared calendar not to show the details to others. */
  icalcomponent_add_property (vtodo, icalproperty_new_class (ICAL_CLASS_CONFIDENTIAL));
  icalcomponent_add_property (vtodo, icalproperty_new_categories (hw_rule_get_id (rule)));
  if (state == HW_FINDING_OVERDUE)
    icalcomponent_add_property (vtodo, icalproperty_new_priority (1));
  return vtodo;
}

static gboolean
write_text (HwOutputFile *file, const char *text, GError **error)
{
  return hw_output_file_write (file, text, strlen (text), error);
}

static void
calendar_clear (Calendar *cal)
{
  g_clear_pointer (&cal->todos, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Calendar, calendar_clear)

int
hw_cli_calendar (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwService) service = NULL;
  HwCatalogue *catalogue;
  g_autoptr(HwOutputFile) file = NULL;
  g_autoptr(GHashTable) cases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *team = NULL;
  g_autofree char *lang_text = NULL;
  g_auto(HwCliWorklist) worklist = { 0 };
  g_auto(Calendar) cal = { 0 };
  HwCheckOptions options = { 0 };
  HwLang lang = HW_LANG_NB;
  gboolean names = FALSE;
  gboolean events = FALSE;
  struct icaltimetype stamp;
  gboolean ok;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .ics file to write"), "FILE" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Only the cases of this caseworker (name, user name or id)"), "NAME|ID" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only the cases of this team (name or id)"), "NAME|ID" },
    { "names", 0, 0, G_OPTION_ARG_NONE, &names, N_("Put the children’s and other persons’ names in the file"), NULL },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, N_("All-day events instead of to-dos (Outlook imports no to-dos)"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute the states as of this date"), "YYYY-MM-DD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text, N_("Language of the texts: nb, nn or en"), "LANG" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Writes every open duty (overdue, due soon or "
                                           "due later; not met) as a to-do in an iCalendar "
                                           "file (RFC 5545) for Outlook, GNOME Calendar and "
                                           "others. Importing it again updates the to-dos "
                                           "instead of adding copies. Without --names the "
                                           "file holds no names, only journal numbers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("calendar", _("unexpected argument"));
  if (output == NULL)
    return hw_cli_usage_error ("calendar", _("-o FILE is required"));
  if (!hw_cli_parse_lang (lang_text, &lang, &error))
    return hw_cli_usage_error ("calendar", error->message);
  if (!hw_cli_parse_today (today_text, &cal.today, &error))
    return hw_cli_fail (error);
  cal.names = names;
  cal.todos = g_ptr_array_new_with_free_func ((GDestroyNotify) todo_free);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  service = hw_service_new (store, &error);
  if (service == NULL)
    return hw_cli_fail (error);
  catalogue = hw_service_get_catalogue (service);
  if (!hw_cli_worklist_resolve (store, staff, team, &worklist, &error))
    return error->domain == HW_ERROR && (error->code == HW_ERROR_NOT_FOUND ||
                                         error->code == HW_ERROR_CONFLICT)
             ? hw_cli_usage_error ("calendar", error->message) : hw_cli_fail (error);

  options.today = cal.today;
  options.caseworker_id = worklist.caseworker_id;
  options.team_id = worklist.team_id;
  /* Missed periods are history, never a to-do: not even kept. */
  options.states = HW_CHECK_STATE_BIT (HW_FINDING_OK) | HW_CHECK_STATE_BIT (HW_FINDING_DUE_SOON) |
                   HW_CHECK_STATE_BIT (HW_FINDING_OVERDUE);
  if (!hw_check_caseload (service, &options, on_case_findings, &cal, &error))
    return hw_cli_fail (error);
  g_ptr_array_sort (cal.todos, compare_todos);

  if (names)
    fprintf (stderr, "%s\n", _("homeward-cli calendar: warning: the file names the children "
                               "and other persons; calendars are often synced to cloud "
                               "services, where these names do not belong"));
  /* 0600, written whole or not at all: a failed write never leaves half a calendar. One
   * to-do at a time: a national caseload's calendar never sits in memory as one text. */
  file = hw_output_file_open (output, &error);
  ok = file && write_text (file, "BEGIN:VCALENDAR\r\n"
                                 "PRODID:-//Homeward//homeward-cli " PACKAGE_VERSION "//NB\r\n"
                                 "VERSION:2.0\r\n"
                                 /* Outlook refuses an import without a METHOD. */
                                 "METHOD:PUBLISH\r\n"
                                 "CALSCALE:GREGORIAN\r\n", &error);
  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  for (guint i = 0; ok && i < cal.todos->len; i++)
    {
      const Todo *todo = cal.todos->pdata[i];
      icalcomponent *vtodo = todo_to_ical (catalogue, todo, lang, stamp, events,
                                              cal.today);
      char *text = icalcomponent_as_ical_string_r (vtodo);

      g_hash_table_add (cases, (gpointer) hw_finding_get_case_id (todo->finding));
      ok = write_text (file, text, &error);
      icalmemory_free_buffer (text);
      icalcomponent_free (vtodo);
    }
  ok = ok && write_text (file, "END:VCALENDAR\r\n", &error) &&
       hw_output_file_commit (g_steal_pointer (&file), &error);
  if (!ok)
    return hw_cli_fail (error);
  if (!hw_cli_log_disclosure (store, names ? "calendar --names" : "calendar",
                              g_hash_table_size (cases), output, &error))
    return hw_cli_fail (error);
  printf (_("Wrote %u duties of %u cases to %s\n"), cal.todos->len, g_hash_table_size (cases),
          output);
  return 0;
}
