/* rsh-versions-dialog.c: the responses kept for one source, and a way back to each
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-application.h"
#include "rsh-versions-dialog.h"

/**
 * RshVersionsDialog:
 *
 * Lists every response the project keeps for a source (see
 * rsh_project_get_source_versions()): its number, when it was read, its size and the
 * title extracted from it, the current one marked. Each other version has a Restore
 * button; a restore can be undone from the toast it shows.
 */
struct _RshVersionsDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkListBox      *list_box;
  AdwStatusPage   *empty_page;

  /* owned */
  RshProject      *project;
  RshSource       *source;
  GHashTable      *restore_buttons;   /* version number → its Restore button (borrowed) */
  guint            n_versions;
  guint            current;
  guint            undo_number;       /* the version current before the last restore, or 0 */
  guint            refresh_id;
};

G_DEFINE_FINAL_TYPE (RshVersionsDialog, rsh_versions_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define VERSION_NUMBER_KEY "rsh-version-number"

/* "28 Nov 2026, 14:05" in the user's time zone, from the stored UTC time. */
static char *
format_fetched_at (const char *fetched_at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (fetched_at == NULL)
    return g_strdup (_("Unknown time"));

  when = g_date_time_new_from_iso8601 (fetched_at, utc);
  if (when == NULL)
    return g_strdup (fetched_at);

  local = g_date_time_to_local (when);
  /* Translators: when a version of a page was read, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static char *
dup_version_subtitle (const RshSourceVersion *version)
{
  g_autofree char *when = format_fetched_at (version->fetched_at);
  g_autofree char *size = g_format_size (version->size);

  /* Translators: a version's number, when it was read and its size: "Version 2 · 28 Nov
   * 2026, 14:05 · 12.3 kB" */
  return g_strdup_printf (_("Version %u · %s · %s"), version->number, when, size);
}

static void
show_toast (RshVersionsDialog *self,
            AdwToast          *toast)
{
  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clicked_cb (RshVersionsDialog *self,
                 AdwToast          *toast)
{
  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  rsh_versions_dialog_undo_restore (self);
}

/* Makes @number current; with @offer_undo, the toast can take it back. */
static gboolean
restore (RshVersionsDialog *self,
         guint              number,
         gboolean           offer_undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint previous;
  AdwToast *toast;

  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  previous = self->current;
  if (!rsh_project_restore_source_version (self->project, self->source, number, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      rsh_versions_dialog_refresh (self);
      return FALSE;
    }

  rsh_versions_dialog_refresh (self);

  self->undo_number = offer_undo ? previous : 0;
  message = g_strdup_printf (_("Version %u restored"), number);
  toast = adw_toast_new (message);
  if (offer_undo && previous > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                               G_CONNECT_SWAPPED);
    }
  show_toast (self, toast);
  return TRUE;
}

static void
restore_clicked_cb (RshVersionsDialog *self,
                    GtkButton         *button)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), VERSION_NUMBER_KEY));

  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  restore (self, number, TRUE);
}

static GtkWidget *
create_version_row (RshVersionsDialog      *self,
                    const RshSourceVersion *version)
{
  g_autofree char *subtitle = dup_version_subtitle (version);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (version->title != NULL && version->title[0] != '\0')
    title = g_markup_escape_text (version->title, -1);
  else
    title = g_markup_escape_text (_("No title"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (version->url != NULL)
    gtk_widget_set_tooltip_text (row, version->url);

  if (version->current)
    {
      GtkWidget *label = gtk_label_new (_("Current"));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "accent");
      gtk_widget_add_css_class (label, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The source's text comes from this version"), -1);
    }
  else
    {
      g_autofree char *label = g_strdup_printf (_("Restore Version %u"), version->number);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Read the article from this version again"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (button), VERSION_NUMBER_KEY,
                         GUINT_TO_POINTER (version->number));
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      g_hash_table_insert (self->restore_buttons, GUINT_TO_POINTER (version->number), button);
    }

  return row;
}

static void
show_versions (RshVersionsDialog *self,
               GPtrArray         *versions)
{
  GtkWidget *child;

  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  g_hash_table_remove_all (self->restore_buttons);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  self->n_versions = versions != NULL ? versions->len : 0;
  self->current = 0;

  /* Newest first: a reload is what the user just did. */
  for (guint i = self->n_versions; i > 0; i--)
    {
      const RshSourceVersion *version = g_ptr_array_index (versions, i - 1);

      if (version->current)
        self->current = version->number;
      gtk_list_box_append (self->list_box, create_version_row (self, version));
    }

  if (self->n_versions == 1)
    {
      const RshSourceVersion *only = g_ptr_array_index (versions, 0);
      g_autofree char *when = format_fetched_at (only->fetched_at);
      g_autofree char *description = NULL;

      /* Translators: %s is when the page was read, "28 Nov 2026, 14:05" */
      description = g_strdup_printf (_("This source was read once, on %s. Reload it from the "
                                       "web to keep another version; this one stays."), when);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (self->n_versions == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("This source is not saved in the project yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_title (RshVersionsDialog *self)
{
  const char *title = self->source != NULL ? rsh_source_get_title (self->source) : NULL;

  adw_window_title_set_subtitle (self->window_title, title != NULL ? title : "");
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RshVersionsDialog *self = user_data;

  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  self->refresh_id = 0;
  rsh_versions_dialog_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A reload elsewhere (the row's button) adds a version while the dialog is open: the
 * source's text changes, and the list follows once the change has settled. */
static void
source_changed_cb (RshVersionsDialog *self,
                   GParamSpec        *pspec,
                   RshSource         *source)
{
  g_assert (RSH_IS_VERSIONS_DIALOG (self));

  update_title (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
rsh_versions_dialog_dispose (GObject *object)
{
  RshVersionsDialog *self = (RshVersionsDialog *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->restore_buttons != NULL)
    g_hash_table_remove_all (self->restore_buttons);

  G_OBJECT_CLASS (rsh_versions_dialog_parent_class)->dispose (object);
}

static void
rsh_versions_dialog_finalize (GObject *object)
{
  RshVersionsDialog *self = (RshVersionsDialog *)object;

  g_clear_pointer (&self->restore_buttons, g_hash_table_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (rsh_versions_dialog_parent_class)->finalize (object);
}

static void
rsh_versions_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RshVersionsDialog *self = RSH_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, rsh_versions_dialog_get_project (self));
      break;

    case PROP_SOURCE:
      g_value_set_object (value, rsh_versions_dialog_get_source (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_versions_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RshVersionsDialog *self = RSH_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_versions_dialog_constructed (GObject *object)
{
  RshVersionsDialog *self = (RshVersionsDialog *)object;

  G_OBJECT_CLASS (rsh_versions_dialog_parent_class)->constructed (object);

  g_assert (RSH_IS_PROJECT (self->project));
  g_assert (RSH_IS_SOURCE (self->source));

  g_signal_connect_object (self->source, "notify::text", G_CALLBACK (source_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source, "notify::title", G_CALLBACK (source_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
  rsh_versions_dialog_refresh (self);
}

static void
rsh_versions_dialog_class_init (RshVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rsh_versions_dialog_constructed;
  object_class->dispose = rsh_versions_dialog_dispose;
  object_class->finalize = rsh_versions_dialog_finalize;
  object_class->get_property = rsh_versions_dialog_get_property;
  object_class->set_property = rsh_versions_dialog_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         RSH_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         RSH_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  rsh_application_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RshVersionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RshVersionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RshVersionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RshVersionsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, RshVersionsDialog, empty_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rsh_versions_dialog_init (RshVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->restore_buttons = g_hash_table_new (NULL, NULL);
}

/**
 * rsh_versions_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @project: the project @source is in
 * @source: the source whose versions to show
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
RshVersionsDialog *
rsh_versions_dialog_new (GtkWindow  *parent,
                         RshProject *project,
                         RshSource  *source)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RSH_IS_PROJECT (project), NULL);
  g_return_val_if_fail (RSH_IS_SOURCE (source), NULL);

  return g_object_new (RSH_TYPE_VERSIONS_DIALOG,
                       "transient-for", parent,
                       "project", project,
                       "source", source,
                       NULL);
}

/**
 * rsh_versions_dialog_get_project:
 * @self: a #RshVersionsDialog
 *
 * Returns: (transfer none): the project
 */
RshProject *
rsh_versions_dialog_get_project (RshVersionsDialog *self)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), NULL);

  return self->project;
}

/**
 * rsh_versions_dialog_get_source:
 * @self: a #RshVersionsDialog
 *
 * Returns: (transfer none): the source whose versions are shown
 */
RshSource *
rsh_versions_dialog_get_source (RshVersionsDialog *self)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), NULL);

  return self->source;
}

/**
 * rsh_versions_dialog_refresh:
 * @self: a #RshVersionsDialog
 *
 * Reads the list of versions from the project again.
 */
void
rsh_versions_dialog_refresh (RshVersionsDialog *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RSH_IS_VERSIONS_DIALOG (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  versions = rsh_project_get_source_versions (self->project, self->source, &error);
  if (versions == NULL)
    {
      /* A source removed while the dialog is open has nothing left to restore. */
      show_versions (self, NULL);
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }

  show_versions (self, versions);
}

/**
 * rsh_versions_dialog_get_n_versions:
 * @self: a #RshVersionsDialog
 *
 * Returns: how many versions are listed
 */
guint
rsh_versions_dialog_get_n_versions (RshVersionsDialog *self)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), 0);

  return self->n_versions;
}

/**
 * rsh_versions_dialog_get_current:
 * @self: a #RshVersionsDialog
 *
 * Returns: the number of the version marked current, or 0
 */
guint
rsh_versions_dialog_get_current (RshVersionsDialog *self)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), 0);

  return self->current;
}

/**
 * rsh_versions_dialog_shows_empty_state:
 * @self: a #RshVersionsDialog
 *
 * Returns: whether the dialog says there is nothing to go back to
 */
gboolean
rsh_versions_dialog_shows_empty_state (RshVersionsDialog *self)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/**
 * rsh_versions_dialog_get_restore_button:
 * @self: a #RshVersionsDialog
 * @number: a version number
 *
 * Returns: (transfer none) (nullable): the Restore button of version @number, or %NULL
 *   for the current version or one that is not listed
 */
GtkWidget *
rsh_versions_dialog_get_restore_button (RshVersionsDialog *self,
                                        guint              number)
{
  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), NULL);

  return g_hash_table_lookup (self->restore_buttons, GUINT_TO_POINTER (number));
}

/**
 * rsh_versions_dialog_undo_restore:
 * @self: a #RshVersionsDialog
 *
 * Makes the version that was current before the last restore current again, as the
 * toast's Undo button does.
 *
 * Returns: %TRUE if there was a restore to undo and it was undone
 */
gboolean
rsh_versions_dialog_undo_restore (RshVersionsDialog *self)
{
  guint number;

  g_return_val_if_fail (RSH_IS_VERSIONS_DIALOG (self), FALSE);

  number = self->undo_number;
  self->undo_number = 0;
  if (number == 0 || number == self->current)
    return FALSE;

  return restore (self, number, FALSE);
}
