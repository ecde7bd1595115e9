/* rsh-gui-compat.c: one place for API that differs between GTK 4.8 and newer
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-gui-compat.h"

/* Shipped in the resource too, so an uninstalled build shows it. */
#define RSH_APP_ICON "io.github.rashomon.Rashomon"

typedef struct
{
  RshFilesChosenFunc callback;
  gpointer           user_data;
  GDestroyNotify     destroy;
} ChooseData;

static ChooseData *
choose_data_new (RshFilesChosenFunc callback,
                 gpointer           user_data,
                 GDestroyNotify     destroy)
{
  ChooseData *data = g_new0 (ChooseData, 1);

  data->callback = callback;
  data->user_data = user_data;
  data->destroy = destroy;

  return data;
}

/* Calls back exactly once, then frees @data and the caller's data. */
static void
choose_data_finish (ChooseData *data,
                    GListModel *model)
{
  g_autoptr(GPtrArray) files = NULL;

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    {
      guint n = g_list_model_get_n_items (model);

      files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
    }

  data->callback (files, data->user_data);

  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_free (data);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static GListModel *
list_of_one (GFile *file)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE);

  if (file != NULL)
    g_list_store_append (store, file);

  return G_LIST_MODEL (store);
}

static void
open_multiple_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GListModel) model = NULL;

  model = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, NULL);
  choose_data_finish (user_data, model);
}

static void
open_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) model = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  model = list_of_one (file);
  choose_data_finish (user_data, model);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) model = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  model = list_of_one (file);
  choose_data_finish (user_data, model);
}

static GtkFileDialog *
file_dialog_new (const char *title,
                 const char *accept_label,
                 GListModel *filters,
                 GFile      *folder)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, accept_label);
  if (filters != NULL)
    gtk_file_dialog_set_filters (dialog, filters);
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);

  return dialog;
}

#else

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GListModel) model = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

  choose_data_finish (user_data, model);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static GtkFileChooserNative *
native_new (GtkWindow            *parent,
            const char           *title,
            const char           *accept_label,
            GtkFileChooserAction  action,
            GListModel           *filters,
            GFile                *folder)
{
  GtkFileChooserNative *native;
  guint n_filters = filters != NULL ? g_list_model_get_n_items (filters) : 0;

  native = gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (guint i = 0; i < n_filters; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  /* A folder that vanished since it was remembered is not worth telling anyone about. */
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  return native;
}

#endif

/**
 * rsh_gui_file_filter_new:
 * @name: the name shown in the chooser
 * @mime_types: (nullable) (array zero-terminated=1): MIME types to accept
 * @patterns: (nullable) (array zero-terminated=1): glob patterns to accept
 *
 * Returns: (transfer full): a new filter
 */
GtkFileFilter *
rsh_gui_file_filter_new (const char         *name,
                         const char * const *mime_types,
                         const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);

  return filter;
}

/**
 * rsh_gui_choose_files:
 * @parent: the window the chooser belongs to
 * @title: the chooser's title
 * @accept_label: (nullable): the label of the accept button
 * @filters: (nullable): a list of #GtkFileFilter
 * @folder: (nullable): the folder to start in
 * @multiple: whether several files can be chosen
 * @callback: called once with the chosen files, or %NULL
 * @user_data: data for @callback
 * @destroy: (nullable): frees @user_data after @callback ran
 *
 * Asks the user for files to open: #GtkFileDialog where GTK has it (4.10),
 * #GtkFileChooserNative on GTK 4.8.
 */
void
rsh_gui_choose_files (GtkWindow          *parent,
                      const char         *title,
                      const char         *accept_label,
                      GListModel         *filters,
                      GFile              *folder,
                      gboolean            multiple,
                      RshFilesChosenFunc  callback,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  data = choose_data_new (callback, user_data, destroy);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, accept_label, filters, folder);

    if (multiple)
      gtk_file_dialog_open_multiple (dialog, parent, NULL, open_multiple_cb, data);
    else
      gtk_file_dialog_open (dialog, parent, NULL, open_one_cb, data);
  }
#else
  {
    GtkFileChooserNative *native;

    native = native_new (parent, title, accept_label, GTK_FILE_CHOOSER_ACTION_OPEN,
                         filters, folder);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * rsh_gui_choose_save_file:
 * @parent: the window the chooser belongs to
 * @title: the chooser's title
 * @filters: (nullable): a list of #GtkFileFilter
 * @folder: (nullable): the folder to start in
 * @initial_name: (nullable): the suggested file name
 * @callback: called once with an array of one file, or %NULL
 * @user_data: data for @callback
 * @destroy: (nullable): frees @user_data after @callback ran
 *
 * Asks the user where to save a file. The chooser confirms overwriting.
 */
void
rsh_gui_choose_save_file (GtkWindow          *parent,
                          const char         *title,
                          GListModel         *filters,
                          GFile              *folder,
                          const char         *initial_name,
                          RshFilesChosenFunc  callback,
                          gpointer            user_data,
                          GDestroyNotify      destroy)
{
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  data = choose_data_new (callback, user_data, destroy);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, _("_Save"), filters, folder);

    if (initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, parent, NULL, save_cb, data);
  }
#else
  {
    GtkFileChooserNative *native;

    native = native_new (parent, title, _("_Save"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         filters, folder);
    if (initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * rsh_gui_show_error:
 * @parent: the window the message belongs to
 * @heading: what went wrong, short
 * @body: (nullable): the details and what to do next
 *
 * Shows blocking trouble in a message dialog with one Close button.
 */
void
rsh_gui_show_error (GtkWindow  *parent,
                    const char *heading,
                    const char *body)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *dialog = adw_alert_dialog_new (heading, body);

    adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
    adw_dialog_present (dialog, GTK_WIDGET (parent));
  }
#else
  {
    GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

/**
 * rsh_gui_show_about:
 * @parent: the window the about window belongs to
 *
 * Shows the about window (#AdwAboutDialog on libadwaita 1.5, #AdwAboutWindow before).
 */
void
rsh_gui_show_about (GtkWindow *parent)
{
  const char *developers[] = { _("Rashomon contributors"), NULL };

  g_return_if_fail (GTK_IS_WINDOW (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *about = adw_about_dialog_new ();

    g_object_set (about,
                  "application-name", _("Rashomon"),
                  "application-icon", RSH_APP_ICON,
                  "developer-name", _("Rashomon contributors"),
                  "version", PACKAGE_VERSION,
                  "comments", _("Compare competing accounts of one news story: who said what, "
                                "and who confirms, denies or disputes it."),
                  "website", "https://github.com/rashomon/rashomon",
                  "issue-url", "https://github.com/rashomon/rashomon/issues",
                  "license-type", GTK_LICENSE_GPL_3_0,
                  "copyright", _("© 2026 Rashomon contributors"),
                  "developers", developers,
                  "translator-credits", _("translator-credits"),
                  NULL);
    adw_dialog_present (about, GTK_WIDGET (parent));
  }
#else
  {
    GtkWidget *about = adw_about_window_new ();

    g_object_set (about,
                  "transient-for", parent,
                  "modal", TRUE,
                  "application-name", _("Rashomon"),
                  "application-icon", RSH_APP_ICON,
                  "developer-name", _("Rashomon contributors"),
                  "version", PACKAGE_VERSION,
                  "comments", _("Compare competing accounts of one news story: who said what, "
                                "and who confirms, denies or disputes it."),
                  "website", "https://github.com/rashomon/rashomon",
                  "issue-url", "https://github.com/rashomon/rashomon/issues",
                  "license-type", GTK_LICENSE_GPL_3_0,
                  "copyright", _("© 2026 Rashomon contributors"),
                  "developers", developers,
                  "translator-credits", _("translator-credits"),
                  NULL);
    gtk_window_present (GTK_WINDOW (about));
  }
#endif
}

/**
 * rsh_gui_column_view_scroll_to:
 * @view: a #GtkColumnView
 * @position: a row of its model
 *
 * Scrolls @view until row @position shows. GTK 4.8 has no gtk_column_view_scroll_to(): the
 * column view's inner list view has the action.
 */
void
rsh_gui_column_view_scroll_to (GtkColumnView *view,
                               guint          position)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
#else
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
#endif
}

/**
 * rsh_gui_widget_get_color:
 * @widget: a widget
 * @color: (out): its foreground colour, as its style gives it
 *
 * gtk_widget_get_color() arrived in GTK 4.10; GTK 4.8 asks the style context.
 */
void
rsh_gui_widget_get_color (GtkWidget *widget,
                          GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}
