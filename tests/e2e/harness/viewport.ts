import type { Page } from 'puppeteer-core';

/**
 * `page.setViewport`, for every browser the tests run. Over WebDriver BiDi
 * puppeteer sends the viewport and a screen-orientation override together;
 * Firefox ESR 140 (Debian's) has no `emulation.setScreenOrientationOverride`,
 * so that half fails while the viewport is set. That one error is let
 * through only when the page really has the size asked for.
 */
export async function setViewport(
  page: Page,
  viewport: { width: number; height: number; deviceScaleFactor?: number },
): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (e) {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(e))) throw e;
    const size = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
    if (size[0] !== viewport.width || size[1] !== viewport.height)
      throw new Error(
        `the viewport is ${size.join('×')}, not ${viewport.width}×${viewport.height}`,
        {
          cause: e,
        },
      );
  }
}
