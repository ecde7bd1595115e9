/* test-window.c: the main window on the sample story, drops, empty states, screenshots
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-claim-table.h"
#include "rsh-reader-view.h"
#include "rsh-source-row.h"
#include "rsh-stance-chip.h"
#include "rsh-test-gui-util.h"
#include "rsh-test-server.h"
#include "rsh-test-util.h"
#include "rsh-text-dialog.h"
#include "rsh-timeline.h"
#include "rsh-timeline-key.h"
#include "rsh-window-private.h"

static RshApplication *app;

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
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  return window;
}

static void
window_close (RshWindow *window)
{
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GPtrArray *
sample_files (void)
{
  g_autoptr(GPtrArray) paths = rsh_test_sample_story ();
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));

  return files;
}

static RshWindow *
window_on_sample_story (guint *n_files)
{
  g_autoptr(GPtrArray) files = sample_files ();
  RshWindow *window = window_new_presented ();

  rsh_window_add_files (window, (GFile **)files->pdata, files->len);
  rsh_test_wait_until (window_settled, window, "the sample story to be read and analysed");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

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
  /* Retry shows only when reading failed. */
  button = rsh_source_row_get_retry_button (RSH_SOURCE_ROW (row));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Retry");
  g_assert_false (gtk_widget_get_visible (button));
  /* The icon-only remove button has a name for screen readers. */
  button = rsh_source_row_get_remove_button (RSH_SOURCE_ROW (row));
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
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-empty.png");

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
  rsh_window_show_view (window, "statements");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  claims = rsh_window_get_claims_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
  g_assert_cmpstr (rsh_window_get_claims_page (window), ==, "claims");
  g_assert_cmpuint (count_widgets_of_type (rsh_window_get_claims_view (window),
                                           RSH_TYPE_STANCE_CHIP), >, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-dark.png");

  /* The timeline shows the same analysis, its dated statements drawn. */
  rsh_window_show_view (window, "timeline");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (rsh_window_get_timeline (window)));
  g_assert_cmpuint (rsh_timeline_get_n_dated (RSH_TIMELINE (rsh_window_get_timeline (window))),
                    >, 0);
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-timeline-dark.png");
  rsh_window_show_view (window, "statements");

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

  rsh_test_wait_until (window_settled, window, "the dropped files to be read");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

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
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-drop.png");

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
          rsh_test_wait_for_frames (GTK_WIDGET (toplevel));
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
  rsh_test_wait_until (message_dialog_shown, window, "the error dialog");

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
  rsh_test_wait_until (window_settled, window, "the article to be read and analysed");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

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

  rsh_test_wait_until (window_settled, window, "the cancelled work to wind down");

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
  rsh_test_wait_until (project_is_replaced, window, "the project to open");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

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
  rsh_test_wait_for_frames (GTK_WIDGET (window));

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

/* An invented page for the link tests, served from the test's own main context. */
static const char pasted_text[] =
  "Velm station to close for repairs\n"
  "\n"
  "The station master said on Saturday that Velm station would close for a week of repairs "
  "in April.\n"
  "\n"
  "Commuters disputed the dates, saying that the notices at the station gave another week.\n";

static RshSourceRow *
find_row_for (GtkWidget *widget,
              RshSource *source)
{
  if (RSH_IS_SOURCE_ROW (widget) && rsh_source_row_get_source (RSH_SOURCE_ROW (widget)) == source)
    return RSH_SOURCE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RshSourceRow *found = find_row_for (child, source);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RshSource *
find_source_in_state (RshProject     *project,
                      RshSourceState  state)
{
  GListModel *sources = rsh_project_get_sources (project);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (rsh_source_get_state (source) == state)
        return source;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
outlet_dialog_shown (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

/* Names the outlet in the dialog that pasted or dropped text opens, and confirms. */
static void
answer_outlet_dialog (RshWindow  *window,
                      const char *outlet)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  rsh_test_wait_until (outlet_dialog_shown, window, "the outlet dialog");
  dialog = find_message_dialog (GTK_WINDOW (window));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));

  /* Without a name the text cannot be added. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), outlet);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static RshSourceRow *
find_source_row (GtkWidget *widget,
                 RshSource *source)
{
  if (RSH_IS_SOURCE_ROW (widget) && rsh_source_row_get_source (RSH_SOURCE_ROW (widget)) == source)
    return RSH_SOURCE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RshSourceRow *found = find_source_row (child, source);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
analysis_done (gpointer data)
{
  return !rsh_window_get_working (data);
}

/* The button of @action_name for @target, anywhere under @widget. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name,
                 const char *target)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
visible_duration (RshTimeline *timeline)
{
  return rsh_time_range_duration (
    rsh_time_selection_get_visible_span (rsh_timeline_get_time_selection (timeline)));
}

/* The timeline's toolbar: lanes per speaker or per claim, remembered; the zoom buttons; the
 * key of every shape the marks use, each with its word. */
static void
test_timeline_toolbar (void)
{
  RshWindow *window;
  RshTimeline *timeline;
  GtkWidget *by_actor, *by_claim;
  g_autofree char *actor_lane = NULL;
  g_autoptr(GSettings) settings = NULL;
  gint64 whole;
  guint n_keys = 0;
  GtkWidget *key;

  window = window_on_sample_story (NULL);
  rsh_window_show_view (window, "timeline");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  timeline = RSH_TIMELINE (rsh_window_get_timeline (window));

  by_actor = find_actionable (GTK_WIDGET (window), "timeline-view.lanes", "actor");
  by_claim = find_actionable (GTK_WIDGET (window), "timeline-view.lanes", "claim");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (by_actor));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (by_claim));
  g_assert_true (gtk_widget_get_mapped (by_claim));
  g_assert_cmpint (rsh_timeline_get_group_by (timeline), ==, RSH_TIMELINE_GROUP_BY_ACTOR);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_actor)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_claim)));
  actor_lane = g_strdup (rsh_timeline_get_lane_label (timeline, 1));

  g_signal_emit_by_name (by_claim, "clicked");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (rsh_timeline_get_group_by (timeline), ==, RSH_TIMELINE_GROUP_BY_CLAIM);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_claim)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (by_actor)));
  g_assert_cmpstr (rsh_timeline_get_lane_label (timeline, 1), !=, actor_lane);
  settings = rsh_application_dup_settings ();
  if (settings != NULL)
    g_assert_cmpint (g_settings_get_enum (settings, "timeline-lanes"), ==, RSH_TIMELINE_GROUP_BY_CLAIM);
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-by-claim.png");

  g_signal_emit_by_name (by_actor, "clicked");
  g_assert_cmpint (rsh_timeline_get_group_by (timeline), ==, RSH_TIMELINE_GROUP_BY_ACTOR);
  g_assert_cmpstr (rsh_timeline_get_lane_label (timeline, 1), ==, actor_lane);

  /* The zoom buttons reach the timeline's own zoom. */
  whole = visible_duration (timeline);
  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "timeline-view.zoom", "in"), "clicked");
  g_assert_cmpint (visible_duration (timeline), <, whole);
  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "timeline-view.zoom", "reset"), "clicked");
  g_assert_cmpint (visible_duration (timeline), ==, whole);
  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "timeline-view.zoom", "out"), "clicked");
  g_assert_cmpint (visible_duration (timeline), >, whole);

  /* The key: the four stances and the two bars, each shown, each with a word beside it. */
  key = rsh_test_find_widget (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX);
  g_assert_nonnull (key);
  for (GtkWidget *child = gtk_widget_get_first_child (key);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *symbol = rsh_test_find_widget (child, RSH_TYPE_TIMELINE_KEY);
      GtkWidget *word = rsh_test_find_widget (child, GTK_TYPE_LABEL);

      g_assert_nonnull (symbol);
      g_assert_nonnull (word);
      g_assert_true (gtk_widget_get_mapped (symbol));
      g_assert_cmpint (gtk_widget_get_width (symbol), >, 0);
      g_assert_cmpuint (rsh_timeline_key_get_symbol (RSH_TIMELINE_KEY (symbol)), ==, n_keys);
      g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (word))), >, 0);
      n_keys++;
    }
  g_assert_cmpuint (n_keys, ==, RSH_TIMELINE_SYMBOL_ABOUT + 1);

  window_close (window);
}

/* The timeline's statements are a table too: reachable by keyboard, read out by screen readers. */
static void
test_timeline_table (void)
{
  RshWindow *window;
  RshTimeline *timeline;
  GtkColumnView *table;
  GtkSelectionModel *model;
  GListModel *columns;
  g_autofree char *label = NULL;
  guint n_marks;
  guint n_dated;

  window = window_on_sample_story (NULL);
  rsh_window_show_view (window, "timeline");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  timeline = RSH_TIMELINE (rsh_window_get_timeline (window));
  table = GTK_COLUMN_VIEW (rsh_window_get_timeline_table (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));

  /* The table lists every mark, dated and undated, with the five columns. */
  model = gtk_column_view_get_model (table);
  g_assert_true (model == rsh_timeline_get_events_model (timeline));
  n_marks = rsh_timeline_get_n_dated (timeline) + rsh_timeline_get_n_undated (timeline);
  g_assert_cmpuint (rsh_timeline_get_n_dated (timeline), >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_marks);
  columns = gtk_column_view_get_columns (table);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *titles[] = { "Date", "Speaker", "Stance", "Statement", "Source" };

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
    }
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (table),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (table),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Timeline statements");
  g_assert_null (label);

  /* Moving the timeline's focus moves the table's selection with it. */
  rsh_timeline_focus_mark (timeline, 1);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_selection_model_is_selected (model, 1));
  g_assert_false (gtk_selection_model_is_selected (model, 0));
  /* Only dated marks take the focus; the undated follow them in the table. */
  n_dated = rsh_timeline_get_n_dated (timeline);
  rsh_timeline_focus_mark (timeline, n_dated - 1);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_selection_model_is_selected (model, n_dated - 1));
  g_assert_false (gtk_selection_model_is_selected (model, 1));
  /* The table scrolled down to that row, far below the first screen. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *vadj = NULL;

    if (scrolled != NULL)
      vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    else
      vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
    g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj));
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  }

  /* And choosing a row in the table focuses that mark. */
  gtk_selection_model_select_item (model, 0, TRUE);
  g_assert_cmpuint (rsh_timeline_get_focused_mark (timeline), ==, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-table-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-table-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  window_close (window);
}

/* Fixes the outlet and date of an undated source through the Edit Details dialog. */
static void
test_edit_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *input = NULL;
  RshWindow *window;
  RshProject *project;
  GListModel *sources;
  RshSource *source = NULL;
  RshSourceRow *row;
  AdwMessageDialog *dialog;
  GtkWidget *title_entry;
  GtkWidget *outlet_entry;
  GtkWidget *date_entry;
  GtkWidget *date_error;

  window = window_on_sample_story (NULL);
  project = rsh_window_get_project (window);
  sources = rsh_project_get_sources (project);

  for (guint i = 0; source == NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) candidate = g_list_model_get_item (sources, i);

      if (rsh_source_get_published (candidate) == NULL)
        source = candidate;
    }
  g_assert_nonnull (source);
  input = g_strdup (rsh_source_get_input (source));

  /* The row's edit button, with a name for screen readers, opens the dialog. */
  row = find_source_row (rsh_window_get_sources_view (window), source);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (rsh_source_row_get_edit_button (row)));
  gtk_widget_activate (rsh_source_row_get_edit_button (row));
  rsh_test_wait_until (outlet_dialog_shown, window, "the Edit Details dialog");
  dialog = find_message_dialog (GTK_WINDOW (window));
  title_entry = find_named (adw_message_dialog_get_extra_child (dialog), "title-entry");
  outlet_entry = find_named (adw_message_dialog_get_extra_child (dialog), "outlet-entry");
  date_entry = find_named (adw_message_dialog_get_extra_child (dialog), "date-entry");
  date_error = find_named (adw_message_dialog_get_extra_child (dialog), "date-error");
  g_assert_true (GTK_IS_ENTRY (title_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry)), ==,
                   rsh_source_get_title (source));
  g_assert_true (GTK_IS_ENTRY (outlet_entry));
  g_assert_true (GTK_IS_ENTRY (date_entry));
  g_assert_true (GTK_IS_LABEL (date_error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_entry)), ==, "");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  /* A date the engine refuses is explained inline and cannot be saved. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_editable_set_text (GTK_EDITABLE (title_entry), "Council hears of solvent readings");
  gtk_editable_set_text (GTK_EDITABLE (outlet_entry), "Quayside Courier");
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "the 31st of Smarch");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_true (gtk_widget_get_visible (date_error));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (date_error)), "YYYY-MM-DD"));
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "edit-details-invalid-light.png");
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2026-13-40");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));

  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2026-03-14");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_get_visible (date_error));

  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "edit-details-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "edit-details-dark.png");

  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The project and the row have the new details, and the analysis runs again. */
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Council hears of solvent readings");
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Quayside Courier");
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2026-03-14");
  g_assert_true (rsh_window_get_working (window));
  rsh_test_wait_until (analysis_done, window, "the analysis after the edit");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  row = find_source_row (rsh_window_get_sources_view (window), source);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (rsh_source_row_get_subtitle (row), "Quayside Courier"));
  g_assert_nonnull (strstr (rsh_source_row_get_subtitle (row), "2026"));
  rsh_test_save_screenshot (GTK_WIDGET (window), "edit-details-window-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* The details outlive saving and opening the project again. */
  tmpdir = g_dir_make_tmp ("rsh-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "story.rashomon", NULL);
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  window_close (window);

  {
    g_autoptr(RshProject) reopened = rsh_project_open (path, NULL, &error);
    GListModel *reopened_sources;
    RshSource *found = NULL;

    g_assert_no_error (error);
    reopened_sources = rsh_project_get_sources (reopened);
    for (guint i = 0; i < g_list_model_get_n_items (reopened_sources); i++)
      {
        g_autoptr(RshSource) candidate = g_list_model_get_item (reopened_sources, i);

        if (g_strcmp0 (rsh_source_get_input (candidate), input) == 0)
          found = candidate;
      }
    g_assert_nonnull (found);
    g_assert_cmpstr (rsh_source_get_title (found), ==, "Council hears of solvent readings");
    g_assert_cmpstr (rsh_source_get_outlet (found), ==, "Quayside Courier");
    g_assert_cmpstr (rsh_source_get_published (found), ==, "2026-03-14");
  }

  rsh_test_remove_tree (tmpdir);
}

static void
test_drop_links (void)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *uri_list = NULL;
  g_autofree char *good = rsh_test_server_uri (server, rsh_test_server_article_path (0));
  g_autofree char *gone = rsh_test_server_uri (server, "/gone");
  RshWindow *window = window_new_presented ();
  RshProject *project = rsh_window_get_project (window);
  RshSource *failed;
  RshSource *ready;
  RshSourceRow *row;
  GtkWidget *retry;

  /* As a browser drags two links: text/uri-list, CRLF-terminated, with a comment. */
  uri_list = g_strdup_printf ("# dragged from a browser\r\n%s\r\n%s\r\n", good, gone);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, uri_list);
  g_assert_true (rsh_window_handle_drop (window, &value));

  /* Both listed at once, before anything is fetched. */
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, 2);
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");

  rsh_test_wait_until (window_settled, window, "the dropped links to be fetched");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_READY), ==, 1);
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_FAILED), ==, 1);
  ready = find_source_in_state (project, RSH_SOURCE_STATE_READY);
  g_assert_cmpstr (rsh_source_get_title (ready), ==, rsh_test_server_article_title (0));

  /* The failed row says why and offers a retry. */
  failed = find_source_in_state (project, RSH_SOURCE_STATE_FAILED);
  row = find_row_for (rsh_window_get_sources_view (window), failed);
  g_assert_nonnull (row);
  g_test_message ("Failed row: %s", rsh_source_row_get_subtitle (row));
  g_assert_nonnull (strstr (rsh_source_row_get_subtitle (row), "404"));
  retry = rsh_source_row_get_retry_button (row);
  g_assert_nonnull (retry);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_Retry");
  g_assert_true (gtk_widget_get_visible (retry));
  g_assert_false (gtk_widget_get_visible (rsh_source_row_get_retry_button (
    find_row_for (rsh_window_get_sources_view (window), ready))));
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 1);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-links-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-links-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Retry fails again, the row stays. */
  g_signal_emit_by_name (row, "retry-requested", failed);
  rsh_test_wait_until (window_settled, window, "the retry");
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_FAILED), ==, 1);
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 2);

  /* The same link again, through the link entry: refused with a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-link", NULL));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  {
    GtkWidget *entry = rsh_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (
      GTK_MENU_BUTTON (rsh_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)))),
      GTK_TYPE_ENTRY);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), good);
    g_signal_emit_by_name (entry, "activate");
  }
  rsh_test_wait_until (window_settled, window, "the duplicate link to be refused");
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, 2);
  g_assert_nonnull (strstr (rsh_window_get_last_toast (window), "already in the project"));

  window_close (window);
}

static gboolean
has_two_sources (gpointer data)
{
  return g_list_model_get_n_items (rsh_project_get_sources (data)) == 2;
}

static void
test_paste (void)
{
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *good = rsh_test_server_uri (server, rsh_test_server_article_path (0));
  RshWindow *window = window_new_presented ();
  RshProject *project = rsh_window_get_project (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  RshSource *source;

  /* Pasted prose asks for its outlet, then becomes a source. */
  gdk_clipboard_set_text (clipboard, pasted_text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  answer_outlet_dialog (window, "Velm Evening Post");
  rsh_test_wait_until (window_settled, window, "the pasted text to be analysed");
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, 1);
  source = find_source_in_state (project, RSH_SOURCE_STATE_READY);
  g_assert_nonnull (source);
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Velm Evening Post");
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 0);

  /* The same text twice is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  answer_outlet_dialog (window, "Someone Else");
  rsh_test_wait_until (window_settled, window, "the second paste");
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, 1);
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, 1);
  g_assert_nonnull (strstr (rsh_window_get_last_toast (window), "already in the project"));

  /* A pasted link is fetched, no questions asked. */
  gdk_clipboard_set_text (clipboard, good);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  rsh_test_wait_until (has_two_sources, project, "the pasted link to be listed");
  rsh_test_wait_until (window_settled, window, "the pasted link");
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (count_in_state (project, RSH_SOURCE_STATE_READY), ==, 2);

  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "window-paste.png");

  window_close (window);
}

static gboolean
export_finished (gpointer data)
{
  return !rsh_window_get_exporting (data);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  GListModel *labels;
  JsonObject *root;
  RshWindow *window;
  gboolean has_xlsx = FALSE;

  window = window_on_sample_story (NULL);

  /* The dialog lists every format the engine writes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  rsh_test_wait_until (outlet_dialog_shown, window, "the export dialog");
  dialog = find_message_dialog (GTK_WINDOW (window));
  dropdown = rsh_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  labels = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (labels), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (labels), i);

      g_test_message ("Export format: %s", label);
      has_xlsx |= strstr (label, "XLSX") != NULL;
    }
  g_assert_true (has_xlsx || rsh_export_format_to_string (2) == NULL);
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dir = g_dir_make_tmp ("rsh-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "story.json", NULL);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(ssb)",
                                             uri, "json", TRUE));
  g_assert_true (rsh_window_get_exporting (window));
  rsh_test_wait_until (export_finished, window, "the export");

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rashomon-comparison");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sources")), >=, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), >, 0);

  /* A toast names the file and offers to open it. */
  g_assert_nonnull (strstr (rsh_window_get_last_toast (window), "story.json"));

  window_close (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_tag_hits (GtkTextBuffer *buffer,
                GtkTextTag    *tag)
{
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    if (gtk_text_iter_starts_tag (&iter, tag))
      n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return n;
}

/* Whether @offset is in the written name or cue of one of @actor's statements. */
static gboolean
names_actor (GListModel *mentions,
             RshActor   *actor,
             guint       offset)
{
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      guint start, end;

      if (g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) != 0)
        continue;
      if (rsh_mention_get_speaker_span (mention, &start, &end) && offset >= start && offset < end)
        return TRUE;
      if (rsh_mention_get_cue_span (mention, &start, &end) && offset >= start && offset < end)
        return TRUE;
    }

  return FALSE;
}

static void
test_reader (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshProject *project = rsh_window_get_project (window);
  GListModel *sources = rsh_project_get_sources (project);
  GListModel *mentions;
  GListModel *actors;
  RshReaderView *reader;
  GtkTextBuffer *buffer;
  GtkTextTagTable *tags;
  GtkTextTag *content, *highlight, *speaker;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(RshActor) actor = NULL;
  const char *text;
  guint best = 0, best_position = 0;
  guint n_highlighted = 0, n_speakers_found = 0;

  /* The source with the most statements. */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) candidate = g_list_model_get_item (sources, i);
      GListModel *all = rsh_window_get_claims_model (window);
      guint n = 0;

      for (guint j = 0; j < g_list_model_get_n_items (all); j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (all, j);

          n += g_strcmp0 (rsh_mention_get_source_id (mention), rsh_source_get_id (candidate)) == 0;
        }
      if (n > best)
        {
          best = n;
          best_position = i;
          g_set_object (&source, candidate);
        }
    }
  g_assert_nonnull (source);
  g_assert_cmpuint (best, >, 1);

  /* Activating the row in the sidebar opens the reader. */
  g_signal_emit_by_name (rsh_window_get_sources_view (window), "activate", best_position);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "reader");

  reader = RSH_READER_VIEW (rsh_window_get_reader_view (window));
  g_assert_true (rsh_reader_view_get_source (reader) == source);
  mentions = rsh_reader_view_get_mentions (reader);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, best);

  buffer = gtk_text_view_get_buffer (rsh_reader_view_get_text_view (reader));
  g_assert_false (gtk_text_view_get_editable (rsh_reader_view_get_text_view (reader)));
  tags = gtk_text_buffer_get_tag_table (buffer);
  content = gtk_text_tag_table_lookup (tags, "content");
  highlight = gtk_text_tag_table_lookup (tags, "highlight");
  speaker = gtk_text_tag_table_lookup (tags, "speaker");
  g_assert_nonnull (content);
  g_assert_nonnull (highlight);
  g_assert_nonnull (speaker);
  text = rsh_source_get_text (source);

  /* One stance chip per statement: colour is never the only sign of a stance. */
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (rsh_reader_view_get_text_view (reader)),
                                           RSH_TYPE_STANCE_CHIP), ==, best);

  /* Each statement's span, in code points, is covered by its content and stance tags, and
   * the buffer holds exactly the source's characters there. */
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      guint start = rsh_mention_get_start (mention);
      guint end = rsh_mention_get_end (mention);
      g_autofree char *stance_name = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;
      GEnumClass *stances = g_type_class_ref (RSH_TYPE_STANCE);
      GtkTextTag *stance_tag;
      GtkTextIter start_iter, last_iter, end_iter;

      stance_name = g_strconcat ("stance-", g_enum_get_value (stances, rsh_mention_get_stance (mention))->value_nick, NULL);
      g_type_class_unref (stances);
      stance_tag = gtk_text_tag_table_lookup (tags, stance_name);
      g_assert_nonnull (stance_tag);

      rsh_reader_view_get_iter_at_text_offset (reader, start, &start_iter);
      rsh_reader_view_get_iter_at_text_offset (reader, end - 1, &last_iter);
      end_iter = last_iter;
      gtk_text_iter_forward_char (&end_iter);

      g_assert_true (gtk_text_iter_has_tag (&start_iter, content));
      g_assert_true (gtk_text_iter_has_tag (&last_iter, content));
      g_assert_true (gtk_text_iter_has_tag (&start_iter, stance_tag));
      g_assert_true (gtk_text_iter_has_tag (&last_iter, stance_tag));

      expected = g_utf8_substring (text, start, end);
      /* Without the chips of statements nested in this one. */
      shown = gtk_text_iter_get_text (&start_iter, &end_iter);
      g_assert_cmpstr (shown, ==, expected);

      /* The chip sits just before the statement. */
      {
        GtkTextIter before = start_iter;

        g_assert_true (gtk_text_iter_backward_char (&before));
        g_assert_nonnull (gtk_text_iter_get_child_anchor (&before));
      }
    }

  /* Speakers are marked where the text names them. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    while (gtk_text_iter_forward_to_tag_toggle (&iter, speaker))
      if (gtk_text_iter_starts_tag (&iter, speaker))
        {
          GtkTextIter tag_end = iter;
          g_autofree char *name = NULL;

          gtk_text_iter_forward_to_tag_toggle (&tag_end, speaker);
          name = gtk_text_iter_get_text (&iter, &tag_end);
          g_test_message ("Speaker marked: %s", name);
          n_speakers_found++;
        }
    g_assert_cmpuint (n_speakers_found, >, 0);
  }

  g_assert_cmpuint (count_tag_hits (buffer, highlight), ==, 0);

  /* Clicking a speaker highlights all it said, and nothing else. */
  actors = rsh_reader_view_get_actors (reader);
  g_assert_cmpuint (g_list_model_get_n_items (actors), >, 0);
  actor = g_list_model_get_item (actors, 0);
  {
    GtkWidget *list = rsh_test_find_widget (GTK_WIDGET (reader), GTK_TYPE_LIST_BOX);

    g_assert_nonnull (list);
    gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  }
  g_assert_cmpstr (rsh_reader_view_get_selected_actor (reader), ==, rsh_actor_get_id (actor));

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      gboolean said = g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) == 0;
      GtkTextIter start_iter, last_iter;

      rsh_reader_view_get_iter_at_text_offset (reader, rsh_mention_get_start (mention), &start_iter);
      rsh_reader_view_get_iter_at_text_offset (reader, rsh_mention_get_end (mention) - 1, &last_iter);
      /* The speaker's name inside someone else's statement ("X said Y denied …") is marked
       * too; the rest of that statement is not. */
      if (!names_actor (mentions, actor, rsh_mention_get_start (mention)))
        g_assert_cmpint (gtk_text_iter_has_tag (&start_iter, highlight), ==, said);
      if (!names_actor (mentions, actor, rsh_mention_get_end (mention) - 1))
        g_assert_cmpint (gtk_text_iter_has_tag (&last_iter, highlight), ==, said);
      n_highlighted += said;
    }
  g_assert_cmpuint (n_highlighted, >, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "reader-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "reader-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Deselecting clears the highlight. */
  rsh_reader_view_select_actor (reader, NULL);
  g_assert_cmpuint (count_tag_hits (buffer, highlight), ==, 0);

  /* Back to the lists. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");

  /* A statement in the table opens its source, its speaker highlighted. */
  {
    g_autoptr(RshMention) first = g_list_model_get_item (rsh_window_get_claims_model (window), 0);

    g_signal_emit_by_name (rsh_window_get_claims_view (window), "activate", 0);
    g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "reader");
    g_assert_cmpstr (rsh_source_get_id (rsh_reader_view_get_source (reader)), ==,
                     rsh_mention_get_source_id (first));
    g_assert_cmpstr (rsh_reader_view_get_selected_actor (reader), ==,
                     rsh_mention_get_actor_id (first));
  }

  window_close (window);
}

static void
collect_stance_cells (GtkWidget *widget,
                      GPtrArray *cells)
{
  if (gtk_widget_has_css_class (widget, "stance-cell") &&
      rsh_claim_table_cell_get_claim (widget) != NULL)
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_stance_cells (child, cells);
}

static void
collect_user_defined_labels (GtkWidget *widget,
                             GPtrArray *texts)
{
  if (gtk_widget_has_css_class (widget, "claim-wording"))
    {
      GtkWidget *icon = gtk_widget_get_first_child (widget);
      GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (icon));

      if (gtk_widget_get_visible (icon))
        g_ptr_array_add (texts, (gpointer)gtk_label_get_label (label));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_user_defined_labels (child, texts);
}

static void
test_comparison_table (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  RshProject *project = rsh_window_get_project (window);
  RshComparison *comparison;
  GtkColumnView *view = rsh_claim_table_get_column_view (table);
  GListModel *rows = rsh_claim_table_get_model (table);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_sources, n_rows, n_shown = 0, n_absent = 0;
  GtkWidget *opened = NULL;
  RshReaderView *reader;

  /* The comparison is the main view: it is the first page, shown on opening. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  comparison = rsh_claim_table_get_comparison (table);
  g_assert_nonnull (comparison);

  /* A row per claim; the wording, the count, then a column per source. */
  n_sources = g_list_model_get_n_items (rsh_comparison_get_sources (comparison));
  n_rows = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_sources, >=, 4);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, ==,
                    g_list_model_get_n_items (rsh_comparison_get_claims (comparison)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==,
                    n_sources + 2);

  /* By default the claims most sources mention come first. */
  for (guint i = 1; i < n_rows; i++)
    {
      g_autoptr(RshClaim) before = g_list_model_get_item (rows, i - 1);
      g_autoptr(RshClaim) after = g_list_model_get_item (rows, i);

      g_assert_cmpuint (rsh_claim_table_count_sources (table, before), >=,
                        rsh_claim_table_count_sources (table, after));
    }

  /* Each visible cell shows its source's position on its row's claim. */
  collect_stance_cells (GTK_WIDGET (view), cells);
  g_assert_cmpuint (cells->len, >=, MIN (n_rows, 5) * n_sources);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      RshClaim *claim = rsh_claim_table_cell_get_claim (cell);
      const char *source_id = rsh_claim_table_cell_get_source_id (cell);
      RshStanceChip *chip = RSH_STANCE_CHIP (gtk_widget_get_first_child (cell));
      gboolean hedged = FALSE;
      RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);

      g_assert_nonnull (source_id);
      if (stance == RSH_STANCE_ABSENT)
        {
          g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chip)));
          g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (GTK_WIDGET (chip))));
          g_assert_null (gtk_widget_get_tooltip_text (cell));
          n_absent++;
        }
      else
        {
          g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chip)));
          g_assert_cmpint (rsh_stance_chip_get_stance (chip), ==, stance);
          g_assert_cmpint (rsh_stance_chip_get_hedged (chip), ==, hedged);
          /* The tooltip quotes the statement behind the stance. */
          g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
          g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (cell), "“"));
          n_shown++;
          if (opened == NULL)
            opened = cell;
        }
    }
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_absent, >, 0);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "comparison-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "comparison-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Activating a cell opens the reader on that source; the view comes back after. */
  g_assert_true (rsh_claim_table_activate_cell (opened));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "reader");
  reader = RSH_READER_VIEW (rsh_window_get_reader_view (window));
  g_assert_cmpstr (rsh_source_get_id (rsh_reader_view_get_source (reader)), ==,
                   rsh_claim_table_cell_get_source_id (opened));
  rsh_window_show_view (window, "comparison");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");

  /* Enter on a row opens the first source, left to right, that mentions its claim. */
  {
    g_autoptr(RshClaim) first = g_list_model_get_item (rows, 0);
    const char *source_id;

    g_signal_emit_by_name (view, "activate", 0);
    rsh_test_wait_for_frames (GTK_WIDGET (window));
    g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "reader");
    source_id = rsh_source_get_id (rsh_reader_view_get_source (reader));
    g_assert_cmpint (rsh_claim_get_position (first, source_id, NULL), !=, RSH_STANCE_ABSENT);
    rsh_window_show_view (window, "comparison");
    rsh_test_wait_for_frames (GTK_WIDGET (window));
  }

  /* Sorting by wording orders the rows alphabetically. */
  rsh_claim_table_sort_by_wording (table);
  for (guint i = 1; i < n_rows; i++)
    {
      g_autoptr(RshClaim) before = g_list_model_get_item (rows, i - 1);
      g_autoptr(RshClaim) after = g_list_model_get_item (rows, i);

      g_assert_cmpint (g_utf8_collate (rsh_claim_get_text (before), rsh_claim_get_text (after)),
                       <=, 0);
    }

  /* A new comparison rebuilds the columns (not adds to them) and marks tracked claims. */
  {
    static const char *tracked[] = { "A regulator knew of the solvent readings in January", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(RshComparison) with_tracked = NULL;
    g_autoptr(GPtrArray) marked = g_ptr_array_new ();

    with_tracked = rsh_comparison_analyze (rsh_project_get_sources (project), tracked, NULL,
                                           &error);
    g_assert_no_error (error);
    rsh_claim_table_set_comparison (table, with_tracked);
    rsh_test_wait_for_frames (GTK_WIDGET (window));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==,
                      n_sources + 2);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                      g_list_model_get_n_items (rsh_comparison_get_claims (with_tracked)));
    collect_user_defined_labels (GTK_WIDGET (view), marked);
    g_assert_cmpuint (marked->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (marked, 0), ==, tracked[0]);
  }
  rsh_claim_table_sort_by_sources (table);

  window_close (window);
}

/* The claim cell of the row showing @claim, if that row is on screen. */
static GtkWidget *
find_claim_cell (GtkWidget *widget,
                 RshClaim  *claim)
{
  if (gtk_widget_has_css_class (widget, "claim-wording") &&
      rsh_claim_table_cell_get_claim (widget) == claim)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_claim_cell (child, claim);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Activates what @widget's key bindings do for @keyval with @modifiers, as the key would. */
static gboolean
activate_binding (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
tracked_claim_selected (gpointer data)
{
  RshWindow *window = data;
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  RshClaim *selected = rsh_claim_table_get_selected_claim (table);

  return !rsh_window_get_working (window) && selected != NULL &&
         rsh_claim_get_user_defined (selected);
}

static gboolean
filter_done (gpointer data)
{
  return !rsh_claim_table_get_filtering (data);
}

static void
test_track_claim (void)
{
  static const char claim_text[] = "The plant kept releasing solvent after the first warning";
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  GListModel *rows = rsh_claim_table_get_model (table);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marked = g_ptr_array_new ();
  g_autoptr(RshClaim) first = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *error_label;
  GtkWidget *cell;
  RshClaim *tracked;
  guint n_before = g_list_model_get_n_items (rows);

  /* Sorted by wording, so that "pinned" cannot be the default order by chance. */
  rsh_claim_table_sort_by_wording (table);

  /* The dialog: an entry; nothing to track while it is empty, and Enter says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.track-claim", NULL));
  rsh_test_wait_until (outlet_dialog_shown, window, "the track-claim dialog");
  dialog = find_message_dialog (GTK_WINDOW (window));
  entry = find_named (adw_message_dialog_get_extra_child (dialog), "claim-entry");
  error_label = find_named (adw_message_dialog_get_extra_child (dialog), "claim-error");
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_true (GTK_IS_LABEL (error_label));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  gtk_editable_set_text (GTK_EDITABLE (entry), claim_text);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_false (gtk_widget_get_visible (error_label));

  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The analysis runs again; the new row is pinned on top, starred, selected. */
  rsh_test_wait_until (tracked_claim_selected, window, "the tracked claim to be selected");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstrv (rsh_project_get_tracked_claims (rsh_window_get_project (window)),
                    ((const char *[]) { claim_text, NULL }));
  tracked = rsh_claim_table_get_selected_claim (table);
  g_assert_cmpstr (rsh_claim_get_text (tracked), ==, claim_text);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_before + 1);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (first == tracked);
  g_assert_cmpstr (rsh_window_get_visible_page (window), ==, "sources");

  collect_user_defined_labels (GTK_WIDGET (rsh_claim_table_get_column_view (table)), marked);
  g_assert_cmpuint (marked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (marked, 0), ==, claim_text);
  cell = find_claim_cell (GTK_WIDGET (table), tracked);
  g_assert_nonnull (cell);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Tracked claim");

  /* Pinned whatever the sort: by sources too, in both directions of the header. */
  rsh_claim_table_sort_by_sources (table);
  g_clear_object (&first);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (first == tracked);

  /* The same claim again, differently cased and spaced: an error in the dialog. */
  g_assert_false (rsh_window_track_claim (window, "  the plant KEPT releasing solvent after "
                                                  "the first warning ", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rsh_window_track_claim (window, " \t", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_t, GDK_CONTROL_MASK));
  rsh_test_wait_until (outlet_dialog_shown, window, "the track-claim dialog, by Ctrl+T");
  dialog = find_message_dialog (GTK_WINDOW (window));
  entry = find_named (adw_message_dialog_get_extra_child (dialog), "claim-entry");
  error_label = find_named (adw_message_dialog_get_extra_child (dialog), "claim-error");
  gtk_editable_set_text (GTK_EDITABLE (entry), "THE PLANT KEPT RELEASING SOLVENT AFTER THE FIRST WARNING");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "already track"));
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* With a search on and the tracked claim among the matches. */
  rsh_claim_table_set_search (table, "solvent");
  rsh_test_wait_until (filter_done, table, "the search to run through the claims");
  g_clear_object (&first);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (first == tracked);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "comparison-tracked-search-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "comparison-tracked-search-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  window_close (window);
}

/* A claim matches if each folded word is in its wording, a quote or a speaker's name. */
static gboolean
claim_has_word (RshClaim   *claim,
                const char *word)
{
  g_autofree char *folded_word = rsh_claim_table_fold_text (word);
  g_autofree char *text = rsh_claim_table_fold_text (rsh_claim_get_text (claim));
  GListModel *mentions = rsh_claim_get_mentions (claim);

  if (strstr (text, folded_word) != NULL)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      const char *fields[] = { rsh_mention_get_quote (mention), rsh_mention_get_speaker (mention),
                               rsh_mention_get_written_speaker (mention) };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          g_autofree char *folded = fields[j] != NULL ? rsh_claim_table_fold_text (fields[j]) : NULL;

          if (folded != NULL && strstr (folded, folded_word) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_search (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  GListModel *rows = rsh_claim_table_get_model (table);
  GListModel *claims = rsh_comparison_get_claims (rsh_claim_table_get_comparison (table));
  guint n_total = g_list_model_get_n_items (claims);
  g_autofree char *expected = NULL;
  g_autofree char *word = NULL;
  g_autofree char *shouted = NULL;
  g_autofree char *query = NULL;
  g_autoptr(RshMention) mention = NULL;
  GtkWidget *focus;
  guint n_expected = 0;

  /* The folding the search relies on. */
  {
    g_autofree char *folded = rsh_claim_table_fold_text ("Peña’s CAFÉ");

    g_assert_cmpstr (folded, ==, "pena's cafe");
  }

  /* Ctrl+F shows the search over the comparison, with the focus in it. */
  rsh_window_show_view (window, "statements");
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));
  g_assert_true (GTK_IS_SEARCH_ENTRY (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY)) ||
                 GTK_IS_SEARCH_ENTRY (focus));

  /* A speaker's word from a quote, shouted and accented: case and accents don't matter. */
  for (guint i = 0; i < n_total && word == NULL; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint j = 0; j < g_list_model_get_n_items (mentions) && word == NULL; j++)
        {
          g_autoptr(RshMention) candidate = g_list_model_get_item (mentions, j);
          const char *quote = rsh_mention_get_quote (candidate);
          g_auto(GStrv) words = quote != NULL ? g_strsplit (quote, " ", -1) : NULL;

          for (guint k = 0; words != NULL && words[k] != NULL && word == NULL; k++)
            if (strlen (words[k]) >= 7 && strchr (words[k], 'e') != NULL &&
                g_str_is_ascii (words[k]) && g_ascii_isalpha (words[k][0]) &&
                g_ascii_isalpha (words[k][strlen (words[k]) - 1]))
              {
                word = g_strdup (words[k]);
                mention = g_object_ref (candidate);
              }
        }
    }
  g_assert_nonnull (word);
  {
    g_autofree char *upper = g_ascii_strup (word, -1);
    g_auto(GStrv) parts = g_strsplit (upper, "E", 2);

    shouted = g_strjoinv ("É", parts);
  }

  for (guint i = 0; i < n_total; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      n_expected += claim_has_word (claim, word);
    }
  g_assert_cmpuint (n_expected, >, 0);

  rsh_claim_table_set_search (table, shouted);
  rsh_test_wait_until (filter_done, table, "the search to run through the claims");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_expected);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (rows, i);

      g_assert_true (claim_has_word (claim, word));
    }
  expected = g_strdup_printf ("%u of %u claims", n_expected, n_total);
  g_assert_cmpstr (rsh_claim_table_get_count_text (table), ==, expected);
  g_assert_false (rsh_claim_table_get_no_matches (table));

  /* Every word must match: one that is nowhere empties the table, and says so. */
  query = g_strdup_printf ("%s qzxjv", shouted);
  rsh_claim_table_set_search (table, query);
  rsh_test_wait_until (filter_done, table, "the search to run through the claims");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_true (rsh_claim_table_get_no_matches (table));
  g_free (expected);
  expected = g_strdup_printf ("0 of %u claims", n_total);
  g_assert_cmpstr (rsh_claim_table_get_count_text (table), ==, expected);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  /* Clearing brings every claim back. */
  rsh_claim_table_set_search (table, NULL);
  rsh_test_wait_until (filter_done, table, "the search to be cleared");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_total);
  g_assert_false (rsh_claim_table_get_no_matches (table));
  g_assert_null (rsh_claim_table_get_search (table));

  /* Typing in the entry filters too (after the entry's short delay). */
  {
    GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);

    if (entry == NULL)
      entry = focus;
    gtk_editable_set_text (GTK_EDITABLE (entry), word);
    rsh_test_wait_until (filter_done, table, "the typed search");
    while (g_strcmp0 (rsh_claim_table_get_search (table), word) != 0)
      g_main_context_iteration (NULL, TRUE);
    rsh_test_wait_until (filter_done, table, "the typed search");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_expected);

    /* Escape (stop-search) closes the bar and shows every claim again. */
    g_signal_emit_by_name (entry, "stop-search");
    rsh_test_wait_for_frames (GTK_WIDGET (window));
    rsh_test_wait_until (filter_done, table, "the search to be cleared");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_total);
  }

  window_close (window);
}

/* Filters by @query, waits, and checks the rows against what the project's index returns
 * for it: the same claims, and the bar's count. Returns how many matched. */
static guint
search_like_index (RshClaimTable *table,
                   RshProject    *project,
                   const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = rsh_project_search_claims (project, query, &error);
  GListModel *rows = rsh_claim_table_get_model (table);
  guint n_total = g_list_model_get_n_items (rsh_comparison_get_claims (
                                              rsh_claim_table_get_comparison (table)));
  g_autofree char *count = NULL;

  g_assert_no_error (error);
  rsh_claim_table_set_search (table, query);
  g_assert_true (rsh_claim_table_get_filtering (table));
  rsh_test_wait_until (filter_done, table, "the index to answer the search");

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_strv_length (ids));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (rows, i);

      g_assert_true (g_strv_contains ((const char * const *)ids, rsh_claim_get_id (claim)));
    }
  count = g_strdup_printf ("%u of %u claims", g_strv_length (ids), n_total);
  g_assert_cmpstr (rsh_claim_table_get_count_text (table), ==, count);
  g_assert_true (rsh_claim_table_get_no_matches (table) == (ids[0] == NULL));

  return g_strv_length (ids);
}

/* A quote's word of at least seven ASCII letters, and the word after it if it has one. */
static void
pick_quote_words (GListModel  *claims,
                  char       **word,
                  char       **next)
{
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n && *word == NULL; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint j = 0; j < g_list_model_get_n_items (mentions) && *word == NULL; j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, j);
          g_auto(GStrv) words = g_strsplit (rsh_mention_get_quote (mention), " ", -1);

          for (guint k = 0; words[k] != NULL && words[k + 1] != NULL && *word == NULL; k++)
            {
              gboolean letters = strlen (words[k]) >= 7 && strlen (words[k + 1]) >= 3;

              for (guint c = 0; letters && words[k][c] != '\0'; c++)
                letters = g_ascii_isalpha (words[k][c]);
              for (guint c = 0; letters && words[k + 1][c] != '\0'; c++)
                letters = g_ascii_isalpha (words[k + 1][c]);
              if (letters)
                {
                  *word = g_strdup (words[k]);
                  *next = g_strdup (words[k + 1]);
                }
            }
        }
    }
}

static void
failing_search (const char          *text,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             callback_data,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, callback_data);

  g_task_return_new_error (task, RSH_ERROR, RSH_ERROR_STORE_CORRUPT, "The index is gone");
}

static GStrv
failing_search_finish (GAsyncResult  *result,
                       gpointer       user_data,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The search bar asks the project's full-text index: words and word starts, accents
 * ignored, every word required; in a project never saved (the store in memory) and in
 * one saved to a file. */
static void
test_search_index (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  RshProject *project = rsh_window_get_project (window);
  GListModel *claims = rsh_comparison_get_claims (rsh_claim_table_get_comparison (table));
  GListModel *rows = rsh_claim_table_get_model (table);
  guint n_total = g_list_model_get_n_items (claims);
  g_autofree char *word = NULL;
  g_autofree char *next = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *both = NULL;
  g_autofree char *inside = NULL;
  guint n_word, n_start, n_both, n_inside, n_substring = 0;

  g_assert_null (rsh_project_get_path (project));

  /* "rene" finds Renée Castell, whose name the sample story spells with an accent. */
  g_assert_cmpuint (search_like_index (table, project, "rene"), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (rows, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);
      gboolean named = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (mentions) && !named; j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, j);
          const char *actor_id = rsh_mention_get_actor_id (mention);
          RshActor *actor = actor_id != NULL
                            ? rsh_comparison_lookup_actor (rsh_claim_table_get_comparison (table),
                                                           actor_id)
                            : NULL;
          const char *names[] = { rsh_mention_get_speaker (mention),
                                  rsh_mention_get_written_speaker (mention),
                                  rsh_mention_get_quote (mention),
                                  actor != NULL ? rsh_actor_get_name (actor) : NULL };

          for (guint k = 0; k < G_N_ELEMENTS (names) && !named; k++)
            named = names[k] != NULL && g_str_has_prefix (names[k], "Ren") &&
                    strstr (names[k], "Castell") != NULL;
          named = named || strstr (rsh_claim_get_text (claim), "Ren") != NULL;
        }
      g_assert_true (named);
    }

  /* A word, the start of it, and it with the word after it: all of them, as typed. */
  pick_quote_words (claims, &word, &next);
  g_assert_nonnull (word);
  n_word = search_like_index (table, project, word);
  g_assert_cmpuint (n_word, >, 0);
  start = g_strndup (word, 4);
  both = g_strdup_printf ("%s %s", word, next);
  inside = g_strdup (word + 2);
  {
    n_start = search_like_index (table, project, start);
    g_assert_cmpuint (n_start, >=, n_word);
    n_both = search_like_index (table, project, both);
    g_assert_cmpuint (n_both, >, 0);
    g_assert_cmpuint (n_both, <=, n_word);

    /* Words are matched from their start, which the words held in memory don't do: the
     * rows are the index's. */
    for (guint i = 0; i < n_total; i++)
      {
        g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

        n_substring += claim_has_word (claim, inside);
      }
    n_inside = search_like_index (table, project, inside);
    g_assert_cmpuint (n_inside, <, n_substring);

    /* Enter before the index has answered still goes to the first match. */
    {
      GtkWidget *entry = rsh_test_find_widget (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY);
      g_autoptr(RshClaim) first = NULL;
      RshClaim *selected;

      rsh_claim_table_start_search (table);
      gtk_editable_set_text (GTK_EDITABLE (entry), both);
      g_signal_emit_by_name (entry, "activate");
      rsh_test_wait_until (filter_done, table, "the index to answer the search");
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_both);
      first = g_list_model_get_item (rows, 0);
      selected = rsh_claim_table_get_selected_claim (table);
      g_assert_true (selected == first);
    }
  }

  /* Hostile input is only words to the index. */
  search_like_index (table, project, "\"solvent OR* NEAR( -) ^");
  g_assert_cmpuint (search_like_index (table, project, "qzxjv"), ==, 0);
  g_assert_true (rsh_claim_table_get_no_matches (table));

  /* Saved to a file, the project searches the index in the file. */
  tmpdir = rsh_test_make_tmp_dir ("rsh-test-search-index");
  path = g_build_filename (tmpdir, "story.rashomon", NULL);
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_like_index (table, project, word), ==, n_word);

  /* An index that fails leaves the words held in memory to answer. */
  rsh_claim_table_set_search_func (table, failing_search, failing_search_finish, NULL, NULL);
  rsh_claim_table_set_search (table, inside);
  rsh_test_wait_until (filter_done, table, "the search to fall back on memory");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_substring);

  rsh_claim_table_set_search (table, NULL);
  rsh_test_wait_until (filter_done, table, "the search to be cleared");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_total);

  window_close (window);
  rsh_test_remove_tree (tmpdir);
}

/* Every window shortcut is listed in the shortcuts window. */
typedef struct
{
  RshClaimTable *table;
  guint          n_rows;
} RowCount;

static gboolean
rows_counted (gpointer data)
{
  RowCount *count = data;

  return g_list_model_get_n_items (rsh_claim_table_get_model (count->table)) == count->n_rows;
}

static void
wait_for_rows (RshClaimTable *table,
               guint          n_rows)
{
  RowCount count = { table, n_rows };

  rsh_test_wait_until (rows_counted, &count, "the comparison's rows to be counted again");
}

static RshClaim *
find_row_with_text (RshClaimTable *table,
                    const char    *text)
{
  GListModel *rows = rsh_claim_table_get_model (table);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (rows, i);

      if (g_strcmp0 (rsh_claim_get_text (claim), text) == 0)
        return claim;
    }

  return NULL;
}

static void
select_rows (RshClaimTable *table,
             guint          first,
             guint          n)
{
  GListModel *rows = rsh_claim_table_get_model (table);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (claims, g_list_model_get_item (rows, i));
  g_assert_cmpuint (rsh_claim_table_select_claims (table, claims), ==, n);
}

static gboolean
action_enabled (RshClaimTable *table,
                const char    *name)
{
  return g_action_group_get_action_enabled (rsh_claim_table_get_action_group (table), name);
}

static AdwMessageDialog *
wait_for_dialog (RshWindow *window)
{
  rsh_test_wait_until (outlet_dialog_shown, window, "a dialog");

  return find_message_dialog (GTK_WINDOW (window));
}

/* Types @text into the one-line dialog shown and answers @response. */
static void
answer_text_dialog (RshWindow  *window,
                    const char *text,
                    const char *response)
{
  AdwMessageDialog *dialog = wait_for_dialog (window);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_EDITABLE (entry));
  /* Laid out once before its buttons change, as a user would first see it. */
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, response));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_correct_claims (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  RshProject *project = rsh_window_get_project (window);
  GListModel *rows = rsh_claim_table_get_model (table);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *kept_id = NULL;
  g_autofree char *hidden_id = NULL;
  g_autoptr(RshClaim) hidden = NULL;
  RshComparison *comparison;
  RshClaim *reworded;
  GtkWidget *cell;
  guint n = g_list_model_get_n_items (rows);
  guint n_toasts;
  gboolean was_hidden = FALSE;

  g_assert_cmpuint (n, >=, 4);

  /* Nothing to undo yet; one row cannot be merged but with another picked in a list. */
  g_assert_false (rsh_project_get_can_undo (project));
  select_rows (table, 0, 1);
  g_assert_false (action_enabled (table, "merge"));
  g_assert_true (action_enabled (table, "edit-wording"));
  g_assert_true (action_enabled (table, "merge-with"));
  {
    g_autoptr(RshClaim) first = g_list_model_get_item (rows, 0);
    AdwMessageDialog *dialog;
    GtkDropDown *drop_down;
    GListModel *choices;

    gtk_widget_activate_action (GTK_WIDGET (table), "claims.merge-with", NULL);
    dialog = wait_for_dialog (window);
    drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
    choices = gtk_drop_down_get_model (drop_down);
    /* Every claim but the selected one. */
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, n - 1);
    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        g_autoptr(RshClaim) choice = g_list_model_get_item (choices, i);

        g_assert_true (choice != first);
      }
    rsh_test_wait_for_frames (GTK_WIDGET (dialog));
    rsh_test_save_screenshot (GTK_WIDGET (dialog), "merge-with.png");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
    gtk_drop_down_set_selected (drop_down, 0);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
    adw_message_dialog_response (dialog, "apply");
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_for_rows (table, n - 1);
    g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Merge Claims");
    g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
    wait_for_rows (table, n);
    g_assert_false (rsh_project_get_can_undo (project));
  }

  /* Two rows selected (Ctrl-click) merge into one, and a toast offers to undo it. */
  select_rows (table, 0, 2);
  g_assert_true (action_enabled (table, "merge"));
  g_assert_false (action_enabled (table, "split"));
  n_toasts = rsh_window_get_n_toasts (window);
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.merge", NULL);
  wait_for_rows (table, n - 1);
  g_assert_cmpuint (rsh_window_get_n_toasts (window), ==, n_toasts + 1);
  g_assert_cmpstr (rsh_window_get_last_toast (window), ==, "Claims merged");
  g_assert_true (rsh_project_get_can_undo (project));
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Merge Claims");
  g_assert_false (rsh_project_get_can_redo (project));
  rsh_test_save_screenshot (GTK_WIDGET (window), "corrections-toast-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "corrections-toast-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Ctrl+Z takes it back, Ctrl+Shift+Z and Ctrl+Y merge again. */
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_for_rows (table, n);
  g_assert_true (rsh_project_get_can_redo (project));
  g_assert_false (rsh_project_get_can_undo (project));
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z,
                                   GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  wait_for_rows (table, n - 1);
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_for_rows (table, n);
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_y, GDK_CONTROL_MASK));
  wait_for_rows (table, n - 1);
  n = n - 1;

  /* Hide Claim: the row goes; "Show Hidden Claims" lists it again, dimmed, to show it. */
  select_rows (table, 1, 1);
  hidden = g_list_model_get_item (rows, 1);
  hidden_id = g_strdup (rsh_claim_get_id (hidden));
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.hide", NULL);
  wait_for_rows (table, n - 1);
  comparison = rsh_project_get_comparison (project);
  g_assert_nonnull (rsh_comparison_lookup_claim (comparison, hidden_id, &was_hidden));
  g_assert_true (was_hidden);
  g_assert_null (find_row_with_text (table, rsh_claim_get_text (hidden)));
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.show-hidden", NULL);
  g_assert_true (rsh_claim_table_get_show_hidden (table));
  wait_for_rows (table, n);
  g_clear_object (&hidden);
  hidden = g_object_ref (rsh_comparison_lookup_claim (comparison, hidden_id, NULL));
  g_assert_true (rsh_claim_table_select_claim (table, hidden));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  cell = find_claim_cell (GTK_WIDGET (table), hidden);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "hidden-claim"));
  g_assert_true (action_enabled (table, "unhide"));
  g_assert_false (action_enabled (table, "hide"));
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.unhide", NULL);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  comparison = rsh_project_get_comparison (project);
  g_assert_nonnull (rsh_comparison_lookup_claim (comparison, hidden_id, &was_hidden));
  g_assert_false (was_hidden);
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.show-hidden", NULL);
  g_assert_false (rsh_claim_table_get_show_hidden (table));
  wait_for_rows (table, n);
  g_assert_nonnull (find_row_with_text (table, rsh_claim_get_text (hidden)));

  /* Edit Wording: the dialog's text becomes the row's. */
  select_rows (table, 0, 1);
  {
    g_autoptr(RshClaim) first = g_list_model_get_item (rows, 0);

    kept_id = g_strdup (rsh_claim_get_id (first));
  }
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.edit-wording", NULL);
  answer_text_dialog (window, "The plant’s owners knew of the leak for a week", "apply");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  reworded = find_row_with_text (table, "The plant’s owners knew of the leak for a week");
  g_assert_nonnull (reworded);
  g_assert_cmpstr (rsh_claim_get_id (reworded), ==, kept_id);
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Edit Wording");

  window_close (window);
}

/* A stance cell whose source makes one statement of its claim, so the chip is that one's. */
static GtkWidget *
find_single_statement_cell (RshClaimTable *table)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_stance_cells (GTK_WIDGET (table), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      RshClaim *claim = rsh_claim_table_cell_get_claim (cell);
      const char *source_id = rsh_claim_table_cell_get_source_id (cell);
      GListModel *mentions = rsh_claim_get_mentions (claim);
      guint n_from_source = 0;

      if (!gtk_widget_get_mapped (cell) ||
          rsh_claim_get_position (claim, source_id, NULL) == RSH_STANCE_ABSENT)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, j);

          if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) == 0)
            n_from_source++;
        }
      if (n_from_source == 1)
        return cell;
    }

  return NULL;
}

typedef struct
{
  RshClaimTable *table;
  const char    *claim_id;
  const char    *source_id;
  RshStance      stance;
} ChipWait;

static gboolean
chip_shows (gpointer data)
{
  ChipWait *wait = data;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_stance_cells (GTK_WIDGET (wait->table), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      GtkWidget *chip = gtk_widget_get_first_child (cell);

      if (g_strcmp0 (rsh_claim_get_id (rsh_claim_table_cell_get_claim (cell)), wait->claim_id) == 0 &&
          g_strcmp0 (rsh_claim_table_cell_get_source_id (cell), wait->source_id) == 0 &&
          gtk_widget_get_visible (chip))
        return rsh_stance_chip_get_stance (RSH_STANCE_CHIP (chip)) == wait->stance;
    }

  return FALSE;
}

static void
test_correct_stance (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *claim_id = NULL;
  g_autofree char *source_id = NULL;
  GtkWidget *cell;
  GtkWidget *menu;
  RshStance before;
  ChipWait wait;

  cell = find_single_statement_cell (table);
  g_assert_nonnull (cell);
  claim_id = g_strdup (rsh_claim_get_id (rsh_claim_table_cell_get_claim (cell)));
  source_id = g_strdup (rsh_claim_table_cell_get_source_id (cell));
  before = rsh_claim_get_position (rsh_claim_table_cell_get_claim (cell), source_id, NULL);

  /* A right click on the cell: its row is selected, and the menu offers the stances. */
  menu = rsh_claim_table_popup_menu (table, cell);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_true (action_enabled (table, "set-stance"));
  g_assert_cmpstr (rsh_claim_get_id (rsh_claim_table_get_selected_claim (table)), ==, claim_id);
  rsh_test_save_screenshot (menu, "corrections-menu-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (menu, "corrections-menu-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Change Stance: the chip follows. */
  wait = (ChipWait) { table, claim_id, source_id,
                      before == RSH_STANCE_DENIES ? RSH_STANCE_CONFIRMS : RSH_STANCE_DENIES };
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.set-stance", "s",
                              rsh_stance_to_string (wait.stance));
  gtk_popover_popdown (GTK_POPOVER (menu));
  rsh_test_wait_until (chip_shows, &wait, "the chip to show the new stance");
  g_assert_cmpstr (rsh_project_get_undo_label (rsh_window_get_project (window)), ==,
                   "Undo Change Stance");

  /* Undone, the chip shows what the analysis found. */
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait.stance = before;
  rsh_test_wait_until (chip_shows, &wait, "the chip to show the stance found");

  /* From the keyboard (Shift+F10 on the row): a submenu per source changes the same cell. */
  g_assert_true (rsh_claim_table_select_claim (table, rsh_comparison_lookup_claim (rsh_claim_table_get_comparison (table), claim_id, NULL)));
  g_assert_true (activate_binding (GTK_WIDGET (table), GDK_KEY_F10, GDK_SHIFT_MASK));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_true (action_enabled (table, "set-source-stance"));
  g_assert_false (action_enabled (table, "set-stance"));
  wait.stance = before == RSH_STANCE_DISPUTES ? RSH_STANCE_REPORTS : RSH_STANCE_DISPUTES;
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.set-source-stance", "(ss)", source_id,
                              rsh_stance_to_string (wait.stance));
  gtk_popover_popdown (GTK_POPOVER (menu));
  rsh_test_wait_until (chip_shows, &wait, "the chip to show the stance chosen by keyboard");

  window_close (window);
}

static gboolean
reader_names_actor (gpointer data)
{
  GListModel *actors = rsh_reader_view_get_actors (data);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, i);

      if (g_strcmp0 (rsh_actor_get_name (actor), "Wilhelmina Testperson") == 0)
        return TRUE;
    }

  return FALSE;
}

/* Opens the reader on the source of @mention, at @mention. */
static void
open_reader_at (RshWindow  *window,
                RshMention *mention)
{
  GListModel *sources = rsh_project_get_sources (rsh_window_get_project (window));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_source_get_id (source), rsh_mention_get_source_id (mention)) == 0)
        rsh_window_open_reader (window, source, mention);
    }
  rsh_test_wait_for_frames (GTK_WIDGET (window));
}

static void
test_correct_speaker (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshProject *project = rsh_window_get_project (window);
  RshReaderView *reader = RSH_READER_VIEW (rsh_window_get_reader_view (window));
  g_autoptr(RshActor) actor = NULL;
  g_autofree char *actor_id = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(RshMention) speaking = NULL;
  RshComparison *comparison;
  RshClaimTable *table;
  GListModel *mentions;
  guint n_spoken = 0;

  /* The source of the first statement with a known speaker, read once. */
  mentions = rsh_comparison_get_mentions (rsh_project_get_comparison (project));
  for (guint i = 0; i < g_list_model_get_n_items (mentions) && speaking == NULL; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (rsh_mention_get_actor_id (mention) != NULL)
        speaking = g_steal_pointer (&mention);
    }
  g_assert_nonnull (speaking);
  open_reader_at (window, speaking);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_reader_view_get_actors (reader)), >, 0);
  actor = g_object_ref (rsh_comparison_lookup_actor (rsh_project_get_comparison (project),
                                                     rsh_mention_get_actor_id (speaking)));
  actor_id = g_strdup (rsh_actor_get_id (actor));

  /* Rename… on the chosen speaker. */
  rsh_reader_view_select_actor (reader, actor_id);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.rename-actor", NULL);
  answer_text_dialog (window, "Wilhelmina Testperson", "apply");
  rsh_test_wait_until (reader_names_actor, reader, "the reader to list the new name");
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Rename Actor");

  /* The table's tooltips name the speaker by the new name. */
  comparison = rsh_project_get_comparison (project);
  g_assert_cmpstr (rsh_actor_get_name (rsh_comparison_lookup_actor (comparison, actor_id)), ==,
                   "Wilhelmina Testperson");
  rsh_window_show_view (window, "comparison");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  g_assert_true (rsh_claim_table_get_comparison (table) == comparison);
  collect_stance_cells (GTK_WIDGET (table), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      RshClaim *claim = rsh_claim_table_cell_get_claim (cell);
      const char *source_id = rsh_claim_table_cell_get_source_id (cell);
      const char *tooltip = gtk_widget_get_tooltip_text (cell);
      GListModel *statements = rsh_claim_get_mentions (claim);
      guint n_from_source = 0, n_by_actor = 0;

      for (guint j = 0; j < g_list_model_get_n_items (statements); j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (statements, j);

          if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) != 0)
            continue;
          n_from_source++;
          if (g_strcmp0 (rsh_mention_get_actor_id (mention), actor_id) == 0 &&
              rsh_mention_get_quote (mention) != NULL)
            n_by_actor++;
        }

      /* Only the actor speaks in that cell: its tooltip must carry the new name. */
      if (n_from_source == 1 && n_by_actor == 1)
        {
          g_assert_nonnull (tooltip);
          g_assert_nonnull (strstr (tooltip, "— Wilhelmina Testperson"));
          n_spoken++;
        }
    }
  g_test_message ("%u cells spoken by the renamed actor", n_spoken);

  /* Ctrl+Z gives the old name back. */
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_assert_false (reader_names_actor (reader));

  window_close (window);
}

/* Split Claim… moves the ticked statements of a claim to a new row, as long as one stays;
 * Ctrl+Z undoes it. */
static void
test_split_claim (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshProject *project = rsh_window_get_project (window);
  RshClaimTable *table = RSH_CLAIM_TABLE (rsh_window_get_claim_table (window));
  GListModel *rows = rsh_claim_table_get_model (table);
  g_autoptr(RshClaim) first = NULL;
  g_auto(GStrv) ticked = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *checklist;
  GtkWidget *list;
  guint n = g_list_model_get_n_items (rows);
  guint n_rows = 0;

  /* The table opens sorted by how many sources speak: the first row has several statements. */
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_claim_get_mentions (first)), >=, 2);
  select_rows (table, 0, 1);
  g_assert_true (action_enabled (table, "split"));
  gtk_widget_activate_action (GTK_WIDGET (table), "claims.split", NULL);

  dialog = wait_for_dialog (window);
  checklist = adw_message_dialog_get_extra_child (dialog);
  list = g_object_get_data (G_OBJECT (checklist), "rsh-statement-list");
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (list),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (rsh_claim_get_mentions (first)));
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "split-claim.png");

  /* Nothing ticked, or everything: nothing to split. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))),
                                 TRUE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_first_child (list)))),
                               FALSE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  ticked = rsh_statement_checklist_dup_ticked (checklist, NULL);
  g_assert_cmpuint (g_strv_length (ticked), ==, n_rows - 1);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  wait_for_rows (table, n + 1);
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Split Claim");
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_for_rows (table, n);

  window_close (window);
}

/* Split Speaker… moves the ticked statements of a speaker to a new one; Ctrl+Z undoes it;
 * Merge With… joins another speaker to it. */
static void
test_split_speaker (void)
{
  RshWindow *window = window_on_sample_story (NULL);
  RshProject *project = rsh_window_get_project (window);
  RshReaderView *reader = RSH_READER_VIEW (rsh_window_get_reader_view (window));
  GListModel *mentions = rsh_comparison_get_mentions (rsh_project_get_comparison (project));
  g_autoptr(GHashTable) spoken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RshMention) speaking = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *moved_id = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *list;
  GtkWidget *first_check;
  guint n_rows = 0;
  RshMention *moved;

  /* A speaker with two statements or more. */
  for (guint i = 0; i < g_list_model_get_n_items (mentions) && speaking == NULL; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      const char *id = rsh_mention_get_actor_id (mention);
      guint n;

      if (id == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (spoken, id)) + 1;
      g_hash_table_insert (spoken, g_strdup (id), GUINT_TO_POINTER (n));
      if (n == 2)
        speaking = g_steal_pointer (&mention);
    }
  g_assert_nonnull (speaking);
  actor_id = g_strdup (rsh_mention_get_actor_id (speaking));
  open_reader_at (window, speaking);
  rsh_reader_view_select_actor (reader, actor_id);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.split-actor", NULL);

  dialog = wait_for_dialog (window);
  box = adw_message_dialog_get_extra_child (dialog);
  entry = gtk_widget_get_first_child (box);
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_widget_get_next_sibling (entry)));
  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 2);
  rsh_test_wait_for_frames (GTK_WIDGET (dialog));
  rsh_test_save_screenshot (GTK_WIDGET (dialog), "split-speaker.png");

  /* Nothing ticked, or no name: nothing to split. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Second Testperson");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  first_check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_first_child (list)));
  moved_id = g_strdup (g_object_get_data (G_OBJECT (first_check), "rsh-mention-id"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first_check), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  rsh_test_wait_until (window_settled, window, "the split to be applied");
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Split Actor");
  moved = rsh_comparison_lookup_mention (rsh_project_get_comparison (project), moved_id);
  g_assert_nonnull (moved);
  g_assert_cmpstr (rsh_actor_get_name (rsh_comparison_lookup_actor (rsh_project_get_comparison (project),
                                                                    rsh_mention_get_actor_id (moved))),
                   ==, "Second Testperson");

  /* Ctrl+Z gives the statement back to its speaker. */
  g_assert_true (activate_binding (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  rsh_test_wait_until (window_settled, window, "the split to be undone");
  moved = rsh_comparison_lookup_mention (rsh_project_get_comparison (project), moved_id);
  g_assert_nonnull (moved);
  g_assert_cmpstr (rsh_mention_get_actor_id (moved), ==, actor_id);

  /* Merge With…: nothing is picked at first; the speaker picked joins this one. */
  rsh_reader_view_select_actor (reader, actor_id);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.merge-actor", NULL);
  dialog = wait_for_dialog (window);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), 0);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rsh_test_wait_until (window_settled, window, "the merge to be applied");
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Merge Actors");

  window_close (window);
}

static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/rashomon/Rashomon/gtk/help-overlay.ui");
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL)
          g_ptr_array_add (accels, accelerator);
      }
  g_slist_free (objects);

  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Ctrl>t", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Ctrl>f", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "<Ctrl>z", g_str_equal, NULL));
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

  rsh_test_gui_init (&argc, &argv);
  adw_init ();

  /* Screenshots and assertions want the settled state, not a crossfade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A registered application loads style.css, the icons and the shortcuts window. */
  app = rsh_test_application_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/gui/window/smoke", test_smoke);
  g_test_add_func ("/gui/window/empty", test_empty);
  g_test_add_func ("/gui/window/size-saved", test_window_size_saved);
  g_test_add_func ("/gui/window/sample-story", test_sample_story);
  g_test_add_func ("/gui/window/drop", test_drop);
  g_test_add_func ("/gui/window/no-statements", test_no_statements);
  g_test_add_func ("/gui/window/cancel", test_cancel);
  g_test_add_func ("/gui/window/open-project", test_open_project);
  g_test_add_func ("/gui/window/open-not-a-project", test_open_not_a_project);
  g_test_add_func ("/gui/window/drop-links", test_drop_links);
  g_test_add_func ("/gui/window/paste", test_paste);
  g_test_add_func ("/gui/window/export", test_export);
  g_test_add_func ("/gui/window/reader", test_reader);
  g_test_add_func ("/gui/window/comparison-table", test_comparison_table);
  g_test_add_func ("/gui/window/edit-details", test_edit_details);
  g_test_add_func ("/gui/window/timeline-table", test_timeline_table);
  g_test_add_func ("/gui/window/timeline-toolbar", test_timeline_toolbar);
  g_test_add_func ("/gui/window/split-claim", test_split_claim);
  g_test_add_func ("/gui/window/track-claim", test_track_claim);
  g_test_add_func ("/gui/window/search", test_search);
  g_test_add_func ("/gui/window/search-index", test_search_index);
  g_test_add_func ("/gui/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/gui/window/correct-claims", test_correct_claims);
  g_test_add_func ("/gui/window/correct-stance", test_correct_stance);
  g_test_add_func ("/gui/window/correct-speaker", test_correct_speaker);
  g_test_add_func ("/gui/window/split-speaker", test_split_speaker);

  ret = g_test_run ();

  g_clear_object (&app);

  recent = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_unlink (recent);
  g_rmdir (data_home);

  return ret;
}
