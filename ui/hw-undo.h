/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hw-store-delete.h"

G_BEGIN_DECLS

/* The one way a page deletes a record: the store removes it with what depends on it (one
 * operation, hw_store_delete_with_dependents) and the window offers to undo it in a toast.
 * The window holds one HwUndo: a new delete replaces what the previous one could undo, and
 * once the toast is gone so is the undo. */

#define HW_TYPE_UNDO (hw_undo_get_type ())
G_DECLARE_FINAL_TYPE (HwUndo, hw_undo, HW, UNDO, GObject)

/* Called on the page that deleted once its records are back, to show them. */
typedef void (*HwUndoRestoredFunc) (GtkWidget *page, const HwRemoval *removal);

HwUndo   *hw_undo_new        (void);
/* Deletes the record (@owner_id as for hw_store_delete_with_dependents) and shows @message
 * with an Undo button in the toast of @page's window. FALSE when the store refused: a toast
 * says why and nothing changed. */
gboolean  hw_undo_delete     (GtkWidget *page, HwStore *store, HwEntity entity,
                              const char *owner_id, const char *id, const char *message,
                              HwUndoRestoredFunc restored);
/* What the toast's Undo does (win.undo-delete): puts back what the last delete removed and
 * calls its page back; a refusal is shown in a toast. FALSE when there was nothing to undo or
 * the store refused. */
gboolean  hw_undo_restore    (HwUndo *self);

G_END_DECLS
