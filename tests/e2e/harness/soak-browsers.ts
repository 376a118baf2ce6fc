import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { browserPath, missingBrowserMessage, type BrowserName } from './config';
import { launch, type BrowserHandle } from './launch';

export interface PlainBrowser {
  name: BrowserName;
  browser: Browser;
  close(): Promise<void>;
}

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

/**
 * The same browser as `launch(name)`, same flags, fresh profile, without the
 * extension: what differs between the two is the extension's doing.
 */
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
