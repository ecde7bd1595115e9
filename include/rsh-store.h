/* rsh-store.h
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

/* The schema version this build writes; files with a higher one are refused. */
#define RSH_STORE_SCHEMA_VERSION 2

/* PRAGMA application_id of every project file ("RSHM"), telling ours from other SQLite files. */
#define RSH_STORE_APPLICATION_ID 0x5253484D

#define RSH_TYPE_STORE (rsh_store_get_type ())
G_DECLARE_FINAL_TYPE (RshStore, rsh_store, RSH, STORE, GObject)

RshStore   *rsh_store_open                (const char    *path,
                                           GError       **error);
const char *rsh_store_get_path            (RshStore      *self);
int         rsh_store_get_schema_version  (RshStore      *self);
gboolean    rsh_store_save_as             (RshStore      *self,
                                           const char    *path,
                                           GError       **error);
gboolean    rsh_store_put_source          (RshStore      *self,
                                           RshSource     *source,
                                           GError       **error);
gboolean    rsh_store_set_source_published
                                          (RshStore      *self,
                                           const char    *source_id,
                                           const char    *published,
                                           GError       **error);
gboolean    rsh_store_remove_source       (RshStore      *self,
                                           const char    *source_id,
                                           GError       **error);
GPtrArray  *rsh_store_load_sources        (RshStore      *self,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean    rsh_store_add_tracked_claim   (RshStore      *self,
                                           const char    *text,
                                           GError       **error);
GStrv       rsh_store_list_tracked_claims (RshStore      *self,
                                           GError       **error);
char       *rsh_store_next_source_id      (RshStore      *self);
gboolean    rsh_store_add_correction      (RshStore      *self,
                                           RshCorrection *correction,
                                           GError       **error);
gboolean    rsh_store_set_correction_state
                                          (RshStore      *self,
                                           gint64         id,
                                           RshCorrectionState state,
                                           GError       **error);
GPtrArray  *rsh_store_load_corrections    (RshStore      *self,
                                           GError       **error);

G_END_DECLS
