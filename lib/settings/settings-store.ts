import type { Pack } from '../pack/pack';
import { repairSettings, type Renames, type Settings } from './settings';
import { chunkKeysOf, fromItems, toItems } from './settings-chunks';

/**
 * Reads and writes settings through any storage area with the WebExtension
 * shape, passed in by the caller, so this module runs in tests without a
 * browser. A stored value that needed repair is written back repaired.
 */

export const SETTINGS_KEY = 'settings';
export const REPORTS_KEY = 'notMythReports';

export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Present on every browser area; optional so a minimal fake can leave it out. */
  remove?(keys: string | string[]): Promise<void>;
}

export interface StorageLike {
  sync?: StorageAreaLike;
  local: StorageAreaLike;
}

/** A write the browser refused; its message is meant for the person, and nothing was changed. */
export class SettingsWriteError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      /quota|too large|exceed/i.test(reason)
        ? 'Myth Lens could not save this change: it is more than the browser lets an extension sync. Your previous settings are kept.'
        : `Myth Lens could not save this change (${reason}). Your previous settings are kept.`,
      { cause },
    );
    this.name = 'SettingsWriteError';
  }
}

/** storage.sync where the browser offers it (settings follow the person), else storage.local. */
export async function settingsArea(storage: StorageLike): Promise<StorageAreaLike> {
  if (!storage.sync) return storage.local;
  try {
    await storage.sync.get(SETTINGS_KEY);
    return storage.sync;
  } catch {
    return storage.local;
  }
}

/**
 * Runs read-modify-write tasks one at a time. Issue 13: ten concurrent "not a
 * myth here" notes stored one, and a hidden category could undo a pause made
 * a moment before, as each task wrote over what it had read. One queue per
 * context (the background does nearly all writes); the storage is re-read
 * inside each task, never taken from a cache.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readRaw(area: StorageAreaLike): Promise<unknown> {
  const core = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const keys = chunkKeysOf(SETTINGS_KEY, core);
  const chunks = keys.length > 0 ? await area.get(keys) : {};
  return fromItems(SETTINGS_KEY, { ...chunks, [SETTINGS_KEY]: core });
}

/** The stored settings, repaired; never throws. */
export async function readSettings(
  area: StorageAreaLike,
  pack: Pack,
  renames: Renames,
): Promise<Settings> {
  let raw: unknown;
  try {
    raw = await readRaw(area);
  } catch {
    raw = undefined;
  }
  const settings = repairSettings(raw, pack, renames);
  if (JSON.stringify(raw) !== JSON.stringify(settings)) {
    // Only over the very value repaired: a change stored meanwhile is newer and wins.
    const repairBack = async () => {
      const now = await readRaw(area);
      if (JSON.stringify(now) === JSON.stringify(raw)) await writeNow(area, settings);
    };
    await serial(repairBack).catch(() => undefined);
  }
  return settings;
}

/**
 * Stores `settings`, split into items that fit the sync quota when they must
 * (settings-chunks.ts). When the browser refuses, throws SettingsWriteError
 * and the previous settings stay as they were: all items go in one `set`.
 */
export function writeSettings(area: StorageAreaLike, settings: Settings): Promise<void> {
  return serial(() => writeNow(area, settings));
}

async function writeNow(area: StorageAreaLike, settings: Settings): Promise<void> {
  const before = (await area.get(SETTINGS_KEY).catch((): Record<string, unknown> => ({})))[
    SETTINGS_KEY
  ];
  const items = toItems(SETTINGS_KEY, settings);
  try {
    await area.set(items);
  } catch (error) {
    throw new SettingsWriteError(error);
  }
  const stale = chunkKeysOf(SETTINGS_KEY, before).filter((k) => !(k in items));
  if (stale.length > 0) await area.remove?.(stale).catch(() => undefined);
}

/** Reads the stored settings, applies `change`, writes the result: one at a time. */
export function updateSettings(
  area: StorageAreaLike,
  pack: Pack,
  renames: Renames,
  change: (settings: Settings) => Settings,
): Promise<Settings> {
  return serial(async () => {
    const current = repairSettings(await readRaw(area).catch(() => undefined), pack, renames);
    const next = change(current);
    await writeNow(area, next);
    return next;
  });
}

/** A local "not a myth here" report: never sent anywhere. */
export interface NotMythReport {
  mythId: string;
  sentence: string;
  date: string;
}

/**
 * The most notes kept. When full, a new note is refused, never swapped for
 * the oldest: 520 scripted clicks once pushed every real note out (issue 13).
 */
export const MAX_REPORTS = 500;

export async function readReports(local: StorageAreaLike): Promise<NotMythReport[]> {
  try {
    const raw = (await local.get(REPORTS_KEY))[REPORTS_KEY];
    return Array.isArray(raw) ? raw.filter(isReport) : [];
  } catch {
    return [];
  }
}

/** Stores the note unless the list is full or holds it already; says which. */
export function addReport(
  local: StorageAreaLike,
  report: NotMythReport,
): Promise<'stored' | 'duplicate' | 'full'> {
  return serial(async () => {
    const list = await readReports(local);
    const same = (r: NotMythReport) => r.mythId === report.mythId && r.sentence === report.sentence;
    if (list.some(same)) return 'duplicate';
    if (list.length >= MAX_REPORTS) return 'full';
    await local.set({ [REPORTS_KEY]: [...list, report] });
    return 'stored';
  });
}

function isReport(x: unknown): x is NotMythReport {
  const r = x as NotMythReport;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.mythId === 'string' &&
    typeof r.sentence === 'string' &&
    typeof r.date === 'string'
  );
}
