/* rsh-application.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-application.h"
#include "rsh-gui-compat.h"
#include "rsh-gui-resources.h"
#include "rsh-window.h"

#define SCHEMA_ID "io.github.rashomon.Rashomon"
#define RESOURCE_BASE_PATH "/io/github/rashomon/Rashomon"

struct _RshApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (RshApplication, rsh_application, ADW_TYPE_APPLICATION)

static const char *
color_scheme_to_style (AdwColorScheme scheme)
{
  switch (scheme)
    {
    case ADW_COLOR_SCHEME_FORCE_LIGHT:
      return "light";

    case ADW_COLOR_SCHEME_FORCE_DARK:
      return "dark";

    case ADW_COLOR_SCHEME_DEFAULT:
    case ADW_COLOR_SCHEME_PREFER_LIGHT:
    case ADW_COLOR_SCHEME_PREFER_DARK:
    default:
      return "default";
    }
}

static RshWindow *
ensure_window (RshApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RSH_IS_WINDOW (window))
    return RSH_WINDOW (window);

  window = GTK_WINDOW (rsh_window_new (self));
  gtk_window_present (window);

  return RSH_WINDOW (window);
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RshApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (rsh_window_new (self)));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  rsh_window_choose_project (ensure_window (RSH_APPLICATION (user_data)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                                     (GCopyFunc)g_object_ref, NULL);

  /* Closing each window lets it save its size; the application quits with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free_full (windows, g_object_unref);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  rsh_gui_show_about (GTK_WINDOW (ensure_window (RSH_APPLICATION (user_data))));
}

static void
style_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *style = g_variant_get_string (param, NULL);
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  g_simple_action_set_state (action, g_variant_new_string (color_scheme_to_style (scheme)));
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project_action },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
  { "style", NULL, "s", "'default'", style_action },
};

static void
rsh_application_startup (GApplication *app)
{
  RshApplication *self = RSH_APPLICATION (app);
  const char *new_accels[] = { "<Control>n", NULL };
  const char *open_accels[] = { "<Control>o", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  GAction *style;

  G_APPLICATION_CLASS (rsh_application_parent_class)->startup (app);

  g_set_application_name (_("Rashomon"));
  gtk_window_set_default_icon_name ("io.github.rashomon.Rashomon");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  style = g_action_map_lookup_action (G_ACTION_MAP (self), "style");
  g_simple_action_set_state (G_SIMPLE_ACTION (style),
                             g_variant_new_string (color_scheme_to_style (
                               adw_style_manager_get_color_scheme (adw_style_manager_get_default ()))));

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-project", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
rsh_application_activate (GApplication *app)
{
  ensure_window (RSH_APPLICATION (app));
}

static void
rsh_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  RshApplication *self = RSH_APPLICATION (app);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *basename = g_file_get_basename (files[i]);

      if (basename != NULL && g_str_has_suffix (basename, ".rashomon"))
        {
          RshWindow *window = rsh_window_new (self);

          gtk_window_present (GTK_WINDOW (window));
          rsh_window_open_project_file (window, files[i]);
        }
      else
        {
          g_ptr_array_add (articles, files[i]);
        }
    }

  if (articles->len > 0)
    {
      RshWindow *window = rsh_window_new (self);

      gtk_window_present (GTK_WINDOW (window));
      rsh_window_add_files (window, (GFile **)articles->pdata, articles->len);
    }
}

static void
rsh_application_dispose (GObject *object)
{
  RshApplication *self = (RshApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rsh_application_parent_class)->dispose (object);
}

static void
rsh_application_class_init (RshApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  rsh_application_ensure_resources ();

  object_class->dispose = rsh_application_dispose;

  app_class->startup = rsh_application_startup;
  app_class->activate = rsh_application_activate;
  app_class->open = rsh_application_open;
}

static void
rsh_application_init (RshApplication *self)
{
  self->settings = rsh_application_dup_settings ();
}

/**
 * rsh_application_new:
 *
 * Returns: (transfer full): the application
 */
RshApplication *
rsh_application_new (void)
{
  return g_object_new (RSH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * rsh_application_get_settings:
 * @self: a #RshApplication
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL where the schema is missing
 */
GSettings *
rsh_application_get_settings (RshApplication *self)
{
  g_return_val_if_fail (RSH_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * rsh_application_dup_settings:
 *
 * An uninstalled build without its compiled schema still runs: it just forgets window
 * sizes and folders.
 *
 * Returns: (transfer full) (nullable): the application's settings, or %NULL where the
 *   schema is not installed
 */
GSettings *
rsh_application_dup_settings (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (schemas != NULL)
    schema = g_settings_schema_source_lookup (schemas, SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * rsh_application_ensure_resources:
 *
 * Registers the GUI's resources (templates, CSS, icons) once. The resource lives in a
 * static library, so the linker would drop an automatic constructor.
 */
void
rsh_application_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      rsh_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
