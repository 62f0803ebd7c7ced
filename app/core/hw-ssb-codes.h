/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-date.h"

G_BEGIN_DECLS

/* Statistics Norway's code lists for Barnevern v4, with the dates each code is valid. The
 * table (hw-ssb-codes.c) is generated from SSB's Kodelister.md by gen-ssb-codes.py. */

typedef enum {
  HW_SSB_LIST_MELDER,
  HW_SSB_LIST_SAKSINNHOLD,             /* also Tiltaksgrunnlag and Vedtaksgrunnlag */
  HW_SSB_LIST_MELDING_KONKLUSJON,
  HW_SSB_LIST_MEDVIRKNING,
  HW_SSB_LIST_UTVIDET_FRIST,
  HW_SSB_LIST_UNDERSOKELSE_KONKLUSJON,
  HW_SSB_LIST_PLANTYPE,
  HW_SSB_LIST_KATEGORI,
  HW_SSB_LIST_OPPHEVELSE,
  HW_SSB_LIST_VEDTAK_STATUS,
  HW_SSB_LIST_KRAV_KONKLUSJON,
  HW_SSB_LIST_ETTERVERN_KONKLUSJON,
  HW_SSB_LIST_ARSAK_FRA,
  HW_SSB_LIST_FLYTTING_TIL,
  /* enumerations of Barnevern_v4.xsd that Kodelister.md does not list */
  HW_SSB_LIST_KJONN,
  HW_SSB_LIST_LOV,
  HW_SSB_LIST_OPPFOLGING_HYPPIGHET,
  HW_SSB_LIST_TILSYN_HYPPIGHET,
  HW_SSB_LIST_BEGREPSTYPE,
  HW_SSB_N_LISTS
} HwSsbList;

typedef struct {
  const char *code;
  guint32     valid_from;   /* YYYYMMDD */
  guint32     valid_to;     /* YYYYMMDD, 0 = still valid */
  gboolean    needs_note;   /* "krever presisering": a Presisering must accompany it */
  const char *title;        /* SSB's meaning, in Norwegian */
} HwSsbCode;

typedef struct {
  const char      *path;    /* where the code is used, e.g. "/Barnevern/Sak/Plan/@Plantype" */
  const HwSsbCode *codes;
  guint            n_codes;
} HwSsbCodeList;

extern const HwSsbCodeList hw_ssb_code_lists[HW_SSB_N_LISTS];

/* The code in @list, or NULL when the list has no such code. */
const HwSsbCode *hw_ssb_code_lookup   (HwSsbList list, const char *code);
/* Whether @code of @list was in force on @date (always TRUE for HW_DATE_NONE). A code that
 * dates from the list's beginning counts as in force before it too: Barnevern v4 (2022) gave
 * its first codes the date it started, and older records carry them. */
gboolean         hw_ssb_code_valid_on (HwSsbList list, const HwSsbCode *code, HwDate date);
/* "2013-01-01 – 2022-12-31" or "from 2013-01-01", for messages. */
char            *hw_ssb_code_dup_validity (const HwSsbCode *code);

G_END_DECLS
