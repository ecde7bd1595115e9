/* test-align.c: claims across sources, tracked claims and syndicated copies
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <rashomon.h>

#include "rsh-align.h"

/* Invented sentences about an invented river. */
static const char statement[] =
  "Corran Water dumped untreated sewage into the Brenn river last spring.";
static const char paraphrase[] =
  "Last spring untreated waste from Corran Water was discharged into the river Brenn.";
static const char unrelated[] =
  "The mayor opened a new library in the town centre on Friday.";
static const char denial[] =
  "Corran Water never released any sewage into the Brenn.";
static const char other_claim[] =
  "Corran Water raised its prices for households in Tarrow by nine percent.";

static RshAligner *
make_aligner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", &error);

  g_assert_no_error (error);
  return rsh_aligner_new (lexicon);
}

static void
test_cluster (void)
{
  g_autoptr(RshAligner) aligner = make_aligner ();
  g_autoptr(GPtrArray) texts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  const char *sentences[] = { statement, unrelated, paraphrase, denial, other_claim };
  const gboolean denials[] = { FALSE, FALSE, FALSE, TRUE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    g_ptr_array_add (texts, rsh_aligner_analyze (aligner, sentences[i], -1, NULL));

  for (guint pass = 0; pass < 2; pass++)
    {
      /* The index and the all-pairs comparison agree. */
      g_autoptr(RshClustering) clustering = rsh_aligner_cluster (aligner, texts, denials, NULL,
                                                                 pass == 1);
      guint river = clustering->cluster[0];

      g_assert_cmpuint (clustering->n_items, ==, 5);
      g_assert_cmpuint (clustering->n_clusters, ==, 3);
      /* Claims are numbered by their first text. */
      g_assert_cmpuint (river, ==, 0);
      g_assert_cmpuint (clustering->cluster[1], ==, 1);
      /* The paraphrase and the denial join the statement; the others stay apart. */
      g_assert_cmpuint (clustering->cluster[2], ==, river);
      g_assert_cmpuint (clustering->cluster[3], ==, river);
      g_assert_cmpuint (clustering->cluster[4], ==, 2);
      /* The representative states the claim; it is not the denial. */
      g_assert_cmpuint (clustering->representative[river], !=, 3);
      g_assert_cmpuint (clustering->representative[1], ==, 1);
      g_assert_cmpuint (clustering->representative[2], ==, 4);
    }

  g_assert_cmpfloat (rsh_aligner_similarity (aligner, g_ptr_array_index (texts, 0),
                                             g_ptr_array_index (texts, 2), NULL), >,
                     rsh_aligner_similarity (aligner, g_ptr_array_index (texts, 0),
                                             g_ptr_array_index (texts, 1), NULL));
}

static void
test_numbers_disagree (void)
{
  g_autoptr(RshAligner) aligner = make_aligner ();
  g_autoptr(GPtrArray) texts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  g_autoptr(RshClustering) clustering = NULL;

  g_ptr_array_add (texts, rsh_aligner_analyze (aligner,
                   "Twelve workers were hurt when the Tarrow depot roof fell in 2019.", -1, NULL));
  g_ptr_array_add (texts, rsh_aligner_analyze (aligner,
                   "The Tarrow depot roof fell on 40 workers in 2023.", -1, NULL));
  g_ptr_array_add (texts, rsh_aligner_analyze (aligner,
                   "In 2019 the roof of the Tarrow depot fell and hurt twelve workers.", -1, NULL));

  clustering = rsh_aligner_cluster (aligner, texts, NULL, NULL, FALSE);
  g_assert_cmpuint (clustering->cluster[0], ==, clustering->cluster[2]);
  g_assert_cmpuint (clustering->cluster[0], !=, clustering->cluster[1]);
}

static void
test_features (void)
{
  g_autoptr(RshAligner) aligner = make_aligner ();
  g_autoptr(RshAlignText) claim = rsh_aligner_analyze (aligner, statement, -1, NULL);
  g_autoptr(RshAlignText) body = NULL;
  g_autoptr(RshAlignText) far = rsh_aligner_analyze (aligner, unrelated, -1, NULL);
  g_autoptr(GArray) best = NULL;
  double near_f[RSH_ALIGN_N_FEATURES];
  double far_f[RSH_ALIGN_N_FEATURES];
  RshSpan span;

  body = rsh_aligner_analyze (aligner,
                              "Anglers gathered at the weir. Corran Water denied that it "
                              "dumped sewage into the Brenn river. The inquiry resumes in May.",
                              -1, NULL);
  g_assert_cmpuint (rsh_align_text_get_n_sentences (body), ==, 3);
  g_assert_true (rsh_align_text_has_denial (body));
  g_assert_false (rsh_align_text_has_denial (claim));

  best = rsh_align_best_sentences (claim, body, NULL, 3, 0.34);
  g_assert_cmpuint (best->len, ==, 1);
  g_assert_cmpuint (g_array_index (best, guint, 0), ==, 1);
  span = rsh_align_text_get_sentence (body, 1);
  g_assert_cmpuint (span.start, ==, 30);

  rsh_align_features (claim, body, NULL, near_f);
  rsh_align_features (claim, far, NULL, far_f);
  g_assert_cmpfloat (near_f[0], >, far_f[0]);
  g_assert_cmpfloat (near_f[3], >, 0.5);
  g_assert_cmpfloat (far_f[3], <, 0.2);
  /* A denial word among the sentences that hold the claim. */
  g_assert_cmpfloat (near_f[19], >=, 1);
}

/* The lead features: how a headline relays the claim (a source before a colon, an
 * attribution at the end, rumour words, quotation marks) or tells it as fact. */
static void
test_headline_distance (void)
{
  const guint lead = RSH_ALIGN_N_CONTEXT_FIRST + RSH_ALIGN_N_CONTEXT;
  g_autoptr(RshAligner) aligner = make_aligner ();
  g_autoptr(RshAlignText) claim = rsh_aligner_analyze (aligner, statement, -1, NULL);
  g_autoptr(RshAlignText) hedged_claim =
    rsh_aligner_analyze (aligner, "Corran Water may have dumped sewage into the Brenn.", -1, NULL);
  g_autoptr(RshAlignText) relayed = NULL;
  g_autoptr(RshAlignText) asserted = NULL;
  g_autoptr(RshAlignText) quoted = NULL;
  g_autoptr(RshAlignText) split = NULL;
  g_autoptr(RshAlignText) same_hedge = NULL;
  double r[RSH_ALIGN_N_FEATURES];
  double a[RSH_ALIGN_N_FEATURES];
  double q[RSH_ALIGN_N_FEATURES];
  double s[RSH_ALIGN_N_FEATURES];
  double h[RSH_ALIGN_N_FEATURES];

  relayed = rsh_aligner_analyze (aligner, "Brenn anglers: Corran Water reportedly dumped "
                                 "sewage in the river, sources say", -1, NULL);
  asserted = rsh_aligner_analyze (aligner, "Corran Water dumped sewage into the Brenn after "
                                  "the spring storm", -1, NULL);
  quoted = rsh_aligner_analyze (aligner, "Corran Water 'dumped' sewage into the Brenn, "
                                "it's claimed", -1, NULL);
  /* "U.S." ends a sentence for the splitter; the lead goes on to "Says". */
  split = rsh_aligner_analyze (aligner, "Sewage from Corran Water in the Brenn, U.S. Says", -1,
                               NULL);
  same_hedge = rsh_aligner_analyze (aligner, "Corran Water may have dumped sewage into the "
                                    "Brenn", -1, NULL);

  rsh_align_features (claim, relayed, NULL, r);
  rsh_align_features (claim, asserted, NULL, a);
  rsh_align_features (claim, quoted, NULL, q);
  rsh_align_features (claim, split, NULL, s);
  rsh_align_features (hedged_claim, same_hedge, NULL, h);

  /* Two words before the colon, none of them a reporting verb. */
  g_assert_cmpfloat (r[lead + 0], ==, 3);
  g_assert_cmpfloat (r[lead + 1], ==, 0);
  g_assert_cmpfloat (a[lead + 0], ==, 0);
  /* "sources say" closes the relayed headline; the split one ends with "Says". */
  g_assert_cmpfloat (r[lead + 2], >=, 1);
  g_assert_cmpfloat (s[lead + 2], >=, 1);
  g_assert_cmpfloat (a[lead + 2], ==, 0);
  /* reportedly, sources, say */
  g_assert_cmpfloat (r[lead + 11], ==, 3);
  g_assert_cmpfloat (a[lead + 11], ==, 0);
  g_assert_cmpfloat (a[lead + 12], ==, 1);
  g_assert_cmpfloat (r[lead + 12], ==, 0);
  g_assert_cmpfloat (q[lead + 7], ==, 1);
  g_assert_cmpfloat (a[lead + 7], ==, 0);
  /* A "may" the claim has too puts no distance between them. */
  g_assert_cmpfloat (h[lead + 11], ==, 1);
  g_assert_cmpfloat (h[lead + 13], ==, 0);
  g_assert_cmpfloat (r[lead + 13], ==, 3);
}

/* The refutation features: a text that calls the claim a hoax, has its subject deny it,
 * negates its verb or gives other numbers, against one that states it. */
static void
test_refutation (void)
{
  const guint r = RSH_ALIGN_REFUTE_FIRST;
  g_autoptr(RshAligner) aligner = make_aligner ();
  g_autoptr(RshAlignText) claim = rsh_aligner_analyze (aligner, statement, -1, NULL);
  g_autoptr(RshAlignText) numbered =
    rsh_aligner_analyze (aligner, "Corran Water dumped 40 tonnes of sewage into the Brenn.",
                         -1, NULL);
  g_autoptr(RshAlignText) refuting = NULL;
  g_autoptr(RshAlignText) stating = NULL;
  g_autoptr(RshAlignText) negating = NULL;
  g_autoptr(RshAlignText) other_numbers = NULL;
  double x[RSH_ALIGN_N_FEATURES];
  double s[RSH_ALIGN_N_FEATURES];
  double n[RSH_ALIGN_N_FEATURES];
  double o[RSH_ALIGN_N_FEATURES];

  refuting = rsh_aligner_analyze (aligner,
                                  "The story that untreated sewage from Corran Water reached "
                                  "the Brenn river went viral online last spring. It turned "
                                  "out to be untrue, but it was shared widely. A spokesman for "
                                  "Corran Water denied it again on Monday.", -1, NULL);
  stating = rsh_aligner_analyze (aligner,
                                 "Inspectors said Corran Water dumped untreated sewage into "
                                 "the Brenn river last spring. The fine is due in May.", -1,
                                 NULL);
  negating = rsh_aligner_analyze (aligner,
                                  "Tests showed that Corran Water had not dumped any sewage "
                                  "into the Brenn river last spring.", -1, NULL);
  other_numbers = rsh_aligner_analyze (aligner,
                                       "Corran Water dumped 4 tonnes of sewage into the Brenn, "
                                       "the inspectors found.", -1, NULL);

  rsh_align_features (claim, refuting, NULL, x);
  rsh_align_features (claim, stating, NULL, s);
  rsh_align_features (claim, negating, NULL, n);
  rsh_align_features (numbered, other_numbers, NULL, o);

  /* "turned out", in the first three sentences too. */
  g_assert_cmpfloat (x[r + 0], >, 0);
  g_assert_cmpfloat (x[r + 1], ==, 1);
  g_assert_cmpfloat (s[r + 0], ==, 0);
  /* "Water" and "Brenn", names of the claim, meet "denied" in one sentence. */
  g_assert_cmpfloat (x[r + 3], ==, 1);
  g_assert_cmpfloat (s[r + 3], ==, 0);
  /* "not" next to "dumped" and "sewage". */
  g_assert_cmpfloat (n[r + 4], >, 0.3);
  g_assert_cmpfloat (s[r + 4], ==, 0);
  /* The claim asserts; the refuting lead denies, the stating one does not. */
  g_assert_cmpfloat (x[r + 5], ==, 1);
  g_assert_cmpfloat (s[r + 5], ==, 0);
  /* "but" in a sentence that holds the claim. */
  g_assert_cmpfloat (x[r + 6], >=, 1);
  /* 4 tonnes against 40. */
  g_assert_cmpfloat (o[r + 7], ==, 1);
  g_assert_cmpfloat (s[r + 7], ==, 0);
  g_assert_cmpfloat (x[r + 8], >, 0);
  g_assert_cmpfloat (s[r + 8], ==, 0);
  /* "story", "viral", "online", "shared". */
  g_assert_cmpfloat (x[r + 10], >=, 3);
  g_assert_cmpfloat (s[r + 10], ==, 0);
  g_assert_cmpfloat (x[r + 9], >, s[r + 9]);
}

/* Trees of depth two learn what no sum of one-feature stumps can: class 1 where exactly
 * one of two features is large. */
static void
test_model_trees (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStanceModel) trees = NULL;
  g_autoptr(RshStanceModel) stumps = NULL;
  g_autoptr(RshStanceModel) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  double features[2 * 16];
  guint labels[16];
  double weights[16];
  guint wrong = 0;
  const double corners[4][2] = { { 0.1, 0.1 }, { 0.1, 0.9 }, { 0.9, 0.1 }, { 0.9, 0.9 } };
  double probs[2];

  for (guint i = 0; i < 16; i++)
    {
      guint c = i % 4;

      features[2 * i] = corners[c][0] + 0.01 * (i / 4);
      features[2 * i + 1] = corners[c][1] - 0.01 * (i / 4);
      labels[i] = c == 1 || c == 2;
      /* Not quite balanced, so that a first cut gains something. */
      weights[i] = c == 1 ? 2 : 1;
    }

  trees = rsh_stance_model_train_trees (features, labels, weights, 16, 2, 2, 60, 0.3, 2);
  stumps = rsh_stance_model_train_trees (features, labels, weights, 16, 2, 2, 60, 0.3, 1);
  for (guint c = 0; c < 4; c++)
    {
      guint expected = c == 1 || c == 2;

      rsh_stance_model_predict (trees, corners[c], probs);
      g_assert_cmpfloat (probs[expected], >, 0.8);
      /* Stumps only add up what each feature says alone: some corner goes wrong. */
      rsh_stance_model_predict (stumps, corners[c], probs);
      if (probs[expected] < 0.5)
        wrong++;
    }
  g_assert_cmpuint (wrong, >=, 1);

  text = rsh_stance_model_serialize (trees);
  g_assert_nonnull (strstr (text, "\ntree "));
  bytes = g_bytes_new (text, strlen (text));
  reloaded = rsh_stance_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  again = rsh_stance_model_serialize (reloaded);
  g_assert_cmpstr (text, ==, again);

  /* A bias moves the decision towards its class. */
  rsh_stance_model_predict (reloaded, corners[0], probs);
  g_assert_cmpfloat (probs[0], >, 0.8);
  rsh_stance_model_add_bias (reloaded, 1, 10);
  rsh_stance_model_predict (reloaded, corners[0], probs);
  g_assert_cmpfloat (probs[1], >, 0.8);

  {
    /* A tree that names a feature the model does not have is refused. */
    static const char damaged[] = "rashomon-stance-model 2\nclasses 2\nfeatures 2\n"
                                  "base 0 0\ntree 1 0 0.5 7 0.5 1 -1 1 0.5 -1 1\n";
    g_autoptr(GBytes) junk = g_bytes_new_static (damaged, sizeof damaged - 1);
    g_autoptr(RshStanceModel) none = rsh_stance_model_new_from_bytes (junk, &error);

    g_assert_null (none);
    g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  }
}

static void
test_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStanceModel) model = NULL;
  g_autoptr(RshStanceModel) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  /* Two features; class 1 where the first is large, class 0 elsewhere. */
  const double features[] = { 0.1, 5, 0.2, 3, 0.9, 4, 0.8, 1, 0.15, 2, 0.95, 2 };
  const guint labels[] = { 0, 0, 1, 1, 0, 1 };
  double probs[2];
  const double low[] = { 0.1, 3 };
  const double high[] = { 0.9, 3 };

  model = rsh_stance_model_train (features, labels, NULL, 6, 2, 2, 50, 0.3);
  rsh_stance_model_predict (model, low, probs);
  g_assert_cmpfloat (probs[0], >, 0.8);
  rsh_stance_model_predict (model, high, probs);
  g_assert_cmpfloat (probs[1], >, 0.8);

  text = rsh_stance_model_serialize (model);
  bytes = g_bytes_new (text, strlen (text));
  reloaded = rsh_stance_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  again = rsh_stance_model_serialize (reloaded);
  g_assert_cmpstr (text, ==, again);

  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a model\n", 12);
    g_autoptr(RshStanceModel) none = rsh_stance_model_new_from_bytes (junk, &error);

    g_assert_null (none);
    g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(RshStanceModel) shipped = rsh_stance_model_load_default (&error);
    double fnc[RSH_N_RELATIONS] = { 0.5, 0.2, 0.1, 0.2 };

    g_assert_no_error (error);
    g_assert_cmpuint (rsh_stance_model_get_n_classes (shipped), ==, RSH_N_RELATIONS);
    /* Expected FNC score: unrelated 0.125, agree 0.125 + 0.15 = 0.275. */
    g_assert_cmpint (rsh_relation_for_fnc_score (fnc), ==, RSH_RELATION_AGREE);
  }
}

static RshSource *
make_source (const char *input,
             const char *outlet,
             const char *text)
{
  g_autoptr(RshSource) source = rsh_source_new (input);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
  g_assert_no_error (error);
  rsh_source_set_outlet (source, outlet);

  return g_steal_pointer (&source);
}

/* Three invented accounts of the river story and a syndicated copy of the first. */
static const char courier[] =
  "Sewage in the Brenn\n\n"
  "Corran Water dumped untreated sewage into the Brenn river last spring, the Drinking "
  "Water Inspectorate said on Tuesday. Anglers at the weir found dead fish for a week. "
  "The inspectorate will publish its full report in June, and the council has asked for "
  "a hearing before the summer recess.";
static const char gazette[] =
  "Utility rejects pollution finding\n\n"
  "Corran Water denied that it dumped sewage into the Brenn river. "
  "The company said its treatment works had run normally all year. "
  "Its shares fell by four percent in early trading.";
static const char herald[] =
  "Library opens\n\n"
  "The mayor opened a new library in the town centre on Friday. "
  "Children read stories to the crowd and the brass band played.";

static GListStore *
make_story (void)
{
  GListStore *store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) a = make_source ("courier.txt", "Valley Courier", courier);
  g_autoptr(RshSource) b = make_source ("gazette.txt", "Tarrow Gazette", gazette);
  g_autoptr(RshSource) c = make_source ("herald.txt", "Brenn Herald", herald);
  g_autoptr(RshSource) d = make_source ("syndicated.txt", "Coast Daily", courier);

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);
  g_list_store_append (store, d);

  return store;
}

static void
test_story (void)
{
  g_autoptr(GListStore) sources = make_story ();
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const char *tracked[] = {
    "Corran Water polluted the Brenn river with sewage",
    "The brass band was paid by the council",
    NULL
  };
  GListModel *claims;
  RshClaim *river = NULL;
  gboolean hedged;

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), tracked, NULL, &error);
  g_assert_no_error (error);

  /* The copy is found; the sources themselves are not changed. */
  g_assert_null (rsh_comparison_get_duplicate_of (comparison, 0));
  g_assert_null (rsh_comparison_get_duplicate_of (comparison, 1));
  g_assert_null (rsh_comparison_get_duplicate_of (comparison, 2));
  g_assert_cmpstr (rsh_comparison_get_duplicate_of (comparison, 3), ==, "s1");
  g_assert_null (rsh_comparison_get_duplicate_of (comparison, 4));
  {
    g_autoptr(RshSource) copy = g_list_model_get_item (G_LIST_MODEL (sources), 3);

    g_assert_null (rsh_source_get_duplicate_of (copy));
  }

  claims = rsh_comparison_get_claims (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (claims), >=, 3);

  /* Exactly one position per source on every claim. */
  for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, c);

      for (guint s = 0; s < 4; s++)
        {
          RshStance stance = rsh_claim_get_position (claim,
                                                     rsh_comparison_get_source_id (comparison, s),
                                                     &hedged);

          g_assert_cmpint (stance, >=, RSH_STANCE_REPORTS);
          g_assert_cmpint (stance, <=, RSH_STANCE_ABSENT);
        }

      if (!rsh_claim_get_user_defined (claim) &&
          strstr (rsh_claim_get_text (claim), "Brenn") != NULL)
        {
          g_assert_null (river);
          river = claim;
        }
    }

  /* The statement and its denial are one claim, with the denial's source denying it. */
  g_assert_nonnull (river);
  g_assert_cmpint (rsh_claim_get_position (river, "s1", &hedged), ==, RSH_STANCE_REPORTS);
  g_assert_cmpint (rsh_claim_get_position (river, "s2", &hedged), ==, RSH_STANCE_DENIES);
  g_assert_cmpint (rsh_claim_get_position (river, "s3", &hedged), ==, RSH_STANCE_ABSENT);
  g_assert_cmpint (rsh_claim_get_position (river, "s4", &hedged), ==, RSH_STANCE_REPORTS);
  g_assert_cmpstr (rsh_claim_get_text (river), !=, "that it dumped sewage into the Brenn river");

  /* Tracked claims: the first is mentioned by the river accounts, the second by none. */
  {
    g_autoptr(RshClaim) pollution = g_list_model_get_item (claims, 0);
    g_autoptr(RshClaim) band = g_list_model_get_item (claims, 1);
    GListModel *mentions = rsh_claim_get_mentions (pollution);
    gboolean from_gazette = FALSE;

    g_assert_true (rsh_claim_get_user_defined (pollution));
    g_assert_cmpstr (rsh_claim_get_text (pollution), ==, tracked[0]);
    g_assert_cmpint (rsh_claim_get_position (pollution, "s1", &hedged), ==, RSH_STANCE_REPORTS);
    g_assert_cmpint (rsh_claim_get_position (pollution, "s2", &hedged), ==, RSH_STANCE_DENIES);
    g_assert_cmpint (rsh_claim_get_position (pollution, "s3", &hedged), ==, RSH_STANCE_ABSENT);
    g_assert_cmpint (rsh_claim_get_position (pollution, "s4", &hedged), ==, RSH_STANCE_REPORTS);

    /* The justifying sentences are quoted exactly. */
    for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
      {
        g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

        g_assert_cmpstr (rsh_mention_get_source_id (mention), !=, "s3");
        if (g_str_equal (rsh_mention_get_source_id (mention), "s2"))
          {
            from_gazette = TRUE;
            g_assert_nonnull (strstr (gazette, rsh_mention_get_quote (mention)));
          }
      }
    g_assert_true (from_gazette);

    /* The copy does not count as a second, independent confirmation. */
    g_assert_cmpuint (rsh_comparison_count_independent (comparison, pollution), <=, 1);

    g_assert_true (rsh_claim_get_user_defined (band));
    for (guint s = 0; s < 4; s++)
      g_assert_cmpint (rsh_claim_get_position (band, rsh_comparison_get_source_id (comparison, s),
                                               &hedged), ==,
                       s == 2 ? rsh_claim_get_position (band, "s3", &hedged) : RSH_STANCE_ABSENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/align/cluster", test_cluster);
  g_test_add_func ("/core/align/numbers-disagree", test_numbers_disagree);
  g_test_add_func ("/core/align/features", test_features);
  g_test_add_func ("/core/align/headline-distance", test_headline_distance);
  g_test_add_func ("/core/align/refutation", test_refutation);
  g_test_add_func ("/core/align/model", test_model);
  g_test_add_func ("/core/align/model-trees", test_model_trees);
  g_test_add_func ("/core/align/story", test_story);

  return g_test_run ();
}
