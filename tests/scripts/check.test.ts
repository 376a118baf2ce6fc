import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/pages';

const ROOT = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'check.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
  });
const dir = mkdtempSync(join(tmpdir(), 'check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check', () => {
  it('prints one JSON line per file with findings from HTML, through the content script extractor', () => {
    const text = join(dir, 'draft.txt');
    writeFileSync(text, 'A calm first paragraph.\n\n\nHonestly, depression is just laziness.\n');
    const result = run('--json', join(FIXTURES, 'e2e', 'forum.html'), text);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([join(FIXTURES, 'e2e', 'forum.html'), text]);
    const html = lines[0].findings;
    expect(
      html
        .filter((f: { stance: string }) => f.stance === 'asserts')
        .map((f: { mythId: string }) => f.mythId)
        .sort(),
    ).toEqual(['depression-is-laziness', 'exercise-cures-depression']);
    // The script's text is never read: only what a reader sees.
    expect(JSON.stringify(html)).not.toContain('<');
    const [plain] = lines[1].findings;
    expect(plain).toMatchObject({ mythId: 'depression-is-laziness', stance: 'asserts' });
    const content = 'A calm first paragraph.\n\n\nHonestly, depression is just laziness.\n';
    expect(content.slice(plain.start, plain.end)).toBe(plain.text);
  });

  it('reads standard input for "-"', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'check.ts'), '--json', '-'],
      {
        cwd: ROOT,
        input: 'It is a myth that depression is laziness.',
        encoding: 'utf8',
      },
    );
    const [line] = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line.findings.map((f: { stance: string }) => f.stance)).toEqual(['refutes']);
  });

  it('exits 2 with a clear message for a missing file', () => {
    const result = run(join(dir, 'nope.txt'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read');
    expect(result.stderr).toContain('no such file');
  });
});
