/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-shortcuts"

#include "config.h"

#include "hw-shortcuts.h"
#include "hw-shortcuts-private.h"

static const HwShortcut shortcuts[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.log-visit", { "<Control>l", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.back", { "<Alt>Left", NULL } },
  { "win.reload", { "F5", "<Control>r", NULL } },
  { "win.show-view('caseload')", { "<Alt>1", NULL } },
  { "win.show-view('mine')", { "<Alt>n", NULL } },
  { "win.show-view('team')", { "<Alt>2", NULL } },
  { "win.show-view('homes')", { "<Alt>3", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

const HwShortcut *
hw_shortcuts_get (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
hw_shortcuts_set_accels (GtkApplication *app)
{
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (app, shortcuts[i].action, shortcuts[i].accels);
}

void
hw_shortcuts_add_bindings (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      /* The help overlay's own key is GtkApplicationWindow's business. */
      if (!g_str_has_prefix (shortcuts[i].action, "win.") ||
          g_str_equal (shortcuts[i].action, "win.show-help-overlay") ||
          !g_action_parse_detailed_name (shortcuts[i].action, &name, &target, NULL))
        continue;
      for (guint k = 0; shortcuts[i].accels[k]; k++)
        {
          g_autoptr(GtkShortcut) shortcut = NULL;
          guint key = 0;
          GdkModifierType mods = 0;

          if (!gtk_accelerator_parse (shortcuts[i].accels[k], &key, &mods))
            g_return_if_reached ();
          shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                       gtk_named_action_new (name));
          if (target)
            gtk_shortcut_set_arguments (shortcut, target);
          gtk_widget_class_add_shortcut (widget_class, shortcut);
        }
    }
}
