/* test-project.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <rashomon.h>

#include "rsh-test-server.h"
#include "rsh-test-util.h"

/* Two short accounts of one invented event, written for these tests. */
static const char first_article[] =
  "Reservoir warning in Korvel\n"
  "\n"
  "The water board said on Tuesday that the Korvel reservoir had fallen to a third of its "
  "usual level.\n"
  "\n"
  "Mayor Hanna Lisk denied that the town would ration drinking water this summer.\n";

static const char second_article[] =
  "Korvel reservoir low, board says\n"
  "\n"
  "According to the water board, the reservoir has fallen to a third of its usual level.\n"
  "\n"
  "Farmers disputed the board's figures, saying the gauges had not been checked since "
  "spring.\n";

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncWait;

static RshSource *
source_at (RshProject *project,
           guint       position)
{
  g_autoptr(RshSource) source = g_list_model_get_item (rsh_project_get_sources (project),
                                                       position);

  g_assert_nonnull (source);
  /* The list keeps its own reference. */
  return source;
}

static guint
n_sources (RshProject *project)
{
  return g_list_model_get_n_items (rsh_project_get_sources (project));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncWait *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for_result (AsyncWait *wait)
{
  if (wait->result == NULL)
    g_main_loop_run (wait->loop);

  g_assert_nonnull (wait->result);
  return wait->result;
}

static RshProject *
new_project_with (const char *a,
                  const char *b)
{
  g_autoptr(RshProject) project = rsh_project_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { a, b };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(RshSource) source = rsh_project_add_file (project, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (source);
    }

  return g_steal_pointer (&project);
}

static void
test_new (void)
{
  RshProject *project = rsh_project_new ();
  g_autofree char *title = rsh_project_dup_title (project);
  guint n = G_MAXUINT;

  g_assert_null (rsh_project_get_path (project));
  g_assert_cmpstr (title, ==, "Untitled project");
  g_assert_cmpuint (n_sources (project), ==, 0);
  g_assert_false (rsh_project_get_busy (project));
  g_assert_null (rsh_project_get_comparison (project));
  g_assert_nonnull (rsh_project_get_tracked_claims (project));
  g_assert_null (rsh_project_get_tracked_claims (project)[0]);
  g_object_get (project, "n-sources", &n, NULL);
  g_assert_cmpuint (n, ==, 0);

  g_assert_finalize_object (project);
}

static void
test_add_files (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *good = rsh_test_write_file (dir, "reservoir.txt", first_article, -1);
  g_autofree char *missing = g_build_filename (dir, "vanished-article.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "mixed.rashomon", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(RshSource) added = NULL;
  g_autoptr(RshSource) failed = NULL;
  g_autoptr(GError) error = NULL;
  RshProject *project = rsh_project_new ();
  guint n_notifies = 0;

  g_signal_connect (project, "notify::n-sources", G_CALLBACK (count_notify_cb), &n_notifies);

  added = rsh_project_add_file (project, good_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (rsh_source_get_state (added), ==, RSH_SOURCE_STATE_READY);
  g_assert_cmpstr (rsh_source_get_id (added), ==, "s1");
  g_assert_cmpstr (rsh_source_get_input (added), ==, good);

  failed = rsh_project_add_file (project, missing_file, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "vanished-article.txt"));
  g_clear_error (&error);

  /* The failed source stays in the list, with its reason. */
  g_assert_cmpuint (n_sources (project), ==, 2);
  g_assert_cmpuint (n_notifies, ==, 2);
  g_assert_true (source_at (project, 0) == added);
  g_assert_cmpint (rsh_source_get_state (source_at (project, 1)), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_nonnull (rsh_source_get_error_message (source_at (project, 1)));
  g_assert_cmpstr (rsh_source_get_id (source_at (project, 1)), ==, "s2");

  /* Only the good one was stored. */
  rsh_project_save_as (project, path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (project);

  project = rsh_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources (project), ==, 1);
  g_assert_cmpstr (rsh_source_get_id (source_at (project, 0)), ==, "s1");
  g_assert_cmpint (rsh_source_get_state (source_at (project, 0)), ==, RSH_SOURCE_STATE_READY);
  g_assert_finalize_object (project);

  rsh_test_remove_tree (dir);
}

static void
test_add_file_async (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *good = rsh_test_write_file (dir, "reservoir.txt", first_article, -1);
  g_autofree char *missing = g_build_filename (dir, "lost-report.html", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = rsh_project_new ();
  RshSourceState state;

  rsh_project_add_file_async (project, good_file, NULL, async_done_cb, &wait);

  /* In the list at once, before it has loaded. */
  g_assert_cmpuint (n_sources (project), ==, 1);
  state = rsh_source_get_state (source_at (project, 0));
  g_assert_true (state == RSH_SOURCE_STATE_PENDING || state == RSH_SOURCE_STATE_LOADING);

  source = rsh_project_add_file_finish (project, wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_true (source == source_at (project, 0));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_clear_object (&wait.result);

  rsh_project_add_file_async (project, missing_file, NULL, async_done_cb, &wait);
  g_assert_null (rsh_project_add_file_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lost-report.html"));
  g_clear_object (&wait.result);
  g_clear_error (&error);

  g_assert_cmpuint (n_sources (project), ==, 2);
  g_assert_cmpint (rsh_source_get_state (source_at (project, 1)), ==, RSH_SOURCE_STATE_FAILED);

  g_clear_object (&source);
  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
test_add_file_cancelled (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *good = rsh_test_write_file (dir, "reservoir.txt", first_article, -1);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = rsh_project_new ();

  g_cancellable_cancel (cancellable);
  rsh_project_add_file_async (project, good_file, cancellable, async_done_cb, &wait);
  g_assert_null (rsh_project_add_file_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&wait.result);

  /* A cancelled addition leaves nothing behind. */
  g_assert_cmpuint (n_sources (project), ==, 0);

  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

typedef struct
{
  GMainLoop *loop;
  guint      pending;
  guint      failed;
} ManyWait;

static void
many_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ManyWait *wait = user_data;
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = rsh_project_add_file_finish (RSH_PROJECT (object), result, &error);
  if (source == NULL)
    wait->failed++;

  if (--wait->pending == 0)
    g_main_loop_quit (wait->loop);
}

static void
test_add_many_async (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = g_build_filename (dir, "many.rashomon", NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  ManyWait wait = { loop, 0, 0 };
  RshProject *project = rsh_project_new ();
  const guint n = 6;

  /* Saved first, so that the concurrent writes go to a file. */
  rsh_project_save_as (project, path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("account-%u.txt", i);
      g_autofree char *file_path = rsh_test_write_file (dir, name, i % 2 ? first_article : second_article, -1);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);

      wait.pending++;
      rsh_project_add_file_async (project, file, NULL, many_done_cb, &wait);
    }

  g_main_loop_run (loop);
  g_assert_cmpuint (wait.failed, ==, 0);
  g_assert_cmpuint (n_sources (project), ==, n);
  g_assert_finalize_object (project);

  project = rsh_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources (project), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *name = g_strdup_printf ("account-%u.txt", i);
      g_autofree char *base = g_path_get_basename (rsh_source_get_input (source_at (project, i)));

      g_assert_cmpstr (rsh_source_get_id (source_at (project, i)), ==, id);
      g_assert_cmpstr (base, ==, name);
    }
  g_assert_finalize_object (project);

  rsh_test_remove_tree (dir);
}

static void
test_save_reopen (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autofree char *path = g_build_filename (dir, "Korvel water.rashomon", NULL);
  g_autofree char *title = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = new_project_with (a, b);
  guint path_notifies = 0;
  guint title_notifies = 0;
  const char *claims[] = { "The reservoir fell to a third of its level", NULL };
  g_autofree char *first_title = g_strdup (rsh_source_get_title (source_at (project, 0)));

  g_signal_connect (project, "notify::path", G_CALLBACK (count_notify_cb), &path_notifies);
  g_signal_connect (project, "notify::title", G_CALLBACK (count_notify_cb), &title_notifies);

  rsh_project_add_tracked_claim (project, claims[0], &error);
  g_assert_no_error (error);
  rsh_project_set_source_outlet (project, source_at (project, 1), "Korvel Farm Weekly", &error);
  g_assert_no_error (error);
  rsh_project_set_source_published (project, source_at (project, 0), "2026-05-02", &error);
  g_assert_no_error (error);
  g_assert_false (rsh_project_set_source_published (project, source_at (project, 1),
                                                    "the day before yesterday", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (path_notifies, ==, 1);
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpstr (rsh_project_get_path (project), ==, path);
  title = rsh_project_dup_title (project);
  g_assert_cmpstr (title, ==, "Korvel water");

  /* Saving again to the same file changes neither. */
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (path_notifies, ==, 1);

  /* A source removed after saving is gone from the file as well. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (a);
    g_autoptr(RshSource) extra = rsh_project_add_file (project, file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_id (extra), ==, "s3");
    g_assert_true (rsh_project_remove_source (project, extra, &error));
    g_assert_no_error (error);
    g_assert_false (rsh_project_remove_source (project, extra, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_finalize_object (project);

  rsh_project_open_async (path, NULL, async_done_cb, &wait);
  project = rsh_project_open_finish (wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  g_assert_cmpstr (rsh_project_get_path (project), ==, path);
  g_assert_cmpuint (n_sources (project), ==, 2);
  g_assert_cmpstr (rsh_source_get_id (source_at (project, 0)), ==, "s1");
  g_assert_cmpstr (rsh_source_get_id (source_at (project, 1)), ==, "s2");
  g_assert_cmpstr (rsh_source_get_title (source_at (project, 0)), ==, first_title);
  g_assert_cmpstr (rsh_source_get_outlet (source_at (project, 1)), ==, "Korvel Farm Weekly");
  g_assert_cmpstr (rsh_source_get_published (source_at (project, 0)), ==, "2026-05-02");
  g_assert_cmpstrv (rsh_project_get_tracked_claims (project), claims);

  /* Ids keep counting from the highest stored one. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (b);
    g_autoptr(RshSource) extra = rsh_project_add_file (project, file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_id (extra), ==, "s3");
  }
  g_assert_finalize_object (project);

  rsh_test_remove_tree (dir);
}

static void
test_store_failure (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autofree char *path = g_build_filename (dir, "locked.rashomon", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (b);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = rsh_project_new ();
  RshSource *kept;
  sqlite3 *db = NULL;

  {
    g_autoptr(GFile) first = g_file_new_for_path (a);
    g_autoptr(RshSource) added = rsh_project_add_file (project, first, NULL, &error);

    g_assert_no_error (error);
  }
  rsh_project_save_as (project, path, &error);
  g_assert_no_error (error);
  kept = source_at (project, 0);

  /* Another program makes every new source row fail while the project is open. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_more BEFORE INSERT ON sources"
                                     " BEGIN SELECT RAISE (ABORT, 'no more sources'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (rsh_project_add_file (project, file, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "no more sources"));
  g_clear_error (&error);

  rsh_project_add_file_async (project, file, NULL, async_done_cb, &wait);
  g_assert_null (rsh_project_add_file_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  /* What could not be saved is not shown either. */
  g_assert_cmpuint (n_sources (project), ==, 1);
  g_assert_true (source_at (project, 0) == kept);
  g_assert_finalize_object (project);

  project = rsh_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources (project), ==, 1);
  g_assert_finalize_object (project);

  rsh_test_remove_tree (dir);
}

static void
test_open_refused (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = rsh_test_write_file (dir, "shopping.rashomon", "eggs, flour, lamp oil\n", -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RshProject) project = NULL;
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };

  project = rsh_project_open (path, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);
  g_clear_error (&error);

  rsh_project_open_async (path, NULL, async_done_cb, &wait);
  project = rsh_project_open_finish (wait_for_result (&wait), &error);
  g_assert_null (project);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);
  g_clear_object (&wait.result);

  rsh_test_remove_tree (dir);
}

static void
test_analyze (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autofree char *missing = g_build_filename (dir, "nowhere.txt", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  RshProject *project = new_project_with (a, b);
  RshComparison *comparison;
  guint comparison_notifies = 0;
  guint busy_notifies = 0;

  /* A failed source is left out of the comparison. */
  g_assert_null (rsh_project_add_file (project, missing_file, NULL, &error));
  g_clear_error (&error);

  g_signal_connect (project, "notify::comparison", G_CALLBACK (count_notify_cb),
                    &comparison_notifies);
  g_signal_connect (project, "notify::busy", G_CALLBACK (count_notify_cb), &busy_notifies);

  rsh_project_add_tracked_claim (project, "The reservoir is low", &error);
  g_assert_no_error (error);

  g_assert_true (rsh_project_analyze (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (comparison_notifies, ==, 1);
  g_assert_cmpuint (busy_notifies, ==, 2);
  g_assert_false (rsh_project_get_busy (project));
  g_assert_cmpfloat (rsh_project_get_fraction (project), ==, 1.0);

  comparison = rsh_project_get_comparison (project);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_sources (comparison)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_claims (comparison)), >=, 1);

  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
test_analyze_async (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GMainLoop) loop2 = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AsyncWait first = { loop, NULL };
  AsyncWait second = { loop2, NULL };
  RshProject *project = new_project_with (a, b);
  guint comparison_notifies = 0;

  g_signal_connect (project, "notify::comparison", G_CALLBACK (count_notify_cb),
                    &comparison_notifies);

  /* The second run replaces the first, which reports cancellation. */
  rsh_project_analyze_async (project, NULL, async_done_cb, &first);
  g_assert_true (rsh_project_get_busy (project));
  g_assert_cmpfloat (rsh_project_get_fraction (project), ==, 0.0);
  rsh_project_analyze_async (project, NULL, async_done_cb, &second);

  g_assert_false (rsh_project_analyze_finish (project, wait_for_result (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (rsh_project_analyze_finish (project, wait_for_result (&second), &error));
  g_assert_no_error (error);
  g_assert_false (rsh_project_get_busy (project));
  g_assert_cmpfloat (rsh_project_get_fraction (project), ==, 1.0);
  g_assert_cmpuint (comparison_notifies, ==, 1);
  g_assert_nonnull (rsh_project_get_comparison (project));
  g_clear_object (&first.result);
  g_clear_object (&second.result);

  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
test_analyze_cancelled (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = new_project_with (a, b);

  rsh_project_analyze_async (project, cancellable, async_done_cb, &wait);
  g_cancellable_cancel (cancellable);

  g_assert_false (rsh_project_analyze_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (rsh_project_get_busy (project));
  g_assert_null (rsh_project_get_comparison (project));
  g_clear_object (&wait.result);

  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
test_add_uri (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GError) error = NULL;
  RshTestServer *server = rsh_test_server_new ();
  g_autofree char *good = rsh_test_server_uri (server, "/news/ferry");
  g_autofree char *copy = rsh_test_server_uri (server, "/news/ferry-copy");
  g_autofree char *missing = rsh_test_server_uri (server, "/news/gone");
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = g_build_filename (dir, "ferry.rashomon", NULL);
  AsyncWait wait = { loop, NULL };
  RshProject *project = rsh_project_new ();
  RshSourceState state;

  rsh_project_add_uri_async (project, good, NULL, async_done_cb, &wait);

  /* Listed at once, loading. */
  g_assert_cmpuint (n_sources (project), ==, 1);
  state = rsh_source_get_state (source_at (project, 0));
  g_assert_true (state == RSH_SOURCE_STATE_PENDING || state == RSH_SOURCE_STATE_LOADING);

  source = rsh_project_add_uri_finish (project, wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_true (source == source_at (project, 0));
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "Ferry service to Ostrel suspended");
  g_assert_nonnull (rsh_source_get_raw (source));
  g_assert_cmpuint (g_bytes_get_size (rsh_source_get_raw (source)), ==,
                    strlen (rsh_test_server_article_html (0)));
  g_clear_object (&wait.result);

  /* The same link again, spelled differently: refused before anything is fetched. */
  {
    g_autofree char *respelled = g_strconcat (good, "/#top", NULL);

    rsh_project_add_uri_async (project, respelled, NULL, async_done_cb, &wait);
    g_assert_null (rsh_project_add_uri_finish (project, wait_for_result (&wait), &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "already in the project"));
    g_clear_error (&error);
    g_clear_object (&wait.result);
    g_assert_cmpuint (n_sources (project), ==, 1);
  }

  /* Another address whose page names the same canonical link: refused once fetched. */
  rsh_project_add_uri_async (project, copy, NULL, async_done_cb, &wait);
  g_assert_null (rsh_project_add_uri_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already in the project"));
  g_clear_error (&error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (n_sources (project), ==, 1);

  /* A dead link stays listed, failed, with the reason. */
  rsh_project_add_uri_async (project, missing, NULL, async_done_cb, &wait);
  g_assert_null (rsh_project_add_uri_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_FETCH);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (n_sources (project), ==, 2);
  g_assert_cmpint (rsh_source_get_state (source_at (project, 1)), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_nonnull (strstr (rsh_source_get_error_message (source_at (project, 1)), "404"));

  /* Retrying a dead link fails the same way and keeps the row. */
  rsh_project_reload_source_async (project, source_at (project, 1), NULL, async_done_cb, &wait);
  g_assert_false (rsh_project_reload_source_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_FETCH);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (n_sources (project), ==, 2);

  /* Schemes other than http, https and file are refused outright. */
  rsh_project_add_uri_async (project, "ftp://127.0.0.1/story.html", NULL, async_done_cb, &wait);
  g_assert_null (rsh_project_add_uri_finish (project, wait_for_result (&wait), &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  g_assert_cmpuint (n_sources (project), ==, 2);

  /* The fetched page is kept: the saved project reopens offline with it. */
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&server, rsh_test_server_free);
  {
    g_autoptr(RshProject) reopened = rsh_project_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_sources (reopened), ==, 1);
    g_assert_cmpint (rsh_source_get_state (source_at (reopened, 0)), ==, RSH_SOURCE_STATE_READY);
    g_assert_cmpstr (rsh_source_get_input (source_at (reopened, 0)), ==, good);
    g_assert_cmpstr (rsh_source_get_title (source_at (reopened, 0)), ==,
                     "Ferry service to Ostrel suspended");
  }

  g_clear_object (&source);
  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

/* Links added together: each bad one fails on its own row with its reason, the good
 * ones load, and the project saves and reopens with them. */
typedef struct
{
  const char *path;
  int         code;    /* RSH_ERROR code, or -1 for a good article */
  const char *reason;
} LinkCase;

static const LinkCase link_cases[] = {
  { "/news/ferry", -1, NULL },
  { "/redirect/loop", RSH_ERROR_FETCH, "redirects in a loop" },
  { "/news/pier", -1, NULL },
  { "/redirect/file", RSH_ERROR_FETCH, "only follows http and https" },
  { "/status/404", RSH_ERROR_FETCH, "404 Not Found" },
  { "/status/500", RSH_ERROR_FETCH, "500 Internal Server Error" },
  { "/slow", RSH_ERROR_FETCH, "timed out" },
  { "/truncated", RSH_ERROR_FETCH, "truncated" },
  { "/huge", RSH_ERROR_TOO_LARGE, "too large" },
  { "/huge-chunked", RSH_ERROR_TOO_LARGE, "too large" },
  { "/gzip-bomb", RSH_ERROR_TOO_LARGE, "too large once uncompressed" },
  { "/wrong-type/image", RSH_ERROR_NOT_ARTICLE, "image/png" },
  { "/binary", RSH_ERROR_NOT_ARTICLE, "not a text or web page" },
  { "/news/islanders", -1, NULL },
};

typedef struct
{
  GMainLoop    *loop;
  guint         left;
  GAsyncResult *results[G_N_ELEMENTS (link_cases)];
} LinkWait;

typedef struct
{
  LinkWait *wait;
  guint     index;
} LinkCall;

static void
link_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree LinkCall *call = user_data;

  call->wait->results[call->index] = g_object_ref (result);
  if (--call->wait->left == 0)
    g_main_loop_quit (call->wait->loop);
}

static RshSource *
source_with_input (RshProject *project,
                   const char *input)
{
  for (guint i = 0; i < n_sources (project); i++)
    if (g_strcmp0 (rsh_source_get_input (source_at (project, i)), input) == 0)
      return source_at (project, i);
  return NULL;
}

static void
test_add_uri_bad (void)
{
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = g_build_filename (dir, "links.rashomon", NULL);
  g_autoptr(GError) error = NULL;
  RshFetcher *fetcher = rsh_fetcher_get_default ();
  RshProject *project = rsh_project_new ();
  LinkWait wait = { g_main_loop_new (NULL, FALSE), G_N_ELEMENTS (link_cases), { NULL, } };
  guint good = 0;

  /* The slow server must time out within the test (with room for a loaded machine); the
   * size cap is met sooner when lower. */
  rsh_fetcher_set_timeout (fetcher, 2);
  rsh_fetcher_set_max_bytes (fetcher, 8 * 1024 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      g_autofree char *uri = rsh_test_server_uri (server, link_cases[i].path);
      LinkCall *call = g_new0 (LinkCall, 1);

      call->wait = &wait;
      call->index = i;
      rsh_project_add_uri_async (project, uri, NULL, link_added_cb, call);
    }
  /* All listed at once, before any is fetched. */
  g_assert_cmpuint (n_sources (project), ==, G_N_ELEMENTS (link_cases));
  g_main_loop_run (wait.loop);

  rsh_fetcher_set_timeout (fetcher, RSH_FETCHER_DEFAULT_TIMEOUT);
  rsh_fetcher_set_max_bytes (fetcher, RSH_SOURCE_MAX_BYTES);

  g_assert_cmpuint (n_sources (project), ==, G_N_ELEMENTS (link_cases));
  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      const LinkCase *c = &link_cases[i];
      g_autofree char *uri = rsh_test_server_uri (server, c->path);
      g_autoptr(RshSource) added = rsh_project_add_uri_finish (project, wait.results[i], &error);
      RshSource *listed = source_with_input (project, uri);

      g_assert_nonnull (listed);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (added == listed);
          g_assert_cmpint (rsh_source_get_state (listed), ==, RSH_SOURCE_STATE_READY);
          g_assert_cmpfloat (rsh_source_get_progress (listed), ==, 1.0);
          good++;
        }
      else
        {
          const char *message = rsh_source_get_error_message (listed);

          g_assert_error (error, RSH_ERROR, c->code);
          g_assert_null (added);
          g_assert_cmpint (rsh_source_get_state (listed), ==, RSH_SOURCE_STATE_FAILED);
          g_assert_nonnull (message);
          if (strstr (message, c->reason) == NULL || strstr (message, uri) == NULL)
            g_error ("%s: “%s” does not give the reason “%s”", c->path, message, c->reason);
          g_clear_error (&error);
        }
      g_clear_object (&wait.results[i]);
    }
  g_assert_cmpuint (good, ==, RSH_TEST_SERVER_N_ARTICLES);

  /* The good ones are kept in the file with their pages, and come back without the server. */
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&server, rsh_test_server_free);
  {
    g_autoptr(RshProject) reopened = rsh_project_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_sources (reopened), ==, RSH_TEST_SERVER_N_ARTICLES);
    for (guint i = 0; i < RSH_TEST_SERVER_N_ARTICLES; i++)
      {
        RshSource *source = source_at (reopened, i);
        const char *html = rsh_test_server_article_html (i);

        g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
        g_assert_true (g_str_has_suffix (rsh_source_get_input (source),
                                         rsh_test_server_article_path (i)));
        g_assert_cmpstr (rsh_source_get_title (source), ==, rsh_test_server_article_title (i));
        g_assert_cmpmem (g_bytes_get_data (rsh_source_get_raw (source), NULL),
                         g_bytes_get_size (rsh_source_get_raw (source)), html, strlen (html));
      }
  }

  g_main_loop_unref (wait.loop);
  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
test_add_text (void)
{
  g_autoptr(RshSource) source = NULL;
  g_autoptr(RshSource) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = g_build_filename (dir, "pasted.rashomon", NULL);
  g_autofree char *respaced = NULL;
  RshProject *project = rsh_project_new ();

  source = rsh_project_add_text (project, first_article, "  Korvel Ledger ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpuint (n_sources (project), ==, 1);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Korvel Ledger");
  g_assert_nonnull (strstr (rsh_source_get_content_type (source), "text/plain"));
  g_assert_nonnull (strstr (rsh_source_get_text (source), "Mayor Hanna Lisk denied"));

  /* The same text with other line breaks and spacing is the same article. */
  respaced = g_strjoinv ("  \n", (char **) (const char *[]) { "", first_article, NULL });
  again = rsh_project_add_text (project, respaced, "Another Name", &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already in the project"));
  g_assert_null (again);
  g_clear_error (&error);
  g_assert_cmpuint (n_sources (project), ==, 1);

  /* Whitespace alone is no article. */
  g_assert_null (rsh_project_add_text (project, " \n\t\n", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  again = rsh_project_add_text (project, second_article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources (project), ==, 2);

  /* The text and its outlet survive saving and reopening. */
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RshProject) reopened = rsh_project_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_sources (reopened), ==, 2);
    g_assert_cmpstr (rsh_source_get_outlet (source_at (reopened, 0)), ==, "Korvel Ledger");
    g_assert_cmpstr (rsh_source_get_text (source_at (reopened, 0)), ==,
                     rsh_source_get_text (source));
  }

  g_clear_object (&source);
  g_clear_object (&again);
  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static void
wait_until_idle (RshProject *project)
{
  while (rsh_project_get_busy (project))
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
get_versions (RshProject *project,
              RshSource  *source)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = rsh_project_get_source_versions (project, source, &error);

  g_assert_no_error (error);
  g_assert_nonnull (versions);
  return versions;
}

static gboolean
reload_and_wait (RshProject  *project,
                 RshSource   *source,
                 GError     **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncWait wait = { loop, NULL };
  gboolean ok;

  rsh_project_reload_source_async (project, source, NULL, async_done_cb, &wait);
  ok = rsh_project_reload_source_finish (project, wait_for_result (&wait), error);
  g_clear_object (&wait.result);
  return ok;
}

/* "Reload from Web": a page that changed becomes a second version, the first is kept and
 * can be made current again, the user's title and outlet outlive both, and a page that is
 * gone leaves the source as it was. */
static void
test_reload_versions (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *uri = rsh_test_server_uri (server, "/changing");
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *path = g_build_filename (dir, "reload.rashomon", NULL);
  g_autofree char *first_text = NULL;
  AsyncWait wait = { loop, NULL };
  RshProject *project = rsh_project_new ();
  RshSourceVersion *version;

  rsh_project_add_uri_async (project, uri, NULL, async_done_cb, &wait);
  source = rsh_project_add_uri_finish (project, wait_for_result (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (rsh_source_get_title (source), ==, rsh_test_server_article_title (0));
  first_text = g_strdup (rsh_source_get_text (source));

  versions = get_versions (project, source);
  g_assert_cmpuint (versions->len, ==, 1);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpuint (version->number, ==, 1);
  g_assert_true (version->current);
  g_assert_cmpuint (version->size, ==, strlen (rsh_test_server_article_html (0)));
  g_assert_cmpstr (version->url, ==, rsh_source_get_url (source));
  g_assert_nonnull (version->fetched_at);
  g_clear_pointer (&versions, g_ptr_array_unref);

  g_assert_true (rsh_project_set_source_title (project, source, "  The ferry story  ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "The ferry story");
  g_assert_true (rsh_project_set_source_outlet (project, source, "Ostrel Gazette", &error));
  g_assert_no_error (error);
  g_assert_true (rsh_project_analyze (project, NULL, &error));
  g_assert_no_error (error);

  /* The page changed: a new version, the old one kept, the user's metadata intact, and
   * the comparison made again from the new text. While it is fetched, a stand-in shows
   * how the fetch goes and the source keeps its text. */
  g_assert_null (rsh_project_get_source_reload (project, source));
  {
    AsyncWait reload = { loop, NULL };
    RshSource *page;

    rsh_project_reload_source_async (project, source, NULL, async_done_cb, &reload);
    page = rsh_project_get_source_reload (project, source);
    g_assert_nonnull (page);
    g_assert_true (page != source);
    g_assert_cmpstr (rsh_source_get_input (page), ==, uri);
    g_assert_cmpstr (rsh_source_get_text (source), ==, first_text);
    g_assert_true (rsh_project_reload_source_finish (project, wait_for_result (&reload),
                                                     &error));
    g_assert_no_error (error);
    g_clear_object (&reload.result);
    g_assert_null (rsh_project_get_source_reload (project, source));
  }
  g_assert_no_error (error);
  g_assert_cmpuint (rsh_test_server_get_hits (server, "/changing"), ==, 2);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_assert_nonnull (strstr (rsh_source_get_text (source), "before March"));
  g_assert_cmpstr (rsh_source_get_title (source), ==, "The ferry story");
  g_assert_cmpstr (rsh_source_get_outlet (source), ==, "Ostrel Gazette");
  g_assert_true (rsh_project_get_busy (project));
  wait_until_idle (project);
  {
    g_auto(GStrv) found = rsh_project_search_claims (project, "pillars", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (found), >=, 1);
  }

  versions = get_versions (project, source);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_false (((RshSourceVersion *) g_ptr_array_index (versions, 0))->current);
  g_assert_true (((RshSourceVersion *) g_ptr_array_index (versions, 1))->current);
  g_assert_cmpuint (((RshSourceVersion *) g_ptr_array_index (versions, 1))->number, ==, 2);
  /* Each version is listed with the page's own title, not the one the user gave. */
  g_assert_cmpstr (((RshSourceVersion *) g_ptr_array_index (versions, 0))->title, ==,
                   rsh_test_server_article_title (0));
  g_assert_cmpstr (((RshSourceVersion *) g_ptr_array_index (versions, 1))->title, ==,
                   RSH_TEST_SERVER_CHANGED_TITLE);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* The page is gone now: an error that says so, and nothing lost. */
  g_assert_false (reload_and_wait (project, source, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_FETCH);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_nonnull (strstr (error->message, "version read before is kept"));
  g_clear_error (&error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);
  g_assert_nonnull (strstr (rsh_source_get_text (source), "before March"));
  versions = get_versions (project, source);
  g_assert_cmpuint (versions->len, ==, 2);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Back to the first version: its text again, still two versions, still our title. */
  g_assert_false (rsh_project_restore_source_version (project, source, 7, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rsh_project_restore_source_version (project, source, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_text (source), ==, first_text);
  g_assert_cmpstr (rsh_source_get_title (source), ==, "The ferry story");
  versions = get_versions (project, source);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (((RshSourceVersion *) g_ptr_array_index (versions, 0))->current);
  g_clear_pointer (&versions, g_ptr_array_unref);
  wait_until_idle (project);

  /* All of it is in the file, offline. */
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&server, rsh_test_server_free);
  {
    g_autoptr(RshProject) reopened = rsh_project_open (path, NULL, &error);
    RshSource *back;

    g_assert_no_error (error);
    back = source_at (reopened, 0);
    g_assert_cmpstr (rsh_source_get_text (back), ==, first_text);
    g_assert_cmpstr (rsh_source_get_title (back), ==, "The ferry story");
    g_assert_cmpstr (rsh_source_get_outlet (back), ==, "Ostrel Gazette");
    versions = get_versions (reopened, back);
    g_assert_cmpuint (versions->len, ==, 2);
    g_assert_true (((RshSourceVersion *) g_ptr_array_index (versions, 0))->current);
    g_clear_pointer (&versions, g_ptr_array_unref);

    /* Clearing the title goes back to the page's own. */
    g_assert_true (rsh_project_set_source_title (reopened, back, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_title (back), ==, rsh_test_server_article_title (0));
  }
  {
    g_autoptr(RshProject) again = rsh_project_open (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rsh_source_get_title (source_at (again, 0)), ==,
                     rsh_test_server_article_title (0));
  }

  g_clear_object (&source);
  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

static gboolean
contains_id (const char * const *ids,
             const char         *id)
{
  return ids != NULL && g_strv_contains (ids, id);
}

static char **
search (RshProject *project,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  char **found = rsh_project_search_claims (project, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* The search box: words ANDed, each the start of a word, case and accents ignored, any text
 * accepted, and the index follows the corrections. */
static void
test_search_claims (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-project");
  g_autofree char *a = rsh_test_write_file (dir, "board.txt", first_article, -1);
  g_autofree char *b = rsh_test_write_file (dir, "farmers.txt", second_article, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(RshClaim) claim = NULL;
  RshProject *project = new_project_with (a, b);
  GListModel *claims;
  const char *id;

  /* Nothing to find before the first analysis. */
  {
    g_auto(GStrv) found = search (project, "reservoir");

    g_assert_cmpuint (g_strv_length (found), ==, 0);
  }

  g_assert_true (rsh_project_analyze (project, NULL, &error));
  g_assert_no_error (error);
  claims = rsh_comparison_get_claims (rsh_project_get_comparison (project));
  g_assert_cmpuint (g_list_model_get_n_items (claims), >=, 1);

  {
    g_auto(GStrv) all = search (project, "  ");
    g_auto(GStrv) reservoir = search (project, "RESERVOIR");
    g_auto(GStrv) nothing = search (project, "reservoir xylophone");
    const char *hostile[] = { "\"", "reservoir\"", "NEAR(reservoir", "* OR -", "wording:x",
                              "(((", "reservoir AND", "^", "'; DROP TABLE sources; --" };

    g_assert_cmpuint (g_strv_length (all), ==, g_list_model_get_n_items (claims));
    g_assert_cmpuint (g_strv_length (reservoir), >=, 1);
    g_assert_cmpuint (g_strv_length (nothing), ==, 0);

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        g_auto(GStrv) found = search (project, hostile[i]);

        g_assert_cmpuint (g_strv_length (found), <=, g_strv_length (all));
      }
  }

  /* A wording of our own, with accents: found without them, by a prefix, in any case. */
  claim = g_list_model_get_item (claims, 0);
  id = rsh_claim_get_id (claim);
  correction = rsh_correction_new_set_wording (rsh_project_get_comparison (project), id,
                                               "The Korvel réservoir inspector Dalkvé resigned",
                                               &error);
  g_assert_no_error (error);
  g_assert_true (rsh_project_apply_correction (project, correction, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) exact = search (project, "dalkve");
    g_auto(GStrv) prefix = search (project, "inspector, DALK");
    g_auto(GStrv) prefixes = search (project, "Korv insp");
    g_auto(GStrv) accented = search (project, "Dálkvé");
    g_auto(GStrv) middle = search (project, "alkve");

    g_assert_true (contains_id ((const char * const *) exact, id));
    g_assert_cmpuint (g_strv_length (exact), ==, 1);
    g_assert_true (contains_id ((const char * const *) prefix, id));
    g_assert_true (contains_id ((const char * const *) prefixes, id));
    g_assert_true (contains_id ((const char * const *) accented, id));
    g_assert_cmpuint (g_strv_length (middle), ==, 0);
  }

  /* Undone, the wording is gone from the index too. */
  g_assert_true (rsh_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) found = search (project, "dalkve");

    g_assert_cmpuint (g_strv_length (found), ==, 0);
  }

  g_assert_finalize_object (project);
  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/project/new", test_new);
  g_test_add_func ("/core/project/add-files", test_add_files);
  g_test_add_func ("/core/project/add-file-async", test_add_file_async);
  g_test_add_func ("/core/project/add-file-cancelled", test_add_file_cancelled);
  g_test_add_func ("/core/project/add-many-async", test_add_many_async);
  g_test_add_func ("/core/project/save-reopen", test_save_reopen);
  g_test_add_func ("/core/project/open-refused", test_open_refused);
  g_test_add_func ("/core/project/store-failure", test_store_failure);
  g_test_add_func ("/core/project/analyze", test_analyze);
  g_test_add_func ("/core/project/analyze-async", test_analyze_async);
  g_test_add_func ("/core/project/analyze-cancelled", test_analyze_cancelled);
  g_test_add_func ("/core/project/add-uri", test_add_uri);
  g_test_add_func ("/core/project/add-uri-bad", test_add_uri_bad);
  g_test_add_func ("/core/project/add-text", test_add_text);
  g_test_add_func ("/core/project/reload-versions", test_reload_versions);
  g_test_add_func ("/core/project/search-claims", test_search_claims);

  return g_test_run ();
}
