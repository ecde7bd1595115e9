/* rsh-extract-private.h: decoding and article extraction, engine-internal
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

struct _xmlDoc;

/**
 * RshExtracted:
 * @title: (nullable): the headline
 * @outlet: (nullable): the site or publisher
 * @authors: (array zero-terminated=1): the bylines, never %NULL
 * @published: (nullable): the publication date, as accepted by rsh_extract_check_date()
 * @modified: (nullable): the last modification date, same form; never used as @published
 * @language: (nullable): a primary language subtag such as "en"
 * @url: (nullable): the canonical absolute URL
 * @text: the article body, paragraphs separated by one blank line
 *
 * What the extractor found in one document. Plain data, owned by whoever holds it.
 */
typedef struct
{
  char  *title;
  char  *outlet;
  char **authors;
  char  *published;
  char  *modified;
  char  *language;
  char  *url;
  char  *text;
} RshExtracted;

void          rsh_extracted_free           (RshExtracted  *extracted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshExtracted, rsh_extracted_free)

gboolean      rsh_extract_content_is_html  (const char    *content_type);
gboolean      rsh_extract_sniff_html       (const char    *data,
                                            gsize          len);
char         *rsh_extract_charset_param    (const char    *content_type);
gboolean      rsh_extract_check_binary     (GBytes        *raw,
                                            const char    *name,
                                            GError       **error);
const char   *rsh_extract_decode_temp      (GBytes        *raw,
                                            gboolean       is_html,
                                            const char    *header_charset,
                                            const char    *name,
                                            GError       **error);
gboolean      rsh_extract_check_text       (const char    *text,
                                            const char    *name,
                                            GError       **error);
RshExtracted *rsh_extract_html             (const char    *text,
                                            const char    *base_url);
RshExtracted *rsh_extract_plain            (const char    *text);
RshExtracted *rsh_extract_markdown         (const char    *text);
RshExtracted *rsh_extract_pdf              (GBytes        *raw,
                                            const char    *name,
                                            GError       **error);
gboolean      rsh_extract_sniff_mhtml      (const char    *data,
                                            gsize          len);
GBytes       *rsh_extract_mhtml            (GBytes        *raw,
                                            char         **charset,
                                            char         **location,
                                            const char    *name,
                                            GError       **error);
struct _xmlDoc *rsh_extract_parse_html     (const char    *text,
                                            const char    *base_url);
void          rsh_extract_free_html        (struct _xmlDoc *doc);
const char   *rsh_extract_guess_language   (const char    *text);
char         *rsh_extract_check_date       (const char    *date);
gboolean      rsh_extract_is_crumb         (const char    *line);

/**
 * rsh_utf8_count:
 * @text: valid UTF-8
 * @len: bytes of @text to count, ending on a character boundary
 *
 * g_utf8_strlen (@text, @len) for valid UTF-8, eight bytes at a time: the characters are
 * the bytes that do not continue a sequence (those are 10xxxxxx).
 *
 * Returns: the number of characters in the first @len bytes of @text
 */
static inline gsize
rsh_utf8_count (const char *text,
                gsize       len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize continuing = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 v;

      memcpy (&v, text + i, sizeof v);
      /* One in the low bit of each continuation byte, summed by a multiplication
       * into the top byte (no population count instruction on baseline x86-64). */
      if (v & high)
        continuing += (((v & ~(v << 1) & high) >> 7) *
                       G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; i < len; i++)
    continuing += ((guchar) text[i] & 0xC0) == 0x80;
  return len - continuing;
}

G_END_DECLS
