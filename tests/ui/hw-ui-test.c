/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "hw-ui-test.h"

static const char *artifacts_dir = "artifacts";
static const char *cli_path;

gboolean
hw_ui_test_wait_for (HwUiCondition cond, gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

void
hw_ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

gboolean
hw_ui_test_window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

GtkWidget *
hw_ui_test_find_descendant (GtkWidget *root, GType type, const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (c), name) == 0))
        return c;
      if ((found = hw_ui_test_find_descendant (c, type, name)))
        return found;
    }
  return NULL;
}

const char *
hw_ui_test_get_cli (void)
{
  return cli_path;
}

void
hw_ui_test_set_artifacts_dir (const char *dir)
{
  artifacts_dir = dir;
}

void
hw_ui_test_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  hw_ui_test_spin (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  ck_assert_int_gt (width, 0);
  paintable = gtk_widget_paintable_new (widget);
  /* A widget with a redraw queued (a timer, an animation) gives no picture until its next
   * frame: try again after it. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      if (attempt > 0)
        hw_ui_test_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  ck_assert_ptr_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (artifacts_dir, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (artifacts_dir, file, NULL);
  ck_assert_msg (gdk_texture_save_to_png (texture, path), "cannot write %s", path);
}

int
hw_ui_test_main (int argc, char **argv, HwApplication **app, Suite *(*make_suite) (void))
{
  g_autoptr(GError) error = NULL;
  SRunner *runner;
  int failed;

  hw_ui_test_set_artifacts_dir (argc > 1 ? argv[1] : "artifacts");
  cli_path = argc > 2 ? argv[2] : NULL;
  hw_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  *app = hw_application_new ();
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  /* The application's startup installs its actions and accelerators. */
  g_assert_nonnull (hw_application_get_settings (*app));

  runner = srunner_create (make_suite ());
  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  g_clear_object (app);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
