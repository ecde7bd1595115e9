/* rsh-stance-chip.c: a small pill showing a stance with an icon and a word
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-gui-compat.h"
#include "rsh-stance-chip.h"

/* The comparison table makes a chip for every cell it shows, and scrolling across brings in
 * a column of them at a time: so the chip is one widget with one CSS node, measuring and
 * drawing its icon and its word itself, with no template and no children. */
#define ICON_SIZE    12
#define ICON_SPACING 5

struct _RshStanceChip
{
  GtkWidget         parent_instance;

  /* owned */
  char             *cue;
  char             *text;
  PangoLayout      *layout;
  GtkIconPaintable *icon;
  RshStance         stance;
  guint             hedged : 1;
};

G_DEFINE_FINAL_TYPE (RshStanceChip, rsh_stance_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STANCE,
  PROP_HEDGED,
  PROP_CUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *css_class;
  const char *icon_name;
  const char *label;
} stance_looks[] = {
  [RSH_STANCE_REPORTS]  = { "reports",  "rsh-stance-reports-symbolic",  N_("Reports") },
  [RSH_STANCE_CONFIRMS] = { "confirms", "rsh-stance-confirms-symbolic", N_("Confirms") },
  [RSH_STANCE_DENIES]   = { "denies",   "rsh-stance-denies-symbolic",   N_("Denies") },
  [RSH_STANCE_DISPUTES] = { "disputes", "rsh-stance-disputes-symbolic", N_("Disputes") },
  [RSH_STANCE_ABSENT]   = { "absent",   "rsh-stance-absent-symbolic",   N_("Silent") },
};

static guint
get_look_index (RshStanceChip *self)
{
  return self->stance < G_N_ELEMENTS (stance_looks) ? self->stance : RSH_STANCE_REPORTS;
}

static void
update_look (RshStanceChip *self)
{
  guint index = get_look_index (self);

  g_assert (RSH_IS_STANCE_CHIP (self));

  /* gtk_widget_set_css_classes() would restyle the node even when nothing changed. */
  for (guint i = 0; i < G_N_ELEMENTS (stance_looks); i++)
    if (i != index)
      gtk_widget_remove_css_class (GTK_WIDGET (self), stance_looks[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), stance_looks[index].css_class);
  if (self->hedged)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hedged");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hedged");

  g_free (self->text);
  if (self->hedged)
    /* Translators: a stance such as "Denies", said with reservations */
    self->text = g_strdup_printf (_("%s, hedged"), _(stance_looks[index].label));
  else
    self->text = g_strdup (_(stance_looks[index].label));

  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  g_clear_object (&self->icon);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  /* The word may change and keep its width. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* On X11, GTK 4.8 asks the server where the pointer is whenever a visible widget's tooltip is
 * set, even to what it was: a round trip per chip. So the tooltip is only set when it
 * changes, which the table's chips (with no cue) never do. */
static void
update_tooltip (RshStanceChip *self)
{
  g_autofree char *tooltip = NULL;

  g_assert (RSH_IS_STANCE_CHIP (self));

  if (self->cue != NULL && self->cue[0] != '\0')
    /* Translators: %s is the reporting verb found in the text, such as "denied" */
    tooltip = g_strdup_printf (_("Reporting verb: “%s”"), self->cue);

  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (GTK_WIDGET (self))) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static PangoLayout *
ensure_layout (RshStanceChip *self)
{
  /* The layout follows the widget's Pango context, which GTK keeps in step with the CSS
   * font (the hedged style's weight, the reader's smaller size): Pango notices the
   * context's changes by itself. */
  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  return self->layout;
}

static GtkIconPaintable *
ensure_icon (RshStanceChip *self)
{
  if (self->icon == NULL)
    {
      GtkWidget *widget = GTK_WIDGET (self);
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

      self->icon = gtk_icon_theme_lookup_icon (theme, stance_looks[get_look_index (self)].icon_name,
                                               NULL, ICON_SIZE,
                                               gtk_widget_get_scale_factor (widget),
                                               gtk_widget_get_direction (widget), 0);
    }

  return self->icon;
}

static void
scale_factor_notify_cb (RshStanceChip *self,
                        GParamSpec    *pspec)
{
  g_assert (RSH_IS_STANCE_CHIP (self));

  g_clear_object (&self->icon);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rsh_stance_chip_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RshStanceChip *self = RSH_STANCE_CHIP (widget);
  int width, height;

  pango_layout_get_pixel_size (ensure_layout (self), &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = ICON_SIZE + ICON_SPACING + width;
  else
    *minimum = *natural = MAX (ICON_SIZE, height);
}

static void
rsh_stance_chip_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RshStanceChip *self = RSH_STANCE_CHIP (widget);
  PangoLayout *layout = ensure_layout (self);
  GtkIconPaintable *icon = ensure_icon (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  GdkRGBA color;

  rsh_gui_widget_get_color (GTK_WIDGET (self), &color);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  if (icon != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rtl ? width - ICON_SIZE : 0,
                                                    (height - ICON_SIZE) / 2));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                ICON_SIZE, ICON_SIZE, &color, 1);
      gtk_snapshot_restore (snapshot);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rtl ? width - ICON_SIZE - ICON_SPACING - text_width
                                                    : ICON_SIZE + ICON_SPACING,
                                                (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rsh_stance_chip_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  RshStanceChip *self = RSH_STANCE_CHIP (widget);

  g_clear_object (&self->icon);

  GTK_WIDGET_CLASS (rsh_stance_chip_parent_class)->direction_changed (widget, previous);
}

static void
rsh_stance_chip_finalize (GObject *object)
{
  RshStanceChip *self = (RshStanceChip *)object;

  g_clear_object (&self->layout);
  g_clear_object (&self->icon);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->cue, g_free);

  G_OBJECT_CLASS (rsh_stance_chip_parent_class)->finalize (object);
}

static void
rsh_stance_chip_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RshStanceChip *self = RSH_STANCE_CHIP (object);

  switch (prop_id)
    {
    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_HEDGED:
      g_value_set_boolean (value, self->hedged);
      break;

    case PROP_CUE:
      g_value_set_string (value, self->cue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_stance_chip_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RshStanceChip *self = RSH_STANCE_CHIP (object);

  switch (prop_id)
    {
    case PROP_STANCE:
      rsh_stance_chip_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_HEDGED:
      rsh_stance_chip_set_hedged (self, g_value_get_boolean (value));
      break;

    case PROP_CUE:
      rsh_stance_chip_set_cue (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_stance_chip_class_init (RshStanceChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rsh_stance_chip_finalize;
  object_class->get_property = rsh_stance_chip_get_property;
  object_class->set_property = rsh_stance_chip_set_property;

  widget_class->measure = rsh_stance_chip_measure;
  widget_class->snapshot = rsh_stance_chip_snapshot;
  widget_class->direction_changed = rsh_stance_chip_direction_changed;

  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL,
                       RSH_TYPE_STANCE, RSH_STANCE_REPORTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HEDGED] =
    g_param_spec_boolean ("hedged", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CUE] =
    g_param_spec_string ("cue", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stancechip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rsh_stance_chip_init (RshStanceChip *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_notify_cb), NULL);
  update_look (self);
}

/**
 * rsh_stance_chip_new:
 *
 * Returns: (transfer full): a chip showing "Reports"
 */
GtkWidget *
rsh_stance_chip_new (void)
{
  return g_object_new (RSH_TYPE_STANCE_CHIP, NULL);
}

RshStance
rsh_stance_chip_get_stance (RshStanceChip *self)
{
  g_return_val_if_fail (RSH_IS_STANCE_CHIP (self), RSH_STANCE_REPORTS);

  return self->stance;
}

void
rsh_stance_chip_set_stance (RshStanceChip *self,
                            RshStance      stance)
{
  g_return_if_fail (RSH_IS_STANCE_CHIP (self));

  if (self->stance == stance)
    return;

  self->stance = stance;
  update_look (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
}

gboolean
rsh_stance_chip_get_hedged (RshStanceChip *self)
{
  g_return_val_if_fail (RSH_IS_STANCE_CHIP (self), FALSE);

  return self->hedged;
}

void
rsh_stance_chip_set_hedged (RshStanceChip *self,
                            gboolean       hedged)
{
  g_return_if_fail (RSH_IS_STANCE_CHIP (self));

  hedged = !!hedged;
  if (self->hedged == hedged)
    return;

  self->hedged = hedged;
  update_look (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEDGED]);
}

const char *
rsh_stance_chip_get_cue (RshStanceChip *self)
{
  g_return_val_if_fail (RSH_IS_STANCE_CHIP (self), NULL);

  return self->cue;
}

void
rsh_stance_chip_set_cue (RshStanceChip *self,
                         const char    *cue)
{
  g_return_if_fail (RSH_IS_STANCE_CHIP (self));

  if (g_strcmp0 (self->cue, cue) == 0)
    return;

  g_free (self->cue);
  self->cue = g_strdup (cue);
  update_tooltip (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUE]);
}

/**
 * rsh_stance_chip_get_text:
 * @self: a #RshStanceChip
 *
 * Returns: the words the chip shows, such as "Denies, hedged"
 */
const char *
rsh_stance_chip_get_text (RshStanceChip *self)
{
  g_return_val_if_fail (RSH_IS_STANCE_CHIP (self), NULL);

  return self->text;
}
