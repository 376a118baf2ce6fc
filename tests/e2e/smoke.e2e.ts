import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  collectErrors,
  evalInBackground,
  openExtensionPage,
  fixtureUrl,
  newTab,
  tabIdOf,
  waitFor,
} from './harness';
import { useBrowser } from './harness/session';

for (const name of BROWSERS) {
  describe(name, () => {
    const h = useBrowser(name);

    it('runs the content script on a local fixture page', async () => {
      const page = await newTab(h());
      const errors = collectErrors(page); // before navigating, so content-script errors count
      await page.goto(fixtureUrl('e2e/smoke.html'), { waitUntil: 'load' });
      const tabId = await tabIdOf(h(), page);
      expect(await page.$eval('h1', (el) => el.textContent)).toBe('Smoke fixture');
      // The content script says hello on document_idle; the background records the tab.
      await waitFor(
        () =>
          evalInBackground(
            h(),
            (_api, id) =>
              (globalThis as { mythLensSeenTabs?: Set<number> }).mythLensSeenTabs?.has(id) ?? false,
            tabId,
          ),
        { message: `tab ${tabId} in mythLensSeenTabs` },
      );
      expect(errors.all).toEqual([]);
      errors.stop();
      await page.close();
    });

    it('renders the popup heading', async () => {
      const page = await openExtensionPage(h(), 'popup.html');
      const heading = await page.waitForSelector(
        'main[aria-labelledby="popup-title"] h1#popup-title',
        {
          visible: true,
          timeout: 10_000, // fail with the selector's message, well inside the test timeout
        },
      );
      expect(await heading?.evaluate((el) => el.textContent)).toBe('Myth Lens');
      await page.close();
    });
  });
}
