/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GTK: only ui/ may include it; nothing in app/ and not the CLI. */
#include <gtk/gtk.h>

int
hw_probe (void)
{
  return GTK_MAJOR_VERSION;
}
