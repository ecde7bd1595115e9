/* rsh-claim-table.c: claims down, sources across, each source's stance in the cells
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rsh-application.h"
#include "rsh-claim-table.h"
#include "rsh-gui-compat.h"
#include "rsh-stance-chip.h"
#include "rsh-text-dialog.h"

/* Cells carry their claim and their column's source so that a click, a tooltip and the
 * tests can tell what they show without knowing where the view recycled them. */
#define CELL_CLAIM_KEY  "rsh-claim-table-claim"
#define CELL_SOURCE_KEY "rsh-claim-table-source-id"

#define CLAIM_COLUMN_WIDTH  290
#define COUNT_COLUMN_WIDTH  84
#define SOURCE_COLUMN_WIDTH 136
/* Before the first allocation: wide enough for a maximised window. */
#define GUESSED_PAGE_WIDTH  1920

struct _RshClaimTable
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *box;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *view;

  /* owned */
  GtkColumnViewColumn *claim_column;
  GtkColumnViewColumn *count_column;
  GtkSorter           *count_sorter;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkMultiSelection   *selection;
  GSimpleActionGroup  *actions;
  GtkWidget           *context_menu;
  GListStore          *all_claims;
  GtkFlattenListModel *flat_claims;
  RshClaim            *context_claim;
  char                *context_source_id;
  GArray              *source_columns;      /* SourceColumn, one per source with an id */
  GPtrArray           *slots;               /* the view's columns that show them */
  GtkColumnViewColumn *before_spacer;
  GtkColumnViewColumn *after_spacer;
  guint                live_first;
  guint                live_end;
  guint                live_columns_source;
  RshComparison       *comparison;
  GListModel          *sources;
  GPtrArray           *source_ids;
  GListModel          *claims;
  GHashTable          *counts;
  GHashTable          *haystacks;
  GHashTable          *cell_mentions;
  GHashTable          *actor_names;
  char                *search_text;
  char               **search_words;
  RshClaimMatchFunc    match_func;
  gpointer             match_data;
  GDestroyNotify       match_destroy;
  RshClaimSearchFunc   search_func;
  RshClaimSearchFinishFunc search_finish;
  gpointer             search_data;
  GDestroyNotify       search_destroy;
  GCancellable        *search_cancellable;  /* the index search in flight */
  GHashTable          *match_ids;           /* what the index found for search_words */
  guint                research_source;
  guint                show_hidden : 1;
  guint                filter_set : 1;      /* the filter has a function */
  guint                select_first : 1;    /* Enter was pressed before the index answered */
};

/* One question to the index: its answer counts only if nothing cancelled it since. */
typedef struct
{
  RshClaimTable *table;
  GCancellable  *cancellable;
} SearchRequest;

G_DEFINE_FINAL_TYPE (RshClaimTable, rsh_claim_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  MENTION_ACTIVATED,
  CORRECTION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_actions (RshClaimTable *self);
static void set_context    (RshClaimTable *self,
                            RshClaim      *claim,
                            const char    *source_id);

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


/* What the cell of @source_id shows for @claim: the source's strongest statement, whose
 * stance is its position, or else its first. Worked out once per claim and kept, because a
 * row of 200 sources binds 200 cells and each would walk every mention of the claim. */
static RshMention *
find_mention (RshClaimTable *self,
              RshClaim      *claim,
              const char    *source_id)
{
  GHashTable *by_source;

  by_source = g_hash_table_lookup (self->cell_mentions, claim);
  if (by_source == NULL)
    {
      GListModel *mentions = rsh_claim_get_mentions (claim);
      guint n = g_list_model_get_n_items (mentions);

      /* Borrowed mentions: the claim keeps them, and the table keeps the claims. */
      by_source = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
          const char *id = rsh_mention_get_source_id (mention);
          RshMention *kept;

          if (id == NULL)
            continue;

          kept = g_hash_table_lookup (by_source, id);
          if (kept == NULL ||
              (rsh_mention_get_stance (kept) != rsh_claim_get_position (claim, id, NULL) &&
               rsh_mention_get_stance (mention) == rsh_claim_get_position (claim, id, NULL)))
            g_hash_table_insert (by_source, (gpointer)id, mention);
        }
      g_hash_table_insert (self->cell_mentions, claim, by_source);
    }

  return g_hash_table_lookup (by_source, source_id);
}

/* Who made @mention, by the name the user gave the actor (a rename reaches every
 * statement), else as the source wrote it. Names are kept per actor: the engine's lookup
 * walks the actors, and a row binds a cell per source. */
static const char *
lookup_speaker_name (RshClaimTable *self,
                  RshMention    *mention)
{
  const char *actor_id = rsh_mention_get_actor_id (mention);
  const char *name;

  if (actor_id == NULL || self->comparison == NULL)
    return rsh_mention_get_speaker (mention);

  name = g_hash_table_lookup (self->actor_names, actor_id);
  if (name == NULL)
    {
      RshActor *actor = rsh_comparison_lookup_actor (self->comparison, actor_id);

      if (actor == NULL)
        return rsh_mention_get_speaker (mention);
      /* Borrowed strings: the comparison, which the table keeps, owns the actors. */
      name = rsh_actor_get_name (actor);
      g_hash_table_insert (self->actor_names, (gpointer) rsh_actor_get_id (actor), (gpointer) name);
    }

  return name;
}

static gboolean
claim_is_hidden (RshClaimTable *self,
                 RshClaim      *claim)
{
  gboolean hidden = FALSE;

  if (self->comparison == NULL || !self->show_hidden)
    return FALSE;

  rsh_comparison_lookup_claim (self->comparison, rsh_claim_get_id (claim), &hidden);

  return hidden;
}

static guint
count_sources (RshClaimTable *self,
               RshClaim      *claim)
{
  gpointer cached;
  guint count = 0;

  if (self->source_ids == NULL)
    return 0;

  /* Sorting asks for each count many times: 200 sources make that expensive. */
  if (g_hash_table_lookup_extended (self->counts, claim, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  for (guint i = 0; i < self->source_ids->len; i++)
    {
      const char *source_id = g_ptr_array_index (self->source_ids, i);

      if (source_id != NULL &&
          rsh_claim_get_position (claim, source_id, NULL) != RSH_STANCE_ABSENT)
        count++;
    }
  g_hash_table_insert (self->counts, claim, GUINT_TO_POINTER (count));

  return count;
}

static guint
count_columns (RshClaimTable *self)
{
  return self->source_ids != NULL ? self->source_columns->len : 0;
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

/* Tracked claims stay on top whatever the column sorted by, and in either direction. */
static int
compare_tracked (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  gboolean tracked_a = rsh_claim_get_user_defined ((RshClaim *)a);
  gboolean tracked_b = rsh_claim_get_user_defined ((RshClaim *)b);

  if (tracked_a == tracked_b)
    return GTK_ORDERING_EQUAL;

  return tracked_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* Typographic quotes fold to plain ones, so "Kaspersky's" finds "Kaspersky’s". */
static gunichar
fold_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      return '-';
    default:
      return c;
    }
}

static char *
dup_haystack (RshClaim *claim)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);
  g_autoptr(GString) text = g_string_new (rsh_claim_get_text (claim));
  guint n = g_list_model_get_n_items (mentions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      const char *parts[] = {
        rsh_mention_get_quote (mention),
        rsh_mention_get_speaker (mention),
        rsh_mention_get_written_speaker (mention),
      };

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        if (parts[j] != NULL && parts[j][0] != '\0')
          {
            /* A separator no word contains, so words never match across two fields. */
            g_string_append_c (text, '\n');
            g_string_append (text, parts[j]);
          }
    }

  return rsh_claim_table_fold_text (text->str);
}

/* The search as it stands without an engine index: every folded word somewhere in the
 * claim's wording, its quotes or the names of their speakers. */
static gboolean
match_words_in_memory (RshClaim           *claim,
                       const char * const *words,
                       gpointer            user_data)
{
  RshClaimTable *self = user_data;
  const char *haystack;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  haystack = g_hash_table_lookup (self->haystacks, claim);
  if (haystack == NULL)
    {
      char *text = dup_haystack (claim);

      g_hash_table_insert (self->haystacks, claim, text);
      haystack = text;
    }

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
filter_claim_cb (gpointer item,
                 gpointer user_data)
{
  RshClaimTable *self = user_data;
  const char *id;

  if (self->search_words == NULL)
    return TRUE;

  if (self->match_ids != NULL)
    {
      id = rsh_claim_get_id (item);
      if (id != NULL && g_hash_table_contains (self->match_ids, id))
        return TRUE;
      /* The index holds the comparison's claims: the hidden ones are searched here. */
      return claim_is_hidden (self, item) &&
             self->match_func (item, (const char * const *)self->search_words, self->match_data);
    }

  return self->match_func (item, (const char * const *)self->search_words, self->match_data);
}

/* TRUE if every word of @wider is inside a word of @narrower: then whatever matches
 * @narrower matches @wider too, and a search grown by a letter only rechecks what it
 * shows. */
static gboolean
words_narrow (char **wider,
              char **narrower)
{
  if (wider == NULL)
    return TRUE;
  if (narrower == NULL)
    return FALSE;

  for (guint i = 0; wider[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; narrower[j] != NULL && !found; j++)
        found = strstr (narrower[j], wider[i]) != NULL;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static char **
split_search (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GPtrArray) words = NULL;

  if (text == NULL)
    return NULL;

  folded = rsh_claim_table_fold_text (text);
  pieces = g_strsplit_set (folded, " \t\r\n", -1);
  words = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  for (guint i = 0; pieces[i] != NULL; i++)
    if (pieces[i][0] != '\0' && !g_strv_contains ((const char * const *)words->pdata, pieces[i]))
      g_ptr_array_add (words, g_strdup (pieces[i]));

  if (words->len == 0)
    return NULL;

  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static gboolean
is_filtering (RshClaimTable *self)
{
  return self->search_cancellable != NULL || self->research_source != 0 ||
         gtk_filter_list_model_get_pending (self->filter_model) > 0;
}

static void
update_status (RshClaimTable *self)
{
  guint n_total = self->claims != NULL ? g_list_model_get_n_items (self->claims) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean pending = is_filtering (self);
  g_autofree char *text = NULL;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (self->search_words != NULL)
    /* Translators: how many claims match the search, out of all of them */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u claim", "%u of %u claims",
                                         n_total),
                            n_shown, n_total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_total),
                            n_total);
  gtk_label_set_label (self->count_label, text);

  /* While the filter still runs, an empty table only means "not found yet". */
  gtk_stack_set_visible_child_name (self->stack,
                                    self->search_words != NULL && !pending && n_shown == 0
                                    ? "no-matches" : "table");
}

/* TRUE if every id in @some is in @all. */
static gboolean
ids_within (GHashTable *some,
            GHashTable *all)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (some) > g_hash_table_size (all))
    return FALSE;

  g_hash_table_iter_init (&iter, some);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (all, id))
      return FALSE;

  return TRUE;
}

/* Filters the rows by the ids the index found (@ids, transfer full), or in memory when
 * %NULL. A set of ids inside the previous one only rechecks the rows shown. */
static void
set_match_ids (RshClaimTable *self,
               GHashTable    *ids)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->match_ids);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean changed = TRUE;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  /* Hidden claims are matched by words, which the id sets don't tell about. */
  if (self->filter_set && old != NULL && ids != NULL && !self->show_hidden)
    {
      gboolean narrower = ids_within (ids, old);
      gboolean wider = ids_within (old, ids);

      if (narrower && wider)
        changed = FALSE;
      else if (narrower)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (wider)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  self->match_ids = ids;
  if (!self->filter_set)
    {
      gtk_custom_filter_set_filter_func (self->filter, filter_claim_cb, self, NULL);
      self->filter_set = TRUE;
    }
  else if (changed)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  update_status (self);
}

static void
select_first_match (RshClaimTable *self)
{
  g_autoptr(RshClaim) first = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

  if (first != NULL)
    rsh_claim_table_select_claim (self, first);
}

static void
index_search_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SearchRequest *request = user_data;
  g_autoptr(RshClaimTable) self = request->table;
  g_autoptr(GCancellable) cancellable = request->cancellable;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  GHashTable *found = NULL;

  g_free (request);

  /* A newer search, another function or the end of the table: this answer is moot. */
  if (g_cancellable_is_cancelled (cancellable))
    return;

  ids = self->search_finish (result, self->search_data, &error);
  g_clear_object (&self->search_cancellable);

  if (ids != NULL)
    {
      found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i] != NULL; i++)
        g_hash_table_add (found, g_steal_pointer (&ids[i]));
    }
  else
    {
      /* The words held in memory still answer, only more slowly. */
      g_debug ("The search index failed, searching in memory: %s", error->message);
    }

  set_match_ids (self, found);

  if (self->select_first)
    {
      self->select_first = FALSE;
      select_first_match (self);
    }
}

static void
stop_index_search (RshClaimTable *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->research_source, g_source_remove);
  self->select_first = FALSE;
}

/* Asks the index for the claims matching the search; the rows shown stay until it
 * answers. */
static void
start_index_search (RshClaimTable *self)
{
  SearchRequest *request;

  g_assert (RSH_IS_CLAIM_TABLE (self));
  g_assert (self->search_func != NULL && self->search_text != NULL);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->research_source, g_source_remove);

  self->search_cancellable = g_cancellable_new ();
  request = g_new0 (SearchRequest, 1);
  request->table = g_object_ref (self);
  request->cancellable = g_object_ref (self->search_cancellable);
  self->search_func (self->search_text, self->search_cancellable, index_search_cb, request,
                     self->search_data);
}

static gboolean
research_cb (gpointer user_data)
{
  RshClaimTable *self = user_data;

  self->research_source = 0;
  if (self->search_func != NULL && self->search_words != NULL)
    start_index_search (self);
  update_status (self);

  return G_SOURCE_REMOVE;
}

static void
apply_search (RshClaimTable *self,
              const char    *text)
{
  g_auto(GStrv) old_words = NULL;
  GtkFilterChange change;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  old_words = g_steal_pointer (&self->search_words);
  self->search_words = split_search (text);

  if (old_words == NULL && self->search_words == NULL)
    return;

  if (self->search_func != NULL && self->search_words != NULL)
    {
      start_index_search (self);
      update_status (self);
      return;
    }

  stop_index_search (self);
  if (self->match_ids != NULL)
    {
      /* The rows were filtered by ids: whatever comes next is a different filter. */
      g_clear_pointer (&self->match_ids, g_hash_table_unref);
      g_clear_pointer (&old_words, g_strfreev);
    }

  if (words_narrow (old_words, self->search_words))
    change = words_narrow (self->search_words, old_words) ? GTK_FILTER_CHANGE_DIFFERENT
                                                          : GTK_FILTER_CHANGE_MORE_STRICT;
  else if (words_narrow (self->search_words, old_words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Equal word sets ("a b" and "b a") change nothing. */
  if (change == GTK_FILTER_CHANGE_DIFFERENT && old_words != NULL && self->search_words != NULL &&
      words_narrow (old_words, self->search_words) && words_narrow (self->search_words, old_words))
    return;

  /* Without a function the filter matches everything at once, not in idle steps: a new
   * comparison, or a search cleared, shows every row immediately. */
  if (self->search_words == NULL)
    {
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
      self->filter_set = FALSE;
    }
  else if (!self->filter_set)
    {
      gtk_custom_filter_set_filter_func (self->filter, filter_claim_cb, self, NULL);
      self->filter_set = TRUE;
    }
  else
    {
      if (old_words == NULL)
        change = GTK_FILTER_CHANGE_DIFFERENT;
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  update_status (self);
}

/* A source's column as the table knows it, whether a column of the view shows it now or not. */
typedef struct
{
  char *source_id;
  char *title;
  int   width;
} SourceColumn;

#define NO_SOURCE G_MAXUINT

/* What the cells of one column of the view share: its factory owns it. The column shows one
 * source at a time, and another one when scrolling across takes its source out of reach. */
typedef struct
{
  RshClaimTable *table;
  char          *source_id;
  guint          index;  /* in source_columns, or NO_SOURCE */
  GPtrArray     *cells;  /* the cells the factory made that are still alive */
} ColumnData;

static void
source_column_clear (SourceColumn *column)
{
  g_clear_pointer (&column->source_id, g_free);
  g_clear_pointer (&column->title, g_free);
}

static void
cell_finalized_cb (gpointer  user_data,
                   GObject  *cell)
{
  ColumnData *column = user_data;

  g_ptr_array_remove_fast (column->cells, cell);
}

static void
column_data_free (ColumnData *data)
{
  for (guint i = 0; i < data->cells->len; i++)
    g_object_weak_unref (g_ptr_array_index (data->cells, i), cell_finalized_cb, data);
  g_ptr_array_unref (data->cells);
  g_free (data->source_id);
  g_free (data);
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
  /* Hidden until bound, which also spares a pointer query (see bind_stance_cell()). */
  gtk_widget_set_visible (icon, FALSE);
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
  gboolean tracked = rsh_claim_get_user_defined (claim);

  g_object_set_data_full (G_OBJECT (box), CELL_CLAIM_KEY, g_object_ref (claim), g_object_unref);
  gtk_widget_set_visible (icon, tracked);
  gtk_label_set_label (GTK_LABEL (label), rsh_claim_get_text (claim));

  /* Hidden claims are listed only on demand, dimmed, and say so to screen readers. */
  if (claim_is_hidden (self, claim))
    {
      gtk_widget_add_css_class (box, "hidden-claim");
      gtk_widget_set_tooltip_text (box, _("Hidden claim: choose “Show Claim” to list it again"));
    }
  else
    {
      gtk_widget_remove_css_class (box, "hidden-claim");
      gtk_widget_set_tooltip_text (box, NULL);
    }

  /* The star is one cue; the row says it in words too. */
  if (tracked)
    {
      gtk_widget_add_css_class (box, "tracked");
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Tracked claim"),
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (box, "tracked");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
claim_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 RshClaimTable            *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), CELL_CLAIM_KEY, NULL);
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
  guint n = count_columns (self);
  guint count = count_sources (self, claim);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: how many sources mention a claim, out of all of them */
  text = g_strdup_printf (_("%u/%u"), count, n);
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mentioned by %u of %u source",
                                         "Mentioned by %u of %u sources", n),
                            count, n);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* Hidden while its tooltip changes: see bind_stance_cell(). */
  gtk_widget_set_visible (gtk_list_item_get_child (item), FALSE);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), spoken);
  gtk_widget_set_visible (gtk_list_item_get_child (item), TRUE);
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
                 ColumnData               *column)
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
  /* Followed to its end rather than to its teardown, after which the list item may no
   * longer say which cell was its own. */
  g_ptr_array_add (column->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), cell_finalized_cb, column);
}

static void
bind_stance_cell (RshClaimTable *self,
                  GtkWidget     *cell,
                  RshClaim      *claim,
                  const char    *source_id)
{
  GtkWidget *chip = gtk_widget_get_first_child (cell);
  GtkWidget *absent = gtk_widget_get_next_sibling (chip);
  RshMention *mention = NULL;
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
    mention = find_mention (self, claim, source_id);

  if (mention != NULL && rsh_mention_get_quote (mention) != NULL)
    {
      const char *speaker = lookup_speaker_name (self, mention);

      if (speaker != NULL && speaker[0] != '\0')
        /* Translators: a tooltip: the words a source used, then who said them */
        tooltip = g_strdup_printf (_("“%s”\n— %s"), rsh_mention_get_quote (mention), speaker);
      else
        tooltip = g_strdup_printf (_("“%s”"), rsh_mention_get_quote (mention));
    }

  /* On X11, GTK 4.8 asks the server where the pointer is each time a visible widget's
   * tooltip is set, a round trip per call: with a column of cells coming in at each step
   * of a scroll across, that was most of a frame. So the tooltip is set only when it
   * changes (most cells are silent and have none), with the cell hidden meanwhile, as
   * hidden widgets skip the query. */
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (cell)) != 0)
    {
      gtk_widget_set_visible (cell, FALSE);
      gtk_widget_set_tooltip_text (cell, tooltip);
      gtk_widget_set_visible (cell, TRUE);
    }
}

static void
stance_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnData               *column)
{
  bind_stance_cell (column->table, gtk_list_item_get_child (item), gtk_list_item_get_item (item),
                    column->source_id);
}

static void
stance_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ColumnData               *column)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), CELL_CLAIM_KEY, NULL);
  g_object_set_data (G_OBJECT (cell), CELL_SOURCE_KEY, NULL);
}

static gboolean
column_shown (RshClaimTable       *self,
              GtkColumnViewColumn *column,
              guint               *position)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) shown = g_list_model_get_item (columns, i);

      if (shown == column)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
hide_column (RshClaimTable       *self,
             GtkColumnViewColumn *column)
{
  if (column_shown (self, column, NULL))
    gtk_column_view_remove_column (self->view, column);
}

static ColumnData *
get_column_data (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (column)),
                            "rsh-column-data");
}

static void
remove_source_columns (RshClaimTable *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    hide_column (self, g_ptr_array_index (self->slots, i));
  hide_column (self, self->before_spacer);
  hide_column (self, self->after_spacer);
  g_ptr_array_set_size (self->slots, 0);
  g_array_set_size (self->source_columns, 0);
  self->live_first = self->live_end = 0;
}

static int
get_column_width (GtkColumnViewColumn *column,
                  int                  fallback)
{
  int width = gtk_column_view_column_get_fixed_width (column);

  return width > 0 ? width : fallback;
}

static GtkColumnViewColumn *
new_slot (RshClaimTable *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnData *data;

  /* The factory owns what its handlers share; the table outlives its columns. */
  data = g_new0 (ColumnData, 1);
  data->table = self;
  data->index = NO_SOURCE;
  data->cells = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (factory), "rsh-column-data", data,
                          (GDestroyNotify)column_data_free);
  g_signal_connect (factory, "setup", G_CALLBACK (stance_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (stance_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (stance_unbind_cb), data);

  column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);

  return column;
}

/* Turns @column over to the source at @index, cells and all: rebinding the cells it has
 * costs far less than making and measuring a column of new ones. */
static void
show_source (RshClaimTable       *self,
             GtkColumnViewColumn *column,
             guint                index)
{
  ColumnData *data = get_column_data (column);
  SourceColumn *source = &g_array_index (self->source_columns, SourceColumn, index);

  data->index = index;
  g_free (data->source_id);
  data->source_id = g_strdup (source->source_id);
  gtk_column_view_column_set_title (column, source->title);
  gtk_column_view_column_set_fixed_width (column, source->width);

  for (guint i = 0; i < data->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (data->cells, i);
      RshClaim *claim = rsh_claim_table_cell_get_claim (cell);

      /* A cell whose row is not bound gets the new source when it is. */
      if (claim != NULL)
        bind_stance_cell (self, cell, claim, data->source_id);
    }
}

/* GtkColumnView (in GTK 4.8) makes, lays out and draws a cell for every column of every row
 * it keeps (a hundred rows or more), seen or not: with 200 sources, 200 cells per row. So
 * only the sources near the visible part, from three quarters of a page before it to three
 * quarters after, have a column in the view, and two empty spacer columns as wide as the
 * others stand in for the rest, so the scrollbar and the positions don't move. Scrolling
 * across doesn't make new columns: the column whose source fell out of reach moves to the
 * other end and shows the source coming in. Their number only grows, and a column never
 * stands idle: the view shows a source or two more than it needs rather than drop one. */
static void
update_live_columns (RshClaimTable *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  guint n = self->source_columns->len;
  g_autofree GtkColumnViewColumn **shown_by = NULL;
  g_autoptr(GPtrArray) free_slots = NULL;
  guint first = n, end = 0;
  double x, before = 0, after = 0;
  double live_start = 0, live_end = 0;
  guint position;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (page <= 1)
    page = GUESSED_PAGE_WIDTH;

  /* A width the user dragged stays with its source. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      GtkColumnViewColumn *slot = g_ptr_array_index (self->slots, i);
      ColumnData *data = get_column_data (slot);

      if (data->index != NO_SOURCE)
        g_array_index (self->source_columns, SourceColumn, data->index).width =
          get_column_width (slot, SOURCE_COLUMN_WIDTH);
    }

  /* Moving a column makes GTK 4.8 measure and place every cell of every row again, so the
   * columns move several at a time, now and then: only when the visible part, give or take
   * a quarter of a page, is no longer within the live ones. */
  x = get_column_width (self->claim_column, CLAIM_COLUMN_WIDTH) +
      get_column_width (self->count_column, COUNT_COLUMN_WIDTH);
  for (guint i = 0; i < n; i++)
    {
      int width = g_array_index (self->source_columns, SourceColumn, i).width;

      if (i == self->live_first)
        live_start = x;
      if (i == self->live_end)
        live_end = x;
      if (x + width >= value - 0.75 * page && x <= value + 1.75 * page)
        {
          first = MIN (first, i);
          end = i + 1;
        }
      x += width;
    }
  if (self->live_end > self->live_first && self->live_end <= n &&
      (self->live_first == 0 || live_start <= value - 0.25 * page) &&
      (self->live_end == n || live_end >= value + 1.25 * page))
    return;

  if (first == n)
    first = end = 0;
  while (end - first < MIN (self->slots->len, n))
    {
      if (end < n)
        end++;
      else
        first--;
    }

  if (first == self->live_first && end == self->live_end)
    return;

  while (self->slots->len < end - first)
    g_ptr_array_add (self->slots, new_slot (self));

  /* Columns showing a source still in reach keep it; the others take the newcomers. */
  shown_by = g_new0 (GtkColumnViewColumn *, n);
  free_slots = g_ptr_array_new ();
  for (guint i = 0; i < self->slots->len; i++)
    {
      GtkColumnViewColumn *slot = g_ptr_array_index (self->slots, i);
      guint index = get_column_data (slot)->index;

      if (index >= first && index < end)
        shown_by[index] = slot;
      else
        g_ptr_array_add (free_slots, slot);
    }
  for (guint i = first; i < end; i++)
    if (shown_by[i] == NULL)
      {
        shown_by[i] = g_ptr_array_steal_index_fast (free_slots, free_slots->len - 1);
        show_source (self, shown_by[i], i);
      }

  for (guint i = 0; i < n; i++)
    {
      int width = g_array_index (self->source_columns, SourceColumn, i).width;

      if (i < first)
        before += width;
      else if (i >= end)
        after += width;
    }

  if (before <= 0)
    hide_column (self, self->before_spacer);
  if (after <= 0)
    hide_column (self, self->after_spacer);

  /* The claim and the count come first; then the spacer, the live columns, the spacer. */
  position = 2;
  if (before > 0)
    {
      gtk_column_view_column_set_fixed_width (self->before_spacer, (int)before);
      if (!column_shown (self, self->before_spacer, NULL))
        gtk_column_view_insert_column (self->view, position, self->before_spacer);
      position++;
    }
  for (guint i = first; i < end; i++)
    {
      guint shown_at;

      if (!column_shown (self, shown_by[i], &shown_at) || shown_at != position)
        gtk_column_view_insert_column (self->view, position, shown_by[i]);
      position++;
    }
  if (after > 0)
    {
      gtk_column_view_column_set_fixed_width (self->after_spacer, (int)after);
      if (!column_shown (self, self->after_spacer, NULL))
        gtk_column_view_append_column (self->view, self->after_spacer);
    }

  self->live_first = first;
  self->live_end = end;
}

static gboolean
update_live_columns_cb (gpointer user_data)
{
  RshClaimTable *self = user_data;

  self->live_columns_source = 0;
  update_live_columns (self);

  return G_SOURCE_REMOVE;
}

/* Scrolling happens during allocation: cells are made just after it, before the next
 * frame is drawn. */
static void
hadjustment_changed_cb (RshClaimTable *self,
                        GtkAdjustment *adjustment)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (self->live_columns_source == 0)
    self->live_columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_live_columns_cb,
                                                 self, NULL);
}

static void
add_source_columns (RshClaimTable *self)
{
  guint n = g_list_model_get_n_items (self->sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (self->sources, i);
      const char *source_id = g_ptr_array_index (self->source_ids, i);
      SourceColumn column;

      if (source_id == NULL)
        continue;

      column.source_id = g_strdup (source_id);
      column.title = dup_column_title (source);
      column.width = SOURCE_COLUMN_WIDTH;
      g_array_append_val (self->source_columns, column);
    }

  /* update_live_columns() gives the ones near the visible part a column of the view. */
  update_live_columns (self);
}

static void
view_activate_cb (RshClaimTable *self,
                  guint          position,
                  GtkColumnView *view)
{
  g_autoptr(RshClaim) claim = NULL;

  g_assert (RSH_IS_CLAIM_TABLE (self));

  claim = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  if (claim == NULL || self->source_ids == NULL)
    return;

  /* A whole row (Enter on it) opens the first source, left to right, that mentions it. */
  for (guint i = 0; i < self->source_ids->len; i++)
    {
      const char *source_id = g_ptr_array_index (self->source_ids, i);
      RshMention *mention;

      if (source_id == NULL ||
          rsh_claim_get_position (claim, source_id, NULL) == RSH_STANCE_ABSENT)
        continue;

      mention = find_mention (self, claim, source_id);
      if (mention != NULL)
        {
          g_signal_emit (self, signals[MENTION_ACTIVATED], 0, source_id, mention);
          return;
        }
    }
}

static void
search_changed_cb (RshClaimTable  *self,
                   GtkSearchEntry *entry)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search goes to the first match, as in a file chooser's location bar. */
static void
search_activate_cb (RshClaimTable  *self,
                    GtkSearchEntry *entry)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (self->search_cancellable != NULL || self->research_source != 0)
    self->select_first = TRUE;
  else
    select_first_match (self);
}

/* Closing the bar (Escape, its button) drops the search, so no claim stays hidden. */
static void
search_mode_notify_cb (RshClaimTable *self,
                       GParamSpec    *pspec,
                       GtkSearchBar  *bar)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (!gtk_search_bar_get_search_mode (bar))
    rsh_claim_table_set_search (self, NULL);
}

static void
filter_items_changed_cb (RshClaimTable *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  update_status (self);
}

static void
filter_pending_notify_cb (RshClaimTable *self,
                          GParamSpec    *pspec,
                          GObject       *model)
{
  update_status (self);
}

/* Matching in memory runs in slices from idle callbacks, so typing stays fluid on large
 * tables; ids from an index are looked up at once, so the rows change in one step rather
 * than in slices that each rebuild the rows they touch. */
static GtkFilterListModel *
new_filter_model (RshClaimTable *self,
                  gboolean       incremental)
{
  GtkFilterListModel *model;

  model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                     GTK_FILTER (g_object_ref (self->filter)));
  gtk_filter_list_model_set_incremental (model, incremental);
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::pending",
                           G_CALLBACK (filter_pending_notify_cb), self, G_CONNECT_SWAPPED);

  return model;
}

static void
clear_caches (RshClaimTable *self)
{
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->haystacks);
  g_hash_table_remove_all (self->cell_mentions);
  g_hash_table_remove_all (self->actor_names);
}

/* The rows: the claims, then (on demand) the hidden ones, which the engine keeps apart. */
static void
plug_claims (RshClaimTable *self)
{
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_list_store_remove_all (self->all_claims);
  if (self->claims == NULL)
    return;

  g_list_store_append (self->all_claims, self->claims);
  if (self->show_hidden && self->comparison != NULL)
    g_list_store_append (self->all_claims, rsh_comparison_get_hidden_claims (self->comparison));
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->flat_claims));
}

static void
show_claims (RshClaimTable *self,
             GListModel    *sources,
             GPtrArray     *source_ids,
             GListModel    *claims)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  /* Unplug the rows first so no cell binds against half-built columns. */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  remove_source_columns (self);
  clear_caches (self);

  g_clear_object (&self->sources);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  if (sources != NULL && claims != NULL)
    {
      self->sources = g_object_ref (sources);
      self->source_ids = g_ptr_array_ref (source_ids);
      self->claims = g_object_ref (claims);
      add_source_columns (self);
      gtk_sorter_changed (self->count_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      plug_claims (self);
    }

  /* The ids found were those of the previous claims. Asking again waits for an idle
   * moment, so that whoever handed over the claims has indexed them by then. */
  if (self->search_func != NULL && self->search_words != NULL)
    {
      g_cancellable_cancel (self->search_cancellable);
      g_clear_object (&self->search_cancellable);
      if (self->research_source == 0)
        self->research_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, research_cb, self, NULL);
    }

  update_status (self);
  update_actions (self);
}

/* Corrections: the table turns the user's choices into RshCorrection objects made against
 * its comparison and hands them on (RshClaimTable::correction-requested); whoever owns the
 * project stores them, so undo and redo stay in one place. */

static GPtrArray *
dup_selected_claims (RshClaimTable *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  GtkBitsetIter iter;
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      RshClaim *claim = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (claim != NULL)
        g_ptr_array_add (claims, claim);
    }

  return claims;
}

static guint
count_selected_hidden (RshClaimTable *self,
                       GPtrArray     *claims)
{
  guint n = 0;

  for (guint i = 0; i < claims->len; i++)
    if (claim_is_hidden (self, g_ptr_array_index (claims, i)))
      n++;

  return n;
}

/* The cell the menu was opened on, if its source mentions the claim. */
static RshMention *
get_context_mention (RshClaimTable *self)
{
  if (self->context_claim == NULL || self->context_source_id == NULL)
    return NULL;

  return find_mention (self, self->context_claim, self->context_source_id);
}

static void
set_action_enabled (RshClaimTable *self,
                    const char    *name,
                    gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (RshClaimTable *self)
{
  g_autoptr(GPtrArray) claims = NULL;
  RshMention *mention;
  gboolean editable;
  guint n_hidden;

  if (self->actions == NULL)
    return;

  claims = dup_selected_claims (self);
  n_hidden = count_selected_hidden (self, claims);
  editable = self->comparison != NULL;
  mention = editable ? get_context_mention (self) : NULL;

  set_action_enabled (self, "edit-wording", editable && claims->len == 1 && n_hidden == 0);
  set_action_enabled (self, "hide", editable && claims->len > n_hidden);
  set_action_enabled (self, "unhide", editable && n_hidden > 0);
  set_action_enabled (self, "merge", editable && claims->len >= 2 && n_hidden == 0);
  set_action_enabled (self, "merge-with",
                      editable && claims->len == 1 && n_hidden == 0 &&
                      g_list_model_get_n_items (rsh_comparison_get_claims (self->comparison)) >= 2);
  set_action_enabled (self, "split",
                      editable && claims->len == 1 && n_hidden == 0 &&
                      g_list_model_get_n_items (rsh_claim_get_mentions (claims->pdata[0])) >= 2);
  set_action_enabled (self, "set-stance", mention != NULL);
  set_action_enabled (self, "hedged", mention != NULL);
  set_action_enabled (self, "show-hidden", editable);
  set_action_enabled (self, "context-menu", claims->len > 0);
  set_action_enabled (self, "set-source-stance", editable && claims->len == 1 && n_hidden == 0);
  set_action_enabled (self, "toggle-source-hedged",
                      editable && claims->len == 1 && n_hidden == 0);

  if (mention != NULL)
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                              "set-stance")),
                                 g_variant_new_string (rsh_stance_to_string (rsh_mention_get_stance (mention))));
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                              "hedged")),
                                 g_variant_new_boolean (rsh_mention_get_hedged (mention)));
    }
}

static void
selection_changed_cb (RshClaimTable     *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  update_actions (self);
}

static void
request_correction (RshClaimTable *self,
                    RshCorrection *correction,
                    GError        *error)
{
  g_assert (RSH_IS_CLAIM_TABLE (self));

  if (correction != NULL)
    g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, correction, NULL);
  else if (error != NULL)
    g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, NULL, error->message);
}

static void
wording_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            RshClaimTable    *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *claim_id = g_object_get_data (G_OBJECT (dialog), "rsh-claim-id");
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL)
    return;

  correction = rsh_correction_new_set_wording (self->comparison, claim_id,
                                               gtk_editable_get_text (GTK_EDITABLE (entry)),
                                               &error);
  request_correction (self, correction, error);
}

static void
edit_wording_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RshClaimTable *self = user_data;
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  RshClaim *claim;

  if (claims->len != 1 || self->comparison == NULL)
    return;
  claim = g_ptr_array_index (claims, 0);

  dialog = rsh_text_dialog_new (GTK_WIDGET (self), _("Edit Wording"),
                                _("The claim is shown with these words everywhere, also "
                                  "after new sources arrive."),
                                _("Wording of the claim"), rsh_claim_get_text (claim),
                                _("_Change Wording"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "rsh-claim-id", g_strdup (rsh_claim_get_id (claim)),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (wording_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
hide_claims (RshClaimTable *self,
             gboolean       hide)
{
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);

  if (self->comparison == NULL)
    return;

  for (guint i = 0; i < claims->len; i++)
    {
      RshClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(RshCorrection) correction = NULL;
      g_autoptr(GError) error = NULL;

      if (claim_is_hidden (self, claim) == hide)
        continue;

      correction = rsh_correction_new_hide_claim (self->comparison, rsh_claim_get_id (claim), hide,
                                                  &error);
      request_correction (self, correction, error);
      /* Each correction replays the comparison: the others are made against the new one. */
      if (correction == NULL)
        break;
    }
}

static void
hide_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  hide_claims (user_data, TRUE);
}

static void
unhide_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  hide_claims (user_data, FALSE);
}

static void
merge_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RshClaimTable *self = user_data;
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (claims->len < 2 || self->comparison == NULL)
    return;

  for (guint i = 0; i < claims->len; i++)
    g_ptr_array_add (ids, (gpointer)rsh_claim_get_id (g_ptr_array_index (claims, i)));
  g_ptr_array_add (ids, NULL);

  correction = rsh_correction_new_merge_claims (self->comparison,
                                                (const char * const *)ids->pdata, &error);
  request_correction (self, correction, error);
}

static void
merge_with_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RshClaimTable    *self)
{
  RshClaim *other = rsh_choice_dialog_get_choice (dialog);
  const char *ids[3] = { g_object_get_data (G_OBJECT (dialog), "rsh-claim-id"), NULL, NULL };
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL || other == NULL)
    return;

  ids[1] = rsh_claim_get_id (other);
  correction = rsh_correction_new_merge_claims (self->comparison, ids, &error);
  request_correction (self, correction, error);
}

static gboolean
is_other_claim (gpointer item,
                gpointer user_data)
{
  return item != user_data;
}

/* Merge With…: one claim selected, the other picked in a list of every claim shown (hidden
 * claims are not in the comparison's list). */
static void
merge_with_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RshClaimTable *self = user_data;
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  GtkFilterListModel *others;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  RshClaim *claim;

  if (claims->len != 1 || self->comparison == NULL)
    return;

  claim = g_ptr_array_index (claims, 0);
  others = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (rsh_comparison_get_claims (self->comparison))),
                                      GTK_FILTER (gtk_custom_filter_new (is_other_claim,
                                                                         g_object_ref (claim),
                                                                         g_object_unref)));
  /* Translators: %s is a claim's wording */
  body = g_strdup_printf (_("Pick the claim that says the same as “%s”. The sources’ "
                            "statements on both become one claim’s."),
                          rsh_claim_get_text (claim));
  dialog = rsh_choice_dialog_new (GTK_WIDGET (self), _("Merge Claims"), body, _("Same claim as"),
                                  G_LIST_MODEL (others),
                                  gtk_property_expression_new (RSH_TYPE_CLAIM, NULL, "text"),
                                  _("_Merge"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-claim-id",
                          g_strdup (rsh_claim_get_id (claim)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_with_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
split_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RshClaimTable    *self)
{
  GtkWidget *checklist = adw_message_dialog_get_extra_child (dialog);
  const char *claim_id = g_object_get_data (G_OBJECT (dialog), "rsh-claim-id");
  g_auto(GStrv) ids = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL)
    return;

  ids = rsh_statement_checklist_dup_ticked (checklist, NULL);
  correction = rsh_correction_new_split_claim (self->comparison, claim_id,
                                               (const char * const *) ids, NULL, &error);
  request_correction (self, correction, error);
}

/* Something must move out, and something must stay. */
static void
update_split_response (AdwMessageDialog *dialog)
{
  guint n_rows;
  g_auto(GStrv) ticked =
    rsh_statement_checklist_dup_ticked (adw_message_dialog_get_extra_child (dialog), &n_rows);
  guint n_ticked = g_strv_length (ticked);

  adw_message_dialog_set_response_enabled (dialog, "apply", n_ticked > 0 && n_ticked < n_rows);
}

static void
split_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RshClaimTable *self = user_data;
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  AdwMessageDialog *dialog;
  GListModel *mentions;
  GtkWidget *checklist;
  RshClaim *claim;

  if (claims->len != 1 || self->comparison == NULL)
    return;
  claim = g_ptr_array_index (claims, 0);
  mentions = rsh_claim_get_mentions (claim);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    g_ptr_array_add (statements, g_list_model_get_item (mentions, i));

  checklist = rsh_statement_checklist_new (self->comparison, statements,
                                           _("Statements of the claim"));
  dialog = rsh_question_dialog_new (GTK_WIDGET (self), _("Split Claim"),
                                    _("Check the statements that make another claim. They move "
                                      "to a new row; the others stay."),
                                    checklist, _("_Split"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-claim-id", g_strdup (rsh_claim_get_id (claim)),
                          g_free);
  update_split_response (dialog);
  rsh_statement_checklist_connect (checklist, G_CALLBACK (update_split_response), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_stance (RshClaimTable *self,
               RshStance      stance,
               int            hedged)
{
  RshMention *mention = get_context_mention (self);
  g_autofree char *mention_id = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (mention == NULL || self->comparison == NULL)
    return;

  mention_id = rsh_correction_dup_mention_id (mention);
  correction = rsh_correction_new_set_stance (self->comparison, mention_id, stance, hedged,
                                              &error);
  request_correction (self, correction, error);
}

static void
set_stance_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RshClaimTable *self = user_data;
  RshStance stance;

  if (!rsh_stance_from_string (g_variant_get_string (parameter, NULL), &stance))
    return;

  change_stance (self, stance, RSH_CORRECTION_KEEP_HEDGED);
}

static void
hedged_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RshClaimTable *self = user_data;
  RshMention *mention = get_context_mention (self);

  if (mention == NULL)
    return;

  change_stance (self, rsh_mention_get_stance (mention), !rsh_mention_get_hedged (mention));
}

/* From the keyboard, where no cell has the focus: the selected claim's statement in the
 * source given, as a right click on that cell would have chosen. */
static gboolean
set_context_source (RshClaimTable *self,
                    const char    *source_id)
{
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);

  if (claims->len != 1)
    return FALSE;

  set_context (self, g_ptr_array_index (claims, 0), source_id);

  return get_context_mention (self) != NULL;
}

static void
set_source_stance_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RshClaimTable *self = user_data;
  const char *source_id = NULL;
  const char *name = NULL;
  RshStance stance;

  g_variant_get (parameter, "(&s&s)", &source_id, &name);
  if (!rsh_stance_from_string (name, &stance) || !set_context_source (self, source_id))
    return;

  change_stance (self, stance, RSH_CORRECTION_KEEP_HEDGED);
}

static void
toggle_source_hedged_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RshClaimTable *self = user_data;

  if (!set_context_source (self, g_variant_get_string (parameter, NULL)))
    return;

  hedged_action (NULL, NULL, self);
}

static void
show_hidden_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RshClaimTable *self = user_data;
  GVariant *state = g_action_get_state (G_ACTION (action));

  rsh_claim_table_set_show_hidden (self, !g_variant_get_boolean (state));
  g_variant_unref (state);
}

static char *
replace_underscores (char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  g_free (text);

  return g_strjoinv ("__", parts);
}

/* Without a cell (Shift+F10 on a row): a submenu per source that mentions the one selected
 * claim, so stances can be changed from the keyboard too. */
static void
append_source_stances (RshClaimTable *self,
                       GMenu         *menu)
{
  static const RshStance stances[] = {
    RSH_STANCE_REPORTS, RSH_STANCE_CONFIRMS, RSH_STANCE_DENIES, RSH_STANCE_DISPUTES
  };
  static const char * const labels[] = {
    N_("_Reports"), N_("_Confirms"), N_("_Denies"), N_("_Disputes")
  };
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  g_autoptr(GMenu) sources = NULL;
  g_autoptr(GMenu) section = NULL;
  RshClaim *claim;

  if (claims->len != 1 || self->source_ids == NULL || self->comparison == NULL)
    return;
  claim = g_ptr_array_index (claims, 0);
  if (claim_is_hidden (self, claim))
    return;

  sources = g_menu_new ();
  for (guint i = 0; i < self->source_ids->len; i++)
    {
      const char *source_id = g_ptr_array_index (self->source_ids, i);
      g_autoptr(RshSource) source = NULL;
      g_autoptr(GMenu) choices = NULL;
      g_autoptr(GMenu) hedge = NULL;
      g_autofree char *title = NULL;
      g_autofree char *hedge_action = NULL;

      if (source_id == NULL || find_mention (self, claim, source_id) == NULL)
        continue;

      choices = g_menu_new ();
      for (guint j = 0; j < G_N_ELEMENTS (stances); j++)
        {
          g_autofree char *target = g_strdup_printf ("claims.set-source-stance(('%s','%s'))",
                                                     source_id,
                                                     rsh_stance_to_string (stances[j]));

          g_menu_append (choices, _(labels[j]), target);
        }
      hedge = g_menu_new ();
      hedge_action = g_strdup_printf ("claims.toggle-source-hedged('%s')", source_id);
      g_menu_append (hedge, _("Toggle _Hedged"), hedge_action);
      g_menu_append_section (choices, NULL, G_MENU_MODEL (hedge));

      source = g_list_model_get_item (self->sources, i);
      title = source != NULL && rsh_source_get_outlet (source) != NULL
              ? g_strdup (rsh_source_get_outlet (source)) : g_strdup (source_id);
      /* An outlet's name is no mnemonic. */
      title = replace_underscores (title);
      g_menu_append_submenu (sources, title, G_MENU_MODEL (choices));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (sources)) == 0)
    return;

  section = g_menu_new ();
  g_menu_append_submenu (section, _("Change _Stance"), G_MENU_MODEL (sources));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static GMenuModel *
build_context_menu (RshClaimTable *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) claim_section = g_menu_new ();
  g_autoptr(GMenu) hide_section = g_menu_new ();

  if (get_context_mention (self) != NULL)
    {
      g_autoptr(GMenu) stance_section = g_menu_new ();
      g_autoptr(GMenu) stances = g_menu_new ();
      g_autoptr(GMenu) hedge_section = g_menu_new ();

      g_menu_append (stances, _("_Reports"), "claims.set-stance::reports");
      g_menu_append (stances, _("_Confirms"), "claims.set-stance::confirms");
      g_menu_append (stances, _("_Denies"), "claims.set-stance::denies");
      g_menu_append (stances, _("_Disputes"), "claims.set-stance::disputes");
      g_menu_append (hedge_section, _("_Hedged"), "claims.hedged");
      g_menu_append_section (stances, NULL, G_MENU_MODEL (hedge_section));
      g_menu_append_submenu (stance_section, _("Change _Stance"), G_MENU_MODEL (stances));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (stance_section));
    }
  else
    append_source_stances (self, menu);

  g_menu_append (claim_section, _("_Edit Wording…"), "claims.edit-wording");
  g_menu_append (claim_section, _("_Merge Claims"), "claims.merge");
  g_menu_append (claim_section, _("Merge _With…"), "claims.merge-with");
  g_menu_append (claim_section, _("S_plit Claim…"), "claims.split");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (claim_section));

  g_menu_append (hide_section, _("_Hide Claim"), "claims.hide");
  if (self->show_hidden)
    g_menu_append (hide_section, _("Sho_w Claim"), "claims.unhide");
  g_menu_append (hide_section, _("Show Hi_dden Claims"), "claims.show-hidden");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (hide_section));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
find_cell_at (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (RSH_IS_CLAIM_TABLE (widget))
        return NULL;
      if (g_object_get_data (G_OBJECT (widget), CELL_CLAIM_KEY) != NULL)
        return widget;
    }

  return NULL;
}

static void
set_context (RshClaimTable *self,
             RshClaim      *claim,
             const char    *source_id)
{
  g_set_object (&self->context_claim, claim);
  g_free (self->context_source_id);
  self->context_source_id = g_strdup (source_id);
}

/* The menu acts on the selection; a click outside it selects the row under the pointer. */
static void
select_for_menu (RshClaimTable *self,
                 RshClaim      *claim)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) row = g_list_model_get_item (rows, i);

      if (row == claim)
        {
          if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return;
        }
    }
}

static void
popup_menu_at (RshClaimTable *self,
               GtkWidget     *cell,
               double         x,
               double         y)
{
  RshClaim *claim = cell != NULL ? rsh_claim_table_cell_get_claim (cell) : NULL;
  g_autoptr(GMenuModel) model = NULL;

  if (claim != NULL)
    {
      select_for_menu (self, claim);
      set_context (self, claim, rsh_claim_table_cell_get_source_id (cell));
    }
  else
    set_context (self, NULL, NULL);

  update_actions (self);
  model = build_context_menu (self);
  /* Made on first use: a popover that was never shown stays out of the table's frames. */
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                                 &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
view_secondary_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           RshClaimTable   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *cell = find_cell_at (picked);
  double tx = x, ty = y;

  if (cell == NULL)
    return;

  gtk_widget_translate_coordinates (GTK_WIDGET (self->view), GTK_WIDGET (self), x, y, &tx, &ty);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, cell, tx, ty);
}

/* Shift+F10 or the Menu key: the menu of the selected rows, from the focused cell if any. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  RshClaimTable *self = RSH_CLAIM_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) claims = dup_selected_claims (self);
  GtkWidget *cell = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view)))
    cell = find_cell_at (focus);

  if (cell == NULL && claims->len == 0)
    return FALSE;

  popup_menu_at (self, cell, -1, -1);
  if (cell == NULL && claims->len > 0)
    set_context (self, NULL, NULL);

  return TRUE;
}

static void
context_menu_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  menu_key_cb (GTK_WIDGET (user_data), NULL, NULL);
}

static const GActionEntry claim_actions[] = {
  { "edit-wording", edit_wording_action },
  { "hide", hide_action },
  { "unhide", unhide_action },
  { "merge", merge_action },
  { "merge-with", merge_with_action },
  { "split", split_action },
  { "set-stance", set_stance_action, "s", "'reports'" },
  { "hedged", hedged_action, NULL, "false" },
  { "show-hidden", show_hidden_action, NULL, "false" },
  { "context-menu", context_menu_action },
  { "set-source-stance", set_source_stance_action, "(ss)" },
  { "toggle-source-hedged", toggle_source_hedged_action, "s" },
};

static void
rsh_claim_table_dispose (GObject *object)
{
  RshClaimTable *self = (RshClaimTable *)object;

  /* The models go before the widgets that report on them. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  /* A window may hold the actions longer than the table lives. */
  if (self->actions != NULL)
    {
      g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->actions));

      for (guint i = 0; names[i] != NULL; i++)
        set_action_enabled (self, names[i], FALSE);
    }

  g_clear_handle_id (&self->live_columns_source, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RSH_TYPE_CLAIM_TABLE);

  g_clear_object (&self->claim_column);
  g_clear_object (&self->count_column);
  g_clear_object (&self->count_sorter);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->flat_claims);
  g_clear_object (&self->all_claims);
  g_clear_object (&self->actions);
  g_clear_object (&self->context_claim);
  g_clear_object (&self->comparison);
  g_clear_object (&self->sources);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  if (self->match_destroy != NULL)
    g_clear_pointer (&self->match_data, self->match_destroy);
  self->match_destroy = NULL;
  stop_index_search (self);
  if (self->search_destroy != NULL)
    g_clear_pointer (&self->search_data, self->search_destroy);
  self->search_destroy = NULL;
  self->search_func = NULL;
  self->search_finish = NULL;

  G_OBJECT_CLASS (rsh_claim_table_parent_class)->dispose (object);
}

static void
rsh_claim_table_finalize (GObject *object)
{
  RshClaimTable *self = (RshClaimTable *)object;

  g_clear_pointer (&self->source_columns, g_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->before_spacer);
  g_clear_object (&self->after_spacer);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->cell_mentions, g_hash_table_unref);
  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->match_ids, g_hash_table_unref);
  g_clear_pointer (&self->context_source_id, g_free);

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

  /**
   * RshClaimTable::correction-requested:
   * @self: the table
   * @correction: (nullable): the correction the user asked for, made against the comparison
   * @message: (nullable): why the correction could not be made, when @correction is %NULL
   *
   * The user merged, split, hid, showed or reworded claims, or changed a stance. The
   * owner of the project applies @correction (rsh_project_apply_correction()).
   */
  signals[CORRECTION_REQUESTED] =
    g_signal_new ("correction-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RSH_TYPE_CORRECTION, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);

  rsh_application_ensure_resources ();
  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-claim-table.ui");
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, box);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, stack);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, RshClaimTable, view);
  gtk_widget_class_bind_template_callback (widget_class, view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_notify_cb);

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
  GtkGesture *secondary;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_columns = g_array_new (FALSE, FALSE, sizeof (SourceColumn));
  g_array_set_clear_func (self->source_columns, (GDestroyNotify)source_column_clear);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  /* Empty columns holding the place of the source columns out of the view's reach. */
  self->before_spacer = gtk_column_view_column_new (NULL, NULL);
  self->after_spacer = gtk_column_view_column_new (NULL, NULL);
  self->counts = g_hash_table_new (NULL, NULL);
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->cell_mentions = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify)g_hash_table_unref);
  self->actor_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->match_func = match_words_in_memory;
  self->match_data = self;

  g_signal_connect (claim_factory, "setup", G_CALLBACK (claim_setup_cb), self);
  g_signal_connect (claim_factory, "bind", G_CALLBACK (claim_bind_cb), self);
  g_signal_connect (claim_factory, "unbind", G_CALLBACK (claim_unbind_cb), self);
  self->claim_column = gtk_column_view_column_new (_("Claim"), g_steal_pointer (&claim_factory));
  gtk_column_view_column_set_expand (self->claim_column, TRUE);
  gtk_column_view_column_set_fixed_width (self->claim_column, CLAIM_COLUMN_WIDTH);
  gtk_column_view_column_set_resizable (self->claim_column, TRUE);
  claim_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_wording, NULL, NULL));
  gtk_column_view_column_set_sorter (self->claim_column, claim_sorter);
  gtk_column_view_append_column (self->view, self->claim_column);

  g_signal_connect (count_factory, "setup", G_CALLBACK (count_setup_cb), self);
  g_signal_connect (count_factory, "bind", G_CALLBACK (count_bind_cb), self);
  /* Translators: the header of the column counting the sources that mention each claim */
  self->count_column = gtk_column_view_column_new (_("Sources"), g_steal_pointer (&count_factory));
  gtk_column_view_column_set_fixed_width (self->count_column, COUNT_COLUMN_WIDTH);
  self->count_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_count, self, NULL));
  gtk_column_view_column_set_sorter (self->count_column, self->count_sorter);
  gtk_column_view_append_column (self->view, self->count_column);

  /* Tracked claims first, then the header's choice, then the wording to break ties. */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (compare_tracked,
                                                                      NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->view)));
  wording_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_wording, NULL, NULL));
  gtk_multi_sorter_append (sorter, g_object_ref (wording_sorter));
  self->sort_model = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  self->all_claims = g_list_store_new (G_TYPE_LIST_MODEL);
  self->flat_claims = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->all_claims)));

  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filter_model = new_filter_model (self, TRUE);

  /* Ctrl- and Shift-click select several rows, for merging them. */
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), claim_actions,
                                   G_N_ELEMENTS (claim_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "claims", G_ACTION_GROUP (self->actions));

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (view_secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  /* Typing on the table starts a search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  rsh_claim_table_sort_by_sources (self);
  update_status (self);
  update_actions (self);
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
 * because each analysis may bring other sources. The search in progress stays.
 */
void
rsh_claim_table_set_comparison (RshClaimTable *self,
                                RshComparison *comparison)
{
  g_autoptr(GPtrArray) source_ids = NULL;

  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));
  g_return_if_fail (comparison == NULL || RSH_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  if (comparison != NULL)
    {
      GListModel *sources = rsh_comparison_get_sources (comparison);
      guint n = g_list_model_get_n_items (sources);

      source_ids = g_ptr_array_new_full (n, g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (source_ids, g_strdup (rsh_comparison_get_source_id (comparison, i)));
      show_claims (self, sources, source_ids, rsh_comparison_get_claims (comparison));
    }
  else
    show_claims (self, NULL, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * rsh_claim_table_set_claims:
 * @self: a #RshClaimTable
 * @sources: (nullable): a #GListModel of #RshSource, one column each, by rsh_source_get_id()
 * @claims: (nullable): a #GListModel of #RshClaim, one row each
 *
 * Shows claims that come from somewhere other than a comparison (a saved selection, a
 * benchmark). Sources without an id get no column. rsh_claim_table_get_comparison() is
 * %NULL afterwards.
 */
void
rsh_claim_table_set_claims (RshClaimTable *self,
                            GListModel    *sources,
                            GListModel    *claims)
{
  g_autoptr(GPtrArray) source_ids = NULL;

  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));
  g_return_if_fail (sources == NULL || G_IS_LIST_MODEL (sources));
  g_return_if_fail (claims == NULL || G_IS_LIST_MODEL (claims));

  if (self->comparison != NULL)
    {
      g_clear_object (&self->comparison);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
    }

  if (sources == NULL || claims == NULL)
    {
      show_claims (self, NULL, NULL, NULL);
      return;
    }

  source_ids = g_ptr_array_new_full (g_list_model_get_n_items (sources), g_free);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      g_ptr_array_add (source_ids, g_strdup (rsh_source_get_id (source)));
    }
  show_claims (self, sources, source_ids, claims);
}

/**
 * rsh_claim_table_get_model:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer none): the claims shown, in the order shown: sorted, and filtered by
 *   the search (which runs in steps: see rsh_claim_table_get_filtering())
 */
GListModel *
rsh_claim_table_get_model (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
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
 * Orders the claims alphabetically, as a click on the "Claim" header does. Tracked claims
 * stay first.
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
 * Puts the claims most sources mention first (the default), after the tracked claims.
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
 * @cell: a stance cell or a claim cell of a #RshClaimTable
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
  RshMention *mention;

  g_return_val_if_fail (GTK_IS_WIDGET (cell), FALSE);

  table = gtk_widget_get_ancestor (cell, RSH_TYPE_CLAIM_TABLE);
  claim = rsh_claim_table_cell_get_claim (cell);
  source_id = rsh_claim_table_cell_get_source_id (cell);
  if (table == NULL || claim == NULL || source_id == NULL)
    return FALSE;

  mention = find_mention (RSH_CLAIM_TABLE (table), claim, source_id);
  if (mention == NULL)
    return FALSE;

  g_signal_emit (table, signals[MENTION_ACTIVATED], 0, source_id, mention);

  return TRUE;
}

/**
 * rsh_claim_table_start_search:
 * @self: a #RshClaimTable
 *
 * Shows the search bar and puts the focus in its entry, keeping what it held.
 */
void
rsh_claim_table_start_search (RshClaimTable *self)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rsh_claim_table_get_search:
 * @self: a #RshClaimTable
 *
 * Returns: (nullable): the search the rows are filtered by, as typed
 */
const char *
rsh_claim_table_get_search (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return self->search_words != NULL ? self->search_text : NULL;
}

/**
 * rsh_claim_table_set_search:
 * @self: a #RshClaimTable
 * @text: (nullable): words to search for, or %NULL to show every claim
 *
 * Filters the rows at once, without the entry's typing delay, and shows the search bar
 * while there is a search. A claim is shown if each word, ignoring case and accents, is in
 * its wording or in one of its quotes or speakers' names (or whatever the match function
 * set with rsh_claim_table_set_match_func() decides).
 */
void
rsh_claim_table_set_search (RshClaimTable *self,
                            const char    *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  apply_search (self, copy);
  /* Setting the text empties the entry first, and an empty search entry reports at once:
   * that half-way state must not reach the filter. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), copy) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), copy);
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
    }
  if (self->search_words != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

/**
 * rsh_claim_table_get_filtering:
 * @self: a #RshClaimTable
 *
 * Returns: %TRUE while the search waits for the index or has claims left to check
 */
gboolean
rsh_claim_table_get_filtering (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), FALSE);

  return is_filtering (self);
}

/**
 * rsh_claim_table_get_count_text:
 * @self: a #RshClaimTable
 *
 * Returns: what the search bar says of the rows, such as "12 of 60 claims"
 */
const char *
rsh_claim_table_get_count_text (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return gtk_label_get_label (self->count_label);
}

/**
 * rsh_claim_table_get_no_matches:
 * @self: a #RshClaimTable
 *
 * Returns: %TRUE if the table shows "No Claims Match" instead of rows
 */
gboolean
rsh_claim_table_get_no_matches (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "no-matches") == 0;
}

/**
 * rsh_claim_table_set_match_func:
 * @self: a #RshClaimTable
 * @func: (nullable): decides whether a claim matches the searched words, or %NULL for the
 *   built-in search of the wording, quotes and speakers held in memory
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Replaces how a search matches claims, for instance with a lookup in the project's
 * full-text index. The search runs again with the new function.
 */
void
rsh_claim_table_set_match_func (RshClaimTable    *self,
                                RshClaimMatchFunc func,
                                gpointer          user_data,
                                GDestroyNotify    destroy)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  if (self->match_destroy != NULL)
    self->match_destroy (self->match_data);

  if (func != NULL)
    {
      self->match_func = func;
      self->match_data = user_data;
      self->match_destroy = destroy;
    }
  else
    {
      self->match_func = match_words_in_memory;
      self->match_data = self;
      self->match_destroy = NULL;
    }

  if (self->search_words != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * rsh_claim_table_set_search_func:
 * @self: a #RshClaimTable
 * @func: (nullable): starts looking up the claims that match a search, or %NULL to match
 *   in memory (see rsh_claim_table_set_match_func())
 * @finish: (nullable): gives the ids @func found; %NULL exactly when @func is
 * @user_data: data for @func and @finish
 * @destroy: (nullable): frees @user_data
 *
 * Lets an index answer the search, such as the full-text index of the project
 * (rsh_project_search_claims_async()). Each change of the search asks @func once; the
 * rows shown stay until the answer comes, then the table keeps the claims whose ids it
 * holds (hidden claims, which the index doesn't hold, are still matched in memory). When
 * the claims change, the search is asked again from an idle callback. If @finish fails,
 * that search falls back on the words held in memory.
 */
void
rsh_claim_table_set_search_func (RshClaimTable            *self,
                                 RshClaimSearchFunc        func,
                                 RshClaimSearchFinishFunc  finish,
                                 gpointer                  user_data,
                                 GDestroyNotify            destroy)
{
  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));
  g_return_if_fail ((func == NULL) == (finish == NULL));

  stop_index_search (self);
  if (self->search_destroy != NULL)
    self->search_destroy (self->search_data);

  /* A new model rather than gtk_filter_list_model_set_incremental(): GTK 4.8 loses
   * track of the rows when that turns incremental filtering off. */
  if (gtk_filter_list_model_get_incremental (self->filter_model) != (func == NULL))
    {
      g_autoptr(GtkFilterListModel) old = g_steal_pointer (&self->filter_model);

      g_signal_handlers_disconnect_by_data (old, self);
      self->filter_model = new_filter_model (self, func == NULL);
      gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->filter_model));
    }

  self->search_func = func;
  self->search_finish = finish;
  self->search_data = user_data;
  self->search_destroy = destroy;

  if (self->search_words == NULL)
    return;

  if (func != NULL)
    {
      start_index_search (self);
      update_status (self);
    }
  else
    {
      set_match_ids (self, NULL);
    }
}

/**
 * rsh_claim_table_fold_text:
 * @text: text in UTF-8
 *
 * Folds @text for searching: lower case, accents dropped, typographic quotes and dashes
 * made plain, so "Peña’s" and "pena's" are equal.
 *
 * Returns: (transfer full): the folded text
 */
char *
rsh_claim_table_fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch ((int)g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          g_string_append_unichar (out, fold_punctuation (c));
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * rsh_claim_table_select_claim:
 * @self: a #RshClaimTable
 * @claim: a claim of the table
 *
 * Selects the row of @claim and scrolls to it. A search that hides it is cleared first.
 *
 * Returns: %TRUE if @claim is in the table
 */
gboolean
rsh_claim_table_select_claim (RshClaimTable *self,
                              RshClaim      *claim)
{
  GListModel *rows;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), FALSE);
  g_return_val_if_fail (RSH_IS_CLAIM (claim), FALSE);

  for (guint pass = 0; pass < 2 && position == GTK_INVALID_LIST_POSITION; pass++)
    {
      rows = G_LIST_MODEL (self->filter_model);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(RshClaim) row = g_list_model_get_item (rows, i);

          if (row == claim)
            {
              position = i;
              break;
            }
        }

      /* Hidden by the search: showing everything again is synchronous (no words). */
      if (position == GTK_INVALID_LIST_POSITION && pass == 0)
        {
          if (self->search_words == NULL)
            break;
          rsh_claim_table_set_search (self, NULL);
        }
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  rsh_gui_column_view_scroll_to (self->view, position);

  return TRUE;
}

/**
 * rsh_claim_table_get_selected_claim:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer none) (nullable): the claim of the selected row
 */
RshClaim *
rsh_claim_table_get_selected_claim (RshClaimTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(RshClaim) claim = NULL;

  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return NULL;

  /* The rows hold the claims, so the reference given back stays good. */
  claim = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));

  return claim;
}

/**
 * rsh_claim_table_get_selected_claims:
 * @self: a #RshClaimTable
 *
 * Returns: (transfer container) (element-type RshClaim): the claims of the selected rows,
 *   in the order shown
 */
GPtrArray *
rsh_claim_table_get_selected_claims (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return dup_selected_claims (self);
}

/**
 * rsh_claim_table_select_claims:
 * @self: a #RshClaimTable
 * @claims: (element-type RshClaim): claims of the table
 *
 * Selects the rows of @claims, and only them, as Ctrl-clicks would.
 *
 * Returns: how many of @claims were found among the rows
 */
guint
rsh_claim_table_select_claims (RshClaimTable *self,
                               GPtrArray     *claims)
{
  GListModel *rows;
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n, found = 0;

  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), 0);
  g_return_val_if_fail (claims != NULL, 0);

  rows = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) row = g_list_model_get_item (rows, i);

      if (g_ptr_array_find (claims, row, NULL))
        {
          gtk_bitset_add (wanted, i);
          found++;
        }
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);

  return found;
}

/**
 * rsh_claim_table_get_action_group:
 * @self: a #RshClaimTable
 *
 * The table's correction actions ("edit-wording", "hide", "unhide", "merge", "split",
 * "set-stance", "hedged", "show-hidden", "context-menu"), which the table inserts as
 * "claims"; a window inserts the same group to offer them in its own menu.
 *
 * Returns: (transfer none): the actions
 */
GActionGroup *
rsh_claim_table_get_action_group (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/**
 * rsh_claim_table_get_show_hidden:
 * @self: a #RshClaimTable
 *
 * Returns: %TRUE if the claims the user hid are listed too, dimmed
 */
gboolean
rsh_claim_table_get_show_hidden (RshClaimTable *self)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), FALSE);

  return self->show_hidden;
}

/**
 * rsh_claim_table_set_show_hidden:
 * @self: a #RshClaimTable
 * @show_hidden: whether to list the hidden claims
 *
 * Lists the claims the user hid after the others, dimmed, so they can be shown again.
 */
void
rsh_claim_table_set_show_hidden (RshClaimTable *self,
                                 gboolean       show_hidden)
{
  GAction *action;

  g_return_if_fail (RSH_IS_CLAIM_TABLE (self));

  show_hidden = !!show_hidden;
  if (self->show_hidden == show_hidden)
    return;

  self->show_hidden = show_hidden;
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show-hidden");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (show_hidden));
  plug_claims (self);
  update_status (self);
  update_actions (self);
}

/**
 * rsh_claim_table_popup_menu:
 * @self: a #RshClaimTable
 * @cell: (nullable): a cell of the table, or %NULL for the selected rows
 *
 * Opens the context menu as a right click on @cell (or Shift+F10) does: the row of @cell
 * joins the selection, and a stance cell adds "Change Stance".
 *
 * Returns: (transfer none): the menu's popover
 */
GtkWidget *
rsh_claim_table_popup_menu (RshClaimTable *self,
                            GtkWidget     *cell)
{
  g_return_val_if_fail (RSH_IS_CLAIM_TABLE (self), NULL);
  g_return_val_if_fail (cell == NULL || GTK_IS_WIDGET (cell), NULL);

  if (cell != NULL)
    {
      double x, y;

      if (gtk_widget_translate_coordinates (cell, GTK_WIDGET (self), 4, 4, &x, &y))
        popup_menu_at (self, cell, x, y);
      else
        popup_menu_at (self, cell, -1, -1);
    }
  else
    popup_menu_at (self, NULL, -1, -1);

  return self->context_menu;
}
