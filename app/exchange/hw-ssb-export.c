/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-ssb-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "hw-error.h"
#include "hw-ssb-export.h"
#include "hw-ssb-export-private.h"
#include "hw-ssb-private.h"
#include "hw-xml-output.h"

struct _HwSsbWriter {
  xmlTextWriterPtr   writer;
  HwOutputFile      *out;
  char              *path;
  HwSsbExportOptions options;
  char              *municipality;   /* for Tilsyn/Ansvarlig when the placement has none */
  const char        *case_ref;
  gboolean           failed;         /* a write failed (disk full…) */
  guint              n_cases;
  GByteArray        *copy;           /* what was written, for the pre-flight; or NULL */
  GHashTable        *ids;            /* the Sak's element Ids written (lower case) */
};

/* Writes to the file and, for the pre-flight, to the copy. A failed write is kept by the
 * HwOutputFile, as hw-xml-output.c does. */
static int
tee_write_cb (void *context, const char *buffer, int len)
{
  HwSsbWriter *self = context;

  if (len > 0)
    {
      hw_output_file_write (self->out, buffer, (gsize) len, NULL);
      g_byte_array_append (self->copy, (const guint8 *) buffer, (guint) len);
    }
  return len;
}

static int
tee_close_cb (void *context)
{
  (void) context;
  return 0;
}

static xmlTextWriterPtr
tee_writer_new (HwSsbWriter *self)
{
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (tee_write_cb, tee_close_cb, self, NULL);
  xmlTextWriterPtr writer;

  if (buffer == NULL)
    return NULL;
  writer = xmlNewTextWriter (buffer);
  if (writer == NULL)
    xmlOutputBufferClose (buffer);
  return writer;
}

static void
skipped (HwSsbWriter *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
skipped (HwSsbWriter *self, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->options.warning == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  self->options.warning (self->case_ref, message, self->options.user_data);
}

/* Why the file could not be written: the disk's own words when a write failed. */
static void
set_write_error (HwSsbWriter *self, GError **error)
{
  if (self->out && !hw_output_file_check (self->out, error))
    return;
  g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: cannot write the file"), self->path);
}

static void
start (HwSsbWriter *self, const char *name)
{
  if (xmlTextWriterStartElement (self->writer, BAD_CAST name) < 0)
    self->failed = TRUE;
}

static void
end (HwSsbWriter *self)
{
  if (xmlTextWriterEndElement (self->writer) < 0)
    self->failed = TRUE;
}

static void
put (HwSsbWriter *self, const char *name, const char *value)
{
  if (value && xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value) < 0)
    self->failed = TRUE;
}

static char *ssb_id (const char *id);

/* The Id of an element a Relasjon may point to. */
static void
put_id (HwSsbWriter *self, const char *id)
{
  put (self, "Id", id);
  g_hash_table_add (self->ids, g_ascii_strdown (id, -1));
}

static gboolean
was_written (HwSsbWriter *self, const char *id)
{
  g_autofree char *ssb = ssb_id (id);
  g_autofree char *key = g_ascii_strdown (ssb, -1);

  return g_hash_table_contains (self->ids, key);
}

static void
put_date (HwSsbWriter *self, const char *name, HwDate date)
{
  char buf[11];

  if (hw_date_to_iso (date, buf))
    put (self, name, buf);
}

static void
put_int (HwSsbWriter *self, const char *name, int value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", value);
  put (self, name, buf);
}

/* Presisering holds 1–10,000 characters. */
static void
put_note (HwSsbWriter *self, const char *note)
{
  g_autofree char *cut = NULL;

  if (note == NULL || *note == '\0')
    return;
  if (g_utf8_strlen (note, -1) > 10000)
    {
      cut = g_utf8_substring (note, 0, 10000);
      skipped (self, _("a Presisering was cut to SSB's 10,000 characters"));
      note = cut;
    }
  put (self, "Presisering", note);
}

static void
text_element (HwSsbWriter *self, const char *name, const char *text)
{
  if (xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST text) < 0)
    self->failed = TRUE;
}

/* SSB's schema wants an RFC 4122 UUID of version 1–5; other ids get a derived one. */
static char *
ssb_id (const char *id)
{
  if (hw_ssb_uuid_is_valid (id))
    return g_strdup (id);
  return hw_ssb_uuid_derive (id ? id : "", "id");
}

/* ---- legal bases ---- */

static gboolean
list_is_valid (const char *list, gboolean (*item_valid) (const char *))
{
  g_auto(GStrv) items = NULL;

  if (list == NULL || *list == '\0')
    return TRUE;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    if (!item_valid (items[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parts_valid (const char *law, const char *chapter, const char *section, const char *ledd,
             const char *bokstav, const char *punktum)
{
  return hw_ssb_code_lookup (HW_SSB_LIST_LOV, law) != NULL && hw_ssb_chapter_is_valid (chapter) &&
         hw_ssb_section_is_valid (section) && list_is_valid (ledd, hw_ssb_number_is_valid) &&
         list_is_valid (bokstav, hw_ssb_letter_is_valid) &&
         list_is_valid (punktum, hw_ssb_number_is_valid);
}

static gboolean
basis_is_valid (const HwLegalBasis *b)
{
  g_auto(GStrv) refs = NULL;

  if (!parts_valid (b->law, b->chapter, b->section, b->ledd, b->bokstav, b->punktum))
    return FALSE;
  if (b->jmfr == NULL || *b->jmfr == '\0')
    return TRUE;
  refs = g_strsplit (b->jmfr, ";", -1);
  if (g_strv_length (refs) > 3)
    return FALSE;
  for (guint i = 0; refs[i]; i++)
    {
      g_auto(GStrv) p = g_strsplit (refs[i], ":", 6);

      if (g_strv_length (p) < 3 ||
          !parts_valid (p[0], p[1], p[2], p[3], p[3] ? p[4] : NULL, p[3] && p[4] ? p[5] : NULL))
        return FALSE;
    }
  return TRUE;
}

static void
write_items (HwSsbWriter *self, const char *name, const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL || *list == '\0')
    return;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    text_element (self, name, items[i]);
}

static void
write_parts (HwSsbWriter *self, const char *element, const char *law, const char *chapter,
             const char *section, const char *ledd, const char *bokstav, const char *punktum)
{
  start (self, element);
  text_element (self, "Lov", law);
  text_element (self, "Kapittel", chapter);
  text_element (self, "Paragraf", section);
  write_items (self, "Ledd", ledd);
  write_items (self, "Bokstav", bokstav);
  write_items (self, "Punktum", punktum);
  end (self);
}

static void
write_legal_basis (HwSsbWriter *self, const HwLegalBasis *b)
{
  g_auto(GStrv) refs = NULL;

  write_parts (self, "Lovhjemmel", b->law, b->chapter, b->section, b->ledd, b->bokstav,
               b->punktum);
  if (b->jmfr == NULL || *b->jmfr == '\0')
    return;
  refs = g_strsplit (b->jmfr, ";", -1);
  for (guint i = 0; refs[i]; i++)
    {
      g_auto(GStrv) p = g_strsplit (refs[i], ":", 6);
      guint n = g_strv_length (p);

      write_parts (self, "JmfrLovhjemmel", p[0], p[1], p[2], n > 3 ? p[3] : NULL,
                   n > 4 ? p[4] : NULL, n > 5 ? p[5] : NULL);
    }
}

static const char *
law_text (const HwLegalBasis *b)
{
  return b->law ? b->law : "?";
}

/* ---- the elements ---- */

static void
write_personalia (HwSsbWriter *self, const HwCase *kase, const HwChild *child)
{
  g_autofree char *id = ssb_id (child->rec.id);
  const char *fnr = child->fnr;
  int sex = child->sex == HW_SEX_MALE ? 1 : child->sex == HW_SEX_FEMALE ? 2 : 0;

  /* An unknown sex is the identity number's (odd ninth digit: a boy), except an unborn
   * child's (99999), which is SSB's 0. */
  if (sex == 0 && fnr && strlen (fnr) == 11 && !g_str_equal (fnr + 6, "99999"))
    sex = (fnr[8] - '0') % 2 ? 1 : 2;
  start (self, "Personalia");
  put_id (self, id);
  put_date (self, "StartDato", child->start_date ? child->start_date : kase->start_date);
  put (self, "Fodselsnummer", fnr);
  put (self, "DUFnummer", child->duf);
  put_date (self, "Fodseldato", child->birth_date);
  put_int (self, "Kjonn", sex);
  end (self);
}

static gint
compare_evaluations (gconstpointer a, gconstpointer b)
{
  const HwPlanEvaluation *x = *(HwPlanEvaluation *const *) a;
  const HwPlanEvaluation *y = *(HwPlanEvaluation *const *) b;

  return x->date < y->date ? -1 : x->date > y->date;
}

static void
write_plan (HwSsbWriter *self, const HwDossier *d, const HwPlan *plan)
{
  GPtrArray *all = hw_dossier_get (d, HW_ENTITY_PLAN_EVALUATION);
  g_autoptr(GPtrArray) evals = g_ptr_array_new ();
  g_autofree char *id = NULL;

  if (plan->plan_type < 1 || plan->plan_type > 8)
    return;   /* Homeward's own plans (return plan, foster family plan) */
  id = ssb_id (plan->rec.id);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((HwPlanEvaluation *) all->pdata[i])->plan_id, plan->rec.id) == 0)
      g_ptr_array_add (evals, all->pdata[i]);
  g_ptr_array_sort (evals, compare_evaluations);

  start (self, "Plan");
  put_id (self, id);
  put (self, "MigrertId", plan->migrated_id);
  put_date (self, "StartDato", plan->start_date);
  put_int (self, "Plantype", plan->plan_type);
  for (guint i = 0; i < evals->len; i++)
    {
      HwPlanEvaluation *ev = evals->pdata[i];

      start (self, "Evaluering");
      put_date (self, "UtfortDato", ev->date);
      end (self);
    }
  if (plan->end_date)
    {
      start (self, "Konklusjon");
      put_date (self, "SluttDato", plan->end_date);
      end (self);
    }
  end (self);
}

/* The Tilsyn/Ansvarlig elements an import kept ("Id,StartDato,Kommunenummer;…"), each as it
 * was; FALSE, writing nothing, when there are none or one is not in SSB's form. */
static gboolean
write_responsible (HwSsbWriter *self, const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL || *list == '\0')
    return FALSE;
  items = g_strsplit (list, ";", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) p = g_strsplit (items[i], ",", -1);
      HwDate date;

      if (g_strv_length (p) != 3 || !hw_ssb_uuid_is_valid (p[0]) ||
          !hw_ssb_parse_date (p[1], &date) || !hw_ssb_digits_are_valid (p[2], 4))
        return FALSE;
    }
  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) p = g_strsplit (items[i], ",", -1);

      start (self, "Ansvarlig");
      put (self, "Id", p[0]);
      put (self, "StartDato", p[1]);
      put (self, "Kommunenummer", p[2]);
      end (self);
    }
  return TRUE;
}

/* Tilsyn or Oppfolging of one placement: its frequencies and the visits done in person. */
static void
write_visits (HwSsbWriter *self, const HwDossier *d, const HwMeasure *m, gboolean tilsyn)
{
  HwFrequencyKind fkind = tilsyn ? HW_FREQUENCY_TILSYN : HW_FREQUENCY_FOLLOWUP;
  HwVisitKind vkind = tilsyn ? HW_VISIT_TILSYN : HW_VISIT_FOLLOWUP;
  GPtrArray *freqs = hw_dossier_get (d, HW_ENTITY_FREQUENCY);
  GPtrArray *visits = hw_dossier_get (d, HW_ENTITY_VISIT);
  g_autoptr(GPtrArray) f = g_ptr_array_new ();
  g_autoptr(GPtrArray) v = g_ptr_array_new ();

  for (guint i = 0; i < freqs->len; i++)
    {
      HwFrequency *x = freqs->pdata[i];

      if (x->kind != fkind || g_strcmp0 (x->measure_id, m->rec.id) != 0)
        continue;
      if (x->per_year != 2 && x->per_year != 4)
        skipped (self, _("a visit frequency of %d a year was left out: SSB knows 4 (standard) "
                         "and 2 (reduced)"), x->per_year);
      else
        g_ptr_array_add (f, x);
    }
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *x = visits->pdata[i];

      if (x->kind == vkind && x->in_person && g_strcmp0 (x->measure_id, m->rec.id) == 0)
        g_ptr_array_add (v, x);
    }
  if (f->len == 0)
    {
      if (v->len > 0)
        skipped (self, ngettext ("%u %s visit was left out: the placement has no visit "
                                 "frequency of that kind",
                                 "%u %s visits were left out: the placement has no visit "
                                 "frequency of that kind", v->len),
                 v->len, tilsyn ? "Tilsyn" : "Oppfolging");
      return;
    }

  start (self, tilsyn ? "Tilsyn" : "Oppfolging");
  /* As imported; else the one Homeward keeps, from the placement's start. */
  if (tilsyn && !write_responsible (self, m->tilsyn_responsible))
    {
      g_autofree char *aid = hw_ssb_uuid_derive (m->rec.id, "tilsyn-ansvarlig");

      start (self, "Ansvarlig");
      put (self, "Id", aid);
      put_date (self, "StartDato", m->start_date);
      put (self, "Kommunenummer", m->tilsyn_municipality && hw_ssb_digits_are_valid (
             m->tilsyn_municipality, 4) ? m->tilsyn_municipality : self->municipality);
      end (self);
    }
  for (guint i = 0; i < f->len; i++)
    {
      HwFrequency *x = f->pdata[i];
      g_autofree char *id = ssb_id (x->rec.id);

      start (self, "Hyppighet");
      put (self, "Id", id);
      put_date (self, "StartDato", x->start_date);
      put_int (self, "Kode", x->per_year);
      end (self);
    }
  for (guint i = 0; i < v->len; i++)
    {
      HwVisit *x = v->pdata[i];
      g_autofree char *id = ssb_id (x->rec.id);

      start (self, "Utfort");
      put (self, "Id", id);
      put_date (self, "UtfortDato", x->date);
      end (self);
    }
  end (self);
}

static void
write_tiltak (HwSsbWriter *self, const HwDossier *d, const HwMeasure *m)
{
  g_autofree char *id = NULL;

  if (!basis_is_valid (&m->basis))
    {
      skipped (self, _("a measure was left out: its legal basis (%s %s-%s) is not in SSB's "
                       "form"), law_text (&m->basis), m->basis.chapter, m->basis.section);
      return;
    }
  if (hw_ssb_code_lookup (HW_SSB_LIST_KATEGORI, m->category) == NULL)
    {
      skipped (self, _("a measure was left out: “%s” is not one of SSB's categories"),
               m->category ? m->category : "");
      return;
    }
  id = ssb_id (m->rec.id);
  start (self, "Tiltak");
  put_id (self, id);
  put (self, "MigrertId", m->migrated_id);
  put_date (self, "StartDato", m->start_date);
  write_legal_basis (self, &m->basis);
  start (self, "Kategori");
  put (self, "Kode", m->category);
  put_note (self, m->category_note);
  end (self);
  write_visits (self, d, m, TRUE);
  write_visits (self, d, m, FALSE);
  if (m->end_reason >= 1 && m->end_reason <= 4)
    {
      start (self, "Opphevelse");
      put_int (self, "Kode", m->end_reason);
      put_note (self, m->end_reason_note);
      end (self);
    }
  if (m->end_date)
    {
      start (self, "Konklusjon");
      put_date (self, "SluttDato", m->end_date);
      end (self);
    }
  end (self);
}

static void
write_vedtak (HwSsbWriter *self, const HwDossier *d, const HwDecision *dec)
{
  GPtrArray *all = hw_dossier_get (d, HW_ENTITY_DECISION_STATUS);
  g_autofree char *id = NULL;
  guint n = 0;

  if (!basis_is_valid (&dec->basis))
    {
      skipped (self, _("a decision was left out: its legal basis (%s %s-%s) is not in SSB's "
                       "form"), law_text (&dec->basis), dec->basis.chapter, dec->basis.section);
      return;
    }
  id = ssb_id (dec->rec.id);
  start (self, "Vedtak");
  put_id (self, id);
  put (self, "MigrertId", dec->migrated_id);
  put_date (self, "StartDato", dec->start_date);
  write_legal_basis (self, &dec->basis);
  for (guint i = 0; i < all->len; i++)
    {
      HwDecisionStatus *st = all->pdata[i];
      g_autofree char *sid = NULL;

      if (g_strcmp0 (st->decision_id, dec->rec.id) != 0)
        continue;
      if (st->code < 1 || st->code > 4)
        {
          skipped (self, _("a decision status %d was left out: SSB knows 1 to 4"), st->code);
          continue;
        }
      sid = ssb_id (st->rec.id);
      start (self, "Status");
      put (self, "Id", sid);
      put_date (self, "EndretDato", st->date);
      put_int (self, "Kode", st->code);
      end (self);
      n++;
    }
  if (n == 0)
    {
      /* The schema wants a status: a decision Homeward records was made (1, approved). */
      g_autofree char *sid = hw_ssb_uuid_derive (dec->rec.id, "status");

      start (self, "Status");
      put (self, "Id", sid);
      put_date (self, "EndretDato", dec->start_date);
      put_int (self, "Kode", 1);
      end (self);
    }
  if (dec->end_date)
    {
      start (self, "Konklusjon");
      put_date (self, "SluttDato", dec->end_date);
      end (self);
    }
  end (self);
}

static void
write_ettervern (HwSsbWriter *self, const HwAftercare *a)
{
  g_autofree char *id = NULL;

  if (a->kind != HW_AFTERCARE_OFFER)
    return;   /* Homeward's own aftercare assessments */
  id = ssb_id (a->rec.id);
  start (self, "Ettervern");
  put_id (self, id);
  put (self, "MigrertId", a->migrated_id);
  put_date (self, "TilbudSendtDato", a->date);
  if (a->conclusion >= 1 && a->conclusion <= 3 && a->conclusion_date)
    {
      start (self, "Konklusjon");
      put_date (self, "SluttDato", a->conclusion_date);
      put_int (self, "Kode", a->conclusion);
      end (self);
    }
  else if (a->conclusion != 0)
    skipped (self, _("an aftercare conclusion was left out: SSB needs its code (1–3) and "
                     "date"));
  end (self);
}

static void
write_oversendelse (HwSsbWriter *self, const HwPetition *p)
{
  g_autofree char *id = NULL;

  if (!basis_is_valid (&p->basis))
    {
      skipped (self, _("a petition was left out: its legal basis (%s %s-%s) is not in SSB's "
                       "form"), law_text (&p->basis), p->basis.chapter, p->basis.section);
      return;
    }
  id = ssb_id (p->rec.id);
  start (self, "OversendelseFylkesnemnd");
  put_id (self, id);
  put (self, "MigrertId", p->migrated_id);
  put_date (self, "StartDato", p->date);
  write_legal_basis (self, &p->basis);
  end (self);
}

static void
write_flytting (HwSsbWriter *self, const HwMove *mv)
{
  g_autofree char *id = NULL;

  if (hw_ssb_code_lookup (HW_SSB_LIST_ARSAK_FRA, mv->reason_code) == NULL ||
      hw_ssb_code_lookup (HW_SSB_LIST_FLYTTING_TIL, mv->to_code) == NULL)
    {
      skipped (self, _("a move was left out: its reason (%s) or destination (%s) is not one of "
                       "SSB's codes"), mv->reason_code ? mv->reason_code : "",
               mv->to_code ? mv->to_code : "");
      return;
    }
  id = ssb_id (mv->rec.id);
  start (self, "Flytting");
  put_id (self, id);
  put (self, "MigrertId", mv->migrated_id);
  put_date (self, "SluttDato", mv->date);
  start (self, "ArsakFra");
  put (self, "Kode", mv->reason_code);
  put_note (self, mv->reason_note);
  end (self);
  start (self, "FlyttingTil");
  put (self, "Kode", mv->to_code);
  put_note (self, mv->to_note);
  end (self);
  end (self);
}

static void
write_relasjon (HwSsbWriter *self, const HwRelation *r)
{
  g_autofree char *id = NULL;

  if (hw_ssb_code_lookup (HW_SSB_LIST_BEGREPSTYPE, r->from_type) == NULL ||
      hw_ssb_code_lookup (HW_SSB_LIST_BEGREPSTYPE, r->to_type) == NULL ||
      r->from_id == NULL || g_utf8_strlen (r->from_id, -1) > 50 ||
      !hw_ssb_uuid_is_valid (r->to_id))
    {
      skipped (self, _("a relation (%s → %s) was left out: SSB's form needs known types and a "
                       "UUID to point to"), r->from_type ? r->from_type : "",
               r->to_type ? r->to_type : "");
      return;
    }
  /* Elements Homeward does not write (a Melding, an Undersokelse) or left out: a Relasjon to
   * them would point at nothing in the file. */
  if (!was_written (self, r->from_id) || !was_written (self, r->to_id))
    {
      skipped (self, _("a relation (%s → %s) was left out: the file does not hold the element "
                       "it joins"), r->from_type, r->to_type);
      return;
    }
  id = ssb_id (r->rec.id);
  start (self, "Relasjon");
  put (self, "Id", id);
  put (self, "FraId", r->from_id);
  put (self, "FraType", r->from_type);
  put (self, "TilId", r->to_id);
  put (self, "TilType", r->to_type);
  end (self);
}

/* ---- the document ---- */

static gboolean
check_options (const HwSsbExportOptions *o, GError **error)
{
  if (o->org_number == NULL || !hw_ssb_digits_are_valid (o->org_number, 9))
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_REQUIRED,
                           _("Barnevern v4 needs the service's organisation number (9 digits): "
                             "set up the municipality (homeward-cli settings --set "
                             "service-org-number=…), give it with --org-number, or import a "
                             "Barnevern v4 file"));
      return FALSE;
    }
  if (o->municipality == NULL || !hw_ssb_digits_are_valid (o->municipality, 4))
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_REQUIRED,
                           _("Barnevern v4 needs the municipality number (4 digits): set up "
                             "the municipality (homeward-cli settings --set "
                             "service-municipality=…), give it with --municipality, or import "
                             "a Barnevern v4 file"));
      return FALSE;
    }
  if (o->municipality_name == NULL || *o->municipality_name == '\0')
    {
      g_set_error_literal (error, HW_ERROR, HW_ERROR_REQUIRED,
                           _("Barnevern v4 needs the municipality's name: set up the "
                             "municipality (homeward-cli settings --set "
                             "service-municipality-name=…), give it with --municipality-name, "
                             "or import a Barnevern v4 file"));
      return FALSE;
    }
  if (o->district && !hw_ssb_digits_are_valid (o->district, 2))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("the district number “%s” does not have 2 digits"), o->district);
      return FALSE;
    }
  return TRUE;
}

/* @keep_copy: keep what is written in memory, for the pre-flight (one case's file). */
static HwSsbWriter *
writer_new (const char *path, const HwSsbExportOptions *options, gboolean keep_copy,
            GError **error)
{
  g_autoptr(HwSsbWriter) self = g_new0 (HwSsbWriter, 1);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *doc_id = g_uuid_string_random ();

  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  if (!check_options (options, error))
    return NULL;
  self->options = *options;
  self->municipality = g_strdup (options->municipality);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->path = g_strdup (path);
  self->out = hw_output_file_open (path, error);
  if (self->out == NULL)
    return NULL;
  if (keep_copy)
    {
      self->copy = g_byte_array_new ();
      self->writer = tee_writer_new (self);
    }
  else
    self->writer = hw_xml_output_new_writer (self->out);
  if (self->writer == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: cannot write the file"), path);
      return NULL;
    }
  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, BAD_CAST "  ");

  now = options->extract_time ? g_date_time_ref (options->extract_time)
                              : g_date_time_new_now_utc ();
  /* SSB's pattern: seconds without fractions, and a zone. */
  when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  if (g_str_has_suffix (when, "+00:00"))
    strcpy (when + strlen (when) - 6, "Z");

  if (xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL) < 0)
    self->failed = TRUE;
  start (self, "Barnevern");
  put (self, "Id", doc_id);
  put (self, "DatoUttrekk", when);
  start (self, "Fagsystem");
  put (self, "Leverandor", "Homeward");
  put (self, "Navn", "Homeward");
  put (self, "Versjon", PACKAGE_VERSION);
  end (self);
  start (self, "Avgiver");
  put (self, "Organisasjonsnummer", options->org_number);
  put (self, "Kommunenummer", options->municipality);
  put (self, "Kommunenavn", options->municipality_name);
  if (options->district && options->district_name)
    {
      put (self, "Bydelsnummer", options->district);
      put (self, "Bydelsnavn", options->district_name);
    }
  end (self);
  if (self->failed)
    {
      set_write_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

HwSsbWriter *
hw_ssb_writer_new (const char *path, const HwSsbExportOptions *options, GError **error)
{
  return writer_new (path, options, FALSE, error);
}

gboolean
hw_ssb_writer_add_case (HwSsbWriter *self, const HwDossier *dossier, GError **error)
{
  const HwCase *kase = hw_dossier_case (dossier);
  g_autofree char *id = NULL;
  GPtrArray *a;

  g_return_val_if_fail (self != NULL && dossier != NULL, FALSE);

  if (kase->journal_no == NULL || g_utf8_strlen (kase->journal_no, -1) > 36)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("case %s: Barnevern v4 holds journal numbers of 1 to 36 characters"),
                   kase->journal_no ? kase->journal_no : kase->rec.id);
      return FALSE;
    }
  self->case_ref = kase->journal_no;
  id = ssb_id (kase->rec.id);
  g_hash_table_remove_all (self->ids);

  start (self, "Sak");
  put_id (self, id);
  put (self, "MigrertId", kase->migrated_id);
  put_date (self, "StartDato", kase->start_date);
  put_date (self, "SluttDato", kase->end_date);
  put (self, "Journalnummer", kase->journal_no);
  if (kase->closed)
    put (self, "Avsluttet", "true");

  a = hw_dossier_get (dossier, HW_ENTITY_CHILD);
  for (guint i = 0; i < a->len; i++)
    write_personalia (self, kase, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_PLAN);
  for (guint i = 0; i < a->len; i++)
    write_plan (self, dossier, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  for (guint i = 0; i < a->len; i++)
    write_tiltak (self, dossier, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_DECISION);
  for (guint i = 0; i < a->len; i++)
    write_vedtak (self, dossier, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_AFTERCARE);
  for (guint i = 0; i < a->len; i++)
    write_ettervern (self, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_PETITION);
  for (guint i = 0; i < a->len; i++)
    write_oversendelse (self, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_MOVE);
  for (guint i = 0; i < a->len; i++)
    write_flytting (self, a->pdata[i]);
  a = hw_dossier_get (dossier, HW_ENTITY_RELATION);
  for (guint i = 0; i < a->len; i++)
    write_relasjon (self, a->pdata[i]);
  end (self);
  self->case_ref = NULL;

  if (self->failed || !hw_output_file_check (self->out, NULL))
    {
      set_write_error (self, error);
      return FALSE;
    }
  self->n_cases++;
  return TRUE;
}

/* Ends the document; the file, complete but not yet in place, or NULL. @copy (optional):
 * what was written, when the writer kept it. Frees @self. */
static HwOutputFile *
writer_end (HwSsbWriter *self, GByteArray **copy, GError **error)
{
  g_autoptr(HwSsbWriter) owned = self;

  if (xmlTextWriterEndDocument (self->writer) < 0)
    self->failed = TRUE;
  /* Freeing the writer flushes its last buffer into the file. */
  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  if (self->failed)
    {
      set_write_error (self, error);
      return NULL;
    }
  if (copy)
    *copy = g_steal_pointer (&self->copy);
  return g_steal_pointer (&self->out);
}

gboolean
hw_ssb_writer_finish (HwSsbWriter *self, GError **error)
{
  HwOutputFile *out;

  g_return_val_if_fail (self != NULL, FALSE);

  out = writer_end (self, NULL, error);
  return out && hw_output_file_commit (out, error);
}

void
hw_ssb_writer_free (HwSsbWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_pointer (&self->out, hw_output_file_abort);
  g_free (self->path);
  g_free (self->municipality);
  if (self->copy)
    g_byte_array_unref (self->copy);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_free (self);
}

/* ---- a whole store ---- */

typedef struct {
  HwSsbExportOptions  options;       /* with the stored settings filled in */
  const char         *dir;
  HwOutputBatch      *batch;
  GHashTable         *settings;
  HwStore            *store;
} ExportDir;

static void
resolve_options (HwSsbExportOptions *resolved, const HwSsbExportOptions *given,
                 GHashTable *settings, const HwCase *kase)
{
  *resolved = *given;
  if (resolved->org_number == NULL)
    resolved->org_number = g_hash_table_lookup (settings, "service-org-number");
  if (resolved->municipality == NULL && kase && kase->municipality)
    resolved->municipality = kase->municipality;
  if (resolved->municipality == NULL)
    resolved->municipality = g_hash_table_lookup (settings, "service-municipality");
  if (resolved->municipality_name == NULL)
    resolved->municipality_name = g_hash_table_lookup (settings, "service-municipality-name");
  if (resolved->district == NULL)
    resolved->district = g_hash_table_lookup (settings, "service-district");
  if (resolved->district_name == NULL)
    resolved->district_name = g_hash_table_lookup (settings, "service-district-name");
}

/* The pre-flight: the file as an import would read it (SSB's schema, then its controls, as
 * findings); FALSE (HW_ERROR_INVALID, naming the case) if the import would refuse it. */
static gboolean
preflight (HwStore *store, const HwDossier *dossier, const char *path, GByteArray *copy,
           const HwSsbExportOptions *options, GError **error)
{
  HwImportOptions check = { 0 };
  HwImportSummary summary;
  g_autoptr(GError) local = NULL;

  check.warning = options->finding;
  check.user_data = options->user_data;
  if (hw_import_check_memory (store, path, (const char *) copy->data, copy->len, &check,
                              &summary, &local))
    return TRUE;
  g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
               _("case %s: its file was not kept: importing it would fail:\n%s"),
               hw_dossier_case (dossier)->journal_no, local->message);
  return FALSE;
}

/* One case to @path, checked first (preflight): moved into place at once, or, with @batch,
 * kept for its commit. */
static gboolean
write_one (HwStore *store, const HwDossier *dossier, const char *path,
           const HwSsbExportOptions *options, HwOutputBatch *batch, GError **error)
{
  g_autoptr(HwSsbWriter) writer = writer_new (path, options, TRUE, error);
  g_autoptr(GByteArray) copy = NULL;
  HwOutputFile *out;

  if (writer == NULL || !hw_ssb_writer_add_case (writer, dossier, error))
    return FALSE;
  out = writer_end (g_steal_pointer (&writer), &copy, error);
  if (out == NULL)
    return FALSE;
  if (!preflight (store, dossier, path, copy, options, error))
    {
      hw_output_file_abort (out);
      return FALSE;
    }
  if (batch == NULL)
    return hw_output_file_commit (out, error);
  return hw_output_batch_add (batch, out, error);
}

static gboolean
export_one (HwDossier *dossier, gpointer user_data, GError **error)
{
  ExportDir *x = user_data;
  HwSsbExportOptions options;
  g_autofree char *name = g_strdup_printf ("%s.xml", ((HwRecord *) dossier->root)->id);
  g_autofree char *path = g_build_filename (x->dir, name, NULL);
  g_autoptr(GError) local = NULL;

  resolve_options (&options, &x->options, x->settings, hw_dossier_case (dossier));
  if (!write_one (x->store, dossier, path, &options, x->batch, &local))
    {
      /* A case the format cannot hold is reported and left out; anything else stops. */
      if (g_error_matches (local, HW_ERROR, HW_ERROR_INVALID) && options.warning)
        {
          options.warning (hw_dossier_case (dossier)->journal_no, local->message,
                           options.user_data);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_ssb_export_dir (HwStore *store, const char *dir, const HwSsbExportOptions *options,
                   guint *n_files, GError **error)
{
  HwSsbExportOptions none = { 0 };
  HwSsbExportOptions check;
  ExportDir x = { { 0 } };
  gboolean ok;
  guint n;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  x.options = options ? *options : none;
  x.dir = dir;
  x.store = store;
  x.settings = hw_store_dup_settings (store);
  /* Fail before the first file when the service's identity is unknown. */
  resolve_options (&check, &x.options, x.settings, NULL);
  if (check.municipality == NULL)
    check.municipality = "0000";
  if (!check_options (&check, error))
    {
      g_hash_table_unref (x.settings);
      return FALSE;
    }
  /* All files or none: each is written to its temporary, and they are moved into place
   * together once every case is written and the disk has them. */
  x.batch = hw_output_batch_new ();
  ok = hw_store_foreach_case (store, export_one, &x, error);
  g_hash_table_unref (x.settings);
  n = hw_output_batch_get_n_files (x.batch);
  if (ok)
    ok = hw_output_batch_commit (g_steal_pointer (&x.batch), error);
  else
    g_clear_pointer (&x.batch, hw_output_batch_abort);
  if (n_files)
    *n_files = ok ? n : 0;
  return ok;
}

