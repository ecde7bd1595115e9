/* rsh-stance-chip.h: a small pill showing a stance with an icon and a word
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

#define RSH_TYPE_STANCE_CHIP (rsh_stance_chip_get_type ())
G_DECLARE_FINAL_TYPE (RshStanceChip, rsh_stance_chip, RSH, STANCE_CHIP, GtkWidget)

GtkWidget  *rsh_stance_chip_new        (void);
RshStance   rsh_stance_chip_get_stance (RshStanceChip *self);
void        rsh_stance_chip_set_stance (RshStanceChip *self,
                                        RshStance      stance);
gboolean    rsh_stance_chip_get_hedged (RshStanceChip *self);
void        rsh_stance_chip_set_hedged (RshStanceChip *self,
                                        gboolean       hedged);
const char *rsh_stance_chip_get_cue    (RshStanceChip *self);
void        rsh_stance_chip_set_cue    (RshStanceChip *self,
                                        const char    *cue);
const char *rsh_stance_chip_get_text   (RshStanceChip *self);

G_END_DECLS
