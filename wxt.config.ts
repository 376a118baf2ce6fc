import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * One source, two builds. Chrome gets MV3 (required by the Chrome Web Store).
 * Firefox gets WXT's default MV2: its host permissions are granted at install
 * (Firefox MV3 makes them opt-in, so highlights would silently not run until a
 * person found the permission switch), and MV2 remains fully supported there.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Myth Lens',
    description:
      'Quietly marks sentences that repeat a myth about depression and explains what the evidence says. Works fully offline.',
    permissions: ['storage'],
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'myth-lens@myth-lens.invalid',
              strict_min_version: '128.0',
            },
          },
        }
      : {}),
  }),
});
