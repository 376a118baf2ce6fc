import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './harness';
import { REPO_ROOT } from './harness/config';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { soak, type SoakRow } from './harness/soak';
import { useSoakBrowsers } from './harness/soak-browsers';
import { report, summary } from './harness/soak-report';

/**
 * The full real-page soak (`npm run soak`): every page in ../shared/pages
 * (130 real pages, none about depression; SHARED_PAGES overrides the folder),
 * loaded with the extension and in a plain browser of the same kind, in
 * Chromium and Firefox; see tests/e2e/harness/soak.ts for what is compared
 * and how the extension's longest task is measured. Prints a table per page
 * and writes the summary into BENCHMARKS.md under "Real-page soak".
 */

const MAX_FINDINGS = 2;
const PAGES_DIR = resolve(process.env.SHARED_PAGES ?? join(REPO_ROOT, '..', 'shared', 'pages'));
const BENCHMARKS = join(REPO_ROOT, 'BENCHMARKS.md');
const HEADING = '## Real-page soak';

const rows: SoakRow[] = [];
let server: FixtureServer | undefined;
const started = Date.now();

beforeAll(async () => {
  if (!existsSync(PAGES_DIR)) {
    throw new Error(
      `FAIL: the shared real pages are missing at ${PAGES_DIR}. The full soak needs the ` +
        `project's shared/ folder beside the repository (or SHARED_PAGES=/path/to/pages).`,
    );
  }
  server = await startFixtureServer(PAGES_DIR);
});

afterAll(async () => {
  await server?.close();
  if (rows.length === 0) return;
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${HEADING}\n\n${report(rows, MAX_FINDINGS)}\n\nTook ${minutes} min.\n`);
  writeSection(rows, minutes);
});

for (const name of BROWSERS) {
  describe(name, () => {
    const browsers = useSoakBrowsers(name);

    it('leaves every shared real page as it is', async () => {
      if (!server) throw new Error('the page server did not start');
      const [handle, plain] = browsers();
      const origin = server.origin;
      const pages = readdirSync(PAGES_DIR)
        .filter((f) => /\.html?$/.test(f))
        .sort()
        .map((file) => ({ name: file, url: `${origin}/${encodeURIComponent(file)}` }));
      expect(pages.length, `pages in ${PAGES_DIR}`).toBeGreaterThan(0);
      const mine = await soak(handle, plain, pages, (row) => {
        rows.push(row);
        const note = row.problems.length ? row.problems.join('; ') : 'ok';
        console.log(
          `${row.browser} ${row.page}: badge ${row.badge}, task ${row.taskMs} ms, ${note}`,
        );
      });
      expect(
        mine.filter((r) => r.problems.length > 0).map((r) => `${r.page}: ${r.problems.join('; ')}`),
      ).toEqual([]);
      expect(mine.reduce((n, r) => n + r.badge, 0)).toBeLessThanOrEqual(MAX_FINDINGS);
    });
  });
}

/** Replaces the "Real-page soak" section of BENCHMARKS.md (or appends it), leaving the rest. */
function writeSection(all: SoakRow[], minutes: string): void {
  const failed = all.filter((r) => r.problems.length > 0);
  const section = [
    HEADING,
    '',
    `\`npm run soak\`, ${new Date().toISOString().slice(0, 10)}: every page in \`../shared/pages\` ` +
      `(${new Set(all.map((r) => r.page)).size} real pages, none about depression) opened with the ` +
      'extension and in a plain browser of the same kind, one after the other; requests to anywhere ' +
      'but the local server are refused in both. A page passes with no extra page or console error, ' +
      'the same `innerText`, the same element count outside `myth-lens-ui`, the same boxes for its ' +
      'first 50 text blocks, and no extension task of 50 ms or more. Chromium: the longest ' +
      'main-thread task with extension code in it, from a performance trace with CPU samples, in ' +
      'main-thread CPU time (the machine is shared, and wall time also counts waiting for a core); ' +
      "a navigation commit, in which the page being left runs its unload listeners, is charged only with the extension's own calls in it. " +
      'Firefox: the longest stall after load with the extension minus the same without it. A page ' +
      'over the limit is measured once more and the lower figure kept; a measure on which two plain ' +
      'loads of the page disagree is reported, not failed; a page that differs with the extension ' +
      'is loaded with it once more, and passes only if that second load matches. At most ' +
      `2 asserted findings in all. Took ${minutes} min.`,
    '',
    summary(all, MAX_FINDINGS),
    '',
    ...(failed.length > 0
      ? [
          'Pages with a problem:',
          '',
          ...failed.map((r) => `- ${r.browser} ${r.page}: ${r.problems.join('; ')}`),
          '',
        ]
      : []),
    ...slowest(all),
  ]
    .join('\n')
    .trimEnd();
  const current = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
  const at = current.indexOf(`\n${HEADING}\n`);
  let next: string;
  if (at < 0) {
    next = `${current.trimEnd()}\n\n${section}\n`;
  } else {
    const after = current.indexOf('\n## ', at + HEADING.length + 1);
    const rest = after < 0 ? '' : current.slice(after);
    next = `${current.slice(0, at)}\n${section}\n${rest}`;
  }
  // Prettier-clean: one newline at the end, one blank line before the next heading.
  writeFileSync(BENCHMARKS, `${next.trimEnd()}\n`);
}

/** The five pages where the extension's task was longest, per browser. */
function slowest(all: SoakRow[]): string[] {
  const out: string[] = [];
  for (const b of new Set(all.map((r) => r.browser))) {
    const top = all
      .filter((r) => r.browser === b)
      .sort((x, y) => y.taskMs - x.taskMs)
      .slice(0, 5)
      .map((r) => `${r.page} ${r.taskMs} ms`);
    out.push(`Longest extension tasks, ${b}: ${top.join(', ')}.`, '');
  }
  return out;
}
