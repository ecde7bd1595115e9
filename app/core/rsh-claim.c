/* rsh-claim.c: a claim, its mentions and each source's position on it
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rashomon.h"

typedef struct
{
  RshStance stance;
  gboolean  hedged;
} Position;

struct _RshClaim
{
  GObject     parent_instance;

  /* owned */
  char       *id;
  char       *text;
  GListStore *mentions;
  GHashTable *positions; /* source id → Position */

  guint       user_defined : 1;
};

G_DEFINE_FINAL_TYPE (RshClaim, rsh_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_USER_DEFINED,
  PROP_MENTIONS,
  N_PROPS
};

enum {
  POSITION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rsh_claim_dispose (GObject *object)
{
  RshClaim *self = (RshClaim *) object;

  g_clear_object (&self->mentions);

  G_OBJECT_CLASS (rsh_claim_parent_class)->dispose (object);
}

static void
rsh_claim_finalize (GObject *object)
{
  RshClaim *self = (RshClaim *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (rsh_claim_parent_class)->finalize (object);
}

static void
rsh_claim_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RshClaim *self = RSH_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_USER_DEFINED:
      g_value_set_boolean (value, self->user_defined);
      break;

    case PROP_MENTIONS:
      g_value_set_object (value, self->mentions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_claim_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RshClaim *self = RSH_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_USER_DEFINED:
      self->user_defined = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_claim_class_init (RshClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rsh_claim_dispose;
  object_class->finalize = rsh_claim_finalize;
  object_class->get_property = rsh_claim_get_property;
  object_class->set_property = rsh_claim_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_DEFINED] =
    g_param_spec_boolean ("user-defined", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTIONS] =
    g_param_spec_object ("mentions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RshClaim::position-changed:
   * @self: the claim
   * @source_id: the source whose position changed
   */
  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rsh_claim_init (RshClaim *self)
{
  self->mentions = g_list_store_new (RSH_TYPE_MENTION);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * rsh_claim_new:
 * @id: the claim's id in its comparison ("c1")
 * @text: a representative wording of the claim
 * @user_defined: whether the user asked for this claim to be tracked
 *
 * Returns: (transfer full): a new claim without mentions or positions
 */
RshClaim *
rsh_claim_new (const char *id,
               const char *text,
               gboolean    user_defined)
{
  return g_object_new (RSH_TYPE_CLAIM,
                       "id", id,
                       "text", text,
                       "user-defined", user_defined,
                       NULL);
}

const char *
rsh_claim_get_id (RshClaim *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM (self), NULL);

  return self->id;
}

const char *
rsh_claim_get_text (RshClaim *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM (self), NULL);

  return self->text;
}

gboolean
rsh_claim_get_user_defined (RshClaim *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM (self), FALSE);

  return self->user_defined;
}

/**
 * rsh_claim_get_mentions:
 * @self: a #RshClaim
 *
 * Returns: (transfer none): the #RshMention objects of the claim, in source order
 */
GListModel *
rsh_claim_get_mentions (RshClaim *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

void
rsh_claim_add_mention (RshClaim   *self,
                       RshMention *mention)
{
  g_return_if_fail (RSH_IS_CLAIM (self));
  g_return_if_fail (RSH_IS_MENTION (mention));

  g_list_store_append (self->mentions, mention);
}

/**
 * rsh_claim_get_position:
 * @self: a #RshClaim
 * @source_id: a source id
 * @hedged: (out) (optional): whether the source only relays the claim at a distance
 *
 * Returns: the source's stance on the claim, %RSH_STANCE_ABSENT when it has none
 */
RshStance
rsh_claim_get_position (RshClaim   *self,
                        const char *source_id,
                        gboolean   *hedged)
{
  Position *position;

  if (hedged)
    *hedged = FALSE;

  g_return_val_if_fail (RSH_IS_CLAIM (self), RSH_STANCE_ABSENT);
  g_return_val_if_fail (source_id != NULL, RSH_STANCE_ABSENT);

  position = g_hash_table_lookup (self->positions, source_id);
  if (position == NULL)
    return RSH_STANCE_ABSENT;

  if (hedged)
    *hedged = position->hedged;

  return position->stance;
}

void
rsh_claim_set_position (RshClaim   *self,
                        const char *source_id,
                        RshStance   stance,
                        gboolean    hedged)
{
  Position *position;

  g_return_if_fail (RSH_IS_CLAIM (self));
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (stance <= RSH_STANCE_ABSENT);

  position = g_hash_table_lookup (self->positions, source_id);
  if (position == NULL)
    {
      position = g_new0 (Position, 1);
      g_hash_table_insert (self->positions, g_strdup (source_id), position);
    }
  else if (position->stance == stance && position->hedged == !!hedged)
    return;

  position->stance = stance;
  position->hedged = !!hedged;
  g_signal_emit (self, signals[POSITION_CHANGED], 0, source_id);
}
