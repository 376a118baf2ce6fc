import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { PackError } from './lib/pack/pack';
import type { CommandName } from './lib/protocol';
import { weakPatterns } from './lib/build/pack-quality';
import { packFromDisk } from './scripts/lib/pack-from-disk';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { precompiledPack } from './scripts/vite-precompiled';

/** The content script's keyboard commands, one entry for each name in lib/protocol.ts. */
const PAGE_COMMANDS: Record<
  CommandName,
  { suggested_key: { default: string }; description: string }
> = {
  'next-finding': {
    suggested_key: { default: 'Alt+Shift+M' },
    description: 'Go to the next myth on the page and open its card',
  },
  'toggle-highlights': {
    suggested_key: { default: 'Alt+Shift+H' },
    description: 'Hide or show Myth Lens highlights on this page',
  },
};

/**
 * One source, two builds. Chrome gets MV3 (required by the Chrome Web Store).
 * Firefox gets WXT's default MV2: its host permissions are granted at install
 * (Firefox MV3 makes them opt-in, so highlights would silently not run until a
 * person found the permission switch), and MV2 remains fully supported there.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // Refuse to bundle an invalid pack: the error names the file and the field.
    'build:before': () => {
      const weak = weakPatterns(packFromDisk());
      if (weak.length > 0) throw new PackError(weak);
    },
  },
  vite: () => ({
    plugins: [preact(), precompiledPack(), noInnerHtml()],
    resolve: {
      alias: [
        // Issue 13: WXT's content script context announces the extension to the
        // page and obeys page-made events; ours does neither (script-context.ts).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(
            new URL('./entrypoints/content/script-context.ts', import.meta.url),
          ),
        },
      ],
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in the README's permissions table.
    permissions: ['storage', 'contextMenus'],
    // The CSS Custom Highlight API (Chrome 105) paints every highlight; Firefox's minimum is below.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    commands: {
      // MV2 (Firefox) names the popup command differently from MV3.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open Myth Lens',
      },
      ...PAGE_COMMANDS,
    },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'myth-lens@myth-lens.invalid',
              // 140 is the ESR that Debian ships (and the first desktop Firefox with
              // data_collection_permissions); Firefox for Android has it from 142.
              strict_min_version: '140.0',
              // Firefox's consent screen: Myth Lens collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
