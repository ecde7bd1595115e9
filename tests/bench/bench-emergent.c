/* bench-emergent.c: stance of article headlines towards claims, on the Emergent test split
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trains the stance model's stumps on the features of the `train` claims of Ferreira and
 * Vlachos's split (for = agree, against = disagree, observing = discuss) and reports the
 * accuracy on the `test` claims. Nothing is written. `--errors` lists the wrong answers;
 * `--cv` only cross-validates on the train claims (five folds by claim), to choose settings.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rashomon.h"
#include "bench-align-util.h"

#define ROUNDS 300
#define RATE   0.1

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
  g_autoptr(BenchSet) train = bench_set_new ();
  g_autoptr(BenchSet) test = bench_set_new ();
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(RshStanceModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint confusion[3][3] = { { 0, }, };
  guint right = 0;
  gboolean verbose = argc > 1 && g_str_equal (argv[1], "--errors");

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

  if (argc > 1 && g_str_equal (argv[1], "--cv"))
    {
      /* Five folds of the train claims, for choosing settings without the test claims. */
      guint cv_right = 0;

      for (guint fold = 0; fold < 5; fold++)
        {
          g_autofree double *fx = g_new (double, (gsize) train->pairs->len * RSH_ALIGN_N_FEATURES);
          g_autofree guint *fy = g_new (guint, train->pairs->len);
          g_autoptr(RshStanceModel) fm = NULL;
          guint n = 0;

          for (guint i = 0; i < train->pairs->len; i++)
            {
              const BenchPair *pair = &g_array_index (train->pairs, BenchPair, i);

              if (pair->claim % 5 == fold)
                continue;
              memcpy (fx + (gsize) n * RSH_ALIGN_N_FEATURES,
                      train_features + (gsize) i * RSH_ALIGN_N_FEATURES,
                      RSH_ALIGN_N_FEATURES * sizeof (double));
              fy[n++] = pair->label - RSH_RELATION_AGREE;
            }
          fm = rsh_stance_model_train (fx, fy, NULL, n, RSH_ALIGN_N_FEATURES, 3, ROUNDS, RATE);
          for (guint i = 0; i < train->pairs->len; i++)
            {
              const BenchPair *pair = &g_array_index (train->pairs, BenchPair, i);
              double probs[3];
              guint guess = 0;

              if (pair->claim % 5 != fold)
                continue;
              rsh_stance_model_predict (fm, train_features + (gsize) i * RSH_ALIGN_N_FEATURES,
                                        probs);
              for (guint k = 1; k < 3; k++)
                if (probs[k] > probs[guess])
                  guess = k;
              if (guess == pair->label - RSH_RELATION_AGREE)
                cv_right++;
            }
        }
      g_print ("Emergent train, 5-fold cross-validation by claim: %.2f %%\n",
               100.0 * cv_right / MAX (train->pairs->len, 1));
      return EXIT_SUCCESS;
    }

  labels = g_new (guint, train->pairs->len);
  for (guint i = 0; i < train->pairs->len; i++)
    labels[i] = g_array_index (train->pairs, BenchPair, i).label - RSH_RELATION_AGREE;
  model = rsh_stance_model_train (train_features, labels, NULL, train->pairs->len,
                                  RSH_ALIGN_N_FEATURES, 3, ROUNDS, RATE);

  for (guint i = 0; i < test->pairs->len; i++)
    {
      double probs[3];
      guint gold = g_array_index (test->pairs, BenchPair, i).label - RSH_RELATION_AGREE;
      guint guess = 0;

      rsh_stance_model_predict (model, test_features + (gsize) i * RSH_ALIGN_N_FEATURES, probs);
      for (guint k = 1; k < 3; k++)
        if (probs[k] > probs[guess])
          guess = k;
      confusion[gold][guess]++;
      if (gold == guess)
        right++;
      else if (verbose)
        g_print ("%s -> %s: %s | %s\n", names[gold], names[guess],
                 (const char *) g_ptr_array_index (test->claims,
                                                   g_array_index (test->pairs, BenchPair, i).claim),
                 (const char *) g_ptr_array_index (test->bodies,
                                                   g_array_index (test->pairs, BenchPair, i).body));
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
