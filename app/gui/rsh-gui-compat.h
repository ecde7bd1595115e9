/* rsh-gui-compat.h: one place for API that differs between GTK 4.8 and newer
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * RshFilesChosenFunc:
 * @files: (element-type GFile) (nullable): the chosen files, or %NULL when the user
 *   cancelled or the chooser failed
 * @user_data: the data given to the chooser
 */
typedef void (*RshFilesChosenFunc) (GPtrArray *files,
                                    gpointer   user_data);

GtkFileFilter *rsh_gui_file_filter_new        (const char          *name,
                                               const char * const  *mime_types,
                                               const char * const  *patterns);
void           rsh_gui_choose_files           (GtkWindow           *parent,
                                               const char          *title,
                                               const char          *accept_label,
                                               GListModel          *filters,
                                               GFile               *folder,
                                               gboolean             multiple,
                                               RshFilesChosenFunc   callback,
                                               gpointer             user_data,
                                               GDestroyNotify       destroy);
void           rsh_gui_choose_save_file       (GtkWindow           *parent,
                                               const char          *title,
                                               GListModel          *filters,
                                               GFile               *folder,
                                               const char          *initial_name,
                                               RshFilesChosenFunc   callback,
                                               gpointer             user_data,
                                               GDestroyNotify       destroy);
void           rsh_gui_show_error             (GtkWindow           *parent,
                                               const char          *heading,
                                               const char          *body);
void           rsh_gui_show_about             (GtkWindow           *parent);
void           rsh_gui_widget_get_color       (GtkWidget           *widget,
                                               GdkRGBA             *color);
void           rsh_gui_column_view_scroll_to  (GtkColumnView       *view,
                                               guint                position);

G_END_DECLS
