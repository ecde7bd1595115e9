/* rsh-application.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RSH_TYPE_APPLICATION (rsh_application_get_type ())
G_DECLARE_FINAL_TYPE (RshApplication, rsh_application, RSH, APPLICATION, AdwApplication)

RshApplication *rsh_application_new              (void);
GSettings      *rsh_application_get_settings     (RshApplication *self);
GSettings      *rsh_application_dup_settings     (void);
void            rsh_application_ensure_resources (void);

G_END_DECLS
