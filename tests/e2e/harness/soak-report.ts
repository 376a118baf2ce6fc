import { TASK_LIMIT_MS, type SoakRow } from './soak';

/** A Markdown table of the rows and a one-paragraph summary per browser. */
export function report(rows: SoakRow[], maxFindings: number): string {
  const lines = [
    '| browser | page | load ms | badge | extension task ms (Chromium: CPU, wall) | longest gap ms (with / without) | result |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.browser} | ${r.page} | ${r.loadMs} | ${r.badge} | ${r.taskMs}${r.taskWallMs === null ? '' : ` (wall ${r.taskWallMs})`}${r.retried ? ', 2nd run' : ''} | ${r.gapMs[0]} / ${r.gapMs[1]} | ${
          (r.problems.length === 0 ? 'ok' : r.problems.join('; ').replace(/\|/g, '\\|')) +
          (r.unstable ? ` (page changes by itself: ${r.unstable.join(', ')})` : '')
        } |`,
    ),
  ];
  return `${lines.join('\n')}\n\n${summary(rows, maxFindings)}`;
}

export function summary(rows: SoakRow[], maxFindings: number): string {
  const browsers = [...new Set(rows.map((r) => r.browser))];
  return browsers
    .map((b) => {
      const mine = rows.filter((r) => r.browser === b);
      const failed = mine.filter((r) => r.problems.length > 0);
      const findings = mine.reduce((n, r) => n + r.badge, 0);
      const worst = mine.reduce((a, r) => (r.taskMs > a.taskMs ? r : a), mine[0]!);
      return (
        `- **${b}**: ${mine.length} pages, ${mine.length - failed.length} unchanged and quiet, ` +
        `${failed.length} with a problem${failed.length ? ` (${failed.map((r) => r.page).join(', ')})` : ''}; ` +
        `asserted findings ${findings} (limit ${maxFindings}); ` +
        `longest extension task ${worst?.taskMs ?? 0} ms (${worst?.page ?? '-'}, limit ${TASK_LIMIT_MS} ms).`
      );
    })
    .join('\n');
}
