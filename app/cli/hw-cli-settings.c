/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-municipality.h"
#include "hw-service.h"

/* homeward-cli settings: the municipal rule settings (rules.md), their defaults and class.
 * Changes are validated against the catalogue and written in one transaction
 * (hw_service_change_settings()); the list is what a new HwService merges. */

static void
print_list (const HwCatalogue *cat, const HwSettings *settings, HwLang lang)
{
  static const char *const columns[] = {
    "cli.col.key", "cli.col.value", "cli.col.default", "cli.col.unit", "cli.col.class",
    "cli.col.description",
  };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      const char *word = hw_catalogue_get_term (cat, columns[c], lang);

      printf ("%s%s", c ? "\t" : "", word ? word : columns[c] + strlen ("cli.col."));
    }
  printf ("\n");
  for (guint i = 0; i < hw_catalogue_get_n_settings (cat); i++)
    {
      const HwSettingInfo *info = hw_catalogue_get_setting (cat, i);
      int value = hw_settings_get_at (settings, i);

      printf ("%s\t%d%s\t%d\t%s\t%s\t%s\n", info->key, value,
              value == info->default_value ? "" : "*", info->default_value,
              hw_catalogue_get_unit_label (cat, info->unit, value, lang),
              hw_catalogue_get_class_label (cat, info->rule_class, lang), info->label[lang]);
    }
}

/* The municipality's identity (hw-municipality.h): text, not figures; "-" when unset. */
static void
print_identity (HwStore *store)
{
  const char *const *keys = hw_municipality_get_keys ();

  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *value = hw_store_dup_setting (store, keys[i]);

      printf ("%s\t%s\t-\t-\t-\t%s\n", keys[i], value ? value : "-",
              hw_municipality_get_label (keys[i]));
    }
}

int
hw_cli_settings (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwService) service = NULL;
  const HwSettings *settings;
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) resets = NULL;
  g_autofree char *lang_text = NULL;
  gboolean list = FALSE;
  int lang = HW_LANG_NB;
  guint n_sets, n_resets;
  g_autofree char **keys = NULL;
  g_autofree char **values = NULL;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List every setting with its value, default and class (the default action)"), NULL },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, N_("Change a setting (may be repeated)"), "KEY=VALUE" },
    { "reset", 0, 0, G_OPTION_ARG_STRING_ARRAY, &resets, N_("Return a setting to its default (may be repeated)"), "KEY" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text, N_("Language of the descriptions: nb, nn or en"), "LANG" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Shows or changes the municipal settings the rule "
                                           "engine uses: the figures the law leaves to the "
                                           "municipality (“kort tid etter”). A changed value "
                                           "is marked with *. The municipality's identity "
                                           "(service-municipality, -municipality-name, "
                                           "-org-number, -district, -district-name) is set the "
                                           "same way; Barnevern v4 export uses it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("settings", _("unexpected argument"));
  if (lang_text && (lang = hw_lang_from_string (lang_text)) < 0)
    return hw_cli_usage_error ("settings", _("--lang must be nb, nn or en"));

  /* Every change is parsed before any is checked or written. */
  n_sets = sets ? g_strv_length (sets) : 0;
  n_resets = resets ? g_strv_length (resets) : 0;
  keys = g_new0 (char *, n_sets + n_resets + 1);
  values = g_new0 (char *, n_sets + n_resets + 1);
  for (guint i = 0; i < n_sets; i++)
    {
      char *eq = strchr (sets[i], '=');

      if (eq == NULL || eq == sets[i])
        return hw_cli_usage_error ("settings", _("--set needs KEY=VALUE"));
      *eq = '\0';
      keys[i] = g_strstrip (sets[i]);
      values[i] = g_strstrip (eq + 1);
    }
  for (guint i = 0; i < n_resets; i++)
    keys[n_sets + i] = g_strstrip (resets[i]);

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (!hw_service_change_settings (store, (const char *const *) keys,
                                   (const char *const *) values, n_sets + n_resets, &error))
    return hw_cli_fail (error);

  service = hw_service_new (store, &error);
  if (service == NULL)
    return hw_cli_fail (error);
  settings = hw_service_get_settings (service);
  if (list || n_sets + n_resets == 0)
    {
      print_list (hw_service_get_catalogue (service), settings, lang);
      print_identity (store);
    }
  else
    for (guint i = 0; i < n_sets + n_resets; i++)
      if (hw_municipality_is_setting (keys[i]))
        {
          g_autofree char *value = hw_store_dup_setting (store, keys[i]);

          printf ("%s = %s\n", keys[i], value ? value : "-");
        }
      else
        /* Translators: a setting after a change, e.g. "care_plan_days = 30". */
        printf (_("%s = %d\n"), keys[i], hw_settings_get (settings, keys[i]));
  return 0;
}
