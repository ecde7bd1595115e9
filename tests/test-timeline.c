/* test-timeline.c: the timeline widget: dates, lanes, order, zoom, keys, tooltips, screenshots
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-test-gui-util.h"
#include "rsh-test-util.h"
#include "rsh-timeline.h"

#define DAY (24 * 3600)

static RshApplication *app;

/* Test-side helpers ------------------------------------------------------------------- */

static RshTimelineEvent *
event_new (const char *claim_id,
           const char *actor_id,
           const char *source_id,
           RshStance   stance,
           const char *earliest,
           const char *latest,
           const char *label)
{
  RshTimelineEvent *event = g_new0 (RshTimelineEvent, 1);

  event->claim_id = g_strdup (claim_id);
  event->actor_id = g_strdup (actor_id);
  event->source_id = g_strdup (source_id);
  event->stance = stance;
  event->earliest = g_strdup (earliest);
  event->latest = g_strdup (latest);
  event->label = g_strdup (label);

  return event;
}

/* An invented story told out of order: the ban is background from "last month". */
static GPtrArray *
small_story (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);

  g_ptr_array_add (events, event_new ("c2", "Regulator", "agency", RSH_STANCE_DISPUTES,
                                      "2017-10-11", "2017-10-11",
                                      "Regulator disputes: “no evidence of a breach”"));
  g_ptr_array_add (events, event_new ("c1", "Daily Lantern", "lantern", RSH_STANCE_REPORTS,
                                      "2017-10-10", "2017-10-10",
                                      "Daily Lantern reports: “the firm kept readings back”"));
  g_ptr_array_add (events, event_new ("c3", "Ministry", "gazette", RSH_STANCE_CONFIRMS,
                                      "2017-09", "2017-09",
                                      "Ministry confirms: “the ban took effect”"));
  g_ptr_array_add (events, event_new ("c1", "Firm", "agency", RSH_STANCE_DENIES,
                                      "2017-10-11", "2017-10-11",
                                      "Firm denies: “every reading was published”"));
  g_ptr_array_add (events, event_new ("c1", "Firm", "blog", RSH_STANCE_DENIES,
                                      NULL, NULL, "Firm denies: “nothing was hidden”"));

  return events;
}

/* A dense, deterministic set: @n events over two years in eight lanes. */
static GPtrArray *
synthetic_events (guint n)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);
  static const char *actors[] = {
    "Harbour Gazette", "Corran Water", "Water Inspectorate", "Minister Vale",
    "Northline Post", "Town council", "Former supervisor", "Press agency",
  };
  GRand *rand = g_rand_new_with_seed (20260303);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) base = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, g_rand_double_range (rand, 0, 730.0 * DAY));
      g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");
      g_autofree char *month = g_date_time_format (when, "%Y-%m");
      g_autofree char *claim = g_strdup_printf ("claim-%u", g_rand_int_range (rand, 0, 12));
      g_autofree char *source = g_strdup_printf ("source-%u", g_rand_int_range (rand, 0, 20));
      const char *actor = actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))];
      RshStance stance = g_rand_int_range (rand, 0, 4);
      gboolean vague = g_rand_int_range (rand, 0, 10) == 0;
      g_autofree char *label = g_strdup_printf ("%s %s: statement %u", actor,
                                                rsh_stance_to_string (stance), i);

      g_ptr_array_add (events, event_new (claim, actor, source, stance,
                                          vague ? month : day, vague ? month : day, label));
    }

  g_rand_free (rand);

  return events;
}

/* A window holding @timeline in a scrolled window, as the app will. */
static GtkWindow *
window_new_for (GtkWidget *timeline,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), timeline);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  return window;
}

static void
window_close (GtkWindow *window)
{
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  gtk_window_destroy (window);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static gint64
utc (int year,
     int month,
     int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* Tests ------------------------------------------------------------------------------- */

static void
test_parse_dates (void)
{
  static const struct {
    const char *iso;
    gboolean    ok;
    int         y, m, d;           /* the start, at midnight UTC */
    gint64      offset;            /* seconds after that midnight */
    gint64      duration;
  } cases[] = {
    { "2017", TRUE, 2017, 1, 1, 0, 365 * DAY },
    { "2016", TRUE, 2016, 1, 1, 0, 366 * DAY },
    { "2017-10", TRUE, 2017, 10, 1, 0, 31 * DAY },
    { "2017-02", TRUE, 2017, 2, 1, 0, 28 * DAY },
    { "2017-10-11", TRUE, 2017, 10, 11, 0, DAY },
    { "2017-10-11T14:30", TRUE, 2017, 10, 11, 14 * 3600 + 30 * 60, 60 },
    { "2017-10-11T14:30:05+02:00", TRUE, 2017, 10, 11, 12 * 3600 + 30 * 60 + 5, 1 },
    { "2017-10-11T14", TRUE, 2017, 10, 11, 14 * 3600, 3600 },
    { "2017-10-11TEV", TRUE, 2017, 10, 11, 18 * 3600, 6 * 3600 },
    { "2017-W41", TRUE, 2017, 10, 9, 0, 7 * DAY },
    { "2017-SU", TRUE, 2017, 6, 1, 0, 92 * DAY },
    { "2017-Q4", TRUE, 2017, 10, 1, 0, 92 * DAY },
    { "2017-WI", TRUE, 2017, 12, 1, 0, 90 * DAY },
    { "201X", TRUE, 2010, 1, 1, 0, (365 * 10 + 2) * DAY },
    { "PRESENT_REF", FALSE },
    { "", FALSE },
    { "2017-13", FALSE },
    { "2017-10-11x", FALSE },
    { "17-10-11", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RshTimeRange range = { 0, 0 };
      gboolean ok = rsh_timeline_parse_date (cases[i].iso, &range);

      g_test_message ("%s", cases[i].iso);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        continue;
      g_assert_cmpint (range.begin, ==, utc (cases[i].y, cases[i].m, cases[i].d) + cases[i].offset);
      g_assert_cmpint (rsh_time_range_duration (&range), ==, cases[i].duration);
    }

  {
    RshTimeRange range;

    g_assert_false (rsh_timeline_parse_date (NULL, &range));
  }
}

static void
test_format_range (void)
{
  static const struct {
    const char *iso;
    const char *text;
  } cases[] = {
    { "2017-10-11", "11 October 2017" },
    { "2017-10", "October 2017" },
    { "2017", "2017" },
    { "2017-10-11T14:30", "11 October 2017, 14:30" },
    { "2017-SU", "June 2017 – August 2017" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RshTimeRange range;
      g_autofree char *text = NULL;

      g_assert_true (rsh_timeline_parse_date (cases[i].iso, &range));
      text = rsh_timeline_format_range (&range);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_lanes (void)
{
  GtkWidget *timeline = g_object_ref_sink (rsh_timeline_new ());
  g_autoptr(GPtrArray) events = small_story ();
  guint group_notifies = 0;
  guint undated_notifies = 0;

  g_signal_connect (timeline, "notify::group-by", G_CALLBACK (count_notify_cb), &group_notifies);
  g_signal_connect (timeline, "notify::n-undated", G_CALLBACK (count_notify_cb), &undated_notifies);

  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 0);

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  /* Four speakers have a dated statement; the blog's undated denial gets no mark. */
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 4);
  g_assert_cmpuint (rsh_timeline_get_n_dated (RSH_TIMELINE (timeline)), ==, 4);
  g_assert_cmpuint (rsh_timeline_get_n_undated (RSH_TIMELINE (timeline)), ==, 1);
  g_assert_cmpuint (undated_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rsh_timeline_get_events_model (RSH_TIMELINE (timeline)))), ==, 5);

  /* Lanes in order of their first statement: the ministry's September comes first. */
  g_assert_cmpstr (rsh_timeline_get_lane_label (RSH_TIMELINE (timeline), 0), ==, "Ministry");
  g_assert_cmpstr (rsh_timeline_get_lane_label (RSH_TIMELINE (timeline), 1), ==, "Daily Lantern");
  g_assert_null (rsh_timeline_get_lane_label (RSH_TIMELINE (timeline), 4));

  rsh_timeline_set_group_by (RSH_TIMELINE (timeline), RSH_TIMELINE_GROUP_BY_CLAIM);
  g_assert_cmpuint (group_notifies, ==, 1);
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 3);
  rsh_timeline_set_group_by (RSH_TIMELINE (timeline), RSH_TIMELINE_GROUP_BY_CLAIM);
  g_assert_cmpuint (group_notifies, ==, 1);

  /* The toggle is an action too, for a button in the window. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.group-by", "s", "actor"));
  g_assert_cmpuint (group_notifies, ==, 2);
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 4);

  rsh_timeline_set_events (RSH_TIMELINE (timeline), NULL);
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 0);
  g_assert_cmpuint (rsh_timeline_get_n_undated (RSH_TIMELINE (timeline)), ==, 0);

  g_assert_finalize_object (timeline);
}

static void
test_order_and_bars (void)
{
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = small_story ();
  GtkWindow *window = window_new_for (timeline, 1000, 360);
  GtkSelectionModel *model = rsh_timeline_get_events_model (RSH_TIMELINE (timeline));
  graphene_rect_t bars[4];
  graphene_point_t centres[4];
  double day_px;

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  /* The September ban, the report of 10 October, then the two statements of 11 October. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), i, NULL,
                                                     &bars[i], &centres[i]));
      if (i > 0)
        g_assert_cmpfloat (centres[i].x, >=, centres[i - 1].x);
      g_test_message ("%u: %s at %.1f", i, rsh_timeline_mark_get_event (mark)->label, centres[i].x);
    }
  {
    g_autoptr(RshTimelineMark) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(RshTimelineMark) second = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autoptr(RshTimelineMark) last = g_list_model_get_item (G_LIST_MODEL (model), 4);

    g_assert_cmpstr (rsh_timeline_mark_get_event (first)->earliest, ==, "2017-09");
    g_assert_cmpstr (rsh_timeline_mark_get_event (second)->earliest, ==, "2017-10-10");
    g_assert_true (rsh_timeline_mark_get_uncertain (first));
    g_assert_false (rsh_timeline_mark_get_uncertain (second));
    g_assert_false (rsh_timeline_mark_get_dated (last));
    g_assert_false (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 4, NULL, NULL, NULL));
  }
  g_assert_cmpfloat (centres[1].x, <, centres[2].x);

  /* The month is a bar thirty days wide; a day is one day wide. */
  day_px = bars[1].size.width;
  g_assert_cmpfloat (day_px, >, 0.5);
  g_assert_cmpfloat (fabs (bars[0].size.width / day_px - 30), <, 0.01);
  /* The bar holds the whole of September, before the report of 10 October. */
  g_assert_cmpfloat (bars[0].origin.x + bars[0].size.width, <=, bars[1].origin.x);
  g_assert_cmpfloat (fabs (bars[2].origin.x - (bars[1].origin.x + day_px)), <, 0.01);

  /* By claim, the three dated statements about c1 share a lane. */
  rsh_timeline_set_group_by (RSH_TIMELINE (timeline), RSH_TIMELINE_GROUP_BY_CLAIM);
  {
    guint c1_lane = G_MAXUINT;
    guint n_c1 = 0;

    for (guint i = 0; i < rsh_timeline_get_n_dated (RSH_TIMELINE (timeline)); i++)
      {
        g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (model), i);
        guint lane;

        g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), i, &lane, NULL, NULL));
        if (g_strcmp0 (rsh_timeline_mark_get_event (mark)->claim_id, "c1") != 0)
          continue;
        if (c1_lane == G_MAXUINT)
          c1_lane = lane;
        g_assert_cmpuint (lane, ==, c1_lane);
        n_c1++;
      }
    g_assert_cmpuint (n_c1, ==, 2);
    g_assert_cmpstr (rsh_timeline_get_lane_label (RSH_TIMELINE (timeline), c1_lane), ==, "c1");
  }

  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-small.png");
  window_close (window);
}

static void
test_zoom (void)
{
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = synthetic_events (200);
  GtkWindow *window = window_new_for (timeline, 900, 400);
  RshTimeSelection *selection = rsh_timeline_get_time_selection (RSH_TIMELINE (timeline));
  gint64 fitted, zoomed, anchor_time;
  guint notifies = 0;
  graphene_point_t before, after;

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  g_signal_connect (selection, "notify::visible-span", G_CALLBACK (count_notify_cb), &notifies);

  fitted = rsh_time_range_duration (rsh_time_selection_get_visible_span (selection));
  g_assert_cmpint (fitted, >, 700 * DAY);
  g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 100, NULL, NULL, &before));

  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL));
  zoomed = rsh_time_range_duration (rsh_time_selection_get_visible_span (selection));
  g_assert_cmpint (llabs (zoomed - (gint64) (fitted / 1.5)), <=, 1);
  g_assert_cmpuint (notifies, ==, 1);

  /* Positions follow the zoom without a redraw in between. */
  g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 100, NULL, NULL, &after));
  g_assert_cmpfloat (fabs (after.x - before.x), >, 1);

  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-out", NULL));
  g_assert_cmpint (llabs (rsh_time_range_duration (rsh_time_selection_get_visible_span (selection)) - fitted), <=, 2);

  /* Zooming around a point keeps the time under it. */
  anchor_time = rsh_time_selection_time_at (selection, 0.25);
  rsh_time_selection_zoom (selection, 4, 0.25);
  g_assert_cmpint (llabs (rsh_time_selection_time_at (selection, 0.25) - anchor_time), <=, 2);
  g_assert_cmpint (llabs (rsh_time_range_duration (rsh_time_selection_get_visible_span (selection)) - fitted / 4), <=, 2);

  /* Limits: no closer than ten minutes, no further than eight times the data. */
  rsh_time_selection_zoom (selection, 1e9, 0.5);
  g_assert_cmpint (rsh_time_range_duration (rsh_time_selection_get_visible_span (selection)), ==,
                   RSH_TIME_SELECTION_MIN_DURATION);
  rsh_time_selection_zoom (selection, 1e-9, 0.5);
  g_assert_cmpint (rsh_time_range_duration (rsh_time_selection_get_visible_span (selection)), <=, fitted * 8);

  /* Panning moves by a fraction of the view and keeps some data in sight. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.zoom-reset", NULL));
  g_assert_cmpint (rsh_time_range_duration (rsh_time_selection_get_visible_span (selection)), ==, fitted);
  {
    gint64 begin = rsh_time_selection_get_visible_span (selection)->begin;

    rsh_time_selection_pan (selection, 0.5);
    g_assert_cmpint (rsh_time_selection_get_visible_span (selection)->begin - begin, ==, fitted / 2);
    rsh_time_selection_pan (selection, 100);
    g_assert_cmpint (rsh_time_selection_get_visible_span (selection)->begin, <,
                     rsh_time_selection_get_bounds (selection)->end);
  }

  /* A selected range is ordered and cleared by an empty one. */
  {
    RshTimeRange range = { utc (2025, 6, 1), utc (2025, 3, 1) };
    RshTimeRange empty = { 0, 0 };

    rsh_time_selection_set_selected_span (selection, &range);
    g_assert_cmpint (rsh_time_selection_get_selected_span (selection)->begin, ==, utc (2025, 3, 1));
    rsh_time_selection_set_selected_span (selection, &empty);
    g_assert_true (rsh_time_range_is_empty (rsh_time_selection_get_selected_span (selection)));
  }

  window_close (window);
}

static void
test_ticks (void)
{
  static const struct {
    gint64      duration;
    const char *pattern;            /* every label matches one of these shapes */
  } cases[] = {
    { 3600, "^([0-9]{2}:[0-9]{2}|[0-9]{1,2} [A-Z][a-z]+)$" },
    { DAY, "^([0-9]{2}:[0-9]{2}|[0-9]{1,2} [A-Z][a-z]+)$" },
    { 30 * DAY, "^([0-9]{1,2} [A-Z][a-z]+|[0-9]{4})$" },
    { 400 * DAY, "^([A-Z][a-z]+|[0-9]{4})$" },
    { 40 * 365 * (gint64) DAY, "^[0-9]{4}$" },
  };
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);
  GtkWindow *window;
  RshTimeSelection *selection = rsh_timeline_get_time_selection (RSH_TIMELINE (timeline));

  g_ptr_array_add (events, event_new ("c", "a", "s", RSH_STANCE_REPORTS, "1990", "2030", "wide"));
  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  window = window_new_for (timeline, 800, 240);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RshTimeRange span = { utc (2017, 10, 11) + 7 * 60, utc (2017, 10, 11) + 7 * 60 + cases[i].duration };
      g_auto(GStrv) labels = NULL;
      guint n;

      rsh_time_selection_set_visible_span (selection, &span);
      labels = rsh_timeline_dup_tick_labels (RSH_TIMELINE (timeline));
      n = g_strv_length (labels);
      g_test_message ("%" G_GINT64_FORMAT " s: %u labels, first %s", cases[i].duration, n,
                      n ? labels[0] : "none");

      /* Enough to read the scale, few enough not to collide. */
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (n, <=, 800 / 64 + 1);
      for (guint j = 0; j < n; j++)
        g_assert_true (g_regex_match_simple (cases[i].pattern, labels[j], 0, 0));
    }

  window_close (window);
}

static void
activated_cb (RshTimeline *timeline,
              const char  *source_id,
              guint        start,
              guint        end,
              gpointer     user_data)
{
  GString *record = user_data;

  g_string_append_printf (record, "%s:%u-%u;", source_id, start, end);
}

static void
test_keyboard (void)
{
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = small_story ();
  GtkWindow *window = window_new_for (timeline, 900, 320);
  GtkSelectionModel *model = rsh_timeline_get_events_model (RSH_TIMELINE (timeline));
  g_autoptr(GString) record = g_string_new (NULL);
  guint focus_notifies = 0;

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  g_signal_connect (timeline, "mark-activated", G_CALLBACK (activated_cb), record);
  g_signal_connect (timeline, "notify::focused-mark", G_CALLBACK (count_notify_cb), &focus_notifies);
  gtk_widget_grab_focus (timeline);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, G_MAXUINT);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Timeline of statements");

  /* Right from nothing lands on the first mark; Right again on the next. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "next"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 0);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "next"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 1);
  g_assert_cmpuint (focus_notifies, ==, 2);

  /* The table over the events model follows, and the mark is announced. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 1);
  {
    g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (model), 1);

    g_assert_cmpstr (rsh_timeline_mark_get_description (mark), ==,
                     "Daily Lantern reports: “the firm kept readings back”. 10 October 2017, lantern");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         rsh_timeline_mark_get_description (mark));
  }

  /* Enter opens the statement: the signal names its source. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.activate-focus", NULL));
  g_assert_cmpstr (record->str, ==, "lantern:0-0;");

  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "last"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 3);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "next"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 3);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "first"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 0);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "previous"));
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 0);

  /* Down goes to the nearest mark in the next lane. */
  {
    guint lane_before, lane_after;

    rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 0, &lane_before, NULL, NULL);
    g_assert_true (gtk_widget_activate_action (timeline, "timeline.move-focus", "s", "down"));
    rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline),
                                    rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)),
                                    &lane_after, NULL, NULL);
    g_assert_cmpuint (lane_after, ==, lane_before + 1);
  }

  /* Selecting a row of the table moves the focus mark; an undated row clears it. */
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, 2);
  gtk_selection_model_select_item (model, 4, TRUE);
  g_assert_cmpuint (rsh_timeline_get_focused_mark (RSH_TIMELINE (timeline)), ==, G_MAXUINT);

  g_string_truncate (record, 0);
  g_assert_true (rsh_timeline_activate_mark (RSH_TIMELINE (timeline), 4));
  g_assert_cmpstr (record->str, ==, "blog:0-0;");
  g_assert_false (rsh_timeline_activate_mark (RSH_TIMELINE (timeline), 5));

  window_close (window);
}

static void
test_tooltip_and_hits (void)
{
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = small_story ();
  GtkWindow *window = window_new_for (timeline, 900, 320);
  graphene_point_t centre;
  graphene_rect_t bar;
  g_autofree char *markup = NULL;
  guint claim_notifies = 0;
  guint firm;

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  for (firm = 0; firm < 4; firm++)
    {
      g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (rsh_timeline_get_events_model (RSH_TIMELINE (timeline))), firm);

      if (g_strcmp0 (rsh_timeline_mark_get_actor_name (mark), "Firm") == 0)
        break;
    }
  g_assert_cmpuint (firm, <, 4);
  markup = rsh_timeline_dup_tooltip_markup (RSH_TIMELINE (timeline), firm);
  g_assert_cmpstr (markup, ==,
                   "<b>Firm</b> denies\nFirm denies: “every reading was published”\n"
                   "<small>agency · 11 October 2017</small>");
  g_clear_pointer (&markup, g_free);
  g_assert_null (rsh_timeline_dup_tooltip_markup (RSH_TIMELINE (timeline), 9));

  /* The shape answers a few pixels off; the month's bar answers along its length. */
  g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 1, NULL, NULL, &centre));
  g_assert_cmpuint (rsh_timeline_lookup_mark (RSH_TIMELINE (timeline), centre.x + 2, centre.y - 2), ==, 1);
  g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), 0, NULL, &bar, &centre));
  g_assert_cmpuint (rsh_timeline_lookup_mark (RSH_TIMELINE (timeline), bar.origin.x + 3,
                                              centre.y), ==, 0);
  g_assert_cmpuint (rsh_timeline_lookup_mark (RSH_TIMELINE (timeline), centre.x, 5), ==, G_MAXUINT);
  g_assert_cmpuint (rsh_timeline_lookup_mark (RSH_TIMELINE (timeline), 890, centre.y), ==, G_MAXUINT);

  /* Escaping: names with markup characters stay text. */
  {
    g_autoptr(GPtrArray) odd = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);

    g_ptr_array_add (odd, event_new ("c", "A & <B>", "s", RSH_STANCE_DISPUTES, "2020", NULL, "x < y"));
    rsh_timeline_set_events (RSH_TIMELINE (timeline), odd);
    markup = rsh_timeline_dup_tooltip_markup (RSH_TIMELINE (timeline), 0);
    g_assert_cmpstr (markup, ==, "<b>A &amp; &lt;B&gt;</b> disputes\nx &lt; y\n<small>s · 2020</small>");
  }

  g_signal_connect (timeline, "notify::selected-claim", G_CALLBACK (count_notify_cb), &claim_notifies);
  rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), "c");
  rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), "c");
  g_assert_cmpstr (rsh_timeline_get_selected_claim (RSH_TIMELINE (timeline)), ==, "c");
  g_assert_cmpuint (claim_notifies, ==, 1);
  rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), NULL);
  g_assert_cmpuint (claim_notifies, ==, 2);

  window_close (window);
}

static RshComparison *
analyze_sample_story (void)
{
  g_autoptr(GPtrArray) paths = rsh_test_sample_story ();
  g_autoptr(GListStore) sources = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(GError) error = NULL;
  RshComparison *comparison;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autoptr(RshSource) source = rsh_source_new (g_ptr_array_index (paths, i));

      g_assert_true (rsh_source_load (source, NULL, &error));
      g_assert_no_error (error);
      rsh_source_set_id (source, id);
      g_list_store_append (sources, source);
    }

  comparison = rsh_comparison_analyze (G_LIST_MODEL (sources), NULL, NULL, &error);
  g_assert_no_error (error);

  return comparison;
}

static void
test_sample_story (void)
{
  g_autoptr(RshComparison) comparison = analyze_sample_story ();
  GtkWidget *timeline = rsh_timeline_new ();
  GtkWindow *window = window_new_for (timeline, 1100, 420);
  GtkSelectionModel *model = rsh_timeline_get_events_model (RSH_TIMELINE (timeline));
  g_autoptr(GString) record = g_string_new (NULL);
  const GPtrArray *events = rsh_comparison_get_timeline (comparison);
  guint n_dated;
  AdwStyleManager *style = adw_style_manager_get_default ();

  rsh_timeline_set_comparison (RSH_TIMELINE (timeline), comparison);
  g_assert_true (rsh_timeline_get_comparison (RSH_TIMELINE (timeline)) == comparison);
  g_signal_connect (timeline, "mark-activated", G_CALLBACK (activated_cb), record);
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  n_dated = rsh_timeline_get_n_dated (RSH_TIMELINE (timeline));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, events->len);
  g_assert_cmpuint (n_dated + rsh_timeline_get_n_undated (RSH_TIMELINE (timeline)), ==, events->len);
  g_assert_cmpuint (n_dated, >, 0);
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), >, 1);

  /* An outlet's own voice is in the lane of the outlet as a speaker ("The Harbour Gazette
   * reported …" in another source), not in an "Unattributed" one. */
  {
    gboolean gazette = FALSE;

    for (guint i = 0; i < rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)); i++)
      {
        const char *label = rsh_timeline_get_lane_label (RSH_TIMELINE (timeline), i);

        g_assert_cmpstr (label, !=, "Unattributed");
        gazette |= g_strcmp0 (label, "The Harbour Gazette") == 0;
      }
    g_assert_true (gazette);
  }

  /* Dated marks run left to right in model order, and the dates never go backwards. */
  for (guint i = 1; i < n_dated; i++)
    {
      g_autoptr(RshTimelineMark) a = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(RshTimelineMark) b = g_list_model_get_item (G_LIST_MODEL (model), i);
      graphene_rect_t bar_a, bar_b;

      g_assert_cmpint (rsh_timeline_mark_get_range (a)->begin, <=, rsh_timeline_mark_get_range (b)->begin);
      rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), i - 1, NULL, &bar_a, NULL);
      rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), i, NULL, &bar_b, NULL);
      g_assert_cmpfloat (bar_a.origin.x, <=, bar_b.origin.x);
    }

  /* Activating a mark gives the reader its source and the statement's offsets. */
  {
    g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autofree char *expected = g_strdup_printf ("%s:%u-%u;",
                                                 rsh_timeline_mark_get_event (mark)->source_id,
                                                 rsh_timeline_mark_get_text_start (mark),
                                                 rsh_timeline_mark_get_text_end (mark));

    g_assert_cmpuint (rsh_timeline_mark_get_text_end (mark), >, rsh_timeline_mark_get_text_start (mark));
    rsh_timeline_focus_mark (RSH_TIMELINE (timeline), 0);
    g_assert_true (gtk_widget_activate_action (timeline, "timeline.activate-focus", NULL));
    g_assert_cmpstr (record->str, ==, expected);
    g_assert_nonnull (rsh_timeline_mark_get_outlet (mark));
    g_assert_cmpstr (rsh_timeline_mark_get_outlet (mark), !=, rsh_timeline_mark_get_event (mark)->source_id);
  }

  /* Highlight one claim, as the comparison view does when a claim is selected. */
  {
    g_autoptr(RshClaim) claim = g_list_model_get_item (rsh_comparison_get_claims (comparison), 0);

    rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), rsh_claim_get_id (claim));
  }
  rsh_timeline_focus_mark (RSH_TIMELINE (timeline), MIN (2, n_dated - 1));
  gtk_widget_grab_focus (timeline);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-sample-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-sample-dark.png");

  rsh_timeline_set_group_by (RSH_TIMELINE (timeline), RSH_TIMELINE_GROUP_BY_CLAIM);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-sample-claims-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  window_close (window);
}


/* The pixels of @widget as last drawn, through a PNG in the build directory. */
static guchar *
widget_pixels (GtkWidget  *widget,
               const char *name,
               gsize      *stride)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guchar *pixels;

  rsh_test_save_screenshot (widget, name);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  *stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, *stride);

  return pixels;
}

/* A statement said on 11 October about "last month" gets a thin bar over September under
 * its row, joined to its mark; the mark announces it. */
static void
test_about_bar (void)
{
  GtkWidget *timeline = rsh_timeline_new ();
  g_autoptr(GPtrArray) events = small_story ();
  GtkWindow *window = window_new_for (timeline, 1000, 360);
  GtkSelectionModel *model = rsh_timeline_get_events_model (RSH_TIMELINE (timeline));
  RshTimelineEvent *said = g_ptr_array_index (events, 0);
  g_autofree guchar *plain = NULL;
  g_autofree guchar *with_about = NULL;
  graphene_point_t centre;
  graphene_rect_t bar;
  gsize stride;
  guint index = G_MAXUINT;
  guint n_changed = 0;
  double day_px, x0, x1;

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  plain = widget_pixels (timeline, "timeline-about-plain.png", &stride);

  said->about_text = g_strdup ("last month");
  said->about_earliest = g_strdup ("2017-09");
  said->about_latest = g_strdup ("2017-09");
  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  with_about = widget_pixels (timeline, "timeline-about.png", &stride);

  for (guint i = 0; i < rsh_timeline_get_n_dated (RSH_TIMELINE (timeline)); i++)
    {
      g_autoptr(RshTimelineMark) mark = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (rsh_timeline_mark_get_about_range (mark) == NULL)
        continue;
      g_assert_cmpuint (index, ==, G_MAXUINT);
      index = i;
      g_assert_cmpint (rsh_timeline_mark_get_about_range (mark)->begin, ==, utc (2017, 9, 1));
      g_assert_cmpint (rsh_timeline_mark_get_about_range (mark)->end, ==, utc (2017, 10, 1));
      g_assert_true (g_str_has_suffix (rsh_timeline_mark_get_description (mark),
                                       ". About “last month”: September 2017."));
      /* its own date stays the day it was said */
      g_assert_cmpint (rsh_timeline_mark_get_range (mark)->begin, ==, utc (2017, 10, 11));
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);

  /* An undated source's statement known only to follow a report is no precise day. */
  {
    RshTimelineEvent inferred = { .label = (char *) "Radio denies: “paid twice”",
                                  .earliest = (char *) "2026-03-10",
                                  .certainty = RSH_TIME_CERTAINTY_INFERRED };
    g_autoptr(RshTimelineMark) mark = rsh_timeline_mark_new (&inferred, NULL, NULL, NULL, 0, 0);

    g_assert_true (rsh_timeline_mark_get_uncertain (mark));
    g_assert_cmpstr (rsh_timeline_mark_get_date_text (mark), ==,
                     "10 March 2026 or later (inferred)");
  }

  /* Under the mark's row, over September: changed; left of September: untouched. */
  g_assert_true (rsh_timeline_get_mark_geometry (RSH_TIMELINE (timeline), index, NULL, &bar,
                                                 &centre));
  day_px = bar.size.width;
  x0 = centre.x - day_px * 40;   /* mid 1 September is 40 days before mid 11 October */
  x1 = centre.x - day_px * 10;
  for (int y = (int) centre.y + 6; y <= (int) centre.y + 9; y++)
    for (int x = (int) x0 + 2; x < (int) x1 - 2; x++)
      if (memcmp (plain + y * stride + x * 4, with_about + y * stride + x * 4, 4) != 0)
        n_changed++;
  g_assert_cmpuint (n_changed, >, (x1 - x0) / 2);
  for (int y = (int) centre.y + 6; y <= (int) centre.y + 9; y++)
    for (int x = (int) (x0 - day_px / 2) - 40; x < (int) (x0 - day_px / 2) - 4; x++)
      g_assert_cmpmem (plain + y * stride + x * 4, 4, with_about + y * stride + x * 4, 4);

  window_close (window);
}

static void
test_synthetic_screenshots (void)
{
  g_autoptr(GPtrArray) events = synthetic_events (200);
  GtkWidget *timeline = rsh_timeline_new ();
  GtkWindow *window = window_new_for (timeline, 1100, 460);
  RshTimeSelection *selection = rsh_timeline_get_time_selection (RSH_TIMELINE (timeline));
  AdwStyleManager *style = adw_style_manager_get_default ();
  RshTimeRange range = { utc (2025, 9, 1), utc (2025, 11, 15) };

  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  g_assert_cmpuint (rsh_timeline_get_n_lanes (RSH_TIMELINE (timeline)), ==, 8);
  rsh_time_selection_set_selected_span (selection, &range);
  rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), "claim-3");
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-200-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  rsh_timeline_set_selected_claim (RSH_TIMELINE (timeline), NULL);
  rsh_time_selection_zoom (selection, 6, 0.4);
  rsh_test_wait_for_frames (GTK_WIDGET (window));
  rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-200-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Dense: runs of marks that would cover each other become cluster bars. */
  {
    g_autoptr(GPtrArray) many = synthetic_events (3000);

    rsh_timeline_set_events (RSH_TIMELINE (timeline), many);
    rsh_test_save_screenshot (GTK_WIDGET (window), "timeline-3000-light.png");
  }

  window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rsh_test_gui_init (&argc, &argv);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A registered application loads style.css and style-dark.css, which name the colours. */
  app = rsh_test_application_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/gui/timeline/parse-dates", test_parse_dates);
  g_test_add_func ("/gui/timeline/format-range", test_format_range);
  g_test_add_func ("/gui/timeline/lanes", test_lanes);
  g_test_add_func ("/gui/timeline/order-and-bars", test_order_and_bars);
  g_test_add_func ("/gui/timeline/zoom", test_zoom);
  g_test_add_func ("/gui/timeline/ticks", test_ticks);
  g_test_add_func ("/gui/timeline/keyboard", test_keyboard);
  g_test_add_func ("/gui/timeline/tooltip-and-hits", test_tooltip_and_hits);
  g_test_add_func ("/gui/timeline/sample-story", test_sample_story);
  g_test_add_func ("/gui/timeline/synthetic-screenshots", test_synthetic_screenshots);
  g_test_add_func ("/gui/timeline/about-bar", test_about_bar);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
