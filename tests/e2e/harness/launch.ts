import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import {
  browserPath,
  EXTENSION_DIRS,
  FIREFOX_ADDON_ID,
  FIREFOX_ADDON_UUID,
  missingBrowserMessage,
  missingBuildMessage,
  type BrowserName,
} from './config';
import { evalInBackground } from './background';
import { waitFor } from './wait';
import { FirefoxBackground } from './firefox-rdp';

export interface BrowserHandle {
  name: BrowserName;
  browser: Browser;
  /** Chrome's generated id, or the gecko id from the Firefox manifest. */
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with trailing slash. */
  extensionBaseUrl: string;
  /** Firefox only: RDP link to the background page (see firefox-rdp.ts). */
  firefoxBackground?: FirefoxBackground;
  /** Closes the browser and deletes its profile; safe to call twice. */
  close(): Promise<void>;
}

// Without these Chromium phones home on start and logs refused connections.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox', // we run as root in CI
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface LaunchOptions {
  /**
   * Start on this profile and leave it in place on close, so a second launch
   * with the same directory is a browser restart. The caller creates and
   * deletes it. Without it: a fresh profile, deleted on close.
   */
  profileDir?: string;
}

/**
 * Starts a browser with the built extension installed. On a kept profile the
 * extension is installed again from the same path: Chromium gives it the same
 * id (derived from the path), Firefox the pinned UUID, so both find the
 * storage the last session left there.
 */
export async function launch(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<BrowserHandle> {
  const problem = missingBrowserMessage(name) ?? missingBuildMessage(name);
  if (problem) throw new Error(problem);
  const kept = options.profileDir !== undefined;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), `myth-lens-e2e-${name}-`));
  // A fresh socket path per start: a crashed run may have left the old one in a kept profile.
  const rdpSocket = join(profile, `rdp-${process.pid}-${Date.now()}.sock`);
  let browser: Browser | undefined;
  let firefoxBackground: FirefoxBackground | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    firefoxBackground?.close();
    const proc = browser?.process();
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(
      () => undefined,
    );
    // A browser that ignored close() must not outlive the run or keep the profile busy.
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    if (!kept) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        executablePath: browserPath(name),
        headless: true,
        // installExtension needs the CDP pipe plus --enable-unsafe-extension-debugging,
        // which enableExtensions adds.
        pipe: true,
        enableExtensions: true,
        userDataDir: profile,
        args: [...CHROMIUM_ARGS],
      });
      const extensionId = await browser.installExtension(EXTENSION_DIRS.chromium);
      const extensionBaseUrl = `chrome-extension://${extensionId}/`;
      return await ready({ name, browser, extensionId, extensionBaseUrl, close });
    }
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: browserPath(name),
      headless: true,
      userDataDir: profile,
      // The DevTools server on a socket inside the profile: no port to collide on.
      args: ['--start-debugger-server', rdpSocket],
      extraPrefsFirefox: {
        'devtools.debugger.remote-enabled': true,
        'devtools.chrome.enabled': true,
        'devtools.debugger.prompt-connection': false,
        'extensions.webextensions.uuids': JSON.stringify({
          [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID,
        }),
        ...(kept ? KEEP_STORAGE_PREFS : {}),
      },
    });
    const extensionId = await browser.installExtension(EXTENSION_DIRS.firefox);
    const extensionBaseUrl = `moz-extension://${FIREFOX_ADDON_UUID}/`;
    firefoxBackground = await FirefoxBackground.connect(
      rdpSocket,
      extensionId,
      extensionBaseUrl + firefoxBackgroundPage(),
    );
    return await ready({ name, browser, extensionId, extensionBaseUrl, firefoxBackground, close });
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The add-on is a temporary one, which Firefox may uninstall on exit, and
 * uninstalling wipes its storage. Firefox 153 kept it without these, but a
 * restart test must not hang on that: a real install is never removed.
 */
const KEEP_STORAGE_PREFS = {
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
};

/** Tests start only once the background answers, so their first call cannot race its start-up. */
async function ready(handle: BrowserHandle): Promise<BrowserHandle> {
  // Chrome exposes the extension API to a service worker only once its script has
  // finished evaluating; until then `chrome` is undefined in evaluated code.
  await waitFor(() => evalInBackground(handle, (api) => Boolean(api?.runtime?.id) || null), {
    timeout: 15_000,
    message: `the ${handle.name} background never exposed the extension API`,
  });
  return handle;
}

/** MV2 `background.scripts` run in a page Firefox generates under this name. */
function firefoxBackgroundPage(): string {
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIRS.firefox}manifest.json`, 'utf8')) as {
    background?: { page?: string };
  };
  return manifest.background?.page ?? '_generated_background_page.html';
}
