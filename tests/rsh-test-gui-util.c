/* rsh-test-gui-util.c: helpers shared by the GUI test programs
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rsh-test-gui-util.h"

/**
 * rsh_test_wait_until:
 * @predicate: what to wait for
 * @data: passed to @predicate
 * @what: what is awaited, for the failure message
 *
 * Turns the main loop until @predicate holds; fails the test after
 * %RSH_TEST_SETTLE_TIMEOUT_S seconds.
 */
/* GTK 4.8 sometimes snapshots one of its own internal gizmos (a scrollbar's or a popover's
 * part) before allocating it, when a view is rebuilt while the machine is busy, and warns.
 * It is GTK's, harmless, and comes and goes with the load: it is still printed but does not
 * fail the test. Every other warning still does (GTK logs through the structured API, which
 * a g_test fatal handler never sees, hence a writer). */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          g_str_has_prefix (fields[i].value, "Trying to snapshot GtkGizmo"))
        {
          g_printerr ("Known GTK warning, not fatal: %s\n", (const char *) fields[i].value);
          return G_LOG_WRITER_HANDLED;
        }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * rsh_test_gui_init:
 * @argc: the program's argument count
 * @argv: the program's arguments
 *
 * Initialises GTK for a test program, as gtk_test_init() does.
 */
void
rsh_test_gui_init (int    *argc,
                   char ***argv)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
}

void
rsh_test_wait_until (RshTestPredicate  predicate,
                     gpointer          data,
                     const char       *what)
{
  gint64 deadline = g_get_monotonic_time () + RSH_TEST_SETTLE_TIMEOUT_S * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for %s", RSH_TEST_SETTLE_TIMEOUT_S, what);

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_drawn (gpointer data)
{
  return *(guint *) data >= 2;
}

/**
 * rsh_test_wait_for_frames:
 * @widget: a mapped widget
 *
 * Lets the widget's window lay out and paint what it shows now.
 */
void
rsh_test_wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id;

  id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);
  gtk_widget_queue_draw (widget);
  rsh_test_wait_until (two_frames_drawn, &frames, "the window to draw");
  gtk_widget_remove_tick_callback (widget, id);
}

/**
 * rsh_test_save_screenshot:
 * @widget: a mapped widget
 * @name: the PNG's file name in the build directory
 *
 * Renders @widget with its window's renderer and writes it as a PNG, to be looked at.
 */
void
rsh_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The paintable shows the last frame drawn: let any pending change reach one. */
  rsh_test_wait_for_frames (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot written to %s", path);
}

/**
 * rsh_test_find_widget:
 * @widget: where to look
 * @type: the type wanted
 *
 * Returns: (transfer none) (nullable): @widget or its first descendant of @type, depth first
 */
GtkWidget *
rsh_test_find_widget (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rsh_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * rsh_test_application_new:
 * @flags: flags besides %G_APPLICATION_NON_UNIQUE
 *
 * A registered application, so that the templates, style sheets and icons are loaded: the
 * style sheets name the colours tests draw and read.
 *
 * Returns: (transfer full): the application
 */
RshApplication *
rsh_test_application_new (GApplicationFlags flags)
{
  g_autoptr(GError) error = NULL;
  RshApplication *app = rsh_application_new ();

  g_application_set_flags (G_APPLICATION (app), flags | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}
