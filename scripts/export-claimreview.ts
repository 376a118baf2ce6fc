/**
 * `npm run export:claimreview [-- --base <MYTHS.md URL>]`: writes one
 * schema.org ClaimReview per myth to docs/claimreview.jsonld. The base is
 * where MYTHS.md is published; it defaults to DEFAULT_DOCS_URL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DOCS_URL, docsUrl, toClaimReviews } from '../lib/build/claimreview';
import { PackError } from '../lib/pack/pack';
import { packFromDisk, ROOT } from './lib/pack-from-disk';
import type { ScriptResult } from './docs';

const USAGE = 'Usage: npm run export:claimreview [-- --base https://…/MYTHS.md]';

/** `--base URL` or `--base=URL`; anything else is a mistake worth stopping for. */
function parseBase(args: readonly string[]): string | undefined {
  if (args.length === 0) return DEFAULT_DOCS_URL;
  const [first, second, ...rest] = args;
  if (first === '--base' && second !== undefined && rest.length === 0) return second;
  if (first?.startsWith('--base=') && second === undefined) return first.slice('--base='.length);
  return undefined;
}

/** Runs the command against the repository at `root`; tests point it at a copy. */
export function runExportClaimReview(args: readonly string[], root = ROOT): ScriptResult {
  const base = parseBase(args);
  if (base === undefined) return { code: 2, message: USAGE };
  try {
    docsUrl(base);
  } catch (e) {
    return { code: 2, message: `${(e as Error).message}. ${USAGE}` };
  }
  try {
    const reviews = toClaimReviews(packFromDisk(root), base);
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(
      join(root, 'docs', 'claimreview.jsonld'),
      `${JSON.stringify(reviews, null, 2)}\n`,
    );
    return { code: 0, message: `Wrote ${reviews.length} ClaimReviews to docs/claimreview.jsonld.` };
  } catch (e) {
    const message =
      e instanceof PackError ? e.message : `export:claimreview: ${(e as Error).message}`;
    return { code: 1, message };
  }
}

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  const { code, message } = runExportClaimReview(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}
