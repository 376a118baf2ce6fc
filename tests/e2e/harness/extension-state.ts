import type { Page } from 'puppeteer-core';
import type { HitSummary } from '../../../lib/protocol';
import { evalInBackground, type Json } from './background';
import type { BrowserHandle } from './launch';
import { fixtureUrl, getBadgeText, newTab, tabIdOf } from './pages';
import { collectErrors, waitFor, type ErrorLog } from './wait';

/**
 * The extension's state as a test reads and sets it through the background:
 * what a tab's content script reports, the badge, commands and settings.
 */

/** What the content script answers to getPageState (entrypoints/content/controller.ts). */
export interface PageState {
  status: 'unavailable' | 'paused' | 'ready';
  host: string;
  visible: boolean;
  asserted: HitSummary[];
  refuted: number;
}

/** The top frame's page state, asked the way the popup asks. */
export async function pageState(h: BrowserHandle, tab: Page | number): Promise<PageState> {
  const tabId = typeof tab === 'number' ? tab : await tabIdOf(h, tab);
  return evalInBackground(
    h,
    (api, id) => api.tabs.sendMessage(id, { type: 'getPageState' }, { frameId: 0 }),
    tabId,
  ) as Promise<PageState>;
}

/**
 * Opens a fixture with its error log attached before the content script
 * runs, and waits until the top frame holds `asserted` findings and the
 * badge shows `badge` (all frames; a report is the last step of a scan).
 */
export async function openScanned(
  h: BrowserHandle,
  path: string,
  asserted: number,
  badge = asserted,
): Promise<{ page: Page; tabId: number; errors: ErrorLog }> {
  const page = await newTab(h);
  const errors = collectErrors(page);
  await page.goto(fixtureUrl(path), { waitUntil: 'load' });
  const tabId = await tabIdOf(h, page);
  await waitFor(
    async () =>
      (await getBadgeText(h, page)) === (badge > 0 ? String(badge) : '') &&
      (await pageState(h, tabId)).asserted.length === asserted,
    { message: `${path} to report ${asserted} asserted findings` },
  );
  return { page, tabId, errors };
}

/** Sends a keyboard command to the tab the way the background does when its shortcut is pressed. */
export async function command(
  h: BrowserHandle,
  page: Page,
  name: 'next-finding' | 'toggle-highlights',
): Promise<void> {
  const tabId = await tabIdOf(h, page);
  await evalInBackground(
    h,
    (api, id, cmd) => api.tabs.sendMessage(id, { type: 'command', command: cmd }),
    tabId,
    name,
  );
}

/** Waits until the action badge of `page`'s tab reads `text` ('' for none). */
export async function badgeIs(
  h: BrowserHandle,
  page: Page,
  text: string,
  timeout = 3_000,
): Promise<void> {
  await waitFor(async () => (await getBadgeText(h, page)) === text, {
    timeout,
    message: `badge "${text}"`,
  });
}

/** The part of the stored settings the tests read. */
export interface StoredSettings {
  categories?: Record<string, boolean>;
  pausedSites?: string[];
}

/** Settings as stored, read the way lib/settings-store picks its area: sync, else local. */
export function storedSettings(h: BrowserHandle): Promise<StoredSettings> {
  return evalInBackground(h, async (api) => {
    const key = 'settings';
    try {
      const synced = (await api.storage.sync.get(key))[key];
      if (synced) return synced as StoredSettings;
    } catch {
      // no sync area: local it is
    }
    return ((await api.storage.local.get(key))[key] ?? {}) as StoredSettings;
  });
}

/** The settings exactly as the extension keeps them in storage.sync, which both browsers under test have. */
export function syncedSettings(
  h: BrowserHandle,
): Promise<{ categories: Record<string, boolean>; pausedSites: string[] }> {
  return evalInBackground(h, async (api) => {
    const s = (await api.storage.sync.get('settings')).settings as {
      categories: Record<string, boolean>;
      pausedSites: string[];
    };
    return { categories: s.categories, pausedSites: s.pausedSites };
  });
}

/** Writes the stored settings with `change` applied, as the options page would save them. */
export async function changeSettings(
  h: BrowserHandle,
  change: { [key: string]: Json },
): Promise<void> {
  await evalInBackground(
    h,
    async (api, patch) => {
      const current = (await api.storage.sync.get('settings')).settings as object;
      await api.storage.sync.set({ settings: { ...current, ...patch } });
    },
    change,
  );
}

/** Back to defaults: with nothing stored, the extension repairs to (and stores) its defaults. */
export async function resetSettings(h: BrowserHandle): Promise<void> {
  await evalInBackground(h, async (api) => {
    await api.storage.local.remove('settings');
    await api.storage.sync.remove('settings').catch(() => undefined);
  });
}
