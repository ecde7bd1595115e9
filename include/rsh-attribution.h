/* rsh-attribution.h
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
 * RshAttributeFlags:
 * @RSH_ATTRIBUTE_DEFAULT: only statements with a reporting cue
 * @RSH_ATTRIBUTE_OUTLET_VOICE: also the outlet's own assertions, as mentions without
 *   speaker or cue
 */
typedef enum
{
  RSH_ATTRIBUTE_DEFAULT      = 0,
  RSH_ATTRIBUTE_OUTLET_VOICE = 1 << 0,
} RshAttributeFlags;

GPtrArray *rsh_attribute_text (RshLexicon    *lexicon,
                               const char    *source_id,
                               const char    *text,
                               const GArray  *sentences,
                               GCancellable  *cancellable,
                               GError       **error);

GPtrArray *rsh_attribute_text_full (RshLexicon         *lexicon,
                                    const char         *source_id,
                                    const char         *text,
                                    const GArray       *sentences,
                                    RshAttributeFlags   flags,
                                    GCancellable       *cancellable,
                                    GError            **error);

G_END_DECLS
