import type { Pack } from './pack';
import { repairSettings, type Renames, type Settings } from './settings';

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
}

export interface StorageLike {
  sync?: StorageAreaLike;
  local: StorageAreaLike;
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

/** The stored settings, repaired; never throws. */
export async function readSettings(
  area: StorageAreaLike,
  pack: Pack,
  renames: Renames,
): Promise<Settings> {
  let raw: unknown;
  try {
    raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    raw = undefined;
  }
  const settings = repairSettings(raw, pack, renames);
  if (JSON.stringify(raw) !== JSON.stringify(settings)) {
    await area.set({ [SETTINGS_KEY]: settings }).catch(() => undefined);
  }
  return settings;
}

export async function writeSettings(area: StorageAreaLike, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: settings });
}

/** A local "not a myth here" report: never sent anywhere. */
export interface NotMythReport {
  mythId: string;
  sentence: string;
  date: string;
}

const MAX_REPORTS = 500;

export async function readReports(local: StorageAreaLike): Promise<NotMythReport[]> {
  try {
    const raw = (await local.get(REPORTS_KEY))[REPORTS_KEY];
    return Array.isArray(raw) ? raw.filter(isReport) : [];
  } catch {
    return [];
  }
}

export async function addReport(local: StorageAreaLike, report: NotMythReport): Promise<void> {
  const list = await readReports(local);
  list.push(report);
  await local.set({ [REPORTS_KEY]: list.slice(-MAX_REPORTS) });
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
