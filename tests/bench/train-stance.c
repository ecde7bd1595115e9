/* train-stance.c: trains the stance model shipped in data/models/stance-en.model
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the FNC-1 train split, keeps the rows of the bodies outside the held-out fifth
 * (bench-fnc1 scores that fifth), computes the hand-made features of rsh_align_features()
 * and boosts stumps over them. The model holds numbers only. Usage:
 *
 *   train-stance [OUTPUT]      (default: data/models/stance-en.model in the source tree)
 */

#include "config.h"

#include <stdlib.h>

#include "rashomon.h"
#include "bench-align-util.h"

#define ROUNDS 400
#define RATE   0.1
#define DISAGREE_WEIGHT 3.0

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = bench_data_dir ();
  g_autofree char *probe = g_build_filename (dir, "fnc1", "train_stances.csv", NULL);
  g_autofree char *output = NULL;
  g_autofree double *features = NULL;
  g_autofree guint *labels = NULL;
  g_autofree double *weights = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BenchSet) train = bench_set_new ();
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(RshStanceModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  output = argc > 1 ? g_strdup (argv[1])
                    : g_build_filename (RSH_BENCH_SOURCE_ROOT, "data", "models",
                                        "stance-en.model", NULL);

  if (!g_file_test (probe, G_FILE_TEST_EXISTS))
    {
      g_print ("FNC-1 data not found at %s: nothing to train on\n", dir);
      return EXIT_SUCCESS;
    }

  lexicon = rsh_lexicon_load_default ("en", &error);
  if (lexicon == NULL || !bench_load_fnc1 (dir, FALSE, train, &error))
    {
      g_printerr ("train-stance: %s\n", error->message);
      return EXIT_FAILURE;
    }

  aligner = rsh_aligner_new (lexicon);
  features = bench_features (aligner, train);
  labels = g_new (guint, train->pairs->len);
  weights = g_new (double, train->pairs->len);
  for (guint i = 0; i < train->pairs->len; i++)
    {
      labels[i] = g_array_index (train->pairs, BenchPair, i).label;
      /* Disagreement is rare (2 % of rows) and the class users care most about. */
      weights[i] = labels[i] == RSH_RELATION_DISAGREE ? DISAGREE_WEIGHT : 1.0;
    }

  model = rsh_stance_model_train (features, labels, weights, train->pairs->len,
                                  RSH_ALIGN_N_FEATURES, RSH_N_RELATIONS, ROUNDS, RATE);
  text = rsh_stance_model_serialize (model);
  if (!g_file_set_contents (output, text, -1, &error))
    {
      g_printerr ("train-stance: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("trained on %u pairs (%u bodies) in %.1f s; wrote %s\n", train->pairs->len,
           train->bodies->len, (g_get_monotonic_time () - started) / 1e6, output);

  return EXIT_SUCCESS;
}
