import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/settings';
import { exportSettings, importSettings } from '../../lib/settings-io';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { FIXTURES } from '../helpers/pages';

const pack = packFromDisk(join(FIXTURES, 'packs', 'minimal'));
const renames = { categories: {}, myths: {} };

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
    const result = importSettings(exportSettings(settings, '1.0.0'), pack, renames);
    expect(result).toEqual({ ok: true, settings });
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
    const result = importSettings(text, pack, renames);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('repairs bad fields inside an otherwise valid file', () => {
    const text = JSON.stringify({
      app: 'myth-lens',
      kind: 'settings',
      settings: { highlightStyle: 'neon', categories: { willpower: false } },
    });
    const result = importSettings(text, pack, renames);
    expect(result.ok && result.settings.highlightStyle).toBe('underline');
    expect(result.ok && result.settings.categories.willpower).toBe(false);
  });
});
