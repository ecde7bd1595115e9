/* bench-align-scale.c: aligning 1,000 synthetic articles, indexed against all-pairs
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes 1,000 articles from invented word lists (a hundred stories with invented names,
 * ten facts each, worded with varying verbs, templates and speakers), runs the whole
 * comparison on them, then clusters the same claim mentions twice, with the inverted index
 * and with every pair compared, and prints the times and their ratio.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rashomon.h"
#include "rsh-align.h"

#define N_ARTICLES        1000
#define N_STORIES         100
#define FACTS_PER_STORY   10
#define FACTS_PER_ARTICLE 7
#define FILLER_SENTENCES  4

/* Every story has its own invented names, made of these syllables. */
static const char * const syllables[] = {
  "ka", "ren", "dor", "vel", "mi", "tas", "lor", "qui", "ben", "sa", "tor", "ul", "zen",
  "fa", "rim", "os", "gal", "ne", "pri", "hu", "mar", "ek", "sol", "ti",
};

static const char * const subject_kinds[] = {
  "Group", "Council", "Bank", "Airlines", "Institute", "Energy", "Union", "Farms",
  "Police", "Hospital", "Mining", "Systems",
};

static const char * const titles[] = { "Mayor", "Senator", "Minister", "Judge", "Doctor" };

static const char * const verb_groups[][3] = {
  { "closed", "shut down", "shuttered" },
  { "bought", "acquired", "purchased" },
  { "polluted", "contaminated", "poisoned" },
  { "raised", "increased", "lifted" },
  { "cut", "reduced", "lowered" },
  { "banned", "prohibited", "outlawed" },
  { "hid", "concealed", "covered up" },
  { "opened", "launched", "unveiled" },
  { "sued", "took to court", "filed a lawsuit against" },
  { "fired", "dismissed", "sacked" },
};

static const char * const object_kinds[] = {
  "smelter", "warehouses", "river intake", "ferry", "seed archive", "contract", "road",
  "fund", "pension scheme", "treatment plant", "quarry", "wind farm", "data centre",
  "fishing quota", "bridge", "canteen", "tram line", "museum", "clinic", "harbour",
};

static const char * const speakers[] = {
  "a spokesperson", "officials", "the regional paper", "a union leader", "witnesses",
  "a company statement", "the inspector",
};

static const char * const filler[] = {
  "weather", "crowd", "morning", "market", "street", "visitors", "season", "evening",
  "traffic", "festival", "square", "lanterns", "music", "stalls", "tourists", "rain",
  "garden", "bakery", "parade", "choir",
};

typedef struct
{
  char  *subjects[3];
  char  *objects[3];
  char  *place;
} Story;

typedef struct
{
  guint story, subject, verb, object, number;
} Fact;

static char *
invent_name (GRand *rand,
             guint  n_syllables)
{
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < n_syllables; i++)
    g_string_append (name, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  name->str[0] = g_ascii_toupper (name->str[0]);

  return g_string_free (name, FALSE);
}

static void
invent_story (GRand *rand,
              Story *story)
{
  story->place = invent_name (rand, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = invent_name (rand, 2);
      g_autofree char *family = invent_name (rand, 3);
      g_autofree char *thing = invent_name (rand, 2);

      if (i == 2)
        story->subjects[i] = g_strdup_printf ("%s %s %s",
                                              titles[g_rand_int_range (rand, 0, 5)], name,
                                              family);
      else
        story->subjects[i] = g_strdup_printf ("%s %s", family,
                                              subject_kinds[g_rand_int_range (rand, 0, 12)]);
      story->objects[i] = g_strdup_printf ("the %s %s", thing,
                                           object_kinds[g_rand_int_range (rand, 0, 20)]);
    }
}

static void
story_clear (Story *story)
{
  for (guint i = 0; i < 3; i++)
    {
      g_free (story->subjects[i]);
      g_free (story->objects[i]);
    }
  g_free (story->place);
}

static void
write_fact (GString     *out,
            GRand       *rand,
            const Story *story,
            const Fact  *fact)
{
  const char *subject = story->subjects[fact->subject];
  const char *verb = verb_groups[fact->verb][g_rand_int_range (rand, 0, 3)];
  const char *object = story->objects[fact->object];
  const char *place = story->place;
  const char *speaker = speakers[g_rand_int_range (rand, 0, G_N_ELEMENTS (speakers))];

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      g_string_append_printf (out, "%s %s %s in %s last week. ", subject, verb, object, place);
      break;
    case 1:
      g_string_append_printf (out, "%s %s %s in %s, %s said. ", subject, verb, object, place,
                              speaker);
      break;
    case 2:
      g_string_append_printf (out, "According to %s, %s %s %s, affecting %u people. ",
                              speaker, subject, verb, object, fact->number);
      break;
    case 3:
      g_string_append_printf (out, "%s denied that it %s %s in %s. ", subject, verb, object,
                              place);
      break;
    default:
      g_string_append_printf (out, "In %s, %s reportedly %s %s. ", place, subject, verb,
                              object);
      break;
    }
}

static char *
write_article (GRand       *rand,
               const Story *stories,
               const Fact  *facts,
               guint        story)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "News from %s\n\n", stories[story].place);
  for (guint i = 0; i < FACTS_PER_ARTICLE; i++)
    {
      const Fact *fact = &facts[story * FACTS_PER_STORY +
                                g_rand_int_range (rand, 0, FACTS_PER_STORY)];

      write_fact (out, rand, &stories[story], fact);
      if (i % 3 == 2)
        g_string_append (out, "\n\n");
    }
  for (guint i = 0; i < FILLER_SENTENCES; i++)
    {
      g_string_append_printf (out, "The %s and the %s filled the %s. ",
                              filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))],
                              filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))],
                              filler[g_rand_int_range (rand, 0, G_N_ELEMENTS (filler))]);
    }

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(GListStore) sources = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(RshClustering) indexed = NULL;
  g_autoptr(RshClustering) naive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *denials = NULL;
  GListModel *mentions;
  Story stories[N_STORIES];
  Fact facts[N_STORIES * FACTS_PER_STORY];
  gint64 t0, t1, t2, t3, t4;
  guint n_mentions;

  for (guint s = 0; s < N_STORIES; s++)
    invent_story (rand, &stories[s]);
  for (guint i = 0; i < N_STORIES * FACTS_PER_STORY; i++)
    {
      facts[i].story = i / FACTS_PER_STORY;
      facts[i].subject = g_rand_int_range (rand, 0, 3);
      facts[i].verb = g_rand_int_range (rand, 0, G_N_ELEMENTS (verb_groups));
      facts[i].object = g_rand_int_range (rand, 0, 3);
      facts[i].number = g_rand_int_range (rand, 10, 5000);
    }

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *input = g_strdup_printf ("synthetic-%04u.txt", i);
      g_autofree char *text = write_article (rand, stories, facts, i % N_STORIES);
      g_autoptr(RshSource) source = rsh_source_new (input);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));

      if (!rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error))
        {
          g_printerr ("bench-align-scale: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_list_store_append (sources, source);
    }

  t0 = g_get_monotonic_time ();
  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  t1 = g_get_monotonic_time ();
  if (comparison == NULL)
    {
      g_printerr ("bench-align-scale: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The clustering step alone, on the same mentions, both ways. */
  lexicon = rsh_lexicon_load_default ("en", &error);
  if (lexicon == NULL)
    {
      g_printerr ("bench-align-scale: %s\n", error->message);
      return EXIT_FAILURE;
    }
  aligner = rsh_aligner_new (lexicon);
  mentions = rsh_comparison_get_mentions (comparison);
  n_mentions = g_list_model_get_n_items (mentions);
  texts = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  denials = g_new0 (gboolean, MAX (n_mentions, 1));
  for (guint i = 0; i < n_mentions; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      RshStance stance = rsh_mention_get_stance (mention);

      g_ptr_array_add (texts, rsh_aligner_analyze (aligner, rsh_mention_get_quote (mention),
                                                   -1, NULL));
      denials[i] = stance == RSH_STANCE_DENIES || stance == RSH_STANCE_DISPUTES;
    }

  t2 = g_get_monotonic_time ();
  indexed = rsh_aligner_cluster (aligner, texts, denials, NULL, FALSE);
  t3 = g_get_monotonic_time ();
  naive = rsh_aligner_cluster (aligner, texts, denials, NULL, TRUE);
  t4 = g_get_monotonic_time ();

  {
    guint agree = 0;

    /* Same partition: every text's claim has the same first member both ways. */
    g_autofree guint *first_a = g_new (guint, MAX (indexed->n_clusters, 1));
    g_autofree guint *first_b = g_new (guint, MAX (naive->n_clusters, 1));

    for (guint c = 0; c < indexed->n_clusters; c++)
      first_a[c] = G_MAXUINT;
    for (guint c = 0; c < naive->n_clusters; c++)
      first_b[c] = G_MAXUINT;
    for (guint i = 0; i < n_mentions; i++)
      {
        if (first_a[indexed->cluster[i]] == G_MAXUINT)
          first_a[indexed->cluster[i]] = i;
        if (first_b[naive->cluster[i]] == G_MAXUINT)
          first_b[naive->cluster[i]] = i;
        if (first_a[indexed->cluster[i]] == first_b[naive->cluster[i]])
          agree++;
      }

    g_print ("articles: %u, claim mentions: %u, claims: %u\n", N_ARTICLES, n_mentions,
             g_list_model_get_n_items (rsh_comparison_get_claims (comparison)));
    g_print ("whole comparison (attribution, actors, clustering, positions): %.2f s\n",
             (t1 - t0) / 1e6);
    g_print ("clustering with the inverted index: %.3f s, %" G_GUINT64_FORMAT
             " pairs compared, %u claims\n", (t3 - t2) / 1e6, indexed->n_compared,
             indexed->n_clusters);
    g_print ("clustering all pairs:               %.3f s, %" G_GUINT64_FORMAT
             " pairs compared, %u claims\n", (t4 - t3) / 1e6, naive->n_compared,
             naive->n_clusters);
    g_print ("all-pairs / indexed time: %.1f x; mentions placed alike: %.1f %%\n",
             (double) (t4 - t3) / MAX (t3 - t2, 1), 100.0 * agree / MAX (n_mentions, 1));
  }

  for (guint s = 0; s < N_STORIES; s++)
    story_clear (&stories[s]);

  return EXIT_SUCCESS;
}
