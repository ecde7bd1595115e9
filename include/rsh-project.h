/* rsh-project.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rsh-types.h"

G_BEGIN_DECLS

#define RSH_TYPE_PROJECT (rsh_project_get_type ())
G_DECLARE_FINAL_TYPE (RshProject, rsh_project, RSH, PROJECT, GObject)

RshProject    *rsh_project_new                (void);
RshProject    *rsh_project_open               (const char           *path,
                                               GCancellable         *cancellable,
                                               GError              **error);
void           rsh_project_open_async         (const char           *path,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RshProject    *rsh_project_open_finish        (GAsyncResult         *result,
                                               GError              **error);
const char    *rsh_project_get_path           (RshProject           *self);
char          *rsh_project_dup_title          (RshProject           *self);
gboolean       rsh_project_save_as            (RshProject           *self,
                                               const char           *path,
                                               GError              **error);
GListModel    *rsh_project_get_sources        (RshProject           *self);
RshComparison *rsh_project_get_comparison     (RshProject           *self);
gboolean       rsh_project_get_busy           (RshProject           *self);
double         rsh_project_get_fraction       (RshProject           *self);
RshSource     *rsh_project_add_file           (RshProject           *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GError              **error);
void           rsh_project_add_file_async     (RshProject           *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RshSource     *rsh_project_add_file_finish    (RshProject           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void           rsh_project_add_uri_async      (RshProject           *self,
                                               const char           *uri,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RshSource     *rsh_project_add_uri_finish     (RshProject           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
RshSource     *rsh_project_add_text           (RshProject           *self,
                                               const char           *text,
                                               const char           *outlet,
                                               GError              **error);
void           rsh_project_reload_source_async
                                              (RshProject           *self,
                                               RshSource            *source,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean       rsh_project_reload_source_finish
                                              (RshProject           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean       rsh_project_remove_source      (RshProject           *self,
                                               RshSource            *source,
                                               GError              **error);
gboolean       rsh_project_set_source_published
                                              (RshProject           *self,
                                               RshSource            *source,
                                               const char           *published,
                                               GError              **error);
gboolean       rsh_project_set_source_outlet  (RshProject           *self,
                                               RshSource            *source,
                                               const char           *outlet,
                                               GError              **error);
gboolean       rsh_project_set_source_title   (RshProject           *self,
                                               RshSource            *source,
                                               const char           *title,
                                               GError              **error);
GPtrArray     *rsh_project_get_source_versions
                                              (RshProject           *self,
                                               RshSource            *source,
                                               GError              **error);
gboolean       rsh_project_restore_source_version
                                              (RshProject           *self,
                                               RshSource            *source,
                                               guint                 number,
                                               GError              **error);
RshSource     *rsh_project_get_source_reload (RshProject           *self,
                                               RshSource            *source);
GStrv          rsh_project_search_claims      (RshProject           *self,
                                               const char           *query,
                                               GError              **error);
void           rsh_project_search_claims_async
                                              (RshProject           *self,
                                               const char           *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GStrv          rsh_project_search_claims_finish
                                              (RshProject           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean       rsh_project_add_tracked_claim  (RshProject           *self,
                                               const char           *text,
                                               GError              **error);
const char * const *rsh_project_get_tracked_claims (RshProject      *self);
gboolean       rsh_project_analyze            (RshProject           *self,
                                               GCancellable         *cancellable,
                                               GError              **error);
void           rsh_project_analyze_async      (RshProject           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean       rsh_project_analyze_finish     (RshProject           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
GListModel    *rsh_project_get_corrections    (RshProject           *self);
gboolean       rsh_project_apply_correction   (RshProject           *self,
                                               RshCorrection        *correction,
                                               GError              **error);
gboolean       rsh_project_undo               (RshProject           *self,
                                               GError              **error);
gboolean       rsh_project_redo               (RshProject           *self,
                                               GError              **error);
gboolean       rsh_project_get_can_undo       (RshProject           *self);
gboolean       rsh_project_get_can_redo       (RshProject           *self);
const char    *rsh_project_get_undo_label     (RshProject           *self);
const char    *rsh_project_get_redo_label     (RshProject           *self);

G_END_DECLS
