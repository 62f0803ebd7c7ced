/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"

int
hw_cli_list (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *search = NULL;
  g_autofree char *today_text = NULL;
  HwDate today;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only cases matching name, journal or identity number"), "TEXT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Show placements as of this date"), "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Lists the cases, one tab-separated line each: journal "
                                           "number, child, birth date, kontaktperson, current "
                                           "placement category and since when."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("list", _("unexpected argument"));
  if (!hw_cli_parse_today (today_text, &today, &error))
    return hw_cli_fail (error);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  rows = search ? hw_store_search_case_rows (store, search, today, 0, &error)
                : hw_store_list_case_rows (store, today, &error);
  if (rows == NULL)
    return hw_cli_fail (error);
  /* A search finds a person among the clients: recorded before anything is shown. */
  if (search && !hw_cli_log_disclosure (store, "list --search", rows->len, NULL, &error))
    return hw_cli_fail (error);

  for (guint i = 0; i < rows->len; i++)
    {
      HwCaseRow *row = rows->pdata[i];
      g_autofree char *birth = hw_date_dup_display (row->birth_date);
      g_autofree char *since = hw_date_dup_display (row->placed_since);

      hw_cli_tsv_cell (stdout, row->journal_no, FALSE);
      hw_cli_tsv_cell (stdout, row->child_name, FALSE);
      hw_cli_tsv_cell (stdout, birth, FALSE);
      hw_cli_tsv_cell (stdout, row->caseworker_name, FALSE);
      hw_cli_tsv_cell (stdout, row->category ? row->category : "-", FALSE);
      hw_cli_tsv_cell (stdout, since, !row->closed);
      if (row->closed)
        /* Translators: the last column of `homeward-cli list` for a closed case */
        hw_cli_tsv_cell (stdout, _("closed"), TRUE);
    }
  return 0;
}
