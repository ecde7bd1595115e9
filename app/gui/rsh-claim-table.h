/* rsh-claim-table.h: claims down, sources across, each source's stance in the cells
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

/**
 * RshClaimMatchFunc:
 * @claim: a claim of the table
 * @words: (array zero-terminated=1): the searched words, folded by rsh_claim_table_fold_text()
 * @user_data: the data given with the function
 *
 * Decides whether @claim matches a search: every word must be found.
 *
 * Returns: %TRUE if @claim is to be shown
 */
typedef gboolean (*RshClaimMatchFunc) (RshClaim           *claim,
                                       const char * const *words,
                                       gpointer            user_data);

/**
 * RshClaimSearchFunc:
 * @text: the search as typed
 * @cancellable: cancelled when the answer is no longer wanted
 * @callback: to call with the answer, which is given to #RshClaimSearchFinishFunc
 * @callback_data: data for @callback
 * @user_data: the data given with the function
 *
 * Starts looking up the claims that match @text, such as in a full-text index.
 */
typedef void (*RshClaimSearchFunc) (const char          *text,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             callback_data,
                                    gpointer             user_data);

/**
 * RshClaimSearchFinishFunc:
 * @result: the result given to the callback of #RshClaimSearchFunc
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids of the matching claims, or %NULL on error
 */
typedef GStrv (*RshClaimSearchFinishFunc) (GAsyncResult  *result,
                                           gpointer       user_data,
                                           GError       **error);

#define RSH_TYPE_CLAIM_TABLE (rsh_claim_table_get_type ())
G_DECLARE_FINAL_TYPE (RshClaimTable, rsh_claim_table, RSH, CLAIM_TABLE, GtkWidget)

GtkWidget     *rsh_claim_table_new                (void);
RshComparison *rsh_claim_table_get_comparison     (RshClaimTable *self);
void           rsh_claim_table_set_comparison     (RshClaimTable *self,
                                                   RshComparison *comparison);
void           rsh_claim_table_set_claims         (RshClaimTable *self,
                                                   GListModel    *sources,
                                                   GListModel    *claims);
GListModel    *rsh_claim_table_get_model          (RshClaimTable *self);
GtkColumnView *rsh_claim_table_get_column_view    (RshClaimTable *self);
void           rsh_claim_table_sort_by_wording    (RshClaimTable *self);
void           rsh_claim_table_sort_by_sources    (RshClaimTable *self);
guint          rsh_claim_table_count_sources      (RshClaimTable *self,
                                                   RshClaim      *claim);
RshClaim      *rsh_claim_table_cell_get_claim     (GtkWidget     *cell);
const char    *rsh_claim_table_cell_get_source_id (GtkWidget     *cell);
gboolean       rsh_claim_table_activate_cell      (GtkWidget     *cell);

void           rsh_claim_table_start_search       (RshClaimTable *self);
const char    *rsh_claim_table_get_search         (RshClaimTable *self);
void           rsh_claim_table_set_search         (RshClaimTable *self,
                                                   const char    *text);
gboolean       rsh_claim_table_get_filtering      (RshClaimTable *self);
const char    *rsh_claim_table_get_count_text     (RshClaimTable *self);
gboolean       rsh_claim_table_get_no_matches     (RshClaimTable *self);
void           rsh_claim_table_set_match_func     (RshClaimTable    *self,
                                                   RshClaimMatchFunc func,
                                                   gpointer          user_data,
                                                   GDestroyNotify    destroy);
void           rsh_claim_table_set_search_func    (RshClaimTable            *self,
                                                   RshClaimSearchFunc        func,
                                                   RshClaimSearchFinishFunc  finish,
                                                   gpointer                  user_data,
                                                   GDestroyNotify            destroy);
char          *rsh_claim_table_fold_text          (const char    *text);
gboolean       rsh_claim_table_select_claim       (RshClaimTable *self,
                                                   RshClaim      *claim);
RshClaim      *rsh_claim_table_get_selected_claim (RshClaimTable *self);
GPtrArray     *rsh_claim_table_get_selected_claims (RshClaimTable *self);
guint          rsh_claim_table_select_claims      (RshClaimTable *self,
                                                   GPtrArray     *claims);
GActionGroup  *rsh_claim_table_get_action_group   (RshClaimTable *self);
gboolean       rsh_claim_table_get_show_hidden    (RshClaimTable *self);
void           rsh_claim_table_set_show_hidden    (RshClaimTable *self,
                                                   gboolean       show_hidden);
GtkWidget     *rsh_claim_table_popup_menu         (RshClaimTable *self,
                                                   GtkWidget     *cell);

G_END_DECLS
