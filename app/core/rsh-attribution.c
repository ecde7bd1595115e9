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
#define MAX_APPOSITION_WORDS 16
/* How far after a cue a complementizer ("said on Tuesday that") still opens the content. */
#define MAX_WORDS_BEFORE_COMPLEMENTIZER 5

typedef struct
{
  guint     start;       /* code points, relative to the sentence */
  guint     end;
  char     *fold;        /* lower case, ASCII apostrophes */
  guint     capitalised : 1;
  guint     clean_before : 1; /* only white space since the previous word */
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
  guint         inner_last; /* end of an inner cue ("said it has no evidence"), or 0 */
  gboolean      negated;
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
            }
          if (!at_end && !g_unichar_isspace (c))
            clean = FALSE;
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

/* Joins the folded words [first, first + n) if nothing but spaces separates them. */
static char *
join_words (Sentence *sentence,
            guint     first,
            guint     n)
{
  GString *out;

  if (first + n > sentence->tokens->len)
    return NULL;

  out = g_string_new (token_at (sentence, first)->fold);
  for (guint i = first + 1; i < first + n; i++)
    {
      if (!token_at (sentence, i)->clean_before)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_c (out, ' ');
      g_string_append (out, token_at (sentence, i)->fold);
    }

  return g_string_free (out, FALSE);
}

static gboolean
token_in (RshLexicon  *lexicon,
          RshWordList  list,
          Token       *token)
{
  return rsh_lexicon_has_word (lexicon, list, token->fold);
}

/* Whether some phrase of @list occurs in the sentence. */
static gboolean
sentence_has_phrase (RshLexicon  *lexicon,
                     RshWordList  list,
                     Sentence    *sentence)
{
  guint max = rsh_lexicon_get_max_words (lexicon, list);

  for (guint i = 0; i < sentence->tokens->len; i++)
    {
      for (guint n = 1; n <= max; n++)
        {
          g_autofree char *phrase = join_words (sentence, i, n);

          if (phrase != NULL && rsh_lexicon_has_word (lexicon, list, phrase))
            return TRUE;
        }
    }

  return FALSE;
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

/* A name is a speaker if it holds a capitalised word, or if its head word tells a kind
 * ("officials", "the ministry") or it is a pronoun ("she"). */
static gboolean
is_plausible_speaker (RshLexicon *lexicon,
                      Sentence   *sentence,
                      guint       first,
                      guint       last)
{
  Token *head = token_at (sentence, last);
  g_autofree char *name = NULL;
  gboolean has_content = FALSE;

  /* "Veltrix's claims": a possessive modifies the cue word, it does not speak. */
  if (g_str_has_suffix (head->fold, "'s") || g_str_has_suffix (head->fold, "s'"))
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
  if (rsh_lexicon_find_pronoun (lexicon, name) != NULL)
    return TRUE;

  /* Only the head word may tell the kind: "the minister's answer" is no speaker. */
  return rsh_lexicon_guess_kind (lexicon, head->fold) != RSH_ACTOR_KIND_UNKNOWN;
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
      else if (!g_unichar_isspace (ch))
        return FALSE;
    }

  return comma;
}

/* The noun phrase ending at token @last, read backwards; FALSE if there is none. */
static gboolean
scan_noun_phrase (RshLexicon *lexicon,
                  Sentence   *sentence,
                  guint       last,
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
              scan_noun_phrase (lexicon, sentence, first - 1, &outer_first))
            {
              first = outer_first;
              break;
            }

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

  if (!is_plausible_speaker (lexicon, sentence, first, last))
    return FALSE;

  *first_out = first;
  return TRUE;
}

/* The noun phrase ending just before token @cue_first: "Germany's BSI agency [said]",
 * "Kaspersky [has denied]", "Jane Doe, the agency's head, [said]". Auxiliaries and
 * negations may stand between. */
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
               !token_in (lexicon, RSH_WORDS_HEDGE, prev))
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
      if (k == 0 || !comma_before (sentence, k) ||
          !token_in (lexicon, RSH_WORDS_APPOSITION, token_at (sentence, k)))
        return FALSE;

      j = k;
    }

  last = j - 1;
  if (!scan_noun_phrase (lexicon, sentence, last, &first))
    return FALSE;

  match->has_speaker = TRUE;
  match->sp_first = first;
  match->sp_last = last;

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

  last = first;
  while (last + 1 < sentence->tokens->len && last - first + 1 < MAX_SPEAKER_WORDS)
    {
      Token *next = token_at (sentence, last + 1);

      if (!next->clean_before ||
          token_in (lexicon, RSH_WORDS_BOUNDARY, next) ||
          token_in (lexicon, RSH_WORDS_AUXILIARY, next) ||
          token_in (lexicon, RSH_WORDS_COMPLEMENTIZER, next) ||
          rsh_lexicon_get_cues_for (lexicon, next->fold) != NULL)
        break;
      last++;
    }

  if (!is_plausible_speaker (lexicon, sentence, first, last))
    return FALSE;

  match->has_speaker = TRUE;
  match->sp_first = first;
  match->sp_last = last;

  return TRUE;
}

static gboolean
match_cue_at (RshLexicon *lexicon,
              Sentence   *sentence,
              guint       i,
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
      g_autofree char *phrase = join_words (sentence, i, n);

      if (phrase == NULL || strcmp (phrase, cue->word) != 0)
        continue;

      memset (match, 0, sizeof *match);
      match->cue = cue;
      match->first = i;
      match->last = i + n - 1;

      if (cue->position != 'a' && find_speaker_before (lexicon, sentence, match))
        return TRUE;
      match->negated = FALSE;
      if (cue->position != 'b' && find_speaker_after (lexicon, sentence, match))
        return TRUE;
    }

  return FALSE;
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

/* Narrows [*start, *end) to the content: without surrounding quotes, commas, spaces and a
 * final full stop. Returns FALSE when nothing is left. */
static gboolean
trim_content (Sentence *sentence,
              guint    *start,
              guint    *end)
{
  while (*start < *end && is_trim_char (char_at (sentence, *start)))
    (*start)++;

  while (*end > *start)
    {
      gunichar c = char_at (sentence, *end - 1);

      if (!is_trim_char (c) && c != '.')
        break;
      (*end)--;
    }

  return *end > *start;
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
    }

  return token_at (sentence, after_token)->end;
}

/* Picks the claimed content of a sentence with the cue and speaker of @match. */
static void
find_content (RshLexicon *lexicon,
              Sentence   *sentence,
              Match      *match,
              guint      *start,
              guint      *end)
{
  guint lead_start = token_at (sentence, match->cx_first)->start;
  guint tail_token = match->cx_last;
  guint before_start = 0;
  guint before_end = lead_start;
  guint after_start = content_start_after (lexicon, sentence, tail_token);
  guint after_end = n_chars (sentence);
  gboolean has_before;
  gboolean has_after;

  has_before = trim_content (sentence, &before_start, &before_end);
  has_after = trim_content (sentence, &after_start, &after_end);

  /* "“A,” X said, “B.”": the longer part carries the claim. */
  if (has_before && (!has_after || before_end - before_start >= after_end - after_start))
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
      *end = n_chars (sentence);
    }
}

static RshStance
effective_stance (const Match *match)
{
  RshStance stance = match->cue->stance;

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
ends_capitalised (const char *name)
{
  const char *last = strrchr (name, ' ');

  return g_unichar_isupper (g_utf8_get_char (last ? last + 1 : name));
}

/* The named speaker a pronoun stands for: the latest one of its kind ("she": the last
 * person; "the company": the last organization, or a name of unknown kind). */
static const char *
find_antecedent (RshLexicon       *lexicon,
                 const RshPronoun *pronoun,
                 GPtrArray        *named)
{
  for (guint i = named->len; i > 0; i--)
    {
      const char *name = g_ptr_array_index (named, i - 1);
      RshActorKind kind;

      if (pronoun->kind_any)
        return name;

      /* "the company" stands for a proper name, not for another description. */
      if (strchr (pronoun->word, ' ') != NULL && !ends_capitalised (name))
        continue;

      kind = rsh_lexicon_guess_kind (lexicon, name);
      if (kind == pronoun->kind ||
          (kind == RSH_ACTOR_KIND_UNKNOWN && pronoun->kind != RSH_ACTOR_KIND_PERSON))
        return name;
    }

  return NULL;
}

static gboolean
is_pronoun_speaker (RshLexicon *lexicon,
                    Sentence   *sentence,
                    const Match *match)
{
  g_autofree char *speaker = sentence_slice (sentence,
                                             token_at (sentence, match->sp_first)->start,
                                             token_at (sentence, match->sp_last)->end);

  return rsh_lexicon_find_pronoun (lexicon, speaker) != NULL;
}

/* Whether only spaces and quotation marks separate token @i from the one before. */
static gboolean
quote_gap_before (Sentence *sentence,
                  guint     i)
{
  for (guint c = token_at (sentence, i - 1)->end; c < token_at (sentence, i)->start; c++)
    {
      gunichar ch = char_at (sentence, c);

      if (!g_unichar_isspace (ch) && ch != '"' && ch != 0x201C && ch != 0x2018)
        return FALSE;
    }

  return TRUE;
}

/* "The agency said it “has no evidence that …”": a stance cue after a pronoun standing
 * for the speaker, inside the reported words, tells the stance better than "said". */
static void
find_inner_cue (RshLexicon *lexicon,
                Sentence   *sentence,
                Match      *chosen)
{
  guint from = MAX (chosen->last, chosen->sp_last) + 1;

  for (guint k = from; k + 1 < sentence->tokens->len && k <= from + 1; k++)
    {
      gboolean negated = FALSE;
      guint m = k + 1;

      if (rsh_lexicon_find_pronoun (lexicon, token_at (sentence, k)->fold) == NULL)
        continue;

      while (m < sentence->tokens->len && quote_gap_before (sentence, m))
        {
          const GPtrArray *cues = rsh_lexicon_get_cues_for (lexicon,
                                                            token_at (sentence, m)->fold);

          for (guint c = 0; cues != NULL && c < cues->len; c++)
            {
              const RshCue *cue = g_ptr_array_index (cues, c);
              guint n = count_cue_words (cue->word);
              g_autofree char *phrase = join_words (sentence, m, n);

              if (phrase == NULL || strcmp (phrase, cue->word) != 0 ||
                  cue->stance == RSH_STANCE_REPORTS)
                continue;

              chosen->cue = cue;
              chosen->negated = negated;
              chosen->inner_last = m + n - 1;
              return;
            }

          if (token_in (lexicon, RSH_WORDS_NEGATION, token_at (sentence, m)))
            negated = TRUE;
          else if (!token_in (lexicon, RSH_WORDS_AUXILIARY, token_at (sentence, m)))
            break;
          m++;
        }
    }
}

/* Picks the statement of a sentence among its cues. A cue closing the sentence ("…, a
 * spokesman said.") frames everything before it; otherwise the first cue does. */
static gboolean
choose_match (RshLexicon *lexicon,
              Sentence   *sentence,
              Match      *chosen,
              guint      *content_from)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  guint n_tokens = sentence->tokens->len;
  guint pick = 0;

  for (guint i = 0; i < n_tokens; i++)
    {
      Match match;

      if (match_cue_at (lexicon, sentence, i, &match))
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

      if (MAX (match->last, match->sp_last) == n_tokens - 1)
        pick = m;
    }

  *chosen = g_array_index (matches, Match, pick);
  *content_from = pick;

  /* "The agency said it has no evidence that …": the inner cue, spoken by the same
   * speaker through a pronoun, tells the stance better than "said". */
  if (chosen->cue->stance == RSH_STANCE_REPORTS && !chosen->negated)
    {
      for (guint m = pick + 1; m < matches->len; m++)
        {
          Match *inner = &g_array_index (matches, Match, m);

          if (inner->cue->stance != RSH_STANCE_REPORTS &&
              inner->sp_first > chosen->last &&
              is_pronoun_speaker (lexicon, sentence, inner))
            {
              *content_from = m;
              chosen->cue = inner->cue;
              chosen->negated = inner->negated;
              break;
            }
        }
    }

  if (*content_from == pick && chosen->cue->stance == RSH_STANCE_REPORTS && !chosen->negated)
    find_inner_cue (lexicon, sentence, chosen);

  chosen->cx_first = MIN (chosen->first, chosen->sp_first);
  chosen->cx_last = MAX (chosen->last, chosen->sp_last);
  if (chosen->inner_last > chosen->cx_last)
    chosen->cx_last = chosen->inner_last;
  if (*content_from != pick)
    {
      Match *inner = &g_array_index (matches, Match, *content_from);

      /* Keep the outer speaker; take the content that follows the inner cue. */
      chosen->cx_last = MAX (inner->last, inner->sp_last);
    }

  return TRUE;
}

static RshMention *
attribute_sentence (RshLexicon  *lexicon,
                    const char  *source_id,
                    Sentence    *sentence,
                    GPtrArray   *named)
{
  g_autoptr(RshMention) mention = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *quote = NULL;
  const RshPronoun *pronoun;
  Match match = { 0, };
  guint content_from = 0;
  guint start;
  guint end;

  if (!choose_match (lexicon, sentence, &match, &content_from))
    return NULL;

  speaker = sentence_slice (sentence, token_at (sentence, match.sp_first)->start,
                            token_at (sentence, match.sp_last)->end);

  pronoun = rsh_lexicon_find_pronoun (lexicon, speaker);
  if (pronoun != NULL)
    {
      const char *antecedent = find_antecedent (lexicon, pronoun, named);

      if (antecedent != NULL)
        {
          g_free (speaker);
          speaker = g_strdup (antecedent);
          g_ptr_array_add (named, g_strdup (speaker));
        }
      else if (strchr (speaker, ' ') != NULL)
        {
          /* "The company" with nobody before it may still be what a later "it" means. */
          g_ptr_array_add (named, g_strdup (speaker));
        }
    }
  else
    g_ptr_array_add (named, g_strdup (speaker));

  find_content (lexicon, sentence, &match, &start, &end);
  quote = sentence_slice (sentence, start, end);

  mention = rsh_mention_new (source_id, sentence->offset + start, sentence->offset + end, quote);
  rsh_mention_set_speaker (mention, speaker);
  rsh_mention_set_cue (mention, match.cue->word);
  rsh_mention_set_stance (mention, effective_stance (&match));
  rsh_mention_set_hedged (mention, match.cue->hedged ||
                                   sentence_has_phrase (lexicon, RSH_WORDS_HEDGE, sentence));

  return g_steal_pointer (&mention);
}

/**
 * rsh_attribute_text:
 * @lexicon: the lexicon of the text's language
 * @source_id: (nullable): the id the mentions will carry
 * @text: the UTF-8 text
 * @sentences: (element-type RshSpan): the sentences of @text, in order, as made by
 *   rsh_segment_sentences()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the attributed statements of @text, at most one per sentence: a reporting cue of
 * the lexicon with a speaker before it ("The ministry said …", "Kaspersky has denied …")
 * or after it ("…, said Jane Doe", "according to the agency, …"). A cue closing the
 * sentence ("…, a spokesman said.") wins, else the first one. A pronoun speaker ("she",
 * "the company") stands for the latest named speaker of an earlier sentence whose kind
 * fits; without one it stays as written. The mention spans the claimed content: the
 * that-clause, the quotation, or the rest of the sentence without speaker and cue; the
 * whole sentence when nothing else is left. Offsets count code points.
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
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_free);
  const char *cursor;
  guint cursor_chars = 0;

  g_return_val_if_fail (lexicon != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (sentences != NULL, NULL);

  mentions = g_ptr_array_new_with_free_func (g_object_unref);
  cursor = text;

  for (guint s = 0; s < sentences->len; s++)
    {
      const RshSpan *span = &g_array_index (sentences, RshSpan, s);
      g_autoptr(RshMention) mention = NULL;
      Sentence sentence;
      const char *begin;
      const char *finish;

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
      mention = attribute_sentence (lexicon, source_id, &sentence, named);
      sentence_clear (&sentence);

      if (mention != NULL)
        g_ptr_array_add (mentions, g_steal_pointer (&mention));
    }

  return g_steal_pointer (&mentions);
}
