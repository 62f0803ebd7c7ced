/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "hw-plan-document.h"
#include "hw-print-dialogs.h"
#include "hw-print-dialogs-private.h"
#include "hw-print-operation.h"
#include "hw-window.h"

/* journal number → "kind\tperson id": the last copy printed for each case, this session. */
static GHashTable *last_choice;
static char *export_for_tests;

typedef struct {
  HwCaseload *caseload;
  char      *journal_no;
  HwDate     today;
  GPtrArray *recipients;    /* HwPlanRecipient */
  GtkDropDown *choice;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->caseload);
  g_free (ask->journal_no);
  g_clear_pointer (&ask->recipients, g_ptr_array_unref);
  g_free (ask);
}

static void
ask_destroy (gpointer data, GClosure *closure)
{
  ask_free (data);
}

void
hw_print_plan_set_export_for_tests (const char *pdf_path)
{
  g_free (export_for_tests);
  export_for_tests = g_strdup (pdf_path);
}

/* The recipient the dialog offers first for @journal_no: the last one printed for, or
 * internal use. @person_id is set for a parent's copy (free it). */
static void
hw_print_plan_get_last_recipient (const char *journal_no, int *kind, char **person_id)
{
  const char *value = last_choice && journal_no ? g_hash_table_lookup (last_choice, journal_no)
                                                : NULL;
  g_auto(GStrv) parts = value ? g_strsplit (value, "\t", 2) : NULL;

  *kind = parts ? atoi (parts[0]) : HW_RECIPIENT_INTERNAL;
  *person_id = parts && parts[1] && *parts[1] ? g_strdup (parts[1]) : NULL;
}

static char *
recipient_label (const HwPlanRecipient *r)
{
  switch (r->kind)
    {
    case HW_RECIPIENT_PARENT:
      /* Translators: a choice of recipient: a parent's name */
      return g_strdup_printf (_("%s (parent)"), r->name);
    case HW_RECIPIENT_FOSTER_PARENTS:
      return g_strdup (_("The foster parents"));
    case HW_RECIPIENT_TRIBUNAL:
      return g_strdup (_("The county tribunal"));
    case HW_RECIPIENT_CHILD:
      /* Translators: a choice of recipient: the child's name */
      return g_strdup_printf (_("%s (the child)"), r->name);
    case HW_RECIPIENT_INTERNAL:
    case HW_N_RECIPIENTS:
    default:
      return g_strdup (_("Internal use"));
    }
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(HwPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  const HwPlanRecipient *r;
  guint i = gtk_drop_down_get_selected (ask->choice);

  if (g_strcmp0 (response, "print") != 0 || i >= ask->recipients->len)
    return;
  r = ask->recipients->pdata[i];
  if (last_choice == NULL)
    last_choice = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (last_choice, g_strdup (ask->journal_no),
                       g_strdup_printf ("%d\t%s", r->kind, r->person_id ? r->person_id : ""));

  /* Translators: a file name for the printed plan; %s is the journal number */
  job = g_strdup_printf (_("Follow-up plan %s"), ask->journal_no);
  operation = hw_print_operation_new_for_plan (ask->caseload, ask->journal_no, ask->today, job);
  hw_print_operation_set_recipient (operation, r->kind, r->person_id);
  if (export_for_tests)
    {
      gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation),
                                               export_for_tests);
    }
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               export_for_tests ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR && parent)
    hw_window_toast_error_from (GTK_WIDGET (parent), error);
}

void
hw_print_plan_ask_recipient (GtkWindow *parent, HwCaseload *caseload, const char *journal_no,
                             HwDate today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) dossier = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last_person = NULL;
  GtkWidget *dialog;
  Ask *ask;
  int last_kind;
  guint selected = 0;

  g_return_if_fail (HW_IS_CASELOAD (caseload));
  g_return_if_fail (journal_no != NULL);

  dossier = hw_store_load_case_by_journal (hw_caseload_get_store (caseload), journal_no, &error);
  if (dossier == NULL)
    {
      if (parent)
        hw_window_toast_error_from (GTK_WIDGET (parent), error);
      return;
    }
  ask = g_new0 (Ask, 1);
  ask->caseload = g_object_ref (caseload);
  ask->journal_no = g_strdup (journal_no);
  ask->today = today;
  ask->recipients = hw_plan_list_recipients (dossier);
  hw_print_plan_get_last_recipient (journal_no, &last_kind, &last_person);
  for (guint i = 0; i < ask->recipients->len; i++)
    {
      const HwPlanRecipient *r = ask->recipients->pdata[i];

      g_ptr_array_add (labels, recipient_label (r));
      if ((int) r->kind == last_kind && g_strcmp0 (r->person_id, last_person) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  dialog = adw_message_dialog_new (parent, _("Print the Follow-up Plan"),
                                   _("Whom is this copy for? It shows only what they may "
                                     "see: where the child lives stays out of every copy but "
                                     "the service’s own when the address is protected."));
  ask->choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) labels->pdata));
  gtk_drop_down_set_selected (ask->choice, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recipient"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (ask->choice));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), ask,
                         ask_destroy, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
