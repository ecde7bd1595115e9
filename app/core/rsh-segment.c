/* rsh-segment.c: paragraphs and sentences, in code points
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "rsh-error.h"
#include "rsh-extract-private.h"
#include "rsh-segment.h"

/* Opening a sentence iterator builds ICU's rules and abbreviation list, which costs more
 * than splitting an article; each thread keeps the ones it opened, by locale. */
static GPrivate cached_iterators = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

/* Walks a UTF-8 string forward, converting byte offsets to code point offsets. Offsets
 * must be asked for in increasing order, which keeps the whole conversion linear; each
 * falls on a character boundary (the spans' ends do). */
typedef struct
{
  const char *text;
  gsize       byte;
  guint       chars;
} Cursor;

static guint
cursor_advance (Cursor *cursor,
                gsize   byte)
{
  if (byte > cursor->byte)
    {
      cursor->chars += rsh_utf8_count (cursor->text + cursor->byte, byte - cursor->byte);
      cursor->byte = byte;
    }

  return cursor->chars;
}

/* The first "\n\n" in @len bytes of @text, or %NULL; memchr() skips to each line end,
 * where g_strstr_len() would compare at every byte. */
static const char *
find_blank_line (const char *text,
                 gsize       len)
{
  const char *end = text + len;
  const char *p = text;

  while (p + 1 < end && (p = memchr (p, '\n', end - 1 - p)) != NULL)
    {
      if (p[1] == '\n')
        return p;
      p++;
    }
  return NULL;
}

static gboolean
is_space_at (const char *text,
             gsize       byte)
{
  return g_unichar_isspace (g_utf8_get_char (text + byte));
}

/* Titles that ICU's English suppression list misses; a full stop after one of them never
 * ends a sentence. Month abbreviations only hold when a number follows ("Jan. 5"). */
static const char * const titles[] = {
  "Capt", "Col", "Dr", "Gen", "Gov", "Lt", "Mr", "Mrs", "Ms", "Mt", "Prof", "Rep",
  "Rev", "Sen", "Sgt", "St",
};

static const char * const months[] = {
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

static gboolean
word_in (const char         *word,
         gsize               len,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (strlen (list[i]) == len && strncmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_closing_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == 0x00BB;
}

/* Whether the text before byte @end (after @start) is a question or an exclamation closed by
 * quotation marks: "…?”", "…!'". */
static gboolean
ends_quoted_question (const char *text,
                      gsize       start,
                      gsize       end)
{
  const char *p = text + end;
  gboolean quoted = FALSE;

  while (p > text + start)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (!is_closing_quote (c))
        return quoted && (c == '?' || c == '!');
      quoted = TRUE;
      p = prev;
    }

  return FALSE;
}

/* Whether ICU's break at @end (bytes) falls after an abbreviation, or inside a quotation
 * and who said it ("“Could it be?” the minister said."), rather than between sentences. */
static gboolean
is_false_break (const char *text,
                gsize       start,
                gsize       end)
{
  gsize dot = end;
  gsize word;
  const char *next;

  while (dot > start && g_ascii_isspace (text[dot - 1]))
    dot--;

  /* A new sentence does not start in lower case. */
  if (ends_quoted_question (text, start, dot))
    {
      next = text + end;
      while (*next && g_ascii_isspace (*next))
        next++;
      return g_unichar_islower (g_utf8_get_char (next));
    }

  if (dot == start || text[dot - 1] != '.')
    return FALSE;
  dot--;

  word = dot;
  while (word > start && g_ascii_isalpha (text[word - 1]))
    word--;
  if (word == dot || (word > start && !g_ascii_isspace (text[word - 1]) &&
                      text[word - 1] != '(' && text[word - 1] != '"'))
    return FALSE;

  next = text + end;
  while (*next && g_ascii_isspace (*next))
    next++;

  if (word_in (text + word, dot - word, titles, G_N_ELEMENTS (titles)))
    return TRUE;
  if (word_in (text + word, dot - word, months, G_N_ELEMENTS (months)))
    return g_ascii_isdigit (*next);

  /* A new sentence does not start in lower case. */
  return g_ascii_islower (*next);
}

/* The calling thread's sentence iterator for @locale; owned by the thread. */
static UBreakIterator *
get_sentence_iterator (const char *locale,
                       UErrorCode *status)
{
  GHashTable *iterators = g_private_get (&cached_iterators);
  UBreakIterator *iter;

  if (iterators == NULL)
    {
      iterators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) ubrk_close);
      g_private_set (&cached_iterators, iterators);
    }

  iter = g_hash_table_lookup (iterators, locale);
  if (iter == NULL)
    {
      iter = ubrk_open (UBRK_SENTENCE, locale, NULL, 0, status);
      if (U_FAILURE (*status))
        {
          ubrk_close (iter);
          return NULL;
        }
      g_hash_table_insert (iterators, g_strdup (locale), iter);
    }

  return iter;
}

/* ICU's sentence boundaries in byte offsets of the UTF-8 text. ICU walks UTF-16 much
 * faster than UTF-8 (whose UText maps a few dozen characters at a time), so valid text
 * is handed over as UTF-16 and the boundaries, which come in increasing order, are
 * mapped back by walking both forms together. Invalid UTF-8 goes through a UTF-8 UText,
 * whose offsets are bytes already. */
typedef struct
{
  UBreakIterator *iter;
  const char     *text;
  UText          *utext;  /* NULL when the iterator reads UTF-16 */
  UChar          *units;
  gsize           byte;   /* a boundary seen so far, in bytes ... */
  int32_t         unit;   /* ... and in UTF-16 units */
} Breaks;

static gboolean
breaks_open (Breaks     *breaks,
             const char *text,
             gsize       len,
             const char *locale,
             UErrorCode *status)
{
  int32_t n_units = 0;

  memset (breaks, 0, sizeof *breaks);
  breaks->text = text;
  breaks->iter = get_sentence_iterator (locale, status);
  if (breaks->iter == NULL || len >= G_MAXINT32)
    return FALSE;

  /* UTF-16 takes at most one unit per byte. */
  breaks->units = g_new (UChar, len + 1);
  u_strFromUTF8 (breaks->units, (int32_t) len + 1, &n_units, text, (int32_t) len, status);
  if (U_SUCCESS (*status))
    {
      ubrk_setText (breaks->iter, breaks->units, n_units, status);
      return U_SUCCESS (*status);
    }

  *status = U_ZERO_ERROR;
  g_clear_pointer (&breaks->units, g_free);
  breaks->utext = utext_openUTF8 (NULL, text, (int64_t) len, status);
  if (U_SUCCESS (*status))
    ubrk_setUText (breaks->iter, breaks->utext, status);
  return U_SUCCESS (*status);
}

static void
breaks_close (Breaks *breaks)
{
  UErrorCode status = U_ZERO_ERROR;

  /* The iterator stays with the thread; it must not keep pointing at this text. */
  if (breaks->iter != NULL)
    ubrk_setText (breaks->iter, NULL, 0, &status);
  if (breaks->utext != NULL)
    utext_close (breaks->utext);
  g_free (breaks->units);
}

/* The byte offset of ICU's boundary @unit, at or after the last one asked for. */
static gsize
breaks_to_byte (Breaks  *breaks,
                int32_t  unit)
{
  const guchar *text = (const guchar *) breaks->text;

  if (breaks->utext != NULL)
    return (gsize) unit;

  while (breaks->unit < unit)
    {
      guchar lead = text[breaks->byte];

      if (lead < 0x80)
        {
          breaks->byte++;
          breaks->unit++;
        }
      else
        {
          /* A four-byte sequence is a surrogate pair. */
          breaks->byte += g_utf8_skip[lead];
          breaks->unit += lead >= 0xF0 ? 2 : 1;
        }
    }
  return breaks->byte;
}

/* The next boundary in bytes, or G_MAXSIZE when there are no more. */
static gsize
breaks_next (Breaks *breaks)
{
  int32_t unit = ubrk_next (breaks->iter);

  return unit == UBRK_DONE ? G_MAXSIZE : breaks_to_byte (breaks, unit);
}

/**
 * rsh_segment_paragraphs:
 * @text: UTF-8 text whose paragraphs are separated by blank lines
 *
 * Returns: (transfer full) (element-type RshSpan): the paragraphs, without their
 *   surrounding white space, in code points
 */
GArray *
rsh_segment_paragraphs (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RshSpan));
  Cursor cursor = { text, 0, 0 };
  gsize len;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL, spans);

  len = strlen (text);

  while (pos < len)
    {
      const char *blank;
      gsize end;
      gsize start = pos;
      gsize next;

      blank = strstr (text + pos, "\n\n");
      end = blank ? (gsize) (blank - text) : len;
      next = blank ? end + 2 : len;

      while (start < end && is_space_at (text, start))
        start = g_utf8_next_char (text + start) - text;
      while (end > start && is_space_at (text, g_utf8_prev_char (text + end) - text))
        end = g_utf8_prev_char (text + end) - text;

      if (end > start)
        {
          RshSpan span;

          span.start = cursor_advance (&cursor, start);
          span.end = cursor_advance (&cursor, end);
          span.paragraph = spans->len;
          g_array_append_val (spans, span);
        }

      pos = next;
    }

  return spans;
}

/**
 * rsh_segment_sentences:
 * @text: UTF-8 text whose paragraphs are separated by blank lines
 * @language: (nullable): a language code such as "en"; %NULL means English
 * @error: return location for a #GError
 *
 * Splits @text into sentences with ICU's sentence break rules and its list of
 * abbreviations that do not end a sentence ("Mr.", "U.S."). A sentence never spans
 * two paragraphs.
 *
 * Returns: (transfer full) (element-type RshSpan): the sentences, trimmed of white
 *   space, in code points, or %NULL with @error set
 */
GArray *
rsh_segment_sentences (const char  *text,
                       const char  *language,
                       GError     **error)
{
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autofree char *locale = NULL;
  UErrorCode status = U_ZERO_ERROR;
  Breaks breaks;
  Cursor cursor = { text, 0, 0 };
  guint para = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  paragraphs = rsh_segment_paragraphs (text);
  sentences = g_array_new (FALSE, FALSE, sizeof (RshSpan));

  /* "ss=standard" turns on ICU's suppression list of abbreviations. */
  locale = g_strdup_printf ("%s@ss=standard", language ? language : "en");
  if (!breaks_open (&breaks, text, len, locale, &status))
    {
      if (U_SUCCESS (status))
        status = U_INDEX_OUTOFBOUNDS_ERROR;
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   "Could not split the text into sentences: %s", u_errorName (status));
      breaks_close (&breaks);
      return NULL;
    }

  ubrk_first (breaks.iter);
  for (gsize start = 0, end = breaks_next (&breaks);
       end != G_MAXSIZE;
       start = end, end = breaks_next (&breaks))
    {
      gsize s = start;
      gsize e;

      while (end != G_MAXSIZE && end < len && is_false_break (text, s, end) &&
             find_blank_line (text + s, end - s) == NULL)
        end = breaks_next (&breaks);
      if (end == G_MAXSIZE)
        end = len;
      e = end;

      /* Cut at paragraph breaks ICU did not see as sentence ends (a heading). */
      while (s < e)
        {
          const char *blank = find_blank_line (text + s, e - s);
          gsize piece_end = blank ? (gsize) (blank - text) : e;
          gsize a = s;
          gsize b = piece_end;

          while (a < b && is_space_at (text, a))
            a = g_utf8_next_char (text + a) - text;
          while (b > a && is_space_at (text, g_utf8_prev_char (text + b) - text))
            b = g_utf8_prev_char (text + b) - text;

          if (b > a)
            {
              RshSpan span = { 0, };

              span.start = cursor_advance (&cursor, a);
              span.end = cursor_advance (&cursor, b);
              /* Sentences come in order, so the paragraph index only moves forward. */
              while (para + 1 < paragraphs->len &&
                     span.start >= g_array_index (paragraphs, RshSpan, para).end)
                para++;
              span.paragraph = para;
              g_array_append_val (sentences, span);
            }

          s = blank ? piece_end + 2 : e;
        }
    }

  breaks_close (&breaks);

  return g_steal_pointer (&sentences);
}

/**
 * rsh_substring:
 * @text: UTF-8 text
 * @start: first code point
 * @end: code point after the last one
 *
 * Returns: (transfer full): the code points [@start, @end) of @text
 */
char *
rsh_substring (const char *text,
               guint       start,
               guint       end)
{
  const char *a;
  const char *b;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  a = text;
  for (guint i = 0; i < start && *a; i++)
    a = g_utf8_next_char (a);
  b = a;
  for (guint i = start; i < end && *b; i++)
    b = g_utf8_next_char (b);

  return g_strndup (a, b - a);
}
