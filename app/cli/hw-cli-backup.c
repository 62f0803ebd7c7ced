/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-store-audit.h"
#include "hw-store-backup.h"

static char *
dup_db_path (HwCliContext *ctx)
{
  return ctx->db_path ? g_strdup (ctx->db_path) : hw_store_dup_default_path ();
}

/* A backup written where the user chose holds every child's file: the trail records who took
 * it, how many cases and where to, or the copy is removed and the command fails. */
static gboolean
log_backup_disclosure (HwCliContext *ctx, const char *db_path, const char *output,
                       GError **error)
{
  g_autoptr(HwStore) copy = hw_store_open_readonly (output, error);
  g_autoptr(HwStore) store = NULL;
  g_autofree char *where = g_canonicalize_filename (output, NULL);
  guint n_cases;

  if (copy == NULL)
    return FALSE;
  n_cases = hw_store_count (copy, HW_ENTITY_CASE, NULL);
  g_clear_object (&copy);
  store = hw_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  hw_store_set_actor (store, ctx->user);
  return hw_store_log_disclosure (store, "backup", n_cases, where, error);
}

int
hw_cli_backup (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = dup_db_path (ctx);
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  HwBackupInfo info = { 0 };
  gboolean ok;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to FILE (default: today’s backup in the backups folder beside the "
         "database)"), "FILE" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Writes a consistent copy of the database while it may be in "
                                  "use, readable by you only, and checks it before it is kept. "
                                  "Without -o, this is the automatic daily backup, taken now; "
                                  "older automatic backups are thinned to the last 7 days and 4 "
                                  "weeks."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("backup", _("unexpected argument"));

  if (output)
    {
      if (g_file_test (output, G_FILE_TEST_EXISTS) && !force)
        {
          g_set_error (&error, HW_ERROR, HW_ERROR_CONFLICT,
                       _("%s exists; use --force to replace it"), output);
          return hw_cli_fail (error);
        }
      ok = hw_store_backup_file (db_path, output, &info, &error);
      if (ok && !log_backup_disclosure (ctx, db_path, output, &error))
        {
          g_unlink (output);
          hw_backup_info_clear (&info);
          ok = FALSE;
        }
    }
  else
    ok = hw_store_backup_auto (db_path, NULL, TRUE, &info, &error);
  if (!ok)
    return hw_cli_fail (error);

  /* Translators: the file written and how many audit entries it holds */
  printf (g_dngettext (GETTEXT_PACKAGE, "Backup written to %s (%llu audit entry).\n",
                       "Backup written to %s (%llu audit entries).\n",
                       info.audit_entries),
          info.path, (unsigned long long) info.audit_entries);
  if (!info.audit_intact)
    fprintf (stderr, "homeward-cli: %s\n",
             _("warning: the database’s audit trail is broken (see “homeward-cli audit "
               "verify”); the backup keeps it as it is and cannot be restored"));
  hw_backup_info_clear (&info);
  return 0;
}

int
hw_cli_restore (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = dup_db_path (ctx);
  gboolean check_only = FALSE;
  HwBackupInfo info = { 0 };
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check_only,
      N_("Only check FILE; change nothing"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Replaces the database with the backup FILE, but only after "
                                  "FILE passed every check: SQLite’s integrity check, "
                                  "Homeward’s "
                                  "own schema, every reference resolving, and an intact audit "
                                  "trail. A damaged or foreign file is refused and nothing is "
                                  "changed. The database it replaces is kept in the backups "
                                  "folder, and the restore is recorded in the audit trail."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return hw_cli_usage_error ("restore", _("name one backup FILE"));

  if (check_only)
    {
      if (!hw_store_backup_check_for (db_path, argv[1], &info, &error))
        return hw_cli_fail (error);
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%s passed every check (%llu audit entry).\n",
                           "%s passed every check (%llu audit entries).\n",
                           info.audit_entries),
              argv[1], (unsigned long long) info.audit_entries);
      hw_backup_info_clear (&info);
      return 0;
    }

  if (!hw_store_restore (db_path, argv[1], ctx->user, &info, &error))
    {
      g_prefix_error (&error, "%s", _("Not restored, nothing was changed: "));
      return hw_cli_fail (error);
    }
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Restored %s (%llu audit entry verified).\n",
                       "Restored %s (%llu audit entries verified).\n",
                       info.audit_entries),
          argv[1], (unsigned long long) info.audit_entries);
  if (info.path)
    printf (_("The database it replaced is kept as %s.\n"), info.path);
  hw_backup_info_clear (&info);
  return 0;
}
