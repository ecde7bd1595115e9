/* rsh-fetcher.c: the engine's one HTTP client
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "rashomon.h"

#define READ_CHUNK_BYTES (64 * 1024)
/* How often the watchdog looks at the transfers it guards. */
#define WATCH_INTERVAL_MS 100

/**
 * RshFetcher:
 *
 * Fetches web pages for the sources: one #SoupSession, configured once when the fetcher
 * is created, then used from worker threads with libsoup's blocking API (allowed since
 * libsoup 3.2 as long as nothing but sending happens outside the creating thread).
 *
 * Every fetch is bounded: redirects (a loop is caught the second time an address comes
 * back), silence from the server (#RshFetcher:timeout, watched by a thread of its own so
 * the blocking calls can be interrupted), and size, both on the wire and once inflated.
 * Only http and https are followed.
 */
struct _RshFetcher
{
  GObject       parent_instance;

  /* owned */
  SoupSession  *session;
  char         *user_agent;
  GThread      *watchdog;
  GMainContext *watchdog_context;
  GMainLoop    *watchdog_loop;

  /* guards the settings below and the watchdog's start */
  GMutex        mutex;
  guint         timeout;
  guint64       max_bytes;
};

G_DEFINE_FINAL_TYPE (RshFetcher, rsh_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER_AGENT,
  PROP_TIMEOUT,
  PROP_MAX_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One request (one hop of a redirect chain), as the watchdog sees it. */
typedef struct
{
  gatomicrefcount  refs;
  GMutex           mutex;
  GCancellable    *cancellable;  /* what the transfer listens to */
  GCancellable    *caller;       /* the caller's, forwarded to the one above */
  gulong           caller_handler;
  GSource         *timer;
  gint64           last_activity;
  gint64           timeout_us;
  gint             timed_out;    /* atomic */
} Guard;

static Guard *
guard_ref (Guard *guard)
{
  g_atomic_ref_count_inc (&guard->refs);
  return guard;
}

static void
guard_unref (Guard *guard)
{
  if (!g_atomic_ref_count_dec (&guard->refs))
    return;
  g_mutex_clear (&guard->mutex);
  g_clear_object (&guard->cancellable);
  g_free (guard);
}

static void
guard_touch (Guard *guard)
{
  g_mutex_lock (&guard->mutex);
  guard->last_activity = g_get_monotonic_time ();
  g_mutex_unlock (&guard->mutex);
}

static gboolean
guard_timed_out (Guard *guard)
{
  return g_atomic_int_get (&guard->timed_out) != 0;
}

/* Watchdog thread. */
static gboolean
guard_check_cb (gpointer user_data)
{
  Guard *guard = user_data;
  gboolean expired;

  g_mutex_lock (&guard->mutex);
  expired = g_get_monotonic_time () - guard->last_activity >= guard->timeout_us;
  g_mutex_unlock (&guard->mutex);

  if (!expired)
    return G_SOURCE_CONTINUE;

  g_atomic_int_set (&guard->timed_out, 1);
  g_cancellable_cancel (guard->cancellable);
  return G_SOURCE_REMOVE;
}

/* Any thread: the caller cancelled. */
static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
}

static gpointer
watchdog_thread (gpointer user_data)
{
  RshFetcher *self = user_data;

  g_main_context_push_thread_default (self->watchdog_context);
  g_main_loop_run (self->watchdog_loop);
  g_main_context_pop_thread_default (self->watchdog_context);
  return NULL;
}

static gboolean
quit_watchdog_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Starts the watchdog thread the first time a timeout is needed. Caller holds the lock. */
static void
ensure_watchdog_locked (RshFetcher *self)
{
  if (self->watchdog != NULL)
    return;
  self->watchdog_context = g_main_context_new ();
  self->watchdog_loop = g_main_loop_new (self->watchdog_context, FALSE);
  self->watchdog = g_thread_new ("rsh-fetch-watchdog", watchdog_thread, self);
}

static Guard *
guard_new (RshFetcher   *self,
           GCancellable *caller)
{
  Guard *guard = g_new0 (Guard, 1);
  guint timeout;

  g_atomic_ref_count_init (&guard->refs);
  g_mutex_init (&guard->mutex);
  guard->cancellable = g_cancellable_new ();
  guard->last_activity = g_get_monotonic_time ();

  if (caller != NULL)
    {
      guard->caller = g_object_ref (caller);
      guard->caller_handler = g_cancellable_connect (caller, G_CALLBACK (caller_cancelled_cb),
                                                     g_object_ref (guard->cancellable),
                                                     g_object_unref);
    }

  g_mutex_lock (&self->mutex);
  timeout = self->timeout;
  if (timeout > 0)
    {
      ensure_watchdog_locked (self);
      guard->timeout_us = (gint64) timeout * G_USEC_PER_SEC;
      guard->timer = g_timeout_source_new (WATCH_INTERVAL_MS);
      g_source_set_static_name (guard->timer, "[rashomon] fetch watchdog");
      g_source_set_callback (guard->timer, guard_check_cb, guard_ref (guard),
                             (GDestroyNotify) guard_unref);
      g_source_attach (guard->timer, self->watchdog_context);
    }
  g_mutex_unlock (&self->mutex);

  return guard;
}

/* Ends a hop. The transfer's cancellable is cancelled on the way out, so a body that was
 * not read to its end is dropped with its connection instead of being read to the end. */
static void
guard_finish (Guard        *guard,
              GInputStream *stream)
{
  if (guard->timer != NULL)
    {
      g_source_destroy (guard->timer);
      g_clear_pointer (&guard->timer, g_source_unref);
    }
  if (guard->caller != NULL)
    {
      g_cancellable_disconnect (guard->caller, guard->caller_handler);
      g_clear_object (&guard->caller);
    }
  if (stream != NULL && !g_input_stream_is_closed (stream))
    {
      g_cancellable_cancel (guard->cancellable);
      g_input_stream_close (stream, guard->cancellable, NULL);
    }
  guard_unref (guard);
}

static gboolean
is_http_scheme (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

/* What kind of file a content type names, when it is surely not an article. */
static const char *
refused_kind (const char *content_type)
{
  static const struct { const char *prefix; const char *kind; } kinds[] = {
    { "image/", N_("an image") },
    { "video/", N_("a video") },
    { "audio/", N_("a sound file") },
    { "font/", N_("a font") },
    { "model/", N_("a 3D model") },
    { "application/zip", N_("an archive") },
    { "application/x-zip", N_("an archive") },
    { "application/gzip", N_("an archive") },
    { "application/x-gzip", N_("an archive") },
    { "application/x-tar", N_("an archive") },
    { "application/x-bzip", N_("an archive") },
    { "application/x-xz", N_("an archive") },
    { "application/x-7z-compressed", N_("an archive") },
    { "application/x-rar", N_("an archive") },
    { "application/vnd.rar", N_("an archive") },
    { "application/java-archive", N_("an archive") },
    { "application/vnd.android.package-archive", N_("a program") },
    { "application/x-msdownload", N_("a program") },
    { "application/x-executable", N_("a program") },
    { "application/x-iso9660-image", N_("a disk image") },
    { "application/wasm", N_("a program") },
  };

  if (content_type == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strncasecmp (content_type, kinds[i].prefix, strlen (kinds[i].prefix)) == 0)
      return _(kinds[i].kind);
  return NULL;
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      max_bytes,
               gint64       announced,
               gboolean     inflated)
{
  g_autofree char *limit = g_format_size (max_bytes);

  if (announced >= 0)
    {
      g_autofree char *actual = g_format_size ((guint64) announced);

      g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s); Rashomon reads articles of up to %s."),
                   name, actual, limit);
    }
  else if (inflated)
    g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                 _("“%s” is too large once uncompressed (more than %s); Rashomon reads "
                   "articles of up to %s."),
                 name, limit, limit);
  else
    g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                 _("“%s” is too large (more than %s); Rashomon reads articles of up to %s."),
                 name, limit, limit);
}

/* Turns what libsoup or GIO said into what the user reads. */
static void
set_transfer_error (GError     **error,
                    GError      *cause,
                    Guard       *guard,
                    guint        timeout,
                    const char  *name,
                    gboolean     answered,
                    guint64      received,
                    gint64       total)
{
  if (guard_timed_out (guard))
    {
      if (answered)
        g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                     ngettext ("“%s” could not be fetched: the server stopped sending for %u "
                               "second (timed out); try again later.",
                               "“%s” could not be fetched: the server stopped sending for %u "
                               "seconds (timed out); try again later.",
                               timeout),
                     name, timeout);
      else
        g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                     ngettext ("“%s” could not be fetched: the server did not answer within %u "
                               "second (timed out); try again later.",
                               "“%s” could not be fetched: the server did not answer within %u "
                               "seconds (timed out); try again later.",
                               timeout),
                     name, timeout);
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (answered && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      g_autofree char *got = g_format_size (received);

      if (total >= 0)
        {
          g_autofree char *expected = g_format_size ((guint64) total);

          g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                       _("“%s” could not be fetched: the connection closed before the whole "
                         "page arrived (%s of %s, truncated); try again later."),
                       name, got, expected);
        }
      else
        g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                     _("“%s” could not be fetched: the connection closed before the whole "
                       "page arrived (after %s, truncated); try again later."),
                     name, got);
    }
  else if (answered && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: the server sent damaged compressed data (%s)."),
                 name, cause->message);
  else if (answered)
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be read to the end: %s"), name, cause->message);
  else
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: %s"), name, cause->message);
}

static void
set_status_error (GError      **error,
                  SoupMessage  *message,
                  const char   *name)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  if (reason == NULL)
    reason = "";

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: the server has no such page (%u %s); check "
                   "the link."),
                 name, status, reason);
  else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN ||
           status == SOUP_STATUS_PAYMENT_REQUIRED)
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: the server refused (%u %s); save the page "
                   "from your browser and add the file instead."),
                 name, status, reason);
  else if (status >= 500)
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: the server failed (%u %s); try again later."),
                 name, status, reason);
  else
    g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                 _("“%s” could not be fetched: the server answered %u %s."),
                 name, status, reason);
}

/* Reads the body of one answer, bounded by @max_bytes on the wire and once inflated. */
static GBytes *
read_body (RshFetcher            *self,
           SoupMessage           *message,
           GInputStream          *stream,
           Guard                 *guard,
           const char            *name,
           guint                  timeout,
           guint64                max_bytes,
           RshFetchProgressFunc   progress,
           gpointer               progress_data,
           GError               **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  SoupMessageMetrics *metrics = soup_message_get_metrics (message);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  gboolean encoded = coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK_BYTES);
  gint64 total = -1;
  guint64 received = 0;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    total = soup_message_headers_get_content_length (headers);

  if (progress != NULL)
    progress (0, total, progress_data);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, chunk, READ_CHUNK_BYTES, guard->cancellable,
                                      &local_error);

      if (n < 0)
        {
          set_transfer_error (error, local_error, guard, timeout, name, TRUE, received, total);
          return NULL;
        }
      guard_touch (guard);

      /* On the wire: what libsoup counted before inflating; without compression the two
       * are the same bytes. */
      if (encoded && metrics != NULL)
        received = soup_message_metrics_get_response_body_bytes_received (metrics);
      else
        received = buffer->len + (gsize) n;

      if (received > max_bytes)
        {
          set_too_large (error, name, max_bytes, -1, FALSE);
          return NULL;
        }
      if (n == 0)
        {
          /* libsoup takes an early close for the end of the body; the length said not. */
          if (total >= 0 && received < (guint64) total)
            {
              g_autoptr(GError) partial =
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "");

              set_transfer_error (error, partial, guard, timeout, name, TRUE, received, total);
              return NULL;
            }
          break;
        }
      if (buffer->len + (guint64) n > max_bytes)
        {
          set_too_large (error, name, max_bytes, -1, encoded);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);

      if (progress != NULL)
        progress (received, total, progress_data);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* GObject ------------------------------------------------------------------------------ */

static void
rsh_fetcher_finalize (GObject *object)
{
  RshFetcher *self = (RshFetcher *) object;

  if (self->watchdog != NULL)
    {
      g_autoptr(GSource) quit = g_idle_source_new ();

      /* Through the loop itself: a quit that came before the thread ran it would be lost. */
      g_source_set_callback (quit, quit_watchdog_cb, self->watchdog_loop, NULL);
      g_source_attach (quit, self->watchdog_context);
      g_thread_join (self->watchdog);
      g_clear_pointer (&self->watchdog_loop, g_main_loop_unref);
      g_clear_pointer (&self->watchdog_context, g_main_context_unref);
    }
  g_clear_object (&self->session);
  g_clear_pointer (&self->user_agent, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rsh_fetcher_parent_class)->finalize (object);
}

static void
rsh_fetcher_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RshFetcher *self = RSH_FETCHER (object);

  switch (prop_id)
    {
    case PROP_USER_AGENT:
      g_value_set_string (value, rsh_fetcher_get_user_agent (self));
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, rsh_fetcher_get_timeout (self));
      break;

    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, rsh_fetcher_get_max_bytes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_fetcher_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RshFetcher *self = RSH_FETCHER (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      rsh_fetcher_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_BYTES:
      rsh_fetcher_set_max_bytes (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_fetcher_class_init (RshFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_fetcher_finalize;
  object_class->get_property = rsh_fetcher_get_property;
  object_class->set_property = rsh_fetcher_set_property;

  /**
   * RshFetcher:user-agent:
   *
   * How Rashomon introduces itself to web servers: its name, version and home page.
   */
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RshFetcher:timeout:
   *
   * Seconds a server may stay silent (while connecting, before answering, or between two
   * pieces of the page) before the fetch fails; 0 waits forever.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, RSH_FETCHER_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshFetcher:max-bytes:
   *
   * The largest page accepted, counted on the wire and again once inflated.
   */
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 1, G_MAXUINT32, RSH_SOURCE_MAX_BYTES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_fetcher_init (RshFetcher *self)
{
  g_mutex_init (&self->mutex);
  self->timeout = RSH_FETCHER_DEFAULT_TIMEOUT;
  self->max_bytes = RSH_SOURCE_MAX_BYTES;
  self->user_agent = g_strdup_printf ("Rashomon/%s (+https://github.com/rashomon/rashomon)",
                                      PACKAGE_VERSION);

  /* Everything the session needs is set here, in the creating thread, before any request:
   * libsoup's condition for sending from other threads. Timeouts are the watchdog's job,
   * so the session's own stay off. As many connections per host as a browser opens: a
   * request waiting for one counts against the timeout. */
  self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "timeout", 0,
                                                 "idle-timeout", 60,
                                                 "max-conns", 24,
                                                 "max-conns-per-host", 6,
                                                 NULL);
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
}

/* Public API --------------------------------------------------------------------------- */

static gpointer
create_default (gpointer data)
{
  return rsh_fetcher_new ();
}

/**
 * rsh_fetcher_get_default:
 *
 * The process's fetcher, created the first time it is asked for (from any thread) and
 * kept for the life of the process.
 *
 * Returns: (transfer none): the default fetcher
 */
RshFetcher *
rsh_fetcher_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_default, NULL);
}

/**
 * rsh_fetcher_new:
 *
 * A fetcher of its own, with its own session. Most code wants rsh_fetcher_get_default().
 *
 * Returns: (transfer full): a new fetcher
 */
RshFetcher *
rsh_fetcher_new (void)
{
  return g_object_new (RSH_TYPE_FETCHER, NULL);
}

const char *
rsh_fetcher_get_user_agent (RshFetcher *self)
{
  g_return_val_if_fail (RSH_IS_FETCHER (self), NULL);
  return self->user_agent;
}

guint
rsh_fetcher_get_timeout (RshFetcher *self)
{
  guint timeout;

  g_return_val_if_fail (RSH_IS_FETCHER (self), 0);

  g_mutex_lock (&self->mutex);
  timeout = self->timeout;
  g_mutex_unlock (&self->mutex);
  return timeout;
}

/**
 * rsh_fetcher_set_timeout:
 * @self: a #RshFetcher
 * @seconds: how long a server may stay silent; 0 waits forever
 *
 * Applies to the fetches started afterwards.
 */
void
rsh_fetcher_set_timeout (RshFetcher *self,
                         guint       seconds)
{
  gboolean changed;

  g_return_if_fail (RSH_IS_FETCHER (self));

  g_mutex_lock (&self->mutex);
  changed = self->timeout != seconds;
  self->timeout = seconds;
  g_mutex_unlock (&self->mutex);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint64
rsh_fetcher_get_max_bytes (RshFetcher *self)
{
  guint64 max_bytes;

  g_return_val_if_fail (RSH_IS_FETCHER (self), 0);

  g_mutex_lock (&self->mutex);
  max_bytes = self->max_bytes;
  g_mutex_unlock (&self->mutex);
  return max_bytes;
}

/**
 * rsh_fetcher_set_max_bytes:
 * @self: a #RshFetcher
 * @max_bytes: the largest page accepted, on the wire and inflated
 *
 * Applies to the fetches started afterwards.
 */
void
rsh_fetcher_set_max_bytes (RshFetcher *self,
                           guint64     max_bytes)
{
  gboolean changed;

  g_return_if_fail (RSH_IS_FETCHER (self));
  g_return_if_fail (max_bytes > 0);

  g_mutex_lock (&self->mutex);
  changed = self->max_bytes != max_bytes;
  self->max_bytes = max_bytes;
  g_mutex_unlock (&self->mutex);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BYTES]);
}

/**
 * rsh_fetcher_fetch:
 * @self: a #RshFetcher
 * @url: an http or https address
 * @progress: (nullable) (scope call): called in this thread as the body arrives
 * @progress_data: data for @progress
 * @content_type: (out) (optional): the answer's Content-Type, with its parameters
 * @final_url: (out) (optional): the address the page was found at, after redirects
 * @cancellable: (nullable): a #GCancellable; cancelling stops the transfer at once
 * @error: return location for a #GError
 *
 * Fetches @url, blocking: call it from a worker thread. Redirects are followed to http
 * and https addresses only; a gzip or deflate body is inflated. Content types that
 * cannot hold an article (images, video, sound, archives) are refused before their body
 * is read.
 *
 * Errors are in the %RSH_ERROR domain: %RSH_ERROR_INVALID for an address that is not
 * http(s), %RSH_ERROR_FETCH for status codes, redirect loops, timeouts and broken
 * connections, %RSH_ERROR_TOO_LARGE past #RshFetcher:max-bytes and
 * %RSH_ERROR_NOT_ARTICLE for refused content types; cancelling gives
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 */
GBytes *
rsh_fetcher_fetch (RshFetcher            *self,
                   const char            *url,
                   RshFetchProgressFunc   progress,
                   gpointer               progress_data,
                   char                 **content_type,
                   char                 **final_url,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *current = NULL;
  const char *name = url;
  guint timeout;
  guint64 max_bytes;

  g_return_val_if_fail (RSH_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->mutex);
  timeout = self->timeout;
  max_bytes = self->max_bytes;
  g_mutex_unlock (&self->mutex);

  if (!is_http_scheme (url))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not a web address; Rashomon fetches http and https links."),
                   name);
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  current = g_strdup (url);

  for (guint redirects = 0; ; redirects++)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      SoupMessageHeaders *headers;
      const char *type;
      const char *kind;
      guint status;
      Guard *guard;
      GBytes *bytes;

      message = soup_message_new (SOUP_METHOD_GET, current);
      if (message == NULL)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("“%s” is not a valid web address."), name);
          return NULL;
        }
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_COLLECT_METRICS);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                    "text/html,application/xhtml+xml,text/plain;q=0.9,"
                                    "application/pdf;q=0.8,*/*;q=0.5");
      g_hash_table_add (seen, g_strdup (current));

      guard = guard_new (self, cancellable);
      stream = soup_session_send (self->session, message, guard->cancellable, &local_error);
      if (stream == NULL)
        {
          set_transfer_error (error, local_error, guard, timeout, name, FALSE, 0, -1);
          guard_finish (guard, NULL);
          return NULL;
        }
      guard_touch (guard);

      status = soup_message_get_status (message);
      headers = soup_message_get_response_headers (message);

      if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
        {
          const char *location = soup_message_headers_get_one (headers, "Location");
          g_autofree char *next = NULL;

          guard_finish (guard, stream);

          if (location != NULL)
            next = g_uri_resolve_relative (current, location, G_URI_FLAGS_NONE, NULL);
          if (next == NULL)
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                           _("“%s” could not be fetched: the server answered %u %s without "
                             "a usable new address."),
                           name, status, soup_message_get_reason_phrase (message));
              return NULL;
            }
          if (!is_http_scheme (next))
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                           _("“%s” could not be fetched: it redirects to “%s”, which is not a "
                             "web address; Rashomon only follows http and https links."),
                           name, next);
              return NULL;
            }
          if (g_hash_table_contains (seen, next))
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                           _("“%s” could not be fetched: it redirects in a loop (back to "
                             "“%s”)."),
                           name, next);
              return NULL;
            }
          if (redirects + 1 > RSH_FETCHER_MAX_REDIRECTS)
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                           _("“%s” could not be fetched: it redirects more than %u times."),
                           name, RSH_FETCHER_MAX_REDIRECTS);
              return NULL;
            }
          g_free (current);
          current = g_steal_pointer (&next);
          continue;
        }

      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          set_status_error (error, message, name);
          guard_finish (guard, stream);
          return NULL;
        }

      type = soup_message_headers_get_one (headers, "Content-Type");
      kind = refused_kind (type);
      if (kind != NULL)
        {
          g_autofree char *mime = g_strdup (type);

          g_strstrip (g_strdelimit (mime, ";", '\0'));
          g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                       _("“%s” is %s (%s), not an article; add the link to the article’s "
                         "page instead."),
                       name, kind, mime);
          guard_finish (guard, stream);
          return NULL;
        }

      /* Refused before reading a single byte of it. */
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          (guint64) soup_message_headers_get_content_length (headers) > max_bytes)
        {
          set_too_large (error, name, max_bytes,
                         soup_message_headers_get_content_length (headers), FALSE);
          guard_finish (guard, stream);
          return NULL;
        }

      bytes = read_body (self, message, stream, guard, name, timeout, max_bytes,
                         progress, progress_data, error);
      if (bytes != NULL)
        g_input_stream_close (stream, guard->cancellable, NULL);
      guard_finish (guard, stream);
      if (bytes == NULL)
        return NULL;

      if (content_type != NULL)
        *content_type = g_strdup (type);
      if (final_url != NULL)
        *final_url = g_steal_pointer (&current);
      return bytes;
    }
}
