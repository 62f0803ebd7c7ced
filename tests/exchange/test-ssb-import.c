/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Barnevern v4 import: the mapping of every element and code, SSB's controls as warnings,
 * updates and deletions, and every refusal leaving the database as it was. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-exchange-test.h"
#include "hw-ssb-codes.h"
#include "hw-import-private.h"

#define CASE_ID "5a000000-0000-4000-8000-000000000001"

static HwStore *store;
static char *dir;

static void
setup (void)
{
  store = hw_test_open_store (&dir);
}

static void
teardown (void)
{
  g_clear_object (&store);
  hw_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
}

static gpointer
find (HwDossier *d, HwEntity entity, const char *id)
{
  gpointer rec = hw_dossier_find (d, entity, id);

  ck_assert_msg (rec != NULL, "no %s %s", hw_entity_info (entity)->name, id);
  return rec;
}

static HwDossier *
load_case (const char *id)
{
  g_autoptr(GError) error = NULL;
  HwDossier *d = hw_store_load_case (store, id, &error);

  ck_assert_no_error (error);
  return d;
}

static HwImportSummary
import_fixture (const char *name, GPtrArray *warnings)
{
  g_autofree char *path = hw_xtest_fixture (name);
  const char *paths[] = { path, NULL };
  HwImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  HwImportSummary summary;

  options.warning = hw_xtest_collect_warning;
  options.user_data = warnings;
  ck_assert_msg (hw_import_paths (store, paths, warnings ? &options : NULL, &summary, &error),
                 "%s", error ? error->message : "");
  return summary;
}

/* ---- the mapping ---- */

START_TEST (test_complete_mapping)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HwImportSummary s = import_fixture ("ssb-complete.xml", warnings);
  g_autoptr(HwDossier) d = load_case (CASE_ID);
  g_autofree char *org = hw_store_dup_setting (store, "service-org-number");
  g_autofree char *district = hw_store_dup_setting (store, "service-district-name");
  HwCase *c = hw_dossier_case (d);
  HwChild *child;
  HwDecision *dec;
  HwDecisionStatus *st;
  HwMeasure *m;
  HwFrequency *f;
  HwVisit *v;
  HwPlan *p;
  HwPetition *pet;
  HwAftercare *a;
  HwMove *mv;
  HwRelation *r;

  for (guint i = 0; i < warnings->len; i++)
    printf ("unexpected warning: %s\n", (char *) warnings->pdata[i]);
  ck_assert_uint_eq (s.warnings, 0);
  ck_assert_uint_eq (s.files, 1);
  ck_assert_uint_eq (s.cases_new, 1);
  ck_assert_uint_eq (s.cases_updated, 0);
  ck_assert_uint_eq (s.records, 29);
  ck_assert_uint_eq (s.not_imported, 4);   /* Melding, Undersokelse, Krav, Tiltaksgrunnlag */
  ck_assert_uint_eq (s.settings, 5);
  ck_assert_str_eq (org, "944496394");
  ck_assert_str_eq (district, "Midtbyen");

  /* Sak: the upper-case Id is kept in lower case */
  ck_assert_str_eq (c->rec.id, CASE_ID);
  ck_assert_str_eq (c->journal_no, "2019-0042");
  ck_assert_date_eq (c->start_date, "2019-01-15");
  ck_assert_uint_eq (c->end_date, HW_DATE_NONE);
  ck_assert (!c->closed);
  ck_assert_str_eq (c->municipality, "5001");

  /* Personalia */
  child = find (d, HW_ENTITY_CHILD, "9e000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (child->fnr, "17851250115");
  ck_assert_date_eq (child->birth_date, "2012-05-17");
  ck_assert_date_eq (child->start_date, "2019-02-01");
  ck_assert_int_eq (child->sex, HW_SEX_MALE);
  ck_assert_str_eq (child->given_name, "Unnamed");

  /* Vedtak with Lovhjemmel, JmfrLovhjemmel, Status, Konklusjon */
  dec = find (d, HW_ENTITY_DECISION, "7e000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (dec->basis.law, "BVL");
  ck_assert_str_eq (dec->basis.chapter, "4");
  ck_assert_str_eq (dec->basis.section, "12");
  ck_assert_str_eq (dec->basis.ledd, "1");
  ck_assert_str_eq (dec->basis.jmfr, "BVL:4:15:3::");
  ck_assert_date_eq (dec->start_date, "2019-02-20");
  ck_assert_int_eq (dec->decided_by, HW_DECIDER_TRIBUNAL);   /* a care order */
  dec = find (d, HW_ENTITY_DECISION, "7e000000-0000-4000-8000-000000000002");
  ck_assert_str_eq (dec->basis.bokstav, "a");
  ck_assert_str_eq (dec->basis.punktum, "1");
  ck_assert_date_eq (dec->end_date, "2019-03-01");
  ck_assert_int_eq (dec->decided_by, HW_DECIDER_SERVICE);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_DECISION_STATUS)->len, 4);
  st = find (d, HW_ENTITY_DECISION_STATUS, "57000000-0000-4000-8000-000000000004");
  ck_assert_str_eq (st->decision_id, "7e000000-0000-4000-8000-000000000002");
  ck_assert_int_eq (st->code, 4);
  ck_assert_date_eq (st->date, "2019-03-01");

  /* Tiltak with Kategori, Tilsyn, Oppfolging, Opphevelse, Konklusjon */
  m = find (d, HW_ENTITY_MEASURE, "71000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (m->category, "2.1");
  ck_assert_ptr_null (m->category_note);
  ck_assert_str_eq (m->basis.jmfr, "BVL:4:15:3::;BVL:4:8:2,3::");
  ck_assert_str_eq (m->tilsyn_municipality, "5006");   /* the latest Ansvarlig */
  ck_assert_date_eq (m->start_date, "2019-03-01");
  ck_assert_uint_eq (m->end_date, HW_DATE_NONE);
  m = find (d, HW_ENTITY_MEASURE, "71000000-0000-4000-8000-000000000002");
  ck_assert_str_eq (m->category, "3.99");
  ck_assert_str_eq (m->category_note, "Foreldreveiledning etter COS");
  ck_assert_int_eq (m->end_reason, 4);
  ck_assert_str_eq (m->end_reason_note, "Erstattet av plassering");
  ck_assert_date_eq (m->end_date, "2019-03-01");
  ck_assert_ptr_null (m->tilsyn_municipality);

  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_FREQUENCY)->len, 3);
  f = find (d, HW_ENTITY_FREQUENCY, "4f000000-0000-4000-8000-000000000001");
  ck_assert_int_eq (f->kind, HW_FREQUENCY_TILSYN);
  ck_assert_int_eq (f->per_year, 4);
  ck_assert_date_eq (f->end_date, "2021-02-28");   /* until the reduced frequency starts */
  f = find (d, HW_ENTITY_FREQUENCY, "4f000000-0000-4000-8000-000000000002");
  ck_assert_int_eq (f->per_year, 2);
  ck_assert_uint_eq (f->end_date, HW_DATE_NONE);
  f = find (d, HW_ENTITY_FREQUENCY, "4f000000-0000-4000-8000-000000000003");
  ck_assert_int_eq (f->kind, HW_FREQUENCY_FOLLOWUP);
  ck_assert_str_eq (f->measure_id, "71000000-0000-4000-8000-000000000001");

  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_VISIT)->len, 5);
  v = find (d, HW_ENTITY_VISIT, "0f000000-0000-4000-8000-000000000002");
  ck_assert_int_eq (v->kind, HW_VISIT_TILSYN);
  ck_assert (v->in_person);
  ck_assert_date_eq (v->date, "2019-09-01");
  v = find (d, HW_ENTITY_VISIT, "0f000000-0000-4000-8000-000000000005");
  ck_assert_int_eq (v->kind, HW_VISIT_FOLLOWUP);
  ck_assert_str_eq (v->measure_id, "71000000-0000-4000-8000-000000000001");

  /* Plan with Evaluering and Konklusjon */
  p = find (d, HW_ENTITY_PLAN, "91000000-0000-4000-8000-000000000001");
  ck_assert_int_eq (p->plan_type, HW_PLAN_CARE);
  ck_assert_date_eq (p->start_date, "2019-05-01");
  ck_assert_date_eq (p->end_date, "2023-01-10");
  p = find (d, HW_ENTITY_PLAN, "91000000-0000-4000-8000-000000000002");
  ck_assert_int_eq (p->plan_type, HW_PLAN_SAMVAER);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_PLAN_EVALUATION)->len, 2);
  for (guint i = 0; i < 2; i++)
    {
      HwPlanEvaluation *ev = hw_dossier_get (d, HW_ENTITY_PLAN_EVALUATION)->pdata[i];

      ck_assert_str_eq (ev->plan_id, "91000000-0000-4000-8000-000000000001");
      ck_assert (ev->date == hw_date_new (2020, 5, 1) || ev->date == hw_date_new (2021, 5, 3));
    }

  /* OversendelseFylkesnemnd, Ettervern, Flytting, Relasjon */
  pet = find (d, HW_ENTITY_PETITION, "0e000000-0000-4000-8000-000000000001");
  ck_assert_date_eq (pet->date, "2019-02-01");
  ck_assert_str_eq (pet->basis.section, "12");
  ck_assert_ptr_null (pet->basis.ledd);
  ck_assert_str_eq (pet->basis.jmfr, "BVL:4:8:2::");
  a = find (d, HW_ENTITY_AFTERCARE, "e7000000-0000-4000-8000-000000000001");
  ck_assert_int_eq (a->kind, HW_AFTERCARE_OFFER);
  ck_assert_date_eq (a->date, "2024-01-15");
  ck_assert_int_eq (a->conclusion, 1);
  ck_assert_date_eq (a->conclusion_date, "2024-02-01");
  mv = find (d, HW_ENTITY_MOVE, "f1000000-0000-4000-8000-000000000001");
  ck_assert_date_eq (mv->date, "2019-03-01");
  ck_assert_str_eq (mv->reason_code, "1.1.5");
  ck_assert_str_eq (mv->reason_note, "Uenighet om forsterkning");
  ck_assert_str_eq (mv->to_code, "8");
  ck_assert_str_eq (mv->to_note, "Hos tante");
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_RELATION)->len, 4);
  r = find (d, HW_ENTITY_RELATION, "4e000000-0000-4000-8000-000000000002");
  ck_assert_str_eq (r->from_id, "7e000000-0000-4000-8000-000000000002");   /* lower-cased */
  ck_assert_str_eq (r->from_type, "Vedtak");
  ck_assert_str_eq (r->to_type, "Tiltak");
  r = find (d, HW_ENTITY_RELATION, "4e000000-0000-4000-8000-000000000004");
  ck_assert_str_eq (r->from_id, "M-17");
  ck_assert_str_eq (r->from_type, "Melding");
}
END_TEST

/* Every code of every list Homeward maps is accepted, in force, and mapped to its value. */
static void
append_sak_start (GString *doc, int n)
{
  g_string_append_printf (doc,
                          "  <Sak Id=\"5a000000-0000-4000-8000-%012x\" StartDato=\"2013-01-01\" "
                          "Journalnummer=\"K-%d\">\n"
                          "    <Personalia Id=\"9e000000-0000-4000-8000-%012x\" "
                          "StartDato=\"2013-01-01\" Fodselsnummer=\"17851250115\" "
                          "Fodseldato=\"2012-05-17\" Kjonn=\"1\"/>\n", n, n, n);
}

static const char *
code_date (const HwSsbCode *code, char buf[11])
{
  guint32 key = code->valid_to ? code->valid_to : MAX (code->valid_from, 20260101u);

  g_snprintf (buf, 11, "%04u-%02u-%02u", key / 10000, key / 100 % 100, key % 100);
  return buf;
}

START_TEST (test_every_code)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const HwSsbCodeList *kat = &hw_ssb_code_lists[HW_SSB_LIST_KATEGORI];
  const HwSsbCodeList *plan = &hw_ssb_code_lists[HW_SSB_LIST_PLANTYPE];
  const HwSsbCodeList *opp = &hw_ssb_code_lists[HW_SSB_LIST_OPPHEVELSE];
  const HwSsbCodeList *status = &hw_ssb_code_lists[HW_SSB_LIST_VEDTAK_STATUS];
  const HwSsbCodeList *ett = &hw_ssb_code_lists[HW_SSB_LIST_ETTERVERN_KONKLUSJON];
  const HwSsbCodeList *fra = &hw_ssb_code_lists[HW_SSB_LIST_ARSAK_FRA];
  const HwSsbCodeList *til = &hw_ssb_code_lists[HW_SSB_LIST_FLYTTING_TIL];
  const HwSsbCodeList *lov = &hw_ssb_code_lists[HW_SSB_LIST_LOV];
  const HwSsbCodeList *type = &hw_ssb_code_lists[HW_SSB_LIST_BEGREPSTYPE];
  HwImportOptions options = { 0 };
  HwImportSummary s;
  g_autoptr(HwDossier) d = NULL;
  char date[11];
  guint n = 0;

  g_string_append (doc, "<?xml version=\"1.0\"?>\n"
                        "<Barnevern Id=\"00000000-0000-4000-8000-000000000009\" "
                        "DatoUttrekk=\"2026-06-30T00:00:00Z\">\n"
                        "  <Fagsystem Leverandor=\"Test\" Navn=\"T\" Versjon=\"1\"/>\n"
                        "  <Avgiver Organisasjonsnummer=\"944496394\" Kommunenummer=\"5001\" "
                        "Kommunenavn=\"Trondheim\"/>\n");
  append_sak_start (doc, 1);
  /* in the order of SSB's schema: Plan before Tiltak */
  for (guint i = 0; i < plan->n_codes; i++)
    g_string_append_printf (doc, "    <Plan Id=\"91000000-0000-4000-8000-%012x\" "
                                 "StartDato=\"%s\" Plantype=\"%s\"/>\n",
                            i, code_date (&plan->codes[i], date), plan->codes[i].code);
  /* Kategori and Lov on Tiltak, Opphevelse and both Hyppighet codes on the first ones */
  for (guint i = 0; i < kat->n_codes; i++, n++)
    {
      const HwSsbCode *law = &lov->codes[i % lov->n_codes];

      g_string_append_printf (doc,
                              "    <Tiltak Id=\"71000000-0000-4000-8000-%012x\" StartDato=\"%s\">"
                              "<Lovhjemmel><Lov>%s</Lov><Kapittel>4</Kapittel>"
                              "<Paragraf>4</Paragraf></Lovhjemmel>"
                              "<Kategori Kode=\"%s\" Presisering=\"p\"/>",
                              i, code_date (&kat->codes[i], date), law->code,
                              kat->codes[i].code);
      if (i < 2)
        g_string_append_printf (doc,
                                "<Oppfolging><Hyppighet Id=\"4f000000-0000-4000-8000-%012x\" "
                                "StartDato=\"2026-01-01\" Kode=\"%s\"/></Oppfolging>",
                                i, i == 0 ? "4" : "2");
      if (i < opp->n_codes)
        g_string_append_printf (doc, "<Opphevelse Kode=\"%s\" Presisering=\"p\"/>",
                                opp->codes[i].code);
      g_string_append (doc, "</Tiltak>\n");
    }
  g_string_append (doc, "    <Vedtak Id=\"7e000000-0000-4000-8000-000000000001\" "
                        "StartDato=\"2022-01-01\"><Lovhjemmel><Lov>BVL</Lov>"
                        "<Kapittel>4</Kapittel><Paragraf>12</Paragraf></Lovhjemmel>");
  for (guint i = 0; i < status->n_codes; i++)
    g_string_append_printf (doc, "<Status Id=\"57000000-0000-4000-8000-%012x\" "
                                 "EndretDato=\"2022-01-0%u\" Kode=\"%s\"/>",
                            i, i + 1, status->codes[i].code);
  g_string_append (doc, "<Konklusjon SluttDato=\"2022-02-01\"/></Vedtak>\n");
  for (guint i = 0; i < ett->n_codes; i++)
    g_string_append_printf (doc, "    <Ettervern Id=\"e7000000-0000-4000-8000-%012x\" "
                                 "TilbudSendtDato=\"2025-01-01\"><Konklusjon "
                                 "SluttDato=\"2025-02-01\" Kode=\"%s\"/></Ettervern>\n",
                            i, ett->codes[i].code);
  for (guint i = 0; i < MAX (fra->n_codes, til->n_codes); i++)
    g_string_append_printf (doc, "    <Flytting Id=\"f1000000-0000-4000-8000-%012x\" "
                                 "SluttDato=\"2025-01-01\"><ArsakFra Kode=\"%s\" "
                                 "Presisering=\"p\"/><FlyttingTil Kode=\"%s\" "
                                 "Presisering=\"p\"/></Flytting>\n",
                            i, fra->codes[i % fra->n_codes].code,
                            til->codes[i % til->n_codes].code);
  for (guint i = 0; i < type->n_codes; i++)
    g_string_append_printf (doc, "    <Relasjon Id=\"4e000000-0000-4000-8000-%012x\" "
                                 "FraId=\"x%u\" FraType=\"%s\" "
                                 "TilId=\"71000000-0000-4000-8000-000000000000\" "
                                 "TilType=\"%s\"/>\n",
                            i, i, type->codes[i].code,
                            type->codes[type->n_codes - 1 - i].code);
  g_string_append (doc, "  </Sak>\n");
  /* Kjonn: one Sak per code, with an identity number to match */
  {
    static const char *const fnr[] = { "01011599999", "17851250115", "10810650066" };
    static const char *const birth[] = { "2015-01-01", "2012-05-17", "2006-01-10" };

    for (guint i = 0; i < 3; i++)
      g_string_append_printf (doc,
                              "  <Sak Id=\"5a000000-0000-4000-8000-00000000010%u\" "
                              "StartDato=\"2014-06-01\" Journalnummer=\"S-%u\">"
                              "<Personalia Id=\"9e000000-0000-4000-8000-00000000010%u\" "
                              "StartDato=\"2014-06-01\" Fodselsnummer=\"%s\" Fodseldato=\"%s\" "
                              "Kjonn=\"%u\"/></Sak>\n", i, i, i, fnr[i], birth[i], i);
  }
  g_string_append (doc, "</Barnevern>\n");

  options.warning = hw_xtest_collect_warning;
  options.user_data = warnings;
  ck_assert_msg (hw_import_memory (store, "codes.xml", doc->str, doc->len, &options, &s, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (hw_xtest_count_control (warnings, "Kodelister"), 0);
  ck_assert_uint_eq (s.cases_new, 4);

  d = load_case ("5a000000-0000-4000-8000-000000000001");
  for (guint i = 0; i < kat->n_codes; i++)
    {
      g_autofree char *id = g_strdup_printf ("71000000-0000-4000-8000-%012x", i);
      HwMeasure *m = find (d, HW_ENTITY_MEASURE, id);

      ck_assert_str_eq (m->category, kat->codes[i].code);
      ck_assert_str_eq (m->basis.law, lov->codes[i % lov->n_codes].code);
      if (i < opp->n_codes)
        ck_assert_int_eq (m->end_reason, atoi (opp->codes[i].code));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("4f000000-0000-4000-8000-%012x", i);
      HwFrequency *f = find (d, HW_ENTITY_FREQUENCY, id);

      ck_assert_int_eq (f->per_year, i == 0 ? 4 : 2);
    }
  for (guint i = 0; i < plan->n_codes; i++)
    {
      g_autofree char *id = g_strdup_printf ("91000000-0000-4000-8000-%012x", i);

      ck_assert_int_eq (((HwPlan *) find (d, HW_ENTITY_PLAN, id))->plan_type,
                        atoi (plan->codes[i].code));
    }
  for (guint i = 0; i < status->n_codes; i++)
    {
      g_autofree char *id = g_strdup_printf ("57000000-0000-4000-8000-%012x", i);

      ck_assert_int_eq (((HwDecisionStatus *) find (d, HW_ENTITY_DECISION_STATUS, id))->code,
                        atoi (status->codes[i].code));
    }
  for (guint i = 0; i < ett->n_codes; i++)
    {
      g_autofree char *id = g_strdup_printf ("e7000000-0000-4000-8000-%012x", i);

      ck_assert_int_eq (((HwAftercare *) find (d, HW_ENTITY_AFTERCARE, id))->conclusion,
                        atoi (ett->codes[i].code));
    }
  for (guint i = 0; i < MAX (fra->n_codes, til->n_codes); i++)
    {
      g_autofree char *id = g_strdup_printf ("f1000000-0000-4000-8000-%012x", i);
      HwMove *mv = find (d, HW_ENTITY_MOVE, id);

      ck_assert_str_eq (mv->reason_code, fra->codes[i % fra->n_codes].code);
      ck_assert_str_eq (mv->to_code, til->codes[i % til->n_codes].code);
    }
  for (guint i = 0; i < type->n_codes; i++)
    {
      g_autofree char *id = g_strdup_printf ("4e000000-0000-4000-8000-%012x", i);
      HwRelation *r = find (d, HW_ENTITY_RELATION, id);

      ck_assert_str_eq (r->from_type, type->codes[i].code);
      ck_assert_str_eq (r->to_type, type->codes[type->n_codes - 1 - i].code);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("5a000000-0000-4000-8000-00000000010%u", i);
      g_autoptr(HwDossier) k = load_case (id);
      HwSex expected[] = { HW_SEX_UNKNOWN, HW_SEX_MALE, HW_SEX_FEMALE };

      ck_assert_int_eq (hw_dossier_child (k)->sex, expected[i]);
    }
}
END_TEST

/* ---- SSB's controls ---- */

typedef struct {
  const char *needle;     /* finds the line */
  const char *control;
} Expected;

START_TEST (test_controls)
{
  static const Expected expected[] = {
    { "<Avgiver", "Avgiver kontroll 1" },
    { "Journalnummer=\"A-1\"", "Sak kontroll 7" },
    { "Journalnummer=\"A-1\"", "Sak kontroll 8" },
    { "Journalnummer=\"A-1\"", "Sak kontroll 21" },
    { "0000000000a1\" StartDato=\"2017-01-01\"\n", "Personalia kontroll 14" },
    { "5a000000-0000-4000-8000-0000000000b1", "Sak kontroll 23" },
    { "<Slettet Id", "Sak kontroll 22" },
    { "9e000000-0000-4000-8000-0000000000b1", "Personalia kontroll 14" },
    { "9e000000-0000-4000-8000-0000000000b1", "Personalia kontroll 18" },
    { "9e000000-0000-4000-8000-0000000000b2", "Personalia kontroll 2f" },
    { "9e000000-0000-4000-8000-0000000000b2", "Personalia kontroll 15" },
    { "9e000000-0000-4000-8000-0000000000c1", "Personalia kontroll 13" },
    { "9e000000-0000-4000-8000-0000000000c1", "Personalia kontroll 16" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b1", "Vedtak kontroll 3" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b1", "Vedtak kontroll 5" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b1", "Vedtak kontroll 20" },
    { "57000000-0000-4000-8000-0000000000b1", "Vedtak kontroll 2j" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b2", "Vedtak kontroll 2c" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b2", "Vedtak kontroll 2e" },
    { "57000000-0000-4000-8000-0000000000b3", "Vedtak kontroll 2i" },
    { "<Vedtak Id=\"7e000000-0000-4000-8000-0000000000b3", "Vedtak kontroll 19" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b1", "Tiltak kontroll 2e" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b1", "Tiltak kontroll 20" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b2", "Tiltak kontroll 2c" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b2", "Tiltak kontroll 9" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b2", "Tiltak kontroll 12" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b3", "Tiltak kontroll 5" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b3", "Tiltak kontroll 14" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b3", "Tiltak kontroll 21" },
    { "<Opphevelse Kode=\"4\"/>", "Tiltak kontroll 8" },
    { "<Kategori Kode=\"1.99\"/>", "Tiltak kontroll 7" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b4", "Tiltak kontroll 22" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000b5", "Tiltak kontroll 23" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000c1", "Tiltak kontroll 6" },
    { "<Tiltak Id=\"71000000-0000-4000-8000-0000000000d1", "Tiltak kontroll 13" },
    { "<Plan Id=\"91000000-0000-4000-8000-0000000000b1", "Plan kontroll 2c" },
    { "<Plan Id=\"91000000-0000-4000-8000-0000000000b1", "Plan kontroll 2e" },
    { "<Evaluering UtfortDato=\"2019-12-15\"", "Plan kontroll 2g" },
    { "<Evaluering UtfortDato=\"2022-01-10\"", "Plan kontroll 2f" },
    { "<Plan Id=\"91000000-0000-4000-8000-0000000000b2", "Plan kontroll 19" },
    { "e7000000-0000-4000-8000-0000000000b1", "Ettervern kontroll 2c" },
    { "e7000000-0000-4000-8000-0000000000b1", "Ettervern kontroll 2e" },
    { "f1000000-0000-4000-8000-0000000000b1", "Flytting kontroll 2c" },
    { "f1000000-0000-4000-8000-0000000000b2", "Flytting kontroll 2f" },
    { "0e000000-0000-4000-8000-0000000000b1", "Oversendelse til fylkesnemnd kontroll 2e" },
    { "0e000000-0000-4000-8000-0000000000b1", "Oversendelse til fylkesnemnd kontroll 5" },
    { "0e000000-0000-4000-8000-0000000000b2", "Oversendelse til fylkesnemnd kontroll 2f" },
    { "Plantype=\"3\"", "Kodelister" },
    { "<Kategori Kode=\"2.6\"/>", "Kodelister" },
  };
  g_autofree char *path = hw_xtest_fixture ("ssb-controls.xml");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HwImportSummary s = import_fixture ("ssb-controls.xml", warnings);
  g_autoptr(HwDossier) c = load_case ("5a000000-0000-4000-8000-0000000000c1");

  /* Imported all the same, each Sak of the file */
  ck_assert_uint_eq (s.cases_new, 4);
  ck_assert_uint_eq (s.warnings, warnings->len);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int line = hw_xtest_line_of (path, expected[i].needle);

      ck_assert_msg (line > 0, "fixture lacks %s", expected[i].needle);
      if (!hw_xtest_has_warning (warnings, line, expected[i].control))
        {
          for (guint j = 0; j < warnings->len; j++)
            printf ("  %s\n", (char *) warnings->pdata[j]);
          ck_abort_msg ("no warning %s at line %d", expected[i].control, line);
        }
    }
  /* SSB's severities are passed on */
  {
    gboolean info = FALSE;

    for (guint i = 0; i < warnings->len; i++)
      info |= strstr (warnings->pdata[i], "|Sak kontroll 23|INFO|") != NULL;
    ck_assert (info);
  }
  /* Personalia kontroll 13: the identity number's birth date is kept */
  ck_assert_date_eq (hw_dossier_child (c)->birth_date, "2012-05-17");
}
END_TEST

/* ---- updates and deletions ---- */

START_TEST (test_reimport_updates)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-complete.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) before = NULL;
  g_autoptr(HwDossier) after = NULL;
  HwFosterHome *home = hw_record_new (HW_ENTITY_FOSTER_HOME);
  g_autoptr(HwDossier) home_dossier = hw_dossier_new (home);
  HwImportSummary s;
  HwChild *child;
  HwMeasure *m;
  HwVisit *v;

  import_fixture ("ssb-complete.xml", NULL);

  /* What only Homeward knows, entered after the first import */
  home->name = g_strdup ("Mormor");
  ck_assert (hw_store_save_dossier (store, home_dossier, &error));
  before = load_case (CASE_ID);
  child = find (before, HW_ENTITY_CHILD, "9e000000-0000-4000-8000-000000000001");
  g_free (child->given_name);
  child->given_name = g_strdup ("Jonas");
  child->school = g_strdup ("Solbakken");
  m = find (before, HW_ENTITY_MEASURE, "71000000-0000-4000-8000-000000000001");
  m->home_id = g_strdup (home->rec.id);
  m->purpose = g_strdup ("Trygg omsorg");
  v = find (before, HW_ENTITY_VISIT, "0f000000-0000-4000-8000-000000000003");
  v->notes = g_strdup ("Jonas trives");
  v->child_alone = TRUE;
  ck_assert_msg (hw_store_save_dossier (store, before, &error), "%s",
                 error ? error->message : "");

  /* A newer extract: the placement's category changed, the case closed */
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  newer = g_string_new (text);
  g_string_replace (newer, "<Kategori Kode=\"2.1\"/>", "<Kategori Kode=\"2.2\"/>", 1);
  g_string_replace (newer, "Avsluttet=\"false\"", "Avsluttet=\"true\" SluttDato=\"2025-06-01\"",
                    1);
  ck_assert (hw_import_memory (store, "newer.xml", newer->str, newer->len, NULL, &s, &error));
  ck_assert_uint_eq (s.cases_new, 0);
  ck_assert_uint_eq (s.cases_updated, 1);

  after = load_case (CASE_ID);
  ck_assert_uint_eq (hw_dossier_count (after), 29);   /* nothing doubled */
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 1);
  ck_assert (hw_dossier_case (after)->closed);
  ck_assert_date_eq (hw_dossier_case (after)->end_date, "2025-06-01");
  m = find (after, HW_ENTITY_MEASURE, "71000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (m->category, "2.2");
  ck_assert_str_eq (m->home_id, home->rec.id);
  ck_assert_str_eq (m->purpose, "Trygg omsorg");
  child = find (after, HW_ENTITY_CHILD, "9e000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (child->given_name, "Jonas");
  ck_assert_str_eq (child->school, "Solbakken");
  v = find (after, HW_ENTITY_VISIT, "0f000000-0000-4000-8000-000000000003");
  ck_assert_str_eq (v->notes, "Jonas trives");
  ck_assert (v->child_alone);
}
END_TEST

START_TEST (test_deletions)
{
  g_autofree char *delete_path = hw_xtest_fixture ("ssb-delete.xml");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HwDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  HwImportSummary s;

  import_fixture ("ssb-complete.xml", NULL);
  import_fixture ("ssb-minimal.xml", NULL);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 2);

  s = import_fixture ("ssb-delete.xml", warnings);
  ck_assert_uint_eq (s.cases_updated, 1);
  ck_assert_uint_eq (s.cases_deleted, 1);   /* the Sak with ErSlettet="true" */
  ck_assert_uint_eq (s.records_deleted, 2); /* the Plan (Slettet) and the Tiltak (ErSlettet) */
  ck_assert (hw_xtest_has_warning (warnings,
                                   hw_xtest_line_of (delete_path, "0000000000ee"),
                                   "Sak kontroll 22"));
  ck_assert_uint_eq (hw_xtest_count_control (warnings, "Sak kontroll 22"), 1);

  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 1);
  ck_assert_ptr_null (hw_store_load_case_by_journal (store, "M-1", NULL));
  d = load_case (CASE_ID);
  ck_assert_ptr_null (hw_dossier_find (d, HW_ENTITY_PLAN,
                                       "91000000-0000-4000-8000-000000000002"));
  ck_assert_ptr_nonnull (hw_dossier_find (d, HW_ENTITY_PLAN,
                                          "91000000-0000-4000-8000-000000000001"));
  ck_assert_ptr_null (hw_dossier_find (d, HW_ENTITY_MEASURE,
                                       "71000000-0000-4000-8000-000000000001"));
  /* The placement's frequencies went with it; the visits done stay, as the store keeps them */
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_FREQUENCY)->len, 0);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_VISIT)->len, 5);
  ck_assert_ptr_null (((HwVisit *) hw_dossier_get (d, HW_ENTITY_VISIT)->pdata[0])->measure_id);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_MEASURE)->len, 1);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_DECISION)->len, 2);
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_DECISION_STATUS)->len, 5);
  ck_assert_date_eq (((HwDecision *) find (d, HW_ENTITY_DECISION,
                                           "7e000000-0000-4000-8000-000000000001"))->end_date,
                     "2025-09-01");
  ck_assert_no_error (error);
}
END_TEST

/* ---- refusals: the error names file and line, and nothing changes ---- */

typedef struct {
  const char *file;
  const char *needle;     /* the line the error names (NULL: see line) */
  int         line;
  const char *reason;     /* part of the message */
} Refusal;

static const Refusal refusals[] = {
  { "refuse-malformed.xml", "</Tiltk>", 0, "malformed XML" },
  { "refuse-root.xml", "<Individ Id", 0, "root element is <Individ>" },
  { "refuse-uuid.xml", "71000000-0000-0000", 0, "not a valid UUID" },
  { "refuse-code.xml", "Kode=\"2.7\"", 0, "unknown code “2.7”" },
  { "refuse-date-range.xml", "1990-03-01", 0, "Sak kontroll 1" },
  { "refuse-fnr.xml", "<Personalia", 0, "Personalia kontroll 12" },
  { "refuse-end-before-start.xml", "SluttDato=\"2018-12-31\"", 0, "Sak kontroll 2a" },
  { "refuse-required.xml", "<Tiltak Id", 0, "lacks <Kategori>" },
  { "refuse-element.xml", "<Merknad/>", 0, "<Merknad> does not belong in <Tiltak>" },
  { "refuse-attribute.xml", "Saksbehandler", 0, "no attribute Saksbehandler" },
  { "refuse-duplicate-id.xml",
    "<Relasjon Id=\"4e000000-0000-4000-8000-0000000000f2\" FraId=\"7e", 0,
    "two <Relasjon> elements have the Id" },
  { "refuse-external-entity.xml", NULL, 2, "DOCTYPE" },
  { "refuse-external-dtd.xml", NULL, 2, "DOCTYPE" },
  { "refuse-billion-laughs.xml", NULL, 2, "DOCTYPE" },
  { "refuse-truncated.xml", "<Vedtak", 0, "malformed XML" },
  /* what Homeward reads for SSB's schema alone: an element it skips, the key on Slettet */
  { "refuse-schema-melding.xml", "<Melding", 0, "attribute 'MigrertId'" },
  { "refuse-schema-slettet.xml", "SluttDato=\"2019-05-01\"", 0,
    "two <Slettet> elements have the Id 91000000-0000-4000-8000-0000000000f9 and the Type Plan" },
  { "refuse-duplicate-deleted.xml", "0000f1\" StartDato=\"2019-02-20\">", 0,
    "two <Vedtak> elements have the Id" },
};

START_TEST (test_refusal)
{
  const Refusal *r = &refusals[_i];
  g_autofree char *path = hw_xtest_fixture (r->file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  int line = r->needle ? hw_xtest_line_of (path, r->needle) : r->line;
  HwImportSummary s;

  /* A database with a case in it, to show nothing of it changes either */
  import_fixture ("ssb-complete.xml", NULL);
  before = hw_xtest_fingerprint (store);

  ck_assert (!hw_import_paths (store, paths, NULL, &s, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (line > 0, "fixture %s lacks %s", r->file, r->needle);
  prefix = g_strdup_printf ("%s:%d: ", path, line);
  ck_assert_msg (g_str_has_prefix (error->message, prefix), "%s: expected “%s…”, got “%s”",
                 r->file, prefix, error->message);
  ck_assert_msg (strstr (error->message, r->reason), "%s: “%s” lacks “%s”", r->file,
                 error->message, r->reason);
  /* The external entity's target never appears */
  ck_assert (strstr (error->message, "root:") == NULL);

  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_folder_all_or_nothing)
{
  g_autofree char *tmp = hw_test_make_tmpdir ();
  g_autofree char *good = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *bad = hw_xtest_fixture ("refuse-code.xml");
  g_autofree char *a = g_build_filename (tmp, "a-good.xml", NULL);
  g_autofree char *b = g_build_filename (tmp, "b-bad.XML", NULL);
  g_autofree char *c = g_build_filename (tmp, "c-ignored.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = hw_xtest_fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { tmp, NULL };
  HwImportSummary s;

  ck_assert (g_file_get_contents (good, &text, NULL, NULL));
  ck_assert (g_file_set_contents (a, text, -1, NULL));
  ck_assert (g_file_set_contents (c, "not xml", -1, NULL));
  g_clear_pointer (&text, g_free);
  ck_assert (g_file_get_contents (bad, &text, NULL, NULL));
  ck_assert (g_file_set_contents (b, text, -1, NULL));

  ck_assert (!hw_import_paths (store, paths, NULL, &s, &error));
  ck_assert_msg (strstr (error->message, "b-bad.XML:12:"), "%s", error->message);
  ck_assert_uint_eq (s.files, 2);   /* the .txt is not read */
  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
  hw_test_remove_tree (tmp);
}
END_TEST

START_TEST (test_utf16_refused)
{
  g_autofree char *good = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *text = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) withbom = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  ck_assert (g_file_get_contents (good, &text, NULL, NULL));
  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_string_append_len (withbom, "\xff\xfe", 2);
  g_string_append_len (withbom, utf16, (gssize) len);
  ck_assert (!hw_import_memory (store, "utf16.xml", withbom->str, withbom->len, NULL, NULL,
                                &error));
  ck_assert (strstr (error->message, "utf16.xml:1: "));
  ck_assert (strstr (error->message, "UTF-8"));
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
}
END_TEST

START_TEST (test_dry_run)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-complete.xml");
  g_autofree char *before = hw_xtest_fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  HwImportOptions options = { 0 };
  HwImportSummary s;

  options.dry_run = TRUE;
  ck_assert (hw_import_paths (store, paths, &options, &s, &error));
  ck_assert_uint_eq (s.cases_new, 1);
  ck_assert_uint_eq (s.records, 29);
  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_detect_format)
{
  g_autofree char *ssb = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *hw = hw_xtest_fixture ("homeward-complete.xml");
  g_autofree char *bad = hw_xtest_fixture ("refuse-root.xml");
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (hw_exchange_detect_format (ssb, NULL), HW_EXCHANGE_FORMAT_BARNEVERN_V4);
  ck_assert_int_eq (hw_exchange_detect_format (hw, NULL), HW_EXCHANGE_FORMAT_HOMEWARD);
  ck_assert_int_eq (hw_exchange_detect_format (bad, &error), HW_EXCHANGE_FORMAT_UNKNOWN);
  ck_assert (strstr (error->message, "<Individ>"));
}
END_TEST

static void
count_progress (const char *file, guint index, guint n_files, guint64 done, guint64 total,
                guint cases, gpointer user_data)
{
  guint *calls = user_data;

  ck_assert_uint_le (done, total);
  (*calls)++;
}

/* A national file: thousands of Sak in one document, lines far past 65,535, an error in the
 * last Sak reported on its own line, and progress along the way. */
START_TEST (test_national_file)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  HwImportOptions options = { 0 };
  HwImportSummary s;
  guint calls = 0, n = 9000, line;

  g_string_append (doc, "<?xml version=\"1.0\"?>\n"
                        "<Barnevern Id=\"00000000-0000-4000-8000-000000000009\" "
                        "DatoUttrekk=\"2025-06-30T00:00:00Z\">\n"
                        "  <Fagsystem Leverandor=\"Test\" Navn=\"T\" Versjon=\"1\"/>\n"
                        "  <Avgiver Organisasjonsnummer=\"944496394\" Kommunenummer=\"5001\" "
                        "Kommunenavn=\"Trondheim\"/>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc,
                            "  <Sak Id=\"5a000000-0000-4000-8000-%012x\"\n"
                            "       StartDato=\"2019-01-15\" Journalnummer=\"N-%u\">\n"
                            "    <Personalia Id=\"9e000000-0000-4000-8000-%012x\"\n"
                            "      StartDato=\"2019-01-15\" Fodselsnummer=\"17851250115\"\n"
                            "      Fodseldato=\"2012-05-17\" Kjonn=\"1\"/>\n"
                            "    <Tiltak Id=\"71000000-0000-4000-8000-%012x\"\n"
                            "      StartDato=\"2019-03-01\">\n"
                            "      <Lovhjemmel>\n"
                            "        <Lov>BVL</Lov>\n"
                            "        <Kapittel>4</Kapittel>\n"
                            "        <Paragraf>4</Paragraf>\n"
                            "      </Lovhjemmel>\n"
                            "      <Kategori Kode=\"%s\"/>\n"
                            "    </Tiltak>\n"
                            "  </Sak>\n", i, i, i, i, i == n - 1 ? "9.9" : "4.3");
  g_string_append (doc, "</Barnevern>\n");
  line = 4 + (n - 1) * 15 + 13;   /* the last Sak's Kategori */
  ck_assert_uint_gt (line, 65535);

  options.progress = count_progress;
  options.user_data = &calls;
  ck_assert (!hw_import_memory (store, "national.xml", doc->str, doc->len, &options, &s,
                                &error));
  {
    g_autofree char *prefix = g_strdup_printf ("national.xml:%u: ", line);

    ck_assert_msg (g_str_has_prefix (error->message, prefix), "expected %s…, got %s", prefix,
                   error->message);
  }
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
  ck_assert_uint_ge (calls, 3);

  /* Without the error all of it goes in */
  g_string_replace (doc, "\"9.9\"", "\"4.3\"", 1);
  g_clear_error (&error);
  ck_assert (hw_import_memory (store, "national.xml", doc->str, doc->len, NULL, &s, &error));
  ck_assert_uint_eq (s.cases_new, n);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), n);
}
END_TEST

START_TEST (test_many_errors)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_string_append (doc, "<?xml version=\"1.0\"?>\n"
                        "<Barnevern Id=\"00000000-0000-4000-8000-000000000009\" "
                        "DatoUttrekk=\"2025-06-30T00:00:00Z\">\n"
                        "  <Fagsystem Leverandor=\"Test\" Navn=\"T\" Versjon=\"1\"/>\n"
                        "  <Avgiver Organisasjonsnummer=\"944496394\" Kommunenummer=\"5001\" "
                        "Kommunenavn=\"Trondheim\"/>\n");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (doc, "  <Sak Id=\"bad-%u\" StartDato=\"2019-01-15\" "
                                 "Journalnummer=\"E-%u\"/>\n", i, i);
  g_string_append (doc, "</Barnevern>\n");
  ck_assert (!hw_import_memory (store, "errors.xml", doc->str, doc->len, NULL, NULL, &error));
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 21);   /* 20 and "too many errors" */
  ck_assert (g_str_has_prefix (lines[0], "errors.xml:5: "));
  ck_assert (g_str_has_prefix (lines[19], "errors.xml:24: "));
  ck_assert (strstr (lines[20], "too many errors"));
}
END_TEST

/* ---- issue 13: refusals found by attacking the import ---- */

/* ssb-minimal.xml with @from replaced by @to (each pair, NULL-terminated). */
static char *
minimal_with (const char *from, const char *to, ...)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *text = NULL;
  GString *doc;
  va_list args;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  doc = g_string_new (text);
  va_start (args, to);
  while (from)
    {
      ck_assert_msg (g_string_replace (doc, from, to, 0) > 0, "ssb-minimal.xml lacks %s", from);
      from = va_arg (args, const char *);
      if (from)
        to = va_arg (args, const char *);
    }
  va_end (args);
  return g_string_free (doc, FALSE);
}

/* Imports @doc as @name and asserts it is refused, the database unchanged; the message. */
static char *
refuse_memory (const char *name, const char *doc)
{
  g_autofree char *before = hw_xtest_fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (!hw_import_memory (store, name, doc, strlen (doc), NULL, NULL, &error),
                 "%s was imported", name);
  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
  return g_strdup (error->message);
}

/* Sak kontroll 1's range past year 9999 (or before year 1) came out as "(null)". */
START_TEST (test_extract_year_9999)
{
  g_autofree char *late = minimal_with ("DatoUttrekk=\"2025-", "DatoUttrekk=\"9999-", NULL);
  g_autofree char *early = minimal_with ("DatoUttrekk=\"2025-", "DatoUttrekk=\"0010-",
                                         "StartDato=\"2019-01-15\" Journalnummer",
                                         "StartDato=\"0030-01-15\" Journalnummer", NULL);
  g_autofree char *message = refuse_memory ("late.xml", late);
  g_autofree char *message2 = NULL;

  ck_assert_msg (g_str_has_prefix (message, "late.xml:8: Sak kontroll 1: StartDato of <Sak> "
                                   "(2019-01-15) must be between 9973-01-01 and 9999-12-31"),
                 "%s", message);
  ck_assert_msg (strstr (message, "(null)") == NULL, "%s", message);

  message2 = refuse_memory ("early.xml", early);
  ck_assert_msg (strstr (message2, "early.xml:8: Sak kontroll 1") == NULL, "%s", message2);
  ck_assert_msg (strstr (message2, "between 0001-01-01 and 0036-12-31"), "%s", message2);
  ck_assert_msg (strstr (message2, "(null)") == NULL, "%s", message2);
}
END_TEST

/* A re-used Tiltak Id under a new Sak moved the placement from the first child's case. */
START_TEST (test_record_never_changes_case)
{
  g_autofree char *other = minimal_with ("5a000000-0000-4000-8000-0000000000f1",
                                         "5a000000-0000-4000-8000-0000000000f2",
                                         "Journalnummer=\"M-1\"", "Journalnummer=\"M-2\"",
                                         "9e000000-0000-4000-8000-0000000000f1",
                                         "9e000000-0000-4000-8000-0000000000f2",
                                         "7e000000-0000-4000-8000-0000000000f1",
                                         "7e000000-0000-4000-8000-0000000000f2",
                                         "57000000-0000-4000-8000-0000000000f1",
                                         "57000000-0000-4000-8000-0000000000f2",
                                         "4e000000-0000-4000-8000-0000000000f1",
                                         "4e000000-0000-4000-8000-0000000000f2", NULL);
  g_autofree char *message = NULL;
  g_autoptr(HwDossier) d = NULL;

  import_fixture ("ssb-minimal.xml", NULL);
  message = refuse_memory ("other.xml", other);
  ck_assert_msg (g_str_has_prefix (message, "other.xml:11: Measure "
                                   "71000000-0000-4000-8000-0000000000f1 belongs to case M-1 "
                                   "(5a000000-0000-4000-8000-0000000000f1), not to case M-2 "
                                   "(5a000000-0000-4000-8000-0000000000f2)"), "%s", message);
  d = load_case ("5a000000-0000-4000-8000-0000000000f1");
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_MEASURE)->len, 1);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 1);
}
END_TEST

/* Two Sak with one Id in a file, or in two files of one import, merged silently. */
START_TEST (test_case_once_per_import)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *text = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *message = NULL;
  g_autofree char *tmp = hw_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (tmp, "a.xml", NULL);
  g_autofree char *b = g_build_filename (tmp, "b.xml", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { a, b, NULL };
  const char *sak;
  GString *doc;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  sak = strstr (text, "  <Sak ");
  doc = g_string_new_len (text, strstr (text, "</Barnevern>") - text);
  g_string_append_len (doc, sak, strstr (text, "</Barnevern>") - sak);
  g_string_append (doc, "</Barnevern>\n");
  twice = g_string_free (doc, FALSE);
  message = refuse_memory ("twice.xml", twice);
  ck_assert_msg (g_str_has_prefix (message, "twice.xml:22: case M-1 "
                                   "(5a000000-0000-4000-8000-0000000000f1) is in this import "
                                   "twice: also at twice.xml:8"), "%s", message);

  ck_assert (g_file_set_contents (a, text, -1, NULL));
  ck_assert (g_file_set_contents (b, text, -1, NULL));
  ck_assert (!hw_import_paths (store, paths, NULL, NULL, &error));
  expected = g_strdup_printf ("%s:8: case M-1 (5a000000-0000-4000-8000-0000000000f1) is in "
                              "this import twice: also at %s:8", b, a);
  ck_assert_msg (g_str_has_prefix (error->message, expected), "%s", error->message);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 0);
  hw_test_remove_tree (tmp);
}
END_TEST

/* A pipe whose writer stalls half-way: the import may wait for it, but must not hold the
 * database's write lock meanwhile (the app would freeze opening a record). */
typedef struct {
  const char *fifo;
  char       *text;
  GMutex      lock;
  GCond       cond;
  gboolean    half_written;
  gboolean    go_on;
  HwStore    *store;
  gboolean    imported;
  char       *message;
} Stall;

static gpointer
stall_writer (gpointer data)
{
  Stall *st = data;
  int fd = g_open (st->fifo, O_WRONLY, 0);
  gsize half = strlen (st->text) / 2;

  g_assert (fd >= 0);
  g_assert (write (fd, st->text, half) == (gssize) half);
  g_mutex_lock (&st->lock);
  st->half_written = TRUE;
  g_cond_broadcast (&st->cond);
  while (!st->go_on)
    g_cond_wait (&st->cond, &st->lock);
  g_mutex_unlock (&st->lock);
  g_assert (write (fd, st->text + half, strlen (st->text) - half) ==
            (gssize) (strlen (st->text) - half));
  close (fd);
  return NULL;
}

static gpointer
stall_importer (gpointer data)
{
  Stall *st = data;
  const char *paths[] = { st->fifo, NULL };
  GError *error = NULL;

  st->imported = hw_import_paths (st->store, paths, NULL, NULL, &error);
  st->message = error ? g_strdup (error->message) : NULL;
  g_clear_error (&error);
  return NULL;
}

START_TEST (test_stalled_pipe_holds_no_lock)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-minimal.xml");
  g_autofree char *fifo = g_build_filename (dir, "stall.fifo", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  GThread *writer, *importer;
  Stall st = { 0 };
  gboolean began;
  gint64 start;

  ck_assert (g_file_get_contents (path, &st.text, NULL, NULL));
  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  st.fifo = fifo;
  st.store = store;
  g_mutex_init (&st.lock);
  g_cond_init (&st.cond);
  writer = g_thread_new ("writer", stall_writer, &st);
  importer = g_thread_new ("importer", stall_importer, &st);

  g_mutex_lock (&st.lock);
  while (!st.half_written)
    g_cond_wait (&st.cond, &st.lock);
  g_mutex_unlock (&st.lock);
  g_usleep (200 * 1000);   /* the import is waiting for the rest */

  /* Another program writes meanwhile, without waiting. */
  other = hw_store_open (db, &error);
  ck_assert_no_error (error);
  start = g_get_monotonic_time ();
  began = hw_store_begin (other, &error);
  if (began)
    hw_store_rollback (other);

  g_mutex_lock (&st.lock);
  st.go_on = TRUE;
  g_cond_broadcast (&st.cond);
  g_mutex_unlock (&st.lock);
  g_thread_join (writer);
  g_thread_join (importer);

  ck_assert_msg (began, "the stalled import holds the write lock: %s",
                 error ? error->message : "");
  ck_assert_int_lt (g_get_monotonic_time () - start, G_USEC_PER_SEC);
  ck_assert_msg (st.imported, "%s", st.message);
  ck_assert_uint_eq (hw_store_count (store, HW_ENTITY_CASE, NULL), 1);
  g_free (st.text);
  g_free (st.message);
  g_mutex_clear (&st.lock);
  g_cond_clear (&st.cond);
}
END_TEST

/* ---- valid files that must not be refused ---- */

/* A case begun in the pregnancy (a Tiltak three months before the birth, which Personalia
 * kontroll 16 allows) and a Vedtak whose two Status share an Id (SSB's schema has no key on
 * Status): both import, with warnings. Ten months before the birth is refused. */
static GString *
prenatal_doc (const char *tiltak_start)
{
  GString *doc = g_string_new (NULL);

  g_string_append_printf (doc,
    "<?xml version=\"1.0\"?>\n"
    "<Barnevern Id=\"00000000-0000-4000-8000-000000000301\" DatoUttrekk=\"2025-01-15T00:00:00Z\">\n"
    "  <Fagsystem Leverandor=\"Test\" Navn=\"T\" Versjon=\"1\"/>\n"
    "  <Avgiver Organisasjonsnummer=\"944496394\" Kommunenummer=\"5001\" Kommunenavn=\"Trondheim\"/>\n"
    "  <Sak Id=\"5a000000-0000-4000-8000-000000000301\" StartDato=\"2023-06-01\" Journalnummer=\"P-1\">\n"
    "    <Personalia Id=\"9e000000-0000-4000-8000-000000000301\" StartDato=\"2023-10-01\" "
    "Fodselsnummer=\"01062499999\" Fodseldato=\"2024-06-01\" Kjonn=\"1\"/>\n"
    "    <Tiltak Id=\"71000000-0000-4000-8000-000000000301\" StartDato=\"%s\">"
    "<Lovhjemmel><Lov>BVL</Lov><Kapittel>3</Kapittel><Paragraf>1</Paragraf></Lovhjemmel>"
    "<Kategori Kode=\"1.1\"/></Tiltak>\n"
    "    <Vedtak Id=\"7e000000-0000-4000-8000-000000000301\" StartDato=\"2024-08-01\">"
    "<Lovhjemmel><Lov>BVL</Lov><Kapittel>3</Kapittel><Paragraf>1</Paragraf></Lovhjemmel>\n"
    "      <Status Id=\"57000000-0000-4000-8000-000000000301\" EndretDato=\"2024-08-01\" Kode=\"1\"/>\n"
    "      <Status Id=\"57000000-0000-4000-8000-000000000301\" EndretDato=\"2024-09-01\" Kode=\"2\"/>\n"
    "    </Vedtak>\n"
    "  </Sak>\n"
    "</Barnevern>\n", tiltak_start);
  return doc;
}

static gboolean
has_warning_text (GPtrArray *warnings, int line, const char *text)
{
  g_autofree char *prefix = g_strdup_printf ("%d|", line);

  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (warnings->pdata[i], prefix) && strstr (warnings->pdata[i], text))
      return TRUE;
  return FALSE;
}

START_TEST (test_valid_prenatal_and_shared_status_id)
{
  g_autoptr(GString) ok = prenatal_doc ("2024-03-01");
  g_autoptr(GString) early = prenatal_doc ("2023-08-01");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDossier) d = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HwImportOptions options = { 0 };
  HwImportSummary s;

  options.warning = hw_xtest_collect_warning;
  options.user_data = warnings;
  ck_assert_msg (hw_import_memory (store, "prenatal.xml", ok->str, ok->len, &options, &s, &error),
                 "%s", error ? error->message : "");
  ck_assert_msg (has_warning_text (warnings, 7, "before the child's birth date (2024-06-01)"),
                 "no warning for the Tiltak before the birth");
  ck_assert (has_warning_text (warnings, 10, "two <Status> elements have the Id"));
  d = load_case ("5a000000-0000-4000-8000-000000000301");
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_DECISION_STATUS)->len, 2);
  ck_assert (hw_dossier_find (d, HW_ENTITY_DECISION_STATUS,
                              "57000000-0000-4000-8000-000000000301") != NULL);

  /* Again: the second Status keeps its derived Id, nothing is added. */
  ck_assert (hw_import_memory (store, "prenatal.xml", ok->str, ok->len, NULL, &s, &error));
  g_clear_pointer (&d, hw_dossier_free);
  d = load_case ("5a000000-0000-4000-8000-000000000301");
  ck_assert_uint_eq (hw_dossier_get (d, HW_ENTITY_DECISION_STATUS)->len, 2);

  /* More than nine months before the birth: refused at the Tiltak's line, nothing changed. */
  before = hw_xtest_fingerprint (store);
  ck_assert (!hw_import_memory (store, "early.xml", early->str, early->len, NULL, &s, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "early.xml:7: ") &&
                 strstr (error->message, "nine months"), "%s", error->message);
  after = hw_xtest_fingerprint (store);
  ck_assert_str_eq (before, after);
}
END_TEST

/* MigrertId and DUFnummer are kept (issue 20: both were dropped). */
START_TEST (test_migrated_id_and_duf_kept)
{
  g_autoptr(HwDossier) d = NULL;
  HwCase *c;
  HwMeasure *m;

  import_fixture ("ssb-complete.xml", NULL);
  d = load_case ("5a000000-0000-4000-8000-000000000001");
  c = hw_dossier_case (d);
  ck_assert_str_eq (c->migrated_id, "K-123");
  m = find (d, HW_ENTITY_MEASURE, "71000000-0000-4000-8000-000000000001");
  ck_assert_str_eq (m->migrated_id, "T-9");
  ck_assert_str_eq (hw_dossier_child (d)->duf, "201200012345");
}
END_TEST

/* The severity of Tiltak kontroll 20 (no Relasjon from a Vedtak) on the first Tiltak, with
 * its MigrertId or without. */
static char *
severity_of_unrelated_measure (gboolean migrated)
{
  g_autofree char *path = hw_xtest_fixture ("ssb-complete.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) doc = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  HwImportOptions options = { 0 };
  int line;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  doc = g_string_new (text);
  /* The Vedtak's Relasjon goes to the other Tiltak: the first has none */
  ck_assert_uint_eq (g_string_replace (doc, "TilId=\"71000000-0000-4000-8000-000000000001\"",
                                       "TilId=\"71000000-0000-4000-8000-000000000002\"", 1), 1);
  if (!migrated)
    ck_assert_uint_eq (g_string_replace (doc, "MigrertId=\"T-9\" ", "", 1), 1);
  line = hw_xtest_line_of (path, "<Tiltak Id=\"71000000-0000-4000-8000-000000000001\"");
  options.warning = hw_xtest_collect_warning;
  options.user_data = warnings;
  ck_assert_msg (hw_import_memory (store, path, doc->str, doc->len, &options, NULL, &error),
                 "%s", error ? error->message : "");
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%d|Tiltak kontroll 20|", line);
      const char *w = warnings->pdata[i];

      if (g_str_has_prefix (w, prefix))
        return g_strndup (w + strlen (prefix), strcspn (w + strlen (prefix), "|"));
    }
  ck_abort_msg ("no Tiltak kontroll 20 at line %d", line);
  return NULL;
}

/* Kravspesifikasjon: a record with a MigrertId has its ERRORs as WARNINGs. */
START_TEST (test_migrated_id_downgrades_errors)
{
  g_autofree char *plain = severity_of_unrelated_measure (FALSE);
  g_autofree char *migrated = NULL;

  ck_assert_str_eq (plain, "ERROR");
  migrated = severity_of_unrelated_measure (TRUE);
  ck_assert_str_eq (migrated, "WARNING");
}
END_TEST

static Suite *
ssb_import_suite (void)
{
  Suite *s = suite_create ("ssb-import");
  TCase *tc = tcase_create ("ssb-import");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_complete_mapping);
  tcase_add_test (tc, test_every_code);
  tcase_add_test (tc, test_controls);
  tcase_add_test (tc, test_reimport_updates);
  tcase_add_test (tc, test_deletions);
  tcase_add_loop_test (tc, test_refusal, 0, G_N_ELEMENTS (refusals));
  tcase_add_test (tc, test_folder_all_or_nothing);
  tcase_add_test (tc, test_utf16_refused);
  tcase_add_test (tc, test_dry_run);
  tcase_add_test (tc, test_detect_format);
  tcase_add_test (tc, test_national_file);
  tcase_add_test (tc, test_many_errors);
  tcase_add_test (tc, test_extract_year_9999);
  tcase_add_test (tc, test_record_never_changes_case);
  tcase_add_test (tc, test_case_once_per_import);
  tcase_add_test (tc, test_stalled_pipe_holds_no_lock);
  tcase_add_test (tc, test_valid_prenatal_and_shared_status_id);
  tcase_add_test (tc, test_migrated_id_and_duf_kept);
  tcase_add_test (tc, test_migrated_id_downgrades_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return hw_test_run_suite (ssb_import_suite ());
}
