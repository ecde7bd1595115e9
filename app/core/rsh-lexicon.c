/* rsh-lexicon.c: the vocabulary of the attribution pass, read from data/lexicons/
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rashomon.h"
#include "rsh-core-resources.h"
#include "rsh-lexicon-private.h"

#define LEXICON_RESOURCE_PATH "/io/github/rashomon/Rashomon/lexicons/"

struct _RshLexicon
{
  gatomicrefcount  ref_count;

  char            *language;
  GPtrArray       *cues;               /* RshCue*, in file order */
  GHashTable      *cues_by_first_word; /* first word → GPtrArray of RshCue*, longest first */
  GHashTable      *words[RSH_N_WORDS];
  guint            max_words[RSH_N_WORDS];
  GHashTable      *pronouns;           /* phrase → RshPronoun* */
  GHashTable      *kinds;              /* word → GINT_TO_POINTER (kind + 1) */
};

G_DEFINE_BOXED_TYPE (RshLexicon, rsh_lexicon, rsh_lexicon_ref, rsh_lexicon_unref)

static const char * const word_list_keywords[RSH_N_WORDS] = {
  [RSH_WORDS_HEDGE] = "hedge",
  [RSH_WORDS_NEGATION] = "negation",
  [RSH_WORDS_ARTICLE] = "article",
  [RSH_WORDS_AUXILIARY] = "auxiliary",
  [RSH_WORDS_PASSIVE] = "passive",
  [RSH_WORDS_BOUNDARY] = "boundary",
  [RSH_WORDS_LINKER] = "linker",
  [RSH_WORDS_APPOSITION] = "apposition",
  [RSH_WORDS_COMPLEMENTIZER] = "complementizer",
  [RSH_WORDS_STOPWORD] = "stopword",
  [RSH_WORDS_TIME] = "time",
  [RSH_WORDS_DOCUMENT] = "document",
  [RSH_WORDS_QUOTING] = "quoting",
  [RSH_WORDS_RELAYED] = "relayed",
  [RSH_WORDS_COUNTRY] = "country",
  [RSH_WORDS_DEMONYM] = "demonym",
  [RSH_WORDS_FINITE] = "finite",
  [RSH_WORDS_NEGATIVE_DETERMINER] = "negative-determiner",
  [RSH_WORDS_ADDRESSED] = "addressed",
  [RSH_WORDS_MALE] = "male",
  [RSH_WORDS_FEMALE] = "female",
  [RSH_WORDS_SELF] = "self",
};

G_LOCK_DEFINE_STATIC (default_lexicons);
static GHashTable *default_lexicons;

static void
cue_free (gpointer data)
{
  RshCue *cue = data;

  g_free (cue->word);
  g_free (cue);
}

static void
pronoun_free (gpointer data)
{
  RshPronoun *pronoun = data;

  g_free (pronoun->word);
  g_free (pronoun);
}

static guint
count_words (const char *phrase)
{
  guint n = 1;

  for (const char *p = phrase; *p; p++)
    if (*p == ' ')
      n++;

  return n;
}

static int
compare_cues_longest_first (gconstpointer a,
                            gconstpointer b)
{
  const RshCue *cue_a = *(RshCue * const *) a;
  const RshCue *cue_b = *(RshCue * const *) b;

  return (int) count_words (cue_b->word) - (int) count_words (cue_a->word);
}

/* Lower-cases @item and collapses its inner white space to single spaces. */
static char *
normalize_item (const char *item)
{
  g_autofree char *folded = rsh_lexicon_fold (item);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_kind (const char   *word,
            RshActorKind *kind)
{
  for (RshActorKind k = RSH_ACTOR_KIND_UNKNOWN; k <= RSH_ACTOR_KIND_GROUP; k++)
    {
      if (g_strcmp0 (word, rsh_actor_kind_to_string (k)) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

static RshLexicon *
lexicon_new (void)
{
  RshLexicon *self = g_new0 (RshLexicon, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->cues = g_ptr_array_new_with_free_func (cue_free);
  self->cues_by_first_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < RSH_N_WORDS; i++)
    self->words[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pronouns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pronoun_free);
  self->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

static void
lexicon_free (RshLexicon *self)
{
  g_free (self->language);
  g_ptr_array_unref (self->cues);
  g_hash_table_unref (self->cues_by_first_word);
  for (guint i = 0; i < RSH_N_WORDS; i++)
    g_hash_table_unref (self->words[i]);
  g_hash_table_unref (self->pronouns);
  g_hash_table_unref (self->kinds);
  g_free (self);
}

static void
add_cue (RshLexicon *self,
         const char *item,
         RshStance   stance,
         char        position,
         gboolean    hedged)
{
  RshCue *cue = g_new0 (RshCue, 1);
  g_autofree char *first = NULL;
  const char *space;
  GPtrArray *bucket;

  cue->word = g_strdup (item);
  cue->stance = stance;
  cue->position = position;
  cue->hedged = !!hedged;
  g_ptr_array_add (self->cues, cue);

  space = strchr (item, ' ');
  first = space ? g_strndup (item, space - item) : g_strdup (item);
  bucket = g_hash_table_lookup (self->cues_by_first_word, first);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (self->cues_by_first_word, g_steal_pointer (&first), bucket);
    }
  g_ptr_array_add (bucket, cue);
}

static gboolean
parse_line (RshLexicon  *self,
            const char  *line,
            guint        line_no,
            GError     **error)
{
  g_auto(GStrv) head = NULL;
  g_auto(GStrv) items = NULL;
  g_autofree char *head_text = NULL;
  const char *colon;
  const char *keyword;
  guint n_head;

  colon = strchr (line, ':');
  if (colon == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("Lexicon line %u: expected “KEYWORD: ITEM, ITEM, …”"), line_no);
      return FALSE;
    }

  head_text = g_strndup (line, colon - line);
  head = g_strsplit_set (g_strstrip (head_text), " \t", -1);
  /* Drop empty fields left by repeated spaces. */
  n_head = 0;
  for (guint i = 0; head[i]; i++)
    {
      if (head[i][0] != '\0')
        {
          char *field = head[i];

          head[i] = NULL;
          head[n_head++] = field;
        }
      else
        g_clear_pointer (&head[i], g_free);
    }
  head[n_head] = NULL;

  if (n_head == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("Lexicon line %u: a keyword is missing before “:”"), line_no);
      return FALSE;
    }

  keyword = head[0];
  items = g_strsplit (colon + 1, ",", -1);
  for (guint i = 0; items[i]; i++)
    {
      char *norm = normalize_item (g_strstrip (items[i]));

      g_free (items[i]);
      items[i] = norm;
    }

  if (strcmp (keyword, "language") == 0)
    {
      if (n_head != 1 || g_strv_length (items) != 1 || items[0][0] == '\0' ||
          self->language != NULL)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: “language:” takes one language code, once"),
                       line_no);
          return FALSE;
        }
      self->language = g_strdup (items[0]);
      return TRUE;
    }

  if (self->language == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("Lexicon line %u: the first entry must be “language: CODE”"), line_no);
      return FALSE;
    }

  for (guint i = 0; items[i]; i++)
    {
      if (items[i][0] == '\0')
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: empty item in the list"), line_no);
          return FALSE;
        }
    }

  if (strcmp (keyword, "cue") == 0)
    {
      RshStance stance;
      char position;
      gboolean hedged = FALSE;

      if (n_head < 3 || n_head > 4 ||
          !rsh_stance_from_string (head[1], &stance) || stance == RSH_STANCE_ABSENT)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: expected “cue STANCE POSITION [hedged]:” with "
                         "STANCE one of reports, confirms, denies, disputes"), line_no);
          return FALSE;
        }

      if (strcmp (head[2], "before") == 0)
        position = 'b';
      else if (strcmp (head[2], "after") == 0)
        position = 'a';
      else if (strcmp (head[2], "either") == 0)
        position = 'e';
      else if (strcmp (head[2], "possessive") == 0)
        position = 'p';
      else if (strcmp (head[2], "participle") == 0)
        position = 'c';
      else if (strcmp (head[2], "impersonal") == 0)
        position = 'n';
      else if (strcmp (head[2], "opening") == 0)
        position = 'o';
      else if (strcmp (head[2], "framed") == 0)
        position = 'f';
      else
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: unknown speaker position “%s” (use before, after, "
                         "either, framed, possessive, participle, impersonal or opening)"),
                       line_no,
                       head[2]);
          return FALSE;
        }

      if (n_head == 4)
        {
          if (strcmp (head[3], "hedged") != 0)
            {
              g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                           _("Lexicon line %u: unknown cue flag “%s”"), line_no, head[3]);
              return FALSE;
            }
          hedged = TRUE;
        }

      for (guint i = 0; items[i]; i++)
        add_cue (self, items[i], stance, position, hedged);
      return TRUE;
    }

  if (strcmp (keyword, "pronoun") == 0 || strcmp (keyword, "kind") == 0)
    {
      gboolean is_pronoun = keyword[0] == 'p';
      gboolean any = FALSE;
      gboolean not_person = FALSE;
      RshActorKind kind = RSH_ACTOR_KIND_UNKNOWN;

      if (n_head == 2 && is_pronoun && strcmp (head[1], "any") == 0)
        any = TRUE;
      else if (n_head == 2 && is_pronoun && strcmp (head[1], "not-person") == 0)
        any = not_person = TRUE;
      else if (n_head != 2 || !parse_kind (head[1], &kind) || kind == RSH_ACTOR_KIND_UNKNOWN)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: expected “%s KIND:” with KIND one of person, "
                         "organization, government, media, group (for pronouns also any or "
                         "not-person)"),
                       line_no, keyword);
          return FALSE;
        }

      for (guint i = 0; items[i]; i++)
        {
          if (is_pronoun)
            {
              RshPronoun *pronoun = g_new0 (RshPronoun, 1);

              pronoun->word = g_strdup (items[i]);
              pronoun->kind = kind;
              pronoun->kind_any = any;
              pronoun->not_person = not_person;
              g_hash_table_replace (self->pronouns, pronoun->word, pronoun);
            }
          else
            g_hash_table_replace (self->kinds, g_strdup (items[i]), GINT_TO_POINTER (kind + 1));
        }
      return TRUE;
    }

  for (guint list = 0; list < RSH_N_WORDS; list++)
    {
      if (strcmp (keyword, word_list_keywords[list]) != 0)
        continue;

      if (n_head != 1)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                       _("Lexicon line %u: “%s:” takes no fields"), line_no, keyword);
          return FALSE;
        }

      for (guint i = 0; items[i]; i++)
        {
          self->max_words[list] = MAX (self->max_words[list], count_words (items[i]));
          g_hash_table_add (self->words[list], g_strdup (items[i]));
        }
      return TRUE;
    }

  g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
               _("Lexicon line %u: unknown keyword “%s”"), line_no, keyword);
  return FALSE;
}

/**
 * rsh_lexicon_fold:
 * @word: a UTF-8 word or phrase
 *
 * Folds @word for comparison with lexicon entries: lower case, and typographic
 * apostrophes turned into ASCII ones.
 *
 * Returns: (transfer full): the folded word
 */
char *
rsh_lexicon_fold (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  GString *out = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * rsh_lexicon_new_from_bytes:
 * @bytes: the text of a lexicon file (format in data/lexicons/en.lexicon)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL with %RSH_ERROR_LEXICON set
 *   naming the first malformed line
 */
RshLexicon *
rsh_lexicon_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(RshLexicon) self = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  /* Empty bytes may come without storage. */
  if (data == NULL)
    data = "";
  if (!g_utf8_validate_len (data, len, NULL) || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("The lexicon is not valid UTF-8 text"));
      return NULL;
    }

  self = lexicon_new ();
  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (!parse_line (self, line, i + 1, error))
        return NULL;
    }

  if (self->language == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("The lexicon does not name its language (“language: CODE”)"));
      return NULL;
    }

  if (self->cues->len == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                   _("The lexicon has no reporting cues (“cue …:” lines)"));
      return NULL;
    }

  g_hash_table_iter_init (&iter, self->cues_by_first_word);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort ((GPtrArray *) value, compare_cues_longest_first);

  return g_steal_pointer (&self);
}

static RshLexicon *
load_resource (const char  *language,
               GError     **error)
{
  g_autofree char *path = g_strconcat (LEXICON_RESOURCE_PATH, language, ".lexicon", NULL);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  return rsh_lexicon_new_from_bytes (bytes, error);
}

/**
 * rsh_lexicon_load_default:
 * @language: (nullable): a BCP 47 code such as "en" or "en-GB"; %NULL means English
 * @error: return location for a #GError
 *
 * Loads the lexicon bundled for @language, falling back to English when there is none.
 * Lexicons are loaded once and shared; they never change after loading.
 *
 * Returns: (transfer full) (nullable): the lexicon
 */
RshLexicon *
rsh_lexicon_load_default (const char  *language,
                          GError     **error)
{
  static gsize registered = 0;
  g_autofree char *code = NULL;
  RshLexicon *lexicon;

  if (g_once_init_enter (&registered))
    {
      rsh_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  /* Only the primary subtag picks the file, and only letters may reach a resource path. */
  code = g_ascii_strdown (language && *language ? language : "en", -1);
  for (char *p = code; *p; p++)
    {
      if (!g_ascii_isalpha (*p))
        {
          *p = '\0';
          break;
        }
    }
  if (code[0] == '\0')
    {
      g_free (code);
      code = g_strdup ("en");
    }

  G_LOCK (default_lexicons);

  if (default_lexicons == NULL)
    default_lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) rsh_lexicon_unref);

  lexicon = g_hash_table_lookup (default_lexicons, code);
  if (lexicon == NULL)
    {
      GError *local_error = NULL;

      lexicon = load_resource (code, &local_error);
      if (lexicon == NULL && local_error == NULL && strcmp (code, "en") != 0)
        lexicon = load_resource ("en", &local_error);

      if (lexicon == NULL)
        {
          G_UNLOCK (default_lexicons);
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, RSH_ERROR, RSH_ERROR_LEXICON,
                         _("No lexicon is bundled for “%s” nor for English"), code);
          return NULL;
        }

      g_hash_table_insert (default_lexicons, g_strdup (code), lexicon);
    }

  rsh_lexicon_ref (lexicon);
  G_UNLOCK (default_lexicons);

  return lexicon;
}

/**
 * rsh_lexicon_ref:
 * @self: a #RshLexicon
 *
 * Returns: (transfer full): @self
 */
RshLexicon *
rsh_lexicon_ref (RshLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * rsh_lexicon_unref:
 * @self: (transfer full): a #RshLexicon
 */
void
rsh_lexicon_unref (RshLexicon *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    lexicon_free (self);
}

/**
 * rsh_lexicon_get_language:
 * @self: a #RshLexicon
 *
 * Returns: the language code the lexicon declares
 */
const char *
rsh_lexicon_get_language (RshLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/**
 * rsh_lexicon_get_cues:
 * @self: a #RshLexicon
 *
 * Returns: (transfer none) (element-type RshCue): the reporting cues, in file order
 */
const GPtrArray *
rsh_lexicon_get_cues (RshLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cues;
}

const GPtrArray *
rsh_lexicon_get_cues_for (RshLexicon *self,
                          const char *first_word)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->cues_by_first_word, first_word);
}

gboolean
rsh_lexicon_has_word (RshLexicon  *self,
                      RshWordList  list,
                      const char  *phrase)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (list < RSH_N_WORDS, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  folded = rsh_lexicon_fold (phrase);
  return g_hash_table_contains (self->words[list], folded);
}

/**
 * rsh_lexicon_is_proper_name:
 * @self: a #RshLexicon
 * @name: a speaker's name as written, words separated by spaces
 *
 * Whether @name is a name rather than a description: it holds a capitalised word other
 * than a leading article ("the Times", not "the company").
 *
 * Returns: %TRUE for a proper name
 */
gboolean
rsh_lexicon_is_proper_name (RshLexicon *self,
                            const char *name)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (i == 0 && rsh_lexicon_has_word (self, RSH_WORDS_ARTICLE, words[i]))
        continue;
      if (g_unichar_isupper (g_utf8_get_char (words[i])))
        return TRUE;
    }

  return FALSE;
}

guint
rsh_lexicon_get_max_words (RshLexicon  *self,
                           RshWordList  list)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (list < RSH_N_WORDS, 0);

  return self->max_words[list];
}

const RshPronoun *
rsh_lexicon_find_pronoun (RshLexicon *self,
                          const char *phrase)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  folded = normalize_item (phrase);
  return g_hash_table_lookup (self->pronouns, folded);
}

/**
 * rsh_lexicon_is_hedge:
 * @self: a #RshLexicon
 * @word: a word or phrase, in any case
 *
 * Returns: whether @word keeps distance ("reportedly", "allegedly")
 */
gboolean
rsh_lexicon_is_hedge (RshLexicon *self,
                      const char *word)
{
  return rsh_lexicon_has_word (self, RSH_WORDS_HEDGE, word);
}

/**
 * rsh_lexicon_is_negation:
 * @self: a #RshLexicon
 * @word: a word, in any case
 *
 * Returns: whether @word negates a following cue ("not", "never")
 */
gboolean
rsh_lexicon_is_negation (RshLexicon *self,
                         const char *word)
{
  return rsh_lexicon_has_word (self, RSH_WORDS_NEGATION, word);
}

/**
 * rsh_lexicon_is_stopword:
 * @self: a #RshLexicon
 * @word: a word, in any case
 *
 * Returns: whether @word carries no content when texts are compared
 */
gboolean
rsh_lexicon_is_stopword (RshLexicon *self,
                         const char *word)
{
  return rsh_lexicon_has_word (self, RSH_WORDS_STOPWORD, word);
}

/* Splits @name into folded words without a trailing possessive. */
static GPtrArray *
split_name (const char *name)
{
  g_autofree char *folded = rsh_lexicon_fold (name);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '\'' || c == '-' || c == '&'))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (g_str_has_suffix (word->str, "'s"))
        g_string_truncate (word, word->len - 2);
      while (word->len > 0 && (word->str[word->len - 1] == '\'' ||
                               word->str[word->len - 1] == '-'))
        g_string_truncate (word, word->len - 1);
      while (word->len > 0 && (word->str[0] == '\'' || word->str[0] == '-'))
        g_string_erase (word, 0, 1);
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);

  return words;
}

/**
 * rsh_lexicon_guess_kind:
 * @self: a #RshLexicon
 * @name: a speaker's name as written ("Germany's BSI agency", "Jane Doe")
 *
 * Guesses what kind of actor @name is from the lexicon's "kind" word lists: the last word
 * of the name found in a list decides ("the agency's spokesman" is a person). A name of
 * two to four capitalised words found in no list, without an article, is taken for a
 * person.
 *
 * Returns: the guessed kind, or %RSH_ACTOR_KIND_UNKNOWN
 */
RshActorKind
rsh_lexicon_guess_kind (RshLexicon *self,
                        const char *name)
{
  g_autoptr(GPtrArray) words = NULL;
  g_auto(GStrv) written = NULL;
  guint n_capitalised = 0;
  guint n_written = 0;

  g_return_val_if_fail (self != NULL, RSH_ACTOR_KIND_UNKNOWN);
  g_return_val_if_fail (name != NULL, RSH_ACTOR_KIND_UNKNOWN);

  words = split_name (name);
  for (guint i = words->len; i > 0; i--)
    {
      gpointer kind = g_hash_table_lookup (self->kinds, g_ptr_array_index (words, i - 1));

      if (kind != NULL)
        return (RshActorKind) (GPOINTER_TO_INT (kind) - 1);
    }

  written = g_strsplit (name, " ", -1);
  for (guint i = 0; written[i]; i++)
    {
      if (written[i][0] == '\0')
        continue;
      /* "The Northline Post" is not a person's name. */
      if (n_written == 0 && rsh_lexicon_has_word (self, RSH_WORDS_ARTICLE, written[i]))
        return RSH_ACTOR_KIND_UNKNOWN;
      n_written++;
      if (g_unichar_isupper (g_utf8_get_char (written[i])))
        n_capitalised++;
    }

  if (n_written >= 2 && n_written <= 4 && n_capitalised == n_written)
    return RSH_ACTOR_KIND_PERSON;

  return RSH_ACTOR_KIND_UNKNOWN;
}

/**
 * rsh_lexicon_normalize_name:
 * @self: a #RshLexicon
 * @name: a speaker's name as written
 *
 * Folds @name for comparison with other names: lower case, without leading articles
 * ("the"), possessive endings ("'s") or punctuation.
 *
 * Returns: (transfer full): the normalised name
 */
char *
rsh_lexicon_normalize_name (RshLexicon *self,
                            const char *name)
{
  g_autoptr(GPtrArray) words = NULL;
  GString *out = g_string_new (NULL);
  guint i = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  words = split_name (name);
  while (i + 1 < words->len &&
         g_hash_table_contains (self->words[RSH_WORDS_ARTICLE], g_ptr_array_index (words, i)))
    i++;

  for (; i < words->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, i));
    }

  return g_string_free (out, FALSE);
}
