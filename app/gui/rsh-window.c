/* rsh-window.c: a project in a window: its sources and the statements found in them
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-claim-table.h"
#include "rsh-gui-compat.h"
#include "rsh-reader-view.h"
#include "rsh-source-row.h"
#include "rsh-stance-chip.h"
#include "rsh-text-dialog.h"
#include "rsh-timeline.h"
#include "rsh-timeline-key.h"
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
  GtkButton            *back_button;
  RshReaderView        *reader_view;
  GtkMenuButton        *link_button;
  GtkEntry             *link_entry;
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
  RshTimeline          *timeline;
  GtkColumnView        *timeline_table;
  RshClaimTable        *claim_table;
  AdwViewStack         *views;
  GMenu                *recent_section;
  GMenu                *undo_section;

  /* owned */
  RshProject           *project;
  char                 *pending_tracked;
  RshComparison        *comparison;
  GSignalGroup         *project_signals;
  GSignalGroup         *sources_signals;
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *last_toast;
  guint                 n_toasts;
  guint                 analyze_source;
  guint                 n_pending_adds;
  double                export_fraction;
  guint                 exporting : 1;
  guint                 reading : 1;
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

static gboolean
source_in_project (RshWindow *self,
                   RshSource *source)
{
  GListModel *sources;

  if (self->project == NULL || source == NULL)
    return FALSE;

  sources = rsh_project_get_sources (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) item = g_list_model_get_item (sources, i);

      if (item == source)
        return TRUE;
    }

  return FALSE;
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
         self->exporting ||
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

  /* The source being read went away: back to the list. */
  if (self->reading && !source_in_project (self, rsh_reader_view_get_source (self->reader_view)))
    self->reading = FALSE;

  /* Files being added count as sources: the engine may list them only once read. */
  if (self->reading)
    gtk_stack_set_visible_child_name (self->main_stack, "reader");
  else
    gtk_stack_set_visible_child_name (self->main_stack,
                                      n_sources > 0 || self->n_pending_adds > 0 ? "sources"
                                                                                : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->reading);

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->comparison != NULL && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to",
                                 self->comparison != NULL && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.track-claim", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", n_mentions > 0);
}

static void
update_progress (RshWindow *self)
{
  gboolean busy = self->project != NULL && rsh_project_get_busy (self->project);
  double fraction = self->project != NULL ? rsh_project_get_fraction (self->project) : 0.0;

  g_assert (RSH_IS_WINDOW (self));

  if (self->exporting)
    {
      busy = TRUE;
      fraction = self->export_fraction;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

/* A claim the user just asked to track: once an analysis has positioned every source on
 * it, its row (pinned on top) is selected and brought into view. */
static void
reveal_pending_tracked (RshWindow *self)
{
  GListModel *claims;

  g_assert (RSH_IS_WINDOW (self));

  if (self->pending_tracked == NULL || self->comparison == NULL)
    return;

  claims = rsh_comparison_get_claims (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (rsh_claim_get_user_defined (claim) &&
          g_strcmp0 (rsh_claim_get_text (claim), self->pending_tracked) == 0)
        {
          g_clear_pointer (&self->pending_tracked, g_free);
          if (self->reading)
            rsh_window_show_view (self, "comparison");
          adw_view_stack_set_visible_child_name (self->views, "comparison");
          rsh_claim_table_select_claim (self->claim_table, claim);
          return;
        }
    }
}

static void
set_comparison (RshWindow     *self,
                RshComparison *comparison)
{
  g_assert (RSH_IS_WINDOW (self));

  if (g_set_object (&self->comparison, comparison))
    {
      gtk_sort_list_model_set_model (self->claims_sort,
                                     comparison != NULL ? rsh_comparison_get_mentions (comparison)
                                                        : NULL);
      rsh_timeline_set_comparison (self->timeline, comparison);
      rsh_claim_table_set_comparison (self->claim_table, comparison);
      /* The reader marks what the newest analysis found. */
      if (rsh_reader_view_get_source (self->reader_view) != NULL)
        rsh_reader_view_show (self->reader_view, rsh_reader_view_get_source (self->reader_view),
                              comparison);
    }
  update_view (self);
  reveal_pending_tracked (self);
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

/* One more source has been added, fetched again, or has failed: report a failure, and
 * analyse once the last pending one is in. Results for a project the window no longer
 * shows are dropped. */
static void
finish_pending_add (RshWindow    *self,
                    RshProject   *project,
                    const GError *error)
{
  g_assert (RSH_IS_WINDOW (self));

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

  finish_pending_add (self, project, error);
}

/* "Undo Merge Claims": the menu names what undo and redo would take back or do again. */
static void
update_undo (RshWindow *self)
{
  gboolean can_undo = self->project != NULL && rsh_project_get_can_undo (self->project);
  gboolean can_redo = self->project != NULL && rsh_project_get_can_redo (self->project);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  /* The engine's labels read "Undo Merge Claims"; their first letter is the mnemonic. */
  if (can_undo && rsh_project_get_undo_label (self->project) != NULL)
    undo = g_strconcat ("_", rsh_project_get_undo_label (self->project), NULL);
  if (can_redo && rsh_project_get_redo_label (self->project) != NULL)
    redo = g_strconcat ("_", rsh_project_get_redo_label (self->project), NULL);

  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo != NULL ? undo : _("_Undo"), "win.undo");
  g_menu_append (self->undo_section, redo != NULL ? redo : _("_Redo"), "win.redo");
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
  else if (g_str_has_prefix (pspec->name, "can-") || g_str_has_suffix (pspec->name, "-label"))
    update_undo (self);
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

static void
add_uri_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;
  RshProject *project = RSH_PROJECT (object);

  g_assert (RSH_IS_WINDOW (self));

  source = rsh_project_add_uri_finish (project, result, &error);

  finish_pending_add (self, project, error);
}

static void
reload_source_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  RshProject *project = RSH_PROJECT (object);

  g_assert (RSH_IS_WINDOW (self));

  rsh_project_reload_source_finish (project, result, &error);

  finish_pending_add (self, project, error);
}

static gboolean
has_link_scheme (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "file") == 0);
}

/* The links of a text/uri-list (or of lines that are each one link), or NULL if the text
 * is anything else: prose that merely contains a link is an article of its own. */
static GStrv
parse_link_lines (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
  guint n_links = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* text/uri-list comments */
      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (strpbrk (line, " \t") != NULL || !has_link_scheme (line))
        return NULL;

      g_strv_builder_add (builder, line);
      n_links++;
    }

  if (n_links == 0)
    return NULL;

  return g_strv_builder_end (builder);
}

static void
outlet_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RshWindow        *self)
{
  const char *text = g_object_get_data (G_OBJECT (dialog), "rsh-text");
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (RSH_IS_WINDOW (self));

  if (g_strcmp0 (response, "apply") != 0 || self->project == NULL)
    return;

  source = rsh_project_add_text (self->project, text,
                                 gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  if (source == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  schedule_analyze (self);
}

/* Pasted or dropped prose becomes a source; only the user knows who published it. */
static void
ask_outlet_for_text (RshWindow  *self,
                     const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *preview = NULL;
  g_autofree char *body = NULL;
  glong n_chars = g_utf8_strlen (text, -1);

  g_assert (RSH_IS_WINDOW (self));

  /* The first words on one line: line breaks and runs of spaces folded. */
  {
    g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
    g_autoptr(GString) folded = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_string_append_printf (folded, "%s%s", folded->len > 0 ? " " : "", words[i]);

    n_chars = g_utf8_strlen (folded->str, -1);
    preview = g_utf8_substring (folded->str, 0, MIN (n_chars, 120));
  }
  body = g_strdup_printf (_("“%s%s” becomes a source of its own. Which outlet published it?"),
                          preview, n_chars > 120 ? "…" : "");

  dialog = rsh_text_dialog_new (GTK_WIDGET (self), _("Add Text as a Source"), body,
                                _("Outlet name"), NULL, _("_Add Source"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Outlet, e.g. Harbour Gazette"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-text", g_strdup (text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (outlet_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
clipboard_files_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (value == NULL)
    {
      if (!is_cancelled (error))
        show_toast (self, _("The clipboard could not be read"));
      return;
    }

  rsh_window_handle_drop (self, value);
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RshWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL || g_strstrip (text)[0] == '\0')
    {
      if (error == NULL || !is_cancelled (error))
        show_toast (self, _("Nothing to paste: copy a link or an article’s text first"));
      return;
    }

  rsh_window_handle_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    self->cancellable, clipboard_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, self->cancellable, clipboard_text_cb,
                                   g_object_ref (self));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);

  gtk_menu_button_popup (self->link_button);
}

static void
link_popover_show_cb (RshWindow  *self,
                      GtkPopover *popover)
{
  g_assert (RSH_IS_WINDOW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
}

/* "example.org/story" typed without its scheme is a web page. */
static char *
dup_typed_link (const char *word)
{
  if (has_link_scheme (word))
    return g_strdup (word);

  if (g_uri_peek_scheme (word) == NULL && strchr (word, '.') != NULL && word[0] != '/' &&
      word[0] != '.')
    return g_strconcat ("https://", word, NULL);

  return NULL;
}

static void
link_entry_activate_cb (RshWindow *self,
                        GtkWidget *widget)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) links = NULL;

  g_assert (RSH_IS_WINDOW (self));

  words = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->link_entry)), " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *link = NULL;

      if (words[i][0] == '\0')
        continue;

      link = dup_typed_link (words[i]);
      if (link == NULL)
        {
          g_autofree char *title = g_strdup_printf (_("“%s” is not a web link; links start "
                                                      "with https://"), words[i]);

          show_toast (self, title);
          gtk_widget_add_css_class (GTK_WIDGET (self->link_entry), "error");
          return;
        }
      g_strv_builder_add (builder, link);
    }

  links = g_strv_builder_end (builder);
  if (links[0] == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->link_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), "");
  gtk_popover_popdown (GTK_POPOVER (gtk_menu_button_get_popover (self->link_button)));
  rsh_window_add_uris (self, (const char * const *) links);
}

/* A failed source is tried again; a page read before is fetched anew, its earlier
 * version kept in the project. */
static void
source_row_read_again_cb (RshSourceRow *row,
                          RshSource    *source,
                          gpointer      user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  RshWindow *self;

  g_assert (RSH_IS_SOURCE_ROW (row));
  g_assert (RSH_IS_SOURCE (source));

  if (!RSH_IS_WINDOW (root))
    return;

  self = RSH_WINDOW (root);
  if (self->project == NULL)
    return;

  self->n_pending_adds++;
  rsh_project_reload_source_async (self->project, source, self->cancellable,
                                   reload_source_cb, g_object_ref (self));
  /* A page read before is fetched into a stand-in: the row shows how that goes. */
  rsh_source_row_show_reload (row, rsh_project_get_source_reload (self->project, source));
  update_view (self);
}

typedef struct
{
  RshWindow *window;
  RshSource *source;
  GtkEntry  *title_entry;
  GtkEntry  *outlet_entry;
  GtkEntry  *date_entry;
  GtkLabel  *date_error;
} DetailsRequest;

static void
details_request_free (DetailsRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->source);
  g_free (request);
}

/* Checks the date the way the engine will, on a scratch source, so the message is its own. */
static gboolean
check_published (const char  *published,
                 GError     **error)
{
  g_autoptr(RshSource) scratch = rsh_source_new (NULL);

  return rsh_source_set_published (scratch, published, error);
}

static void
details_date_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  DetailsRequest *request = g_object_get_data (G_OBJECT (dialog), "rsh-details-request");
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gboolean valid = check_published (date, &error);

  gtk_label_set_label (request->date_error, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (request->date_error), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  adw_message_dialog_set_response_enabled (dialog, "apply", valid);
}

static void
details_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            DetailsRequest   *request)
{
  RshWindow *self = request->window;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (RSH_IS_WINDOW (self));

  if (g_strcmp0 (response, "apply") != 0 || self->project == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->title_entry))));
  outlet = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->outlet_entry))));
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->date_entry))));

  /* An emptied title goes back to the page's own. */
  if (!rsh_project_set_source_title (self->project, request->source,
                                     title[0] != '\0' ? title : NULL, &error) ||
      !rsh_project_set_source_outlet (self->project, request->source,
                                      outlet[0] != '\0' ? outlet : NULL, &error) ||
      !rsh_project_set_source_published (self->project, request->source,
                                         date[0] != '\0' ? date : NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }

  schedule_analyze (self);
}

static GtkWidget *
details_entry_new (const char *name,
                   const char *label,
                   const char *placeholder,
                   const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

static GtkWidget *
details_caption_new (const char *text,
                     GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/**
 * rsh_window_edit_source_details:
 * @self: a #RshWindow
 * @source: a source of the window's project
 *
 * Opens the dialog where the user corrects the title, outlet and publication date of @source.
 */
void
rsh_window_edit_source_details (RshWindow *self,
                                RshSource *source)
{
  AdwMessageDialog *dialog;
  DetailsRequest *request;
  GtkWidget *box;
  GtkWidget *title_entry;
  GtkWidget *outlet_entry;
  GtkWidget *date_entry;
  GtkWidget *date_error;
  const char *title;

  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (RSH_IS_SOURCE (source));

  title = rsh_source_get_title (source);
  title_entry = details_entry_new ("title-entry", _("Title"),
                                   _("The article's headline"), title);
  outlet_entry = details_entry_new ("outlet-entry", _("Outlet"),
                                    _("Outlet, e.g. Harbour Gazette"),
                                    rsh_source_get_outlet (source));
  date_entry = details_entry_new ("date-entry", _("Publication date"),
                                  _("YYYY-MM-DD"), rsh_source_get_published (source));
  date_error = gtk_label_new (NULL);
  gtk_widget_set_name (date_error, "date-error");
  gtk_label_set_xalign (GTK_LABEL (date_error), 0);
  gtk_label_set_wrap (GTK_LABEL (date_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (date_error), 36);
  gtk_widget_add_css_class (date_error, "caption");
  gtk_widget_add_css_class (date_error, "error");
  gtk_widget_set_visible (date_error, FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), details_caption_new (_("_Title"), title_entry));
  gtk_box_append (GTK_BOX (box), title_entry);
  gtk_box_append (GTK_BOX (box), details_caption_new (_("_Outlet"), outlet_entry));
  gtk_box_append (GTK_BOX (box), outlet_entry);
  gtk_box_append (GTK_BOX (box), details_caption_new (_("_Publication Date"), date_entry));
  gtk_box_append (GTK_BOX (box), date_entry);
  gtk_box_append (GTK_BOX (box), date_error);
  gtk_widget_set_margin_top (gtk_widget_get_last_child (box), 2);
  gtk_widget_set_margin_top (gtk_widget_get_first_child (box), 6);
  dialog = rsh_question_dialog_new (GTK_WIDGET (self), _("Edit Details"),
                                    title != NULL && title[0] != '\0'
                                    ? title : rsh_source_get_input (source),
                                    box, _("_Save"));

  request = g_new0 (DetailsRequest, 1);
  request->window = g_object_ref (self);
  request->source = g_object_ref (source);
  request->title_entry = GTK_ENTRY (title_entry);
  request->outlet_entry = GTK_ENTRY (outlet_entry);
  request->date_entry = GTK_ENTRY (date_entry);
  request->date_error = GTK_LABEL (date_error);
  g_object_set_data_full (G_OBJECT (dialog), "rsh-details-request", request,
                          (GDestroyNotify) details_request_free);

  g_signal_connect (date_entry, "changed", G_CALLBACK (details_date_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (details_dialog_response_cb), request);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title_entry);
}

/* Tracking a claim: the dialog asks for the wording; rsh_window_track_claim() does the rest. */
typedef struct
{
  RshWindow *window;
  GtkEntry  *entry;
  GtkLabel  *error_label;
} TrackRequest;

static void
track_request_free (TrackRequest *request)
{
  g_clear_object (&request->window);
  g_free (request);
}

/* Two wordings that differ only in case, accents or spacing are the same claim to track. */
static char *
dup_claim_key (const char *text)
{
  g_autofree char *folded = rsh_claim_table_fold_text (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\r\n", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (key, "%s%s", key->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
check_tracked_claim (RshWindow   *self,
                     const char  *text,
                     GError     **error)
{
  g_autofree char *key = dup_claim_key (text);
  const char * const *tracked;

  g_assert (RSH_IS_WINDOW (self));

  if (key[0] == '\0')
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("Type the claim to follow, such as “The harbour master knew of the leak”."));
      return FALSE;
    }

  tracked = self->project != NULL ? rsh_project_get_tracked_claims (self->project) : NULL;
  for (guint i = 0; tracked != NULL && tracked[i] != NULL; i++)
    {
      g_autofree char *other = dup_claim_key (tracked[i]);

      if (g_strcmp0 (key, other) == 0)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("You already track “%s”: it is pinned at the top of the comparison."),
                       tracked[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
track_show_error (TrackRequest *request,
                  const char   *message)
{
  gtk_label_set_label (request->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (request->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (request->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (request->entry), "error");
}

static void
track_entry_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  TrackRequest *request = g_object_get_data (G_OBJECT (dialog), "rsh-track-request");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = dup_claim_key (gtk_editable_get_text (entry));
  gboolean valid = check_tracked_claim (request->window, gtk_editable_get_text (entry), &error);

  /* A duplicate is said at once; an empty entry only when the user tries to confirm it. */
  track_show_error (request, !valid && key[0] != '\0' ? error->message : NULL);
  adw_message_dialog_set_response_enabled (dialog, "apply", valid);
}

/* Enter on a refused wording: the default response is off, so say why here. */
static void
track_entry_activate_cb (GtkEntry         *entry,
                         AdwMessageDialog *dialog)
{
  TrackRequest *request = g_object_get_data (G_OBJECT (dialog), "rsh-track-request");
  g_autoptr(GError) error = NULL;

  if (!check_tracked_claim (request->window, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    track_show_error (request, error->message);
}

static void
track_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          TrackRequest     *request)
{
  RshWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  g_assert (RSH_IS_WINDOW (self));

  if (g_strcmp0 (response, "apply") != 0)
    return;

  if (!rsh_window_track_claim (self, gtk_editable_get_text (GTK_EDITABLE (request->entry)),
                               &error))
    show_toast (self, error->message);
}

static void
track_claim_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  AdwMessageDialog *dialog;
  TrackRequest *request;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *error_label;

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "claim-entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("e.g. The harbour master knew of the leak"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claim to track"), -1);

  error_label = gtk_label_new (NULL);
  gtk_widget_set_name (error_label, "claim-error");
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 36);
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  dialog = rsh_question_dialog_new (GTK_WIDGET (self), _("Track a Claim"),
                                    _("What claim do you want to follow? Every source gets a "
                                      "position on it, with the sentences behind it."),
                                    box, _("_Track"));
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);

  request = g_new0 (TrackRequest, 1);
  request->window = g_object_ref (self);
  request->entry = GTK_ENTRY (entry);
  request->error_label = GTK_LABEL (error_label);
  g_object_set_data_full (G_OBJECT (dialog), "rsh-track-request", request,
                          (GDestroyNotify) track_request_free);

  g_signal_connect (entry, "changed", G_CALLBACK (track_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (track_entry_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (track_dialog_response_cb), request);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Ctrl+F: the search lives on the comparison, so that view comes forward. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);

  rsh_window_show_view (self, "comparison");
  rsh_claim_table_start_search (self->claim_table);
}

/* The search bar asks the project's full-text index, which a project never saved keeps
 * in its in-memory store. */
static void
search_claims (const char          *text,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             callback_data,
               gpointer             user_data)
{
  RshWindow *self = user_data;

  g_assert (RSH_IS_WINDOW (self));

  if (self->project == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, callback_data);

      g_task_return_new_error (task, RSH_ERROR, RSH_ERROR_INVALID, _("No project is open"));
      return;
    }

  rsh_project_search_claims_async (self->project, text, cancellable, callback, callback_data);
}

static GStrv
search_claims_finish (GAsyncResult  *result,
                      gpointer       user_data,
                      GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);

  if (RSH_IS_PROJECT (source))
    return rsh_project_search_claims_finish (RSH_PROJECT (source), result, error);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
source_row_edit_requested_cb (RshSourceRow *row,
                              RshSource    *source,
                              gpointer      user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  g_assert (RSH_IS_SOURCE_ROW (row));
  g_assert (RSH_IS_SOURCE (source));

  if (!RSH_IS_WINDOW (root) || RSH_WINDOW (root)->project == NULL)
    return;

  rsh_window_edit_source_details (RSH_WINDOW (root), source);
}

/* Firefox's text/x-moz-url: UTF-16 lines alternating link and title. */
static void
moz_url_spliced_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkContentDeserializer *deserializer = user_data;
  GOutputStream *out = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *utf8 = NULL;
  g_auto(GStrv) lines = NULL;
  const guint8 *data;
  gsize len;

  if (g_output_stream_splice_finish (out, result, &error) < 0)
    {
      gdk_content_deserializer_return_error (deserializer, g_steal_pointer (&error));
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  data = g_bytes_get_data (bytes, &len);

  if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    utf8 = g_convert ((const char *) data + 2, len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  else if (len >= 2 && data[0] == 0xff && data[1] == 0xfe)
    utf8 = g_convert ((const char *) data + 2, len - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else if (memchr (data, '\0', len) != NULL)
    utf8 = g_convert ((const char *) data, len, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else if (g_utf8_validate ((const char *) data, len, NULL))
    utf8 = g_strndup ((const char *) data, len);

  if (utf8 == NULL)
    {
      gdk_content_deserializer_return_error (deserializer,
                                             g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                                          "Not a text/x-moz-url"));
      return;
    }

  lines = g_strsplit (utf8, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i += 2)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_string_append_printf (links, "%s\r\n", lines[i]);
      if (lines[i + 1] == NULL)
        break;
    }

  g_value_set_string (gdk_content_deserializer_get_value (deserializer), links->str);
  gdk_content_deserializer_return_success (deserializer);
}

static void
deserialize_moz_url (GdkContentDeserializer *deserializer)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_output_stream_splice_async (out, gdk_content_deserializer_get_input_stream (deserializer),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                gdk_content_deserializer_get_priority (deserializer),
                                gdk_content_deserializer_get_cancellable (deserializer),
                                moz_url_spliced_cb, deserializer);
}

/* Export ------------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *label;
  const char *mime_type;
} FormatInfo;

/* Names for the formats this build knows; a format added to the engine later is listed
 * anyway, under its command-line name. */
static const FormatInfo format_infos[] = {
  { "json", N_("JSON (rashomon-comparison)"), "application/json" },
  { "csv", N_("CSV: Claims by Source"), "text/csv" },
  { "xlsx", N_("Excel Workbook (XLSX)"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "ods", N_("OpenDocument Spreadsheet (ODS)"),
    "application/vnd.oasis.opendocument.spreadsheet" },
  { "html", N_("Web Page (HTML)"), "text/html" },
  { "pdf", N_("PDF Report"), "application/pdf" },
  { "md", N_("Markdown"), "text/markdown" },
  { "mentions-csv", N_("CSV: Every Statement"), "text/csv" },
};

static const FormatInfo *
lookup_format_info (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_infos); i++)
    if (g_strcmp0 (format_infos[i].name, name) == 0)
      return &format_infos[i];

  return NULL;
}

static char *
dup_format_label (RshExportFormat format)
{
  const char *name = rsh_export_format_to_string (format);
  const FormatInfo *info = lookup_format_info (name);

  if (info != NULL)
    return g_strdup (_(info->label));

  return g_ascii_strup (name, -1);
}

/* Every format the engine writes, in its own order: the enum is dense from 0. */
static GArray *
list_export_formats (void)
{
  GArray *formats = g_array_new (FALSE, FALSE, sizeof (RshExportFormat));

  for (int value = 0; rsh_export_format_to_string ((RshExportFormat) value) != NULL; value++)
    {
      RshExportFormat format = (RshExportFormat) value;

      g_array_append_val (formats, format);
    }

  return formats;
}

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  RshWindow *self = user_data;

  g_assert (RSH_IS_WINDOW (self));

  /* A report still queued when the window closed. */
  if (self->project == NULL)
    return;

  self->export_fraction = fraction;
  update_progress (self);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RshWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);

  g_assert (RSH_IS_WINDOW (self));

  self->exporting = FALSE;
  self->export_fraction = 0.0;

  /* The window was closed meanwhile: its cancellable stopped the export. */
  if (self->project == NULL)
    {
      rsh_comparison_export_finish (RSH_COMPARISON (object), result, &error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  update_progress (self);
  update_view (self);

  if (!rsh_comparison_export_finish (RSH_COMPARISON (object), result, &error))
    {
      if (!is_cancelled (error))
        rsh_gui_show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *display = g_filename_display_name (name);
    g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), display);
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    g_autofree char *uri = g_file_get_uri (file);
    AdwToast *toast = adw_toast_new (escaped);

    adw_toast_set_timeout (toast, 8);
    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "win.open-export");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);

    g_free (self->last_toast);
    self->last_toast = g_strdup (title);
    self->n_toasts++;
  }

  g_task_return_boolean (task, TRUE);
}

/* Claims no source speaks about are tracked claims with an empty column; leaving them out
 * gives the comparison without the gaps. */
static char **
dup_mentioned_claim_ids (RshComparison *comparison)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (g_list_model_get_n_items (rsh_claim_get_mentions (claim)) > 0)
        g_strv_builder_add (builder, rsh_claim_get_id (claim));
    }

  return g_strv_builder_end (builder);
}

/*
 * Writes the current comparison to @file in the background, the file replaced only once
 * complete; a toast offers to open it. Returns through @callback (tests wait on it).
 */
static void
export_to_file (RshWindow           *self,
                GFile               *file,
                RshExportFormat      format,
                gboolean             include_unmentioned,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(RshExportOptions) options = rsh_export_options_new ();
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;

  g_assert (RSH_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, export_to_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->comparison == NULL)
    {
      g_task_return_new_error (task, RSH_ERROR, RSH_ERROR_INVALID,
                               _("There is nothing to export yet: add sources first."));
      return;
    }

  title = rsh_project_dup_title (self->project);
  options->title = g_strdup (title);
  if (!include_unmentioned)
    options->claim_ids = dup_mentioned_claim_ids (self->comparison);

  self->exporting = TRUE;
  self->export_fraction = 0.0;
  update_progress (self);
  update_view (self);

  rsh_comparison_export_async (self->comparison, format, options, file,
                               export_progress_cb, g_object_ref (self), g_object_unref,
                               self->cancellable, export_done_cb, g_steal_pointer (&task));
}

static void
export_action_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  /* Errors were shown where they happened. */
  g_task_propagate_boolean (G_TASK (result), NULL);
}

typedef struct
{
  RshWindow       *window;
  RshExportFormat  format;
  gboolean         include_unmentioned;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_free (request);
}

static void
export_file_chosen_cb (GPtrArray *files,
                       gpointer   user_data)
{
  ExportRequest *request = user_data;
  RshWindow *self = request->window;
  g_autoptr(GFile) folder = NULL;
  GFile *file;

  g_assert (RSH_IS_WINDOW (self));

  if (files == NULL || files->len == 0)
    return;

  file = g_ptr_array_index (files, 0);
  folder = g_file_get_parent (file);
  if (self->settings != NULL && folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "export-folder", g_file_peek_path (folder));

  export_to_file (self, file, request->format, request->include_unmentioned,
                  export_action_done_cb, NULL);
}

static void
export_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RshWindow        *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "rsh-format-dropdown");
  GtkCheckButton *check = g_object_get_data (G_OBJECT (dialog), "rsh-unmentioned-check");
  GArray *formats = g_object_get_data (G_OBJECT (dialog), "rsh-formats");
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *label = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder_path = NULL;
  const FormatInfo *info;
  const char *mime_types[] = { NULL, NULL };
  const char *patterns[] = { NULL, NULL };
  ExportRequest *request;
  guint selected;

  g_assert (RSH_IS_WINDOW (self));

  if (g_strcmp0 (response, "apply") != 0)
    return;

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected >= formats->len)
    return;

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  request->format = g_array_index (formats, RshExportFormat, selected);
  request->include_unmentioned = gtk_check_button_get_active (check);

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-format",
                             rsh_export_format_to_string (request->format));
      g_settings_set_boolean (self->settings, "export-include-unmentioned",
                              request->include_unmentioned);
      folder_path = g_settings_get_string (self->settings, "export-folder");
    }
  if (folder_path != NULL && folder_path[0] != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (folder_path);
  else
    folder = dup_last_folder (self);

  info = lookup_format_info (rsh_export_format_to_string (request->format));
  label = dup_format_label (request->format);
  pattern = g_strconcat ("*.", rsh_export_format_get_extension (request->format), NULL);
  mime_types[0] = info != NULL ? info->mime_type : NULL;
  patterns[0] = pattern;
  filter = rsh_gui_file_filter_new (label, mime_types, patterns);
  g_list_store_append (filters, filter);

  title = rsh_project_dup_title (self->project);
  name = g_strconcat (title != NULL && title[0] != '\0' ? title : _("Untitled Project"), ".",
                      rsh_export_format_get_extension (request->format), NULL);
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');

  rsh_gui_choose_save_file (GTK_WINDOW (self), _("Export Comparison"), G_LIST_MODEL (filters),
                            folder, name, export_file_chosen_cb, request,
                            (GDestroyNotify) export_request_free);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *remembered = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *row;
  GtkWidget *row_label;
  GtkWidget *dropdown;
  GtkWidget *check;
  GArray *formats;
  guint selected = 0;

  if (self->comparison == NULL)
    return;

  formats = list_export_formats ();
  if (self->settings != NULL)
    remembered = g_settings_get_string (self->settings, "export-format");

  for (guint i = 0; i < formats->len; i++)
    {
      RshExportFormat format = g_array_index (formats, RshExportFormat, i);
      g_autofree char *label = dup_format_label (format);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (remembered, rsh_export_format_to_string (format)) == 0)
        selected = i;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row_label = gtk_label_new_with_mnemonic (_("_Format"));
  gtk_widget_set_hexpand (row_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (row_label), 0.0);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (row_label), dropdown);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row_label, NULL, -1);
  gtk_box_append (GTK_BOX (row), row_label);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (box), row);

  check = gtk_check_button_new_with_mnemonic (_("_Include claims no source speaks about"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               self->settings == NULL ||
                               g_settings_get_boolean (self->settings,
                                                       "export-include-unmentioned"));
  gtk_box_append (GTK_BOX (box), check);
  dialog = rsh_question_dialog_new (GTK_WIDGET (self), _("Export Comparison"),
                                    _("Save the claims, who made them and each source’s stance "
                                      "in another format."),
                                    box, _("_Export…"));

  g_object_set_data (G_OBJECT (dialog), "rsh-format-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "rsh-unmentioned-check", check);
  g_object_set_data_full (G_OBJECT (dialog), "rsh-formats", formats,
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_dialog_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.export-to (uri, format name, include unmentioned claims): export without asking. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);
  g_autoptr(GFile) file = NULL;
  const char *uri;
  const char *format_name;
  gboolean include;
  RshExportFormat format;

  g_variant_get (param, "(&s&sb)", &uri, &format_name, &include);

  if (!rsh_export_format_from_string (format_name, &format))
    {
      g_autofree char *title = g_strdup_printf (_("“%s” is not a format Rashomon can export"),
                                                format_name);

      show_toast (self, title);
      return;
    }

  file = g_file_new_for_uri (uri);
  export_to_file (self, file, format, include, export_action_done_cb, NULL);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* Reader ------------------------------------------------------------------------------ */

static void
sources_view_activate_cb (RshWindow   *self,
                          guint        position,
                          GtkListView *view)
{
  g_autoptr(RshSource) source = NULL;

  g_assert (RSH_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  source = g_list_model_get_item (rsh_project_get_sources (self->project), position);
  if (source != NULL)
    rsh_window_open_reader (self, source, NULL);
}

static RshSource *
lookup_source (RshWindow  *self,
               const char *source_id)
{
  GListModel *sources;

  g_assert (RSH_IS_WINDOW (self));

  if (self->project == NULL || source_id == NULL)
    return NULL;

  sources = rsh_project_get_sources (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_source_get_id (source), source_id) == 0)
        return g_steal_pointer (&source);
    }

  return NULL;
}

static void
claims_view_activate_cb (RshWindow     *self,
                         guint          position,
                         GtkColumnView *view)
{
  g_autoptr(RshMention) mention = NULL;
  g_autoptr(RshSource) source = NULL;

  g_assert (RSH_IS_WINDOW (self));

  mention = g_list_model_get_item (G_LIST_MODEL (self->claims_sort), position);
  if (mention != NULL)
    source = lookup_source (self, rsh_mention_get_source_id (mention));
  if (source != NULL)
    rsh_window_open_reader (self, source, mention);
}

static void
table_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
table_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    const char               *property)
{
  GObject *mark = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (mark != NULL)
    g_object_get (mark, property, &text, NULL);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_table_column (GtkColumnView *view,
                  const char    *title,
                  const char    *property,
                  gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (table_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (table_cell_bind_cb), (gpointer) property);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* The timeline's marks as a table: every statement reachable by keyboard and read out. */
/* The mark focused on the timeline is the selected row: keep it in sight below. */
static void
timeline_selection_changed_cb (RshWindow         *self,
                               guint              position,
                               guint              n_items,
                               GtkSelectionModel *model)
{
  guint selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));

  g_assert (RSH_IS_WINDOW (self));

  if (selected != GTK_INVALID_LIST_POSITION)
    rsh_gui_column_view_scroll_to (self->timeline_table, selected);
}

static void
setup_timeline_table (RshWindow *self)
{
  add_table_column (self->timeline_table, _("Date"), "date-text", FALSE);
  add_table_column (self->timeline_table, _("Speaker"), "actor-name", FALSE);
  add_table_column (self->timeline_table, _("Stance"), "stance-text", FALSE);
  add_table_column (self->timeline_table, _("Statement"), "claim-text", TRUE);
  add_table_column (self->timeline_table, _("Source"), "outlet", FALSE);

  gtk_column_view_set_model (self->timeline_table, rsh_timeline_get_events_model (self->timeline));
  g_signal_connect_object (rsh_timeline_get_events_model (self->timeline), "selection-changed",
                           G_CALLBACK (timeline_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/* "timeline-view.zoom" with "in", "out" or "reset": the toolbar's buttons, which sit outside
 * the timeline and so cannot reach its own actions. */
static void
timeline_zoom_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  RshWindow *self = user_data;
  g_autofree char *name = g_strconcat ("timeline.zoom-", g_variant_get_string (param, NULL), NULL);

  g_assert (RSH_IS_WINDOW (self));

  if (!gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL))
    g_warning ("No timeline action %s", name);
}

/* The timeline's toolbar: a lane per speaker or per claim, and the zoom. */
static void
setup_timeline_actions (RshWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) lanes = g_property_action_new ("lanes", self->timeline, "group-by");
  g_autoptr(GSimpleAction) zoom = g_simple_action_new ("zoom", G_VARIANT_TYPE_STRING);

  g_signal_connect_object (zoom, "activate", G_CALLBACK (timeline_zoom_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (lanes));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (zoom));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "timeline-view", G_ACTION_GROUP (group));
}

static void
timeline_table_activate_cb (RshWindow     *self,
                            guint          position,
                            GtkColumnView *view)
{
  g_assert (RSH_IS_WINDOW (self));

  rsh_timeline_activate_mark (self->timeline, position);
}

static void
timeline_mark_activated_cb (RshWindow   *self,
                            const char  *source_id,
                            guint        start,
                            guint        end,
                            RshTimeline *timeline)
{
  g_autoptr(RshSource) source = NULL;
  g_autoptr(RshMention) found = NULL;
  GListModel *mentions;

  g_assert (RSH_IS_WINDOW (self));
  g_assert (RSH_IS_TIMELINE (timeline));

  source = lookup_source (self, source_id);
  if (source == NULL || self->comparison == NULL)
    return;

  mentions = rsh_comparison_get_mentions (self->comparison);
  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) == 0 &&
          rsh_mention_get_start (mention) == start && rsh_mention_get_end (mention) == end)
        found = g_steal_pointer (&mention);
    }

  rsh_window_open_reader (self, source, found);
}

static void
claim_table_mention_activated_cb (RshWindow     *self,
                                  const char    *source_id,
                                  RshMention    *mention,
                                  RshClaimTable *table)
{
  g_autoptr(RshSource) source = NULL;

  g_assert (RSH_IS_WINDOW (self));
  g_assert (RSH_IS_CLAIM_TABLE (table));

  source = lookup_source (self, source_id);
  if (source != NULL)
    rsh_window_open_reader (self, source, mention);
}

static const char *
describe_correction (RshCorrection *correction)
{
  switch (rsh_correction_get_kind (correction))
    {
    case RSH_CORRECTION_MERGE_CLAIMS:
      return _("Claims merged");
    case RSH_CORRECTION_SPLIT_CLAIM:
      return _("Claim split in two");
    case RSH_CORRECTION_MOVE_MENTION:
      return _("Statement moved to another claim");
    case RSH_CORRECTION_SET_STANCE:
      return _("Stance changed");
    case RSH_CORRECTION_SET_SPEAKER:
      return _("Speaker changed");
    case RSH_CORRECTION_SET_WORDING:
      return _("Wording changed");
    case RSH_CORRECTION_HIDE_CLAIM:
      return _("Claim hidden");
    case RSH_CORRECTION_UNHIDE_CLAIM:
      return _("Claim shown again");
    case RSH_CORRECTION_RENAME_ACTOR:
      return _("Speaker renamed");
    case RSH_CORRECTION_MERGE_ACTORS:
      return _("Speakers merged");
    case RSH_CORRECTION_SPLIT_ACTOR:
      return _("Speaker split in two");
    default:
      return rsh_correction_get_label (correction);
    }
}

static void
apply_correction (RshWindow     *self,
                  RshCorrection *correction)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_assert (RSH_IS_WINDOW (self));
  g_assert (RSH_IS_CORRECTION (correction));

  if (!rsh_project_apply_correction (self->project, correction, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* The toast says what changed and takes it back in one click. */
  escaped = g_markup_escape_text (describe_correction (correction), -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->last_toast);
  self->last_toast = g_strdup (describe_correction (correction));
  self->n_toasts++;
}

static void
correction_requested_cb (RshWindow     *self,
                         RshCorrection *correction,
                         const char    *message,
                         GtkWidget     *view)
{
  g_assert (RSH_IS_WINDOW (self));

  if (correction != NULL)
    apply_correction (self, correction);
  else if (message != NULL)
    show_toast (self, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RshWindow *self = RSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->project == NULL)
    return;

  if (g_strcmp0 (action_name, "win.undo") == 0)
    done = rsh_project_undo (self->project, &error);
  else
    done = rsh_project_redo (self->project, &error);

  if (!done)
    show_toast (self, error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);

  if (!self->reading)
    return;

  self->reading = FALSE;
  update_view (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RshWindow *self = RSH_WINDOW (widget);

  rsh_window_show_view (self, g_variant_get_string (param, NULL));
}

/* Escape leaves the reader first; in the list it stops the work in progress. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  RshWindow *self = RSH_WINDOW (widget);

  if (self->reading)
    return gtk_widget_activate_action (widget, "win.back", NULL);

  return gtk_widget_activate_action (widget, "win.cancel", NULL);
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
      g_settings_bind (self->settings, "timeline-lanes", self->timeline, "group-by",
                       G_SETTINGS_BIND_DEFAULT);
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
  g_clear_pointer (&self->pending_tracked, g_free);

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
  g_type_ensure (RSH_TYPE_READER_VIEW);
  g_type_ensure (RSH_TYPE_TIMELINE);
  g_type_ensure (RSH_TYPE_TIMELINE_KEY);
  g_type_ensure (RSH_TYPE_CLAIM_TABLE);
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
  gtk_widget_class_bind_template_child (widget_class, RshWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, link_button);
  gtk_widget_class_bind_template_callback (widget_class, sources_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, claims_view_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, timeline_table);
  gtk_widget_class_bind_template_callback (widget_class, timeline_table_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, views);
  gtk_widget_class_bind_template_callback (widget_class, timeline_mark_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, claim_table);
  gtk_widget_class_bind_template_callback (widget_class, claim_table_mention_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, correction_requested_cb);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, RshWindow, link_entry);
  gtk_widget_class_bind_template_callback (widget_class, source_row_remove_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_read_again_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_edit_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, speaker_text);
  gtk_widget_class_bind_template_callback (widget_class, stance_rank);
  gtk_widget_class_bind_template_callback (widget_class, source_text);

  gtk_widget_class_install_action (widget_class, "win.add-sources", NULL, add_sources_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(ssb)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.track-claim", NULL, track_claim_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);

  /* Links dragged from Firefox may come only as text/x-moz-url. */
  gdk_content_register_deserializer ("text/x-moz-url", G_TYPE_STRING, deserialize_moz_url,
                                     NULL, NULL);

  /* Keyboard shortcuts, mirrored in ui/gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.add-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "comparison");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "statements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.track-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
}

static void
rsh_window_init (RshWindow *self)
{
  GtkDropTarget *target;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

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
  setup_timeline_table (self);
  setup_timeline_actions (self);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  rsh_claim_table_set_search_func (self->claim_table, search_claims, search_claims_finish,
                                   self, NULL);

  /* The table's correction actions, offered in the primary menu too. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "claims",
                                  rsh_claim_table_get_action_group (self->claim_table));

  update_undo (self);
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
  update_undo (self);

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
 * @value: a #GdkFileList, a #GFile, or a string: links (text/uri-list) or an article's text
 *
 * What a drop on the window does; the drop target calls it and so can tests. Web links
 * are fetched, files read, and prose becomes a source once the user names its outlet.
 *
 * Returns: %TRUE if @value held something to add
 */
gboolean
rsh_window_handle_drop (RshWindow    *self,
                        const GValue *value)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) link_array = NULL;
  guint n_files = 0;

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
      return rsh_window_handle_text (self, g_value_get_string (value));
    }

  /* A browser's text/uri-list arrives as a file list holding web links. */
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_strv_builder_add (links, uri);
        }
      else
        g_ptr_array_index (files, n_files++) = g_object_ref (file);
    }
  for (guint i = files->len; i > n_files; i--)
    g_ptr_array_remove_index (files, i - 1);

  link_array = g_strv_builder_end (links);
  if (files->len == 0 && link_array[0] == NULL)
    return FALSE;

  if (files->len > 0)
    rsh_window_add_files (self, (GFile **)files->pdata, files->len);
  if (link_array[0] != NULL)
    rsh_window_add_uris (self, (const char * const *) link_array);

  return TRUE;
}

/**
 * rsh_window_handle_text:
 * @self: a #RshWindow
 * @text: pasted or dropped text
 *
 * Adds the links if @text is a list of links, one a line; otherwise asks for the outlet
 * of the text and adds it as a source of its own.
 *
 * Returns: %TRUE if @text held something to add
 */
gboolean
rsh_window_handle_text (RshWindow  *self,
                        const char *text)
{
  g_auto(GStrv) links = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return FALSE;

  links = parse_link_lines (trimmed);
  if (links != NULL)
    {
      rsh_window_add_uris (self, (const char * const *) links);
      return TRUE;
    }

  ask_outlet_for_text (self, text);
  return TRUE;
}

/**
 * rsh_window_add_uris:
 * @self: a #RshWindow
 * @uris: (array zero-terminated=1): http, https or file links
 *
 * Adds the article behind each link as a source, fetched in the background; each shows in
 * the sidebar at once. Links already in the project are refused with a toast.
 */
void
rsh_window_add_uris (RshWindow          *self,
                     const char * const *uris)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (uris != NULL);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      /* Project files open instead, whatever way they come. */
      if (g_ascii_strncasecmp (uris[i], "file:", 5) == 0)
        {
          file = g_file_new_for_uri (uris[i]);
          if (is_project_file (file))
            {
              rsh_window_open_project_file (self, file);
              continue;
            }
        }

      self->n_pending_adds++;
      rsh_project_add_uri_async (self->project, uris[i], self->cancellable,
                                 add_uri_cb, g_object_ref (self));
    }

  update_view (self);
}

/**
 * rsh_window_open_reader:
 * @self: a #RshWindow
 * @source: a source of the project
 * @mention: (nullable): a statement of @source to bring into view
 *
 * Shows @source's text with its statements marked, in place of the lists; Escape or the
 * back button returns.
 */
void
rsh_window_open_reader (RshWindow  *self,
                        RshSource  *source,
                        RshMention *mention)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (RSH_IS_SOURCE (source));
  g_return_if_fail (mention == NULL || RSH_IS_MENTION (mention));

  rsh_reader_view_show (self->reader_view, source, self->comparison);
  self->reading = TRUE;
  update_view (self);

  if (mention != NULL)
    {
      if (rsh_mention_get_actor_id (mention) != NULL)
        rsh_reader_view_select_actor (self->reader_view, rsh_mention_get_actor_id (mention));
      rsh_reader_view_scroll_to_mention (self->reader_view, mention);
    }

  gtk_widget_grab_focus (GTK_WIDGET (rsh_reader_view_get_text_view (self->reader_view)));
}

/**
 * rsh_window_show_view:
 * @self: a #RshWindow
 * @name: "comparison", "statements" or "timeline"
 *
 * Switches the main area between the claims-by-sources table, the table of statements and
 * the timeline, leaving the reader if it was open.
 */
void
rsh_window_show_view (RshWindow  *self,
                      const char *name)
{
  g_return_if_fail (RSH_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->views, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->views, name);
  if (self->reading)
    {
      self->reading = FALSE;
      update_view (self);
    }
}

GtkWidget *
rsh_window_get_timeline_table (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->timeline_table);
}

GtkWidget *
rsh_window_get_timeline (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->timeline);
}

GtkWidget *
rsh_window_get_claim_table (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->claim_table);
}

GtkWidget *
rsh_window_get_reader_view (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->reader_view);
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

gboolean
rsh_window_get_exporting (RshWindow *self)
{
  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);

  return self->exporting;
}

/**
 * rsh_window_track_claim:
 * @self: a #RshWindow
 * @text: the claim to follow, as the user wrote it
 * @error: return location for a #GError
 *
 * Tracks @text in the project and analyses again; when the analysis is in, the claim's row
 * is pinned at the top of the comparison, selected and scrolled to. An empty wording, or
 * one already tracked (ignoring case, accents and spacing), is an %RSH_ERROR_INVALID.
 *
 * Returns: %TRUE if the claim is now tracked
 */
gboolean
rsh_window_track_claim (RshWindow   *self,
                        const char  *text,
                        GError     **error)
{
  g_autofree char *claim = NULL;

  g_return_val_if_fail (RSH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_tracked_claim (self, text, error))
    return FALSE;

  claim = g_strstrip (g_strdup (text));
  if (!rsh_project_add_tracked_claim (self->project, claim, error))
    return FALSE;

  g_free (self->pending_tracked);
  self->pending_tracked = g_steal_pointer (&claim);
  schedule_analyze (self);

  return TRUE;
}
