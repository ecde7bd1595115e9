/* bench-claim-table.c: the comparison table with 200 sources x 2,000 claims, against 10 x 100
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a synthetic comparison (invented outlets, claims and quotes, made with the engine's
 * own RshSource, RshClaim and RshMention), shows it in a real window and measures what the
 * user feels: the time from handing the claims to the table to the first frame on screen,
 * the frame times while scrolling down and across and while a search filters the rows, and
 * the memory. The search is typed twice: matched by the words held in memory, then by the
 * project's full-text index (the engine's RshStore, SQLite FTS5, holding the same claims,
 * queried in a worker thread as the window does). A frame is timed from the frame clock's
 * before-paint to its after-paint, so it holds the update, the layout (where the list
 * views bind rows) and the drawing with the cairo renderer. Run under a display:
 *
 *   xvfb-run -a build/tests/bench/bench-claim-table [SOURCES] [CLAIMS]
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-claim-table.h"
#include "rsh-stance-chip.h"

#define WIDTH  1280
#define HEIGHT 760

/* A search typed a letter at a time. */
static const char * const typed[] = { "h", "ha", "har", "harb", "harbour", "harbour m",
                                      "harbour ma", "harbour mas", "harbour master",
                                      "harbour master v", "harbour master ve",
                                      "harbour master velden" };
#define N_TYPED G_N_ELEMENTS (typed)

typedef struct
{
  guint    n_frames;
  double   mean;
  double   p95;
  double   max;
  guint    over_16ms;
} Frames;

typedef struct
{
  double  build_data_ms;
  double  first_frame_ms;
  double  rebuild_ms;
  Frames  vertical;
  Frames  horizontal;
  Frames  filtering;
  double  filter_latency_ms;
  double  filter_latency_max_ms;
  guint   matches;
  double  memory_keys_ms[N_TYPED];
  Frames  index_filtering;
  double  index_keys_ms[N_TYPED];
  double  index_latency_ms;
  double  index_latency_max_ms;
  guint   index_matches;
  long    rss_data_kb;
  long    rss_shown_kb;
  guint   claims_bound;
} Figures;

/* Frame clock bookkeeping: one paint is one sample. */
typedef struct
{
  gint64  started;
  GArray *durations;
  guint   n_painted;
} Clock;

static const char *subjects[] = {
  "The harbour authority", "The port's chief engineer", "A council inspector",
  "The ferry operator", "Residents of the east quay", "The regional water board",
  "An anonymous dock worker", "The shipping insurer", "The mayor's office",
  "Two independent chemists", "The union of pilots", "A former harbour master",
};

static const char *verbs[] = {
  "knew of", "reported", "ignored", "measured", "concealed", "paid for",
  "approved", "disputed", "warned about", "delayed",
};

static const char *objects[] = {
  "the solvent readings", "the cracked pier", "the closed lock gate", "the dredging contract",
  "the night-time discharges", "the unpaid fines", "the missing logbook", "the silt samples",
  "the late inspection", "the overtime claims", "the crane failure", "the fuel leak",
};

static const char *speakers[] = {
  "Mara Velden", "Jonas Ekdahl", "Inés Corral", "Tomasz Wirth", "Aiko Sato", "Ruth Obi",
  "Pavel Dusek", "Lena Brandt", "Samir Haddad", "Noor Albers",
};

/* The index the window searches, holding the synthetic claims: a comparison made only to
 * be indexed (its claims list is the one the engine fills when it analyses). */
static RshStore *
index_claims (GListModel *claims)
{
  g_autoptr(RshComparison) comparison = g_object_new (RSH_TYPE_COMPARISON, NULL);
  g_autoptr(GListStore) indexed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);

  if (store == NULL)
    g_error ("bench-claim-table: %s", error->message);

  g_object_get (comparison, "claims", &indexed, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      g_list_store_append (indexed, claim);
    }

  if (!rsh_store_index_claims (store, comparison, &error))
    g_error ("bench-claim-table: %s", error->message);

  return g_steal_pointer (&store);
}

static void
search_index_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv ids = rsh_store_search_claims (RSH_STORE (source_object), task_data, &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_strfreev);
}

static void
search_index (const char          *text,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             callback_data,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (user_data, cancellable, callback, callback_data);

  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_index_thread);
}

static GStrv
search_index_finish (GAsyncResult  *result,
                     gpointer       user_data,
                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");

  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
synthetic_story (guint        n_sources,
                 guint        n_claims,
                 GListStore **sources_out,
                 GListStore **claims_out)
{
  GListStore *sources = g_list_store_new (RSH_TYPE_SOURCE);
  GListStore *claims = g_list_store_new (RSH_TYPE_CLAIM);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint s = 0; s < n_sources; s++)
    {
      g_autoptr(RshSource) source = rsh_source_new (NULL);
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);
      g_autofree char *outlet = g_strdup_printf ("Harbour Courier %u", s + 1);
      g_autofree char *published = g_strdup_printf ("2025-%02u-%02u", 1 + s % 12, 1 + s % 28);

      rsh_source_set_id (source, id);
      rsh_source_set_outlet (source, outlet);
      rsh_source_set_published (source, published, NULL);
      g_list_store_append (sources, source);
    }

  for (guint c = 0; c < n_claims; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c + 1);
      g_autofree char *text = g_strdup_printf ("%s %s %s in week %u",
                                               subjects[c % G_N_ELEMENTS (subjects)],
                                               verbs[(c / 3) % G_N_ELEMENTS (verbs)],
                                               objects[(c / 7) % G_N_ELEMENTS (objects)],
                                               1 + c % 52);
      g_autoptr(RshClaim) claim = rsh_claim_new (id, text, FALSE);
      /* Most claims are in a few sources, some in most of them. */
      guint n_mentioning = g_rand_int_range (rand, 0, 10) == 0
                           ? g_rand_int_range (rand, n_sources / 2, n_sources + 1)
                           : g_rand_int_range (rand, 1, MAX (2, n_sources / 10));

      for (guint m = 0; m < n_mentioning; m++)
        {
          guint s = g_rand_int_range (rand, 0, n_sources);
          g_autofree char *source_id = g_strdup_printf ("s%u", s + 1);
          g_autofree char *quote = g_strdup_printf ("%s, sources said, in article %u", text, s + 1);
          g_autoptr(RshMention) mention = rsh_mention_new (source_id, 100 * m, 100 * m + 60, quote);
          RshStance stance = g_rand_int_range (rand, RSH_STANCE_REPORTS, RSH_STANCE_ABSENT);
          gboolean hedged = g_rand_int_range (rand, 0, 6) == 0;

          rsh_mention_set_speaker (mention, speakers[g_rand_int_range (rand, 0,
                                                                       G_N_ELEMENTS (speakers))]);
          rsh_mention_set_stance (mention, stance);
          rsh_mention_set_hedged (mention, hedged);
          rsh_claim_add_mention (claim, mention);
          rsh_claim_set_position (claim, source_id, stance, hedged);
        }
      g_list_store_append (claims, claim);
    }

  g_rand_free (rand);
  *sources_out = sources;
  *claims_out = claims;
}

static void
before_paint_cb (GdkFrameClock *frame_clock,
                 Clock         *clock)
{
  clock->started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Clock         *clock)
{
  double ms = (g_get_monotonic_time () - clock->started) / 1000.0;

  g_array_append_val (clock->durations, ms);
  clock->n_painted++;
}

/* Runs the main loop until one more frame has been painted; returns its duration. */
static double
next_frame (GtkWidget *widget,
            Clock     *clock)
{
  guint before = clock->n_painted;

  gtk_widget_queue_draw (widget);
  while (clock->n_painted == before)
    g_main_context_iteration (NULL, TRUE);

  return g_array_index (clock->durations, double, clock->durations->len - 1);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static Frames
summarise (const double *samples,
           guint         n)
{
  g_autofree double *sorted = g_memdup2 (samples, n * sizeof (double));
  Frames frames = { n, 0, 0, 0, 0 };

  if (n == 0)
    return frames;

  qsort (sorted, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    {
      frames.mean += sorted[i] / n;
      if (sorted[i] > 16.0)
        frames.over_16ms++;
    }
  frames.p95 = sorted[MIN (n - 1, (guint)ceil (n * 0.95) - 1)];
  frames.max = sorted[n - 1];

  return frames;
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls by @step per frame, @n_frames times, bouncing at the ends. */
static Frames
scroll (GtkWidget     *table,
        GtkAdjustment *adjustment,
        double         step,
        guint          n_frames,
        Clock         *clock)
{
  g_autofree double *samples = g_new0 (double, n_frames);

  for (guint f = 0; f < n_frames; f++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment) + step;

      if (value > upper || value < 0)
        {
          step = -step;
          value = CLAMP (value, 0, upper);
        }
      gtk_adjustment_set_value (adjustment, value);
      samples[f] = next_frame (table, clock);
    }

  return summarise (samples, n_frames);
}

static guint
count_bound (GtkWidget *widget)
{
  guint n = rsh_claim_table_cell_get_claim (widget) != NULL ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_bound (child);

  return n;
}

/* Scrolling across hands the columns of the view from one source to another, cells and all:
 * each cell must still show its claim's position for its source, or the figures are void.
 * Returns the number of cells checked. */
static guint
check_cells (GtkWidget *widget)
{
  RshClaim *claim = rsh_claim_table_cell_get_claim (widget);
  const char *source_id = rsh_claim_table_cell_get_source_id (widget);
  guint n = 0;

  if (claim != NULL && source_id != NULL)
    {
      RshStanceChip *chip = RSH_STANCE_CHIP (gtk_widget_get_first_child (widget));
      gboolean shown = gtk_widget_get_visible (GTK_WIDGET (chip));
      gboolean hedged = FALSE;
      RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);

      if (stance == RSH_STANCE_ABSENT ? shown
                                      : !shown || rsh_stance_chip_get_stance (chip) != stance ||
                                        rsh_stance_chip_get_hedged (chip) != hedged)
        g_error ("bench-claim-table: the cell of source %s on claim “%s” shows another stance",
                 source_id, rsh_claim_get_text (claim));

      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_cells (child);

  return n;
}

/* Sets each search in turn, as typed, and times it from the keystroke to the frame after
 * the last row was checked. */
static void
type_search (GtkWidget          *table,
             Clock              *clock,
             Frames             *frames,
             double             *keys,
             double             *latency_mean,
             double             *latency_max,
             guint              *matches)
{
  guint n_typed = N_TYPED;
  RshClaimTable *claim_table = RSH_CLAIM_TABLE (table);
  g_autoptr(GArray) filter_frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_typed; i++)
    {
      gint64 t0;
      double latency;

      g_array_set_size (clock->durations, 0);
      t0 = g_get_monotonic_time ();
      rsh_claim_table_set_search (claim_table, typed[i]);
      do
        next_frame (table, clock);
      while (rsh_claim_table_get_filtering (claim_table));
      next_frame (table, clock);
      latency = (g_get_monotonic_time () - t0) / 1000.0;
      keys[i] = latency;
      *latency_mean += latency / n_typed;
      *latency_max = MAX (*latency_max, latency);
      g_array_append_vals (filter_frames, clock->durations->data, clock->durations->len);
    }
  *frames = summarise ((double *)(void *)filter_frames->data, filter_frames->len);
  *matches = g_list_model_get_n_items (rsh_claim_table_get_model (claim_table));
  rsh_claim_table_set_search (claim_table, NULL);
  next_frame (table, clock);
}

static Figures
measure (guint n_sources,
         guint n_claims,
         guint n_scroll_frames)
{
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(GListStore) claims = NULL;
  g_autoptr(GListStore) sources_again = NULL;
  g_autoptr(GListStore) claims_again = NULL;
  g_autoptr(RshStore) store = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *table = rsh_claim_table_new ();
  RshClaimTable *claim_table = RSH_CLAIM_TABLE (table);
  Clock clock = { 0, g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  GdkFrameClock *frame_clock;
  GtkScrolledWindow *scroller;
  Figures figures = { 0 };
  gint64 t0;

  t0 = g_get_monotonic_time ();
  synthetic_story (n_sources, n_claims, &sources, &claims);
  figures.build_data_ms = (g_get_monotonic_time () - t0) / 1000.0;
  figures.rss_data_kb = read_rss_kb ();

  gtk_window_set_child (window, table);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (table))
    g_main_context_iteration (NULL, TRUE);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (before_paint_cb), &clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &clock);
  next_frame (table, &clock);

  /* From the claims handed over to the rows on screen (sorting included). */
  t0 = g_get_monotonic_time ();
  rsh_claim_table_set_claims (claim_table, G_LIST_MODEL (sources), G_LIST_MODEL (claims));
  do
    next_frame (table, &clock);
  while (count_bound (table) == 0);
  figures.first_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;
  next_frame (table, &clock);
  figures.rss_shown_kb = read_rss_kb ();
  figures.claims_bound = count_bound (table);

  scroller = find_scroller (table);
  figures.vertical = scroll (table, gtk_scrolled_window_get_vadjustment (scroller), 180,
                             n_scroll_frames, &clock);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
  figures.horizontal = scroll (table, gtk_scrolled_window_get_hadjustment (scroller), 240,
                               n_scroll_frames, &clock);
  if (check_cells (table) == 0)
    g_error ("bench-claim-table: no stance cell after scrolling across");
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (scroller), 0);
  next_frame (table, &clock);
  check_cells (table);

  /* Typing a search a letter at a time: each letter until the filter has run through. */
  type_search (table, &clock, &figures.filtering, figures.memory_keys_ms,
               &figures.filter_latency_ms, &figures.filter_latency_max_ms, &figures.matches);

  /* The same letters again, answered by the full-text index. */
  store = index_claims (G_LIST_MODEL (claims));
  rsh_claim_table_set_search_func (claim_table, search_index, search_index_finish,
                                   g_object_ref (store), g_object_unref);
  /* The table changes its filter model for an index (the window does it before it has
   * rows): the rows rebuilt for that are not a keystroke's. */
  next_frame (table, &clock);
  next_frame (table, &clock);
  type_search (table, &clock, &figures.index_filtering, figures.index_keys_ms,
               &figures.index_latency_ms, &figures.index_latency_max_ms,
               &figures.index_matches);
  rsh_claim_table_set_search_func (claim_table, NULL, NULL, NULL, NULL);

  /* A re-analysis hands over a whole new set of objects: columns and rows are rebuilt. */
  synthetic_story (n_sources, n_claims, &sources_again, &claims_again);
  t0 = g_get_monotonic_time ();
  rsh_claim_table_set_claims (claim_table, G_LIST_MODEL (sources_again),
                              G_LIST_MODEL (claims_again));
  do
    next_frame (table, &clock);
  while (count_bound (table) == 0);
  figures.rebuild_ms = (g_get_monotonic_time () - t0) / 1000.0;

  g_signal_handlers_disconnect_by_data (frame_clock, &clock);
  g_array_unref (clock.durations);
  gtk_window_destroy (window);
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;

  return figures;
}

static void
print_frames (const char   *what,
              const Frames *frames)
{
  g_print ("    %-22s %4u frames: mean %6.2f ms, p95 %6.2f ms, max %6.2f ms, %u over 16 ms\n",
           what, frames->n_frames, frames->mean, frames->p95, frames->max, frames->over_16ms);
}

static void
print_figures (guint          n_sources,
               guint          n_claims,
               const Figures *figures)
{
  g_print ("  %u sources x %u claims:\n", n_sources, n_claims);
  g_print ("    synthetic data built   %8.1f ms (not the table's)\n", figures->build_data_ms);
  g_print ("    claims to first frame  %8.1f ms (columns, sort, rows bound, drawn; %u cells)\n",
           figures->first_frame_ms, figures->claims_bound);
  g_print ("    rebuild (re-analysis)  %8.1f ms\n", figures->rebuild_ms);
  print_frames ("scrolling down", &figures->vertical);
  print_frames ("scrolling across", &figures->horizontal);
  print_frames ("filtering (memory)", &figures->filtering);
  g_print ("    search per keystroke   mean %.1f ms, max %.1f ms until every row checked "
           "(words in memory, %u matches at the end)\n",
           figures->filter_latency_ms, figures->filter_latency_max_ms, figures->matches);
  print_frames ("filtering (index)", &figures->index_filtering);
  g_print ("    search per keystroke   mean %.1f ms, max %.1f ms until the rows are filtered "
           "(FTS5 index, %u matches at the end)\n",
           figures->index_latency_ms, figures->index_latency_max_ms, figures->index_matches);
  g_print ("    each keystroke, ms     memory / index:");
  for (guint i = 0; i < N_TYPED; i++)
    g_print (" %.0f/%.0f", figures->memory_keys_ms[i], figures->index_keys_ms[i]);
  g_print ("\n");
  g_print ("    RSS                    %ld MB with the data, %ld MB shown\n",
           figures->rss_data_kb / 1024, figures->rss_shown_kb / 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshApplication) app = NULL;
  guint n_sources = argc > 1 ? (guint)MAX (2, atoi (argv[1])) : 200;
  guint n_claims = argc > 2 ? (guint)MAX (10, atoi (argv[2])) : 2000;
  guint n_frames = 120;
  Figures big, small;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  if (!gtk_init_check ())
    {
      g_print ("bench-claim-table: no display, skipped (run it under xvfb-run -a)\n");
      return 0;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = rsh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_printerr ("bench-claim-table: %s; drawing without the style sheet\n", error->message);

  /* A window drawn and thrown away first. Under Xvfb, the first window a process draws with
   * the cairo renderer took 4 to 5 times as long per frame to scroll the 10 x 100 table
   * across as the windows after it took for the same table, in cairo's copies to X11 shared
   * memory (page faults in pixman), which says nothing about the table. It warms fonts and
   * icons up too; the small one then counts as the reference. */
  measure (10, 100, 10);
  small = measure (10, 100, n_frames);
  big = measure (n_sources, n_claims, n_frames);

  g_print ("claim table, %dx%d window, cairo renderer; a frame is before-paint to after-paint\n",
           WIDTH, HEIGHT);
  print_figures (n_sources, n_claims, &big);
  print_figures (10, 100, &small);
  g_print ("  search per keystroke, memory/index: %.1fx (%u sources x %u claims), "
           "%.1fx (10 x 100)\n",
           big.filter_latency_ms / MAX (big.index_latency_ms, 0.001), n_sources, n_claims,
           small.filter_latency_ms / MAX (small.index_latency_ms, 0.001));
  g_print ("  ratio big/small: first frame %.1fx, scrolling down mean %.1fx, across %.1fx, "
           "filtering %.1fx\n",
           big.first_frame_ms / small.first_frame_ms, big.vertical.mean / small.vertical.mean,
           big.horizontal.mean / small.horizontal.mean,
           big.filtering.mean / MAX (small.filtering.mean, 0.001));
  g_print ("  fluid means frames under 16 ms; a frame over 50 ms is a visible stall\n");

  return 0;
}
