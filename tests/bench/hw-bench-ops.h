/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *db;
  const char *workdir;
  guint       n;
  guint       run;
  double      result_ms;   /* set by operations that time a part of themselves */
  double      items;       /* records (or bytes) processed, for the rate column */
  gint64      spawned_at;  /* monotonic µs when the parent spawned this process */
} HwBenchContext;

typedef gboolean (*HwBenchFunc) (HwBenchContext *ctx, GError **error);

typedef struct {
  const char *name;
  HwBenchFunc func;
  const char *floor_of;     /* this operation is the floor of that one */
  gboolean    per_process;  /* timed from process start: one process per run */
  const char *unit;         /* for the rate column */
  const char *target;       /* at N = 50,000 */
} HwBenchOp;

/* Floors come before the operations they bound. NULL-terminated. */
extern const HwBenchOp hw_bench_ops[];

G_END_DECLS
