import type { StorageAreaLike } from '../../lib/settings/settings-store';

/**
 * A storage area that enforces storage.sync's quotas the way Chrome does:
 * a `set` that would put any item over QUOTA_BYTES_PER_ITEM (key + JSON of
 * the value) or the area over QUOTA_BYTES is refused whole, with Chrome's
 * error text, and nothing of it is written.
 */
export function quotaStorage(perItem = 8192, total = 102_400) {
  const data = new Map<string, string>();
  const bytes = (key: string, json: string) => new TextEncoder().encode(key + json).length;
  const used = (d: Map<string, string>) =>
    [...d].reduce((sum, [k, json]) => sum + bytes(k, json), 0);
  const area: Required<StorageAreaLike> = {
    get: async (keys) => {
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(
        list.filter((k) => data.has(k)).map((k) => [k, JSON.parse(data.get(k)!) as unknown]),
      );
    },
    set: async (items) => {
      const next = new Map(data);
      for (const [k, v] of Object.entries(items)) {
        const json = JSON.stringify(v);
        if (bytes(k, json) > perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        next.set(k, json);
      }
      if (used(next) > total) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, json] of next) data.set(k, json);
    },
    remove: async (keys) => {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
  return { area, keys: () => [...data.keys()].sort(), used: () => used(data) };
}
