/* rsh-lexicon-private.h: word lists of a lexicon, for the attribution pass
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rsh-lexicon.h"

G_BEGIN_DECLS

/* A pronoun-like speaker ("he", "the company") and the kind of name it can stand for;
 * kind_any means any kind, not_person any kind but a person ("it"). */
typedef struct
{
  char         *word;
  RshActorKind  kind;
  guint         kind_any : 1;
  guint         not_person : 1;
} RshPronoun;

/* Every phrase is stored lower case, its words separated by one space. */
typedef enum
{
  RSH_WORDS_HEDGE,
  RSH_WORDS_NEGATION,
  RSH_WORDS_ARTICLE,
  RSH_WORDS_AUXILIARY,
  RSH_WORDS_PASSIVE,
  RSH_WORDS_BOUNDARY,
  RSH_WORDS_LINKER,
  RSH_WORDS_APPOSITION,
  RSH_WORDS_COMPLEMENTIZER,
  RSH_WORDS_STOPWORD,
  RSH_WORDS_TIME,
  RSH_WORDS_DOCUMENT,
  RSH_WORDS_QUOTING,
  RSH_WORDS_RELAYED,
  RSH_WORDS_COUNTRY,
  RSH_WORDS_DEMONYM,
  RSH_WORDS_FINITE,
  RSH_WORDS_NEGATIVE_DETERMINER,
  RSH_WORDS_ADDRESSED,
  RSH_WORDS_MALE,
  RSH_WORDS_FEMALE,
  RSH_WORDS_SELF,
  RSH_N_WORDS,
} RshWordList;

gboolean          rsh_lexicon_has_word      (RshLexicon   *self,
                                             RshWordList   list,
                                             const char   *phrase);
gboolean          rsh_lexicon_is_proper_name (RshLexicon  *self,
                                              const char  *name);
guint             rsh_lexicon_get_max_words (RshLexicon   *self,
                                             RshWordList   list);
const RshPronoun *rsh_lexicon_find_pronoun  (RshLexicon   *self,
                                             const char   *phrase);
const GPtrArray  *rsh_lexicon_get_cues_for  (RshLexicon   *self,
                                             const char   *first_word);
char             *rsh_lexicon_fold          (const char   *word);

G_END_DECLS
