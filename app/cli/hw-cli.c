/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-server.h"

typedef struct {
  const char    *name;
  HwCliVerbFunc  func;
  const char    *summary;   /* N_() */
} Verb;

static const Verb verbs[] = {
  { "demo", hw_cli_demo, N_("Write a fictional demo caseload") },
  { "list", hw_cli_list, N_("List the cases, one line each") },
  { "check", hw_cli_check, N_("Show every duty with its due date and state") },
  { "calendar", hw_cli_calendar, N_("Write the open duties to a calendar file (.ics)") },
  { "indicators", hw_cli_indicators, N_("Count per rule the duties due in a year: met, on time, not met") },
  { "import", hw_cli_import, N_("Import Barnevern v4 or Homeward XML files") },
  { "export", hw_cli_export, N_("Export to Barnevern v4 or Homeward XML") },
  { "plan", hw_cli_plan, N_("Write a child's follow-up plan as PDF") },
  { "settings", hw_cli_settings, N_("Show or change the municipal rule settings") },
  { "audit", hw_cli_audit, N_("Show or verify the audit trail") },
  { "backup", hw_cli_backup, N_("Write a backup copy of the database") },
  { "restore", hw_cli_restore, N_("Replace the database with a verified backup") },
  { "server", hw_cli_server, N_("Set up a team server: init, add-team, add-user") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: homeward-cli [--db FILE] [--user NAME] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (out, "  %-10s %s\n", verbs[i].name, _(verbs[i].summary));
  fprintf (out, "\n%s\n", _("Run “homeward-cli COMMAND --help” for a command’s options."));
}

static HwStore *
open_store (HwCliContext *ctx, gboolean create, GError **error)
{
  g_autofree char *path = ctx->db_path ? g_strdup (ctx->db_path) : hw_store_dup_default_path ();
  g_autoptr(GError) local = NULL;
  HwStore *store = create ? hw_store_open (path, &local) : hw_store_open_existing (path, &local);

  /* A mistyped --db is not an empty caseload: an empty file would report nothing due. */
  if (g_error_matches (local, HW_ERROR, HW_ERROR_NOT_FOUND))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("No database at %s (nothing was created; check --db, or create one "
                     "with “import” or “demo”)"), path);
      return NULL;
    }
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  if (store)
    {
      hw_store_set_actor (store, ctx->user);
      if (!hw_store_is_private (store))
        fprintf (stderr, _("homeward-cli: warning: %s can be read by other users; "
                           "run “chmod 600” on it and “chmod 700” on its folder\n"),
                 hw_store_get_path (store));
    }
  return store;
}

HwStore *
hw_cli_open_store (HwCliContext *ctx, GError **error)
{
  return open_store (ctx, FALSE, error);
}

HwStore *
hw_cli_create_store (HwCliContext *ctx, GError **error)
{
  return open_store (ctx, TRUE, error);
}

gboolean
hw_cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "homeward-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
hw_cli_fail (const GError *error)
{
  fprintf (stderr, "homeward-cli: %s\n", error ? error->message : _("unknown error"));
  if (error && error->domain == HW_ERROR && error->code == HW_ERROR_BUSY)
    return 3;
  return 1;
}

int
hw_cli_usage_error (const char *verb, const char *message)
{
  fprintf (stderr, "homeward-cli %s: %s\n", verb, message);
  fprintf (stderr, _("Run “homeward-cli %s --help” for usage.\n"), verb);
  return 2;
}

gboolean
hw_cli_parse_lang (const char *text, HwLang *lang, GError **error)
{
  int l;

  *lang = HW_LANG_NB;
  if (text == NULL)
    return TRUE;
  l = hw_lang_from_string (text);
  if (l < 0)
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_INVALID, _("--lang must be nb, nn or en"));
      return FALSE;
    }
  *lang = (HwLang) l;
  hw_lang_set (*lang);
  return TRUE;
}

gboolean
hw_cli_parse_today (const char *text, HwDate *today, GError **error)
{
  if (text == NULL)
    {
      *today = hw_date_today ();
      return TRUE;
    }
  *today = hw_date_parse_iso (text);
  if (*today == HW_DATE_NONE)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("--today: “%s” is not a date (YYYY-MM-DD)"), text);
      return FALSE;
    }
  return TRUE;
}

/* Takes --db/--user out of argv wherever they stand, so both "homeward-cli --db F check" and
 * "homeward-cli check --db F" work. */
static gboolean
take_global (int *argc, char **argv, const char *name, const char **value)
{
  size_t len = strlen (name);

  for (int i = 1; i < *argc; i++)
    {
      int drop = 0;

      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], name))
        {
          if (i + 1 >= *argc)
            {
              fprintf (stderr, _("homeward-cli: %s needs a value\n"), name);
              return FALSE;
            }
          *value = argv[i + 1];
          drop = 2;
        }
      else if (strncmp (argv[i], name, len) == 0 && argv[i][len] == '=')
        {
          *value = argv[i] + len + 1;
          drop = 1;
        }
      if (drop)
        {
          memmove (&argv[i], &argv[i + drop], sizeof (char *) * (*argc - i - drop + 1));
          *argc -= drop;
          i--;
        }
    }
  return TRUE;
}

/* Output that did not reach standard output (a full disk, a file too large) is a failure,
 * never a silent success: every command's last word. */
static int
finish_output (int status)
{
  gboolean failed = ferror (stdout) != 0;
  int saved = 0;

  if (fflush (stdout) != 0)
    {
      saved = errno;
      failed = TRUE;
    }
  if (!failed)
    return status;
  if (saved)
    fprintf (stderr, _("homeward-cli: cannot write to standard output: %s\n"),
             g_strerror (saved));
  else
    fprintf (stderr, "%s\n", _("homeward-cli: cannot write to standard output"));
  return status ? status : 1;
}

int
main (int argc, char **argv)
{
  HwCliContext ctx = { NULL, NULL };

  /* Everything this program writes holds personal data: private whoever creates it. */
  umask (077);
  setlocale (LC_ALL, "");
  /* Debug and warning messages go to stderr, never into pipe-friendly stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  /* The build folder's catalogues only when asked (meson devenv, the tests), as the app does. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HOMEWARD_LOCALEDIR") && *g_getenv ("HOMEWARD_LOCALEDIR")
                                   ? g_getenv ("HOMEWARD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!take_global (&argc, argv, "--db", &ctx.db_path) ||
      !take_global (&argc, argv, "--user", &ctx.user))
    return 2;
  if (ctx.user == NULL)
    ctx.user = g_get_user_name ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("homeward-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Until the store has its server backend (issue 16), only "server" speaks to a server. */
  if (hw_server_is_conninfo (ctx.db_path) && !g_str_equal (argv[1], "server"))
    {
      fprintf (stderr, _("homeward-cli: --db names a PostgreSQL server, and “%s” cannot use "
                         "one yet (the server backend is not yet available; only “server” "
                         "commands work on a server)\n"), argv[1]);
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      return finish_output (verbs[i].func (&ctx, argc - 1, argv + 1));

  fprintf (stderr, _("homeward-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
