/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value lists of coded fields (hw-entity.c names one per field): the codes a field may hold
 * and what users read for each, once for the window, the plan, the CLI and the exchange.
 * Where SSB has a list (hw-ssb-codes.h) the codes are SSB's and the English names translate
 * SSB's names. Homeward adds a few codes to SSB's lists (plan types 101 and 102, 0 for "not
 * yet"): the store takes them, the SSB exporter leaves them out. */
typedef enum {
  HW_CODES_NONE,
  HW_CODES_CATEGORY,              /* measure category: SSB's Kategori */
  HW_CODES_PLAN_TYPE,             /* SSB's Plantype, and Homeward's 101 and 102 */
  HW_CODES_END_REASON,            /* SSB's Opphevelse, and 0: not ended */
  HW_CODES_DECISION_STATUS,       /* SSB's Vedtak/Status */
  HW_CODES_AFTERCARE_CONCLUSION,  /* SSB's Ettervern/Konklusjon, and 0: not concluded */
  HW_CODES_MOVE_REASON,           /* SSB's Flytting/ArsakFra */
  HW_CODES_MOVED_TO,              /* SSB's Flytting/FlyttingTil */
  HW_CODES_CONCEPT,               /* SSB's BegrepsType: what a link joins */
  HW_CODES_ACT,                   /* SSB's Lov: the act of a legal basis */
  HW_N_CODE_LISTS
} HwCodeList;

typedef struct {
  const char *code;
  const char *label;    /* N_(): translate with _() or hw_code_get_label() */
} HwCode;

/* The codes of @list in the order a choice shows them; @n_codes is set. */
const HwCode *hw_code_list_get        (HwCodeList list, guint *n_codes);
/* The code, or NULL when @list has none such (NULL and "" included). */
const HwCode *hw_code_lookup          (HwCodeList list, const char *code);
const HwCode *hw_code_lookup_int      (HwCodeList list, int code);
/* The translated name of @code, or NULL when @list has no such code. */
const char   *hw_code_get_label       (HwCodeList list, const char *code);
const char   *hw_code_get_label_int   (HwCodeList list, int code);
/* The name of @code, or the code itself where @list has none (an old database may hold one
 * the store now refuses); NULL for NULL or "". */
char         *hw_code_dup_label       (HwCodeList list, const char *code);

G_END_DECLS
