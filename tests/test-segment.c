/* test-segment.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <rashomon.h>

static void
assert_spans (const char   *text,
              GArray       *spans,
              const char  **expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (spans->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const RshSpan *span = &g_array_index (spans, RshSpan, i);
      g_autofree char *piece = rsh_substring (text, span->start, span->end);

      g_assert_cmpstr (piece, ==, expected[i]);
    }
}

static void
test_paragraphs (void)
{
  const char *text = "  First paragraph.\n\n\nSecond one,\nstill second.\n\n  ";
  const char *expected[] = { "First paragraph.", "Second one,\nstill second.", NULL };
  g_autoptr(GArray) spans = rsh_segment_paragraphs (text);

  assert_spans (text, spans, expected);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 1).paragraph, ==, 1);
}

static void
test_sentences_abbreviations (void)
{
  const char *text = "Mr. Okafor met Dr. Lindqvist in the U.S. capital. They argued. "
                     "“Nothing happened,” she said.";
  const char *expected[] = {
    "Mr. Okafor met Dr. Lindqvist in the U.S. capital.",
    "They argued.",
    "“Nothing happened,” she said.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, "en", &error);

  g_assert_no_error (error);
  assert_spans (text, spans, expected);
}

static void
test_sentences_months_and_lower_case (void)
{
  const char *text = "The vote was held on Jan. 5 in the capital. Sen. Ruiz abstained. "
                     "Prices rose approx. three times. Talks follow.";
  const char *expected[] = {
    "The vote was held on Jan. 5 in the capital.",
    "Sen. Ruiz abstained.",
    "Prices rose approx. three times.",
    "Talks follow.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, "en", &error);

  g_assert_no_error (error);
  assert_spans (text, spans, expected);
}

static void
test_sentences_quoted_questions (void)
{
  /* A question or exclamation in quotation marks goes on with who said it; one followed by
   * a capital, or not quoted, ends its sentence. */
  const char *text = "“Could the hull have cracked?” the minister asked. “Stop!” shouted a docker. "
                     "\"Who knew?\" she said. “Why?” Nobody answered. Was it late? yes.";
  const char *expected[] = {
    "“Could the hull have cracked?” the minister asked.",
    "“Stop!” shouted a docker.",
    "\"Who knew?\" she said.",
    "“Why?”",
    "Nobody answered.",
    "Was it late?",
    "yes.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, "en", &error);

  g_assert_no_error (error);
  assert_spans (text, spans, expected);
}

static void
test_sentences_code_points (void)
{
  /* Multi-byte letters before the sentence must count as one position each. */
  const char *text = "Ünïcødé façade — déjà vu.\n\nA headline without a full stop\n\nLast one.";
  const char *expected[] = {
    "Ünïcødé façade — déjà vu.",
    "A headline without a full stop",
    "Last one.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, NULL, &error);
  const RshSpan *second;

  g_assert_no_error (error);
  assert_spans (text, spans, expected);
  second = &g_array_index (spans, RshSpan, 1);
  g_assert_cmpuint (second->start, ==, g_utf8_strlen ("Ünïcødé façade — déjà vu.\n\n", -1));
  g_assert_cmpuint (second->paragraph, ==, 1);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 2).paragraph, ==, 2);
}

static void
test_sentences_astral (void)
{
  /* Characters beyond U+FFFF are two UTF-16 units to ICU and one position to us, and
   * the sentences after them must still start where their text does. */
  const char *text = "Rain \U0001F327\U0001F327 fell on \U00010348 Gothic ruins. It stopped. "
                     "\U0001F600 Crowds came back.\n\n\U0001F4F0 Papers said so.";
  const char *expected[] = {
    "Rain \U0001F327\U0001F327 fell on \U00010348 Gothic ruins.",
    "It stopped.",
    "\U0001F600 Crowds came back.",
    "\U0001F4F0 Papers said so.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, "en", &error);

  g_assert_no_error (error);
  assert_spans (text, spans, expected);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 1).start, ==,
                    g_utf8_strlen ("Rain \U0001F327\U0001F327 fell on \U00010348 Gothic ruins. ",
                                   -1));
  g_assert_cmpuint (g_array_index (spans, RshSpan, 3).paragraph, ==, 1);
}

static void
test_sentences_invalid_utf8 (void)
{
  /* Bytes that are not UTF-8 (this goes past the UTF-16 path) still split rather than
   * fail. */
  const char *text = "Caf\xE9 owners met. They agreed.\n\nNo more.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences (text, "en", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 0).end, <,
                    g_array_index (spans, RshSpan, 1).start);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 1).paragraph, ==, 0);
  g_assert_cmpuint (g_array_index (spans, RshSpan, 2).paragraph, ==, 1);
}

static void
test_sentences_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = rsh_segment_sentences ("  \n\n ", "en", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/segment/paragraphs", test_paragraphs);
  g_test_add_func ("/core/segment/sentences/abbreviations", test_sentences_abbreviations);
  g_test_add_func ("/core/segment/sentences/months-and-lower-case",
                   test_sentences_months_and_lower_case);
  g_test_add_func ("/core/segment/sentences/quoted-questions", test_sentences_quoted_questions);
  g_test_add_func ("/core/segment/sentences/code-points", test_sentences_code_points);
  g_test_add_func ("/core/segment/sentences/astral", test_sentences_astral);
  g_test_add_func ("/core/segment/sentences/invalid-utf8", test_sentences_invalid_utf8);
  g_test_add_func ("/core/segment/sentences/empty", test_sentences_empty);

  return g_test_run ();
}
