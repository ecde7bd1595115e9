// SPDX-FileCopyrightText: 2026 Rashomon contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs Mozilla Readability.js (on a linkedom DOM) over benchmark pages for
// tests/bench/bench-extract.c. Usage: node run.mjs <html-dir> [passes]. Reads
// "id<TAB>url" lines on stdin, reads <html-dir>/<id>.html.gz, and prints one JSON line per
// page: {"id", "text", "ms"}, where ms is the fastest of `passes` timings of the DOM parse
// and the extraction (reading and gunzipping the file are not timed).

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const htmlDir = process.argv[2];
const passes = Math.max(1, parseInt(process.argv[3] || '1', 10));
const input = readFileSync(0, 'utf8');

for (const line of input.split('\n')) {
  if (!line)
    continue;
  const [id, url] = line.split('\t');
  const html = gunzipSync(readFileSync(join(htmlDir, `${id}.html.gz`))).toString('utf8');
  let text = '';
  let ms = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document).parse();
      text = article && article.textContent ? article.textContent : '';
    } catch (e) {
      text = '';
    }
    ms = Math.min(ms, performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ id, url, text, ms }) + '\n');
}
