import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import {
  exportSettings,
  importSettings,
  MAX_IMPORT_BYTES,
} from '../../../lib/settings/settings-io';
import { minimalPack, NO_RENAMES } from '../../helpers/minimal-pack';

const pack = minimalPack();

describe('settings export and import', () => {
  it('round-trips every field', () => {
    const settings = {
      ...defaultSettings(pack),
      categories: { willpower: false, 'lifestyle-cure': true },
      disabledMyths: ['exercise-cures-depression'],
      siteMode: 'only-listed' as const,
      onlySites: ['forum.example.org'],
      pausedSites: ['news.example.com'],
      highlightStyle: 'background' as const,
      showRefutations: true,
    };
    const result = importSettings(exportSettings(settings, '1.0.0'), pack, NO_RENAMES);
    expect(result).toEqual({ ok: true, settings, dropped: [] });
  });

  it.each([
    ['malformed JSON', '{ "app": "myth-lens", ', 'not valid JSON'],
    [
      'a foreign file',
      JSON.stringify({ app: 'other-extension', kind: 'settings', settings: {} }),
      'not a Myth Lens settings file',
    ],
    ['any other JSON', '[1, 2, 3]', 'not a Myth Lens settings file'],
    [
      'a file without settings',
      JSON.stringify({ app: 'myth-lens', kind: 'settings' }),
      'no settings in it',
    ],
  ])('rejects %s with a message', (_what, text, message) => {
    const result = importSettings(text, pack, NO_RENAMES);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('repairs bad fields inside an otherwise valid file', () => {
    const text = JSON.stringify({
      app: 'myth-lens',
      kind: 'settings',
      settings: { highlightStyle: 'neon', categories: { willpower: false } },
    });
    const result = importSettings(text, pack, NO_RENAMES);
    expect(result.ok && result.settings.highlightStyle).toBe('underline');
    expect(result.ok && result.settings.categories.willpower).toBe(false);
  });
});

describe('issue 13: imports say what they kept and refuse what they cannot read', () => {
  const file = (settings: object) =>
    JSON.stringify({ app: 'myth-lens', kind: 'settings', settings });

  it('refuses a file from a newer version, with the reason', () => {
    const result = importSettings(
      file({ version: 2, pausedSites: ['a.example.com'] }),
      pack,
      NO_RENAMES,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/newer Myth Lens.*version 2.*nothing was changed/);
  });

  it('refuses, with a reason, a version no Myth Lens has saved (0, negative, not a number)', () => {
    for (const version of [0, -1, 1.5, '1', null]) {
      const result = importSettings(
        file({ version, categories: { willpower: false } }),
        pack,
        NO_RENAMES,
      );
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(
        /which no Myth Lens has saved.*nothing was changed/,
      );
    }
  });

  it('refuses a file over 1 MB before parsing it', () => {
    const big = file({
      pausedSites: Array.from({ length: 60_000 }, (_, i) => `s${i}.example.com`),
    });
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const result = importSettings(big, pack, NO_RENAMES);
    expect(!result.ok && result.error).toContain('larger than 1 MB');
  });

  it('names what it left out and keeps the rest', () => {
    const result = importSettings(
      file({
        categories: { willpower: false, 'no-such-category': false },
        disabledMyths: ['no-such-myth'],
        pausedSites: ['ok.example.com', 'https://bad.example.com/'],
        highlightStyle: 'neon',
      }),
      pack,
      NO_RENAMES,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.settings.pausedSites).toEqual(['ok.example.com']);
    expect(result.dropped.join('\n')).toMatch(/no-such-category/);
    expect(result.dropped.join('\n')).toMatch(/no-such-myth/);
    expect(result.dropped.join('\n')).toMatch(/https:\/\/bad\.example\.com\//);
    expect(result.dropped.join('\n')).toMatch(/highlightStyle "neon"/);
  });

  it('says nothing was left out of a clean file', () => {
    const result = importSettings(exportSettings(defaultSettings(pack), '1'), pack, NO_RENAMES);
    expect(result.ok && result.dropped).toEqual([]);
  });
});
