/* rsh-comparison.h
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined (RSH_INSIDE) && !defined (RSH_COMPILATION)
# error "Only <rashomon.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rsh-types.h"

G_BEGIN_DECLS

typedef enum
{
  RSH_EXPORT_JSON,
  RSH_EXPORT_CSV,
  RSH_EXPORT_XLSX,
  RSH_EXPORT_ODS,
  RSH_EXPORT_HTML,
  RSH_EXPORT_PDF,
  RSH_EXPORT_MARKDOWN,
  RSH_EXPORT_MENTIONS_CSV,
} RshExportFormat;

/**
 * RshExportOptions:
 * @claim_ids: (nullable) (array zero-terminated=1): the claims to export, in this order;
 *   %NULL exports every claim (a GUI passes its filtered, non-hidden claims here)
 * @title: (nullable): the heading of HTML, PDF and Markdown exports; %NULL derives one
 *
 * What an export includes. Sources, mentions of the exported claims and timeline events
 * of the exported claims are always included.
 */
typedef struct
{
  char **claim_ids;
  char  *title;
} RshExportOptions;

/**
 * RshExportProgressFunc:
 * @fraction: how much is written, 0 to 1
 * @user_data: the data given with the function
 *
 * Reports the progress of an export; called on the thread that writes.
 */
typedef void (*RshExportProgressFunc) (double   fraction,
                                       gpointer user_data);

#define RSH_TYPE_EXPORT_OPTIONS (rsh_export_options_get_type ())
GType             rsh_export_options_get_type (void);
RshExportOptions *rsh_export_options_new      (void);
RshExportOptions *rsh_export_options_copy     (const RshExportOptions *options);
void              rsh_export_options_free     (RshExportOptions       *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RshExportOptions, rsh_export_options_free)

/**
 * RshTimeCertainty:
 * @RSH_TIME_CERTAINTY_UNKNOWN: nothing bounds the statement in time
 * @RSH_TIME_CERTAINTY_STATED: the statement's own time expression, resolved against a known
 *   date ("said Tuesday")
 * @RSH_TIME_CERTAINTY_PUBLISHED: no expression of its own: its source's publication date
 * @RSH_TIME_CERTAINTY_INFERRED: its source has no date: an interval inferred from the dates
 *   the source names and from the dated sources it cites or that cite it
 *
 * How a timeline event's statement time was found.
 */
typedef enum
{
  RSH_TIME_CERTAINTY_UNKNOWN,
  RSH_TIME_CERTAINTY_STATED,
  RSH_TIME_CERTAINTY_PUBLISHED,
  RSH_TIME_CERTAINTY_INFERRED,
} RshTimeCertainty;

/**
 * RshTimelineEvent:
 * @earliest: (nullable): when the statement was made, at the earliest
 * @latest: (nullable): when the statement was made, at the latest
 * @label: a short text: who did what to which claim
 * @certainty: how @earliest and @latest were found
 * @start: first code point of the statement's content in its source's text
 * @end: end of that content, exclusive
 * @about_text: (nullable): the time expression inside the content that dates what the
 *   statement talks about ("in 2014" in "said the leak began in 2014")
 * @about_earliest: (nullable): when that happened, at the earliest
 * @about_latest: (nullable): when that happened, at the latest
 *
 * One attributed statement placed in time. Dates are ISO 8601, possibly partial
 * ("2017-09", "2017"), or %NULL where unknown. The statement time (@earliest, @latest) and
 * the time of what it talks about (@about_earliest, @about_latest) are kept apart: "The
 * agency said on Tuesday that the leak began in 2014" was said on Tuesday about 2014.
 */
typedef struct
{
  char      *claim_id;
  char      *actor_id;
  char      *source_id;
  RshStance  stance;
  char      *earliest;
  char      *latest;
  char      *label;
  RshTimeCertainty certainty;
  guint      start;
  guint      end;
  char      *about_text;
  char      *about_earliest;
  char      *about_latest;
} RshTimelineEvent;

#define RSH_TYPE_TIMELINE_EVENT (rsh_timeline_event_get_type ())
GType             rsh_timeline_event_get_type (void);
const char       *rsh_time_certainty_to_string (RshTimeCertainty        certainty);
int               rsh_timeline_event_compare  (const RshTimelineEvent *a,
                                               const RshTimelineEvent *b);
RshTimelineEvent *rsh_timeline_event_copy     (const RshTimelineEvent *event);
void              rsh_timeline_event_free     (RshTimelineEvent       *event);

#define RSH_TYPE_COMPARISON (rsh_comparison_get_type ())
G_DECLARE_FINAL_TYPE (RshComparison, rsh_comparison, RSH, COMPARISON, GObject)

RshComparison   *rsh_comparison_analyze         (GListModel           *sources,
                                                 const char * const   *tracked_claims,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             rsh_comparison_analyze_async   (GListModel           *sources,
                                                 const char * const   *tracked_claims,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
RshComparison   *rsh_comparison_analyze_finish  (GAsyncResult         *result,
                                                 GError              **error);
GListModel      *rsh_comparison_get_sources     (RshComparison        *self);
const char      *rsh_comparison_get_source_id   (RshComparison        *self,
                                                 guint                 position);
GListModel      *rsh_comparison_get_actors      (RshComparison        *self);
GListModel      *rsh_comparison_get_claims      (RshComparison        *self);
GListModel      *rsh_comparison_get_mentions    (RshComparison        *self);
const GPtrArray *rsh_comparison_get_timeline    (RshComparison        *self);
RshActor        *rsh_comparison_lookup_outlet_actor (RshComparison     *self,
                                                     const char        *source_id);
RshActor        *rsh_comparison_lookup_actor    (RshComparison        *self,
                                                 const char           *actor_id);
const char      *rsh_comparison_get_duplicate_of (RshComparison       *self,
                                                 guint                 position);
guint            rsh_comparison_count_independent (RshComparison     *self,
                                                 RshClaim             *claim);
GListModel      *rsh_comparison_get_hidden_claims (RshComparison     *self);
GListModel      *rsh_comparison_get_corrections (RshComparison        *self);
gboolean         rsh_comparison_get_corrected   (RshComparison        *self,
                                                 gpointer              object);
RshClaim        *rsh_comparison_lookup_claim    (RshComparison        *self,
                                                 const char           *claim_id,
                                                 gboolean             *hidden);
RshMention      *rsh_comparison_lookup_mention  (RshComparison        *self,
                                                 const char           *mention_id);

gboolean         rsh_export_format_from_string  (const char           *name,
                                                 RshExportFormat      *format);
gboolean         rsh_comparison_write           (RshComparison        *self,
                                                 RshExportFormat       format,
                                                 GOutputStream        *stream,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
char            *rsh_comparison_to_json         (RshComparison        *self);
const char      *rsh_export_format_to_string    (RshExportFormat       format);
const char      *rsh_export_format_get_extension
                                                (RshExportFormat       format);
gboolean         rsh_export_format_is_binary    (RshExportFormat       format);
gboolean         rsh_comparison_write_full      (RshComparison        *self,
                                                 RshExportFormat       format,
                                                 const RshExportOptions *options,
                                                 GOutputStream        *stream,
                                                 RshExportProgressFunc progress,
                                                 gpointer              progress_data,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             rsh_comparison_export_async    (RshComparison        *self,
                                                 RshExportFormat       format,
                                                 const RshExportOptions *options,
                                                 GFile                *file,
                                                 RshExportProgressFunc progress,
                                                 gpointer              progress_data,
                                                 GDestroyNotify        progress_destroy,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean         rsh_comparison_export_finish   (RshComparison        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
