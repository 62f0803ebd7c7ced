/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the rule catalogue loader (app/rules): any bytes in place of
 * data/rules/catalogue.xml must be refused (HW_ERROR_PARSE naming the place) or loaded into a
 * catalogue whose every rule, setting and text can be read, without a crash, a leak or
 * undefined behaviour. The loader validates against the real schema, as in production. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hw-catalogue.h"
#include "hw-catalogue-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *input_path;
static char *input_dir;
static char *schema_path;

static void
remove_input (void)
{
  if (input_path)
    g_unlink (input_path);
  if (input_dir)
    g_rmdir (input_dir);
}

static void
discard_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *datadir = g_getenv ("HOMEWARD_DATADIR");

  input_dir = g_dir_make_tmp ("homeward-fuzz-XXXXXX", &error);
  if (input_dir == NULL)
    g_error ("%s", error->message);
  atexit (remove_input);
  input_path = g_build_filename (input_dir, "catalogue.xml", NULL);
  schema_path = g_build_filename (datadir ? datadir : HW_TEST_DATADIR, "rules", "catalogue.xsd",
                                  NULL);
  if (!g_file_test (schema_path, G_FILE_TEST_IS_REGULAR))
    g_error ("no schema at %s (set HOMEWARD_DATADIR)", schema_path);
  g_log_set_default_handler (discard_log, NULL);
  return 0;
}

static void
touch (const char *text)
{
  volatile size_t n = text ? strlen (text) : 0;
  (void) n;
}

static void
read_everything (HwCatalogue *catalogue)
{
  static const HwDate dates[] = { 0, 700000, 738000, 739617, 760000 };

  touch (hw_catalogue_get_path (catalogue));
  (void) hw_catalogue_get_version (catalogue);
  for (guint i = 0; i < hw_catalogue_get_n_rules (catalogue); i++)
    {
      const HwRule *rule = hw_catalogue_get_rule (catalogue, i);

      if (hw_catalogue_find_rule (catalogue, hw_rule_get_id (rule)) == NULL)
        abort ();
      touch (hw_rule_get_kind (rule));
      touch (hw_rule_class_to_string (hw_rule_get_class (rule)));
      (void) hw_rule_get_valid_from (rule);
      (void) hw_rule_get_valid_to (rule);
      for (int lang = 0; lang < HW_N_LANGS; lang++)
        {
          touch (hw_rule_get_title (rule, lang));
          touch (hw_rule_get_explanation (rule, lang));
          touch (hw_rule_get_class_label (rule, lang));
          for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
            {
              g_autofree char *all = hw_rule_dup_sources (rule, lang, dates[d]);
              g_autofree char *now = hw_rule_dup_source_in_force (rule, lang, dates[d]);
              touch (all);
              touch (now);
            }
        }
    }
  for (guint i = 0; i < hw_catalogue_get_n_settings (catalogue); i++)
    {
      const HwSettingInfo *s = hw_catalogue_get_setting (catalogue, i);
      guint index = G_MAXUINT;

      if (hw_catalogue_find_setting (catalogue, s->key, &index) == NULL)
        abort ();
      for (int lang = 0; lang < HW_N_LANGS; lang++)
        {
          touch (s->label[lang]);
          touch (s->description[lang]);
          touch (hw_catalogue_get_unit_label (catalogue, s->unit, 1, lang));
          touch (hw_catalogue_get_unit_label (catalogue, s->unit, 2, lang));
        }
    }
  for (int lang = 0; lang < HW_N_LANGS; lang++)
    {
      touch (hw_catalogue_get_term (catalogue, "state.overdue", lang));
      touch (hw_catalogue_get_class_label (catalogue, HW_RULE_CLASS_LAW, lang));
      touch (hw_catalogue_get_class_label (catalogue, HW_RULE_CLASS_LOCAL, lang));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwCatalogue) catalogue = NULL;

  if (size > 1 << 20)
    return -1;
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    abort ();
  catalogue = hw_catalogue_load_with_schema (input_path, schema_path, &error);
  if ((catalogue == NULL) == (error == NULL))
    abort ();
  if (catalogue)
    read_everything (catalogue);
  else if (error->message == NULL || error->message[0] == '\0')
    abort ();
  return 0;
}
