import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  enabledCategories,
  isActiveOn,
  repairSettings,
} from '../../../lib/settings/settings';
import {
  readSettings,
  SETTINGS_KEY,
  type StorageAreaLike,
} from '../../../lib/settings/settings-store';
import { minimalPack } from '../../helpers/minimal-pack';

const pack = minimalPack();
const noRenames = { categories: {}, myths: {} };

function memoryArea(
  initial: Record<string, unknown> = {},
): StorageAreaLike & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => ({ [key as string]: data[key as string] }),
    set: async (items) => void Object.assign(data, items),
  };
}

describe('settings defaults', () => {
  it('turns every pack category on and runs everywhere', () => {
    const d = defaultSettings(pack);
    expect(d.categories).toEqual({ willpower: true, 'lifestyle-cure': true });
    expect(d.siteMode).toBe('everywhere');
    expect(enabledCategories(d).sort()).toEqual(['lifestyle-cure', 'willpower']);
  });
});

describe('repairSettings', () => {
  it.each([undefined, null, 42, 'text', [], { categories: 'oops' }])(
    'falls back to defaults for %j',
    (raw) => {
      expect(repairSettings(raw, pack, noRenames)).toEqual(defaultSettings(pack));
    },
  );

  it('repairs field by field, keeping the valid ones', () => {
    const repaired = repairSettings(
      {
        version: 1,
        categories: { willpower: false, 'lifestyle-cure': 'yes', gone: false },
        disabledMyths: ['exercise-cures-depression', 7, 'no-such-myth'],
        siteMode: 'sometimes',
        pausedSites: ['news.example.com', 'http://bad/', 'NEWS.example.com'],
        highlightStyle: 'background',
        showRefutations: 'true',
      },
      pack,
      noRenames,
    );
    expect(repaired.categories).toEqual({ willpower: false, 'lifestyle-cure': true });
    expect(repaired.disabledMyths).toEqual(['exercise-cures-depression']);
    expect(repaired.siteMode).toBe('everywhere');
    expect(repaired.pausedSites).toEqual(['news.example.com']);
    expect(repaired.highlightStyle).toBe('background');
    expect(repaired.showRefutations).toBe(false);
  });

  it('turns on a category that a pack update added', () => {
    const repaired = repairSettings(
      { version: 1, categories: { willpower: false } },
      pack,
      noRenames,
    );
    expect(repaired.categories['lifestyle-cure']).toBe(true);
  });

  it('carries settings across renamed category and myth ids', () => {
    const renames = {
      categories: { laziness: 'willpower' },
      myths: { 'lazy-myth': 'depression-is-laziness' },
    };
    const repaired = repairSettings(
      { categories: { laziness: false }, disabledMyths: ['lazy-myth'] },
      pack,
      renames,
    );
    expect(repaired.categories.willpower).toBe(false);
    expect(repaired.disabledMyths).toEqual(['depression-is-laziness']);
  });

  it('ignores fields it does not know (the unreleased version 0 list of categories)', () => {
    const repaired = repairSettings({ disabledCategories: ['willpower'] }, pack, noRenames);
    expect(repaired.categories).toEqual({ willpower: true, 'lifestyle-cure': true });
  });
});

describe('isActiveOn', () => {
  const base = defaultSettings(pack);
  it('pauses a listed site and its subdomains', () => {
    const s = { ...base, pausedSites: ['example.com'] };
    expect(isActiveOn(s, 'example.com')).toBe(false);
    expect(isActiveOn(s, 'news.example.com')).toBe(false);
    expect(isActiveOn(s, 'example.org')).toBe(true);
  });
  it('runs only on listed sites in that mode', () => {
    const s = { ...base, siteMode: 'only-listed' as const, onlySites: ['*.forum.example'] };
    expect(isActiveOn(s, 'a.forum.example')).toBe(true);
    expect(isActiveOn(s, 'forum.example')).toBe(false);
    expect(isActiveOn(s, 'other.example')).toBe(false);
  });
});

describe('readSettings', () => {
  it('writes back a corrupt stored value, repaired', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { categories: 5, highlightStyle: 'neon' } });
    const s = await readSettings(area, pack, noRenames);
    expect(s).toEqual(defaultSettings(pack));
    expect(area.data[SETTINGS_KEY]).toEqual(defaultSettings(pack));
  });

  it('survives a storage area that throws', async () => {
    const broken: StorageAreaLike = {
      get: async () => {
        throw new Error('quota');
      },
      set: async () => {
        throw new Error('quota');
      },
    };
    expect(await readSettings(broken, pack, noRenames)).toEqual(defaultSettings(pack));
  });
});
