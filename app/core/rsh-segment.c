/* rsh-segment.c: paragraphs and sentences, in code points
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "rsh-error.h"
#include "rsh-segment.h"

/* Opening a sentence iterator builds ICU's rules and abbreviation list, which costs more
 * than splitting an article; each thread keeps the ones it opened, by locale. */
static GPrivate cached_iterators = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

/* Walks a UTF-8 string forward, converting byte offsets to code point offsets. Offsets
 * must be asked for in increasing order, which keeps the whole conversion linear. */
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
  while (cursor->byte < byte && cursor->text[cursor->byte] != '\0')
    {
      cursor->byte = g_utf8_next_char (cursor->text + cursor->byte) - cursor->text;
      cursor->chars++;
    }

  return cursor->chars;
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

/* Whether ICU's break at @end (bytes) falls after an abbreviation rather than a sentence. */
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

/* The calling thread's sentence iterator for @locale, set on @utext; owned by the thread. */
static UBreakIterator *
get_sentence_iterator (const char *locale,
                       UText      *utext,
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

  ubrk_setUText (iter, utext, status);

  return U_SUCCESS (*status) ? iter : NULL;
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
  UBreakIterator *iter = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UText *utext = NULL;
  Cursor cursor = { text, 0, 0 };
  guint para = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  paragraphs = rsh_segment_paragraphs (text);
  sentences = g_array_new (FALSE, FALSE, sizeof (RshSpan));

  /* "ss=standard" turns on ICU's suppression list of abbreviations. */
  locale = g_strdup_printf ("%s@ss=standard", language ? language : "en");
  utext = utext_openUTF8 (NULL, text, (int64_t) len, &status);
  if (U_SUCCESS (status))
    iter = get_sentence_iterator (locale, utext, &status);

  if (U_FAILURE (status))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   "Could not split the text into sentences: %s", u_errorName (status));
      utext_close (utext);
      return NULL;
    }

  for (int32_t start = ubrk_first (iter), end = ubrk_next (iter);
       end != UBRK_DONE;
       start = end, end = ubrk_next (iter))
    {
      gsize s = (gsize) start;
      gsize e;

      while (end != UBRK_DONE && (gsize) end < len && is_false_break (text, s, end) &&
             !g_strstr_len (text + s, end - s, "\n\n"))
        end = ubrk_next (iter);
      if (end == UBRK_DONE)
        end = (int32_t) len;
      e = (gsize) end;

      /* Cut at paragraph breaks ICU did not see as sentence ends (a heading). */
      while (s < e)
        {
          const char *blank = g_strstr_len (text + s, e - s, "\n\n");
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

  /* The iterator stays with the thread; it must not keep pointing at this text. */
  ubrk_setText (iter, NULL, 0, &status);
  utext_close (utext);

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
