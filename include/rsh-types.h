/* rsh-types.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RshActor      RshActor;
typedef struct _RshClaim      RshClaim;
typedef struct _RshComparison RshComparison;
typedef struct _RshFetcher    RshFetcher;
typedef struct _RshCorrection RshCorrection;
typedef struct _RshLexicon    RshLexicon;
typedef struct _RshMention    RshMention;
typedef struct _RshProject    RshProject;
typedef struct _RshSource     RshSource;
typedef struct _RshStore      RshStore;

/**
 * RshStance:
 *
 * What a speaker does to a claim (see the comparison JSON contract).
 * %RSH_STANCE_ABSENT only appears in positions: the source does not mention the claim.
 */
typedef enum
{
  RSH_STANCE_REPORTS,
  RSH_STANCE_CONFIRMS,
  RSH_STANCE_DENIES,
  RSH_STANCE_DISPUTES,
  RSH_STANCE_ABSENT,
} RshStance;

typedef enum
{
  RSH_ACTOR_KIND_UNKNOWN,
  RSH_ACTOR_KIND_PERSON,
  RSH_ACTOR_KIND_ORGANIZATION,
  RSH_ACTOR_KIND_GOVERNMENT,
  RSH_ACTOR_KIND_MEDIA,
  RSH_ACTOR_KIND_GROUP,
} RshActorKind;

/**
 * RshSpan:
 * @start: first code point, inclusive
 * @end: last code point, exclusive
 * @paragraph: index of the paragraph holding the span
 *
 * A stretch of a source's text, in Unicode code points.
 */
typedef struct
{
  guint start;
  guint end;
  guint paragraph;
} RshSpan;

static inline guint
rsh_span_length (const RshSpan *span)
{
  return span->end > span->start ? span->end - span->start : 0;
}

#define RSH_TYPE_STANCE (rsh_stance_get_type ())
GType         rsh_stance_get_type      (void);
#define RSH_TYPE_ACTOR_KIND (rsh_actor_kind_get_type ())
GType         rsh_actor_kind_get_type  (void);

const char   *rsh_stance_to_string     (RshStance     stance);
gboolean      rsh_stance_from_string   (const char   *str,
                                        RshStance    *stance);
const char   *rsh_actor_kind_to_string (RshActorKind  kind);

G_END_DECLS
