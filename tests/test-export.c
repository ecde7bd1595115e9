/* test-export.c: every export format, written and read back
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zlib.h>

#include <rashomon.h>

#include "rsh-test-util.h"

#define HOSTILE_TITLE   "<script>alert(1)</script>"
#define HOSTILE_OUTLET  "<img src=x onerror=alert(2)>"
#define HOSTILE_QUOTE   "=HYPERLINK(\"http://x\",\"y\") was written on the pier wall"
#define HOSTILE_CLAIM   "=HYPERLINK(\"http://x\",\"y\")"
#define UNICODE_OUTLET  "Desk | «世界» 🌍"
#define RTL_QUOTE       "قال رئيس البلدية إن الماء آمن"
#define CJK_QUOTE       "水は安全です"
#define EMOJI_QUOTE     "The pier is open again 🎉⚓"
#define UNICODE_CLAIM   "The water is safe — 水は安全です"

/* Reading exports back */

static GBytes *
export_bytes (RshComparison           *comparison,
              RshExportFormat          format,
              const RshExportOptions  *options)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rsh_comparison_write_full (comparison, format, options, stream, NULL, NULL,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
export_text (RshComparison   *comparison,
             RshExportFormat  format)
{
  g_autoptr(GBytes) bytes = export_bytes (comparison, format, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate (data, size, NULL));
  return g_strndup (data, size);
}

/* RFC 4180: fields in double quotes, "" for a quote, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          p++;
          while (*p && !(*p == '"' && p[1] != '"'))
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p++);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else
        {
          while (*p && *p != ',' && *p != '\r' && *p != '\n')
            g_string_append_c (field, *p++);
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          if (*p == '\r')
            p++;
          g_assert_true (*p == '\n' || *p == '\0');
          if (*p == '\n')
            p++;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }

  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  g_assert_cmpuint (c, <, row->len);
  return g_ptr_array_index (row, c);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

typedef struct
{
  GHashTable *files;   /* name → GBytes */
  GPtrArray  *order;   /* names in central-directory order */
  GArray     *methods; /* compression method of each */
} Zip;

static void
zip_clear (Zip *zip)
{
  g_clear_pointer (&zip->files, g_hash_table_unref);
  g_clear_pointer (&zip->order, g_ptr_array_unref);
  g_clear_pointer (&zip->methods, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Zip, zip_clear)

static GBytes *
inflate_raw (const guint8 *data,
             gsize         size,
             gsize         expected)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  g_autoptr(GError) error = NULL;
  guint8 *out = g_malloc (expected + 1);
  gsize read = 0, written = 0;
  GConverterResult result;

  result = g_converter_convert (G_CONVERTER (decompressor), data, size, out, expected + 1,
                                G_CONVERTER_INPUT_AT_END, &read, &written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, G_CONVERTER_FINISHED);
  g_assert_cmpuint (written, ==, expected);
  return g_bytes_new_take (out, written);
}

/* An independent reader: the central directory, then each entry, CRC checked. */
static void
read_zip (Zip    *zip,
          GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const guint8 *end = NULL;
  guint32 offset;
  guint n;

  zip->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_bytes_unref);
  zip->order = g_ptr_array_new_with_free_func (g_free);
  zip->methods = g_array_new (FALSE, FALSE, sizeof (guint16));

  g_assert_cmpuint (size, >, 22);
  for (gsize i = size - 22; i > 0 && end == NULL; i--)
    if (le32 (data + i) == 0x06054b50)
      end = data + i;
  g_assert_nonnull (end);

  n = le16 (end + 10);
  offset = le32 (end + 16);
  g_assert_cmpuint (offset + le32 (end + 12), ==, end - data);

  for (guint i = 0; i < n; i++)
    {
      const guint8 *entry = data + offset;
      guint16 method = le16 (entry + 10);
      guint32 crc = le32 (entry + 16);
      guint32 packed = le32 (entry + 20);
      guint32 unpacked = le32 (entry + 24);
      guint16 name_length = le16 (entry + 28);
      guint32 local = le32 (entry + 42);
      char *name = g_strndup ((const char *) entry + 46, name_length);
      const guint8 *payload;
      GBytes *contents;

      g_assert_cmpuint (le32 (entry), ==, 0x02014b50);
      g_assert_cmpuint (le32 (data + local), ==, 0x04034b50);
      payload = data + local + 30 + le16 (data + local + 26) + le16 (data + local + 28);
      g_assert_cmpuint (payload + packed - data, <=, size);

      if (method == 0)
        contents = g_bytes_new (payload, packed);
      else
        {
          g_assert_cmpuint (method, ==, 8);
          contents = inflate_raw (payload, packed, unpacked);
        }
      g_assert_cmpuint (crc32 (0, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents)),
                        ==, crc);

      g_ptr_array_add (zip->order, g_strdup (name));
      g_array_append_val (zip->methods, method);
      g_hash_table_insert (zip->files, name, contents);
      offset += 46 + name_length + le16 (entry + 30) + le16 (entry + 32);
    }
}

static xmlDoc *
zip_xml (Zip        *zip,
         const char *name)
{
  GBytes *bytes = g_hash_table_lookup (zip->files, name);
  xmlDoc *doc;

  g_assert_nonnull (bytes);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  return doc;
}

static char *
zip_text (Zip        *zip,
          const char *name)
{
  GBytes *bytes = g_hash_table_lookup (zip->files, name);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

static xmlXPathContext *
xpath_context (xmlDoc *doc)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  const char * const ns[][2] = {
    { "x", "http://schemas.openxmlformats.org/spreadsheetml/2006/main" },
    { "r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships" },
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    xmlXPathRegisterNs (context, (const xmlChar *) ns[i][0], (const xmlChar *) ns[i][1]);
  return context;
}

static xmlXPathObject *
xpath (xmlXPathContext *context,
       const char      *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);

  g_assert_nonnull (result);
  return result;
}

static guint
xpath_count (xmlXPathContext *context,
             const char      *expression)
{
  g_autoptr(xmlXPathObject) result = xpath (context, expression);

  return result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* A cell of the engine's CSV against the same cell of a spreadsheet, where text is text
 * and needs no apostrophe; headers in sheets carry title and date on further lines. */
static void
assert_cell_matches (const char *csv,
                     const char *sheet,
                     gboolean    header)
{
  g_autofree char *first_line = g_strdup (sheet);
  char *newline = strchr (first_line, '\n');

  if (header && newline != NULL)
    *newline = '\0';
  /* The CSV's "claim" is a key for programs; sheets show "Claim" to people. */
  if (header && g_ascii_strcasecmp (csv, "claim") == 0)
    {
      g_assert_cmpstr (first_line, ==, "Claim");
      return;
    }
  if (csv[0] == '\'' && strchr ("=+-@\t\r", csv[1]) != NULL && csv[1] != '\0' &&
      strcmp (csv + 1, first_line) == 0)
    return;
  g_assert_cmpstr (csv, ==, first_line);
}

static void
assert_matrix_equal (GPtrArray *csv,
                     GPtrArray *sheet)
{
  g_assert_cmpuint (sheet->len, ==, csv->len);
  for (guint r = 0; r < csv->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (csv, r);

      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (sheet, r))->len, >=, row->len);
      for (guint c = 0; c < row->len; c++)
        assert_cell_matches (cell (csv, r, c), cell (sheet, r, c), r == 0);
    }
}

/* The story under test */

static RshSource *
load_fixture (const char *name,
              const char *id,
              const char *outlet,
              const char *published)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", name, NULL);
  g_autoptr(RshSource) source = rsh_source_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  rsh_source_set_id (source, id);
  rsh_source_set_outlet (source, outlet);
  g_assert_true (rsh_source_set_published (source, published, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&source);
}

static RshClaim *
find_claim (RshComparison *comparison,
            const char    *text)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (rsh_claim_get_text (claim), text) == 0)
        return claim;
    }
  g_assert_not_reached ();
}

static void
add_statement (RshClaim   *claim,
               const char *source_id,
               const char *quote,
               RshStance   stance)
{
  g_autoptr(RshMention) mention = rsh_mention_new (source_id, 0, strlen (quote), quote);

  rsh_mention_set_stance (mention, stance);
  rsh_mention_set_cue (mention, "said");
  rsh_claim_add_mention (claim, mention);
  rsh_claim_set_position (claim, source_id, stance, FALSE);
}

/* Two sources, one with a hostile title and outlet, one multilingual; two tracked claims,
 * one whose text is a formula, carrying hostile and multilingual quotes. */
static RshComparison *
make_story (void)
{
  g_autoptr(GListStore) sources = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshSource) hostile = load_fixture ("harbour-notice.txt", "s1", HOSTILE_OUTLET,
                                               "2026-03-02");
  g_autoptr(RshSource) world = load_fixture ("world-desk.txt", "s2", UNICODE_OUTLET,
                                             "2026-03-05");
  const char * const claims[] = { HOSTILE_CLAIM, UNICODE_CLAIM, NULL };
  g_autoptr(GError) error = NULL;
  RshComparison *comparison;
  RshClaim *claim;

  g_assert_cmpstr (rsh_source_get_title (hostile), ==, HOSTILE_TITLE);
  g_list_store_append (sources, hostile);
  g_list_store_append (sources, world);

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), claims, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (comparison);

  claim = find_claim (comparison, HOSTILE_CLAIM);
  add_statement (claim, "s1", HOSTILE_QUOTE, RSH_STANCE_DENIES);
  claim = find_claim (comparison, UNICODE_CLAIM);
  add_statement (claim, "s2", RTL_QUOTE, RSH_STANCE_CONFIRMS);
  add_statement (claim, "s2", CJK_QUOTE, RSH_STANCE_CONFIRMS);
  add_statement (claim, "s1", EMOJI_QUOTE, RSH_STANCE_DISPUTES);

  return comparison;
}

static guint
count_mentions (RshComparison *comparison)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      n += g_list_model_get_n_items (rsh_claim_get_mentions (claim));
    }
  return n;
}

/* A project of @n sources, each with its own outlet, date and account. */
static RshComparison *
make_big_story (guint n)
{
  g_autoptr(GListStore) sources = g_list_store_new (RSH_TYPE_SOURCE);
  const char * const verbs[] = { "said", "denied", "confirmed", "disputed" };
  g_autoptr(GError) error = NULL;
  RshComparison *comparison;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *input = g_strdup_printf ("outlet-%03u.txt", i + 1);
      g_autofree char *text = g_strdup_printf (
        "Pier story %u\n\nThe harbour board %s that the east pier would reopen on day %u. "
        "Dock workers said the cranes were still on the quay.", i + 1, verbs[i % 4], i % 7);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(RshSource) source = rsh_source_new (input);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *outlet = g_strdup_printf ("Outlet %03u", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 1 + i % 28);

      g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
      g_assert_no_error (error);
      rsh_source_set_id (source, id);
      rsh_source_set_outlet (source, outlet);
      g_assert_true (rsh_source_set_published (source, date, &error));
      g_assert_no_error (error);
      g_list_store_append (sources, source);
    }

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  g_assert_no_error (error);
  return comparison;
}

/* Spreadsheets read back */

static char *
column_letters (const char *ref,
                guint      *row)
{
  const char *p = ref;

  while (g_ascii_isupper (*p))
    p++;
  *row = atoi (p);
  return g_strndup (ref, p - ref);
}

static guint
column_index (const char *letters)
{
  guint index = 0;

  for (const char *p = letters; *p; p++)
    index = index * 26 + (*p - 'A' + 1);
  return index - 1;
}

/* The first sheet of an XLSX as rows of strings (shared strings resolved). */
static GPtrArray *
xlsx_sheet_rows (Zip        *zip,
                 const char *sheet)
{
  g_autoptr(xmlDoc) strings_doc = zip_xml (zip, "xl/sharedStrings.xml");
  g_autoptr(xmlXPathContext) strings_context = xpath_context (strings_doc);
  g_autoptr(xmlXPathObject) strings = xpath (strings_context, "//x:si");
  g_autoptr(xmlDoc) doc = zip_xml (zip, sheet);
  g_autoptr(xmlXPathContext) context = xpath_context (doc);
  g_autoptr(xmlXPathObject) cells = xpath (context, "//x:sheetData/x:row/x:c");
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; cells->nodesetval != NULL && i < cells->nodesetval->nodeNr; i++)
    {
      xmlNode *c = cells->nodesetval->nodeTab[i];
      g_autofree char *ref = node_attr (c, "r");
      g_autofree char *type = node_attr (c, "t");
      g_autofree char *letters = NULL;
      GPtrArray *row;
      char *value = g_strdup ("");
      guint r, col;

      g_assert_nonnull (ref);
      letters = column_letters (ref, &r);
      col = column_index (letters);
      for (xmlNode *child = c->children; child != NULL; child = child->next)
        {
          /* Untrusted text is never a formula. */
          g_assert_cmpstr ((const char *) child->name, !=, "f");
          if (g_strcmp0 ((const char *) child->name, "v") == 0)
            {
              g_autofree char *v = node_text (child);

              g_free (value);
              if (g_strcmp0 (type, "s") == 0)
                value = node_text (strings->nodesetval->nodeTab[atoi (v)]);
              else
                value = g_strdup (v);
            }
        }

      while (rows->len < r)
        g_ptr_array_add (rows, g_ptr_array_new_with_free_func (g_free));
      row = g_ptr_array_index (rows, r - 1);
      while (row->len < col)
        g_ptr_array_add (row, g_strdup (""));
      g_ptr_array_add (row, value);
    }

  return rows;
}

/* Text of an ODS cell as a reader sees it: paragraphs on lines, spaces spelled out. */
static void
append_odf_text (GString *out,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) child->content);
      else if (g_strcmp0 ((const char *) child->name, "s") == 0)
        {
          g_autofree char *c = node_attr (child, "c");

          for (int i = 0; i < (c ? atoi (c) : 1); i++)
            g_string_append_c (out, ' ');
        }
      else if (g_strcmp0 ((const char *) child->name, "tab") == 0)
        g_string_append_c (out, '\t');
      else if (g_strcmp0 ((const char *) child->name, "line-break") == 0)
        g_string_append_c (out, '\n');
      else
        append_odf_text (out, child);
    }
}

static GPtrArray *
ods_table_rows (xmlXPathContext *context,
                const char      *table)
{
  g_autofree char *expression = g_strdup_printf ("//table:table[@table:name='%s']//table:table-row",
                                                 table);
  g_autoptr(xmlXPathObject) rows_found = xpath (context, expression);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; rows_found->nodesetval != NULL && i < rows_found->nodesetval->nodeNr; i++)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (xmlNode *c = rows_found->nodesetval->nodeTab[i]->children; c != NULL; c = c->next)
        {
          g_autoptr(GString) value = g_string_new (NULL);
          g_autofree char *formula = NULL;

          if (g_strcmp0 ((const char *) c->name, "table-cell") != 0)
            continue;
          formula = node_attr (c, "formula");
          g_assert_null (formula);
          for (xmlNode *p = c->children; p != NULL; p = p->next)
            {
              if (g_strcmp0 ((const char *) p->name, "p") != 0)
                continue;
              if (value->len > 0 || p != c->children)
                {
                  /* A paragraph after another one starts a new line. */
                  gboolean first = TRUE;

                  for (xmlNode *q = c->children; q != p; q = q->next)
                    if (g_strcmp0 ((const char *) q->name, "p") == 0)
                      first = FALSE;
                  if (!first)
                    g_string_append_c (value, '\n');
                }
              append_odf_text (value, p);
            }
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&value), FALSE));
        }
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static gboolean
rows_contain (GPtrArray  *rows,
              const char *text)
{
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++)
        if (strstr (g_ptr_array_index (row, c), text) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* Tests */

static void
test_formats (void)
{
  const struct { const char *name; RshExportFormat format; const char *extension; gboolean binary; }
  cases[] = {
    { "json", RSH_EXPORT_JSON, "json", FALSE },
    { "csv", RSH_EXPORT_CSV, "csv", FALSE },
    { "xlsx", RSH_EXPORT_XLSX, "xlsx", TRUE },
    { "ods", RSH_EXPORT_ODS, "ods", TRUE },
    { "html", RSH_EXPORT_HTML, "html", FALSE },
    { "pdf", RSH_EXPORT_PDF, "pdf", TRUE },
    { "md", RSH_EXPORT_MARKDOWN, "md", FALSE },
    { "mentions-csv", RSH_EXPORT_MENTIONS_CSV, "csv", FALSE },
  };
  RshExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (rsh_export_format_from_string (cases[i].name, &format));
      g_assert_cmpint (format, ==, cases[i].format);
      g_assert_cmpstr (rsh_export_format_to_string (format), ==, cases[i].name);
      g_assert_cmpstr (rsh_export_format_get_extension (format), ==, cases[i].extension);
      g_assert_cmpint (rsh_export_format_is_binary (format), ==, cases[i].binary);
    }
  g_assert_false (rsh_export_format_from_string ("docx", &format));
  g_assert_false (rsh_export_format_from_string ("XLSX", &format));
  g_assert_false (rsh_export_format_from_string (NULL, &format));
}

static void
test_csv (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autofree char *matrix = export_text (comparison, RSH_EXPORT_CSV);
  g_autofree char *mentions = export_text (comparison, RSH_EXPORT_MENTIONS_CSV);
  g_autoptr(GPtrArray) rows = parse_csv (matrix);
  g_autoptr(GPtrArray) mention_rows = parse_csv (mentions);
  guint n_claims = g_list_model_get_n_items (rsh_comparison_get_claims (comparison));
  gboolean hostile_seen = FALSE;
  guint dated = 0;

  g_assert_cmpuint (rows->len, ==, n_claims + 1);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "claim");
  g_assert_cmpstr (cell (rows, 0, 1), ==, HOSTILE_OUTLET " (s1)");
  g_assert_cmpstr (cell (rows, 0, 2), ==, UNICODE_OUTLET " (s2)");
  g_assert_true (rows_contain (rows, "'" HOSTILE_CLAIM));
  g_assert_true (rows_contain (rows, UNICODE_CLAIM));
  for (guint r = 0; r < rows->len; r++)
    {
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 3);
      for (guint c = 0; c < 3; c++)
        g_assert_false (strchr ("=+-@\t\r", cell (rows, r, c)[0]) != NULL &&
                        cell (rows, r, c)[0] != '\0');
    }

  /* Mentions: a header, then one row per mention; the formula quote is neutralised. */
  g_assert_cmpuint (mention_rows->len, ==, count_mentions (comparison) + 1);
  g_assert_cmpstr (cell (mention_rows, 0, 9), ==, "quote");
  for (guint r = 1; r < mention_rows->len; r++)
    {
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (mention_rows, r))->len, ==, 12);
      if (g_strcmp0 (cell (mention_rows, r, 9), "'" HOSTILE_QUOTE) == 0)
        {
          hostile_seen = TRUE;
          g_assert_cmpstr (cell (mention_rows, r, 6), ==, "denies");
        }
      /* Statements the engine placed in time carry the day of their timeline event. */
      if (cell (mention_rows, r, 8)[0] != '\0')
        dated++;
    }
  g_assert_true (hostile_seen);
  if (rsh_comparison_get_timeline (comparison)->len > 0)
    g_assert_cmpuint (dated, >, 0);
  g_assert_true (rows_contain (mention_rows, RTL_QUOTE));
  g_assert_true (rows_contain (mention_rows, CJK_QUOTE));
  g_assert_true (rows_contain (mention_rows, EMOJI_QUOTE));
}

static void
test_options (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autoptr(RshExportOptions) options = rsh_export_options_new ();
  g_autoptr(RshExportOptions) copy = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  RshClaim *claim = find_claim (comparison, UNICODE_CLAIM);
  const char * const ids[] = { rsh_claim_get_id (claim), NULL };
  const char * const unknown[] = { "no-such-claim", NULL };

  options->claim_ids = g_strdupv ((char **) ids);
  options->title = g_strdup ("Pier & water <review>");
  copy = rsh_export_options_copy (options);
  g_assert_cmpstrv (copy->claim_ids, options->claim_ids);

  bytes = export_bytes (comparison, RSH_EXPORT_CSV, copy);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cell (rows, 1, 0), ==, UNICODE_CLAIM);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  bytes = export_bytes (comparison, RSH_EXPORT_HTML, copy);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<title>Pier &amp; water &lt;review&gt;</title>"));
  g_assert_null (strstr (text, HOSTILE_QUOTE));

  g_strfreev (options->claim_ids);
  options->claim_ids = g_strdupv ((char **) unknown);
  g_assert_false (rsh_comparison_write_full (comparison, RSH_EXPORT_XLSX, options, stream, NULL,
                                             NULL, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
}

static void
test_xlsx (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_XLSX, NULL);
  g_autofree char *csv = export_text (comparison, RSH_EXPORT_CSV);
  g_autoptr(GPtrArray) csv_rows = parse_csv (csv);
  g_auto(Zip) zip = { 0, };
  g_autoptr(xmlDoc) workbook = NULL;
  g_autoptr(xmlXPathContext) context = NULL;
  g_autoptr(xmlDoc) sheet = NULL;
  g_autoptr(xmlXPathContext) sheet_context = NULL;
  g_autoptr(GPtrArray) matrix = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(xmlDoc) comments_doc = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *filter = NULL;
  const char * const names[] = { "Comparison", "Mentions", "Sources", "Timeline" };

  read_zip (&zip, bytes);
  workbook = zip_xml (&zip, "xl/workbook.xml");
  context = xpath_context (workbook);
  g_assert_cmpuint (xpath_count (context, "//x:sheets/x:sheet"), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *expression = g_strdup_printf ("//x:sheet[%u][@name='%s']", i + 1,
                                                     names[i]);

      g_assert_cmpuint (xpath_count (context, expression), ==, 1);
    }

  /* Comparison: frozen header row and claim column, an autofilter, the engine's matrix. */
  sheet = zip_xml (&zip, "xl/worksheets/sheet1.xml");
  sheet_context = xpath_context (sheet);
  g_assert_cmpuint (xpath_count (sheet_context, "//x:pane[@state='frozen'][@xSplit='1']"
                                                "[@ySplit='1']"), ==, 1);
  filter = g_strdup_printf ("//x:autoFilter[@ref='A1:C%u']", csv_rows->len);
  g_assert_cmpuint (xpath_count (sheet_context, filter), ==, 1);
  g_assert_cmpuint (xpath_count (sheet_context, "//x:f"), ==, 0);
  matrix = xlsx_sheet_rows (&zip, "xl/worksheets/sheet1.xml");
  assert_matrix_equal (csv_rows, matrix);
  g_assert_nonnull (strstr (cell (matrix, 0, 1), HOSTILE_TITLE));
  g_assert_nonnull (strstr (cell (matrix, 0, 1), "2026-03-02"));

  /* The quotes are cell comments, and the stances have fills. */
  comments_doc = zip_xml (&zip, "xl/comments1.xml");
  comments = node_text (xmlDocGetRootElement (comments_doc));
  g_assert_nonnull (strstr (comments, HOSTILE_QUOTE));
  g_assert_nonnull (strstr (comments, RTL_QUOTE));
  styles = zip_text (&zip, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "FFF6D2D2"));
  g_assert_nonnull (strstr (styles, "FFD3ECD5"));

  mentions = xlsx_sheet_rows (&zip, "xl/worksheets/sheet2.xml");
  g_assert_cmpuint (mentions->len, ==, count_mentions (comparison) + 1);
  g_assert_true (rows_contain (mentions, HOSTILE_QUOTE));
  g_assert_true (rows_contain (mentions, CJK_QUOTE));
  g_assert_true (rows_contain (mentions, EMOJI_QUOTE));
  sources = xlsx_sheet_rows (&zip, "xl/worksheets/sheet3.xml");
  g_assert_cmpuint (sources->len, ==, 3);
  g_assert_cmpstr (cell (sources, 1, 1), ==, HOSTILE_OUTLET);
  g_assert_cmpstr (cell (sources, 1, 2), ==, HOSTILE_TITLE);
  g_assert_cmpstr (cell (sources, 2, 1), ==, UNICODE_OUTLET);
  timeline = xlsx_sheet_rows (&zip, "xl/worksheets/sheet4.xml");
  g_assert_cmpuint (timeline->len, ==, rsh_comparison_get_timeline (comparison)->len + 1);
  for (guint r = 2; r < timeline->len; r++)
    if (cell (timeline, r, 0)[0] != '\0')
      g_assert_cmpstr (cell (timeline, r - 1, 0), <=, cell (timeline, r, 0));
}

static void
test_ods (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_ODS, NULL);
  g_autofree char *csv = export_text (comparison, RSH_EXPORT_CSV);
  g_autoptr(GPtrArray) csv_rows = parse_csv (csv);
  g_auto(Zip) zip = { 0, };
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) manifest = NULL;
  g_autoptr(xmlDoc) settings = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) meta = NULL;
  g_autoptr(xmlXPathContext) context = NULL;
  g_autoptr(xmlXPathContext) manifest_context = NULL;
  g_autoptr(xmlXPathContext) settings_context = NULL;
  g_autoptr(GPtrArray) matrix = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *mimetype = NULL;
  const guint8 *raw = g_bytes_get_data (bytes, NULL);

  /* ODF: "mimetype" first, stored, readable at offset 38. */
  g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
  g_assert_cmpmem (raw + 38, 46, "application/vnd.oasis.opendocument.spreadsheet", 46);
  read_zip (&zip, bytes);
  g_assert_cmpstr (g_ptr_array_index (zip.order, 0), ==, "mimetype");
  g_assert_cmpuint (g_array_index (zip.methods, guint16, 0), ==, 0);
  mimetype = zip_text (&zip, "mimetype");
  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.spreadsheet");

  manifest = zip_xml (&zip, "META-INF/manifest.xml");
  manifest_context = xpath_context (manifest);
  g_assert_cmpuint (xpath_count (manifest_context, "//manifest:file-entry"), ==, 5);
  styles = zip_xml (&zip, "styles.xml");
  meta = zip_xml (&zip, "meta.xml");
  settings = zip_xml (&zip, "settings.xml");
  settings_context = xpath_context (settings);
  g_assert_cmpuint (xpath_count (settings_context, "//config:config-item"
                                                   "[@config:name='HorizontalSplitMode']"), ==, 1);

  content = zip_xml (&zip, "content.xml");
  context = xpath_context (content);
  g_assert_cmpuint (xpath_count (context, "//table:table"), ==, 4);
  g_assert_cmpuint (xpath_count (context, "//@table:formula"), ==, 0);
  g_assert_cmpuint (xpath_count (context, "//table:database-range"
                                          "[@table:display-filter-buttons='true']"), ==, 2);
  g_assert_cmpuint (xpath_count (context, "//style:style[@style:name='ce-denies']"
                                          "/style:table-cell-properties"
                                          "[@fo:background-color='#f6d2d2']"), ==, 1);

  matrix = ods_table_rows (context, "Comparison");
  assert_matrix_equal (csv_rows, matrix);
  g_assert_nonnull (strstr (cell (matrix, 0, 1), HOSTILE_TITLE));
  g_assert_cmpuint (xpath_count (context, "//office:annotation"), >=, 3);
  {
    g_autoptr(xmlXPathObject) notes = xpath (context, "//office:annotation");
    gboolean seen = FALSE;

    for (int i = 0; i < notes->nodesetval->nodeNr; i++)
      {
        g_autofree char *note = node_text (notes->nodesetval->nodeTab[i]);

        seen = seen || strstr (note, HOSTILE_QUOTE) != NULL;
      }
    g_assert_true (seen);
  }

  mentions = ods_table_rows (context, "Mentions");
  g_assert_cmpuint (mentions->len, ==, count_mentions (comparison) + 1);
  g_assert_true (rows_contain (mentions, HOSTILE_QUOTE));
  g_assert_true (rows_contain (mentions, RTL_QUOTE));
  g_assert_true (rows_contain (mentions, EMOJI_QUOTE));
  sources = ods_table_rows (context, "Sources");
  g_assert_cmpstr (cell (sources, 1, 2), ==, HOSTILE_TITLE);
  g_assert_cmpstr (cell (sources, 2, 1), ==, UNICODE_OUTLET);
}

/* Walks the parsed page: nothing runs, nothing loads. */
static void
check_html_node (xmlNode  *node,
                 GString  *text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        g_string_append (text, (const char *) node->content);
      if (node->type != XML_ELEMENT_NODE)
        continue;

      const char *name = (const char *) node->name;
      const char * const forbidden[] = { "script", "iframe", "object", "embed", "link", "img",
                                         "base", "frame", "audio", "video", "source" };

      for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
        g_assert_cmpstr (name, !=, forbidden[i]);

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          const char *attr_name = (const char *) attr->name;
          g_autofree char *value = node_attr (node, attr_name);

          g_assert_false (g_str_has_prefix (attr_name, "on"));
          g_assert_cmpstr (attr_name, !=, "src");
          g_assert_cmpstr (attr_name, !=, "srcset");
          /* Links go to other parts of the page or to the sources' web pages only. */
          if (strcmp (attr_name, "href") == 0)
            g_assert_true (value[0] == '#' || g_str_has_prefix (value, "https://") ||
                           g_str_has_prefix (value, "http://"));
          if (strcmp (attr_name, "style") == 0)
            g_assert_null (strstr (value, "url("));
        }

      if (strcmp (name, "style") == 0)
        {
          g_autofree char *css = node_text (node);

          g_assert_null (strstr (css, "url("));
          g_assert_null (strstr (css, "@import"));
          g_assert_nonnull (strstr (css, "@media print"));
        }
      check_html_node (node->children, text);
    }
}

static void
test_html (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autofree char *html = export_text (comparison, RSH_EXPORT_HTML);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(xmlXPathObject) headers = NULL;
  guint n_claims = g_list_model_get_n_items (rsh_comparison_get_claims (comparison));

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  check_html_node (xmlDocGetRootElement (doc), text);

  /* Hostile text is text: present verbatim once parsed, never as markup. */
  g_assert_nonnull (strstr (text->str, HOSTILE_TITLE));
  g_assert_nonnull (strstr (text->str, HOSTILE_OUTLET));
  g_assert_nonnull (strstr (text->str, HOSTILE_QUOTE));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (text->str, RTL_QUOTE));
  g_assert_nonnull (strstr (text->str, CJK_QUOTE));
  g_assert_nonnull (strstr (text->str, EMOJI_QUOTE));

  /* The matrix: a header per source, a row per claim; the timeline as inline SVG. */
  context = xpath_context (doc);
  headers = xpath (context, "(//table)[1]/thead/tr/th");
  g_assert_cmpint (headers->nodesetval->nodeNr, ==, 3);
  g_assert_cmpuint (xpath_count (context, "(//table)[1]/tbody/tr"), ==, n_claims);
  g_assert_cmpuint (xpath_count (context, "//td[contains(@class,'denies')]"), >=, 1);
  g_assert_cmpuint (xpath_count (context, "//svg"), ==, 1);
  g_assert_cmpuint (xpath_count (context, "//svg//path"), ==,
                    rsh_comparison_get_timeline (comparison)->len);
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
}

static void
test_markdown (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autofree char *md = export_text (comparison, RSH_EXPORT_MARKDOWN);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  guint n_tables = 0;

  g_assert_true (g_str_has_prefix (md, "# &lt;script&gt;alert\\(1\\)&lt;/script&gt;\n"));
  g_assert_null (strstr (md, "<script"));
  g_assert_null (strstr (md, "<img"));
  g_assert_nonnull (strstr (md, "Desk \\| «世界» 🌍"));
  g_assert_nonnull (strstr (md, CJK_QUOTE));

  /* Every table row has as many unescaped pipes as its header. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint pipes = 0, header_pipes = 0;

      if (lines[i][0] != '|')
        continue;
      for (const char *p = lines[i]; *p; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '|')
            pipes++;
        }
      {
        guint h = i;

        while (h > 0 && lines[h - 1][0] == '|')
          h--;
        if (h == i)
          n_tables++;
        for (const char *p = lines[h]; *p; p++)
          {
            if (*p == '\\' && p[1] != '\0')
              p++;
            else if (*p == '|')
              header_pipes++;
          }
      }
      g_assert_cmpuint (pipes, ==, header_pipes);
    }
  g_assert_cmpuint (n_tables, ==, 2);
}

static gboolean
run_tool (const char * const  *argv,
          char               **out)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
check_pdf (GBytes     *bytes,
           const char *dir,
           const char *name,
           const char * const *expected)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *info = NULL;
  g_autofree char *png_root = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_auto(GStrv) font_lines = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  if (!run_tool ((const char * const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &text))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (strstr (text, expected[i]) == NULL)
        g_test_message ("missing in the PDF text: %s", expected[i]);
      g_assert_nonnull (strstr (text, expected[i]));
    }

  /* Every font embedded (the "emb" column), so the file prints the same anywhere. */
  g_assert_true (run_tool ((const char * const[]) { "pdffonts", path, NULL }, &fonts));
  font_lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (font_lines), >, 3);
  for (guint i = 2; font_lines[i] != NULL && font_lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (font_lines[i], " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint f = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0')
          g_ptr_array_add (words, fields[f]);
      /* name type [encoding…] emb sub uni object ID: "emb" is the fifth from the end. */
      g_assert_cmpuint (words->len, >=, 6);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
    }

  g_assert_true (run_tool ((const char * const[]) { "pdfinfo", path, NULL }, &info));
  g_assert_nonnull (strstr (info, "A4"));
  g_assert_true (run_tool ((const char * const[]) { "pdftoppm", "-r", "40", "-png", "-f", "1",
                                                    "-l", "1", "-singlefile", path, png_root,
                                                    NULL }, NULL));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
test_pdf (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_PDF, NULL);
  g_autofree char *dir = rsh_test_make_tmp_dir ("rashomon-export-pdf");
  const char * const expected[] = { HOSTILE_TITLE, HOSTILE_OUTLET, "=HYPERLINK", "Desk |",
                                    "世界", CJK_QUOTE, "The pier is open again",
                                    "Who says what", "Timeline", "Sources", NULL };

  check_pdf (bytes, dir, "story.pdf", expected);
  rsh_test_remove_tree (dir);
}

/* "About" times: when what a statement talks about happened, apart from when it was made */

static RshComparison *
analyze_sample_story (void)
{
  g_autoptr(GPtrArray) paths = rsh_test_sample_story ();
  g_autoptr(RshProject) project = rsh_project_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(RshSource) source = rsh_project_add_file (project, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (source);
    }
  g_assert_true (rsh_project_analyze (project, NULL, &error));
  g_assert_no_error (error);

  return g_object_ref (rsh_project_get_comparison (project));
}

/* What the exports say of each event that dates what it talks about: its words quoted,
 * then the interval they were read as. */
static GPtrArray *
expected_about_labels (RshComparison *comparison)
{
  const GPtrArray *timeline = rsh_comparison_get_timeline (comparison);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      if (event->about_text == NULL)
        continue;
      if (event->about_earliest != NULL && event->about_latest != NULL &&
          strcmp (event->about_earliest, event->about_latest) != 0)
        g_ptr_array_add (labels, g_strdup_printf ("“%s” — %s – %s", event->about_text,
                                                  event->about_earliest, event->about_latest));
      else if (event->about_earliest != NULL)
        g_ptr_array_add (labels, g_strdup_printf ("“%s” — %s", event->about_text,
                                                  event->about_earliest));
      else
        g_ptr_array_add (labels, g_strdup_printf ("“%s”", event->about_text));
    }

  return labels;
}

/* Runs of white space as one space: the PDF wraps long cells. */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* A spreadsheet's Timeline sheet: a header, one row per event, and the third column, "About",
 * holding every one of @labels. */
static void
assert_about_column (GPtrArray *rows,
                     guint      n_events,
                     GPtrArray *labels)
{
  g_autoptr(GPtrArray) column = g_ptr_array_new ();

  g_assert_cmpuint (rows->len, ==, n_events + 1);
  g_assert_cmpstr (cell (rows, 0, 2), ==, "About");
  for (guint r = 1; r < rows->len; r++)
    g_ptr_array_add (column, (gpointer) cell (rows, r, 2));
  for (guint i = 0; i < labels->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (column, g_ptr_array_index (labels, i),
                                                     g_str_equal, NULL));
}

static void
test_about (void)
{
  g_autoptr(RshComparison) comparison = analyze_sample_story ();
  g_autoptr(GPtrArray) labels = expected_about_labels (comparison);
  guint n_events = rsh_comparison_get_timeline (comparison)->len;

  /* The sample story says "in 2009", "last month", "mid-January" and more. */
  g_assert_cmpuint (labels->len, >=, 5);

  /* HTML: an "About" column in the timeline's table, a cell per event. */
  {
    g_autofree char *html = export_text (comparison, RSH_EXPORT_HTML);
    g_autoptr(xmlDoc) doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                            HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING);
    g_autoptr(xmlXPathContext) context = xpath_context (doc);
    g_autoptr(xmlXPathObject) cells = xpath (context, "//table[thead/tr/th='About']"
                                                      "/tbody/tr/td[@class='about']");
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

    g_assert_cmpuint (xpath_count (context, "//table[thead/tr/th='About']"), ==, 1);
    g_assert_cmpint (cells->nodesetval->nodeNr, ==, n_events);
    for (int i = 0; i < cells->nodesetval->nodeNr; i++)
      g_ptr_array_add (texts, node_text (cells->nodesetval->nodeTab[i]));
    for (guint i = 0; i < labels->len; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (texts, g_ptr_array_index (labels, i),
                                                       g_str_equal, NULL));
  }

  /* Markdown: the column in the timeline table. */
  {
    g_autofree char *md = export_text (comparison, RSH_EXPORT_MARKDOWN);

    g_assert_nonnull (strstr (md, "| When | Source | Who | Stance | About | Statement |"));
    for (guint i = 0; i < labels->len; i++)
      g_assert_nonnull (strstr (md, g_ptr_array_index (labels, i)));
  }

  /* XLSX: the Timeline sheet's third column. */
  {
    g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_XLSX, NULL);
    g_auto(Zip) zip = { 0, };
    g_autoptr(GPtrArray) rows = NULL;

    read_zip (&zip, bytes);
    rows = xlsx_sheet_rows (&zip, "xl/worksheets/sheet4.xml");
    assert_about_column (rows, n_events, labels);
  }

  /* ODS: the same column of the Timeline table. */
  {
    g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_ODS, NULL);
    g_auto(Zip) zip = { 0, };
    g_autoptr(xmlDoc) content = NULL;
    g_autoptr(xmlXPathContext) context = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    read_zip (&zip, bytes);
    content = zip_xml (&zip, "content.xml");
    context = xpath_context (content);
    rows = ods_table_rows (context, "Timeline");
    assert_about_column (rows, n_events, labels);
  }

  /* PDF: the column in the timeline's table, read back as text. */
  {
    g_autoptr(GBytes) bytes = export_bytes (comparison, RSH_EXPORT_PDF, NULL);
    g_autofree char *dir = rsh_test_make_tmp_dir ("rashomon-export-about");
    g_autofree char *path = g_build_filename (dir, "about.pdf", NULL);
    g_autofree char *text = NULL;
    g_autofree char *squeezed = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), &error));
    g_assert_no_error (error);
    if (run_tool ((const char * const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL },
                  &text))
      {
        squeezed = squeeze_spaces (text);
        g_assert_nonnull (strstr (squeezed, "About"));
        for (guint i = 0; i < labels->len; i++)
          {
            g_autofree char *label = squeeze_spaces (g_ptr_array_index (labels, i));

            if (strstr (squeezed, label) == NULL)
              g_test_message ("missing in the PDF text: %s", label);
            g_assert_nonnull (strstr (squeezed, label));
          }
      }
    else
      {
        g_test_message ("pdftotext (poppler-utils) is not installed: PDF text not checked");
      }
    rsh_test_remove_tree (dir);
  }
}

static void
test_json (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autofree char *json = export_text (comparison, RSH_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *first;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rashomon-comparison");
  first = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, HOSTILE_TITLE);
  g_assert_cmpstr (json_object_get_string_member (first, "outlet"), ==, HOSTILE_OUTLET);
  g_assert_nonnull (strstr (json, CJK_QUOTE));
}

/* LibreOffice opens the XLSX and the ODS, and their first sheet saved as CSV is the engine's
 * own matrix. */
static void
convert_with_soffice (const char *soffice,
                      const char *dir,
                      const char *input,
                      GPtrArray  *expected)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out_dir = g_build_filename (dir, "converted", NULL);
  g_autofree char *base = g_path_get_basename (input);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *csv_name = g_strconcat (stem, ".csv", NULL);
  g_autofree char *csv_path = g_build_filename (out_dir, csv_name, NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  /* Comma, double quote, UTF-8 (76), start at line 1. */
  const char * const argv[] = { soffice, env, "--headless", "--norestore", "--convert-to",
                                "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out_dir,
                                input, NULL };
  g_autofree char *out = NULL;

  g_assert_true (run_tool (argv, &out));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  /* LibreOffice ends lines with LF and quotes only where needed: parse_csv reads both. */
  rows = parse_csv (csv);
  assert_matrix_equal (expected, rows);
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(GBytes) ods = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *ods_path = NULL;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  comparison = make_story ();
  xlsx = export_bytes (comparison, RSH_EXPORT_XLSX, NULL);
  ods = export_bytes (comparison, RSH_EXPORT_ODS, NULL);
  csv = export_text (comparison, RSH_EXPORT_CSV);
  expected = parse_csv (csv);

  dir = rsh_test_make_tmp_dir ("rashomon-export-lo");
  xlsx_path = rsh_test_write_file (dir, "story-xlsx.xlsx", g_bytes_get_data (xlsx, NULL),
                                   g_bytes_get_size (xlsx));
  ods_path = rsh_test_write_file (dir, "story-ods.ods", g_bytes_get_data (ods, NULL),
                                  g_bytes_get_size (ods));
  convert_with_soffice (soffice, dir, xlsx_path, expected);
  convert_with_soffice (soffice, dir, ods_path, expected);
  rsh_test_remove_tree (dir);
}

static void
test_big (void)
{
  g_autoptr(RshComparison) comparison = make_big_story (200);
  g_autofree char *dir = rsh_test_make_tmp_dir ("rashomon-export-big");
  guint n_claims = g_list_model_get_n_items (rsh_comparison_get_claims (comparison));
  g_autofree char *csv = export_text (comparison, RSH_EXPORT_CSV);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(GBytes) xlsx = export_bytes (comparison, RSH_EXPORT_XLSX, NULL);
  g_autoptr(GBytes) ods = export_bytes (comparison, RSH_EXPORT_ODS, NULL);
  g_autoptr(GBytes) pdf = export_bytes (comparison, RSH_EXPORT_PDF, NULL);
  g_autofree char *html = export_text (comparison, RSH_EXPORT_HTML);
  g_autofree char *md = export_text (comparison, RSH_EXPORT_MARKDOWN);
  g_autofree char *json = export_text (comparison, RSH_EXPORT_JSON);
  g_autofree char *mentions = export_text (comparison, RSH_EXPORT_MENTIONS_CSV);
  g_auto(Zip) xlsx_zip = { 0, };
  g_auto(Zip) ods_zip = { 0, };
  g_autoptr(GPtrArray) xlsx_rows = NULL;
  g_autoptr(GPtrArray) ods_rows = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlXPathContext) context = NULL;
  g_autoptr(xmlDoc) page = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const expected[] = { "Outlet 001", "Outlet 200", "Who says what", NULL };

  g_assert_cmpuint (n_claims, >, 0);
  g_assert_cmpuint (rows->len, ==, n_claims + 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 0))->len, ==, 201);

  read_zip (&xlsx_zip, xlsx);
  xlsx_rows = xlsx_sheet_rows (&xlsx_zip, "xl/worksheets/sheet1.xml");
  assert_matrix_equal (rows, xlsx_rows);

  read_zip (&ods_zip, ods);
  content = zip_xml (&ods_zip, "content.xml");
  context = xpath_context (content);
  ods_rows = ods_table_rows (context, "Comparison");
  assert_matrix_equal (rows, ods_rows);

  page = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (page);
  check_html_node (xmlDocGetRootElement (page), text);
  g_assert_nonnull (strstr (text->str, "Outlet 200"));
  g_assert_nonnull (strstr (md, "Outlet 200"));
  g_assert_nonnull (strstr (json, "\"s200\""));
  g_assert_cmpuint (strlen (mentions), >, 0);

  check_pdf (pdf, dir, "big.pdf", expected);
  rsh_test_remove_tree (dir);
}

typedef struct
{
  double  last;
  guint   reports;
  gboolean destroyed;
  GAsyncResult *result;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* In the caller's context, never in the worker that happened to find it free. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >=, state->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->last = fraction;
  state->reports++;
}

static void
progress_destroy_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  state->destroyed = TRUE;
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(RshComparison) comparison = make_story ();
  g_autofree char *dir = rsh_test_make_tmp_dir ("rashomon-export-async");
  g_autofree char *path = g_build_filename (dir, "story.xlsx", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) kept_file = g_file_new_for_path (kept);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AsyncState state = { 0, };

  rsh_comparison_export_async (comparison, RSH_EXPORT_XLSX, NULL, file, progress_cb, &state,
                               progress_destroy_cb, NULL, export_cb, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rsh_comparison_export_finish (comparison, state.result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&state.result);
  /* The progress data is freed once the task and every queued report are gone. */
  while (!state.destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (state.last, ==, 1.0);
  g_assert_cmpuint (state.reports, >=, 2);

  /* Cancelled: the error, and the file that was there is left alone. */
  g_assert_true (g_file_set_contents (kept, "before", -1, NULL));
  g_cancellable_cancel (cancellable);
  rsh_comparison_export_async (comparison, RSH_EXPORT_HTML, NULL, kept_file, NULL, NULL, NULL,
                               cancellable, export_cb, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rsh_comparison_export_finish (comparison, state.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&state.result);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");

  rsh_test_remove_tree (dir);
}

/* The command line */

static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("RSH_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rashomon-export-cli");
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "fixtures", "export",
                                              "harbour-notice.txt", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "fixtures", "export",
                                              "world-desk.txt", NULL);
  g_autofree char *project = g_build_filename (dir, "story.rashomon", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.rashomon", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "story.xlsx", NULL);
  g_autofree char *html = g_build_filename (dir, "story.html", NULL);
  g_autofree char *mentions = g_build_filename (dir, "mentions.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Zip) zip = { 0, };
  gsize size;

  /* analyze: a binary format with -o, the mentions alongside, stored in a project. */
  g_assert_cmpint (run_cli ((const char * const[]) { "analyze", "--format", "xlsx", "-o", xlsx,
                                                     "--mentions-csv", mentions,
                                                     "--claim", HOSTILE_CLAIM, "--project",
                                                     project, a, b, NULL }, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, &size, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  read_zip (&zip, bytes);
  g_assert_true (g_hash_table_contains (zip.files, "xl/worksheets/sheet4.xml"));
  g_assert_true (g_file_get_contents (mentions, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\"claim_id\",\"claim\",\"source\""));
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* export: a saved project, opened, compared again and written. */
  g_assert_cmpint (run_cli ((const char * const[]) { "export", "--project", project, "--format",
                                                     "html", "-o", html, NULL }, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (contents, "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char * const[]) { "export", "--project", project, "--format",
                                                     "md", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "# "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors and a missing project. */
  g_assert_cmpint (run_cli ((const char * const[]) { "export", "--format", "pdf", NULL }, &out,
                            &err), ==, 2);
  g_assert_nonnull (strstr (err, "--project"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char * const[]) { "export", "--project", project, "--format",
                                                     "docx", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "docx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char * const[]) { "export", "--project", missing, NULL },
                            &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/export/formats", test_formats);
  g_test_add_func ("/core/export/csv", test_csv);
  g_test_add_func ("/core/export/options", test_options);
  g_test_add_func ("/core/export/xlsx", test_xlsx);
  g_test_add_func ("/core/export/ods", test_ods);
  g_test_add_func ("/core/export/html", test_html);
  g_test_add_func ("/core/export/markdown", test_markdown);
  g_test_add_func ("/core/export/pdf", test_pdf);
  g_test_add_func ("/core/export/json", test_json);
  g_test_add_func ("/core/export/about", test_about);
  g_test_add_func ("/core/export/async", test_async);
  g_test_add_func ("/core/export/cli", test_cli);
  g_test_add_func ("/core/export/big", test_big);
  g_test_add_func ("/core/export/libreoffice", test_libreoffice);

  return g_test_run ();
}
