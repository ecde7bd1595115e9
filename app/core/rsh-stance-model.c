/* rsh-stance-model.c: a small boosted model from hand-made features to stance classes
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rashomon.h"
#include "rsh-align.h"
#include "rsh-core-resources.h"

#define MODEL_MAGIC    "rashomon-stance-model"
#define MODEL_VERSION  "2"
#define MODEL_RESOURCE "/io/github/rashomon/Rashomon/models/stance-en.model"
#define MAX_BINS       48
#define LAMBDA         1.0

/* A tree of depth two adds one of four values to its class's score: the root sends a row
 * left where feature <= threshold, and each side splits again on its own feature. A stump
 * (depth one) is a tree whose sides split on the root's own test, with equal leaves. */
typedef struct
{
  guint  klass;
  guint  feature;
  double threshold;
  guint  sub_feature[2];
  double sub_threshold[2];
  double leaf[2][2];       /* [side][sub-side] */
} Tree;

struct _RshStanceModel
{
  guint   n_classes;
  guint   n_features;
  double *base;     /* n_classes */
  GArray *trees;    /* Tree */
};

static RshStanceModel *
model_new (guint n_classes,
           guint n_features)
{
  RshStanceModel *self = g_new0 (RshStanceModel, 1);

  self->n_classes = n_classes;
  self->n_features = n_features;
  self->base = g_new0 (double, n_classes);
  self->trees = g_array_new (FALSE, FALSE, sizeof (Tree));

  return self;
}

static void
softmax (double *scores,
         guint   n)
{
  double max = scores[0];
  double sum = 0;

  for (guint k = 1; k < n; k++)
    max = MAX (max, scores[k]);
  for (guint k = 0; k < n; k++)
    {
      scores[k] = exp (scores[k] - max);
      sum += scores[k];
    }
  for (guint k = 0; k < n; k++)
    scores[k] /= sum;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Cut points between quantiles of one feature's values; returns how many. */
static guint
find_thresholds (const double *features,
                 guint         n_samples,
                 guint         n_features,
                 guint         f,
                 double       *thresholds)
{
  g_autofree double *values = g_new (double, n_samples);
  guint n = 0;

  for (guint i = 0; i < n_samples; i++)
    values[i] = features[(gsize) i * n_features + f];
  qsort (values, n_samples, sizeof (double), compare_doubles);

  for (guint b = 1; b < MAX_BINS; b++)
    {
      guint at = (guint) ((guint64) b * n_samples / MAX_BINS);
      double lo, hi;

      if (at == 0 || at >= n_samples)
        continue;
      lo = values[at - 1];
      hi = values[at];
      /* Move to the next change of value so a cut always separates something. */
      while (at < n_samples && values[at] == lo)
        at++;
      if (at >= n_samples)
        break;
      hi = values[at];
      if (n > 0 && thresholds[n - 1] >= (lo + hi) / 2)
        continue;
      thresholds[n++] = (lo + hi) / 2;
    }

  return n;
}

/* The best cut of one node from its histograms: returns the gain (0: none) and sets the
 * feature and the bin whose upper threshold the cut is. */
static double
best_cut (const double *hist_g,
          const double *hist_h,
          double        sum_g,
          double        sum_h,
          guint         n_features,
          const guint  *n_thresholds,
          guint        *feature,
          guint        *bin,
          double       *left_g_out,
          double       *left_h_out)
{
  double best_gain = 0;
  double parent = sum_g * sum_g / (sum_h + LAMBDA);

  for (guint f = 0; f < n_features; f++)
    {
      double left_g = 0, left_h = 0;

      for (guint b = 0; b < n_thresholds[f]; b++)
        {
          double right_g, right_h, gain;

          left_g += hist_g[f * (MAX_BINS + 1) + b];
          left_h += hist_h[f * (MAX_BINS + 1) + b];
          right_g = sum_g - left_g;
          right_h = sum_h - left_h;
          gain = left_g * left_g / (left_h + LAMBDA) +
                 right_g * right_g / (right_h + LAMBDA) - parent;
          if (gain > best_gain)
            {
              best_gain = gain;
              *feature = f;
              *bin = b;
              *left_g_out = left_g;
              *left_h_out = left_h;
            }
        }
    }

  return best_gain;
}

/* Numbers in the model file: thresholds exact enough to cut where training cut, scores
 * to six digits. */
static void
append_number (GString *out,
               double   value,
               gboolean threshold)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ' ');
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, threshold ? "%.9g" : "%.6g", value));
}

static double
tree_value (const Tree  *s,
             const double *x)
{
  guint side = x[s->feature] <= s->threshold ? 0 : 1;
  guint sub = x[s->sub_feature[side]] <= s->sub_threshold[side] ? 0 : 1;

  return s->leaf[side][sub];
}

/**
 * rsh_stance_model_train:
 * @features: (array): @n_samples rows of @n_features values
 * @labels: (array length=n_samples): the class of each row, below @n_classes
 * @weights: (nullable) (array length=n_samples): the weight of each row, or %NULL for 1
 * @n_samples: how many rows
 * @n_features: values per row
 * @n_classes: how many classes
 * @n_rounds: boosting rounds; each adds one stump per class
 * @rate: shrinkage of each stump, such as 0.1
 *
 * Fits a multinomial model as a sum of one-feature stumps by Newton boosting of the
 * softmax log-loss: rsh_stance_model_train_trees() with depth 1.
 *
 * Returns: (transfer full): the model
 */
RshStanceModel *
rsh_stance_model_train (const double *features,
                        const guint  *labels,
                        const double *weights,
                        guint         n_samples,
                        guint         n_features,
                        guint         n_classes,
                        guint         n_rounds,
                        double        rate)
{
  return rsh_stance_model_train_trees (features, labels, weights, n_samples, n_features,
                                       n_classes, n_rounds, rate, 1);
}

/**
 * rsh_stance_model_train_trees:
 * @features: (array): @n_samples rows of @n_features values
 * @labels: (array length=n_samples): the class of each row, below @n_classes
 * @weights: (nullable) (array length=n_samples): the weight of each row, or %NULL for 1
 * @n_samples: how many rows
 * @n_features: values per row
 * @n_classes: how many classes
 * @n_rounds: boosting rounds; each adds one tree per class
 * @rate: shrinkage of each tree, such as 0.1
 * @depth: 1 for one-feature stumps, 2 for trees that test a second feature on each side
 *   (pairs of features: "the claim's words are there" and "a denial stands near them")
 *
 * Fits a multinomial model as a sum of small trees by Newton boosting of the softmax
 * log-loss, cutting each feature between quantiles of its values. Deterministic: the same
 * input gives the same model.
 *
 * Returns: (transfer full): the model
 */
RshStanceModel *
rsh_stance_model_train_trees (const double *features,
                              const guint  *labels,
                              const double *weights,
                              guint         n_samples,
                              guint         n_features,
                              guint         n_classes,
                              guint         n_rounds,
                              double        rate,
                              guint         depth)
{
  RshStanceModel *self;
  g_autofree double *thresholds = NULL;
  g_autofree guint *n_thresholds = NULL;
  g_autofree guint8 *bins = NULL;
  g_autofree double *scores = NULL;
  g_autofree double *probs = NULL;
  g_autofree double *grad = NULL;
  g_autofree double *hess = NULL;
  g_autofree double *hist_g = NULL;
  g_autofree double *hist_h = NULL;
  gsize hist_size = (gsize) n_features * (MAX_BINS + 1);
  double total_w = 0;

  g_return_val_if_fail (features != NULL && labels != NULL, NULL);
  g_return_val_if_fail (n_samples > 0 && n_features > 0 && n_classes > 1, NULL);
  g_return_val_if_fail (depth == 1 || depth == 2, NULL);

  self = model_new (n_classes, n_features);

  thresholds = g_new0 (double, (gsize) n_features * MAX_BINS);
  n_thresholds = g_new0 (guint, n_features);
  for (guint f = 0; f < n_features; f++)
    n_thresholds[f] = find_thresholds (features, n_samples, n_features, f,
                                       thresholds + (gsize) f * MAX_BINS);

  /* Bin b holds values in (threshold[b - 1], threshold[b]]. */
  bins = g_new (guint8, (gsize) n_samples * n_features);
  for (guint i = 0; i < n_samples; i++)
    for (guint f = 0; f < n_features; f++)
      {
        double x = features[(gsize) i * n_features + f];
        const double *t = thresholds + (gsize) f * MAX_BINS;
        guint lo = 0, hi = n_thresholds[f];

        while (lo < hi)
          {
            guint mid = (lo + hi) / 2;

            if (x <= t[mid])
              hi = mid;
            else
              lo = mid + 1;
          }
        bins[(gsize) i * n_features + f] = lo;
      }

  for (guint i = 0; i < n_samples; i++)
    {
      double w = weights ? weights[i] : 1.0;

      self->base[labels[i]] += w;
      total_w += w;
    }
  for (guint k = 0; k < n_classes; k++)
    self->base[k] = log ((self->base[k] + 1.0) / (total_w + n_classes));

  scores = g_new (double, (gsize) n_samples * n_classes);
  probs = g_new (double, (gsize) n_samples * n_classes);
  grad = g_new (double, n_samples);
  hess = g_new (double, n_samples);
  for (guint i = 0; i < n_samples; i++)
    memcpy (scores + (gsize) i * n_classes, self->base, n_classes * sizeof (double));

  /* One histogram for the root and one for each of its sides. */
  hist_g = g_new (double, hist_size * 3);
  hist_h = g_new (double, hist_size * 3);

  for (guint round = 0; round < n_rounds; round++)
    {
      memcpy (probs, scores, (gsize) n_samples * n_classes * sizeof (double));
      for (guint i = 0; i < n_samples; i++)
        softmax (probs + (gsize) i * n_classes, n_classes);

      for (guint k = 0; k < n_classes; k++)
        {
          Tree best = { k, 0, 0, { 0, 0 }, { 0, 0 }, { { 0, 0 }, { 0, 0 } } };
          double sum_g = 0, sum_h = 0, left_g = 0, left_h = 0;
          double side_g[2], side_h[2];
          guint bin = 0;

          memset (hist_g, 0, hist_size * 3 * sizeof (double));
          memset (hist_h, 0, hist_size * 3 * sizeof (double));

          for (guint i = 0; i < n_samples; i++)
            {
              double p = probs[(gsize) i * n_classes + k];
              double w = weights ? weights[i] : 1.0;
              const guint8 *row = bins + (gsize) i * n_features;

              grad[i] = w * ((labels[i] == k ? 1.0 : 0.0) - p);
              hess[i] = w * MAX (p * (1 - p), 1e-6);
              sum_g += grad[i];
              sum_h += hess[i];
              for (guint f = 0; f < n_features; f++)
                {
                  hist_g[f * (MAX_BINS + 1) + row[f]] += grad[i];
                  hist_h[f * (MAX_BINS + 1) + row[f]] += hess[i];
                }
            }

          if (best_cut (hist_g, hist_h, sum_g, sum_h, n_features, n_thresholds,
                        &best.feature, &bin, &left_g, &left_h) <= 0)
            continue;

          best.threshold = thresholds[(gsize) best.feature * MAX_BINS + bin];
          side_g[0] = left_g;
          side_h[0] = left_h;
          side_g[1] = sum_g - left_g;
          side_h[1] = sum_h - left_h;
          for (guint side = 0; side < 2; side++)
            {
              double value = rate * side_g[side] / (side_h[side] + LAMBDA);

              best.sub_feature[side] = best.feature;
              best.sub_threshold[side] = best.threshold;
              best.leaf[side][0] = best.leaf[side][1] = value;
            }

          if (depth == 2)
            {
              double *side_hist_g = hist_g + hist_size;
              double *side_hist_h = hist_h + hist_size;

              for (guint i = 0; i < n_samples; i++)
                {
                  const guint8 *row = bins + (gsize) i * n_features;
                  gsize at = row[best.feature] <= bin ? 0 : hist_size;

                  for (guint f = 0; f < n_features; f++)
                    {
                      side_hist_g[at + f * (MAX_BINS + 1) + row[f]] += grad[i];
                      side_hist_h[at + f * (MAX_BINS + 1) + row[f]] += hess[i];
                    }
                }

              for (guint side = 0; side < 2; side++)
                {
                  guint sub_feature = 0, sub_bin = 0;
                  double sub_g = 0, sub_h = 0;

                  if (best_cut (side_hist_g + side * hist_size, side_hist_h + side * hist_size,
                                side_g[side], side_h[side], n_features, n_thresholds,
                                &sub_feature, &sub_bin, &sub_g, &sub_h) <= 0)
                    continue;
                  best.sub_feature[side] = sub_feature;
                  best.sub_threshold[side] = thresholds[(gsize) sub_feature * MAX_BINS + sub_bin];
                  best.leaf[side][0] = rate * sub_g / (sub_h + LAMBDA);
                  best.leaf[side][1] = rate * (side_g[side] - sub_g) /
                                       (side_h[side] - sub_h + LAMBDA);
                }
            }

          g_array_append_val (self->trees, best);
          for (guint i = 0; i < n_samples; i++)
            scores[(gsize) i * n_classes + k] +=
              tree_value (&best, features + (gsize) i * n_features);
        }
    }

  return self;
}

/**
 * rsh_stance_model_add_bias:
 * @self: a model
 * @klass: a class of the model
 * @bias: what to add to the class's score
 *
 * Moves a class's decision threshold: a positive @bias makes the model name the class
 * more often. Training programs use it to calibrate a rare class on held-out rows.
 */
void
rsh_stance_model_add_bias (RshStanceModel *self,
                           guint           klass,
                           double          bias)
{
  g_return_if_fail (self != NULL && klass < self->n_classes);

  self->base[klass] += bias;
}

/**
 * rsh_stance_model_new_from_bytes:
 * @bytes: a model as written by rsh_stance_model_serialize()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
RshStanceModel *
rsh_stance_model_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  RshStanceModel *self = NULL;
  gsize size;
  const char *data;
  guint n_classes = 0, n_features = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strstrip (lines[i]), " ", -1);
      guint n = g_strv_length (fields);

      if (n == 0 || fields[0][0] == '\0' || fields[0][0] == '#')
        continue;

      if (i == 0)
        {
          if (n != 2 || strcmp (fields[0], MODEL_MAGIC) != 0 ||
              (strcmp (fields[1], "1") != 0 && strcmp (fields[1], MODEL_VERSION) != 0))
            break;
          continue;
        }

      if (strcmp (fields[0], "classes") == 0 && n == 2 && self == NULL)
        n_classes = (guint) g_ascii_strtoull (fields[1], NULL, 10);
      else if (strcmp (fields[0], "features") == 0 && n == 2 && self == NULL)
        n_features = (guint) g_ascii_strtoull (fields[1], NULL, 10);
      else if (strcmp (fields[0], "base") == 0 && self == NULL &&
               n_classes > 1 && n_classes <= 16 && n_features > 0 && n_features <= 4096 &&
               n == n_classes + 1)
        {
          self = model_new (n_classes, n_features);
          for (guint k = 0; k < n_classes; k++)
            self->base[k] = g_ascii_strtod (fields[k + 1], NULL);
        }
      else if (self != NULL && ((strcmp (fields[0], "stump") == 0 && n == 6) ||
                                (strcmp (fields[0], "tree") == 0 && n == 12)))
        {
          Tree tree;

          tree.klass = (guint) g_ascii_strtoull (fields[1], NULL, 10);
          tree.feature = (guint) g_ascii_strtoull (fields[2], NULL, 10);
          tree.threshold = g_ascii_strtod (fields[3], NULL);
          for (guint side = 0; side < 2; side++)
            {
              if (n == 6)
                {
                  tree.sub_feature[side] = tree.feature;
                  tree.sub_threshold[side] = tree.threshold;
                  tree.leaf[side][0] = tree.leaf[side][1] =
                    g_ascii_strtod (fields[4 + side], NULL);
                }
              else
                {
                  tree.sub_feature[side] =
                    (guint) g_ascii_strtoull (fields[4 + 4 * side], NULL, 10);
                  tree.sub_threshold[side] = g_ascii_strtod (fields[5 + 4 * side], NULL);
                  tree.leaf[side][0] = g_ascii_strtod (fields[6 + 4 * side], NULL);
                  tree.leaf[side][1] = g_ascii_strtod (fields[7 + 4 * side], NULL);
                }
            }
          if (tree.klass >= n_classes || tree.feature >= n_features ||
              tree.sub_feature[0] >= n_features || tree.sub_feature[1] >= n_features)
            {
              rsh_stance_model_free (self);
              self = NULL;
              break;
            }
          g_array_append_val (self->trees, tree);
        }
      else
        {
          g_clear_pointer (&self, rsh_stance_model_free);
          break;
        }
    }

  if (self == NULL)
    g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                 _("The stance model is damaged. Reinstall Rashomon or train the model again."));

  return self;
}

/**
 * rsh_stance_model_load_default:
 * @error: return location for a #GError
 *
 * Loads the English stance model shipped in the engine's resources.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
RshStanceModel *
rsh_stance_model_load_default (GError **error)
{
  static gsize registered = 0;
  g_autoptr(GBytes) bytes = NULL;

  /* The lexicon loader may have registered them too; a second entry is harmless. */
  if (g_once_init_enter (&registered))
    {
      rsh_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resources_lookup_data (MODEL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                   _("The stance model is missing from this build of Rashomon."));
      return NULL;
    }

  return rsh_stance_model_new_from_bytes (bytes, error);
}

/**
 * rsh_stance_model_serialize:
 * @self: a model
 *
 * Returns: (transfer full): the model as text: numbers only
 */
char *
rsh_stance_model_serialize (RshStanceModel *self)
{
  GString *out = g_string_new (MODEL_MAGIC " " MODEL_VERSION "\n"
                               "# SPDX-FileCopyrightText: 2026 Rashomon contributors\n"
                               "# SPDX-License-Identifier: GPL-3.0-or-later\n"
                               "# Boosted stumps and trees of depth two over the features of\n"
                               "# rsh_align_features(); written by tests/bench/train-stance.\n"
                               "# stump CLASS FEATURE THRESHOLD LEFT RIGHT\n"
                               "# tree CLASS FEATURE THRESHOLD, then for each side: FEATURE\n"
                               "#   THRESHOLD LEFT RIGHT. Numbers only.\n");

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "classes %u\nfeatures %u\nbase", self->n_classes,
                          self->n_features);
  for (guint k = 0; k < self->n_classes; k++)
    append_number (out, self->base[k], FALSE);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->trees->len; i++)
    {
      const Tree *s = &g_array_index (self->trees, Tree, i);

      gboolean is_stump = TRUE;

      for (guint side = 0; side < 2; side++)
        if (s->sub_feature[side] != s->feature || s->sub_threshold[side] != s->threshold ||
            s->leaf[side][0] != s->leaf[side][1])
          is_stump = FALSE;

      g_string_append_printf (out, "%s %u %u", is_stump ? "stump" : "tree", s->klass,
                              s->feature);
      append_number (out, s->threshold, TRUE);
      for (guint side = 0; side < 2; side++)
        {
          if (is_stump)
            {
              append_number (out, s->leaf[side][0], FALSE);
              continue;
            }
          g_string_append_printf (out, " %u", s->sub_feature[side]);
          append_number (out, s->sub_threshold[side], TRUE);
          append_number (out, s->leaf[side][0], FALSE);
          append_number (out, s->leaf[side][1], FALSE);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

guint
rsh_stance_model_get_n_classes (RshStanceModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_classes;
}

/**
 * rsh_stance_model_predict:
 * @self: a model
 * @features: (array): one row of the model's features
 * @probabilities: (out caller-allocates) (array): one probability per class
 */
void
rsh_stance_model_predict (RshStanceModel *self,
                          const double   *features,
                          double         *probabilities)
{
  g_return_if_fail (self != NULL && features != NULL && probabilities != NULL);

  memcpy (probabilities, self->base, self->n_classes * sizeof (double));
  for (guint i = 0; i < self->trees->len; i++)
    {
      const Tree *s = &g_array_index (self->trees, Tree, i);

      probabilities[s->klass] += tree_value (s, features);
    }
  softmax (probabilities, self->n_classes);
}

void
rsh_stance_model_free (RshStanceModel *self)
{
  if (self == NULL)
    return;

  g_free (self->base);
  g_array_unref (self->trees);
  g_free (self);
}

/**
 * rsh_relation_for_fnc_score:
 * @probabilities: (array fixed-size=4): one probability per #RshRelation
 *
 * The relation with the highest expected FNC-1 score: a quarter point for the right
 * related/unrelated call, three quarters more for the right related class.
 *
 * Returns: the relation to predict
 */
RshRelation
rsh_relation_for_fnc_score (const double *probabilities)
{
  double related = 1 - probabilities[RSH_RELATION_UNRELATED];
  RshRelation best = RSH_RELATION_UNRELATED;
  double best_score = 0.25 * probabilities[RSH_RELATION_UNRELATED];

  for (guint k = RSH_RELATION_AGREE; k < RSH_N_RELATIONS; k++)
    {
      double score = 0.25 * related + 0.75 * probabilities[k];

      if (score > best_score)
        {
          best_score = score;
          best = k;
        }
    }

  return best;
}
