import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { t } from '../components/t';
import {
  BROWSERS,
  collectErrors,
  evalInBackground,
  fixtureUrl,
  getBadgeText,
  launch,
  newTab,
  openExtensionPage,
  tabIdOf,
  waitFor,
  type BrowserHandle,
  type ErrorLog,
} from './harness';
import { axeViolations } from './harness/axe';

/**
 * Issue 6: the popup's claim lookup, page list, badge, context-menu path and
 * quick controls in the built extension, plus axe on the popup (issue 7).
 * Each browser gets one launch; tests open their own tabs and close them.
 */

const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** The popup is drawn 380px wide (popup.css); nothing may overflow that. */
const POPUP_WIDTH = 380;

/** What the content script answers to getPageState (entrypoints/content/controller.ts). */
interface PageState {
  status: 'unavailable' | 'paused' | 'ready';
  host: string;
  visible: boolean;
  asserted: { key: number; mythId: string; stance: string; text: string }[];
  refuted: number;
}

interface StoredSettings {
  pausedSites?: string[];
}

/** A myth's claim as the pack states it, read from its file. */
function claimOf(mythId: string): string {
  for (const category of readdirSync(`${CONTENT_DIR}myths`)) {
    const file = `${CONTENT_DIR}myths/${category}/${mythId}.json`;
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { claim: string }).claim;
    } catch {
      // not in this category
    }
  }
  throw new Error(`No myth ${mythId} under ${CONTENT_DIR}myths`);
}

const categoryCount = (JSON.parse(readFileSync(`${CONTENT_DIR}categories.json`, 'utf8')) as [])
  .length;

for (const name of BROWSERS) {
  describe(`popup in ${name}`, () => {
    let handle: BrowserHandle | undefined;
    const h = () => {
      if (!handle) throw new Error(`${name} did not launch`);
      return handle;
    };

    beforeAll(async () => {
      handle = await launch(name);
    });
    afterAll(async () => {
      await handle?.close();
    });

    const pageState = (tabId: number) =>
      evalInBackground(
        h(),
        (api, id) => api.tabs.sendMessage(id, { type: 'getPageState' }, { frameId: 0 }),
        tabId,
      ) as Promise<PageState>;

    /**
     * Opens a fixture with its error log attached before the content script
     * runs, and waits until the top frame holds `asserted` findings and the
     * badge shows `badge` (all frames; a report is the last step of a scan).
     */
    async function openScanned(path: string, asserted: number, badge = asserted) {
      const page = await newTab(h());
      const errors = collectErrors(page);
      await page.goto(fixtureUrl(path), { waitUntil: 'load' });
      const tabId = await tabIdOf(h(), page);
      await waitFor(
        async () =>
          (await getBadgeText(h(), page)) === (badge > 0 ? String(badge) : '') &&
          (await pageState(tabId)).asserted.length === asserted,
        { message: `${path} to report ${asserted} asserted findings` },
      );
      return { page, tabId, errors };
    }

    /** Fails on any error the extension caused in the fixture page, then stops listening. */
    function expectNoExtensionErrors(errors: ErrorLog) {
      expect(errors.fromExtension()).toEqual([]);
      errors.stop();
    }

    it('focuses the "Check a claim" field and ranks the right myth first', async () => {
      const popup = await openExtensionPage(h(), 'popup.html');
      const field = await claimField(popup);
      // The field named by the label is the focused element, with nothing clicked.
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

      const cases: [query: string, mythId: string][] = [
        [claimOf('depression-is-laziness'), 'depression-is-laziness'],
        ['my mom says I should just jog more', 'exercise-cures-depression'],
        ['serotonin', 'low-serotonin-cause'],
        ['he needs to man up', 'snap-out-of-it'],
      ];
      for (const [query, mythId] of cases) {
        const ranked = await lookUp(popup, query);
        expect(ranked[0], `first result for "${query}" (all: ${ranked.join(', ')})`).toBe(mythId);
      }
      // The exact sentence repeats the myth, and the result says so.
      await lookUp(popup, claimOf('depression-is-laziness'));
      expect(await firstResultBadge(popup)).toBe(t('lookupBadgeRepeats'));
      await popup.close();
    });

    it('recognises a refutation and says so kindly', async () => {
      const popup = await openExtensionPage(h(), 'popup.html');
      expect(await lookUp(popup, 'Depression is not laziness.')).toEqual([
        'depression-is-laziness',
      ]);
      expect(await firstResultBadge(popup)).toBe(t('lookupBadgeDebunks'));
      const note = await popup.$eval('.claim-field ~ .ml-positive', (el) => el.textContent);
      expect(note).toBe(t('lookupRefutesNote'));
      await popup.close();
    });

    it('offers to browse by category when nothing matches', async () => {
      const popup = await openExtensionPage(h(), 'popup.html');
      expect(await lookUp(popup, 'blorft quibbly zanzibar')).toEqual([]);
      // An offer, closed so the page list stays in view; opening it shows every category.
      const offer = await popup.waitForSelector('details.browse > summary');
      expect(await offer?.evaluate((el) => el.textContent)).toBe(t('browseTitle'));
      await offer?.click();
      const view = await popup.evaluate(() => ({
        status: document.querySelector('.popup-status')?.textContent,
        open: document.querySelector<HTMLDetailsElement>('details.browse')?.open,
        categories: document.querySelectorAll('details.browse[open] .browse-category').length,
      }));
      expect(view).toEqual({ status: t('lookupNone'), open: true, categories: categoryCount });
      await popup.close();
    });

    it('opens with the context menu selection (popup.html?q=) and its myth first', async () => {
      // The URL exactly as openLookup builds it; tests/background/context-menu.test.ts pins that shape.
      const selection = 'Honestly, running cures depression & anxiety — #trust me';
      const popup = await openExtensionPage(h(), `popup.html?q=${encodeURIComponent(selection)}`);
      const field = await claimField(popup);
      expect(await field.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(selection);
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
      const ranked = await settledResults(popup, selection);
      expect(ranked[0]).toBe('exercise-cures-depression');
      expect(await firstResultBadge(popup)).toBe(t('lookupBadgeRepeats'));
      await popup.close();
    });

    it('lists the findings the content script reports, refutations counted apart', async () => {
      const { page, tabId, errors } = await openScanned('e2e/forum.html', 2);
      const state = await pageState(tabId);
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
      const section = await findingsSection(popup);

      expect(section.listed).toEqual(state.asserted.map((f) => f.mythId));
      // The fixture's own truth, so an empty scan on both sides cannot pass.
      expect(section.listed).toEqual(['depression-is-laziness', 'exercise-cures-depression']);
      expect(section.count).toBe(t('pageCountMany', ['2']));
      expect(state.refuted).toBe(2);
      expect(section.refutedNote).toBe(t('pageRefutedMany', [String(state.refuted)]));

      await popup.close();
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('lists only the top frame: finding keys belong to one frame', async () => {
      // The iframe repeats a different myth; its findings count on the badge but
      // cannot be focused from the top frame's list, whose keys are the top frame's.
      const { page, tabId } = await openScanned('e2e/popup-with-frame.html', 1, 2);
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
      expect((await findingsSection(popup)).listed).toEqual(['depression-is-weakness']);
      await popup.close();
      await page.close();
    });

    it('jumps to a finding: the page scrolls to it and its card opens', async () => {
      const { page, tabId, errors } = await openScanned('e2e/popup-long-thread.html', 1);
      const target = '#myth-far-down';
      expect(await inViewport(page, target)).toBe(false);
      // As in use, the popup is a window over the visible page (openLookup opens
      // one the same way): Firefox runs no smooth scroll in a hidden tab.
      const popup = await openPopupWindow(`popup.html?tab=${tabId}`);
      const finding = await popup.waitForSelector('.finding-list [data-myth-id] button', {
        timeout: 10_000,
      });
      await finding?.click();
      await waitFor(() => inViewport(page, target), { message: `${target} to scroll into view` });
      const card = await waitFor(
        () =>
          page.evaluate(
            () =>
              document
                .querySelector('myth-lens-ui')
                ?.shadowRoot?.querySelector('[role="dialog"]')
                ?.textContent?.replace(/\s+/g, ' ') ?? null,
          ),
        { message: 'the correction card to open' },
      );
      expect(card).toContain(claimOf('all-in-your-head'));
      await popup.close();
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('keeps the badge equal to the asserted findings as the page grows', async () => {
      const { page, tabId, errors } = await openScanned('e2e/forum.html', 2);
      expect(await getBadgeText(h(), page)).toBe(String((await pageState(tabId)).asserted.length));
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent =
          'Someone in the comments wrote that antidepressants are just expensive placebos.';
        document.getElementById('later')?.append(p);
      });
      await waitFor(async () => (await getBadgeText(h(), page)) === '3', {
        timeout: 5_000,
        message: 'the badge to count the appended myth',
      });
      const after = await pageState(tabId);
      expect(after.asserted.map((f) => f.mythId)).toEqual([
        'depression-is-laziness',
        'exercise-cures-depression',
        'antidepressants-are-placebos',
      ]);
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('quick controls: pause the site, hide highlights, open settings, help over https', async () => {
      const { page, tabId, errors } = await openScanned('e2e/forum.html', 2);
      // A failure half way must not leave the fixture host paused for the next tests.
      onTestFinished(() => resetSettings());
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'highlights' });
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list', { timeout: 10_000 });

      // Pause: the host goes into settings, the page clears, the popup says so.
      await (await switchNamed(popup, t('controlsPauseSite'))).click();
      await waitFor(async () => (await storedSettings()).pausedSites?.includes('127.0.0.1'), {
        message: 'pausedSites to hold 127.0.0.1',
      });
      await waitFor(async () => (await highlightCount(page)) === 0, { message: 'no highlights' });
      await waitFor(async () => (await getBadgeText(h(), page)) === '', { message: 'no badge' });
      await waitFor(async () => (await findingsSection(popup)).text.includes(t('pagePaused')), {
        message: 'the popup to say the site is paused',
      });
      expect(await isChecked(popup, t('controlsPauseSite'))).toBe(true);

      // Resume: everything comes back, and the popup lists the findings again.
      await (await switchNamed(popup, t('controlsPauseSite'))).click();
      await waitFor(async () => (await storedSettings()).pausedSites?.length === 0, {
        message: 'pausedSites to be empty again',
      });
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'highlights back' });
      await waitFor(async () => (await getBadgeText(h(), page)) === '2', { message: 'badge back' });
      await waitFor(async () => (await findingsSection(popup)).listed.length === 2, {
        message: 'the popup to list the findings again',
      });
      expect(await isChecked(popup, t('controlsPauseSite'))).toBe(false);

      // Show highlights on this tab: off hides them (the count stays), on brings them back.
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(true);
      await (await switchNamed(popup, t('controlsShowHighlights'))).click();
      await waitFor(async () => (await highlightCount(page)) === 0, { message: 'hidden' });
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(false);
      expect((await pageState(tabId)).visible).toBe(false);
      expect(await getBadgeText(h(), page)).toBe('2');
      await (await switchNamed(popup, t('controlsShowHighlights'))).click();
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'shown again' });
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(true);

      // The settings link opens the options page in a new tab.
      const known = new Set(h().browser.targets());
      const settingsLink = await popup.evaluateHandle(
        (label) =>
          [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) ??
          null,
        t('controlsOpenSettings'),
      );
      await (settingsLink.asElement() as ElementHandle<HTMLButtonElement>).click();
      const optionsTarget = await h().browser.waitForTarget(
        (target) => target.type() === 'page' && !known.has(target),
        { timeout: 10_000 },
      );
      const options = await optionsTarget.asPage();
      // page.url() stays about:blank for extension pages in Firefox; the document knows its URL.
      const optionsUrl = await waitFor(
        // A new tab is about:blank, and complete, before it navigates to the options page.
        () =>
          options.evaluate(() =>
            location.href !== 'about:blank' && document.readyState === 'complete'
              ? location.href
              : '',
          ),
        { message: 'the options page to load' },
      );
      expect(optionsUrl).toBe(`${h().extensionBaseUrl}options.html`);
      await options.close();

      // "Get help now": every link leaves over https, in a new tab, without an opener.
      const help = await popup.evaluate((title) => {
        const footer = [...document.querySelectorAll('footer')].find(
          (f) => f.querySelector('h2')?.textContent === title,
        );
        return [...(footer?.querySelectorAll('a') ?? [])].map((a) => ({
          href: a.href,
          target: a.target,
          rel: a.rel,
        }));
      }, t('helpTitle'));
      expect(help.length).toBeGreaterThan(0);
      for (const link of help) {
        expect(new URL(link.href).protocol).toBe('https:');
        expect(link.target).toBe('_blank');
        expect(link.rel.split(' ')).toContain('noopener');
      }

      await popup.close();
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('has no axe violations with a result open and with the page list', async () => {
      const { page, tabId } = await openScanned('e2e/forum.html', 2);
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
      await lookUp(popup, 'my mom says I should just jog more');
      await openFirstResult(popup);
      expect(await axeViolations(popup)).toEqual([]);
      if (name === 'chromium') {
        // Reduced motion too: the stylesheet then drops its colour transitions, so
        // axe measures the dark colours, not a hover background half way there.
        await popup.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: 'dark' },
          { name: 'prefers-reduced-motion', value: 'reduce' },
        ]);
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          true,
        );
        expect(await axeViolations(popup)).toEqual([]);
      }
      // The empty state: the whole browse list, one myth opened.
      await lookUp(popup, '');
      await popup.$eval('details.browse', (el) => ((el as HTMLDetailsElement).open = true));
      await popup.$eval(
        '.browse .myth-item details',
        (el) => ((el as HTMLDetailsElement).open = true),
      );
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });

    if (name === 'chromium') {
      it('fits 380px and is photographed for the docs', async () => {
        const { page, tabId } = await openScanned('e2e/forum.html', 2);
        const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
        await popup.setViewport({ width: POPUP_WIDTH, height: 600 });
        await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
        await lookUp(popup, 'my mom says I should just jog more');
        await openFirstResult(popup);
        await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        // Nothing sticks out sideways: no horizontal scrollbar in the popup window.
        const widths = await popup.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          widest: Math.max(
            ...[...document.querySelectorAll('.popup *')].map(
              (el) => el.getBoundingClientRect().right,
            ),
          ),
        }));
        expect(widths.page).toBeLessThanOrEqual(POPUP_WIDTH);
        expect(widths.widest).toBeLessThanOrEqual(POPUP_WIDTH);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await popup.screenshot({ path: `${SCREENSHOTS}popup.png`, fullPage: true });
        await popup.close();
        await page.close();
      });
    }

    /**
     * Opens an extension page in its own popup window, as the toolbar popup and
     * openLookup show it, so the tab under it stays visible. Like Firefox's
     * openExtensionPage, the page is reached through its new target.
     */
    async function openPopupWindow(path: string): Promise<Page> {
      const url = h().extensionBaseUrl + path;
      const known = new Set(h().browser.targets());
      await evalInBackground(
        h(),
        async (api, target) => {
          await api.windows.create({ url: target, type: 'popup', width: 420, height: 640 });
        },
        url,
      );
      const target = await h().browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), {
        timeout: 10_000,
      });
      const page = await target.asPage();
      await waitFor(
        () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
        { message: `${url} to load in a window` },
      );
      return page;
    }

    /** Back to defaults: the background and content scripts repair a missing entry. */
    async function resetSettings(): Promise<void> {
      await evalInBackground(h(), async (api) => {
        await api.storage.local.remove('settings');
        await api.storage.sync.remove('settings').catch(() => undefined);
      });
    }

    /** Settings as stored, read the way lib/settings-store picks its area: sync, else local. */
    function storedSettings(): Promise<StoredSettings> {
      return evalInBackground(h(), async (api) => {
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
  });
}

/** The textarea that the "Check a claim" label names: finding it this way proves the label. */
async function claimField(popup: Page): Promise<ElementHandle<HTMLTextAreaElement>> {
  const handle = await waitFor(
    async () => {
      const found = await popup.evaluateHandle(
        (label) =>
          [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)
            ?.control ?? null,
        t('checkClaimLabel'),
      );
      return found.asElement() as ElementHandle<HTMLTextAreaElement> | null;
    },
    { message: `a field labelled "${t('checkClaimLabel')}"` },
  );
  expect(await handle.evaluate((el) => el.tagName)).toBe('TEXTAREA');
  return handle;
}

/** Types `query` into the cleared field, key by key, and returns the ranked myth ids. */
async function lookUp(popup: Page, query: string): Promise<string[]> {
  const field = await claimField(popup);
  await field.evaluate((el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (query !== '') await field.type(query);
  return settledResults(popup, query);
}

/** The results' myth ids in rank order, once the field holds `query` and the lookup is done. */
async function settledResults(popup: Page, query: string): Promise<string[]> {
  await waitFor(
    () =>
      popup.evaluate(
        (text, pending) =>
          document.querySelector<HTMLTextAreaElement>('.claim-field')?.value === text &&
          document.querySelector('.popup-status')?.textContent !== pending,
        query,
        t('lookupPending'),
      ),
    { message: `the lookup of "${query}"` },
  );
  return popup.evaluate(
    (label) =>
      [...document.querySelectorAll(`ol[aria-label="${label}"] > [data-myth-id]`)].map(
        (li) => li.getAttribute('data-myth-id') ?? '',
      ),
    t('lookupResultsLabel'),
  );
}

async function firstResultBadge(popup: Page): Promise<string | null> {
  return popup.evaluate(
    (label) =>
      document.querySelector(`ol[aria-label="${label}"] > [data-myth-id] .badge`)?.textContent ??
      null,
    t('lookupResultsLabel'),
  );
}

async function openFirstResult(popup: Page): Promise<void> {
  const summary = await popup.waitForSelector('.myth-list > [data-myth-id] summary');
  await summary?.click();
  await popup.waitForSelector('.myth-list > [data-myth-id] details[open] .ml-correction');
}

/** The "On this page" section as a person reads it. */
async function findingsSection(popup: Page) {
  return popup.evaluate((title) => {
    const section = [...document.querySelectorAll('section')].find(
      (s) => s.querySelector('h2')?.textContent === title,
    );
    return {
      text: section?.textContent ?? '',
      listed: [...(section?.querySelectorAll('.finding-list > li') ?? [])].map(
        (li) => li.getAttribute('data-myth-id') ?? '',
      ),
      count: section?.querySelector('h2 + p')?.textContent ?? null,
      refutedNote: section?.querySelector('.ml-positive')?.textContent ?? null,
    };
  }, t('pageTitle'));
}

/** The switch inside the label reading `label`. */
async function switchNamed(popup: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const found = await popup.evaluateHandle(
    (text) =>
      [...document.querySelectorAll('label')]
        .find((l) => l.textContent?.trim() === text)
        ?.querySelector('input[role="switch"]') ?? null,
    label,
  );
  const input = found.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No switch labelled "${label}"`);
  return input;
}

async function isChecked(popup: Page, label: string): Promise<boolean> {
  return (await switchNamed(popup, label)).evaluate((el) => el.checked);
}

/** Highlights painted in the page: Custom Highlight ranges, or fallback marks. */
async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = document.querySelectorAll('myth-lens-mark').length;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    registry?.forEach((highlight, name) => {
      if (name.startsWith('myth-lens-')) count += highlight.size;
    });
    return count;
  });
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
}
