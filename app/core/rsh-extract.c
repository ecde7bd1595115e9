/* rsh-extract.c: decoding to UTF-8, metadata and article body extraction
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rashomon.h"
#include "rsh-extract-private.h"

/* How far into a page a charset declaration is looked for (the HTML spec's prescan
 * looks at 1024 bytes; pages with long heads put it later). */
#define CHARSET_SCAN_BYTES 4096

/* An <article> (or articleBody) is taken whole when it holds at least this much text. */
#define MIN_ARTICLE_CHARS 250

/* A paragraph counts towards a container's score when it has at least this much text. */
#define MIN_SCORED_CHARS 25

/* A first line longer than this is prose, not a headline. */
#define MAX_TITLE_CHARS 200

/* A paragraph made mostly of link text is navigation, not prose. */
#define MAX_LINK_DENSITY 0.6

typedef struct
{
  const char *magic;
  gsize       len;
} Magic;

/* Signatures of common binary formats, checked before any decoding. */
static const Magic binary_magics[] = {
  { "\x89PNG", 4 },
  { "GIF87a", 6 },
  { "GIF89a", 6 },
  { "\xFF\xD8\xFF", 3 },
  { "%PDF-", 5 },
  { "PK\x03\x04", 4 },
  { "\x1F\x8B", 2 },
  { "BZh", 3 },
  { "\xFD" "7zXZ", 5 },
  { "7z\xBC\xAF", 4 },
  { "Rar!", 4 },
  { "\x7F" "ELF", 4 },
  { "OggS", 4 },
  { "ID3", 3 },
  { "RIFF", 4 },
  { "wOFF", 4 },
  { "wOF2", 4 },
  { "\xD0\xCF\x11\xE0", 4 },
  { "SQLite format 3", 15 },
  { "II*", 4 },
  { "MM\0*", 4 },
};

/* Lines (or paragraphs) that scrapers leave behind and that never belong to an article:
 * trackers, share buttons, ad slots. Compared case-insensitively with the whole line. */
static const char * const crumb_lines[] = {
  "quantcast",
  "advertisement",
  "advertisements",
  "sponsored",
  "sponsored content",
  "share",
  "share this",
  "share this article",
  "share this story",
  "share on facebook",
  "share on twitter",
  "tweet",
  "print",
  "email",
  "e-mail",
  "skip to content",
  "skip to main content",
  "read more",
  "continue reading",
  "story continues below",
  "story continues below advertisement",
  "scroll to continue",
  "leave a comment",
  "show comments",
  "related articles",
  "most read",
  "most popular",
  "sign up to our newsletter",
  "sign up for our newsletter",
  "reply | report",
};

/* Lines that start a "previous / next article" navigation link. */
static const char * const crumb_prefixes[] = {
  "previous article",
  "next article",
  "previous post",
  "next post",
  "previous story",
  "next story",
  "you are here",
};

/* Share buttons copied as text: a line made only of these words is a button row. */
static const char * const share_words[] = {
  "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "linkedin", "reddit",
  "pinterest", "telegram", "print", "messenger", "mastodon", "bluesky", "copy", "link",
  "share", "tweet", "threads", "flipboard",
};

/* Tracker names that leak as a first word into text copied from a web page. */
static const char * const tracker_tokens[] = {
  "Quantcast",
};

/* Elements that never hold article prose. */
static const char * const skipped_tags[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure",
  "figcaption", "button", "iframe", "svg", "template", "select", "textarea", "input",
  "object", "embed", "canvas", "video", "audio", "map", "head", "title", "dialog", "menu",
};

/* Class and id words that mark boilerplate. A strong word excludes an element outright;
 * a weak one only when no word such as "content" or "article" says otherwise (a layout
 * wrapper called "content-with-sidebar" holds the story). */
static const char * const strong_negative_words[] = {
  "share", "sharing", "social", "comment", "comments", "related", "promo", "ad", "ads",
  "advert", "advertisement", "sponsored", "newsletter", "subscribe", "cookie", "cookies",
  "outbrain", "taboola", "popup", "modal", "disqus", "byline",
};

static const char * const weak_negative_words[] = {
  "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs",
  "widget", "masthead", "header", "toolbar", "pagination",
};

static const char * const positive_words[] = {
  "article", "content", "body", "main", "story", "post", "entry", "text", "blog",
};

static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
  "li", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "dl",
  "dt", "dd", "hr", "address", "details", "summary", "center", "header", "footer", "nav",
  "aside", "form", "fieldset", "figure", "body", "html",
};

/* Elements emitted as one paragraph each, unless they hold other such elements. */
static const char * const paragraph_tags[] = {
  "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
};

typedef struct
{
  const char *code;
  const char *words[16];
} Stopwords;

/* Frequent function words, enough to tell the four languages apart on a paragraph. */
static const Stopwords stopwords[] = {
  { "en", { "the", "and", "of", "to", "is", "that", "with", "was", "for", "said", "it",
            "has", "have", "from", "this", NULL } },
  { "de", { "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "dem", "den",
            "ein", "eine", "zu", "von", NULL } },
  { "fr", { "le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "sur",
            "pas", "au", "aux", NULL } },
  { "es", { "el", "los", "las", "y", "del", "es", "una", "por", "con", "para", "se", "su",
            "al", "como", "pero", NULL } },
};

typedef struct
{
  /* owned */
  GHashTable *meta;        /* lowercased key → GPtrArray of contents */
  char       *html_lang;
  char       *title;
  char       *h1;
  char       *canonical;
  char       *time_published;
  GPtrArray  *rel_authors;
  GPtrArray  *byline_texts;
  GPtrArray  *ld_scripts;
  /* from JSON-LD */
  char       *ld_headline;
  char       *ld_publisher;
  char       *ld_published;
  char       *ld_language;
  GPtrArray  *ld_authors;
} Metadata;

typedef struct
{
  GHashTable *scores;      /* xmlNode* → double* */
  gboolean    class_filter;
} Scoring;

/* Helpers ------------------------------------------------------------------------------ */

static gboolean
str_in_table (const char         *str,
              const char * const *table,
              gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (str, table[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_prefix_ci (const char *str,
               const char *prefix)
{
  return g_ascii_strncasecmp (str, prefix, strlen (prefix)) == 0;
}

static const char *
memmem_ci (const char *haystack,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* Collapses every run of white space (including no-break spaces) to one space and trims
 * both ends. */
static char *
collapse_space (const char *str)
{
  GString *out;
  gboolean space = TRUE;

  if (str == NULL)
    return NULL;

  out = g_string_sized_new (strlen (str));
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B)
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static gboolean
utf8_equal_ci (const char *a,
               const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (fa, fb) == 0;
}

static gboolean
has_alnum (const char *str)
{
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Encoding ----------------------------------------------------------------------------- */

/* Maps a declared charset label onto an iconv name, following the WHATWG Encoding
 * standard where browsers deliberately deviate from the label (latin1 is windows-1252). */
static char *
normalize_charset (const char *label)
{
  g_autofree char *lower = g_ascii_strdown (label, -1);
  static const char * const cp1252[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii",
    "ascii", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100",
  };
  static const char * const utf8[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode",
  };

  g_strstrip (lower);
  if (*lower == '\0')
    return NULL;
  /* A page that declares UTF-16 in a meta tag cannot be UTF-16 (the tag was readable as
   * ASCII), so browsers read it as UTF-8. */
  if (str_in_table (lower, utf8, G_N_ELEMENTS (utf8)))
    return g_strdup ("UTF-8");
  if (str_in_table (lower, cp1252, G_N_ELEMENTS (cp1252)))
    return g_strdup ("WINDOWS-1252");
  if (g_str_equal (lower, "gb2312") || g_str_equal (lower, "x-gbk"))
    return g_strdup ("GBK");
  return g_ascii_strup (lower, -1);
}

static char *
read_charset_token (const char *p,
                    const char *end)
{
  const char *start;

  while (p < end && (g_ascii_isspace (*p)))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && (g_ascii_isspace (*p) || *p == '"' || *p == '\''))
    p++;
  start = p;
  while (p < end && (g_ascii_isalnum (*p) || strchr ("-_.:", *p) != NULL))
    p++;
  if (p == start)
    return NULL;
  return g_strndup (start, p - start);
}

/* Finds the charset a page declares in a <meta> tag (either form) or an XML declaration
 * within its first bytes. */
static char *
find_declared_charset (const char *data,
                       gsize       len)
{
  gsize scan = MIN (len, CHARSET_SCAN_BYTES);
  const char *p = data;
  const char *end = data + scan;

  if (scan > 5 && strncmp (data, "<?xml", 5) == 0)
    {
      const char *decl_end = memchr (data, '>', scan);
      const char *enc = decl_end ? memmem_ci (data, decl_end - data, "encoding") : NULL;

      if (enc != NULL)
        return read_charset_token (enc + strlen ("encoding"), decl_end);
    }

  while (p < end && (p = memmem_ci (p, end - p, "<meta")) != NULL)
    {
      const char *tag_end = memchr (p, '>', (data + len) - p);
      const char *cs;

      if (tag_end == NULL)
        break;
      cs = memmem_ci (p, tag_end - p, "charset");
      if (cs != NULL)
        {
          char *token = read_charset_token (cs + strlen ("charset"), tag_end);

          if (token != NULL)
            return token;
        }
      p = tag_end;
    }

  return NULL;
}

static gboolean
has_high_bytes (const char *data,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

static char *
convert_exact (const char *data,
               gsize       len,
               const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  char *out;

  out = g_convert (data, len, "UTF-8", charset, &bytes_read, &bytes_written, &error);
  /* An embedded NUL means binary data, not text. */
  if (out == NULL || bytes_read != len || strlen (out) != bytes_written)
    {
      g_free (out);
      return NULL;
    }
  if (!g_utf8_validate (out, -1, NULL))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

/* Tries one declared charset. A declaration that the bytes contradict is ignored. */
static char *
decode_as_declared (const char *data,
                    gsize       len,
                    const char *label)
{
  g_autofree char *charset = normalize_charset (label);

  if (charset == NULL)
    return NULL;

  /* Bytes that are valid UTF-8 and use multi-byte sequences are UTF-8 whatever the page
   * says: text in a legacy charset almost never forms valid UTF-8 by chance. */
  if (g_str_equal (charset, "UTF-8") ||
      (has_high_bytes (data, len) && g_utf8_validate_len (data, len, NULL)))
    {
      if (g_utf8_validate_len (data, len, NULL))
        return g_strndup (data, len);
      return NULL;
    }

  return convert_exact (data, len, charset);
}

/* Replaces CRLF and lone CR with LF, in place. */
static void
normalize_newlines (char *text)
{
  char *w = text;

  for (const char *r = text; *r; r++)
    {
      if (*r == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else
        *w++ = *r;
    }
  *w = '\0';
}

/**
 * rsh_extract_content_is_html:
 * @content_type: (nullable): a MIME type, possibly with parameters
 *
 * Returns: whether @content_type names an HTML or XHTML document
 */
gboolean
rsh_extract_content_is_html (const char *content_type)
{
  if (content_type == NULL)
    return FALSE;
  return has_prefix_ci (content_type, "text/html") ||
         has_prefix_ci (content_type, "application/xhtml+xml") ||
         has_prefix_ci (content_type, "application/vnd.wap.xhtml+xml");
}

/**
 * rsh_extract_sniff_html:
 * @data: the start of a document, in any ASCII-compatible encoding
 * @len: length of @data
 *
 * Returns: whether the document looks like HTML markup
 */
gboolean
rsh_extract_sniff_html (const char *data,
                        gsize       len)
{
  static const char * const openers[] = { "<!doctype html", "<html", "<head", "<body" };
  static const char * const inner[] = { "<html", "<head", "<body", "<p>", "<p ", "<div" };
  gsize scan = MIN (len, 1024);
  gsize i = 0;

  if (scan >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < scan && g_ascii_isspace (data[i]))
    i++;
  if (i >= scan || data[i] != '<')
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (openers); k++)
    if (scan - i >= strlen (openers[k]) && has_prefix_ci (data + i, openers[k]))
      return TRUE;
  /* A comment, an XML declaration or a fragment: markup if it holds HTML elements. */
  for (gsize k = 0; k < G_N_ELEMENTS (inner); k++)
    if (memmem_ci (data, scan, inner[k]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * rsh_extract_charset_param:
 * @content_type: (nullable): a Content-Type value such as "text/html; charset=utf-8"
 *
 * Returns: (transfer full) (nullable): the charset parameter
 */
char *
rsh_extract_charset_param (const char *content_type)
{
  const char *cs;
  const char *end;

  if (content_type == NULL)
    return NULL;
  end = content_type + strlen (content_type);
  cs = memmem_ci (content_type, end - content_type, "charset");
  if (cs == NULL)
    return NULL;
  return read_charset_token (cs + strlen ("charset"), end);
}

/**
 * rsh_extract_check_binary:
 * @raw: the bytes of a document
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Refuses known binary formats, anything with NUL bytes (unless it starts with a UTF-16
 * byte order mark) and whatever GIO recognises as neither text nor markup.
 *
 * Returns: %TRUE if @raw may be text
 */
gboolean
rsh_extract_check_binary (GBytes      *raw,
                          const char  *name,
                          GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (raw, &len);
  g_autofree char *guess = NULL;
  gboolean uncertain = TRUE;

  /* Empty input and UTF-16 (which is full of NUL bytes) are judged after decoding. */
  if (len == 0)
    return TRUE;
  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    if (len >= binary_magics[i].len &&
        memcmp (data, binary_magics[i].magic, binary_magics[i].len) == 0)
      goto binary;

  if (len > 0 && memchr (data, '\0', len) != NULL)
    goto binary;

  guess = g_content_type_guess (NULL, (const guchar *) data, MIN (len, 4096), &uncertain);
  if (!uncertain && guess != NULL && !g_content_type_is_unknown (guess))
    {
      g_autofree char *mime = g_content_type_get_mime_type (guess);
      static const char * const media[] = { "image/", "audio/", "video/", "font/", "model/" };

      if (mime == NULL)
        mime = g_strdup (guess);
      /* SVG is XML, and XML is text, but a picture is no article. */
      for (gsize i = 0; i < G_N_ELEMENTS (media); i++)
        if (g_str_has_prefix (mime, media[i]))
          goto binary;
      if (!g_content_type_is_a (guess, "text/plain") && !rsh_extract_content_is_html (mime) &&
          !g_str_has_prefix (mime, "text/") &&
          !g_str_has_suffix (mime, "xml") && !g_str_has_suffix (mime, "json"))
        goto binary;
    }

  return TRUE;

binary:
  g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
               _("“%s” is not a text or web page file; Rashomon reads HTML and plain text."),
               name);
  return FALSE;
}

/**
 * rsh_extract_decode:
 * @raw: the bytes of a document
 * @is_html: whether to look for a charset declared in the markup
 * @header_charset: (nullable): the charset an HTTP header gave
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Decodes @raw to UTF-8: a byte order mark first, then the charset the page declares,
 * then the HTTP header's. A declaration the bytes contradict is skipped; without a usable
 * one the text is UTF-8 if it is valid UTF-8, else windows-1252. Line ends become LF.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
rsh_extract_decode (GBytes      *raw,
                    gboolean     is_html,
                    const char  *header_charset,
                    const char  *name,
                    GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (raw, &len);
  char *text = NULL;

  if (data == NULL)
    data = "";

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      if (g_utf8_validate_len (data, len, NULL))
        text = g_strndup (data, len);
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = convert_exact (data + 2, len - 2, charset);
      if (text == NULL)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                       _("“%s” starts like %s text but is not valid %s; save it again as UTF-8."),
                       name, charset, charset);
          return NULL;
        }
    }
  else
    {
      g_autofree char *declared = is_html ? find_declared_charset (data, len) : NULL;

      if (declared != NULL)
        text = decode_as_declared (data, len, declared);
      if (text == NULL && header_charset != NULL)
        text = decode_as_declared (data, len, header_charset);
    }

  if (text == NULL && g_utf8_validate_len (data, len, NULL))
    text = g_strndup (data, len);
  if (text == NULL)
    text = convert_exact (data, len, "WINDOWS-1252");
  if (text == NULL)
    text = convert_exact (data, len, "ISO-8859-1");
  if (text == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (data, len);

      /* Only worth keeping when the damage is small. */
      if (g_utf8_strlen (valid, -1) > 0)
        text = g_steal_pointer (&valid);
    }
  if (text == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   _("The text of “%s” could not be decoded; save it again as UTF-8."), name);
      return NULL;
    }

  normalize_newlines (text);
  return text;
}

/**
 * rsh_extract_check_text:
 * @text: decoded UTF-8 text
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Refuses text that is empty, only white space, or mostly control characters (a binary
 * file that slipped through decoding).
 *
 * Returns: %TRUE if @text can be an article
 */
gboolean
rsh_extract_check_text (const char  *text,
                        const char  *name,
                        GError     **error)
{
  gsize chars = 0;
  gsize controls = 0;
  gsize visible = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      chars++;
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t' && c != '\f' && c != '\v')
        controls++;
      else if (!g_unichar_isspace (c))
        visible++;
    }

  if (visible == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is empty; choose a file that holds an article."), name);
      return FALSE;
    }

  /* Real text has next to no control characters; 5 % is far beyond any typo. */
  if (controls * 20 > chars)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is not a text or web page file; Rashomon reads HTML and plain text."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* Dates -------------------------------------------------------------------------------- */

static gboolean
all_digits (const char *str,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (str[i]))
      return FALSE;
  return TRUE;
}

/**
 * rsh_extract_check_date:
 * @date: a date as a user or a page gives it
 *
 * Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a real calendar day) or a full ISO 8601
 * date-time (a missing offset means UTC).
 *
 * Returns: (transfer full) (nullable): @date without surrounding white space, or %NULL
 *   when it is none of those
 */
char *
rsh_extract_check_date (const char *date)
{
  g_autofree char *s = NULL;
  gsize len;

  if (date == NULL)
    return NULL;
  s = g_strstrip (g_strdup (date));
  len = strlen (s);

  if (len == 4 && all_digits (s, 4) && s[0] != '0')
    return g_steal_pointer (&s);

  if (len == 7 && all_digits (s, 4) && s[0] != '0' && s[4] == '-' && all_digits (s + 5, 2))
    {
      int month = atoi (s + 5);

      return month >= 1 && month <= 12 ? g_steal_pointer (&s) : NULL;
    }

  if (len == 10 && all_digits (s, 4) && s[0] != '0' && s[4] == '-' &&
      all_digits (s + 5, 2) && s[7] == '-' && all_digits (s + 8, 2))
    {
      int year = atoi (s);
      int month = atoi (s + 5);
      int day = atoi (s + 8);

      if (month >= 1 && month <= 12 && day >= 1 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return g_steal_pointer (&s);
      return NULL;
    }

  if (len > 10 && all_digits (s, 4) && s[0] != '0' && s[4] == '-' && strchr (s, 'T') != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, utc);

      if (dt != NULL)
        return g_steal_pointer (&s);
    }

  return NULL;
}

/* Pages write dates loosely ("2024-03-05 10:00:00", "2024-03-05T10:00:00.000+0100 CET");
 * keep what validates, else the calendar day it starts with. */
static char *
lenient_date (const char *date)
{
  g_autofree char *trimmed = NULL;
  char *checked;

  if (date == NULL)
    return NULL;
  if ((checked = rsh_extract_check_date (date)) != NULL)
    return checked;

  trimmed = g_strstrip (g_strdup (date));
  if (strlen (trimmed) > 10 && trimmed[10] == ' ')
    {
      g_autofree char *with_t = g_strdup (trimmed);

      with_t[10] = 'T';
      if ((checked = rsh_extract_check_date (with_t)) != NULL)
        return checked;
    }
  if (strlen (trimmed) >= 10)
    {
      g_autofree char *day = g_strndup (trimmed, 10);

      return rsh_extract_check_date (day);
    }
  return NULL;
}

/* Crumbs ------------------------------------------------------------------------------- */

/**
 * rsh_extract_is_crumb:
 * @line: one line or paragraph
 *
 * Returns: whether @line is a scraper leftover such as "Advertisement", "Share" or a
 *   "Previous article…" link, which never belongs to the article
 */
gboolean
rsh_extract_is_crumb (const char *line)
{
  g_autofree char *collapsed = collapse_space (line);
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) words = NULL;
  const char *p = collapsed;
  gboolean all_share = TRUE;
  guint n_words = 0;
  gsize len;
  int skipped = 0;

  if (collapsed == NULL || *collapsed == '\0')
    return FALSE;

  /* A copyright notice is footer, whatever follows. */
  if (g_str_has_prefix (collapsed, "©") || has_prefix_ci (collapsed, "(c) "))
    return TRUE;

  /* "Home | News | Sport | Contact": a menu of three or more short labels. */
  items = g_strsplit (collapsed, "|", -1);
  if (g_strv_length (items) >= 3)
    {
      gboolean menu = TRUE;

      for (guint i = 0; items[i] != NULL && menu; i++)
        {
          g_auto(GStrv) item_words = NULL;
          char *item = g_strstrip (items[i]);
          gsize item_len = strlen (item);

          item_words = g_strsplit (item, " ", -1);
          if (item_len == 0 || g_strv_length (item_words) > 3 ||
              strchr (".?!", item[item_len - 1]) != NULL)
            menu = FALSE;
        }
      if (menu)
        return TRUE;
    }

  /* "Facebook X WhatsApp Email": a row of share buttons. */
  words = g_strsplit (collapsed, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (words[i], -1);

      n_words++;
      if (!str_in_table (lower, share_words, G_N_ELEMENTS (share_words)))
        all_share = FALSE;
    }
  if (all_share && n_words >= 2)
    return TRUE;

  /* Icon fonts leave a glyph or a digit in front of navigation links. */
  while (*p && !g_unichar_isalpha (g_utf8_get_char (p)) && skipped < 3)
    {
      p = g_utf8_next_char (p);
      skipped++;
    }
  while (*p == ' ')
    p++;
  len = strlen (p);
  while (len > 0 && strchr (":.!|>", p[len - 1]) != NULL)
    len--;
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (crumb_lines); i++)
    if (strlen (crumb_lines[i]) == len && g_ascii_strncasecmp (p, crumb_lines[i], len) == 0)
      return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (crumb_prefixes); i++)
    {
      gsize n = strlen (crumb_prefixes[i]);

      /* "Previous articles in this series…" is prose: the link label is followed by the
       * linked headline (capitalised) or nothing at all. */
      if (len >= n && g_ascii_strncasecmp (p, crumb_prefixes[i], n) == 0 &&
          (len == n || !g_unichar_islower (g_utf8_get_char (p + n))))
        return TRUE;
    }

  return FALSE;
}

/* Language ----------------------------------------------------------------------------- */

/**
 * rsh_extract_guess_language:
 * @text: UTF-8 text
 *
 * Counts frequent function words of English, German, French and Spanish.
 *
 * Returns: (nullable): "en", "de", "fr" or "es", or %NULL when the counts do not
 *   clearly favour one
 */
const char *
rsh_extract_guess_language (const char *text)
{
  guint counts[G_N_ELEMENTS (stopwords)] = { 0, };
  g_autoptr(GString) word = g_string_new (NULL);
  guint words = 0;
  guint best = 0;
  guint second = 0;
  gsize best_index = 0;
  const char *p = text;

  /* The first few thousand words are plenty. */
  while (words < 3000)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalpha (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else if (word->len > 0)
        {
          words++;
          for (gsize l = 0; l < G_N_ELEMENTS (stopwords); l++)
            for (gsize w = 0; stopwords[l].words[w] != NULL; w++)
              if (g_str_equal (word->str, stopwords[l].words[w]))
                counts[l]++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  for (gsize l = 0; l < G_N_ELEMENTS (stopwords); l++)
    {
      if (counts[l] > best)
        {
          second = best;
          best = counts[l];
          best_index = l;
        }
      else if (counts[l] > second)
        second = counts[l];
    }

  if (best >= 3 && best >= 2 * second && best * 20 >= words)
    return stopwords[best_index].code;
  return NULL;
}

/* HTML: metadata ----------------------------------------------------------------------- */

static const char *
node_name (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->name ? (const char *) node->name : "";
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
attr_has_word (xmlNode    *node,
               const char *attr,
               const char *word)
{
  g_autofree char *value = node_attr (node, attr);
  g_auto(GStrv) words = NULL;

  if (value == NULL)
    return FALSE;
  words = g_strsplit_set (value, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_paragraphs (xmlNode *node,
                  guint    enough)
{
  guint n = 0;

  for (xmlNode *child = node->children; child != NULL && n < enough; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, "p") ||
          g_str_equal ((const char *) child->name, "article"))
        n++;
      else
        n += count_paragraphs (child, enough - n);
    }
  return n;
}

/* Elements the page hides from readers (microdata copies, templates). */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = NULL;
  g_autofree char *aria = NULL;

  if (node->type != XML_ELEMENT_NODE || node->properties == NULL)
    return FALSE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  aria = node_attr (node, "aria-hidden");
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  style = node_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *w = compact;

      for (const char *r = compact; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL ||
          strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_skipped_tag (xmlNode *node)
{
  if (is_hidden (node))
    return TRUE;

  /* Some frameworks (ASP.NET) wrap the whole page in one <form>: only a form without
   * prose is a real form. */
  if (node->type == XML_ELEMENT_NODE && node->name != NULL &&
      g_str_equal ((const char *) node->name, "form"))
    return count_paragraphs (node, 3) < 3;
  return str_in_table (node_name (node), skipped_tags, G_N_ELEMENTS (skipped_tags));
}

static gboolean
is_block (xmlNode *node)
{
  return str_in_table (node_name (node), block_tags, G_N_ELEMENTS (block_tags));
}

static gboolean
is_paragraph_tag (xmlNode *node)
{
  return str_in_table (node_name (node), paragraph_tags, G_N_ELEMENTS (paragraph_tags));
}

/* Whether an element's class or id marks it as boilerplate. The document's outer
 * elements are never excluded this way: "has-sidebar" on <body> says nothing about it. */
static gboolean
is_unlikely (xmlNode *node)
{
  const char *name = node_name (node);
  g_autofree char *class_attr = NULL;
  g_autofree char *id_attr = NULL;
  g_autofree char *both = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) words = NULL;
  gboolean strong = FALSE;
  gboolean weak = FALSE;
  gboolean positive = FALSE;

  if (g_str_equal (name, "html") || g_str_equal (name, "body") ||
      g_str_equal (name, "article") || g_str_equal (name, "main"))
    return FALSE;

  class_attr = node_attr (node, "class");
  id_attr = node_attr (node, "id");
  if (class_attr == NULL && id_attr == NULL)
    {
      g_autofree char *role = node_attr (node, "role");

      return role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 ||
                              g_ascii_strcasecmp (role, "complementary") == 0 ||
                              g_ascii_strcasecmp (role, "contentinfo") == 0);
    }

  both = g_strjoin (" ", class_attr ? class_attr : "", id_attr ? id_attr : "", NULL);
  joined = g_ascii_strdown (both, -1);
  words = g_strsplit_set (joined, " \t\n-_:", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (str_in_table (words[i], strong_negative_words, G_N_ELEMENTS (strong_negative_words)))
        strong = TRUE;
      else if (str_in_table (words[i], weak_negative_words, G_N_ELEMENTS (weak_negative_words)))
        weak = TRUE;
      else if (str_in_table (words[i], positive_words, G_N_ELEMENTS (positive_words)))
        positive = TRUE;
    }

  return strong || (weak && !positive);
}

/* Appends the text under @node with white space collapsed, counting the characters that
 * sit inside links. */
static void
gather_text (xmlNode  *node,
             GString  *out,
             gsize    *link_chars,
             gboolean  in_link)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          const char *content = (const char *) child->content;

          if (content == NULL)
            continue;
          for (const char *p = content; *p; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B)
                {
                  if (out->len > 0 && out->str[out->len - 1] != ' ')
                    g_string_append_c (out, ' ');
                }
              else
                {
                  g_string_append_unichar (out, c);
                  if (in_link && link_chars != NULL)
                    (*link_chars)++;
                }
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (is_skipped_tag (child))
            continue;
          if (g_str_equal (node_name (child), "br"))
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
              continue;
            }
          gather_text (child, out, link_chars,
                       in_link || g_str_equal (node_name (child), "a"));
        }
    }
}

static char *
node_text (xmlNode *node)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autofree char *raw = NULL;

  gather_text (node, buf, NULL, FALSE);
  raw = g_string_free (g_steal_pointer (&buf), FALSE);
  return collapse_space (raw);
}

static void
meta_add (Metadata   *md,
          const char *key,
          const char *content)
{
  g_autofree char *lower = NULL;
  GPtrArray *values;

  if (key == NULL || content == NULL)
    return;
  lower = g_ascii_strdown (key, -1);
  g_strstrip (lower);
  values = g_hash_table_lookup (md->meta, lower);
  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (md->meta, g_strdup (lower), values);
    }
  g_ptr_array_add (values, collapse_space (content));
}

static const char *
meta_get (Metadata   *md,
          const char *key)
{
  GPtrArray *values = g_hash_table_lookup (md->meta, key);

  for (guint i = 0; values != NULL && i < values->len; i++)
    if (*(const char *) g_ptr_array_index (values, i) != '\0')
      return g_ptr_array_index (values, i);
  return NULL;
}

static void
metadata_clear (Metadata *md)
{
  g_clear_pointer (&md->meta, g_hash_table_unref);
  g_clear_pointer (&md->html_lang, g_free);
  g_clear_pointer (&md->title, g_free);
  g_clear_pointer (&md->h1, g_free);
  g_clear_pointer (&md->canonical, g_free);
  g_clear_pointer (&md->time_published, g_free);
  g_clear_pointer (&md->rel_authors, g_ptr_array_unref);
  g_clear_pointer (&md->byline_texts, g_ptr_array_unref);
  g_clear_pointer (&md->ld_scripts, g_ptr_array_unref);
  g_clear_pointer (&md->ld_headline, g_free);
  g_clear_pointer (&md->ld_publisher, g_free);
  g_clear_pointer (&md->ld_published, g_free);
  g_clear_pointer (&md->ld_language, g_free);
  g_clear_pointer (&md->ld_authors, g_ptr_array_unref);
}

static void
collect_metadata (xmlNode  *node,
                  Metadata *md)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      name = node_name (child);

      if (g_str_equal (name, "html") && md->html_lang == NULL)
        md->html_lang = node_attr (child, "lang");
      else if (g_str_equal (name, "title") && md->title == NULL)
        md->title = node_text (child);
      else if (g_str_equal (name, "h1") && md->h1 == NULL)
        md->h1 = node_text (child);
      else if (g_str_equal (name, "meta"))
        {
          g_autofree char *content = node_attr (child, "content");
          static const char * const keys[] = { "property", "name", "itemprop", "http-equiv" };

          if (content == NULL)
            continue;
          for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
            {
              g_autofree char *key = node_attr (child, keys[i]);

              meta_add (md, key, content);
            }
        }
      else if (g_str_equal (name, "link"))
        {
          if (attr_has_word (child, "rel", "canonical") && md->canonical == NULL)
            md->canonical = node_attr (child, "href");
        }
      else if (g_str_equal (name, "time"))
        {
          g_autofree char *itemprop = node_attr (child, "itemprop");

          if (md->time_published == NULL &&
              (xmlHasProp (child, (const xmlChar *) "pubdate") != NULL ||
               g_strcmp0 (itemprop, "datePublished") == 0))
            md->time_published = node_attr (child, "datetime");
        }
      else if (g_str_equal (name, "script"))
        {
          g_autofree char *type = node_attr (child, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              xmlChar *content = xmlNodeGetContent (child);

              if (content != NULL)
                {
                  g_ptr_array_add (md->ld_scripts, g_strdup ((const char *) content));
                  xmlFree (content);
                }
            }
          continue;
        }
      else if (g_str_equal (name, "style") || g_str_equal (name, "svg"))
        continue;

      if (!g_str_equal (name, "meta") && !g_str_equal (name, "head"))
        {
          g_autofree char *itemprop = node_attr (child, "itemprop");

          if (attr_has_word (child, "rel", "author") ||
              (itemprop != NULL && g_str_equal (itemprop, "author")))
            {
              g_autofree char *text = node_text (child);

              if (text != NULL && *text)
                g_ptr_array_add (md->rel_authors, g_steal_pointer (&text));
              continue;
            }
          else
            {
              g_autofree char *cls = node_attr (child, "class");
              g_autofree char *lower = cls ? g_ascii_strdown (cls, -1) : NULL;

              if (lower != NULL && strstr (lower, "byline") != NULL)
                {
                  g_autofree char *text = node_text (child);

                  if (text != NULL && *text)
                    g_ptr_array_add (md->byline_texts, g_steal_pointer (&text));
                  continue;
                }
            }
        }

      if (child->children != NULL)
        collect_metadata (child->children, md);
    }
}

static const char *
json_string_member (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* The name of a Person/Organization given as a string, an object or a list of them. */
static void
json_collect_names (JsonNode  *node,
                    GPtrArray *out)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *name = json_string_member (json_node_get_object (node), "name");

      if (name != NULL)
        g_ptr_array_add (out, g_strdup (name));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_collect_names (json_array_get_element (array, i), out);
    }
}

static gboolean
json_type_is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);

  json_collect_names (type, types);
  for (guint i = 0; i < types->len; i++)
    {
      const char *t = g_ptr_array_index (types, i);

      if (g_str_has_suffix (t, "Article") || g_str_equal (t, "BlogPosting") ||
          g_str_equal (t, "LiveBlogPosting") || g_str_equal (t, "Report"))
        return TRUE;
    }
  return FALSE;
}

static void
json_visit (JsonNode *node,
            Metadata *md,
            guint     depth)
{
  if (node == NULL || depth > 8)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_visit (json_array_get_element (array, i), md, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_type_is_article (object))
        {
          const char *headline = json_string_member (object, "headline");
          const char *published = json_string_member (object, "datePublished");
          const char *language = json_string_member (object, "inLanguage");
          JsonNode *publisher = json_object_get_member (object, "publisher");

          if (md->ld_headline == NULL && headline != NULL)
            md->ld_headline = collapse_space (headline);
          if (md->ld_published == NULL && published != NULL)
            md->ld_published = g_strdup (published);
          if (md->ld_language == NULL && language != NULL)
            md->ld_language = g_strdup (language);
          if (md->ld_authors->len == 0)
            json_collect_names (json_object_get_member (object, "author"), md->ld_authors);
          if (md->ld_publisher == NULL && publisher != NULL)
            {
              g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

              json_collect_names (publisher, names);
              if (names->len > 0)
                md->ld_publisher = collapse_space (g_ptr_array_index (names, 0));
            }
        }

      if (json_object_has_member (object, "@graph"))
        json_visit (json_object_get_member (object, "@graph"), md, depth + 1);
    }
}

static void
parse_json_ld (Metadata *md)
{
  for (guint i = 0; i < md->ld_scripts->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *script = g_ptr_array_index (md->ld_scripts, i);

      /* Broken JSON-LD is common and simply ignored. */
      if (json_parser_load_from_data (parser, script, -1, NULL))
        json_visit (json_parser_get_root (parser), md, 0);
    }
}

/* Whether a byline fragment is a person's or a desk's name, not "5 Minute Read",
 * "Staff", a date or a link. */
static gboolean
is_plausible_author (const char *name)
{
  static const char * const junk[] = {
    "minute", "minutes", "min", "read", "staff", "updated", "published", "share", "by",
    "editor", "editors", "admin", "administrator", "team", "contributor", "news",
    "follow", "email", "twitter", "facebook", "am", "pm", "ago", "the",
  };
  static const char * const junk_phrases[] = {
    "min read", "mins read", "minute read", "minutes read", "read more",
  };
  g_auto(GStrv) words = NULL;
  g_autofree char *folded = g_utf8_strdown (name, -1);
  guint n_words = 0;
  glong len = g_utf8_strlen (name, -1);

  if (len < 3 || len > 60)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (junk_phrases); i++)
    if (strstr (folded, junk_phrases[i]) != NULL)
      return FALSE;
  if (strstr (name, "://") != NULL || g_str_has_prefix (name, "www.") ||
      strchr (name, '@') != NULL)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;

  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      if (*lower == '\0')
        continue;
      n_words++;
      /* "Reuters Staff", "Staff writer": a desk, not a person. */
      if (g_str_equal (lower, "staff"))
        return FALSE;
      /* A byline of one word that is a label, not a name ("Editor", "Updated"). */
      if (str_in_table (lower, junk, G_N_ELEMENTS (junk)) && n_words == 1 &&
          words[i + 1] == NULL)
        return FALSE;
    }
  if (n_words == 0 || n_words > 5)
    return FALSE;
  /* A name starts with a capital letter (or a non-Latin script without case). */
  return !g_unichar_islower (g_utf8_get_char (name));
}

/* Splits "By Jane Roe and John Doe | 3 min read" into plausible names, appending new ones. */
static void
add_authors_from (const char *text,
                  GPtrArray  *authors)
{
  g_autofree char *collapsed = collapse_space (text);
  g_auto(GStrv) parts = NULL;
  GString *buf;

  if (collapsed == NULL)
    return;

  /* Turn every separator into '\n' and split once. */
  buf = g_string_new (collapsed);
  g_string_replace (buf, " and ", "\n", 0);
  g_string_replace (buf, " & ", "\n", 0);
  g_string_replace (buf, " | ", "\n", 0);
  g_string_replace (buf, "•", "\n", 0);
  g_string_replace (buf, "·", "\n", 0);
  g_string_replace (buf, ";", "\n", 0);
  g_string_replace (buf, ",", "\n", 0);
  parts = g_strsplit (buf->str, "\n", -1);
  g_string_free (buf, TRUE);

  for (guint i = 0; parts[i]; i++)
    {
      char *name = g_strstrip (parts[i]);
      gboolean seen = FALSE;

      if (has_prefix_ci (name, "by "))
        name = g_strstrip (name + 3);
      if (has_prefix_ci (name, "von "))
        name = g_strstrip (name + 4);
      if (has_prefix_ci (name, "par "))
        name = g_strstrip (name + 4);
      if (!is_plausible_author (name))
        continue;
      for (guint k = 0; k < authors->len; k++)
        if (utf8_equal_ci (g_ptr_array_index (authors, k), name))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (authors, g_strdup (name));
    }
}

static char *
primary_language (const char *tag)
{
  g_autofree char *lower = NULL;
  char *sep;
  gsize len;

  if (tag == NULL)
    return NULL;
  lower = g_ascii_strdown (tag, -1);
  g_strstrip (lower);
  if ((sep = strpbrk (lower, "-_, ")) != NULL)
    *sep = '\0';
  len = strlen (lower);
  if (len < 2 || len > 3)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (lower[i]))
      return NULL;
  return g_steal_pointer (&lower);
}

static char *
absolute_url (const char *href,
              const char *base_url)
{
  g_autofree char *resolved = NULL;
  g_autofree char *trimmed = NULL;

  if (href == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (href));
  if (*trimmed == '\0')
    return NULL;
  if (base_url != NULL)
    resolved = g_uri_resolve_relative (base_url, trimmed, G_URI_FLAGS_NONE, NULL);
  else
    resolved = g_strdup (trimmed);
  if (resolved == NULL ||
      !(has_prefix_ci (resolved, "http://") || has_prefix_ci (resolved, "https://")))
    return NULL;
  return g_steal_pointer (&resolved);
}

/* Drops a " | Site" or "Site - " part of a <title> when it names the site (or when the
 * rest is the page's heading). */
static char *
clean_title (const char *title,
             const char *outlet,
             const char *h1)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » " };

  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *last = g_strrstr (title, separators[i]);
      const char *first = strstr (title, separators[i]);

      if (last != NULL)
        {
          g_autofree char *head = g_strndup (title, last - title);
          const char *tail = last + strlen (separators[i]);

          if (utf8_equal_ci (tail, outlet) || utf8_equal_ci (head, h1))
            return g_strstrip (g_steal_pointer (&head));
        }
      if (first != NULL)
        {
          g_autofree char *head = g_strndup (title, first - title);
          const char *tail = first + strlen (separators[i]);

          if (utf8_equal_ci (head, outlet) || utf8_equal_ci (tail, h1))
            return g_strstrip (g_strdup (tail));
        }
    }

  return g_strdup (title);
}

/* HTML: body --------------------------------------------------------------------------- */

static gboolean
is_excluded (xmlNode  *node,
             gboolean  class_filter)
{
  return is_skipped_tag (node) || (class_filter && is_unlikely (node));
}

static double *
score_slot (Scoring *sc,
            xmlNode *node)
{
  double *slot = g_hash_table_lookup (sc->scores, node);

  if (slot == NULL)
    {
      const char *name = node_name (node);

      slot = g_new0 (double, 1);
      /* Containers that usually wrap prose start a little ahead of lists and headings. */
      if (g_str_equal (name, "article") || g_str_equal (name, "main"))
        *slot = 10;
      else if (g_str_equal (name, "div") || g_str_equal (name, "section"))
        *slot = 5;
      else if (g_str_equal (name, "td") || g_str_equal (name, "blockquote"))
        *slot = 3;
      else if (g_str_equal (name, "ul") || g_str_equal (name, "ol") ||
               g_str_equal (name, "form") || g_str_equal (name, "li"))
        *slot = -3;
      g_hash_table_insert (sc->scores, node, slot);
    }
  return slot;
}

static gboolean
has_block_child (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && is_block (child))
      return TRUE;
  return FALSE;
}

static gboolean has_block_descendant (xmlNode *node);

/* Adds a paragraph's worth to @container, half to its parent and a sixth to the next
 * ancestor (Readability's scheme): prose-heavy containers rise. */
static void
score_text (Scoring    *sc,
            xmlNode    *container,
            const char *text,
            gsize       link_chars)
{
  glong chars = g_utf8_strlen (text, -1);
  xmlNode *ancestor = container;
  double worth;

  if (chars < MIN_SCORED_CHARS)
    return;

  worth = 1.0 + MIN (chars / 100.0, 3.0);
  for (const char *p = text; *p; p++)
    if (*p == ',')
      worth += 1.0;
  worth *= 1.0 - MIN (1.0, (double) link_chars / (double) chars);

  for (guint level = 0; level < 3 && ancestor != NULL &&
                        ancestor->type == XML_ELEMENT_NODE; level++)
    {
      double *slot = score_slot (sc, ancestor);

      *slot += level == 0 ? worth : level == 1 ? worth / 2 : worth / 6;
      ancestor = ancestor->parent;
    }
}

static void
score_paragraphs (xmlNode *node,
                  Scoring *sc)
{
  g_autoptr(GString) run = g_string_new (NULL);
  gsize run_links = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *name;

      /* Text sitting right inside a container (pages that separate paragraphs with
       * <br>) is scored in runs, as if each run were a <p> of the container. */
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            g_string_append (run, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE || is_excluded (child, sc->class_filter))
        continue;
      name = node_name (child);

      if (g_str_equal (name, "br") ||
          (!is_block (child) && !has_block_descendant (child)))
        {
          if (g_str_equal (name, "br"))
            {
              g_autofree char *text = collapse_space (run->str);

              score_text (sc, node, text, run_links);
              g_string_truncate (run, 0);
              run_links = 0;
            }
          else
            {
              gsize links = 0;

              gather_text (child, run, &links, g_str_equal (name, "a"));
              run_links += links;
              g_string_append_c (run, ' ');
            }
          continue;
        }

      if (g_str_equal (name, "p") || g_str_equal (name, "pre") ||
          (g_str_equal (name, "div") && !has_block_child (child)))
        {
          g_autoptr(GString) buf = g_string_new (NULL);
          gsize link_chars = 0;

          gather_text (child, buf, &link_chars, FALSE);
          score_text (sc, node, buf->str, link_chars);
        }
      else
        score_paragraphs (child, sc);
    }

  {
    g_autofree char *text = collapse_space (run->str);

    score_text (sc, node, text, run_links);
  }
}

static double
link_density (xmlNode *node)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  gsize link_chars = 0;
  glong chars;

  gather_text (node, buf, &link_chars, FALSE);
  chars = g_utf8_strlen (buf->str, -1);
  return chars > 0 ? (double) link_chars / (double) chars : 0.0;
}

/* Characters of paragraph text under @node, less those inside links. */
static gsize
prose_chars (xmlNode  *node,
             gboolean  class_filter)
{
  gsize total = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_excluded (child, class_filter))
        continue;
      if (g_str_equal (node_name (child), "p"))
        {
          g_autoptr(GString) buf = g_string_new (NULL);
          gsize link_chars = 0;
          glong chars;

          gather_text (child, buf, &link_chars, FALSE);
          chars = g_utf8_strlen (buf->str, -1);
          if ((gsize) chars > link_chars)
            total += chars - link_chars;
        }
      else
        total += prose_chars (child, class_filter);
    }
  return total;
}

static gboolean
is_inside_excluded (xmlNode  *node,
                    gboolean  class_filter)
{
  for (xmlNode *up = node->parent; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
    if (is_excluded (up, class_filter))
      return TRUE;
  return FALSE;
}

static void
find_elements (xmlNode    *node,
               const char *tag,
               const char *itemprop,
               GPtrArray  *out)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (tag != NULL && g_str_equal (node_name (child), tag))
        {
          g_ptr_array_add (out, child);
          continue;   /* not nested ones */
        }
      if (itemprop != NULL)
        {
          g_autofree char *value = node_attr (child, "itemprop");

          if (value != NULL && g_str_equal (value, itemprop))
            {
              g_ptr_array_add (out, child);
              continue;
            }
        }
      if (child->children != NULL)
        find_elements (child->children, tag, itemprop, out);
    }
}

/* A single <article> (or articleBody) holding enough prose is the article. */
static xmlNode *
find_semantic_article (xmlNode  *root,
                       gboolean  class_filter)
{
  static const struct { const char *tag; const char *itemprop; } queries[] = {
    { NULL, "articleBody" },
    { "article", NULL },
  };

  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      xmlNode *choice = NULL;
      guint n_big = 0;

      find_elements (root, queries[q].tag, queries[q].itemprop, found);
      for (guint i = 0; i < found->len; i++)
        {
          xmlNode *node = g_ptr_array_index (found, i);

          if (is_excluded (node, class_filter) || is_inside_excluded (node, class_filter))
            continue;
          if (prose_chars (node, class_filter) >= MIN_ARTICLE_CHARS)
            {
              choice = node;
              n_big++;
            }
        }
      if (n_big == 1)
        return choice;
    }

  return NULL;
}

typedef struct
{
  GString  *out;
  GString  *pending;
  gsize     pending_links;
  guint     pending_breaks;
  gboolean  class_filter;
  char     *last;
} Emitter;

static void
emit_paragraph (Emitter    *em,
                const char *raw,
                gsize       link_chars)
{
  g_autofree char *text = collapse_space (raw);
  glong chars;

  if (text == NULL || !has_alnum (text))
    return;
  chars = g_utf8_strlen (text, -1);
  if (chars > 0 && (double) link_chars / (double) chars > MAX_LINK_DENSITY)
    return;
  if (rsh_extract_is_crumb (text))
    return;
  if (g_strcmp0 (em->last, text) == 0)
    return;

  if (em->out->len > 0)
    g_string_append (em->out, "\n\n");
  g_string_append (em->out, text);
  g_free (em->last);
  em->last = g_steal_pointer (&text);
}

static void
flush_pending (Emitter *em)
{
  emit_paragraph (em, em->pending->str, em->pending_links);
  g_string_truncate (em->pending, 0);
  em->pending_links = 0;
  em->pending_breaks = 0;
}

static gboolean
has_block_descendant (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && (is_block (child) || has_block_descendant (child)))
      return TRUE;
  return FALSE;
}

static gboolean
has_paragraph_descendant (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (is_paragraph_tag (child) || has_paragraph_descendant (child)))
      return TRUE;
  return FALSE;
}

static void emit_children (Emitter *em,
                           xmlNode *node);

static void
emit_node (Emitter *em,
           xmlNode *node)
{
  const char *name;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      const char *content = (const char *) node->content;

      if (content != NULL)
        {
          g_string_append (em->pending, content);
          if (has_alnum (content))
            em->pending_breaks = 0;
        }
      return;
    }
  if (node->type != XML_ELEMENT_NODE || is_excluded (node, em->class_filter))
    return;

  name = node_name (node);

  /* The headline is the title, not part of the body. */
  if (g_str_equal (name, "h1"))
    {
      flush_pending (em);
      return;
    }

  if (g_str_equal (name, "br"))
    {
      /* Two line breaks in a row separate paragraphs in pages without <p>. */
      if (++em->pending_breaks >= 2)
        flush_pending (em);
      else
        g_string_append_c (em->pending, ' ');
      return;
    }

  if (is_paragraph_tag (node) && !has_paragraph_descendant (node))
    {
      g_autoptr(GString) buf = g_string_new (NULL);
      gsize link_chars = 0;

      flush_pending (em);
      gather_text (node, buf, &link_chars, g_str_equal (name, "a"));
      emit_paragraph (em, buf->str, link_chars);
      return;
    }

  if (is_block (node) || has_block_descendant (node))
    {
      flush_pending (em);
      emit_children (em, node);
      flush_pending (em);
      return;
    }

  /* Inline element: its text joins the running paragraph. */
  {
    g_autoptr(GString) buf = g_string_new (NULL);
    gsize link_chars = 0;

    gather_text (node, buf, &link_chars, g_str_equal (name, "a"));
    if (g_str_equal (name, "a"))
      link_chars = g_utf8_strlen (buf->str, -1);
    g_string_append (em->pending, buf->str);
    em->pending_links += link_chars;
    if (has_alnum (buf->str))
      em->pending_breaks = 0;
  }
}

static void
emit_children (Emitter *em,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    emit_node (em, child);
}

static char *
extract_body (xmlNode  *root,
              xmlNode  *body,
              gboolean  class_filter)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  Emitter em = { 0, };
  xmlNode *article;

  article = find_semantic_article (root, class_filter);
  if (article != NULL)
    g_ptr_array_add (chosen, article);
  else
    {
      Scoring sc = { g_hash_table_new_full (NULL, NULL, NULL, g_free), class_filter };
      GHashTableIter iter;
      gpointer key, value;
      xmlNode *top = NULL;
      double top_score = 0;

      score_paragraphs (body, &sc);
      g_hash_table_iter_init (&iter, sc.scores);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double score = *(double *) value * (1.0 - link_density (key));

          *(double *) value = score;
          if (top == NULL || score > top_score)
            {
              top = key;
              top_score = score;
            }
        }

      if (top == NULL)
        g_ptr_array_add (chosen, body);
      else if (top->parent == NULL || top->parent->type != XML_ELEMENT_NODE)
        g_ptr_array_add (chosen, top);
      else
        {
          double threshold = MAX (10.0, top_score * 0.2);

          /* Siblings that score well or are clean prose belong to the same story
           * (a story split by an inline ad block, a lead paragraph outside the main
           * container). */
          for (xmlNode *sib = top->parent->children; sib != NULL; sib = sib->next)
            {
              double *score;

              if (sib->type != XML_ELEMENT_NODE || is_excluded (sib, class_filter))
                continue;
              score = g_hash_table_lookup (sc.scores, sib);
              if (sib == top || (score != NULL && *score >= threshold))
                g_ptr_array_add (chosen, sib);
              else if (g_str_equal (node_name (sib), "p"))
                {
                  g_autofree char *text = node_text (sib);
                  glong chars = g_utf8_strlen (text, -1);
                  double ld = link_density (sib);

                  if ((chars > 80 && ld < 0.25) ||
                      (chars > 0 && ld == 0 && g_str_has_suffix (text, ".")))
                    g_ptr_array_add (chosen, sib);
                }
            }
        }
      g_hash_table_unref (sc.scores);
    }

  em.out = g_string_new (NULL);
  em.pending = g_string_new (NULL);
  em.class_filter = class_filter;
  for (guint i = 0; i < chosen->len; i++)
    {
      xmlNode *node = g_ptr_array_index (chosen, i);

      flush_pending (&em);
      if (is_paragraph_tag (node) && !has_paragraph_descendant (node))
        emit_node (&em, node);
      else
        emit_children (&em, node);
      flush_pending (&em);
    }
  g_string_free (em.pending, TRUE);
  g_free (em.last);
  return g_string_free (em.out, FALSE);
}

static xmlNode *
find_body (xmlNode *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_elements (root, "body", NULL, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : root;
}

/**
 * rsh_extracted_free:
 * @extracted: (transfer full): a result
 */
void
rsh_extracted_free (RshExtracted *extracted)
{
  if (extracted == NULL)
    return;
  g_free (extracted->title);
  g_free (extracted->outlet);
  g_strfreev (extracted->authors);
  g_free (extracted->published);
  g_free (extracted->language);
  g_free (extracted->url);
  g_free (extracted->text);
  g_free (extracted);
}

static gpointer
init_libxml_once (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/**
 * rsh_extract_html:
 * @text: a whole HTML document, already decoded to UTF-8
 * @base_url: (nullable): the address it came from, to resolve relative links
 *
 * Reads the metadata (title, outlet, authors, publication date, language, canonical URL)
 * and the article body of a web page. Thread-safe.
 *
 * Returns: (transfer full): what was found; @text of the result may be empty
 */
RshExtracted *
rsh_extract_html (const char *text,
                  const char *base_url)
{
  static GOnce libxml_once = G_ONCE_INIT;
  RshExtracted *ex = g_new0 (RshExtracted, 1);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  Metadata md = { 0, };
  htmlDocPtr doc;
  xmlNode *root;
  const char *value;
  gsize len = strlen (text);

  g_once (&libxml_once, init_libxml_once, NULL);

  doc = htmlReadMemory (text, (int) MIN (len, (gsize) G_MAXINT), base_url, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      ex->authors = g_new0 (char *, 1);
      ex->text = g_strdup ("");
      return ex;
    }

  md.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  md.rel_authors = g_ptr_array_new_with_free_func (g_free);
  md.byline_texts = g_ptr_array_new_with_free_func (g_free);
  md.ld_scripts = g_ptr_array_new_with_free_func (g_free);
  md.ld_authors = g_ptr_array_new_with_free_func (g_free);
  collect_metadata (root, &md);
  parse_json_ld (&md);

  /* Outlet */
  if ((value = meta_get (&md, "og:site_name")) != NULL ||
      (value = meta_get (&md, "application-name")) != NULL)
    ex->outlet = g_strdup (value);
  else if (md.ld_publisher != NULL && *md.ld_publisher)
    ex->outlet = g_strdup (md.ld_publisher);

  /* Title */
  if ((value = meta_get (&md, "og:title")) != NULL)
    ex->title = clean_title (value, ex->outlet, md.h1);
  else if (md.ld_headline != NULL && *md.ld_headline)
    ex->title = g_strdup (md.ld_headline);
  else if (md.title != NULL && *md.title)
    ex->title = clean_title (md.title, ex->outlet, md.h1);
  else if (md.h1 != NULL && *md.h1)
    ex->title = g_strdup (md.h1);

  /* Authors: the first source that yields a plausible name wins. */
  {
    GPtrArray *values = g_hash_table_lookup (md.meta, "author");

    for (guint i = 0; values != NULL && i < values->len; i++)
      add_authors_from (g_ptr_array_index (values, i), authors);
    if (authors->len == 0 && (values = g_hash_table_lookup (md.meta, "article:author")))
      for (guint i = 0; i < values->len; i++)
        add_authors_from (g_ptr_array_index (values, i), authors);
    if (authors->len == 0)
      for (guint i = 0; i < md.ld_authors->len; i++)
        add_authors_from (g_ptr_array_index (md.ld_authors, i), authors);
    for (guint i = 0; authors->len == 0 && i < md.rel_authors->len; i++)
      add_authors_from (g_ptr_array_index (md.rel_authors, i), authors);
    for (guint i = 0; authors->len == 0 && i < md.byline_texts->len; i++)
      add_authors_from (g_ptr_array_index (md.byline_texts, i), authors);
  }
  g_ptr_array_add (authors, NULL);
  ex->authors = (char **) g_ptr_array_free (g_steal_pointer (&authors), FALSE);

  /* Publication date: never the modification date. */
  {
    const char *candidates[] = {
      meta_get (&md, "article:published_time"),
      md.ld_published,
      md.time_published,
      meta_get (&md, "datepublished"),
      meta_get (&md, "date"),
      meta_get (&md, "dc.date"),
      meta_get (&md, "dc.date.issued"),
      meta_get (&md, "dcterms.date"),
      meta_get (&md, "dcterms.created"),
    };

    for (gsize i = 0; i < G_N_ELEMENTS (candidates) && ex->published == NULL; i++)
      ex->published = lenient_date (candidates[i]);
  }

  /* Language */
  ex->language = primary_language (md.html_lang);
  if (ex->language == NULL)
    ex->language = primary_language (meta_get (&md, "content-language"));
  if (ex->language == NULL)
    ex->language = primary_language (meta_get (&md, "og:locale"));
  if (ex->language == NULL)
    ex->language = primary_language (md.ld_language);

  /* Canonical URL */
  ex->url = absolute_url (md.canonical, base_url);
  if (ex->url == NULL)
    ex->url = absolute_url (meta_get (&md, "og:url"), base_url);

  /* Body: filter boilerplate by class names, unless that leaves (almost) nothing, which
   * happens when a page's wrapper carries an unlucky class. */
  {
    xmlNode *body = find_body (root);

    ex->text = extract_body (root, body, TRUE);
    if (g_utf8_strlen (ex->text, -1) < MIN_ARTICLE_CHARS)
      {
        char *unfiltered = extract_body (root, body, FALSE);

        if (g_utf8_strlen (unfiltered, -1) > 2 * g_utf8_strlen (ex->text, -1))
          {
            g_free (ex->text);
            ex->text = unfiltered;
          }
        else
          g_free (unfiltered);
      }
  }

  metadata_clear (&md);
  xmlFreeDoc (doc);
  return ex;
}

/* Plain text --------------------------------------------------------------------------- */

static void
rstrip (char *line)
{
  gsize len = strlen (line);

  while (len > 0 && g_ascii_isspace (line[len - 1]))
    line[--len] = '\0';
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The headline of copied text is the first line standing alone as a short paragraph,
 * past any header block of several short lines (site name, menu leftovers); failing that,
 * the first line. Looks only at the top, before the prose starts. */
static gint
find_title_line (GPtrArray *lines)
{
  gint first = -1;
  guint blocks = 0;

  for (guint i = 0; i < lines->len && blocks < 6; )
    {
      guint start;
      guint n = 0;
      gboolean long_line = FALSE;

      if (is_blank (g_ptr_array_index (lines, i)))
        {
          i++;
          continue;
        }
      start = i;
      for (; i < lines->len && !is_blank (g_ptr_array_index (lines, i)); i++, n++)
        if (g_utf8_strlen (g_ptr_array_index (lines, i), -1) >= MAX_TITLE_CHARS)
          long_line = TRUE;
      if (first < 0)
        first = start;
      if (long_line)
        break;
      if (n == 1)
        return start;
      blocks++;
    }

  return first;
}

/* "Site - Headline" followed by "Headline": returns "Site". */
static char *
split_site_prefix (const char *line,
                   const char *next)
{
  static const char * const separators[] = { " - ", " | ", " – ", " — " };
  gsize line_len = strlen (line);
  gsize next_len = strlen (next);

  if (next_len == 0 || next_len >= line_len)
    return NULL;
  if (strcmp (line + line_len - next_len, next) != 0)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep_len = strlen (separators[i]);

      if (line_len - next_len > sep_len &&
          strncmp (line + line_len - next_len - sep_len, separators[i], sep_len) == 0)
        return g_strstrip (g_strndup (line, line_len - next_len - sep_len));
    }
  return NULL;
}

/**
 * rsh_extract_plain:
 * @text: decoded UTF-8 text with LF line ends
 *
 * Cleans up plain text: drops scraper crumbs ("Advertisement", "Previous article…"),
 * keeps paragraphs separated by one blank line, and takes a short first line as the title.
 *
 * Returns: (transfer full): what was found
 */
RshExtracted *
rsh_extract_plain (const char *text)
{
  RshExtracted *ex = g_new0 (RshExtracted, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *body = g_string_new (NULL);
  guint blank_run = 0;
  gint first = -1;
  gint second = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      rstrip (line);
      for (gsize t = 0; t < G_N_ELEMENTS (tracker_tokens); t++)
        {
          gsize n = strlen (tracker_tokens[t]);

          if (strncmp (line, tracker_tokens[t], n) == 0 && line[n] == ' ')
            memmove (line, line + n + 1, strlen (line + n + 1) + 1);
        }
      if (!is_blank (line) && rsh_extract_is_crumb (line))
        continue;
      g_ptr_array_add (kept, line);
    }

  first = find_title_line (kept);
  if (first >= 0)
    {
      for (guint i = first + 1; i < kept->len && second < 0; i++)
        if (!is_blank (g_ptr_array_index (kept, i)))
          second = i;
    }

  if (first >= 0)
    {
      const char *line = g_ptr_array_index (kept, first);
      const char *next = second >= 0 ? g_ptr_array_index (kept, second) : "";
      g_autofree char *site = split_site_prefix (line, next);

      if (site != NULL && g_utf8_strlen (site, -1) <= 40)
        {
          /* A "Site - Headline" header line repeating the headline below it. */
          ex->outlet = g_steal_pointer (&site);
          ex->title = g_strdup (next);
          g_ptr_array_remove_index (kept, first);
        }
      else
        {
          const char *title = line;

          while (*title == '#' || *title == ' ')
            title++;
          if (*title != '\0' && g_utf8_strlen (title, -1) < MAX_TITLE_CHARS)
            ex->title = collapse_space (title);
        }
    }

  for (guint i = 0; i < kept->len; i++)
    {
      const char *line = g_ptr_array_index (kept, i);

      if (is_blank (line))
        {
          blank_run++;
          continue;
        }
      if (body->len > 0)
        g_string_append (body, blank_run > 0 ? "\n\n" : "\n");
      g_string_append (body, line);
      blank_run = 0;
    }

  ex->authors = g_new0 (char *, 1);
  ex->text = g_string_free (body, FALSE);
  return ex;
}
