import type { CDPSession, Page, Target } from 'puppeteer-core';
import { evalInBackground } from './background';
import { EXTENSION_DIRS } from './config';
import type { BrowserHandle } from './launch';
import { waitFor } from './wait';

/**
 * Issue #8's levers on the extension's life: stopping Chrome's service worker,
 * reloading the whole extension as an update does, and watching what the old
 * content script still runs afterwards.
 */

function isOurWorker(handle: BrowserHandle, target: Target): boolean {
  return target.type() === 'service_worker' && target.url().startsWith(handle.extensionBaseUrl);
}

/** Chromium: whether the extension's service worker is running now. */
export function serviceWorkerRunning(handle: BrowserHandle): boolean {
  return handle.browser.targets().some((t) => isOurWorker(handle, t));
}

/**
 * Chromium: stops the extension's MV3 service worker, as Chrome does after 30
 * idle seconds or under memory pressure, and waits until it is gone. This is
 * puppeteer's way for extension workers (WebWorker.close: Target.closeTarget
 * on the worker's target), and needs no page of the extension's origin.
 */
export async function stopServiceWorker(handle: BrowserHandle): Promise<void> {
  if (handle.name !== 'chromium') throw new Error('Only Chromium runs a service worker');
  const target = await handle.browser.waitForTarget((t) => isOurWorker(handle, t), {
    timeout: 10_000,
  });
  const worker = await target.worker();
  if (!worker) throw new Error('the service worker target has no worker');
  await worker.close();
  await waitFor(() => !serviceWorkerRunning(handle), {
    timeout: 10_000,
    message: 'the service worker to stop',
  });
}

export interface WorkerErrors {
  readonly all: string[];
  stop(): void;
}

/**
 * Chromium: records console errors and uncaught exceptions of the extension's
 * service worker, the running one and every one started from now on (each
 * restart is a new target). A worker's errors thrown while it starts, before
 * the harness attaches, can be missed; later ones cannot.
 */
export function collectWorkerErrors(handle: BrowserHandle): WorkerErrors {
  const all: string[] = [];
  const watch = async (target: Target) => {
    if (!isOurWorker(handle, target)) return;
    const worker = await target.worker().catch(() => null);
    if (!worker) return;
    worker.on('console', (message) => {
      if (message.type() === 'error') all.push(`console.error: ${message.text()}`);
    });
    worker.client.on('Runtime.exceptionThrown', (event) => {
      const details = event.exceptionDetails;
      all.push(`uncaught: ${details.exception?.description ?? details.text}`);
    });
  };
  const onTarget = (target: Target) => void watch(target);
  handle.browser.targets().forEach(onTarget);
  handle.browser.on('targetcreated', onTarget);
  return { all, stop: () => handle.browser.off('targetcreated', onTarget) };
}

/**
 * Replaces the running extension with the build on disk, as an update does:
 * the old version is unloaded and the new one started, while open pages stay.
 * Chromium installs the same unpacked directory again (the CDP
 * Extensions.loadUnpacked behind puppeteer's installExtension; same path, same
 * id, so Chrome treats it as a reload). `runtime.reload()` is no substitute
 * there: an extension loaded over CDP is unloaded by it and not started again.
 * Firefox reloads with `runtime.reload()`, the path a temporary add-on takes
 * on update. Resolves once the new version runs: in Chromium its new worker
 * has started (puppeteer's handle on it can hang while it starts, so reach
 * the new version through one of its pages), in Firefox its background answers.
 */
export async function updateExtension(handle: BrowserHandle): Promise<void> {
  if (handle.name === 'chromium') {
    const oldWorker = handle.browser.targets().find((t) => isOurWorker(handle, t));
    const id = await handle.browser.installExtension(EXTENSION_DIRS.chromium);
    if (id !== handle.extensionId)
      throw new Error(`reinstalled as ${id}, not ${handle.extensionId}`);
    // The old worker's target can linger in puppeteer's list; asking it would hang.
    await waitFor(
      () => handle.browser.targets().some((t) => isOurWorker(handle, t) && t !== oldWorker),
      { timeout: 15_000, message: 'the new version to start its service worker' },
    );
    return;
  }
  // Deferred, so the evaluation returns before its own context goes away.
  await evalInBackground(handle, (api) => {
    setTimeout(() => api.runtime.reload(), 50);
    return true;
  });
  await new Promise((r) => setTimeout(r, 500));
  await waitFor(() => evalInBackground(handle, (api) => Boolean(api?.runtime?.id) || null), {
    timeout: 15_000,
    message: 'the new version to answer',
  });
}

export interface ContentScriptCalls {
  /** Names (with call counts) of the content script's functions that ran since the last call. */
  take(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Chromium: V8's precise coverage with call counts for `page`, restricted to
 * the extension's content script. Every take() resets the counters, so an
 * empty list proves that no content-script code at all ran in between: no
 * observer callback, listener, timer or promise continuation.
 */
export async function watchContentScriptCalls(
  handle: BrowserHandle,
  page: Page,
): Promise<ContentScriptCalls> {
  const session: CDPSession = await page.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const script = `${handle.extensionBaseUrl}content-scripts/`;
  const take = async () => {
    const { result } = await session.send('Profiler.takePreciseCoverage');
    return result
      .filter((s) => s.url.startsWith(script))
      .flatMap((s) => s.functions)
      .filter((f) => (f.ranges[0]?.count ?? 0) > 0)
      .map((f) => `${f.functionName || '(anonymous)'} x${f.ranges[0]?.count}`);
  };
  await take();
  return {
    take,
    stop: async () => {
      await session.send('Profiler.stopPreciseCoverage').catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

/** Appends a paragraph to the page's body: a change the content script must notice and scan. */
export function addParagraph(page: Page, id: string, text: string): Promise<void> {
  return page.evaluate(
    (pid, content) => {
      const p = document.createElement('p');
      p.id = pid;
      p.textContent = content;
      document.body.append(p);
    },
    id,
    text,
  );
}
