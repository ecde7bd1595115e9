/* rsh-export.c: the comparison as JSON (the rashomon-comparison contract) and CSV
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rashomon.h"

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
      add_string_or_null (builder, "duplicate_of", rsh_source_get_duplicate_of (source));
      /* Time expressions are tagged by a later pass; the field is there already. */
      json_builder_set_member_name (builder, "timexes");
      json_builder_begin_array (builder);
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
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_mention (JsonBuilder *builder,
               RshMention  *mention)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "source", rsh_mention_get_source_id (mention));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, rsh_mention_get_start (mention));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, rsh_mention_get_end (mention));
  add_string_or_null (builder, "quote", rsh_mention_get_quote (mention));
  add_string_or_null (builder, "actor", rsh_mention_get_actor_id (mention));
  add_string_or_null (builder, "cue", rsh_mention_get_cue (mention));
  add_string_or_null (builder, "stance", rsh_stance_to_string (rsh_mention_get_stance (mention)));
  json_builder_set_member_name (builder, "hedged");
  json_builder_add_boolean_value (builder, rsh_mention_get_hedged (mention));
  /* Placed in time by the time-tagging pass; unknown until then. */
  json_builder_set_member_name (builder, "time");
  json_builder_add_null_value (builder);
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

      json_builder_set_member_name (builder, "mentions");
      json_builder_begin_array (builder);
      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          build_mention (builder, mention);
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
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A spreadsheet runs a cell starting with these as a formula; a quote keeps it text. */
static void
append_csv_cell (GString    *out,
                 const char *value)
{
  gboolean formula;

  if (value == NULL)
    value = "";

  formula = value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
            value[0] == '\t' || value[0] == '\r';

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
comparison_to_csv (RshComparison *self)
{
  GListModel *sources = rsh_comparison_get_sources (self);
  GListModel *claims = rsh_comparison_get_claims (self);
  guint n_sources = g_list_model_get_n_items (sources);
  guint n_claims = g_list_model_get_n_items (claims);
  GString *out = g_string_new (NULL);

  append_csv_cell (out, "claim");
  for (guint s = 0; s < n_sources; s++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, s);
      const char *name = rsh_source_get_outlet (source);
      g_autofree char *title = NULL;

      if (name == NULL)
        name = rsh_source_get_title (source);
      if (name == NULL)
        name = rsh_source_get_input (source);

      title = name ? g_strdup_printf ("%s (%s)", name, rsh_comparison_get_source_id (self, s))
                   : g_strdup (rsh_comparison_get_source_id (self, s));
      g_string_append_c (out, ',');
      append_csv_cell (out, title);
    }
  g_string_append (out, "\r\n");

  for (guint c = 0; c < n_claims; c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, c);

      append_csv_cell (out, rsh_claim_get_text (claim));
      for (guint s = 0; s < n_sources; s++)
        {
          gboolean hedged = FALSE;
          RshStance stance = rsh_claim_get_position (claim, rsh_comparison_get_source_id (self, s),
                                                     &hedged);
          g_autofree char *cell = g_strconcat (rsh_stance_to_string (stance),
                                               hedged ? " (hedged)" : "", NULL);

          g_string_append_c (out, ',');
          append_csv_cell (out, cell);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/**
 * rsh_export_format_from_string:
 * @name: a format name as on the command line ("json", "csv")
 * @format: (out): where to store the format
 *
 * Returns: whether this version can write @name
 */
gboolean
rsh_export_format_from_string (const char      *name,
                               RshExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (name, "json") == 0)
    *format = RSH_EXPORT_JSON;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = RSH_EXPORT_CSV;
  else
    return FALSE;

  return TRUE;
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
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * rsh_comparison_write:
 * @self: a #RshComparison
 * @format: the format to write
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @self as JSON (see rsh_comparison_to_json()) or as CSV: RFC 4180, UTF-8, CRLF line
 * ends, a header "claim" then one column per source, and one row per claim with each
 * source's position ("denies", "reports (hedged)", "absent").
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
  g_autofree char *data = NULL;

  g_return_val_if_fail (RSH_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  switch (format)
    {
    case RSH_EXPORT_JSON:
      {
        g_autofree char *json = rsh_comparison_to_json (self);

        data = g_strconcat (json, "\n", NULL);
      }
      break;

    case RSH_EXPORT_CSV:
      data = comparison_to_csv (self);
      break;

    default:
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("This export format is not supported"));
      return FALSE;
    }

  return g_output_stream_write_all (stream, data, strlen (data), NULL, cancellable, error);
}
