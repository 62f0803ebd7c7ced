/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder until the issue that owns this verb lands. */
#include "hw-cli.h"

#include <stdio.h>

int
hw_cli_export (HwCliContext *ctx, int argc, char **argv)
{
  fprintf (stderr, "homeward-cli: %s\n", _("this command is not available yet"));
  return 1;
}
