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

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rsh_test_list_articles:
 * @dir: a directory
 *
 * Returns: (transfer full) (element-type filename): the paths of the `.html` and `.txt`
 *   files in @dir, sorted by name; empty when @dir can't be read
 */
GPtrArray *
rsh_test_list_articles (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

/**
 * rsh_test_sample_story:
 *
 * Returns: (transfer full) (element-type filename): the paths of the sample story's
 *   articles in `data/samples`, in story order
 */
GPtrArray *
rsh_test_sample_story (void)
{
  const char *root = g_getenv ("RSH_SOURCE_ROOT");
  g_autofree char *dir = NULL;
  GPtrArray *paths;

  g_assert_nonnull (root);
  dir = g_build_filename (root, "data", "samples", NULL);
  paths = rsh_test_list_articles (dir);
  g_assert_cmpuint (paths->len, >=, 4);

  return paths;
}
