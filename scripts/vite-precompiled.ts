import { join } from 'node:path';
import type { Plugin } from 'vite';
import { precompilePack, serializePrecompiled } from '../lib/pack/precompiled';
import { packFromDisk, ROOT } from './lib/pack-from-disk';

/** The module lib/pack/pack-for-detector.ts imports; its default export is the serialized data. */
const PRECOMPILED_ID = 'virtual:myth-lens-precompiled';
const RESOLVED = `\0${PRECOMPILED_ID}`;

/**
 * Vite plugin: does the pack's NLP work (compromise's parse of every pattern
 * and each pattern's prefilter plan) once at build time and embeds it, so the
 * extension compiles the pack without parsing on a cold start.
 */
export function precompiledPack(): Plugin {
  return {
    name: 'myth-lens-precompiled-pack',
    resolveId: (id) => (id === PRECOMPILED_ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(join(ROOT, 'content'));
      const text = serializePrecompiled(precompilePack(packFromDisk()));
      return `export default ${JSON.stringify(text)};`;
    },
  };
}
