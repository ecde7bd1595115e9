/* drag-source.c: a window that drags files, a link or text, for dropping onto Rashomon by
 * hand or with xdotool under Xvfb (see drop-into-window.sh): GTK 4.8 has no API to inject a
 * drop, so a real drag from another client is the way to see the whole path work.
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

static char **drag_files;
static char  *drag_link;
static char  *drag_text;

static GdkContentProvider *
prepare_files_cb (GtkDragSource *source,
                  double         x,
                  double         y,
                  gpointer       user_data)
{
  GdkContentProvider *provider;
  GdkFileList *list;
  GSList *gfiles = NULL;

  for (guint i = 0; drag_files != NULL && drag_files[i] != NULL; i++)
    gfiles = g_slist_append (gfiles, g_file_new_for_commandline_arg (drag_files[i]));
  list = gdk_file_list_new_from_list (gfiles);
  g_slist_free_full (gfiles, g_object_unref);

  provider = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, list);
  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  return provider;
}

/* What a browser offers for a dragged link: a text/uri-list and the link as text. */
static GdkContentProvider *
prepare_link_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  g_autofree char *uri_list = g_strconcat (drag_link, "\r\n", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (uri_list, strlen (uri_list));
  GdkContentProvider *providers[2];

  providers[0] = gdk_content_provider_new_for_bytes ("text/uri-list", bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, drag_link);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static GdkContentProvider *
prepare_text_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, drag_text);
}

static GtkWidget *
drag_box (const char *label,
          GCallback   prepare)
{
  GtkWidget *box = gtk_label_new (label);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_size_request (box, 180, 80);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", prepare, NULL);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  return box;
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  *(gboolean *) user_data = TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &drag_files, "A file to drag (repeat for more)",
      "PATH" },
    { "link", 0, 0, G_OPTION_ARG_STRING, &drag_link, "A link to drag", "URL" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &drag_text, "Text to drag", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— drag files, a link or text");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *column;
  gboolean closed = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Rashomon drag source");
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (drag_files != NULL)
    gtk_box_append (GTK_BOX (column), drag_box ("Files", G_CALLBACK (prepare_files_cb)));
  if (drag_link != NULL)
    gtk_box_append (GTK_BOX (column), drag_box ("Link", G_CALLBACK (prepare_link_cb)));
  if (drag_text != NULL)
    gtk_box_append (GTK_BOX (column), drag_box ("Text", G_CALLBACK (prepare_text_cb)));
  gtk_window_set_child (GTK_WINDOW (window), column);
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), &closed);
  gtk_window_present (GTK_WINDOW (window));

  while (!closed)
    g_main_context_iteration (NULL, TRUE);

  g_strfreev (drag_files);
  g_free (drag_link);
  g_free (drag_text);
  return 0;
}
