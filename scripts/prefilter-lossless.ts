/**
 * `npm run check:lossless`: proves on the shared material that the prefilter
 * loses nothing: every sentence of ../shared/eval/dev-sentences.jsonl and
 * every page in ../shared/pages gives the same findings with the prefilter as
 * with every sentence sent through compromise. Then that the pre-reach
 * (lib/nlp/pre-reach.ts, which both of those paths share) never rules out a
 * pattern that the reach test on compromise's terms admits: every sentence of
 * the labelled corpus and the depression pages, as written and with its
 * negations stripped, against every pattern. Says so plainly when ../shared
 * is absent (a user's clone); the unit tests cover the fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDetector } from '../lib/nlp/detector';
import { parsePattern } from '../lib/nlp/pattern-anchors';
import { tokens } from '../lib/nlp/parse';
import { mayMatch } from '../lib/nlp/pattern-reach';
import { chunkView, mayReach } from '../lib/nlp/pre-reach';
import { stripNegations } from '../lib/nlp/negation';
import { compileStance } from '../lib/nlp/stance';
import { splitSentences } from '../lib/text/sentences';
import { blocksFromText } from '../lib/judge/page-context';
import { readPages, readSentences } from './lib/eval-data';
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

const patterns = pack.myths.flatMap((m) =>
  m.patterns.map((source) => ({ source, regs: parsePattern(source) })),
);
const negation = compileStance(pack.stance).negation;
const evalDir = join(SHARED, 'eval');
const depression = [
  ...readSentences(join(evalDir, 'train')).flatMap((r) => [r.text, r.context]),
  ...sentences,
  ...readPages(join(evalDir, 'pages-depression')).flatMap((p) =>
    blocksFromText(p.text).blocks.map((b) => b.text),
  ),
].filter((t) => t.trim() !== '');
let pairs = 0;
let lost = 0;
for (const text of depression) {
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    const stripped = stripNegations(sentence, negation);
    for (const variant of stripped ? [sentence, stripped.text] : [sentence]) {
      const view = chunkView(variant);
      let doc: ReturnType<typeof tokens> | undefined;
      for (const p of patterns) {
        if (mayReach(view, p.regs)) continue;
        pairs++;
        doc ??= tokens(variant);
        if (mayMatch(doc, p.regs, true)) {
          lost++;
          console.error(`PRE-REACH LOSES: ${p.source} | ${variant.slice(0, 160)}`);
        }
      }
    }
  }
}
console.log(
  `check:lossless: pre-reach ruled out ${pairs} (sentence, pattern) pairs in ${depression.length} texts about depression, ${lost} that the reach test admits`,
);
process.exit(differences === 0 && lost === 0 ? 0 : 1);
