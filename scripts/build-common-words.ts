/**
 * `npm run build:common-words`: writes content/language/en/common-words.json, the
 * frequency (per million words) of the 4,000 most common words in real pages
 * about other topics (../shared/pages, else the fixture pages). The
 * prefilter uses it to gate on each pattern's rarest required words, and the
 * pack check refuses a pattern whose every required word is common.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_DIR } from '../lib/pack/pack';
import { realPages } from './lib/corpus';
import { ROOT } from './lib/pack-from-disk';

const counts = new Map<string, number>();
let total = 0;
const { source, pages } = realPages();
for (const page of pages) {
  for (const block of page.blocks) {
    for (const w of block.toLowerCase().match(/[a-z]+/g) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total++;
    }
  }
}
const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4000);
const perMillion = Object.fromEntries(
  top.map(([w, c]) => [w, Math.round((c / total) * 1e6 * 10) / 10]),
);
const out = { source: `word frequencies from ${pages.length} pages (${total} words)`, perMillion };
const file = `${LANGUAGE_DIR}/common-words.json`;
writeFileSync(join(ROOT, file), `${JSON.stringify(out, null, 0)}\n`);
console.log(`${file}: ${top.length} words from ${source}`);
