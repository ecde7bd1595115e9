/* rsh-reader-view.c: one source's text, with who said what marked in it
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rsh-reader-view.h"
#include "rsh-stance-chip.h"
#include "rsh-text-dialog.h"

typedef struct
{
  RshMention *mention;
  int         speaker_start;
  int         speaker_end;
  int         cue_start;
  int         cue_end;
} MentionSpans;

struct _RshReaderView
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkBox        *box;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *legend_label;
  GtkScrolledWindow *text_scroller;
  GtkTextView   *text_view;
  GtkStack      *actors_stack;
  GtkListBox    *actors_list;

  /* owned */
  RshSource     *source;
  RshComparison *comparison;
  GListStore    *mentions;
  GListStore    *actors;
  GHashTable    *counts;
  GArray        *spans;
  GArray        *anchor_offsets;
  char          *selected_actor;
  GtkWidget     *actor_menu;
  GtkTextTag    *stance_tags[RSH_STANCE_ABSENT + 1];
  GtkTextTag    *speaker_tag;
  GtkTextTag    *cue_tag;
  GtkTextTag    *content_tag;
  GtkTextTag    *highlight_tag;
  guint          selecting : 1;
};

G_DEFINE_FINAL_TYPE (RshReaderView, rsh_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_SELECTED_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CORRECTION_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_correction_actions (RshReaderView *self);

static const char * const stance_names[] = { "reports", "confirms", "denies", "disputes", "absent" };

static void
mention_spans_clear (MentionSpans *spans)
{
  g_clear_object (&spans->mention);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  guint start_a = rsh_mention_get_start ((RshMention *) a);
  guint start_b = rsh_mention_get_start ((RshMention *) b);

  return start_a < start_b ? -1 : start_a > start_b ? 1 : 0;
}

/* Where the engine found the statement's speaker and cue; -1 where they aren't written. */
static void
locate_speaker_and_cue (MentionSpans *spans)
{
  guint start, end;

  spans->speaker_start = spans->speaker_end = -1;
  spans->cue_start = spans->cue_end = -1;

  if (rsh_mention_get_speaker_span (spans->mention, &start, &end))
    {
      spans->speaker_start = (int) start;
      spans->speaker_end = (int) end;
    }
  if (rsh_mention_get_cue_span (spans->mention, &start, &end))
    {
      spans->cue_start = (int) start;
      spans->cue_end = (int) end;
    }
}

static GtkTextBuffer *
get_buffer (RshReaderView *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static void
get_iter (RshReaderView *self,
          guint          offset,
          GtkTextIter   *iter)
{
  guint shift = 0;

  /* Each stance chip is one character in the buffer, before the statement it marks. */
  for (guint i = 0; self->anchor_offsets != NULL && i < self->anchor_offsets->len; i++)
    if (g_array_index (self->anchor_offsets, guint, i) <= offset)
      shift++;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), iter, (int) (offset + shift));
}

static void
apply_tag (RshReaderView *self,
           GtkTextTag    *tag,
           int            start,
           int            end)
{
  GtkTextIter start_iter, end_iter;

  if (start < 0 || end <= start)
    return;

  get_iter (self, (guint) start, &start_iter);
  /* The end is the character after the last one marked, not past a chip that follows. */
  get_iter (self, (guint) end - 1, &end_iter);
  gtk_text_iter_forward_char (&end_iter);
  gtk_text_buffer_apply_tag (get_buffer (self), tag, &start_iter, &end_iter);
}

static void
update_tag_colours (RshReaderView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* Tints under the statements: light enough to read black (or white) text on. */
  static const char * const light[] = { "rgba(53,132,228,0.16)", "rgba(46,194,126,0.20)",
                                        "rgba(224,27,36,0.14)", "rgba(255,120,0,0.18)",
                                        "rgba(128,128,128,0.12)" };
  static const char * const dark_bg[] = { "rgba(98,160,234,0.26)", "rgba(87,227,137,0.22)",
                                          "rgba(246,97,81,0.26)", "rgba(255,163,72,0.24)",
                                          "rgba(200,200,200,0.14)" };

  for (guint i = 0; i < G_N_ELEMENTS (stance_names); i++)
    g_object_set (self->stance_tags[i], "background", dark ? dark_bg[i] : light[i], NULL);

  g_object_set (self->speaker_tag,
                "foreground", dark ? "#99c1f1" : "#1a5fb4",
                NULL);
  g_object_set (self->highlight_tag,
                "background", dark ? "rgba(246,211,45,0.42)" : "rgba(246,211,45,0.70)",
                "foreground", dark ? "#ffffff" : "#000000",
                NULL);
}

static void
dark_changed_cb (RshReaderView  *self,
                 GParamSpec     *pspec,
                 AdwStyleManager *manager)
{
  g_assert (RSH_IS_READER_VIEW (self));

  update_tag_colours (self);
}

static void
apply_highlight (RshReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  gboolean scrolled = FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);

  if (self->selected_actor == NULL || self->spans == NULL)
    return;

  for (guint i = 0; i < self->spans->len; i++)
    {
      MentionSpans *spans = &g_array_index (self->spans, MentionSpans, i);

      if (g_strcmp0 (rsh_mention_get_actor_id (spans->mention), self->selected_actor) != 0)
        continue;

      apply_tag (self, self->highlight_tag, (int) rsh_mention_get_start (spans->mention),
                 (int) rsh_mention_get_end (spans->mention));
      apply_tag (self, self->highlight_tag, spans->speaker_start, spans->speaker_end);

      if (!scrolled)
        {
          rsh_reader_view_scroll_to_mention (self, spans->mention);
          scrolled = TRUE;
        }
    }
}

static GtkWidget *
create_actor_row_cb (gpointer item,
                     gpointer user_data)
{
  RshReaderView *self = user_data;
  RshActor *actor = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (rsh_actor_get_name (actor));
  GtkWidget *count_label;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, rsh_actor_get_id (actor)));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);

  count = g_strdup_printf ("%u", n);
  count_label = gtk_label_new (count);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_set_valign (count_label, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u statement",
                                              "%s, %u statements", n),
                                 rsh_actor_get_name (actor), n);
  gtk_widget_set_tooltip_text (row, _("Highlight everything this speaker said"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (row), "rsh-actor-id", g_strdup (rsh_actor_get_id (actor)),
                          g_free);

  return row;
}

static void
set_selected_actor (RshReaderView *self,
                    const char    *actor_id)
{
  if (g_strcmp0 (self->selected_actor, actor_id) == 0)
    return;

  g_free (self->selected_actor);
  self->selected_actor = g_strdup (actor_id);
  apply_highlight (self);
  update_correction_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

static void
actor_row_selected_cb (RshReaderView *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  g_assert (RSH_IS_READER_VIEW (self));

  /* The list unselects its row as it is disposed, after the text view is gone. */
  if (self->selecting || self->text_view == NULL)
    return;

  set_selected_actor (self, row != NULL ? g_object_get_data (G_OBJECT (row), "rsh-actor-id")
                                        : NULL);
}

static char *
dup_subtitle (RshSource *source)
{
  const char *outlet = rsh_source_get_outlet (source);
  const char *published = rsh_source_get_published (source);
  const char * const *authors = rsh_source_get_authors (source);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (outlet != NULL && outlet[0] != '\0')
    g_ptr_array_add (parts, g_strdup (outlet));
  if (authors != NULL && authors[0] != NULL)
    g_ptr_array_add (parts, g_strjoinv (", ", (char **) authors));
  if (published != NULL && published[0] != '\0')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (published, utc);

      /* Translators: a publication date, see g_date_time_format() */
      g_ptr_array_add (parts, when != NULL ? g_date_time_format (when, _("%-d %B %Y"))
                                           : g_strdup (published));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
rebuild (RshReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char *text;
  const char *title;
  const char *source_id;
  g_autofree char *subtitle = NULL;
  GListModel *all_mentions;
  GListModel *all_actors;

  g_clear_pointer (&self->selected_actor, g_free);
  g_list_store_remove_all (self->mentions);
  g_list_store_remove_all (self->actors);
  g_hash_table_remove_all (self->counts);
  g_array_set_size (self->spans, 0);
  g_array_set_size (self->anchor_offsets, 0);
  gtk_text_buffer_set_text (buffer, "", 0);

  if (self->source == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_stack_set_visible_child_name (self->actors_stack, "none");
      return;
    }

  title = rsh_source_get_title (self->source);
  gtk_label_set_label (self->title_label, title != NULL && title[0] != '\0'
                                          ? title : rsh_source_get_input (self->source));
  subtitle = dup_subtitle (self->source);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');

  text = rsh_source_get_text (self->source);
  if (text == NULL)
    text = "";
  gtk_text_buffer_set_text (buffer, text, -1);

  /* This source's statements, in reading order. */
  source_id = rsh_source_get_id (self->source);
  all_mentions = self->comparison != NULL ? rsh_comparison_get_mentions (self->comparison) : NULL;
  for (guint i = 0; all_mentions != NULL && i < g_list_model_get_n_items (all_mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (all_mentions, i);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), source_id) == 0)
        g_list_store_insert_sorted (self->mentions, mention, compare_mentions, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->mentions)); i++)
    {
      MentionSpans spans = { 0 };
      RshMention *mention = g_list_model_get_item (G_LIST_MODEL (self->mentions), i);
      const char *actor_id = rsh_mention_get_actor_id (mention);

      spans.mention = mention;
      locate_speaker_and_cue (&spans);
      g_array_append_val (self->spans, spans);

      if (actor_id != NULL)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, actor_id));

          g_hash_table_insert (self->counts, g_strdup (actor_id), GUINT_TO_POINTER (n + 1));
        }
    }

  /* A chip before each statement names its stance in words and an icon, so colour is never
   * the only sign. Inserted from the end, the offsets of earlier ones stay valid. */
  for (guint i = self->spans->len; i > 0; i--)
    {
      MentionSpans *spans = &g_array_index (self->spans, MentionSpans, i - 1);
      guint start = rsh_mention_get_start (spans->mention);
      GtkTextChildAnchor *anchor;
      GtkWidget *chip;
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
      anchor = gtk_text_buffer_create_child_anchor (buffer, &iter);
      chip = rsh_stance_chip_new ();
      rsh_stance_chip_set_stance (RSH_STANCE_CHIP (chip), rsh_mention_get_stance (spans->mention));
      rsh_stance_chip_set_hedged (RSH_STANCE_CHIP (chip), rsh_mention_get_hedged (spans->mention));
      rsh_stance_chip_set_cue (RSH_STANCE_CHIP (chip), rsh_mention_get_cue (spans->mention));
      gtk_widget_set_margin_end (chip, 4);
      gtk_text_view_add_child_at_anchor (self->text_view, chip, anchor);
    }
  for (guint i = 0; i < self->spans->len; i++)
    {
      guint start = rsh_mention_get_start (g_array_index (self->spans, MentionSpans, i).mention);

      g_array_append_val (self->anchor_offsets, start);
    }

  /* Marked after the chips are in, through the offset map, so no chip carries a mark. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      MentionSpans *spans = &g_array_index (self->spans, MentionSpans, i);
      int start = (int) rsh_mention_get_start (spans->mention);
      int end = (int) rsh_mention_get_end (spans->mention);
      RshStance stance = rsh_mention_get_stance (spans->mention);

      apply_tag (self, self->content_tag, start, end);
      if (stance <= RSH_STANCE_ABSENT)
        apply_tag (self, self->stance_tags[stance], start, end);
      apply_tag (self, self->speaker_tag, spans->speaker_start, spans->speaker_end);
      apply_tag (self, self->cue_tag, spans->cue_start, spans->cue_end);
    }

  all_actors = self->comparison != NULL ? rsh_comparison_get_actors (self->comparison) : NULL;
  for (guint i = 0; all_actors != NULL && i < g_list_model_get_n_items (all_actors); i++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (all_actors, i);

      if (g_hash_table_contains (self->counts, rsh_actor_get_id (actor)))
        g_list_store_append (self->actors, actor);
    }

  gtk_stack_set_visible_child_name (self->actors_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->actors)) > 0
                                    ? "actors" : "none");
  update_correction_actions (self);
}

/* Corrections of who speaks: the view makes them against its comparison and hands them on
 * (RshReaderView::correction-requested) to the owner of the project. */

static void
request_correction (RshReaderView *self,
                    RshCorrection *correction,
                    const GError  *error)
{
  if (correction != NULL)
    g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, correction, NULL);
  else if (error != NULL)
    g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, NULL, error->message);
}

static void
rename_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RshReaderView    *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *actor_id = g_object_get_data (G_OBJECT (dialog), "rsh-actor-id");
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL)
    return;

  correction = rsh_correction_new_rename_actor (self->comparison, actor_id,
                                                gtk_editable_get_text (GTK_EDITABLE (entry)),
                                                &error);
  request_correction (self, correction, error);
}

static void
rename_actor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RshReaderView *self = RSH_READER_VIEW (widget);
  RshActor *actor;
  AdwMessageDialog *dialog;

  if (self->comparison == NULL || self->selected_actor == NULL)
    return;
  actor = rsh_comparison_lookup_actor (self->comparison, self->selected_actor);
  if (actor == NULL)
    return;

  dialog = rsh_text_dialog_new (GTK_WIDGET (self), _("Rename Speaker"),
                            _("Every source shows the new name; the old one is kept as "
                              "another name of the same speaker."),
                            _("Name of the speaker"), rsh_actor_get_name (actor), _("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-actor-id", g_strdup (self->selected_actor),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RshReaderView    *self)
{
  RshActor *other = rsh_choice_dialog_get_choice (dialog);
  const char *ids[3] = { g_object_get_data (G_OBJECT (dialog), "rsh-actor-id"), NULL, NULL };
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL || other == NULL)
    return;

  /* The one picked in the list is merged into the one whose menu was opened. */
  ids[1] = rsh_actor_get_id (other);
  correction = rsh_correction_new_merge_actors (self->comparison, ids, &error);
  request_correction (self, correction, error);
}

static gboolean
is_other_actor (gpointer item,
                gpointer user_data)
{
  return g_strcmp0 (rsh_actor_get_id (item), user_data) != 0;
}

static void
merge_actor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RshReaderView *self = RSH_READER_VIEW (widget);
  GtkFilterListModel *others;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  RshActor *actor;

  if (self->comparison == NULL || self->selected_actor == NULL)
    return;
  actor = rsh_comparison_lookup_actor (self->comparison, self->selected_actor);
  if (actor == NULL)
    return;

  others = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (rsh_comparison_get_actors (self->comparison))),
                                      GTK_FILTER (gtk_custom_filter_new (is_other_actor,
                                                                         g_strdup (self->selected_actor),
                                                                         g_free)));
  /* Translators: %s is a speaker's name */
  body = g_strdup_printf (_("Pick the speaker that is the same person or body as “%s”. Their "
                            "statements become one speaker’s."), rsh_actor_get_name (actor));
  dialog = rsh_choice_dialog_new (GTK_WIDGET (self), _("Merge Speakers"), body,
                                  _("Same speaker as"), G_LIST_MODEL (others),
                                  gtk_property_expression_new (RSH_TYPE_ACTOR, NULL, "name"),
                                  _("_Merge"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-actor-id", g_strdup (self->selected_actor),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Split Speaker…: the statements of one speaker, each with a check box; the ticked ones go
 * to a new speaker of the name given. */

static void
update_split_response (AdwMessageDialog *dialog)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "rsh-name-entry");
  GtkWidget *checklist = g_object_get_data (G_OBJECT (dialog), "rsh-statement-list");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_auto(GStrv) ticked = rsh_statement_checklist_dup_ticked (checklist, NULL);

  adw_message_dialog_set_response_enabled (dialog, "apply", ticked[0] != NULL && *name != '\0');
}

static void
split_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RshReaderView    *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "rsh-name-entry");
  GtkWidget *checklist = g_object_get_data (G_OBJECT (dialog), "rsh-statement-list");
  const char *actor_id = g_object_get_data (G_OBJECT (dialog), "rsh-actor-id");
  g_auto(GStrv) ids = NULL;
  g_autofree char *name = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL)
    return;

  ids = rsh_statement_checklist_dup_ticked (checklist, NULL);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  correction = rsh_correction_new_split_actor (self->comparison, actor_id,
                                               (const char * const *) ids, name, &error);
  request_correction (self, correction, error);
}

static void
split_actor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RshReaderView *self = RSH_READER_VIEW (widget);
  g_autoptr(GPtrArray) spoken = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GListModel *mentions;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *checklist;
  RshActor *actor;

  if (self->comparison == NULL || self->selected_actor == NULL)
    return;
  actor = rsh_comparison_lookup_actor (self->comparison, self->selected_actor);
  if (actor == NULL)
    return;

  mentions = rsh_comparison_get_mentions (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      RshMention *mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_actor_id (mention), self->selected_actor) == 0)
        g_ptr_array_add (spoken, mention);
      else
        g_object_unref (mention);
    }
  checklist = rsh_statement_checklist_new (self->comparison, spoken,
                                           _("Statements of the speaker"));

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name of the other speaker"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the other speaker"), -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), checklist);

  /* Translators: %s is a speaker's name */
  body = g_strdup_printf (_("Tick the statements that someone other than “%s” made, and name "
                            "who. They become that speaker’s."), rsh_actor_get_name (actor));
  dialog = rsh_question_dialog_new (GTK_WIDGET (self), _("Split Speaker"), body, box, _("_Split"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-actor-id", g_strdup (self->selected_actor),
                          g_free);
  g_object_set_data (G_OBJECT (dialog), "rsh-name-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "rsh-statement-list", checklist);
  update_split_response (dialog);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update_split_response), dialog,
                           G_CONNECT_SWAPPED);
  rsh_statement_checklist_connect (checklist, G_CALLBACK (update_split_response), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The statement around the text cursor, its stance chip included. */
static RshMention *
find_mention_at_cursor (RshReaderView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter cursor;
  int offset;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  for (guint i = 0; i < self->spans->len; i++)
    {
      RshMention *mention = g_array_index (self->spans, MentionSpans, i).mention;
      GtkTextIter start, end;

      get_iter (self, rsh_mention_get_start (mention), &start);
      get_iter (self, rsh_mention_get_end (mention), &end);
      if (offset >= gtk_text_iter_get_offset (&start) - 1 && offset <= gtk_text_iter_get_offset (&end))
        return mention;
    }

  return NULL;
}

static void
speaker_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            RshReaderView    *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *mention_id = g_object_get_data (G_OBJECT (dialog), "rsh-mention-id");
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->comparison == NULL)
    return;

  correction = rsh_correction_new_set_speaker (self->comparison, mention_id,
                                               gtk_editable_get_text (GTK_EDITABLE (entry)),
                                               &error);
  request_correction (self, correction, error);
}

static void
change_speaker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RshReaderView *self = RSH_READER_VIEW (widget);
  RshMention *mention;
  AdwMessageDialog *dialog;

  if (self->comparison == NULL)
    return;

  mention = find_mention_at_cursor (self);
  if (mention == NULL)
    {
      g_signal_emit (self, signals[CORRECTION_REQUESTED], 0, NULL,
                     _("Put the cursor in a statement first, then change its speaker"));
      return;
    }

  dialog = rsh_text_dialog_new (GTK_WIDGET (self), _("Change Speaker"),
                            _("Type who made this statement: a name already in the story "
                              "joins that speaker."),
                            _("Speaker of the statement"), rsh_mention_get_speaker (mention),
                            _("_Change Speaker"));
  g_object_set_data_full (G_OBJECT (dialog), "rsh-mention-id",
                          rsh_correction_dup_mention_id (mention), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (speaker_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A right click on the text moves the cursor there, so "Change Speaker…" knows which
 * statement is meant; a selection stays as it is. */
static void
text_secondary_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           RshReaderView   *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter iter;
  int bx, by;

  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
popup_actor_menu (RshReaderView *self,
                  GtkListBoxRow *row,
                  double         x,
                  double         y)
{
  gtk_list_box_select_row (self->actors_list, row);

  /* Made on first use: the view is rebuilt often and most readers never open it. */
  if (self->actor_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Rename…"), "reader.rename-actor");
      g_menu_append (menu, _("_Merge With…"), "reader.merge-actor");
      g_menu_append (menu, _("_Split…"), "reader.split-actor");
      self->actor_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->actor_menu), FALSE);
      gtk_widget_set_halign (self->actor_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->actor_menu, GTK_WIDGET (self));
    }
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->actor_menu),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
        gtk_popover_set_pointing_to (GTK_POPOVER (self->actor_menu),
                                     &(GdkRectangle) { (int) bounds.origin.x,
                                                       (int) bounds.origin.y,
                                                       (int) bounds.size.width,
                                                       (int) bounds.size.height });
    }
  gtk_popover_popup (GTK_POPOVER (self->actor_menu));
}

static void
actors_secondary_pressed_cb (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             RshReaderView   *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->actors_list, (int) y);
  double tx = x, ty = y;

  if (row == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->actors_list), GTK_WIDGET (self), x, y,
                                    &tx, &ty);
  popup_actor_menu (self, row, tx, ty);
}

/* Shift+F10 or the Menu key on the list of speakers. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  RshReaderView *self = RSH_READER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->actors_list)))
    return FALSE;

  row = GTK_IS_LIST_BOX_ROW (focus) ? GTK_LIST_BOX_ROW (focus)
                                    : gtk_list_box_get_selected_row (self->actors_list);
  if (row == NULL)
    return FALSE;

  popup_actor_menu (self, row, -1, -1);

  return TRUE;
}

static void
update_correction_actions (RshReaderView *self)
{
  gboolean actor = self->comparison != NULL && self->selected_actor != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.rename-actor", actor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.split-actor", actor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.merge-actor",
                                 actor && g_list_model_get_n_items (rsh_comparison_get_actors (self->comparison)) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.change-speaker",
                                 self->comparison != NULL && self->spans->len > 0);
}

static void
rsh_reader_view_dispose (GObject *object)
{
  RshReaderView *self = (RshReaderView *) object;

  g_clear_pointer (&self->actor_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RSH_TYPE_READER_VIEW);

  g_clear_object (&self->source);
  g_clear_object (&self->comparison);
  g_clear_object (&self->mentions);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (rsh_reader_view_parent_class)->dispose (object);
}

static void
rsh_reader_view_finalize (GObject *object)
{
  RshReaderView *self = (RshReaderView *) object;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->anchor_offsets, g_array_unref);
  g_clear_pointer (&self->selected_actor, g_free);

  G_OBJECT_CLASS (rsh_reader_view_parent_class)->finalize (object);
}

static void
rsh_reader_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RshReaderView *self = RSH_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_SELECTED_ACTOR:
      g_value_set_string (value, self->selected_actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_reader_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RshReaderView *self = RSH_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ACTOR:
      rsh_reader_view_select_actor (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_reader_view_class_init (RshReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rsh_reader_view_dispose;
  object_class->finalize = rsh_reader_view_finalize;
  object_class->get_property = rsh_reader_view_get_property;
  object_class->set_property = rsh_reader_view_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         RSH_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_string ("selected-actor", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RshReaderView::correction-requested:
   * @self: the view
   * @correction: (nullable): the correction the user asked for, made against the comparison
   * @message: (nullable): why no correction could be made, when @correction is %NULL
   *
   * The user renamed or merged speakers, or changed who made a statement.
   */
  signals[CORRECTION_REQUESTED] =
    g_signal_new ("correction-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RSH_TYPE_CORRECTION, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "reader.rename-actor", NULL, rename_actor_action);
  gtk_widget_class_install_action (widget_class, "reader.merge-actor", NULL, merge_actor_action);
  gtk_widget_class_install_action (widget_class, "reader.split-actor", NULL, split_actor_action);
  gtk_widget_class_install_action (widget_class, "reader.change-speaker", NULL,
                                   change_speaker_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);

  g_type_ensure (RSH_TYPE_STANCE_CHIP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, box);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, title_label);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, legend_label);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, actors_stack);
  gtk_widget_class_bind_template_child (widget_class, RshReaderView, actors_list);
  gtk_widget_class_bind_template_callback (widget_class, actor_row_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
}

static void
rsh_reader_view_init (RshReaderView *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *legend = NULL;
  g_autoptr(GMenu) text_menu = NULL;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mentions = g_list_store_new (RSH_TYPE_MENTION);
  self->actors = g_list_store_new (RSH_TYPE_ACTOR);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spans = g_array_new (FALSE, TRUE, sizeof (MentionSpans));
  g_array_set_clear_func (self->spans, (GDestroyNotify) mention_spans_clear);
  self->anchor_offsets = g_array_new (FALSE, FALSE, sizeof (guint));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Created in rising priority: the highlight of a chosen speaker wins. */
  self->content_tag = gtk_text_buffer_create_tag (buffer, "content", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stance_names); i++)
    {
      g_autofree char *name = g_strconcat ("stance-", stance_names[i], NULL);

      self->stance_tags[i] = gtk_text_buffer_create_tag (buffer, name, NULL);
    }
  self->speaker_tag = gtk_text_buffer_create_tag (buffer, "speaker",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  NULL);
  self->cue_tag = gtk_text_buffer_create_tag (buffer, "cue",
                                              "style", PANGO_STYLE_ITALIC,
                                              "underline", PANGO_UNDERLINE_SINGLE,
                                              NULL);
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight", NULL);
  update_tag_colours (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->actors_list, G_LIST_MODEL (self->actors),
                           create_actor_row_cb, self, NULL);

  /* Corrections: a menu on the speakers, and one more item in the text's own menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (actors_secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->actors_list), GTK_EVENT_CONTROLLER (click));

  text_menu = g_menu_new ();
  g_menu_append (text_menu, _("Change _Speaker…"), "reader.change-speaker");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (text_menu));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (text_secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  update_correction_actions (self);

  legend = g_strdup_printf ("%s · <i><u>%s</u></i> · %s",
                            /* Translators: the legend of the reader view's marks */
                            _("<b>Speaker</b>"), _("cue word"),
                            _("statement, tinted and labelled by its stance"));
  gtk_label_set_markup (self->legend_label, legend);
}

/**
 * rsh_reader_view_new:
 *
 * Returns: (transfer full): a new, empty reader view
 */
GtkWidget *
rsh_reader_view_new (void)
{
  return g_object_new (RSH_TYPE_READER_VIEW, NULL);
}

RshSource *
rsh_reader_view_get_source (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return self->source;
}

RshComparison *
rsh_reader_view_get_comparison (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return self->comparison;
}

/**
 * rsh_reader_view_show:
 * @self: a #RshReaderView
 * @source: (nullable): the source to read
 * @comparison: (nullable): the analysis whose statements are marked in it
 *
 * Shows @source's text with its statements, speakers and cue words marked, and the
 * speakers it quotes beside it.
 */
void
rsh_reader_view_show (RshReaderView *self,
                      RshSource     *source,
                      RshComparison *comparison)
{
  g_autofree char *actor = NULL;
  gboolean same_source;

  g_return_if_fail (RSH_IS_READER_VIEW (self));
  g_return_if_fail (source == NULL || RSH_IS_SOURCE (source));
  g_return_if_fail (comparison == NULL || RSH_IS_COMPARISON (comparison));

  same_source = self->source == source;
  actor = g_strdup (self->selected_actor);

  g_set_object (&self->source, source);
  g_set_object (&self->comparison, comparison);
  rebuild (self);

  /* A new analysis of the same source keeps the speaker the user was following. */
  if (same_source && actor != NULL && g_hash_table_contains (self->counts, actor))
    rsh_reader_view_select_actor (self, actor);
  else if (actor != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);

  if (!same_source)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * rsh_reader_view_get_mentions:
 * @self: a #RshReaderView
 *
 * Returns: (transfer none): the statements of the source shown, in reading order
 */
GListModel *
rsh_reader_view_get_mentions (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return G_LIST_MODEL (self->mentions);
}

/**
 * rsh_reader_view_get_actors:
 * @self: a #RshReaderView
 *
 * Returns: (transfer none): the speakers quoted in the source shown
 */
GListModel *
rsh_reader_view_get_actors (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return G_LIST_MODEL (self->actors);
}

const char *
rsh_reader_view_get_selected_actor (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return self->selected_actor;
}

/**
 * rsh_reader_view_select_actor:
 * @self: a #RshReaderView
 * @actor_id: (nullable): the speaker whose statements to highlight, or %NULL for none
 *
 * Does what clicking the speaker in the side list does.
 */
void
rsh_reader_view_select_actor (RshReaderView *self,
                              const char    *actor_id)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (RSH_IS_READER_VIEW (self));

  for (int i = 0; actor_id != NULL && (row = gtk_list_box_get_row_at_index (self->actors_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "rsh-actor-id"), actor_id) == 0)
      break;

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->actors_list, row);
  else
    gtk_list_box_unselect_all (self->actors_list);
  self->selecting = FALSE;

  set_selected_actor (self, row != NULL ? actor_id : NULL);
}

/**
 * rsh_reader_view_scroll_to_mention:
 * @self: a #RshReaderView
 * @mention: a statement of the source shown
 *
 * Scrolls the text so that @mention is in view.
 */
void
rsh_reader_view_scroll_to_mention (RshReaderView *self,
                                   RshMention    *mention)
{
  GtkTextIter iter;
  GtkTextMark *mark;

  g_return_if_fail (RSH_IS_READER_VIEW (self));
  g_return_if_fail (RSH_IS_MENTION (mention));

  get_iter (self, rsh_mention_get_start (mention), &iter);
  /* Before the chip, so that it shows too. */
  gtk_text_iter_backward_char (&iter);
  mark = gtk_text_buffer_create_mark (get_buffer (self), NULL, &iter, TRUE);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.25);
  gtk_text_buffer_delete_mark (get_buffer (self), mark);
}

GtkTextView *
rsh_reader_view_get_text_view (RshReaderView *self)
{
  g_return_val_if_fail (RSH_IS_READER_VIEW (self), NULL);

  return self->text_view;
}

/**
 * rsh_reader_view_get_iter_at_text_offset:
 * @self: a #RshReaderView
 * @offset: a character offset into the source's text, as in #RshMention
 * @iter: (out): the iter at that character in the buffer
 *
 * The buffer holds a stance chip before each statement, so its offsets differ from the
 * text's; this maps one onto the other.
 */
void
rsh_reader_view_get_iter_at_text_offset (RshReaderView *self,
                                         guint          offset,
                                         GtkTextIter   *iter)
{
  g_return_if_fail (RSH_IS_READER_VIEW (self));
  g_return_if_fail (iter != NULL);

  get_iter (self, offset, iter);
}
