/* rsh-test-util.c: helpers shared by the test programs
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rsh-test-util.h"

/**
 * rsh_test_make_tmp_dir:
 * @prefix: the start of the directory's name
 *
 * Returns: (transfer full): the path of a new, empty temporary directory
 */
char *
rsh_test_make_tmp_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * rsh_test_remove_tree:
 * @path: a file or directory
 *
 * Removes @path and, for a directory, everything below it.
 */
void
rsh_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rsh_test_remove_tree (child);
        }
    }

  g_remove (path);
}

/**
 * rsh_test_write_file:
 * @dir: a directory
 * @name: the file's name in @dir
 * @contents: the bytes to write
 * @length: the length of @contents, or -1 if it is nul-terminated
 *
 * Returns: (transfer full): the path of the written file
 */
char *
rsh_test_write_file (const char *dir,
                     const char *name,
                     const char *contents,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}
