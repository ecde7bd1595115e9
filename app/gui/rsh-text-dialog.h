/* rsh-text-dialog.h: a question answered with one line of text, or with one item of a list
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow        *rsh_widget_get_window (GtkWidget  *widget);
AdwMessageDialog *rsh_question_dialog_new (GtkWidget  *from,
                                           const char *heading,
                                           const char *body,
                                           GtkWidget  *extra,
                                           const char *apply);
AdwMessageDialog *rsh_text_dialog_new (GtkWidget  *from,
                                       const char *heading,
                                       const char *body,
                                       const char *label,
                                       const char *text,
                                       const char *apply);
AdwMessageDialog *rsh_choice_dialog_new (GtkWidget     *from,
                                         const char    *heading,
                                         const char    *body,
                                         const char    *label,
                                         GListModel    *items,
                                         GtkExpression *expression,
                                         const char    *apply);
gpointer          rsh_choice_dialog_get_choice (AdwMessageDialog *dialog);

G_END_DECLS
