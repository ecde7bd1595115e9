/* rsh-export-pdf.c: the comparison as a printable PDF (cairo + pango)
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rsh-export-private.h"

/* Sizes in points: the PDF surface's unit. */
#define A4_SHORT      595.28
#define A4_LONG       841.89
#define MARGIN        36.0
#define FOOTER        18.0
#define CELL_PAD      4.0
#define SOURCE_WIDTH  74.0
#define CLAIM_WIDTH   230.0
#define LANE_HEIGHT   20.0
#define FONT_FAMILY   "Noto Sans, DejaVu Sans, Cantarell, Sans"

static FcConfig *fontconfig;

typedef struct
{
  /* borrowed */
  RshExport       *export;
  GOutputStream   *stream;

  /* owned */
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  PangoFontMap    *font_map;
  GError          *write_error;

  double           width;
  double           height;
  double           y;
  guint            page;
} Pdf;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Pdf *pdf = closure;

  if (pdf->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!rsh_export_write_all (pdf->stream, data, length, pdf->export->cancellable,
                             &pdf->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
new_layout (Pdf        *pdf,
            const char *text,
            double      size,
            gboolean    bold,
            gboolean    italic,
            double      width,
            int         max_lines)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* Right-to-left text starts at the right edge of its box. */
  pango_layout_set_auto_dir (layout, TRUE);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      rgb)
{
  set_rgb (pdf->cr, rgb);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static double
bottom (Pdf *pdf)
{
  return pdf->height - MARGIN - FOOTER;
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *label = g_strdup_printf (_("Page %u"), pdf->page);
  g_autoptr(PangoLayout) title = new_layout (pdf, pdf->export->title, 7, FALSE, FALSE,
                                             pdf->width - 2 * MARGIN - 80, 1);
  g_autoptr(PangoLayout) number = new_layout (pdf, label, 7, FALSE, FALSE, 0, 0);
  int number_width;

  pango_layout_get_size (number, &number_width, NULL);
  set_rgb (pdf->cr, 0xd5d9e0);
  cairo_rectangle (pdf->cr, MARGIN, pdf->height - MARGIN - 10, pdf->width - 2 * MARGIN, 0.5);
  cairo_fill (pdf->cr);
  show_layout (pdf, title, MARGIN, pdf->height - MARGIN - 6, 0x5f6b7a);
  show_layout (pdf, number, pdf->width - MARGIN - (double) number_width / PANGO_SCALE,
               pdf->height - MARGIN - 6, 0x5f6b7a);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  draw_footer (pdf);
}

static void
ensure_space (Pdf    *pdf,
              double  needed)
{
  if (pdf->y + needed > bottom (pdf) && pdf->y > MARGIN)
    new_page (pdf);
}

static void
draw_heading (Pdf        *pdf,
              const char *text,
              double      size)
{
  g_autoptr(PangoLayout) layout = new_layout (pdf, text, size, TRUE, FALSE,
                                              pdf->width - 2 * MARGIN, 0);
  double h = layout_height (layout);

  ensure_space (pdf, h + 60);
  show_layout (pdf, layout, MARGIN, pdf->y, 0x1d232b);
  pdf->y += h + 2;
  set_rgb (pdf->cr, 0x1d232b);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, pdf->width - 2 * MARGIN, 1.2);
  cairo_fill (pdf->cr);
  pdf->y += 8;
}

static void
draw_paragraph (Pdf        *pdf,
                const char *text,
                double      size,
                double      indent,
                gboolean    italic,
                guint32     rgb)
{
  g_autoptr(PangoLayout) layout = new_layout (pdf, text, size, FALSE, italic,
                                              pdf->width - 2 * MARGIN - indent, 0);
  PangoLayoutIter *iter;

  /* Long text flows across pages line by line. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      int line_top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = logical.y;
      ensure_space (pdf, (double) logical.height / PANGO_SCALE);
      set_rgb (pdf->cr, rgb);
      cairo_move_to (pdf->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE,
                     pdf->y + (double) (baseline - line_top) / PANGO_SCALE);
      pango_cairo_show_layout_line (pdf->cr, line);
      pdf->y += (double) logical.height / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_title_block (Pdf *pdf)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *meta = g_strdup_printf (_("%u sources · %u claims · %u statements · "
                                             "exported %s with Rashomon"),
                                           rsh_export_n_sources (pdf->export),
                                           pdf->export->claims->len,
                                           pdf->export->mentions->len, date);
  g_autoptr(PangoLayout) title = new_layout (pdf, pdf->export->title, 18, TRUE, FALSE,
                                             pdf->width - 2 * MARGIN, 0);
  double x = MARGIN;

  show_layout (pdf, title, MARGIN, pdf->y, 0x1d232b);
  pdf->y += layout_height (title) + 4;
  draw_paragraph (pdf, meta, 9, 0, FALSE, 0x5f6b7a);
  pdf->y += 6;

  for (guint st = 0; st <= RSH_STANCE_ABSENT; st++)
    {
      g_autoptr(PangoLayout) label = new_layout (pdf, rsh_stance_to_string (st), 8, FALSE,
                                                 FALSE, 0, 0);
      int w;

      pango_layout_get_size (label, &w, NULL);
      set_rgb (pdf->cr, rsh_export_stance_rgb (st));
      cairo_rectangle (pdf->cr, x, pdf->y, (double) w / PANGO_SCALE + 10, 14);
      cairo_fill (pdf->cr);
      show_layout (pdf, label, x + 5, pdf->y + 2, 0x1d232b);
      x += (double) w / PANGO_SCALE + 16;
    }
  pdf->y += 26;
}

static double
draw_matrix_header (Pdf   *pdf,
                    guint  first,
                    guint  n,
                    double claim_width)
{
  double x = MARGIN + claim_width;
  double h = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) claim = new_layout (pdf, _("Claim"), 8, TRUE, FALSE,
                                             claim_width - 2 * CELL_PAD, 0);

  for (guint s = first; s < first + n; s++)
    {
      RshSource *source = rsh_export_get_source (pdf->export, s);
      g_autofree char *date = rsh_export_source_date (source);
      g_autofree char *name = g_markup_escape_text (rsh_export_source_name (source), -1);
      g_autofree char *id = g_markup_escape_text (rsh_export_source_id (pdf->export, s), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>\n<span size=\"smaller\">%s%s%s</span>",
                                                 name, id, date ? " · " : "", date ? date : "");
      PangoLayout *layout = new_layout (pdf, NULL, 7.5, FALSE, FALSE,
                                        SOURCE_WIDTH - 2 * CELL_PAD, 0);

      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_height (layout, -4);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      h = MAX (h, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  h = MAX (h, layout_height (claim)) + 2 * CELL_PAD;

  set_rgb (pdf->cr, 0xe4e7ec);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, claim_width + n * SOURCE_WIDTH, h);
  cairo_fill (pdf->cr);
  show_layout (pdf, claim, MARGIN + CELL_PAD, pdf->y + CELL_PAD, 0x1d232b);
  for (guint i = 0; i < layouts->len; i++)
    {
      show_layout (pdf, g_ptr_array_index (layouts, i), x + CELL_PAD, pdf->y + CELL_PAD,
                   0x1d232b);
      x += SOURCE_WIDTH;
    }
  set_rgb (pdf->cr, 0x1d232b);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y + h - 0.8, claim_width + n * SOURCE_WIDTH, 0.8);
  cairo_fill (pdf->cr);

  pdf->y += h;
  return h;
}

/* The matrix in blocks of as many source columns as the page holds; each block runs over
 * as many pages as its claims need, the header row repeated on each. */
static gboolean
draw_matrix (Pdf     *pdf,
             GError **error)
{
  RshExport *export = pdf->export;
  guint n_sources = rsh_export_n_sources (export);
  double usable = pdf->width - 2 * MARGIN;
  double claim_width = MIN (CLAIM_WIDTH, usable - SOURCE_WIDTH);
  guint per_page = MAX (1, (guint) ((usable - claim_width) / SOURCE_WIDTH));
  guint n_blocks = n_sources == 0 ? 0 : (n_sources + per_page - 1) / per_page;

  /* Few sources: a wider claim column reads better than empty space. */
  if (n_sources < per_page)
    claim_width = MIN (usable - n_sources * SOURCE_WIDTH, 380);

  for (guint b = 0; b < n_blocks; b++)
    {
      guint first = b * per_page;
      guint n = MIN (per_page, n_sources - first);
      g_autofree char *heading = n_blocks > 1
        ? g_strdup_printf (_("Who says what (sources %u–%u of %u)"), first + 1, first + n,
                           n_sources)
        : g_strdup (_("Who says what"));

      if (b > 0)
        new_page (pdf);
      draw_heading (pdf, heading, 13);
      draw_matrix_header (pdf, first, n, claim_width);

      for (guint c = 0; c < export->claims->len; c++)
        {
          RshClaim *claim = g_ptr_array_index (export->claims, c);
          g_autoptr(PangoLayout) text = new_layout (pdf, rsh_claim_get_text (claim), 8, FALSE,
                                                    FALSE, claim_width - 2 * CELL_PAD, 6);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(GArray) stances = g_array_new (FALSE, FALSE, sizeof (RshStance));
          double h = layout_height (text);
          double x = MARGIN + claim_width;

          if (!rsh_export_step (export, 0.7 * (b * export->claims->len + c) /
                                        (n_blocks * export->claims->len), error))
            return FALSE;

          for (guint s = first; s < first + n; s++)
            {
              const char *source_id = rsh_export_source_id (export, s);
              gboolean hedged = FALSE;
              RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);
              g_autofree char *label = hedged ? g_strdup_printf ("%s\n(%s)",
                                                                 rsh_stance_to_string (stance),
                                                                 _("hedged"))
                                              : g_strdup (rsh_stance_to_string (stance));
              PangoLayout *cell = new_layout (pdf, label, 7.5, FALSE, hedged,
                                              SOURCE_WIDTH - 2 * CELL_PAD, 0);

              pango_layout_set_alignment (cell, PANGO_ALIGN_CENTER);
              h = MAX (h, layout_height (cell));
              g_ptr_array_add (cells, cell);
              g_array_append_val (stances, stance);
            }
          h += 2 * CELL_PAD;

          if (pdf->y + h > bottom (pdf))
            {
              new_page (pdf);
              draw_matrix_header (pdf, first, n, claim_width);
            }

          if (c % 2 == 1)
            {
              set_rgb (pdf->cr, 0xf7f8fa);
              cairo_rectangle (pdf->cr, MARGIN, pdf->y, claim_width, h);
              cairo_fill (pdf->cr);
            }
          show_layout (pdf, text, MARGIN + CELL_PAD, pdf->y + CELL_PAD, 0x1d232b);

          for (guint i = 0; i < cells->len; i++)
            {
              RshStance stance = g_array_index (stances, RshStance, i);

              set_rgb (pdf->cr, rsh_export_stance_rgb (stance));
              cairo_rectangle (pdf->cr, x + 0.5, pdf->y + 0.5, SOURCE_WIDTH - 1, h - 1);
              cairo_fill (pdf->cr);
              show_layout (pdf, g_ptr_array_index (cells, i), x + CELL_PAD, pdf->y + CELL_PAD,
                           stance == RSH_STANCE_ABSENT ? 0x8a8f98 : 0x1d232b);
              x += SOURCE_WIDTH;
            }

          set_rgb (pdf->cr, 0xd5d9e0);
          cairo_rectangle (pdf->cr, MARGIN, pdf->y + h - 0.3, claim_width + n * SOURCE_WIDTH, 0.3);
          cairo_fill (pdf->cr);
          pdf->y += h;
        }
    }

  return TRUE;
}

/* Lanes per source with dated statements, a diamond per statement at its day. */
static void
draw_timeline (Pdf *pdf)
{
  RshExport *export = pdf->export;
  const double label_width = 130;
  double plot_left = MARGIN + label_width;
  double plot_width = pdf->width - MARGIN - plot_left - 10;
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(GHashTable) stacked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint first = G_MAXUINT, last = 0;
  guint step;
  double span;

  new_page (pdf);
  draw_heading (pdf, _("Timeline"), 13);

  for (guint i = 0; i < export->timeline->len; i++)
    {
      guint day = rsh_export_event_day (g_ptr_array_index (export->timeline, i));

      if (day == 0)
        continue;
      first = MIN (first, day);
      last = MAX (last, day);
    }
  if (first == G_MAXUINT)
    {
      draw_paragraph (pdf, _("No statement could be placed in time."), 9, 0, FALSE, 0x5f6b7a);
      return;
    }
  for (guint s = 0; s < rsh_export_n_sources (export); s++)
    for (guint i = 0; i < export->timeline->len; i++)
      {
        const RshTimelineEvent *event = g_ptr_array_index (export->timeline, i);

        if (rsh_export_event_day (event) != 0 &&
            g_strcmp0 (event->source_id, rsh_export_source_id (export, s)) == 0)
          {
            g_ptr_array_add (lanes, GUINT_TO_POINTER (s));
            break;
          }
      }

  span = (last - first) + 1.0;
  step = MAX (1, (guint) ((span + 7) / 8));

  for (guint l = 0; l < lanes->len; l++)
    {
      guint s = GPOINTER_TO_UINT (g_ptr_array_index (lanes, l));
      const char *source_id = rsh_export_source_id (export, s);
      g_autoptr(PangoLayout) name = new_layout (pdf, rsh_export_source_name (
                                                  rsh_export_get_source (export, s)), 8, FALSE,
                                                FALSE, label_width - 8, 1);
      double y;

      /* The date axis on top of every page the lanes run over. */
      if (l == 0 || pdf->y + LANE_HEIGHT > bottom (pdf))
        {
          if (l > 0)
            new_page (pdf);
          for (guint day = first; day <= last; day += step)
            {
              g_autofree char *label = rsh_export_day_label (day);
              g_autoptr(PangoLayout) tick = new_layout (pdf, label, 7, FALSE, FALSE, 0, 0);
              double x = plot_left + (day - first + 0.5) / span * plot_width;
              int w;

              pango_layout_get_size (tick, &w, NULL);
              show_layout (pdf, tick, x - (double) w / PANGO_SCALE / 2, pdf->y, 0x5f6b7a);
            }
          pdf->y += 14;
        }

      y = pdf->y;
      if (l % 2 == 0)
        {
          set_rgb (pdf->cr, 0xf3f4f7);
          cairo_rectangle (pdf->cr, MARGIN, y, pdf->width - 2 * MARGIN, LANE_HEIGHT);
          cairo_fill (pdf->cr);
        }
      for (guint day = first; day <= last; day += step)
        {
          double x = plot_left + (day - first + 0.5) / span * plot_width;

          set_rgb (pdf->cr, 0xd5d9e0);
          cairo_rectangle (pdf->cr, x - 0.25, y, 0.5, LANE_HEIGHT);
          cairo_fill (pdf->cr);
        }
      show_layout (pdf, name, MARGIN + 4, y + 4, 0x1d232b);

      for (guint i = 0; i < export->timeline->len; i++)
        {
          const RshTimelineEvent *event = g_ptr_array_index (export->timeline, i);
          guint day = rsh_export_event_day (event);
          g_autofree char *key = NULL;
          guint count;
          double x;

          if (day == 0 || g_strcmp0 (event->source_id, source_id) != 0)
            continue;
          key = g_strdup_printf ("%s/%u", source_id, day);
          count = GPOINTER_TO_UINT (g_hash_table_lookup (stacked, key));
          g_hash_table_insert (stacked, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
          x = plot_left + (day - first + 0.5) / span * plot_width +
              ((int) (count % 9) - 4) * MIN (6.0, plot_width / span / 9);

          cairo_move_to (pdf->cr, x, y + LANE_HEIGHT / 2 - 5);
          cairo_rel_line_to (pdf->cr, 5, 5);
          cairo_rel_line_to (pdf->cr, -5, 5);
          cairo_rel_line_to (pdf->cr, -5, -5);
          cairo_close_path (pdf->cr);
          set_rgb (pdf->cr, rsh_export_stance_mark_rgb (event->stance));
          cairo_fill_preserve (pdf->cr);
          set_rgb (pdf->cr, 0xffffff);
          cairo_set_line_width (pdf->cr, 0.6);
          cairo_stroke (pdf->cr);
        }
      pdf->y += LANE_HEIGHT;
    }
  pdf->y += 12;

  /* The events as a table: what the diamonds stand for. The statement's column takes
   * what the others leave. */
  {
    const double columns[] = { 62, 96, 52, 104 };
    double statement_width = pdf->width - 2 * MARGIN;
    const char *titles[] = { _("When"), _("Source"), _("Stance"),
                             /* Translators: a column header: when what a statement talks
                              * about happened, apart from when it was made */
                             _("About"), _("Statement") };
    double x = MARGIN;

    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      statement_width -= columns[c];

    ensure_space (pdf, 24);
    for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
      {
        double width = c < G_N_ELEMENTS (columns) ? columns[c] : statement_width;
        g_autoptr(PangoLayout) title = new_layout (pdf, titles[c], 7.5, TRUE, FALSE, width - 6, 1);

        show_layout (pdf, title, x, pdf->y, 0x1d232b);
        x += width;
      }
    pdf->y += 12;

    for (guint i = 0; i < export->timeline->len; i++)
      {
        const RshTimelineEvent *event = g_ptr_array_index (export->timeline, i);
        g_autofree char *about = rsh_export_about_label (event);
        const char *outlet = event->source_id;
        const char *cells[G_N_ELEMENTS (columns)];
        g_autoptr(PangoLayout) label = NULL;
        g_autoptr(PangoLayout) about_layout = NULL;
        double h;

        for (guint s = 0; s < rsh_export_n_sources (export); s++)
          if (g_strcmp0 (rsh_export_source_id (export, s), event->source_id) == 0)
            outlet = rsh_export_source_name (rsh_export_get_source (export, s));
        cells[0] = event->earliest != NULL ? event->earliest : _("undated");
        cells[1] = outlet;
        cells[2] = rsh_stance_to_string (event->stance);
        cells[3] = about != NULL ? about : "";

        label = new_layout (pdf, event->label, 7.5, FALSE, FALSE, statement_width, 3);
        about_layout = new_layout (pdf, cells[3], 7.5, FALSE, FALSE, columns[3] - 6, 3);
        h = MAX (layout_height (label), layout_height (about_layout)) + 3;
        ensure_space (pdf, h);
        x = MARGIN;
        for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
          {
            g_autoptr(PangoLayout) cell = c == 3 ? g_object_ref (about_layout)
                                                 : new_layout (pdf, cells[c], 7.5, c == 2, FALSE,
                                                               columns[c] - 6, 1);

            show_layout (pdf, cell, x, pdf->y, c == 2 ? rsh_export_stance_mark_rgb (event->stance)
                                                      : 0x5f6b7a);
            x += columns[c];
          }
        show_layout (pdf, label, x, pdf->y, 0x1d232b);
        pdf->y += h;
      }
  }
}

static gboolean
draw_quotes (Pdf     *pdf,
             GError **error)
{
  RshExport *export = pdf->export;

  new_page (pdf);
  draw_heading (pdf, _("The statements"), 13);

  for (guint c = 0; c < export->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (export->claims, c);
      GListModel *mentions = rsh_claim_get_mentions (claim);
      g_autoptr(PangoLayout) heading = new_layout (pdf, rsh_claim_get_text (claim), 9.5, TRUE,
                                                   FALSE, pdf->width - 2 * MARGIN, 0);

      if (!rsh_export_step (export, 0.7 + 0.2 * c / export->claims->len, error))
        return FALSE;

      ensure_space (pdf, layout_height (heading) + 30);
      show_layout (pdf, heading, MARGIN, pdf->y, 0x1d232b);
      pdf->y += layout_height (heading) + 3;

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);
          const char *actor = rsh_export_actor_name (export, rsh_mention_get_actor_id (mention));
          const char *source_id = rsh_mention_get_source_id (mention);
          const char *outlet = source_id;
          g_autofree char *who = NULL;
          g_autofree char *quote = g_strdup_printf ("“%s”", rsh_mention_get_quote (mention));
          double top;

          for (guint s = 0; s < rsh_export_n_sources (export); s++)
            if (g_strcmp0 (rsh_export_source_id (export, s), source_id) == 0)
              outlet = rsh_export_source_name (rsh_export_get_source (export, s));
          who = g_strdup_printf ("%s%s · %s%s%s%s — %s", rsh_stance_to_string (
                                   rsh_mention_get_stance (mention)),
                                 rsh_mention_get_hedged (mention) ? _(" (hedged)") : "",
                                 actor != NULL ? actor : _("the outlet"),
                                 rsh_mention_get_cue (mention) ? " (" : "",
                                 rsh_mention_get_cue (mention) ? rsh_mention_get_cue (mention) : "",
                                 rsh_mention_get_cue (mention) ? ")" : "", outlet);

          ensure_space (pdf, 30);
          top = pdf->y;
          draw_paragraph (pdf, who, 7.5, 12, FALSE, 0x5f6b7a);
          draw_paragraph (pdf, quote, 8.5, 12, FALSE, 0x1d232b);
          if (pdf->y > top)
            {
              set_rgb (pdf->cr, rsh_export_stance_mark_rgb (rsh_mention_get_stance (mention)));
              cairo_rectangle (pdf->cr, MARGIN + 2, top, 3, pdf->y - top);
              cairo_fill (pdf->cr);
            }
          pdf->y += 5;
        }
      pdf->y += 6;
    }

  return TRUE;
}

/* A link around @url when it is a web address; cairo's attribute syntax quotes with '. */
static void
begin_link (Pdf        *pdf,
            const char *url)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = url; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, attributes->str);
  g_string_free (attributes, TRUE);
}

static void
draw_sources (Pdf *pdf)
{
  RshExport *export = pdf->export;

  new_page (pdf);
  draw_heading (pdf, _("Sources"), 13);

  for (guint s = 0; s < rsh_export_n_sources (export); s++)
    {
      RshSource *source = rsh_export_get_source (export, s);
      g_autofree char *date = rsh_export_source_date (source);
      const char *url = rsh_source_get_url (source);
      g_autofree char *line = g_strdup_printf ("%s  %s%s%s", rsh_export_source_id (export, s),
                                               rsh_export_source_name (source),
                                               date ? " · " : "", date ? date : "");
      gboolean web = url != NULL && (g_str_has_prefix (url, "https://") ||
                                     g_str_has_prefix (url, "http://"));

      ensure_space (pdf, 36);
      draw_paragraph (pdf, line, 9, 0, FALSE, 0x1d232b);
      if (rsh_source_get_title (source) != NULL &&
          g_strcmp0 (rsh_source_get_title (source), rsh_export_source_name (source)) != 0)
        draw_paragraph (pdf, rsh_source_get_title (source), 8.5, 14, TRUE, 0x1d232b);
      if (web)
        begin_link (pdf, url);
      draw_paragraph (pdf, url != NULL ? url : rsh_source_get_input (source), 8, 14, FALSE,
                      web ? 0x1a5fb4 : 0x5f6b7a);
      if (web)
        cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
      pdf->y += 5;
    }
}

gboolean
rsh_export_write_pdf (RshExport      *self,
                      GOutputStream  *stream,
                      GError        **error)
{
  Pdf pdf = { .export = self, .stream = stream };
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_status_t status;
  gboolean ok;
  /* Portrait holds a claim column and four sources; more turn the page sideways. */
  gboolean landscape = rsh_export_n_sources (self) > 4;

  pdf.width = landscape ? A4_LONG : A4_SHORT;
  pdf.height = landscape ? A4_SHORT : A4_LONG;
  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, &pdf, pdf.width, pdf.height);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Rashomon " PACKAGE_VERSION);
  pdf.cr = cairo_create (pdf.surface);

  /* A font map of our own, as exports may run in several threads at once. Pango drops the
   * fontconfig configuration with the last font map; keeping one reference for the process
   * spares re-reading it on every export. */
  if (g_once_init_enter (&fontconfig))
    g_once_init_leave (&fontconfig, FcConfigReference (NULL));
  pdf.font_map = pango_cairo_font_map_new ();
  pdf.context = pango_font_map_create_context (pdf.font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (pdf.context, 72);
  pango_cairo_update_context (pdf.cr, pdf.context);

  new_page (&pdf);
  draw_title_block (&pdf);
  ok = draw_matrix (&pdf, error);
  if (ok)
    {
      draw_timeline (&pdf);
      ok = draw_quotes (&pdf, error);
    }
  if (ok)
    draw_sources (&pdf);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  g_object_unref (pdf.context);
  g_object_unref (pdf.font_map);

  if (!ok)
    {
      g_clear_error (&pdf.write_error);
      return FALSE;
    }
  if (pdf.write_error != NULL)
    {
      g_propagate_error (error, pdf.write_error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return rsh_export_step (self, 1.0, error);
}
