import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT } from './config';

/**
 * The e2e tests photograph the UI they have just checked, so the pictures in
 * the README (docs/screenshots/) and the store listings (store/screenshots/)
 * always show the current build.
 */

const DOCS_DIR = `${REPO_ROOT}docs/screenshots/`;
const STORE_DIR = `${REPO_ROOT}store/screenshots/`;

/** The Chrome Web Store takes exactly 1280×800 or 640×400; addons.mozilla.org recommends 1280×800. */
export const STORE_SIZE = { width: 1280, height: 800, deviceScaleFactor: 1 } as const;

/** Saves a picture of `page` for the README as docs/screenshots/<file>. */
export async function docsShot(page: Page, file: string, fullPage = false): Promise<void> {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: `${DOCS_DIR}${file}`, fullPage });
}

/**
 * Saves the viewport of `page`, sized with `page.setViewport(STORE_SIZE)`, as
 * store/screenshots/<file>, and fails unless the PNG is exactly 1280×800:
 * the Chrome Web Store refuses any other size.
 */
export async function storeShot(page: Page, file: string): Promise<void> {
  const png = await page.screenshot({ type: 'png', optimizeForSpeed: false });
  const size = pngSize(png);
  if (size.width !== STORE_SIZE.width || size.height !== STORE_SIZE.height) {
    throw new Error(`${file} is ${size.width}×${size.height}, not 1280×800: set STORE_SIZE first`);
  }
  mkdirSync(STORE_DIR, { recursive: true });
  writeFileSync(`${STORE_DIR}${file}`, png);
}

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Draws a picture of the popup over `page` where the browser shows the
 * toolbar popup, under its top right corner, so one store image shows the
 * popup with the page it is about. Returns a function that removes it.
 */
export async function showPopupOver(
  page: Page,
  popupPng: Uint8Array,
): Promise<() => Promise<void>> {
  const src = `data:image/png;base64,${Buffer.from(popupPng).toString('base64')}`;
  await page.evaluate((url) => {
    const frame = document.createElement('div');
    frame.id = 'store-shot-popup';
    frame.style.cssText =
      'all: initial; position: fixed; top: 8px; right: 24px; z-index: 2147483647; line-height: 0;' +
      'border: 1px solid #d0d7de; border-radius: 8px; overflow: hidden;' +
      'box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28);';
    const img = document.createElement('img');
    img.src = url;
    img.alt = '';
    frame.append(img);
    document.body.append(frame);
    return img.decode();
  }, src);
  return async () => {
    await page.evaluate(() => document.getElementById('store-shot-popup')?.remove());
  };
}
