import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
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
import { card } from './harness/card';
import { underlinesIn } from './harness/highlights';
import { addParagraph, updateExtension, watchContentScriptCalls } from './harness/lifecycle';
import { useBrowser } from './harness/session';

/**
 * Issue #8, "Updates and crashes", the content script's side: a content script
 * left behind by an update stops quietly instead of throwing "Extension
 * context invalidated". `runtime.reload()` takes the same path as an update.
 * Chromium keeps the old content script running, cut off from the extension,
 * and injects no new one into open tabs: the old script must notice, take its
 * highlights and card off the page and run nothing more. Firefox unloads the
 * old script itself and injects the new version into the open tab: the new
 * script must remove what the old one left (an open card) and work alone.
 */

const THREAD = 'e2e/thread.html';
const THREAD_MYTHS = ['myth-chemical', 'myth-laziness', 'myth-phase'];
const ADDED_MYTH = 'Honestly, depression is just laziness, nothing more.';

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

/** The forum thread loaded and highlighted, with a card open: where both update tests start. */
async function threadWithCardOpen(h: BrowserHandle) {
  const page = await newTab(h);
  const errors = collectErrors(page);
  await page.goto(fixtureUrl(THREAD), { waitUntil: 'load' });
  const tabId = await tabIdOf(h, page);
  await underlinesIn(page, THREAD_MYTHS);
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
    await underlinesIn(page, THREAD_MYTHS);
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
    await underlinesIn(page, THREAD_MYTHS);
    expect(await bodyMarkup(page)).toBe(before);

    // One script answers: one card for a click, the command reaches it, a change is scanned.
    await clickHighlight(page, 'myth-phase');
    await waitFor(async () => (await cardText(h(), page))?.includes('phase'), {
      message: 'the card for the clicked myth',
    });
    expect((await traces(page)).hosts).toBe(1);
    expect(await sendNextFinding(h(), tabId)).toBe('answered');
    await addParagraph(page, 'myth-added', ADDED_MYTH);
    await underlinesIn(page, [...THREAD_MYTHS, 'myth-added']);
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
