import { describe, expect, it } from 'vitest';
import { createLookup, MAX_QUERY_CHARS } from '../../lib/lookup';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { QUERIES } from '../fixtures/lookup-queries';
import { fixturePageBlocks } from '../helpers/pages';

/**
 * The lookup on the pack the extension ships, against queries written for it
 * (tests/fixtures/lookup-queries.ts). How fast it answers is measured by
 * `npm run bench`, not here: no unit test depends on the machine's speed.
 */

describe('lookup on the real pack', () => {
  const pack = bundledPack();
  const realLookup = createLookup(pack);
  const ids = new Set(pack.myths.map((m) => m.id));
  const all = Object.values(QUERIES).flat();
  const topOf = (q: string) => {
    const r = realLookup(q);
    return r.kind === 'results' ? r.results[0]!.mythId : null;
  };

  it('expects only myths that exist', () => {
    expect(all.filter(([, id]) => id !== null && !ids.has(id))).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it('puts the right myth first for at least 90% of the queries', () => {
    const misses: string[] = [];
    for (const [name, queries] of Object.entries(QUERIES)) {
      let right = 0;
      for (const [q, want] of queries) {
        const got = topOf(q);
        if (got === want) right++;
        else misses.push(`${name}: "${q}" gave ${got ?? 'none'}, expected ${want ?? 'none'}`);
      }
      console.log(
        `${name}: top-1 ${right}/${queries.length} = ${(right / queries.length).toFixed(3)}`,
      );
    }
    const accuracy = (all.length - misses.length) / all.length;
    console.log(`lookup top-1 accuracy ${accuracy.toFixed(3)} over ${all.length} queries`);
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no myth in any unrelated text', () => {
    const unrelated = all.filter(([, want]) => want === null).map(([q]) => q);
    const found = unrelated.filter((q) => realLookup(q).kind !== 'none');
    expect(found).toEqual([]);
  });

  it('says when the text debunks a myth, and puts that myth first', () => {
    expect(realLookup('It is a myth that depression is just laziness.')).toMatchObject({
      kind: 'results',
      refutes: true,
      results: [{ mythId: 'depression-is-laziness', matched: 'detector', stance: 'refutes' }],
    });
  });

  it('finds the myth at the end of a whole article pasted, cut at the cap', () => {
    const pages = fixturePageBlocks()
      .flatMap((p) => p.blocks)
      .join('\n');
    const paste = `${pages.slice(0, MAX_QUERY_CHARS - 200)}\nDepression is just laziness.`;
    const r = createLookup(pack)(paste);
    expect(r.kind === 'results' && r.results.map((x) => x.mythId)).toContain(
      'depression-is-laziness',
    );
  });
});
