import type { Page } from 'puppeteer-core';
import { waitFor } from './wait';

/**
 * Reading the extension's highlights from the page's own world: both browsers
 * share one `CSS.highlights` registry per document between the page and the
 * content script, so the page sees the very Range objects the extension painted.
 */

export const UNDERLINE = 'myth-lens-underline';

/** A highlighted range: its text, and the id of the nearest element with one around it. */
export interface Mark {
  text: string;
  in: string;
}

/** Each range of one highlight, in the registry's order. */
export function highlights(page: Page, name = UNDERLINE): Promise<Mark[]> {
  return page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n) ?? [])].map((r) => {
        const range = r as Range;
        const node = range.commonAncestorContainer;
        const el = node instanceof Element ? node : node.parentElement;
        return { text: range.toString(), in: el?.closest('[id]')?.id ?? '' };
      }),
    name,
  );
}

/** The id of the element around each underline, in the registry's order. */
export async function underlinedIds(page: Page): Promise<string[]> {
  return (await highlights(page)).map((m) => m.in);
}

/** Waits until the underlines sit in exactly the elements with these ids, in any order. */
export function underlinesIn(page: Page, ids: string[], timeout = 10_000): Promise<boolean> {
  const want = JSON.stringify([...ids].sort());
  return waitFor(async () => JSON.stringify((await underlinedIds(page)).sort()) === want, {
    timeout,
    message: `highlights in ${want}`,
  });
}

/** Waits until the page shows exactly `count` underline highlights, and returns them. */
export function highlightsSettle(page: Page, count: number, timeout = 10_000): Promise<Mark[]> {
  return waitFor(
    async () => {
      const now = await highlights(page);
      return now.length === count ? now : null;
    },
    { timeout, message: `${count} highlights` },
  );
}

/** Every highlight painted in the page, of any style (Custom Highlight ranges). */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    registry?.forEach((highlight, name) => {
      if (name.startsWith('myth-lens-')) count += highlight.size;
    });
    return count;
  });
}

/** Viewport centre of the first line of the underlined range with this text. */
export function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (n, wanted) => {
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString() === wanted);
      const rect = (range as Range | undefined)?.getClientRects()[0];
      if (!rect) throw new Error(`no highlight over "${wanted}"`);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    UNDERLINE,
    text,
  );
}

/** Scrolls so the underlined text's first line sits `y` px from the top of the viewport. */
export async function scrollTextTo(page: Page, text: string, y: number): Promise<void> {
  await page.evaluate(
    (n, wanted, top) => {
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString() === wanted);
      const rect = (range as Range).getClientRects()[0]!;
      scrollBy({ top: rect.top - top, behavior: 'instant' });
    },
    UNDERLINE,
    text,
    y,
  );
}
