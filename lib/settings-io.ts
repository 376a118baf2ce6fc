import type { Pack } from './pack';
import { repairSettings, type Renames, type Settings } from './settings';

/**
 * Settings as a file a person can keep and bring back. The file names its
 * app and kind, so a file from another extension (or any other JSON) is
 * refused with a message instead of being half-applied.
 */

const APP = 'myth-lens';
const KIND = 'settings';

export function exportSettings(settings: Settings, packVersion: string, now = new Date()): string {
  const file = { app: APP, kind: KIND, exportedAt: now.toISOString(), packVersion, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Parses an exported file; on any problem nothing is applied and the error says why. */
export function importSettings(
  text: string,
  pack: Pick<Pack, 'categories' | 'myths'>,
  renames: Renames,
): ImportResult {
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
  return { ok: true, settings: repairSettings(file.settings, pack, renames) };
}
