/* bench-timeline.c: frame times of the timeline while zooming, 10,000 marks against 100
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each frame zooms (which normalises every mark and caches pixel positions, as a
 * Ctrl+wheel step does), snapshots the widget and draws the render node with cairo into an
 * image surface, as GSK's cairo renderer does. Run under a display:
 *
 *   xvfb-run -a build/tests/bench/bench-timeline [FRAMES]
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <adwaita.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-timeline.h"

#define WIDTH  1280
#define HEIGHT 720
#define DAY    (24 * 3600)

typedef struct
{
  double mean;
  double p95;
  double snapshot_mean;
  double draw_mean;
} Figures;

static GPtrArray *
synthetic_events (guint n)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_timeline_event_free);
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (base, g_rand_double_range (rand, 0, 730.0 * DAY));
      gboolean vague = g_rand_int_range (rand, 0, 10) == 0;
      RshTimelineEvent *event = g_new0 (RshTimelineEvent, 1);

      event->claim_id = g_strdup_printf ("claim-%d", g_rand_int_range (rand, 0, 40));
      event->actor_id = g_strdup_printf ("Speaker %d", g_rand_int_range (rand, 0, 12));
      event->source_id = g_strdup_printf ("source-%d", g_rand_int_range (rand, 0, 200));
      event->stance = g_rand_int_range (rand, 0, 4);
      event->earliest = g_date_time_format (when, vague ? "%Y-%m" : "%Y-%m-%dT%H:%M");
      event->latest = g_strdup (event->earliest);
      event->label = g_strdup_printf ("statement %u", i);
      g_ptr_array_add (events, event);
    }

  g_rand_free (rand);

  return events;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static void
settle (GtkWidget *widget)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  (void) widget;
}

static Figures
measure (guint n_marks,
         guint n_frames)
{
  g_autoptr(GPtrArray) events = synthetic_events (n_marks);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *timeline = rsh_timeline_new ();
  RshTimeSelection *selection = rsh_timeline_get_time_selection (RSH_TIMELINE (timeline));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree double *frames = g_new0 (double, n_frames);
  Figures figures = { 0 };
  double snapshot_total = 0, draw_total = 0, total = 0;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), timeline);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_present (window);
  rsh_timeline_set_events (RSH_TIMELINE (timeline), events);
  settle (GTK_WIDGET (window));

  for (guint f = 0; f < n_frames; f++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      cairo_t *cr;
      gint64 t0, t1, t2;
      /* In for a while, then out again, around a wandering pointer. */
      double factor = (f / 50) % 2 == 0 ? 1.06 : 1 / 1.06;
      double anchor = 0.3 + 0.4 * (f % 17) / 16.0;

      t0 = g_get_monotonic_time ();
      rsh_time_selection_zoom (selection, factor, anchor);
      gtk_widget_snapshot_child (scrolled, timeline, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      t1 = g_get_monotonic_time ();

      cr = cairo_create (surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      if (node != NULL)
        gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();

      frames[f] = (t2 - t0) / 1000.0;
      snapshot_total += (t1 - t0) / 1000.0;
      draw_total += (t2 - t1) / 1000.0;
      total += frames[f];
    }

  qsort (frames, n_frames, sizeof (double), compare_doubles);
  figures.mean = total / n_frames;
  figures.p95 = frames[MIN (n_frames - 1, (guint) ceil (n_frames * 0.95) - 1)];
  figures.snapshot_mean = snapshot_total / n_frames;
  figures.draw_mean = draw_total / n_frames;

  cairo_surface_destroy (surface);
  gtk_window_destroy (window);
  settle (NULL);

  return figures;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshApplication) app = NULL;
  guint n_frames = argc > 1 ? (guint) MAX (20, atoi (argv[1])) : 300;
  Figures big, small;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  if (!gtk_init_check ())
    {
      g_print ("bench-timeline: no display, skipped (run it under xvfb-run -a)\n");
      return 0;
    }
  adw_init ();

  app = rsh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_printerr ("bench-timeline: %s; drawing without the style sheet\n", error->message);

  /* Warm up fonts and glyph caches once, so the first run measured is not the cold one. */
  measure (100, 20);

  big = measure (10000, n_frames);
  small = measure (100, n_frames);

  g_print ("timeline, %u frames of %dx%d while zooming, cairo (zoom+snapshot | draw):\n",
           n_frames, WIDTH, HEIGHT);
  g_print ("  10000 marks: mean %.2f ms, p95 %.2f ms (%.2f | %.2f)\n",
           big.mean, big.p95, big.snapshot_mean, big.draw_mean);
  g_print ("    100 marks: mean %.2f ms, p95 %.2f ms (%.2f | %.2f)\n",
           small.mean, small.p95, small.snapshot_mean, small.draw_mean);
  g_print ("  ratio 10000/100: mean %.2fx, p95 %.2fx; target: under 8 ms per frame\n",
           big.mean / small.mean, big.p95 / small.p95);

  return 0;
}
