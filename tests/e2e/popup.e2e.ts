import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { t } from '../helpers/t';
import { BROWSERS, getBadgeText, openExtensionPage, waitFor } from './harness';
import { axeViolations, expectNoAxeViolations } from './harness/axe';
import { card } from './harness/card';
import { openScanned, pageState } from './harness/extension-state';
import { packMyth } from './harness/fixture-data';
import {
  findingsSection,
  lookUp,
  openFirstResult,
  openPopupWindow,
  POPUP_WIDTH,
} from './harness/popup';
import { docsShot, showPopupOver, storeShot, STORE_SIZE } from './harness/screenshots';
import { expectNoExtensionErrors, useBrowser } from './harness/session';
import { setViewport } from './harness/viewport';

/**
 * Issue 6: the popup's list of what the content script found on the page, the
 * jump to a finding and the badge, in the built extension, plus axe on the
 * popup (issue 7) and its pictures. The lookup is in popup-lookup.e2e.ts, the
 * quick controls in popup-controls.e2e.ts.
 */

for (const name of BROWSERS) {
  describe(`popup in ${name}`, () => {
    const h = useBrowser(name);

    it('lists the findings the content script reports, refutations counted apart', async () => {
      const { page, tabId, errors } = await openScanned(h(), 'e2e/forum.html', 2);
      const state = await pageState(h(), tabId);
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
      const { page, tabId } = await openScanned(h(), 'e2e/popup-with-frame.html', 1, 2);
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
      expect((await findingsSection(popup)).listed).toEqual(['depression-is-weakness']);
      await popup.close();
      await page.close();
    });

    it('jumps to a finding: the page scrolls to it and its card opens', async () => {
      const { page, tabId, errors } = await openScanned(h(), 'e2e/popup-long-thread.html', 1);
      const target = '#myth-far-down';
      expect(await inViewport(page, target)).toBe(false);
      // As in use, the popup is a window over the visible page (openLookup opens
      // one the same way): Firefox runs no smooth scroll in a hidden tab.
      const popup = await openPopupWindow(h(), `popup.html?tab=${tabId}`);
      const finding = await popup.waitForSelector('.finding-list [data-myth-id] button', {
        timeout: 10_000,
      });
      await finding?.click();
      await waitFor(() => inViewport(page, target), { message: `${target} to scroll into view` });
      const { text } = await waitFor(() => card(h(), page), {
        message: 'the correction card to open',
      });
      expect(text).toContain(packMyth('all-in-your-head').claim);
      await popup.close();
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('keeps the badge equal to the asserted findings as the page grows', async () => {
      const { page, tabId, errors } = await openScanned(h(), 'e2e/forum.html', 2);
      expect(await getBadgeText(h(), page)).toBe(
        String((await pageState(h(), tabId)).asserted.length),
      );
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
      const after = await pageState(h(), tabId);
      expect(after.asserted.map((f) => f.mythId)).toEqual([
        'depression-is-laziness',
        'exercise-cures-depression',
        'antidepressants-are-placebos',
      ]);
      expectNoExtensionErrors(errors);
      await page.close();
    });

    it('has no axe violations with a result open and with the page list', async () => {
      const { page, tabId } = await openScanned(h(), 'e2e/forum.html', 2);
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list [data-myth-id]', { timeout: 10_000 });
      await lookUp(popup, 'my mom says I should just jog more');
      await openFirstResult(popup);
      await expectNoAxeViolations(popup, name);
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
      it('fits 380px and is photographed for the docs and the stores', async () => {
        const { page, tabId } = await openScanned(h(), 'e2e/forum.html', 2);
        const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
        await setViewport(popup, { width: POPUP_WIDTH, height: 600 });
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
        await docsShot(popup, 'popup.png', true);
        // For the stores: the popup as the browser shows it (600px tall at most)
        // over the page it lists, at the one size the Chrome Web Store takes.
        const shown = await popup.screenshot({ type: 'png' });
        await page.bringToFront();
        await setViewport(page, STORE_SIZE);
        const hide = await showPopupOver(page, shown);
        await storeShot(page, '3-popup-lookup.png');
        await hide();
        await popup.close();
        await page.close();
      });
    }
  });
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
}
