/* test-source-row.c: a sidebar row while its link is fetched
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rsh-application.h"
#include "rsh-source-row.h"
#include "rsh-test-gui-util.h"
#include "rsh-test-server.h"
#include "rsh-test-util.h"

static RshTestServer *server;

typedef struct
{
  RshSourceRow *row;
  GtkWidget    *bar;
  gboolean      done;
  gboolean      ok;
  GError       *error;
} RowLoad;

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RowLoad *load = user_data;

  load->ok = rsh_source_load_finish (RSH_SOURCE (object), result, &load->error);
  load->done = TRUE;
}

static gboolean
load_done (gpointer data)
{
  RowLoad *load = data;

  return load->done;
}

/* Part of the page is in, not all of it. */
static gboolean
bar_part_way (gpointer data)
{
  RowLoad *load = data;
  double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (load->bar));

  return load->done || (fraction > 0.0 && fraction < 1.0);
}

static gboolean
length_unknown (gpointer data)
{
  RowLoad *load = data;

  return load->done || rsh_source_get_progress (rsh_source_row_get_source (load->row)) < 0.0;
}

static void
run_row (const char *path,
         gboolean    known_length)
{
  g_autofree char *uri = rsh_test_server_uri (server, path);
  g_autoptr(RshSource) source = rsh_source_new (uri);
  GtkWidget *window = gtk_window_new ();
  RowLoad load = { 0, };

  load.row = RSH_SOURCE_ROW (g_object_ref_sink (rsh_source_row_new (source)));
  load.bar = rsh_source_row_get_progress_bar (load.row);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (load.row));
  gtk_window_set_default_size (GTK_WINDOW (window), 320, -1);
  gtk_window_present (GTK_WINDOW (window));
  rsh_test_wait_for_frames (window);

  /* No bar before the source is read. */
  g_assert_false (gtk_widget_get_visible (load.bar));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (load.bar), GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (load.bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Download progress");

  rsh_source_load_async (source, NULL, load_done_cb, &load);
  g_assert_true (gtk_widget_get_visible (load.bar));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (load.bar)), ==, 0.0);

  if (known_length)
    {
      rsh_test_wait_until (bar_part_way, &load, "the bar to show part of the page");
      g_assert_false (load.done);
      g_assert_true (gtk_widget_get_visible (load.bar));
      g_assert_nonnull (strstr (rsh_source_row_get_subtitle (load.row), "%"));
      rsh_test_save_screenshot (window, "source-row-progress.png");
    }
  else
    {
      rsh_test_wait_until (length_unknown, &load, "the length to be unknown");
      g_assert_false (load.done);
      /* Pulsing: no share to show, in the bar or in words. */
      g_assert_true (gtk_widget_get_visible (load.bar));
      g_assert_null (strstr (rsh_source_row_get_subtitle (load.row), "%"));
    }

  rsh_test_wait_until (load_done, &load, "the source to be read");
  g_assert_no_error (load.error);
  g_assert_true (load.ok);
  g_assert_false (gtk_widget_get_visible (load.bar));
  g_assert_cmpstr (rsh_source_row_get_title (load.row), ==, rsh_test_server_article_title (1));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (load.row);
}

static void
test_progress (void)
{
  run_row ("/trickle", TRUE);
}

static void
test_pulse (void)
{
  run_row ("/trickle-chunked", FALSE);
}

/* A failed link: the row's title is the link, and the reason under it does not repeat it. */
static void
test_failed (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/status/404");
  const char *tooltip;
  g_autoptr(RshSource) source = rsh_source_new (uri);
  g_autoptr(GError) error = NULL;
  RshSourceRow *row = RSH_SOURCE_ROW (g_object_ref_sink (rsh_source_row_new (source)));

  g_assert_false (rsh_source_load (source, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_FETCH);

  g_assert_cmpstr (rsh_source_row_get_title (row), ==, uri);
  g_assert_true (g_str_has_prefix (rsh_source_row_get_subtitle (row),
                                   "Could not be fetched: the server has no such page "
                                   "(404 Not Found)"));
  g_assert_false (gtk_widget_get_visible (rsh_source_row_get_progress_bar (row)));
  /* The whole message, link and all, is in the tooltip. */
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  g_assert_nonnull (strstr (tooltip, error->message));

  g_assert_finalize_object (row);
}

/* Reload from Web: offered on a link that was read, not on a file or a failed link, and
 * pressing it asks for the source to be fetched again. */
static void
count_reload_cb (RshSourceRow *row,
                 RshSource    *source,
                 guint        *count)
{
  g_assert_true (rsh_source_row_get_source (row) == source);
  (*count)++;
}

static void
test_reload_button (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/news/pier");
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-source-row");
  g_autofree char *path = rsh_test_write_file (dir, "pier.txt",
                                               "Pier closed\n\nThe harbour said the pier was "
                                               "closed on Monday.\n", -1);
  g_autoptr(RshSource) link = rsh_source_new (uri);
  g_autoptr(RshSource) file = rsh_source_new (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  RshSourceRow *row = RSH_SOURCE_ROW (g_object_ref_sink (rsh_source_row_new (link)));
  GtkWidget *button = rsh_source_row_get_reload_button (row);
  guint reloads = 0;

  g_signal_connect (row, "reload-requested", G_CALLBACK (count_reload_cb), &reloads);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  gtk_window_present (GTK_WINDOW (window));
  rsh_test_wait_for_frames (window);

  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (rsh_source_load (link, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reload from Web");

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (reloads, ==, 1);

  g_assert_true (rsh_source_load (file, NULL, &error));
  g_assert_no_error (error);
  rsh_source_row_set_source (row, file);
  g_assert_false (gtk_widget_get_visible (button));
  rsh_source_row_set_source (row, NULL);
  g_assert_false (gtk_widget_get_visible (button));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (row);
  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RshApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  rsh_test_gui_init (&argc, &argv);
  adw_init ();

  /* Registering the application loads the templates and the style sheets. */
  app = rsh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/source-row/progress", test_progress);
  g_test_add_func ("/gui/source-row/pulse", test_pulse);
  g_test_add_func ("/gui/source-row/failed", test_failed);
  g_test_add_func ("/gui/source-row/reload-button", test_reload_button);

  server = rsh_test_server_new ();
  status = g_test_run ();
  rsh_test_server_free (server);
  return status;
}
