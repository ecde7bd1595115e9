/* rsh-timeline-key.h: one symbol of the timeline's key, drawn as the timeline draws it
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * RshTimelineSymbol:
 * @RSH_TIMELINE_SYMBOL_REPORTS: the disc of a report
 * @RSH_TIMELINE_SYMBOL_CONFIRMS: the diamond of a confirmation
 * @RSH_TIMELINE_SYMBOL_DENIES: the cross of a denial
 * @RSH_TIMELINE_SYMBOL_DISPUTES: the triangle of a dispute
 * @RSH_TIMELINE_SYMBOL_UNCERTAIN: the capped bar of a date known only as a range
 * @RSH_TIMELINE_SYMBOL_ABOUT: the thin bar, and its hairline to a mark, of the time a
 *   statement is about
 */
typedef enum
{
  RSH_TIMELINE_SYMBOL_REPORTS,
  RSH_TIMELINE_SYMBOL_CONFIRMS,
  RSH_TIMELINE_SYMBOL_DENIES,
  RSH_TIMELINE_SYMBOL_DISPUTES,
  RSH_TIMELINE_SYMBOL_UNCERTAIN,
  RSH_TIMELINE_SYMBOL_ABOUT,
} RshTimelineSymbol;

#define RSH_TYPE_TIMELINE_SYMBOL (rsh_timeline_symbol_get_type ())
GType rsh_timeline_symbol_get_type (void);

#define RSH_TYPE_TIMELINE_KEY (rsh_timeline_key_get_type ())
G_DECLARE_FINAL_TYPE (RshTimelineKey, rsh_timeline_key, RSH, TIMELINE_KEY, GtkWidget)

GtkWidget         *rsh_timeline_key_new        (RshTimelineSymbol  symbol);
RshTimelineSymbol  rsh_timeline_key_get_symbol (RshTimelineKey    *self);
void               rsh_timeline_key_set_symbol (RshTimelineKey    *self,
                                                RshTimelineSymbol  symbol);

G_END_DECLS
