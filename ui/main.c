/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "homeward"

#include "config.h"

#include <sys/stat.h>

#include "hw-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(HwApplication) app = NULL;

  /* Files GTK writes for us (print to file) hold personal data: private, like the database. */
  umask (077);
  hw_application_setup_i18n ();
  g_set_prgname ("homeward");
  app = hw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
