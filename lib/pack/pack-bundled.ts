import { loadPack, type Pack, type PackFile } from './pack';

/**
 * The pack as bundled by Vite into the extension (and seen by vitest): every
 * JSON file under content/, validated once (patterns were checked by the
 * build, which refuses an invalid pack), so a throw here means a bundling
 * bug, not bad data.
 */
const modules = import.meta.glob<unknown>('../../content/**/*.json', {
  eager: true,
  import: 'default',
});

const packFiles: PackFile[] = Object.entries(modules).map(([path, data]) => ({
  path: path.replace(/^(?:\.\.\/)+/, ''),
  data,
}));

let cached: Pack | undefined;

/** The bundled, validated pack. */
export function bundledPack(): Pack {
  return (cached ??= loadPack(packFiles, { checkPatterns: false }));
}
