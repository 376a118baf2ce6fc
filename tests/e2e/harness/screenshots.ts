import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT } from './config';

/**
 * The e2e tests photograph the UI they have just checked, so the pictures in
 * the README (docs/screenshots/) always show the current build.
 */

const DOCS_DIR = `${REPO_ROOT}docs/screenshots/`;

/** Saves a picture of `page` for the README as docs/screenshots/<file>. */
export async function docsShot(page: Page, file: string, fullPage = false): Promise<void> {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: `${DOCS_DIR}${file}`, fullPage });
}
