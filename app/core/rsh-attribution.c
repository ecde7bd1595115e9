/* rsh-attribution.c: who said what, sentence by sentence
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rashomon.h"
#include "rsh-lexicon-private.h"

/* Longest speaker name looked for, in words. */
#define MAX_SPEAKER_WORDS 7
/* Longest aside between a speaker and the cue ("X, who runs the plant, said"), in words. */
#define MAX_APPOSITION_WORDS 24
/* How far after a cue a complementizer ("said on Tuesday that") still opens the content. */
#define MAX_WORDS_BEFORE_COMPLEMENTIZER 7

typedef struct
{
  guint     start;       /* code points, relative to the sentence */
  guint     end;
  char     *fold;        /* lower case, ASCII apostrophes */
  guint     capitalised : 1;
  guint     clean_before : 1; /* only white space since the previous word */
  guint     soft_before : 1;  /* only white space and quotation marks since then */
} Token;

typedef struct
{
  const char  *text;     /* the sentence, not NUL-terminated */
  guint        offset;   /* code point offset of the sentence in the whole text */
  GArray      *bytes;    /* code point → byte offset in the sentence, length n_chars + 1 */
  GArray      *tokens;   /* Token */
} Sentence;

typedef struct
{
  const RshCue *cue;
  guint         first;   /* token range of the cue, inclusive */
  guint         last;
  gboolean      has_speaker;
  guint         sp_first; /* token range of the speaker, inclusive */
  guint         sp_last;
  guint         cx_first; /* speaker and cue together: left out of the content */
  guint         cx_last;
  guint         inner_first; /* token range of an inner cue that gives the stance */
  guint         inner_last;  /* ("said it has no evidence"); inner_last is 0 without one */
  gboolean      negated;
  guint         sp_cut;   /* characters left out at the speaker's end (possessive "'s") */
  gboolean      self_negated; /* "X said it was not responsible": X denies */
  gboolean      framed;   /* right after a closed quotation: "…,” X said" */
  gboolean      described; /* a description stands before the speaker's name: "The */
  guint         desc_first; /* operator, [X], said"; desc_first is its first token */
} Match;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->fold);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_inner_char (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == '&';
}

static gboolean
is_quote_char (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00AB || c == 0x00BB || c == 0x201E;
}

static void
sentence_clear (Sentence *sentence)
{
  g_clear_pointer (&sentence->bytes, g_array_unref);
  g_clear_pointer (&sentence->tokens, g_array_unref);
}

static void
sentence_init (Sentence   *sentence,
               const char *text,
               gsize       n_bytes,
               guint       offset)
{
  guint char_index = 0;
  gboolean clean = TRUE;
  gboolean soft = TRUE;
  gboolean in_word = FALSE;
  Token token = { 0, };
  GString *word = g_string_new (NULL);

  sentence->text = text;
  sentence->offset = offset;
  sentence->bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  sentence->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (sentence->tokens, token_clear);

  for (const char *p = text; ; p = g_utf8_next_char (p), char_index++)
    {
      gboolean at_end = (gsize) (p - text) >= n_bytes;
      gunichar c = at_end ? 0 : g_utf8_get_char (p);
      gboolean word_char = !at_end && is_word_char (c);
      gsize byte = p - text;

      g_array_append_val (sentence->bytes, byte);

      /* An apostrophe or hyphen stays inside a word only between two letters, except the
       * apostrophe of a plural possessive ("the dockers’ union"). */
      if (!at_end && in_word && is_inner_char (c))
        {
          const char *next = g_utf8_next_char (p);
          gboolean next_is_word = (gsize) (next - text) < n_bytes &&
                                  is_word_char (g_utf8_get_char (next));
          gboolean plural_possessive = (c == '\'' || c == 0x2019) &&
                                       g_str_has_suffix (word->str, "s") &&
                                       ((gsize) (next - text) >= n_bytes ||
                                        g_unichar_isspace (g_utf8_get_char (next)));

          if (next_is_word || plural_possessive)
            word_char = TRUE;
        }

      if (word_char)
        {
          if (!in_word)
            {
              token.start = char_index;
              token.capitalised = g_unichar_isupper (c) || g_unichar_istitle (c);
              token.clean_before = clean;
              token.soft_before = soft;
              in_word = TRUE;
            }
          if (c == 0x2019)
            g_string_append_c (word, '\'');
          else
            g_string_append_unichar (word, g_unichar_tolower (c));
        }
      else
        {
          if (in_word)
            {
              token.end = char_index;
              token.fold = g_strdup (word->str);
              g_array_append_val (sentence->tokens, token);
              g_string_truncate (word, 0);
              in_word = FALSE;
              clean = TRUE;
              soft = TRUE;
            }
          if (!at_end && !g_unichar_isspace (c))
            clean = FALSE;
          if (!at_end && !g_unichar_isspace (c) && !is_quote_char (c))
            soft = FALSE;
        }

      if (at_end)
        break;
    }

  g_string_free (word, TRUE);
}

static inline Token *
token_at (Sentence *sentence,
          guint     i)
{
  return &g_array_index (sentence->tokens, Token, i);
}

static guint
n_chars (Sentence *sentence)
{
  return sentence->bytes->len - 1;
}

static char *
sentence_slice (Sentence *sentence,
                guint     start,
                guint     end)
{
  gsize a = g_array_index (sentence->bytes, gsize, start);
  gsize b = g_array_index (sentence->bytes, gsize, end);

  return g_strndup (sentence->text + a, b - a);
}

static gunichar
char_at (Sentence *sentence,
         guint     i)
{
  return g_utf8_get_char (sentence->text + g_array_index (sentence->bytes, gsize, i));
}

/* Joins the folded words [first, first + n) if nothing but spaces (and, when @soft,
 * quotation marks: has “no evidence”) separates them. */
static char *
join_words_full (Sentence *sentence,
                 guint     first,
                 guint     n,
                 gboolean  soft)
{
  GString *out;

  if (first + n > sentence->tokens->len)
    return NULL;

  out = g_string_new (token_at (sentence, first)->fold);
  for (guint i = first + 1; i < first + n; i++)
    {
      Token *token = token_at (sentence, i);

      if (!(soft ? token->soft_before : token->clean_before))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, ' ');
      g_string_append (out, token_at (sentence, i)->fold);
    }

  return g_string_free (out, FALSE);
}

static char *
join_words (Sentence *sentence,
            guint     first,
            guint     n)
{
  return join_words_full (sentence, first, n, FALSE);
}

static gboolean
token_in (RshLexicon  *lexicon,
          RshWordList  list,
          Token       *token)
{
  return rsh_lexicon_has_word (lexicon, list, token->fold);
}

static guint
count_cue_words (const char *word)
{
  guint n = 1;

  for (const char *p = word; *p; p++)
    if (*p == ' ')
      n++;

  return n;
}

/* Whether the folded word ends in a possessive ("officials'", "germany's"). */
static gboolean
is_possessive (const char *fold)
{
  return g_str_has_suffix (fold, "'s") || g_str_has_suffix (fold, "s'");
}

/* A name is a speaker if it holds a capitalised word, or if its head word tells a kind
 * ("officials", "the ministry") or it is a pronoun ("she"). With @possessive the head
 * carries a possessive ending ("US officials' claims"), which is left out. */
static gboolean
is_plausible_speaker_full (RshLexicon *lexicon,
                           Sentence   *sentence,
                           guint       first,
                           guint       last,
                           gboolean    possessive)
{
  Token *head = token_at (sentence, last);
  g_autofree char *name = NULL;
  g_autofree char *head_word = NULL;
  gboolean has_content = FALSE;

  /* "Veltrix's claims": a possessive modifies the cue word, it does not speak. */
  if (is_possessive (head->fold) != possessive)
    return FALSE;

  /* "according to March 2015 figures" names a date and data, not a speaker. */
  for (guint i = first; i <= last; i++)
    if (g_ascii_isdigit (token_at (sentence, i)->fold[0]))
      return FALSE;

  for (guint i = first; i <= last; i++)
    {
      Token *token = token_at (sentence, i);

      if (token_in (lexicon, RSH_WORDS_ARTICLE, token))
        continue;
      has_content = TRUE;
      /* The first word of a sentence is capitalised anyway. */
      if (token->capitalised && (i > 0 || first == last))
        return TRUE;
    }

  if (!has_content)
    return FALSE;

  name = sentence_slice (sentence, token_at (sentence, first)->start, head->end);
  if (!possessive && rsh_lexicon_find_pronoun (lexicon, name) != NULL)
    return TRUE;

  /* Only the head word may tell the kind: "the minister's answer" is no speaker. */
  head_word = g_strdup (head->fold);
  if (possessive)
    head_word[strlen (head_word) - (g_str_has_suffix (head_word, "'s") ? 2 : 1)] = '\0';

  return rsh_lexicon_guess_kind (lexicon, head_word) != RSH_ACTOR_KIND_UNKNOWN;
}

static gboolean
is_plausible_speaker (RshLexicon *lexicon,
                      Sentence   *sentence,
                      guint       first,
                      guint       last)
{
  return is_plausible_speaker_full (lexicon, sentence, first, last, FALSE);
}

/* Whether only a comma (and spaces) separate token @i from the one before it. */
static gboolean
comma_before (Sentence *sentence,
              guint     i)
{
  guint from = token_at (sentence, i - 1)->end;
  guint to = token_at (sentence, i)->start;
  gboolean comma = FALSE;

  for (guint c = from; c < to; c++)
    {
      gunichar ch = char_at (sentence, c);

      if (ch == ',')
        comma = TRUE;
      else if (!g_unichar_isspace (ch) && !is_quote_char (ch))
        return FALSE;
    }

  return comma;
}

/* The noun phrase ending at token @last, read backwards; FALSE if there is none. */
static gboolean
scan_noun_phrase_full (RshLexicon *lexicon,
                       Sentence   *sentence,
                       guint       last,
                       gboolean    possessive,
                       guint      *first_out)
{
  guint first = last;

  while (TRUE)
    {
      Token *token = token_at (sentence, first);

      if (token_in (lexicon, RSH_WORDS_BOUNDARY, token) ||
          token_in (lexicon, RSH_WORDS_AUXILIARY, token) ||
          token_in (lexicon, RSH_WORDS_PASSIVE, token))
        {
          guint outer_first;

          if (first == last)
            return FALSE;

          /* "the harbour office in Kraków": take the part before the linker along when it
           * could speak by itself. */
          if (token_in (lexicon, RSH_WORDS_LINKER, token) && first > 0 && token->clean_before &&
              scan_noun_phrase_full (lexicon, sentence, first - 1, FALSE, &outer_first))
            {
              first = outer_first;
              break;
            }

          first++;
          break;
        }

      /* "Germany disputed [US officials'] claims": a name never runs across a cue. */
      if (first != last && !token->capitalised &&
          rsh_lexicon_get_cues_for (lexicon, token->fold) != NULL)
        {
          first++;
          break;
        }

      /* An article opens the noun phrase. */
      if (token_in (lexicon, RSH_WORDS_ARTICLE, token))
        break;

      if (first == 0 || !token->clean_before || last - first + 1 >= MAX_SPEAKER_WORDS)
        break;

      first--;
    }

  if (!is_plausible_speaker_full (lexicon, sentence, first, last, possessive))
    return FALSE;

  *first_out = first;
  return TRUE;
}

static gboolean
scan_noun_phrase (RshLexicon *lexicon,
                  Sentence   *sentence,
                  guint       last,
                  guint      *first_out)
{
  return scan_noun_phrase_full (lexicon, sentence, last, FALSE, first_out);
}

/* "A New York Times report [said]": a document names its maker. The document word and a
 * leading article before a proper name are left out of the speaker. */
static void
strip_document_head (RshLexicon *lexicon,
                     Sentence   *sentence,
                     Match      *match)
{
  guint first = match->sp_first;
  guint last = match->sp_last;

  if (last == first || !token_in (lexicon, RSH_WORDS_DOCUMENT, token_at (sentence, last)))
    return;
  if (!is_plausible_speaker (lexicon, sentence, first, last - 1))
    return;

  last--;
  if (first < last && token_in (lexicon, RSH_WORDS_ARTICLE, token_at (sentence, first)) &&
      token_at (sentence, first + 1)->capitalised)
    first++;

  match->sp_first = first;
  match->sp_last = last;
}

/* Whether tokens [first, last] are a document standing for its maker ("the report", "the
 * article", a pronoun of the lexicon). Such a speaker opens its clause ("The report said",
 * "…, the story says") or follows "according to"; elsewhere it is the object of the words
 * around it ("a source familiar with the story told", "said the article was fake"). */
static gboolean
is_document_pronoun (RshLexicon *lexicon,
                     Sentence   *sentence,
                     guint       first,
                     guint       last)
{
  g_autofree char *name = NULL;

  if (!token_in (lexicon, RSH_WORDS_DOCUMENT, token_at (sentence, last)))
    return FALSE;

  name = sentence_slice (sentence, token_at (sentence, first)->start,
                         token_at (sentence, last)->end);
  return rsh_lexicon_find_pronoun (lexicon, name) != NULL;
}

/* Whether tokens [first, last] are a proper name: capitalised words, with linkers ("of")
 * only between them. */
static gboolean
is_name (RshLexicon *lexicon,
         Sentence   *sentence,
         guint       first,
         guint       last)
{
  for (guint i = first; i <= last; i++)
    {
      Token *token = token_at (sentence, i);

      if (i > first && !token->clean_before)
        return FALSE;
      if (!token->capitalised &&
          (i == first || i == last || !token_in (lexicon, RSH_WORDS_LINKER, token)))
        return FALSE;
    }

  return TRUE;
}

/* Whether a short description opened by an article ends at token @last: "the
 * contractor", "the city's port operator". */
static gboolean
is_description (RshLexicon *lexicon,
                Sentence   *sentence,
                guint       last,
                guint      *first_out)
{
  for (guint i = last; last - i < MAX_APPOSITION_WORDS; i--)
    {
      Token *token = token_at (sentence, i);

      if (token_in (lexicon, RSH_WORDS_ARTICLE, token))
        {
          *first_out = i;
          return i < last;
        }
      if (i == 0 || !token->clean_before || token_in (lexicon, RSH_WORDS_BOUNDARY, token))
        return FALSE;
    }

  return FALSE;
}

/* The noun phrase ending just before token @cue_first: "Germany's BSI agency [said]",
 * "Kaspersky [has denied]", "Jane Doe, the agency's head, [said]". Auxiliaries, negations
 * and words of time ("published Tuesday") may stand between. */
static gboolean
find_speaker_before (RshLexicon *lexicon,
                     Sentence   *sentence,
                     Match      *match)
{
  guint j = match->first;
  guint first;
  guint last;

  /* Skip "has", "also", "not", "did not", "refused to" backwards. */
  while (j > 0 && token_at (sentence, j)->clean_before)
    {
      Token *prev = token_at (sentence, j - 1);
      g_autofree char *pair = j >= 2 ? join_words (sentence, j - 2, 2) : NULL;

      /* "we were told": the one before a passive cue is told, not telling. */
      if (token_in (lexicon, RSH_WORDS_PASSIVE, prev))
        return FALSE;

      if (token_in (lexicon, RSH_WORDS_NEGATION, prev))
        match->negated = TRUE;
      else if (pair != NULL && rsh_lexicon_has_word (lexicon, RSH_WORDS_NEGATION, pair))
        {
          match->negated = TRUE;
          j--;
        }
      else if (!token_in (lexicon, RSH_WORDS_AUXILIARY, prev) &&
               !token_in (lexicon, RSH_WORDS_HEDGE, prev) &&
               !token_in (lexicon, RSH_WORDS_TIME, prev))
        break;
      j--;
    }

  if (j == 0)
    return FALSE;

  if (!token_at (sentence, j)->clean_before)
    {
      guint k;

      /* "Daniel Achterberg, the opposition spokesman, said", "X, who runs the plant, said":
       * skip an aside between two commas that opens with an apposition word. */
      if (!comma_before (sentence, j))
        return FALSE;

      k = j - 1;
      while (k > 0 && token_at (sentence, k)->clean_before && j - k < MAX_APPOSITION_WORDS)
        k--;
      if (k == 0 || !comma_before (sentence, k))
        return FALSE;

      /* "The operator, Kelvar Industries, denied": a name set after a description is the
       * speaker the description stands for. */
      if (!token_in (lexicon, RSH_WORDS_APPOSITION, token_at (sentence, k)))
        {
          if (!is_name (lexicon, sentence, k, j - 1) ||
              !is_description (lexicon, sentence, k - 1, &first))
            return FALSE;

          match->described = TRUE;
          match->desc_first = first;

          match->has_speaker = TRUE;
          match->sp_first = k;
          match->sp_last = j - 1;
          return TRUE;
        }

      j = k;
    }

  last = j - 1;
  if (!scan_noun_phrase (lexicon, sentence, last, &first))
    return FALSE;
  if (first > 0 && token_at (sentence, first)->clean_before &&
      is_document_pronoun (lexicon, sentence, first, last))
    return FALSE;

  match->has_speaker = TRUE;
  match->sp_first = first;
  match->sp_last = last;
  strip_document_head (lexicon, sentence, match);

  return TRUE;
}

/* The noun phrase starting at token @first and running forwards. */
static gboolean
scan_noun_phrase_forward (RshLexicon *lexicon,
                          Sentence   *sentence,
                          guint       first,
                          guint      *last_out)
{
  guint last = first;

  while (last + 1 < sentence->tokens->len && last - first + 1 < MAX_SPEAKER_WORDS)
    {
      Token *next = token_at (sentence, last + 1);

      if (!next->clean_before ||
          token_in (lexicon, RSH_WORDS_BOUNDARY, next) ||
          token_in (lexicon, RSH_WORDS_AUXILIARY, next) ||
          token_in (lexicon, RSH_WORDS_PASSIVE, next) ||
          token_in (lexicon, RSH_WORDS_COMPLEMENTIZER, next) ||
          /* after an article a cue word is a noun: "according to the report" */
          (rsh_lexicon_get_cues_for (lexicon, next->fold) != NULL &&
           !token_in (lexicon, RSH_WORDS_ARTICLE, token_at (sentence, last))))
        break;
      last++;
    }

  if (!is_plausible_speaker (lexicon, sentence, first, last))
    return FALSE;

  *last_out = last;
  return TRUE;
}

/* The noun phrase right after the cue: "according to [the agency]", "…,” said [Jane Doe]". */
static gboolean
find_speaker_after (RshLexicon *lexicon,
                    Sentence   *sentence,
                    Match      *match)
{
  guint first = match->last + 1;
  guint last;
  Token *token;

  if (first >= sentence->tokens->len || !token_at (sentence, first)->clean_before)
    return FALSE;

  token = token_at (sentence, first);
  /* An inverted speaker ("said Jane Doe") is a name or opens with an article. */
  if (match->cue->position != 'a' && !token->capitalised &&
      !token_in (lexicon, RSH_WORDS_ARTICLE, token))
    return FALSE;

  if (!scan_noun_phrase_forward (lexicon, sentence, first, &last))
    return FALSE;
  if (match->cue->position != 'a' && is_document_pronoun (lexicon, sentence, first, last))
    return FALSE;

  match->has_speaker = TRUE;
  match->sp_first = first;
  match->sp_last = last;
  strip_document_head (lexicon, sentence, match);

  return TRUE;
}

/* "US officials' [claims]": the possessive noun phrase right before the cue. */
static gboolean
find_speaker_possessive (RshLexicon *lexicon,
                         Sentence   *sentence,
                         Match      *match)
{
  guint first;
  Token *head;

  if (match->first == 0 || !token_at (sentence, match->first)->clean_before)
    return FALSE;

  head = token_at (sentence, match->first - 1);
  if (!is_possessive (head->fold) ||
      !scan_noun_phrase_full (lexicon, sentence, match->first - 1, TRUE, &first))
    return FALSE;

  match->has_speaker = TRUE;
  match->sp_first = first;
  match->sp_last = match->first - 1;
  match->sp_cut = g_str_has_suffix (head->fold, "'s") ? 2 : 1;

  return TRUE;
}

/* Matches a cue of the lexicon at token @i whose position is in @positions. */
static gboolean closes_quote_before (Sentence *sentence,
                                     guint     i);

static gboolean
match_cue_at_full (RshLexicon *lexicon,
                   Sentence   *sentence,
                   guint       i,
                   const char *positions,
                   Match      *match)
{
  const GPtrArray *cues = rsh_lexicon_get_cues_for (lexicon, token_at (sentence, i)->fold);

  if (cues == NULL)
    return FALSE;

  /* A capitalised cue word inside a sentence is part of a name ("the Claims Office"). */
  if (i > 0 && token_at (sentence, i)->capitalised)
    return FALSE;

  for (guint c = 0; c < cues->len; c++)
    {
      const RshCue *cue = g_ptr_array_index (cues, c);
      guint n = count_cue_words (cue->word);
      g_autofree char *phrase = join_words_full (sentence, i, n, TRUE);

      if (strchr (positions, cue->position) == NULL ||
          phrase == NULL || strcmp (phrase, cue->word) != 0)
        continue;

      memset (match, 0, sizeof *match);
      match->cue = cue;
      match->first = i;
      match->last = i + n - 1;

      switch (cue->position)
        {
        case 'n':
          /* "It was reported that …": nobody is named. */
          match->sp_first = i;
          match->sp_last = match->last;
          return TRUE;
        case 'p':
          if (find_speaker_possessive (lexicon, sentence, match))
            return TRUE;
          break;
        case 'c':
        case 'o':
          return TRUE;
        case 'f':
          /* "“…?” the minister asked": only right after a closed quotation */
          if ((find_speaker_before (lexicon, sentence, match) ||
               find_speaker_after (lexicon, sentence, match)) &&
              closes_quote_before (sentence, MIN (match->first, match->sp_first)))
            return TRUE;
          break;
        default:
          if (cue->position != 'a' && find_speaker_before (lexicon, sentence, match))
            return TRUE;
          match->negated = FALSE;
          if (cue->position != 'b' && find_speaker_after (lexicon, sentence, match))
            return TRUE;
          break;
        }
    }

  return FALSE;
}

static gboolean
match_cue_at (RshLexicon *lexicon,
              Sentence   *sentence,
              guint       i,
              Match      *match)
{
  return match_cue_at_full (lexicon, sentence, i, "baefn", match);
}

static gboolean
is_trim_char (gunichar c)
{
  if (g_unichar_isspace (c))
    return TRUE;

  switch (c)
    {
    case ',': case ';': case ':': case '"': case '\'': case '(': case ')':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
    case 0x201E: case 0x2013: case 0x2014: case '-':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_opening_quote (gunichar c)
{
  return c == 0x201C || c == 0x00AB || c == 0x201E;
}

/* Narrows [*start, *end) to the content: without surrounding quotes, commas, spaces and a
 * final full stop. A quotation opened inside the content keeps its closing mark ("it is
 * “caught in the middle.”"). Returns FALSE when nothing is left. */
static gboolean
trim_content (Sentence *sentence,
              guint    *start,
              guint    *end)
{
  guint original_end = *end;
  int depth_curly = 0;
  guint n_straight = 0;

  while (*start < *end && is_trim_char (char_at (sentence, *start)))
    (*start)++;

  while (*end > *start)
    {
      gunichar c = char_at (sentence, *end - 1);

      if (!is_trim_char (c) && c != '.')
        break;
      (*end)--;
    }

  if (*end <= *start)
    return FALSE;

  for (guint c = *start; c < *end; c++)
    {
      gunichar ch = char_at (sentence, c);

      if (is_opening_quote (ch))
        depth_curly++;
      else if (ch == 0x201D || ch == 0x00BB)
        depth_curly--;
      else if (ch == '"')
        n_straight++;
    }

  if (depth_curly > 0 || n_straight % 2 == 1)
    {
      for (guint c = *end; c < original_end; c++)
        {
          gunichar ch = char_at (sentence, c);

          if ((depth_curly > 0 && (ch == 0x201D || ch == 0x00BB)) ||
              (n_straight % 2 == 1 && ch == '"'))
            {
              *end = c + 1;
              break;
            }
          if (ch != '.' && ch != '!' && ch != '?')
            break;
        }
    }

  return TRUE;
}

/* Where the content after the cue starts: after "that" if one follows within a few words
 * ("said on Tuesday that …"), else right after @after_token. */
static guint
content_start_after (RshLexicon *lexicon,
                     Sentence   *sentence,
                     guint       after_token)
{
  for (guint k = after_token + 1;
       k < sentence->tokens->len && k <= after_token + MAX_WORDS_BEFORE_COMPLEMENTIZER;
       k++)
    {
      Token *token = token_at (sentence, k);

      if (!token->clean_before && k > after_token + 1)
        break;
      if (token_in (lexicon, RSH_WORDS_COMPLEMENTIZER, token))
        return token->end;
      /* "said it has no evidence that …": a clause of its own has begun. */
      if (rsh_lexicon_find_pronoun (lexicon, token->fold) != NULL)
        break;
    }

  /* "told the Washington Post he believed …": the one spoken to is no content. */
  if (token_in (lexicon, RSH_WORDS_ADDRESSED, token_at (sentence, after_token)))
    {
      guint k = after_token + 1;

      while (k < sentence->tokens->len && k <= after_token + MAX_SPEAKER_WORDS &&
             token_at (sentence, k)->clean_before &&
             (token_at (sentence, k)->capitalised ||
              (k == after_token + 1 && token_in (lexicon, RSH_WORDS_ARTICLE, token_at (sentence, k)))))
        k++;
      if (k > after_token + 1 && k < sentence->tokens->len &&
          !token_in (lexicon, RSH_WORDS_ARTICLE, token_at (sentence, k - 1)))
        return token_at (sentence, k - 1)->end;
    }

  return token_at (sentence, after_token)->end;
}

/* Picks the claimed content of a sentence with the cue and speaker of @match, before
 * @limit (a code point of the sentence). */
static void
find_content (RshLexicon *lexicon,
              Sentence   *sentence,
              Match      *match,
              guint       limit,
              guint      *start,
              guint      *end)
{
  guint lead_start = token_at (sentence, match->cx_first)->start;
  guint tail_token = match->cx_last;
  guint before_start = 0;
  guint before_end = lead_start;
  guint after_start = content_start_after (lexicon, sentence, tail_token);
  guint after_end = limit;
  gboolean has_before;
  gboolean has_after;

  has_before = trim_content (sentence, &before_start, &before_end);
  has_after = after_start < after_end && trim_content (sentence, &after_start, &after_end);

  /* "“A,” X said, “B.”": the longer part carries the claim, and a closed quotation before
   * the cue is the claim ("“A,” X said in a statement to Reuters"). */
  if (has_before && (!has_after || match->framed ||
                     before_end - before_start >= after_end - after_start))
    {
      *start = before_start;
      *end = before_end;
    }
  else if (has_after)
    {
      *start = after_start;
      *end = after_end;
    }
  else
    {
      *start = 0;
      *end = limit;
      if (!trim_content (sentence, start, end))
        {
          *start = 0;
          *end = limit;
        }
    }
}

static RshStance
effective_stance (const Match *match)
{
  RshStance stance = match->cue->stance;

  if (match->self_negated && !match->negated &&
      (stance == RSH_STANCE_REPORTS || stance == RSH_STANCE_CONFIRMS))
    /* "X said it was not responsible", "“X has never helped …,” X said". */
    return RSH_STANCE_DENIES;

  if (!match->negated)
    return stance;

  switch (stance)
    {
    case RSH_STANCE_CONFIRMS:
    case RSH_STANCE_REPORTS:
      /* "did not confirm", "would not say": the speaker withholds support. */
      return RSH_STANCE_DISPUTES;
    case RSH_STANCE_DENIES:
    case RSH_STANCE_DISPUTES:
      /* "did not deny": the speaker lets the claim stand. */
      return RSH_STANCE_REPORTS;
    case RSH_STANCE_ABSENT:
    default:
      return stance;
    }
}

static gboolean
is_opening_mark (gunichar c)
{
  return c == 0x201C || c == 0x00AB || c == 0x201E || c == '"';
}

/* What the pass remembers across the sentences of one text. */
typedef struct
{
  RshLexicon *lexicon;
  const char *source_id;
  GPtrArray  *named;     /* char*: the names speakers were resolved to, in text order */
  GPtrArray  *persons;   /* char*: people named so far, each sentence's speakers last */
  GHashTable *sexes;     /* person's name → RSH_WORDS_MALE or RSH_WORDS_FEMALE, + 1 */
  GHashTable *aliases;   /* resolved name → GPtrArray of char*: its other names */
  GPtrArray  *mentions;  /* RshMention */
} Context;

static GPtrArray *
split_folded (const char *name)
{
  g_autofree char *folded = rsh_lexicon_fold (name);
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i]; i++)
    {
      char *word = parts[i];
      gsize len = strlen (word);

      if (len == 0)
        continue;
      if (g_str_has_suffix (word, "'s"))
        word[len - 2] = '\0';
      else if (word[len - 1] == '\'')
        word[len - 1] = '\0';
      g_ptr_array_add (words, g_strdup (word));
    }

  return words;
}

static gboolean
name_has_word (const char *name,
               const char *word)
{
  g_autoptr(GPtrArray) words = split_folded (name);

  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return TRUE;

  return FALSE;
}

/* "German" and "Germany" agree: the shorter is a prefix of the longer but for a few
 * letters. */
static gboolean
nationality_agrees (const char *a,
                    const char *b)
{
  gsize n = 0;
  gsize shorter = MIN (strlen (a), strlen (b));

  while (a[n] && a[n] == b[n])
    n++;

  return n >= 4 || (shorter > 0 && n + 2 >= shorter && n >= 2);
}

/* A description naming a nationality ("the German agency") fits only a name of the same
 * nationality, or one that names none. */
static gboolean
nationality_fits (RshLexicon *lexicon,
                  GPtrArray  *demonyms,
                  const char *name)
{
  g_autoptr(GPtrArray) words = NULL;
  gboolean names_one = FALSE;

  if (demonyms == NULL || demonyms->len == 0)
    return TRUE;

  words = split_folded (name);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (!rsh_lexicon_has_word (lexicon, RSH_WORDS_COUNTRY, word) &&
          !rsh_lexicon_has_word (lexicon, RSH_WORDS_DEMONYM, word))
        continue;
      names_one = TRUE;
      for (guint d = 0; d < demonyms->len; d++)
        if (nationality_agrees (word, g_ptr_array_index (demonyms, d)))
          return TRUE;
    }

  return !names_one;
}

/* The named speaker a pronoun or description stands for: the latest one whose kind fits
 * ("she": the last person; "the company": the last organization, or a name of unknown
 * kind). A description prefers a name with its head word ("the German intelligence
 * agency": "Germany's BSI intelligence agency" before "Germany"). */
static const char *
find_antecedent (RshLexicon       *lexicon,
                 const RshPronoun *pronoun,
                 const char       *head,
                 GPtrArray        *demonyms,
                 GPtrArray        *named)
{
  gboolean description = strchr (pronoun->word, ' ') != NULL;

  if (pronoun->not_person)
    {
      for (guint i = named->len; i > 0; i--)
        if (rsh_lexicon_guess_kind (lexicon, g_ptr_array_index (named, i - 1)) !=
            RSH_ACTOR_KIND_PERSON)
          return g_ptr_array_index (named, i - 1);
      return NULL;
    }

  if (pronoun->kind_any)
    return named->len > 0 ? g_ptr_array_index (named, named->len - 1) : NULL;

  for (guint pass = description && head != NULL ? 0 : 1; pass < 2; pass++)
    {
      for (guint i = named->len; i > 0; i--)
        {
          const char *name = g_ptr_array_index (named, i - 1);
          RshActorKind kind;

          /* "the company" stands for a proper name, not for another description. */
          if (description && !rsh_lexicon_is_proper_name (lexicon, name))
            continue;

          kind = rsh_lexicon_guess_kind (lexicon, name);
          /* A name of unknown kind ("Veltrix") is most likely a company. */
          if (kind != pronoun->kind &&
              !(kind == RSH_ACTOR_KIND_UNKNOWN && pronoun->kind == RSH_ACTOR_KIND_ORGANIZATION))
            continue;
          if (!nationality_fits (lexicon, demonyms, name))
            continue;
          if (pass == 0 && !name_has_word (name, head))
            continue;

          return name;
        }
    }

  return NULL;
}

/* Whether token @i may modify the head of a description: a lower-case word, a
 * nationality ("German") or a compound ("Moscow-based"). */
static gboolean
is_description_modifier (RshLexicon *lexicon,
                         Token      *token)
{
  return !token->capitalised ||
         rsh_lexicon_has_word (lexicon, RSH_WORDS_DEMONYM, token->fold) ||
         strchr (token->fold, '-') != NULL;
}

/* The pronoun-like speaker [first, last] stands for: "she", "the company", and "the
 * Moscow-based company" (a lexicon description with modifiers). */
static const RshPronoun *
find_description (RshLexicon *lexicon,
                  Sentence   *sentence,
                  guint       first,
                  guint       last,
                  GPtrArray  *demonyms)
{
  g_autofree char *written = sentence_slice (sentence, token_at (sentence, first)->start,
                                             token_at (sentence, last)->end);
  g_autofree char *key = NULL;
  const RshPronoun *pronoun = rsh_lexicon_find_pronoun (lexicon, written);

  if (pronoun != NULL)
    return pronoun;

  if (last == first || last - first > 3 ||
      !token_in (lexicon, RSH_WORDS_ARTICLE, token_at (sentence, first)) ||
      token_at (sentence, last)->capitalised)
    return NULL;

  for (guint i = first + 1; i < last; i++)
    {
      Token *token = token_at (sentence, i);

      if (!token->clean_before || !is_description_modifier (lexicon, token))
        return NULL;
      if (rsh_lexicon_has_word (lexicon, RSH_WORDS_DEMONYM, token->fold))
        g_ptr_array_add (demonyms, g_strdup (token->fold));
    }

  key = g_strconcat (token_at (sentence, first)->fold, " ", token_at (sentence, last)->fold,
                     NULL);
  pronoun = rsh_lexicon_find_pronoun (lexicon, key);

  /* Only descriptions stand for a name; a bare "it" with modifiers is no pronoun. */
  if (pronoun != NULL && strchr (pronoun->word, ' ') == NULL)
    return NULL;

  return pronoun;
}

static void
add_alias (Context    *ctx,
           const char *name,
           const char *alias)
{
  g_autofree char *key = rsh_lexicon_normalize_name (ctx->lexicon, alias);
  g_autofree char *name_key = rsh_lexicon_normalize_name (ctx->lexicon, name);
  GPtrArray *aliases;

  /* A bare pronoun names nobody. */
  if (strchr (alias, ' ') == NULL && rsh_lexicon_find_pronoun (ctx->lexicon, alias) != NULL)
    return;
  if (strcmp (key, name_key) == 0)
    return;

  aliases = g_hash_table_lookup (ctx->aliases, name);
  if (aliases == NULL)
    {
      aliases = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (ctx->aliases, g_strdup (name), aliases);
    }

  for (guint i = 0; i < aliases->len; i++)
    {
      g_autofree char *other = rsh_lexicon_normalize_name (ctx->lexicon,
                                                           g_ptr_array_index (aliases, i));

      if (strcmp (other, key) == 0)
        return;
    }

  g_ptr_array_add (aliases, g_strdup (alias));
}

/* The sex a name or pronoun tells by its words ("Mr", "spokeswoman", "she"):
 * RSH_WORDS_MALE or RSH_WORDS_FEMALE, or RSH_N_WORDS when it tells none. */
static RshWordList
sex_of (RshLexicon *lexicon,
        const char *written)
{
  g_autofree char *folded = rsh_lexicon_fold (written);
  g_auto(GStrv) words = g_strsplit_set (folded, " .,", -1);

  for (guint i = 0; words[i]; i++)
    {
      if (rsh_lexicon_has_word (lexicon, RSH_WORDS_MALE, words[i]))
        return RSH_WORDS_MALE;
      if (rsh_lexicon_has_word (lexicon, RSH_WORDS_FEMALE, words[i]))
        return RSH_WORDS_FEMALE;
    }

  return RSH_N_WORDS;
}

static void
note_sex (Context     *ctx,
          const char  *name,
          RshWordList  sex)
{
  if (sex != RSH_N_WORDS)
    g_hash_table_insert (ctx->sexes, g_strdup (name), GINT_TO_POINTER (sex + 1));
}

/* Adds @name as the latest person named; an earlier place of it no longer counts. */
static void
note_person (Context    *ctx,
             const char *name,
             const char *written)
{
  guint index;

  note_sex (ctx, name, sex_of (ctx->lexicon, written));
  if (g_ptr_array_find_with_equal_func (ctx->persons, name, g_str_equal, &index))
    g_ptr_array_remove_index (ctx->persons, index);
  g_ptr_array_add (ctx->persons, g_strdup (name));
}

/* The person "he" or "she" stands for: among the last few named, one known to be of that
 * sex ("Mr Roe"), else the latest one whose sex, where known, agrees. A sentence's speaker
 * counts as named after the others in it, so "Jane Doe said John Roe was wrong. She added
 * …" and "He added …" both go back to Jane Doe unless her sex is known. */
static const char *
find_person (Context     *ctx,
             RshWordList  sex)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      guint stop = pass == 0 && ctx->persons->len > 3 ? ctx->persons->len - 3 : 0;

      for (guint i = ctx->persons->len; i > stop; i--)
        {
          const char *name = g_ptr_array_index (ctx->persons, i - 1);
          int known = GPOINTER_TO_INT (g_hash_table_lookup (ctx->sexes, name)) - 1;

          if (pass == 0 ? sex != RSH_N_WORDS && (RshWordList) known == sex
                        : sex == RSH_N_WORDS || known < 0 || (RshWordList) known == sex)
            return name;
        }
    }

  return NULL;
}

/* Resolves the speaker [first, last] (less @cut characters at its end) to the name it
 * stands for and remembers it for later pronouns. A bare pronoun that stands for nobody
 * named before resolves to %NULL: a wrong speaker is worse than none. */
static char *
resolve_speaker (Context  *ctx,
                 Sentence *sentence,
                 guint     first,
                 guint     last,
                 guint     cut,
                 char    **written_out)
{
  /* A possessive speaker ("US officials' claims") is embedded in another statement: later
   * pronouns go back to the sentence's main speaker, not to it. */
  gboolean remember = cut == 0;
  g_autoptr(GPtrArray) demonyms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *written = sentence_slice (sentence, token_at (sentence, first)->start,
                                             token_at (sentence, last)->end - cut);
  const RshPronoun *pronoun = NULL;
  const char *antecedent = NULL;
  char *resolved;

  if (cut == 0)
    pronoun = find_description (ctx->lexicon, sentence, first, last, demonyms);

  /* A bare "he" or "she" may stand for a person named without speaking. */
  if (pronoun != NULL && !pronoun->kind_any && pronoun->kind == RSH_ACTOR_KIND_PERSON &&
      first == last)
    {
      RshWordList sex = sex_of (ctx->lexicon, written);

      antecedent = find_person (ctx, sex);
      if (antecedent != NULL)
        note_sex (ctx, antecedent, sex);
    }
  else if (pronoun != NULL)
    antecedent = find_antecedent (ctx->lexicon, pronoun, token_at (sentence, last)->fold,
                                  demonyms, ctx->named);

  if (antecedent != NULL)
    {
      resolved = g_strdup (antecedent);
      add_alias (ctx, antecedent, written);
    }
  else if (pronoun != NULL && first == last)
    {
      if (written_out != NULL)
        *written_out = g_steal_pointer (&written);
      return NULL;
    }
  else
    resolved = g_strdup (written);

  /* "The company" with nobody before it may still be what a later "it" means; a bare
   * "he" that stands for nobody is no antecedent. */
  if (remember && (antecedent != NULL || pronoun == NULL || strchr (written, ' ') != NULL))
    g_ptr_array_add (ctx->named, g_strdup (resolved));

  if (written_out != NULL)
    *written_out = g_steal_pointer (&written);

  return resolved;
}

/* Definite descriptions outside any speaker ("… the Moscow-based company is …") are other
 * names of the latest fitting speaker. */
static void
collect_descriptions (Context  *ctx,
                      Sentence *sentence,
                      guint     skip_first,
                      guint     skip_last)
{
  for (guint i = 0; i + 1 < sentence->tokens->len; i++)
    {
      if (!token_in (ctx->lexicon, RSH_WORDS_ARTICLE, token_at (sentence, i)))
        continue;

      for (guint last = MIN (i + 3, sentence->tokens->len - 1); last > i; last--)
        {
          g_autoptr(GPtrArray) demonyms = g_ptr_array_new_with_free_func (g_free);
          const RshPronoun *pronoun;
          const char *antecedent;
          g_autofree char *written = NULL;

          if (i >= skip_first && i <= skip_last)
            break;
          if (!token_at (sentence, last)->clean_before)
            continue;
          pronoun = find_description (ctx->lexicon, sentence, i, last, demonyms);
          if (pronoun == NULL || strchr (pronoun->word, ' ') == NULL)
            continue;
          antecedent = find_antecedent (ctx->lexicon, pronoun, token_at (sentence, last)->fold,
                                        demonyms, ctx->named);
          if (antecedent == NULL)
            break;

          written = sentence_slice (sentence, token_at (sentence, i)->start,
                                    token_at (sentence, last)->end);
          add_alias (ctx, antecedent, written);
          i = last;
          break;
        }
    }
}

/* Whether a word of tokens [first, last] is a person's title or role ("Mr", "director"). */
static gboolean
has_person_word (RshLexicon *lexicon,
                 Sentence   *sentence,
                 guint       first,
                 guint       last)
{
  for (guint i = first; i <= last && i < sentence->tokens->len; i++)
    if (rsh_lexicon_guess_kind (lexicon, token_at (sentence, i)->fold) == RSH_ACTOR_KIND_PERSON)
      return TRUE;

  return FALSE;
}

/* Notes the people a sentence names, then its speakers who are people, so a later "he" or
 * "she" finds them. A run of capitalised words is a person's name when it reads as one and
 * a title or role stands in it or right beside it ("The union leader, Tomas Brandt,",
 * "Tomas Brandt, the union's leader,", "Dr Tomas Brandt"); "Ångström Straße" is not. */
static void
collect_persons (Context  *ctx,
                 Sentence *sentence,
                 guint     skip_first,
                 guint     skip_last,
                 guint     n_before)
{
  for (guint i = 0; i < sentence->tokens->len; i++)
    {
      guint first = i;
      guint last = i;

      if (!token_at (sentence, i)->capitalised)
        continue;
      while (last + 1 < sentence->tokens->len && token_at (sentence, last + 1)->capitalised &&
             token_at (sentence, last + 1)->clean_before)
        last++;
      i = last;

      /* "However Tomas Brandt": a capital that only opens the sentence is no name. */
      while (first < last &&
             (token_in (ctx->lexicon, RSH_WORDS_STOPWORD, token_at (sentence, first)) ||
              token_in (ctx->lexicon, RSH_WORDS_ARTICLE, token_at (sentence, first))))
        first++;
      if (last == first || last - first >= 4 || (first <= skip_last && last >= skip_first))
        continue;

      {
        g_autofree char *name = sentence_slice (sentence, token_at (sentence, first)->start,
                                                token_at (sentence, last)->end);

        if (rsh_lexicon_guess_kind (ctx->lexicon, name) == RSH_ACTOR_KIND_PERSON &&
            (has_person_word (ctx->lexicon, sentence, first > 0 ? first - 1 : 0, last) ||
             (last + 1 < sentence->tokens->len && comma_before (sentence, last + 1) &&
              has_person_word (ctx->lexicon, sentence, last + 1, last + 4))))
          note_person (ctx, name, name);
      }
    }

  for (guint m = n_before; m < ctx->mentions->len; m++)
    {
      RshMention *mention = g_ptr_array_index (ctx->mentions, m);
      const char *speaker = rsh_mention_get_speaker (mention);
      const char *written = rsh_mention_get_written_speaker (mention);

      if (speaker != NULL &&
          rsh_lexicon_guess_kind (ctx->lexicon, speaker) == RSH_ACTOR_KIND_PERSON)
        note_person (ctx, speaker, written != NULL ? written : speaker);
    }
}

/* Whether a comma and a closing quotation mark stand right before token @i ("…,” she
 * said"): the cue there frames the quotation. */
static gboolean
closes_quote_before (Sentence *sentence,
                     guint     i)
{
  gboolean comma = FALSE;
  gboolean quote = FALSE;

  if (i == 0)
    return FALSE;

  for (guint c = token_at (sentence, i - 1)->end; c < token_at (sentence, i)->start; c++)
    {
      gunichar ch = char_at (sentence, c);

      if (ch == ',' || ch == '?' || ch == '!')
        comma = TRUE;
      else if (ch == 0x201D || ch == '"' || ch == 0x00BB || ch == 0x2019 || ch == '\'')
        quote = TRUE;
    }

  return comma && quote;
}

/* Whether the text from @start shows the speaker speaking of itself ("it was not …",
 * "Kaspersky Lab has never helped …"): a pronoun, or a name sharing a capitalised word
 * with @resolved. Sets *after_out to the first token after that subject. */
static gboolean
find_self_subject (RshLexicon *lexicon,
                   Sentence   *sentence,
                   guint       t,
                   const char *resolved,
                   guint      *after_out,
                   char      **alias_out)
{
  Token *token = token_at (sentence, t);
  const RshPronoun *pronoun = rsh_lexicon_find_pronoun (lexicon, token->fold);
  g_autoptr(GPtrArray) resolved_words = NULL;
  guint u = t;
  gboolean shares = FALSE;

  *alias_out = NULL;
  if (pronoun != NULL && strchr (pronoun->word, ' ') == NULL)
    {
      RshActorKind kind = resolved != NULL ? rsh_lexicon_guess_kind (lexicon, resolved) :
                                             RSH_ACTOR_KIND_UNKNOWN;

      /* "she" speaks of a person, "it" never does ("Ms Ortiz said it was not clear"). */
      if (!pronoun->kind_any && pronoun->kind != kind && kind != RSH_ACTOR_KIND_UNKNOWN)
        return FALSE;
      if (pronoun->kind_any && kind == RSH_ACTOR_KIND_PERSON &&
          rsh_lexicon_guess_kind (lexicon, token->fold) != RSH_ACTOR_KIND_GROUP)
        return FALSE;
      *after_out = t + 1;
      return TRUE;
    }

  if (resolved == NULL)
    return FALSE;

  if (token_in (lexicon, RSH_WORDS_ARTICLE, token))
    u++;
  resolved_words = split_folded (resolved);
  while (u < sentence->tokens->len && u - t < 5 && token_at (sentence, u)->capitalised &&
         (u == t || token_at (sentence, u)->clean_before))
    {
      Token *word = token_at (sentence, u);

      for (guint i = 0; i < resolved_words->len; i++)
        if (strcmp (g_ptr_array_index (resolved_words, i), word->fold) == 0 &&
            !token_in (lexicon, RSH_WORDS_ARTICLE, word))
          shares = TRUE;
      u++;
    }

  if (!shares)
    return FALSE;

  *after_out = u;
  *alias_out = sentence_slice (sentence, token->start, token_at (sentence, u - 1)->end);
  return TRUE;
}

/* The stance inside the reported words: "“The BSI has no evidence for misconduct …,” the
 * agency said" disputes misconduct, "X said it was not responsible" denies. A stance cue
 * after the speaker's own subject replaces a plain reporting cue, and the content narrows
 * to what follows it; a negated verb of that subject makes the statement a denial. */
static void
analyse_content (Context    *ctx,
                 Sentence   *sentence,
                 Match      *match,
                 const char *resolved,
                 guint      *start,
                 guint      *end)
{
  RshLexicon *lexicon = ctx->lexicon;
  g_autofree char *alias = NULL;
  gboolean negated = FALSE;
  Match opening;
  guint t = 0;
  guint m;

  if (match->cue->stance != RSH_STANCE_REPORTS || match->negated)
    return;

  while (t < sentence->tokens->len && token_at (sentence, t)->start < *start)
    t++;
  if (t >= sentence->tokens->len || token_at (sentence, t)->start >= *end)
    return;

  /* "Germany says ‘no evidence’ to back …": the words said open with their stance. */
  if (match_cue_at_full (lexicon, sentence, t, "o", &opening))
    {
      guint s = token_at (sentence, opening.last)->end;
      guint e = *end;

      match->cue = opening.cue;
      match->inner_first = opening.first;
      match->inner_last = opening.last;
      if (s < e && trim_content (sentence, &s, &e))
        {
          *start = s;
          *end = e;
        }
      return;
    }

  if (!find_self_subject (lexicon, sentence, t, resolved, &m, &alias))
    return;

  if (alias != NULL && resolved != NULL)
    add_alias (ctx, resolved, alias);

  for (; m < sentence->tokens->len && token_at (sentence, m)->end <= *end &&
         token_at (sentence, m)->soft_before; m++)
    {
      Token *token = token_at (sentence, m);
      const GPtrArray *cues = rsh_lexicon_get_cues_for (lexicon, token->fold);

      for (guint c = 0; cues != NULL && c < cues->len; c++)
        {
          const RshCue *cue = g_ptr_array_index (cues, c);
          guint n = count_cue_words (cue->word);
          g_autofree char *phrase = join_words_full (sentence, m, n, TRUE);
          guint s;
          guint e = *end;

          if (phrase == NULL || strcmp (phrase, cue->word) != 0 ||
              cue->stance == RSH_STANCE_REPORTS || strchr ("pcn", cue->position) != NULL)
            continue;

          match->cue = cue;
          match->negated = negated;
          match->inner_first = m;
          match->inner_last = m + n - 1;
          s = content_start_after (lexicon, sentence, m + n - 1);
          if (s < e && trim_content (sentence, &s, &e))
            {
              *start = s;
              *end = e;
            }
          return;
        }

      if (token_in (lexicon, RSH_WORDS_NEGATION, token) &&
          !token_in (lexicon, RSH_WORDS_NEGATIVE_DETERMINER, token))
        negated = TRUE;
      else if (!token_in (lexicon, RSH_WORDS_AUXILIARY, token) &&
               !token_in (lexicon, RSH_WORDS_PASSIVE, token))
        break;
    }

  match->self_negated = negated;
}

/* Whether a hedge of the lexicon occurs in the code points [start, end) of the sentence. */
static gboolean
range_has_hedge (RshLexicon *lexicon,
                 Sentence   *sentence,
                 guint       start,
                 guint       end)
{
  guint max = rsh_lexicon_get_max_words (lexicon, RSH_WORDS_HEDGE);

  for (guint i = 0; i < sentence->tokens->len; i++)
    {
      if (token_at (sentence, i)->start < start || token_at (sentence, i)->end > end)
        continue;
      for (guint n = 1; n <= max; n++)
        {
          g_autofree char *phrase = join_words (sentence, i, n);

          if (phrase != NULL && token_at (sentence, i + n - 1)->end <= end &&
              rsh_lexicon_has_word (lexicon, RSH_WORDS_HEDGE, phrase))
            return TRUE;
        }
    }

  return FALSE;
}

/* "…, the Times said, quoting officials", "… said in a statement quoted by the Times": the
 * name after a quoting or relaying phrase within a few words after @from. */
static char *
find_relay (RshLexicon  *lexicon,
            Sentence    *sentence,
            guint        from,
            RshWordList  list,
            guint       *at_out)
{
  guint max = rsh_lexicon_get_max_words (lexicon, list);

  for (guint k = from; k < sentence->tokens->len && k < from + 6; k++)
    {
      for (guint n = 1; n <= max; n++)
        {
          g_autofree char *phrase = join_words (sentence, k, n);
          guint first = k + n;
          guint last = first;

          if (phrase == NULL || !rsh_lexicon_has_word (lexicon, list, phrase) ||
              first >= sentence->tokens->len || !token_at (sentence, first)->clean_before)
            continue;

          /* "current and former officials": run to the gap, then back to the head. */
          while (last + 1 < sentence->tokens->len && last - first + 1 < MAX_SPEAKER_WORDS &&
                 token_at (sentence, last + 1)->clean_before &&
                 !token_in (lexicon, RSH_WORDS_COMPLEMENTIZER, token_at (sentence, last + 1)) &&
                 rsh_lexicon_get_cues_for (lexicon, token_at (sentence, last + 1)->fold) == NULL)
            last++;
          while (last > first &&
                 !token_at (sentence, last)->capitalised &&
                 rsh_lexicon_guess_kind (lexicon, token_at (sentence, last)->fold) ==
                 RSH_ACTOR_KIND_UNKNOWN)
            last--;
          if (!is_plausible_speaker (lexicon, sentence, first, last))
            return NULL;

          *at_out = k;
          return sentence_slice (sentence, token_at (sentence, first)->start,
                                 token_at (sentence, last)->end);
        }
    }

  return NULL;
}

/* The subject opening the sentence ("The US government [banned …]", "The harbour director
 * [resigned …]"): words up to the first that looks like a verb or ends a name, back to the
 * last capitalised or kind word; it must name a possible speaker. */
static gboolean
scan_subject (RshLexicon *lexicon,
              Sentence   *sentence,
              guint      *last_out)
{
  gint64 last_good = -1;

  for (guint i = 0; i < sentence->tokens->len && i < MAX_SPEAKER_WORDS; i++)
    {
      Token *token = token_at (sentence, i);

      if ((i > 0 && !token->clean_before) ||
          token_in (lexicon, RSH_WORDS_BOUNDARY, token) ||
          token_in (lexicon, RSH_WORDS_AUXILIARY, token) ||
          token_in (lexicon, RSH_WORDS_PASSIVE, token) ||
          token_in (lexicon, RSH_WORDS_FINITE, token) ||
          (!token->capitalised && g_str_has_suffix (token->fold, "ed")) ||
          (i > 0 && rsh_lexicon_get_cues_for (lexicon, token->fold) != NULL))
        break;
      if (token->capitalised ||
          rsh_lexicon_guess_kind (lexicon, token->fold) != RSH_ACTOR_KIND_UNKNOWN)
        last_good = i;
    }

  if (last_good < 0 || !is_plausible_speaker (lexicon, sentence, 0, (guint) last_good))
    return FALSE;

  *last_out = (guint) last_good;
  return TRUE;
}

/* Whether the cue and speaker ending at token @last close the first @n_tokens: nothing
 * follows, or only a relative clause about the speaker ("…, according to the report, which
 * cited a former employee."). */
static gboolean
closes_sentence (RshLexicon *lexicon,
                 Sentence   *sentence,
                 guint       last,
                 guint       n_tokens)
{
  Token *next;

  if (last + 1 >= n_tokens)
    return TRUE;

  next = token_at (sentence, last + 1);
  return comma_before (sentence, last + 1) &&
         token_in (lexicon, RSH_WORDS_APPOSITION, next) &&
         !token_in (lexicon, RSH_WORDS_ARTICLE, next);
}

/* Picks the statement among the cues of tokens [0, n_tokens). A cue right after a closed
 * quotation ("…,” X said") or closing the sentence ("…, a spokesman said.") frames
 * everything before it; otherwise the first cue does. */
static gboolean
choose_match (RshLexicon *lexicon,
              Sentence   *sentence,
              guint       n_tokens,
              Match      *chosen,
              guint      *content_from)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  guint pick = 0;
  gboolean framed = FALSE;

  for (guint i = 0; i < n_tokens; i++)
    {
      Match match;

      if (match_cue_at (lexicon, sentence, i, &match) && match.last < n_tokens)
        {
          g_array_append_val (matches, match);
          i = MAX (match.last, match.sp_last);
        }
    }

  if (matches->len == 0)
    return FALSE;

  for (guint m = 0; m < matches->len; m++)
    {
      Match *match = &g_array_index (matches, Match, m);

      if (!framed && closes_quote_before (sentence, MIN (match->first, match->sp_first)))
        {
          pick = m;
          framed = TRUE;
        }
      else if (!framed &&
               closes_sentence (lexicon, sentence, MAX (match->last, match->sp_last), n_tokens))
        pick = m;
    }

  *chosen = g_array_index (matches, Match, pick);
  chosen->framed = framed;
  *content_from = pick;

  /* "The agency said it has no evidence that …": the inner cue, spoken by the same
   * speaker through a pronoun, tells the stance better than "said". */
  if (chosen->cue->stance == RSH_STANCE_REPORTS && !chosen->negated)
    {
      for (guint m = pick + 1; m < matches->len; m++)
        {
          Match *inner = &g_array_index (matches, Match, m);
          g_autofree char *speaker = NULL;

          if (inner->cue->position == 'n' || inner->cue->stance == RSH_STANCE_REPORTS ||
              inner->sp_first <= chosen->last)
            continue;

          speaker = sentence_slice (sentence, token_at (sentence, inner->sp_first)->start,
                                    token_at (sentence, inner->sp_last)->end);
          if (rsh_lexicon_find_pronoun (lexicon, speaker) != NULL)
            {
              *content_from = m;
              chosen->cue = inner->cue;
              chosen->negated = inner->negated;
              chosen->inner_first = inner->first;
              chosen->inner_last = inner->last;
              break;
            }
        }
    }

  chosen->cx_first = MIN (chosen->first,
                          chosen->described ? chosen->desc_first : chosen->sp_first);
  chosen->cx_last = MAX (chosen->last, chosen->sp_last);
  if (*content_from != pick)
    {
      Match *inner = &g_array_index (matches, Match, *content_from);

      /* Keep the outer speaker; take the content that follows the inner cue. */
      chosen->cx_last = MAX (inner->last, inner->sp_last);
    }

  return TRUE;
}

static RshMention *
make_mention (Context    *ctx,
              Sentence   *sentence,
              guint       start,
              guint       end)
{
  g_autofree char *quote = sentence_slice (sentence, start, end);

  return rsh_mention_new (ctx->source_id, sentence->offset + start, sentence->offset + end,
                          quote);
}

/* Records where @match's speaker and cue are written: the inner cue when one gives the
 * stance, and the speaker without a possessive "'s". */
static void
mark_spans (RshMention  *mention,
            Sentence    *sentence,
            const Match *match)
{
  guint first = match->inner_last > 0 ? match->inner_first : match->first;
  guint last = match->inner_last > 0 ? match->inner_last : match->last;

  rsh_mention_set_cue_span (mention, sentence->offset + token_at (sentence, first)->start,
                            sentence->offset + token_at (sentence, last)->end);
  if (match->has_speaker)
    rsh_mention_set_speaker_span (mention,
                                  sentence->offset + token_at (sentence, match->sp_first)->start,
                                  sentence->offset + token_at (sentence, match->sp_last)->end -
                                  match->sp_cut);
}

/* The first participle cue after a comma (", saying …", ", adding that …"). */
static gboolean
find_participle (RshLexicon *lexicon,
                 Sentence   *sentence,
                 Match      *match)
{
  for (guint i = 1; i < sentence->tokens->len; i++)
    {
      if (comma_before (sentence, i) && match_cue_at_full (lexicon, sentence, i, "c", match))
        return TRUE;
    }

  return FALSE;
}

/* Whether the sentence asserts something in the outlet's voice: it ends as a statement
 * (not a question, not a heading without a full stop) and holds a finite verb. */
static gboolean
is_assertion (RshLexicon *lexicon,
              Sentence   *sentence,
              guint       limit,
              gboolean    whole)
{
  gboolean finite = FALSE;
  guint n_words = 0;

  if (whole)
    {
      guint end = n_chars (sentence);

      while (end > 0 && (g_unichar_isspace (char_at (sentence, end - 1)) ||
                         is_quote_char (char_at (sentence, end - 1)) ||
                         char_at (sentence, end - 1) == ')'))
        end--;
      if (end == 0 || (char_at (sentence, end - 1) != '.' && char_at (sentence, end - 1) != '!'))
        return FALSE;
    }

  for (guint i = 0; i < sentence->tokens->len && token_at (sentence, i)->end <= limit; i++)
    {
      Token *token = token_at (sentence, i);

      n_words++;
      if (token_in (lexicon, RSH_WORDS_FINITE, token) ||
          (!token->capitalised && strlen (token->fold) > 4 &&
           g_str_has_suffix (token->fold, "ed")))
        finite = TRUE;
    }

  return finite && n_words >= 4;
}

static void
attribute_sentence (Context  *ctx,
                    Sentence *sentence,
                    gboolean  outlet_voice)
{
  RshLexicon *lexicon = ctx->lexicon;
  g_autofree char *resolved = NULL;
  g_autofree char *written = NULL;
  Match match = { 0, };
  Match participle = { 0, };
  gboolean has_main;
  gboolean has_participle;
  guint content_from = 0;
  guint limit = n_chars (sentence);
  guint n_tokens = sentence->tokens->len;
  guint skip_first = G_MAXUINT;
  guint skip_last = 0;
  guint n_before = ctx->mentions->len;
  gboolean unknown_speaker = FALSE;

  has_participle = find_participle (lexicon, sentence, &participle);
  if (has_participle)
    {
      n_tokens = participle.first;
      limit = token_at (sentence, participle.first - 1)->end;
    }

  has_main = choose_match (lexicon, sentence, n_tokens, &match, &content_from);
  if (has_main && match.cue->position != 'n')
    {
      resolved = resolve_speaker (ctx, sentence, match.sp_first, match.sp_last, 0, &written);
      skip_first = match.sp_first;
      skip_last = match.sp_last;
      /* "He said …" with nobody named before him: a statement, but nobody's we know. */
      unknown_speaker = resolved == NULL;
      has_main = !unknown_speaker;
    }

  if (has_main)
    {
      g_autoptr(RshMention) mention = NULL;
      g_autofree char *quoted = NULL;
      g_autofree char *via = NULL;
      guint relay_at = G_MAXUINT;
      guint main_limit = limit;
      guint start;
      guint end;

      quoted = find_relay (lexicon, sentence, match.cx_last + 1, RSH_WORDS_QUOTING, &relay_at);
      via = find_relay (lexicon, sentence, match.cx_last + 1, RSH_WORDS_RELAYED, &relay_at);
      /* "…, the Times said, quoting officials.": the source named is no content, unless a
       * that-clause follows it ("said, quoting officials, that …"). */
      if (relay_at < sentence->tokens->len &&
          content_start_after (lexicon, sentence, match.cx_last) <=
          token_at (sentence, relay_at)->start)
        main_limit = MIN (limit, token_at (sentence, relay_at)->start);

      find_content (lexicon, sentence, &match, main_limit, &start, &end);
      if (content_from == 0 || match.cue->stance == RSH_STANCE_REPORTS)
        analyse_content (ctx, sentence, &match, resolved, &start, &end);

      mention = make_mention (ctx, sentence, start, end);
      rsh_mention_set_speaker (mention, resolved);
      rsh_mention_set_written_speaker (mention, written);
      rsh_mention_set_cue (mention, match.cue->word);
      rsh_mention_set_stance (mention, effective_stance (&match));
      rsh_mention_set_hedged (mention,
                              match.cue->hedged ||
                              range_has_hedge (lexicon, sentence, start, end) ||
                              range_has_hedge (lexicon, sentence,
                                               token_at (sentence, match.cx_first)->start,
                                               token_at (sentence, match.cx_last)->end));
      rsh_mention_set_quoted (mention, quoted);
      rsh_mention_set_via (mention, via);
      mark_spans (mention, sentence, &match);
      g_ptr_array_add (ctx->mentions, g_steal_pointer (&mention));

      /* "“A,” X said, “B.”": the quotation goes on after the cue. */
      if (match.framed)
        {
          guint s2 = token_at (sentence, match.cx_last)->end;
          guint e2 = main_limit;

          while (s2 < e2 && (g_unichar_isspace (char_at (sentence, s2)) ||
                             char_at (sentence, s2) == ','))
            s2++;
          if (s2 < e2 && is_opening_mark (char_at (sentence, s2)) &&
              trim_content (sentence, &s2, &e2))
            {
              g_autoptr(RshMention) rest = make_mention (ctx, sentence, s2, e2);

              rsh_mention_set_speaker (rest, resolved);
              rsh_mention_set_written_speaker (rest, written);
              rsh_mention_set_cue (rest, match.cue->word);
              rsh_mention_set_stance (rest, effective_stance (&match));
              rsh_mention_set_hedged (rest, match.cue->hedged ||
                                            range_has_hedge (lexicon, sentence, s2, e2));
              mark_spans (rest, sentence, &match);
              g_ptr_array_add (ctx->mentions, g_steal_pointer (&rest));
            }
        }
    }

  /* "Germany disputed US officials' claims that …": the officials claim it too. */
  for (guint i = 1; i < sentence->tokens->len; i++)
    {
      g_autoptr(RshMention) mention = NULL;
      g_autofree char *p_written = NULL;
      g_autofree char *p_resolved = NULL;
      Match possessive;
      guint start;
      guint end = i < n_tokens ? limit : n_chars (sentence);

      if (!match_cue_at_full (lexicon, sentence, i, "p", &possessive))
        continue;
      /* "the Gazette's account of events" names no claim; "officials' claims that …" does. */
      if (possessive.last + 1 >= sentence->tokens->len ||
          !token_in (lexicon, RSH_WORDS_COMPLEMENTIZER, token_at (sentence, possessive.last + 1)))
        continue;

      start = content_start_after (lexicon, sentence, possessive.last);
      if (start >= end || !trim_content (sentence, &start, &end))
        continue;

      p_resolved = resolve_speaker (ctx, sentence, possessive.sp_first, possessive.sp_last,
                                    possessive.sp_cut, &p_written);
      if (p_resolved == NULL)
        continue;
      mention = make_mention (ctx, sentence, start, end);
      rsh_mention_set_speaker (mention, p_resolved);
      rsh_mention_set_written_speaker (mention, p_written);
      rsh_mention_set_cue (mention, possessive.cue->word);
      rsh_mention_set_stance (mention, possessive.cue->stance);
      rsh_mention_set_hedged (mention, possessive.cue->hedged ||
                                       range_has_hedge (lexicon, sentence, start, end));
      mark_spans (mention, sentence, &possessive);
      g_ptr_array_add (ctx->mentions, g_steal_pointer (&mention));
      i = possessive.last;
    }

  if (has_participle)
    {
      g_autoptr(RshMention) mention = NULL;
      g_autofree char *c_resolved = NULL;
      g_autofree char *c_written = NULL;
      guint subject_last = 0;
      guint start = content_start_after (lexicon, sentence, participle.last);
      guint end = n_chars (sentence);

      if (has_main && match.cue->position != 'n')
        {
          c_resolved = g_strdup (resolved);
          c_written = g_strdup (written);
          participle.has_speaker = match.has_speaker;
          participle.sp_first = match.sp_first;
          participle.sp_last = match.sp_last;
          participle.sp_cut = match.sp_cut;
        }
      else if (!has_main && !unknown_speaker && scan_subject (lexicon, sentence, &subject_last))
        {
          c_resolved = resolve_speaker (ctx, sentence, 0, subject_last, 0, &c_written);
          participle.has_speaker = TRUE;
          participle.sp_first = 0;
          participle.sp_last = subject_last;
          participle.sp_cut = 0;
          skip_first = 0;
          skip_last = subject_last;

          /* "The US government banned …, saying …": the outlet tells the first part. */
          if (outlet_voice && is_assertion (lexicon, sentence, limit, FALSE))
            {
              guint o_start = 0;
              guint o_end = limit;

              if (trim_content (sentence, &o_start, &o_end))
                {
                  g_autoptr(RshMention) outlet = make_mention (ctx, sentence, o_start, o_end);

                  rsh_mention_set_hedged (outlet, range_has_hedge (lexicon, sentence,
                                                                   o_start, o_end));
                  g_ptr_array_add (ctx->mentions, g_steal_pointer (&outlet));
                }
            }
        }

      if (c_resolved != NULL && start < end && trim_content (sentence, &start, &end))
        {
          participle.cx_first = participle.first;
          participle.cx_last = participle.last;
          analyse_content (ctx, sentence, &participle, c_resolved, &start, &end);

          mention = make_mention (ctx, sentence, start, end);
          rsh_mention_set_speaker (mention, c_resolved);
          rsh_mention_set_written_speaker (mention, c_written);
          rsh_mention_set_cue (mention, participle.cue->word);
          rsh_mention_set_stance (mention, effective_stance (&participle));
          rsh_mention_set_hedged (mention, participle.cue->hedged ||
                                           range_has_hedge (lexicon, sentence, start, end));
          mark_spans (mention, sentence, &participle);
          g_ptr_array_add (ctx->mentions, g_steal_pointer (&mention));
        }
    }

  collect_descriptions (ctx, sentence, skip_first, skip_last);
  collect_persons (ctx, sentence, skip_first, skip_last, n_before);

  /* Nothing attributed: a plain assertion is the outlet's own claim. */
  if (outlet_voice && !unknown_speaker && ctx->mentions->len == n_before &&
      is_assertion (lexicon, sentence, n_chars (sentence), TRUE))
    {
      guint start = 0;
      guint end = n_chars (sentence);

      if (trim_content (sentence, &start, &end))
        {
          g_autoptr(RshMention) outlet = make_mention (ctx, sentence, start, end);

          rsh_mention_set_hedged (outlet, range_has_hedge (lexicon, sentence, start, end));
          g_ptr_array_add (ctx->mentions, g_steal_pointer (&outlet));
        }
    }
}


/* The quotations of @text as code point spans. A quotation runs from its opening to its
 * closing mark; one left open at the end of a paragraph continues when the next
 * paragraph opens with a quotation mark (the newspaper convention), else it ends there. */
static GArray *
find_quotations (const char *text)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (RshSpan));
  gint64 open = -1;
  guint i = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && open >= 0)
        {
          const char *q = p;
          guint j = i;

          while (*q && g_unichar_isspace (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              j++;
            }
          if (*q && is_opening_mark (g_utf8_get_char (q)) && j > i + 1)
            {
              /* Continued: the next paragraph's mark reopens, it does not close. */
              p = q;
              i = j;
              continue;
            }
          if (j > i + 1 || *q == '\0')
            {
              RshSpan span = { (guint) open, i };

              g_array_append_val (regions, span);
              open = -1;
            }
          continue;
        }

      if (open < 0 && is_opening_mark (c))
        open = i;
      else if (open >= 0 && (c == 0x201D || c == 0x00BB || c == '"'))
        {
          RshSpan span = { (guint) open, i + 1 };

          g_array_append_val (regions, span);
          open = -1;
        }
    }

  if (open >= 0)
    {
      RshSpan span = { (guint) open, i };

      g_array_append_val (regions, span);
    }

  return regions;
}

/* The quotation holding all of [start, end) but for trailing space, or NULL. */
static const RshSpan *
enclosing_quotation (GArray *regions,
                     guint   start,
                     guint   end)
{
  for (guint r = 0; r < regions->len; r++)
    {
      const RshSpan *span = &g_array_index (regions, RshSpan, r);

      if (start >= span->start && end <= span->end + 1 && start < span->end)
        return span;
    }

  return NULL;
}

static const RshCue *
lookup_cue (RshLexicon *lexicon,
            const char *word)
{
  const GPtrArray *cues = rsh_lexicon_get_cues (lexicon);

  for (guint c = 0; word != NULL && c < cues->len; c++)
    {
      const RshCue *cue = g_ptr_array_index (cues, c);

      if (strcmp (cue->word, word) == 0)
        return cue;
    }

  return NULL;
}

/* Sentences inside a quotation that run over several sentences or paragraphs belong to
 * the speaker of the quotation's attributed part ("“A. B. C,” she said."). */
/* "“…,” she said. “We were told …”": a quotation standing alone as the next sentence of a
 * paragraph goes on with the speaker quoted in the sentence @previous before it: the last
 * mention there with a speaker whose words are in quotation marks. */
static RshMention *
find_quoted_just_before (Context       *ctx,
                         const RshSpan *previous,
                         const RshSpan *span,
                         GArray        *regions,
                         guint          n_mentions)
{
  RshMention *found = NULL;

  if (previous->paragraph != span->paragraph)
    return NULL;

  for (guint m = 0; m < n_mentions; m++)
    {
      RshMention *candidate = g_ptr_array_index (ctx->mentions, m);
      guint start = rsh_mention_get_start (candidate);
      guint end = rsh_mention_get_end (candidate);

      if (rsh_mention_get_speaker (candidate) != NULL &&
          start >= previous->start && end <= previous->end &&
          enclosing_quotation (regions, start, end) != NULL)
        found = candidate;
    }

  return found;
}

static void
attribute_quotations (Context    *ctx,
                      const char *text,
                      GArray     *sentence_spans,
                      GArray     *trimmed_ends,
                      GArray     *attributed,
                      GArray     *regions)
{
  guint n_mentions = ctx->mentions->len;

  for (guint s = 0; s < sentence_spans->len; s++)
    {
      const RshSpan *span = &g_array_index (sentence_spans, RshSpan, s);
      guint end = g_array_index (trimmed_ends, guint, s);
      const RshSpan *region;
      RshMention *anchor = NULL;
      const RshCue *cue;
      g_autoptr(RshMention) mention = NULL;
      g_autofree char *sentence_text = NULL;
      Sentence sentence;
      Match match = { 0, };
      guint start = 0;
      guint stop;
      guint written_start;
      guint written_end;

      if (g_array_index (attributed, gboolean, s))
        continue;
      region = enclosing_quotation (regions, span->start, end);
      if (region == NULL)
        continue;

      for (guint m = 0; m < n_mentions && anchor == NULL; m++)
        {
          RshMention *candidate = g_ptr_array_index (ctx->mentions, m);

          if (rsh_mention_get_speaker (candidate) != NULL &&
              rsh_mention_get_start (candidate) < region->end &&
              rsh_mention_get_end (candidate) > region->start)
            anchor = candidate;
        }
      if (anchor == NULL && s > 0)
        anchor = find_quoted_just_before (ctx, &g_array_index (sentence_spans, RshSpan, s - 1),
                                          span, regions, n_mentions);
      cue = anchor != NULL ? lookup_cue (ctx->lexicon, rsh_mention_get_cue (anchor)) : NULL;
      if (cue == NULL)
        continue;

      sentence_text = rsh_substring (text, span->start, span->end);
      sentence_init (&sentence, sentence_text, strlen (sentence_text), span->start);
      stop = n_chars (&sentence);
      if (trim_content (&sentence, &start, &stop))
        {
          match.cue = cue;
          analyse_content (ctx, &sentence, &match, rsh_mention_get_speaker (anchor),
                           &start, &stop);
          mention = make_mention (ctx, &sentence, start, stop);
          rsh_mention_set_speaker (mention, rsh_mention_get_speaker (anchor));
          rsh_mention_set_written_speaker (mention, rsh_mention_get_written_speaker (anchor));
          rsh_mention_set_cue (mention, match.cue->word);
          rsh_mention_set_stance (mention, effective_stance (&match));
          rsh_mention_set_hedged (mention, match.cue->hedged ||
                                           range_has_hedge (ctx->lexicon, &sentence, start, stop));
          /* The speaker and the cue are where the quotation was introduced. */
          if (rsh_mention_get_speaker_span (anchor, &written_start, &written_end))
            rsh_mention_set_speaker_span (mention, written_start, written_end);
          if (rsh_mention_get_cue_span (anchor, &written_start, &written_end))
            rsh_mention_set_cue_span (mention, written_start, written_end);
          g_ptr_array_add (ctx->mentions, g_steal_pointer (&mention));
        }
      sentence_clear (&sentence);
    }
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  RshMention *ma = *(RshMention **) a;
  RshMention *mb = *(RshMention **) b;
  guint sa = rsh_mention_get_start (ma);
  guint sb = rsh_mention_get_start (mb);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * rsh_attribute_text_full:
 * @lexicon: the lexicon of the text's language
 * @source_id: (nullable): the id the mentions will carry
 * @text: the UTF-8 text
 * @sentences: (element-type RshSpan): the sentences of @text, in order, as made by
 *   rsh_segment_sentences()
 * @flags: what else to find
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the attributed statements of @text: a reporting cue of the lexicon with a speaker
 * before it ("The ministry said …", "Kaspersky has denied …") or after it ("…, said Jane
 * Doe", "according to the agency, …"); a possessive claim ("US officials' claims that
 * …"), which adds a statement to the sentence's own; a participle (", saying …"), spoken
 * by the sentence's speaker or subject; an impersonal cue ("it was reported that …"),
 * spoken by nobody named. A cue framing a quotation ("…,” X said") or closing the
 * sentence wins, else the first one. A pronoun or description ("she", "the Moscow-based
 * company") stands for the latest named speaker whose kind (and nationality) fits, and
 * becomes one of its aliases. The stance comes from the cue, from a negation before it
 * ("did not confirm"), or from the reported words when the speaker speaks of itself ("it
 * was not responsible" denies, "“The BSI has no evidence for …”" disputes). A chain ("X
 * said, quoting Y"; "quoted by Z") fills the mention's quoted and via names. Sentences of
 * a quotation running over several sentences or paragraphs go to the speaker of its
 * attributed part.
 *
 * With %RSH_ATTRIBUTE_OUTLET_VOICE, every other sentence that asserts something (it ends
 * with a full stop and holds a finite verb: no question, heading or fragment) becomes a
 * mention without speaker or cue, stance reports: the outlet's own claim.
 *
 * The mention spans the claimed content; offsets count code points.
 *
 * Returns: (transfer full) (element-type RshMention): the mentions, in text order, or
 *   %NULL with @error set when cancelled
 */
GPtrArray *
rsh_attribute_text_full (RshLexicon         *lexicon,
                         const char         *source_id,
                         const char         *text,
                         const GArray       *sentences,
                         RshAttributeFlags   flags,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) sexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) aliases = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RshSpan));
  g_autoptr(GArray) trimmed_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) attributed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  Context ctx;
  const char *cursor;
  guint cursor_chars = 0;

  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (sentences != NULL, NULL);

  mentions = g_ptr_array_new_with_free_func (g_object_unref);
  aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  regions = find_quotations (text);
  ctx.lexicon = lexicon;
  ctx.source_id = source_id;
  ctx.named = named;
  ctx.persons = persons;
  ctx.sexes = sexes;
  ctx.aliases = aliases;
  ctx.mentions = mentions;
  cursor = text;

  for (guint s = 0; s < sentences->len; s++)
    {
      const RshSpan *span = &g_array_index (sentences, RshSpan, s);
      Sentence sentence;
      const char *begin;
      const char *finish;
      guint n_before = mentions->len;
      guint end;
      gboolean quoted;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* Sentences come in order; walk to them once instead of from the start each time. */
      if (span->start < cursor_chars)
        {
          cursor = text;
          cursor_chars = 0;
        }
      while (cursor_chars < span->start && *cursor)
        {
          cursor = g_utf8_next_char (cursor);
          cursor_chars++;
        }
      begin = cursor;
      finish = begin;
      for (guint i = span->start; i < span->end && *finish; i++)
        finish = g_utf8_next_char (finish);

      sentence_init (&sentence, begin, finish - begin, span->start);
      end = span->start + n_chars (&sentence);
      while (end > span->start && g_unichar_isspace (char_at (&sentence, end - 1 - span->start)))
        end--;
      quoted = enclosing_quotation (regions, span->start, end) != NULL;

      attribute_sentence (&ctx, &sentence,
                          (flags & RSH_ATTRIBUTE_OUTLET_VOICE) != 0 && !quoted);
      sentence_clear (&sentence);

      g_array_append_val (spans, *span);
      g_array_append_val (trimmed_ends, end);
      quoted = mentions->len > n_before;
      /* From here on: whether the sentence got a mention. */
      g_array_append_val (attributed, quoted);
    }

  attribute_quotations (&ctx, text, spans, trimmed_ends, attributed, regions);
  g_ptr_array_sort (mentions, compare_mentions);

  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);
      const char *speaker = rsh_mention_get_speaker (mention);
      GPtrArray *list = speaker != NULL ? g_hash_table_lookup (aliases, speaker) : NULL;

      if (list != NULL && list->len > 0)
        {
          g_ptr_array_add (list, NULL);
          rsh_mention_set_aliases (mention, (const char * const *) list->pdata);
          g_ptr_array_remove_index (list, list->len - 1);
        }
    }

  return g_steal_pointer (&mentions);
}

/**
 * rsh_attribute_text:
 * @lexicon: the lexicon of the text's language
 * @source_id: (nullable): the id the mentions will carry
 * @text: the UTF-8 text
 * @sentences: (element-type RshSpan): the sentences of @text
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the attributed statements of @text, as rsh_attribute_text_full() without flags:
 * only statements with a cue.
 *
 * Returns: (transfer full) (element-type RshMention): the mentions, in text order, or
 *   %NULL with @error set when cancelled
 */
GPtrArray *
rsh_attribute_text (RshLexicon    *lexicon,
                    const char    *source_id,
                    const char    *text,
                    const GArray  *sentences,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return rsh_attribute_text_full (lexicon, source_id, text, sentences,
                                  RSH_ATTRIBUTE_DEFAULT, cancellable, error);
}
