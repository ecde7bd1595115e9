/* rsh-text-dialog.c: a question answered with one line of text, one item of a list, or ticks
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-text-dialog.h"

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", text[0] != '\0');
}

/**
 * rsh_widget_get_window:
 * @widget: a widget
 *
 * Returns: (nullable) (transfer none): the window @widget is in, for dialogs to be
 *   transient for
 */
GtkWindow *
rsh_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * rsh_question_dialog_new:
 * @from: a widget of the window the dialog belongs to
 * @heading: the question
 * @body: what answering does
 * @extra: (nullable): the widget the user answers with
 * @apply: the label of the button that answers
 *
 * A dialog with the responses "cancel" and "apply" (suggested, the default; Escape cancels).
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
rsh_question_dialog_new (GtkWidget  *from,
                         const char *heading,
                         const char *body,
                         GtkWidget  *extra,
                         const char *apply)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rsh_widget_get_window (from),
                                                       heading, body));
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/**
 * rsh_text_dialog_new:
 * @from: the widget asking; the dialog is transient for its window
 * @heading: the dialog's heading
 * @body: what the answer is for
 * @label: the accessible name of the entry
 * @text: (nullable): the entry's text to start with
 * @apply: the label of the response that applies the answer, with a mnemonic
 *
 * Makes a dialog whose extra child is a #GtkEntry; its responses are "cancel" and "apply",
 * the latter enabled only while the entry holds more than white space. The caller connects
 * to #AdwMessageDialog::response and presents it.
 *
 * Returns: (transfer floating): the dialog
 */
AdwMessageDialog *
rsh_text_dialog_new (GtkWidget  *from,
                     const char *heading,
                     const char *body,
                     const char *label,
                     const char *text,
                     const char *apply)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  dialog = rsh_question_dialog_new (from, heading, body, entry, apply);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  entry_changed_cb (GTK_EDITABLE (entry), dialog);

  return dialog;
}

/* The longest an item's text grows in the list before it is cut short with an ellipsis. */
#define CHOICE_MAX_CHARS 60

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CHOICE_MAX_CHARS);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GtkExpression            *expression)
{
  GValue value = G_VALUE_INIT;

  if (gtk_expression_evaluate (expression, gtk_list_item_get_item (item), &value))
    {
      gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), g_value_get_string (&value));
      gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), g_value_get_string (&value));
      g_value_unset (&value);
    }
}

static void
choice_selected_cb (GtkDropDown      *drop_down,
                    GParamSpec       *pspec,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "apply",
                                           gtk_drop_down_get_selected_item (drop_down) != NULL);
}

/**
 * rsh_choice_dialog_new:
 * @from: a widget of the window the dialog belongs to
 * @heading: the question
 * @body: what answering does
 * @label: the accessible name of the list
 * @items: (transfer full): the items to pick from
 * @expression: (transfer full): a string for each item, shown and searched
 * @apply: the label of the button that answers
 *
 * A dialog that asks to pick one of @items in a searchable drop-down; its responses are
 * "cancel" and "apply", which stays insensitive while nothing is picked. The answer is
 * rsh_choice_dialog_get_choice().
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
rsh_choice_dialog_new (GtkWidget     *from,
                       const char    *heading,
                       const char    *body,
                       const char    *label,
                       GListModel    *items,
                       GtkExpression *expression,
                       const char    *apply)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  AdwMessageDialog *dialog;
  GtkWidget *drop_down;

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (choice_bind_cb),
                         gtk_expression_ref (expression), (GClosureNotify) gtk_expression_unref,
                         0);

  drop_down = gtk_drop_down_new (items, expression);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  g_object_unref (factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  /* Nothing picked until the user picks: the first item is no better guess than another. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), GTK_INVALID_LIST_POSITION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);

  dialog = rsh_question_dialog_new (from, heading, body, drop_down, apply);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (choice_selected_cb), dialog);
  choice_selected_cb (GTK_DROP_DOWN (drop_down), NULL, dialog);

  return dialog;
}

/**
 * rsh_choice_dialog_get_choice:
 * @dialog: a dialog made by rsh_choice_dialog_new()
 *
 * Returns: (transfer none) (nullable): the item picked
 */
gpointer
rsh_choice_dialog_get_choice (AdwMessageDialog *dialog)
{
  GtkWidget *drop_down = adw_message_dialog_get_extra_child (dialog);

  return gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));
}

/* How tall a list of statements grows before it scrolls. */
#define CHECKLIST_HEIGHT 280

/* One row: "The Civic Ledger: “…quote…”"; a source without an outlet goes by its title. */
static GtkWidget *
statement_check_new (RshComparison *comparison,
                     RshMention    *mention,
                     char          *mention_id)
{
  GListModel *sources = rsh_comparison_get_sources (comparison);
  const char *outlet = rsh_mention_get_outlet (mention);
  g_autofree char *text = NULL;
  GtkWidget *label;
  GtkWidget *check;

  for (guint i = 0; outlet == NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_source_get_id (source), rsh_mention_get_source_id (mention)) == 0)
        outlet = rsh_source_get_title (source);
    }

  /* Translators: a statement in a list: the outlet that printed it, then its words */
  text = g_strdup_printf (_("%s: “%s”"), outlet ? outlet : rsh_mention_get_source_id (mention),
                          rsh_mention_get_quote (mention));
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);

  check = gtk_check_button_new ();
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "rsh-mention-id", mention_id, g_free);
  return check;
}

static GtkWidget *
checklist_get_list (GtkWidget *checklist)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (checklist), "rsh-statement-list");

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  return list;
}

/**
 * rsh_statement_checklist_new:
 * @comparison: the comparison the statements are from
 * @mentions: (element-type RshMention): the statements, in the order shown
 * @label: what the list is, for screen readers
 *
 * A list of statements to tick, each shown as its outlet and its words, that scrolls when it
 * grows long: for dialogs that move some statements elsewhere (Split Claim, Split Speaker).
 * A statement listed twice is shown once.
 *
 * Returns: (transfer floating): the list
 */
GtkWidget *
rsh_statement_checklist_new (RshComparison *comparison,
                             GPtrArray     *mentions,
                             const char    *label)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *list;
  GtkWidget *scrolled;

  g_return_val_if_fail (RSH_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (mentions != NULL, NULL);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (guint i = 0; i < mentions->len; i++)
    {
      RshMention *mention = g_ptr_array_index (mentions, i);
      char *id = rsh_correction_dup_mention_id (mention);

      if (rsh_mention_get_quote (mention) == NULL || !g_hash_table_add (seen, id))
        {
          g_free (id);
          continue;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), statement_check_new (comparison, mention, id));
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), CHECKLIST_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  g_object_set_data (G_OBJECT (scrolled), "rsh-statement-list", list);

  return scrolled;
}

/**
 * rsh_statement_checklist_connect:
 * @checklist: a list from rsh_statement_checklist_new()
 * @toggled: called with @instance whenever a statement is ticked or unticked
 * @instance: an object; the calls stop when it is finalized
 */
void
rsh_statement_checklist_connect (GtkWidget *checklist,
                                 GCallback  toggled,
                                 gpointer   instance)
{
  GtkWidget *list = checklist_get_list (checklist);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_signal_connect_object (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), "toggled",
                             toggled, instance, G_CONNECT_SWAPPED);
}

/**
 * rsh_statement_checklist_dup_ticked:
 * @checklist: a list from rsh_statement_checklist_new()
 * @n_rows: (out) (optional): how many statements it lists
 *
 * Returns: (transfer full): the ids of the ticked statements (rsh_correction_dup_mention_id())
 */
GStrv
rsh_statement_checklist_dup_ticked (GtkWidget *checklist,
                                    guint     *n_rows)
{
  g_autoptr(GStrvBuilder) ticked = g_strv_builder_new ();
  GtkWidget *list = checklist_get_list (checklist);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      n++;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (ticked, g_object_get_data (G_OBJECT (check), "rsh-mention-id"));
    }

  if (n_rows != NULL)
    *n_rows = n;
  return g_strv_builder_end (ticked);
}
