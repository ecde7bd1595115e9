/* rsh-timex.h: time expressions (TimeML TIMEX3) found in a text
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

typedef enum
{
  RSH_TIMEX_DATE,
  RSH_TIMEX_TIME,
  RSH_TIMEX_DURATION,
  RSH_TIMEX_SET,
} RshTimexType;

/**
 * RshTimex:
 * @start: first code point of the expression in the text, inclusive
 * @end: last code point, exclusive
 * @text: the expression exactly as written
 * @type: DATE, TIME, DURATION or SET
 * @value: (nullable): the TIMEX3 value ("2017-10-10", "2017-09", "P2Y", "PRESENT_REF", …),
 *   or %NULL when the expression is relative and there was no anchor to resolve it
 *
 * One time expression.
 */
typedef struct
{
  guint         start;
  guint         end;
  char         *text;
  RshTimexType  type;
  char         *value;
} RshTimex;

#define RSH_TYPE_TIMEX (rsh_timex_get_type ())
GType       rsh_timex_get_type       (void);
RshTimex   *rsh_timex_copy           (const RshTimex  *timex);
void        rsh_timex_free           (RshTimex        *timex);

const char *rsh_timex_type_to_string (RshTimexType     type);

GPtrArray  *rsh_timex_tag            (const char      *text,
                                      const char      *anchor,
                                      const char      *language,
                                      GError         **error);
const RshTimex *rsh_timex_find_point (const GPtrArray *timexes,
                                      guint            start,
                                      guint            end);
gboolean    rsh_timex_get_bounds     (const RshTimex  *timex,
                                      const char      *anchor,
                                      char           **earliest,
                                      char           **latest);
const RshTimex *rsh_timex_find_for_span (const GPtrArray *timexes,
                                         const GArray    *sentences,
                                         guint            start,
                                         guint            end);
char       *rsh_timex_infer_published_floor (const char *text,
                                             const char *language);
RshTimex   *rsh_timex_place_span     (const char      *text,
                                      const char      *anchor,
                                      const char      *language,
                                      guint            start,
                                      guint            end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshTimex, rsh_timex_free)

G_END_DECLS
