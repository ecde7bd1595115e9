/* rsh-align.c: claim mentions into claims, and a text's stance towards a claim
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libstemmer.h>
#include <math.h>
#include <string.h>

#include "rashomon.h"
#include "rsh-align.h"

/* Two mentions whose weighted overlap reaches this are one claim. */
#define SAME_CLAIM     0.42
/* A denial needs less: it repeats the claim's subject but seldom its wording. */
#define SAME_DENIAL    0.34
/* Keys held by more texts than this do not propose candidates (they still count). */
#define MAX_POSTINGS   64
#define SHINGLE_WORDS  5
#define MIN_SHINGLES   8
#define SAME_SOURCE    0.7
#define LEAD_SENTENCES 3
#define TOP_SENTENCES  3
/* Where the lead features start, after the context ones. */
#define LEAD_FIRST     (RSH_ALIGN_N_CONTEXT_FIRST + RSH_ALIGN_N_CONTEXT)
#define N_LEAD         14
#define REFUTE_FIRST   RSH_ALIGN_REFUTE_FIRST
#define N_REFUTE       11

G_STATIC_ASSERT (REFUTE_FIRST == LEAD_FIRST + N_LEAD);
G_STATIC_ASSERT (REFUTE_FIRST + N_REFUTE == RSH_ALIGN_N_FEATURES);

typedef enum
{
  TOKEN_STOP     = 1 << 0,
  TOKEN_NEGATION = 1 << 1,
  TOKEN_DENY     = 1 << 2,
  TOKEN_FALSITY  = 1 << 3,
  TOKEN_HEDGE    = 1 << 4,
  TOKEN_MODAL    = 1 << 5,
  TOKEN_REPORT   = 1 << 6,
  TOKEN_AGREE    = 1 << 7,
  TOKEN_NUMBER   = 1 << 8,
  TOKEN_NAME     = 1 << 9,
  TOKEN_DISTANCE = 1 << 10,
  TOKEN_ASSERT   = 1 << 11,
  TOKEN_REFUTE   = 1 << 12,
  TOKEN_CONTRAST = 1 << 13,
  TOKEN_META     = 1 << 14,
} TokenFlags;

typedef struct
{
  GQuark  key;        /* stem, or the concept it belongs to */
  guint32 word_hash;  /* of the folded word, for shingles */
  guint   sentence;
  guint   flags;
} Token;

typedef struct
{
  RshSpan span;
  guint   first;      /* first token */
  guint   n_tokens;
  guint   colons;
  guint   colon_at;   /* tokens before the first colon, or G_MAXUINT */
  guint   quotes;     /* opening quotation marks */
  guint   question : 1;
} Sentence;

struct _RshAlignText
{
  GArray     *tokens;     /* Token */
  GArray     *sentences;  /* Sentence */
  GHashTable *tf;         /* key → count, content tokens only */
  GArray     *keys;       /* GQuark, sorted, unique content keys */
  GHashTable *bigrams;    /* content key pairs (as 64-bit numbers) */
  GHashTable *names;      /* keys written with a capital inside a sentence */
  guint       has_denial : 1;
  guint       has_hedge : 1;
};

struct _RshIdf
{
  GHashTable *df;         /* key → count */
  guint       n_docs;
};

struct _RshAligner
{
  struct sb_stemmer *stemmer;
  RshLexicon        *lexicon;
  GHashTable        *cues;      /* folded word → TokenFlags */
  GHashTable        *concepts;  /* stem → concept key */
  GPtrArray         *refutes;   /* GArray of word hashes, one per refutation phrase */
};

/* Words that carry a stance, by kind; all written here, folded, in every inflection. */
static const char * const deny_words[] = {
  "deny", "denies", "denied", "denying", "denial", "denials", "reject", "rejects",
  "rejected", "refute", "refutes", "refuted", "rebut", "rebuts", "rebutted", "dismiss",
  "dismisses", "dismissed", "contradict", "contradicts", "contradicted", "disputes",
  "disputed", "dispute", "retract", "retracted", "retraction", "debunk", "debunks",
  "debunked", "disprove", "disproved", "disproves", "retracts", "rebuff", "rebuffs",
  "rebuffed", "doubt", "doubts", "doubted", NULL
};
static const char * const falsity_words[] = {
  "fake", "fakes", "faked", "hoax", "hoaxes", "false", "falsely", "untrue", "bogus",
  "fabricated", "fabrication", "baseless", "unfounded", "myth", "satire", "satirical",
  "prank", "pranks", "fraud", "fraudulent", "misleading", "incorrect", "wrong", "phony",
  "phoney", "scam", "lie", "lies", "lied", "nonsense", "fiction", "fictional", "spoof",
  "parody", "rubbish", "inaccurate", "exaggerated", "doctored", "misinformation",
  "erroneous", NULL
};
static const char * const negation_words[] = {
  "not", "no", "never", "nothing", "none", "neither", "nor", "without", "nobody",
  "cannot", "nowhere", NULL
};
static const char * const hedge_words[] = {
  "reportedly", "allegedly", "alleged", "alleges", "allege", "purportedly", "purported",
  "apparently", "unconfirmed", "unverified", "supposedly", "rumor", "rumors", "rumour",
  "rumours", "rumored", "rumoured", "claim", "claims", "claimed", "claiming",
  "speculation", "speculated", "believed", "suggest", "suggests", "suggested", "appears",
  "appear", "seems", "seem", "seemingly", "unclear", "unknown", "analyst", "analysts",
  "expert", "experts", "predicted", "predicts", "prediction", "expects", "expected",
  "expect", "plans", "planning", "plan", "sees", "trying", "mystery", "mysterious",
  "apparent", "estimate", "estimates", "estimated", "forecast", "forecasts", "tipped",
  "leak", "leaks", "leaked", "speculate", "possible", "suspected", "suspect", "talks",
  "doubt", "doubts", "fears", "fear", "scare",
  "questions", "questioned", NULL
};
static const char * const modal_words[] = {
  "may", "might", "could", "possibly", "perhaps", "likely", "probably", "potential",
  "potentially", "would", NULL
};
static const char * const report_words[] = {
  "report", "reports", "reported", "according", "said", "says", "say", "told", "source",
  "sources", "stated", "states", "statement", "interview", "posted", "tweeted", "wrote",
  "writes", "tells", "telling", "reporting", "accuses", "accused", "cites", "citing", NULL
};
static const char * const agree_words[] = {
  "confirm", "confirms", "confirmed", "confirmation", "official", "officially",
  "announced", "announces", "revealed", "reveals", "proof", "proves", "proved", "proven",
  "indeed", "true", "verified", "verify", "footage", "video", "photos", "shows", "showed",
  "shown", "evidence", "actually", "finally", NULL
};

/* In a headline, words that relay a claim at a distance … */
static const char * const distance_words[] = {
  "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "reportedly", "allegedly",
  "alleged", "unconfirmed", "unverified", "report", "reports", "reported", "reporting",
  "source", "sources", "claim", "claims", "claimed", "say", "says", "said", "media", "may",
  "might", "could", "believed", "apparently", "purportedly", "supposedly", "possibly",
  "probably", "been", "suspected", "according", NULL
};
/* … and words that tell it as a fact that has happened. */
static const char * const assert_words[] = {
  "after", "confirms", "confirmed", "reveals", "revealed", "breaking", "finally",
  "officially", "how", "caught", "found", NULL
};

/* Phrases that tell a story is untrue or was told wrong; their last word is flagged. */
static const char * const refute_phrases[] = {
  "not true", "isn't true", "wasn't true", "no evidence", "no proof", "no truth",
  "turned out", "turns out", "turn out", "urban legend", "never happened", "didn't happen",
  "did not happen", "not real", "is false", "was false", "are false", "were false",
  "a hoax", "fake news", "not the case", "made up", "no such", "not actually", "in fact",
  "in reality", "there is no", "there was no", "no basis", "photoshopped", "photoshop",
  "doctored", "misreported", "misquoted", "misinterpreted", "misunderstood", "clarified",
  "clarify", "clarification", "correction", "corrected", "retracted", "backtracked",
  "walked back", "set the record straight", "false alarm", "false report", "false reports",
  "false claims", "false rumors", "false rumours", "not to be", "debunked", "debunking",
  "snopes", "satirical", "satire", "no plans", "has no plans", "not planning", NULL
};
/* Words that turn against what came before in a sentence. */
static const char * const contrast_words[] = {
  "but", "however", "although", "though", "despite", "yet", "contrary", "instead",
  "actually", "reality", "whereas", "nevertheless", NULL
};

/* Words about a story as a story: a text that checks one talks of how it spread. */
static const char * const meta_words[] = {
  "viral", "circulating", "circulated", "circulate", "spreading", "spread", "headline",
  "headlines", "story", "stories", "article", "articles", "readers", "internet", "online",
  "website", "websites", "shared", "sharing", "facebook", "twitter", "social", "blog",
  "blogs", "tabloid", "tabloids", "outlets", "picked", NULL
};

/* Words that often stand for one another in news wording; each group is one key. */
static const char * const concept_groups[] = {
  "help helped helping helps assist assisted assisting aid aided collaborate collaborated "
    "collaborating collaboration cooperate cooperated cooperation abet abetted",
  "spy spies spying espionage intelligence surveillance snoop snooping",
  "hacker hackers hack hacked hacking cyberattack cyberattacks breach breached intrusion",
  "secret secrets classified confidential",
  "exploit exploited exploiting use used using abuse abused leverage leveraged",
  "search searched searching hunt hunted hunting seek sought",
  "software program programs programme programmes antivirus app apps tool tools",
  "american americans america usa",
  "kill killed killing kills dead die died death deaths slain",
  "arrest arrested arrests detain detained detention custody",
  "resign resigned resigns resignation quit quits",
  "rise rose risen rises increase increased increases raise raised grow grew jump jumped "
    "climb climbed",
  "fall fell falls fallen drop dropped drops decline declined decrease decreased cut cuts",
  "buy bought buys acquire acquired acquisition purchase purchased",
  "ban banned bans prohibit prohibited forbid forbade",
  "attack attacked attacks strike struck assault assaulted",
  "contaminate contaminated contamination pollute polluted pollution poison poisoned "
    "tainted",
  "government governments state administration authorities",
  "company firm business corporation",
  "dump dumped dumping discharge discharged discharging release released releasing spill "
    "spilled spilt",
  "sewage waste effluent",
  "hide hid hidden hiding conceal concealed concealing withhold withheld withholding "
    "suppress suppressed",
  "limit limits standard standards threshold thresholds",
  "exceed exceeded exceeds exceeding surpass surpassed",
  "test tests tested testing sample samples sampled sampling reading readings result results "
    "measurement measurements",
  NULL
};

static void
add_cues (GHashTable         *cues,
          const char * const *words,
          guint               flag)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (cues, words[i]));

      g_hash_table_insert (cues, (gpointer) words[i], GUINT_TO_POINTER (old | flag));
    }
}

static GQuark
stem_word (RshAligner *self,
           const char *word)
{
  const sb_symbol *stem;

  stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) word, (int) strlen (word));
  if (stem == NULL)
    return g_quark_from_string (word);

  return g_quark_from_string ((const char *) stem);
}

/**
 * rsh_aligner_new:
 * @lexicon: (nullable): the lexicon whose stop words, hedges and negations to use
 *
 * Returns: (transfer full): an aligner for English text; use it from one thread at a time
 */
RshAligner *
rsh_aligner_new (RshLexicon *lexicon)
{
  RshAligner *self = g_new0 (RshAligner, 1);

  self->stemmer = sb_stemmer_new ("english", NULL);
  self->lexicon = lexicon ? rsh_lexicon_ref (lexicon) : NULL;
  self->cues = g_hash_table_new (g_str_hash, g_str_equal);
  self->concepts = g_hash_table_new (NULL, NULL);

  add_cues (self->cues, deny_words, TOKEN_DENY);
  add_cues (self->cues, falsity_words, TOKEN_FALSITY);
  add_cues (self->cues, negation_words, TOKEN_NEGATION);
  add_cues (self->cues, hedge_words, TOKEN_HEDGE);
  add_cues (self->cues, modal_words, TOKEN_MODAL);
  add_cues (self->cues, report_words, TOKEN_REPORT);
  add_cues (self->cues, agree_words, TOKEN_AGREE);
  add_cues (self->cues, distance_words, TOKEN_DISTANCE);
  add_cues (self->cues, assert_words, TOKEN_ASSERT);
  add_cues (self->cues, contrast_words, TOKEN_CONTRAST);
  add_cues (self->cues, meta_words, TOKEN_META);

  self->refutes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint p = 0; refute_phrases[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (refute_phrases[p], " ", -1);
      GArray *hashes = g_array_new (FALSE, FALSE, sizeof (guint32));

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint32 h = g_str_hash (words[i]);

          g_array_append_val (hashes, h);
        }
      g_ptr_array_add (self->refutes, hashes);
    }

  for (guint g = 0; concept_groups[g] != NULL; g++)
    {
      g_auto(GStrv) words = g_strsplit (concept_groups[g], " ", -1);
      g_autofree char *name = g_strdup_printf ("=concept%u", g);
      GQuark concept = g_quark_from_string (name);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_hash_table_insert (self->concepts, GUINT_TO_POINTER (stem_word (self, words[i])),
                               GUINT_TO_POINTER (concept));
    }

  return self;
}

void
rsh_aligner_free (RshAligner *self)
{
  if (self == NULL)
    return;

  sb_stemmer_delete (self->stemmer);
  g_clear_pointer (&self->lexicon, rsh_lexicon_unref);
  g_hash_table_unref (self->cues);
  g_hash_table_unref (self->concepts);
  g_ptr_array_unref (self->refutes);
  g_free (self);
}

static gboolean
is_stopword (RshAligner *self,
             const char *word)
{
  static const char * const fallback[] = {
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at", "from",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that",
    "this", "as", "he", "she", "they", "we", "his", "her", "their", "will", "which", "who",
    NULL
  };

  if (self->lexicon != NULL)
    return rsh_lexicon_is_stopword (self->lexicon, word);

  for (guint i = 0; fallback[i] != NULL; i++)
    if (strcmp (fallback[i], word) == 0)
      return TRUE;
  return FALSE;
}

static void
add_token (RshAligner   *self,
           RshAlignText *text,
           GString      *word,
           gboolean      capital,
           gboolean      sentence_start,
           gboolean      digits)
{
  Token token = { 0, };
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->cues, word->str));
  gpointer concept;

  if (g_str_has_suffix (word->str, "n't"))
    flags |= TOKEN_NEGATION;
  if (self->lexicon != NULL && rsh_lexicon_is_negation (self->lexicon, word->str))
    flags |= TOKEN_NEGATION;
  if (self->lexicon != NULL && rsh_lexicon_is_hedge (self->lexicon, word->str))
    flags |= TOKEN_HEDGE;
  if (digits)
    flags |= TOKEN_NUMBER;
  if (capital && !sentence_start)
    flags |= TOKEN_NAME;
  if (!digits && (word->len < 2 || is_stopword (self, word->str)))
    flags |= TOKEN_STOP;

  token.word_hash = g_str_hash (word->str);
  token.key = digits ? g_quark_from_string (word->str) : stem_word (self, word->str);
  concept = g_hash_table_lookup (self->concepts, GUINT_TO_POINTER (token.key));
  if (concept != NULL)
    token.key = GPOINTER_TO_UINT (concept);
  token.flags = flags;
  token.sentence = text->sentences->len;

  if (flags & (TOKEN_DENY | TOKEN_FALSITY))
    text->has_denial = TRUE;
  if (flags & TOKEN_HEDGE)
    text->has_hedge = TRUE;

  g_array_append_val (text->tokens, token);
}

static void
close_sentence (RshAlignText *text,
                guint         start,
                guint         end,
                gboolean      question,
                guint         colons,
                guint         colon_token,
                guint         quotes)
{
  Sentence sentence = { { start, end, 0 }, 0, 0, colons, G_MAXUINT, quotes, question };
  guint first = 0;

  for (guint i = text->sentences->len; i > 0; i--)
    {
      const Sentence *previous = &g_array_index (text->sentences, Sentence, i - 1);

      first = previous->first + previous->n_tokens;
      break;
    }

  if (text->tokens->len == first)
    return;

  sentence.first = first;
  sentence.n_tokens = text->tokens->len - first;
  if (colon_token != G_MAXUINT && colon_token >= first)
    sentence.colon_at = colon_token - first;
  g_array_append_val (text->sentences, sentence);
}

/* Flags the last word of every refutation phrase within one sentence. */
static void
flag_refutations (RshAligner   *self,
                  RshAlignText *text)
{
  for (guint i = 0; i < text->tokens->len; i++)
    for (guint p = 0; p < self->refutes->len; p++)
      {
        const GArray *hashes = g_ptr_array_index (self->refutes, p);
        const Token *first = &g_array_index (text->tokens, Token, i);
        guint n = hashes->len;
        gboolean match = i + n <= text->tokens->len;

        for (guint j = 0; j < n && match; j++)
          {
            const Token *t = &g_array_index (text->tokens, Token, i + j);

            match = t->word_hash == g_array_index (hashes, guint32, j) &&
                    t->sentence == first->sentence;
          }
        if (match)
          g_array_index (text->tokens, Token, i + n - 1).flags |= TOKEN_REFUTE;
      }
}

static int
compare_quarks (gconstpointer a,
                gconstpointer b)
{
  GQuark x = *(const GQuark *) a;
  GQuark y = *(const GQuark *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * rsh_aligner_analyze:
 * @self: an aligner
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 if nul-terminated
 * @sentences: (nullable) (element-type RshSpan): sentence spans in code points of @text,
 *   or %NULL to split sentences at end punctuation and line breaks
 *
 * Returns: (transfer full): the words of @text, stemmed, with their cues and sentences
 */
RshAlignText *
rsh_aligner_analyze (RshAligner   *self,
                     const char   *text,
                     gssize        len,
                     const GArray *sentences)
{
  RshAlignText *result;
  g_autoptr(GString) word = g_string_new (NULL);
  const char *end;
  guint offset = 0;
  guint word_start = 0;
  guint sentence_start = G_MAXUINT;
  guint next_span = 0;
  gboolean capital = FALSE;
  gboolean digits = TRUE;
  gboolean at_sentence_start = TRUE;
  gboolean question = FALSE;
  guint colons = 0;
  guint colon_token = G_MAXUINT;
  guint quotes = 0;
  gunichar before = 0;

  g_return_val_if_fail (self != NULL && text != NULL, NULL);

  end = len < 0 ? text + strlen (text) : text + len;

  result = g_new0 (RshAlignText, 1);
  result->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  result->sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));

  for (const char *p = text; ; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (!in_word && c != 0 && (c == '\'' || c == 0x2019) && word->len > 0)
        {
          const char *next = g_utf8_next_char (p);

          if (next < end && g_unichar_isalpha (g_utf8_get_char (next)))
            {
              g_string_append_c (word, '\'');
              continue;
            }
        }

      if (in_word)
        {
          before = c;
          if (word->len == 0)
            {
              word_start = offset;
              if (sentence_start == G_MAXUINT)
                sentence_start = offset;
              capital = g_unichar_isupper (c);
              digits = TRUE;
            }
          if (!g_unichar_isdigit (c))
            digits = FALSE;
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      /* A word ends here; with given sentences, it belongs to the one holding its start. */
      if (word->len > 0)
        {
          if (sentences != NULL)
            while (next_span < sentences->len &&
                   g_array_index (sentences, RshSpan, next_span).end <= word_start)
              {
                const RshSpan *span = &g_array_index (sentences, RshSpan, next_span);

                close_sentence (result, span->start, span->end, FALSE, 0, G_MAXUINT, 0);
                next_span++;
                at_sentence_start = TRUE;
              }
          add_token (self, result, word, capital, at_sentence_start, digits);
          at_sentence_start = FALSE;
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;

      if (c == '?')
        question = TRUE;
      if (c == ':' && colons++ == 0)
        colon_token = result->tokens->len;
      /* An opening quotation mark: after a space or at the start, before a word. */
      if ((c == '\'' || c == '"' || c == 0x2018 || c == 0x201C) &&
          (before == 0 || g_unichar_isspace (before)))
        {
          const char *next = g_utf8_next_char (p);

          if (next < end && g_unichar_isalnum (g_utf8_get_char (next)))
            quotes++;
        }
      before = c;

      if (sentences == NULL && (c == '.' || c == '!' || c == '?' || c == '\n'))
        {
          const char *next = g_utf8_next_char (p);
          gunichar n = next < end ? g_utf8_get_char (next) : 0;

          if (n == 0 || g_unichar_isspace (n) || c == '\n')
            {
              close_sentence (result, sentence_start, offset + 1, question, colons,
                              colon_token, quotes);
              colons = 0;
              colon_token = G_MAXUINT;
              quotes = 0;
              sentence_start = G_MAXUINT;
              at_sentence_start = TRUE;
              question = FALSE;
            }
        }
    }

  if (sentences != NULL)
    {
      for (; next_span < sentences->len; next_span++)
        {
          const RshSpan *span = &g_array_index (sentences, RshSpan, next_span);

          close_sentence (result, span->start, span->end, FALSE, 0, G_MAXUINT, 0);
        }
    }
  else
    close_sentence (result, sentence_start, offset, question, colons, colon_token, quotes);

  flag_refutations (self, result);

  result->tf = g_hash_table_new (NULL, NULL);
  result->bigrams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  result->keys = g_array_new (FALSE, FALSE, sizeof (GQuark));
  result->names = g_hash_table_new (NULL, NULL);
  {
    GQuark previous = 0;
    guint previous_sentence = G_MAXUINT;

    for (guint i = 0; i < result->tokens->len; i++)
      {
        const Token *t = &g_array_index (result->tokens, Token, i);
        guint count;

        if (t->flags & TOKEN_STOP)
          continue;
        if (t->flags & TOKEN_NAME)
          g_hash_table_add (result->names, GUINT_TO_POINTER (t->key));

        count = GPOINTER_TO_UINT (g_hash_table_lookup (result->tf, GUINT_TO_POINTER (t->key)));
        if (count == 0)
          g_array_append_val (result->keys, t->key);
        g_hash_table_insert (result->tf, GUINT_TO_POINTER (t->key), GUINT_TO_POINTER (count + 1));

        if (previous != 0 && previous_sentence == t->sentence)
          {
            gint64 pair = ((gint64) previous << 32) | t->key;

            if (!g_hash_table_contains (result->bigrams, &pair))
              g_hash_table_add (result->bigrams, g_memdup2 (&pair, sizeof pair));
          }
        previous = t->key;
        previous_sentence = t->sentence;
      }
  }
  g_array_sort (result->keys, compare_quarks);

  return result;
}

void
rsh_align_text_free (RshAlignText *text)
{
  if (text == NULL)
    return;

  g_array_unref (text->tokens);
  g_array_unref (text->sentences);
  g_hash_table_unref (text->tf);
  g_hash_table_unref (text->bigrams);
  g_hash_table_unref (text->names);
  g_array_unref (text->keys);
  g_free (text);
}

guint
rsh_align_text_get_n_sentences (const RshAlignText *text)
{
  return text->sentences->len;
}

/**
 * rsh_align_text_get_sentence:
 * @text: an analysed text
 * @index: a sentence index
 *
 * Returns: the sentence's span in code points
 */
RshSpan
rsh_align_text_get_sentence (const RshAlignText *text,
                             guint               index)
{
  return g_array_index (text->sentences, Sentence, index).span;
}

gboolean
rsh_align_text_has_denial (const RshAlignText *text)
{
  return text->has_denial;
}

gboolean
rsh_align_text_has_hedge (const RshAlignText *text)
{
  return text->has_hedge;
}

RshIdf *
rsh_idf_new (void)
{
  RshIdf *self = g_new0 (RshIdf, 1);

  self->df = g_hash_table_new (NULL, NULL);

  return self;
}

void
rsh_idf_free (RshIdf *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->df);
  g_free (self);
}

void
rsh_idf_add (RshIdf             *self,
             const RshAlignText *text)
{
  for (guint i = 0; i < text->keys->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (text->keys, GQuark, i));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->df, key));

      g_hash_table_insert (self->df, key, GUINT_TO_POINTER (count + 1));
    }
  self->n_docs++;
}

/**
 * rsh_idf_weight:
 * @self: (nullable): document frequencies, or %NULL to weigh every key 1
 * @stem: a content key
 *
 * Returns: the inverse document frequency of @stem, smoothed, at least 1
 */
double
rsh_idf_weight (const RshIdf *self,
                GQuark        stem)
{
  guint df;

  if (self == NULL)
    return 1.0;

  df = GPOINTER_TO_UINT (g_hash_table_lookup (self->df, GUINT_TO_POINTER (stem)));
  return log ((1.0 + self->n_docs) / (1.0 + df)) + 1.0;
}

void
rsh_clustering_free (RshClustering *self)
{
  if (self == NULL)
    return;

  g_free (self->cluster);
  g_free (self->representative);
  g_free (self);
}

/* Share of @claim's weighted keys present among the tokens [first, first + n) of @body. */
static double
span_share (const RshAlignText *claim,
            const RshAlignText *body,
            guint               first,
            guint               n,
            const RshIdf       *idf,
            GHashTable         *seen)
{
  double total = 0, found = 0;

  g_hash_table_remove_all (seen);
  for (guint i = first; i < first + n && i < body->tokens->len; i++)
    {
      const Token *t = &g_array_index (body->tokens, Token, i);

      if (!(t->flags & TOKEN_STOP))
        g_hash_table_add (seen, GUINT_TO_POINTER (t->key));
    }

  for (guint i = 0; i < claim->keys->len; i++)
    {
      GQuark key = g_array_index (claim->keys, GQuark, i);
      double w = rsh_idf_weight (idf, key);

      total += w;
      if (g_hash_table_contains (seen, GUINT_TO_POINTER (key)))
        found += w;
    }

  return total > 0 ? found / total : 0;
}

static double *
sentence_shares (const RshAlignText *claim,
                 const RshAlignText *body,
                 const RshIdf       *idf)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  double *shares = g_new0 (double, body->sentences->len + 1);

  for (guint s = 0; s < body->sentences->len; s++)
    {
      const Sentence *sentence = &g_array_index (body->sentences, Sentence, s);

      shares[s] = span_share (claim, body, sentence->first, sentence->n_tokens, idf, seen);
    }

  return shares;
}

static int
compare_by_share (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const double *shares = user_data;
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  if (shares[x] != shares[y])
    return shares[x] > shares[y] ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* Sentence indices of @body, best share of @claim first. */
static GArray *
rank_sentences (const double *shares,
                guint         n)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint s = 0; s < n; s++)
    g_array_append_val (order, s);
  g_array_sort_with_data (order, compare_by_share, (gpointer) shares);

  return order;
}

/**
 * rsh_align_best_sentences:
 * @claim: the analysed claim
 * @body: the analysed text
 * @idf: (nullable): document frequencies
 * @max: how many sentences at most
 * @min_share: the least weighted share of the claim's words a sentence must hold
 *
 * Returns: (transfer full) (element-type guint): sentence indices of @body that state the
 *   claim best, best first
 */
GArray *
rsh_align_best_sentences (const RshAlignText *claim,
                          const RshAlignText *body,
                          const RshIdf       *idf,
                          guint               max,
                          double              min_share)
{
  g_autofree double *shares = sentence_shares (claim, body, idf);
  GArray *order = rank_sentences (shares, body->sentences->len);
  guint keep = 0;

  while (keep < order->len && keep < max &&
         shares[g_array_index (order, guint, keep)] >= min_share &&
         shares[g_array_index (order, guint, keep)] > 0)
    keep++;
  g_array_set_size (order, keep);

  return order;
}

static guint
count_flags (const RshAlignText *text,
             guint               sentence,
             guint               flags)
{
  const Sentence *s = &g_array_index (text->sentences, Sentence, sentence);
  guint n = 0;

  for (guint i = s->first; i < s->first + s->n_tokens; i++)
    if (g_array_index (text->tokens, Token, i).flags & flags)
      n++;

  return n;
}

static guint
count_all_flags (const RshAlignText *text,
                 guint               flags)
{
  guint n = 0;

  for (guint i = 0; i < text->tokens->len; i++)
    if (g_array_index (text->tokens, Token, i).flags & flags)
      n++;

  return n;
}

/* Share of the keys of @claim with @flags that @body holds, or -1 when the claim has none. */
static double
flagged_share (const RshAlignText *claim,
               const RshAlignText *body,
               guint               flags)
{
  guint total = 0, found = 0;

  for (guint i = 0; i < claim->tokens->len; i++)
    {
      const Token *t = &g_array_index (claim->tokens, Token, i);

      if (!(t->flags & flags) || (t->flags & TOKEN_STOP))
        continue;
      total++;
      if (g_hash_table_contains (body->tf, GUINT_TO_POINTER (t->key)))
        found++;
    }

  return total > 0 ? (double) found / total : -1;
}

/* Negations within three words of a word of the claim, per such word. */
static double
negation_near_overlap (const RshAlignText *claim,
                       const RshAlignText *body)
{
  guint matches = 0, negated = 0;

  for (guint i = 0; i < body->tokens->len; i++)
    {
      const Token *t = &g_array_index (body->tokens, Token, i);

      if ((t->flags & TOKEN_STOP) || !g_hash_table_contains (claim->tf, GUINT_TO_POINTER (t->key)))
        continue;
      matches++;
      for (guint j = i > 3 ? i - 3 : 0; j < i + 4 && j < body->tokens->len; j++)
        {
          const Token *u = &g_array_index (body->tokens, Token, j);

          if (u->sentence == t->sentence && (u->flags & (TOKEN_NEGATION | TOKEN_DENY)))
            {
              negated++;
              break;
            }
        }
    }

  return matches > 0 ? (double) negated / matches : 0;
}

/* The lead: the first sentence and the fragments an abbreviation split from it
 * ("… Dead, U.S." + "Says"). Returns the token range. */
static void
lead_range (const RshAlignText *text,
            guint              *first,
            guint              *end)
{
  const Sentence *s0;
  guint n = 1;

  *first = *end = 0;
  if (text->sentences->len == 0)
    return;

  s0 = &g_array_index (text->sentences, Sentence, 0);
  while (n < text->sentences->len &&
         g_array_index (text->sentences, Sentence, n).n_tokens < 4)
    n++;
  *first = s0->first;
  {
    const Sentence *last = &g_array_index (text->sentences, Sentence, n - 1);

    *end = last->first + last->n_tokens;
  }
}

static guint
count_range_flags (const RshAlignText *text,
                   guint               first,
                   guint               end,
                   guint               flags)
{
  guint n = 0;

  for (guint i = first; i < end; i++)
    if (g_array_index (text->tokens, Token, i).flags & flags)
      n++;

  return n;
}

/* How the lead (for a headline, all of it) relays what it says: a source label before a
 * colon ("Officials: …"), an attribution at the end ("…, police say"), rumour and modal
 * words, a question, quotation marks around words. Writes, from @f: 0 words before the
 * first colon + 1 (0: none), 1 reporting words among them, 2 reporting words in the last
 * three, 3 modal, 4 hedge, 5 reporting words, 6 question, 7 opening quotes, 8 negation or
 * denial words, 9 confirmations, 10 length, 11 distance words, 12 words of fact, 13
 * distance words the claim does not use. */
static void
lead_features (const RshAlignText *claim,
               const RshAlignText *body,
               double             *f)
{
  const Sentence *s0;
  guint first, end;

  if (body->sentences->len == 0)
    return;

  s0 = &g_array_index (body->sentences, Sentence, 0);
  lead_range (body, &first, &end);

  if (s0->colon_at != G_MAXUINT)
    {
      f[0] = s0->colon_at + 1;
      f[1] = count_range_flags (body, first, first + s0->colon_at,
                                TOKEN_REPORT | TOKEN_HEDGE | TOKEN_AGREE);
    }
  if (end - first >= 5)
    f[2] = count_range_flags (body, end - 3, end, TOKEN_REPORT | TOKEN_HEDGE);
  f[3] = count_range_flags (body, first, end, TOKEN_MODAL);
  f[4] = count_range_flags (body, first, end, TOKEN_HEDGE);
  f[5] = count_range_flags (body, first, end, TOKEN_REPORT);
  f[6] = s0->question;
  f[7] = s0->quotes;
  f[8] = count_range_flags (body, first, end, TOKEN_DENY | TOKEN_FALSITY | TOKEN_NEGATION);
  f[9] = count_range_flags (body, first, end, TOKEN_AGREE);
  f[10] = end - first;
  f[11] = count_range_flags (body, first, end, TOKEN_DISTANCE);
  f[12] = count_range_flags (body, first, end, TOKEN_ASSERT);

  /* Distance the claim itself does not keep ("may" in a claim that says "may" is none). */
  for (guint i = first; i < end; i++)
    {
      const Token *t = &g_array_index (body->tokens, Token, i);
      gboolean in_claim = FALSE;

      if (!(t->flags & TOKEN_DISTANCE))
        continue;
      for (guint j = 0; j < claim->tokens->len && !in_claim; j++)
        in_claim = g_array_index (claim->tokens, Token, j).word_hash == t->word_hash;
      if (!in_claim)
        f[13]++;
    }
}

/* Share of the claim's content words found in sentence @s of @body that have a negation
 * or a denial within three words of them in that sentence. */
static double
negated_in_sentence (const RshAlignText *claim,
                     const RshAlignText *body,
                     guint               s)
{
  const Sentence *sentence = &g_array_index (body->sentences, Sentence, s);
  guint end = sentence->first + sentence->n_tokens;
  guint matches = 0, negated = 0;

  for (guint i = sentence->first; i < end; i++)
    {
      const Token *t = &g_array_index (body->tokens, Token, i);

      if ((t->flags & TOKEN_STOP) || !g_hash_table_contains (claim->tf, GUINT_TO_POINTER (t->key)))
        continue;
      matches++;
      for (guint j = i > sentence->first + 3 ? i - 3 : sentence->first; j < i + 4 && j < end; j++)
        if (g_array_index (body->tokens, Token, j).flags & (TOKEN_NEGATION | TOKEN_DENY))
          {
            negated++;
            break;
          }
    }

  return matches > 0 ? (double) negated / matches : 0;
}

/* The refutation features, from @f: 0 refutation phrases per sentence ("not true", "turned
 * out", "no evidence", "photoshopped"), 1 those in the first three sentences, 2 those in
 * the sentences holding the claim best, 3 sentences where a name of the claim meets a
 * denial or a refutation (the claim's subject denying it), 4 the share of the claim's
 * words in the best sentence that a negation stands next to, 5 whether the claim and the
 * first three sentences differ in polarity (one denies or negates, the other does not), 6
 * words of contrast in the best sentences ("but", "however"), 7 whether the best sentence
 * has numbers and none of the claim's, 8 denials, falsity and refutations in the best
 * sentences, weighed by how much of the claim each holds, 9 words about the story as a
 * story ("viral", "headlines", "online") per sentence, 10 those in the first three
 * sentences. */
static void
refute_features (const RshAlignText *claim,
                 const RshAlignText *body,
                 const double       *shares,
                 const GArray       *order,
                 double             *f)
{
  const guint against = TOKEN_DENY | TOKEN_FALSITY | TOKEN_REFUTE;
  guint n_sentences = MAX (body->sentences->len, 1);
  guint n_top = MIN (order->len, TOP_SENTENCES);
  guint lead_against = 0;
  gboolean claim_against;

  f[0] = (double) count_all_flags (body, TOKEN_REFUTE) / n_sentences;
  f[9] = (double) count_all_flags (body, TOKEN_META) / n_sentences;
  for (guint s = 0; s < body->sentences->len && s < LEAD_SENTENCES; s++)
    {
      f[1] += count_flags (body, s, TOKEN_REFUTE);
      f[10] += count_flags (body, s, TOKEN_META);
      lead_against += count_flags (body, s, against);
    }
  for (guint i = 0; i < n_top; i++)
    {
      guint s = g_array_index (order, guint, i);

      f[2] += count_flags (body, s, TOKEN_REFUTE);
      f[6] += count_flags (body, s, TOKEN_CONTRAST);
      f[8] += shares[s] * count_flags (body, s, against);
    }

  if (g_hash_table_size (claim->names) > 0)
    for (guint s = 0; s < body->sentences->len; s++)
      {
        const Sentence *sentence = &g_array_index (body->sentences, Sentence, s);
        gboolean named = FALSE, denied = FALSE;

        for (guint i = sentence->first; i < sentence->first + sentence->n_tokens; i++)
          {
            const Token *t = &g_array_index (body->tokens, Token, i);

            if (!(t->flags & TOKEN_STOP) &&
                g_hash_table_contains (claim->names, GUINT_TO_POINTER (t->key)))
              named = TRUE;
            if (t->flags & (TOKEN_DENY | TOKEN_REFUTE))
              denied = TRUE;
          }
        if (named && denied)
          f[3]++;
      }

  if (order->len > 0)
    {
      guint best = g_array_index (order, guint, 0);
      const Sentence *sentence = &g_array_index (body->sentences, Sentence, best);
      gboolean claim_numbers = count_all_flags (claim, TOKEN_NUMBER) > 0;
      gboolean numbers = FALSE, shared = FALSE;

      f[4] = negated_in_sentence (claim, body, best);
      for (guint i = sentence->first; i < sentence->first + sentence->n_tokens; i++)
        {
          const Token *t = &g_array_index (body->tokens, Token, i);

          if (!(t->flags & TOKEN_NUMBER))
            continue;
          numbers = TRUE;
          if (g_hash_table_contains (claim->tf, GUINT_TO_POINTER (t->key)))
            shared = TRUE;
        }
      f[7] = claim_numbers && numbers && !shared ? 1 : 0;
    }

  claim_against = count_all_flags (claim, against | TOKEN_NEGATION) > 0;
  f[5] = claim_against != (lead_against > 0) ? 1 : 0;
}

/**
 * rsh_align_features:
 * @claim: the analysed claim
 * @body: the analysed text
 * @idf: (nullable): document frequencies of the collection @body belongs to
 * @features: (out caller-allocates) (array fixed-size=66): where to write
 *   all values but the %RSH_ALIGN_N_CONTEXT ones from %RSH_ALIGN_N_CONTEXT_FIRST on
 *
 * The hand-made features of the stance model: how much of the claim the text holds, where,
 * and which cue words (denials, falsity, negations, hedges, reporting verbs, confirmations)
 * stand near it, how the lead relays it, and what refutes it.
 */
void
rsh_align_features (const RshAlignText *claim,
                    const RshAlignText *body,
                    const RshIdf       *idf,
                    double             *features)
{
  g_autofree double *shares = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  double dot = 0, norm_claim = 0, norm_body = 0;
  double claim_total = 0, claim_found = 0;
  guint found_types = 0;
  guint n_sentences = MAX (body->sentences->len, 1);
  guint n_bigrams = 0, shared_bigrams = 0;
  guint strong = 0;
  guint lead_tokens = 0;
  guint top[TOP_SENTENCES + 1] = { 0, };
  guint n_top;
  double *f = features;
  guint claim_polar, top_polar = 0;

  memset (features, 0, RSH_ALIGN_N_FEATURES * sizeof (double));

  g_hash_table_iter_init (&iter, body->tf);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double w = GPOINTER_TO_UINT (value) * rsh_idf_weight (idf, GPOINTER_TO_UINT (key));

      norm_body += w * w;
    }

  for (guint i = 0; i < claim->keys->len; i++)
    {
      GQuark k = g_array_index (claim->keys, GQuark, i);
      double idf_w = rsh_idf_weight (idf, k);
      guint ctf = GPOINTER_TO_UINT (g_hash_table_lookup (claim->tf, GUINT_TO_POINTER (k)));
      guint btf = GPOINTER_TO_UINT (g_hash_table_lookup (body->tf, GUINT_TO_POINTER (k)));

      norm_claim += (ctf * idf_w) * (ctf * idf_w);
      dot += (ctf * idf_w) * (btf * idf_w);
      claim_total += idf_w;
      if (btf > 0)
        {
          claim_found += idf_w;
          found_types++;
        }
    }

  f[0] = norm_claim > 0 && norm_body > 0 ? dot / sqrt (norm_claim * norm_body) : 0;
  f[1] = claim->keys->len > 0 ? (double) found_types / claim->keys->len : 0;
  f[2] = claim_total > 0 ? claim_found / claim_total : 0;

  shares = sentence_shares (claim, body, idf);
  order = rank_sentences (shares, body->sentences->len);
  f[3] = order->len > 0 ? shares[g_array_index (order, guint, 0)] : 0;
  f[11] = order->len > 1 ? shares[g_array_index (order, guint, 1)] : 0;

  for (guint s = 0; s < body->sentences->len && s < LEAD_SENTENCES; s++)
    lead_tokens += g_array_index (body->sentences, Sentence, s).n_tokens;
  f[4] = span_share (claim, body, 0, lead_tokens, idf, seen);

  {
    GHashTableIter bi;
    gpointer pair;

    g_hash_table_iter_init (&bi, claim->bigrams);
    while (g_hash_table_iter_next (&bi, &pair, NULL))
      {
        n_bigrams++;
        if (g_hash_table_contains (body->bigrams, pair))
          shared_bigrams++;
      }
  }
  f[5] = n_bigrams > 0 ? (double) shared_bigrams / n_bigrams : 0;
  f[6] = claim->keys->len;
  f[7] = log (1.0 + body->tokens->len);
  f[8] = flagged_share (claim, body, TOKEN_NAME);
  f[9] = flagged_share (claim, body, TOKEN_NUMBER);

  for (guint s = 0; s < body->sentences->len; s++)
    if (shares[s] >= 0.4)
      strong++;
  f[10] = strong;

  f[12] = (double) count_all_flags (body, TOKEN_DENY) / n_sentences;
  f[13] = (double) count_all_flags (body, TOKEN_FALSITY) / n_sentences;
  f[14] = (double) count_all_flags (body, TOKEN_NEGATION) / n_sentences;
  f[15] = (double) count_all_flags (body, TOKEN_HEDGE) / n_sentences;
  f[16] = (double) count_all_flags (body, TOKEN_REPORT) / n_sentences;
  f[17] = (double) count_all_flags (body, TOKEN_AGREE) / n_sentences;
  f[18] = (double) count_all_flags (body, TOKEN_MODAL) / n_sentences;

  n_top = MIN (order->len, TOP_SENTENCES);
  for (guint i = 0; i < n_top; i++)
    {
      guint s = g_array_index (order, guint, i);

      top[i] = s;
      f[19] += count_flags (body, s, TOKEN_DENY);
      f[20] += count_flags (body, s, TOKEN_FALSITY);
      f[21] += count_flags (body, s, TOKEN_NEGATION);
      f[22] += count_flags (body, s, TOKEN_HEDGE);
      f[23] += count_flags (body, s, TOKEN_REPORT);
      f[24] += count_flags (body, s, TOKEN_AGREE);
    }
  if (n_top > 0)
    top_polar = count_flags (body, top[0], TOKEN_DENY | TOKEN_FALSITY | TOKEN_NEGATION);

  f[25] = count_all_flags (claim, TOKEN_DENY | TOKEN_FALSITY);
  f[26] = count_all_flags (claim, TOKEN_NEGATION);
  f[27] = count_all_flags (claim, TOKEN_HEDGE | TOKEN_MODAL);
  for (guint s = 0; s < claim->sentences->len; s++)
    if (g_array_index (claim->sentences, Sentence, s).question)
      f[28] = 1;
  for (guint s = 0; s < body->sentences->len; s++)
    if (g_array_index (body->sentences, Sentence, s).question)
      f[29] += 1.0 / n_sentences;
  for (guint s = 0; s < body->sentences->len && s < LEAD_SENTENCES; s++)
    {
      f[30] += count_flags (body, s, TOKEN_FALSITY | TOKEN_DENY);
      f[33] += count_flags (body, s, TOKEN_HEDGE | TOKEN_MODAL);
    }
  f[31] = negation_near_overlap (claim, body);
  claim_polar = count_all_flags (claim, TOKEN_DENY | TOKEN_FALSITY | TOKEN_NEGATION);
  f[32] = (claim_polar > 0) != (top_polar > 0) ? 1 : 0;

  for (guint s = 0; s < body->sentences->len; s++)
    f[34] += (double) g_array_index (body->sentences, Sentence, s).colons / n_sentences;
  for (guint s = 0; s < claim->sentences->len; s++)
    f[35] += g_array_index (claim->sentences, Sentence, s).colons;
  {
    guint content = 0, novel = 0;

    for (guint i = 0; i < body->tokens->len; i++)
      {
        const Token *t = &g_array_index (body->tokens, Token, i);

        if (t->flags & TOKEN_STOP)
          continue;
        content++;
        if (!g_hash_table_contains (claim->tf, GUINT_TO_POINTER (t->key)))
          novel++;
      }
    f[36] = content > 0 ? (double) novel / content : 0;
  }
  if (body->sentences->len > 0)
    f[37] = count_flags (body, 0, TOKEN_HEDGE | TOKEN_MODAL | TOKEN_REPORT);
  lead_features (claim, body, f + LEAD_FIRST);
  refute_features (claim, body, shares, order, f + REFUTE_FIRST);
}

/* How alike two propositions are. Names (capitalised words, in either text) and the other
 * words are weighed apart: 2·shared / (total a + total b) for each, and the two multiplied,
 * so the same people and places with another verb or object ("closed the smelter" against
 * "sued the smelter") stay another claim. Numbers that disagree pull it down too:
 * "12 dead" and "40 dead" are not one claim. Without names on one side, all words count
 * together. */
static double
similarity (const RshAlignText *a,
            const RshAlignText *b,
            const RshIdf       *idf)
{
  guint i = 0, j = 0;
  double shared[2] = { 0, 0 }, total_a[2] = { 0, 0 }, total_b[2] = { 0, 0 };
  gboolean numbers_a = FALSE, numbers_b = FALSE, numbers_shared = FALSE;
  double result;

  while (i < a->keys->len || j < b->keys->len)
    {
      GQuark x = i < a->keys->len ? g_array_index (a->keys, GQuark, i) : G_MAXUINT32;
      GQuark y = j < b->keys->len ? g_array_index (b->keys, GQuark, j) : G_MAXUINT32;
      GQuark key = MIN (x, y);
      double w = rsh_idf_weight (idf, key);
      gboolean number = g_ascii_isdigit (*g_quark_to_string (key));
      guint kind = !number && (g_hash_table_contains (a->names, GUINT_TO_POINTER (key)) ||
                               g_hash_table_contains (b->names, GUINT_TO_POINTER (key)));

      if (x == key)
        {
          total_a[kind] += w;
          numbers_a |= number;
          i++;
        }
      if (y == key)
        {
          total_b[kind] += w;
          numbers_b |= number;
          j++;
        }
      if (x == key && y == key)
        {
          shared[kind] += w;
          numbers_shared |= number;
        }
    }

  if (total_a[1] > 0 && total_b[1] > 0 && total_a[0] + total_b[0] > 0)
    result = 2 * shared[1] / (total_a[1] + total_b[1]) *
             2 * shared[0] / (total_a[0] + total_b[0]);
  else if (total_a[0] + total_a[1] + total_b[0] + total_b[1] > 0)
    result = 2 * (shared[0] + shared[1]) / (total_a[0] + total_a[1] + total_b[0] + total_b[1]);
  else
    result = 0;

  if (numbers_a && numbers_b && !numbers_shared)
    result *= 0.6;

  return result;
}

/**
 * rsh_aligner_similarity:
 * @self: an aligner
 * @a: an analysed text
 * @b: another
 * @idf: (nullable): document frequencies
 *
 * Returns: how alike the propositions of @a and @b are, 0 … 1
 */
double
rsh_aligner_similarity (RshAligner         *self,
                        const RshAlignText *a,
                        const RshAlignText *b,
                        const RshIdf       *idf)
{
  return similarity (a, b, idf);
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

typedef struct
{
  guint  a;
  guint  b;
  double sim;
} Edge;

static void
consider_pair (GArray          *edges,
               guint           *parent,
               const gboolean  *denials,
               guint            i,
               guint            j,
               double           sim)
{
  gboolean denial = denials != NULL && (denials[i] || denials[j]);

  if (sim < (denial ? SAME_DENIAL : SAME_CLAIM))
    return;

  {
    Edge edge = { i, j, sim };
    guint ri = find_root (parent, i);
    guint rj = find_root (parent, j);

    g_array_append_val (edges, edge);
    if (ri != rj)
      parent[MAX (ri, rj)] = MIN (ri, rj);
  }
}

/**
 * rsh_aligner_cluster:
 * @self: an aligner
 * @texts: (element-type RshAlignText): the analysed mentions
 * @denials: (nullable) (array): for each text, whether it denies or disputes what it says
 * @idf: (nullable): document frequencies, or %NULL to count them over @texts
 * @all_pairs: compare every pair instead of the candidates from the inverted index (to
 *   measure what the index saves)
 *
 * Groups texts that state the same proposition: pairs whose weighted overlap of stems,
 * concepts, names and numbers is high enough join one claim (a denial needs less overlap).
 * Candidate pairs come from an inverted index over content keys, skipping keys held by
 * very many texts.
 *
 * Returns: (transfer full): the claims
 */
RshClustering *
rsh_aligner_cluster (RshAligner     *self,
                     GPtrArray      *texts,
                     const gboolean *denials,
                     const RshIdf   *idf,
                     gboolean        all_pairs)
{
  g_autoptr(RshIdf) own_idf = NULL;
  g_autoptr(GHashTable) postings = NULL;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *parent = NULL;
  g_autofree double *acc = NULL;
  g_autofree double *centrality = NULL;
  g_autofree guint *touched = NULL;
  g_autofree guint *cluster_of_root = NULL;
  RshClustering *result;
  guint n = texts->len;

  g_return_val_if_fail (self != NULL && texts != NULL, NULL);

  if (idf == NULL)
    {
      own_idf = rsh_idf_new ();
      for (guint i = 0; i < n; i++)
        rsh_idf_add (own_idf, g_ptr_array_index (texts, i));
      idf = own_idf;
    }

  result = g_new0 (RshClustering, 1);
  result->n_items = n;
  result->cluster = g_new0 (guint, MAX (n, 1));

  parent = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    parent[i] = i;

  if (all_pairs)
    {
      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < i; j++)
          {
            double sim = similarity (g_ptr_array_index (texts, j), g_ptr_array_index (texts, i),
                                     idf);

            result->n_compared++;
            consider_pair (edges, parent, denials, j, i, sim);
          }
    }
  else
    {
      postings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      acc = g_new0 (double, MAX (n, 1));
      touched = g_new (guint, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          const RshAlignText *text = g_ptr_array_index (texts, i);
          guint n_touched = 0;

          /* Earlier texts sharing a key propose themselves, with the weight they share. */
          for (guint k = 0; k < text->keys->len; k++)
            {
              GQuark key = g_array_index (text->keys, GQuark, k);
              GArray *list = g_hash_table_lookup (postings, GUINT_TO_POINTER (key));
              double w = rsh_idf_weight (idf, key);

              if (list == NULL)
                {
                  list = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (postings, GUINT_TO_POINTER (key), list);
                }

              if (list->len <= MAX_POSTINGS)
                for (guint p = 0; p < list->len; p++)
                  {
                    guint j = g_array_index (list, guint, p);

                    if (acc[j] == 0)
                      touched[n_touched++] = j;
                    acc[j] += w;
                  }

              g_array_append_val (list, i);
            }

          for (guint t = 0; t < n_touched; t++)
            {
              guint j = touched[t];
              acc[j] = 0;
              result->n_compared++;
              consider_pair (edges, parent, denials, j, i,
                             similarity (g_ptr_array_index (texts, j), text, idf));
            }
        }
    }

  /* Claims are numbered in order of their first text. */
  cluster_of_root = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    cluster_of_root[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);

      if (cluster_of_root[root] == G_MAXUINT)
        cluster_of_root[root] = result->n_clusters++;
      result->cluster[i] = cluster_of_root[root];
    }

  /* The representative wording: the text closest to the others of its claim, preferring
   * one that states the claim over one that denies it. */
  centrality = g_new0 (double, MAX (n, 1));
  for (guint e = 0; e < edges->len; e++)
    {
      const Edge *edge = &g_array_index (edges, Edge, e);

      centrality[edge->a] += edge->sim;
      centrality[edge->b] += edge->sim;
    }

  result->representative = g_new (guint, MAX (result->n_clusters, 1));
  for (guint c = 0; c < result->n_clusters; c++)
    result->representative[c] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint c = result->cluster[i];
      guint best = result->representative[c];
      double score_i = centrality[i] - (denials && denials[i] ? 1000 : 0);
      double score_best;

      if (best == G_MAXUINT)
        {
          result->representative[c] = i;
          continue;
        }
      score_best = centrality[best] - (denials && denials[best] ? 1000 : 0);
      if (score_i > score_best)
        result->representative[c] = i;
    }

  return result;
}

/**
 * rsh_aligner_find_duplicates:
 * @self: an aligner
 * @texts: (element-type RshAlignText): the analysed sources, in order
 *
 * Finds syndicated or near-identical copies: a text most of whose five-word shingles
 * another, earlier text also has.
 *
 * Returns: (transfer full) (array): for each text, the index of the earlier text it copies,
 *   or -1
 */
int *
rsh_aligner_find_duplicates (RshAligner *self,
                             GPtrArray  *texts)
{
  g_autoptr(GHashTable) postings = NULL;
  g_autofree guint *counts = NULL;
  g_autofree guint *sizes = NULL;
  int *duplicate_of;
  guint n = texts->len;

  g_return_val_if_fail (self != NULL && texts != NULL, NULL);

  duplicate_of = g_new (int, MAX (n, 1));
  counts = g_new0 (guint, MAX (n, 1));
  sizes = g_new0 (guint, MAX (n, 1));
  postings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    {
      const RshAlignText *text = g_ptr_array_index (texts, i);
      g_autoptr(GHashTable) shingles = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;
      int best = -1;
      double best_share = 0;

      duplicate_of[i] = -1;
      for (guint t = 0; t + SHINGLE_WORDS <= text->tokens->len; t++)
        {
          guint32 h = 2166136261u;

          for (guint k = 0; k < SHINGLE_WORDS; k++)
            h = (h ^ g_array_index (text->tokens, Token, t + k).word_hash) * 16777619u;
          /* Zero is the hash table's "no key"; fold it away. */
          g_hash_table_add (shingles, GUINT_TO_POINTER (h ? h : 1));
        }
      sizes[i] = g_hash_table_size (shingles);

      memset (counts, 0, n * sizeof (guint));
      g_hash_table_iter_init (&iter, shingles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          GArray *list = g_hash_table_lookup (postings, key);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (postings, key, list);
            }
          for (guint p = 0; p < list->len; p++)
            counts[g_array_index (list, guint, p)]++;
          g_array_append_val (list, i);
        }

      for (guint j = 0; j < i; j++)
        {
          guint smaller = MIN (sizes[i], sizes[j]);
          double share;

          if (smaller < MIN_SHINGLES || counts[j] == 0)
            continue;
          share = (double) counts[j] / smaller;
          if (share >= SAME_SOURCE && share > best_share)
            {
              best_share = share;
              best = duplicate_of[j] >= 0 ? duplicate_of[j] : (int) j;
            }
        }
      duplicate_of[i] = best;
    }

  return duplicate_of;
}

/**
 * rsh_align_add_context:
 * @features: (array): @n_rows rows of %RSH_ALIGN_N_FEATURES values from
 *   rsh_align_features()
 * @n_rows: how many rows
 * @claim_of_row: (array length=n_rows): which claim each row reads
 *
 * Fills the context features of each row: how the other texts on the same claim treat it
 * (the share that hedge, deny or ask), weighted by how much of the claim they hold. A claim
 * that most outlets relay as a rumour is likely relayed at a distance by the next one too.
 */
void
rsh_align_add_context (double      *features,
                       guint        n_rows,
                       const guint *claim_of_row)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < n_rows; i++)
    {
      const double *f = features + (gsize) i * RSH_ALIGN_N_FEATURES;
      double *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (claim_of_row[i] + 1));
      double w = f[2] * f[2];

      if (sum == NULL)
        {
          sum = g_new0 (double, RSH_ALIGN_N_CONTEXT + 1);
          g_hash_table_insert (sums, GUINT_TO_POINTER (claim_of_row[i] + 1), sum);
        }
      sum[0] += w;
      sum[1] += w * (f[37] > 0 || f[22] > 0 ? 1 : 0);
      sum[2] += w * (f[19] + f[20] > 0 ? 1 : 0);
      sum[3] += w * (f[29] > 0 ? 1 : 0);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      double *f = features + (gsize) i * RSH_ALIGN_N_FEATURES;
      const double *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (claim_of_row[i] + 1));

      for (guint k = 0; k < RSH_ALIGN_N_CONTEXT; k++)
        f[RSH_ALIGN_N_CONTEXT_FIRST + k] = sum[0] > 0 ? sum[k + 1] / sum[0] : 0;
    }
}
