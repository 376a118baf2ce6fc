import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocksOf } from './read-input';
import { ROOT } from './pack-from-disk';

/** The shared material beside the repository, when this machine has it. */
export const SHARED = join(ROOT, '..', 'shared');

/** Real pages: all of ../shared/pages when present, else the copies in tests/fixtures/pages. */
export function realPages(): { source: string; pages: { name: string; blocks: string[] }[] } {
  const shared = join(SHARED, 'pages');
  const dir = existsSync(shared) ? shared : join(ROOT, 'tests', 'fixtures', 'pages');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => ({ name, blocks: blocksOf(name, readFileSync(join(dir, name), 'utf8')) }));
  return { source: dir, pages };
}
