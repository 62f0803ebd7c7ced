/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-ssb-private.h"
#include "hw-xml-reader.h"

G_BEGIN_DECLS

/* What the Barnevern v4 import's reader (hw-ssb-import.c) and its merging and writing
 * (hw-ssb-merge.c) share: the document and the Sak being imported. */

typedef struct {
  HwImportContext *ctx;
  HwXmlReader     *reader;
  HwDate           extract;         /* DatoUttrekk */
  HwDate           min_date;        /* Sak kontroll 1: 1 January 26 years back… */
  HwDate           max_date;        /* …to 31 December 26 years ahead */
  char            *municipality;    /* Avgiver/@Kommunenummer */
  gboolean         have_fagsystem;
  gboolean         have_avgiver;
  guint            n_sak;
} HwSsbDoc;

typedef struct {
  HwSsbSak     base;
  HwSsbDoc    *doc;
  HwCase      *kase;
  gboolean     bad;                 /* an error: check the rest of the Sak, write nothing */
  HwDossier   *existing;            /* the case as stored, or NULL */
  GHashTable  *old[HW_N_ENTITIES];  /* id → stored record */
  GHashTable  *seen[HW_N_ENTITIES]; /* id → record of this Sak */
} HwSsbSakImport;

/* The free function of HwSsbSak.deleted. */
void       hw_ssb_deletion_free              (gpointer data);
/* Indexes s->existing (the case as stored) by entity and id into s->old. */
void       hw_ssb_sak_index_existing         (HwSsbSakImport *s);
/* Applies Slettet and ErSlettet to the dossier; returns the stored records to delete. */
GPtrArray *hw_ssb_sak_apply_deletions        (HwSsbSakImport *s);
/* A Hyppighet holds until the next one of the same kind starts. */
void       hw_ssb_sak_derive_frequency_ends  (HwSsbSakImport *s);
/* Checks the Sak (first pass) or writes it with @deletions (second pass). */
void       hw_ssb_sak_write                  (HwSsbSakImport *s,
                                              GPtrArray      *deletions,
                                              gboolean        is_update);
void       hw_ssb_sak_clear                  (HwSsbSakImport *s);

G_END_DECLS
