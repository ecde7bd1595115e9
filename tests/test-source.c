/* test-source.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <rashomon.h>

#include "rsh-test-server.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "source", name, NULL);
}

static RshSource *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  RshSource *source = rsh_source_new (path);

  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_assert_null (rsh_source_get_error_message (source));
  return source;
}

/* Loads @input, expects @code, and checks that the message names @name. */
static void
assert_load_fails (const char *input,
                   const char *name,
                   RshError    code)
{
  g_autoptr(RshSource) source = rsh_source_new (input);
  g_autoptr(GError) error = NULL;

  g_assert_false (rsh_source_load (source, NULL, &error));
  g_assert_error (error, RSH_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_cmpstr (rsh_source_get_error_message (source), ==, error->message);
  g_assert_null (rsh_source_get_text (source));
}

static void
assert_text_shape (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "\n\n\n"));
  g_assert_null (strchr (text, '\r'));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
}

/* Every sentence is a trimmed stretch of the text, inside its paragraph, in order. */
static void
assert_spans_consistent (RshSource *source)
{
  const char *text = rsh_source_get_text (source);
  const GArray *paragraphs = rsh_source_get_paragraphs (source);
  const GArray *sentences = rsh_source_get_sentences (source);
  glong n_chars = g_utf8_strlen (text, -1);
  guint previous_end = 0;

  g_assert_nonnull (paragraphs);
  g_assert_nonnull (sentences);
  g_assert_cmpuint (paragraphs->len, >, 0);
  g_assert_cmpuint (sentences->len, >=, paragraphs->len);

  for (guint i = 0; i < sentences->len; i++)
    {
      const RshSpan *span = &g_array_index (sentences, RshSpan, i);
      const RshSpan *para;
      g_autofree char *piece = NULL;
      const char *a;
      const char *b;

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, (guint) n_chars);
      g_assert_cmpuint (span->start, >=, previous_end);
      g_assert_cmpuint (span->paragraph, <, paragraphs->len);
      para = &g_array_index (paragraphs, RshSpan, span->paragraph);
      g_assert_cmpuint (span->start, >=, para->start);
      g_assert_cmpuint (span->end, <=, para->end);

      a = g_utf8_offset_to_pointer (text, span->start);
      b = g_utf8_offset_to_pointer (text, span->end);
      piece = rsh_substring (text, span->start, span->end);
      g_assert_cmpint (strlen (piece), ==, b - a);
      g_assert_cmpint (strncmp (piece, a, b - a), ==, 0);
      g_assert_false (g_unichar_isspace (g_utf8_get_char (piece)));
      previous_end = span->end;
    }
}

/* A worker thread may still hold the last reference to a task for a moment after the
 * callback ran; wait for it (bounded) instead of racing it. */
static void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_null (weak);
}

/* HTML ------------------------------------------------------------------------------- */

static void
test_html_metadata (void)
{
  g_autoptr(RshSource) source = load_fixture ("full-metadata.html");
  g_autofree char *path = fixture_path ("full-metadata.html");
  g_autofree char *contents = NULL;
  const char * const *authors = rsh_source_get_authors (source);
  const char *text = rsh_source_get_text (source);
  gsize length = 0;
  static const char * const boilerplate[] = {
    "Home", "Sport", "Share on", "Share this", "every morning since", "comments",
    "Reader Anna", "Reader Olof", "Related stories", "road maintenance", "All rights reserved",
    "Advertisement", "Lakeside Motors", "window.tracker", "color:", "photographed last summer",
    "4 min read", "Harbour bridge shut", "Hidden summary",
  };

  g_assert_cmpstr (rsh_source_get_title (source), ==,
                   "Harbour bridge shut after inspectors find crack");
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "The Lakeside Courier");
  g_assert_cmpuint (g_strv_length ((char **) authors), ==, 1);
  g_assert_cmpstr (authors[0], ==, "Mara Lindqvist");
  /* datePublished, never dateModified nor article:modified_time */
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-03-04T08:15:00+01:00");
  g_assert_cmpstr (rsh_source_get_language (source), ==, "en");
  g_assert_cmpstr (rsh_source_get_url (source), ==,
                   "https://courier.example/news/harbour-bridge-shut?ref=canonical");
  g_assert_cmpstr (rsh_source_get_content_type (source), ==, "text/html");

  assert_text_shape (text);
  g_assert_true (g_str_has_prefix (text, "The old harbour bridge in Lakeside was closed"));
  g_assert_nonnull (strstr (text, "\n\n“We will not reopen it until engineers are certain it "
                                  "is safe,” said Ilse Brandt, who chairs the council’s"));
  g_assert_nonnull (strstr (text, "\n\nRepairs could take months\n\n"));
  g_assert_nonnull (strstr (text, "\n\nPedestrians can use the ferry for free until the "
                                  "bridge reopens.\n\nA public meeting"));
  g_assert_true (g_str_has_suffix (text, "at the town hall."));
  for (gsize i = 0; i < G_N_ELEMENTS (boilerplate); i++)
    {
      if (strstr (text, boilerplate[i]) != NULL)
        g_error ("boilerplate “%s” leaked into the text:\n%s", boilerplate[i], text);
    }
  g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 7);
  assert_spans_consistent (source);

  /* The original bytes are kept as they were. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (rsh_source_get_raw (source), NULL),
                   g_bytes_get_size (rsh_source_get_raw (source)), contents, length);
}

static void
test_html_windows_1252 (void)
{
  g_autoptr(RshSource) source = load_fixture ("windows-1252.html");
  const char *text = rsh_source_get_text (source);

  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Café row fears new parking rules");
  g_assert_true (g_str_has_prefix (text, "Owners of the cafés along Mill Street say the "
                                         "council’s new parking rules"));
  g_assert_nonnull (strstr (text, "“Nobody will pay €4 an hour to drink a coffee,” said "
                                  "Renée Falk"));
  g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 3);
  g_assert_cmpstr (rsh_source_get_language (source), ==, "en");
  assert_spans_consistent (source);
}

static void
test_html_wrong_charset (void)
{
  g_autoptr(RshSource) source = load_fixture ("wrong-charset.html");
  const char *text = rsh_source_get_text (source);

  /* The page says UTF-8 but its bytes are ISO-8859-1. */
  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Streit um die Fähre");
  g_assert_true (g_str_has_prefix (text, "Der Streit um die neue Fähre über den Mühlensee"));
  g_assert_nonnull (strstr (text, "günstige Tarife für Schüler"));
  g_assert_null (strstr (text, "\xEF\xBF\xBD"));   /* no U+FFFD */
  g_assert_cmpstr (rsh_source_get_language (source), ==, "de");
  assert_spans_consistent (source);
}

/* Where metadata comes from when the obvious tags are missing or junk. */
static void
test_html_fallbacks (void)
{
  static const struct {
    const char *input;
    const char *html;
    const char *title;
    const char *outlet;
    const char *authors;
    const char *published;
    const char *language;
    const char *url;
    const char *first_words;
  } cases[] = {
    {
      "storm.html",
      "<html><head><title>Storm cuts power to islands - Island Herald</title>"
      "<meta name='application-name' content='Island Herald'>"
      "<meta name='author' content='Staff'>"
      "<meta property='article:author' content='https://island.example/staff/jo-park'>"
      "<meta http-equiv='content-language' content='fr-CA'></head><body>"
      "<div class='byline'>By Jo Park and Min Seo | 5 Minute Read | March 3, 2025 | "
      "Updated</div>"
      "<time datetime='2025-03-04T09:00:00Z' itemprop='dateModified'>updated</time>"
      "<time datetime='2025-03-03T06:00:00Z' pubdate>3 March</time>"
      "<div class='text'><p>Strong winds cut power to three islands overnight, and ferries "
      "stayed in port, the harbour office said on Monday morning.</p>"
      "<p>Repair crews expect to restore the lines by Wednesday if the wind drops, the "
      "utility said in a short statement.</p></div></body></html>",
      "Storm cuts power to islands", "Island Herald", "Jo Park; Min Seo",
      "2025-03-03T06:00:00Z", "fr", NULL, "Strong winds cut power",
    },
    {
      "https://zeitung.example/lokales/artikel-1",
      "<html><head><link rel='canonical' href='/lokales/artikel-1?amp=0'>"
      "<meta name='dc.date' content='2025-02-14'>"
      "<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebSite\", "
      "\"name\": \"Seitenname\"}, {\"@type\": [\"NewsArticle\"], "
      "\"author\": [\"Ines Moreau\", \"Karl Berg\"], \"dateModified\": \"2025-02-20\", "
      "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Talzeitung\"}}]}</script>"
      "<script type='application/ld+json'>{ broken json</script>"
      "</head><body><h1>Neue Brücke für das Tal</h1>"
      "<div><p>Die Gemeinde hat am Montag beschlossen, dass die alte Brücke über den Fluss "
      "durch eine neue ersetzt wird, die auch für Radfahrer breit genug ist.</p>"
      "<p>Der Bau soll im Herbst beginnen und etwa zwei Jahre dauern, sagte der "
      "Bürgermeister, der mit Kosten von vier Millionen Euro rechnet.</p></div>"
      "</body></html>",
      "Neue Brücke für das Tal", "Talzeitung", "Ines Moreau; Karl Berg", "2025-02-14", "de",
      "https://zeitung.example/lokales/artikel-1?amp=0", "Die Gemeinde hat am Montag",
    },
    {
      "blog.htm",
      "<html lang='es-MX'><head><title>Bitácora del Sur | La sequía vacía el embalse</title>"
      "<meta property='og:site_name' content='Bitácora del Sur'>"
      "<meta property='article:modified_time' content='2025-01-20T10:00:00Z'>"
      "<meta itemprop='datePublished' content='2025-01-09 07:30:00'>"
      "<meta property='og:url' content='https://bitacora.example/sequia'></head><body>"
      "<span class='author-box'>Escrito por <a rel='author' href='/ines'>Inés Vidal</a></span>"
      "<table><tr><td class='main'><p>El embalse de la comarca está al diez por ciento de su "
      "capacidad, según los datos publicados el martes por la confederación del río.</p>"
      "<p>Los agricultores piden ayudas, y el gobierno regional dijo que estudiará la "
      "petición durante las próximas semanas.</p></td>"
      "<td class='sidebar'><p>Lo más leído: diez recetas para el verano que no te puedes "
      "perder este año.</p></td></tr></table></body></html>",
      "La sequía vacía el embalse", "Bitácora del Sur", "Inés Vidal", "2025-01-09T07:30:00",
      "es", "https://bitacora.example/sequia", "El embalse de la comarca",
    },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new (cases[i].input);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].html, strlen (cases[i].html));
      g_autoptr(GError) error = NULL;
      g_autofree char *authors = NULL;
      const char *text;

      g_test_message ("case %s", cases[i].input);
      g_assert_true (rsh_source_load_bytes (source, bytes, NULL, &error));
      g_assert_no_error (error);
      text = rsh_source_get_text (source);
      authors = g_strjoinv ("; ", (char **) rsh_source_get_authors (source));

      g_assert_cmpstr (rsh_source_get_title (source), ==, cases[i].title);
      g_assert_cmpstr (rsh_source_get_outlet (source), ==, cases[i].outlet);
      g_assert_cmpstr (authors, ==, cases[i].authors);
      g_assert_cmpstr (rsh_source_get_published (source), ==, cases[i].published);
      g_assert_cmpstr (rsh_source_get_language (source), ==, cases[i].language);
      g_assert_cmpstr (rsh_source_get_url (source), ==, cases[i].url);
      assert_text_shape (text);
      g_assert_true (g_str_has_prefix (text, cases[i].first_words));
      g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 2);
      g_assert_null (strstr (text, "Minute Read"));
      g_assert_null (strstr (text, "recetas"));
      g_assert_null (strstr (text, "Escrito por"));
      g_assert_null (strstr (text, "Neue Brücke"));
      assert_spans_consistent (source);
    }
}

/* The classic metadata failures: labels taken for authors, the modification date taken
 * for the publication date, relative canonical links, JSON-LD graphs, several authors. */
static void
test_html_metadata_traps (void)
{
  static const struct {
    const char *input;
    const char *html;
    const char *authors;
    const char *published;
    const char *modified;
    const char *url;
    const char *outlet;
  } cases[] = {
    {
      /* Only modification dates, and nothing but labels where the author should be. */
      "reservoir.html",
      "<html><head><title>Reservoir levels fall again | Valley Post</title>"
      "<meta name='author' content='5 Minute Read'>"
      "<meta property='article:author' content='By Staff | Updated'>"
      "<meta property='article:modified_time' content='2025-04-02T10:00:00Z'>"
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Reservoir levels fall again\", "
      "\"dateModified\": \"2025-04-02T10:00:00Z\", "
      "\"author\": {\"@type\": \"Organization\", \"name\": \"Valley Post Staff\"}}</script>"
      "</head><body><p class='byline'>By Staff | Updated 2 April</p>"
      "<time itemprop='dateModified' datetime='2025-04-02'>2 April</time>"
      "<article><p>The reservoir above the valley dropped another two metres in March, and the "
      "water board asked farmers to cut their use by a fifth until the rains return.</p>"
      "<p>Boat hire on the lake has stopped for the season, the owners of the two landing "
      "stages said, because the jetties no longer reach the water.</p></article>"
      "</body></html>",
      "", NULL, "2025-04-02T10:00:00Z", NULL, "Valley Post",
    },
    {
      /* A JSON-LD graph where a web page also has a date, and the article has two people
       * and a desk for authors; a canonical link relative to the page's directory. */
      "https://news.example/world/europe/story.html",
      "<html><head><link rel='canonical' href='../asia/story-2.html?edition=intl'>"
      "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", "
      "\"@graph\": [{\"@type\": \"WebPage\", \"datePublished\": \"2020-01-01\"}, "
      "{\"@type\": \"Organization\", \"name\": \"Globe Wire\"}, "
      "{\"@type\": \"ReportageNewsArticle\", \"headline\": \"Monsoon arrives early\", "
      "\"author\": [{\"@type\": \"Person\", \"name\": \"Lena Fors\"}, "
      "{\"@type\": \"Person\", \"name\": \"Omar Haddad\"}, \"Staff\"], "
      "\"datePublished\": \"2025-05-06T07:00:00+02:00\", "
      "\"dateModified\": \"2025-05-07T09:30:00+02:00\", "
      "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Globe Wire\"}}]}</script>"
      "</head><body><h1>Monsoon arrives early</h1><div class='story'>"
      "<p>The monsoon reached the southern coast nine days ahead of the usual date, the "
      "weather service said, ending a long spell of record heat in the port cities.</p>"
      "<p>Fishermen were told to stay ashore for three days while the first storms pass, "
      "and schools in two districts will stay closed until Friday.</p></div></body></html>",
      "Lena Fors; Omar Haddad", "2025-05-06T07:00:00+02:00", "2025-05-07T09:30:00+02:00",
      "https://news.example/world/asia/story-2.html?edition=intl", "Globe Wire",
    },
    {
      /* Several authors in one meta tag; a scheme-relative canonical link; a published
       * date from <time pubdate> next to a modified one. */
      "https://mirror.example/p/7",
      "<html><head><meta name='author' content='Ruth Adler, Sam Okafor and Pia Lund'>"
      "<link rel='canonical' href='//www.mirror.example/p/7'>"
      "<meta property='og:site_name' content='Mirror Weekly'></head><body>"
      "<time itemprop='dateModified' datetime='2025-06-10T12:00:00Z'>edited</time>"
      "<time pubdate datetime='2025-06-09T06:45:00Z'>9 June</time>"
      "<div class='entry'><p>Three authors wrote this piece about the new tram line, which "
      "opens next spring after four years of works and two changes of contractor.</p>"
      "<p>The city expects forty thousand riders a day in the first year, a figure the "
      "opposition calls far too hopeful for a line that skips the old town.</p></div>"
      "</body></html>",
      "Ruth Adler; Sam Okafor; Pia Lund", "2025-06-09T06:45:00Z", "2025-06-10T12:00:00Z",
      "https://www.mirror.example/p/7", "Mirror Weekly",
    },
    {
      /* A byline with reading time and update note; a canonical link that is no web
       * address, so the relative og:url is used instead. */
      "https://paper.example/a/b/",
      "<html><head><link rel='canonical' href='javascript:void(0)'>"
      "<meta property='og:url' content='/a/b/tide-tables'>"
      "<meta name='date' content='2025-07-01'></head><body>"
      "<div class='post-byline'>By Ana Ruiz | 3 min read | Updated July 2</div>"
      "<div class='content'><p>The harbour office published new tide tables on Tuesday, "
      "after the survey ship found that the channel had silted up more than expected.</p>"
      "<p>Skippers of deep boats should wait for high water before they enter, the office "
      "said, until the dredgers finish their work in the autumn.</p></div></body></html>",
      "Ana Ruiz", "2025-07-01", NULL, "https://paper.example/a/b/tide-tables", NULL,
    },
    {
      /* Open Graph gives the title and dates but no author: the JSON-LD still has to be
       * read for it, though its key hides behind a \u escape; a web page's own card
       * with an author and a date is no article and does not count. */
      "ferry.html",
      "<html><head><meta property='og:title' content='Ferry service returns'>"
      "<meta property='og:site_name' content='River News'>"
      "<meta property='article:published_time' content='2025-08-01T08:00:00Z'>"
      "<script type='application/ld+json'>{\"@type\": \"WebPage\", "
      "\"author\": \"Web Desk\", \"dateModified\": \"2025-01-01\"}</script>"
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"\\u0061uthor\": {\"@type\": \"Person\", \"name\": \"Ida Berg\"}, "
      "\"dateModified\": \"2025-08-02T09:00:00Z\"}</script>"
      "</head><body><article><p>The river ferry runs again from Monday, after a winter in "
      "the yard for a new engine and a deck that no longer floods at high tide.</p>"
      "<p>Crossings leave every twenty minutes at rush hour, the operator said, and bikes "
      "ride free until the end of the summer.</p></article></body></html>",
      "Ida Berg", "2025-08-01T08:00:00Z", "2025-08-02T09:00:00Z", NULL, "River News",
    },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new (cases[i].input);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].html, strlen (cases[i].html));
      g_autoptr(GError) error = NULL;
      g_autofree char *authors = NULL;
      g_autofree char *modified = NULL;
      const char *text;

      g_test_message ("case %s", cases[i].input);
      g_assert_true (rsh_source_load_bytes (source, bytes, "text/html", &error));
      g_assert_no_error (error);
      text = rsh_source_get_text (source);
      authors = g_strjoinv ("; ", (char **) rsh_source_get_authors (source));

      g_assert_cmpstr (authors, ==, cases[i].authors);
      g_assert_cmpstr (rsh_source_get_published (source), ==, cases[i].published);
      g_assert_cmpstr (rsh_source_get_modified (source), ==, cases[i].modified);
      g_object_get (source, "modified", &modified, NULL);
      g_assert_cmpstr (modified, ==, cases[i].modified);
      g_assert_cmpstr (rsh_source_get_url (source), ==, cases[i].url);
      g_assert_cmpstr (rsh_source_get_outlet (source), ==, cases[i].outlet);
      assert_text_shape (text);
      g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 2);
      g_assert_null (strstr (text, "Staff"));
      g_assert_null (strstr (text, "min read"));
      g_assert_null (strstr (text, "Minute Read"));
      assert_spans_consistent (source);
    }
}

/* What pages put around a story inside its own container, and stories cut into sections. */
static void
test_html_edges (void)
{
  static const struct {
    const char *label;
    const char *html;
    const char *text;
    const char *authors;
  } cases[] = {
    {
      "date line, byline, headline again, caption, labels and page numbers",
      "<html><head><title>Ferry fares rise in spring</title></head><body>"
      "<div class='story-body'>"
      "<p>Published 08:15 CET, Tuesday, March 4, 2025</p>"
      "<p>By Mara Lind</p>"
      "<h2>Ferry fares rise in spring</h2>"
      "<div class='photo-caption'><p>The morning ferry leaves the west pier in a light "
      "fog, with commuters on the upper deck.</p><span>Photo: Jan Berg</span></div>"
      "<p>Ferry fares on the lake will rise by a tenth from April, the operator said on "
      "Monday, blaming the price of fuel and a new safety rule for crews.</p>"
      "<p>Season tickets for pupils and pensioners keep their old price until the summer, "
      "after the council agreed to pay the difference.</p>"
      "<p>Photo: Jan Berg, Lakeside Courier</p>"
      "<p>Comments</p><p>You may also like</p>"
      "<p>1</p><p>2</p><p>3</p>"
      "</div></body></html>",
      "Ferry fares on the lake will rise by a tenth from April, the operator said on Monday, "
      "blaming the price of fuel and a new safety rule for crews.\n\n"
      "Season tickets for pupils and pensioners keep their old price until the summer, after "
      "the council agreed to pay the difference.",
      "",
    },
    {
      "a story in sections built alike, with a pull quote and an advert between them",
      "<html><body><header><p>Lakeside Courier, your town every morning.</p></header>"
      "<main><section class='body-part'><div class='inner'>"
      "<p>The old mill by the river will become a library, the council decided on Thursday, "
      "ending ten years of argument over the empty building.</p>"
      "<p>Work starts in the autumn and should take two years, with the reading rooms in the "
      "former grain store on the upper floors.</p>"
      "<p>The town bought the mill from a bankrupt bakery in 2015 and has paid for a roof "
      "and new windows since, so that the walls would survive the winters.</p></div></section>"
      "<aside class='pull-quote'><p>“A building like this should be open to everyone.”</p>"
      "</aside><div class='ad-slot'><p>Spring sale at Lakeside Motors, every car must go "
      "this weekend only.</p></div>"
      "<section class='body-part'><div class='inner'>"
      "<p>Architects kept the water wheel, which will turn again to light the entrance hall, "
      "a detail that won over the heritage board.</p>"
      "<p>“A building like this should be open to everyone,” said the mayor, who first "
      "proposed the plan in her election campaign.</p>"
      "<p>The opposition voted against, saying the town cannot afford the running costs, "
      "and asked for a public vote on the plan before the works begin.</p></div></section></main>"
      "<footer><p>Contact the newsroom with tips and corrections.</p></footer></body></html>",
      "The old mill by the river will become a library, the council decided on Thursday, "
      "ending ten years of argument over the empty building.\n\n"
      "Work starts in the autumn and should take two years, with the reading rooms in the "
      "former grain store on the upper floors.\n\n"
      "The town bought the mill from a bankrupt bakery in 2015 and has paid for a roof and new "
      "windows since, so that the walls would survive the winters.\n\n"
      "Architects kept the water wheel, which will turn again to light the entrance hall, a "
      "detail that won over the heritage board.\n\n"
      "“A building like this should be open to everyone,” said the mayor, who first proposed "
      "the plan in her election campaign.\n\n"
      "The opposition voted against, saying the town cannot afford the running costs, and "
      "asked for a public vote on the plan before the works begin.",
      "",
    },
    {
      "scripts and comments holding markup, JSON-LD kept, a closing list kept",
      "<html><head><script>document.write('<p>Injected by a script.</p>');</script>"
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"author\": {\"@type\": \"Person\", \"name\": \"Tove Ek\"}}</script>"
      "<style>p::after { content: '<p>styled</p>'; }</style></head><body><article>"
      "<!-- <p>An old paragraph left in a comment.</p> --><!-->"
      "<p>The regional bus company will add night lines on Fridays and Saturdays from May, "
      "after a trial last year carried more riders than expected.</p>"
      "<svg viewBox='0 0 10 10'><text>chart label</text></svg>"
      "<p>Four routes will run until two in the morning:</p>"
      "<ul><li>Harbour to Station</li><li>Station to Hill Park</li><li>Old Town loop</li>"
      "<li>Airport express</li><li>Mill Road</li></ul>"
      "</article></body></html>",
      "The regional bus company will add night lines on Fridays and Saturdays from May, after "
      "a trial last year carried more riders than expected.\n\n"
      "Four routes will run until two in the morning:\n\n"
      "Harbour to Station\n\nStation to Hill Park\n\nOld Town loop\n\nAirport express\n\n"
      "Mill Road",
      "Tove Ek",
    },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new ("page.html");
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].html, strlen (cases[i].html));
      g_autoptr(GError) error = NULL;
      g_autofree char *authors = NULL;

      g_test_message ("case: %s", cases[i].label);
      g_assert_true (rsh_source_load_bytes (source, bytes, "text/html", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (rsh_source_get_text (source), ==, cases[i].text);
      authors = g_strjoinv ("; ", (char **) rsh_source_get_authors (source));
      g_assert_cmpstr (authors, ==, cases[i].authors);
      assert_spans_consistent (source);
    }
}

/* Formats ---------------------------------------------------------------------------- */

static void
test_format_markdown (void)
{
  g_autoptr(RshSource) source = load_fixture ("ferry-notes.md");
  const char *text = rsh_source_get_text (source);
  const char * const *authors = rsh_source_get_authors (source);
  static const char * const markup[] = { "*", "#", "](", "![", "[notice]", "---", "`", "> " };

  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Night ferry returns to the lake");
  g_assert_cmpstr (rsh_source_get_content_type (source), ==, "text/markdown");
  g_assert_cmpuint (g_strv_length ((char **) authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Greta Holm");
  g_assert_cmpstr (authors[1], ==, "Niels Aro");
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-08-14");
  g_assert_cmpstr (rsh_source_get_language (source), ==, "en");

  /* Soft-wrapped lines joined, emphasis gone, link text kept, targets and pictures gone. */
  g_assert_true (g_str_has_prefix (text, "The night ferry between Sandvik and Öre will run "
                                         "again from September, the lake authority said on "
                                         "Thursday, after a two-year pause caused by a "
                                         "shortage of crews.\n\nWhat changes\n\n"));
  g_assert_nonnull (strstr (text, "as on the day boats, and bicycles travel free. The "
                                  "operator's timetable_v2 file lists four crossings."));
  g_assert_nonnull (strstr (text, "\n\nDepartures at 22:00 and 23:30 from Sandvik.\n\n"
                                  "Departures at 22:45 and 00:15 from Öre.\n\n"
                                  "\"We missed the late boat"));
  g_assert_true (g_str_has_suffix (text, "Read the full notice for the winter schedule."));
  for (gsize i = 0; i < G_N_ELEMENTS (markup); i++)
    if (strstr (text, markup[i]) != NULL)
      g_error ("markup “%s” left in the text:\n%s", markup[i], text);
  g_assert_null (strstr (text, "lake.example"));
  g_assert_null (strstr (text, "ferry.jpg"));
  g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 7);
  assert_spans_consistent (source);
}

static void
assert_market_story (RshSource *source)
{
  const char *text = rsh_source_get_text (source);

  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Le marché couvert rouvre");
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Gazette du Port");
  g_assert_cmpstr (rsh_source_get_language (source), ==, "fr");
  /* The canonical link is resolved against the address the page was saved from. */
  g_assert_cmpstr (rsh_source_get_url (source), ==,
                   "https://gazette.example/ville/marche-couvert");
  g_assert_true (g_str_has_prefix (text, "Le marché couvert de la place des Pêcheurs a rouvert "
                                         "samedi après dix-huit mois de travaux"));
  g_assert_nonnull (strstr (text, "« Nous avons enfin un toit qui ne fuit plus », a déclaré "
                                  "la fromagère Odile Marchand"));
  g_assert_true (g_str_has_suffix (text, "des dégustations gratuites."));
  g_assert_null (strstr (text, "Accueil"));
  g_assert_null (strstr (text, "margin"));
  g_assert_null (strstr (text, "=E9"));
  g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 3);
  assert_spans_consistent (source);
}

static void
test_format_mhtml (void)
{
  g_autoptr(RshSource) source = load_fixture ("marche-couvert.mhtml");
  g_autofree char *path = fixture_path ("marche-couvert.mhtml");
  g_autofree char *contents = NULL;
  g_autofree char *html = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GString) single = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RshSource) sniffed = rsh_source_new ("https://gazette.example/archive/item");
  g_autoptr(RshSource) base64 = rsh_source_new ("saved.mht");
  g_autoptr(RshSource) broken = rsh_source_new ("broken.mhtml");
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *qp_start;
  const char *qp_end;

  assert_market_story (source);
  g_assert_cmpstr (rsh_source_get_content_type (source), ==, "multipart/related");

  /* Served with a MIME type and no telling name. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  g_assert_true (rsh_source_load_bytes (sniffed, bytes, "multipart/related", &error));
  g_assert_no_error (error);
  assert_market_story (sniffed);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The same page as a single base64 HTML body, found by sniffing the headers. */
  qp_start = strstr (contents, "\r\n\r\n<!DOCTYPE");
  qp_end = strstr (contents, "</html>");
  g_assert_nonnull (qp_start);
  g_assert_nonnull (qp_end);
  {
    GString *decoded = g_string_new (NULL);

    for (const char *p = qp_start + 4; p < qp_end + 7; p++)
      {
        if (p[0] == '=' && p[1] == '\r' && p[2] == '\n')
          p += 2;
        else if (p[0] == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
          {
            g_string_append_c (decoded, (char) (g_ascii_xdigit_value (p[1]) * 16 +
                                                g_ascii_xdigit_value (p[2])));
            p += 2;
          }
        else
          g_string_append_c (decoded, *p);
      }
    latin1 = g_string_free (decoded, FALSE);
  }
  html = g_convert (latin1, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  g_assert_nonnull (html);
  g_assert_nonnull (strstr (html, "Le marché couvert rouvre"));
  encoded = g_base64_encode ((const guchar *) latin1, strlen (latin1));
  single = g_string_new ("MIME-Version: 1.0\r\n"
                         "Content-Location: https://gazette.example/ville/marche-couvert\r\n"
                         "Content-Type: text/html;\r\n charset=iso-8859-1\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n");
  for (gsize i = 0, n = strlen (encoded); i < n; i += 76)
    {
      g_string_append_len (single, encoded + i, MIN (76, n - i));
      g_string_append (single, "\r\n");
    }
  bytes = g_bytes_new (single->str, single->len);
  g_assert_true (rsh_source_load_bytes (base64, bytes, NULL, &error));
  g_assert_no_error (error);
  assert_market_story (base64);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A saved page whose parts hold no HTML. */
  {
    static const char no_html[] =
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=XYZ\r\n\r\n"
      "--XYZ\r\nContent-Type: text/css\r\n\r\np { color: red; }\r\n--XYZ--\r\n";

    bytes = g_bytes_new_static (no_html, sizeof no_html - 1);
    g_assert_false (rsh_source_load_bytes (broken, bytes, NULL, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
    g_assert_nonnull (strstr (error->message, "broken.mhtml"));
  }
}

/* Writes an invented two-page article as a PDF the way a word processor lays it out: a
 * heading, paragraphs wrapped into lines with more space between paragraphs than between
 * lines, and a word hyphenated at the end of a line. The file is written by hand with the
 * standard Helvetica font, so no font on the machine is involved. Lines are given as
 * (font size, gap above in points, text in WinAnsi with PDF string escapes). */
static GBytes *
make_pdf (gboolean with_metadata)
{
  static const struct { int size; int gap; const char *text; } lines[] = {
    { 16, 0, "Orchard growers count the cost of the May frost" },
    { 11, 30, "Apple growers in the upper valley lost close to half of their blossom to two" },
    { 11, 14, "nights of frost in May, the growers' cooperative said in its summer report, the" },
    { 11, 14, "worst damage since records began in the nineteen-seventies." },
    { 11, 24, "\\223We lit fires between the rows all night and it was still not enough,\\224 said" },
    { 11, 14, "Hedda Strand, who farms forty hectares above the village. Pear trees fared" },
    { 11, 14, "better because they flowered late." },
    { 0, 0, NULL },   /* next page */
    { 11, 0, "The cooperative has asked the regional government for emergency loans, and" },
    { 11, 14, "expects the harvest to start two weeks later than usual, in the middle of Sep-" },
    { 11, 14, "tember." },
  };
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  GString *streams[2] = { first, second };
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint page = 0;
  double y = 770;

  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (lines[i].text == NULL)
        {
          page++;
          y = 770;
          continue;
        }
      y -= lines[i].gap;
      g_string_append_printf (streams[page], "BT /F1 %d Tf 72 %d Td (%s) Tj ET\n",
                              lines[i].size, (int) y, lines[i].text);
    }

#define OBJECT(...) G_STMT_START {                    \
    gsize offset = pdf->len;                          \
    g_array_append_val (offsets, offset);             \
    g_string_append_printf (pdf, __VA_ARGS__);        \
  } G_STMT_END

  OBJECT ("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
  OBJECT ("2 0 obj << /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >> endobj\n");
  for (guint k = 0; k < 2; k++)
    {
      OBJECT ("%u 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
              "/Resources << /Font << /F1 7 0 R >> >> /Contents %u 0 R >> endobj\n",
              3 + 2 * k, 4 + 2 * k);
      OBJECT ("%u 0 obj << /Length %" G_GSIZE_FORMAT " >> stream\n%sendstream endobj\n",
              4 + 2 * k, streams[k]->len, streams[k]->str);
    }
  OBJECT ("7 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
          "/Encoding /WinAnsiEncoding >> endobj\n");
  if (with_metadata)
    OBJECT ("8 0 obj << /Title (Orchard growers count the cost of the May frost) "
            "/Author (Hedvig Lind) >> endobj\n");
  else
    OBJECT ("8 0 obj << /Producer (Rashomon tests) >> endobj\n");

#undef OBJECT

  {
    gsize xref = pdf->len;

    g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
    for (guint k = 0; k < offsets->len; k++)
      g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n",
                              g_array_index (offsets, gsize, k));
    g_string_append_printf (pdf, "trailer << /Size %u /Root 1 0 R /Info 8 0 R >>\n"
                            "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            offsets->len + 1, xref);
  }
  return g_string_free_to_bytes (g_steal_pointer (&pdf));
}

static void
test_format_pdf (void)
{
  for (int with_metadata = 1; with_metadata >= 0; with_metadata--)
    {
      g_autoptr(GBytes) pdf = make_pdf (with_metadata);
      g_autoptr(RshSource) source = rsh_source_new ("orchard-report.pdf");
      g_autoptr(GError) error = NULL;
      const char *text;

      g_test_message ("metadata: %d", with_metadata);
      g_assert_true (rsh_source_load_bytes (source, pdf, NULL, &error));
      g_assert_no_error (error);
      text = rsh_source_get_text (source);
      g_test_message ("text: %s", text);
      assert_text_shape (text);
      g_assert_cmpstr (rsh_source_get_content_type (source), ==, "application/pdf");
      g_assert_cmpstr (rsh_source_get_title (source), ==,
                       "Orchard growers count the cost of the May frost");
      if (with_metadata)
        {
          g_assert_cmpuint (g_strv_length ((char **) rsh_source_get_authors (source)), ==, 1);
          g_assert_cmpstr (rsh_source_get_authors (source)[0], ==, "Hedvig Lind");
        }
      g_assert_cmpstr (rsh_source_get_language (source), ==, "en");
      /* Wrapped lines joined into paragraphs; the heading is the title, not the body. */
      g_assert_true (g_str_has_prefix (text, "Apple growers in the upper valley lost close to "
                                             "half of their blossom"));
      g_assert_nonnull (strstr (text, "since records began in the nineteen-seventies.\n\n"
                                      "“We lit fires between the rows"));
      g_assert_nonnull (strstr (text, "because they flowered late.\n\nThe cooperative has"));
      g_assert_true (g_str_has_suffix (text, "in the middle of September."));
      g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 3);
      assert_spans_consistent (source);
    }

  /* A file that starts like a PDF and is not one. */
  {
    static const char fake[] = "%PDF-1.7\nthis is not a real document\n%%EOF\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (fake, sizeof fake - 1);
    g_autoptr(RshSource) source = rsh_source_new ("damaged.pdf");
    g_autoptr(GError) error = NULL;

    g_assert_false (rsh_source_load_bytes (source, bytes, NULL, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
    g_assert_nonnull (strstr (error->message, "damaged.pdf"));
  }
}

/* Charsets ----------------------------------------------------------------------------- */

static void
test_charsets (void)
{
  static const struct {
    const char *label;
    const char *charset;      /* how the bytes are written */
    const char *content_type; /* NULL: sniffed */
    gboolean    html;
    const char *declared;     /* the <meta charset>, or NULL */
    const char *title;
    const char *body;
  } cases[] = {
    { "shift-jis declared", "SHIFT_JIS", NULL, TRUE, "Shift_JIS",
      "湖の渡し船が運航再開",
      "湖の夜の渡し船は九月から運航を再開すると、湖の管理局が木曜日に発表した。"
      "乗組員の不足で二年間止まっていた。" },
    { "shift-jis undeclared", "SHIFT_JIS", "text/plain", FALSE, NULL,
      "市場の屋根が新しくなった",
      "港の広場にある屋根付き市場が、十八か月の工事を終えて土曜日に再開した。"
      "朝七時から店がいっぱいだった。" },
    { "iso-8859-2 declared", "ISO-8859-2", NULL, TRUE, "iso-8859-2",
      "Nowy prom na jeziorze",
      "Władze portu ogłosiły w czwartek, że nocny prom między Łódką a Żabnem wróci we "
      "wrześniu po dwóch latach przerwy." },
    { "iso-8859-7 in the header", "ISO-8859-7", "text/html; charset=ISO-8859-7", TRUE, NULL,
      "Το πλοίο της λίμνης επιστρέφει",
      "Το νυχτερινό πλοίο της λίμνης θα ξεκινήσει ξανά τον Σεπτέμβριο, ανακοίνωσε την Πέμπτη "
      "η λιμενική αρχή, μετά από δύο χρόνια διακοπής." },
    { "iso-8859-5 declared", "ISO-8859-5", NULL, TRUE, "ISO-8859-5",
      "Паром возвращается на озеро",
      "Ночной паром между двумя деревнями снова начнёт ходить в сентябре, сообщило в четверг "
      "управление порта после двухлетнего перерыва." },
    { "utf-16le without bom", "UTF-16LE", NULL, FALSE, NULL,
      "Ferry returns to the lake",
      "The night ferry will run again from September, the lake authority said on Thursday, "
      "after a pause of two years." },
    { "utf-16be without bom", "UTF-16BE", NULL, TRUE, NULL,
      "Fähre kehrt zurück",
      "Die Nachtfähre über den See fährt ab September wieder, teilte die Hafenbehörde am "
      "Donnerstag mit, nach zwei Jahren Pause." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *document = NULL;
      g_autofree char *encoded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(RshSource) source = rsh_source_new ("page");
      g_autoptr(GError) error = NULL;
      gsize encoded_len = 0;
      const char *text;

      g_test_message ("case %s", cases[i].label);
      if (cases[i].html)
        document = g_strdup_printf ("<!DOCTYPE html><html><head>%s%s%s<title>%s</title></head>"
                                    "<body><h1>%s</h1><p>%s</p></body></html>",
                                    cases[i].declared ? "<meta charset=\"" : "",
                                    cases[i].declared ? cases[i].declared : "",
                                    cases[i].declared ? "\">" : "",
                                    cases[i].title, cases[i].title, cases[i].body);
      else
        document = g_strdup_printf ("%s\n\n%s\n", cases[i].title, cases[i].body);
      encoded = g_convert (document, -1, cases[i].charset, "UTF-8", NULL, &encoded_len, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (encoded, encoded_len);

      g_assert_true (rsh_source_load_bytes (source, bytes, cases[i].content_type, &error));
      g_assert_no_error (error);
      text = rsh_source_get_text (source);
      assert_text_shape (text);
      g_assert_cmpstr (rsh_source_get_title (source), ==, cases[i].title);
      g_assert_nonnull (strstr (text, cases[i].body));
      g_assert_null (strstr (text, "\xEF\xBF\xBD"));
      assert_spans_consistent (source);
    }
}

/* Plain text ------------------------------------------------------------------------- */

static void
test_text_utf16 (void)
{
  g_autoptr(RshSource) source = load_fixture ("utf16le-bom.txt");
  const char *text = rsh_source_get_text (source);
  const GArray *sentences = rsh_source_get_sentences (source);
  const RshSpan *quote;
  g_autofree char *quoted = NULL;
  glong zoe;

  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Dockworkers end strike after pay deal");
  g_assert_cmpstr (rsh_source_get_content_type (source), ==, "text/plain");
  g_assert_true (g_str_has_prefix (text, "Dockworkers end strike after pay deal\n\nDockworkers"));
  g_assert_nonnull (strstr (text, "pay deal — the first in six years."));
  g_assert_cmpuint (rsh_source_get_paragraphs (source)->len, ==, 3);
  g_assert_cmpstr (rsh_source_get_language (source), ==, "en");
  assert_spans_consistent (source);

  /* Offsets count code points, not bytes: the quote comes after "—" and curly quotes. */
  g_assert_cmpuint (sentences->len, ==, 4);
  quote = &g_array_index (sentences, RshSpan, 2);
  quoted = rsh_substring (text, quote->start, quote->end);
  g_assert_cmpstr (quoted, ==, "“It is not everything we asked for, but it is fair,” said union "
                               "leader Zoë Halvorsen.");
  g_assert_cmpuint (quote->paragraph, ==, 2);
  zoe = g_utf8_pointer_to_offset (text, strstr (text, "Zoë"));
  g_assert_cmpint (zoe, >, quote->start);
  g_assert_cmpint (zoe + 3, <, quote->end);
  g_assert_cmpint ((glong) quote->end - (glong) quote->start, ==,
                   g_utf8_strlen (quoted, -1));
}

static void
test_text_crumbs (void)
{
  g_autoptr(RshSource) source = load_fixture ("crumbs.txt");
  const char *text = rsh_source_get_text (source);

  assert_text_shape (text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Mine owner denies river was poisoned");
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "The Valley Post");
  g_assert_cmpstr (text, ==,
                   "Mine owner denies river was poisoned\n\n"
                   "The owner of the Redstone copper mine denied on Monday that waste from its "
                   "site had poisoned the river below the town of Alder.\n\n"
                   "Local fishermen reported hundreds of dead trout last week. The environment "
                   "agency said samples were still being tested.\n\n"
                   "Previous articles in this series looked at the mine's water permits.");
  assert_spans_consistent (source);

  /* Menus, breadcrumbs, share rows and copyright lines go; the site's name over its menu
   * is the outlet, and the header above the menu goes with it; the headline is the line
   * standing alone under it. */
  {
    static const char page[] =
      "TrackPix\nThe Valley Post\nHome | News | Sport | Weather\nYou are here: Home > News\n\n"
      "Dam repairs to start in June\n\n"
      "Share this article\nFacebook   X   WhatsApp   Email\n\n"
      "Repairs to the Alder dam will start in June, the water board said on Friday.\n"
      "Boats | cars | and trains all wait for the bridge.\n\n"
      "Reply | Report\n© 2025 The Valley Post\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
    g_autoptr(RshSource) copied = rsh_source_new ("copied.txt");
    g_autoptr(GError) error = NULL;

    g_assert_true (rsh_source_load_bytes (copied, bytes, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_title (copied), ==, "Dam repairs to start in June");
    g_assert_cmpstr (rsh_source_get_outlet (copied), ==, "The Valley Post");
    g_assert_cmpstr (rsh_source_get_text (copied), ==,
                     "Dam repairs to start in June\n\n"
                     "Repairs to the Alder dam will start in June, the water board said on "
                     "Friday.\nBoats | cars | and trains all wait for the bridge.");
  }
}

static void
test_text_seed (void)
{
  const char *root = g_getenv ("RSH_SOURCE_ROOT");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) seeds = NULL;
  const char *name;
  guint tested = 0;

  if (root == NULL)
    {
      g_test_skip ("RSH_SOURCE_ROOT is not set");
      return;
    }
  dir = g_build_filename (root, "..", "shared", "seeds", NULL);
  seeds = g_dir_open (dir, 0, NULL);
  if (seeds == NULL)
    {
      g_test_skip ("no ../shared/seeds");
      return;
    }

  while ((name = g_dir_read_name (seeds)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(RshSource) source = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      source = rsh_source_new (path);
      g_assert_true (rsh_source_load (source, NULL, &error));
      g_assert_no_error (error);
      assert_text_shape (rsh_source_get_text (source));
      assert_spans_consistent (source);
      g_assert_nonnull (rsh_source_get_title (source));

      lines = g_strsplit (rsh_source_get_text (source), "\n", -1);
      for (guint i = 0; lines[i]; i++)
        {
          g_assert_false (g_str_has_prefix (lines[i], "Quantcast"));
          g_assert_null (strstr (lines[i], "Previous article"));
          g_assert_null (strstr (lines[i], "Next article"));
          g_assert_cmpstr (lines[i], !=, "Advertisement");
        }
      tested++;
    }

  if (tested == 0)
    g_test_skip ("no seed texts");
}

static void
test_language_guess (void)
{
  static const struct { const char *text; const char *language; } cases[] = {
    { "Der Bürgermeister sagte, dass die Brücke nicht vor dem Sommer geöffnet wird. "
      "Die Händler sind mit der Entscheidung nicht zufrieden und wollen sich beschweren.", "de" },
    { "Le maire a dit que le pont ne sera pas ouvert avant l'été. Les commerçants "
      "sont en colère et demandent une réunion avec les élus de la ville.", "fr" },
    { "El alcalde dijo que el puente no se abrirá antes del verano. Los comerciantes "
      "están molestos y piden una reunión con los concejales de la ciudad.", "es" },
    { "The mayor said that the bridge will not open before the summer. Shopkeepers "
      "are angry and have asked for a meeting with the council.", "en" },
    { "Brücke. Pont. Puente. Bridge.", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new ("note.txt");
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;

      g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (rsh_source_get_language (source), ==, cases[i].language);
    }
}

/* A dateline near the top of a plain text or Markdown article gives its date, outlet and
 * authors, and leaves the text; a date inside a sentence, or further down, does not. */
static void
test_dateline (void)
{
  static const struct
  {
    const char *content_type;
    const char *text;
    const char *outlet;
    const char *published;
    const char *modified;
    const char *author;
    const char *first_paragraph;
  } cases[] = {
    { "text/plain",
      "Ferry fares to rise in spring\n\nLakeside Herald, March 4, 2026\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      "Lakeside Herald", "2026-03-04", NULL, NULL, "Ferry fares to rise in spring" },
    { "text/plain",
      "Ferry fares to rise in spring\nBy Ana Ruiz | The Tideline | 21 Nov 2025\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      "The Tideline", "2025-11-21", NULL, "Ana Ruiz", "Ferry fares to rise in spring" },
    { "text/plain",
      "Ferry fares to rise in spring\n\nUpdated 3 March 2025, 10:40\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      NULL, NULL, "2025-03-03", NULL, "Ferry fares to rise in spring" },
    { "text/plain",
      "Published on 2026-11-20\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      NULL, "2026-11-20", NULL, NULL,
      "The ferry company said on Tuesday that fares would rise by a tenth." },
    { "text/markdown",
      "# Ferry fares to rise in spring\n\n*Harbour Bulletin — 23 November 2026*\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      "Harbour Bulletin", "2026-11-23", NULL, NULL,
      "The ferry company said on Tuesday that fares would rise by a tenth." },
    /* A wire story: a byline, then the place, date and agency before the first words. */
    { "text/plain",
      "Ferry fares to rise in spring\n\nBy Ana Ruiz and Tom Lee\n\n"
      "LAKESIDE, Nordmark, March 4, 2026 (Nordwire) - The ferry company said on Tuesday "
      "that fares would rise by a tenth.\n\nPhoto: Ivo Brandt / Nordwire\n",
      "Nordwire", "2026-03-04", NULL, "Ana Ruiz", "Ferry fares to rise in spring\n\n"
      "The ferry company said" },
    /* A sentence that holds a date is no dateline. */
    { "text/plain",
      "Ferry fares to rise in spring\n\nThe ferry company raised its fares on March 4, 2026.\n",
      NULL, NULL, NULL, NULL, "Ferry fares to rise in spring" },
    { "text/plain",
      "Ferry fares to rise in spring\n\nMarch 4, 2026 was the busiest day of the year.\n",
      NULL, NULL, NULL, NULL, "Ferry fares to rise in spring" },
    /* A date without its year, or far below the top, is left alone. */
    { "text/plain",
      "Ferry fares to rise in spring\n\nLakeside Herald, March 4\n\nFares rise.\n",
      NULL, NULL, NULL, NULL, "Ferry fares to rise in spring" },
    { "text/plain",
      "Ferry fares to rise in spring\n\nFares rise.\n\nThe ferry runs twice a day.\n\n"
      "Tickets are sold on board.\n\nLakeside Herald, March 4, 2026\n",
      NULL, NULL, NULL, NULL, "Ferry fares to rise in spring" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new ("ferry.txt");
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      const char * const *authors;
      const char *text;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_true (rsh_source_load_bytes (source, bytes, cases[i].content_type, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (rsh_source_get_outlet (source), ==, cases[i].outlet);
      g_assert_cmpstr (rsh_source_get_published (source), ==, cases[i].published);
      g_assert_cmpstr (rsh_source_get_modified (source), ==, cases[i].modified);
      authors = rsh_source_get_authors (source);
      g_assert_cmpstr (authors != NULL ? authors[0] : NULL, ==, cases[i].author);

      text = rsh_source_get_text (source);
      g_assert_true (g_str_has_prefix (text, cases[i].first_paragraph));
      g_assert_null (strstr (text, "Photo:"));
      g_assert_null (strstr (text, "By "));
      /* The dateline left the text; a sentence with a date stayed. */
      if (cases[i].published != NULL || cases[i].modified != NULL)
        {
          g_assert_null (strstr (text, cases[i].published != NULL ? "2026" : "2025"));
          g_assert_nonnull (strstr (text, "fares would rise by a tenth"));
        }
      else
        g_assert_nonnull (strstr (text, "March 4"));
    }
}

/* Text copied from a site: its name over its menu is the outlet; a short line over
 * something else is not. */
static void
test_site_header (void)
{
  static const struct { const char *text; const char *outlet; } cases[] = {
    { "Lakeside Herald\nHome | News | Sport | Weather\n\nFerry fares to rise in spring\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      "Lakeside Herald" },
    { "Lakeside Herald\nA weekly for the lake towns\n\nFerry fares to rise in spring\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n",
      NULL },
    { "Ferry fares to rise in spring\n\n"
      "The ferry company said on Tuesday that fares would rise by a tenth.\n\n"
      "Lakeside Herald\nHome | News | Sport | Weather\n",
      NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) source = rsh_source_new ("ferry.txt");
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (rsh_source_get_outlet (source), ==, cases[i].outlet);
      g_assert_cmpstr (rsh_source_get_title (source), ==, "Ferry fares to rise in spring");
      g_assert_null (strstr (rsh_source_get_text (source), "Home |"));
    }
}

/* Bad input -------------------------------------------------------------------------- */

static void
test_bad_missing (void)
{
  g_autofree char *path = fixture_path ("no-such-article.html");
  g_autofree char *uri = NULL;

  assert_load_fails (path, "no-such-article.html", RSH_ERROR_NOT_FOUND);
  uri = g_filename_to_uri (path, NULL, NULL);
  assert_load_fails (uri, "no-such-article.html", RSH_ERROR_NOT_FOUND);

  /* A link typed without its scheme gets a hint. */
  {
    g_autoptr(RshSource) source = rsh_source_new ("news.example.org/harbour/bridge-shut");
    g_autoptr(GError) error = NULL;

    g_assert_false (rsh_source_load (source, NULL, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "news.example.org/harbour/bridge-shut"));
    g_assert_nonnull (strstr (error->message, "https://"));
  }

  /* Standard input was read once by the caller (load_bytes); it cannot be reloaded. */
  assert_load_fails ("-", "standard input", RSH_ERROR_INVALID);
}

static void
test_bad_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rsh-source-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "clippings", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_load_fails (folder, "clippings", RSH_ERROR_NOT_ARTICLE);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_bad_contents (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
  };
  static const guint8 blob[] = {
    'a', 'b', 'c', 0, 1, 2, 3, 0, 0, 0, 'x', 'y', 0xFF, 0xFE - 1, 0, 7,
  };
  static const char controls[] =
    "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17 text";
  static const char broken_utf16[] = "\xFF\xFE" "a\0b\0\x00\xDC";
  /* Pages that open as web pages but hold NUL bytes: binary all the same. */
  static const char html_nul[] = "<!DOCTYPE html><html><body><p>The council met \0 "
                                 "on Tuesday.</p></body></html>";
  static const char bom_html_nul[] = "\xEF\xBB\xBF<html><body><p>Votes \0\0 were "
                                     "counted.</p></body></html>";
  static const struct {
    const char  *name;
    const char  *data;
    gssize       len;      /* -1: up to the NUL */
    RshError     code;
  } cases[] = {
    { "empty.txt", "", 0, RSH_ERROR_NOT_ARTICLE },
    { "blank.html", "  \n\t\r\n   \n", -1, RSH_ERROR_NOT_ARTICLE },
    { "photo.png", (const char *) png, sizeof png, RSH_ERROR_NOT_ARTICLE },
    { "photo-renamed.html", (const char *) png, sizeof png, RSH_ERROR_NOT_ARTICLE },
    { "notes.txt", (const char *) blob, sizeof blob, RSH_ERROR_NOT_ARTICLE },
    { "report.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", -1, RSH_ERROR_NOT_ARTICLE },
    { "control.txt", controls, sizeof controls - 1, RSH_ERROR_NOT_ARTICLE },
    { "nav-only.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", -1,
      RSH_ERROR_NOT_ARTICLE },
    { "broken-utf16.txt", broken_utf16, sizeof broken_utf16 - 1, RSH_ERROR_ENCODING },
    { "nul-page.html", html_nul, sizeof html_nul - 1, RSH_ERROR_NOT_ARTICLE },
    { "bom-nul-page.html", bom_html_nul, sizeof bom_html_nul - 1, RSH_ERROR_NOT_ARTICLE },
  };
  g_autofree char *dir = g_dir_make_tmp ("rsh-source-XXXXXX", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);

      g_assert_true (g_file_set_contents (path, cases[i].data, cases[i].len, NULL));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      assert_load_fails (path, cases[i].name, cases[i].code);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Loads @text as plain text; whether it counts as text. */
static gboolean
loads_as_text (const char *text)
{
  g_autoptr(RshSource) source = rsh_source_new ("counted.txt");
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  gboolean loaded = rsh_source_load_bytes (source, bytes, "text/plain", &error);

  if (!loaded)
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
  return loaded;
}

static void
test_bad_control_share (void)
{
  /* Text is refused when more than one character in twenty is a control character,
   * counted in characters, not bytes: "é" is two bytes and one character, U+0085 (C2 85)
   * a control character of two bytes. The pieces drift across the sixteen-byte blocks
   * the check reads, so some straddle them. Exactly one in twenty passes; one control
   * character more fails. */
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint controls = 0;

      for (guint i = 0; i < 10; i++)
        {
          g_string_append (text, "Ballots were \xC2\x85\xC3\xA9lus \x01 counted, again. ");
          controls += 2;
        }
      while ((guint) g_utf8_strlen (text->str, -1) < 20 * controls)
        g_string_append_c (text, 'x');
      g_assert_cmpuint (g_utf8_strlen (text->str, -1), ==, 20 * controls);
      if (extra)
        g_string_append_c (text, '\x03');
      g_assert_true (loads_as_text (text->str) == !extra);
    }
}

static void
test_bad_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rsh-source-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.html", NULL);
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* 200 MB, sparse: it takes no disk space and must be refused before reading. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  source = rsh_source_new (path);
  g_assert_false (rsh_source_load (source, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.html"));
  g_assert_nonnull (strstr (error->message, "MB"));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_FAILED);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_bad_scheme (void)
{
  assert_load_fails ("ftp://example.org/story.html", "ftp://example.org/story.html",
                     RSH_ERROR_INVALID);
  assert_load_fails ("mailto:desk@example.org", "mailto:desk@example.org", RSH_ERROR_INVALID);
}

/* Async and notifications -------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GPtrArray *notified;
  GArray    *states;
  gboolean   ok;
  GError    *error;
} AsyncData;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           AsyncData  *data)
{
  g_ptr_array_add (data->notified, g_strdup (pspec->name));
  if (g_str_equal (pspec->name, "state"))
    {
      RshSourceState state = rsh_source_get_state (RSH_SOURCE (object));

      g_array_append_val (data->states, state);
    }
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncData *data = user_data;

  /* The source is already updated when the callback runs. */
  g_assert_cmpint (rsh_source_get_state (RSH_SOURCE (object)), !=, RSH_SOURCE_STATE_LOADING);
  data->ok = rsh_source_load_finish (RSH_SOURCE (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

static guint
count_notified (AsyncData  *data,
                const char *name)
{
  guint n = 0;

  for (guint i = 0; i < data->notified->len; i++)
    if (g_str_equal (g_ptr_array_index (data->notified, i), name))
      n++;
  return n;
}

static void
async_data_clear (AsyncData *data)
{
  g_main_loop_unref (data->loop);
  g_ptr_array_unref (data->notified);
  g_array_unref (data->states);
  g_clear_error (&data->error);
}

static void
async_data_init (AsyncData *data)
{
  data->loop = g_main_loop_new (NULL, FALSE);
  data->notified = g_ptr_array_new_with_free_func (g_free);
  data->states = g_array_new (FALSE, FALSE, sizeof (RshSourceState));
  data->ok = FALSE;
  data->error = NULL;
}

static void
test_async (void)
{
  g_autofree char *path = fixture_path ("full-metadata.html");
  RshSource *source = rsh_source_new (path);
  AsyncData data;
  g_autofree char *title = NULL;
  RshSourceState state;

  async_data_init (&data);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_PENDING);
  g_assert_cmpstr (rsh_source_get_input (source), ==, path);
  g_signal_connect (source, "notify", G_CALLBACK (notify_cb), &data);

  rsh_source_load_async (source, NULL, load_done_cb, &data);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_LOADING);
  g_main_loop_run (data.loop);

  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  g_assert_cmpuint (data.states->len, ==, 2);
  g_assert_cmpint (g_array_index (data.states, RshSourceState, 0), ==,
                   RSH_SOURCE_STATE_LOADING);
  g_assert_cmpint (g_array_index (data.states, RshSourceState, 1), ==,
                   RSH_SOURCE_STATE_READY);
  g_assert_cmpuint (count_notified (&data, "title"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "text"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "outlet"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "published"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "authors"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "error-message"), ==, 0);

  g_object_get (source, "title", &title, "state", &state, NULL);
  g_assert_cmpstr (title, ==, "Harbour bridge shut after inspectors find crack");
  g_assert_cmpint (state, ==, RSH_SOURCE_STATE_READY);

  /* Setters notify only on change. */
  g_ptr_array_set_size (data.notified, 0);
  rsh_source_set_id (source, "s1");
  rsh_source_set_id (source, "s1");
  rsh_source_set_duplicate_of (source, "s7");
  g_object_set (source, "duplicate-of", "s7", NULL);
  g_assert_cmpuint (count_notified (&data, "id"), ==, 1);
  g_assert_cmpuint (count_notified (&data, "duplicate-of"), ==, 1);
  g_assert_cmpstr (rsh_source_get_duplicate_of (source), ==, "s7");

  /* A reload with identical results changes nothing the GUI shows. */
  g_ptr_array_set_size (data.notified, 0);
  g_array_set_size (data.states, 0);
  rsh_source_load_async (source, NULL, load_done_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_true (data.ok);
  g_assert_cmpuint (count_notified (&data, "title"), ==, 0);
  g_assert_cmpuint (count_notified (&data, "text"), ==, 0);
  g_assert_cmpuint (data.states->len, ==, 2);

  async_data_clear (&data);
  assert_finalized_soon (source);
}

static void
test_async_failure (void)
{
  g_autofree char *path = fixture_path ("no-such-article.txt");
  RshSource *source = rsh_source_new (path);
  AsyncData data;

  async_data_init (&data);
  g_signal_connect (source, "notify", G_CALLBACK (notify_cb), &data);
  rsh_source_load_async (source, NULL, load_done_cb, &data);
  g_main_loop_run (data.loop);

  g_assert_false (data.ok);
  g_assert_error (data.error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (data.error->message, "no-such-article.txt"));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_cmpstr (rsh_source_get_error_message (source), ==, data.error->message);
  g_assert_cmpuint (count_notified (&data, "error-message"), ==, 1);
  g_assert_cmpint (g_array_index (data.states, RshSourceState, data.states->len - 1), ==,
                   RSH_SOURCE_STATE_FAILED);

  async_data_clear (&data);
  assert_finalized_soon (source);
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = fixture_path ("crumbs.txt");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RshSource *source = rsh_source_new (path);
  AsyncData data;

  async_data_init (&data);
  g_cancellable_cancel (cancellable);
  rsh_source_load_async (source, cancellable, load_done_cb, &data);
  g_main_loop_run (data.loop);

  g_assert_false (data.ok);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Cancelling is no failure to show. */
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_PENDING);
  g_assert_null (rsh_source_get_error_message (source));

  async_data_clear (&data);
  assert_finalized_soon (source);
}

/* Bytes ------------------------------------------------------------------------------ */

static void
test_load_bytes (void)
{
  g_autofree char *path = fixture_path ("windows-1252.html");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshSource) source = rsh_source_new ("-");
  g_autoptr(RshSource) again = rsh_source_new ("https://news.example/cafe-row");
  static const char latin1_page[] = "<p>Caf\xE9 owners complain about the new parking fees.</p>";
  g_autoptr(GBytes) latin1 = g_bytes_new_static (latin1_page, sizeof latin1_page - 1);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  raw = g_bytes_new (contents, length);

  /* Sniffed, as for standard input. */
  g_assert_true (rsh_source_load_bytes (source, raw, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_content_type (source), ==, "text/html");
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Café row fears new parking rules");
  g_assert_true (rsh_source_get_raw (source) == raw);
  g_assert_cmpmem (g_bytes_get_data (rsh_source_get_raw (source), NULL), length,
                   contents, length);

  /* With the content type a server gave: its charset is used when the page has none. */
  g_assert_true (rsh_source_load_bytes (again, latin1, "text/html; charset=ISO-8859-1",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_text (again), ==,
                   "Café owners complain about the new parking fees.");
  g_assert_cmpstr (rsh_source_get_content_type (again), ==, "text/html; charset=ISO-8859-1");

  /* A page declaring windows-1252 whose bytes are UTF-8 reads as UTF-8. */
  {
    static const char utf8_page[] =
      "<html><head><meta charset='windows-1252'></head><body>"
      "<p>Zoë’s café reopened on Friday.</p></body></html>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (utf8_page, sizeof utf8_page - 1);
    g_autoptr(RshSource) declared = rsh_source_new ("zoe.html");

    g_assert_true (rsh_source_load_bytes (declared, bytes, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_text (declared), ==, "Zoë’s café reopened on Friday.");
  }

  /* A picture in XML is still a picture. */
  {
    static const char svg[] =
      "<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg' width='10' "
      "height='10'><title>A bridge</title><rect width='10' height='10'/></svg>\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (svg, sizeof svg - 1);
    g_autoptr(RshSource) picture = rsh_source_new ("bridge.svg");

    g_assert_false (rsh_source_load_bytes (picture, bytes, NULL, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
    g_assert_nonnull (strstr (error->message, "bridge.svg"));
    g_clear_error (&error);
  }

  /* A non-text content type is refused, naming the input. */
  g_assert_false (rsh_source_load_bytes (again, latin1, "image/jpeg", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
  g_assert_nonnull (strstr (error->message, "https://news.example/cafe-row"));
  g_assert_cmpint (rsh_source_get_state (again), ==, RSH_SOURCE_STATE_FAILED);
  g_clear_error (&error);

  /* Standard input that is empty. */
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(RshSource) stdin_source = rsh_source_new ("-");

    g_assert_false (rsh_source_load_bytes (stdin_source, empty, NULL, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE);
    g_assert_nonnull (strstr (error->message, "standard input"));
  }
}

/* Published -------------------------------------------------------------------------- */

static void
test_published (void)
{
  static const struct { const char *input; gboolean valid; } cases[] = {
    { "2025", TRUE },
    { "2025-03", TRUE },
    { "2025-03-04", TRUE },
    { "2024-02-29", TRUE },
    { "2025-03-04T08:15:00Z", TRUE },
    { "2025-03-04T08:15:00+01:00", TRUE },
    { "2025-03-04T08:15:00", TRUE },
    { "2025-02-29", FALSE },
    { "2025-13", FALSE },
    { "2025-00-10", FALSE },
    { "25-03-04", FALSE },
    { "0000", FALSE },
    { "04/03/2025", FALSE },
    { "March 4, 2025", FALSE },
    { "2025-03-04T25:00:00Z", FALSE },
    { "yesterday", FALSE },
    { "2025-3-4", FALSE },
  };
  g_autofree char *path = fixture_path ("full-metadata.html");
  g_autoptr(RshSource) source = rsh_source_new (path);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshSource) scratch = rsh_source_new ("x.txt");
      gboolean ok = rsh_source_set_published (scratch, cases[i].input, &error);

      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (rsh_source_get_published (scratch), ==, cases[i].input);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].input));
          g_assert_null (rsh_source_get_published (scratch));
          g_clear_error (&error);
        }
    }

  /* The user's date wins over the page's, also after a reload. */
  g_assert_true (rsh_source_set_published (source, "2025-03-03", &error));
  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-03-03");
  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-03-03");

  /* An invalid date leaves the previous one. */
  g_assert_false (rsh_source_set_published (source, "03.03.2025", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-03-03");

  /* Clearing it returns to the page's date. */
  g_assert_true (rsh_source_set_published (source, NULL, &error));
  g_assert_cmpstr (rsh_source_get_published (source), ==, "2025-03-04T08:15:00+01:00");

  /* Same for the outlet. */
  rsh_source_set_outlet (source, "Courier");
  g_assert_true (rsh_source_load (source, NULL, &error));
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Courier");
  rsh_source_set_outlet (source, NULL);
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "The Lakeside Courier");
}

/* HTTP ------------------------------------------------------------------------------- */

static void
test_http (void)
{
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *story = rsh_test_server_uri (server, "/news/fares");
  g_autofree char *moved = rsh_test_server_uri (server, "/redirect/fares");
  g_autofree char *missing = rsh_test_server_uri (server, "/missing");
  g_autofree char *loop = rsh_test_server_uri (server, "/redirect/self");
  g_autofree char *image = rsh_test_server_uri (server, "/wrong-type/image");

  {
    g_autoptr(RshSource) source = rsh_source_new (moved);
    g_autoptr(GError) error = NULL;
    const char *text;

    g_assert_true (rsh_source_load (source, NULL, &error));
    g_assert_no_error (error);
    text = rsh_source_get_text (source);
    g_assert_cmpstr (rsh_source_get_title (source), ==, "Ferry fares rise");
    g_assert_cmpstr (rsh_source_get_content_type (source), ==,
                     "text/html; charset=windows-1252");
    g_assert_true (g_str_has_prefix (text, "Ferry fares across the lake"));
    g_assert_nonnull (strstr (text, "\n\nCommuters’ groups called the rise unfair and said "
                                    "they would ask the région to step in."));
    g_assert_cmpstr (rsh_source_get_input (source), ==, moved);
  }

  /* The same in a worker thread, as the GUI does it. */
  {
    RshSource *source = rsh_source_new (story);
    AsyncData data;

    async_data_init (&data);
    rsh_source_load_async (source, NULL, load_done_cb, &data);
    g_main_loop_run (data.loop);
    g_assert_no_error (data.error);
    g_assert_true (data.ok);
    g_assert_cmpstr (rsh_source_get_title (source), ==, "Ferry fares rise");
    async_data_clear (&data);
    assert_finalized_soon (source);
  }

  assert_load_fails (missing, missing, RSH_ERROR_FETCH);
  {
    g_autoptr(RshSource) source = rsh_source_new (missing);
    g_autoptr(GError) error = NULL;

    g_assert_false (rsh_source_load (source, NULL, &error));
    g_assert_nonnull (strstr (error->message, "404"));
  }
  assert_load_fails (loop, loop, RSH_ERROR_FETCH);
  assert_load_fails (image, image, RSH_ERROR_NOT_ARTICLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/source/html/metadata", test_html_metadata);
  g_test_add_func ("/core/source/html/windows-1252", test_html_windows_1252);
  g_test_add_func ("/core/source/html/wrong-charset", test_html_wrong_charset);
  g_test_add_func ("/core/source/html/fallbacks", test_html_fallbacks);
  g_test_add_func ("/core/source/html/metadata-traps", test_html_metadata_traps);
  g_test_add_func ("/core/source/html/edges", test_html_edges);
  g_test_add_func ("/core/source/format/markdown", test_format_markdown);
  g_test_add_func ("/core/source/format/mhtml", test_format_mhtml);
  g_test_add_func ("/core/source/format/pdf", test_format_pdf);
  g_test_add_func ("/core/source/charsets", test_charsets);
  g_test_add_func ("/core/source/text/utf16le-bom", test_text_utf16);
  g_test_add_func ("/core/source/text/crumbs", test_text_crumbs);
  g_test_add_func ("/core/source/text/seed", test_text_seed);
  g_test_add_func ("/core/source/language/guess", test_language_guess);
  g_test_add_func ("/core/source/bad/missing", test_bad_missing);
  g_test_add_func ("/core/source/bad/directory", test_bad_directory);
  g_test_add_func ("/core/source/bad/contents", test_bad_contents);
  g_test_add_func ("/core/source/bad/control-share", test_bad_control_share);
  g_test_add_func ("/core/source/bad/too-large", test_bad_too_large);
  g_test_add_func ("/core/source/bad/scheme", test_bad_scheme);
  g_test_add_func ("/core/source/async/ready", test_async);
  g_test_add_func ("/core/source/async/failure", test_async_failure);
  g_test_add_func ("/core/source/async/cancelled", test_async_cancelled);
  g_test_add_func ("/core/source/load-bytes", test_load_bytes);
  g_test_add_func ("/core/source/published", test_published);
  g_test_add_func ("/core/source/dateline", test_dateline);
  g_test_add_func ("/core/source/site-header", test_site_header);
  g_test_add_func ("/core/source/http", test_http);

  return g_test_run ();
}
