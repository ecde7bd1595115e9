/* rsh-test-server.c: a local web server with good and bad pages, for the link tests
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupServer on 127.0.0.1 (a port the system picks), in a thread and main context of
 * its own, so tests can block on fetches without starving it. Routes:
 *
 *   /news/ferry /news/pier /news/islanders   three good articles on one story
 *   /news/ferry-copy                         the first again, at another address
 *   /news/fares                              a windows-1252 page, declared as such
 *   /counted                                 a good article (see get_hits, which counts
 *                                            the requests of every path)
 *   /gzip                                    a good article, gzip-compressed
 *   /redirect/3                              3 hops, then /news/ferry
 *   /redirect/fares                          1 hop, to /news/fares
 *   /redirect/loop                           /redirect/loop -> /redirect/loop-back -> ...
 *   /redirect/self                           redirects to itself
 *   /redirect/file /redirect/data            redirect to file:///etc/passwd, to data:
 *   /status/404 /status/500                  those statuses (any other path: 404)
 *   /slow                                    answers after RSH_TEST_SERVER_SLOW_SECONDS
 *   /truncated                               Content-Length 4096, then 1000 bytes and close
 *   /huge /huge-chunked                      1 GB, announced or chunked, made on demand
 *   /gzip-bomb                               gzip of 80 MB of zeros (about 80 kB sent)
 *   /wrong-type/plain /wrong-type/image      an HTML article as text/plain, as image/png
 *   /wrong-charset                           says utf-8, sends windows-1252
 *   /binary                                  binary bytes as text/html
 *   /trickle /trickle-chunked                an article in 8 pieces, 80 ms apart
 *   /user-agent                              the User-Agent it was sent, as text/plain
 *   /changing                                a page that changes: the first request gets
 *                                            /news/ferry, the second an updated story
 *                                            (RSH_TEST_SERVER_CHANGED_TITLE), later ones 404
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>
#include <zlib.h>

#include "rsh-test-server.h"

#define STREAM_CHUNK_BYTES (256 * 1024)
#define BOMB_BYTES         ((gsize) 80 << 20)
#define TRICKLE_PIECES     8
#define TRICKLE_DELAY_MS   80

struct _RshTestServer
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base;
  GMutex        mutex;
  GCond         cond;
  GHashTable   *hits;
  /* the gzip bomb is made in a thread of its own, so the server keeps answering meanwhile */
  GThread      *bomb_thread;
  GBytes       *bomb;
  GPtrArray    *bomb_waiting;
};

typedef struct
{
  const char *path;
  const char *title;
  const char *html;
} Article;

/* Invented: one story told by three outlets. */
static const Article articles[RSH_TEST_SERVER_N_ARTICLES] = {
  { "/news/ferry", "Ferry service to Ostrel suspended",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Ferry service to Ostrel suspended</title>"
    "<meta property=\"og:site_name\" content=\"Ostrel Courier\">"
    "<link rel=\"canonical\" href=\"/news/ferry\">"
    "</head><body><article><h1>Ferry service to Ostrel suspended</h1>"
    "<p>The harbour office said on Monday that the morning ferry to Ostrel would not sail "
    "until the pier had been inspected.</p>"
    "<p>Captain Ilse Varga denied that the crossing had ever been unsafe, and said the "
    "inspection was a formality that the company had asked for itself.</p>"
    "<p>Residents of the island disputed the timetable, saying that the pier had been "
    "closed twice already this spring without any notice to passengers.</p>"
    "</article></body></html>" },
  { "/news/pier", "Ostrel pier fails inspection, crossings halted",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Ostrel pier fails inspection, crossings halted</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
    "</head><body><article><h1>Ostrel pier fails inspection, crossings halted</h1>"
    "<p>Engineers found rusted supports under the Ostrel pier on Monday, and the harbour "
    "office stopped all crossings until repairs are made.</p>"
    "<p>A spokesman for the ferry company said the boats themselves were sound and that "
    "the company would pay for a temporary landing stage.</p>"
    "<p>The office expects the work to take at least three weeks.</p>"
    "</article></body></html>" },
  { "/news/islanders", "Islanders angry as Ostrel crossing stops",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Islanders angry as Ostrel crossing stops</title>"
    "<meta property=\"og:site_name\" content=\"Lake Radio\">"
    "</head><body><article><h1>Islanders angry as Ostrel crossing stops</h1>"
    "<p>People on Ostrel said on Tuesday that they had learned of the ferry stoppage from a "
    "notice taped to the ticket office.</p>"
    "<p>The island's council chair, Mira Dalk, said a water taxi would carry schoolchildren "
    "and patients until the ferry returns.</p>"
    "<p>Shopkeepers warned that deliveries of fresh food would stop by the weekend.</p>"
    "</article></body></html>" },
};

/* Invented: the second answer of /changing, the ferry story updated. */
static const char changed_page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>" RSH_TEST_SERVER_CHANGED_TITLE "</title>"
  "<meta property=\"og:site_name\" content=\"Lakeside Daily\">"
  "</head><body><article><h1>" RSH_TEST_SERVER_CHANGED_TITLE "</h1>"
  "<p>The ferry to Ostrel will not sail again before March, the operator said on Thursday, "
  "after divers found cracks in the pier's main pillars.</p>"
  "<p>The harbour master, Tomas Veld, denied that the cracks had been reported last year.</p>"
  "<p>A water taxi will keep carrying schoolchildren and patients twice a day.</p>"
  "</article></body></html>";

/* Declared windows-1252, and it is: curly apostrophe 0x92, e acute 0xE9. */
static const char fares_page[] =
  "<html><head><title>Ferry fares rise</title></head><body><div>"
  "<p>Ferry fares across the lake will rise by a fifth in May, the operator said on "
  "Thursday, blaming the price of fuel.</p>"
  "<p>Commuters\x92 groups called the rise unfair and said they would ask the r\xE9gion "
  "to step in.</p></div></body></html>";

/* Says utf-8 in the header, but the bytes are windows-1252. */
static const char mislabelled_page[] =
  "<html><head><title>Caf\xE9 owners protest harbour rent</title></head><body><article>"
  "<p>Caf\xE9 owners on the harbour front said on Wednesday that the council\x92s new rents "
  "would close half of them by winter.</p>"
  "<p>The council said the rents had not changed in twelve years.</p>"
  "</article></body></html>";

/* A PNG's signature and header chunk, then bytes no text has. */
static const char binary_blob[] =
  "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1F\xF3\xFF\x61"
  "\0\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19";

/* Streams made on demand ----------------------------------------------------------------- */

typedef struct
{
  guint64      remaining;
  GBytes      *chunk;
  const char  *data;
  gsize        length;
  gsize        offset;
  gsize        piece;
  GSource     *timer;
  GMainContext *context;
} Stream;

static void
stream_free (Stream *stream)
{
  if (stream->timer != NULL)
    {
      g_source_destroy (stream->timer);
      g_source_unref (stream->timer);
    }
  g_clear_pointer (&stream->chunk, g_bytes_unref);
  g_free (stream);
}

/* /huge: the next zero-filled chunk each time the last one went out. */
static void
huge_wrote_chunk_cb (SoupServerMessage *message,
                     gpointer           user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (message);

  if (stream->remaining == 0)
    {
      soup_message_body_complete (body);
      return;
    }
  if (stream->remaining < g_bytes_get_size (stream->chunk))
    {
      g_autoptr(GBytes) last = g_bytes_new_from_bytes (stream->chunk, 0, stream->remaining);

      soup_message_body_append_bytes (body, last);
      stream->remaining = 0;
      return;
    }
  soup_message_body_append_bytes (body, stream->chunk);
  stream->remaining -= g_bytes_get_size (stream->chunk);
}

static void
serve_huge (SoupServerMessage *message,
            gboolean           chunked)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  Stream *stream = g_new0 (Stream, 1);

  stream->remaining = RSH_TEST_SERVER_HUGE_BYTES;
  stream->chunk = g_bytes_new_take (g_malloc0 (STREAM_CHUNK_BYTES), STREAM_CHUNK_BYTES);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/html", NULL);
  if (chunked)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  else
    soup_message_headers_set_content_length (headers, RSH_TEST_SERVER_HUGE_BYTES);
  soup_message_body_set_accumulate (body, FALSE);

  g_signal_connect_data (message, "wrote-chunk", G_CALLBACK (huge_wrote_chunk_cb), stream,
                         (GClosureNotify) stream_free, 0);
  huge_wrote_chunk_cb (message, stream);
}

static gboolean
trickle_next_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;
  Stream *stream = g_object_get_data (G_OBJECT (message), "rsh-stream");
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  gsize size = stream->length / TRICKLE_PIECES + 1;

  g_clear_pointer (&stream->timer, g_source_unref);

  size = MIN (size, stream->length - stream->offset);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, stream->data + stream->offset, size);
  stream->offset += size;
  if (stream->offset >= stream->length)
    soup_message_body_complete (body);
  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

static void
trickle_schedule (SoupServerMessage *message,
                  Stream            *stream)
{
  soup_server_message_pause (message);
  stream->timer = g_timeout_source_new (TRICKLE_DELAY_MS);
  g_source_set_callback (stream->timer, trickle_next_cb, message, NULL);
  g_source_attach (stream->timer, stream->context);
}

static void
trickle_wrote_chunk_cb (SoupServerMessage *message,
                        gpointer           user_data)
{
  Stream *stream = user_data;

  if (stream->offset < stream->length && stream->timer == NULL)
    trickle_schedule (message, stream);
}

/* When the client goes away, nothing is left to send. */
static void
stream_disconnected_cb (SoupServerMessage *message,
                        gpointer           user_data)
{
  Stream *stream = user_data;

  if (stream->timer != NULL)
    {
      g_source_destroy (stream->timer);
      g_clear_pointer (&stream->timer, g_source_unref);
    }
  stream->offset = stream->length;
}

static void
serve_trickle (RshTestServer     *self,
               SoupServerMessage *message,
               gboolean           chunked)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  Stream *stream = g_new0 (Stream, 1);

  stream->data = articles[1].html;
  stream->length = strlen (articles[1].html);
  stream->context = self->context;

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/html; charset=utf-8", NULL);
  if (chunked)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  else
    soup_message_headers_set_content_length (headers, stream->length);

  g_object_set_data_full (G_OBJECT (message), "rsh-stream", stream, (GDestroyNotify) stream_free);
  g_signal_connect (message, "wrote-chunk", G_CALLBACK (trickle_wrote_chunk_cb), stream);
  g_signal_connect (message, "disconnected", G_CALLBACK (stream_disconnected_cb), stream);
  trickle_schedule (message, stream);
}

/* /slow: paused, answered later from a timeout, so the server's thread never blocks. */
static gboolean
slow_answer_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;

  g_object_set_data (G_OBJECT (message), "rsh-timer", NULL);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    articles[0].html, strlen (articles[0].html));
  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

static void
destroy_source (gpointer source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
slow_disconnected_cb (SoupServerMessage *message,
                      gpointer           user_data)
{
  g_object_set_data (G_OBJECT (message), "rsh-timer", NULL);
}

static void
serve_slow (RshTestServer     *self,
            SoupServerMessage *message)
{
  GSource *timer = g_timeout_source_new_seconds (RSH_TEST_SERVER_SLOW_SECONDS);

  soup_server_message_pause (message);
  g_source_set_callback (timer, slow_answer_cb, message, NULL);
  g_source_attach (timer, self->context);
  g_object_set_data_full (G_OBJECT (message), "rsh-timer", timer, destroy_source);
  g_signal_connect (message, "disconnected", G_CALLBACK (slow_disconnected_cb), NULL);
}

/* 80 MB of zeros, gzip-compressed: about 80 kB, more than the 64 MB cap once inflated. */
static GBytes *
make_bomb (void)
{
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  z_stream z = { 0, };

  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, 15 + 16, 9, Z_RLE), ==, Z_OK);
  for (gsize fed = 0; fed < BOMB_BYTES; fed += 1 << 20)
    {
      gboolean last = fed + (1 << 20) >= BOMB_BYTES;

      z.next_in = zeros;
      z.avail_in = 1 << 20;
      do
        {
          z.next_out = buffer;
          z.avail_out = sizeof buffer;
          deflate (&z, last ? Z_FINISH : Z_NO_FLUSH);
          g_byte_array_append (out, buffer, sizeof buffer - z.avail_out);
        }
      while (z.avail_out == 0);
    }
  deflateEnd (&z);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void respond_bytes (SoupServerMessage *message,
                           const char        *content_type,
                           const char        *content_encoding,
                           GBytes            *bytes);

/* Server thread: the bomb is ready, for everyone who asked meanwhile. */
static gboolean
bomb_ready_cb (gpointer user_data)
{
  RshTestServer *self = user_data;

  for (guint i = 0; i < self->bomb_waiting->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (self->bomb_waiting, i);

      respond_bytes (message, "text/html", "gzip", self->bomb);
      soup_server_message_unpause (message);
    }
  g_ptr_array_set_size (self->bomb_waiting, 0);
  return G_SOURCE_REMOVE;
}

static gpointer
bomb_thread (gpointer user_data)
{
  RshTestServer *self = user_data;
  g_autoptr(GSource) idle = g_idle_source_new ();

  self->bomb = make_bomb ();
  g_source_set_callback (idle, bomb_ready_cb, self, NULL);
  g_source_attach (idle, self->context);
  return NULL;
}

static void
serve_bomb (RshTestServer     *self,
            SoupServerMessage *message)
{
  if (self->bomb_thread != NULL && self->bomb_waiting->len == 0)
    {
      respond_bytes (message, "text/html", "gzip", self->bomb);
      return;
    }
  soup_server_message_pause (message);
  g_ptr_array_add (self->bomb_waiting, g_object_ref (message));
  if (self->bomb_thread == NULL)
    self->bomb_thread = g_thread_new ("rsh-test-bomb", bomb_thread, self);
}

static GBytes *
gzip_bytes (const char *data,
            gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[4096];
  gsize read = 0;
  gsize written = 0;
  GConverterResult result;

  do
    {
      g_autoptr(GError) error = NULL;

      result = g_converter_convert (G_CONVERTER (compressor), data, length, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &error);
      g_assert_no_error (error);
      g_byte_array_append (out, buffer, written);
      data += read;
      length -= read;
    }
  while (result != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
respond (SoupServerMessage *message,
         const char        *content_type,
         const char        *data,
         gsize              length)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_STATIC, data, length);
}

static void
respond_bytes (SoupServerMessage *message,
               const char        *content_type,
               const char        *content_encoding,
               GBytes            *bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, content_type, NULL);
  soup_message_headers_replace (headers, "Content-Encoding", content_encoding);
  soup_message_body_append_bytes (body, bytes);
}

static void
redirect (SoupServerMessage *message,
          const char        *location)
{
  soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Location", location);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RshTestServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->hits, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path)) + 1));
  g_mutex_unlock (&self->mutex);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (g_str_equal (path, articles[i].path))
      {
        respond (message, "text/html; charset=utf-8", articles[i].html, strlen (articles[i].html));
        return;
      }

  if (g_str_equal (path, "/news/ferry-copy"))
    respond (message, "text/html; charset=utf-8", articles[0].html, strlen (articles[0].html));
  else if (g_str_equal (path, "/news/fares"))
    respond (message, "text/html; charset=windows-1252", fares_page, sizeof fares_page - 1);
  else if (g_str_equal (path, "/counted"))
    respond (message, "text/html; charset=utf-8", articles[2].html, strlen (articles[2].html));
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) packed = gzip_bytes (articles[1].html, strlen (articles[1].html));

      respond_bytes (message, "text/html; charset=utf-8", "gzip", packed);
    }
  else if (g_str_equal (path, "/redirect/3"))
    redirect (message, "/redirect/2");
  else if (g_str_equal (path, "/redirect/2"))
    redirect (message, "/redirect/1");
  else if (g_str_equal (path, "/redirect/1"))
    redirect (message, articles[0].path);
  else if (g_str_equal (path, "/redirect/fares"))
    redirect (message, "/news/fares");
  else if (g_str_equal (path, "/redirect/loop"))
    redirect (message, "/redirect/loop-back");
  else if (g_str_equal (path, "/redirect/loop-back"))
    redirect (message, "/redirect/loop");
  else if (g_str_equal (path, "/redirect/self"))
    redirect (message, "/redirect/self");
  else if (g_str_equal (path, "/redirect/file"))
    redirect (message, "file:///etc/passwd");
  else if (g_str_equal (path, "/redirect/data"))
    redirect (message, "data:text/html,<p>not from the web</p>");
  else if (g_str_equal (path, "/status/500"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<p>Oops</p>", 11);
    }
  else if (g_str_equal (path, "/slow"))
    serve_slow (self, message);
  else if (g_str_equal (path, "/truncated"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (message);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      soup_message_headers_set_content_length (headers, 4096);
      soup_message_headers_replace (headers, "Connection", "close");
      soup_message_body_append (body, SOUP_MEMORY_STATIC, articles[0].html,
                                MIN (1000, strlen (articles[0].html)));
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/huge"))
    serve_huge (message, FALSE);
  else if (g_str_equal (path, "/huge-chunked"))
    serve_huge (message, TRUE);
  else if (g_str_equal (path, "/gzip-bomb"))
    serve_bomb (self, message);
  else if (g_str_equal (path, "/wrong-type/plain"))
    respond (message, "text/plain", articles[2].html, strlen (articles[2].html));
  else if (g_str_equal (path, "/wrong-type/image"))
    respond (message, "image/png", articles[2].html, strlen (articles[2].html));
  else if (g_str_equal (path, "/wrong-charset"))
    respond (message, "text/html; charset=utf-8", mislabelled_page, sizeof mislabelled_page - 1);
  else if (g_str_equal (path, "/binary"))
    respond (message, "text/html", binary_blob, sizeof binary_blob - 1);
  else if (g_str_equal (path, "/user-agent"))
    {
      SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
      const char *agent = soup_message_headers_get_one (request, "User-Agent");

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                        agent ? agent : "", agent ? strlen (agent) : 0);
    }
  else if (g_str_equal (path, "/changing"))
    {
      guint hit;

      g_mutex_lock (&self->mutex);
      hit = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
      g_mutex_unlock (&self->mutex);

      if (hit == 1)
        respond (message, "text/html; charset=utf-8", articles[0].html, strlen (articles[0].html));
      else if (hit == 2)
        respond (message, "text/html; charset=utf-8", changed_page, sizeof changed_page - 1);
      else
        soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
    }
  else if (g_str_equal (path, "/trickle"))
    serve_trickle (self, message, FALSE);
  else if (g_str_equal (path, "/trickle-chunked"))
    serve_trickle (self, message, TRUE);
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
server_thread (gpointer user_data)
{
  RshTestServer *self = user_data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "rsh-test-server ", NULL);
  soup_server_add_handler (self->server, NULL, handle_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  g_mutex_lock (&self->mutex);
  self->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let the disconnections finish before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/**
 * rsh_test_server_new:
 *
 * Starts the server; it answers as soon as this returns.
 *
 * Returns: (transfer full): the server, for rsh_test_server_free()
 */
RshTestServer *
rsh_test_server_new (void)
{
  RshTestServer *self = g_new0 (RshTestServer, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bomb_waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("rsh-test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (self->base == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

void
rsh_test_server_free (RshTestServer *self)
{
  g_autoptr(GSource) quit = g_idle_source_new ();

  /* Its answer is queued on the server's loop before the loop is told to stop. */
  if (self->bomb_thread != NULL)
    g_thread_join (self->bomb_thread);
  g_source_set_callback (quit, quit_cb, self->loop, NULL);
  g_source_attach (quit, self->context);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->hits);
  g_ptr_array_unref (self->bomb_waiting);
  g_clear_pointer (&self->bomb, g_bytes_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->base);
  g_free (self);
}

/**
 * rsh_test_server_uri:
 * @self: the server
 * @path: a path starting with "/"
 *
 * Returns: (transfer full): "http://127.0.0.1:PORT/path"
 */
char *
rsh_test_server_uri (RshTestServer *self,
                     const char    *path)
{
  g_assert (path[0] == '/');

  /* the base ends with "/" */
  return g_strconcat (self->base, path + 1, NULL);
}

/**
 * rsh_test_server_get_hits:
 * @self: the server
 * @path: a path starting with "/"
 *
 * Returns: how many requests for @path the server has received
 */
guint
rsh_test_server_get_hits (RshTestServer *self,
                          const char    *path)
{
  guint hits;

  g_mutex_lock (&self->mutex);
  hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
  g_mutex_unlock (&self->mutex);
  return hits;
}

const char *
rsh_test_server_article_path (guint index)
{
  g_assert (index < G_N_ELEMENTS (articles));
  return articles[index].path;
}

const char *
rsh_test_server_article_title (guint index)
{
  g_assert (index < G_N_ELEMENTS (articles));
  return articles[index].title;
}

const char *
rsh_test_server_article_html (guint index)
{
  g_assert (index < G_N_ELEMENTS (articles));
  return articles[index].html;
}
