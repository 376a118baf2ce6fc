import type { Page } from 'puppeteer-core';

/**
 * `page.setViewport`, for every browser the tests run. Over WebDriver BiDi
 * puppeteer sends the viewport and a screen-orientation override together;
 * Firefox ESR 140 (Debian's) has no `emulation.setScreenOrientationOverride`,
 * so that half fails while the viewport is set. That one error is let
 * through only once the page really has the size asked for.
 */
export async function setViewport(
  page: Page,
  viewport: { width: number; height: number; deviceScaleFactor?: number },
): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (e) {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(e))) throw e;
    // Both commands are sent at once and the failing one can answer first: wait for the size.
    let size: number[] = [];
    for (let i = 0; i < 40; i++) {
      size = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
      if (size[0] === viewport.width && size[1] === viewport.height) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const want = `${viewport.width}×${viewport.height}`;
    throw new Error(`the viewport is ${size.join('×')}, not ${want}`, { cause: e });
  }
}
