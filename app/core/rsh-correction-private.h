/* rsh-correction-private.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rashomon.h"

G_BEGIN_DECLS

/* A claim while corrections are replayed onto an automatic comparison. */
typedef struct
{
  RshClaim   *base;         /* the automatic claim, or NULL for one a split made */
  char       *id;
  char       *text;
  char       *tracked;      /* the tracked claim's own text, NULL for a found claim */
  GPtrArray  *mentions;     /* RshMention, copies owned by the replay */
  GHashTable *dirty;        /* source ids whose position must be computed again */
  guint       user_defined : 1;
  guint       hidden : 1;
  guint       corrected : 1;
  guint       removed : 1;
} RshWorkClaim;

/* An actor while corrections are replayed. */
typedef struct
{
  char         *id;
  char         *name;
  GPtrArray    *aliases;    /* char* */
  RshActorKind  kind;
  guint         corrected : 1;
  guint         removed : 1;
} RshWorkActor;

void           rsh_correction_set_id          (RshCorrection      *self,
                                               gint64              id);
void           rsh_correction_set_state       (RshCorrection      *self,
                                               RshCorrectionState  state);
RshComparison *rsh_correction_replay          (RshComparison      *automatic,
                                               GPtrArray          *corrections);

RshComparison *rsh_comparison_new_corrected   (RshComparison      *base,
                                               GPtrArray          *claims,
                                               GPtrArray          *actors,
                                               GPtrArray          *corrections);
RshComparison *rsh_comparison_get_base        (RshComparison      *self);

G_END_DECLS
