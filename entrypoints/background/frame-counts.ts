import type { StorageAreaLike } from '../../lib/settings/settings-store';

/** A storage area that can also drop keys: `storage.session` has this shape. */
export interface SessionAreaLike extends StorageAreaLike {
  remove(keys: string | string[]): Promise<void>;
}

const keyOf = (tabId: number) => `frameCounts:${tabId}`;

/**
 * Each frame's asserted count per tab, the badge's source. It lives in
 * `storage.session`, not in a variable: Chrome stops an idle MV3 service
 * worker, and a worker that woke with an empty map showed only the frame that
 * reported next, dropping every other frame's findings from the badge
 * (issue #8). Session storage survives the worker and is cleared with the
 * browser session, as tab ids are. Updates run one at a time, so two frames
 * reporting together cannot overwrite each other's read-modify-write.
 */
export class FrameCounts {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: SessionAreaLike) {}

  /** Records one frame's count and resolves to the tab's total. */
  set(tabId: number, frameId: number, asserted: number): Promise<number> {
    return this.serial(async () => {
      const key = keyOf(tabId);
      const stored = (await this.area.get(key))[key];
      const frames: Record<string, number> = isCounts(stored) ? stored : {};
      frames[String(frameId)] = asserted;
      await this.area.set({ [key]: frames });
      return Object.values(frames).reduce((a, b) => a + b, 0);
    });
  }

  /** Drops a tab's counts: it closed, or started a new page. */
  forget(tabId: number): Promise<void> {
    return this.serial(() => this.area.remove(keyOf(tabId)));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function isCounts(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  );
}

/**
 * A stand-in for a browser without `storage.session` (Chrome before 102,
 * Firefox before 115): counts then last only as long as the background.
 */
export function memoryArea(): SessionAreaLike {
  const data = new Map<string, unknown>();
  return {
    get: async (keys) => {
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    remove: async (keys) => {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}
