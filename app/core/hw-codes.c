/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-codes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "hw-codes.h"
#include "hw-codes-private.h"
#include "hw-ssb-codes.h"

/* The English names translate SSB's (hw-ssb-codes.c) without SSB's explanations and "krever
 * presisering"; the bokmål and nynorsk catalogues give SSB's own wording back. */

static const HwCode category_codes[] = {
  { "1.1", N_("Child welfare institution") },
  { "1.2", N_("Institution under another act") },
  { "1.99", N_("Other institution measure") },
  { "2.1", N_("Foster home in the family or close network") },
  { "2.2", N_("Foster home outside the family and close network") },
  { "2.3", N_("Specialised foster home") },
  { "2.4", N_("Foster home under the Child Welfare Act § 6-3") },
  { "2.5", N_("Emergency foster home") },
  { "2.6", N_("Temporary home in the family or close network") },
  { "2.99", N_("Other foster-home measure") },
  { "3.1", N_("MST (Multisystemic Therapy)") },
  { "3.2", N_("PMTO (Parent Management Training Oregon)") },
  { "3.3", N_("FFT (Functional Family Therapy)") },
  { "3.4", N_("The Incredible Years (Webster-Stratton)") },
  { "3.5", N_("ICDP (International Child Development Programme)") },
  { "3.6", N_("Marte Meo") },
  { "3.7", N_("Other home-based measure") },
  { "3.8", N_("Centre for parents and children") },
  { "3.9", N_("Advice and guidance") },
  { "3.10", N_("Home consultant or family worker") },
  { "3.99", N_("Other measure to strengthen parenting") },
  { "4.1", N_("Kindergarten") },
  { "4.2", N_("After-school programme") },
  { "4.3", N_("Leisure activities") },
  { "4.4", N_("Other financial help") },
  { "4.5", N_("Respite home or relief measure") },
  { "4.6", N_("Support contact") },
  { "4.7", N_("Conversation or children's groups") },
  { "4.8", N_("Education and work") },
  { "4.9", N_("ART (Aggression Replacement Training)") },
  { "4.99", N_("Other measure to strengthen the child's development") },
  { "5.1", N_("Voluntary supervision in the home") },
  { "5.2", N_("Imposed supervision in the home") },
  { "5.3", N_("Supervised contact") },
  { "5.4", N_("Drug testing") },
  { "5.99", N_("Other supervision or control measure") },
  { "6.1", N_("Family group conference") },
  { "6.2", N_("Network meetings") },
  { "6.3", N_("Individual plan") },
  { "6.4", N_("Responsibility group") },
  { "6.99", N_("Other network or cooperation measure") },
  { "7.1", N_("Medical examination and treatment (§ 3-7)") },
  { "7.2", N_("Treatment for special training needs (§ 3-8)") },
  { "7.3", N_("Mental health care for children and young people") },
  { "7.99", N_("Other examination or treatment by other services") },
  { "8.1", N_("Financial help for own housing") },
  { "8.2", N_("Housing with follow-up") },
  { "8.3", N_("Independent living course") },
  { "8.4", N_("Municipal housing with staff day and night") },
  { "8.5", N_("Municipal housing without staff day and night") },
  { "8.99", N_("Other measure, not a placement") },
};

static const HwCode plan_type_codes[] = {
  { "1", N_("Measures plan (§ 8-1)") },
  { "2", N_("Measures plan (§ 8-4)") },
  { "3", N_("Preliminary care plan (1992 act § 4-15)") },
  { "4", N_("Care plan (§ 8-3)") },
  { "5", N_("Aftercare plan (§ 8-5)") },
  { "6", N_("Contact plan (§ 7-6)") },
  { "7", N_("Investigation plan (§ 2-2)") },
  { "8", N_("Investigation plan after an emergency decision (§ 8-2)") },
  { "101", N_("Plan for the return home") },
  { "102", N_("Plan for following up the foster family") },
};

static const HwCode end_reason_codes[] = {
  { "0", N_("Not ended") },
  { "1", N_("Returned to the parents or family") },
  { "2", N_("Turned 18") },
  { "3", N_("Adoption") },
  { "4", N_("Other reason") },
};

static const HwCode status_codes[] = {
  { "1", N_("Approved") },
  { "2", N_("Petition sent to the county tribunal") },
  { "3", N_("Lapsed") },
  { "4", N_("Refused or closed") },
};

static const HwCode conclusion_codes[] = {
  { "0", N_("Not concluded") },
  { "1", N_("Offered measures, accepted") },
  { "2", N_("Offered measures, declined for another measure") },
  { "3", N_("No more measures, as the young person wishes") },
};

static const HwCode move_reason_codes[] = {
  { "1.1.1", N_("Foster home, ended by the service: the care placement ends") },
  { "1.1.2", N_("Foster home, ended by the service: the child comes of age") },
  { "1.1.3", N_("Foster home, ended by the service: the foster parents cannot meet the "
                "child's needs") },
  { "1.1.4", N_("Foster home, ended by the service: the child needs another kind of "
                "placement") },
  { "1.1.5", N_("Foster home, ended by the service: other reasons") },
  { "1.2.1", N_("Foster home, ended by the foster parents: the child has needs they cannot "
                "meet") },
  { "1.2.2", N_("Foster home, ended by the foster parents: their lives changed (divorce, "
                "death…)") },
  { "1.2.3", N_("Foster home, ended by the foster parents: other reasons") },
  { "1.3", N_("The child moves with the foster parents to a new home") },
  { "2.1", N_("Institution: ended as planned when the stay began") },
  { "2.2", N_("Institution: it cannot meet the child's needs") },
  { "2.3", N_("Institution: the child needs another kind of placement") },
  { "2.4", N_("Institution: the child came of age and chose to move out") },
  { "2.5", N_("Institution: the child withdrew consent") },
  { "2.6", N_("Institution: the parents withdrew consent") },
  { "2.7", N_("Institution: the county tribunal did not agree") },
  { "2.8", N_("Institution: the service and Bufetat disagreed on the task or its cost") },
  { "2.9", N_("Institution: other reasons") },
};

static const HwCode moved_to_codes[] = {
  { "1", N_("Foster home in the family or close network") },
  { "2", N_("Foster home outside the family and close network") },
  { "3", N_("Emergency foster home") },
  { "4", N_("Child welfare institution") },
  { "5", N_("Housing with follow-up") },
  { "6", N_("Parents") },
  { "7", N_("Own home without follow-up") },
  { "8", N_("Somewhere else") },
  { "9", N_("Change of address") },
};

static const HwCode concept_codes[] = {
  { "Personalia", N_("Personal details") },
  { "Melding", N_("Report of concern") },
  { "Undersokelse", N_("Investigation") },
  { "Plan", N_("Plan") },
  { "Tiltak", N_("Measure") },
  { "Vedtak", N_("Decision") },
  { "Ettervern", N_("Aftercare") },
  { "OversendelseFylkesnemnd", N_("Petition to the tribunal") },
  { "Flytting", N_("Move") },
  { "Relasjon", N_("Link") },
};

/* The acts are SSB's list (its Lov codes are law, and law is app/rules' and the exchange's:
 * none is written here); their names in SSB's order, checked by tests/test-store.c. */
static const char *const act_names[] = {
  N_("Child Welfare Act (1992)"), N_("Child Welfare Act (2021)"), N_("Children Act (1981)"),
};
static HwCode act_codes[G_N_ELEMENTS (act_names)];

#define LIST(c, ssb) { c, G_N_ELEMENTS (c), ssb }

static const struct {
  const HwCode *codes;
  guint         n_codes;
  int           ssb;      /* the HwSsbList it names, or -1 */
} lists[HW_N_CODE_LISTS] = {
  [HW_CODES_NONE] = { NULL, 0, -1 },
  [HW_CODES_CATEGORY] = LIST (category_codes, HW_SSB_LIST_KATEGORI),
  [HW_CODES_PLAN_TYPE] = LIST (plan_type_codes, HW_SSB_LIST_PLANTYPE),
  [HW_CODES_END_REASON] = LIST (end_reason_codes, HW_SSB_LIST_OPPHEVELSE),
  [HW_CODES_DECISION_STATUS] = LIST (status_codes, HW_SSB_LIST_VEDTAK_STATUS),
  [HW_CODES_AFTERCARE_CONCLUSION] = LIST (conclusion_codes, HW_SSB_LIST_ETTERVERN_KONKLUSJON),
  [HW_CODES_MOVE_REASON] = LIST (move_reason_codes, HW_SSB_LIST_ARSAK_FRA),
  [HW_CODES_MOVED_TO] = LIST (moved_to_codes, HW_SSB_LIST_FLYTTING_TIL),
  [HW_CODES_CONCEPT] = LIST (concept_codes, HW_SSB_LIST_BEGREPSTYPE),
  [HW_CODES_ACT] = LIST (act_codes, HW_SSB_LIST_LOV),
};

static void
init_acts (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const HwSsbCodeList *lov = &hw_ssb_code_lists[HW_SSB_LIST_LOV];

      g_assert (lov->n_codes == G_N_ELEMENTS (act_names));
      for (guint i = 0; i < lov->n_codes; i++)
        {
          act_codes[i].code = lov->codes[i].code;
          act_codes[i].label = act_names[i];
        }
      g_once_init_leave (&once, 1);
    }
}

int
hw_code_list_get_ssb (HwCodeList list)
{
  g_return_val_if_fail ((guint) list < HW_N_CODE_LISTS, -1);
  return lists[list].ssb;
}

const HwCode *
hw_code_list_get (HwCodeList list, guint *n_codes)
{
  g_return_val_if_fail ((guint) list < HW_N_CODE_LISTS, NULL);
  if (list == HW_CODES_ACT)
    init_acts ();
  *n_codes = lists[list].n_codes;
  return lists[list].codes;
}

const HwCode *
hw_code_lookup (HwCodeList list, const char *code)
{
  g_return_val_if_fail ((guint) list < HW_N_CODE_LISTS, NULL);
  if (list == HW_CODES_ACT)
    init_acts ();
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < lists[list].n_codes; i++)
    if (strcmp (lists[list].codes[i].code, code) == 0)
      return &lists[list].codes[i];
  return NULL;
}

const HwCode *
hw_code_lookup_int (HwCodeList list, int code)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", code);
  return hw_code_lookup (list, text);
}

const char *
hw_code_get_label (HwCodeList list, const char *code)
{
  const HwCode *c = hw_code_lookup (list, code);

  return c ? _(c->label) : NULL;
}

const char *
hw_code_get_label_int (HwCodeList list, int code)
{
  const HwCode *c = hw_code_lookup_int (list, code);

  return c ? _(c->label) : NULL;
}

char *
hw_code_dup_label (HwCodeList list, const char *code)
{
  const char *label;

  if (code == NULL || *code == '\0')
    return NULL;
  label = hw_code_get_label (list, code);
  return g_strdup (label ? label : code);
}

/* ---- SSB's lists (hw-ssb-codes.h) ---- */

const HwSsbCode *
hw_ssb_code_lookup (HwSsbList list, const char *code)
{
  const HwSsbCodeList *l;

  g_return_val_if_fail (list < HW_SSB_N_LISTS, NULL);
  if (code == NULL)
    return NULL;
  l = &hw_ssb_code_lists[list];
  for (guint i = 0; i < l->n_codes; i++)
    if (strcmp (l->codes[i].code, code) == 0)
      return &l->codes[i];
  return NULL;
}

static guint32
date_key (HwDate date)
{
  int y, m, d;

  hw_date_get_ymd (date, &y, &m, &d);
  return (guint32) (y * 10000 + m * 100 + d);
}

gboolean
hw_ssb_code_valid_on (HwSsbList list, const HwSsbCode *code, HwDate date)
{
  const HwSsbCodeList *l = &hw_ssb_code_lists[list];
  guint32 key, first = code->valid_from;

  if (date == HW_DATE_NONE)
    return TRUE;
  key = date_key (date);
  if (code->valid_to != 0 && key > code->valid_to)
    return FALSE;
  for (guint i = 0; i < l->n_codes; i++)
    first = MIN (first, l->codes[i].valid_from);
  return key >= code->valid_from || code->valid_from == first;
}

static char *
format_key (guint32 key)
{
  return g_strdup_printf ("%04u-%02u-%02u", key / 10000, key / 100 % 100, key % 100);
}

char *
hw_ssb_code_dup_validity (const HwSsbCode *code)
{
  g_autofree char *from = format_key (code->valid_from);
  g_autofree char *to = NULL;

  if (code->valid_to == 0)
    /* Translators: a code's validity, "from 2013-01-01" */
    return g_strdup_printf (_("from %s"), from);
  to = format_key (code->valid_to);
  /* Translators: a code's validity, "2013-01-01 to 2022-12-31" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

