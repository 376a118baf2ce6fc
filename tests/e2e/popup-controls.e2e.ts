import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { t } from '../helpers/t';
import { BROWSERS, getBadgeText, openExtensionPage, waitFor } from './harness';
import { openScanned, pageState, resetSettings, storedSettings } from './harness/extension-state';
import { highlightCount } from './harness/highlights';
import { findingsSection, isChecked, switchNamed } from './harness/popup';
import { expectNoExtensionErrors, useBrowser } from './harness/session';

/**
 * Issue 6: the popup's quick controls on a scanned page in the built
 * extension: pause the site, hide highlights on the tab, open the settings,
 * and the help links.
 */

for (const name of BROWSERS) {
  describe(`popup in ${name}`, () => {
    const h = useBrowser(name);

    it('quick controls: pause the site, hide highlights, open settings, help over https', async () => {
      const { page, tabId, errors } = await openScanned(h(), 'e2e/forum.html', 2);
      // A failure half way must not leave the fixture host paused for the next tests.
      onTestFinished(() => resetSettings(h()));
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'highlights' });
      const popup = await openExtensionPage(h(), `popup.html?tab=${tabId}`);
      await popup.waitForSelector('.finding-list', { timeout: 10_000 });

      // Pause: the host goes into settings, the page clears, the popup says so.
      await (await switchNamed(popup, t('controlsPauseSite'))).click();
      await waitFor(async () => (await storedSettings(h())).pausedSites?.includes('127.0.0.1'), {
        message: 'pausedSites to hold 127.0.0.1',
      });
      await waitFor(async () => (await highlightCount(page)) === 0, { message: 'no highlights' });
      await waitFor(async () => (await getBadgeText(h(), page)) === '', { message: 'no badge' });
      await waitFor(async () => (await findingsSection(popup)).text.includes(t('pagePaused')), {
        message: 'the popup to say the site is paused',
      });
      expect(await isChecked(popup, t('controlsPauseSite'))).toBe(true);

      // Resume: everything comes back, and the popup lists the findings again.
      await (await switchNamed(popup, t('controlsPauseSite'))).click();
      await waitFor(async () => (await storedSettings(h())).pausedSites?.length === 0, {
        message: 'pausedSites to be empty again',
      });
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'highlights back' });
      await waitFor(async () => (await getBadgeText(h(), page)) === '2', { message: 'badge back' });
      await waitFor(async () => (await findingsSection(popup)).listed.length === 2, {
        message: 'the popup to list the findings again',
      });
      expect(await isChecked(popup, t('controlsPauseSite'))).toBe(false);

      // Show highlights on this tab: off hides them (the count stays), on brings them back.
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(true);
      await (await switchNamed(popup, t('controlsShowHighlights'))).click();
      await waitFor(async () => (await highlightCount(page)) === 0, { message: 'hidden' });
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(false);
      expect((await pageState(h(), tabId)).visible).toBe(false);
      expect(await getBadgeText(h(), page)).toBe('2');
      await (await switchNamed(popup, t('controlsShowHighlights'))).click();
      await waitFor(async () => (await highlightCount(page)) === 2, { message: 'shown again' });
      expect(await isChecked(popup, t('controlsShowHighlights'))).toBe(true);

      // The settings link opens the options page in a new tab.
      const known = new Set(h().browser.targets());
      const settingsLink = await popup.evaluateHandle(
        (label) =>
          [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) ??
          null,
        t('controlsOpenSettings'),
      );
      await (settingsLink.asElement() as ElementHandle<HTMLButtonElement>).click();
      const optionsTarget = await h().browser.waitForTarget(
        (target) => target.type() === 'page' && !known.has(target),
        { timeout: 10_000 },
      );
      const options = await optionsTarget.asPage();
      // page.url() stays about:blank for extension pages in Firefox; the document knows its URL.
      const optionsUrl = await waitFor(
        // A new tab is about:blank, and complete, before it navigates to the options page.
        () =>
          options.evaluate(() =>
            location.href !== 'about:blank' && document.readyState === 'complete'
              ? location.href
              : '',
          ),
        { message: 'the options page to load' },
      );
      expect(optionsUrl).toBe(`${h().extensionBaseUrl}options.html`);
      await options.close();

      // "Get help now": every link leaves over https, in a new tab, without an opener.
      const help = await popup.evaluate((title) => {
        const footer = [...document.querySelectorAll('footer')].find(
          (f) => f.querySelector('h2')?.textContent === title,
        );
        return [...(footer?.querySelectorAll('a') ?? [])].map((a) => ({
          href: a.href,
          target: a.target,
          rel: a.rel,
        }));
      }, t('helpTitle'));
      expect(help.length).toBeGreaterThan(0);
      for (const link of help) {
        expect(new URL(link.href).protocol).toBe('https:');
        expect(link.target).toBe('_blank');
        expect(link.rel.split(' ')).toContain('noopener');
      }

      await popup.close();
      expectNoExtensionErrors(errors);
      await page.close();
    });
  });
}
