/* bench-align-util.h: reading the public stance data sets for the alignment benchmarks
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rsh-align.h"

G_BEGIN_DECLS

/* One labelled pair: a claim (headline) and a text (body or article headline). */
typedef struct
{
  guint claim;     /* index into the claim texts */
  guint body;      /* index into the body texts */
  guint label;     /* RshRelation */
  guint fold;      /* FNC-1: FNV-1a of the body id modulo 5 (0: held out); else 0 */
} BenchPair;

typedef struct
{
  GPtrArray *claims;   /* char * */
  GPtrArray *bodies;   /* char * */
  GArray    *pairs;    /* BenchPair */
} BenchSet;

char     *bench_data_dir         (void);
GPtrArray *bench_read_csv        (const char  *path,
                                  GError     **error);
BenchSet *bench_set_new          (void);
void      bench_set_free         (BenchSet    *set);
gboolean  bench_load_fnc1        (const char  *dir,
                                  gboolean     dev,
                                  BenchSet    *set,
                                  GError     **error);
gboolean  bench_load_emergent    (const char  *dir,
                                  const char  *split,
                                  BenchSet    *set,
                                  GError     **error);
double    bench_fnc_report       (BenchSet    *set,
                                  const guint *predicted);
double    bench_fnc_evaluate     (const guint *gold,
                                  const guint *predicted,
                                  guint        n,
                                  double      *f1);
double   *bench_features         (RshAligner  *aligner,
                                  BenchSet    *set);
void      bench_drop_features    (double      *features,
                                  guint        n_rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchSet, bench_set_free)

G_END_DECLS
