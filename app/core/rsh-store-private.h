/* rsh-store-private.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rashomon.h"

G_BEGIN_DECLS

/* A copy of everything the store keeps about one source, taken on the thread that owns the
 * source, so that the write itself can run on a worker without touching the source. */
typedef struct _RshStoreRow RshStoreRow;

RshStoreRow *rsh_store_row_new  (RshSource          *source);
void         rsh_store_row_free (RshStoreRow        *row);
void         rsh_store_row_set_restored_version
                                (RshStoreRow        *row,
                                 guint               number);
void         rsh_store_row_set_version_title
                                (RshStoreRow        *row,
                                 const char         *title);
gboolean     rsh_store_put_row  (RshStore           *self,
                                 const RshStoreRow  *row,
                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshStoreRow, rsh_store_row_free)

G_END_DECLS
