/* rsh-source.h
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

/* Inputs larger than this are refused with RSH_ERROR_TOO_LARGE. */
#define RSH_SOURCE_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  RSH_SOURCE_STATE_PENDING,
  RSH_SOURCE_STATE_LOADING,
  RSH_SOURCE_STATE_READY,
  RSH_SOURCE_STATE_FAILED,
} RshSourceState;

#define RSH_TYPE_SOURCE_STATE (rsh_source_state_get_type ())
GType rsh_source_state_get_type (void);

#define RSH_TYPE_SOURCE (rsh_source_get_type ())
G_DECLARE_FINAL_TYPE (RshSource, rsh_source, RSH, SOURCE, GObject)

RshSource          *rsh_source_new               (const char           *input);
const char         *rsh_source_get_id            (RshSource            *self);
void                rsh_source_set_id            (RshSource            *self,
                                                  const char           *id);
const char         *rsh_source_get_input         (RshSource            *self);
RshSourceState      rsh_source_get_state         (RshSource            *self);
double              rsh_source_get_progress      (RshSource            *self);
const char         *rsh_source_get_error_message (RshSource            *self);
const char         *rsh_source_get_title         (RshSource            *self);
const char         *rsh_source_get_outlet        (RshSource            *self);
void                rsh_source_set_outlet        (RshSource            *self,
                                                  const char           *outlet);
void                rsh_source_set_title         (RshSource            *self,
                                                  const char           *title);
const char * const *rsh_source_get_authors       (RshSource            *self);
const char         *rsh_source_get_published     (RshSource            *self);
gboolean            rsh_source_set_published     (RshSource            *self,
                                                  const char           *published,
                                                  GError              **error);
const char         *rsh_source_get_modified      (RshSource            *self);
const char         *rsh_source_get_language      (RshSource            *self);
const char         *rsh_source_get_url           (RshSource            *self);
const char         *rsh_source_get_text          (RshSource            *self);
const char         *rsh_source_get_content_type  (RshSource            *self);
GBytes             *rsh_source_get_raw           (RshSource            *self);
const char         *rsh_source_get_duplicate_of  (RshSource            *self);
void                rsh_source_set_duplicate_of  (RshSource            *self,
                                                  const char           *source_id);
const GArray       *rsh_source_get_paragraphs    (RshSource            *self);
const GArray       *rsh_source_get_sentences     (RshSource            *self);

gboolean            rsh_source_load              (RshSource            *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void                rsh_source_load_async        (RshSource            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean            rsh_source_load_finish       (RshSource            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean            rsh_source_load_bytes        (RshSource            *self,
                                                  GBytes               *raw,
                                                  const char           *content_type,
                                                  GError              **error);

G_END_DECLS
