/* bench-emergent.c: stance of article headlines towards claims, on the Emergent test split
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trains the stance model's stumps on the features of the `train` claims of Ferreira and
 * Vlachos's split (for = agree, against = disagree, observing = discuss) and reports the
 * accuracy on the `test` claims. Nothing is written. `--errors` lists the wrong answers;
 * `--cv` only cross-validates on the train claims (five folds by claim), to choose settings
 * and features without looking at the test claims (`--cv --errors` lists its mistakes).
 * For such experiments RSH_BENCH_ROUNDS, RSH_BENCH_RATE and RSH_BENCH_DEPTH override the
 * boosting settings (100 rounds at 0.05 of one-feature stumps, chosen by that
 * cross-validation: trees of depth two did worse on these short texts) and
 * RSH_BENCH_DROP="41,52" zeroes features to see what they are worth.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rashomon.h"
#include "bench-align-util.h"

static guint  rounds = 100;
static double rate = 0.05;
static guint  depth = 1;

static RshStanceModel *
fit (const double *x,
     const guint  *y,
     const guint  *rows,
     guint         n)
{
  g_autofree double *fx = g_new (double, (gsize) MAX (n, 1) * RSH_ALIGN_N_FEATURES);
  g_autofree guint *fy = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      memcpy (fx + (gsize) i * RSH_ALIGN_N_FEATURES, x + (gsize) rows[i] * RSH_ALIGN_N_FEATURES,
              RSH_ALIGN_N_FEATURES * sizeof (double));
      fy[i] = y[rows[i]];
    }

  return rsh_stance_model_train_trees (fx, fy, NULL, n, RSH_ALIGN_N_FEATURES, 3, rounds, rate,
                                       depth);
}

/* Trains on the rows @train_rows of @x (labels @y) and writes the class probabilities of
 * the rows @test_rows of @tx into @out. */
static void
fit_predict (const double *x,
             const guint  *y,
             const guint  *train_rows,
             guint         n_train,
             const double *tx,
             const guint  *test_rows,
             guint         n_test,
             double       *out)
{
  g_autoptr(RshStanceModel) model = fit (x, y, train_rows, n_train);

  for (guint i = 0; i < n_test; i++)
    rsh_stance_model_predict (model, tx + (gsize) test_rows[i] * RSH_ALIGN_N_FEATURES,
                              out + i * 3);
}

static guint
best_class (const double *probs)
{
  guint guess = 0;

  for (guint k = 1; k < 3; k++)
    if (probs[k] > probs[guess])
      guess = k;

  return guess;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const names[] = { "for", "against", "observing" };
  g_autofree char *dir = bench_data_dir ();
  g_autofree char *probe = g_build_filename (dir, "emergent", "split_ferreira2016.csv", NULL);
  g_autofree double *train_features = NULL;
  g_autofree double *test_features = NULL;
  g_autofree guint *labels = NULL;
  g_autofree guint *train_claims = NULL;
  g_autoptr(BenchSet) train = bench_set_new ();
  g_autoptr(BenchSet) test = bench_set_new ();
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(GError) error = NULL;
  guint confusion[3][3] = { { 0, }, };
  guint right = 0;
  gboolean cv = FALSE;
  const char *env_rounds = g_getenv ("RSH_BENCH_ROUNDS");
  const char *env_rate = g_getenv ("RSH_BENCH_RATE");
  const char *env_depth = g_getenv ("RSH_BENCH_DEPTH");
  gboolean verbose = FALSE;

  if (env_rounds != NULL)
    rounds = (guint) g_ascii_strtoull (env_rounds, NULL, 10);
  if (env_rate != NULL)
    rate = g_ascii_strtod (env_rate, NULL);
  if (env_depth != NULL)
    depth = CLAMP ((guint) g_ascii_strtoull (env_depth, NULL, 10), 1, 2);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--cv"))
        cv = TRUE;
      else if (g_str_equal (argv[i], "--errors"))
        verbose = TRUE;

    }

  if (!g_file_test (probe, G_FILE_TEST_EXISTS))
    {
      g_print ("Emergent data not found at %s: skipped\n", dir);
      return EXIT_SUCCESS;
    }

  lexicon = rsh_lexicon_load_default ("en", &error);
  if (lexicon == NULL || !bench_load_emergent (dir, "train", train, &error) ||
      !bench_load_emergent (dir, "test", test, &error))
    {
      g_printerr ("bench-emergent: %s\n", error->message);
      return EXIT_FAILURE;
    }

  aligner = rsh_aligner_new (lexicon);
  train_features = bench_features (aligner, train);
  test_features = bench_features (aligner, test);

  bench_drop_features (train_features, train->pairs->len);
  bench_drop_features (test_features, test->pairs->len);

  labels = g_new (guint, train->pairs->len);
  train_claims = g_new (guint, MAX (train->pairs->len, 1));
  for (guint i = 0; i < train->pairs->len; i++)
    {
      labels[i] = g_array_index (train->pairs, BenchPair, i).label - RSH_RELATION_AGREE;
      train_claims[i] = g_array_index (train->pairs, BenchPair, i).claim;
    }

  if (cv)
    {
      /* Five folds of the train claims, for choosing settings without the test claims. */
      guint cv_right = 0;
      guint cv_confusion[3][3] = { { 0, }, };

      for (guint fold = 0; fold < 5; fold++)
        {
          g_autofree guint *in = g_new (guint, train->pairs->len);
          g_autofree guint *out = g_new (guint, train->pairs->len);
          g_autofree double *probs = NULL;
          guint n_in = 0, n_out = 0;

          for (guint i = 0; i < train->pairs->len; i++)
            {
              if (train_claims[i] % 5 == fold)
                out[n_out++] = i;
              else
                in[n_in++] = i;
            }
          probs = g_new (double, (gsize) MAX (n_out, 1) * 3);
          fit_predict (train_features, labels, in, n_in, train_features, out, n_out, probs);
          for (guint j = 0; j < n_out; j++)
            {
              const BenchPair *pair = &g_array_index (train->pairs, BenchPair, out[j]);
              guint guess = best_class (probs + j * 3);

              cv_confusion[labels[out[j]]][guess]++;
              if (guess == labels[out[j]])
                cv_right++;
              else if (verbose)
                g_print ("%s -> %s: %s | %s\n", names[labels[out[j]]], names[guess],
                         (const char *) g_ptr_array_index (train->claims, pair->claim),
                         (const char *) g_ptr_array_index (train->bodies, pair->body));
            }
        }
      g_print ("confusion (rows gold, columns predicted: for against observing):\n");
      for (guint g = 0; g < 3; g++)
        g_print ("  %-9s %5u %5u %5u\n", names[g], cv_confusion[g][0], cv_confusion[g][1],
                 cv_confusion[g][2]);
      g_print ("Emergent train, 5-fold cross-validation by claim: %.2f %%\n",
               100.0 * cv_right / MAX (train->pairs->len, 1));
      return EXIT_SUCCESS;
    }

  {
    g_autofree guint *in = g_new (guint, MAX (train->pairs->len, 1));
    g_autofree guint *out = g_new (guint, MAX (test->pairs->len, 1));
    g_autofree double *probs = g_new (double, (gsize) MAX (test->pairs->len, 1) * 3);

    for (guint i = 0; i < train->pairs->len; i++)
      in[i] = i;
    for (guint i = 0; i < test->pairs->len; i++)
      out[i] = i;
    fit_predict (train_features, labels, in, train->pairs->len, test_features, out,
                 test->pairs->len, probs);

    for (guint i = 0; i < test->pairs->len; i++)
      {
        const BenchPair *pair = &g_array_index (test->pairs, BenchPair, i);
        guint gold = pair->label - RSH_RELATION_AGREE;
        guint guess = best_class (probs + i * 3);

        confusion[gold][guess]++;
        if (gold == guess)
          right++;
        else if (verbose)
          g_print ("%s -> %s: %s | %s\n", names[gold], names[guess],
                   (const char *) g_ptr_array_index (test->claims, pair->claim),
                   (const char *) g_ptr_array_index (test->bodies, pair->body));
      }
  }

  g_print ("Emergent (Ferreira & Vlachos 2016 split): trained on %u train articles, "
           "tested on %u\n", train->pairs->len, test->pairs->len);
  g_print ("confusion (rows gold, columns predicted: for against observing):\n");
  for (guint g = 0; g < 3; g++)
    g_print ("  %-9s %5u %5u %5u\n", names[g], confusion[g][0], confusion[g][1],
             confusion[g][2]);
  g_print ("Emergent accuracy: %.2f %% (paper: 73.28 %%)\n",
           test->pairs->len ? 100.0 * right / test->pairs->len : 0);

  return EXIT_SUCCESS;
}
