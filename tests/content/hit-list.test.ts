import { describe, expect, it } from 'vitest';
import { HitList, toHitSummary } from '../../entrypoints/content/hit-list';
import type { Hit } from '../../lib/page/page-scan';

/** The one filter behind the painter, the popup's list, the badge and next-finding. */

function hit(key: number, stance: 'asserts' | 'refutes', sentence = `Sentence ${key}.`): Hit {
  return {
    key,
    stance,
    sentence,
    mythId: key % 2 ? 'depression-is-laziness' : 'just-snap-out-of-it',
    category: 'willpower',
    text: sentence,
    start: 0,
    end: sentence.length,
    rangeText: sentence,
  } as unknown as Hit;
}

describe('HitList', () => {
  const found = [hit(1, 'asserts'), hit(2, 'refutes'), hit(3, 'asserts'), hit(5, 'asserts')];

  it('opens refuting hits only when they are shown', () => {
    const list = new HitList(() => found);
    expect(list.openable(false).map((h) => h.key)).toEqual([1, 3, 5]);
    expect(list.openable(true).map((h) => h.key)).toEqual([1, 2, 3, 5]);
    expect(list.kept().map((h) => h.key)).toEqual([1, 2, 3, 5]);
  });

  it('drops a dismissed sentence everywhere, and keeps it dropped when a rescan gives it a new key', () => {
    let current = found;
    const list = new HitList(() => current);
    list.dismiss(found[2]!);
    expect(list.kept().map((h) => h.key)).toEqual([1, 2, 5]);
    expect(list.summaries().map((s) => s.key)).toEqual([1, 2, 5]);
    // The rescan found the same sentence again under key 9.
    current = [...found.slice(0, 2), { ...found[2]!, key: 9 }];
    expect(list.kept().map((h) => h.key)).toEqual([1, 2]);
    // Another myth in the same sentence is not dismissed with it.
    current = [{ ...found[2]!, key: 10, mythId: 'other-myth' }];
    expect(list.kept().map((h) => h.key)).toEqual([10]);
  });

  it('goes to the next openable hit after a key, wrapping round, and null on an empty page', () => {
    const list = new HitList(() => found);
    expect(list.nextAfter(0, false)?.key).toBe(1);
    expect(list.nextAfter(1, false)?.key).toBe(3);
    expect(list.nextAfter(1, true)?.key).toBe(2);
    expect(list.nextAfter(5, false)?.key).toBe(1);
    expect(new HitList(() => []).nextAfter(0, true)).toBeNull();
  });

  it("tells the popup this frame's state: asserted hits listed, refuting ones counted", () => {
    const list = new HitList(() => found);
    const state = list.pageState('ready', 'example.org', false);
    expect(state).toMatchObject({ status: 'ready', host: 'example.org', visible: false });
    expect(state.asserted.map((a) => a.key)).toEqual([1, 3, 5]);
    expect(state.refuted).toBe(1);
  });

  it('caps the list it reports at 1000, the most the protocol accepts', () => {
    const many = Array.from({ length: 1200 }, (_, i) => hit(i + 1, 'asserts'));
    const list = new HitList(() => many);
    expect(list.summaries()).toHaveLength(1000);
    expect(list.pageState('ready', 'h', true).asserted).toHaveLength(1000);
  });
});

describe('toHitSummary', () => {
  it('keeps what the popup shows and cuts the text to 300 characters', () => {
    const long = hit(4, 'refutes', 'x'.repeat(400));
    expect(toHitSummary(long)).toEqual({
      key: 4,
      mythId: 'just-snap-out-of-it',
      category: 'willpower',
      stance: 'refutes',
      text: 'x'.repeat(300),
    });
  });
});
