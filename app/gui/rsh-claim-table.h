/* rsh-claim-table.h: claims down, sources across, each source's stance in the cells
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <rashomon.h>

G_BEGIN_DECLS

#define RSH_TYPE_CLAIM_TABLE (rsh_claim_table_get_type ())
G_DECLARE_FINAL_TYPE (RshClaimTable, rsh_claim_table, RSH, CLAIM_TABLE, GtkWidget)

GtkWidget     *rsh_claim_table_new                (void);
RshComparison *rsh_claim_table_get_comparison     (RshClaimTable *self);
void           rsh_claim_table_set_comparison     (RshClaimTable *self,
                                                   RshComparison *comparison);
GListModel    *rsh_claim_table_get_model          (RshClaimTable *self);
GtkColumnView *rsh_claim_table_get_column_view    (RshClaimTable *self);
void           rsh_claim_table_sort_by_wording    (RshClaimTable *self);
void           rsh_claim_table_sort_by_sources    (RshClaimTable *self);
guint          rsh_claim_table_count_sources      (RshClaimTable *self,
                                                   RshClaim      *claim);
RshClaim      *rsh_claim_table_cell_get_claim     (GtkWidget     *cell);
const char    *rsh_claim_table_cell_get_source_id (GtkWidget     *cell);
gboolean       rsh_claim_table_activate_cell      (GtkWidget     *cell);

G_END_DECLS
