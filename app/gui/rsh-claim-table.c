/* rsh-claim-table.c: claims down, sources across, each source's stance in the cells
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rsh-claim-table.h"
#include "rsh-stance-chip.h"

/* Cells carry their claim and their column's source so that a click, a tooltip and the
 * tests can tell what they show without knowing where the view recycled them. */
#define CELL_CLAIM_KEY  "rsh-claim-table-claim"
#define CELL_SOURCE_KEY "rsh-claim-table-source-id"

struct _RshClaimTable
{
  GtkWidget            parent_instance;

  /* owned */
  GtkScrolledWindow   *scroller;
  GtkColumnViewColumn *claim_column;
  GtkColumnViewColumn *count_column;
  GtkSorter           *count_sorter;
  GtkSortListModel    *sort_model;
  GPtrArray           *source_columns;
  RshComparison       *comparison;

  /* borrowed */
  GtkColumnView       *view;
};

G_DEFINE_FINAL_TYPE (RshClaimTable, rsh_claim_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  MENTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
format_published (const char *published)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int year = 0, month = 0, day = 0;

  if (published == NULL || published[0] == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (published, utc);
  if (when == NULL && sscanf (published, "%4d-%2d-%2d", &year, &month, &day) == 3)
    when = g_date_time_new (utc, year, month, day, 0, 0, 0);

  if (when == NULL)
    return g_strdup (published);

  /* Translators: a publication date in a column header, see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/* Column headers don't ellipsize in GTK 4.8: a headline standing in for a missing outlet
 * is cut at a word so that it ends visibly. */
static char *
dup_shortened (const char *text,
               glong       max_chars)
{
  const char *end;
  const char *space;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max_chars - 1);
  space = g_utf8_strrchr (text, end - text, ' ');
  /* A word too early would leave too little to recognise: cut mid-word then. */
  if (space != NULL && g_utf8_pointer_to_offset (text, space) >= max_chars / 2)
    end = space;

  return g_strdup_printf ("%.*s…", (int)(end - text), text);
}

static char *
dup_column_title (RshSource *source)
{
  const char *outlet = rsh_source_get_outlet (source);
  g_autofree char *date = format_published (rsh_source_get_published (source));
  g_autofree char *name = NULL;

  if (outlet != NULL && outlet[0] != '\0')
    name = dup_shortened (outlet, 22);
  else if (rsh_source_get_title (source) != NULL && rsh_source_get_title (source)[0] != '\0')
    name = dup_shortened (rsh_source_get_title (source), 18);
  else if (rsh_source_get_input (source) != NULL)
    name = g_path_get_basename (rsh_source_get_input (source));
  else
    name = g_strdup (_("Untitled"));

  if (date == NULL)
    return g_steal_pointer (&name);

  /* Two lines keep the columns narrow enough for several sources side by side. */
  return g_strdup_printf ("%s\n%s", name, date);
}

static RshMention *
find_mention (RshClaim   *claim,
              const char *source_id)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);
  g_autoptr(RshMention) fallback = NULL;
  gboolean hedged = FALSE;
  RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) != 0)
        continue;

      /* The position is the source's strongest statement: show that one's words. */
      if (rsh_mention_get_stance (mention) == stance)
        return g_steal_pointer (&mention);
      if (fallback == NULL)
        fallback = g_steal_pointer (&mention);
    }

  return g_steal_pointer (&fallback);
}

static guint
count_sources (RshClaimTable *self,
               RshClaim      *claim)
{
  guint count = 0;
  guint n;

  if (self->comparison == NULL)
    return 0;

  n = g_list_model_get_n_items (rsh_comparison_get_sources (self->comparison));
  for (guint i = 0; i < n; i++)
    {
      const char *source_id = rsh_comparison_get_source_id (self->comparison, i);

      if (source_id != NULL &&
          rsh_claim_get_position (claim, source_id, NULL) != RSH_STANCE_ABSENT)
        count++;
    }

  return count;
}

static int
compare_wording (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *text_a = rsh_claim_get_text ((RshClaim *)a);
  const char *text_b = rsh_claim_get_text ((RshClaim *)b);
  int result = g_utf8_collate (text_a != NULL ? text_a : "", text_b != NULL ? text_b : "");

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_count (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RshClaimTable *self = user_data;
  guint count_a = count_sources (self, (RshClaim *)a);
  guint count_b = count_sources (self, (RshClaim *)b);

  return count_a < count_b ? GTK_ORDERING_SMALLER
                           : count_a > count_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
claim_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RshClaimTable            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("starred-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "claim-wording");
  gtk_widget_add_css_class (icon, "user-defined");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, _("A claim you track"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("A claim you track"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
claim_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RshClaimTable            *self)
{
  RshClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);

  gtk_widget_set_visible (icon, rsh_claim_get_user_defined (claim));
  gtk_label_set_label (GTK_LABEL (label), rsh_claim_get_text (claim));
}

static void
count_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RshClaimTable            *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
count_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RshClaimTable            *self)
{
  RshClaim *claim = gtk_list_item_get_item (item);
  guint n = self->comparison != NULL
            ? g_list_model_get_n_items (rsh_comparison_get_sources (self->comparison)) : 0;
  guint count = count_sources (self, claim);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: how many sources mention a claim, out of all of them */
  text = g_strdup_printf (_("%u/%u"), count, n);
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mentioned by %u of %u source",
                                         "Mentioned by %u of %u sources", n),
                            count, n);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkWidget       *cell)
{
  /* Double-click, like a row; claiming keeps the row from opening its first mention. */
  if (n_press == 2 && rsh_claim_table_activate_cell (cell))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
stance_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 const char               *source_id)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *chip = rsh_stance_chip_new ();
  GtkWidget *absent = gtk_label_new ("–");
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (cell, "stance-cell");
  gtk_widget_add_css_class (absent, "absent-mark");
  gtk_widget_set_halign (absent, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (absent),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not mentioned"),
                                  -1);
  gtk_box_append (GTK_BOX (cell), chip);
  gtk_box_append (GTK_BOX (cell), absent);

  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (item, cell);
}

static void
stance_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const char               *source_id)
{
  RshClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *chip = gtk_widget_get_first_child (cell);
  GtkWidget *absent = gtk_widget_get_next_sibling (chip);
  g_autoptr(RshMention) mention = NULL;
  gboolean hedged = FALSE;
  RshStance stance = rsh_claim_get_position (claim, source_id, &hedged);
  g_autofree char *tooltip = NULL;

  g_object_set_data_full (G_OBJECT (cell), CELL_CLAIM_KEY, g_object_ref (claim), g_object_unref);
  g_object_set_data_full (G_OBJECT (cell), CELL_SOURCE_KEY, g_strdup (source_id), g_free);

  rsh_stance_chip_set_stance (RSH_STANCE_CHIP (chip), stance);
  rsh_stance_chip_set_hedged (RSH_STANCE_CHIP (chip), hedged);
  gtk_widget_set_visible (chip, stance != RSH_STANCE_ABSENT);
  gtk_widget_set_visible (absent, stance == RSH_STANCE_ABSENT);

  if (stance != RSH_STANCE_ABSENT)
    mention = find_mention (claim, source_id);

  if (mention != NULL && rsh_mention_get_quote (mention) != NULL)
    {
      const char *speaker = rsh_mention_get_speaker (mention);

      if (speaker != NULL && speaker[0] != '\0')
        /* Translators: a tooltip: the words a source used, then who said them */
        tooltip = g_strdup_printf (_("“%s”\n— %s"), rsh_mention_get_quote (mention), speaker);
      else
        tooltip = g_strdup_printf (_("“%s”"), rsh_mention_get_quote (mention));
    }
  /* The chip's own tooltip (the reporting verb) would hide the quote. */
  rsh_stance_chip_set_cue (RSH_STANCE_CHIP (chip), NULL);
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
stance_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const char               *source_id)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), CELL_CLAIM_KEY, NULL);
  g_object_set_data (G_OBJECT (cell), CELL_SOURCE_KEY, NULL);
}

static void
remove_source_columns (RshClaimTable *self)
{
  for (guint i = 0; i < self->source_columns->len; i++)
    gtk_column_view_remove_column (self->view, g_ptr_array_index (self->source_columns, i));
  g_ptr_array_set_size (self->source_columns, 0);
}

static void
add_source_columns (RshClaimTable *self)
{
  GListModel *sources = rsh_comparison_get_sources (self->comparison);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);
      const char *source_id = rsh_comparison_get_source_id (self->comparison, i);
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autofree char *title = NULL;
      GtkColumnViewColumn *column;

      if (source_id == NULL)
        continue;

      factory = gtk_signal_list_item_factory_new ();
      /* Each handler holds its own copy of the id, freed with the factory. */
      g_signal_connect_data (factory, "setup", G_CALLBACK (stance_setup_cb),
                             g_strdup (source_id), (GClosureNotify)(void (*)(void))g_free, 0);
      g_signal_connect_data (factory, "bind", G_CALLBACK (stance_bind_cb),
                             g_strdup (source_id), (GClosureNotify)(void (*)(void))g_free, 0);
      g_signal_connect_data (factory, "unbind", G_CALLBACK (stance_unbind_cb),
                             g_strdup (source_id), (GClosureNotify)(void (*)(void))g_free, 0);

      title = dup_column_title (source);
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 136);
      gtk_column_view_append_column (self->view, column);
      g_ptr_array_add (self->source_columns, column);
    }
}

static void
view_activate_cb (RshClaimTable *self,
                  guint          position,
                  GtkColumnView *view)
{
  g_autoptr(RshClaim) claim = NULL;
  GListModel *sources;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  claim = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  if (claim == NULL || self->comparison == NULL)
    return;

  /* A whole row (Enter on it) opens the first source, left to right, that mentions it. */
  sources = rsh_comparison_get_sources (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      const char *source_id = rsh_comparison_get_source_id (self->comparison, i);
      g_autoptr(RshMention) mention = NULL;

      if (source_id == NULL ||
          rsh_claim_get_position (claim, source_id, NULL) == RSH_STANCE_ABSENT)
        continue;

      mention = find_mention (claim, source_id);
      if (mention != NULL)
        {
          g_signal_emit (self, signals[MENTION_ACTIVATED], 0, source_id, mention);
          return;
        }
    }
}

static void
rsh_claim_table_dispose (GObject *object)
{
  RshClaimTable *self = (RshClaimTable *)object;

  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  g_clear_object (&self->claim_column);
  g_clear_object (&self->count_column);
  g_clear_object (&self->count_sorter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (rsh_claim_table_parent_class)->dispose (object);
}

static void
rsh_claim_table_finalize (GObject *object)
{
  RshClaimTable *self = (RshClaimTable *)object;

  g_clear_pointer (&self->source_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (rsh_claim_table_parent_class)->finalize (object);
}

static void
rsh_claim_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RshClaimTable *self = RSH_CLAIM_TABLE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_claim_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RshClaimTable *self = RSH_CLAIM_TABLE (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      rsh_claim_table_set_comparison (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_claim_table_class_init (RshClaimTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rsh_claim_table_dispose;
  object_class->finalize = rsh_claim_table_finalize;
  object_class->get_property = rsh_claim_table_get_property;
  object_class->set_property = rsh_claim_table_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         RSH_TYPE_COMPARISON,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RshClaimTable::mention-activated:
   * @self: the table
   * @source_id: the id of the source in the comparison
   * @mention: the statement of that source behind the activated cell
   *
   * A cell (double-click) or a row (Enter: its first mentioning source) was activated.
   */
  signals[MENTION_ACTIVATED] =
    g_signal_new ("mention-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, RSH_TYPE_MENTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "claimtable");
}

static void
rsh_claim_table_init (RshClaimTable *self)
{
  g_autoptr(GtkListItemFactory) claim_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) count_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) wording_sorter = NULL;
  g_autoptr(GtkSorter) claim_sorter = NULL;
  GtkMultiSorter *sorter;
  GtkNoSelection *selection;

  self->source_columns = g_ptr_array_new_with_free_func (g_object_unref);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "claim-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claims by source"),
                                  -1);
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (view_activate_cb), self);

  g_signal_connect (claim_factory, "setup", G_CALLBACK (claim_setup_cb), self);
  g_signal_connect (claim_factory, "bind", G_CALLBACK (claim_bind_cb), self);
  self->claim_column = gtk_column_view_column_new (_("Claim"), g_steal_pointer (&claim_factory));
  gtk_column_view_column_set_expand (self->claim_column, TRUE);
  gtk_column_view_column_set_fixed_width (self->claim_column, 290);
  gtk_column_view_column_set_resizable (self->claim_column, TRUE);
  claim_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_wording, NULL, NULL));
  gtk_column_view_column_set_sorter (self->claim_column, claim_sorter);
  gtk_column_view_append_column (self->view, self->claim_column);

  g_signal_connect (count_factory, "setup", G_CALLBACK (count_setup_cb), self);
  g_signal_connect (count_factory, "bind", G_CALLBACK (count_bind_cb), self);
  /* Translators: the header of the column counting the sources that mention each claim */
  self->count_column = gtk_column_view_column_new (_("Sources"), g_steal_pointer (&count_factory));
  self->count_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_count, self, NULL));
  gtk_column_view_column_set_sorter (self->count_column, self->count_sorter);
  gtk_column_view_append_column (self->view, self->count_column);

  /* The header's choice first, the wording to break ties. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->view)));
  wording_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_wording, NULL, NULL));
  gtk_multi_sorter_append (sorter, g_object_ref (wording_sorter));
  self->sort_model = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  rsh_claim_table_sort_by_sources (self);
}

/**
 * rsh_claim_table_new:
 *
 * Returns: (transfer full): a new, empty #RshClaimTable
 */
GtkWidget *
rsh_claim_table_new (void)
{
  return g_object_new (RSH_TYPE_CLAIM_TABLE, NULL);
}

/**
 * rsh_claim_table_get_comparison:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
RshComparison *
rsh_claim_table_get_comparison (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return self->comparison;
}

/**
 * rsh_claim_table_set_comparison:
 * @self: a #RshClaimTable
 * @comparison: (nullable): the comparison to show
 *
 * Shows a row per claim of @comparison and a column per source, rebuilt from scratch
 * because each analysis may bring other sources.
 */
void
rsh_claim_table_set_comparison (RshClaimTable *self,
                                RshComparison *comparison)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));
  g_return_if_fail (comparison == NULL || RSH_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  gtk_sort_list_model_set_model (self->sort_model, NULL);
  remove_source_columns (self);
  if (comparison != NULL)
    {
      add_source_columns (self);
      gtk_sorter_changed (self->count_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_sort_list_model_set_model (self->sort_model, rsh_comparison_get_claims (comparison));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * rsh_claim_table_get_model:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer none): the claims in the order shown
 */
GListModel *
rsh_claim_table_get_model (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * rsh_claim_table_get_column_view:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer none): the view: the claim, the count, then a column per source
 */
GtkColumnView *
rsh_claim_table_get_column_view (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return self->view;
}

/**
 * rsh_claim_table_sort_by_wording:
 * @self: a #RshClaimTable
 *
 * Orders the claims alphabetically, as a click on the "Claim" header does.
 */
void
rsh_claim_table_sort_by_wording (RshClaimTable *self)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  gtk_column_view_sort_by_column (self->view, self->claim_column, GTK_SORT_ASCENDING);
}

/**
 * rsh_claim_table_sort_by_sources:
 * @self: a #RshClaimTable
 *
 * Puts the claims most sources mention first (the default).
 */
void
rsh_claim_table_sort_by_sources (RshClaimTable *self)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  gtk_column_view_sort_by_column (self->view, self->count_column, GTK_SORT_DESCENDING);
}

/**
 * rsh_claim_table_count_sources:
 * @self: a #RshClaimTable
 * @claim: a claim of the comparison shown
 *
 * Returns: how many of the sources take a position on @claim
 */
guint
rsh_claim_table_count_sources (RshClaimTable *self,
                               RshClaim      *claim)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), 0);
  g_return_val_if_fail (RSH_IS_CLAIM (claim), 0);

  return count_sources (self, claim);
}

/**
 * rsh_claim_table_cell_get_claim:
 * @cell: a stance cell of a #RshClaimTable
 *
 * Returns: (transfer none) (nullable): the claim of the cell's row
 */
RshClaim *
rsh_claim_table_cell_get_claim (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_WIDGET (cell), NULL);

  return g_object_get_data (G_OBJECT (cell), CELL_CLAIM_KEY);
}

/**
 * rsh_claim_table_cell_get_source_id:
 * @cell: a stance cell of a #RshClaimTable
 *
 * Returns: (nullable): the id of the source of the cell's column
 */
const char *
rsh_claim_table_cell_get_source_id (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_WIDGET (cell), NULL);

  return g_object_get_data (G_OBJECT (cell), CELL_SOURCE_KEY);
}

/**
 * rsh_claim_table_activate_cell:
 * @cell: a stance cell of a #RshClaimTable
 *
 * Emits #RshClaimTable::mention-activated for the statement behind @cell.
 *
 * Returns: %TRUE if the cell's source mentions the claim, so there was one to open
 */
gboolean
rsh_claim_table_activate_cell (GtkWidget *cell)
{
  GtkWidget *table;
  RshClaim *claim;
  const char *source_id;
  g_autoptr(RshMention) mention = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (cell), FALSE);

  table = gtk_widget_get_ancestor (cell, RSH_TYPE_CLAIM_TABLE);
  claim = rsh_claim_table_cell_get_claim (cell);
  source_id = rsh_claim_table_cell_get_source_id (cell);
  if (table == NULL || claim == NULL || source_id == NULL)
    return FALSE;

  mention = find_mention (claim, source_id);
  if (mention == NULL)
    return FALSE;

  g_signal_emit (table, signals[MENTION_ACTIVATED], 0, source_id, mention);

  return TRUE;
}
