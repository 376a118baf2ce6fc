import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { evalInBackground } from './background';
import {
  browserPath,
  EXTENSION_DIRS,
  FIREFOX_ADDON_ID,
  FIREFOX_ADDON_UUID,
  missingBrowserMessage,
  missingBuildMessage,
  type BrowserName,
} from './config';
import { FirefoxBackground } from './firefox-rdp';
import type { BrowserHandle } from './launch';
import { waitFor } from './wait';

/**
 * Starts a browser on `profileDir` with the built extension and leaves the
 * profile in place on close, so a second call with the same directory is a
 * browser restart: for tests of what must survive one (settings). `launch()`
 * always starts from a fresh profile and deletes it; this mirrors its flags,
 * prefs and readiness check, which launch.ts keeps private. The caller
 * creates and deletes `profileDir`.
 *
 * The extension is installed again from the same path on every start:
 * Chromium gives it the same id (derived from the path), Firefox the pinned
 * UUID, so both find the storage the last session left in the profile.
 */
export async function launchWithProfile(
  name: BrowserName,
  profileDir: string,
): Promise<BrowserHandle> {
  const problem = missingBrowserMessage(name) ?? missingBuildMessage(name);
  if (problem) throw new Error(problem);
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
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        executablePath: browserPath(name),
        headless: true,
        pipe: true,
        enableExtensions: true,
        userDataDir: profileDir,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      });
      const extensionId = await browser.installExtension(EXTENSION_DIRS.chromium);
      const extensionBaseUrl = `chrome-extension://${extensionId}/`;
      return await ready({ name, browser, extensionId, extensionBaseUrl, close });
    }
    // A fresh socket path per start: a crashed run may have left the old one behind.
    const rdpSocket = join(profileDir, `rdp-${process.pid}-${Date.now()}.sock`);
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: browserPath(name),
      headless: true,
      userDataDir: profileDir,
      args: ['--start-debugger-server', rdpSocket],
      extraPrefsFirefox: {
        'devtools.debugger.remote-enabled': true,
        'devtools.chrome.enabled': true,
        'devtools.debugger.prompt-connection': false,
        'extensions.webextensions.uuids': JSON.stringify({
          [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID,
        }),
        // The add-on is a temporary one, which Firefox may uninstall on exit, and
        // uninstalling wipes its storage. Firefox 153 kept it without these, but a
        // restart test must not hang on that: a real install is never removed.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
      },
    });
    const extensionId = await browser.installExtension(EXTENSION_DIRS.firefox);
    const extensionBaseUrl = `moz-extension://${FIREFOX_ADDON_UUID}/`;
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIRS.firefox}manifest.json`, 'utf8')) as {
      background?: { page?: string };
    };
    firefoxBackground = await FirefoxBackground.connect(
      rdpSocket,
      extensionId,
      extensionBaseUrl + (manifest.background?.page ?? '_generated_background_page.html'),
    );
    return await ready({ name, browser, extensionId, extensionBaseUrl, firefoxBackground, close });
  } catch (error) {
    await close();
    throw error;
  }
}

async function ready(handle: BrowserHandle): Promise<BrowserHandle> {
  await waitFor(() => evalInBackground(handle, (api) => Boolean(api?.runtime?.id) || null), {
    timeout: 15_000,
    message: `the ${handle.name} background never exposed the extension API`,
  });
  return handle;
}
