import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { BrowserName } from './config';
import { launch, type BrowserHandle } from './launch';
import { fixtureUrl, newTab } from './pages';
import { collectErrors, type ErrorLog } from './wait';

/**
 * One browser for the enclosing describe block: launched before its first
 * test, closed after its last. Call it inside describe(); the function it
 * returns gives the handle, or fails the test if the launch did not succeed.
 */
export function useBrowser(name: BrowserName): () => BrowserHandle {
  let handle: BrowserHandle | undefined;
  beforeAll(async () => {
    handle = await launch(name);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error(`${name} did not launch`);
    return handle;
  };
}

/** Fails on any error the extension caused in a page, then stops listening. */
export function expectNoExtensionErrors(errors: ErrorLog): void {
  expect(errors.fromExtension()).toEqual([]);
  errors.stop();
}

/**
 * Returns `open(path)`, which opens a fixture page with its error log attached
 * before the content script can run (`beforeLoad` may prepare the page first).
 * After each test every page it opened is closed, and the test fails on any
 * error the extension caused in one. Call it inside describe().
 */
export function useFixtureTabs(h: () => BrowserHandle) {
  const opened: { page: Page; errors: ErrorLog }[] = [];
  afterEach(async () => {
    const errors = opened.flatMap((o) => o.errors.fromExtension());
    for (const o of opened.splice(0)) {
      o.errors.stop();
      await o.page.close().catch(() => undefined);
    }
    expect(errors).toEqual([]);
  });
  return async function open(
    path: string,
    beforeLoad?: (page: Page) => Promise<unknown>,
  ): Promise<Page> {
    const page = await newTab(h());
    const errors = collectErrors(page);
    opened.push({ page, errors });
    await beforeLoad?.(page);
    await page.goto(fixtureUrl(path), { waitUntil: 'load' });
    return page;
  };
}
