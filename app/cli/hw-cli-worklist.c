/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What check, calendar and indicators share to narrow a caseload to a worklist (issue 19):
 * --staff and --team by name or id, --state by name. */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <string.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-caseload-check.h"

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  return g_str_equal (g_strstrip (x), g_strstrip (y));
}

/* The id of the one record of @entity whose id is @text, or else whose name (or, for staff,
 * user name) is @text, ignoring case. A text matching no one or several is refused naming
 * it: a worklist for the wrong person is worse than none. */
static char *
resolve (HwStore *store, HwEntity entity, const char *option, const char *text, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) records = hw_store_list (store, entity, &local);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *found = NULL;
  guint n = 0;

  if (records == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (((HwRecord *) records->pdata[i])->id, text))
      return g_strdup (text);
  for (guint i = 0; i < records->len; i++)
    {
      const char *id = ((HwRecord *) records->pdata[i])->id;
      const char *name = NULL;
      gboolean match;

      if (entity == HW_ENTITY_STAFF)
        {
          const HwStaff *staff = records->pdata[i];

          name = staff->name;
          match = same_name (staff->name, text) || g_strcmp0 (staff->username, text) == 0;
        }
      else
        {
          name = ((const HwTeam *) records->pdata[i])->name;
          match = same_name (name, text);
        }
      if (!match)
        continue;
      found = id;
      n++;
      g_string_append_printf (names, "%s%s (%s)", names->len ? ", " : "", name ? name : "", id);
    }
  if (n == 1)
    return g_strdup (found);
  if (n == 0)
    g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                 entity == HW_ENTITY_STAFF ? _("%s: no staff member “%s” (give a name, user "
                                               "name or id)")
                                           : _("%s: no team “%s” (give a name or id)"),
                 option, text);
  else
    g_set_error (error, HW_ERROR, HW_ERROR_CONFLICT,
                 _("%s: “%s” matches %u records: %s; give the id"), option, text, n,
                 names->str);
  return NULL;
}

gboolean
hw_cli_worklist_resolve (HwStore        *store,
                         const char     *staff,
                         const char     *team,
                         HwCliWorklist  *worklist,
                         GError        **error)
{
  if (staff &&
      (worklist->caseworker_id = resolve (store, HW_ENTITY_STAFF, "--staff", staff,
                                          error)) == NULL)
    return FALSE;
  if (team &&
      (worklist->team_id = resolve (store, HW_ENTITY_TEAM, "--team", team, error)) == NULL)
    return FALSE;
  return TRUE;
}

void
hw_cli_worklist_clear (HwCliWorklist *worklist)
{
  g_clear_pointer (&worklist->caseworker_id, g_free);
  g_clear_pointer (&worklist->team_id, g_free);
}

gboolean
hw_cli_parse_states (const char *text, guint *states, GError **error)
{
  g_auto(GStrv) names = NULL;

  *states = 0;
  if (text == NULL)
    return TRUE;
  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      HwFindingState s;

      for (s = HW_FINDING_OK; s <= HW_FINDING_MISSED; s++)
        if (g_str_equal (g_strstrip (names[i]), hw_finding_state_to_string (s)))
          break;
      if (s > HW_FINDING_MISSED)
        {
          g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                       _("--state: “%s” is not a state (overdue, due-soon, missed or ok)"),
                       names[i]);
          return FALSE;
        }
      *states |= 1u << s;
    }
  return TRUE;
}
