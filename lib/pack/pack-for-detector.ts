import precompiledText from 'virtual:myth-lens-precompiled';
import type { Pack } from './pack';
import { bundledPack } from './pack-bundled';
import { revivePrecompiled } from './precompiled';

let cached: Pack | undefined;

/**
 * The bundled pack with the build's NLP work attached, for the surfaces that
 * compile a detector (background, popup lookup): a cold start parses nothing.
 */
export function packForDetector(): Pack {
  return (cached ??= { ...bundledPack(), precompiled: revivePrecompiled(precompiledText) });
}
