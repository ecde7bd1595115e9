/* rsh-align.h: claim mentions into claims, and a text's stance towards a claim
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rsh-types.h"

G_BEGIN_DECLS

/**
 * RshRelation:
 *
 * How a text stands towards a claim; the classes of the stance model. They map onto
 * positions as the comparison contract says: unrelated = absent, agree = reports or
 * confirms, disagree = denies or disputes, discuss = reports with hedged set.
 */
typedef enum
{
  RSH_RELATION_UNRELATED,
  RSH_RELATION_AGREE,
  RSH_RELATION_DISAGREE,
  RSH_RELATION_DISCUSS,
  RSH_N_RELATIONS,
} RshRelation;

/* Number of values rsh_align_features() writes. */
#define RSH_ALIGN_N_FEATURES 66
/* These RSH_ALIGN_N_CONTEXT values are filled by rsh_align_add_context(); the lead
 * (headline) features follow them, then the refutation features. */
#define RSH_ALIGN_N_CONTEXT_FIRST 38
#define RSH_ALIGN_N_CONTEXT 3
/* The refutation features (phrases such as "turned out" or "no evidence", the claim's
 * names meeting a denial, negation next to the claim's words, polarity, contrast, numbers,
 * words about the story as a story) start here. */
#define RSH_ALIGN_REFUTE_FIRST 55

typedef struct _RshAligner     RshAligner;
typedef struct _RshAlignText   RshAlignText;
typedef struct _RshIdf         RshIdf;
typedef struct _RshStanceModel RshStanceModel;

/**
 * RshClustering:
 * @n_items: how many texts were clustered
 * @n_clusters: how many claims they form
 * @cluster: (array length=n_items): the claim of each text, 0 … @n_clusters - 1, numbered
 *   in order of each claim's first text
 * @representative: (array length=n_clusters): the most central text of each claim
 * @n_compared: pairs whose similarity was computed
 */
typedef struct
{
  guint  n_items;
  guint  n_clusters;
  guint *cluster;
  guint *representative;
  guint64 n_compared;
} RshClustering;

RshAligner     *rsh_aligner_new                 (RshLexicon           *lexicon);
void            rsh_aligner_free                (RshAligner           *self);
RshAlignText   *rsh_aligner_analyze             (RshAligner           *self,
                                                 const char           *text,
                                                 gssize                len,
                                                 const GArray         *sentences);
RshClustering  *rsh_aligner_cluster             (RshAligner           *self,
                                                 GPtrArray            *texts,
                                                 const gboolean       *denials,
                                                 const RshIdf         *idf,
                                                 gboolean              all_pairs);
double          rsh_aligner_similarity          (RshAligner           *self,
                                                 const RshAlignText   *a,
                                                 const RshAlignText   *b,
                                                 const RshIdf         *idf);
int            *rsh_aligner_find_duplicates     (RshAligner           *self,
                                                 GPtrArray            *texts);

void            rsh_align_text_free             (RshAlignText         *text);
guint           rsh_align_text_get_n_sentences  (const RshAlignText   *text);
RshSpan         rsh_align_text_get_sentence     (const RshAlignText   *text,
                                                 guint                 index);
gboolean        rsh_align_text_has_denial       (const RshAlignText   *text);
gboolean        rsh_align_text_has_hedge        (const RshAlignText   *text);
GArray         *rsh_align_best_sentences        (const RshAlignText   *claim,
                                                 const RshAlignText   *body,
                                                 const RshIdf         *idf,
                                                 guint                 max,
                                                 double                min_share);
void            rsh_align_features              (const RshAlignText   *claim,
                                                 const RshAlignText   *body,
                                                 const RshIdf         *idf,
                                                 double               *features);
void            rsh_align_add_context           (double               *features,
                                                 guint                 n_rows,
                                                 const guint          *claim_of_row);

RshIdf         *rsh_idf_new                     (void);
void            rsh_idf_free                    (RshIdf               *self);
void            rsh_idf_add                     (RshIdf               *self,
                                                 const RshAlignText   *text);
double          rsh_idf_weight                  (const RshIdf         *self,
                                                 GQuark                stem);

void            rsh_clustering_free             (RshClustering        *self);

RshStanceModel *rsh_stance_model_train          (const double         *features,
                                                 const guint          *labels,
                                                 const double         *weights,
                                                 guint                 n_samples,
                                                 guint                 n_features,
                                                 guint                 n_classes,
                                                 guint                 n_rounds,
                                                 double                rate);
RshStanceModel *rsh_stance_model_train_trees    (const double         *features,
                                                 const guint          *labels,
                                                 const double         *weights,
                                                 guint                 n_samples,
                                                 guint                 n_features,
                                                 guint                 n_classes,
                                                 guint                 n_rounds,
                                                 double                rate,
                                                 guint                 depth);
void            rsh_stance_model_add_bias       (RshStanceModel       *self,
                                                 guint                 klass,
                                                 double                bias);
RshStanceModel *rsh_stance_model_new_from_bytes (GBytes               *bytes,
                                                 GError              **error);
RshStanceModel *rsh_stance_model_load_default   (GError              **error);
char           *rsh_stance_model_serialize      (RshStanceModel       *self);
guint           rsh_stance_model_get_n_classes  (RshStanceModel       *self);
void            rsh_stance_model_predict        (RshStanceModel       *self,
                                                 const double         *features,
                                                 double               *probabilities);
void            rsh_stance_model_free           (RshStanceModel       *self);
RshRelation     rsh_relation_for_fnc_score      (const double         *probabilities);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshAligner, rsh_aligner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshAlignText, rsh_align_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshIdf, rsh_idf_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshClustering, rsh_clustering_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshStanceModel, rsh_stance_model_free)

G_END_DECLS
