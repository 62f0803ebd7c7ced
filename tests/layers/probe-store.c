/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's header: not for app/core or app/rules. It includes hw-store-schema.h, which is
 * generated at build time, so the probe asks whether the include would find it. */
#if !__has_include ("hw-store.h")
#error "hw-store.h is out of this layer's reach"
#endif

int hw_probe (void);

int
hw_probe (void)
{
  return 0;
}
