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
#define RSH_STORE_SCHEMA_VERSION 4

/* PRAGMA application_id of every project file ("RSHM"), telling ours from other SQLite files. */
#define RSH_STORE_APPLICATION_ID 0x5253484D

/**
 * RshSourceVersion:
 * @number: the version's number, from 1, in the order they were read
 * @fetched_at: when it was read (ISO 8601, UTC)
 * @content_type: (nullable): the content type it came with
 * @url: (nullable): where it was read from
 * @size: its size in bytes
 * @current: whether the source's text comes from this version now
 * @title: (nullable): the title extracted from it (not the one a user gave)
 *
 * One response a source was read from, kept in the project file.
 */
typedef struct
{
  guint     number;
  char     *fetched_at;
  char     *content_type;
  char     *url;
  gsize     size;
  gboolean  current;
  char     *title;
} RshSourceVersion;

#define RSH_TYPE_SOURCE_VERSION (rsh_source_version_get_type ())
GType             rsh_source_version_get_type (void) G_GNUC_CONST;
RshSourceVersion *rsh_source_version_copy     (const RshSourceVersion *version);
void              rsh_source_version_free     (RshSourceVersion       *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshSourceVersion, rsh_source_version_free)

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
gboolean    rsh_store_set_source_title    (RshStore      *self,
                                           const char    *source_id,
                                           const char    *title,
                                           GError       **error);
GPtrArray  *rsh_store_list_source_versions
                                          (RshStore      *self,
                                           const char    *source_id,
                                           GError       **error);
GBytes     *rsh_store_load_source_version (RshStore      *self,
                                           const char    *source_id,
                                           guint          number,
                                           char         **content_type,
                                           GError       **error);
gboolean    rsh_store_index_claims        (RshStore      *self,
                                           RshComparison *comparison,
                                           GError       **error);
GStrv       rsh_store_search_claims       (RshStore      *self,
                                           const char    *query,
                                           GError       **error);

G_END_DECLS
