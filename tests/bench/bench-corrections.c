/* bench-corrections.c: what applying a correction costs next to a full analysis
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-corrections [N_CORRECTIONS]
 *
 * Analyses the sample story (data/samples), then makes N corrections (default 40: rewordings,
 * stance changes, merges of neighbouring claims) one after the other. Each one is applied the
 * way the app does it, replaying every active correction onto the last automatic result, and
 * timed; undo and redo are timed too. Prints the times and their ratio to the analysis, the
 * fastest of three analyses.
 */

#include "config.h"

#include <stdio.h>

#include <rashomon.h>

#include "rsh-test-util.h"

#define N_ANALYSES 3

static RshCorrection *
make_correction (RshComparison *comparison,
                 guint          i)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);
  guint n = g_list_model_get_n_items (claims);
  g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i % n);
  g_autoptr(RshClaim) next = g_list_model_get_item (claims, (i + 1) % n);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction = NULL;

  switch (i % 3)
    {
    case 0:
      {
        g_autofree char *wording = g_strdup_printf ("Reworded claim %u", i);

        correction = rsh_correction_new_set_wording (comparison, rsh_claim_get_id (claim),
                                                     wording, &error);
      }
      break;

    case 1:
      if (g_list_model_get_n_items (rsh_claim_get_mentions (claim)) > 0)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (rsh_claim_get_mentions (claim), 0);
          g_autofree char *id = rsh_correction_dup_mention_id (mention);

          correction = rsh_correction_new_set_stance (comparison, id, RSH_STANCE_DISPUTES,
                                                      RSH_CORRECTION_KEEP_HEDGED, &error);
        }
      break;

    default:
      {
        const char *ids[] = { rsh_claim_get_id (claim), rsh_claim_get_id (next), NULL };

        if (claim != next)
          correction = rsh_correction_new_merge_claims (comparison, ids, &error);
      }
      break;
    }

  if (correction == NULL && error != NULL)
    g_printerr ("correction %u: %s\n", i, error->message);

  return correction;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(RshProject) project = rsh_project_new ();
  g_autoptr(GError) error = NULL;
  guint n_corrections = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 40;
  double analysis = G_MAXDOUBLE;
  double apply_total = 0, apply_max = 0, undo_time, redo_time;
  guint applied = 0;
  gint64 t0;

  g_setenv ("RSH_SOURCE_ROOT", RSH_BENCH_SOURCE_ROOT, FALSE);
  paths = rsh_test_sample_story ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(RshSource) source = rsh_project_add_file (project, file, NULL, &error);

      if (source == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  for (guint r = 0; r < N_ANALYSES; r++)
    {
      t0 = g_get_monotonic_time ();
      if (!rsh_project_analyze (project, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      analysis = MIN (analysis, (g_get_monotonic_time () - t0) / 1000.0);
    }

  for (guint i = 0; i < n_corrections; i++)
    {
      g_autoptr(RshCorrection) correction = make_correction (rsh_project_get_comparison (project),
                                                             i);
      double ms;

      if (correction == NULL)
        continue;

      t0 = g_get_monotonic_time ();
      if (!rsh_project_apply_correction (project, correction, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      apply_total += ms;
      apply_max = MAX (apply_max, ms);
      applied++;
    }

  t0 = g_get_monotonic_time ();
  rsh_project_undo (project, &error);
  undo_time = (g_get_monotonic_time () - t0) / 1000.0;
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  rsh_project_redo (project, &error);
  redo_time = (g_get_monotonic_time () - t0) / 1000.0;
  g_assert_no_error (error);

  printf ("sample story: %u sources, %u claims after %u corrections\n", paths->len,
          g_list_model_get_n_items (rsh_comparison_get_claims (rsh_project_get_comparison (project))),
          applied);
  printf ("analysis (fastest of %d):        %8.2f ms\n", N_ANALYSES, analysis);
  printf ("apply one correction, mean:      %8.2f ms  (%.3f of an analysis)\n",
          applied ? apply_total / applied : 0, applied ? apply_total / applied / analysis : 0);
  printf ("apply one correction, slowest:   %8.2f ms  (%.3f of an analysis, %u active)\n",
          apply_max, apply_max / analysis, applied);
  printf ("undo:                            %8.2f ms  (%.3f)\n", undo_time, undo_time / analysis);
  printf ("redo:                            %8.2f ms  (%.3f)\n", redo_time, redo_time / analysis);

  return 0;
}
