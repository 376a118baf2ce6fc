import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { BrowserName } from './config';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * Fails on any axe violation in the page as it is and, in Chromium, again in
 * dark mode with reduced motion: the stylesheet then drops its colour
 * transitions, so axe measures the dark colours, not a hover background half
 * way there. Firefox over WebDriver BiDi cannot emulate the scheme; the
 * stylesheet is the same. The page stays in dark mode afterwards.
 */
export async function expectNoAxeViolations(page: Page, browser: BrowserName): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  if (browser !== 'chromium') return;
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'dark' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
}

/** axe-core's violations in the page, shortened to what a failing assertion needs to show. */
export async function axeViolations(page: Page) {
  // Not addScriptTag: the extension's CSP (script-src 'self') silently blocks an
  // inline script there. The devtools protocols evaluate outside the page's CSP.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run(context: Document): Promise<{
            violations: {
              id: string;
              help: string;
              nodes: { target: unknown; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe.run(document);
    return violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, why: n.failureSummary })),
    }));
  });
}
