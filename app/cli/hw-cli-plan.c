/* SPDX-License-Identifier: GPL-3.0-or-later */
/* homeward-cli plan JOURNALNR -o plan.pdf [--today YYYY-MM-DD] [--recipient KIND [--person ID]]
 * homeward-cli plan JOURNALNR --list-recipients */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-service-print.h"

int
hw_cli_plan (HwCliContext *ctx, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *recipient_text = NULL;
  g_autofree char *person_id = NULL;
  g_autofree char *lang_text = NULL;
  HwLang lang;
  gboolean list_recipients = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  HwRecipient recipient = HW_RECIPIENT_INTERNAL;
  HwDate today;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Print as on this date (statuses, calendar, printed date)"), N_("YYYY-MM-DD") },
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &recipient_text,
      N_("Whom the printout is for: internal (default), parent, foster-parents, tribunal or "
         "child"),
      N_("KIND") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_id,
      N_("With --recipient parent: the parent’s person id (see --list-recipients)"), N_("ID") },
    { "list-recipients", 0, 0, G_OPTION_ARG_NONE, &list_recipients,
      N_("List whom the plan can be printed for, as TSV: recipient, person_id, name"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("Language of the plan: nb, nn or en (default: the locale’s)"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("JOURNALNR — write a child’s follow-up plan as PDF"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    return hw_cli_usage_error ("plan", _("give one journal number"));
  /* The whole plan in one language: its words, the rules' texts and the template's. */
  if (lang_text && !hw_cli_parse_lang (lang_text, &lang, &error))
    return hw_cli_usage_error ("plan", error->message);
  if (output == NULL && !list_recipients)
    return hw_cli_usage_error ("plan", _("give the PDF file to write with -o FILE"));
  if (recipient_text && !hw_recipient_from_string (recipient_text, &recipient))
    return hw_cli_usage_error ("plan", _("--recipient must be internal, parent, "
                                         "foster-parents, tribunal or child"));
  if (person_id && recipient != HW_RECIPIENT_PARENT)
    return hw_cli_usage_error ("plan", _("--person goes with --recipient parent"));
  if (recipient == HW_RECIPIENT_PARENT && person_id == NULL)
    return hw_cli_usage_error ("plan", _("--recipient parent needs --person ID (see "
                                         "--list-recipients)"));
  if (!hw_cli_parse_today (today_text, &today, &error))
    return hw_cli_usage_error ("plan", error->message);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (list_recipients)
    {
      g_autoptr(HwDossier) dossier = hw_store_load_case_by_journal (store, argv[1], &error);
      g_autoptr(GPtrArray) recipients = NULL;

      if (dossier == NULL)
        return hw_cli_fail (error);
      recipients = hw_plan_list_recipients (dossier);
      printf ("recipient\tperson_id\tname\n");
      for (guint i = 0; i < recipients->len; i++)
        {
          const HwPlanRecipient *r = recipients->pdata[i];

          printf ("%s\t%s\t%s\n", hw_recipient_to_string (r->kind),
                  r->person_id ? r->person_id : "", r->name);
        }
      return 0;
    }
  {
    g_autoptr(GError) rules_error = NULL;
    /* Without the rule engine the plan is still printed, and says what it could not check. */
    g_autoptr(HwService) service = hw_service_new (store, &rules_error);

    if (service == NULL)
      g_warning ("Plan for %s printed without the rule engine: %s", argv[1],
                 rules_error->message);
    doc = hw_service_print_plan (store, service, argv[1], today, recipient, person_id, NULL,
                                 &error);
  }
  if (doc == NULL)
    return hw_cli_fail (error);
  if (!hw_document_write_pdf (doc, output, &error) ||
      !hw_cli_log_disclosure (store, "plan -o", 1, output, &error))
    return hw_cli_fail (error);
  /* Translators: after writing a plan: "plan.pdf: 6 pages" */
  printf (ngettext ("%s: %d page\n", "%s: %d pages\n", hw_document_get_n_pages (doc)), output,
          hw_document_get_n_pages (doc));
  return 0;
}
