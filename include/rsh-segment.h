/* rsh-segment.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <glib.h>

#include "rsh-types.h"

G_BEGIN_DECLS

GArray *rsh_segment_paragraphs (const char  *text);
GArray *rsh_segment_sentences  (const char  *text,
                                const char  *language,
                                GError     **error);
char   *rsh_substring          (const char  *text,
                                guint        start,
                                guint        end);

G_END_DECLS
