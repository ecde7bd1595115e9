/* bench-tempeval.c: the time-expression tagger measured TempEval-3 style
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-tempeval [--errors|--list tune|held-out|all]
 *
 * Reads the TimeML files of $RSH_SHARED_DATA/tempeval3-tbaq-cleaned (else ../shared/data
 * next to the source tree): TimeBank and AQUAINT, inline <TIMEX3 type value> tags with the
 * document creation time in <DCT>. The tags of <TEXT> are stripped to get the text and the
 * gold spans; the DCT is the anchor. Scores, as TempEval-3 did: relaxed extent P/R/F1 (a
 * system expression matches a gold one it overlaps), strict extent F1 (same span), and value
 * F1 (a relaxed match with the same normalised value). Documents are split by a hash of their
 * file name into a "tune" half (the rules were adjusted looking at it) and a "held-out"
 * half; both are printed, then all. --errors lists the misses of one half, then counts them
 * by kind and by the shape of the gold and system values ("VALUE week -> week"), most
 * frequent first, so that the categories that dominate show. --list prints every expression
 * the tagger found in one half with the gold one it overlaps, to see how often a rule is right.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include <rashomon.h>

typedef struct
{
  guint  start;
  guint  end;
  char  *text;
  char  *type;
  char  *value;
} Gold;

typedef struct
{
  char      *name;
  char      *dct;
  char      *text;
  GArray    *gold;      /* Gold */
  gboolean   held_out;
} Document;

typedef struct
{
  guint gold;
  guint system;
  guint relaxed_gold;    /* gold expressions overlapped by a system one */
  guint relaxed_system;  /* system expressions overlapping a gold one */
  guint strict;
  guint value_gold;
  guint value_system;
} Counts;

static void
gold_clear (gpointer data)
{
  Gold *gold = data;

  g_free (gold->text);
  g_free (gold->type);
  g_free (gold->value);
}

static void
document_free (Document *doc)
{
  g_free (doc->name);
  g_free (doc->dct);
  g_free (doc->text);
  g_array_unref (doc->gold);
  g_free (doc);
}

static char *
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *p = strstr (tag, key);
  const char *q;

  if (p == NULL)
    return NULL;
  p += strlen (key);
  q = strchr (p, '"');
  return q ? g_strndup (p, q - p) : NULL;
}

static const struct
{
  const char *entity;
  const char *text;
} entities[] = {
  { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
};

/* Strips the tags of @body, recording each TIMEX3 as a gold span in code points. */
static void
strip (const char *body,
       GString    *out,
       GArray     *gold)
{
  guint chars = 0;
  Gold open = { 0 };
  gboolean in_timex = FALSE;
  const char *p = body;

  while (*p)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (close == NULL)
            break;
          tag = g_strndup (p, close - p + 1);
          if (g_str_has_prefix (tag, "<TIMEX3"))
            {
              open.start = chars;
              open.type = attribute (tag, "type");
              open.value = attribute (tag, "value");
              in_timex = TRUE;
            }
          else if (g_str_has_prefix (tag, "</TIMEX3") && in_timex)
            {
              open.end = chars;
              g_array_append_val (gold, open);
              memset (&open, 0, sizeof open);
              in_timex = FALSE;
            }
          p = close + 1;
          continue;
        }
      if (*p == '&')
        {
          gboolean done = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (entities); k++)
            if (g_str_has_prefix (p, entities[k].entity))
              {
                g_string_append (out, entities[k].text);
                p += strlen (entities[k].entity);
                chars++;
                done = TRUE;
                break;
              }
          if (done)
            continue;
        }
      {
        const char *next = g_utf8_next_char (p);

        g_string_append_len (out, p, next - p);
        p = next;
        chars++;
      }
    }
  gold_clear (&open);
}

static Document *
load_document (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dct_tag = NULL;
  const char *dct, *start, *end;
  Document *doc;
  GString *text;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  dct = strstr (contents, "<DCT>");
  start = strstr (contents, "<TEXT>");
  end = start ? strstr (start, "</TEXT>") : NULL;
  if (dct == NULL || start == NULL || end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no DCT or TEXT", path);
      return NULL;
    }

  doc = g_new0 (Document, 1);
  doc->name = g_path_get_basename (path);
  dct_tag = g_strndup (dct, strchr (dct + 5, '>') - dct);
  doc->dct = attribute (dct_tag, "value");
  doc->gold = g_array_new (FALSE, TRUE, sizeof (Gold));
  g_array_set_clear_func (doc->gold, gold_clear);
  doc->held_out = g_str_hash (doc->name) % 2 == 1;

  text = g_string_new (NULL);
  {
    g_autofree char *body = g_strndup (start + 6, end - start - 6);

    strip (body, text, doc->gold);
  }
  doc->text = g_string_free (text, FALSE);

  for (guint i = 0; i < doc->gold->len; i++)
    {
      Gold *gold = &g_array_index (doc->gold, Gold, i);

      g_free (gold->text);
      gold->text = g_utf8_substring (doc->text, gold->start, gold->end);
    }

  return doc;
}

static void
print_scores (const char   *label,
              const Counts *c,
              guint         documents)
{
  double rp = c->system ? (double) c->relaxed_system / c->system : 0;
  double rr = c->gold ? (double) c->relaxed_gold / c->gold : 0;
  double sp = c->system ? (double) c->strict / c->system : 0;
  double sr = c->gold ? (double) c->strict / c->gold : 0;
  double vp = c->system ? (double) c->value_system / c->system : 0;
  double vr = c->gold ? (double) c->value_gold / c->gold : 0;

#define F1(p, r) ((p) + (r) > 0 ? 2 * (p) * (r) / ((p) + (r)) : 0)
  printf ("%-9s %4u docs %5u gold %5u system | relaxed P %.3f R %.3f F1 %.3f | "
          "strict P %.3f R %.3f F1 %.3f | value P %.3f R %.3f F1 %.3f\n",
          label, documents, c->gold, c->system, rp, rr, F1 (rp, rr), sp, sr, F1 (sp, sr),
          vp, vr, F1 (vp, vr));
#undef F1
}

/* The shape of a TIMEX3 value, for counting errors by kind: "day", "week", "quarter",
 * "PAST_REF", "duration" … */
static const char *
value_shape (const char *type,
             const char *value)
{
  gsize n;

  if (value == NULL || *value == '\0')
    return "none";
  if (g_str_has_suffix (value, "_REF"))
    return value;
  if (g_strcmp0 (type, "SET") == 0)
    return "set";
  if (value[0] == 'P')
    return "duration";
  if (strchr (value, 'T') != NULL)
    return "time";
  if (strchr (value, 'X') != NULL)
    return "underspecified";
  n = strlen (value);
  if (n == 2)
    return "century";
  if (n == 3)
    return "decade";
  if (n == 4)
    return "year";
  if (strstr (value, "-WE") != NULL)
    return "weekend";
  if (n >= 6 && value[5] == 'W')
    return "week";
  if (n >= 6 && value[5] == 'Q')
    return "quarter";
  if (n >= 6 && value[5] == 'H')
    return "half";
  if (n >= 6 && g_ascii_isalpha (value[5]))
    return "season";
  if (n == 7)
    return "month";
  if (n == 10)
    return "day";
  return "other";
}

/* Counts one error of @kind under its shapes in @categories. */
static void
count_error (GHashTable *categories,
             const char *kind,
             const char *gold_shape,
             const char *system_shape)
{
  char *key = system_shape ? g_strdup_printf ("%s %s -> %s", kind, gold_shape, system_shape)
                           : g_strdup_printf ("%s %s", kind, gold_shape);

  g_hash_table_insert (categories, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (categories,
                                                                                key)) + 1));
}

static int
compare_category (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GHashTable *categories = user_data;
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (categories, *(const char **) a));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (categories, *(const char **) b));

  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
print_categories (GHashTable *categories)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, categories);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort_with_data (keys, compare_category, categories);
  printf ("error categories (kind, gold shape -> system shape), most frequent first:\n");
  for (guint i = 0; i < keys->len; i++)
    printf ("%5u  %s\n", GPOINTER_TO_UINT (g_hash_table_lookup (categories, keys->pdata[i])),
            (const char *) keys->pdata[i]);
}

static gboolean
overlaps (guint a_start,
          guint a_end,
          guint b_start,
          guint b_end)
{
  return a_start < b_end && b_start < a_end;
}

static void
score (Document        *doc,
       const GPtrArray *system,
       Counts          *c,
       GHashTable      *categories)
{
  gboolean show_errors = categories != NULL;

  c->gold += doc->gold->len;
  c->system += system->len;

  for (guint i = 0; i < doc->gold->len; i++)
    {
      Gold *gold = &g_array_index (doc->gold, Gold, i);
      gboolean relaxed = FALSE, value = FALSE;
      const RshTimex *found = NULL;

      for (guint k = 0; k < system->len; k++)
        {
          const RshTimex *timex = g_ptr_array_index (system, k);

          if (!overlaps (gold->start, gold->end, timex->start, timex->end))
            continue;
          relaxed = TRUE;
          found = timex;
          if (g_strcmp0 (timex->value, gold->value) == 0)
            value = TRUE;
          if (timex->start == gold->start && timex->end == gold->end)
            c->strict++;
        }
      c->relaxed_gold += relaxed;
      c->value_gold += value;
      if (show_errors && !relaxed)
        count_error (categories, "MISS ", value_shape (gold->type, gold->value), NULL);
      else if (show_errors && !value)
        count_error (categories, "VALUE", value_shape (gold->type, gold->value),
                     value_shape (rsh_timex_type_to_string (found->type), found->value));
      if (show_errors && !relaxed)
        {
          glong from = MAX ((glong) gold->start - 30, 0);
          g_autofree char *context = g_utf8_substring (doc->text, from, gold->end + 20);

          for (char *p = context; *p; p++)
            if (*p == '\n')
              *p = ' ';
          printf ("MISS  %s [%s] %s %s  …%s…\n", doc->name, gold->text, gold->type, gold->value,
                  context);
        }
      else if (show_errors && !value)
        {
          glong from = MAX ((glong) gold->start - 40, 0);
          g_autofree char *context = g_utf8_substring (doc->text, from, gold->end + 30);

          for (char *p = context; *p; p++)
            if (*p == '\n')
              *p = ' ';
          printf ("VALUE %s [%s] %s gold %s / [%s] %s (dct %s)  …%s…\n", doc->name, gold->text,
                  gold->type, gold->value, found->text, found->value, doc->dct, context);
        }
      else if (show_errors && (found->start != gold->start || found->end != gold->end))
        printf ("SPAN  %s [%s] / [%s]\n", doc->name, gold->text, found->text);
    }

  for (guint k = 0; k < system->len; k++)
    {
      const RshTimex *timex = g_ptr_array_index (system, k);
      gboolean relaxed = FALSE, value = FALSE;

      for (guint i = 0; i < doc->gold->len; i++)
        {
          Gold *gold = &g_array_index (doc->gold, Gold, i);

          if (!overlaps (gold->start, gold->end, timex->start, timex->end))
            continue;
          relaxed = TRUE;
          if (g_strcmp0 (timex->value, gold->value) == 0)
            value = TRUE;
        }
      c->relaxed_system += relaxed;
      c->value_system += value;
      if (show_errors && !relaxed)
        count_error (categories, "EXTRA",
                     value_shape (rsh_timex_type_to_string (timex->type), timex->value), NULL);
      if (show_errors && !relaxed)
        {
          /* a little context around the false alarm */
          glong from = MAX ((glong) timex->start - 30, 0);
          g_autofree char *context = g_utf8_substring (doc->text, from, timex->end + 20);

          for (char *p = context; *p; p++)
            if (*p == '\n')
              *p = ' ';
          printf ("EXTRA %s [%s] %s  …%s…\n", doc->name, timex->text, timex->value, context);
        }
    }
}

/* Prints each expression of @system with the gold expression it overlaps, if any. */
static void
list_system (Document        *doc,
             const GPtrArray *system)
{
  for (guint k = 0; k < system->len; k++)
    {
      const RshTimex *timex = g_ptr_array_index (system, k);
      const Gold *match = NULL;

      for (guint i = 0; i < doc->gold->len && match == NULL; i++)
        {
          const Gold *gold = &g_array_index (doc->gold, Gold, i);

          if (overlaps (gold->start, gold->end, timex->start, timex->end))
            match = gold;
        }
      printf ("%s %s\t[%s] %s %s\t[%s] %s %s\n",
              match == NULL ? "EXTRA" : g_strcmp0 (match->value, timex->value) == 0 ? "OK   "
                                                                                     : "VALUE",
              doc->name, timex->text, rsh_timex_type_to_string (timex->type), timex->value,
              match ? match->text : "", match ? match->type : "", match ? match->value : "");
    }
}

static char *
find_data_dir (void)
{
  const char *shared = g_getenv ("RSH_SHARED_DATA");
  g_autofree char *root = NULL;

  if (shared != NULL && *shared)
    return g_build_filename (shared, "tempeval3-tbaq-cleaned", NULL);
  root = g_path_get_dirname (RSH_BENCH_SOURCE_ROOT "/");
  return g_build_filename (root, "..", "shared", "data", "tempeval3-tbaq-cleaned", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = find_data_dir ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  const char *errors = NULL;
  gboolean list = FALSE;
  const char *parts[] = { "TimeBank", "AQUAINT" };
  Counts counts[2] = { 0 };
  Counts all = { 0 };
  guint ndocs[2] = { 0 };
  guint timexes = 0;
  gint64 elapsed = 0;
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);

  if (argc == 3 && (strcmp (argv[1], "--errors") == 0 || strcmp (argv[1], "--list") == 0))
    {
      errors = argv[2];
      list = strcmp (argv[1], "--list") == 0;
    }
  else if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--errors|--list tune|held-out|all]\n", argv[0]);
      return 2;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      printf ("SKIP: %s is absent; nothing to measure\n", dir);
      return 0;
    }

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *sub = g_build_filename (dir, parts[p], NULL);
      g_autoptr(GDir) handle = g_dir_open (sub, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (handle == NULL)
        continue;
      while ((name = g_dir_read_name (handle)) != NULL)
        if (g_str_has_suffix (name, ".tml"))
          g_ptr_array_add (names, g_build_filename (sub, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          g_autoptr(GError) error = NULL;
          Document *doc = load_document (g_ptr_array_index (names, i), &error);

          if (doc == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              continue;
            }
          g_ptr_array_add (docs, doc);
        }
    }

  if (docs->len == 0)
    {
      printf ("SKIP: no TimeML documents under %s\n", dir);
      return 0;
    }

  for (guint i = 0; i < docs->len; i++)
    {
      Document *doc = g_ptr_array_index (docs, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) system = NULL;
      gint64 t0 = g_get_monotonic_time ();
      gboolean show;

      system = rsh_timex_tag (doc->text, doc->dct, "en", &error);
      elapsed += g_get_monotonic_time () - t0;
      if (system == NULL)
        {
          fprintf (stderr, "%s: %s\n", doc->name, error->message);
          return 1;
        }
      timexes += system->len;
      show = errors != NULL &&
             (strcmp (errors, "all") == 0 ||
              (strcmp (errors, "held-out") == 0) == doc->held_out);
      if (list && show)
        list_system (doc, system);
      score (doc, system, &counts[doc->held_out], show && !list ? categories : NULL);
      score (doc, system, &all, NULL);
      ndocs[doc->held_out]++;
    }

  if (errors != NULL && !list)
    print_categories (categories);
  printf ("TempEval-3 style on TimeBank + AQUAINT (%s), anchored on each DCT\n", dir);
  print_scores ("tune", &counts[0], ndocs[0]);
  print_scores ("held-out", &counts[1], ndocs[1]);
  print_scores ("all", &all, docs->len);
  printf ("speed: %u timexes in %.3f s = %.0f timexes/s\n", timexes, elapsed / 1e6,
          elapsed > 0 ? timexes / (elapsed / 1e6) : 0.0);
  printf ("published (official test set): HeidelTime relaxed F1 0.903, strict 0.813, "
          "value 0.776\n");

  return 0;
}
