import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import type { BrowserHandle } from './launch';
import { getBadgeText } from './pages';
import { extensionTasks } from './trace-tasks';
import { collectErrors, type ErrorLog } from './wait';

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
