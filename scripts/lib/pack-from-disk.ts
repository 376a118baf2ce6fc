import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPack, PackError, type Pack, type PackFile } from '../../lib/pack/pack';

/** Repository root: scripts/lib/ is two levels down. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** Reads every JSON file under content/, naming the file when one is not valid JSON. */
export function readPackFiles(root = ROOT): PackFile[] {
  const files: PackFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) {
        const path = relative(root, full).split('\\').join('/');
        try {
          files.push({ path, data: JSON.parse(readFileSync(full, 'utf8')) });
        } catch (e) {
          throw new PackError([
            { file: path, field: '(file)', problem: `not valid JSON (${(e as Error).message})` },
          ]);
        }
      }
    }
  };
  walk(join(root, 'content'));
  return files;
}

/** The validated pack from disk. */
export function packFromDisk(root = ROOT): Pack {
  return loadPack(readPackFiles(root));
}
