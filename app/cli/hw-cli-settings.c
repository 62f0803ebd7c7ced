/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hw-cli.h"
#include "hw-error.h"
#include "hw-settings.h"

/* homeward-cli settings: the municipal rule settings (rules.md), their defaults and class.
 * Changes are validated against the catalogue and written in one transaction. */

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

int
hw_cli_settings (HwCliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwCatalogue) cat = NULL;
  g_autoptr(HwSettings) settings = NULL;
  g_autoptr(GHashTable) stored = NULL;
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
                                           "is marked with *."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hw_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return hw_cli_usage_error ("settings", _("unexpected argument"));
  if (lang_text && (lang = hw_lang_from_string (lang_text)) < 0)
    return hw_cli_usage_error ("settings", _("--lang must be nb, nn or en"));

  cat = hw_catalogue_load_default (&error);
  if (cat == NULL)
    return hw_cli_fail (error);

  /* Check every change before writing any. */
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
      if (!hw_settings_parse_value (cat, keys[i], values[i], NULL, &error))
        return hw_cli_fail (error);
    }
  for (guint i = 0; i < n_resets; i++)
    {
      keys[n_sets + i] = g_strstrip (resets[i]);
      if (hw_catalogue_find_setting (cat, keys[n_sets + i], NULL) == NULL)
        {
          g_set_error (&error, HW_ERROR, HW_ERROR_NOT_FOUND, _("There is no setting “%s”"),
                       keys[n_sets + i]);
          return hw_cli_fail (error);
        }
    }

  store = hw_cli_open_store (ctx, &error);
  if (store == NULL)
    return hw_cli_fail (error);
  if (n_sets + n_resets > 0)
    {
      if (!hw_store_begin (store, &error))
        return hw_cli_fail (error);
      for (guint i = 0; i < n_sets + n_resets; i++)
        {
          int value = 0;

          /* Stored normalised ("042 " → "42"), so what the list shows is what is kept. */
          if (values[i])
            {
              g_autofree char *normal = NULL;

              hw_settings_parse_value (cat, keys[i], values[i], &value, NULL);
              normal = g_strdup_printf ("%d", value);
              if (!hw_store_set_setting (store, keys[i], normal, &error))
                break;
            }
          else if (!hw_store_set_setting (store, keys[i], NULL, &error))
            break;
        }
      if (error || !hw_store_commit (store, &error))
        {
          if (hw_store_in_transaction (store))
            hw_store_rollback (store);
          return hw_cli_fail (error);
        }
    }

  stored = hw_store_dup_settings (store);
  settings = hw_settings_new (cat, stored, &error);
  if (settings == NULL)
    return hw_cli_fail (error);
  if (list || n_sets + n_resets == 0)
    print_list (cat, settings, lang);
  else
    for (guint i = 0; i < n_sets + n_resets; i++)
      /* Translators: a setting after a change, e.g. "care_plan_days = 30". */
      printf (_("%s = %d\n"), keys[i], hw_settings_get (settings, keys[i]));
  return 0;
}
