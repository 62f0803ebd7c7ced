/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-ssb-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "hw-ssb-import-private.h"

/* Barnevern v4 → Homeward, one Sak at a time (data/exchange/README.md has the mapping).
 *
 * Each Sak is expanded on its own and mapped onto a dossier. What the schema forbids (a
 * malformed Id, an unknown code, a date outside SSB's range, a missing required attribute, an
 * element where none belongs) is an error: nothing is imported. What SSB's validation rules
 * (Kravspesifikasjon.md) would flag in data the schema allows is imported and reported as a
 * warning (hw-ssb-controls.c).
 *
 * Records that already exist (the same UUID) are updated: fields Barnevern v4 carries are
 * overwritten, fields only Homeward has (a child's name, a placement's foster home, a visit's
 * notes) are kept. Records missing from a newer extract are kept too; SSB's Slettet and
 * ErSlettet remove them. */

/* The document and the Sak being read (hw-ssb-import-private.h). */
typedef HwSsbDoc Doc;
typedef HwSsbSakImport Sak;

/* The parts of one Lovhjemmel or JmfrLovhjemmel. */
typedef struct {
  char    *law;
  char    *chapter;
  char    *section;
  GString *ledd;
  GString *bokstav;
  GString *punktum;
} Basis;

static const char *const no_attrs[] = { NULL };

static void
fail (Sak *s, const xmlNode *node, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (Sak *s, const xmlNode *node, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hw_import_error (s->doc->ctx, hw_xml_reader_get_line (s->doc->reader, node), "%s", message);
  s->bad = TRUE;
}

static void
warn (Sak *s, const xmlNode *node, const char *control, const char *severity,
      const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
warn (Sak *s, const xmlNode *node, const char *control, const char *severity,
      const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hw_import_warn (s->doc->ctx, hw_xml_reader_get_line (s->doc->reader, node), control, severity,
                  "%s", message);
}

static const char *
name_of (const xmlNode *node)
{
  return (const char *) node->name;
}

static gboolean
is (const xmlNode *node, const char *name)
{
  return strcmp ((const char *) node->name, name) == 0;
}

/* Refuses attributes the schema does not declare on this element. */
static void
check_attrs (Sak *s, const xmlNode *node, const char *const *allowed)
{
  for (const xmlAttr *a = node->properties; a; a = a->next)
    {
      gboolean ok = a->ns != NULL;   /* xsi:…, xml:… */

      for (guint i = 0; !ok && allowed[i]; i++)
        ok = strcmp ((const char *) a->name, allowed[i]) == 0;
      if (!ok)
        fail (s, node, _("<%s> has no attribute %s"), name_of (node), (const char *) a->name);
    }
}

static const char *
attr (Sak *s, const xmlNode *node, const char *name)
{
  return hw_xml_reader_get_attribute (s->doc->reader, node, name);
}

static const char *
need (Sak *s, const xmlNode *node, const char *name)
{
  const char *v = attr (s, node, name);

  if (v == NULL)
    fail (s, node, _("<%s> lacks the required attribute %s"), name_of (node), name);
  return v;
}

/* A required or optional date, inside SSB's range (Sak kontroll 1). */
static HwDate
date_attr (Sak *s, const xmlNode *node, const char *name, gboolean required)
{
  const char *v = required ? need (s, node, name) : attr (s, node, name);
  HwDate d = HW_DATE_NONE;

  if (v == NULL)
    return HW_DATE_NONE;
  if (!hw_ssb_parse_date (v, &d))
    {
      fail (s, node, _("%s of <%s>: “%s” is not a date (YYYY-MM-DD)"), name, name_of (node), v);
      return HW_DATE_NONE;
    }
  if (d < s->doc->min_date || d > s->doc->max_date)
    {
      g_autofree char *lo = hw_ssb_dup_date (s->doc->min_date);
      g_autofree char *hi = hw_ssb_dup_date (s->doc->max_date);

      fail (s, node,
            /* Translators: SSB's "Sak kontroll 1" */
            _("Sak kontroll 1: %s of <%s> (%s) must be between %s and %s"), name,
            name_of (node), v, lo, hi);
      return HW_DATE_NONE;
    }
  return d;
}

/* The Id attribute (or another UUID attribute), lower-cased; NULL after an error. */
static char *
uuid_attr (Sak *s, const xmlNode *node, const char *name)
{
  const char *v = need (s, node, name);

  if (v == NULL)
    return NULL;
  if (!hw_ssb_uuid_is_valid (v))
    {
      fail (s, node, _("%s of <%s>: “%s” is not a valid UUID"), name, name_of (node), v);
      return NULL;
    }
  return g_ascii_strdown (v, -1);
}

static gboolean
bool_attr (Sak *s, const xmlNode *node, const char *name)
{
  const char *v = attr (s, node, name);
  gboolean value = FALSE;

  if (v && !hw_ssb_parse_boolean (v, &value))
    fail (s, node, _("%s of <%s>: “%s” is neither true nor false"), name, name_of (node), v);
  return value;
}

static gboolean
is_deleted (Sak *s, const xmlNode *node)
{
  return bool_attr (s, node, "ErSlettet");
}

/* A code from one of SSB's lists; unknown codes are errors, codes used outside their validity
 * are warnings. */
static const HwSsbCode *
code_attr (Sak *s, const xmlNode *node, const char *name, HwSsbList list, HwDate on)
{
  const char *v = need (s, node, name);
  const HwSsbCode *code;

  if (v == NULL)
    return NULL;
  code = hw_ssb_code_lookup (list, v);
  if (code == NULL)
    {
      fail (s, node, _("%s of <%s>: unknown code “%s” (%s)"), name, name_of (node), v,
            hw_ssb_code_lists[list].path);
      return NULL;
    }
  if (!hw_ssb_code_valid_on (list, code, on))
    {
      g_autofree char *valid = hw_ssb_code_dup_validity (code);
      g_autofree char *date = hw_ssb_dup_date (on);

      warn (s, node, "Kodelister", "ERROR",
            _("code %s of <%s> (%s) was not in use on %s (valid %s)"), code->code,
            name_of (node), code->title, date, valid);
    }
  return code;
}

/* The Presisering that goes with a code; one the code requires but lacks is a warning. */
static const char *
note_attr (Sak *s, const xmlNode *node, const HwSsbCode *code, const char *control)
{
  const char *v = attr (s, node, "Presisering");

  if (v && (strlen (v) == 0 || g_utf8_strlen (v, -1) > 10000))
    fail (s, node, _("Presisering of <%s> must have 1 to 10,000 characters"), name_of (node));
  if (code && code->needs_note && (v == NULL || *v == '\0'))
    warn (s, node, control, control ? "ERROR" : NULL, _("code %s of <%s> (%s) needs a Presisering"),
          code->code, name_of (node), code->title);
  return v;
}

static void
unexpected (Sak *s, const xmlNode *node, const xmlNode *parent)
{
  fail (s, node, _("<%s> does not belong in <%s>"), name_of (node), name_of (parent));
}

static void
check_no_children (Sak *s, const xmlNode *node)
{
  for (const xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      unexpected (s, c, node);
}

/* ---- records ---- */

static gpointer
take_record (Sak *s, HwEntity entity, const char *id, const xmlNode *node)
{
  const HwEntityInfo *info = hw_entity_info (entity);
  g_autofree char *derived = NULL;
  HwRecord *old, *rec;

  if (s->seen[entity] && g_hash_table_contains (s->seen[entity], id))
    {
      /* SSB's schema keys only the elements a Relasjon or Slettet names (Vedtak, Tiltak, …).
       * Another whose Id repeats (two Status) is valid: it is kept under an Id derived from
       * its own, the same at every import of the file. */
      if (hw_ssb_type_for_entity (entity) != NULL)
        {
          fail (s, node, _("two <%s> elements have the Id %s"), name_of (node), id);
          return NULL;
        }
      for (guint n = 2; derived == NULL || g_hash_table_contains (s->seen[entity], derived); n++)
        {
          g_autofree char *salt = g_strdup_printf ("repeat %u", n);

          g_free (derived);
          derived = hw_ssb_uuid_derive (id, salt);
        }
      warn (s, node, NULL, "WARNING", _("two <%s> elements have the Id %s: this one is kept as %s"),
            name_of (node), id, derived);
      id = derived;
    }
  old = s->old[entity] ? g_hash_table_lookup (s->old[entity], id) : NULL;
  if (old)
    rec = hw_record_copy (old);
  else
    {
      rec = g_malloc0 (info->size);
      rec->entity = entity;
      rec->id = g_strdup (id);
      /* Not this case's: it may be another's, which the import must not take over. */
      if (entity != HW_ENTITY_CASE &&
          !hw_import_check_owner (s->doc->ctx, hw_xml_reader_get_line (s->doc->reader, node),
                                  rec, s->kase->rec.id, s->kase->journal_no))
        s->bad = TRUE;
    }
  if (entity != HW_ENTITY_CASE)
    for (guint i = 0; i < info->n_fields; i++)
      if (info->fields[i].flags & HW_FIELD_OWNER)
        hw_field_set_text (rec, &info->fields[i], s->kase->rec.id);

  hw_dossier_add (s->base.dossier, rec);
  g_hash_table_insert (s->base.lines, rec,
                       GINT_TO_POINTER (hw_xml_reader_get_line (s->doc->reader, node)));
  if (s->seen[entity] == NULL)
    s->seen[entity] = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (s->seen[entity], rec->id, rec);
  return rec;
}

static gboolean
is_new (Sak *s, gconstpointer record)
{
  const HwRecord *rec = record;

  return s->old[rec->entity] == NULL || !g_hash_table_contains (s->old[rec->entity], rec->id);
}

static void
set_text (char **slot, const char *value)
{
  g_free (*slot);
  *slot = (value && *value) ? g_strdup (value) : NULL;
}

/* Moves a parsed Lovhjemmel (and the JmfrLovhjemmel list) into a record's legal basis. */
static void
take_basis (HwLegalBasis *dst, HwLegalBasis *parsed, const char *jmfr)
{
  set_text (&dst->law, parsed->law);
  set_text (&dst->chapter, parsed->chapter);
  set_text (&dst->section, parsed->section);
  set_text (&dst->ledd, parsed->ledd);
  set_text (&dst->bokstav, parsed->bokstav);
  set_text (&dst->punktum, parsed->punktum);
  set_text (&dst->jmfr, jmfr);
  g_free (parsed->law);
  g_free (parsed->chapter);
  g_free (parsed->section);
  g_free (parsed->ledd);
  g_free (parsed->bokstav);
  g_free (parsed->punktum);
}

/* ---- Lovhjemmel ---- */

static void
basis_clear (Basis *b)
{
  g_free (b->law);
  g_free (b->chapter);
  g_free (b->section);
  g_string_free (b->ledd, TRUE);
  g_string_free (b->bokstav, TRUE);
  g_string_free (b->punktum, TRUE);
}

static void
append_item (GString *list, const char *item)
{
  if (list->len > 0)
    g_string_append_c (list, ',');
  g_string_append (list, item);
}

static gboolean
read_basis (Sak *s, const xmlNode *node, Basis *b)
{
  static const char *const order[] = { "Lov", "Kapittel", "Paragraf", "Ledd", "Bokstav",
                                       "Punktum", NULL };
  int position = -1;
  gboolean ok = TRUE;

  memset (b, 0, sizeof *b);
  b->ledd = g_string_new (NULL);
  b->bokstav = g_string_new (NULL);
  b->punktum = g_string_new (NULL);
  check_attrs (s, node, no_attrs);

  for (const xmlNode *c = node->children; c; c = c->next)
    {
      const char *text;
      int slot;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      for (slot = 0; order[slot] && !is (c, order[slot]); slot++)
        ;
      /* In order; Lov, Kapittel and Paragraf once each, the others repeated. */
      if (order[slot] == NULL || slot < position || (slot == position && slot <= 2))
        {
          unexpected (s, c, node);
          ok = FALSE;
          continue;
        }
      position = slot;
      text = hw_xml_reader_get_text (s->doc->reader, c);
      switch (slot)
        {
        case 0:
          if (hw_ssb_code_lookup (HW_SSB_LIST_LOV, text) == NULL)
            {
              fail (s, c, _("<Lov> must be BVL, BVL2021 or BL1981, not “%s”"),
                    text);
              ok = FALSE;
            }
          b->law = g_strdup (text);
          break;
        case 1:
          if (!hw_ssb_chapter_is_valid (text))
            {
              fail (s, c, _("<Kapittel> “%s” is not a chapter number"), text);
              ok = FALSE;
            }
          b->chapter = g_strdup (text);
          break;
        case 2:
          if (!hw_ssb_section_is_valid (text))
            {
              fail (s, c, _("<Paragraf> “%s” is not a section number"), text);
              ok = FALSE;
            }
          b->section = g_strdup (text);
          break;
        case 3:
        case 5:
          if (!hw_ssb_number_is_valid (text))
            {
              fail (s, c, _("<%s> “%s” is not a number of one to three digits"), name_of (c),
                    text);
              ok = FALSE;
            }
          append_item (slot == 3 ? b->ledd : b->punktum, text);
          break;
        case 4:
          if (!hw_ssb_letter_is_valid (text))
            {
              fail (s, c, _("<Bokstav> “%s” is not one letter a–z"), text);
              ok = FALSE;
            }
          append_item (b->bokstav, text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (b->law == NULL || b->chapter == NULL || b->section == NULL)
    {
      fail (s, node, _("<%s> needs <Lov>, <Kapittel> and <Paragraf>"), name_of (node));
      ok = FALSE;
    }
  return ok;
}

/* Reads the Lovhjemmel and JmfrLovhjemmel children of @node into @basis. */
static void
read_legal_basis (Sak *s, const xmlNode *node, HwLegalBasis *basis, gboolean *seen_main,
                  guint *n_jmfr, GString *jmfr, const xmlNode *c)
{
  Basis b;

  if (is (c, "Lovhjemmel"))
    {
      if (*seen_main || *n_jmfr > 0)
        {
          unexpected (s, c, node);
          return;
        }
      *seen_main = TRUE;
      if (read_basis (s, c, &b))
        {
          set_text (&basis->law, b.law);
          set_text (&basis->chapter, b.chapter);
          set_text (&basis->section, b.section);
          set_text (&basis->ledd, b.ledd->str);
          set_text (&basis->bokstav, b.bokstav->str);
          set_text (&basis->punktum, b.punktum->str);
        }
      basis_clear (&b);
    }
  else
    {
      if (!*seen_main || ++*n_jmfr > 3)
        {
          fail (s, c, _("<%s> holds one <Lovhjemmel> and at most three <JmfrLovhjemmel>, in that "
                        "order"), name_of (node));
          return;
        }
      if (read_basis (s, c, &b))
        {
          if (jmfr->len > 0)
            g_string_append_c (jmfr, ';');
          g_string_append_printf (jmfr, "%s:%s:%s:%s:%s:%s", b.law, b.chapter, b.section,
                                  b.ledd->str, b.bokstav->str, b.punktum->str);
        }
      basis_clear (&b);
    }
}

/* ---- the elements of a Sak ---- */

/* An element with ErSlettet="true" (or without a usable Id) is not read: the record it names
 * is deleted. TRUE when the element is done with. */
static gboolean
take_deletion (Sak *s, const xmlNode *node, HwEntity entity, char **id)
{
  HwSsbDeletion *del;

  if (*id == NULL)
    return TRUE;
  if (!is_deleted (s, node))
    return FALSE;
  del = g_new0 (HwSsbDeletion, 1);
  del->entity = entity;
  del->id = g_steal_pointer (id);
  del->line = hw_xml_reader_get_line (s->doc->reader, node);
  g_ptr_array_add (s->base.deleted, del);
  return TRUE;
}

static void
read_personalia (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "StartDato", "Fodselsnummer", "Fodseldato",
                                         "Kjonn", "DUFnummer", "ErSlettet", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate start = date_attr (s, node, "StartDato", TRUE);
  HwDate birth = date_attr (s, node, "Fodseldato", TRUE);
  const char *fnr = need (s, node, "Fodselsnummer");
  const char *duf = attr (s, node, "DUFnummer");
  const HwSsbCode *sex = code_attr (s, node, "Kjonn", HW_SSB_LIST_KJONN, HW_DATE_NONE);
  g_autoptr(GError) local = NULL;
  HwIdentityKind kind = HW_IDENTITY_FNR;
  HwDate from_number = HW_DATE_NONE;
  HwChild *child;

  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (duf && !hw_ssb_digits_are_valid (duf, 12))
    fail (s, node, _("DUFnummer of <Personalia> must have 12 digits"));
  if (take_deletion (s, node, HW_ENTITY_CHILD, &id) || fnr == NULL)
    return;
  if (!hw_ssb_digits_are_valid (fnr, 11) || !hw_identity_validate (fnr, &kind, &from_number,
                                                                    &local))
    {
      g_autofree char *masked = hw_identity_dup_masked (fnr);

      fail (s, node, _("Personalia kontroll 12: Fodselsnummer %s is not valid: %s"), masked,
            local ? local->message : _("not 11 digits"));
      return;
    }

  child = take_record (s, HW_ENTITY_CHILD, id, node);
  if (child == NULL)
    return;
  if (is_new (s, child))
    /* Barnevern v4 carries no names: someone enters the name in Homeward. */
    child->given_name = g_strdup (_("Unnamed"));
  set_text (&child->fnr, fnr);
  set_text (&child->duf, duf);
  child->start_date = start;
  child->birth_date = birth;
  if (sex)
    child->sex = sex->code[0] == '1' ? HW_SEX_MALE : sex->code[0] == '2' ? HW_SEX_FEMALE
                                                                         : HW_SEX_UNKNOWN;

  /* Personalia kontroll 13: Homeward keeps one birth date, the identity number's. */
  if (kind != HW_IDENTITY_SSB_UNKNOWN && birth != HW_DATE_NONE && from_number != birth)
    {
      g_autofree char *given = hw_ssb_dup_date (birth);
      g_autofree char *used = hw_ssb_dup_date (from_number);

      warn (s, node, "Personalia kontroll 13", "WARNING",
            _("Fodselsnummer and Fodseldato (%s) point to different dates; the identity "
              "number's (%s) is kept"), given, used);
      child->birth_date = from_number;
    }
}

static HwDecider
guess_decider (const HwLegalBasis *basis)
{
  /* Care orders and placements without consent are the tribunal's; the rest the service's. */
  if (hw_ssb_is_care_order (basis))
    return HW_DECIDER_TRIBUNAL;
  if (g_strcmp0 (basis->law, "BVL") == 0 && g_strcmp0 (basis->chapter, "4") == 0 &&
      (g_strcmp0 (basis->section, "24") == 0 || g_strcmp0 (basis->section, "26") == 0))
    return HW_DECIDER_TRIBUNAL;
  if (g_strcmp0 (basis->law, "BVL2021") == 0 && g_strcmp0 (basis->chapter, "6") == 0 &&
      (g_strcmp0 (basis->section, "2") == 0 || g_strcmp0 (basis->section, "3") == 0))
    return HW_DECIDER_TRIBUNAL;
  return HW_DECIDER_SERVICE;
}

static void
read_status (Sak *s, const xmlNode *node, HwDecision *decision)
{
  static const char *const allowed[] = { "Id", "EndretDato", "Kode", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate date = date_attr (s, node, "EndretDato", TRUE);
  const HwSsbCode *code = code_attr (s, node, "Kode", HW_SSB_LIST_VEDTAK_STATUS, date);
  HwDecisionStatus *status;

  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (id == NULL || decision == NULL)
    return;
  status = take_record (s, HW_ENTITY_DECISION_STATUS, id, node);
  if (status == NULL)
    return;
  set_text (&status->decision_id, decision->rec.id);
  status->date = date;
  status->code = code ? atoi (code->code) : 0;
}

static void
read_vedtak (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "StartDato", "ErSlettet", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate start = date_attr (s, node, "StartDato", TRUE);
  g_autoptr(GString) jmfr = g_string_new (NULL);
  HwDecision *dec = NULL;
  HwLegalBasis basis = { 0 };
  gboolean seen_main = FALSE;
  guint n_jmfr = 0, n_status = 0;
  HwDate end = HW_DATE_NONE;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_DECISION, &id))
    return;
  dec = take_record (s, HW_ENTITY_DECISION, id, node);
  if (dec == NULL)
    return;
  set_text (&dec->migrated_id, attr (s, node, "MigrertId"));
  dec->start_date = start;

  for (const xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Lovhjemmel") || is (c, "JmfrLovhjemmel"))
        read_legal_basis (s, node, &basis, &seen_main, &n_jmfr, jmfr, c);
      else if (is (c, "Krav"))
        s->doc->ctx->summary->not_imported++;
      else if (is (c, "Status"))
        {
          read_status (s, c, dec);
          n_status++;
        }
      else if (is (c, "Konklusjon"))
        {
          static const char *const konklusjon[] = { "SluttDato", NULL };

          check_attrs (s, c, konklusjon);
          check_no_children (s, c);
          end = date_attr (s, c, "SluttDato", TRUE);
        }
      else
        unexpected (s, c, node);
    }
  if (!seen_main)
    fail (s, node, _("<Vedtak> lacks <Lovhjemmel>"));
  if (n_status == 0)
    fail (s, node, _("<Vedtak> needs at least one <Status>"));

  take_basis (&dec->basis, &basis, jmfr->str);
  dec->end_date = end;
  if (is_new (s, dec))
    dec->decided_by = guess_decider (&dec->basis);
}

static void
read_hyppighet (Sak *s, const xmlNode *node, HwMeasure *m, HwFrequencyKind kind)
{
  static const char *const allowed[] = { "Id", "StartDato", "Kode", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate start = date_attr (s, node, "StartDato", TRUE);
  const HwSsbCode *code = code_attr (s, node, "Kode",
                                     kind == HW_FREQUENCY_TILSYN ? HW_SSB_LIST_TILSYN_HYPPIGHET
                                                                 : HW_SSB_LIST_OPPFOLGING_HYPPIGHET,
                                     HW_DATE_NONE);
  HwFrequency *f;

  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (id == NULL || m == NULL)
    return;
  f = take_record (s, HW_ENTITY_FREQUENCY, id, node);
  if (f == NULL)
    return;
  set_text (&f->measure_id, m->rec.id);
  f->kind = kind;
  f->per_year = code ? atoi (code->code) : 0;
  f->start_date = start;
}

static void
read_utfort (Sak *s, const xmlNode *node, HwMeasure *m, HwVisitKind kind)
{
  static const char *const allowed[] = { "Id", "UtfortDato", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate date = date_attr (s, node, "UtfortDato", TRUE);
  HwVisit *v;

  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (id == NULL || m == NULL)
    return;
  v = take_record (s, HW_ENTITY_VISIT, id, node);
  if (v == NULL)
    return;
  set_text (&v->measure_id, m->rec.id);
  v->kind = kind;
  v->date = date;
  v->in_person = TRUE;
}

/* Tilsyn (supervision by the foster home's municipality) and Oppfolging (the service's own
 * follow-up visits): frequencies and the visits done. */
static void
read_visits (Sak *s, const xmlNode *node, HwMeasure *m, gboolean tilsyn)
{
  HwDate ansvarlig_from = HW_DATE_NONE;
  const char *ansvarlig = NULL;
  g_autoptr(GString) all = g_string_new (NULL);   /* every Ansvarlig, for the export */
  guint n_hyppighet = 0, n_ansvarlig = 0;
  int stage = 0;

  check_attrs (s, node, no_attrs);
  for (const xmlNode *c = node->children; c; c = c->next)
    {
      int here;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      here = (tilsyn && is (c, "Ansvarlig")) ? 0 : is (c, "Hyppighet") ? 1 : is (c, "Utfort") ? 2
                                                                                               : -1;
      if (here < 0 || here < stage)
        {
          unexpected (s, c, node);
          continue;
        }
      stage = here;
      if (here == 0)
        {
          static const char *const allowed[] = { "Id", "StartDato", "Kommunenummer", NULL };
          g_autofree char *id = uuid_attr (s, c, "Id");
          HwDate from = date_attr (s, c, "StartDato", TRUE);
          const char *number = need (s, c, "Kommunenummer");

          check_attrs (s, c, allowed);
          n_ansvarlig++;
          if (number && !hw_ssb_digits_are_valid (number, 4))
            fail (s, c, _("Kommunenummer “%s” does not have 4 digits"), number);
          else if (id && number && from)
            {
              g_autofree char *iso = hw_date_dup_iso (from);

              g_string_append_printf (all, "%s%s,%s,%s", all->len ? ";" : "", id, iso, number);
            }
          /* Homeward keeps the municipality responsible now: the latest. */
          if (number && (ansvarlig == NULL || from >= ansvarlig_from))
            {
              ansvarlig = number;
              ansvarlig_from = from;
            }
        }
      else if (here == 1)
        {
          read_hyppighet (s, c, m, tilsyn ? HW_FREQUENCY_TILSYN : HW_FREQUENCY_FOLLOWUP);
          n_hyppighet++;
        }
      else
        read_utfort (s, c, m, tilsyn ? HW_VISIT_TILSYN : HW_VISIT_FOLLOWUP);
    }
  if (tilsyn && n_ansvarlig == 0)
    fail (s, node, _("<Tilsyn> needs at least one <Ansvarlig>"));
  if (n_hyppighet == 0)
    fail (s, node, _("<%s> needs at least one <Hyppighet>"), name_of (node));
  if (tilsyn && m)
    {
      set_text (&m->tilsyn_municipality, ansvarlig);
      set_text (&m->tilsyn_responsible, all->str);
    }
}

static void
read_tiltak (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "StartDato", "ErSlettet", NULL };
  static const char *const order[] = { "Lovhjemmel", "JmfrLovhjemmel", "Kategori",
                                       "Tiltaksgrunnlag", "Tilsyn", "Oppfolging", "Opphevelse",
                                       "Konklusjon", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate start = date_attr (s, node, "StartDato", TRUE);
  g_autoptr(GString) jmfr = g_string_new (NULL);
  HwLegalBasis basis = { 0 };
  gboolean seen_main = FALSE, seen_category = FALSE, seen_tilsyn = FALSE;
  guint n_jmfr = 0, stage = 0;
  HwMeasure *m;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_MEASURE, &id))
    return;
  m = take_record (s, HW_ENTITY_MEASURE, id, node);
  if (m == NULL)
    return;
  set_text (&m->migrated_id, attr (s, node, "MigrertId"));
  m->start_date = start;
  /* What Barnevern v4 carries is replaced as a whole; absent parts are cleared. */
  set_text (&m->category_note, NULL);
  set_text (&m->end_reason_note, NULL);
  m->end_reason = 0;
  m->end_date = HW_DATE_NONE;

  for (const xmlNode *c = node->children; c; c = c->next)
    {
      guint here;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      for (here = 0; order[here] && !is (c, order[here]); here++)
        ;
      /* In the schema's order; only the legal bases and Tiltaksgrunnlag repeat. */
      if (order[here] == NULL || here < stage || (here == stage && here != 0 && here != 1 &&
                                                  here != 3))
        {
          unexpected (s, c, node);
          continue;
        }
      stage = here;
      switch (here)
        {
        case 0:
        case 1:
          read_legal_basis (s, node, &basis, &seen_main, &n_jmfr, jmfr, c);
          break;
        case 2:
          {
            static const char *const kategori[] = { "Kode", "Presisering", NULL };
            const HwSsbCode *code;

            if (seen_category)
              {
                unexpected (s, c, node);
                break;
              }
            seen_category = TRUE;
            check_attrs (s, c, kategori);
            code = code_attr (s, c, "Kode", HW_SSB_LIST_KATEGORI, start);
            set_text (&m->category, code ? code->code : attr (s, c, "Kode"));
            set_text (&m->category_note, note_attr (s, c, code, "Tiltak kontroll 7"));
          }
          break;
        case 3:
          s->doc->ctx->summary->not_imported++;
          break;
        case 4:
        case 5:
          read_visits (s, c, m, here == 4);
          seen_tilsyn |= here == 4;
          break;
        case 6:
          {
            static const char *const opphevelse[] = { "Kode", "Presisering", NULL };
            const HwSsbCode *code;

            check_attrs (s, c, opphevelse);
            check_no_children (s, c);
            code = code_attr (s, c, "Kode", HW_SSB_LIST_OPPHEVELSE, HW_DATE_NONE);
            m->end_reason = code ? atoi (code->code) : 0;
            set_text (&m->end_reason_note, note_attr (s, c, code, "Tiltak kontroll 8"));
          }
          break;
        case 7:
          {
            static const char *const konklusjon[] = { "SluttDato", NULL };

            check_attrs (s, c, konklusjon);
            check_no_children (s, c);
            m->end_date = date_attr (s, c, "SluttDato", TRUE);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (!seen_main)
    fail (s, node, _("<Tiltak> lacks <Lovhjemmel>"));
  if (!seen_category)
    fail (s, node, _("<Tiltak> lacks <Kategori>"));
  if (!seen_tilsyn)
    set_text (&m->tilsyn_municipality, NULL);

  take_basis (&m->basis, &basis, jmfr->str);
}

static void
read_plan (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "StartDato", "Plantype",
                                         "ErSlettet", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate start = date_attr (s, node, "StartDato", TRUE);
  const HwSsbCode *type = code_attr (s, node, "Plantype", HW_SSB_LIST_PLANTYPE, start);
  gboolean concluded = FALSE;
  g_autoptr(GHashTable) per_date = NULL;   /* date → evaluations of it so far */
  HwPlan *plan;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_PLAN, &id))
    return;
  plan = take_record (s, HW_ENTITY_PLAN, id, node);
  if (plan == NULL)
    return;
  set_text (&plan->migrated_id, attr (s, node, "MigrertId"));
  plan->start_date = start;
  plan->plan_type = type ? atoi (type->code) : 0;
  plan->end_date = HW_DATE_NONE;

  for (const xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Evaluering") && !concluded)
        {
          static const char *const evaluering[] = { "UtfortDato", NULL };
          HwDate done = date_attr (s, c, "UtfortDato", TRUE);
          g_autofree char *iso = hw_date_dup_iso (done);
          g_autofree char *eid = NULL;
          HwPlanEvaluation *ev;
          guint n_on_date;

          check_attrs (s, c, evaluering);
          check_no_children (s, c);
          if (done == HW_DATE_NONE)
            continue;
          /* SSB gives an Evaluering no Id: one from the plan, the date and, for a second
           * evaluation on one day, its place among that day's (two are two, not one). */
          if (per_date == NULL)
            per_date = g_hash_table_new (NULL, NULL);
          n_on_date = GPOINTER_TO_UINT (g_hash_table_lookup (per_date, GUINT_TO_POINTER (done)));
          g_hash_table_insert (per_date, GUINT_TO_POINTER (done), GUINT_TO_POINTER (n_on_date + 1));
          if (n_on_date == 0)
            eid = hw_ssb_uuid_derive (plan->rec.id, iso);
          else
            {
              g_autofree char *salt = g_strdup_printf ("%s#%u", iso, n_on_date + 1);

              eid = hw_ssb_uuid_derive (plan->rec.id, salt);
            }
          ev = take_record (s, HW_ENTITY_PLAN_EVALUATION, eid, c);
          if (ev == NULL)
            continue;
          set_text (&ev->plan_id, plan->rec.id);
          ev->date = done;
        }
      else if (is (c, "Konklusjon") && !concluded)
        {
          static const char *const konklusjon[] = { "SluttDato", NULL };

          concluded = TRUE;
          check_attrs (s, c, konklusjon);
          check_no_children (s, c);
          plan->end_date = date_attr (s, c, "SluttDato", TRUE);
        }
      else
        unexpected (s, c, node);
    }
}

static void
read_ettervern (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "TilbudSendtDato", "ErSlettet",
                                         NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate sent = date_attr (s, node, "TilbudSendtDato", TRUE);
  gboolean concluded = FALSE;
  HwAftercare *a;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_AFTERCARE, &id))
    return;
  a = take_record (s, HW_ENTITY_AFTERCARE, id, node);
  if (a == NULL)
    return;
  set_text (&a->migrated_id, attr (s, node, "MigrertId"));
  a->kind = HW_AFTERCARE_OFFER;
  a->date = sent;
  a->conclusion = 0;
  a->conclusion_date = HW_DATE_NONE;
  for (const xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Konklusjon") && !concluded)
        {
          static const char *const konklusjon[] = { "SluttDato", "Kode", NULL };
          HwDate end = date_attr (s, c, "SluttDato", TRUE);
          const HwSsbCode *code = code_attr (s, c, "Kode", HW_SSB_LIST_ETTERVERN_KONKLUSJON, end);

          concluded = TRUE;
          check_attrs (s, c, konklusjon);
          check_no_children (s, c);
          a->conclusion = code ? atoi (code->code) : 0;
          a->conclusion_date = end;
        }
      else
        unexpected (s, c, node);
    }
}

static void
read_oversendelse (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "StartDato", "ErSlettet", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate sent = date_attr (s, node, "StartDato", TRUE);
  g_autoptr(GString) jmfr = g_string_new (NULL);
  HwLegalBasis basis = { 0 };
  gboolean seen_main = FALSE;
  guint n_jmfr = 0;
  HwPetition *p;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_PETITION, &id))
    return;
  p = take_record (s, HW_ENTITY_PETITION, id, node);
  if (p == NULL)
    return;
  set_text (&p->migrated_id, attr (s, node, "MigrertId"));
  p->date = sent;
  for (const xmlNode *c = node->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Lovhjemmel") || is (c, "JmfrLovhjemmel"))
        read_legal_basis (s, node, &basis, &seen_main, &n_jmfr, jmfr, c);
      else
        unexpected (s, c, node);
    }
  if (!seen_main)
    fail (s, node, _("<OversendelseFylkesnemnd> lacks <Lovhjemmel>"));
  take_basis (&p->basis, &basis, jmfr->str);
}

static void
read_flytting (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "SluttDato", "ErSlettet", NULL };
  static const char *const code_attrs[] = { "Kode", "Presisering", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  HwDate date = date_attr (s, node, "SluttDato", TRUE);
  gboolean seen_from = FALSE, seen_to = FALSE;
  HwMove *mv;

  check_attrs (s, node, allowed);
  if (take_deletion (s, node, HW_ENTITY_MOVE, &id))
    return;
  mv = take_record (s, HW_ENTITY_MOVE, id, node);
  if (mv == NULL)
    return;
  set_text (&mv->migrated_id, attr (s, node, "MigrertId"));
  mv->date = date;
  for (const xmlNode *c = node->children; c; c = c->next)
    {
      const HwSsbCode *code;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "ArsakFra") && !seen_from && !seen_to)
        {
          seen_from = TRUE;
          check_attrs (s, c, code_attrs);
          check_no_children (s, c);
          code = code_attr (s, c, "Kode", HW_SSB_LIST_ARSAK_FRA, date);
          set_text (&mv->reason_code, code ? code->code : NULL);
          set_text (&mv->reason_note, note_attr (s, c, code, NULL));
        }
      else if (is (c, "FlyttingTil") && seen_from && !seen_to)
        {
          seen_to = TRUE;
          check_attrs (s, c, code_attrs);
          check_no_children (s, c);
          code = code_attr (s, c, "Kode", HW_SSB_LIST_FLYTTING_TIL, date);
          set_text (&mv->to_code, code ? code->code : NULL);
          set_text (&mv->to_note, note_attr (s, c, code, NULL));
        }
      else
        unexpected (s, c, node);
    }
  if (!seen_from || !seen_to)
    fail (s, node, _("<Flytting> needs <ArsakFra> and <FlyttingTil>"));
}

static void
read_relasjon (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "FraId", "FraType", "TilId", "TilType",
                                         "ErSlettet", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  g_autofree char *to_id = uuid_attr (s, node, "TilId");
  const char *from_id = need (s, node, "FraId");
  const HwSsbCode *from_type = code_attr (s, node, "FraType", HW_SSB_LIST_BEGREPSTYPE,
                                          HW_DATE_NONE);
  const HwSsbCode *to_type = code_attr (s, node, "TilType", HW_SSB_LIST_BEGREPSTYPE,
                                        HW_DATE_NONE);
  HwRelation *r;

  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (from_id && (*from_id == '\0' || g_utf8_strlen (from_id, -1) > 50))
    fail (s, node, _("FraId of <Relasjon> must have 1 to 50 characters"));
  if (take_deletion (s, node, HW_ENTITY_RELATION, &id))
    return;
  r = take_record (s, HW_ENTITY_RELATION, id, node);
  if (r == NULL)
    return;
  /* Ids are kept in lower case: so are the records they point to. */
  if (from_id && hw_ssb_uuid_is_valid (from_id))
    {
      g_free (r->from_id);
      r->from_id = g_ascii_strdown (from_id, -1);
    }
  else
    set_text (&r->from_id, from_id);
  set_text (&r->to_id, to_id);
  set_text (&r->from_type, from_type ? from_type->code : NULL);
  set_text (&r->to_type, to_type ? to_type->code : NULL);
}

static void
read_slettet (Sak *s, const xmlNode *node)
{
  static const char *const allowed[] = { "Id", "Type", "SluttDato", NULL };
  g_autofree char *id = uuid_attr (s, node, "Id");
  const HwSsbCode *type = code_attr (s, node, "Type", HW_SSB_LIST_BEGREPSTYPE, HW_DATE_NONE);
  HwSsbDeletion *del;

  date_attr (s, node, "SluttDato", TRUE);
  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (id == NULL || type == NULL)
    return;
  del = g_new0 (HwSsbDeletion, 1);
  del->entity = hw_ssb_entity_for_type (type->code);
  del->id = g_steal_pointer (&id);
  del->line = hw_xml_reader_get_line (s->doc->reader, node);
  del->slettet = TRUE;
  g_ptr_array_add (s->base.deleted, del);
}

/* SSB's schema keys each kind of element in a Sak by its Id (Slettet by Id and Type), also the
 * kinds Homeward skips (Melding) or only deletes (ErSlettet): a repeat is refused. The schema
 * itself is loaded without these keys (hw_ssb_schema), as libxml2 keeps every key it has seen
 * until the document ends. */
static gboolean
unique_in_sak (Sak *s, const xmlNode *node, GHashTable *keys)
{
  static const char *const keyed[] = { "Personalia", "Melding", "Undersokelse", "Plan", "Tiltak",
                                       "Vedtak", "Ettervern", "OversendelseFylkesnemnd",
                                       "Flytting", "Relasjon", "Slettet", NULL };
  const char *id = hw_xml_reader_get_attribute (s->doc->reader, node, "Id");
  const char *type = NULL;
  char *key;

  if (id == NULL || !g_strv_contains (keyed, name_of (node)))
    return TRUE;
  if (is (node, "Slettet"))
    type = hw_xml_reader_get_attribute (s->doc->reader, node, "Type");
  key = g_strdup_printf ("%s %s %s", name_of (node), id, type ? type : "");
  if (!g_hash_table_add (keys, key))
    {
      if (type)
        fail (s, node, _("two <Slettet> elements have the Id %s and the Type %s"), id, type);
      else
        fail (s, node, _("two <%s> elements have the Id %s"), name_of (node), id);
      return FALSE;
    }
  return TRUE;
}

static void
read_sak (Doc *doc, xmlNode *node)
{
  static const char *const allowed[] = { "Id", "MigrertId", "StartDato", "SluttDato",
                                         "Journalnummer", "Avsluttet", "ErSlettet", NULL };
  HwImportContext *ctx = doc->ctx;
  Sak s = { { 0 } };
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const char *journal;
  HwDate start, end;
  gboolean closed;

  s.doc = doc;
  s.base.ctx = ctx;
  s.base.line = hw_xml_reader_get_line (doc->reader, node);
  s.base.extract = doc->extract;
  s.base.lines = g_hash_table_new (NULL, NULL);
  s.base.deleted = g_ptr_array_new_with_free_func (hw_ssb_deletion_free);

  if (!doc->have_fagsystem || !doc->have_avgiver)
    fail (&s, node, _("<Fagsystem> and <Avgiver> must come before <Sak>"));
  check_attrs (&s, node, allowed);
  id = uuid_attr (&s, node, "Id");
  start = date_attr (&s, node, "StartDato", TRUE);
  end = date_attr (&s, node, "SluttDato", FALSE);
  journal = need (&s, node, "Journalnummer");
  closed = bool_attr (&s, node, "Avsluttet");
  if (journal && (*journal == '\0' || g_utf8_strlen (journal, -1) > 36))
    fail (&s, node, _("Journalnummer must have 1 to 36 characters"));
  if (id == NULL)
    goto out;

  s.existing = hw_store_load_case (ctx->store, id, &error);
  if (s.existing == NULL && !g_error_matches (error, HW_ERROR, HW_ERROR_NOT_FOUND))
    {
      hw_import_take_error (ctx, s.base.line, g_steal_pointer (&error));
      goto out;
    }
  /* Checked through all the same, so that every error is reported at once. */
  if (!hw_import_note_case (ctx, s.base.line, id, journal))
    s.bad = TRUE;
  if (is_deleted (&s, node))
    {
      if (s.existing && !s.bad && !hw_import_failed (ctx))
        {
          if (!hw_import_writes (ctx) || hw_store_delete (ctx->store, HW_ENTITY_CASE, id, &error))
            ctx->summary->cases_deleted++;
          else
            hw_import_take_error (ctx, s.base.line, g_steal_pointer (&error));
        }
      goto out;
    }

  if (s.existing)
    {
      hw_ssb_sak_index_existing (&s);
      s.kase = hw_record_copy (s.existing->root);
    }
  else
    {
      s.kase = g_malloc0 (sizeof (HwCase));
      s.kase->rec.entity = HW_ENTITY_CASE;
      s.kase->rec.id = g_strdup (id);
    }
  s.base.dossier = hw_dossier_new (s.kase);
  set_text (&s.kase->journal_no, journal);
  set_text (&s.kase->migrated_id, attr (&s, node, "MigrertId"));
  s.kase->start_date = start;
  s.kase->end_date = end;
  s.kase->closed = closed;
  if (doc->municipality)
    set_text (&s.kase->municipality, doc->municipality);
  if (start && end && end < start)
    {
      g_autofree char *a = hw_ssb_dup_date (start);
      g_autofree char *b = hw_ssb_dup_date (end);

      fail (&s, node, _("Sak kontroll 2a: the case starts (%s) after it ends (%s)"), a, b);
    }

  for (xmlNode *c = node->children; c && !ctx->stop; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!unique_in_sak (&s, c, keys))
        continue;
      if (is (c, "Personalia"))
        read_personalia (&s, c);
      else if (is (c, "Vedtak"))
        read_vedtak (&s, c);
      else if (is (c, "Tiltak"))
        read_tiltak (&s, c);
      else if (is (c, "Plan"))
        read_plan (&s, c);
      else if (is (c, "Ettervern"))
        read_ettervern (&s, c);
      else if (is (c, "OversendelseFylkesnemnd"))
        read_oversendelse (&s, c);
      else if (is (c, "Flytting"))
        read_flytting (&s, c);
      else if (is (c, "Relasjon"))
        read_relasjon (&s, c);
      else if (is (c, "Slettet"))
        read_slettet (&s, c);
      else if (is (c, "Melding"))
        {
          s.base.n_melding++;
          ctx->summary->not_imported++;
        }
      else if (is (c, "Undersokelse"))
        {
          s.base.n_undersokelse++;
          ctx->summary->not_imported++;
        }
      else
        unexpected (&s, c, node);
    }

  deletions = hw_ssb_sak_apply_deletions (&s);
  hw_ssb_sak_derive_frequency_ends (&s);
  if (!s.bad && !ctx->writing)   /* warnings: the first pass reported them */
    hw_ssb_check_sak (&s.base);
  hw_ssb_sak_write (&s, deletions, s.existing != NULL);

out:
  ctx->cases_in_file++;
  if (s.base.dossier == NULL)
    hw_record_free (s.kase);   /* otherwise the dossier's root */
  hw_ssb_sak_clear (&s);
}

/* ---- the document ---- */

static void
read_fagsystem (Doc *doc, Sak *s, xmlNode *node)
{
  static const char *const allowed[] = { "Leverandor", "Navn", "Versjon", NULL };

  if (doc->have_fagsystem || doc->have_avgiver || doc->n_sak > 0)
    unexpected (s, node, hw_xml_reader_get_root (doc->reader));
  doc->have_fagsystem = TRUE;
  check_attrs (s, node, allowed);
  check_no_children (s, node);
  need (s, node, "Leverandor");
  need (s, node, "Navn");
  need (s, node, "Versjon");
}

static void
read_avgiver (Doc *doc, Sak *s, xmlNode *node)
{
  static const char *const allowed[] = { "Organisasjonsnummer", "Kommunenummer", "Kommunenavn",
                                         "Bydelsnummer", "Bydelsnavn", NULL };
  /* Oslo, Bergen and Trondheim report per district (Avgiver kontroll 1). */
  static const char *const with_districts[] = { "958935420", "964338531", "942110464" };
  const char *org = need (s, node, "Organisasjonsnummer");
  const char *number = need (s, node, "Kommunenummer");
  const char *name = need (s, node, "Kommunenavn");
  const char *district = attr (s, node, "Bydelsnummer");
  const char *district_name = attr (s, node, "Bydelsnavn");
  int line = hw_xml_reader_get_line (doc->reader, node);

  if (!doc->have_fagsystem || doc->have_avgiver || doc->n_sak > 0)
    unexpected (s, node, hw_xml_reader_get_root (doc->reader));
  doc->have_avgiver = TRUE;
  check_attrs (s, node, allowed);
  check_no_children (s, node);
  if (org && !hw_ssb_digits_are_valid (org, 9))
    fail (s, node, _("Organisasjonsnummer “%s” does not have 9 digits"), org);
  if (number && !hw_ssb_digits_are_valid (number, 4))
    fail (s, node, _("Kommunenummer “%s” does not have 4 digits"), number);
  if (name && (*name == '\0' || g_utf8_strlen (name, -1) > 250))
    fail (s, node, _("Kommunenavn must have 1 to 250 characters"));
  if (district && !hw_ssb_digits_are_valid (district, 2))
    fail (s, node, _("Bydelsnummer “%s” does not have 2 digits"), district);
  for (guint i = 0; org && i < G_N_ELEMENTS (with_districts); i++)
    if (strcmp (org, with_districts[i]) == 0 && (district == NULL || district_name == NULL))
      warn (s, node, "Avgiver kontroll 1", "ERROR",
            _("Bydelsnummer and Bydelsnavn must be filled in for this municipality"));
  if (s->bad)
    return;

  g_free (doc->municipality);
  doc->municipality = g_strdup (number);
  /* The service's identity, for the Avgiver of later exports. */
  hw_import_set_setting (doc->ctx, line, "service-org-number", org);
  hw_import_set_setting (doc->ctx, line, "service-municipality", number);
  hw_import_set_setting (doc->ctx, line, "service-municipality-name", name);
  hw_import_set_setting (doc->ctx, line, "service-district", district);
  hw_import_set_setting (doc->ctx, line, "service-district-name", district_name);
}

static gboolean
read_root (Doc *doc, Sak *s)
{
  static const char *const allowed[] = { "Id", "DatoUttrekk", "ForrigeId", NULL };
  xmlNode *root = hw_xml_reader_get_root (doc->reader);
  g_autofree char *id = uuid_attr (s, root, "Id");
  const char *extract = need (s, root, "DatoUttrekk");
  const char *previous = attr (s, root, "ForrigeId");
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  int year;

  check_attrs (s, root, allowed);
  if (previous && !hw_ssb_uuid_is_valid (previous))
    fail (s, root, _("ForrigeId of <Barnevern>: “%s” is not a valid UUID"), previous);
  if (extract == NULL)
    return FALSE;
  /* Date, time and a zone: "2022-06-23T09:30:10Z", "2022-06-23T11:30:10+02:00". */
  day = g_strndup (extract, 10);
  if (strlen (extract) < 20 || extract[10] != 'T' ||
      (when = g_date_time_new_from_iso8601 (extract, NULL)) == NULL ||
      !hw_ssb_parse_date (day, &doc->extract))
    {
      fail (s, root, _("DatoUttrekk of <Barnevern>: “%s” is not a date and time with a zone"),
            extract);
      return FALSE;
    }
  year = hw_date_get_year (doc->extract);
  hw_ssb_date_range (year, &doc->min_date, &doc->max_date);
  return TRUE;
}

gboolean
hw_ssb_import_document (HwImportContext *ctx)
{
  Doc doc = { 0 };
  Sak header = { { 0 } };
  GError *error = NULL;
  xmlNode *node;
  HwXmlLimits limits = { 0 };

  doc.ctx = ctx;
  doc.reader = ctx->reader;
  header.doc = &doc;
  /* Presisering holds at most 10,000 characters; a Sak is small. */
  limits.max_depth = 8;
  limits.max_value_length = 40 * 1024;
  hw_xml_reader_set_limits (doc.reader, &limits);

  if (!read_root (&doc, &header))
    return FALSE;

  while (!ctx->stop && (node = hw_xml_reader_next_record (doc.reader, &error)))
    {
      if (is (node, "Sak"))
        {
          read_sak (&doc, node);
          doc.n_sak++;
        }
      else if (is (node, "Fagsystem"))
        read_fagsystem (&doc, &header, node);
      else if (is (node, "Avgiver"))
        read_avgiver (&doc, &header, node);
      else
        unexpected (&header, node, hw_xml_reader_get_root (doc.reader));
      hw_import_progress (ctx, FALSE);
    }
  if (error)
    hw_import_take_error (ctx, 0, error);
  else if (doc.n_sak == 0 && !ctx->stop)
    hw_import_error (ctx, hw_xml_reader_get_root_line (doc.reader), "%s",
                     _("<Barnevern> holds no <Sak>"));
  g_free (doc.municipality);
  return !hw_import_failed (ctx);
}
