/* test-window.c: the main window on the sample story, drops, empty states, screenshots
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-source-row.h"
#include "rsh-stance-chip.h"
#include "rsh-window-private.h"

/* Reading and analysing the sample story takes well under a second; Xvfb on a loaded CI
 * machine is slow, so the limit is generous. */
#define SETTLE_TIMEOUT_S 60

static RshApplication *app;

typedef gboolean (*Predicate) (gpointer data);

static void
wait_until (Predicate   predicate,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_S * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %d s waiting for %s", SETTLE_TIMEOUT_S, what);

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
  return *(guint *)data >= 2;
}

/* Lets the window lay out and paint with what it shows now. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id;

  id = gtk_widget_add_tick_callback (widget, tick_cb, &frames, NULL);
  gtk_widget_queue_draw (widget);
  wait_until (two_frames_drawn, &frames, "the window to draw");
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
window_settled (gpointer data)
{
  RshWindow *window = data;
  GListModel *sources = rsh_project_get_sources (rsh_window_get_project (window));
  guint n = g_list_model_get_n_items (sources);

  if (rsh_window_get_working (window))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);
      RshSourceState state = rsh_source_get_state (source);

      if (state == RSH_SOURCE_STATE_LOADING || state == RSH_SOURCE_STATE_PENDING)
        return FALSE;
    }

  return TRUE;
}

static RshWindow *
window_new_presented (void)
{
  RshWindow *window = rsh_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  return window;
}

static void
window_close (RshWindow *window)
{
  wait_for_frames (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
sample_files (void)
{
  const char *root = g_getenv ("RSH_SOURCE_ROOT");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (root);
  dir_path = g_build_filename (root, "data", "samples", NULL);
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_new_build_filename (dir_path, g_ptr_array_index (names, i), NULL));

  g_assert_cmpuint (files->len, >=, 4);

  return files;
}

static RshWindow *
window_on_sample_story (guint *n_files)
{
  g_autoptr(GPtrArray) files = sample_files ();
  RshWindow *window = window_new_presented ();

  rsh_window_add_files (window, (GFile **)files->pdata, files->len);
  wait_until (window_settled, window, "the sample story to be read and analysed");
  wait_for_frames (GTK_WIDGET (window));

  if (n_files != NULL)
    *n_files = files->len;

  return window;
}

static guint
count_widgets_of_type (GtkWidget *widget,
                       GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_widgets_of_type (child, type);

  return count;
}

static GtkWidget *
find_first_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
save_screenshot (GtkWidget  *widget,
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

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot written to %s", path);
}

static guint
count_in_state (RshProject     *project,
                RshSourceState  state)
{
  GListModel *sources = rsh_project_get_sources (project);
  guint n = g_list_model_get_n_items (sources);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (rsh_source_get_state (source) == state)
        count++;
    }

  return count;
}

static void
test_smoke (void)
{
  g_autoptr(RshSource) source = rsh_source_new ("/nonexistent/some-article.html");
  GtkWidget *row;
  GtkWidget *chip;
  GtkWidget *button;
  RshWindow *window;

  row = g_object_ref_sink (rsh_source_row_new (source));
  g_assert_true (rsh_source_row_get_source (RSH_SOURCE_ROW (row)) == source);
  /* Before it is read a source is named after its file. */
  g_assert_cmpstr (rsh_source_row_get_title (RSH_SOURCE_ROW (row)), ==, "some-article.html");
  /* The icon-only remove button has a name for screen readers. */
  button = find_first_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_null (gtk_button_get_label (GTK_BUTTON (button)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove Source");
  rsh_source_row_set_source (RSH_SOURCE_ROW (row), NULL);
  g_assert_finalize_object (row);

  chip = g_object_ref_sink (rsh_stance_chip_new ());
  rsh_stance_chip_set_stance (RSH_STANCE_CHIP (chip), RSH_STANCE_DENIES);
  g_assert_cmpstr (rsh_stance_chip_get_text (RSH_STANCE_CHIP (chip)), ==, "Denies");
  g_assert_true (gtk_widget_has_css_class (chip, "denies"));
  g_assert_false (gtk_widget_has_css_class (chip, "reports"));
  rsh_stance_chip_set_hedged (RSH_STANCE_CHIP (chip), TRUE);
  g_assert_cmpstr (rsh_stance_chip_get_text (RSH_STANCE_CHIP (chip)), ==, "Denies, hedged");
  g_assert_true (gtk_widget_has_css_class (chip, "hedged"));
  rsh_stance_chip_set_cue (RSH_STANCE_CHIP (chip), "denied");
  g_assert_nonnull (gtk_widget_get_tooltip_text (chip));
  g_assert_finalize_object (chip);

  window = window_new_presented ();
  g_assert_nonnull (rsh_window_get_project (window));
  window_close (window);
}

static void
test_empty (void)
{
  RshWindow *window = window_new_presented ();

  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "empty");
  g_assert_false (rsh_window_get_working (window));
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);
  save_screenshot (GTK_WIDGET (window), "window-empty.png");

  window_close (window);
}

static void
test_sample_story (void)
{
  RshWindow *window;
  RshProject *project;
  GListModel *claims;
  GtkWidget *sources_view;
  guint n_files = 0;

  window = window_on_sample_story (&n_files);
  project = rsh_window_get_project (window);

  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, n_files);
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_READY), ==, n_files);
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);

  /* The sidebar shows a row per source. */
  sources_view = rsh_window_get_sources_view (window);
  g_assert_cmpuint (count_widgets_of_type (sources_view, RSH_TYPE_SOURCE_ROW), ==, n_files);

  /* The claim list is filled, with a stance chip per visible row. */
  claims = rsh_window_get_claims_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
  g_assert_cmpstr (rsh_window_get_claims_page (window), ==, "claims");
  g_assert_cmpuint (count_widgets_of_type (rsh_window_get_claims_view (window),
                                           RSH_TYPE_STANCE_CHIP), >, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "window-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  wait_for_frames (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "window-dark.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  window_close (window);
}

static void
test_drop (void)
{
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFile) binary = NULL;
  g_autoptr(GError) error = NULL;
  GdkFileList *file_list;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *tmpdir = NULL;
  g_autofree char *binary_path = NULL;
  GSList *list = NULL;
  RshWindow *window;
  RshProject *project;
  const char *toast;
  guint n_before;
  /* Not text in any encoding: NULs and control bytes. */
  static const guint8 blob[] = { 0x89, 0x00, 0x01, 0xfe, 0x00, 0x00, 0x7f, 0x1b, 0x00, 0xff,
                                 0x00, 0x02, 0x03, 0x00, 0x9c, 0x00, 0x00, 0x10, 0x00, 0x05 };

  tmpdir = g_dir_make_tmp ("rsh-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  binary_path = g_build_filename (tmpdir, "scan.bin", NULL);
  g_file_set_contents (binary_path, (const char *)blob, sizeof blob, &error);
  g_assert_no_error (error);

  good = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", "window",
                                                   "late-edition.txt", NULL));
  binary = g_file_new_for_path (binary_path);

  window = window_on_sample_story (NULL);
  project = rsh_window_get_project (window);
  n_before = g_list_model_get_n_items (rsh_project_get_sources (project));

  list = g_slist_append (list, good);
  list = g_slist_append (list, binary);
  file_list = gdk_file_list_new_from_list (list);
  g_slist_free (list);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, file_list);
  g_assert_true (rsh_window_handle_drop (window, &value));

  wait_until (window_settled, window, "the dropped files to be read");
  wait_for_frames (GTK_WIDGET (window));

  /* Both stay in the list: the good one read, the bad one with its reason. */
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, n_before + 2);
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_READY), ==, n_before + 1);
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_FAILED), ==, 1);
  g_assert_cmpuint (count_widgets_of_type (rsh_window_get_sources_view (window),
                                           RSH_TYPE_SOURCE_ROW), ==, n_before + 2);

  /* One toast, naming the file that failed. */
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 1);
  toast = rsh_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (toast, "scan.bin"));

  g_assert_cmpuint (g_list_model_get_n_items (rsh_window_get_claims_model (window)), >, 0);
  save_screenshot (GTK_WIDGET (window), "window-drop.png");

  window_close (window);

  g_assert_cmpint (g_unlink (binary_path), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

/* Returns the body of the error dialog shown over @parent, or NULL. */
static const char *
find_error_body (GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (parent));

  if (ADW_IS_ALERT_DIALOG (dialog))
    return adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
#else
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel));
    }
#endif

  return NULL;
}

static void
close_error_dialog (GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (parent)));
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent)
        {
          wait_for_frames (GTK_WIDGET (toplevel));
          gtk_window_destroy (toplevel);
          return;
        }
    }
#endif
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_error_body (data) != NULL;
}

static void
test_open_not_a_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  RshWindow *window;
  RshProject *before;
  const char *body;

  tmpdir = g_dir_make_tmp ("rsh-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "notes.rashomon", NULL);
  g_file_set_contents (path, "These are notes, not a project.\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = window_new_presented ();
  before = rsh_window_get_project (window);

  rsh_window_open_project_file (window, file);
  wait_until (message_dialog_shown, window, "the error dialog");

  /* The project shown is untouched and a dialog explains. */
  g_assert_true (rsh_window_get_project (window) == before);
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "empty");

  body = find_error_body (GTK_WINDOW (window));
  g_test_message ("Dialog: %s", body);
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "notes.rashomon"));
  close_error_dialog (GTK_WINDOW (window));

  window_close (window);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
test_no_statements (void)
{
  g_autoptr(GFile) quiet = NULL;
  RshWindow *window;

  quiet = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", "window",
                                                    "quiet-harbour.txt", NULL));

  window = window_new_presented ();
  rsh_window_add_files (window, &quiet, 1);
  wait_until (window_settled, window, "the article to be read and analysed");
  wait_for_frames (GTK_WIDGET (window));

  g_assert_cmpuint (count_in_state (rsh_window_get_project (window), RSH_SOURCE_STATE_READY), ==, 1);
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");
  g_assert_cmpuint (g_list_model_get_n_items (rsh_window_get_claims_model (window)), ==, 0);
  g_assert_cmpstr (rsh_window_get_claims_page (window), ==, "none");
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);

  window_close (window);
}

static void
test_cancel (void)
{
  g_autoptr(GPtrArray) files = sample_files ();
  RshWindow *window = window_new_presented ();

  rsh_window_add_files (window, (GFile **)files->pdata, files->len);
  g_assert_true (rsh_window_get_working (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));

  wait_until (window_settled, window, "the cancelled work to wind down");

  /* Stopping on request is no news: no toast. */
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);
  g_assert_false (rsh_window_get_working (window));

  window_close (window);
}

static gboolean
project_is_replaced (gpointer data)
{
  RshWindow *window = data;
  const char *path = rsh_project_get_path (rsh_window_get_project (window));

  return path != NULL && window_settled (window);
}

static void
test_open_project (void)
{
  g_autoptr(RshProject) project = rsh_project_new ();
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GPtrArray) files = sample_files ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  RshWindow *window;
  RshProject *before;

  tmpdir = g_dir_make_tmp ("rsh-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "story.rashomon", NULL);

  source = rsh_project_add_file (project, g_ptr_array_index (files, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  rsh_project_save_as (project, path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  /* An empty window takes the project in. */
  window = window_new_presented ();
  before = rsh_window_get_project (window);
  rsh_window_open_project_file (window, file);
  wait_until (project_is_replaced, window, "the project to open");
  wait_for_frames (GTK_WIDGET (window));

  g_assert_true (rsh_window_get_project (window) != before);
  g_assert_cmpstr (rsh_project_get_path (rsh_window_get_project (window)), ==, path);
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");
  g_assert_cmpuint (count_widgets_of_type (rsh_window_get_sources_view (window),
                                           RSH_TYPE_SOURCE_ROW), ==, 1);
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);

  window_close (window);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
test_window_size_saved (void)
{
  GSettings *settings = rsh_application_get_settings (app);
  RshWindow *window;

  g_assert_nonnull (settings);

  window = rsh_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  window = rsh_window_new (app);
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_present (GTK_WINDOW (window));
  window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *recent = NULL;
  int ret;

  /* Opening projects records them in the recent files: keep that out of the user's home. */
  data_home = g_dir_make_tmp ("rsh-test-window-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Screenshots and assertions want the settled state, not a crossfade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A registered application loads style.css, the icons and the shortcuts window. */
  app = rsh_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/smoke", test_smoke);
  g_test_add_func ("/gui/window/empty", test_empty);
  g_test_add_func ("/gui/window/size-saved", test_window_size_saved);
  g_test_add_func ("/gui/window/sample-story", test_sample_story);
  g_test_add_func ("/gui/window/drop", test_drop);
  g_test_add_func ("/gui/window/no-statements", test_no_statements);
  g_test_add_func ("/gui/window/cancel", test_cancel);
  g_test_add_func ("/gui/window/open-project", test_open_project);
  g_test_add_func ("/gui/window/open-not-a-project", test_open_not_a_project);

  ret = g_test_run ();

  g_clear_object (&app);

  recent = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_unlink (recent);
  g_rmdir (data_home);

  return ret;
}
