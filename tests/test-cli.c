/* test-cli.c: rashomon-cli against the comparison JSON contract
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <rashomon.h>

#include "rsh-test-server.h"
#include "rsh-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("RSH_CLI");

  g_assert_nonnull (cli);
  return cli;
}

/* Runs rashomon-cli with @args (NULL-terminated), feeding @input on standard input. */
static void
run_cli (Run                *run,
         const char         *input,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (input == NULL)
    {
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &run->out, &run->err, &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status));
      run->status = WEXITSTATUS (wait_status);
    }
  else
    {
      g_autoptr(GSubprocess) process = NULL;

      process = g_subprocess_newv ((const char * const *) argv->pdata,
                                   G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      run->status = g_subprocess_get_exit_status (process);
    }
}

/* The sample story of data/samples/, or this test's own fixtures when it is absent. */
static GPtrArray *
story_files (void)
{
  const char *root = g_getenv ("RSH_SOURCE_ROOT");
  g_autofree char *samples = root ? g_build_filename (root, "data", "samples", NULL) : NULL;
  g_autoptr(GPtrArray) files = samples ? rsh_test_list_articles (samples) : NULL;

  /* The project's own fixtures stand in when the sample story is not there. */
  if (files == NULL || files->len == 0)
    {
      g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "cli", NULL);

      g_clear_pointer (&files, g_ptr_array_unref);
      files = rsh_test_list_articles (fixtures);
    }
  g_assert_cmpuint (files->len, >=, 2);

  return g_steal_pointer (&files);
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *data)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static void
assert_string_or_null (JsonObject *object,
                       const char *member)
{
  JsonNode *node;

  if (!json_object_has_member (object, member))
    g_error ("member “%s” missing", member);
  node = json_object_get_member (object, member);
  g_assert_true (JSON_NODE_HOLDS_NULL (node) ||
                 json_node_get_value_type (node) == G_TYPE_STRING);
}

static gboolean
valid_stance (const char *word,
              gboolean    absent_allowed)
{
  RshStance stance;

  return word != NULL && rsh_stance_from_string (word, &stance) &&
         (absent_allowed || stance != RSH_STANCE_ABSENT);
}

/* Checks @root against the contract; returns the number of sources. */
static guint
check_contract (JsonObject *root)
{
  static const char * const kinds[] = {
    "person", "organization", "government", "media", "group", "unknown", NULL };
  static const char * const source_strings[] = {
    "id", "input", "url", "title", "outlet", "published", "language", "duplicate_of", NULL };
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) actors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) claim_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) source_ids = g_ptr_array_new ();
  JsonArray *array;
  guint n_mentions = 0;

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rashomon-comparison");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "generator"), ==,
                   "rashomon " PACKAGE_VERSION);

  array = json_object_get_array_member (root, "sources");
  g_assert_nonnull (array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *source = json_array_get_object_element (array, i);
      g_autofree char *expected_id = g_strdup_printf ("s%u", i + 1);
      JsonArray *authors;

      for (guint f = 0; source_strings[f]; f++)
        assert_string_or_null (source, source_strings[f]);
      g_assert_cmpstr (json_object_get_string_member (source, "id"), ==, expected_id);
      g_assert_nonnull (json_object_get_string_member (source, "input"));
      g_assert_nonnull (json_object_get_string_member (source, "text"));
      authors = json_object_get_array_member (source, "authors");
      g_assert_nonnull (authors);
      for (guint a = 0; a < json_array_get_length (authors); a++)
        g_assert_nonnull (json_array_get_string_element (authors, a));
      g_assert_nonnull (json_object_get_array_member (source, "timexes"));

      g_hash_table_insert (texts, (gpointer) json_object_get_string_member (source, "id"),
                           (gpointer) json_object_get_string_member (source, "text"));
      g_ptr_array_add (source_ids, (gpointer) json_object_get_string_member (source, "id"));
    }

  array = json_object_get_array_member (root, "actors");
  g_assert_nonnull (array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *actor = json_array_get_object_element (array, i);
      JsonArray *aliases = json_object_get_array_member (actor, "aliases");

      g_assert_nonnull (json_object_get_string_member (actor, "id"));
      g_assert_nonnull (json_object_get_string_member (actor, "name"));
      g_assert_nonnull (aliases);
      g_assert_true (g_strv_contains (kinds, json_object_get_string_member (actor, "kind")));
      g_hash_table_add (actors, (gpointer) json_object_get_string_member (actor, "id"));
    }

  array = json_object_get_array_member (root, "claims");
  g_assert_nonnull (array);
  for (guint c = 0; c < json_array_get_length (array); c++)
    {
      JsonObject *claim = json_array_get_object_element (array, c);
      JsonArray *mentions = json_object_get_array_member (claim, "mentions");
      JsonArray *positions = json_object_get_array_member (claim, "positions");

      g_assert_nonnull (json_object_get_string_member (claim, "id"));
      g_assert_nonnull (json_object_get_string_member (claim, "text"));
      g_assert_true (json_node_get_value_type (json_object_get_member (claim, "user_defined")) ==
                     G_TYPE_BOOLEAN);
      g_hash_table_add (claim_ids, (gpointer) json_object_get_string_member (claim, "id"));

      g_assert_nonnull (mentions);
      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);
          const char *source_id = json_object_get_string_member (mention, "source");
          const char *text = g_hash_table_lookup (texts, source_id);
          gint64 start = json_object_get_int_member (mention, "start");
          gint64 end = json_object_get_int_member (mention, "end");
          g_autofree char *expected = NULL;
          JsonNode *actor = json_object_get_member (mention, "actor");

          g_assert_nonnull (text);
          g_assert_cmpint (start, >=, 0);
          g_assert_cmpint (start, <=, end);
          g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
          expected = rsh_substring (text, start, end);
          g_assert_cmpstr (json_object_get_string_member (mention, "quote"), ==, expected);
          assert_string_or_null (mention, "actor");
          assert_string_or_null (mention, "cue");
          if (!JSON_NODE_HOLDS_NULL (actor))
            g_assert_true (g_hash_table_contains (actors, json_node_get_string (actor)));
          g_assert_true (valid_stance (json_object_get_string_member (mention, "stance"), FALSE));
          g_assert_true (json_node_get_value_type (json_object_get_member (mention, "hedged")) ==
                         G_TYPE_BOOLEAN);
          g_assert_true (json_object_has_member (mention, "time"));
          n_mentions++;
        }

      /* Exactly one position per source, in source order. */
      g_assert_nonnull (positions);
      g_assert_cmpuint (json_array_get_length (positions), ==, source_ids->len);
      for (guint p = 0; p < json_array_get_length (positions); p++)
        {
          JsonObject *position = json_array_get_object_element (positions, p);

          g_assert_cmpstr (json_object_get_string_member (position, "source"), ==,
                           g_ptr_array_index (source_ids, p));
          g_assert_true (valid_stance (json_object_get_string_member (position, "stance"), TRUE));
          g_assert_true (json_node_get_value_type (json_object_get_member (position, "hedged")) ==
                         G_TYPE_BOOLEAN);
        }
    }

  array = json_object_get_array_member (root, "timeline");
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, n_mentions);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *event = json_array_get_object_element (array, i);

      g_assert_true (g_hash_table_contains (claim_ids,
                                            json_object_get_string_member (event, "claim")));
      g_assert_true (g_hash_table_contains (texts,
                                            json_object_get_string_member (event, "source")));
      assert_string_or_null (event, "actor");
      assert_string_or_null (event, "earliest");
      assert_string_or_null (event, "latest");
      g_assert_true (valid_stance (json_object_get_string_member (event, "stance"), FALSE));
      g_assert_nonnull (json_object_get_string_member (event, "label"));
    }

  return source_ids->len;
}

static GPtrArray *
analyze_args (const char * const *options,
              GPtrArray          *files)
{
  GPtrArray *args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "analyze");
  for (guint i = 0; options && options[i]; i++)
    g_ptr_array_add (args, (gpointer) options[i]);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (files, i));
  g_ptr_array_add (args, NULL);

  return args;
}

static void
test_story_json (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) { "--format", "json", NULL },
                                            files);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0, };
  JsonObject *root;
  JsonArray *claims;
  guint n_mentions = 0;
  gboolean has_denial = FALSE;

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  root = parse_json (parser, run.out);
  g_assert_cmpuint (check_contract (root), ==, files->len);

  /* The story has attributed statements, and someone denies something. */
  claims = json_object_get_array_member (root, "claims");
  for (guint c = 0; c < json_array_get_length (claims); c++)
    {
      JsonArray *mentions = json_object_get_array_member (json_array_get_object_element (claims, c),
                                                          "mentions");

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);

          n_mentions++;
          if (g_str_equal (json_object_get_string_member (mention, "stance"), "denies"))
            has_denial = TRUE;
        }
    }
  g_assert_cmpuint (n_mentions, >=, files->len);
  g_assert_true (has_denial);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "actors")), >, 1);
}

/* Splits RFC 4180 CSV into rows of cells. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          p++;
          while (TRUE)
            {
              g_assert_true (*p != '\0');  /* an unterminated quoted cell */
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p++);
            }
        }
      else
        {
          while (*p && *p != ',' && *p != '\r' && *p != '\n')
            {
              g_assert_true (*p != '"');  /* a quote inside an unquoted cell */
              g_string_append_c (cell, *p++);
            }
        }

      g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
      cell = g_string_new (NULL);

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');  /* CRLF line ends */
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);

  return rows;
}

static void
test_story_csv (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) {
                                              "--format", "csv",
                                              "--claim", "=HYPERLINK(\"x\") water, test",
                                              NULL },
                                            files);
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(Run) run = { 0, };
  GPtrArray *header;

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);

  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, >=, 2);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, files->len + 1);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "claim");
  for (guint i = 1; i < header->len; i++)
    {
      g_autofree char *suffix = g_strdup_printf (" (s%u)", i);

      g_assert_true (g_str_has_suffix (g_ptr_array_index (header, i), suffix));
    }

  /* The tracked claim comes first, defused against formula injection. */
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), 0), ==,
                   "'=HYPERLINK(\"x\") water, test");

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (row->len, ==, header->len);
      for (guint i = 1; i < row->len; i++)
        {
          g_autofree char *word = g_strdup (g_ptr_array_index (row, i));
          char *hedged = strstr (word, " (hedged)");

          if (hedged != NULL)
            *hedged = '\0';
          g_assert_true (valid_stance (word, TRUE));
        }
    }
}

static void
test_tracked_claim (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  const char *claim_text = "  Solvent readings  were hidden from customers — “weeks” ";
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) {
                                              "--claim", claim_text, NULL },
                                            files);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0, };
  JsonObject *root;
  JsonObject *claim;

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (parser, run.out);
  check_contract (root);

  claim = json_array_get_object_element (json_object_get_array_member (root, "claims"), 0);
  g_assert_true (json_object_get_boolean_member (claim, "user_defined"));
  g_assert_cmpstr (json_object_get_string_member (claim, "text"), ==, claim_text);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (claim, "positions")),
                    ==, files->len);
}

static void
test_missing_file (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  g_autoptr(GPtrArray) with_missing = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "rashomon-no-such-article.html",
                                               NULL);
  g_auto(Run) run = { 0, };
  JsonObject *root;
  JsonArray *sources;

  g_ptr_array_add (with_missing, (gpointer) "analyze");
  g_ptr_array_add (with_missing, g_ptr_array_index (files, 0));
  g_ptr_array_add (with_missing, missing);
  g_ptr_array_add (with_missing, g_ptr_array_index (files, 1));
  g_ptr_array_add (with_missing, NULL);

  run_cli (&run, NULL, (const char * const *) with_missing->pdata);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_true (g_str_has_prefix (run.err, "rashomon-cli: "));
  g_assert_nonnull (strstr (run.err, missing));

  root = parse_json (parser, run.out);
  g_assert_cmpuint (check_contract (root), ==, 2);
  sources = json_object_get_array_member (root, "sources");
  /* The failed input takes no id: the good ones are s1 and s2. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 1),
                                                  "input"), ==, g_ptr_array_index (files, 1));
}

static void
test_no_usable_input (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *dir = g_dir_make_tmp ("rashomon-cli-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  run_cli (&run, NULL, (const char * const[]) { "analyze", empty, dir, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, empty));
  g_assert_cmpstr (run.out, ==, "");

  g_unlink (empty);
  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  const char *file = g_ptr_array_index (files, 0);
  struct { const char * const *args; const char *message; } cases[] = {
    { (const char * const[]) { "analyze", "--format", "xml", file, NULL }, "xml" },
    /* Every format of the contract is written now (see test-export); these are refused. */
    { (const char * const[]) { "analyze", "--format", "docx", file, NULL }, "docx" },
    { (const char * const[]) { "analyze", "--format", "mentions-csv", file, NULL },
      "mentions-csv" },
    { (const char * const[]) { "export", "--format", "pdf", NULL }, "--project" },
    { (const char * const[]) { "analyze", NULL }, "INPUT" },
    { (const char * const[]) { "analyze", "--frobnicate", file, NULL }, "frobnicate" },
    { (const char * const[]) { "analyze", "--published", "nowhere.html=2026-01-01", file, NULL },
      "nowhere.html" },
    { (const char * const[]) { "analyze", "--published", "no-date", file, NULL }, "INPUT=DATE" },
    { (const char * const[]) { "tag-times", "--anchor", "3 March", file, NULL },
      "YYYY-MM-DD" },
    { (const char * const[]) { "tag-times", "--anchor", "2026-03-03", file, file, NULL },
      "one file" },
    { (const char * const[]) { "rewrite", NULL }, "rewrite" },
    { (const char * const[]) { NULL }, "Usage" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_cli (&run, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));
    }
}

static void
test_version_help (void)
{
  g_auto(Run) version = { 0, };
  g_auto(Run) help = { 0, };

  run_cli (&version, NULL, (const char * const[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "rashomon-cli " PACKAGE_VERSION "\n");

  run_cli (&help, NULL, (const char * const[]) { "analyze", "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--claim"));
  g_assert_nonnull (strstr (help.out, "--published"));
  g_assert_nonnull (strstr (help.out, "--project"));
}

static void
test_output_file (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  g_autofree char *dir = g_dir_make_tmp ("rashomon-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "comparison.json", NULL);
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) { "-o", out, NULL }, files);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0, };

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpuint (check_contract (parse_json (parser, contents)), ==, files->len);

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_stdin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "cli",
                                                 "harbour-bulletin.txt", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0, };
  JsonObject *source;
  JsonObject *root;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  run_cli (&run, text, (const char * const[]) {
             "analyze", "--published", "-=2026-05-13", "-", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  root = parse_json (parser, run.out);
  g_assert_cmpuint (check_contract (root), ==, 1);
  source = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "input"), ==, "-");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "published"),
                                   "2026-05-13"));
  g_assert_nonnull (strstr (json_object_get_string_member (source, "text"), "Eda Marsh"));
}

static void
test_project (void)
{
  g_autoptr(GPtrArray) files = story_files ();
  g_autofree char *dir = g_dir_make_tmp ("rashomon-cli-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "story.rashomon", NULL);
  const char *claim = "Solvent readings were hidden";
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) {
                                              "--project", project_path, "--claim", claim,
                                              "-o", "-", NULL },
                                            files);
  g_autoptr(RshProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };
  const char * const *tracked;

  run_cli (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  project = rsh_project_open (project_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==, files->len);
  tracked = rsh_project_get_tracked_claims (project);
  g_assert_nonnull (tracked);
  g_assert_true (g_strv_contains (tracked, claim));
  g_clear_object (&project);

  /* The project file already exists: it is opened and added to, not replaced. */
  {
    g_auto(Run) again = { 0, };
    const char *one[] = { "analyze", "--project", project_path, g_ptr_array_index (files, 0),
                          NULL };

    run_cli (&again, NULL, one);
    g_assert_cmpint (again.status, ==, 0);
    project = rsh_project_open (project_path, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_sources (project)), ==,
                      files->len + 1);
  }

  g_clear_object (&project);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

/* Exports the project's comparison as JSON. */
static char *
export_project (const char *project_path)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, NULL, (const char * const[]) { "export", "--project", project_path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  return g_steal_pointer (&run.out);
}

static JsonObject *
find_claim (JsonObject *root,
            const char *claim_id)
{
  JsonArray *claims = json_object_get_array_member (root, "claims");

  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *claim = json_array_get_object_element (claims, i);

      if (g_strcmp0 (json_object_get_string_member (claim, "id"), claim_id) == 0)
        return claim;
    }

  return NULL;
}

/* The first two articles of the story: every edit analyses the project again, and two
 * sources keep that quick. */
static GPtrArray *
two_story_files (void)
{
  g_autoptr(GPtrArray) files = story_files ();

  g_ptr_array_set_size (files, 2);
  return g_steal_pointer (&files);
}

static void
test_edit (void)
{
  g_autoptr(GPtrArray) files = two_story_files ();
  g_autofree char *dir = g_dir_make_tmp ("rashomon-cli-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "story.rashomon", NULL);
  g_autoptr(GPtrArray) args = analyze_args ((const char * const[]) {
                                              "--project", project_path, "-o", "-", NULL },
                                            files);
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *moved = NULL;
  JsonObject *root;
  JsonObject *merged;
  JsonArray *claims;
  JsonArray *mentions;
  gboolean found = FALSE;

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const *) args->pdata);
    g_assert_cmpint (run.status, ==, 0);
  }

  before = export_project (project_path);
  root = parse_json (before_parser, before);
  check_contract (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "corrections")),
                    ==, 0);
  claims = json_object_get_array_member (root, "claims");
  g_assert_cmpuint (json_array_get_length (claims), >=, 2);
  first_id = g_strdup (json_object_get_string_member (json_array_get_object_element (claims, 0),
                                                      "id"));
  second_id = g_strdup (json_object_get_string_member (json_array_get_object_element (claims, 1),
                                                       "id"));
  mentions = json_object_get_array_member (json_array_get_object_element (claims, 1), "mentions");
  moved = g_strdup (json_object_get_string_member (json_array_get_object_element (mentions, 0),
                                                   "id"));

  /* Merge the second claim into the first, by the ids the export printed. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "--author", "Cli Tester", "merge-claims",
                                                  first_id, second_id, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Merge Claims"));
  }

  after = export_project (project_path);
  root = parse_json (after_parser, after);
  check_contract (root);
  g_assert_null (find_claim (root, second_id));
  merged = find_claim (root, first_id);
  g_assert_nonnull (merged);
  g_assert_true (json_object_get_boolean_member (merged, "corrected"));
  mentions = json_object_get_array_member (merged, "mentions");
  for (guint i = 0; i < json_array_get_length (mentions); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (mentions, i),
                                                  "id"), moved) == 0)
      found = TRUE;
  g_assert_true (found);
  {
    JsonArray *corrections = json_object_get_array_member (root, "corrections");
    JsonObject *correction;

    g_assert_cmpuint (json_array_get_length (corrections), ==, 1);
    correction = json_array_get_object_element (corrections, 0);
    g_assert_cmpstr (json_object_get_string_member (correction, "kind"), ==, "merge-claims");
    g_assert_cmpstr (json_object_get_string_member (correction, "author"), ==, "Cli Tester");
    g_assert_true (json_object_get_boolean_member (correction, "applies"));
  }

  /* Unknown ids: a clear message and status 1; the project keeps one correction. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "merge-claims", first_id, "c9999", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "c9999"));
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "set-stance", moved, "shrugs", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "shrugs"));
  }

  /* Usage errors: status 2. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "teleport", "c1", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "teleport"));
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "move-mention", moved, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "hide", "c1", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--project"));
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path, "list",
                                                  NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "merge-claims"));
    g_assert_nonnull (strstr (run.out, "Cli Tester"));
    g_assert_nonnull (strstr (run.out, "active"));
  }

  /* Undo gives back the automatic comparison; redo the merged one. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path, "undo",
                                                  NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Undo Merge Claims"));
  }
  undone = export_project (project_path);
  g_assert_cmpstr (undone, ==, before);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    root = parse_json (parser, undone);
    g_assert_nonnull (find_claim (root, second_id));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), ==,
                      json_array_get_length (claims));
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path, "redo",
                                                  NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_autofree char *redone = export_project (project_path);

    g_assert_cmpstr (redone, ==, after);
  }
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path, "redo",
                                                  NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "redo"));
  }

  rsh_test_remove_tree (dir);
}

static void
link_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RshSource) source = rsh_project_add_uri_finish (RSH_PROJECT (object), result,
                                                            &error);

  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

/* A project with one web page, saved: the CLI itself only stores files. */
static void
save_link_project (const char *uri,
                   const char *path)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(RshProject) project = rsh_project_new ();
  g_autoptr(GError) error = NULL;

  rsh_project_add_uri_async (project, uri, NULL, link_added_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (rsh_project_save_as (project, path, &error));
  g_assert_no_error (error);
}

/* reload keeps every version and fails cleanly on a dead link; edit set-title sticks;
 * search finds claims of the current version and takes any text. */
static void
test_reload_search (void)
{
  g_autoptr(RshTestServer) server = rsh_test_server_new ();
  g_autofree char *uri = rsh_test_server_uri (server, "/changing");
  g_autofree char *dir = g_dir_make_tmp ("rashomon-cli-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "ferry.rashomon", NULL);
  g_autoptr(GError) error = NULL;

  save_link_project (uri, project_path);

  {
    g_auto(Run) run = { 0, };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, NULL, (const char * const[]) { "reload", "--project", project_path, uri,
                                                  NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "1\t"));
    g_assert_false (g_str_has_suffix (lines[0], "current"));
    g_assert_true (g_str_has_prefix (lines[1], "2\t"));
    g_assert_true (g_str_has_suffix (lines[1], "\tcurrent"));
    g_assert_cmpuint (rsh_test_server_get_hits (server, "/changing"), ==, 2);
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "edit", "--project", project_path,
                                                  "set-title", "s1", "Ferry halt", NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "s1\tFerry halt\n");
  }

  /* The page is gone: an error, and the project as it was. */
  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "reload", "--project", project_path, "s1",
                                                  NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "404"));
    g_assert_nonnull (strstr (run.err, "version read before is kept"));
  }

  {
    g_autoptr(RshProject) project = rsh_project_open (project_path, NULL, &error);
    g_autoptr(RshSource) source = NULL;
    g_autoptr(GPtrArray) versions = NULL;

    g_assert_no_error (error);
    source = g_list_model_get_item (rsh_project_get_sources (project), 0);
    g_assert_cmpstr (rsh_source_get_title (source), ==, "Ferry halt");
    g_assert_nonnull (strstr (rsh_source_get_text (source), "pillars"));
    versions = rsh_project_get_source_versions (project, source, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (versions->len, ==, 2);
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "search", "--project", project_path,
                                                  "PILLAR", NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "c"));
    g_assert_nonnull (strchr (run.out, '\t'));
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "search", "--project", project_path,
                                                  "pillars", "xylophone", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "search", "--project", project_path,
                                                  "\"NEAR(", "OR", "*", NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(Run) run = { 0, };

    run_cli (&run, NULL, (const char * const[]) { "search", "pillars", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }

  g_clear_pointer (&server, rsh_test_server_free);
  rsh_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/analyze/story-json", test_story_json);
  g_test_add_func ("/cli/analyze/story-csv", test_story_csv);
  g_test_add_func ("/cli/analyze/tracked-claim", test_tracked_claim);
  g_test_add_func ("/cli/analyze/missing-file", test_missing_file);
  g_test_add_func ("/cli/analyze/no-usable-input", test_no_usable_input);
  g_test_add_func ("/cli/analyze/output-file", test_output_file);
  g_test_add_func ("/cli/analyze/stdin", test_stdin);
  g_test_add_func ("/cli/analyze/project", test_project);
  g_test_add_func ("/cli/edit", test_edit);
  g_test_add_func ("/cli/reload-search", test_reload_search);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/version-help", test_version_help);

  return g_test_run ();
}
