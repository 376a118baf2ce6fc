import type { Plugin } from 'vite';

/**
 * Vite plugin: takes the one dynamic `innerHTML` assignment out of Preact,
 * the `dangerouslySetInnerHTML` branch, so the shipped Firefox bundle passes
 * addons-linter with every rule on, `no-unsanitized/property` included, as
 * Mozilla's review runs it (issue 13). Myth Lens never uses
 * dangerouslySetInnerHTML; should anything pass it, the value is now shown
 * as text instead of parsed as markup. The build fails if the branch is not
 * found, so a Preact update cannot quietly bring it back.
 */
const BRANCH = /(\b\w+)\.innerHTML=(\w+)\.__html\b/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'myth-lens-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) {
        return undefined;
      }
      const out = code.replace(BRANCH, '$1.textContent=$2.__html');
      if (out === code) {
        throw new Error(`${id}: Preact's dangerouslySetInnerHTML branch was not found`);
      }
      return { code: out, map: null };
    },
  };
}
