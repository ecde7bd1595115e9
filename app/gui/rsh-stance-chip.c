/* rsh-stance-chip.c: a small pill showing a stance with an icon and a word
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-stance-chip.h"

struct _RshStanceChip
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkImage  *icon;
  GtkLabel  *label;

  /* owned */
  char      *cue;
  RshStance  stance;
  guint      hedged : 1;
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

static void
update_look (RshStanceChip *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint index = self->stance < G_N_ELEMENTS (stance_looks) ? self->stance : RSH_STANCE_REPORTS;

  g_assert (RSH_IS_STANCE_CHIP (self));

  for (guint i = 0; i < G_N_ELEMENTS (stance_looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), stance_looks[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), stance_looks[index].css_class);

  if (self->hedged)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "hedged");
      /* Translators: a stance such as "Denies", said with reservations */
      text = g_strdup_printf (_("%s, hedged"), _(stance_looks[index].label));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "hedged");
      text = g_strdup (_(stance_looks[index].label));
    }

  gtk_image_set_from_icon_name (self->icon, stance_looks[index].icon_name);
  gtk_label_set_label (self->label, text);

  if (self->cue != NULL && self->cue[0] != '\0')
    /* Translators: %s is the reporting verb found in the text, such as "denied" */
    tooltip = g_strdup_printf (_("Reporting verb: “%s”"), self->cue);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
rsh_stance_chip_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RSH_TYPE_STANCE_CHIP);

  G_OBJECT_CLASS (rsh_stance_chip_parent_class)->dispose (object);
}

static void
rsh_stance_chip_finalize (GObject *object)
{
  RshStanceChip *self = (RshStanceChip *)object;

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

  object_class->dispose = rsh_stance_chip_dispose;
  object_class->finalize = rsh_stance_chip_finalize;
  object_class->get_property = rsh_stance_chip_get_property;
  object_class->set_property = rsh_stance_chip_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-stance-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, RshStanceChip, icon);
  gtk_widget_class_bind_template_child (widget_class, RshStanceChip, label);

  gtk_widget_class_set_css_name (widget_class, "stancechip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rsh_stance_chip_init (RshStanceChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  update_look (self);
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

  return gtk_label_get_label (self->label);
}
