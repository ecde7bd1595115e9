/* bench-fnc1.c: the shipped stance model on the held-out fifth of the FNC-1 train bodies
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each headline is a tracked claim, each body an article. Bodies whose id hashes into the
 * held-out fifth (train-stance never sees them) are scored with the FNC-1 metric.
 * RSH_BENCH_DROP="38,39,40" zeroes features first (here: the context ones, as when the
 * other texts on a claim are not known).
 */

#include "config.h"

#include <stdlib.h>

#include "rashomon.h"
#include "bench-align-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = bench_data_dir ();
  g_autofree char *probe = g_build_filename (dir, "fnc1", "train_stances.csv", NULL);
  g_autofree double *features = NULL;
  g_autofree guint *predicted = NULL;
  g_autoptr(BenchSet) dev = bench_set_new ();
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(RshAligner) aligner = NULL;
  g_autoptr(RshStanceModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  if (!g_file_test (probe, G_FILE_TEST_EXISTS))
    {
      g_print ("FNC-1 data not found at %s: skipped\n", dir);
      return EXIT_SUCCESS;
    }

  lexicon = rsh_lexicon_load_default ("en", &error);
  if (lexicon == NULL || !bench_load_fnc1 (dir, TRUE, dev, &error) ||
      (model = rsh_stance_model_load_default (&error)) == NULL)
    {
      g_printerr ("bench-fnc1: %s\n", error->message);
      return EXIT_FAILURE;
    }

  aligner = rsh_aligner_new (lexicon);
  features = bench_features (aligner, dev);
  /* RSH_BENCH_DROP="38,39,40" scores what a reader without those features would see. */
  bench_drop_features (features, dev->pairs->len);
  predicted = g_new (guint, dev->pairs->len);
  for (guint i = 0; i < dev->pairs->len; i++)
    {
      double probs[RSH_N_RELATIONS];

      rsh_stance_model_predict (model, features + (gsize) i * RSH_ALIGN_N_FEATURES, probs);
      predicted[i] = rsh_relation_for_fnc_score (probs);
    }

  g_print ("FNC-1, held-out 20 %% of train bodies (%u bodies, %u headlines)\n",
           dev->bodies->len, dev->claims->len);
  bench_fnc_report (dev, predicted);
  g_print ("(%.1f s)\n", (g_get_monotonic_time () - started) / 1e6);

  return EXIT_SUCCESS;
}
