/* test-claim-table.c: the comparison table with many sources, scrolled across
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <rashomon.h>

#include "rsh-application.h"
#include "rsh-claim-table.h"
#include "rsh-stance-chip.h"
#include "rsh-test-gui-util.h"

#define N_SOURCES 40
#define N_CLAIMS  24

static RshApplication *app;

/* Sources "s1"… and claims where source s takes stance (c + s) % 4 on claim c when
 * (c + s) % 3 is not 0, hedged when (c * s) % 5 is 0; silent otherwise. */
static void
make_story (GListStore **sources_out,
            GListStore **claims_out)
{
  GListStore *sources = g_list_store_new (RSH_TYPE_SOURCE);
  GListStore *claims = g_list_store_new (RSH_TYPE_CLAIM);

  for (guint s = 1; s <= N_SOURCES; s++)
    {
      g_autoptr(RshSource) source = rsh_source_new (NULL);
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *outlet = g_strdup_printf ("Quay Post %u", s);

      rsh_source_set_id (source, id);
      rsh_source_set_outlet (source, outlet);
      g_list_store_append (sources, source);
    }

  for (guint c = 1; c <= N_CLAIMS; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c);
      g_autofree char *text = g_strdup_printf ("The ferry %u left late", c);
      g_autoptr(RshClaim) claim = rsh_claim_new (id, text, FALSE);

      for (guint s = 1; s <= N_SOURCES; s++)
        {
          g_autofree char *source_id = g_strdup_printf ("s%u", s);
          g_autoptr(RshMention) mention = NULL;
          RshStance stance = (RshStance) ((c + s) % 4);

          if ((c + s) % 3 == 0)
            continue;
          mention = rsh_mention_new (source_id, 0, strlen (text), text);
          rsh_mention_set_stance (mention, stance);
          rsh_mention_set_hedged (mention, (c * s) % 5 == 0);
          rsh_claim_add_mention (claim, mention);
          rsh_claim_set_position (claim, source_id, stance, (c * s) % 5 == 0);
        }
      g_list_store_append (claims, claim);
    }

  *sources_out = sources;
  *claims_out = claims;
}

/* Checks every cell bound under @widget shows its claim's position for its source, and
 * counts them; adds the sources seen to @seen. */
static guint
check_cells (GtkWidget  *widget,
             GHashTable *seen)
{
  RshClaim *claim = rsh_claim_table_cell_get_claim (widget);
  const char *source_id = rsh_claim_table_cell_get_source_id (widget);
  guint n = 0;

  if (claim != NULL && source_id != NULL)
    {
      RshStanceChip *chip = RSH_STANCE_CHIP (gtk_widget_get_first_child (widget));
      gboolean hedged = FALSE;
      RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);

      if (stance == RSH_STANCE_ABSENT)
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chip)));
      else
        {
          g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chip)));
          g_assert_cmpint (rsh_stance_chip_get_stance (chip), ==, stance);
          g_assert_cmpint (rsh_stance_chip_get_hedged (chip), ==, hedged);
        }
      g_hash_table_add (seen, g_strdup (source_id));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_cells (child, seen);

  return n;
}

/* With more sources than fit, the table's columns are handed from source to source as it
 * scrolls across: at every step, every cell shows its own source's stance, and going right
 * then back left reaches every source. */
static void
test_scroll_across (void)
{
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(GListStore) claims = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *table = rsh_claim_table_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkAdjustment *hadj;
  guint steps = 0;

  make_story (&sources, &claims);
  gtk_window_set_child (window, table);
  gtk_window_set_default_size (window, 900, 500);
  gtk_window_present (window);
  rsh_claim_table_set_claims (RSH_CLAIM_TABLE (table), G_LIST_MODEL (sources),
                              G_LIST_MODEL (claims));
  rsh_test_wait_for_frames (GTK_WIDGET (window));

  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (rsh_test_find_widget (table, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, 4 * gtk_adjustment_get_page_size (hadj));
  g_assert_cmpuint (check_cells (table, seen), >, 0);

  /* Right by a third of a page at a time to the end, then back in bigger strides. */
  for (double step = gtk_adjustment_get_page_size (hadj) / 3; step != 0; )
    {
      double upper = gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj);
      double value = gtk_adjustment_get_value (hadj) + step;

      gtk_adjustment_set_value (hadj, CLAMP (value, 0, upper));
      rsh_test_wait_for_frames (GTK_WIDGET (window));
      g_assert_cmpuint (check_cells (table, seen), >, 0);
      steps++;

      if (step > 0 && value >= upper)
        step = -gtk_adjustment_get_page_size (hadj) * 1.5;
      else if (step < 0 && value <= 0)
        step = 0;
      g_assert_cmpuint (steps, <, 200);
    }

  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_SOURCES);
  g_test_message ("%u steps", steps);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rsh_test_gui_init (&argc, &argv);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A registered application loads the style sheets the table's chips are drawn with. */
  app = rsh_test_application_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/gui/claim-table/scroll-across", test_scroll_across);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
