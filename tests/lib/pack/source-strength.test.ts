import { describe, expect, it } from 'vitest';
import { mythView } from '../../../lib/pack/myth-view';
import { bundledPack } from '../../../lib/pack/pack-bundled';
import {
  kindText,
  SOURCE_KINDS,
  STRENGTH_MEANING,
  STRENGTH_TEXT,
  STRENGTHS,
  strengthRank,
  strengthText,
  strongestFirst,
} from '../../../lib/pack/source-strength';

describe('strongestFirst', () => {
  it('orders by the scale, strongest first', () => {
    const items = ['background', 'limited', 'strong', 'moderate'].map((strength) => ({ strength }));
    expect(strongestFirst(items).map((i) => i.strength)).toEqual([
      'strong',
      'moderate',
      'limited',
      'background',
    ]);
  });

  it("keeps the author's order among sources of equal strength, and does not change its input", () => {
    const items = [
      { key: 'a', strength: 'limited' },
      { key: 'b', strength: 'strong' },
      { key: 'c', strength: 'limited' },
      { key: 'd', strength: 'strong' },
    ];
    const before = items.map((i) => i.key);
    expect(strongestFirst(items).map((i) => i.key)).toEqual(['b', 'd', 'a', 'c']);
    expect(items.map((i) => i.key)).toEqual(before);
  });

  it('puts a level this build does not know after every known one', () => {
    expect(strengthRank('strong')).toBe(0);
    expect(strengthRank('unheard-of')).toBe(STRENGTHS.length);
    const items = [{ strength: 'unheard-of' }, { strength: 'background' }];
    expect(strongestFirst(items).map((i) => i.strength)).toEqual(['background', 'unheard-of']);
  });
});

describe('plain words', () => {
  it('has words and a meaning for every level, and words for every kind', () => {
    for (const level of STRENGTHS) {
      expect(STRENGTH_TEXT[level]).toMatch(/^[a-z ]+$/);
      expect(STRENGTH_MEANING[level].length).toBeGreaterThan(20);
    }
    for (const words of Object.values(SOURCE_KINDS)) expect(words).toMatch(/^[a-z][a-z ,'-]+$/);
  });

  it('shows an id it does not know as it came, rather than nothing', () => {
    expect(kindText('meta-analysis-of-trials')).toBe('meta-analysis of randomised trials');
    expect(kindText('new-kind')).toBe('new-kind');
    expect(strengthText('moderate')).toBe('moderate evidence');
    expect(strengthText('new-level')).toBe('new-level');
  });
});

describe('the bundled pack', () => {
  const pack = bundledPack();

  it('rates agency pages as background and never as evidence', () => {
    const agency = Object.entries(pack.sources).filter(([, s]) => s.kind === 'agency-page');
    expect(agency.length).toBeGreaterThan(0);
    for (const [key, s] of agency) expect(`${key}: ${s.strength}`).toBe(`${key}: background`);
  });

  it('gives the UI plain words for each source, and names organisations in full', () => {
    const view = mythView(pack, 'depression-is-laziness')!;
    const nimh = view.sources.find((s) => s.key === 'nimh-depression')!;
    expect(nimh).toMatchObject({
      label: 'National Institute of Mental Health (undated)',
      kind: 'agency-page',
      kindText: 'health agency page',
      strength: 'background',
      strengthText: 'background information',
    });
    const kessler = view.sources.find((s) => s.key === 'kessler-2003')!;
    expect(kessler.label).toBe('Kessler et al. (2003)');
  });
});
