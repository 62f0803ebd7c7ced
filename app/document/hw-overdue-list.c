/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-overdue-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-overdue-list.h"
#include "hw-plan-document.h"
#include "hw-plan-findings.h"

typedef struct {
  HwDate         due;
  HwFindingState state;
  char          *journal_no;
  char          *initials;
  char          *caseworker_id;
  char          *rule_id;
  char          *what;
  char          *source;
} Row;

struct _HwOverdueList {
  HwDate     today;
  char      *team_id;
  char      *rule_id;
  char      *printed_by;
  gboolean   include_due_soon;
  HwLang     lang;
  GPtrArray *staff;
  GPtrArray *teams;
  GPtrArray *rows;
  GPtrArray *history;       /* missed periods (rules.md v2): not duties, not counted above */
  guint      n_overdue;
  guint      n_due_soon;
  guint      n_cases;      /* with at least one row */
  guint     *n_cases_out;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->journal_no);
  g_free (row->initials);
  g_free (row->caseworker_id);
  g_free (row->rule_id);
  g_free (row->what);
  g_free (row->source);
  g_free (row);
}

HwOverdueList *
hw_overdue_list_new (const HwOverdueListOptions *options, GPtrArray *staff, GPtrArray *teams)
{
  HwOverdueList *list;

  g_return_val_if_fail (options != NULL, NULL);

  list = g_new0 (HwOverdueList, 1);
  list->today = options->today ? options->today : hw_date_today ();
  list->team_id = g_strdup (options->team_id);
  list->rule_id = g_strdup (options->rule_id);
  list->include_due_soon = options->include_due_soon;
  list->n_cases_out = options->n_cases;
  list->lang = hw_lang_get ();
  list->staff = staff ? g_ptr_array_ref (staff) : g_ptr_array_new ();
  list->teams = teams ? g_ptr_array_ref (teams) : g_ptr_array_new ();
  list->rows = g_ptr_array_new_with_free_func (row_free);
  list->history = g_ptr_array_new_with_free_func (row_free);
  list->printed_by = g_strdup (options->printed_by);
  return list;
}

void
hw_overdue_list_free (HwOverdueList *list)
{
  if (list == NULL)
    return;
  g_free (list->team_id);
  g_free (list->rule_id);
  g_free (list->printed_by);
  g_ptr_array_unref (list->staff);
  g_ptr_array_unref (list->teams);
  g_ptr_array_unref (list->rows);
  g_ptr_array_unref (list->history);
  g_free (list);
}

void
hw_overdue_list_add_case (HwOverdueList *list, const HwDossier *dossier, GPtrArray *findings)
{
  const HwCase *c;
  g_autofree char *initials = NULL;
  guint n_rows;

  g_return_if_fail (list != NULL);
  g_return_if_fail (dossier != NULL && findings != NULL);

  c = hw_dossier_case (dossier);
  if (list->team_id && g_strcmp0 (c->team_id, list->team_id) != 0)
    return;
  initials = hw_plan_dup_initials (hw_dossier_child (dossier));
  n_rows = list->rows->len;
  for (guint i = 0; i < findings->len; i++)
    {
      const HwFinding *f = findings->pdata[i];
      HwFindingState state = hw_finding_get_state (f);
      const char *title = hw_rule_get_title (hw_finding_get_rule (f), list->lang);
      g_autofree char *subject = NULL;
      const char *klass;
      g_autofree char *source = NULL;
      Row *row;

      if (state == HW_FINDING_OK || (state == HW_FINDING_DUE_SOON && !list->include_due_soon))
        continue;
      if (list->rule_id && g_strcmp0 (hw_finding_get_rule_id (f), list->rule_id) != 0)
        continue;
      subject = hw_finding_dup_subject (f, list->lang);
      source = hw_finding_dup_source (f, list->lang);
      klass = hw_finding_get_class_label (f, list->lang);

      row = g_new0 (Row, 1);
      row->due = hw_finding_get_due (f);
      row->state = state;
      row->journal_no = g_strdup (c->journal_no);
      row->initials = g_strdup (initials);
      row->caseworker_id = g_strdup (c->caseworker_id);
      row->rule_id = g_strdup (hw_finding_get_rule_id (f));
      row->what = subject && *subject ? g_strdup_printf ("%s – %s", title, subject)
                                      : g_strdup (title);
      row->source = klass && *klass ? g_strdup_printf ("%s (%s)", source ? source : "", klass)
                                    : g_strdup (source);
      if (state == HW_FINDING_MISSED)
        {
          g_ptr_array_add (list->history, row);
          continue;
        }
      g_ptr_array_add (list->rows, row);
      if (state == HW_FINDING_OVERDUE)
        list->n_overdue++;
      else
        list->n_due_soon++;
    }
  if (list->rows->len > n_rows)
    list->n_cases++;
}

static const char *
staff_name (HwOverdueList *list, const char *id)
{
  for (guint i = 0; id && i < list->staff->len; i++)
    {
      const HwStaff *s = list->staff->pdata[i];

      if (g_strcmp0 (s->rec.id, id) == 0)
        return s->name;
    }
  return NULL;
}

static const char *
team_name (HwOverdueList *list)
{
  for (guint i = 0; list->team_id && i < list->teams->len; i++)
    {
      const HwTeam *t = list->teams->pdata[i];

      if (g_strcmp0 (t->rec.id, list->team_id) == 0)
        return t->name;
    }
  return NULL;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = *(const Row *const *) a;
  const Row *y = *(const Row *const *) b;
  int cmp;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  if ((cmp = g_strcmp0 (x->journal_no, y->journal_no)) != 0)
    return cmp;
  return g_strcmp0 (x->rule_id, y->rule_id);
}

typedef struct {
  const char *name;
  GHashTable *cases;
  guint       overdue;
  guint       due_soon;
} PerWorker;

static void
per_worker_free (gpointer data)
{
  PerWorker *w = data;

  g_hash_table_unref (w->cases);
  g_free (w);
}

static int
compare_workers (gconstpointer a, gconstpointer b)
{
  const PerWorker *x = *(const PerWorker *const *) a;
  const PerWorker *y = *(const PerWorker *const *) b;

  if (x->overdue != y->overdue)
    return x->overdue > y->overdue ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
add_summary (HwOverdueList *list, HwDocument *doc)
{
  static const double widths[] = { 46, 18, 18, 18 };
  const char *headers[] = { _("Caseworker"), _("Cases"), _("Overdue"), _("Due soon") };
  guint n_columns = list->include_due_soon ? 4 : 3;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func (per_worker_free);
  HwDocTable *t;

  for (guint i = 0; i < list->rows->len; i++)
    {
      const Row *row = list->rows->pdata[i];
      const char *key = row->caseworker_id ? row->caseworker_id : "";
      PerWorker *w = g_hash_table_lookup (by_id, key);

      if (w == NULL)
        {
          w = g_new0 (PerWorker, 1);
          w->name = staff_name (list, row->caseworker_id);
          if (w->name == NULL)
            w->name = _("No caseworker");
          w->cases = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (by_id, (gpointer) key, w);
          g_ptr_array_add (workers, w);
        }
      g_hash_table_add (w->cases, row->journal_no ? row->journal_no : (char *) "");
      if (row->state == HW_FINDING_OVERDUE)
        w->overdue++;
      else
        w->due_soon++;
    }
  g_ptr_array_sort (workers, compare_workers);

  hw_document_add_heading (doc, _("By caseworker"));
  t = hw_document_add_table (doc, HW_TABLE_GRID, n_columns, widths, headers);
  for (guint i = 0; i < workers->len; i++)
    {
      const PerWorker *w = workers->pdata[i];
      g_autofree char *cases = g_strdup_printf ("%u", g_hash_table_size (w->cases));
      g_autofree char *overdue = g_strdup_printf ("%u", w->overdue);
      g_autofree char *due_soon = g_strdup_printf ("%u", w->due_soon);

      hw_doc_table_add_row (t, (const char *[]) { w->name, cases, overdue, due_soon });
    }
}

/* The history part: completed periods that were not met (rules.md v2 "Missed periods").
 * Nothing here can be done any more, so none of it is counted as overdue above. */
static void
add_history (HwOverdueList *list, HwDocument *doc)
{
  static const double widths[] = { 11, 12, 8, 17, 31, 21 };
  const char *headers[] = { _("Period ended"), _("Case"), _("Child"), _("Caseworker"),
                            _("Duty"), _("Legal source") };
  g_autofree char *heading = NULL;
  HwDocTable *t;

  if (list->history->len == 0)
    return;
  g_ptr_array_sort (list->history, compare_rows);
  /* Translators: heading of the overdue list's history part, with how many rows it has */
  heading = g_strdup_printf (ngettext ("History: %u period not met",
                                       "History: %u periods not met", list->history->len),
                             list->history->len);
  hw_document_add_heading (doc, heading);
  hw_document_add_note (doc, _("Completed periods whose duty was not met. They cannot be "
                               "fulfilled any more and are not counted as overdue above."));
  t = hw_document_add_table (doc, HW_TABLE_GRID | HW_TABLE_SMALL, G_N_ELEMENTS (widths),
                             widths, headers);
  for (guint i = 0; i < list->history->len; i++)
    {
      const Row *row = list->history->pdata[i];
      const char *name = staff_name (list, row->caseworker_id);
      g_autofree char *due = hw_date_dup_display (row->due);

      hw_doc_table_add_row (t, (const char *[]) { due, row->journal_no ? row->journal_no : "",
                                                  row->initials ? row->initials : "",
                                                  name ? name : "—",
                                                  row->what ? row->what : "",
                                                  row->source ? row->source : "" });
    }
}

HwDocument *
hw_overdue_list_build (HwOverdueList *list)
{
  static const double widths[] = { 11, 9, 12, 8, 15, 26, 19 };
  const char *headers[] = { _("Due"), _("Days late"), _("Case"), _("Child"),
                            _("Caseworker"), _("Duty"), _("Legal source") };
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *today = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer_left = NULL;
  g_autofree char *footer_center = NULL;
  const char *team;
  const char *title;
  HwDocTable *t;

  g_return_val_if_fail (list != NULL, NULL);

  if (list->n_cases_out)
    *list->n_cases_out = list->n_cases;
  doc = hw_document_new ();
  team = team_name (list);
  today = hw_date_dup_display (list->today);
  title = list->include_due_soon ? _("Overdue and due-soon duties") : _("Overdue duties");
  hw_document_set_title (doc, title);
  hw_document_set_author (doc, list->printed_by);
  hw_document_set_header (doc,
                          hw_document_get_confidentiality_marking (),
                          team ? team : _("All teams"),
                          _("For internal use in the child welfare service"));
  /* Translators: footer: "Skrevet ut 23.11.2026 av Kari Nordmann" */
  footer_left = g_strdup_printf (_("Printed %s by %s"), today,
                                 list->printed_by ? list->printed_by : "—");
  /* Translators: footer of the team's overdue list: how many duties it holds */
  footer_center = g_strdup_printf (ngettext ("%u overdue duty", "%u overdue duties",
                                             list->n_overdue), list->n_overdue);
  hw_document_set_footer (doc, footer_left, footer_center);

  if (list->include_due_soon)
    /* Translators: under the title: "Team Nord · as of 23.11.2026 · 12 overdue, 4 due soon" */
    subtitle = g_strdup_printf (_("%s · as of %s · %u overdue, %u due soon"),
                                team ? team : _("All teams"), today, list->n_overdue,
                                list->n_due_soon);
  else
    subtitle = g_strdup_printf (_("%s · as of %s · %u overdue"), team ? team : _("All teams"),
                                today, list->n_overdue);
  hw_document_add_title (doc, title, subtitle);

  if (list->rows->len == 0)
    {
      hw_document_add_text (doc, list->include_due_soon ? _("Nothing is overdue or due soon.")
                                                        : _("Nothing is overdue."));
      add_history (list, doc);
      return g_steal_pointer (&doc);
    }

  add_summary (list, doc);
  g_ptr_array_sort (list->rows, compare_rows);
  hw_document_add_heading (doc, _("Duties, the most overdue first"));
  t = hw_document_add_table (doc, HW_TABLE_GRID | HW_TABLE_SMALL, G_N_ELEMENTS (widths),
                             widths, headers);
  for (guint i = 0; i < list->rows->len; i++)
    {
      const Row *row = list->rows->pdata[i];
      g_autofree char *due = hw_date_dup_display (row->due);
      g_autofree char *late = NULL;
      g_autofree char *due_m = g_markup_escape_text (due, -1);
      g_autofree char *journal = g_markup_escape_text (row->journal_no ? row->journal_no : "", -1);
      g_autofree char *initials = g_markup_escape_text (row->initials ? row->initials : "", -1);
      g_autofree char *worker = g_markup_escape_text (staff_name (list, row->caseworker_id)
                                                        ? staff_name (list, row->caseworker_id)
                                                        : "—", -1);
      g_autofree char *what = g_markup_escape_text (row->what ? row->what : "", -1);
      g_autofree char *source = g_markup_escape_text (row->source ? row->source : "", -1);

      if (row->state == HW_FINDING_OVERDUE)
        late = g_strdup_printf ("<b>%d</b>", (int) (list->today - row->due));
      else
        late = g_markup_escape_text (_("due soon"), -1);
      hw_doc_table_add_row_markup (t, (const char *[]) { due_m, late, journal, initials, worker,
                                                         what, source });
    }
  add_history (list, doc);
  return g_steal_pointer (&doc);
}
