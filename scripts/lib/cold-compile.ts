/**
 * Run by `npm run bench` in a fresh process: loads the pack as the extension
 * does (no pattern checks), then prints how many milliseconds the first
 * compile takes (reviving the data included), using the build's precompiled data when a file is given.
 */
import { readFileSync } from 'node:fs';
import { compileDetector } from '../../lib/nlp/detector';
import { loadPack } from '../../lib/pack/pack';
import { revivePrecompiled } from '../../lib/pack/precompiled';
import { readPackFiles } from './pack-from-disk';

const file = process.argv[2];
const pack = loadPack(readPackFiles(), { checkPatterns: false });
const data = file ? readFileSync(file, 'utf8') : null;
// Reviving the embedded text is part of what a cold start pays, so it is timed too.
const start = performance.now();
const precompiled = data === null ? null : revivePrecompiled(data);
if (data !== null && !precompiled) throw new Error(`${file}: not usable precompiled data`);
compileDetector({ ...pack, precompiled });
console.log((performance.now() - start).toFixed(2));
