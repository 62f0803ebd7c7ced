/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-print-operation"

#include "config.h"

#include "hw-print-operation.h"

struct _HwPrintOperation
{
  GtkPrintOperation parent_instance;

  HwDocument *document;
};

G_DEFINE_FINAL_TYPE (HwPrintOperation, hw_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
hw_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, hw_document_get_n_pages (self->document));
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
  G_OBJECT_CLASS (hw_print_operation_parent_class)->finalize (object);
}

static void
hw_print_operation_class_init (HwPrintOperationClass *klass)
{
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hw_print_operation_finalize;
  print_class->begin_print = hw_print_operation_begin_print;
  print_class->draw_page = hw_print_operation_draw_page;
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
