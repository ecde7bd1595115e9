/* rsh-test-util.h: helpers shared by the test programs
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *rsh_test_make_tmp_dir  (const char *prefix);
void       rsh_test_remove_tree   (const char *path);
char      *rsh_test_write_file    (const char *dir,
                                   const char *name,
                                   const char *contents,
                                   gssize      length);

GPtrArray *rsh_test_list_articles (const char *dir);
GPtrArray *rsh_test_sample_story  (void);

G_END_DECLS
