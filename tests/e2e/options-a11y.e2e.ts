import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { t } from '../helpers/t';
import { BROWSERS, openExtensionPage, waitFor } from './harness';
import { expectNoAxeViolations } from './harness/axe';
import { storedSettings } from './harness/extension-state';
import { packCategories } from './harness/fixture-data';
import { docsShot, storeShot, STORE_SIZE } from './harness/screenshots';
import { useBrowser } from './harness/session';
import { setViewport } from './harness/viewport';

/**
 * Issue 7: the options page in the built extension passes axe with real
 * rendering (so colour contrast is measured, unlike in happy-dom) and works
 * from the keyboard, with the change landing in storage.
 */

const first = packCategories[0]!;

for (const name of BROWSERS) {
  describe(`options page in ${name}`, () => {
    const h = useBrowser(name);

    /** The options page once its settings have loaded (it renders nothing before). */
    async function openOptions(): Promise<Page> {
      const page = await openExtensionPage(h(), 'options.html');
      await page.waitForSelector('input[role="switch"][data-category]', { timeout: 10_000 });
      return page;
    }

    /** Whether the first category is on in the stored settings (sync, else local, as settings-store picks). */
    async function storedCategoryOn(): Promise<boolean | null> {
      return (await storedSettings(h())).categories?.[first.id] ?? null;
    }

    it('has no axe violations, with a category opened', async () => {
      const page = await openOptions();
      await page.$eval('details.category-myths', (el) => ((el as HTMLDetailsElement).open = true));
      await expectNoAxeViolations(page, name);
      await page.close();
    });

    it('reaches the first category switch with Tab and toggles it with Space', async () => {
      const page = await openOptions();
      expect(await storedCategoryOn()).toBe(true);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return {
          role: el?.getAttribute('role'),
          category: el?.dataset.category,
          label: el?.labels?.[0]?.textContent,
          checked: el?.checked,
          // A keyboard user must see where focus is.
          outline: el ? getComputedStyle(el).outlineStyle : null,
        };
      });
      expect(focused).toEqual({
        role: 'switch',
        category: first.id,
        label: first.label,
        checked: true,
        outline: 'solid',
      });

      // ' ' rather than 'Space': Firefox's BiDi keyboard knows the key only by its character.
      await page.keyboard.press(' ');
      await waitFor(async () => (await storedCategoryOn()) === false, {
        message: `settings.categories.${first.id} to be stored as false`,
      });
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(
        false,
      );
      // Switching a category off leaves its single myths disabled, with a note saying why.
      expect(await page.$eval('.category', (el) => el.textContent)).toContain(t('categoryOffNote'));

      await page.keyboard.press(' ');
      await waitFor(async () => (await storedCategoryOn()) === true, {
        message: `settings.categories.${first.id} to be stored as true again`,
      });
      await page.close();
    });

    if (name === 'chromium') {
      it('is photographed for the docs and the stores', async () => {
        const page = await openOptions();
        await setViewport(page, { width: 800, height: 600 });
        await page.$eval(
          'details.category-myths',
          (el) => ((el as HTMLDetailsElement).open = true),
        );
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(overflow).toBe(false);
        await docsShot(page, 'options.png', true);
        // For the stores: the top of the page in a 1280×800 tab, the first category opened.
        await setViewport(page, STORE_SIZE);
        await storeShot(page, '4-options.png');
        await page.close();
      });
    }
  });
}
