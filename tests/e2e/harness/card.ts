import type { Page } from 'puppeteer-core';
import { centreOf, scrollTextTo, UNDERLINE } from './highlights';
import { waitFor } from './wait';

/** The one element the extension adds to a page; its open shadow root holds the card. */
export const HOST = 'myth-lens-ui';

export interface CardInfo {
  /** The dialog's accessible name, from aria-labelledby. */
  name: string;
  verdict: string;
  sources: SourceInfo[];
  focusInside: boolean;
}

/** One source under "Sources", in the card or the popup, as a reader and a screen reader get it. */
export interface SourceInfo {
  href: string;
  target: string;
  rel: string;
  /** Its kind and strength as shown on screen, without the screen-reader labels. */
  shown: string;
  /** The same, as a screen reader reads it: labels in, the aria-hidden dot out. */
  spoken: string;
}

/** The open correction card, read through the shadow root, or null while none is open. */
export function card(page: Page): Promise<CardInfo | null> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
    if (!root || !dialog) return null;
    const name = (dialog.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
    return {
      name,
      verdict: dialog.querySelector('.ml-verdict')?.textContent ?? '',
      sources: [...dialog.querySelectorAll('.ml-sources > li')].map((li) => {
        const a = li.querySelector('a');
        // The kind-and-strength line with one kind of element left out.
        const without = (selector: string) => {
          const line = li.querySelector('.ml-source-strength')?.cloneNode(true) as Element | null;
          line?.querySelectorAll(selector).forEach((el) => el.remove());
          return (line?.textContent ?? '').replace(/\s+/g, ' ').trim();
        };
        return {
          href: a?.getAttribute('href') ?? '',
          target: a?.getAttribute('target') ?? '',
          rel: a?.getAttribute('rel') ?? '',
          shown: without('.ml-visually-hidden'),
          spoken: without('[aria-hidden="true"]'),
        };
      }),
      focusInside: dialog.contains(root.activeElement),
    };
  }, HOST);
}

/** Scrolls the underlined `text` to `y` px from the top, clicks it, and returns the card it opens. */
export async function clickHighlight(page: Page, text: string, y = 150): Promise<CardInfo> {
  await scrollTextTo(page, text, y);
  const { x, y: top } = await centreOf(page, text);
  await page.mouse.click(x, top);
  return waitFor(() => card(page), { timeout: 3_000, message: `the card for "${text}"` });
}

/** Presses Escape and waits for the card to close. */
export async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitFor(async () => (await card(page)) === null, { message: 'the card to close' });
}

/**
 * Why the open card is misplaced, or '' when it is fine: it must lie inside
 * the viewport and cover no line of the highlighted text.
 */
export function placementProblem(page: Page, text: string): Promise<string> {
  return page.evaluate(
    (host, n, wanted) => {
      const dialog = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]');
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString() === wanted);
      if (!dialog || !range) return 'no card or no highlight';
      const c = dialog.getBoundingClientRect();
      const vw = document.documentElement.clientWidth;
      if (c.top < 0 || c.left < 0 || c.bottom > innerHeight || c.right > vw) {
        return `card ${JSON.stringify(c)} leaves the ${vw}x${innerHeight} viewport`;
      }
      for (const r of (range as Range).getClientRects()) {
        const apart =
          r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom;
        if (!apart) return `card ${JSON.stringify(c)} covers the text at ${JSON.stringify(r)}`;
      }
      return '';
    },
    HOST,
    UNDERLINE,
    text,
  );
}

/** Waits until the open card sits beside `text`, inside the viewport; a timeout says what is wrong. */
export async function cardBeside(page: Page, text: string, timeout = 2_000): Promise<void> {
  let problem = '';
  try {
    await waitFor(async () => (problem = await placementProblem(page, text)) === '', {
      timeout,
      message: `the card beside "${text}", inside the viewport`,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${problem}`);
  }
}
