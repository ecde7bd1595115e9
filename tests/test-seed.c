/* test-seed.c: who said what in the shared seed article, as a careful reader finds it
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seed is read at run time from $RSH_SHARED_SEEDS, else ../shared/seeds next to the
 * source root; the test skips when it is absent. No text of the seed is kept here: each
 * expected statement is named by its cue, stance, speaker and the first and last words of
 * its content, and its quote is checked against the loaded text by code points.
 */

#include "config.h"

#include <string.h>

#include <rashomon.h>

#define SEED_NAME "000_4c740732f3693ef1.txt"

typedef struct
{
  const char *speaker;    /* a name or alias of the actor, or NULL for the outlet's voice */
  const char *cue;        /* NULL for the outlet's voice */
  RshStance   stance;
  int         hedged;     /* -1: either */
  const char *first_word; /* first and last words of the content */
  const char *last_word;
  const char *via;        /* a name of the relaying actor, or NULL */
} Expected;

/* From my reading of the seed. */
static const Expected expected[] = {
  /* The New York Times reported, on Tuesday, what Israeli intelligence saw. */
  { "New York Times", "said", RSH_STANCE_REPORTS, FALSE, "Israeli", "secrets", NULL },
  /* Germany disputes what US officials claim: collaboration or hijacking. */
  { "Germany", "disputed", RSH_STANCE_DISPUTES, FALSE, "the", "it", NULL },
  { "US officials", "claims", RSH_STANCE_REPORTS, TRUE, "the", "it", NULL },
  /* The BSI: "no evidence" for the reports, for misconduct; no indications; no plans. */
  { "BSI", "has no evidence", RSH_STANCE_DISPUTES, FALSE, "Russian", "programs", NULL },
  { "BSI", "has no evidence for", RSH_STANCE_DISPUTES, FALSE, "misconduct", "software", NULL },
  { "BSI", "has no indications", RSH_STANCE_DISPUTES, FALSE, "the", "media", NULL },
  { "BSI", "adding", RSH_STANCE_REPORTS, FALSE, "it", "products", NULL },
  /* The outlet itself reports the ban; the government gave its reason. */
  { NULL, NULL, RSH_STANCE_REPORTS, FALSE, "The", "month", NULL },
  { "US government", "saying", RSH_STANCE_REPORTS, FALSE, "the", "security", NULL },
  /* Kaspersky denies: not responsible, never helped any government (as quoted by the
   * Times), repeatedly denied ties. */
  { "Kaspersky", "said", RSH_STANCE_DENIES, -1, "it", "espionage", NULL },
  { "Kaspersky", "said in a statement", RSH_STANCE_DENIES, FALSE, "Kaspersky", "efforts",
    "New York Times" },
  { "Kaspersky", "denied", RSH_STANCE_DENIES, FALSE, "having", "Kremlin", NULL },
};

typedef struct
{
  char          *text;
  GPtrArray     *mentions;
  GListStore    *actors;
} Seed;

static void
seed_free (Seed *seed)
{
  g_free (seed->text);
  g_clear_pointer (&seed->mentions, g_ptr_array_unref);
  g_clear_object (&seed->actors);
  g_free (seed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Seed, seed_free)

static char *
seed_path (void)
{
  const char *dir = g_getenv ("RSH_SHARED_SEEDS");
  const char *root = g_getenv ("RSH_SOURCE_ROOT");

  if (dir != NULL)
    return g_build_filename (dir, SEED_NAME, NULL);
  if (root == NULL)
    return NULL;

  return g_build_filename (root, "..", "shared", "seeds", SEED_NAME, NULL);
}

static Seed *
load_seed (void)
{
  g_autofree char *path = seed_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Seed) seed = g_new0 (Seed, 1);
  const GArray *sentences;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  source = rsh_source_new (path);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
  g_assert_no_error (error);

  lexicon = rsh_lexicon_load_default ("en", &error);
  g_assert_no_error (error);

  seed->text = g_strdup (rsh_source_get_text (source));
  sentences = rsh_source_get_sentences (source);
  g_assert_nonnull (sentences);
  seed->mentions = rsh_attribute_text_full (lexicon, "seed", seed->text, sentences,
                                            RSH_ATTRIBUTE_OUTLET_VOICE, NULL, &error);
  g_assert_no_error (error);

  seed->actors = g_list_store_new (RSH_TYPE_ACTOR);
  g_ptr_array_add (lexicons, lexicon);
  g_ptr_array_add (sets, seed->mentions);
  rsh_actors_build (seed->actors, lexicons, sets);

  return g_steal_pointer (&seed);
}

static const char *
skip_article (const char *name)
{
  if (g_ascii_strncasecmp (name, "the ", 4) == 0)
    return name + 4;
  if (g_ascii_strncasecmp (name, "a ", 2) == 0)
    return name + 2;
  return name;
}

static gboolean
actor_has_name (RshActor   *actor,
                const char *name)
{
  const char * const *aliases = rsh_actor_get_aliases (actor);

  if (g_ascii_strcasecmp (skip_article (rsh_actor_get_name (actor)), name) == 0)
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (g_ascii_strcasecmp (skip_article (aliases[i]), name) == 0)
      return TRUE;

  return FALSE;
}

static RshActor *
find_actor (Seed       *seed,
            const char *name)
{
  GListModel *actors = G_LIST_MODEL (seed->actors);
  RshActor *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, i);

      if (actor_has_name (actor, name))
        {
          /* One name, one actor. */
          g_assert_null (found);
          found = actor;
        }
    }

  return found;
}

/* The first and last words of a quote, without quotation marks and punctuation. */
static gboolean
quote_has_ends (const char *quote,
                const char *first_word,
                const char *last_word)
{
  g_auto(GStrv) words = g_regex_split_simple ("[^\\p{L}\\p{N}]+", quote, 0, 0);
  guint n = g_strv_length (words);
  guint first = 0;

  while (first < n && words[first][0] == '\0')
    first++;
  while (n > first && words[n - 1][0] == '\0')
    n--;

  return n > first && strcmp (words[first], first_word) == 0 &&
         strcmp (words[n - 1], last_word) == 0;
}

static void
check_quote (const char *text,
             RshMention *mention)
{
  g_autofree char *expected_quote = rsh_substring (text, rsh_mention_get_start (mention),
                                                   rsh_mention_get_end (mention));

  g_assert_cmpstr (rsh_mention_get_quote (mention), ==, expected_quote);
  g_assert_cmpuint (g_utf8_strlen (expected_quote, -1), ==,
                    rsh_mention_get_end (mention) - rsh_mention_get_start (mention));
}

static void
test_statements (void)
{
  g_autoptr(Seed) seed = load_seed ();

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not available");
      return;
    }

  for (guint i = 0; i < seed->mentions->len; i++)
    check_quote (seed->text, g_ptr_array_index (seed->mentions, i));

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      const Expected *x = &expected[e];
      RshActor *actor = x->speaker != NULL ? find_actor (seed, x->speaker) : NULL;
      RshActor *via = x->via != NULL ? find_actor (seed, x->via) : NULL;
      RshMention *found = NULL;

      g_test_message ("expecting %s / %s … %s", x->cue ? x->cue : "(outlet)", x->first_word,
                      x->last_word);
      if (x->speaker != NULL)
        g_assert_nonnull (actor);
      if (x->via != NULL)
        g_assert_nonnull (via);

      for (guint i = 0; i < seed->mentions->len && found == NULL; i++)
        {
          RshMention *mention = g_ptr_array_index (seed->mentions, i);

          if (g_strcmp0 (rsh_mention_get_cue (mention), x->cue) == 0 &&
              quote_has_ends (rsh_mention_get_quote (mention), x->first_word, x->last_word) &&
              (actor == NULL) == (rsh_mention_get_actor_id (mention) == NULL) &&
              (actor == NULL ||
               g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) == 0))
            found = mention;
        }

      g_assert_nonnull (found);
      g_assert_cmpstr (rsh_stance_to_string (rsh_mention_get_stance (found)), ==,
                       rsh_stance_to_string (x->stance));
      if (x->hedged >= 0)
        g_assert_cmpint (rsh_mention_get_hedged (found), ==, x->hedged);
      if (via != NULL)
        g_assert_cmpstr (rsh_mention_get_via_actor_id (found), ==, rsh_actor_get_id (via));
      if (actor == NULL)
        g_assert_null (rsh_mention_get_speaker (found));
    }
}

static void
test_actors (void)
{
  g_autoptr(Seed) seed = load_seed ();
  static const char * const bsi_names[] = { "BSI", "German intelligence agency", NULL };
  static const char * const kaspersky_names[] = {
    "Kaspersky", "Kaspersky Lab", "company", "Moscow-based company", NULL
  };
  static const char * const distinct[] = {
    "BSI", "Kaspersky", "Germany", "US officials", "US government", "New York Times", NULL
  };
  RshActor *bsi;
  RshActor *kaspersky;
  RshActor *times;

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not available");
      return;
    }

  bsi = find_actor (seed, "BSI");
  g_assert_nonnull (bsi);
  g_assert_cmpint (rsh_actor_get_kind (bsi), ==, RSH_ACTOR_KIND_GOVERNMENT);
  for (guint i = 0; bsi_names[i]; i++)
    g_assert_true (find_actor (seed, bsi_names[i]) == bsi);

  kaspersky = find_actor (seed, "Kaspersky");
  g_assert_nonnull (kaspersky);
  g_assert_cmpint (rsh_actor_get_kind (kaspersky), ==, RSH_ACTOR_KIND_ORGANIZATION);
  for (guint i = 0; kaspersky_names[i]; i++)
    g_assert_true (find_actor (seed, kaspersky_names[i]) == kaspersky);

  times = find_actor (seed, "New York Times");
  g_assert_nonnull (times);
  g_assert_cmpint (rsh_actor_get_kind (times), ==, RSH_ACTOR_KIND_MEDIA);
  g_assert_true (find_actor (seed, "Times") == times);

  g_assert_cmpint (rsh_actor_get_kind (find_actor (seed, "Germany")), ==,
                   RSH_ACTOR_KIND_GOVERNMENT);
  g_assert_cmpint (rsh_actor_get_kind (find_actor (seed, "US officials")), ==,
                   RSH_ACTOR_KIND_GROUP);
  g_assert_cmpint (rsh_actor_get_kind (find_actor (seed, "US government")), ==,
                   RSH_ACTOR_KIND_GOVERNMENT);

  for (guint i = 0; distinct[i]; i++)
    for (guint j = i + 1; distinct[j]; j++)
      g_assert_true (find_actor (seed, distinct[i]) != find_actor (seed, distinct[j]));
}

/* The reader comment after the article and the links below it are not the outlet's voice:
 * no mention may start in the trailing block after the last statement of the article. */
static void
test_trailer (void)
{
  g_autoptr(Seed) seed = load_seed ();
  guint last_kaspersky_end = 0;
  const char *p;
  guint offset = 0;
  guint trailer_start = G_MAXUINT;

  if (seed == NULL)
    {
      g_test_skip ("the seed article is not available");
      return;
    }

  for (guint i = 0; i < seed->mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (seed->mentions, i);

      if (g_strcmp0 (rsh_mention_get_cue (mention), "denied") == 0)
        last_kaspersky_end = MAX (last_kaspersky_end, rsh_mention_get_end (mention));
    }
  g_assert_cmpuint (last_kaspersky_end, >, 0);

  /* The trailing block starts at the first blank line after the article's last statement. */
  for (p = seed->text; *p; p = g_utf8_next_char (p), offset++)
    {
      if (offset >= last_kaspersky_end && g_str_has_prefix (p, "\n\n"))
        {
          trailer_start = offset;
          break;
        }
    }
  g_assert_cmpuint (trailer_start, !=, G_MAXUINT);
  g_assert_cmpuint (g_utf8_strlen (p, -1), >, 20);

  for (guint i = 0; i < seed->mentions->len; i++)
    g_assert_cmpuint (rsh_mention_get_start (g_ptr_array_index (seed->mentions, i)), <,
                      trailer_start);
}


/* The seed as a one-source comparison, published on @published or undated. */
static RshComparison *
analyze_seed (const char *published)
{
  g_autofree char *path = seed_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(GError) error = NULL;
  RshComparison *comparison;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  source = rsh_source_new (path);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
  g_assert_no_error (error);
  if (published != NULL)
    {
      g_assert_true (rsh_source_set_published (source, published, &error));
      g_assert_no_error (error);
    }
  g_list_store_append (store, source);
  comparison = rsh_comparison_analyze (G_LIST_MODEL (store), NULL, NULL, &error);
  g_assert_no_error (error);

  return comparison;
}

/* Undated, the seed's relative times ("on Tuesday", "last month") get no day; dated, the
 * ban (September, as the government gave it and as the outlet's "last month" is about)
 * comes before the Times report of 10 October, and that before the BSI's 11 October. */
static void
test_timeline (void)
{
  g_autoptr(RshComparison) undated = analyze_seed (NULL);
  g_autoptr(RshComparison) dated = NULL;
  const GPtrArray *timeline;
  int ban = -1, times = -1, bsi = -1;
  gboolean about_ban = FALSE;

  if (undated == NULL)
    {
      g_test_skip ("the seed article is not available");
      return;
    }

  timeline = rsh_comparison_get_timeline (undated);
  g_assert_cmpuint (timeline->len, >, 0);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      g_assert_true (event->earliest == NULL || event->latest == NULL ||
                     g_strcmp0 (event->earliest, event->latest) != 0 ||
                     event->certainty == RSH_TIME_CERTAINTY_STATED);
      g_assert_cmpint (event->certainty, !=, RSH_TIME_CERTAINTY_PUBLISHED);
      if (event->about_text != NULL && event->about_text[0] != '2')
        g_assert_true (event->about_earliest == NULL && event->about_latest == NULL);
    }

  dated = analyze_seed ("2017-10-11");
  timeline = rsh_comparison_get_timeline (dated);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (ban < 0 && g_strcmp0 (event->earliest, "2017-09") == 0)
        ban = i;
      if (times < 0 && g_strcmp0 (event->earliest, "2017-10-10") == 0 &&
          strstr (event->label, "Times") != NULL)
        times = i;
      if (bsi < 0 && g_strcmp0 (event->earliest, "2017-10-11") == 0 &&
          strstr (event->label, "BSI") != NULL)
        bsi = i;
      if (g_strcmp0 (event->about_text, "last month") == 0)
        {
          /* said when published, about the month before */
          g_assert_cmpstr (event->earliest, ==, "2017-10-11");
          g_assert_cmpstr (event->about_earliest, ==, "2017-09");
          g_assert_cmpstr (event->about_latest, ==, "2017-09");
          about_ban = TRUE;
        }
    }
  g_assert_cmpint (ban, >=, 0);
  g_assert_cmpint (ban, <, times);
  g_assert_cmpint (times, <, bsi);
  g_assert_true (about_ban);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/statements", test_statements);
  g_test_add_func ("/seed/actors", test_actors);
  g_test_add_func ("/seed/trailer", test_trailer);
  g_test_add_func ("/seed/timeline", test_timeline);

  return g_test_run ();
}
