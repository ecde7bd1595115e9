/* rsh-timeline.c: who reported, confirmed, denied or disputed what, and when
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The drawing follows sysprof's visualizers: positions are normalised to the visible span
 * whenever the data or the zoom change, pixel positions are cached until the next
 * allocation, and snapshot only walks what is in view, merging what would land on the same
 * pixels. One widget draws the ruler and every lane: lanes are few (speakers or claims of
 * one story) and keyboard navigation and hit-testing cross lanes, so a list of lane widgets
 * would cost more than it saves. It scrolls vertically as a GtkScrollable; its horizontal
 * adjustment pans through time. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "rsh-gui-compat.h"
#include "rsh-timeline.h"
#include "rsh-timeline-private.h"

#define RULER_HEIGHT      32
#define LANE_HEIGHT       44
#define ROW_PITCH         12
#define N_ROWS            3
#define MARK_SIZE         RSH_TIMELINE_MARK_SIZE
#define GUTTER_MAX        190
#define GUTTER_MIN        90
#define PLOT_PAD          (MARK_SIZE + 2)
#define BOTTOM_PAD        22
#define TICK_MIN_SPACING  64
#define LABEL_GAP         8
#define HIT_SLACK         3
#define DRAG_THRESHOLD    4
#define ZOOM_STEP         1.5
#define WHEEL_ZOOM_BASE   1.2
#define WHEEL_PAN_STEP    0.1
#define SECONDS_PER_DAY   (24 * 3600)
#define NO_MARK           G_MAXUINT
/* Enough for the batches of build_static_node: bars, caps, shapes and rings per stance. */
#define BUCKETS_ALLOCATED 42
#define CLUSTER_GAP       (MARK_SIZE * 0.55)

typedef struct
{
  RshTimelineMark *mark;        /* borrowed from the store */
  gint64           begin;
  gint64           end;
  double           nbegin;      /* begin and end as fractions of the visible span */
  double           nend;
  float            x_begin;     /* pixel cache, widget coordinates */
  float            x_end;
  float            x_centre;
  gint64           about_begin; /* what the statement is about ("in 2014"), when known */
  gint64           about_end;
  double           nabout_begin;
  double           nabout_end;
  float            x_about_begin;
  float            x_about_end;
  guint            lane;
  guint            row : 2;
  guint            stance : 3;
  guint            uncertain : 1;
  guint            highlighted : 1;
  guint            has_about : 1;
} Item;

typedef struct
{
  char   *key;
  char   *label;
  gint64  first;
  guint   n_before;              /* marks left of the view, then right of it */
  guint   n_after;
} Lane;

typedef struct
{
  float  x;
  char  *label;                 /* NULL when it would overlap the previous one */
  guint  major : 1;
} Tick;

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_SELECT,
} DragMode;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA accent;
  GdkRGBA stance[RSH_STANCE_ABSENT + 1];
} Palette;

struct _RshTimeline
{
  GtkWidget            parent_instance;

  /* owned */
  RshComparison       *comparison;
  RshTimeSelection    *selection;
  GListStore          *marks;           /* RshTimelineMark: dated in time order, then undated */
  GtkSingleSelection  *events_model;
  GArray              *items;           /* Item, one per dated mark, same order as @marks */
  GPtrArray           *lanes;           /* Lane */
  GArray              *ticks;           /* Tick */
  GskRenderNode       *cache;
  PangoLayout         *layout;
  char                *selected_claim;
  char                *context_label;
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GArray              *buckets[BUCKETS_ALLOCATED];
  Palette              palette;
  RshTimeRange         drag_span;
  RshTimelineGroupBy   group_by;
  DragMode             drag_mode;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;
  gint64               max_item_duration;
  guint                n_about;          /* items with a time they are about */
  double               drag_x;
  double               drag_y;
  double               drag_vvalue;
  double               pointer_x;
  double               zoom_anchor;
  guint                n_undated;
  guint                focus;
  guint                hover;
  int                  gutter;
  guint                positions_dirty : 1;
  guint                pixels_dirty : 1;
  guint                updating_adjustments : 1;
  guint                updating_selection : 1;
};

static void rsh_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_ENUM_TYPE (RshTimelineGroupBy, rsh_timeline_group_by,
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_GROUP_BY_ACTOR, "actor"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_GROUP_BY_CLAIM, "claim"))

G_DEFINE_FINAL_TYPE_WITH_CODE (RshTimeline, rsh_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      rsh_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_GROUP_BY,
  PROP_SELECTED_CLAIM,
  PROP_FOCUSED_MARK,
  PROP_N_UNDATED,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Ruler steps, finest first: a fixed number of seconds or of calendar months. */
static const struct {
  gint64      seconds;
  int         months;
  const char *format;
  const char *major_format;
} tick_steps[] = {
  { 60, 0, "%H:%M", "%-d %b" },
  { 2 * 60, 0, "%H:%M", "%-d %b" },
  { 5 * 60, 0, "%H:%M", "%-d %b" },
  { 10 * 60, 0, "%H:%M", "%-d %b" },
  { 15 * 60, 0, "%H:%M", "%-d %b" },
  { 30 * 60, 0, "%H:%M", "%-d %b" },
  { 3600, 0, "%H:%M", "%-d %b" },
  { 2 * 3600, 0, "%H:%M", "%-d %b" },
  { 3 * 3600, 0, "%H:%M", "%-d %b" },
  { 6 * 3600, 0, "%H:%M", "%-d %b" },
  { 12 * 3600, 0, "%H:%M", "%-d %b" },
  { SECONDS_PER_DAY, 0, "%-d %b", "%Y" },
  { 2 * SECONDS_PER_DAY, 0, "%-d %b", "%Y" },
  { 7 * SECONDS_PER_DAY, 0, "%-d %b", "%Y" },
  { 0, 1, "%b", "%Y" },
  { 0, 2, "%b", "%Y" },
  { 0, 3, "%b", "%Y" },
  { 0, 6, "%b", "%Y" },
  { 0, 12, "%Y", "%Y" },
  { 0, 24, "%Y", "%Y" },
  { 0, 60, "%Y", "%Y" },
  { 0, 120, "%Y", "%Y" },
  { 0, 240, "%Y", "%Y" },
  { 0, 600, "%Y", "%Y" },
  { 0, 1200, "%Y", "%Y" },
  { 0, 2400, "%Y", "%Y" },
  { 0, 6000, "%Y", "%Y" },
};

/* Used when the style sheet does not name a colour, as in a bare test. */
static const char *fallback_stance_colors[] = {
  [RSH_STANCE_REPORTS] = "#1c71d8",
  [RSH_STANCE_CONFIRMS] = "#26a269",
  [RSH_STANCE_DENIES] = "#c01c28",
  [RSH_STANCE_DISPUTES] = "#c64600",
  [RSH_STANCE_ABSENT] = "#77767b",
};

static const char *stance_color_names[] = {
  [RSH_STANCE_REPORTS] = "timeline_reports_color",
  [RSH_STANCE_CONFIRMS] = "timeline_confirms_color",
  [RSH_STANCE_DENIES] = "timeline_denies_color",
  [RSH_STANCE_DISPUTES] = "timeline_disputes_color",
  [RSH_STANCE_ABSENT] = "timeline_absent_color",
};

static void
lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->key);
  g_free (lane->label);
  g_free (lane);
}

static void
tick_clear (gpointer data)
{
  Tick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static inline Item *
item_at (RshTimeline *self,
         guint        position)
{
  return &g_array_index (self->items, Item, position);
}

static double
plot_left (RshTimeline *self)
{
  return self->gutter + PLOT_PAD;
}

static double
plot_width (RshTimeline *self)
{
  return MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - self->gutter - 2 * PLOT_PAD);
}

static double
lanes_offset (RshTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

/* The y of a mark's row centre, in widget coordinates. */
static double
row_centre_y (RshTimeline *self,
              guint        lane,
              guint        row)
{
  static const int row_offsets[N_ROWS] = { 0, -ROW_PITCH, ROW_PITCH };

  return RULER_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2.0 + row_offsets[row] -
         lanes_offset (self);
}

static double
fraction_at_x (RshTimeline *self,
               double       x)
{
  return (x - plot_left (self)) / plot_width (self);
}

static void
invalidate_drawing (RshTimeline *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rsh_timeline_lookup_stance_color:
 * @widget: a widget whose style gives the colour
 * @stance: a stance
 * @color: (out): its colour on the timeline
 *
 * Looks up the colour the timeline draws @stance in, as the style sheet names it for light
 * and dark, or a fixed one where it names none.
 */
void
rsh_timeline_lookup_stance_color (GtkWidget *widget,
                                  RshStance  stance,
                                  GdkRGBA   *color)
{
  guint index = MIN ((guint) stance, G_N_ELEMENTS (stance_color_names) - 1);
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                          stance_color_names[index], color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (!found)
    gdk_rgba_parse (color, fallback_stance_colors[index]);
}

static void
load_palette (RshTimeline *self)
{
  GtkStyleContext *context;

  rsh_gui_widget_get_color (GTK_WIDGET (self), &self->palette.fg);
  for (guint i = 0; i < G_N_ELEMENTS (stance_color_names); i++)
    rsh_timeline_lookup_stance_color (GTK_WIDGET (self), i, &self->palette.stance[i]);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->palette.accent))
    gdk_rgba_parse (&self->palette.accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &self->palette.bg))
    gdk_rgba_parse (&self->palette.bg, "#ffffff");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a;
  const Item *ib = b;

  if (ia->begin != ib->begin)
    return ia->begin < ib->begin ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  if (ia->lane != ib->lane)
    return ia->lane < ib->lane ? -1 : 1;

  return 0;
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const Lane *la = *(const Lane * const *)a;
  const Lane *lb = *(const Lane * const *)b;

  if (la->first != lb->first)
    return la->first < lb->first ? -1 : 1;

  return g_utf8_collate (la->label, lb->label);
}

static const char *
lane_key_of (RshTimeline     *self,
             RshTimelineMark *mark)
{
  const RshTimelineEvent *event = rsh_timeline_mark_get_event (mark);
  const char *key;

  /* By speaker, by name: an outlet's own voice shares the lane of the outlet as a speaker. */
  if (self->group_by == RSH_TIMELINE_GROUP_BY_CLAIM)
    key = event->claim_id;
  else
    key = rsh_timeline_mark_get_actor_name (mark);

  return key ? key : "";
}

static const char *
lane_label_of (RshTimeline     *self,
               RshTimelineMark *mark)
{
  const char *label;

  if (self->group_by == RSH_TIMELINE_GROUP_BY_CLAIM)
    label = rsh_timeline_mark_get_claim_text (mark);
  else
    label = rsh_timeline_mark_get_actor_name (mark);

  if (label == NULL || label[0] == '\0')
    return self->group_by == RSH_TIMELINE_GROUP_BY_CLAIM ? _("Unnamed claim") : _("Unattributed");

  return label;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* What to show first. A story that mentions a ban from years ago would otherwise open with
 * everything else squeezed into one pixel; a few outliers far from the rest are left out of
 * the first view (they stay a zoom or a pan away). */
static RshTimeRange
find_focus (RshTimeline        *self,
            const RshTimeRange *bounds)
{
  RshTimeRange focus = *bounds;
  g_autofree gint64 *centres = NULL;
  guint n = self->items->len;
  guint trim;

  if (n < 8)
    return focus;

  centres = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    {
      const Item *item = item_at (self, i);

      centres[i] = item->begin + (item->end - item->begin) / 2;
    }
  qsort (centres, n, sizeof (gint64), compare_gint64);

  trim = MAX (1, n / 20);
  focus.begin = centres[trim];
  focus.end = centres[n - 1 - trim];

  if (rsh_time_range_duration (bounds) <= 4 * MAX (rsh_time_range_duration (&focus), SECONDS_PER_DAY))
    return *bounds;

  /* Keep whole the marks whose middle falls inside. */
  for (guint i = 0; i < n; i++)
    {
      const Item *item = item_at (self, i);
      gint64 centre = item->begin + (item->end - item->begin) / 2;

      if (centre >= centres[trim] && centre <= centres[n - 1 - trim])
        {
          focus.begin = MIN (focus.begin, item->begin);
          focus.end = MAX (focus.end, item->end);
        }
    }

  return focus;
}

/* Builds the lanes and the sorted items from the marks; the store is reordered to match. */
static void
rebuild_items (RshTimeline *self)
{
  g_autoptr(GHashTable) lanes_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) undated = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) dated = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->marks));
  RshTimeRange bounds = { G_MAXINT64, G_MININT64 };

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->lanes, 0);
  self->max_item_duration = 0;
  self->n_about = 0;

  for (guint i = 0; i < n; i++)
    {
      RshTimelineMark *mark = g_list_model_get_item (G_LIST_MODEL (self->marks), i);
      const RshTimeRange *range = rsh_timeline_mark_get_range (mark);
      const char *key;
      Lane *lane;

      if (!rsh_timeline_mark_get_dated (mark))
        {
          g_ptr_array_add (undated, mark);
          continue;
        }

      key = lane_key_of (self, mark);
      lane = g_hash_table_lookup (lanes_by_key, key);
      if (lane == NULL)
        {
          lane = g_new0 (Lane, 1);
          lane->key = g_strdup (key);
          lane->label = g_strdup (lane_label_of (self, mark));
          lane->first = range->begin;
          g_ptr_array_add (self->lanes, lane);
          g_hash_table_insert (lanes_by_key, lane->key, lane);
        }
      lane->first = MIN (lane->first, range->begin);
      g_ptr_array_add (dated, mark);
    }

  /* Lanes in order of their first statement, so the story reads from the top down. */
  g_ptr_array_sort (self->lanes, compare_lanes);
  for (guint i = 0; i < self->lanes->len; i++)
    g_hash_table_insert (lanes_by_key, ((Lane *) g_ptr_array_index (self->lanes, i))->key,
                         GUINT_TO_POINTER (i));

  for (guint i = 0; i < dated->len; i++)
    {
      RshTimelineMark *mark = g_ptr_array_index (dated, i);
      const RshTimeRange *range = rsh_timeline_mark_get_range (mark);
      Item item = { 0 };

      item.mark = mark;
      item.begin = range->begin;
      item.end = range->end;
      item.lane = GPOINTER_TO_UINT (g_hash_table_lookup (lanes_by_key, lane_key_of (self, mark)));
      item.stance = MIN (rsh_timeline_mark_get_event (mark)->stance, RSH_STANCE_ABSENT);
      item.uncertain = rsh_timeline_mark_get_uncertain (mark);
      if (rsh_timeline_mark_get_about_range (mark) != NULL)
        {
          item.has_about = TRUE;
          item.about_begin = rsh_timeline_mark_get_about_range (mark)->begin;
          item.about_end = rsh_timeline_mark_get_about_range (mark)->end;
          self->n_about++;
        }
      g_array_append_val (self->items, item);

      bounds.begin = MIN (bounds.begin, range->begin);
      bounds.end = MAX (bounds.end, range->end);
      self->max_item_duration = MAX (self->max_item_duration, range->end - range->begin);
    }

  g_array_sort (self->items, compare_items);

  /* The store follows the drawing order, so a table of it reads in time order too. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < self->items->len; i++)
      g_ptr_array_add (ordered, g_object_ref (item_at (self, i)->mark));
    for (guint i = 0; i < undated->len; i++)
      g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (undated, i)));

    self->updating_selection = TRUE;
    /* Items borrow the marks the store keeps. */
    g_list_store_splice (self->marks, 0, n, ordered->pdata, ordered->len);
    self->updating_selection = FALSE;
  }

  if (self->n_undated != undated->len)
    {
      self->n_undated = undated->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDATED]);
    }

  self->focus = NO_MARK;
  self->hover = NO_MARK;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);

      item->highlighted = self->selected_claim != NULL &&
        g_strcmp0 (rsh_timeline_mark_get_event (item->mark)->claim_id, self->selected_claim) == 0;
    }

  if (self->items->len == 0)
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      bounds.begin = bounds.end = now - now % SECONDS_PER_DAY;
    }

  {
    RshTimeRange focus = find_focus (self, &bounds);

    rsh_time_selection_set_extent (self->selection, &bounds, &focus);
  }

  self->positions_dirty = TRUE;
  self->pixels_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate_drawing (self);
}

static char *
format_tick (gint64      time,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  return dt ? g_date_time_format (dt, format) : NULL;
}

static gint64
month_start (gint64 month_index)
{
  g_autoptr(GDateTime) dt = NULL;
  int year = (int) (month_index / 12);
  int month = (int) (month_index % 12) + 1;

  if (year < 1 || year > 9999)
    return G_MININT64;

  dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static gint64
month_index_of (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  if (dt == NULL)
    return 0;

  return (gint64) g_date_time_get_year (dt) * 12 + g_date_time_get_month (dt) - 1;
}

static int
measure_text (RshTimeline *self,
              const char  *text)
{
  int width = 0;

  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_pixel_size (self->layout, &width, NULL);

  return width;
}

static void
add_tick (RshTimeline *self,
          gint64       time,
          const char  *format,
          gboolean     major,
          double      *last_label_end)
{
  const RshTimeRange *visible = rsh_time_selection_get_visible_span (self->selection);
  Tick tick = { 0 };
  double fraction = rsh_time_selection_fraction_of (self->selection, time);
  int width;

  if (time < visible->begin || time > visible->end)
    return;

  tick.x = plot_left (self) + fraction * plot_width (self);
  tick.major = major;
  tick.label = format_tick (time, format);
  if (tick.label != NULL)
    {
      width = measure_text (self, tick.label);
      /* A label that would run into the previous one, or off the edge, is left out. */
      if (tick.x + 4 < *last_label_end + LABEL_GAP ||
          tick.x + 4 + width > gtk_widget_get_width (GTK_WIDGET (self)))
        g_clear_pointer (&tick.label, g_free);
      else
        *last_label_end = tick.x + 4 + width;
    }

  g_array_append_val (self->ticks, tick);
}

static void
update_ticks (RshTimeline *self)
{
  const RshTimeRange *visible = rsh_time_selection_get_visible_span (self->selection);
  double seconds_per_px = rsh_time_range_duration (visible) / plot_width (self);
  double last_label_end = -G_MAXDOUBLE;
  guint step = G_N_ELEMENTS (tick_steps) - 1;

  g_array_set_size (self->ticks, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      double step_seconds = tick_steps[i].seconds ? (double) tick_steps[i].seconds
                                                  : tick_steps[i].months * 30.44 * SECONDS_PER_DAY;

      if (step_seconds / seconds_per_px >= TICK_MIN_SPACING)
        {
          step = i;
          break;
        }
    }

  if (tick_steps[step].seconds != 0)
    {
      gint64 size = tick_steps[step].seconds;
      /* Weeks start on Monday: 1970-01-05 was one. */
      gint64 origin = size == 7 * SECONDS_PER_DAY ? 4 * SECONDS_PER_DAY : 0;
      gint64 t = visible->begin - origin;

      t = (t / size + (t % size > 0 ? 1 : 0)) * size + origin;
      for (guint guard = 0; t <= visible->end && guard < 1000; t += size, guard++)
        {
          gboolean major;

          if (size < SECONDS_PER_DAY)
            major = t % SECONDS_PER_DAY == 0;
          else
            major = month_start (month_index_of (t)) == t && month_index_of (t) % 12 == 0;

          add_tick (self, t, major ? tick_steps[step].major_format : tick_steps[step].format,
                    major, &last_label_end);
        }
    }
  else
    {
      gint64 months = tick_steps[step].months;
      gint64 m = month_index_of (visible->begin);

      m = (m / months + (m % months > 0 ? 1 : 0)) * months;
      if (month_start (m) < visible->begin)
        m += months;

      for (guint guard = 0; guard < 1000; m += months, guard++)
        {
          gint64 t = month_start (m);
          gboolean major = m % 12 == 0;

          if (t == G_MININT64 || t > visible->end)
            break;
          add_tick (self, t, major ? tick_steps[step].major_format : tick_steps[step].format,
                    major, &last_label_end);
        }
    }

  /* The corner names the coarser unit the ticks leave out. */
  g_clear_pointer (&self->context_label, g_free);
  {
    gint64 middle = visible->begin + rsh_time_range_duration (visible) / 2;
    const char *format = NULL;

    if (tick_steps[step].seconds != 0 && tick_steps[step].seconds < SECONDS_PER_DAY)
      format = "%-d %b %Y";
    else if (tick_steps[step].seconds != 0 || tick_steps[step].months < 12)
      format = "%B %Y";

    if (format != NULL)
      self->context_label = format_tick (middle, format);
  }
}

/* Normalises every item to the visible span. Runs when the data or the zoom change. */
static void
update_positions (RshTimeline *self)
{
  const RshTimeRange *visible = rsh_time_selection_get_visible_span (self->selection);
  double duration = (double) MAX (1, rsh_time_range_duration (visible));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);

      item->nbegin = (item->begin - visible->begin) / duration;
      item->nend = (item->end - visible->begin) / duration;
      if (item->has_about)
        {
          item->nabout_begin = (item->about_begin - visible->begin) / duration;
          item->nabout_end = (item->about_end - visible->begin) / duration;
        }
    }

  self->positions_dirty = FALSE;
  self->pixels_dirty = TRUE;
}

/* Turns fractions into pixels and stacks marks that would cover each other. Runs after an
 * allocation or a zoom, never in snapshot. */
static void
update_pixels (RshTimeline *self)
{
  double left = plot_left (self);
  double width = plot_width (self);
  guint n_slots = MAX (1, self->lanes->len) * N_ROWS;
  g_autofree float *last_x = g_new (float, n_slots);

  if (self->positions_dirty)
    update_positions (self);

  for (guint i = 0; i < n_slots; i++)
    last_x[i] = -G_MAXFLOAT;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      lane->n_before = lane->n_after = 0;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      float *slots = &last_x[item->lane * N_ROWS];
      Lane *lane = g_ptr_array_index (self->lanes, item->lane);
      guint row = 0;
      guint oldest = 0;

      if (item->nend < 0)
        lane->n_before++;
      else if (item->nbegin > 1)
        lane->n_after++;

      item->x_begin = (float) (left + item->nbegin * width);
      item->x_end = (float) (left + item->nend * width);
      item->x_centre = (item->x_begin + item->x_end) / 2;
      if (item->has_about)
        {
          item->x_about_begin = (float) (left + item->nabout_begin * width);
          item->x_about_end = (float) (left + item->nabout_end * width);
        }

      for (row = 0; row < N_ROWS; row++)
        {
          if (item->x_centre - slots[row] >= MARK_SIZE + 1)
            break;
          if (slots[row] < slots[oldest])
            oldest = row;
        }
      if (row == N_ROWS)
        row = oldest;

      item->row = row;
      slots[row] = item->x_centre;
    }

  update_ticks (self);
  self->pixels_dirty = FALSE;
}

static void
update_adjustments (RshTimeline *self)
{
  const RshTimeRange *visible = rsh_time_selection_get_visible_span (self->selection);
  const RshTimeRange *bounds = rsh_time_selection_get_bounds (self->selection);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  self->updating_adjustments = TRUE;

  if (self->vadjustment != NULL)
    {
      double page = MAX (0, height - RULER_HEIGHT);
      double upper = self->lanes->len * LANE_HEIGHT + BOTTOM_PAD;
      double value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - page));

      gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, page),
                                LANE_HEIGHT / 2.0, page * 0.9, page);
    }

  if (self->hadjustment != NULL)
    {
      double duration = (double) rsh_time_range_duration (visible);
      double lower = (double) MIN (visible->begin, bounds->begin);
      double upper = (double) MAX (visible->end, bounds->end);

      gtk_adjustment_configure (self->hadjustment, (double) visible->begin, lower, upper,
                                duration * WHEEL_PAN_STEP, duration * 0.9, duration);
    }

  self->updating_adjustments = FALSE;
}

static void
ensure_mark_visible (RshTimeline *self,
                     guint        position)
{
  const RshTimeRange *visible = rsh_time_selection_get_visible_span (self->selection);
  Item *item;
  gint64 duration = rsh_time_range_duration (visible);
  gint64 middle;

  if (position >= self->items->len)
    return;

  item = item_at (self, position);
  middle = item->begin + (item->end - item->begin) / 2;

  if (middle < visible->begin + duration / 20 || middle > visible->end - duration / 20)
    {
      RshTimeRange span;

      span.begin = middle - duration / 2;
      span.end = span.begin + duration;
      rsh_time_selection_set_visible_span (self->selection, &span);
    }

  if (self->vadjustment != NULL)
    {
      double top = item->lane * LANE_HEIGHT;
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + LANE_HEIGHT > value + page)
        gtk_adjustment_set_value (self->vadjustment, top + LANE_HEIGHT - page);
    }
}

static void
announce_focus (RshTimeline *self)
{
  const char *description = NULL;

  if (self->focus < self->items->len)
    description = rsh_timeline_mark_get_description (item_at (self, self->focus)->mark);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No statement selected"),
                                  -1);
}

static void
set_focus (RshTimeline *self,
           guint        position)
{
  if (position != NO_MARK && position >= self->items->len)
    return;

  if (position != NO_MARK)
    ensure_mark_visible (self, position);

  if (self->focus == position)
    return;

  self->focus = position;

  self->updating_selection = TRUE;
  if (position == NO_MARK)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->events_model));
  else
    gtk_single_selection_set_selected (self->events_model, position);
  self->updating_selection = FALSE;

  announce_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_MARK]);
}

/* The nearest mark in @lane to @x, or NO_MARK. */
static guint
nearest_in_lane (RshTimeline *self,
                 guint        lane,
                 double       x)
{
  guint best = NO_MARK;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      double distance;

      if (item->lane != lane)
        continue;

      distance = fabs (item->x_centre - x);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  return best;
}

static guint
lookup_mark (RshTimeline *self,
             double       x,
             double       y)
{
  guint best = NO_MARK;
  double best_distance = G_MAXDOUBLE;
  double reach = MARK_SIZE / 2.0 + HIT_SLACK;
  double lane_y;
  guint lane;

  if (y < RULER_HEIGHT || self->items->len == 0 || x < self->gutter)
    return NO_MARK;

  if (self->pixels_dirty)
    update_pixels (self);

  lane_y = y - RULER_HEIGHT + lanes_offset (self);
  if (lane_y < 0)
    return NO_MARK;
  lane = (guint) (lane_y / LANE_HEIGHT);
  if (lane >= self->lanes->len)
    return NO_MARK;

  /* Instants first: a shape under the pointer beats the bar it sits on. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      double dx, dy, distance;

      if (item->lane != lane)
        continue;

      dx = fabs (item->x_centre - x);
      dy = fabs (row_centre_y (self, lane, item->row) - y);
      if (dx > reach || dy > reach)
        continue;

      distance = dx * dx + dy * dy;
      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  if (best != NO_MARK)
    return best;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);

      if (item->lane == lane && x >= item->x_begin && x <= item->x_end &&
          fabs (row_centre_y (self, lane, item->row) - y) <= ROW_PITCH / 2.0)
        return i;
    }

  return NO_MARK;
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

/**
 * rsh_timeline_append_shape:
 * @snapshot: where to draw
 * @stance: the stance drawn
 * @color: its colour
 * @cx: the centre, x
 * @cy: the centre, y
 * @size: the side of the shape
 *
 * Draws the shape of a mark. Shapes carry the stance without colour: a disc reports, a
 * diamond confirms, a cross denies, a triangle disputes, a ring is silent. GTK 4.8 has no
 * paths, so they are built from rectangles under transforms and clips.
 */
void
rsh_timeline_append_shape (GtkSnapshot   *snapshot,
                           RshStance      stance,
                           const GdkRGBA *color,
                           double         cx,
                           double         cy,
                           double         size)
{
  double half = size / 2;

  switch (stance)
    {
    case RSH_STANCE_REPORTS:
      {
        GskRoundedRect disc;

        gsk_rounded_rect_init_from_rect (&disc, &GRAPHENE_RECT_INIT (cx - half, cy - half, size, size),
                                         half);
        gtk_snapshot_push_rounded_clip (snapshot, &disc);
        append_rect (snapshot, color, cx - half, cy - half, size, size);
        gtk_snapshot_pop (snapshot);
      }
      break;

    case RSH_STANCE_CONFIRMS:
      {
        double side = size * 0.78;

        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
        gtk_snapshot_rotate (snapshot, 45);
        append_rect (snapshot, color, -side / 2, -side / 2, side, side);
        gtk_snapshot_restore (snapshot);
      }
      break;

    case RSH_STANCE_DENIES:
      {
        double length = size * 1.2;
        double thickness = MAX (2.5, size * 0.26);

        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
        gtk_snapshot_rotate (snapshot, 45);
        append_rect (snapshot, color, -length / 2, -thickness / 2, length, thickness);
        append_rect (snapshot, color, -thickness / 2, -length / 2, thickness, length);
        gtk_snapshot_restore (snapshot);
      }
      break;

    case RSH_STANCE_DISPUTES:
      {
        /* The top half of a diamond stretched upwards is a triangle. */
        double width = size * 1.2;
        double height = size;
        double side = width / G_SQRT2;

        gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (cx - width / 2, cy - height / 2,
                                                               width, height));
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy + height / 2));
        gtk_snapshot_scale (snapshot, 1, 2 * height / width);
        gtk_snapshot_rotate (snapshot, 45);
        append_rect (snapshot, color, -side / 2, -side / 2, side, side);
        gtk_snapshot_restore (snapshot);
        gtk_snapshot_pop (snapshot);
      }
      break;

    case RSH_STANCE_ABSENT:
    default:
      {
        GskRoundedRect ring;
        float widths[4] = { 2, 2, 2, 2 };
        GdkRGBA colors[4] = { *color, *color, *color, *color };

        gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (cx - half, cy - half, size, size),
                                         half);
        gtk_snapshot_append_border (snapshot, &ring, widths, colors);
      }
      break;
    }
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         cx,
                double         cy,
                double         size,
                float          width)
{
  GskRoundedRect ring;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size),
                                   size / 2);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

static void
append_text (RshTimeline   *self,
             GtkSnapshot   *snapshot,
             const char    *text,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  pango_layout_set_text (self->layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Merged spans of one lane row and stance, flushed when the next one leaves a gap. */
typedef struct
{
  float x0;
  float x1;
  guint uncertain : 1;
  guint dim : 1;
  guint used : 1;
} Pending;

/* Marks are drawn in batches: one cairo path per stance and look, filled once, so the
 * cost follows the number of colours rather than the number of marks. */
enum {
  BUCKET_BAR = 0,                                       /* stance, uncertain, dim: rects */
  BUCKET_CAP = BUCKET_BAR + (RSH_STANCE_ABSENT + 1) * 4, /* stance, dim: rects */
  BUCKET_CLUSTER = BUCKET_CAP + (RSH_STANCE_ABSENT + 1) * 2, /* rects, under the shapes */
  BUCKET_SHAPE,                                         /* stance, dim: points */
  BUCKET_RING = BUCKET_SHAPE + (RSH_STANCE_ABSENT + 1) * 2, /* points */
  N_BUCKETS
};

/* Whole pixels let cairo fill rectangles as boxes rather than as antialiased polygons. */
static void
push_box (GArray *bucket,
          double  x,
          double  y,
          double  width,
          double  height)
{
  float values[4];
  double x0 = round (x), y0 = round (y);

  values[0] = (float) x0;
  values[1] = (float) y0;
  values[2] = (float) MAX (1, round (x + width) - x0);
  values[3] = (float) MAX (1, round (y + height) - y0);
  g_array_append_vals (bucket, values, 4);
}

static void
push_floats (GArray *bucket,
             float   a,
             float   b,
             float   c,
             float   d)
{
  float values[4] = { a, b, c, d };

  g_array_append_vals (bucket, values, 4);
}

static void
flush_span (RshTimeline *self,
            Pending     *pending,
            guint        stance,
            double       y)
{
  double height = pending->uncertain ? MARK_SIZE - 1 : 3;
  guint bar = BUCKET_BAR + (stance * 2 + pending->uncertain) * 2 + pending->dim;
  guint cap = BUCKET_CAP + stance * 2 + pending->dim;

  if (!pending->used)
    return;

  push_box (self->buckets[bar], pending->x0, y - height / 2, pending->x1 - pending->x0, height);
  /* End caps show where an uncertain date's range stops; a day needs no such warning. */
  if (pending->uncertain)
    {
      push_box (self->buckets[cap], pending->x0, y - MARK_SIZE / 2.0 + 1, 2, MARK_SIZE - 2);
      push_box (self->buckets[cap], pending->x1 - 2, y - MARK_SIZE / 2.0 + 1, 2, MARK_SIZE - 2);
    }

  pending->used = FALSE;
}

static void
path_shape (cairo_t   *cr,
            RshStance  stance,
            double     cx,
            double     cy,
            double     size)
{
  double half = size / 2;

  switch (stance)
    {
    case RSH_STANCE_REPORTS:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, half, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case RSH_STANCE_CONFIRMS:
      {
        double h = size * 0.56;

        cairo_move_to (cr, cx, cy - h);
        cairo_line_to (cr, cx + h, cy);
        cairo_line_to (cr, cx, cy + h);
        cairo_line_to (cr, cx - h, cy);
        cairo_close_path (cr);
      }
      break;

    case RSH_STANCE_DENIES:
      {
        /* Two bars crossed at 45°: each a rectangle turned by hand. */
        double l = size * 0.6 / G_SQRT2;
        double t = MAX (2.5, size * 0.26) / 2 / G_SQRT2;

        cairo_move_to (cr, cx - l - t, cy - l + t);
        cairo_line_to (cr, cx - l + t, cy - l - t);
        cairo_line_to (cr, cx + l + t, cy + l - t);
        cairo_line_to (cr, cx + l - t, cy + l + t);
        cairo_close_path (cr);
        cairo_move_to (cr, cx + l - t, cy - l - t);
        cairo_line_to (cr, cx + l + t, cy - l + t);
        cairo_line_to (cr, cx - l + t, cy + l + t);
        cairo_line_to (cr, cx - l - t, cy + l - t);
        cairo_close_path (cr);
      }
      break;

    case RSH_STANCE_DISPUTES:
      {
        double w = size * 1.2;

        cairo_move_to (cr, cx, cy - half);
        cairo_line_to (cr, cx + w / 2, cy + half);
        cairo_line_to (cr, cx - w / 2, cy + half);
        cairo_close_path (cr);
      }
      break;

    case RSH_STANCE_ABSENT:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, half, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, cx, cy, half - 2, 2 * G_PI, 0);
      cairo_close_path (cr);
      break;
    }
}

G_STATIC_ASSERT (N_BUCKETS == BUCKETS_ALLOCATED);

static void
draw_buckets (RshTimeline           *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *area)
{
  cairo_t *cr = NULL;

  for (guint b = 0; b < N_BUCKETS; b++)
    {
      GArray *bucket = self->buckets[b];
      const float *v = (const float *) (gpointer) bucket->data;
      GdkRGBA color;

      if (bucket->len == 0)
        continue;
      if (cr == NULL)
        cr = gtk_snapshot_append_cairo (snapshot, area);

      if (b < BUCKET_CAP)
        {
          guint stance = (b - BUCKET_BAR) / 4;
          gboolean uncertain = ((b - BUCKET_BAR) / 2) % 2;
          gboolean dim = (b - BUCKET_BAR) % 2;

          color = with_alpha (&self->palette.stance[stance],
                              (uncertain ? RSH_TIMELINE_UNCERTAIN_ALPHA : 0.45f) * (dim ? 0.3f : 1.0f));
        }
      else if (b < BUCKET_CLUSTER)
        color = with_alpha (&self->palette.stance[(b - BUCKET_CAP) / 2],
                            RSH_TIMELINE_CAP_ALPHA * ((b - BUCKET_CAP) % 2 ? 0.3f : 1.0f));
      else if (b == BUCKET_CLUSTER)
        color = with_alpha (&self->palette.fg, 0.22f);
      else if (b < BUCKET_RING)
        color = with_alpha (&self->palette.stance[(b - BUCKET_SHAPE) / 2],
                            (b - BUCKET_SHAPE) % 2 ? 0.3f : 1.0f);
      else
        color = self->palette.fg;

      gdk_cairo_set_source_rgba (cr, &color);
      cairo_new_path (cr);

      if (b < BUCKET_SHAPE)
        {
          for (guint i = 0; i + 3 < bucket->len; i += 4)
            cairo_rectangle (cr, v[i], v[i + 1], v[i + 2], v[i + 3]);
          cairo_fill (cr);
        }
      else if (b < BUCKET_RING)
        {
          RshStance stance = (b - BUCKET_SHAPE) / 2;

          for (guint i = 0; i + 3 < bucket->len; i += 4)
            path_shape (cr, stance, v[i], v[i + 1], MARK_SIZE);
          cairo_fill (cr);
        }
      else
        {
          for (guint i = 0; i + 3 < bucket->len; i += 4)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, v[i], v[i + 1], (MARK_SIZE + 6) / 2.0, 0, 2 * G_PI);
            }
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      g_array_set_size (bucket, 0);
    }

  g_clear_pointer (&cr, cairo_destroy);
}

static void
snapshot_ruler (RshTimeline *self,
                GtkSnapshot *snapshot,
                int          width)
{
  GdkRGBA line = with_alpha (&self->palette.fg, 0.18f);
  GdkRGBA tick_color = with_alpha (&self->palette.fg, 0.45f);
  GdkRGBA label = with_alpha (&self->palette.fg, 0.75f);
  GdkRGBA strong = self->palette.fg;
  GdkRGBA ruler_bg = with_alpha (&self->palette.fg, 0.03f);

  append_rect (snapshot, &ruler_bg, 0, 0, width, RULER_HEIGHT);
  append_rect (snapshot, &line, 0, RULER_HEIGHT - 1, width, 1);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const Tick *tick = &g_array_index (self->ticks, Tick, i);
      double length = tick->major ? 10 : 6;

      if (tick->x < self->gutter)
        continue;

      append_rect (snapshot, &tick_color, floor (tick->x), RULER_HEIGHT - 1 - length, 1, length);
      if (tick->label != NULL)
        append_text (self, snapshot, tick->label, tick->major ? &strong : &label,
                     tick->x + 4, 4);
    }

  if (self->context_label != NULL)
    {
      pango_layout_set_width (self->layout, (self->gutter - 16) * PANGO_SCALE);
      append_text (self, snapshot, self->context_label, &strong, 12, 7);
      pango_layout_set_width (self->layout, -1);
    }
}

/* A run of marks in one lane row, gathered while walking the items in time order. */
typedef struct
{
  const Item *first;
  float       x0;
  float       x1;
  float       y;
  guint       count;
} Cluster;

static void
flush_cluster (RshTimeline *self,
               Cluster     *cluster,
               gboolean     any_highlight)
{
  const Item *item = cluster->first;

  if (cluster->count == 0)
    return;

  if (cluster->count == 1)
    {
      push_floats (self->buckets[BUCKET_SHAPE + item->stance * 2 + (any_highlight && !item->highlighted)],
                   cluster->x0, cluster->y, 0, 0);
      if (any_highlight && item->highlighted)
        push_floats (self->buckets[BUCKET_RING], cluster->x0, cluster->y, 0, 0);
    }
  else
    push_box (self->buckets[BUCKET_CLUSTER], cluster->x0 - MARK_SIZE / 2.0,
              cluster->y - 3, cluster->x1 - cluster->x0 + MARK_SIZE, 6);

  cluster->count = 0;
}

/* The bar of what @item is about, just under its row, at least 3 px wide, and the hairline
 * from it to the mark's centre; dimmed like the mark when another claim is highlighted. */
static void
draw_about (RshTimeline *self,
            GtkSnapshot *snapshot,
            const Item  *item,
            double       left,
            double       right,
            gboolean     any_highlight)
{
  float alpha = any_highlight && !item->highlighted ? 0.15f : RSH_TIMELINE_ABOUT_ALPHA;
  GdkRGBA bar = with_alpha (&self->palette.stance[item->stance], alpha);
  GdkRGBA link = with_alpha (&self->palette.fg, alpha * 0.5f);
  double y = row_centre_y (self, item->lane, item->row) + MARK_SIZE / 2.0 + 1;
  double lo = left - PLOT_PAD;
  double hi = right + PLOT_PAD;
  double x0 = item->x_about_begin;
  double x1 = item->x_about_end;
  double cx = item->x_centre;

  if (x1 - x0 < 3)
    {
      double middle = (x0 + x1) / 2;

      x0 = middle - 1.5;
      x1 = middle + 1.5;
    }
  if (x1 >= lo && x0 <= hi)
    append_rect (snapshot, &bar, MAX (x0, lo), y, MIN (x1, hi) - MAX (x0, lo), 2);

  /* The hairline runs along the bar's row from its nearer end to under the mark, then up
   * to the mark. */
  if (cx > x1 && MIN (cx, hi) - MAX (x1, lo) >= 0.5)
    append_rect (snapshot, &link, MAX (x1, lo), y + 0.5, MIN (cx, hi) - MAX (x1, lo), 1);
  else if (cx < x0 && MIN (x0, hi) - MAX (cx, lo) >= 0.5)
    append_rect (snapshot, &link, MAX (cx, lo), y + 0.5, MIN (x0, hi) - MAX (cx, lo), 1);
  if (cx >= lo && cx <= hi)
    append_rect (snapshot, &link, floor (cx), y - MARK_SIZE / 2.0, 1, MARK_SIZE / 2.0 + 1);
}

static GskRenderNode *
build_static_node (RshTimeline *self,
                   int          width,
                   int          height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autofree Pending *pending = NULL;
  g_autofree Cluster *clusters = NULL;
  GdkRGBA stripe = with_alpha (&self->palette.fg, 0.035f);
  GdkRGBA grid = with_alpha (&self->palette.fg, 0.07f);
  GdkRGBA separator = with_alpha (&self->palette.fg, 0.12f);
  GdkRGBA lane_label = with_alpha (&self->palette.fg, 0.85f);
  GdkRGBA dim_text = with_alpha (&self->palette.fg, 0.55f);
  double offset = lanes_offset (self);
  double plot_right = width - PLOT_PAD;
  double left = plot_left (self);
  guint n_slots = MAX (1, self->lanes->len) * N_ROWS;
  guint first_lane;
  guint last_lane;
  guint start;
  double lo;
  gboolean any_highlight = self->selected_claim != NULL;

  pending = g_new0 (Pending, n_slots * (RSH_STANCE_ABSENT + 1));
  clusters = g_new0 (Cluster, n_slots);

  first_lane = (guint) MAX (0, offset / LANE_HEIGHT);
  last_lane = (guint) MAX (0, (offset + height - RULER_HEIGHT) / LANE_HEIGHT + 1);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, RULER_HEIGHT, width,
                                                         MAX (0, height - RULER_HEIGHT)));

  /* Lane stripes and names. */
  pango_layout_set_width (self->layout, (self->gutter - 20) * PANGO_SCALE);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  for (guint lane = first_lane; lane < self->lanes->len && lane <= last_lane; lane++)
    {
      const Lane *l = g_ptr_array_index (self->lanes, lane);
      double top = RULER_HEIGHT + lane * LANE_HEIGHT - offset;
      int text_height = 0;

      if (lane % 2 == 1)
        append_rect (snapshot, &stripe, 0, top, width, LANE_HEIGHT);

      pango_layout_set_text (self->layout, l->label, -1);
      pango_layout_get_pixel_size (self->layout, NULL, &text_height);
      append_text (self, snapshot, l->label, &lane_label, 12, top + (LANE_HEIGHT - text_height) / 2.0);
    }
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);

  append_rect (snapshot, &separator, self->gutter, RULER_HEIGHT, 1, height - RULER_HEIGHT);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter + 1, RULER_HEIGHT,
                                                         MAX (0, width - self->gutter - 1),
                                                         MAX (0, height - RULER_HEIGHT)));

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const Tick *tick = &g_array_index (self->ticks, Tick, i);

      if (tick->x > self->gutter)
        append_rect (snapshot, tick->major ? &separator : &grid, floor (tick->x), RULER_HEIGHT,
                     1, height - RULER_HEIGHT);
    }

  /* Items are sorted by begin: skip to the first that can reach the view, stop at the first
   * that starts after it. */
  lo = -(double) self->max_item_duration /
       MAX (1, rsh_time_range_duration (rsh_time_selection_get_visible_span (self->selection)));
  {
    guint a = 0, b = self->items->len;

    while (a < b)
      {
        guint mid = a + (b - a) / 2;

        if (item_at (self, mid)->nbegin < lo)
          a = mid + 1;
        else
          b = mid;
      }
    start = a;
  }

  /* Under everything, what each statement is about: a thin bar under its row, joined to
   * its mark by a hairline. A statement's own time may be far from the time it is about,
   * so these few are looked at whatever the view; none are drawn when no event has one. */
  for (guint i = 0; self->n_about > 0 && i < self->items->len; i++)
    {
      const Item *item = item_at (self, i);

      if (item->has_about && item->lane >= first_lane && item->lane <= last_lane)
        draw_about (self, snapshot, item, left, plot_right, any_highlight);
    }

  /* Spans first, merged per lane row and stance wherever they touch in pixel space. */
  for (guint i = start; i < self->items->len; i++)
    {
      const Item *item = item_at (self, i);
      float x0, x1;
      Pending *p;
      guint slot;

      if (item->nbegin > 1.0 + PLOT_PAD / plot_width (self))
        break;
      if (item->nend < 0 || item->lane < first_lane || item->lane > last_lane)
        continue;

      x0 = MAX (item->x_begin, (float) (left - PLOT_PAD));
      x1 = MIN (item->x_end, (float) (plot_right + PLOT_PAD));
      /* Under the shape anyway: nothing worth a span. */
      if (x1 - x0 <= MARK_SIZE)
        continue;

      slot = item->lane * N_ROWS + item->row;
      p = &pending[slot * (RSH_STANCE_ABSENT + 1) + item->stance];
      if (p->used && x0 <= p->x1 + 1 && p->uncertain == item->uncertain &&
          p->dim == (any_highlight && !item->highlighted))
        {
          p->x1 = MAX (p->x1, x1);
          continue;
        }

      flush_span (self, p, item->stance, row_centre_y (self, item->lane, item->row));
      p->x0 = x0;
      p->x1 = x1;
      p->uncertain = item->uncertain;
      p->dim = any_highlight && !item->highlighted;
      p->used = TRUE;
    }

  for (guint slot = 0; slot < n_slots; slot++)
    for (guint s = 0; s <= RSH_STANCE_ABSENT; s++)
      flush_span (self, &pending[slot * (RSH_STANCE_ABSENT + 1) + s], s,
                  row_centre_y (self, slot / N_ROWS, slot % N_ROWS));

  /* Then the shapes on top. Marks closer than about half a shape in one lane row would
   * mostly cover each other: such a run is drawn as one cluster bar, which keeps the cost
   * bound by the width rather than the number of marks. A lone mark gets its shape. */
  for (guint i = start; i < self->items->len; i++)
    {
      const Item *item = item_at (self, i);
      Cluster *cluster;
      double cx;

      if (item->nbegin > 1.0 + PLOT_PAD / plot_width (self))
        break;
      if (item->nend < 0 || item->lane < first_lane || item->lane > last_lane)
        continue;

      cx = item->x_centre;
      if (cx < left - PLOT_PAD / 2.0 || cx > plot_right + PLOT_PAD / 2.0)
        continue;

      cluster = &clusters[item->lane * N_ROWS + item->row];
      if (cluster->count > 0 && cx >= cluster->x0 - CLUSTER_GAP && cx <= cluster->x1 + CLUSTER_GAP)
        {
          cluster->x0 = MIN (cluster->x0, (float) cx);
          cluster->x1 = MAX (cluster->x1, (float) cx);
          cluster->count++;
          continue;
        }

      flush_cluster (self, cluster, any_highlight);
      cluster->x0 = cluster->x1 = (float) cx;
      cluster->y = (float) row_centre_y (self, item->lane, item->row);
      cluster->first = item;
      cluster->count = 1;
    }

  for (guint slot = 0; slot < n_slots; slot++)
    flush_cluster (self, &clusters[slot], any_highlight);

  draw_buckets (self, snapshot,
                &GRAPHENE_RECT_INIT (self->gutter + 1, RULER_HEIGHT,
                                     MAX (0, width - self->gutter - 1),
                                     MAX (0, height - RULER_HEIGHT)));

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);

  /* Marks out of view are counted at the lane's edges, so none is lost off-screen. */
  for (guint lane = first_lane; lane < self->lanes->len && lane <= last_lane; lane++)
    {
      const Lane *l = g_ptr_array_index (self->lanes, lane);
      double top = RULER_HEIGHT + lane * LANE_HEIGHT - offset;

      if (l->n_before > 0)
        {
          g_autofree char *text = g_strdup_printf ("‹ %u", l->n_before);

          int text_width = measure_text (self, text);

          append_rect (snapshot, &self->palette.bg, self->gutter + 1, top + 2, text_width + 6, 16);
          append_text (self, snapshot, text, &dim_text, self->gutter + 4, top + 2);
        }
      if (l->n_after > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u ›", l->n_after);
          int text_width = measure_text (self, text);

          append_rect (snapshot, &self->palette.bg, width - text_width - 7, top + 2, text_width + 7, 16);
          append_text (self, snapshot, text, &dim_text, width - text_width - 4, top + 2);
        }
    }


  if (self->items->len == 0)
    {
      const char *empty = _("No dated statements");
      int text_width = measure_text (self, empty);

      append_text (self, snapshot, empty, &dim_text,
                   self->gutter + (width - self->gutter - text_width) / 2.0,
                   RULER_HEIGHT + MAX (0, height - RULER_HEIGHT) / 2.0 - 8);
    }

  if (self->n_undated > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u undated statement",
                                                            "%u undated statements",
                                                            self->n_undated),
                                               self->n_undated);
      GdkRGBA line = with_alpha (&self->palette.fg, 0.12f);
      int text_width = measure_text (self, note);
      double note_width = MAX (self->gutter, text_width + 24);

      /* A footer of its own over the gutter, so it never mixes with a lane's name. */
      append_rect (snapshot, &self->palette.bg, 0, height - BOTTOM_PAD, note_width, BOTTOM_PAD);
      append_rect (snapshot, &line, 0, height - BOTTOM_PAD, note_width, 1);
      append_text (self, snapshot, note, &dim_text, 12, height - BOTTOM_PAD + 2);
    }

  snapshot_ruler (self, snapshot, width);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
snapshot_overlays (RshTimeline *self,
                   GtkSnapshot *snapshot,
                   int          width,
                   int          height)
{
  const RshTimeRange *selected = rsh_time_selection_get_selected_span (self->selection);

  if (!rsh_time_range_is_empty (selected))
    {
      double x0 = plot_left (self) +
                  rsh_time_selection_fraction_of (self->selection, selected->begin) * plot_width (self);
      double x1 = plot_left (self) +
                  rsh_time_selection_fraction_of (self->selection, selected->end) * plot_width (self);
      GdkRGBA fill = with_alpha (&self->palette.accent, 0.14f);
      GdkRGBA edge = with_alpha (&self->palette.accent, 0.8f);

      x0 = CLAMP (x0, self->gutter + 1, width);
      x1 = CLAMP (x1, self->gutter + 1, width);
      if (x1 - x0 >= 0.5)
        {
          g_autofree char *text = rsh_timeline_format_range (selected);
          int text_width = measure_text (self, text);

          append_rect (snapshot, &fill, x0, 0, x1 - x0, height);
          append_rect (snapshot, &edge, x0, 0, 1, height);
          append_rect (snapshot, &edge, x1 - 1, 0, 1, height);
          if (text_width + 8 < x1 - x0)
            append_text (self, snapshot, text, &self->palette.accent,
                         x0 + (x1 - x0 - text_width) / 2, RULER_HEIGHT + 2);
        }
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter + 1, RULER_HEIGHT,
                                                         MAX (0, width - self->gutter - 1),
                                                         MAX (0, height - RULER_HEIGHT)));

  if (self->hover < self->items->len && self->hover != self->focus)
    {
      const Item *item = item_at (self, self->hover);
      GdkRGBA ring = with_alpha (&self->palette.fg, 0.5f);

      append_outline (snapshot, &ring, item->x_centre, row_centre_y (self, item->lane, item->row),
                      MARK_SIZE + 7, 1.5f);
    }

  if (self->focus < self->items->len)
    {
      const Item *item = item_at (self, self->focus);
      double cy = row_centre_y (self, item->lane, item->row);
      GdkRGBA ring = self->palette.accent;

      if (!gtk_widget_has_focus (GTK_WIDGET (self)))
        ring = with_alpha (&ring, 0.6f);

      /* Redrawn on top, so a focused mark hidden under a neighbour shows. */
      rsh_timeline_append_shape (snapshot, item->stance, &self->palette.stance[item->stance],
                    item->x_centre, cy, MARK_SIZE);
      append_outline (snapshot, &ring, item->x_centre, cy, MARK_SIZE + 8, 2);
    }

  gtk_snapshot_pop (snapshot);
}

static void
visible_span_changed_cb (RshTimeline      *self,
                         GParamSpec       *pspec,
                         RshTimeSelection *selection)
{
  g_assert (RSH_IS_TIMELINE (self));

  update_positions (self);
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    update_pixels (self);
  update_adjustments (self);
  invalidate_drawing (self);
}

static void
selected_span_changed_cb (RshTimeline      *self,
                          GParamSpec       *pspec,
                          RshTimeSelection *selection)
{
  g_assert (RSH_IS_TIMELINE (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
events_selection_changed_cb (RshTimeline       *self,
                             guint              position,
                             guint              n_items,
                             GtkSelectionModel *model)
{
  guint selected;

  g_assert (RSH_IS_TIMELINE (self));

  if (self->updating_selection)
    return;

  selected = gtk_single_selection_get_selected (self->events_model);
  /* A row of the table with no date has no place on the timeline. */
  set_focus (self, selected < self->items->len ? selected : NO_MARK);
}

static void
adjustment_value_changed_cb (RshTimeline   *self,
                             GtkAdjustment *adjustment)
{
  g_assert (RSH_IS_TIMELINE (self));

  if (self->updating_adjustments)
    return;

  if (adjustment == self->hadjustment)
    {
      RshTimeRange span;

      span.begin = (gint64) llround (gtk_adjustment_get_value (adjustment));
      span.end = span.begin + rsh_time_range_duration (rsh_time_selection_get_visible_span (self->selection));
      rsh_time_selection_set_visible_span (self->selection, &span);
    }
  else
    invalidate_drawing (self);
}

static gboolean
scroll_cb (RshTimeline              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  gboolean pixels;
  gboolean lanes_fit;

  g_assert (RSH_IS_TIMELINE (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  pixels = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;

  if (state & GDK_CONTROL_MASK)
    {
      double steps = pixels ? dy / 20.0 : dy;

      rsh_time_selection_zoom (self->selection, pow (WHEEL_ZOOM_BASE, -steps),
                               fraction_at_x (self, self->pointer_x));
      return TRUE;
    }

  lanes_fit = self->vadjustment == NULL ||
              gtk_adjustment_get_upper (self->vadjustment) <=
              gtk_adjustment_get_page_size (self->vadjustment) + 1;

  if (state & GDK_SHIFT_MASK || lanes_fit)
    {
      double amount = dx != 0 ? dx : dy;

      rsh_time_selection_pan (self->selection,
                              pixels ? amount / plot_width (self) : amount * WHEEL_PAN_STEP);
      return TRUE;
    }

  if (dx != 0)
    {
      rsh_time_selection_pan (self->selection,
                              pixels ? dx / plot_width (self) : dx * WHEEL_PAN_STEP);
      return TRUE;
    }

  /* Let the scrolled window move through the lanes. */
  return FALSE;
}

static void
motion_cb (RshTimeline              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint hover;

  g_assert (RSH_IS_TIMELINE (self));

  self->pointer_x = x;
  hover = lookup_mark (self, x, y);
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (RshTimeline              *self,
          GtkEventControllerMotion *controller)
{
  g_assert (RSH_IS_TIMELINE (self));

  if (self->hover != NO_MARK)
    {
      self->hover = NO_MARK;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_begin_cb (RshTimeline    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state;

  g_assert (RSH_IS_TIMELINE (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  self->drag_x = x;
  self->drag_y = y;
  self->drag_span = *rsh_time_selection_get_visible_span (self->selection);
  self->drag_vvalue = lanes_offset (self);
  self->drag_mode = (y < RULER_HEIGHT || (state & GDK_SHIFT_MASK)) ? DRAG_SELECT : DRAG_PAN;
}

static void
drag_update_cb (RshTimeline    *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  g_assert (RSH_IS_TIMELINE (self));

  if (fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
    return;

  if (self->drag_mode == DRAG_SELECT)
    {
      RshTimeRange range;
      double x0 = CLAMP (self->drag_x, plot_left (self), plot_left (self) + plot_width (self));
      double x1 = CLAMP (self->drag_x + dx, plot_left (self), plot_left (self) + plot_width (self));

      range.begin = rsh_time_selection_time_at (self->selection, fraction_at_x (self, x0));
      range.end = rsh_time_selection_time_at (self->selection, fraction_at_x (self, x1));
      rsh_time_selection_set_selected_span (self->selection, &range);
    }
  else if (self->drag_mode == DRAG_PAN)
    {
      RshTimeRange span = self->drag_span;
      gint64 shift = (gint64) llround (-dx / plot_width (self) * rsh_time_range_duration (&span));

      span.begin += shift;
      span.end += shift;
      rsh_time_selection_set_visible_span (self->selection, &span);

      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->drag_vvalue - dy);
    }
}

static void
drag_end_cb (RshTimeline    *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  g_assert (RSH_IS_TIMELINE (self));

  /* Barely moved: a click. It opens the statement under the pointer. */
  if (fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
    {
      guint hit = lookup_mark (self, self->drag_x, self->drag_y);

      gtk_widget_grab_focus (GTK_WIDGET (self));
      if (hit != NO_MARK)
        {
          set_focus (self, hit);
          rsh_timeline_activate_mark (self, hit);
        }
      else
        {
          RshTimeRange empty = { 0, 0 };

          rsh_time_selection_set_selected_span (self->selection, &empty);
        }
    }

  self->drag_mode = DRAG_NONE;
}

static void
zoom_begin_cb (RshTimeline      *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  double x = 0, y = 0;

  g_assert (RSH_IS_TIMELINE (self));

  self->drag_span = *rsh_time_selection_get_visible_span (self->selection);
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->zoom_anchor = CLAMP (fraction_at_x (self, x), 0, 1);
  else
    self->zoom_anchor = 0.5;
}

static void
zoom_scale_changed_cb (RshTimeline    *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  RshTimeRange span;
  double duration;
  double pivot;

  g_assert (RSH_IS_TIMELINE (self));

  if (scale <= 0)
    return;

  duration = (double) rsh_time_range_duration (&self->drag_span);
  pivot = self->drag_span.begin + self->zoom_anchor * duration;
  span.begin = (gint64) llround (pivot - self->zoom_anchor * duration / scale);
  span.end = span.begin + (gint64) llround (duration / scale);
  rsh_time_selection_set_visible_span (self->selection, &span);
}

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RshTimeline *self = RSH_TIMELINE (widget);
  const char *direction = g_variant_get_string (param, NULL);
  guint n = self->items->len;
  guint target = self->focus;

  if (n == 0)
    return;

  if (self->pixels_dirty)
    update_pixels (self);

  if (g_str_equal (direction, "first"))
    target = 0;
  else if (g_str_equal (direction, "last"))
    target = n - 1;
  else if (g_str_equal (direction, "next"))
    target = self->focus == NO_MARK ? 0 : MIN (self->focus + 1, n - 1);
  else if (g_str_equal (direction, "previous"))
    target = self->focus == NO_MARK ? n - 1 : (self->focus > 0 ? self->focus - 1 : 0);
  else if (g_str_equal (direction, "up") || g_str_equal (direction, "down"))
    {
      gboolean up = g_str_equal (direction, "up");
      const Item *from = item_at (self, self->focus == NO_MARK ? 0 : self->focus);
      guint lane = from->lane;

      if (self->focus == NO_MARK)
        target = 0;
      else
        {
          target = NO_MARK;
          while (target == NO_MARK && (up ? lane > 0 : lane + 1 < self->lanes->len))
            {
              lane = up ? lane - 1 : lane + 1;
              target = nearest_in_lane (self, lane, from->x_centre);
            }
          if (target == NO_MARK)
            return;
        }
    }

  set_focus (self, target);
}

static void
activate_focus_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  if (self->focus != NO_MARK)
    rsh_timeline_activate_mark (self, self->focus);
}

static gboolean
clear_selection_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  RshTimeline *self = RSH_TIMELINE (widget);
  RshTimeRange empty = { 0, 0 };

  if (rsh_time_range_is_empty (rsh_time_selection_get_selected_span (self->selection)))
    return FALSE;

  rsh_time_selection_set_selected_span (self->selection, &empty);

  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  rsh_time_selection_zoom (self->selection, ZOOM_STEP, 0.5);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  rsh_time_selection_zoom (self->selection, 1 / ZOOM_STEP, 0.5);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  rsh_time_selection_reset (self->selection);
}

static void
rsh_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 900;
    }
  else
    {
      *minimum = RULER_HEIGHT + LANE_HEIGHT * MIN (2, MAX (1, self->lanes->len)) + BOTTOM_PAD;
      *natural = RULER_HEIGHT + LANE_HEIGHT * MAX (1, self->lanes->len) + BOTTOM_PAD;
    }
}

static void
rsh_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  self->gutter = CLAMP (width / 5, GUTTER_MIN, GUTTER_MAX);
  self->pixels_dirty = TRUE;
  update_pixels (self);
  update_adjustments (self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
rsh_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RshTimeline *self = RSH_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  /* Normally done by the allocation or the zoom; only a caller poking at the data between
   * the two gets here with stale positions. */
  if (self->pixels_dirty || self->positions_dirty)
    update_pixels (self);

  if (self->cache == NULL)
    self->cache = build_static_node (self, width, height);

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  snapshot_overlays (self, snapshot, width, height);
}

static void
rsh_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  RshTimeline *self = RSH_TIMELINE (widget);

  GTK_WIDGET_CLASS (rsh_timeline_parent_class)->css_changed (widget, change);

  load_palette (self);
  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (widget, NULL);
  self->pixels_dirty = TRUE;
  invalidate_drawing (self);
}

static gboolean
rsh_timeline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  RshTimeline *self = RSH_TIMELINE (widget);
  g_autofree char *markup = NULL;
  guint position;

  position = keyboard_mode ? self->focus : lookup_mark (self, x, y);
  if (position == NO_MARK)
    return FALSE;

  markup = rsh_timeline_dup_tooltip_markup (self, position);
  gtk_tooltip_set_markup (tooltip, markup);

  if (position < self->items->len)
    {
      const Item *item = item_at (self, position);
      double cy = row_centre_y (self, item->lane, item->row);
      GdkRectangle area = { (int) (item->x_centre - MARK_SIZE), (int) (cy - MARK_SIZE),
                            2 * MARK_SIZE, 2 * MARK_SIZE };

      gtk_tooltip_set_tip_area (tooltip, &area);
    }

  return TRUE;
}

static void
has_focus_changed_cb (RshTimeline *self,
                      GParamSpec  *pspec,
                      gpointer     user_data)
{
  g_assert (RSH_IS_TIMELINE (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (RshTimeline    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_clear_object (slot);

  if (adjustment != NULL)
    {
      *slot = g_object_ref_sink (adjustment);
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (adjustment_value_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_adjustments (self);
}

static void
rsh_timeline_dispose (GObject *object)
{
  RshTimeline *self = (RshTimeline *)object;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (rsh_timeline_parent_class)->dispose (object);
}

static void
rsh_timeline_finalize (GObject *object)
{
  RshTimeline *self = (RshTimeline *)object;

  g_clear_object (&self->events_model);
  g_clear_object (&self->marks);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->selected_claim, g_free);
  g_clear_pointer (&self->context_label, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    g_clear_pointer (&self->buckets[i], g_array_unref);

  G_OBJECT_CLASS (rsh_timeline_parent_class)->finalize (object);
}

static void
rsh_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RshTimeline *self = RSH_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    case PROP_GROUP_BY:
      g_value_set_enum (value, self->group_by);
      break;

    case PROP_SELECTED_CLAIM:
      g_value_set_string (value, self->selected_claim);
      break;

    case PROP_FOCUSED_MARK:
      g_value_set_uint (value, self->focus);
      break;

    case PROP_N_UNDATED:
      g_value_set_uint (value, self->n_undated);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RshTimeline *self = RSH_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      rsh_timeline_set_comparison (self, g_value_get_object (value));
      break;

    case PROP_GROUP_BY:
      rsh_timeline_set_group_by (self, g_value_get_enum (value));
      break;

    case PROP_SELECTED_CLAIM:
      rsh_timeline_set_selected_claim (self, g_value_get_string (value));
      break;

    case PROP_FOCUSED_MARK:
      rsh_timeline_focus_mark (self, g_value_get_uint (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rsh_timeline_get_border (GtkScrollable *scrollable,
                         GtkBorder     *border)
{
  /* The ruler stays put while the lanes scroll under it. */
  border->top = RULER_HEIGHT;

  return TRUE;
}

static void
rsh_timeline_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = rsh_timeline_get_border;
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  GdkModifierType  mods,
                  const char      *direction)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, "timeline.move-focus", "s", direction);
}

static void
rsh_timeline_class_init (RshTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rsh_timeline_dispose;
  object_class->finalize = rsh_timeline_finalize;
  object_class->get_property = rsh_timeline_get_property;
  object_class->set_property = rsh_timeline_set_property;

  widget_class->measure = rsh_timeline_measure;
  widget_class->size_allocate = rsh_timeline_size_allocate;
  widget_class->snapshot = rsh_timeline_snapshot;
  widget_class->css_changed = rsh_timeline_css_changed;
  widget_class->query_tooltip = rsh_timeline_query_tooltip;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         RSH_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GROUP_BY] =
    g_param_spec_enum ("group-by", NULL, NULL,
                       RSH_TYPE_TIMELINE_GROUP_BY, RSH_TIMELINE_GROUP_BY_ACTOR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_CLAIM] =
    g_param_spec_string ("selected-claim", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOCUSED_MARK] =
    g_param_spec_uint ("focused-mark", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_UNDATED] =
    g_param_spec_uint ("n-undated", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * RshTimeline::mark-activated:
   * @self: the timeline
   * @source_id: the source the statement comes from
   * @start: where the statement starts in the source's text, in code points
   * @end: where it ends
   *
   * Emitted when the user clicks a mark or presses Enter on it: open the reader there.
   */
  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-focus", "s", move_focus_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate-focus", NULL, activate_focus_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.group-by", "group-by");

  /* Key bindings, mirrored in the shortcuts window by the window that embeds this. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-reset", NULL);
  add_move_binding (widget_class, GDK_KEY_Right, 0, "next");
  add_move_binding (widget_class, GDK_KEY_KP_Right, 0, "next");
  add_move_binding (widget_class, GDK_KEY_Left, 0, "previous");
  add_move_binding (widget_class, GDK_KEY_KP_Left, 0, "previous");
  add_move_binding (widget_class, GDK_KEY_Home, 0, "first");
  add_move_binding (widget_class, GDK_KEY_KP_Home, 0, "first");
  add_move_binding (widget_class, GDK_KEY_End, 0, "last");
  add_move_binding (widget_class, GDK_KEY_KP_End, 0, "last");
  add_move_binding (widget_class, GDK_KEY_Up, 0, "up");
  add_move_binding (widget_class, GDK_KEY_KP_Up, 0, "up");
  add_move_binding (widget_class, GDK_KEY_Down, 0, "down");
  add_move_binding (widget_class, GDK_KEY_KP_Down, 0, "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.activate-focus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate-focus", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear_selection_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rsh_timeline_init (RshTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->selection = rsh_time_selection_new ();
  self->marks = g_list_store_new (RSH_TYPE_TIMELINE_MARK);
  self->events_model = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->marks)));
  gtk_single_selection_set_autoselect (self->events_model, FALSE);
  gtk_single_selection_set_can_unselect (self->events_model, TRUE);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->events_model));
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->ticks = g_array_new (FALSE, TRUE, sizeof (Tick));
  g_array_set_clear_func (self->ticks, tick_clear);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    self->buckets[i] = g_array_new (FALSE, FALSE, sizeof (float));
  self->focus = NO_MARK;
  self->hover = NO_MARK;
  self->gutter = GUTTER_MAX;
  self->positions_dirty = TRUE;
  self->pixels_dirty = TRUE;
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  load_palette (self);

  g_signal_connect_object (self->selection, "notify::visible-span",
                           G_CALLBACK (visible_span_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-span",
                           G_CALLBACK (selected_span_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events_model, "selection-changed",
                           G_CALLBACK (events_selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (has_focus_changed_cb), NULL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of statements"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No statement selected"),
                                  -1);

  rebuild_items (self);
}

/**
 * rsh_timeline_new:
 *
 * Returns: (transfer full): an empty timeline
 */
GtkWidget *
rsh_timeline_new (void)
{
  return g_object_new (RSH_TYPE_TIMELINE, NULL);
}

/**
 * rsh_timeline_get_comparison:
 * @self: a #RshTimeline
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
RshComparison *
rsh_timeline_get_comparison (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  return self->comparison;
}

static const char *
source_outlet (RshComparison *comparison,
               const char    *source_id)
{
  GListModel *sources = rsh_comparison_get_sources (comparison);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_comparison_get_source_id (comparison, i), source_id) == 0 ||
          g_strcmp0 (rsh_source_get_id (source), source_id) == 0)
        {
          if (rsh_source_get_outlet (source) != NULL)
            return rsh_source_get_outlet (source);
          if (rsh_source_get_title (source) != NULL)
            return rsh_source_get_title (source);
          return source_id;
        }
    }

  return source_id;
}

/* The mention an event was made from: the first one of its claim with the same source,
 * speaker and content offsets that no earlier event took. */
static RshMention *
find_mention (RshComparison *comparison,
              GHashTable    *claims,
              GHashTable    *taken,
              const RshTimelineEvent *event)
{
  RshClaim *claim = event->claim_id ? g_hash_table_lookup (claims, event->claim_id) : NULL;
  GListModel *mentions;

  if (claim == NULL)
    return NULL;

  mentions = rsh_claim_get_mentions (claim);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_hash_table_contains (taken, mention))
        continue;
      if (g_strcmp0 (rsh_mention_get_source_id (mention), event->source_id) != 0 ||
          g_strcmp0 (rsh_mention_get_actor_id (mention), event->actor_id) != 0)
        continue;
      /* the engine sorts events by time, so the offsets tell statements of one speaker apart */
      if (event->end > 0 && (rsh_mention_get_start (mention) != event->start ||
                             rsh_mention_get_end (mention) != event->end))
        continue;

      g_hash_table_add (taken, mention);
      return mention;
    }

  return NULL;
}

/**
 * rsh_timeline_set_comparison:
 * @self: a #RshTimeline
 * @comparison: (nullable): the comparison to show
 *
 * Shows the timeline of @comparison: speakers' names, claims' texts and outlets come from it.
 */
void
rsh_timeline_set_comparison (RshTimeline   *self,
                             RshComparison *comparison)
{
  g_autoptr(GHashTable) claims = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  const GPtrArray *events;

  g_return_if_fail (RSH_IS_TIMELINE (self));
  g_return_if_fail (comparison == NULL || RSH_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  marks = g_ptr_array_new_with_free_func (g_object_unref);

  if (comparison != NULL)
    {
      GListModel *claim_list = rsh_comparison_get_claims (comparison);

      claims = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      taken = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (claim_list); i++)
        {
          RshClaim *claim = g_list_model_get_item (claim_list, i);

          g_hash_table_insert (claims, (gpointer) rsh_claim_get_id (claim), claim);
        }

      events = rsh_comparison_get_timeline (comparison);
      for (guint i = 0; events != NULL && i < events->len; i++)
        {
          const RshTimelineEvent *event = g_ptr_array_index (events, i);
          RshActor *actor = event->actor_id ? rsh_comparison_lookup_actor (comparison, event->actor_id) : NULL;
          RshClaim *claim = event->claim_id ? g_hash_table_lookup (claims, event->claim_id) : NULL;
          RshMention *mention = find_mention (comparison, claims, taken, event);
          const char *actor_name = actor ? rsh_actor_get_name (actor) : NULL;

          if (actor_name == NULL && mention != NULL)
            actor_name = rsh_mention_get_speaker (mention);
          /* No speaker: the outlet says it in its own voice, under the name it goes by as a
           * speaker in the other sources where there is one. */
          if (actor_name == NULL)
            {
              RshActor *outlet = rsh_comparison_lookup_outlet_actor (comparison, event->source_id);

              actor_name = outlet != NULL ? rsh_actor_get_name (outlet)
                                          : source_outlet (comparison, event->source_id);
            }

          g_ptr_array_add (marks,
                           rsh_timeline_mark_new (event, actor_name,
                                                  claim ? rsh_claim_get_text (claim) : NULL,
                                                  source_outlet (comparison, event->source_id),
                                                  mention ? rsh_mention_get_start (mention) : 0,
                                                  mention ? rsh_mention_get_end (mention) : 0));
        }
    }

  g_list_store_splice (self->marks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->marks)),
                       marks->pdata, marks->len);
  rebuild_items (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * rsh_timeline_set_events:
 * @self: a #RshTimeline
 * @events: (element-type RshTimelineEvent) (nullable): events to show
 *
 * Shows @events without a comparison: lanes are named by the actor and claim ids, outlets
 * by the source ids, and activation reports offsets of 0. For tests, benchmarks and
 * previews.
 */
void
rsh_timeline_set_events (RshTimeline *self,
                         GPtrArray   *events)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (RSH_IS_TIMELINE (self));

  if (g_set_object (&self->comparison, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (events, i);

      g_ptr_array_add (marks, rsh_timeline_mark_new (event, event->actor_id, event->claim_id,
                                                     event->source_id, 0, 0));
    }

  g_list_store_splice (self->marks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->marks)),
                       marks->pdata, marks->len);
  rebuild_items (self);
}

RshTimelineGroupBy
rsh_timeline_get_group_by (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), RSH_TIMELINE_GROUP_BY_ACTOR);

  return self->group_by;
}

/**
 * rsh_timeline_set_group_by:
 * @self: a #RshTimeline
 * @group_by: whether lanes are speakers or claims
 */
void
rsh_timeline_set_group_by (RshTimeline        *self,
                           RshTimelineGroupBy  group_by)
{
  RshTimeRange visible;

  g_return_if_fail (RSH_IS_TIMELINE (self));

  if (self->group_by == group_by)
    return;

  /* Regrouping is not a reason to lose the user's zoom. */
  visible = *rsh_time_selection_get_visible_span (self->selection);
  self->group_by = group_by;
  rebuild_items (self);
  rsh_time_selection_set_visible_span (self->selection, &visible);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY]);
}

const char *
rsh_timeline_get_selected_claim (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  return self->selected_claim;
}

/**
 * rsh_timeline_set_selected_claim:
 * @self: a #RshTimeline
 * @claim_id: (nullable): the claim whose marks stand out; %NULL shows all alike
 */
void
rsh_timeline_set_selected_claim (RshTimeline *self,
                                 const char  *claim_id)
{
  g_return_if_fail (RSH_IS_TIMELINE (self));

  if (g_strcmp0 (self->selected_claim, claim_id) == 0)
    return;

  g_free (self->selected_claim);
  self->selected_claim = g_strdup (claim_id);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);

      item->highlighted = claim_id != NULL &&
        g_strcmp0 (rsh_timeline_mark_get_event (item->mark)->claim_id, claim_id) == 0;
    }

  invalidate_drawing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

/**
 * rsh_timeline_get_time_selection:
 * @self: a #RshTimeline
 *
 * Returns: (transfer none): the visible and selected spans; a ruler or a scrubber outside
 *   the widget can follow and drive them
 */
RshTimeSelection *
rsh_timeline_get_time_selection (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  return self->selection;
}

/**
 * rsh_timeline_get_events_model:
 * @self: a #RshTimeline
 *
 * The statements as #RshTimelineMark objects: the dated ones in time order, then the
 * undated. Its selection follows the focused mark both ways, so a #GtkColumnView over it is
 * the accessible table of the timeline.
 *
 * Returns: (transfer none): a #GtkSingleSelection of #RshTimelineMark
 */
GtkSelectionModel *
rsh_timeline_get_events_model (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  return GTK_SELECTION_MODEL (self->events_model);
}

guint
rsh_timeline_get_n_lanes (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), 0);

  return self->lanes->len;
}

/**
 * rsh_timeline_get_lane_label:
 * @self: a #RshTimeline
 * @lane: a lane, from the top
 *
 * Returns: (nullable): the name shown for @lane
 */
const char *
rsh_timeline_get_lane_label (RshTimeline *self,
                             guint        lane)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  if (lane >= self->lanes->len)
    return NULL;

  return ((Lane *) g_ptr_array_index (self->lanes, lane))->label;
}

/**
 * rsh_timeline_get_n_dated:
 * @self: a #RshTimeline
 *
 * Returns: how many statements have a place on the timeline; they come first in the
 *   events model
 */
guint
rsh_timeline_get_n_dated (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), 0);

  return self->items->len;
}

guint
rsh_timeline_get_n_undated (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), 0);

  return self->n_undated;
}

/**
 * rsh_timeline_get_focused_mark:
 * @self: a #RshTimeline
 *
 * Returns: the position of the focused mark in the events model, or %G_MAXUINT
 */
guint
rsh_timeline_get_focused_mark (RshTimeline *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NO_MARK);

  return self->focus;
}

/**
 * rsh_timeline_focus_mark:
 * @self: a #RshTimeline
 * @position: a dated mark's position in the events model, or %G_MAXUINT for none
 *
 * Moves the keyboard focus mark there, scrolling it into view.
 */
void
rsh_timeline_focus_mark (RshTimeline *self,
                         guint        position)
{
  g_return_if_fail (RSH_IS_TIMELINE (self));
  g_return_if_fail (position == NO_MARK || position < self->items->len);

  set_focus (self, position);
}

/**
 * rsh_timeline_activate_mark:
 * @self: a #RshTimeline
 * @position: a position in the events model
 *
 * Emits #RshTimeline::mark-activated for the mark at @position.
 *
 * Returns: %TRUE if there was a mark there
 */
gboolean
rsh_timeline_activate_mark (RshTimeline *self,
                            guint        position)
{
  g_autoptr(RshTimelineMark) mark = NULL;

  g_return_val_if_fail (RSH_IS_TIMELINE (self), FALSE);

  mark = g_list_model_get_item (G_LIST_MODEL (self->marks), position);
  if (mark == NULL)
    return FALSE;

  g_signal_emit (self, signals[MARK_ACTIVATED], 0,
                 rsh_timeline_mark_get_event (mark)->source_id,
                 rsh_timeline_mark_get_text_start (mark),
                 rsh_timeline_mark_get_text_end (mark));

  return TRUE;
}

/**
 * rsh_timeline_get_mark_geometry:
 * @self: a #RshTimeline
 * @position: a position in the events model
 * @lane: (out) (optional): the mark's lane
 * @bar: (out) (optional): the stretch of time the mark covers, in widget coordinates; as
 *   wide as the date is uncertain
 * @centre: (out) (optional): where its shape is drawn
 *
 * The geometry as of the last allocation or zoom, whether or not it is in view.
 *
 * Returns: %TRUE if the mark is dated, so it has a place
 */
gboolean
rsh_timeline_get_mark_geometry (RshTimeline      *self,
                                guint             position,
                                guint            *lane,
                                graphene_rect_t  *bar,
                                graphene_point_t *centre)
{
  const Item *item;
  double cy;

  g_return_val_if_fail (RSH_IS_TIMELINE (self), FALSE);

  if (position >= self->items->len)
    return FALSE;

  if (self->pixels_dirty || self->positions_dirty)
    update_pixels (self);

  item = item_at (self, position);
  cy = row_centre_y (self, item->lane, item->row);

  if (lane != NULL)
    *lane = item->lane;
  if (bar != NULL)
    graphene_rect_init (bar, item->x_begin, cy - MARK_SIZE / 2.0,
                        item->x_end - item->x_begin, MARK_SIZE);
  if (centre != NULL)
    graphene_point_init (centre, item->x_centre, cy);

  return TRUE;
}

/**
 * rsh_timeline_lookup_mark:
 * @self: a #RshTimeline
 * @x: x in widget coordinates
 * @y: y in widget coordinates
 *
 * Finds the mark at a point, shapes first with a few pixels of slack, then bars.
 *
 * Returns: the mark's position in the events model, or %G_MAXUINT
 */
guint
rsh_timeline_lookup_mark (RshTimeline *self,
                          double       x,
                          double       y)
{
  g_return_val_if_fail (RSH_IS_TIMELINE (self), NO_MARK);

  return lookup_mark (self, x, y);
}

/**
 * rsh_timeline_dup_tooltip_markup:
 * @self: a #RshTimeline
 * @position: a position in the events model
 *
 * Returns: (transfer full) (nullable): the tooltip of the mark: speaker and stance, the
 *   statement, the outlet and the date
 */
char *
rsh_timeline_dup_tooltip_markup (RshTimeline *self,
                                 guint        position)
{
  g_autoptr(RshTimelineMark) mark = NULL;
  const RshTimelineEvent *event;
  const char *who;
  const char *outlet;
  g_autofree char *heading = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  mark = g_list_model_get_item (G_LIST_MODEL (self->marks), position);
  if (mark == NULL)
    return NULL;

  event = rsh_timeline_mark_get_event (mark);
  who = rsh_timeline_mark_get_actor_name (mark);
  if (who == NULL || who[0] == '\0')
    who = _("Unattributed");
  outlet = rsh_timeline_mark_get_outlet (mark);

  /* Translators: a speaker and what they do, such as "<b>Corran Water</b> denies" */
  heading = g_markup_printf_escaped (_("<b>%s</b> %s"), who, rsh_timeline_mark_get_stance_text (mark));

  details = g_markup_printf_escaped ("%s\n<small>%s · %s</small>",
                                     event->label ? event->label : "",
                                     outlet ? outlet : _("Unknown outlet"),
                                     rsh_timeline_mark_get_date_text (mark));

  return g_strconcat (heading, "\n", details, NULL);
}

/**
 * rsh_timeline_dup_tick_labels:
 * @self: a #RshTimeline
 *
 * The labels the ruler shows now, left to right, without those left out for lack of room.
 *
 * Returns: (transfer full): the labels
 */
GStrv
rsh_timeline_dup_tick_labels (RshTimeline *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RSH_IS_TIMELINE (self), NULL);

  if (self->pixels_dirty || self->positions_dirty)
    update_pixels (self);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const Tick *tick = &g_array_index (self->ticks, Tick, i);

      if (tick->label != NULL)
        g_strv_builder_add (builder, tick->label);
    }

  return g_strv_builder_end (builder);
}
