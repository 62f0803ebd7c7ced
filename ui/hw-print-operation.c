/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-print-operation.h"
#include "hw-service-print.h"

struct _HwPrintOperation
{
  GtkPrintOperation parent_instance;

  HwDocument *document;

  /* A plan is built in begin-print, for the recipient chosen in the dialog. */
  HwCaseload  *caseload;
  HwStore     *store;
  char        *journal_no;
  HwDate       today;
  HwRecipient  recipient;
  char        *person_id;      /* the parent, for a parent's copy */
  gboolean     recipient_chosen; /* chosen before GTK's dialog: no "Recipient" tab */
  GtkDropDown *recipient_choice;
  GPtrArray   *recipients;     /* HwPlanRecipient: the copies the choice offers */
};

G_DEFINE_FINAL_TYPE (HwPrintOperation, hw_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
hw_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);

  if (self->journal_no)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) rules_error = NULL;
      /* NULL: printed without the rules, and the plan says so. */
      HwService *service = hw_caseload_get_service (self->caseload, &rules_error);
      HwDocument *plan = hw_service_print_plan (self->store, service, self->journal_no,
                                                self->today, self->recipient, self->person_id,
                                                NULL, &error);

      if (plan == NULL)
        {
          g_warning ("Could not build the plan: %s", error->message);
          gtk_print_operation_cancel (operation);
          return;
        }
      g_set_object (&self->document, plan);
      g_object_unref (plan);
    }
  gtk_print_operation_set_n_pages (operation, hw_document_get_n_pages (self->document));
}

static GtkWidget *
hw_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Who is the printout for? What that recipient may not "
                                      "see, a protected address above all, is left out."));
  g_autoptr(HwDossier) dossier = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint selected = 0;

  if (self->journal_no == NULL || self->recipient_chosen)
    return NULL;
  dossier = hw_store_load_case_by_journal (self->store, self->journal_no, NULL);
  if (dossier == NULL)
    return NULL;
  /* One entry per copy: internal, each parent by name, the foster parents, the tribunal,
   * the child. */
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  self->recipients = hw_plan_list_recipients (dossier);
  for (guint i = 0; i < self->recipients->len; i++)
    {
      const HwPlanRecipient *r = self->recipients->pdata[i];

      g_ptr_array_add (labels, r->name);
      if (r->kind == self->recipient && g_strcmp0 (r->person_id, self->person_id) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->recipient_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) labels->pdata));
  gtk_drop_down_set_selected (self->recipient_choice, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->recipient_choice),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recipient"), -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->recipient_choice));
  gtk_print_operation_set_custom_tab_label (operation, _("Recipient"));
  return box;
}

static void
hw_print_operation_custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);

  if (self->recipient_choice && self->recipients)
    {
      guint i = gtk_drop_down_get_selected (self->recipient_choice);

      if (i < self->recipients->len)
        {
          const HwPlanRecipient *r = self->recipients->pdata[i];

          hw_print_operation_set_recipient (self, r->kind, r->person_id);
        }
    }
}

static void
hw_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);

  /* The document is laid out in points for A4; a different paper is scaled to fit. */
  hw_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page,
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
hw_print_operation_finalize (GObject *object)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (object);

  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_object (&self->caseload);
  g_clear_pointer (&self->journal_no, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_print_operation_parent_class)->finalize (object);
}

static void
hw_print_operation_class_init (HwPrintOperationClass *klass)
{
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hw_print_operation_finalize;
  print_class->begin_print = hw_print_operation_begin_print;
  print_class->draw_page = hw_print_operation_draw_page;
  print_class->create_custom_widget = hw_print_operation_create_custom_widget;
  print_class->custom_widget_apply = hw_print_operation_custom_widget_apply;
}

static void
hw_print_operation_init (HwPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  /* The document draws its own margins, header and footer. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

HwPrintOperation *
hw_print_operation_new (HwDocument *document, const char *job_name)
{
  HwPrintOperation *self = g_object_new (HW_TYPE_PRINT_OPERATION, NULL);

  self->document = document;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), job_name);
  return self;
}

HwPrintOperation *
hw_print_operation_new_for_plan (HwCaseload *caseload,
                                 const char *journal_no,
                                 HwDate      today,
                                 const char *job_name)
{
  HwPrintOperation *self = hw_print_operation_new (NULL, job_name);

  self->caseload = g_object_ref (caseload);
  self->store = g_object_ref (hw_caseload_get_store (caseload));
  self->journal_no = g_strdup (journal_no);
  self->today = today;
  self->recipient = HW_RECIPIENT_INTERNAL;
  return self;
}

void
hw_print_operation_set_recipient (HwPrintOperation *self, HwRecipient recipient,
                                  const char *person_id)
{
  g_return_if_fail (HW_IS_PRINT_OPERATION (self));
  self->recipient = recipient;
  self->recipient_chosen = TRUE;
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
}
