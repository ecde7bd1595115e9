/* rsh-project.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rsh-correction-private.h"
#include "rsh-store-private.h"

#define PROJECT_SUFFIX ".rashomon"

/**
 * RshProject:
 *
 * What the user works on: a list of sources, the claims they track and the latest
 * comparison, kept in a #RshStore (in memory until saved).
 */
struct _RshProject
{
  GObject        parent_instance;

  /* owned */
  RshStore      *store;
  GListStore    *sources;
  GPtrArray     *tracked_claims;
  RshComparison *comparison;
  RshComparison *automatic;     /* the latest analysis before the corrections */
  GListStore    *corrections;   /* RshCorrection, every stored one, oldest first */
  char          *undo_label;
  char          *redo_label;
  GCancellable  *analyze_cancellable;
  double         fraction;
  guint          analyze_serial;
  guint          busy : 1;
  guint          index_dirty : 1;  /* the search index lags behind the comparison */
};

/* A reload of a source that is ready: the page is fetched into a stand-in, so the source
 * keeps its current version until the new one has been read. The stand-in hangs on the
 * source under this key while it is fetched (see rsh_project_get_source_reload()). */
#define RELOAD_KEY "rsh-project-reload"
typedef struct
{
  RshSource *source;
  RshSource *fetched;
} ReloadData;

typedef struct
{
  RshSource   *source;
  RshStore    *store;
  RshStoreRow *row;
} AddData;

/* What an addition needs once its source is loaded: the file (to name it in errors) or
 * the link, and whether a second copy of an article already listed is refused. */
typedef struct
{
  GFile *file;
  char  *input;
  guint  check_duplicates : 1;
} AddRequest;

typedef struct
{
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  GListModel   *sources;
  GStrv         claims;
  gulong        caller_handler;
  guint         serial;
} AnalyzeData;

typedef struct
{
  RshStore  *store;
  GPtrArray *sources;
  GStrv      claims;
  GPtrArray *corrections;
} OpenResult;

G_DEFINE_FINAL_TYPE (RshProject, rsh_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_COMPARISON,
  PROP_N_SOURCES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_CORRECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_data_free (ReloadData *data)
{
  g_clear_object (&data->source);
  g_clear_object (&data->fetched);
  g_free (data);
}

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->source);
  g_clear_object (&data->store);
  g_clear_pointer (&data->row, rsh_store_row_free);
  g_free (data);
}

static AddRequest *
add_request_new (GFile      *file,
                 const char *input,
                 gboolean    check_duplicates)
{
  AddRequest *request = g_new0 (AddRequest, 1);

  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->input = g_strdup (input);
  request->check_duplicates = !!check_duplicates;

  return request;
}

static void
add_request_free (AddRequest *request)
{
  g_clear_object (&request->file);
  g_clear_pointer (&request->input, g_free);
  g_free (request);
}

static void
analyze_data_free (AnalyzeData *data)
{
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->sources);
  g_clear_pointer (&data->claims, g_strfreev);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->store);
  g_clear_pointer (&result->sources, g_ptr_array_unref);
  g_clear_pointer (&result->claims, g_strfreev);
  g_clear_pointer (&result->corrections, g_ptr_array_unref);
  g_free (result);
}

/* A null-terminated GPtrArray has no storage (pdata == NULL) until its first element. */
static const char * const *
tracked_claims_view (RshProject *self)
{
  static const char * const empty[] = { NULL };

  if (self->tracked_claims->pdata == NULL)
    return empty;

  return (const char * const *) self->tracked_claims->pdata;
}

static gboolean
parse_source_number (const char *id,
                     guint64    *number)
{
  return id != NULL && id[0] == 's'
         && g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT64 - 1, number, NULL);
}

/* Ids of sources still loading (or failed) are only in the list, stored ones in the store. */
static char *
next_source_id (RshProject *self)
{
  g_autofree char *stored_next = rsh_store_next_source_id (self->store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint64 next = 1;
  guint64 number;

  if (parse_source_number (stored_next, &number))
    next = MAX (next, number);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (parse_source_number (rsh_source_get_id (source), &number))
        next = MAX (next, number + 1);
    }

  return g_strdup_printf ("s%" G_GUINT64_FORMAT, next);
}

static char *
dup_input_for_file (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);

  return g_file_get_uri (file);
}

static RshSource *
append_source_for_input (RshProject *self,
                         const char *input)
{
  g_autofree char *id = next_source_id (self);
  g_autoptr(RshSource) source = rsh_source_new (input);

  rsh_source_set_id (source, id);
  g_list_store_append (self->sources, source);

  return g_steal_pointer (&source);
}

static RshSource *
append_source_for_file (RshProject *self,
                        GFile      *file)
{
  g_autofree char *input = dup_input_for_file (file);

  return append_source_for_input (self, input);
}

static gboolean
is_web_link (const char *uri)
{
  return g_ascii_strncasecmp (uri, "http://", 7) == 0 ||
         g_ascii_strncasecmp (uri, "https://", 8) == 0;
}

/* Two spellings of one link compare equal: case of scheme and host, the default port, the
 * fragment and a trailing slash do not name another article. */
static char *
dup_link_key (const char *link)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  const char *path;
  const char *query;
  gsize len;

  if (link == NULL || !is_web_link (link))
    return NULL;

  uri = g_uri_parse (link, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (link);

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  path = g_uri_get_path (uri);
  query = g_uri_get_query (uri);
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    len--;

  return g_strdup_printf ("%s://%s:%d/%.*s%s%s",
                          g_uri_get_scheme (uri), host, g_uri_get_port (uri),
                          (int) (len > 0 && path[0] == '/' ? len - 1 : len),
                          len > 0 && path[0] == '/' ? path + 1 : path,
                          query != NULL ? "?" : "", query != NULL ? query : "");
}

static gboolean
links_match (const char *a,
             const char *b)
{
  g_autofree char *key_a = dup_link_key (a);
  g_autofree char *key_b = dup_link_key (b);

  return key_a != NULL && key_b != NULL && g_str_equal (key_a, key_b);
}

/* Text compared word by word: line breaks and spacing differ between copies of one text. */
static gboolean
texts_match (const char *a,
             const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;

  while (TRUE)
    {
      while (g_ascii_isspace (*a))
        a++;
      while (g_ascii_isspace (*b))
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;

      while (*a != '\0' && !g_ascii_isspace (*a) && *a == *b)
        {
          a++;
          b++;
        }
      if (!(*a == '\0' || g_ascii_isspace (*a)) || !(*b == '\0' || g_ascii_isspace (*b)))
        return FALSE;
    }
}

/* The listed source, other than @except and not failed, that is the article at @link. */
static RshSource *
find_source_by_link (RshProject *self,
                     const char *link,
                     RshSource  *except)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (source == except || rsh_source_get_state (source) == RSH_SOURCE_STATE_FAILED)
        continue;

      if (links_match (link, rsh_source_get_input (source)) ||
          links_match (link, rsh_source_get_url (source)))
        return source;
    }

  return NULL;
}

/* The ready source, other than @source, that holds the same article: the same canonical
 * link or the same text. */
static RshSource *
find_duplicate (RshProject *self,
                RshSource  *source)
{
  const char *url = rsh_source_get_url (source);
  const char *text = rsh_source_get_text (source);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) other = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (other == source || rsh_source_get_state (other) != RSH_SOURCE_STATE_READY)
        continue;

      if (links_match (url, rsh_source_get_url (other)) ||
          links_match (url, rsh_source_get_input (other)) ||
          links_match (rsh_source_get_input (source), rsh_source_get_url (other)) ||
          texts_match (text, rsh_source_get_text (other)))
        return other;
    }

  return NULL;
}

static void
set_duplicate_error (GError    **error,
                     RshSource  *existing)
{
  const char *name = rsh_source_get_title (existing);

  if (name == NULL || name[0] == '\0')
    name = rsh_source_get_input (existing);

  g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
               _("“%s” is already in the project"), name);
}

/* A link added again after it failed replaces its failed row. */
static void
remove_failed_with_link (RshProject *self,
                         const char *link)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i - 1);

      if (rsh_source_get_state (source) == RSH_SOURCE_STATE_FAILED &&
          links_match (link, rsh_source_get_input (source)))
        g_list_store_remove (self->sources, i - 1);
    }
}

static void
remove_from_list (RshProject *self,
                  RshSource  *source)
{
  guint position;

  if (g_list_store_find (self->sources, source, &position))
    g_list_store_remove (self->sources, position);
}

/* The user must see which file failed, whatever the loader's message says. */
static void
name_file_in_error (GFile   *file,
                    GError **error)
{
  g_autofree char *input = dup_input_for_file (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = NULL;

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  display = name != NULL ? g_filename_display_name (name) : g_strdup (input);
  if (strstr ((*error)->message, display) != NULL || strstr ((*error)->message, input) != NULL)
    return;

  g_prefix_error (error, "%s: ", display);
}

/* A source whose loading was cancelled is dropped; a failed one stays, showing why. */
static void
handle_load_failure (RshProject *self,
                     RshSource  *source,
                     GFile      *file,
                     GError    **error)
{
  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    remove_from_list (self, source);
  else if (file != NULL)
    name_file_in_error (file, error);
  else if (strstr ((*error)->message, rsh_source_get_input (source)) == NULL)
    g_prefix_error (error, "%s: ", rsh_source_get_input (source));
}

/* Keeps the list and the file in step: a source that could not be saved is not shown,
 * and the caller reports the error. */
static void
drop_unsaved_source (RshProject *self,
                     RshSource  *source)
{
  remove_from_list (self, source);
}

static void
set_busy (RshProject *self,
          gboolean    busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_fraction (RshProject *self,
              double      fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_comparison (RshProject    *self,
                RshComparison *comparison)
{
  if (g_set_object (&self->comparison, comparison))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

static GListModel *
snapshot_ready_sources (RshProject *self)
{
  GListStore *ready = g_list_store_new (RSH_TYPE_SOURCE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (rsh_source_get_state (source) == RSH_SOURCE_STATE_READY)
        g_list_store_append (ready, source);
    }

  return G_LIST_MODEL (ready);
}

/* Starts a new analysis run, cancelling the one in progress; returns its serial number. */
static guint
begin_analysis (RshProject *self)
{
  if (self->analyze_cancellable != NULL)
    g_cancellable_cancel (self->analyze_cancellable);
  g_clear_object (&self->analyze_cancellable);

  set_busy (self, TRUE);
  set_fraction (self, 0.0);

  return ++self->analyze_serial;
}

/* The correction undo would take back: the last active one. */
static RshCorrection *
find_undoable (RshProject *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corrections));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RshCorrection) correction =
        g_list_model_get_item (G_LIST_MODEL (self->corrections), i - 1);

      if (rsh_correction_get_state (correction) == RSH_CORRECTION_ACTIVE)
        return correction;
    }

  return NULL;
}

/* The correction redo would bring back: undo always takes the last active one, so the
 * undone ones after the last active one form a stack whose top comes first. */
static RshCorrection *
find_redoable (RshProject *self)
{
  GListModel *list = G_LIST_MODEL (self->corrections);
  guint n = g_list_model_get_n_items (list);
  guint first = 0;

  for (guint i = n; i > 0 && first == 0; i--)
    {
      g_autoptr(RshCorrection) correction = g_list_model_get_item (list, i - 1);

      if (rsh_correction_get_state (correction) == RSH_CORRECTION_ACTIVE)
        first = i;
    }

  for (guint i = first; i < n; i++)
    {
      g_autoptr(RshCorrection) correction = g_list_model_get_item (list, i);

      if (rsh_correction_get_state (correction) == RSH_CORRECTION_UNDONE)
        return correction;
    }

  return NULL;
}

static char *
dup_action_label (RshCorrection *correction,
                  gboolean       undo)
{
  if (correction == NULL)
    return NULL;

  /* Translators: a menu item; %s is the kind of correction, “Merge Claims” */
  return g_strdup_printf (undo ? _("Undo %s") : _("Redo %s"),
                          rsh_correction_get_label (correction));
}

static void
update_undo_state (RshProject *self)
{
  g_autofree char *undo = dup_action_label (find_undoable (self), TRUE);
  g_autofree char *redo = dup_action_label (find_redoable (self), FALSE);

  if (g_strcmp0 (undo, self->undo_label) != 0)
    {
      gboolean could = self->undo_label != NULL;

      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo);
      if (could != (self->undo_label != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }

  if (g_strcmp0 (redo, self->redo_label) != 0)
    {
      gboolean could = self->redo_label != NULL;

      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo);
      if (could != (self->redo_label != NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
}

/* Keeps the search index in the project file in step with the comparison the user sees.
 * A failure here must not fail the analysis: the next search tries again. */
static void
index_comparison (RshProject *self)
{
  g_autoptr(GError) error = NULL;

  self->index_dirty = !rsh_store_index_claims (self->store, self->comparison, &error);
  if (self->index_dirty)
    g_debug ("Could not index the claims: %s", error->message);
}

/* Before a search: an index that could not be written with the analysis is tried again. */
static gboolean
catch_up_index (RshProject  *self,
                GError     **error)
{
  if (!self->index_dirty)
    return TRUE;

  if (!rsh_store_index_claims (self->store, self->comparison, error))
    return FALSE;
  self->index_dirty = FALSE;

  return TRUE;
}

/* Replays the active corrections onto the latest analysis: no extraction, no alignment. */
static void
replay_corrections (RshProject *self)
{
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(RshComparison) corrected = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corrections));

  if (self->automatic == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      RshCorrection *correction = g_list_model_get_item (G_LIST_MODEL (self->corrections), i);

      if (rsh_correction_get_state (correction) == RSH_CORRECTION_ACTIVE)
        g_ptr_array_add (active, correction);
      g_object_unref (correction);
    }

  corrected = rsh_correction_replay (self->automatic, active);
  set_comparison (self, corrected);
  index_comparison (self);
}

static void
end_analysis (RshProject    *self,
              RshComparison *comparison)
{
  g_clear_object (&self->analyze_cancellable);
  if (comparison != NULL)
    {
      set_fraction (self, 1.0);
      g_set_object (&self->automatic, comparison);
      replay_corrections (self);
    }
  set_busy (self, FALSE);
}

static RshProject *
project_new_for_store (RshStore  *store,
                       GPtrArray *sources,
                       GStrv      claims,
                       GPtrArray *corrections)
{
  RshProject *self = g_object_new (RSH_TYPE_PROJECT, NULL);

  self->store = g_object_ref (store);

  if (corrections != NULL)
    g_list_store_splice (self->corrections, 0, 0, corrections->pdata, corrections->len);
  update_undo_state (self);

  if (sources != NULL)
    g_list_store_splice (self->sources, 0, 0, sources->pdata, sources->len);

  for (guint i = 0; claims != NULL && claims[i] != NULL; i++)
    g_ptr_array_add (self->tracked_claims, g_strdup (claims[i]));

  return self;
}

static OpenResult *
open_store (const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(RshStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_auto(GStrv) claims = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  OpenResult *result;

  store = rsh_store_open (path, error);
  if (store == NULL)
    return NULL;

  sources = rsh_store_load_sources (store, cancellable, error);
  if (sources == NULL)
    return NULL;

  claims = rsh_store_list_tracked_claims (store, error);
  if (claims == NULL)
    return NULL;

  corrections = rsh_store_load_corrections (store, error);
  if (corrections == NULL)
    return NULL;

  result = g_new0 (OpenResult, 1);
  result->store = g_steal_pointer (&store);
  result->sources = g_steal_pointer (&sources);
  result->claims = g_steal_pointer (&claims);
  result->corrections = g_steal_pointer (&corrections);

  return result;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  OpenResult *result;

  result = open_store (path, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

static void
put_row_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;

  if (rsh_store_put_row (data->store, data->row, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_assert (G_IS_CANCELLABLE (ours));

  g_cancellable_cancel (ours);
}

static void
sources_items_changed_cb (RshProject *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  g_assert (RSH_IS_PROJECT (self));

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SOURCES]);
}

static void
row_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RshProject *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (G_TASK (result));

  g_assert (RSH_IS_PROJECT (self));

  /* The worker thread may hold the write task longer than we do: the store (and with it
   * the connection) must not be released there, after the project is gone. */
  g_clear_object (&data->store);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      drop_unsaved_source (self, data->source);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&data->source), g_object_unref);
}

static void
source_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RshSource *source = RSH_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) store_task = NULL;
  g_autoptr(GError) error = NULL;
  RshProject *self = g_task_get_source_object (task);
  AddRequest *request = g_task_get_task_data (task);
  RshSource *duplicate;
  AddData *data;
  guint position;

  g_assert (RSH_IS_PROJECT (self));
  g_assert (request != NULL);

  if (!rsh_source_load_finish (source, result, &error))
    {
      handle_load_failure (self, source, request->file, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only now is the canonical link known: the same article under another address. */
  if (request->check_duplicates && (duplicate = find_duplicate (self, source)) != NULL)
    {
      set_duplicate_error (&error, duplicate);
      remove_from_list (self, source);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Removed by the user while it was loading: nothing to store. */
  if (!g_list_store_find (self->sources, source, &position))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The source was removed while it was loading");
      return;
    }

  data = g_new0 (AddData, 1);
  data->source = g_object_ref (source);
  data->store = g_object_ref (self->store);
  data->row = rsh_store_row_new (source);

  /* Once loaded, the source is written even if the caller cancels: the list shows it.
   * The worker may drop the last reference to its task, so that task must not hold the
   * project: only the caller's task does, released on this thread. */
  store_task = g_task_new (NULL, NULL, row_stored_cb, g_steal_pointer (&task));
  g_task_set_source_tag (store_task, source_loaded_cb);
  g_task_set_task_data (store_task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (store_task, put_row_thread);
}

/* Reloads keep a comparison up to date when there is one: the user sees new text at once. */
static void
reanalyze (RshProject *self)
{
  if (self->automatic != NULL)
    rsh_project_analyze_async (self, NULL, NULL, NULL);
}

static void
page_reloaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RshProject *self = g_task_get_source_object (task);
  ReloadData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(RshStoreRow) row = NULL;
  g_autofree char *previous_type = NULL;
  guint position;

  g_assert (RSH_IS_PROJECT (self));
  g_assert (data != NULL);

  if (g_object_get_data (G_OBJECT (data->source), RELOAD_KEY) == data->fetched)
    g_object_set_data (G_OBJECT (data->source), RELOAD_KEY, NULL);

  if (!rsh_source_load_finish (data->fetched, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Could not reload “%s”; the version read before is kept: "),
                        rsh_source_get_input (data->source));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_list_store_find (self->sources, data->source, &position))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The source was removed while it was reloading");
      return;
    }

  previous = g_bytes_ref (rsh_source_get_raw (data->source));
  previous_type = g_strdup (rsh_source_get_content_type (data->source));

  /* The page read fine once, so it reads fine again; what the user set stays. */
  if (!rsh_source_load_bytes (data->source, rsh_source_get_raw (data->fetched),
                              rsh_source_get_content_type (data->fetched), &error))
    {
      rsh_source_load_bytes (data->source, previous, previous_type, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The stand-in knows nothing of the user's title: its title is the page's own. */
  row = rsh_store_row_new (data->source);
  rsh_store_row_set_version_title (row, rsh_source_get_title (data->fetched));
  if (!rsh_store_put_row (self->store, row, &error))
    {
      /* The file keeps the version read before, and so does the source. */
      rsh_source_load_bytes (data->source, previous, previous_type, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reanalyze (self);
  g_task_return_pointer (task, g_object_ref (data->source), g_object_unref);
}

static void
comparison_analyzed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RshComparison) comparison = NULL;
  RshProject *self = g_task_get_source_object (task);
  AnalyzeData *data = g_task_get_task_data (task);

  g_assert (RSH_IS_PROJECT (self));

  comparison = rsh_comparison_analyze_finish (result, &error);

  if (data->serial != self->analyze_serial)
    {
      /* A newer run replaced this one; it owns busy, fraction and the result. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The analysis was replaced by a newer one");
      return;
    }

  end_analysis (self, comparison);

  if (comparison == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
rsh_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RshProject *self = RSH_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, rsh_project_get_path (self));
      break;

    case PROP_TITLE:
      g_value_take_string (value, rsh_project_dup_title (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rsh_project_get_busy (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, rsh_project_get_fraction (self));
      break;

    case PROP_COMPARISON:
      g_value_set_object (value, rsh_project_get_comparison (self));
      break;

    case PROP_N_SOURCES:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->sources)));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rsh_project_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, rsh_project_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, rsh_project_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, rsh_project_get_redo_label (self));
      break;

    case PROP_CORRECTIONS:
      g_value_set_object (value, rsh_project_get_corrections (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_project_dispose (GObject *object)
{
  RshProject *self = (RshProject *) object;

  if (self->analyze_cancellable != NULL)
    g_cancellable_cancel (self->analyze_cancellable);
  g_clear_object (&self->analyze_cancellable);
  g_clear_object (&self->comparison);
  g_clear_object (&self->automatic);

  G_OBJECT_CLASS (rsh_project_parent_class)->dispose (object);
}

static void
rsh_project_finalize (GObject *object)
{
  RshProject *self = (RshProject *) object;

  g_clear_object (&self->sources);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tracked_claims, g_ptr_array_unref);
  g_clear_object (&self->corrections);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (rsh_project_parent_class)->finalize (object);
}

static void
rsh_project_class_init (RshProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rsh_project_dispose;
  object_class->finalize = rsh_project_finalize;
  object_class->get_property = rsh_project_get_property;

  /**
   * RshProject:path: (nullable)
   *
   * The project file, or %NULL until the project is saved.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:title:
   *
   * The file name without its `.rashomon` extension, or “Untitled project”.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:busy:
   *
   * Whether an analysis is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:fraction:
   *
   * How far the running analysis is, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:comparison: (nullable)
   *
   * The result of the latest finished analysis.
   */
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         RSH_TYPE_COMPARISON,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:n-sources:
   *
   * The number of sources in the list, loading and failed ones included.
   */
  properties[PROP_N_SOURCES] =
    g_param_spec_uint ("n-sources", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:can-undo:
   *
   * Whether there is a correction rsh_project_undo() would take back.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:can-redo:
   *
   * Whether there is an undone correction rsh_project_redo() would bring back.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:undo-label: (nullable)
   *
   * The menu label of undo, “Undo Merge Claims”, or %NULL when there is nothing to undo.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:redo-label: (nullable)
   *
   * The menu label of redo, “Redo Merge Claims”, or %NULL when there is nothing to redo.
   */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshProject:corrections:
   *
   * Every correction of the project, undone ones included, oldest first.
   */
  properties[PROP_CORRECTIONS] =
    g_param_spec_object ("corrections", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_project_init (RshProject *self)
{
  self->sources = g_list_store_new (RSH_TYPE_SOURCE);
  self->tracked_claims = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->corrections = g_list_store_new (RSH_TYPE_CORRECTION);

  g_signal_connect_object (self->sources, "items-changed",
                           G_CALLBACK (sources_items_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * rsh_project_new:
 *
 * Creates an empty project kept in memory until rsh_project_save_as().
 *
 * Returns: (transfer full): a new #RshProject
 */
RshProject *
rsh_project_new (void)
{
  g_autoptr(RshStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rsh_store_open (NULL, &error);
  if (store == NULL)
    g_error ("Could not create a project in memory: %s", error->message);

  return project_new_for_store (store, NULL, NULL, NULL);
}

/**
 * rsh_project_open:
 * @path: (type filename): a `.rashomon` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens a project file and rebuilds its sources from their stored bytes. A path where no
 * file exists yet (or an empty file) becomes a new, empty project there. Errors are those
 * of rsh_store_open(); the file is never modified when it is refused.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL on error
 */
RshProject *
rsh_project_open (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  OpenResult *result;
  RshProject *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = open_store (path, cancellable, error);
  if (result == NULL)
    return NULL;

  self = project_new_for_store (result->store, result->sources, result->claims,
                                result->corrections);
  open_result_free (result);

  return self;
}

/**
 * rsh_project_open_async:
 * @path: (type filename): a `.rashomon` file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is open
 * @user_data: data for @callback
 *
 * Opens a project file in a worker thread; see rsh_project_open().
 */
void
rsh_project_open_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * rsh_project_open_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the project, or %NULL on error
 */
RshProject *
rsh_project_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  OpenResult *open_result;
  RshProject *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_project_open_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  open_result = g_task_propagate_pointer (G_TASK (result), error);
  if (open_result == NULL)
    return NULL;

  self = project_new_for_store (open_result->store, open_result->sources, open_result->claims,
                                open_result->corrections);
  open_result_free (open_result);

  return self;
}

/**
 * rsh_project_get_path:
 * @self: a #RshProject
 *
 * Returns: (nullable) (type filename): the project file, or %NULL if never saved
 */
const char *
rsh_project_get_path (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return rsh_store_get_path (self->store);
}

/**
 * rsh_project_dup_title:
 * @self: a #RshProject
 *
 * Returns: (transfer full): the file name without `.rashomon`, or “Untitled project”
 */
char *
rsh_project_dup_title (RshProject *self)
{
  const char *path;
  char *title;

  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  path = rsh_store_get_path (self->store);
  if (path == NULL)
    return g_strdup (_("Untitled project"));

  title = g_filename_display_basename (path);
  if (g_str_has_suffix (title, PROJECT_SUFFIX) && strlen (title) > strlen (PROJECT_SUFFIX))
    title[strlen (title) - strlen (PROJECT_SUFFIX)] = '\0';

  return title;
}

/**
 * rsh_project_save_as:
 * @self: a #RshProject
 * @path: (type filename): where to save
 * @error: return location for a #GError
 *
 * Saves the project to @path atomically; the project then lives in that file and every
 * later change is written to it.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_save_as (RshProject  *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *old_path = NULL;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_path = g_strdup (rsh_store_get_path (self->store));

  if (!rsh_store_save_as (self->store, path, error))
    return FALSE;

  if (g_strcmp0 (old_path, rsh_store_get_path (self->store)) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  return TRUE;
}

/**
 * rsh_project_get_sources:
 * @self: a #RshProject
 *
 * Returns: (transfer none): a #GListModel of #RshSource, in the order they were added,
 *   including sources still loading and sources that failed
 */
GListModel *
rsh_project_get_sources (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * rsh_project_get_comparison:
 * @self: a #RshProject
 *
 * Returns: (transfer none) (nullable): the latest comparison, or %NULL before any analysis
 */
RshComparison *
rsh_project_get_comparison (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return self->comparison;
}

/**
 * rsh_project_get_busy:
 * @self: a #RshProject
 *
 * Returns: whether an analysis is running
 */
gboolean
rsh_project_get_busy (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);

  return self->busy;
}

/**
 * rsh_project_get_fraction:
 * @self: a #RshProject
 *
 * Returns: the progress of the running analysis, from 0 to 1
 */
double
rsh_project_get_fraction (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), 0.0);

  return self->fraction;
}

/**
 * rsh_project_add_file:
 * @self: a #RshProject
 * @file: an article file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Adds @file as a new source and loads it, blocking. The source joins the list at once;
 * if it cannot be read it stays there in %RSH_SOURCE_STATE_FAILED, is not saved, and the
 * error (which names the file) is returned.
 *
 * Returns: (transfer full) (nullable): the new source, or %NULL on error
 */
RshSource *
rsh_project_add_file (RshProject    *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(RshSource) source = NULL;

  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = append_source_for_file (self, file);

  if (!rsh_source_load (source, cancellable, error))
    {
      handle_load_failure (self, source, file, error);
      return NULL;
    }

  if (!rsh_store_put_source (self->store, source, error))
    {
      drop_unsaved_source (self, source);
      return NULL;
    }

  return g_steal_pointer (&source);
}

/**
 * rsh_project_add_file_async:
 * @self: a #RshProject
 * @file: an article file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the source is loaded and saved, or failed
 * @user_data: data for @callback
 *
 * Adds @file as a new source: the source appears in rsh_project_get_sources() at once, in
 * loading state, then is loaded off the main thread and saved in the project.
 */
void
rsh_project_add_file_async (RshProject          *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RSH_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  source = append_source_for_file (self, file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_add_file_async);
  g_task_set_task_data (task, add_request_new (file, NULL, FALSE),
                        (GDestroyNotify) add_request_free);
  /* What we return matches the list: a stored source is returned even if cancelled late. */
  g_task_set_check_cancellable (task, FALSE);

  rsh_source_load_async (source, cancellable, source_loaded_cb, g_steal_pointer (&task));
}

/**
 * rsh_project_add_file_finish:
 * @self: a #RshProject
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new source, or %NULL on error
 */
RshSource *
rsh_project_add_file_finish (RshProject    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_project_add_file_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rsh_project_add_uri_async:
 * @self: a #RshProject
 * @uri: an http, https or file link, as dropped or pasted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the source is loaded and saved, or failed
 * @user_data: data for @callback
 *
 * Adds the article at @uri as a new source. A web page is fetched off the main thread and
 * its response kept in the project, so the analysis can be repeated offline. Like
 * rsh_project_add_file_async(), the source is listed at once in loading state; if it
 * cannot be fetched it stays listed, failed, with the reason.
 *
 * An article already in the project (the same link, or once loaded the same canonical
 * link or the same text) is not added again: the callback gets %RSH_ERROR_INVALID and the
 * list is left as it was. Other schemes are refused the same way, before anything is read.
 */
void
rsh_project_add_uri_async (RshProject          *self,
                           const char          *uri,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *input = NULL;
  g_autofree char *scheme = NULL;
  RshSource *existing;

  g_return_if_fail (RSH_IS_PROJECT (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_add_uri_async);
  g_task_set_check_cancellable (task, FALSE);

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0 &&
       g_ascii_strcasecmp (scheme, "file") != 0))
    {
      g_task_return_new_error (task, RSH_ERROR, RSH_ERROR_INVALID,
                               _("“%s” is not a link Rashomon can open: only web (http, "
                                 "https) and file links can be added."), uri);
      return;
    }

  if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      file = g_file_new_for_uri (uri);
      input = dup_input_for_file (file);
    }
  else
    {
      input = g_strdup (uri);
      existing = find_source_by_link (self, input, NULL);
      if (existing != NULL)
        {
          GError *error = NULL;

          set_duplicate_error (&error, existing);
          g_task_return_error (task, error);
          return;
        }
      remove_failed_with_link (self, input);
    }

  source = append_source_for_input (self, input);
  g_task_set_task_data (task, add_request_new (file, input, TRUE),
                        (GDestroyNotify) add_request_free);

  rsh_source_load_async (source, cancellable, source_loaded_cb, g_steal_pointer (&task));
}

/**
 * rsh_project_add_uri_finish:
 * @self: a #RshProject
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new source, or %NULL on error
 */
RshSource *
rsh_project_add_uri_finish (RshProject    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_project_add_uri_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rsh_project_reload_source_async:
 * @self: a #RshProject
 * @source: a source of @self, typically one that failed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the source is loaded and saved, or failed again
 * @user_data: data for @callback
 *
 * Reads @source's file or link again and saves it. For a source that failed or is loading,
 * this is the Retry. A web page that is ready is fetched again ("Reload from Web"): the new
 * response becomes a new version in the project and the previous ones are kept (see
 * rsh_project_get_source_versions()), the text is extracted again with the outlet, date
 * and title the user set, and the sources are compared again when they had been. If the
 * page cannot be fetched, @source keeps its current version and the callback gets the
 * error.
 */
void
rsh_project_reload_source_async (RshProject          *self,
                                 RshSource           *source,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint position;

  g_return_if_fail (RSH_IS_PROJECT (self));
  g_return_if_fail (RSH_IS_SOURCE (source));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_reload_source_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_task_return_new_error (task, RSH_ERROR, RSH_ERROR_INVALID,
                               _("“%s” is not part of this project"),
                               rsh_source_get_input (source));
      return;
    }

  if (rsh_source_get_state (source) == RSH_SOURCE_STATE_READY
      && rsh_source_get_id (source) != NULL
      && is_web_link (rsh_source_get_input (source)))
    {
      ReloadData *data = g_new0 (ReloadData, 1);

      data->source = g_object_ref (source);
      data->fetched = rsh_source_new (rsh_source_get_input (source));
      g_object_set_data_full (G_OBJECT (source), RELOAD_KEY, g_object_ref (data->fetched),
                              g_object_unref);
      g_task_set_task_data (task, data, (GDestroyNotify) reload_data_free);
      rsh_source_load_async (data->fetched, cancellable, page_reloaded_cb,
                             g_steal_pointer (&task));
      return;
    }

  g_task_set_task_data (task, add_request_new (NULL, rsh_source_get_input (source), TRUE),
                        (GDestroyNotify) add_request_free);
  rsh_source_load_async (source, cancellable, source_loaded_cb, g_steal_pointer (&task));
}

/**
 * rsh_project_reload_source_finish:
 * @self: a #RshProject
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the source was read and saved
 */
gboolean
rsh_project_reload_source_finish (RshProject    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(RshSource) source = NULL;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rsh_project_reload_source_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source = g_task_propagate_pointer (G_TASK (result), error);

  return source != NULL;
}

/**
 * rsh_project_add_text:
 * @self: a #RshProject
 * @text: an article's text, as pasted or dropped
 * @outlet: (nullable): the outlet that published it, as the user names it
 * @error: return location for a #GError
 *
 * Adds @text as a source of its own (content type text/plain), saved in the project with
 * @outlet. The same text already in the project is refused with %RSH_ERROR_INVALID.
 *
 * Returns: (transfer full) (nullable): the new source, or %NULL on error
 */
RshSource *
rsh_project_add_text (RshProject  *self,
                      const char  *text,
                      const char  *outlet,
                      GError     **error)
{
  g_autoptr(RshSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *trimmed_outlet = NULL;
  RshSource *duplicate;

  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_ENCODING,
                   _("The text is not valid UTF-8 and cannot be added."));
      return NULL;
    }

  /* Translators: how a source made of pasted or dropped text is named before it has a title */
  source = rsh_source_new (_("pasted text"));
  bytes = g_bytes_new (text, strlen (text));
  if (!rsh_source_load_bytes (source, bytes, "text/plain; charset=utf-8", error))
    return NULL;

  if (rsh_source_get_text (source) == NULL || rsh_source_get_text (source)[0] == '\0')
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_ARTICLE,
                   _("There is no text to add: paste or drop the article’s words."));
      return NULL;
    }

  duplicate = find_duplicate (self, source);
  if (duplicate != NULL)
    {
      set_duplicate_error (error, duplicate);
      return NULL;
    }

  if (outlet != NULL)
    trimmed_outlet = g_strstrip (g_strdup (outlet));
  if (trimmed_outlet != NULL && trimmed_outlet[0] != '\0')
    rsh_source_set_outlet (source, trimmed_outlet);

  id = next_source_id (self);
  rsh_source_set_id (source, id);
  g_list_store_append (self->sources, source);

  if (!rsh_store_put_source (self->store, source, error))
    {
      drop_unsaved_source (self, source);
      return NULL;
    }

  return g_steal_pointer (&source);
}

/**
 * rsh_project_remove_source:
 * @self: a #RshProject
 * @source: a source of @self
 * @error: return location for a #GError
 *
 * Removes @source from the list and from the project file.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_remove_source (RshProject  *self,
                           RshSource   *source,
                           GError     **error)
{
  const char *id;
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return FALSE;
    }

  id = rsh_source_get_id (source);
  if (id != NULL && !rsh_store_remove_source (self->store, id, error))
    return FALSE;

  g_list_store_remove (self->sources, position);
  return TRUE;
}

/**
 * rsh_project_set_source_published:
 * @self: a #RshProject
 * @source: a source of @self
 * @published: (nullable): an ISO 8601 date, or %NULL to use the page's own
 * @error: return location for a #GError
 *
 * Sets the publication date the user gives a source, and saves it: it outlives
 * re-extraction when the project is opened again.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_set_source_published (RshProject  *self,
                                  RshSource   *source,
                                  const char  *published,
                                  GError     **error)
{
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return FALSE;
    }

  if (!rsh_source_set_published (source, published, error))
    return FALSE;

  /* Sources that are loading or failed are not stored yet. */
  if (rsh_source_get_state (source) != RSH_SOURCE_STATE_READY)
    return TRUE;

  return rsh_store_set_source_published (self->store, rsh_source_get_id (source),
                                         rsh_source_get_published (source), error);
}

/**
 * rsh_project_set_source_outlet:
 * @self: a #RshProject
 * @source: a source of @self
 * @outlet: (nullable): the outlet name the user gives
 * @error: return location for a #GError
 *
 * Sets the outlet of a source and saves it.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_set_source_outlet (RshProject  *self,
                               RshSource   *source,
                               const char  *outlet,
                               GError     **error)
{
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return FALSE;
    }

  rsh_source_set_outlet (source, outlet);

  if (rsh_source_get_state (source) != RSH_SOURCE_STATE_READY)
    return TRUE;

  return rsh_store_put_source (self->store, source, error);
}

/**
 * rsh_project_set_source_title:
 * @self: a #RshProject
 * @source: a source of @self
 * @title: (nullable): the title the user gives, or %NULL to use the page's own
 * @error: return location for a #GError
 *
 * Sets the title of a source and saves it: it outlives reloads and re-extraction.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_set_source_title (RshProject  *self,
                              RshSource   *source,
                              const char  *title,
                              GError     **error)
{
  g_autofree char *trimmed = NULL;
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return FALSE;
    }

  if (title != NULL)
    {
      if (!g_utf8_validate (title, -1, NULL))
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("The title is not valid UTF-8"));
          return FALSE;
        }
      trimmed = g_strstrip (g_strdup (title));
      if (*trimmed == '\0')
        g_clear_pointer (&trimmed, g_free);
    }

  rsh_source_set_title (source, trimmed);

  if (rsh_source_get_state (source) != RSH_SOURCE_STATE_READY)
    return TRUE;

  return rsh_store_set_source_title (self->store, rsh_source_get_id (source), trimmed, error);
}

/**
 * rsh_project_get_source_versions:
 * @self: a #RshProject
 * @source: a source of @self
 * @error: return location for a #GError
 *
 * Lists the responses @source was read from and that the project keeps, oldest first
 * (version 1 is the first read); the one its text comes from now is marked current.
 *
 * Returns: (transfer container) (element-type RshSourceVersion) (nullable): the versions
 *   (empty for a source that is not saved yet), or %NULL on error
 */
GPtrArray *
rsh_project_get_source_versions (RshProject  *self,
                                 RshSource   *source,
                                 GError     **error)
{
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (RSH_IS_SOURCE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return NULL;
    }

  if (rsh_source_get_id (source) == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_source_version_free);

  return rsh_store_list_source_versions (self->store, rsh_source_get_id (source), error);
}

/**
 * rsh_project_restore_source_version:
 * @self: a #RshProject
 * @source: a ready source of @self
 * @number: a version number from rsh_project_get_source_versions()
 * @error: return location for a #GError
 *
 * Makes an earlier (or later) response of @source current again: its text is extracted
 * from that version, with the outlet, date and title the user set, and the sources are
 * compared again when they had been. No version is lost.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_restore_source_version (RshProject  *self,
                                    RshSource   *source,
                                    guint        number,
                                    GError     **error)
{
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(RshStoreRow) row = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *previous_type = NULL;
  guint position;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_list_store_find (self->sources, source, &position))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” is not part of this project"), rsh_source_get_input (source));
      return FALSE;
    }

  if (rsh_source_get_state (source) != RSH_SOURCE_STATE_READY
      || rsh_source_get_id (source) == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” has no saved versions yet; wait until it is read"),
                   rsh_source_get_input (source));
      return FALSE;
    }

  raw = rsh_store_load_source_version (self->store, rsh_source_get_id (source), number,
                                       &content_type, error);
  if (raw == NULL)
    return FALSE;

  previous = g_bytes_ref (rsh_source_get_raw (source));
  previous_type = g_strdup (rsh_source_get_content_type (source));

  if (!rsh_source_load_bytes (source, raw, content_type, error))
    {
      rsh_source_load_bytes (source, previous, previous_type, NULL);
      return FALSE;
    }

  row = rsh_store_row_new (source);
  rsh_store_row_set_restored_version (row, number);
  if (!rsh_store_put_row (self->store, row, error))
    {
      /* The file still points at the version that was current: so does the source. */
      rsh_source_load_bytes (source, previous, previous_type, NULL);
      return FALSE;
    }

  reanalyze (self);
  return TRUE;
}

/**
 * rsh_project_get_source_reload:
 * @self: a #RshProject
 * @source: a source of @self
 *
 * While "Reload from Web" fetches @source's page again (see
 * rsh_project_reload_source_async()), the page is read into a stand-in source, so @source
 * keeps its text until the new response is in. The stand-in's #RshSource:state and
 * #RshSource:progress tell how the fetch goes, and its error message why it failed.
 *
 * Returns: (transfer none) (nullable): the stand-in being fetched, or %NULL when @source
 *   is not being reloaded
 */
RshSource *
rsh_project_get_source_reload (RshProject *self,
                               RshSource  *source)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (RSH_IS_SOURCE (source), NULL);

  return g_object_get_data (G_OBJECT (source), RELOAD_KEY);
}

/**
 * rsh_project_search_claims:
 * @self: a #RshProject
 * @query: what the user typed
 * @error: return location for a #GError
 *
 * Searches the claims of the comparison (#RshProject:comparison, corrections applied) for
 * @query in their wording, the quotes of their statements and the names of the speakers,
 * with the search index kept in the project file. Every word must start a word of the
 * text ("harb mast" finds "harbour master"); case and accents are ignored, and
 * punctuation only separates words, so no text the user types is an error. Before the
 * first analysis nothing matches; a query without words matches every claim.
 *
 * Returns: (transfer full) (nullable): the ids of the matching claims in the comparison's
 *   order, or %NULL on error
 */
GStrv
rsh_project_search_claims (RshProject  *self,
                           const char  *query,
                           GError     **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->comparison == NULL)
    return g_new0 (char *, 1);

  if (!catch_up_index (self, error))
    return NULL;

  return rsh_store_search_claims (self->store, query, error);
}

typedef struct
{
  RshStore *store;
  char     *query;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->store);
  g_free (data->query);
  g_free (data);
}

static void
search_claims_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GStrv ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  ids = rsh_store_search_claims (data->store, data->query, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_strfreev);
}

/**
 * rsh_project_search_claims_async:
 * @self: a #RshProject
 * @query: what the user typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the search is done
 * @user_data: data for @callback
 *
 * Searches the claims like rsh_project_search_claims(), with the query in a worker thread
 * so that typing never waits for the index. The ids are those of the comparison at the
 * time of the call.
 */
void
rsh_project_search_claims_async (RshProject          *self,
                                 const char          *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SearchData *data;

  g_return_if_fail (RSH_IS_PROJECT (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_search_claims_async);

  if (self->comparison == NULL)
    {
      g_task_return_pointer (task, g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
      return;
    }

  /* Indexing reads the comparison, which only the main thread may touch. */
  if (!catch_up_index (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SearchData, 1);
  data->store = g_object_ref (self->store);
  data->query = g_strdup (query);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_claims_thread);
}

/**
 * rsh_project_search_claims_finish:
 * @self: a #RshProject
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids of the matching claims in the comparison's
 *   order, or %NULL on error
 */
GStrv
rsh_project_search_claims_finish (RshProject    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_project_search_claims_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rsh_project_add_tracked_claim:
 * @self: a #RshProject
 * @text: the claim to track, as the user wrote it
 * @error: return location for a #GError
 *
 * Tracks a claim: the next analysis gives every source a position on it.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_add_tracked_claim (RshProject  *self,
                               const char  *text,
                               GError     **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rsh_store_add_tracked_claim (self->store, text, error))
    return FALSE;

  if (!g_strv_contains (tracked_claims_view (self), text))
    g_ptr_array_add (self->tracked_claims, g_strdup (text));

  return TRUE;
}

/**
 * rsh_project_get_tracked_claims:
 * @self: a #RshProject
 *
 * Returns: (transfer none) (array zero-terminated=1): the tracked claims, in the order
 *   they were added
 */
const char * const *
rsh_project_get_tracked_claims (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return tracked_claims_view (self);
}

/**
 * rsh_project_analyze:
 * @self: a #RshProject
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Compares the sources that are ready, blocking, and sets #RshProject:comparison.
 * A running rsh_project_analyze_async() is cancelled.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_project_analyze (RshProject    *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(RshComparison) comparison = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_auto(GStrv) claims = NULL;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  begin_analysis (self);

  sources = snapshot_ready_sources (self);
  claims = g_strdupv ((char **) tracked_claims_view (self));
  comparison = rsh_comparison_analyze (sources, (const char * const *) claims, cancellable,
                                       error);

  end_analysis (self, comparison);

  return comparison != NULL;
}

/**
 * rsh_project_analyze_async:
 * @self: a #RshProject
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the analysis is done
 * @user_data: data for @callback
 *
 * Compares the sources that are ready off the main thread. #RshProject:busy is %TRUE
 * meanwhile; on success #RshProject:comparison changes. Starting a new analysis cancels the
 * running one, whose callback then gets %G_IO_ERROR_CANCELLED.
 */
void
rsh_project_analyze_async (RshProject          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnalyzeData *data;

  g_return_if_fail (RSH_IS_PROJECT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AnalyzeData, 1);
  data->serial = begin_analysis (self);
  data->cancellable = g_cancellable_new ();
  data->sources = snapshot_ready_sources (self);
  data->claims = g_strdupv ((char **) tracked_claims_view (self));
  self->analyze_cancellable = g_object_ref (data->cancellable);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable,
                                                    G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (data->cancellable),
                                                    g_object_unref);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rsh_project_analyze_async);
  g_task_set_task_data (task, data, (GDestroyNotify) analyze_data_free);

  rsh_comparison_analyze_async (data->sources, (const char * const *) data->claims,
                                data->cancellable, comparison_analyzed_cb,
                                g_steal_pointer (&task));
}

/**
 * rsh_project_analyze_finish:
 * @self: a #RshProject
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the analysis finished and #RshProject:comparison holds its result
 */
gboolean
rsh_project_analyze_finish (RshProject    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rsh_project_analyze_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rsh_project_get_corrections:
 * @self: a #RshProject
 *
 * Returns: (transfer none): a #GListModel of every #RshCorrection of the project, undone
 *   ones included, oldest first
 */
GListModel *
rsh_project_get_corrections (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->corrections);
}

/**
 * rsh_project_apply_correction:
 * @self: a #RshProject
 * @correction: a new correction, made against rsh_project_get_comparison()
 * @error: return location for a #GError
 *
 * Stores @correction in the project (with its author and time) and replays every active
 * correction onto the latest analysis, which sets #RshProject:comparison without extracting
 * or aligning anything again. Corrections undone before it can no longer be redone.
 *
 * Returns: %TRUE on success; %FALSE with @error set when the project has not been analysed
 *   yet or the project file could not be written
 */
gboolean
rsh_project_apply_correction (RshProject     *self,
                              RshCorrection  *correction,
                              GError        **error)
{
  guint n;

  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RSH_IS_CORRECTION (correction), FALSE);
  g_return_val_if_fail (rsh_correction_get_id (correction) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->automatic == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("The sources have not been compared yet; analyse them before correcting "
                     "the comparison"));
      return FALSE;
    }

  if (!rsh_store_add_correction (self->store, correction, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->corrections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshCorrection) old = g_list_model_get_item (G_LIST_MODEL (self->corrections), i);

      if (rsh_correction_get_state (old) == RSH_CORRECTION_UNDONE)
        rsh_correction_set_state (old, RSH_CORRECTION_SUPERSEDED);
    }

  rsh_correction_set_state (correction, RSH_CORRECTION_ACTIVE);
  g_list_store_append (self->corrections, correction);
  replay_corrections (self);
  update_undo_state (self);

  return TRUE;
}

/* Undoes the last active correction, or redoes the one undone last. */
static gboolean
step_history (RshProject  *self,
              gboolean     undo,
              GError     **error)
{
  RshCorrection *correction = undo ? find_undoable (self) : find_redoable (self);
  RshCorrectionState state = undo ? RSH_CORRECTION_UNDONE : RSH_CORRECTION_ACTIVE;

  if (correction == NULL)
    {
      g_set_error_literal (error, RSH_ERROR, RSH_ERROR_INVALID,
                           undo ? _("There is no correction to undo")
                                : _("There is no correction to redo"));
      return FALSE;
    }

  if (!rsh_store_set_correction_state (self->store, rsh_correction_get_id (correction), state,
                                       error))
    return FALSE;

  rsh_correction_set_state (correction, state);
  replay_corrections (self);
  update_undo_state (self);

  return TRUE;
}

/**
 * rsh_project_undo:
 * @self: a #RshProject
 * @error: return location for a #GError
 *
 * Takes back the last active correction: it stays in the project, marked undone, and the
 * comparison is replayed without it.
 *
 * Returns: %TRUE on success; %FALSE with %RSH_ERROR_INVALID when there is nothing to undo
 */
gboolean
rsh_project_undo (RshProject  *self,
                  GError     **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return step_history (self, TRUE, error);
}

/**
 * rsh_project_redo:
 * @self: a #RshProject
 * @error: return location for a #GError
 *
 * Makes the correction undone last active again.
 *
 * Returns: %TRUE on success; %FALSE with %RSH_ERROR_INVALID when there is nothing to redo
 */
gboolean
rsh_project_redo (RshProject  *self,
                  GError     **error)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return step_history (self, FALSE, error);
}

gboolean
rsh_project_get_can_undo (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);

  return self->undo_label != NULL;
}

gboolean
rsh_project_get_can_redo (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), FALSE);

  return self->redo_label != NULL;
}

/**
 * rsh_project_get_undo_label:
 * @self: a #RshProject
 *
 * Returns: (nullable): “Undo Merge Claims”, or %NULL when there is nothing to undo
 */
const char *
rsh_project_get_undo_label (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return self->undo_label;
}

/**
 * rsh_project_get_redo_label:
 * @self: a #RshProject
 *
 * Returns: (nullable): “Redo Merge Claims”, or %NULL when there is nothing to redo
 */
const char *
rsh_project_get_redo_label (RshProject *self)
{
  g_return_val_if_fail (RSH_IS_PROJECT (self), NULL);

  return self->redo_label;
}
