/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-lang"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-lang.h"

#ifdef __GLIBC__
/* gettext's count of catalogue changes: its manual's way to make it look again after
 * LANGUAGE changes ("Being a gettext grok"). */
extern int _nl_msg_cat_cntr;
#endif

static const char *const lang_names[HW_N_LANGS] = { "nb", "nn", "en" };
static int chosen = -1;

int
hw_lang_from_string (const char *text)
{
  if (text == NULL)
    return -1;
  if (g_str_has_prefix (text, "nb") || g_str_has_prefix (text, "no"))
    return HW_LANG_NB;
  if (g_str_has_prefix (text, "nn"))
    return HW_LANG_NN;
  if (g_str_has_prefix (text, "en"))
    return HW_LANG_EN;
  return -1;
}

const char *
hw_lang_to_string (HwLang lang)
{
  g_return_val_if_fail ((guint) lang < HW_N_LANGS, NULL);
  return lang_names[lang];
}

HwLang
hw_lang_get (void)
{
  const char *const *names;

  if (chosen >= 0)
    return (HwLang) chosen;
  /* What the message catalogue actually answers in: a translated header entry means a
   * catalogue of one of the user's languages is loaded, and it is the first one we know. */
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "translator-credits"), "translator-credits") == 0)
    return HW_LANG_EN;
  names = g_get_language_names ();
  for (guint i = 0; names[i]; i++)
    {
      int l;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      if ((l = hw_lang_from_string (names[i])) >= 0)
        return (HwLang) l;
    }
  return HW_LANG_EN;
}

void
hw_lang_set (HwLang lang)
{
  g_return_if_fail ((guint) lang < HW_N_LANGS);
  chosen = lang;
  g_setenv ("LANGUAGE", lang_names[lang], TRUE);
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}
