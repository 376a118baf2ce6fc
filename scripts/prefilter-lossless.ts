/**
 * `npm run check:lossless`: proves on the shared material that the prefilter
 * loses nothing: every sentence of ../shared/eval/dev-sentences.jsonl and
 * every page in ../shared/pages gives the same findings with the prefilter as
 * with every sentence sent through compromise. Says so plainly when
 * ../shared is absent (a user's clone); the unit tests cover the fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDetector } from '../lib/nlp/detector';
import { SHARED, realPages } from './lib/corpus';
import { packFromDisk } from './lib/pack-from-disk';

if (!existsSync(SHARED)) {
  console.log(`check:lossless: ${SHARED} is not here; nothing to check beyond the unit tests`);
  process.exit(0);
}
const pack = packFromDisk();
const fast = compileDetector(pack);
const full = compileDetector(pack, { skipPrefilter: true });
const evalFile = join(SHARED, 'eval', 'dev-sentences.jsonl');
const sentences = readFileSync(evalFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const texts = [...sentences, ...realPages().pages.flatMap((p) => p.blocks)];
let differences = 0;
for (const text of texts) {
  const a = JSON.stringify(fast.scan(text));
  const b = JSON.stringify(full.scan(text));
  if (a !== b) {
    differences++;
    console.error(`DIFFERS: ${text.slice(0, 160)}\n  prefilter: ${a}\n  full:      ${b}`);
  }
}
console.log(
  `check:lossless: ${texts.length} texts (${sentences.length} eval sentences + page blocks), ${differences} differences`,
);
process.exit(differences === 0 ? 0 : 1);
