/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo generator asks the rules for typical legal bases, so it cannot see the store
 * itself: the seam hands it the store as an HwDemoWriter. */
#include "config.h"

#include "hw-service-demo.h"

static gboolean
save_record (gpointer data, gconstpointer record, GError **error)
{
  return hw_store_save (data, record, error);
}

static gboolean
save_dossier (gpointer data, const HwDossier *dossier, GError **error)
{
  return hw_store_save_dossier (data, dossier, error);
}

static gboolean
begin (gpointer data, GError **error)
{
  return hw_store_begin (data, error);
}

static gboolean
commit (gpointer data, GError **error)
{
  return hw_store_commit (data, error);
}

static void
rollback (gpointer data)
{
  if (hw_store_in_transaction (data))
    hw_store_rollback (data);
}

gboolean
hw_service_write_demo (HwStore             *store,
                       const HwDemoOptions *options,
                       HwDemoProgress       progress,
                       gpointer             user_data,
                       GError             **error)
{
  static const HwDemoWriter writer = { save_record, save_dossier, begin, commit, rollback };

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  return hw_demo_write (&writer, store, options, progress, user_data, error);
}
