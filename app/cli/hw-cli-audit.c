/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-store-audit.h"

#define EXIT_BROKEN 4

/* The audit trail is evidence: reading it must not write to the database, so it is opened
 * read-only, and a missing file is an error rather than a new, empty database. */
static HwStore *
open_store_readonly (HwCliContext *ctx, GError **error)
{
  g_autofree char *path = ctx->db_path ? g_strdup (ctx->db_path) : hw_store_dup_default_path ();
  HwStore *store = hw_store_open_readonly (path, error);

  if (store && !hw_store_is_private (store))
    fprintf (stderr, _("homeward-cli: warning: %s can be read or replaced by other users; "
                       "make it private with “chmod 600”\n"), path);
  return store;
}

/* One field of a tab-separated line: never empty, never a tab or a line break. */
static void
print_field (const char *value, gboolean last)
{
  if (value == NULL || *value == '\0')
    fputc ('-', stdout);
  else
    for (const char *p = value; *p; p++)
      fputc (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, stdout);
  fputc (last ? '\n' : '\t', stdout);
}

static int
show (HwStore *store, const char *journal_no)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) journals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *case_id = NULL;

  cases = hw_store_list (store, HW_ENTITY_CASE, &error);
  if (cases == NULL)
    return hw_cli_fail (error);
  for (guint i = 0; i < cases->len; i++)
    {
      HwCase *c = cases->pdata[i];

      g_hash_table_insert (journals, c->rec.id, c->journal_no);
      if (journal_no && g_strcmp0 (c->journal_no, journal_no) == 0)
        case_id = g_strdup (c->rec.id);
    }
  if (journal_no && case_id == NULL)
    {
      g_set_error (&error, HW_ERROR, HW_ERROR_NOT_FOUND, _("No case with journal number “%s”"),
                   journal_no);
      return hw_cli_fail (error);
    }

  entries = hw_store_audit_list (store, case_id, &error);
  if (entries == NULL)
    return hw_cli_fail (error);
  for (guint i = 0; i < entries->len; i++)
    {
      HwAuditEntry *e = entries->pdata[i];

      printf ("%" G_GINT64_FORMAT "\t", e->seq);
      print_field (e->at, FALSE);
      print_field (e->actor, FALSE);
      print_field (e->action, FALSE);
      print_field (e->entity, FALSE);
      print_field (e->record_id, FALSE);
      print_field (e->case_id ? g_hash_table_lookup (journals, e->case_id) : NULL, FALSE);
      print_field (e->detail, TRUE);
    }
  return 0;
}

static int
verify (HwStore *store)
{
  g_autoptr(GError) error = NULL;
  HwAuditReport report;

  gboolean outside = FALSE;

  if (!hw_store_audit_check (store, &report, &error) ||
      !hw_store_audit_check_outside (store, &report, &outside, &error))
    {
      if (report.kind == HW_AUDIT_INTACT || report.seq == 0)
        return hw_cli_fail (error);   /* could not be read: not a verdict */
      fprintf (stderr, "homeward-cli: %s\n", error->message);
      /* Pipe-friendly verdict: "broken", the entry, what happened to it, entries verified. */
      printf ("broken\t%" G_GINT64_FORMAT "\t%s\t%" G_GUINT64_FORMAT "\n", report.seq,
              hw_audit_break_to_string (report.kind), report.n_checked);
      return EXIT_BROKEN;
    }
  /* Said, not hidden: without the copy, a chain rewritten and rehashed inside the file
   * would look intact. */
  if (!outside)
    fprintf (stderr, "homeward-cli: %s\n",
             _("note: no copy of the audit trail's head was found outside the database, so a "
               "trail rewritten inside the file could not be told apart"));
  printf ("intact\t%" G_GUINT64_FORMAT "\n", report.n_checked);
  return 0;
}

int
hw_cli_audit (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("verify | show"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *journal_no = NULL;
  GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING, &journal_no,
      N_("show: only the entries of the case with this journal number"), "JOURNALNR" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("verify: recomputes the hash chain of the audit trail and "
                                  "compares its end with the recorded head, and with the copy "
                                  "of the head kept outside the database, beside the backups. "
                                  "Prints “intact” "
                                  "and the number of entries (exit status 0), or “broken”, "
                                  "the "
                                  "entry, and whether it was edited, removed (missing, "
                                  "truncated), reordered, added, unprotected or rewritten "
                                  "(exit status 4).\n\n"
                                  "show: one tab-separated line per entry: number, time (UTC), "
                                  "user, action, table, record, journal number, detail; "
                                  "“-” for none."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return hw_cli_usage_error ("audit", _("say “verify” or “show”"));
  if (!g_str_equal (argv[1], "verify") && !g_str_equal (argv[1], "show"))
    return hw_cli_usage_error ("audit", _("say “verify” or “show”"));
  if (journal_no && g_str_equal (argv[1], "verify"))
    return hw_cli_usage_error ("audit", _("--case goes with “show”"));

  store = open_store_readonly (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (g_str_equal (argv[1], "verify"))
    return verify (store);
  return show (store, journal_no);
}
