import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILL_IN, scaffoldMyth } from '../../lib/build/myth-scaffold';
import { ROOT } from '../../scripts/lib/pack-from-disk';
import { runNewMyth } from '../../scripts/new-myth';
import { useMinimalPackCopies } from '../helpers/minimal-pack';

/** The command around lib/build/myth-scaffold.ts, tested in tests/lib/build/myth-scaffold.test.ts. */

const minimalRepo = useMinimalPackCopies('new-myth');

describe('npm run new-myth', () => {
  it('creates the file, says what to fill in, and refuses to overwrite it', () => {
    const repo = minimalRepo();
    const created = runNewMyth(['lifestyle-cure', 'sunlight-cures-depression'], repo);
    expect(created.code).toBe(0);
    expect(created.message).toContain(
      'Created content/myths/lifestyle-cure/sunlight-cures-depression.json',
    );
    expect(created.message).toContain(FILL_IN.claim);
    const written: unknown = JSON.parse(
      readFileSync(
        join(repo, 'content/myths/lifestyle-cure/sunlight-cures-depression.json'),
        'utf8',
      ),
    );
    expect(written).toEqual(scaffoldMyth('lifestyle-cure', 'sunlight-cures-depression'));
    const again = runNewMyth(['lifestyle-cure', 'sunlight-cures-depression'], repo);
    expect(again.code).toBe(2);
    expect(again.message).toContain('already exists');
  });

  it('exits 2 with the usage from the command line when arguments are missing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new-myth.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: npm run new-myth -- <category> <id>');
  });
});
