/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "hw-lang.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* What every verb gets: the global options, already taken out of argv. */
typedef struct {
  const char *db_path;   /* --db FILE, or NULL for the default */
  const char *user;      /* --user NAME for the audit log, or $USER */
} HwCliContext;

typedef int (*HwCliVerbFunc) (HwCliContext *ctx, int argc, char **argv);

/* Opens (creating if needed) the database the context names. */
/* The database named by --db (or the default), which must exist: a missing one is refused,
 * never created. */
HwStore *hw_cli_open_store   (HwCliContext *ctx, GError **error);
/* The same, creating it when missing: only demo and import (restore has its own path). */
HwStore *hw_cli_create_store (HwCliContext *ctx, GError **error);
/* Parses a verb's options with --help; on a usage error prints it and returns FALSE. */
gboolean hw_cli_parse        (GOptionContext *context, int *argc, char ***argv);
/* Prints "homeward-cli: MESSAGE" on stderr and returns the exit status for a failure. */
int      hw_cli_fail         (const GError *error);
int      hw_cli_usage_error  (const char *verb, const char *message);
/* --lang nb|nn|en: made the language of every text of the run (hw_lang_set: the catalogue's
 * and gettext's alike, printouts included). Without it, bokmål for the catalogue's texts, as
 * reports have always been, and the locale's for the rest. FALSE with @error when unknown. */
gboolean hw_cli_parse_lang   (const char *text, HwLang *lang, GError **error);
/* --today YYYY-MM-DD or today; FALSE with @error for a malformed date. */
gboolean hw_cli_parse_today  (const char *text, HwDate *today, GError **error);

/* One cell of a tab-separated row: control characters (tab, line break…) become spaces;
 * a tab after it, or a line break when @last. */
void     hw_cli_tsv_cell       (FILE *out, const char *value, gboolean last);
/* The audit entry for personal data leaving the program in bulk: @what ("export homeward",
 * "list --search"…), how many cases, and where to (@path, or NULL for standard output). */
gboolean hw_cli_log_disclosure (HwStore *store, const char *what, guint n_cases,
                                const char *path, GError **error);

/* --staff and --team (a name, a user name or an id) resolved to ids: one match, or an
 * error naming the option and what matched (issue 19). */
typedef struct {
  char *caseworker_id;
  char *team_id;
} HwCliWorklist;

gboolean hw_cli_worklist_resolve (HwStore *store, const char *staff, const char *team,
                                  HwCliWorklist *worklist, GError **error);
void     hw_cli_worklist_clear   (HwCliWorklist *worklist);
/* --state: a comma-separated list of overdue, due-soon, missed, ok as a bit per
 * HwFindingState; 0 when @text is NULL. */
gboolean hw_cli_parse_states     (const char *text, guint *states, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HwCliWorklist, hw_cli_worklist_clear)

int hw_cli_demo     (HwCliContext *ctx, int argc, char **argv);
int hw_cli_list     (HwCliContext *ctx, int argc, char **argv);
int hw_cli_check    (HwCliContext *ctx, int argc, char **argv);
int hw_cli_import   (HwCliContext *ctx, int argc, char **argv);
int hw_cli_export   (HwCliContext *ctx, int argc, char **argv);
int hw_cli_plan     (HwCliContext *ctx, int argc, char **argv);
int hw_cli_audit    (HwCliContext *ctx, int argc, char **argv);
int hw_cli_backup   (HwCliContext *ctx, int argc, char **argv);
int hw_cli_restore  (HwCliContext *ctx, int argc, char **argv);
int hw_cli_settings (HwCliContext *ctx, int argc, char **argv);
int hw_cli_calendar (HwCliContext *ctx, int argc, char **argv);
int hw_cli_indicators (HwCliContext *ctx, int argc, char **argv);
int hw_cli_server   (HwCliContext *ctx, int argc, char **argv);

G_END_DECLS
