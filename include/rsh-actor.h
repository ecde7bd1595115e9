/* rsh-actor.h
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

#define RSH_TYPE_ACTOR (rsh_actor_get_type ())
G_DECLARE_FINAL_TYPE (RshActor, rsh_actor, RSH, ACTOR, GObject)

RshActor           *rsh_actor_new         (const char   *id,
                                           const char   *name,
                                           RshActorKind  kind);
const char         *rsh_actor_get_id      (RshActor     *self);
const char         *rsh_actor_get_name    (RshActor     *self);
RshActorKind        rsh_actor_get_kind    (RshActor     *self);
const char * const *rsh_actor_get_aliases (RshActor     *self);
void                rsh_actor_add_alias   (RshActor     *self,
                                           const char   *alias);

G_END_DECLS
