import type { ConsoleMessage, Page } from 'puppeteer-core';

export interface WaitOptions {
  /** Give up after this many ms (default 10 s). */
  timeout?: number;
  /** Poll every this many ms (default 100). */
  interval?: number;
  /** Says what was awaited, for the timeout error. */
  message?: string;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. A
 * probe that throws counts as "not yet" (pages mid-navigation throw), but the
 * last error is reported if time runs out.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { timeout = 10_000, interval = 100, message = 'condition' }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export interface CollectedError {
  kind: 'pageerror' | 'console';
  text: string;
  /** Script URL or stack when the browser reports one; how extension errors are told apart. */
  source: string;
}

export interface ErrorLog {
  readonly all: CollectedError[];
  /** Errors whose text, URL or stack points into the extension's files. */
  fromExtension(): CollectedError[];
  stop(): void;
}

const EXTENSION_SOURCE = /(chrome|moz)-extension:\/\/|content-scripts\//;

/**
 * Starts recording uncaught page errors and console.error calls on `page`.
 * Call before the code under test runs (e.g. right after openFixture, then
 * reload, or before navigating).
 */
export function collectErrors(page: Page): ErrorLog {
  const all: CollectedError[] = [];
  const onPageError = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    all.push({ kind: 'pageerror', text: err.message, source: err.stack ?? '' });
  };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const trace = message.stackTrace().map((frame) => frame.url ?? '');
    all.push({
      kind: 'console',
      text: message.text(),
      source: [message.location().url ?? '', ...trace].join(' '),
    });
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    all,
    fromExtension: () => all.filter((e) => EXTENSION_SOURCE.test(`${e.text} ${e.source}`)),
    stop: () => {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    },
  };
}
