/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"
#include "hw-service-demo.h"
#include "hw-service-plan.h"

static void
on_progress (guint done, guint total, gpointer user_data)
{
  if (total >= 2000)
    {
      fputc ('\r', stderr);
      fprintf (stderr, _("Writing demo caseload: %u of %u children"), done, total);
    }
  if (total >= 2000 && done == total)
    fputc ('\n', stderr);
}

int
hw_cli_demo (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *today_text = NULL;
  int children = 200;
  int seed = 1;
  HwDemoOptions options = { 0 };
  GOptionEntry entries[] = {
    { "children", 'n', 0, G_OPTION_ARG_INT, &children, N_("How many children (default 200)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed gives the same caseload"), "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The caseload's “today” (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes a fictional caseload into the database: invented names and "
                                  "synthetic identity numbers (Skatteetaten’s test scheme, month + 80) "
                                  "that can never belong to a real person."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("demo", _("unexpected argument"));
  if (children < 1 || children > 1000000)
    return hw_cli_usage_error ("demo", _("--children must be between 1 and 1000000"));
  if (!hw_cli_parse_today (today_text, &options.today, &error))
    return hw_cli_fail (error);
  options.n_children = (guint) children;
  options.seed = (guint32) seed;

  store = hw_cli_create_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (hw_store_count (store, HW_ENTITY_CASE, NULL) > 0)
    {
      fprintf (stderr, "homeward-cli: %s\n",
               _("the database already holds cases; write the demo into a new file (--db)"));
      return 1;
    }
  if (!hw_service_write_demo (store, &options, on_progress, NULL, &error) ||
      !hw_service_follow_template_all (store, options.today, NULL, &error))
    return hw_cli_fail (error);
  printf (ngettext ("Wrote %d fictional child to %s\n", "Wrote %d fictional children to %s\n",
                    children), children, hw_store_get_path (store));
  return 0;
}
