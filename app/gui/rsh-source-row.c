/* rsh-source-row.c: one source in the sidebar
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rsh-source-row.h"
#include "rsh-versions-dialog.h"
#include "rsh-window.h"

struct _RshSourceRow
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkBox         *box;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *error_label;
  GtkButton      *retry_button;
  GtkButton      *edit_button;
  AdwSplitButton *reload_button;
  GtkButton      *remove_button;

  /* owned */
  RshSource      *source;
  GSignalGroup   *source_signals;
  RshSource      *reload;          /* the page fetched again for "Reload from Web", or NULL */
  GSignalGroup   *reload_signals;
  guint           pulse_id;
};

/* How often an indeterminate progress bar moves. */
#define PULSE_INTERVAL_MS 120

/* The reload of a source hangs on the source itself, so whichever row shows the source
 * (list rows are recycled) shows how its reload goes. */
#define RELOAD_KEY "rsh-source-row-reload"

G_DEFINE_FINAL_TYPE (RshSourceRow, rsh_source_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

enum {
  REMOVE_REQUESTED,
  RETRY_REQUESTED,
  EDIT_REQUESTED,
  RELOAD_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
format_published (const char *published)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int year = 0, month = 0, day = 0;

  if (published == NULL || published[0] == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (published, utc);
  if (when == NULL && sscanf (published, "%4d-%2d-%2d", &year, &month, &day) == 3)
    when = g_date_time_new (utc, year, month, day, 0, 0, 0);

  /* A partial date ("2026-03") reads fine as it is. */
  if (when == NULL)
    return g_strdup (published);

  /* Translators: a publication date, see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b %Y"));
}

static gboolean
is_web_link (const char *input)
{
  return input != NULL &&
         (g_ascii_strncasecmp (input, "http://", 7) == 0 ||
          g_ascii_strncasecmp (input, "https://", 8) == 0);
}

static char *
dup_fallback_title (RshSource *source)
{
  const char *input = rsh_source_get_input (source);
  g_autoptr(GFile) file = NULL;

  if (input == NULL)
    return g_strdup (_("Untitled source"));

  /* A link is its own best name until the page says otherwise. */
  if (is_web_link (input))
    return g_strdup (input);

  file = g_file_new_for_commandline_arg (input);
  return g_file_get_basename (file);
}

/* The row's title already names the file or link: the reason under it need not repeat it.
 * "“https://x/y” could not be fetched: …" shows as "Could not be fetched: …". */
static char *
dup_reason (const char *message,
            const char *title)
{
  g_autofree char *prefix = g_strdup_printf ("“%s” ", title);
  char first[8] = { 0, };
  const char *rest;

  if (!g_str_has_prefix (message, prefix) || message[strlen (prefix)] == '\0')
    return g_strdup (message);

  rest = message + strlen (prefix);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (rest)), first);
  return g_strconcat (first, g_utf8_next_char (rest), NULL);
}

static gboolean
pulse_cb (gpointer user_data)
{
  RshSourceRow *self = user_data;

  g_assert (RSH_IS_SOURCE_ROW (self));

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static gboolean
is_reloading (RshSourceRow *self)
{
  return self->reload != NULL && self->source != NULL &&
         (rsh_source_get_state (self->reload) == RSH_SOURCE_STATE_LOADING ||
          rsh_source_get_state (self->reload) == RSH_SOURCE_STATE_PENDING);
}

/* What is read now: the page of a reload, else the source itself. */
static RshSource *
get_reading (RshSourceRow *self)
{
  return is_reloading (self) ? self->reload : self->source;
}

/* A bar while a source is read: its share when known, else a pulse; none otherwise. */
static void
update_progress (RshSourceRow *self)
{
  RshSource *reading = get_reading (self);
  gboolean loading;
  double progress;

  g_assert (RSH_IS_SOURCE_ROW (self));

  loading = reading != NULL && rsh_source_get_state (reading) == RSH_SOURCE_STATE_LOADING;
  progress = loading ? rsh_source_get_progress (reading) : 0.0;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);

  if (loading && progress < 0.0)
    {
      if (self->pulse_id == 0)
        {
          gtk_progress_bar_pulse (self->progress_bar);
          self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
          g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->pulse_id),
                                    "[rashomon-gui] source row pulse");
        }
      return;
    }

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress, 0.0, 1.0));
}

static void
update_row (RshSourceRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *reload_message = NULL;
  const char *message = NULL;
  const char *outlet;
  RshSourceState state;
  gboolean reloading;

  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.versions", FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      update_progress (self);
      return;
    }

  /* While a reload runs the row looks like a first fetch; the source keeps its text. */
  reloading = is_reloading (self);
  state = reloading ? rsh_source_get_state (self->reload) : rsh_source_get_state (self->source);

  if (rsh_source_get_title (self->source) != NULL && rsh_source_get_title (self->source)[0] != '\0')
    title = g_strdup (rsh_source_get_title (self->source));
  else
    title = dup_fallback_title (self->source);

  outlet = rsh_source_get_outlet (self->source);
  date = format_published (rsh_source_get_published (self->source));

  switch (state)
    {
    case RSH_SOURCE_STATE_PENDING:
    case RSH_SOURCE_STATE_LOADING:
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
      if (is_web_link (rsh_source_get_input (self->source)))
        {
          double progress = rsh_source_get_progress (get_reading (self));

          if (state == RSH_SOURCE_STATE_LOADING && progress > 0.0 && progress < 1.0)
            /* Translators: a page being downloaded, and how much of it has arrived */
            subtitle = g_strdup_printf (_("Fetching… %d %%"), (int) (progress * 100.0));
          else
            subtitle = g_strdup (_("Fetching…"));
        }
      else
        subtitle = g_strdup (_("Reading…"));
      break;

    case RSH_SOURCE_STATE_FAILED:
      gtk_stack_set_visible_child_name (self->state_stack, "failed");
      message = rsh_source_get_error_message (self->source);
      if (message == NULL || message[0] == '\0')
        message = _("This file could not be read.");
      break;

    case RSH_SOURCE_STATE_READY:
    default:
      gtk_stack_set_visible_child_name (self->state_stack, "ready");
      /* A reload that failed: the version read before is kept, and the row says why. */
      if (self->reload != NULL && rsh_source_get_state (self->reload) == RSH_SOURCE_STATE_FAILED)
        {
          const char *why = rsh_source_get_error_message (self->reload);
          g_autofree char *short_why = dup_reason (why != NULL ? why : "",
                                                   rsh_source_get_input (self->source));

          /* Translators: %s says why the page could not be fetched again; the tooltip
           * adds that the version read before is kept */
          reload_message = g_strdup_printf (_("Not reloaded. %s"), short_why);
          message = reload_message;
        }
      if (outlet != NULL && outlet[0] != '\0' && date != NULL)
        /* Translators: outlet name and publication date */
        subtitle = g_strdup_printf (_("%s · %s"), outlet, date);
      else if (outlet != NULL && outlet[0] != '\0')
        subtitle = g_strdup (outlet);
      else if (date != NULL)
        subtitle = g_strdup (date);
      break;
    }

  gtk_spinner_set_spinning (self->spinner,
                            state == RSH_SOURCE_STATE_LOADING ||
                            state == RSH_SOURCE_STATE_PENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), state == RSH_SOURCE_STATE_FAILED);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), state == RSH_SOURCE_STATE_READY);
  /* Only a page on the web can have changed since it was read: files are read again with
   * Retry, and pasted text has nowhere to come from. It stays in place, insensitive, while
   * the page is fetched again. */
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button),
                          (state == RSH_SOURCE_STATE_READY || reloading)
                          && is_web_link (rsh_source_get_input (self->source)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reload_button), !reloading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.versions",
                                 !reloading && rsh_source_get_state (self->source)
                                               == RSH_SOURCE_STATE_READY);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  if (message != NULL)
    reason = dup_reason (message, title);
  gtk_label_set_label (self->error_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  update_progress (self);

  if (message != NULL)
    {
      g_autofree char *tooltip = NULL;

      if (reload_message != NULL)
        tooltip = g_strdup_printf ("%s\n%s\n%s", title, message,
                                   _("The version read before is kept."));
      else
        tooltip = g_strdup_printf ("%s\n%s", title, message);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
      if (reload_message == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "failed");
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "failed");
    }
}

/* Follows the reload hanging on the current source, if any; a finished one is let go. */
static void
adopt_reload (RshSourceRow *self)
{
  RshSource *reload = NULL;

  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    {
      reload = g_object_get_data (G_OBJECT (self->source), RELOAD_KEY);
      if (reload != NULL && rsh_source_get_state (reload) == RSH_SOURCE_STATE_READY)
        {
          g_object_set_data (G_OBJECT (self->source), RELOAD_KEY, NULL);
          reload = NULL;
        }
    }

  if (g_set_object (&self->reload, reload))
    g_signal_group_set_target (self->reload_signals, reload);
}

static void
source_notify_cb (RshSourceRow *self,
                  GParamSpec   *pspec,
                  RshSource    *source)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  /* New text (a version restored) makes the reason of a failed reload old news. */
  if (self->reload != NULL && g_strcmp0 (pspec->name, "text") == 0
      && rsh_source_get_state (self->reload) == RSH_SOURCE_STATE_FAILED)
    {
      g_object_set_data (G_OBJECT (source), RELOAD_KEY, NULL);
      adopt_reload (self);
    }

  update_row (self);
}

static void
reload_notify_cb (RshSourceRow *self,
                  GParamSpec   *pspec,
                  RshSource    *reload)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  if (g_strcmp0 (pspec->name, "state") == 0)
    adopt_reload (self);
  update_row (self);
}

static void
versions_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RshSourceRow *self = RSH_SOURCE_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  RshVersionsDialog *dialog;
  RshProject *project;

  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source == NULL || !RSH_IS_WINDOW (root))
    return;

  project = rsh_window_get_project (RSH_WINDOW (root));
  if (project == NULL)
    return;

  dialog = rsh_versions_dialog_new (GTK_WINDOW (root), project, self->source);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_clicked_cb (RshSourceRow *self,
                   GtkButton    *button)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    g_signal_emit (self, signals[REMOVE_REQUESTED], 0, self->source);
}

static void
edit_clicked_cb (RshSourceRow *self,
                 GtkButton    *button)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    g_signal_emit (self, signals[EDIT_REQUESTED], 0, self->source);
}

static void
reload_clicked_cb (RshSourceRow *self,
                   GtkButton    *button)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    g_signal_emit (self, signals[RELOAD_REQUESTED], 0, self->source);
}

static void
retry_clicked_cb (RshSourceRow *self,
                  GtkButton    *button)
{
  g_assert (RSH_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    g_signal_emit (self, signals[RETRY_REQUESTED], 0, self->source);
}

static void
rsh_source_row_dispose (GObject *object)
{
  RshSourceRow *self = (RshSourceRow *)object;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->source_signals != NULL)
    g_signal_group_set_target (self->source_signals, NULL);
  g_clear_object (&self->source_signals);
  g_clear_object (&self->source);
  if (self->reload_signals != NULL)
    g_signal_group_set_target (self->reload_signals, NULL);
  g_clear_object (&self->reload_signals);
  g_clear_object (&self->reload);

  gtk_widget_dispose_template (GTK_WIDGET (self), RSH_TYPE_SOURCE_ROW);

  G_OBJECT_CLASS (rsh_source_row_parent_class)->dispose (object);
}

static void
rsh_source_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RshSourceRow *self = RSH_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_source_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RshSourceRow *self = RSH_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      rsh_source_row_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_source_row_class_init (RshSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rsh_source_row_dispose;
  object_class->get_property = rsh_source_row_get_property;
  object_class->set_property = rsh_source_row_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         RSH_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RshSourceRow::remove-requested:
   * @self: the row
   * @source: the source the user wants gone
   *
   * The user pressed the row's remove button.
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RSH_TYPE_SOURCE);

  /**
   * RshSourceRow::retry-requested:
   * @self: the row
   * @source: the failed source to read again
   *
   * The user pressed the Retry button of a source that could not be read.
   */
  signals[RETRY_REQUESTED] =
    g_signal_new ("retry-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RSH_TYPE_SOURCE);

  /**
   * RshSourceRow::edit-requested:
   * @self: the row
   * @source: the source whose outlet and date the user wants to correct
   *
   * The user pressed the row's Edit Details button.
   */
  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RSH_TYPE_SOURCE);

  /**
   * RshSourceRow::reload-requested:
   * @self: the row
   * @source: the web source to fetch again
   *
   * The user pressed Reload from Web on a link that was read: the handler fetches the
   * page again with rsh_project_reload_source_async(), which keeps the previous version.
   */
  signals[RELOAD_REQUESTED] =
    g_signal_new ("reload-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RSH_TYPE_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rashomon/Rashomon/ui/rsh-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, box);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, RshSourceRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_install_action (widget_class, "row.versions", NULL, versions_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcerow");
}

static void
rsh_source_row_init (RshSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_signals = g_signal_group_new (RSH_TYPE_SOURCE);
  g_signal_group_connect_object (self->source_signals, "notify",
                                 G_CALLBACK (source_notify_cb), self, G_CONNECT_SWAPPED);
  self->reload_signals = g_signal_group_new (RSH_TYPE_SOURCE);
  g_signal_group_connect_object (self->reload_signals, "notify",
                                 G_CALLBACK (reload_notify_cb), self, G_CONNECT_SWAPPED);
  update_row (self);
}

/**
 * rsh_source_row_new:
 * @source: (nullable): the source to show
 *
 * Returns: (transfer full): a new row
 */
GtkWidget *
rsh_source_row_new (RshSource *source)
{
  g_return_val_if_fail (source == NULL || RSH_IS_SOURCE (source), NULL);

  return g_object_new (RSH_TYPE_SOURCE_ROW, "source", source, NULL);
}

/**
 * rsh_source_row_get_source:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none) (nullable): the source shown
 */
RshSource *
rsh_source_row_get_source (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return self->source;
}

void
rsh_source_row_set_source (RshSourceRow *self,
                           RshSource    *source)
{
  g_return_if_fail (RSH_IS_SOURCE_ROW (self));
  g_return_if_fail (source == NULL || RSH_IS_SOURCE (source));

  if (!g_set_object (&self->source, source))
    return;

  g_signal_group_set_target (self->source_signals, source);
  adopt_reload (self);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * rsh_source_row_get_progress_bar:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none): the bar shown while the source is read
 */
GtkWidget *
rsh_source_row_get_progress_bar (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return GTK_WIDGET (self->progress_bar);
}

const char *
rsh_source_row_get_title (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
rsh_source_row_get_subtitle (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_label (self->error_label);

  return gtk_label_get_label (self->subtitle_label);
}

/**
 * rsh_source_row_get_reload_button:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none): the Reload from Web button
 */
GtkWidget *
rsh_source_row_get_reload_button (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return GTK_WIDGET (self->reload_button);
}

/**
 * rsh_source_row_get_edit_button:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none): the Edit Details button
 */
GtkWidget *
rsh_source_row_get_edit_button (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return GTK_WIDGET (self->edit_button);
}

/**
 * rsh_source_row_get_retry_button:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none): the Retry button, shown when the source could not be read
 */
GtkWidget *
rsh_source_row_get_retry_button (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return GTK_WIDGET (self->retry_button);
}

/**
 * rsh_source_row_get_remove_button:
 * @self: a #RshSourceRow
 *
 * Returns: (transfer none): the Remove Source button
 */
GtkWidget *
rsh_source_row_get_remove_button (RshSourceRow *self)
{
  g_return_val_if_fail (RSH_IS_SOURCE_ROW (self), NULL);

  return GTK_WIDGET (self->remove_button);
}

/**
 * rsh_source_row_show_reload:
 * @self: a #RshSourceRow
 * @page: (nullable): the stand-in fetched for the shown source's "Reload from Web" (see
 *   rsh_project_get_source_reload()), or %NULL
 *
 * Shows the reload on the row as a first fetch is shown ("Fetching… 42 %"), with Reload
 * from Web insensitive until it ends; a reload that fails leaves its reason on the row,
 * under the source's title, until the next one. Rows that show the same source later
 * (list rows are recycled) show it too.
 */
void
rsh_source_row_show_reload (RshSourceRow *self,
                            RshSource    *page)
{
  g_return_if_fail (RSH_IS_SOURCE_ROW (self));
  g_return_if_fail (page == NULL || RSH_IS_SOURCE (page));

  if (self->source == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self->source), RELOAD_KEY,
                          page != NULL ? g_object_ref (page) : NULL,
                          page != NULL ? g_object_unref : NULL);
  adopt_reload (self);
  update_row (self);
}
