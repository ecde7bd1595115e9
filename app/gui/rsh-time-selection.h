/* rsh-time-selection.h: the visible and the selected stretch of time of a timeline
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RshTimeRange:
 * @begin: the first second, in seconds since 1970-01-01 UTC
 * @end: the second after the last one (exclusive)
 *
 * A stretch of time. The engine's dates are calendar strings; the timeline works on seconds.
 * A range with @end <= @begin is empty.
 */
typedef struct
{
  gint64 begin;
  gint64 end;
} RshTimeRange;

static inline gint64
rsh_time_range_duration (const RshTimeRange *range)
{
  return range->end > range->begin ? range->end - range->begin : 0;
}

static inline gboolean
rsh_time_range_is_empty (const RshTimeRange *range)
{
  return range->end <= range->begin;
}

static inline gboolean
rsh_time_range_equal (const RshTimeRange *a,
                      const RshTimeRange *b)
{
  return a->begin == b->begin && a->end == b->end;
}

/* Puts @begin before @end, so a range dragged right to left reads the same. */
static inline void
rsh_time_range_order (RshTimeRange *range)
{
  if (range->end < range->begin)
    {
      gint64 tmp = range->begin;

      range->begin = range->end;
      range->end = tmp;
    }
}

#define RSH_TYPE_TIME_RANGE (rsh_time_range_get_type ())
GType         rsh_time_range_get_type (void);
RshTimeRange *rsh_time_range_copy     (const RshTimeRange *range);
void          rsh_time_range_free     (RshTimeRange       *range);

#define RSH_TYPE_TIME_SELECTION (rsh_time_selection_get_type ())
G_DECLARE_FINAL_TYPE (RshTimeSelection, rsh_time_selection, RSH, TIME_SELECTION, GObject)

/* The shortest and the longest stretch a timeline shows. */
#define RSH_TIME_SELECTION_MIN_DURATION (10 * 60)
#define RSH_TIME_SELECTION_MAX_DURATION ((gint64) 400 * 365 * 24 * 3600)

RshTimeSelection   *rsh_time_selection_new              (void);
const RshTimeRange *rsh_time_selection_get_bounds       (RshTimeSelection   *self);
void                rsh_time_selection_set_bounds       (RshTimeSelection   *self,
                                                         const RshTimeRange *bounds);
void                rsh_time_selection_set_extent       (RshTimeSelection   *self,
                                                         const RshTimeRange *bounds,
                                                         const RshTimeRange *focus);
const RshTimeRange *rsh_time_selection_get_visible_span (RshTimeSelection   *self);
void                rsh_time_selection_set_visible_span (RshTimeSelection   *self,
                                                         const RshTimeRange *span);
const RshTimeRange *rsh_time_selection_get_selected_span (RshTimeSelection  *self);
void                rsh_time_selection_set_selected_span (RshTimeSelection  *self,
                                                          const RshTimeRange *span);
void                rsh_time_selection_zoom             (RshTimeSelection   *self,
                                                         double              factor,
                                                         double              anchor);
void                rsh_time_selection_pan              (RshTimeSelection   *self,
                                                         double              fraction);
void                rsh_time_selection_reset            (RshTimeSelection   *self);
gint64              rsh_time_selection_time_at          (RshTimeSelection   *self,
                                                         double              fraction);
double              rsh_time_selection_fraction_of      (RshTimeSelection   *self,
                                                         gint64              time);

G_END_DECLS
