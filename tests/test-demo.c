/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "hw-test-support.h"
int main (void) { return 0; }
