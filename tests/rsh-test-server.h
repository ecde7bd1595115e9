/* rsh-test-server.h: a local web server with good and bad pages, for the link tests
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Seconds /slow waits before it answers: longer than any timeout the tests set. */
#define RSH_TEST_SERVER_SLOW_SECONDS 5
/* What /huge and /huge-chunked claim to hold. */
#define RSH_TEST_SERVER_HUGE_BYTES   ((guint64) 1 << 30)
/* How many good, different articles /news/<n> serves (one story, three outlets). */
#define RSH_TEST_SERVER_N_ARTICLES   3
/* The title of the second answer of /changing. */
#define RSH_TEST_SERVER_CHANGED_TITLE "Ostrel ferry halted until March as pier cracks found"

typedef struct _RshTestServer RshTestServer;

RshTestServer *rsh_test_server_new           (void);
void           rsh_test_server_free          (RshTestServer *self);
char          *rsh_test_server_uri           (RshTestServer *self,
                                              const char    *path);
guint          rsh_test_server_get_hits      (RshTestServer *self,
                                              const char    *path);

const char    *rsh_test_server_article_path  (guint          index);
const char    *rsh_test_server_article_title (guint          index);
const char    *rsh_test_server_article_html  (guint          index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshTestServer, rsh_test_server_free)

G_END_DECLS
