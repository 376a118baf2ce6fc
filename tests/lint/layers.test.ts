import { describe, expect, it } from 'vitest';
import { layerErrors } from '../helpers/lint';

/**
 * The layer rules of eslint.config.js, proved on code that breaks them: the
 * content script's code cannot load compromise or the NLP stage, and the
 * engine cannot reach a browser API or the content script's DOM code.
 */

describe('layer rules', () => {
  it.each([
    [
      'fail lint when the content script imports compromise',
      'entrypoints/content/example.ts',
      "import nlp from 'compromise';\nexport const doc = nlp('text');\n",
      [expect.stringMatching(/never loads compromise/)],
    ],
    [
      'fail lint when DOM code imports the detector, and allow a type from it',
      'lib/page/example.ts',
      "import { compileDetector } from '../nlp/detector';\n" +
        "import type { Finding } from '../nlp/sentence-match';\n" +
        'export const f = compileDetector;\nexport type F = Finding;\n',
      [expect.stringMatching(/stage one only/)],
    ],
    [
      'fail lint when the engine imports a browser API or DOM code',
      'lib/nlp/example.ts',
      "import { browser } from 'wxt/browser';\n" +
        "import { Highlighter } from '../page/highlighter';\n" +
        'export const b = [browser, Highlighter];\n',
      [expect.any(String), expect.any(String)],
    ],
    [
      'pass the same imports where they belong',
      'entrypoints/background/example.ts',
      "import { compileDetector } from '../../lib/nlp/detector';\nexport const f = compileDetector;\n",
      [],
    ],
  ])('%s', async (_, filePath, code, errors) => {
    expect(await layerErrors(filePath, code)).toEqual(errors);
  });
});
