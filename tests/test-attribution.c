/* test-attribution.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <rashomon.h>

/* Non-ASCII text before every case, so code points and bytes differ. */
#define PREFIX "Zürich, Ångström Straße — “Café” notes. "

typedef struct
{
  const char *name;
  const char *context;  /* sentences before the one under test, or NULL */
  const char *sentence;
  const char *speaker;  /* NULL: no mention expected */
  const char *cue;
  RshStance   stance;
  gboolean    hedged;
  const char *quote;
  gboolean    impersonal; /* a mention without speaker is expected */
  const char *quoted;     /* the original source of a chain, or NULL */
  const char *via;        /* who passed the words on, or NULL */
} AttributionCase;

static const AttributionCase cases[] = {
  { "according-to-the-report",
    "The Tideline Courier reported on Monday that the ferry hull had cracked.",
    "Managers reportedly told crews to sail anyway, according to the report, which cited two deckhands.",
    "The Tideline Courier", "according to", RSH_STANCE_REPORTS, TRUE,
    "Managers reportedly told crews to sail anyway" },
  { "document-as-object", "The Tideline Courier reported on Monday that the hull had cracked.",
    "A source familiar with the story told the Bulletin that the inspection was skipped.",
    NULL, "told" },
  { "said-the-document-clause", NULL,
    "The fact-checking site Quaycheck said the article was wrong.",
    "The fact-checking site Quaycheck", "said", RSH_STANCE_REPORTS, FALSE,
    "the article was wrong" },
  { "quotation-goes-on", "“Nobody checked the hull,” the minister said.",
    "“We were told to sail anyway.”",
    "the minister", "said", RSH_STANCE_REPORTS, FALSE,
    "We were told to sail anyway" },
  { "quotation-after-unquoted", "The minister said the hull was sound.",
    "“We will see.”",
    NULL, "said" },
  { "quotation-new-paragraph", "“Nobody checked the hull,” the minister said.\n\n",
    "“We will see.”",
    NULL, "said" },
  { "quoted-question-asked", NULL,
    "“Could anyone have missed a crack that size?” the minister asked.",
    "the minister", "asked", RSH_STANCE_REPORTS, FALSE,
    "Could anyone have missed a crack that size?" },
  { "asked-not-framed", NULL,
    "The council asked residents to boil their water.",
    NULL, "asked" },
  { "quoted-question", NULL,
    "“Could anyone have missed a crack that size?” the minister said.",
    "the minister", "said", RSH_STANCE_REPORTS, FALSE,
    "Could anyone have missed a crack that size?" },
  { "said-that", NULL,
    "The ministry said that the pipeline had been shut for repairs.",
    "The ministry", "said", RSH_STANCE_REPORTS, FALSE,
    "the pipeline had been shut for repairs" },
  { "said-after", NULL,
    "The pipeline was shut on Monday, Veltrix Systems said.",
    "Veltrix Systems", "said", RSH_STANCE_REPORTS, FALSE,
    "The pipeline was shut on Monday" },
  { "split-quote", NULL,
    "“We followed every single rule,” Jane Okafor said, “and we will prove it.”",
    "Jane Okafor", "said", RSH_STANCE_REPORTS, FALSE,
    "We followed every single rule" },
  { "inverted", NULL,
    "“The tanks were sealed,” said Pieter van Dalen.",
    "Pieter van Dalen", "said", RSH_STANCE_REPORTS, FALSE,
    "The tanks were sealed" },
  { "according-to-first", NULL,
    "According to the water agency, the samples contained no solvent.",
    "the water agency", "according to", RSH_STANCE_REPORTS, FALSE,
    "the samples contained no solvent" },
  { "according-to-last", NULL,
    "The spill reached the river, according to Mayor Lena Brandt.",
    "Mayor Lena Brandt", "according to", RSH_STANCE_REPORTS, FALSE,
    "The spill reached the river" },
  { "told", NULL,
    "Veltrix told Reuters that no chemicals had leaked.",
    "Veltrix", "told", RSH_STANCE_REPORTS, FALSE,
    "no chemicals had leaked" },
  { "statement", NULL,
    "The company said in a statement that its filters worked as designed.",
    "The company", "said in a statement", RSH_STANCE_REPORTS, FALSE,
    "its filters worked as designed" },
  { "has-denied", NULL,
    "Veltrix has denied any wrongdoing.",
    "Veltrix", "has denied", RSH_STANCE_DENIES, FALSE,
    "any wrongdoing" },
  { "denied-that", NULL,
    "Ostrava Chemicals denied that the plant had leaked.",
    "Ostrava Chemicals", "denied", RSH_STANCE_DENIES, FALSE,
    "the plant had leaked" },
  { "possessive-speaker", NULL,
    "Norway's environment agency disputed the company's figures.",
    "Norway's environment agency", "disputed", RSH_STANCE_DISPUTES, FALSE,
    "the company's figures" },
  { "no-evidence", NULL,
    "The agency has no evidence that the filters failed.",
    "The agency", "has no evidence", RSH_STANCE_DISPUTES, FALSE,
    "the filters failed" },
  { "confirmed", NULL,
    "Minister Tomas Reyes confirmed that two wells were closed.",
    "Minister Tomas Reyes", "confirmed", RSH_STANCE_CONFIRMS, FALSE,
    "two wells were closed" },
  { "negated-confirm", NULL,
    "The minister did not confirm that the river was polluted.",
    "The minister", "confirm", RSH_STANCE_DISPUTES, FALSE,
    "the river was polluted" },
  { "reportedly", NULL,
    "The plant reportedly released the solvent overnight, officials said.",
    "officials", "said", RSH_STANCE_REPORTS, TRUE,
    "The plant reportedly released the solvent overnight" },
  { "hedged-cue", NULL,
    "Local residents claimed that the water smelled of almonds.",
    "Local residents", "claimed", RSH_STANCE_REPORTS, TRUE,
    "the water smelled of almonds" },
  { "pronoun", "Kelvar Industries runs the plant near Dorf. Kelvar Industries said the tanks "
    "were sealed.",
    "It later denied that any tank had cracked.",
    "Kelvar Industries", "denied", RSH_STANCE_DENIES, FALSE,
    "any tank had cracked" },
  /* "He" can't be the agency, and nobody else was named: nobody's statement. */
  { "pronoun-kind-mismatch", "The agency said the tests were incomplete.",
    "He said the samples were lost.",
    NULL, NULL, RSH_STANCE_REPORTS, FALSE, NULL },
  { "pronoun-named-without-speaking",
    "Port director Mirela Tasca said the fees would rise. The union leader, Tomas Brandt, "
    "called the figures wrong.",
    "He said the real increase was closer to a quarter.",
    "Tomas Brandt", "said", RSH_STANCE_REPORTS, FALSE,
    "the real increase was closer to a quarter" },
  { "pronoun-speaker-before-object",
    "Port director Mirela Tasca said Tomas Brandt, the union's leader, was wrong.",
    "She added that the fees were fair.",
    "Port director Mirela Tasca", "added", RSH_STANCE_REPORTS, FALSE,
    "the fees were fair" },
  { "pronoun-sex-known",
    "Mr Tomas Brandt said the fees were too high. Port director Mirela Tasca disagreed.",
    "He said the union had not been consulted.",
    "Mr Tomas Brandt", "said", RSH_STANCE_REPORTS, FALSE,
    "the union had not been consulted" },
  { "date-no-speaker", NULL,
    "The harbour carried fewer ships, according to March 2026 figures.",
    NULL, NULL, RSH_STANCE_REPORTS, FALSE, NULL },
  { "it-not-a-person", "Port director Mirela Tasca said the fees would rise.",
    "It denied that the union was left out.",
    NULL, NULL, RSH_STANCE_DENIES, FALSE, NULL },
  { "it-skips-people",
    "The harbour board said the fees would rise. Port director Mirela Tasca agreed.",
    "It denied that the union was left out.",
    "The harbour board", "denied", RSH_STANCE_DENIES, FALSE,
    "the union was left out" },
  { "apposition", NULL,
    "Rosa Feld, the plant's safety officer, said the alarms had worked.",
    "Rosa Feld", "said", RSH_STANCE_REPORTS, FALSE,
    "the alarms had worked" },
  { "name-after-description", NULL,
    "The tank farm's contractor, Kelvar Industries, denied that any tank had cracked.",
    "Kelvar Industries", "denied", RSH_STANCE_DENIES, FALSE,
    "any tank had cracked" },
  { "description-after-name", NULL,
    "Kelvar Industries, the operator, denied that any tank had cracked.",
    "Kelvar Industries", "denied", RSH_STANCE_DENIES, FALSE,
    "any tank had cracked" },
  { "opening-stance", NULL,
    "Harbour board says ‘no evidence’ of a cover-up at the pier",
    "Harbour board", "no evidence of", RSH_STANCE_DISPUTES, FALSE,
    "a cover-up at the pier" },
  { "opening-stance-plain", NULL,
    "The harbour board said there was no evidence of a cover-up at the pier.",
    "The harbour board", "said", RSH_STANCE_REPORTS, FALSE,
    "there was no evidence of a cover-up at the pier" },
  { "inner-stance", NULL,
    "The inspectorate said it “has no evidence that the wells were contaminated.”",
    "The inspectorate", "has no evidence", RSH_STANCE_DISPUTES, FALSE,
    "the wells were contaminated" },
  { "closing-cue", NULL,
    "The board reviewed how Kelvar reports its figures, a spokeswoman said.",
    "a spokeswoman", "said", RSH_STANCE_REPORTS, FALSE,
    "The board reviewed how Kelvar reports its figures" },
  { "passive", NULL,
    "“We were told to keep it quiet,” one worker recalled.",
    NULL, NULL, RSH_STANCE_REPORTS, FALSE, NULL },
  { "pronoun-latest-of-kind", "Kelvar Industries said the tanks were sealed. Its director, "
    "Anna Holm, said nothing more.",
    "The company later denied that any tank had cracked.",
    "Kelvar Industries", "denied", RSH_STANCE_DENIES, FALSE,
    "any tank had cracked" },
  { "no-cue", NULL,
    "The river turned brown on Tuesday.",
    NULL, NULL, RSH_STANCE_REPORTS, FALSE, NULL },
  { "cue-without-speaker", NULL,
    "The claims were widely questioned.",
    NULL, NULL, RSH_STANCE_REPORTS, FALSE, NULL },
  { "impersonal", NULL,
    "It was reported that the ferry had been sold.",
    NULL, "it was reported", RSH_STANCE_REPORTS, TRUE,
    "the ferry had been sold", TRUE },
  { "possessive-claims", NULL,
    "The mayor rejected the union's claims that the pier was unsafe.",
    "the union", "claims", RSH_STANCE_REPORTS, TRUE,
    "the pier was unsafe" },
  { "possessive-outer", NULL,
    "The mayor rejected the union's claims that the pier was unsafe.",
    "The mayor", "rejected", RSH_STANCE_DENIES, FALSE,
    "the pier was unsafe" },
  { "participle-subject", NULL,
    "The council closed the bridge on Friday, saying the cables had corroded.",
    "The council", "saying", RSH_STANCE_REPORTS, FALSE,
    "the cables had corroded" },
  { "participle-plural-subject", NULL,
    "Local fishermen disputed the council's account, saying the pier had been closed for a week.",
    "Local fishermen", "saying", RSH_STANCE_REPORTS, FALSE,
    "the pier had been closed for a week" },
  { "participle-adding", NULL,
    "The harbour office said the cranes were idle, adding that repairs would take a week.",
    "The harbour office", "adding", RSH_STANCE_REPORTS, FALSE,
    "repairs would take a week" },
  { "participle-cuts-content", NULL,
    "The harbour office said the cranes were idle, adding that repairs would take a week.",
    "The harbour office", "said", RSH_STANCE_REPORTS, FALSE,
    "the cranes were idle" },
  { "emailed-statement", NULL,
    "“The line was never breached,” Veltrix said in an emailed statement to Reuters.",
    "Veltrix", "said", RSH_STANCE_REPORTS, FALSE,
    "The line was never breached" },
  { "who-apposition", NULL,
    "Marta Kowal, who has run the depot since 2019 and knows every driver, said the trucks "
    "were late.",
    "Marta Kowal", "said", RSH_STANCE_REPORTS, FALSE,
    "the trucks were late" },
  { "told-addressee", NULL,
    "Veltrix told the Coastline Herald the filters had been replaced.",
    "Veltrix", "told", RSH_STANCE_REPORTS, FALSE,
    "the filters had been replaced" },
  { "dismissed", NULL,
    "The regulator dismissed the report as speculation.",
    "The regulator", "dismissed", RSH_STANCE_DENIES, FALSE,
    "the report as speculation" },
  { "media-speaker", NULL,
    "The Harbour Times reported that two cranes had collapsed.",
    "The Harbour Times", "reported", RSH_STANCE_REPORTS, FALSE,
    "two cranes had collapsed" },
  { "document-speaker", NULL,
    "A Coastline Herald report published Monday said the dock was flooded.",
    "Coastline Herald", "said", RSH_STANCE_REPORTS, FALSE,
    "the dock was flooded" },
  { "chain-quoting", NULL,
    "The ferry will be sold, the Harbour Times said, quoting two council officials.",
    "the Harbour Times", "said", RSH_STANCE_REPORTS, FALSE,
    "The ferry will be sold", FALSE, "two council officials" },
  { "chain-via", "Veltrix said the depot was open.",
    "“Veltrix has never sold data to any government,” the company said in a statement "
    "quoted by the Coastline Herald.",
    "Veltrix", "said in a statement", RSH_STANCE_DENIES, FALSE,
    "Veltrix has never sold data to any government", FALSE, NULL, "the Coastline Herald" },
  { "self-negation", NULL,
    "Kelvar said it was not responsible for the leak.",
    "Kelvar", "said", RSH_STANCE_DENIES, FALSE,
    "it was not responsible for the leak" },
  { "third-party-negation", NULL,
    "Kelvar said the inspectors had not visited the plant.",
    "Kelvar", "said", RSH_STANCE_REPORTS, FALSE,
    "the inspectors had not visited the plant" },
  { "quoted-no-evidence-for", NULL,
    "“We have no evidence for tampering,” the ministry said.",
    "the ministry", "have no evidence for", RSH_STANCE_DISPUTES, FALSE,
    "tampering" },
  { "no-plans-is-no-denial", NULL,
    "The ministry said it had “no plans” to close the port.",
    "The ministry", "said", RSH_STANCE_REPORTS, FALSE,
    "it had “no plans” to close the port" },
  { "said-to", NULL,
    "The captain is said to have left the bridge early, officials said.",
    "officials", "said", RSH_STANCE_REPORTS, TRUE,
    "The captain is said to have left the bridge early" },
  { "description-antecedent", "Germany’s port agency said the quay was closed. Norway said "
    "nothing.",
    "The German agency later denied that any ship had been turned away.",
    "Germany’s port agency", "denied", RSH_STANCE_DENIES, FALSE,
    "any ship had been turned away" },
  { "description-with-modifier", "Veltrix Systems said the depot was open. The ministry "
    "said it was shut.",
    "The Oslo-based company denied that the depot was shut.",
    "Veltrix Systems", "denied", RSH_STANCE_DENIES, FALSE,
    "the depot was shut" },
};

static GPtrArray *
attribute (const char  *text,
           RshLexicon  *lexicon)
{
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *mentions;

  sentences = rsh_segment_sentences (text, "en", &error);
  g_assert_no_error (error);
  mentions = rsh_attribute_text (lexicon, "s1", text, sentences, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mentions);

  return mentions;
}

static void
check_quote_is_substring (const char *text,
                          RshMention *mention)
{
  g_autofree char *expected = rsh_substring (text, rsh_mention_get_start (mention),
                                             rsh_mention_get_end (mention));

  g_assert_cmpstr (rsh_mention_get_quote (mention), ==, expected);
  g_assert_cmpuint (g_utf8_strlen (expected, -1), ==,
                    rsh_mention_get_end (mention) - rsh_mention_get_start (mention));
}

/* The speaker span holds the speaker as written, the cue span the cue's words ("said it
 * has no evidence": the inner cue that gives the stance). */
/* Removes the quotation marks of @str, in place. */
static void
drop_quotation_marks (char *str)
{
  char *out = str;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_INITIAL_PUNCTUATION ||
          g_unichar_type (c) == G_UNICODE_FINAL_PUNCTUATION || c == '"' || c == '\'')
        continue;
      out += g_unichar_to_utf8 (c, out);
    }
  *out = '\0';
}

static void
check_spans (const char *text,
             RshMention *mention)
{
  guint start, end;

  if (rsh_mention_get_speaker (mention) == NULL)
    g_assert_false (rsh_mention_get_speaker_span (mention, NULL, NULL));
  else
    {
      g_autofree char *written = NULL;
      const char *expected = rsh_mention_get_written_speaker (mention);

      g_assert_true (rsh_mention_get_speaker_span (mention, &start, &end));
      written = rsh_substring (text, start, end);
      g_assert_cmpstr (written, ==, expected ? expected : rsh_mention_get_speaker (mention));
    }

  if (rsh_mention_get_cue (mention) == NULL)
    g_assert_false (rsh_mention_get_cue_span (mention, NULL, NULL));
  else
    {
      g_autofree char *cue = NULL;
      g_autofree char *folded = NULL;

      g_assert_true (rsh_mention_get_cue_span (mention, &start, &end));
      cue = rsh_substring (text, start, end);
      folded = g_utf8_strdown (cue, -1);
      /* A cue may run across quotation marks: "says ‘no evidence’ of". */
      drop_quotation_marks (folded);
      g_assert_true (strstr (folded, rsh_mention_get_cue (mention)) != NULL ||
                     strstr (rsh_mention_get_cue (mention), folded) != NULL);
    }
}

static void
test_case (gconstpointer data)
{
  const AttributionCase *c = data;
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RshMention *mention = NULL;
  glong sentence_start;

  lexicon = rsh_lexicon_load_default ("en", &error);
  g_assert_no_error (error);

  text = g_strconcat (PREFIX, c->context ? c->context : "", c->context ? " " : "",
                      c->sentence, NULL);
  sentence_start = g_utf8_strlen (text, -1) - g_utf8_strlen (c->sentence, -1);
  mentions = attribute (text, lexicon);

  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *m = g_ptr_array_index (mentions, i);

      check_quote_is_substring (text, m);
      g_assert_cmpstr (rsh_mention_get_source_id (m), ==, "s1");
      /* Of several statements in the sentence, the one with the case's cue. */
      if (rsh_mention_get_start (m) >= (guint) sentence_start &&
          (mention == NULL || g_strcmp0 (rsh_mention_get_cue (mention), c->cue) != 0))
        mention = m;
    }

  if (c->speaker == NULL && !c->impersonal)
    {
      g_assert_null (mention);
      return;
    }

  g_assert_nonnull (mention);
  g_assert_cmpstr (rsh_mention_get_speaker (mention), ==, c->speaker);
  g_assert_cmpstr (rsh_mention_get_quoted (mention), ==, c->quoted);
  g_assert_cmpstr (rsh_mention_get_via (mention), ==, c->via);
  g_assert_cmpstr (rsh_mention_get_cue (mention), ==, c->cue);
  g_assert_cmpstr (rsh_stance_to_string (rsh_mention_get_stance (mention)), ==,
                   rsh_stance_to_string (c->stance));
  g_assert_cmpint (rsh_mention_get_hedged (mention), ==, c->hedged);
  g_assert_cmpstr (rsh_mention_get_quote (mention), ==, c->quote);
  check_spans (text, mention);
}

static void
test_lexicon_fallback (void)
{
  g_autoptr(RshLexicon) en = NULL;
  g_autoptr(RshLexicon) xx = NULL;
  g_autoptr(GError) error = NULL;

  en = rsh_lexicon_load_default ("en-GB", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_lexicon_get_language (en), ==, "en");

  xx = rsh_lexicon_load_default ("tlh", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_lexicon_get_language (xx), ==, "en");

  g_assert_cmpuint (rsh_lexicon_get_cues (en)->len, >, 20);
  g_assert_true (rsh_lexicon_is_hedge (en, "Reportedly"));
  g_assert_true (rsh_lexicon_is_negation (en, "not"));
  g_assert_true (rsh_lexicon_is_stopword (en, "the"));
  g_assert_false (rsh_lexicon_is_stopword (en, "pipeline"));
}

static void
test_lexicon_kinds (void)
{
  g_autoptr(RshLexicon) lexicon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *norm1 = NULL;
  g_autofree char *norm2 = NULL;
  static const struct { const char *name; RshActorKind kind; } kinds[] = {
    { "the ministry", RSH_ACTOR_KIND_GOVERNMENT },
    { "Norway's environment agency", RSH_ACTOR_KIND_GOVERNMENT },
    { "the agency's spokeswoman", RSH_ACTOR_KIND_PERSON },
    { "Jane Okafor", RSH_ACTOR_KIND_PERSON },
    { "Veltrix Systems", RSH_ACTOR_KIND_ORGANIZATION },
    { "The Harbour Times", RSH_ACTOR_KIND_MEDIA },
    { "local residents", RSH_ACTOR_KIND_GROUP },
    { "Veltrix", RSH_ACTOR_KIND_UNKNOWN },
  };

  lexicon = rsh_lexicon_load_default ("en", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (rsh_actor_kind_to_string (rsh_lexicon_guess_kind (lexicon, kinds[i].name)),
                     ==, rsh_actor_kind_to_string (kinds[i].kind));

  norm1 = rsh_lexicon_normalize_name (lexicon, "The Agency’s");
  norm2 = rsh_lexicon_normalize_name (lexicon, "agency");
  g_assert_cmpstr (norm1, ==, norm2);
}

static void
test_lexicon_malformed (void)
{
  static const struct { const char *text; const char *line; } bad[] = {
    { "language: en\ncue reports before: said\nthis line has no colon\n", "line 3" },
    { "language: en\n# comment\n\ncue shouts before: yelled\n", "line 4" },
    { "language: en\ncue reports sideways: said\n", "line 2" },
    { "cue reports before: said\nlanguage: en\n", "line 1" },
    { "language: en\ncue reports before: said, , told\n", "line 2" },
    { "language: en\nkind alien: zorg\ncue reports before: said\n", "line 2" },
    { "language: en\nfrobnicate: x\n", "line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i].text, strlen (bad[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(RshLexicon) lexicon = rsh_lexicon_new_from_bytes (bytes, &error);

      g_assert_null (lexicon);
      g_assert_error (error, RSH_ERROR, RSH_ERROR_LEXICON);
      g_assert_nonnull (strstr (error->message, bad[i].line));
    }
}

static void
test_lexicon_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) no_cues = g_bytes_new_static ("language: en\n", 13);
  g_autoptr(GBytes) binary = g_bytes_new_static ("language: en\n\xff\xfe", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshLexicon) lexicon = NULL;

  lexicon = rsh_lexicon_new_from_bytes (empty, &error);
  g_assert_null (lexicon);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_LEXICON);
  g_clear_error (&error);

  lexicon = rsh_lexicon_new_from_bytes (no_cues, &error);
  g_assert_null (lexicon);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_LEXICON);
  g_clear_error (&error);

  lexicon = rsh_lexicon_new_from_bytes (binary, &error);
  g_assert_null (lexicon);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_LEXICON);
}

static void
test_lexicon_custom (void)
{
  static const char text[] =
    "language: xx\n"
    "cue denies before: blorped\n"
    "kind government: bureau\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_new_from_bytes (bytes, &error);
  g_autoptr(GPtrArray) mentions = NULL;
  const RshCue *cue;

  g_assert_no_error (error);
  g_assert_cmpstr (rsh_lexicon_get_language (lexicon), ==, "xx");
  g_assert_cmpuint (rsh_lexicon_get_cues (lexicon)->len, ==, 1);
  cue = g_ptr_array_index (rsh_lexicon_get_cues (lexicon), 0);
  g_assert_cmpstr (cue->word, ==, "blorped");
  g_assert_cmpint (cue->position, ==, 'b');

  /* The vocabulary comes from the lexicon, not from the code: "said" means nothing here. */
  mentions = attribute ("The bureau blorped the report. The bureau said it was fine.", lexicon);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (rsh_mention_get_speaker (g_ptr_array_index (mentions, 0)), ==, "The bureau");
  g_assert_cmpint (rsh_mention_get_stance (g_ptr_array_index (mentions, 0)), ==,
                   RSH_STANCE_DENIES);
}

static void
test_fixture_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "attribution",
                                                 "mixed-script.txt", NULL);
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const struct { const char *speaker; const char *cue; RshStance stance; } expected[] = {
    { "The harbour office in Kraków", "said", RSH_STANCE_REPORTS },
    { "Zofia Ćwik", "said", RSH_STANCE_REPORTS },
    { "the dockers’ union", "according to", RSH_STANCE_REPORTS },
    { "The company", "has denied", RSH_STANCE_DENIES },
    /* "It" is the company, the latest speaker a bare "it" can stand for. */
    { "The company", "disputed", RSH_STANCE_DISPUTES },
  };

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  mentions = attribute (text, lexicon);
  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);

      check_quote_is_substring (text, mention);
      g_assert_cmpstr (rsh_mention_get_speaker (mention), ==, expected[i].speaker);
      g_assert_cmpstr (rsh_mention_get_cue (mention), ==, expected[i].cue);
      g_assert_cmpint (rsh_mention_get_stance (mention), ==, expected[i].stance);
    }
}

/* A quotation over several sentences and paragraphs: every sentence in it is the
 * speaker's, whether the cue comes at its end or before it. */
static void
test_quotation_spans (void)
{
  static const char text[] =
    "Flood night at Dorf\n\n"
    "“The pumps failed twice. Nobody came to help. We bailed by hand,” said Rosa Feld.\n\n"
    "Jonas Brink, a neighbour, said: “The water rose fast.\n\n"
    "“By midnight the cellar was full.”\n\n"
    "The fire brigade arrived at dawn.";
  static const struct { const char *speaker; const char *quote; } expected[] = {
    { "Rosa Feld", "The pumps failed twice" },
    { "Rosa Feld", "Nobody came to help" },
    { "Rosa Feld", "We bailed by hand" },
    { "Jonas Brink", "The water rose fast" },
    { "Jonas Brink", "By midnight the cellar was full" },
  };
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GPtrArray) mentions = attribute (text, lexicon);

  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);

      check_quote_is_substring (text, mention);
      g_assert_cmpstr (rsh_mention_get_speaker (mention), ==, expected[i].speaker);
      g_assert_cmpstr (rsh_mention_get_quote (mention), ==, expected[i].quote);
    }
}

/* The outlet's own assertions, with RSH_ATTRIBUTE_OUTLET_VOICE: statements yes; headings,
 * questions and verbless fragments no. */
static void
test_outlet_voice (void)
{
  static const char text[] =
    "Ferry sold to a Danish yard\n\n"
    "The Brenn ferry was sold on Monday. Was the price fair? The council said the buyer "
    "paid in cash. More ferries than ever before, and fewer passengers.\n\n"
    "The harbour director resigned in protest, saying the sale was rushed.";
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GArray) sentences = rsh_segment_sentences (text, "en", NULL);
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *speaker; const char *cue; const char *quote; } expected[] = {
    { NULL, NULL, "The Brenn ferry was sold on Monday" },
    { "The council", "said", "the buyer paid in cash" },
    { NULL, NULL, "The harbour director resigned in protest" },
    { "The harbour director", "saying", "the sale was rushed" },
  };

  mentions = rsh_attribute_text_full (lexicon, "s1", text, sentences,
                                      RSH_ATTRIBUTE_OUTLET_VOICE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);

      check_quote_is_substring (text, mention);
      g_assert_cmpstr (rsh_mention_get_speaker (mention), ==, expected[i].speaker);
      g_assert_cmpstr (rsh_mention_get_cue (mention), ==, expected[i].cue);
      g_assert_cmpstr (rsh_mention_get_quote (mention), ==, expected[i].quote);
      g_assert_cmpint (rsh_mention_get_stance (mention), ==, RSH_STANCE_REPORTS);
    }
}

/* Actors: aliases within a source, names across sources, descriptions kept apart. */
static void
test_actors_build (void)
{
  static const char text_a[] =
    "Veltrix Labs said the depot was open. “Veltrix never hid a leak,” the company said. "
    "The Oslo-based company later denied that the tanks had cracked.";
  static const char text_b[] =
    "Veltrix said the depot was shut. The company said it would reopen soon. "
    "Norway’s port agency said it had no record of the leak.";
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GPtrArray) a = attribute (text_a, lexicon);
  g_autoptr(GPtrArray) b = attribute (text_b, lexicon);
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autoptr(GListStore) actors = g_list_store_new (RSH_TYPE_ACTOR);
  g_autoptr(RshActor) veltrix = NULL;
  g_autoptr(RshActor) agency = NULL;
  const char *veltrix_id;

  g_ptr_array_add (lexicons, lexicon);
  g_ptr_array_add (lexicons, lexicon);
  g_ptr_array_add (sets, a);
  g_ptr_array_add (sets, b);
  rsh_actors_build (actors, lexicons, sets);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, 2);
  veltrix = g_list_model_get_item (G_LIST_MODEL (actors), 0);
  agency = g_list_model_get_item (G_LIST_MODEL (actors), 1);
  g_assert_cmpstr (rsh_actor_get_name (veltrix), ==, "Veltrix Labs");
  g_assert_cmpint (rsh_actor_get_kind (veltrix), ==, RSH_ACTOR_KIND_ORGANIZATION);
  g_assert_true (g_strv_contains (rsh_actor_get_aliases (veltrix), "the company"));
  g_assert_true (g_strv_contains (rsh_actor_get_aliases (veltrix), "The Oslo-based company"));
  g_assert_true (g_strv_contains (rsh_actor_get_aliases (veltrix), "Veltrix"));
  g_assert_cmpint (rsh_actor_get_kind (agency), ==, RSH_ACTOR_KIND_GOVERNMENT);

  veltrix_id = rsh_actor_get_id (veltrix);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (rsh_mention_get_actor_id (g_ptr_array_index (a, i)), ==, veltrix_id);
  /* "Veltrix" is the same name in both; "The company" in b also stands for it. */
  g_assert_cmpstr (rsh_mention_get_actor_id (g_ptr_array_index (b, 0)), ==, veltrix_id);
  g_assert_cmpstr (rsh_mention_get_actor_id (g_ptr_array_index (b, 1)), ==, veltrix_id);
  g_assert_cmpstr (rsh_mention_get_actor_id (g_ptr_array_index (b, 2)), ==,
                   rsh_actor_get_id (agency));
  /* The agency speaks of itself: "it had no record" is a statement, not a denial. */
  g_assert_cmpint (rsh_mention_get_stance (g_ptr_array_index (b, 2)), ==, RSH_STANCE_REPORTS);
}

/* A person's name goes without the role written before it in lower case. */
static void
test_actor_name_without_role (void)
{
  static const char text[] =
    "On Monday, chief engineer Hanna Vidal said the valves were new. "
    "Hanna Vidal added that the pumps were tested in May.";
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GPtrArray) mentions = attribute (text, lexicon);
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autoptr(GListStore) actors = g_list_store_new (RSH_TYPE_ACTOR);
  g_autoptr(RshActor) actor = NULL;

  g_ptr_array_add (lexicons, lexicon);
  g_ptr_array_add (sets, mentions);
  rsh_actors_build (actors, lexicons, sets);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, 1);
  actor = g_list_model_get_item (G_LIST_MODEL (actors), 0);
  g_assert_cmpstr (rsh_actor_get_name (actor), ==, "Hanna Vidal");
  g_assert_cmpint (rsh_actor_get_kind (actor), ==, RSH_ACTOR_KIND_PERSON);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_mention_properties (void)
{
  g_autoptr(RshMention) mention = rsh_mention_new ("s2", 3, 9, "claims");
  g_autofree char *speaker = NULL;
  RshStance stance;
  guint count = 0;

  g_signal_connect (mention, "notify", G_CALLBACK (notify_cb), &count);
  rsh_mention_set_speaker (mention, "Jane Okafor");
  rsh_mention_set_speaker (mention, "Jane Okafor");
  rsh_mention_set_stance (mention, RSH_STANCE_DENIES);
  rsh_mention_set_stance (mention, RSH_STANCE_DENIES);
  rsh_mention_set_hedged (mention, TRUE);
  g_object_set (mention, "outlet", "Harbour Times", "cue", "denied", NULL);
  g_assert_cmpuint (count, ==, 5);

  g_object_get (mention, "speaker", &speaker, "stance", &stance, NULL);
  g_assert_cmpstr (speaker, ==, "Jane Okafor");
  g_assert_cmpint (stance, ==, RSH_STANCE_DENIES);
  g_assert_cmpstr (rsh_mention_get_outlet (mention), ==, "Harbour Times");
  g_assert_cmpuint (rsh_mention_get_start (mention), ==, 3);
  g_assert_cmpuint (rsh_mention_get_end (mention), ==, 9);
}

static void
test_cancelled (void)
{
  g_autoptr(RshLexicon) lexicon = rsh_lexicon_load_default ("en", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Officials said the road was closed.";

  sentences = rsh_segment_sentences (text, "en", NULL);
  g_cancellable_cancel (cancellable);
  mentions = rsh_attribute_text (lexicon, "s1", text, sentences, cancellable, &error);
  g_assert_null (mentions);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lexicon/fallback", test_lexicon_fallback);
  g_test_add_func ("/core/lexicon/kinds", test_lexicon_kinds);
  g_test_add_func ("/core/lexicon/malformed", test_lexicon_malformed);
  g_test_add_func ("/core/lexicon/custom", test_lexicon_custom);
  g_test_add_func ("/core/lexicon/empty", test_lexicon_empty);
  g_test_add_func ("/core/mention/properties", test_mention_properties);
  g_test_add_func ("/core/attribution/cancelled", test_cancelled);
  g_test_add_func ("/core/attribution/fixture-document", test_fixture_document);
  g_test_add_func ("/core/attribution/quotation-spans", test_quotation_spans);
  g_test_add_func ("/core/attribution/outlet-voice", test_outlet_voice);
  g_test_add_func ("/core/attribution/actors-build", test_actors_build);
  g_test_add_func ("/core/attribution/actor-name-without-role", test_actor_name_without_role);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/attribution/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  return g_test_run ();
}
