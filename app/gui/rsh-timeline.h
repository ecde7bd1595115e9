/* rsh-timeline.h: who reported, confirmed, denied or disputed what, and when
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

#include "rsh-time-selection.h"
#include "rsh-timeline-mark.h"

G_BEGIN_DECLS

/**
 * RshTimelineGroupBy:
 * @RSH_TIMELINE_GROUP_BY_ACTOR: one lane per speaker
 * @RSH_TIMELINE_GROUP_BY_CLAIM: one lane per claim
 */
typedef enum
{
  RSH_TIMELINE_GROUP_BY_ACTOR,
  RSH_TIMELINE_GROUP_BY_CLAIM,
} RshTimelineGroupBy;

#define RSH_TYPE_TIMELINE_GROUP_BY (rsh_timeline_group_by_get_type ())
GType rsh_timeline_group_by_get_type (void);

#define RSH_TYPE_TIMELINE (rsh_timeline_get_type ())
G_DECLARE_FINAL_TYPE (RshTimeline, rsh_timeline, RSH, TIMELINE, GtkWidget)

GtkWidget          *rsh_timeline_new                (void);
RshComparison      *rsh_timeline_get_comparison     (RshTimeline        *self);
void                rsh_timeline_set_comparison     (RshTimeline        *self,
                                                     RshComparison      *comparison);
void                rsh_timeline_set_events         (RshTimeline        *self,
                                                     GPtrArray          *events);
RshTimelineGroupBy  rsh_timeline_get_group_by       (RshTimeline        *self);
void                rsh_timeline_set_group_by       (RshTimeline        *self,
                                                     RshTimelineGroupBy  group_by);
const char         *rsh_timeline_get_selected_claim (RshTimeline        *self);
void                rsh_timeline_set_selected_claim (RshTimeline        *self,
                                                     const char         *claim_id);
RshTimeSelection   *rsh_timeline_get_time_selection (RshTimeline        *self);
GtkSelectionModel  *rsh_timeline_get_events_model   (RshTimeline        *self);
guint               rsh_timeline_get_n_lanes        (RshTimeline        *self);
const char         *rsh_timeline_get_lane_label     (RshTimeline        *self,
                                                     guint               lane);
guint               rsh_timeline_get_n_dated        (RshTimeline        *self);
guint               rsh_timeline_get_n_undated      (RshTimeline        *self);
guint               rsh_timeline_get_focused_mark   (RshTimeline        *self);
void                rsh_timeline_focus_mark         (RshTimeline        *self,
                                                     guint               position);
gboolean            rsh_timeline_activate_mark      (RshTimeline        *self,
                                                     guint               position);
gboolean            rsh_timeline_get_mark_geometry  (RshTimeline        *self,
                                                     guint               position,
                                                     guint              *lane,
                                                     graphene_rect_t    *bar,
                                                     graphene_point_t   *centre);
guint               rsh_timeline_lookup_mark        (RshTimeline        *self,
                                                     double              x,
                                                     double              y);
char               *rsh_timeline_dup_tooltip_markup (RshTimeline        *self,
                                                     guint               position);
GStrv               rsh_timeline_dup_tick_labels    (RshTimeline        *self);

G_END_DECLS
