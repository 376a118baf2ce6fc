import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../lib/nlp/detector';
import { weakPatterns } from '../../lib/build/pack-quality';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { prefilterDifferences } from '../helpers/lossless';
import { everyExample } from '../helpers/examples';
import { fixturePageBlocks } from '../helpers/pages';

/**
 * The real pack checks itself: structure, coverage, sources, and every
 * example sentence against the real detector (as Harper turns each rule's
 * inline sentences into tests).
 */
const pack = packFromDisk();
const detector = compileDetector(pack);
const REQUIRED = [
  'willpower',
  'lifestyle-cure',
  'chemical-imbalance',
  'trauma',
  'just-sadness',
  'mind-only',
];

describe('the content pack', () => {
  it('has at least 24 myths, at least 3 in each required category', () => {
    expect(pack.myths.length).toBeGreaterThanOrEqual(24);
    for (const c of REQUIRED) {
      expect(pack.myths.filter((m) => m.category === c).length, c).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses only known categories and unique ids', () => {
    const ids = new Set(pack.categories.map((c) => c.id));
    expect(pack.myths.every((m) => ids.has(m.category))).toBe(true);
    expect(new Set(pack.myths.map((m) => m.id)).size).toBe(pack.myths.length);
  });

  it('cites sources that each carry an https link, and no uncited ones', () => {
    for (const [key, s] of Object.entries(pack.sources)) {
      expect(s.url, key).toMatch(/^https:\/\//);
      expect(
        pack.myths.some((m) => m.sources.includes(key)),
        key,
      ).toBe(true);
    }
  });

  it("never cites the seed article's unverifiable references", () => {
    const banned = /attwells|barzilay|bozdag|\bchu\b|enache|kuwano|\bliu\b|zheng|kim, d/i;
    for (const s of Object.values(pack.sources))
      expect(`${s.authors} ${s.title}`).not.toMatch(banned);
  });

  it('requires an on-topic word in every pattern, so unrelated pages stay fast and quiet', () => {
    expect(weakPatterns(pack).map((p) => `${p.file} ${p.field}: ${p.problem}`)).toEqual([]);
  });

  it('has a version and a changelog', () => {
    expect(pack.meta.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pack.meta.changelog.length).toBeGreaterThan(0);
  });
});

describe.each(pack.myths.map((m) => [m.id, m] as const))('%s', (_id, myth) => {
  it.each(myth.examples.asserts)('asserts: %s', (sentence) => {
    const found = detector
      .scan(sentence)
      .filter((f) => f.stance === 'asserts')
      .map((f) => f.mythId);
    expect(found).toContain(myth.id);
  });

  it.each([...myth.examples.refutes, ...myth.examples.neutral])(
    'does not assert: %s',
    (sentence) => {
      const asserted = detector.scan(sentence).filter((f) => f.stance === 'asserts');
      expect(asserted.map((f) => `${f.mythId}: ${f.text}`)).toEqual([]);
    },
  );
});

describe('prefilter on the pack', () => {
  it('is lossless on every example sentence', () => {
    // The detector the tests above used: it has every example's findings already.
    expect(prefilterDifferences(pack, everyExample(pack), detector)).toEqual([]);
  });

  // The reference path runs compromise on every sentence of 12 pages: slow by design,
  // so it has room on a busy 2-core machine.
  it('is lossless on the real fixture pages', { timeout: 240_000 }, () => {
    const blocks = fixturePageBlocks().flatMap((p) => p.blocks);
    expect(prefilterDifferences(pack, blocks)).toEqual([]);
  });

  it('stays quiet on the real fixture pages, none of which is about depression', () => {
    const asserted = fixturePageBlocks().flatMap((p) =>
      p.blocks.flatMap((b) =>
        detector
          .scan(b)
          .filter((f) => f.stance === 'asserts')
          .map((f) => `${p.name}: ${f.sentence}`),
      ),
    );
    expect(asserted).toEqual([]);
  });
});
