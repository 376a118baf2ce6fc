/**
 * `npm run docs`: writes MYTHS.md from the content pack.
 * `npm run docs -- --check`: exits 1 when the committed MYTHS.md differs (CI).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MYTHS_DOC_STALE, renderMythsDoc } from '../lib/build/myths-doc';
import { PackError } from '../lib/pack/pack';
import { packFromDisk, ROOT } from './lib/pack-from-disk';

/** What the command did: exit code and the one message to print. */
export interface ScriptResult {
  code: number;
  message: string;
}

/** Runs the command against the repository at `root`; tests point it at a copy. */
export function runDocs(args: readonly string[], root = ROOT): ScriptResult {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    return { code: 2, message: `Unknown argument ${unknown[0]}. Usage: npm run docs [-- --check]` };
  }
  let doc: string;
  try {
    doc = renderMythsDoc(packFromDisk(root));
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    return { code: 1, message: `${e.message}\nFix the pack, then run npm run docs again.` };
  }
  const file = join(root, 'MYTHS.md');
  if (args.includes('--check')) {
    // A checkout with CRLF line endings holds the same document.
    const committed = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : '';
    return committed === doc
      ? { code: 0, message: 'MYTHS.md is up to date.' }
      : { code: 1, message: MYTHS_DOC_STALE };
  }
  writeFileSync(file, doc);
  return { code: 0, message: 'Wrote MYTHS.md.' };
}

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  const { code, message } = runDocs(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}
