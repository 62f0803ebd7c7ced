/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"
#include "hw-homeward-xml.h"
#include "hw-ssb-export.h"

typedef struct {
  guint warnings;
  guint findings;
  guint errors, other_warnings, infos;   /* the findings by SSB's severity */
} ExportUi;

/* The pre-flight's findings, as the import prints them. */
static void
on_finding (const HwImportWarning *w, gpointer user_data)
{
  ExportUi *ui = user_data;

  ui->findings++;
  if (g_strcmp0 (w->severity, "ERROR") == 0)
    ui->errors++;
  else if (g_strcmp0 (w->severity, "INFO") == 0)
    ui->infos++;
  else
    ui->other_warnings++;
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
on_warning (const char *case_ref, const char *message, gpointer user_data)
{
  ExportUi *ui = user_data;

  ui->warnings++;
  /* Translators: "homeward-cli: warning: case 2024-00017: MESSAGE" */
  fprintf (stderr, _("homeward-cli: warning: case %s: %s\n"), case_ref ? case_ref : "?",
           message);
}

int
hw_cli_export (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *format = NULL, *output = NULL;
  g_autofree char *org = NULL, *municipality = NULL, *name = NULL;
  g_autofree char *district = NULL, *district_name = NULL;
  HwSsbExportOptions options = { 0 };
  ExportUi ui = { 0 };
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("barnevern-v4 (SSB, one file per case) or homeward (everything, one file)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder (barnevern-v4) or file (homeward) to write"), "PATH" },
    { "org-number", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("Barnevern v4: the service's organisation number (default: from the last import)"),
      "NUMBER" },
    { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality,
      N_("Barnevern v4: the municipality number (default: the case's)"), "NNNN" },
    { "municipality-name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("Barnevern v4: the municipality's name (default: from the last import)"), "NAME" },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("Barnevern v4: the district number (Oslo, Bergen, Trondheim)"), "NN" },
    { "district-name", 0, 0, G_OPTION_ARG_STRING, &district_name,
      N_("Barnevern v4: the district's name"), "NAME" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Exports the database as SSB Barnevern v4 (one file per case, "
                                  "what the format carries) or as Homeward XML (everything, in "
                                  "one file)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("export", _("unexpected argument"));
  if (format == NULL || output == NULL)
    return hw_cli_usage_error ("export", _("--format and -o are required"));
  if (!g_str_equal (format, "barnevern-v4") && !g_str_equal (format, "homeward"))
    return hw_cli_usage_error ("export", _("--format must be barnevern-v4 or homeward"));

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);

  if (g_str_equal (format, "homeward"))
    {
      guint n = hw_store_count (store, HW_ENTITY_CASE, NULL);

      if (!hw_homeward_export (store, output, NULL, &error) ||
          !hw_cli_log_disclosure (store, "export homeward", n, output, &error))
        return hw_cli_fail (error);
      printf (ngettext ("Wrote %u case, with everything else in the database, to %s\n",
                        "Wrote %u cases, with everything else in the database, to %s\n", n),
              n, output);
      return 0;
    }

  {
    guint n_files = 0;

    options.org_number = org;
    options.municipality = municipality;
    options.municipality_name = name;
    options.district = district;
    options.district_name = district_name;
    options.warning = on_warning;
    options.finding = on_finding;
    options.user_data = &ui;
    if (!hw_ssb_export_dir (store, output, &options, &n_files, &error) ||
        !hw_cli_log_disclosure (store, "export barnevern-v4", n_files, output, &error))
      return hw_cli_fail (error);
    printf (ngettext ("Wrote %u Barnevern v4 file to %s", "Wrote %u Barnevern v4 files to %s",
                      n_files), n_files, output);
    printf (ngettext (" (%u warning)\n", " (%u warnings)\n", ui.warnings), ui.warnings);
    /* What an import of these files will report: the same count, by SSB's severity. */
    printf (ngettext ("Checked as an import reads them: %u warning",
                      "Checked as an import reads them: %u warnings", ui.findings),
            ui.findings);
    printf (_(" (SSB: %u ERROR, %u WARNING, %u INFO)\n"), ui.errors, ui.other_warnings,
            ui.infos);
  }
  return 0;
}
