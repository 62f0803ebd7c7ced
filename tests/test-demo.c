/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "hw-service-demo.h"
#include "hw-evaluator.h"
#include "hw-identity.h"
#include "hw-test-support.h"
#include "hw-demo-private.h"
#include "hw-settings-private.h"

typedef struct {
  GChecksum *sum;
  guint      cases;
  guint      homes;
  guint      kinds[8];        /* placements by category family */
  guint      returned;
  guint      care_orders_1992;
  guint      care_orders_2021;
  guint      aged_17;
  gboolean   synthetic_only;
} Digest;

static void
digest_record (Digest *d, gconstpointer record)
{
  const HwRecord *rec = record;
  const HwEntityInfo *info = hw_entity_info (rec->entity);

  g_checksum_update (d->sum, (const guchar *) info->name, -1);
  g_checksum_update (d->sum, (const guchar *) rec->id, -1);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *v = hw_field_dup_string (record, &info->fields[i]);

      g_checksum_update (d->sum, (const guchar *) (v ? v : "-"), -1);
      if (v && (info->fields[i].flags & HW_FIELD_IDENTITY))
        {
          HwIdentityKind kind;

          if (!hw_identity_validate (v, &kind, NULL, NULL) || kind != HW_IDENTITY_SYNTHETIC)
            d->synthetic_only = FALSE;
        }
    }
}

static void
digest_dossier (Digest *d, HwDossier *dossier)
{
  digest_record (d, dossier->root);
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    for (guint i = 0; i < hw_dossier_get (dossier, e)->len; i++)
      digest_record (d, hw_dossier_get (dossier, e)->pdata[i]);
}

static gboolean
on_home (HwDossier *dossier, gpointer user_data, GError **error)
{
  Digest *d = user_data;

  d->homes++;
  digest_dossier (d, dossier);
  return TRUE;
}

static gboolean
on_case (HwDossier *dossier, gpointer user_data, GError **error)
{
  Digest *d = user_data;
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  GPtrArray *decisions = hw_dossier_get (dossier, HW_ENTITY_DECISION);
  HwChild *child = hw_dossier_child (dossier);

  d->cases++;
  digest_dossier (d, dossier);
  for (guint i = 0; i < measures->len; i++)
    {
      HwMeasure *m = measures->pdata[i];

      if (g_str_equal (m->category, "2.1")) d->kinds[0]++;
      else if (g_str_equal (m->category, "2.2")) d->kinds[1]++;
      else if (g_str_equal (m->category, "2.5")) d->kinds[2]++;
      else if (g_str_equal (m->category, "1.1")) d->kinds[3]++;
      if (m->end_reason == 1)
        d->returned++;
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      HwDecision *dec = decisions->pdata[i];

      if (g_strcmp0 (dec->basis.law, "BVL") == 0 && g_strcmp0 (dec->basis.section, "12") == 0)
        d->care_orders_1992++;
      if (g_strcmp0 (dec->basis.law, "BVL2021") == 0 && g_strcmp0 (dec->basis.chapter, "5") == 0)
        d->care_orders_2021++;
    }
  if (hw_date_age_on (child->birth_date, hw_date_new (2026, 11, 23)) == 17)
    d->aged_17++;
  return TRUE;
}

static char *
generate (guint32 seed, guint n, Digest *d)
{
  g_autoptr(GError) error = NULL;
  HwDemoOptions options = { n, seed, hw_date_new (2026, 11, 23) };

  memset (d, 0, sizeof *d);
  d->sum = g_checksum_new (G_CHECKSUM_SHA256);
  d->synthetic_only = TRUE;
  ck_assert (hw_demo_generate (&options, on_home, on_case, NULL, d, &error));
  ck_assert_no_error (error);
  {
    char *hex = g_strdup (g_checksum_get_string (d->sum));
    g_checksum_free (d->sum);
    return hex;
  }
}

START_TEST (test_demo_deterministic_for_seed)
{
  Digest a, b, c;
  g_autofree char *first = generate (42, 150, &a);
  g_autofree char *again = generate (42, 150, &b);
  g_autofree char *other = generate (43, 150, &c);

  ck_assert_str_eq (first, again);
  ck_assert_str_ne (first, other);
}
END_TEST

START_TEST (test_demo_realistic_shape)
{
  Digest d;
  g_autofree char *hex = generate (7, 600, &d);

  ck_assert_uint_eq (strlen (hex), 64);
  ck_assert_uint_eq (d.cases, 600);
  ck_assert (d.synthetic_only);
  /* Every kind of placement and both acts occur; some returned home; some aged 17. */
  for (guint i = 0; i < 4; i++)
    ck_assert_uint_gt (d.kinds[i], 20);
  ck_assert_uint_gt (d.homes, 300);
  ck_assert_uint_gt (d.returned, 10);
  ck_assert_uint_gt (d.care_orders_1992, 20);
  ck_assert_uint_gt (d.care_orders_2021, 20);
  ck_assert_uint_gt (d.aged_17, 5);
}
END_TEST

START_TEST (test_demo_writes_valid_store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  HwDemoOptions options = { 120, 3, hw_date_new (2026, 11, 23) };

  /* Every record passes the store's validation, references included. */
  ck_assert (hw_service_write_demo (store, &options, NULL, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 120);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_TEAM, NULL), 3);
  ck_assert_uint_gt (hw_store_count (store, HW_ENTITY_VISIT, NULL), 500);
  ck_assert_uint_gt (hw_store_count (store, HW_ENTITY_SAMVAER_SESSION, NULL), 100);
  g_clear_object (&store);
  hw_test_remove_tree (dir);
}
END_TEST

typedef struct {
  HwCatalogue *catalogue;
  HwSettings  *settings;
  GHashTable  *homes;
  GHashTable  *overdue_by_worker;   /* caseworker id → count */
  guint        cases;
  guint        cases_overdue;
  guint        overdue;
  guint        missed;
} Backlog;

static gboolean
count_backlog (HwDossier *dossier, gpointer user_data, GError **error)
{
  Backlog *b = user_data;
  g_autoptr(GPtrArray) findings = hw_evaluate_case (b->catalogue, b->settings, dossier, b->homes,
                                                     hw_date_new (2026, 11, 23));
  const HwCase *c = hw_dossier_case (dossier);
  const HwChild *child = hw_dossier_child (dossier);
  g_autofree char *child_name = g_strdup_printf ("%s %s", child->given_name, child->family_name);
  GPtrArray *measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  guint overdue = 0;

  b->cases++;
  for (guint i = 0; i < findings->len; i++)
    {
      HwFindingState state = hw_finding_get_state (findings->pdata[i]);

      overdue += state == HW_FINDING_OVERDUE;
      b->missed += state == HW_FINDING_MISSED;
    }
  b->overdue += overdue;
  b->cases_overdue += overdue > 0;
  g_hash_table_insert (b->overdue_by_worker, g_strdup (c->caseworker_id),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                         b->overdue_by_worker, c->caseworker_id)) + overdue));

  /* No one in the foster home has the name of another, or of the child placed there. */
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];
      HwDossier *home = m->home_id ? g_hash_table_lookup (b->homes, m->home_id) : NULL;
      GPtrArray *members = home ? hw_dossier_get (home, HW_ENTITY_HOME_MEMBER) : NULL;

      for (guint k = 0; members && k < members->len; k++)
        {
          const HwHomeMember *x = members->pdata[k];

          ck_assert_msg (g_strcmp0 (x->name, child_name) != 0, "%s lives with a namesake",
                         child_name);
          for (guint j = 0; j < k; j++)
            ck_assert_msg (g_strcmp0 (x->name, ((const HwHomeMember *) members->pdata[j])->name),
                           "two members of one household are called %s", x->name);
        }
    }
  return TRUE;
}

static int
compare_counts_desc (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Issue 15: the demo looks like a functioning service. Most duties are met, a visible
 * minority of cases has something overdue, concentrated in a few caseloads, while past years
 * keep their misses (missed periods). */
START_TEST (test_demo_plausible_backlog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(HwStore) store = hw_test_open_store (&dir);
  HwDemoOptions options = { 300, 7, hw_date_new (2026, 11, 23) };
  g_autoptr(GList) counts = NULL;
  Backlog b = { 0 };
  guint top3 = 0, i = 0;

  ck_assert (hw_service_write_demo (store, &options, NULL, NULL, &error));
  b.catalogue = hw_catalogue_load_default (&error);
  ck_assert_no_error (error);
  b.settings = hw_settings_new_default (b.catalogue);
  b.homes = hw_store_load_homes (store, &error);
  b.overdue_by_worker = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ck_assert (hw_store_foreach_case (store, count_backlog, &b, &error));

  ck_assert_uint_eq (b.cases, 300);
  ck_assert_msg (b.cases_overdue * 100 < b.cases * 25 && b.cases_overdue * 100 > b.cases * 3,
                 "%u of %u cases have an overdue duty", b.cases_overdue, b.cases);
  counts = g_hash_table_get_values (b.overdue_by_worker);
  counts = g_list_sort (counts, (GCompareFunc) compare_counts_desc);
  for (GList *l = counts; l && i < 3; l = l->next, i++)
    top3 += GPOINTER_TO_UINT (l->data);
  ck_assert_msg (top3 * 2 > b.overdue, "the three busiest caseloads hold %u of %u overdue",
                 top3, b.overdue);
  ck_assert_uint_gt (b.missed, b.cases);

  g_hash_table_unref (b.overdue_by_worker);
  g_hash_table_unref (b.homes);
  hw_settings_free (b.settings);
  hw_catalogue_unref (b.catalogue);
  g_clear_object (&store);
  hw_test_remove_tree (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("demo");
  TCase *tc = tcase_create ("demo");

  tcase_add_test (tc, test_demo_deterministic_for_seed);
  tcase_add_test (tc, test_demo_realistic_shape);
  tcase_add_test (tc, test_demo_writes_valid_store);
  tcase_add_test (tc, test_demo_plausible_backlog);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
