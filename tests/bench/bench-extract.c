/* bench-extract.c: article body extraction measured on the Zyte article-extraction
 * benchmark, side by side with Mozilla Readability.js
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-extract [--pages] [--dump DIR] [--no-readability] [--passes N]
 *
 * --dump DIR writes each page's text (<id>.txt) and what was found besides it (<id>.meta).
 *
 * Reads $RSH_SHARED_DATA/article-extraction-benchmark (else ../shared/data next to the
 * source tree), extracts every page the way rsh_source_load_bytes() does, and scores the
 * text with the benchmark's own metric: Unicode \w+ tokens, 4-gram shingles with counts,
 * per-page precision and recall, means over pages, F1 = 2PR/(P+R), and accuracy as the
 * share of pages whose token sequence equals the truth. The pages are split by a hash of
 * their id into a "tune" half and a "held-out" half; both are reported. Speed is pages per
 * second over the fastest of N timings of each page, for both extractors.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include <rashomon.h>

#define NGRAM 4

typedef struct
{
  char   *id;
  char   *url;
  char   *truth;
  GBytes *html;
  gboolean held_out;
  /* per extractor */
  double  precision[2];
  double  recall[2];
  gboolean has_precision[2];
  gboolean has_recall[2];
  gboolean exact[2];
} Page;

typedef struct
{
  double precision;
  double recall;
  double f1;
  double accuracy;
  guint  n;
} Score;

enum { OURS, READABILITY };

static void
page_free (Page *page)
{
  g_free (page->id);
  g_free (page->url);
  g_free (page->truth);
  g_clear_pointer (&page->html, g_bytes_unref);
  g_free (page);
}

/* Python's \w in a str pattern: letters, numbers (any category) and the underscore. */
static gboolean
is_word_char (gunichar c)
{
  switch ((int) g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return c == '_';
    }
}

static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text ? text : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_word_char (c))
        {
          if (start == NULL)
            start = p;
        }
      else if (start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return tokens;
}

/* Shingle → count, as the benchmark's _all_shingles: a text of fewer than four tokens is
 * one shorter shingle, an empty text none. */
static GHashTable *
shingles (GPtrArray *tokens)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = tokens->len >= NGRAM ? tokens->len - NGRAM + 1 : 1;

  for (guint i = 0; i < n && tokens->len > 0; i++)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      gpointer count;

      for (guint k = i; k < MIN (i + NGRAM, tokens->len); k++)
        {
          if (key->len > 0)
            g_string_append_c (key, '\x1f');
          g_string_append (key, g_ptr_array_index (tokens, k));
        }
      count = g_hash_table_lookup (counts, key->str);
      g_hash_table_replace (counts, g_string_free (g_steal_pointer (&key), FALSE),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  return counts;
}

static gboolean
same_tokens (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Precision and recall of one page; a side with no shingles leaves its figure undefined,
 * and such pages are left out of that mean, as the benchmark does. */
static void
score_page (Page       *page,
            guint       which,
            const char *predicted)
{
  g_autoptr(GPtrArray) true_tokens = tokenize (page->truth);
  g_autoptr(GPtrArray) pred_tokens = tokenize (predicted);
  g_autoptr(GHashTable) true_sh = shingles (true_tokens);
  g_autoptr(GHashTable) pred_sh = shingles (pred_tokens);
  GHashTableIter iter;
  gpointer key, value;
  double tp = 0, fp = 0, fn = 0;

  g_hash_table_iter_init (&iter, true_sh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint t = GPOINTER_TO_UINT (value);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (pred_sh, key));

      tp += MIN (t, p);
      fn += t > p ? t - p : 0;
    }
  g_hash_table_iter_init (&iter, pred_sh);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint p = GPOINTER_TO_UINT (value);
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (true_sh, key));

      fp += p > t ? p - t : 0;
    }

  page->has_precision[which] = tp + fp > 0;
  page->has_recall[which] = tp + fn > 0;
  if (fp == 0 && fn == 0)
    page->precision[which] = page->recall[which] = 1.0;
  else
    {
      page->precision[which] = tp + fp > 0 ? tp / (tp + fp) : 0.0;
      page->recall[which] = tp + fn > 0 ? tp / (tp + fn) : 0.0;
    }
  page->exact[which] = same_tokens (true_tokens, pred_tokens);
}

/* @half: -1 for all pages, 0 for the tune half, 1 for the held-out half. */
static Score
aggregate (GPtrArray *pages,
           guint      which,
           int        half)
{
  Score s = { 0, };
  guint n_p = 0, n_r = 0, n_exact = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);

      if (half >= 0 && page->held_out != (half == 1))
        continue;
      s.n++;
      if (page->has_precision[which])
        {
          s.precision += page->precision[which];
          n_p++;
        }
      if (page->has_recall[which])
        {
          s.recall += page->recall[which];
          n_r++;
        }
      if (page->exact[which])
        n_exact++;
    }
  s.precision = n_p > 0 ? s.precision / n_p : 0;
  s.recall = n_r > 0 ? s.recall / n_r : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.accuracy = s.n > 0 ? (double) n_exact / s.n : 0;
  return s;
}

static void
print_scores (GPtrArray  *pages,
              guint       which,
              const char *name,
              double      seconds,
              guint       n_run)
{
  static const char * const halves[] = { "all", "tune", "held-out" };

  for (int half = -1; half <= 1; half++)
    {
      Score s = aggregate (pages, which, half);

      g_print ("%-12s %-9s n=%-4u P %.3f  R %.3f  F1 %.3f  accuracy %.3f\n",
               name, halves[half + 1], s.n, s.precision, s.recall, s.f1, s.accuracy);
    }
  g_print ("%-12s speed     %.1f pages/s (%.3f s for %u pages)\n",
           name, n_run / seconds, seconds, n_run);
}

static GBytes *
gunzip_file (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, error);
  g_autoptr(GZlibDecompressor) zlib = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (raw == NULL)
    return NULL;
  zlib = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  in = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (zlib));
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* FNV-1a of the id: a fixed split that no GLib version can reshuffle. */
static guint32
split_hash (const char *id)
{
  guint32 h = 2166136261u;

  for (const char *p = id; *p; p++)
    {
      h ^= (guchar) *p;
      h *= 16777619u;
    }
  return h;
}

static char *
find_data_dir (void)
{
  const char *env = g_getenv ("RSH_SHARED_DATA");
  g_autofree char *base = NULL;
  char *dir;

  if (env != NULL && *env != '\0')
    base = g_strdup (env);
  else
    base = g_build_filename (RSH_BENCH_SOURCE_ROOT, "..", "shared", "data", NULL);
  dir = g_build_filename (base, "article-extraction-benchmark", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      return NULL;
    }
  return dir;
}

static GPtrArray *
load_pages (const char  *dir,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *truth_path = g_build_filename (dir, "ground-truth.json", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  g_autoptr(GList) members = NULL;
  JsonObject *root;

  if (!json_parser_load_from_file (parser, truth_path, error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  members = g_list_sort (members, (GCompareFunc) strcmp);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (root, l->data);
      g_autofree char *name = g_strconcat (l->data, ".html.gz", NULL);
      g_autofree char *path = g_build_filename (dir, "html", name, NULL);
      Page *page;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      page = g_new0 (Page, 1);
      page->id = g_strdup (l->data);
      page->truth = g_strdup (json_object_get_string_member_with_default (entry, "articleBody",
                                                                          ""));
      page->url = g_strdup (json_object_get_string_member_with_default (entry, "url", ""));
      page->held_out = split_hash (page->id) % 2 == 1;
      page->html = gunzip_file (path, error);
      if (page->html == NULL)
        {
          page_free (page);
          return NULL;
        }
      g_ptr_array_add (pages, page);
    }
  return g_steal_pointer (&pages);
}

static const char *
or_empty (const char *str)
{
  return str != NULL ? str : "";
}

/* What the extractor found besides the text, one field a line, so that --dump shows a
 * change to the metadata as well as to the body. */
static char *
describe_source (RshSource *source)
{
  GString *out = g_string_new (NULL);
  const char * const *authors = rsh_source_get_authors (source);
  const GArray *paragraphs = rsh_source_get_paragraphs (source);
  const GArray *sentences = rsh_source_get_sentences (source);

  g_string_append_printf (out, "title: %s\n", or_empty (rsh_source_get_title (source)));
  g_string_append_printf (out, "outlet: %s\n", or_empty (rsh_source_get_outlet (source)));
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    g_string_append_printf (out, "author: %s\n", authors[i]);
  g_string_append_printf (out, "published: %s\n", or_empty (rsh_source_get_published (source)));
  g_string_append_printf (out, "modified: %s\n", or_empty (rsh_source_get_modified (source)));
  g_string_append_printf (out, "language: %s\n", or_empty (rsh_source_get_language (source)));
  g_string_append_printf (out, "url: %s\n", or_empty (rsh_source_get_url (source)));
  g_string_append_printf (out, "paragraphs: %u\n", paragraphs != NULL ? paragraphs->len : 0);
  g_string_append_printf (out, "sentences: %u\n", sentences != NULL ? sentences->len : 0);
  return g_string_free (out, FALSE);
}

/* Each page is extracted @passes times and its fastest time counts, so that other work
 * on a shared machine disturbs the figure less; Readability is timed the same way. */
static double
run_ours (GPtrArray  *pages,
          guint       passes,
          const char *dump_dir)
{
  double total = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);
      g_autoptr(RshSource) source = NULL;
      const char *text = "";
      double best = G_MAXDOUBLE;

      for (guint pass = 0; pass < passes; pass++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start;

          g_clear_object (&source);
          source = rsh_source_new (*page->url ? page->url : page->id);
          start = g_get_monotonic_time ();
          if (rsh_source_load_bytes (source, page->html, "text/html; charset=utf-8", &error))
            text = rsh_source_get_text (source);
          else
            text = "";
          best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
        }
      total += best;
      score_page (page, OURS, text);

      if (dump_dir != NULL)
        {
          g_autofree char *name = g_strconcat (page->id, ".txt", NULL);
          g_autofree char *path = g_build_filename (dump_dir, name, NULL);
          g_autofree char *meta_name = g_strconcat (page->id, ".meta", NULL);
          g_autofree char *meta_path = g_build_filename (dump_dir, meta_name, NULL);
          g_autofree char *meta = describe_source (source);

          g_mkdir_with_parents (dump_dir, 0755);
          g_file_set_contents (path, text, -1, NULL);
          g_file_set_contents (meta_path, meta, -1, NULL);
        }
    }
  return total;
}

/* One node process reads every page and prints one JSON object per line:
 * {"id", "text", "ms"}, where ms times the DOM parse and Readability alone. */
static gboolean
run_readability (GPtrArray  *pages,
                 const char *data_dir,
                 guint       passes,
                 double     *seconds)
{
  g_autofree char *runner_dir = g_build_filename (RSH_BENCH_SOURCE_ROOT, "tests", "bench",
                                                  "readability", NULL);
  g_autofree char *runner = g_build_filename (runner_dir, "run.mjs", NULL);
  g_autofree char *modules = g_build_filename (runner_dir, "node_modules", "@mozilla",
                                               "readability", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *html_dir = g_build_filename (data_dir, "html", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autofree char *passes_arg = g_strdup_printf ("%u", passes);
  guint scored = 0;

  if (node == NULL || !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_print ("readability  skipped: needs node and `npm install` in %s\n", runner_dir);
      return FALSE;
    }

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = g_ptr_array_index (pages, i);

      g_hash_table_insert (by_id, page->id, page);
      g_string_append_printf (ids, "%s\t%s\n", page->id, page->url);
    }
  input = g_string_free_to_bytes (g_steal_pointer (&ids));

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error, node, runner, html_dir, passes_arg, NULL);
  if (proc == NULL || !g_subprocess_communicate (proc, input, NULL, &out, NULL, &error) ||
      !g_subprocess_get_successful (proc))
    {
      g_print ("readability  skipped: the runner failed (%s)\n",
               error ? error->message : "non-zero exit");
      return FALSE;
    }

  *seconds = 0;
  lines = g_strsplit (g_bytes_get_data (out, NULL) ? g_bytes_get_data (out, NULL) : "",
                      "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;
      Page *page;

      if (*lines[i] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      page = g_hash_table_lookup (by_id, json_object_get_string_member_with_default (object,
                                                                                   "id", ""));
      if (page == NULL)
        continue;
      score_page (page, READABILITY,
                  json_object_get_string_member_with_default (object, "text", ""));
      *seconds += json_object_get_double_member_with_default (object, "ms", 0) / 1000.0;
      scored++;
    }
  if (scored != pages->len)
    {
      g_print ("readability  skipped: the runner answered for %u of %u pages\n",
               scored, pages->len);
      return FALSE;
    }
  return TRUE;
}

static int
compare_f1 (gconstpointer a,
            gconstpointer b)
{
  const Page *pa = *(Page * const *) a;
  const Page *pb = *(Page * const *) b;
  double fa = pa->precision[OURS] + pa->recall[OURS] > 0 ?
    2 * pa->precision[OURS] * pa->recall[OURS] / (pa->precision[OURS] + pa->recall[OURS]) : 0;
  double fb = pb->precision[OURS] + pb->recall[OURS] > 0 ?
    2 * pb->precision[OURS] * pb->recall[OURS] / (pb->precision[OURS] + pb->recall[OURS]) : 0;

  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  gboolean per_page = FALSE;
  gboolean no_readability = FALSE;
  int passes = 3;
  g_autofree char *dump_dir = NULL;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_NONE, &per_page,
      "Print each page's figures, worst first", NULL },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_dir,
      "Write our text of each page to DIR/<id>.txt and its metadata to DIR/<id>.meta", "DIR" },
    { "no-readability", 0, 0, G_OPTION_ARG_NONE, &no_readability,
      "Do not run Readability.js", NULL },
    { "passes", 0, 0, G_OPTION_ARG_INT, &passes,
      "Time each page this many times and keep the fastest (default 3)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *data_dir = NULL;
  double ours_s, theirs_s = 0;
  gboolean theirs = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  data_dir = find_data_dir ();
  if (data_dir == NULL)
    {
      g_print ("bench-extract: skipped, article-extraction-benchmark not found "
               "(set RSH_SHARED_DATA)\n");
      return 0;
    }
  pages = load_pages (data_dir, &error);
  if (pages == NULL)
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }

  passes = CLAMP (passes, 1, 20);
  ours_s = run_ours (pages, passes, dump_dir);
  if (!no_readability)
    theirs = run_readability (pages, data_dir, passes, &theirs_s);

  if (per_page)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_copy (pages, NULL, NULL);

      g_ptr_array_set_free_func (sorted, NULL);

      g_ptr_array_sort (sorted, compare_f1);
      for (guint i = 0; i < sorted->len; i++)
        {
          Page *page = g_ptr_array_index (sorted, i);
          double p = page->precision[OURS], r = page->recall[OURS];

          g_print ("%-9s P %.3f R %.3f F1 %.3f%s%s  %.16s  %s\n",
                   page->held_out ? "held-out" : "tune", p, r,
                   p + r > 0 ? 2 * p * r / (p + r) : 0,
                   p < 0.9 ? " LOW-P" : "", r < 0.9 ? " LOW-R" : "",
                   page->id, page->url);
        }
    }

  g_print ("bench-extract: %u pages from %s\n", pages->len, data_dir);
  print_scores (pages, OURS, "rashomon", ours_s, pages->len);
  if (theirs)
    {
      print_scores (pages, READABILITY, "readability", theirs_s, pages->len);
      g_print ("speed ratio  rashomon/readability = %.1fx\n", theirs_s / ours_s);
    }
  return 0;
}
