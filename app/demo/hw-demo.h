/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hw-entity.h"

G_BEGIN_DECLS

/* A fictional caseload: invented names, synthetic identity numbers (month + 80, Skatteetaten's
 * test scheme, never a real person's). The same seed and size give the same caseload, byte for
 * byte, relative to @today. */
typedef struct {
  guint   n_children;
  guint32 seed;
  HwDate  today;          /* the caseload's "now"; histories end here */
} HwDemoOptions;

typedef void (*HwDemoProgress) (guint done, guint total, gpointer user_data);

/* Builds the dossiers without a store (the exchange benchmark writes them as XML). */
typedef gboolean (*HwDemoSink) (HwDossier *dossier, gpointer user_data, GError **error);

/* Where hw_demo_write() puts what it generates: the demo knows no store (the layers: it asks
 * the rules for typical legal bases, so it may not also see the store; app/service gives it
 * one, hw_service_write_demo()). */
typedef struct {
  gboolean (*save_record)  (gpointer data, gconstpointer record, GError **error);
  gboolean (*save_dossier) (gpointer data, const HwDossier *dossier, GError **error);
  gboolean (*begin)        (gpointer data, GError **error);
  gboolean (*commit)       (gpointer data, GError **error);
  void     (*rollback)     (gpointer data);   /* after a failure, whether or not begun */
} HwDemoWriter;

/* Writes a generated caseload (with teams and staff) through @writer, in batches of
 * transactions. */
gboolean hw_demo_write    (const HwDemoWriter  *writer,
                           gpointer             writer_data,
                           const HwDemoOptions *options,
                           HwDemoProgress       progress,
                           gpointer             user_data,
                           GError             **error);

G_END_DECLS
