#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Rashomon contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Count test results in meson's testlog.json files and print `N passed, N failed, N skipped`.

TAP tests count one result per `ok`/`not ok` line; a TAP test that crashed or timed out
counts one more failure. Other tests (validators) count as one result each.
Exit status is 1 when anything failed or a log is missing."""

import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^1\.\.\d+', re.MULTILINE)


def count(path):
    passed = failed = skipped = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            entry = json.loads(line)
            result = entry.get('result', '')
            stdout = entry.get('stdout') or ''
            # meson's log doesn't record the protocol: a TAP plan line tells.
            if TAP_PLAN.search(stdout):
                entry_failed = 0
                for tap in stdout.splitlines():
                    m = TAP_LINE.match(tap.strip())
                    if not m:
                        continue
                    rest = m.group(2)
                    if '# SKIP' in rest.upper():
                        skipped += 1
                    elif m.group(1) == 'ok' or '# TODO' in rest.upper():
                        passed += 1
                    else:
                        entry_failed += 1
                # A crash or timeout after the last TAP line is a failure of its own.
                if result in ('TIMEOUT', 'ERROR') or (result == 'FAIL' and entry_failed == 0):
                    entry_failed += 1
                failed += entry_failed
            elif result == 'SKIP':
                skipped += 1
            elif result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            else:
                failed += 1
    return passed, failed, skipped


def main():
    total = [0, 0, 0]
    ok = True
    for path in sys.argv[1:]:
        try:
            for i, n in enumerate(count(path)):
                total[i] += n
        except OSError as e:
            print(f'tap-summary: {e}', file=sys.stderr)
            total[1] += 1
            ok = False
    passed, failed, skipped = total
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 0 if ok and failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
