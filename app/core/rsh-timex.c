/* rsh-timex.c: a TIMEX3 tagger and normaliser for news text
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "rsh-error.h"
#include "rsh-lexicon.h"
#include "rsh-segment.h"
#include "rsh-timex.h"

#define TIME_RESOURCE_PATH "/io/github/rashomon/Rashomon/lexicons/"
/* Longest phrase, in words, that the lexicon may hold. */
#define MAX_PHRASE_WORDS 5
/* How far, in tokens, the tense of a clause is looked for around an expression. */
#define TENSE_WINDOW_BEFORE 10
#define TENSE_WINDOW_AFTER 6
/* Texts are tagged in pieces of about this many bytes, cut at line breaks. */
#define CHUNK_BYTES 65536

G_DEFINE_BOXED_TYPE (RshTimex, rsh_timex, rsh_timex_copy, rsh_timex_free)

/* Word classes of the time lexicon, in the order of their keywords. */
typedef enum
{
  CLASS_MONTH,
  CLASS_WEEKDAY,
  CLASS_NUMBER,
  CLASS_ORDINAL,
  CLASS_UNIT,
  CLASS_SEASON,
  CLASS_PART_OF_DAY,
  CLASS_DAYREF,
  CLASS_DAYREF_NIGHT,
  CLASS_RELATIVE,
  CLASS_LASTPAST,
  CLASS_VAGUE,
  CLASS_MODIFIER,
  CLASS_AGO,
  CLASS_SET,
  CLASS_EVERY,
  CLASS_FUTURE,
  CLASS_PAST,
  CLASS_ZONE,
  CLASS_AMPM,
  CLASS_CLOCKWORD,
  CLASS_HOLIDAY,
  CLASS_YEARPREP,
  CLASS_FISCAL,
  CLASS_DETERMINER,
  N_CLASSES,
} WordClass;

static const struct
{
  const char *keyword;
  gboolean    has_arg;
} class_keywords[N_CLASSES] = {
  { "month", TRUE },
  { "weekday", TRUE },
  { "number", TRUE },
  { "ordinal", TRUE },
  { "unit", TRUE },
  { "season", TRUE },
  { "partofday", TRUE },
  { "dayref", TRUE },
  { "dayref-night", TRUE },
  { "relative", TRUE },
  { "lastpast", FALSE },
  { "vague", TRUE },
  { "modifier", TRUE },
  { "ago", FALSE },
  { "set", TRUE },
  { "every", FALSE },
  { "future", FALSE },
  { "past", FALSE },
  { "zone", TRUE },
  { "ampm", TRUE },
  { "clockword", TRUE },
  { "holiday", TRUE },
  { "yearprep", FALSE },
  { "fiscal", FALSE },
  { "determiner", FALSE },
};

typedef struct
{
  GHashTable *phrases[N_CLASSES];   /* phrase → argument (or "" when the class has none) */
  guint       max_words[N_CLASSES];
  GHashTable *dotted;               /* words written with a final period, "sept." */
} TimeLexicon;

typedef enum
{
  TOKEN_WORD,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  gsize      bstart;
  gsize      bend;
  guint      cstart;
  guint      cend;
  char      *norm;                 /* lower case */
  char      *phrase[MAX_PHRASE_WORDS];  /* phrase[k] = this and the k following words */
  TokenKind  kind;
  guint      capitalised : 1;
  guint      joined : 1;           /* follows a hyphen between two words: "mid-2015" */
  guint      adjacent : 1;         /* no space before it */
} Token;

typedef struct
{
  const char  *text;
  GArray      *tokens;
  TimeLexicon *lexicon;
  GDate        anchor;
  gboolean     has_anchor;
  /* the fiscal quarter a report is about, "the fiscal first quarter" (1989-Q1 for a year
   * that began in July), as the first such quarter named; 0 while none was */
  int          fiscal_year;
  int          fiscal_quarter;
  /* the last date the text named, as far as it says (month and day 0 when not): what "the
   * following month" and "the previous Friday" count from */
  int          ref_year;
  int          ref_month;
  int          ref_day;
} Tagger;

typedef struct
{
  guint         start;            /* tokens, end exclusive */
  guint         end;
  RshTimexType  type;
  char         *value;            /* nullable */
  /* the day a date match names, for combining with a clock time */
  GDate         day;
  gboolean      has_day;
  /* names a fiscal quarter: "the fiscal first quarter" */
  gboolean      names_fiscal;
  /* names a quarter by its number: "the third quarter", "third-quarter" */
  gboolean      names_quarter;
  /* "the quarter", "a year earlier": with a fiscal quarter named before, that quarter so
   * many years back rather than the calendar quarter of the value */
  gboolean      report_quarter;
  int           report_years_back;
} Match;

typedef gboolean (*Matcher) (Tagger *t,
                             guint   i,
                             Match  *m);

/* ---------------------------------------------------------------------------------------- */
/* The lexicon                                                                              */

static char *
normalize_item (const char *item)
{
  g_autofree char *lower = g_utf8_strdown (item, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (c == 0x2019)
        c = '\'';
      if (space && c != '\'')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static guint
count_words (const char *phrase)
{
  guint n = 1;

  for (const char *p = phrase; *p; p++)
    if (*p == ' ' || (*p == '\'' && p != phrase))
      n++;

  return n;
}

static void
time_lexicon_free (TimeLexicon *self)
{
  for (guint c = 0; c < N_CLASSES; c++)
    g_clear_pointer (&self->phrases[c], g_hash_table_unref);
  g_clear_pointer (&self->dotted, g_hash_table_unref);
  g_free (self);
}

static TimeLexicon *
time_lexicon_parse (GBytes  *bytes,
                    GError **error)
{
  TimeLexicon *self = g_new0 (TimeLexicon, 1);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *copy = g_strndup (data, size);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint c = 0; c < N_CLASSES; c++)
    self->phrases[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->dotted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[n]));
      g_auto(GStrv) head = NULL;
      g_auto(GStrv) items = NULL;
      char *colon;
      int klass = -1;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      /* the argument may hold colons itself ("zone -05:00: est"): the separator is the first
       * colon followed by a space */
      colon = strstr (line, ": ");
      if (colon == NULL && g_str_has_suffix (line, ":"))
        colon = line + strlen (line) - 1;
      if (colon == NULL)
        goto malformed;
      *colon = '\0';
      head = g_strsplit_set (g_strstrip (line), " \t", -1);

      if (g_strcmp0 (head[0], "language") == 0)
        continue;

      for (guint c = 0; c < N_CLASSES; c++)
        if (g_strcmp0 (head[0], class_keywords[c].keyword) == 0)
          klass = c;
      if (klass < 0 || (class_keywords[klass].has_arg != (head[1] != NULL && *head[1])))
        goto malformed;

      items = g_strsplit (colon + 1, ",", -1);
      for (guint k = 0; items[k] != NULL; k++)
        {
          char *item = normalize_item (g_strstrip (items[k]));
          guint words;

          if (*item == '\0')
            {
              g_free (item);
              continue;
            }
          words = count_words (item);
          if (words > MAX_PHRASE_WORDS)
            {
              g_free (item);
              goto malformed;
            }
          self->max_words[klass] = MAX (self->max_words[klass], words);
          if (g_str_has_suffix (item, "."))
            {
              const char *last = strrchr (item, ' ');

              g_hash_table_add (self->dotted, g_strdup (last ? last + 1 : item));
            }
          g_hash_table_replace (self->phrases[klass], item,
                                g_strdup (class_keywords[klass].has_arg ? head[1] : ""));
        }
      continue;

    malformed:
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("The time lexicon is malformed at line %u"), n + 1);
      time_lexicon_free (self);
      return NULL;
    }

  return self;
}

static TimeLexicon *
time_lexicon_get (const char  *language,
                  GError     **error)
{
  static GHashTable *lexicons;   /* language → TimeLexicon, never freed */
  G_LOCK_DEFINE_STATIC (lexicons);
  g_autofree char *code = g_ascii_strdown (language && *language ? language : "en", -1);
  TimeLexicon *self;

  for (char *p = code; *p; p++)
    if (!g_ascii_isalpha (*p))
      {
        *p = '\0';
        break;
      }
  if (*code == '\0')
    {
      g_free (code);
      code = g_strdup ("en");
    }

  /* The default lexicon registers the engine's resource bundle, which holds ours too. */
  {
    RshLexicon *words = rsh_lexicon_load_default ("en", error);

    if (words == NULL)
      return NULL;
    rsh_lexicon_unref (words);
  }

  G_LOCK (lexicons);
  if (lexicons == NULL)
    lexicons = g_hash_table_new (g_str_hash, g_str_equal);

  self = g_hash_table_lookup (lexicons, code);
  if (self == NULL)
    {
      g_autofree char *path = g_strconcat (TIME_RESOURCE_PATH, code, ".time", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);

      if (bytes == NULL)
        {
          g_autofree char *fallback = g_strconcat (TIME_RESOURCE_PATH, "en.time", NULL);

          bytes = g_resources_lookup_data (fallback, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        }
      if (bytes == NULL)
        {
          G_UNLOCK (lexicons);
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("No time lexicon is bundled for “%s” nor for English"), code);
          return NULL;
        }
      self = time_lexicon_parse (bytes, error);
      if (self == NULL)
        {
          G_UNLOCK (lexicons);
          return NULL;
        }
      g_hash_table_insert (lexicons, g_strdup (code), self);
    }
  G_UNLOCK (lexicons);

  return self;
}

/* ---------------------------------------------------------------------------------------- */
/* Tokens                                                                                   */

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->norm);
  for (guint k = 0; k < MAX_PHRASE_WORDS; k++)
    g_free (token->phrase[k]);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static GArray *
tokenize (const char  *text,
          TimeLexicon *lexicon)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  guint chars = 0;
  gboolean space = TRUE;
  gboolean joined = FALSE;

  g_array_set_clear_func (tokens, token_clear);

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { 0 };
      const char *q;
      guint qchars;

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          joined = FALSE;
          p = g_utf8_next_char (p);
          chars++;
          continue;
        }

      token.bstart = p - text;
      token.cstart = chars;
      token.adjacent = !space;
      token.joined = joined;
      joined = FALSE;
      space = FALSE;
      q = p;
      qchars = chars;

      if (is_word_char (c) || (is_apostrophe (c) && tokens->len > 0 && token.adjacent &&
                               g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (p)))))
        {
          gboolean digits = g_unichar_isdigit (c);
          gboolean letters = FALSE;

          /* a word, or an apostrophe suffix such as 's or 'll */
          do
            {
              gunichar d = g_utf8_get_char (q);

              if (g_unichar_isalpha (d))
                letters = TRUE;
              q = g_utf8_next_char (q);
              qchars++;
            }
          while (*q && is_word_char (g_utf8_get_char (q)));

          /* letter-dot-letter-dot abbreviations: a.m., p.m., U.S. */
          if (qchars - chars == 1 && letters && q[0] == '.' &&
              g_ascii_isalpha (q[1]) && !is_word_char (g_utf8_get_char (q + 2)))
            {
              while (q[0] == '.' && g_ascii_isalpha (q[1]) &&
                     !is_word_char (g_utf8_get_char (q + 2)))
                {
                  q += 2;
                  qchars += 2;
                }
              if (q[0] == '.')
                {
                  q++;
                  qchars++;
                }
            }

          token.kind = digits && !letters ? TOKEN_NUMBER : TOKEN_WORD;
          if (digits && letters)
            token.kind = TOKEN_WORD;
          token.capitalised = g_unichar_isupper (c);
        }
      else
        {
          q = g_utf8_next_char (q);
          qchars++;
          token.kind = TOKEN_PUNCT;
        }

      {
        g_autofree char *raw = g_strndup (p, q - p);
        char *lower = g_utf8_strdown (raw, -1);

        if (is_apostrophe (c) && token.kind != TOKEN_PUNCT)
          {
            char *fixed = g_strconcat ("'", g_utf8_next_char (lower), NULL);

            g_free (lower);
            lower = fixed;
          }
        else if (is_apostrophe (c))
          {
            g_free (lower);
            lower = g_strdup ("'");
          }

        /* a final period that belongs to the word: "Sept." */
        if (token.kind == TOKEN_WORD && q[0] == '.' && !g_str_has_suffix (lower, "."))
          {
            g_autofree char *dotted = g_strconcat (lower, ".", NULL);

            if (g_hash_table_contains (lexicon->dotted, dotted))
              {
                q++;
                qchars++;
                g_free (lower);
                lower = g_steal_pointer (&dotted);
              }
          }
        token.norm = lower;
      }

      token.bend = q - text;
      token.cend = qchars;
      p = q;
      chars = qchars;

      /* a hyphen between two words joins them and is no token */
      if (token.kind != TOKEN_PUNCT && p[0] == '-' && p[1] != '\0' &&
          is_word_char (g_utf8_get_char (p + 1)))
        {
          p++;
          chars++;
          joined = TRUE;
        }

      g_array_append_val (tokens, token);
    }

  /* Phrases of up to MAX_PHRASE_WORDS words, as the lexicon writes them. */
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *first = &g_array_index (tokens, Token, i);
      GString *phrase;

      if (first->kind == TOKEN_PUNCT)
        continue;
      phrase = g_string_new (first->norm);
      first->phrase[0] = g_strdup (phrase->str);
      for (guint k = 1; k < MAX_PHRASE_WORDS && i + k < tokens->len; k++)
        {
          Token *next = &g_array_index (tokens, Token, i + k);

          if (next->kind == TOKEN_PUNCT)
            break;
          if (next->norm[0] != '\'')
            g_string_append_c (phrase, ' ');
          g_string_append (phrase, next->norm);
          first->phrase[k] = g_strdup (phrase->str);
        }
      g_string_free (phrase, TRUE);
    }

  return tokens;
}

/* ---------------------------------------------------------------------------------------- */
/* Token helpers                                                                            */

static Token *
tok (Tagger *t,
     guint   i)
{
  if (i >= t->tokens->len)
    return NULL;
  return &g_array_index (t->tokens, Token, i);
}

static gboolean
is_word (Tagger     *t,
         guint       i,
         const char *word)
{
  Token *token = tok (t, i);

  return token != NULL && token->kind != TOKEN_PUNCT && strcmp (token->norm, word) == 0;
}

static gboolean
is_punct (Tagger     *t,
          guint       i,
          const char *punct)
{
  Token *token = tok (t, i);

  return token != NULL && token->kind == TOKEN_PUNCT && strcmp (token->norm, punct) == 0;
}

/* The longest phrase of @klass starting at token @i: its argument, and its end in @end. */
static const char *
lookup (Tagger    *t,
        guint      i,
        WordClass  klass,
        guint     *end)
{
  Token *token = tok (t, i);
  guint max = t->lexicon->max_words[klass];

  if (token == NULL || token->kind == TOKEN_PUNCT)
    return NULL;

  for (guint k = MIN (max, MAX_PHRASE_WORDS); k > 0; k--)
    {
      const char *phrase = token->phrase[k - 1];
      const char *arg;

      if (phrase == NULL)
        continue;
      arg = g_hash_table_lookup (t->lexicon->phrases[klass], phrase);
      if (arg != NULL)
        {
          if (end)
            *end = i + k;
          return arg;
        }
    }

  return NULL;
}

static gboolean
has (Tagger    *t,
     guint      i,
     WordClass  klass)
{
  return lookup (t, i, klass, NULL) != NULL;
}

static gboolean
all_digits (const char *s,
            guint       min,
            guint       max)
{
  guint n = strlen (s);

  if (n < min || n > max)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Whether @s begins with @n ASCII digits. */
static gboolean
all_digits_prefix (const char *s,
                   guint       n)
{
  for (guint k = 0; k < n; k++)
    if (!g_ascii_isdigit (s[k]))
      return FALSE;
  return TRUE;
}

/* A cardinal number, written in digits or words ("twenty-four"). @vague is set for "several". */
static gboolean
parse_number (Tagger   *t,
              guint     i,
              guint    *end,
              int      *n,
              gboolean *vague)
{
  Token *token = tok (t, i);
  const char *arg;
  guint j;

  *vague = FALSE;
  if (token == NULL)
    return FALSE;

  if (token->kind == TOKEN_NUMBER && all_digits (token->norm, 1, 4))
    {
      *n = atoi (token->norm);
      *end = i + 1;
      return TRUE;
    }

  arg = lookup (t, i, CLASS_NUMBER, &j);
  if (arg == NULL)
    return FALSE;
  if (strcmp (arg, "X") == 0)
    {
      *vague = TRUE;
      *n = 0;
      *end = j;
      return TRUE;
    }
  *n = atoi (arg);
  *end = j;

  if (*n >= 20 && *n < 100 && *n % 10 == 0)
    {
      guint k;
      const char *ones = lookup (t, j, CLASS_NUMBER, &k);

      if (ones != NULL && k == j + 1 && atoi (ones) >= 1 && atoi (ones) <= 9 &&
          !is_word (t, j, "a") && !is_word (t, j, "an"))
        {
          *n += atoi (ones);
          *end = k;
        }
    }

  return TRUE;
}

/* An ordinal: "third", "3rd", "twenty-first". */
static gboolean
parse_ordinal (Tagger *t,
               guint   i,
               guint  *end,
               int    *n)
{
  Token *token = tok (t, i);
  const char *arg;
  guint j;

  if (token == NULL || token->kind == TOKEN_PUNCT)
    return FALSE;

  if (g_ascii_isdigit (token->norm[0]))
    {
      char *suffix = NULL;
      long value = strtol (token->norm, &suffix, 10);

      if (suffix && (strcmp (suffix, "st") == 0 || strcmp (suffix, "nd") == 0 ||
                     strcmp (suffix, "rd") == 0 || strcmp (suffix, "th") == 0))
        {
          *n = value;
          *end = i + 1;
          return TRUE;
        }
      return FALSE;
    }

  arg = lookup (t, i, CLASS_ORDINAL, &j);
  if (arg != NULL)
    {
      *n = atoi (arg);
      *end = j;
      return TRUE;
    }

  /* "twenty-first" */
  arg = lookup (t, i, CLASS_NUMBER, &j);
  if (arg != NULL && j == i + 1 && atoi (arg) >= 20 && atoi (arg) <= 30)
    {
      const char *ones = lookup (t, j, CLASS_ORDINAL, end);

      if (ones != NULL && *end == j + 1 && atoi (ones) <= 9)
        {
          *n = atoi (arg) + atoi (ones);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_day_of_month (Tagger *t,
                    guint   i,
                    guint  *end,
                    int    *day)
{
  Token *token = tok (t, i);

  if (token == NULL)
    return FALSE;
  if (token->kind == TOKEN_NUMBER && all_digits (token->norm, 1, 2))
    {
      *day = atoi (token->norm);
      *end = i + 1;
      return *day >= 1 && *day <= 31;
    }
  if (parse_ordinal (t, i, end, day))
    return *day >= 1 && *day <= 31;
  return FALSE;
}

static gboolean
parse_year (Tagger *t,
            guint   i,
            int    *year)
{
  Token *token = tok (t, i);

  if (token == NULL || token->kind != TOKEN_NUMBER || !all_digits (token->norm, 4, 4))
    return FALSE;
  *year = atoi (token->norm);
  return *year >= 1000 && *year <= 2999;
}

/* A month name, which must be capitalised. "May" and abbreviations without a period only
 * count next to another date word, a number, or a preposition that takes dates. */
static gboolean
parse_month (Tagger   *t,
             guint     i,
             guint    *end,
             int      *month,
             gboolean  need_context)
{
  Token *token = tok (t, i);
  const char *arg;

  if (token == NULL || token->kind != TOKEN_WORD || !token->capitalised)
    return FALSE;
  arg = lookup (t, i, CLASS_MONTH, end);
  if (arg == NULL || *end != i + 1)
    return FALSE;
  *month = atoi (arg);

  if (need_context && (strcmp (token->norm, "may") == 0 ||
                       (strlen (token->norm) <= 4 && !g_str_has_suffix (token->norm, "."))))
    {
      Token *prev = i > 0 ? tok (t, i - 1) : NULL;
      Token *next = tok (t, i + 1);

      if (next != NULL && next->kind == TOKEN_NUMBER)
        return TRUE;
      if (prev != NULL && (has (t, i - 1, CLASS_YEARPREP) || has (t, i - 1, CLASS_RELATIVE) ||
                           has (t, i - 1, CLASS_MODIFIER)) &&
          strcmp (prev->norm, "and") != 0 && strcmp (prev->norm, "or") != 0 &&
          strcmp (prev->norm, "to") != 0)
        return TRUE;
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_sentence_break (Token *token)
{
  return token->kind == TOKEN_PUNCT &&
         (strcmp (token->norm, ".") == 0 || strcmp (token->norm, "!") == 0 ||
          strcmp (token->norm, "?") == 0 || strcmp (token->norm, ";") == 0 ||
          strcmp (token->norm, "\n") == 0);
}

/* Whether the future word at @i is itself in the past: "had been due to", "had planned". */
static gboolean
future_in_past (Tagger *t,
                guint   i)
{
  return (i >= 1 && is_word (t, i - 1, "had")) ||
         (i >= 2 && is_word (t, i - 1, "been") && is_word (t, i - 2, "had"));
}

static gboolean
is_auxiliary (Tagger *t,
              guint   i)
{
  static const char *const words[] = { "be", "been", "being", "is", "are", "am", "has",
                                       "have", "'s", "'re", "'ve" };

  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (is_word (t, i, words[k]))
      return TRUE;
  return FALSE;
}

/* The tense of the clause around tokens [@start, @end): 1 future ("will meet Friday"), -2
 * past by a past word of the lexicon ("said", "had been due to"), -1 past by a word ending
 * in "-ed" (which may be a participle: "expected in May"), 0 unknown. The nearest tense word
 * before wins, then the nearest after. */
static int
clause_tense (Tagger *t,
              guint   start,
              guint   end)
{
  gboolean weak_past = FALSE;

  for (guint k = 1; k <= TENSE_WINDOW_BEFORE && k <= start; k++)
    {
      Token *token = tok (t, start - k);

      if (is_sentence_break (token))
        break;
      if (token->kind == TOKEN_PUNCT)
        continue;
      if (has (t, start - k, CLASS_FUTURE))
        return future_in_past (t, start - k) ? -2 : 1;
      if (has (t, start - k, CLASS_PAST))
        return -2;
      if (token->kind == TOKEN_WORD && !token->capitalised && strlen (token->norm) > 4 &&
          g_str_has_suffix (token->norm, "ed"))
        {
          /* a participle after "be", "is", "has" ("will be named") leaves the tense to the
           * words before it */
          if (start - k > 0 && is_auxiliary (t, start - k - 1))
            continue;
          /* a verb in -ed may be a participle ("as soon as trading opened" after "likely
           * to"): a tense word further back still decides */
          weak_past = TRUE;
        }
    }
  if (weak_past)
    return -1;

  for (guint k = end; k < end + TENSE_WINDOW_AFTER && k < t->tokens->len; k++)
    {
      Token *token = tok (t, k);

      if (is_sentence_break (token))
        break;
      if (token->kind == TOKEN_PUNCT)
        continue;
      if (has (t, k, CLASS_FUTURE))
        return future_in_past (t, k) ? -2 : 1;
      if (has (t, k, CLASS_PAST))
        return -2;
      if (token->kind == TOKEN_WORD && !token->capitalised && strlen (token->norm) > 4 &&
          g_str_has_suffix (token->norm, "ed"))
        return -1;
    }

  return 0;
}

static gboolean
is_future (Tagger *t,
           guint   start,
           guint   end)
{
  return clause_tense (t, start, end) > 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Values                                                                                   */

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_week (const GDate *date)
{
  GDate thursday = *date;
  int weekday = g_date_get_weekday (date);

  /* ISO weeks belong to the year of their Thursday */
  if (weekday < 4)
    g_date_add_days (&thursday, 4 - weekday);
  else if (weekday > 4)
    g_date_subtract_days (&thursday, weekday - 4);

  return g_strdup_printf ("%04d-W%02u", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (date));
}

static int
quarter_of (const GDate *date)
{
  return (g_date_get_month (date) - 1) / 3 + 1;
}

/* The calendar unit @unit shifted @n times from the anchor, at that unit's granularity:
 * ("Y", -1) is last year, ("W", 0) this week. */
static char *
shift_value (Tagger     *t,
             const char *unit,
             int         n)
{
  GDate date = t->anchor;
  int year;

  if (!t->has_anchor)
    return NULL;
  year = g_date_get_year (&date);

  if (strcmp (unit, "D") == 0 || strcmp (unit, "H") == 0 || strcmp (unit, "MIN") == 0 ||
      strcmp (unit, "S") == 0)
    {
      if (strcmp (unit, "D") == 0)
        {
          if (n < 0)
            g_date_subtract_days (&date, -n);
          else
            g_date_add_days (&date, n);
        }
      return format_day (&date);
    }
  if (strcmp (unit, "W") == 0 || strcmp (unit, "WE") == 0)
    {
      g_autofree char *week = NULL;

      if (n < 0)
        g_date_subtract_days (&date, -7 * n);
      else
        g_date_add_days (&date, 7 * n);
      week = format_week (&date);
      return strcmp (unit, "WE") == 0 ? g_strconcat (week, "-WE", NULL) : g_steal_pointer (&week);
    }
  if (strcmp (unit, "M") == 0)
    {
      if (n < 0)
        g_date_subtract_months (&date, -n);
      else
        g_date_add_months (&date, n);
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&date), g_date_get_month (&date));
    }
  if (strcmp (unit, "Q") == 0)
    {
      int index = year * 4 + quarter_of (&date) - 1 + n;

      return g_strdup_printf ("%04d-Q%d", index / 4, index % 4 + 1);
    }
  if (strcmp (unit, "H1") == 0)
    {
      int index = year * 2 + (g_date_get_month (&date) > 6) + n;

      return g_strdup_printf ("%04d-H%d", index / 2, index % 2 + 1);
    }
  if (strcmp (unit, "DE") == 0)
    return g_strdup_printf ("%03d", year / 10 + n);
  if (strcmp (unit, "CE") == 0)
    return g_strdup_printf ("%02d", year / 100 + n);

  return g_strdup_printf ("%04d", year + n);
}

/* The quarter @back quarters before the anchor's, "1988-Q3" */
static char *
quarter_back (Tagger *t,
              int     back)
{
  int index;

  if (!t->has_anchor)
    return NULL;
  index = g_date_get_year (&t->anchor) * 4 + quarter_of (&t->anchor) - 1 - back;
  return g_strdup_printf ("%04d-Q%d", index / 4, index % 4 + 1);
}

static char *
duration_value (const char *unit,
                int         n,
                gboolean    vague)
{
  g_autofree char *count = vague ? g_strdup ("X") : g_strdup_printf ("%d", n);

  if (strcmp (unit, "H") == 0)
    return g_strdup_printf ("PT%sH", count);
  if (strcmp (unit, "MIN") == 0)
    return g_strdup_printf ("PT%sM", count);
  if (strcmp (unit, "S") == 0)
    return g_strdup_printf ("PT%sS", count);
  if (strcmp (unit, "WE") == 0)
    return vague ? g_strdup ("PXWE") : g_strdup_printf ("P%dD", 2 * n);
  if (strcmp (unit, "H1") == 0)
    return vague ? g_strdup ("PXM") : g_strdup_printf ("P%dM", 6 * n);
  if (strcmp (unit, "DE") == 0)
    return vague ? g_strdup ("PXDE") : g_strdup_printf ("P%dY", 10 * n);
  if (strcmp (unit, "CE") == 0)
    return vague ? g_strdup ("PXCE") : g_strdup_printf ("P%dY", 100 * n);
  return g_strdup_printf ("P%s%s", count, unit);
}

/* The year of @month/@day seen from the anchor: the latest such day up to four months after
 * the anchor ("Dec. 15" in a January article is last December, "January" in an October one
 * next January); in a clause about the future (@tense 1), the first from a week before the
 * anchor on. A month alone (@day 0) in a clause a past word puts in the past (@tense -2) is
 * the latest that has begun ("bought it in January" in October). */
static int
guess_year (Tagger   *t,
            int       month,
            int       day,
            int       tense)
{
  int year = g_date_get_year (&t->anchor);

  if (tense <= -2 && day <= 0)
    return month <= (int) g_date_get_month (&t->anchor) ? year : year - 1;
  if (day <= 0)
    day = 15;
  if (tense > 0)
    {
      for (int y = year - 1; y <= year + 1; y++)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, MIN (day, g_date_get_days_in_month (month, y)), month, y);
          if (g_date_days_between (&t->anchor, &date) >= -7)
            return y;
        }
      return year + 1;
    }

  for (int y = year + 1; y >= year - 1; y--)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, MIN (day, g_date_get_days_in_month (month, y)), month, y);
      if (g_date_days_between (&t->anchor, &date) <= 120)
        return y;
    }
  return year - 1;
}

static char *
date_value (Tagger *t,
            int     year,
            int     month,
            int     day,
            Match  *m)
{
  g_assert (m->end > m->start);

  if (year <= 0 && !t->has_anchor)
    {
      if (month <= 0)
        return NULL;
      if (day <= 0)
        return g_strdup_printf ("XXXX-%02d", month);
      return g_strdup_printf ("XXXX-%02d-%02d", month, day);
    }
  if (year <= 0)
    year = guess_year (t, month, day, clause_tense (t, m->start, m->end));
  if (month <= 0)
    return g_strdup_printf ("%04d", year);
  if (day <= 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  g_date_clear (&m->day, 1);
  g_date_set_dmy (&m->day, day, month, year);
  m->has_day = TRUE;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The @weekday (1 = Monday) nearest @from in direction @direction: -1 on or before, 1 on
 * or after; -2 and 2 exclude the day itself ("last Friday"). */
static void
weekday_from (const GDate *from,
              int          weekday,
              int          direction,
              GDate       *out)
{
  int from_weekday;
  int delta;

  *out = *from;
  from_weekday = g_date_get_weekday (from);
  if (direction < 0)
    {
      delta = (from_weekday - weekday + 7) % 7;
      if (delta == 0 && direction == -2)
        delta = 7;
      g_date_subtract_days (out, delta);
    }
  else
    {
      delta = (weekday - from_weekday + 7) % 7;
      if (delta == 0 && direction == 2)
        delta = 7;
      g_date_add_days (out, delta);
    }
}

static gboolean
weekday_date (Tagger *t,
              int     weekday,
              int     direction,
              GDate  *out)
{
  if (!t->has_anchor)
    return FALSE;
  weekday_from (&t->anchor, weekday, direction, out);
  return TRUE;
}

/* The reference day ("the previous day" counts from it): the last day the text named, else
 * the anchor. */
static gboolean
reference_day (Tagger *t,
               GDate  *out)
{
  g_date_clear (out, 1);
  if (t->ref_day > 0 && g_date_valid_dmy (t->ref_day, t->ref_month, t->ref_year))
    {
      g_date_set_dmy (out, t->ref_day, t->ref_month, t->ref_year);
      return TRUE;
    }
  if (!t->has_anchor)
    return FALSE;
  *out = t->anchor;
  return TRUE;
}

/* Remembers the date @value names, if it is one ("2017", "2017-09", "2017-09-13T10:00"), as
 * the reference of later expressions. */
static void
note_reference (Tagger     *t,
                const char *value)
{
  int year = 0, month = 0, day = 0;
  gsize n;

  if (value == NULL || !all_digits_prefix (value, 4))
    return;
  n = strcspn (value, "T");
  if (n == 4)
    year = atoi (value);
  else if (n == 7 && value[4] == '-' && all_digits_prefix (value + 5, 2))
    sscanf (value, "%4d-%2d", &year, &month);
  else if (n == 10 && value[4] == '-' && value[7] == '-' && all_digits_prefix (value + 5, 2))
    sscanf (value, "%4d-%2d-%2d", &year, &month, &day);
  else
    return;
  t->ref_year = year;
  t->ref_month = month;
  t->ref_day = day;
}

/* The calendar @unit (D, W, M or Y) @n times from the reference: "the following month" is
 * the month after the last one the text named. The day, when the value is one, goes in @m. */
static char *
reference_shift (Tagger     *t,
                 const char *unit,
                 int         n,
                 Match      *m)
{
  GDate day;
  int year, month;

  if (strcmp (unit, "D") == 0 || strcmp (unit, "W") == 0)
    {
      if (!reference_day (t, &day))
        return NULL;
      n *= strcmp (unit, "W") == 0 ? 7 : 1;
      if (n < 0)
        g_date_subtract_days (&day, -n);
      else
        g_date_add_days (&day, n);
      if (strcmp (unit, "W") == 0)
        return format_week (&day);
      m->day = day;
      m->has_day = TRUE;
      return format_day (&day);
    }
  if (t->ref_year > 0)
    {
      year = t->ref_year;
      month = t->ref_month;
    }
  else if (t->has_anchor)
    {
      year = g_date_get_year (&t->anchor);
      month = g_date_get_month (&t->anchor);
    }
  else
    return NULL;
  if (strcmp (unit, "Y") == 0)
    return g_strdup_printf ("%04d", year + n);
  if (month <= 0)
    return NULL;
  month += n - 1;
  year += month >= 0 ? month / 12 : (month - 11) / 12;
  month = ((month % 12) + 12) % 12 + 1;
  return g_strdup_printf ("%04d-%02d", year, month);
}

static int
season_start_month (const char *season)
{
  if (strcmp (season, "SP") == 0)
    return 3;
  if (strcmp (season, "SU") == 0)
    return 6;
  if (strcmp (season, "FA") == 0)
    return 9;
  return 12;
}

/* The year of the season @season that is last (-1), this (0) or next (1) from the anchor. */
static int
season_year (Tagger     *t,
             const char *season,
             int         relative)
{
  int year = g_date_get_year (&t->anchor);
  int month = g_date_get_month (&t->anchor);
  int start = season_start_month (season);
  /* months since the season of this year began; winter started last December in Jan/Feb */
  int since = month - start;
  int season_year_now = year;

  if (start == 12 && month <= 2)
    {
      season_year_now = year - 1;
      since = month + 12 - start;
    }

  if (relative < 0)
    return season_year_now - 1;
  if (relative > 0)
    return since < 0 ? season_year_now : season_year_now + 1;
  return season_year_now;
}

/* ---------------------------------------------------------------------------------------- */
/* Matchers: each recognises one kind of expression starting at token @i.                  */

static gboolean match_weekday (Tagger *t, guint i, Match *m);
static gboolean match_dayref (Tagger *t, guint i, Match *m);
static gboolean match_month_date (Tagger *t, guint i, Match *m);
static gboolean sentence_has_word (Tagger *t, guint i, const char *word);
static gboolean match_duration (Tagger *t, guint i, Match *m);

/* A clock time: "3 p.m.", "10:30", "noon". */
static gboolean
parse_clock (Tagger *t,
             guint   i,
             guint  *end,
             int    *hour,
             int    *minute)
{
  Token *token = tok (t, i);
  const char *arg;
  guint j = i;
  gboolean has_minutes = FALSE;

  if (token == NULL)
    return FALSE;

  arg = lookup (t, i, CLASS_CLOCKWORD, end);
  if (arg != NULL)
    {
      sscanf (arg, "%d:%d", hour, minute);
      return TRUE;
    }

  if (token->kind != TOKEN_NUMBER || !all_digits (token->norm, 1, 2))
    return FALSE;
  *hour = atoi (token->norm);
  *minute = 0;
  j = i + 1;

  if ((is_punct (t, j, ":") || is_punct (t, j, ".")) && tok (t, j)->adjacent &&
      tok (t, j + 1) != NULL && tok (t, j + 1)->adjacent &&
      tok (t, j + 1)->kind == TOKEN_NUMBER && all_digits (tok (t, j + 1)->norm, 2, 2))
    {
      *minute = atoi (tok (t, j + 1)->norm);
      has_minutes = TRUE;
      j += 2;
    }

  arg = lookup (t, j, CLASS_AMPM, end);
  if (arg != NULL)
    {
      if (*hour < 1 || *hour > 12)
        return FALSE;
      if (strcmp (arg, "PM") == 0 && *hour < 12)
        *hour += 12;
      else if (strcmp (arg, "AM") == 0 && *hour == 12)
        *hour = 0;
    }
  else if (has_minutes && is_punct (t, i + 1, ":"))
    *end = j;
  else
    return FALSE;

  return *hour <= 24 && *minute < 60;
}

static char *
clock_value (Tagger     *t,
             const GDate *day,
             int         hour,
             int         minute,
             const char *zone)
{
  g_autofree char *date = NULL;
  const char *suffix = zone ? (strcmp (zone, "Z") == 0 ? "Z" : zone) : "";

  if (day != NULL)
    date = format_day (day);
  else if (t->has_anchor)
    date = format_day (&t->anchor);
  else
    date = g_strdup ("XXXX-XX-XX");

  return g_strdup_printf ("%sT%02d:%02d%s", date, hour, minute, suffix);
}

/* "3 p.m. EST", "10 p.m. Wednesday", "5 p.m. EST, Nov. 9" */
static gboolean
match_time (Tagger *t,
            guint   i,
            Match  *m)
{
  int hour, minute;
  guint j;
  guint k;
  const char *zone;
  Match day = { 0 };
  guint d;
  gboolean found;
  gboolean weekday = FALSE;

  if (!parse_clock (t, i, &j, &hour, &minute))
    return FALSE;

  zone = lookup (t, j, CLASS_ZONE, &k);
  if (zone != NULL)
    j = k;

  d = j;
  if (is_punct (t, d, ",") || is_word (t, d, "on"))
    d++;
  day.start = d;
  found = match_month_date (t, d, &day);
  if (!found)
    found = weekday = match_weekday (t, d, &day);
  if (!found)
    found = match_dayref (t, d, &day);
  if (found && day.has_day)
    {
      /* "will leave at 4 a.m. Thursday": the tense is sought from the clock on */
      if (weekday)
        weekday_date (t, atoi (lookup (t, d, CLASS_WEEKDAY, NULL)),
                      is_future (t, i, day.end) ? 1 : -1, &day.day);
      j = day.end;
    }
  else
    day.has_day = FALSE;

  /* a time without a day is on the day the text last named, else the anchor's */
  if (!day.has_day && reference_day (t, &day.day))
    day.has_day = TRUE;
  m->end = j;
  m->type = RSH_TIMEX_TIME;
  m->value = clock_value (t, day.has_day ? &day.day : NULL, hour, minute, zone);
  g_free (day.value);
  return TRUE;
}

/* After a day: "Tuesday morning", "yesterday at 3 p.m." */
static void
extend_day (Tagger *t,
            Match  *m)
{
  const char *part;
  guint j;
  int hour, minute;

  part = lookup (t, m->end, CLASS_PART_OF_DAY, &j);
  if (part != NULL)
    {
      char *value = m->value ? g_strdup_printf ("%sT%s", m->value, part) : NULL;

      g_free (m->value);
      m->value = value;
      m->end = j;
      m->type = RSH_TIMEX_TIME;
      return;
    }

  j = m->end;
  if (is_word (t, j, "at"))
    j++;
  if (parse_clock (t, j, &j, &hour, &minute))
    {
      const char *zone = lookup (t, j, CLASS_ZONE, &j);

      g_free (m->value);
      m->value = m->has_day ? clock_value (t, &m->day, hour, minute, zone) : NULL;
      m->end = j;
      m->type = RSH_TIMEX_TIME;
    }
}

static gboolean
match_numeric_date (Tagger *t,
                    guint   i,
                    Match  *m)
{
  Token *a = tok (t, i);
  Token *b, *c, *s1, *s2;
  int year, month, day;

  if (a == NULL || a->kind != TOKEN_NUMBER)
    return FALSE;

  /* 2017-09-13 */
  b = tok (t, i + 1);
  c = tok (t, i + 2);
  if (all_digits (a->norm, 4, 4) && b && c && b->joined && c->joined &&
      b->kind == TOKEN_NUMBER && c->kind == TOKEN_NUMBER &&
      all_digits (b->norm, 2, 2) && all_digits (c->norm, 2, 2))
    {
      year = atoi (a->norm);
      month = atoi (b->norm);
      day = atoi (c->norm);
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      m->end = i + 3;
      m->type = RSH_TIMEX_DATE;
      m->value = date_value (t, year, month, day, m);
      return TRUE;
    }

  /* 9/13/2017, 9/13/17: month first, the sense of American English */
  s1 = tok (t, i + 1);
  b = tok (t, i + 2);
  s2 = tok (t, i + 3);
  c = tok (t, i + 4);
  if (s1 && b && s2 && c && s1->adjacent && b->adjacent && s2->adjacent && c->adjacent &&
      strcmp (s1->norm, "/") == 0 && strcmp (s2->norm, "/") == 0 &&
      b->kind == TOKEN_NUMBER && c->kind == TOKEN_NUMBER &&
      all_digits (a->norm, 1, 2) && all_digits (b->norm, 1, 2) &&
      (all_digits (c->norm, 2, 2) || all_digits (c->norm, 4, 4)))
    {
      month = atoi (a->norm);
      day = atoi (b->norm);
      year = atoi (c->norm);
      if (strlen (c->norm) == 2)
        {
          int century = t->has_anchor ? g_date_get_year (&t->anchor) / 100 * 100 : 2000;

          year += century;
          if (t->has_anchor && year > g_date_get_year (&t->anchor) + 10)
            year -= 100;
        }
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      m->end = i + 5;
      m->type = RSH_TIMEX_DATE;
      m->value = date_value (t, year, month, day, m);
      return TRUE;
    }

  return FALSE;
}

/* A year said in words, as broadcasts transcribe it: "nineteen ninety-six". */
static gboolean
parse_spoken_year (Tagger *t,
                   guint   i,
                   guint  *end,
                   int    *year)
{
  int high, low;
  gboolean vague;
  guint k;

  if (tok (t, i) == NULL || tok (t, i)->kind != TOKEN_WORD ||
      !parse_number (t, i, &k, &high, &vague) || vague || k != i + 1 ||
      (high != 18 && high != 19 && high != 20) || tok (t, k) == NULL ||
      tok (t, k)->kind != TOKEN_WORD || !parse_number (t, k, end, &low, &vague) || vague ||
      low < 10 || low > 99)
    return FALSE;
  *year = high * 100 + low;
  return TRUE;
}

/* "September 13, 2017", "Sept. 30", "Sept. 2017", "Tuesday, Oct. 10", "January" */
static gboolean
match_month_date (Tagger *t,
                  guint   i,
                  Match  *m)
{
  guint j = i;
  guint k;
  int month, day = 0, year = 0;
  gboolean with_weekday = FALSE;
  const char *weekday = lookup (t, i, CLASS_WEEKDAY, &k);

  if (weekday != NULL && tok (t, i)->capitalised)
    {
      j = k;
      if (is_punct (t, j, ","))
        j++;
      with_weekday = TRUE;
    }

  if (!parse_month (t, j, &k, &month, !with_weekday))
    return FALSE;
  j = k;

  if (parse_day_of_month (t, j, &k, &day) && !(tok (t, k) && tok (t, k)->joined))
    {
      j = k;
      if (is_punct (t, j, ",") && parse_year (t, j + 1, &year))
        j += 2;
      else if (parse_year (t, j, &year))
        j++;
    }
  else if (parse_year (t, j, &year))
    j++;
  else if (parse_spoken_year (t, j, &k, &year))
    j = k;
  else if ((is_word (t, j, "of") || is_punct (t, j, ",")) && parse_year (t, j + 1, &year))
    j += 2;
  else if (with_weekday)
    return FALSE;

  /* "June last year" */
  if (year == 0 && t->has_anchor && is_word (t, j + 1, "year"))
    {
      const char *rel = lookup (t, j, CLASS_RELATIVE, NULL);

      if (rel != NULL)
        {
          year = g_date_get_year (&t->anchor) + atoi (rel);
          j += 2;
        }
    }

  m->end = j;
  m->type = RSH_TIMEX_DATE;
  m->value = date_value (t, year, month, day, m);
  return TRUE;
}

/* "13 September 2017", "13th of Sept.", "the 13th of September" */
static gboolean
match_day_month (Tagger *t,
                 guint   i,
                 Match  *m)
{
  guint j;
  guint k;
  int day, month, year = 0;

  if (!parse_day_of_month (t, i, &j, &day))
    return FALSE;
  if (is_word (t, j, "of"))
    j++;
  if (!parse_month (t, j, &k, &month, FALSE))
    return FALSE;
  j = k;
  if (parse_year (t, j, &year))
    j++;
  else if (is_punct (t, j, ",") && parse_year (t, j + 1, &year))
    j += 2;

  m->end = j;
  m->type = RSH_TIMEX_DATE;
  m->value = date_value (t, year, month, day, m);
  return TRUE;
}

/* "2014", "fiscal 1989", "the 1990s" */
static gboolean
match_year (Tagger *t,
            guint   i,
            Match  *m)
{
  Token *token = tok (t, i);
  Token *prev = i > 0 ? tok (t, i - 1) : NULL;
  Token *next;
  guint j = i;
  int year;

  if (token == NULL)
    return FALSE;

  if (lookup (t, i, CLASS_FISCAL, &j) != NULL)
    {
      if (!parse_year (t, j, &year) && !(tok (t, j) && tok (t, j)->kind == TOKEN_NUMBER &&
                                        all_digits (tok (t, j)->norm, 2, 2)))
        return FALSE;
      token = tok (t, j);
      year = strlen (token->norm) == 2 ? 1900 + atoi (token->norm) : atoi (token->norm);
      m->end = j + 1;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d", year);
      return TRUE;
    }

  /* decades: 1990s */
  if (token->kind == TOKEN_WORD && strlen (token->norm) == 5 && token->norm[4] == 's')
    {
      g_autofree char *digits = g_strndup (token->norm, 4);

      if (all_digits (digits, 4, 4) && digits[3] == '0')
        {
          year = atoi (digits);
          m->end = i + 1;
          m->type = RSH_TIMEX_DATE;
          m->value = digits[2] == '0' ? g_strdup_printf ("%02d", year / 100)
                                      : g_strdup_printf ("%03d", year / 10);
          return TRUE;
        }
      return FALSE;
    }

  /* "by year-end", "around year end", "by year's end": the end of the anchor's year (the
   * one just ended after "since") */
  if (is_word (t, i, "year") && prev != NULL &&
      (is_word (t, i + 1, "end") || (is_word (t, i + 1, "'s") && is_word (t, i + 2, "end"))) &&
      (strcmp (prev->norm, "by") == 0 || strcmp (prev->norm, "at") == 0 ||
       strcmp (prev->norm, "around") == 0 || strcmp (prev->norm, "until") == 0 ||
       strcmp (prev->norm, "before") == 0 || strcmp (prev->norm, "after") == 0 ||
       strcmp (prev->norm, "since") == 0 || strcmp (prev->norm, "near") == 0 ||
       strcmp (prev->norm, "from") == 0 || strcmp (prev->norm, "to") == 0))
    {
      if (!t->has_anchor)
        return FALSE;
      m->end = is_word (t, i + 1, "end") ? i + 2 : i + 3;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d", g_date_get_year (&t->anchor) -
                                  (strcmp (prev->norm, "since") == 0 ? 1 : 0));
      return TRUE;
    }

  /* spoken decades: "the nineties", in the century of the anchor unless still to come */
  if (token->kind == TOKEN_WORD && g_str_has_suffix (token->norm, "ties") && prev != NULL &&
      (strcmp (prev->norm, "the") == 0 || strcmp (prev->norm, "early") == 0 ||
       strcmp (prev->norm, "mid") == 0 || strcmp (prev->norm, "late") == 0))
    {
      g_autofree char *stem = g_strndup (token->norm, strlen (token->norm) - 3);
      g_autofree char *tens = g_strconcat (stem, "y", NULL);
      const char *arg = g_hash_table_lookup (t->lexicon->phrases[CLASS_NUMBER], tens);
      int decade = arg != NULL ? atoi (arg) : 0;

      if (decade >= 20 && decade <= 90 && decade % 10 == 0)
        {
          int century = t->has_anchor ? g_date_get_year (&t->anchor) / 100 : 19;

          if (t->has_anchor && decade > g_date_get_year (&t->anchor) % 100)
            century--;
          m->end = i + 1;
          m->type = RSH_TIMEX_DATE;
          m->value = g_strdup_printf ("%03d", century * 10 + decade / 10);
          return TRUE;
        }
    }

  /* spoken years: "nineteen ninety-six", "the year two thousand" */
  {
    guint e;

    if (parse_spoken_year (t, i, &e, &year))
      {
        m->end = e;
        m->type = RSH_TIMEX_DATE;
        m->value = g_strdup_printf ("%04d", year);
        return TRUE;
      }
    if (is_word (t, i, "year") && is_word (t, i + 1, "two") && is_word (t, i + 2, "thousand"))
      {
        m->end = i + 3;
        m->type = RSH_TIMEX_DATE;
        m->value = g_strdup ("2000");
        return TRUE;
      }
  }

  if (!parse_year (t, i, &year) || year < 1500 || year > 2100)
    return FALSE;
  next = tok (t, i + 1);

  if (prev != NULL && (strcmp (prev->norm, "$") == 0 || strcmp (prev->norm, "#") == 0))
    return FALSE;
  if (next != NULL && next->kind == TOKEN_PUNCT && strcmp (next->norm, "%") == 0)
    return FALSE;
  if (next != NULL && next->joined)
    return FALSE;
  /* "2082.1" is an index level */
  if (next != NULL && next->adjacent && (strcmp (next->norm, ".") == 0 ||
                                          strcmp (next->norm, ",") == 0) &&
      tok (t, i + 2) != NULL && tok (t, i + 2)->adjacent &&
      tok (t, i + 2)->kind == TOKEN_NUMBER)
    return FALSE;

  /* A bare number is a year only where a year is expected: after "in", "since", a month
   * or a hyphen ("mid-2015"), or standing alone between punctuation. */
  if (!(prev != NULL && prev->kind != TOKEN_PUNCT && has (t, i - 1, CLASS_YEARPREP)) &&
      !(prev != NULL && has (t, i - 1, CLASS_DETERMINER)) &&
      !token->joined &&
      !(next == NULL || next->kind == TOKEN_PUNCT) &&
      !(prev == NULL || prev->kind == TOKEN_PUNCT) &&
      !(next != NULL && has (t, i + 1, CLASS_YEARPREP)) &&
      /* "his unsuccessful 1996 campaign": a recent year before a word, not a count of things */
      !(year >= 1900 && year <= 2030 && next != NULL && next->kind == TOKEN_WORD &&
        !(g_str_has_suffix (next->norm, "s") && !next->capitalised)))
    return FALSE;

  m->end = i + 1;
  m->type = RSH_TIMEX_DATE;
  m->value = g_strdup_printf ("%04d", year);
  return TRUE;
}

/* "yesterday", "today", "tomorrow", "tonight", and "yesterday morning" */
static gboolean
match_dayref (Tagger *t,
              guint   i,
              Match  *m)
{
  const char *arg;
  guint j;
  gboolean night = FALSE;

  arg = lookup (t, i, CLASS_DAYREF, &j);
  if (arg == NULL)
    {
      arg = lookup (t, i, CLASS_DAYREF_NIGHT, &j);
      night = arg != NULL;
    }
  if (arg == NULL)
    return FALSE;
  /* "USA Today", "VOA Today" are names */
  if (tok (t, i)->capitalised && i > 0 && tok (t, i - 1)->kind == TOKEN_WORD &&
      tok (t, i - 1)->capitalised)
    return FALSE;

  m->end = j;
  m->type = night ? RSH_TIMEX_TIME : RSH_TIMEX_DATE;
  if (t->has_anchor)
    {
      int n = atoi (arg);

      m->day = t->anchor;
      if (n < 0)
        g_date_subtract_days (&m->day, -n);
      else
        g_date_add_days (&m->day, n);
      m->has_day = TRUE;
      m->value = format_day (&m->day);
      if (night)
        {
          char *value = g_strconcat (m->value, "TNI", NULL);

          g_free (m->value);
          m->value = value;
        }
    }

  if (!night)
    extend_day (t, m);
  return TRUE;
}

/* "Wednesday", "on Friday night": the last such day, or the next when the clause says so. */
static gboolean
match_weekday (Tagger *t,
               guint   i,
               Match  *m)
{
  const char *arg;
  guint j;
  Token *token = tok (t, i);

  if (token == NULL || token->kind != TOKEN_WORD || !token->capitalised)
    return FALSE;
  arg = lookup (t, i, CLASS_WEEKDAY, &j);
  if (arg == NULL)
    return FALSE;
  /* "Sun." and "Sat." only with a period; "Sun" is more often a newspaper */
  if (strlen (token->norm) < 6 && !g_str_has_suffix (token->norm, "."))
    return FALSE;

  m->end = j;
  m->type = RSH_TIMEX_DATE;
  /* "Wednesday's ruling" has happened */
  if (weekday_date (t, atoi (arg), !is_word (t, j, "'s") && is_future (t, i, j) ? 1 : -1,
                    &m->day))
    {
      m->has_day = TRUE;
      m->value = format_day (&m->day);
    }
  else
    m->value = g_strdup_printf ("XXXX-WXX-%d", atoi (arg));

  extend_day (t, m);
  return TRUE;
}

/* "last week", "next month", "this year", "last November", "last Friday", "this spring",
 * "the latest quarter", "this morning", "last night" */
static gboolean
match_relative (Tagger *t,
                guint   i,
                Match  *m)
{
  const char *rel;
  const char *arg;
  guint j;
  guint k;
  int n;
  int number;
  Token *prev = i > 0 ? tok (t, i - 1) : NULL;
  gboolean from_reference;

  rel = lookup (t, i, CLASS_RELATIVE, &j);
  if (rel == NULL)
    return FALSE;
  n = atoi (rel);
  /* "the following month", "the previous Friday", "the next day" count from the last date
   * the text named, not from the anchor */
  from_reference = prev != NULL && strcmp (prev->norm, "the") == 0 && j == i + 1 &&
                   (is_word (t, i, "following") || is_word (t, i, "previous") ||
                    is_word (t, i, "preceding") || is_word (t, i, "next"));

  /* "the latest period" of an earnings report is its quarter */
  if (n < 0 && is_word (t, j, "period") && !is_word (t, i, "past") && t->has_anchor &&
      sentence_has_word (t, i, "quarter"))
    {
      m->end = j + 1;
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, "Q", -1);
      m->report_quarter = TRUE;
      return TRUE;
    }

  arg = lookup (t, j, CLASS_UNIT, &k);
  if (arg != NULL)
    {
      if (from_reference && k == j + 1 && !g_str_has_suffix (tok (t, j)->norm, "s") &&
          (strcmp (arg, "D") == 0 ||
           (!is_word (t, i, "next") && (strcmp (arg, "W") == 0 || strcmp (arg, "M") == 0 ||
                                        strcmp (arg, "Y") == 0))))
        {
          m->end = k;
          m->type = RSH_TIMEX_DATE;
          m->value = reference_shift (t, arg, n, m);
          return TRUE;
        }
      /* "the past year" is a duration */
      if (prev != NULL && has (t, i - 1, CLASS_DETERMINER) && has (t, i, CLASS_LASTPAST))
        return FALSE;
      /* "coming months", "next few weeks" */
      if (g_str_has_suffix (tok (t, k - 1)->norm, "s"))
        {
          if (n == 0)
            return FALSE;
          m->end = k;
          m->type = RSH_TIMEX_DATE;
          m->value = g_strdup (n < 0 ? "PAST_REF" : "FUTURE_REF");
          return TRUE;
        }
      if (strcmp (arg, "H") == 0 || strcmp (arg, "MIN") == 0 || strcmp (arg, "S") == 0)
        return FALSE;
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      /* "the latest quarter" reports the quarter just ended */
      m->value = shift_value (t, arg, n);
      /* "last year's quarter" is the quarter a year before the one just reported */
      if (strcmp (arg, "Y") == 0 && n < 0 && is_word (t, k, "'s") &&
          is_word (t, k + 1, "quarter") && t->has_anchor)
        {
          g_free (m->value);
          m->value = quarter_back (t, 5);
          m->end = k + 2;
        }
      /* "this year's third quarter", "last year's first half" */
      if (strcmp (arg, "Y") == 0 && is_word (t, k, "'s") && t->has_anchor)
        {
          guint e;
          int q;

          if (parse_ordinal (t, k + 1, &e, &q) &&
              ((is_word (t, e, "quarter") && q >= 1 && q <= 4) ||
               (is_word (t, e, "half") && q >= 1 && q <= 2)))
            {
              g_free (m->value);
              m->value = g_strdup_printf ("%04d-%c%d", g_date_get_year (&t->anchor) + n,
                                          is_word (t, e, "quarter") ? 'Q' : 'H', q);
              m->end = e + 1;
            }
        }
      if (strcmp (arg, "D") == 0)
        {
          m->day = t->anchor;
          m->has_day = t->has_anchor;
        }
      return TRUE;
    }

  if (parse_month (t, j, &k, &number, FALSE))
    {
      int day;
      guint e;

      m->end = k;
      m->type = RSH_TIMEX_DATE;
      /* "last Oct. 23": the latest such day before the anchor; "next May 2" the first after */
      if (parse_day_of_month (t, k, &e, &day) && n != 0 && t->has_anchor &&
          !(tok (t, e) && tok (t, e)->joined))
        {
          m->end = e;
          for (int step = 0; step < 2 && m->value == NULL; step++)
            {
              int y = g_date_get_year (&t->anchor) + (n < 0 ? -step : step);
              GDate date;

              if (!g_date_valid_dmy (day, number, y))
                continue;
              g_date_clear (&date, 1);
              g_date_set_dmy (&date, day, number, y);
              if ((n < 0 && g_date_compare (&date, &t->anchor) < 0) ||
                  (n > 0 && g_date_compare (&date, &t->anchor) > 0))
                {
                  m->day = date;
                  m->has_day = TRUE;
                  m->value = format_day (&date);
                }
            }
          return TRUE;
        }
      if (t->has_anchor)
        {
          int year = g_date_get_year (&t->anchor);
          int month = g_date_get_month (&t->anchor);

          /* "last April" in an October article is this year's, "last November" last year's */
          if (n < 0)
            year -= number >= month ? 1 : 0;
          else if (n > 0)
            year += number <= month ? 1 : 0;
          m->value = g_strdup_printf ("%04d-%02d", year, number);
        }
      return TRUE;
    }

  arg = lookup (t, j, CLASS_WEEKDAY, &k);
  if (arg != NULL && tok (t, j)->capitalised)
    {
      int direction = n < 0 ? -2 : n > 0 ? 2 : (is_future (t, i, k) ? 1 : -1);
      GDate from;

      m->end = k;
      m->type = RSH_TIMEX_DATE;
      if (from_reference && reference_day (t, &from))
        {
          weekday_from (&from, atoi (arg), direction, &m->day);
          m->has_day = TRUE;
          m->value = format_day (&m->day);
        }
      else if (weekday_date (t, atoi (arg), direction, &m->day))
        {
          m->has_day = TRUE;
          m->value = format_day (&m->day);
        }
      extend_day (t, m);
      return TRUE;
    }

  arg = lookup (t, j, CLASS_SEASON, &k);
  if (arg != NULL)
    {
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      if (t->has_anchor)
        m->value = g_strdup_printf ("%04d-%s", season_year (t, arg, n), arg);
      return TRUE;
    }

  /* "this past spring": the latest that has begun; "this past Sunday" the last one */
  if (n == 0 && is_word (t, j, "past"))
    {
      arg = lookup (t, j + 1, CLASS_SEASON, &k);
      if (arg != NULL)
        {
          m->end = k;
          m->type = RSH_TIMEX_DATE;
          if (t->has_anchor)
            {
              int year = season_year (t, arg, 0);

              /* a season yet to begin this year was last seen the year before */
              if (season_year (t, arg, 1) == year)
                year--;
              m->value = g_strdup_printf ("%04d-%s", year, arg);
            }
          return TRUE;
        }
      arg = lookup (t, j + 1, CLASS_WEEKDAY, &k);
      if (arg != NULL && tok (t, j + 1)->capitalised)
        {
          m->end = k;
          m->type = RSH_TIMEX_DATE;
          if (weekday_date (t, atoi (arg), -2, &m->day))
            {
              m->has_day = TRUE;
              m->value = format_day (&m->day);
            }
          extend_day (t, m);
          return TRUE;
        }
    }

  arg = lookup (t, j, CLASS_PART_OF_DAY, &k);
  /* "the next morning", "the previous evening": a day from the reference */
  if (arg != NULL && from_reference && k == j + 1)
    {
      m->end = k;
      m->type = RSH_TIMEX_TIME;
      if (reference_day (t, &m->day))
        {
          g_autofree char *day = NULL;

          if (n < 0)
            g_date_subtract_days (&m->day, -n);
          else
            g_date_add_days (&m->day, n);
          m->has_day = TRUE;
          day = format_day (&m->day);
          m->value = g_strdup_printf ("%sT%s", day, arg);
        }
      return TRUE;
    }
  if (arg != NULL && n <= 0)
    {
      m->end = k;
      m->type = RSH_TIMEX_TIME;
      if (t->has_anchor)
        {
          GDate date = t->anchor;

          /* "last night" is the night before; "this morning" today's */
          if (n < 0)
            g_date_subtract_days (&date, 1);
          g_autofree char *day = format_day (&date);
          m->value = g_strdup_printf ("%sT%s", day, arg);
        }
      return TRUE;
    }

  return FALSE;
}

/* Whether token @k is @word on its own, not the first part of a compound ("quarter-century",
 * "quarter-point"). */
static gboolean
is_word_alone (Tagger     *t,
               guint       k,
               const char *word)
{
  Token *next = tok (t, k + 1);

  return is_word (t, k, word) && !(next != NULL && next->joined);
}

/* Whether the text around token @i, its sentence and what comes before, speaks of @word
 * ("quarter"). */
static gboolean
sentence_has_word (Tagger     *t,
                   guint       i,
                   const char *word)
{
  for (guint k = i; k > 0 && i - k < 160; k--)
    {
      if (is_word_alone (t, k - 1, word))
        return TRUE;
    }
  for (guint k = i; k < t->tokens->len && k - i < 40; k++)
    {
      if (is_sentence_break (tok (t, k)))
        break;
      if (is_word_alone (t, k, word))
        return TRUE;
    }
  return FALSE;
}

/* "two years ago", "a year earlier", "year-earlier" */
static gboolean
match_ago (Tagger *t,
           guint   i,
           Match  *m)
{
  const char *unit;
  guint j;
  guint k;
  int n = 1;
  gboolean vague = FALSE;

  if (!parse_number (t, i, &j, &n, &vague))
    {
      /* "year-earlier", "years ago" */
      unit = lookup (t, i, CLASS_UNIT, &j);
      if (unit == NULL || tok (t, j) == NULL)
        return FALSE;
      if (g_str_has_suffix (tok (t, i)->norm, "s"))
        vague = TRUE;
      else if (!tok (t, j)->joined)
        return FALSE;
      n = 1;
    }
  else
    {
      unit = lookup (t, j, CLASS_UNIT, &j);
      if (unit == NULL)
        return FALSE;
    }
  /* "two years from now" lies ahead of the anchor */
  if (is_word (t, j, "from") && is_word (t, j + 1, "now") && !vague &&
      !tok (t, j - 1)->joined)
    {
      m->end = j + 2;
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, unit, n);
      if (strcmp (unit, "D") == 0 && t->has_anchor)
        {
          m->day = t->anchor;
          g_date_add_days (&m->day, n);
          m->has_day = TRUE;
        }
      return TRUE;
    }
  if (lookup (t, j, CLASS_AGO, &k) == NULL)
    return FALSE;

  /* "the year-earlier nine months" is the length of the stretch it names */
  if (tok (t, j)->joined && strcmp (unit, "Y") == 0)
    {
      Match stretch = { .start = k };

      if (match_duration (t, k, &stretch) && stretch.value != NULL)
        {
          *m = stretch;
          m->start = i;
          return TRUE;
        }
      g_free (stretch.value);
    }

  m->end = k;
  m->type = RSH_TIMEX_DATE;
  if (vague)
    m->value = g_strdup ("PAST_REF");
  else if (strcmp (unit, "Y") == 0 && n == 1 && t->has_anchor &&
           (sentence_has_word (t, i, "quarter") || is_word (t, k, "period")))
    {
      int q;
      guint e;

      /* Earnings reports compare with the same quarter a year before: the one before the
       * quarter just reported. "the year-ago third quarter" names it. */
      if (parse_ordinal (t, k, &e, &q) && is_word (t, e, "quarter") && q >= 1 && q <= 4)
        {
          m->value = g_strdup_printf ("%04d-Q%d", g_date_get_year (&t->anchor) - 1, q);
          m->end = e + 1;
        }
      else
        {
          m->value = quarter_back (t, 5);
          m->report_quarter = TRUE;
          m->report_years_back = 1;
          /* "the year-earlier quarter", "the year-ago period" name it with a noun */
          if (lookup (t, i, CLASS_UNIT, NULL) != NULL &&
              (is_word (t, k, "quarter") || is_word (t, k, "period")))
            m->end = k + 1;
        }
    }
  else
    {
      m->value = shift_value (t, unit, -n);
      if (strcmp (unit, "D") == 0 && t->has_anchor)
        {
          m->day = t->anchor;
          g_date_subtract_days (&m->day, n);
          m->has_day = TRUE;
        }
    }
  return TRUE;
}

/* "two years", "the past two months", "a five-year plan", "the first nine months" */
static gboolean
match_duration (Tagger *t,
                guint   i,
                Match  *m)
{
  const char *unit;
  guint j = i;
  guint k;
  int n = 1;
  gboolean vague = FALSE;
  gboolean lastpast = FALSE;
  gboolean half = FALSE;
  guint end = 0;
  Token *prev = i > 0 ? tok (t, i - 1) : NULL;

  if (lookup (t, i, CLASS_LASTPAST, &k) != NULL)
    {
      lastpast = TRUE;
      j = k;
    }

  if (parse_number (t, j, &k, &n, &vague))
    {
      Token *number = tok (t, j);
      guint e;
      int second;
      gboolean second_vague;

      /* "5 1/2 hours" */
      if (number->kind == TOKEN_NUMBER && is_word (t, k, "1") && is_punct (t, k + 1, "/") &&
          is_word (t, k + 2, "2") && tok (t, k + 1)->adjacent && tok (t, k + 2)->adjacent)
        {
          half = TRUE;
          k += 3;
        }
      /* "two to six days", "two or three weeks": the first number counts in the unit of the
       * second, and is an expression of its own */
      else if (!vague && (is_word (t, k, "to") || is_word (t, k, "or")) &&
               parse_number (t, k + 1, &e, &second, &second_vague) && !second_vague &&
               tok (t, k + 1)->kind == number->kind && second > n &&
               lookup (t, e, CLASS_UNIT, NULL) != NULL)
        {
          end = k;
          k = e;
        }
      /* "two more weeks", "an additional year", "two consecutive months" */
      if (is_word (t, k, "more") || is_word (t, k, "additional") || is_word (t, k, "extra") ||
          is_word (t, k, "further") || is_word (t, k, "consecutive") ||
          is_word (t, k, "straight") || is_word (t, k, "successive"))
        k++;

      /* "a second time" is an ordinal */
      unit = lookup (t, k, CLASS_UNIT, &k);
      if (unit == NULL || strcmp (unit, "H1") == 0)
        return FALSE;
      if (half && strcmp (unit, "H") != 0 && strcmp (unit, "Y") != 0 && strcmp (unit, "D") != 0)
        return FALSE;
      if (strcmp (unit, "Q") == 0 && is_word (t, k, "of"))
        return FALSE;
      if (strcmp (unit, "S") == 0 && number->kind != TOKEN_NUMBER &&
          (strcmp (number->norm, "a") == 0 || strcmp (number->norm, "an") == 0))
        return FALSE;
      /* a year is no count of years */
      if (number->kind == TOKEN_NUMBER && strlen (number->norm) == 4)
        return FALSE;
      /* "$500 million a year" is a rate, "a quarter of" a share */
      if ((strcmp (number->norm, "a") == 0 || strcmp (number->norm, "an") == 0) &&
          (strcmp (unit, "Q") == 0 ||
           (prev != NULL && (prev->kind == TOKEN_NUMBER || has (t, i - 1, CLASS_NUMBER) ||
                             strcmp (prev->norm, "%") == 0 ||
                             g_str_has_suffix (prev->norm, "illion") ||
                             strcmp (prev->norm, "cents") == 0 ||
                             strcmp (prev->norm, "percent") == 0))))
        return FALSE;
    }
  else if (lastpast && prev != NULL && has (t, i - 1, CLASS_DETERMINER) &&
           !parse_ordinal (t, i, &k, &n))
    {
      unit = lookup (t, j, CLASS_UNIT, &k);
      if (unit == NULL || strcmp (unit, "H") == 0 || strcmp (unit, "MIN") == 0 ||
          strcmp (unit, "S") == 0 || strcmp (unit, "H1") == 0)
        return FALSE;
      n = 1;
      if (g_str_has_suffix (tok (t, k - 1)->norm, "s"))
        vague = TRUE;
    }
  else
    {
      /* "for years", "for the first time in years", "over the years", "within weeks",
       * "could take months", "lasted years" */
      static const char *const before_stretch[] = { "for", "within", "take", "takes", "took",
                                                    "taken", "taking", "lasted", "lasting" };
      gboolean stretch = prev != NULL && strcmp (prev->norm, "the") == 0 && i >= 2 &&
                         (is_word (t, i - 2, "over") || is_word (t, i - 2, "throughout")) &&
                         !is_word (t, i + 1, "of") &&
                         !(tok (t, i + 1) != NULL && tok (t, i + 1)->kind == TOKEN_NUMBER);

      for (guint w = 0; prev != NULL && w < G_N_ELEMENTS (before_stretch); w++)
        if (strcmp (prev->norm, before_stretch[w]) == 0)
          stretch = TRUE;

      unit = lookup (t, i, CLASS_UNIT, &k);
      if (unit == NULL || prev == NULL ||
          (!stretch &&
           !(strcmp (prev->norm, "in") == 0 && tok (t, k) != NULL &&
             tok (t, k)->kind == TOKEN_PUNCT)) ||
          !g_str_has_suffix (tok (t, i)->norm, "s") || strcmp (unit, "Q") == 0)
        return FALSE;
      vague = TRUE;
      lastpast = FALSE;
    }

  /* "a 6-year-old", "55 years old"; "60 Minutes" is a title */
  if (is_word (t, k, "old") ||
      (tok (t, k - 1)->capitalised && !tok (t, i)->capitalised && tok (t, k - 1)->kind == TOKEN_WORD &&
       g_unichar_islower (g_utf8_get_char (g_utf8_next_char (t->text + tok (t, k - 1)->bstart)))))
    return FALSE;

  /* "will one day be": a vague future, no length */
  if (n == 1 && !half && end == 0 && strcmp (unit, "D") == 0 && k == j + 2 &&
      is_word (t, j, "one") && prev != NULL &&
      (strcmp (prev->norm, "will") == 0 || strcmp (prev->norm, "would") == 0 ||
       strcmp (prev->norm, "could") == 0 || strcmp (prev->norm, "may") == 0 ||
       strcmp (prev->norm, "might") == 0 || strcmp (prev->norm, "'ll") == 0))
    {
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup ("FUTURE_REF");
      return TRUE;
    }

  m->end = end > 0 ? end : k;
  m->type = RSH_TIMEX_DURATION;
  if (half)
    m->value = g_strdup_printf (strcmp (unit, "H") == 0 ? "PT%dH30M" :
                                strcmp (unit, "Y") == 0 ? "P%dY6M" : "P%dDT12H", n);
  else
    m->value = duration_value (unit, n, vague);
  return TRUE;
}

/* "the third quarter", "third-quarter", "the first half of 2015", "the quarter", "the
 * weekend" */
static gboolean
match_quarter (Tagger *t,
               guint   i,
               Match  *m)
{
  const char *unit;
  guint j;
  guint k;
  int n;
  int year = 0;
  Token *prev = i > 0 ? tok (t, i - 1) : NULL;

  if (parse_year (t, i, &year) && is_word (t, i + 1, "'s") && parse_ordinal (t, i + 2, &j, &n) &&
      ((is_word (t, j, "quarter") && n >= 1 && n <= 4) ||
       (is_word (t, j, "half") && n >= 1 && n <= 2)))
    {
      /* "1988's third quarter" */
      m->end = j + 1;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d-%c%d", year, is_word (t, j, "quarter") ? 'Q' : 'H', n);
      return TRUE;
    }
  if (parse_year (t, i, &year) && parse_ordinal (t, i + 1, &j, &n) &&
      is_word (t, j, "quarter") && n >= 1 && n <= 4)
    {
      /* "the 1988 third quarter" */
      m->end = j + 1;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d-Q%d", year, n);
      return TRUE;
    }
  /* "the same period last year", "the comparable quarter a year ago": in an earnings report,
   * the quarter of the report a year before */
  if ((is_word (t, i, "same") || is_word (t, i, "corresponding") ||
       is_word (t, i, "comparable")) && prev != NULL && strcmp (prev->norm, "the") == 0 &&
      (is_word (t, i + 1, "period") || is_word (t, i + 1, "quarter")) && t->has_anchor &&
      (is_word (t, i + 1, "quarter") || sentence_has_word (t, i, "quarter")))
    {
      guint e = 0;

      if (is_word (t, i + 2, "last") && is_word (t, i + 3, "year"))
        e = i + 4;
      else if ((is_word (t, i + 2, "a") || is_word (t, i + 2, "one")) &&
               is_word (t, i + 3, "year") &&
               (is_word (t, i + 4, "ago") || is_word (t, i + 4, "earlier")))
        e = i + 5;
      if (e > 0)
        {
          m->end = e;
          m->type = RSH_TIMEX_DATE;
          m->value = quarter_back (t, 5);
          m->report_quarter = TRUE;
          m->report_years_back = 1;
          return TRUE;
        }
    }

  /* "the 1988 period" of an earnings report is that year's quarter of the report */
  if (parse_year (t, i, &year) && is_word (t, i + 1, "period") && t->has_anchor &&
      sentence_has_word (t, i, "quarter"))
    {
      g_autofree char *reported = shift_value (t, "Q", -1);

      n = t->fiscal_quarter > 0 ? t->fiscal_quarter : reported[6] - '0';
      m->end = i + 2;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d-Q%d", year, n);
      return TRUE;
    }
  year = 0;

  if (parse_ordinal (t, i, &j, &n))
    {
      unit = lookup (t, j, CLASS_UNIT, &k);
      /* "the 20th century" is the 1900s: TIMEX3 writes a century as its first two digits */
      if (unit != NULL && strcmp (unit, "CE") == 0 && is_word (t, j, "century") &&
          n >= 1 && n <= 100)
        {
          m->end = k;
          m->type = RSH_TIMEX_DATE;
          m->value = g_strdup_printf ("%02d", n - 1);
          return TRUE;
        }
      if (unit == NULL || (strcmp (unit, "Q") != 0 && strcmp (unit, "H1") != 0) ||
          !g_str_equal (tok (t, j)->norm, strcmp (unit, "Q") == 0 ? "quarter" : "half"))
        return FALSE;
      if (n < 1 || n > (strcmp (unit, "Q") == 0 ? 4 : 2))
        return FALSE;
      j = k;
      if (is_word (t, j, "of") || is_punct (t, j, ","))
        {
          guint f = j + 1;

          lookup (t, f, CLASS_FISCAL, &f);
          if (parse_year (t, f, &year))
            j = f + 1;
          /* "the first half of the year", "the fourth quarter of last year" */
          else if (t->has_anchor && is_word (t, j, "of") && is_word (t, j + 2, "year") &&
                   !is_word (t, j + 3, "'s"))
            {
              const char *rel = lookup (t, j + 1, CLASS_RELATIVE, NULL);

              if (is_word (t, j + 1, "the") || (rel != NULL && !is_word (t, j + 1, "past")))
                {
                  year = g_date_get_year (&t->anchor) +
                         (is_word (t, j + 1, "the") ? 0 : atoi (rel));
                  j += 3;
                }
            }
        }
      if (year == 0 && !t->has_anchor)
        {
          m->end = j;
          m->type = RSH_TIMEX_DATE;
          m->value = g_strdup_printf ("XXXX-%s%d", strcmp (unit, "Q") == 0 ? "Q" : "H", n);
          return TRUE;
        }
      /* "the first half" stands for a year's half only when the quarter or a year is near */
      if (strcmp (unit, "H1") == 0 && year == 0 && !is_word (t, i - 1, "the"))
        return FALSE;
      /* a quarter still to come, spoken of in the past, is last year's */
      if (year == 0)
        {
          m->names_fiscal = strcmp (unit, "Q") == 0 && i > 0 && is_word (t, i - 1, "fiscal");
          m->names_quarter = strcmp (unit, "Q") == 0;
          year = g_date_get_year (&t->anchor);
          if (strcmp (unit, "Q") == 0 && n > quarter_of (&t->anchor) && !is_future (t, i, j))
            year--;
        }
      m->end = j;
      m->type = RSH_TIMEX_DATE;
      m->value = g_strdup_printf ("%04d-%s%d", year, strcmp (unit, "Q") == 0 ? "Q" : "H", n);
      return TRUE;
    }

  if (prev == NULL || !has (t, i - 1, CLASS_DETERMINER))
    return FALSE;
  /* "the full year" of a forecast is the current one */
  if ((is_word (t, i, "full") || is_word (t, i, "whole") || is_word (t, i, "entire")) &&
      is_word (t, i + 1, "year") && !(tok (t, i + 2) != NULL && tok (t, i + 2)->joined))
    {
      unit = lookup (t, i + 1, CLASS_UNIT, &k);
      if (unit == NULL || k != i + 2 || is_word (t, k, "'s") || is_word (t, k, "of") ||
          is_word (t, k, "ended") || is_word (t, k, "ending") || is_word (t, k, "earlier") ||
          is_word (t, k, "ago") || is_word (t, k, "before") || is_word (t, k, "after"))
        return FALSE;
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, "Y", 0);
      return TRUE;
    }
  unit = lookup (t, i, CLASS_UNIT, &k);
  /* "the fiscal year" is a year written in two words */
  if (unit != NULL && k == i + 2 && is_word (t, i, "fiscal"))
    i++;
  if (unit == NULL || k != i + 1 || g_str_has_suffix (tok (t, i)->norm, "s"))
    return FALSE;
  /* "the week of March 6" is the week of that day */
  if (strcmp (unit, "W") == 0 && is_word (t, k, "of"))
    {
      Match day = { .start = k + 1 };
      gboolean found = match_month_date (t, k + 1, &day) && day.has_day;

      g_free (day.value);
      if (!found)
        return FALSE;
      m->end = day.end;
      m->type = RSH_TIMEX_DATE;
      m->value = format_week (&day.day);
      return TRUE;
    }
  /* "the year's results" says more; "a high for the year of $42" is the year all the
   * same */
  if (is_word (t, k, "'s") ||
      (is_word (t, k, "of") && !(strcmp (unit, "Y") == 0 && is_punct (t, k + 1, "$"))))
    return FALSE;
  if (strcmp (unit, "Q") == 0)
    {
      /* "the quarter-to-quarter comparison" is no quarter */
      if (tok (t, k) != NULL && tok (t, k)->joined)
        return FALSE;
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, "Q", -1);
      m->report_quarter = TRUE;
      return TRUE;
    }
  if (strcmp (unit, "Y") == 0)
    {
      /* "for the year ended Aug. 31" is a fiscal year's length; "by the end of the year",
       * "a high for the year" the current one */
      m->end = k;
      if (is_word (t, k, "ended") || is_word (t, k, "ending") || is_word (t, k, "ago") ||
          is_word (t, k, "earlier") || is_word (t, k, "before") || is_word (t, k, "after"))
        {
          m->type = RSH_TIMEX_DURATION;
          m->value = g_strdup ("P1Y");
          return !is_word (t, k, "ago") && !is_word (t, k, "earlier") &&
                 !is_word (t, k, "before") && !is_word (t, k, "after");
        }
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, "Y", 0);
      return TRUE;
    }
  /* "by the end of the decade": the current one */
  if (strcmp (unit, "DE") == 0 || strcmp (unit, "CE") == 0)
    {
      if ((tok (t, k) != NULL && tok (t, k)->joined) || is_word (t, k, "ended") ||
          is_word (t, k, "ending") || is_word (t, k, "before") || is_word (t, k, "earlier") ||
          is_word (t, k, "ago") || is_word (t, k, "since") || !t->has_anchor)
        return FALSE;
      m->end = k;
      m->type = RSH_TIMEX_DATE;
      m->value = shift_value (t, unit, 0);
      return TRUE;
    }
  if (strcmp (unit, "WE") == 0)
    {
      GDate saturday;

      if (tok (t, k) != NULL && tok (t, k)->joined)
        return FALSE;

      m->end = k;
      m->type = RSH_TIMEX_DATE;
      if (weekday_date (t, G_DATE_SATURDAY, is_future (t, i, k) ? 1 : -1, &saturday))
        {
          g_autofree char *week = format_week (&saturday);

          m->value = g_strconcat (week, "-WE", NULL);
        }
      return TRUE;
    }

  return FALSE;
}

/* "in the morning", "by mid afternoon": a part of the anchor's day */
static gboolean
match_part_of_day (Tagger *t,
                   guint   i,
                   Match  *m)
{
  const char *part;
  guint j;

  part = lookup (t, i, CLASS_PART_OF_DAY, &j);
  if (part == NULL || i == 0 || tok (t, i)->capitalised ||
      !(is_word (t, i - 1, "the") || is_word (t, i - 1, "mid")))
    return FALSE;
  /* "the morning of March 3" and "the night's work" say more than the anchor's day */
  if (is_word (t, j, "of") || is_word (t, j, "'s") || (tok (t, j) && tok (t, j)->joined))
    return FALSE;

  m->end = j;
  m->type = RSH_TIMEX_TIME;
  /* like a clock time, on the day the text last named, else the anchor's */
  if (reference_day (t, &m->day))
    {
      g_autofree char *day = format_day (&m->day);

      m->has_day = TRUE;
      m->value = g_strdup_printf ("%sT%s", day, part);
    }
  return TRUE;
}

/* "this spring" is relative; these are "spring 2015", "the summer of 1998", "summer" */
static gboolean
match_season (Tagger *t,
              guint   i,
              Match  *m)
{
  const char *season;
  guint j;
  int year = 0;

  season = lookup (t, i, CLASS_SEASON, &j);
  if (season == NULL)
    return FALSE;

  if (parse_year (t, j, &year))
    j++;
  else if (is_word (t, j, "of") && parse_year (t, j + 1, &year))
    j += 2;
  else if (strcmp (season, "FA") == 0 && !tok (t, i)->capitalised)
    return FALSE;
  else if (!(i > 0 && (is_word (t, i - 1, "the") || is_word (t, i - 1, "in") ||
                       is_word (t, i - 1, "this"))))
    return FALSE;

  m->end = j;
  m->type = RSH_TIMEX_DATE;
  if (year > 0)
    m->value = g_strdup_printf ("%04d-%s", year, season);
  else if (t->has_anchor)
    m->value = g_strdup_printf ("%04d-%s", season_year (t, season, 0), season);
  else
    m->value = g_strdup_printf ("XXXX-%s", season);
  return TRUE;
}

/* "now", "recently", "the future" */
static gboolean
match_vague (Tagger *t,
             guint   i,
             Match  *m)
{
  const char *value;
  guint j;

  value = lookup (t, i, CLASS_VAGUE, &j);
  if (value == NULL)
    return FALSE;
  /* "the past three summers" counts something else */
  {
    guint e;
    int n;
    gboolean vague;

    if (is_word (t, j - 1, "past") && parse_number (t, j, &e, &n, &vague) && !vague &&
        !is_word (t, j, "a") && !is_word (t, j, "an"))
      return FALSE;
  }

  m->end = j;
  /* "recent weeks", "the months ahead" (PXW, PXM) are stretches of vague length */
  m->type = value[0] == 'P' && !g_str_has_suffix (value, "_REF") ? RSH_TIMEX_DURATION
                                                                  : RSH_TIMEX_DATE;
  m->value = g_strdup (value);
  return TRUE;
}

/* "daily", "every week", "every two years", "every Monday", "each morning" */
static gboolean
match_set (Tagger *t,
           guint   i,
           Match  *m)
{
  const char *value;
  const char *unit;
  guint j;
  guint k;
  int n = 1;
  gboolean vague = FALSE;

  value = lookup (t, i, CLASS_SET, &j);
  if (value != NULL)
    {
      m->end = j;
      m->type = RSH_TIMEX_SET;
      m->value = g_strdup (value);
      return TRUE;
    }

  if (lookup (t, i, CLASS_EVERY, &j) == NULL)
    return FALSE;

  if (parse_number (t, j, &k, &n, &vague) && lookup (t, k, CLASS_UNIT, NULL) != NULL)
    j = k;
  unit = lookup (t, j, CLASS_UNIT, &k);
  if (unit != NULL)
    {
      m->end = k;
      m->type = RSH_TIMEX_SET;
      m->value = duration_value (unit, n, vague);
      return TRUE;
    }
  value = lookup (t, j, CLASS_WEEKDAY, &k);
  if (value != NULL)
    {
      m->end = k;
      m->type = RSH_TIMEX_SET;
      m->value = g_strdup_printf ("XXXX-WXX-%s", value);
      return TRUE;
    }
  /* "each July", "every summer" */
  if (parse_month (t, j, &k, &n, FALSE))
    {
      m->end = k;
      m->type = RSH_TIMEX_SET;
      m->value = g_strdup_printf ("XXXX-%02d", n);
      return TRUE;
    }
  value = lookup (t, j, CLASS_SEASON, &k);
  if (value != NULL)
    {
      m->end = k;
      m->type = RSH_TIMEX_SET;
      m->value = g_strdup_printf ("XXXX-%s", value);
      return TRUE;
    }
  value = lookup (t, j, CLASS_PART_OF_DAY, &k);
  if (value != NULL)
    {
      m->end = k;
      m->type = RSH_TIMEX_SET;
      m->value = g_strdup_printf ("XXXX-XX-XXT%s", value);
      return TRUE;
    }

  return FALSE;
}

/* "Christmas", "New Year's Day 2016" */
static gboolean
match_holiday (Tagger *t,
               guint   i,
               Match  *m)
{
  const char *value;
  guint j;
  int month, day, year = 0;

  if (tok (t, i) == NULL || !tok (t, i)->capitalised)
    return FALSE;
  int nth = 0, weekday = 0;

  value = lookup (t, i, CLASS_HOLIDAY, &j);
  if (value == NULL)
    return FALSE;
  /* "11-4-4" is the fourth Thursday of November; "12-25" a fixed day */
  if (sscanf (value, "%d-%d-%d", &month, &nth, &weekday) == 3)
    day = 0;
  else if (sscanf (value, "%d-%d", &month, &day) != 2)
    return FALSE;
  if (parse_year (t, j, &year))
    j++;

  if (nth > 0)
    {
      m->end = j;
      m->type = RSH_TIMEX_DATE;
      if (year <= 0 && !t->has_anchor)
        return TRUE;
      for (int y = year > 0 ? year : g_date_get_year (&t->anchor) + 1;
           y >= (year > 0 ? year : g_date_get_year (&t->anchor) - 1); y--)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, month, y);
          g_date_add_days (&date, (weekday - g_date_get_weekday (&date) + 7) % 7 + 7 * (nth - 1));
          /* the latest one not far after the anchor, as for dates without a year */
          if (year > 0 || g_date_days_between (&t->anchor, &date) <= 120)
            {
              m->day = date;
              m->has_day = TRUE;
              m->value = format_day (&date);
              break;
            }
        }
      return TRUE;
    }

  m->end = j;
  m->type = RSH_TIMEX_DATE;
  m->value = date_value (t, year, month, day, m);
  return TRUE;
}

static const Matcher core_matchers[] = {
  match_numeric_date,
  match_month_date,
  match_day_month,
  match_year,
  match_time,
  match_dayref,
  match_weekday,
  match_relative,
  match_ago,
  match_duration,
  match_quarter,
  match_season,
  match_part_of_day,
  match_set,
  match_holiday,
  match_vague,
};

static void
match_clear (Match *m)
{
  g_clear_pointer (&m->value, g_free);
}

/* The longest expression starting at token @i, trying every matcher. */
static gboolean
match_core (Tagger *t,
            guint   i,
            Match  *best)
{
  gboolean found = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (core_matchers); k++)
    {
      Match m = { .start = i };

      if (!core_matchers[k] (t, i, &m))
        {
          match_clear (&m);
          continue;
        }
      if (!found || m.end > best->end)
        {
          if (found)
            match_clear (best);
          *best = m;
          found = TRUE;
        }
      else
        match_clear (&m);
    }

  return found;
}

/* An expression with what may precede it in its extent: a modifier ("early", "mid-",
 * "earlier", "about") or a determiner ("the third quarter"). */
static gboolean
match_at (Tagger *t,
          guint   i,
          Match  *best)
{
  gboolean found = match_core (t, i, best);
  const char *modifier;
  guint j;

  if (lookup (t, i, CLASS_DETERMINER, &j) != NULL)
    {
      Match m = { 0 };
      Token *first = tok (t, j);

      if (first != NULL && match_at (t, j, &m))
        {
          gboolean proper = (first->capitalised && !has (t, j, CLASS_VAGUE)) ||
                            (first->kind == TOKEN_NUMBER && m.type == RSH_TIMEX_DATE &&
                             all_digits (first->norm, 4, 4) && m.end == j + 1);

          /* "the recent collapse": the article goes with the noun */
          if (m.type == RSH_TIMEX_SET ||
              (m.end == j + 1 && m.value != NULL && g_str_has_suffix (m.value, "_REF")))
            proper = TRUE;
          if (!proper && (!found || m.end > best->end))
            {
              if (found)
                match_clear (best);
              m.start = i;
              *best = m;
              found = TRUE;
            }
          else
            match_clear (&m);
        }
    }

  modifier = lookup (t, i, CLASS_MODIFIER, &j);
  if (modifier != NULL)
    {
      Match m = { 0 };
      gboolean relative_only = strcmp (modifier, "BEFORE") == 0 ||
                               strcmp (modifier, "AFTER") == 0;

      if (match_at (t, j, &m))
        {
          gboolean fits = strcmp (modifier, "APPROX") == 0
                          ? (m.type == RSH_TIMEX_DURATION || m.type == RSH_TIMEX_TIME)
                          : (m.type == RSH_TIMEX_DATE || m.type == RSH_TIMEX_TIME);

          if (relative_only && !has (t, j, CLASS_RELATIVE))
            fits = FALSE;
          if (fits && (!found || m.end > best->end))
            {
              if (found)
                match_clear (best);
              m.start = i;
              *best = m;
              found = TRUE;
            }
          else
            match_clear (&m);
        }
    }

  return found;
}

/* A dateline, "WARSAW, Feb. 26 (Agency) --" at the head of a text, names the day the story
 * was written, which may be a day or two before the date it was filed under: that day is
 * what "Friday" and "yesterday" count from. Moves the anchor to it when it is up to a week
 * before. */
static void
apply_dateline (Tagger *t)
{
  guint i = 0;
  guint first;
  Match m = { 0 };
  gboolean found;

  if (!t->has_anchor)
    return;
  while (is_punct (t, i, "\n"))
    i++;
  first = i;
  while (i < t->tokens->len && i < first + 4 && tok (t, i)->kind == TOKEN_WORD &&
         tok (t, i)->capitalised)
    i++;
  if (i == first || !is_punct (t, i, ","))
    return;
  m.start = ++i;
  found = match_month_date (t, i, &m) && m.has_day &&
          (is_punct (t, m.end, "(") || is_punct (t, m.end, "-") ||
           is_punct (t, m.end, "\u2014"));
  if (found)
    {
      int before = g_date_days_between (&m.day, &t->anchor);

      if (before > 0 && before <= 7)
        t->anchor = m.day;
    }
  g_free (m.value);
}

static gboolean
parse_anchor (const char  *anchor,
              GDate       *date,
              GError     **error)
{
  int year, month, day;
  char tail = '\0';

  g_date_clear (date, 1);
  if (anchor == NULL || *anchor == '\0')
    return TRUE;

  if (sscanf (anchor, "%4d-%2d-%2d%c", &year, &month, &day, &tail) < 3 ||
      strlen (anchor) < 10 || anchor[4] != '-' || anchor[7] != '-' ||
      (tail != '\0' && tail != 'T' && tail != ' ') ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), anchor);
      return FALSE;
    }
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

/**
 * rsh_timex_copy:
 * @timex: a time expression
 *
 * Returns: (transfer full): a copy of @timex
 */
RshTimex *
rsh_timex_copy (const RshTimex *timex)
{
  RshTimex *copy;

  g_return_val_if_fail (timex != NULL, NULL);

  copy = g_new0 (RshTimex, 1);
  *copy = *timex;
  copy->text = g_strdup (timex->text);
  copy->value = g_strdup (timex->value);
  return copy;
}

/**
 * rsh_timex_free:
 * @timex: (nullable): a time expression
 *
 * Frees @timex.
 */
void
rsh_timex_free (RshTimex *timex)
{
  if (timex == NULL)
    return;
  g_free (timex->text);
  g_free (timex->value);
  g_free (timex);
}

/**
 * rsh_timex_type_to_string:
 * @type: a timex type
 *
 * Returns: the TIMEX3 name of @type: "DATE", "TIME", "DURATION" or "SET"
 */
const char *
rsh_timex_type_to_string (RshTimexType type)
{
  switch (type)
    {
    case RSH_TIMEX_DATE:
      return "DATE";
    case RSH_TIMEX_TIME:
      return "TIME";
    case RSH_TIMEX_DURATION:
      return "DURATION";
    case RSH_TIMEX_SET:
      return "SET";
    default:
      g_return_val_if_reached ("DATE");
    }
}

/**
 * rsh_timex_tag:
 * @text: UTF-8 text
 * @anchor: (nullable): the date relative expressions are resolved against, usually the
 *   publication date ("YYYY-MM-DD", optionally followed by a time); %NULL when unknown
 * @language: (nullable): a BCP 47 code; %NULL means English
 * @error: return location for a #GError
 *
 * Finds the time expressions of @text and normalises them to TimeML TIMEX3 values. Without
 * an anchor, relative expressions ("yesterday", "last month") get a %NULL value; absolute,
 * vague ("now"), duration and set values are still given. A month and day without a year
 * ("Sept. 30") get the year that puts them nearest the anchor.
 *
 * Returns: (transfer full) (element-type RshTimex): the expressions in text order, or %NULL
 *   when @anchor is malformed
 */
GPtrArray *
rsh_timex_tag (const char  *text,
               const char  *anchor,
               const char  *language,
               GError     **error)
{
  g_autoptr(GPtrArray) timexes = NULL;
  Tagger tagger = { 0 };
  gsize length;
  gsize from = 0;
  guint chars = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   _("The text is not valid UTF-8; convert it before tagging times"));
      return NULL;
    }
  if (!parse_anchor (anchor, &tagger.anchor, error))
    return NULL;
  tagger.has_anchor = g_date_valid (&tagger.anchor);

  tagger.lexicon = time_lexicon_get (language, error);
  if (tagger.lexicon == NULL)
    return NULL;

  timexes = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timex_free);
  length = strlen (text);

  /* Long texts go in pieces cut at a line break (else a space), so that the tokens of one
   * piece, which hold their phrases, stay small. */
  while (from < length)
    {
      gsize to = MIN (from + CHUNK_BYTES, length);
      g_autofree char *chunk = NULL;
      g_autoptr(GArray) tokens = NULL;
      guint i = 0;

      if (to < length)
        {
          gsize cut = to;

          while (cut > from && text[cut - 1] != '\n')
            cut--;
          if (cut == from)
            for (cut = to; cut > from && text[cut - 1] != ' '; cut--)
              ;
          if (cut == from)
            while (to > from && (text[to] & 0xC0) == 0x80)
              to--;
          else
            to = cut;
        }

      chunk = g_strndup (text + from, to - from);
      tokens = tokenize (chunk, tagger.lexicon);
      tagger.text = chunk;
      tagger.tokens = tokens;
      if (from == 0)
        apply_dateline (&tagger);

      while (i < tokens->len)
        {
          Match m = { .start = i };

          if (!match_at (&tagger, i, &m))
            {
              i++;
              continue;
            }

          if (m.report_quarter && tagger.fiscal_quarter > 0)
            {
              g_free (m.value);
              m.value = g_strdup_printf ("%04d-Q%d", tagger.fiscal_year - m.report_years_back,
                                         tagger.fiscal_quarter);
            }
          else if (m.names_fiscal && tagger.fiscal_quarter == 0 && m.value != NULL &&
                   strlen (m.value) == 7 && m.value[5] == 'Q')
            {
              tagger.fiscal_year = atoi (m.value);
              tagger.fiscal_quarter = m.value[6] - '0';
            }
          else if (m.names_quarter && !m.names_fiscal && tagger.fiscal_quarter > 0)
            {
              g_autofree char *reported = shift_value (&tagger, "Q", -1);

              /* another company's calendar quarter, the one just ended ("America West's
               * third-quarter profit"): "a year earlier" now counts from it */
              if (g_strcmp0 (m.value, reported) == 0)
                tagger.fiscal_quarter = 0;
            }

          if (m.type == RSH_TIMEX_DATE || m.type == RSH_TIMEX_TIME)
            note_reference (&tagger, m.value);

          {
            Token *first = tok (&tagger, m.start);
            Token *last = tok (&tagger, m.end - 1);
            RshTimex *timex = g_new0 (RshTimex, 1);

            timex->start = chars + first->cstart;
            timex->end = chars + last->cend;
            timex->text = g_strndup (chunk + first->bstart, last->bend - first->bstart);
            timex->type = m.type;
            timex->value = g_steal_pointer (&m.value);
            g_ptr_array_add (timexes, timex);
          }
          i = MAX (m.end, i + 1);
        }

      chars += g_utf8_strlen (chunk, -1);
      from = to;
    }

  return g_steal_pointer (&timexes);
}

/**
 * rsh_timex_find_point:
 * @timexes: (element-type RshTimex): expressions from rsh_timex_tag()
 * @start: first code point of a stretch of text
 * @end: end of the stretch, exclusive
 *
 * Finds the expression that places a stretch (a sentence) in time: the first DATE or TIME
 * inside it that has a value. Durations and sets place nothing.
 *
 * Returns: (transfer none) (nullable): the expression, or %NULL
 */
const RshTimex *
rsh_timex_find_point (const GPtrArray *timexes,
                      guint            start,
                      guint            end)
{
  g_return_val_if_fail (timexes != NULL, NULL);

  for (guint i = 0; i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);

      if (timex->start < start || timex->end > end)
        continue;
      if ((timex->type == RSH_TIMEX_DATE || timex->type == RSH_TIMEX_TIME) &&
          timex->value != NULL)
        return timex;
    }

  return NULL;
}

static char *
day_string (int year,
            int month,
            int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * rsh_timex_get_bounds:
 * @timex: a DATE or TIME expression
 * @anchor: (nullable): the anchor it was resolved against, for vague values
 * @earliest: (out) (transfer full) (nullable): the earliest date it may mean
 * @latest: (out) (transfer full) (nullable): the latest date it may mean
 *
 * Bounds the moment @timex names by two dates, each an ISO 8601 date that may be partial
 * ("2017-09", "2017") when the expression is. A week, quarter, season or decade is bounded by
 * its first and last day or year. "PAST_REF" is bounded above by the anchor only,
 * "FUTURE_REF" below; the other bound is %NULL (unknown).
 *
 * Returns: %TRUE when @timex names a moment, %FALSE for durations, sets and unknown values
 */
gboolean
rsh_timex_get_bounds (const RshTimex  *timex,
                      const char      *anchor,
                      char           **earliest,
                      char           **latest)
{
  const char *v;
  g_autofree char *anchor_day = NULL;
  int year, number;
  char code[3] = { 0 };

  g_return_val_if_fail (timex != NULL, FALSE);
  g_return_val_if_fail (earliest != NULL && latest != NULL, FALSE);

  *earliest = NULL;
  *latest = NULL;
  v = timex->value;
  if (v == NULL || timex->type == RSH_TIMEX_DURATION || timex->type == RSH_TIMEX_SET)
    return FALSE;
  if (anchor != NULL && strlen (anchor) >= 10)
    anchor_day = g_strndup (anchor, 10);

  if (strcmp (v, "PRESENT_REF") == 0)
    {
      *earliest = g_strdup (anchor_day);
      *latest = g_strdup (anchor_day);
      return anchor_day != NULL;
    }
  if (strcmp (v, "PAST_REF") == 0)
    {
      *latest = g_strdup (anchor_day);
      return anchor_day != NULL;
    }
  if (strcmp (v, "FUTURE_REF") == 0)
    {
      *earliest = g_strdup (anchor_day);
      return anchor_day != NULL;
    }
  if (!g_ascii_isdigit (v[0]))
    return FALSE;

  /* 2017-W41 */
  if (sscanf (v, "%4d-W%2d", &year, &number) == 2 && strlen (v) >= 8 && v[5] == 'W')
    {
      GDate date;
      GDate jan4;
      int offset;

      g_date_clear (&jan4, 1);
      g_date_set_dmy (&jan4, 4, 1, year);
      offset = g_date_get_weekday (&jan4) - 1;
      date = jan4;
      g_date_subtract_days (&date, offset);
      g_date_add_days (&date, 7 * (number - 1));
      if (strstr (v, "-WE") != NULL)
        g_date_add_days (&date, 5);
      *earliest = format_day (&date);
      g_date_add_days (&date, strstr (v, "-WE") != NULL ? 1 : 6);
      *latest = format_day (&date);
      return TRUE;
    }
  /* 2017-Q3, 2017-H1, 2017-SP */
  if (strlen (v) == 7 && v[4] == '-' && sscanf (v, "%4d-%2s", &year, code) == 2 &&
      g_ascii_isalpha (v[5]))
    {
      int first = 1, last = 12;

      if (v[5] == 'Q' && g_ascii_isdigit (v[6]))
        {
          first = (v[6] - '1') * 3 + 1;
          last = first + 2;
        }
      else if (v[5] == 'H' && g_ascii_isdigit (v[6]))
        {
          first = v[6] == '1' ? 1 : 7;
          last = first + 5;
        }
      else
        {
          first = season_start_month (v + 5);
          last = first + 2;
        }
      *earliest = g_strdup_printf ("%04d-%02d", year, first);
      *latest = last > 12 ? g_strdup_printf ("%04d-%02d", year + 1, last - 12)
                          : g_strdup_printf ("%04d-%02d", year, last);
      return TRUE;
    }
  /* decades "199" and centuries "19" */
  if (strlen (v) == 3 && all_digits (v, 3, 3))
    {
      *earliest = g_strdup_printf ("%s0", v);
      *latest = g_strdup_printf ("%s9", v);
      return TRUE;
    }
  if (strlen (v) == 2 && all_digits (v, 2, 2))
    {
      *earliest = g_strdup_printf ("%s00", v);
      *latest = g_strdup_printf ("%s99", v);
      return TRUE;
    }
  /* 2017, 2017-09, 2017-09-13 and 2017-09-13T15:00 */
  if (strlen (v) >= 4 && g_ascii_isdigit (v[1]) && g_ascii_isdigit (v[2]) &&
      g_ascii_isdigit (v[3]))
    {
      gsize n = strcspn (v, "T");
      g_autofree char *date = g_strndup (v, MIN (n, 10));
      int y, mo, d;

      if (strlen (date) == 10 && sscanf (date, "%4d-%2d-%2d", &y, &mo, &d) == 3)
        {
          *earliest = day_string (y, mo, d);
          *latest = day_string (y, mo, d);
          return TRUE;
        }
      *earliest = g_strdup (date);
      *latest = g_strdup (date);
      return TRUE;
    }

  return FALSE;
}

/**
 * rsh_timex_find_for_span:
 * @timexes: (element-type RshTimex): expressions from rsh_timex_tag()
 * @sentences: (nullable) (element-type RshSpan): the sentences of the text, in code points
 * @start: first code point of a statement's content (a mention's quote)
 * @end: its end, exclusive
 *
 * Finds the time expression that dates a statement: a DATE or TIME with a value in the
 * sentence holding @start, preferably outside the quoted content, since "X said Tuesday
 * that the ban came last month" was said Tuesday. Inside the content only a precise day
 * counts. Without @sentences only [@start, @end) is searched.
 *
 * Returns: (transfer none) (nullable): the expression, or %NULL
 */
const RshTimex *
rsh_timex_find_for_span (const GPtrArray *timexes,
                         const GArray    *sentences,
                         guint            start,
                         guint            end)
{
  guint from = start, to = end;
  const RshTimex *inside = NULL;

  g_return_val_if_fail (timexes != NULL, NULL);

  for (guint i = 0; sentences != NULL && i < sentences->len; i++)
    {
      const RshSpan *span = &g_array_index (sentences, RshSpan, i);

      if (span->start <= start && start < span->end)
        {
          from = span->start;
          to = MAX (span->end, end);
          break;
        }
    }

  for (guint i = 0; i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);

      if (timex->start < from || timex->end > to || timex->value == NULL ||
          (timex->type != RSH_TIMEX_DATE && timex->type != RSH_TIMEX_TIME))
        continue;
      if (timex->end <= start || timex->start >= end)
        return timex;
      /* Inside the content, only a day may also date the statement ("said the pumps were
       * restarted on Monday"); a year or a month there is the content's own time ("said the
       * pumps had been repaired in 2015"). */
      if (inside == NULL && strlen (timex->value) >= 10 && g_ascii_isdigit (timex->value[0]))
        inside = timex;
    }

  return inside;
}

/* The last few texts tagged for placing statements, so that placing every statement of a
 * source tags and segments it once. Entries are matched on the whole text, the anchor and
 * the language, never on a pointer. */
#define PLACE_CACHE_SIZE 8

typedef struct
{
  char      *text;
  char      *anchor;
  char      *language;
  GPtrArray *timexes;
  GArray    *sentences;
} Placed;

static void
placed_free (Placed *placed)
{
  g_free (placed->text);
  g_free (placed->anchor);
  g_free (placed->language);
  g_clear_pointer (&placed->timexes, g_ptr_array_unref);
  g_clear_pointer (&placed->sentences, g_array_unref);
  g_free (placed);
}

static GQueue place_cache = G_QUEUE_INIT;
G_LOCK_DEFINE_STATIC (place_cache);

/* The cached analysis of @text, made if missing; call with place_cache locked. */
static Placed *
get_placed (const char *text,
            const char *anchor,
            const char *language)
{
  Placed *placed = NULL;

  for (GList *l = place_cache.head; l != NULL; l = l->next)
    {
      Placed *entry = l->data;

      if (g_strcmp0 (entry->anchor, anchor) == 0 && g_strcmp0 (entry->language, language) == 0 &&
          strcmp (entry->text, text) == 0)
        {
          placed = entry;
          g_queue_unlink (&place_cache, l);
          g_queue_push_head_link (&place_cache, l);
          break;
        }
    }

  if (placed == NULL)
    {
      g_autoptr(GPtrArray) timexes = rsh_timex_tag (text, anchor, language, NULL);

      if (timexes == NULL)
        return NULL;
      placed = g_new0 (Placed, 1);
      placed->text = g_strdup (text);
      placed->anchor = g_strdup (anchor);
      placed->language = g_strdup (language);
      placed->timexes = g_steal_pointer (&timexes);
      placed->sentences = rsh_segment_sentences (text, language, NULL);
      g_queue_push_head (&place_cache, placed);
      while (place_cache.length > PLACE_CACHE_SIZE)
        placed_free (g_queue_pop_tail (&place_cache));
    }

  return placed;
}

/**
 * rsh_timex_place_span:
 * @text: a source's text
 * @anchor: (nullable): its publication date, or %NULL when unknown
 * @language: (nullable): its language; %NULL means English
 * @start: first code point of a statement's content
 * @end: its end, exclusive
 *
 * Tags @text (once for many calls) and returns the expression that dates the statement at
 * [@start, @end), as rsh_timex_find_for_span() chooses it.
 *
 * Returns: (transfer full) (nullable): a copy of the expression, or %NULL when the sentence
 *   has none or @anchor is malformed
 */
RshTimex *
rsh_timex_place_span (const char *text,
                      const char *anchor,
                      const char *language,
                      guint       start,
                      guint       end)
{
  Placed *placed;
  RshTimex *found = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  G_LOCK (place_cache);
  placed = get_placed (text, anchor, language);
  if (placed != NULL)
    {
      const RshTimex *timex = rsh_timex_find_for_span (placed->timexes, placed->sentences,
                                                       start, end);

      if (timex != NULL)
        found = rsh_timex_copy (timex);
    }
  G_UNLOCK (place_cache);

  return found;
}

/**
 * rsh_timex_infer_published_floor:
 * @text: the text of a source whose publication date is unknown
 * @language: (nullable): its language; %NULL means English
 *
 * A text is published no earlier than the latest date it names outright ("on September 13,
 * 2017", "in 2014"); relative expressions say nothing without an anchor. This gives that
 * lower bound, at the precision of the expression, so that an undated source's statements
 * get an interval that is open towards the future rather than an invented date.
 *
 * Returns: (transfer full) (nullable): an ISO 8601 date, possibly partial, or %NULL when the
 *   text names no absolute date
 */
char *
rsh_timex_infer_published_floor (const char *text,
                                 const char *language)
{
  Placed *placed;
  GPtrArray *timexes;
  char *floor = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  G_LOCK (place_cache);
  placed = get_placed (text, NULL, language);
  timexes = placed != NULL ? placed->timexes : NULL;
  for (guint i = 0; timexes != NULL && i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;

      /* only fully written years count: "XXXX-09-13" names no year */
      if (timex->value == NULL || !g_ascii_isdigit (timex->value[0]) ||
          !rsh_timex_get_bounds (timex, NULL, &earliest, &latest) || earliest == NULL)
        continue;
      if (floor == NULL || strcmp (earliest, floor) > 0)
        {
          g_free (floor);
          floor = g_steal_pointer (&earliest);
        }
    }
  G_UNLOCK (place_cache);

  return floor;
}
