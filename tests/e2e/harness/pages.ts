import type { Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { evalInBackground } from './background';
import type { BrowserHandle } from './launch';
import { waitFor } from './wait';

/** Tab ids of pages the harness opened, learnt when each tab appeared. */
const tabIds = new WeakMap<Page, number>();

/** The fixture server's origin, provided by tests/e2e/global-setup.ts. */
export function fixtureUrl(relativePath: string): string {
  return new URL(relativePath.replace(/^\/+/, ''), `${inject('fixtureOrigin')}/`).href;
}

/** Opens tests/fixtures/<relativePath> in a new tab, served over http://127.0.0.1. */
export async function openFixture(handle: BrowserHandle, relativePath: string): Promise<Page> {
  const page = await newTab(handle);
  await page.goto(fixtureUrl(relativePath), { waitUntil: 'load' });
  return page;
}

/**
 * Opens an extension page (popup.html, options.html) as a tab. Chromium simply
 * navigates there. Firefox's BiDi refuses moz-extension:// navigation, so the
 * background opens the tab with tabs.create; the page is then fully scriptable
 * (evaluate, $, waitForSelector), but BiDi hides extension navigations, so
 * page.url() stays about:blank and goto/reload/console events do not work on it.
 */
export async function openExtensionPage(handle: BrowserHandle, path: string): Promise<Page> {
  const url = handle.extensionBaseUrl + path;
  if (handle.name === 'chromium') {
    const page = await newTab(handle);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }
  const known = new Set(handle.browser.targets());
  const tabId = await evalInBackground(
    handle,
    async (api, target) => (await api.tabs.create({ url: target })).id ?? -1,
    url,
  );
  const target = await handle.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t));
  const page = await target.asPage();
  tabIds.set(page, tabId);
  await waitFor(
    () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
    { message: `${url} to load` },
  );
  return page;
}

/** The extension-API tab id of `page` (needs no "tabs" permission for harness-opened pages). */
export async function tabIdOf(handle: BrowserHandle, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  // Fallback for pages opened elsewhere: only works if the extension may read tab URLs.
  const ids = await evalInBackground(
    handle,
    async (api, url) => (await api.tabs.query({ url })).map((t) => t.id ?? -1),
    page.url(),
  );
  if (ids.length !== 1) {
    throw new Error(
      `Cannot tell the tab id of ${page.url()}: open it with openFixture/openExtensionPage`,
    );
  }
  return ids[0] as number;
}

/** The action badge text the extension set for the tab showing `page`. */
export async function getBadgeText(handle: BrowserHandle, page: Page): Promise<string> {
  const tabId = await tabIdOf(handle, page);
  // Chrome MV3 has `action`; Firefox MV2 only `browserAction`.
  return evalInBackground(
    handle,
    (api, id) => (api.action ?? api.browserAction).getBadgeText({ tabId: id }),
    tabId,
  );
}

/**
 * Opens a blank tab whose tab id the harness knows. Use it instead of
 * openFixture to attach collectErrors before the content script runs:
 * `const page = await newTab(h); const log = collectErrors(page); await page.goto(fixtureUrl(p));`
 * The tab id is learnt by diffing the background's tab list
 * around the opening: content scripts match every http(s) page, but without the
 * "tabs" permission the extension cannot read tab URLs, so it cannot look a
 * tab up by URL. Tests run serially, so exactly one new tab must appear.
 */
export async function newTab(handle: BrowserHandle): Promise<Page> {
  const listTabs = () =>
    evalInBackground(handle, async (api) => (await api.tabs.query({})).map((t) => t.id ?? -1));
  const before = new Set(await listTabs());
  const page = await handle.browser.newPage();
  const fresh = await waitFor(
    async () => {
      const added = (await listTabs()).filter((id) => !before.has(id));
      return added.length === 1 ? added : undefined;
    },
    { timeout: 5_000, message: 'the new tab to appear in tabs.query' },
  );
  tabIds.set(page, fresh[0] as number);
  return page;
}
