/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-service"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "hw-caseload-check.h"
#include "hw-error.h"
#include "hw-plan-findings.h"
#include "hw-service-plan.h"
#include "hw-service-print.h"
#include "hw-service-template.h"

/* The store's actor by staff name when the user name is known. */
static char *
dup_actor_name (HwStore *store, GPtrArray *staff)
{
  const char *actor = hw_store_get_actor (store);

  for (guint i = 0; actor && staff && i < staff->len; i++)
    {
      const HwStaff *s = staff->pdata[i];

      if (g_strcmp0 (s->username, actor) == 0)
        return g_strdup (s->name);
    }
  return g_strdup (actor);
}

static void
add_case (const HwDossier *case_dossier, GPtrArray *findings, gpointer user_data)
{
  hw_overdue_list_add_case (user_data, case_dossier, findings);
}

HwDocument *
hw_service_print_overdue_list (HwService *service, const HwOverdueListOptions *options,
                               GError **error)
{
  HwStore *store;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(HwOverdueList) list = NULL;
  g_autofree char *actor = NULL;
  HwOverdueListOptions list_options;
  HwCheckOptions check = { 0 };

  g_return_val_if_fail (HW_IS_SERVICE (service), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  store = hw_service_get_store (service);
  /* Names are a courtesy: a list without them still lists every duty. */
  staff = hw_store_list (store, HW_ENTITY_STAFF, NULL);
  teams = hw_store_list (store, HW_ENTITY_TEAM, NULL);
  list_options = *options;
  if (list_options.today == HW_DATE_NONE)
    list_options.today = hw_date_today ();
  if (list_options.printed_by == NULL)
    list_options.printed_by = actor = dup_actor_name (store, staff);
  list = hw_overdue_list_new (&list_options, staff, teams);

  /* The cases of another team are not evaluated; only the rule asked for is. */
  check.today = list_options.today;
  check.rule_id = options->rule_id;
  check.team_id = options->team_id;
  if (!hw_check_caseload (service, &check, add_case, list, error))
    return NULL;
  return hw_overdue_list_build (list);
}

gboolean
hw_service_write_overdue_list_pdf (HwService *service, const HwOverdueListOptions *options,
                                   const char *path, GError **error)
{
  g_autoptr(HwDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  doc = hw_service_print_overdue_list (service, options, error);
  if (doc == NULL)
    return FALSE;
  return hw_document_write_pdf (doc, path, error);
}

HwDocument *
hw_service_print_plan (HwStore *store, HwService *service, const char *journal_no, HwDate today,
                       HwRecipient recipient, const char *person_id, const char *printed_by,
                       GError **error)
{
  g_autoptr(HwDossier) dossier = NULL;
  g_autoptr(GHashTable) homes = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(HwPlanTemplate) template = NULL;
  g_autoptr(GError) template_error = NULL;
  g_autoptr(GError) rules_error = NULL;
  g_autoptr(GError) upgrade_error = NULL;
  g_autofree char *by = NULL;
  GPtrArray *measures;
  HwPlanInput input = { 0 };

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (service == NULL || hw_service_get_store (service) == store, NULL);
  g_return_val_if_fail (journal_no != NULL, NULL);

  if (today == HW_DATE_NONE)
    today = hw_date_today ();
  /* A store with placements from before activities followed the template gets them first,
   * once: a plan printed from it lists them. */
  if (!hw_service_upgrade_activities (store, today, &upgrade_error))
    g_warning ("Plan activities: %s", upgrade_error->message);
  dossier = hw_store_load_case_by_journal (store, journal_no, error);
  if (dossier == NULL)
    return NULL;
  if (recipient == HW_RECIPIENT_PARENT && !hw_plan_is_recipient_parent (dossier, person_id))
    {
      if (person_id)
        g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                     _("--person: %s is not a parent of case %s with parental responsibility "
                       "or samvær"), person_id, journal_no);
      else
        g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                     _("--person: a parent’s copy needs the parent (see --list-recipients "
                       "for case %s)"), journal_no);
      return NULL;
    }
  if (!hw_store_log_read (store, hw_dossier_case (dossier)->rec.id, error))
    return NULL;

  /* Only this case's foster homes: a national store has tens of thousands. */
  homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) hw_dossier_free);
  measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];
      HwDossier *home;

      if (m->home_id == NULL || g_hash_table_contains (homes, m->home_id))
        continue;
      home = hw_store_load_home (store, m->home_id, NULL);
      if (home)
        g_hash_table_insert (homes, g_strdup (m->home_id), home);
    }
  staff = hw_store_list (store, HW_ENTITY_STAFF, error);
  if (staff == NULL)
    return NULL;
  teams = hw_store_list (store, HW_ENTITY_TEAM, error);
  if (teams == NULL)
    return NULL;

  template = hw_service_load_plan_template (store, &template_error);
  if (template == NULL)
    g_warning ("Activity template: %s", template_error->message);
  else
    {
      /* Printed in the reader's language, whatever language they were made in. */
      GPtrArray *activities = hw_dossier_get (dossier, HW_ENTITY_ACTIVITY);

      for (guint i = 0; i < activities->len; i++)
        hw_plan_template_localize_activity (template, activities->pdata[i]);
    }

  /* The findings of the same context as the window's and `check --case`. */
  if (service)
    {
      g_autoptr(GPtrArray) rules = hw_check_case (service, dossier, today, &rules_error);

      if (rules)
        {
          HwLang lang = hw_lang_get ();

          findings = g_ptr_array_new_full (rules->len, (GDestroyNotify) hw_plan_finding_free);
          for (guint i = 0; i < rules->len; i++)
            g_ptr_array_add (findings, hw_plan_finding_new_from_rules (rules->pdata[i], lang));
        }
      else
        g_warning ("Plan for %s printed without the rule engine: %s", journal_no,
                   rules_error->message);
    }

  if (printed_by == NULL)
    printed_by = by = dup_actor_name (store, staff);

  input.dossier = dossier;
  input.homes = homes;
  input.staff = staff;
  input.teams = teams;
  input.findings = findings;
  input.template = template;
  input.today = today;
  input.recipient = recipient;
  input.recipient_person_id = person_id;
  input.printed_by = printed_by;
  return hw_plan_document_new (&input);
}
