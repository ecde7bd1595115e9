/* rsh-correction.c: a user's correction of the comparison, and its replay
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rsh-correction-private.h"

/* A stored statement whose exact span is gone is taken to be the one of its source that
 * shares at least this much of the union of both spans (the extraction or the lexicon
 * moved its edges). */
#define MIN_SPAN_OVERLAP 0.6
/* Longest quote in a correction's summary, in code points. */
#define SUMMARY_QUOTE_CHARS 48
/* Hex digits kept of the hash of a statement's normalised quote. */
#define QUOTE_HASH_CHARS 16

/**
 * RshCorrection:
 *
 * One decision of the user about the comparison: merge claims, move a statement, change a
 * stance or a speaker, rename an actor, … A correction names what it changes by stable
 * keys, never by the ids of one analysis, so it can be replayed onto every later analysis
 * (new sources, a changed lexicon); a correction whose targets are gone is kept and
 * reported as no longer applying. See README.md, "Corrections".
 */
struct _RshCorrection
{
  GObject             parent_instance;

  /* owned */
  JsonObject         *payload;
  char               *author;
  char               *created_at;
  /* borrowed: a translated message, static, so an export reading it on a worker thread
   * never sees it freed by a replay */
  const char         *problem;

  gint64              id;
  RshCorrectionKind   kind;
  RshCorrectionState  state;
  guint               applies : 1;
};

G_DEFINE_FINAL_TYPE (RshCorrection, rsh_correction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LABEL,
  PROP_SUMMARY,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_STATE,
  PROP_APPLIES,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *name;
  const char *label;
} kinds[] = {
  [RSH_CORRECTION_MERGE_CLAIMS] = { "merge-claims", N_("Merge Claims") },
  [RSH_CORRECTION_SPLIT_CLAIM]  = { "split-claim", N_("Split Claim") },
  [RSH_CORRECTION_MOVE_MENTION] = { "move-mention", N_("Move Statement") },
  [RSH_CORRECTION_SET_STANCE]   = { "set-stance", N_("Change Stance") },
  [RSH_CORRECTION_SET_SPEAKER]  = { "set-speaker", N_("Change Speaker") },
  [RSH_CORRECTION_SET_WORDING]  = { "set-wording", N_("Edit Wording") },
  [RSH_CORRECTION_HIDE_CLAIM]   = { "hide-claim", N_("Hide Claim") },
  [RSH_CORRECTION_UNHIDE_CLAIM] = { "unhide-claim", N_("Show Claim") },
  [RSH_CORRECTION_RENAME_ACTOR] = { "rename-actor", N_("Rename Actor") },
  [RSH_CORRECTION_MERGE_ACTORS] = { "merge-actors", N_("Merge Actors") },
  [RSH_CORRECTION_SPLIT_ACTOR]  = { "split-actor", N_("Split Actor") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == RSH_CORRECTION_SPLIT_ACTOR + 1);

/* The corrections' work on one automatic comparison. */
typedef struct
{
  GPtrArray *claims;      /* RshWorkClaim, in the comparison's order */
  GPtrArray *actors;      /* RshWorkActor */
  guint      next_claim;  /* number of the next claim a split makes */
  guint      next_actor;  /* number of the next actor a correction makes */
} Replay;

static char *
dup_clipped (const char *text)
{
  g_autofree char *cut = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= SUMMARY_QUOTE_CHARS)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, SUMMARY_QUOTE_CHARS - 1);
  return g_strconcat (g_strchomp (cut), "…", NULL);
}

/* Folds case and keeps only letters and digits, one space between words: the quote as
 * a re-extraction that changed spacing or punctuation would still give it. */
static char *
dup_quote_hash (const char *quote)
{
  g_autoptr(GString) norm = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (quote != NULL ? quote : "", -1);
  g_autofree char *hash = NULL;
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && norm->len > 0)
            g_string_append_c (norm, ' ');
          g_string_append_unichar (norm, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, norm->str, norm->len);
  return g_strndup (hash, QUOTE_HASH_CHARS);
}

static gboolean
names_equal (const char *a,
             const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

static char *
dup_default_author (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0)
    return g_strdup (real);

  return g_strdup (g_get_user_name ());
}

static char *
dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* References: what a correction stores of the things it changes. */

static JsonObject *
mention_ref (RshMention *mention)
{
  JsonObject *ref = json_object_new ();
  g_autofree char *hash = dup_quote_hash (rsh_mention_get_quote (mention));

  json_object_set_string_member (ref, "source", rsh_mention_get_source_id (mention));
  json_object_set_int_member (ref, "start", rsh_mention_get_start (mention));
  json_object_set_int_member (ref, "end", rsh_mention_get_end (mention));
  json_object_set_string_member (ref, "quote_hash", hash);

  return ref;
}

/* The claim's anchor is its representative statement (the one its wording comes from),
 * else its first; the keys are all its statements, a fallback when the anchor is gone. */
static JsonObject *
claim_ref (RshComparison *comparison,
           RshClaim      *claim)
{
  JsonObject *ref = json_object_new ();
  GListModel *mentions = rsh_claim_get_mentions (claim);
  guint n = g_list_model_get_n_items (mentions);
  g_autoptr(RshMention) anchor = NULL;
  JsonArray *keys = json_array_new ();

  json_object_set_string_member (ref, "text", rsh_claim_get_text (claim));
  if (rsh_claim_get_user_defined (claim))
    {
      /* A tracked claim keeps its id through corrections; its own text is the base's. */
      RshClaim *base = rsh_comparison_lookup_claim (rsh_comparison_get_base (comparison),
                                                    rsh_claim_get_id (claim), NULL);

      json_object_set_string_member (ref, "tracked", rsh_claim_get_text (base ? base : claim));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *key = rsh_correction_dup_mention_id (mention);

      json_array_add_string_element (keys, key);
      if (anchor == NULL && g_strcmp0 (rsh_mention_get_quote (mention),
                                       rsh_claim_get_text (claim)) == 0)
        anchor = g_object_ref (mention);
    }
  if (anchor == NULL && n > 0)
    anchor = g_list_model_get_item (mentions, 0);

  if (anchor != NULL)
    json_object_set_object_member (ref, "anchor", mention_ref (anchor));
  json_object_set_array_member (ref, "keys", keys);

  return ref;
}

/* A mention @actor speaks, in the shown claims or else in the hidden ones. */
static RshMention *
find_spoken (RshComparison *comparison,
             RshActor      *actor)
{
  GListModel *lists[] = { rsh_comparison_get_mentions (comparison), NULL };
  g_autoptr(GListStore) hidden = g_list_store_new (RSH_TYPE_MENTION);
  GListModel *hidden_claims = rsh_comparison_get_hidden_claims (comparison);

  for (guint c = 0; c < g_list_model_get_n_items (hidden_claims); c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (hidden_claims, c);
      GListModel *mentions = rsh_claim_get_mentions (claim);

      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          g_list_store_append (hidden, mention);
        }
    }
  lists[1] = G_LIST_MODEL (hidden);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(RshMention) mention = g_list_model_get_item (lists[l], i);

        if (g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) == 0)
          return mention;
      }

  return NULL;
}

/* An actor is named, and anchored on a statement it speaks: the statement finds it again
 * after a re-analysis numbered the actors otherwise, the name when the statement is gone. */
static JsonObject *
actor_ref (RshComparison *comparison,
           RshActor      *actor)
{
  JsonObject *ref = json_object_new ();
  RshMention *spoken = find_spoken (comparison, actor);

  json_object_set_string_member (ref, "name", rsh_actor_get_name (actor));
  if (spoken != NULL)
    json_object_set_object_member (ref, "anchor", mention_ref (spoken));

  return ref;
}

/* Looking up the ids the user gives, in the comparison the user sees. */

static RshClaim *
require_claim (RshComparison  *comparison,
               const char     *claim_id,
               gboolean       *hidden,
               GError        **error)
{
  RshClaim *claim = rsh_comparison_lookup_claim (comparison, claim_id, hidden);

  if (claim == NULL)
    g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                 _("There is no claim “%s” in this comparison; claim ids look like c3"),
                 claim_id ? claim_id : "");

  return claim;
}

static RshMention *
require_mention (RshComparison  *comparison,
                 const char     *mention_id,
                 GError        **error)
{
  RshMention *mention = rsh_comparison_lookup_mention (comparison, mention_id);

  if (mention == NULL)
    g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                 _("There is no statement “%s” in this comparison; statement ids look like "
                   "s2:120-188 (source, start, end)"), mention_id ? mention_id : "");

  return mention;
}

static RshActor *
require_actor (RshComparison  *comparison,
               const char     *actor_id,
               GError        **error)
{
  RshActor *actor = rsh_comparison_lookup_actor (comparison, actor_id);

  if (actor == NULL)
    g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                 _("There is no actor “%s” in this comparison; actor ids look like a4"),
                 actor_id ? actor_id : "");

  return actor;
}

static gboolean
claim_holds (RshClaim   *claim,
             const char *mention_id)
{
  GListModel *mentions = rsh_claim_get_mentions (claim);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(RshMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *key = rsh_correction_dup_mention_id (mention);

      if (strcmp (key, mention_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    stripped = g_strstrip (g_strdup (text));

  if (stripped == NULL || *stripped == '\0')
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("%s needs some text"), what);
      return FALSE;
    }

  return TRUE;
}

static RshCorrection *
correction_new (RshCorrectionKind  kind,
                JsonObject        *payload,
                char              *summary)
{
  RshCorrection *self = g_object_new (RSH_TYPE_CORRECTION, NULL);

  self->kind = kind;
  self->payload = payload;
  json_object_set_string_member (payload, "summary", summary);
  g_free (summary);
  self->author = dup_default_author ();
  self->created_at = dup_now ();

  return self;
}

/* Replay: the corrections' work on a fresh automatic comparison. */

static void
work_claim_free (gpointer data)
{
  RshWorkClaim *work = data;

  g_clear_object (&work->base);
  g_free (work->id);
  g_free (work->text);
  g_free (work->tracked);
  g_clear_pointer (&work->mentions, g_ptr_array_unref);
  g_clear_pointer (&work->dirty, g_hash_table_unref);
  g_free (work);
}

static void
work_actor_free (gpointer data)
{
  RshWorkActor *work = data;

  g_free (work->id);
  g_free (work->name);
  g_clear_pointer (&work->aliases, g_ptr_array_unref);
  g_free (work);
}

static RshWorkClaim *
work_claim_new (const char *id,
                const char *text)
{
  RshWorkClaim *work = g_new0 (RshWorkClaim, 1);

  work->id = g_strdup (id);
  work->text = g_strdup (text);
  work->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  work->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return work;
}

static RshWorkActor *
work_actor_new (const char   *id,
                const char   *name,
                RshActorKind  kind)
{
  RshWorkActor *work = g_new0 (RshWorkActor, 1);

  work->id = g_strdup (id);
  work->name = g_strdup (name);
  work->kind = kind;
  work->aliases = g_ptr_array_new_with_free_func (g_free);

  return work;
}

static guint
id_number (const char *id)
{
  guint64 number = 0;

  if (id == NULL || id[0] == '\0' ||
      !g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT, &number, NULL))
    return 0;

  return (guint) number;
}

static void
replay_init (Replay        *replay,
             RshComparison *automatic)
{
  GListModel *claims = rsh_comparison_get_claims (automatic);
  GListModel *actors = rsh_comparison_get_actors (automatic);

  replay->claims = g_ptr_array_new_with_free_func (work_claim_free);
  replay->actors = g_ptr_array_new_with_free_func (work_actor_free);
  replay->next_claim = 1;
  replay->next_actor = 1;

  for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, c);
      GListModel *mentions = rsh_claim_get_mentions (claim);
      RshWorkClaim *work = work_claim_new (rsh_claim_get_id (claim), rsh_claim_get_text (claim));

      work->base = g_object_ref (claim);
      work->user_defined = rsh_claim_get_user_defined (claim);
      if (work->user_defined)
        work->tracked = g_strdup (rsh_claim_get_text (claim));
      for (guint m = 0; m < g_list_model_get_n_items (mentions); m++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, m);

          g_ptr_array_add (work->mentions, rsh_mention_copy (mention));
        }
      g_ptr_array_add (replay->claims, work);
      replay->next_claim = MAX (replay->next_claim, id_number (work->id) + 1);
    }

  for (guint a = 0; a < g_list_model_get_n_items (actors); a++)
    {
      g_autoptr(RshActor) actor = g_list_model_get_item (actors, a);
      const char * const *aliases = rsh_actor_get_aliases (actor);
      RshWorkActor *work = work_actor_new (rsh_actor_get_id (actor), rsh_actor_get_name (actor),
                                           rsh_actor_get_kind (actor));

      for (guint k = 0; aliases != NULL && aliases[k] != NULL; k++)
        g_ptr_array_add (work->aliases, g_strdup (aliases[k]));
      g_ptr_array_add (replay->actors, work);
      replay->next_actor = MAX (replay->next_actor, id_number (work->id) + 1);
    }
}

static void
replay_clear (Replay *replay)
{
  g_clear_pointer (&replay->claims, g_ptr_array_unref);
  g_clear_pointer (&replay->actors, g_ptr_array_unref);
}

static gboolean
mention_has_key (RshMention *mention,
                 const char *key)
{
  g_autofree char *own = rsh_correction_dup_mention_id (mention);

  return strcmp (own, key) == 0;
}

/* Finds the statement a reference names: the same span, else the same quote in the same
 * source, else the span of that source overlapping it most. Returns its key or NULL. */
static char *
resolve_mention (Replay     *replay,
                 JsonObject *ref)
{
  const char *source;
  const char *hash;
  guint start;
  guint end;
  RshMention *by_hash = NULL;
  RshMention *by_overlap = NULL;
  double best_overlap = MIN_SPAN_OVERLAP;

  if (ref == NULL || !json_object_has_member (ref, "source"))
    return NULL;

  source = json_object_get_string_member_with_default (ref, "source", NULL);
  hash = json_object_get_string_member_with_default (ref, "quote_hash", NULL);
  start = (guint) json_object_get_int_member_with_default (ref, "start", 0);
  end = (guint) json_object_get_int_member_with_default (ref, "end", 0);

  for (guint c = 0; c < replay->claims->len; c++)
    {
      RshWorkClaim *work = g_ptr_array_index (replay->claims, c);

      if (work->removed)
        continue;

      for (guint m = 0; m < work->mentions->len; m++)
        {
          RshMention *mention = g_ptr_array_index (work->mentions, m);
          guint ms = rsh_mention_get_start (mention);
          guint me = rsh_mention_get_end (mention);

          if (g_strcmp0 (rsh_mention_get_source_id (mention), source) != 0)
            continue;

          if (ms == start && me == end)
            return rsh_correction_dup_mention_id (mention);

          if (by_hash == NULL && hash != NULL)
            {
              g_autofree char *own = dup_quote_hash (rsh_mention_get_quote (mention));

              if (strcmp (own, hash) == 0)
                by_hash = mention;
            }

          if (MIN (me, end) > MAX (ms, start))
            {
              double overlap = (double) (MIN (me, end) - MAX (ms, start)) /
                               (double) (MAX (me, end) - MIN (ms, start));

              if (overlap >= best_overlap)
                {
                  best_overlap = overlap;
                  by_overlap = mention;
                }
            }
        }
    }

  if (by_hash != NULL)
    return rsh_correction_dup_mention_id (by_hash);
  if (by_overlap != NULL)
    return rsh_correction_dup_mention_id (by_overlap);

  return NULL;
}

static gboolean
work_claim_find (RshWorkClaim *work,
                 const char   *key,
                 guint        *index)
{
  for (guint m = 0; m < work->mentions->len; m++)
    if (mention_has_key (g_ptr_array_index (work->mentions, m), key))
      {
        if (index != NULL)
          *index = m;
        return TRUE;
      }

  return FALSE;
}

/* The claim a statement belongs to: the found claim holding it, else a tracked one. */
static RshWorkClaim *
home_of (Replay     *replay,
         const char *key,
         guint      *index)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < replay->claims->len; c++)
      {
        RshWorkClaim *work = g_ptr_array_index (replay->claims, c);

        if (work->removed || (pass == 0 && work->user_defined))
          continue;
        if (work_claim_find (work, key, index))
          return work;
      }

  return NULL;
}

static RshWorkClaim *
resolve_claim (Replay     *replay,
               JsonObject *ref)
{
  const char *tracked;
  JsonArray *keys;
  RshWorkClaim *best = NULL;
  guint best_count = 0;

  if (ref == NULL)
    return NULL;

  tracked = json_object_get_string_member_with_default (ref, "tracked", NULL);
  if (tracked != NULL)
    {
      for (guint c = 0; c < replay->claims->len; c++)
        {
          RshWorkClaim *work = g_ptr_array_index (replay->claims, c);

          if (!work->removed && g_strcmp0 (work->tracked, tracked) == 0)
            return work;
        }
      return NULL;
    }

  if (json_object_has_member (ref, "anchor"))
    {
      g_autofree char *key = resolve_mention (replay,
                                              json_object_get_object_member (ref, "anchor"));
      RshWorkClaim *home = key != NULL ? home_of (replay, key, NULL) : NULL;

      if (home != NULL && !home->user_defined)
        return home;
    }

  /* The anchor is gone: the found claim holding most of the claim's other statements. */
  keys = json_object_has_member (ref, "keys") ? json_object_get_array_member (ref, "keys")
                                               : NULL;
  for (guint c = 0; keys != NULL && c < replay->claims->len; c++)
    {
      RshWorkClaim *work = g_ptr_array_index (replay->claims, c);
      guint count = 0;

      if (work->removed || work->user_defined)
        continue;
      for (guint k = 0; k < json_array_get_length (keys); k++)
        if (work_claim_find (work, json_array_get_string_element (keys, k), NULL))
          count++;
      if (count > best_count)
        {
          best_count = count;
          best = work;
        }
    }

  return best;
}

static RshWorkActor *
find_work_actor (Replay     *replay,
                 const char *actor_id)
{
  for (guint a = 0; actor_id != NULL && a < replay->actors->len; a++)
    {
      RshWorkActor *work = g_ptr_array_index (replay->actors, a);

      if (!work->removed && strcmp (work->id, actor_id) == 0)
        return work;
    }

  return NULL;
}

static RshWorkActor *
find_actor_by_name (Replay     *replay,
                    const char *name)
{
  for (guint a = 0; name != NULL && a < replay->actors->len; a++)
    {
      RshWorkActor *work = g_ptr_array_index (replay->actors, a);

      if (work->removed)
        continue;
      if (names_equal (work->name, name))
        return work;
      for (guint k = 0; k < work->aliases->len; k++)
        if (names_equal (g_ptr_array_index (work->aliases, k), name))
          return work;
    }

  return NULL;
}

static RshWorkActor *
resolve_actor (Replay     *replay,
               JsonObject *ref)
{
  if (ref == NULL)
    return NULL;

  if (json_object_has_member (ref, "anchor"))
    {
      g_autofree char *key = resolve_mention (replay,
                                              json_object_get_object_member (ref, "anchor"));
      guint index = 0;
      RshWorkClaim *home = key != NULL ? home_of (replay, key, &index) : NULL;

      if (home != NULL)
        {
          RshMention *mention = g_ptr_array_index (home->mentions, index);
          RshWorkActor *actor = find_work_actor (replay, rsh_mention_get_actor_id (mention));

          if (actor != NULL)
            return actor;
        }
    }

  return find_actor_by_name (replay,
                             json_object_get_string_member_with_default (ref, "name", NULL));
}

static void
touch (RshWorkClaim *work,
       RshMention   *mention)
{
  work->corrected = TRUE;
  g_hash_table_add (work->dirty, g_strdup (rsh_mention_get_source_id (mention)));
}

/* Calls @func on every copy of the statement @key, in every claim. */
static guint
foreach_copy (Replay     *replay,
              const char *key,
              void      (*func) (RshWorkClaim *, RshMention *, gpointer),
              gpointer    data)
{
  guint n = 0;

  for (guint c = 0; c < replay->claims->len; c++)
    {
      RshWorkClaim *work = g_ptr_array_index (replay->claims, c);

      if (work->removed)
        continue;
      for (guint m = 0; m < work->mentions->len; m++)
        {
          RshMention *mention = g_ptr_array_index (work->mentions, m);

          if (mention_has_key (mention, key))
            {
              func (work, mention, data);
              n++;
            }
        }
    }

  return n;
}

static void
move_mention (RshWorkClaim *from,
              guint         index,
              RshWorkClaim *to)
{
  RshMention *mention = g_ptr_array_steal_index (from->mentions, index);
  g_autofree char *key = rsh_correction_dup_mention_id (mention);

  touch (from, mention);
  touch (to, mention);
  if (work_claim_find (to, key, NULL))
    g_object_unref (mention);
  else
    g_ptr_array_add (to->mentions, mention);

  /* A found claim is its statements; a tracked one stays, with every source absent. */
  if (from->mentions->len == 0 && !from->user_defined)
    from->removed = TRUE;
}

static void
move_all (RshWorkClaim *from,
          RshWorkClaim *to)
{
  while (from->mentions->len > 0 && !from->removed)
    move_mention (from, 0, to);
}

static guint
index_of_claim (Replay       *replay,
                RshWorkClaim *work)
{
  guint index = replay->claims->len;

  g_ptr_array_find (replay->claims, work, &index);
  return index;
}

static const char *
apply_merge_claims (Replay     *replay,
                    JsonObject *payload)
{
  JsonArray *refs = json_object_get_array_member (payload, "claims");
  RshWorkClaim *target = resolve_claim (replay, json_array_get_object_element (refs, 0));
  guint merged = 0;

  if (target == NULL)
    return N_("The claim the others were merged into is no longer found");

  for (guint i = 1; i < json_array_get_length (refs); i++)
    {
      RshWorkClaim *other = resolve_claim (replay, json_array_get_object_element (refs, i));

      if (other == NULL || other == target)
        continue;

      move_all (other, target);
      /* A tracked claim merged away goes too: the user said it is the same claim. */
      other->removed = TRUE;
      merged++;
    }

  if (merged == 0)
    return N_("The claims merged are no longer found apart");

  target->corrected = TRUE;
  return NULL;
}

static const char *
apply_split_claim (Replay     *replay,
                   JsonObject *payload)
{
  RshWorkClaim *work = resolve_claim (replay, json_object_get_object_member (payload, "claim"));
  JsonArray *refs = json_object_get_array_member (payload, "mentions");
  const char *wording = json_object_get_string_member_with_default (payload, "wording", NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  RshWorkClaim *split;

  if (work == NULL)
    return N_("The claim that was split is no longer found");

  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      char *key = resolve_mention (replay, json_array_get_object_element (refs, i));

      if (key != NULL && work_claim_find (work, key, NULL))
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }

  if (keys->len == 0)
    return N_("The statements split off are no longer in that claim");

  id = g_strdup_printf ("c%u", replay->next_claim++);
  split = work_claim_new (id, NULL);
  split->corrected = TRUE;
  g_ptr_array_insert (replay->claims, index_of_claim (replay, work) + 1, split);

  for (guint i = 0; i < keys->len; i++)
    {
      guint index = 0;

      if (work_claim_find (work, g_ptr_array_index (keys, i), &index))
        {
          if (split->text == NULL)
            split->text = g_strdup (wording != NULL
                                    ? wording
                                    : rsh_mention_get_quote (g_ptr_array_index (work->mentions,
                                                                                index)));
          move_mention (work, index, split);
        }
    }

  return NULL;
}

static const char *
apply_move_mention (Replay     *replay,
                    JsonObject *payload)
{
  g_autofree char *key = resolve_mention (replay,
                                          json_object_get_object_member (payload, "mention"));
  RshWorkClaim *target = resolve_claim (replay, json_object_get_object_member (payload, "claim"));
  RshWorkClaim *home;
  guint index = 0;

  if (key == NULL)
    return N_("The statement that was moved is no longer found");
  if (target == NULL)
    return N_("The claim the statement was moved to is no longer found");

  home = home_of (replay, key, &index);
  if (home != NULL && home != target)
    move_mention (home, index, target);

  return NULL;
}

typedef struct
{
  RshStance stance;
  int       hedged;
} StanceChange;

static void
set_stance_cb (RshWorkClaim *work,
               RshMention   *mention,
               gpointer      data)
{
  StanceChange *change = data;

  rsh_mention_set_stance (mention, change->stance);
  if (change->hedged >= 0)
    rsh_mention_set_hedged (mention, change->hedged);
  touch (work, mention);
}

static const char *
apply_set_stance (Replay     *replay,
                  JsonObject *payload)
{
  g_autofree char *key = resolve_mention (replay,
                                          json_object_get_object_member (payload, "mention"));
  StanceChange change = { RSH_STANCE_REPORTS, RSH_CORRECTION_KEEP_HEDGED };

  if (!rsh_stance_from_string (json_object_get_string_member_with_default (payload, "stance",
                                                                           ""),
                               &change.stance) ||
      change.stance == RSH_STANCE_ABSENT)
    return N_("The stance given is not one Rashomon knows");
  if (json_object_has_member (payload, "hedged"))
    change.hedged = json_object_get_boolean_member (payload, "hedged");

  if (key == NULL || foreach_copy (replay, key, set_stance_cb, &change) == 0)
    return N_("The statement whose stance was changed is no longer found");

  return NULL;
}

static void
set_speaker_cb (RshWorkClaim *work,
                RshMention   *mention,
                gpointer      data)
{
  RshWorkActor *actor = data;

  rsh_mention_set_actor_id (mention, actor != NULL ? actor->id : NULL);
  rsh_mention_set_speaker (mention, actor != NULL ? actor->name : NULL);
  touch (work, mention);
}

static RshWorkActor *
new_actor (Replay       *replay,
           const char   *name,
           RshActorKind  kind)
{
  g_autofree char *id = g_strdup_printf ("a%u", replay->next_actor++);
  RshWorkActor *actor = work_actor_new (id, name, kind);

  actor->corrected = TRUE;
  g_ptr_array_add (replay->actors, actor);

  return actor;
}

static const char *
apply_set_speaker (Replay     *replay,
                   JsonObject *payload)
{
  g_autofree char *key = resolve_mention (replay,
                                          json_object_get_object_member (payload, "mention"));
  const char *name = json_object_get_string_member_with_default (payload, "name", NULL);
  RshWorkActor *actor = NULL;

  if (key == NULL || home_of (replay, key, NULL) == NULL)
    return N_("The statement whose speaker was changed is no longer found");

  /* No name: the outlet's own voice. */
  if (json_object_has_member (payload, "actor"))
    actor = resolve_actor (replay, json_object_get_object_member (payload, "actor"));
  if (actor == NULL && name != NULL)
    actor = find_actor_by_name (replay, name);
  if (actor == NULL && name != NULL)
    actor = new_actor (replay, name, RSH_ACTOR_KIND_UNKNOWN);

  foreach_copy (replay, key, set_speaker_cb, actor);
  return NULL;
}

static const char *
apply_set_wording (Replay     *replay,
                   JsonObject *payload)
{
  RshWorkClaim *work = resolve_claim (replay, json_object_get_object_member (payload, "claim"));

  if (work == NULL)
    return N_("The claim whose wording was edited is no longer found");

  g_free (work->text);
  work->text = g_strdup (json_object_get_string_member_with_default (payload, "wording", ""));
  work->corrected = TRUE;
  return NULL;
}

static const char *
apply_hide_claim (Replay     *replay,
                  JsonObject *payload,
                  gboolean    hide)
{
  RshWorkClaim *work = resolve_claim (replay, json_object_get_object_member (payload, "claim"));

  if (work == NULL)
    return hide ? N_("The claim that was hidden is no longer found")
                : N_("The claim that was shown again is no longer found");

  work->hidden = !!hide;
  return NULL;
}

static void
add_alias (RshWorkActor *actor,
           const char   *alias)
{
  if (alias == NULL || names_equal (alias, actor->name))
    return;
  for (guint k = 0; k < actor->aliases->len; k++)
    if (names_equal (g_ptr_array_index (actor->aliases, k), alias))
      return;

  g_ptr_array_add (actor->aliases, g_strdup (alias));
}

static const char *
apply_rename_actor (Replay     *replay,
                    JsonObject *payload)
{
  RshWorkActor *actor = resolve_actor (replay, json_object_get_object_member (payload, "actor"));
  g_autofree char *old = NULL;

  if (actor == NULL)
    return N_("The actor that was renamed is no longer found");

  old = g_steal_pointer (&actor->name);
  actor->name = g_strdup (json_object_get_string_member_with_default (payload, "name", old));
  add_alias (actor, old);
  actor->corrected = TRUE;
  return NULL;
}

static void
reassign_actor (Replay     *replay,
                const char *from,
                const char *to)
{
  for (guint c = 0; c < replay->claims->len; c++)
    {
      RshWorkClaim *work = g_ptr_array_index (replay->claims, c);

      for (guint m = 0; m < work->mentions->len; m++)
        {
          RshMention *mention = g_ptr_array_index (work->mentions, m);

          if (g_strcmp0 (rsh_mention_get_actor_id (mention), from) == 0)
            rsh_mention_set_actor_id (mention, to);
          if (g_strcmp0 (rsh_mention_get_quoted_actor_id (mention), from) == 0)
            rsh_mention_set_quoted_actor_id (mention, to);
          if (g_strcmp0 (rsh_mention_get_via_actor_id (mention), from) == 0)
            rsh_mention_set_via_actor_id (mention, to);
        }
    }
}

static const char *
apply_merge_actors (Replay     *replay,
                    JsonObject *payload)
{
  JsonArray *refs = json_object_get_array_member (payload, "actors");
  RshWorkActor *target = resolve_actor (replay, json_array_get_object_element (refs, 0));
  guint merged = 0;

  if (target == NULL)
    return N_("The actor the others were merged into is no longer found");

  for (guint i = 1; i < json_array_get_length (refs); i++)
    {
      RshWorkActor *other = resolve_actor (replay, json_array_get_object_element (refs, i));

      if (other == NULL || other == target)
        continue;

      reassign_actor (replay, other->id, target->id);
      add_alias (target, other->name);
      for (guint k = 0; k < other->aliases->len; k++)
        add_alias (target, g_ptr_array_index (other->aliases, k));
      other->removed = TRUE;
      merged++;
    }

  if (merged == 0)
    return N_("The actors merged are no longer found apart");

  target->corrected = TRUE;
  return NULL;
}

typedef struct
{
  RshWorkActor *from;
  RshWorkActor *to;
} ActorChange;

static void
split_actor_cb (RshWorkClaim *work,
                RshMention   *mention,
                gpointer      data)
{
  ActorChange *change = data;

  if (g_strcmp0 (rsh_mention_get_actor_id (mention), change->from->id) == 0)
    rsh_mention_set_actor_id (mention, change->to->id);
}

static const char *
apply_split_actor (Replay     *replay,
                   JsonObject *payload)
{
  RshWorkActor *actor = resolve_actor (replay, json_object_get_object_member (payload, "actor"));
  JsonArray *refs = json_object_get_array_member (payload, "mentions");
  const char *name = json_object_get_string_member_with_default (payload, "name", NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fallback = NULL;
  ActorChange change = { actor, NULL };

  if (actor == NULL)
    return N_("The actor that was split is no longer found");

  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      char *key = resolve_mention (replay, json_array_get_object_element (refs, i));
      guint index = 0;
      RshWorkClaim *home = key != NULL ? home_of (replay, key, &index) : NULL;

      if (home != NULL &&
          g_strcmp0 (rsh_mention_get_actor_id (g_ptr_array_index (home->mentions, index)),
                     actor->id) == 0)
        {
          /* Without a name given, the new actor is called as the text calls it there. */
          if (name == NULL && fallback == NULL)
            {
              const char *written =
                rsh_mention_get_speaker (g_ptr_array_index (home->mentions, index));

              if (written != NULL && !names_equal (written, actor->name))
                fallback = g_strdup (written);
            }
          g_ptr_array_add (keys, key);
        }
      else
        g_free (key);
    }

  if (keys->len == 0)
    return N_("The statements split off are no longer this actor's");

  if (name == NULL && fallback == NULL)
    fallback = g_strdup_printf ("%s (2)", actor->name);
  change.to = new_actor (replay, name != NULL ? name : fallback, actor->kind);
  actor->corrected = TRUE;

  for (guint i = 0; i < keys->len; i++)
    foreach_copy (replay, g_ptr_array_index (keys, i), split_actor_cb, &change);

  return NULL;
}

static void
set_result (RshCorrection *self,
            const char    *problem)
{
  gboolean applies = problem == NULL;
  const char *translated = problem != NULL ? _(problem) : NULL;

  if (self->applies != applies)
    {
      self->applies = applies;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIES]);
    }
  if (self->problem != translated)
    {
      self->problem = translated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
}

static const char *
apply_one (Replay        *replay,
           RshCorrection *correction)
{
  JsonObject *payload = correction->payload;

  switch (correction->kind)
    {
    case RSH_CORRECTION_MERGE_CLAIMS:
      return apply_merge_claims (replay, payload);
    case RSH_CORRECTION_SPLIT_CLAIM:
      return apply_split_claim (replay, payload);
    case RSH_CORRECTION_MOVE_MENTION:
      return apply_move_mention (replay, payload);
    case RSH_CORRECTION_SET_STANCE:
      return apply_set_stance (replay, payload);
    case RSH_CORRECTION_SET_SPEAKER:
      return apply_set_speaker (replay, payload);
    case RSH_CORRECTION_SET_WORDING:
      return apply_set_wording (replay, payload);
    case RSH_CORRECTION_HIDE_CLAIM:
      return apply_hide_claim (replay, payload, TRUE);
    case RSH_CORRECTION_UNHIDE_CLAIM:
      return apply_hide_claim (replay, payload, FALSE);
    case RSH_CORRECTION_RENAME_ACTOR:
      return apply_rename_actor (replay, payload);
    case RSH_CORRECTION_MERGE_ACTORS:
      return apply_merge_actors (replay, payload);
    case RSH_CORRECTION_SPLIT_ACTOR:
      return apply_split_actor (replay, payload);
    default:
      return N_("This kind of correction is not known to this version of Rashomon");
    }
}

/*
 * rsh_correction_replay:
 * @automatic: an automatic comparison (a corrected one is replayed from its base)
 * @corrections: (element-type RshCorrection): the active corrections, oldest first
 *
 * Applies @corrections in order onto a copy of @automatic's claims and actors. Each
 * correction's #RshCorrection:applies tells whether it found what it changes; one that
 * did not is skipped, the others still apply. Call on the thread that owns @corrections.
 *
 * Returns: (transfer full): the corrected comparison (@automatic itself when there is
 *   nothing to replay)
 */
RshComparison *
rsh_correction_replay (RshComparison *automatic,
                       GPtrArray     *corrections)
{
  Replay replay = { NULL, };
  RshComparison *result;

  g_return_val_if_fail (RSH_IS_COMPARISON (automatic), NULL);
  g_return_val_if_fail (corrections != NULL, NULL);

  automatic = rsh_comparison_get_base (automatic);
  if (corrections->len == 0)
    return g_object_ref (automatic);

  replay_init (&replay, automatic);
  for (guint i = 0; i < corrections->len; i++)
    {
      RshCorrection *correction = g_ptr_array_index (corrections, i);

      set_result (correction, apply_one (&replay, correction));
    }

  result = rsh_comparison_new_corrected (automatic, replay.claims, replay.actors, corrections);
  replay_clear (&replay);

  return result;
}

/* The object. */

static void
rsh_correction_finalize (GObject *object)
{
  RshCorrection *self = (RshCorrection *) object;

  g_clear_pointer (&self->payload, json_object_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (rsh_correction_parent_class)->finalize (object);
}

static void
rsh_correction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RshCorrection *self = RSH_CORRECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LABEL:
      g_value_set_string (value, rsh_correction_get_label (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, rsh_correction_get_summary (self));
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_APPLIES:
      g_value_set_boolean (value, self->applies);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_correction_class_init (RshCorrectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_correction_finalize;
  object_class->get_property = rsh_correction_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RSH_TYPE_CORRECTION_KIND, RSH_CORRECTION_MERGE_CLAIMS,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RshCorrection:label:
   *
   * The kind of correction for a menu, translated: “Merge Claims”.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RshCorrection:summary:
   *
   * What the correction did, in words, with the quotes it concerned at the time.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshCorrection:created-at:
   *
   * When the correction was made: ISO 8601 in UTC.
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RSH_TYPE_CORRECTION_STATE, RSH_CORRECTION_ACTIVE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RshCorrection:applies:
   *
   * Whether the last replay found what the correction changes; %FALSE means it no longer
   * applies (see #RshCorrection:problem) and was skipped.
   */
  properties[PROP_APPLIES] =
    g_param_spec_boolean ("applies", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_correction_init (RshCorrection *self)
{
  self->applies = TRUE;
  self->state = RSH_CORRECTION_ACTIVE;
}

/* Public API. */

G_DEFINE_ENUM_TYPE (RshCorrectionKind, rsh_correction_kind,
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_MERGE_CLAIMS, "merge-claims"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SPLIT_CLAIM, "split-claim"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_MOVE_MENTION, "move-mention"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SET_STANCE, "set-stance"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SET_SPEAKER, "set-speaker"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SET_WORDING, "set-wording"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_HIDE_CLAIM, "hide-claim"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_UNHIDE_CLAIM, "unhide-claim"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_RENAME_ACTOR, "rename-actor"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_MERGE_ACTORS, "merge-actors"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SPLIT_ACTOR, "split-actor"))

G_DEFINE_ENUM_TYPE (RshCorrectionState, rsh_correction_state,
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_UNDONE, "undone"),
  G_DEFINE_ENUM_VALUE (RSH_CORRECTION_SUPERSEDED, "superseded"))

/**
 * rsh_correction_kind_to_string:
 * @kind: a #RshCorrectionKind
 *
 * Returns: the kind's name in the project file and on the command line ("merge-claims")
 */
const char *
rsh_correction_kind_to_string (RshCorrectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].name;
}

/**
 * rsh_correction_kind_from_string:
 * @name: a kind's name such as "merge-claims"
 * @kind: (out): where to store the kind
 *
 * Returns: whether @name names a kind
 */
gboolean
rsh_correction_kind_from_string (const char        *name,
                                 RshCorrectionKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * rsh_correction_dup_mention_id:
 * @mention: a #RshMention
 *
 * A statement's id in the comparison JSON and on the command line: its source and the
 * code-point span of its content, "s2:120-188". It is the same in every analysis that
 * finds the same statement.
 *
 * Returns: (transfer full): the id
 */
char *
rsh_correction_dup_mention_id (RshMention *mention)
{
  g_return_val_if_fail (RSH_IS_MENTION (mention), NULL);

  return g_strdup_printf ("%s:%u-%u", rsh_mention_get_source_id (mention),
                          rsh_mention_get_start (mention), rsh_mention_get_end (mention));
}

static gboolean
check_comparison (RshComparison  *comparison,
                  GError        **error)
{
  g_return_val_if_fail (RSH_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return TRUE;
}

static JsonArray *
claim_refs (RshComparison       *comparison,
            const char * const  *claim_ids,
            GString             *summary,
            GError             **error)
{
  g_autoptr(JsonArray) refs = json_array_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; claim_ids != NULL && claim_ids[i] != NULL; i++)
    {
      RshClaim *claim = require_claim (comparison, claim_ids[i], NULL, error);
      g_autofree char *clipped = NULL;

      if (claim == NULL)
        return NULL;
      if (g_ptr_array_find (seen, claim, NULL))
        continue;
      g_ptr_array_add (seen, claim);
      json_array_add_object_element (refs, claim_ref (comparison, claim));
      clipped = dup_clipped (rsh_claim_get_text (claim));
      g_string_append_printf (summary, "%s%s “%s”", i > 0 ? " + " : "", claim_ids[i], clipped);
    }

  if (seen->len < 2)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("A merge needs two different claims"));
      return NULL;
    }

  return g_steal_pointer (&refs);
}

/**
 * rsh_correction_new_merge_claims:
 * @comparison: the comparison the user sees
 * @claim_ids: (array zero-terminated=1): two or more claim ids; the others are merged
 *   into the first
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 *   (%RSH_ERROR_NOT_FOUND for an unknown id)
 */
RshCorrection *
rsh_correction_new_merge_claims (RshComparison       *comparison,
                                 const char * const  *claim_ids,
                                 GError             **error)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  JsonObject *payload;
  JsonArray *refs;

  if (!check_comparison (comparison, error))
    return NULL;

  refs = claim_refs (comparison, claim_ids, summary, error);
  if (refs == NULL)
    return NULL;

  payload = json_object_new ();
  json_object_set_array_member (payload, "claims", refs);

  return correction_new (RSH_CORRECTION_MERGE_CLAIMS, payload,
                         g_string_free (g_steal_pointer (&summary), FALSE));
}

static JsonArray *
mention_refs (RshComparison       *comparison,
              const char * const  *mention_ids,
              RshClaim            *claim,
              RshActor            *actor,
              GError             **error)
{
  g_autoptr(JsonArray) refs = json_array_new ();

  for (guint i = 0; mention_ids != NULL && mention_ids[i] != NULL; i++)
    {
      RshMention *mention = require_mention (comparison, mention_ids[i], error);

      if (mention == NULL)
        return NULL;
      if (claim != NULL && !claim_holds (claim, mention_ids[i]))
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("Statement “%s” is not in claim “%s”"), mention_ids[i],
                       rsh_claim_get_id (claim));
          return NULL;
        }
      if (actor != NULL &&
          g_strcmp0 (rsh_mention_get_actor_id (mention), rsh_actor_get_id (actor)) != 0)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                       _("Statement “%s” is not spoken by actor “%s”"), mention_ids[i],
                       rsh_actor_get_id (actor));
          return NULL;
        }
      json_array_add_object_element (refs, mention_ref (mention));
    }

  if (json_array_get_length (refs) == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("Give at least one statement"));
      return NULL;
    }

  return g_steal_pointer (&refs);
}

/**
 * rsh_correction_new_split_claim:
 * @comparison: the comparison the user sees
 * @claim_id: the claim to split
 * @mention_ids: (array zero-terminated=1): statements of that claim that become a claim
 *   of their own
 * @wording: (nullable): the new claim's wording; %NULL takes its first statement's quote
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_split_claim (RshComparison       *comparison,
                                const char          *claim_id,
                                const char * const  *mention_ids,
                                const char          *wording,
                                GError             **error)
{
  g_autofree char *clipped = NULL;
  RshClaim *claim;
  JsonObject *payload;
  JsonArray *refs;
  guint n;

  if (!check_comparison (comparison, error))
    return NULL;
  claim = require_claim (comparison, claim_id, NULL, error);
  if (claim == NULL)
    return NULL;
  if (wording != NULL && !check_text (wording, _("The new claim's wording"), error))
    return NULL;

  refs = mention_refs (comparison, mention_ids, claim, NULL, error);
  if (refs == NULL)
    return NULL;

  n = g_list_model_get_n_items (rsh_claim_get_mentions (claim));
  if (json_array_get_length (refs) >= n && !rsh_claim_get_user_defined (claim))
    {
      json_array_unref (refs);
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("A split must leave at least one statement in claim “%s”; to reword "
                     "the claim, edit its wording"), claim_id);
      return NULL;
    }

  payload = json_object_new ();
  json_object_set_object_member (payload, "claim", claim_ref (comparison, claim));
  json_object_set_array_member (payload, "mentions", refs);
  if (wording != NULL)
    json_object_set_string_member (payload, "wording", wording);

  clipped = dup_clipped (rsh_claim_get_text (claim));
  return correction_new (RSH_CORRECTION_SPLIT_CLAIM, payload,
                         g_strdup_printf (_("%u statements taken out of %s “%s”"),
                                          json_array_get_length (refs), claim_id, clipped));
}

/**
 * rsh_correction_new_move_mention:
 * @comparison: the comparison the user sees
 * @mention_id: the statement to move
 * @claim_id: the claim it belongs to
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_move_mention (RshComparison  *comparison,
                                 const char     *mention_id,
                                 const char     *claim_id,
                                 GError        **error)
{
  g_autofree char *quote = NULL;
  g_autofree char *text = NULL;
  RshMention *mention;
  RshClaim *claim;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  mention = require_mention (comparison, mention_id, error);
  if (mention == NULL)
    return NULL;
  claim = require_claim (comparison, claim_id, NULL, error);
  if (claim == NULL)
    return NULL;
  if (claim_holds (claim, mention_id) && !rsh_claim_get_user_defined (claim))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("Statement “%s” is already in claim “%s”"), mention_id, claim_id);
      return NULL;
    }

  payload = json_object_new ();
  json_object_set_object_member (payload, "mention", mention_ref (mention));
  json_object_set_object_member (payload, "claim", claim_ref (comparison, claim));

  quote = dup_clipped (rsh_mention_get_quote (mention));
  text = dup_clipped (rsh_claim_get_text (claim));
  return correction_new (RSH_CORRECTION_MOVE_MENTION, payload,
                         g_strdup_printf (_("“%s” moved to %s “%s”"), quote, claim_id, text));
}

/**
 * rsh_correction_new_set_stance:
 * @comparison: the comparison the user sees
 * @mention_id: the statement
 * @stance: what its speaker does to the claim (not %RSH_STANCE_ABSENT)
 * @hedged: 1 or 0 to set the hedging too, %RSH_CORRECTION_KEEP_HEDGED to keep it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_set_stance (RshComparison  *comparison,
                               const char     *mention_id,
                               RshStance       stance,
                               int             hedged,
                               GError        **error)
{
  g_autofree char *quote = NULL;
  RshMention *mention;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  if (stance >= RSH_STANCE_ABSENT)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("A statement's stance is reports, confirms, denies or disputes"));
      return NULL;
    }
  mention = require_mention (comparison, mention_id, error);
  if (mention == NULL)
    return NULL;

  payload = json_object_new ();
  json_object_set_object_member (payload, "mention", mention_ref (mention));
  json_object_set_string_member (payload, "stance", rsh_stance_to_string (stance));
  if (hedged >= 0)
    json_object_set_boolean_member (payload, "hedged", hedged != 0);

  quote = dup_clipped (rsh_mention_get_quote (mention));
  return correction_new (RSH_CORRECTION_SET_STANCE, payload,
                         g_strdup_printf (_("“%s”: %s → %s"), quote,
                                          rsh_stance_to_string (rsh_mention_get_stance (mention)),
                                          rsh_stance_to_string (stance)));
}

/**
 * rsh_correction_new_set_speaker:
 * @comparison: the comparison the user sees
 * @mention_id: the statement
 * @speaker: (nullable): an actor id ("a3") or a name (an actor of that name, or else a new
 *   one); %NULL or "" for the outlet's own voice
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_set_speaker (RshComparison  *comparison,
                                const char     *mention_id,
                                const char     *speaker,
                                GError        **error)
{
  g_autofree char *quote = NULL;
  g_autofree char *name = NULL;
  RshMention *mention;
  RshActor *actor;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  mention = require_mention (comparison, mention_id, error);
  if (mention == NULL)
    return NULL;
  if (speaker != NULL && !g_utf8_validate (speaker, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("The speaker's name is not valid text"));
      return NULL;
    }

  payload = json_object_new ();
  json_object_set_object_member (payload, "mention", mention_ref (mention));
  if (speaker != NULL)
    name = g_strstrip (g_strdup (speaker));

  actor = name != NULL ? rsh_comparison_lookup_actor (comparison, name) : NULL;
  if (actor != NULL)
    {
      json_object_set_object_member (payload, "actor", actor_ref (comparison, actor));
      g_free (name);
      name = g_strdup (rsh_actor_get_name (actor));
    }
  if (name != NULL && *name != '\0')
    json_object_set_string_member (payload, "name", name);

  quote = dup_clipped (rsh_mention_get_quote (mention));
  return correction_new (RSH_CORRECTION_SET_SPEAKER, payload,
                         name != NULL && *name != '\0'
                         ? g_strdup_printf (_("“%s” said by %s"), quote, name)
                         : g_strdup_printf (_("“%s” in the outlet's own voice"), quote));
}

/**
 * rsh_correction_new_set_wording:
 * @comparison: the comparison the user sees
 * @claim_id: the claim
 * @wording: its representative wording
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_set_wording (RshComparison  *comparison,
                                const char     *claim_id,
                                const char     *wording,
                                GError        **error)
{
  g_autofree char *clipped = NULL;
  RshClaim *claim;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  claim = require_claim (comparison, claim_id, NULL, error);
  if (claim == NULL || !check_text (wording, _("A claim's wording"), error))
    return NULL;

  payload = json_object_new ();
  json_object_set_object_member (payload, "claim", claim_ref (comparison, claim));
  json_object_set_string_member (payload, "wording", wording);

  clipped = dup_clipped (wording);
  return correction_new (RSH_CORRECTION_SET_WORDING, payload,
                         g_strdup_printf (_("%s worded “%s”"), claim_id, clipped));
}

/**
 * rsh_correction_new_hide_claim:
 * @comparison: the comparison the user sees
 * @claim_id: the claim
 * @hide: %TRUE to hide it, %FALSE to show a hidden claim again
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_hide_claim (RshComparison  *comparison,
                               const char     *claim_id,
                               gboolean        hide,
                               GError        **error)
{
  g_autofree char *clipped = NULL;
  gboolean hidden = FALSE;
  RshClaim *claim;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  claim = require_claim (comparison, claim_id, &hidden, error);
  if (claim == NULL)
    return NULL;
  if (hidden == !!hide)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   hide ? _("Claim “%s” is already hidden") : _("Claim “%s” is not hidden"),
                   claim_id);
      return NULL;
    }

  payload = json_object_new ();
  json_object_set_object_member (payload, "claim", claim_ref (comparison, claim));

  clipped = dup_clipped (rsh_claim_get_text (claim));
  return correction_new (hide ? RSH_CORRECTION_HIDE_CLAIM : RSH_CORRECTION_UNHIDE_CLAIM, payload,
                         g_strdup_printf ("%s “%s”", claim_id, clipped));
}

/**
 * rsh_correction_new_rename_actor:
 * @comparison: the comparison the user sees
 * @actor_id: the actor
 * @name: its new name; the old one becomes an alias
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_rename_actor (RshComparison  *comparison,
                                 const char     *actor_id,
                                 const char     *name,
                                 GError        **error)
{
  g_autofree char *stripped = NULL;
  RshActor *actor;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  actor = require_actor (comparison, actor_id, error);
  if (actor == NULL || !check_text (name, _("An actor's name"), error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  payload = json_object_new ();
  json_object_set_object_member (payload, "actor", actor_ref (comparison, actor));
  json_object_set_string_member (payload, "name", stripped);

  return correction_new (RSH_CORRECTION_RENAME_ACTOR, payload,
                         g_strdup_printf (_("%s → %s"), rsh_actor_get_name (actor), stripped));
}

/**
 * rsh_correction_new_merge_actors:
 * @comparison: the comparison the user sees
 * @actor_ids: (array zero-terminated=1): two or more actor ids; the others are merged into
 *   the first, their names becoming its aliases
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_merge_actors (RshComparison       *comparison,
                                 const char * const  *actor_ids,
                                 GError             **error)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *refs;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;

  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    {
      RshActor *actor = require_actor (comparison, actor_ids[i], error);

      if (actor == NULL)
        return NULL;
      if (!g_ptr_array_find (seen, actor, NULL))
        g_ptr_array_add (seen, actor);
    }
  if (seen->len < 2)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("A merge needs two different actors"));
      return NULL;
    }

  refs = json_array_new ();
  for (guint i = 0; i < seen->len; i++)
    {
      RshActor *actor = g_ptr_array_index (seen, i);

      json_array_add_object_element (refs, actor_ref (comparison, actor));
      g_string_append_printf (summary, "%s%s", i > 0 ? " + " : "", rsh_actor_get_name (actor));
    }
  payload = json_object_new ();
  json_object_set_array_member (payload, "actors", refs);

  return correction_new (RSH_CORRECTION_MERGE_ACTORS, payload,
                         g_string_free (g_steal_pointer (&summary), FALSE));
}

/**
 * rsh_correction_new_split_actor:
 * @comparison: the comparison the user sees
 * @actor_id: the actor
 * @mention_ids: (array zero-terminated=1): statements of that actor that belong to a new
 *   actor
 * @name: (nullable): the new actor's name; %NULL takes the speaker's name as written in the
 *   first statement, or the actor's name with “(2)”
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with @error set
 */
RshCorrection *
rsh_correction_new_split_actor (RshComparison       *comparison,
                                const char          *actor_id,
                                const char * const  *mention_ids,
                                const char          *name,
                                GError             **error)
{
  RshActor *actor;
  JsonArray *refs;
  JsonObject *payload;

  if (!check_comparison (comparison, error))
    return NULL;
  actor = require_actor (comparison, actor_id, error);
  if (actor == NULL)
    return NULL;
  if (name != NULL && !check_text (name, _("An actor's name"), error))
    return NULL;

  refs = mention_refs (comparison, mention_ids, NULL, actor, error);
  if (refs == NULL)
    return NULL;

  payload = json_object_new ();
  json_object_set_object_member (payload, "actor", actor_ref (comparison, actor));
  json_object_set_array_member (payload, "mentions", refs);
  if (name != NULL)
    json_object_set_string_member (payload, "name", name);

  return correction_new (RSH_CORRECTION_SPLIT_ACTOR, payload,
                         g_strdup_printf (_("%u statements of %s given to %s"),
                                          json_array_get_length (refs), rsh_actor_get_name (actor),
                                          name != NULL ? name : _("a new actor")));
}

/**
 * rsh_correction_new_from_stored:
 * @id: the correction's row in the project file
 * @kind: its kind's name
 * @payload: its payload, a JSON object
 * @author: (nullable): who made it
 * @created_at: when, ISO 8601
 * @state: whether it is active, undone or superseded
 * @error: return location for a #GError
 *
 * Rebuilds a correction read from a project file.
 *
 * Returns: (transfer full) (nullable): the correction, or %NULL with
 *   %RSH_ERROR_STORE_CORRUPT when the row is damaged
 */
RshCorrection *
rsh_correction_new_from_stored (gint64               id,
                                const char          *kind,
                                const char          *payload,
                                const char          *author,
                                const char          *created_at,
                                RshCorrectionState   state,
                                GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  RshCorrectionKind parsed_kind;
  RshCorrection *self;
  JsonNode *root;

  if (!rsh_correction_kind_from_string (kind, &parsed_kind) ||
      payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT,
                   _("Correction %" G_GINT64_FORMAT " in the project file is damaged or of a "
                     "kind this version does not know (“%s”)"), id, kind ? kind : "");
      return NULL;
    }

  self = g_object_new (RSH_TYPE_CORRECTION, NULL);
  self->id = id;
  self->kind = parsed_kind;
  self->payload = json_object_ref (json_node_get_object (root));
  self->author = g_strdup (author);
  self->created_at = g_strdup (created_at);
  self->state = state;

  return self;
}

gint64
rsh_correction_get_id (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), 0);

  return self->id;
}

void
rsh_correction_set_id (RshCorrection *self,
                       gint64         id)
{
  g_return_if_fail (RSH_IS_CORRECTION (self));

  self->id = id;
}

RshCorrectionKind
rsh_correction_get_kind (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), 0);

  return self->kind;
}

/**
 * rsh_correction_get_label:
 * @self: a #RshCorrection
 *
 * Returns: the kind of correction for a menu, translated (“Merge Claims”)
 */
const char *
rsh_correction_get_label (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  return _(kinds[self->kind].label);
}

/**
 * rsh_correction_get_summary:
 * @self: a #RshCorrection
 *
 * Returns: what the correction did, in words, as it was made
 */
const char *
rsh_correction_get_summary (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  return json_object_get_string_member_with_default (self->payload, "summary", "");
}

const char *
rsh_correction_get_author (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  return self->author;
}

/**
 * rsh_correction_set_author:
 * @self: a #RshCorrection not yet applied
 * @author: (nullable): who makes it; %NULL for the user's real name or login
 */
void
rsh_correction_set_author (RshCorrection *self,
                           const char    *author)
{
  g_autofree char *value = NULL;

  g_return_if_fail (RSH_IS_CORRECTION (self));

  value = author != NULL ? g_strdup (author) : dup_default_author ();
  if (g_strcmp0 (value, self->author) == 0)
    return;

  g_free (self->author);
  self->author = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
rsh_correction_get_created_at (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  return self->created_at;
}

RshCorrectionState
rsh_correction_get_state (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), RSH_CORRECTION_ACTIVE);

  return self->state;
}

void
rsh_correction_set_state (RshCorrection      *self,
                          RshCorrectionState  state)
{
  g_return_if_fail (RSH_IS_CORRECTION (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * rsh_correction_get_applies:
 * @self: a #RshCorrection
 *
 * Returns: whether the last replay found what @self changes
 */
gboolean
rsh_correction_get_applies (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), FALSE);

  return self->applies;
}

/**
 * rsh_correction_get_problem:
 * @self: a #RshCorrection
 *
 * Returns: (nullable): why @self no longer applies, or %NULL when it does
 */
const char *
rsh_correction_get_problem (RshCorrection *self)
{
  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  return self->problem;
}

/**
 * rsh_correction_dup_payload:
 * @self: a #RshCorrection
 *
 * Returns: (transfer full): the payload as compact JSON, as the project file keeps it
 */
char *
rsh_correction_dup_payload (RshCorrection *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (RSH_IS_CORRECTION (self), NULL);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, self->payload);
  return json_to_string (node, FALSE);
}
