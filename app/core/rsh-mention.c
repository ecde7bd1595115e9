/* rsh-mention.c: one attributed statement in one source
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rashomon.h"

struct _RshMention
{
  GObject    parent_instance;

  /* owned */
  char      *source_id;
  char      *quote;
  char      *speaker;
  char      *actor_id;
  char      *cue;
  char      *outlet;
  char      *written_speaker;
  char      *quoted;
  char      *quoted_actor_id;
  char      *via;
  char      *via_actor_id;
  GStrv      aliases;

  guint      start;
  guint      end;
  /* Where the speaker's name and the cue are written, in code points; an empty span when
   * they are not in the text (the outlet's own voice, a speaker carried over). */
  RshSpan    speaker_span;
  RshSpan    cue_span;
  RshStance  stance;
  guint      hedged : 1;
};

G_DEFINE_FINAL_TYPE (RshMention, rsh_mention, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_SPEAKER,
  PROP_ACTOR_ID,
  PROP_CUE,
  PROP_STANCE,
  PROP_HEDGED,
  PROP_OUTLET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static gboolean
get_span (const RshSpan *span,
          guint         *start,
          guint         *end)
{
  if (rsh_span_length (span) == 0)
    return FALSE;

  if (start != NULL)
    *start = span->start;
  if (end != NULL)
    *end = span->end;

  return TRUE;
}

static void
rsh_mention_finalize (GObject *object)
{
  RshMention *self = (RshMention *) object;

  g_clear_pointer (&self->written_speaker, g_free);
  g_clear_pointer (&self->quoted, g_free);
  g_clear_pointer (&self->quoted_actor_id, g_free);
  g_clear_pointer (&self->via, g_free);
  g_clear_pointer (&self->via_actor_id, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);

  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->actor_id, g_free);
  g_clear_pointer (&self->cue, g_free);
  g_clear_pointer (&self->outlet, g_free);

  G_OBJECT_CLASS (rsh_mention_parent_class)->finalize (object);
}

static void
rsh_mention_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RshMention *self = RSH_MENTION (object);

  switch (prop_id)
    {
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;

    case PROP_ACTOR_ID:
      g_value_set_string (value, self->actor_id);
      break;

    case PROP_CUE:
      g_value_set_string (value, self->cue);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_HEDGED:
      g_value_set_boolean (value, self->hedged);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_mention_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RshMention *self = RSH_MENTION (object);

  switch (prop_id)
    {
    case PROP_SOURCE_ID:
      self->source_id = g_value_dup_string (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_QUOTE:
      self->quote = g_value_dup_string (value);
      break;

    case PROP_SPEAKER:
      rsh_mention_set_speaker (self, g_value_get_string (value));
      break;

    case PROP_ACTOR_ID:
      rsh_mention_set_actor_id (self, g_value_get_string (value));
      break;

    case PROP_CUE:
      rsh_mention_set_cue (self, g_value_get_string (value));
      break;

    case PROP_STANCE:
      rsh_mention_set_stance (self, g_value_get_enum (value));
      break;

    case PROP_HEDGED:
      rsh_mention_set_hedged (self, g_value_get_boolean (value));
      break;

    case PROP_OUTLET:
      rsh_mention_set_outlet (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_mention_class_init (RshMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_mention_finalize;
  object_class->get_property = rsh_mention_get_property;
  object_class->set_property = rsh_mention_set_property;

  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_ID] =
    g_param_spec_string ("actor-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUE] =
    g_param_spec_string ("cue", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL, RSH_TYPE_STANCE, RSH_STANCE_REPORTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEDGED] =
    g_param_spec_boolean ("hedged", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_mention_init (RshMention *self)
{
  self->stance = RSH_STANCE_REPORTS;
}

/**
 * rsh_mention_new:
 * @source_id: the id of the source the statement is in
 * @start: first code point of the claimed content in the source's text
 * @end: code point after the content
 * @quote: the content, exactly the code points [@start, @end) of the text
 *
 * Returns: (transfer full): a new mention in the outlet's own voice, stance reports
 */
RshMention *
rsh_mention_new (const char *source_id,
                 guint       start,
                 guint       end,
                 const char *quote)
{
  g_return_val_if_fail (start <= end, NULL);

  return g_object_new (RSH_TYPE_MENTION,
                       "source-id", source_id,
                       "start", start,
                       "end", end,
                       "quote", quote,
                       NULL);
}

/**
 * rsh_mention_copy:
 * @self: a #RshMention
 *
 * Returns: (transfer full): a new mention with everything @self holds
 */
RshMention *
rsh_mention_copy (RshMention *self)
{
  RshMention *copy;

  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  copy = rsh_mention_new (self->source_id, self->start, self->end, self->quote);
  copy->speaker = g_strdup (self->speaker);
  copy->actor_id = g_strdup (self->actor_id);
  copy->cue = g_strdup (self->cue);
  copy->outlet = g_strdup (self->outlet);
  copy->written_speaker = g_strdup (self->written_speaker);
  copy->quoted = g_strdup (self->quoted);
  copy->quoted_actor_id = g_strdup (self->quoted_actor_id);
  copy->via = g_strdup (self->via);
  copy->via_actor_id = g_strdup (self->via_actor_id);
  copy->aliases = g_strdupv (self->aliases);
  copy->speaker_span = self->speaker_span;
  copy->cue_span = self->cue_span;
  copy->stance = self->stance;
  copy->hedged = self->hedged;

  return copy;
}

const char *
rsh_mention_get_source_id (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->source_id;
}

guint
rsh_mention_get_start (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), 0);

  return self->start;
}

guint
rsh_mention_get_end (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), 0);

  return self->end;
}

const char *
rsh_mention_get_quote (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->quote;
}

/**
 * rsh_mention_get_speaker:
 * @self: a #RshMention
 *
 * Returns: (nullable): the speaker's name as found in the text, or %NULL for the
 *   outlet's own voice
 */
const char *
rsh_mention_get_speaker (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->speaker;
}

void
rsh_mention_set_speaker (RshMention *self,
                         const char *speaker)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  if (replace_string (&self->speaker, speaker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

/**
 * rsh_mention_get_actor_id:
 * @self: a #RshMention
 *
 * Returns: (nullable): the id of the speaker's actor in a comparison
 */
const char *
rsh_mention_get_actor_id (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->actor_id;
}

void
rsh_mention_set_actor_id (RshMention *self,
                          const char *actor_id)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  if (replace_string (&self->actor_id, actor_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

/**
 * rsh_mention_get_cue:
 * @self: a #RshMention
 *
 * Returns: (nullable): the reporting cue as listed in the lexicon ("said", "according to")
 */
const char *
rsh_mention_get_cue (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->cue;
}

void
rsh_mention_set_cue (RshMention *self,
                     const char *cue)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  if (replace_string (&self->cue, cue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUE]);
}

RshStance
rsh_mention_get_stance (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), RSH_STANCE_REPORTS);

  return self->stance;
}

void
rsh_mention_set_stance (RshMention *self,
                        RshStance   stance)
{
  g_return_if_fail (RSH_IS_MENTION (self));
  /* A mention always takes a position; absent only exists for a source as a whole. */
  g_return_if_fail (stance < RSH_STANCE_ABSENT);

  if (self->stance == stance)
    return;

  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
}

gboolean
rsh_mention_get_hedged (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), FALSE);

  return self->hedged;
}

void
rsh_mention_set_hedged (RshMention *self,
                        gboolean    hedged)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  hedged = !!hedged;
  if (self->hedged == (guint) hedged)
    return;

  self->hedged = hedged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEDGED]);
}

/**
 * rsh_mention_get_outlet:
 * @self: a #RshMention
 *
 * Returns: (nullable): the outlet of the source the mention is in
 */
const char *
rsh_mention_get_outlet (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->outlet;
}

void
rsh_mention_set_outlet (RshMention *self,
                        const char *outlet)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  if (replace_string (&self->outlet, outlet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLET]);
}

/**
 * rsh_mention_get_written_speaker:
 * @self: a #RshMention
 *
 * The speaker as the text names it ("the company", "it"), where rsh_mention_get_speaker()
 * gives the name it was resolved to ("Kaspersky").
 *
 * Returns: (nullable): the speaker as written
 */
const char *
rsh_mention_get_written_speaker (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->written_speaker;
}

void
rsh_mention_set_written_speaker (RshMention *self,
                                 const char *written)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  replace_string (&self->written_speaker, written);
}

/**
 * rsh_mention_get_quoted:
 * @self: a #RshMention
 *
 * In a chain ("the Times said, quoting officials"), the original source the speaker
 * passes on.
 *
 * Returns: (nullable): the quoted source's name
 */
const char *
rsh_mention_get_quoted (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->quoted;
}

void
rsh_mention_set_quoted (RshMention *self,
                        const char *quoted)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  replace_string (&self->quoted, quoted);
}

const char *
rsh_mention_get_quoted_actor_id (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->quoted_actor_id;
}

void
rsh_mention_set_quoted_actor_id (RshMention *self,
                                 const char *actor_id)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  replace_string (&self->quoted_actor_id, actor_id);
}

/**
 * rsh_mention_get_via:
 * @self: a #RshMention
 *
 * Who passed the speaker's words on ("said in a statement quoted by the Times").
 *
 * Returns: (nullable): the relaying source's name
 */
const char *
rsh_mention_get_via (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->via;
}

void
rsh_mention_set_via (RshMention *self,
                     const char *via)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  replace_string (&self->via, via);
}

const char *
rsh_mention_get_via_actor_id (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return self->via_actor_id;
}

void
rsh_mention_set_via_actor_id (RshMention *self,
                              const char *actor_id)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  replace_string (&self->via_actor_id, actor_id);
}

/**
 * rsh_mention_get_aliases:
 * @self: a #RshMention
 *
 * Other names the speaker goes by in the same source ("Kaspersky Lab", "the
 * Moscow-based company"), found by the attribution pass.
 *
 * Returns: (nullable) (array zero-terminated=1): the aliases
 */
const char * const *
rsh_mention_get_aliases (RshMention *self)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), NULL);

  return (const char * const *) self->aliases;
}

void
rsh_mention_set_aliases (RshMention         *self,
                         const char * const *aliases)
{
  g_return_if_fail (RSH_IS_MENTION (self));

  g_strfreev (self->aliases);
  self->aliases = g_strdupv ((char **) aliases);
}

/**
 * rsh_mention_get_speaker_span:
 * @self: a #RshMention
 * @start: (out) (optional): the first code point of the speaker's name in the text
 * @end: (out) (optional): the code point after it
 *
 * Where the speaker is named for this statement. A statement in the outlet's own voice,
 * or one whose speaker was carried over from an earlier sentence, has no such place.
 *
 * Returns: whether the speaker is named in the text
 */
gboolean
rsh_mention_get_speaker_span (RshMention *self,
                              guint      *start,
                              guint      *end)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), FALSE);

  return get_span (&self->speaker_span, start, end);
}

void
rsh_mention_set_speaker_span (RshMention *self,
                              guint       start,
                              guint       end)
{
  g_return_if_fail (RSH_IS_MENTION (self));
  g_return_if_fail (start <= end);

  self->speaker_span.start = start;
  self->speaker_span.end = end;
}

/**
 * rsh_mention_get_cue_span:
 * @self: a #RshMention
 * @start: (out) (optional): the first code point of the reporting cue in the text
 * @end: (out) (optional): the code point after it
 *
 * Where the reporting cue ("said", "has denied", "according to") is written.
 *
 * Returns: whether the cue is in the text
 */
gboolean
rsh_mention_get_cue_span (RshMention *self,
                          guint      *start,
                          guint      *end)
{
  g_return_val_if_fail (RSH_IS_MENTION (self), FALSE);

  return get_span (&self->cue_span, start, end);
}

void
rsh_mention_set_cue_span (RshMention *self,
                          guint       start,
                          guint       end)
{
  g_return_if_fail (RSH_IS_MENTION (self));
  g_return_if_fail (start <= end);

  self->cue_span.start = start;
  self->cue_span.end = end;
}
