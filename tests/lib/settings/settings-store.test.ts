import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../lib/settings/settings';
import { QUOTA_BYTES, QUOTA_BYTES_PER_ITEM } from '../../../lib/settings/settings-chunks';
import { exportSettings, importSettings } from '../../../lib/settings/settings-io';
import {
  addReport,
  MAX_REPORTS,
  readReports,
  readSettings,
  SettingsWriteError,
  updateSettings,
  writeSettings,
} from '../../../lib/settings/settings-store';
import { quotaStorage } from '../../helpers/quota-storage';
import { minimalPack, NO_RENAMES } from '../../helpers/minimal-pack';

/** Issue 13: settings past storage.sync's limits are never lost silently. */

const pack = minimalPack();
const sites = (n: number, prefix = 'site') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}.example-news-site.com`);
const withSites = (pausedSites: string[], onlySites: string[] = []): Settings => ({
  ...defaultSettings(pack),
  pausedSites,
  onlySites,
});

describe('settings at the storage.sync limits', () => {
  it('the fake enforces the real quotas', () => {
    expect(QUOTA_BYTES_PER_ITEM).toBe(8192);
    expect(QUOTA_BYTES).toBe(102_400);
  });

  it('an imported file with 450 paused sites round-trips through storage', async () => {
    const { area, keys } = quotaStorage();
    const file = exportSettings(withSites(sites(450)), '1.0.0');
    expect(file.length).toBeGreaterThan(QUOTA_BYTES_PER_ITEM);
    const imported = importSettings(file, pack, NO_RENAMES);
    if (!imported.ok) throw new Error(imported.error);
    await writeSettings(area, imported.settings);
    const read = await readSettings(area, pack, NO_RENAMES);
    expect(read.pausedSites).toEqual(sites(450));
    expect(keys().length).toBeGreaterThan(1); // split into chunk items
  });

  it('sites added one by one, as the popup does, all stay', async () => {
    const { area } = quotaStorage();
    for (const host of sites(450)) {
      await updateSettings(area, pack, NO_RENAMES, (s) => ({
        ...s,
        pausedSites: [...s.pausedSites, host],
      }));
    }
    expect((await readSettings(area, pack, NO_RENAMES)).pausedSites).toHaveLength(450);
  });

  it('a shrinking list takes its old chunks away and reads back exactly', async () => {
    const { area, keys } = quotaStorage();
    await writeSettings(area, withSites(sites(450), sites(300, 'only')));
    await writeSettings(area, withSites(sites(3)));
    expect(keys()).toEqual(['settings']);
    expect((await readSettings(area, pack, NO_RENAMES)).pausedSites).toEqual(sites(3));
  });

  it('a write over the total quota is refused with a message, and the previous value is kept', async () => {
    const { area, used } = quotaStorage();
    await writeSettings(area, withSites(sites(10)));
    const huge = Array.from({ length: 500 }, (_, i) => `${'a'.repeat(200)}-${i}.example.com`);
    const failed = await writeSettings(area, withSites(huge)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SettingsWriteError);
    expect((failed as Error).message).toMatch(/could not save.*previous settings are kept/i);
    expect((await readSettings(area, pack, NO_RENAMES)).pausedSites).toEqual(sites(10));
    expect(used()).toBeLessThanOrEqual(QUOTA_BYTES);
  });
});

describe('read-modify-write is serialised', () => {
  it('ten concurrent notes store ten', async () => {
    const { area } = quotaStorage(1e9, 1e9);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        addReport(area, { mythId: 'm', sentence: `s${i}`, date: 'd' }),
      ),
    );
    expect(await readReports(area)).toHaveLength(10);
  });

  it('concurrent setting changes both stick', async () => {
    const { area } = quotaStorage();
    await Promise.all([
      updateSettings(area, pack, NO_RENAMES, (s) => ({ ...s, pausedSites: ['a.example.com'] })),
      updateSettings(area, pack, NO_RENAMES, (s) => ({ ...s, highlightStyle: 'background' })),
    ]);
    const read = await readSettings(area, pack, NO_RENAMES);
    expect(read.pausedSites).toEqual(['a.example.com']);
    expect(read.highlightStyle).toBe('background');
  });

  it('a full list of notes refuses a new one and never drops an old one', async () => {
    const { area } = quotaStorage(1e9, 1e9);
    for (let i = 0; i < MAX_REPORTS; i++) {
      await addReport(area, { mythId: 'm', sentence: `real ${i}`, date: 'd' });
    }
    expect(await addReport(area, { mythId: 'm', sentence: 'flood', date: 'd' })).toBe('full');
    const kept = await readReports(area);
    expect(kept).toHaveLength(MAX_REPORTS);
    expect(kept[0]!.sentence).toBe('real 0');
  });
});
