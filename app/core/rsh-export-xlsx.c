/* rsh-export-xlsx.c: the comparison as an Excel workbook (libxlsxwriter)
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "rsh-export-private.h"

/* Every cell goes through here: text is written as a string, never as a formula, so a
 * quote such as =HYPERLINK(…) stays the text it was on the page. */
typedef struct
{
  lxw_worksheet *sheet;
  lxw_error      status;
} Sheet;

/* A translated sheet name Excel refuses (over 31 characters, or with []:*?/\). */
static gboolean
sheet_refused (GError **error)
{
  g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
               _("Could not name a sheet of the spreadsheet; check the translation"));
  return FALSE;
}

static void
put_text (Sheet       *sheet,
          lxw_row_t    row,
          lxw_col_t    col,
          const char  *text,
          lxw_format  *format)
{
  g_autofree char *clipped = rsh_export_clip (text, RSH_EXPORT_MAX_CELL_CHARS);
  lxw_error status;

  if (clipped[0] == '\0')
    status = worksheet_write_blank (sheet->sheet, row, col, format);
  else
    status = worksheet_write_string (sheet->sheet, row, col, clipped, format);
  if (sheet->status == LXW_NO_ERROR)
    sheet->status = status;
}

static void
put_number (Sheet       *sheet,
            lxw_row_t    row,
            lxw_col_t    col,
            double       number,
            lxw_format  *format)
{
  lxw_error status = worksheet_write_number (sheet->sheet, row, col, number, format);

  if (sheet->status == LXW_NO_ERROR)
    sheet->status = status;
}

static void
put_header (Sheet              *sheet,
            const char * const *titles,
            const double       *widths,
            guint               n,
            lxw_format         *format)
{
  for (guint i = 0; i < n; i++)
    {
      put_text (sheet, 0, i, titles[i], format);
      worksheet_set_column (sheet->sheet, i, i, widths[i], NULL);
    }
  worksheet_freeze_panes (sheet->sheet, 1, 0);
}

static lxw_format *
new_format (lxw_workbook *workbook,
            gboolean      wrap)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (wrap)
    format_set_text_wrap (format);
  return format;
}

static char *
source_heading (RshExport *self,
                guint      s)
{
  RshSource *source = rsh_export_get_source (self, s);
  g_autofree char *date = rsh_export_source_date (source);
  GString *heading = g_string_new (rsh_export_source_name (source));

  g_string_append_printf (heading, " (%s)", rsh_export_source_id (self, s));
  if (rsh_source_get_title (source) != NULL &&
      g_strcmp0 (rsh_source_get_title (source), rsh_export_source_name (source)) != 0)
    g_string_append_printf (heading, "\n%s", rsh_source_get_title (source));
  if (date != NULL)
    g_string_append_printf (heading, "\n%s", date);
  return g_string_free (heading, FALSE);
}

static char *
comment_text (RshExport  *self,
              RshMention *mention)
{
  const char *actor = rsh_export_actor_name (self, rsh_mention_get_actor_id (mention));
  const char *cue = rsh_mention_get_cue (mention);
  g_autofree char *quote = rsh_export_clip (rsh_mention_get_quote (mention),
                                            RSH_EXPORT_MAX_CELL_CHARS);

  return g_strdup_printf ("“%s”\n— %s%s%s", quote, actor != NULL ? actor : _("the outlet"),
                          cue != NULL ? ", " : "", cue != NULL ? cue : "");
}

static gboolean
write_comparison (RshExport     *self,
                  lxw_workbook  *workbook,
                  lxw_format    *header,
                  lxw_format    *wrap,
                  GError       **error)
{
  Sheet sheet = { workbook_add_worksheet (workbook, _("Comparison")), LXW_NO_ERROR };
  guint n_sources = rsh_export_n_sources (self);
  lxw_format *cells[RSH_STANCE_ABSENT + 1][2];

  if (sheet.sheet == NULL)
    return sheet_refused (error);

  for (guint st = 0; st <= RSH_STANCE_ABSENT; st++)
    for (guint hedged = 0; hedged < 2; hedged++)
      {
        lxw_format *format = new_format (workbook, TRUE);

        format_set_pattern (format, LXW_PATTERN_SOLID);
        format_set_bg_color (format, rsh_export_stance_rgb (st));
        format_set_align (format, LXW_ALIGN_CENTER);
        format_set_border (format, LXW_BORDER_HAIR);
        format_set_border_color (format, 0xbfbfbf);
        if (hedged)
          format_set_italic (format);
        if (st == RSH_STANCE_ABSENT)
          format_set_font_color (format, 0x808080);
        cells[st][hedged] = format;
      }

  worksheet_set_column (sheet.sheet, 0, 0, 60, NULL);
  if (n_sources > 0)
    worksheet_set_column (sheet.sheet, 1, n_sources, 22, NULL);
  worksheet_set_row (sheet.sheet, 0, 62, NULL);
  worksheet_set_landscape (sheet.sheet);
  worksheet_repeat_rows (sheet.sheet, 0, 0);
  worksheet_repeat_columns (sheet.sheet, 0, 0);

  put_text (&sheet, 0, 0, _("Claim"), header);
  for (guint s = 0; s < n_sources; s++)
    {
      g_autofree char *heading = source_heading (self, s);

      put_text (&sheet, 0, s + 1, heading, header);
    }

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);

      if (!rsh_export_step (self, 0.6 * c / self->claims->len, error))
        return FALSE;

      put_text (&sheet, c + 1, 0, rsh_claim_get_text (claim), wrap);
      for (guint s = 0; s < n_sources; s++)
        {
          const char *source_id = rsh_export_source_id (self, s);
          gboolean hedged = FALSE;
          RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);
          g_autofree char *text = rsh_export_position_text (claim, source_id, NULL);
          RshMention *mention;

          put_text (&sheet, c + 1, s + 1, text, cells[MIN (stance, RSH_STANCE_ABSENT)][hedged]);

          mention = rsh_export_find_mention (claim, source_id);
          if (mention != NULL)
            {
              g_autofree char *comment = comment_text (self, mention);
              lxw_comment_options options = { .width = 360, .height = 140, .author = NULL };
              lxw_error status = worksheet_write_comment_opt (sheet.sheet, c + 1, s + 1,
                                                              comment, &options);

              if (sheet.status == LXW_NO_ERROR)
                sheet.status = status;
            }
        }
    }

  worksheet_freeze_panes (sheet.sheet, 1, 1);
  worksheet_autofilter (sheet.sheet, 0, 0, self->claims->len, n_sources);

  if (sheet.status != LXW_NO_ERROR)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("Could not write the spreadsheet: %s"),
                   lxw_strerror (sheet.status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_mentions (RshExport     *self,
                lxw_workbook  *workbook,
                lxw_format    *header,
                lxw_format    *wrap,
                lxw_format    *top,
                GError       **error)
{
  Sheet sheet = { workbook_add_worksheet (workbook, _("Mentions")), LXW_NO_ERROR };
  const char * const titles[] = { _("Claim"), _("Source"), _("Outlet"), _("Actor"), _("Cue"),
                                  _("Stance"), _("Hedged"), _("Time"), _("Quote"),
                                  _("Start"), _("End"), _("Claim ID") };
  const double widths[] = { 40, 8, 20, 24, 14, 10, 8, 12, 70, 8, 8, 9 };
  guint n = self->mentions->len;

  if (sheet.sheet == NULL)
    return sheet_refused (error);

  put_header (&sheet, titles, widths, G_N_ELEMENTS (titles), header);

  for (guint m = 0; m < n; m++)
    {
      RshMention *mention = g_ptr_array_index (self->mentions, m);
      RshClaim *claim = g_ptr_array_index (self->mention_claims, m);
      const char *source_id = rsh_mention_get_source_id (mention);
      g_autofree char *time = rsh_export_mention_time (self, claim, mention);
      const char *outlet = NULL;

      if (!rsh_export_step (self, 0.6 + 0.25 * m / n, error))
        return FALSE;

      for (guint s = 0; s < rsh_export_n_sources (self); s++)
        if (g_strcmp0 (rsh_export_source_id (self, s), source_id) == 0)
          outlet = rsh_export_source_name (rsh_export_get_source (self, s));

      put_text (&sheet, m + 1, 0, rsh_claim_get_text (claim), wrap);
      put_text (&sheet, m + 1, 1, source_id, top);
      put_text (&sheet, m + 1, 2, outlet, top);
      put_text (&sheet, m + 1, 3, rsh_export_actor_name (self, rsh_mention_get_actor_id (mention)),
                top);
      put_text (&sheet, m + 1, 4, rsh_mention_get_cue (mention), top);
      put_text (&sheet, m + 1, 5, rsh_stance_to_string (rsh_mention_get_stance (mention)), top);
      put_text (&sheet, m + 1, 6, rsh_mention_get_hedged (mention) ? _("yes") : _("no"), top);
      put_text (&sheet, m + 1, 7, time, top);
      put_text (&sheet, m + 1, 8, rsh_mention_get_quote (mention), wrap);
      put_number (&sheet, m + 1, 9, rsh_mention_get_start (mention), top);
      put_number (&sheet, m + 1, 10, rsh_mention_get_end (mention), top);
      put_text (&sheet, m + 1, 11, rsh_claim_get_id (claim), top);
    }

  worksheet_autofilter (sheet.sheet, 0, 0, n, G_N_ELEMENTS (titles) - 1);

  if (sheet.status != LXW_NO_ERROR)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("Could not write the spreadsheet: %s"),
                   lxw_strerror (sheet.status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_sources (RshExport     *self,
               lxw_workbook  *workbook,
               lxw_format    *header,
               lxw_format    *wrap,
               lxw_format    *top,
               GError       **error)
{
  Sheet sheet = { workbook_add_worksheet (workbook, _("Sources")), LXW_NO_ERROR };
  const char * const titles[] = { _("ID"), _("Outlet"), _("Title"), _("Authors"),
                                  _("Published"), _("Language"), _("URL"), _("Input"),
                                  _("Duplicate of") };
  const double widths[] = { 6, 22, 50, 24, 24, 10, 50, 30, 12 };
  guint n = rsh_export_n_sources (self);

  if (sheet.sheet == NULL)
    return sheet_refused (error);

  put_header (&sheet, titles, widths, G_N_ELEMENTS (titles), header);

  for (guint s = 0; s < n; s++)
    {
      RshSource *source = rsh_export_get_source (self, s);
      g_autofree char *authors = NULL;

      if (rsh_source_get_authors (source) != NULL)
        authors = g_strjoinv (", ", (char **) rsh_source_get_authors (source));

      put_text (&sheet, s + 1, 0, rsh_export_source_id (self, s), top);
      put_text (&sheet, s + 1, 1, rsh_source_get_outlet (source), top);
      put_text (&sheet, s + 1, 2, rsh_source_get_title (source), wrap);
      put_text (&sheet, s + 1, 3, authors, wrap);
      put_text (&sheet, s + 1, 4, rsh_source_get_published (source), top);
      put_text (&sheet, s + 1, 5, rsh_source_get_language (source), top);
      /* A plain string, not a hyperlink: the address is untrusted and shown for reading. */
      put_text (&sheet, s + 1, 6, rsh_source_get_url (source), wrap);
      put_text (&sheet, s + 1, 7, rsh_source_get_input (source), wrap);
      put_text (&sheet, s + 1, 8, rsh_comparison_get_duplicate_of (self->comparison, s), top);
    }

  worksheet_autofilter (sheet.sheet, 0, 0, n, G_N_ELEMENTS (titles) - 1);

  if (sheet.status != LXW_NO_ERROR)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("Could not write the spreadsheet: %s"),
                   lxw_strerror (sheet.status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_timeline (RshExport     *self,
                lxw_workbook  *workbook,
                lxw_format    *header,
                lxw_format    *wrap,
                lxw_format    *top,
                GError       **error)
{
  Sheet sheet = { workbook_add_worksheet (workbook, _("Timeline")), LXW_NO_ERROR };
  const char * const titles[] = { _("Earliest"), _("Latest"), _("About"), _("Source"),
                                  _("Actor"), _("Stance"), _("Claim ID"), _("Statement") };
  const double widths[] = { 12, 12, 28, 8, 26, 10, 9, 80 };
  guint n = self->timeline->len;

  if (sheet.sheet == NULL)
    return sheet_refused (error);

  put_header (&sheet, titles, widths, G_N_ELEMENTS (titles), header);

  for (guint i = 0; i < n; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);
      g_autofree char *about = rsh_export_about_label (event);

      put_text (&sheet, i + 1, 0, event->earliest, top);
      put_text (&sheet, i + 1, 1, event->latest, top);
      put_text (&sheet, i + 1, 2, about, wrap);
      put_text (&sheet, i + 1, 3, event->source_id, top);
      put_text (&sheet, i + 1, 4, rsh_export_actor_name (self, event->actor_id), top);
      put_text (&sheet, i + 1, 5, rsh_stance_to_string (event->stance), top);
      put_text (&sheet, i + 1, 6, event->claim_id, top);
      put_text (&sheet, i + 1, 7, event->label, wrap);
    }

  worksheet_autofilter (sheet.sheet, 0, 0, n, G_N_ELEMENTS (titles) - 1);

  if (sheet.status != LXW_NO_ERROR)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("Could not write the spreadsheet: %s"),
                   lxw_strerror (sheet.status));
      return FALSE;
    }
  return TRUE;
}

/* libxlsxwriter 1.1 writes only to a named file: the workbook goes to a private temporary
 * file, then to @stream. */
gboolean
rsh_export_write_xlsx (RshExport      *self,
                       GOutputStream  *stream,
                       GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_doc_properties properties = { .title = self->title, .comments = "Rashomon " PACKAGE_VERSION };
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *wrap;
  lxw_format *top;
  lxw_error status;
  gboolean ok;
  gsize size;
  int fd;

  fd = g_file_open_tmp ("rashomon-export-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the spreadsheet in the temporary folder"));
      g_unlink (path);
      return FALSE;
    }
  workbook_set_properties (workbook, &properties);

  header = new_format (workbook, TRUE);
  format_set_bold (header);
  format_set_pattern (header, LXW_PATTERN_SOLID);
  format_set_bg_color (header, 0xe4e7ec);
  format_set_bottom (header, LXW_BORDER_THIN);
  wrap = new_format (workbook, TRUE);
  top = new_format (workbook, FALSE);

  ok = write_comparison (self, workbook, header, wrap, error) &&
       write_mentions (self, workbook, header, wrap, top, error) &&
       write_sources (self, workbook, header, wrap, top, error) &&
       write_timeline (self, workbook, header, wrap, top, error);

  /* Closing writes the file; it also frees the workbook when something failed before. */
  status = workbook_close (workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the spreadsheet: %s"),
                   lxw_strerror (status));
      ok = FALSE;
    }

  ok = ok && rsh_export_step (self, 0.95, error) &&
       g_file_get_contents (path, &data, &size, error) &&
       rsh_export_write_all (stream, data, size, self->cancellable, error) &&
       rsh_export_step (self, 1.0, error);
  g_unlink (path);

  return ok;
}
