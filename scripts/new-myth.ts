/**
 * `npm run new-myth -- <category> <id>`: creates content/myths/<category>/<id>.json
 * with every field present and a TODO in each, then says what to fill in.
 * Exits 2 on bad arguments, before writing anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkNewMythArgs, FILL_IN, scaffoldMyth } from '../lib/build/myth-scaffold';
import { ROOT } from './lib/pack-from-disk';
import type { ScriptResult } from './docs';

/** Only categories.json is read: the rest of the pack may be mid-edit, which is why a myth is being added. */
function categoryIds(root: string): string[] {
  const data: unknown = JSON.parse(readFileSync(join(root, 'content', 'categories.json'), 'utf8'));
  if (!Array.isArray(data)) throw new Error('content/categories.json must be a list');
  return data.flatMap((c: { id?: unknown }) => (typeof c.id === 'string' ? [c.id] : []));
}

function mythPaths(root: string): string[] {
  const dir = join(root, 'content', 'myths');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => `content/myths/${d.name}/${f}`));
}

/** Runs the command against the repository at `root`; tests point it at a copy. */
export function runNewMyth(args: readonly string[], root = ROOT): ScriptResult {
  let ids: string[];
  try {
    ids = categoryIds(root);
  } catch (e) {
    return { code: 1, message: `Cannot read content/categories.json: ${(e as Error).message}` };
  }
  const checked = checkNewMythArgs(args, ids, mythPaths(root));
  if (!checked.ok) return { code: 2, message: checked.problem };
  const file = join(root, checked.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(scaffoldMyth(checked.category, checked.id), null, 2)}\n`);
  const width = Math.max(...Object.keys(FILL_IN).map((k) => k.length));
  const guide = Object.entries(FILL_IN).map(([field, what]) => `  ${field.padEnd(width)}  ${what}`);
  return {
    code: 0,
    message: [
      `Created ${checked.path}. Replace every TODO:`,
      ...guide,
      'The pack tests fail until you do: the source key is a placeholder and the pattern matches no example.',
      'Then run npm test and npm run docs.',
    ].join('\n'),
  };
}

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  const { code, message } = runNewMyth(process.argv.slice(2));
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}
