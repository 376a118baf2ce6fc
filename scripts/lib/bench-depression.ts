import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileDetector } from '../../lib/nlp/detector';
import { mapBounded } from '../../lib/bounded-work';
import type { Pack } from '../../lib/pack/pack';
import { blocksFromText, type PageBlock } from '../../lib/judge/page-context';
import { SHARED } from './corpus';
import { readPages, readSentences } from './eval-data';

/**
 * The benchmark on text about depression, where almost every sentence is a
 * candidate: the real corpus sentences and page excerpts of ../shared/eval,
 * read where they lie, joined to 100 KB and 1 MB of blocks. Reports the
 * time per size, the slowest single sentence, and the longest run of work
 * on one background message (a batch of 60 sentences, as the content
 * script sends them).
 */
export async function benchDepression(pack: Pack): Promise<void> {
  const evalDir = join(SHARED, 'eval');
  if (!existsSync(evalDir)) {
    console.log(`\ndepression text: skipped, ${evalDir} is not on this machine`);
    return;
  }
  const sentences = [
    ...readSentences(join(evalDir, 'train')),
    ...readSentences(join(evalDir, 'dev-sentences.jsonl')),
  ].map((r) => r.text);
  const pages = readPages(join(evalDir, 'pages-depression')).flatMap(
    (p) => blocksFromText(p.text).blocks,
  );
  const source: PageBlock[] = [...sentences.map((text) => ({ text })), ...pages];
  console.log(
    `\ndepression text: ${sentences.length} real sentences and ${pages.length} page blocks, cycled`,
  );
  const slowest = slowestSentence(pack, sentences);
  console.log('size      blocks  detector ms  KB/s   asserted');
  for (const size of [100_000, 1_000_000]) {
    const blocks = take(source, size);
    const runs = Array.from({ length: 2 }, () => {
      const detector = compileDetector(pack);
      const start = performance.now();
      const found = detector.scanPage(blocks).filter((f) => f.stance === 'asserts').length;
      return { ms: performance.now() - start, found };
    });
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    console.log(
      [
        (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`).padEnd(9),
        String(blocks.length).padStart(6),
        best.ms.toFixed(0).padStart(12),
        (size / 1e3 / (best.ms / 1000)).toFixed(0).padStart(6),
        String(best.found).padStart(10),
      ].join(' '),
    );
  }
  console.log(
    `slowest sentence: ${slowest.cold.toFixed(1)} ms on a first pass, ${slowest.warm.toFixed(1)} ms on a second (fresh detectors, nothing cached)`,
  );
  const batch = await longestBatch(pack, sentences);
  console.log(
    `batches of 60 sentences (one background message each): longest ${batch.total.toFixed(1)} ms in all, longest run without a turn for other messages ${batch.run.toFixed(1)} ms`,
  );
}

function take(source: readonly PageBlock[], size: number): PageBlock[] {
  const out: PageBlock[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const b = source[i % source.length]!;
    out.push(b);
    total += b.text.length;
  }
  return out;
}

/**
 * The slowest single sentence, each read once by a fresh detector the way the
 * extension reads it: the prefilter's candidate patterns, then the judge.
 * Two passes, each with a new detector (so nothing is cached): the first
 * includes compilation and garbage-collection pauses, the second is the
 * steady state of a background that has already read a page.
 */
function slowestSentence(pack: Pack, sentences: readonly string[]): { cold: number; warm: number } {
  const pass = () => {
    const detector = compileDetector(pack);
    detector.scan('Depression is just laziness.');
    let worst = 0;
    for (const s of sentences) {
      const start = performance.now();
      detector.scan(s);
      worst = Math.max(worst, performance.now() - start);
    }
    return worst;
  };
  const cold = pass();
  return { cold, warm: pass() };
}

/**
 * Each batch of 60 sentences handled as the background handles a message
 * (`mapBounded`, which gives other messages a turn between slices): the
 * longest batch in all, and the longest run of work between two turns.
 */
async function longestBatch(
  pack: Pack,
  sentences: readonly string[],
): Promise<{ total: number; run: number }> {
  const detector = compileDetector(pack);
  let total = 0;
  let run = 0;
  for (let i = 0; i < sentences.length; i += 60) {
    const start = performance.now();
    let runStart = start;
    await mapBounded(
      sentences.slice(i, i + 60),
      (s) => detector.scan(s),
      () => [],
      {
        yieldTurn: async () => {
          run = Math.max(run, performance.now() - runStart);
          await new Promise((resolve) => setTimeout(resolve, 0));
          runStart = performance.now();
        },
      },
    );
    const end = performance.now();
    run = Math.max(run, end - runStart);
    total = Math.max(total, end - start);
  }
  return { total, run };
}
