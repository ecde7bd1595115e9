/* rsh-claim.h
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

#define RSH_TYPE_CLAIM (rsh_claim_get_type ())
G_DECLARE_FINAL_TYPE (RshClaim, rsh_claim, RSH, CLAIM, GObject)

RshClaim   *rsh_claim_new              (const char  *id,
                                        const char  *text,
                                        gboolean     user_defined);
const char *rsh_claim_get_id           (RshClaim    *self);
const char *rsh_claim_get_text         (RshClaim    *self);
gboolean    rsh_claim_get_user_defined (RshClaim    *self);
GListModel *rsh_claim_get_mentions     (RshClaim    *self);
void        rsh_claim_add_mention      (RshClaim    *self,
                                        RshMention  *mention);
RshStance   rsh_claim_get_position     (RshClaim    *self,
                                        const char  *source_id,
                                        gboolean    *hedged);
void        rsh_claim_set_position     (RshClaim    *self,
                                        const char  *source_id,
                                        RshStance    stance,
                                        gboolean     hedged);

G_END_DECLS
