/* rsh-text-dialog.h: a question answered with one line of text, one item of a list, or ticks
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <rashomon.h>

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

GtkWidget        *rsh_statement_checklist_new        (RshComparison *comparison,
                                                      GPtrArray     *mentions,
                                                      const char    *label);
void              rsh_statement_checklist_connect    (GtkWidget     *checklist,
                                                      GCallback      toggled,
                                                      gpointer       instance);
GStrv             rsh_statement_checklist_dup_ticked (GtkWidget     *checklist,
                                                      guint         *n_rows);

G_END_DECLS
