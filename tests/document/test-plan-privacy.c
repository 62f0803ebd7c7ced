/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the printed plan tells whom, read back from the PDF with pdftotext: for every demo
 * child whose address or whose foster home's address is protected, and every copy but the
 * service's own, nothing that can reveal where the child lives; and no parent's copy shows the
 * other parent's measures and referrals. The forbidden strings are taken from the database,
 * all of them, not a chosen few. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "hw-service-demo.h"
#include "hw-service-plan.h"
#include "hw-service-print.h"
#include "hw-test-support.h"
#include "hw-plan-recipients-private.h"

/* A plan as the CLI and the window print it: the store's rule context, then the layout. */
static HwDocument *
print_plan (HwStore *store, const char *journal_no, HwDate today, HwRecipient recipient,
            const char *person_id, const char *printed_by, GError **error)
{
  g_autoptr(HwService) service = hw_service_new (store, error);

  if (service == NULL)
    return NULL;
  return hw_service_print_plan (store, service, journal_no, today, recipient, person_id,
                                printed_by, error);
}

#define TODAY hw_date_new (2026, 11, 23)

/* pdftotext -raw keeps each cell's text together in drawing order; runs of white space
 * (line breaks inside a cell included) become one space, so a wrapped name is still found. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  ck_assert_msg (error == NULL, "pdftotext: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdftotext failed on %s", path);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

/* @needle in @text; a number (a municipality) only as a whole number, not inside a date. */
static gboolean
shows (const char *text, const char *needle)
{
  gboolean number = needle[strspn (needle, "0123456789")] == '\0';
  size_t n = strlen (needle);

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    {
      if (!number)
        return TRUE;
      if ((p == text || !g_ascii_isdigit (p[-1])) && p[-1] != '.' &&
          !g_ascii_isdigit (p[n]) && p[n] != '.')
        return TRUE;
    }
  return FALSE;
}

static void
forbid (GPtrArray *list, const char *text)
{
  if (text && *text)
    g_ptr_array_add (list, g_strdup (text));
}

typedef struct {
  HwStore   *store;
  char      *dir;
  GPtrArray *protected_cases;   /* journal numbers */
} Demo;

static Demo demo;

/* Each parent of a protected case gets a measure and a referral only they have. */
static void
add_marked_followups (const HwDossier *dossier)
{
  GPtrArray *persons = hw_dossier_get (dossier, HW_ENTITY_PERSON);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < persons->len; i++)
    {
      const HwPerson *person = persons->pdata[i];

      for (guint k = 0; k < 2; k++)
        {
          HwParentFollowup *f = hw_record_new (HW_ENTITY_PARENT_FOLLOWUP);

          f->case_id = g_strdup (hw_dossier_case (dossier)->rec.id);
          f->person_id = g_strdup (person->rec.id);
          f->kind = k == 0 ? HW_FOLLOWUP_MEASURE : HW_FOLLOWUP_REFERRAL;
          f->date = hw_date_add_days (TODAY, -30);
          f->accepted = TRUE;
          f->provider = g_strdup_printf ("%s-%.8s", k == 0 ? "Tiltak" : "Henvisning",
                                         person->rec.id);
          ck_assert_msg (hw_store_save (demo.store, f, &error), "%s",
                         error ? error->message : "");
          hw_record_free (f);
        }
    }
}

static GHashTable *
load_homes (const HwDossier *dossier)
{
  GHashTable *homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) hw_dossier_free);
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);

  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];
      HwDossier *home;

      if (m->home_id == NULL || g_hash_table_contains (homes, m->home_id))
        continue;
      home = hw_store_load_home (demo.store, m->home_id, NULL);
      if (home)
        g_hash_table_insert (homes, g_strdup (m->home_id), home);
    }
  return homes;
}

static void
setup_demo (void)
{
  HwDemoOptions options = { 150, 3, TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_activities = 0;

  demo.store = hw_test_open_store (&demo.dir);
  ck_assert_msg (hw_service_write_demo (demo.store, &options, NULL, NULL, &error), "%s",
                 error ? error->message : "");
  /* With the template's activities, as `homeward-cli demo` writes it: their titles and
   * participants (a parent's name) are printed too. */
  ck_assert_msg (hw_service_follow_template_all (demo.store, TODAY, &n_activities, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_gt (n_activities, 0);
  demo.protected_cases = g_ptr_array_new_with_free_func (g_free);
  rows = hw_store_list_case_rows (demo.store, TODAY, &error);
  ck_assert (rows != NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const HwCaseRow *row = rows->pdata[i];
      g_autoptr(HwDossier) dossier = hw_store_load_case_by_journal (demo.store, row->journal_no,
                                                                    &error);
      g_autoptr(GHashTable) homes = NULL;
      GHashTableIter iter;
      gpointer home;
      gboolean secret;

      ck_assert (dossier != NULL);
      homes = load_homes (dossier);
      secret = hw_dossier_child (dossier)->protected_address;
      g_hash_table_iter_init (&iter, homes);
      while (g_hash_table_iter_next (&iter, NULL, &home))
        secret |= ((HwFosterHome *) ((HwDossier *) home)->root)->protected_address;
      if (!secret)
        continue;
      g_ptr_array_add (demo.protected_cases, g_strdup (row->journal_no));
      add_marked_followups (dossier);
    }
}

static void
teardown_demo (void)
{
  g_clear_object (&demo.store);
  g_clear_pointer (&demo.protected_cases, g_ptr_array_unref);
  hw_test_remove_tree (demo.dir);
  g_clear_pointer (&demo.dir, g_free);
}

/* Everything in the database that tells where the child of @dossier lives. */
static GPtrArray *
location_strings (const HwDossier *dossier, GHashTable *homes)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const HwChild *child = hw_dossier_child (dossier);
  const char *service = hw_dossier_case (dossier)->municipality;
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  GHashTableIter iter;
  gpointer value;

  forbid (out, child->address);
  forbid (out, child->school);
  g_hash_table_iter_init (&iter, homes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const HwDossier *home = value;
      const HwFosterHome *h = home->root;
      GPtrArray *members = hw_dossier_get (home, HW_ENTITY_HOME_MEMBER);

      forbid (out, h->name);
      forbid (out, h->address);
      /* The service's own municipality is on every copy and says nothing more. */
      if (g_strcmp0 (h->municipality, service) != 0)
        forbid (out, h->municipality);
      for (guint i = 0; i < members->len; i++)
        forbid (out, ((HwHomeMember *) members->pdata[i])->name);
    }
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];

      if (g_strcmp0 (m->tilsyn_municipality, service) != 0)
        forbid (out, m->tilsyn_municipality);
    }
  return out;
}

static char *
print_copy (const char *journal_no, const HwPlanRecipient *r, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = print_plan (demo.store, journal_no, TODAY, r->kind, r->person_id,
                                          "Test", &error);
  g_autofree char *name = g_strdup_printf ("%s-%s-%u.pdf", journal_no,
                                           hw_recipient_to_string (r->kind), n);
  g_autofree char *path = g_build_filename (demo.dir, name, NULL);

  ck_assert_msg (doc != NULL, "%s for %s: %s", journal_no, r->name,
                 error ? error->message : "");
  ck_assert_msg (hw_document_write_pdf (doc, path, &error), "%s", error ? error->message : "");
  return pdf_text (path);
}

START_TEST (test_protected_location_reaches_no_one)
{
  guint checked = 0, cases_with_home = 0, internal_hits = 0, strings = 0;

  /* The demo has protected children, or this test tests nothing. */
  ck_assert_uint_ge (demo.protected_cases->len, 3);
  for (guint c = 0; c < demo.protected_cases->len; c++)
    {
      const char *journal_no = demo.protected_cases->pdata[c];
      g_autoptr(GError) error = NULL;
      g_autoptr(HwDossier) dossier = hw_store_load_case_by_journal (demo.store, journal_no,
                                                                    &error);
      g_autoptr(GHashTable) homes = load_homes (dossier);
      g_autoptr(GPtrArray) forbidden = location_strings (dossier, homes);
      g_autoptr(GPtrArray) recipients = hw_plan_list_recipients (dossier);

      cases_with_home += g_hash_table_size (homes) > 0;
      for (guint i = 0; i < recipients->len; i++)
        {
          const HwPlanRecipient *r = recipients->pdata[i];
          g_autofree char *text = print_copy (journal_no, r, i);

          if (r->kind == HW_RECIPIENT_INTERNAL)
            {
              /* The service's copy has them: the search finds what is there. */
              for (guint k = 0; k < forbidden->len; k++)
                internal_hits += shows (text, forbidden->pdata[k]);
              continue;
            }
          strings += forbidden->len;
          for (guint k = 0; k < forbidden->len; k++)
            ck_assert_msg (!shows (text, forbidden->pdata[k]),
                           "case %s, copy for %s (%s): the PDF shows “%s”", journal_no, r->name,
                           hw_recipient_to_string (r->kind), (char *) forbidden->pdata[k]);
          checked++;
        }
    }
  /* The figures the README quotes. */
  g_print ("%u protected cases, %u copies read, %u forbidden strings searched for, "
           "none found; %u found in the internal copies\n", demo.protected_cases->len, checked,
           strings, internal_hits);
  ck_assert_uint_ge (cases_with_home, 1);
  ck_assert_uint_ge (internal_hits, demo.protected_cases->len);
  ck_assert_uint_ge (checked, 3 * 4);
}
END_TEST

START_TEST (test_parent_sees_only_own_followup)
{
  guint pairs = 0;

  for (guint c = 0; c < demo.protected_cases->len; c++)
    {
      const char *journal_no = demo.protected_cases->pdata[c];
      g_autoptr(GError) error = NULL;
      g_autoptr(HwDossier) dossier = hw_store_load_case_by_journal (demo.store, journal_no,
                                                                    &error);
      g_autoptr(GPtrArray) recipients = hw_plan_list_recipients (dossier);
      GPtrArray *followups = hw_dossier_get (dossier, HW_ENTITY_PARENT_FOLLOWUP);

      for (guint i = 0; i < recipients->len; i++)
        {
          const HwPlanRecipient *r = recipients->pdata[i];
          g_autofree char *text = NULL;

          if (r->kind != HW_RECIPIENT_PARENT)
            continue;
          text = print_copy (journal_no, r, 100 + i);
          for (guint k = 0; k < followups->len; k++)
            {
              const HwParentFollowup *f = followups->pdata[k];
              gboolean own = g_strcmp0 (f->person_id, r->person_id) == 0;

              /* The marked ones: unique to their parent. */
              if (f->provider == NULL || (!g_str_has_prefix (f->provider, "Tiltak-") &&
                                          !g_str_has_prefix (f->provider, "Henvisning-")))
                continue;
              if (own)
                ck_assert_msg (shows (text, f->provider), "case %s, %s’s copy lacks their own "
                               "“%s”", journal_no, r->name, f->provider);
              else
                {
                  ck_assert_msg (!shows (text, f->provider), "case %s, %s’s copy shows the "
                                 "other parent’s “%s”", journal_no, r->name, f->provider);
                  pairs++;
                }
            }
        }
    }
  /* At least one protected case with two parents. */
  ck_assert_uint_ge (pairs, 2);
}
END_TEST

START_TEST (test_recipient_table_is_data)
{
  HwRecipientTable table;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (hw_recipient_table_load_default (&table, &error), "%s",
                 error ? error->message : "");
  ck_assert (hw_recipient_policy_shows (&table.policy[HW_RECIPIENT_INTERNAL],
                                        HW_PLAN_FIELD_PROTECTED_LOCATION));
  for (guint r = HW_RECIPIENT_PARENT; r < HW_N_RECIPIENTS; r++)
    ck_assert (!hw_recipient_policy_shows (&table.policy[r], HW_PLAN_FIELD_PROTECTED_LOCATION));
  /* An unknown field is refused, naming its line. */
  ck_assert (!hw_recipient_table_parse (
    "<plan-recipients xmlns=\"https://homeward.no/ns/plan-recipients/1\" version=\"1\">\n"
    "<recipient kind=\"internal\" sections=\"header\" fields=\"home-phone\"/>\n"
    "</plan-recipients>", -1, &table, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "line 2"));
}
END_TEST

static Suite *
privacy_suite (void)
{
  Suite *s = suite_create ("plan-privacy");
  TCase *tc = tcase_create ("privacy");

  tcase_set_timeout (tc, 600);
  tcase_add_checked_fixture (tc, setup_demo, teardown_demo);
  tcase_add_test (tc, test_protected_location_reaches_no_one);
  tcase_add_test (tc, test_parent_sees_only_own_followup);
  tcase_add_test (tc, test_recipient_table_is_data);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (privacy_suite ());
}
