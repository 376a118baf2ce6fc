import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../helpers/t';
import {
  collectErrors,
  evalInBackground,
  fixtureUrl,
  getBadgeText,
  newTab,
  tabIdOf,
  waitFor,
  type BrowserHandle,
  type ExtensionApi,
} from './harness';
import {
  collectWorkerErrors,
  serviceWorkerRunning,
  stopServiceWorker,
  watchContentScriptCalls,
  updateExtension,
  type WorkerErrors,
} from './harness/lifecycle';
import { card } from './harness/card';
import { useBrowser } from './harness/session';

/**
 * Issue #8, "Updates and crashes": the extension recovers when its background
 * is stopped and started again, and a content script left behind by an update
 * stops quietly instead of throwing "Extension context invalidated".
 *
 * The background: Chromium's MV3 service worker is stopped between steps (as
 * Chrome does after 30 idle seconds), and every surface must still work with
 * what the worker rebuilds from storage. Firefox runs the MV2 background as a
 * persistent page (wxt.config.ts sets no `persistent: false`), which Firefox
 * never stops while the extension runs, so there is no stop to survive there;
 * its way to lose the background's memory is a reload, tested below with the
 * update.
 *
 * The update: `runtime.reload()` takes the same path as an update. Chromium
 * keeps the old content script running, cut off from the extension, and
 * injects no new one into open tabs: the old script must notice, take its
 * highlights and card off the page and run nothing more. Firefox unloads the
 * old script itself and injects the new version into the open tab: the new
 * script must remove what the old one left (an open card) and work alone.
 */

const FRAMED = 'e2e/popup-with-frame.html';
const THREAD = 'e2e/thread.html';
const THREAD_MYTHS = ['myth-chemical', 'myth-laziness', 'myth-phase'];
const WILLPOWER_SWITCH = 'input[data-category="willpower"]';
const ADDED_MYTH = 'Honestly, depression is just laziness, nothing more.';

/** The ids of the elements holding Myth Lens underlines in `page`'s top frame, sorted. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('myth-lens-underline') ?? [])]
      .map((r) => {
        const node = (r as Range).commonAncestorContainer;
        const el = node instanceof Element ? node : node.parentElement;
        return el?.closest('[id]')?.id ?? '';
      })
      .sort(),
  );
}

function highlightedAre(page: Page, ids: string[], timeout = 10_000) {
  const want = JSON.stringify([...ids].sort());
  return waitFor(async () => JSON.stringify(await highlighted(page)) === want, {
    timeout,
    message: `highlights in ${want}`,
  });
}

/** The page's body as markup, to tell whether anything in it changed. */
function bodyMarkup(page: Page): Promise<string> {
  return page.evaluate(() => new XMLSerializer().serializeToString(document.body));
}

/** What Myth Lens has on the page: its highlight names and its shadow hosts. */
function traces(page: Page) {
  return page.evaluate(() => ({
    highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('myth-lens')),
    hosts: document.querySelectorAll('myth-lens-ui').length,
  }));
}

/** The open card's text, read through the extension (its shadow root is closed). */
async function cardText(h: BrowserHandle, page: Page): Promise<string | null> {
  return (await card(h, page))?.text ?? null;
}

/** Clicks the middle of the first underlined range inside `#id`, as a person would. */
async function clickHighlight(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((target) => {
    document.getElementById(target)?.scrollIntoView({ block: 'center' });
    const range = [...(CSS.highlights.get('myth-lens-underline') ?? [])].find((r) =>
      document.getElementById(target)?.contains((r as Range).startContainer),
    ) as Range | undefined;
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, id);
  if (!point) throw new Error(`No highlight in #${id}`);
  await page.mouse.click(point.x, point.y);
}

function addParagraph(page: Page, id: string, text: string) {
  return page.evaluate(
    (pid, content) => {
      const p = document.createElement('p');
      p.id = pid;
      p.textContent = content;
      document.body.append(p);
    },
    id,
    text,
  );
}

/** Sends what the background sends for Alt+Shift+M; says whether a content script answered. */
async function sendNextFinding(h: BrowserHandle, tabId: number): Promise<string> {
  const send = async (api: ExtensionApi, id: number) => {
    try {
      await api.tabs.sendMessage(id, { type: 'command', command: 'next-finding' });
      return 'answered';
    } catch (error) {
      return String(error);
    }
  };
  if (h.name === 'firefox') return evalInBackground(h, send, tabId);
  // Chromium, after an update: from a page of the new version (see updateExtension).
  const page = await h.browser.newPage();
  try {
    await page.goto(`${h.extensionBaseUrl}popup.html`, { waitUntil: 'load' });
    return (await page.evaluate(
      `(${send.toString()})(chrome, ${JSON.stringify(tabId)})`,
    )) as string;
  } finally {
    await page.close();
  }
}

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

  const badgeIs = (page: Page, text: string) =>
    waitFor(async () => (await getBadgeText(h(), page)) === text, {
      timeout: 5_000,
      message: `badge "${text}"`,
    });

  it('keeps the badge, popup, settings and new pages working across stops', async () => {
    // One myth in the top frame, one in its iframe: the badge counts both.
    const page = await newTab(h());
    const errors = collectErrors(page);
    await page.goto(fixtureUrl(FRAMED), { waitUntil: 'load' });
    const tabId = await tabIdOf(h(), page);
    await highlightedAre(page, ['myth-top']);
    await badgeIs(page, '2');

    // The page changes while the worker is stopped: its report wakes the worker,
    // and the badge must still count the iframe's finding, which no frame resends.
    await stopServiceWorker(h());
    await addParagraph(page, 'myth-added', ADDED_MYTH);
    await highlightedAre(page, ['myth-added', 'myth-top']);
    expect(serviceWorkerRunning(h())).toBe(true);
    await badgeIs(page, '3');

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
    await highlightedAre(page, []); // both top-frame myths are in "willpower"
    await badgeIs(page, '1');
    await stopServiceWorker(h());
    await flip(true);
    await highlightedAre(page, ['myth-added', 'myth-top']);
    await badgeIs(page, '3');
    await options.close();

    // A page opened over a stopped worker is scanned and counted.
    const tabsBefore = await evalInBackground(h(), async (api) =>
      (await api.tabs.query({})).map((tab) => tab.id ?? -1),
    );
    await stopServiceWorker(h());
    const fresh = await h().browser.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(fixtureUrl(THREAD), { waitUntil: 'load' });
    await highlightedAre(fresh, THREAD_MYTHS);
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

/** The forum thread loaded and highlighted, with a card open: where both update tests start. */
async function threadWithCardOpen(h: BrowserHandle) {
  const page = await newTab(h);
  const errors = collectErrors(page);
  await page.goto(fixtureUrl(THREAD), { waitUntil: 'load' });
  const tabId = await tabIdOf(h, page);
  await highlightedAre(page, THREAD_MYTHS);
  const before = await bodyMarkup(page);
  await clickHighlight(page, 'myth-chemical');
  await waitFor(() => cardText(h, page), { message: 'the card to open' });
  return { page, errors, tabId, before };
}

describe('chromium: an update orphans the content script', () => {
  const h = useBrowser('chromium');

  it('stops quietly on the next scroll, takes its marks off, and runs nothing after', async () => {
    const { page, errors, tabId, before } = await threadWithCardOpen(h());
    const calls = await watchContentScriptCalls(h(), page);

    await updateExtension(h());
    // Scrolling with the card open redrew it, and the redraw threw
    // "Extension context invalidated" (its strings come from i18n.getMessage).
    await page.mouse.wheel({ deltaY: 200 });
    await new Promise((r) => setTimeout(r, 300)); // a frame for the card to redraw in
    expect(errors.all).toEqual([]);
    await waitFor(
      async () => JSON.stringify(await traces(page)) === '{"highlights":[],"hosts":0}',
      {
        message: 'the old script to take its highlights and card off the page',
      },
    );
    expect(await bodyMarkup(page)).toBe(before);
    await calls.take(); // the teardown itself ran here

    // Everything that used to wake the script now finds nothing of it to run.
    await page.mouse.click(200, 200);
    await addParagraph(page, 'myth-added', ADDED_MYTH);
    await page.keyboard.press('Tab');
    await page.mouse.wheel({ deltaY: -200 });
    expect(await sendNextFinding(h(), tabId)).toMatch(/Receiving end does not exist/);
    await page.bringToFront();
    await new Promise((r) => setTimeout(r, 1_500)); // past the mutation debounce
    expect(await calls.take()).toEqual([]);
    expect(await traces(page)).toEqual({ highlights: [], hosts: 0 });
    expect(errors.all).toEqual([]);

    // The new version is running: a page loaded now gets its highlights.
    await page.reload({ waitUntil: 'load' });
    await highlightedAre(page, THREAD_MYTHS);
    expect(errors.all).toEqual([]);
    errors.stop();
    await calls.stop();
    await page.close();
  }, 60_000);
});

describe('firefox: an update replaces the content script', () => {
  const h = useBrowser('firefox');

  it('the new script clears the old card, works alone and throws nothing', async () => {
    const { page, errors, tabId, before } = await threadWithCardOpen(h());
    expect((await traces(page)).hosts).toBe(1);

    await updateExtension(h());
    // The old script's card stayed on screen, dead, until the new script removed it.
    await waitFor(async () => (await traces(page)).hosts === 0, {
      message: "the new script to remove the old script's card",
    });
    await highlightedAre(page, THREAD_MYTHS);
    expect(await bodyMarkup(page)).toBe(before);

    // One script answers: one card for a click, the command reaches it, a change is scanned.
    await clickHighlight(page, 'myth-phase');
    await waitFor(async () => (await cardText(h(), page))?.includes('phase'), {
      message: 'the card for the clicked myth',
    });
    expect((await traces(page)).hosts).toBe(1);
    expect(await sendNextFinding(h(), tabId)).toBe('answered');
    await addParagraph(page, 'myth-added', ADDED_MYTH);
    await highlightedAre(page, [...THREAD_MYTHS, 'myth-added']);
    await page.mouse.wheel({ deltaY: 200 });
    expect((await traces(page)).hosts).toBe(1);
    await waitFor(async () => (await getBadgeText(h(), page)) === '4', {
      message: 'badge "4" from the new background',
    });
    expect(errors.all).toEqual([]);
    errors.stop();
    await page.close();
  }, 60_000);
});
