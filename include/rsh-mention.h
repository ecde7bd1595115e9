/* rsh-mention.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <glib-object.h>

#include "rsh-types.h"

G_BEGIN_DECLS

#define RSH_TYPE_MENTION (rsh_mention_get_type ())
G_DECLARE_FINAL_TYPE (RshMention, rsh_mention, RSH, MENTION, GObject)

/* A statement in one source: who (speaker, or NULL for the outlet's own voice) does what
 * (stance, through cue) to the content at [start, end) of the source's text. */
RshMention *rsh_mention_new             (const char *source_id,
                                         guint       start,
                                         guint       end,
                                         const char *quote);
RshMention *rsh_mention_copy            (RshMention *self);
const char *rsh_mention_get_source_id   (RshMention *self);
guint       rsh_mention_get_start       (RshMention *self);
guint       rsh_mention_get_end         (RshMention *self);
const char *rsh_mention_get_quote       (RshMention *self);
const char *rsh_mention_get_speaker     (RshMention *self);
void        rsh_mention_set_speaker     (RshMention *self,
                                         const char *speaker);
const char *rsh_mention_get_actor_id    (RshMention *self);
void        rsh_mention_set_actor_id    (RshMention *self,
                                         const char *actor_id);
const char *rsh_mention_get_cue         (RshMention *self);
void        rsh_mention_set_cue         (RshMention *self,
                                         const char *cue);
RshStance   rsh_mention_get_stance      (RshMention *self);
void        rsh_mention_set_stance      (RshMention *self,
                                         RshStance   stance);
gboolean    rsh_mention_get_hedged      (RshMention *self);
void        rsh_mention_set_hedged      (RshMention *self,
                                         gboolean    hedged);
const char *rsh_mention_get_outlet      (RshMention *self);
void        rsh_mention_set_outlet      (RshMention *self,
                                         const char *outlet);
const char *rsh_mention_get_written_speaker (RshMention *self);
void        rsh_mention_set_written_speaker (RshMention *self,
                                             const char *written);
const char *rsh_mention_get_quoted          (RshMention *self);
void        rsh_mention_set_quoted          (RshMention *self,
                                             const char *quoted);
const char *rsh_mention_get_quoted_actor_id (RshMention *self);
void        rsh_mention_set_quoted_actor_id (RshMention *self,
                                             const char *actor_id);
const char *rsh_mention_get_via             (RshMention *self);
void        rsh_mention_set_via             (RshMention *self,
                                             const char *via);
const char *rsh_mention_get_via_actor_id    (RshMention *self);
void        rsh_mention_set_via_actor_id    (RshMention *self,
                                             const char *actor_id);
const char * const *rsh_mention_get_aliases (RshMention *self);
void        rsh_mention_set_aliases         (RshMention         *self,
                                             const char * const *aliases);
gboolean    rsh_mention_get_speaker_span    (RshMention *self,
                                             guint      *start,
                                             guint      *end);
void        rsh_mention_set_speaker_span    (RshMention *self,
                                             guint       start,
                                             guint       end);
gboolean    rsh_mention_get_cue_span        (RshMention *self,
                                             guint      *start,
                                             guint      *end);
void        rsh_mention_set_cue_span        (RshMention *self,
                                             guint       start,
                                             guint       end);

G_END_DECLS
