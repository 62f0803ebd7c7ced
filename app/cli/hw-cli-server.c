/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <string.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-server.h"

/* homeward-cli --db URI server init | add-team NAME | add-user ROLE --role R [--team NAME]…
 * Setting up a team server (issue 16). Run by the database's owner; see app/server. */

static PGconn *
connect_server (HwCliContext *ctx, GError **error)
{
  if (ctx->db_path == NULL || !hw_server_is_conninfo (ctx->db_path))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("--db: “server” commands need a server: a postgresql:// URI or "
                     "“service=NAME”, not a file"));
      return NULL;
    }
  return hw_server_connect (ctx->db_path, error);
}

static int
server_init (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— set up the schema, roles, "
                                                              "policies and audit"));
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  int applied = 0;

  g_option_context_set_description (context,
    _("Run as the database's owner, a role that may create roles. Running it again brings "
      "an older server up to date and changes nothing on a current one."));
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 1)
    return hw_cli_usage_error ("server init", _("takes no arguments"));
  conn = connect_server (ctx, &error);
  if (conn == NULL || !hw_server_init (conn, &applied, &error))
    return hw_cli_fail (error);
  if (applied == 0)
    printf (_("The server is up to date (schema %d).\n"), HW_SERVER_SCHEMA_VERSION);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Applied %d server migration (schema %d).\n",
                         "Applied %d server migrations (schema %d).\n", applied),
            applied, HW_SERVER_SCHEMA_VERSION);
  return 0;
}

static int
server_add_team (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — add a team"));
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *id = NULL;
  gboolean created = FALSE;

  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return hw_cli_usage_error ("server add-team", _("give one team name"));
  conn = connect_server (ctx, &error);
  if (conn == NULL)
    return hw_cli_fail (error);
  id = hw_server_add_team (conn, argv[1], &created, &error);
  if (id == NULL)
    return hw_cli_fail (error);
  printf (created ? _("Added team “%s” (%s).\n") : _("Team “%s” exists already (%s).\n"),
          argv[1], id);
  return 0;
}

static int
server_add_user (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ROLE — create or update a "
                                                              "login role"));
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *role_text = NULL;
  g_auto(GStrv) teams = NULL;
  g_auto(GStrv) member_of = NULL;
  HwServerRole role;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("caseworker, team-leader or head"), N_("ROLE") },
    { "team", 0, 0, G_OPTION_ARG_STRING_ARRAY, &teams,
      N_("A team the user works in (repeat for more)"), N_("NAME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("The role logs in as PostgreSQL authenticates it (pg_hba.conf: peer, scram-sha-256, "
      "gss, cert); Homeward sets no password."));
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return hw_cli_usage_error ("server add-user", _("give one role (user) name"));
  if (role_text == NULL)
    return hw_cli_usage_error ("server add-user",
                               _("--role is required: caseworker, team-leader or head"));
  if (!hw_server_role_parse (role_text, &role))
    {
      g_autofree char *message =
        g_strdup_printf (_("--role: “%s” is not caseworker, team-leader or head"), role_text);
      return hw_cli_usage_error ("server add-user", message);
    }
  conn = connect_server (ctx, &error);
  if (conn == NULL ||
      !hw_server_add_user (conn, argv[1], role, (const char *const *) teams, &error))
    return hw_cli_fail (error);
  member_of = hw_server_dup_user_teams (conn, argv[1], &error);
  if (member_of == NULL)
    return hw_cli_fail (error);
  if (member_of[0])
    {
      g_autofree char *list = g_strjoinv (", ", member_of);

      /* One whole sentence per role, for the translators. */
      switch (role)
        {
        case HW_SERVER_ROLE_CASEWORKER:
          printf (_("%s is a caseworker in %s.\n"), argv[1], list);
          break;
        case HW_SERVER_ROLE_TEAM_LEADER:
          printf (_("%s is a team leader of %s.\n"), argv[1], list);
          break;
        case HW_SERVER_ROLE_HEAD:
          printf (_("%s is a head of service, in %s.\n"), argv[1], list);
          break;
        }
    }
  else
    switch (role)
      {
      case HW_SERVER_ROLE_CASEWORKER:
        printf (_("%s is a caseworker (in no team yet: add one with --team).\n"), argv[1]);
        break;
      case HW_SERVER_ROLE_TEAM_LEADER:
        printf (_("%s is a team leader (of no team yet: add one with --team).\n"), argv[1]);
        break;
      case HW_SERVER_ROLE_HEAD:
        printf (_("%s is a head of service (sees every team's cases).\n"), argv[1]);
        break;
      }
  return 0;
}

int
hw_cli_server (HwCliContext *ctx, int argc, char **argv)
{
  static const struct {
    const char    *name;
    HwCliVerbFunc  func;
    const char    *summary;
  } commands[] = {
    { "init", server_init, N_("Set up (or bring up to date) the schema, roles and policies") },
    { "add-team", server_add_team, N_("Add a team") },
    { "add-user", server_add_user, N_("Create or update a user's login role and teams") },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (ctx, argc - 1, argv + 1);
  if (argc >= 2 && !g_str_equal (argv[1], "--help") && !g_str_equal (argv[1], "-h"))
    fprintf (stderr, _("homeward-cli server: unknown command “%s”\n"), argv[1]);
  fprintf (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
             ? stdout : stderr,
           "%s\n", _("Usage: homeward-cli --db URI server COMMAND [OPTIONS…]"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stderr, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  return argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")) ? 0 : 2;
}
