/* test-store.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <rashomon.h>

#include "app/core/rsh-store-private.h"
#include "rsh-test-util.h"

/* Our own invented article, in ISO-8859-1: the raw bytes are not valid UTF-8. */
static const char latin1_article[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\"><head>\n"
  "<meta charset=\"iso-8859-1\">\n"
  "<title>Crane stalls over the Valmont quay</title>\n"
  "<meta name=\"author\" content=\"Ines Caron\">\n"
  "<meta property=\"og:site_name\" content=\"The Valmont Courier\">\n"
  "</head><body><article>\n"
  "<h1>Crane stalls over the Valmont quay</h1>\n"
  "<p>The owner of the caf\xe9 by the quay said the crane had creaked for weeks before it "
  "stopped with a container hanging above the water.</p>\n"
  "<p>The port authority denied that any warning about the crane had been ignored, and a "
  "spokeswoman said the inspection schedule was up to date.</p>\n"
  "</article></body></html>\n";

static const char plain_article[] =
  "Ferry timetable changes in Valmont\n"
  "\n"
  "The ferry company said on Monday that the evening crossings would move half an hour "
  "earlier from next month.\n"
  "\n"
  "Passenger groups disputed the company's claim that few people travel after eight.\n";

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static RshSource *
load_source (const char *path,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshSource) source = rsh_source_new (path);

  rsh_source_set_id (source, id);
  rsh_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_source_get_state (source), ==, RSH_SOURCE_STATE_READY);

  return g_steal_pointer (&source);
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}

/* Opening @path must fail with @code and leave the file exactly as it was. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = NULL;
  g_autofree char *name = g_path_get_basename (path);

  store = rsh_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RSH_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_test_message ("%s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_no_side_files (path);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
}

/* Builds a database file with the raw SQLite API, as another program would. */
static void
write_database (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
pragma_int (const char *path,
            const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
assert_same_source (RshSource *expected,
                    RshSource *actual)
{
  const char * const *a = rsh_source_get_authors (expected);
  const char * const *b = rsh_source_get_authors (actual);

  g_assert_cmpstr (rsh_source_get_id (actual), ==, rsh_source_get_id (expected));
  g_assert_cmpstr (rsh_source_get_input (actual), ==, rsh_source_get_input (expected));
  g_assert_cmpint (rsh_source_get_state (actual), ==, RSH_SOURCE_STATE_READY);
  g_assert_cmpstr (rsh_source_get_title (actual), ==, rsh_source_get_title (expected));
  g_assert_cmpstr (rsh_source_get_outlet (actual), ==, rsh_source_get_outlet (expected));
  g_assert_cmpstr (rsh_source_get_published (actual), ==, rsh_source_get_published (expected));
  g_assert_cmpstr (rsh_source_get_language (actual), ==, rsh_source_get_language (expected));
  g_assert_cmpstr (rsh_source_get_url (actual), ==, rsh_source_get_url (expected));
  g_assert_cmpstr (rsh_source_get_text (actual), ==, rsh_source_get_text (expected));
  g_assert_cmpstr (rsh_source_get_content_type (actual), ==,
                   rsh_source_get_content_type (expected));
  g_assert_true (g_bytes_equal (rsh_source_get_raw (actual), rsh_source_get_raw (expected)));

  if (a == NULL || b == NULL)
    g_assert_true ((a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL));
  else
    g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) b));
}

static void
test_create_reopen (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *html = rsh_test_write_file (dir, "crane.html", latin1_article,
                                               sizeof latin1_article - 1);
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *path = g_build_filename (dir, "valmont.rashomon", NULL);
  g_autoptr(RshSource) first = load_source (html, "s1");
  g_autoptr(RshSource) second = load_source (text, "s2");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GBytes) html_bytes = read_bytes (html);
  g_autoptr(GError) error = NULL;
  RshStore *store;

  /* The raw bytes the store keeps are the file's, not a decoded copy. */
  g_assert_true (g_bytes_equal (rsh_source_get_raw (first), html_bytes));
  g_assert_false (g_utf8_validate (g_bytes_get_data (html_bytes, NULL),
                                   g_bytes_get_size (html_bytes), NULL));

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_store_get_schema_version (store), ==, RSH_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (rsh_store_get_path (store), ==, path);

  rsh_source_set_outlet (second, "Valmont Ferry Watch");
  rsh_store_put_source (store, first, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, second, &error);
  g_assert_no_error (error);
  /* Putting a source again updates it in place. */
  rsh_store_put_source (store, first, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  assert_no_side_files (path);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, RSH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (path, "PRAGMA application_id"), ==, RSH_STORE_APPLICATION_ID);
  {
    g_autoptr(GBytes) header = read_bytes (path);

    /* Bytes 18 and 19 of the header are 2 for a file in write-ahead-log mode. */
    g_assert_cmpint (((const guint8 *) g_bytes_get_data (header, NULL))[18], ==, 2);
  }

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  assert_same_source (first, g_ptr_array_index (loaded, 0));
  assert_same_source (second, g_ptr_array_index (loaded, 1));
  g_assert_true (g_bytes_equal (rsh_source_get_raw (g_ptr_array_index (loaded, 0)), html_bytes));
  g_assert_cmpstr (rsh_source_get_outlet (g_ptr_array_index (loaded, 1)), ==,
                   "Valmont Ferry Watch");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_published_by_user (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *path = g_build_filename (dir, "dates.rashomon", NULL);
  g_autoptr(RshSource) source = load_source (text, "s1");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, source, &error);
  g_assert_no_error (error);
  rsh_store_set_source_published (store, "s1", "2026-02-17", &error);
  g_assert_no_error (error);

  /* A later put (say, after re-extraction) must not lose the user's date. */
  rsh_store_put_source (store, source, &error);
  g_assert_no_error (error);

  rsh_store_set_source_published (store, "s9", "2026-02-17", &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_finalize_object (store);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (rsh_source_get_published (g_ptr_array_index (loaded, 0)), ==, "2026-02-17");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = rsh_test_write_file (dir, "notes.rashomon",
                                      "These are my notes about the port, not a project.\n", -1);
  g_autofree char *tiny = rsh_test_write_file (dir, "tiny.rashomon", "SQLite", -1);

  assert_refused_untouched (path, RSH_ERROR_STORE_CORRUPT);
  assert_refused_untouched (tiny, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *plain = g_build_filename (dir, "recipes.rashomon", NULL);
  g_autofree char *other_app = g_build_filename (dir, "other.rashomon", NULL);
  g_autofree char *other_wal = g_build_filename (dir, "other-wal.rashomon", NULL);

  write_database (plain,
                  "CREATE TABLE recipes (name TEXT, minutes INTEGER);"
                  "INSERT INTO recipes VALUES ('bean stew', 90);");
  write_database (other_app,
                  "PRAGMA application_id = 1179602244;"
                  "CREATE TABLE sources (id TEXT);");
  /* A WAL-mode file: the header says WAL, and still nothing may appear next to it. */
  write_database (other_wal,
                  "PRAGMA journal_mode = WAL;"
                  "CREATE TABLE notes (body TEXT);"
                  "INSERT INTO notes VALUES ('x');");
  assert_no_side_files (other_wal);

  assert_refused_untouched (plain, RSH_ERROR_STORE_CORRUPT);
  assert_refused_untouched (other_app, RSH_ERROR_STORE_CORRUPT);
  assert_refused_untouched (other_wal, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "future.rashomon", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "PRAGMA user_version = 99;"
                                          "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                                          "CREATE TABLE sources (id TEXT PRIMARY KEY);"
                                          "CREATE TABLE tracked_claims (id INTEGER PRIMARY KEY);"
                                          "CREATE TABLE timelines (id INTEGER PRIMARY KEY);",
                                          RSH_STORE_APPLICATION_ID);

  write_database (path, sql);
  assert_refused_untouched (path, RSH_ERROR_STORE_TOO_NEW);

  store = rsh_store_open (path, &error);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "format 99"));
  {
    g_autofree char *ours = g_strdup_printf ("format %d", RSH_STORE_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, ours));
  }
  assert_no_side_files (path);

  rsh_test_remove_tree (dir);
}

static void
test_missing_tables (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "hollow.rashomon", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "PRAGMA user_version = 1;"
                                          "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);",
                                          RSH_STORE_APPLICATION_ID);

  write_database (path, sql);
  assert_refused_untouched (path, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static void
test_damaged (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *path = g_build_filename (dir, "damaged.rashomon", NULL);
  g_autoptr(RshSource) source = load_source (text, "s1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RshStore *store;
  guint8 *data;
  gsize size;
  int page_size;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, source, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Scribble over the header of every b-tree page after the first. */
  page_size = pragma_int (path, "PRAGMA page_size");
  bytes = read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  g_assert_cmpuint (size, >=, 2 * (gsize) page_size);
  for (gsize offset = page_size; offset + 8 <= size; offset += page_size)
    memset (data + offset, 0xee, 8);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  g_free (data);

  assert_refused_untouched (path, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static void
test_empty_file (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = rsh_test_write_file (dir, "blank.rashomon", "", 0);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) claims = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  claims = rsh_store_list_tracked_claims (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (claims), ==, 0);
  g_assert_finalize_object (store);

  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, RSH_STORE_SCHEMA_VERSION);

  rsh_test_remove_tree (dir);
}

static void
test_save_as (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *html = rsh_test_write_file (dir, "crane.html", latin1_article,
                                               sizeof latin1_article - 1);
  g_autofree char *path = g_build_filename (dir, "saved.rashomon", NULL);
  g_autofree char *other = g_build_filename (dir, "copy.rashomon", NULL);
  g_autoptr(RshSource) first = load_source (text, "s1");
  g_autoptr(RshSource) second = load_source (html, "s2");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  RshStore *store;

  store = rsh_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (rsh_store_get_path (store));
  rsh_store_put_source (store, first, &error);
  g_assert_no_error (error);
  rsh_store_add_tracked_claim (store, "The crossings move earlier", &error);
  g_assert_no_error (error);

  /* A folder that does not exist: an error, and the store carries on in memory. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "x.rashomon", NULL);

    g_assert_false (rsh_store_save_as (store, nowhere, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
    g_assert_nonnull (strstr (error->message, "x.rashomon"));
    g_clear_error (&error);
    g_assert_null (rsh_store_get_path (store));

    g_assert_false (rsh_store_save_as (store, dir, &error));
    g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
    g_clear_error (&error);
  }

  rsh_store_save_as (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_store_get_path (store), ==, path);

  /* Later writes go to the file. */
  rsh_store_put_source (store, second, &error);
  g_assert_no_error (error);

  /* Saving over the file the store is using, then to a second file. */
  rsh_store_save_as (store, path, &error);
  g_assert_no_error (error);
  rsh_store_save_as (store, other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_store_get_path (store), ==, other);
  g_assert_finalize_object (store);

  /* No temporary file is left next to the targets. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (name[0] == '.');

  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) claims = NULL;

      store = rsh_store_open (i == 0 ? path : other, &error);
      g_assert_no_error (error);
      loaded = rsh_store_load_sources (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (loaded->len, ==, 2);
      assert_same_source (first, g_ptr_array_index (loaded, 0));
      assert_same_source (second, g_ptr_array_index (loaded, 1));
      claims = rsh_store_list_tracked_claims (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstrv (claims, ((const char * const []) { "The crossings move earlier", NULL }));
      g_clear_pointer (&loaded, g_ptr_array_unref);
      g_assert_finalize_object (store);
    }

  rsh_test_remove_tree (dir);
}

static void
test_rollback (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *html = rsh_test_write_file (dir, "crane.html", latin1_article,
                                               sizeof latin1_article - 1);
  g_autofree char *path = g_build_filename (dir, "guarded.rashomon", NULL);
  g_autoptr(RshSource) first = load_source (text, "s1");
  g_autoptr(RshSource) second = load_source (html, "s2");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) claims = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, first, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Another program forbids changes to the project information. Every write also records
   * when the project changed, so the source row written first must be rolled back. */
  write_database (path,
                  "CREATE TRIGGER refuse_meta BEFORE UPDATE ON meta"
                  " BEGIN SELECT RAISE (ABORT, 'meta is read-only'); END;");

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (rsh_store_put_source (store, second, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, html));
  g_assert_nonnull (strstr (error->message, "meta is read-only"));
  g_clear_error (&error);

  g_assert_false (rsh_store_add_tracked_claim (store, "The crane was inspected", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_clear_error (&error);

  g_assert_false (rsh_store_remove_source (store, "s1", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_clear_error (&error);

  /* The connection is usable after the failure and nothing half-written is visible. */
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  assert_same_source (first, g_ptr_array_index (loaded, 0));
  claims = rsh_store_list_tracked_claims (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (claims), ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_tracked_claims (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "claims.rashomon", NULL);
  g_autoptr(GError) error = NULL;
  RshStore *store;
  const char *expected[] = {
    "The crane had creaked for weeks",
    "Évening crossings move “earlier”",
    NULL
  };

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      rsh_store_add_tracked_claim (store, expected[i], &error);
      g_assert_no_error (error);
    }
  /* Adding a claim twice keeps one. */
  rsh_store_add_tracked_claim (store, expected[0], &error);
  g_assert_no_error (error);

  g_assert_false (rsh_store_add_tracked_claim (store, "  \n", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_finalize_object (store);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) claims = rsh_store_list_tracked_claims (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstrv (claims, expected);
  }
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_next_source_id (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);
  const char *ids[] = { "s1", "s7", "draft3" };
  char *next;

  g_assert_no_error (error);
  next = rsh_store_next_source_id (store);
  g_assert_cmpstr (next, ==, "s1");
  g_free (next);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(RshSource) source = load_source (text, ids[i]);

      rsh_store_put_source (store, source, &error);
      g_assert_no_error (error);
    }

  next = rsh_store_next_source_id (store);
  g_assert_cmpstr (next, ==, "s8");
  g_free (next);

  rsh_store_remove_source (store, "s7", &error);
  g_assert_no_error (error);
  next = rsh_store_next_source_id (store);
  g_assert_cmpstr (next, ==, "s2");
  g_free (next);

  rsh_test_remove_tree (dir);
}

static void
test_remove_source (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *html = rsh_test_write_file (dir, "crane.html", latin1_article,
                                               sizeof latin1_article - 1);
  g_autofree char *path = g_build_filename (dir, "remove.rashomon", NULL);
  g_autoptr(RshSource) first = load_source (text, "s1");
  g_autoptr(RshSource) second = load_source (html, "s2");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, first, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, second, &error);
  g_assert_no_error (error);
  rsh_store_remove_source (store, "s1", &error);
  g_assert_no_error (error);
  /* Removing what is not there is fine. */
  rsh_store_remove_source (store, "s1", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  assert_same_source (second, g_ptr_array_index (loaded, 0));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_failed_reextraction (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *path = g_build_filename (dir, "broken-row.rashomon", NULL);
  g_autoptr(RshSource) source = load_source (text, "s1");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RshSource *back;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, source, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Replace the stored bytes with an empty document, which no extractor accepts. */
  write_database (path, "UPDATE source_versions SET raw = zeroblob (0) WHERE source_id = 's1';");

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  back = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (rsh_source_get_id (back), ==, "s1");
  g_assert_cmpstr (rsh_source_get_input (back), ==, text);
  g_assert_cmpint (rsh_source_get_state (back), ==, RSH_SOURCE_STATE_FAILED);
  g_assert_nonnull (rsh_source_get_error_message (back));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  g_cancellable_cancel (cancellable);
  loaded = rsh_store_load_sources (store, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (loaded);
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

static void
test_empty_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open ("", &error);

  g_assert_null (store);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  store = rsh_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rsh_store_save_as (store, "", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
}

static void
test_directory (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_unclean_shutdown (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autofree char *path = g_build_filename (dir, "live.rashomon", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (dir, "crashed.rashomon", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(RshSource) source = load_source (text, "s1");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_store_put_source (store, source, &error);
  g_assert_no_error (error);

  /* What a crash leaves: the main file and a log holding the latest commit, no -shm. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (path, copy);
  copy_file (wal, copy_wal);
  g_assert_finalize_object (store);

  store = rsh_store_open (copy, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  assert_same_source (source, g_ptr_array_index (loaded, 0));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);
  assert_no_side_files (copy);

  rsh_test_remove_tree (dir);
}

static void
test_order (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *text = rsh_test_write_file (dir, "ferry.txt", plain_article, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);
  g_autoptr(GPtrArray) loaded = NULL;
  const char *put_order[] = { "s10", "s2", "notes" };
  const char *expected[] = { "s2", "s10", "notes" };

  /* Sources come back in the order they were added (their id number), whatever order
   * their writes finished in; ids of another shape go last. */
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (put_order); i++)
    {
      g_autoptr(RshSource) source = load_source (text, put_order[i]);

      rsh_store_put_source (store, source, &error);
      g_assert_no_error (error);
    }

  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (rsh_source_get_id (g_ptr_array_index (loaded, i)), ==, expected[i]);

  rsh_test_remove_tree (dir);
}

/* The schema of format 1, as Rashomon 0.1 wrote it. */
static const char v1_schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE sources ("
  "  id TEXT PRIMARY KEY, position INTEGER NOT NULL, input TEXT NOT NULL, content_type TEXT,"
  "  raw BLOB NOT NULL, title TEXT, outlet TEXT, authors TEXT, published TEXT,"
  "  published_by_user INTEGER NOT NULL DEFAULT 0, language TEXT, url TEXT,"
  "  added_at TEXT NOT NULL);"
  "CREATE INDEX sources_position ON sources (position);"
  "CREATE TABLE tracked_claims ("
  "  id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);"
  "INSERT INTO meta VALUES ('created_at', '2026-01-05T10:00:00Z');"
  "INSERT INTO tracked_claims (text, created_at)"
  "  VALUES ('The crane was inspected in spring', '2026-01-05T10:00:00Z');";

static RshCorrection *
stored_correction (const char *kind,
                   const char *payload)
{
  g_autoptr(GError) error = NULL;
  RshCorrection *correction;

  correction = rsh_correction_new_from_stored (0, kind, payload, "Ines Caron",
                                               "2026-02-01T09:30:00Z", RSH_CORRECTION_ACTIVE,
                                               &error);
  g_assert_no_error (error);
  return correction;
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "old.rashomon", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "PRAGMA user_version = 1;%s",
                                          RSH_STORE_APPLICATION_ID, v1_schema);
  g_autoptr(RshCorrection) correction = stored_correction ("set-wording",
                                                           "{\"wording\":\"Crane inspected\"}");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) claims = NULL;
  RshStore *store;

  write_database (path, sql);
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 1);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_store_get_schema_version (store), ==, RSH_STORE_SCHEMA_VERSION);
  claims = rsh_store_list_tracked_claims (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (claims), ==, 1);
  g_assert_cmpstr (claims[0], ==, "The crane was inspected in spring");
  loaded = rsh_store_load_corrections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);

  rsh_store_add_correction (store, correction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_correction_get_id (correction), >, 0);
  g_assert_finalize_object (store);

  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, RSH_STORE_SCHEMA_VERSION);
  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_corrections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  {
    RshCorrection *back = g_ptr_array_index (loaded, 0);
    g_autofree char *payload = rsh_correction_dup_payload (back);

    g_assert_cmpint (rsh_correction_get_kind (back), ==, RSH_CORRECTION_SET_WORDING);
    g_assert_cmpstr (rsh_correction_get_author (back), ==, "Ines Caron");
    g_assert_cmpstr (rsh_correction_get_created_at (back), ==, "2026-02-01T09:30:00Z");
    g_assert_nonnull (strstr (payload, "Crane inspected"));
  }
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);
  assert_no_side_files (path);

  rsh_test_remove_tree (dir);
}

/* A file that says format 2 must have the corrections table. */
static void
test_missing_corrections (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "hollow2.rashomon", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "PRAGMA user_version = 2;%s",
                                          RSH_STORE_APPLICATION_ID, v1_schema);

  write_database (path, sql);
  assert_refused_untouched (path, RSH_ERROR_STORE_CORRUPT);

  rsh_test_remove_tree (dir);
}

static RshCorrectionState
load_state (RshStore *store,
            guint     index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = rsh_store_load_corrections (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, loaded->len);
  return rsh_correction_get_state (g_ptr_array_index (loaded, index));
}

static void
test_correction_states (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);
  g_autoptr(RshCorrection) first = stored_correction ("hide-claim", "{}");
  g_autoptr(RshCorrection) second = stored_correction ("rename-actor", "{\"name\":\"X\"}");
  g_autoptr(RshCorrection) third = stored_correction ("merge-claims", "{\"claims\":[]}");
  g_autoptr(RshCorrection) damaged = NULL;

  g_assert_no_error (error);
  rsh_store_add_correction (store, first, &error);
  g_assert_no_error (error);
  rsh_store_add_correction (store, second, &error);
  g_assert_no_error (error);

  rsh_store_set_correction_state (store, rsh_correction_get_id (second), RSH_CORRECTION_UNDONE,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (load_state (store, 1), ==, RSH_CORRECTION_UNDONE);

  /* A new correction leaves the undone one behind, in the same write. */
  rsh_store_add_correction (store, third, &error);
  g_assert_no_error (error);
  g_assert_cmpint (load_state (store, 0), ==, RSH_CORRECTION_ACTIVE);
  g_assert_cmpint (load_state (store, 1), ==, RSH_CORRECTION_SUPERSEDED);
  g_assert_cmpint (load_state (store, 2), ==, RSH_CORRECTION_ACTIVE);

  g_assert_false (rsh_store_set_correction_state (store, 999, RSH_CORRECTION_UNDONE, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  damaged = rsh_correction_new_from_stored (4, "teleport-claim", "{}", NULL, "2026-02-01T09:30:00Z",
                                            RSH_CORRECTION_ACTIVE, &error);
  g_assert_null (damaged);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);
  g_clear_error (&error);
  damaged = rsh_correction_new_from_stored (5, "hide-claim", "[1, 2", NULL, "2026-02-01T09:30:00Z",
                                            RSH_CORRECTION_ACTIVE, &error);
  g_assert_null (damaged);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);
}

static const char updated_article[] =
  "Ferry timetable changes in Valmont\n"
  "\n"
  "The ferry company said on Wednesday that the evening crossings would stay as they are "
  "after all.\n"
  "\n"
  "Passenger groups welcomed the decision, and the harbour master denied that any crossing "
  "had ever been at risk.\n";

static const char v2_corrections[] =
  "CREATE TABLE corrections (id INTEGER PRIMARY KEY, position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL, payload TEXT NOT NULL, author TEXT, created_at TEXT NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX corrections_position ON corrections (position);";

/* @bytes as an SQL blob literal: X'…'. */
static char *
dup_blob_literal (const char *bytes,
                  gsize       length)
{
  GString *hex = g_string_new ("X'");

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02X", (guint8) bytes[i]);
  g_string_append_c (hex, '\'');

  return g_string_free (hex, FALSE);
}

static RshSource *
source_from_text (const char *text,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(RshSource) source = rsh_source_new ("/nowhere/ferry.txt");

  rsh_source_set_id (source, id);
  rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", &error);
  g_assert_no_error (error);

  return g_steal_pointer (&source);
}

static GPtrArray *
list_versions (RshStore   *store,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = rsh_store_list_source_versions (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (versions);
  return versions;
}

static RshSourceVersion *
version_at (GPtrArray *versions,
            guint      index)
{
  g_assert_cmpuint (index, <, versions->len);
  return g_ptr_array_index (versions, index);
}

/* Files of format 1 and 2 with a source: after the migration the stored response is its
 * first version, current, and the search index exists (empty until an analysis). */
static void
test_migrate_sources (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "old.rashomon", NULL);
  g_autofree char *blob = dup_blob_literal (plain_article, strlen (plain_article));
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_auto(GStrv) found = NULL;
  RshStore *store;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;%s%s"
                         "INSERT INTO sources (id, position, input, content_type, raw, title,"
                         "  published_by_user, added_at)"
                         " VALUES ('s1', 0, '/nowhere/ferry.txt', 'text/plain; charset=utf-8',"
                         "  %s, 'Ferry timetable changes in Valmont', 0,"
                         "  '2026-01-05T10:00:00Z');",
                         RSH_STORE_APPLICATION_ID, from, v1_schema,
                         from >= 2 ? v2_corrections : "", blob);
  write_database (path, sql);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_store_get_schema_version (store), ==, RSH_STORE_SCHEMA_VERSION);

  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpuint (version_at (versions, 0)->number, ==, 1);
  g_assert_true (version_at (versions, 0)->current);
  g_assert_cmpuint (version_at (versions, 0)->size, ==, strlen (plain_article));
  g_assert_cmpstr (version_at (versions, 0)->fetched_at, ==, "2026-01-05T10:00:00Z");
  g_assert_cmpstr (version_at (versions, 0)->url, ==, "/nowhere/ferry.txt");
  g_assert_cmpstr (version_at (versions, 0)->content_type, ==, "text/plain; charset=utf-8");

  raw = rsh_store_load_source_version (store, "s1", 1, &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                   plain_article, strlen (plain_article));
  g_assert_cmpstr (content_type, ==, "text/plain; charset=utf-8");

  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpint (rsh_source_get_state (g_ptr_array_index (loaded, 0)), ==,
                   RSH_SOURCE_STATE_READY);

  found = rsh_store_search_claims (store, "ferry", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (found), ==, 0);
  g_clear_pointer (&found, g_strfreev);

  /* The index is filled from a comparison of the migrated sources. */
  {
    g_autoptr(GListStore) model = g_list_store_new (RSH_TYPE_SOURCE);
    g_autoptr(RshComparison) comparison = NULL;

    g_list_store_append (model, g_ptr_array_index (loaded, 0));
    comparison = rsh_comparison_analyze (G_LIST_MODEL (model), NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rsh_store_index_claims (store, comparison, &error));
    g_assert_no_error (error);
    found = rsh_store_search_claims (store, "", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (found), ==,
                      g_list_model_get_n_items (rsh_comparison_get_claims (comparison)));
  }

  g_assert_finalize_object (store);
  assert_no_side_files (path);
  rsh_test_remove_tree (dir);
}

/* Each different response is a version; writing the same bytes again is not; a restored
 * version adds none; a user's title outlives new responses; removing the source removes
 * its versions. */
static void
test_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);
  g_autoptr(RshSource) source = source_from_text (plain_article, "s1");
  g_autoptr(GBytes) updated = g_bytes_new_static (updated_article, strlen (updated_article));
  g_autoptr(GBytes) original = g_bytes_new_static (plain_article, strlen (plain_article));
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(RshStoreRow) row = NULL;

  g_assert_no_error (error);
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_no_error (error);
  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);

  g_assert_true (rsh_store_set_source_title (store, "s1", "Evening crossings", &error));
  g_assert_no_error (error);
  g_assert_false (rsh_store_set_source_title (store, "s9", "Nothing", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  rsh_source_load_bytes (source, updated, "text/plain; charset=utf-8", &error);
  g_assert_no_error (error);
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_no_error (error);
  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_false (version_at (versions, 0)->current);
  g_assert_true (version_at (versions, 1)->current);
  g_assert_cmpuint (version_at (versions, 1)->size, ==, strlen (updated_article));
  g_clear_pointer (&versions, g_ptr_array_unref);

  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_source_get_title (g_ptr_array_index (loaded, 0)), ==,
                   "Evening crossings");
  g_assert_nonnull (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 0)), "after all"));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* A version that does not exist changes nothing. */
  rsh_source_load_bytes (source, original, "text/plain; charset=utf-8", &error);
  g_assert_no_error (error);
  row = rsh_store_row_new (source);
  rsh_store_row_set_restored_version (row, 9);
  g_assert_false (rsh_store_put_row (store, row, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  versions = list_versions (store, "s1");
  g_assert_true (version_at (versions, 1)->current);
  g_clear_pointer (&versions, g_ptr_array_unref);

  rsh_store_row_set_restored_version (row, 1);
  g_assert_true (rsh_store_put_row (store, row, &error));
  g_assert_no_error (error);
  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (version_at (versions, 0)->current);
  g_assert_false (version_at (versions, 1)->current);
  g_clear_pointer (&versions, g_ptr_array_unref);

  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 0)), "after all"));
  g_assert_cmpstr (rsh_source_get_title (g_ptr_array_index (loaded, 0)), ==,
                   "Evening crossings");
  g_clear_pointer (&loaded, g_ptr_array_unref);

  g_assert_null (rsh_store_load_source_version (store, "s1", 3, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rsh_store_remove_source (store, "s1", &error));
  g_assert_no_error (error);
  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 0);
}

/* The index holds the claims of the comparison given last; any text is a valid query. */
static void
test_search_index (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = rsh_store_open (NULL, &error);
  g_autoptr(RshSource) first = source_from_text (plain_article, "s1");
  g_autoptr(RshSource) second = source_from_text (updated_article, "s2");
  g_autoptr(GListStore) model = g_list_store_new (RSH_TYPE_SOURCE);
  g_autoptr(RshComparison) comparison = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) some = NULL;
  const char *queries[] = { "\"", "NEAR(", "crossings*", "a OR b", "s1:", "-", "\xc3\xa9", "" };
  guint n_claims;

  g_list_store_append (model, first);
  g_list_store_append (model, second);
  comparison = rsh_comparison_analyze (G_LIST_MODEL (model), NULL, NULL, &error);
  g_assert_no_error (error);
  n_claims = g_list_model_get_n_items (rsh_comparison_get_claims (comparison));
  g_assert_cmpuint (n_claims, >=, 1);

  g_assert_true (rsh_store_index_claims (store, comparison, &error));
  g_assert_no_error (error);
  /* Rebuilding replaces, never appends. */
  g_assert_true (rsh_store_index_claims (store, comparison, &error));
  g_assert_no_error (error);

  all = rsh_store_search_claims (store, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, n_claims);
  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (rsh_comparison_get_claims (comparison),
                                                         i);

      g_assert_cmpstr (all[i], ==, rsh_claim_get_id (claim));
    }

  some = rsh_store_search_claims (store, "FERRY cross", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (some), <=, n_claims);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(GStrv) found = rsh_store_search_claims (store, queries[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  g_assert_null (rsh_store_search_claims (store, "\xff\xfe", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rsh_store_index_claims (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_strfreev);
  all = rsh_store_search_claims (store, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (all), ==, 0);
}

/* What format 3 added to format 2, as Rashomon wrote it before each response was kept once. */
static const char v3_additions[] =
  "ALTER TABLE sources ADD COLUMN title_by_user INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE source_versions ("
  "  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL, fetched_at TEXT NOT NULL, content_type TEXT,"
  "  raw BLOB NOT NULL, url TEXT, PRIMARY KEY (source_id, number));"
  "CREATE VIRTUAL TABLE claims_fts USING fts5 ("
  "  claim_id UNINDEXED, position UNINDEXED, wording, quotes, speakers,"
  "  tokenize = 'unicode61 remove_diacritics 2');";

/* A format 3 file with two sources, each with its bytes twice (in sources.raw and in a
 * version): s1 was reloaded (v2, an HTML page) and then restored to v1; the bytes of s2
 * were changed by hand, so no version holds them. @extra_sql runs last; the file is in
 * WAL mode, as Rashomon leaves its files, unless @extra_sql says otherwise. */
static void
write_v3_project (const char *path,
                  const char *extra_sql)
{
  g_autofree char *plain = dup_blob_literal (plain_article, strlen (plain_article));
  g_autofree char *html = dup_blob_literal (latin1_article, sizeof latin1_article - 1);
  g_autofree char *updated = dup_blob_literal (updated_article, strlen (updated_article));
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 3;"
                         "PRAGMA journal_mode = WAL;%s%s%s"
                         "INSERT INTO sources (id, position, input, content_type, raw, title,"
                         "  added_at, version) VALUES"
                         " ('s1', 0, '/nowhere/ferry.txt', 'text/plain; charset=utf-8', %s,"
                         "  'Ferry timetable changes in Valmont', '2026-01-05T10:00:00Z', 1),"
                         " ('s2', 1, '/nowhere/again.txt', 'text/plain; charset=utf-8', %s,"
                         "  'Ferry timetable changes in Valmont', '2026-01-07T10:00:00Z', 1);"
                         "INSERT INTO source_versions VALUES"
                         " ('s1', 1, '2026-01-05T10:00:00Z', 'text/plain; charset=utf-8', %s,"
                         "  '/nowhere/ferry.txt'),"
                         " ('s1', 2, '2026-01-06T08:00:00Z', 'text/html; charset=iso-8859-1', %s,"
                         "  'https://courier.example/crane'),"
                         " ('s2', 1, '2026-01-07T10:00:00Z', 'text/plain; charset=utf-8', %s,"
                         "  '/nowhere/again.txt');%s",
                         RSH_STORE_APPLICATION_ID, v1_schema, v2_corrections, v3_additions,
                         plain, updated, plain, html, plain, extra_sql);
  write_database (path, sql);
}

static GBytes *
load_version (RshStore   *store,
              const char *id,
              guint       number)
{
  g_autoptr(GError) error = NULL;
  GBytes *raw = rsh_store_load_source_version (store, id, number, NULL, &error);

  g_assert_no_error (error);
  return raw;
}

/* Format 3 → 4: the bytes leave the sources table, every response is still there (the
 * hand-changed one as a version of its own, made current), each version has the title
 * extracted from it, and the sources read as before. */
static void
test_migrate_v3 (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "three.rashomon", NULL);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raw = NULL;
  RshStore *store;

  write_v3_project (path, "");
  g_assert_cmpint (pragma_int (path, "SELECT COUNT (*) FROM pragma_table_info ('sources')"
                                     " WHERE name = 'raw'"), ==, 1);

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_store_get_schema_version (store), ==, 4);

  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (version_at (versions, 0)->current);
  g_assert_false (version_at (versions, 1)->current);
  g_assert_cmpstr (version_at (versions, 0)->title, ==, "Ferry timetable changes in Valmont");
  g_assert_cmpstr (version_at (versions, 1)->title, ==, "Crane stalls over the Valmont quay");
  g_assert_cmpstr (version_at (versions, 1)->fetched_at, ==, "2026-01-06T08:00:00Z");
  g_assert_cmpuint (version_at (versions, 1)->size, ==, sizeof latin1_article - 1);
  g_clear_pointer (&versions, g_ptr_array_unref);

  versions = list_versions (store, "s2");
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_false (version_at (versions, 0)->current);
  g_assert_true (version_at (versions, 1)->current);
  g_assert_cmpuint (version_at (versions, 1)->number, ==, 2);
  g_assert_cmpuint (version_at (versions, 1)->size, ==, strlen (updated_article));
  g_assert_cmpstr (version_at (versions, 1)->fetched_at, ==, "2026-01-07T10:00:00Z");
  g_assert_cmpstr (version_at (versions, 1)->title, ==, "Ferry timetable changes in Valmont");
  g_clear_pointer (&versions, g_ptr_array_unref);

  raw = load_version (store, "s1", 2);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                   latin1_article, sizeof latin1_article - 1);
  g_clear_pointer (&raw, g_bytes_unref);
  raw = load_version (store, "s2", 2);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                   updated_article, strlen (updated_article));
  g_clear_pointer (&raw, g_bytes_unref);

  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_null (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 0)), "after all"));
  g_assert_nonnull (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 1)), "after all"));
  g_assert_cmpstr (rsh_source_get_content_type (g_ptr_array_index (loaded, 0)), ==,
                   "text/plain; charset=utf-8");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);
  assert_no_side_files (path);

  /* Each response is in the file once. */
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (pragma_int (path, "SELECT COUNT (*) FROM pragma_table_info ('sources')"
                                     " WHERE name IN ('raw', 'content_type')"), ==, 0);
  g_assert_cmpint (pragma_int (path, "SELECT SUM (length (raw)) FROM source_versions"), ==,
                   2 * strlen (plain_article) + sizeof latin1_article - 1
                   + strlen (updated_article));

  /* The next format is refused, and the file left alone. */
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;",
                                            RSH_STORE_SCHEMA_VERSION + 1);

    write_database (path, sql);
    assert_refused_untouched (path, RSH_ERROR_STORE_TOO_NEW);
  }

  rsh_test_remove_tree (dir);
}

/* A migration that fails half-way leaves the format 3 file exactly as it was, and says
 * which file could not be updated. */
static void
test_migrate_v3_failed (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "frozen.rashomon", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStore) store = NULL;

  write_v3_project (path,
                    "CREATE TRIGGER frozen BEFORE UPDATE ON sources"
                    " BEGIN SELECT RAISE (ABORT, 'sources are frozen'); END;"
                    "PRAGMA journal_mode = DELETE;");
  assert_refused_untouched (path, RSH_ERROR_STORE);

  store = rsh_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "sources are frozen"));
  g_assert_cmpint (pragma_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (pragma_int (path, "SELECT COUNT (*) FROM source_versions"), ==, 3);

  rsh_test_remove_tree (dir);
}

/* A new response whose version cannot be written changes nothing: the source still points
 * at the version it had, in the open store and in the file. Bytes are stored once, and a
 * restore adds none. */
static void
test_version_write_failed (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "guarded.rashomon", NULL);
  g_autoptr(RshSource) source = source_from_text (plain_article, "s1");
  g_autoptr(GBytes) updated = g_bytes_new_static (updated_article, strlen (updated_article));
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshStoreRow) row = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  write_database (path, "CREATE TRIGGER refuse_versions BEFORE INSERT ON source_versions"
                        " BEGIN SELECT RAISE (ABORT, 'versions are frozen'); END;");

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  rsh_source_load_bytes (source, updated, "text/plain; charset=utf-8", &error);
  g_assert_no_error (error);
  g_assert_false (rsh_store_put_source (store, source, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "versions are frozen"));
  g_clear_error (&error);

  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_true (version_at (versions, 0)->current);
  g_clear_pointer (&versions, g_ptr_array_unref);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 0)), "after all"));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_assert_finalize_object (store);

  write_database (path, "DROP TRIGGER refuse_versions;");
  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (rsh_source_get_text (g_ptr_array_index (loaded, 0)), "after all"));
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Now it goes through, then the first version comes back: two responses, each once. */
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RshSource) first = source_from_text (plain_article, "s1");

    row = rsh_store_row_new (first);
  }
  rsh_store_row_set_restored_version (row, 1);
  g_assert_true (rsh_store_put_row (store, row, &error));
  g_assert_no_error (error);
  versions = list_versions (store, "s1");
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_true (version_at (versions, 0)->current);
  g_clear_pointer (&versions, g_ptr_array_unref);
  g_assert_finalize_object (store);

  g_assert_cmpint (pragma_int (path, "SELECT SUM (length (raw)) FROM source_versions"), ==,
                   strlen (plain_article) + strlen (updated_article));
  g_assert_cmpint (pragma_int (path, "SELECT version FROM sources WHERE id = 's1'"), ==, 1);

  rsh_test_remove_tree (dir);
}

/* A source pointing at a version the file does not hold is damage, reported as such. */
static void
test_missing_current_version (void)
{
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-store");
  g_autofree char *path = g_build_filename (dir, "pointless.rashomon", NULL);
  g_autoptr(RshSource) source = source_from_text (plain_article, "s1");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RshStore *store;

  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rsh_store_put_source (store, source, &error));
  g_assert_finalize_object (store);

  write_database (path, "UPDATE sources SET version = 5 WHERE id = 's1';");
  store = rsh_store_open (path, &error);
  g_assert_no_error (error);
  loaded = rsh_store_load_sources (store, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT);
  g_assert_nonnull (strstr (error->message, "s1"));
  g_assert_finalize_object (store);

  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/create-reopen", test_create_reopen);
  g_test_add_func ("/core/store/published-by-user", test_published_by_user);
  g_test_add_func ("/core/store/not-sqlite", test_not_sqlite);
  g_test_add_func ("/core/store/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/core/store/too-new", test_too_new);
  g_test_add_func ("/core/store/missing-tables", test_missing_tables);
  g_test_add_func ("/core/store/damaged", test_damaged);
  g_test_add_func ("/core/store/empty-file", test_empty_file);
  g_test_add_func ("/core/store/directory", test_directory);
  g_test_add_func ("/core/store/empty-name", test_empty_name);
  g_test_add_func ("/core/store/save-as", test_save_as);
  g_test_add_func ("/core/store/rollback", test_rollback);
  g_test_add_func ("/core/store/tracked-claims", test_tracked_claims);
  g_test_add_func ("/core/store/next-source-id", test_next_source_id);
  g_test_add_func ("/core/store/remove-source", test_remove_source);
  g_test_add_func ("/core/store/order", test_order);
  g_test_add_func ("/core/store/failed-reextraction", test_failed_reextraction);
  g_test_add_func ("/core/store/unclean-shutdown", test_unclean_shutdown);
  g_test_add_func ("/core/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/core/store/missing-corrections", test_missing_corrections);
  g_test_add_func ("/core/store/correction-states", test_correction_states);
  g_test_add_data_func ("/core/store/migrate-sources-v1", GINT_TO_POINTER (1),
                        test_migrate_sources);
  g_test_add_data_func ("/core/store/migrate-sources-v2", GINT_TO_POINTER (2),
                        test_migrate_sources);
  g_test_add_func ("/core/store/versions", test_versions);
  g_test_add_func ("/core/store/search-index", test_search_index);
  g_test_add_func ("/core/store/migrate-v3", test_migrate_v3);
  g_test_add_func ("/core/store/migrate-v3-failed", test_migrate_v3_failed);
  g_test_add_func ("/core/store/version-write-failed", test_version_write_failed);
  g_test_add_func ("/core/store/missing-current-version", test_missing_current_version);

  return g_test_run ();
}
