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
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <poppler.h>

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
  "advert",
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
  "copyright ©",
  "copyright @",
  "copyright (c)",
  "sign up to our newsletter",
  "sign up for our newsletter",
  "subscribe to our newsletter",
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
  "outbrain", "taboola", "popup", "modal", "disqus", "byline", "caption", "credit", "credits",
  "gallery", "slideshow", "teaser", "rail", "recommended", "trending", "promoted",
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

/* Frequent function words, enough to tell the four languages apart on a paragraph. None
 * is longer than five bytes, which rsh_extract_guess_language() relies on. */
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
  char       *time_modified;
  GPtrArray  *rel_authors;
  GPtrArray  *byline_texts;
  GPtrArray  *ld_scripts;
  /* from JSON-LD, once parse_json_ld() has run */
  gboolean    ld_parsed;
  char       *ld_headline;
  char       *ld_publisher;
  char       *ld_published;
  char       *ld_modified;
  char       *ld_language;
  GPtrArray  *ld_authors;
} Metadata;

typedef struct
{
  GHashTable *scores;      /* xmlNode* → double* */
  gboolean    class_filter;
} Scoring;

/* What gather_text() makes of an element's text (starting an empty buffer, outside any
 * link), worked out once per element: the walks ask for the length and link share of the
 * same elements again and again. */
typedef struct
{
  gsize chars;             /* characters other than white space */
  gsize inner;             /* single spaces between them */
  gsize links;             /* characters inside <a> elements below */
  gsize commas;
  guint lead : 1;          /* white space before the first character (or only white space) */
  guint trail : 1;         /* white space after the last character */
  guint known : 1;
} TextSummary;

/* Every element of a tree from build_html_tree() is one of these. */
typedef struct
{
  xmlNode     node;
  TextSummary text;
} RshElement;

/* Helpers ------------------------------------------------------------------------------ */

/* GLib 2.74 makes these library calls; the walks make millions of them. */
static inline gboolean
str_equal (const char *a,
           const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static gboolean
str_in_table (const char         *str,
              const char * const *table,
              gsize               n)
{
  if (str == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (table[i][0] == str[0] && strcmp (str, table[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_prefix_ci (const char *str,
               const char *prefix)
{
  return g_ascii_strncasecmp (str, prefix, strlen (prefix)) == 0;
}

/* Sixteen bytes as one value: GCC and Clang compile comparisons of these to a few SIMD
 * instructions (SSE2 on x86-64, NEON on ARM), so the passes over a whole page below can
 * skip plain ASCII sixteen bytes at a time. The bytes are signed, as SSE2 compares them:
 * everything from 0x80 up is below zero, so one comparison finds both control bytes and
 * non-ASCII. */
typedef gint8 Bytes16 __attribute__ ((vector_size (16)));

static inline Bytes16
bytes16_load (const void *p)
{
  Bytes16 v;

  memcpy (&v, p, sizeof v);
  return v;
}

/* How many lanes of a comparison's result are set. */
static inline guint
bytes16_count (Bytes16 mask)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 half[2];

  /* Each lane is 0 or 0xFF: one bit of each, summed by a multiplication into the top
   * byte (baseline x86-64 has no population count instruction). */
  memcpy (half, &mask, sizeof half);
  return ((((half[0] >> 7) & ones) * ones) >> 56) + ((((half[1] >> 7) & ones) * ones) >> 56);
}

/* Whether any lane of a comparison's result is set. */
static inline gboolean
bytes16_any (Bytes16 mask)
{
  guint64 half[2];

  memcpy (half, &mask, sizeof half);
  return (half[0] | half[1]) != 0;
}

static const char *
memmem_ci (const char *haystack,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);
  char first = ascii_lower (needle[0]);

  /* For a letter, setting bit 0x20 lowers it and maps nothing else onto it; sixteen
   * bytes without that letter start no match. */
  if (first >= 'a' && first <= 'z')
    {
      Bytes16 wanted = (Bytes16) { 0, } + (gint8) first;

      for (gsize i = 0; i + n <= len; i++)
        {
          if ((i & 15) == 0 && i + 16 <= len &&
              !bytes16_any ((Bytes16) ((bytes16_load (haystack + i) | 0x20) == wanted)))
            {
              i += 15;
              continue;
            }
          if ((haystack[i] | 0x20) == first &&
              g_ascii_strncasecmp (haystack + i, needle, n) == 0)
            return haystack + i;
        }
      return NULL;
    }
  for (gsize i = 0; i + n <= len; i++)
    if (ascii_lower (haystack[i]) == first && g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* The ASCII characters g_unichar_isspace() accepts (vertical tab is not one). */
static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* g_unichar_isspace(), plus the no-break and zero-width spaces pages use as spaces. */
static inline gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B;
}

/* is_space_char() of the character starting at @p, which is not ASCII. Unicode's
 * non-ASCII spaces (U+00A0, U+1680, U+2000 to U+200B, U+2028, U+2029, U+202F, U+205F,
 * U+3000) all start with one of four bytes, so accented letters, Cyrillic, CJK and
 * most punctuation need no table lookup. */
static inline gboolean
is_space_at (const char *p)
{
  guchar lead = (guchar) *p;

  if (lead != 0xC2 && (lead < 0xE1 || lead > 0xE3))
    return FALSE;
  return is_space_char (g_utf8_get_char (p));
}

/* g_utf8_strlen (@str, -1) of valid UTF-8. */
static inline gsize
utf8_length (const char *str)
{
  return rsh_utf8_count (str, strlen (str));
}

/* g_string_append_len() without GLib 2.74's checks for overlap and negative lengths: the
 * walks below append a few bytes at a time, hundreds of thousands of times a page. */
static inline void
string_append_fast (GString    *out,
                    const char *str,
                    gsize       len)
{
  if (out->len + len < out->allocated_len)
    {
      memcpy (out->str + out->len, str, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, str, len);
}

/* Collapses every run of white space (including no-break spaces) to one space and trims
 * both ends. The result is never longer than @str (a run of spaces becomes one byte), so
 * it is written straight into one allocation. */
static char *
collapse_space (const char *str)
{
  gsize len;
  char *out;
  char *w;
  gboolean space = TRUE;

  if (str == NULL)
    return NULL;

  len = strlen (str);
  out = g_malloc (len + 1);
  w = out;
  for (const char *p = str; *p; )
    {
      const char *next;

      /* Runs of ASCII other than white space are copied whole. */
      if ((guchar) *p < 0x80 && !is_ascii_space (*p))
        {
          const char *start = p;

          do
            p++;
          while ((guchar) *p < 0x80 && *p != '\0' && !is_ascii_space (*p));
          memcpy (w, start, p - start);
          w += p - start;
          space = FALSE;
          continue;
        }
      if ((guchar) *p < 0x80)
        {
          if (!space)
            *w++ = ' ';
          space = TRUE;
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (is_space_at (p))
        {
          if (!space)
            *w++ = ' ';
          space = TRUE;
        }
      else
        {
          memcpy (w, p, next - p);
          w += next - p;
          space = FALSE;
        }
      p = next;
    }
  if (w > out && w[-1] == ' ')
    w--;
  *w = '\0';

  return out;
}

static gboolean has_high_bytes (const char *data,
                                gsize       len);

static gboolean
utf8_equal_ci (const char *a,
               const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  gsize la, lb;

  if (a == NULL || b == NULL)
    return FALSE;
  /* Case folding changes a character's length by a factor of three at most: strings of
   * very different lengths (a paragraph and a headline) cannot match. */
  la = strlen (a);
  lb = strlen (b);
  if (la > 9 * lb + 16 || lb > 9 * la + 16)
    return FALSE;
  /* Folding goes character by character, so a common ASCII start can be compared as it
   * stands, and the first ASCII letters that differ settle it. */
  while (*a != '\0' && (guchar) *a < 0x80 && (guchar) *b < 0x80)
    {
      if (ascii_lower (*a) != ascii_lower (*b))
        return FALSE;
      a++;
      b++;
    }
  if (*a == '\0' || *b == '\0')
    return *a == *b;
  /* Folding the first characters settles most pairs: the folded start of a string is
   * the start of its folded whole. */
  {
    const char *ea = a;
    const char *eb = b;

    for (guint i = 0; i < 16 && *ea != '\0'; i++)
      ea = g_utf8_next_char (ea);
    for (guint i = 0; i < 16 && *eb != '\0'; i++)
      eb = g_utf8_next_char (eb);
    fa = g_utf8_casefold (a, ea - a);
    fb = g_utf8_casefold (b, eb - b);
    if (memcmp (fa, fb, MIN (strlen (fa), strlen (fb))) != 0)
      return FALSE;
    if (*ea == '\0' && *eb == '\0')
      return strcmp (fa, fb) == 0;
    g_clear_pointer (&fa, g_free);
    g_clear_pointer (&fb, g_free);
  }
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (fa, fb) == 0;
}

/* g_unichar_isalnum() of the character at @p; ASCII needs no table lookup. */
static inline gboolean
char_is_alnum (const char *p)
{
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  return g_unichar_isalnum (g_utf8_get_char (p));
}

static gboolean
has_alnum (const char *str)
{
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    if (char_is_alnum (p))
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
  if (str_equal (lower, "gb2312") || str_equal (lower, "x-gbk"))
    return g_strdup ("GBK");
  /* Pages labelled Shift_JIS use Microsoft's extensions (circled digits and the like),
   * as browsers assume. */
  if (str_equal (lower, "shift_jis") || str_equal (lower, "shift-jis") ||
      str_equal (lower, "sjis") || str_equal (lower, "x-sjis") ||
      str_equal (lower, "ms_kanji") || str_equal (lower, "windows-31j"))
    return g_strdup ("CP932");
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

#define WORD_HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define WORD_LOW_BITS  G_GUINT64_CONSTANT (0x0101010101010101)

static gboolean
has_high_bytes (const char *data,
                gsize       len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 v;

      memcpy (&v, data + i, 8);
      if (v & WORD_HIGH_BITS)
        return TRUE;
    }
  for (; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Per-thread buffers for the page-sized texts each extraction makes and drops (the
 * decoded page, the page without its scripts). A fresh buffer of that size comes from
 * mmap() and faults its pages in one by one, for every page; a kept one is already
 * mapped and usually still in the cache. A buffer grown beyond SCRATCH_KEEP bytes for
 * an exceptional page is let go at the next page, so that a thread keeps 4 MB at most. */
#define SCRATCH_KEEP (2 * 1024 * 1024)

typedef struct
{
  char  *data;
  gsize  size;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->data);
  g_free (scratch);
}

static GPrivate decoded_scratch = G_PRIVATE_INIT (scratch_free);
static GPrivate stripped_scratch = G_PRIVATE_INIT (scratch_free);

static Scratch *
scratch_get (GPrivate *key)
{
  Scratch *scratch = g_private_get (key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (key, scratch);
    }
  return scratch;
}

/* The calling thread's buffer under @key, at least @size bytes; its contents are lost. */
static char *
scratch_reserve (GPrivate *key,
                 gsize     size)
{
  Scratch *scratch = scratch_get (key);

  if (scratch->size < size)
    {
      g_free (scratch->data);
      scratch->size = MAX (size, 64 * 1024);
      scratch->data = g_malloc (scratch->size);
    }
  return scratch->data;
}

/* Makes @data (@size bytes, transfer full) the calling thread's buffer under @key. */
static void
scratch_adopt (GPrivate *key,
               char     *data,
               gsize     size)
{
  Scratch *scratch = scratch_get (key);

  if (scratch->data != data)
    {
      g_free (scratch->data);
      scratch->data = data;
    }
  scratch->size = size;
}

/* Lets a buffer grown for an exceptionally big page go. */
static void
scratch_trim (GPrivate *key)
{
  Scratch *scratch = scratch_get (key);

  if (scratch->size > SCRATCH_KEEP)
    {
      g_clear_pointer (&scratch->data, g_free);
      scratch->size = 0;
    }
}

/* One byte of a text for rsh_extract_check_text(). Continuation bytes belong to the
 * character already counted; the only control characters beyond ASCII are U+0080 to
 * U+009F, written C2 80 to C2 9F. */
static inline void
check_text_byte (const guchar *p,
                 gsize        *chars,
                 gsize        *controls,
                 gsize        *visible)
{
  if (*p < 0x80)
    {
      (*chars)++;
      if (*p > 0x20 && *p < 0x7F)
        (*visible)++;
      else if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\f' && *p != '\v')
        (*controls)++;
      return;
    }
  if ((*p & 0xC0) == 0x80)
    return;
  (*chars)++;
  if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
    (*controls)++;
  else if (*visible == 0 && !g_unichar_isspace (g_utf8_get_char ((const char *) p)))
    (*visible)++;
}

/* What rsh_extract_check_text() counts. */
typedef struct
{
  gsize chars;
  gsize controls;
  gsize visible;   /* only whether it is zero matters */
} TextCounts;

/* Copies @len bytes of @data into the thread's decoded-text buffer, checking on the way
 * that they are UTF-8 without NUL (g_utf8_validate_len()) and counting them as
 * rsh_extract_check_text() does: one pass over a page instead of three. Sixteen bytes
 * of ASCII (most of a page) are copied, checked and counted at once; every ASCII byte is
 * a whole character, so the multi-byte stretches between them are validated one by one.
 * Returns %FALSE if the bytes are not such text; the buffer then holds anything. */
static gboolean
copy_checked (const char *data,
              gsize       len,
              TextCounts *counts)
{
  char *out = scratch_reserve (&decoded_scratch, len + 1);
  gsize i = 0;

  memset (counts, 0, sizeof *counts);
  while (i < len)
    {
      gsize start;

      /* Most of a page: 64 bytes of printable ASCII and blanks. "Below 9" takes in NUL
       * and everything from 0x80 up. */
      if (i + 64 <= len && counts->visible > 0)
        {
          Bytes16 unusual = { 0, };

          for (guint k = 0; k < 64; k += 16)
            {
              Bytes16 v = bytes16_load (data + i + k);

              unusual |= (Bytes16) ((v < 9) | ((v > 12) & (v < 0x20)) | (v == 0x7F));
            }
          if (!bytes16_any (unusual))
            {
              memcpy (out + i, data + i, 64);
              counts->chars += 64;
              i += 64;
              continue;
            }
        }
      if (i + 16 <= len)
        {
          Bytes16 v = bytes16_load (data + i);

          if (!bytes16_any ((Bytes16) (v < 0)))
            {
              Bytes16 odd;

              if (bytes16_any ((Bytes16) (v == 0)))
                return FALSE;
              memcpy (out + i, &v, sizeof v);
              /* Control characters: below 0x20 other than \t \n \v \f, and DEL. */
              odd = (Bytes16) ((v < 9) | ((v > 12) & (v < 0x20)) | (v == 0x7F));
              if (bytes16_any (odd))
                counts->controls += bytes16_count (odd);
              if (counts->visible == 0)
                counts->visible = bytes16_any ((Bytes16) ((v > 0x20) & (v != 0x7F)));
              counts->chars += 16;
              i += 16;
              continue;
            }
        }
      if ((guchar) data[i] < 0x80)
        {
          if (data[i] == '\0')
            return FALSE;
          out[i] = data[i];
          check_text_byte ((const guchar *) data + i, &counts->chars, &counts->controls,
                           &counts->visible);
          i++;
          continue;
        }
      start = i;
      while (i < len && (guchar) data[i] >= 0x80)
        i++;
      if (!g_utf8_validate_len (data + start, i - start, NULL))
        return FALSE;
      memcpy (out + start, data + start, i - start);
      /* A valid stretch: a C2 lead's second byte is in it. */
      for (gsize k = start; k < i; k++)
        check_text_byte ((const guchar *) data + k, &counts->chars, &counts->controls,
                         &counts->visible);
    }
  return TRUE;
}

/* The text copy_checked() accepted, NUL-terminated. */
static char *
take_checked_copy (gsize len)
{
  char *text = scratch_get (&decoded_scratch)->data;

  text[len] = '\0';
  return text;
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
                    const char *label,
                    gboolean    valid_utf8)
{
  g_autofree char *charset = normalize_charset (label);

  if (charset == NULL)
    return NULL;

  /* Bytes that are valid UTF-8 and use multi-byte sequences are UTF-8 whatever the page
   * says: text in a legacy charset almost never forms valid UTF-8 by chance. */
  if (str_equal (charset, "UTF-8"))
    return valid_utf8 ? take_checked_copy (len) : NULL;
  if (valid_utf8 && has_high_bytes (data, len))
    return take_checked_copy (len);

  return convert_exact (data, len, charset);
}

/* UTF-16 without a byte order mark: text with much ASCII in it has a NUL in every
 * other byte. Returns the charset, or %NULL when the pattern is not there. */
static const char *
sniff_utf16 (const char *data,
             gsize       len)
{
  gsize pairs = MIN (len, 1024) / 2;
  gsize zero_even = 0;
  gsize zero_odd = 0;

  if (pairs < 4 || len % 2 != 0)
    return NULL;
  for (gsize i = 0; i < pairs; i++)
    {
      zero_even += data[2 * i] == '\0';
      zero_odd += data[2 * i + 1] == '\0';
    }
  if (zero_odd * 10 >= pairs * 3 && zero_even * 50 <= pairs)
    return "UTF-16LE";
  if (zero_even * 10 >= pairs * 3 && zero_odd * 50 <= pairs)
    return "UTF-16BE";
  return NULL;
}

/* Undeclared Japanese text: bytes that decode as Shift_JIS (or EUC-JP) into kana and
 * kanji, with kana among them, since Latin text decoded this way yields stray kanji at
 * best. */
static char *
decode_japanese (const char *data,
                 gsize       len)
{
  static const char * const charsets[] = { "CP932", "EUC-JP" };

  for (gsize i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autofree char *text = convert_exact (data, len, charsets[i]);
      gsize wide = 0;
      gsize japanese = 0;
      gsize kana = 0;

      if (text == NULL)
        continue;
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x80)
            continue;
          wide++;
          if (c >= 0x3040 && c <= 0x30FF)
            kana++;
          if ((c >= 0x3000 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
              (c >= 0xFF00 && c <= 0xFFEF))
            japanese++;
        }
      if (wide > 0 && japanese * 10 >= wide * 9 && kana * 10 >= wide)
        return g_steal_pointer (&text);
    }
  return NULL;
}

/* Replaces CRLF and lone CR with LF, in place; @counts (if not %NULL) follow: a CR was
 * a control character and an LF is none, and a CRLF is one character less. */
static void
normalize_newlines (char       *text,
                    TextCounts *counts)
{
  char *w = strchr (text, '\r');

  if (w == NULL)
    return;
  for (const char *r = w; *r; r++)
    {
      if (*r == '\r')
        {
          *w++ = '\n';
          if (counts != NULL)
            counts->controls--;
          if (r[1] == '\n')
            {
              r++;
              if (counts != NULL)
                counts->chars--;
            }
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

static void
refuse_binary (const char  *name,
               GError     **error)
{
  g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
               _("“%s” is not a text or web page file; Rashomon reads HTML and plain text."),
               name);
}

/* The verdict of rsh_extract_check_text() on what it counted. */
static gboolean
judge_text (const TextCounts  *counts,
            const char        *name,
            GError           **error)
{
  if (counts->visible == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("“%s” is empty; choose a file that holds an article."), name);
      return FALSE;
    }

  /* Real text has next to no control characters; 5 % is far beyond any typo. */
  if (counts->controls * 20 > counts->chars)
    {
      refuse_binary (name, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * rsh_extract_check_binary:
 * @raw: the bytes of a document
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Refuses known binary formats, anything with NUL bytes (unless it starts with a UTF-16
 * byte order mark, or opens as a web page: rsh_extract_decode_temp() refuses those) and
 * whatever GIO recognises as neither text nor markup.
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
  if (sniff_utf16 (data, len) != NULL)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    if (len >= binary_magics[i].len &&
        memcmp (data, binary_magics[i].magic, binary_magics[i].len) == 0)
      goto binary;

  /* A document that opens as a web page is one; asking the MIME database costs as much
   * as extracting a page. NUL bytes in it are found by rsh_extract_decode_temp(), which
   * sees them for free: valid UTF-8 has none. */
  {
    gsize i = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

    while (i < len && i < 1024 && g_ascii_isspace (data[i]))
      i++;
    if ((len - i >= 14 && has_prefix_ci (data + i, "<!doctype html")) ||
        (len - i >= 5 && has_prefix_ci (data + i, "<html")))
      return TRUE;
  }

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
  refuse_binary (name, error);
  return FALSE;
}

/**
 * rsh_extract_decode_temp:
 * @raw: the bytes of a document
 * @is_html: whether to look for a charset declared in the markup
 * @header_charset: (nullable): the charset an HTTP header gave
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Decodes @raw to UTF-8: a byte order mark first, then the charset the page declares,
 * then the HTTP header's. A declaration the bytes contradict is skipped; without a usable
 * one the text is UTF-8 if it is valid UTF-8, else windows-1252. Line ends become LF.
 * Bytes that are not UTF-16 and hold a NUL are refused as binary, and the text is then
 * checked as rsh_extract_check_text() does (for a page that is UTF-8 already, in the same
 * pass that validates and copies it).
 *
 * The text goes into a buffer the calling thread keeps for the next page, so that the
 * copy of a page costs no allocation.
 *
 * Returns: (transfer none): the text, valid until the calling thread decodes again, or
 *   %NULL with @error set
 */
const char *
rsh_extract_decode_temp (GBytes      *raw,
                         gboolean     is_html,
                         const char  *header_charset,
                         const char  *name,
                         GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (raw, &len);
  char *text = NULL;
  gboolean valid_utf8 = FALSE;
  gboolean checked;
  TextCounts counts = { 0, };

  /* The last page's text is no longer needed. */
  scratch_trim (&decoded_scratch);

  if (data == NULL)
    data = "";

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      valid_utf8 = copy_checked (data, len, &counts);
      if (valid_utf8)
        text = take_checked_copy (len);
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
  else if (sniff_utf16 (data, len) != NULL)
    {
      const char *charset = sniff_utf16 (data, len);

      text = convert_exact (data, len, charset);
      if (text == NULL)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                       _("“%s” looks like %s text but is not valid %s; save it again as UTF-8."),
                       name, charset, charset);
          return NULL;
        }
    }
  else
    {
      g_autofree char *declared = is_html ? find_declared_charset (data, len) : NULL;

      /* One validation serves every guess below. */
      valid_utf8 = copy_checked (data, len, &counts);
      if (declared != NULL)
        text = decode_as_declared (data, len, declared, valid_utf8);
      if (text == NULL && header_charset != NULL)
        text = decode_as_declared (data, len, header_charset, valid_utf8);
    }

  if (text == NULL && valid_utf8)
    text = take_checked_copy (len);
  /* NUL bytes, which valid UTF-8 never holds, make a binary file: for a document that
   * opens as a web page rsh_extract_check_binary() left them to be found here. */
  if (text == NULL && len > 0 && memchr (data, '\0', len) != NULL)
    {
      refuse_binary (name, error);
      return NULL;
    }
  if (text == NULL)
    text = decode_japanese (data, len);
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

  /* A converted text is a new allocation; it becomes the buffer, and is counted now. */
  if (valid_utf8 && text == scratch_get (&decoded_scratch)->data)
    {
      normalize_newlines (text, &counts);
      checked = judge_text (&counts, name, error);
    }
  else
    {
      scratch_adopt (&decoded_scratch, text, strlen (text) + 1);
      normalize_newlines (text, NULL);
      checked = rsh_extract_check_text (text, name, error);
    }
  return checked ? text : NULL;
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
  gsize len = strlen (text);
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  /* Sixteen bytes at a time, counting lanes: characters are the bytes that do not
   * continue a UTF-8 sequence (0x80 to 0xBF); control characters are the bytes below
   * 0x20 other than \t \n \v \f (9 to 12), DEL, and C2 followed by 0x80 to 0x9F, which
   * the load one byte further on shows (the text's NUL ends it, so that load stays in
   * it). Until something visible is found, blocks with non-ASCII go byte by byte, since
   * whether a letter is a space takes a lookup. */
  for (; p + 16 <= end; p += 16)
    {
      Bytes16 v;
      Bytes16 high;
      Bytes16 odd;

      /* Most of a page: 64 bytes of printable ASCII and blanks, 64 characters. */
      if (p + 64 <= end && visible > 0)
        {
          Bytes16 unusual = { 0, };

          for (guint k = 0; k < 64; k += 16)
            {
              Bytes16 block = bytes16_load (p + k);

              /* Below 9 takes in everything from 0x80 up. */
              unusual |= (Bytes16) ((block < 9) | ((block > 12) & (block < 0x20)) |
                                    (block == 0x7F));
            }
          if (!bytes16_any (unusual))
            {
              chars += 64;
              p += 48;   /* and 16 more by the loop */
              continue;
            }
        }
      v = bytes16_load (p);
      high = (Bytes16) (v < 0);

      if (visible == 0 && bytes16_any (high))
        {
          for (guint i = 0; i < 16; i++)
            check_text_byte (p + i, &chars, &controls, &visible);
          continue;
        }
      odd = (Bytes16) (((v >= 0) & (v < 0x20) & ((v < 9) | (v > 12))) | (v == 0x7F));
      if (bytes16_any (high))
        {
          Bytes16 next = bytes16_load (p + 1);

          chars += 16 - bytes16_count (v < -64);
          odd |= (Bytes16) ((v == (gint8) 0xC2) & (next < -96));
        }
      else
        chars += 16;
      if (bytes16_any (odd))
        controls += bytes16_count (odd);
      if (visible == 0)
        visible += bytes16_any ((Bytes16) ((v > 0x20) & (v != 0x7F)));
    }
  for (; p < end; p++)
    check_text_byte (p, &chars, &controls, &visible);

  {
    TextCounts counts = { chars, controls, visible };

    return judge_text (&counts, name, error);
  }
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

/* rsh_extract_is_crumb() of a line already through collapse_space(). */
static gboolean
is_crumb_collapsed (const char *collapsed)
{
  g_auto(GStrv) items = NULL;
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
  if ((p = strchr (collapsed, '|')) != NULL && strchr (p + 1, '|') != NULL)
    items = g_strsplit (collapsed, "|", -1);
  p = collapsed;
  if (items != NULL && g_strv_length (items) >= 3)
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

  /* "Facebook X WhatsApp Email": a row of share buttons. The words are read in place, and
   * the first that is not a share label settles it. */
  for (const char *w = collapsed; *w != '\0' && all_share; )
    {
      gsize n = strcspn (w, " ");
      char lower[16];

      n_words++;
      if (n >= sizeof lower)
        all_share = FALSE;
      else
        {
          for (gsize i = 0; i < n; i++)
            lower[i] = ascii_lower (w[i]);
          lower[n] = '\0';
          if (!str_in_table (lower, share_words, G_N_ELEMENTS (share_words)))
            all_share = FALSE;
        }
      w += n;
      while (*w == ' ')
        w++;
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

  return is_crumb_collapsed (collapsed);
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
      gboolean ascii = (guchar) *p < 0x80;
      gunichar c = ascii ? (guchar) *p : g_utf8_get_char (p);

      if (ascii && g_ascii_isalpha (c))
        g_string_append_c (word, g_ascii_tolower (c));
      else if (!ascii && g_unichar_isalpha (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else if (word->len > 0)
        {
          words++;
          /* No stop word is longer than five bytes. */
          for (gsize l = 0; l < G_N_ELEMENTS (stopwords) && word->len <= 5; l++)
            for (gsize w = 0; stopwords[l].words[w] != NULL; w++)
              if (str_equal (word->str, stopwords[l].words[w]))
                counts[l]++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      p = ascii ? p + 1 : g_utf8_next_char (p);
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

/* An attribute's value without a copy: the tree builder gives every attribute one text
 * node (or none, for a bare attribute, whose value is ""), so this is what xmlGetProp()
 * would return. %NULL when @node has no such attribute. */
static const char *
attr_peek (xmlNode    *node,
           const char *name)
{
  if (node->type != XML_ELEMENT_NODE)
    return NULL;
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->name[0] == name[0] && strcmp ((const char *) attr->name, name) == 0)
      {
        xmlNode *text = attr->children;

        return text != NULL && text->content != NULL ? (const char *) text->content : "";
      }
  return NULL;
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  return g_strdup (attr_peek (node, name));
}

/* Whether @value, split at blanks, holds @word (ASCII case ignored). */
static gboolean
has_word_ci (const char *value,
             const char *word)
{
  gsize n = strlen (word);

  for (const char *p = value; *p != '\0'; )
    {
      gsize len = strcspn (p, " \t\n");

      if (len == n && g_ascii_strncasecmp (p, word, n) == 0)
        return TRUE;
      p += len;
      if (*p != '\0')
        p++;
    }
  return FALSE;
}

static gboolean
attr_has_word (xmlNode    *node,
               const char *attr,
               const char *word)
{
  const char *value = attr_peek (node, attr);

  return value != NULL && has_word_ci (value, word);
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
      if (str_equal ((const char *) child->name, "p") ||
          str_equal ((const char *) child->name, "article"))
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
  const char *style;
  const char *aria;

  if (node->type != XML_ELEMENT_NODE || node->properties == NULL)
    return FALSE;
  if (attr_peek (node, "hidden") != NULL)
    return TRUE;
  aria = attr_peek (node, "aria-hidden");
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  style = attr_peek (node, "style");
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

/* Which of the tables above a tag name or a class word is in: one hash lookup instead
 * of a scan of each table, for every element and every word of its class. */
enum
{
  WORD_SKIPPED_TAG   = 1 << 0,
  WORD_BLOCK_TAG     = 1 << 1,
  WORD_PARAGRAPH_TAG = 1 << 2,
  WORD_STRONG        = 1 << 3,
  WORD_WEAK          = 1 << 4,
  WORD_POSITIVE      = 1 << 5,
};

static void
add_word_class (GHashTable         *classes,
                const char * const *words,
                gsize               n,
                guint               word_class)
{
  for (gsize i = 0; i < n; i++)
    {
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (classes, words[i]));

      g_hash_table_insert (classes, (gpointer) words[i], GUINT_TO_POINTER (old | word_class));
    }
}

static gpointer
build_word_classes (gpointer data)
{
  GHashTable *classes = g_hash_table_new (g_str_hash, g_str_equal);

  add_word_class (classes, skipped_tags, G_N_ELEMENTS (skipped_tags), WORD_SKIPPED_TAG);
  add_word_class (classes, block_tags, G_N_ELEMENTS (block_tags), WORD_BLOCK_TAG);
  add_word_class (classes, paragraph_tags, G_N_ELEMENTS (paragraph_tags), WORD_PARAGRAPH_TAG);
  add_word_class (classes, strong_negative_words, G_N_ELEMENTS (strong_negative_words),
                  WORD_STRONG);
  add_word_class (classes, weak_negative_words, G_N_ELEMENTS (weak_negative_words),
                  WORD_WEAK);
  add_word_class (classes, positive_words, G_N_ELEMENTS (positive_words), WORD_POSITIVE);
  return classes;
}

static guint
word_class (const char *word)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *classes = g_once (&once, build_word_classes, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (classes, word));
}

static gboolean
compute_skipped_tag (xmlNode *node,
                     guint    tag_class)
{
  if (is_hidden (node))
    return TRUE;

  /* Some frameworks (ASP.NET) wrap the whole page in one <form>: only a form without
   * prose is a real form. */
  if (node->type == XML_ELEMENT_NODE && node->name != NULL &&
      str_equal ((const char *) node->name, "form"))
    return count_paragraphs (node, 3) < 3;
  return (tag_class & WORD_SKIPPED_TAG) != 0;
}

/* Whether an element's class or id marks it as boilerplate. The document's outer
 * elements are never excluded this way: "has-sidebar" on <body> says nothing about it. */
static gboolean
compute_unlikely (xmlNode *node)
{
  const char *name = node_name (node);
  const char *class_attr;
  const char *id_attr;
  gboolean strong = FALSE;
  gboolean weak = FALSE;
  gboolean positive = FALSE;

  if (str_equal (name, "html") || str_equal (name, "body") ||
      str_equal (name, "article") || str_equal (name, "main"))
    return FALSE;

  class_attr = attr_peek (node, "class");
  id_attr = attr_peek (node, "id");
  if (class_attr == NULL && id_attr == NULL)
    {
      const char *role = attr_peek (node, "role");

      return role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 ||
                              g_ascii_strcasecmp (role, "complementary") == 0 ||
                              g_ascii_strcasecmp (role, "contentinfo") == 0);
    }

  /* The words of both attributes, lowercased one at a time; none in the tables is longer
   * than a short buffer. */
  for (guint a = 0; a < 2; a++)
    for (const char *p = a == 0 ? class_attr : id_attr; p != NULL && *p != '\0'; )
      {
        gsize len = strcspn (p, " \t\n-_:");
        char word[24];
        guint classes;

        if (len < sizeof word)
          {
            for (gsize i = 0; i < len; i++)
              word[i] = ascii_lower (p[i]);
            word[len] = '\0';
            classes = word_class (word);
            if (classes & WORD_STRONG)
              strong = TRUE;
            else if (classes & WORD_WEAK)
              weak = TRUE;
            else if (classes & WORD_POSITIVE)
              positive = TRUE;
          }
        p += len;
        if (*p != '\0')
          p++;
      }

  return strong || (weak && !positive);
}

enum
{
  NODE_KNOWN     = 1 << 0,
  NODE_SKIPPED   = 1 << 1,
  NODE_BLOCK     = 1 << 2,
  NODE_PARAGRAPH = 1 << 3,
  NODE_UNLIKELY  = 1 << 4,
};

/* What an element is, worked out once: the walks below ask about every element many
 * times. The answers live in the node's _private field, which libxml2 leaves to
 * applications; every document is parsed afresh, so nothing else has written there. */
static guint
node_flags (xmlNode *node)
{
  guint flags;
  guint tag_class;

  if (node->type != XML_ELEMENT_NODE)
    return NODE_KNOWN;
  flags = GPOINTER_TO_UINT (node->_private);
  if (flags & NODE_KNOWN)
    return flags;

  flags = NODE_KNOWN;
  tag_class = word_class (node_name (node));
  if (compute_skipped_tag (node, tag_class))
    flags |= NODE_SKIPPED;
  if (tag_class & WORD_BLOCK_TAG)
    flags |= NODE_BLOCK;
  if (tag_class & WORD_PARAGRAPH_TAG)
    flags |= NODE_PARAGRAPH;
  if (compute_unlikely (node))
    flags |= NODE_UNLIKELY;
  node->_private = GUINT_TO_POINTER (flags);
  return flags;
}

static gboolean
is_skipped_tag (xmlNode *node)
{
  return (node_flags (node) & NODE_SKIPPED) != 0;
}

static gboolean
is_block (xmlNode *node)
{
  return (node_flags (node) & NODE_BLOCK) != 0;
}

static gboolean
is_paragraph_tag (xmlNode *node)
{
  return (node_flags (node) & NODE_PARAGRAPH) != 0;
}

static gboolean
is_unlikely (xmlNode *node)
{
  return (node_flags (node) & NODE_UNLIKELY) != 0;
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
          for (const char *p = content; *p; )
            {
              const char *next;

              /* Runs of visible ASCII are copied whole. */
              if ((guchar) *p < 0x80 && !is_ascii_space (*p))
                {
                  const char *start = p;

                  while ((guchar) *p < 0x80 && *p != '\0' && !is_ascii_space (*p))
                    p++;
                  string_append_fast (out, start, p - start);
                  if (in_link && link_chars != NULL)
                    *link_chars += p - start;
                  continue;
                }
              next = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
              if ((guchar) *p < 0x80 || is_space_at (p))
                {
                  if (out->len > 0 && out->str[out->len - 1] != ' ')
                    g_string_append_c (out, ' ');
                }
              else
                {
                  string_append_fast (out, p, next - p);
                  if (in_link && link_chars != NULL)
                    (*link_chars)++;
                }
              p = next;
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (is_skipped_tag (child))
            continue;
          if (str_equal (node_name (child), "br"))
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
              continue;
            }
          gather_text (child, out, link_chars,
                       in_link || str_equal (node_name (child), "a"));
        }
    }
}

/* Adds white space: one space once there is a character before it. */
static inline void
text_summary_add_space (TextSummary *sum)
{
  if (sum->chars > 0)
    sum->trail = TRUE;
  else
    sum->lead = TRUE;
}

static void
text_summary_add_text (TextSummary *sum,
                       const char  *content)
{
  for (const char *p = content; *p; )
    {
      gboolean space;

      if ((guchar) *p < 0x80 && !is_ascii_space (*p))
        {
          const char *start = p;

          while ((guchar) *p < 0x80 && *p != '\0' && !is_ascii_space (*p))
            {
              sum->commas += *p == ',';
              p++;
            }
          if (sum->chars > 0 && sum->trail)
            sum->inner++;
          sum->trail = FALSE;
          sum->chars += p - start;
          continue;
        }
      if ((guchar) *p < 0x80)
        {
          /* ASCII white space: the branch above took everything else. */
          text_summary_add_space (sum);
          p++;
          continue;
        }
      space = is_space_at (p);
      p = g_utf8_next_char (p);
      if (space)
        text_summary_add_space (sum);
      else
        {
          if (sum->chars > 0 && sum->trail)
            sum->inner++;
          sum->trail = FALSE;
          sum->chars++;
        }
    }
}

/* Appends what a child element adds, as gather_text() walks into it. */
static void
text_summary_add_element (TextSummary       *sum,
                          const TextSummary *child,
                          gboolean           is_link)
{
  if (child->chars == 0)
    {
      if (child->lead || child->trail)
        text_summary_add_space (sum);
      return;
    }
  if (sum->chars == 0 && child->lead)
    sum->lead = TRUE;
  if (sum->chars > 0 && (sum->trail || child->lead))
    sum->inner++;
  sum->chars += child->chars;
  sum->inner += child->inner;
  sum->trail = child->trail;
  sum->links += is_link ? child->chars : child->links;
  sum->commas += child->commas;
}

static const TextSummary *
element_text_summary (xmlNode *node)
{
  TextSummary *sum = &((RshElement *) node)->text;

  if (sum->known)
    return sum;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            text_summary_add_text (sum, (const char *) child->content);
        }
      else if (child->type == XML_ELEMENT_NODE && !is_skipped_tag (child))
        {
          if (str_equal (node_name (child), "br"))
            text_summary_add_space (sum);
          else
            text_summary_add_element (sum, element_text_summary (child),
                                      str_equal (node_name (child), "a"));
        }
    }
  sum->known = TRUE;
  return sum;
}

/* g_utf8_strlen() of what gather_text() would make of @node. */
static gsize
text_summary_length (const TextSummary *sum)
{
  return sum->chars + sum->inner + (sum->chars > 0 && sum->trail ? 1 : 0);
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
  g_clear_pointer (&md->time_modified, g_free);
  g_clear_pointer (&md->rel_authors, g_ptr_array_unref);
  g_clear_pointer (&md->byline_texts, g_ptr_array_unref);
  g_clear_pointer (&md->ld_scripts, g_ptr_array_unref);
  g_clear_pointer (&md->ld_headline, g_free);
  g_clear_pointer (&md->ld_publisher, g_free);
  g_clear_pointer (&md->ld_published, g_free);
  g_clear_pointer (&md->ld_modified, g_free);
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

      if (str_equal (name, "html") && md->html_lang == NULL)
        md->html_lang = node_attr (child, "lang");
      else if (str_equal (name, "title") && md->title == NULL)
        md->title = node_text (child);
      else if (str_equal (name, "h1") && md->h1 == NULL)
        md->h1 = node_text (child);
      else if (str_equal (name, "meta"))
        {
          const char *content = attr_peek (child, "content");
          static const char * const keys[] = { "property", "name", "itemprop", "http-equiv" };

          if (content == NULL)
            continue;
          for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
            meta_add (md, attr_peek (child, keys[i]), content);
        }
      else if (str_equal (name, "link"))
        {
          if (attr_has_word (child, "rel", "canonical") && md->canonical == NULL)
            md->canonical = node_attr (child, "href");
        }
      else if (str_equal (name, "time"))
        {
          const char *itemprop = attr_peek (child, "itemprop");

          if (md->time_published == NULL &&
              (attr_peek (child, "pubdate") != NULL ||
               g_strcmp0 (itemprop, "datePublished") == 0))
            md->time_published = node_attr (child, "datetime");
          else if (md->time_modified == NULL && g_strcmp0 (itemprop, "dateModified") == 0)
            md->time_modified = node_attr (child, "datetime");
        }
      else if (str_equal (name, "script"))
        {
          const char *type = attr_peek (child, "type");

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
      else if (str_equal (name, "style") || str_equal (name, "svg"))
        continue;

      if (!str_equal (name, "meta") && !str_equal (name, "head"))
        {
          const char *itemprop = attr_peek (child, "itemprop");

          if (attr_has_word (child, "rel", "author") ||
              (itemprop != NULL && str_equal (itemprop, "author")))
            {
              g_autofree char *text = node_text (child);

              if (text != NULL && *text)
                g_ptr_array_add (md->rel_authors, g_steal_pointer (&text));
              continue;
            }
          else
            {
              const char *cls = attr_peek (child, "class");

              if (cls != NULL && memmem_ci (cls, strlen (cls), "byline") != NULL)
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

      if (g_str_has_suffix (t, "Article") || str_equal (t, "BlogPosting") ||
          str_equal (t, "LiveBlogPosting") || str_equal (t, "Report"))
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
          const char *modified = json_string_member (object, "dateModified");
          const char *language = json_string_member (object, "inLanguage");
          JsonNode *publisher = json_object_get_member (object, "publisher");

          if (md->ld_headline == NULL && headline != NULL)
            md->ld_headline = collapse_space (headline);
          if (md->ld_published == NULL && published != NULL)
            md->ld_published = g_strdup (published);
          if (md->ld_modified == NULL && modified != NULL)
            md->ld_modified = g_strdup (modified);
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

/* Whether @script may hold an object json_type_is_article() accepts: its type is
 * spelled in the text, or hidden behind a \u escape. Breadcrumbs, site search boxes and
 * organisation cards need no parse. */
static gboolean
may_hold_article (const char *script)
{
  return strstr (script, "Article") != NULL || strstr (script, "BlogPosting") != NULL ||
         strstr (script, "Report") != NULL || strstr (script, "\\u") != NULL;
}

/* Reads the JSON-LD scripts for the field named @key, unless they have been read. The
 * extraction asks only when the meta tags lack a field, and the scripts are parsed only
 * if one of them spells @key (or hides it behind a \u escape): a script that does not
 * cannot set it, and parsing is a good part of a page's time. */
static void
parse_json_ld (Metadata   *md,
               const char *key)
{
  gboolean wanted = FALSE;

  if (md->ld_parsed)
    return;
  for (guint i = 0; i < md->ld_scripts->len && !wanted; i++)
    {
      const char *script = g_ptr_array_index (md->ld_scripts, i);

      wanted = may_hold_article (script) &&
               (strstr (script, key) != NULL || strstr (script, "\\u") != NULL);
    }
  if (!wanted)
    return;

  md->ld_parsed = TRUE;
  for (guint i = 0; i < md->ld_scripts->len; i++)
    {
      g_autoptr(JsonParser) parser = NULL;
      const char *script = g_ptr_array_index (md->ld_scripts, i);

      if (!may_hold_article (script))
        continue;
      parser = json_parser_new ();

      /* Broken JSON-LD is common and simply ignored. */
      if (json_parser_load_from_data (parser, script, -1, NULL))
        json_visit (json_parser_get_root (parser), md, 0);
    }
}

/* @md, its JSON-LD read for the field named @key. */
static Metadata *
with_json_ld (Metadata   *md,
              const char *key)
{
  parse_json_ld (md, key);
  return md;
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
      if (str_equal (lower, "staff"))
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

/* Splits @text at every one of @separators (a %NULL-terminated list). */
static GStrv
split_at_any (const char         *text,
              const char * const *separators)
{
  g_autoptr(GString) buf = g_string_new (text);

  for (guint i = 0; separators[i] != NULL; i++)
    g_string_replace (buf, separators[i], "\n", 0);
  return g_strsplit (buf->str, "\n", -1);
}

/* Splits "By Jane Roe and John Doe | 3 min read" into plausible names, appending new ones. */
static void
add_authors_from (const char *text,
                  GPtrArray  *authors)
{
  static const char * const author_separators[] = {
    " and ", " & ", " | ", "•", "·", ";", ",", NULL
  };
  g_autofree char *collapsed = collapse_space (text);
  g_auto(GStrv) parts = NULL;

  if (collapsed == NULL)
    return;

  parts = split_at_any (collapsed, author_separators);

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

/* "Headline | Site" or "Site - Headline" where the headline is known: the site. */
static char *
title_site_part (const char *title,
                 const char *headline)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » " };
  gsize title_len = strlen (title);
  gsize head_len = strlen (headline);

  if (head_len >= title_len)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep = strlen (separators[i]);
      g_autofree char *site = NULL;

      if (title_len <= head_len + sep)
        continue;
      if (strncmp (title, headline, head_len) == 0 &&
          strncmp (title + head_len, separators[i], sep) == 0)
        site = g_strstrip (g_strdup (title + head_len + sep));
      else if (strcmp (title + title_len - head_len, headline) == 0 &&
               strncmp (title + title_len - head_len - sep, separators[i], sep) == 0)
        site = g_strstrip (g_strndup (title, title_len - head_len - sep));
      if (site != NULL && *site != '\0' && g_utf8_strlen (site, -1) <= 40 &&
          strstr (site, separators[i]) == NULL)
        return g_steal_pointer (&site);
    }
  return NULL;
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
      if (str_equal (name, "article") || str_equal (name, "main"))
        *slot = 10;
      else if (str_equal (name, "div") || str_equal (name, "section"))
        *slot = 5;
      else if (str_equal (name, "td") || str_equal (name, "blockquote"))
        *slot = 3;
      else if (str_equal (name, "ul") || str_equal (name, "ol") ||
               str_equal (name, "form") || str_equal (name, "li"))
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
score_counts (Scoring *sc,
              xmlNode *container,
              gsize    chars,
              gsize    commas,
              gsize    link_chars)
{
  xmlNode *ancestor = container;
  double worth;

  if (chars < MIN_SCORED_CHARS)
    return;

  worth = 1.0 + MIN (chars / 100.0, 3.0) + commas;
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
score_text (Scoring    *sc,
            xmlNode    *container,
            const char *text,
            gsize       link_chars)
{
  gsize commas = 0;

  for (const char *p = text; *p; p++)
    commas += *p == ',';
  score_counts (sc, container, utf8_length (text), commas, link_chars);
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

      if (str_equal (name, "br") ||
          (!is_block (child) && !has_block_descendant (child)))
        {
          if (str_equal (name, "br"))
            {
              g_autofree char *text = collapse_space (run->str);

              score_text (sc, node, text, run_links);
              g_string_truncate (run, 0);
              run_links = 0;
            }
          else
            {
              gsize links = 0;

              gather_text (child, run, &links, str_equal (name, "a"));
              run_links += links;
              g_string_append_c (run, ' ');
            }
          continue;
        }

      if (str_equal (name, "p") || str_equal (name, "pre") ||
          (str_equal (name, "div") && !has_block_child (child)))
        {
          const TextSummary *sum = element_text_summary (child);

          score_counts (sc, node, text_summary_length (sum), sum->commas, sum->links);
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
  const TextSummary *sum = element_text_summary (node);
  gsize chars = text_summary_length (sum);

  return chars > 0 ? (double) sum->links / (double) chars : 0.0;
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
      if (str_equal (node_name (child), "p"))
        {
          const TextSummary *sum = element_text_summary (child);
          gsize chars = text_summary_length (sum);

          if (chars > sum->links)
            total += chars - sum->links;
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
      if (tag != NULL && str_equal (node_name (child), tag))
        {
          g_ptr_array_add (out, child);
          continue;   /* not nested ones */
        }
      if (itemprop != NULL)
        {
          const char *value = attr_peek (child, "itemprop");

          if (value != NULL && str_equal (value, itemprop))
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
  chars = utf8_length (text);
  if (chars > 0 && (double) link_chars / (double) chars > MAX_LINK_DENSITY)
    return;
  if (is_crumb_collapsed (text))
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
  if (str_equal (name, "h1"))
    {
      flush_pending (em);
      return;
    }

  if (str_equal (name, "br"))
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
      gather_text (node, buf, &link_chars, str_equal (name, "a"));
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

    gather_text (node, buf, &link_chars, str_equal (name, "a"));
    if (str_equal (name, "a"))
      link_chars = utf8_length (buf->str);
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

/* Whether two elements are built alike: same tag, same class list. */
static gboolean
same_shape (xmlNode *a,
            xmlNode *b)
{
  g_autofree char *class_a = NULL;
  g_autofree char *class_b = NULL;

  if (a->type != XML_ELEMENT_NODE || b->type != XML_ELEMENT_NODE ||
      !str_equal (node_name (a), node_name (b)))
    return FALSE;
  class_a = node_attr (a, "class");
  class_b = node_attr (b, "class");
  return class_a != NULL && g_strcmp0 (class_a, class_b) == 0;
}

/* Long stories are often cut into sections of one kind with pull quotes, pictures or
 * ads between them. When an ancestor of the best container has siblings built alike that
 * also hold prose, they continue the story: @chosen becomes them and the ancestor's part,
 * in document order. */
static void
add_continuations (xmlNode   *top,
                   GPtrArray *chosen,
                   gboolean   class_filter)
{
  xmlNode *ancestor = top->parent;

  for (guint level = 0; level < 5 && ancestor != NULL && ancestor->parent != NULL &&
                        ancestor->type == XML_ELEMENT_NODE; level++, ancestor = ancestor->parent)
    {
      g_autoptr(GPtrArray) merged = g_ptr_array_new ();
      gboolean found = FALSE;
      const char *name = node_name (ancestor);

      if (str_equal (name, "body") || str_equal (name, "html"))
        return;
      /* Teasers in a list are built alike too, but each holds a line or two. */
      if (prose_chars (ancestor, class_filter) < MIN_ARTICLE_CHARS)
        continue;
      for (xmlNode *sib = ancestor->parent->children; sib != NULL; sib = sib->next)
        {
          if (sib == ancestor)
            {
              for (guint i = 0; i < chosen->len; i++)
                g_ptr_array_add (merged, g_ptr_array_index (chosen, i));
            }
          else if (same_shape (sib, ancestor) && !is_excluded (sib, class_filter) &&
                   prose_chars (sib, class_filter) >= MIN_ARTICLE_CHARS &&
                   link_density (sib) < 0.25)
            {
              g_ptr_array_add (merged, sib);
              found = TRUE;
            }
        }
      if (found)
        {
          g_ptr_array_set_size (chosen, 0);
          for (guint i = 0; i < merged->len; i++)
            g_ptr_array_add (chosen, g_ptr_array_index (merged, i));
          return;
        }
    }
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
              else if (str_equal (node_name (sib), "p"))
                {
                  g_autofree char *text = node_text (sib);
                  glong chars = utf8_length (text);
                  double ld = link_density (sib);

                  if ((chars > 80 && ld < 0.25) ||
                      (chars > 0 && ld == 0 && g_str_has_suffix (text, ".")))
                    g_ptr_array_add (chosen, sib);
                }
            }
          add_continuations (top, chosen, class_filter);
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

/* Words a date line is made of, besides numbers ("Published 4:00 am CST, Wednesday"). */
static const char * const date_words[] = {
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
  "november", "dec", "december", "mon", "monday", "tue", "tuesday", "wed", "wednesday",
  "thu", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "a",
  "p", "m", "published", "updated", "posted", "last", "modified", "on", "at", "date",
  "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
  "cest", "ist", "st", "nd", "rd", "th", "of", "hours", "hour", "minutes", "ago",
};

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gboolean alnum = char_is_alnum (p);

      if (alnum && !in_word)
        n++;
      in_word = alnum;
    }
  return n;
}

/* "Updated 3:27 am PST, Wednesday, November 20, 2019", "18 Nov 2019, 19:09". */
static gboolean
is_date_line (const char *text)
{
  static const char delimiters[] = " ,.:/-|•·()[]";
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0;
  guint datey = 0;
  gboolean digit = FALSE;

  /* A date line has at most 14 words. Lowering the case leaves ASCII as it is but for
   * the letters, so the stretches between ASCII delimiters that hold an ASCII byte other
   * than a delimiter each give a word at least, whatever happens to the rest: a paragraph
   * is refused before it is lowered and split. */
  {
    gboolean has_word_byte = FALSE;

    for (const char *p = text; ; p++)
      {
        if (*p == '\0' || ((guchar) *p < 0x80 && strchr (delimiters, *p) != NULL))
          {
            n += has_word_byte;
            has_word_byte = FALSE;
            if (*p == '\0')
              break;
          }
        else if ((guchar) *p < 0x80)
          has_word_byte = TRUE;
      }
    if (n > 14)
      return FALSE;
    n = 0;
  }

  lower = g_utf8_strdown (text, -1);
  words = g_strsplit_set (lower, delimiters, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gboolean number = *w != '\0';

      if (*w == '\0')
        continue;
      n++;
      for (const char *c = w; *c; c++)
        if (!g_ascii_isdigit (*c))
          number = FALSE;
      /* "20th", "1st" */
      if (!number && g_ascii_isdigit (*w))
        {
          const char *c = w;

          while (g_ascii_isdigit (*c))
            c++;
          number = str_in_table (c, date_words, G_N_ELEMENTS (date_words));
        }
      digit = digit || number;
      if (number || str_in_table (w, date_words, G_N_ELEMENTS (date_words)))
        datey++;
    }
  return digit && n > 0 && n <= 14 && datey * 5 >= n * 4;
}

/* "Photo: Jane Roe, AP", "Image credit: …": a picture's credit line. */
static gboolean
is_credit_line (const char *text)
{
  static const char * const prefixes[] = {
    "photo:", "photos:", "photograph:", "image:", "images:", "picture:", "credit:",
    "photo credit", "image credit", "photo by ", "photograph by ", "(photo",
  };

  if (count_words (text) > 15)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (has_prefix_ci (text, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* A paragraph made of nothing but a number: gallery pagination, a counter. */
static gboolean
is_bare_number (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '/')
      return FALSE;
  return TRUE;
}

/* A short line that does not end a sentence: a label, a button, a section title
 * ("Comments", "You may also like", "Loading content ..."). */
static gboolean
is_label_line (const char *text,
               guint       max_words)
{
  gsize len = strlen (text);
  const char *last = g_utf8_find_prev_char (text, text + len);
  gunichar c = last ? g_utf8_get_char (last) : 0;

  /* Scripts without spaces count as one "word" per phrase: long is prose. */
  if (count_words (text) > max_words || utf8_length (text) > 12 * max_words)
    return FALSE;
  if (g_str_has_suffix (text, "...") || g_str_has_suffix (text, "…"))
    return TRUE;
  if (c == 0 || c == 0x201D || c == 0x2019 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
      c == 0x300D || c == 0x300F || c == 0xFF09)
    return FALSE;
  return c >= 0x80 || strchr (".!?\"')", (int) c) == NULL;
}

static gboolean
is_byline_line (const char *text)
{
  return (has_prefix_ci (text, "by ") || has_prefix_ci (text, "von ") ||
          has_prefix_ci (text, "par ")) && count_words (text) <= 10;
}

/* Drops what pages put around a story inside its own container: the date line, the
 * byline and the headline again above it; labels, share prompts and "more stories"
 * headings below it; picture credits and pagination numbers anywhere. */
static char *
trim_paragraphs (char       *text,
                 const char *title)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *out;
  guint first = 0;
  guint end;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *para = paragraphs[i];

      if (is_credit_line (para) || (title != NULL && utf8_equal_ci (para, title)))
        continue;
      g_ptr_array_add (kept, paragraphs[i]);
    }

  /* Page numbers of a gallery or a comment list ("1", "2", … "15") close the text. A
   * table's numbers sit between its other cells. */
  end = kept->len;
  {
    guint run = 0;

    while (run < end && is_bare_number (g_ptr_array_index (kept, end - run - 1)))
      run++;
    if (run >= 2 && atoi (g_ptr_array_index (kept, end - run)) == 1 &&
        atoi (g_ptr_array_index (kept, end - 1)) == (int) run)
      end -= run;
  }

  /* A long run of short lines at either end is a list or a table of the story. */
  while (first < end && first <= 3)
    {
      const char *para = g_ptr_array_index (kept, first);

      if (!is_date_line (para) && !is_byline_line (para) && !is_label_line (para, 3))
        break;
      first++;
    }
  if (first > 3)
    first = 0;
  {
    guint run = 0;

    while (end - run > first && run <= 3)
      {
        const char *para = g_ptr_array_index (kept, end - run - 1);

        if (!is_date_line (para) && !is_label_line (para, 6))
          break;
        run++;
      }
    if (run <= 3)
      end -= run;
  }

  /* Trimming must never take the whole story. */
  if (first >= end)
    {
      first = 0;
      end = kept->len;
    }

  out = g_string_sized_new (strlen (text));
  for (guint i = first; i < end; i++)
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (kept, i));
    }
  g_free (text);
  return g_string_free (out, FALSE);
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
  g_free (extracted->modified);
  g_free (extracted->language);
  g_free (extracted->url);
  g_free (extracted->text);
  g_free (extracted);
}

/* Whether @p starts the tag @name (case-insensitively), followed by a delimiter. */
static gboolean
starts_tag (const char *p,
            const char *end,
            const char *name)
{
  gsize n = strlen (name);

  if ((gsize) (end - p) <= n || ascii_lower (*p) != name[0] ||
      g_ascii_strncasecmp (p, name, n) != 0)
    return FALSE;
  return g_ascii_isspace (p[n]) || p[n] == '>' || p[n] == '/';
}

/* Finds "</name" from @p on, case-insensitively; returns the end of @text if absent. */
static const char *
find_close_tag (const char *p,
                const char *end,
                const char *name)
{
  gsize n = strlen (name);

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      if ((gsize) (end - p) > n + 1 && p[1] == '/' &&
          g_ascii_strncasecmp (p + 2, name, n) == 0)
        return p;
      p++;
    }
  return end;
}

/* Drops comments and the contents of <script>, <style> and <svg> before parsing: they
 * are most of a modern page's bytes, never prose, and libxml2 reads them one character
 * at a time. JSON-LD scripts stay, since the metadata reads them. */
static const char *
strip_inert (const char *text,
             gsize       len,
             gsize      *out_len)
{
  static const char * const inert[] = { "script", "style", "svg" };
  /* The result is never longer than @text; the thread keeps the buffer for the next
   * page. */
  char *out = scratch_reserve (&stripped_scratch, len + 1);
  gsize written = 0;
  const char *end = text + len;
  const char *copied = text;
  const char *p = text;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *skip_to = NULL;

      /* "<!-->" and "<!--->" are empty comments to a browser. */
      if (end - p >= 5 && memcmp (p, "<!-->", 5) == 0)
        skip_to = p + 5;
      else if (end - p >= 6 && memcmp (p, "<!--->", 6) == 0)
        skip_to = p + 6;
      else if (end - p > 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = p + 4;

          while ((close = memchr (close, '-', end - close)) != NULL &&
                 !(end - close >= 3 && memcmp (close, "-->", 3) == 0))
            close++;
          skip_to = close != NULL ? close + 3 : end;
        }
      else
        for (gsize i = 0; i < G_N_ELEMENTS (inert) && skip_to == NULL; i++)
          {
            const char *tag_end;
            const char *close;

            if (!starts_tag (p + 1, end, inert[i]))
              continue;
            tag_end = memchr (p, '>', end - p);
            if (tag_end == NULL)
              break;
            if (i == 0 && memmem_ci (p, tag_end - p, "ld+json") != NULL)
              break;
            close = find_close_tag (tag_end, end, inert[i]);
            if (close == end)
              skip_to = end;
            else
              {
                const char *gt = memchr (close, '>', end - close);

                skip_to = gt != NULL ? gt + 1 : end;
              }
          }

      if (skip_to == NULL)
        {
          p++;
          continue;
        }
      /* Nothing replaces it: a browser joins the text on either side too. */
      memcpy (out + written, copied, p - copied);
      written += p - copied;
      copied = p = skip_to;
      if (p >= end)
        break;
    }
  if (copied < end)
    {
      memcpy (out + written, copied, end - copied);
      written += end - copied;
    }
  out[written] = '\0';

  *out_len = written;
  return out;
}

/* HTML: tree building ------------------------------------------------------------------ */

/* libxml2's HTML parser reads a page one character at a time through several layers of
 * calls, and that was most of the extraction's time. This builds the same tree in one pass
 * over the bytes: the same rules for implied <html>/<head>/<body>/<p>, for start tags that
 * close open elements (asked of libxml2's own table through htmlAutoCloseTag()), for end
 * tags that close what they may (the same priorities), for misplaced <html>, <head> and
 * <body>, void elements (htmlTagLookup()), white space, entities
 * (htmlEntityLookup()) and raw <script>/<style> text. The nodes are plain libxml2 nodes
 * with names from the document's dictionary, so the walks see no difference; they live in
 * a few big blocks that free_html_tree() releases at once. */

#define TREE_BLOCK_SIZE (64 * 1024)

/* Freed trees hand their blocks on to the next tree, at most this many (4 MB): a fresh
 * block's pages fault in one by one, and the next page needs as many blocks again. */
#define TREE_SPARE_BLOCKS 64

typedef struct
{
  GSList *blocks;      /* of TREE_BLOCK_SIZE */
  GSList *big_blocks;  /* for single allocations larger than that */
  char   *next;
  gsize   left;
} TreeArena;

G_LOCK_DEFINE_STATIC (spare_blocks);
static gpointer spare_blocks[TREE_SPARE_BLOCKS];
static guint n_spare_blocks;

static gpointer
take_tree_block (void)
{
  gpointer block = NULL;

  G_LOCK (spare_blocks);
  if (n_spare_blocks > 0)
    block = spare_blocks[--n_spare_blocks];
  G_UNLOCK (spare_blocks);
  return block != NULL ? block : g_malloc (TREE_BLOCK_SIZE);
}

static void
give_tree_block (gpointer block)
{
  G_LOCK (spare_blocks);
  if (n_spare_blocks < TREE_SPARE_BLOCKS)
    {
      spare_blocks[n_spare_blocks++] = block;
      block = NULL;
    }
  G_UNLOCK (spare_blocks);
  g_free (block);
}

#define MAX_HTML_NAME 100

typedef struct
{
  xmlDoc        *doc;
  TreeArena     *arena;
  GPtrArray     *stack;     /* open elements, innermost last */
  GString       *pending;   /* text for the innermost element, not yet a node */
  GString       *scratch;   /* an attribute value being decoded */
  GHashTable    *void_tags; /* interned name → 1 + whether it is void */
  struct
  {
    const xmlChar *new_tag;
    const xmlChar *old_tag;
    gboolean       closes;
  } close_cache[256];       /* recent answers of tree_closes(), by interned names */
  struct
  {
    const xmlChar *name;
    gsize          len;
  } name_cache[256];        /* recently interned tag and attribute names, by a hash */
  struct
  {
    const xmlChar *name;
    gboolean       is_void;
  } void_cache[64];         /* recent answers of tree_is_void(), by interned name */
  guint          discarded; /* misplaced html/head/body start tags whose end tags to ignore */
  guint          seen_head : 1;
  guint          seen_body : 1;
  guint          doctype_first : 1; /* a DOCTYPE came before any element */
  const xmlChar *n_html;
  const xmlChar *n_head;
  const xmlChar *n_body;
  const xmlChar *n_p;
  const xmlChar *n_script;
  const xmlChar *n_style;
} TreeBuilder;

typedef struct
{
  const xmlChar *name;
  char          *value;     /* in the arena, or NULL for a bare attribute */
} TreeAttr;

/* The attributes the extraction reads (node_attr(), attr_peek() and the metadata keys);
 * the tree keeps no others, which spares a third of its allocations. None of them is one
 * of HTML 4's boolean attributes, to which libxml2 gives their own name as value. */
static const char * const kept_attrs[] = {
  "aria-hidden", "class", "content", "datetime", "hidden", "href", "http-equiv", "id",
  "itemprop", "lang", "name", "property", "pubdate", "rel", "role", "style", "type",
};

static inline gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_char_byte (char c)
{
  return (guchar) c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_name_byte (char c)
{
  return g_ascii_isalnum (c) || c == ':' || c == '-' || c == '_' || c == '.';
}

static inline xmlNode *
tree_top (TreeBuilder *tb)
{
  return tb->stack->len > 0 ? g_ptr_array_index (tb->stack, tb->stack->len - 1) : NULL;
}

static inline const xmlChar *
tree_top_name (TreeBuilder *tb)
{
  xmlNode *top = tree_top (tb);

  return top != NULL ? top->name : NULL;
}

static gpointer
tree_alloc (TreeBuilder *tb,
            gsize        size)
{
  TreeArena *arena = tb->arena;
  char *mem;

  size = (size + 15) & ~(gsize) 15;
  if (size > TREE_BLOCK_SIZE)
    {
      mem = g_malloc (size);
      arena->big_blocks = g_slist_prepend (arena->big_blocks, mem);
      return mem;
    }
  if (size > arena->left)
    {
      arena->next = take_tree_block ();
      arena->left = TREE_BLOCK_SIZE;
      arena->blocks = g_slist_prepend (arena->blocks, arena->next);
    }
  mem = arena->next;
  arena->next += size;
  arena->left -= size;
  return mem;
}

static char *
tree_strndup (TreeBuilder *tb,
              const char  *text,
              gsize        len)
{
  char *copy = tree_alloc (tb, len + 1);

  memcpy (copy, text, len);
  copy[len] = '\0';
  return copy;
}

static xmlNode *
tree_new_node (TreeBuilder    *tb,
               xmlElementType  type)
{
  gsize size = type == XML_ELEMENT_NODE ? sizeof (RshElement) : sizeof (xmlNode);
  xmlNode *node = tree_alloc (tb, size);

  memset (node, 0, size);
  node->type = type;
  node->doc = tb->doc;
  return node;
}

/* Appends @child to @parent, or to the document when @parent is %NULL. */
static void
tree_append (TreeBuilder *tb,
             xmlNode     *parent,
             xmlNode     *child)
{
  xmlNode *holder = parent != NULL ? parent : (xmlNode *) tb->doc;

  child->parent = holder;
  if (holder->last != NULL)
    {
      holder->last->next = child;
      child->prev = holder->last;
    }
  else
    holder->children = child;
  holder->last = child;
}

/* Adds text to @parent, joining it to a text node already there. */
static void
tree_add_text (TreeBuilder    *tb,
               xmlNode        *parent,
               xmlElementType  type,
               const char     *text,
               gsize           len)
{
  xmlNode *last = parent->last;

  if (last != NULL && last->type == type && last->content != NULL)
    {
      gsize old = strlen ((const char *) last->content);
      char *joined = tree_alloc (tb, old + len + 1);

      memcpy (joined, last->content, old);
      memcpy (joined + old, text, len);
      joined[old + len] = '\0';
      last->content = (xmlChar *) joined;
      return;
    }

  last = tree_new_node (tb, type);
  if (type == XML_TEXT_NODE)
    last->name = xmlStringText;
  last->content = (xmlChar *) tree_strndup (tb, text, len);
  tree_append (tb, parent, last);
}

/* Text outside every element is dropped, as libxml2 does. */
static void
tree_flush (TreeBuilder *tb)
{
  xmlNode *top;

  if (tb->pending->len == 0)
    return;
  top = tree_top (tb);
  if (top != NULL)
    tree_add_text (tb, top, XML_TEXT_NODE, tb->pending->str, tb->pending->len);
  g_string_truncate (tb->pending, 0);
}

static xmlNode *
tree_push (TreeBuilder   *tb,
           const xmlChar *name,
           TreeAttr      *attrs,
           guint          n_attrs)
{
  xmlNode *node;
  xmlNode *parent;
  xmlAttr *last_attr = NULL;

  tree_flush (tb);
  node = tree_new_node (tb, XML_ELEMENT_NODE);
  node->name = name;
  for (guint i = 0; i < n_attrs; i++)
    {
      xmlAttr *attr = tree_alloc (tb, sizeof (xmlAttr));

      memset (attr, 0, sizeof (xmlAttr));
      attr->type = XML_ATTRIBUTE_NODE;
      attr->name = attrs[i].name;
      attr->parent = node;
      attr->doc = tb->doc;
      if (attrs[i].value != NULL)
        {
          xmlNode *text = tree_new_node (tb, XML_TEXT_NODE);

          text->name = xmlStringText;
          text->content = (xmlChar *) g_steal_pointer (&attrs[i].value);
          text->parent = (xmlNode *) attr;
          attr->children = attr->last = text;
        }
      if (last_attr != NULL)
        {
          last_attr->next = attr;
          attr->prev = last_attr;
        }
      else
        node->properties = attr;
      last_attr = attr;
    }
  /* With everything closed, libxml2 puts a new element inside the first one, unless a
   * DOCTYPE node comes first: then beside it. */
  parent = tree_top (tb);
  if (parent == NULL && tb->doc->children != NULL && !tb->doctype_first)
    parent = tb->doc->children;
  tree_append (tb, parent, node);
  g_ptr_array_add (tb->stack, node);
  if (name == tb->n_head)
    tb->seen_head = TRUE;
  else if (name == tb->n_body)
    tb->seen_body = TRUE;
  return node;
}

static void
tree_pop (TreeBuilder *tb)
{
  tree_flush (tb);
  if (tb->stack->len > 0)
    g_ptr_array_steal_index_fast (tb->stack, tb->stack->len - 1);
}

/* Whether a start tag @new_tag closes an open @old_tag. libxml2 answers for two different
 * names; an element closes one of its own kind only for these. */
static gboolean
tree_closes (const xmlChar *new_tag,
             const xmlChar *old_tag)
{
  static const char * const self_closing[] = {
    "a", "col", "colgroup", "form", "li", "option", "p", "tbody", "td", "th", "tr",
  };
  xmlNode probe = { 0, };

  if (new_tag == old_tag)
    return str_in_table ((const char *) new_tag, self_closing, G_N_ELEMENTS (self_closing));
  probe.type = XML_ELEMENT_NODE;
  probe.name = new_tag;
  return htmlAutoCloseTag (NULL, old_tag, &probe) == 1;
}

static gboolean
tree_closes_cached (TreeBuilder   *tb,
                    const xmlChar *new_tag,
                    const xmlChar *old_tag)
{
  guint slot = ((GPOINTER_TO_UINT (new_tag) * 31u + GPOINTER_TO_UINT (old_tag)) >> 4) & 255u;

  if (tb->close_cache[slot].new_tag != new_tag || tb->close_cache[slot].old_tag != old_tag)
    {
      tb->close_cache[slot].new_tag = new_tag;
      tb->close_cache[slot].old_tag = old_tag;
      tb->close_cache[slot].closes = tree_closes (new_tag, old_tag);
    }
  return tb->close_cache[slot].closes;
}

static void
tree_auto_close (TreeBuilder   *tb,
                 const xmlChar *new_tag)
{
  const xmlChar *top;

  while ((top = tree_top_name (tb)) != NULL && tree_closes_cached (tb, new_tag, top))
    tree_pop (tb);
}

static gboolean
is_head_tag (const char *name)
{
  static const char * const head_tags[] = { "script", "style", "meta", "link", "title", "base" };

  return str_in_table (name, head_tags, G_N_ELEMENTS (head_tags));
}

/* Opens the <html>, <head> or <body> that @new_tag implies. */
static void
tree_imply (TreeBuilder   *tb,
            const xmlChar *new_tag)
{
  if (new_tag == tb->n_html)
    return;
  if (tb->stack->len == 0)
    tree_push (tb, tb->n_html, NULL, 0);
  if (new_tag == tb->n_body || new_tag == tb->n_head)
    return;
  if (tb->stack->len <= 1 && is_head_tag ((const char *) new_tag))
    {
      if (!tb->seen_head)
        tree_push (tb, tb->n_head, NULL, 0);
    }
  else if (!str_equal ((const char *) new_tag, "noframes") &&
           !str_equal ((const char *) new_tag, "frame") &&
           !str_equal ((const char *) new_tag, "frameset"))
    {
      if (tb->seen_body)
        return;
      for (guint i = 0; i < tb->stack->len; i++)
        {
          const xmlChar *name = ((xmlNode *) g_ptr_array_index (tb->stack, i))->name;

          if (name == tb->n_body || name == tb->n_head)
            return;
        }
      tree_push (tb, tb->n_body, NULL, 0);
    }
}

/* Text directly in <html> or <head>, or outside everything, goes into an implied <p>. */
static void
tree_check_paragraph (TreeBuilder *tb)
{
  const xmlChar *top = tree_top_name (tb);

  if (top != NULL && top != tb->n_html && top != tb->n_head)
    return;
  tree_auto_close (tb, tb->n_p);
  tree_imply (tb, tb->n_p);
  tree_push (tb, tb->n_p, NULL, 0);
}

static void
tree_add_chars (TreeBuilder *tb,
                const char  *text,
                gsize        len,
                char         next)
{
  gboolean blank;
  gboolean control = FALSE;
  gsize i = 0;

  while (i < len && is_blank_byte (text[i]))
    i++;
  blank = i == len;
  /* Control bytes are rare: eight bytes at a time, looking closer only at a word with a
   * byte below 0x20 (bytes from 0x80 up are not). */
  for (i = 0; i + 8 <= len && !control; i += 8)
    {
      guint64 v;

      memcpy (&v, text + i, sizeof v);
      if ((~((v & ~WORD_HIGH_BITS) + 0x60 * WORD_LOW_BITS) & ~v & WORD_HIGH_BITS) == 0)
        continue;
      for (guint k = 0; k < 8; k++)
        if (!is_char_byte (text[i + k]))
          control = TRUE;
    }
  for (; i < len && !control; i++)
    if (!is_char_byte (text[i]))
      control = TRUE;
  /* White space stays where it is (libxml2 keeps even what it calls ignorable); only
   * text, or white space running into a character reference, implies a paragraph. */
  if (!blank || (next != '<' && next != '\0'))
    tree_check_paragraph (tb);
  else if (tree_top (tb) == NULL)
    return;
  if (!control)
    {
      string_append_fast (tb->pending, text, len);
      return;
    }
  /* Control characters are not characters to libxml2: they go. */
  for (i = 0; i < len; i++)
    if (is_char_byte (text[i]))
      g_string_append_c (tb->pending, text[i]);
}

static gboolean
tree_is_void_uncached (TreeBuilder   *tb,
                       const xmlChar *name)
{
  gpointer cached = g_hash_table_lookup (tb->void_tags, name);
  const htmlElemDesc *desc;

  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) == 2;
  desc = htmlTagLookup (name);
  g_hash_table_insert (tb->void_tags, (gpointer) name,
                       GUINT_TO_POINTER (desc != NULL && desc->empty ? 2 : 1));
  return desc != NULL && desc->empty;
}

/* Whether elements called @name (interned) are void, asked once per start tag: a table
 * indexed by the name's address answers before the hash table does. */
static gboolean
tree_is_void (TreeBuilder   *tb,
              const xmlChar *name)
{
  guint slot = (GPOINTER_TO_UINT (name) >> 4) % G_N_ELEMENTS (tb->void_cache);

  if (tb->void_cache[slot].name != name)
    {
      tb->void_cache[slot].name = name;
      tb->void_cache[slot].is_void = tree_is_void_uncached (tb, name);
    }
  return tb->void_cache[slot].is_void;
}

static int
end_priority (const xmlChar *name)
{
  static const struct { const char *name; int priority; } priorities[] = {
    { "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 }, { "thead", 180 },
    { "tbody", 180 }, { "tfoot", 180 }, { "table", 190 }, { "head", 200 }, { "body", 200 },
    { "html", 220 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (priorities); i++)
    if (str_equal ((const char *) name, priorities[i].name))
      return priorities[i].priority;
  return 100;
}

/* xmlDictLookup() for the few names a page uses over and over: a table indexed by a hash
 * of the bytes answers most lookups without the dictionary's own hashing. */
static const xmlChar *
tree_intern (TreeBuilder *tb,
             const char  *name,
             gsize        len)
{
  guint slot;
  const xmlChar *cached;
  gsize i = 0;

  g_assert (len > 0);
  /* Length, first, middle and last byte tell common names apart well enough. */
  slot = (len * 67u + (guchar) name[0] * 31u + (guchar) name[len / 2] * 7u +
          (guchar) name[len - 1]) % G_N_ELEMENTS (tb->name_cache);
  cached = tb->name_cache[slot].name;
  if (cached != NULL && tb->name_cache[slot].len == len)
    while (i < len && cached[i] == (guchar) name[i])
      i++;
  if (cached == NULL || tb->name_cache[slot].len != len || i < len)
    {
      tb->name_cache[slot].name = xmlDictLookup (tb->doc->dict, (const xmlChar *) name,
                                                 (int) len);
      tb->name_cache[slot].len = len;
    }
  return tb->name_cache[slot].name;
}

/* Each byte of a tag or attribute name lowercased, and 0 for bytes that end a name. */
static guint8 html_name_bytes[256];

static gpointer
init_html_name_bytes (gpointer data)
{
  for (guint c = 1; c < G_N_ELEMENTS (html_name_bytes); c++)
    if (is_name_byte ((char) c))
      html_name_bytes[c] = (guint8) ascii_lower ((char) c);
  return NULL;
}

/* Reads a tag or attribute name at @p into @buf, lowercased; 0 if none starts there. */
static gsize
read_html_name_into (const char **p,
                     char         buf[MAX_HTML_NAME + 1])
{
  gsize n = 0;
  const char *s = *p;

  if (!g_ascii_isalpha (*s) && *s != '_' && *s != ':' && *s != '.')
    return 0;
  while (n < MAX_HTML_NAME && html_name_bytes[(guchar) *s] != 0)
    buf[n++] = (char) html_name_bytes[(guchar) *s++];
  buf[n] = '\0';
  *p = s;
  return n;
}

/* The same, interned; %NULL if no name starts there. */
static const xmlChar *
read_html_name (TreeBuilder  *tb,
                const char  **p)
{
  char buf[MAX_HTML_NAME + 1];
  gsize n = read_html_name_into (p, buf);

  if (n == 0)
    return NULL;
  return tree_intern (tb, buf, n);
}

static void
append_code_point (GString  *out,
                   gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (out, (char) c);
  else
    g_string_append_unichar (out, c);
}

/* Reads "&#NNN;" or "&#xHHH;" at @p; 0 when it names no character. */
static gunichar
read_char_ref (const char **p)
{
  const char *s = *p + 2;
  guint32 value = 0;
  gboolean hex = *s == 'x' || *s == 'X';

  if (hex)
    s++;
  for (; *s != ';'; s++)
    {
      int digit = hex ? g_ascii_xdigit_value (*s) : g_ascii_digit_value (*s);

      if (digit < 0)
        break;
      value = MIN (value * (hex ? 16 : 10) + digit, 0x110000);
    }
  if (*s == ';')
    s++;
  *p = s;
  if (value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
      (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF))
    return value;
  return 0;
}

/* Reads "&name;" at @p into @out: the character when libxml2 knows the name, else the
 * text as written (without the semicolon, which stays to be read as text). */
static void
read_entity (const char **p,
             GString     *out)
{
  const char *s = *p + 1;
  const char *name = s;
  const htmlEntityDesc *entity = NULL;

  if (!g_ascii_isalpha (*s) && *s != '_' && *s != ':')
    {
      g_string_append_c (out, '&');
      *p = s;
      return;
    }
  while (g_ascii_isalnum (*s) || *s == '_' || *s == '-' || *s == ':' || *s == '.')
    s++;
  if (*s == ';' && s - name < 32)
    {
      char buf[32];

      memcpy (buf, name, s - name);
      buf[s - name] = '\0';
      entity = htmlEntityLookup ((const xmlChar *) buf);
    }
  if (entity != NULL && entity->value > 0)
    {
      append_code_point (out, entity->value);
      *p = s + 1;
      return;
    }
  g_string_append_c (out, '&');
  g_string_append_len (out, name, s - name);
  *p = s;
}

/* An attribute value up to @stop (a quote), or unquoted up to a blank or '>' when @stop is
 * 0, with character references decoded; with @keep false it is only skipped. */
static char *
read_attr_value (TreeBuilder  *tb,
                 const char  **p,
                 char          stop,
                 gboolean      keep)
{
  GString *out = tb->scratch;
  const char *s = *p;
  const char *stops = stop == '"' ? "\"&" : stop == '\'' ? "'&" : " \t\n\r>&";
  gsize run = strcspn (s, stops);

  /* Most values hold no reference and are copied as they stand. */
  if (s[run] != '&')
    {
      *p = s + run;
      return keep ? tree_strndup (tb, s, run) : NULL;
    }

  g_string_truncate (out, 0);
  for (;;)
    {
      if (keep)
        string_append_fast (out, s, run);
      s += run;
      if (*s != '&')
        break;
      if (!keep)
        s++;
      else if (s[1] == '#')
        {
          gunichar c = read_char_ref (&s);

          if (c != 0)
            append_code_point (out, c);
        }
      else
        read_entity (&s, out);
      run = strcspn (s, stops);
    }
  *p = s;
  if (!keep)
    return NULL;
  return tree_strndup (tb, out->str, out->len);
}

static const char *
skip_blank_bytes (const char *p)
{
  while (is_blank_byte (*p))
    p++;
  return p;
}

/* A start tag at @p ('<' and a letter); returns where reading goes on. */
static const char *
read_start_tag (TreeBuilder *tb,
                const char  *p)
{
  const xmlChar *name;
  TreeAttr attrs[G_N_ELEMENTS (kept_attrs)];
  guint n_attrs = 0;
  gboolean discard = FALSE;
  const xmlChar *current;

  p++;
  name = read_html_name (tb, &p);

  tree_auto_close (tb, name);
  tree_imply (tb, name);
  if (tb->stack->len > 0 && name == tb->n_html)
    discard = TRUE;
  if (tb->stack->len != 1 && name == tb->n_head)
    discard = TRUE;
  if (name == tb->n_body)
    for (guint i = 0; i < tb->stack->len; i++)
      if (((xmlNode *) g_ptr_array_index (tb->stack, i))->name == tb->n_body)
        discard = TRUE;
  if (discard)
    tb->discarded++;

  p = skip_blank_bytes (p);
  while (is_char_byte (*p) && *p != '>' && !(p[0] == '/' && p[1] == '>'))
    {
      char buf[MAX_HTML_NAME + 1];
      gsize name_len = read_html_name_into (&p, buf);
      gboolean keep = name_len > 0 && !discard &&
                      str_in_table (buf, kept_attrs, G_N_ELEMENTS (kept_attrs));
      const xmlChar *attr_name = keep ? tree_intern (tb, buf, name_len) : NULL;

      if (name_len == 0)
        {
          while (is_char_byte (*p) && !is_blank_byte (*p) && *p != '>' &&
                 !(p[0] == '/' && p[1] == '>'))
            p++;
        }
      else
        {
          char *value = NULL;
          gboolean duplicate = FALSE;

          p = skip_blank_bytes (p);
          if (*p == '=')
            {
              p = skip_blank_bytes (p + 1);
              if (*p == '"' || *p == '\'')
                {
                  char quote = *p;

                  p++;
                  value = read_attr_value (tb, &p, quote, keep);
                  if (*p == quote)
                    p++;
                }
              else
                value = read_attr_value (tb, &p, '\0', keep);
            }

          for (guint i = 0; i < n_attrs && !duplicate; i++)
            duplicate = attrs[i].name == attr_name;
          if (keep && !duplicate && n_attrs < G_N_ELEMENTS (attrs))
            {
              attrs[n_attrs].name = attr_name;
              attrs[n_attrs].value = value;
              n_attrs++;
            }
        }
      p = skip_blank_bytes (p);
    }

  if (!discard)
    tree_push (tb, name, attrs, n_attrs);

  /* What follows applies to the innermost open element, which a discarded tag leaves as
   * it was. */
  current = tree_top_name (tb);
  if (current == NULL)
    return *p == '>' ? p + 1 : p;
  if (p[0] == '/' && p[1] == '>')
    {
      tree_pop (tb);
      return p + 2;
    }
  if (*p != '>')
    {
      tree_pop (tb);
      return p;
    }
  p++;
  if (tree_is_void (tb, current))
    tree_pop (tb);
  return p;
}

/* An end tag at @p ("</"). */
static const char *
read_end_tag (TreeBuilder *tb,
              const char  *p)
{
  const xmlChar *name;
  int priority;
  gint i;

  p += 2;
  name = read_html_name (tb, &p);
  if (name == NULL)
    return p;
  p = skip_blank_bytes (p);
  if (*p != '>')
    {
      while (*p != '\0' && *p != '>')
        p++;
    }
  if (*p == '>')
    p++;

  if (tb->discarded > 0 && (name == tb->n_html || name == tb->n_body || name == tb->n_head))
    {
      tb->discarded--;
      return p;
    }

  priority = end_priority (name);
  for (i = (gint) tb->stack->len - 1; i >= 0; i--)
    {
      const xmlChar *open = ((xmlNode *) g_ptr_array_index (tb->stack, i))->name;

      if (open == name)
        break;
      /* A stray end tag cannot close elements that rank above it. */
      if (end_priority (open) > priority)
        return p;
    }
  if (i < 0)
    return p;
  while ((gint) tb->stack->len > i)
    tree_pop (tb);
  return p;
}

/* Raw text of <script> or <style> up to its end tag. */
static const char *
read_raw_text (TreeBuilder *tb,
               const char  *p)
{
  xmlNode *top = tree_top (tb);
  const char *name = (const char *) top->name;
  gsize name_len = strlen (name);
  const char *start = p;

  while (*p != '\0')
    {
      if (p[0] == '<' && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, name_len) == 0)
        break;
      p++;
    }
  if (p > start)
    {
      tree_flush (tb);
      tree_add_text (tb, top, XML_CDATA_SECTION_NODE, start, p - start);
    }
  return p;
}

/* "<!DOCTYPE …>", "<!-- … -->" and "<?…>" (other "<!" is text to libxml2). */
static const char *
skip_markup_declaration (TreeBuilder *tb,
                         const char  *p)
{
  const char *close;

  if (g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0 && tb->doc->children == NULL)
    tb->doctype_first = TRUE;
  if (strncmp (p, "<!--", 4) == 0)
    {
      close = strstr (p + 4, "-->");
      return close != NULL ? close + 3 : p + strlen (p);
    }
  close = strchr (p + 2, '>');
  return close != NULL ? close + 1 : p + strlen (p);
}

/* Frees a document from build_html_tree(): its nodes go with their blocks. */
static void
free_html_tree (htmlDocPtr doc)
{
  TreeArena *arena = doc->_private;

  doc->children = doc->last = NULL;
  doc->_private = NULL;
  xmlFreeDoc (doc);
  g_slist_free_full (arena->blocks, give_tree_block);
  g_slist_free_full (arena->big_blocks, g_free);
  g_free (arena);
}

static htmlDocPtr
build_html_tree (const char *text,
                 const char *base_url)
{
  static GOnce name_bytes_once = G_ONCE_INIT;
  TreeBuilder tb = { 0, };
  const char *p = text;

  g_once (&name_bytes_once, init_html_name_bytes, NULL);
  tb.doc = htmlNewDocNoDtD (NULL, NULL);
  tb.arena = g_new0 (TreeArena, 1);
  tb.doc->_private = tb.arena;
  tb.doc->dict = xmlDictCreate ();
  if (base_url != NULL)
    tb.doc->URL = xmlStrdup ((const xmlChar *) base_url);
  tb.stack = g_ptr_array_sized_new (64);
  tb.pending = g_string_sized_new (1024);
  tb.scratch = g_string_sized_new (256);
  tb.void_tags = g_hash_table_new (NULL, NULL);
  tb.n_html = xmlDictLookup (tb.doc->dict, (const xmlChar *) "html", -1);
  tb.n_head = xmlDictLookup (tb.doc->dict, (const xmlChar *) "head", -1);
  tb.n_body = xmlDictLookup (tb.doc->dict, (const xmlChar *) "body", -1);
  tb.n_p = xmlDictLookup (tb.doc->dict, (const xmlChar *) "p", -1);
  tb.n_script = xmlDictLookup (tb.doc->dict, (const xmlChar *) "script", -1);
  tb.n_style = xmlDictLookup (tb.doc->dict, (const xmlChar *) "style", -1);

  while (*p != '\0')
    {
      const xmlChar *top = tree_top_name (&tb);

      if (p[0] == '<' && p[1] == '/')
        p = read_end_tag (&tb, p);
      else if (top == tb.n_script || top == tb.n_style)
        p = read_raw_text (&tb, p);
      else if (p[0] == '<' && g_ascii_isalpha (p[1]))
        p = read_start_tag (&tb, p);
      else if (p[0] == '<' && (p[1] == '?' || strncmp (p, "<!--", 4) == 0 ||
                                g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0))
        p = skip_markup_declaration (&tb, p);
      else if (p[0] == '<')
        {
          if (top != NULL)
            g_string_append_c (tb.pending, '<');
          p++;
        }
      else if (p[0] == '&' && p[1] == '#')
        {
          gunichar c = read_char_ref (&p);

          if (c != 0)
            {
              tree_check_paragraph (&tb);
              append_code_point (tb.pending, c);
            }
        }
      else if (p[0] == '&')
        {
          tree_check_paragraph (&tb);
          read_entity (&p, tb.pending);
        }
      else
        {
          gsize run = strcspn (p, "<&");

          tree_add_chars (&tb, p, run, p[run]);
          p += run;
        }
    }
  tree_flush (&tb);

  g_hash_table_unref (tb.void_tags);
  g_string_free (tb.scratch, TRUE);
  g_string_free (tb.pending, TRUE);
  g_ptr_array_unref (tb.stack);
  return tb.doc;
}

static gpointer
init_libxml_once (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce libxml_once = G_ONCE_INIT;

  g_once (&libxml_once, init_libxml_once, NULL);
}

/**
 * rsh_extract_parse_html:
 * @text: a whole HTML document in UTF-8
 * @base_url: (nullable): the address it came from
 *
 * Builds the tree the extraction walks, as libxml2's HTML parser would build it (the tests
 * compare the two); only the attributes the extraction reads are kept.
 *
 * Returns: (transfer full): the document; free it with rsh_extract_free_html()
 */
struct _xmlDoc *
rsh_extract_parse_html (const char *text,
                        const char *base_url)
{
  g_return_val_if_fail (text != NULL, NULL);

  ensure_libxml ();
  return build_html_tree (text, base_url);
}

/**
 * rsh_extract_free_html:
 * @doc: (transfer full): a document from rsh_extract_parse_html()
 */
void
rsh_extract_free_html (struct _xmlDoc *doc)
{
  if (doc != NULL)
    free_html_tree (doc);
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
  RshExtracted *ex = g_new0 (RshExtracted, 1);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  Metadata md = { 0, };
  htmlDocPtr doc;
  xmlNode *root;
  const char *value;
  gsize len = strlen (text);
  const char *stripped;

  ensure_libxml ();

  scratch_trim (&stripped_scratch);
  stripped = strip_inert (text, len, &len);
  doc = build_html_tree (stripped, base_url);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        free_html_tree (doc);
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

  /* Outlet */
  if ((value = meta_get (&md, "og:site_name")) != NULL ||
      (value = meta_get (&md, "application-name")) != NULL)
    ex->outlet = g_strdup (value);
  else if (with_json_ld (&md, "publisher")->ld_publisher != NULL && *md.ld_publisher)
    ex->outlet = g_strdup (md.ld_publisher);

  /* Title */
  if ((value = meta_get (&md, "og:title")) != NULL)
    ex->title = clean_title (value, ex->outlet, md.h1);
  else if (with_json_ld (&md, "headline")->ld_headline != NULL && *md.ld_headline)
    ex->title = g_strdup (md.ld_headline);
  else if (md.title != NULL && *md.title)
    ex->title = clean_title (md.title, ex->outlet, md.h1);
  else if (md.h1 != NULL && *md.h1)
    ex->title = g_strdup (md.h1);

  /* Outlet, failing the tags: the other part of a "Headline | Site" <title>. */
  if (ex->outlet == NULL && ex->title != NULL && md.title != NULL)
    ex->outlet = title_site_part (md.title, ex->title);

  /* Authors: the first source that yields a plausible name wins. */
  {
    GPtrArray *values = g_hash_table_lookup (md.meta, "author");

    for (guint i = 0; values != NULL && i < values->len; i++)
      add_authors_from (g_ptr_array_index (values, i), authors);
    if (authors->len == 0 && (values = g_hash_table_lookup (md.meta, "article:author")))
      for (guint i = 0; i < values->len; i++)
        add_authors_from (g_ptr_array_index (values, i), authors);
    if (authors->len == 0)
      {
        parse_json_ld (&md, "author");
        for (guint i = 0; i < md.ld_authors->len; i++)
          add_authors_from (g_ptr_array_index (md.ld_authors, i), authors);
      }
    for (guint i = 0; authors->len == 0 && i < md.rel_authors->len; i++)
      add_authors_from (g_ptr_array_index (md.rel_authors, i), authors);
    for (guint i = 0; authors->len == 0 && i < md.byline_texts->len; i++)
      add_authors_from (g_ptr_array_index (md.byline_texts, i), authors);
  }
  g_ptr_array_add (authors, NULL);
  ex->authors = (char **) g_ptr_array_free (g_steal_pointer (&authors), FALSE);

  /* Publication date: never the modification date. */
  ex->published = lenient_date (meta_get (&md, "article:published_time"));
  if (ex->published == NULL)
    {
      const char *candidates[] = {
        with_json_ld (&md, "datePublished")->ld_published,
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

  /* Modification date, kept apart. */
  ex->modified = lenient_date (meta_get (&md, "article:modified_time"));
  if (ex->modified == NULL)
    {
      const char *candidates[] = {
        with_json_ld (&md, "dateModified")->ld_modified,
        md.time_modified,
        meta_get (&md, "datemodified"),
        meta_get (&md, "og:updated_time"),
        meta_get (&md, "last-modified"),
        meta_get (&md, "dcterms.modified"),
      };

      for (gsize i = 0; i < G_N_ELEMENTS (candidates) && ex->modified == NULL; i++)
        ex->modified = lenient_date (candidates[i]);
    }

  /* Language */
  ex->language = primary_language (md.html_lang);
  if (ex->language == NULL)
    ex->language = primary_language (meta_get (&md, "content-language"));
  if (ex->language == NULL)
    ex->language = primary_language (meta_get (&md, "og:locale"));
  if (ex->language == NULL)
    {
      parse_json_ld (&md, "inLanguage");
      ex->language = primary_language (md.ld_language);
    }

  /* Canonical URL */
  ex->url = absolute_url (md.canonical, base_url);
  if (ex->url == NULL)
    ex->url = absolute_url (meta_get (&md, "og:url"), base_url);

  /* Body: filter boilerplate by class names, unless that leaves (almost) nothing, which
   * happens when a page's wrapper carries an unlucky class. */
  {
    xmlNode *body = find_body (root);

    ex->text = extract_body (root, body, TRUE);
    if (utf8_length (ex->text) < MIN_ARTICLE_CHARS)
      {
        char *unfiltered = extract_body (root, body, FALSE);

        if (utf8_length (unfiltered) > 2 * utf8_length (ex->text))
          {
            g_free (ex->text);
            ex->text = unfiltered;
          }
        else
          g_free (unfiltered);
      }
    ex->text = trim_paragraphs (ex->text, ex->title);
  }

  metadata_clear (&md);
  free_html_tree (doc);
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

/* Datelines ---------------------------------------------------------------------------- */

/* A dateline stands among the first lines of a text and is short. */
#define MAX_DATELINE_LINES 4
#define MAX_DATELINE_CHARS 100
#define MAX_OUTLET_WORDS 6

static gboolean
is_dateline_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == ',' || c == '|' || c == '-' || c == 0x2013 ||
         c == 0x2014 || c == 0x00B7 || c == 0x2022 || c == '/' || c == ':' || c == '*' ||
         c == '_' || c == '(' || c == ')';
}

/* Trims separators from both ends of @str, in place. */
static char *
strip_separators (char *str)
{
  char *start = str;
  char *end = str + strlen (str);

  while (*start != '\0' && is_dateline_separator (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_dateline_separator (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  memmove (str, start, end - start);
  str[end - start] = '\0';
  return str;
}

/* Drops the first of @labels (a %NULL-terminated list, longest first) that ends @prefix as
 * whole words; TRUE if one did. */
static gboolean
strip_label (char               *prefix,
             const char * const *labels)
{
  gsize len = strlen (prefix);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize n = strlen (labels[i]);

      if (len >= n && g_ascii_strcasecmp (prefix + len - n, labels[i]) == 0 &&
          (len == n || prefix[len - n - 1] == ' ' || prefix[len - n - 1] == ','))
        {
          prefix[len - n] = '\0';
          strip_separators (prefix);
          return TRUE;
        }
    }
  return FALSE;
}

/* Drops a trailing label ("on", "Published", "Updated") from @prefix; TRUE when the label
 * says the date is a later change, not the publication. */
static gboolean
strip_date_label (char *prefix)
{
  static const char * const published[] = { "published on", "posted on", "published",
                                             "posted", "dated", "on", NULL };
  static const char * const modified[] = { "last updated on", "updated on",
                                            "last updated", "updated", "modified", NULL };

  if (strip_label (prefix, modified))
    return TRUE;
  strip_label (prefix, published);
  return FALSE;
}

/* An outlet's name as a dateline writes it: a few words, the first capitalised, no date. */
static gboolean
is_plausible_outlet (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || n > MAX_OUTLET_WORDS || !g_unichar_isupper (g_utf8_get_char (name)))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '.' || *p == '!' || *p == '?')
      return FALSE;
  return TRUE;
}

/* The first of @timexes that names a calendar day in full ("March 4, 2026", not "March 4"),
 * with or without a time of day. */
static const RshTimex *
find_full_date (GPtrArray *timexes)
{
  for (guint i = 0; i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);
      g_autofree char *day = NULL;
      g_autofree char *checked = NULL;

      if (timex->value == NULL || strlen (timex->value) < 10 ||
          (timex->value[10] != '\0' && timex->value[10] != 'T'))
        continue;
      day = g_strndup (timex->value, 10);
      checked = rsh_extract_check_date (day);
      if (checked != NULL)
        return timex;
    }
  return NULL;
}

/* Reads @line as a dateline: "Bay Gazette, November 22, 2026", "By Ana Ruiz | The
 * Tideline | 21 Nov 2026", "Updated 3 March 2025". Only a full calendar date written out
 * counts, with nothing after it but a time of day. */
static gboolean
read_dateline (const char  *line,
               char       **date_out,
               gboolean    *modified_out,
               char       **outlet_out,
               GPtrArray   *authors_out)
{
  static const char * const dateline_separators[] = {
    " | ", " — ", " – ", " - ", " · ", " • ", " / ", ", ", NULL
  };
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *prefix = NULL;
  g_autofree char *outlet = NULL;
  g_auto(GStrv) parts = NULL;
  const RshTimex *date = NULL;
  const char *date_end;
  gboolean modified;

  if (strlen (line) > MAX_DATELINE_CHARS * 4 || g_utf8_strlen (line, -1) > MAX_DATELINE_CHARS)
    return FALSE;

  timexes = rsh_timex_tag (line, NULL, "en", NULL);
  if (timexes == NULL)
    return FALSE;
  date = find_full_date (timexes);
  if (date == NULL)
    return FALSE;

  /* Nothing after the date but separators and times of day. */
  date_end = g_utf8_offset_to_pointer (line, date->end);
  for (guint i = 0; i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);
      const char *p = date_end;
      const char *next = g_utf8_offset_to_pointer (line, timex->start);

      if (timex->start < date->end)
        continue;
      while (p < next && is_dateline_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p != next || (timex->type != RSH_TIMEX_TIME && timex->type != RSH_TIMEX_DATE))
        break;
      date_end = g_utf8_offset_to_pointer (line, timex->end);
    }
  for (const char *p = date_end; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_dateline_separator (g_utf8_get_char (p)))
      return FALSE;

  prefix = strip_separators (g_strndup (line, g_utf8_offset_to_pointer (line, date->start) - line));
  modified = strip_date_label (prefix);

  /* "By Ana Ruiz | The Tideline": the parts of the rest are bylines or the outlet. */
  parts = split_at_any (prefix, dateline_separators);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = strip_separators (parts[i]);

      if (*part == '\0')
        continue;
      if (has_prefix_ci (part, "by "))
        add_authors_from (part, authors);
      else if (i > 0 && authors->len > 0 && is_plausible_author (part) &&
               !is_plausible_outlet (part))
        add_authors_from (part, authors);
      else if (outlet == NULL && is_plausible_outlet (part))
        outlet = g_strdup (part);
      else
        return FALSE;
    }

  *date_out = g_strndup (date->value, 10);
  *modified_out = modified;
  if (*outlet_out == NULL)
    *outlet_out = g_steal_pointer (&outlet);
  for (guint i = 0; i < authors->len; i++)
    g_ptr_array_add (authors_out, g_strdup (g_ptr_array_index (authors, i)));
  return TRUE;
}

/* "By Ana Ruiz and Tom Lee" on a line of its own. */
static gboolean
read_byline (const char *line,
             GPtrArray  *authors)
{
  g_auto(GStrv) words = NULL;

  if (!has_prefix_ci (line, "by ") || g_utf8_strlen (line, -1) > MAX_DATELINE_CHARS)
    return FALSE;
  words = g_strsplit (line, " ", -1);
  if (g_strv_length (words) > 12)
    return FALSE;
  add_authors_from (line, authors);
  return authors->len > 0;
}

/* A wire story's dateline opening its first paragraph: "ALDBROOK, Merrowland, March 5,
 * 2026 (Merrowland Press Agency) - The inspectorate …", "OSLO (Nordwire) — …". Returns
 * where the paragraph's own words begin, or %NULL. */
static const char *
read_wire_dateline (const char  *line,
                    char       **date_out,
                    char       **outlet_out)
{
  static const char * const separators[] = { " - ", " — ", " – " };
  g_autoptr(GPtrArray) timexes = NULL;
  g_autofree char *head = NULL;
  g_autofree char *agency = NULL;
  const RshTimex *date;
  const char *sep = NULL;
  const char *rest = NULL;
  const char *p;
  char *open;

  /* The place comes first, in capitals. */
  for (p = line; *p != '\0' && *p != ',' && *p != ' ' && *p != '('; p = g_utf8_next_char (p))
    if (!g_unichar_isupper (g_utf8_get_char (p)) && *p != '-' && *p != '.')
      return NULL;
  if (p - line < 2)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *found = strstr (line, separators[i]);

      if (found != NULL && (sep == NULL || found < sep))
        {
          sep = found;
          rest = found + strlen (separators[i]);
        }
    }
  if (sep == NULL || g_utf8_strlen (line, sep - line) > MAX_DATELINE_CHARS)
    return NULL;

  head = g_strndup (line, sep - line);
  g_strchomp (head);
  if (g_str_has_suffix (head, ")") && (open = strrchr (head, '(')) != NULL)
    {
      agency = g_strndup (open + 1, strlen (open + 1) - 1);
      *open = '\0';
      if (!is_plausible_outlet (g_strstrip (agency)))
        return NULL;
    }

  timexes = rsh_timex_tag (head, NULL, "en", NULL);
  if (timexes != NULL && (date = find_full_date (timexes)) != NULL)
    *date_out = g_strndup (date->value, 10);

  if (*date_out == NULL && agency == NULL)
    return NULL;
  if (*outlet_out == NULL)
    *outlet_out = g_steal_pointer (&agency);
  return rest;
}

/* Whether @line reads as a dateline, so the crumb filter keeps it ("By Ana Ruiz | The
 * Tideline | 21 Nov 2025" looks like navigation). */
static gboolean
is_dateline (const char *line)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *outlet = NULL;
  gboolean modified;

  return read_dateline (line, &date, &modified, &outlet, authors);
}

/* Takes the header lines of a plain text article out of its text and into the metadata
 * it lacks: a dateline (the publication or change date, the outlet, the authors), a
 * byline, and a wire story's dateline before its first words. */
static void
take_dateline (RshExtracted *ex)
{
  g_auto(GStrv) lines = g_strsplit (ex->text, "\n", -1);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *published = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *outlet = NULL;
  guint seen = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      g_autofree char *date = NULL;
      gboolean is_modified = FALSE;
      const char *rest;

      if (is_blank (line))
        {
          /* One blank line between paragraphs, none before the first. */
          if (kept->len > 0 && !is_blank (g_ptr_array_index (kept, kept->len - 1)))
            g_ptr_array_add (kept, line);
          continue;
        }

      if (seen++ < MAX_DATELINE_LINES)
        {
          if (published == NULL && modified == NULL &&
              read_dateline (line, &date, &is_modified, &outlet, authors))
            {
              if (is_modified)
                modified = g_steal_pointer (&date);
              else
                published = g_steal_pointer (&date);
              continue;
            }
          if (authors->len == 0 && read_byline (line, authors))
            continue;
          if (published == NULL && (rest = read_wire_dateline (line, &date, &outlet)) != NULL)
            {
              published = g_steal_pointer (&date);
              g_ptr_array_add (kept, (char *) rest);
              continue;
            }
        }
      g_ptr_array_add (kept, line);
    }
  if (kept->len > 0 && is_blank (g_ptr_array_index (kept, kept->len - 1)))
    g_ptr_array_set_size (kept, kept->len - 1);
  g_ptr_array_add (kept, NULL);

  if (published == NULL && modified == NULL && outlet == NULL && authors->len == 0)
    return;

  if (ex->published == NULL)
    ex->published = g_steal_pointer (&published);
  if (ex->modified == NULL)
    ex->modified = g_steal_pointer (&modified);
  if (ex->outlet == NULL)
    ex->outlet = g_steal_pointer (&outlet);
  if ((ex->authors == NULL || ex->authors[0] == NULL) && authors->len > 0)
    {
      g_strfreev (ex->authors);
      g_ptr_array_add (authors, NULL);
      ex->authors = (char **) g_ptr_array_steal (authors, NULL);
    }

  g_free (ex->text);
  ex->text = g_strjoinv ("\n", (char **) kept->pdata);
}

/* Whether one of @lines reads as prose: a sentence's end, or more than a few words. */
static gboolean
holds_prose (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      gsize len = strlen (line);

      if (count_words (line) > MAX_OUTLET_WORDS ||
          (len > 0 && strchr (".!?", line[len - 1]) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* A site's menu copied as one line: three items or more between bars ("Home | News |
 * Sport"). */
static gboolean
is_menu_line (const char *line)
{
  guint n_bars = 0;

  for (const char *p = strstr (line, " | "); p != NULL; p = strstr (p + 3, " | "))
    n_bars++;
  return n_bars >= 2;
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
  guint n_lines = 0;
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
      if (!is_blank (line) && (is_credit_line (line) ||
                               (rsh_extract_is_crumb (line) &&
                                !(n_lines < MAX_DATELINE_LINES && is_dateline (line)))))
        {
          /* "Aldbrook Now" above "Home | News | Sport": a site's name over its menu. What
           * stands above a menu at the top is the site's header, not the article. */
          if (ex->outlet == NULL && n_lines <= MAX_DATELINE_LINES && is_menu_line (line) &&
              kept->len > 0 && is_plausible_outlet (g_ptr_array_index (kept, kept->len - 1)) &&
              !holds_prose (kept))
            {
              ex->outlet = g_strdup (g_ptr_array_index (kept, kept->len - 1));
              g_ptr_array_set_size (kept, 0);
              n_lines = 0;
            }
          continue;
        }
      n_lines += !is_blank (line);
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
  take_dateline (ex);
  return ex;
}

/* Markdown ----------------------------------------------------------------------------- */

/* Copies @line without inline Markdown: emphasis and code marks, images, link targets,
 * autolinks and inline HTML tags go; the words stay. */
static void
append_markdown_inline (GString    *out,
                        const char *line)
{
  const char *p = line;

  while (*p)
    {
      /* ![alt](target): a picture, not prose. */
      if (p[0] == '!' && p[1] == '[')
        {
          const char *close = strstr (p + 2, "](");
          const char *end = close ? strchr (close + 2, ')') : NULL;

          if (end != NULL)
            {
              p = end + 1;
              continue;
            }
        }
      /* [text](target) and [text][ref]: the text. */
      if (p[0] == '[')
        {
          const char *close = strchr (p + 1, ']');

          if (close != NULL && (close[1] == '(' || close[1] == '['))
            {
              const char *end = strchr (close + 2, close[1] == '(' ? ')' : ']');

              if (end != NULL)
                {
                  g_autofree char *label = g_strndup (p + 1, close - p - 1);

                  append_markdown_inline (out, label);
                  p = end + 1;
                  continue;
                }
            }
        }
      /* <https://…> autolinks and inline tags such as <br>, <sup>. */
      if (p[0] == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          const char *end = strchr (p, '>');

          if (end != NULL && memchr (p, ' ', end - p) == NULL && strstr (p, "://") != NULL &&
              strstr (p, "://") < end)
            {
              g_string_append_len (out, p + 1, end - p - 1);
              p = end + 1;
              continue;
            }
          if (end != NULL)
            {
              p = end + 1;
              continue;
            }
        }
      /* Emphasis and code marks; an underscore inside a word (snake_case) stays. */
      if (*p == '*' || *p == '`' || *p == '~' ||
          (*p == '_' && (p == line || !g_ascii_isalnum (p[-1]) || !g_ascii_isalnum (p[1]))))
        {
          p++;
          continue;
        }
      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        p++;
      g_string_append_c (out, *p);
      p++;
    }
}

static gboolean
is_markdown_rule (const char *line)
{
  guint marks = 0;
  char mark = 0;

  for (const char *p = line; *p; p++)
    {
      if (*p == ' ')
        continue;
      if ((*p != '-' && *p != '*' && *p != '_') || (mark != 0 && *p != mark))
        return FALSE;
      mark = *p;
      marks++;
    }
  return marks >= 3;
}

/* Strips a list marker ("- ", "* ", "+ ", "12. ", "3) "); returns %NULL if none. */
static const char *
skip_list_marker (const char *line)
{
  const char *p = line;

  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    return p + 2;
  while (g_ascii_isdigit (*p))
    p++;
  if (p > line && p - line <= 9 && (*p == '.' || *p == ')') && p[1] == ' ')
    return p + 2;
  return NULL;
}

static char *
front_matter_value (const char *line,
                    const char *key)
{
  gsize n = strlen (key);
  g_autofree char *value = NULL;
  gsize len;

  if (g_ascii_strncasecmp (line, key, n) != 0 || line[n] != ':')
    return NULL;
  value = g_strstrip (g_strdup (line + n + 1));
  len = strlen (value);
  if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
    {
      value[len - 1] = '\0';
      return g_strdup (value + 1);
    }
  return *value ? g_steal_pointer (&value) : NULL;
}

/**
 * rsh_extract_markdown:
 * @text: decoded UTF-8 Markdown with LF line ends
 *
 * Turns Markdown into plain paragraphs: headings, list items and quotes become
 * paragraphs of their own, soft-wrapped lines are joined, and markup goes while the
 * words of links and emphasis stay. The first heading (or a front-matter title) is the
 * title; front matter also gives the author and date.
 *
 * Returns: (transfer full): what was found
 */
RshExtracted *
rsh_extract_markdown (const char *text)
{
  RshExtracted *ex = g_new0 (RshExtracted, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  gboolean in_fence = FALSE;
  guint i = 0;

  /* YAML front matter between two "---" lines. */
  if (lines[0] != NULL && str_equal (g_strchomp (lines[0]), "---"))
    {
      for (i = 1; lines[i] != NULL; i++)
        {
          char *line = g_strchomp (lines[i]);
          char *value;

          if (str_equal (line, "---") || str_equal (line, "..."))
            {
              i++;
              break;
            }
          if (ex->title == NULL && (value = front_matter_value (line, "title")) != NULL)
            ex->title = value;
          else if ((value = front_matter_value (line, "author")) != NULL)
            {
              add_authors_from (value, authors);
              g_free (value);
            }
          else if (ex->published == NULL && (value = front_matter_value (line, "date")) != NULL)
            {
              ex->published = lenient_date (value);
              g_free (value);
            }
        }
      if (lines[i - 1] == NULL)
        i = 0;
    }

#define FLUSH_PARAGRAPH() G_STMT_START {                                   \
    g_autofree char *clean = collapse_space (para->str);                  \
    if (clean != NULL && *clean != '\0' && !rsh_extract_is_crumb (clean)) \
      {                                                                    \
        if (body->len > 0)                                                 \
          g_string_append (body, "\n\n");                                  \
        g_string_append (body, clean);                                     \
      }                                                                    \
    g_string_truncate (para, 0);                                           \
  } G_STMT_END

  for (; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      const char *content = line;
      const char *item;

      while (*content == ' ' && content - line < 4)
        content++;

      if (g_str_has_prefix (content, "```") || g_str_has_prefix (content, "~~~"))
        {
          FLUSH_PARAGRAPH ();
          in_fence = !in_fence;
          continue;
        }
      if (in_fence)
        {
          /* Code is kept line by line, as written. */
          if (*line != '\0')
            {
              g_string_append (para, line);
              FLUSH_PARAGRAPH ();
            }
          continue;
        }

      /* Setext underlines turn the paragraph so far into a heading. */
      if (para->len > 0 && *content != '\0' && (strspn (content, "=") == strlen (content) ||
                            strspn (content, "-") == strlen (content)))
        {
          if (ex->title == NULL && content[0] == '=')
            ex->title = collapse_space (para->str);
          else
            FLUSH_PARAGRAPH ();
          g_string_truncate (para, 0);
          continue;
        }
      if (*content == '\0' || is_markdown_rule (content))
        {
          FLUSH_PARAGRAPH ();
          continue;
        }
      /* Reference definitions: "[1]: https://…" */
      if (content[0] == '[' && strstr (content, "]:") != NULL &&
          strstr (content, "]:") == strchr (content, ']'))
        {
          FLUSH_PARAGRAPH ();
          continue;
        }
      if (content[0] == '#')
        {
          const char *heading = content;
          g_autoptr(GString) heading_text = g_string_new (NULL);

          FLUSH_PARAGRAPH ();
          while (*heading == '#')
            heading++;
          while (*heading == ' ')
            heading++;
          append_markdown_inline (heading_text, heading);
          /* Closing hashes ("## Title ##") */
          while (heading_text->len > 0 &&
                 (heading_text->str[heading_text->len - 1] == '#' ||
                  heading_text->str[heading_text->len - 1] == ' '))
            g_string_truncate (heading_text, heading_text->len - 1);
          if (ex->title == NULL && content[1] != '#')
            ex->title = collapse_space (heading_text->str);
          else if (content[1] != '#' && utf8_equal_ci (ex->title, heading_text->str))
            continue;   /* the front matter's title again */
          else
            {
              g_string_append (para, heading_text->str);
              FLUSH_PARAGRAPH ();
            }
          continue;
        }
      while (*content == '>')
        {
          content++;
          while (*content == ' ')
            content++;
        }
      if ((item = skip_list_marker (content)) != NULL)
        {
          FLUSH_PARAGRAPH ();
          content = item;
          if (g_str_has_prefix (content, "[ ] ") || g_str_has_prefix (content, "[x] "))
            content += 4;
        }
      if (para->len > 0)
        g_string_append_c (para, ' ');
      append_markdown_inline (para, content);
      /* Two trailing spaces or a backslash end a line, not the paragraph. */
    }
  FLUSH_PARAGRAPH ();

#undef FLUSH_PARAGRAPH

  g_ptr_array_add (authors, NULL);
  ex->authors = (char **) g_ptr_array_free (g_steal_pointer (&authors), FALSE);
  ex->text = g_string_free (g_steal_pointer (&body), FALSE);
  take_dateline (ex);
  return ex;
}

/* Saved web pages (MHTML) ---------------------------------------------------------- */

/* The first @needle in [@p, @end), or %NULL. */
static const char *
find_bytes (const char *p,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  while (p != NULL && (gsize) (end - p) >= n)
    {
      p = memchr (p, needle[0], end - p - n + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
      p++;
    }
  return NULL;
}

/* Where the blank line after a block of RFC 822 headers ends, or %NULL. */
static const char *
headers_end (const char *data,
             const char *end,
             const char **body)
{
  for (const char *p = data; p < end; p++)
    {
      if (*p != '\n')
        continue;
      if (p + 1 < end && p[1] == '\n')
        {
          *body = p + 2;
          return p;
        }
      if (p + 2 < end && p[1] == '\r' && p[2] == '\n')
        {
          *body = p + 3;
          return p;
        }
    }
  return NULL;
}

/* The unfolded value of header @name in the block [@data, @end). */
static char *
header_value (const char *data,
              const char *end,
              const char *name)
{
  gsize n = strlen (name);
  const char *line = data;

  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);

      if (eol == NULL)
        eol = end;
      if ((gsize) (eol - line) > n && g_ascii_strncasecmp (line, name, n) == 0 &&
          line[n] == ':')
        {
          GString *value = g_string_new_len (line + n + 1, eol - line - n - 1);

          /* Folded continuation lines start with white space. */
          while (eol < end && eol + 1 < end && (eol[1] == ' ' || eol[1] == '\t'))
            {
              const char *next = eol + 1;

              eol = memchr (next, '\n', end - next);
              if (eol == NULL)
                eol = end;
              g_string_append_c (value, ' ');
              g_string_append_len (value, next, eol - next);
            }
          g_strdelimit (value->str, "\r", ' ');
          return g_strstrip (g_string_free (value, FALSE));
        }
      line = eol + 1;
    }
  return NULL;
}

/* A parameter of a MIME header value: boundary="…", charset=…. */
static char *
mime_param (const char *value,
            const char *param)
{
  gsize n = strlen (param);

  if (value == NULL)
    return NULL;
  for (const char *p = value; *p; p++)
    {
      const char *start;

      if (g_ascii_strncasecmp (p, param, n) != 0 || (p > value && g_ascii_isalnum (p[-1])))
        continue;
      start = p + n;
      while (*start == ' ')
        start++;
      if (*start != '=')
        continue;
      start++;
      while (*start == ' ')
        start++;
      if (*start == '"')
        {
          const char *close = strchr (start + 1, '"');

          return close ? g_strndup (start + 1, close - start - 1) : NULL;
        }
      return g_strndup (start, strcspn (start, "; \t"));
    }
  return NULL;
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       len)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 byte = (guint8) data[i];

      if (byte == '=' && i + 1 < len && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* Soft line break. */
          i++;
          if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (byte == '=' && i + 2 < len && g_ascii_isxdigit (data[i + 1]) &&
          g_ascii_isxdigit (data[i + 2]))
        {
          byte = (guint8) (g_ascii_xdigit_value (data[i + 1]) * 16 +
                           g_ascii_xdigit_value (data[i + 2]));
          i += 2;
        }
      g_byte_array_append (out, &byte, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

/**
 * rsh_extract_sniff_mhtml:
 * @data: the start of a document
 * @len: length of @data
 *
 * Returns: whether the document is a web page saved as MHTML (a MIME message whose
 *   headers declare multipart/related or an HTML body)
 */
gboolean
rsh_extract_sniff_mhtml (const char *data,
                         gsize       len)
{
  const char *body = NULL;
  const char *end = data + MIN (len, 8192);
  const char *hend = headers_end (data, end, &body);
  g_autofree char *type = NULL;
  g_autofree char *version = NULL;

  if (hend == NULL)
    return FALSE;
  version = header_value (data, hend, "MIME-Version");
  type = header_value (data, hend, "Content-Type");
  return version != NULL && type != NULL &&
         (has_prefix_ci (type, "multipart/related") || has_prefix_ci (type, "text/html"));
}

/**
 * rsh_extract_mhtml:
 * @raw: a saved web page (MHTML, RFC 2557)
 * @charset: (out) (transfer full) (nullable): the HTML part's declared charset
 * @location: (out) (transfer full) (nullable): the address the page was saved from
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Finds the HTML part of a saved web page and undoes its transfer encoding
 * (quoted-printable or base64).
 *
 * Returns: (transfer full): the HTML part's bytes, or %NULL with @error set
 */
GBytes *
rsh_extract_mhtml (GBytes      *raw,
                   char       **charset,
                   char       **location,
                   const char  *name,
                   GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (raw, &len);
  const char *end = data + len;
  const char *body = NULL;
  const char *hend = data ? headers_end (data, end, &body) : NULL;
  g_autofree char *type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *delimiter = NULL;
  const char *p;

  *charset = NULL;
  *location = NULL;
  if (hend == NULL)
    goto broken;
  type = header_value (data, hend, "Content-Type");
  snapshot = header_value (data, hend, "Snapshot-Content-Location");
  if (snapshot == NULL)
    snapshot = header_value (data, hend, "Content-Location");

  /* A single-part message: the body is the page. */
  if (type != NULL && has_prefix_ci (type, "text/html"))
    {
      g_autofree char *encoding = header_value (data, hend, "Content-Transfer-Encoding");

      *charset = mime_param (type, "charset");
      *location = g_steal_pointer (&snapshot);
      if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
        return decode_quoted_printable (body, end - body);
      if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
        {
          g_autofree char *copy = g_strndup (body, end - body);
          gsize out_len = 0;
          guchar *decoded = g_base64_decode (copy, &out_len);

          return g_bytes_new_take (decoded, out_len);
        }
      return g_bytes_new (body, end - body);
    }

  boundary = mime_param (type, "boundary");
  if (boundary == NULL || *boundary == '\0')
    goto broken;
  delimiter = g_strconcat ("--", boundary, NULL);

  p = body;
  while (p < end)
    {
      const char *start = find_bytes (p, end, delimiter);
      const char *part;
      const char *part_body = NULL;
      const char *part_hend;
      const char *next;
      g_autofree char *part_type = NULL;

      if (start == NULL)
        break;
      part = start + strlen (delimiter);
      if (part + 1 < end && part[0] == '-' && part[1] == '-')
        break;   /* the closing delimiter */
      while (part < end && (*part == '\r' || *part == '\n' || *part == ' ' || *part == '\t'))
        {
          if (*part == '\n')
            {
              part++;
              break;
            }
          part++;
        }
      next = find_bytes (part, end, delimiter);
      if (next == NULL)
        next = end;
      part_hend = headers_end (part, next, &part_body);
      /* A part may start with its blank line when it has no headers. */
      if (part_hend == NULL)
        {
          p = next;
          continue;
        }
      part_type = header_value (part, part_hend, "Content-Type");
      if (part_type != NULL && has_prefix_ci (part_type, "text/html"))
        {
          g_autofree char *encoding = header_value (part, part_hend,
                                                    "Content-Transfer-Encoding");
          const char *body_end = next;

          /* The line break before the delimiter belongs to it. */
          if (body_end > part_body && body_end[-1] == '\n')
            body_end--;
          if (body_end > part_body && body_end[-1] == '\r')
            body_end--;
          *charset = mime_param (part_type, "charset");
          *location = header_value (part, part_hend, "Content-Location");
          if (*location == NULL)
            *location = g_steal_pointer (&snapshot);
          if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
            return decode_quoted_printable (part_body, body_end - part_body);
          if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
            {
              g_autofree char *copy = g_strndup (part_body, body_end - part_body);
              gsize out_len = 0;
              guchar *decoded = g_base64_decode (copy, &out_len);

              return g_bytes_new_take (decoded, out_len);
            }
          return g_bytes_new (part_body, body_end - part_body);
        }
      p = next;
    }

broken:
  g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
               _("“%s” is a saved web page without an HTML part; save the page again from "
                 "the browser, or as HTML."),
               name);
  return NULL;
}

/* PDF ---------------------------------------------------------------------------------- */

typedef struct
{
  GString *text;      /* the line's characters */
  double   top;
  double   bottom;
  double   left;
  double   right;
} PdfLine;

static void
pdf_line_clear (PdfLine *line)
{
  g_string_free (line->text, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Splits a page's text into lines with their boxes, from poppler's per-character
 * layout. */
static GArray *
pdf_page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  PdfLine current = { g_string_new (NULL), G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE };
  guint index = 0;

  g_array_set_clear_func (lines, (GDestroyNotify) pdf_line_clear);
  if (text == NULL)
    {
      g_string_free (current.text, TRUE);
      return lines;
    }
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p), index++)
    {
      gunichar c = *p ? g_utf8_get_char (p) : '\n';

      if (c == '\n')
        {
          if (current.text->len > 0)
            {
              g_array_append_val (lines, current);
              current.text = g_string_new (NULL);
            }
          current.top = current.left = G_MAXDOUBLE;
          current.bottom = current.right = -G_MAXDOUBLE;
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_unichar (current.text, c);
      if (index < n_rects && !g_unichar_isspace (c))
        {
          current.top = MIN (current.top, rects[index].y1);
          current.bottom = MAX (current.bottom, rects[index].y2);
          current.left = MIN (current.left, rects[index].x1);
          current.right = MAX (current.right, rects[index].x2);
        }
    }
  g_string_free (current.text, TRUE);
  return lines;
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);
  const char *last;
  gunichar c;

  while (len > 0 && text[len - 1] == ' ')
    len--;
  if (len == 0)
    return FALSE;
  last = g_utf8_find_prev_char (text, text + len);
  c = g_utf8_get_char (last);
  return strchr (".!?:\"')", (int) c) != NULL || c == 0x201D || c == 0x2019 || c == 0x3002;
}

/* Appends one page's paragraphs. A paragraph ends at a gap between lines clearly wider
 * than the page's usual line spacing, or after a line that stops short of the right
 * margin on a full stop. Words hyphenated across lines are joined. */
static void
pdf_append_paragraphs (GArray  *lines,
                       GString *body)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) para = g_string_new (NULL);
  double step = 0;
  double right = -G_MAXDOUBLE;

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);

      right = MAX (right, line->right);
      if (i > 0)
        {
          PdfLine *prev = &g_array_index (lines, PdfLine, i - 1);
          double d = line->top - prev->top;

          if (d > 0 && prev->top < G_MAXDOUBLE && line->top < G_MAXDOUBLE)
            g_array_append_val (steps, d);
        }
    }
  if (steps->len > 0)
    {
      g_array_sort (steps, compare_doubles);
      step = g_array_index (steps, double, steps->len / 2);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_autofree char *clean = collapse_space (line->text->str);
      PdfLine *next = i + 1 < lines->len ? &g_array_index (lines, PdfLine, i + 1) : NULL;
      gboolean breaks = next == NULL;

      if (*clean == '\0')
        continue;
      if (para->len > 0)
        {
          if (para->str[para->len - 1] == '-' && g_unichar_islower (g_utf8_get_char (clean)))
            g_string_truncate (para, para->len - 1);
          else
            g_string_append_c (para, ' ');
        }
      g_string_append (para, clean);

      if (next != NULL && step > 0 && next->top - line->top > 1.4 * step)
        breaks = TRUE;
      if (next != NULL && ends_sentence (clean) && right > line->left &&
          line->right < right - 0.15 * (right - line->left))
        breaks = TRUE;
      if (breaks)
        {
          g_autofree char *done = collapse_space (para->str);

          if (*done != '\0' && !rsh_extract_is_crumb (done))
            {
              if (body->len > 0)
                g_string_append (body, "\n\n");
              g_string_append (body, done);
            }
          g_string_truncate (para, 0);
        }
    }
}

/**
 * rsh_extract_pdf:
 * @raw: the bytes of a PDF file
 * @name: how the document is called in messages
 * @error: return location for a #GError
 *
 * Reads the text of every page with poppler and rebuilds its paragraphs from the line
 * layout. The title and the authors come from the document's metadata; a first line
 * repeating the title is not part of the body.
 *
 * Returns: (transfer full): what was found, or %NULL with @error set
 */
RshExtracted *
rsh_extract_pdf (GBytes      *raw,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  /* Poppler on Debian 12 has no g_autoptr support: references are dropped by hand. */
  PopplerDocument *doc = poppler_document_new_from_bytes (raw, NULL, &local_error);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  RshExtracted *ex;
  int n_pages;

  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                     _("“%s” is a password-protected PDF; save an unprotected copy and add "
                       "that instead."),
                     name);
      else
        g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                     _("“%s” is a damaged or unreadable PDF; save or export it again."), name);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autoptr(GArray) lines = NULL;

      if (page == NULL)
        continue;
      lines = pdf_page_lines (page);
      pdf_append_paragraphs (lines, body);
      g_object_unref (page);
    }

  ex = g_new0 (RshExtracted, 1);
  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  g_object_unref (doc);
  if (title != NULL)
    ex->title = collapse_space (title);
  if (ex->title != NULL && *ex->title == '\0')
    g_clear_pointer (&ex->title, g_free);
  if (author != NULL)
    add_authors_from (author, authors);
  g_ptr_array_add (authors, NULL);
  ex->authors = (char **) g_ptr_array_free (g_steal_pointer (&authors), FALSE);

  /* The headline set as the first line: the title, when the metadata has none. */
  {
    const char *first_break = strstr (body->str, "\n\n");
    gsize first_len = first_break ? (gsize) (first_break - body->str) : body->len;
    g_autofree char *first = g_strndup (body->str, first_len);

    if (ex->title == NULL && first_break != NULL && g_utf8_strlen (first, -1) < 150 &&
        !ends_sentence (first))
      ex->title = g_strdup (first);
    if (ex->title != NULL && first_break != NULL && utf8_equal_ci (first, ex->title))
      g_string_erase (body, 0, first_len + 2);
  }

  ex->text = g_string_free (g_steal_pointer (&body), FALSE);
  return ex;
}
