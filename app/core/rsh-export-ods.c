/* rsh-export-ods.c: the comparison as an OpenDocument spreadsheet, and the zip it lives in
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <zlib.h>

#include "rsh-export-private.h"

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

#define ODS_NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\"" \
  " office:version=\"1.2\""

/* A minimal zip writer (PKWARE APPNOTE 6.3): stored or raw-deflated entries, UTF-8 names,
 * no zip64. ODF needs "mimetype" first and stored, which general archivers don't promise. */

typedef struct
{
  char    *name;
  guint32  crc;
  guint32  compressed;
  guint32  size;
  guint32  offset;
  guint16  method;
} ZipEntry;

typedef struct
{
  GByteArray *bytes;
  GArray     *entries;  /* (element-type ZipEntry) */
  guint16     dos_time;
  guint16     dos_date;
} Zip;

static void
zip_entry_clear (gpointer data)
{
  ZipEntry *entry = data;

  g_free (entry->name);
}

static void
put16 (GByteArray *bytes,
       guint16     value)
{
  guint8 b[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (bytes, b, 2);
}

static void
put32 (GByteArray *bytes,
       guint32     value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (bytes, b, 4);
}

static void
zip_init (Zip *zip)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  zip->bytes = g_byte_array_new ();
  zip->entries = g_array_new (FALSE, TRUE, sizeof (ZipEntry));
  g_array_set_clear_func (zip->entries, zip_entry_clear);
  zip->dos_time = (g_date_time_get_hour (now) << 11) | (g_date_time_get_minute (now) << 5) |
                  (g_date_time_get_second (now) / 2);
  zip->dos_date = ((g_date_time_get_year (now) - 1980) << 9) |
                  (g_date_time_get_month (now) << 5) | g_date_time_get_day_of_month (now);
}

static void
zip_clear (Zip *zip)
{
  g_clear_pointer (&zip->bytes, g_byte_array_unref);
  g_clear_pointer (&zip->entries, g_array_unref);
}

static gboolean
zip_add (Zip         *zip,
         const char  *name,
         const void  *data,
         gsize        size,
         gboolean     compress,
         GError     **error)
{
  ZipEntry entry = { 0, };
  g_autofree guint8 *packed = NULL;
  const void *payload = data;
  gsize payload_size = size;

  if (size > G_MAXUINT32 / 2 || zip->bytes->len > G_MAXUINT32 / 2)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                   _("The spreadsheet is too large to be written"));
      return FALSE;
    }

  entry.name = g_strdup (name);
  entry.crc = crc32 (crc32 (0, Z_NULL, 0), data, size);
  entry.size = size;
  entry.method = 0;

  if (compress)
    {
      z_stream z = { 0, };
      uLong bound;

      if (deflateInit2 (&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                        Z_DEFAULT_STRATEGY) != Z_OK)
        {
          g_free (entry.name);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not compress the file"));
          return FALSE;
        }
      bound = deflateBound (&z, size);
      packed = g_malloc (bound);
      z.next_in = (Bytef *) data;
      z.avail_in = size;
      z.next_out = packed;
      z.avail_out = bound;
      if (deflate (&z, Z_FINISH) != Z_STREAM_END)
        {
          deflateEnd (&z);
          g_free (entry.name);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not compress the file"));
          return FALSE;
        }
      payload = packed;
      payload_size = z.total_out;
      entry.method = 8;
      deflateEnd (&z);
    }

  entry.compressed = payload_size;
  entry.offset = zip->bytes->len;

  put32 (zip->bytes, 0x04034b50);
  put16 (zip->bytes, 20);
  put16 (zip->bytes, 0x0800);         /* names are UTF-8 */
  put16 (zip->bytes, entry.method);
  put16 (zip->bytes, zip->dos_time);
  put16 (zip->bytes, zip->dos_date);
  put32 (zip->bytes, entry.crc);
  put32 (zip->bytes, entry.compressed);
  put32 (zip->bytes, entry.size);
  put16 (zip->bytes, strlen (name));
  put16 (zip->bytes, 0);
  g_byte_array_append (zip->bytes, (const guint8 *) name, strlen (name));
  g_byte_array_append (zip->bytes, payload, payload_size);

  g_array_append_val (zip->entries, entry);
  return TRUE;
}

static void
zip_finish (Zip *zip)
{
  guint32 directory = zip->bytes->len;
  guint32 directory_size;

  for (guint i = 0; i < zip->entries->len; i++)
    {
      const ZipEntry *entry = &g_array_index (zip->entries, ZipEntry, i);

      put32 (zip->bytes, 0x02014b50);
      put16 (zip->bytes, 20);
      put16 (zip->bytes, 20);
      put16 (zip->bytes, 0x0800);
      put16 (zip->bytes, entry->method);
      put16 (zip->bytes, zip->dos_time);
      put16 (zip->bytes, zip->dos_date);
      put32 (zip->bytes, entry->crc);
      put32 (zip->bytes, entry->compressed);
      put32 (zip->bytes, entry->size);
      put16 (zip->bytes, strlen (entry->name));
      put16 (zip->bytes, 0);
      put16 (zip->bytes, 0);
      put16 (zip->bytes, 0);
      put16 (zip->bytes, 0);
      put32 (zip->bytes, 0);
      put32 (zip->bytes, entry->offset);
      g_byte_array_append (zip->bytes, (const guint8 *) entry->name, strlen (entry->name));
    }

  directory_size = zip->bytes->len - directory;
  put32 (zip->bytes, 0x06054b50);
  put16 (zip->bytes, 0);
  put16 (zip->bytes, 0);
  put16 (zip->bytes, zip->entries->len);
  put16 (zip->bytes, zip->entries->len);
  put32 (zip->bytes, directory_size);
  put32 (zip->bytes, directory);
  put16 (zip->bytes, 0);
}

/* The spreadsheet itself */

typedef enum
{
  CELL_PLAIN,
  CELL_HEADER,
  CELL_WRAP,
} CellStyle;

static const char * const cell_styles[] = { "ce-plain", "ce-header", "ce-wrap" };

/* ODF collapses runs of spaces and turns line breaks into nothing: both are spelled out so
 * the text reads back as it was. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];

      g_string_append (out, "<text:p>");
      while (*p)
        {
          const char *run = p;

          while (*p && *p != ' ' && *p != '\t')
            p++;
          if (p > run)
            {
              g_autofree char *chunk = g_strndup (run, p - run);

              rsh_export_append_xml (out, chunk);
            }
          if (*p == '\t')
            {
              g_string_append (out, "<text:tab/>");
              p++;
            }
          else if (*p == ' ')
            {
              guint n = 0;
              gboolean at_start = run == lines[l] && p == run;

              while (p[n] == ' ')
                n++;
              if (n == 1 && !at_start && p[1] != '\0')
                g_string_append_c (out, ' ');
              else
                g_string_append_printf (out, "<text:s text:c=\"%u\"/>", n);
              p += n;
            }
        }
      g_string_append (out, "</text:p>");
    }
}

static void
append_cell (GString    *out,
             const char *text,
             const char *style,
             const char *annotation)
{
  g_autofree char *clipped = rsh_export_clip (text, RSH_EXPORT_MAX_CELL_CHARS);

  if (clipped[0] == '\0' && annotation == NULL)
    {
      g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\"/>", style);
      return;
    }

  g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" "
                               "office:value-type=\"string\">", style);
  if (annotation != NULL)
    {
      g_string_append (out, "<office:annotation>");
      append_paragraphs (out, annotation);
      g_string_append (out, "</office:annotation>");
    }
  append_paragraphs (out, clipped);
  g_string_append (out, "</table:table-cell>");
}

static void
append_number (GString *out,
               guint    number)
{
  g_string_append_printf (out, "<table:table-cell table:style-name=\"ce-plain\" "
                               "office:value-type=\"float\" office:value=\"%u\">"
                               "<text:p>%u</text:p></table:table-cell>", number, number);
}

static void
append_columns (GString      *out,
                const double *widths_cm,
                guint         n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"co%u\"/>",
                            (guint) (widths_cm[i] * 10));
}

static void
collect_column_styles (GHashTable   *widths,
                       const double *widths_cm,
                       guint         n)
{
  for (guint i = 0; i < n; i++)
    g_hash_table_add (widths, GUINT_TO_POINTER ((guint) (widths_cm[i] * 10)));
}

static void
begin_table (GString    *out,
             const char *name)
{
  g_string_append (out, "<table:table table:name=\"");
  rsh_export_append_xml (out, name);
  g_string_append (out, "\">");
}

static void
append_header_row (GString            *out,
                   const char * const *titles,
                   guint               n)
{
  g_string_append (out, "<table:table-header-rows><table:table-row>");
  for (guint i = 0; i < n; i++)
    append_cell (out, titles[i], cell_styles[CELL_HEADER], NULL);
  g_string_append (out, "</table:table-row></table:table-header-rows>");
}

/* "A", …, "Z", "AA", …: spreadsheet column names for range addresses. */
static char *
column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);

  return g_strdup (buffer + i);
}

static void
append_range (GString    *out,
              const char *sheet,
              guint       n_rows,
              guint       n_columns)
{
  g_autofree char *last = column_name (n_columns - 1);
  g_autofree char *quoted = NULL;
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);

  quoted = g_strjoinv ("''", parts);
  g_string_append (out, "'");
  rsh_export_append_xml (out, quoted);
  g_string_append (out, "'.A1:'");
  rsh_export_append_xml (out, quoted);
  g_string_append_printf (out, "'.%s%u", last, n_rows);
}

static char *
build_content (RshExport  *self,
               GError    **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) widths = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) ranges = g_string_new (NULL);
  guint n_sources = rsh_export_n_sources (self);
  const char * const mention_titles[] = { _("Claim"), _("Source"), _("Outlet"), _("Actor"),
                                          _("Cue"), _("Stance"), _("Hedged"), _("Time"),
                                          _("Quote"), _("Start"), _("End"), _("Claim ID") };
  const double mention_widths[] = { 8, 1.5, 4, 5, 3, 2, 1.6, 2.5, 14, 1.5, 1.5, 1.8 };
  const char * const source_titles[] = { _("ID"), _("Outlet"), _("Title"), _("Authors"),
                                         _("Published"), _("Language"), _("URL"), _("Input"),
                                         _("Duplicate of") };
  const double source_widths[] = { 1.5, 4.5, 10, 5, 5, 2, 10, 6, 2.5 };
  const char * const timeline_titles[] = { _("Earliest"), _("Latest"), _("About"), _("Source"),
                                            _("Actor"), _("Stance"), _("Claim ID"),
                                            _("Statement") };
  const double timeline_widths[] = { 2.5, 2.5, 6, 1.6, 5, 2, 1.8, 16 };
  const double matrix_widths[] = { 12, 4.5 };
  GHashTableIter iter;
  gpointer key;

  /* Comparison */
  begin_table (body, _("Comparison"));
  g_string_append (body, "<table:table-column table:style-name=\"co120\"/>");
  if (n_sources > 0)
    g_string_append_printf (body, "<table:table-column table:style-name=\"co45\" "
                                  "table:number-columns-repeated=\"%u\"/>", n_sources);
  g_string_append (body, "<table:table-header-rows><table:table-row table:style-name=\"ro-head\">");
  append_cell (body, _("Claim"), cell_styles[CELL_HEADER], NULL);
  for (guint s = 0; s < n_sources; s++)
    {
      RshSource *source = rsh_export_get_source (self, s);
      g_autofree char *date = rsh_export_source_date (source);
      g_autoptr(GString) heading = g_string_new (rsh_export_source_name (source));

      g_string_append_printf (heading, " (%s)", rsh_export_source_id (self, s));
      if (rsh_source_get_title (source) != NULL &&
          g_strcmp0 (rsh_source_get_title (source), rsh_export_source_name (source)) != 0)
        g_string_append_printf (heading, "\n%s", rsh_source_get_title (source));
      if (date != NULL)
        g_string_append_printf (heading, "\n%s", date);
      append_cell (body, heading->str, cell_styles[CELL_HEADER], NULL);
    }
  g_string_append (body, "</table:table-row></table:table-header-rows>");

  for (guint c = 0; c < self->claims->len; c++)
    {
      RshClaim *claim = g_ptr_array_index (self->claims, c);

      if (!rsh_export_step (self, 0.6 * c / self->claims->len, error))
        return NULL;

      g_string_append (body, "<table:table-row>");
      append_cell (body, rsh_claim_get_text (claim), cell_styles[CELL_WRAP], NULL);
      for (guint s = 0; s < n_sources; s++)
        {
          const char *source_id = rsh_export_source_id (self, s);
          gboolean hedged = FALSE;
          RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);
          g_autofree char *text = rsh_export_position_text (claim, source_id, NULL);
          g_autofree char *style = g_strdup_printf ("ce-%s%s", rsh_stance_to_string (stance),
                                                    hedged ? "-hedged" : "");
          RshMention *mention = rsh_export_find_mention (claim, source_id);
          g_autofree char *note = NULL;

          if (mention != NULL)
            {
              const char *actor = rsh_export_actor_name (self,
                                                         rsh_mention_get_actor_id (mention));
              g_autofree char *quote = rsh_export_clip (rsh_mention_get_quote (mention),
                                                        RSH_EXPORT_MAX_CELL_CHARS);

              note = g_strdup_printf ("“%s”\n— %s%s%s", quote,
                                      actor != NULL ? actor : _("the outlet"),
                                      rsh_mention_get_cue (mention) != NULL ? ", " : "",
                                      rsh_mention_get_cue (mention) != NULL
                                        ? rsh_mention_get_cue (mention) : "");
            }
          append_cell (body, text, style, note);
        }
      g_string_append (body, "</table:table-row>");
    }
  g_string_append (body, "</table:table>");
  g_string_append (ranges, "<table:database-range table:name=\"__Anonymous_Sheet_DB__0\" "
                           "table:display-filter-buttons=\"true\" table:target-range-address=\"");
  append_range (ranges, _("Comparison"), self->claims->len + 1, n_sources + 1);
  g_string_append (ranges, "\"/>");

  /* Mentions */
  begin_table (body, _("Mentions"));
  append_columns (body, mention_widths, G_N_ELEMENTS (mention_widths));
  append_header_row (body, mention_titles, G_N_ELEMENTS (mention_titles));
  for (guint m = 0; m < self->mentions->len; m++)
    {
      RshMention *mention = g_ptr_array_index (self->mentions, m);
      RshClaim *claim = g_ptr_array_index (self->mention_claims, m);
      const char *source_id = rsh_mention_get_source_id (mention);
      g_autofree char *time = rsh_export_mention_time (self, claim, mention);
      const char *outlet = NULL;

      if (!rsh_export_step (self, 0.6 + 0.25 * m / self->mentions->len, error))
        return NULL;

      for (guint s = 0; s < n_sources; s++)
        if (g_strcmp0 (rsh_export_source_id (self, s), source_id) == 0)
          outlet = rsh_export_source_name (rsh_export_get_source (self, s));

      g_string_append (body, "<table:table-row>");
      append_cell (body, rsh_claim_get_text (claim), cell_styles[CELL_WRAP], NULL);
      append_cell (body, source_id, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, outlet, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_export_actor_name (self, rsh_mention_get_actor_id (mention)),
                   cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_mention_get_cue (mention), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_stance_to_string (rsh_mention_get_stance (mention)),
                   cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_mention_get_hedged (mention) ? _("yes") : _("no"),
                   cell_styles[CELL_PLAIN], NULL);
      append_cell (body, time, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_mention_get_quote (mention), cell_styles[CELL_WRAP], NULL);
      append_number (body, rsh_mention_get_start (mention));
      append_number (body, rsh_mention_get_end (mention));
      append_cell (body, rsh_claim_get_id (claim), cell_styles[CELL_PLAIN], NULL);
      g_string_append (body, "</table:table-row>");
    }
  g_string_append (body, "</table:table>");
  g_string_append (ranges, "<table:database-range table:name=\"__Anonymous_Sheet_DB__1\" "
                           "table:display-filter-buttons=\"true\" table:target-range-address=\"");
  append_range (ranges, _("Mentions"), self->mentions->len + 1, G_N_ELEMENTS (mention_titles));
  g_string_append (ranges, "\"/>");

  /* Sources */
  begin_table (body, _("Sources"));
  append_columns (body, source_widths, G_N_ELEMENTS (source_widths));
  append_header_row (body, source_titles, G_N_ELEMENTS (source_titles));
  for (guint s = 0; s < n_sources; s++)
    {
      RshSource *source = rsh_export_get_source (self, s);
      g_autofree char *authors = NULL;

      if (rsh_source_get_authors (source) != NULL)
        authors = g_strjoinv (", ", (char **) rsh_source_get_authors (source));

      g_string_append (body, "<table:table-row>");
      append_cell (body, rsh_export_source_id (self, s), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_source_get_outlet (source), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_source_get_title (source), cell_styles[CELL_WRAP], NULL);
      append_cell (body, authors, cell_styles[CELL_WRAP], NULL);
      append_cell (body, rsh_source_get_published (source), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_source_get_language (source), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_source_get_url (source), cell_styles[CELL_WRAP], NULL);
      append_cell (body, rsh_source_get_input (source), cell_styles[CELL_WRAP], NULL);
      append_cell (body, rsh_comparison_get_duplicate_of (self->comparison, s),
                   cell_styles[CELL_PLAIN], NULL);
      g_string_append (body, "</table:table-row>");
    }
  g_string_append (body, "</table:table>");

  /* Timeline */
  begin_table (body, _("Timeline"));
  append_columns (body, timeline_widths, G_N_ELEMENTS (timeline_widths));
  append_header_row (body, timeline_titles, G_N_ELEMENTS (timeline_titles));
  for (guint i = 0; i < self->timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (self->timeline, i);
      g_autofree char *about = rsh_export_about_label (event);

      g_string_append (body, "<table:table-row>");
      append_cell (body, event->earliest, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, event->latest, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, about, cell_styles[CELL_WRAP], NULL);
      append_cell (body, event->source_id, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, rsh_export_actor_name (self, event->actor_id), cell_styles[CELL_PLAIN],
                   NULL);
      append_cell (body, rsh_stance_to_string (event->stance), cell_styles[CELL_PLAIN], NULL);
      append_cell (body, event->claim_id, cell_styles[CELL_PLAIN], NULL);
      append_cell (body, event->label, cell_styles[CELL_WRAP], NULL);
      g_string_append (body, "</table:table-row>");
    }
  g_string_append (body, "</table:table>");

  /* Automatic styles: one column style per width used, one cell style per stance. */
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<office:document-content" ODS_NAMESPACES "><office:automatic-styles>");
  collect_column_styles (widths, mention_widths, G_N_ELEMENTS (mention_widths));
  collect_column_styles (widths, source_widths, G_N_ELEMENTS (source_widths));
  collect_column_styles (widths, timeline_widths, G_N_ELEMENTS (timeline_widths));
  collect_column_styles (widths, matrix_widths, G_N_ELEMENTS (matrix_widths));
  g_hash_table_iter_init (&iter, widths);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (out, "<style:style style:name=\"co%u\" style:family=\"table-column\">"
                                 "<style:table-column-properties style:column-width=\"%u.%ucm\"/>"
                                 "</style:style>", GPOINTER_TO_UINT (key),
                            GPOINTER_TO_UINT (key) / 10, GPOINTER_TO_UINT (key) % 10);
  g_string_append (out, "<style:style style:name=\"ro-head\" style:family=\"table-row\">"
                        "<style:table-row-properties style:row-height=\"2.2cm\" "
                        "style:use-optimal-row-height=\"false\"/></style:style>");
  for (guint st = 0; st <= RSH_STANCE_ABSENT; st++)
    for (guint hedged = 0; hedged < 2; hedged++)
      g_string_append_printf (out, "<style:style style:name=\"ce-%s%s\" style:family=\"table-cell\">"
                                   "<style:table-cell-properties fo:background-color=\"%s\" "
                                   "style:vertical-align=\"top\" fo:wrap-option=\"wrap\" "
                                   "fo:border=\"0.06pt solid #bfbfbf\"/>"
                                   "<style:paragraph-properties fo:text-align=\"center\"/>"
                                   "<style:text-properties%s%s/></style:style>",
                              rsh_stance_to_string (st), hedged ? "-hedged" : "",
                              rsh_export_stance_color (st),
                              hedged ? " fo:font-style=\"italic\"" : "",
                              st == RSH_STANCE_ABSENT ? " fo:color=\"#808080\"" : "");
  g_string_append (out, "</office:automatic-styles><office:body><office:spreadsheet>");
  g_string_append_len (out, body->str, body->len);
  g_string_append (out, "<table:database-ranges>");
  g_string_append_len (out, ranges->str, ranges->len);
  g_string_append (out, "</table:database-ranges></office:spreadsheet></office:body>"
                        "</office:document-content>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char styles_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-styles" ODS_NAMESPACES "><office:styles>"
  "<style:default-style style:family=\"table-cell\">"
  "<style:text-properties fo:font-size=\"10pt\"/></style:default-style>"
  "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
  "<style:style style:name=\"ce-plain\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "style:vertical-align=\"top\"/></style:style>"
  "<style:style style:name=\"ce-wrap\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "style:vertical-align=\"top\" fo:wrap-option=\"wrap\"/></style:style>"
  "<style:style style:name=\"ce-header\" style:family=\"table-cell\" "
  "style:parent-style-name=\"Default\"><style:table-cell-properties "
  "style:vertical-align=\"top\" fo:wrap-option=\"wrap\" fo:background-color=\"#e4e7ec\" "
  "fo:border-bottom=\"0.75pt solid #000000\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "</office:styles></office:document-styles>\n";

static const char manifest_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.2\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
  "manifest:media-type=\"" ODS_MIMETYPE "\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>\n";

static char *
build_meta (RshExport *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-meta" ODS_NAMESPACES "><office:meta>"
                               "<meta:generator>Rashomon/" PACKAGE_VERSION "</meta:generator>"
                               "<dc:title>");

  rsh_export_append_xml (out, self->title);
  g_string_append_printf (out, "</dc:title><meta:creation-date>%s</meta:creation-date>"
                               "</office:meta></office:document-meta>\n", date);
  return g_string_free (out, FALSE);
}

/* Freezes the header row and claim column of the comparison, as the XLSX does. */
static char *
build_settings (void)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-settings" ODS_NAMESPACES "><office:settings>"
                               "<config:config-item-set config:name=\"ooo:view-settings\">"
                               "<config:config-item-map-indexed config:name=\"Views\">"
                               "<config:config-item-map-entry>"
                               "<config:config-item config:name=\"ViewId\" "
                               "config:type=\"string\">view1</config:config-item>"
                               "<config:config-item-map-named config:name=\"Tables\">"
                               "<config:config-item-map-entry config:name=\"");
  const struct { const char *name; const char *type; int value; } items[] = {
    { "HorizontalSplitMode", "short", 2 }, { "VerticalSplitMode", "short", 2 },
    { "HorizontalSplitPosition", "int", 1 }, { "VerticalSplitPosition", "int", 1 },
    { "ActiveSplitRange", "short", 2 }, { "PositionLeft", "int", 0 },
    { "PositionRight", "int", 1 }, { "PositionTop", "int", 0 }, { "PositionBottom", "int", 1 },
  };

  rsh_export_append_xml (out, _("Comparison"));
  g_string_append (out, "\">");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_string_append_printf (out, "<config:config-item config:name=\"%s\" config:type=\"%s\">%d"
                                 "</config:config-item>", items[i].name, items[i].type,
                            items[i].value);
  g_string_append (out, "</config:config-item-map-entry></config:config-item-map-named>"
                        "<config:config-item config:name=\"ActiveTable\" config:type=\"string\">");
  rsh_export_append_xml (out, _("Comparison"));
  g_string_append (out, "</config:config-item></config:config-item-map-entry>"
                        "</config:config-item-map-indexed></config:config-item-set>"
                        "</office:settings></office:document-settings>\n");
  return g_string_free (out, FALSE);
}

gboolean
rsh_export_write_ods (RshExport      *self,
                      GOutputStream  *stream,
                      GError        **error)
{
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *settings = NULL;
  Zip zip;
  gboolean ok;

  content = build_content (self, error);
  if (content == NULL)
    return FALSE;
  meta = build_meta (self);
  settings = build_settings ();

  zip_init (&zip);
  /* ODF: "mimetype" is the first entry, stored, so tools can sniff it at a fixed offset. */
  ok = zip_add (&zip, "mimetype", ODS_MIMETYPE, strlen (ODS_MIMETYPE), FALSE, error) &&
       zip_add (&zip, "content.xml", content, strlen (content), TRUE, error) &&
       zip_add (&zip, "styles.xml", styles_xml, strlen (styles_xml), TRUE, error) &&
       zip_add (&zip, "meta.xml", meta, strlen (meta), TRUE, error) &&
       zip_add (&zip, "settings.xml", settings, strlen (settings), TRUE, error) &&
       zip_add (&zip, "META-INF/manifest.xml", manifest_xml, strlen (manifest_xml), TRUE, error);
  if (ok)
    {
      zip_finish (&zip);
      ok = rsh_export_step (self, 0.95, error) &&
           rsh_export_write_all (stream, zip.bytes->data, zip.bytes->len, self->cancellable,
                                 error) &&
           rsh_export_step (self, 1.0, error);
    }
  zip_clear (&zip);

  return ok;
}
