/* rsh-text-dialog.c: a question answered with one line of text
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

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rsh_widget_get_window (from),
                                                       heading, body));
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  entry_changed_cb (GTK_EDITABLE (entry), dialog);

  return dialog;
}
