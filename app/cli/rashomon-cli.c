/* rashomon-cli.c: the command line over the Rashomon engine
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include <rashomon.h>

#define EXIT_USAGE   2
#define EXIT_PARTIAL 3

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
  fprintf (stream, "%s\n\n%s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n\n%s\n",
           _("Usage: rashomon-cli COMMAND [OPTION…]"),
           _("Commands:"),
           _("analyze [OPTION…] INPUT…   compare the accounts of one story and export the "
             "result"),
           _("tag-times [OPTION…] [FILE|-]   find time expressions in a text"),
           _("export --project FILE [OPTION…]   export the comparison of a saved project"),
           _("edit --project FILE EDIT ARG…   correct the comparison of a saved project"),
           _("search --project FILE QUERY   list the claims whose wording, quotes or speakers "
             "match"),
           _("reload --project FILE SOURCE   fetch a web source again, keeping the previous "
             "version"),
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

/* Reads --format; XLSX, ODS and PDF are not sent to a terminal, where they would only
 * garble the screen. Prints the problem and returns FALSE on a usage error. */
static gboolean
parse_format (const char      *name,
              const char      *output,
              RshExportFormat *format)
{
  if (!rsh_export_format_from_string (name != NULL ? name : "json", format) ||
      *format == RSH_EXPORT_MENTIONS_CSV)
    {
      print_error (_("unknown format “%s” (use json, csv, xlsx, ods, html, pdf or md)"), name);
      return FALSE;
    }

  if (rsh_export_format_is_binary (*format) && (output == NULL || strcmp (output, "-") == 0) &&
      isatty (STDOUT_FILENO))
    {
      print_error (_("%s is a binary format and is not written to a terminal; give a file with "
                     "-o FILE, or redirect the output"), name);
      return FALSE;
    }

  return TRUE;
}

/* Writes the output, then the mentions as CSV when asked for; prints what failed. */
static gboolean
write_outputs (RshComparison   *comparison,
               RshExportFormat  format,
               const char      *output,
               const char      *mentions_csv)
{
  g_autoptr(GError) error = NULL;

  if (!write_output (comparison, format, output, &error))
    {
      print_error ("%s: %s", output ? output : _("standard output"), error->message);
      return FALSE;
    }

  if (mentions_csv != NULL &&
      !write_output (comparison, RSH_EXPORT_MENTIONS_CSV, mentions_csv, &error))
    {
      print_error ("%s: %s", mentions_csv, error->message);
      return FALSE;
    }

  return TRUE;
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
  g_autofree char *mentions_csv = NULL;
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
    { "mentions-csv", 0, 0, G_OPTION_ARG_FILENAME, &mentions_csv,
      N_("Also write every statement (mention) as CSV to FILE"), N_("FILE") },
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
  if (!parse_format (format_name, output, &format))
    return EXIT_USAGE;

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

  if (!write_outputs (comparison, format, output, mentions_csv))
    return EXIT_FAILURE;

  return failed_input ? EXIT_PARTIAL : EXIT_SUCCESS;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *project_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *mentions_csv = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshProject) project = NULL;
  RshComparison *comparison;
  RshExportFormat format;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("The project file to export"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: json (default), csv, xlsx, ods, html, pdf or md"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "mentions-csv", 0, 0, G_OPTION_ARG_FILENAME, &mentions_csv,
      N_("Also write every statement (mention) as CSV to FILE"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("— export the comparison of a saved project"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Opens a project saved by Rashomon, compares its sources with the claims it tracks,\n"
      "and writes the comparison."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (rest != NULL && rest[0] != NULL)
    {
      print_error (_("export: unexpected argument “%s” (the project is given with --project)"),
                   rest[0]);
      return EXIT_USAGE;
    }

  if (project_path == NULL)
    {
      print_error (_("export: no --project FILE given (see “rashomon-cli export --help”)"));
      return EXIT_USAGE;
    }

  if (format_name == NULL)
    format_name = g_strdup ("json");
  if (!parse_format (format_name, output, &format))
    return EXIT_USAGE;

  /* Opening a missing path would create an empty project; exporting one helps nobody. */
  if (!g_file_test (project_path, G_FILE_TEST_IS_REGULAR))
    {
      print_error (_("%s: no such project file"), project_path);
      return EXIT_FAILURE;
    }

  project = rsh_project_open (project_path, NULL, &error);
  if (project == NULL || !rsh_project_analyze (project, NULL, &error))
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  comparison = rsh_project_get_comparison (project);
  if (comparison == NULL)
    {
      print_error (_("%s: the project could not be compared"), project_path);
      return EXIT_FAILURE;
    }

  if (!write_outputs (comparison, format, output, mentions_csv))
    return EXIT_FAILURE;

  return EXIT_SUCCESS;
}

/* The number of arguments each edit takes: at least, at most (G_MAXINT: any number). */
static const struct
{
  const char *name;
  int         min_args;
  int         max_args;
  const char *usage;
} edits[] = {
  { "merge-claims", 2, G_MAXINT, "merge-claims CLAIM CLAIM…" },
  { "split-claim", 2, G_MAXINT, "split-claim CLAIM MENTION… [--wording TEXT]" },
  { "move-mention", 2, 2, "move-mention MENTION CLAIM" },
  { "set-stance", 2, 2, "set-stance MENTION reports|confirms|denies|disputes "
                        "[--hedged|--not-hedged]" },
  { "set-speaker", 2, 2, "set-speaker MENTION ACTOR|NAME|\"\"" },
  { "set-wording", 2, 2, "set-wording CLAIM TEXT" },
  { "hide", 1, 1, "hide CLAIM" },
  { "unhide", 1, 1, "unhide CLAIM" },
  { "rename-actor", 2, 2, "rename-actor ACTOR NAME" },
  { "merge-actors", 2, G_MAXINT, "merge-actors ACTOR ACTOR…" },
  { "split-actor", 2, G_MAXINT, "split-actor ACTOR MENTION… [--name NAME]" },
  { "undo", 0, 0, "undo" },
  { "redo", 0, 0, "redo" },
  { "list", 0, 0, "list" },
  { "set-title", 2, 2, "set-title SOURCE TITLE|\"\"" },
};

static char *
dup_edit_usage (void)
{
  GString *usage = g_string_new (_("Edits (ids as printed by “analyze --format json” or "
                                   "“export”: claims c3, statements s2:120-188, actors a4):"));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_string_append_printf (usage, "\n  %s", edits[i].usage);

  return g_string_free (usage, FALSE);
}

static const char *
state_name (RshCorrectionState state)
{
  switch (state)
    {
    case RSH_CORRECTION_ACTIVE:
      return "active";
    case RSH_CORRECTION_UNDONE:
      return "undone";
    case RSH_CORRECTION_SUPERSEDED:
      return "superseded";
    default:
      return "unknown";
    }
}

static void
list_corrections (RshProject *project)
{
  GListModel *corrections = rsh_project_get_corrections (project);
  guint n = g_list_model_get_n_items (corrections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshCorrection) correction = g_list_model_get_item (corrections, i);
      RshCorrectionState state = rsh_correction_get_state (correction);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
              rsh_correction_get_id (correction), state_name (state),
              rsh_correction_kind_to_string (rsh_correction_get_kind (correction)),
              rsh_correction_get_author (correction) ? rsh_correction_get_author (correction)
                                                     : "",
              rsh_correction_get_created_at (correction),
              rsh_correction_get_summary (correction));
      if (state == RSH_CORRECTION_ACTIVE && !rsh_correction_get_applies (correction))
        printf ("\t%s: %s\n", _("no longer applies"), rsh_correction_get_problem (correction));
    }
}

/* A source named by its id (s2) or by the file or link it was read from. */
static RshSource *
find_source (RshProject *project,
             const char *key)
{
  GListModel *sources = rsh_project_get_sources (project);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (rsh_source_get_id (source), key) == 0
          || g_strcmp0 (rsh_source_get_input (source), key) == 0)
        return source;
    }

  return NULL;
}

static RshProject *
open_existing_project (const char *command,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  RshProject *project;

  if (path == NULL)
    {
      print_error (_("%s: no --project FILE given (see “rashomon-cli %s --help”)"),
                   command, command);
      return NULL;
    }

  /* Opening a missing path would create an empty project. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      print_error (_("%s: no such project file"), path);
      return NULL;
    }

  project = rsh_project_open (path, NULL, &error);
  if (project == NULL)
    print_error ("%s: %s", path, error->message);

  return project;
}

static RshCorrection *
make_correction (RshComparison  *comparison,
                 const char     *edit,
                 char          **args,
                 const char     *wording,
                 const char     *name,
                 int             hedged,
                 GError        **error)
{
  const char * const *rest = (const char * const *) args + 1;

  if (strcmp (edit, "merge-claims") == 0)
    return rsh_correction_new_merge_claims (comparison, (const char * const *) args, error);
  if (strcmp (edit, "split-claim") == 0)
    return rsh_correction_new_split_claim (comparison, args[0], rest, wording, error);
  if (strcmp (edit, "move-mention") == 0)
    return rsh_correction_new_move_mention (comparison, args[0], args[1], error);
  if (strcmp (edit, "set-stance") == 0)
    {
      RshStance stance;

      if (!rsh_stance_from_string (args[1], &stance) || stance == RSH_STANCE_ABSENT)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("unknown stance “%s” (use reports, confirms, denies or disputes)"),
                       args[1]);
          return NULL;
        }
      return rsh_correction_new_set_stance (comparison, args[0], stance, hedged, error);
    }
  if (strcmp (edit, "set-speaker") == 0)
    return rsh_correction_new_set_speaker (comparison, args[0], args[1], error);
  if (strcmp (edit, "set-wording") == 0)
    return rsh_correction_new_set_wording (comparison, args[0], args[1], error);
  if (strcmp (edit, "hide") == 0 || strcmp (edit, "unhide") == 0)
    return rsh_correction_new_hide_claim (comparison, args[0], strcmp (edit, "hide") == 0, error);
  if (strcmp (edit, "rename-actor") == 0)
    return rsh_correction_new_rename_actor (comparison, args[0], args[1], error);
  if (strcmp (edit, "merge-actors") == 0)
    return rsh_correction_new_merge_actors (comparison, (const char * const *) args, error);
  if (strcmp (edit, "split-actor") == 0)
    return rsh_correction_new_split_actor (comparison, args[0], rest, name, error);

  g_assert_not_reached ();
  return NULL;
}

static int
cmd_edit (int    argc,
          char **argv)
{
  g_autofree char *project_path = NULL;
  g_autofree char *author = NULL;
  g_autofree char *wording = NULL;
  g_autofree char *name = NULL;
  g_autofree char *usage = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshProject) project = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  gboolean hedged = FALSE;
  gboolean not_hedged = FALSE;
  const char *edit;
  int n_args;
  int known = -1;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("The project file to correct"), N_("FILE") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Who makes the correction (default: your name)"), N_("NAME") },
    { "wording", 0, 0, G_OPTION_ARG_STRING, &wording,
      N_("split-claim: the wording of the new claim"), N_("TEXT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("split-actor: the name of the new actor"), N_("NAME") },
    { "hedged", 0, 0, G_OPTION_ARG_NONE, &hedged,
      N_("set-stance: the statement keeps its distance (reportedly, allegedly)"), NULL },
    { "not-hedged", 0, 0, G_OPTION_ARG_NONE, &not_hedged,
      N_("set-stance: the statement does not keep its distance"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("EDIT ARG…") },
    { NULL }
  };

  usage = dup_edit_usage ();
  context = g_option_context_new (_("EDIT ARG… — correct the comparison of a saved project"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Stores a correction in the project file: it is replayed on every later analysis, also\n"
      "after new sources are added. “undo” and “redo” take back or bring back the last one;\n"
      "“list” shows them all, with those that no longer apply."));
  g_option_context_set_description (context, usage);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("edit: %s", error->message);
      return EXIT_USAGE;
    }

  if (project_path == NULL)
    {
      print_error (_("edit: no --project FILE given (see “rashomon-cli edit --help”)"));
      return EXIT_USAGE;
    }
  if (rest == NULL || rest[0] == NULL)
    {
      print_error (_("edit: no edit given (see “rashomon-cli edit --help”)"));
      return EXIT_USAGE;
    }
  if (hedged && not_hedged)
    {
      print_error (_("edit: give --hedged or --not-hedged, not both"));
      return EXIT_USAGE;
    }

  edit = rest[0];
  n_args = (int) g_strv_length (rest) - 1;
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    if (strcmp (edits[i].name, edit) == 0)
      known = i;
  if (known < 0)
    {
      print_error (_("edit: unknown edit “%s”\n%s"), edit, usage);
      return EXIT_USAGE;
    }
  if (n_args < edits[known].min_args || n_args > edits[known].max_args)
    {
      print_error (_("edit: usage: %s"), edits[known].usage);
      return EXIT_USAGE;
    }

  /* Opening a missing path would create an empty project. */
  if (!g_file_test (project_path, G_FILE_TEST_IS_REGULAR))
    {
      print_error (_("%s: no such project file"), project_path);
      return EXIT_FAILURE;
    }

  project = rsh_project_open (project_path, NULL, &error);
  if (project == NULL)
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  if (strcmp (edit, "set-title") == 0)
    {
      RshSource *source = find_source (project, rest[1]);

      if (source == NULL)
        {
          print_error (_("%s: no source “%s” in the project"), project_path, rest[1]);
          return EXIT_FAILURE;
        }
      if (!rsh_project_set_source_title (project, source, rest[2], &error))
        {
          print_error ("%s: %s", project_path, error->message);
          return EXIT_FAILURE;
        }
      printf ("%s\t%s\n", rsh_source_get_id (source),
              rsh_source_get_title (source) ? rsh_source_get_title (source) : "");
      return EXIT_SUCCESS;
    }

  if (strcmp (edit, "undo") == 0 || strcmp (edit, "redo") == 0)
    {
      const char *label = strcmp (edit, "undo") == 0 ? rsh_project_get_undo_label (project)
                                                      : rsh_project_get_redo_label (project);
      g_autofree char *shown = g_strdup (label);

      if (!(strcmp (edit, "undo") == 0 ? rsh_project_undo (project, &error)
                                       : rsh_project_redo (project, &error)))
        {
          print_error ("%s: %s", project_path, error->message);
          return EXIT_FAILURE;
        }
      printf ("%s\n", shown);
      return EXIT_SUCCESS;
    }

  /* The ids the user gives are those of the corrected comparison, as exported. */
  if (!rsh_project_analyze (project, NULL, &error))
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  if (strcmp (edit, "list") == 0)
    {
      list_corrections (project);
      return EXIT_SUCCESS;
    }

  correction = make_correction (rsh_project_get_comparison (project), edit, rest + 1, wording,
                                name, hedged ? 1 : not_hedged ? 0 : RSH_CORRECTION_KEEP_HEDGED,
                                &error);
  if (correction == NULL)
    {
      print_error ("%s: %s", edit, error->message);
      return EXIT_FAILURE;
    }
  if (author != NULL)
    rsh_correction_set_author (correction, author);

  if (!rsh_project_apply_correction (project, correction, &error))
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", rsh_correction_get_id (correction),
          rsh_correction_get_label (correction), rsh_correction_get_summary (correction));
  if (!rsh_correction_get_applies (correction))
    {
      print_error (_("the correction was stored but does not apply: %s"),
                   rsh_correction_get_problem (correction));
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static int
cmd_search (int    argc,
            char **argv)
{
  g_autofree char *project_path = NULL;
  g_autofree char *query = NULL;
  g_auto(GStrv) rest = NULL;
  g_auto(GStrv) found = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshProject) project = NULL;
  RshComparison *comparison;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("The project file to search"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("QUERY…") },
    { NULL }
  };

  context = g_option_context_new (_("QUERY… — list the claims that match"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Compares the sources of the project (corrections applied) and prints the claims whose\n"
      "wording, quotes or speakers have a word starting with each word of QUERY, ignoring\n"
      "case and accents: one claim a line, its id, a tab, its wording."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("search: %s", error->message);
      return EXIT_USAGE;
    }
  if (project_path == NULL)
    {
      print_error (_("search: no --project FILE given (see “rashomon-cli search --help”)"));
      return EXIT_USAGE;
    }
  if (rest == NULL || rest[0] == NULL)
    {
      print_error (_("search: no QUERY given (see “rashomon-cli search --help”)"));
      return EXIT_USAGE;
    }

  project = open_existing_project ("search", project_path);
  if (project == NULL)
    return EXIT_FAILURE;

  if (!rsh_project_analyze (project, NULL, &error))
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  query = g_strjoinv (" ", rest);
  found = rsh_project_search_claims (project, query, &error);
  if (found == NULL)
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  comparison = rsh_project_get_comparison (project);
  for (guint i = 0; found[i] != NULL; i++)
    {
      RshClaim *claim = rsh_comparison_lookup_claim (comparison, found[i], NULL);

      printf ("%s\t%s\n", found[i], claim != NULL ? rsh_claim_get_text (claim) : "");
    }

  return EXIT_SUCCESS;
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} ReloadWait;

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReloadWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static int
cmd_reload (int    argc,
            char **argv)
{
  g_autofree char *project_path = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshProject) project = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  ReloadWait wait = { NULL, NULL };
  RshSource *source;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &project_path,
      N_("The project file"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("SOURCE") },
    { NULL }
  };

  context = g_option_context_new (_("SOURCE — fetch a source again"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads SOURCE (its id, as “s2”, or its link) again and saves it in the project. A web\n"
      "page becomes a new version and the previous ones are kept; what you set (outlet,\n"
      "date, title) stays. Prints the versions: number, time read, size in bytes, and\n"
      "“current” for the one in use. If the page cannot be fetched, nothing changes."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("reload: %s", error->message);
      return EXIT_USAGE;
    }
  if (project_path == NULL)
    {
      print_error (_("reload: no --project FILE given (see “rashomon-cli reload --help”)"));
      return EXIT_USAGE;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    {
      print_error (_("reload: give one SOURCE (see “rashomon-cli reload --help”)"));
      return EXIT_USAGE;
    }

  project = open_existing_project ("reload", project_path);
  if (project == NULL)
    return EXIT_FAILURE;

  source = find_source (project, rest[0]);
  if (source == NULL)
    {
      print_error (_("%s: no source “%s” in the project"), project_path, rest[0]);
      return EXIT_FAILURE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  rsh_project_reload_source_async (project, source, NULL, reloaded_cb, &wait);
  g_main_loop_run (loop);
  ok = rsh_project_reload_source_finish (project, wait.result, &error);
  g_clear_object (&wait.result);
  if (!ok)
    {
      print_error ("%s: %s", rsh_source_get_id (source) ? rsh_source_get_id (source) : rest[0],
                   error->message);
      return EXIT_FAILURE;
    }

  versions = rsh_project_get_source_versions (project, source, &error);
  if (versions == NULL)
    {
      print_error ("%s: %s", project_path, error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      RshSourceVersion *version = g_ptr_array_index (versions, i);

      printf ("%u\t%s\t%" G_GSIZE_FORMAT "%s\n", version->number, version->fetched_at,
              version->size, version->current ? "\tcurrent" : "");
    }

  return EXIT_SUCCESS;
}

static int
cmd_tag_times (int    argc,
               char **argv)
{
  g_autofree char *anchor = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  const char *input;
  const GOptionEntry entries[] = {
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor,
      N_("Resolve relative expressions against this date (the publication date); without "
         "it they get no value"), N_("YYYY-MM-DD") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the text (default: en)"), N_("CODE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("[FILE|-]") },
    { NULL }
  };

  context = g_option_context_new (_("[FILE|-] — find time expressions in a plain text"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("tag-times: %s", error->message);
      return EXIT_USAGE;
    }
  if (inputs != NULL && g_strv_length (inputs) > 1)
    {
      print_error (_("tag-times: give one file, or “-” for standard input"));
      return EXIT_USAGE;
    }

  input = inputs != NULL ? inputs[0] : "-";
  if (strcmp (input, "-") == 0)
    bytes = read_stdin (&error);
  else
    {
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (input, &contents, &length, &error))
        bytes = g_bytes_new_take (contents, length);
    }
  if (bytes == NULL)
    {
      print_error ("tag-times: %s", error->message);
      return 1;
    }

  /* The text exactly as read: offsets count its code points from its first byte. */
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (strlen (text) != g_bytes_get_size (bytes))
    {
      print_error (_("tag-times: %s holds a NUL byte; give a plain text file"), input);
      return 1;
    }
  timexes = rsh_timex_tag (text, anchor, language, &error);
  if (timexes == NULL)
    {
      print_error ("tag-times: %s", error->message);
      return g_error_matches (error, RSH_ERROR, RSH_ERROR_INVALID) ? EXIT_USAGE : 1;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "timexes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timexes->len; i++)
    {
      const RshTimex *timex = g_ptr_array_index (timexes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, timex->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, timex->end);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, timex->text);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, rsh_timex_type_to_string (timex->type));
      json_builder_set_member_name (builder, "value");
      if (timex->value != NULL)
        json_builder_add_string_value (builder, timex->value);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  printf ("%s\n", json);

  return 0;
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

  if (strcmp (argv[1], "export") == 0)
    return cmd_export (argc - 1, argv + 1);

  if (strcmp (argv[1], "edit") == 0)
    return cmd_edit (argc - 1, argv + 1);

  if (strcmp (argv[1], "search") == 0)
    return cmd_search (argc - 1, argv + 1);

  if (strcmp (argv[1], "reload") == 0)
    return cmd_reload (argc - 1, argv + 1);

  print_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
