/* rsh-error.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rsh-error.h"

G_DEFINE_QUARK (rsh-error-quark, rsh_error)
