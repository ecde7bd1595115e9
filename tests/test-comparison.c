/* test-comparison.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include <rashomon.h>

#include "app/core/rsh-correction-private.h"

/* Two short invented accounts of one event. */
static const char text_a[] =
  "Flooding at Brenn Valley\n\n"
  "Kelvar Industries denied that the river was polluted. "
  "The Water Agency said the samples from Brenn were clean. "
  "Officials said the pumps were restarted on Monday.";

static const char text_b[] =
  "Brenn river worries grow\n\n"
  "The river was polluted, according to the water agency. "
  "Residents reportedly saw dead fish near the weir. "
  "Söderholm’s mayor confirmed that the beach at Brenn would stay closed.";

static RshSource *
make_source (const char *input,
             const char *text,
             const char *id,
             const char *published)
{
  g_autoptr(RshSource) source = rsh_source_new (input);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  if (id != NULL)
    rsh_source_set_id (source, id);
  if (published != NULL)
    {
      g_assert_true (rsh_source_set_published (source, published, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&source);
}

static GListStore *
make_sources (void)
{
  GListStore *store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) a = make_source ("a.txt", text_a, NULL, "2026-03-04");
  g_autoptr(RshSource) pending = rsh_source_new ("never-loaded.txt");
  g_autoptr(RshSource) b = make_source ("b.txt", text_b, "b", NULL);

  rsh_source_set_outlet (a, "Valley Courier");
  g_list_store_append (store, a);
  /* Not ready: skipped, and no id is used up for it. */
  g_list_store_append (store, pending);
  g_list_store_append (store, b);

  return store;
}

static RshClaim *
find_claim (RshComparison *comparison,
            const char    *text)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (g_ascii_strcasecmp (rsh_claim_get_text (claim), text) == 0)
        return claim;
    }

  return NULL;
}

static void
assert_position (RshClaim   *claim,
                 const char *source_id,
                 RshStance   stance,
                 gboolean    hedged)
{
  gboolean actual_hedged = !hedged;
  RshStance actual = rsh_claim_get_position (claim, source_id, &actual_hedged);

  g_assert_cmpstr (rsh_stance_to_string (actual), ==, rsh_stance_to_string (stance));
  g_assert_cmpint (actual_hedged, ==, hedged);
}

static void
test_positions (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshSource) first = g_list_model_get_item (G_LIST_MODEL (sources), 0);
  RshClaim *polluted;
  RshClaim *pumps;
  GListModel *claims;

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  g_assert_no_error (error);

  /* The pending source is skipped; the id-less one is named by its position. */
  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_sources (comparison)), ==, 2);
  g_assert_cmpstr (rsh_comparison_get_source_id (comparison, 0), ==, "s1");
  g_assert_cmpstr (rsh_comparison_get_source_id (comparison, 1), ==, "b");
  g_assert_null (rsh_source_get_id (first));

  /* The same content in both sources is one claim: denied in one, relayed in the other. */
  polluted = find_claim (comparison, "the river was polluted");
  g_assert_nonnull (polluted);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_claim_get_mentions (polluted)), ==, 2);
  assert_position (polluted, "s1", RSH_STANCE_DENIES, TRUE);
  assert_position (polluted, "b", RSH_STANCE_REPORTS, TRUE);

  /* Mentioned only in the first source: absent from the second. */
  pumps = find_claim (comparison, "the pumps were restarted on Monday");
  g_assert_nonnull (pumps);
  assert_position (pumps, "s1", RSH_STANCE_REPORTS, TRUE);
  assert_position (pumps, "b", RSH_STANCE_ABSENT, FALSE);

  claims = rsh_comparison_get_claims (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      g_assert_false (rsh_claim_get_user_defined (claim));
      g_assert_cmpuint (g_list_model_get_n_items (mentions), >, 0);
      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          /* Every mention's source has a position other than absent. */
          g_assert_cmpint (rsh_claim_get_position (claim, rsh_mention_get_source_id (mention),
                                                   NULL), !=, RSH_STANCE_ABSENT);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_mentions (comparison)), ==,
                    rsh_comparison_get_timeline (comparison)->len);
}

static void
test_actors_merge (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *actors;
  GListModel *mentions;
  RshActor *agency = NULL;
  guint agency_sources = 0;

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  g_assert_no_error (error);

  actors = rsh_comparison_get_actors (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *expected_id = g_strdup_printf ("a%u", i + 1);

      g_assert_cmpstr (rsh_actor_get_id (actor), ==, expected_id);
      g_assert_true (rsh_comparison_lookup_actor (comparison, expected_id) == actor);
      if (g_ascii_strcasecmp (rsh_actor_get_name (actor), "the water agency") == 0)
        {
          /* One actor for both spellings. */
          g_assert_null (agency);
          agency = actor;
        }
    }

  g_assert_nonnull (agency);
  g_assert_cmpint (rsh_actor_get_kind (agency), ==, RSH_ACTOR_KIND_GOVERNMENT);
  /* Spellings that differ only in case are one spelling, not an alias. */
  g_assert_null (rsh_actor_get_aliases (agency)[0]);

  mentions = rsh_comparison_get_mentions (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (agency)) == 0)
        agency_sources |= g_str_equal (rsh_mention_get_source_id (mention), "s1") ? 1 : 2;
    }
  g_assert_cmpuint (agency_sources, ==, 3);
}

static void
test_tracked_claim (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshClaim) fish = NULL;
  g_autoptr(RshClaim) unmatched = NULL;
  g_autoptr(RshMention) mention = NULL;
  const char * const tracked[] = {
    "Dead fish were seen in the river",
    "Volcanic ash grounded every flight",
    NULL
  };

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), tracked, NULL, &error);
  g_assert_no_error (error);

  fish = g_list_model_get_item (rsh_comparison_get_claims (comparison), 0);
  g_assert_cmpstr (rsh_claim_get_id (fish), ==, "c1");
  g_assert_cmpstr (rsh_claim_get_text (fish), ==, tracked[0]);
  g_assert_true (rsh_claim_get_user_defined (fish));
  g_assert_cmpuint (g_list_model_get_n_items (rsh_claim_get_mentions (fish)), ==, 1);
  assert_position (fish, "s1", RSH_STANCE_ABSENT, FALSE);
  /* The outlet's own voice, kept at a distance by "reportedly". */
  assert_position (fish, "b", RSH_STANCE_REPORTS, TRUE);

  mention = g_list_model_get_item (rsh_claim_get_mentions (fish), 0);
  g_assert_null (rsh_mention_get_speaker (mention));
  g_assert_null (rsh_mention_get_actor_id (mention));
  g_assert_cmpstr (rsh_mention_get_quote (mention), ==,
                   "Residents reportedly saw dead fish near the weir.");

  unmatched = g_list_model_get_item (rsh_comparison_get_claims (comparison), 1);
  g_assert_cmpstr (rsh_claim_get_text (unmatched), ==, tracked[1]);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_claim_get_mentions (unmatched)), ==, 0);
  assert_position (unmatched, "s1", RSH_STANCE_ABSENT, FALSE);
  assert_position (unmatched, "b", RSH_STANCE_ABSENT, FALSE);
}

static void
assert_members (JsonObject         *object,
                const char * const *members)
{
  for (guint i = 0; members[i]; i++)
    {
      if (!json_object_has_member (object, members[i]))
        g_error ("member “%s” missing", members[i]);
    }
}

/* The outlet's own assertions are claims it states itself: no speaker, no cue, not
 * hedged, never a second copy of an attributed statement, labelled with the outlet. */
static void
test_outlet_voice (void)
{
  const char *text = "Ærø ferry halted\n\n"
                     "The ferry to Ærø stopped running on Friday. "
                     "Harbour master Lise Dahl said the engine had failed. "
                     "Søby’s council banned the old ferries, saying they were unsafe. "
                     "Did the crew know?";
  g_autoptr(RshSource) source = make_source ("ferry.txt", text, NULL, "2026-05-02");
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *mentions;
  const GPtrArray *timeline;
  RshClaim *ferry;
  guint n_voice = 0;
  guint n_labels = 0;

  rsh_source_set_outlet (source, "Fjord Times");
  g_list_store_append (store, source);
  comparison = rsh_comparison_analyze (G_LIST_MODEL (store), NULL, NULL, &error);
  g_assert_no_error (error);

  mentions = rsh_comparison_get_mentions (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *span = g_utf8_substring (text, rsh_mention_get_start (mention),
                                                rsh_mention_get_end (mention));

      /* Offsets count code points: the quote is exactly the text they span. */
      g_assert_cmpstr (rsh_mention_get_quote (mention), ==, span);
      g_assert_null (strstr (span, "crew"));
      if (rsh_mention_get_speaker (mention) != NULL || rsh_mention_get_cue (mention) != NULL)
        continue;

      n_voice++;
      g_assert_cmpint (rsh_mention_get_stance (mention), ==, RSH_STANCE_REPORTS);
      g_assert_false (rsh_mention_get_hedged (mention));
      g_assert_cmpstr (rsh_mention_get_outlet (mention), ==, "Fjord Times");
      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(RshMention) other = g_list_model_get_item (mentions, j);

          if (rsh_mention_get_speaker (other) == NULL && rsh_mention_get_cue (other) == NULL)
            continue;
          /* Never the same words again in the outlet's voice. */
          g_assert_true (rsh_mention_get_end (other) <= rsh_mention_get_start (mention) ||
                         rsh_mention_get_end (mention) <= rsh_mention_get_start (other));
        }
    }
  /* The ferry stopping, and the council's ban before its reason. */
  g_assert_cmpuint (n_voice, ==, 2);

  ferry = find_claim (comparison, "The ferry to Ærø stopped running on Friday");
  g_assert_nonnull (ferry);
  assert_position (ferry, "s1", RSH_STANCE_REPORTS, FALSE);

  timeline = rsh_comparison_get_timeline (comparison);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (event->actor_id != NULL)
        continue;
      g_assert_true (g_str_has_prefix (event->label, "Fjord Times reports: "));
      n_labels++;
    }
  g_assert_cmpuint (n_labels, ==, n_voice);
}

static void
test_json_round_trip (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char * const tracked[] = { "the beach at Brenn would stay closed", NULL };
  static const char * const top_members[] = {
    "format", "version", "generator", "sources", "actors", "claims", "timeline", NULL };
  static const char * const source_members[] = {
    "id", "input", "url", "title", "outlet", "authors", "published", "language", "text",
    "duplicate_of", "timexes", NULL };
  static const char * const mention_members[] = {
    "source", "start", "end", "quote", "actor", "cue", "stance", "hedged", "time", NULL };
  static const char * const event_members[] = {
    "claim", "actor", "source", "stance", "earliest", "latest", "label", "certainty", "about",
    NULL };
  JsonObject *root;
  JsonArray *array;
  JsonArray *claims;
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), tracked, NULL, &error);
  g_assert_no_error (error);
  json = rsh_comparison_to_json (comparison);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  assert_members (root, top_members);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rashomon-comparison");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "generator"), ==,
                   "rashomon " PACKAGE_VERSION);

  array = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *source = json_array_get_object_element (array, i);
      JsonArray *timexes;

      assert_members (source, source_members);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (source, "authors")));
      timexes = json_object_get_array_member (source, "timexes");
      /* The first account's "on Monday" is the only time expression of the two. */
      g_assert_cmpuint (json_array_get_length (timexes), ==, i == 0 ? 1 : 0);
      if (i == 0)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timexes, 0),
                                                        "text"), ==, "Monday");
      g_assert_true (json_object_get_null_member (source, "duplicate_of"));
      g_hash_table_insert (texts, (gpointer) json_object_get_string_member (source, "id"),
                           (gpointer) json_object_get_string_member (source, "text"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "outlet"), ==, "Valley Courier");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "published"), ==, "2026-03-04");

  claims = json_object_get_array_member (root, "claims");
  g_assert_cmpuint (json_array_get_length (claims), >, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (claims, 0),
                                                 "user_defined"));
  for (guint c = 0; c < json_array_get_length (claims); c++)
    {
      JsonObject *claim = json_array_get_object_element (claims, c);
      JsonArray *mentions = json_object_get_array_member (claim, "mentions");
      JsonArray *positions = json_object_get_array_member (claim, "positions");

      g_assert_true (json_object_has_member (claim, "id"));
      g_assert_true (json_object_has_member (claim, "text"));
      g_assert_cmpuint (json_array_get_length (positions), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (positions, 0),
                                                      "source"), ==, "s1");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (positions, 1),
                                                      "source"), ==, "b");

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);
          const char *text;
          g_autofree char *expected = NULL;
          RshStance stance;

          assert_members (mention, mention_members);
          text = g_hash_table_lookup (texts, json_object_get_string_member (mention, "source"));
          g_assert_nonnull (text);
          expected = rsh_substring (text, json_object_get_int_member (mention, "start"),
                                    json_object_get_int_member (mention, "end"));
          g_assert_cmpstr (json_object_get_string_member (mention, "quote"), ==, expected);
          g_assert_true (rsh_stance_from_string (json_object_get_string_member (mention, "stance"),
                                                 &stance));
          g_assert_cmpint (stance, !=, RSH_STANCE_ABSENT);
          /* Only the statement about Monday carries a time of its own. */
          if (strstr (expected, "Monday") != NULL)
            g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (mention,
                                                                                           "time"),
                                                            "text"), ==, "Monday");
          else
            g_assert_true (json_object_get_null_member (mention, "time"));
        }
    }

  array = json_object_get_array_member (root, "timeline");
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *event = json_array_get_object_element (array, i);

      assert_members (event, event_members);
      g_assert_cmpint (g_utf8_strlen (json_object_get_string_member (event, "label"), -1), <=, 80);
      /* Events of the dated source fall on its date, or on the Monday before it that the
       * pumps statement names. */
      if (g_str_equal (json_object_get_string_member (event, "source"), "s1"))
        g_assert_true (g_strcmp0 (json_object_get_string_member (event, "earliest"),
                                  "2026-03-04") == 0 ||
                       (strstr (json_object_get_string_member (event, "label"), "pumps") &&
                        g_strcmp0 (json_object_get_string_member (event, "earliest"),
                                   "2026-03-02") == 0));
      else
        g_assert_true (json_object_get_null_member (event, "earliest"));
    }

  array = json_object_get_array_member (root, "actors");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *actor = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (actor, "id"));
      g_assert_true (json_object_has_member (actor, "name"));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (actor, "aliases")));
      g_assert_true (json_object_has_member (actor, "kind"));
    }

}

static void
test_csv (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const tracked[] = { "=1+1 \"river\" polluted", NULL };
  gsize size;

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), tracked, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rsh_comparison_write (comparison, RSH_EXPORT_CSV, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  csv = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), size);
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "\"claim\",\"Valley Courier (s1)\",\"Brenn river worries grow (b)\"");
  /* A formula-like claim is defused, and inner quotes are doubled (RFC 4180). */
  g_assert_true (g_str_has_prefix (lines[1], "\"'=1+1 \"\"river\"\" polluted\","));
  g_assert_cmpuint (g_strv_length (lines), ==,
                    g_list_model_get_n_items (rsh_comparison_get_claims (comparison)) + 2);
  g_assert_nonnull (strstr (csv, "\"denies (hedged)\""));
  g_assert_nonnull (strstr (csv, "\"absent\""));
}

static void
analyze_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GListStore) sources = make_sources ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(RshComparison) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_async = NULL;
  g_autofree char *json_sync = NULL;

  rsh_comparison_analyze_async (G_LIST_MODEL (sources), NULL, NULL, analyze_cb, &result);
  /* The worker has copies: emptying the caller's list changes nothing. */
  g_list_store_remove_all (sources);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  comparison = rsh_comparison_analyze_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_sources (comparison)), ==, 2);

  g_clear_object (&sources);
  sources = make_sources ();
  sync = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  g_assert_no_error (error);
  json_async = rsh_comparison_to_json (comparison);
  json_sync = rsh_comparison_to_json (sync);
  g_assert_cmpstr (json_async, ==, json_sync);

  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  rsh_comparison_analyze_async (G_LIST_MODEL (sources), NULL, cancellable, analyze_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rsh_comparison_analyze_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}


/* The first event of @source_id whose label holds @word. */
static const RshTimelineEvent *
find_event (RshComparison *comparison,
            const char    *source_id,
            const char    *word)
{
  const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);

  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (g_strcmp0 (event->source_id, source_id) == 0 && strstr (event->label, word) != NULL)
        return event;
    }

  return NULL;
}

static void
assert_sorted (RshComparison *comparison)
{
  const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);

  for (guint i = 1; i < timeline->len; i++)
    g_assert_cmpint (rsh_timeline_event_compare (g_ptr_array_index (timeline, i - 1),
                                                 g_ptr_array_index (timeline, i)), <=, 0);
}

static RshComparison *
analyze_store (GListStore *store)
{
  g_autoptr(GError) error = NULL;
  RshComparison *comparison = rsh_comparison_analyze (G_LIST_MODEL (store), NULL, NULL, &error);

  g_assert_no_error (error);
  return comparison;
}

/* When a statement was made and when what it talks about happened are two dates: the first
 * from the statement's own time (else the publication), the second from a time inside its
 * content, resolved against the first. */
static void
test_event_time (void)
{
  /* 2026-03-05 is a Thursday; 2026-03-02 a Monday. */
  const char *leak = "Leak at Orsk plant\n\n"
                     "The agency said on Tuesday that the leak began in 2014. "
                     "Plant workers said the valves were replaced last month.";
  const char *ban = "Fishing ban upheld\n\n"
                    "The regulator said on Friday that the ban began last month.";
  g_autoptr(RshSource) a = make_source ("leak.txt", leak, "leak", "2026-03-05");
  g_autoptr(RshSource) b = make_source ("ban.txt", ban, "ban", "2026-03-02");
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(RshComparison) corrected = NULL;
  g_autoptr(GPtrArray) corrections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const RshTimelineEvent *event;
  JsonArray *array;
  gboolean found = FALSE;

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  comparison = analyze_store (store);
  assert_sorted (comparison);

  event = find_event (comparison, "leak", "leak began");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-03-03");
  g_assert_cmpstr (event->latest, ==, "2026-03-03");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_STATED);
  g_assert_cmpstr (event->about_text, ==, "2014");
  g_assert_cmpstr (event->about_earliest, ==, "2014");
  g_assert_cmpstr (event->about_latest, ==, "2014");
  {
    g_autofree char *quote = g_utf8_substring (leak, event->start, event->end);

    g_assert_nonnull (strstr (quote, "leak began in 2014"));
  }

  /* No time of its own: said when published, about the month before. */
  event = find_event (comparison, "leak", "valves");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-03-05");
  g_assert_cmpstr (event->latest, ==, "2026-03-05");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_PUBLISHED);
  g_assert_cmpstr (event->about_text, ==, "last month");
  g_assert_cmpstr (event->about_earliest, ==, "2026-02");

  /* "last month" counts from the Friday it was said, not from Monday's publication. */
  event = find_event (comparison, "ban", "ban began");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-02-27");
  g_assert_cmpstr (event->about_earliest, ==, "2026-01");
  g_assert_cmpstr (event->about_latest, ==, "2026-01");

  /* The statement time stays the event's place: Friday's statement comes before Tuesday's. */
  {
    const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);
    const RshTimelineEvent *first = g_ptr_array_index (timeline, 0);

    g_assert_cmpstr (first->source_id, ==, "ban");
  }

  json = rsh_comparison_to_json (comparison);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "timeline");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonObject *about;

      if (strstr (json_object_get_string_member (object, "label"), "leak began") == NULL)
        continue;
      about = json_object_get_object_member (object, "about");
      g_assert_cmpstr (json_object_get_string_member (about, "text"), ==, "2014");
      g_assert_cmpstr (json_object_get_string_member (about, "earliest"), ==, "2014");
      g_assert_cmpstr (json_object_get_string_member (object, "earliest"), ==, "2026-03-03");
      g_assert_cmpstr (json_object_get_string_member (object, "certainty"), ==, "stated");
      found = TRUE;
    }
  g_assert_true (found);

  /* A correction replayed keeps both dates of every statement. */
  {
    GListModel *mentions = rsh_comparison_get_mentions (comparison);

    for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
      {
        g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
        g_autofree char *id = NULL;

        if (strstr (rsh_mention_get_quote (mention), "leak began") == NULL)
          continue;
        id = rsh_correction_dup_mention_id (mention);
        g_ptr_array_add (corrections,
                         rsh_correction_new_set_stance (comparison, id, RSH_STANCE_DISPUTES,
                                                        -1, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_cmpuint (corrections->len, ==, 1);
  corrected = rsh_correction_replay (comparison, corrections);
  g_assert_true (corrected != comparison);
  assert_sorted (corrected);
  event = find_event (corrected, "leak", "leak began");
  g_assert_nonnull (event);
  g_assert_cmpint (event->stance, ==, RSH_STANCE_DISPUTES);
  g_assert_cmpstr (event->earliest, ==, "2026-03-03");
  g_assert_cmpstr (event->about_text, ==, "2014");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_STATED);
}

/* Three invented accounts of a council row: the Gazette's dated report, an undated radio
 * piece answering "Tuesday's report in the Gazette", and a dated follow-up that cites the
 * radio. */
static const char gazette_text[] =
  "Eastport council paid twice\n\n"
  "The council paid twice for dredging the eastern basin, records show. "
  "Councillor Mira Holt said the bills were never checked.";
static const char radio_text[] =
  "Council rejects dredging story\n\n"
  "The council denied Tuesday's report in the Gazette that it paid twice for dredging. "
  "A spokesman said on Tuesday that the records had been misread.";
static const char courier_text[] =
  "Dredging row goes on\n\n"
  "The council told Coast Radio that the records had been misread. "
  "The auditor said on Monday that the costs would be reviewed.";

static GListStore *
make_dredging_story (const char *radio_published)
{
  GListStore *store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) gazette = make_source ("gazette.txt", gazette_text, "gazette",
                                              "2026-03-10");
  g_autoptr(RshSource) radio = make_source ("radio.txt", radio_text, "radio", radio_published);
  g_autoptr(RshSource) courier = make_source ("courier.txt", courier_text, "courier",
                                              "2026-03-20");

  rsh_source_set_outlet (gazette, "The Harbour Gazette");
  rsh_source_set_outlet (radio, "Coast Radio");
  rsh_source_set_outlet (courier, "Valley Courier");
  g_list_store_append (store, radio);
  g_list_store_append (store, gazette);
  g_list_store_append (store, courier);

  return store;
}

/* An undated source is no older than the dated report it answers and no younger than the
 * dated one that cites it; its "Tuesday" gets no precise date. */
static void
test_undated_cites (void)
{
  g_autoptr(GListStore) store = make_dredging_story (NULL);
  g_autoptr(RshComparison) comparison = analyze_store (store);
  const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);
  guint n_radio = 0;
  gboolean past_gazette = FALSE;

  assert_sorted (comparison);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (g_strcmp0 (event->source_id, "radio") != 0)
        {
          /* every Gazette statement comes before the radio's */
          if (g_strcmp0 (event->source_id, "gazette") == 0)
            g_assert_false (past_gazette);
          continue;
        }
      past_gazette = TRUE;
      g_assert_cmpstr (event->earliest, ==, "2026-03-10");
      g_assert_cmpstr (event->latest, ==, "2026-03-20");
      g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_INFERRED);
      /* Tuesday's report in the Gazette names no date of its own */
      g_assert_null (event->about_earliest);
      g_assert_null (event->about_latest);
      n_radio++;
    }
  g_assert_cmpuint (n_radio, >=, 2);
  g_assert_true (past_gazette);

  /* The courier's auditor spoke on the Monday before its Friday. */
  g_assert_cmpstr (find_event (comparison, "courier", "costs")->earliest, ==, "2026-03-16");
}

/* An undated source cites a dated one without naming its outlet: by one of its authors,
 * or by quoting its headline. Either puts it after that source. */
static void
test_undated_cites_author_or_headline (void)
{
  static const char dated_text[] =
    "Pier repairs to cost twice the estimate\n\nBy Lena Ortiz\n\n"
    "The harbour board said on Monday that the pier repairs would cost twice the estimate.";
  static const char by_author[] =
    "Board faces questions\n\n"
    "Lena Ortiz reported this week that the repairs would cost twice the estimate. "
    "The mayor said the board must explain the difference.";
  static const char by_headline[] =
    "Readers react\n\n"
    "The story headlined \u201cPier repairs to cost twice the estimate\u201d drew many letters. "
    "A reader said the pier should be closed.";
  static const char unrelated[] =
    "Ferry timetable changes\n\n"
    "The ferry company said the winter timetable starts in November.";
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) dated = make_source ("dated.txt", dated_text, "dated", "2026-05-04");
  g_autoptr(RshSource) author = make_source ("author.txt", by_author, "author", NULL);
  g_autoptr(RshSource) headline = make_source ("headline.txt", by_headline, "headline", NULL);
  g_autoptr(RshSource) other = make_source ("other.txt", unrelated, "other", NULL);
  g_autoptr(RshComparison) comparison = NULL;
  const RshTimelineEvent *event;

  g_assert_cmpstr (rsh_source_get_authors (dated)[0], ==, "Lena Ortiz");
  g_list_store_append (store, dated);
  g_list_store_append (store, author);
  g_list_store_append (store, headline);
  g_list_store_append (store, other);
  comparison = analyze_store (store);
  assert_sorted (comparison);

  event = find_event (comparison, "author", "explain the difference");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-05-04");
  g_assert_null (event->latest);
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_INFERRED);

  event = find_event (comparison, "headline", "closed");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-05-04");

  /* A source that cites nothing stays unplaced. */
  event = find_event (comparison, "other", "timetable");
  g_assert_nonnull (event);
  g_assert_null (event->earliest);
}

/* The date the user sets wins over anything inferred, even one before the report it
 * answers; then "on Tuesday" resolves against it. */
static void
test_user_date_wins (void)
{
  /* 2026-03-12 is a Thursday */
  g_autoptr(GListStore) store = make_dredging_story ("2026-03-12");
  g_autoptr(RshComparison) comparison = analyze_store (store);
  const RshTimelineEvent *event;

  assert_sorted (comparison);
  event = find_event (comparison, "radio", "records");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-03-10");
  g_assert_cmpstr (event->latest, ==, "2026-03-10");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_STATED);

  /* "denied Tuesday's report": after Tuesday, by the day it was published */
  event = find_event (comparison, "radio", "paid twice");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-03-10");
  g_assert_cmpstr (event->latest, ==, "2026-03-12");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_STATED);

  {
    g_autoptr(RshSource) radio = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(RshComparison) earlier = NULL;

    /* even a date before the report it answers */
    g_assert_true (rsh_source_set_published (radio, "2026-03-01", &error));
    g_assert_no_error (error);
    earlier = analyze_store (store);
    event = find_event (earlier, "radio", "paid twice");
    g_assert_cmpstr (event->latest, ==, "2026-03-01");
    event = find_event (earlier, "radio", "records");
    g_assert_cmpstr (event->earliest, ==, "2026-02-24");
    g_assert_cmpstr (event->latest, ==, "2026-02-24");
    assert_sorted (earlier);
    g_assert_cmpstr (((RshTimelineEvent *) g_ptr_array_index (rsh_comparison_get_timeline (earlier),
                                                              0))->source_id, ==, "radio");
  }
}

/* The order: earliest bound first (a month from its first day), then the latest (an open
 * end last); "no later than" by that date; nothing known last. */
static gboolean
has_claim (RshComparison *comparison,
           const char    *text)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (rsh_claim_get_text (claim), text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A claim's wording names the speaker a pronoun opening it stands for, in brackets; the
 * mention's quote stays the text's own words. A pronoun that may stand for nothing ("it is"),
 * a plural, or one that does not fit the speaker's kind or sex is left alone. */
static void
test_claim_wording_names_speaker (void)
{
  const char *text = "Ferry row\n\n"
                     "Corran Water said it had replaced the valves within days. "
                     "Harbour director Ana Ruiz said she would resign in May. "
                     "The Tideline Authority said it is unclear whether the hull was inspected. "
                     "Residents said they were worried about the crossings. "
                     "Corran Water said he had never met the inspectors. "
                     "Harbour director Ms Tova Berg said he had signed the order.";
  g_autoptr(RshSource) source = make_source ("row.txt", text, "row", "2026-03-05");
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  GListModel *mentions;
  gboolean quote_kept = FALSE;

  g_list_store_append (store, source);
  comparison = analyze_store (store);

  g_assert_true (has_claim (comparison, "[Corran Water] had replaced the valves within days"));
  g_assert_true (has_claim (comparison, "[Harbour director Ana Ruiz] would resign in May"));
  g_assert_true (has_claim (comparison, "it is unclear whether the hull was inspected"));
  g_assert_true (has_claim (comparison, "they were worried about the crossings"));
  g_assert_true (has_claim (comparison, "he had never met the inspectors"));
  /* "he" is not Ms Berg */
  g_assert_true (has_claim (comparison, "he had signed the order"));

  mentions = rsh_comparison_get_mentions (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      quote_kept |= g_strcmp0 (rsh_mention_get_quote (mention),
                               "it had replaced the valves within days") == 0;
    }
  g_assert_true (quote_kept);
}

/* The claim of @comparison holding the statement of @source_id whose words are @quote. */
static RshClaim *
claim_with_quote (RshComparison *comparison,
                  const char    *source_id,
                  const char    *quote)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) == 0 &&
              g_strcmp0 (rsh_mention_get_quote (mention), quote) == 0)
            return claim;
        }
    }

  return NULL;
}

/* A denial that only names an account is about what the account says: "denied the report"
 * joins the claim of the report the text gave just before; "disputed the Harbour Gazette's
 * account of events", with no such statement in the text, the Gazette's own first claim. */
static void
test_denial_of_an_account (void)
{
  const char *wire = "Dredging row\n\n"
                     "The Harbour Gazette reported on Tuesday that the council paid twice for "
                     "dredging the eastern basin. The council denied the report. "
                     "The port authority disputed the Harbour Gazette's account of events. "
                     "Councillor Mira Holt disputed the Gazette's story.";
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) gazette = make_source ("gazette.txt", gazette_text, "gazette", "2026-03-10");
  g_autoptr(RshSource) agency = make_source ("wire.txt", wire, "wire", "2026-03-11");
  g_autoptr(RshComparison) comparison = NULL;
  RshClaim *reported, *denied, *lede, *disputed;

  rsh_source_set_outlet (gazette, "The Harbour Gazette");
  rsh_source_set_outlet (agency, "Coast Wire");
  g_list_store_append (store, gazette);
  g_list_store_append (store, agency);
  comparison = analyze_store (store);

  reported = claim_with_quote (comparison, "wire",
                               "the council paid twice for dredging the eastern basin");
  denied = claim_with_quote (comparison, "wire", "the report");
  lede = claim_with_quote (comparison, "gazette",
                           "The council paid twice for dredging the eastern basin, records show");
  disputed = claim_with_quote (comparison, "wire", "the Harbour Gazette's account of events");
  g_assert_nonnull (reported);
  g_assert_true (denied == reported);
  g_assert_nonnull (lede);
  g_assert_true (disputed == lede);
  /* "the Gazette" is the one outlet whose name ends so */
  g_assert_true (claim_with_quote (comparison, "wire", "the Gazette's story") == lede);
  g_assert_false (has_claim (comparison, "the report"));
  g_assert_false (has_claim (comparison, "the Harbour Gazette's account of events"));

  /* The Gazette, a speaker in the wire's text, is the outlet of its own source. */
  g_assert_nonnull (rsh_comparison_lookup_outlet_actor (comparison, "gazette"));
  g_assert_cmpstr (rsh_actor_get_name (rsh_comparison_lookup_outlet_actor (comparison, "gazette")),
                   ==, "The Harbour Gazette");
  g_assert_null (rsh_comparison_lookup_outlet_actor (comparison, "wire"));
  g_assert_null (rsh_comparison_lookup_outlet_actor (comparison, "nowhere"));
}

/* The outlet's own voice is dated by its publication; a day in its words is what it talks
 * about. A day right after a cue ("said on Monday") still dates a statement whose speaker was
 * not understood. */
static void
test_outlet_voice_time (void)
{
  const char *text = "Solvent readings\n\n"
                     "Laboratory sheets dated 14 January 2026 record high solvent readings. "
                     "The auditor said on Monday that the costs would be reviewed.";
  g_autoptr(RshSource) source = make_source ("readings.txt", text, "readings", "2026-03-05");
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  const RshTimelineEvent *event;

  g_list_store_append (store, source);
  comparison = analyze_store (store);

  event = find_event (comparison, "readings", "Laboratory sheets");
  g_assert_nonnull (event);
  g_assert_null (event->actor_id);
  g_assert_cmpstr (event->earliest, ==, "2026-03-05");
  g_assert_cmpstr (event->latest, ==, "2026-03-05");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_PUBLISHED);
  g_assert_cmpstr (event->about_earliest, ==, "2026-01-14");

  event = find_event (comparison, "readings", "costs");
  g_assert_nonnull (event);
  g_assert_cmpstr (event->earliest, ==, "2026-03-02");
  g_assert_cmpint (event->certainty, ==, RSH_TIME_CERTAINTY_STATED);
}

static void
test_event_order (void)
{
  RshTimelineEvent month = { .earliest = (char *) "2017-09", .latest = (char *) "2017-09" };
  RshTimelineEvent day = { .earliest = (char *) "2017-09-01", .latest = (char *) "2017-09-01" };
  RshTimelineEvent later = { .earliest = (char *) "2017-09-15", .latest = (char *) "2017-09-15" };
  RshTimelineEvent open = { .earliest = (char *) "2017-09-01" };
  RshTimelineEvent before = { .latest = (char *) "2017-08-31" };
  RshTimelineEvent nothing = { 0 };

  g_assert_cmpint (rsh_timeline_event_compare (&day, &month), <, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&month, &later), <, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&month, &open), <, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&before, &day), <, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&later, &nothing), <, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&nothing, &nothing), ==, 0);
  g_assert_cmpint (rsh_timeline_event_compare (&open, &day), >, 0);
  g_assert_cmpstr (rsh_time_certainty_to_string (RSH_TIME_CERTAINTY_INFERRED), ==, "inferred");
}

static void
test_formats (void)
{
  RshExportFormat format;

  g_assert_true (rsh_export_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, RSH_EXPORT_JSON);
  g_assert_true (rsh_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, RSH_EXPORT_CSV);
  /* The spreadsheet and document exports joined later; an unknown name is still refused. */
  g_assert_true (rsh_export_format_from_string ("xlsx", &format));
  g_assert_cmpint (format, ==, RSH_EXPORT_XLSX);
  g_assert_false (rsh_export_format_from_string ("docx", &format));
  g_assert_false (rsh_export_format_from_string ("JSON ", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/comparison/positions", test_positions);
  g_test_add_func ("/core/comparison/actors-merge", test_actors_merge);
  g_test_add_func ("/core/comparison/tracked-claim", test_tracked_claim);
  g_test_add_func ("/core/comparison/outlet-voice", test_outlet_voice);
  g_test_add_func ("/core/comparison/json-round-trip", test_json_round_trip);
  g_test_add_func ("/core/comparison/csv", test_csv);
  g_test_add_func ("/core/comparison/async", test_async);
  g_test_add_func ("/core/comparison/formats", test_formats);
  g_test_add_func ("/core/comparison/event-time", test_event_time);
  g_test_add_func ("/core/comparison/undated-cites", test_undated_cites);
  g_test_add_func ("/core/comparison/undated-cites-author-or-headline",
                   test_undated_cites_author_or_headline);
  g_test_add_func ("/core/comparison/user-date-wins", test_user_date_wins);
  g_test_add_func ("/core/comparison/event-order", test_event_order);
  g_test_add_func ("/core/comparison/outlet-voice-time", test_outlet_voice_time);
  g_test_add_func ("/core/comparison/denial-of-an-account", test_denial_of_an_account);
  g_test_add_func ("/core/comparison/claim-wording-names-speaker",
                   test_claim_wording_names_speaker);

  return g_test_run ();
}
