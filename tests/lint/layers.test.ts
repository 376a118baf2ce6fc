import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, proved on code that breaks them: the
 * content script's code cannot load compromise or the NLP stage, and the
 * engine cannot reach a browser API or the content script's DOM code.
 */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it('fail lint when the content script imports compromise', async () => {
    const errors = await layerErrors(
      'entrypoints/content/example.ts',
      "import nlp from 'compromise';\nexport const doc = nlp('text');\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/never loads compromise/);
  });

  it('fail lint when DOM code imports the detector, and allow a type from it', async () => {
    const code =
      "import { compileDetector } from '../nlp/detector';\n" +
      "import type { Finding } from '../nlp/sentence-match';\n" +
      'export const f = compileDetector;\nexport type F = Finding;\n';
    const errors = await layerErrors('lib/page/example.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/stage one only/);
  });

  it('fail lint when the engine imports a browser API or DOM code', async () => {
    const code =
      "import { browser } from 'wxt/browser';\n" +
      "import { Highlighter } from '../page/highlighter';\n" +
      'export const b = [browser, Highlighter];\n';
    const errors = await layerErrors('lib/nlp/example.ts', code);
    expect(errors).toHaveLength(2);
  });

  it('pass the same imports where they belong', async () => {
    const code =
      "import { compileDetector } from '../../lib/nlp/detector';\nexport const f = compileDetector;\n";
    expect(await layerErrors('entrypoints/background/example.ts', code)).toEqual([]);
  });
});
