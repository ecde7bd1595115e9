/* test-timex.c: the TIMEX3 tagger, its normalised values, and statements placed in time
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include <rashomon.h>

#include "rsh-test-util.h"

/* The anchor of the cases: Wednesday 11 October 2017. */
#define ANCHOR "2017-10-11"

typedef struct
{
  const char *text;
  const char *expected;  /* type;text;value, separated by '|'; "-" for a null value */
} Case;

/* Our own sentences, one or two kinds of expression each. */
static const Case cases[] = {
  /* absolute dates */
  { "The deal was signed on September 13, 2017, in Bonn.",
    "DATE;September 13, 2017;2017-09-13" },
  { "It was signed 13 Sept. 2017 at the harbour office.", "DATE;13 Sept. 2017;2017-09-13" },
  { "The filing is dated 2017-09-13 and stamped.", "DATE;2017-09-13;2017-09-13" },
  { "The clerk logged it on 9/13/2017 at the desk.", "DATE;9/13/2017;2017-09-13" },
  { "Sales fell in Sept. 2017 across the valley.", "DATE;Sept. 2017;2017-09" },
  { "The plant opened in 2014 after a long wait.", "DATE;2014;2014" },
  { "The ban took effect in May.", "DATE;May;2017-05" },
  { "Officials may act on the report.", "" },
  { "Payment is due Dec. 15, the ministry wrote.", "DATE;Dec. 15;2017-12-15" },
  /* weekdays: the last one, unless the clause speaks of the future */
  { "The agency said Wednesday that it had no evidence.", "DATE;Wednesday;2017-10-11" },
  { "The ministry said Monday it would wait.", "DATE;Monday;2017-10-09" },
  { "The board will meet on Friday to decide.", "DATE;Friday;2017-10-13" },
  { "The council met last Friday.", "DATE;last Friday;2017-10-06" },
  /* days and nights */
  { "Officials met yesterday and will meet again tomorrow.",
    "DATE;yesterday;2017-10-10|DATE;tomorrow;2017-10-12" },
  { "The mayor will speak tonight.", "TIME;tonight;2017-10-11TNI" },
  { "Divers went down Tuesday morning.", "TIME;Tuesday morning;2017-10-10TMO" },
  { "The pumps ran in the morning.", "TIME;the morning;2017-10-11TMO" },
  /* relative weeks, months, years, seasons */
  { "Prices rose last week and may fall next month.",
    "DATE;last week;2017-W40|DATE;next month;2017-11" },
  { "The levy was raised this year.", "DATE;this year;2017" },
  { "Sales grew earlier this year, the firm said.", "DATE;earlier this year;2017" },
  { "The US banned the software last month.", "DATE;last month;2017-09" },
  { "The dam was finished in mid-2015.", "DATE;mid-2015;2015" },
  { "The firm was hacked two years ago.", "DATE;two years ago;2015" },
  { "The new pool opens this spring.", "DATE;this spring;2017-SP" },
  { "The band peaked in the 1990s.", "DATE;the 1990s;199" },
  /* a month alone after a past verb has begun; a plan in the past perfect is past */
  { "The group bought the mill in November.", "DATE;November;2016-11" },
  { "The lease had been due to end Friday evening.", "TIME;Friday evening;2017-10-06TEV" },
  { "Exports beat last year's quarter by far.", "DATE;last year's quarter;2016-Q3" },
  { "Rain kept falling over the past few weeks.", "DURATION;the past few weeks;PXW" },
  { "Rates may ease in the weeks ahead.", "DURATION;the weeks ahead;PXW" },
  { "Margins should hold in the near term.", "DATE;the near term;FUTURE_REF" },
  { "Visitors came in droves this past spring.", "DATE;this past spring;2017-SP" },
  { "The chapel was raised in the 11th century.", "DATE;the 11th century;10" },
  { "Pilgrims walk the ridge each July.", "SET;each July;XXXX-07" },
  { "Traders sold ahead of the weekend.", "DATE;the weekend;2017-W41-WE" },
  { "Profit fell in the third quarter.", "DATE;the third quarter;2017-Q3" },
  /* a fiscal quarter, once named, is the one "the quarter" and "a year earlier" mean */
  { "Sales rose in the fiscal first quarter. During the quarter, margins beat a year earlier.",
    "DATE;first quarter;2017-Q1|DATE;the quarter;2017-Q1|DATE;a year earlier;2016-Q1" },
  /* clock times */
  { "The vote closes at 3 p.m. EST on the island.", "TIME;3 p.m. EST;2017-10-11T15:00-05:00" },
  { "The pumps stopped at 14:30 GMT.", "TIME;14:30 GMT;2017-10-11T14:30Z" },
  /* durations and sets */
  { "The strike lasted two years.", "DURATION;two years;P2Y" },
  { "The repair took three hours.", "DURATION;three hours;PT3H" },
  { "Inspectors visit every week.", "SET;every week;P1W" },
  { "The ferry runs daily.", "SET;daily;P1D" },
  /* vague references */
  { "The rules apply now.", "DATE;now;PRESENT_REF" },
  { "The firm recently moved its office.", "DATE;recently;PAST_REF" },
  { "Costs may rise in the future.", "DATE;the future;FUTURE_REF" },
  /* counted from the last date the text named, not from the anchor */
  { "The plant closed on March 3, 2015. The following month, the workers left.",
    "DATE;March 3, 2015;2015-03-03|DATE;The following month;2015-04" },
  { "Prices peaked on Oct. 6 and were flat against the previous Friday.",
    "DATE;Oct. 6;2017-10-06|DATE;the previous Friday;2017-09-29" },
  { "The dam broke on Sept. 2. Water rose over the road at 10 p.m.",
    "DATE;Sept. 2;2017-09-02|TIME;10 p.m.;2017-09-02T22:00" },
  { "The pier burned last Oct. 23 in a storm.", "DATE;last Oct. 23;2016-10-23" },
  /* the tense of a weekday: "would" looks ahead, "Monday's ruling" has happened, and a
   * capitalised name ending in -ed is no verb */
  { "The minister said she would visit the port Thursday.", "DATE;Thursday;2017-10-12" },
  { "Lawyers will appeal Monday's ruling.", "DATE;Monday;2017-10-09" },
  { "Officials will fly to the United States Thursday.", "DATE;Thursday;2017-10-12" },
  /* durations: halves, ranges, and "more" */
  { "The crossing took 5 1/2 hours.", "DURATION;5 1/2 hours;PT5H30M" },
  { "Repairs take two to six days.", "DURATION;two;P2D|DURATION;six days;P6D" },
  { "The ban runs for two more weeks.", "DURATION;two more weeks;P2W" },
  { "The lease was extended for an additional year.", "DURATION;an additional year;P1Y" },
  /* an earnings report speaks of its quarter */
  { "Profit rose in the quarter, against a loss in the 2016 period.",
    "DATE;the quarter;2017-Q3|DATE;the 2016 period;2016-Q3" },
  { "Quarter sales rose; the latest period also set a record.",
    "DATE;the latest period;2017-Q3" },
  /* a vague future; spoken years and decades */
  { "The town will one day host the games.", "DATE;one day;FUTURE_REF" },
  { "The mill opened in January nineteen ninety-seven.",
    "DATE;January nineteen ninety-seven;1997-01" },
  { "Rents soared through the nineties.", "DATE;the nineties;199" },
  { "The deal should close by year-end.", "DATE;year-end;2017" },
  { "Sales rose in the first half of the year.", "DATE;the first half of the year;2017-H1" },
  { "Net for the year-earlier nine months fell.",
    "DURATION;the year-earlier nine months;P9M" },
  { "Profit for the quarter beat the same period last year.",
    "DATE;the quarter;2017-Q3|DATE;the same period last year;2016-Q3" },
  /* a participle after "be" and a verb in -ed leave the tense to a word further back */
  { "The crew will be named for a flight in March.", "DATE;March;2018-03" },
  { "Buyers were likely to return once trading reopened Monday.", "DATE;Monday;2017-10-16" },
  /* a clock time's weekday takes the tense of the clause before the clock */
  { "The ferry will leave the old harbour of the island at 4 a.m. EDT Thursday.",
    "TIME;4 a.m. EDT Thursday;2017-10-12T04:00-04:00" },
  /* "the past" before a count is no vague past */
  { "Riots hit the town over the past three summers.", "" },
  /* a newspaper's name is no day */
  { "The story ran in USA Today.", "" },
  /* no time at all, though numbers and units are there */
  { "A 6-year-old boy and 55 years old.", "" },
  { "It saves $500 million a year.", "" },
  /* a forecast for "the full year" and a high "for the year of $42" mean the current year */
  { "The brewer expects higher profit for the full year.", "DATE;the full year;2017" },
  { "Its shares hit a high for the year of $42 in June.",
    "DATE;the year;2017|DATE;June;2017-06" },
  /* "this year's third quarter" is one quarter, not a year */
  { "Costs climbed in this year's third quarter.", "DATE;this year's third quarter;2017-Q3" },
  { "The loss was smaller than last year's first half.",
    "DATE;last year's first half;2016-H1" },
  /* "the week of" a day is that day's week */
  { "The hearing is set for the week of Oct. 23.", "DATE;the week of Oct. 23;2017-W43" },
  /* a "quarter-century" is no earnings quarter: "a year earlier" is the year */
  { "Jobless claims hit a quarter-century low. Wages were higher than a year earlier.",
    "DATE;a year earlier;2016" },
  /* after a fiscal quarter, another company's calendar quarter just ended is what "a year
   * earlier" counts from */
  { "The brewer's profit rose in the fiscal first quarter. Separately, the bakery said "
    "third-quarter sales rose from a year earlier.",
    "DATE;first quarter;2017-Q1|DATE;third-quarter;2017-Q3|DATE;a year earlier;2016-Q3" },
  /* a part of the day, like a clock time, is on the day the text last named */
  { "The dam broke on Sept. 2. Crews arrived in the morning.",
    "DATE;Sept. 2;2017-09-02|TIME;the morning;2017-09-02TMO" },
  /* "from now" looks ahead; a year's quarter named with "'s"; counts of consecutive units */
  { "The bridge will be finished two years from now.", "DATE;two years from now;2019" },
  { "Orders dipped in 2015's second quarter.", "DATE;2015's second quarter;2015-Q2" },
  { "Exports fell for three consecutive months.", "DURATION;three consecutive months;P3M" },
  /* "the fiscal year" is "the year" in two words: a length when it "ended" on a day */
  { "Revenue rose in the fiscal year ended June 30.",
    "DURATION;the fiscal year;P1Y|DATE;June 30;2017-06-30" },
  /* a bare plural after "within" or "take" is a stretch of vague length */
  { "The inquiry could take months.", "DURATION;months;PXM" },
  /* "is expected" looks ahead */
  { "The vote is expected early Friday.", "DATE;early Friday;2017-10-13" },
  /* "the decade" alone is the current one */
  { "The line should open by the end of the decade.", "DATE;the end of the decade;201" },
  /* "over the years" is a stretch of vague length */
  { "The orchard changed hands over the years.", "DURATION;the years;PXY" },
  /* a dateline names the day the story was written: "yesterday" counts from it */
  { "\n  LISBON, Oct. 9 (Wire) -- The ferry sank yesterday.",
    "DATE;Oct. 9;2017-10-09|DATE;yesterday;2017-10-08" },
  /* a date at the head of a text that is no dateline moves nothing */
  { "LISBON, Oct. 9, was the day the ferry sank; the crew spoke yesterday.",
    "DATE;Oct. 9;2017-10-09|DATE;yesterday;2017-10-10" },
};

static void
assert_timexes (const char *text,
                GPtrArray  *timexes,
                const char *expected)
{
  g_auto(GStrv) items = g_strsplit (expected, "|", -1);
  guint n = *expected ? g_strv_length (items) : 0;

  if (timexes->len != n)
    {
      for (guint i = 0; i < timexes->len; i++)
        {
          RshTimex *timex = g_ptr_array_index (timexes, i);

          g_test_message ("found %s “%s” %s", rsh_timex_type_to_string (timex->type),
                          timex->text, timex->value);
        }
      g_error ("“%s”: %u expressions found, %u expected", text, timexes->len, n);
    }

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (items[i], ";", 3);
      RshTimex *timex = g_ptr_array_index (timexes, i);
      g_autofree char *span = g_utf8_substring (text, timex->start, timex->end);

      g_assert_cmpstr (rsh_timex_type_to_string (timex->type), ==, fields[0]);
      g_assert_cmpstr (timex->text, ==, fields[1]);
      g_assert_cmpstr (span, ==, fields[1]);
      if (strcmp (fields[2], "-") == 0)
        g_assert_null (timex->value);
      else
        g_assert_cmpstr (timex->value, ==, fields[2]);
    }
}

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) timexes = rsh_timex_tag (cases[i].text, ANCHOR, "en", &error);

      g_assert_no_error (error);
      g_assert_nonnull (timexes);
      assert_timexes (cases[i].text, timexes, cases[i].expected);
    }
}

/* Code points, not bytes: "ü", "ö", "—" and an emoji come before the expression. */
static void
test_offsets_non_ascii (void)
{
  const char *text = "Zürich — Köln 🌊: die Behörde said Tuesday it found nothing.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timexes = rsh_timex_tag (text, ANCHOR, NULL, &error);
  RshTimex *timex;

  g_assert_no_error (error);
  g_assert_cmpuint (timexes->len, ==, 1);
  timex = g_ptr_array_index (timexes, 0);
  g_assert_cmpuint (timex->start, ==, 34);
  g_assert_cmpuint (timex->end, ==, 41);
  g_assert_cmpstr (timex->value, ==, "2017-10-10");
  {
    g_autofree char *span = g_utf8_substring (text, timex->start, timex->end);

    g_assert_cmpstr (span, ==, "Tuesday");
  }
}

/* A long text is tagged in pieces; offsets still count from its first code point, and an
 * expression split by no piece boundary is found whole. */
static void
test_offsets_long_text (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  guint expected[3];
  guint n = 0;

  for (guint line = 0; line < 3000; line++)
    {
      if (line % 1000 == 999)
        {
          expected[n++] = g_utf8_strlen (text->str, -1) + g_utf8_strlen ("Die Behörde said ", -1);
          g_string_append (text, "Die Behörde said Tuesday nothing.\n");
        }
      else
        g_string_append (text, "Ein Ärger über Flüsse, Brücken und Häfen, ohne Datum. ");
      if (line % 7 == 0)
        g_string_append_c (text, '\n');
    }

  timexes = rsh_timex_tag (text->str, ANCHOR, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timexes->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RshTimex *timex = g_ptr_array_index (timexes, i);
      g_autofree char *span = g_utf8_substring (text->str, timex->start, timex->end);

      g_assert_cmpuint (timex->start, ==, expected[i]);
      g_assert_cmpstr (span, ==, "Tuesday");
    }
  g_string_free (text, TRUE);
}

/* Without an anchor nothing relative gets a precise date; absolute ones keep theirs. */
static void
test_no_anchor (void)
{
  const char *text = "The ministry said yesterday that the ban of September 13, 2017 "
                     "stands, as it did last month, and will stand for two years.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timexes = rsh_timex_tag (text, NULL, "en", &error);

  g_assert_no_error (error);
  assert_timexes (text, timexes,
                  "DATE;yesterday;-|DATE;September 13, 2017;2017-09-13|DATE;last month;-|"
                  "DURATION;two years;P2Y");
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timexes = NULL;

  timexes = rsh_timex_tag ("said Tuesday", "11/10/2017", "en", &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_assert_null (timexes);
  g_clear_error (&error);

  timexes = rsh_timex_tag ("said Tuesday", "2017-02-30", "en", &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_assert_null (timexes);
  g_clear_error (&error);

  timexes = rsh_timex_tag ("bad \xff byte", ANCHOR, "en", &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_ENCODING);
  g_assert_null (timexes);
  g_clear_error (&error);

  /* a full timestamp is a fine anchor; an unknown language falls back to English */
  timexes = rsh_timex_tag ("said Tuesday", "2017-10-11T09:30:00+02:00", "xx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timexes->len, ==, 1);
}

static void
test_bounds (void)
{
  static const struct
  {
    RshTimexType  type;
    const char   *value;
    const char   *earliest;
    const char   *latest;
  } bounds[] = {
    { RSH_TIMEX_DATE, "2017-10-10", "2017-10-10", "2017-10-10" },
    { RSH_TIMEX_TIME, "2017-10-11T15:00-05:00", "2017-10-11", "2017-10-11" },
    { RSH_TIMEX_DATE, "2017-09", "2017-09", "2017-09" },
    { RSH_TIMEX_DATE, "2017-W40", "2017-10-02", "2017-10-08" },
    { RSH_TIMEX_DATE, "2017-W40-WE", "2017-10-07", "2017-10-08" },
    { RSH_TIMEX_DATE, "2017-Q3", "2017-07", "2017-09" },
    { RSH_TIMEX_DATE, "2017-WI", "2017-12", "2018-02" },
    { RSH_TIMEX_DATE, "199", "1990", "1999" },
    { RSH_TIMEX_DATE, "PAST_REF", NULL, "2017-10-11" },
    { RSH_TIMEX_DATE, "FUTURE_REF", "2017-10-11", NULL },
    { RSH_TIMEX_DATE, "PRESENT_REF", "2017-10-11", "2017-10-11" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      RshTimex timex = { 0, 1, (char *) "x", bounds[i].type, (char *) bounds[i].value };
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;

      g_assert_true (rsh_timex_get_bounds (&timex, ANCHOR, &earliest, &latest));
      g_assert_cmpstr (earliest, ==, bounds[i].earliest);
      g_assert_cmpstr (latest, ==, bounds[i].latest);
    }

  {
    RshTimex duration = { 0, 1, (char *) "x", RSH_TIMEX_DURATION, (char *) "P2Y" };
    g_autofree char *earliest = NULL;
    g_autofree char *latest = NULL;

    g_assert_false (rsh_timex_get_bounds (&duration, ANCHOR, &earliest, &latest));
    g_assert_null (earliest);
    g_assert_null (latest);
  }
}

/* "X said Tuesday that the ban came last month" was said Tuesday. */
static void
test_place_statement (void)
{
  const char *text = "The ban came into force in May. "
                     "The agency said Tuesday that the ban came last month. "
                     "Its chief declined to comment.";
  const char *quote = "the ban came last month";
  const char *found = strstr (text, quote);
  guint start = g_utf8_pointer_to_offset (text, found);
  guint end = start + g_utf8_strlen (quote, -1);
  g_autoptr(RshTimex) timex = rsh_timex_place_span (text, ANCHOR, "en", start, end);
  g_autoptr(RshTimex) again = rsh_timex_place_span (text, ANCHOR, "en", start, end);
  g_autoptr(RshTimex) none = NULL;
  guint chief = g_utf8_pointer_to_offset (text, strstr (text, "comment"));

  g_assert_nonnull (timex);
  g_assert_cmpstr (timex->text, ==, "Tuesday");
  g_assert_cmpstr (timex->value, ==, "2017-10-10");
  g_assert_nonnull (again);
  g_assert_cmpuint (again->start, ==, timex->start);

  none = rsh_timex_place_span (text, ANCHOR, "en", chief, chief + 7);
  g_assert_null (none);

  /* a year inside the content is the content's time, not the statement's */
  {
    const char *other = "The office said the pumps had been repaired in 2015.";
    const char *content = strstr (other, "the pumps");
    guint from = g_utf8_pointer_to_offset (other, content);
    g_autoptr(RshTimex) year = rsh_timex_place_span (other, ANCHOR, "en", from,
                                                     g_utf8_strlen (other, -1) - 1);

    g_assert_null (year);
  }
}

/* An undated source is no older than the latest date it names. */
static void
test_undated_source (void)
{
  const char *text = "Harbour report withdrawn\n\n"
                     "The survey of 13 September 2016 found the water clear. "
                     "The harbour office said the pumps had been repaired in 2015. "
                     "The port authority said yesterday that the jetty would reopen.";
  g_autofree char *floor = rsh_timex_infer_published_floor (text, "en");
  g_autoptr(RshSource) source = rsh_source_new ("harbour.txt");
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const GPtrArray *timeline;
  guint n_voice = 0;

  g_assert_cmpstr (floor, ==, "2016-09-13");
  g_assert_null (rsh_timex_infer_published_floor ("It rained yesterday and on Tuesday.", NULL));

  g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
  g_assert_no_error (error);
  g_list_store_append (store, source);
  comparison = rsh_comparison_analyze (G_LIST_MODEL (store), NULL, NULL, &error);
  g_assert_no_error (error);

  timeline = rsh_comparison_get_timeline (comparison);
  g_assert_cmpuint (timeline->len, >, 0);
  for (guint i = 0; i < timeline->len; i++)
    {
      const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

      g_assert_cmpstr (event->earliest, ==, "2016-09-13");
      if (event->actor_id == NULL)
        {
          /* The outlet's own claim was made when it was published, on or after the survey of
           * 13 September 2016 it talks about. It has no outlet, so its title speaks for it. */
          g_assert_null (event->latest);
          g_assert_cmpstr (event->about_earliest, ==, "2016-09-13");
          g_assert_cmpstr (event->about_latest, ==, "2016-09-13");
          g_assert_true (g_str_has_prefix (event->label, "Harbour report withdrawn reports: "));
          n_voice++;
        }
      else
        /* "yesterday" has no value without a publication date: nothing precise is
         * invented */
        g_assert_null (event->latest);
    }
  g_assert_cmpuint (n_voice, ==, 1);
}

static char *
find_seed (void)
{
  const char *shared = g_getenv ("RSH_SHARED_DATA");
  const char *root = g_getenv ("RSH_SOURCE_ROOT");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (shared != NULL && *shared)
    dir = g_build_filename (shared, "..", "seeds", NULL);
  else
    dir = g_build_filename (root ? root : ".", "..", "shared", "seeds", NULL);

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return NULL;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &contents, NULL, NULL) &&
          strstr (contents, "Kaspersky") != NULL && strstr (contents, "BSI") != NULL)
        return g_steal_pointer (&path);
    }
  return NULL;
}

static const char *
value_of (GPtrArray  *timexes,
          const char *text)
{
  for (guint i = 0; i < timexes->len; i++)
    {
      RshTimex *timex = g_ptr_array_index (timexes, i);

      if (g_strcmp0 (timex->text, text) == 0)
        return timex->value;
    }
  return NULL;
}

/* The check: the seed published 2017-10-11 puts the US ban in September 2017, the
 * Times report on 10 October and the BSI statement on 11 October. */
static void
test_seed (void)
{
  g_autofree char *path = find_seed ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timexes = NULL;

  if (path == NULL)
    {
      g_test_skip ("the seed article (../shared/seeds) is absent");
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  timexes = rsh_timex_tag (contents, "2017-10-11", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value_of (timexes, "last month"), ==, "2017-09");
  g_assert_cmpstr (value_of (timexes, "Tuesday"), ==, "2017-10-10");
  g_assert_cmpstr (value_of (timexes, "Wednesday"), ==, "2017-10-11");

  /* and on the comparison's timeline, each as the time of its statement */
  {
    g_autoptr(RshSource) source = rsh_source_new (path);
    g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
    g_autoptr(GListStore) store = g_list_store_new (RSH_TYPE_SOURCE);
    g_autoptr(RshComparison) comparison = NULL;
    const GPtrArray *timeline;
    gboolean september = FALSE, tenth = FALSE, eleventh = FALSE;

    g_assert_true (rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error));
    g_assert_no_error (error);
    g_assert_true (rsh_source_set_published (source, "2017-10-11", &error));
    g_assert_no_error (error);
    g_list_store_append (store, source);
    comparison = rsh_comparison_analyze (G_LIST_MODEL (store), NULL, NULL, &error);
    g_assert_no_error (error);

    timeline = rsh_comparison_get_timeline (comparison);
    for (guint i = 0; i < timeline->len; i++)
      {
        const RshTimelineEvent *event = g_ptr_array_index (timeline, i);

        september |= g_strcmp0 (event->earliest, "2017-09") == 0 &&
                     strstr (event->label, "risky ties") != NULL;
        tenth |= g_strcmp0 (event->earliest, "2017-10-10") == 0 &&
                 strstr (event->label, "Times") != NULL;
        eleventh |= g_strcmp0 (event->earliest, "2017-10-11") == 0 &&
                    strstr (event->label, "BSI") != NULL;
        /* nothing is placed after its publication */
        if (event->latest != NULL && strlen (event->latest) == 10)
          g_assert_cmpstr (event->latest, <=, "2017-10-11");
      }
    g_assert_true (september);
    g_assert_true (tenth);
    g_assert_true (eleventh);
  }
}

/* `rashomon-cli tag-times` reads the text as it is: offsets count from its first byte,
 * through a carriage return and non-ASCII letters. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("RSH_CLI");
  const char *text = "Café Zürich\r\nThe agency said Tuesday it will meet next week.\r\n";
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (cli == NULL)
    {
      g_test_skip ("RSH_CLI is not set");
      return;
    }

  dir = rsh_test_make_tmp_dir ("rsh-timex-XXXXXX");
  file = rsh_test_write_file (dir, "text.txt", text, -1);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, cli, "tag-times", "--anchor", ANCHOR, file, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "timexes");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *timex = json_array_get_object_element (array, i);
      g_autofree char *span = g_utf8_substring (text, json_object_get_int_member (timex, "start"),
                                                json_object_get_int_member (timex, "end"));

      g_assert_cmpstr (span, ==, json_object_get_string_member (timex, "text"));
      g_assert_cmpstr (json_object_get_string_member (timex, "type"), ==, "DATE");
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "value"), ==, "2017-10-10");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "value"), ==, "2017-W42");

  /* a malformed anchor is a usage error with a message */
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, cli, "tag-times", "--anchor", "yesterday", file, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "YYYY-MM-DD"));

  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/timex/cases", test_cases);
  g_test_add_func ("/core/timex/offsets-non-ascii", test_offsets_non_ascii);
  g_test_add_func ("/core/timex/offsets-long-text", test_offsets_long_text);
  g_test_add_func ("/core/timex/no-anchor", test_no_anchor);
  g_test_add_func ("/core/timex/bad-input", test_bad_input);
  g_test_add_func ("/core/timex/bounds", test_bounds);
  g_test_add_func ("/core/timex/place-statement", test_place_statement);
  g_test_add_func ("/core/timex/undated-source", test_undated_source);
  g_test_add_func ("/core/timex/seed", test_seed);
  g_test_add_func ("/core/timex/cli", test_cli);

  return g_test_run ();
}
