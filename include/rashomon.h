/* rashomon.h: the Rashomon engine
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define RSH_INSIDE
# include "rsh-types.h"
# include "rsh-error.h"
# include "rsh-actor.h"
# include "rsh-actors.h"
# include "rsh-attribution.h"
# include "rsh-claim.h"
# include "rsh-comparison.h"
# include "rsh-fetcher.h"
# include "rsh-correction.h"
# include "rsh-lexicon.h"
# include "rsh-mention.h"
# include "rsh-project.h"
# include "rsh-segment.h"
# include "rsh-source.h"
# include "rsh-store.h"
# include "rsh-timex.h"
#undef RSH_INSIDE
