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
#include "rsh-versions-dialog.h"
#include "rsh-window.h"
#include "rsh-test-gui-util.h"
#include "rsh-test-server.h"
#include "rsh-test-util.h"

static RshTestServer *server;
static RshApplication *app;

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

static void
project_reload_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RowLoad *load = user_data;

  load->ok = rsh_project_reload_source_finish (RSH_PROJECT (object), result, &load->error);
  load->done = TRUE;
}

static void
project_add_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RowLoad *load = user_data;
  g_autoptr(RshSource) source = NULL;

  source = rsh_project_add_uri_finish (RSH_PROJECT (object), result, &load->error);
  load->ok = source != NULL;
  load->done = TRUE;
}

static RshSource *
add_link (RshProject *project,
          const char *uri)
{
  RowLoad load = { 0, };
  GListModel *sources = rsh_project_get_sources (project);
  g_autoptr(RshSource) last = NULL;

  rsh_project_add_uri_async (project, uri, NULL, project_add_done_cb, &load);
  rsh_test_wait_until (load_done, &load, "the link to be added");
  g_assert_no_error (load.error);
  g_assert_true (load.ok);

  last = g_list_model_get_item (sources, g_list_model_get_n_items (sources) - 1);
  g_assert_cmpstr (rsh_source_get_input (last), ==, uri);
  return last;
}

/* Reload from Web on a ready page: the row shows the fetch as it showed the first one, its
 * button insensitive meanwhile, then the page as it is now. */
static void
test_reload_progress (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/trickle");
  g_autoptr(RshProject) project = rsh_project_new ();
  GtkWidget *window = gtk_window_new ();
  RshSource *source = add_link (project, uri);
  RowLoad load = { 0, };
  GtkWidget *button;

  load.row = RSH_SOURCE_ROW (g_object_ref_sink (rsh_source_row_new (source)));
  load.bar = rsh_source_row_get_progress_bar (load.row);
  button = rsh_source_row_get_reload_button (load.row);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (load.row));
  gtk_window_set_default_size (GTK_WINDOW (window), 320, -1);
  gtk_window_present (GTK_WINDOW (window));
  rsh_test_wait_for_frames (window);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_get_visible (load.bar));

  rsh_project_reload_source_async (project, source, NULL, project_reload_done_cb, &load);
  rsh_source_row_show_reload (load.row, rsh_project_get_source_reload (project, source));
  g_assert_true (gtk_widget_get_visible (load.bar));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (g_str_has_prefix (rsh_source_row_get_subtitle (load.row), "Fetching…"));
  /* The source keeps its title while its page is fetched again. */
  g_assert_cmpstr (rsh_source_row_get_title (load.row), ==, rsh_test_server_article_title (1));

  rsh_test_wait_until (bar_part_way, &load, "the bar to show part of the page again");
  g_assert_false (load.done);
  g_assert_nonnull (strstr (rsh_source_row_get_subtitle (load.row), "%"));
  g_assert_false (gtk_widget_get_sensitive (button));
  rsh_test_save_screenshot (window, "source-row-reload-progress.png");

  rsh_test_wait_until (load_done, &load, "the page to be read again");
  g_assert_no_error (load.error);
  g_assert_true (load.ok);
  g_assert_false (gtk_widget_get_visible (load.bar));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (rsh_source_row_get_title (load.row), ==, rsh_test_server_article_title (1));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (load.row), "failed"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (load.row);
}

/* The row of @source among the window's widgets. */
static RshSourceRow *
row_in_window (GtkWidget *window,
               RshSource *source)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, window);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (queue, i);

      if (RSH_IS_SOURCE_ROW (widget) && rsh_source_row_get_source (RSH_SOURCE_ROW (widget)) == source)
        return RSH_SOURCE_ROW (widget);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (queue, child);
    }

  g_error ("No row shows %s", rsh_source_get_input (source));
}

static RshVersionsDialog *
open_versions (RshSourceRow *row)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.versions", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (RSH_IS_VERSIONS_DIALOG (toplevel))
        {
          g_assert_true (rsh_versions_dialog_get_source (RSH_VERSIONS_DIALOG (toplevel))
                         == rsh_source_row_get_source (row));
          rsh_test_wait_for_frames (toplevel);
          return RSH_VERSIONS_DIALOG (toplevel);
        }
    }

  g_error ("Versions… opened no dialog");
}

static gboolean
row_title_is (gpointer data)
{
  RshSourceRow *row = data;

  return g_strcmp0 (rsh_source_row_get_title (row), RSH_TEST_SERVER_CHANGED_TITLE) == 0;
}

static gboolean
reload_failed (gpointer data)
{
  RshSourceRow *row = data;

  return strstr (rsh_source_row_get_subtitle (row), "404") != NULL;
}

/* Versions… from the row of a page in the window: one version is an empty state; after a
 * reload both are listed, version 1 comes back with its title, the restore can be undone,
 * and a reload that fails leaves the row's text and says why. */
static void
test_versions_dialog (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/changing");
  RshWindow *window = rsh_window_new (app);
  RshVersionsDialog *dialog;
  RshProject *project;
  RshSourceRow *row;
  RshSource *source;
  GtkWidget *restore;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  project = rsh_window_get_project (window);
  source = add_link (project, uri);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  row = row_in_window (GTK_WIDGET (window), source);
  g_assert_cmpstr (rsh_source_row_get_title (row), ==, rsh_test_server_article_title (0));

  dialog = open_versions (row);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpuint (rsh_versions_dialog_get_n_versions (dialog), ==, 1);
  g_assert_true (rsh_versions_dialog_shows_empty_state (dialog));
  g_assert_null (rsh_versions_dialog_get_restore_button (dialog, 1));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "versions-dialog-one.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);

  /* Reload from Web through the window, as a click does. */
  g_signal_emit_by_name (rsh_source_row_get_reload_button (row), "clicked");
  g_assert_false (gtk_widget_get_sensitive (rsh_source_row_get_reload_button (row)));
  g_assert_true (g_str_has_prefix (rsh_source_row_get_subtitle (row), "Fetching…"));
  rsh_test_wait_until (row_title_is, row, "the changed page to be read");
  g_assert_true (gtk_widget_get_sensitive (rsh_source_row_get_reload_button (row)));

  dialog = open_versions (row);
  g_assert_cmpuint (rsh_versions_dialog_get_n_versions (dialog), ==, 2);
  g_assert_false (rsh_versions_dialog_shows_empty_state (dialog));
  g_assert_cmpuint (rsh_versions_dialog_get_current (dialog), ==, 2);
  g_assert_null (rsh_versions_dialog_get_restore_button (dialog, 2));
  restore = rsh_versions_dialog_get_restore_button (dialog, 1);
  g_assert_nonnull (restore);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Restore Version 1");
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "versions-dialog-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "versions-dialog-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  g_signal_emit_by_name (restore, "clicked");
  g_assert_cmpuint (rsh_versions_dialog_get_current (dialog), ==, 1);
  g_assert_cmpstr (rsh_source_row_get_title (row), ==, rsh_test_server_article_title (0));
  g_assert_nonnull (rsh_versions_dialog_get_restore_button (dialog, 2));
  g_assert_null (rsh_versions_dialog_get_restore_button (dialog, 1));

  /* The toast's Undo makes the version read last current again. */
  g_assert_true (rsh_versions_dialog_undo_restore (dialog));
  g_assert_cmpuint (rsh_versions_dialog_get_current (dialog), ==, 2);
  g_assert_cmpstr (rsh_source_row_get_title (row), ==, RSH_TEST_SERVER_CHANGED_TITLE);
  g_assert_false (rsh_versions_dialog_undo_restore (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The page is gone now: the row keeps its text and says why the reload failed. */
  g_signal_emit_by_name (rsh_source_row_get_reload_button (row), "clicked");
  rsh_test_wait_until (reload_failed, row, "the failed reload to show");
  g_test_message ("Failed reload: %s", rsh_source_row_get_subtitle (row));
  g_assert_true (g_str_has_prefix (rsh_source_row_get_subtitle (row), "Not reloaded. "));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)),
                            "The version read before is kept."));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "failed"));
  g_assert_cmpstr (rsh_source_row_get_title (row), ==, RSH_TEST_SERVER_CHANGED_TITLE);
  g_assert_true (gtk_widget_get_sensitive (rsh_source_row_get_reload_button (row)));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  rsh_test_save_screenshot (GTK_WIDGET (window), "source-row-reload-failed.png");
  dialog = open_versions (row);
  g_assert_cmpuint (rsh_versions_dialog_get_n_versions (dialog), ==, 2);

  /* Restoring a version gives the row new text: the old reason goes. */
  g_signal_emit_by_name (rsh_versions_dialog_get_restore_button (dialog, 1), "clicked");
  g_assert_cmpstr (rsh_source_row_get_title (row), ==, rsh_test_server_article_title (0));
  g_assert_null (strstr (rsh_source_row_get_subtitle (row), "Not reloaded"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rsh_test_gui_init (&argc, &argv);
  adw_init ();

  /* Registering the application loads the templates and the style sheets. */
  app = rsh_test_application_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/gui/source-row/progress", test_progress);
  g_test_add_func ("/gui/source-row/pulse", test_pulse);
  g_test_add_func ("/gui/source-row/failed", test_failed);
  g_test_add_func ("/gui/source-row/reload-button", test_reload_button);

  g_test_add_func ("/gui/source-row/reload-progress", test_reload_progress);
  g_test_add_func ("/gui/source-row/versions-dialog", test_versions_dialog);

  server = rsh_test_server_new ();
  status = g_test_run ();
  rsh_test_server_free (server);
  g_clear_object (&app);
  return status;
}
