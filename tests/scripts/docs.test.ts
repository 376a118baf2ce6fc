import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MYTHS_DOC_STALE, renderMythsDoc } from '../../lib/build/myths-doc';
import { runDocs } from '../../scripts/docs';
import { ROOT } from '../../scripts/lib/pack-from-disk';
import { minimalPack, useMinimalPackCopies } from '../helpers/minimal-pack';

/** The command around lib/build/myths-doc.ts, tested in tests/lib/build/myths-doc.test.ts. */

const pack = minimalPack();
const minimalRepo = useMinimalPackCopies('myths-doc');

describe('npm run docs', () => {
  it('writes MYTHS.md, then --check passes', () => {
    const repo = minimalRepo();
    expect(runDocs(['--check'], repo)).toEqual({ code: 1, message: MYTHS_DOC_STALE });
    expect(runDocs([], repo).code).toBe(0);
    expect(readFileSync(join(repo, 'MYTHS.md'), 'utf8')).toBe(renderMythsDoc(pack));
    expect(runDocs(['--check'], repo).code).toBe(0);
  });

  it('fails --check when the pack changed after the last run', () => {
    const repo = minimalRepo();
    runDocs([], repo);
    const file = join(repo, 'content/myths/willpower/depression-is-laziness.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Depression is laziness.', 'Changed.'));
    expect(runDocs(['--check'], repo)).toEqual({ code: 1, message: MYTHS_DOC_STALE });
  });

  it('exits 1 naming the problem when the pack is invalid', () => {
    const repo = minimalRepo();
    rmSync(join(repo, 'content/pack.json'));
    const result = runDocs([], repo);
    expect(result.code).toBe(1);
    expect(result.message).toContain('content/pack.json: (file): missing');
    expect(existsSync(join(repo, 'MYTHS.md'))).toBe(false);
  });

  it('rejects an unknown argument with exit code 2 from the command line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs.ts', '--chek'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown argument --chek');
  });
});
