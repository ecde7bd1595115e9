/* test-fetch.c: links, good and bad, against the local test server
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <rashomon.h>

#include "rsh-test-server.h"

static RshTestServer *server;

static void
assert_mentions (const char *message,
                 const char *words)
{
  if (strstr (message, words) == NULL)
    g_error ("“%s” does not mention “%s”", message, words);
}

/* Fetches @path with the default fetcher and expects @code with @words in the message,
 * which also names the link. */
static void
assert_fetch_fails (const char *path,
                    GQuark      domain,
                    int         code,
                    const char *words)
{
  g_autofree char *uri = rsh_test_server_uri (server, path);
  g_autofree char *type = NULL;
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = rsh_fetcher_fetch (rsh_fetcher_get_default (), uri, NULL, NULL, &type, &final,
                             NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, domain, code);
  assert_mentions (error->message, words);
  assert_mentions (error->message, uri);
  g_assert_null (type);
  g_assert_null (final);
}

/* The same through a source, as the app reads links: the row keeps the reason. */
static void
assert_source_fails (const char *path,
                     int         code,
                     const char *words)
{
  g_autofree char *uri = rsh_test_server_uri (server, path);
  g_autoptr(RshSource) source = rsh_source_new (uri);
  g_autoptr(GError) error = NULL;

  g_assert_false (rsh_source_load (source, NULL, &error));
  g_assert_error (error, RSH_ERROR, code);
  assert_mentions (error->message, words);
  assert_mentions (error->message, uri);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_cmpstr (rsh_source_get_error_message (source), ==, error->message);
  g_assert_null (rsh_source_get_text (source));
}

static RshSource *
load_source (const char *path)
{
  g_autofree char *uri = rsh_test_server_uri (server, path);
  g_autoptr(GError) error = NULL;
  RshSource *source = rsh_source_new (uri);

  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  return source;
}

static void
test_good (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, rsh_test_server_article_path (0));
  g_autofree char *type = NULL;
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *html = rsh_test_server_article_html (0);

  bytes = rsh_fetcher_fetch (rsh_fetcher_get_default (), uri, NULL, NULL, &type, &final,
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), html, strlen (html));
  g_assert_cmpstr (type, ==, "text/html; charset=utf-8");
  g_assert_cmpstr (final, ==, uri);
}

static void
test_user_agent (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/user-agent");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = g_strdup_printf ("Rashomon/%s (+https://github.com/rashomon/rashomon)",
                                               PACKAGE_VERSION);
  RshFetcher *fetcher = rsh_fetcher_get_default ();

  g_assert_true (fetcher == rsh_fetcher_get_default ());
  g_assert_cmpstr (rsh_fetcher_get_user_agent (fetcher), ==, expected);

  bytes = rsh_fetcher_fetch (fetcher, uri, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
}

static void
test_redirect_chain (void)
{
  g_autofree char *uri = rsh_test_server_uri (server, "/redirect/3");
  g_autofree char *target = rsh_test_server_uri (server, rsh_test_server_article_path (0));
  g_autofree char *final = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint before = rsh_test_server_get_hits (server, "/redirect/1");

  bytes = rsh_fetcher_fetch (rsh_fetcher_get_default (), uri, NULL, NULL, NULL, &final,
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (final, ==, target);
  g_assert_cmpuint (rsh_test_server_get_hits (server, "/redirect/1"), ==, before + 1);

  /* Through a source: the page's relative links resolve against where it was found. */
  {
    g_autoptr(RshSource) source = load_source ("/redirect/3");

    g_assert_cmpstr (rsh_source_get_title (source), ==, rsh_test_server_article_title (0));
    g_assert_cmpstr (rsh_source_get_url (source), ==, target);
  }
}

static void
test_redirect_loop (void)
{
  guint before = rsh_test_server_get_hits (server, "/redirect/loop");

  assert_fetch_fails ("/redirect/loop", RSH_ERROR, RSH_ERROR_FETCH, "redirects in a loop");
  /* Caught when the first address comes back, not after a long chain. */
  g_assert_cmpuint (rsh_test_server_get_hits (server, "/redirect/loop"), ==, before + 1);
  assert_fetch_fails ("/redirect/self", RSH_ERROR, RSH_ERROR_FETCH, "redirects in a loop");
  assert_source_fails ("/redirect/loop", RSH_ERROR_FETCH, "loop");
}

static void
test_redirect_scheme (void)
{
  assert_fetch_fails ("/redirect/file", RSH_ERROR, RSH_ERROR_FETCH,
                      "only follows http and https");
  assert_fetch_fails ("/redirect/file", RSH_ERROR, RSH_ERROR_FETCH, "file:///etc/passwd");
  assert_fetch_fails ("/redirect/data", RSH_ERROR, RSH_ERROR_FETCH,
                      "only follows http and https");
  assert_source_fails ("/redirect/file", RSH_ERROR_FETCH, "not a web address");

  /* Nor is a local file fetched when asked for directly. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = rsh_fetcher_fetch (rsh_fetcher_get_default (),
                                                 "file:///etc/passwd", NULL, NULL, NULL, NULL,
                                                 NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  }
}

static void
test_status (void)
{
  assert_fetch_fails ("/status/404", RSH_ERROR, RSH_ERROR_FETCH, "404 Not Found");
  assert_fetch_fails ("/status/404", RSH_ERROR, RSH_ERROR_FETCH, "no such page");
  assert_fetch_fails ("/status/500", RSH_ERROR, RSH_ERROR_FETCH, "500 Internal Server Error");
  assert_fetch_fails ("/status/500", RSH_ERROR, RSH_ERROR_FETCH, "the server failed");
  assert_source_fails ("/status/404", RSH_ERROR_FETCH, "404");
}

static void
test_slow (void)
{
  RshFetcher *fetcher = rsh_fetcher_get_default ();
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  rsh_fetcher_set_timeout (fetcher, 1);
  assert_fetch_fails ("/slow", RSH_ERROR, RSH_ERROR_FETCH, "did not answer within 1 second (timed out)");
  elapsed = g_get_monotonic_time () - start;
  rsh_fetcher_set_timeout (fetcher, RSH_FETCHER_DEFAULT_TIMEOUT);

  /* Given up on by the timeout, long before the server would have answered. */
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, RSH_TEST_SERVER_SLOW_SECONDS * G_USEC_PER_SEC);
}

static void
test_truncated (void)
{
  assert_fetch_fails ("/truncated", RSH_ERROR, RSH_ERROR_FETCH,
                      "the connection closed before the whole page arrived");
  assert_source_fails ("/truncated", RSH_ERROR_FETCH, "truncated");
}

static void
test_huge (void)
{
  RshFetcher *fetcher = rsh_fetcher_get_default ();
  guint64 max_bytes = rsh_fetcher_get_max_bytes (fetcher);
  g_autofree char *huge = g_format_size (RSH_TEST_SERVER_HUGE_BYTES);
  g_autofree char *limit = g_format_size (RSH_SOURCE_MAX_BYTES);
  g_autofree char *announced = g_strdup_printf ("is too large (%s)", huge);
  g_autofree char *streamed = g_strdup_printf ("is too large (more than %s)", limit);

  g_assert_cmpuint (max_bytes, ==, RSH_SOURCE_MAX_BYTES);

  /* Announced: refused on the header, with the size it claimed. */
  assert_fetch_fails ("/huge", RSH_ERROR, RSH_ERROR_TOO_LARGE, announced);
  /* Not announced: read up to the cap, then stopped. */
  assert_fetch_fails ("/huge-chunked", RSH_ERROR, RSH_ERROR_TOO_LARGE, streamed);
  assert_source_fails ("/huge", RSH_ERROR_TOO_LARGE, "too large");

  /* The cap is the fetcher's to set. */
  rsh_fetcher_set_max_bytes (fetcher, 100);
  assert_fetch_fails (rsh_test_server_article_path (0), RSH_ERROR, RSH_ERROR_TOO_LARGE,
                      "too large");
  rsh_fetcher_set_max_bytes (fetcher, max_bytes);
}

static void
test_gzip (void)
{
  g_autoptr(RshSource) source = load_source ("/gzip");

  g_assert_cmpstr (rsh_source_get_title (source), ==, rsh_test_server_article_title (1));
  g_assert_cmpuint (g_bytes_get_size (rsh_source_get_raw (source)), ==,
                    strlen (rsh_test_server_article_html (1)));
}

static void
test_gzip_bomb (void)
{
  g_autofree char *limit = g_format_size (RSH_SOURCE_MAX_BYTES);
  g_autofree char *words = g_strdup_printf ("is too large once uncompressed (more than %s)",
                                            limit);

  assert_fetch_fails ("/gzip-bomb", RSH_ERROR, RSH_ERROR_TOO_LARGE, words);
}

static void
test_wrong_type (void)
{
  /* Markup sent as plain text is still read as a page. */
  {
    g_autoptr(RshSource) source = load_source ("/wrong-type/plain");

    g_assert_cmpstr (rsh_source_get_title (source), ==, rsh_test_server_article_title (2));
    g_assert_null (strstr (rsh_source_get_text (source), "<p>"));
  }

  /* A page sent as a picture is refused on the header, before its body is read. */
  assert_fetch_fails ("/wrong-type/image", RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                      "is an image (image/png), not an article");
  assert_source_fails ("/wrong-type/image", RSH_ERROR_NOT_ARTICLE, "image/png");
}

static void
test_wrong_charset (void)
{
  g_autoptr(RshSource) source = load_source ("/wrong-charset");
  const char *text = rsh_source_get_text (source);

  /* The header's utf-8 is contradicted by the bytes: they are read as windows-1252. */
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Café owners protest harbour rent");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_mentions (text, "the council’s new rents");
}

static void
test_binary (void)
{
  assert_source_fails ("/binary", RSH_ERROR_NOT_ARTICLE, "is not a text or web page file");
}

static void
test_counted (void)
{
  guint before = rsh_test_server_get_hits (server, "/counted");
  g_autoptr(RshSource) first = load_source ("/counted");
  g_autoptr(RshSource) second = load_source ("/counted");

  g_assert_cmpuint (rsh_test_server_get_hits (server, "/counted"), ==, before + 2);
  g_assert_cmpstr (rsh_source_get_text (first), ==, rsh_source_get_text (second));
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  GArray    *seen;
  GError    *error;
  gboolean   done;
  gboolean   ok;
} Watch;

static void
progress_notify_cb (RshSource  *source,
                    GParamSpec *pspec,
                    Watch      *watch)
{
  double progress = rsh_source_get_progress (source);

  /* Never from the worker. */
  g_assert_true (g_thread_self () == watch->main_thread);
  g_array_append_val (watch->seen, progress);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Watch *watch = user_data;

  watch->ok = rsh_source_load_finish (RSH_SOURCE (object), result, &watch->error);
  watch->done = TRUE;
  g_main_loop_quit (watch->loop);
}

static void
watch_load (const char   *path,
            Watch        *watch,
            GCancellable *cancellable)
{
  g_autofree char *uri = rsh_test_server_uri (server, path);
  g_autoptr(RshSource) source = rsh_source_new (uri);

  watch->loop = g_main_loop_new (NULL, FALSE);
  watch->main_thread = g_thread_self ();
  watch->seen = g_array_new (FALSE, FALSE, sizeof (double));

  g_signal_connect (source, "notify::progress", G_CALLBACK (progress_notify_cb), watch);
  rsh_source_load_async (source, cancellable, load_done_cb, watch);
  g_assert_cmpfloat (rsh_source_get_progress (source), ==, 0.0);
  while (!watch->done)
    g_main_loop_run (watch->loop);

  /* Reports still queued when the load ended are dropped, not delivered late. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_handlers_disconnect_by_data (source, watch);
  g_main_loop_unref (watch->loop);
}

static void
test_progress (void)
{
  Watch watch = { 0, };
  gboolean between = FALSE;

  watch_load ("/trickle", &watch, NULL);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);

  /* From 0 to 1, never backwards, with stops on the way. */
  g_assert_cmpuint (watch.seen->len, >=, 3);
  for (guint i = 0; i < watch.seen->len; i++)
    {
      double p = g_array_index (watch.seen, double, i);

      g_assert_cmpfloat (p, >=, 0.0);
      g_assert_cmpfloat (p, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (p, >=, g_array_index (watch.seen, double, i - 1));
      between |= p > 0.0 && p < 1.0;
    }
  g_assert_true (between);
  g_assert_cmpfloat (g_array_index (watch.seen, double, watch.seen->len - 1), ==, 1.0);
  g_array_unref (watch.seen);
}

static void
test_progress_chunked (void)
{
  Watch watch = { 0, };
  gboolean indeterminate = FALSE;

  watch_load ("/trickle-chunked", &watch, NULL);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);

  /* Length unknown: indeterminate (-1) while it arrives, then 1. */
  for (guint i = 0; i < watch.seen->len; i++)
    {
      double p = g_array_index (watch.seen, double, i);

      g_assert_true (p == -1.0 || p == 1.0);
      indeterminate |= p == -1.0;
    }
  g_assert_true (indeterminate);
  g_assert_cmpfloat (g_array_index (watch.seen, double, watch.seen->len - 1), ==, 1.0);
  g_array_unref (watch.seen);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch watch = { 0, };
  gint64 start = g_get_monotonic_time ();

  /* The default timeout (30 s) is in force: only the cancellation can end this early. */
  g_assert_cmpuint (rsh_fetcher_get_timeout (rsh_fetcher_get_default ()), ==,
                    RSH_FETCHER_DEFAULT_TIMEOUT);
  g_timeout_add (200, cancel_cb, cancellable);
  watch_load ("/slow", &watch, cancellable);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (watch.ok);
  g_assert_cmpint (g_get_monotonic_time () - start, <, RSH_TEST_SERVER_SLOW_SECONDS * G_USEC_PER_SEC);
  g_clear_error (&watch.error);
  g_array_unref (watch.seen);

  /* Cancelled before it starts: nothing is sent. */
  {
    g_autofree char *uri = rsh_test_server_uri (server, "/counted");
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;
    guint before = rsh_test_server_get_hits (server, "/counted");

    bytes = rsh_fetcher_fetch (rsh_fetcher_get_default (), uri, NULL, NULL, NULL, NULL,
                               cancellable, &error);
    g_assert_null (bytes);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (rsh_test_server_get_hits (server, "/counted"), ==, before);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  RshFetcher *fetcher = rsh_fetcher_new ();
  guint timeouts = 0;
  guint timeout = 0;
  guint64 max_bytes = 0;

  g_signal_connect (fetcher, "notify::timeout", G_CALLBACK (count_notify_cb), &timeouts);
  g_object_get (fetcher, "timeout", &timeout, "max-bytes", &max_bytes, NULL);
  g_assert_cmpuint (timeout, ==, RSH_FETCHER_DEFAULT_TIMEOUT);
  g_assert_cmpuint (max_bytes, ==, RSH_SOURCE_MAX_BYTES);

  rsh_fetcher_set_timeout (fetcher, 1);
  rsh_fetcher_set_timeout (fetcher, 1);
  g_assert_cmpuint (timeouts, ==, 1);
  g_object_set (fetcher, "max-bytes", (guint64) 4096, NULL);
  g_assert_cmpuint (rsh_fetcher_get_max_bytes (fetcher), ==, 4096);

  /* A fetcher of its own works like the default one, and stops its watchdog when it goes. */
  {
    g_autofree char *uri = rsh_test_server_uri (server, rsh_test_server_article_path (1));
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = rsh_fetcher_fetch (fetcher, uri, NULL, NULL, NULL, NULL, NULL,
                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (rsh_test_server_article_html (1)));
  }

  g_assert_finalize_object (fetcher);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fetch/good", test_good);
  g_test_add_func ("/core/fetch/user-agent", test_user_agent);
  g_test_add_func ("/core/fetch/redirect/chain", test_redirect_chain);
  g_test_add_func ("/core/fetch/redirect/loop", test_redirect_loop);
  g_test_add_func ("/core/fetch/redirect/scheme", test_redirect_scheme);
  g_test_add_func ("/core/fetch/status", test_status);
  g_test_add_func ("/core/fetch/slow", test_slow);
  g_test_add_func ("/core/fetch/truncated", test_truncated);
  g_test_add_func ("/core/fetch/huge", test_huge);
  g_test_add_func ("/core/fetch/gzip", test_gzip);
  g_test_add_func ("/core/fetch/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/core/fetch/wrong-type", test_wrong_type);
  g_test_add_func ("/core/fetch/wrong-charset", test_wrong_charset);
  g_test_add_func ("/core/fetch/binary", test_binary);
  g_test_add_func ("/core/fetch/counted", test_counted);
  g_test_add_func ("/core/fetch/progress", test_progress);
  g_test_add_func ("/core/fetch/progress-chunked", test_progress_chunked);
  g_test_add_func ("/core/fetch/cancel", test_cancel);
  g_test_add_func ("/core/fetch/properties", test_properties);

  server = rsh_test_server_new ();
  status = g_test_run ();
  rsh_test_server_free (server);
  return status;
}
