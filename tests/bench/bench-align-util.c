/* bench-align-util.c: reading the public stance data sets for the alignment benchmarks
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rashomon.h"
#include "bench-align-util.h"

/* The data sets live outside the project: $RSH_SHARED_DATA, else ../shared/data next to
 * the source root. */
char *
bench_data_dir (void)
{
  const char *env = g_getenv ("RSH_SHARED_DATA");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (RSH_BENCH_SOURCE_ROOT, "..", "shared", "data", NULL);
}

/* RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes
 * and line breaks. Returns rows as string vectors, the header first. */
GPtrArray *
bench_read_csv (const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GPtrArray *rows;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  row = g_ptr_array_new ();

  for (gsize i = 0; i <= length; i++)
    {
      char c = i < length ? contents[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < length && contents[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }

      if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\n')
        {
          if (i == length && row->len == 0 && field->len == 0)
            break;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&row), FALSE));
          row = g_ptr_array_new ();
        }
      else if (c != '\r')
        g_string_append_c (field, c);
    }

  return rows;
}

BenchSet *
bench_set_new (void)
{
  BenchSet *set = g_new0 (BenchSet, 1);

  set->claims = g_ptr_array_new_with_free_func (g_free);
  set->bodies = g_ptr_array_new_with_free_func (g_free);
  set->pairs = g_array_new (FALSE, FALSE, sizeof (BenchPair));

  return set;
}

void
bench_set_free (BenchSet *set)
{
  g_ptr_array_unref (set->claims);
  g_ptr_array_unref (set->bodies);
  g_array_unref (set->pairs);
  g_free (set);
}

static guint
intern (GPtrArray  *texts,
        GHashTable *index,
        const char *text)
{
  gpointer at;

  if (g_hash_table_lookup_extended (index, text, NULL, &at))
    return GPOINTER_TO_UINT (at);

  g_ptr_array_add (texts, g_strdup (text));
  g_hash_table_insert (index, g_strdup (text), GUINT_TO_POINTER (texts->len - 1));
  return texts->len - 1;
}

/* The fifth a body belongs to: FNV-1a of its id, modulo 5; 0 is the held-out one. */
static guint
body_fold (const char *body_id)
{
  guint32 h = 2166136261u;

  for (const char *p = body_id; *p; p++)
    h = (h ^ (guchar) *p) * 16777619u;

  return h % 5;
}

static gboolean
label_from_string (const char *name,
                   guint      *label)
{
  static const char * const names[] = { "unrelated", "agree", "disagree", "discuss" };
  static const char * const emergent[] = { NULL, "for", "against", "observing" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0 || g_strcmp0 (name, emergent[i]) == 0)
      {
        *label = i;
        return TRUE;
      }

  return FALSE;
}

/* FNC-1 train split: the rows of the held-out bodies (@dev) or of the others. */
gboolean
bench_load_fnc1 (const char  *dir,
                 gboolean     dev,
                 BenchSet    *set,
                 GError     **error)
{
  g_autofree char *bodies_path = g_build_filename (dir, "fnc1", "train_bodies.csv", NULL);
  g_autofree char *stances_path = g_build_filename (dir, "fnc1", "train_stances.csv", NULL);
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) stances = NULL;
  g_autoptr(GHashTable) body_text = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) claim_index = NULL;
  g_autoptr(GHashTable) body_index = NULL;

  bodies = bench_read_csv (bodies_path, error);
  if (bodies == NULL)
    return FALSE;
  stances = bench_read_csv (stances_path, error);
  if (stances == NULL)
    return FALSE;

  claim_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  body_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; i < bodies->len; i++)
    {
      char **row = g_ptr_array_index (bodies, i);

      if (g_strv_length (row) >= 2)
        g_hash_table_insert (body_text, row[0], row[1]);
    }

  for (guint i = 1; i < stances->len; i++)
    {
      char **row = g_ptr_array_index (stances, i);
      const char *text;
      BenchPair pair;

      if (g_strv_length (row) < 3 || (body_fold (row[1]) == 0) != dev)
        continue;
      text = g_hash_table_lookup (body_text, row[1]);
      if (text == NULL || !label_from_string (row[2], &pair.label))
        continue;

      pair.fold = body_fold (row[1]);
      pair.claim = intern (set->claims, claim_index, row[0]);
      pair.body = intern (set->bodies, body_index, text);
      g_array_append_val (set->pairs, pair);
    }

  return TRUE;
}

/* Emergent: claim headline against article headline, the articles of one split. */
gboolean
bench_load_emergent (const char  *dir,
                     const char  *split,
                     BenchSet    *set,
                     GError     **error)
{
  g_autofree char *data_path = g_build_filename (dir, "emergent",
                                                 "url-versions-2015-06-14-clean.csv", NULL);
  g_autofree char *split_path = g_build_filename (dir, "emergent", "split_ferreira2016.csv",
                                                  NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GHashTable) split_of = NULL;
  g_autoptr(GHashTable) claim_index = NULL;
  g_autoptr(GHashTable) body_index = NULL;

  rows = bench_read_csv (data_path, error);
  if (rows == NULL)
    return FALSE;
  splits = bench_read_csv (split_path, error);
  if (splits == NULL)
    return FALSE;

  split_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  claim_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  body_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; i < splits->len; i++)
    {
      char **row = g_ptr_array_index (splits, i);

      if (g_strv_length (row) >= 3)
        g_hash_table_insert (split_of, g_strconcat (row[0], "/", row[1], NULL), row[2]);
    }

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *key = NULL;
      BenchPair pair;

      if (g_strv_length (row) < 6)
        continue;
      key = g_strconcat (row[4], "/", row[5], NULL);
      if (g_strcmp0 (g_hash_table_lookup (split_of, key), split) != 0)
        continue;
      if (!label_from_string (row[3], &pair.label))
        continue;

      pair.fold = 0;
      pair.claim = intern (set->claims, claim_index, row[1]);
      pair.body = intern (set->bodies, body_index, row[2]);
      g_array_append_val (set->pairs, pair);
    }

  return TRUE;
}

/* The model's features for every pair of @set, with document frequencies counted over the
 * set's own texts. */
double *
bench_features (RshAligner *aligner,
                BenchSet   *set)
{
  g_autoptr(GPtrArray) claims =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  g_autoptr(GPtrArray) bodies =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_align_text_free);
  g_autoptr(RshIdf) idf = rsh_idf_new ();
  double *features;

  for (guint i = 0; i < set->claims->len; i++)
    {
      RshAlignText *text = rsh_aligner_analyze (aligner, g_ptr_array_index (set->claims, i),
                                                -1, NULL);

      g_ptr_array_add (claims, text);
      rsh_idf_add (idf, text);
    }
  for (guint i = 0; i < set->bodies->len; i++)
    {
      RshAlignText *text = rsh_aligner_analyze (aligner, g_ptr_array_index (set->bodies, i),
                                                -1, NULL);

      g_ptr_array_add (bodies, text);
      rsh_idf_add (idf, text);
    }

  features = g_new (double, (gsize) set->pairs->len * RSH_ALIGN_N_FEATURES);
  for (guint i = 0; i < set->pairs->len; i++)
    {
      const BenchPair *pair = &g_array_index (set->pairs, BenchPair, i);

      rsh_align_features (g_ptr_array_index (claims, pair->claim),
                          g_ptr_array_index (bodies, pair->body), idf,
                          features + (gsize) i * RSH_ALIGN_N_FEATURES);
    }

  {
    g_autofree guint *claim_of_row = g_new (guint, MAX (set->pairs->len, 1));

    for (guint i = 0; i < set->pairs->len; i++)
      claim_of_row[i] = g_array_index (set->pairs, BenchPair, i).claim;
    rsh_align_add_context (features, set->pairs->len, claim_of_row);
  }

  return features;
}

/* RSH_BENCH_DROP="3,17": zeroes those features in every row, to measure what each is
 * worth in a cross-validation. */
void
bench_drop_features (double *features,
                     guint   n_rows)
{
  g_auto(GStrv) drop = NULL;

  if (g_getenv ("RSH_BENCH_DROP") == NULL)
    return;

  drop = g_strsplit (g_getenv ("RSH_BENCH_DROP"), ",", -1);
  for (guint d = 0; drop[d] != NULL; d++)
    {
      guint64 f = g_ascii_strtoull (drop[d], NULL, 10);

      if (*drop[d] == '\0' || f >= RSH_ALIGN_N_FEATURES)
        continue;
      for (guint i = 0; i < n_rows; i++)
        features[(gsize) i * RSH_ALIGN_N_FEATURES + f] = 0;
    }
}

/* The FNC-1 score of @predicted against @gold as a percentage, and the F1 of each class
 * into @f1 (RSH_N_RELATIONS values). */
double
bench_fnc_evaluate (const guint *gold,
                    const guint *predicted,
                    guint        n,
                    double      *f1)
{
  guint confusion[RSH_N_RELATIONS][RSH_N_RELATIONS] = { { 0, }, };
  double score = 0, best = 0;

  for (guint i = 0; i < n; i++)
    {
      confusion[gold[i]][predicted[i]]++;
      best += gold[i] == RSH_RELATION_UNRELATED ? 0.25 : 1.0;
      if ((gold[i] == RSH_RELATION_UNRELATED) == (predicted[i] == RSH_RELATION_UNRELATED))
        score += 0.25;
      if (gold[i] != RSH_RELATION_UNRELATED && gold[i] == predicted[i])
        score += 0.75;
    }

  for (guint k = 0; k < RSH_N_RELATIONS; k++)
    {
      guint tp = confusion[k][k], fp = 0, fn = 0;

      for (guint o = 0; o < RSH_N_RELATIONS; o++)
        if (o != k)
          {
            fp += confusion[o][k];
            fn += confusion[k][o];
          }
      f1[k] = tp > 0 ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
    }

  return best > 0 ? 100 * score / best : 0;
}

/* Prints the FNC-1 score of @predicted against @set's labels, and the F1 of each class;
 * returns the score as a percentage. */
double
bench_fnc_report (BenchSet    *set,
                  const guint *predicted)
{
  static const char * const names[] = { "unrelated", "agree", "disagree", "discuss" };
  guint confusion[RSH_N_RELATIONS][RSH_N_RELATIONS] = { { 0, }, };
  double score = 0, best = 0;

  for (guint i = 0; i < set->pairs->len; i++)
    {
      guint gold = g_array_index (set->pairs, BenchPair, i).label;
      guint guess = predicted[i];

      confusion[gold][guess]++;
      best += gold == RSH_RELATION_UNRELATED ? 0.25 : 1.0;
      if ((gold == RSH_RELATION_UNRELATED) == (guess == RSH_RELATION_UNRELATED))
        score += 0.25;
      if (gold != RSH_RELATION_UNRELATED && gold == guess)
        score += 0.75;
    }

  g_print ("pairs: %u\n", set->pairs->len);
  g_print ("confusion (rows gold, columns predicted: unrelated agree disagree discuss):\n");
  for (guint g = 0; g < RSH_N_RELATIONS; g++)
    g_print ("  %-9s %6u %6u %6u %6u\n", names[g], confusion[g][0], confusion[g][1],
             confusion[g][2], confusion[g][3]);

  for (guint k = 0; k < RSH_N_RELATIONS; k++)
    {
      guint tp = confusion[k][k], fp = 0, fn = 0;
      double p, r;

      for (guint o = 0; o < RSH_N_RELATIONS; o++)
        if (o != k)
          {
            fp += confusion[o][k];
            fn += confusion[k][o];
          }
      p = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
      r = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
      g_print ("F1 %-9s %.3f (precision %.3f, recall %.3f)\n", names[k],
               p + r > 0 ? 2 * p * r / (p + r) : 0, p, r);
    }

  g_print ("FNC-1 score: %.2f %% (%.2f of %.2f)\n", 100 * score / best, score, best);

  return 100 * score / best;
}
