/* rsh-window.c: a project in a window: its sources and the statements found in them
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-gui-compat.h"
#include "rsh-source-row.h"
#include "rsh-stance-chip.h"
#include "rsh-window-private.h"

#define PROJECT_SUFFIX ".rashomon"
#define PROJECT_MIME_TYPE "application/x-rashomon-project"
#define ANALYZE_DELAY_MS 250
#define MAX_RECENT 8

struct _RshWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkSpinner           *busy_spinner;
  GtkProgressBar       *progress_bar;
  GtkStack             *main_stack;
  GtkStack             *claims_stack;
  GtkSpinner           *working_spinner;
  GtkLabel             *sources_heading;
  GtkListView          *sources_view;
  GtkNoSelection       *sources_selection;
  GtkColumnView        *claims_view;
  GtkSortListModel     *claims_sort;
  GMenu                *recent_section;

  /* owned */
  RshProject           *project;
  RshComparison        *comparison;
  GSignalGroup         *project_signals;
  GSignalGroup         *sources_signals;
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *last_toast;
  guint                 n_toasts;
  guint                 analyze_source;
  guint                 n_pending_adds;
  guint                 analyzing : 1;
  guint                 analyze_again : 1;
};

G_DEFINE_FINAL_TYPE (RshWindow, rsh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_analyze (RshWindow *self);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, PROJECT_SUFFIX);
}

static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  if (path == NULL)
    return NULL;

  if (home_len > 1 && g_str_has_prefix (path, home) && path[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + home_len, NULL);

  return g_filename_display_name (path);
}

static guint
count_sources_in_state (RshWindow      *self,
                        RshSourceState  state)
{
  GListModel *sources;
  guint n, count = 0;

  if (self->project == NULL)
    return 0;

  sources = rsh_project_get_sources (self->project);
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (rsh_source_get_state (source) == state)
        count++;
    }

  return count;
}

static guint
count_sources (RshWindow *self)
{
  if (self->project == NULL)
    return 0;

  return g_list_model_get_n_items (rsh_project_get_sources (self->project));
}

static void
remember_folder (RshWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *path = NULL;

  if (self->settings == NULL || file == NULL)
    return;

  parent = g_file_get_parent (file);
  if (parent != NULL)
    path = g_file_get_path (parent);
  if (path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
}

static GFile *
dup_last_folder (RshWindow *self)
{
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-folder");
  if (path == NULL || path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;

  return g_file_new_for_path (path);
}

static void
add_to_recent (RshWindow  *self,
               const char *path)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };
  char *groups[] = { (char *)"rashomon", NULL };

  if (path == NULL)
    return;

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;

  data.mime_type = (char *)PROJECT_MIME_TYPE;
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"rashomon %u";
  data.groups = groups;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
rebuild_recent_menu (RshWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  g_autoptr(GMenu) submenu = g_menu_new ();
  GList *items;

  g_assert (RSH_IS_WINDOW (self));

  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (uri != NULL && g_str_has_suffix (uri, PROJECT_SUFFIX) &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent_newest_first);

  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* A mnemonic-free label: project names may hold underscores. */
      label = g_strdup (gtk_recent_info_get_display_name (info));
      item = g_menu_item_new (NULL, NULL);
      g_menu_item_set_label (item, label);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (submenu, item);
    }

  g_menu_remove_all (self->recent_section);
  if (g_menu_model_get_n_items (G_MENU_MODEL (submenu)) > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static void
show_toast (RshWindow  *self,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  g_assert (RSH_IS_WINDOW (self));

  /* AdwToast titles are markup on libadwaita 1.2: file names may hold "&" or "<". */
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  self->n_toasts++;
}

static gboolean
is_working (RshWindow *self)
{
  return self->n_pending_adds > 0 ||
         self->analyzing ||
         self->analyze_source != 0 ||
         (self->project != NULL && rsh_project_get_busy (self->project));
}

static void
update_title (RshWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *path = NULL;

  g_assert (RSH_IS_WINDOW (self));

  if (self->project != NULL)
    {
      title = rsh_project_dup_title (self->project);
      path = rsh_project_get_path (self->project);
    }

  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("New Project"));
    }

  subtitle = dup_display_path (path);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_view (RshWindow *self)
{
  GListModel *mentions = self->comparison != NULL ? rsh_comparison_get_mentions (self->comparison)
                                                  : NULL;
  guint n_sources = count_sources (self);
  guint n_mentions = mentions != NULL ? g_list_model_get_n_items (mentions) : 0;
  gboolean working = is_working (self);
  g_autofree char *heading = NULL;

  g_assert (RSH_IS_WINDOW (self));

  /* Files being added count as sources: the engine may list them only once read. */
  gtk_stack_set_visible_child_name (self->main_stack,
                                    n_sources > 0 || self->n_pending_adds > 0 ? "sources"
                                                                              : "empty");

  if (n_mentions > 0)
    gtk_stack_set_visible_child_name (self->claims_stack, "claims");
  else if (working || count_sources_in_state (self, RSH_SOURCE_STATE_LOADING) > 0)
    gtk_stack_set_visible_child_name (self->claims_stack, "working");
  else
    gtk_stack_set_visible_child_name (self->claims_stack, "none");

  gtk_spinner_set_spinning (self->working_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->claims_stack),
                                       "working") == 0);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Source", "%u Sources", n_sources),
                             n_sources);
  gtk_label_set_label (self->sources_heading, heading);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), working);
  gtk_spinner_set_spinning (self->busy_spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", working);
}

static void
update_progress (RshWindow *self)
{
  gboolean busy = self->project != NULL && rsh_project_get_busy (self->project);
  double fraction = self->project != NULL ? rsh_project_get_fraction (self->project) : 0.0;

  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
set_comparison (RshWindow     *self,
                RshComparison *comparison)
{
  g_assert (RSH_IS_WINDOW (self));

  if (g_set_object (&self->comparison, comparison))
    gtk_sort_list_model_set_model (self->claims_sort,
                                   comparison != NULL ? rsh_comparison_get_mentions (comparison)
                                                      : NULL);
  update_view (self);
}

static void
analyze_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  RshProject *project = RSH_PROJECT (object);
  gboolean again;

  g_assert (RSH_IS_WINDOW (self));

  rsh_project_analyze_finish (project, result, &error);

  if (project != self->project)
    return;

  self->analyzing = FALSE;
  again = self->analyze_again;
  self->analyze_again = FALSE;

  if (error != NULL && !is_cancelled (error))
    {
      g_autofree char *title = g_strdup_printf (_("Analysis failed: %s"), error->message);

      show_toast (self, title);
    }

  set_comparison (self, rsh_project_get_comparison (project));

  if (again && error == NULL)
    schedule_analyze (self);
}

static gboolean
analyze_timeout_cb (gpointer user_data)
{
  RshWindow *self = user_data;

  g_assert (RSH_IS_WINDOW (self));

  self->analyze_source = 0;

  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  /* Sources still being read: the last one to finish schedules the analysis. */
  if (self->n_pending_adds > 0)
    {
      self->analyze_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (self->analyzing)
    {
      self->analyze_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->analyzing = TRUE;
  rsh_project_analyze_async (self->project, self->cancellable, analyze_cb, g_object_ref (self));
  update_view (self);

  return G_SOURCE_REMOVE;
}

/* Debounced: a drop of ten files analyses once, after the last one is read. */
static void
schedule_analyze (RshWindow *self)
{
  g_assert (RSH_IS_WINDOW (self));

  g_clear_handle_id (&self->analyze_source, g_source_remove);
  self->analyze_source = g_timeout_add (ANALYZE_DELAY_MS, analyze_timeout_cb, self);
  update_view (self);
}

static void
add_file_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;
  RshProject *project = RSH_PROJECT (object);

  g_assert (RSH_IS_WINDOW (self));

  source = rsh_project_add_file_finish (project, result, &error);

  if (project != self->project)
    return;

  g_assert (self->n_pending_adds > 0);
  self->n_pending_adds--;

  if (error != NULL && !is_cancelled (error))
    show_toast (self, error->message);

  if (self->n_pending_adds == 0 && !g_cancellable_is_cancelled (self->cancellable))
    schedule_analyze (self);
  else
    update_view (self);
}

static void
project_notify_cb (RshWindow  *self,
                   GParamSpec *pspec,
                   RshProject *project)
{
  g_assert (RSH_IS_WINDOW (self));

  if (g_strcmp0 (pspec->name, "title") == 0 || g_strcmp0 (pspec->name, "path") == 0)
    update_title (self);
  else if (g_strcmp0 (pspec->name, "busy") == 0 || g_strcmp0 (pspec->name, "fraction") == 0)
    {
      update_progress (self);
      update_view (self);
    }
  else if (g_strcmp0 (pspec->name, "comparison") == 0)
    set_comparison (self, rsh_project_get_comparison (project));
}

static void
sources_items_changed_cb (RshWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  g_assert (RSH_IS_WINDOW (self));

  update_view (self);
}

static void
source_row_remove_requested_cb (RshSourceRow *row,
                                RshSource    *source,
                                gpointer      user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  RshWindow *self;

  g_assert (RSH_IS_SOURCE_ROW (row));
  g_assert (RSH_IS_SOURCE (source));

  if (!RSH_IS_WINDOW (root))
    return;

  self = RSH_WINDOW (root);
  if (self->project == NULL)
    return;

  if (!rsh_project_remove_source (self->project, source, &error))
    {
      show_toast (self, error->message);
      return;
    }

  schedule_analyze (self);
}

static char *
speaker_text (gpointer    unused,
              const char *speaker,
              const char *outlet)
{
  if (speaker != NULL && speaker[0] != '\0')
    return g_strdup (speaker);

  /* No speaker: the outlet says it in its own voice. */
  if (outlet != NULL && outlet[0] != '\0')
    return g_strdup (outlet);

  return g_strdup (_("Unattributed"));
}

/* Names the source of a mention whose outlet is unknown by the source's title. The cell's
 * root is the window: a list item has no other way back to the project. */
static char *
source_text (gpointer    unused,
             const char *outlet,
             const char *source_id,
             GtkRoot    *root)
{
  RshWindow *self;
  GListModel *sources;
  guint n;

  if (outlet != NULL && outlet[0] != '\0')
    return g_strdup (outlet);

  if (source_id == NULL || !RSH_IS_WINDOW (root))
    return NULL;

  self = RSH_WINDOW (root);
  if (self->project == NULL)
    return NULL;

  sources = rsh_project_get_sources (self->project);
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_source_get_id (source), source_id) == 0)
        return rsh_source_get_title (source) != NULL ? g_strdup (rsh_source_get_title (source))
                                                    : NULL;
    }

  return NULL;
}

static int
stance_rank (gpointer  unused,
             RshStance stance,
             gboolean  hedged)
{
  return (int)stance * 2 + (hedged ? 1 : 0);
}

static void
open_project_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(RshProject) project = NULL;
  g_autoptr(GError) error = NULL;
  RshWindow *target = self;

  g_assert (RSH_IS_WINDOW (self));

  project = rsh_project_open_finish (result, &error);

  /* The window was closed meanwhile. */
  if (self->project == NULL)
    return;

  if (error != NULL)
    {
      if (!is_cancelled (error))
        rsh_gui_show_error (GTK_WINDOW (self), _("Could Not Open Project"), error->message);
      return;
    }

  add_to_recent (self, rsh_project_get_path (project));

  /* Keep what the user is working on: a busy window opens the project in a new one. */
  if (!rsh_window_is_pristine (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      target = g_object_new (RSH_TYPE_WINDOW, "application", app, NULL);
    }

  rsh_window_set_project (target, project);
  gtk_window_present (GTK_WINDOW (target));
}

static void
sources_chosen_cb (GPtrArray *files,
                   gpointer   user_data)
{
  RshWindow *self = user_data;

  g_assert (RSH_IS_WINDOW (self));

  if (files == NULL || files->len == 0 || self->project == NULL)
    return;

  remember_folder (self, g_ptr_array_index (files, 0));
  rsh_window_add_files (self, (GFile **)files->pdata, files->len);
}

static void
project_chosen_cb (GPtrArray *files,
                   gpointer   user_data)
{
  RshWindow *self = user_data;

  g_assert (RSH_IS_WINDOW (self));

  if (files == NULL || files->len == 0 || self->project == NULL)
    return;

  remember_folder (self, g_ptr_array_index (files, 0));
  rsh_window_open_project_file (self, g_ptr_array_index (files, 0));
}

static void
save_chosen_cb (GPtrArray *files,
                gpointer   user_data)
{
  RshWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GFile *file;

  g_assert (RSH_IS_WINDOW (self));

  if (files == NULL || files->len == 0 || self->project == NULL)
    return;

  file = g_ptr_array_index (files, 0);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      rsh_gui_show_error (GTK_WINDOW (self), _("Could Not Save Project"),
                          _("Projects can only be saved to a local folder."));
      return;
    }

  if (!g_str_has_suffix (path, PROJECT_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, PROJECT_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  remember_folder (self, file);

  if (!rsh_project_save_as (self->project, path, &error))
    {
      rsh_gui_show_error (GTK_WINDOW (self), _("Could Not Save Project"), error->message);
      return;
    }

  add_to_recent (self, path);
  update_title (self);
  show_toast (self, _("Project saved"));
}

static GListModel *
project_filters_new (void)
{
  const char *mime_types[] = { PROJECT_MIME_TYPE, NULL };
  const char *patterns[] = { "*" PROJECT_SUFFIX, NULL };
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = NULL;

  filter = rsh_gui_file_filter_new (_("Rashomon Projects"), mime_types, patterns);
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

static void
add_sources_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rsh_window_choose_sources (RSH_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  g_autoptr(GListModel) filters = project_filters_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  if (rsh_project_get_path (self->project) != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (rsh_project_get_path (self->project));

      folder = g_file_get_parent (current);
      name = g_file_get_basename (current);
    }
  else
    {
      folder = dup_last_folder (self);
      title = rsh_project_dup_title (self->project);
      /* Translators: the default file name of a new project, without suffix */
      name = g_strconcat (title != NULL && title[0] != '\0' ? title : _("Untitled Project"),
                          PROJECT_SUFFIX, NULL);
      g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
    }

  rsh_gui_choose_save_file (GTK_WINDOW (self), _("Save Project As"), filters, folder, name,
                            save_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  rsh_window_open_project_file (self, file);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_handle_id (&self->analyze_source, g_source_remove);
  self->analyze_again = FALSE;
  update_view (self);
}

static gboolean
drop_cb (RshWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->main_stack), "drop-highlight");

  return rsh_window_handle_drop (self, value);
}

static GdkDragAction
drop_enter_cb (RshWindow     *self,
               double         x,
               double         y,
               GtkDropTarget *target)
{
  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_add_css_class (GTK_WIDGET (self->main_stack), "drop-highlight");

  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (RshWindow     *self,
               GtkDropTarget *target)
{
  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->main_stack), "drop-highlight");
}

static gboolean
rsh_window_close_request (GtkWindow *window)
{
  RshWindow *self = RSH_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rsh_window_parent_class)->close_request (window);
}

static void
rsh_window_constructed (GObject *object)
{
  RshWindow *self = (RshWindow *)object;

  G_OBJECT_CLASS (rsh_window_parent_class)->constructed (object);

  /* The application is set after construction, so the window finds the settings itself. */
  self->settings = rsh_application_dup_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (self->project == NULL)
    {
      g_autoptr(RshProject) project = rsh_project_new ();

      rsh_window_set_project (self, project);
    }
}

static void
rsh_window_dispose (GObject *object)
{
  RshWindow *self = (RshWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->analyze_source, g_source_remove);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->sources_signals != NULL)
    g_signal_group_set_target (self->sources_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RSH_TYPE_WINDOW);

  g_clear_object (&self->project_signals);
  g_clear_object (&self->sources_signals);
  g_clear_object (&self->comparison);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rsh_window_parent_class)->dispose (object);
}

static void
rsh_window_finalize (GObject *object)
{
  RshWindow *self = (RshWindow *)object;

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (rsh_window_parent_class)->finalize (object);
}

static void
rsh_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RshWindow *self = RSH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RshWindow *self = RSH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (g_value_get_object (value) != NULL)
        rsh_window_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_window_class_init (RshWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  rsh_application_ensure_resources ();

  object_class->constructed = rsh_window_constructed;
  object_class->dispose = rsh_window_dispose;
  object_class->finalize = rsh_window_finalize;
  object_class->get_property = rsh_window_get_property;
  object_class->set_property = rsh_window_set_property;

  window_class->close_request = rsh_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         RSH_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RSH_TYPE_SOURCE_ROW);
  g_type_ensure (RSH_TYPE_STANCE_CHIP);
  g_type_ensure (RSH_TYPE_MENTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RshWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, claims_stack);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, sources_selection);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, claims_sort);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, source_row_remove_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, speaker_text);
  gtk_widget_class_bind_template_callback (widget_class, stance_rank);
  gtk_widget_class_bind_template_callback (widget_class, source_text);

  gtk_widget_class_install_action (widget_class, "win.add-sources", NULL, add_sources_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);

  /* Keyboard shortcuts, mirrored in ui/gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "win.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
rsh_window_init (RshWindow *self)
{
  GtkDropTarget *target;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->project_signals = g_signal_group_new (RSH_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "notify",
                                 G_CALLBACK (project_notify_cb), self, G_CONNECT_SWAPPED);

  self->sources_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->sources_signals, "items-changed",
                                 G_CALLBACK (sources_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_sort_list_model_set_sorter (self->claims_sort, gtk_column_view_get_sorter (self->claims_view));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  update_title (self);
  update_progress (self);
  update_view (self);
}

/**
 * rsh_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a window on a new, empty project
 */
RshWindow *
rsh_window_new (RshApplication *application)
{
  g_return_val_if_fail (RSH_IS_APPLICATION (application), NULL);

  return g_object_new (RSH_TYPE_WINDOW, "application", application, NULL);
}

/**
 * rsh_window_get_project:
 * @self: a #RshWindow
 *
 * Returns: (transfer none): the project shown
 */
RshProject *
rsh_window_get_project (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * rsh_window_set_project:
 * @self: a #RshWindow
 * @project: the project to show
 *
 * Shows @project, stopping whatever the window was doing for the previous one.
 */
void
rsh_window_set_project (RshWindow  *self,
                        RshProject *project)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (RSH_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* Work in flight belongs to the old project. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->analyze_source, g_source_remove);
  self->n_pending_adds = 0;
  self->analyzing = FALSE;
  self->analyze_again = FALSE;

  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->sources_signals, rsh_project_get_sources (project));
  gtk_no_selection_set_model (self->sources_selection, rsh_project_get_sources (project));

  set_comparison (self, rsh_project_get_comparison (project));
  update_title (self);
  update_progress (self);

  /* A project saved before its analysis, or by an older version, gets one now. */
  if (self->comparison == NULL && count_sources (self) > 0)
    schedule_analyze (self);

  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * rsh_window_is_pristine:
 * @self: a #RshWindow
 *
 * Returns: %TRUE if the window shows an empty project that was never saved, so opening
 *   a project can reuse it
 */
gboolean
rsh_window_is_pristine (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);

  return self->project == NULL ||
         (count_sources (self) == 0 && rsh_project_get_path (self->project) == NULL &&
          self->n_pending_adds == 0);
}

/**
 * rsh_window_add_files:
 * @self: a #RshWindow
 * @files: (array length=n_files): articles to add, or project files to open
 * @n_files: the length of @files
 *
 * Adds each file as a source of the project, in the background. A file that cannot be
 * read stays in the sidebar with its reason and a toast says what happened; the others
 * are added anyway. Project files (`*.rashomon`) are opened instead.
 */
void
rsh_window_add_files (RshWindow  *self,
                      GFile     **files,
                      guint       n_files)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      g_return_if_fail (G_IS_FILE (files[i]));

      if (is_project_file (files[i]))
        {
          rsh_window_open_project_file (self, files[i]);
          continue;
        }

      self->n_pending_adds++;
      rsh_project_add_file_async (self->project, files[i], self->cancellable,
                                  add_file_cb, g_object_ref (self));
    }

  update_view (self);
}

/**
 * rsh_window_open_project_file:
 * @self: a #RshWindow
 * @file: a `.rashomon` project file
 *
 * Opens @file in the background: in this window if it shows nothing yet, else in a new
 * one. A file that is no project, or one from a newer Rashomon, is reported in a dialog
 * and the current project stays as it is.
 */
void
rsh_window_open_project_file (RshWindow *self,
                              GFile     *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (_("“%s” is not a local file. Copy it to a "
                                                 "folder on this computer, then open it."),
                                               name);

      rsh_gui_show_error (GTK_WINDOW (self), _("Could Not Open Project"), body);
      return;
    }

  rsh_project_open_async (path, self->cancellable, open_project_cb, g_object_ref (self));
}

/**
 * rsh_window_choose_sources:
 * @self: a #RshWindow
 *
 * Asks the user for articles to add.
 */
void
rsh_window_choose_sources (RshWindow *self)
{
  const char *html_types[] = { "text/html", "application/xhtml+xml", NULL };
  const char *html_patterns[] = { "*.html", "*.htm", "*.xhtml", NULL };
  const char *text_types[] = { "text/plain", NULL };
  const char *text_patterns[] = { "*.txt", NULL };
  const char *all_patterns[] = { "*", NULL };
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) articles = NULL;
  g_autoptr(GtkFileFilter) html = NULL;
  g_autoptr(GtkFileFilter) text = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (RSH_IS_WINDOW (self));

  articles = rsh_gui_file_filter_new (_("Articles"), NULL, NULL);
  for (guint i = 0; html_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (articles, html_types[i]);
  gtk_file_filter_add_mime_type (articles, "text/plain");
  html = rsh_gui_file_filter_new (_("Web Pages"), html_types, html_patterns);
  text = rsh_gui_file_filter_new (_("Plain Text"), text_types, text_patterns);
  all = rsh_gui_file_filter_new (_("All Files"), NULL, all_patterns);

  g_list_store_append (filters, articles);
  g_list_store_append (filters, html);
  g_list_store_append (filters, text);
  g_list_store_append (filters, all);

  folder = dup_last_folder (self);
  rsh_gui_choose_files (GTK_WINDOW (self), _("Add Sources"), _("_Add"),
                        G_LIST_MODEL (filters), folder, TRUE,
                        sources_chosen_cb, g_object_ref (self), g_object_unref);
}

/**
 * rsh_window_choose_project:
 * @self: a #RshWindow
 *
 * Asks the user for a project file to open.
 */
void
rsh_window_choose_project (RshWindow *self)
{
  g_autoptr(GListModel) filters = project_filters_new ();
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (RSH_IS_WINDOW (self));

  folder = dup_last_folder (self);
  rsh_gui_choose_files (GTK_WINDOW (self), _("Open Project"), _("_Open"), filters, folder,
                        FALSE, project_chosen_cb, g_object_ref (self), g_object_unref);
}

/**
 * rsh_window_show_toast:
 * @self: a #RshWindow
 * @title: plain text, not markup
 *
 * Shows transient news at the bottom of the window.
 */
void
rsh_window_show_toast (RshWindow  *self,
                       const char *title)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  show_toast (self, title);
}

/**
 * rsh_window_handle_drop:
 * @self: a #RshWindow
 * @value: a #GdkFileList, a #GFile, or a string of URIs (text/uri-list)
 *
 * What a drop on the window does; the drop target calls it and so can tests.
 *
 * Returns: %TRUE if @value held files
 */
gboolean
rsh_window_handle_drop (RshWindow    *self,
                        const GValue *value)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, g_object_ref (l->data));
      g_slist_free (list);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      g_ptr_array_add (files, g_value_dup_object (value));
    }
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      g_auto(GStrv) uris = g_uri_list_extract_uris (g_value_get_string (value));

      for (guint i = 0; uris[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_uri (uris[i]));
    }

  if (files->len == 0)
    return FALSE;

  rsh_window_add_files (self, (GFile **)files->pdata, files->len);

  return TRUE;
}

const char *
rsh_window_get_visible_page (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
rsh_window_get_claims_page (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->claims_stack);
}

/**
 * rsh_window_get_claims_model:
 * @self: a #RshWindow
 *
 * Returns: (transfer none): the mentions as listed, in the column view's order
 */
GListModel *
rsh_window_get_claims_model (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->claims_sort);
}

GtkWidget *
rsh_window_get_sources_view (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sources_view);
}

GtkWidget *
rsh_window_get_claims_view (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->claims_view);
}

guint
rsh_window_get_n_toasts (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), 0);

  return self->n_toasts;
}

const char *
rsh_window_get_last_toast (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return self->last_toast;
}

/**
 * rsh_window_get_working:
 * @self: a #RshWindow
 *
 * Returns: %TRUE while sources are read or analysed, or an analysis is scheduled
 */
gboolean
rsh_window_get_working (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);

  return is_working (self);
}
