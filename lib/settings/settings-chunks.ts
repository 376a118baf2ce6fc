import type { Settings } from './settings';

/**
 * How settings are laid out in a storage area with a per-item quota
 * (storage.sync: QUOTA_BYTES_PER_ITEM 8192, QUOTA_BYTES 102400). Issue 13:
 * 400 paused sites already passed 8 KB, so the one `settings` item was
 * refused and every site was lost. Settings stay one item while they fit;
 * past that, each host list moves into numbered chunk items of at most
 * CHUNK_BYTES each, and the `settings` item records how many there are. The
 * `settings` item is the source of truth: chunks it does not name are ignored.
 */

export const QUOTA_BYTES_PER_ITEM = 8192;
export const QUOTA_BYTES = 102_400;
/** Room under the item quota for the key and the JSON framing. */
const CHUNK_BYTES = 7_000;
const INLINE_BYTES = 7_500;

const HOST_LISTS = ['pausedSites', 'onlySites'] as const;
type HostList = (typeof HOST_LISTS)[number];

/** How many chunk items each list was split into, when the settings did not fit one item. */
export type ChunkCounts = Partial<Record<HostList, number>>;

/** The key of one chunk of a list, next to the settings key. */
function chunkKey(settingsKey: string, list: HostList, index: number): string {
  return `${settingsKey}.${list}.${index}`;
}

/** Bytes an item counts against the quota: its key plus its value as JSON, in UTF-8. */
function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** The items that store `settings` under `key`: one when it fits, else the core and its chunks. */
export function toItems(key: string, settings: Settings): Record<string, unknown> {
  if (itemBytes(key, settings) <= INLINE_BYTES) return { [key]: settings };
  const core: Record<string, unknown> = { ...settings };
  const chunks: ChunkCounts = {};
  const items: Record<string, unknown> = {};
  for (const list of HOST_LISTS) {
    delete core[list];
    const parts = split(settings[list]);
    chunks[list] = parts.length;
    parts.forEach((part, i) => (items[chunkKey(key, list, i)] = part));
  }
  items[key] = { ...core, chunks };
  return items;
}

/** The chunk keys a stored `settings` item names (none when it holds its lists itself). */
export function chunkKeysOf(key: string, stored: unknown): string[] {
  const counts = countsOf(stored);
  return HOST_LISTS.flatMap((list) =>
    Array.from({ length: counts[list] ?? 0 }, (_, i) => chunkKey(key, list, i)),
  );
}

/** The stored settings with their chunked lists put back in place, `chunks` dropped. */
export function fromItems(key: string, items: Record<string, unknown>): unknown {
  const stored = items[key];
  if (typeof stored !== 'object' || stored === null || !('chunks' in stored)) return stored;
  const counts = countsOf(stored);
  const raw: Record<string, unknown> = { ...stored };
  delete raw.chunks;
  for (const list of HOST_LISTS) {
    raw[list] = Array.from({ length: counts[list] ?? 0 }, (_, i) => {
      const part = items[chunkKey(key, list, i)];
      return Array.isArray(part) ? part : [];
    }).flat();
  }
  return raw;
}

function countsOf(stored: unknown): ChunkCounts {
  const chunks = (stored as { chunks?: unknown } | null)?.chunks;
  if (typeof chunks !== 'object' || chunks === null) return {};
  const counts: ChunkCounts = {};
  for (const list of HOST_LISTS) {
    const n = (chunks as Record<string, unknown>)[list];
    if (Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100)
      counts[list] = n as number;
  }
  return counts;
}

/** Consecutive runs of `list`, each under CHUNK_BYTES as JSON. */
function split(list: string[]): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const host of list) {
    const size = new TextEncoder().encode(JSON.stringify(host)).length + 1;
    if (current.length > 0 && bytes + size > CHUNK_BYTES) {
      parts.push(current);
      current = [];
      bytes = 2;
    }
    current.push(host);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
