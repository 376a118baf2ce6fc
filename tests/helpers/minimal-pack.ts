import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Pack } from '../../lib/pack/pack';
import type { Renames } from '../../lib/settings/settings';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { FIXTURES } from './pages';

/**
 * tests/fixtures/packs/minimal: two myths in two categories and one source,
 * laid out as the repository root is (`content/…`), so scripts can run on it.
 */
export const MINIMAL_PACK = join(FIXTURES, 'packs', 'minimal');

/** The minimal pack, loaded and validated as the build loads the real one. */
export function minimalPack(): Pack {
  return packFromDisk(MINIMAL_PACK);
}

/** No category or myth renamed: what settings code is given when the pack has no migrations. */
export const NO_RENAMES: Renames = { categories: {}, myths: {} };

/**
 * Returns `copy()`, which makes a writable copy of the minimal pack standing
 * in for the repository root, for a script or a broken pack to write in.
 * Every copy is deleted after each test. Call it at the top of a test file
 * or inside describe().
 */
export function useMinimalPackCopies(prefix: string): () => string {
  let dirs: string[] = [];
  afterEach(() => {
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    dirs = [];
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    dirs.push(dir);
    cpSync(MINIMAL_PACK, dir, { recursive: true });
    return dir;
  };
}
