/* rsh-text-dialog.c: a question answered with one line of text, or with one item of a list
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
