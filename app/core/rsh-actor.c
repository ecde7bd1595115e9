/* rsh-actor.c: a speaker, merged across sources
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rashomon.h"

struct _RshActor
{
  GObject       parent_instance;

  /* owned */
  char         *id;
  char         *name;
  GPtrArray    *aliases; /* NULL-terminated array of char* */

  RshActorKind  kind;
};

G_DEFINE_FINAL_TYPE (RshActor, rsh_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_ALIASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rsh_actor_finalize (GObject *object)
{
  RshActor *self = (RshActor *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);

  G_OBJECT_CLASS (rsh_actor_parent_class)->finalize (object);
}

static void
rsh_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RshActor *self = RSH_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, rsh_actor_get_aliases (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RshActor *self = RSH_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_actor_class_init (RshActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_actor_finalize;
  object_class->get_property = rsh_actor_get_property;
  object_class->set_property = rsh_actor_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RSH_TYPE_ACTOR_KIND, RSH_ACTOR_KIND_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_actor_init (RshActor *self)
{
  self->aliases = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * rsh_actor_new:
 * @id: the actor's id in its comparison ("a1")
 * @name: the name shown for the actor
 * @kind: what kind of actor it is
 *
 * Returns: (transfer full): a new actor without aliases
 */
RshActor *
rsh_actor_new (const char   *id,
               const char   *name,
               RshActorKind  kind)
{
  return g_object_new (RSH_TYPE_ACTOR,
                       "id", id,
                       "name", name,
                       "kind", kind,
                       NULL);
}

const char *
rsh_actor_get_id (RshActor *self)
{
  g_return_val_if_fail (RSH_IS_ACTOR (self), NULL);

  return self->id;
}

const char *
rsh_actor_get_name (RshActor *self)
{
  g_return_val_if_fail (RSH_IS_ACTOR (self), NULL);

  return self->name;
}

RshActorKind
rsh_actor_get_kind (RshActor *self)
{
  g_return_val_if_fail (RSH_IS_ACTOR (self), RSH_ACTOR_KIND_UNKNOWN);

  return self->kind;
}

/**
 * rsh_actor_get_aliases:
 * @self: a #RshActor
 *
 * Returns: (transfer none) (array zero-terminated=1): other spellings of the name
 */
const char * const *
rsh_actor_get_aliases (RshActor *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RSH_IS_ACTOR (self), NULL);

  /* An empty null-terminated GPtrArray may have no storage yet. */
  if (self->aliases->pdata == NULL)
    return none;

  return (const char * const *) self->aliases->pdata;
}

/**
 * rsh_actor_add_alias:
 * @self: a #RshActor
 * @alias: another spelling of the name
 *
 * Adds @alias unless it is the name itself or already known.
 */
void
rsh_actor_add_alias (RshActor   *self,
                     const char *alias)
{
  g_return_if_fail (RSH_IS_ACTOR (self));
  g_return_if_fail (alias != NULL);

  if (g_strcmp0 (alias, self->name) == 0 ||
      g_strv_contains (rsh_actor_get_aliases (self), alias))
    return;

  g_ptr_array_add (self->aliases, g_strdup (alias));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}
