/* rsh-export.c: exports of the comparison: the shared rules, JSON (the contract), CSV, Markdown
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rashomon.h"
#include "rsh-export-private.h"

#define JSON_FORMAT_NAME    "rashomon-comparison"
#define JSON_FORMAT_VERSION 1

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static char *
publication_day (RshSource *source)
{
  const char *published = rsh_source_get_published (source);

  if (published == NULL || strlen (published) < 10)
    return NULL;
  return g_strndup (published, 10);
}

static void
add_timexes (JsonBuilder *builder,
             RshSource   *source)
{
  g_autofree char *anchor = publication_day (source);
  g_autoptr(GPtrArray) timexes = NULL;

  if (rsh_source_get_text (source) == NULL)
    return;
  timexes = rsh_timex_tag (rsh_source_get_text (source), anchor,
                           rsh_source_get_language (source), NULL);
  for (guint i = 0; timexes != NULL && i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, timex->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, timex->end);
      add_string_or_null (builder, "text", timex->text);
      add_string_or_null (builder, "type", rsh_timex_type_to_string (timex->type));
      add_string_or_null (builder, "value", timex->value);
      json_builder_end_object (builder);
    }
}

/* The time of a mention's sentence, {text, value, earliest, latest}, or null. */
static void
add_mention_time (JsonBuilder   *builder,
                  RshComparison *self,
                  RshMention    *mention)
{
  GListModel *sources = rsh_comparison_get_sources (self);
  g_autoptr(RshTimex) timex = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources) && timex == NULL; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_comparison_get_source_id (self, i),
                     rsh_mention_get_source_id (mention)) != 0 ||
          rsh_source_get_text (source) == NULL)
        continue;
      anchor = publication_day (source);
      timex = rsh_timex_place_span (rsh_source_get_text (source), anchor,
                                    rsh_source_get_language (source),
                                    rsh_mention_get_start (mention),
                                    rsh_mention_get_end (mention));
    }

  if (timex == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  rsh_timex_get_bounds (timex, anchor, &earliest, &latest);
  json_builder_begin_object (builder);
  add_string_or_null (builder, "text", timex->text);
  add_string_or_null (builder, "value", timex->value);
  add_string_or_null (builder, "earliest", earliest);
  add_string_or_null (builder, "latest", latest);
  json_builder_end_object (builder);
}

static void
build_sources (RshComparison *self,
               JsonBuilder   *builder)
{
  GListModel *sources = rsh_comparison_get_sources (self);
  guint n = g_list_model_get_n_items (sources);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", rsh_comparison_get_source_id (self, i));
      add_string_or_null (builder, "input", rsh_source_get_input (source));
      add_string_or_null (builder, "url", rsh_source_get_url (source));
      add_string_or_null (builder, "title", rsh_source_get_title (source));
      add_string_or_null (builder, "outlet", rsh_source_get_outlet (source));
      add_string_array (builder, "authors", rsh_source_get_authors (source));
      add_string_or_null (builder, "published", rsh_source_get_published (source));
      add_string_or_null (builder, "language", rsh_source_get_language (source));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, rsh_source_get_text (source)
                                              ? rsh_source_get_text (source) : "");
      add_string_or_null (builder, "duplicate_of", rsh_comparison_get_duplicate_of (self, i));
      /* Anchored on the publication date; without one, relative expressions have no value. */
      json_builder_set_member_name (builder, "timexes");
      json_builder_begin_array (builder);
      add_timexes (builder, source);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_actors (RshComparison *self,
              JsonBuilder   *builder)
{
  GListModel *actors = rsh_comparison_get_actors (self);
  guint n = g_list_model_get_n_items (actors);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", rsh_actor_get_id (actor));
      add_string_or_null (builder, "name", rsh_actor_get_name (actor));
      add_string_array (builder, "aliases", rsh_actor_get_aliases (actor));
      add_string_or_null (builder, "kind", rsh_actor_kind_to_string (rsh_actor_get_kind (actor)));
      /* Extension: renamed, merged or split by the user. */
      json_builder_set_member_name (builder, "corrected");
      json_builder_add_boolean_value (builder, rsh_comparison_get_corrected (self, actor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_span_or_null (JsonBuilder *builder,
                  const char  *name,
                  gboolean     found,
                  guint        start,
                  guint        end)
{
  json_builder_set_member_name (builder, name);
  if (!found)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, end);
  json_builder_end_object (builder);
}

static void
build_mention (RshComparison *self,
               JsonBuilder   *builder,
               RshMention    *mention)
{
  guint start = 0;
  guint end = 0;
  gboolean found;

  g_autofree char *id = rsh_correction_dup_mention_id (mention);

  json_builder_begin_object (builder);
  /* Extension: the statement's id for corrections ("s2:120-188"), the same in every
   * analysis that finds it. */
  add_string_or_null (builder, "id", id);
  add_string_or_null (builder, "source", rsh_mention_get_source_id (mention));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, rsh_mention_get_start (mention));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, rsh_mention_get_end (mention));
  add_string_or_null (builder, "quote", rsh_mention_get_quote (mention));
  add_string_or_null (builder, "actor", rsh_mention_get_actor_id (mention));
  add_string_or_null (builder, "cue", rsh_mention_get_cue (mention));
  /* Extensions: who the speaker quotes ("quoting officials") and through whom the
   * statement reached the outlet ("in a statement quoted by the Times"). */
  add_string_or_null (builder, "quoted_actor", rsh_mention_get_quoted_actor_id (mention));
  add_string_or_null (builder, "via_actor", rsh_mention_get_via_actor_id (mention));
  /* Extensions: where the speaker is named and the cue is written, in code points. */
  found = rsh_mention_get_speaker_span (mention, &start, &end);
  add_span_or_null (builder, "speaker_span", found, start, end);
  found = rsh_mention_get_cue_span (mention, &start, &end);
  add_span_or_null (builder, "cue_span", found, start, end);
  add_string_or_null (builder, "stance", rsh_stance_to_string (rsh_mention_get_stance (mention)));
  json_builder_set_member_name (builder, "hedged");
  json_builder_add_boolean_value (builder, rsh_mention_get_hedged (mention));
  /* When the statement was made, from the time expression of its sentence. */
  json_builder_set_member_name (builder, "time");
  add_mention_time (builder, self, mention);
  json_builder_end_object (builder);
}

static void
build_claims (RshComparison *self,
              JsonBuilder   *builder)
{
  GListModel *claims = rsh_comparison_get_claims (self);
  guint n_sources = g_list_model_get_n_items (rsh_comparison_get_sources (self));
  guint n = g_list_model_get_n_items (claims);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", rsh_claim_get_id (claim));
      add_string_or_null (builder, "text", rsh_claim_get_text (claim));
      json_builder_set_member_name (builder, "user_defined");
      json_builder_add_boolean_value (builder, rsh_claim_get_user_defined (claim));
      /* Extension: merged, split, reworded or given other statements by the user. */
      json_builder_set_member_name (builder, "corrected");
      json_builder_add_boolean_value (builder, rsh_comparison_get_corrected (self, claim));

      json_builder_set_member_name (builder, "mentions");
      json_builder_begin_array (builder);
      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          build_mention (self, builder, mention);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "positions");
      json_builder_begin_array (builder);
      for (guint s = 0; s < n_sources; s++)
        {
          const char *source_id = rsh_comparison_get_source_id (self, s);
          gboolean hedged = FALSE;
          RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "source", source_id);
          add_string_or_null (builder, "stance", rsh_stance_to_string (stance));
          json_builder_set_member_name (builder, "hedged");
          json_builder_add_boolean_value (builder, hedged);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_timeline (RshComparison *self,
                JsonBuilder   *builder)
{
  const GPtrArray *timeline = rsh_comparison_get_timeline (self);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "claim", event->claim_id);
      add_string_or_null (builder, "actor", event->actor_id);
      add_string_or_null (builder, "source", event->source_id);
      add_string_or_null (builder, "stance", rsh_stance_to_string (event->stance));
      add_string_or_null (builder, "earliest", event->earliest);
      add_string_or_null (builder, "latest", event->latest);
      add_string_or_null (builder, "label", event->label);
      /* Extensions: how the statement time was found, and when what it talks about
       * happened (null when its content names no time). */
      add_string_or_null (builder, "certainty", rsh_time_certainty_to_string (event->certainty));
      json_builder_set_member_name (builder, "about");
      if (event->about_text == NULL)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          add_string_or_null (builder, "text", event->about_text);
          add_string_or_null (builder, "earliest", event->about_earliest);
          add_string_or_null (builder, "latest", event->about_latest);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Extensions: the user's corrections replayed onto the analysis, and the claims the user
 * hid (left out of "claims", listed here so they can be shown again). */
static void
build_corrections (RshComparison *self,
                   JsonBuilder   *builder)
{
  GListModel *corrections = rsh_comparison_get_corrections (self);
  GListModel *hidden = rsh_comparison_get_hidden_claims (self);

  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    {
      g_autoptr(RshCorrection) correction = g_list_model_get_item (corrections, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rsh_correction_get_id (correction));
      add_string_or_null (builder, "kind",
                          rsh_correction_kind_to_string (rsh_correction_get_kind (correction)));
      add_string_or_null (builder, "summary", rsh_correction_get_summary (correction));
      add_string_or_null (builder, "author", rsh_correction_get_author (correction));
      add_string_or_null (builder, "created_at", rsh_correction_get_created_at (correction));
      json_builder_set_member_name (builder, "applies");
      json_builder_add_boolean_value (builder, rsh_correction_get_applies (correction));
      add_string_or_null (builder, "problem", rsh_correction_get_problem (correction));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "hidden_claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (hidden); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (hidden, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", rsh_claim_get_id (claim));
      add_string_or_null (builder, "text", rsh_claim_get_text (claim));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Text hygiene shared by every writer. */

/**
 * rsh_export_is_formula:
 * @value: (nullable): cell text
 *
 * Spreadsheets run a cell that starts with = + - @, a tab or a carriage return as a
 * formula; quotes from the web are untrusted, so such cells must be neutralised.
 *
 * Returns: whether @value would be read as a formula
 */
gboolean
rsh_export_is_formula (const char *value)
{
  return value != NULL && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r');
}

/* A leading apostrophe is what spreadsheets themselves use to say "this is text". */
char *
rsh_export_neutralize (const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (rsh_export_is_formula (value))
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

char *
rsh_export_clip (const char *value,
                 gsize       max_chars)
{
  const char *end;
  GString *out;

  if (value == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (value, -1) <= (glong) max_chars)
    return g_strdup (value);
  end = g_utf8_offset_to_pointer (value, max_chars - 1);
  out = g_string_new_len (value, end - value);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

void
rsh_export_append_csv_cell (GString    *out,
                            const char *value)
{
  g_autofree char *cell = rsh_export_neutralize (value);

  g_string_append_c (out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Escapes for XML and HTML text and attribute values alike, and drops the characters
 * XML 1.0 forbids (C0 controls other than tab and line ends), which a web page may hold. */
void
rsh_export_append_xml (GString    *out,
                       const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_c (out, (char) c);
          break;
        default:
          if (c >= 0x20 && c != 0x7f)
            g_string_append_c (out, (char) c);
          break;
        }
    }
}

char *
rsh_export_xml_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  rsh_export_append_xml (out, text);
  return g_string_free (out, FALSE);
}

gboolean
rsh_export_write_all (GOutputStream  *stream,
                      const void     *data,
                      gsize           size,
                      GCancellable   *cancellable,
                      GError        **error)
{
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

/* What the writers share about the comparison. */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const RshTimelineEvent *x = *(const RshTimelineEvent * const *) a;
  const RshTimelineEvent *y = *(const RshTimelineEvent * const *) b;

  /* Undated events go last; ISO 8601 dates sort as strings. */
  if (x->earliest == NULL || y->earliest == NULL)
    return (x->earliest == NULL) - (y->earliest == NULL);
  return strcmp (x->earliest, y->earliest);
}

RshExport *
rsh_export_new (RshComparison           *comparison,
                const RshExportOptions  *options,
                RshExportProgressFunc    progress,
                gpointer                 progress_data,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr(RshExport) self = g_new0 (RshExport, 1);
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *claims = rsh_comparison_get_claims (comparison);
  GListModel *sources = rsh_comparison_get_sources (comparison);
  const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);
  guint n_claims = g_list_model_get_n_items (claims);

  self->comparison = comparison;
  self->cancellable = cancellable;
  self->progress = progress;
  self->progress_data = progress_data;
  self->last_fraction = -1;
  self->claims = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->timeline = g_ptr_array_new ();
  self->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  self->mention_claims = g_ptr_array_new ();

  for (guint s = 0; s < g_list_model_get_n_items (sources); s++)
    g_ptr_array_add (self->sources, g_list_model_get_item (sources, s));

  if (options != NULL && options->claim_ids != NULL)
    {
      g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           g_object_unref);

      for (guint c = 0; c < n_claims; c++)
        {
          RshClaim *claim = g_list_model_get_item (claims, c);

          g_hash_table_insert (by_id, (gpointer) rsh_claim_get_id (claim), claim);
        }
      for (guint i = 0; options->claim_ids[i] != NULL; i++)
        {
          RshClaim *claim = g_hash_table_lookup (by_id, options->claim_ids[i]);

          if (claim == NULL)
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                           _("The claim “%s” is not in this comparison; analyse again and "
                             "retry the export"), options->claim_ids[i]);
              return NULL;
            }
          if (g_hash_table_add (chosen, (gpointer) rsh_claim_get_id (claim)))
            g_ptr_array_add (self->claims, g_object_ref (claim));
        }
    }
  else
    {
      for (guint c = 0; c < n_claims; c++)
        {
          RshClaim *claim = g_list_model_get_item (claims, c);

          g_hash_table_add (chosen, (gpointer) rsh_claim_get_id (claim));
          g_ptr_array_add (self->claims, claim);
        }
    }

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_ptr_array_add (self->mentions, g_list_model_get_item (mentions, m));
          g_ptr_array_add (self->mention_claims, claim);
        }
    }

  for (guint i = 0; i < timeline->len; i++)
    {
      RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (event->claim_id != NULL && g_hash_table_contains (chosen, event->claim_id))
        g_ptr_array_add (self->timeline, event);
    }
  /* g_ptr_array_sort is a merge sort in GLib: stable, so equal dates keep engine order. */
  g_ptr_array_sort (self->timeline, compare_events);

  if (options != NULL && options->title != NULL && options->title[0] != '\0')
    self->title = g_strdup (options->title);
  else if (self->sources->len > 0)
    {
      RshSource *first = g_ptr_array_index (self->sources, 0);
      const char *title = rsh_source_get_title (first);

      self->title = g_strdup (title != NULL ? title : _("Comparison of accounts"));
    }
  else
    self->title = g_strdup (_("Comparison of accounts"));

  return g_steal_pointer (&self);
}

void
rsh_export_free (RshExport *self)
{
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->mention_claims, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_free (self);
}

/* Reports progress now and then, and stops the writer when the export was cancelled. */
gboolean
rsh_export_step (RshExport  *self,
                 double      fraction,
                 GError    **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->progress != NULL && (fraction - self->last_fraction >= 0.01 || fraction >= 1.0) &&
      fraction != self->last_fraction)
    {
      self->last_fraction = fraction;
      self->progress (fraction, self->progress_data);
    }

  return TRUE;
}

guint
rsh_export_n_sources (RshExport *self)
{
  return self->sources->len;
}

RshSource *
rsh_export_get_source (RshExport *self,
                       guint      position)
{
  return g_ptr_array_index (self->sources, position);
}

const char *
rsh_export_source_id (RshExport *self,
                      guint      position)
{
  return rsh_comparison_get_source_id (self->comparison, position);
}

const char *
rsh_export_source_name (RshSource *source)
{
  if (rsh_source_get_outlet (source) != NULL)
    return rsh_source_get_outlet (source);
  if (rsh_source_get_title (source) != NULL)
    return rsh_source_get_title (source);
  return rsh_source_get_input (source);
}

/* The day of publication: dates in headers need no clock time or offset. */
char *
rsh_export_source_date (RshSource *source)
{
  const char *published = rsh_source_get_published (source);

  if (published == NULL)
    return NULL;
  return g_strndup (published, 10);
}

/* "Outlet (s1)": the column heading of the CSV matrix. */
char *
rsh_export_source_label (RshExport *self,
                         guint      position)
{
  RshSource *source = rsh_export_get_source (self, position);
  const char *name = rsh_export_source_name (source);
  const char *id = rsh_export_source_id (self, position);

  return name != NULL ? g_strdup_printf ("%s (%s)", name, id) : g_strdup (id);
}

/* "denies", "reports (hedged)", "absent": one matrix cell. */
char *
rsh_export_position_text (RshClaim   *claim,
                          const char *source_id,
                          RshStance  *stance)
{
  gboolean hedged = FALSE;
  RshStance position = rsh_claim_get_position (claim, source_id, &hedged);

  if (stance != NULL)
    *stance = position;
  return g_strconcat (rsh_stance_to_string (position), hedged ? " (hedged)" : "", NULL);
}

/* The statement that justifies a source's position: the first one whose stance is the
 * position, else the first one from that source. */
RshMention *
rsh_export_find_mention (RshClaim   *claim,
                         const char *source_id)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);
  RshStance position = rsh_claim_get_position (claim, source_id, NULL);
  RshMention *fallback = NULL;

  for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) != 0)
        continue;
      if (rsh_mention_get_stance (mention) == position)
        return mention;
      if (fallback == NULL)
        fallback = mention;
    }

  return fallback;
}

const char *
rsh_export_actor_name (RshExport  *self,
                       const char *actor_id)
{
  RshActor *actor;

  if (actor_id == NULL)
    return NULL;
  actor = rsh_comparison_lookup_actor (self->comparison, actor_id);
  return actor != NULL ? rsh_actor_get_name (actor) : actor_id;
}

/* When the statement was made, from the timeline event the engine placed for it:
 * "2026-03-03", or "2026-03-03 – 2026-03-05" for a span. */
char *
rsh_export_mention_time (RshExport  *self,
                         RshClaim   *claim,
                         RshMention *mention)
{
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);

      if (g_strcmp0 (event->claim_id, rsh_claim_get_id (claim)) != 0 ||
          g_strcmp0 (event->source_id, rsh_mention_get_source_id (mention)) != 0 ||
          g_strcmp0 (event->actor_id, rsh_mention_get_actor_id (mention)) != 0 ||
          (event->end > 0 && (event->start != rsh_mention_get_start (mention) ||
                              event->end != rsh_mention_get_end (mention))) ||
          event->earliest == NULL)
        continue;
      if (event->latest == NULL || strcmp (event->latest, event->earliest) == 0)
        return g_strdup (event->earliest);
      return g_strdup_printf ("%s – %s", event->earliest, event->latest);
    }

  return NULL;
}

/* The Julian day of the event's earliest date, or 0 when it is undated. */
guint
rsh_export_event_day (const RshTimelineEvent *event)
{
  g_autoptr(GDate) date = NULL;
  int year = 0, month = 1, day = 1;

  if (event->earliest == NULL || sscanf (event->earliest, "%4d-%2d-%2d", &year, &month, &day) < 1)
    return 0;
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  date = g_date_new_dmy (day, month, year);
  return g_date_get_julian (date);
}

/* "2026-03-04" for a Julian day. */
char *
rsh_export_day_label (guint day)
{
  g_autoptr(GDate) date = g_date_new_julian (day);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

guint32
rsh_export_stance_rgb (RshStance stance)
{
  switch (stance)
    {
    case RSH_STANCE_REPORTS:  return 0xdbe7f5;
    case RSH_STANCE_CONFIRMS: return 0xd3ecd5;
    case RSH_STANCE_DENIES:   return 0xf6d2d2;
    case RSH_STANCE_DISPUTES: return 0xfbe3c4;
    case RSH_STANCE_ABSENT:   return 0xf2f2f2;
    default:                  return 0xffffff;
    }
}

/* Stronger tones of the same hues, for marks on a timeline rather than cell fills. */
guint32
rsh_export_stance_mark_rgb (RshStance stance)
{
  switch (stance)
    {
    case RSH_STANCE_REPORTS:  return 0x3d6fb4;
    case RSH_STANCE_CONFIRMS: return 0x2f8a43;
    case RSH_STANCE_DENIES:   return 0xc0392b;
    case RSH_STANCE_DISPUTES: return 0xd9822b;
    case RSH_STANCE_ABSENT:   return 0x8a8f98;
    default:                  return 0x8a8f98;
    }
}

const char *
rsh_export_stance_color (RshStance stance)
{
  switch (stance)
    {
    case RSH_STANCE_REPORTS:  return "#dbe7f5";
    case RSH_STANCE_CONFIRMS: return "#d3ecd5";
    case RSH_STANCE_DENIES:   return "#f6d2d2";
    case RSH_STANCE_DISPUTES: return "#fbe3c4";
    case RSH_STANCE_ABSENT:   return "#f2f2f2";
    default:                  return "#ffffff";
    }
}

/* CSV */

static char *
export_matrix_csv (RshExport  *self,
                   GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_sources = rsh_export_n_sources (self);

  rsh_export_append_csv_cell (out, "claim");
  for (guint s = 0; s < n_sources; s++)
    {
      g_autofree char *label = rsh_export_source_label (self, s);

      g_string_append_c (out, ',');
      rsh_export_append_csv_cell (out, label);
    }
  g_string_append (out, "\r\n");

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);

      if (!rsh_export_step (self, (double) c / MAX (self->claims->len, 1), error))
        return NULL;

      rsh_export_append_csv_cell (out, rsh_claim_get_text (claim));
      for (guint s = 0; s < n_sources; s++)
        {
          g_autofree char *cell = rsh_export_position_text (claim, rsh_export_source_id (self, s),
                                                            NULL);

          g_string_append_c (out, ',');
          rsh_export_append_csv_cell (out, cell);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
export_mentions_csv (RshExport  *self,
                     GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const header[] = { "claim_id", "claim", "source", "outlet", "actor", "cue",
                                  "stance", "hedged", "time", "quote", "start", "end" };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      rsh_export_append_csv_cell (out, header[i]);
    }
  g_string_append (out, "\r\n");

  for (guint m = 0; m < self->mentions->len; m++)
    {
      RshMention *mention = g_ptr_array_index (self->mentions, m);
      RshClaim *claim = g_ptr_array_index (self->mention_claims, m);
      g_autofree char *time = rsh_export_mention_time (self, claim, mention);
      g_autofree char *start = g_strdup_printf ("%u", rsh_mention_get_start (mention));
      g_autofree char *end = g_strdup_printf ("%u", rsh_mention_get_end (mention));
      const char *source_id = rsh_mention_get_source_id (mention);
      const char *outlet = NULL;
      const char *cells[G_N_ELEMENTS (header)];

      if (!rsh_export_step (self, (double) m / MAX (self->mentions->len, 1), error))
        return NULL;

      for (guint s = 0; s < rsh_export_n_sources (self); s++)
        if (g_strcmp0 (rsh_export_source_id (self, s), source_id) == 0)
          outlet = rsh_export_source_name (rsh_export_get_source (self, s));

      cells[0] = rsh_claim_get_id (claim);
      cells[1] = rsh_claim_get_text (claim);
      cells[2] = source_id;
      cells[3] = outlet;
      cells[4] = rsh_export_actor_name (self, rsh_mention_get_actor_id (mention));
      cells[5] = rsh_mention_get_cue (mention);
      cells[6] = rsh_stance_to_string (rsh_mention_get_stance (mention));
      cells[7] = rsh_mention_get_hedged (mention) ? "yes" : "no";
      cells[8] = time;
      cells[9] = rsh_mention_get_quote (mention);
      cells[10] = start;
      cells[11] = end;
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          rsh_export_append_csv_cell (out, cells[i]);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Formats and options */

static const struct
{
  RshExportFormat  format;
  const char      *name;
  const char      *extension;
  gboolean         binary;
} formats[] = {
  { RSH_EXPORT_JSON, "json", "json", FALSE },
  { RSH_EXPORT_CSV, "csv", "csv", FALSE },
  { RSH_EXPORT_XLSX, "xlsx", "xlsx", TRUE },
  { RSH_EXPORT_ODS, "ods", "ods", TRUE },
  { RSH_EXPORT_HTML, "html", "html", FALSE },
  { RSH_EXPORT_PDF, "pdf", "pdf", TRUE },
  { RSH_EXPORT_MARKDOWN, "md", "md", FALSE },
  { RSH_EXPORT_MENTIONS_CSV, "mentions-csv", "csv", FALSE },
};

/**
 * rsh_export_format_from_string:
 * @name: a format name as on the command line: "json", "csv", "xlsx", "ods", "html",
 *   "pdf", "md" or "mentions-csv"
 * @format: (out): where to store the format
 *
 * Returns: whether this version can write @name
 */
gboolean
rsh_export_format_from_string (const char      *name,
                               RshExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (name, formats[i].name) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rsh_export_format_to_string:
 * @format: a format
 *
 * Returns: (nullable): the name rsh_export_format_from_string() reads, or %NULL
 */
const char *
rsh_export_format_to_string (RshExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  return NULL;
}

/**
 * rsh_export_format_get_extension:
 * @format: a format
 *
 * Returns: (nullable): the usual file name extension, without the dot
 */
const char *
rsh_export_format_get_extension (RshExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  return NULL;
}

/**
 * rsh_export_format_is_binary:
 * @format: a format
 *
 * Returns: whether @format is not text (XLSX, ODS, PDF), so it should not go to a terminal
 */
gboolean
rsh_export_format_is_binary (RshExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].binary;
  return FALSE;
}

G_DEFINE_BOXED_TYPE (RshExportOptions, rsh_export_options,
                     rsh_export_options_copy, rsh_export_options_free)

/**
 * rsh_export_options_new:
 *
 * Returns: (transfer full): options that export everything
 */
RshExportOptions *
rsh_export_options_new (void)
{
  return g_new0 (RshExportOptions, 1);
}

RshExportOptions *
rsh_export_options_copy (const RshExportOptions *options)
{
  RshExportOptions *copy = rsh_export_options_new ();

  if (options != NULL)
    {
      copy->claim_ids = g_strdupv (options->claim_ids);
      copy->title = g_strdup (options->title);
    }
  return copy;
}

void
rsh_export_options_free (RshExportOptions *options)
{
  if (options == NULL)
    return;
  g_strfreev (options->claim_ids);
  g_free (options->title);
  g_free (options);
}

/**
 * rsh_comparison_to_json:
 * @self: a #RshComparison
 *
 * Writes @self in the `rashomon-comparison` format, version 1: every field of the
 * contract is present, %NULL values as JSON null.
 *
 * Returns: (transfer full): the JSON text, indented
 */
char *
rsh_comparison_to_json (RshComparison *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, JSON_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, JSON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "rashomon " PACKAGE_VERSION);
  build_sources (self, builder);
  build_actors (self, builder);
  build_claims (self, builder);
  build_timeline (self, builder);
  build_corrections (self, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * rsh_comparison_write_full:
 * @self: a #RshComparison
 * @format: the format to write
 * @options: (nullable): what to include; %NULL for everything
 * @stream: where to write
 * @progress: (nullable) (scope call): called with the fraction written, on this thread
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @self in @format:
 *
 * - %RSH_EXPORT_JSON: the contract (rsh_comparison_to_json(); always every claim);
 * - %RSH_EXPORT_CSV: RFC 4180, UTF-8, CRLF line ends, a header "claim" then one column
 *   "Outlet (s1)" per source, and one row per claim with each source's position ("denies",
 *   "reports (hedged)", "absent"); cells a spreadsheet would run as a formula start with "'";
 * - %RSH_EXPORT_MENTIONS_CSV: one row per mention (claim, source, actor, cue, stance, hedged,
 *   time, quote, offsets), same rules;
 * - %RSH_EXPORT_XLSX and %RSH_EXPORT_ODS: sheets Comparison, Mentions, Sources, Timeline;
 * - %RSH_EXPORT_HTML: one self-contained page, no scripts, no remote loads;
 * - %RSH_EXPORT_PDF: the matrix, the timeline and the sources, fonts embedded;
 * - %RSH_EXPORT_MARKDOWN: sources, matrix and timeline as escaped tables.
 *
 * @self is only read, so a worker thread may write it while the main thread keeps using it.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_comparison_write_full (RshComparison           *self,
                           RshExportFormat          format,
                           const RshExportOptions  *options,
                           GOutputStream           *stream,
                           RshExportProgressFunc    progress,
                           gpointer                 progress_data,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(RshExport) export = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  export = rsh_export_new (self, options, progress, progress_data, cancellable, error);
  if (export == NULL)
    return FALSE;

  switch (format)
    {
    case RSH_EXPORT_JSON:
      {
        g_autofree char *json = rsh_comparison_to_json (self);

        data = g_strconcat (json, "\n", NULL);
      }
      break;

    case RSH_EXPORT_CSV:
      data = export_matrix_csv (export, error);
      if (data == NULL)
        return FALSE;
      break;

    case RSH_EXPORT_MENTIONS_CSV:
      data = export_mentions_csv (export, error);
      if (data == NULL)
        return FALSE;
      break;

    case RSH_EXPORT_XLSX:
      return rsh_export_write_xlsx (export, stream, error);

    case RSH_EXPORT_ODS:
      return rsh_export_write_ods (export, stream, error);

    case RSH_EXPORT_HTML:
      return rsh_export_write_html (export, stream, error);

    case RSH_EXPORT_PDF:
      return rsh_export_write_pdf (export, stream, error);

    case RSH_EXPORT_MARKDOWN:
      return rsh_export_write_md (export, stream, error);

    default:
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("This export format is not supported"));
      return FALSE;
    }

  if (!rsh_export_step (export, 1.0, error))
    return FALSE;

  return rsh_export_write_all (stream, data, strlen (data), cancellable, error);
}

/**
 * rsh_comparison_write:
 * @self: a #RshComparison
 * @format: the format to write
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every claim of @self in @format; see rsh_comparison_write_full().
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_comparison_write (RshComparison    *self,
                      RshExportFormat   format,
                      GOutputStream    *stream,
                      GCancellable     *cancellable,
                      GError          **error)
{
  return rsh_comparison_write_full (self, format, NULL, stream, NULL, NULL, cancellable, error);
}

/* Asynchronous export: progress reaches the caller's main context through a shared relay
 * that outlives both the task and any report still queued. */

typedef struct
{
  RshExportProgressFunc  func;
  gpointer               data;
  GDestroyNotify         destroy;
  GMainContext          *context;
} ProgressRelay;

typedef struct
{
  ProgressRelay *relay;
  double         fraction;
} ProgressReport;

typedef struct
{
  RshExportFormat   format;
  RshExportOptions *options;
  GFile            *file;
  ProgressRelay    *relay;
} ExportData;

/* Runs @func in @context, later, never here: g_main_context_invoke() runs it at once in the
 * calling thread when @context happens to be free, out of order with the reports already
 * queued and on the wrong thread. */
static void
schedule_in (GMainContext   *context,
             GSourceFunc     func,
             gpointer        data,
             GDestroyNotify  notify)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_priority (idle, G_PRIORITY_DEFAULT);
  g_source_set_static_name (idle, "[rashomon] export progress");
  g_source_set_callback (idle, func, data, notify);
  g_source_attach (idle, context);
}

static void
progress_relay_clear (gpointer data)
{
  ProgressRelay *relay = data;

  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
}

static gboolean
release_relay (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_relay_clear);
  return G_SOURCE_REMOVE;
}

static void
export_data_free (gpointer data)
{
  ExportData *export_data = data;

  rsh_export_options_free (export_data->options);
  g_clear_object (&export_data->file);
  /* The task may die in the worker; the caller's data is freed in the caller's context. */
  if (export_data->relay != NULL)
    {
      ProgressRelay *relay = g_steal_pointer (&export_data->relay);

      schedule_in (relay->context, release_relay, relay, NULL);
    }
  g_free (export_data);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  report->relay->func (report->fraction, report->relay->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_atomic_rc_box_release_full (report->relay, progress_relay_clear);
  g_free (report);
}

static void
relay_progress (double   fraction,
                gpointer user_data)
{
  ProgressRelay *relay = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->relay = g_atomic_rc_box_acquire (relay);
  report->fraction = fraction;
  schedule_in (relay->context, deliver_progress, report, progress_report_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RshComparison *self = source_object;
  ExportData *data = task_data;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  /* Written in memory first, so a failed or cancelled export leaves the file as it was. */
  if (!rsh_comparison_write_full (self, data->format, data->options, stream,
                                  data->relay != NULL ? relay_progress : NULL, data->relay,
                                  cancellable, &error) ||
      !g_output_stream_close (stream, cancellable, &error) ||
      !g_file_replace_contents (data->file,
                                g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                                g_memory_output_stream_get_data_size (
                                  G_MEMORY_OUTPUT_STREAM (stream)),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * rsh_comparison_export_async:
 * @self: a #RshComparison
 * @format: the format to write
 * @options: (nullable): what to include (copied)
 * @file: where to write; replaced only when the export succeeds
 * @progress: (nullable) (scope notified): called with the fraction written, in the
 *   thread-default main context of the caller
 * @progress_data: data for @progress
 * @progress_destroy: (nullable): frees @progress_data once no report is pending
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes @self to @file in a worker thread; see rsh_comparison_write_full().
 */
void
rsh_comparison_export_async (RshComparison           *self,
                             RshExportFormat          format,
                             const RshExportOptions  *options,
                             GFile                   *file,
                             RshExportProgressFunc    progress,
                             gpointer                 progress_data,
                             GDestroyNotify           progress_destroy,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (RSH_IS_COMPARISON (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->format = format;
  data->options = rsh_export_options_copy (options);
  data->file = g_object_ref (file);
  if (progress != NULL)
    {
      data->relay = g_atomic_rc_box_new0 (ProgressRelay);
      data->relay->func = progress;
      data->relay->data = progress_data;
      data->relay->destroy = progress_destroy;
      data->relay->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_comparison_export_async);
  g_task_set_task_data (task, data, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * rsh_comparison_export_finish:
 * @self: a #RshComparison
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was written
 */
gboolean
rsh_comparison_export_finish (RshComparison  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
