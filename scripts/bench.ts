/**
 * `npm run bench`: detector speed against a naive baseline (compromise over
 * the whole text with the same patterns), on real page text of 10 KB to
 * 10 MB, plus compile time, peak memory, compiled size and the popup lookup. Figures go into
 * BENCHMARKS.md by hand, with the machine and date.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import { compileDetector } from '../lib/nlp/detector';
import { precompilePack, serializePrecompiled } from '../lib/pack/precompiled';
import { benchDepression } from './lib/bench-depression';
import { benchLookup } from './lib/bench-lookup';
import { realPages } from './lib/corpus';
import { packFromDisk } from './lib/pack-from-disk';

const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];
/** The baseline is skipped past this size: 10 MB through compromise would take minutes. */
const BASELINE_LIMIT = 1_000_000;

const pack = packFromDisk();
const { source, pages } = realPages();
const allBlocks = pages.flatMap((p) => p.blocks);

console.log(
  `Myth Lens benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}`,
);
console.log(`text from ${pages.length} real pages in ${source}\n`);

// Compiling the pack: what a cold service worker pays, measured in fresh
// processes (in this one, compromise and the parse caches are already warm).
const built = time(() => serializePrecompiled(precompilePack(pack)));
const dataFile = join(mkdtempSync(join(tmpdir(), 'myth-lens-bench-')), 'precompiled.json');
writeFileSync(dataFile, built.value);
const coldWith = coldCompile(dataFile);
const coldWithout = coldCompile(null);
const compileTimes = Array.from({ length: 5 }, () => time(() => compileDetector(pack)).ms);
const compiled = compileDetector(pack);
console.log(
  `build-time NLP work on the pack: ${built.ms.toFixed(1)} ms, ${(built.value.length / 1024).toFixed(1)} KB embedded`,
);
console.log(
  `compile pack, fresh process: ${coldWith.toFixed(1)} ms with the build's data (as the extension does), ${coldWithout.toFixed(1)} ms without`,
);
console.log(
  `compile pack again (new settings): ${Math.min(...compileTimes).toFixed(1)} ms (best of 5), ${compiled.patternCount} patterns`,
);
console.log(
  `compiled prefilter: ${(JSON.stringify(compiled.prefilter).length / 1024).toFixed(1)} KB JSON\n`,
);

// Warm up compromise and the JIT so the first size is not charged for start-up.
compileDetector(pack).scan(
  'Depression is just laziness. Running cures depression. Serotonin is low.',
);

console.log('size      blocks  detector ms  MB/s    baseline ms  ratio   asserted  peak heap MB');
const results: Record<number, number> = {};
for (const size of SIZES) {
  const blocks = takeBlocks(size);
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let asserted = 0;
  // Best of three, each with a fresh detector so no sentence cache carries over.
  const runs = Array.from({ length: 3 }, () => {
    const detector = compileDetector(pack);
    asserted = 0;
    return time(() => {
      blocks.forEach((b, i) => {
        asserted += detector.scan(b).filter((f) => f.stance === 'asserts').length;
        if (i % 512 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      });
    });
  });
  const run = { ms: Math.min(...runs.map((r) => r.ms)) };
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  results[size] = run.ms;
  const base = size <= BASELINE_LIMIT ? time(() => naive(blocks.join('\n\n'))).ms : NaN;
  console.log(
    [
      label(size).padEnd(9),
      String(blocks.length).padStart(6),
      run.ms.toFixed(1).padStart(12),
      (size / 1e6 / (run.ms / 1000)).toFixed(1).padStart(6),
      (Number.isNaN(base) ? 'skipped' : base.toFixed(0)).padStart(13),
      (Number.isNaN(base) ? '-' : `${(base / run.ms).toFixed(0)}x`).padStart(7),
      String(asserted).padStart(9),
      ((peak - before) / 1e6).toFixed(1).padStart(13),
    ].join(' '),
  );
}
const r1 = results[1_000_000]!;
const r10 = results[10_000_000]!;
console.log(`\n10 MB / 1 MB time: ${(r10 / r1).toFixed(1)}x (linear is 10x)`);
await benchDepression(pack);
benchLookup(pack, allBlocks.join('\n'));

// Text built to be slow: half a megabyte without a single space.
for (const unit of ['depressionislaziness', 'a\u200b', '😀', 'x.']) {
  const text = unit.repeat(Math.ceil(500_000 / unit.length));
  const { ms } = time(() => compiled.scan(text));
  console.log(`half a megabyte of ${JSON.stringify(unit)} without a space: ${ms.toFixed(0)} ms`);
}

/** Consecutive real blocks (cycling through the pages) until `size` characters. */
function takeBlocks(size: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    let block = allBlocks[i % allBlocks.length]!;
    if (total + block.length > size) block = block.slice(0, size - total);
    out.push(block);
    total += block.length;
  }
  return out;
}

/** The naive approach: parse everything with compromise and run every pattern. */
function naive(text: string): number {
  const doc = nlp(text);
  let found = 0;
  for (const myth of pack.myths) for (const p of myth.patterns) found += doc.match(p).length;
  return found;
}

/** Milliseconds for the first compile in a fresh node process, with or without the build's data. */
function coldCompile(data: string | null): number {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'lib', 'cold-compile.ts'),
      ...(data ? [data] : []),
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function label(n: number): string {
  return n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`;
}
