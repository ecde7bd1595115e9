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
} RshExportFormat;

/**
 * RshTimelineEvent:
 *
 * One attributed statement placed in time. @earliest and @latest are ISO 8601 dates,
 * possibly partial, or %NULL where unknown.
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
} RshTimelineEvent;

#define RSH_TYPE_TIMELINE_EVENT (rsh_timeline_event_get_type ())
GType             rsh_timeline_event_get_type (void);
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
RshActor        *rsh_comparison_lookup_actor    (RshComparison        *self,
                                                 const char           *actor_id);

gboolean         rsh_export_format_from_string  (const char           *name,
                                                 RshExportFormat      *format);
gboolean         rsh_comparison_write           (RshComparison        *self,
                                                 RshExportFormat       format,
                                                 GOutputStream        *stream,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
char            *rsh_comparison_to_json         (RshComparison        *self);

G_END_DECLS
