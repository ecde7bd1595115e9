/* rsh-types.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib-object.h>

#include "rsh-types.h"

G_DEFINE_ENUM_TYPE (RshStance, rsh_stance,
  G_DEFINE_ENUM_VALUE (RSH_STANCE_REPORTS, "reports"),
  G_DEFINE_ENUM_VALUE (RSH_STANCE_CONFIRMS, "confirms"),
  G_DEFINE_ENUM_VALUE (RSH_STANCE_DENIES, "denies"),
  G_DEFINE_ENUM_VALUE (RSH_STANCE_DISPUTES, "disputes"),
  G_DEFINE_ENUM_VALUE (RSH_STANCE_ABSENT, "absent"))

G_DEFINE_ENUM_TYPE (RshActorKind, rsh_actor_kind,
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_ORGANIZATION, "organization"),
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_GOVERNMENT, "government"),
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_MEDIA, "media"),
  G_DEFINE_ENUM_VALUE (RSH_ACTOR_KIND_GROUP, "group"))

/* The words of the comparison JSON contract; never translated. */
static const char * const stance_names[] = {
  [RSH_STANCE_REPORTS] = "reports",
  [RSH_STANCE_CONFIRMS] = "confirms",
  [RSH_STANCE_DENIES] = "denies",
  [RSH_STANCE_DISPUTES] = "disputes",
  [RSH_STANCE_ABSENT] = "absent",
};

static const char * const actor_kind_names[] = {
  [RSH_ACTOR_KIND_UNKNOWN] = "unknown",
  [RSH_ACTOR_KIND_PERSON] = "person",
  [RSH_ACTOR_KIND_ORGANIZATION] = "organization",
  [RSH_ACTOR_KIND_GOVERNMENT] = "government",
  [RSH_ACTOR_KIND_MEDIA] = "media",
  [RSH_ACTOR_KIND_GROUP] = "group",
};

/**
 * rsh_stance_to_string:
 * @stance: a #RshStance
 *
 * Returns: the contract's word for @stance ("reports", "denies", …)
 */
const char *
rsh_stance_to_string (RshStance stance)
{
  g_return_val_if_fail (stance <= RSH_STANCE_ABSENT, NULL);

  return stance_names[stance];
}

/**
 * rsh_stance_from_string:
 * @str: a stance word such as "denies"
 * @stance: (out): where to store the stance
 *
 * Returns: %TRUE if @str names a stance
 */
gboolean
rsh_stance_from_string (const char *str,
                        RshStance  *stance)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (stance != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (stance_names); i++)
    {
      if (strcmp (str, stance_names[i]) == 0)
        {
          *stance = (RshStance) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rsh_actor_kind_to_string:
 * @kind: a #RshActorKind
 *
 * Returns: the contract's word for @kind ("person", "media", …)
 */
const char *
rsh_actor_kind_to_string (RshActorKind kind)
{
  g_return_val_if_fail (kind <= RSH_ACTOR_KIND_GROUP, NULL);

  return actor_kind_names[kind];
}
