/* rsh-fetcher.h
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

/* Seconds without a byte from the server before a fetch gives up. */
#define RSH_FETCHER_DEFAULT_TIMEOUT 30
/* Redirects followed before a link is given up as a chain that does not end. */
#define RSH_FETCHER_MAX_REDIRECTS   10

/**
 * RshFetchProgressFunc:
 * @received: body bytes received so far, as sent on the wire (before inflating)
 * @total: the body's announced length, or -1 when the server did not say
 * @user_data: the data given with the function
 *
 * Reports a fetch's progress, in the thread that runs the fetch.
 */
typedef void (*RshFetchProgressFunc) (guint64  received,
                                      gint64   total,
                                      gpointer user_data);

#define RSH_TYPE_FETCHER (rsh_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (RshFetcher, rsh_fetcher, RSH, FETCHER, GObject)

RshFetcher *rsh_fetcher_get_default    (void);
RshFetcher *rsh_fetcher_new            (void);
const char *rsh_fetcher_get_user_agent (RshFetcher            *self);
guint       rsh_fetcher_get_timeout    (RshFetcher            *self);
void        rsh_fetcher_set_timeout    (RshFetcher            *self,
                                        guint                  seconds);
guint64     rsh_fetcher_get_max_bytes  (RshFetcher            *self);
void        rsh_fetcher_set_max_bytes  (RshFetcher            *self,
                                        guint64                max_bytes);
GBytes     *rsh_fetcher_fetch          (RshFetcher            *self,
                                        const char            *url,
                                        RshFetchProgressFunc   progress,
                                        gpointer               progress_data,
                                        char                 **content_type,
                                        char                 **final_url,
                                        GCancellable          *cancellable,
                                        GError               **error);

G_END_DECLS
