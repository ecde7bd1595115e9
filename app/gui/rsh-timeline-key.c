/* rsh-timeline-key.c: one symbol of the timeline's key, drawn as the timeline draws it
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The key beside the timeline pairs each of these with a word. The shapes come from the
 * timeline's own drawing code and colours, so the key cannot drift from the marks; the
 * symbols are decoration for a screen reader, which reads the words and, on the timeline,
 * each mark's stance. */

#include "config.h"

#include <math.h>

#include "rsh-gui-compat.h"
#include "rsh-timeline-key.h"
#include "rsh-timeline-private.h"

#define KEY_WIDTH  (2 * RSH_TIMELINE_MARK_SIZE + 2)
#define KEY_HEIGHT (RSH_TIMELINE_MARK_SIZE + 5)

struct _RshTimelineKey
{
  GtkWidget          parent_instance;

  RshTimelineSymbol  symbol;
};

G_DEFINE_ENUM_TYPE (RshTimelineSymbol, rsh_timeline_symbol,
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_REPORTS, "reports"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_CONFIRMS, "confirms"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_DENIES, "denies"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_DISPUTES, "disputes"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_UNCERTAIN, "uncertain"),
                    G_DEFINE_ENUM_VALUE (RSH_TIMELINE_SYMBOL_ABOUT, "about"))

G_DEFINE_FINAL_TYPE (RshTimelineKey, rsh_timeline_key, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SYMBOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const RshStance symbol_stances[] = {
  [RSH_TIMELINE_SYMBOL_REPORTS] = RSH_STANCE_REPORTS,
  [RSH_TIMELINE_SYMBOL_CONFIRMS] = RSH_STANCE_CONFIRMS,
  [RSH_TIMELINE_SYMBOL_DENIES] = RSH_STANCE_DENIES,
  [RSH_TIMELINE_SYMBOL_DISPUTES] = RSH_STANCE_DISPUTES,
  [RSH_TIMELINE_SYMBOL_UNCERTAIN] = RSH_STANCE_REPORTS,
  [RSH_TIMELINE_SYMBOL_ABOUT] = RSH_STANCE_REPORTS,
};

static void
append_box (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            float          alpha,
            double         x,
            double         y,
            double         width,
            double         height)
{
  GdkRGBA faded = *color;

  faded.alpha *= alpha;
  gtk_snapshot_append_color (snapshot, &faded, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
rsh_timeline_key_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? KEY_WIDTH : KEY_HEIGHT;
}

static void
rsh_timeline_key_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RshTimelineKey *self = RSH_TIMELINE_KEY (widget);
  const double size = RSH_TIMELINE_MARK_SIZE;
  double cx = gtk_widget_get_width (widget) / 2.0;
  double cy = gtk_widget_get_height (widget) / 2.0;
  RshStance stance = symbol_stances[self->symbol];
  GdkRGBA color;
  GdkRGBA fg;

  rsh_timeline_lookup_stance_color (widget, stance, &color);

  switch (self->symbol)
    {
    case RSH_TIMELINE_SYMBOL_UNCERTAIN:
      {
        double x0 = cx - KEY_WIDTH / 2.0 + 1;
        double x1 = cx + KEY_WIDTH / 2.0 - 1;

        append_box (snapshot, &color, RSH_TIMELINE_UNCERTAIN_ALPHA,
                    x0, cy - (size - 1) / 2, x1 - x0, size - 1);
        append_box (snapshot, &color, RSH_TIMELINE_CAP_ALPHA, x0, cy - size / 2 + 1, 2, size - 2);
        append_box (snapshot, &color, RSH_TIMELINE_CAP_ALPHA, x1 - 2, cy - size / 2 + 1, 2, size - 2);
      }
      break;

    case RSH_TIMELINE_SYMBOL_ABOUT:
      {
        /* As under a mark: the bar of the time talked about, and the hairline from its end
         * to the small mark that talks about it. */
        double mark_x = cx + KEY_WIDTH / 2.0 - size / 2;
        double mark_y = cy - 2;
        double bar_y = mark_y + size / 2 + 1;

        rsh_gui_widget_get_color (widget, &fg);
        append_box (snapshot, &color, RSH_TIMELINE_ABOUT_ALPHA, cx - KEY_WIDTH / 2.0, bar_y, size, 2);
        append_box (snapshot, &fg, RSH_TIMELINE_ABOUT_ALPHA / 2, cx - KEY_WIDTH / 2.0 + size, bar_y + 0.5,
                    mark_x - (cx - KEY_WIDTH / 2.0 + size), 1);
        append_box (snapshot, &fg, RSH_TIMELINE_ABOUT_ALPHA / 2, floor (mark_x), mark_y, 1, size / 2 + 1);
        rsh_timeline_append_shape (snapshot, stance, &color, mark_x, mark_y, size * 0.7);
      }
      break;

    case RSH_TIMELINE_SYMBOL_REPORTS:
    case RSH_TIMELINE_SYMBOL_CONFIRMS:
    case RSH_TIMELINE_SYMBOL_DENIES:
    case RSH_TIMELINE_SYMBOL_DISPUTES:
    default:
      rsh_timeline_append_shape (snapshot, stance, &color, cx, cy, size);
      break;
    }
}

static void
rsh_timeline_key_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rsh_timeline_key_parent_class)->css_changed (widget, change);

  /* The colours are the style sheet's, and differ in the dark. */
  gtk_widget_queue_draw (widget);
}

static void
rsh_timeline_key_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RshTimelineKey *self = RSH_TIMELINE_KEY (object);

  switch (prop_id)
    {
    case PROP_SYMBOL:
      g_value_set_enum (value, self->symbol);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_timeline_key_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RshTimelineKey *self = RSH_TIMELINE_KEY (object);

  switch (prop_id)
    {
    case PROP_SYMBOL:
      rsh_timeline_key_set_symbol (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_timeline_key_class_init (RshTimelineKeyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rsh_timeline_key_get_property;
  object_class->set_property = rsh_timeline_key_set_property;

  widget_class->measure = rsh_timeline_key_measure;
  widget_class->snapshot = rsh_timeline_key_snapshot;
  widget_class->css_changed = rsh_timeline_key_css_changed;

  /**
   * RshTimelineKey:symbol:
   *
   * What the key shows.
   */
  properties[PROP_SYMBOL] =
    g_param_spec_enum ("symbol", NULL, NULL,
                       RSH_TYPE_TIMELINE_SYMBOL, RSH_TIMELINE_SYMBOL_REPORTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timelinekey");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rsh_timeline_key_init (RshTimelineKey *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/**
 * rsh_timeline_key_new:
 * @symbol: what the key shows
 *
 * Returns: (transfer full): a new #RshTimelineKey
 */
GtkWidget *
rsh_timeline_key_new (RshTimelineSymbol symbol)
{
  return g_object_new (RSH_TYPE_TIMELINE_KEY, "symbol", symbol, NULL);
}

/**
 * rsh_timeline_key_get_symbol:
 * @self: a #RshTimelineKey
 *
 * Returns: what the key shows
 */
RshTimelineSymbol
rsh_timeline_key_get_symbol (RshTimelineKey *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_KEY (self), RSH_TIMELINE_SYMBOL_REPORTS);

  return self->symbol;
}

/**
 * rsh_timeline_key_set_symbol:
 * @self: a #RshTimelineKey
 * @symbol: what the key shows
 */
void
rsh_timeline_key_set_symbol (RshTimelineKey    *self,
                             RshTimelineSymbol  symbol)
{
  g_return_if_fail (RSH_IS_TIMELINE_KEY (self));
  g_return_if_fail (symbol <= RSH_TIMELINE_SYMBOL_ABOUT);

  if (self->symbol == symbol)
    return;

  self->symbol = symbol;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMBOL]);
}
