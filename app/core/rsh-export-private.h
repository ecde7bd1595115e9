/* rsh-export-private.h: what the export writers share
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rashomon.h"

G_BEGIN_DECLS

/* Spreadsheets refuse cells over 32767 characters (bytes for some readers); longer text is
 * cut at a character boundary with an ellipsis. */
#define RSH_EXPORT_MAX_CELL_CHARS 8000

/* One export in progress: the comparison, the claims chosen for it, and the progress hook. */
typedef struct
{
  /* borrowed */
  RshComparison         *comparison;
  GCancellable          *cancellable;
  RshExportProgressFunc  progress;
  gpointer               progress_data;

  /* owned */
  GPtrArray             *claims;      /* (element-type RshClaim) in export order */
  GPtrArray             *sources;     /* (element-type RshSource) in comparison order */
  GPtrArray             *timeline;    /* (element-type RshTimelineEvent) borrowed, in time order */
  GPtrArray             *mentions;    /* (element-type RshMention) of the exported claims */
  GPtrArray             *mention_claims; /* (element-type RshClaim) the claim of each mention */
  char                  *title;
  double                 last_fraction;
} RshExport;

RshExport  *rsh_export_new                 (RshComparison           *comparison,
                                            const RshExportOptions  *options,
                                            RshExportProgressFunc    progress,
                                            gpointer                 progress_data,
                                            GCancellable            *cancellable,
                                            GError                 **error);
void        rsh_export_free                (RshExport               *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshExport, rsh_export_free)

gboolean    rsh_export_step                (RshExport               *self,
                                            double                   fraction,
                                            GError                 **error);
guint       rsh_export_n_sources           (RshExport               *self);
RshSource  *rsh_export_get_source          (RshExport               *self,
                                            guint                    position);
const char *rsh_export_source_id           (RshExport               *self,
                                            guint                    position);
const char *rsh_export_source_name         (RshSource               *source);
char       *rsh_export_source_date         (RshSource               *source);
char       *rsh_export_source_label        (RshExport               *self,
                                            guint                    position);
char       *rsh_export_position_text       (RshClaim                *claim,
                                            const char              *source_id,
                                            RshStance               *stance);
RshMention *rsh_export_find_mention        (RshClaim                *claim,
                                            const char              *source_id);
const char *rsh_export_actor_name          (RshExport               *self,
                                            const char              *actor_id);
char       *rsh_export_mention_time        (RshExport               *self,
                                            RshClaim                *claim,
                                            RshMention              *mention);
guint       rsh_export_event_day           (const RshTimelineEvent  *event);
/* In rsh-export-md.c: what a timeline event talks about, for the "About" columns. */
char       *rsh_export_about_label         (const RshTimelineEvent  *event);
char       *rsh_export_day_label           (guint                    day);
const char *rsh_export_stance_color        (RshStance                stance);
guint32     rsh_export_stance_rgb          (RshStance                stance);
guint32     rsh_export_stance_mark_rgb     (RshStance                stance);

/* Text hygiene: ONE implementation each, used by every writer. */
gboolean    rsh_export_is_formula          (const char              *value);
char       *rsh_export_neutralize          (const char              *value);
char       *rsh_export_clip                (const char              *value,
                                            gsize                    max_chars);
void        rsh_export_append_csv_cell     (GString                 *out,
                                            const char              *value);
void        rsh_export_append_xml          (GString                 *out,
                                            const char              *text);
char       *rsh_export_xml_escape          (const char              *text);

gboolean    rsh_export_write_all           (GOutputStream           *stream,
                                            const void              *data,
                                            gsize                    size,
                                            GCancellable            *cancellable,
                                            GError                 **error);

/* The writers, one per file. */
gboolean    rsh_export_write_xlsx          (RshExport               *self,
                                            GOutputStream           *stream,
                                            GError                 **error);
gboolean    rsh_export_write_ods           (RshExport               *self,
                                            GOutputStream           *stream,
                                            GError                 **error);
gboolean    rsh_export_write_html          (RshExport               *self,
                                            GOutputStream           *stream,
                                            GError                 **error);
gboolean    rsh_export_write_pdf           (RshExport               *self,
                                            GOutputStream           *stream,
                                            GError                 **error);
gboolean    rsh_export_write_md            (RshExport               *self,
                                            GOutputStream           *stream,
                                            GError                 **error);

G_END_DECLS
