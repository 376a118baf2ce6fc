import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../helpers/t';
import { collectErrors, evalInBackground, fixtureUrl, newTab, tabIdOf, waitFor } from './harness';
import { badgeIs } from './harness/extension-state';
import { underlinesIn } from './harness/highlights';
import {
  addParagraph,
  collectWorkerErrors,
  serviceWorkerRunning,
  stopServiceWorker,
  type WorkerErrors,
} from './harness/lifecycle';
import { useBrowser } from './harness/session';

/**
 * Issue #8, "Updates and crashes", the background's side: Chromium's MV3
 * service worker is stopped between steps (as Chrome does after 30 idle
 * seconds), and every surface must still work with what the worker rebuilds
 * from storage. Firefox runs the MV2 background as a persistent page
 * (wxt.config.ts sets no `persistent: false`), which Firefox never stops while
 * the extension runs, so there is no stop to survive there; its way to lose
 * the background's memory is a reload, tested with the update in
 * lifecycle-update.e2e.ts.
 */

const FRAMED = 'e2e/popup-with-frame.html';
const THREAD = 'e2e/thread.html';
const THREAD_MYTHS = ['myth-chemical', 'myth-laziness', 'myth-phase'];
const WILLPOWER_SWITCH = 'input[data-category="willpower"]';
const ADDED_MYTH = 'Honestly, depression is just laziness, nothing more.';

describe('chromium: the service worker is stopped', () => {
  const h = useBrowser('chromium');
  let workerErrors: WorkerErrors | undefined;
  beforeAll(() => {
    workerErrors = collectWorkerErrors(h());
  });

  /**
   * Opened directly: the harness's openExtensionPage and newTab ask the
   * background for tab ids, which would wake the worker before the step under test.
   */
  async function openOwnPage(path: string): Promise<Page> {
    const page = await h().browser.newPage();
    await page.goto(h().extensionBaseUrl + path, { waitUntil: 'load' });
    return page;
  }

  const badgeSoon = (page: Page, text: string) => badgeIs(h(), page, text, 5_000);

  it('keeps the badge, popup, settings and new pages working across stops', async () => {
    // One myth in the top frame, one in its iframe: the badge counts both.
    const page = await newTab(h());
    const errors = collectErrors(page);
    await page.goto(fixtureUrl(FRAMED), { waitUntil: 'load' });
    const tabId = await tabIdOf(h(), page);
    await underlinesIn(page, ['myth-top']);
    await badgeSoon(page, '2');

    // The page changes while the worker is stopped: its report wakes the worker,
    // and the badge must still count the iframe's finding, which no frame resends.
    await stopServiceWorker(h());
    await addParagraph(page, 'myth-added', ADDED_MYTH);
    await underlinesIn(page, ['myth-added', 'myth-top']);
    expect(serviceWorkerRunning(h())).toBe(true);
    await badgeSoon(page, '3');

    // The popup, opened over a stopped worker, lists the page and looks claims up.
    await stopServiceWorker(h());
    const popup = await openOwnPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
    expect(
      await popup.$$eval('.finding-list > li', (items) =>
        items.map((li) => li.getAttribute('data-myth-id')),
      ),
    ).toEqual(['depression-is-weakness', 'depression-is-laziness']);
    await popup.type('.claim-field', 'depression is just laziness');
    const results = await waitFor(
      () =>
        popup.evaluate((label) => {
          const items = document.querySelectorAll(`ol[aria-label="${label}"] > [data-myth-id]`);
          return [...items].map((li) => li.getAttribute('data-myth-id'));
        }, t('lookupResultsLabel')),
      { message: 'lookup results' },
    ).then((list) => (list.length > 0 ? list : null));
    expect(results?.[0]).toBe('depression-is-laziness');
    await popup.close();

    // A setting changed over a stopped worker reaches the open tab, and back.
    const options = await openOwnPage('options.html');
    await options.waitForSelector(WILLPOWER_SWITCH, { timeout: 10_000 });
    await stopServiceWorker(h());
    const flip = async (to: boolean) => {
      await options.click(WILLPOWER_SWITCH);
      await waitFor(
        () =>
          options.$eval(WILLPOWER_SWITCH, (el, w) => (el as HTMLInputElement).checked === w, to),
        { message: `willpower ${to ? 'on' : 'off'}` },
      );
    };
    await flip(false);
    await underlinesIn(page, []); // both top-frame myths are in "willpower"
    await badgeSoon(page, '1');
    await stopServiceWorker(h());
    await flip(true);
    await underlinesIn(page, ['myth-added', 'myth-top']);
    await badgeSoon(page, '3');
    await options.close();

    // A page opened over a stopped worker is scanned and counted.
    const tabsBefore = await evalInBackground(h(), async (api) =>
      (await api.tabs.query({})).map((tab) => tab.id ?? -1),
    );
    await stopServiceWorker(h());
    const fresh = await h().browser.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(fixtureUrl(THREAD), { waitUntil: 'load' });
    await underlinesIn(fresh, THREAD_MYTHS);
    const freshTab = await evalInBackground(
      h(),
      async (api, before) =>
        (await api.tabs.query({})).find((tab) => !before.includes(tab.id!))?.id,
      tabsBefore,
    );
    const freshBadge = () =>
      evalInBackground(h(), (api, id) => api.action.getBadgeText({ tabId: id }), freshTab ?? -1);
    await waitFor(async () => (await freshBadge()) === '3', { message: 'the new page badge "3"' });

    expect(errors.all).toEqual([]);
    expect(freshErrors.all).toEqual([]);
    expect(workerErrors?.all).toEqual([]);
    errors.stop();
    freshErrors.stop();
    await fresh.close();
    await page.close();
  }, 90_000);
});
