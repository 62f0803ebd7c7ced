/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-import.h"
#include "hw-plan-template.h"
#include "hw-service-plan.h"

/* Files this large get a progress line on stderr. */
#define PROGRESS_MIN_BYTES (4 * 1024 * 1024)

typedef struct {
  gboolean quiet;
  gboolean tty;
  gboolean progress_shown;
  int      last_step;       /* the last tenth printed when stderr is not a terminal */
} ImportUi;

static void
on_warning (const HwImportWarning *w, gpointer user_data)
{
  ImportUi *ui = user_data;

  if (ui->quiet)
    return;
  if (ui->progress_shown && ui->tty)
    fputc ('\n', stderr);
  ui->progress_shown = FALSE;
  /* Translators: "FILE:LINE: warning: MESSAGE [SSB CONTROL, SEVERITY]" */
  if (w->control && w->severity)
    fprintf (stderr, _("%s:%d: warning: %s [%s, %s]\n"), w->file, w->line, w->message,
             w->control, w->severity);
  else if (w->control)
    fprintf (stderr, _("%s:%d: warning: %s [%s]\n"), w->file, w->line, w->message, w->control);
  else
    fprintf (stderr, _("%s:%d: warning: %s\n"), w->file, w->line, w->message);
}

static void
on_progress (const char *file, guint index, guint n_files, guint64 done, guint64 total,
             guint cases, gpointer user_data)
{
  ImportUi *ui = user_data;
  int percent;

  /* Many small files: count files instead. */
  if (total < PROGRESS_MIN_BYTES && n_files >= 100)
    {
      if (done < total || total == 0)
        return;
      percent = (int) ((index + 1) * 100 / n_files);
      if (ui->tty)
        {
          fputc ('\r', stderr);
          fprintf (stderr, _("Importing file %u of %u"), index + 1, n_files);
          ui->progress_shown = index + 1 < n_files;
          if (index + 1 == n_files)
            fputc ('\n', stderr);
        }
      else if (percent / 10 != ui->last_step)
        {
          ui->last_step = percent / 10;
          fprintf (stderr, _("Importing file %u of %u\n"), index + 1, n_files);
        }
      fflush (stderr);
      return;
    }
  if (total < PROGRESS_MIN_BYTES)
    return;
  percent = (int) MIN (100, done * 100 / total);
  if (ui->tty)
    {
      fputc ('\r', stderr);
      fprintf (stderr, ngettext ("Importing %s (%u of %u): %d%%, %u case",
                                 "Importing %s (%u of %u): %d%%, %u cases", cases),
               file, index + 1, n_files, percent, cases);
      ui->progress_shown = TRUE;
      if (done >= total)
        {
          fputc ('\n', stderr);
          ui->progress_shown = FALSE;
        }
    }
  else if (percent / 10 != ui->last_step || done >= total)
    {
      ui->last_step = percent / 10;
      fprintf (stderr, ngettext ("Importing %s (%u of %u): %d%%, %u case\n",
                                 "Importing %s (%u of %u): %d%%, %u cases\n", cases),
               file, index + 1, n_files, percent, cases);
    }
  fflush (stderr);
}

/* The settings app/document owns: an imported plan template must be one. */
static gboolean
check_document_setting (const char *key, const char *value, GError **error)
{
  g_autoptr(HwPlanTemplate) template = NULL;

  if (strcmp (key, HW_PLAN_TEMPLATE_SETTING) != 0 || *value == '\0')
    return TRUE;   /* empty: the shipped template */
  template = hw_plan_template_new_from_data (value, -1, error);
  return template != NULL && hw_plan_template_validate (template, error);
}

static void
print_summary (const HwImportSummary *s, gboolean dry_run)
{
  g_autofree char *size = g_format_size (s->bytes);

  if (dry_run)
    printf (ngettext ("Checked %u file (%s); nothing was written.\n",
                      "Checked %u files (%s); nothing was written.\n", s->files), s->files, size);
  else
    printf (ngettext ("Imported %u file (%s).\n", "Imported %u files (%s).\n", s->files),
            s->files, size);
  printf (ngettext ("%u case new, ", "%u cases new, ", s->cases_new), s->cases_new);
  printf (ngettext ("%u updated, ", "%u updated, ", s->cases_updated), s->cases_updated);
  printf (ngettext ("%u deleted\n", "%u deleted\n", s->cases_deleted), s->cases_deleted);
  if (s->homes || s->teams || s->staff || s->settings)
    {
      printf (ngettext ("%u foster home, ", "%u foster homes, ", s->homes), s->homes);
      printf (ngettext ("%u team, ", "%u teams, ", s->teams), s->teams);
      printf (ngettext ("%u staff member, ", "%u staff members, ", s->staff), s->staff);
      printf (ngettext ("%u setting\n", "%u settings\n", s->settings), s->settings);
    }
  printf (ngettext ("%u record written, ", "%u records written, ", s->records), s->records);
  printf (ngettext ("%u deleted\n", "%u deleted\n", s->records_deleted), s->records_deleted);
  printf (ngettext ("%u warning\n", "%u warnings\n", s->warnings), s->warnings);
  if (s->not_imported)
    printf (ngettext ("%u Barnevern element Homeward does not keep (Melding, Undersokelse, Krav, "
                      "Tiltaksgrunnlag) was skipped\n",
                      "%u Barnevern elements Homeward does not keep (Melding, Undersokelse, "
                      "Krav, Tiltaksgrunnlag) were skipped\n", s->not_imported),
            s->not_imported);
}

int
hw_cli_import (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|FOLDER…"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  gboolean dry_run = FALSE, quiet = FALSE;
  HwImportOptions options = { 0 };
  HwImportSummary summary;
  ImportUi ui = { 0 };
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the files, write nothing"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not list the data-quality warnings (the summary counts them)"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Imports SSB Barnevern v4 files and Homeward XML files, or the "
                                  "*.xml files of folders. The format is recognised by the root "
                                  "element. All or nothing: on any error nothing is written, and "
                                  "every error is listed as FILE:LINE: reason. Records already in "
                                  "the database (the same UUID) are updated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    return hw_cli_usage_error ("import", _("name at least one file or folder"));

  store = hw_cli_create_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);

  ui.quiet = quiet;
  ui.tty = isatty (fileno (stderr));
  ui.last_step = -1;
  options.dry_run = dry_run;
  options.warning = on_warning;
  options.progress = on_progress;
  options.user_data = &ui;
  options.check_setting = check_document_setting;

  if (!hw_import_paths (store, (const char *const *) argv + 1, &options, &summary, &error))
    {
      g_auto(GStrv) lines = NULL;

      if (ui.progress_shown && ui.tty)
        fputc ('\n', stderr);
      if (error->domain == HW_ERROR && error->code == HW_ERROR_BUSY)
        return hw_cli_fail (error);
      lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        fprintf (stderr, "homeward-cli: %s\n", lines[i]);
      fprintf (stderr, "homeward-cli: %s\n", _("nothing was imported"));
      return 1;
    }
  /* The imported placements and returns home bring their plan activities. */
  if (!dry_run && !hw_service_follow_template_all (store, hw_date_today (), NULL, &error))
    fprintf (stderr, _("homeward-cli: warning: plan activities: %s\n"), error->message);
  print_summary (&summary, dry_run);
  return 0;
}
