/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-ssb"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-exchange-resources.h"
#include "hw-ssb-private.h"

static void
ignore_schema_error (void *data, xmlErrorPtr error)
{
}

/* Two changes to SSB's schema, made here so that its file stays SSB's:
 * - it allows one Sak per file; Homeward reads many (a national extract), each as SSB reads one;
 * - its unique keys on Sak's children are checked by hw-ssb-import.c (unique_in_sak) instead:
 *   libxml2 keeps every key it has seen until the document ends (60 MB for 50,000 children). */
static void
adapt_schema (xmlDoc *doc)
{
  for (xmlNode *type = xmlDocGetRootElement (doc)->children; type; type = type->next)
    {
      g_autofree xmlChar *name = NULL;

      if (type->type != XML_ELEMENT_NODE || !xmlStrEqual (type->name, BAD_CAST "complexType"))
        continue;
      name = xmlGetProp (type, BAD_CAST "name");
      if (!xmlStrEqual (name, BAD_CAST "BarnevernType"))
        continue;
      for (xmlNode *seq = type->children; seq; seq = seq->next)
        if (seq->type == XML_ELEMENT_NODE && xmlStrEqual (seq->name, BAD_CAST "sequence"))
          for (xmlNode *el = seq->children; el; el = el->next)
            {
              g_autofree xmlChar *el_name = NULL;

              if (el->type != XML_ELEMENT_NODE)
                continue;
              el_name = xmlGetProp (el, BAD_CAST "name");
              if (!xmlStrEqual (el_name, BAD_CAST "Sak"))
                continue;
              xmlSetProp (el, BAD_CAST "maxOccurs", BAD_CAST "unbounded");
              for (xmlNode *u = el->children, *next; u; u = next)
                {
                  next = u->next;
                  if (u->type == XML_ELEMENT_NODE && xmlStrEqual (u->name, BAD_CAST "unique"))
                    {
                      xmlUnlinkNode (u);
                      xmlFreeNode (u);
                    }
                }
            }
    }
}

xmlSchema *
hw_ssb_schema (GError **error)
{
  static gsize once;
  static xmlSchema *schema;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (hw_exchange_get_resource (),
                                                        "/no/homeward/exchange/ssb/Barnevern_v4.xsd",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      gsize size = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
      /* Kept for the process, as the schema is: libxml2's schema may point into it. */
      xmlDoc *doc = data ? xmlReadMemory (data, (int) size, "Barnevern_v4.xsd", NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOWARNING |
                                          XML_PARSE_NOERROR) : NULL;
      xmlSchemaParserCtxt *parser = NULL;

      if (doc && xmlDocGetRootElement (doc))
        {
          adapt_schema (doc);
          parser = xmlSchemaNewDocParserCtxt (doc);
        }
      if (parser)
        {
          /* It is compiled in and parses; never print to the terminal if it did not. */
          xmlSchemaSetParserStructuredErrors (parser, ignore_schema_error, NULL);
          schema = xmlSchemaParse (parser);
          xmlSchemaFreeParserCtxt (parser);
        }
      g_once_init_leave (&once, 1);
    }
  if (schema == NULL)
    g_set_error (error, HW_ERROR, HW_ERROR_FAILED, "%s",
                 _("SSB's Barnevern v4 schema built into Homeward cannot be read"));
  return schema;
}

gboolean
hw_ssb_uuid_is_valid (const char *text)
{
  static const int dashes[] = { 8, 13, 18, 23 };

  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == dashes[0] || i == dashes[1] || i == dashes[2] || i == dashes[3];

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  /* [1-5] version, [89abAB] variant */
  if (text[14] < '1' || text[14] > '5')
    return FALSE;
  return strchr ("89abAB", text[19]) != NULL;
}

char *
hw_ssb_uuid_derive (const char *base, const char *salt)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (sum, (const guchar *) "homeward:ssb:", -1);
  g_checksum_update (sum, (const guchar *) base, -1);
  g_checksum_update (sum, (const guchar *) ":", 1);
  g_checksum_update (sum, (const guchar *) salt, -1);
  g_checksum_get_digest (sum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static const struct {
  const char *type;
  HwEntity    entity;
} types[] = {
  { "Personalia", HW_ENTITY_CHILD },
  { "Plan", HW_ENTITY_PLAN },
  { "Tiltak", HW_ENTITY_MEASURE },
  { "Vedtak", HW_ENTITY_DECISION },
  { "Ettervern", HW_ENTITY_AFTERCARE },
  { "OversendelseFylkesnemnd", HW_ENTITY_PETITION },
  { "Flytting", HW_ENTITY_MOVE },
  { "Relasjon", HW_ENTITY_RELATION },
  { "Melding", HW_N_ENTITIES },
  { "Undersokelse", HW_N_ENTITIES },
};

HwEntity
hw_ssb_entity_for_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (types[i].type, type) == 0)
      return types[i].entity;
  return HW_N_ENTITIES;
}

const char *
hw_ssb_type_for_entity (HwEntity entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].entity == entity)
      return types[i].type;
  return NULL;
}

gboolean
hw_ssb_parse_date (const char *text, HwDate *date)
{
  char buf[11];
  const char *zone;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  /* xs:date may carry a time zone: "2023-01-01Z", "2023-01-01+01:00". */
  zone = text + 10;
  if (*zone != '\0' && !g_str_equal (zone, "Z") &&
      !((zone[0] == '+' || zone[0] == '-') && strlen (zone) == 6 &&
        g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) && zone[3] == ':' &&
        g_ascii_isdigit (zone[4]) && g_ascii_isdigit (zone[5])))
    return FALSE;
  memcpy (buf, text, 10);
  buf[10] = '\0';
  *date = hw_date_parse_iso (buf);
  return *date != HW_DATE_NONE;
}

char *
hw_ssb_dup_date (HwDate date)
{
  char buf[11];

  return g_strdup (hw_date_to_iso (date, buf) ? buf : _("no date"));
}

void
hw_ssb_date_range (int year, HwDate *min, HwDate *max)
{
  /* Past the calendar's ends hw_date_new() gives no date, which every date compares above. */
  *min = hw_date_new (CLAMP (year - 26, 1, 9999), 1, 1);
  *max = hw_date_new (CLAMP (year + 26, 1, 9999), 12, 31);
}

gboolean
hw_ssb_parse_boolean (const char *text, gboolean *value)
{
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

gboolean
hw_ssb_is_placement (const char *category)
{
  static const char *const placements[] = {
    "1.1", "1.2", "1.99", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.99", "8.2",
  };

  for (guint i = 0; category && i < G_N_ELEMENTS (placements); i++)
    if (strcmp (category, placements[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the comma-separated @list holds @item. */
static gboolean
list_has (const char *list, const char *item)
{
  gsize n = strlen (item);

  for (const char *p = list; p && *p; )
    {
      const char *end = strchr (p, ',');
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (len == n && strncmp (p, item, n) == 0)
        return TRUE;
      p = end ? end + 1 : NULL;
    }
  return FALSE;
}

gboolean
hw_ssb_is_care_order (const HwLegalBasis *basis)
{
  const char *law = basis->law, *chapter = basis->chapter, *section = basis->section;

  if (g_strcmp0 (law, "BVL2021") == 0)
    return g_strcmp0 (chapter, "5") == 0 && g_strcmp0 (section, "1") == 0;
  if (g_strcmp0 (law, "BVL") != 0 || g_strcmp0 (chapter, "4") != 0)
    return FALSE;
  if (g_strcmp0 (section, "12") == 0)
    return TRUE;
  if (g_strcmp0 (section, "8") != 0)
    return FALSE;
  if (list_has (basis->ledd, "2") || list_has (basis->ledd, "3"))
    return TRUE;
  /* JmfrLovhjemmel "LAW:KAP:PAR:…" entries, ';'-joined */
  if (basis->jmfr)
    {
      g_auto(GStrv) refs = g_strsplit (basis->jmfr, ";", -1);

      for (guint i = 0; refs[i]; i++)
        {
          g_auto(GStrv) parts = g_strsplit (refs[i], ":", -1);

          if (g_strv_length (parts) >= 3 && g_str_equal (parts[1], "4") &&
              g_str_equal (parts[2], "12"))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
matches (const char *text, gsize min, gsize max, gboolean letters_after)
{
  gsize n, i = 0;

  if (text == NULL)
    return FALSE;
  n = strlen (text);
  if (n < min || n > max)
    return FALSE;
  while (i < n && g_ascii_isdigit (text[i]))
    i++;
  if (i == 0)
    return FALSE;
  if (!letters_after)
    return i == n;
  while (i < n && text[i] >= 'a' && text[i] <= 'z')
    i++;
  return i == n;
}

gboolean
hw_ssb_chapter_is_valid (const char *text)
{
  return matches (text, 1, 3, TRUE);
}

gboolean
hw_ssb_section_is_valid (const char *text)
{
  return matches (text, 1, 4, TRUE);
}

gboolean
hw_ssb_number_is_valid (const char *text)
{
  return matches (text, 1, 3, FALSE);
}

gboolean
hw_ssb_letter_is_valid (const char *text)
{
  return text && text[0] >= 'a' && text[0] <= 'z' && text[1] == '\0';
}

gboolean
hw_ssb_digits_are_valid (const char *text, gsize n)
{
  return matches (text, n, n, FALSE);
}

int
hw_ssb_sak_line (const HwSsbSak *sak, gconstpointer record)
{
  gpointer line = g_hash_table_lookup (sak->lines, record);

  return line ? GPOINTER_TO_INT (line) : sak->line;
}
