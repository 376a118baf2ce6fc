import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractBlocks } from '../../lib/page/text-blocks';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The real pages copied into tests/fixtures/pages, as blocks of visible text. */
export function fixturePageBlocks(): { name: string; blocks: string[] }[] {
  const dir = join(FIXTURES, 'pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((name) => {
      const { document } = parseHTML(readFileSync(join(dir, name), 'utf8'));
      return { name, blocks: extractBlocks(document).map((b) => b.text) };
    });
}
