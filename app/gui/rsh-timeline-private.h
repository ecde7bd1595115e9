/* rsh-timeline-private.h: how the timeline draws a stance, shared with its key
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

/* The side of a mark's shape, in pixels. */
#define RSH_TIMELINE_MARK_SIZE 11

/* The opacity of an uncertain date's bar, of its end caps, and of the bar of what a
 * statement is about. */
#define RSH_TIMELINE_UNCERTAIN_ALPHA 0.28f
#define RSH_TIMELINE_CAP_ALPHA       0.9f
#define RSH_TIMELINE_ABOUT_ALPHA     0.7f

void rsh_timeline_lookup_stance_color (GtkWidget     *widget,
                                       RshStance      stance,
                                       GdkRGBA       *color);
void rsh_timeline_append_shape        (GtkSnapshot   *snapshot,
                                       RshStance      stance,
                                       const GdkRGBA *color,
                                       double         cx,
                                       double         cy,
                                       double         size);

G_END_DECLS
