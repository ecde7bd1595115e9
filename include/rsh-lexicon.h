/* rsh-lexicon.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <glib-object.h>

#include "rsh-types.h"

G_BEGIN_DECLS

/**
 * RshCue:
 * @word: the cue as written in the lexicon (lower case, may be several words)
 * @stance: the stance the cue signals
 * @hedged: whether the cue keeps distance ("claimed", "alleged")
 * @position: where the speaker stands: 'b' before the cue ("X said"), 'a' after it
 *   ("according to X"), 'e' either, 'f' either but only right after a closed quotation
 *   ("“…?” she asked"), 'p' before it as a possessive ("X's claims"), 'c' the
 *   cue is a participle taking the speaker of its clause (", saying …"), 'n' nowhere
 *   ("it was reported"), or 'o' the cue opens what a speaker says ("X says ‘no evidence
 *   of’ …")
 */
typedef struct
{
  char      *word;
  RshStance  stance;
  guint      hedged : 1;
  char       position;
} RshCue;

#define RSH_TYPE_LEXICON (rsh_lexicon_get_type ())
GType rsh_lexicon_get_type (void);

RshLexicon     *rsh_lexicon_new_from_bytes  (GBytes      *bytes,
                                             GError     **error);
RshLexicon     *rsh_lexicon_load_default    (const char  *language,
                                             GError     **error);
RshLexicon     *rsh_lexicon_ref             (RshLexicon  *self);
void            rsh_lexicon_unref           (RshLexicon  *self);
const char     *rsh_lexicon_get_language    (RshLexicon  *self);
const GPtrArray *rsh_lexicon_get_cues       (RshLexicon  *self);
gboolean        rsh_lexicon_is_hedge        (RshLexicon  *self,
                                             const char  *word);
gboolean        rsh_lexicon_is_negation     (RshLexicon  *self,
                                             const char  *word);
gboolean        rsh_lexicon_is_stopword     (RshLexicon  *self,
                                             const char  *word);
RshActorKind    rsh_lexicon_guess_kind      (RshLexicon  *self,
                                             const char  *name);
char           *rsh_lexicon_normalize_name  (RshLexicon  *self,
                                             const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshLexicon, rsh_lexicon_unref)

G_END_DECLS
