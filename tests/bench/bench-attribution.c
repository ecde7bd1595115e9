/* bench-attribution.c: who said what over the FNC-1 train bodies: counts, a sample to read,
 * and the time to segment and attribute them all on one core
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads fnc1/train_bodies.csv from $RSH_SHARED_DATA, else ../shared/data next to the source
 * root, at run time; exits 0 with a message when it is absent. Prints figures only.
 */

#include "config.h"

#include <stdio.h>

#include <rashomon.h>

#include "bench-align-util.h"

#define SAMPLE_SIZE 25
#define QUOTE_CHARS 90

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *counts = user_data;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) b));

  return ca < cb ? 1 : ca > cb ? -1 : g_strcmp0 (*(const char **) a, *(const char **) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = bench_data_dir ();
  g_autofree char *path = g_build_filename (dir, "fnc1", "train_bodies.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(GListStore) actors = g_list_store_new (RSH_TYPE_ACTOR);
  g_autoptr(GHashTable) cues = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cue_list = g_ptr_array_new ();
  g_autoptr(GTimer) timer = NULL;
  guint by_stance[RSH_STANCE_DISPUTES + 1] = { 0, };
  guint n_hedged = 0;
  guint n_attributed = 0;
  guint n_outlet = 0;
  guint n_sentences = 0;
  guint n_quoted = 0;
  guint n_via = 0;
  guint n_bodies;
  guint by_kind[RSH_ACTOR_KIND_GROUP + 1] = { 0, };
  double attributed_seconds;
  double outlet_seconds;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("bench-attribution: %s is absent; nothing to measure\n", path);
      return 0;
    }

  rows = bench_read_csv (path, &error);
  if (rows == NULL)
    {
      g_printerr ("bench-attribution: %s\n", error->message);
      return 1;
    }
  lexicon = rsh_lexicon_load_default ("en", &error);
  g_assert_no_error (error);
  n_bodies = rows->len - 1;

  /* Segmented and attributed (cued statements only), as one core does it. */
  timer = g_timer_new ();
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GArray) sentences = NULL;
      GPtrArray *mentions;

      if (g_strv_length (row) < 2)
        continue;
      sentences = rsh_segment_sentences (row[1], "en", NULL);
      if (sentences == NULL)
        continue;
      n_sentences += sentences->len;
      mentions = rsh_attribute_text (lexicon, row[0], row[1], sentences, NULL, NULL);
      g_ptr_array_add (sets, mentions);
      g_ptr_array_add (lexicons, lexicon);
    }
  attributed_seconds = g_timer_elapsed (timer, NULL);

  /* The same with the outlet's own assertions. */
  g_timer_start (timer);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GArray) sentences = NULL;
      g_autoptr(GPtrArray) mentions = NULL;

      if (g_strv_length (row) < 2)
        continue;
      sentences = rsh_segment_sentences (row[1], "en", NULL);
      if (sentences == NULL)
        continue;
      mentions = rsh_attribute_text_full (lexicon, row[0], row[1], sentences,
                                          RSH_ATTRIBUTE_OUTLET_VOICE, NULL, NULL);
      for (guint i = 0; i < mentions->len; i++)
        if (rsh_mention_get_speaker (g_ptr_array_index (mentions, i)) == NULL &&
            rsh_mention_get_cue (g_ptr_array_index (mentions, i)) == NULL)
          n_outlet++;
    }
  outlet_seconds = g_timer_elapsed (timer, NULL);

  rsh_actors_build (actors, lexicons, sets);

  for (guint s = 0; s < sets->len; s++)
    {
      GPtrArray *mentions = g_ptr_array_index (sets, s);

      for (guint i = 0; i < mentions->len; i++)
        {
          RshMention *mention = g_ptr_array_index (mentions, i);
          const char *cue = rsh_mention_get_cue (mention);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (cues, cue));

          n_attributed++;
          by_stance[rsh_mention_get_stance (mention)]++;
          n_hedged += rsh_mention_get_hedged (mention);
          n_quoted += rsh_mention_get_quoted (mention) != NULL;
          n_via += rsh_mention_get_via (mention) != NULL;
          if (count == 0)
            g_ptr_array_add (cue_list, (gpointer) cue);
          g_hash_table_insert (cues, (gpointer) cue, GUINT_TO_POINTER (count + 1));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (actors)); i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);

      by_kind[rsh_actor_get_kind (actor)]++;
    }

  g_print ("FNC-1 train bodies: %u bodies, %u sentences\n", n_bodies, n_sentences);
  g_print ("time, segment + attribute (cued):         %.2f s (%.2f ms per body)\n",
           attributed_seconds, 1000 * attributed_seconds / MAX (n_bodies, 1));
  g_print ("time, segment + attribute (+outlet voice): %.2f s\n", outlet_seconds);
  g_print ("attributed statements: %u (%.2f per body), hedged %u\n", n_attributed,
           (double) n_attributed / MAX (n_bodies, 1), n_hedged);
  g_print ("  reports %u, confirms %u, denies %u, disputes %u\n",
           by_stance[RSH_STANCE_REPORTS], by_stance[RSH_STANCE_CONFIRMS],
           by_stance[RSH_STANCE_DENIES], by_stance[RSH_STANCE_DISPUTES]);
  g_print ("  chains: %u quoting, %u relayed\n", n_quoted, n_via);
  g_print ("outlet's own assertions: %u\n", n_outlet);
  g_print ("actors: %u (person %u, organization %u, government %u, media %u, group %u, "
           "unknown %u)\n",
           g_list_model_get_n_items (G_LIST_MODEL (actors)),
           by_kind[RSH_ACTOR_KIND_PERSON], by_kind[RSH_ACTOR_KIND_ORGANIZATION],
           by_kind[RSH_ACTOR_KIND_GOVERNMENT], by_kind[RSH_ACTOR_KIND_MEDIA],
           by_kind[RSH_ACTOR_KIND_GROUP], by_kind[RSH_ACTOR_KIND_UNKNOWN]);

  g_ptr_array_sort_with_data (cue_list, compare_counts, cues);
  g_print ("top cues:");
  for (guint i = 0; i < cue_list->len && i < 12; i++)
    g_print (" %s %u%s", (char *) g_ptr_array_index (cue_list, i),
             GPOINTER_TO_UINT (g_hash_table_lookup (cues, g_ptr_array_index (cue_list, i))),
             i + 1 < MIN (cue_list->len, 12) ? "," : "\n");

  /* A sample to read by hand: evenly spread over the bodies. */
  g_print ("\nsample (speaker | cue | stance | content):\n");
  for (guint k = 0, step = MAX (sets->len / SAMPLE_SIZE, 1); k < sets->len; k += step)
    {
      GPtrArray *mentions = g_ptr_array_index (sets, k);
      RshMention *mention;
      g_autofree char *quote = NULL;

      if (mentions->len == 0)
        continue;
      mention = g_ptr_array_index (mentions, mentions->len / 2);
      quote = g_utf8_substring (rsh_mention_get_quote (mention), 0,
                                MIN (QUOTE_CHARS, g_utf8_strlen (rsh_mention_get_quote (mention), -1)));
      g_print ("  %s | %s | %s%s | %s\n", rsh_mention_get_speaker (mention),
               rsh_mention_get_cue (mention),
               rsh_stance_to_string (rsh_mention_get_stance (mention)),
               rsh_mention_get_hedged (mention) ? " (hedged)" : "", quote);
    }

  return 0;
}
