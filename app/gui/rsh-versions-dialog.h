/* rsh-versions-dialog.h: the responses kept for one source, and a way back to each
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <rashomon.h>

G_BEGIN_DECLS

#define RSH_TYPE_VERSIONS_DIALOG (rsh_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RshVersionsDialog, rsh_versions_dialog, RSH, VERSIONS_DIALOG, AdwWindow)

RshVersionsDialog *rsh_versions_dialog_new                (GtkWindow         *parent,
                                                           RshProject        *project,
                                                           RshSource         *source);
RshProject        *rsh_versions_dialog_get_project        (RshVersionsDialog *self);
RshSource         *rsh_versions_dialog_get_source         (RshVersionsDialog *self);
void               rsh_versions_dialog_refresh            (RshVersionsDialog *self);
guint              rsh_versions_dialog_get_n_versions     (RshVersionsDialog *self);
guint              rsh_versions_dialog_get_current        (RshVersionsDialog *self);
gboolean           rsh_versions_dialog_shows_empty_state  (RshVersionsDialog *self);
GtkWidget         *rsh_versions_dialog_get_restore_button (RshVersionsDialog *self,
                                                           guint              number);
gboolean           rsh_versions_dialog_undo_restore       (RshVersionsDialog *self);

G_END_DECLS
