import { describe, expect, it } from 'vitest';
import { createLookup, MAX_QUERY_CHARS } from '../../lib/lookup';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { QUERIES } from '../fixtures/lookup-queries';
import { fixturePageBlocks } from '../helpers/pages';
import { minimalPack } from '../helpers/minimal-pack';

/**
 * How fast the popup's lookup answers, in wall time. These are the only
 * timing limits outside the browsers, so they run with the e2e files
 * (tests/e2e/vitest.e2e.config.ts), one file at a time, and not in the
 * parallel unit run, where a busy machine would fail them with nothing wrong.
 */

describe('lookup on the minimal pack', () => {
  it('answers a paste three times the cap within a second', () => {
    const lookup = createLookup(minimalPack());
    lookup('warm up: Running cures depression.');
    const huge = 'x'.repeat(MAX_QUERY_CHARS * 3);
    const started = performance.now();
    expect(lookup(huge)).toEqual({ kind: 'none' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('lookup on the real pack', () => {
  const pack = bundledPack();
  const all = Object.values(QUERIES).flat();

  it('stays well under a frame for typed text, and bounded for a huge paste', () => {
    // A fresh lookup, so no answer comes from the detector's sentence cache.
    const fresh = createLookup(pack);
    fresh('warm up: compromise compiles its lexicon on first use.');
    const times = all.map(([q]) => {
      const started = performance.now();
      fresh(q);
      return performance.now() - started;
    });
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`lookup time: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(median).toBeLessThan(16);

    // Real page text, as if a whole article were pasted, cut at the cap.
    const pages = fixturePageBlocks()
      .flatMap((p) => p.blocks)
      .join('\n');
    const paste = `${pages.slice(0, MAX_QUERY_CHARS - 200)}\nDepression is just laziness.`;
    const started = performance.now();
    expect(fresh(paste)).toMatchObject({ kind: 'results' });
    const took = performance.now() - started;
    console.log(`${Math.round(paste.length / 1000)} KB paste: ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(2000);
  });
});
