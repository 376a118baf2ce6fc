import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  collectErrors,
  fixtureUrl,
  getBadgeText,
  newTab,
  type BrowserHandle,
} from './harness';
import { useBrowser } from './harness/session';
import { TRACE_CATEGORIES } from './harness/soak-tab';
import { extensionTasks } from './harness/trace-tasks';

/**
 * Hostile pages (tests/fixtures/hostile/): huge, deep, busy, sabotaged,
 * framed, and posting look-alike messages. On each, in both browsers: the
 * extension throws nothing, the page answers a round trip within 2 s the whole
 * time the extension works, the myth is found where it can be reached (badge),
 * and the page's own text and elements are as the page left them.
 */

const MYTH = 'Honestly, depression is just laziness with a fancy name.';
const RESPONSIVE_MS = 2_000;
/**
 * Chromium: the longest main-thread task with extension code in it, traced
 * (see trace-tasks.ts), on the pages marked `traced`. The budget is 50 ms
 * (`npm run soak` holds real pages to it); on a shared 2-core machine this is
 * a freeze bound, as in soak.e2e.ts: it catches one scan of a 5 MB text node
 * in one task (770 ms before the scan worked in windows), not timing noise.
 */
const TASK_BOUND_MS = 200;

interface HostileCase {
  file: string;
  /** The badge must reach at least 1 (the myth is reachable). */
  found: boolean;
  /** The page records window.hostileBefore (see snapshot.js). */
  snapshot: boolean;
  /** Extra checks once the extension has done its work. */
  check?: (page: Page, handle: BrowserHandle) => Promise<void>;
  /** Chromium: trace the load and bound the extension's longest task. */
  traced?: boolean;
}

/** A check that the page really built its load: the count it left in `window[name]` is at least `least`. */
function built(name: string, least: number): HostileCase['check'] {
  return async (page) => {
    const count = await page.evaluate(
      (n) => (window as unknown as Record<string, unknown>)[n],
      name,
    );
    expect(count, name).toBeGreaterThanOrEqual(least);
  };
}

const CASES: HostileCase[] = [
  {
    file: 'many-text-nodes.html',
    found: true,
    snapshot: true,
    traced: true,
    check: built('hostileTextNodes', 100_000),
  },
  {
    file: 'huge-text-node.html',
    found: true,
    snapshot: true,
    traced: true,
    check: built('hostileTextLength', 5_000_000),
  },
  {
    file: 'deep-nesting.html',
    found: true,
    snapshot: true,
    traced: true,
    check: built('hostileDepth', 5_001),
  },
  {
    file: 'mutating.html',
    found: true,
    snapshot: false,
    check: async (page) => {
      const frames = () =>
        page.evaluate(() => (window as { hostileFrames?: number }).hostileFrames ?? 0);
      const before = await frames();
      await new Promise((r) => setTimeout(r, 1_000));
      // Still animating at a sane rate while the extension watches its mutations.
      expect((await frames()) - before).toBeGreaterThan(10);
      expect(await page.$eval('#myth', (el) => (el as HTMLElement).innerText)).toBe(MYTH);
    },
  },
  {
    file: 'sabotaged-builtins.html',
    found: true,
    snapshot: true,
  },
  {
    file: 'own-highlights.html',
    found: true,
    snapshot: true,
    check: async (page) => {
      const state = await page.evaluate(() => ({
        own: CSS.highlights.has('page-own'),
        ours: CSS.highlights.has('myth-lens-underline'),
        closed: (window as { hostileClosedText?: () => string }).hostileClosedText?.(),
      }));
      // The page's own highlight survives the extension's clear/show cycles.
      expect(state.own).toBe(true);
      expect(state.ours).toBe(true);
      expect(state.closed).toBe('Depressed people are just lazy and want sympathy.');
    },
  },
  {
    file: 'iframes.html',
    found: true,
    snapshot: true,
    check: async (page) => {
      const child = page.frames().find((f) => f.url().endsWith('/frame-child.html'));
      expect(await child?.evaluate(() => document.body.innerText.trim())).toBe(MYTH);
    },
  },
  { file: 'frameset.html', found: true, snapshot: false },
  {
    file: 'post-message.html',
    found: true,
    snapshot: true,
    check: async (page) => {
      const state = await page.evaluate(() => ({
        posts: (window as { hostilePosts?: number }).hostilePosts ?? 0,
        // A command that got through would open the card or announce in the shadow host.
        host: document.querySelector('myth-lens-ui') !== null,
        // setHighlightsVisible:false and toggle-highlights did not hide anything.
        shown: CSS.highlights.has('myth-lens-underline'),
      }));
      expect(state.posts).toBeGreaterThan(10);
      expect(state.host).toBe(false);
      expect(state.shown).toBe(true);
    },
  },
];

/** Round-trip times of `page.evaluate` while `work` runs; the longest, in ms. */
async function longestRoundTrip<T>(
  page: Page,
  work: Promise<T>,
): Promise<{ value: T; worst: number }> {
  let done = false;
  let worst = 0;
  const probing = (async () => {
    while (!done) {
      const started = Date.now();
      await Promise.race([
        page.evaluate(() => 1),
        new Promise((r) => setTimeout(r, RESPONSIVE_MS * 3)),
      ]);
      worst = Math.max(worst, Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return { value: await work, worst };
  } finally {
    done = true;
    await probing;
  }
}

/** Polls the badge until it shows a number ≥ 1, or gives up after `timeout`. */
async function waitForBadge(handle: BrowserHandle, page: Page, timeout: number): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await getBadgeText(handle, page);
    if (Number(text) >= 1) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  return text;
}

/** Stops the trace started before the load; the longest extension task in it, CPU ms. */
async function longestExtensionTask(page: Page, handle: BrowserHandle): Promise<number> {
  const data = await page.tracing.stop();
  const parsed = data ? (JSON.parse(new TextDecoder().decode(data)) as unknown) : [];
  return Math.round(extensionTasks(parsed, handle.extensionBaseUrl).longestCpuMs);
}

const summary: {
  browser: string;
  page: string;
  badge: string;
  slowestRoundTripMs: number;
  extensionTaskMs?: number;
}[] = [];
afterAll(() => console.table(summary));

for (const name of BROWSERS) {
  describe(name, () => {
    const h = useBrowser(name);

    it.each(CASES)(
      '$file',
      async ({ file, found, snapshot, check, traced }) => {
        const page = await newTab(h());
        const errors = collectErrors(page);
        const trace = traced === true && name === 'chromium';
        try {
          if (trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
          await page.goto(fixtureUrl(`hostile/${file}`), { waitUntil: 'load', timeout: 20_000 });
          const { value: badge, worst } = await longestRoundTrip(
            page,
            // Probed for at least 2 s, so work that goes on after the badge counts too.
            Promise.all([
              waitForBadge(h(), page, found ? 10_000 : 3_000),
              new Promise((r) => setTimeout(r, 2_000)),
            ]).then(([text]) => text),
          );
          const task = trace ? await longestExtensionTask(page, h()) : undefined;
          summary.push({
            browser: name,
            page: file,
            badge,
            slowestRoundTripMs: worst,
            ...(task === undefined ? {} : { extensionTaskMs: task }),
          });
          if (found) expect(Number(badge), `badge on ${file}`).toBeGreaterThanOrEqual(1);
          expect(worst, `slowest round trip on ${file}`).toBeLessThan(RESPONSIVE_MS);
          if (task !== undefined) {
            expect(task, `longest extension task on ${file}, ms`).toBeLessThan(TASK_BOUND_MS);
          }
          if (snapshot) {
            const now = await page.evaluate(() => {
              const before = (window as { hostileBefore?: { text: string; elements: number } })
                .hostileBefore;
              const ui = document.querySelectorAll('myth-lens-ui, myth-lens-ui *').length;
              return {
                before,
                text: document.body.innerText,
                elements: document.getElementsByTagName('*').length - ui,
              };
            });
            expect(now.before, 'the page recorded its snapshot').toBeDefined();
            expect(now.text === now.before?.text, `innerText of ${file} unchanged`).toBe(true);
            expect(now.elements).toBe(now.before?.elements);
          }
          await check?.(page, h());
          expect(errors.fromExtension()).toEqual([]);
        } finally {
          errors.stop();
          await page.close();
        }
      },
      45_000,
    );
  });
}
