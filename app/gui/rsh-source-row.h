/* rsh-source-row.h: one source in the sidebar
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

#define RSH_TYPE_SOURCE_ROW (rsh_source_row_get_type ())
G_DECLARE_FINAL_TYPE (RshSourceRow, rsh_source_row, RSH, SOURCE_ROW, GtkWidget)

GtkWidget  *rsh_source_row_new          (RshSource    *source);
RshSource  *rsh_source_row_get_source   (RshSourceRow *self);
void        rsh_source_row_set_source   (RshSourceRow *self,
                                         RshSource    *source);
const char *rsh_source_row_get_title    (RshSourceRow *self);
const char *rsh_source_row_get_subtitle (RshSourceRow *self);
GtkWidget  *rsh_source_row_get_edit_button (RshSourceRow *self);
GtkWidget  *rsh_source_row_get_retry_button (RshSourceRow *self);
GtkWidget  *rsh_source_row_get_remove_button (RshSourceRow *self);
GtkWidget  *rsh_source_row_get_reload_button (RshSourceRow *self);
GtkWidget  *rsh_source_row_get_progress_bar (RshSourceRow *self);
void        rsh_source_row_show_reload  (RshSourceRow *self,
                                         RshSource    *page);

G_END_DECLS
