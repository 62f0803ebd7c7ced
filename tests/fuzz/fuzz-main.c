/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a libFuzzer harness once over files and folders, without libFuzzer: how every build
 * (gcc, no -Dfuzzing) replays the seed corpus and the saved crash reproducers as a test. */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint n_inputs;

static void
run_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      for (guint i = 0; i < names->len; i++)
        run_path (names->pdata[i]);
      return;
    }
  {
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!g_file_get_contents (path, &data, &len, NULL))
      return;
    LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
    n_inputs++;
  }
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  printf ("%u inputs ran without a crash\n", n_inputs);
  return 0;
}
