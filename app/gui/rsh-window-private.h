/* rsh-window-private.h: what the window's satellites and tests reach into
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rsh-window.h"

G_BEGIN_DECLS

gboolean    rsh_window_handle_drop         (RshWindow    *self,
                                            const GValue *value);
gboolean    rsh_window_handle_text         (RshWindow    *self,
                                            const char   *text);
void        rsh_window_add_uris            (RshWindow    *self,
                                            const char * const *uris);
const char *rsh_window_get_visible_page    (RshWindow    *self);
const char *rsh_window_get_claims_page     (RshWindow    *self);
GListModel *rsh_window_get_claims_model    (RshWindow    *self);
GtkWidget  *rsh_window_get_sources_view    (RshWindow    *self);
GtkWidget  *rsh_window_get_claims_view     (RshWindow    *self);
guint       rsh_window_get_n_toasts        (RshWindow    *self);
const char *rsh_window_get_last_toast      (RshWindow    *self);
gboolean    rsh_window_get_working         (RshWindow    *self);
gboolean    rsh_window_get_exporting       (RshWindow    *self);
void        rsh_window_open_reader         (RshWindow    *self,
                                            RshSource    *source,
                                            RshMention   *mention);
GtkWidget  *rsh_window_get_reader_view     (RshWindow    *self);
void        rsh_window_show_view           (RshWindow    *self,
                                            const char   *name);
GtkWidget  *rsh_window_get_timeline        (RshWindow    *self);
GtkWidget  *rsh_window_get_timeline_table  (RshWindow    *self);
GtkWidget  *rsh_window_get_claim_table     (RshWindow    *self);
void        rsh_window_edit_source_details (RshWindow    *self,
                                            RshSource    *source);
gboolean    rsh_window_track_claim         (RshWindow    *self,
                                            const char   *text,
                                            GError      **error);

G_END_DECLS
