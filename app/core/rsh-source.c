/* rsh-source.c: one article, as given by the user and as read
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rashomon.h"
#include "rsh-extract-private.h"

#define READ_CHUNK_BYTES (64 * 1024)

struct _RshSource
{
  GObject         parent_instance;

  /* owned */
  char           *id;
  char           *input;
  char           *error_message;
  char           *title;
  char           *outlet;
  char          **authors;
  char           *published;
  char           *modified;
  char           *language;
  char           *url;
  char           *text;
  char           *content_type;
  char           *duplicate_of;
  GBytes         *raw;
  GArray         *paragraphs;
  GArray         *sentences;
  /* what the page itself said, to fall back to when the user clears an override */
  char           *extracted_outlet;
  char           *extracted_title;
  char           *extracted_published;

  RshSourceState  state;
  double          progress;
  guint           load_serial;
  guint           outlet_by_user : 1;
  guint           title_by_user : 1;
  guint           published_by_user : 1;
};

G_DEFINE_FINAL_TYPE (RshSource, rsh_source, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RshSourceState, rsh_source_state,
  G_DEFINE_ENUM_VALUE (RSH_SOURCE_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (RSH_SOURCE_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RSH_SOURCE_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (RSH_SOURCE_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ID,
  PROP_INPUT,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_AUTHORS,
  PROP_PUBLISHED,
  PROP_MODIFIED,
  PROP_LANGUAGE,
  PROP_URL,
  PROP_TEXT,
  PROP_CONTENT_TYPE,
  PROP_DUPLICATE_OF,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Carries a worker's progress to the main context of the thread that started the load.
 * Reports are coalesced: at most one is waiting there at any time, with the latest figures. */
typedef struct
{
  gatomicrefcount  refs;
  GMutex           mutex;
  GMainContext    *context;
  GWeakRef         source;
  guint            serial;
  guint64          received;
  gint64           total;
  gboolean         scheduled;
} ProgressRelay;

/* Copies of everything a load needs, handed to the worker. */
typedef struct
{
  char          *input;
  GBytes        *raw;
  char          *content_type;
  guint          serial;
  ProgressRelay *relay;
} LoadRequest;

/* Everything a load produced, built by the worker and applied on the main thread. */
typedef struct
{
  GBytes       *raw;
  char         *content_type;
  RshExtracted *extracted;
  char         *language;
  GArray       *paragraphs;
  GArray       *sentences;
} LoadResult;

static void set_progress (RshSource *self,
                          double     progress);

static ProgressRelay *
progress_relay_new (RshSource *source,
                    guint      serial)
{
  ProgressRelay *relay = g_new0 (ProgressRelay, 1);

  g_atomic_ref_count_init (&relay->refs);
  g_mutex_init (&relay->mutex);
  relay->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&relay->source, source);
  relay->serial = serial;
  relay->total = -1;
  return relay;
}

static ProgressRelay *
progress_relay_ref (ProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->refs);
  return relay;
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  if (!g_atomic_ref_count_dec (&relay->refs))
    return;
  g_weak_ref_clear (&relay->source);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->mutex);
  g_free (relay);
}

/* On the context that started the load. */
static gboolean
progress_relay_dispatch_cb (gpointer user_data)
{
  ProgressRelay *relay = user_data;
  g_autoptr(RshSource) source = g_weak_ref_get (&relay->source);
  guint64 received;
  gint64 total;

  g_mutex_lock (&relay->mutex);
  received = relay->received;
  total = relay->total;
  relay->scheduled = FALSE;
  g_mutex_unlock (&relay->mutex);

  /* A report that arrives after its load ended, or after a newer load began, is stale. */
  if (source == NULL || source->load_serial != relay->serial ||
      source->state != RSH_SOURCE_STATE_LOADING)
    return G_SOURCE_REMOVE;

  if (total > 0)
    set_progress (source, CLAMP ((double) received / (double) total, 0.0, 1.0));
  else if (total == 0)
    set_progress (source, 1.0);
  else
    set_progress (source, -1.0);
  return G_SOURCE_REMOVE;
}

/* In the worker. An idle source, not g_main_context_invoke(): that one may run the
 * function right here when the context happens to be free. */
static void
progress_relay_report (guint64  received,
                       gint64   total,
                       gpointer user_data)
{
  ProgressRelay *relay = user_data;
  gboolean schedule;

  g_mutex_lock (&relay->mutex);
  relay->received = received;
  relay->total = total;
  schedule = !relay->scheduled;
  relay->scheduled = TRUE;
  g_mutex_unlock (&relay->mutex);

  if (schedule)
    {
      g_autoptr(GSource) idle = g_idle_source_new ();

      g_source_set_priority (idle, G_PRIORITY_DEFAULT);
      g_source_set_static_name (idle, "[rashomon] source progress");
      g_source_set_callback (idle, progress_relay_dispatch_cb, progress_relay_ref (relay),
                             (GDestroyNotify) progress_relay_unref);
      g_source_attach (idle, relay->context);
    }
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_pointer (&request->relay, progress_relay_unref);
  g_free (request->input);
  g_clear_pointer (&request->raw, g_bytes_unref);
  g_free (request->content_type);
  g_free (request);
}

static LoadRequest *
load_request_new (const char *input,
                  GBytes     *raw,
                  const char *content_type,
                  guint       serial)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->input = g_strdup (input);
  request->raw = raw ? g_bytes_ref (raw) : NULL;
  request->content_type = g_strdup (content_type);
  request->serial = serial;
  return request;
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->raw, g_bytes_unref);
  g_free (result->content_type);
  g_clear_pointer (&result->extracted, rsh_extracted_free);
  g_free (result->language);
  g_clear_pointer (&result->paragraphs, g_array_unref);
  g_clear_pointer (&result->sentences, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* Helpers ------------------------------------------------------------------------------ */

static gboolean
is_http_url (const char *input)
{
  return g_ascii_strncasecmp (input, "http://", 7) == 0 ||
         g_ascii_strncasecmp (input, "https://", 8) == 0;
}

/* How an input is called in messages: the file's name, or the link as given. */
static char *
display_name (const char *input)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (input == NULL || *input == '\0')
    return g_strdup (_("the input"));
  if (g_str_equal (input, "-"))
    return g_strdup (_("standard input"));
  if (is_http_url (input))
    return g_strdup (input);

  file = g_file_new_for_commandline_arg (input);
  basename = g_file_get_basename (file);
  if (basename == NULL || g_str_equal (basename, "/"))
    return g_strdup (input);
  return g_filename_display_name (basename);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_string_prop (RshSource   *self,
                 char       **field,
                 const char  *value,
                 guint        prop)
{
  if (set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_progress (RshSource *self,
              double     progress)
{
  g_assert (RSH_IS_SOURCE (self));

  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_state (RshSource      *self,
           RshSourceState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Reads at most RSH_SOURCE_MAX_BYTES from @stream, whatever its size claimed to be. */
static GBytes *
read_bounded (GInputStream   *stream,
              const char     *name,
              gint64          size,
              ProgressRelay  *relay,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK_BYTES);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, READ_CHUNK_BYTES, cancellable, error);

      if (n < 0)
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
              (*error)->domain != RSH_ERROR)
            {
              g_autofree char *message = g_strdup ((*error)->message);

              g_clear_error (error);
              g_set_error (error, RSH_ERROR, RSH_ERROR_FETCH,
                           _("“%s” could not be read to the end: %s"), name, message);
            }
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > RSH_SOURCE_MAX_BYTES)
        {
          g_autofree char *limit = g_format_size (RSH_SOURCE_MAX_BYTES);

          g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                       _("“%s” is larger than %s, the most Rashomon reads for one article."),
                       name, limit);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
      if (relay != NULL)
        progress_relay_report (buffer->len, size, relay);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static GBytes *
read_file (GFile          *file,
           const char     *name,
           ProgressRelay  *relay,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                     _("“%s” does not exist; check the name and the folder."), name);
      else
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                     _("“%s” could not be opened: %s"), name, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is a folder, not an article; choose the HTML or text files in it."),
                   name);
      return NULL;

    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_UNKNOWN:
      break;

    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is not a regular file; Rashomon reads HTML and plain text files."),
                   name);
      return NULL;
    }

  /* Refuse before reading a single byte. */
  size = g_file_info_get_size (info);
  if (size > RSH_SOURCE_MAX_BYTES)
    {
      g_autofree char *actual = g_format_size ((guint64) size);
      g_autofree char *limit = g_format_size (RSH_SOURCE_MAX_BYTES);

      g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s); Rashomon reads articles of up to %s."),
                   name, actual, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                     _("“%s” is a folder, not an article; choose the HTML or text files in it."),
                     name);
      else
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                     _("“%s” could not be opened: %s"), name, local_error->message);
      return NULL;
    }

  return read_bounded (G_INPUT_STREAM (stream), name, size, relay, cancellable, error);
}

/* "www.example.org/story" or "example.org/a/b": a host name with a dot and a letter-only
 * top-level domain, then a path. */
static gboolean
looks_like_web_address (const char *input)
{
  const char *slash = strchr (input, '/');
  const char *dot;
  gsize tld = 0;

  if (slash == NULL || slash == input || g_path_is_absolute (input) || input[0] == '.')
    return FALSE;
  dot = memchr (input, '.', slash - input);
  if (dot == NULL)
    return FALSE;
  for (const char *p = slash - 1; p > input && *p != '.'; p--, tld++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return tld >= 2;
}

/* Obtains the bytes behind an input: a local file or a web page. */
static GBytes *
acquire (const char     *input,
         const char     *name,
         ProgressRelay  *relay,
         char          **content_type,
         char          **base_url,
         GCancellable   *cancellable,
         GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;
  const char *scheme;

  if (is_http_url (input))
    return rsh_fetcher_fetch (rsh_fetcher_get_default (), input,
                              relay != NULL ? progress_relay_report : NULL, relay,
                              content_type, base_url, cancellable, error);

  if (g_str_equal (input, "-"))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("Text from standard input cannot be read again; save it to a file and "
                     "add that file instead."));
      return NULL;
    }

  scheme = g_uri_peek_scheme (input);
  if (scheme != NULL && !g_str_equal (scheme, "file") &&
      !g_file_test (input, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is neither a file nor a web link Rashomon can open; give a path, "
                     "a file:// address or an http(s) link."),
                   input);
      return NULL;
    }

  if (scheme != NULL && !g_str_equal (scheme, "file"))
    file = g_file_new_for_path (input);
  else
    file = g_file_new_for_commandline_arg (input);
  bytes = read_file (file, name, relay, cancellable, &local_error);

  /* "example.org/story" is a link without its scheme more often than a file. */
  if (bytes == NULL && scheme == NULL &&
      g_error_matches (local_error, RSH_ERROR, RSH_ERROR_NOT_FOUND) &&
      looks_like_web_address (input))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                   _("“%s” is not a file here; if it is a web address, write it with "
                     "https:// in front."),
                   input);
      return NULL;
    }
  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

static gboolean
is_generic_type (const char *content_type)
{
  return content_type == NULL || *content_type == '\0' ||
         g_ascii_strncasecmp (content_type, "application/octet-stream", 24) == 0 ||
         g_ascii_strncasecmp (content_type, "binary/octet-stream", 19) == 0;
}

static gboolean
is_text_type (const char *content_type)
{
  g_autofree char *mime = g_strdup (content_type);
  char *semicolon = strchr (mime, ';');

  if (semicolon != NULL)
    *semicolon = '\0';
  g_strstrip (mime);
  return g_ascii_strncasecmp (mime, "text/", 5) == 0 ||
         rsh_extract_content_is_html (mime) ||
         g_str_has_suffix (mime, "+xml") || g_str_has_suffix (mime, "/xml");
}

static gboolean
has_extension (const char         *name,
               const char * const *extensions,
               gsize               n)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *query = strpbrk (lower, "?#");

  /* "https://host/story.pdf?download=1" */
  if (query != NULL && strstr (lower, "://") != NULL)
    *query = '\0';
  for (gsize i = 0; i < n; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Content types of the formats that are not plain text or HTML but hold an article. */
static gboolean
is_document_type (const char *content_type)
{
  static const char * const types[] = {
    "application/pdf", "application/x-pdf", "multipart/related", "message/rfc822",
    "application/x-mimearchive",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strncasecmp (content_type, types[i], strlen (types[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_pdf (const char *content_type,
        const char *name,
        const char *data,
        gsize       len)
{
  static const char * const extensions[] = { ".pdf" };

  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return TRUE;
  if (!is_generic_type (content_type))
    return g_ascii_strncasecmp (content_type, "application/pdf", 15) == 0 ||
           g_ascii_strncasecmp (content_type, "application/x-pdf", 17) == 0;
  return has_extension (name, extensions, G_N_ELEMENTS (extensions));
}

static gboolean
is_mhtml (const char *content_type,
          const char *name,
          const char *data,
          gsize       len)
{
  static const char * const extensions[] = { ".mhtml", ".mht" };

  if (!is_generic_type (content_type) &&
      (g_ascii_strncasecmp (content_type, "multipart/related", 17) == 0 ||
       g_ascii_strncasecmp (content_type, "message/rfc822", 14) == 0 ||
       g_ascii_strncasecmp (content_type, "application/x-mimearchive", 25) == 0))
    return TRUE;
  return (is_generic_type (content_type) || g_ascii_strncasecmp (content_type, "text/", 5) == 0) &&
         (has_extension (name, extensions, G_N_ELEMENTS (extensions)) ||
          rsh_extract_sniff_mhtml (data, len));
}

static gboolean
is_markdown (const char *content_type,
             const char *name)
{
  static const char * const extensions[] = { ".md", ".markdown", ".mdown", ".mkd" };

  if (!is_generic_type (content_type) &&
      (g_ascii_strncasecmp (content_type, "text/markdown", 13) == 0 ||
       g_ascii_strncasecmp (content_type, "text/x-markdown", 15) == 0))
    return TRUE;
  return (is_generic_type (content_type) ||
          g_ascii_strncasecmp (content_type, "text/plain", 10) == 0) &&
         has_extension (name, extensions, G_N_ELEMENTS (extensions));
}

static gboolean
has_html_extension (const char *name)
{
  static const char * const extensions[] = { ".html", ".htm", ".xhtml", ".shtml", ".php" };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Decodes, checks and extracts @raw. Runs in any thread; touches no RshSource. */
static LoadResult *
process (GBytes        *raw,
         const char    *content_type,
         const char    *name,
         const char    *base_url,
         GError       **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autofree char *charset = NULL;
  const char *text = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (raw, &len);
  const char *language;
  const char *result_type = NULL;
  gboolean is_html = FALSE;

  result->raw = g_bytes_ref (raw);

  if (!is_generic_type (content_type) && !is_text_type (content_type) &&
      !is_document_type (content_type))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is not a text or web page file (it is %s); Rashomon reads HTML, "
                     "plain text, Markdown, PDF and saved web pages."),
                   name, content_type);
      return NULL;
    }

  if (is_pdf (content_type, name, data ? data : "", len))
    {
      result->extracted = rsh_extract_pdf (raw, name, error);
      if (result->extracted == NULL)
        return NULL;
      result_type = "application/pdf";
    }
  else
    {
      g_autoptr(GBytes) page = NULL;
      g_autofree char *location = NULL;
      gboolean markdown = FALSE;

      if (is_mhtml (content_type, name, data ? data : "", len))
        {
          page = rsh_extract_mhtml (raw, &charset, &location, name, error);
          if (page == NULL)
            return NULL;
          is_html = TRUE;
          result_type = "multipart/related";
          if (base_url == NULL && location != NULL &&
              (g_str_has_prefix (location, "http://") || g_str_has_prefix (location, "https://")))
            base_url = location;
        }
      else
        {
          page = g_bytes_ref (raw);
          charset = rsh_extract_charset_param (content_type);
          markdown = is_markdown (content_type, name);
          if (markdown)
            is_html = FALSE;
          else if (!is_generic_type (content_type))
            /* Servers label pages "text/plain" by mistake; markup is still markup. */
            is_html = rsh_extract_content_is_html (content_type) ||
                      (g_ascii_strncasecmp (content_type, "text/plain", 10) == 0 &&
                       rsh_extract_sniff_html (data ? data : "", len));
          else
            is_html = rsh_extract_sniff_html (data ? data : "", len) || has_html_extension (name);
        }

      if (!rsh_extract_check_binary (page, name, error))
        return NULL;
      /* Decoded and checked, in the thread's buffer, good until it decodes the next
       * page: everything below copies what it keeps. */
      text = rsh_extract_decode_temp (page, is_html, charset, name, error);
      if (text == NULL)
        return NULL;

      /* UTF-16 markup only shows itself once decoded. */
      if (!is_html && !markdown && is_generic_type (content_type) && result_type == NULL)
        is_html = rsh_extract_sniff_html (text, strlen (text));

      if (is_html)
        result->extracted = rsh_extract_html (text, base_url);
      else if (markdown)
        {
          result->extracted = rsh_extract_markdown (text);
          result_type = "text/markdown";
        }
      else
        result->extracted = rsh_extract_plain (text);
    }

  if (!g_utf8_validate (result->extracted->text, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   _("The text of “%s” could not be decoded; save it again as UTF-8."), name);
      return NULL;
    }

  {
    g_autofree char *stripped = g_strstrip (g_strdup (result->extracted->text));

    if (*stripped == '\0')
      {
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                     _("“%s” holds no article text that Rashomon could find."), name);
        return NULL;
      }
  }

  language = result->extracted->language;
  if (language == NULL)
    language = rsh_extract_guess_language (result->extracted->text);
  result->language = g_strdup (language);

  result->paragraphs = rsh_segment_paragraphs (result->extracted->text);
  result->sentences = rsh_segment_sentences (result->extracted->text, result->language, error);
  if (result->sentences == NULL)
    return NULL;

  if (!is_generic_type (content_type))
    result->content_type = g_strdup (content_type);
  else if (result_type != NULL)
    result->content_type = g_strdup (result_type);
  else
    result->content_type = g_strdup (is_html ? "text/html" : "text/plain");

  return g_steal_pointer (&result);
}

static LoadResult *
run_load (LoadRequest   *request,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *name = display_name (request->input);
  g_autofree char *content_type = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GBytes) raw = NULL;

  if (request->raw != NULL)
    {
      raw = g_bytes_ref (request->raw);
      content_type = g_strdup (request->content_type);
      if (request->input != NULL && is_http_url (request->input))
        base_url = g_strdup (request->input);
    }
  else
    {
      if (request->input == NULL || *request->input == '\0')
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("No file or link was given for this source."));
          return NULL;
        }
      raw = acquire (request->input, name, request->relay, &content_type, &base_url,
                     cancellable, error);
      if (raw == NULL)
        return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return process (raw, content_type, name, base_url, error);
}

/* Swaps a finished load's result in and tells everyone what changed. Main thread. */
static void
apply_result (RshSource  *self,
              LoadResult *result)
{
  RshExtracted *ex = result->extracted;
  GObject *object = G_OBJECT (self);

  g_assert (RSH_IS_SOURCE (self));

  g_object_freeze_notify (object);

  g_clear_pointer (&self->raw, g_bytes_unref);
  self->raw = g_bytes_ref (result->raw);
  set_string_prop (self, &self->content_type, result->content_type, PROP_CONTENT_TYPE);
  set_string (&self->extracted_title, ex->title);
  if (!self->title_by_user)
    set_string_prop (self, &self->title, ex->title, PROP_TITLE);

  set_string (&self->extracted_outlet, ex->outlet);
  if (!self->outlet_by_user)
    set_string_prop (self, &self->outlet, ex->outlet, PROP_OUTLET);

  if (!strv_equal0 (self->authors, ex->authors))
    {
      g_strfreev (self->authors);
      self->authors = g_strdupv (ex->authors);
      g_object_notify_by_pspec (object, properties[PROP_AUTHORS]);
    }

  set_string (&self->extracted_published, ex->published);
  if (!self->published_by_user)
    set_string_prop (self, &self->published, ex->published, PROP_PUBLISHED);
  set_string_prop (self, &self->modified, ex->modified, PROP_MODIFIED);

  set_string_prop (self, &self->language, result->language, PROP_LANGUAGE);
  set_string_prop (self, &self->url, ex->url, PROP_URL);

  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  self->paragraphs = g_array_ref (result->paragraphs);
  self->sentences = g_array_ref (result->sentences);
  set_string_prop (self, &self->text, ex->text, PROP_TEXT);

  set_string_prop (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_progress (self, 1.0);
  set_state (self, RSH_SOURCE_STATE_READY);

  g_object_thaw_notify (object);
}

static void
apply_error (RshSource    *self,
             const GError *error)
{
  g_assert (RSH_IS_SOURCE (self));

  /* Cancelling is not a failure: go back to where the source was. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_progress (self, self->text != NULL ? 1.0 : 0.0);
      set_state (self, self->text != NULL ? RSH_SOURCE_STATE_READY : RSH_SOURCE_STATE_PENDING);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_progress (self, 0.0);
  set_string_prop (self, &self->error_message, error->message, PROP_ERROR_MESSAGE);
  set_state (self, RSH_SOURCE_STATE_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
load_blocking (RshSource     *self,
               GBytes        *raw,
               const char    *content_type,
               GCancellable  *cancellable,
               GError       **error)
{
  LoadRequest *request;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  g_assert (RSH_IS_SOURCE (self));

  request = load_request_new (self->input, raw, content_type, ++self->load_serial);
  set_progress (self, 0.0);
  set_state (self, RSH_SOURCE_STATE_LOADING);
  result = run_load (request, cancellable, &local_error);
  load_request_free (request);

  if (result == NULL)
    {
      apply_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  apply_result (self, result);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GError *error = NULL;
  LoadResult *result;

  g_assert (G_IS_TASK (task));
  g_assert (RSH_IS_SOURCE (source_object));
  g_assert (request != NULL);

  result = run_load (request, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RshSource *self = RSH_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoadResult) loaded = NULL;
  LoadRequest *request;

  g_assert (RSH_IS_SOURCE (self));
  g_assert (G_IS_TASK (result));
  g_assert (G_IS_TASK (task));

  request = g_task_get_task_data (G_TASK (result));
  loaded = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer load started meanwhile: its result is the one to show. */
  if (request->serial != self->load_serial)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "Superseded by a newer load");
      return;
    }

  if (loaded == NULL)
    {
      apply_error (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_result (self, loaded);
  g_task_return_boolean (task, TRUE);
}

/* GObject ------------------------------------------------------------------------------ */

static void
rsh_source_finalize (GObject *object)
{
  RshSource *self = (RshSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->input, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->duplicate_of, g_free);
  g_clear_pointer (&self->raw, g_bytes_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->extracted_outlet, g_free);
  g_clear_pointer (&self->extracted_title, g_free);
  g_clear_pointer (&self->extracted_published, g_free);

  G_OBJECT_CLASS (rsh_source_parent_class)->finalize (object);
}

static void
rsh_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RshSource *self = RSH_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, rsh_source_get_id (self));
      break;

    case PROP_INPUT:
      g_value_set_string (value, rsh_source_get_input (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, rsh_source_get_state (self));
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, rsh_source_get_error_message (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rsh_source_get_title (self));
      break;

    case PROP_OUTLET:
      g_value_set_string (value, rsh_source_get_outlet (self));
      break;

    case PROP_AUTHORS:
      g_value_set_boxed (value, rsh_source_get_authors (self));
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, rsh_source_get_published (self));
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, rsh_source_get_modified (self));
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, rsh_source_get_language (self));
      break;

    case PROP_URL:
      g_value_set_string (value, rsh_source_get_url (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, rsh_source_get_text (self));
      break;

    case PROP_CONTENT_TYPE:
      g_value_set_string (value, rsh_source_get_content_type (self));
      break;

    case PROP_DUPLICATE_OF:
      g_value_set_string (value, rsh_source_get_duplicate_of (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, rsh_source_get_progress (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_source_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RshSource *self = RSH_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rsh_source_set_id (self, g_value_get_string (value));
      break;

    case PROP_INPUT:
      /* construct-only */
      g_free (self->input);
      self->input = g_value_dup_string (value);
      break;

    case PROP_OUTLET:
      rsh_source_set_outlet (self, g_value_get_string (value));
      break;

    case PROP_DUPLICATE_OF:
      rsh_source_set_duplicate_of (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_source_class_init (RshSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_source_finalize;
  object_class->get_property = rsh_source_get_property;
  object_class->set_property = rsh_source_set_property;

  /**
   * RshSource:id:
   *
   * The source's id within its project ("s1"), or %NULL before it joins one.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:input:
   *
   * The path, file:// URI or http(s) URL exactly as the user gave it.
   */
  properties[PROP_INPUT] =
    g_param_spec_string ("input", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RSH_TYPE_SOURCE_STATE, RSH_SOURCE_STATE_PENDING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:error-message:
   *
   * Why the last load failed, for the user; %NULL unless #RshSource:state is
   * %RSH_SOURCE_STATE_FAILED.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:outlet:
   *
   * The site or publisher. Setting it overrides what the page says; setting %NULL
   * returns to that.
   */
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHORS] =
    g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:published:
   *
   * The publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or ISO 8601). Read-only as a
   * property because a date typed by the user must be validated: use
   * rsh_source_set_published().
   */
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:modified:
   *
   * When the page says it was last changed, kept apart from the publication date and
   * never used in its place.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUPLICATE_OF] =
    g_param_spec_string ("duplicate-of", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshSource:progress:
   *
   * How much of the file or page has been read: 0 to 1, or -1 while a page of unknown
   * length arrives. 1 once the source is ready. Always changes on the main context of the
   * thread that started the load.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_source_init (RshSource *self)
{
  self->state = RSH_SOURCE_STATE_PENDING;
  self->authors = g_new0 (char *, 1);
}

/* Public API --------------------------------------------------------------------------- */

/**
 * rsh_source_new:
 * @input: a path, a file:// URI or an http(s) URL, exactly as the user gave it
 *
 * Returns: (transfer full): a new source in state %RSH_SOURCE_STATE_PENDING
 */
RshSource *
rsh_source_new (const char *input)
{
  return g_object_new (RSH_TYPE_SOURCE, "input", input, NULL);
}

const char *
rsh_source_get_id (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->id;
}

void
rsh_source_set_id (RshSource  *self,
                   const char *id)
{
  g_return_if_fail (RSH_IS_SOURCE (self));
  set_string_prop (self, &self->id, id, PROP_ID);
}

const char *
rsh_source_get_input (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->input;
}

RshSourceState
rsh_source_get_state (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), RSH_SOURCE_STATE_PENDING);
  return self->state;
}

/**
 * rsh_source_get_progress:
 * @self: a #RshSource
 *
 * Returns: the share of the input read so far (0 to 1), or -1 when its length is unknown
 */
double
rsh_source_get_progress (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), 0.0);
  return self->progress;
}

const char *
rsh_source_get_error_message (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->error_message;
}

const char *
rsh_source_get_title (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
rsh_source_get_outlet (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->outlet;
}

/**
 * rsh_source_set_outlet:
 * @self: a #RshSource
 * @outlet: (nullable): the outlet's name, or %NULL to use the one the page gives
 *
 * The user's outlet survives later reloads.
 */
void
rsh_source_set_outlet (RshSource  *self,
                       const char *outlet)
{
  g_return_if_fail (RSH_IS_SOURCE (self));

  if (outlet != NULL && *outlet == '\0')
    outlet = NULL;
  self->outlet_by_user = outlet != NULL;
  set_string_prop (self, &self->outlet, outlet ? outlet : self->extracted_outlet, PROP_OUTLET);
}

/**
 * rsh_source_set_title:
 * @self: a #RshSource
 * @title: (nullable): the title the user gives, or %NULL to use the one the page gives
 *
 * The user's title survives later reloads.
 */
void
rsh_source_set_title (RshSource  *self,
                      const char *title)
{
  g_return_if_fail (RSH_IS_SOURCE (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  self->title_by_user = title != NULL;
  set_string_prop (self, &self->title, title ? title : self->extracted_title, PROP_TITLE);
}

/**
 * rsh_source_get_authors:
 * @self: a #RshSource
 *
 * Returns: (transfer none) (array zero-terminated=1): the bylines; empty, never %NULL
 */
const char * const *
rsh_source_get_authors (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return (const char * const *) self->authors;
}

const char *
rsh_source_get_published (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->published;
}

/**
 * rsh_source_get_modified:
 * @self: a #RshSource
 *
 * Returns: (nullable): when the page says it was last modified (`dateModified`,
 *   `article:modified_time`), as rsh_source_get_published() formats dates
 */
const char *
rsh_source_get_modified (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->modified;
}

/**
 * rsh_source_set_published:
 * @self: a #RshSource
 * @published: (nullable): `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO 8601 date-time, or
 *   %NULL to use the date the page gives
 * @error: return location for a #GError
 *
 * Sets the publication date the user knows. It wins over the page's date, also after a
 * reload.
 *
 * Returns: %TRUE, or %FALSE with %RSH_ERROR_INVALID when @published is not such a date
 */
gboolean
rsh_source_set_published (RshSource   *self,
                          const char  *published,
                          GError     **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (RSH_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (published == NULL || *published == '\0')
    {
      self->published_by_user = FALSE;
      set_string_prop (self, &self->published, self->extracted_published, PROP_PUBLISHED);
      return TRUE;
    }

  checked = rsh_extract_check_date (published);
  if (checked == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not a date Rashomon understands; write it as YYYY-MM-DD "
                     "(or YYYY-MM, YYYY, or an ISO 8601 date and time)."),
                   published);
      return FALSE;
    }

  self->published_by_user = TRUE;
  set_string_prop (self, &self->published, checked, PROP_PUBLISHED);
  return TRUE;
}

const char *
rsh_source_get_language (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->language;
}

const char *
rsh_source_get_url (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->url;
}

/**
 * rsh_source_get_text:
 * @self: a #RshSource
 *
 * Returns: (nullable): the article body, paragraphs separated by one blank line;
 *   %NULL until a load succeeded
 */
const char *
rsh_source_get_text (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->text;
}

const char *
rsh_source_get_content_type (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->content_type;
}

/**
 * rsh_source_get_raw:
 * @self: a #RshSource
 *
 * Returns: (transfer none) (nullable): the bytes exactly as read or given
 */
GBytes *
rsh_source_get_raw (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->raw;
}

const char *
rsh_source_get_duplicate_of (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->duplicate_of;
}

void
rsh_source_set_duplicate_of (RshSource  *self,
                             const char *source_id)
{
  g_return_if_fail (RSH_IS_SOURCE (self));
  set_string_prop (self, &self->duplicate_of, source_id, PROP_DUPLICATE_OF);
}

/**
 * rsh_source_get_paragraphs:
 * @self: a #RshSource
 *
 * Returns: (transfer none) (nullable) (element-type RshSpan): the paragraphs of the text
 */
const GArray *
rsh_source_get_paragraphs (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->paragraphs;
}

/**
 * rsh_source_get_sentences:
 * @self: a #RshSource
 *
 * Returns: (transfer none) (nullable) (element-type RshSpan): the sentences of the text
 */
const GArray *
rsh_source_get_sentences (RshSource *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), NULL);
  return self->sentences;
}

/**
 * rsh_source_load:
 * @self: a #RshSource
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the input (file or link), decodes and extracts it, blocking. The state goes to
 * %RSH_SOURCE_STATE_LOADING, then %RSH_SOURCE_STATE_READY or %RSH_SOURCE_STATE_FAILED
 * with #RshSource:error-message set to the error's message.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_source_load (RshSource     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_blocking (self, NULL, NULL, cancellable, error);
}

/**
 * rsh_source_load_async:
 * @self: a #RshSource
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Like rsh_source_load(), with the reading and extraction in a worker thread. The
 * source's properties change on the main context just before @callback runs.
 */
void
rsh_source_load_async (RshSource           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadRequest *request;

  g_return_if_fail (RSH_IS_SOURCE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_source_load_async);

  /* The fetcher's session is best made by the thread that owns the main loop, before any
   * worker sends with it. */
  if (self->input != NULL && is_http_url (self->input))
    rsh_fetcher_get_default ();

  request = load_request_new (self->input, NULL, NULL, ++self->load_serial);
  request->relay = progress_relay_new (self, request->serial);

  set_progress (self, 0.0);
  set_state (self, RSH_SOURCE_STATE_LOADING);

  worker = g_task_new (self, cancellable, load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  g_task_set_task_data (worker, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * rsh_source_load_finish:
 * @self: a #RshSource
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_source_load_finish (RshSource     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_source_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rsh_source_load_bytes:
 * @self: a #RshSource
 * @raw: the document's bytes (standard input, or as kept in a project file)
 * @content_type: (nullable): its Content-Type, with parameters; %NULL to sniff it
 * @error: return location for a #GError
 *
 * Decodes and extracts @raw as rsh_source_load() would, blocking; @raw is kept as the
 * source's original bytes.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_source_load_bytes (RshSource   *self,
                       GBytes      *raw,
                       const char  *content_type,
                       GError     **error)
{
  g_return_val_if_fail (RSH_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (raw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_blocking (self, raw, content_type, NULL, error);
}
