import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';

/** Every e2e file runs its tests once per browser, in this order. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Built by `npm run build`; the harness never builds, so tests run what ships. */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: fileURLToPath(new URL('../../../.output/chrome-mv3/', import.meta.url)),
  firefox: fileURLToPath(new URL('../../../.output/firefox-mv2/', import.meta.url)),
};

/** Firefox's internal id for the extension, fixed in wxt.config.ts. */
export const FIREFOX_ADDON_ID = 'myth-lens@myth-lens.invalid';

/**
 * Firefox picks a random moz-extension:// UUID per profile; pinning it through
 * the `extensions.webextensions.uuids` pref gives tests a stable base URL.
 */
export const FIREFOX_ADDON_UUID = '6d7f3c2a-5b1e-4c8d-9a0f-3e2b1c4d5e6f';

interface BinarySpec {
  label: string;
  env: string;
  fallback: string;
  apt: string;
}

const BINARIES: Record<BrowserName, BinarySpec> = {
  chromium: {
    label: 'Chromium',
    env: 'CHROME_PATH',
    fallback: '/usr/bin/chromium',
    apt: 'chromium',
  },
  firefox: {
    label: 'Firefox',
    env: 'FIREFOX_PATH',
    fallback: '/usr/bin/firefox-esr',
    apt: 'firefox-esr',
  },
};

export function browserPath(name: BrowserName): string {
  const spec = BINARIES[name];
  return process.env[spec.env] || spec.fallback;
}

/** One line a person can act on, or undefined when the binary is there. */
export function missingBrowserMessage(name: BrowserName): string | undefined {
  const spec = BINARIES[name];
  const path = browserPath(name);
  if (existsSync(path)) return undefined;
  return `${spec.label} not found at ${path}: install it with \`apt-get install -y ${spec.apt}\` or set ${spec.env}`;
}

export function missingBuildMessage(name: BrowserName): string | undefined {
  const dir = EXTENSION_DIRS[name];
  if (existsSync(`${dir}manifest.json`)) return undefined;
  return `Extension build not found at ${dir}: run npm run build first`;
}
