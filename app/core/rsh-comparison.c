/* rsh-comparison.c: claims, actors and positions across sources
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rashomon.h"
#include "rsh-align.h"
#include "rsh-correction-private.h"
#include "rsh-lexicon-private.h"

/* Longest timeline label, in code points. */
#define MAX_LABEL_CHARS 80
/* A tracked claim's justifying sentences: at most this many per source, each holding at
 * least this weighted share of the claim's words. */
#define MAX_JUSTIFYING  3
#define MIN_JUSTIFYING  0.34

struct _RshComparison
{
  GObject     parent_instance;

  /* owned */
  GListStore *sources;     /* RshSource, the analysed ones in input order */
  GPtrArray  *source_ids;  /* char*, parallel to sources */
  GListStore *actors;      /* RshActor */
  GListStore *claims;      /* RshClaim */
  GListStore *mentions;    /* RshMention, of every claim */
  GPtrArray  *timeline;    /* RshTimelineEvent */
  GPtrArray  *duplicate_of; /* char* or NULL, parallel to sources */
  GPtrArray  *lexicons;    /* RshLexicon, parallel to sources */
  GPtrArray  *outlets;     /* char* or NULL, parallel to sources */
  GListStore *hidden_claims; /* RshClaim the user hid */
  GListStore *corrections; /* RshCorrection replayed onto this comparison */
  GHashTable *corrected;   /* RshClaim and RshActor a correction changed */
  RshComparison *base;     /* the automatic comparison a corrected one was made from */
};

G_DEFINE_FINAL_TYPE (RshComparison, rsh_comparison, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RshTimelineEvent, rsh_timeline_event,
                     rsh_timeline_event_copy, rsh_timeline_event_free)

enum {
  PROP_0,
  PROP_SOURCES,
  PROP_ACTORS,
  PROP_CLAIMS,
  PROP_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the analysis reads of a source, copied on the caller's thread so the worker never
 * touches an object the caller may change meanwhile. */
typedef struct
{
  RshSource *source;      /* only handed on to the result's list of sources */
  char      *id;          /* NULL when the source has none */
  gboolean   ready;
  char      *text;
  char      *outlet;
  char      *title;
  GStrv      authors;
  char      *language;
  char      *published;
  char      *duplicate_of;
  GArray    *sentences;   /* RshSpan, or NULL to segment the text */
} Snapshot;

/* One analysed source, while the comparison is built. */
typedef struct
{
  Snapshot   *snapshot;   /* borrowed */
  char       *id;
  const char *text;
  const char *outlet;
  GArray     *sentences;
  RshLexicon *lexicon;
  GPtrArray  *mentions;   /* RshMention from the attribution pass */
  RshAlignText *align;    /* the whole text, stemmed, for tracked claims and copies */
} Analysed;

/* Inputs of the worker thread: copies, so the caller may change its own at once. */
typedef struct
{
  GPtrArray *sources;     /* Snapshot */
  GStrv      tracked;
} AnalyzeData;

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_object (&snapshot->source);
  g_clear_pointer (&snapshot->id, g_free);
  g_clear_pointer (&snapshot->text, g_free);
  g_clear_pointer (&snapshot->outlet, g_free);
  g_clear_pointer (&snapshot->title, g_free);
  g_clear_pointer (&snapshot->authors, g_strfreev);
  g_clear_pointer (&snapshot->language, g_free);
  g_clear_pointer (&snapshot->published, g_free);
  g_clear_pointer (&snapshot->duplicate_of, g_free);
  g_clear_pointer (&snapshot->sentences, g_array_unref);
  g_free (snapshot);
}

static void
analysed_free (gpointer data)
{
  Analysed *a = data;

  g_clear_pointer (&a->id, g_free);
  g_clear_pointer (&a->sentences, g_array_unref);
  g_clear_pointer (&a->lexicon, rsh_lexicon_unref);
  g_clear_pointer (&a->mentions, g_ptr_array_unref);
  g_clear_pointer (&a->align, rsh_align_text_free);
  g_free (a);
}

static void
analyze_data_free (gpointer data)
{
  AnalyzeData *d = data;

  g_clear_pointer (&d->sources, g_ptr_array_unref);
  g_clear_pointer (&d->tracked, g_strfreev);
  g_free (d);
}

/* Splits @text into folded words: letters and digits, with inner apostrophes. */
static GPtrArray *
split_words (const char *text,
             gssize      len)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (c != 0 && (c == '\'' || c == 0x2019) && word->len > 0)
        {
          const char *next = g_utf8_next_char (p);

          if (next < end && g_unichar_isalnum (g_utf8_get_char (next)))
            {
              g_string_append_c (word, '\'');
              continue;
            }
        }

      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);

  return words;
}

static gboolean
has_hedge (RshLexicon *lexicon,
           const char *text)
{
  g_autoptr(GPtrArray) words = split_words (text, -1);
  guint max = rsh_lexicon_get_max_words (lexicon, RSH_WORDS_HEDGE);

  for (guint i = 0; i < words->len; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);

      for (guint n = 0; n < max && i + n < words->len; n++)
        {
          if (n > 0)
            g_string_append_c (phrase, ' ');
          g_string_append (phrase, g_ptr_array_index (words, i + n));
          if (rsh_lexicon_is_hedge (lexicon, phrase->str))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether @mention is the outlet's own assertion: nobody named, no reporting cue. */
static gboolean
is_outlet_voice (RshMention *mention)
{
  return rsh_mention_get_speaker (mention) == NULL && rsh_mention_get_cue (mention) == NULL;
}

/* An assertion of the outlet that overlaps an attributed statement says it once more:
 * the attributed one stays, the outlet's copy goes. */
static void
drop_repeated_voice (GPtrArray *mentions)
{
  for (guint i = mentions->len; i > 0; i--)
    {
      RshMention *voice = g_ptr_array_index (mentions, i - 1);
      gboolean repeated = FALSE;

      if (!is_outlet_voice (voice))
        continue;

      for (guint j = 0; j < mentions->len && !repeated; j++)
        {
          RshMention *other = g_ptr_array_index (mentions, j);

          repeated = !is_outlet_voice (other) &&
                     rsh_mention_get_start (other) < rsh_mention_get_end (voice) &&
                     rsh_mention_get_start (voice) < rsh_mention_get_end (other);
        }
      if (repeated)
        g_ptr_array_remove_index (mentions, i - 1);
    }
}

static Analysed *
analyse_source (Snapshot      *snapshot,
                guint          position,
                GHashTable    *lexicons,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  const char *language = snapshot->language;
  RshLexicon *lexicon;
  Analysed *a;

  lexicon = g_hash_table_lookup (lexicons, language ? language : "");
  if (lexicon == NULL)
    {
      lexicon = rsh_lexicon_load_default (language, error);
      if (lexicon == NULL)
        return NULL;
      g_hash_table_insert (lexicons, g_strdup (language ? language : ""), lexicon);
    }

  a = g_new0 (Analysed, 1);
  a->snapshot = snapshot;
  a->id = snapshot->id != NULL ? g_strdup (snapshot->id) : g_strdup_printf ("s%u", position + 1);
  a->text = snapshot->text;
  a->outlet = snapshot->outlet;
  a->lexicon = rsh_lexicon_ref (lexicon);

  if (snapshot->sentences != NULL)
    a->sentences = g_array_ref (snapshot->sentences);
  else
    {
      a->sentences = rsh_segment_sentences (a->text, language, error);
      if (a->sentences == NULL)
        {
          analysed_free (a);
          return NULL;
        }
    }

  mentions = rsh_attribute_text_full (lexicon, a->id, a->text, a->sentences,
                                      RSH_ATTRIBUTE_OUTLET_VOICE, cancellable, error);
  if (mentions == NULL)
    {
      analysed_free (a);
      return NULL;
    }
  drop_repeated_voice (mentions);

  for (guint i = 0; i < mentions->len; i++)
    rsh_mention_set_outlet (g_ptr_array_index (mentions, i), a->outlet);
  a->mentions = g_steal_pointer (&mentions);

  return a;
}

/* Speakers become actors (rsh-actors.c): names, aliases and descriptions within a
 * source, names across sources. */
static void
build_actors (RshComparison *self,
              GPtrArray     *analysed)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(GPtrArray) mention_sets = g_ptr_array_new ();

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      g_ptr_array_add (lexicons, a->lexicon);
      g_ptr_array_add (mention_sets, a->mentions);
    }

  rsh_actors_build (self->actors, lexicons, mention_sets);
}

/* Whether @kind, a speaker's, fits the pronoun @pronoun: "he" a person, "it" anything else. */
static gboolean
pronoun_fits (const RshPronoun *pronoun,
              RshActorKind      kind)
{
  if (kind == RSH_ACTOR_KIND_UNKNOWN)
    return FALSE;
  if (pronoun->not_person)
    return kind != RSH_ACTOR_KIND_PERSON && kind != RSH_ACTOR_KIND_GROUP;
  return pronoun->kind_any || pronoun->kind == kind;
}

/* Whether @name ends as a name does: a capitalised word or a word that tells a kind ("the
 * harbour master", "Corran Water"), not a stray word a speaker was read with ("the blog
 * she"), which would show in a claim's wording. */
static gboolean
ends_like_name (RshLexicon *lexicon,
                const char *name)
{
  const char *last = strrchr (name, ' ');
  g_autofree char *folded = NULL;

  last = last != NULL ? last + 1 : name;
  if (g_unichar_isupper (g_utf8_get_char (last)))
    return TRUE;

  folded = g_utf8_strdown (last, -1);
  return rsh_lexicon_guess_kind (lexicon, folded) != RSH_ACTOR_KIND_UNKNOWN &&
         rsh_lexicon_find_pronoun (lexicon, folded) == NULL;
}

/* Whether @words (a name and its aliases, "Ms Lindqvist", "she") tell a sex other than the
 * pronoun @word's ("he"): then the pronoun stands for somebody else. */
static gboolean
sex_disagrees (RshLexicon         *lexicon,
               const char         *word,
               const char * const *names)
{
  RshWordList other;

  if (rsh_lexicon_has_word (lexicon, RSH_WORDS_MALE, word))
    other = RSH_WORDS_FEMALE;
  else if (rsh_lexicon_has_word (lexicon, RSH_WORDS_FEMALE, word))
    other = RSH_WORDS_MALE;
  else
    return FALSE;

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *folded = g_utf8_strdown (names[n], -1);
      g_auto(GStrv) words = g_strsplit (folded, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (rsh_lexicon_has_word (lexicon, other, words[i]))
          return TRUE;
    }

  return FALSE;
}

/* The wording of a claim taken from @mention: its words, with a pronoun that opens them and
 * stands for the speaker replaced by the speaker's name in brackets, as an editor would
 * ("it concealed the results", said by Corran Water: "[Corran Water] concealed the results").
 * "it" before a form of "be" ("it is unclear") may stand for nothing, and is left alone. */
static char *
claim_wording (RshComparison *self,
               RshMention    *mention,
               RshLexicon    *lexicon)
{
  const char *quote = rsh_mention_get_quote (mention);
  RshActor *actor = rsh_comparison_lookup_actor (self, rsh_mention_get_actor_id (mention));
  const RshPronoun *pronoun;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  const char *p = quote;
  const char *rest;

  if (actor == NULL || lexicon == NULL)
    return g_strdup (quote);
  g_strv_builder_add (names, rsh_actor_get_name (actor));
  g_strv_builder_addv (names, (const char **) rsh_actor_get_aliases (actor));
  known = g_strv_builder_end (names);

  while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == quote || *p != ' ')
    return g_strdup (quote);
  rest = p;
  first = g_utf8_strdown (quote, p - quote);

  p++;
  while (*p != '\0' && *p != ' ')
    p = g_utf8_next_char (p);
  next = g_utf8_strdown (rest + 1, p - rest - 1);

  pronoun = rsh_lexicon_find_pronoun (lexicon, first);
  if (pronoun == NULL || !rsh_lexicon_has_word (lexicon, RSH_WORDS_SELF, first) ||
      !pronoun_fits (pronoun, rsh_actor_get_kind (actor)) ||
      !ends_like_name (lexicon, rsh_actor_get_name (actor)) ||
      sex_disagrees (lexicon, first, (const char * const *) known) ||
      (pronoun->not_person && rsh_lexicon_has_word (lexicon, RSH_WORDS_PASSIVE, next)))
    return g_strdup (quote);

  return g_strdup_printf ("[%s]%s", rsh_actor_get_name (actor), rest);
}

/* @name folded, without a leading article: "The Harbour Gazette" is "harbour gazette". */
static char *
fold_name (RshLexicon *lexicon,
           const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const char *space = strchr (folded, ' ');

  if (space != NULL)
    {
      g_autofree char *first = g_strndup (folded, space - folded);

      if (rsh_lexicon_has_word (lexicon, RSH_WORDS_ARTICLE, first))
        return g_strdup (space + 1);
    }

  return g_steal_pointer (&folded);
}

static gboolean
same_name (RshLexicon *lexicon,
           const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = fold_name (lexicon, a);
  fb = fold_name (lexicon, b);
  return strcmp (fa, fb) == 0;
}

/* Whether @quote only names an account ("the report", "the Harbour Gazette's account of
 * events", "a newspaper report"): a document word of the lexicon at its end, after at most a
 * few words; @owner_out gets the name before a possessive or the capitalised words before the
 * document word ("the Times report"), or NULL when it names nobody. */
static gboolean
names_account (RshLexicon  *lexicon,
               const char  *quote,
               char       **owner_out)
{
  g_auto(GStrv) words = g_strsplit (quote, " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *head = NULL;
  g_autoptr(GString) owner = g_string_new (NULL);

  /* "… account of events" */
  if (n >= 3 && g_ascii_strcasecmp (words[n - 2], "of") == 0 &&
      g_ascii_strcasecmp (words[n - 1], "events") == 0)
    n -= 2;
  if (n == 0 || n > 6)
    return FALSE;

  head = g_utf8_strdown (words[n - 1], -1);
  if (!rsh_lexicon_has_word (lexicon, RSH_WORDS_DOCUMENT, head))
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *folded = g_utf8_strdown (words[i], -1);
      const char *suffix = g_str_has_suffix (folded, "'s") ? "'s"
                         : g_str_has_suffix (folded, "\u2019s") ? "\u2019s" : NULL;

      if (i == 0 && rsh_lexicon_has_word (lexicon, RSH_WORDS_ARTICLE, folded))
        continue;
      /* "a newspaper report" names no one in particular */
      if (suffix == NULL && !g_unichar_isupper (g_utf8_get_char (words[i])))
        {
          if (rsh_lexicon_guess_kind (lexicon, folded) != RSH_ACTOR_KIND_MEDIA)
            return FALSE;
          continue;
        }

      if (owner->len > 0)
        g_string_append_c (owner, ' ');
      g_string_append_len (owner, words[i], strlen (words[i]) - (suffix ? strlen (suffix) : 0));
      if (suffix != NULL)
        break;
    }

  *owner_out = owner->len > 0 ? g_string_free (g_steal_pointer (&owner), FALSE) : NULL;
  return TRUE;
}

/* The source other than @except whose outlet @owner names: by the same name, else the one
 * outlet whose name ends with it ("the Gazette" for "The Harbour Gazette"). @sources holds
 * the #Analysed of each mention, a source's mentions together. */
static Analysed *
find_outlet_source (GPtrArray  *sources,
                    Analysed   *except,
                    const char *owner)
{
  g_autofree char *short_form = NULL;
  Analysed *by_end = NULL;
  guint n_by_end = 0;

  for (guint j = 0; j < sources->len; j++)
    {
      Analysed *b = g_ptr_array_index (sources, j);
      g_autofree char *outlet = NULL;

      if (b == except || b->outlet == NULL || (j > 0 && g_ptr_array_index (sources, j - 1) == b))
        continue;
      if (same_name (b->lexicon, b->outlet, owner))
        return b;

      if (short_form == NULL)
        {
          g_autofree char *folded = fold_name (b->lexicon, owner);

          short_form = g_strconcat (" ", folded, NULL);
        }
      outlet = fold_name (b->lexicon, b->outlet);
      if (g_str_has_suffix (outlet, short_form))
        {
          by_end = b;
          n_by_end++;
        }
    }

  return n_by_end == 1 ? by_end : NULL;
}

/* "Corran denied the report", "the regulator disputed the Harbour Gazette's account of
 * events": a denial whose words only name another account is about what that account says.
 * It joins the claim of the statement it names: the latest before it in the same text by the
 * outlet named (by any medium, for "the report"), else the first statement of the source that
 * outlet published, its own voice first. @sources holds the #Analysed of each mention. */
static void
join_account_references (RshComparison *self,
                         GPtrArray     *mentions,
                         GPtrArray     *sources,
                         RshClustering *clustering)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);
      Analysed *a = g_ptr_array_index (sources, i);
      RshStance stance = rsh_mention_get_stance (mention);
      g_autofree char *owner = NULL;
      guint target = G_MAXUINT;

      if ((stance != RSH_STANCE_DENIES && stance != RSH_STANCE_DISPUTES) ||
          !names_account (a->lexicon, rsh_mention_get_quote (mention), &owner))
        continue;

      for (guint j = i; j-- > 0 && g_ptr_array_index (sources, j) == a && target == G_MAXUINT; )
        {
          RshMention *other = g_ptr_array_index (mentions, j);
          RshActor *actor = rsh_comparison_lookup_actor (self, rsh_mention_get_actor_id (other));

          if (actor != NULL &&
              (owner != NULL ? same_name (a->lexicon, rsh_actor_get_name (actor), owner)
                             : rsh_actor_get_kind (actor) == RSH_ACTOR_KIND_MEDIA))
            target = j;
        }

      if (target == G_MAXUINT && owner != NULL)
        {
          Analysed *b = find_outlet_source (sources, a, owner);

          for (guint k = 0; k < mentions->len && b != NULL; k++)
            {
              if (g_ptr_array_index (sources, k) != b)
                continue;
              if (target == G_MAXUINT)
                target = k;
              if (rsh_mention_get_actor_id (g_ptr_array_index (mentions, k)) == NULL)
                {
                  target = k;
                  break;
                }
            }
        }

      if (target != G_MAXUINT)
        clustering->cluster[i] = clustering->cluster[target];
    }
}

static RshClaim *
append_claim (RshComparison *self,
              const char    *text,
              gboolean       user_defined)
{
  g_autofree char *id = NULL;
  g_autoptr(RshClaim) claim = NULL;

  id = g_strdup_printf ("c%u", g_list_model_get_n_items (G_LIST_MODEL (self->claims)) + 1);
  claim = rsh_claim_new (id, text, user_defined);
  g_list_store_append (self->claims, claim);

  return claim;
}

/* The shipped stance model, loaded once and shared: it is never changed after loading. */
static RshStanceModel *
default_model (void)
{
  static RshStanceModel *model = NULL;

  if (g_once_init_enter (&model))
    {
      g_autoptr(GError) error = NULL;
      RshStanceModel *loaded = rsh_stance_model_load_default (&error);

      /* Without it, tracked claims still get positions from the word overlap alone. */
      if (loaded == NULL)
        g_debug ("No stance model: %s", error->message);
      g_once_init_leave (&model, loaded);
    }

  return model;
}

/* The attributed mention inside @span, copied, or a mention in the outlet's own voice:
 * the whole sentence, which the stance of a tracked claim is read from. */
static RshMention *
mention_for_sentence (Analysed      *a,
                      const RshSpan *span)
{
  g_autofree char *quote = NULL;
  RshMention *mention;

  for (guint m = 0; m < a->mentions->len; m++)
    {
      RshMention *attributed = g_ptr_array_index (a->mentions, m);

      if (!is_outlet_voice (attributed) &&
          rsh_mention_get_start (attributed) >= span->start &&
          rsh_mention_get_end (attributed) <= span->end)
        return rsh_mention_copy (attributed);
    }

  quote = g_utf8_substring (a->text, span->start, span->end);
  mention = rsh_mention_new (a->id, span->start, span->end, quote);
  rsh_mention_set_outlet (mention, a->outlet);
  rsh_mention_set_hedged (mention, has_hedge (a->lexicon, quote));

  return mention;
}

/* A tracked claim's mentions and positions. The stance model reads the whole source
 * against the claim; the sentences holding enough of the claim's words justify the
 * position, and without such a sentence the source is absent, whatever the model says. */
static void
match_tracked_claim (RshClaim       *claim,
                     GPtrArray      *analysed,
                     RshAligner     *aligner,
                     RshStanceModel *model,
                     const RshIdf   *idf)
{
  g_autoptr(RshAlignText) claim_text = rsh_aligner_analyze (aligner, rsh_claim_get_text (claim),
                                                           -1, NULL);
  g_autofree double *all_features = g_new0 (double,
                                            MAX (analysed->len, 1) * RSH_ALIGN_N_FEATURES);
  g_autofree guint *claim_of_row = g_new0 (guint, MAX (analysed->len, 1));

  /* Every source reads the claim first, so each knows how the others treat it (the
   * model's context features: a claim most outlets relay as a rumour …). */
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      rsh_align_features (claim_text, a->align, idf,
                          all_features + (gsize) s * RSH_ALIGN_N_FEATURES);
    }
  rsh_align_add_context (all_features, analysed->len, claim_of_row);

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);
      g_autoptr(GArray) best = NULL;
      double *features = all_features + (gsize) s * RSH_ALIGN_N_FEATURES;
      double probs[RSH_N_RELATIONS] = { 1, 0, 0, 0 };
      RshRelation relation = RSH_RELATION_UNRELATED;
      RshStance stance = RSH_STANCE_ABSENT;
      gboolean hedged = FALSE;
      gboolean denial = FALSE;
      gboolean hedge = FALSE;

      best = rsh_align_best_sentences (claim_text, a->align, idf, MAX_JUSTIFYING,
                                       MIN_JUSTIFYING);
      if (best->len == 0)
        {
          rsh_claim_set_position (claim, a->id, RSH_STANCE_ABSENT, FALSE);
          continue;
        }

      if (model != NULL)
        {
          rsh_stance_model_predict (model, features, probs);
          /* The sentences are there: choose among the related classes. */
          relation = RSH_RELATION_AGREE;
          for (guint k = RSH_RELATION_AGREE; k < RSH_N_RELATIONS; k++)
            if (probs[k] > probs[relation])
              relation = k;
        }
      else
        relation = RSH_RELATION_AGREE;

      for (guint i = 0; i < best->len; i++)
        {
          RshSpan span = rsh_align_text_get_sentence (a->align, g_array_index (best, guint, i));
          g_autofree char *quote = g_utf8_substring (a->text, span.start, span.end);
          g_autoptr(RshAlignText) sentence = rsh_aligner_analyze (aligner, quote, -1, NULL);
          g_autoptr(RshMention) attributed = mention_for_sentence (a, &span);
          RshStance said = rsh_mention_get_stance (attributed);

          /* The best sentence decides on a denial: the others may deny something else. */
          if (i == 0 && rsh_align_text_has_denial (sentence) &&
              !rsh_align_text_has_denial (claim_text))
            denial = TRUE;
          if (said == RSH_STANCE_DENIES || said == RSH_STANCE_DISPUTES)
            denial = TRUE;
          if (rsh_align_text_has_hedge (sentence))
            hedge = TRUE;
        }

      /* A denial next to the claim's words outweighs the model's guess, which reads the
       * whole text and was trained on long articles. */
      if (denial)
        relation = RSH_RELATION_DISAGREE;
      if (relation == RSH_RELATION_AGREE && hedge)
        relation = RSH_RELATION_DISCUSS;

      switch (relation)
        {
        case RSH_RELATION_DISAGREE:
          stance = denial ? RSH_STANCE_DENIES : RSH_STANCE_DISPUTES;
          break;
        case RSH_RELATION_DISCUSS:
          stance = RSH_STANCE_REPORTS;
          hedged = TRUE;
          break;
        case RSH_RELATION_AGREE:
        case RSH_RELATION_UNRELATED:
        case RSH_N_RELATIONS:
        default:
          stance = RSH_STANCE_REPORTS;
          break;
        }

      for (guint i = 0; i < best->len; i++)
        {
          RshSpan span = rsh_align_text_get_sentence (a->align, g_array_index (best, guint, i));
          g_autoptr(RshMention) mention = mention_for_sentence (a, &span);

          /* A speaker's own words keep the attribution's stance; the outlet's voice
           * takes the source's position. */
          if (rsh_mention_get_speaker (mention) == NULL)
            rsh_mention_set_stance (mention, stance);
          if (hedged)
            rsh_mention_set_hedged (mention, TRUE);
          rsh_claim_add_mention (claim, mention);
        }

      rsh_claim_set_position (claim, a->id, stance, hedged);
    }
}

/* Clusters the attribution's mentions of every source into claims. A denial is read with
 * its speaker, who is usually the claim's subject ("Kaspersky denied that it helped …"). */
static void
cluster_mentions (RshComparison *self,
                  GPtrArray     *analysed,
                  RshAligner    *aligner)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new ();
  g_autoptr(GPtrArray) mention_sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  g_autoptr(RshClustering) clustering = NULL;
  g_autofree gboolean *denials = NULL;
  g_autofree RshClaim **claims = NULL;

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      for (guint i = 0; i < a->mentions->len; i++)
        {
          g_ptr_array_add (mentions, g_ptr_array_index (a->mentions, i));
          g_ptr_array_add (mention_sources, a);
        }
    }

  denials = g_new0 (gboolean, MAX (mentions->len, 1));
  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);
      RshStance stance = rsh_mention_get_stance (mention);
      const char *speaker = rsh_mention_get_speaker (mention);
      g_autofree char *text = NULL;

      denials[i] = stance == RSH_STANCE_DENIES || stance == RSH_STANCE_DISPUTES;
      if (denials[i] && speaker != NULL)
        text = g_strconcat (speaker, ": ", rsh_mention_get_quote (mention), NULL);
      else
        text = g_strdup (rsh_mention_get_quote (mention));
      g_ptr_array_add (texts, rsh_aligner_analyze (aligner, text, -1, NULL));
    }

  clustering = rsh_aligner_cluster (aligner, texts, denials, NULL, FALSE);
  join_account_references (self, mentions, mention_sources, clustering);

  claims = g_new0 (RshClaim *, MAX (clustering->n_clusters, 1));
  for (guint c = 0; c < clustering->n_clusters; c++)
    {
      guint r = clustering->representative[c];
      g_autofree char *wording = NULL;

      /* Its wording's statement joined another claim: another of its statements words it,
       * and with none left it is no claim of its own. */
      for (guint i = 0; i < mentions->len && clustering->cluster[r] != c; i++)
        if (clustering->cluster[i] == c)
          r = i;
      if (clustering->cluster[r] != c)
        continue;

      wording = claim_wording (self, g_ptr_array_index (mentions, r),
                               ((Analysed *) g_ptr_array_index (mention_sources, r))->lexicon);
      claims[c] = append_claim (self, wording, FALSE);
    }
  for (guint i = 0; i < mentions->len; i++)
    rsh_claim_add_mention (claims[clustering->cluster[i]], g_ptr_array_index (mentions, i));
}

/* Near-identical sources (syndicated copies) point at the first source they copy. */
static void
find_duplicates (RshComparison *self,
                 GPtrArray     *analysed,
                 RshAligner    *aligner)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree int *duplicate_of = NULL;

  for (guint s = 0; s < analysed->len; s++)
    g_ptr_array_add (texts, ((Analysed *) g_ptr_array_index (analysed, s))->align);

  duplicate_of = rsh_aligner_find_duplicates (aligner, texts);
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);
      const char *given = a->snapshot->duplicate_of;

      if (duplicate_of[s] >= 0)
        g_ptr_array_add (self->duplicate_of,
                         g_strdup (((Analysed *) g_ptr_array_index (analysed,
                                                                    duplicate_of[s]))->id));
      else
        g_ptr_array_add (self->duplicate_of, g_strdup (given));
    }
}

static int
stance_rank (RshStance stance)
{
  switch (stance)
    {
    case RSH_STANCE_DENIES:
    case RSH_STANCE_DISPUTES:
      return 3;
    case RSH_STANCE_CONFIRMS:
      return 2;
    case RSH_STANCE_REPORTS:
      return 1;
    case RSH_STANCE_ABSENT:
    default:
      return 0;
    }
}

/* Whether the outlet keeps @mention at a distance: hedged, or someone else's words. */
static gboolean
mention_at_distance (RshMention *mention,
                     const char *outlet,
                     RshLexicon *lexicon)
{
  const char *speaker = rsh_mention_get_speaker (mention);
  g_autofree char *speaker_key = NULL;
  g_autofree char *outlet_key = NULL;

  if (rsh_mention_get_hedged (mention))
    return TRUE;
  if (speaker == NULL)
    return FALSE;
  if (outlet == NULL)
    return TRUE;

  speaker_key = rsh_lexicon_normalize_name (lexicon, speaker);
  outlet_key = rsh_lexicon_normalize_name (lexicon, outlet);

  return strcmp (speaker_key, outlet_key) != 0;
}

/* A source's position on a claim from its mentions there: the strongest stance, hedged
 * unless one of them is the outlet's own. */
static void
set_source_position (RshClaim   *claim,
                     const char *source_id,
                     const char *outlet,
                     RshLexicon *lexicon)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);
  guint n = g_list_model_get_n_items (mentions);
  RshStance stance = RSH_STANCE_ABSENT;
  gboolean hedged = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) != 0)
        continue;

      if (stance_rank (rsh_mention_get_stance (mention)) > stance_rank (stance))
        stance = rsh_mention_get_stance (mention);
      if (!mention_at_distance (mention, outlet, lexicon))
        hedged = FALSE;
    }

  rsh_claim_set_position (claim, source_id, stance, stance != RSH_STANCE_ABSENT && hedged);
}

static void
set_positions (RshClaim  *claim,
               GPtrArray *analysed)
{
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      set_source_position (claim, a->id, a->outlet, a->lexicon);
    }
}

static char *
date_part (const char *published)
{
  const char *t;

  if (published == NULL || *published == '\0')
    return NULL;

  t = strchr (published, 'T');
  return t ? g_strndup (published, t - published) : g_strdup (published);
}

static char *
make_label (const char *who,
            RshStance   stance,
            const char *quote)
{
  g_autofree char *head = g_strdup_printf ("%s %s: ", who, rsh_stance_to_string (stance));
  glong head_len = g_utf8_strlen (head, -1);
  glong quote_len = g_utf8_strlen (quote, -1);
  glong room = MAX_LABEL_CHARS - head_len - 2;

  if (quote_len <= room)
    return g_strdup_printf ("%s“%s”", head, quote);

  if (room < 1)
    room = 1;

  {
    g_autofree char *cut = g_utf8_substring (quote, 0, room - 1);

    return g_strdup_printf ("%s“%s…”", head, g_strchomp (cut));
  }
}

/* Where an undated source may stand in time, or a dated source's one day. */
typedef struct
{
  char     *earliest;
  char     *latest;
  gboolean  dated;
} Window;

static void
window_free (gpointer data)
{
  Window *window = data;

  g_free (window->earliest);
  g_free (window->latest);
  g_free (window);
}

/* A date bound, possibly partial, as a full "YYYY-MM-DD" key that sorts right: a partial
 * lower bound takes the first possible day ("2017-09" → "2017-09-01"), a partial upper bound
 * one past any real last day ("2017-09" → "2017-09-31", "2017" → "2017-12-31"). */
static void
bound_key (const char *date,
           gboolean    upper,
           char        key[11])
{
  const char *fill = upper ? "9999-12-31" : "0000-01-01";
  gsize len = MIN (strlen (date), 10);

  memcpy (key, date, len);
  memcpy (key + len, fill + len, 10 - len);
  key[10] = '\0';
}

static int
compare_bounds (const char *a,
                gboolean    a_upper,
                const char *b,
                gboolean    b_upper)
{
  char ka[11], kb[11];

  bound_key (a, a_upper, ka);
  bound_key (b, b_upper, kb);
  return strcmp (ka, kb);
}

/* Whether @needle occurs in @text as whole words. */
static gboolean
has_words (const char *text,
           const char *needle)
{
  gsize len = strlen (needle);

  for (const char *hit = strstr (text, needle); hit != NULL; hit = strstr (hit + 1, needle))
    if ((hit == text || !g_ascii_isalnum (hit[-1])) && !g_ascii_isalnum (hit[len]))
      return TRUE;
  return FALSE;
}

/* Whether @text names @outlet: its name without a leading article ("New York Times"), or
 * "the" and the name's last word ("the Times", "The Times"), as whole words. */
static gboolean
names_outlet (const char *text,
              const char *outlet)
{
  const char *name;
  const char *last;

  if (text == NULL || outlet == NULL)
    return FALSE;

  name = outlet;
  if (g_ascii_strncasecmp (name, "the ", 4) == 0)
    name += 4;
  if (strlen (name) < 3)
    return FALSE;
  if (has_words (text, name))
    return TRUE;

  last = strrchr (name, ' ');
  if (last != NULL && g_ascii_isupper (last[1]) && strlen (last + 1) >= 4)
    {
      g_autofree char *short_name = g_strconcat ("the", last, NULL);
      g_autofree char *capital = g_strconcat ("The", last, NULL);

      return has_words (text, short_name) || has_words (text, capital);
    }

  return FALSE;
}

/* A headline a text may quote to cite its article: long enough not to be a phrase. */
#define MIN_CITED_TITLE_WORDS 4

/* Whether @citing cites @cited: it names @cited's outlet, one of its authors (not one of
 * its own), or quotes its headline. The folded texts and titles are g_utf8_casefold()ed. */
static gboolean
cites (const Snapshot *citing,
       const char     *citing_folded,
       const Snapshot *cited,
       const char     *cited_folded_title)
{
  if (cited->outlet != NULL && g_strcmp0 (citing->outlet, cited->outlet) != 0 &&
      names_outlet (citing->text, cited->outlet))
    return TRUE;

  for (guint i = 0; cited->authors != NULL && cited->authors[i] != NULL; i++)
    {
      const char *author = cited->authors[i];

      if (strchr (author, ' ') != NULL &&
          (citing->authors == NULL || !g_strv_contains ((const char * const *) citing->authors,
                                                        author)) &&
          has_words (citing->text, author))
        return TRUE;
    }

  if (cited_folded_title != NULL && citing_folded != NULL)
    {
      g_auto(GStrv) words = g_strsplit (cited_folded_title, " ", -1);

      if (g_strv_length (words) >= MIN_CITED_TITLE_WORDS &&
          has_words (citing_folded, cited_folded_title))
        return TRUE;
    }

  return FALSE;
}

/* Raises @bound to @value when @value is later (@upper: lowers it when earlier). */
static gboolean
tighten (char       **bound,
         const char  *value,
         gboolean     upper)
{
  if (value == NULL)
    return FALSE;
  if (*bound != NULL)
    {
      int cmp = compare_bounds (value, upper, *bound, upper);

      if (upper ? cmp >= 0 : cmp <= 0)
        return FALSE;
    }

  g_free (*bound);
  *bound = g_strdup (value);
  return TRUE;
}

/* When each source was published: its date when it has one (set by the user or read from
 * the page); else an interval. An undated source is no older than the latest date it names
 * outright, and no older than a source it cites by outlet, author or headline ("Tuesday's
 * report in the Times" came after the Times published it); it is no younger than a source
 * that cites it. Citations chain
 * through other undated sources. Relative expressions ("Tuesday") give nothing: no precise
 * date is ever invented. Returns Window, parallel to @analysed. */
static GPtrArray *
infer_windows (GPtrArray *analysed)
{
  GPtrArray *windows = g_ptr_array_new_full (analysed->len, window_free);
  g_autoptr(GPtrArray) folded_texts = g_ptr_array_new_full (analysed->len, g_free);
  g_autoptr(GPtrArray) folded_titles = g_ptr_array_new_full (analysed->len, g_free);
  gboolean changed = TRUE;

  for (guint s = 0; s < analysed->len; s++)
    {
      Snapshot *snapshot = ((Analysed *) g_ptr_array_index (analysed, s))->snapshot;
      Window *window = g_new0 (Window, 1);

      window->earliest = date_part (snapshot->published);
      if (window->earliest != NULL)
        {
          window->dated = TRUE;
          window->latest = g_strdup (window->earliest);
        }
      else if (snapshot->text != NULL)
        window->earliest = rsh_timex_infer_published_floor (snapshot->text, snapshot->language);
      g_ptr_array_add (windows, window);
    }

  for (guint s = 0; s < analysed->len; s++)
    {
      Snapshot *snapshot = ((Analysed *) g_ptr_array_index (analysed, s))->snapshot;

      g_ptr_array_add (folded_texts, snapshot->text != NULL
                                     ? g_utf8_casefold (snapshot->text, -1) : NULL);
      g_ptr_array_add (folded_titles, snapshot->title != NULL
                                      ? g_utf8_casefold (snapshot->title, -1) : NULL);
    }

  for (guint round = 0; changed && round <= analysed->len; round++)
    {
      changed = FALSE;
      for (guint x = 0; x < analysed->len; x++)
        for (guint y = 0; y < analysed->len; y++)
          {
            Snapshot *citing = ((Analysed *) g_ptr_array_index (analysed, x))->snapshot;
            Snapshot *cited = ((Analysed *) g_ptr_array_index (analysed, y))->snapshot;
            Window *citing_window = g_ptr_array_index (windows, x);
            Window *cited_window = g_ptr_array_index (windows, y);

            if (x == y || (citing_window->dated && cited_window->dated) ||
                citing->text == NULL ||
                !cites (citing, g_ptr_array_index (folded_texts, x), cited,
                        g_ptr_array_index (folded_titles, y)))
              continue;

            if (!citing_window->dated)
              changed |= tighten (&citing_window->earliest, cited_window->earliest, FALSE);
            if (!cited_window->dated)
              changed |= tighten (&cited_window->latest, citing_window->latest, TRUE);
          }
    }

  return windows;
}

/* Whether the expression ending at code point @end is a possessive ("Tuesday's report"). */
static gboolean
names_possessive (const char *text,
                  guint       end)
{
  const char *after;

  if ((glong) end > g_utf8_strlen (text, -1))
    return FALSE;
  after = g_utf8_offset_to_pointer (text, end);

  return (g_str_has_prefix (after, "'s") || g_str_has_prefix (after, "’s")) &&
         !g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (g_utf8_next_char (after))));
}

/* When a statement was made: the time expression of its own sentence ("said Tuesday"),
 * resolved against the publication date; without one, the publication date itself, the
 * one date a reader knows the statement stood by, or the interval inferred for an undated
 * source. A statement is never later than its publication, so a later reading ("will meet
 * Friday" misread) is cut back to it. */
/* Whether @timex follows a reporting cue of @lexicon in @text: "said on Monday", "announced
 * Tuesday". */
static gboolean
dates_a_cue (RshLexicon     *lexicon,
             const char     *text,
             const RshTimex *timex)
{
  const char *start = g_utf8_offset_to_pointer (text, timex->start);
  const char *end = start;
  const char *word;
  g_autofree char *folded = NULL;

  if (lexicon == NULL)
    return FALSE;

  for (guint words = 0; words < 2; words++)
    {
      while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      word = end;
      while (word > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (word))))
        word = g_utf8_prev_char (word);
      if (word == end)
        return FALSE;

      g_free (folded);
      folded = g_utf8_strdown (word, end - word);
      if (rsh_lexicon_get_cues_for (lexicon, folded) != NULL)
        return TRUE;
      /* "said on Monday": one preposition may stand between */
      if (!rsh_lexicon_has_word (lexicon, RSH_WORDS_BOUNDARY, folded))
        return FALSE;
      end = word;
    }

  return FALSE;
}

static void
place_event (RshTimelineEvent *event,
             Snapshot         *snapshot,
             const Window     *window,
             RshMention       *mention,
             RshLexicon       *lexicon)
{
  g_autoptr(RshTimex) timex = NULL;
  g_autofree char *published = snapshot ? date_part (snapshot->published) : NULL;
  const char *limit = window != NULL ? window->latest : NULL;

  if (snapshot != NULL && snapshot->text != NULL)
    timex = rsh_timex_place_span (snapshot->text, published, snapshot->language,
                                  rsh_mention_get_start (mention),
                                  rsh_mention_get_end (mention));
  /* The outlet's own voice has no time of its own: it says it when it publishes, and a day in
   * its words ("laboratory sheets dated 14 January") is the time of what it talks about;
   * unless the day dates a cue ("the auditor said on Monday …", a speaker not understood). */
  if (timex != NULL && rsh_mention_get_cue (mention) == NULL &&
      !dates_a_cue (lexicon, snapshot->text, timex))
    g_clear_pointer (&timex, rsh_timex_free);

  if (timex != NULL && rsh_timex_get_bounds (timex, published, &event->earliest, &event->latest))
    {
      event->certainty = RSH_TIME_CERTAINTY_STATED;
      /* "denied Tuesday's report": the day is the report's; the denial came after it */
      if (names_possessive (snapshot->text, timex->end))
        g_clear_pointer (&event->latest, g_free);
      if (limit != NULL && event->latest == NULL)
        event->latest = g_strdup (limit);
      if (limit != NULL && strlen (limit) == 10 && event->earliest != NULL &&
          strlen (event->earliest) == 10 && strcmp (event->earliest, limit) > 0)
        {
          g_free (event->earliest);
          event->earliest = g_strdup (limit);
        }
      if (limit != NULL && strlen (limit) == 10 && event->latest != NULL &&
          strlen (event->latest) == 10 && strcmp (event->latest, limit) > 0)
        {
          g_free (event->latest);
          event->latest = g_strdup (limit);
        }
      return;
    }

  g_clear_pointer (&event->earliest, g_free);
  g_clear_pointer (&event->latest, g_free);
  if (window == NULL)
    return;

  event->earliest = g_strdup (window->earliest);
  event->latest = g_strdup (window->latest);
  if (window->dated)
    event->certainty = RSH_TIME_CERTAINTY_PUBLISHED;
  else if (window->earliest != NULL || window->latest != NULL)
    event->certainty = RSH_TIME_CERTAINTY_INFERRED;
}

/* When what the statement talks about happened: the first dated expression inside its
 * content ("the leak began in 2014"), resolved against the day the statement was made when
 * that is known, else against the publication date. Without either, a relative expression
 * ("last month") keeps its text and no bounds. */
static void
place_about (RshTimelineEvent *event,
             Snapshot         *snapshot)
{
  g_autofree char *published = NULL;
  g_autofree char *content = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  const char *anchor;
  glong length;

  if (snapshot == NULL || snapshot->text == NULL || event->end <= event->start)
    return;
  length = g_utf8_strlen (snapshot->text, -1);
  if (event->end > length)
    return;

  published = date_part (snapshot->published);
  if (event->certainty == RSH_TIME_CERTAINTY_STATED && event->earliest != NULL &&
      strlen (event->earliest) == 10 && g_strcmp0 (event->earliest, event->latest) == 0)
    anchor = event->earliest;
  else
    anchor = published;

  content = g_utf8_substring (snapshot->text, event->start, event->end);
  timexes = rsh_timex_tag (content, anchor, snapshot->language, NULL);
  for (guint i = 0; timexes != NULL && i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;

      if (timex->type != RSH_TIMEX_DATE && timex->type != RSH_TIMEX_TIME)
        continue;
      if (timex->value != NULL && !rsh_timex_get_bounds (timex, anchor, &earliest, &latest))
        continue;
      if (event->about_text != NULL && earliest == NULL && latest == NULL)
        continue;

      g_free (event->about_text);
      event->about_text = g_strdup (timex->text);
      event->about_earliest = g_steal_pointer (&earliest);
      event->about_latest = g_steal_pointer (&latest);
      if (event->about_earliest != NULL || event->about_latest != NULL)
        break;
    }
}

static int
compare_events_cb (gconstpointer a,
                   gconstpointer b)
{
  return rsh_timeline_event_compare (*(const RshTimelineEvent * const *) a,
                                     *(const RshTimelineEvent * const *) b);
}

/* Who a timeline label names: the actor, else the outlet, else the title or the source. */
static const char *
event_speaker (RshComparison *self,
               RshMention    *mention,
               const char    *title)
{
  RshActor *actor = rsh_comparison_lookup_actor (self, rsh_mention_get_actor_id (mention));

  if (actor != NULL)
    return rsh_actor_get_name (actor);
  if (rsh_mention_get_outlet (mention) != NULL)
    return rsh_mention_get_outlet (mention);
  if (title != NULL && *title != '\0')
    return title;

  return rsh_mention_get_source_id (mention);
}

static RshTimelineEvent *
new_event (RshComparison *self,
           RshClaim      *claim,
           RshMention    *mention,
           const char    *title)
{
  RshTimelineEvent *event = g_new0 (RshTimelineEvent, 1);

  event->claim_id = g_strdup (rsh_claim_get_id (claim));
  event->actor_id = g_strdup (rsh_mention_get_actor_id (mention));
  event->source_id = g_strdup (rsh_mention_get_source_id (mention));
  event->stance = rsh_mention_get_stance (mention);
  event->start = rsh_mention_get_start (mention);
  event->end = rsh_mention_get_end (mention);
  event->label = make_label (event_speaker (self, mention, title), event->stance,
                             rsh_mention_get_quote (mention));

  return event;
}

static void
build_timeline (RshComparison *self,
                GPtrArray     *analysed)
{
  guint n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  g_autoptr(GPtrArray) windows = infer_windows (analysed);

  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
          RshTimelineEvent *event;
          Analysed *a = NULL;
          Window *window = NULL;

          for (guint s = 0; s < analysed->len && a == NULL; s++)
            if (g_strcmp0 (((Analysed *) g_ptr_array_index (analysed, s))->id,
                           rsh_mention_get_source_id (mention)) == 0)
              {
                a = g_ptr_array_index (analysed, s);
                window = g_ptr_array_index (windows, s);
              }

          event = new_event (self, claim, mention, a != NULL ? a->snapshot->title : NULL);
          place_event (event, a ? a->snapshot : NULL, window, mention, a ? a->lexicon : NULL);
          place_about (event, a ? a->snapshot : NULL);
          g_ptr_array_add (self->timeline, event);
        }
    }

  g_ptr_array_sort (self->timeline, compare_events_cb);
}

static RshComparison *
analyze_sources (GPtrArray           *sources,
                 const char * const  *tracked,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(RshComparison) self = g_object_new (RSH_TYPE_COMPARISON, NULL);
  g_autoptr(GPtrArray) analysed = g_ptr_array_new_with_free_func (analysed_free);
  g_autoptr(GHashTable) lexicons = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(RshIdf) idf = NULL;
  guint n_claims;

  lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) rsh_lexicon_unref);

  for (guint i = 0; i < sources->len; i++)
    {
      Snapshot *snapshot = g_ptr_array_index (sources, i);
      Analysed *a;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!snapshot->ready)
        continue;

      a = analyse_source (snapshot, i, lexicons, cancellable, error);
      if (a == NULL)
        return NULL;

      g_ptr_array_add (analysed, a);
      g_list_store_append (self->sources, snapshot->source);
      g_ptr_array_add (self->source_ids, g_strdup (a->id));
      g_ptr_array_add (self->lexicons, rsh_lexicon_ref (a->lexicon));
      g_ptr_array_add (self->outlets, g_strdup (a->outlet));
    }

  build_actors (self, analysed);

  aligner = rsh_aligner_new (analysed->len > 0
                             ? ((Analysed *) g_ptr_array_index (analysed, 0))->lexicon : NULL);
  idf = rsh_idf_new ();
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      a->align = rsh_aligner_analyze (aligner, a->text, -1, a->sentences);
      rsh_idf_add (idf, a->align);
    }
  find_duplicates (self, analysed, aligner);

  for (guint i = 0; tracked != NULL && tracked[i] != NULL; i++)
    match_tracked_claim (append_claim (self, tracked[i], TRUE), analysed, aligner,
                         default_model (), idf);

  cluster_mentions (self, analysed, aligner);

  n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      if (!rsh_claim_get_user_defined (claim))
        set_positions (claim, analysed);
      for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

          g_list_store_append (self->mentions, mention);
        }
    }

  build_timeline (self, analysed);

  return g_steal_pointer (&self);
}

static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyzeData *data = task_data;
  GError *error = NULL;
  RshComparison *comparison;

  comparison = analyze_sources (data->sources, (const char * const *) data->tracked,
                                cancellable, &error);
  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, g_object_unref);
}

static GPtrArray *
copy_sources (GListModel *sources)
{
  guint n = g_list_model_get_n_items (sources);
  GPtrArray *copy = g_ptr_array_new_full (n, snapshot_free);

  for (guint i = 0; i < n; i++)
    {
      Snapshot *snapshot = g_new0 (Snapshot, 1);
      const GArray *sentences;

      snapshot->source = g_list_model_get_item (sources, i);
      snapshot->ready = rsh_source_get_state (snapshot->source) == RSH_SOURCE_STATE_READY;
      snapshot->id = g_strdup (rsh_source_get_id (snapshot->source));
      snapshot->text = g_strdup (rsh_source_get_text (snapshot->source)
                                 ? rsh_source_get_text (snapshot->source) : "");
      snapshot->outlet = g_strdup (rsh_source_get_outlet (snapshot->source));
      snapshot->title = g_strdup (rsh_source_get_title (snapshot->source));
      snapshot->authors = g_strdupv ((GStrv) rsh_source_get_authors (snapshot->source));
      snapshot->language = g_strdup (rsh_source_get_language (snapshot->source));
      snapshot->published = g_strdup (rsh_source_get_published (snapshot->source));
      snapshot->duplicate_of = g_strdup (rsh_source_get_duplicate_of (snapshot->source));

      sentences = rsh_source_get_sentences (snapshot->source);
      if (sentences != NULL)
        {
          snapshot->sentences = g_array_sized_new (FALSE, FALSE, sizeof (RshSpan),
                                                   sentences->len);
          g_array_append_vals (snapshot->sentences, sentences->data, sentences->len);
        }

      g_ptr_array_add (copy, snapshot);
    }

  return copy;
}

static void
rsh_comparison_dispose (GObject *object)
{
  RshComparison *self = (RshComparison *) object;

  g_clear_object (&self->sources);
  g_clear_object (&self->actors);
  g_clear_object (&self->claims);
  g_clear_object (&self->mentions);
  g_clear_object (&self->hidden_claims);
  g_clear_object (&self->corrections);
  g_clear_object (&self->base);
  g_clear_pointer (&self->corrected, g_hash_table_unref);

  G_OBJECT_CLASS (rsh_comparison_parent_class)->dispose (object);
}

static void
rsh_comparison_finalize (GObject *object)
{
  RshComparison *self = (RshComparison *) object;

  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_of, g_ptr_array_unref);
  g_clear_pointer (&self->lexicons, g_ptr_array_unref);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);

  G_OBJECT_CLASS (rsh_comparison_parent_class)->finalize (object);
}

static void
rsh_comparison_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RshComparison *self = RSH_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;

    case PROP_ACTORS:
      g_value_set_object (value, self->actors);
      break;

    case PROP_CLAIMS:
      g_value_set_object (value, self->claims);
      break;

    case PROP_MENTIONS:
      g_value_set_object (value, self->mentions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_comparison_class_init (RshComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rsh_comparison_dispose;
  object_class->finalize = rsh_comparison_finalize;
  object_class->get_property = rsh_comparison_get_property;

  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTORS] =
    g_param_spec_object ("actors", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIMS] =
    g_param_spec_object ("claims", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTIONS] =
    g_param_spec_object ("mentions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_comparison_init (RshComparison *self)
{
  self->sources = g_list_store_new (RSH_TYPE_SOURCE);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->actors = g_list_store_new (RSH_TYPE_ACTOR);
  self->claims = g_list_store_new (RSH_TYPE_CLAIM);
  self->mentions = g_list_store_new (RSH_TYPE_MENTION);
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);
  self->duplicate_of = g_ptr_array_new_with_free_func (g_free);
  self->lexicons = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_lexicon_unref);
  self->outlets = g_ptr_array_new_with_free_func (g_free);
  self->hidden_claims = g_list_store_new (RSH_TYPE_CLAIM);
  self->corrections = g_list_store_new (RSH_TYPE_CORRECTION);
  self->corrected = g_hash_table_new (NULL, NULL);
}

/**
 * rsh_timeline_event_copy:
 * @event: a #RshTimelineEvent
 *
 * Returns: (transfer full): a deep copy of @event
 */
RshTimelineEvent *
rsh_timeline_event_copy (const RshTimelineEvent *event)
{
  RshTimelineEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new0 (RshTimelineEvent, 1);
  copy->claim_id = g_strdup (event->claim_id);
  copy->actor_id = g_strdup (event->actor_id);
  copy->source_id = g_strdup (event->source_id);
  copy->stance = event->stance;
  copy->earliest = g_strdup (event->earliest);
  copy->latest = g_strdup (event->latest);
  copy->label = g_strdup (event->label);
  copy->certainty = event->certainty;
  copy->start = event->start;
  copy->end = event->end;
  copy->about_text = g_strdup (event->about_text);
  copy->about_earliest = g_strdup (event->about_earliest);
  copy->about_latest = g_strdup (event->about_latest);

  return copy;
}

void
rsh_timeline_event_free (RshTimelineEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->claim_id);
  g_free (event->actor_id);
  g_free (event->source_id);
  g_free (event->earliest);
  g_free (event->latest);
  g_free (event->label);
  g_free (event->about_text);
  g_free (event->about_earliest);
  g_free (event->about_latest);
  g_free (event);
}

/**
 * rsh_time_certainty_to_string:
 * @certainty: a #RshTimeCertainty
 *
 * Returns: "unknown", "stated", "published" or "inferred", as the contract's JSON writes it
 */
const char *
rsh_time_certainty_to_string (RshTimeCertainty certainty)
{
  switch (certainty)
    {
    case RSH_TIME_CERTAINTY_STATED:
      return "stated";
    case RSH_TIME_CERTAINTY_PUBLISHED:
      return "published";
    case RSH_TIME_CERTAINTY_INFERRED:
      return "inferred";
    case RSH_TIME_CERTAINTY_UNKNOWN:
    default:
      return "unknown";
    }
}

/* The date an event is placed by: its earliest bound, else its latest ("no later than"),
 * else none. */
static const char *
event_place (const RshTimelineEvent *event,
             gboolean               *upper)
{
  *upper = event->earliest == NULL;
  return event->earliest != NULL ? event->earliest : event->latest;
}

/**
 * rsh_timeline_event_compare:
 * @a: a #RshTimelineEvent
 * @b: another
 *
 * The timeline's order: by the interval of the statement, its earliest bound first (a
 * partial date counts from its first day), then its latest (to its last day; an open end
 * sorts after any known one). An event known only to be no later than a date is placed by
 * that date; events with no bound at all come last.
 *
 * Returns: negative, zero or positive as @a sorts before, with or after @b
 */
int
rsh_timeline_event_compare (const RshTimelineEvent *a,
                            const RshTimelineEvent *b)
{
  gboolean a_upper, b_upper;
  const char *pa = event_place (a, &a_upper);
  const char *pb = event_place (b, &b_upper);
  int cmp;

  if (pa == NULL || pb == NULL)
    return (pa == NULL) - (pb == NULL);
  cmp = compare_bounds (pa, a_upper, pb, b_upper);
  if (cmp != 0)
    return cmp;
  if (a->latest == NULL || b->latest == NULL)
    return (a->latest == NULL) - (b->latest == NULL);

  return compare_bounds (a->latest, TRUE, b->latest, TRUE);
}

/**
 * rsh_comparison_analyze:
 * @sources: a #GListModel of #RshSource
 * @tracked_claims: (nullable) (array zero-terminated=1): claims the user asked to track
 * @cancellable: (nullable): a #GCancellable, checked between sources
 * @error: return location for a #GError
 *
 * Finds who said what in every source of @sources in state ready (the others are
 * skipped), merges speakers into actors and mentions into claims, and gives every source
 * one position on every claim. A source without an id is called "s<position + 1>" in the
 * result; the sources themselves are not changed.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error set
 */
RshComparison *
rsh_comparison_analyze (GListModel          *sources,
                        const char * const  *tracked_claims,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (sources), NULL);

  copy = copy_sources (sources);
  return analyze_sources (copy, tracked_claims, cancellable, error);
}

/**
 * rsh_comparison_analyze_async:
 * @sources: a #GListModel of #RshSource
 * @tracked_claims: (nullable) (array zero-terminated=1): claims the user asked to track
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs rsh_comparison_analyze() in a worker thread on copies of the inputs.
 */
void
rsh_comparison_analyze_async (GListModel          *sources,
                              const char * const  *tracked_claims,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnalyzeData *data;

  g_return_if_fail (G_IS_LIST_MODEL (sources));

  data = g_new0 (AnalyzeData, 1);
  data->sources = copy_sources (sources);
  data->tracked = g_strdupv ((char **) tracked_claims);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_comparison_analyze_async);
  g_task_set_task_data (task, data, analyze_data_free);
  g_task_run_in_thread (task, analyze_thread);
}

/**
 * rsh_comparison_analyze_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error set
 */
RshComparison *
rsh_comparison_analyze_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_comparison_analyze_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rsh_comparison_get_sources:
 * @self: a #RshComparison
 *
 * Returns: (transfer none): the analysed #RshSource objects, in input order
 */
GListModel *
rsh_comparison_get_sources (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * rsh_comparison_get_source_id:
 * @self: a #RshComparison
 * @position: a position in rsh_comparison_get_sources()
 *
 * Returns: (nullable): the id the source has in this comparison
 */
const char *
rsh_comparison_get_source_id (RshComparison *self,
                              guint          position)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  if (position >= self->source_ids->len)
    return NULL;

  return g_ptr_array_index (self->source_ids, position);
}

/**
 * rsh_comparison_get_actors:
 * @self: a #RshComparison
 *
 * Returns: (transfer none): the #RshActor objects, ids a1, a2, …
 */
GListModel *
rsh_comparison_get_actors (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->actors);
}

/**
 * rsh_comparison_get_claims:
 * @self: a #RshComparison
 *
 * Returns: (transfer none): the #RshClaim objects, tracked claims first
 */
GListModel *
rsh_comparison_get_claims (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->claims);
}

/**
 * rsh_comparison_get_mentions:
 * @self: a #RshComparison
 *
 * Returns: (transfer none): the #RshMention objects of all claims, claim by claim
 */
GListModel *
rsh_comparison_get_mentions (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

/**
 * rsh_comparison_get_timeline:
 * @self: a #RshComparison
 *
 * Returns: (transfer none) (element-type RshTimelineEvent): one event per mention
 */
const GPtrArray *
rsh_comparison_get_timeline (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return self->timeline;
}

/**
 * rsh_comparison_lookup_outlet_actor:
 * @self: a #RshComparison
 * @source_id: (nullable): a source id such as "s1"
 *
 * The outlet of a source as a speaker: "the Harbour Gazette", quoted in another source, for
 * the source the Harbour Gazette published, so that its own voice and what others say it said
 * can be shown together. Names are compared ignoring case and a leading article.
 *
 * Returns: (transfer none) (nullable): the actor named as the source's outlet, or %NULL when
 *   no source names it or the source has no outlet
 */
RshActor *
rsh_comparison_lookup_outlet_actor (RshComparison *self,
                                    const char    *source_id)
{
  guint n;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  for (guint s = 0; source_id != NULL && s < self->source_ids->len; s++)
    {
      const char *outlet = g_ptr_array_index (self->outlets, s);
      RshLexicon *lexicon = g_ptr_array_index (self->lexicons, s);

      if (g_strcmp0 (g_ptr_array_index (self->source_ids, s), source_id) != 0 || outlet == NULL)
        continue;

      n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RshActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

          if (same_name (lexicon, rsh_actor_get_name (actor), outlet))
            return actor;
        }
    }

  return NULL;
}

/**
 * rsh_comparison_lookup_actor:
 * @self: a #RshComparison
 * @actor_id: (nullable): an actor id such as "a1"
 *
 * Returns: (transfer none) (nullable): the actor, or %NULL
 */
RshActor *
rsh_comparison_lookup_actor (RshComparison *self,
                             const char    *actor_id)
{
  guint n;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  if (actor_id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

      if (g_strcmp0 (rsh_actor_get_id (actor), actor_id) == 0)
        return actor;
    }

  return NULL;
}

/**
 * rsh_comparison_get_duplicate_of:
 * @self: a #RshComparison
 * @position: a position in rsh_comparison_get_sources()
 *
 * The source this one is a syndicated or near-identical copy of: found by comparing the
 * texts (most five-word shingles shared with an earlier source), else the source's own
 * #RshSource:duplicate-of. The sources themselves are not changed.
 *
 * Returns: (nullable): the id of the source copied, or %NULL
 */
const char *
rsh_comparison_get_duplicate_of (RshComparison *self,
                                 guint          position)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  if (position >= self->duplicate_of->len)
    return NULL;

  return g_ptr_array_index (self->duplicate_of, position);
}

/**
 * rsh_comparison_count_independent:
 * @self: a #RshComparison
 * @claim: one of its claims
 *
 * How many sources state @claim as true themselves (reports or confirms, not hedged),
 * counting a syndicated copy and the source it copies once.
 *
 * Returns: the number of independent confirmations
 */
guint
rsh_comparison_count_independent (RshComparison *self,
                                  RshClaim      *claim)
{
  guint n = 0;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), 0);
  g_return_val_if_fail (RSH_IS_CLAIM (claim), 0);

  for (guint s = 0; s < self->source_ids->len; s++)
    {
      gboolean hedged = FALSE;
      RshStance stance = rsh_claim_get_position (claim, g_ptr_array_index (self->source_ids, s),
                                                 &hedged);

      if ((stance == RSH_STANCE_REPORTS || stance == RSH_STANCE_CONFIRMS) && !hedged &&
          g_ptr_array_index (self->duplicate_of, s) == NULL)
        n++;
    }

  return n;
}

static int
compare_mention_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GHashTable *order = user_data;
  RshMention *ma = *(RshMention **) a;
  RshMention *mb = *(RshMention **) b;
  guint sa = GPOINTER_TO_UINT (g_hash_table_lookup (order, rsh_mention_get_source_id (ma)));
  guint sb = GPOINTER_TO_UINT (g_hash_table_lookup (order, rsh_mention_get_source_id (mb)));

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (rsh_mention_get_start (ma) != rsh_mention_get_start (mb))
    return rsh_mention_get_start (ma) < rsh_mention_get_start (mb) ? -1 : 1;

  return 0;
}

/*
 * rsh_comparison_new_corrected:
 * @base: the automatic comparison the corrections were replayed onto
 * @claims: (element-type RshWorkClaim): the claims after the corrections
 * @actors: (element-type RshWorkActor): the actors after the corrections
 * @corrections: (element-type RshCorrection): the corrections replayed, with their outcome
 *
 * Builds the corrected comparison: the sources of @base, the corrected claims and actors,
 * positions computed again where a correction changed a claim's mentions, and the
 * timeline, whose dates are those @base found for each statement.
 *
 * Returns: (transfer full): a new comparison
 */
RshComparison *
rsh_comparison_new_corrected (RshComparison *base,
                              GPtrArray     *claims,
                              GPtrArray     *actors,
                              GPtrArray     *corrections)
{
  g_autoptr(RshComparison) self = g_object_new (RSH_TYPE_COMPARISON, NULL);
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_sources;

  g_return_val_if_fail (RSH_IS_COMPARISON (base), NULL);

  self->base = g_object_ref (base->base != NULL ? base->base : base);
  n_sources = base->source_ids->len;
  for (guint s = 0; s < n_sources; s++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (G_LIST_MODEL (base->sources), s);
      const char *id = g_ptr_array_index (base->source_ids, s);

      g_list_store_append (self->sources, source);
      g_ptr_array_add (self->source_ids, g_strdup (id));
      g_ptr_array_add (self->duplicate_of, g_strdup (g_ptr_array_index (base->duplicate_of, s)));
      g_ptr_array_add (self->lexicons, rsh_lexicon_ref (g_ptr_array_index (base->lexicons, s)));
      g_ptr_array_add (self->outlets, g_strdup (g_ptr_array_index (base->outlets, s)));
      g_hash_table_insert (order, g_ptr_array_index (self->source_ids, s), GUINT_TO_POINTER (s));
      g_hash_table_insert (titles, g_ptr_array_index (self->source_ids, s),
                           (gpointer) rsh_source_get_title (source));
    }

  for (guint i = 0; i < actors->len; i++)
    {
      RshWorkActor *work = g_ptr_array_index (actors, i);
      g_autoptr(RshActor) actor = NULL;

      if (work->removed)
        continue;

      actor = rsh_actor_new (work->id, work->name, work->kind);
      for (guint k = 0; k < work->aliases->len; k++)
        rsh_actor_add_alias (actor, g_ptr_array_index (work->aliases, k));
      g_list_store_append (self->actors, actor);
      if (work->corrected)
        g_hash_table_add (self->corrected, actor);
    }

  /* A statement's date depends only on its source and span: read it off the base. */
  for (guint i = 0; i < base->timeline->len; i++)
    {
      RshTimelineEvent *dated = g_ptr_array_index (base->timeline, i);
      char *key = g_strdup_printf ("%s:%u:%u", dated->source_id ? dated->source_id : "",
                                   dated->start, dated->end);

      if (g_hash_table_contains (dates, key))
        g_free (key);
      else
        g_hash_table_insert (dates, key, dated);
    }

  for (guint c = 0; c < claims->len; c++)
    {
      RshWorkClaim *work = g_ptr_array_index (claims, c);
      g_autoptr(RshClaim) claim = NULL;

      if (work->removed)
        continue;

      if (work->corrected)
        g_ptr_array_sort_with_data (work->mentions, compare_mention_order, order);

      claim = rsh_claim_new (work->id, work->text, work->user_defined);
      for (guint m = 0; m < work->mentions->len; m++)
        rsh_claim_add_mention (claim, g_ptr_array_index (work->mentions, m));

      for (guint s = 0; s < n_sources; s++)
        {
          const char *source_id = g_ptr_array_index (self->source_ids, s);

          /* A tracked claim's positions come from the stance model: kept unless a
           * correction changed that source's statements on it. */
          if (work->user_defined && work->base != NULL &&
              !g_hash_table_contains (work->dirty, source_id))
            {
              gboolean hedged = FALSE;
              RshStance stance = rsh_claim_get_position (work->base, source_id, &hedged);

              rsh_claim_set_position (claim, source_id, stance, hedged);
            }
          else
            set_source_position (claim, source_id, g_ptr_array_index (self->outlets, s),
                                 g_ptr_array_index (self->lexicons, s));
        }

      if (work->corrected)
        g_hash_table_add (self->corrected, claim);

      if (work->hidden)
        {
          g_list_store_append (self->hidden_claims, claim);
          continue;
        }

      g_list_store_append (self->claims, claim);
      for (guint m = 0; m < work->mentions->len; m++)
        {
          RshMention *mention = g_ptr_array_index (work->mentions, m);
          const char *source_id = rsh_mention_get_source_id (mention);
          g_autofree char *key = g_strdup_printf ("%s:%u:%u", source_id ? source_id : "",
                                                  rsh_mention_get_start (mention),
                                                  rsh_mention_get_end (mention));
          const RshTimelineEvent *dated = g_hash_table_lookup (dates, key);
          RshTimelineEvent *event;

          g_list_store_append (self->mentions, mention);
          event = new_event (self, claim, mention, g_hash_table_lookup (titles, source_id));
          if (dated != NULL)
            {
              event->earliest = g_strdup (dated->earliest);
              event->latest = g_strdup (dated->latest);
              event->certainty = dated->certainty;
              event->about_text = g_strdup (dated->about_text);
              event->about_earliest = g_strdup (dated->about_earliest);
              event->about_latest = g_strdup (dated->about_latest);
            }
          g_ptr_array_add (self->timeline, event);
        }
    }
  g_ptr_array_sort (self->timeline, compare_events_cb);

  for (guint i = 0; i < corrections->len; i++)
    g_list_store_append (self->corrections, g_ptr_array_index (corrections, i));

  return g_steal_pointer (&self);
}

/*
 * rsh_comparison_get_base:
 * @self: a #RshComparison
 *
 * Returns: (transfer none): the automatic comparison @self was corrected from, or @self
 */
RshComparison *
rsh_comparison_get_base (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return self->base != NULL ? self->base : self;
}

/**
 * rsh_comparison_get_hidden_claims:
 * @self: a #RshComparison
 *
 * Claims the user hid: they are not in rsh_comparison_get_claims(), their mentions are not
 * in rsh_comparison_get_mentions() and they have no timeline events.
 *
 * Returns: (transfer none): a #GListModel of #RshClaim
 */
GListModel *
rsh_comparison_get_hidden_claims (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->hidden_claims);
}

/**
 * rsh_comparison_get_corrections:
 * @self: a #RshComparison
 *
 * The user's corrections replayed onto the automatic analysis to make @self, in order;
 * rsh_correction_get_applies() tells which ones no longer apply.
 *
 * Returns: (transfer none): a #GListModel of #RshCorrection, empty for an automatic result
 */
GListModel *
rsh_comparison_get_corrections (RshComparison *self)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->corrections);
}

/**
 * rsh_comparison_get_corrected:
 * @self: a #RshComparison
 * @object: one of its #RshClaim or #RshActor objects
 *
 * Returns: whether a user's correction changed @object
 */
gboolean
rsh_comparison_get_corrected (RshComparison *self,
                              gpointer       object)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (self), FALSE);

  return object != NULL && g_hash_table_contains (self->corrected, object);
}

static RshClaim *
find_claim_in (GListModel *claims,
               const char *claim_id)
{
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (rsh_claim_get_id (claim), claim_id) == 0)
        return claim;
    }

  return NULL;
}

/**
 * rsh_comparison_lookup_claim:
 * @self: a #RshComparison
 * @claim_id: (nullable): a claim id such as "c3"
 * @hidden: (out) (optional): whether the claim is one the user hid
 *
 * Returns: (transfer none) (nullable): the claim, shown or hidden, or %NULL
 */
RshClaim *
rsh_comparison_lookup_claim (RshComparison *self,
                             const char    *claim_id,
                             gboolean      *hidden)
{
  RshClaim *claim;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  if (hidden != NULL)
    *hidden = FALSE;
  if (claim_id == NULL)
    return NULL;

  claim = find_claim_in (G_LIST_MODEL (self->claims), claim_id);
  if (claim != NULL)
    return claim;

  claim = find_claim_in (G_LIST_MODEL (self->hidden_claims), claim_id);
  if (claim != NULL && hidden != NULL)
    *hidden = TRUE;

  return claim;
}

static RshMention *
find_mention_in (GListModel *claims,
                 const char *mention_id,
                 gboolean    found_only)
{
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      if (found_only && rsh_claim_get_user_defined (claim))
        continue;

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);
          g_autofree char *id = rsh_correction_dup_mention_id (mention);

          if (strcmp (id, mention_id) == 0)
            return mention;
        }
    }

  return NULL;
}

/**
 * rsh_comparison_lookup_mention:
 * @self: a #RshComparison
 * @mention_id: (nullable): a mention id such as "s2:120-188" (see
 *   rsh_correction_dup_mention_id())
 *
 * A statement found in several claims (a tracked claim quotes it too) is the same
 * statement: the first found is returned, in a found claim before a tracked one.
 *
 * Returns: (transfer none) (nullable): the mention, or %NULL
 */
RshMention *
rsh_comparison_lookup_mention (RshComparison *self,
                               const char    *mention_id)
{
  RshMention *mention;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  if (mention_id == NULL)
    return NULL;

  mention = find_mention_in (G_LIST_MODEL (self->claims), mention_id, TRUE);
  if (mention == NULL)
    mention = find_mention_in (G_LIST_MODEL (self->claims), mention_id, FALSE);
  if (mention == NULL)
    mention = find_mention_in (G_LIST_MODEL (self->hidden_claims), mention_id, FALSE);

  return mention;
}
