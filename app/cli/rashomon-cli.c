/* rashomon-cli.c: the command line over the Rashomon engine
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include <rashomon.h>

#define EXIT_USAGE   2
#define EXIT_PARTIAL 3

/* Formats of the contract that a later version writes. */
static const char * const future_formats[] = { "xlsx", "ods", "html", "pdf", "md", NULL };

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "rashomon-cli: %s\n", message);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n  %s\n  %s\n\n%s\n",
           _("Usage: rashomon-cli COMMAND [OPTION…]"),
           _("Commands:"),
           _("analyze [OPTION…] INPUT…   compare the accounts of one story and export the "
             "result"),
           _("tag-times [OPTION…] [FILE|-]   find time expressions in a text"),
           _("Run “rashomon-cli COMMAND --help” for the options of a command, "
             "“rashomon-cli --version” for the version."));
}

static gboolean
is_url (const char *input)
{
  return g_str_has_prefix (input, "http://") || g_str_has_prefix (input, "https://");
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (data, buffer, n);
      if (data->len > RSH_SOURCE_MAX_BYTES)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_TOO_LARGE,
                       _("Standard input is larger than %d MB"),
                       RSH_SOURCE_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
    }

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read standard input"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static RshSource *
load_input (const char  *input,
            GError     **error)
{
  g_autoptr(RshSource) source = rsh_source_new (input);

  if (strcmp (input, "-") == 0)
    {
      g_autoptr(GBytes) bytes = read_stdin (error);

      if (bytes == NULL || !rsh_source_load_bytes (source, bytes, NULL, error))
        return NULL;
    }
  else if (!rsh_source_load (source, NULL, error))
    return NULL;

  if (rsh_source_get_state (source) != RSH_SOURCE_STATE_READY)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE, "%s",
                   rsh_source_get_error_message (source) ? rsh_source_get_error_message (source)
                                                         : _("The input could not be read"));
      return NULL;
    }

  return g_steal_pointer (&source);
}

/* Stores the file inputs and the tracked claims in the project file at @path. */
static gboolean
store_in_project (const char          *path,
                  GPtrArray           *sources,
                  const char * const  *claims,
                  GError             **error)
{
  g_autoptr(RshProject) project = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      project = rsh_project_open (path, NULL, error);
      if (project == NULL)
        return FALSE;
    }
  else
    {
      project = rsh_project_new ();
      if (!rsh_project_save_as (project, path, error))
        return FALSE;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      RshSource *source = g_ptr_array_index (sources, i);
      const char *input = rsh_source_get_input (source);
      g_autoptr(GFile) file = NULL;
      g_autoptr(RshSource) added = NULL;
      g_autoptr(GError) local_error = NULL;

      /* A project keeps files; standard input and links have no file to add. */
      if (strcmp (input, "-") == 0 || is_url (input))
        {
          print_error (_("%s: not stored in the project (only files can be added to a project "
                         "from the command line)"), input);
          continue;
        }

      file = g_file_new_for_commandline_arg (input);
      added = rsh_project_add_file (project, file, NULL, &local_error);
      if (added == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  for (guint i = 0; claims != NULL && claims[i] != NULL; i++)
    {
      if (!rsh_project_add_tracked_claim (project, claims[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_output (RshComparison    *comparison,
              RshExportFormat   format,
              const char       *output,
              GError          **error)
{
  if (output != NULL && strcmp (output, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFileOutputStream) stream = NULL;

      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
      if (stream == NULL)
        return FALSE;

      if (!rsh_comparison_write (comparison, format, G_OUTPUT_STREAM (stream), NULL, error))
        return FALSE;

      return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
    }
  else
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      gconstpointer data;
      gsize size;

      if (!rsh_comparison_write (comparison, format, stream, NULL, error) ||
          !g_output_stream_close (stream, NULL, error))
        return FALSE;

      data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write to standard output"));
          return FALSE;
        }

      return TRUE;
    }
}

static int
cmd_analyze (int    argc,
             char **argv)
{
  g_auto(GStrv) claims = NULL;
  g_auto(GStrv) published = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) dates = NULL;
  g_autoptr(GListStore) model = NULL;
  g_autoptr(RshComparison) comparison = NULL;
  RshExportFormat format;
  gboolean failed_input = FALSE;
  const GOptionEntry entries[] = {
    { "claim", 0, 0, G_OPTION_ARG_STRING_ARRAY, &claims,
      N_("Track a claim: every source gets a position on it"), N_("TEXT") },
    { "published", 0, 0, G_OPTION_ARG_STRING_ARRAY, &published,
      N_("Give the publication date of an input whose page does not say it"),
      N_("INPUT=DATE") },
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("Also store the inputs and tracked claims in this project file"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: json (default), csv, xlsx, ods, html, pdf or md"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("INPUT…") },
    { NULL }
  };

  context = g_option_context_new (_("INPUT… — compare the accounts of one story"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads each INPUT (a file path, an http(s) link, or “-” for standard input), finds who\n"
      "said what, and writes the comparison: sources, actors, claims, each source's position\n"
      "on each claim, and a timeline."));
  g_option_context_set_description (context,
    _("Exit status: 0 on success, 1 when no input could be read, 2 on a usage error,\n"
      "3 when some inputs could not be read (they are reported and skipped)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (inputs == NULL || inputs[0] == NULL)
    {
      print_error (_("analyze: no INPUT given (see “rashomon-cli analyze --help”)"));
      return EXIT_USAGE;
    }

  if (format_name == NULL)
    format_name = g_strdup ("json");
  if (!rsh_export_format_from_string (format_name, &format))
    {
      if (g_strv_contains (future_formats, format_name))
        print_error (_("format “%s” not available yet in this version"), format_name);
      else
        print_error (_("unknown format “%s” (use json or csv)"), format_name);
      return EXIT_USAGE;
    }

  for (guint i = 0; claims != NULL && claims[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (claims[i]));

      if (stripped[0] == '\0')
        {
          print_error (_("--claim needs a text"));
          return EXIT_USAGE;
        }
    }

  dates = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; published != NULL && published[i] != NULL; i++)
    {
      /* Split at the last "=": a link may hold one, a date never does. */
      char *eq = strrchr (published[i], '=');

      if (eq == NULL || eq == published[i] || eq[1] == '\0')
        {
          print_error (_("--published expects INPUT=DATE, not “%s”"), published[i]);
          return EXIT_USAGE;
        }
      *eq = '\0';
      if (!g_strv_contains ((const char * const *) inputs, published[i]))
        {
          print_error (_("--published names “%s”, which is not among the inputs"),
                       published[i]);
          return EXIT_USAGE;
        }
      g_hash_table_insert (dates, published[i], eq + 1);
    }

  sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(RshSource) source = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *id = NULL;
      const char *date;

      source = load_input (inputs[i], &local_error);
      if (source == NULL)
        {
          print_error ("%s: %s", inputs[i], local_error->message);
          failed_input = TRUE;
          continue;
        }

      date = g_hash_table_lookup (dates, inputs[i]);
      if (date != NULL && !rsh_source_set_published (source, date, &local_error))
        {
          print_error ("--published %s=%s: %s", inputs[i], date, local_error->message);
          return EXIT_USAGE;
        }

      /* Failed inputs take no id: s1, s2, … count the sources that were read. */
      id = g_strdup_printf ("s%u", sources->len + 1);
      rsh_source_set_id (source, id);
      g_ptr_array_add (sources, g_steal_pointer (&source));
    }

  if (sources->len == 0)
    {
      print_error (_("no input could be read"));
      return EXIT_FAILURE;
    }

  model = g_list_store_new (RSH_TYPE_SOURCE);
  for (guint i = 0; i < sources->len; i++)
    g_list_store_append (model, g_ptr_array_index (sources, i));

  comparison = rsh_comparison_analyze (G_LIST_MODEL (model), (const char * const *) claims,
                                       NULL, &error);
  if (comparison == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE;
    }

  if (project_path != NULL &&
      !store_in_project (project_path, sources, (const char * const *) claims, &error))
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  if (!write_output (comparison, format, output, &error))
    {
      print_error ("%s: %s", output ? output : _("standard output"), error->message);
      return EXIT_FAILURE;
    }

  return failed_input ? EXIT_PARTIAL : EXIT_SUCCESS;
}

static int
cmd_tag_times (int    argc,
               char **argv)
{
  print_error (_("tag-times: not available yet in this version; time tagging comes with a "
                 "later release"));
  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0)
    {
      printf ("rashomon-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }

  if (strcmp (argv[1], "analyze") == 0)
    return cmd_analyze (argc - 1, argv + 1);

  if (strcmp (argv[1], "tag-times") == 0)
    return cmd_tag_times (argc - 1, argv + 1);

  print_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
