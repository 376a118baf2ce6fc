import type { Pack } from '../pack/pack';
import { hostMatches, hostPatternProblem, normalizeHostPattern } from './site-rules';

/**
 * The settings model: typed, versioned, with defaults derived from the pack.
 * Whatever is stored is repaired field by field (a bad field falls back to
 * its default, the rest is kept), so no surface ever crashes on it.
 */

export const SETTINGS_VERSION = 1;

export type HighlightStyle = 'underline' | 'background';
export type SiteMode = 'everywhere' | 'only-listed';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Every pack category, on or off. */
  categories: Record<string, boolean>;
  /** Single myths switched off inside enabled categories. */
  disabledMyths: string[];
  siteMode: SiteMode;
  /** Hosts where Myth Lens is paused. */
  pausedSites: string[];
  /** Hosts where it runs when siteMode is 'only-listed'. */
  onlySites: string[];
  highlightStyle: HighlightStyle;
  /** Show sentences that debunk a myth with a positive style. */
  showRefutations: boolean;
}

export interface Renames {
  categories: Record<string, string>;
  myths: Record<string, string>;
}

/** Defaults: every category of the pack on, runs everywhere, quiet underline. */
export function defaultSettings(pack: Pick<Pack, 'categories'>): Settings {
  return {
    version: SETTINGS_VERSION,
    categories: Object.fromEntries(pack.categories.map((c) => [c.id, true])),
    disabledMyths: [],
    siteMode: 'everywhere',
    pausedSites: [],
    onlySites: [],
    highlightStyle: 'underline',
    showRefutations: false,
  };
}

/**
 * Repairs anything read from storage or an import into valid settings:
 * unknown shapes become defaults field by field, renamed ids are carried
 * over, ids the pack no longer has are dropped, new categories appear on.
 */
export function repairSettings(
  raw: unknown,
  pack: Pick<Pack, 'categories' | 'myths'>,
  renames: Renames,
): Settings {
  const d = defaultSettings(pack);
  const r = isRecord(raw) ? raw : {};
  const mythIds = new Set(pack.myths.map((m) => m.id));
  const storedCategories = isRecord(r.categories) ? r.categories : {};
  const categories = { ...d.categories };
  for (const [id, on] of Object.entries(storedCategories)) {
    const current = renames.categories[id] ?? id;
    if (current in categories && typeof on === 'boolean') categories[current] = on;
  }
  return {
    version: SETTINGS_VERSION,
    categories,
    disabledMyths: unique(
      strings(r.disabledMyths)
        .map((id) => renames.myths[id] ?? id)
        .filter((id) => mythIds.has(id)),
    ),
    siteMode: r.siteMode === 'only-listed' ? 'only-listed' : d.siteMode,
    pausedSites: hosts(r.pausedSites),
    onlySites: hosts(r.onlySites),
    highlightStyle: r.highlightStyle === 'background' ? 'background' : d.highlightStyle,
    showRefutations: typeof r.showRefutations === 'boolean' ? r.showRefutations : d.showRefutations,
  };
}

/** Whether Myth Lens should run on `host` under these settings. */
export function isActiveOn(settings: Settings, host: string): boolean {
  if (settings.pausedSites.some((p) => hostMatches(p, host))) return false;
  if (settings.siteMode === 'only-listed')
    return settings.onlySites.some((p) => hostMatches(p, host));
  return true;
}

/** The categories switched on. */
export function enabledCategories(settings: Settings): string[] {
  return Object.entries(settings.categories)
    .filter(([, on]) => on)
    .map(([id]) => id);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function hosts(x: unknown): string[] {
  return unique(
    strings(x)
      .filter((h) => hostPatternProblem(h) === null)
      .map(normalizeHostPattern),
  );
}
