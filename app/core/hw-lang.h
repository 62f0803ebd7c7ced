/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The languages Homeward writes: the message catalogues' (po/) and the rule catalogue's. */
typedef enum {
  HW_LANG_NB,
  HW_LANG_NN,
  HW_LANG_EN,
  HW_N_LANGS
} HwLang;

/* "nb", "nn", "en" (also "no", "nb_NO"…); -1 when unknown. */
int         hw_lang_from_string (const char *text);
const char *hw_lang_to_string   (HwLang lang);

/* The one choice of language, for every text of a run: the window's, a printout's, the
 * catalogue's rule texts and the words around them. The one hw_lang_set() chose (--lang), else
 * the language the message catalogue answers in for the user's languages (nb, nn; English
 * where it has none), so that a rule's title and the words around it never mix languages. */
HwLang      hw_lang_get         (void);
/* Makes @lang the language of every text from now on, gettext's included (it sets LANGUAGE,
 * which gettext heeds in any locale but "C"). For a program's --lang, before any output. */
void        hw_lang_set         (HwLang lang);

G_END_DECLS
