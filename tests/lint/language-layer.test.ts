import { describe, expect, it } from 'vitest';
import { layerErrors } from '../helpers/lint';

/**
 * The language's place in the layers (eslint.config.js): code that runs in
 * the page takes only the page part of the language, so the content script
 * never carries the rest, and a language imports no compromise.
 */

describe('the language layer', () => {
  it('fails lint when page code takes the whole language, and allows its page part', async () => {
    const code =
      "import { language, pageLanguage } from '../language/shipped';\n" +
      "import { en } from '../language/en';\n" +
      "import type { Language } from '../language/language';\n" +
      'export const l: Language = en;\nexport const p = [language, pageLanguage];\n';
    for (const file of ['lib/text/example.ts', 'lib/prefilter/prefilter.ts']) {
      const errors = await layerErrors(file, code);
      expect(errors).toHaveLength(2);
      expect(errors.every((e) => /pageLanguage/.test(e))).toBe(true);
    }
  });

  it('keeps compromise and browser APIs out of a language', async () => {
    const code =
      "import nlp from 'compromise';\nimport { browser } from 'wxt/browser';\n" +
      'export const x = [nlp, browser];\n';
    expect(await layerErrors('lib/language/xx.ts', code)).toHaveLength(2);
  });

  it('still keeps compromise out of text code the page runs', async () => {
    const code = "import nlp from 'compromise';\nexport const doc = nlp('text');\n";
    expect(await layerErrors('lib/text/example.ts', code)).toHaveLength(1);
  });
});
