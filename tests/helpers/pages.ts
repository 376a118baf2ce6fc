import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractBlocks } from '../../lib/page/text-blocks';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

let pages: { name: string; blocks: string[] }[] | undefined;

/**
 * The real pages copied into tests/fixtures/pages, as blocks of visible text.
 * Parsed once per worker (test files share modules, see vitest.config.ts);
 * callers only read it.
 */
export function fixturePageBlocks(): readonly { name: string; blocks: readonly string[] }[] {
  const dir = join(FIXTURES, 'pages');
  return (pages ??= readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((name) => {
      const { document } = parseHTML(readFileSync(join(dir, name), 'utf8'));
      return { name, blocks: extractBlocks(document).map((b) => b.text) };
    }));
}
