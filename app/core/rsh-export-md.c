/* rsh-export-md.c: the comparison as Markdown, for wikis and tickets
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-export-private.h"

/**
 * rsh_export_about_label:
 * @event: a timeline event
 *
 * Says when what the statement talks about happened, apart from when it was made: the
 * words of the text, then the interval they were read as, such as "“in 2014” — 2014" or
 * "“last month” — 2026-02".
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when the statement dates
 *   nothing it talks about
 */
char *
rsh_export_about_label (const RshTimelineEvent *event)
{
  g_autofree char *interval = NULL;
  const char *earliest = event->about_earliest;
  const char *latest = event->about_latest;

  if (event->about_text == NULL || event->about_text[0] == '\0')
    return NULL;

  if (earliest != NULL && latest != NULL && g_strcmp0 (earliest, latest) != 0)
    /* Translators: an interval of dates, earliest first */
    interval = g_strdup_printf (_("%s – %s"), earliest, latest);
  else if (earliest != NULL)
    interval = g_strdup (earliest);
  else if (latest != NULL)
    /* Translators: the latest a thing can have happened, its earliest unknown */
    interval = g_strdup_printf (_("by %s"), latest);

  if (interval == NULL)
    /* Translators: words of an article that date an event, quoted */
    return g_strdup_printf (_("“%s”"), event->about_text);

  /* Translators: words of an article that date an event, quoted, then the dates they
   * were read as */
  return g_strdup_printf (_("“%s” — %s"), event->about_text, interval);
}

/* Markdown: pipes and line breaks would break a table row, markup characters would turn a
 * quote into formatting, and raw HTML would reach wikis that render it. */
static void
append_md (GString    *out,
           const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\r':
          break;
        case '\n':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
        case '#': case '!': case '~': case '(': case ')':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

gboolean
rsh_export_write_md (RshExport      *self,
                     GOutputStream  *stream,
                     GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_sources = rsh_export_n_sources (self);

  g_string_append (out, "# ");
  append_md (out, self->title);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "## %s\n\n", _("Sources"));
  for (guint s = 0; s < n_sources; s++)
    {
      RshSource *source = rsh_export_get_source (self, s);
      g_autofree char *date = rsh_export_source_date (source);

      g_string_append_printf (out, "- **%s** ", rsh_export_source_id (self, s));
      append_md (out, rsh_export_source_name (source));
      if (rsh_source_get_title (source) != NULL &&
          g_strcmp0 (rsh_source_get_title (source), rsh_export_source_name (source)) != 0)
        {
          g_string_append (out, ": ");
          append_md (out, rsh_source_get_title (source));
        }
      if (date != NULL)
        {
          g_string_append (out, " (");
          append_md (out, date);
          g_string_append (out, ")");
        }
      if (rsh_source_get_url (source) != NULL)
        {
          g_string_append (out, " — <");
          /* In an autolink only ">" and spaces would end it early. */
          for (const char *p = rsh_source_get_url (source); *p; p++)
            if ((guchar) *p > 0x20 && *p != '>' && *p != '<')
              g_string_append_c (out, *p);
          g_string_append (out, ">");
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n## %s\n\n| %s |", _("Comparison"), _("Claim"));
  for (guint s = 0; s < n_sources; s++)
    {
      g_string_append_c (out, ' ');
      append_md (out, rsh_export_source_name (rsh_export_get_source (self, s)));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint s = 0; s < n_sources; s++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);

      if (!rsh_export_step (self, 0.8 * c / MAX (self->claims->len, 1), error))
        return FALSE;

      g_string_append (out, "| ");
      append_md (out, rsh_claim_get_text (claim));
      g_string_append (out, " |");
      for (guint s = 0; s < n_sources; s++)
        {
          RshStance stance;
          g_autofree char *cell = rsh_export_position_text (claim, rsh_export_source_id (self, s),
                                                            &stance);

          g_string_append_c (out, ' ');
          if (stance == RSH_STANCE_DENIES || stance == RSH_STANCE_DISPUTES)
            g_string_append (out, "**");
          append_md (out, cell);
          if (stance == RSH_STANCE_DENIES || stance == RSH_STANCE_DISPUTES)
            g_string_append (out, "**");
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n## %s\n\n| %s | %s | %s | %s | %s | %s |\n"
                               "|---|---|---|---|---|---|\n",
                          _("Timeline"), _("When"), _("Source"), _("Who"), _("Stance"),
                          /* Translators: a column header: when what a statement talks
                           * about happened, apart from when it was made */
                          _("About"), _("Statement"));
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);
      g_autofree char *about = rsh_export_about_label (event);

      g_string_append (out, "| ");
      append_md (out, event->earliest != NULL ? event->earliest : _("undated"));
      g_string_append (out, " | ");
      append_md (out, event->source_id);
      g_string_append (out, " | ");
      append_md (out, event->actor_id != NULL ? rsh_export_actor_name (self, event->actor_id)
                                              : _("the outlet"));
      g_string_append (out, " | ");
      append_md (out, rsh_stance_to_string (event->stance));
      g_string_append (out, " | ");
      append_md (out, about);
      g_string_append (out, " | ");
      append_md (out, event->label);
      g_string_append (out, " |\n");
    }

  if (!rsh_export_step (self, 1.0, error))
    return FALSE;

  return rsh_export_write_all (stream, out->str, out->len, self->cancellable, error);
}
