/* rsh-export-html.c: the comparison as one self-contained, printable web page
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rsh-export-private.h"

/* No scripts, no fonts or images from elsewhere: the page opens the same offline, in a
 * mail client and in an archive, and the policy below forbids any load a hostile quote
 * might smuggle in. */
static const char page_css[] =
  ":root{--ink:#1d232b;--muted:#5f6b7a;--rule:#d5d9e0;--head:#eef0f4;}"
  "*{box-sizing:border-box}"
  "body{font-family:'Noto Sans','DejaVu Sans',Cantarell,system-ui,sans-serif;color:var(--ink);"
  "margin:0 auto;max-width:1200px;padding:2rem 2.5rem;line-height:1.45;font-size:15px}"
  "h1{font-size:1.7rem;margin:0 0 .3rem;line-height:1.2}"
  "h2{font-size:1.2rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}"
  "h3{font-size:1rem;margin:1.4rem 0 .4rem}"
  ".meta{color:var(--muted);margin:0 0 1rem}"
  ".legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}"
  ".legend li{padding:.15rem .6rem;border-radius:3px;font-size:.85rem;border:1px solid var(--rule)}"
  ".scroll{overflow-x:auto}"
  "table{border-collapse:collapse;width:100%;font-size:.9rem}"
  "th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left}"
  "thead th{background:var(--head);font-weight:600}"
  "th small{display:block;font-weight:normal;color:var(--muted)}"
  "td.claim{min-width:18rem;width:40%}"
  "td.claim a{color:inherit;text-decoration:none}"
  "td.claim a:hover{text-decoration:underline}"
  "td.pos{text-align:center;white-space:nowrap}"
  "td.when{white-space:nowrap}"
  "td.about{min-width:9rem}"
  ".hedged{font-style:italic}"
  ".absent{color:#8a8f98}"
  ".reports{background:#dbe7f5}.confirms{background:#d3ecd5}.denies{background:#f6d2d2}"
  ".disputes{background:#fbe3c4}.absent{background:#f2f2f2}"
  ".stance{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem}"
  "blockquote{margin:.3rem 0 .8rem;padding:.2rem .9rem;border-left:3px solid var(--rule);"
  "unicode-bidi:plaintext}"
  ".who{color:var(--muted);font-size:.85rem}"
  ".url{word-break:break-all;font-size:.85rem}"
  "svg{max-width:100%;height:auto;font-family:inherit}"
  "footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem}"
  "@media print{"
  "@page{size:A4 landscape;margin:12mm}"
  "body{max-width:none;padding:0;font-size:10pt}"
  ".scroll{overflow:visible}"
  "thead{display:table-header-group}"
  "tr,blockquote,svg{break-inside:avoid}"
  "h2{break-after:avoid}"
  "a{color:inherit;text-decoration:none}"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "}";

static void
text (GString    *out,
      const char *value)
{
  rsh_export_append_xml (out, value);
}

static void
append_source_heading (RshExport *self,
                       GString   *out,
                       guint      s)
{
  RshSource *source = rsh_export_get_source (self, s);
  g_autofree char *date = rsh_export_source_date (source);

  g_string_append (out, "<th scope=\"col\">");
  text (out, rsh_export_source_name (source));
  g_string_append (out, " <small>");
  text (out, rsh_export_source_id (self, s));
  if (date != NULL)
    {
      g_string_append (out, " · ");
      text (out, date);
    }
  g_string_append (out, "</small></th>");
}

static void
append_matrix (RshExport *self,
               GString   *out)
{
  guint n_sources = rsh_export_n_sources (self);

  g_string_append_printf (out, "<h2 id=\"comparison\">%s</h2>\n<div class=\"scroll\"><table>"
                               "<thead><tr><th scope=\"col\">%s</th>",
                          _("Who says what"), _("Claim"));
  for (guint s = 0; s < n_sources; s++)
    append_source_heading (self, out, s);
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);

      g_string_append (out, "<tr><td class=\"claim\"><a href=\"#claim-");
      text (out, rsh_claim_get_id (claim));
      g_string_append (out, "\">");
      text (out, rsh_claim_get_text (claim));
      g_string_append (out, "</a></td>");
      for (guint s = 0; s < n_sources; s++)
        {
          const char *source_id = rsh_export_source_id (self, s);
          gboolean hedged = FALSE;
          RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);
          RshMention *mention = rsh_export_find_mention (claim, source_id);

          g_string_append_printf (out, "<td class=\"pos %s%s\"", rsh_stance_to_string (stance),
                                  hedged ? " hedged" : "");
          if (mention != NULL)
            {
              g_string_append (out, " title=\"");
              text (out, rsh_mention_get_quote (mention));
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          text (out, rsh_stance_to_string (stance));
          if (hedged)
            g_string_append_printf (out, " (%s)", _("hedged"));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></div>\n");
}

static void
append_quotes (RshExport *self,
               GString   *out)
{
  g_string_append_printf (out, "<h2 id=\"quotes\">%s</h2>\n", _("The statements"));

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      g_string_append (out, "<section id=\"claim-");
      text (out, rsh_claim_get_id (claim));
      g_string_append (out, "\"><h3>");
      text (out, rsh_claim_get_text (claim));
      g_string_append (out, "</h3>\n");

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);
          RshStance stance = rsh_mention_get_stance (mention);
          const char *actor = rsh_export_actor_name (self, rsh_mention_get_actor_id (mention));
          const char *outlet = rsh_mention_get_source_id (mention);

          for (guint s = 0; s < rsh_export_n_sources (self); s++)
            if (g_strcmp0 (rsh_export_source_id (self, s), outlet) == 0)
              outlet = rsh_export_source_name (rsh_export_get_source (self, s));

          g_string_append_printf (out, "<p class=\"who\"><span class=\"stance %s\">",
                                  rsh_stance_to_string (stance));
          text (out, rsh_stance_to_string (stance));
          if (rsh_mention_get_hedged (mention))
            g_string_append_printf (out, ", %s", _("hedged"));
          g_string_append (out, "</span> ");
          text (out, actor != NULL ? actor : _("the outlet"));
          if (rsh_mention_get_cue (mention) != NULL)
            {
              g_string_append (out, " (");
              text (out, rsh_mention_get_cue (mention));
              g_string_append (out, ")");
            }
          g_string_append (out, " — ");
          text (out, outlet);
          g_string_append_printf (out, "</p>\n<blockquote dir=\"auto\">");
          text (out, rsh_mention_get_quote (mention));
          g_string_append (out, "</blockquote>\n");
        }
      g_string_append (out, "</section>\n");
    }
}

/* The timeline as inline SVG: one lane per source with events, a diamond per statement,
 * coloured by stance, at the day it was made. */
static void
append_timeline (RshExport *self,
                 GString   *out)
{
  const double left = 200, right = 30, top = 40, lane = 30, width = 1100;
  g_autoptr(GHashTable) lanes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stacked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) lane_ids = g_ptr_array_new ();
  guint first = G_MAXUINT, last = 0, n_dated = 0, step;
  double height, span;

  g_string_append_printf (out, "<h2 id=\"timeline\">%s</h2>\n", _("Timeline"));

  for (guint s = 0; s < rsh_export_n_sources (self); s++)
    {
      const char *id = rsh_export_source_id (self, s);

      for (guint i = 0; i < self->timeline->len; i++)
        {
          const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);

          if (rsh_export_event_day (event) != 0 && g_strcmp0 (event->source_id, id) == 0)
            {
              g_hash_table_insert (lanes, (gpointer) id, GUINT_TO_POINTER (lane_ids->len));
              g_ptr_array_add (lane_ids, GUINT_TO_POINTER (s));
              break;
            }
        }
    }
  for (guint i = 0; i < self->timeline->len; i++)
    {
      guint day = rsh_export_event_day (g_ptr_array_index (self->timeline, i));

      if (day == 0)
        continue;
      first = MIN (first, day);
      last = MAX (last, day);
      n_dated++;
    }

  if (n_dated == 0)
    {
      g_string_append_printf (out, "<p class=\"meta\">%s</p>\n",
                              _("No statement could be placed in time."));
      return;
    }

  /* Half a day of margin either side, so the first and last days are not on the edges. */
  span = (last - first) + 1.0;
  step = MAX (1, (guint) ((span + 7) / 8));
  height = top + lane * lane_ids->len + 20;

  g_string_append_printf (out, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
                               "viewBox=\"0 0 %g %g\" width=\"%g\" height=\"%g\" role=\"img\" "
                               "aria-label=\"%s\">\n", width, height, width, height,
                          _("Statements over time, one lane per source"));
#define X_OF(d) (left + ((d) - first + 0.5) / span * (width - left - right))

  for (guint day = first; day <= last; day += step)
    {
      g_autofree char *label = rsh_export_day_label (day);

      g_string_append_printf (out, "<line x1=\"%.1f\" y1=\"%g\" x2=\"%.1f\" y2=\"%g\" "
                                   "stroke=\"#d5d9e0\"/><text x=\"%.1f\" y=\"%g\" font-size=\"12\" "
                                   "text-anchor=\"middle\" fill=\"#5f6b7a\">%s</text>\n",
                              X_OF (day), top - 10, X_OF (day), height - 14, X_OF (day),
                              top - 18, label);
    }

  for (guint l = 0; l < lane_ids->len; l++)
    {
      guint s = GPOINTER_TO_UINT (g_ptr_array_index (lane_ids, l));
      g_autofree char *name = rsh_export_clip (rsh_export_source_name (
                                                 rsh_export_get_source (self, s)), 26);
      double y = top + lane * l + lane / 2;

      if (l % 2 == 0)
        g_string_append_printf (out, "<rect x=\"0\" y=\"%g\" width=\"%g\" height=\"%g\" "
                                     "fill=\"#f6f7f9\"/>\n", y - lane / 2, width, lane);
      g_string_append_printf (out, "<text x=\"8\" y=\"%g\" font-size=\"13\" fill=\"#1d232b\" "
                                   "dominant-baseline=\"middle\">", y);
      text (out, name);
      g_string_append (out, "</text>\n");
    }

  for (guint i = 0; i < self->timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);
      guint day = rsh_export_event_day (event);
      gpointer lane_index;
      g_autofree char *key = NULL;
      guint count;
      double x, y;

      if (day == 0 || !g_hash_table_lookup_extended (lanes, event->source_id, NULL, &lane_index))
        continue;

      /* Statements of the same day in one lane sit side by side, not on top of each other. */
      key = g_strdup_printf ("%s/%u", event->source_id, day);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (stacked, key));
      g_hash_table_insert (stacked, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
      /* Never spread wider than a day, so a statement stays over its own date. */
      x = X_OF (day) + ((int) (count % 9) - 4) * MIN (7.0, (width - left - right) / span / 9);
      y = top + lane * GPOINTER_TO_UINT (lane_index) + lane / 2;

      g_string_append_printf (out, "<path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"#%06x\" "
                                   "stroke=\"#ffffff\" stroke-width=\"0.8\"><title>",
                              x, y - 6, rsh_export_stance_mark_rgb (event->stance));
      text (out, event->earliest);
      g_string_append (out, ": ");
      text (out, event->label);
      g_string_append (out, "</title></path>\n");
    }
#undef X_OF

  g_string_append (out, "</svg></figure>\n");

  g_string_append_printf (out, "<div class=\"scroll\"><table><thead><tr><th>%s</th><th>%s</th>"
                               "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                          _("When"), _("Source"), _("Stance"),
                          /* Translators: a column header: when what a statement talks
                           * about happened, apart from when it was made */
                          _("About"), _("Statement"));
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);
      g_autofree char *about = rsh_export_about_label (event);

      g_string_append (out, "<tr><td class=\"when\">");
      text (out, event->earliest != NULL ? event->earliest : _("undated"));
      g_string_append (out, "</td><td>");
      for (guint s = 0; s < rsh_export_n_sources (self); s++)
        if (g_strcmp0 (rsh_export_source_id (self, s), event->source_id) == 0)
          text (out, rsh_export_source_name (rsh_export_get_source (self, s)));
      g_string_append_printf (out, "</td><td class=\"%s\">", rsh_stance_to_string (event->stance));
      text (out, rsh_stance_to_string (event->stance));
      g_string_append (out, "</td><td class=\"about\" dir=\"auto\">");
      text (out, about);
      g_string_append (out, "</td><td dir=\"auto\">");
      text (out, event->label);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table></div>\n");
}

static void
append_sources (RshExport *self,
                GString   *out)
{
  g_string_append_printf (out, "<h2 id=\"sources\">%s</h2>\n<div class=\"scroll\"><table><thead>"
                               "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
                               "</thead><tbody>\n",
                          _("Sources"), _("ID"), _("Outlet"), _("Title"), _("Published"),
                          _("Address"));
  for (guint s = 0; s < rsh_export_n_sources (self); s++)
    {
      RshSource *source = rsh_export_get_source (self, s);
      const char *url = rsh_source_get_url (source);

      g_string_append (out, "<tr><td>");
      text (out, rsh_export_source_id (self, s));
      g_string_append (out, "</td><td>");
      text (out, rsh_source_get_outlet (source));
      g_string_append (out, "</td><td dir=\"auto\">");
      text (out, rsh_source_get_title (source));
      g_string_append (out, "</td><td>");
      text (out, rsh_source_get_published (source));
      g_string_append (out, "</td><td class=\"url\">");
      /* Only web addresses become links; anything else (javascript:, data:) stays text. */
      if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
        {
          g_string_append (out, "<a rel=\"noreferrer noopener\" href=\"");
          text (out, url);
          g_string_append (out, "\">");
          text (out, url);
          g_string_append (out, "</a>");
        }
      else
        text (out, url != NULL ? url : rsh_source_get_input (source));
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table></div>\n");
}

gboolean
rsh_export_write_html (RshExport      *self,
                       GOutputStream  *stream,
                       GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Rashomon " PACKAGE_VERSION "\">\n"
                        "<title>");
  text (out, self->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>",
                          page_css);
  text (out, self->title);
  g_string_append (out, "</h1><p class=\"meta\">");
  g_string_append_printf (out, _("%u sources · %u claims · %u statements · exported %s"),
                          rsh_export_n_sources (self), self->claims->len, self->mentions->len,
                          date);
  g_string_append (out, "</p><ul class=\"legend\">");
  for (guint st = 0; st <= RSH_STANCE_ABSENT; st++)
    g_string_append_printf (out, "<li class=\"%s\">%s</li>", rsh_stance_to_string (st),
                            rsh_stance_to_string (st));
  g_string_append (out, "</ul></header>\n<main>\n");

  if (!rsh_export_step (self, 0.1, error))
    return FALSE;
  append_matrix (self, out);
  if (!rsh_export_step (self, 0.4, error))
    return FALSE;
  append_timeline (self, out);
  if (!rsh_export_step (self, 0.6, error))
    return FALSE;
  append_quotes (self, out);
  if (!rsh_export_step (self, 0.9, error))
    return FALSE;
  append_sources (self, out);

  g_string_append_printf (out, "</main>\n<footer>%s</footer>\n</body>\n</html>\n",
                          _("Made with Rashomon. Quotes are reproduced as published; positions "
                            "are read automatically and can be wrong."));

  return rsh_export_write_all (stream, out->str, out->len, self->cancellable, error) &&
         rsh_export_step (self, 1.0, error);
}
