import { describe, expect, it } from 'vitest';
import { t } from '../helpers/t';
import { BROWSERS, openExtensionPage } from './harness';
import { expectNoAxeViolations } from './harness/axe';
import { expectedSources, packCategories, packMyth } from './harness/fixture-data';
import {
  claimField,
  firstResultBadge,
  lookUp,
  openFirstResult,
  resultSources,
  settledResults,
} from './harness/popup';
import { useBrowser } from './harness/session';

/**
 * Issue 6: the popup's "Check a claim" lookup in the built extension, typed
 * in or handed over by the context menu. Each browser gets one launch; tests
 * open their own popup tabs and close them.
 */

for (const name of BROWSERS) {
  describe(`popup in ${name}`, () => {
    const h = useBrowser(name);

    it('focuses the "Check a claim" field and ranks the right myth first', async () => {
      const popup = await openExtensionPage(h(), 'popup.html');
      const field = await claimField(popup);
      // The field named by the label is the focused element, with nothing clicked.
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

      const cases: [query: string, mythId: string][] = [
        [packMyth('depression-is-laziness').claim, 'depression-is-laziness'],
        ['my mom says I should just jog more', 'exercise-cures-depression'],
        ['serotonin', 'low-serotonin-cause'],
        ['he needs to man up', 'snap-out-of-it'],
      ];
      for (const [query, mythId] of cases) {
        const ranked = await lookUp(popup, query);
        expect(ranked[0], `first result for "${query}" (all: ${ranked.join(', ')})`).toBe(mythId);
      }
      // The exact sentence repeats the myth, and the result says so.
      await lookUp(popup, packMyth('depression-is-laziness').claim);
      expect(await firstResultBadge(popup)).toBe(t('lookupBadgeRepeats'));
      await popup.close();
    });

    it("shows each source's kind and strength in the result, strongest first, and stays axe-clean", async () => {
      const popup = await openExtensionPage(h(), 'popup.html');
      // Four sources, the one limited source second in the pack: it moves to the end.
      const mythId = 'just-exercise-and-eat-healthy';
      expect((await lookUp(popup, packMyth(mythId).claim))[0]).toBe(mythId);
      await openFirstResult(popup);
      expect(await resultSources(popup)).toEqual(expectedSources(mythId));
      await expectNoAxeViolations(popup, name);
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
      expect(view).toEqual({
        status: t('lookupNone'),
        open: true,
        categories: packCategories.length,
      });
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
  });
}
