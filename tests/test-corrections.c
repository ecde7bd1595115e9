/* test-corrections.c: the user's corrections, their undo and redo, and their replay
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <rashomon.h>

#include "rsh-test-util.h"

/* Our own invented articles about one story: a ferry that ran aground. */
static const char ferry_one[] =
  "The ferry Solvay Star ran aground off Kestrel Point on Sunday evening.\n\n"
  "The harbour master, Ada Brennick, said the crew had ignored a warning about the "
  "falling tide.\n\n"
  "The operator, Brightwater Lines, denied that any warning had reached the bridge.\n";

static const char ferry_two[] =
  "Brightwater Lines said on Monday that its crew had followed every instruction from "
  "the harbour.\n\n"
  "Ada Brennick said the crew had ignored a warning about the tide before the ferry ran "
  "aground.\n";

static const char ferry_three[] =
  "Passengers on the Solvay Star said the lights went out minutes before the ferry "
  "stopped.\n\n"
  "A coastguard officer said the rescue boats reached the ferry within twenty minutes.\n";

static RshProject *
new_project (const char * const *texts,
             const char * const *outlets)
{
  g_autoptr(GError) error = NULL;
  RshProject *project = rsh_project_new ();

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(RshSource) source = rsh_project_add_text (project, texts[i], outlets[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (source);
    }

  rsh_project_analyze (project, NULL, &error);
  g_assert_no_error (error);

  return project;
}

static RshProject *
new_sample_project (guint n_sources)
{
  g_autoptr(GPtrArray) paths = rsh_test_sample_story ();
  g_autoptr(GError) error = NULL;
  RshProject *project = rsh_project_new ();

  g_assert_cmpuint (paths->len, >=, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(RshSource) source = rsh_project_add_file (project, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (source);
    }

  rsh_project_analyze (project, NULL, &error);
  g_assert_no_error (error);

  return project;
}

static char *
comparison_json (RshProject *project)
{
  return rsh_comparison_to_json (rsh_project_get_comparison (project));
}

static char *
mention_id_at (RshClaim *claim,
               guint     index)
{
  g_autoptr(RshMention) mention = g_list_model_get_item (rsh_claim_get_mentions (claim), index);

  return rsh_correction_dup_mention_id (mention);
}

static guint
n_mentions (RshClaim *claim)
{
  return g_list_model_get_n_items (rsh_claim_get_mentions (claim));
}

static gboolean
claim_holds (RshClaim   *claim,
             const char *mention_id)
{
  for (guint i = 0; i < n_mentions (claim); i++)
    {
      g_autofree char *id = mention_id_at (claim, i);

      if (strcmp (id, mention_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The found (not tracked) claims with at least @min_mentions statements, in order. */
static GPtrArray *
found_claims (RshComparison *comparison,
              guint          min_mentions)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      RshClaim *claim = g_list_model_get_item (claims, i);

      if (!rsh_claim_get_user_defined (claim) && n_mentions (claim) >= min_mentions)
        g_ptr_array_add (found, claim);
      else
        g_object_unref (claim);
    }

  return found;
}

static RshClaim *
claim_of_mention (RshComparison *comparison,
                  const char    *mention_id)
{
  GListModel *claims = rsh_comparison_get_claims (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);

      if (!rsh_claim_get_user_defined (claim) && claim_holds (claim, mention_id))
        return claim;
    }

  return NULL;
}

/* An actor speaking at least @min statements, and one of them. */
static RshActor *
busy_actor (RshComparison  *comparison,
            guint           min,
            char          **mention_id)
{
  GListModel *actors = rsh_comparison_get_actors (comparison);
  GListModel *mentions = rsh_comparison_get_mentions (comparison);

  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, a);
      g_autoptr(GPtrArray) spoken = g_ptr_array_new_with_free_func (g_free);

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);
          g_autofree char *id = rsh_correction_dup_mention_id (mention);

          if (g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) == 0 &&
              !g_ptr_array_find_with_equal_func (spoken, id, g_str_equal, NULL))
            g_ptr_array_add (spoken, g_steal_pointer (&id));
        }

      if (spoken->len >= min)
        {
          if (mention_id != NULL)
            *mention_id = g_strdup (g_ptr_array_index (spoken, spoken->len - 1));
          return actor;
        }
    }

  return NULL;
}

/* One kind of correction: made against the comparison, then checked on it. */
typedef struct
{
  char     *claim_a;
  char     *claim_b;
  char     *mention;
  char     *actor_a;
  char     *actor_b;
  char     *old_name;
} Targets;

static void
targets_clear (Targets *t)
{
  g_clear_pointer (&t->claim_a, g_free);
  g_clear_pointer (&t->claim_b, g_free);
  g_clear_pointer (&t->mention, g_free);
  g_clear_pointer (&t->actor_a, g_free);
  g_clear_pointer (&t->actor_b, g_free);
  g_clear_pointer (&t->old_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Targets, targets_clear)

typedef struct
{
  const char     *path;
  RshCorrection *(*make)  (RshComparison *comparison, Targets *t);
  void           (*check) (RshComparison *comparison, Targets *t);
} KindCase;

static RshCorrection *
make_merge_claims (RshComparison *comparison,
                   Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  const char *ids[3];
  RshCorrection *correction;

  g_assert_cmpuint (claims->len, >=, 2);
  t->claim_a = g_strdup (rsh_claim_get_id (g_ptr_array_index (claims, 0)));
  t->claim_b = g_strdup (rsh_claim_get_id (g_ptr_array_index (claims, 1)));
  t->mention = mention_id_at (g_ptr_array_index (claims, 1), 0);
  ids[0] = t->claim_a;
  ids[1] = t->claim_b;
  ids[2] = NULL;

  correction = rsh_correction_new_merge_claims (comparison, ids, &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_merge_claims (RshComparison *comparison,
                    Targets       *t)
{
  RshClaim *merged = rsh_comparison_lookup_claim (comparison, t->claim_a, NULL);

  g_assert_nonnull (merged);
  g_assert_true (claim_holds (merged, t->mention));
  g_assert_true (rsh_comparison_get_corrected (comparison, merged));
  g_assert_null (rsh_comparison_lookup_claim (comparison, t->claim_b, NULL));
}

static RshCorrection *
make_split_claim (RshComparison *comparison,
                  Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 2);
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };
  RshClaim *claim;
  RshCorrection *correction;

  g_assert_cmpuint (claims->len, >=, 1);
  claim = g_ptr_array_index (claims, 0);
  t->claim_a = g_strdup (rsh_claim_get_id (claim));
  t->mention = mention_id_at (claim, n_mentions (claim) - 1);
  ids[0] = t->mention;

  correction = rsh_correction_new_split_claim (comparison, t->claim_a, ids, "An invented wording",
                                               &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_split_claim (RshComparison *comparison,
                   Targets       *t)
{
  RshClaim *old = rsh_comparison_lookup_claim (comparison, t->claim_a, NULL);
  RshClaim *split = claim_of_mention (comparison, t->mention);

  g_assert_nonnull (old);
  g_assert_false (claim_holds (old, t->mention));
  g_assert_nonnull (split);
  g_assert_true (split != old);
  g_assert_cmpstr (rsh_claim_get_text (split), ==, "An invented wording");
  g_assert_cmpuint (n_mentions (split), ==, 1);
}

static RshCorrection *
make_move_mention (RshComparison *comparison,
                   Targets       *t)
{
  g_autoptr(GPtrArray) big = found_claims (comparison, 2);
  g_autoptr(GPtrArray) all = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  RshClaim *from;
  RshClaim *to = NULL;
  RshCorrection *correction;

  g_assert_cmpuint (big->len, >=, 1);
  from = g_ptr_array_index (big, 0);
  for (guint i = 0; i < all->len && to == NULL; i++)
    if (g_ptr_array_index (all, i) != from)
      to = g_ptr_array_index (all, i);
  g_assert_nonnull (to);

  t->claim_a = g_strdup (rsh_claim_get_id (from));
  t->claim_b = g_strdup (rsh_claim_get_id (to));
  t->mention = mention_id_at (from, 0);

  correction = rsh_correction_new_move_mention (comparison, t->mention, t->claim_b, &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_move_mention (RshComparison *comparison,
                    Targets       *t)
{
  g_assert_false (claim_holds (rsh_comparison_lookup_claim (comparison, t->claim_a, NULL),
                               t->mention));
  g_assert_true (claim_holds (rsh_comparison_lookup_claim (comparison, t->claim_b, NULL),
                              t->mention));
}

static RshCorrection *
make_set_stance (RshComparison *comparison,
                 Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction = NULL;

  /* A statement that reports, so that "denies" changes it. */
  for (guint i = 0; i < claims->len && correction == NULL; i++)
    {
      RshClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(RshMention) mention = g_list_model_get_item (rsh_claim_get_mentions (claim), 0);

      if (n_mentions (claim) != 1 || rsh_mention_get_stance (mention) != RSH_STANCE_REPORTS)
        continue;

      t->claim_a = g_strdup (rsh_claim_get_id (claim));
      t->mention = rsh_correction_dup_mention_id (mention);
      correction = rsh_correction_new_set_stance (comparison, t->mention, RSH_STANCE_DENIES,
                                                  FALSE, &error);
      g_assert_no_error (error);
    }

  g_assert_nonnull (correction);
  return correction;
}

static void
check_set_stance (RshComparison *comparison,
                  Targets       *t)
{
  RshMention *mention = rsh_comparison_lookup_mention (comparison, t->mention);
  RshClaim *claim = rsh_comparison_lookup_claim (comparison, t->claim_a, NULL);

  g_assert_cmpint (rsh_mention_get_stance (mention), ==, RSH_STANCE_DENIES);
  g_assert_false (rsh_mention_get_hedged (mention));
  /* The source's position follows its only statement on the claim. */
  g_assert_cmpint (rsh_claim_get_position (claim, rsh_mention_get_source_id (mention), NULL), ==,
                   RSH_STANCE_DENIES);
}

static RshCorrection *
make_set_speaker (RshComparison *comparison,
                  Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction;

  t->mention = mention_id_at (g_ptr_array_index (claims, 0), 0);
  correction = rsh_correction_new_set_speaker (comparison, t->mention, "Invented Witness", &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_set_speaker (RshComparison *comparison,
                   Targets       *t)
{
  RshMention *mention = rsh_comparison_lookup_mention (comparison, t->mention);
  RshActor *actor = rsh_comparison_lookup_actor (comparison, rsh_mention_get_actor_id (mention));

  g_assert_nonnull (actor);
  g_assert_cmpstr (rsh_actor_get_name (actor), ==, "Invented Witness");
  g_assert_true (rsh_comparison_get_corrected (comparison, actor));
}

static RshCorrection *
make_set_wording (RshComparison *comparison,
                  Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction;

  t->claim_a = g_strdup (rsh_claim_get_id (g_ptr_array_index (claims, 2)));
  correction = rsh_correction_new_set_wording (comparison, t->claim_a, "Reworded by hand",
                                               &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_set_wording (RshComparison *comparison,
                   Targets       *t)
{
  g_assert_cmpstr (rsh_claim_get_text (rsh_comparison_lookup_claim (comparison, t->claim_a,
                                                                    NULL)),
                   ==, "Reworded by hand");
}

static RshCorrection *
make_hide_claim (RshComparison *comparison,
                 Targets       *t)
{
  g_autoptr(GPtrArray) claims = found_claims (comparison, 1);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction;

  t->claim_a = g_strdup (rsh_claim_get_id (g_ptr_array_index (claims, 0)));
  t->mention = mention_id_at (g_ptr_array_index (claims, 0), 0);
  correction = rsh_correction_new_hide_claim (comparison, t->claim_a, TRUE, &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_hide_claim (RshComparison *comparison,
                  Targets       *t)
{
  gboolean hidden = FALSE;
  g_autofree char *json = rsh_comparison_to_json (comparison);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", t->mention);

  g_assert_nonnull (rsh_comparison_lookup_claim (comparison, t->claim_a, &hidden));
  g_assert_true (hidden);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_comparison_get_hidden_claims (comparison)), ==,
                    1);
  /* Left out of the claims, the mentions and the timeline of the export. */
  g_assert_null (claim_of_mention (comparison, t->mention));
  g_assert_null (strstr (json, quoted));
}

static RshCorrection *
make_rename_actor (RshComparison *comparison,
                   Targets       *t)
{
  RshActor *actor = busy_actor (comparison, 1, NULL);
  g_autoptr(GError) error = NULL;
  RshCorrection *correction;

  g_assert_nonnull (actor);
  t->actor_a = g_strdup (rsh_actor_get_id (actor));
  t->old_name = g_strdup (rsh_actor_get_name (actor));
  correction = rsh_correction_new_rename_actor (comparison, t->actor_a, "Renamed Person", &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_rename_actor (RshComparison *comparison,
                    Targets       *t)
{
  RshActor *actor = rsh_comparison_lookup_actor (comparison, t->actor_a);

  g_assert_cmpstr (rsh_actor_get_name (actor), ==, "Renamed Person");
  g_assert_true (g_strv_contains (rsh_actor_get_aliases (actor), t->old_name));
}

static RshCorrection *
make_merge_actors (RshComparison *comparison,
                   Targets       *t)
{
  GListModel *actors = rsh_comparison_get_actors (comparison);
  RshActor *first = busy_actor (comparison, 1, NULL);
  g_autoptr(GError) error = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  RshCorrection *correction;

  g_assert_nonnull (first);
  t->actor_a = g_strdup (rsh_actor_get_id (first));
  for (guint i = 0; i < g_list_model_get_n_items (actors) && t->actor_b == NULL; i++)
    {
      g_autoptr(RshActor) other = g_list_model_get_item (actors, i);

      if (other != first)
        {
          t->actor_b = g_strdup (rsh_actor_get_id (other));
          t->old_name = g_strdup (rsh_actor_get_name (other));
        }
    }
  ids[0] = t->actor_a;
  ids[1] = t->actor_b;

  correction = rsh_correction_new_merge_actors (comparison, ids, &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_merge_actors (RshComparison *comparison,
                    Targets       *t)
{
  GListModel *mentions = rsh_comparison_get_mentions (comparison);

  g_assert_null (rsh_comparison_lookup_actor (comparison, t->actor_b));
  g_assert_true (g_strv_contains (rsh_actor_get_aliases (rsh_comparison_lookup_actor (comparison,
                                                                                      t->actor_a)),
                                  t->old_name));
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      g_assert_cmpstr (rsh_mention_get_actor_id (mention), !=, t->actor_b);
    }
}

static RshCorrection *
make_split_actor (RshComparison *comparison,
                  Targets       *t)
{
  RshActor *actor = busy_actor (comparison, 2, &t->mention);
  g_autoptr(GError) error = NULL;
  const char *ids[2] = { NULL, NULL };
  RshCorrection *correction;

  g_assert_nonnull (actor);
  t->actor_a = g_strdup (rsh_actor_get_id (actor));
  ids[0] = t->mention;
  correction = rsh_correction_new_split_actor (comparison, t->actor_a, ids, "Second Speaker",
                                               &error);
  g_assert_no_error (error);
  return correction;
}

static void
check_split_actor (RshComparison *comparison,
                   Targets       *t)
{
  RshMention *mention = rsh_comparison_lookup_mention (comparison, t->mention);
  RshActor *actor = rsh_comparison_lookup_actor (comparison, rsh_mention_get_actor_id (mention));

  g_assert_nonnull (actor);
  g_assert_cmpstr (rsh_actor_get_id (actor), !=, t->actor_a);
  g_assert_cmpstr (rsh_actor_get_name (actor), ==, "Second Speaker");
  g_assert_nonnull (rsh_comparison_lookup_actor (comparison, t->actor_a));
}

static const KindCase kind_cases[] = {
  { "/core/corrections/kind/merge-claims", make_merge_claims, check_merge_claims },
  { "/core/corrections/kind/split-claim", make_split_claim, check_split_claim },
  { "/core/corrections/kind/move-mention", make_move_mention, check_move_mention },
  { "/core/corrections/kind/set-stance", make_set_stance, check_set_stance },
  { "/core/corrections/kind/set-speaker", make_set_speaker, check_set_speaker },
  { "/core/corrections/kind/set-wording", make_set_wording, check_set_wording },
  { "/core/corrections/kind/hide-claim", make_hide_claim, check_hide_claim },
  { "/core/corrections/kind/rename-actor", make_rename_actor, check_rename_actor },
  { "/core/corrections/kind/merge-actors", make_merge_actors, check_merge_actors },
  { "/core/corrections/kind/split-actor", make_split_actor, check_split_actor },
};

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Applied, undone, redone, saved, reopened and analysed again: the same comparison. */
static void
test_kind (gconstpointer data)
{
  const KindCase *kind = data;
  g_autofree char *dir = rsh_test_make_tmp_dir ("rsh-test-corrections");
  g_autofree char *path = g_build_filename (dir, "kind.rashomon", NULL);
  g_autoptr(RshProject) project = new_sample_project (5);
  g_autoptr(RshProject) reopened = NULL;
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = comparison_json (project);
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_auto(Targets) t = { NULL, };
  guint comparison_notified = 0;
  guint can_undo_notified = 0;

  g_signal_connect (project, "notify::comparison", G_CALLBACK (count_notify_cb),
                    &comparison_notified);
  g_signal_connect (project, "notify::can-undo", G_CALLBACK (count_notify_cb),
                    &can_undo_notified);
  g_assert_false (rsh_project_get_can_undo (project));
  g_assert_null (rsh_project_get_undo_label (project));

  correction = kind->make (rsh_project_get_comparison (project), &t);
  rsh_correction_set_author (correction, "Test Author");
  rsh_project_apply_correction (project, correction, &error);
  g_assert_no_error (error);
  g_assert_true (rsh_correction_get_applies (correction));
  g_assert_cmpint (rsh_correction_get_id (correction), >, 0);
  g_assert_cmpuint (comparison_notified, ==, 1);
  g_assert_cmpuint (can_undo_notified, ==, 1);
  g_assert_true (rsh_project_get_can_undo (project));
  g_assert_false (rsh_project_get_can_redo (project));
  {
    g_autofree char *label = g_strdup_printf ("Undo %s", rsh_correction_get_label (correction));

    g_assert_cmpstr (rsh_project_get_undo_label (project), ==, label);
  }
  kind->check (rsh_project_get_comparison (project), &t);
  applied = comparison_json (project);
  g_assert_cmpstr (applied, !=, before);

  rsh_project_undo (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_correction_get_state (correction), ==, RSH_CORRECTION_UNDONE);
  g_assert_false (rsh_project_get_can_undo (project));
  g_assert_true (rsh_project_get_can_redo (project));
  undone = comparison_json (project);
  g_assert_cmpstr (undone, ==, before);

  rsh_project_redo (project, &error);
  g_assert_no_error (error);
  redone = comparison_json (project);
  g_assert_cmpstr (redone, ==, applied);
  kind->check (rsh_project_get_comparison (project), &t);

  /* Persisted: the reopened project replays it onto a fresh analysis. */
  rsh_project_save_as (project, path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  reopened = rsh_project_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_corrections (reopened)), ==, 1);
  g_assert_true (rsh_project_get_can_undo (reopened));
  rsh_project_analyze (reopened, NULL, &error);
  g_assert_no_error (error);
  kind->check (rsh_project_get_comparison (reopened), &t);
  {
    g_autoptr(RshCorrection) stored =
      g_list_model_get_item (rsh_project_get_corrections (reopened), 0);

    g_assert_cmpstr (rsh_correction_get_author (stored), ==, "Test Author");
    g_assert_nonnull (rsh_correction_get_created_at (stored));
    g_assert_true (g_str_has_suffix (rsh_correction_get_created_at (stored), "Z"));
    g_assert_true (rsh_correction_get_applies (stored));
  }

  rsh_test_remove_tree (dir);
}

static void
test_unhide (void)
{
  g_autoptr(RshProject) project = new_sample_project (3);
  g_autoptr(RshCorrection) hide = NULL;
  g_autoptr(RshCorrection) show = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Targets) t = { NULL, };
  gboolean hidden = TRUE;

  hide = make_hide_claim (rsh_project_get_comparison (project), &t);
  rsh_project_apply_correction (project, hide, &error);
  g_assert_no_error (error);

  /* Showing a claim that is not hidden is refused. */
  show = rsh_correction_new_hide_claim (rsh_project_get_comparison (project), "c1", FALSE,
                                        &error);
  if (strcmp (t.claim_a, "c1") != 0)
    {
      g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
      g_assert_null (show);
      g_clear_error (&error);
    }
  g_clear_object (&show);

  show = rsh_correction_new_hide_claim (rsh_project_get_comparison (project), t.claim_a, FALSE,
                                        &error);
  g_assert_no_error (error);
  rsh_project_apply_correction (project, show, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rsh_comparison_lookup_claim (rsh_project_get_comparison (project), t.claim_a,
                                                 &hidden));
  g_assert_false (hidden);
  g_assert_cmpstr (rsh_project_get_undo_label (project), ==, "Undo Show Claim");

  rsh_project_undo (project, &error);
  g_assert_no_error (error);
  rsh_comparison_lookup_claim (rsh_project_get_comparison (project), t.claim_a, &hidden);
  g_assert_true (hidden);
}

static void
test_unknown_ids (void)
{
  g_autoptr(RshProject) project = new_sample_project (2);
  RshComparison *comparison = rsh_project_get_comparison (project);
  const char *claims[] = { "c1", "c999", NULL };
  const char *same[] = { "c1", "c1", NULL };
  const char *mentions[] = { "s9:1-2", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (rsh_correction_new_merge_claims (comparison, claims, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "c999"));
  g_clear_error (&error);

  g_assert_null (rsh_correction_new_merge_claims (comparison, same, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rsh_correction_new_move_mention (comparison, "s9:1-2", "c1", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "s9:1-2"));
  g_clear_error (&error);

  g_assert_null (rsh_correction_new_split_claim (comparison, "c1", mentions, NULL, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (rsh_correction_new_rename_actor (comparison, "a999", "Nobody", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (rsh_correction_new_set_wording (comparison, "c1", "  ", &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing to undo or redo yet. */
  g_assert_false (rsh_project_undo (project, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rsh_project_redo (project, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
}

/* A new correction after an undo leaves the undone one behind: history, never redone. */
static void
test_redo_stack (void)
{
  g_autoptr(RshProject) project = new_sample_project (2);
  g_autoptr(RshCorrection) first = NULL;
  g_autoptr(RshCorrection) second = NULL;
  g_autoptr(RshCorrection) third = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Targets) t1 = { NULL, };
  g_auto(Targets) t2 = { NULL, };

  first = make_set_wording (rsh_project_get_comparison (project), &t1);
  rsh_project_apply_correction (project, first, &error);
  g_assert_no_error (error);
  second = make_rename_actor (rsh_project_get_comparison (project), &t2);
  rsh_project_apply_correction (project, second, &error);
  g_assert_no_error (error);

  rsh_project_undo (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_project_get_redo_label (project), ==, "Redo Rename Actor");

  third = rsh_correction_new_hide_claim (rsh_project_get_comparison (project), t1.claim_a, TRUE,
                                         &error);
  g_assert_no_error (error);
  rsh_project_apply_correction (project, third, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rsh_correction_get_state (second), ==, RSH_CORRECTION_SUPERSEDED);
  g_assert_false (rsh_project_get_can_redo (project));

  /* Undo twice, redo twice: the hide, then the wording; the rename stays left behind. */
  rsh_project_undo (project, &error);
  g_assert_no_error (error);
  rsh_project_undo (project, &error);
  g_assert_no_error (error);
  g_assert_false (rsh_project_get_can_undo (project));
  g_assert_cmpstr (rsh_project_get_redo_label (project), ==, "Redo Edit Wording");
  rsh_project_redo (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rsh_project_get_redo_label (project), ==, "Redo Hide Claim");
  rsh_project_redo (project, &error);
  g_assert_no_error (error);
  g_assert_false (rsh_project_get_can_redo (project));
  g_assert_cmpint (rsh_correction_get_state (second), ==, RSH_CORRECTION_SUPERSEDED);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_corrections (project)), ==, 3);
}

/* Re-analysis rebuilds the automatic structure, then the corrections land on it again. */
static void
test_reanalysis (void)
{
  g_autoptr(RshProject) project = new_sample_project (3);
  g_autoptr(RshCorrection) merge = NULL;
  g_autoptr(RshCorrection) stance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *again = NULL;
  g_auto(Targets) t1 = { NULL, };
  g_auto(Targets) t2 = { NULL, };

  merge = make_merge_claims (rsh_project_get_comparison (project), &t1);
  rsh_project_apply_correction (project, merge, &error);
  g_assert_no_error (error);
  stance = make_set_stance (rsh_project_get_comparison (project), &t2);
  rsh_project_apply_correction (project, stance, &error);
  g_assert_no_error (error);
  corrected = comparison_json (project);

  rsh_project_analyze (project, NULL, &error);
  g_assert_no_error (error);
  again = comparison_json (project);
  g_assert_cmpstr (again, ==, corrected);
  check_merge_claims (rsh_project_get_comparison (project), &t1);
  check_set_stance (rsh_project_get_comparison (project), &t2);
}

/* After claims A and B are merged, a new source's statement the aligner puts with A
 * lands in the merged claim. */
static void
test_new_source (void)
{
  g_autoptr(RshProject) five = new_sample_project (5);
  g_autoptr(RshProject) project = new_sample_project (4);
  g_autoptr(GPtrArray) paths = rsh_test_sample_story ();
  g_autoptr(GPtrArray) claims = found_claims (rsh_project_get_comparison (five), 2);
  g_autoptr(RshCorrection) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) fifth = NULL;
  g_autoptr(RshSource) added = NULL;
  g_autofree char *newcomer = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *other_mention = NULL;
  RshComparison *four = rsh_project_get_comparison (project);
  RshClaim *merged;
  const char *ids[3] = { NULL, NULL, NULL };

  /* A claim of the five-source analysis holding a statement of s5 and one of before,
   * whose four-source claim is anchored on a statement that stays with them. */
  for (guint c = 0; c < claims->len && newcomer == NULL; c++)
    {
      RshClaim *claim = g_ptr_array_index (claims, c);
      g_autofree char *from_s5 = NULL;
      g_autofree char *before = NULL;

      for (guint m = 0; m < n_mentions (claim); m++)
        {
          g_autofree char *id = mention_id_at (claim, m);

          if (g_str_has_prefix (id, "s5:") && from_s5 == NULL)
            from_s5 = g_steal_pointer (&id);
          else if (!g_str_has_prefix (id, "s5:") && before == NULL &&
                   claim_of_mention (four, id) != NULL)
            before = g_steal_pointer (&id);
        }

      if (from_s5 != NULL && before != NULL)
        {
          newcomer = g_steal_pointer (&from_s5);
          earlier = g_steal_pointer (&before);
        }
    }
  g_assert_nonnull (newcomer);

  /* Merge the earlier statement's claim with another claim. */
  ids[0] = rsh_claim_get_id (claim_of_mention (four, earlier));
  {
    g_autoptr(GPtrArray) four_claims = found_claims (four, 1);

    for (guint i = 0; i < four_claims->len && ids[1] == NULL; i++)
      {
        RshClaim *claim = g_ptr_array_index (four_claims, i);

        if (strcmp (rsh_claim_get_id (claim), ids[0]) != 0)
          {
            ids[1] = rsh_claim_get_id (claim);
            other_mention = mention_id_at (claim, 0);
          }
      }
  }
  merge = rsh_correction_new_merge_claims (four, ids, &error);
  g_assert_no_error (error);
  rsh_project_apply_correction (project, merge, &error);
  g_assert_no_error (error);

  fifth = g_file_new_for_path (g_ptr_array_index (paths, 4));
  added = rsh_project_add_file (project, fifth, NULL, &error);
  g_assert_no_error (error);
  rsh_project_analyze (project, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rsh_correction_get_applies (merge));
  merged = claim_of_mention (rsh_project_get_comparison (project), earlier);
  g_assert_nonnull (merged);
  g_assert_true (claim_holds (merged, other_mention));
  g_assert_true (claim_holds (merged, newcomer));
}

/* A correction whose statement is gone (its source removed) is kept, reported, skipped;
 * the others still apply. */
static void
test_vanished (void)
{
  const char *texts[] = { ferry_one, ferry_two, ferry_three, NULL };
  const char *outlets[] = { "Kestrel Echo", "Coastal Wire", "Harbour Notes", NULL };
  g_autoptr(RshProject) project = new_project (texts, outlets);
  RshComparison *comparison = rsh_project_get_comparison (project);
  GListModel *mentions = rsh_comparison_get_mentions (comparison);
  g_autoptr(RshCorrection) lost = NULL;
  g_autoptr(RshCorrection) kept = NULL;
  g_autoptr(RshSource) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_third = NULL;
  g_autofree char *in_first = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);

      if (g_strcmp0 (rsh_mention_get_source_id (mention), "s3") == 0 && in_third == NULL)
        in_third = rsh_correction_dup_mention_id (mention);
      if (g_strcmp0 (rsh_mention_get_source_id (mention), "s1") == 0 && in_first == NULL)
        in_first = rsh_correction_dup_mention_id (mention);
    }
  g_assert_nonnull (in_third);
  g_assert_nonnull (in_first);

  lost = rsh_correction_new_set_stance (comparison, in_third, RSH_STANCE_DISPUTES, TRUE, &error);
  g_assert_no_error (error);
  rsh_project_apply_correction (project, lost, &error);
  g_assert_no_error (error);
  kept = rsh_correction_new_set_stance (rsh_project_get_comparison (project), in_first,
                                        RSH_STANCE_CONFIRMS, FALSE, &error);
  g_assert_no_error (error);
  rsh_project_apply_correction (project, kept, &error);
  g_assert_no_error (error);
  g_assert_true (rsh_correction_get_applies (lost));

  third = g_list_model_get_item (rsh_project_get_sources (project), 2);
  rsh_project_remove_source (project, third, &error);
  g_assert_no_error (error);
  rsh_project_analyze (project, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (rsh_correction_get_applies (lost));
  g_assert_nonnull (rsh_correction_get_problem (lost));
  g_assert_cmpint (rsh_correction_get_state (lost), ==, RSH_CORRECTION_ACTIVE);
  g_assert_true (rsh_correction_get_applies (kept));
  g_assert_cmpint (rsh_mention_get_stance (rsh_comparison_lookup_mention (
                     rsh_project_get_comparison (project), in_first)), ==, RSH_STANCE_CONFIRMS);
  g_assert_cmpuint (g_list_model_get_n_items (
                      rsh_comparison_get_corrections (rsh_project_get_comparison (project))), ==,
                    2);

  /* The export reports it too. */
  json = comparison_json (project);
  g_assert_nonnull (strstr (json, "\"applies\" : false"));
}

/* Rewrites the span of the "mention" of @correction's payload, as if the extraction or the
 * lexicon had moved the statement's edges, and keeps or spoils its quote hash. */
static RshCorrection *
shift_span (RshCorrection *correction,
            int            start_shift,
            int            end_shift,
            gboolean       keep_hash)
{
  g_autofree char *payload = rsh_correction_dup_payload (correction);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *shifted = NULL;
  JsonObject *mention;
  RshCorrection *copy;

  json_parser_load_from_data (parser, payload, -1, &error);
  g_assert_no_error (error);
  mention = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "mention");
  json_object_set_int_member (mention, "start",
                              json_object_get_int_member (mention, "start") + start_shift);
  json_object_set_int_member (mention, "end",
                              json_object_get_int_member (mention, "end") + end_shift);
  if (!keep_hash)
    json_object_set_string_member (mention, "quote_hash", "0000000000000000");
  shifted = json_to_string (json_parser_get_root (parser), FALSE);

  copy = rsh_correction_new_from_stored (0, "set-stance", shifted, "Test Author",
                                         "2026-03-01T12:00:00Z", RSH_CORRECTION_ACTIVE, &error);
  g_assert_no_error (error);
  return copy;
}

/* A statement whose span moved is found again: by its quote, else by overlap; a span
 * that overlaps nothing enough is no longer found. */
static void
test_moved_span (void)
{
  g_autoptr(RshProject) project = new_sample_project (2);
  g_autoptr(GPtrArray) claims = found_claims (rsh_project_get_comparison (project), 1);
  g_autoptr(RshCorrection) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = mention_id_at (g_ptr_array_index (claims, 0), 0);
  const struct {
    int       start_shift;
    int       end_shift;
    gboolean  keep_hash;
    gboolean  applies;
  } cases[] = {
    { 500, 500, TRUE, TRUE },    /* far away, same quote */
    { 3, -2, FALSE, TRUE },      /* edges moved a little */
    { 100000, 100000, FALSE, FALSE },
  };

  model = rsh_correction_new_set_stance (rsh_project_get_comparison (project), id,
                                         RSH_STANCE_DISPUTES, FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RshCorrection) moved = shift_span (model, cases[i].start_shift,
                                                   cases[i].end_shift, cases[i].keep_hash);
      RshMention *mention;

      rsh_project_apply_correction (project, moved, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rsh_correction_get_applies (moved), ==, cases[i].applies);
      mention = rsh_comparison_lookup_mention (rsh_project_get_comparison (project), id);
      g_assert_cmpint (rsh_mention_get_stance (mention) == RSH_STANCE_DISPUTES, ==,
                       cases[i].applies);

      rsh_project_undo (project, &error);
      g_assert_no_error (error);
    }
}

/* A correction needs an analysis to correct. */
static void
test_not_analysed (void)
{
  g_autoptr(RshProject) analysed = new_sample_project (2);
  g_autoptr(RshProject) fresh = rsh_project_new ();
  g_autoptr(RshCorrection) correction = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Targets) t = { NULL, };

  correction = make_set_wording (rsh_project_get_comparison (analysed), &t);
  g_assert_false (rsh_project_apply_correction (fresh, correction, &error));
  g_assert_error (error, RSH_ERROR, RSH_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (rsh_project_get_corrections (fresh)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    g_test_add_data_func (kind_cases[i].path, &kind_cases[i], test_kind);
  g_test_add_func ("/core/corrections/unhide", test_unhide);
  g_test_add_func ("/core/corrections/unknown-ids", test_unknown_ids);
  g_test_add_func ("/core/corrections/redo-stack", test_redo_stack);
  g_test_add_func ("/core/corrections/reanalysis", test_reanalysis);
  g_test_add_func ("/core/corrections/new-source", test_new_source);
  g_test_add_func ("/core/corrections/vanished", test_vanished);
  g_test_add_func ("/core/corrections/moved-span", test_moved_span);
  g_test_add_func ("/core/corrections/not-analysed", test_not_analysed);

  return g_test_run ();
}
