/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-cli.h"
int hw_cli_demo (HwCliContext *ctx, int argc, char **argv) { return 1; }
