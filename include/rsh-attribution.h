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

GPtrArray *rsh_attribute_text (RshLexicon    *lexicon,
                               const char    *source_id,
                               const char    *text,
                               const GArray  *sentences,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
