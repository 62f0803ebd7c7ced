/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-undo.h"
#include "hw-undo-private.h"
#include "hw-window.h"

struct _HwUndo
{
  GObject             parent_instance;

  HwStore            *store;
  HwRemoval          *removal;
  AdwToast           *toast;
  GtkWidget          *page;       /* weak */
  HwWindow           *window;     /* weak */
  HwUndoRestoredFunc  restored;
};

G_DEFINE_FINAL_TYPE (HwUndo, hw_undo, G_TYPE_OBJECT)

/* Forgets the pending undo and dismisses its toast. */
static void
hw_undo_clear (HwUndo *self)
{
  AdwToast *toast;

  g_return_if_fail (HW_IS_UNDO (self));
  toast = g_steal_pointer (&self->toast);
  g_clear_pointer (&self->removal, hw_removal_free);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->page);
  g_clear_weak_pointer (&self->window);
  self->restored = NULL;
  if (toast)
    {
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
}

static void
hw_undo_dispose (GObject *object)
{
  hw_undo_clear (HW_UNDO (object));
  G_OBJECT_CLASS (hw_undo_parent_class)->dispose (object);
}

static void
hw_undo_class_init (HwUndoClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hw_undo_dispose;
}

static void
hw_undo_init (HwUndo *self)
{
}

HwUndo *
hw_undo_new (void)
{
  return g_object_new (HW_TYPE_UNDO, NULL);
}

gboolean
hw_undo_is_pending (HwUndo *self)
{
  g_return_val_if_fail (HW_IS_UNDO (self), FALSE);
  return self->removal != NULL;
}

static void
on_toast_dismissed_cb (AdwToast *toast, HwUndo *self)
{
  /* The button is handled before the toast is dismissed: once it is gone, so is the chance
   * to undo. */
  if (self->toast == toast)
    hw_undo_clear (self);
}

gboolean
hw_undo_delete (GtkWidget *page, HwStore *store, HwEntity entity, const char *owner_id,
                const char *id, const char *message, HwUndoRestoredFunc restored)
{
  GtkRoot *root;
  HwWindow *window;
  HwUndo *self;
  g_autoptr(GError) error = NULL;
  HwRemoval *removal;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  removal = hw_store_delete_with_dependents (store, entity, owner_id, id, &error);
  if (removal == NULL)
    {
      hw_window_toast_error_from (page, error);
      return FALSE;
    }
  root = gtk_widget_get_root (page);
  window = HW_IS_WINDOW (root) ? HW_WINDOW (root) : NULL;
  if (window == NULL)
    {
      hw_removal_free (removal);
      return TRUE;
    }

  self = hw_window_get_undo (window);
  hw_undo_clear (self);
  self->store = g_object_ref (store);
  self->removal = removal;
  self->restored = restored;
  g_set_weak_pointer (&self->page, page);
  g_set_weak_pointer (&self->window, window);
  self->toast = hw_toast_new (message);
  adw_toast_set_button_label (self->toast, _("_Undo"));
  /* The toast lives in the window's overlay, outside every page: a window action. */
  adw_toast_set_action_name (self->toast, "win.undo-delete");
  adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self,
                           0);
  hw_window_add_toast (window, g_object_ref (self->toast));
  return TRUE;
}

gboolean
hw_undo_restore (HwUndo *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRemoval) removal = NULL;
  g_autoptr(HwStore) store = NULL;
  GtkWidget *page = NULL;
  HwWindow *window = NULL;
  HwUndoRestoredFunc restored;
  gboolean ok;

  g_return_val_if_fail (HW_IS_UNDO (self), FALSE);
  if (self->removal == NULL)
    return FALSE;
  removal = g_steal_pointer (&self->removal);
  store = g_steal_pointer (&self->store);
  restored = self->restored;
  g_set_weak_pointer (&page, self->page);
  g_set_weak_pointer (&window, self->window);
  hw_undo_clear (self);

  ok = hw_store_restore_removed (store, removal, &error);
  if (!ok && window)
    hw_window_toast_error (window, error);
  else if (ok && page && restored)
    restored (page, removal);
  g_clear_weak_pointer (&page);
  g_clear_weak_pointer (&window);
  return ok;
}
