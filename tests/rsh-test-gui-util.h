/* rsh-test-gui-util.h: helpers shared by the GUI test programs
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rsh-application.h"

G_BEGIN_DECLS

/* Reading and analysing the sample story takes well under a second; Xvfb on a loaded CI
 * machine is slow, so the limit is generous. */
#define RSH_TEST_SETTLE_TIMEOUT_S 60

typedef gboolean (*RshTestPredicate) (gpointer data);

void rsh_test_gui_init        (int              *argc,
                               char           ***argv);
void rsh_test_wait_until      (RshTestPredicate  predicate,
                               gpointer          data,
                               const char       *what);
void rsh_test_wait_for_frames (GtkWidget        *widget);
void rsh_test_save_screenshot (GtkWidget        *widget,
                               const char       *name);
GtkWidget      *rsh_test_find_widget      (GtkWidget         *widget,
                                           GType              type);
RshApplication *rsh_test_application_new  (GApplicationFlags  flags);

G_END_DECLS
