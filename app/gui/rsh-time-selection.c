/* rsh-time-selection.c: the visible and the selected stretch of time of a timeline
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rsh-time-selection.h"

/* Room left around the data when the whole of it is shown. */
#define FIT_MARGIN 0.06
#define FIT_MIN_PAD (6 * 3600)
/* How far out the user may zoom, as a multiple of the fitted span. */
#define MAX_ZOOM_OUT 8
/* The share of the view that must still show the data after panning. */
#define MIN_OVERLAP 0.1

struct _RshTimeSelection
{
  GObject       parent_instance;

  /* owned */
  RshTimeRange  bounds;
  RshTimeRange  fitted;
  RshTimeRange  visible;
  RshTimeRange  selected;
};

G_DEFINE_BOXED_TYPE (RshTimeRange, rsh_time_range, rsh_time_range_copy, rsh_time_range_free)
G_DEFINE_FINAL_TYPE (RshTimeSelection, rsh_time_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOUNDS,
  PROP_VISIBLE_SPAN,
  PROP_SELECTED_SPAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RshTimeRange
fit_bounds (const RshTimeRange *bounds)
{
  RshTimeRange fitted;
  gint64 duration = bounds->end - bounds->begin;
  gint64 pad = MAX ((gint64) (duration * FIT_MARGIN), FIT_MIN_PAD);

  fitted.begin = bounds->begin - pad;
  fitted.end = bounds->end + pad;

  if (fitted.end - fitted.begin < RSH_TIME_SELECTION_MIN_DURATION)
    fitted.end = fitted.begin + RSH_TIME_SELECTION_MIN_DURATION;
  if (fitted.end - fitted.begin > RSH_TIME_SELECTION_MAX_DURATION)
    fitted.end = fitted.begin + RSH_TIME_SELECTION_MAX_DURATION;

  return fitted;
}

/* Keeps the duration between the limits and some of the data in view. */
static RshTimeRange
constrain (RshTimeSelection   *self,
           const RshTimeRange *span)
{
  RshTimeRange result = *span;
  RshTimeRange all = fit_bounds (&self->bounds);
  gint64 fitted_duration;
  gint64 max_duration;

  /* Outliers left out of the fitted view stay within reach of zooming out and panning. */
  all.begin = MIN (all.begin, self->fitted.begin);
  all.end = MAX (all.end, self->fitted.end);
  fitted_duration = rsh_time_range_duration (&all);
  max_duration = MIN (RSH_TIME_SELECTION_MAX_DURATION,
                      MAX (MAX (rsh_time_range_duration (&self->fitted) * MAX_ZOOM_OUT,
                                fitted_duration * 2),
                           RSH_TIME_SELECTION_MIN_DURATION));
  gint64 duration;
  gint64 overlap;

  rsh_time_range_order (&result);
  duration = result.end - result.begin;

  if (duration < RSH_TIME_SELECTION_MIN_DURATION || duration > max_duration)
    {
      gint64 middle = result.begin + duration / 2;

      duration = CLAMP (duration, RSH_TIME_SELECTION_MIN_DURATION, max_duration);
      result.begin = middle - duration / 2;
      result.end = result.begin + duration;
    }

  overlap = (gint64) (MIN (duration, fitted_duration) * MIN_OVERLAP);
  if (result.end < all.begin + overlap)
    {
      result.begin = all.begin + overlap - duration;
      result.end = result.begin + duration;
    }
  else if (result.begin > all.end - overlap)
    {
      result.begin = all.end - overlap;
      result.end = result.begin + duration;
    }

  return result;
}

static void
rsh_time_selection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RshTimeSelection *self = RSH_TIME_SELECTION (object);

  switch (prop_id)
    {
    case PROP_BOUNDS:
      g_value_set_boxed (value, &self->bounds);
      break;

    case PROP_VISIBLE_SPAN:
      g_value_set_boxed (value, &self->visible);
      break;

    case PROP_SELECTED_SPAN:
      g_value_set_boxed (value, &self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_time_selection_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RshTimeSelection *self = RSH_TIME_SELECTION (object);
  const RshTimeRange *range = g_value_get_boxed (value);
  RshTimeRange empty = { 0, 0 };

  switch (prop_id)
    {
    case PROP_BOUNDS:
      rsh_time_selection_set_bounds (self, range ? range : &empty);
      break;

    case PROP_VISIBLE_SPAN:
      if (range != NULL)
        rsh_time_selection_set_visible_span (self, range);
      break;

    case PROP_SELECTED_SPAN:
      rsh_time_selection_set_selected_span (self, range ? range : &empty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_time_selection_class_init (RshTimeSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rsh_time_selection_get_property;
  object_class->set_property = rsh_time_selection_set_property;

  properties[PROP_BOUNDS] =
    g_param_spec_boxed ("bounds", NULL, NULL,
                        RSH_TYPE_TIME_RANGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VISIBLE_SPAN] =
    g_param_spec_boxed ("visible-span", NULL, NULL,
                        RSH_TYPE_TIME_RANGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_SPAN] =
    g_param_spec_boxed ("selected-span", NULL, NULL,
                        RSH_TYPE_TIME_RANGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_time_selection_init (RshTimeSelection *self)
{
  /* A day around now, until there is data. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->bounds.begin = self->bounds.end = now;
  self->fitted = fit_bounds (&self->bounds);
  self->visible = self->fitted;
}

/**
 * rsh_time_range_copy:
 * @range: a #RshTimeRange
 *
 * Returns: (transfer full): a copy of @range
 */
RshTimeRange *
rsh_time_range_copy (const RshTimeRange *range)
{
  return g_memdup2 (range, sizeof *range);
}

void
rsh_time_range_free (RshTimeRange *range)
{
  g_free (range);
}

/**
 * rsh_time_selection_new:
 *
 * Returns: (transfer full): a selection showing a day around now
 */
RshTimeSelection *
rsh_time_selection_new (void)
{
  return g_object_new (RSH_TYPE_TIME_SELECTION, NULL);
}

/**
 * rsh_time_selection_get_bounds:
 * @self: a #RshTimeSelection
 *
 * Returns: (transfer none): the stretch the data covers
 */
const RshTimeRange *
rsh_time_selection_get_bounds (RshTimeSelection *self)
{
  g_return_val_if_fail (RSH_IS_TIME_SELECTION (self), NULL);

  return &self->bounds;
}

/**
 * rsh_time_selection_set_bounds:
 * @self: a #RshTimeSelection
 * @bounds: the stretch the data covers
 *
 * Sets the data's extent, shows all of it and clears the selected span.
 */
void
rsh_time_selection_set_bounds (RshTimeSelection   *self,
                               const RshTimeRange *bounds)
{
  g_return_if_fail (RSH_IS_TIME_SELECTION (self));
  g_return_if_fail (bounds != NULL);

  rsh_time_selection_set_extent (self, bounds, bounds);
}

/**
 * rsh_time_selection_set_extent:
 * @self: a #RshTimeSelection
 * @bounds: the stretch the data covers
 * @focus: the part of it worth showing first, such as all but a few far-off outliers
 *
 * Sets the data's extent, shows @focus and clears the selected span. Zooming out and
 * panning still reach the whole of @bounds.
 */
void
rsh_time_selection_set_extent (RshTimeSelection   *self,
                               const RshTimeRange *bounds,
                               const RshTimeRange *focus)
{
  RshTimeRange ordered;
  RshTimeRange ordered_focus;
  RshTimeRange empty = { 0, 0 };

  g_return_if_fail (RSH_IS_TIME_SELECTION (self));
  g_return_if_fail (bounds != NULL);
  g_return_if_fail (focus != NULL);

  ordered = *bounds;
  rsh_time_range_order (&ordered);
  ordered_focus = *focus;
  rsh_time_range_order (&ordered_focus);

  self->fitted = fit_bounds (&ordered_focus);
  if (!rsh_time_range_equal (&self->bounds, &ordered))
    {
      self->bounds = ordered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNDS]);
    }

  rsh_time_selection_set_selected_span (self, &empty);
  rsh_time_selection_reset (self);
}

/**
 * rsh_time_selection_get_visible_span:
 * @self: a #RshTimeSelection
 *
 * Returns: (transfer none): the stretch of time the timeline shows
 */
const RshTimeRange *
rsh_time_selection_get_visible_span (RshTimeSelection *self)
{
  g_return_val_if_fail (RSH_IS_TIME_SELECTION (self), NULL);

  return &self->visible;
}

/**
 * rsh_time_selection_set_visible_span:
 * @self: a #RshTimeSelection
 * @span: the stretch to show
 *
 * Shows @span, narrowed or widened to the zoom limits and moved so that some of the data
 * stays in view.
 */
void
rsh_time_selection_set_visible_span (RshTimeSelection   *self,
                                     const RshTimeRange *span)
{
  RshTimeRange constrained;

  g_return_if_fail (RSH_IS_TIME_SELECTION (self));
  g_return_if_fail (span != NULL);

  constrained = constrain (self, span);
  if (rsh_time_range_equal (&constrained, &self->visible))
    return;

  self->visible = constrained;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_SPAN]);
}

/**
 * rsh_time_selection_get_selected_span:
 * @self: a #RshTimeSelection
 *
 * Returns: (transfer none): the range the user selected; empty when there is none
 */
const RshTimeRange *
rsh_time_selection_get_selected_span (RshTimeSelection *self)
{
  g_return_val_if_fail (RSH_IS_TIME_SELECTION (self), NULL);

  return &self->selected;
}

/**
 * rsh_time_selection_set_selected_span:
 * @self: a #RshTimeSelection
 * @span: the range to select; an empty range clears the selection
 */
void
rsh_time_selection_set_selected_span (RshTimeSelection   *self,
                                      const RshTimeRange *span)
{
  RshTimeRange ordered;

  g_return_if_fail (RSH_IS_TIME_SELECTION (self));
  g_return_if_fail (span != NULL);

  ordered = *span;
  rsh_time_range_order (&ordered);
  if (rsh_time_range_is_empty (&ordered))
    ordered.begin = ordered.end = 0;

  if (rsh_time_range_equal (&ordered, &self->selected))
    return;

  self->selected = ordered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SPAN]);
}

/**
 * rsh_time_selection_zoom:
 * @self: a #RshTimeSelection
 * @factor: how much closer to look: 2 halves the visible duration, 0.5 doubles it
 * @anchor: the fraction of the view, 0..1, that stays at the same time
 */
void
rsh_time_selection_zoom (RshTimeSelection *self,
                         double            factor,
                         double            anchor)
{
  RshTimeRange span;
  double duration;
  double new_duration;
  double pivot;

  g_return_if_fail (RSH_IS_TIME_SELECTION (self));
  g_return_if_fail (factor > 0);

  anchor = CLAMP (anchor, 0.0, 1.0);
  duration = (double) rsh_time_range_duration (&self->visible);
  new_duration = duration / factor;
  new_duration = CLAMP (new_duration, RSH_TIME_SELECTION_MIN_DURATION,
                        (double) RSH_TIME_SELECTION_MAX_DURATION);
  pivot = self->visible.begin + anchor * duration;

  span.begin = (gint64) llround (pivot - anchor * new_duration);
  span.end = span.begin + (gint64) llround (new_duration);

  rsh_time_selection_set_visible_span (self, &span);
}

/**
 * rsh_time_selection_pan:
 * @self: a #RshTimeSelection
 * @fraction: how far to move, in visible widths; positive moves later in time
 */
void
rsh_time_selection_pan (RshTimeSelection *self,
                        double            fraction)
{
  RshTimeRange span;
  gint64 shift;

  g_return_if_fail (RSH_IS_TIME_SELECTION (self));

  shift = (gint64) llround (fraction * rsh_time_range_duration (&self->visible));
  span.begin = self->visible.begin + shift;
  span.end = self->visible.end + shift;

  rsh_time_selection_set_visible_span (self, &span);
}

/**
 * rsh_time_selection_reset:
 * @self: a #RshTimeSelection
 *
 * Shows all the data with a little room on each side.
 */
void
rsh_time_selection_reset (RshTimeSelection *self)
{
  g_return_if_fail (RSH_IS_TIME_SELECTION (self));

  rsh_time_selection_set_visible_span (self, &self->fitted);
}

/**
 * rsh_time_selection_time_at:
 * @self: a #RshTimeSelection
 * @fraction: a position in the view, 0 at the left edge and 1 at the right
 *
 * Returns: the time at @fraction, in seconds since the epoch
 */
gint64
rsh_time_selection_time_at (RshTimeSelection *self,
                            double            fraction)
{
  g_return_val_if_fail (RSH_IS_TIME_SELECTION (self), 0);

  return self->visible.begin +
         (gint64) llround (fraction * rsh_time_range_duration (&self->visible));
}

/**
 * rsh_time_selection_fraction_of:
 * @self: a #RshTimeSelection
 * @time: seconds since the epoch
 *
 * Returns: where @time falls in the view: 0 at the left edge, 1 at the right, outside
 *   0..1 when it is out of view
 */
double
rsh_time_selection_fraction_of (RshTimeSelection *self,
                                gint64            time)
{
  gint64 duration;

  g_return_val_if_fail (RSH_IS_TIME_SELECTION (self), 0);

  duration = rsh_time_range_duration (&self->visible);
  if (duration == 0)
    return 0;

  return (double) (time - self->visible.begin) / (double) duration;
}
