/* rsh-timeline-mark.h: one statement on the timeline, as an object for lists and tables
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <rashomon.h>

#include "rsh-time-selection.h"

G_BEGIN_DECLS

#define RSH_TYPE_TIMELINE_MARK (rsh_timeline_mark_get_type ())
G_DECLARE_FINAL_TYPE (RshTimelineMark, rsh_timeline_mark, RSH, TIMELINE_MARK, GObject)

RshTimelineMark    *rsh_timeline_mark_new             (const RshTimelineEvent *event,
                                                       const char             *actor_name,
                                                       const char             *claim_text,
                                                       const char             *outlet,
                                                       guint                   text_start,
                                                       guint                   text_end);
const RshTimelineEvent *rsh_timeline_mark_get_event   (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_actor_name  (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_claim_text  (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_outlet      (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_date_text   (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_stance_text (RshTimelineMark        *self);
const char         *rsh_timeline_mark_get_description (RshTimelineMark        *self);
gboolean            rsh_timeline_mark_get_dated       (RshTimelineMark        *self);
gboolean            rsh_timeline_mark_get_uncertain   (RshTimelineMark        *self);
const RshTimeRange *rsh_timeline_mark_get_range       (RshTimelineMark        *self);
const RshTimeRange *rsh_timeline_mark_get_about_range (RshTimelineMark        *self);
guint               rsh_timeline_mark_get_text_start  (RshTimelineMark        *self);
guint               rsh_timeline_mark_get_text_end    (RshTimelineMark        *self);

gboolean            rsh_timeline_parse_date           (const char             *iso,
                                                       RshTimeRange           *range);
char               *rsh_timeline_format_range         (const RshTimeRange     *range);
const char         *rsh_timeline_stance_verb          (RshStance               stance);

G_END_DECLS
