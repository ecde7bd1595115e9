/* rsh-actors.c: speakers become actors, within an article and across articles
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rashomon.h"
#include "rsh-lexicon-private.h"

/* One spelling of an actor while actors are formed. */
typedef struct
{
  char       *written;  /* as in the text */
  char      **words;    /* normalised name, split */
  char       *key;      /* normalised name, with the source for descriptions */
  RshLexicon *lexicon;  /* borrowed */
  guint       parent;   /* union-find */
  guint       proper : 1;   /* a name, not a description ("the company") */
  guint       primary : 1;  /* a speaker's resolved name, not only an alias */
} Spelling;

typedef struct
{
  GPtrArray  *spellings;  /* Spelling */
  GHashTable *by_key;     /* key → index + 1 */
} Builder;

static void
spelling_free (gpointer data)
{
  Spelling *spelling = data;

  g_free (spelling->written);
  g_strfreev (spelling->words);
  g_free (spelling->key);
  g_free (spelling);
}

static guint
find_root (Builder *builder,
           guint    i)
{
  while (((Spelling *) g_ptr_array_index (builder->spellings, i))->parent != i)
    i = ((Spelling *) g_ptr_array_index (builder->spellings, i))->parent;

  return i;
}

static void
unite (Builder *builder,
       guint    a,
       guint    b)
{
  guint ra = find_root (builder, a);
  guint rb = find_root (builder, b);

  if (ra != rb)
    ((Spelling *) g_ptr_array_index (builder->spellings, MAX (ra, rb)))->parent = MIN (ra, rb);
}

/* Adds a spelling, or finds the one with the same key. Names and speakers are shared by
 * every source; a description that only stands for a name ("the company" for Kaspersky)
 * means something only for that name (@owner) within its source, so that one wrongly
 * resolved description never joins two actors. Returns its index. */
static guint
add_spelling (Builder    *builder,
              RshLexicon *lexicon,
              guint       source,
              const char *owner,
              const char *written,
              gboolean    primary)
{
  g_autofree char *normal = rsh_lexicon_normalize_name (lexicon, written);
  gboolean proper = rsh_lexicon_is_proper_name (lexicon, written);
  g_autofree char *owner_normal = owner != NULL ? rsh_lexicon_normalize_name (lexicon, owner) : NULL;
  g_autofree char *key = NULL;
  gpointer found;
  Spelling *spelling;

  /* The owner's own name in other letters ("the water agency", "The Water Agency"). */
  if (proper || primary || g_strcmp0 (normal, owner_normal) == 0)
    key = g_strdup (normal);
  else
    key = g_strdup_printf ("%u\n%s\n%s", source, owner, normal);
  found = g_hash_table_lookup (builder->by_key, key);

  /* The same words as a name or speaker already known are that spelling. */
  if (found == NULL && proper)
    found = g_hash_table_lookup (builder->by_key, normal);

  if (found != NULL)
    {
      guint index = GPOINTER_TO_UINT (found) - 1;

      spelling = g_ptr_array_index (builder->spellings, index);
      spelling->primary |= primary;
      return index;
    }

  spelling = g_new0 (Spelling, 1);
  spelling->written = g_strdup (written);
  spelling->words = g_strsplit (normal, " ", -1);
  spelling->key = g_strdup (key);
  spelling->lexicon = lexicon;
  spelling->parent = builder->spellings->len;
  spelling->proper = proper;
  spelling->primary = primary;
  g_ptr_array_add (builder->spellings, spelling);
  g_hash_table_insert (builder->by_key, g_steal_pointer (&key),
                       GUINT_TO_POINTER (builder->spellings->len));

  return builder->spellings->len - 1;
}

/* How many leading words of @spelling are titles ("Ms", "minister"); its last word never. */
static guint
count_titles (const Spelling *spelling)
{
  guint n = g_strv_length (spelling->words);
  guint skip = 0;

  while (skip + 1 < n &&
         rsh_lexicon_guess_kind (spelling->lexicon, spelling->words[skip]) == RSH_ACTOR_KIND_PERSON)
    skip++;

  return skip;
}

/* Whether @part, without leading titles ("Ms", "minister"), is the start or the end of
 * @whole: "Ms Lindqvist" and "Mara Lindqvist", "the Inspectorate" and "the Drinking Water
 * Inspectorate", "Corran" and "Corran Water", "the Times" and "New York Times". Only names
 * written with a capital letter are shortened this way; "the company" stays apart, and a
 * possessor is no short form of what it owns ("Germany" and "Germany's BSI agency"). */
static gboolean
is_short_form (const Spelling *part,
               const Spelling *whole)
{
  guint n_part = g_strv_length (part->words);
  guint n_whole = g_strv_length (whole->words);
  const char *last_written = strrchr (part->written, ' ');
  g_autofree char *folded_whole = rsh_lexicon_fold (whole->written);
  guint skip;
  gboolean prefix = TRUE;
  gboolean suffix = TRUE;

  last_written = last_written ? last_written + 1 : part->written;
  if (!g_unichar_isupper (g_utf8_get_char (last_written)))
    return FALSE;

  skip = count_titles (part);

  if (n_part - skip == 0 || n_part - skip >= n_whole)
    return FALSE;

  for (guint i = 0; i < n_part - skip; i++)
    {
      if (strcmp (part->words[skip + i], whole->words[i]) != 0)
        prefix = FALSE;
      if (strcmp (part->words[skip + i], whole->words[n_whole - (n_part - skip) + i]) != 0)
        suffix = FALSE;
    }

  if (prefix && !suffix)
    {
      g_autofree char *owner = g_strconcat (part->words[n_part - 1], "'s", NULL);
      g_auto(GStrv) written = g_strsplit (folded_whole, " ", -1);

      for (guint i = 0; written[i]; i++)
        if (strcmp (written[i], owner) == 0)
          return FALSE;
    }

  return prefix || suffix;
}

static void
index_word (GHashTable *index,
            const char *word,
            guint       spelling)
{
  GArray *list = g_hash_table_lookup (index, word);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (index, (gpointer) word, list);
    }
  g_array_append_val (list, spelling);
}

static void
unite_short_forms_in (Builder    *builder,
                      guint       part,
                      GHashTable *index,
                      const char *word)
{
  GArray *list = g_hash_table_lookup (index, word);

  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      guint whole = g_array_index (list, guint, k);

      if (whole != part &&
          is_short_form (g_ptr_array_index (builder->spellings, part),
                         g_ptr_array_index (builder->spellings, whole)))
        unite (builder, part, whole);
    }
}

/* Joins each name with the longer names it shortens ("the Times", "New York Times"). A
 * short form is the start or the end of the longer name, so only names that open or close
 * with its first or last word are tried, not all pairs. */
static void
unite_short_forms (Builder *builder)
{
  GPtrArray *spellings = builder->spellings;
  g_autoptr(GHashTable) by_first = NULL;
  g_autoptr(GHashTable) by_last = NULL;

  /* Keys are borrowed from the spellings' words. */
  by_first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_array_unref);
  by_last = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < spellings->len; i++)
    {
      Spelling *spelling = g_ptr_array_index (spellings, i);
      guint n = g_strv_length (spelling->words);

      if (!spelling->proper || n == 0)
        continue;
      index_word (by_first, spelling->words[0], i);
      index_word (by_last, spelling->words[n - 1], i);
    }

  for (guint i = 0; i < spellings->len; i++)
    {
      Spelling *spelling = g_ptr_array_index (spellings, i);
      guint n = g_strv_length (spelling->words);

      if (!spelling->proper || n == 0)
        continue;
      unite_short_forms_in (builder, i, by_first, spelling->words[count_titles (spelling)]);
      unite_short_forms_in (builder, i, by_last, spelling->words[n - 1]);
    }
}

static guint
add_mention_names (Builder    *builder,
                   RshLexicon *lexicon,
                   guint       source,
                   RshMention *mention)
{
  const char *speaker = rsh_mention_get_speaker (mention);
  const char *written = rsh_mention_get_written_speaker (mention);
  const char * const *aliases = rsh_mention_get_aliases (mention);
  guint index;

  if (speaker == NULL)
    return G_MAXUINT;

  index = add_spelling (builder, lexicon, source, speaker, speaker, TRUE);
  /* A bare pronoun ("it") names nobody; descriptions and names are other spellings. */
  if (written != NULL && strchr (written, ' ') != NULL)
    unite (builder, index, add_spelling (builder, lexicon, source, speaker, written, FALSE));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    unite (builder, index, add_spelling (builder, lexicon, source, speaker, aliases[i], FALSE));

  return index;
}

static void
count_case (RshLexicon *lexicon,
            const char *written,
            guint      *upper,
            guint      *lower)
{
  g_auto(GStrv) words = g_strsplit (written, " ", -1);

  *upper = *lower = 0;
  for (guint i = 0; words[i]; i++)
    {
      /* Articles and titles ("the", "Ms", "Minister") say nothing of the name. */
      if (words[i][0] == '\0' ||
          (i == 0 && rsh_lexicon_has_word (lexicon, RSH_WORDS_ARTICLE, words[i])) ||
          rsh_lexicon_guess_kind (lexicon, words[i]) == RSH_ACTOR_KIND_PERSON)
        continue;
      if (g_unichar_isupper (g_utf8_get_char (words[i])))
        (*upper)++;
      else
        (*lower)++;
    }
}

static gboolean
opens_lower (const char *written)
{
  return !g_unichar_isupper (g_utf8_get_char (written));
}

/* The actor's name: a name before a description, then the one with the most capitalised
 * words, then the one with the fewest others ("Kaspersky Lab" before "Moscow-based
 * internet security giant Kaspersky"). */
static gboolean
better_name (const Spelling *candidate,
             const Spelling *best)
{
  guint cu, cl, bu, bl;

  if (best == NULL)
    return TRUE;
  if (candidate->proper != best->proper)
    return candidate->proper;

  count_case (candidate->lexicon, candidate->written, &cu, &cl);
  count_case (best->lexicon, best->written, &bu, &bl);
  if (cu != bu)
    return cu > bu;
  if (cl != bl)
    return cl < bl;

  /* "Mara Lindqvist" before "chief executive Mara Lindqvist": a role in lower case is a
   * description, not part of the name. */
  if (opens_lower (candidate->written) != opens_lower (best->written))
    return !opens_lower (candidate->written);

  return g_strv_length (candidate->words) > g_strv_length (best->words);
}

/* The actor of a speaker's (primary) name. */
static const char *
actor_id_for (Builder    *builder,
              GPtrArray  *actor_of_root,
              RshLexicon *lexicon,
              const char *name)
{
  g_autofree char *key = NULL;
  gpointer found;

  if (name == NULL)
    return NULL;

  key = rsh_lexicon_normalize_name (lexicon, name);
  found = g_hash_table_lookup (builder->by_key, key);
  if (found == NULL)
    return NULL;

  return rsh_actor_get_id (g_ptr_array_index (actor_of_root,
                                              find_root (builder,
                                                         GPOINTER_TO_UINT (found) - 1)));
}

/**
 * rsh_actors_build:
 * @actors: the store the actors are appended to
 * @lexicons: (element-type RshLexicon): the lexicon of each source
 * @mention_sets: (element-type GPtrArray): the mentions of each source, parallel to
 *   @lexicons, as made by rsh_attribute_text_full()
 *
 * Makes actors of the speakers, and sets the actor ids of the mentions (also of their
 * quoted and via names). Within a source, a speaker's resolved name, its written form
 * ("the company") and its aliases ("Kaspersky Lab", "the Moscow-based company") are one
 * actor. Across sources, names merge when their normalised forms agree (case, leading
 * "the", possessive "'s") or one shortens the other ("the Times", "New York Times");
 * descriptions never merge across sources. The fullest name names the actor, the others
 * are its aliases; the kind comes from the name, else from an alias ("the company" makes
 * an organization).
 */
void
rsh_actors_build (GListStore *actors,
                  GPtrArray  *lexicons,
                  GPtrArray  *mention_sets)
{
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (spelling_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) actor_of_root = g_ptr_array_new (); /* borrowed from @actors */
  Builder builder = { spellings, by_key };
  guint n_actors = 0;

  g_return_if_fail (G_IS_LIST_STORE (actors));
  g_return_if_fail (lexicons != NULL && mention_sets != NULL);
  g_return_if_fail (lexicons->len == mention_sets->len);

  for (guint s = 0; s < mention_sets->len; s++)
    {
      GPtrArray *mentions = g_ptr_array_index (mention_sets, s);
      RshLexicon *lexicon = g_ptr_array_index (lexicons, s);

      for (guint i = 0; i < mentions->len; i++)
        {
          RshMention *mention = g_ptr_array_index (mentions, i);

          add_mention_names (&builder, lexicon, s, mention);
          if (rsh_mention_get_quoted (mention) != NULL)
            add_spelling (&builder, lexicon, s, NULL, rsh_mention_get_quoted (mention), TRUE);
          if (rsh_mention_get_via (mention) != NULL)
            add_spelling (&builder, lexicon, s, NULL, rsh_mention_get_via (mention), TRUE);
        }
    }

  unite_short_forms (&builder);

  g_ptr_array_set_size (actor_of_root, spellings->len);
  for (guint r = 0; r < spellings->len; r++)
    {
      g_autofree char *id = NULL;
      Spelling *best = NULL;
      RshActorKind kind;
      RshActor *actor;

      if (find_root (&builder, r) != r)
        continue;

      for (guint i = 0; i < spellings->len; i++)
        {
          Spelling *spelling = g_ptr_array_index (spellings, i);

          if (find_root (&builder, i) == r && better_name (spelling, best))
            best = spelling;
        }

      kind = rsh_lexicon_guess_kind (best->lexicon, best->written);
      for (guint pass = 0; pass < 2 && kind == RSH_ACTOR_KIND_UNKNOWN; pass++)
        {
          for (guint i = 0; i < spellings->len && kind == RSH_ACTOR_KIND_UNKNOWN; i++)
            {
              Spelling *spelling = g_ptr_array_index (spellings, i);

              /* Names first, then descriptions. */
              if (find_root (&builder, i) == r && spelling->proper == (pass == 0))
                kind = rsh_lexicon_guess_kind (spelling->lexicon, spelling->written);
            }
        }

      id = g_strdup_printf ("a%u", ++n_actors);
      actor = rsh_actor_new (id, best->written, kind);
      for (guint i = 0; i < spellings->len; i++)
        {
          Spelling *spelling = g_ptr_array_index (spellings, i);

          if (find_root (&builder, i) == r && spelling != best)
            rsh_actor_add_alias (actor, spelling->written);
        }

      g_list_store_append (actors, actor);
      g_ptr_array_index (actor_of_root, r) = actor;
      g_object_unref (actor);
    }

  for (guint s = 0; s < mention_sets->len; s++)
    {
      GPtrArray *mentions = g_ptr_array_index (mention_sets, s);
      RshLexicon *lexicon = g_ptr_array_index (lexicons, s);

      for (guint i = 0; i < mentions->len; i++)
        {
          RshMention *mention = g_ptr_array_index (mentions, i);

          rsh_mention_set_actor_id (mention,
                                    actor_id_for (&builder, actor_of_root, lexicon,
                                                  rsh_mention_get_speaker (mention)));
          rsh_mention_set_quoted_actor_id (mention,
                                           actor_id_for (&builder, actor_of_root, lexicon,
                                                         rsh_mention_get_quoted (mention)));
          rsh_mention_set_via_actor_id (mention,
                                        actor_id_for (&builder, actor_of_root, lexicon,
                                                      rsh_mention_get_via (mention)));
        }
    }
}
