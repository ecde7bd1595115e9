/* rsh-correction.h
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
 * RshCorrectionKind:
 *
 * What a user's correction changes in a comparison; the names in the project file and on
 * the command line are those of rsh_correction_kind_to_string() ("merge-claims", …).
 */
typedef enum
{
  RSH_CORRECTION_MERGE_CLAIMS,
  RSH_CORRECTION_SPLIT_CLAIM,
  RSH_CORRECTION_MOVE_MENTION,
  RSH_CORRECTION_SET_STANCE,
  RSH_CORRECTION_SET_SPEAKER,
  RSH_CORRECTION_SET_WORDING,
  RSH_CORRECTION_HIDE_CLAIM,
  RSH_CORRECTION_UNHIDE_CLAIM,
  RSH_CORRECTION_RENAME_ACTOR,
  RSH_CORRECTION_MERGE_ACTORS,
  RSH_CORRECTION_SPLIT_ACTOR,
} RshCorrectionKind;

/**
 * RshCorrectionState:
 * @RSH_CORRECTION_ACTIVE: replayed on every analysis
 * @RSH_CORRECTION_UNDONE: undone; redo makes it active again
 * @RSH_CORRECTION_SUPERSEDED: undone, then left behind by a newer correction: kept as
 *   history, never redone
 */
typedef enum
{
  RSH_CORRECTION_ACTIVE,
  RSH_CORRECTION_UNDONE,
  RSH_CORRECTION_SUPERSEDED,
} RshCorrectionState;

/* Keeps the stance's hedging as the mention has it (rsh_correction_new_set_stance()). */
#define RSH_CORRECTION_KEEP_HEDGED (-1)

#define RSH_TYPE_CORRECTION_KIND (rsh_correction_kind_get_type ())
GType rsh_correction_kind_get_type  (void);
#define RSH_TYPE_CORRECTION_STATE (rsh_correction_state_get_type ())
GType rsh_correction_state_get_type (void);

#define RSH_TYPE_CORRECTION (rsh_correction_get_type ())
G_DECLARE_FINAL_TYPE (RshCorrection, rsh_correction, RSH, CORRECTION, GObject)

const char        *rsh_correction_kind_to_string   (RshCorrectionKind    kind);
gboolean           rsh_correction_kind_from_string (const char          *name,
                                                    RshCorrectionKind   *kind);

RshCorrection     *rsh_correction_new_merge_claims (RshComparison       *comparison,
                                                    const char * const  *claim_ids,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_split_claim  (RshComparison       *comparison,
                                                    const char          *claim_id,
                                                    const char * const  *mention_ids,
                                                    const char          *wording,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_move_mention (RshComparison       *comparison,
                                                    const char          *mention_id,
                                                    const char          *claim_id,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_set_stance   (RshComparison       *comparison,
                                                    const char          *mention_id,
                                                    RshStance            stance,
                                                    int                  hedged,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_set_speaker  (RshComparison       *comparison,
                                                    const char          *mention_id,
                                                    const char          *speaker,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_set_wording  (RshComparison       *comparison,
                                                    const char          *claim_id,
                                                    const char          *wording,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_hide_claim   (RshComparison       *comparison,
                                                    const char          *claim_id,
                                                    gboolean             hide,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_rename_actor (RshComparison       *comparison,
                                                    const char          *actor_id,
                                                    const char          *name,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_merge_actors (RshComparison       *comparison,
                                                    const char * const  *actor_ids,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_split_actor  (RshComparison       *comparison,
                                                    const char          *actor_id,
                                                    const char * const  *mention_ids,
                                                    const char          *name,
                                                    GError             **error);
RshCorrection     *rsh_correction_new_from_stored  (gint64               id,
                                                    const char          *kind,
                                                    const char          *payload,
                                                    const char          *author,
                                                    const char          *created_at,
                                                    RshCorrectionState   state,
                                                    GError             **error);

gint64             rsh_correction_get_id           (RshCorrection       *self);
RshCorrectionKind  rsh_correction_get_kind         (RshCorrection       *self);
const char        *rsh_correction_get_label        (RshCorrection       *self);
const char        *rsh_correction_get_summary      (RshCorrection       *self);
const char        *rsh_correction_get_author       (RshCorrection       *self);
void               rsh_correction_set_author       (RshCorrection       *self,
                                                    const char          *author);
const char        *rsh_correction_get_created_at   (RshCorrection       *self);
RshCorrectionState rsh_correction_get_state        (RshCorrection       *self);
gboolean           rsh_correction_get_applies      (RshCorrection       *self);
const char        *rsh_correction_get_problem      (RshCorrection       *self);
char              *rsh_correction_dup_payload      (RshCorrection       *self);

char              *rsh_correction_dup_mention_id   (RshMention          *mention);

G_END_DECLS
