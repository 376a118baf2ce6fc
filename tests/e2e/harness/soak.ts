import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath, missingBrowserMessage, type BrowserName } from './config';
import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserHandle } from './launch';
import { getBadgeText, newTab } from './pages';
import { extensionTasks } from './trace-tasks';
import { collectErrors, type ErrorLog } from './wait';

/**
 * The real-page soak: each page is opened in a browser with the extension and
 * in a plain browser of the same kind, and the two are compared. Shared by
 * tests/e2e/soak.e2e.ts (the pages in tests/fixtures/pages, inside npm test)
 * and tests/e2e/soak-full.ts (every page in ../shared/pages, `npm run soak`).
 */

export interface PlainBrowser {
  name: BrowserName;
  browser: Browser;
  close(): Promise<void>;
}

/** The same browser as `launch(name)`, same flags, fresh profile, without the extension. */
/**
 * The two browsers a soak compares, for the enclosing describe block: one with
 * the extension, one plain. The returned function gives both, or fails the
 * test if either did not launch.
 */
export function useSoakBrowsers(name: BrowserName): () => [BrowserHandle, PlainBrowser] {
  let handle: BrowserHandle | undefined;
  let plain: PlainBrowser | undefined;
  beforeAll(async () => {
    [handle, plain] = await Promise.all([launch(name), launchPlain(name)]);
  });
  afterAll(async () => {
    await Promise.all([handle?.close(), plain?.close()]);
  });
  return () => {
    if (!handle || !plain) throw new Error(`${name} did not launch`);
    return [handle, plain];
  };
}

export async function launchPlain(name: BrowserName): Promise<PlainBrowser> {
  const problem = missingBrowserMessage(name);
  if (problem) throw new Error(problem);
  const profile = mkdtempSync(join(tmpdir(), `myth-lens-plain-${name}-`));
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: browserPath(name),
          headless: true,
          pipe: true,
          // As launch() does: with extensions off, Chromium handles a saved page's
          // stray chrome-extension:// links differently (wikipedia-4.html has one).
          enableExtensions: true,
          userDataDir: profile,
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          protocol: 'webDriverBiDi',
          executablePath: browserPath(name),
          headless: true,
          userDataDir: profile,
        });
  let closed = false;
  return {
    name,
    browser,
    close: async () => {
      if (closed) return;
      closed = true;
      const proc = browser.process();
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(
        () => undefined,
      );
      if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** What one load of one page looked like. */
export interface PageShot {
  loaded: boolean;
  loadMs: number;
  /** Page errors and console errors, as text. */
  errors: string[];
  /** Errors whose source is the extension's files. */
  extensionErrors: string[];
  textHash: string;
  textLength: number;
  /** Elements in the document outside `myth-lens-ui`. */
  elements: number;
  /** Rounded [x, y, width, height] of the first 50 elements holding text. */
  rects: number[][];
  /** Longest gap between heartbeats after load, in ms: the longest task of any source. */
  longestGapMs: number;
  /** Chromium: longest main-thread task the extension took part in, CPU time, from a trace. */
  extensionTaskMs: number | null;
  /** The same task's wall time. */
  extensionTaskWallMs: number | null;
  /** Asserted findings on the badge (extension runs only). */
  badge: number;
}

/**
 * How long each load is watched after `load`: the content script runs at
 * document_idle and scans in slices right after. Both runs are watched as
 * long, so a page's late errors have the same chance to show in each.
 */
const WATCH_MS = 900;

/**
 * Installed before any page script: a heartbeat that records the longest gap
 * between timer callbacks after `load`. Any long task, whoever ran it, shows
 * up as a gap. (Long Animation Frame entries would name scripts, but Chromium
 * leaves content scripts out of them: a 770 ms content-script task on
 * hostile/huge-text-node.html produced none, so Chromium runs are traced.)
 */
function installProbes(): void {
  const soak = { longestGap: 0 };
  (window as unknown as { __mythLensSoak: typeof soak }).__mythLensSoak = soak;
  addEventListener('load', () => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      soak.longestGap = Math.max(soak.longestGap, now - last);
      last = now;
      setTimeout(tick, 4);
    };
    setTimeout(tick, 4);
  });
}

/** Reads what the comparison needs; runs in the page. */
function readPage(): {
  text: string;
  elements: number;
  rects: number[][];
  gap: number;
} {
  const ours = document.querySelectorAll('myth-lens-ui').length;
  const rects: number[][] = [];
  const seen = new Set<Element>();
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && rects.length < 50; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !(n as Text).data.trim()) continue;
      if (el.closest('script,style,noscript,template,myth-lens-ui')) continue;
      seen.add(el);
      const r = el.getBoundingClientRect();
      rects.push([r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2));
    }
  }
  const soak = (window as unknown as { __mythLensSoak?: { longestGap: number } }).__mythLensSoak;
  return {
    text: document.body?.innerText ?? '',
    elements: document.getElementsByTagName('*').length - ours,
    rects,
    gap: soak?.longestGap ?? -1,
  };
}

/** One tab that loads page after page, with its probes and error log. */
export class SoakTab {
  private readonly log: ErrorLog;
  private constructor(
    readonly page: Page,
    private readonly handle?: BrowserHandle,
  ) {
    this.log = collectErrors(page);
  }

  /**
   * Requests to anywhere but the fixture server are refused at once, in both
   * runs alike: there is no internet here, and a saved page's remote images
   * and scripts would otherwise hang each load for seconds.
   */
  static async open(page: Page, origin: string, handle?: BrowserHandle): Promise<SoakTab> {
    await page.evaluateOnNewDocument(installProbes);
    // alert() or a beforeunload prompt would block the tab for good.
    page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      // A request can end before its answer does (the tab moved on to the next
      // page): Firefox then rejects with "no such request", which is no error of
      // the page's and must not fail the run as an unhandled rejection.
      const answer =
        url.startsWith(`${origin}/`) || /^(data|blob):/.test(url)
          ? request.continue()
          : request.abort();
      answer.catch(() => undefined);
    });
    return new SoakTab(page, handle);
  }

  async shot(url: string): Promise<PageShot> {
    const from = this.log.all.length;
    const trace = this.handle?.name === 'chromium';
    if (trace) await this.page.tracing.start({ categories: TRACE_CATEGORIES });
    const started = Date.now();
    let loaded = true;
    try {
      await this.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch {
      loaded = false;
    }
    const loadMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, WATCH_MS));
    // Read the page and its errors first: stopping and parsing the trace takes
    // seconds, in the extension run only, and a page that changes itself on a
    // timer would then be read later than in the plain run (videos-1.html adds
    // a script element 5 s after it starts, which counted as one more element).
    const read = await this.page.evaluate(readPage).catch(() => null);
    const errors = this.log.all.slice(from);
    let extensionTaskMs: number | null = null;
    let extensionTaskWallMs: number | null = null;
    if (trace) {
      const data = await this.page.tracing.stop();
      const parsed = data ? (JSON.parse(new TextDecoder().decode(data)) as unknown) : [];
      const tasks = extensionTasks(parsed, this.handle!.extensionBaseUrl);
      extensionTaskMs = tasks.longestCpuMs;
      extensionTaskWallMs = tasks.longestMs;
    }
    const badge = this.handle ? Number(await getBadgeText(this.handle, this.page)) || 0 : 0;
    // The URL the browser gives tells "Failed to load resource" errors apart; its
    // query and long numbers are dropped, as pages put random or time-based
    // cache-busters there (?cb=..., ;ord=..., /p70r1795725298818).
    const key = (e: (typeof errors)[number]) => {
      const url = (e.source.split(' ')[0] ?? '').replace(/[?#].*$/, '').replace(/\d{6,}/g, '#');
      return `${e.kind}: ${e.text.replace(/\d{6,}/g, '#')} ${url}`.trim();
    };
    // This extension's files only: a saved page may link another extension's
    // (chrome-extension://invalid/ is the browser refusing such a link).
    const base = this.handle?.extensionBaseUrl;
    const fromExtension = (text: string) =>
      (base !== undefined && text.includes(base)) || text.includes('content-scripts/');
    return {
      loaded: loaded && read !== null,
      loadMs,
      errors: errors.map(key),
      extensionErrors: errors.filter((e) => fromExtension(`${e.text} ${e.source}`)).map(key),
      textHash: createHash('sha1')
        .update(read?.text ?? '')
        .digest('hex'),
      textLength: read?.text.length ?? 0,
      elements: read?.elements ?? 0,
      rects: read?.rects ?? [],
      longestGapMs: Math.round(read?.gap ?? -1),
      extensionTaskMs,
      extensionTaskWallMs,
      badge,
    };
  }
}

/** Main-thread tasks and CPU samples: enough for trace-tasks.ts, small enough per page. */
export const TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** The comparison of one page: the extension run against the plain run. */
export interface SoakRow {
  browser: BrowserName;
  page: string;
  loadMs: number;
  badge: number;
  /** Errors in the extension run that the plain run did not have. */
  extraErrors: string[];
  textSame: boolean;
  elementsSame: boolean;
  rectsSame: boolean;
  /** Long-task time charged to the extension (see `extensionTaskMs`). */
  taskMs: number;
  /** Chromium: the wall time of that task. */
  taskWallMs: number | null;
  /** Longest heartbeat gap: with / without the extension. */
  gapMs: [number, number];
  problems: string[];
  /** Measures on which two plain loads of the page disagreed: not compared. */
  unstable?: string[];
  /** Measured twice: the first charge reached the limit, or the first load with the extension differed and the second did not. */
  retried?: boolean;
}

/** Longest task the extension can be charged with, in ms, and how it was measured. */
export const TASK_LIMIT_MS = 50;

/**
 * Chromium: the longest main-thread task with extension code in it, from a
 * performance trace of the load (see trace-tasks.ts). Firefox has no trace
 * puppeteer can read and no long-task entries: there the page's longest
 * stall after load with the extension is compared with the same page's
 * without it, and the difference is charged to the extension.
 */
function extensionTaskMs(ext: PageShot, plain: PageShot): number {
  if (ext.extensionTaskMs !== null) return Math.round(ext.extensionTaskMs);
  return Math.max(0, ext.longestGapMs - plain.longestGapMs);
}

export function compare(
  browser: BrowserName,
  page: string,
  ext: PageShot,
  plain: PageShot,
): SoakRow {
  const plainErrors = new Set(plain.errors);
  const extraErrors = ext.errors.filter((e) => !plainErrors.has(e));
  const rectsSame = JSON.stringify(ext.rects) === JSON.stringify(plain.rects);
  const row: SoakRow = {
    browser,
    page,
    loadMs: ext.loadMs,
    badge: ext.badge,
    extraErrors: [...new Set([...extraErrors, ...ext.extensionErrors])],
    textSame: ext.textHash === plain.textHash,
    elementsSame: ext.elements === plain.elements,
    rectsSame,
    taskMs: extensionTaskMs(ext, plain),
    taskWallMs: ext.extensionTaskWallMs === null ? null : Math.round(ext.extensionTaskWallMs),
    gapMs: [ext.longestGapMs, plain.longestGapMs],
    problems: [],
  };
  if (!ext.loaded || !plain.loaded) row.problems.push('did not load');
  if (row.extraErrors.length > 0) row.problems.push(`errors: ${row.extraErrors.join(' | ')}`);
  if (!row.textSame)
    row.problems.push(`innerText differs (${ext.textLength} vs ${plain.textLength})`);
  if (!row.elementsSame) row.problems.push(`elements ${ext.elements} vs ${plain.elements}`);
  if (!rectsSame) row.problems.push('layout shift in the first 50 text blocks');
  if (row.taskMs >= TASK_LIMIT_MS) row.problems.push(`extension task ${row.taskMs} ms`);
  return row;
}

/** Loads each URL with and without the extension, one after the other, and compares. */
export async function soak(
  handle: BrowserHandle,
  plain: PlainBrowser,
  pages: { name: string; url: string }[],
  onRow: (row: SoakRow) => void = () => undefined,
): Promise<SoakRow[]> {
  const origin = new URL(pages[0]?.url ?? 'http://127.0.0.1').origin;
  const openExt = async () => SoakTab.open(await newTab(handle), origin, handle);
  const openBare = async () => SoakTab.open(await plain.browser.newPage(), origin);
  let ext = await openExt();
  let bare = await openBare();
  const measure = async (url: string) => {
    // Sequential, never side by side: two loads at once on 2 cores would blur the timings.
    const withExtension = await ext.shot(url);
    return { withExtension, without: await bare.shot(url) };
  };
  const rows: SoakRow[] = [];
  for (const p of pages) {
    let row: SoakRow;
    try {
      const first = await within(measure(p.url), SHOT_TIMEOUT_MS);
      row = compare(handle.name, p.name, first.withExtension, first.without);
      if (!row.textSame || !row.elementsSame || !row.rectsSame || row.extraErrors.length > 0) {
        // Some pages change by themselves (a clock, a random teaser): a second
        // plain load tells a page that differs from itself from one the extension changed.
        const again = await within(bare.shot(p.url), SHOT_TIMEOUT_MS);
        row = settle(row, first.withExtension, first.without, again);
        if (!row.textSame || !row.elementsSame || !row.rectsSame) {
          // A page whose own timers race its load (ads shown and hidden on an
          // interval) can land differently when anything slows it down; a change
          // the extension makes shows again on a second load with it.
          const ext2 = await within(ext.shot(p.url), SHOT_TIMEOUT_MS);
          const second = settle(
            compare(handle.name, p.name, ext2, first.without),
            ext2,
            first.without,
            again,
          );
          if (second.textSame && second.elementsSame && second.rectsSame) {
            // The slower of the two loads is the one charged.
            const taskMs = Math.max(row.taskMs, second.taskMs);
            const problems = second.problems.filter((x) => !x.startsWith('extension task'));
            if (taskMs >= TASK_LIMIT_MS) problems.push(`extension task ${taskMs} ms`);
            row = { ...second, taskMs, problems, retried: true };
          }
        }
      }
      if (row.taskMs >= TASK_LIMIT_MS) {
        // Timings only go up under load (another process, a GC): measure once
        // more and keep the lower charge; a real cost shows both times.
        const second = await within(measure(p.url), SHOT_TIMEOUT_MS);
        const again = compare(handle.name, p.name, second.withExtension, second.without);
        const limit = `extension task ${row.taskMs} ms`;
        if (again.taskMs < row.taskMs) {
          row = { ...row, taskMs: again.taskMs, taskWallMs: again.taskWallMs, gapMs: again.gapMs };
          row.problems = row.problems.filter((x) => x !== limit);
          if (row.taskMs >= TASK_LIMIT_MS) row.problems.push(`extension task ${row.taskMs} ms`);
        }
        row.retried = true;
      }
    } catch (error) {
      row = { ...compare(handle.name, p.name, EMPTY, EMPTY), problems: [String(error)] };
      // A tab stuck on this page must not take the rest of the run with it.
      await Promise.all([ext.page.close(), bare.page.close()].map((c) => c.catch(() => undefined)));
      [ext, bare] = [await openExt(), await openBare()];
    }
    rows.push(row);
    onRow(row);
  }
  return rows;
}

/**
 * One measure of one page, both loads. A long news page's trace (breitbart,
 * cnn) is 120 to 180 MB with or without the extension, and Chromium takes
 * 40 s or more to hand it over on a 2-core machine: 90 s failed those pages
 * as "hung" with nothing wrong in the page or the extension.
 */
const SHOT_TIMEOUT_MS = 240_000;

/**
 * Re-judges a row with a second plain load. A measure on which the two plain
 * loads disagree is the page's own doing and is reported, not failed; an
 * error the second plain load also shows is the page's too.
 */
function settle(row: SoakRow, ext: PageShot, plain: PageShot, plain2: PageShot): SoakRow {
  const unstable: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const judge = (ok: boolean, label: string, pick: (s: PageShot) => unknown) => {
    if (ok) return true;
    if (!same(pick(plain), pick(plain2))) {
      unstable.push(label);
      return true;
    }
    return same(pick(ext), pick(plain2));
  };
  const textSame = judge(row.textSame, 'text', (s) => s.textHash);
  const elementsSame = judge(row.elementsSame, 'elements', (s) => s.elements);
  const rectsSame = judge(row.rectsSame, 'layout', (s) => s.rects);
  const seen = new Set([...plain.errors, ...plain2.errors]);
  const extraErrors = row.extraErrors.filter(
    (e) => !seen.has(e) || ext.extensionErrors.includes(e),
  );
  const settled: SoakRow = { ...row, textSame, elementsSame, rectsSame, extraErrors, problems: [] };
  const rejudged = compare(row.browser, row.page, ext, plain);
  settled.problems = rejudged.problems.filter(
    (p) =>
      !(p.startsWith('innerText') && textSame) &&
      !(p.startsWith('elements') && elementsSame) &&
      !(p.startsWith('layout') && rectsSame) &&
      !(p.startsWith('errors') && extraErrors.length === 0),
  );
  if (extraErrors.length > 0 && !settled.problems.some((p) => p.startsWith('errors'))) {
    settled.problems.push(`errors: ${extraErrors.join(' | ')}`);
  }
  if (unstable.length > 0) settled.unstable = unstable;
  return settled;
}

const EMPTY: PageShot = {
  loaded: false,
  loadMs: 0,
  errors: [],
  extensionErrors: [],
  textHash: '',
  textLength: 0,
  elements: 0,
  rects: [],
  longestGapMs: 0,
  extensionTaskMs: null,
  extensionTaskWallMs: null,
  badge: 0,
};

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** A Markdown table of the rows and a one-paragraph summary per browser. */
export function report(rows: SoakRow[], maxFindings: number): string {
  const lines = [
    '| browser | page | load ms | badge | extension task ms (Chromium: CPU, wall) | longest gap ms (with / without) | result |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.browser} | ${r.page} | ${r.loadMs} | ${r.badge} | ${r.taskMs}${r.taskWallMs === null ? '' : ` (wall ${r.taskWallMs})`}${r.retried ? ', 2nd run' : ''} | ${r.gapMs[0]} / ${r.gapMs[1]} | ${
          (r.problems.length === 0 ? 'ok' : r.problems.join('; ').replace(/\|/g, '\\|')) +
          (r.unstable ? ` (page changes by itself: ${r.unstable.join(', ')})` : '')
        } |`,
    ),
  ];
  return `${lines.join('\n')}\n\n${summary(rows, maxFindings)}`;
}

export function summary(rows: SoakRow[], maxFindings: number): string {
  const browsers = [...new Set(rows.map((r) => r.browser))];
  return browsers
    .map((b) => {
      const mine = rows.filter((r) => r.browser === b);
      const failed = mine.filter((r) => r.problems.length > 0);
      const findings = mine.reduce((n, r) => n + r.badge, 0);
      const worst = mine.reduce((a, r) => (r.taskMs > a.taskMs ? r : a), mine[0]!);
      return (
        `- **${b}**: ${mine.length} pages, ${mine.length - failed.length} unchanged and quiet, ` +
        `${failed.length} with a problem${failed.length ? ` (${failed.map((r) => r.page).join(', ')})` : ''}; ` +
        `asserted findings ${findings} (limit ${maxFindings}); ` +
        `longest extension task ${worst?.taskMs ?? 0} ms (${worst?.page ?? '-'}, limit ${TASK_LIMIT_MS} ms).`
      );
    })
    .join('\n');
}
