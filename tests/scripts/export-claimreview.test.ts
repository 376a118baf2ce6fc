import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toClaimReviews } from '../../lib/build/claimreview';
import { runExportClaimReview } from '../../scripts/export-claimreview';
import { ROOT } from '../../scripts/lib/pack-from-disk';
import { minimalPack, useMinimalPackCopies } from '../helpers/minimal-pack';

/** The command around lib/build/claimreview.ts, tested in tests/lib/build/claimreview.test.ts. */

const pack = minimalPack();
const minimalRepo = useMinimalPackCopies('claimreview');

describe('npm run export:claimreview', () => {
  it('writes the reviews as a JSON array', () => {
    const repo = minimalRepo();
    const result = runExportClaimReview(['--base=https://example.org/MYTHS.md'], repo);
    expect(result).toEqual({ code: 0, message: expect.stringContaining('Wrote 2 ClaimReviews') });
    const written: unknown = JSON.parse(
      readFileSync(join(repo, 'docs', 'claimreview.jsonld'), 'utf8'),
    );
    expect(written).toEqual(toClaimReviews(pack, 'https://example.org/MYTHS.md'));
  });

  it('exits 1 with the pack problems when the pack is invalid', () => {
    const repo = minimalRepo();
    rmSync(join(repo, 'content', 'bibliography.json'));
    const result = runExportClaimReview([], repo);
    expect(result.code).toBe(1);
    expect(result.message).toContain('content/bibliography.json: (file): missing');
  });

  it('rejects a non-https base with exit code 2 from the command line', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/export-claimreview.ts', '--base', 'http://example.org/MYTHS.md'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must use https');
  });
});
