/* rsh-window.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <rashomon.h>

#include "rsh-application.h"

G_BEGIN_DECLS

#define RSH_TYPE_WINDOW (rsh_window_get_type ())
G_DECLARE_FINAL_TYPE (RshWindow, rsh_window, RSH, WINDOW, AdwApplicationWindow)

RshWindow  *rsh_window_new                (RshApplication  *application);
RshProject *rsh_window_get_project        (RshWindow       *self);
void        rsh_window_set_project        (RshWindow       *self,
                                           RshProject      *project);
gboolean    rsh_window_is_pristine        (RshWindow       *self);
void        rsh_window_add_files          (RshWindow       *self,
                                           GFile          **files,
                                           guint            n_files);
void        rsh_window_open_project_file  (RshWindow       *self,
                                           GFile           *file);
void        rsh_window_choose_project     (RshWindow       *self);
void        rsh_window_choose_sources     (RshWindow       *self);
void        rsh_window_show_toast         (RshWindow       *self,
                                           const char      *title);

G_END_DECLS
