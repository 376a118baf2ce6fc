/**
 * Bounds on the background's work for one page (issue 13: one crafted page
 * kept the background busy for 21 s and held up another tab's badge by 8 s).
 * Generic over the work itself, so the detector's API stays as it is.
 */

export interface BoundOptions {
  /** Work this long, then give other messages a turn. */
  sliceMs?: number;
  /** After this long in one message, the rest of it gets `skipped` instead of work. */
  budgetMs?: number;
  now?: () => number;
  yieldTurn?: () => Promise<void>;
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `work` applied to each item in order, in slices with a turn for others
 * between them. Past the budget the remaining items answer `skipped`: one
 * message can cost at most about `budgetMs`, and the answer still has one
 * entry per item.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  skipped: () => R,
  options: BoundOptions = {},
): Promise<R[]> {
  const {
    sliceMs = 15,
    budgetMs = 3_000,
    now = () => performance.now(),
    yieldTurn = turn,
  } = options;
  const started = now();
  let sliceStart = started;
  const out: R[] = [];
  for (const item of items) {
    if (now() - sliceStart > sliceMs) {
      await yieldTurn();
      sliceStart = now();
    }
    out.push(now() - started > budgetMs ? skipped() : work(item));
  }
  return out;
}

/**
 * One queue per key (a tab): its tasks run one after another, so a tab that
 * sends many messages at once is served in turn, not all at once, while
 * other tabs' tasks interleave at each yield.
 */
export class KeyedQueue<K> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }
}

/**
 * At most `limit` events per key in any `windowMs`: "not a myth here" notes
 * per tab, so no page can fill the list even with trusted-looking traffic.
 */
export class RateLimit<K> {
  private readonly times = new Map<K, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(key: K): boolean {
    const t = this.now();
    const recent = (this.times.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      this.times.set(key, recent);
      return false;
    }
    recent.push(t);
    this.times.set(key, recent);
    return true;
  }
}
