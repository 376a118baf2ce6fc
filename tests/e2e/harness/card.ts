import type { Page } from 'puppeteer-core';
import { evalInBackground } from './background';
import { centreOf, scrollTextTo, UNDERLINE } from './highlights';
import type { BrowserHandle } from './launch';
import { tabIdOf } from './pages';
import { waitFor } from './wait';

/** The one element the extension adds to a page; its closed shadow root holds the card. */
export const HOST = 'myth-lens-ui';

/**
 * The open card as the content script describes it (`describeCard`, answered
 * only to the extension itself). The shadow root is closed (issue 13), so
 * neither a page nor a test can read the card from the page's own world; the
 * harness asks through the background instead, as no web page can.
 */
export interface CardInfo {
  /** The dialog's accessible name, from aria-labelledby. */
  name: string;
  verdict: string;
  /** All the card's text, whitespace collapsed. */
  text: string;
  sources: SourceInfo[];
  focusInside: boolean;
  rect: { top: number; left: number; bottom: number; right: number };
  scroll: { top: number; height: number; client: number };
  buttons: { label: string; x: number; y: number }[];
  /** The dialog serialised, to check a copy with axe. */
  markup: string;
}

/** One source under "Sources", in the card or the popup, as a reader and a screen reader get it. */
export interface SourceInfo {
  href: string;
  target: string;
  rel: string;
  /** Its kind and strength as shown on screen, without the screen-reader labels ('' without one). */
  shown: string;
  /** The same, as a screen reader reads it: labels in, the aria-hidden dot out. */
  spoken: string;
}

/** The open correction card in `page` (any of its frames), or null while none is open. */
export async function card(h: BrowserHandle, page: Page): Promise<CardInfo | null> {
  const tabId = await tabIdOf(h, page);
  return evalInBackground(
    h,
    async (api, id) => {
      try {
        return ((await api.tabs.sendMessage(id, { type: 'describeCard' })) ?? null) as never;
      } catch {
        return null; // No frame answered: no card is open.
      }
    },
    tabId,
  ) as Promise<CardInfo | null>;
}

/** Scrolls the underlined `text` to `y` px from the top, clicks it, and returns the card it opens. */
export async function clickHighlight(
  h: BrowserHandle,
  page: Page,
  text: string,
  y = 150,
): Promise<CardInfo> {
  await scrollTextTo(page, text, y);
  const { x, y: top } = await centreOf(page, text);
  await page.mouse.click(x, top);
  return waitFor(() => card(h, page), { timeout: 3_000, message: `the card for "${text}"` });
}

/**
 * Clicks the card's button whose label starts with `label`, with the mouse, as
 * a person would; first wheels it into view over the card if it lies below.
 */
export async function pressCardButton(h: BrowserHandle, page: Page, label: string): Promise<void> {
  const height = await page.evaluate(() => innerHeight);
  for (let tries = 0; tries < 10; tries++) {
    const info = await card(h, page);
    const button = info?.buttons.find((b) => b.label.startsWith(label));
    if (!info || !button) throw new Error(`no "${label}" button in the card`);
    if (button.y > 4 && button.y < height - 4) {
      await page.mouse.click(Math.round(button.x), Math.round(button.y));
      return;
    }
    const top = Math.max(info.rect.top, 0);
    await page.mouse.move(
      Math.round(button.x),
      Math.round((top + Math.min(info.rect.bottom, height)) / 2),
    );
    await page.mouse.wheel({ deltaY: Math.round(button.y - height / 2) });
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the "${label}" button never came into view`);
}

/** Presses Escape and waits for the card to close. */
export async function closeCard(h: BrowserHandle, page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitFor(async () => (await card(h, page)) === null, { message: 'the card to close' });
}

/**
 * Why the open card is misplaced, or '' when it is fine: it must lie inside
 * the viewport and cover no line of the highlighted text.
 */
export async function placementProblem(h: BrowserHandle, page: Page, text: string) {
  const info = await card(h, page);
  if (!info) return 'no card';
  return page.evaluate(
    (n, wanted, c) => {
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString() === wanted);
      if (!range) return 'no highlight';
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
    UNDERLINE,
    text,
    info.rect,
  );
}

/** Waits until the open card sits beside `text`, inside the viewport; a timeout says what is wrong. */
export async function cardBeside(
  h: BrowserHandle,
  page: Page,
  text: string,
  timeout = 2_000,
): Promise<void> {
  let problem = '';
  try {
    await waitFor(async () => (problem = await placementProblem(h, page, text)) === '', {
      timeout,
      message: `the card beside "${text}", inside the viewport`,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${problem}`);
  }
}
