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
#define MODEL_RESOURCE "/io/github/rashomon/Rashomon/models/stance-en.model"
#define MAX_BINS       48
#define LAMBDA         1.0

/* A stump adds @left to its class's score where feature <= threshold, else @right. */
typedef struct
{
  guint  klass;
  guint  feature;
  double threshold;
  double left;
  double right;
} Stump;

struct _RshStanceModel
{
  guint   n_classes;
  guint   n_features;
  double *base;     /* n_classes */
  GArray *stumps;   /* Stump */
};

static RshStanceModel *
model_new (guint n_classes,
           guint n_features)
{
  RshStanceModel *self = g_new0 (RshStanceModel, 1);

  self->n_classes = n_classes;
  self->n_features = n_features;
  self->base = g_new0 (double, n_classes);
  self->stumps = g_array_new (FALSE, FALSE, sizeof (Stump));

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
 * softmax log-loss. Deterministic: the same input gives the same model.
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
  RshStanceModel *self;
  g_autofree double *thresholds = NULL;
  g_autofree guint *n_thresholds = NULL;
  g_autofree guint8 *bins = NULL;
  g_autofree double *scores = NULL;
  g_autofree double *probs = NULL;
  g_autofree double *hist_g = NULL;
  g_autofree double *hist_h = NULL;
  double total_w = 0;

  g_return_val_if_fail (features != NULL && labels != NULL, NULL);
  g_return_val_if_fail (n_samples > 0 && n_features > 0 && n_classes > 1, NULL);

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
  for (guint i = 0; i < n_samples; i++)
    memcpy (scores + (gsize) i * n_classes, self->base, n_classes * sizeof (double));

  hist_g = g_new (double, (gsize) n_features * (MAX_BINS + 1));
  hist_h = g_new (double, (gsize) n_features * (MAX_BINS + 1));

  for (guint round = 0; round < n_rounds; round++)
    {
      memcpy (probs, scores, (gsize) n_samples * n_classes * sizeof (double));
      for (guint i = 0; i < n_samples; i++)
        softmax (probs + (gsize) i * n_classes, n_classes);

      for (guint k = 0; k < n_classes; k++)
        {
          double best_gain = 0;
          Stump best = { k, 0, 0, 0, 0 };
          double sum_g = 0, sum_h = 0;

          memset (hist_g, 0, (gsize) n_features * (MAX_BINS + 1) * sizeof (double));
          memset (hist_h, 0, (gsize) n_features * (MAX_BINS + 1) * sizeof (double));

          for (guint i = 0; i < n_samples; i++)
            {
              double p = probs[(gsize) i * n_classes + k];
              double w = weights ? weights[i] : 1.0;
              double g = w * ((labels[i] == k ? 1.0 : 0.0) - p);
              double h = w * MAX (p * (1 - p), 1e-6);
              const guint8 *row = bins + (gsize) i * n_features;

              sum_g += g;
              sum_h += h;
              for (guint f = 0; f < n_features; f++)
                {
                  hist_g[f * (MAX_BINS + 1) + row[f]] += g;
                  hist_h[f * (MAX_BINS + 1) + row[f]] += h;
                }
            }

          for (guint f = 0; f < n_features; f++)
            {
              double left_g = 0, left_h = 0;
              double parent = sum_g * sum_g / (sum_h + LAMBDA);

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
                      best.feature = f;
                      best.threshold = thresholds[(gsize) f * MAX_BINS + b];
                      best.left = rate * left_g / (left_h + LAMBDA);
                      best.right = rate * right_g / (right_h + LAMBDA);
                    }
                }
            }

          if (best_gain <= 0)
            continue;

          g_array_append_val (self->stumps, best);
          for (guint i = 0; i < n_samples; i++)
            {
              double x = features[(gsize) i * n_features + best.feature];

              scores[(gsize) i * n_classes + k] += x <= best.threshold ? best.left : best.right;
            }
        }
    }

  return self;
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
          if (n != 2 || strcmp (fields[0], MODEL_MAGIC) != 0 || strcmp (fields[1], "1") != 0)
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
      else if (strcmp (fields[0], "stump") == 0 && self != NULL && n == 6)
        {
          Stump stump;

          stump.klass = (guint) g_ascii_strtoull (fields[1], NULL, 10);
          stump.feature = (guint) g_ascii_strtoull (fields[2], NULL, 10);
          stump.threshold = g_ascii_strtod (fields[3], NULL);
          stump.left = g_ascii_strtod (fields[4], NULL);
          stump.right = g_ascii_strtod (fields[5], NULL);
          if (stump.klass >= n_classes || stump.feature >= n_features)
            {
              rsh_stance_model_free (self);
              self = NULL;
              break;
            }
          g_array_append_val (self->stumps, stump);
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
  GString *out = g_string_new (MODEL_MAGIC " 1\n"
                               "# SPDX-FileCopyrightText: 2026 Rashomon contributors\n"
                               "# SPDX-License-Identifier: GPL-3.0-or-later\n"
                               "# Boosted stumps over the features of rsh_align_features();\n"
                               "# written by tests/bench/train-stance. Numbers only.\n");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "classes %u\nfeatures %u\nbase", self->n_classes,
                          self->n_features);
  for (guint k = 0; k < self->n_classes; k++)
    g_string_append_printf (out, " %s", g_ascii_dtostr (buf, sizeof buf, self->base[k]));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->stumps->len; i++)
    {
      const Stump *s = &g_array_index (self->stumps, Stump, i);

      g_string_append_printf (out, "stump %u %u", s->klass, s->feature);
      g_string_append_printf (out, " %s", g_ascii_dtostr (buf, sizeof buf, s->threshold));
      g_string_append_printf (out, " %s", g_ascii_dtostr (buf, sizeof buf, s->left));
      g_string_append_printf (out, " %s\n", g_ascii_dtostr (buf, sizeof buf, s->right));
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
  for (guint i = 0; i < self->stumps->len; i++)
    {
      const Stump *s = &g_array_index (self->stumps, Stump, i);

      probabilities[s->klass] += features[s->feature] <= s->threshold ? s->left : s->right;
    }
  softmax (probabilities, self->n_classes);
}

void
rsh_stance_model_free (RshStanceModel *self)
{
  if (self == NULL)
    return;

  g_free (self->base);
  g_array_unref (self->stumps);
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
