import type { Pack } from '../pack/pack';
import { repairSettings, SETTINGS_VERSION, type Renames, type Settings } from './settings';

/**
 * Settings as a file a person can keep and bring back. The file names its
 * app and kind, so a file from another extension (or any other JSON) is
 * refused with a message instead of being half-applied. Issue 13: a file
 * from a newer version is refused, not read as if it were this one; a file
 * over MAX_IMPORT_BYTES is refused before it is parsed; and whatever the
 * import leaves out is named, never dropped in silence.
 */

const APP = 'myth-lens';
const KIND = 'settings';
/** A real settings file is a few kilobytes; 1 MB leaves room for thousands of sites. */
export const MAX_IMPORT_BYTES = 1_000_000;

export function exportSettings(settings: Settings, packVersion: string, now = new Date()): string {
  const file = { app: APP, kind: KIND, exportedAt: now.toISOString(), packVersion, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  | {
      ok: true;
      settings: Settings;
      /** What the file held that was left out, in plain words. */ dropped: string[];
    }
  | { ok: false; error: string };

export const TOO_LARGE =
  'This file is larger than 1 MB, far more than a Myth Lens settings file, so nothing was changed.';

/** Parses an exported file; on any problem nothing is applied and the error says why. */
export function importSettings(
  text: string,
  pack: Pick<Pack, 'categories' | 'myths'>,
  renames: Renames,
): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so nothing was changed.' };
  }
  const file = data as { app?: unknown; kind?: unknown; settings?: unknown };
  if (typeof file !== 'object' || file === null || file.app !== APP || file.kind !== KIND) {
    return { ok: false, error: 'This is not a Myth Lens settings file, so nothing was changed.' };
  }
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return {
      ok: false,
      error: 'This settings file has no settings in it, so nothing was changed.',
    };
  }
  const raw = file.settings as Record<string, unknown>;
  if (Number.isInteger(raw.version) && (raw.version as number) > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `This file was saved by a newer Myth Lens (settings version ${String(raw.version)}; this one reads up to ${SETTINGS_VERSION}). Update Myth Lens and import it again; nothing was changed.`,
    };
  }
  // Version 1 is the only one ever released; a file without a version is read field by field.
  if (raw.version !== undefined && raw.version !== SETTINGS_VERSION) {
    return {
      ok: false,
      error: `This file names settings version ${String(raw.version).slice(0, 20)}, which no Myth Lens has saved, so nothing was changed.`,
    };
  }
  const settings = repairSettings(raw, pack, renames);
  return { ok: true, settings, dropped: droppedBy(raw, settings, renames) };
}

/** What repairing `raw` left out or replaced, one plain line per field. */
function droppedBy(raw: Record<string, unknown>, s: Settings, renames: Renames): string[] {
  const out: string[] = [];
  const lost = (label: string, items: string[]) => {
    if (items.length > 0)
      out.push(
        `${label}: ${items.slice(0, 5).join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`,
      );
  };
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  const categories =
    raw.categories && typeof raw.categories === 'object' ? Object.keys(raw.categories) : [];
  lost(
    'Categories this version does not have',
    categories.filter((c) => !((renames.categories[c] ?? c) in s.categories)),
  );
  lost(
    'Myths this version does not have',
    list(raw.disabledMyths).filter((m) => !s.disabledMyths.includes(renames.myths[m] ?? m)),
  );
  const kept = (sites: string[]) => (h: string) =>
    !sites.includes(h.trim().toLowerCase().replace(/\.+$/, ''));
  lost(
    'Paused sites that are not valid site names',
    list(raw.pausedSites).filter(kept(s.pausedSites)),
  );
  lost(
    '"Only on" sites that are not valid site names',
    list(raw.onlySites).filter(kept(s.onlySites)),
  );
  for (const field of ['siteMode', 'highlightStyle', 'showRefutations'] as const) {
    if (field in raw && raw[field] !== s[field]) {
      out.push(
        `${field} "${String(raw[field])}" is not a value Myth Lens knows; it is now "${String(s[field])}"`,
      );
    }
  }
  return out;
}
