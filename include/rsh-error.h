/* rsh-error.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define RSH_ERROR (rsh_error_quark ())

/**
 * RshError:
 * @RSH_ERROR_NOT_FOUND: the file or resource does not exist
 * @RSH_ERROR_NOT_ARTICLE: the input is not something an article can be read from
 *   (a directory, a binary blob, an empty file)
 * @RSH_ERROR_ENCODING: the text could not be decoded
 * @RSH_ERROR_TOO_LARGE: the input exceeds the size limit
 * @RSH_ERROR_FETCH: a link could not be fetched
 * @RSH_ERROR_STORE_CORRUPT: the project file is not a Rashomon project or is damaged
 * @RSH_ERROR_STORE_TOO_NEW: the project file was written by a newer Rashomon
 * @RSH_ERROR_STORE: any other failure of the project file
 * @RSH_ERROR_LEXICON: a lexicon file is malformed
 * @RSH_ERROR_INVALID: an argument from the user is malformed (a date, a format)
 */
typedef enum
{
  RSH_ERROR_NOT_FOUND,
  RSH_ERROR_NOT_ARTICLE,
  RSH_ERROR_ENCODING,
  RSH_ERROR_TOO_LARGE,
  RSH_ERROR_FETCH,
  RSH_ERROR_STORE_CORRUPT,
  RSH_ERROR_STORE_TOO_NEW,
  RSH_ERROR_STORE,
  RSH_ERROR_LEXICON,
  RSH_ERROR_INVALID,
} RshError;

GQuark rsh_error_quark (void);

G_END_DECLS
