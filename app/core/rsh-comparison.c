/* rsh-comparison.c: claims, actors and positions across sources
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rashomon.h"
#include "rsh-lexicon-private.h"

/* Longest timeline label, in code points. */
#define MAX_LABEL_CHARS 80

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
  char      *language;
  char      *published;
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
  g_clear_pointer (&snapshot->language, g_free);
  g_clear_pointer (&snapshot->published, g_free);
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

/* Content of a mention for grouping: lower case, punctuation gone. */
static char *
content_key (const char *quote)
{
  g_autoptr(GPtrArray) words = split_words (quote, -1);

  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

static GHashTable *
content_words (RshLexicon *lexicon,
               const char *text,
               gssize      len)
{
  g_autoptr(GPtrArray) words = split_words (text, len);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (!rsh_lexicon_is_stopword (lexicon, word))
        g_hash_table_add (set, g_strdup (word));
    }

  return set;
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

static RshMention *
copy_mention (RshMention *mention)
{
  RshMention *copy = rsh_mention_new (rsh_mention_get_source_id (mention),
                                      rsh_mention_get_start (mention),
                                      rsh_mention_get_end (mention),
                                      rsh_mention_get_quote (mention));

  rsh_mention_set_speaker (copy, rsh_mention_get_speaker (mention));
  rsh_mention_set_actor_id (copy, rsh_mention_get_actor_id (mention));
  rsh_mention_set_cue (copy, rsh_mention_get_cue (mention));
  rsh_mention_set_stance (copy, rsh_mention_get_stance (mention));
  rsh_mention_set_hedged (copy, rsh_mention_get_hedged (mention));
  rsh_mention_set_outlet (copy, rsh_mention_get_outlet (mention));

  return copy;
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

  mentions = rsh_attribute_text (lexicon, a->id, a->text, a->sentences, cancellable, error);
  if (mentions == NULL)
    {
      analysed_free (a);
      return NULL;
    }

  for (guint i = 0; i < mentions->len; i++)
    rsh_mention_set_outlet (g_ptr_array_index (mentions, i), a->outlet);
  a->mentions = g_steal_pointer (&mentions);

  return a;
}

/* One spelling of a speaker, while actors are formed. */
typedef struct
{
  char       *written;  /* as in the text */
  char      **words;    /* normalised name, split */
  RshLexicon *lexicon;  /* borrowed */
  guint       group;
} Spelling;

static void
spelling_free (gpointer data)
{
  Spelling *spelling = data;

  g_free (spelling->written);
  g_strfreev (spelling->words);
  g_free (spelling);
}

/* Whether @part, without leading titles ("Ms", "minister"), is the start or the end of
 * @whole: "Ms Lindqvist" and "Mara Lindqvist", "the Inspectorate" and "the Drinking Water
 * Inspectorate", "Corran" and "Corran Water". Only names written with a capital letter
 * are shortened this way; "the company" stays apart. */
static gboolean
is_short_form (const Spelling *part,
               const Spelling *whole)
{
  guint n_part = g_strv_length (part->words);
  guint n_whole = g_strv_length (whole->words);
  const char *last_written = strrchr (part->written, ' ');
  guint skip = 0;
  gboolean prefix = TRUE;
  gboolean suffix = TRUE;

  last_written = last_written ? last_written + 1 : part->written;
  if (!g_unichar_isupper (g_utf8_get_char (last_written)))
    return FALSE;

  while (skip + 1 < n_part &&
         rsh_lexicon_guess_kind (part->lexicon, part->words[skip]) == RSH_ACTOR_KIND_PERSON)
    skip++;

  if (n_part - skip == 0 || n_part - skip >= n_whole)
    return FALSE;

  for (guint i = 0; i < n_part - skip; i++)
    {
      if (strcmp (part->words[skip + i], whole->words[i]) != 0)
        prefix = FALSE;
      if (strcmp (part->words[skip + i], whole->words[n_whole - (n_part - skip) + i]) != 0)
        suffix = FALSE;
    }

  return prefix || suffix;
}

/* Speakers become actors: spellings with the same normalised name (case, leading "the",
 * possessive "'s") are one actor, and so are a short form and the full name it shortens.
 * The fullest spelling names the actor; the others are its aliases. */
static void
build_actors (RshComparison *self,
              GPtrArray     *analysed)
{
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (spelling_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) actor_of_group = g_ptr_array_new ();
  guint n_groups = 0;

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      for (guint i = 0; i < a->mentions->len; i++)
        {
          const char *speaker = rsh_mention_get_speaker (g_ptr_array_index (a->mentions, i));
          g_autofree char *key = NULL;
          Spelling *spelling;

          if (speaker == NULL)
            continue;

          key = rsh_lexicon_normalize_name (a->lexicon, speaker);
          if (g_hash_table_contains (by_key, key))
            continue;

          spelling = g_new0 (Spelling, 1);
          spelling->written = g_strdup (speaker);
          spelling->words = g_strsplit (key, " ", -1);
          spelling->lexicon = a->lexicon;
          spelling->group = G_MAXUINT;
          g_ptr_array_add (spellings, spelling);
          g_hash_table_insert (by_key, g_strjoinv (" ", spelling->words), spelling);
        }
    }

  for (guint i = 0; i < spellings->len; i++)
    {
      Spelling *spelling = g_ptr_array_index (spellings, i);

      for (guint j = 0; j < i && spelling->group == G_MAXUINT; j++)
        {
          Spelling *other = g_ptr_array_index (spellings, j);

          if (is_short_form (spelling, other) || is_short_form (other, spelling))
            spelling->group = other->group;
        }

      if (spelling->group == G_MAXUINT)
        spelling->group = n_groups++;
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(RshActor) actor = NULL;
      g_autofree char *id = g_strdup_printf ("a%u", g + 1);
      Spelling *best = NULL;
      RshActorKind kind;

      for (guint i = 0; i < spellings->len; i++)
        {
          Spelling *spelling = g_ptr_array_index (spellings, i);

          if (spelling->group == g &&
              (best == NULL || g_strv_length (spelling->words) > g_strv_length (best->words)))
            best = spelling;
        }

      kind = rsh_lexicon_guess_kind (best->lexicon, best->written);
      actor = rsh_actor_new (id, best->written, kind);
      for (guint i = 0; i < spellings->len; i++)
        {
          Spelling *spelling = g_ptr_array_index (spellings, i);

          if (spelling->group == g && spelling != best)
            rsh_actor_add_alias (actor, spelling->written);
        }

      g_list_store_append (self->actors, actor);
      g_ptr_array_add (actor_of_group, actor);
    }

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      for (guint i = 0; i < a->mentions->len; i++)
        {
          RshMention *mention = g_ptr_array_index (a->mentions, i);
          const char *speaker = rsh_mention_get_speaker (mention);
          g_autofree char *key = NULL;
          Spelling *spelling;

          if (speaker == NULL)
            continue;

          key = rsh_lexicon_normalize_name (a->lexicon, speaker);
          spelling = g_hash_table_lookup (by_key, key);
          rsh_mention_set_actor_id (mention,
                                    rsh_actor_get_id (g_ptr_array_index (actor_of_group,
                                                                         spelling->group)));
        }
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

/* A tracked claim's mentions: the sentences whose content words overlap it enough.
 * This is a first, lexical match (no stemming, no paraphrase); the clustering issue will
 * replace it with a semantic one. */
static void
match_tracked_claim (RshClaim  *claim,
                     GPtrArray *analysed)
{
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);
      g_autoptr(GHashTable) claim_words = NULL;
      const char *cursor = a->text;
      guint cursor_chars = 0;
      guint n_claim;

      claim_words = content_words (a->lexicon, rsh_claim_get_text (claim), -1);
      n_claim = g_hash_table_size (claim_words);
      if (n_claim < 2)
        continue;

      for (guint i = 0; i < a->sentences->len; i++)
        {
          const RshSpan *span = &g_array_index (a->sentences, RshSpan, i);
          g_autoptr(GHashTable) words = NULL;
          g_autoptr(RshMention) mention = NULL;
          GHashTableIter iter;
          gpointer word;
          const char *begin;
          const char *end;
          guint shared = 0;

          while (cursor_chars < span->start && *cursor)
            {
              cursor = g_utf8_next_char (cursor);
              cursor_chars++;
            }
          begin = cursor;
          end = g_utf8_offset_to_pointer (begin, span->end - span->start);

          words = content_words (a->lexicon, begin, end - begin);
          g_hash_table_iter_init (&iter, claim_words);
          while (g_hash_table_iter_next (&iter, &word, NULL))
            if (g_hash_table_contains (words, word))
              shared++;

          if (shared < 2 || shared * 2 < n_claim)
            continue;

          for (guint m = 0; m < a->mentions->len && mention == NULL; m++)
            {
              RshMention *attributed = g_ptr_array_index (a->mentions, m);

              if (rsh_mention_get_start (attributed) >= span->start &&
                  rsh_mention_get_end (attributed) <= span->end)
                mention = copy_mention (attributed);
            }

          if (mention == NULL)
            {
              g_autofree char *quote = g_strndup (begin, end - begin);

              /* The outlet's own voice. */
              mention = rsh_mention_new (a->id, span->start, span->end, quote);
              rsh_mention_set_outlet (mention, a->outlet);
              rsh_mention_set_hedged (mention, has_hedge (a->lexicon, quote));
            }

          rsh_claim_add_mention (claim, mention);
        }
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
                     Analysed   *a)
{
  const char *speaker = rsh_mention_get_speaker (mention);
  g_autofree char *speaker_key = NULL;
  g_autofree char *outlet_key = NULL;

  if (rsh_mention_get_hedged (mention))
    return TRUE;
  if (speaker == NULL)
    return FALSE;
  if (a->outlet == NULL)
    return TRUE;

  speaker_key = rsh_lexicon_normalize_name (a->lexicon, speaker);
  outlet_key = rsh_lexicon_normalize_name (a->lexicon, a->outlet);

  return strcmp (speaker_key, outlet_key) != 0;
}

static void
set_positions (RshClaim  *claim,
               GPtrArray *analysed)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);
  guint n = g_list_model_get_n_items (mentions);

  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);
      RshStance stance = RSH_STANCE_ABSENT;
      gboolean hedged = TRUE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

          if (g_strcmp0 (rsh_mention_get_source_id (mention), a->id) != 0)
            continue;

          if (stance_rank (rsh_mention_get_stance (mention)) > stance_rank (stance))
            stance = rsh_mention_get_stance (mention);
          if (!mention_at_distance (mention, a))
            hedged = FALSE;
        }

      rsh_claim_set_position (claim, a->id, stance, stance != RSH_STANCE_ABSENT && hedged);
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

static void
build_timeline (RshComparison *self,
                GPtrArray     *analysed)
{
  guint n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
          RshTimelineEvent *event = g_new0 (RshTimelineEvent, 1);
          RshActor *actor = rsh_comparison_lookup_actor (self, rsh_mention_get_actor_id (mention));
          const char *who = NULL;
          Analysed *a = NULL;

          for (guint s = 0; s < analysed->len && a == NULL; s++)
            if (g_strcmp0 (((Analysed *) g_ptr_array_index (analysed, s))->id,
                           rsh_mention_get_source_id (mention)) == 0)
              a = g_ptr_array_index (analysed, s);

          if (actor != NULL)
            who = rsh_actor_get_name (actor);
          else if (rsh_mention_get_outlet (mention) != NULL)
            who = rsh_mention_get_outlet (mention);
          else
            who = rsh_mention_get_source_id (mention);

          event->claim_id = g_strdup (rsh_claim_get_id (claim));
          event->actor_id = g_strdup (rsh_mention_get_actor_id (mention));
          event->source_id = g_strdup (rsh_mention_get_source_id (mention));
          event->stance = rsh_mention_get_stance (mention);
          event->earliest = a ? date_part (a->snapshot->published) : NULL;
          event->latest = g_strdup (event->earliest);
          event->label = make_label (who, event->stance, rsh_mention_get_quote (mention));
          g_ptr_array_add (self->timeline, event);
        }
    }
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
  g_autoptr(GHashTable) claims_by_content = NULL;
  guint n_claims;

  lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) rsh_lexicon_unref);
  claims_by_content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
    }

  build_actors (self, analysed);

  for (guint i = 0; tracked != NULL && tracked[i] != NULL; i++)
    match_tracked_claim (append_claim (self, tracked[i], TRUE), analysed);

  /* A first grouping: the same content in the same words makes one claim. */
  for (guint s = 0; s < analysed->len; s++)
    {
      Analysed *a = g_ptr_array_index (analysed, s);

      for (guint i = 0; i < a->mentions->len; i++)
        {
          RshMention *mention = g_ptr_array_index (a->mentions, i);
          g_autofree char *key = content_key (rsh_mention_get_quote (mention));
          RshClaim *claim = g_hash_table_lookup (claims_by_content, key);

          if (claim == NULL)
            {
              claim = append_claim (self, rsh_mention_get_quote (mention), FALSE);
              g_hash_table_insert (claims_by_content, g_steal_pointer (&key), claim);
            }
          rsh_claim_add_mention (claim, mention);
        }
    }

  n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

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
      snapshot->language = g_strdup (rsh_source_get_language (snapshot->source));
      snapshot->published = g_strdup (rsh_source_get_published (snapshot->source));

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

  G_OBJECT_CLASS (rsh_comparison_parent_class)->dispose (object);
}

static void
rsh_comparison_finalize (GObject *object)
{
  RshComparison *self = (RshComparison *) object;

  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);

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
  g_free (event);
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
