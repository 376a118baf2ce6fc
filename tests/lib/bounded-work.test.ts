import { describe, expect, it } from 'vitest';
import { KeyedQueue, mapBounded, RateLimit } from '../../lib/bounded-work';

/** Issue 13: the background's work per message and per tab is bounded, with turns for others. */

describe('mapBounded', () => {
  it('yields between slices and skips what is past the budget, one answer per item', async () => {
    let clock = 0;
    let turns = 0;
    const out = await mapBounded(
      Array.from({ length: 10 }, (_, i) => i),
      (i) => {
        clock += 10; // each item costs 10 ms
        return i;
      },
      () => -1,
      {
        sliceMs: 15,
        budgetMs: 45,
        now: () => clock,
        yieldTurn: async () => void turns++,
      },
    );
    expect(out).toEqual([0, 1, 2, 3, 4, -1, -1, -1, -1, -1]);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});

describe('KeyedQueue', () => {
  it("runs one key's tasks in order and lets another key's run between them", async () => {
    const q = new KeyedQueue<number>();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`${name} end`);
    };
    await Promise.all([q.run(1, task('a1')), q.run(1, task('a2')), q.run(2, task('b1'))]);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });
});

describe('RateLimit', () => {
  it('allows `limit` per window per key', () => {
    let now = 0;
    const limit = new RateLimit<number>(2, 1000, () => now);
    expect([limit.allow(1), limit.allow(1), limit.allow(1), limit.allow(2)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 1000;
    expect(limit.allow(1)).toBe(true);
  });
});
