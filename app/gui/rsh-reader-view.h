/* rsh-reader-view.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

#define RSH_TYPE_READER_VIEW (rsh_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (RshReaderView, rsh_reader_view, RSH, READER_VIEW, GtkWidget)

GtkWidget     *rsh_reader_view_new                (void);
RshSource     *rsh_reader_view_get_source         (RshReaderView  *self);
RshComparison *rsh_reader_view_get_comparison     (RshReaderView  *self);
void           rsh_reader_view_show               (RshReaderView  *self,
                                                   RshSource      *source,
                                                   RshComparison  *comparison);
GListModel    *rsh_reader_view_get_mentions       (RshReaderView  *self);
GListModel    *rsh_reader_view_get_actors         (RshReaderView  *self);
const char    *rsh_reader_view_get_selected_actor (RshReaderView  *self);
void           rsh_reader_view_select_actor       (RshReaderView  *self,
                                                   const char     *actor_id);
void           rsh_reader_view_scroll_to_mention  (RshReaderView  *self,
                                                   RshMention     *mention);
GtkTextView   *rsh_reader_view_get_text_view      (RshReaderView  *self);
void           rsh_reader_view_get_iter_at_text_offset
                                                  (RshReaderView  *self,
                                                   guint           offset,
                                                   GtkTextIter    *iter);

G_END_DECLS
