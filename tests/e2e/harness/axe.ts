import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

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
