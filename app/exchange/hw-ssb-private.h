/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-entity.h"
#include "hw-import-private.h"
#include "hw-ssb-codes.h"

#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* What the Barnevern v4 reader and writer share (hw-ssb-common.c). */

/* SSB's Barnevern v4 schema, parsed once and kept for the process. */
xmlSchema  *hw_ssb_schema             (GError **error);

/* The pattern SSB's schema puts on every Id: an RFC 4122 UUID of version 1–5. */
gboolean    hw_ssb_uuid_is_valid      (const char *text);
/* A name-based (version 5) UUID from @base and @salt, for records SSB gives no Id (a plan's
 * Evaluering) or Homeward has none for (Tilsyn/Ansvarlig): the same inputs give the same id,
 * so a re-import updates instead of adding. Lower case. */
char       *hw_ssb_uuid_derive        (const char *base, const char *salt);

/* BegrepsType ("Tiltak", "Vedtak", …) ↔ the entity Homeward keeps it as; HW_N_ENTITIES for
 * types Homeward does not keep (Melding, Undersokelse). */
HwEntity    hw_ssb_entity_for_type    (const char *type);
const char *hw_ssb_type_for_entity    (HwEntity entity);

/* xs:date (an optional time zone is ignored) and xs:boolean. */
gboolean    hw_ssb_parse_date         (const char *text, HwDate *date);
gboolean    hw_ssb_parse_boolean      (const char *text, gboolean *value);
/* A date for a message: "YYYY-MM-DD", or "no date"; never NULL (messages go through this). */
char       *hw_ssb_dup_date           (HwDate date);
/* Sak kontroll 1's range for an extract's year: 1 January 26 years before to 31 December 26
 * years after, within the calendar Homeward keeps (years 1–9999). */
void        hw_ssb_date_range         (int year, HwDate *min, HwDate *max);

/* Kravspesifikasjon's definitions: a placement (plasseringstiltak) by category, a care order
 * (omsorgsovertakelse) by legal basis. */
gboolean    hw_ssb_is_placement       (const char *category);
gboolean    hw_ssb_is_care_order      (const HwLegalBasis *basis);

/* The patterns of LovhjemmelType's parts. */
gboolean    hw_ssb_chapter_is_valid   (const char *text);   /* \d+[a-z]*, 1–3 */
gboolean    hw_ssb_section_is_valid   (const char *text);   /* \d+[a-z]*, 1–4 */
gboolean    hw_ssb_number_is_valid    (const char *text);   /* \d+, 1–3 (Ledd, Punktum) */
gboolean    hw_ssb_letter_is_valid    (const char *text);   /* [a-z] */
gboolean    hw_ssb_digits_are_valid   (const char *text, gsize n);  /* exactly @n digits */

/* One Sak being imported: the mapped dossier, where each record stood, and what SSB's
 * controls need beside it. */
typedef struct {
  HwImportContext *ctx;
  HwDossier       *dossier;
  GHashTable      *lines;        /* record → line */
  int              line;         /* the Sak element's */
  HwDate           extract;      /* the file's DatoUttrekk */
  guint            n_melding;
  guint            n_undersokelse;
  GPtrArray       *deleted;      /* HwSsbDeletion: Slettet elements */
} HwSsbSak;

typedef struct {
  HwEntity entity;               /* HW_N_ENTITIES for Melding and Undersokelse */
  char    *id;
  int      line;
  gboolean slettet;              /* a <Slettet> element (not an ErSlettet attribute) */
} HwSsbDeletion;

int         hw_ssb_sak_line           (const HwSsbSak *sak, gconstpointer record);
/* Reports what SSB's controls (Kravspesifikasjon.md) find in a mapped Sak, as warnings. */
void        hw_ssb_check_sak          (HwSsbSak *sak);

G_END_DECLS
