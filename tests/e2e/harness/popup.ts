import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { t } from '../../helpers/t';
import { evalInBackground } from './background';
import type { BrowserHandle } from './launch';
import { waitFor } from './wait';

/** Reading and driving the popup (popup.html) as a person does: by its labels and headings. */

/** The popup is drawn 380px wide (popup.css); nothing may overflow that. */
export const POPUP_WIDTH = 380;

/**
 * Opens an extension page in its own popup window, as the toolbar popup and
 * openLookup show it, so the tab under it stays visible. Like Firefox's
 * openExtensionPage, the page is reached through its new target.
 */
export async function openPopupWindow(h: BrowserHandle, path: string): Promise<Page> {
  const url = h.extensionBaseUrl + path;
  const known = new Set(h.browser.targets());
  await evalInBackground(
    h,
    async (api, target) => {
      await api.windows.create({ url: target, type: 'popup', width: 420, height: 640 });
    },
    url,
  );
  const target = await h.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), {
    timeout: 10_000,
  });
  const page = await target.asPage();
  await waitFor(
    () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
    { message: `${url} to load in a window` },
  );
  return page;
}

/** The textarea that the "Check a claim" label names: finding it this way proves the label. */
export async function claimField(popup: Page): Promise<ElementHandle<HTMLTextAreaElement>> {
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
export async function lookUp(popup: Page, query: string): Promise<string[]> {
  const field = await claimField(popup);
  await field.evaluate((el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  if (query !== '') await field.type(query);
  return settledResults(popup, query);
}

/** The results' myth ids in rank order, once the field holds `query` and the lookup is done. */
export async function settledResults(popup: Page, query: string): Promise<string[]> {
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

/** The badge on the first result: whether the claim repeats or debunks its myth. */
export function firstResultBadge(popup: Page): Promise<string | null> {
  return popup.evaluate(
    (label) =>
      document.querySelector(`ol[aria-label="${label}"] > [data-myth-id] .badge`)?.textContent ??
      null,
    t('lookupResultsLabel'),
  );
}

/** Expands the first result and waits for its correction. */
export async function openFirstResult(popup: Page): Promise<void> {
  const summary = await popup.waitForSelector('.myth-list > [data-myth-id] summary');
  await summary?.click();
  await popup.waitForSelector('.myth-list > [data-myth-id] details[open] .ml-correction');
}

/** The sources of the first, opened result: link, kind and strength as shown and as spoken. */
export function resultSources(popup: Page) {
  return popup.evaluate(() =>
    [
      ...document.querySelectorAll('.myth-list > [data-myth-id] details[open] .ml-sources > li'),
    ].map((li) => {
      // The kind-and-strength line with one kind of element left out (as in harness/card.ts).
      const without = (selector: string) => {
        const line = li.querySelector('.ml-source-strength')?.cloneNode(true) as Element | null;
        line?.querySelectorAll(selector).forEach((el) => el.remove());
        return (line?.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      return {
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        shown: without('.ml-visually-hidden'),
        spoken: without('[aria-hidden="true"]'),
      };
    }),
  );
}

/** The "On this page" section as a person reads it. */
export function findingsSection(popup: Page) {
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
export async function switchNamed(
  popup: Page,
  label: string,
): Promise<ElementHandle<HTMLInputElement>> {
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

export async function isChecked(popup: Page, label: string): Promise<boolean> {
  return (await switchNamed(popup, label)).evaluate((el) => el.checked);
}
